/* test-settings.c -- the configuration file: every kind of good line
   takes effect, and every bad one is skipped with a FILE:LINE message
   while the lines around it still count.  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model.h"
#include "prefs.h"
#include "settings.h"
#include "tap.h"
#include "util.h"

/* Problem I of CFG as "FILE:LINE: message", or NULL.  Caller frees.  */
static char *
problem (const struct settings *cfg, size_t i)
{
  return i < cfg->problems.count ? diag_format (&cfg->problems.items[i])
    : NULL;
}

static void
parse (struct settings *cfg, const char *text)
{
  settings_init (cfg);
  settings_parse (cfg, text, strlen (text), "config");
}

/* The binding of the one-character key C, or -1.  */
static int
bound (const struct settings *cfg, int name, uint32_t c)
{
  struct settings_key k = { name, c };
  const struct settings_binding *b = settings_binding_find (cfg, &k);
  return b ? (int) b->action : -1;
}

static void
test_good (void)
{
  struct settings cfg;
  parse (&cfg,
         "# comment\n"
         "\n"
         "   # indented comment\n"
         "theme = light\n"
         "lang=both   # trailing comment\n"
         "width =72\n"
         "color= never\n"
         "color.title = bold blue\n"
         "colour.hit = black on bright-yellow underline\n"
         "color.status = 208 on default\n"
         "bind x quit\n"
         "bind ^G bottom\n"
         "bind C-f page-down\n"
         "bind PgDn half-page-down\n"
         "bind F2 help\n"
         "bind Space next-hit\n"
         "bind 中 view\n"
         "bind x zoom\n"
         "bind = where\n"
         "bind C-Left previous-heading\n"
         "bind m-s-pgdn bottom\n"
         "bind ^M open\n");
  char *first = problem (&cfg, 0);
  tap_ok (cfg.problems.count == 0, "good lines: no errors (got %zu: %s)",
          cfg.problems.count, first ? first : "");
  free (first);
  tap_ok (cfg.theme == THEME_LIGHT, "theme = light");
  tap_ok (cfg.lang == SETTINGS_LANG_BOTH, "lang=both with a comment after it");
  tap_ok (cfg.width == 72, "width =72");
  tap_ok (cfg.color == COLOR_NEVER, "color= never");
  tap_ok (cfg.style[ELEM_TITLE].set && cfg.style[ELEM_TITLE].fg == 4
          && cfg.style[ELEM_TITLE].bg == SETTINGS_COLOR_DEFAULT
          && cfg.style[ELEM_TITLE].attrs == SETTINGS_BOLD,
          "color.title = bold blue");
  tap_ok (cfg.style[ELEM_HIT].fg == 0 && cfg.style[ELEM_HIT].bg == 11
          && cfg.style[ELEM_HIT].attrs == SETTINGS_UNDERLINE,
          "colour.hit = black on bright-yellow underline");
  tap_ok (cfg.style[ELEM_STATUS].fg == 208, "a colour by number");
  tap_ok (!cfg.style[ELEM_META].set, "an element not named keeps its theme");
  tap_ok (bound (&cfg, CKEY_CHAR, 'x') == ACT_ZOOM,
          "the later binding of a key wins");
  tap_ok (bound (&cfg, CKEY_CHAR, 7) == ACT_BOTTOM, "bind ^G");
  tap_ok (bound (&cfg, CKEY_CHAR, 6) == ACT_PAGE_DOWN, "bind C-f");
  tap_ok (bound (&cfg, CKEY_PGDN, 0) == ACT_HALF_DOWN, "bind PgDn");
  tap_ok (bound (&cfg, CKEY_F1 + 1, 0) == ACT_HELP, "bind F2");
  tap_ok (bound (&cfg, CKEY_CHAR, ' ') == ACT_NEXT_HIT, "bind Space");
  tap_ok (bound (&cfg, CKEY_CHAR, 0x4e2d) == ACT_VIEW,
          "a Chinese character is a key");
  tap_ok (bound (&cfg, CKEY_CHAR, '=') == ACT_WHERE,
          "bind = is a binding, not a setting");
  tap_ok (bound (&cfg, CKEY_CHAR, 'y') == -1, "y is not bound");
  struct settings_key ck = { CKEY_LEFT, CKEY_MOD_CTRL };
  const struct settings_binding *b = settings_binding_find (&cfg, &ck);
  tap_ok (b && b->action == ACT_PREV_HEADING, "bind C-Left");
  ck.name = CKEY_LEFT;
  ck.ch = 0;
  tap_ok (settings_binding_find (&cfg, &ck) == NULL,
          "and Left is not bound by it");
  ck.name = CKEY_PGDN;
  ck.ch = CKEY_MOD_ALT | CKEY_MOD_SHIFT;
  b = settings_binding_find (&cfg, &ck);
  tap_ok (b && b->action == ACT_BOTTOM, "bind m-s-pgdn: modifiers in any case");
  tap_ok (bound (&cfg, CKEY_CHAR, '\r') == ACT_OPEN, "bind ^M binds Enter");
  settings_free (&cfg);
}

