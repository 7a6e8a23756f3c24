/* render.c -- documents to display lines (see render.h).  */

#include <config.h>
#include "render.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "i18n.h"
#include "layout.h"
#include "norm.h"
#include "util.h"

/* Columns of first-line indent for body paragraphs: two ideographic
   spaces' worth in Chinese, as Chinese typesetting does; two in English.  */
static int
para_indent (enum lang l)
{
  return l == LANG_ZH ? 4 : 2;
}

static struct rline *
new_line (struct render *r, enum rstyle style, size_t section)
{
  r->lines = xgrow (r->lines, &r->alloc, r->nlines + 1, sizeof *r->lines);
  struct rline *ln = &r->lines[r->nlines++];
  memset (ln, 0, sizeof *ln);
  ln->style = style;
  ln->unit = r->nunits;
  ln->section = section;
  return ln;
}

/* The visible form of T for the render: T's own bytes when they need no
   change (most text: no copy, and SRC_OFF NULL for "byte i is byte i"),
   filled into *BORROWED; else a visible text the render keeps.  */
static struct visible *
keep_visible (struct render *r, const struct text *t, enum lang l,
              const struct render_options *o, struct visible *borrowed)
{
  if (!(o->script && l == LANG_ZH)
      && (o->raw || !norm_needs_visible (t->str, t->len, o->safe_widths)))
    {
      borrowed->str = t->str;
      borrowed->len = t->len;
      borrowed->src_off = NULL;
      return borrowed;
    }
  r->strings = xgrow (r->strings, &r->strings_alloc, r->nstrings + 1,
                      sizeof *r->strings);
  struct visible *v = &r->strings[r->nstrings++];
  size_t *map = NULL;
  /* Chinese in traditional script, with the map from its bytes back
     to T's.  */
  char *conv = o->script && l == LANG_ZH
    ? norm_to_traditional_mapped (t->str, t->len, o->script, &map, NULL)
    : NULL;
  if (conv)
    {
      /* Lay out the converted text; hits, found in the original, map
         through MAP.  */
      struct text ct = *t;
      ct.str = conv;
      ct.len = strlen (conv);
      if (o->raw)
        {
          v->str = conv;
          v->len = ct.len;
          v->src_off = map;
          return v;
        }
      norm_visible (ct.str, ct.len, o->safe_widths, v);
      for (size_t i = 0; i <= v->len; i++)
        v->src_off[i] = map[v->src_off[i]];
      free (map);
      free (conv);
      return v;
    }
  if (o->raw)
    {
      v->str = xstrndup (t->str, t->len);
      v->len = t->len;
      v->src_off = NULL;
      if (!o->no_offsets)
        {
          v->src_off = xmalloc ((t->len + 1) * sizeof *v->src_off);
          for (size_t i = 0; i <= t->len; i++)
            v->src_off[i] = i;
        }
    }
  else if (o->no_offsets)
    norm_visible_text (t->str, t->len, o->safe_widths, v);
  else
    norm_visible (t->str, t->len, o->safe_widths, v);
  return v;
}

struct unit_ref
{
  enum hit_part part;
  size_t section;
  size_t block;
};

/* One side of a unit laid out: its visible text and where each line of
   it lies.  The cells are made one at a time (side_cell), as the lines
   they go into are, so that a long paragraph is not held twice.  */
struct side
{
  /* The visible text and its map to the source's bytes (NULL: byte i is
     byte i), owned by the render or the document: not a pointer to the
     render's list of texts, which moves as it grows.  */
  const char *str;
  const size_t *src_off;
  struct layout_line *ll;       /* N lines */
  size_t n;
  int indent;
  int translated;
  enum lang lang;
  const struct unit_ref *ref;
};

/* Lay out T (in language L) at WIDTH with a first-line INDENT.  Free
   with side_free.  */
