/* ui_tags.c -- the tags pane: the open case's keywords in the reader's
   language with their other-language rendering, or (toggled with `t')
   every keyword of the library with the number of cases that carry it.
   Enter searches `tag:' for the keyword and limits the list to it.  */

#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "norm.h"
#include "facets.h"
#include "ui_priv.h"

void
tags_init (struct ui *u)
{
  tags_collect (u->lib, u->lang, u->revised, &u->tagp.table);
}

void
tags_free (struct ui *u)
{
  tags_table_free (&u->tagp.table);
}

void
tags_reset (struct ui *u)
{
  u->tagp.lw[0].sel = 0;
  u->tagp.lw[0].top = 0;
}

/* The open case's keywords in the reader's language, or the other when
   it has none there, as E reads the English (the project's revision,
   where there is one): their language in *L, their number in *N.  */
static char *const *
case_keywords (const struct ui *u, enum lang *l, size_t *n)
{
  const struct keyword_list *kw = &u->docs[u->cur]->keywords;
  *l = u->lang;
  char *const *items = keywords_view (kw, *l, u->revised, n);
  if (*n == 0)
    {
      *l = lang_other (u->lang);
      items = keywords_view (kw, *l, u->revised, n);
    }
  return items;
}

/* Entry I of the list shown: name, other rendering, case count (0 for
   the open case's own keywords).  Returns 0 past the end.  */
static int
tag_entry (const struct ui *u, size_t i, const char **name,
           const char **other, size_t *count)
{
  if (u->tagp.all)
    {
      if (i >= u->tagp.table.count)
        return 0;
      *name = u->tagp.table.items[i].name;
      *other = u->tagp.table.items[i].other;
      *count = u->tagp.table.items[i].ndocs;
      return 1;
    }
  const struct keyword_list *kw = &u->docs[u->cur]->keywords;
  enum lang al;
  size_t n, np;
  char *const *items = case_keywords (u, &al, &n);
  if (i >= n)
    return 0;
  /* Its rendering: the item of the other list that pairs with it, as
     `casebook tags' pairs them.  */
  char *const *partner = keywords_partner (kw, al, u->revised, &np);
  *name = items[i];
  *other = partner && i < np ? partner[i] : NULL;
  *count = 0;
  return 1;
}

static size_t
tag_count (const struct ui *u)
{
  if (u->tagp.all)
    return u->tagp.table.count;
  enum lang al;
  size_t n;
  case_keywords (u, &al, &n);
  return n;
}

void
tags_draw (struct ui *u)
{
  const struct rect *p = &u->pane[PANE_TAGS];
  if (p->h <= 0)
    return;
  int xmax = p->x + p->w;
  int m = u->tagp.all;
  const char *title = m ? _("All tags (t: this case)")
    : _("Keywords (t: all tags)");
  ui_pane_title (u, PANE_TAGS, title);
  int x;
  int head = ui_pane_head (u, PANE_TAGS);
  int h = p->h - head;
  size_t n = tag_count (u);
  if (h <= 0)
    return;
  u->tagp.lw[m].n = n;
  listw_clamp (&u->tagp.lw[m], h);
  if (n == 0)
    {
      const char *none = _("(no keywords)");
      ui_put (p->y + head, p->x + 1, xmax, none, strlen (none),
              ui_attr (u, ROLE_META));
      return;
    }
  for (int row = 0; row < h; row++)
    {
      size_t i = u->tagp.lw[m].top + (size_t) row;
      const char *name, *other;
      size_t count;
      if (!tag_entry (u, i, &name, &other, &count))
        break;
      int y = p->y + head + row;
      int sel = i == u->tagp.lw[m].sel;
      attr_t base = sel ? ui_attr (u, u->focus == PANE_TAGS ? ROLE_SELECT
                                   : ROLE_SELECT_IDLE) : A_NORMAL;
      ui_fill (y, p->x, xmax, base);
      int tmax = xmax;
      if (count)
        {
          char num[32];
          snprintf (num, sizeof num, " %zu", count);
          tmax = xmax - (int) strlen (num);
          ui_put_visible (y, tmax, xmax, num, strlen (num), base);
        }
      int nw = ui_text_width (name, strlen (name));
      x = ui_put_in (u, y, p->x + 1, tmax, name, strlen (name), u->lang, base);
      if (other && x - (p->x + 1) == nw)
        {
          /* The rendering in parentheses when it is whole; cut, it ends
             with an ellipsis as every cut does, and where not even
             " (" and one column fit, the ellipsis alone says it is
             there: a bare " (", or a rendering without its ")", hid
             the cut.  */
          int ow = ui_text_width (other, strlen (other));
          attr_t oa = sel ? base : ui_attr (u, ROLE_META);
          if (x + 2 + ow + 1 <= tmax)
            {
              x = ui_put_visible (y, x, tmax, " (", 2, base);
              x = ui_put_in (u, y, x, tmax, other, strlen (other),
                             lang_other (u->lang), oa);
              ui_put_visible (y, x, tmax, ")", 1, base);
            }
          else if (x + 4 <= tmax)
            {
              x = ui_put_visible (y, x, tmax, " (", 2, base);
              /* Short of the last column when the rendering alone
                 would just fit: it is cut for the ")" it lacks.  */
              ui_put_in (u, y, x, ow > tmax - x ? tmax : tmax - 1, other,
                         strlen (other), lang_other (u->lang), oa);
            }
          else
            ui_put_visible (y, x, tmax, "\xe2\x80\xa6", 3, base);
        }
    }
}

