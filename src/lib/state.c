/* state.c -- the browser's remembered state (see state.h).

   The file is UTF-8 text, one record a line, fields separated by tabs,
   with backslash escapes (\\ \t \n \r) inside fields:

     casebook-state 1
     last    COLLECTION  NUMBER
     pos     COLLECTION  NUMBER  UNIT
     posline COLLECTION  NUMBER  LINES   (into the unit, after its pos)
     mark    LETTER      COLLECTION  NUMBER  UNIT
     markline LETTER     LINES       (into the unit, after its mark)
     history TEXT

   Unknown record names are skipped, so that a later version can add
   records; anything else that does not parse makes the file corrupt.

   Two browsers may run at once, each with the state it read at start.
   So a state remembers what it changed since it was read, and saving
   takes a lock (flock on "state.lock" beside the file), reads the file
   again, applies those changes to it, and writes the result through a
   temporary file and a rename: neither browser loses the other's marks,
   positions or searches.  The lock is the kernel's, so a browser that
   was killed leaves no lock behind, only the empty lock file.  */

#include <config.h>
#include "state.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <unistr.h>

#include "i18n.h"
#include "prefs.h"
#include "strmap.h"
#include "util.h"

#define STATE_MAGIC "casebook-state 1"

/* CHANGED marks what was set since the state was read or saved: only
   that is applied to the file when saving.  */
struct state_pos
{
  char *coll;
  long number;
  size_t unit;
  size_t line;                  /* lines into the unit (state_position_line) */
  int changed;
  char *key;                    /* "NUMBER\tCOLL", POS_INDEX's key */
};

struct state_mark
{
  int set;
  char *coll;
  long number;
  size_t unit;
  size_t line;                  /* lines into the unit (state_mark_line) */
  int changed;
};

struct state
{
  struct state_pos *pos;
  size_t npos;
  size_t pos_alloc;
  /* Position by key: a file may hold a position for every document of
     a large library (or a hostile one millions), and a search of the
     list for each of them made reading it quadratic.  */
  struct strmap pos_index;
  int has_last;
  int last_changed;
  char *last_coll;
  long last_number;
  struct state_mark marks[52];
  char **history;
  size_t nhistory;
  size_t history_alloc;
  char **added;                 /* history entries added since, in order */
  size_t nadded;
  size_t added_alloc;
};

struct state *
state_new (void)
{
  return xcalloc (1, sizeof (struct state));
}

static void
state_clear (struct state *st)
{
  for (size_t i = 0; i < st->npos; i++)
    {
      free (st->pos[i].coll);
      free (st->pos[i].key);
    }
  free (st->pos);
  strmap_free (&st->pos_index);
  free (st->last_coll);
  for (size_t i = 0; i < 52; i++)
    free (st->marks[i].coll);
  strv_free (st->history, st->nhistory);
  strv_free (st->added, st->nadded);
  memset (st, 0, sizeof *st);
}

/* Forget what was changed: ST is now what the file holds.  */
static void
state_mark_saved (struct state *st)
{
  for (size_t i = 0; i < st->npos; i++)
    st->pos[i].changed = 0;
  for (size_t i = 0; i < 52; i++)
    st->marks[i].changed = 0;
  st->last_changed = 0;
  strv_free (st->added, st->nadded);
  st->added = NULL;
  st->nadded = st->added_alloc = 0;
}

void
state_free (struct state *st)
{
  if (st == NULL)
    return;
  state_clear (st);
  free (st);
}

char *
state_default_path (void)
{
  return prefs_path_in (prefs_state_dir (), "state");
}

/* Letter to mark slot, or -1.  */
static int
mark_slot (int letter)
{
  if (letter >= 'a' && letter <= 'z')
    return letter - 'a';
  if (letter >= 'A' && letter <= 'Z')
    return 26 + letter - 'A';
  return -1;
}

/* The key of the position in document NUMBER of COLL.  Caller frees.  */
static char *
pos_key (const char *coll, long number)
{
  return xasprintf ("%ld\t%s", number, coll);
}

