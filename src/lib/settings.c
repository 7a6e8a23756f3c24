/* settings.c -- reading the configuration file (see settings.h).

   Each line is blank, a comment (# to the end of the line, at its start
   or after a blank), "KEY = VALUE", or "bind KEY ACTION".  Words are
   separated by blanks; names are ASCII and compared without case, except
   a one-character key, which is the character itself.  */

#include <config.h>
#include "settings.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "i18n.h"
#include "model.h"
#include "norm.h"
#include "prefs.h"
#include "util.h"

/* The largest configuration read: a few lines are all it holds.  */
#define SETTINGS_MAX_SIZE ((size_t) 1 << 20)
/* The message names the limit.  */
_Static_assert (SETTINGS_MAX_SIZE == (size_t) 1 << 20,
                "settings_load says 1 MiB");

static const char *const theme_names[THEME_COUNT] = {
  "default", "light", "dark"
};

static const char *const element_names[ELEM_COUNT] = {
  "title", "heading", "meta", "keywords", "hit", "current-hit",
  "translated", "provenance", "selected", "open-case", "status",
  "title-bar", "error", "border", "scroll-hit"
};

static const char *const action_names[ACT_COUNT] = {
  "down", "up", "page-down", "page-up", "half-page-down", "half-page-up",
  "top", "bottom", "next-heading", "previous-heading", "outline",
  "open", "next-pane", "previous-pane", "goto", "search",
  "search-backward", "next-hit", "previous-hit", "limit", "view",
  "english", "zoom", "tags", "mark", "go-to-mark", "where",
  "copy", "range", "redraw", "help", "legend", "quit",
  "facets", "related", "fold-all"
};

static const struct
{
  const char *name;
  int key;
  uint32_t ch;
} key_names[] = {
  { "Up", CKEY_UP, 0 }, { "Down", CKEY_DOWN, 0 },
  { "Left", CKEY_LEFT, 0 }, { "Right", CKEY_RIGHT, 0 },
  { "PgUp", CKEY_PGUP, 0 }, { "PageUp", CKEY_PGUP, 0 },
  { "PgDn", CKEY_PGDN, 0 }, { "PageDown", CKEY_PGDN, 0 },
  { "Home", CKEY_HOME, 0 }, { "End", CKEY_END, 0 },
  { "BTab", CKEY_BTAB, 0 }, { "S-Tab", CKEY_BTAB, 0 },
  { "Insert", CKEY_INSERT, 0 }, { "Delete", CKEY_DELETE, 0 },
  { "Backspace", CKEY_BACKSPACE, 0 },
  { "Space", CKEY_CHAR, ' ' }, { "Enter", CKEY_CHAR, '\r' },
  { "Tab", CKEY_CHAR, '\t' }, { "Esc", CKEY_CHAR, 27 },
};

static const char *const color_names[] = {
  "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"
};

const char *
settings_action_name (enum settings_action a)
{
  return (unsigned) a < ACT_COUNT ? action_names[a] : "";
}

const char *
settings_element_name (enum settings_element e)
{
  return (unsigned) e < ELEM_COUNT ? element_names[e] : "";
}

const char *
settings_theme_name (enum settings_theme t)
{
  return (unsigned) t < THEME_COUNT ? theme_names[t] : "";
}

void
settings_init (struct settings *cfg)
{
  memset (cfg, 0, sizeof *cfg);
  cfg->theme = THEME_DEFAULT;
  cfg->color = -1;
  cfg->lang = -1;
  cfg->width = -1;
}

void
settings_free (struct settings *cfg)
{
  free (cfg->bindings);
  diags_free (&cfg->problems);
  settings_init (cfg);
}

char *
settings_default_path (void)
{
  return prefs_path_in (prefs_config_dir (), "config");
}

/* Index of WORD in NAMES (N of them), compared without case; -1.  */
static int
name_index (const char *word, const char *const *names, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (strcasecmp (word, names[i]) == 0)
      return (int) i;
  return -1;
}

/* A colour: a name, bright-NAME, "default", or a number 0-255.
   0 or -1.  */
