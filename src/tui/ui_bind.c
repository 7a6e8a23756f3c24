/* ui_bind.c -- the configuration file's key bindings ("bind x quit",
   casebook(5)).  A bound key is turned into the key its action has by
   default before the browser looks at it, so that every pane, the help
   and the outline understand it as they understand that key; the
   default keys keep working.  */

#include <config.h>

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