static void
side_wrap (struct render *r, const struct text *t, enum lang l,
           const struct unit_ref *ref, int indent, int width,
           const struct render_options *o, struct side *sd)
{
  struct visible own;
  const struct visible *v = keep_visible (r, t, l, o, &own);
  sd->str = v->str;
  sd->src_off = v->src_off;
  int gutter = o->gutter ? 2 : 0;
  int avail = width - gutter;
  if (avail < 1)
    avail = 1;
  /* A first-line indent that leaves no room for a Chinese character
     would push it past the column.  */
  if (avail - indent < 2)
    indent = 0;
  sd->n = layout_wrap (v->str, v->len, avail - indent, avail, &sd->ll);
  sd->indent = indent;
  sd->translated = text_is_project (t);
  sd->lang = l;
  sd->ref = ref;
}

/* Fill C with line I of SD (C's column is left as it is).  */
static void
side_cell (const struct side *sd, size_t i, struct rcell *c)
{
  const struct layout_line *ll = &sd->ll[i];
  c->s = sd->str + ll->off;
  c->len = ll->len;
  c->indent = i == 0 ? sd->indent : 0;
  c->present = 1;
  c->translated = sd->translated;
  c->lang = sd->lang;
  c->part = sd->ref->part;
  c->section = sd->ref->section;
  c->block = sd->ref->block;
  c->src_off = sd->src_off ? sd->src_off + ll->off : NULL;
  c->src_start = ll->off;
}

static void
side_free (struct side *sd)
{
  free (sd->ll);
  sd->ll = NULL;
  sd->n = 0;
}

/* With a line callback, hand over the lines laid out so far (their texts
   stay: a unit's later lines may still point into them).  */
static void
emit_lines (struct render *r, const struct render_options *o)
{
  if (o->emit == NULL || r->nlines == 0)
    return;
  for (size_t i = 0; i < r->nlines; i++)
    o->emit (&r->lines[i], o->emit_arg);
  r->last_style = r->lines[r->nlines - 1].style;
  r->nemitted += r->nlines;
  r->nlines = 0;
}

/* Lines a render with a callback holds before handing them over in the
   middle of a unit: a paragraph of megabytes is printed as it is laid
   out, in little memory, rather than held whole.  */
enum { EMIT_BATCH = 512 };

/* A new line of STYLE, first handing over a full batch when there is a
   callback.  */
static struct rline *
next_line (struct render *r, enum rstyle style, size_t section,
           const struct render_options *o)
{
  if (r->nlines >= EMIT_BATCH)
    emit_lines (r, o);
  return new_line (r, style, section);
}

/* With a line callback, hand over the lines laid out so far and free
   them and their texts.  */
static void
flush (struct render *r, const struct render_options *o)
{
  if (o->emit == NULL)
    return;
  emit_lines (r, o);
  for (size_t i = 0; i < r->nstrings; i++)
    norm_visible_free (&r->strings[i]);
  r->nstrings = 0;
}

