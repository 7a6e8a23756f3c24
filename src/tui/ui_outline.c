/* ui_outline.c -- the outline of the open case (O): its headings at
   every level (【…】, 一、 I., （一） (1)), indented by level, drawn over
   the text pane with the list widget; Enter goes to the heading, Esc or
   O closes.  The outline owns its state (struct outline); it reads the
   text pane's layout through text_heading_level.  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "norm.h"
#include "ui_priv.h"

void
outline_close (struct ui *u)
{
  free (u->outline.items);
  memset (&u->outline, 0, sizeof u->outline);
}

/* The text of the heading on line I: the section title or the block.  */
static const struct text *
heading_text (const struct ui *u, size_t i, enum lang *l)
{
  const struct rline *ln = &u->r.lines[i];
  const struct rcell *c = ln->cell[0].present ? &ln->cell[0] : &ln->cell[1];
  const struct document *d = u->docs[u->cur];
  *l = c->lang;
  if (c->section >= d->nsections)
    return NULL;
  const struct section *s = &d->sections[c->section];
  if (c->part == PART_SECTION)
    return bitext_pick (&s->title, c->lang, l);
  if (c->part == PART_BLOCK && c->block < s->nblocks)
    return bitext_pick (&s->blocks[c->block].text, c->lang, l);
  return NULL;
}

/* The headings of the layout now, into U's outline.  */
static void
collect (struct ui *u)
{
  struct outline *o = &u->outline;
  free (o->items);
  o->items = NULL;
  o->lw.n = 0;
  size_t alloc = 0;
  for (size_t i = 0; u->have_render && i < u->r.nlines; i++)
    {
      int level = text_heading_level (u, i);
      if (level == 0)
        continue;
      o->items = xgrow (o->items, &alloc, o->lw.n + 1, sizeof *o->items);
      o->items[o->lw.n].line = i;
      o->items[o->lw.n].unit = u->r.lines[i].unit;
      o->items[o->lw.n].level = level;
      o->lw.n++;
    }
}

void
outline_relayout (struct ui *u)
{
  struct outline *o = &u->outline;
  if (!o->active)
    return;
  /* The lines were the old layout's: past its end in a shorter one.  */
  size_t unit = o->lw.sel < o->lw.n ? o->items[o->lw.sel].unit : 0;
  collect (u);
  if (o->lw.n == 0)
    {
      outline_close (u);
      return;
    }
  o->lw.sel = 0;
  for (size_t j = 0; j < o->lw.n; j++)
    if (o->items[j].unit <= unit)
      o->lw.sel = j;
}

void
outline_open (struct ui *u)
{
  outline_close (u);
  if (!u->have_render)
    return;
  struct outline *o = &u->outline;
  collect (u);
  if (o->lw.n == 0)
    {
      ui_message (u, 1, "%s", _("This case has no headings"));
      return;
    }
  o->active = 1;
  /* Select the heading of the part on screen.  */
  for (size_t j = 0; j < o->lw.n; j++)
    if (o->items[j].line <= u->top)
      o->lw.sel = j;
  ui_set_focus (u, PANE_TEXT);
}

void
outline_draw (struct ui *u)
{
  const struct rect *p = &u->pane[PANE_TEXT];
  struct outline *o = &u->outline;
  if (!o->active || p->h <= 0)
    return;
  int xmax = p->x + p->w;
  for (int row = 0; row < p->h; row++)
    ui_fill (p->y + row, p->x, xmax, A_NORMAL);
  char *title = xasprintf (_("Outline of case %ld (Enter: go there, "
                             "Esc: close)"), u->docs[u->cur]->number);
  ui_pane_title (u, PANE_TEXT, title);
  free (title);
  int head = ui_pane_head (u, PANE_TEXT);
  int h = p->h - head;
  listw_clamp (&o->lw, h);
  for (int row = 0; row < h; row++)
    {
      size_t j = o->lw.top + (size_t) row;
      if (j >= o->lw.n)
        break;
      int y = p->y + head + row;
      attr_t a = j == o->lw.sel ? ui_attr (u, ROLE_SELECT)
        : o->items[j].level == 1 ? ui_attr (u, ROLE_HEADING) : A_NORMAL;
      ui_fill (y, p->x, xmax, j == o->lw.sel ? a : A_NORMAL);
      int x = p->x + 1 + 2 * (o->items[j].level - 1);
      enum lang l;
      const struct text *t = heading_text (u, o->items[j].line, &l);
      if (t == NULL)
        continue;
      /* Only the first line of a long paragraph.  */
      const char *nl = memchr (t->str, '\n', t->len);
      size_t len = nl ? (size_t) (nl - t->str) : t->len;
      char *conv = u->opt->script_config && l == LANG_ZH
        ? norm_to_traditional (t->str, len, u->opt->script_config) : NULL;
      if (conv)
        ui_put_cut (y, x, xmax - 1, conv, strlen (conv), a);
      else
        ui_put_cut (y, x, xmax - 1, t->str, len, a);
      free (conv);
    }
}

int
outline_key (struct ui *u, const struct ui_key *k)
{
  struct outline *o = &u->outline;
  if (ui_is_enter (k))
    {
      size_t line = o->items[o->lw.sel].line;
      outline_close (u);
      ui_remember_jump (u);
      text_set_top (u, line);
      return 1;
    }
  if (!k->fn && (k->ch == 27 || k->ch == 'O' || k->ch == 'q'))
    {
      outline_close (u);
      return 1;
    }
  return listw_key (&o->lw, k,
                    u->pane[PANE_TEXT].h - ui_pane_head (u, PANE_TEXT),
                    ui_count (u, 1));
}
