/* test-util.c -- reading whole files: every length around the buffer's
   sizes comes back byte for byte, a file longer than the caller's limit
   is refused, a pipe of unknown length reads whole, and what is not a
   regular file is refused by util_read_regular; util_read_own does not
   read through a link, and util_write_private makes a file its owner's
   alone whatever the umask or the file it replaces.  */

#include <config.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"
#include "util.h"

/* Write LEN bytes of a pattern to PATH; the pattern in *DATA (caller
   frees).  */
static int
write_pattern (const char *path, size_t len, char **data)
{
  char *d = xmalloc (len + 1);
  for (size_t i = 0; i < len; i++)
    d[i] = (char) ('a' + (i * 7 + i / 251) % 26);
  d[len] = '\0';
  FILE *f = fopen (path, "wb");
  int ok = f && fwrite (d, 1, len, f) == len;
  if (f && fclose (f) != 0)
    ok = 0;
  *data = d;
  return ok ? 0 : -1;
}

int
main (void)
{
  char tmpl[] = "/tmp/casebook-test-util.XXXXXX";
  char *dir = mkdtemp (tmpl);
  if (dir == NULL)
    {
      printf ("Bail out! mkdtemp failed\n");
      return 1;
    }
  char *path = xasprintf ("%s/f", dir);

  /* Lengths around the first buffer of a file of unknown length (64
     KiB), the slack kept for the end, and a few megabytes.  */
  static const size_t lengths[] = { 0, 1, 2, 4095, 4096, 65534, 65535,
                                    65536, 65537, 131072, 3 << 20 };
  for (size_t k = 0; k < sizeof lengths / sizeof *lengths; k++)
    {
      size_t n = lengths[k], got = (size_t) -1, got2 = (size_t) -1;
      char *want;
      tap_ok (write_pattern (path, n, &want) == 0, "%zu bytes written", n);
      char *a = util_read_regular (path, n, &got);
      char *b = util_read_file (path, &got2);
      tap_ok (a && got == n && memcmp (a, want, n) == 0 && a[n] == '\0'
              && b && got2 == n && memcmp (b, want, n) == 0 && b[n] == '\0',
              "%zu bytes read back whole, NUL after (limit %zu)", n, n);
      if (n > 0)
        {
          errno = 0;
          char *c = util_read_regular (path, n - 1, &got);
          tap_ok (c == NULL && errno == EFBIG,
                  "%zu bytes refused with a limit of %zu (%s)", n, n - 1,
                  strerror (errno));
          free (c);
        }
      free (a);
      free (b);
      free (want);
    }

  /* A pipe has no length: read in steps until its end.  */
  {
    int fds[2];
    tap_ok (pipe (fds) == 0, "a pipe");
    size_t n = 300000;
    char *want;
    write_pattern (path, n, &want);
    pid_t pid = fork ();
    if (pid == 0)
      {
        close (fds[0]);
        size_t off = 0;
        while (off < n)
          {
            /* Short writes, so that reads come in pieces.  */
            size_t step = n - off < 1000 ? n - off : 1000;
            ssize_t w = write (fds[1], want + off, step);
            if (w <= 0)
              _exit (1);
            off += (size_t) w;
          }
        _exit (0);
      }
    close (fds[1]);
    char *fdpath = xasprintf ("/dev/fd/%d", fds[0]);
    size_t got = 0;
    char *a = util_read_file (fdpath, &got);
    int status;
    waitpid (pid, &status, 0);
    tap_ok (a && got == n && memcmp (a, want, n) == 0,
            "a pipe of %zu bytes reads whole (%zu)", n, got);
    errno = 0;
    char *r = util_read_regular (fdpath, SIZE_MAX, &got);
    tap_ok (r == NULL && errno == 0, "util_read_regular refuses a pipe");
    close (fds[0]);
    free (fdpath);
    free (a);
    free (r);
    free (want);
  }

  /* Private files.  */
  {
    char *own = xasprintf ("%s/own", dir), *link = xasprintf ("%s/link", dir);
    mode_t mask = umask (022);
    struct stat st;
    tap_ok (util_write_private (own, "abc", 3) == 0
            && stat (own, &st) == 0 && (st.st_mode & 0777) == 0600,
            "util_write_private makes a file 0600 under umask 022");
    chmod (own, 0644);
    tap_ok (util_write_private (own, "abcd", 4) == 0
            && stat (own, &st) == 0 && (st.st_mode & 0777) == 0600
            && st.st_size == 4,
            "and one written over a file of 0644 is 0600 again");
    umask (mask);
    size_t got = 0;
    char *a = util_read_own (own, 100, &got);
    tap_ok (a && got == 4 && memcmp (a, "abcd", 4) == 0,
            "util_read_own reads a file of its own");
    free (a);
    char *b = symlink (own, link) == 0 ? util_read_own (link, 100, &got)
      : (char *) "";
    tap_ok (b == NULL, "and not through a link");
    unlink (link);
    unlink (own);
    free (own);
    free (link);
  }

  unlink (path);
  rmdir (dir);
  free (path);
  return tap_done ();
}
