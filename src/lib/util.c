/* util.c -- memory, buffers, diagnostics and file helpers shared by the
   core library and the front ends.  Nothing here prints except the
   default fatal handler.  */

#include <config.h>
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void
default_fatal (const char *msg)
{
  fprintf (stderr, "casebook: %s\n", msg);
  exit (2);
}

static void (*fatal_handler) (const char *) = default_fatal;

void
util_set_fatal (void (*fn) (const char *msg))
{
  fatal_handler = fn ? fn : default_fatal;
}

static void *
check (void *p)
{
  if (p == NULL)
    fatal_handler ("memory exhausted");
  return p;
}

void *
xmalloc (size_t size)
{
  return check (malloc (size ? size : 1));
}

void *
xcalloc (size_t n, size_t size)
{
  return check (calloc (n ? n : 1, size ? size : 1));
}

void *
xrealloc (void *p, size_t size)
{
  return check (realloc (p, size ? size : 1));
}

void *
xgrow (void *p, size_t *alloc, size_t need, size_t size)
{
  if (need <= *alloc)
    return p;
  size_t n = *alloc ? *alloc : 8;
  while (n < need)
    {
      if (n > ((size_t) -1) / 2 / size)
        fatal_handler ("memory exhausted");
      n *= 2;
    }
  *alloc = n;
  return xrealloc (p, n * size);
}

char *
xstrdup (const char *s)
{
  return xstrndup (s, strlen (s));
}

char *
xstrndup (const char *s, size_t n)
{
  char *r = xmalloc (n + 1);
  memcpy (r, s, n);
  r[n] = '\0';
  return r;
}

char *
xvasprintf (const char *fmt, va_list ap)
{
  va_list aq;
  va_copy (aq, ap);
  int n = vsnprintf (NULL, 0, fmt, aq);
  va_end (aq);
  if (n < 0)
    fatal_handler ("bad format");
  char *s = xmalloc ((size_t) n + 1);
  vsnprintf (s, (size_t) n + 1, fmt, ap);
  return s;
}

char *
xasprintf (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *s = xvasprintf (fmt, ap);
  va_end (ap);
  return s;
}

void
buf_add (struct buf *b, const void *data, size_t len)
{
  b->data = xgrow (b->data, &b->alloc, b->len + len + 1, 1);
  if (len)
    memcpy (b->data + b->len, data, len);
  b->len += len;
  b->data[b->len] = '\0';
}

void
buf_add_le32 (struct buf *b, uint32_t v)
{
  unsigned char c[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff,
                         (v >> 24) & 0xff };
  buf_add (b, c, 4);
}

uint32_t
util_get_le32 (const unsigned char *p)
{
  return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16
    | (uint32_t) p[3] << 24;
}

void
buf_adds (struct buf *b, const char *s)
{
  buf_add (b, s, strlen (s));
}

void
buf_addc (struct buf *b, char c)
{
  buf_add (b, &c, 1);
}

void
buf_printf (struct buf *b, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *s = xvasprintf (fmt, ap);
  va_end (ap);
  buf_adds (b, s);
  free (s);
}

char *
buf_steal (struct buf *b)
{
  char *s = b->data ? b->data : xstrdup ("");
  b->data = NULL;
  b->len = b->alloc = 0;
  return s;
}

void
buf_free (struct buf *b)
{
  free (b->data);
  b->data = NULL;
  b->len = b->alloc = 0;
}

/* MSG (taken), or its start and its end around "...", cut between
   characters, when it is longer than a screen or two: a message quotes
   what it is about (a field's name, a value), and a hostile file's
   could fill the terminal with megabytes of it.  The end says what is
   expected, so it is kept too.  Caller frees.  */
static char *
clip_message (char *msg)
{
  enum { HEAD = 600, TAIL = 300 };
  size_t len = strlen (msg);
  if (len <= HEAD + TAIL + 100)
    return msg;
  size_t head = HEAD, tail = len - TAIL;
  while (head > 0 && ((unsigned char) msg[head] & 0xc0) == 0x80)
    head--;
  while (tail < len && ((unsigned char) msg[tail] & 0xc0) == 0x80)
    tail++;
  char *clipped = xasprintf ("%.*s...%s", (int) head, msg, msg + tail);
  free (msg);
  return clipped;
}