static int
parse_color (const char *w, int *color)
{
  const size_t ncolors = sizeof color_names / sizeof *color_names;
  if (strcasecmp (w, "default") == 0)
    {
      *color = SETTINGS_COLOR_DEFAULT;
      return 0;
    }
  int bright = strncasecmp (w, "bright-", 7) == 0;
  int i = name_index (bright ? w + 7 : w, color_names, ncolors);
  if (i >= 0)
    {
      *color = i + (bright ? 8 : 0);
      return 0;
    }
  char *end;
  errno = 0;
  long v = strtol (w, &end, 10);
  if (w[0] >= '0' && w[0] <= '9' && *end == '\0' && errno == 0
      && v >= 0 && v <= 255)
    {
      *color = (int) v;
      return 0;
    }
  return -1;
}

/* "bold blue on white": attributes, a foreground, "on" a background, in
   any order of attributes.  0, or -1 with *BAD the word not understood.  */
static int
parse_style (char **words, size_t n, struct settings_style *st,
             const char **bad)
{
  static const char *const attr_names[] = {
    "bold", "dim", "underline", "reverse", "normal"
  };
  static const unsigned attr_bits[] = {
    SETTINGS_BOLD, SETTINGS_DIM, SETTINGS_UNDERLINE, SETTINGS_REVERSE, 0
  };
  struct settings_style s = { 1, SETTINGS_COLOR_DEFAULT, SETTINGS_COLOR_DEFAULT, 0 };
  int have_fg = 0;
  for (size_t i = 0; i < n; i++)
    {
      int a = name_index (words[i], attr_names,
                          sizeof attr_names / sizeof *attr_names);
      if (a >= 0)
        {
          s.attrs |= attr_bits[a];
          continue;
        }
      if (strcasecmp (words[i], "on") == 0)
        {
          if (i + 1 == n || parse_color (words[i + 1], &s.bg) < 0)
            {
              *bad = i + 1 == n ? words[i] : words[i + 1];
              return -1;
            }
          i++;
          continue;
        }
      if (have_fg || parse_color (words[i], &s.fg) < 0)
        {
          *bad = words[i];
          return -1;
        }
      have_fg = 1;
    }
  if (n == 0)
    {
      *bad = "";
      return -1;
    }
  *st = s;
  return 0;
}

/* Why parse_key refused a key.  */
enum key_refusal
{
  KEYNAME_UNKNOWN = -1,
  KEYNAME_ENTER = -2,           /* ^J: the browser reads it as Enter */
  KEYNAME_BACKSPACE = -3,       /* ^H: as Backspace */
  KEYNAME_SIGNAL = -4           /* ^C, ^Z, ^\: the terminal's signals */
};

/* A cursor or editing key after C-, M- and S- (any of them, in any
   order): W without them, its modifiers in *MODS.  */
static const char *
strip_modifiers (const char *w, uint32_t *mods)
{
  *mods = 0;
  for (;;)
    {
      if (w[0] == '\0' || w[1] != '-' || w[2] == '\0')
        return w;
      switch (w[0])
        {
        case 'C': case 'c':
          *mods |= CKEY_MOD_CTRL;
          break;
        case 'M': case 'm':
          *mods |= CKEY_MOD_ALT;
          break;
        case 'S': case 's':
          *mods |= CKEY_MOD_SHIFT;
          break;
        default:
          return w;
        }
      w += 2;
    }
}

/* A key as the file names it: one character, ^X or C-x, or a name
   (Space, Enter, Tab, Esc, Up, PgDn, Home, F1...), a cursor or editing
   key with modifiers as the browser names it (C-Left, S-Up, C-M-Home).
   0, or a key_refusal.  */
