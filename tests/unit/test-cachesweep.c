/* test-cachesweep.c -- the cache keeps what was used in the last month
   and loses the rest: an index with its logs, word list and snapshot's
   copy goes with its database, a header file on its own; names
   casebook does not give, links and what they point to are left alone;
   a file is marked used once a day at most.  */

#include <config.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cachesweep.h"
#include "tap.h"
#include "util.h"

#define DAY ((int64_t) 24 * 60 * 60)

static char *dir;

/* Make DIR/NAME with modification time MTIME.  */
static void
make (const char *name, int64_t mtime)
{
  char *p = xasprintf ("%s/%s", dir, name);
  FILE *f = fopen (p, "w");
  if (f)
    {
      fputs ("x", f);
      fclose (f);
    }
  struct timespec t[2] = { { .tv_sec = (time_t) mtime },
                           { .tv_sec = (time_t) mtime } };
  utimensat (AT_FDCWD, p, t, 0);
  free (p);
}

static int
exists (const char *name)
{
  char *p = xasprintf ("%s/%s", dir, name);
  struct stat st;
  int r = lstat (p, &st) == 0;
  free (p);
  return r;
}

static int64_t
mtime_of (const char *name)
{
  char *p = xasprintf ("%s/%s", dir, name);
  struct stat st;
  int64_t m = stat (p, &st) == 0 ? (int64_t) st.st_mtime : -1;
  free (p);
  return m;
}

int
main (void)
{
  char tmpl[] = "/tmp/casebook-test-cachesweep.XXXXXX";
  dir = mkdtemp (tmpl);
  if (dir == NULL)
    {
      printf ("Bail out! mkdtemp failed\n");
      return 1;
    }
  const int64_t now = 1900000000;      /* 2030 */
  const int64_t old = now - 40 * DAY, recent = now - 2 * DAY;
  const char *A = "index-00000000000000aa", *B = "index-00000000000000bb";

  /* An old index with everything beside it, whose log is recent (a
     log is written by a search that changed something, the database
     marked by every search: the database decides).  */
  char *n;
  n = xasprintf ("%s.db", A); make (n, old); free (n);
  n = xasprintf ("%s.db-wal", A); make (n, recent); free (n);
  n = xasprintf ("%s.db-shm", A); make (n, old); free (n);
  n = xasprintf ("%s.words", A); make (n, old); free (n);
  n = xasprintf ("%s.db-snap", A); make (n, recent); free (n);
  /* A recent index whose word list is old: kept whole.  */
  n = xasprintf ("%s.db", B); make (n, recent); free (n);
  n = xasprintf ("%s.words", B); make (n, old); free (n);
  /* A log left without its database: judged by itself.  */
  make ("index-00000000000000cc.db-wal", old);
  make ("index-00000000000000dd.db-shm", recent);
  make ("headers-0123456789abcdef", old);
  make ("headers-fedcba9876543210", recent);
  /* Names casebook does not give, old as they are.  */
  make ("t2s.bin", old);
  make ("notes.txt", old);
  make ("index-00000000000000ee.db.bak", old);
  make ("index-00000000000000EE.db", old);
  make ("index-0000000000000ff.db", old);
  make ("headers-0123456789abcdef0", old);
  make ("index-00000000000000aa.build-Ab12Cd.db", old);
  /* A link with an index's name, to a file outside, both old.  */
  char *outside_dir = xasprintf ("%s/outside", dir);
  mkdir (outside_dir, 0700);
  make ("outside/precious", old);
  char *target = xasprintf ("%s/precious", outside_dir);
  char *link = xasprintf ("%s/index-00000000000000ab.db", dir);
  tap_ok (symlink (target, link) == 0, "a link planted with an index's name");

  size_t removed = cachesweep_run (dir, now);
  tap_ok (removed == 7, "seven files removed (%zu)", removed);
  n = xasprintf ("%s.db", A);
  tap_ok (!exists (n), "the old index is gone");
  free (n);
  n = xasprintf ("%s.db-wal", A);
  tap_ok (!exists (n), "its recent log goes with it");
  free (n);
  n = xasprintf ("%s.db-shm", A);
  int shm = exists (n);
  free (n);
  n = xasprintf ("%s.words", A);
  char *snap = xasprintf ("%s.db-snap", A);
  tap_ok (!shm && !exists (n) && !exists (snap),
          "and its shared index, word list and snapshot's copy");
  free (snap);
  free (n);
  n = xasprintf ("%s.db", B);
  int b_db = exists (n);
  free (n);
  n = xasprintf ("%s.words", B);
  tap_ok (b_db && exists (n), "a recent index stays, its old word list too");
  free (n);
  tap_ok (!exists ("index-00000000000000cc.db-wal")
          && exists ("index-00000000000000dd.db-shm"),
          "files without their database are judged by their own time");
  tap_ok (!exists ("headers-0123456789abcdef")
          && exists ("headers-fedcba9876543210"),
          "old headers go, recent ones stay");
  tap_ok (exists ("t2s.bin") && exists ("notes.txt")
          && exists ("index-00000000000000ee.db.bak")
          && exists ("index-00000000000000EE.db")
          && exists ("index-0000000000000ff.db")
          && exists ("headers-0123456789abcdef0")
          && exists ("index-00000000000000aa.build-Ab12Cd.db"),
          "names casebook does not give are left alone");
  tap_ok (exists ("index-00000000000000ab.db") && exists ("outside/precious")
          && mtime_of ("outside/precious") == old,
          "a link is neither removed nor followed");
  tap_ok (cachesweep_run (dir, now) == 0, "a second sweep finds nothing");

  /* Marking: an old file becomes used now, a file used within the day
     is not written to again.  */
  n = xasprintf ("%s.db", B);
  char *bpath = xasprintf ("%s/%s", dir, n);
  make (n, old);
  cachesweep_mark_path (bpath, now);
  tap_ok (mtime_of (n) == now, "an old index opened is marked used");
  make (n, now - 3600);
  cachesweep_mark_path (bpath, now);
  tap_ok (mtime_of (n) == now - 3600, "one used an hour ago is left as it is");
  tap_ok (cachesweep_run (dir, now + 10 * DAY) == 0
          && exists (n), "a marked index survives a sweep ten days later");
  free (n);
  cachesweep_mark_path (link, now);
  tap_ok (mtime_of ("outside/precious") == old, "marking does not follow a link");
  {
    char *hp = xasprintf ("%s/headers-fedcba9876543210", dir);
    int fd = open (hp, O_RDONLY);
    struct stat st;
    tap_ok (fd >= 0 && fstat (fd, &st) == 0, "a header file opened");
    cachesweep_mark_fd (fd, &st, now);
    close (fd);
    tap_ok (mtime_of ("headers-fedcba9876543210") == now,
            "an open file is marked through its descriptor");
    free (hp);
  }

  /* Clean up.  */
  unlink (link);
  unlink (target);
  rmdir (outside_dir);
  const char *left[] = { "index-00000000000000bb.db", "index-00000000000000bb.words",
    "index-00000000000000dd.db-shm", "headers-fedcba9876543210", "t2s.bin",
    "notes.txt", "index-00000000000000ee.db.bak", "index-00000000000000EE.db",
    "index-0000000000000ff.db", "headers-0123456789abcdef0",
    "index-00000000000000aa.build-Ab12Cd.db" };
  for (size_t i = 0; i < sizeof left / sizeof *left; i++)
    {
      char *p = xasprintf ("%s/%s", dir, left[i]);
      unlink (p);
      free (p);
    }
  rmdir (dir);
  free (outside_dir);
  free (target);
  free (link);
  free (bpath);
  return tap_done ();
}