void
diags_add (struct diags *d, enum diag_severity sev, const char *file,
           unsigned long line, const char *fmt, ...)
{
  d->items = xgrow (d->items, &d->alloc, d->count + 1, sizeof *d->items);
  struct diag *g = &d->items[d->count++];
  va_list ap;
  va_start (ap, fmt);
  g->message = clip_message (xvasprintf (fmt, ap));
  va_end (ap);
  g->file = xstrdup (file ? file : "");
  g->line = line;
  g->severity = sev;
  if (sev == DIAG_ERROR)
    d->errors++;
  else
    d->warnings++;
}

void
diags_move (struct diags *to, struct diags *from)
{
  for (size_t k = 0; k < from->count; k++)
    diags_add (to, from->items[k].severity, from->items[k].file,
               from->items[k].line, "%s", from->items[k].message);
  diags_free (from);
}

void
diags_truncate (struct diags *d, size_t count)
{
  while (d->count > count)
    {
      struct diag *g = &d->items[--d->count];
      if (g->severity == DIAG_ERROR)
        d->errors--;
      else if (g->severity == DIAG_WARNING)
        d->warnings--;
      free (g->file);
      free (g->message);
    }
}

char *
diag_format (const struct diag *g)
{
  return g->line ? xasprintf ("%s:%lu: %s", g->file, g->line, g->message)
    : xasprintf ("%s: %s", g->file, g->message);
}

void
diags_free (struct diags *d)
{
  for (size_t i = 0; i < d->count; i++)
    {
      free (d->items[i].file);
      free (d->items[i].message);
    }
  free (d->items);
  memset (d, 0, sizeof *d);
}

ssize_t
util_read_all (int fd, void *buf, size_t len)
{
  char *p = buf;
  size_t got = 0;
  while (got < len)
    {
      ssize_t n = read (fd, p + got, len - got);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      got += (size_t) n;
    }
  return (ssize_t) got;
}

/* Read all of FD (then closed) into memory, NUL appended.  SIZE_HINT
   is the file's length when known (0 if not): the buffer is made that
   large at once and read into directly, so a large file costs one
   allocation and no copying (a pipe or a file that grows still reads
   whole, in steps that double).  */
static char *
read_fd (int fd, size_t max, size_t size_hint, size_t *len)
{
  size_t got = 0;
  if (size_hint > max)
    size_hint = max;
  /* One byte more than the length, so that the end is seen without
     another allocation, and one for the NUL.  */
  size_t alloc = (size_hint ? size_hint : 65536) + 2;
  char *data = xmalloc (alloc);
  for (;;)
    {
      if (alloc - got < 2)
        data = xgrow (data, &alloc, alloc + 1, 1);
      size_t room = alloc - got - 1;
      if (max - got < room)
        room = max - got + 1;   /* a byte past MAX tells it is too long */
      ssize_t n = util_read_all (fd, data + got, room);
      if (n < 0 || (size_t) n > max - got)
        {
          /* A file too long stops here, not when memory runs out.  */
          int e = n < 0 ? errno : EFBIG;
          close (fd);
          free (data);
          errno = e;
          return NULL;
        }
      got += (size_t) n;
      if ((size_t) n < room)
        break;                  /* the end of the file */
    }
  close (fd);
  data[got] = '\0';
  /* Kept by the caller, often for as long as it runs: no more than it
     holds (a short pipe read into the first 64 KB).  */
  if (alloc - got > 4096)
    data = xrealloc (data, got + 1);
  *len = got;
  return data;
}

/* The length of the regular file ST describes, or 0 (a pipe, a device:
   unknown).  */
static size_t
size_of (const struct stat *st)
{
  return S_ISREG (st->st_mode) && st->st_size > 0
    && (uintmax_t) st->st_size < SIZE_MAX / 2 ? (size_t) st->st_size : 0;
}

/* Open PATH with FLAGS and check what it is: a directory is refused
   (EISDIR), and with ONLY_REGULAR anything but a regular file (errno 0).
   Returns the descriptor or -1.  */
static int
open_checked (const char *path, int flags, int only_regular,
              struct stat *out)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC | flags);
  if (fd < 0)
    return -1;
  struct stat st;
  int e = 0;
  if (fstat (fd, &st) != 0)
    e = errno;
  else if (S_ISDIR (st.st_mode))
    e = EISDIR;
  else if (only_regular && !S_ISREG (st.st_mode))
    e = -1;
  if (e == 0)
    {
      if (out)
        *out = st;
      return fd;
    }
  close (fd);
  errno = e > 0 ? e : 0;
  return -1;
}

