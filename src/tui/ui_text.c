/* ui_text.c -- the text pane: the open case laid out by render.c for the
   current view at the pane's width, drawn with the translation mark in
   the gutter, headings in bold, search hits highlighted, and a scrollbar
   that marks where the hits are.  The reading position is kept as a
   render unit (a paragraph), so that a new width or view shows the same
   paragraph at the top.  */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "i18n.h"
#include "heading.h"
#include "norm.h"
#include "provenance.h"
#include "ui_priv.h"

/* Rows above the text: the provenance header, when the pane has room
   for it.  */
static int
header_rows (const struct ui *u)
{
  return u->text_rect.h >= 4 ? 1 : 0;
}

int
text_height (const struct ui *u)
{
  int h = u->text_rect.h - header_rows (u);
  return h > 0 ? h : 1;
}

static size_t
max_top (const struct ui *u)
{
  size_t h = (size_t) text_height (u);
  return u->r.nlines > h ? u->r.nlines - h : 0;
}

size_t
text_anchor_unit (const struct ui *u)
{
  if (!u->have_render || u->r.nlines == 0)
    return u->top_unit;
  for (size_t i = u->top; i < u->r.nlines; i++)
    if (u->r.lines[i].style != RSTYLE_BLANK)
      return u->r.lines[i].unit;
  return u->r.lines[u->top < u->r.nlines ? u->top : u->r.nlines - 1].unit;
}

size_t
text_current_line (const struct ui *u)
{
  if (!u->have_render || u->r.nlines == 0 || u->top >= u->r.nlines)
    return u->top;
  /* After a scroll the paragraph to keep is the top one, and begins at
     or above the top line; only a paragraph gone to begins below it.  */
  size_t first = render_line_of_unit (&u->r, u->top_unit);
  if (first > u->top && first < u->top + (size_t) text_height (u)
      && first < u->r.nlines)
    return first;
  return u->top;
}

/* Where line LN begins, its first text's (*A, less UNIT and SET);
   0 for a line without text (a blank line).  */
static int
line_anchor (const struct rline *ln, struct text_anchor *a)
{
  for (int c = 0; c < 2; c++)
    {
      const struct rcell *cell = &ln->cell[c];
      if (!cell->present)
        continue;
      a->lang = cell->lang;
      a->part = cell->part;
      a->section = cell->section;
      a->block = cell->block;
      a->off = cell->src_off ? cell->src_off[0] : cell->src_start;
      return 1;
    }
  return 0;
}

/* Set the first line shown; it becomes the paragraph to keep, and the
   place in it.  */
static void
set_top (struct ui *u, size_t top)
{
  size_t m = max_top (u);
  u->top = top > m ? m : top;
  u->top_unit = text_anchor_unit (u);
  u->anchor.set = 0;
  if (u->have_render && u->top < u->r.nlines
      && u->r.lines[u->top].unit == u->top_unit
      && line_anchor (&u->r.lines[u->top], &u->anchor))
    {
      u->anchor.set = 1;
      u->anchor.unit = u->top_unit;
    }
}

/* The line of the layout that holds the anchor's place: the last of
   paragraph UNIT (whose first line is FIRST) to begin at or before it
   in the same text; FIRST when there is none.  */
static size_t
anchor_line (const struct ui *u, size_t unit, size_t first)
{
  const struct text_anchor *a = &u->anchor;
  if (!a->set || a->unit != unit)
    return first;
  size_t best = first;
  for (size_t i = first; i < u->r.nlines && u->r.lines[i].unit == unit; i++)
    {
      struct text_anchor l;
      if (line_anchor (&u->r.lines[i], &l) && l.lang == a->lang
          && l.part == a->part && l.section == a->section
          && l.block == a->block && l.off <= a->off)
        best = i;
    }
  return best;
}

static int
vhit_cmp (const void *a, const void *b)
{
  const struct vhit *x = a, *y = b;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  if (x->col != y->col)
    return x->col < y->col ? -1 : 1;
  return x->hit < y->hit ? -1 : x->hit > y->hit;
}