static void
emit_unit (struct render *r, const struct bitext *bt, enum rstyle style,
           const struct unit_ref *ref, const struct render_options *o)
{
  int width = o->width < 10 ? 10 : o->width;  /* as --width: narrower is no text */
  int both = o->view == VIEW_SIDE_BY_SIDE || o->view == VIEW_INTERLEAVED;
  enum lang want = o->view == VIEW_EN ? LANG_EN : LANG_ZH;
  /* Side by side needs room for a Chinese character (two columns) in
     each column beside its mark: narrower, the languages are stacked
     (as in the interleaved view) rather than drawn past the width.  */
  if (o->view == VIEW_SIDE_BY_SIDE
      && (width - 3) / 2 - (o->gutter ? 2 : 0) >= 2)
    {
      int colw = (width - 3) / 2;
      if (colw < 2)
        colw = 2;
      struct side zh = { 0 }, en = { 0 };
      const struct text *tz = bitext_get (bt, LANG_ZH);
      const struct text *te = bitext_view (bt, LANG_EN, o->revised);
      if (tz)
        side_wrap (r, tz, LANG_ZH, ref, style == RSTYLE_BODY
                   ? para_indent (LANG_ZH) : 0, colw, o, &zh);
      if (te)
        side_wrap (r, te, LANG_EN, ref, style == RSTYLE_BODY
                   ? para_indent (LANG_EN) : 0, colw, o, &en);
      size_t n = zh.n > en.n ? zh.n : en.n;
      for (size_t i = 0; i < n; i++)
        {
          struct rline *ln = next_line (r, style, ref->section, o);
          if (i < zh.n)
            side_cell (&zh, i, &ln->cell[0]);
          if (i < en.n)
            side_cell (&en, i, &ln->cell[1]);
          ln->cell[1].col = colw + 3;
        }
      side_free (&zh);
      side_free (&en);
      r->nunits++;
      flush (r, o);
      return;
    }
  for (int k = 0; k < (both ? 2 : 1); k++)
    {
      enum lang l = both ? (enum lang) k : want;
      const struct text *t = bitext_view (bt, l, o->revised);
      if (t == NULL)
        {
          if (both)
            continue;
          l = lang_other (l);   /* pending translation: show what there is */
          t = bitext_view (bt, l, o->revised);
          if (t == NULL)
            continue;
        }
      struct side sd = { 0 };
      side_wrap (r, t, l, ref, style == RSTYLE_BODY ? para_indent (l) : 0,
                 width, o, &sd);
      for (size_t i = 0; i < sd.n; i++)
        side_cell (&sd, i, &next_line (r, style, ref->section, o)->cell[0]);
      side_free (&sd);
    }
  r->nunits++;
  flush (r, o);
}

static void
blank (struct render *r, size_t section)
{
  enum rstyle last = r->nlines ? r->lines[r->nlines - 1].style : r->last_style;
  if (r->nlines + r->nemitted > 0 && last != RSTYLE_BLANK)
    new_line (r, RSTYLE_BLANK, section)->unit = r->nunits ? r->nunits - 1 : 0;
}

/* Would emit_unit mark a line of BT as translated?  */
static int
unit_translated (const struct bitext *bt, const struct render_options *o)
{
  /* As shown: the revision where the reader chose it.  */
  int both = o->view == VIEW_SIDE_BY_SIDE || o->view == VIEW_INTERLEAVED;
  if (both)
    {
      for (int l = 0; l < LANG_COUNT; l++)
        {
          const struct text *t = bitext_view (bt, (enum lang) l, o->revised);
          if (t && text_is_project (t))
            return 1;
        }
      return 0;
    }
  enum lang want = o->view == VIEW_EN ? LANG_EN : LANG_ZH;
  const struct text *t = bitext_view (bt, want, o->revised);
  if (t == NULL)
    t = bitext_view (bt, lang_other (want), o->revised);
  return t && text_is_project (t);
}

int
render_any_translated (const struct document *doc,
                       const struct render_options *o)
{
  /* The meta line is never marked.  */
  if (unit_translated (&doc->title, o))
    return 1;
  for (size_t s = 0; s < doc->nsections; s++)
    {
      const struct section *sec = &doc->sections[s];
      if (unit_translated (&sec->title, o))
        return 1;
      for (size_t b = 0; b < sec->nblocks; b++)
        if (unit_translated (&sec->blocks[b].text, o))
          return 1;
    }
  return 0;
}