char *
util_read_file (const char *path, size_t *len)
{
  struct stat st;
  int fd = open_checked (path, 0, 0, &st);
  return fd < 0 ? NULL : read_fd (fd, SIZE_MAX, size_of (&st), len);
}

/* util_read_regular, opening PATH with FLAGS as well; with OWN, only a
   file of this user's.  */
static char *
read_regular (const char *path, int flags, int own, size_t max, size_t *len)
{
  /* O_NONBLOCK so that opening a FIFO returns at once; the checks and the
     reading use the one descriptor, so nothing can change in between.  */
  struct stat st;
  int fd = open_checked (path, O_NONBLOCK | flags, 1, &st);
  if (fd < 0)
    return NULL;
  if (own && st.st_uid != geteuid ())
    {
      close (fd);
      errno = EPERM;
      return NULL;
    }
  if (st.st_size > 0 && (uintmax_t) st.st_size > max)
    {
      /* Refused before a byte is read.  */
      close (fd);
      errno = EFBIG;
      return NULL;
    }
  int fl = fcntl (fd, F_GETFL);
  if (fl != -1)
    fcntl (fd, F_SETFL, fl & ~O_NONBLOCK);
  return read_fd (fd, max, size_of (&st), len);
}

char *
util_read_regular (const char *path, size_t max, size_t *len)
{
  return read_regular (path, 0, 0, max, len);
}

char *
util_read_own (const char *path, size_t max, size_t *len)
{
  return read_regular (path, O_NOFOLLOW, 1, max, len);
}

int
util_read_regular_head_into (const char *path, char *buf, size_t max,
                             size_t *len, int *whole)
{
  struct stat st;
  int fd = open_checked (path, O_NONBLOCK, 1, &st);
  if (fd < 0)
    return -1;
  ssize_t r = util_read_all (fd, buf, max);
  if (r < 0)
    {
      int e = errno;
      close (fd);
      errno = e;
      return -1;
    }
  size_t got = (size_t) r;
  int eof = got < max;
  /* Exactly MAX bytes long, or longer?  The size says, without another
     read (a file that grows meanwhile is read as it was); one that says
     0 (as /proc's do) is asked by reading on.  */
  if (!eof && st.st_size > 0)
    eof = st.st_size <= (off_t) got;
  else if (!eof)
    {
      char probe;
      ssize_t n;
      while ((n = read (fd, &probe, 1)) < 0 && errno == EINTR)
        ;
      eof = n == 0;
    }
  close (fd);
  buf[got] = '\0';
  *len = got;
  *whole = eof;
  return 0;
}

char *
util_read_regular_head (const char *path, size_t max, size_t *len,
                        int *whole)
{
  char *data = xmalloc (max + 1);
  if (util_read_regular_head_into (path, data, max, len, whole) != 0)
    {
      int e = errno;
      free (data);
      errno = e;
      return NULL;
    }
  return data;
}

/* Write the LEN bytes of DATA to FD, however many calls it takes.
   Returns 0, or -1 with errno set.  */