void
text_map_hits (struct ui *u)
{
  size_t keep = u->cur_hit < u->nvh ? u->vh[u->cur_hit].hit : SIZE_MAX;
  free (u->vh);
  u->vh = NULL;
  u->nvh = 0;
  u->cur_hit = SIZE_MAX;
  if (!u->have_render || u->search.res == NULL)
    return;
  ui_search_load (u, u->cur);
  const struct doc_result *res = &u->search.res[u->cur];
  if (res->nhits == 0 || !res->loaded)
    return;
  u->vh = xcalloc (res->nhits, sizeof *u->vh);
  for (size_t j = 0; j < res->nhits; j++)
    {
      const struct hit *h = &res->hits[j];
      for (size_t i = 0; i < u->r.nlines; i++)
        {
          const struct rline *ln = &u->r.lines[i];
          size_t from, to;
          int c;
          for (c = 0; c < 2; c++)
            if (render_hit_in_cell (&ln->cell[c], h, &from, &to))
              break;
          if (c < 2)
            {
              struct vhit *v = &u->vh[u->nvh++];
              v->hit = j;
              v->line = i;
              v->col = ln->cell[c].col + ln->cell[c].indent
                + norm_width (ln->cell[c].s, from);
              break;
            }
        }
    }
  if (u->nvh > 1)
    qsort (u->vh, u->nvh, sizeof *u->vh, vhit_cmp);
  for (size_t i = 0; i < u->nvh; i++)
    if (u->vh[i].hit == keep)
      u->cur_hit = i;
}

void
text_layout (struct ui *u)
{
  if (u->too_small)
    return;
  /* The last column is the scrollbar, with a blank column before it;
     the text is no wider than the reading width (twice that side by
     side), centred in what is left.  */
  int w = u->text_rect.w - 2;
  int maxw = u->opt->text_width > 0 ? u->opt->text_width : PREFS_TEXT_WIDTH;
  if (u->view == VIEW_SIDE_BY_SIDE)
    maxw = 2 * maxw + 3;
  if (w > maxw)
    w = maxw;
  if (w < 1)
    w = 1;
  if (u->have_render && u->r_width == w && u->r_view == u->view
      && u->r_revised == u->revised)
    {
      if (u->top > max_top (u))
        u->top = max_top (u);
      return;
    }
  size_t keep = u->cur_hit < u->nvh ? u->vh[u->cur_hit].hit : SIZE_MAX;
  if (u->have_render)
    render_free (&u->r);
  struct render_options ro = {
    .view = u->view,
    .width = w,
    .gutter = 1,
    .safe_widths = 1,
    .raw = 0,
    .script = u->opt->script_config,
    .revised = u->revised,
  };
  render_document (u->docs[u->cur], &ro, &u->r);
  u->have_render = 1;
  u->r_width = w;
  u->r_view = u->view;
  u->r_revised = u->revised;
  u->sbs_col = 0;
  if (u->view == VIEW_SIDE_BY_SIDE)
    {
      size_t m = SIZE_MAX;
      for (size_t i = 0; i < u->r.nlines; i++)
        if (u->r.lines[i].style != RSTYLE_BLANK
            && (size_t) u->r.lines[i].cell[1].col < m)
          m = (size_t) u->r.lines[i].cell[1].col;
      u->sbs_col = m == SIZE_MAX ? 0 : m;
    }
  size_t top = u->r.nlines ? render_line_of_unit (&u->r, u->top_unit) : 0;
  if (u->r.nlines)
    top = anchor_line (u, u->top_unit, top);
  size_t m = max_top (u);
  u->top = top > m ? m : top;
  /* The hit list is rebuilt; keep the current hit across the relayout.  */
  free (u->vh);
  u->vh = NULL;
  u->nvh = 0;
  u->cur_hit = SIZE_MAX;
  text_map_hits (u);
  for (size_t i = 0; i < u->nvh; i++)
    if (u->vh[i].hit == keep)
      u->cur_hit = i;
  outline_relayout (u);
}

/* set_top for a key that scrolls: one that moves nothing (Space at the
   end, g at the top) leaves the paragraph to keep as it was, the one
   gone to (7 ¶15 shown at the end of the case) included, or y would
   copy another than the one the reader asked for and sees.  */
static void
scroll_to (struct ui *u, size_t top)
{
  size_t m = max_top (u);
  if ((top > m ? m : top) != u->top)
    set_top (u, top);
}

void
text_scroll (struct ui *u, long delta)
{
  if (!u->have_render)
    return;
  scroll_to (u, ui_offset_move (u->top, delta));
}

void
text_show_line (struct ui *u, size_t line)
{
  size_t h = (size_t) text_height (u);
  if (line >= u->top && line < u->top + h)
    return;
  set_top (u, line > h / 3 ? line - h / 3 : 0);
}