int
state_position (const struct state *st, const char *coll, long number,
                size_t *unit)
{
  char *key = pos_key (coll, number);
  const size_t *at = strmap_get (&st->pos_index, key);
  free (key);
  if (at == NULL)
    return 0;
  *unit = st->pos[*at].unit;
  return 1;
}

void
state_set_position (struct state *st, const char *coll, long number,
                    size_t unit)
{
  char *key = pos_key (coll, number);
  const size_t *at = strmap_get (&st->pos_index, key);
  if (at)
    {
      st->pos[*at].unit = unit;
      st->pos[*at].line = 0;
      st->pos[*at].changed = 1;
      free (key);
      return;
    }
  st->pos = xgrow (st->pos, &st->pos_alloc, st->npos + 1, sizeof *st->pos);
  st->pos[st->npos].coll = xstrdup (coll);
  st->pos[st->npos].number = number;
  st->pos[st->npos].unit = unit;
  st->pos[st->npos].line = 0;
  st->pos[st->npos].changed = 1;
  st->pos[st->npos].key = key;
  strmap_put (&st->pos_index, key, st->npos);
  st->npos++;
}

size_t
state_position_line (const struct state *st, const char *coll, long number)
{
  char *key = pos_key (coll, number);
  const size_t *at = strmap_get (&st->pos_index, key);
  free (key);
  return at ? st->pos[*at].line : 0;
}

void
state_set_position_line (struct state *st, const char *coll, long number,
                         size_t line)
{
  char *key = pos_key (coll, number);
  const size_t *at = strmap_get (&st->pos_index, key);
  free (key);
  if (at == NULL)
    return;
  st->pos[*at].line = line;
  st->pos[*at].changed = 1;
}

int
state_last (const struct state *st, const char **coll, long *number)
{
  if (!st->has_last)
    return 0;
  *coll = st->last_coll;
  *number = st->last_number;
  return 1;
}

void
state_set_last (struct state *st, const char *coll, long number)
{
  char *c = xstrdup (coll);
  free (st->last_coll);
  st->last_coll = c;
  st->last_number = number;
  st->has_last = 1;
  st->last_changed = 1;
}

int
state_mark (const struct state *st, int letter, const char **coll,
            long *number, size_t *unit)
{
  int k = mark_slot (letter);
  if (k < 0 || !st->marks[k].set)
    return 0;
  *coll = st->marks[k].coll;
  *number = st->marks[k].number;
  *unit = st->marks[k].unit;
  return 1;
}

void
state_set_mark (struct state *st, int letter, const char *coll, long number,
                size_t unit)
{
  int k = mark_slot (letter);
  if (k < 0)
    return;
  char *c = xstrdup (coll);
  free (st->marks[k].coll);
  st->marks[k].coll = c;
  st->marks[k].number = number;
  st->marks[k].unit = unit;
  st->marks[k].line = 0;
  st->marks[k].set = 1;
  st->marks[k].changed = 1;
}

size_t
state_mark_line (const struct state *st, int letter)
{
  int k = mark_slot (letter);
  return k >= 0 && st->marks[k].set ? st->marks[k].line : 0;
}

void
state_set_mark_line (struct state *st, int letter, size_t line)
{
  int k = mark_slot (letter);
  if (k < 0 || !st->marks[k].set)
    return;
  st->marks[k].line = line;
  st->marks[k].changed = 1;
}

/* Add TEXT to the end of the list *V (*N entries, *ALLOC allocated), or
   move it there when present; keep at most MAX entries.  */
static void
history_list_add (char ***v, size_t *n, size_t *alloc, const char *text,
                  size_t max)
{
  for (size_t i = 0; i < *n; i++)
    if (strcmp ((*v)[i], text) == 0)
      {
        char *s = (*v)[i];
        memmove (*v + i, *v + i + 1, (*n - i - 1) * sizeof **v);
        (*v)[*n - 1] = s;
        return;
      }
  if (*n == max)
    {
      free ((*v)[0]);
      memmove (*v, *v + 1, (*n - 1) * sizeof **v);
      (*n)--;
    }
  *v = xgrow (*v, alloc, *n + 1, sizeof **v);
  (*v)[(*n)++] = xstrdup (text);
}