static int
write_all (int fd, const void *data, size_t len)
{
  const char *p = data;
  while (len > 0)
    {
      ssize_t n = write (fd, p, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      p += n;
      len -= (size_t) n;
    }
  return 0;
}

/* Open a new temporary file beside PATH for writing, its name into
   *TMP (caller frees).  The name is easily guessed: in a directory
   others may write, a link planted under it must not be followed (that
   would write over the file it points to), so the file is always new.
   With CLEAR, a file left by an earlier process of this pid is removed
   (the directory is ours); without, a name already taken is another's
   file and the next free name is used.  Returns the descriptor, or -1
   with errno set.  */
static int
open_temp (const char *path, int clear, char **tmp)
{
  int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
  for (int n = 0; n < 100; n++)
    {
      *tmp = n == 0 ? xasprintf ("%s.tmp.%ld", path, (long) getpid ())
        : xasprintf ("%s.tmp.%ld.%d", path, (long) getpid (), n);
      int fd = open (*tmp, flags, 0666);
      if (fd < 0 && errno == EEXIST && clear && unlink (*tmp) == 0)
        fd = open (*tmp, flags, 0666);
      if (fd >= 0 || errno != EEXIST || clear)
        {
          if (fd < 0)
            {
              int e = errno;
              free (*tmp);
              *tmp = NULL;
              errno = e;
            }
          return fd;
        }
      free (*tmp);
    }
  *tmp = NULL;
  errno = EEXIST;
  return -1;
}

/* Write LEN bytes of DATA into a new temporary file beside PATH, synced
   and closed, its name into *TMP (caller frees).  OLD, when not NULL,
   is the status of the file it is to replace: the new one gets its
   permissions, and with OWNER its owner and group too (EPERM when that
   is not allowed).  CLEAR as for open_temp.  Returns 0, or -1 with
   errno set and nothing left behind.  */
static int
write_temp (const char *path, const void *data, size_t len,
            const struct stat *old, int owner, int clear, char **tmp)
{
  int fd = open_temp (path, clear, tmp);
  if (fd < 0)
    return -1;
  struct stat st;
  /* Owner, then mode: a change of owner may clear mode bits, and the
     old file's permission bits (not its set-id bits) are what the new
     one gets.  */
  if (old && owner
      && (fstat (fd, &st) != 0
          || ((st.st_uid != old->st_uid || st.st_gid != old->st_gid)
              && fchown (fd, old->st_uid, old->st_gid) != 0)))
    goto fail;
  /* A file written over keeps its permissions: a reader's private
     file (0600) must not become readable by others.  */
  if (old && fchmod (fd, old->st_mode & 0777) != 0)
    goto fail;
  if (write_all (fd, data, len) != 0 || fsync (fd) != 0)
    goto fail;
  int rc = close (fd);
  fd = -1;
  if (rc == 0)
    return 0;

fail:;
  int e = errno;
  if (fd >= 0)
    close (fd);
  unlink (*tmp);
  free (*tmp);
  *tmp = NULL;
  errno = e;
  return -1;
}

/* util_write_atomic; with MODE, the new file has MODE's permissions
   rather than the old file's.  */
static int
write_atomic (const char *path, const void *data, size_t len,
              const struct stat *mode)
{
  struct stat old;
  int over = stat (path, &old) == 0 && S_ISREG (old.st_mode);
  char *tmp;
  if (write_temp (path, data, len, mode ? mode : over ? &old : NULL, 0, 1,
                  &tmp) != 0)
    return -1;
  if (rename (tmp, path) != 0)
    {
      int e = errno;
      unlink (tmp);
      free (tmp);
      errno = e;
      return -1;
    }
  free (tmp);
  util_remove_stale_temps (path);
  /* The rename is only durable once the directory is: without this a
     crash can leave the old file, or none, after we reported success.  */
  return util_fsync_dir (path);
}

int
util_write_atomic (const char *path, const void *data, size_t len)
{
  return write_atomic (path, data, len, NULL);
}

int
util_write_private (const char *path, const void *data, size_t len)
{
  struct stat mode;
  memset (&mode, 0, sizeof mode);
  mode.st_mode = S_IFREG | 0600;
  return write_atomic (path, data, len, &mode);
}

/* Write LEN bytes of DATA into the file PATH itself, as the shell's >
   does, but only once the disk has room for them, and without emptying
   the file first: the old bytes are written over, then what is left of
   them cut off.  OLD is PATH's status as it was judged: what is opened
   must be that file, not a link or a FIFO put there since (in a
   directory others may write, that would aim the write anywhere this
   user can write).  Returns 0, or -1 with errno set.  */
static int
write_in_place (const char *path, const struct stat *old, const void *data,
                size_t len)
{
  int fd = open (path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY
                 | O_CLOEXEC);
  if (fd < 0)
    return -1;
  struct stat st;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode)
      || st.st_dev != old->st_dev || st.st_ino != old->st_ino)
    {
      close (fd);
      errno = EAGAIN;           /* it changed under us: try again */
      return -1;
    }
  int fl = fcntl (fd, F_GETFL);
  if (fl != -1)
    fcntl (fd, F_SETFL, fl & ~O_NONBLOCK);
  /* A full disk or quota is found before a byte is changed; a file
     system that cannot reserve space (EOPNOTSUPP, EINVAL) is written
     all the same.  */
  int e = len > 0 ? posix_fallocate (fd, 0, (off_t) len) : 0;
  if (e == ENOSPC || e == EDQUOT || e == EFBIG)
    {
      close (fd);
      errno = e;
      return -1;
    }
  if (write_all (fd, data, len) != 0 || ftruncate (fd, (off_t) len) != 0
      || fsync (fd) != 0)
    {
      e = errno;
      close (fd);
      errno = e;
      return -1;
    }
  return close (fd);
}

