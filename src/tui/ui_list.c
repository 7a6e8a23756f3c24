/* ui_list.c -- the case list: number, region and title of every case
   (or of those a limit lets through, mutt's `&'), the open one marked,
   with the number of search hits of each case at the right.  */

#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casetitle.h"
#include "i18n.h"
#include "norm.h"
#include "ui_priv.h"

void
list_init (struct ui *u)
{
  u->vis = xcalloc (u->ndocs, sizeof *u->vis);
  for (size_t i = 0; i < u->ndocs; i++)
    u->vis[i] = i;
  u->nvis = u->ndocs;
}

void
list_follow (struct ui *u)
{
  for (size_t i = 0; i < u->nvis; i++)
    if (u->vis[i] == u->cur)
      {
        u->listp.lw.sel = i;
        return;
      }
}

/* Rows of the list under its title row.  */
static int
list_rows (const struct ui *u)
{
  int h = u->pane[PANE_LIST].h - 1;
  return h > 0 ? h : 1;
}

void
ui_pane_title (struct ui *u, enum pane pane, const char *title)
{
  const struct rect *p = &u->pane[pane];
  int xmax = p->x + p->w;
  int focused = u->focus == pane;
  attr_t head = focused ? ui_attr (u, ROLE_SELECT) | A_BOLD
    : ui_attr (u, ROLE_HEADING);
  attrset (ui_attr (u, ROLE_BORDER));
  mvhline (p->y, p->x, ACS_HLINE, p->w);
  attrset (A_NORMAL);
  /* The focused pane's title: reverse video, and a marker that shows
     without colour or attributes too.  */
  int x = ui_put_visible (p->y, p->x + 1, xmax, focused ? "\xe2\x96\xb6" : " ",
                          focused ? 3 : 1, head);
  x = ui_put_visible (p->y, x, xmax, " ", 1, head);
  x = ui_put_cut (p->y, x, xmax - 1, title, strlen (title), head);
  ui_put_visible (p->y, x, xmax, " ", 1, head);
}

/* The bytes of region R the list shows: the place itself, without the
   larger region after a comma ("Hulunbuir, Inner Mongolia" shows as
   "Hulunbuir").  */
static size_t
region_len (const struct text *r)
{
  const char *c = memchr (r->str, ',', r->len);
  return c ? (size_t) (c - r->str) : r->len;
}

static int
int_cmp (const void *a, const void *b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return (x > y) - (x < y);
}

/* The region column's width for a list AVAIL columns wide (after the
   number): the widest region when it leaves the title three fifths of
   the row, else the width that shows four regions in five whole, so that
   one long name is cut rather than every title.  */
static int
region_column (const struct ui *u, int avail)
{
  if (u->ndocs == 0)
    return 0;
  int *w = xcalloc (u->ndocs, sizeof *w);
  for (size_t i = 0; i < u->ndocs; i++)
    {
      const struct text *r = ui_doc_text (u, &u->docs[i]->region);
      w[i] = r ? ui_text_width (r->str, region_len (r)) : 0;
    }
  qsort (w, u->ndocs, sizeof *w, int_cmp);
  int cap = avail * 2 / 5;
  int regw = w[u->ndocs - 1];
  if (regw > cap)
    {
      regw = w[(u->ndocs * 4 + 4) / 5 - 1];
      if (regw > cap)
        regw = cap;
    }
  free (w);
  return regw;
}

/* Draw document D's title in the list at Y from X to XMAX, without the
   procuratorate's name when the region column already says it.  */
static void
put_title (const struct ui *u, const struct document *d, int y, int x,
           int xmax, int region_shown, attr_t a)
{
  enum lang l;
  const struct text *t = bitext_pick (&d->title, u->lang, &l);
  if (t == NULL)
    return;
  if (l == LANG_EN && u->revised)
    t = bitext_view (&d->title, LANG_EN, 1);   /* the revision, if any */
  size_t off = 0;
  if (region_shown)
    {
      const struct text *r = bitext_get (&d->region, l);
      if (r && r->str)
        off = casetitle_skip (t->str, t->len, l, r->str, r->len);
    }
  const char *s = t->str + off;
  size_t len = t->len - off;
  char *conv = u->opt->script_config && l == LANG_ZH && len > 0
    ? norm_to_traditional (s, len, u->opt->script_config) : NULL;
  if (conv)
    ui_put_cut (y, x, xmax, conv, strlen (conv), a);
  else
    ui_put_cut (y, x, xmax, s, len, a);
  free (conv);
}

/* Draw document D's region in a column from X to XMAX (cut with an
   ellipsis).  */
static void
put_region (const struct ui *u, const struct document *d, int y, int x,
            int xmax, attr_t a)
{
  enum lang l;
  const struct text *t = bitext_pick (&d->region, u->lang, &l);
  if (t == NULL)
    return;
  size_t len = region_len (t);
  char *conv = u->opt->script_config && l == LANG_ZH && len > 0
    ? norm_to_traditional (t->str, len, u->opt->script_config) : NULL;
  if (conv)
    ui_put_cut (y, x, xmax, conv, strlen (conv), a);
  else
    ui_put_cut (y, x, xmax, t->str, len, a);
  free (conv);
}