void
text_goto_unit (struct ui *u, size_t unit)
{
  if (!u->have_render)
    {
      u->top_unit = unit;
      return;
    }
  set_top (u, render_line_of_unit (&u->r, unit));
  u->top_unit = unit;
}

void
text_goto_unit_line (struct ui *u, size_t unit, size_t line)
{
  text_goto_unit (u, unit);
  if (!u->have_render || line == 0)
    return;
  size_t first = render_line_of_unit (&u->r, unit);
  if (first >= u->r.nlines)
    return;
  /* LINE comes from the state file, which may say anything: a count
     down from FIRST + LINE (10^15, or a sum wrapped past SIZE_MAX)
     would keep the browser from ever starting.  The layout's last line
     is as far as it goes.  */
  size_t target = line < u->r.nlines - first ? first + line
    : u->r.nlines - 1;
  while (target > first
         && (target >= u->r.nlines || u->r.lines[target].unit != unit))
    target--;
  /* The paragraph to keep across a relayout is the one set_top finds
     there: for a blank line, the paragraph below it, as for any top
     line.  */
  set_top (u, target);
}

size_t
text_top_place (const struct ui *u, size_t *line)
{
  *line = 0;
  if (!u->have_render || u->r.nlines == 0 || u->top >= u->r.nlines)
    return text_anchor_unit (u);
  /* The top line's own unit: a blank line belongs to the paragraph
     above it, which text_goto_unit_line goes back into.  Counted from
     the next paragraph, it would be a line before that paragraph's
     first, and the view would come back one line lower.  */
  size_t unit = u->r.lines[u->top].unit;
  size_t first = render_line_of_unit (&u->r, unit);
  if (first > u->top || u->r.lines[first].unit != unit)
    return text_anchor_unit (u);
  *line = u->top - first;
  return unit;
}

int
text_goto_place (struct ui *u, size_t section, size_t para)
{
  if (!u->have_render || section == 0)
    return -1;
  for (size_t i = 0; i < u->r.nlines; i++)
    {
      const struct rline *ln = &u->r.lines[i];
      if (ln->style == RSTYLE_BLANK || ln->style == RSTYLE_TITLE
          || ln->style == RSTYLE_META || ln->section != section - 1)
        continue;
      int found = para == 0;
      for (int c = 0; c < 2 && !found; c++)
        found = ln->cell[c].present && ln->cell[c].part == PART_BLOCK
          && ln->cell[c].block == para - 1;
      if (found)
        {
          set_top (u, i);
          u->top_unit = ln->unit;
          return 0;
        }
    }
  return -1;
}

/* The section of a line; the title block counts as one before the
   first.  */
static long
line_section (const struct rline *ln)
{
  if (ln->style == RSTYLE_TITLE || ln->style == RSTYLE_META)
    return -1;
  return (long) ln->section;
}

void
text_set_top (struct ui *u, size_t line)
{
  set_top (u, line);
}

int
text_heading_level (const struct ui *u, size_t i)
{
  const struct render *r = &u->r;
  if (i >= r->nlines)
    return 0;
  const struct rline *ln = &r->lines[i];
  if (ln->style != RSTYLE_SECTION && ln->style != RSTYLE_HEADING
      && ln->style != RSTYLE_BODY)
    return 0;
  /* Only the first line of a paragraph starts a heading.  */
  for (size_t j = i; j-- > 0;)
    if (r->lines[j].style != RSTYLE_BLANK)
      {
        if (r->lines[j].unit == ln->unit)
          return 0;
        break;
      }
  if (ln->style == RSTYLE_SECTION)
    return 1;
  const struct rcell *c = ln->cell[0].present ? &ln->cell[0] : &ln->cell[1];
  if (!c->present)
    return 0;
  if (ln->style == RSTYLE_HEADING)
    {
      const struct document *d = u->docs[u->cur];
      if (c->part == PART_BLOCK && c->section < d->nsections
          && c->block < d->sections[c->section].nblocks)
        return 1 + d->sections[c->section].blocks[c->block].level;
      return 2;
    }
  /* A paragraph that starts like a heading (（一）…, 1. …) is one.  */
  int l = heading_level (c->s, c->len);
  return l == 1 ? 2 : l;
}

/* ] and [: the next or previous line that starts a heading of any
   level (the title block counts as one before the first).  */