void
state_history_add (struct state *st, const char *text)
{
  if (text == NULL || *text == '\0'
      || strlen (text) > STATE_HISTORY_TEXT_MAX)
    return;
  history_list_add (&st->history, &st->nhistory, &st->history_alloc, text,
                    STATE_HISTORY_MAX);
  history_list_add (&st->added, &st->nadded, &st->added_alloc, text,
                    STATE_HISTORY_MAX);
}

size_t
state_history_count (const struct state *st)
{
  return st->nhistory;
}

const char *
state_history_get (const struct state *st, size_t i)
{
  return i < st->nhistory ? st->history[i] : NULL;
}

/* Formatting.  */

static void
put_field (struct buf *b, const char *s)
{
  buf_addc (b, '\t');
  for (; *s; s++)
    switch (*s)
      {
      case '\\':
        buf_adds (b, "\\\\");
        break;
      case '\t':
        buf_adds (b, "\\t");
        break;
      case '\n':
        buf_adds (b, "\\n");
        break;
      case '\r':
        buf_adds (b, "\\r");
        break;
      default:
        buf_addc (b, *s);
      }
}

char *
state_format (const struct state *st, size_t *len)
{
  struct buf b = { 0 };
  buf_adds (&b, STATE_MAGIC "\n");
  if (st->has_last)
    {
      buf_adds (&b, "last");
      put_field (&b, st->last_coll);
      buf_printf (&b, "\t%ld\n", st->last_number);
    }
  for (size_t i = 0; i < st->npos; i++)
    {
      buf_adds (&b, "pos");
      put_field (&b, st->pos[i].coll);
      buf_printf (&b, "\t%ld\t%zu\n", st->pos[i].number, st->pos[i].unit);
      /* A record of its own, as markline is: a casebook from before
         skips it.  */
      if (st->pos[i].line > 0)
        {
          buf_adds (&b, "posline");
          put_field (&b, st->pos[i].coll);
          buf_printf (&b, "\t%ld\t%zu\n", st->pos[i].number,
                      st->pos[i].line);
        }
    }
  for (int k = 0; k < 52; k++)
    if (st->marks[k].set)
      {
        buf_printf (&b, "mark\t%c", k < 26 ? 'a' + k : 'A' + k - 26);
        put_field (&b, st->marks[k].coll);
        buf_printf (&b, "\t%ld\t%zu\n", st->marks[k].number,
                    st->marks[k].unit);
        /* A record of its own: a casebook from before it skips it.  */
        if (st->marks[k].line > 0)
          buf_printf (&b, "markline\t%c\t%zu\n",
                      k < 26 ? 'a' + k : 'A' + k - 26, st->marks[k].line);
      }
  for (size_t i = 0; i < st->nhistory; i++)
    {
      buf_adds (&b, "history");
      put_field (&b, st->history[i]);
      buf_addc (&b, '\n');
    }
  *len = b.len;
  return buf_steal (&b);
}

/* Parsing.  */

/* Split LINE (NUL-terminated, modified) at tabs and unescape the fields
   into FIELDS (at most MAX).  Returns the count, or -1 on a bad escape.  */
static int
split_fields (char *line, char **fields, int max)
{
  int n = 0;
  char *p = line;
  for (;;)
    {
      if (n == max)
        return -1;
      fields[n++] = p;
      char *out = p;
      while (*p && *p != '\t')
        {
          if (*p != '\\')
            {
              *out++ = *p++;
              continue;
            }
          p++;
          switch (*p)
            {
            case '\\':
              *out++ = '\\';
              break;
            case 't':
              *out++ = '\t';
              break;
            case 'n':
              *out++ = '\n';
              break;
            case 'r':
              *out++ = '\r';
              break;
            default:
              return -1;
            }
          p++;
        }
      int more = *p == '\t';
      *out = '\0';
      if (!more)
        return n;
      p++;
    }
}