static int
parse_key (const char *w, struct settings_key *key)
{
  size_t len = strlen (w);
  ucs4_t uc;
  int n = u8_mbtouc (&uc, (const uint8_t *) w, len);
  if (n > 0 && (size_t) n == len && uc != 0xfffd && uc > 0x20 && uc != 0x7f)
    {
      key->name = CKEY_CHAR;
      key->ch = uc;
      return 0;
    }
  if ((len == 2 && w[0] == '^') || (len == 3 && (w[0] == 'C' || w[0] == 'c')
                                    && w[1] == '-'))
    {
      char c = w[len - 1];
      if (c >= 'a' && c <= 'z')
        c = (char) (c - 'a' + 'A');
      if (c < '@' || c > '_')
        return KEYNAME_UNKNOWN;
      /* The browser reads ^J as Enter and ^H as Backspace and looks
         them up under those names, so a binding of ^J or ^H alone would
         never be found; the terminal turns ^C, ^Z and ^\ into signals,
         so the browser never sees them.  Refused, saying so, rather than
         taken and never used.  ^M, ^I and ^[ are the very bytes of Enter,
         Tab and Esc, and bind them.  */
      switch (c)
        {
        case 'J':
          return KEYNAME_ENTER;
        case 'H':
          return KEYNAME_BACKSPACE;
        case 'C':
        case 'Z':
        case '\\':
          return KEYNAME_SIGNAL;
        default:
          break;
        }
      key->name = CKEY_CHAR;
      key->ch = (uint32_t) (c - '@');
      return 0;
    }
  for (size_t i = 0; i < sizeof key_names / sizeof *key_names; i++)
    if (strcasecmp (w, key_names[i].name) == 0)
      {
        key->name = key_names[i].key;
        key->ch = key_names[i].ch;
        return 0;
      }
  uint32_t mods;
  const char *base = strip_modifiers (w, &mods);
  if (mods)
    {
      for (size_t i = 0; i < sizeof key_names / sizeof *key_names; i++)
        if (strcasecmp (base, key_names[i].name) == 0
            && key_names[i].key >= CKEY_UP && key_names[i].key <= CKEY_DELETE
            && key_names[i].key != CKEY_BTAB)
          {
            key->name = key_names[i].key;
            key->ch = mods;
            return 0;
          }
      return KEYNAME_UNKNOWN;
    }
  if ((w[0] == 'F' || w[0] == 'f') && w[1] >= '1' && w[1] <= '9')
    {
      char *end;
      long f = strtol (w + 1, &end, 10);
      if (*end == '\0' && f >= 1 && f <= 12)
        {
          key->name = CKEY_F1 + (int) f - 1;
          key->ch = 0;
          return 0;
        }
    }
  return KEYNAME_UNKNOWN;
}

char *
settings_key_name (const struct settings_key *key)
{
  if (key->name == CKEY_CHAR)
    {
      uint32_t c = key->ch;
      for (size_t i = 0; i < sizeof key_names / sizeof *key_names; i++)
        if (key_names[i].key == CKEY_CHAR && key_names[i].ch == c)
          return xstrdup (key_names[i].name);
      if (c < 0x20)
        return xasprintf ("^%c", (char) ('@' + c));
      uint8_t u[6];
      int n = u8_uctomb (u, c, sizeof u);
      if (n <= 0)
        return xasprintf ("U+%04lX", (unsigned long) c);
      /* A key of the file's own, quoted on the screen: a format or
         private-use character named rather than sent as itself.  */
      char *one = xstrndup ((const char *) u, (size_t) n);
      char *v = norm_visible_string (one);
      free (one);
      return v;
    }
  if (key->name >= CKEY_F1 && key->name < CKEY_F1 + 12)
    return xasprintf ("F%d", key->name - CKEY_F1 + 1);
  const char *base = "?";
  /* The first of a key's names in the table is the one shown (PgDn,
     not PageDown).  */
  for (size_t i = 0; i < sizeof key_names / sizeof *key_names; i++)
    if (key_names[i].key == key->name)
      {
        base = key_names[i].name;
        break;
      }
  uint32_t mods = key->ch;
  return xasprintf ("%s%s%s%s", mods & CKEY_MOD_CTRL ? "C-" : "",
                    mods & CKEY_MOD_ALT ? "M-" : "",
                    mods & CKEY_MOD_SHIFT ? "S-" : "", base);
}

const struct settings_binding *
settings_binding_find (const struct settings *cfg, const struct settings_key *key)
{
  for (size_t i = cfg->nbindings; i-- > 0;)
    if (cfg->bindings[i].key.name == key->name
        && cfg->bindings[i].key.ch == key->ch)
      return &cfg->bindings[i];
  return NULL;
}

static void add_error (struct settings *cfg, const char *name,
                       unsigned long lineno, const char *fmt, ...)
  __attribute__ ((format (printf, 4, 5)));

/* Add a problem at NAME:LINENO (the file as a whole when LINENO is
   0).  */
static void
add_error (struct settings *cfg, const char *name, unsigned long lineno,
           const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *m = xvasprintf (fmt, ap);
  va_end (ap);
  diags_add (&cfg->problems, DIAG_ERROR, name, lineno, "%s", m);
  free (m);
}