static void
section_jump (struct ui *u, int dir)
{
  const struct render *r = &u->r;
  size_t before = u->top;
  if (dir > 0)
    {
      for (size_t i = u->top + 1; i < r->nlines; i++)
        if (text_heading_level (u, i))
          {
            set_top (u, i);
            /* A heading on the last screen cannot come to the top:
               at the end, as after the last heading, say so.  */
            if (u->top != before)
              return;
            break;
          }
      ui_message (u, 0, _("This is the last section"));
      return;
    }
  for (size_t i = u->top; i-- > 0;)
    if (text_heading_level (u, i))
      {
        set_top (u, i);
        return;
      }
  set_top (u, 0);
  if (before == 0)
    ui_message (u, 0, _("This is the first section"));
}

int
text_key (struct ui *u, const struct ui_key *k)
{
  if (!u->have_render)
    return 0;
  long h = text_height (u);
  long count = ui_count (u, 1);
  if (!k->fn && (k->ch == '[' || k->ch == ']'))
    {
      /* Until the count is done or the text ends: 999999999] must not
         spin for minutes at the last heading.  */
      for (long i = 0; i < count; i++)
        {
          size_t before = u->top;
          section_jump (u, k->ch == ']' ? 1 : -1);
          if (u->top == before)
            break;
        }
      return 1;
    }
  enum ui_move m = ui_move_key (k);
  /* A page keeps one line of the last in view, as less does.  */
  long rows = ui_move_rows (m, h > 2 ? h - 1 : 1);
  if (m == MOVE_HALF_DOWN || m == MOVE_HALF_UP)
    rows = ui_move_rows (m, h);
  if (rows)
    {
      text_scroll (u, ui_count_times (rows, count));
      return 1;
    }
  /* 12G and 12g go to line 12, as in less.  */
  if ((m == MOVE_HOME || m == MOVE_END) && u->have_count)
    {
      scroll_to (u, u->count > 0 ? (size_t) u->count - 1 : 0);
      return 1;
    }
  switch (m)
    {
    case MOVE_HOME:
      scroll_to (u, 0);
      return 1;
    case MOVE_END:
      scroll_to (u, max_top (u));
      return 1;
    default:
      return 0;
    }
}

static enum role
style_role (enum rstyle s)
{
  switch (s)
    {
    case RSTYLE_TITLE:
      return ROLE_TITLE;
    case RSTYLE_META:
      return ROLE_META;
    case RSTYLE_SECTION:
    case RSTYLE_HEADING:
      return ROLE_HEADING;
    case RSTYLE_KEYWORDS:
      return ROLE_KEYWORDS;
    default:
      return ROLE_NORMAL;
    }
}

/* Cell C of a line at row Y; the pane starts at column X0.  The gutter
   (the translation mark) is at the cell's column, the text after it and
   the cell's indent.  */
static void
draw_cell (struct ui *u, const struct rcell *c, int y, int x0, int xmax,
           enum role base)
{
  if (!c->present)
    return;
  if (c->translated && x0 + c->col < xmax)
    ui_put_visible (y, x0 + c->col, xmax, "*", 1, ui_attr (u, ROLE_MARK));
  if (c->len == 0)
    return;
  u->roles = xgrow (u->roles, &u->roles_alloc, c->len, 1);
  memset (u->roles, base, c->len);
  if (u->search.res && u->search.res[u->cur].loaded)
    {
      const struct doc_result *res = &u->search.res[u->cur];
      size_t curh = u->cur_hit < u->nvh ? u->vh[u->cur_hit].hit : SIZE_MAX;
      for (size_t j = 0; j < res->nhits; j++)
        {
          size_t from, to;
          if (render_hit_in_cell (c, &res->hits[j], &from, &to))
            memset (u->roles + from, j == curh ? ROLE_CURHIT : ROLE_HIT,
                    to - from);
        }
    }
  int x = x0 + c->col + 2 + c->indent;
  size_t i = 0;
  while (i < c->len && x < xmax)
    {
      size_t e = i + 1;
      while (e < c->len && u->roles[e] == u->roles[i])
        e++;
      enum role r = (enum role) u->roles[i];
      /* casebook's translation is drawn apart (dim), hits excepted.  */
      attr_t a = c->translated && r != ROLE_HIT && r != ROLE_CURHIT
        ? ui_attr_translated (u, r) : ui_attr (u, r);
      x = ui_put_visible (y, x, xmax, c->s + i, e - i, a);
      i = e;
    }
}

