/* ui_pick.c -- an overlay list over the text pane, drawn with the list
   widget: the facets (F) and the related cases (R) fill it and say what
   Enter does with the chosen item; Esc or q closes it.  An item is one
   line (a label column, its text and a note at the right end) or two
   (a dim second line under it).  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ui_priv.h"

static void
pick_item_free (struct pick_item *it)
{
  free (it->label);
  free (it->text);
  free (it->note);
  free (it->detail);
  free (it->query);
}

void
pick_close (struct ui *u)
{
  struct pick *p = &u->pick;
  for (size_t i = 0; i < p->lw.n; i++)
    pick_item_free (&p->items[i]);
  free (p->items);
  free (p->title);
  memset (p, 0, sizeof *p);
}

void
pick_open (struct ui *u)
{
  outline_close (u);
  u->pick.active = 1;
  if (u->pick.lines < 1)
    u->pick.lines = 1;
  ui_set_focus (u, PANE_TEXT);
}

/* Items that fit in the pane under its title row (at least one).  */
static int
pick_rows (const struct ui *u)
{
  int h = (u->pane[PANE_TEXT].h - ui_pane_head (u, PANE_TEXT))
    / u->pick.lines;
  return h > 0 ? h : 1;
}

void
pick_draw (struct ui *u)
{
  const struct rect *p = &u->pane[PANE_TEXT];
  struct pick *pk = &u->pick;
  if (!pk->active || p->h <= 0)
    return;
  int xmax = p->x + p->w;
  for (int row = 0; row < p->h; row++)
    ui_fill (p->y + row, p->x, xmax, A_NORMAL);
  ui_pane_title (u, PANE_TEXT, pk->title);
  int h = pick_rows (u);
  listw_clamp (&pk->lw, h);
  /* The label column: as wide as the widest label.  */
  int labw = 0;
  for (size_t j = 0; j < pk->lw.n; j++)
    if (pk->items[j].label)
      {
        int w = ui_text_width (pk->items[j].label,
                               strlen (pk->items[j].label));
        if (w > labw)
          labw = w;
      }
  if (labw > p->w / 3)
    labw = p->w / 3;
  for (int row = 0; row < h; row++)
    {
      size_t j = pk->lw.top + (size_t) row;
      if (j >= pk->lw.n)
        break;
      const struct pick_item *it = &pk->items[j];
      int y = p->y + ui_pane_head (u, PANE_TEXT) + row * pk->lines;
      int sel = j == pk->lw.sel;
      attr_t a = sel ? ui_attr (u, ROLE_SELECT) : A_NORMAL;
      ui_fill (y, p->x, xmax, a);
      int x = p->x + 1;
      if (labw > 0)
        {
          if (it->label)
            ui_put_cut (y, x, x + labw, it->label, strlen (it->label),
                        sel ? a : ui_attr (u, ROLE_HEADING));
          x += labw + 2;
        }
      int tmax = xmax - 1;
      if (it->note)
        {
          int nw = ui_text_width (it->note, strlen (it->note));
          if (nw < p->w / 3)
            {
              tmax = xmax - 1 - nw - 1;
              ui_put_visible (y, xmax - 1 - nw, xmax, it->note,
                              strlen (it->note), a);
            }
        }
      x += it->indent;
      if (x < tmax)
        ui_put_cut (y, x, tmax, it->text, strlen (it->text), a);
      if (pk->lines > 1 && it->detail && y + 1 < p->y + p->h)
        ui_put_cut (y + 1, p->x + 4, xmax - 1, it->detail,
                    strlen (it->detail), ui_attr (u, ROLE_META));
    }
}

int
pick_key (struct ui *u, const struct ui_key *k)
{
  struct pick *pk = &u->pick;
  if (ui_is_enter (k))
    {
      if (pk->lw.sel >= pk->lw.n)
        return 1;
      /* Close first: choosing may open another case or limit the list,
         which the overlay must not outlive.  */
      struct pick_item it = pk->items[pk->lw.sel];
      void (*choose) (struct ui *, const struct pick_item *) = pk->choose;
      pk->items[pk->lw.sel] = (struct pick_item) { 0 };
      pick_close (u);
      choose (u, &it);
      pick_item_free (&it);
      return 1;
    }
  if (!k->fn && (k->ch == 27 || k->ch == 'q'))
    {
      pick_close (u);
      return 1;
    }
  return listw_key (&pk->lw, k, pick_rows (u), ui_count (u, 1));
}