void
list_draw (struct ui *u)
{
  const struct rect *p = &u->pane[PANE_LIST];
  if (p->h <= 0)
    return;
  char *title = u->limit_text
    /* TRANSLATORS: the list's title under a limit: "Cases 3/9 &巡回检察
       (& Enter: all)".  */
    ? xasprintf (_("Cases %zu/%zu &%s (& Enter: all)"), u->nvis, u->ndocs,
                 u->limit_text)
    : xasprintf (_("Cases (%zu)"), u->ndocs);
  ui_pane_title (u, PANE_LIST, title);
  free (title);
  int h = p->h - 1;
  if (h <= 0)
    return;
  u->listp.lw.n = u->nvis;
  listw_clamp (&u->listp.lw, h);
  long maxnum = 0;
  for (size_t i = 0; i < u->ndocs; i++)
    if (u->docs[i]->number > maxnum)
      maxnum = u->docs[i]->number;
  char tmp[32];
  int numw = snprintf (tmp, sizeof tmp, "%ld", maxnum);
  int xmax = p->x + p->w;
  int avail = p->w - 2 - numw - 1;
  int regw = region_column (u, avail);
  if (regw < 4)
    regw = 0;
  for (int row = 0; row < h; row++)
    {
      size_t idx = u->listp.lw.top + (size_t) row;
      if (idx >= u->nvis)
        break;
      size_t di = u->vis[idx];
      const struct document *d = u->docs[di];
      int y = p->y + 1 + row;
      int sel = idx == u->listp.lw.sel;
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
          put_region (u, d, y, x, end, base);
          x = end + 1;
        }
      if (x < tmax)
        put_title (u, d, y, x, tmax, regw > 0, base);
    }
}

char *
list_selected_title (const struct ui *u)
{
  if (u->listp.lw.sel >= u->nvis)
    return NULL;
  const struct document *d = u->docs[u->vis[u->listp.lw.sel]];
  enum lang l;
  const struct text *t = bitext_pick (&d->title, u->lang, &l);
  if (t == NULL)
    return NULL;
  char *conv = u->opt->script_config && l == LANG_ZH && t->len > 0
    ? norm_to_traditional (t->str, t->len, u->opt->script_config) : NULL;
  char *r = xasprintf ("%ld %s", d->number, conv ? conv : t->str);
  free (conv);
  return r;
}

void
list_scroll (struct ui *u, int delta)
{
  u->listp.lw.n = u->nvis;
  listw_move (&u->listp.lw, delta);
}

static void
open_selected (struct ui *u)
{
  if (u->listp.lw.sel >= u->nvis)
    return;
  if (u->vis[u->listp.lw.sel] != u->cur)
    ui_remember_jump (u);
  ui_open (u, u->vis[u->listp.lw.sel]);
  ui_set_focus (u, PANE_TEXT);
}

void
list_click (struct ui *u, int row)
{
  /* Row 0 is the title.  */
  row--;
  size_t idx = u->listp.lw.top + (size_t) row;
  if (row < 0 || idx >= u->nvis)
    return;
  u->listp.lw.sel = idx;
  if (u->vis[idx] != u->cur)
    ui_remember_jump (u);
  ui_open (u, u->vis[idx]);
}

int
list_key (struct ui *u, const struct ui_key *k)
{
  long h = list_rows (u);
  if (ui_is_enter (k))
    {
      open_selected (u);
      return 1;
    }
  enum ui_move m = ui_move_key (k);
  /* 12G selects case 12, when it is listed.  */
  if ((m == MOVE_HOME || m == MOVE_END) && u->have_count)
    {
      for (size_t i = 0; i < u->nvis; i++)
        if (u->docs[u->vis[i]]->number == u->count)
          {
            u->listp.lw.sel = i;
            return 1;
          }
      ui_message (u, 1, _("Case %ld is not in the list"), u->count);
      return 1;
    }
  u->listp.lw.n = u->nvis;
  return listw_key (&u->listp.lw, k, (int) h, ui_count (u, 1));
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
  struct engine_query *q = ui_query_compile (u, text, &error);
  struct doc_result *res = NULL;
  struct engine_results er;
  if (q == NULL || ui_search_run (u, q, &res, &er, &error) != 0)
    {
      ui_message (u, 1, "%s", error);
      free (error);
      engine_query_free (q);
      return -1;
    }
  engine_query_free (q);
  size_t *vis = xcalloc (u->ndocs, sizeof *vis);
  size_t n = 0;
  for (size_t i = 0; i < u->ndocs; i++)
    if (res[i].doc)
      vis[n++] = i;
  search_results_free_all (res, u->ndocs);
  engine_results_free (&er);
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
  u->listp.lw.top = 0;
  u->listp.lw.sel = 0;
  int listed = 0;
  for (size_t i = 0; i < n; i++)
    listed |= u->vis[i] == u->cur;
  if (listed)
    {
      list_follow (u);
      ui_message (u, 0, ngettext ("Limited to %zu case of %zu; & and Enter "
                                  "shows all",
                                  "Limited to %zu cases of %zu; & and Enter "
                                  "shows all", n), n, u->ndocs);
      return 0;
    }
  long hidden = u->docs[u->cur]->number;
  ui_remember_jump (u);
  ui_open (u, u->vis[0]);
  /* TRANSLATORS: a limit that hides the case that was open: "Limited to
     3 cases of 9; case 4 is not among them: opened case 7".  */
  ui_message (u, 0, ngettext ("Limited to %zu case of %zu; case %ld is not "
                              "among them: opened case %ld",
                              "Limited to %zu cases of %zu; case %ld is not "
                              "among them: opened case %ld", n),
              n, u->ndocs, hidden, u->docs[u->cur]->number);
  return 0;
}