static int
parse_long (const char *s, long *v)
{
  if (*s == '\0')
    return -1;
  char *end;
  errno = 0;
  long x = strtol (s, &end, 10);
  if (*end || errno)
    return -1;
  *v = x;
  return 0;
}

static int
parse_size (const char *s, size_t *v)
{
  if (*s < '0' || *s > '9')
    return -1;
  char *end;
  errno = 0;
  unsigned long long x = strtoull (s, &end, 10);
  if (*end || errno || x > (unsigned long long) SIZE_MAX)
    return -1;
  *v = (size_t) x;
  return 0;
}

/* Parse one record; 0 or -1.  */
static int
parse_record (struct state *st, char *line)
{
  char *f[8];
  int n = split_fields (line, f, 8);
  if (n < 1)
    return -1;
  long number;
  size_t unit;
  if (strcmp (f[0], "last") == 0)
    {
      if (n != 3 || parse_long (f[2], &number) < 0)
        return -1;
      state_set_last (st, f[1], number);
    }
  else if (strcmp (f[0], "pos") == 0)
    {
      if (n != 4 || parse_long (f[2], &number) < 0
          || parse_size (f[3], &unit) < 0)
        return -1;
      state_set_position (st, f[1], number, unit);
    }
  else if (strcmp (f[0], "posline") == 0)
    {
      if (n != 4 || parse_long (f[2], &number) < 0
          || parse_size (f[3], &unit) < 0)
        return -1;
      state_set_position_line (st, f[1], number, unit);
    }
  else if (strcmp (f[0], "mark") == 0)
    {
      if (n != 5 || strlen (f[1]) != 1 || mark_slot (f[1][0]) < 0
          || parse_long (f[3], &number) < 0 || parse_size (f[4], &unit) < 0)
        return -1;
      state_set_mark (st, f[1][0], f[2], number, unit);
    }
  else if (strcmp (f[0], "markline") == 0)
    {
      if (n != 3 || strlen (f[1]) != 1 || mark_slot (f[1][0]) < 0
          || parse_size (f[2], &unit) < 0)
        return -1;
      state_set_mark_line (st, f[1][0], unit);
    }
  else if (strcmp (f[0], "history") == 0)
    {
      if (n != 2)
        return -1;
      state_history_add (st, f[1]);
    }
  /* Other records come from a newer casebook: skip them.  */
  return 0;
}

int
state_parse (struct state *st, const char *data, size_t len, char **cause)
{
  state_clear (st);
  size_t magic_len = strlen (STATE_MAGIC);
  if (len < magic_len || memcmp (data, STATE_MAGIC, magic_len) != 0
      || (len > magic_len && data[magic_len] != '\n'))
    {
      *cause = xstrdup (_("not a casebook state file"));
      return -1;
    }
  if (memchr (data, '\0', len) || u8_check ((const uint8_t *) data, len))
    {
      *cause = xstrdup (_("not valid UTF-8 text"));
      return -1;
    }
  const char *p = data + magic_len, *end = data + len;
  unsigned long lineno = 1;
  while (p < end)
    {
      if (*p == '\n')
        p++;
      if (p >= end)
        break;
      lineno++;
      const char *nl = memchr (p, '\n', (size_t) (end - p));
      size_t n = nl ? (size_t) (nl - p) : (size_t) (end - p);
      char *line = xstrndup (p, n);
      int r = n == 0 ? 0 : parse_record (st, line);
      free (line);
      if (r < 0)
        {
          state_clear (st);
          *cause = xasprintf (_("line %lu cannot be read"), lineno);
          return -1;
        }
      p += n;
    }
  state_mark_saved (st);
  return 0;
}

