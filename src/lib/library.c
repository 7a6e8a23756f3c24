/* library.c -- installing and removing the user's collections (see
   library.h).  Readers skip names starting with a dot, so the temporary
   directories here (.NAME.new.PID, .NAME.old.PID) are never loaded.  */

#include <config.h>
#include "library.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

#include "content.h"
#include "i18n.h"
#include "norm.h"
#include "prefs.h"
#include "util.h"

int
library_name_ok (const char *name)
{
  size_t len = strlen (name);
  if (len == 0 || len > 64 || name[0] == '.'
      || u8_check ((const uint8_t *) name, len) != NULL)
    return 0;
  for (const char *p = name; *p; p++)
    {
      unsigned char c = (unsigned char) *p;
      if (c >= 0x80)
        continue;
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
            || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
        return 0;
    }
  return 1;
}

char *
library_name_norm (const char *name, char **cause)
{
  /* Bytes that are not UTF-8 are not this function's to refuse: a
     name typed for --add is refused them (library_name_ok), a file's
     name shows them as '?' (import_add_collection).  */
  size_t len = strlen (name);
  int hidden = 0;
  for (size_t i = 0; i < len && !hidden;)
    {
      uint32_t uc;
      hidden = norm_invisible_at (name + i, len - i, &uc) > 0;
      int n = u8_mblen ((const uint8_t *) name + i, len - i);
      i += n > 0 ? (size_t) n : 1;
    }
  if (hidden)
    {
      char *v = norm_visible_string (name);
      *cause = xasprintf (_("'%s' cannot name a collection: it holds a "
                            "control or an invisible character, by which "
                            "one collection could pass for another"), v);
      free (v);
      return NULL;
    }
  return norm_nfkc_string (name);
}

static int
sync_path (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC | O_DIRECTORY);
  if (fd < 0)
    return -1;
  int r = fsync (fd);
  int e = errno;
  close (fd);
  errno = e;
  return r;
}

static int
write_synced (const char *path, const char *text)
{
  int fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    return -1;
  size_t left = strlen (text);
  while (left > 0)
    {
      ssize_t n = write (fd, text, left);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int e = errno;
          close (fd);
          errno = e;
          return -1;
        }
      text += n;
      left -= (size_t) n;
    }
  if (fsync (fd) != 0)
    {
      int e = errno;
      close (fd);
      errno = e;
      return -1;
    }
  return close (fd);
}

/* Delete what the directory open as FD holds (FD is taken), by names
   relative to it: a directory swapped for a link meanwhile, by whoever
   else can write its parent, cannot turn a deletion to the files the
   link points to.  */
