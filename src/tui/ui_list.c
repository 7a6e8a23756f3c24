/* ui_list.c -- the case list: number, region and title of every case
   (or of those a limit lets through, mutt's `&'), the open one marked,
   with the number of search hits of each case at the right.  */

#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui_priv.h"

void
list_init (struct ui *u)
{
  u->vis = xcalloc (u->ndocs, sizeof *u->vis);
  for (size_t i = 0; i < u->ndocs; i++)
    u->vis[i] = i;
  u->nvis = u->ndocs;
  u->region_width = 0;
  for (size_t i = 0; i < u->ndocs; i++)
    {
      const struct text *r = ui_doc_text (u, &u->docs[i]->region);
      int w = r ? ui_text_width (r->str, r->len) : 0;
      if (w > u->region_width)
        u->region_width = w;
    }
}

void
list_follow (struct ui *u)
{
  for (size_t i = 0; i < u->nvis; i++)
    if (u->vis[i] == u->cur)
      {
        u->list_sel = i;
        return;
      }
}

static void
clamp_top (struct ui *u, int h)
{
  if (h <= 0)
    return;
  if (u->list_sel >= u->nvis)
    u->list_sel = u->nvis ? u->nvis - 1 : 0;
  if (u->list_sel < u->list_top)
    u->list_top = u->list_sel;
  if (u->list_sel >= u->list_top + (size_t) h)
    u->list_top = u->list_sel - (size_t) h + 1;
  if (u->nvis <= (size_t) h)
    u->list_top = 0;
  else if (u->list_top > u->nvis - (size_t) h)
    u->list_top = u->nvis - (size_t) h;
}

void
list_draw (struct ui *u)
{
  const struct rect *p = &u->pane[PANE_LIST];
  if (p->h <= 0)
    return;
  clamp_top (u, p->h);
  long maxnum = 0;
  for (size_t i = 0; i < u->ndocs; i++)
    if (u->docs[i]->number > maxnum)
      maxnum = u->docs[i]->number;
  char tmp[32];
  int numw = snprintf (tmp, sizeof tmp, "%ld", maxnum);
  int xmax = p->x + p->w;
  int regw = u->region_width;
  if (regw > (p->w - numw - 5) / 3)
    regw = (p->w - numw - 5) / 3;
  for (int row = 0; row < p->h; row++)
    {
      size_t idx = u->list_top + (size_t) row;
      if (idx >= u->nvis)
        break;
      size_t di = u->vis[idx];
      const struct document *d = u->docs[di];
      int y = p->y + row;
      int sel = idx == u->list_sel;
      attr_t base = sel ? ui_attr (u, u->focus == PANE_LIST ? ROLE_SELECT
                                   : ROLE_SELECT_IDLE) : A_NORMAL;
      ui_fill (y, p->x, xmax, base);
      int x = p->x;
      if (di == u->cur)
        ui_put_visible (y, x, xmax, ">", 1,
                        sel ? base | A_BOLD : ui_attr (u, ROLE_CURRENT));
      x += 2;
      snprintf (tmp, sizeof tmp, "%*ld ", numw, d->number);
      x = ui_put_visible (y, x, xmax, tmp, strlen (tmp), base);
      /* The hit count takes the right end when a search is on.  */
      int tmax = xmax;
      size_t nh = u->search.res ? ui_doc_hits (u, di) : 0;
      if (nh)
        {
          snprintf (tmp, sizeof tmp, " %zu", nh);
          int w = (int) strlen (tmp);
          if (w < p->w / 3)
            {
              tmax = xmax - w;
              ui_put_visible (y, tmax, xmax, tmp, strlen (tmp),
                              sel ? base : ui_attr (u, ROLE_SCROLL_HIT));
            }
        }
      if (regw > 0)
        {
          int end = x + regw;
          if (end > tmax)
            end = tmax;
          ui_put_doc (u, y, x, end, &d->region, base);
          x = end + 1;
        }
      if (x < tmax)
        ui_put_doc (u, y, x, tmax, &d->title, base);
    }
}