int
state_load (struct state *st, const char *path, char **cause)
{
  /* Nor is a state read from a directory another user controls.  */
  const char *slash = strrchr (path, '/');
  if (slash && slash != path)
    {
      char *dir = xstrndup (path, (size_t) (slash - path));
      struct stat ds;
      const char *why;
      int exists = lstat (dir, &ds) == 0;
      char *real = exists ? prefs_private_dir (dir, &why) : NULL;
      if (exists && real == NULL)
        {
          *cause = xasprintf (_("not using the state directory %s (%s)"),
                              dir, why);
          free (dir);
          state_clear (st);
          return -1;
        }
      free (real);
      free (dir);
    }
  size_t len;
  int whole;
  char *data = util_read_regular_head (path, STATE_MAX_SIZE, &len, &whole);
  if (data && !whole)
    {
      /* No reader's state comes near this: the file is not one of ours,
         and reading it all could take the browser's time and memory.  */
      free (data);
      *cause = xasprintf (_("%s: larger than %d MiB"), path,
                          STATE_MAX_SIZE >> 20);
      state_clear (st);
      return -2;
    }
  if (data == NULL)
    {
      if (errno == ENOENT)
        {
          state_clear (st);
          return 0;
        }
      *cause = xasprintf ("%s: %s", path, errno ? strerror (errno)
                          : _("not a regular file"));
      state_clear (st);
      return -1;
    }
  char *why = NULL;
  int r = state_parse (st, data, len, &why);
  free (data);
  if (r < 0)
    {
      *cause = xasprintf ("%s: %s", path, why);
      free (why);
      return -2;                /* damaged: the caller may move it aside */
    }
  return r;
}

/* Apply what FROM changed since it was read to TO.  */
static void
state_apply_changes (struct state *to, const struct state *from)
{
  for (size_t i = 0; i < from->npos; i++)
    if (from->pos[i].changed)
      {
        state_set_position (to, from->pos[i].coll, from->pos[i].number,
                            from->pos[i].unit);
        state_set_position_line (to, from->pos[i].coll, from->pos[i].number,
                                 from->pos[i].line);
      }
  for (int k = 0; k < 52; k++)
    if (from->marks[k].changed)
      {
        int letter = k < 26 ? 'a' + k : 'A' + k - 26;
        state_set_mark (to, letter, from->marks[k].coll,
                        from->marks[k].number, from->marks[k].unit);
        state_set_mark_line (to, letter, from->marks[k].line);
      }
  if (from->last_changed)
    state_set_last (to, from->last_coll, from->last_number);
  for (size_t i = 0; i < from->nadded; i++)
    state_history_add (to, from->added[i]);
}

/* Take the lock on DIR/state.lock, waiting up to STATE_LOCK_WAIT_MS for
   another casebook to finish saving.  Returns its descriptor (close it
   to unlock), or -1 with *CAUSE set.  The file is made with O_EXCL and
   never followed through a symbolic link: another user cannot make us
   lock, or create, a file of theirs.  */
