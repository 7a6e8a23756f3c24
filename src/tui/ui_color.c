/* ui_color.c -- how each drawing role looks: the colour themes (default,
   light, dark), the configuration file's per-element overrides
   (color.NAME, casebook(5)), and the attributes used when there is no
   colour (NO_COLOR, --color=never, a monochrome terminal).  */

#include <config.h>

#include "settings.h"
#include "ui_priv.h"

/* The style of each role in each theme.  The default theme keeps the
   terminal's own foreground for text, so that it reads on any
   background; light and dark colour the text for such a background.  */
#define D SETTINGS_COLOR_DEFAULT
#define S(fg, bg, attrs) { 1, fg, bg, attrs }
static const struct settings_style themes[THEME_COUNT][ROLE_COUNT] = {
  [THEME_DEFAULT] = {
    [ROLE_NORMAL] = S (D, D, 0),
    [ROLE_BAR] = S (D, D, SETTINGS_REVERSE),
    [ROLE_TITLE] = S (D, D, SETTINGS_BOLD),
    [ROLE_META] = S (COLOR_MAGENTA, D, 0),
    [ROLE_HEADING] = S (D, D, SETTINGS_BOLD),
    [ROLE_KEYWORDS] = S (D, D, 0),
    [ROLE_MARK] = S (D, D, SETTINGS_DIM),
    [ROLE_HIT] = S (COLOR_BLACK, COLOR_YELLOW, 0),
    [ROLE_CURHIT] = S (COLOR_BLACK, COLOR_GREEN, SETTINGS_BOLD),
    [ROLE_SELECT] = S (D, D, SETTINGS_REVERSE),
    [ROLE_SELECT_IDLE] = S (D, D, SETTINGS_BOLD | SETTINGS_UNDERLINE),
    [ROLE_CURRENT] = S (COLOR_GREEN, D, SETTINGS_BOLD),
    [ROLE_BORDER] = S (D, D, 0),
    [ROLE_ERROR] = S (COLOR_RED, D, SETTINGS_BOLD),
    [ROLE_THUMB] = S (D, D, SETTINGS_REVERSE),
    [ROLE_SCROLL_HIT] = S (COLOR_BLACK, COLOR_YELLOW, SETTINGS_BOLD),
    [ROLE_PROVENANCE] = S (COLOR_MAGENTA, D, SETTINGS_BOLD | SETTINGS_UNDERLINE),
    [ROLE_TRANSLATED] = S (D, D, SETTINGS_DIM),
    [ROLE_STATUS] = S (D, D, 0),
  },
  /* Dark text for a light background: blue rather than yellow or
     cyan, which vanish on white.  The roles not named here are drawn
     as in the default theme.  */
  [THEME_LIGHT] = {
    [ROLE_BAR] = S (COLOR_WHITE, COLOR_BLUE, 0),
    [ROLE_TITLE] = S (COLOR_BLUE, D, SETTINGS_BOLD),
    [ROLE_HEADING] = S (COLOR_BLUE, D, SETTINGS_BOLD),
    [ROLE_KEYWORDS] = S (COLOR_GREEN, D, 0),
    [ROLE_MARK] = S (COLOR_MAGENTA, D, 0),
    [ROLE_CURHIT] = S (COLOR_WHITE, COLOR_BLUE, SETTINGS_BOLD),
    [ROLE_CURRENT] = S (COLOR_BLUE, D, SETTINGS_BOLD),
  },
  /* Light text for a dark background.  */
  [THEME_DARK] = {
    [ROLE_BAR] = S (COLOR_BLACK, COLOR_CYAN, 0),
    [ROLE_TITLE] = S (COLOR_YELLOW, D, SETTINGS_BOLD),
    [ROLE_META] = S (COLOR_CYAN, D, 0),
    [ROLE_HEADING] = S (COLOR_CYAN, D, SETTINGS_BOLD),
    [ROLE_KEYWORDS] = S (COLOR_GREEN, D, 0),
  },
};
#undef S
#undef D

/* Without colour: bold, dim, underline and reverse video only.  */
static const attr_t mono[ROLE_COUNT] = {
  [ROLE_BAR] = A_REVERSE,
  [ROLE_HIT] = A_REVERSE,
  [ROLE_SELECT] = A_REVERSE,
  [ROLE_THUMB] = A_REVERSE,
  [ROLE_CURHIT] = A_REVERSE | A_BOLD | A_UNDERLINE,
  [ROLE_TITLE] = A_BOLD,
  [ROLE_HEADING] = A_BOLD,
  [ROLE_SELECT_IDLE] = A_BOLD,
  [ROLE_CURRENT] = A_BOLD,
  [ROLE_ERROR] = A_BOLD,
  [ROLE_SCROLL_HIT] = A_BOLD,
  [ROLE_META] = A_DIM,
  [ROLE_MARK] = A_DIM,
  [ROLE_PROVENANCE] = A_BOLD | A_UNDERLINE,
  [ROLE_TRANSLATED] = A_DIM,
};

