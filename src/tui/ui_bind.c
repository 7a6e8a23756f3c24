/* ui_bind.c -- the configuration file's key bindings ("bind x quit",
   casebook(5)).  A bound key is turned into the key its action has by
   default before the browser looks at it, so that every pane, the help
   and the outline understand it as they understand that key; the
   default keys keep working.  */

#include <config.h>

#include <stdlib.h>

#include "i18n.h"
#include "settings.h"
#include "ui_priv.h"

/* keys_unmodify's modifiers are the file's.  */
_Static_assert (KEYS_SHIFT == CKEY_MOD_SHIFT && KEYS_ALT == CKEY_MOD_ALT
                && KEYS_CTRL == CKEY_MOD_CTRL, "one set of modifier bits");

/* The key each action has by default (see the help screen).  */
static const struct ui_key action_keys[ACT_COUNT] = {
  [ACT_DOWN] = { 0, 'j' },
  [ACT_UP] = { 0, 'k' },
  [ACT_PAGE_DOWN] = { 0, ' ' },
  [ACT_PAGE_UP] = { 0, 'b' },
  [ACT_HALF_DOWN] = { 0, 'd' },
  [ACT_HALF_UP] = { 0, 'u' },
  [ACT_TOP] = { 0, 'g' },
  [ACT_BOTTOM] = { 0, 'G' },
  [ACT_NEXT_HEADING] = { 0, ']' },
  [ACT_PREV_HEADING] = { 0, '[' },
  [ACT_OUTLINE] = { 0, 'O' },
  [ACT_OPEN] = { 0, '\r' },
  [ACT_NEXT_PANE] = { 0, '\t' },
  [ACT_PREV_PANE] = { KEY_BTAB, 0 },
  [ACT_GOTO] = { 0, ':' },
  [ACT_SEARCH] = { 0, '/' },
  [ACT_SEARCH_BACK] = { 0, '?' },
  [ACT_NEXT_HIT] = { 0, 'n' },
  [ACT_PREV_HIT] = { 0, 'N' },
  [ACT_LIMIT] = { 0, '&' },
  [ACT_VIEW] = { 0, 'v' },
  [ACT_ENGLISH] = { 0, 'E' },
  [ACT_ZOOM] = { 0, 'z' },
  [ACT_TAGS] = { 0, 't' },
  [ACT_MARK] = { 0, 'm' },
  [ACT_GO_TO_MARK] = { 0, '\'' },
  [ACT_WHERE] = { 0, '=' },
  [ACT_COPY] = { 0, 'y' },
  [ACT_RANGE] = { 0, 'V' },
  [ACT_REDRAW] = { 0, 12 },
  [ACT_HELP] = { 0, 'h' },
  [ACT_LEGEND] = { 0, 'L' },
  [ACT_QUIT] = { 0, 'q' },
  [ACT_FACETS] = { 0, 'F' },
  [ACT_RELATED] = { 0, 'R' },
  [ACT_FOLD_ALL] = { 0, 'C' },
};

/* K as the configuration file names keys.  0, or -1 for a key the file
   cannot name.  */
static int
settings_key_of (const struct ui_key *k, struct settings_key *ck)
{
  static const struct { int fn; int name; } fns[] = {
    { KEY_UP, CKEY_UP }, { KEY_DOWN, CKEY_DOWN }, { KEY_LEFT, CKEY_LEFT },
    { KEY_RIGHT, CKEY_RIGHT }, { KEY_PPAGE, CKEY_PGUP },
    { KEY_NPAGE, CKEY_PGDN }, { KEY_HOME, CKEY_HOME }, { KEY_END, CKEY_END },
    { KEY_BTAB, CKEY_BTAB }, { KEY_IC, CKEY_INSERT }, { KEY_DC, CKEY_DELETE },
    { KEY_BACKSPACE, CKEY_BACKSPACE }, { KEY_ENTER, CKEY_CHAR },
  };
  ck->ch = 0;
  if (k->fn == 0)
    {
      ck->name = CKEY_CHAR;
      ck->ch = (uint32_t) k->ch;
      if (k->ch == '\n')
        ck->ch = '\r';
      else if (k->ch == 0x7f || k->ch == 8)
        {
          ck->name = CKEY_BACKSPACE;
          ck->ch = 0;
        }
      return 0;
    }
  if (k->fn >= KEY_F (1) && k->fn <= KEY_F (12))
    {
      ck->name = CKEY_F1 + (k->fn - KEY_F (1));
      return 0;
    }
  /* A key with modifiers (C-Left) is the key and its modifiers in CH.  */
  int mods = 0;
  int fn = keys_unmodify (k->fn, &mods);
  if (fn == 0)
    fn = k->fn;
  for (size_t i = 0; i < sizeof fns / sizeof *fns; i++)
    if (fns[i].fn == fn)
      {
        ck->name = fns[i].name;
        if (fn == KEY_ENTER)
          ck->ch = '\r';
        else
          ck->ch = (uint32_t) mods;
        return 0;
      }
  return -1;
}

int
bind_translate (const struct ui *u, struct ui_key *k)
{
  const struct settings *cfg = u->opt->settings;
  struct settings_key ck;
  if (cfg == NULL || cfg->nbindings == 0 || settings_key_of (k, &ck) < 0)
    return 0;
  const struct settings_binding *b = settings_binding_find (cfg, &ck);
  if (b == NULL)
    return 0;
  *k = action_keys[b->action];
  return 1;
}