/* Each bad line gives one error naming its line, and is skipped.  */
static void
test_bad (void)
{
  static const struct
  {
    const char *line;
    const char *error;
  } bad[] = {
    { "theme = purple", "config:2: unknown theme 'purple' (use default, light or dark)" },
    { "lang = fr", "config:2: invalid lang 'fr' (use zh, en or both)" },
    { "width = 5", "config:2: invalid width '5' (a number of columns, 20 to 1000)" },
    { "width = wide", "config:2: invalid width 'wide' (a number of columns, 20 to 1000)" },
    { "width = 80 90", "config:2: 'width' takes one value" },
    { "width =", "config:2: 'width' needs a value" },
    { "colour = sometimes", "config:2: invalid color 'sometimes' (use auto, always or never)" },
    { "color.title = bold purple", "config:2: 'purple' is not a colour or attribute" },
    { "color.title = blue on", "config:2: 'on' is not a colour or attribute" },
    { "color.title =", "config:2: a colour is missing" },
    { "color.sidebar = red", "config:2: unknown element 'sidebar' to colour" },
    { "font = serif", "config:2: unknown setting 'font'" },
    { "two words = 1", "config:2: a setting's name is one word: NAME = VALUE" },
    { "= 1", "config:2: a setting's name is missing: NAME = VALUE" },
    { "quit", "config:2: 'quit' is not a setting: use NAME = VALUE or bind KEY ACTION" },
    { "bind x", "config:2: 'bind' takes a key and an action: bind KEY ACTION" },
    { "bind x quit now", "config:2: 'bind' takes a key and an action: bind KEY ACTION" },
    { "bind F13 quit", "config:2: unknown key 'F13'" },
    { "bind xy quit", "config:2: unknown key 'xy'" },
    { "bind ^1 quit", "config:2: unknown key '^1'" },
    { "bind x explode", "config:2: unknown action 'explode'" },
    { "bind C-Tab quit", "config:2: unknown key 'C-Tab'" },
    { "bind C-F5 quit", "config:2: unknown key 'C-F5'" },
    { "bind X-Left quit", "config:2: unknown key 'X-Left'" },
    { "bind ^J quit", "config:2: '^J' cannot be bound: ^J and ^M are Enter; use bind Enter ACTION" },
    { "bind c-j quit", "config:2: 'c-j' cannot be bound: ^J and ^M are Enter; use bind Enter ACTION" },
    { "bind ^H quit", "config:2: '^H' cannot be bound: ^H is Backspace; use bind Backspace ACTION" },
    { "bind ^C quit", "config:2: '^C' cannot be bound: the terminal keeps ^C, ^Z and ^\\ for itself" },
    { "bind C-z quit", "config:2: 'C-z' cannot be bound: the terminal keeps ^C, ^Z and ^\\ for itself" },
    { "bind ^\\ quit", "config:2: '^\\' cannot be bound: the terminal keeps ^C, ^Z and ^\\ for itself" },
    { "\xff = 1", "config:2: not valid UTF-8 text" },
  };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    {
      char *text = xasprintf ("theme = dark\n%s\nwidth = 60\n", bad[i].line);
      struct settings cfg;
      parse (&cfg, text);
      tap_ok (cfg.problems.count == 1, "one error for '%s' (got %zu)",
              bad[i].line, cfg.problems.count);
      char *got = problem (&cfg, 0);
      tap_is (got, bad[i].error,
              "the error names the file and line of '%s'", bad[i].line);
      free (got);
      tap_ok (cfg.theme == THEME_DARK && cfg.width == 60,
              "the lines around '%s' still count", bad[i].line);
      settings_free (&cfg);
      free (text);
    }
}

static void
test_file (void)
{
  char dir[] = "/tmp/cbsettings.XXXXXX";
  if (mkdtemp (dir) == NULL)
    abort ();
  char path[64];
  snprintf (path, sizeof path, "%s/config", dir);
  struct settings cfg;
  settings_init (&cfg);
  settings_load (&cfg, path);
  tap_ok (cfg.problems.count == 0 && cfg.width == -1,
          "a missing file is no error and sets nothing");
  settings_free (&cfg);
  FILE *f = fopen (path, "w");
  fputs ("width = 66\nbogus\n", f);
  fclose (f);
  settings_load (&cfg, path);
  char want[256];
  snprintf (want, sizeof want, "%s:2: 'bogus' is not a setting: "
            "use NAME = VALUE or bind KEY ACTION", path);
  tap_ok (cfg.width == 66, "the file is read");
  char *got = problem (&cfg, 0);
  tap_is (got, want, "errors name the file");
  free (got);
  settings_free (&cfg);
  /* A file of gigabytes (sparse here) is refused, not read until memory
     runs out.  */
  tap_ok (truncate (path, (off_t) 4 << 30) == 0, "a sparse file of 4 GiB");
  settings_init (&cfg);
  settings_load (&cfg, path);
  got = problem (&cfg, 0);
  snprintf (want, sizeof want, "%s: larger than 1 MiB: "
            "not a configuration file", path);
  tap_is (got, want, "a file too large to be a configuration: refused");
  free (got);
  settings_free (&cfg);
  unlink (path);

  setenv ("XDG_CONFIG_HOME", dir, 1);
  char *p = settings_default_path ();
  snprintf (want, sizeof want, "%s/casebook/config", dir);
  tap_is (p, want, "$XDG_CONFIG_HOME/casebook/config");
  free (p);
  unsetenv ("XDG_CONFIG_HOME");
  setenv ("HOME", "/home/reader", 1);
  p = settings_default_path ();
  tap_is (p, "/home/reader/.config/casebook/config",
          "else ~/.config/casebook/config");
  free (p);
  /* A home at the root is named as the user would write it.  */
  setenv ("XDG_CACHE_HOME", "/", 1);
  p = prefs_cache_dir ();
  tap_is (p, "/casebook", "XDG_CACHE_HOME=/ gives /casebook, not //casebook");
  free (p);
  unsetenv ("XDG_CACHE_HOME");
  p = util_path_join ("///", "x");
  tap_is (p, "/x", "and so does a root written with several slashes");
  free (p);
  rmdir (dir);
}