/* Write LEN bytes of DATA to the regular file PATH (no link), which may
   not exist yet, as util_write_out says.  */
static int
write_over (const char *path, const void *data, size_t len)
{
  struct stat old;
  int exists = lstat (path, &old) == 0;
  if (exists && S_ISDIR (old.st_mode))
    {
      errno = EISDIR;
      return -1;
    }
  /* Refused where > is refused (a file mode 0444, or on a read-only
     file system), and written where > writes (root writes a file of
     mode 0444): the replacement would otherwise succeed wherever the
     directory may be written.  */
  if (exists && faccessat (AT_FDCWD, path, W_OK, AT_EACCESS) != 0)
    return -1;
  /* Another link to the file must see the new text, as it does after
     >: a replacement would leave it the old one.  */
  if (exists && old.st_nlink > 1)
    return write_in_place (path, &old, data, len);
  char *tmp;
  if (write_temp (path, data, len, exists ? &old : NULL, 1, 0, &tmp) != 0)
    {
      /* A replacement that could not be another user's file (not
         root), or a directory we may not write: > writes into the
         file, and so do we.  */
      if (exists && (errno == EPERM || errno == EACCES))
        return write_in_place (path, &old, data, len);
      return -1;
    }
  if (rename (tmp, path) != 0)
    {
      int e = errno;
      unlink (tmp);
      free (tmp);
      /* Another's file in a sticky directory (/tmp), or one mounted
         over: it may be written, not replaced.  */
      if (exists && (e == EPERM || e == EACCES || e == EBUSY))
        return write_in_place (path, &old, data, len);
      errno = e;
      return -1;
    }
  free (tmp);
  /* No util_remove_stale_temps: the directory is the reader's, and a
     file named like our temporary one is theirs to keep.  */
  return util_fsync_dir (path);
}

/* May the link P, whose status is LINK, be followed?  As Linux's
   fs.protected_symlinks allows: not one in a sticky directory that
   others can write (/tmp) unless this user or the directory's owner
   made it.  (fs.protected_fifos asks the same of a FIFO.)  Following
   links here, rather than letting open(2) do it, must not lift that
   protection whatever the setting: another user's link in /tmp would
   aim a write anywhere this user can write.  */
static int
may_follow (const char *p, const struct stat *link)
{
  if (link->st_uid == geteuid ())
    return 1;
  const char *slash = strrchr (p, '/');
  char *dir = slash == NULL ? xstrdup (".")
    : slash == p ? xstrdup ("/") : xstrndup (p, (size_t) (slash - p));
  struct stat ds;
  int ok = stat (dir, &ds) != 0
    || !((ds.st_mode & S_ISVTX) && (ds.st_mode & S_IWOTH))
    || ds.st_uid == link->st_uid;
  free (dir);
  return ok;
}

char *
util_follow_links (const char *path)
{
  char *p = xstrdup (path);
  for (int hops = 0; hops < 40; hops++)
    {
      struct stat st;
      if (lstat (p, &st) != 0 || !S_ISLNK (st.st_mode))
        return p;
      if (!may_follow (p, &st))
        {
          free (p);
          errno = EACCES;
          return NULL;
        }
      char to[PATH_MAX];
      ssize_t n = readlink (p, to, sizeof to - 1);
      if (n < 0)
        {
          int e = errno;
          free (p);
          errno = e;
          return NULL;
        }
      to[n] = '\0';
      char *slash = strrchr (p, '/');
      char *next = to[0] == '/' || slash == NULL ? xstrdup (to)
        : xasprintf ("%.*s/%s", (int) (slash - p), p, to);
      free (p);
      p = next;
    }
  free (p);
  errno = ELOOP;
  return NULL;
}