/* The role each element of the configuration file colours.  */
static const enum role element_role[ELEM_COUNT] = {
  [ELEM_TITLE] = ROLE_TITLE,
  [ELEM_HEADING] = ROLE_HEADING,
  [ELEM_META] = ROLE_META,
  [ELEM_KEYWORDS] = ROLE_KEYWORDS,
  [ELEM_HIT] = ROLE_HIT,
  [ELEM_CURRENT_HIT] = ROLE_CURHIT,
  [ELEM_TRANSLATED] = ROLE_TRANSLATED,
  [ELEM_PROVENANCE] = ROLE_PROVENANCE,
  [ELEM_SELECTED] = ROLE_SELECT,
  [ELEM_OPEN_CASE] = ROLE_CURRENT,
  [ELEM_STATUS] = ROLE_STATUS,
  [ELEM_TITLE_BAR] = ROLE_BAR,
  [ELEM_ERROR] = ROLE_ERROR,
  [ELEM_BORDER] = ROLE_BORDER,
  [ELEM_SCROLL_HIT] = ROLE_SCROLL_HIT,
};

static attr_t
style_attrs (unsigned attrs)
{
  return ((attrs & SETTINGS_BOLD) ? A_BOLD : 0)
    | ((attrs & SETTINGS_DIM) ? A_DIM : 0)
    | ((attrs & SETTINGS_UNDERLINE) ? A_UNDERLINE : 0)
    | ((attrs & SETTINGS_REVERSE) ? A_REVERSE : 0);
}

/* Colour C as this terminal can show it: a bright colour the terminal
   lacks becomes its basic form in bold (*EXTRA), an unknown one the
   default, which is DFLT without default-colour support.  */
static short
usable_color (int c, short dflt, attr_t *extra)
{
  if (c == SETTINGS_COLOR_DEFAULT)
    return dflt;
  if (c < COLORS)
    return (short) c;
  if (c >= 8 && c < 16 && COLORS >= 8)
    {
      *extra |= A_BOLD;
      return (short) (c - 8);
    }
  return dflt;
}

/* The configuration file's style for role R, or NULL.  */
static const struct settings_style *
file_style (const struct settings *cfg, enum role r)
{
  if (cfg)
    for (int e = 0; e < ELEM_COUNT; e++)
      if (element_role[e] == r && cfg->style[e].set)
        return &cfg->style[e];
  return NULL;
}

void
colors_init (struct ui *u)
{
  const struct settings *cfg = u->opt->settings;
  u->color = 0;
  enum settings_theme theme = cfg ? cfg->theme : THEME_DEFAULT;
  for (int r = 0; r < ROLE_COUNT; r++)
    {
      /* Without colour, an element the file styles keeps the file's
         attributes, if it gives any.  */
      const struct settings_style *st = file_style (cfg, (enum role) r);
      u->role_attr[r] = st && st->attrs ? style_attrs (st->attrs) : mono[r];
    }
  /* The terminal is known to be one here.  */
  if (!prefs_use_color (u->opt->color, 1))
    return;
  if (!has_colors () || start_color () != OK)
    return;
  int dflt_ok = use_default_colors () == OK;
  for (int r = 0; r < ROLE_COUNT; r++)
    {
      const struct settings_style *st = file_style (cfg, (enum role) r);
      if (st == NULL)
        st = themes[theme][r].set ? &themes[theme][r]
          : &themes[THEME_DEFAULT][r];
      attr_t a = style_attrs (st->attrs);
      if (st->fg != SETTINGS_COLOR_DEFAULT || st->bg != SETTINGS_COLOR_DEFAULT)
        {
          short fg = usable_color (st->fg, dflt_ok ? -1 : COLOR_WHITE, &a);
          short bg = usable_color (st->bg, dflt_ok ? -1 : COLOR_BLACK, &a);
          if (r + 1 < COLOR_PAIRS && init_pair ((short) (r + 1), fg, bg) == OK)
            a |= COLOR_PAIR (r + 1);
        }
      u->role_attr[r] = a;
    }
  u->color = 1;
}

attr_t
ui_attr (const struct ui *u, enum role r)
{
  return (unsigned) r < ROLE_COUNT ? u->role_attr[r] : A_NORMAL;
}

attr_t
ui_attr_translated (const struct ui *u, enum role r)
{
  attr_t a = ui_attr (u, r);
  attr_t t = ui_attr (u, ROLE_TRANSLATED);
  /* A role with a colour of its own keeps it; the translation adds its
     attributes.  */
  if (PAIR_NUMBER (a) != 0)
    return a | (t & ~A_COLOR);
  return a | t;
}