/* A file of nothing but binds (40,000 of them; its 1 MiB holds twice
   as many) is read in linear time: growing the list by one at each
   line copied it again and again wherever realloc moves a block
   (valgrind, the sanitizers), and the browser took minutes to start.
   Not timed (make check asserts no wall time): the list's room shows
   how it grew, doubled from 8 rather than by one at a time.  */
static void
test_many_binds (void)
{
  struct buf b = { 0 };
  const size_t n = 40000;
  for (size_t i = 0; i < n; i++)
    buf_adds (&b, i % 2 ? "bind x down\n" : "bind y up\n");
  struct settings cfg;
  settings_init (&cfg);
  settings_parse (&cfg, b.data, b.len, "config");
  tap_ok (cfg.nbindings == n && cfg.problems.count == 0
          && bound (&cfg, CKEY_CHAR, 'x') == ACT_DOWN,
          "%zu binds are read (%zu)", n, cfg.nbindings);
  size_t room = cfg.bindings_alloc;
  while (room > 8 && room % 2 == 0)
    room /= 2;
  tap_ok (room == 8 && cfg.bindings_alloc < 2 * n,
          "grown by doubling (room for %zu)", cfg.bindings_alloc);
  settings_free (&cfg);
  buf_free (&b);
}

/* A key's name reads back as the same key, in the file's spelling, and
   a character that must not reach the terminal is named.  */
static void
test_key_names (void)
{
  static const struct
  {
    const char *given, *shown;
  } names[] = {
    { "x", "x" }, { "^G", "^G" }, { "C-f", "^F" }, { "Space", "Space" },
    { "^M", "Enter" }, { "Tab", "Tab" }, { "Esc", "Esc" },
    { "PageDown", "PgDn" }, { "F12", "F12" }, { "中", "中" },
    { "m-s-pgdn", "M-S-PgDn" }, { "C-Left", "C-Left" }, { "S-Tab", "BTab" },
    { "Backspace", "Backspace" }, { "C-M-Home", "C-M-Home" },
  };
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    {
      struct settings cfg;
      char *line = xasprintf ("bind %s quit\n", names[i].given);
      parse (&cfg, line);
      free (line);
      char *shown = cfg.nbindings == 1
        ? settings_key_name (&cfg.bindings[0].key) : NULL;
      tap_ok (shown && strcmp (shown, names[i].shown) == 0,
              "the key bound as %s is named %s (got %s)", names[i].given,
              names[i].shown, shown ? shown : "no binding");
      /* And the name given again binds the same key.  */
      struct settings again;
      line = xasprintf ("bind %s quit\n", shown ? shown : "");
      parse (&again, line);
      free (line);
      tap_ok (again.nbindings == 1 && cfg.nbindings == 1
              && again.bindings[0].key.name == cfg.bindings[0].key.name
              && again.bindings[0].key.ch == cfg.bindings[0].key.ch,
              "%s reads back as the same key", shown ? shown : "?");
      free (shown);
      settings_free (&again);
      settings_free (&cfg);
    }
  struct settings_key zw = { CKEY_CHAR, 0x200b };
  char *shown = settings_key_name (&zw);
  tap_ok (strchr (shown, 0xe2) == NULL && strstr (shown, "200B") != NULL,
          "a zero-width space is named, not sent (got %s)", shown);
  free (shown);
}

/* A byte order mark before the first setting, as Notepad writes one.  */
static void
test_bom (void)
{
  struct settings cfg;
  parse (&cfg, "\xef\xbb\xbftheme = light\n");
  char *first = problem (&cfg, 0);
  tap_ok (cfg.problems.count == 0 && cfg.theme == THEME_LIGHT,
          "a byte order mark before the first setting is no part of it "
          "(%s)", first ? first : "no problem");
  free (first);
  settings_free (&cfg);
}

int
main (void)
{
  test_bom ();
  test_good ();
  test_bad ();
  test_file ();
  test_many_binds ();
  test_key_names ();
  return tap_done ();
}