int
util_write_out (const char *path, const void *data, size_t len)
{
  /* stat follows /dev/stdout's link into /proc, which readlink cannot
     name: whatever is there that is no file is written into.  */
  struct stat st;
  if (stat (path, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode))
    {
      /* Reached through links as a file is: another user's link in
         /tmp must not aim the write at a FIFO or a device (a disk)
         this user can write.  Only asked: the path it ends at may be
         none (a pipe's "pipe:[N]").  */
      char *target = util_follow_links (path);
      if (target == NULL)
        return -1;
      /* Nor at another user's FIFO there, as fs.protected_fifos keeps
         the shell's > from it: the export would wait for a reader
         forever, or go to whoever made it.  */
      int ok = !S_ISFIFO (st.st_mode) || may_follow (target, &st);
      free (target);
      if (!ok)
        {
          errno = EACCES;
          return -1;
        }
      int fd = open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
      if (fd < 0)
        return -1;
      if (write_all (fd, data, len) != 0)
        {
          int e = errno;
          close (fd);
          errno = e;
          return -1;
        }
      return close (fd);
    }
  char *target = util_follow_links (path);
  if (target == NULL)
    return -1;
  int rc = write_over (target, data, len);
  int e = errno;
  free (target);
  errno = e;
  return rc;
}

int
util_fsync_dir (const char *path)
{
  char *dir = xstrdup (path);
  char *slash = strrchr (dir, '/');
  if (slash == dir)
    slash[1] = '\0';
  else if (slash)
    *slash = '\0';
  else
    strcpy (dir, ".");
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  free (dir);
  if (fd < 0)
    /* A directory we may write but not read (mode 0300) cannot be
       opened to sync: the file is in place, as good as we can make it.  */
    return errno == EACCES ? 0 : -1;
  int rc = fsync (fd);
  int e = errno;
  close (fd);
  /* Some file systems cannot sync a directory, and need not.  */
  if (rc != 0 && (e == EINVAL || e == ENOTSUP || e == EROFS))
    rc = 0;
  errno = e;
  return rc;
}

