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
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static ssize_t (*real_write) (int, const void *, size_t);
static ssize_t (*real_read) (int, void *, size_t);
static int log_fd = -1;

static void
find_real (void)
{
  if (real_write == NULL)
    real_write = (ssize_t (*) (int, const void *, size_t))
      dlsym (RTLD_NEXT, "write");
  if (real_read == NULL)
    real_read = (ssize_t (*) (int, void *, size_t)) dlsym (RTLD_NEXT, "read");
}

static void
note (char what)
{
  struct timespec t;
  clock_gettime (CLOCK_REALTIME, &t);
  if (log_fd < 0)
    {
      const char *path = getenv ("TTYTIME_LOG");
      if (path == NULL)
        return;
      log_fd = open (path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
      if (log_fd < 0)
        return;
    }
  char line[64];
  int n = snprintf (line, sizeof line, "%c %lld.%06ld\n", what,
                    (long long) t.tv_sec, t.tv_nsec / 1000);
  if (n > 0)
    real_write (log_fd, line, (size_t) n);
}

ssize_t
write (int fd, const void *buf, size_t len)
{
  find_real ();
  ssize_t r = real_write (fd, buf, len);
  const char *mark = getenv ("TTYTIME_MARK");
  if (fd == 1 && r > 0 && mark && *mark
      && memmem (buf, len, mark, strlen (mark)) != NULL)
    note ('W');
  return r;
}

ssize_t
read (int fd, void *buf, size_t len)
{
  find_real ();
  ssize_t r = real_read (fd, buf, len);
  if (fd == 0 && r > 0)
    note ('R');
  return r;
}