/* Draw the single-column character WC at (Y, X) in A.  */
static void
setcchar_draw (int y, int x, wchar_t wc, attr_t a)
{
  cchar_t cc;
  wchar_t ws[2] = { wc, L'\0' };
  if (setcchar (&cc, ws, a, PAIR_NUMBER (a), NULL) == OK)
    mvadd_wch (y, x, &cc);
}

/* The language shown in cell C of the layout (side by side: 0 left, 1
   right), from the first line that has it.  */
static enum lang
column_lang (const struct ui *u, int c)
{
  for (size_t i = 0; i < u->r.nlines; i++)
    if (u->r.lines[i].style != RSTYLE_BLANK && u->r.lines[i].cell[c].present)
      return u->r.lines[i].cell[c].lang;
  return c == 0 ? LANG_ZH : LANG_EN;
}

const char *
text_provenance_label (enum lang l, enum provenance pv)
{
  if (l == LANG_ZH)
    switch (pv)
      {
      case PROVENANCE_RELEASE:
        return _("Chinese: release text");
      case PROVENANCE_TRANSLATION:
        return _("Chinese: casebook's translation, not the official text");
      case PROVENANCE_MIXED:
        return _("Chinese: release text; * marks casebook's translation");
      default:
        return _("Chinese: none");
      }
  switch (pv)
    {
    case PROVENANCE_RELEASE:
      return _("English: release text");
    case PROVENANCE_TRANSLATION:
      return _("English: casebook's translation, not the official text");
    case PROVENANCE_MIXED:
      return _("English: release text; * marks casebook's translation");
    case PROVENANCE_REVISED:
      /* TRANSLATORS: the header above the text after E, when the English
         shown is, in places, the project's revision of the release's
         machine translation.  */
      return _("English: * marks casebook's revision or translation");
    default:
      return _("English: none");
    }
}

/* The short form of the label, where two share a row.  */
static const char *
short_label (enum lang l, enum provenance pv)
{
  if (l == LANG_ZH)
    switch (pv)
      {
      case PROVENANCE_RELEASE:
        return _("Chinese: release");
      case PROVENANCE_TRANSLATION:
        return _("Chinese: translated");
      case PROVENANCE_MIXED:
        return _("Chinese: mixed, see *");
      default:
        return _("Chinese: none");
      }
  switch (pv)
    {
    case PROVENANCE_RELEASE:
      return _("English: release");
    case PROVENANCE_TRANSLATION:
      return _("English: translated");
    case PROVENANCE_MIXED:
      return _("English: mixed, see *");
    case PROVENANCE_REVISED:
      /* TRANSLATORS: the short form of "English: * marks casebook's
         revision or translation".  */
      return _("English: revised, see *");
    default:
      return _("English: none");
    }
}

/* One label at Y from X to XMAX (its short form when the whole one does
   not fit): bold when the text is a translation.  */
static int
draw_label (struct ui *u, int y, int x, int xmax, enum lang l)
{
  enum provenance pv = provenance_shown (u->docs[u->cur], l, u->revised);
  const char *s = text_provenance_label (l, pv);
  /* Chinese in traditional script is OpenCC's conversion, the release's
     text or not: the label says so, as show and export do.  */
  int converted = l == LANG_ZH && u->opt->script_config
    && (pv == PROVENANCE_RELEASE || pv == PROVENANCE_MIXED
        || pv == PROVENANCE_TRANSLATION);
  /* TRANSLATORS: added to the label above Chinese text shown in
     traditional script: "Chinese: release text, converted to
     traditional script by OpenCC".  */
  char *label = converted ? xasprintf (_("%s, converted to traditional "
                                         "script by OpenCC"), s) : NULL;
  if (label)
    s = label;
  if (x + ui_text_width (s, strlen (s)) > xmax)
    {
      free (label);
      s = short_label (l, pv);
      /* TRANSLATORS: the short form of the above: "Chinese: release
         (OpenCC)".  */
      label = converted ? xasprintf (_("%s (OpenCC)"), s) : NULL;
      if (label)
        s = label;
    }
  attr_t a = pv == PROVENANCE_RELEASE && !converted ? A_UNDERLINE
    : ui_attr (u, ROLE_PROVENANCE);
  int end = ui_put_cut (y, x, xmax, s, strlen (s), a);
  free (label);
  return end;
}