/* Split LINE (modified) into at most MAX blank-separated words, stopping
   at a comment.  Returns the count, or MAX + 1 when there are more.  */
static size_t
split_words (char *line, char **words, size_t max)
{
  size_t n = 0;
  char *p = line;
  for (;;)
    {
      while (*p == ' ' || *p == '\t' || *p == '\r')
        p++;
      if (*p == '\0' || *p == '#')
        return n;
      if (n == max)
        return max + 1;
      words[n++] = p;
      while (*p && *p != ' ' && *p != '\t' && *p != '\r')
        p++;
      if (*p)
        *p++ = '\0';
    }
}

/* A number of columns for the reading width: 20 to 1000.  */
static int
parse_width (const char *w, int *width)
{
  char *end;
  errno = 0;
  long v = strtol (w, &end, 10);
  if (w[0] < '0' || w[0] > '9' || *end || errno || v < 20 || v > 1000)
    return -1;
  *width = (int) v;
  return 0;
}

/* A "KEY = VALUE" line, its value in WORDS[2..N).  */
static void
parse_setting (struct settings *cfg, char **words, size_t n, const char *name,
               unsigned long lineno)
{
  const char *key = words[0];
  char **value = words + 2;
  size_t nvalue = n - 2;
  if (strncasecmp (key, "color.", 6) == 0 || strncasecmp (key, "colour.", 7) == 0)
    {
      const char *el = strchr (key, '.') + 1;
      int e = name_index (el, element_names, ELEM_COUNT);
      if (e < 0)
        {
          add_error (cfg, name, lineno, _("unknown element '%s' to colour"), el);
          return;
        }
      const char *bad = NULL;
      if (parse_style (value, nvalue, &cfg->style[e], &bad) < 0)
        {
          if (*bad)
            add_error (cfg, name, lineno,
                       _("'%s' is not a colour or attribute"), bad);
          else
            add_error (cfg, name, lineno, "%s", _("a colour is missing"));
        }
      return;
    }
  if (nvalue != 1)
    {
      if (nvalue)
        add_error (cfg, name, lineno, _("'%s' takes one value"), key);
      else
        add_error (cfg, name, lineno, _("'%s' needs a value"), key);
      return;
    }
  const char *v = value[0];
  if (strcasecmp (key, "theme") == 0)
    {
      int t = name_index (v, theme_names, THEME_COUNT);
      if (t < 0)
        add_error (cfg, name, lineno,
                   _("unknown theme '%s' (use default, light or dark)"), v);
      else
        cfg->theme = (enum settings_theme) t;
    }
  else if (strcasecmp (key, "color") == 0 || strcasecmp (key, "colour") == 0)
    {
      static const char *const modes[] = { "auto", "always", "never" };
      int m = name_index (v, modes, 3);
      if (m < 0)
        add_error (cfg, name, lineno,
                   _("invalid color '%s' (use auto, always or never)"), v);
      else
        cfg->color = m == 0 ? COLOR_AUTO : m == 1 ? COLOR_ALWAYS : COLOR_NEVER;
    }
  else if (strcasecmp (key, "lang") == 0)
    {
      enum lang l;
      if (strcasecmp (v, "both") == 0)
        cfg->lang = SETTINGS_LANG_BOTH;
      else if (lang_parse (v, &l) == 0)
        cfg->lang = (int) l;
      else
        add_error (cfg, name, lineno,
                   _("invalid lang '%s' (use zh, en or both)"), v);
    }
  else if (strcasecmp (key, "width") == 0)
    {
      if (parse_width (v, &cfg->width) < 0)
        add_error (cfg, name, lineno,
                   _("invalid width '%s' (a number of columns, 20 to 1000)"), v);
    }
  else
    add_error (cfg, name, lineno, _("unknown setting '%s'"), key);
}

