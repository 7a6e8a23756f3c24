/* ui_list.c -- the case list: number, region and title of every case
   (or of those a limit lets through, mutt's `&'), the open one marked,
   with the number of search hits of each case at the right.  In a
   library of several collections the cases are grouped under a heading
   per collection (its title and the number of its cases listed, which a
   limit lowers; a collection none of whose cases is listed has none).
   A heading is a row like any other, so that j and k reach it: Enter on
   it folds or unfolds its cases, C folds or unfolds them all.  One
   collection has no heading: the list is its cases alone.  */

#include <config.h>

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casetitle.h"
#include "i18n.h"
#include "norm.h"
#include "ui_priv.h"

/* The index in lib->colls of document D's collection.  */
static size_t
coll_index (const struct ui *u, const struct document *d)
{
  for (size_t c = 0; c < u->lib->ncolls; c++)
    if (d->collection == &u->lib->colls[c])
      return c;
  return 0;
}

void
list_rows_build (struct ui *u)
{
  struct list_pane *lp = &u->listp;
  int grouped = u->lib->ncolls > 1;
  free (lp->rows);
  lp->rows = xcalloc (u->nvis + u->lib->ncolls + 1, sizeof *lp->rows);
  lp->nrows = 0;
  struct list_row *head = NULL;
  for (size_t i = 0; i < u->nvis; i++)
    {
      size_t c = coll_index (u, u->docs[u->vis[i]]);
      if (grouped && (head == NULL || head->coll != c))
        {
          head = &lp->rows[lp->nrows++];
          *head = (struct list_row) { .heading = 1, .coll = c };
        }
      if (head)
        head->count++;
      if (!grouped || !lp->folded[c])
        lp->rows[lp->nrows++] = (struct list_row) { .coll = c, .vis = i };
    }
  lp->lw.n = lp->nrows;
}

void
list_init (struct ui *u)
{
  u->vis = xcalloc (u->ndocs, sizeof *u->vis);
  for (size_t i = 0; i < u->ndocs; i++)
    u->vis[i] = i;
  u->nvis = u->ndocs;
  u->listp.folded = xcalloc (u->lib->ncolls + 1, 1);
  list_rows_build (u);
}

void
list_regions_changed (struct ui *u)
{
  free (u->listp.region_widths);
  u->listp.region_widths = NULL;
}

void
list_free (struct ui *u)
{
  free (u->listp.rows);
  free (u->listp.folded);
  free (u->listp.region_widths);
  u->listp.rows = NULL;
  u->listp.folded = NULL;
  u->listp.region_widths = NULL;
}

/* The case on row R (an index into docs), or SIZE_MAX for a heading or
   no row.  */
static size_t
row_doc (const struct ui *u, size_t r)
{
  if (r >= u->listp.nrows || u->listp.rows[r].heading)
    return SIZE_MAX;
  return u->vis[u->listp.rows[r].vis];
}

void
list_follow (struct ui *u)
{
  const struct list_pane *lp = &u->listp;
  for (size_t r = 0; r < lp->nrows; r++)
    if (row_doc (u, r) == u->cur)
      {
        u->listp.lw.sel = r;
        return;
      }
  /* Folded away (listed, but not shown): its heading.  */
  int listed = 0;
  for (size_t i = 0; i < u->nvis && !listed; i++)
    listed = u->vis[i] == u->cur;
  if (!listed)
    return;
  size_t c = coll_index (u, u->docs[u->cur]);
  for (size_t r = 0; r < lp->nrows; r++)
    if (lp->rows[r].heading && lp->rows[r].coll == c)
      {
        u->listp.lw.sel = r;
        return;
      }
}

/* Fold or unfold the collection of heading row R, keeping the heading
   selected.  */
static void
toggle_fold (struct ui *u, size_t r)
{
  size_t c = u->listp.rows[r].coll;
  u->listp.folded[c] = !u->listp.folded[c];
  list_rows_build (u);
  for (size_t i = 0; i < u->listp.nrows; i++)
    if (u->listp.rows[i].heading && u->listp.rows[i].coll == c)
      u->listp.lw.sel = i;
}