/* The provenance header above the text: for each language column,
   whether it is the release's text or casebook's translation, and the
   key that explains the marks.  */
static void
draw_header (struct ui *u, const struct rect *p, int xmax)
{
  int y = p->y;
  int x;
  /* The text has the focus: a marker where the list and tags panes put
     theirs.  */
  if (u->focus == PANE_TEXT)
    ui_put_visible (y, p->x, p->x + 1, "\xe2\x96\xb6", 3,
                    ui_attr (u, ROLE_SELECT) | A_BOLD);
  switch (u->view)
    {
    case VIEW_SIDE_BY_SIDE:
      if (u->sbs_col > 0)
        {
          x = draw_label (u, y, p->x + 2, p->x + (int) u->sbs_col - 1,
                          column_lang (u, 0));
          x = draw_label (u, y, p->x + (int) u->sbs_col, xmax + 1,
                          column_lang (u, 1));
          break;
        }
      /* Too narrow for two columns, the languages are laid out one
         under the other (render.c): there is no right column, whose
         label, drawn at the pane's edge, said "English" alone over the
         Chinese and covered the focus marker.  Label them as the
         interleaved view does.  */
      /* FALLTHROUGH */
    case VIEW_INTERLEAVED:
      {
        /* Both in one row: the Chinese one leaves room for at least the
           short English one.  */
        const char *en = short_label (LANG_EN,
                                      provenance_shown (u->docs[u->cur],
                                                        LANG_EN,
                                                        u->revised));
        int room = xmax - ui_text_width (en, strlen (en)) - 2;
        x = draw_label (u, y, p->x + 2, room, LANG_ZH);
        x = ui_put (y, x, xmax, "  ", 2, A_NORMAL);
        x = draw_label (u, y, x, xmax, LANG_EN);
      }
      break;
    default:
      x = draw_label (u, y, p->x + 2, xmax,
                      u->view == VIEW_ZH ? LANG_ZH : LANG_EN);
      break;
    }
  /* TRANSLATORS: at the right of the provenance header; L is the key.  */
  const char *hint = _("L: legend");
  int hw = ui_text_width (hint, strlen (hint));
  if (x + 2 + hw <= xmax)
    ui_put (y, xmax - hw, xmax, hint, strlen (hint), ui_attr (u, ROLE_META));
}

static void
draw_scrollbar (struct ui *u, const struct rect *p)
{
  int x = p->x + p->w - 1;
  int h = p->h;
  size_t n = u->r.nlines;
  attr_t track = ui_attr (u, ROLE_BORDER);
  attrset (track);
  mvvline (p->y, x, ACS_VLINE, h);
  attrset (A_NORMAL);
  int t0 = 0, t1 = 0;           /* the thumb's rows, [t0, t1) */
  if (n > (size_t) h)
    {
      t0 = (int) (u->top * (size_t) h / n);
      t1 = (int) (((u->top + (size_t) h) * (size_t) h + n - 1) / n);
      if (t1 <= t0)
        t1 = t0 + 1;
      if (t1 > h)
        t1 = h;
      for (int r = t0; r < t1; r++)
        ui_fill (p->y + r, x, x + 1, ui_attr (u, ROLE_THUMB));
    }
  if (n == 0)
    return;
  /* The current hit last, so that another hit on its row cannot draw
     over its diamond.  */
  for (size_t j = 0; j <= u->nvh; j++)
    {
      size_t i = j < u->nvh ? j : u->cur_hit;
      if (j < u->nvh ? i == u->cur_hit : i >= u->nvh)
        continue;
      /* A text that fits has no thumb and nothing to scroll to: each
         mark goes beside its hit's line, not spread over the whole
         height into the rows below the text's end.  */
      int r = n <= (size_t) h
        ? (int) (u->vh[i].line >= u->top ? u->vh[i].line - u->top : 0)
        : (int) (u->vh[i].line * (size_t) h / n);
      if (r >= h)
        r = h - 1;
      /* On the thumb a mark keeps the thumb's look: with a hit on every
         row the thumb, and so the position, would vanish.  */
      attr_t a = ui_attr (u, i == u->cur_hit ? ROLE_CURHIT
                          : r >= t0 && r < t1 ? ROLE_THUMB : ROLE_SCROLL_HIT);
      /* A diamond, not a hyphen that reads as part of the track.  */
      setcchar_draw (p->y + r, x, i == u->cur_hit ? L'\u25c6' : L'\u25c7',
                     a);
    }
}