void
render_document (const struct document *doc, const struct render_options *o,
                 struct render *r)
{
  memset (r, 0, sizeof *r);
  /* A document with no text at all in a language the view shows (an
     imported release is often Chinese only) says so where that text
     would stand.  The notice is no unit, so positions kept across views
     do not move.  */
  for (int l = 0; l < LANG_COUNT; l++)
    {
      int shown = o->view == VIEW_SIDE_BY_SIDE || o->view == VIEW_INTERLEAVED
        || (o->view == VIEW_ZH && l == LANG_ZH)
        || (o->view == VIEW_EN && l == LANG_EN);
      if (!shown || document_has_lang (doc, (enum lang) l)
          || !document_has_lang (doc, lang_other ((enum lang) l)))
        continue;
      const char *msg = l == LANG_EN ? _("no English text in this release")
        : _("no Chinese text in this release");
      struct bitext note = { 0 };
      note.side[l].str = (char *) msg;
      note.side[l].len = strlen (msg);
      note.side[l].origin = ORIGIN_RELEASE;
      struct unit_ref note_ref = { .part = (enum hit_part) -1 };
      emit_unit (r, &note, RSTYLE_META, &note_ref, o);
      r->nunits--;
    }
  struct unit_ref ref = { .part = PART_TITLE };
  emit_unit (r, &doc->title, RSTYLE_TITLE, &ref, o);
  /* The meta line (procuratorate, region) is not searchable text: give it
     a part that no hit has.  */
  struct bitext meta = { 0 };
  for (int l = 0; l < LANG_COUNT; l++)
    {
      const struct text *p = bitext_view (&doc->procuratorate, l, o->revised);
      if (p)
        {
          meta.side[l].str = p->str;
          meta.side[l].len = p->len;
          meta.side[l].origin = p->origin;  /* the project's is marked */
        }
    }
  struct unit_ref meta_ref = { .part = (enum hit_part) -1 };
  if (meta.side[0].str || meta.side[1].str)
    emit_unit (r, &meta, RSTYLE_META, &meta_ref, o);
  for (size_t s = 0; s < doc->nsections; s++)
    {
      const struct section *sec = &doc->sections[s];
      blank (r, s);
      if (bitext_get (&sec->title, LANG_ZH) || bitext_get (&sec->title, LANG_EN))
        {
          struct unit_ref sref = { .part = PART_SECTION, .section = s };
          emit_unit (r, &sec->title, RSTYLE_SECTION, &sref, o);
          blank (r, s);
        }
      for (size_t b = 0; b < sec->nblocks; b++)
        {
          const struct block *blk = &sec->blocks[b];
          struct unit_ref bref = { .part = PART_BLOCK, .section = s, .block = b };
          enum rstyle st = blk->kind == BLOCK_HEADING ? RSTYLE_HEADING
            : blk->kind == BLOCK_KEYWORDS ? RSTYLE_KEYWORDS : RSTYLE_BODY;
          if (b > 0)
            blank (r, s);
          emit_unit (r, &blk->text, st, &bref, o);
        }
    }
  flush (r, o);
}

void
render_free (struct render *r)
{
  for (size_t i = 0; i < r->nstrings; i++)
    norm_visible_free (&r->strings[i]);
  free (r->strings);
  free (r->lines);
  memset (r, 0, sizeof *r);
}

size_t
render_line_of_unit (const struct render *r, size_t unit)
{
  for (size_t i = 0; i < r->nlines; i++)
    if (r->lines[i].unit >= unit && r->lines[i].style != RSTYLE_BLANK)
      return i;
  return 0;
}

int
render_hit_in_cell (const struct rcell *c, const struct hit *h, size_t *from,
                    size_t *to)
{
  if (!c->present || c->part != h->part || c->lang != h->lang)
    return 0;
  if (h->part != PART_TITLE && c->section != h->section)
    return 0;
  if (h->part == PART_BLOCK && c->block != h->block)
    return 0;
  size_t cs = c->src_off ? c->src_off[0] : c->src_start;
  size_t ce = c->src_off ? c->src_off[c->len] : c->src_start + c->len;
  if (h->end <= cs || h->start >= ce)
    return 0;
  size_t f = 0, t = c->len;
  if (c->src_off == NULL)
    {
      /* The text as it is: byte i of S is byte SRC_START + i.  */
      f = h->start > cs ? h->start - cs : 0;
      t = h->end < ce ? h->end - cs : c->len;
    }
  while (f < c->len && c->src_off && c->src_off[f] < h->start)
    f++;
  while (t > f && c->src_off && c->src_off[t - 1] >= h->end)
    t--;
  if (t <= f)
    return 0;
  *from = f;
  *to = t;
  return 1;
}