static int
state_lock (const char *dir, char **cause)
{
  char *path = util_path_join (dir, "state.lock");
  int fd = open (path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                 0600);
  if (fd < 0 && errno == EEXIST)
    fd = open (path, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
  struct stat sb;
  if (fd >= 0 && (fstat (fd, &sb) != 0 || !S_ISREG (sb.st_mode)
                  || sb.st_uid != geteuid ()))
    {
      close (fd);
      fd = -1;
      errno = EPERM;
    }
  if (fd < 0)
    {
      *cause = xasprintf ("%s: %s", path, strerror (errno));
      free (path);
      return -1;
    }
  /* A lock held this long belongs to a casebook that is stopped, not one
     that is saving: give up rather than hang the reader's exit.  */
  const struct timespec pause = { 0, 20 * 1000 * 1000 };
  for (int waited = 0; flock (fd, LOCK_EX | LOCK_NB) != 0; waited += 20)
    {
      if ((errno != EWOULDBLOCK && errno != EINTR)
          || waited >= STATE_LOCK_WAIT_MS)
        {
          *cause = errno == EWOULDBLOCK
            ? xasprintf (_("%s: another casebook holds the lock"), path)
            : xasprintf ("%s: %s", path, strerror (errno));
          close (fd);
          free (path);
          return -1;
        }
      nanosleep (&pause, NULL);
    }
  free (path);
  return fd;
}

int
state_put_aside (const char *path, char **aside)
{
  for (int n = 1; n < 1000; n++)
    {
      char *to = n == 1 ? xasprintf ("%s.corrupt", path)
        : xasprintf ("%s.corrupt.%d", path, n);
      /* A second link, then the first removed: unlike rename(2), never
         over a file put aside before.  */
      int r = link (path, to);
      if (r != 0 && (errno == EPERM || errno == EOPNOTSUPP
                     || errno == EMLINK))
        {
          /* No hard links here: rename, where nothing is yet.  */
          struct stat sb;
          r = lstat (to, &sb) == 0 ? (errno = EEXIST, -1) : rename (path, to);
          if (r == 0)
            {
              *aside = to;
              return 0;
            }
        }
      if (r == 0)
        {
          if (unlink (path) != 0)
            {
              int e = errno;
              unlink (to);
              free (to);
              errno = e;
              return -1;
            }
          *aside = to;
          return 0;
        }
      int e = errno;
      free (to);
      if (e != EEXIST)
        {
          errno = e;
          return -1;
        }
    }
  errno = EEXIST;
  return -1;
}

int
state_can_save (const char *path, char **cause)
{
  const char *slash = strrchr (path, '/');
  char *dir = slash && slash != path
    ? xstrndup (path, (size_t) (slash - path)) : xstrdup (slash ? "/" : ".");
  /* state_save makes what is missing (mkdir -p): the nearest directory
     that exists is where the first one goes.  */
  struct stat st;
  while (stat (dir, &st) != 0 && errno == ENOENT)
    {
      char *up = strrchr (dir, '/');
      if (up == NULL)
        {
          free (dir);
          dir = xstrdup (".");
          break;
        }
      if (up == dir)
        up[1] = '\0';
      else
        *up = '\0';
    }
  int rc = faccessat (AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS);
  if (rc != 0)
    *cause = xasprintf ("%s: %s", dir, strerror (errno));
  free (dir);
  return rc == 0 ? 0 : -1;
}

int
state_save (struct state *st, const char *path, char **cause)
{
  const char *slash = strrchr (path, '/');
  char *given = slash && slash != path
    ? xstrndup (path, (size_t) (slash - path)) : xstrdup (slash ? "/" : ".");
  /* Another user's directory could plant the lock, read the history or
     take the file by a link: the state goes only where no one else can
     reach, and through the directory as checked.  */
  const char *why_dir;
  char *dir = prefs_private_dir (given, &why_dir);
  if (dir == NULL)
    {
      *cause = xasprintf (_("not using the state directory %s (%s)"), given,
                          why_dir);
      free (given);
      return -1;
    }
  free (given);
  char *file = util_path_join (dir, slash ? slash + 1 : path);
  int lock = state_lock (dir, cause);
  free (dir);
  if (lock < 0)
    {
      free (file);
      return -1;
    }
  /* What the file holds now, with another browser's saves.  One
     damaged since this browser read it (edited by hand, written by a
     newer casebook) is not written over: it is put aside, and said.  */
  struct state *merged = state_new ();
  char *why = NULL;
  char *put_aside = NULL;
  int rc = -1;
  int loaded = state_load (merged, file, &why);
  if (loaded == -2 && state_put_aside (file, &put_aside) != 0)
    {
      *cause = xasprintf (_("%s; not writing over it, as it cannot be "
                            "moved aside: %s"), why, strerror (errno));
      free (why);
    }
  else if (loaded == -1)
    *cause = why;
  else
    {
      if (put_aside)
        *cause = xasprintf (_("%s; moved it to %s"), why, put_aside);
      free (why);
      state_apply_changes (merged, st);
      size_t len;
      char *data = state_format (merged, &len);
      int r = util_write_atomic (file, data, len);
      int e = errno;
      free (data);
      if (r < 0)
        {
          free (*cause);
          *cause = xasprintf ("%s: %s", file, strerror (e));
        }
      else
        rc = put_aside ? 1 : 0;
    }
  free (put_aside);
  close (lock);
  free (file);
  if (rc < 0)
    {
      state_free (merged);
      return -1;
    }
  /* ST becomes what was written.  */
  state_mark_saved (merged);
  state_clear (st);
  *st = *merged;
  free (merged);
  return rc;
}