static void
move_sel (struct ui *u, long delta)
{
  if (u->nvis == 0)
    return;
  long s = (long) u->list_sel + delta;
  if (s < 0)
    s = 0;
  if (s >= (long) u->nvis)
    s = (long) u->nvis - 1;
  u->list_sel = (size_t) s;
}

void
list_scroll (struct ui *u, int delta)
{
  move_sel (u, delta);
}

static void
open_selected (struct ui *u)
{
  if (u->list_sel >= u->nvis)
    return;
  if (u->vis[u->list_sel] != u->cur)
    ui_remember_jump (u);
  ui_open (u, u->vis[u->list_sel]);
  ui_set_focus (u, PANE_TEXT);
}

void
list_click (struct ui *u, int row)
{
  size_t idx = u->list_top + (size_t) row;
  if (row < 0 || idx >= u->nvis)
    return;
  u->list_sel = idx;
  if (u->vis[idx] != u->cur)
    ui_remember_jump (u);
  ui_open (u, u->vis[idx]);
}

int
list_key (struct ui *u, const struct ui_key *k)
{
  long h = u->pane[PANE_LIST].h > 0 ? u->pane[PANE_LIST].h : 1;
  if (ui_is_enter (k))
    {
      open_selected (u);
      return 1;
    }
  enum ui_move m = ui_move_key (k);
  long rows = ui_move_rows (m, h);
  if (rows)
    {
      move_sel (u, rows * ui_count (u, 1));
      return 1;
    }
  /* 12G selects case 12, when it is listed.  */
  if ((m == MOVE_HOME || m == MOVE_END) && u->have_count)
    {
      for (size_t i = 0; i < u->nvis; i++)
        if (u->docs[u->vis[i]]->number == u->count)
          {
            u->list_sel = i;
            return 1;
          }
      ui_message (u, 1, _("Case %ld is not in the list"), u->count);
      return 1;
    }
  switch (m)
    {
    case MOVE_HOME:
      u->list_sel = 0;
      return 1;
    case MOVE_END:
      u->list_sel = u->nvis ? u->nvis - 1 : 0;
      return 1;
    default:
      return 0;
    }
}

int
list_limit (struct ui *u, const char *text)
{
  if (text == NULL || *text == '\0')
    {
      for (size_t i = 0; i < u->ndocs; i++)
        u->vis[i] = i;
      u->nvis = u->ndocs;
      free (u->limit_text);
      u->limit_text = NULL;
      list_follow (u);
      ui_message (u, 0, _("Showing all %zu cases"), u->ndocs);
      return 0;
    }
  char *error = NULL;
  struct query *q = ui_query_compile (u, text, &error);
  if (q == NULL)
    {
      ui_message (u, 1, "%s", error);
      free (error);
      return -1;
    }
  size_t *vis = xcalloc (u->ndocs, sizeof *vis);
  size_t n = 0;
  for (size_t i = 0; i < u->ndocs; i++)
    {
      struct doc_result r;
      char *err = NULL;
      int m = search_document (q, u->docs[i], &r, &err);
      if (m < 0)
        {
          ui_message (u, 1, "%s", err);
          free (err);
          free (vis);
          query_free (q);
          return -1;
        }
      if (m > 0)
        {
          vis[n++] = i;
          search_doc_result_free (&r);
        }
    }
  query_free (q);
  if (n == 0)
    {
      ui_message (u, 1, _("No case matches %s; the list is unchanged"), text);
      free (vis);
      return -1;
    }
  memcpy (u->vis, vis, n * sizeof *vis);
  u->nvis = n;
  free (vis);
  free (u->limit_text);
  u->limit_text = xstrdup (text);
  u->list_top = 0;
  u->list_sel = 0;
  int listed = 0;
  for (size_t i = 0; i < n; i++)
    listed |= u->vis[i] == u->cur;
  if (listed)
    list_follow (u);
  else
    {
      ui_remember_jump (u);
      ui_open (u, u->vis[0]);
    }
  ui_message (u, 0, ngettext ("Limited to %zu case of %zu",
                              "Limited to %zu cases of %zu", n), n, u->ndocs);
  return 0;
}
