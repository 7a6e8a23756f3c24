/* render.h -- a document as display lines for a view (Chinese, English,
   interleaved, side by side) at a width.  `casebook show` prints these
   lines and the TUI draws them; both highlight search hits through the
   source positions each line keeps.  No curses here.  */

#ifndef CASEBOOK_RENDER_H
#define CASEBOOK_RENDER_H

#include <stddef.h>

#include "model.h"
#include "search.h"

enum view { VIEW_ZH, VIEW_EN, VIEW_SIDE_BY_SIDE, VIEW_INTERLEAVED, VIEW_COUNT };

enum rstyle
{
  RSTYLE_BLANK, RSTYLE_TITLE, RSTYLE_META, RSTYLE_SECTION, RSTYLE_HEADING,
  RSTYLE_BODY, RSTYLE_KEYWORDS
};

/* One column of a display line: the cell starts at column COL with a
   2-column gutter (when the options ask for one: the translation mark),
   then INDENT columns of space, then bytes S[0..LEN) of visible text, drawn
   from text
   part PART/SECTION/BLOCK in LANG.  SRC_OFF[i] is the original byte
   offset of S[i] (SRC_OFF[LEN] the end), for mapping hits; when SRC_OFF
   is NULL, S is the original text itself and S[i] is its byte
   SRC_START + i.  */
struct rcell
{
  const char *s;
  size_t len;
  int col;
  int indent;
  int present;
  int translated;
  enum lang lang;
  enum hit_part part;
  size_t section;
  size_t block;
  const size_t *src_off;
  size_t src_start;
};

struct rline
{
  enum rstyle style;
  struct rcell cell[2];         /* cell[1] only in side-by-side view */
  size_t unit;                  /* index of the bitext unit, for keeping a
                                   reading position across re-layouts */
  size_t section;               /* the section this line belongs to */
};

struct render_options
{
  enum view view;
  int width;
  int gutter;                   /* reserve 2 columns for the translation mark */
  int safe_widths;              /* escape characters curses measures otherwise */
  int raw;                      /* keep control characters (CLI --raw) */
  const char *script;           /* OpenCC configuration to show Chinese in
                                   traditional script ("s2tw.json"), or NULL */
  /* When EMIT is set, each line goes to EMIT (with EMIT_ARG) as soon as
     its paragraph is laid out, and the render keeps neither lines nor
     texts: memory in proportion to one paragraph, not the document.  */
  void (*emit) (const struct rline *line, void *emit_arg);
  void *emit_arg;
  int no_offsets;               /* no offset maps: for output that never
                                   maps hits (show) */
  int revised;                  /* English: the project's revision where
                                   there is one, not the release's text */
};

struct render
{
  struct rline *lines;
  size_t nlines;
  size_t alloc;
  size_t nunits;
  struct visible *strings;      /* owned visible texts */
  size_t nstrings;
  size_t strings_alloc;
  size_t nemitted;              /* lines passed to render_options.emit */
  enum rstyle last_style;       /* of the last line emitted */
};

/* Lay out DOC.  Free with render_free().  */
void render_document (const struct document *doc,
                      const struct render_options *opt, struct render *r);
void render_free (struct render *r);

/* Would render_document with O mark any line as the project's
   translation?  (Without laying anything out.)  */
int render_any_translated (const struct document *doc,
                           const struct render_options *o);

/* The first line of unit UNIT, or 0.  */
size_t render_line_of_unit (const struct render *r, size_t unit);

/* Does hit H fall on cell C?  Gives the byte range in C->s.  */
int render_hit_in_cell (const struct rcell *c, const struct hit *h,
                        size_t *from, size_t *to);

#endif /* CASEBOOK_RENDER_H */