int
util_pid_gone (const char *digits)
{
  if (digits[0] < '1' || digits[0] > '9')
    return 0;
  char *end;
  long pid = strtol (digits, &end, 10);
  return *end == '\0' && pid > 0 && pid != (long) getpid ()
    && kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

void
util_remove_stale_temps (const char *path)
{
  char *dir = xstrdup (path);
  char *slash = strrchr (dir, '/');
  const char *base = slash ? slash + 1 : path;
  if (slash)
    *slash = '\0';
  else
    strcpy (dir, ".");
  size_t blen = strlen (base);
  DIR *dh = opendir (dir);
  if (dh)
    {
      struct dirent *de;
      while ((de = readdir (dh)) != NULL)
        {
          if (strncmp (de->d_name, base, blen) != 0
              || strncmp (de->d_name + blen, ".tmp.", 5) != 0)
            continue;
          /* Only files of writers that are gone: a live one may be
             about to rename its file.  */
          if (!util_pid_gone (de->d_name + blen + 5))
            continue;
          char *p = util_path_join (dir, de->d_name);
          unlink (p);
          free (p);
        }
      closedir (dh);
    }
  free (dir);
}

int
util_mkdir_p (const char *dir)
{
  return util_mkdir_made (dir, NULL);
}

/* Make D (mode 0700), adding it to MADE (which may be NULL) when it was
   not there.  0, or -1/errno.  */
static int
mkdir_one (const char *d, struct made_dirs *made)
{
  if (mkdir (d, 0700) != 0)
    return errno == EEXIST ? 0 : -1;
  if (made)
    {
      made->dirs = xrealloc (made->dirs, (made->n + 1) * sizeof *made->dirs);
      made->dirs[made->n++] = xstrdup (d);
    }
  return 0;
}

int
util_mkdir_made (const char *dir, struct made_dirs *made)
{
  char *d = xstrdup (dir);
  int r = 0;
  /* From the second byte, a leading '/' being the root; "" has none.  */
  for (char *p = d; *p && r == 0; p++)
    if (*p == '/' && p > d)
      {
        *p = '\0';
        r = mkdir_one (d, made);
        *p = '/';
      }
  if (r == 0)
    r = mkdir_one (d, made);
  int e = errno;
  free (d);
  errno = e;
  return r;
}

void
util_rmdir_made (struct made_dirs *made)
{
  int e = errno;
  /* rmdir takes only an empty directory: one that holds another's
     files by now is theirs too, and stays, with its parents.  */
  for (size_t i = made->n; i-- > 0;)
    if (rmdir (made->dirs[i]) != 0)
      break;
  util_made_free (made);
  errno = e;
}

void
util_made_free (struct made_dirs *made)
{
  strv_free (made->dirs, made->n);
  made->dirs = NULL;
  made->n = 0;
}

char *
util_path_join (const char *a, const char *b)
{
  size_t la = strlen (a);
  while (la > 1 && a[la - 1] == '/')
    la--;
  if (la == 1 && a[0] == '/')
    la = 0;                     /* the root: "/b", not "//b" */
  return xasprintf ("%.*s/%s", (int) la, a, b);
}

/* A 64-bit checksum built like xxHash64: four lanes that each multiply,
   rotate and multiply every word in, then a mix in which every input bit
   reaches every output bit.  It catches damaged or truncated data; it is
   not meant to resist an adversary, who could as well edit the content.  */
#define HASH_P1 0x9e3779b185ebca87ULL
#define HASH_P2 0xc2b2ae3d27d4eb4fULL
#define HASH_P3 0x165667b19e3779f9ULL
#define HASH_P4 0x85ebca77c2b2ae63ULL
#define HASH_P5 0x27d4eb2f165667c5ULL

static uint64_t
hash_rotl (uint64_t x, int r)
{
  return (x << r) | (x >> (64 - r));
}

static uint64_t
hash_round (uint64_t acc, uint64_t word)
{
  return hash_rotl (acc + word * HASH_P2, 31) * HASH_P1;
}

int
util_file_stamp (const char *path, struct file_stamp *out)
{
  struct stat st;
  memset (out, 0, sizeof *out);
  if (stat (path, &st) != 0)
    return -1;
  *out = (struct file_stamp) { (int64_t) st.st_dev, (int64_t) st.st_ino,
                               (int64_t) st.st_size,
                               (int64_t) st.st_ctim.tv_sec,
                               (int64_t) st.st_ctim.tv_nsec };
  return 0;
}

int
util_file_stamp_equal (const struct file_stamp *a, const struct file_stamp *b)
{
  return a->dev == b->dev && a->ino == b->ino && a->size == b->size
    && a->ctime_sec == b->ctime_sec && a->ctime_nsec == b->ctime_nsec;
}

long long
util_now_ms (void)
{
  struct timespec now;
  clock_gettime (CLOCK_MONOTONIC, &now);
  return now.tv_sec * 1000LL + now.tv_nsec / 1000000;
}

uint64_t
util_hash (uint64_t h, const void *data, size_t len)
{
  const unsigned char *p = data;
  uint64_t v[4] = { h + HASH_P1 + HASH_P2, h + HASH_P2, h, h - HASH_P1 };
  uint64_t acc = h + HASH_P5;
  if (len >= 32)
    {
      for (size_t n = len / 32; n > 0; n--, p += 32)
        for (int k = 0; k < 4; k++)
          {
            uint64_t w;
            memcpy (&w, p + 8 * k, sizeof w);
            v[k] = hash_round (v[k], w);
          }
      acc = hash_rotl (v[0], 1) + hash_rotl (v[1], 7) + hash_rotl (v[2], 12)
        + hash_rotl (v[3], 18);
      for (int k = 0; k < 4; k++)
        acc = (acc ^ hash_round (0, v[k])) * HASH_P1 + HASH_P4;
    }
  acc += (uint64_t) len;
  for (; (size_t) (p - (const unsigned char *) data) + 8 <= len; p += 8)
    {
      uint64_t w;
      memcpy (&w, p, sizeof w);
      acc = hash_rotl (acc ^ hash_round (0, w), 27) * HASH_P1 + HASH_P4;
    }
  for (; (size_t) (p - (const unsigned char *) data) < len; p++)
    acc = hash_rotl (acc ^ (*p * HASH_P5), 11) * HASH_P1;
  acc ^= acc >> 33;
  acc *= HASH_P2;
  acc ^= acc >> 29;
  acc *= HASH_P3;
  return acc ^ (acc >> 32);
}

void
strv_free (char **v, size_t n)
{
  for (size_t i = 0; i < n; i++)
    free (v[i]);
  free (v);
}

int
util_ascii_alnum (int c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
    || (c >= '0' && c <= '9');
}

int
util_date_valid (const char *s)
{
  static const char shape[] = "dddd-dd-dd";
  for (size_t i = 0; i < sizeof shape; i++)
    if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != shape[i])
      return 0;
  int y = atoi (s), m = atoi (s + 5), d = atoi (s + 8);
  static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1]
    && (m != 2 || d <= 28 + leap);
}
