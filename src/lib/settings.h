/* settings.h -- the reader's configuration file,
   $XDG_CONFIG_HOME/casebook/config (else ~/.config/casebook/config),
   documented in casebook(5).  One setting a line:

     # a comment
     theme = light
     color.title = bold blue
     lang = both
     width = 90
     bind x quit

   This module reads the file into a struct settings and knows the names it
   may use (elements to colour, actions to bind, key names); what they do
   is the browser's business.  Nothing here prints: a line that cannot be
   used is skipped and reported as "FILE:LINE: message" in the settings
   error list, for the front end to show once.  */

#ifndef CASEBOOK_SETTINGS_H
#define CASEBOOK_SETTINGS_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Colour themes: the default keeps the terminal's own foreground for
   text; light and dark choose colours that read on such a background.  */
enum settings_theme { THEME_DEFAULT, THEME_LIGHT, THEME_DARK, THEME_COUNT };

/* The parts of the screen whose colour can be set (color.NAME).  */
enum settings_element
{
  ELEM_TITLE,           /* the case's title above its text */
  ELEM_HEADING,         /* headings in the text, the help's headings */
  ELEM_META,            /* region, date, source; the tags' counts */
  ELEM_KEYWORDS,        /* the case's keywords line */
  ELEM_HIT,             /* a search hit */
  ELEM_CURRENT_HIT,     /* the hit n and N stopped at */
  ELEM_TRANSLATED,      /* text that is casebook's translation */
  ELEM_PROVENANCE,      /* the header saying whose text it is */
  ELEM_SELECTED,        /* the selected row of the focused pane */
  ELEM_OPEN_CASE,       /* the open case in the list */
  ELEM_STATUS,          /* the status line */
  ELEM_TITLE_BAR,       /* the top line */
  ELEM_ERROR,           /* error messages */
  ELEM_BORDER,          /* pane borders and the scrollbar's track */
  ELEM_SCROLL_HIT,      /* hit marks in the scrollbar and the list */
  ELEM_COUNT
};

/* Attributes of a style, or-ed.  */
enum
{
  SETTINGS_BOLD = 1, SETTINGS_DIM = 2, SETTINGS_UNDERLINE = 4, SETTINGS_REVERSE = 8
};

/* The colour "default": the terminal's own.  */
#define SETTINGS_COLOR_DEFAULT (-1)

/* How an element is drawn: colours 0-255 (0-7 the basic eight, 8-15
   their bright forms) or SETTINGS_COLOR_DEFAULT, and attributes.  */
struct settings_style
{
  int set;                      /* given in the file */
  int fg, bg;
  unsigned attrs;
};

/* The browser's commands that keys can be bound to, named as in
   casebook(5) and the help screen.  */
enum settings_action
{
  ACT_DOWN, ACT_UP, ACT_PAGE_DOWN, ACT_PAGE_UP, ACT_HALF_DOWN, ACT_HALF_UP,
  ACT_TOP, ACT_BOTTOM, ACT_NEXT_HEADING, ACT_PREV_HEADING, ACT_OUTLINE,
  ACT_OPEN, ACT_NEXT_PANE, ACT_PREV_PANE, ACT_GOTO, ACT_SEARCH,
  ACT_SEARCH_BACK, ACT_NEXT_HIT, ACT_PREV_HIT, ACT_LIMIT, ACT_VIEW,
  ACT_ENGLISH, ACT_ZOOM, ACT_TAGS, ACT_MARK, ACT_GO_TO_MARK, ACT_WHERE,
  ACT_COPY, ACT_RANGE, ACT_REDRAW, ACT_HELP, ACT_LEGEND, ACT_QUIT,
  ACT_FACETS, ACT_RELATED, ACT_FOLD_ALL,
  ACT_COUNT
};

/* Keys that are not characters.  */
enum settings_keyname
{
  CKEY_CHAR, CKEY_UP, CKEY_DOWN, CKEY_LEFT, CKEY_RIGHT, CKEY_PGUP, CKEY_PGDN,
  CKEY_HOME, CKEY_END, CKEY_BTAB, CKEY_INSERT, CKEY_DELETE, CKEY_BACKSPACE,
  CKEY_F1                       /* CKEY_F1 + N - 1 is FN, up to F12 */
};

/* The modifiers of a cursor or editing key: the bits of xterm's
   modifier parameter, less one.  */
#define CKEY_MOD_SHIFT 1
#define CKEY_MOD_ALT 2
#define CKEY_MOD_CTRL 4

/* A key: NAME, or when NAME is CKEY_CHAR, the character CH (controls
   included: ^X is 24, Space 32, Enter 13, Tab 9).  For a cursor or
   editing key (Up to Delete), CH holds the CKEY_MOD_* bits of its
   modifiers ("C-Left"), 0 for none.  */
struct settings_key
{
  int name;
  uint32_t ch;
};

struct settings_binding
{
  struct settings_key key;
  enum settings_action action;
};

/* The settings.  LANG, COLOR and WIDTH are -1 when the file leaves them
   to the defaults.  */
struct settings
{
  enum settings_theme theme;
  int color;                    /* enum color_mode (prefs.h), or -1 */
  int lang;                     /* enum lang, LANG_BOTH, or -1 */
  int width;                    /* the reading width in columns, or -1 */
  struct settings_style style[ELEM_COUNT];
  struct settings_binding *bindings;      /* in file order; a later one for
                                           the same key wins */
  size_t nbindings;
  size_t bindings_alloc;
  struct diags problems;        /* lines that could not be used, with
                                   file and line, in file order */
};

/* settings.lang for "both": the languages side by side.  */
#define SETTINGS_LANG_BOTH 2

/* Fill CFG with the defaults (nothing set, no errors).  Free with
   settings_free().  */
void settings_init (struct settings *cfg);
void settings_free (struct settings *cfg);

/* The configuration file: $XDG_CONFIG_HOME/casebook/config, else
   $HOME/.config/casebook/config; NULL when neither is an absolute path.
   Caller frees.  */
char *settings_default_path (void);

/* Read settings from DATA (LEN bytes) into CFG, naming the file NAME in
   errors.  Lines that cannot be used are skipped and added to
   CFG->problems; the rest take effect.  */
void settings_parse (struct settings *cfg, const char *data, size_t len,
                   const char *name);

/* Read the file PATH into CFG.  A missing file is not an error; one that
   cannot be read adds an error.  */
void settings_load (struct settings *cfg, const char *path);

/* The name of action A ("page-down"), element E ("title"), theme T.  */
const char *settings_action_name (enum settings_action a);
const char *settings_element_name (enum settings_element e);
const char *settings_theme_name (enum settings_theme t);

/* KEY as the file names it (x, ^F, Space, PgDn, C-Left, F5), for the
   screen: a character that must not reach a terminal as itself is
   named (<U+200B>).  Caller frees.  */
char *settings_key_name (const struct settings_key *key);

/* The key binding for KEY, the last one given; NULL when there is
   none.  */
const struct settings_binding *settings_binding_find (const struct settings *cfg,
                                                  const struct settings_key *key);

#endif /* CASEBOOK_SETTINGS_H */
