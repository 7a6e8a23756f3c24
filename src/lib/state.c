/* state.c -- the browser's remembered state (see state.h).

   The file is UTF-8 text, one record a line, fields separated by tabs,
   with backslash escapes (\\ \t \n \r) inside fields:

     casebook-state 1
     last    COLLECTION  NUMBER
     pos     COLLECTION  NUMBER  UNIT
     mark    LETTER      COLLECTION  NUMBER  UNIT
     history TEXT

   Unknown record names are skipped, so that a later version can add
   records; anything else that does not parse makes the file corrupt.  */

#include <config.h>
#include "state.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "i18n.h"
#include "prefs.h"
#include "util.h"

#define STATE_MAGIC "casebook-state 1"

struct state_pos
{
  char *coll;
  long number;
  size_t unit;
};

struct state_mark
{
  int set;
  char *coll;
  long number;
  size_t unit;
};

struct state
{
  struct state_pos *pos;
  size_t npos;
  size_t pos_alloc;
  int has_last;
  char *last_coll;
  long last_number;
  struct state_mark marks[52];
  char **history;
  size_t nhistory;
  size_t history_alloc;
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
    free (st->pos[i].coll);
  free (st->pos);
  free (st->last_coll);
  for (size_t i = 0; i < 52; i++)
    free (st->marks[i].coll);
  for (size_t i = 0; i < st->nhistory; i++)
    free (st->history[i]);
  free (st->history);
  memset (st, 0, sizeof *st);
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
  char *dir = prefs_state_dir ();
  char *path = dir ? util_path_join (dir, "state") : NULL;
  free (dir);
  return path;
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

int
state_position (const struct state *st, const char *coll, long number,
                size_t *unit)
{
  for (size_t i = 0; i < st->npos; i++)
    if (st->pos[i].number == number && strcmp (st->pos[i].coll, coll) == 0)
      {
        *unit = st->pos[i].unit;
        return 1;
      }
  return 0;
}

void
state_set_position (struct state *st, const char *coll, long number,
                    size_t unit)
{
  for (size_t i = 0; i < st->npos; i++)
    if (st->pos[i].number == number && strcmp (st->pos[i].coll, coll) == 0)
      {
        st->pos[i].unit = unit;
        return;
      }
  st->pos = xgrow (st->pos, &st->pos_alloc, st->npos + 1, sizeof *st->pos);
  st->pos[st->npos].coll = xstrdup (coll);
  st->pos[st->npos].number = number;
  st->pos[st->npos].unit = unit;
  st->npos++;
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
  st->marks[k].set = 1;
}

void
state_history_add (struct state *st, const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  for (size_t i = 0; i < st->nhistory; i++)
    if (strcmp (st->history[i], text) == 0)
      {
        char *s = st->history[i];
        memmove (st->history + i, st->history + i + 1,
                 (st->nhistory - i - 1) * sizeof *st->history);
        st->history[st->nhistory - 1] = s;
        return;
      }
  if (st->nhistory == STATE_HISTORY_MAX)
    {
      free (st->history[0]);
      memmove (st->history, st->history + 1,
               (st->nhistory - 1) * sizeof *st->history);
      st->nhistory--;
    }
  st->history = xgrow (st->history, &st->history_alloc, st->nhistory + 1,
                       sizeof *st->history);
  st->history[st->nhistory++] = xstrdup (text);
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
    }
  for (int k = 0; k < 52; k++)
    if (st->marks[k].set)
      {
        buf_printf (&b, "mark\t%c", k < 26 ? 'a' + k : 'A' + k - 26);
        put_field (&b, st->marks[k].coll);
        buf_printf (&b, "\t%ld\t%zu\n", st->marks[k].number,
                    st->marks[k].unit);
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
  else if (strcmp (f[0], "mark") == 0)
    {
      if (n != 5 || strlen (f[1]) != 1 || mark_slot (f[1][0]) < 0
          || parse_long (f[3], &number) < 0 || parse_size (f[4], &unit) < 0)
        return -1;
      state_set_mark (st, f[1][0], f[2], number, unit);
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
  return 0;
}

int
state_load (struct state *st, const char *path, char **cause)
{
  size_t len;
  char *data = util_read_regular (path, &len);
  if (data == NULL)
    {
      if (errno == ENOENT)
        {
          state_clear (st);
          return 0;
        }
      *cause = xasprintf ("%s: %s", path, errno ? strerror (errno)
                          : "not a regular file");
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

int
state_save (const struct state *st, const char *path, char **cause)
{
  const char *slash = strrchr (path, '/');
  if (slash && slash != path)
    {
      char *dir = xstrndup (path, (size_t) (slash - path));
      int r = util_mkdir_p (dir);
      int e = errno;
      if (r < 0)
        {
          *cause = xasprintf ("%s: %s", dir, strerror (e));
          free (dir);
          return -1;
        }
      free (dir);
    }
  size_t len;
  char *data = state_format (st, &len);
  int r = util_write_atomic (path, data, len);
  int e = errno;
  free (data);
  if (r < 0)
    {
      *cause = xasprintf ("%s: %s", path, strerror (e));
      return -1;
    }
  return 0;
}