void
list_fold_all (struct ui *u)
{
  if (u->lib->ncolls < 2)
    {
      ui_message (u, 0, "%s", _("One collection: the list has no headings "
                                "to fold"));
      return;
    }
  int all = 1;
  for (size_t c = 0; c < u->lib->ncolls; c++)
    all &= u->listp.folded[c];
  for (size_t c = 0; c < u->lib->ncolls; c++)
    u->listp.folded[c] = !all;
  list_rows_build (u);
  list_follow (u);
  ui_message (u, 0, "%s", all ? _("Every collection unfolded")
              : _("Every collection folded (Enter on a heading unfolds it)"));
}

/* Draw heading row ROW at Y: the fold mark, the collection's name, its
   title and the number of its cases listed.  */
static void
draw_heading (struct ui *u, const struct list_row *row, int y, attr_t base)
{
  const struct rect *p = &u->pane[PANE_LIST];
  int xmax = p->x + p->w;
  const struct collection *c = &u->lib->colls[row->coll];
  attr_t a = base ? base : ui_attr (u, ROLE_HEADING);
  ui_fill (y, p->x, xmax, base);
  /* \u25b8 folded, \u25be unfolded.  */
  int x = ui_put_visible (y, p->x, xmax, u->listp.folded[row->coll]
                          ? "\xe2\x96\xb8 " : "\xe2\x96\xbe ", 4, a);
  char count[32];
  int cw = snprintf (count, sizeof count, " (%zu)", row->count);
  int tmax = xmax - cw > x ? xmax - cw : xmax;
  x = ui_put_cut (y, x, tmax, c->id, strlen (c->id), a | A_BOLD);
  if (x + 2 < tmax)
    {
      x = ui_put_visible (y, x, tmax, " ", 1, a);
      x = ui_put_doc (u, y, x, tmax, &c->title, a);
    }
  ui_put_visible (y, x, xmax, count, (size_t) cw, a);
}

/* Rows of the list under its title row.  */
static int
list_rows (const struct ui *u)
{
  int h = u->pane[PANE_LIST].h - ui_pane_head (u, PANE_LIST);
  return h > 0 ? h : 1;
}

int
ui_pane_head (const struct ui *u, enum pane pane)
{
  return u->pane[pane].h >= 2;
}

