/* util.h -- allocation that cannot fail silently, growable buffers, and
   the diagnostics list that the loader fills and the front ends print.  */

#ifndef CASEBOOK_UTIL_H
#define CASEBOOK_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <sys/types.h>
#include <stdint.h>

/* Allocation wrappers: on exhaustion they call the fatal handler set by
   util_set_fatal() (default: print and exit 2), so callers never check.  */
void *xmalloc (size_t size);
void *xcalloc (size_t n, size_t size);
void *xrealloc (void *p, size_t size);
/* Grow *P to hold at least NEED elements of SIZE; *ALLOC is the capacity.  */
void *xgrow (void *p, size_t *alloc, size_t need, size_t size);
char *xstrdup (const char *s);
char *xstrndup (const char *s, size_t n);
/* printf into a fresh string.  Caller frees.  */
char *xasprintf (const char *fmt, ...)
  __attribute__ ((format (printf, 1, 2)));
char *xvasprintf (const char *fmt, va_list ap)
  __attribute__ ((format (printf, 1, 0)));

/* Is C an ASCII letter or digit, whatever the locale?  */
int util_ascii_alnum (int c);

/* Is S a day written YYYY-MM-DD (2024-02-29, not 2022-13-45)?  */
int util_date_valid (const char *s);

/* Called on memory exhaustion; a front end restores the terminal here.  */
void util_set_fatal (void (*fn) (const char *msg));

/* A growable byte buffer, always NUL-terminated once anything is added.  */
struct buf
{
  char *data;
  size_t len;
  size_t alloc;
};

void buf_add (struct buf *b, const void *data, size_t len);
void buf_adds (struct buf *b, const char *s);
void buf_addc (struct buf *b, char c);
/* Append V to B as 4 bytes, little-endian (the index's records).  */
void buf_add_le32 (struct buf *b, uint32_t v);
/* The 4 bytes at P, little-endian, as buf_add_le32 put them.  */
uint32_t util_get_le32 (const unsigned char *p);
void buf_printf (struct buf *b, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));
/* Hand over the contents (never NULL) and reset B.  Caller frees.  */
char *buf_steal (struct buf *b);
void buf_free (struct buf *b);

/* How the library reports failure -- one convention in every module:

   - A function that can fail returns 0 (or a pointer, or a count) when
     it succeeds and -1 (or NULL) when it fails.  It never prints and
     never exits; memory exhaustion alone goes to the fatal handler.
   - Problems in files that a person edits (content, the glossary, the
     configuration file) go to a struct diags, each with its file and
     line, as many as there are: the reader fixes them all in one go.
     The function reads on past each one where it can, and fails when it
     added an error.
   - Any other failure (a file or database that cannot be used, a query
     or a place that means nothing) is one message for the reader,
     translated, in *CAUSE, which the caller frees; set only on failure.
     struct query_error (query.h) is that message with the byte offset in
     the query where it went wrong, so that a prompt can point there.
   - A remark that is no failure (the index was damaged and rebuilt) is
     a message in *NOTE, the same way.
   - The file functions below that wrap one system call (util_read_*,
     util_write_atomic, util_mkdir_p) set errno as the call does, for the
     caller to word the message.  */

enum diag_severity { DIAG_WARNING, DIAG_ERROR };

/* One problem found in a file.  LINE 0 means the file as a whole.  */
struct diag
{
  char *file;
  unsigned long line;
  enum diag_severity severity;
  char *message;
};

struct diags
{
  struct diag *items;
  size_t count;
  size_t alloc;
  size_t errors;
  size_t warnings;
};

void diags_add (struct diags *d, enum diag_severity sev, const char *file,
                unsigned long line, const char *fmt, ...)
  __attribute__ ((format (printf, 5, 6)));
void diags_free (struct diags *d);
/* Add FROM's problems to TO's, in order, and empty FROM.  */
void diags_move (struct diags *to, struct diags *from);
/* Forget D's problems after its first COUNT.  */
void diags_truncate (struct diags *d, size_t count);
/* "FILE:LINE: message" (or "FILE: message" for LINE 0).  Caller frees.  */
char *diag_format (const struct diag *g);

/* How recent a file's times may be before they are not trusted to show
   a change (the index's check and the headers kept between listings):
   FAT keeps two seconds, many file systems one.  */
#define UTIL_TIME_SLACK_SECONDS 2

/* Read from FD into BUF until LEN bytes are read or the file ends
   (reads cut short by a signal are made again).  Returns the count read,
   less than LEN only at the end of the file, or -1 with errno set.  */
ssize_t util_read_all (int fd, void *buf, size_t len);

/* Read a whole file into memory (NUL appended, not counted in *LEN).
   Returns NULL and sets errno on failure.  Caller frees.  */
char *util_read_file (const char *path, size_t *len);

/* Like util_read_file, for files that must be regular files: a FIFO or
   a device is refused without being opened for long (a FIFO would block,
   /dev/zero never end): NULL with errno 0.  A file of more than MAX
   bytes is refused too, with errno EFBIG, having read no more than MAX
   and one byte: a file that is not what the caller reads must not take
   every byte of memory.  The file's length sizes the buffer, so a large
   file is read in one allocation, without copying.  */
