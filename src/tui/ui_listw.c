/* ui_listw.c -- a selectable list, the state and keys that the case
   list, the tags pane and the outline share: a selection and the first
   row shown, moved by the movement keys (with a count) and by clicks.
   It knows nothing of what the rows show; each user draws its rows.  */

#include <config.h>

#include "ui_priv.h"

void
listw_clamp (struct listw *lw, int h)
{
  if (lw->n == 0)
    {
      lw->sel = lw->top = 0;
      return;
    }
  if (lw->sel >= lw->n)
    lw->sel = lw->n - 1;
  if (h <= 0)
    return;
  if (lw->sel < lw->top)
    lw->top = lw->sel;
  if (lw->sel >= lw->top + (size_t) h)
    lw->top = lw->sel - (size_t) h + 1;
  if (lw->n <= (size_t) h)
    lw->top = 0;
  else if (lw->top > lw->n - (size_t) h)
    lw->top = lw->n - (size_t) h;
}

void
listw_move (struct listw *lw, long delta)
{
  if (lw->n == 0)
    return;
  size_t s = ui_offset_move (lw->sel, delta);
  lw->sel = s < lw->n ? s : lw->n - 1;
}

int
listw_key (struct listw *lw, const struct ui_key *k, int h, long count)
{
  enum ui_move m = ui_move_key (k);
  long rows = ui_move_rows (m, h > 0 ? h : 1);
  if (rows)
    {
      listw_move (lw, ui_count_times (rows, count > 0 ? count : 1));
      return 1;
    }
  switch (m)
    {
    case MOVE_HOME:
      lw->sel = 0;
      return 1;
    case MOVE_END:
      lw->sel = lw->n ? lw->n - 1 : 0;
      return 1;
    default:
      return 0;
    }
}

int
listw_click (struct listw *lw, int row)
{
  if (row < 0 || lw->top + (size_t) row >= lw->n)
    return 0;
  lw->sel = lw->top + (size_t) row;
  return 1;
}