int
text_margin (const struct ui *u)
{
  int m = (u->text_rect.w - 2 - u->r_width) / 2;
  return u->have_render && m > 0 ? m : 0;
}

void
text_draw (struct ui *u)
{
  const struct rect *pane = &u->pane[PANE_TEXT];
  if (pane->h <= 0 || !u->have_render)
    return;
  int hr = header_rows (u);
  int m = text_margin (u);
  int xmax = pane->x + m + u->r_width;
  if (hr)
    {
      struct rect head = { pane->y, pane->x + m, 1, pane->w - m };
      draw_header (u, &head, xmax);
    }
  /* The scrollbar stays at the pane's right edge.  */
  struct rect bar = { pane->y + hr, pane->x, pane->h - hr, pane->w };
  struct rect body = { pane->y + hr, pane->x + m, pane->h - hr, pane->w - m };
  const struct rect *p = &body;
  for (int row = 0; row < p->h; row++)
    {
      size_t i = u->top + (size_t) row;
      if (u->view == VIEW_SIDE_BY_SIDE && u->sbs_col >= 2
          && p->x + (int) u->sbs_col - 2 < xmax)
        {
          attrset (ui_attr (u, ROLE_BORDER));
          mvaddch (p->y + row, p->x + (int) u->sbs_col - 2, ACS_VLINE);
          attrset (A_NORMAL);
        }
      if (i >= u->r.nlines)
        continue;
      const struct rline *ln = &u->r.lines[i];
      enum role base = style_role (ln->style);
      draw_cell (u, &ln->cell[0], p->y + row, p->x, xmax, base);
      draw_cell (u, &ln->cell[1], p->y + row, p->x, xmax, base);
    }
  draw_scrollbar (u, &bar);
}

char *
text_status (const struct ui *u)
{
  if (!u->have_render || u->r.nlines == 0)
    return NULL;
  size_t n = u->r.nlines;
  size_t bottom = u->top + (size_t) text_height (u);
  if (bottom > n)
    bottom = n;
  unsigned pct = (unsigned) (bottom * 100 / n);
  return xasprintf ("%zu/%zu %3u%%", u->top + 1, n, pct);
}

char *
text_position (const struct ui *u)
{
  const struct document *d = u->docs[u->cur];
  struct buf b = { 0 };
  buf_printf (&b, _("Case %ld"), d->number);
  if (u->have_render && u->r.nlines)
    {
      size_t i = text_current_line (u);
      while (i + 1 < u->r.nlines && u->r.lines[i].style == RSTYLE_BLANK)
        i++;
      const struct rline *ln = &u->r.lines[i];
      const struct rcell *c = ln->cell[0].present ? &ln->cell[0]
        : &ln->cell[1];
      if (line_section (ln) >= 0 && ln->section < d->nsections)
        {
          const struct section *s = &d->sections[ln->section];
          /* TRANSLATORS: the parts of what '=' says, "Case 3, section
             2/3 【Part 2】, paragraph 1/8, line 50/127 (59%)", each with
             the separator before it (Chinese: "，").  */
          buf_printf (&b, _(", section %zu/%zu"), ln->section + 1,
                      d->nsections);
          const struct text *st = ui_doc_text (u, &s->title);
          if (st)
            {
              buf_adds (&b, " ");
              buf_add (&b, st->str, st->len);
            }
          if (c->present && c->part == PART_BLOCK)
            {
              buf_printf (&b, _(", paragraph %zu/%zu"), c->block + 1,
                          s->nblocks);
              /* The number a citation gives it, which y copies and
                 ":7 ¶15" goes to (a keyword list has none).  */
              size_t cited = cite_paragraph (d, ln->section, c->block);
              if (cited)
                /* TRANSLATORS: after ", paragraph 1/8": the paragraph's
                   number across the case, as citations give it.  */
                buf_printf (&b, _(" (¶%zu)"), cited);
            }
        }
      size_t n = u->r.nlines;
      size_t bottom = u->top + (size_t) text_height (u);
      if (bottom > n)
        bottom = n;
      buf_printf (&b, _(", line %zu/%zu (%zu%%)"), u->top + 1, n,
                  bottom * 100 / n);
    }
  return buf_steal (&b);
}
