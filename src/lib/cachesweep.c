/* cachesweep.c -- removing what the cache no longer needs (see
   cachesweep.h).  */

#include <config.h>
#include "cachesweep.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#define DAY_SECONDS ((int64_t) 24 * 60 * 60)

void
cachesweep_mark_fd (int fd, const struct stat *st, int64_t now)
{
  if ((int64_t) st->st_mtime > now - DAY_SECONDS)
    return;
  /* The access time stays as it was; only the modification time says
     "used".  */
  struct timespec times[2] = { { .tv_nsec = UTIME_OMIT },
                               { .tv_sec = (time_t) now } };
  futimens (fd, times);
}

void
cachesweep_mark_path (const char *path, int64_t now)
{
  /* One stat a search, nothing more in a day; a link is neither
     followed nor touched.  */
  struct stat st;
  if (fstatat (AT_FDCWD, path, &st, AT_SYMLINK_NOFOLLOW) != 0
      || !S_ISREG (st.st_mode) || (int64_t) st.st_mtime > now - DAY_SECONDS)
    return;
  struct timespec times[2] = { { .tv_nsec = UTIME_OMIT },
                               { .tv_sec = (time_t) now } };
  utimensat (AT_FDCWD, path, times, AT_SYMLINK_NOFOLLOW);
}

/* The files an index keeps beside its database, and the database.  */
static const char *const index_suffixes[] = {
  ".db", ".db-wal", ".db-shm", ".db-journal", ".db-snap", ".db-lock",
  ".words"
};

/* Is S 16 hex digits (lower case, as the names are made)?  */
static int
is_key (const char *s)
{
  for (int i = 0; i < 16; i++)
    if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
      return 0;
  return 1;
}

/* If NAME is one of the index's files, the length of its prefix
   "index-H" (the database is that and ".db"); else 0.  */
static size_t
index_file (const char *name)
{
  const size_t prefix = strlen ("index-") + 16;
  if (strncmp (name, "index-", 6) != 0 || strlen (name) <= prefix
      || !is_key (name + 6))
    return 0;
  for (size_t i = 0; i < sizeof index_suffixes / sizeof *index_suffixes; i++)
    if (strcmp (name + prefix, index_suffixes[i]) == 0)
      return prefix;
  return 0;
}

/* Is NAME a header file, "headers-H"?  */
static int
headers_file (const char *name)
{
  const size_t prefix = strlen ("headers-");
  return strncmp (name, "headers-", prefix) == 0
    && strlen (name) == prefix + 16 && is_key (name + prefix);
}

/* The state of NAME in the directory DIRFD if it is a regular file of
   this user's (never followed); else 0.  */
static int
own_file (int dirfd, const char *name, struct stat *st)
{
  return fstatat (dirfd, name, st, AT_SYMLINK_NOFOLLOW) == 0
    && S_ISREG (st->st_mode) && st->st_uid == geteuid ();
}

size_t
cachesweep_run (const char *dir, int64_t now)
{
  DIR *dh = opendir (dir);
  if (dh == NULL)
    return 0;
  int fd = dirfd (dh);
  const int64_t before = now - CACHESWEEP_UNUSED_DAYS * DAY_SECONDS;
  /* Every file is judged before any is removed: an index's log is
     judged by its database, which must still be there.  */
  char **doomed = NULL;
  size_t ndoomed = 0, alloc = 0;
  struct dirent *de;
  while ((de = readdir (dh)) != NULL)
    {
      const char *name = de->d_name;
      struct stat st;
      size_t prefix = index_file (name);
      if ((prefix == 0 && !headers_file (name)) || !own_file (fd, name, &st))
        continue;
      int64_t used = (int64_t) st.st_mtime;
      if (prefix)
        {
          /* An index's files go with its database: a log is written
             only by searches that changed something, the database is
             marked by every search.  */
          char *db = xasprintf ("%.*s.db", (int) prefix, name);
          struct stat dbst;
          if (own_file (fd, db, &dbst))
            used = (int64_t) dbst.st_mtime;
          free (db);
        }
      if (used >= before)
        continue;
      doomed = xgrow (doomed, &alloc, ndoomed + 1, sizeof *doomed);
      doomed[ndoomed++] = xstrdup (name);
    }
  size_t removed = 0;
  for (size_t i = 0; i < ndoomed; i++)
    {
      if (unlinkat (fd, doomed[i], 0) == 0)
        removed++;
      free (doomed[i]);
    }
  free (doomed);
  closedir (dh);
  return removed;
}
