/* ui_help.c -- the help screen (h or F1): every key, and what the marks
   on the screen mean.  Esc, q, h or F1 close it.  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui_priv.h"

struct help_line
{
  const char *keys;             /* NULL: DESC is a heading; "": a blank line */
  const char *desc;
};

static const struct help_line help[] = {
  { NULL, N_("Moving") },
  { "j k  \xe2\x86\x93 \xe2\x86\x91", N_("line down, up (in the list and tags: next, previous)") },
  { N_("Space PgDn  b PgUp"), N_("page down, up") },
  { "d u", N_("half a page down, up") },
  { N_("g Home  G End"), N_("first, last line") },
  { "[ ]", N_("previous, next section") },
  { N_("Enter"), N_("open the case (list); search tag:KEYWORD and limit the list to it (tags)") },
  { N_("Tab  Shift-Tab"), N_("next, previous pane") },
  { "0-9", N_("open case N") },
  { "", NULL },
  { NULL, N_("Searching") },
  { "/  ?", N_("search forward, backward; hits show as you type, Esc cancels") },
  { "n N", N_("next, previous hit, across cases") },
  { "&", N_("limit the list to the cases that match (empty: show all)") },
  { N_("in a prompt"), N_("\xe2\x86\x90 \xe2\x86\x92 Backspace ^U ^W edit, \xe2\x86\x91 \xe2\x86\x93 history") },
  { N_("queries"), N_("words must all occur; \"a phrase\"; -word excludes; tag:KEYWORD; lang:zh or lang:en; /regex/") },
  { "", NULL },
  { NULL, N_("Views and places") },
  { "v", N_("view: Chinese, English, side by side, interleaved") },
  { "t", N_("tags pane: this case's keywords or all tags with their case counts") },
  { N_("m letter"), N_("set a mark here") },
  { N_("' letter"), N_("go to a mark ('' goes back to where you were)") },
  { "=", N_("where am I: case, section, paragraph, line") },
  { "^L", N_("redraw the screen") },
  { N_("h F1"), N_("this help") },
  { "q", N_("quit (Esc first closes a prompt or this help)") },
  { N_("mouse"), N_("click selects a case or tag; the wheel scrolls the pane under it") },
  { "", NULL },
  { NULL, N_("On the screen") },
  { "*", N_("in the margin: the casebook project's translation, not the release's text") },
  { "-", N_("in the scrollbar: where the search hits are in the case") },
  { ">", N_("in the list: the open case; the number at the right counts its hits") },
};

#define NHELP (sizeof help / sizeof *help)

static int
help_height (const struct ui *u)
{
  return u->rows - 2 > 0 ? u->rows - 2 : 1;
}

void
help_draw (struct ui *u)
{
  int h = help_height (u);
  int w = u->cols;
  size_t maxtop = NHELP > (size_t) h ? NHELP - (size_t) h : 0;
  if (u->help_top > maxtop)
    u->help_top = maxtop;
  int kw = 0;
  for (size_t i = 0; i < NHELP; i++)
    if (help[i].keys && *help[i].keys)
      {
        const char *k = _(help[i].keys);
        int x = ui_text_width (k, strlen (k));
        if (x > kw)
          kw = x;
      }
  if (kw > w / 3)
    kw = w / 3;
  for (int row = 0; row < h; row++)
    {
      size_t i = u->help_top + (size_t) row;
      if (i >= NHELP)
        break;
      int y = 1 + row;
      const struct help_line *l = &help[i];
      if (l->keys == NULL)
        {
          const char *d = _(l->desc);
          ui_put (y, 1, w, d, strlen (d), ui_attr (u, ROLE_HEADING));
          continue;
        }
      if (*l->keys == '\0')
        continue;
      const char *k = _(l->keys);
      ui_put (y, 3, 3 + kw, k, strlen (k), A_BOLD);
      const char *d = _(l->desc);
      ui_put (y, 5 + kw, w, d, strlen (d), A_NORMAL);
    }
}

int
help_key (struct ui *u, const struct ui_key *k)
{
  int h = help_height (u);
  if (k->fn == KEY_F (1)
      || (!k->fn && (k->ch == 27 || k->ch == 'q' || k->ch == 'h')))
    {
      u->help = 0;
      return 1;
    }
  switch (ui_move_key (k))
    {
    case MOVE_DOWN:
      u->help_top++;
      return 1;
    case MOVE_UP:
      if (u->help_top > 0)
        u->help_top--;
      return 1;
    case MOVE_PAGE_DOWN:
    case MOVE_HALF_DOWN:
      u->help_top += (size_t) (h > 2 ? h - 1 : 1);
      return 1;
    case MOVE_PAGE_UP:
    case MOVE_HALF_UP:
      u->help_top = u->help_top > (size_t) h ? u->help_top - (size_t) h + 1 : 0;
      return 1;
    case MOVE_HOME:
      u->help_top = 0;
      return 1;
    case MOVE_END:
      u->help_top = NHELP;
      return 1;
    default:
      return 0;
    }
}