char *util_read_regular (const char *path, size_t max, size_t *len);

/* Like util_read_regular, for a file casebook keeps in its own
   directory: never through a symbolic link, and only a file of this
   user's (EPERM).  */
char *util_read_own (const char *path, size_t max, size_t *len);

/* Like util_read_regular, but at most the first MAX bytes: *WHOLE says
   whether that was the whole file.  Caller frees.  */
char *util_read_regular_head (const char *path, size_t max, size_t *len,
                              int *whole);
/* The same into BUF (MAX + 1 bytes: the bytes read and a NUL), which
   the caller can use again for the next file: memory written for the
   first time costs a page fault, far more than the read.  Returns 0, or
   -1 with errno set (0 for a file that is not regular).  */
int util_read_regular_head_into (const char *path, char *buf, size_t max,
                                 size_t *len, int *whole);

/* Write LEN bytes to PATH atomically and durably: a temporary file in
   the same directory (never through a link planted under its name),
   fsync, rename, fsync of the directory.  A file written over keeps
   its permissions.  Returns 0, or -1 with errno set.  */
int util_write_atomic (const char *path, const void *data, size_t len);
/* The same, the file readable by its owner only (0600), whatever the
   umask or the file written over.  */
int util_write_private (const char *path, const void *data, size_t len);

/* Write LEN bytes to PATH as the shell's > would, but whole or not at
   all where it can: a link is followed to the file it names, made if it
   does not exist yet; a FIFO, a terminal or a device (/dev/null,
   /dev/stdout) is opened and written into, never replaced by a file.  A
   file that cannot be written (access(2) W_OK, as > finds) is refused.
   Otherwise a temporary file beside it, with its mode, owner and group,
   takes its place; where that cannot be (the file has other hard links,
   is another user's and we are not root, or its directory may not be
   written) the bytes are written into the file itself, once the disk
   has room for them.  Temporary files of others are left alone.
   Returns 0, or -1 with errno set.  */
int util_write_out (const char *path, const void *data, size_t len);
/* The path of the file PATH names once its links are followed, as
   util_write_out follows them, which need not exist (a dangling link
   names the file that > would make).  NULL with errno set (ELOOP for a
   loop, EACCES for a link in a sticky directory that is not its
   owner's).  Caller frees.  */
char *util_follow_links (const char *path);

/* Make a rename or creation of PATH durable: fsync the directory that
   holds it (a file system that cannot is not an error).  Returns 0, or
   -1 with errno set.  */
int util_fsync_dir (const char *path);

/* Remove the temporary files (PATH.tmp.PID) that writers of PATH killed
   before their rename left behind.  */
void util_remove_stale_temps (const char *path);

/* Is DIGITS, the whole string, the number of a process other than this
   one that is gone?  Then what a name ending in it holds is a leftover
   of a writer killed before it was done; a live writer's is not.  */
int util_pid_gone (const char *digits);

/* A 64-bit checksum of LEN bytes at DATA, seeded with H (0, or a
   checksum to continue from): for caches and keys, where it catches
   damage, not an adversary.  Every bit of the input reaches every bit of
   the result.  */
uint64_t util_hash (uint64_t h, const void *data, size_t len);

/* A file's state, enough to tell that it changed since: an edit gives
   it a new change time even when its size and modification time are
   put back.  */
struct file_stamp
{
  int64_t dev, ino, size, ctime_sec, ctime_nsec;
};
/* The state of the file at PATH into *OUT.  Returns 0, or -1 (errno
   set) with *OUT zeroed.  */
int util_file_stamp (const char *path, struct file_stamp *out);
int util_file_stamp_equal (const struct file_stamp *a,
                           const struct file_stamp *b);

/* Milliseconds on the monotonic clock, for timing a wait or a piece of
   work (not the time of day).  */
long long util_now_ms (void);

/* Create DIR and its parents (mode 0700 for new ones).  0 or -1/errno.  */
int util_mkdir_p (const char *dir);

/* The directories util_mkdir_made created, parents first.  */
struct made_dirs
{
  char **dirs;
  size_t n;
};

/* util_mkdir_p, adding each directory it creates itself to *MADE, also
   when it fails part of the way (*MADE starts zeroed).  0 or -1/errno.  */
int util_mkdir_made (const char *dir, struct made_dirs *made);

/* Take back the directories in *MADE that are still empty, deepest
   first, so that a failed write leaves the file system as it was;
   errno is kept.  Empties *MADE, as util_made_free does.  */
void util_rmdir_made (struct made_dirs *made);

/* Forget *MADE (the directories stay).  */
void util_made_free (struct made_dirs *made);

/* Join two path parts with one slash.  Caller frees.  */
char *util_path_join (const char *a, const char *b);

/* Free the N strings of V and V itself.  */
void strv_free (char **v, size_t n);

#endif /* CASEBOOK_UTIL_H */