void
ui_pane_title (struct ui *u, enum pane pane, const char *title)
{
  const struct rect *p = &u->pane[pane];
  if (!ui_pane_head (u, pane))
    return;
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
region_column (struct ui *u, int avail)
{
  if (u->ndocs == 0)
    return 0;
  int *w = u->listp.region_widths;
  if (w == NULL || u->listp.region_lang != (int) u->lang)
    {
      w = xrealloc (w, u->ndocs * sizeof *w);
      for (size_t i = 0; i < u->ndocs; i++)
        {
          const struct text *r = ui_doc_text (u, &u->docs[i]->region);
          w[i] = r ? ui_text_width (r->str, region_len (r)) : 0;
        }
      qsort (w, u->ndocs, sizeof *w, int_cmp);
      u->listp.region_widths = w;
      u->listp.region_lang = (int) u->lang;
    }
  int cap = avail * 2 / 5;
  int regw = w[u->ndocs - 1];
  if (regw > cap)
    {
      regw = w[(u->ndocs * 4 + 4) / 5 - 1];
      if (regw > cap)
        regw = cap;
    }
  return regw;
}

/* Draw document D's title in the list at Y from X to XMAX, without the
   procuratorate's name when the region column already says it.  */
static void
put_title (const struct ui *u, const struct document *d, int y, int x,
           int xmax, int region_shown, attr_t a)
{
  enum lang l;
  const struct text *t = ui_doc_title (u, d, &l);
  if (t == NULL)
    return;
  size_t off = 0;
  if (region_shown)
    {
      const struct text *r = bitext_get (&d->region, l);
      if (r && r->str)
        off = casetitle_skip (t->str, t->len, l, r->str, r->len);
    }
  const char *s = t->str + off;
  size_t len = t->len - off;
  /* A title the project wrote is drawn as its texts are: dim.  */
  if (text_is_project (t))
    a |= ui_attr (u, ROLE_TRANSLATED) & ~A_COLOR;
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
  int head = ui_pane_head (u, PANE_LIST);
  int h = p->h - head;
  if (h <= 0)
    return;
  u->listp.lw.n = u->listp.nrows;
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
      if (idx >= u->listp.nrows)
        break;
      int y = p->y + head + row;
      int sel = idx == u->listp.lw.sel;
      attr_t base = sel ? ui_attr (u, u->focus == PANE_LIST ? ROLE_SELECT
                                   : ROLE_SELECT_IDLE) : A_NORMAL;
      if (u->listp.rows[idx].heading)
        {
          draw_heading (u, &u->listp.rows[idx], y, base);
          continue;
        }
      size_t di = row_doc (u, idx);
      const struct document *d = u->docs[di];
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
  size_t sel = u->listp.lw.sel;
  if (sel >= u->listp.nrows)
    return NULL;
  if (u->listp.rows[sel].heading)
    {
      const struct collection *c = &u->lib->colls[u->listp.rows[sel].coll];
      const struct text *t = ui_doc_text (u, &c->title);
      /* TRANSLATORS: the status line on a collection's heading in the
         list: its name, title and release date.  */
      return xasprintf (_("%s: %s (%s; Enter folds or unfolds it)"), c->id,
                        t ? t->str : "", c->date ? c->date : "");
    }
  size_t di = row_doc (u, sel);
  if (di == u->cur)
    return NULL;
  const struct document *d = u->docs[di];
  enum lang l;
  const struct text *t = ui_doc_title (u, d, &l);
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
  u->listp.lw.n = u->listp.nrows;
  listw_move (&u->listp.lw, delta);
}

/* Enter: open the selected case, or fold or unfold the selected
   collection.  */
static void
open_selected (struct ui *u)
{
  size_t sel = u->listp.lw.sel;
  if (sel >= u->listp.nrows)
    return;
  if (u->listp.rows[sel].heading)
    {
      toggle_fold (u, sel);
      return;
    }
  size_t di = row_doc (u, sel);
  if (di != u->cur)
    ui_remember_jump (u);
  ui_open (u, di);
  ui_set_focus (u, PANE_TEXT);
}

void
list_click (struct ui *u, int row)
{
  /* Row 0 is the title, if there is room for one.  */
  row -= ui_pane_head (u, PANE_LIST);
  size_t idx = u->listp.lw.top + (size_t) row;
  if (row < 0 || idx >= u->listp.nrows)
    return;
  u->listp.lw.sel = idx;
  if (u->listp.rows[idx].heading)
    {
      toggle_fold (u, idx);
      return;
    }
  size_t di = row_doc (u, idx);
  if (di != u->cur)
    ui_remember_jump (u);
  ui_open (u, di);
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
      for (size_t r = 0; r < u->listp.nrows; r++)
        if (row_doc (u, r) != SIZE_MAX
            && u->docs[row_doc (u, r)]->number == u->count)
          {
            u->listp.lw.sel = r;
            return 1;
          }
      if (u->count == LONG_MAX)
        ui_no_case_message (u, NULL, u->count);
      else
        ui_message (u, 1, _("Case %ld is not in the list"), u->count);
      return 1;
    }
  u->listp.lw.n = u->listp.nrows;
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
      list_rows_build (u);
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
  list_rows_build (u);
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
  char *hidden = ui_case_name (u, u->docs[u->cur]);
  ui_remember_jump (u);
  ui_open (u, u->vis[0]);
  char *opened = ui_case_name (u, u->docs[u->cur]);
  /* TRANSLATORS: a limit that hides the case that was open: "Limited to
     3 cases of 9; case 4 is not among them: opened case 7" (in a
     library of several collections, "case batch3/4").  */
  ui_message (u, 0, ngettext ("Limited to %zu case of %zu; case %s is not "
                              "among them: opened case %s",
                              "Limited to %zu cases of %zu; case %s is not "
                              "among them: opened case %s", n),
              n, u->ndocs, hidden, opened);
  free (hidden);
  free (opened);
  return 0;
}