/* Parse line LINE (NUL-terminated, modified).  */
static void
parse_line (struct settings *cfg, char *line, const char *name,
            unsigned long lineno)
{
  enum { MAX_WORDS = 16 };
  char *words[MAX_WORDS + 2];
  /* "NAME = VALUE", with or without blanks around the '=': the name is
     the words before it, the value those after.  */
  const char *start = line + strspn (line, " \t");
  int is_bind = strncasecmp (start, "bind", 4) == 0
    && (start[4] == ' ' || start[4] == '\t');
  char *eq = strchr (line, '=');
  char *hash = strchr (line, '#');
  if (!is_bind && eq && (hash == NULL || eq < hash))
    {
      *eq = '\0';
      size_t nk = split_words (line, words, 1);
      size_t nv = split_words (eq + 1, words + 2, MAX_WORDS);
      if (nk != 1)
        {
          add_error (cfg, name, lineno, "%s",
                     nk ? _("a setting's name is one word: NAME = VALUE")
                     : _("a setting's name is missing: NAME = VALUE"));
          return;
        }
      if (nv > MAX_WORDS)
        {
          add_error (cfg, name, lineno, _("'%s' has too many words"), words[0]);
          return;
        }
      words[1] = (char *) "=";
      parse_setting (cfg, words, nv + 2, name, lineno);
      return;
    }
  size_t n = split_words (line, words, 3);
  if (n == 0)
    return;
  if (strcasecmp (words[0], "bind") != 0)
    {
      add_error (cfg, name, lineno,
                 _("'%s' is not a setting: use NAME = VALUE or bind KEY ACTION"),
                 words[0]);
      return;
    }
  struct settings_key key;
  int a, r;
  if (n != 3)
    add_error (cfg, name, lineno,
               _("'%s' takes a key and an action: bind KEY ACTION"), words[0]);
  else if ((r = parse_key (words[1], &key)) == KEYNAME_UNKNOWN)
    add_error (cfg, name, lineno, _("unknown key '%s'"), words[1]);
  else if (r == KEYNAME_ENTER)
    add_error (cfg, name, lineno,
               _("'%s' cannot be bound: ^J and ^M are Enter; "
                 "use bind Enter ACTION"), words[1]);
  else if (r == KEYNAME_BACKSPACE)
    add_error (cfg, name, lineno,
               _("'%s' cannot be bound: ^H is Backspace; "
                 "use bind Backspace ACTION"), words[1]);
  else if (r == KEYNAME_SIGNAL)
    add_error (cfg, name, lineno,
               /* TRANSLATORS: ^C, ^Z and ^\ are keys; the terminal
                  sends a signal for them instead.  */
               _("'%s' cannot be bound: the terminal keeps ^C, ^Z and ^\\ "
                 "for itself"), words[1]);
  else if ((a = name_index (words[2], action_names, ACT_COUNT)) < 0)
    add_error (cfg, name, lineno, _("unknown action '%s'"), words[2]);
  else
    {
      /* Grown by doubling: by one at a time, a file of nothing but
         binds (some 100,000 fit in its 1 MiB) copied the list at every
         line wherever realloc moves it, as valgrind and the sanitizers
         do, for minutes.  */
      cfg->bindings = xgrow (cfg->bindings, &cfg->bindings_alloc,
                             cfg->nbindings + 1, sizeof *cfg->bindings);
      cfg->bindings[cfg->nbindings].key = key;
      cfg->bindings[cfg->nbindings].action = (enum settings_action) a;
      cfg->nbindings++;
    }
}

void
settings_parse (struct settings *cfg, const char *data, size_t len,
              const char *name)
{
  const char *p = data, *end = data + len;
  /* A byte order mark, which Windows' Notepad writes, is no part of the
     first setting (as in content files).  */
  if (len >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  unsigned long lineno = 0;
  while (p < end)
    {
      lineno++;
      const char *nl = memchr (p, '\n', (size_t) (end - p));
      size_t n = nl ? (size_t) (nl - p) : (size_t) (end - p);
      if (memchr (p, '\0', n) || u8_check ((const uint8_t *) p, n))
        add_error (cfg, name, lineno, "%s", _("not valid UTF-8 text"));
      else
        {
          char *line = xstrndup (p, n);
          parse_line (cfg, line, name, lineno);
          free (line);
        }
      p += n + (nl != NULL);
    }
}

void
settings_load (struct settings *cfg, const char *path)
{
  size_t len;
  /* A configuration is a few lines: a file of megabytes is not one,
     and is not read until memory runs out.  */
  char *data = util_read_regular (path, SETTINGS_MAX_SIZE, &len);
  if (data == NULL)
    {
      if (errno != ENOENT)
        add_error (cfg, path, 0, "%s", errno == EFBIG
                   ? _("larger than 1 MiB: not a configuration file")
                   : errno ? strerror (errno) : _("not a regular file"));
      return;
    }
  settings_parse (cfg, data, len, path);
  free (data);
}
