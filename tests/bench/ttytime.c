/* ttytime.c -- when a program reads its keys and draws a mark: loaded
   with LD_PRELOAD into the browser by tests/bench/run, so that the
   bench can tell the browser's own time from what tmux adds to it.

   Each read(2) of the terminal (fd 0) that returns bytes appends
   "R <seconds>" to $TTYTIME_LOG, and each write(2) to fd 1 whose bytes
   hold $TTYTIME_MARK appends "W <seconds>" (wall-clock time, to the
   microsecond, comparable with bash's $EPOCHREALTIME).  ncurses reads
   and writes through these two calls.  Only for measuring: never
   installed, never part of make check.  */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static ssize_t (*real_write) (int, const void *, size_t);
static ssize_t (*real_read) (int, void *, size_t);
static int log_fd = -1;
static const char *mark;
static size_t mark_len;

/* Before the program's main, and so before any of its threads.  */
__attribute__ ((constructor)) static void
ttytime_init (void)
{
  real_write = (ssize_t (*) (int, const void *, size_t))
    dlsym (RTLD_NEXT, "write");
  real_read = (ssize_t (*) (int, void *, size_t)) dlsym (RTLD_NEXT, "read");
  mark = getenv ("TTYTIME_MARK");
  mark_len = mark ? strlen (mark) : 0;
  const char *path = getenv ("TTYTIME_LOG");
  if (path)
    log_fd = open (path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
}

/* Append WHAT and the time to the log; errno as it was.  */
static void
note (char what)
{
  if (log_fd < 0)
    return;
  int saved = errno;
  struct timespec t;
  clock_gettime (CLOCK_REALTIME, &t);
  char line[64];
  int n = snprintf (line, sizeof line, "%c %lld.%06ld\n", what,
                    (long long) t.tv_sec, t.tv_nsec / 1000);
  if (n > 0)
    real_write (log_fd, line, (size_t) n);
  errno = saved;
}

/* The end of the last write to fd 1, so that a mark split between two
   writes is seen.  Only the browser's main thread writes there.  */
static char tail[64];
static size_t tail_len;

ssize_t
write (int fd, const void *buf, size_t len)
{
  ssize_t r = real_write (fd, buf, len);
  if (fd != 1 || r <= 0 || mark_len == 0 || mark_len > sizeof tail)
    return r;
  /* Only the bytes written: what a short write left comes again.  */
  size_t n = (size_t) r;
  int seen = memmem (buf, n, mark, mark_len) != NULL;
  if (!seen && tail_len > 0)
    {
      /* The tail and the start of this write, where a split mark is.  */
      char joint[2 * sizeof tail];
      size_t head = n < mark_len - 1 ? n : mark_len - 1;
      memcpy (joint, tail, tail_len);
      memcpy (joint + tail_len, buf, head);
      seen = memmem (joint, tail_len + head, mark, mark_len) != NULL;
    }
  if (seen)
    note ('W');
  /* Keep the last MARK_LEN - 1 bytes of what was written so far.  */
  size_t keep = mark_len - 1;
  if (n >= keep)
    {
      memcpy (tail, (const char *) buf + n - keep, keep);
      tail_len = keep;
    }
  else
    {
      size_t drop = tail_len + n > keep ? tail_len + n - keep : 0;
      memmove (tail, tail + drop, tail_len - drop);
      memcpy (tail + tail_len - drop, buf, n);
      tail_len = tail_len - drop + n;
    }
  return r;
}

ssize_t
read (int fd, void *buf, size_t len)
{
  ssize_t r = real_read (fd, buf, len);
  if (fd == 0 && r > 0)
    note ('R');
  return r;
}