static int
remove_contents (int fd)
{
  DIR *dh = fdopendir (fd);
  if (dh == NULL)
    {
      close (fd);
      return -1;
    }
  struct dirent *de;
  int r = 0;
  while ((de = readdir (dh)) != NULL)
    {
      if (strcmp (de->d_name, ".") == 0 || strcmp (de->d_name, "..") == 0)
        continue;
      struct stat st;
      if (fstatat (dirfd (dh), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0
          && S_ISDIR (st.st_mode))
        {
          int sub = openat (dirfd (dh), de->d_name, O_RDONLY | O_DIRECTORY
                            | O_NOFOLLOW | O_CLOEXEC);
          if (sub < 0 || remove_contents (sub) != 0)
            r = -1;
          if (unlinkat (dirfd (dh), de->d_name, AT_REMOVEDIR) != 0)
            r = -1;
        }
      else if (unlinkat (dirfd (dh), de->d_name, 0) != 0)
        r = -1;
    }
  closedir (dh);
  return r;
}

/* Delete DIR and the files in it (a collection is flat).  DIR itself is
   never followed if it is a link: removing a collection must not empty
   the directory a link in the library points to.  */
static int
remove_tree (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return -1;
  int r = remove_contents (fd);
  return rmdir (dir) != 0 ? -1 : r;
}

/* Delete what installs and removals killed mid-way left in PARENT:
   .NAME.new.PID (a collection half written) and .NAME.old.PID (one
   half deleted), of processes that are gone.  Nothing reads them, and
   nothing else would ever delete them.  A live process's are left: it
   may be about to rename its directory.  */
static void
remove_stale (const char *parent)
{
  DIR *dh = opendir (parent);
  if (dh == NULL)
    return;
  struct dirent *de;
  while ((de = readdir (dh)) != NULL)
    {
      if (de->d_name[0] != '.')
        continue;
      /* The last two dots: NAME may hold dots of its own.  */
      const char *pdot = strrchr (de->d_name, '.');
      /* ".N.new." at least.  */
      if (pdot - de->d_name < 6
          || (strncmp (pdot - 4, ".new.", 5) != 0
              && strncmp (pdot - 4, ".old.", 5) != 0))
        continue;
      if (!util_pid_gone (pdot + 1))
        continue;
      char *p = util_path_join (parent, de->d_name);
      struct stat st;
      if (lstat (p, &st) == 0 && S_ISDIR (st.st_mode))
        remove_tree (p);
      free (p);
    }
  closedir (dh);
}

/* The collection file TEXT with its id line saying NAME.  Caller frees.  */
static char *
with_id (const char *text, const char *name)
{
  struct buf b = { 0 };
  int done = 0;
  for (const char *p = text; *p;)
    {
      const char *nl = strchr (p, '\n');
      size_t n = nl ? (size_t) (nl - p) + 1 : strlen (p);
      if (!done && strncmp (p, "id:", 3) == 0)
        {
          buf_printf (&b, "id: %s\n", name);
          done = 1;
        }
      else
        buf_add (&b, p, n);
      p += n;
    }
  if (!done)
    buf_printf (&b, "id: %s\n", name);
  return buf_steal (&b);
}

int
library_install (const struct import_result *res, const char *parent,
                 const char *name, char **cause)
{
  if (import_check_sizes (res, cause) != 0)
    return -1;
  if (!library_name_ok (name))
    {
      *cause = xasprintf (_("'%s' cannot name a collection (use letters, "
                            "digits, Chinese characters, '-', '_' and '.' "
                            "(not first), at most 64 bytes)"),
                          name);
      return -1;
    }
  /* The library's directories stay when the install fails, though
     this one made them: another --add may have found them made and be
     about to install into them.  */
  if (util_mkdir_p (parent) != 0)
    {
      *cause = xasprintf (_("cannot create %s: %s"), parent, strerror (errno));
      return -1;
    }
  const char *unsafe = prefs_library_unsafe (parent);
  if (unsafe)
    {
      /* What another user can write there would be read as the user's:
         not read, so not added to either.  */
      *cause = xasprintf (_("cannot add to the library %s: %s"), parent,
                          unsafe);
      return -1;
    }
  char *final = util_path_join (parent, name);
  struct stat st;
  if (lstat (final, &st) == 0)
    {
      *cause = xasprintf (_("a collection named '%s' is already installed "
                            "(%s)"), name, final);
      free (final);
      return -1;
    }
  remove_stale (parent);
  char *tmp = xasprintf ("%s/.%s.new.%ld", parent, name, (long) getpid ());
  remove_tree (tmp);            /* left by an earlier run of this pid */
  int rc = -1;
  /* A failure in the temporary directory is told by the collection's
     name: the temporary one is ours, and gone.  */
  if (mkdir (tmp, 0700) != 0)
    {
      *cause = xasprintf (_("cannot install %s: %s"), final, strerror (errno));
      goto out;
    }
  for (size_t i = 0; i < res->nfiles; i++)
    {
      char *p = util_path_join (tmp, res->files[i].name);
      char *text = i == 0 && strcmp (res->files[i].name,
                                     CONTENT_COLLECTION_FILE) == 0
        ? with_id (res->files[i].text, name) : xstrdup (res->files[i].text);
      int w = write_synced (p, text);
      int e = errno;
      free (text);
      if (w != 0)
        {
          *cause = xasprintf (_("cannot install %s: %s"), final,
                              strerror (e));
          free (p);
          remove_tree (tmp);
          goto out;
        }
      free (p);
    }
  if (sync_path (tmp) != 0)
    {
      *cause = xasprintf (_("cannot install %s: %s"), final,
                          strerror (errno));
      remove_tree (tmp);
      goto out;
    }
  /* rename(2) would replace an empty directory made meanwhile: check
     once more, then let the rename fail on anything else.  */
  if (lstat (final, &st) == 0 || rename (tmp, final) != 0)
    {
      int e = errno;
      *cause = lstat (final, &st) == 0
        ? xasprintf (_("a collection named '%s' is already installed (%s)"),
                     name, final)
        : xasprintf (_("cannot install %s: %s"), final, strerror (e));
      remove_tree (tmp);
      goto out;
    }
  if (sync_path (parent) != 0)
    {
      *cause = xasprintf (_("cannot write %s: %s"), parent, strerror (errno));
      goto out;
    }
  rc = 0;
out:
  free (tmp);
  free (final);
  return rc;
}

int
library_remove (const char *parent, const char *name, char **cause)
{
  if (!library_name_ok (name))
    {
      *cause = xasprintf (_("no collection named '%s' in %s"), name, parent);
      return -1;
    }
  const char *unsafe = prefs_library_unsafe (parent);
  if (unsafe)
    {
      *cause = xasprintf (_("cannot remove from the library %s: %s"), parent,
                          unsafe);
      return -1;
    }
  char *dir = util_path_join (parent, name);
  char *meta = util_path_join (dir, CONTENT_COLLECTION_FILE);
  struct stat st;
  int rc = -1;
  char *gone = NULL;
  errno = 0;
  int link = lstat (dir, &st) == 0 && S_ISLNK (st.st_mode);
  /* A link to a collection is listed, as the loader follows it, so it
     can be removed too: the link alone, which is all that is the
     library's; the directory it points to is the reader's own.  */
  if (link && stat (dir, &st) == 0 && S_ISDIR (st.st_mode)
      && stat (meta, &st) == 0)
    {
      if (unlink (dir) != 0)
        {
          *cause = xasprintf (_("cannot remove %s: %s"), dir,
                              strerror (errno));
          goto out;
        }
      sync_path (parent);
      rc = 0;
      goto out;
    }
  errno = 0;
  if (link || lstat (dir, &st) != 0 || !S_ISDIR (st.st_mode)
      || lstat (meta, &st) != 0)
    {
      /* A collection its owner made unreadable is there all the same:
         say why it cannot be removed, not that there is none.  */
      *cause = errno == EACCES
        ? xasprintf (_("cannot remove %s: %s"), dir, strerror (errno))
        : xasprintf (_("no collection named '%s' in %s"), name, parent);
      goto out;
    }
  remove_stale (parent);
  gone = xasprintf ("%s/.%s.old.%ld", parent, name, (long) getpid ());
  remove_tree (gone);
  if (rename (dir, gone) != 0)
    {
      *cause = xasprintf (_("cannot remove %s: %s"), dir, strerror (errno));
      goto out;
    }
  sync_path (parent);
  if (remove_tree (gone) != 0)
    {
      *cause = xasprintf (_("removed %s, but could not delete %s: %s"), dir,
                          gone, strerror (errno));
      goto out;
    }
  rc = 0;
out:
  free (gone);
  free (meta);
  free (dir);
  return rc;
}