void
tags_scroll (struct ui *u, int delta)
{
  struct listw *lw = &u->tagp.lw[u->tagp.all];
  lw->n = tag_count (u);
  listw_move (lw, delta);
}

void
tags_toggle (struct ui *u)
{
  u->tagp.all = !u->tagp.all;
}

/* Search tag:NAME and limit the list to the cases that carry it.  */
static void
activate (struct ui *u)
{
  const char *name, *other;
  size_t count;
  if (!tag_entry (u, u->tagp.lw[u->tagp.all].sel, &name, &other, &count))
    return;
  /* As list --facets writes it: a keyword with a '"' in it is
     quoted in 「」, not cut of it.  */
  struct buf q = { 0 };
  char *term = facets_query_term (FACET_KEYWORD, name);
  buf_adds (&q, term);
  free (term);
  char *err = NULL;
  int rc = ui_search_set_stoppable (u, q.data, 0, &err);
  if (rc == 1)
    {
      /* Esc or Ctrl-C while every case was counted: no limit either.  */
      ui_search_stopped_say (u);
      buf_free (&q);
      return;
    }
  if (rc < 0)
    {
      /* Esc or Ctrl-C in the first index build: that search stopped,
         and no more (no prompt takes them here).  */
      ui_work_taken (u);
      ui_message (u, 1, "%s", err);
      free (err);
      buf_free (&q);
      return;
    }
  size_t was_open = u->cur;
  int rl = list_limit (u, q.data);
  int hid_open = rl == 0 && u->cur != was_open;
  if (rl == 0)
    {
      state_history_add (u->state, q.data);
      u->cur_hit = u->nvh ? 0 : SIZE_MAX;
      if (u->nvh)
        text_show_line (u, u->vh[0].line);
      ui_set_focus (u, PANE_LIST);
      /* The search status says enough, unless the limit hid the open
         case: that the reader must be told.  */
      if (!hid_open)
        {
          free (u->msg);
          u->msg = NULL;
        }
    }
  buf_free (&q);
}

void
tags_click (struct ui *u, int row)
{
  struct listw *lw = &u->tagp.lw[u->tagp.all];
  lw->n = tag_count (u);
  /* Row 0 is the title, if there is room for one.  */
  listw_click (lw, row - ui_pane_head (u, PANE_TAGS));
}

int
tags_key (struct ui *u, const struct ui_key *k)
{
  int h = u->pane[PANE_TAGS].h - ui_pane_head (u, PANE_TAGS);
  if (h < 1)
    h = 1;
  if (ui_is_enter (k))
    {
      activate (u);
      return 1;
    }
  struct listw *lw = &u->tagp.lw[u->tagp.all];
  lw->n = tag_count (u);
  return listw_key (lw, k, h, ui_count (u, 1));
}
