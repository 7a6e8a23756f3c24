/* prefs.c -- the reader's preferences and the shared policies of the
   front ends (see prefs.h).  */

#include <config.h>

#include "prefs.h"

#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

#include "util.h"

enum lang
prefs_locale_lang (void)
{
  const char *vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
  for (size_t i = 0; i < sizeof vars / sizeof *vars; i++)
    {
      const char *v = getenv (vars[i]);
      if (v && *v)
        return strncmp (v, "zh", 2) == 0 ? LANG_ZH : LANG_EN;
    }
  return LANG_EN;
}

enum lang
prefs_reader_lang (const struct reader_prefs *p)
{
  return p->lang >= 0 ? (enum lang) p->lang : prefs_locale_lang ();
}

const char *
prefs_content_dir (void)
{
  const char *env = getenv ("CASEBOOK_CONTENT");
  if (env && *env)
    return env;
  return prefs_shipped_dir ();
}

const char *
prefs_shipped_dir (void)
{
  static char buf[PATH_MAX];
  /* An uninstalled build reads the source tree's content.  */
  ssize_t n = readlink ("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0)
    {
      buf[n] = '\0';
      char *slash = strrchr (buf, '/');
      if (slash)
        {
          *slash = '\0';
          if (strcmp (buf, ABS_BUILDDIR "/src") == 0)
            return ABS_SRCDIR "/content";
        }
    }
  return PKGDATADIR "/content";
}

int
prefs_use_color (enum color_mode mode, int is_terminal)
{
  if (mode == COLOR_ALWAYS)
    return 1;
  if (mode == COLOR_NEVER)
    return 0;
  const char *nc = getenv ("NO_COLOR");
  if (nc && *nc)
    return 0;
  return is_terminal;
}

enum highlight
prefs_highlight (enum color_mode mode, int is_terminal)
{
  if (prefs_use_color (mode, is_terminal))
    return HIGHLIGHT_COLOR;
  return mode == COLOR_AUTO && is_terminal ? HIGHLIGHT_MONO : HIGHLIGHT_NONE;
}

/* $VAR/casebook, else $HOME/FALLBACK/casebook.  */
static char *
xdg_dir (const char *var, const char *fallback)
{
  const char *x = getenv (var);
  if (x && x[0] == '/')
    return util_path_join (x, "casebook");
  const char *home = getenv ("HOME");
  if (home && home[0] == '/')
    return xasprintf ("%s/%s/casebook", home, fallback);
  return NULL;
}

char *
prefs_cache_dir (void)
{
  return xdg_dir ("XDG_CACHE_HOME", ".cache");
}

char *
prefs_path_in (char *dir, const char *name)
{
  char *path = dir ? util_path_join (dir, name) : NULL;
  free (dir);
  return path;
}

char *
prefs_config_dir (void)
{
  return xdg_dir ("XDG_CONFIG_HOME", ".config");
}

char *
prefs_state_dir (void)
{
  return xdg_dir ("XDG_STATE_HOME", ".local/state");
}

char *
prefs_collections_dir (void)
{
  char *d = xdg_dir ("XDG_DATA_HOME", ".local/share");
  if (d == NULL)
    return NULL;
  char *c = util_path_join (d, "collections");
  free (d);
  return c;
}

size_t
prefs_library_dirs (const char *content_dir, char ***dirs)
{
  const char *env = getenv ("CASEBOOK_CONTENT");
  int chosen = content_dir != NULL || (env && *env);
  *dirs = xcalloc (2, sizeof **dirs);
  (*dirs)[0] = xstrdup (content_dir ? content_dir : prefs_content_dir ());
  if (chosen)
    return 1;
  char *user = prefs_collections_dir ();
  if (user == NULL)
    return 1;
  (*dirs)[1] = user;
  return 2;
}

/* Is GID this user's own group, with no other member (a "user private
   group", as Debian makes them, where a umask of 002 leaves
   directories group-writable)?  */
static int
own_group (gid_t gid)
{
  if (gid != getegid ())
    return 0;
  struct group *gr = getgrgid (gid);
  return gr != NULL && (gr->gr_mem == NULL || gr->gr_mem[0] == NULL);
}

/* Can only this user (or root) rename or replace what the directory
   whose status is ST holds?  */
static int
ancestor_safe (const struct stat *st, uid_t me)
{
  if (st->st_uid != me && st->st_uid != 0)
    return 0;
  if (st->st_mode & S_ISVTX)
    return 1;
  return !(st->st_mode & S_IWOTH)
    && (!(st->st_mode & S_IWGRP) || own_group (st->st_gid));
}

/* Is the directory whose status is ST this user's alone: a directory,
   owned by this user, that no one else can write?  NULL, or what is
   wrong (static).  */
static const char *
not_private (const struct stat *st, uid_t me)
{
  /* A link is not followed: one planted there would lead elsewhere.  */
  if (S_ISLNK (st->st_mode))
    return _("a symbolic link");
  /* In the words the system uses when mkdir meets a file there.  */
  if (!S_ISDIR (st->st_mode))
    return strerror (ENOTDIR);
  if (st->st_uid != me)
    return _("owned by another user");
  if (st->st_mode & (S_IWGRP | S_IWOTH))
    return _("writable by other users");
  return NULL;
}

/* Is PATH (a name without links) and every directory above it, up to
   the root, safe to have a private directory under (ancestor_safe)?
   PATH is cut short in the looking.  */
static int
up_to_root_safe (char *path, uid_t me)
{
  struct stat st;
  for (;;)
    {
      if (stat (path, &st) != 0 || !ancestor_safe (&st, me))
        return 0;
      char *slash = strrchr (path, '/');
      if (slash == NULL || (slash == path && path[1] == '\0'))
        return 1;
      if (slash == path)
        slash[1] = '\0';       /* the root itself */
      else
        *slash = '\0';
    }
}

/* Is the nearest directory of DIR's that exists (DIR itself, or one
   above it that DIR would be made in), and every one above that, safe
   to make DIR in (ancestor_safe)?  1 as well when that cannot be told:
   then making DIR fails, or check_private says what is wrong.  */
static int
ancestors_of_new_safe (const char *dir)
{
  struct stat st;
  if (stat (dir, &st) == 0)
    return 1;                   /* made already: check_private judges */
  char *up = xstrdup (dir);
  char *slash;
  while ((slash = strrchr (up, '/')) != NULL)
    {
      if (slash == up)
        slash[1] = '\0';
      else
        *slash = '\0';
      if (stat (up, &st) == 0 || slash == up)
        break;
    }
  char *real = slash ? realpath (up, NULL) : NULL;
  free (up);
  if (real == NULL)
    return 1;
  int safe = up_to_root_safe (real, geteuid ());
  free (real);
  return safe;
}

/* Is DIR (which exists) this user's alone, and the directories above
   it (prefs_private_dir's rules)?  Its name without links (caller frees), or
   NULL with *WHY.  FOLLOW: DIR itself may be a link to such a
   directory.  */
static char *
check_private (const char *dir, int follow, const char **why)
{
  struct stat st;
  uid_t me = geteuid ();
  if ((follow ? stat (dir, &st) : lstat (dir, &st)) != 0)
    {
      *why = strerror (errno);
      return NULL;
    }
  if ((*why = not_private (&st, me)) != NULL)
    return NULL;
  char *real = realpath (dir, NULL);
  if (real == NULL)
    {
      *why = strerror (errno);
      return NULL;
    }
  /* The name without links is what is used: checked again, as a link
     above DIR may have changed since.  */
  if (lstat (real, &st) != 0 || (*why = not_private (&st, me)) != NULL)
    {
      if (*why == NULL)
        *why = strerror (errno);
      free (real);
      return NULL;
    }
  /* The ancestors, from the parent up to the root.  */
  char *up = xstrdup (real);
  char *slash = strrchr (up, '/');
  int safe = 1;
  if (slash && !(slash == up && up[1] == '\0'))
    {
      if (slash == up)
        slash[1] = '\0';
      else
        *slash = '\0';
      safe = up_to_root_safe (up, me);
    }
  free (up);
  if (!safe)
    {
      *why = _("a directory above it can be changed by another user");
      free (real);
      return NULL;
    }
  return real;
}

char *
prefs_private_dir (const char *dir, const char **why)
{
  /* Nothing is made under a directory that another user can change:
     the directories made would be refused just after, and left.  */
  if (!ancestors_of_new_safe (dir))
    {
      *why = _("a directory above it can be changed by another user");
      return NULL;
    }
  if (util_mkdir_p (dir) != 0 && errno != EEXIST)
    {
      *why = strerror (errno);
      return NULL;
    }
  return check_private (dir, 0, why);
}

const char *
prefs_library_unsafe (const char *dir)
{
  struct stat st;
  if (stat (dir, &st) != 0 && errno == ENOENT)
    return NULL;
  const char *why;
  char *real = check_private (dir, 1, &why);
  int safe = real != NULL;
  free (real);
  return safe ? NULL : why;
}