/* Bindings by key, and in the file's order for one key.  */
static int
compare_bindings (const void *a, const void *b)
{
  const struct settings_binding *x = *(const struct settings_binding *const *) a;
  const struct settings_binding *y = *(const struct settings_binding *const *) b;
  if (x->key.name != y->key.name)
    return x->key.name < y->key.name ? -1 : 1;
  if (x->key.ch != y->key.ch)
    return x->key.ch < y->key.ch ? -1 : 1;
  return x < y ? -1 : x > y;
}

unsigned char *
bind_overridden (const struct settings *cfg)
{
  size_t nb = cfg->nbindings;
  unsigned char *overridden = xcalloc (nb ? nb : 1, 1);
  /* By sorting, not by a look-up per binding: a file may bind
     thousands of keys.  */
  const struct settings_binding **by_key = xcalloc (nb ? nb : 1,
                                                    sizeof *by_key);
  for (size_t i = 0; i < nb; i++)
    by_key[i] = &cfg->bindings[i];
  qsort (by_key, nb, sizeof *by_key, compare_bindings);
  for (size_t i = 0; i + 1 < nb; i++)
    if (by_key[i]->key.name == by_key[i + 1]->key.name
        && by_key[i]->key.ch == by_key[i + 1]->key.ch)
      overridden[by_key[i] - cfg->bindings] = 1;
  free (by_key);
  return overridden;
}

/* The status line's hints, in their order.  */
static const enum settings_action hints[] = {
  ACT_HELP, ACT_QUIT, ACT_SEARCH, ACT_VIEW, ACT_NEXT_PANE
};

/* Add to B the hint "KEY: what action A does".  */
static void
add_hint (struct buf *b, enum settings_action a, const char *key)
{
  switch (a)
    {
    case ACT_HELP:
      /* TRANSLATORS: the status line's hints, two spaces apart: "h:
         help  q: quit  /: search  v: view  Tab: next pane".  %s is a
         key: h, q, /, v, Tab by default, or one the configuration file
         binds (F2, x).  */
      buf_printf (b, _("%s: help"), key);
      break;
    case ACT_QUIT:
      buf_printf (b, _("%s: quit"), key);
      break;
    case ACT_SEARCH:
      buf_printf (b, _("%s: search"), key);
      break;
    case ACT_VIEW:
      buf_printf (b, _("%s: view"), key);
      break;
    default:
      buf_printf (b, _("%s: next pane"), key);
      break;
    }
}

/* The key to name for action A: its own unless the file binds that key
   to another action, else the first key the file binds to A (among
   those OVERRIDDEN does not mark), else none.  Caller frees.  */
static char *
key_for (const struct settings *cfg, const unsigned char *overridden,
         enum settings_action a)
{
  struct settings_key ck;
  if (settings_key_of (&action_keys[a], &ck) == 0)
    {
      const struct settings_binding *b = cfg
        ? settings_binding_find (cfg, &ck) : NULL;
      if (b == NULL || b->action == a)
        return settings_key_name (&ck);
    }
  for (size_t i = 0; cfg && i < cfg->nbindings; i++)
    if (!overridden[i] && cfg->bindings[i].action == a)
      return settings_key_name (&cfg->bindings[i].key);
  /* Help has a second key of its own.  */
  struct settings_key f1 = { CKEY_F1, 0 };
  const struct settings_binding *b = cfg ? settings_binding_find (cfg, &f1)
    : NULL;
  if (a == ACT_HELP && (b == NULL || b->action == a))
    return settings_key_name (&f1);
  return NULL;
}

char *
bind_help_key (const struct ui *u)
{
  const struct settings *cfg = u->opt ? u->opt->settings : NULL;
  unsigned char *overridden = cfg ? bind_overridden (cfg) : NULL;
  char *key = key_for (cfg, overridden, ACT_HELP);
  free (overridden);
  return key;
}

char *
bind_hints (const struct ui *u)
{
  const struct settings *cfg = u->opt ? u->opt->settings : NULL;
  unsigned char *overridden = cfg ? bind_overridden (cfg) : NULL;
  struct buf b = { 0 };
  for (size_t i = 0; i < sizeof hints / sizeof *hints; i++)
    {
      char *key = key_for (cfg, overridden, hints[i]);
      if (key == NULL)
        continue;
      if (b.len)
        buf_adds (&b, "  ");
      add_hint (&b, hints[i], key);
      free (key);
    }
  free (overridden);
  return b.data ? b.data : xstrdup ("");
}

char *
bind_help_footer (const struct ui *u)
{
  const struct settings *cfg = u->opt ? u->opt->settings : NULL;
  unsigned char *overridden = cfg ? bind_overridden (cfg) : NULL;
  /* In the help, the keys of quit and help close it, those of down and
     up scroll it; the arrows always do.  */
  char *close = key_for (cfg, overridden, ACT_QUIT);
  if (close == NULL)
    close = key_for (cfg, overridden, ACT_HELP);
  char *down = key_for (cfg, overridden, ACT_DOWN);
  char *up = key_for (cfg, overridden, ACT_UP);
  free (overridden);
  struct settings_key down_arrow = { CKEY_DOWN, 0 }, up_arrow = { CKEY_UP, 0 };
  if (down == NULL)
    down = settings_key_name (&down_arrow);
  if (up == NULL)
    up = settings_key_name (&up_arrow);
  const char *d = down, *p = up;
  char *s = close
    /* TRANSLATORS: the help screen's status line; %1$s the key that
       closes it (q, or one the configuration file binds), %2$s and %3$s
       those that scroll it (j/k).  */
    ? xasprintf (_("Help: Esc or %1$s closes, %2$s/%3$s scroll"), close, d, p)
    /* TRANSLATORS: as above, when no key but Esc closes it.  */
    : xasprintf (_("Help: Esc closes, %1$s/%2$s scroll"), d, p);
  free (close);
  free (down);
  free (up);
  return s;
}
