/* wrap.h -- an output line built from pieces (plain, bold, a highlighted
   hit) and printed folded at word boundaries to the terminal's width, by
   display width (a Chinese character is two columns), continuation lines
   indented under the start of the text.  list and search print through
   it; with no width (output that is not a terminal, and no --width) a
   line is printed whole, as scripts expect.  */

#ifndef CASEBOOK_WRAP_H
#define CASEBOOK_WRAP_H

#include <stddef.h>

#include "cli.h"
#include "model.h"
#include "util.h"

/* A stretch of the line drawn with an SGR sequence.  */
struct wrap_span
{
  size_t start, end;            /* byte offsets into the line */
  const char *sgr;              /* "\033[1m"... */
};

struct wrap
{
  struct buf text;              /* the line, made safe for the terminal */
  struct wrap_span *spans;
  size_t nspans, spans_alloc;
  int width;                    /* 0: no folding */
};

/* The width list and search fold at: --width, else the terminal's when
   stdout is one, else 0.  */
int wrap_width (const struct cli_options *o);

/* Start an empty line to fold at WIDTH columns (0: never).  */
void wrap_begin (struct wrap *w, int width);
/* Add S (LEN bytes, any text: made safe for the terminal here), drawn
   with SGR when it is not NULL.  */
void wrap_add (struct wrap *w, const char *s, size_t len, const char *sgr);
/* Add text S of language L as output_lang() prints it (traditional
   script when O asks for it).  */
void wrap_add_lang (struct wrap *w, const struct cli_options *o, enum lang l,
                    const char *s, size_t len, const char *sgr);
/* A text of language L as O's script shows it, converted whole (OpenCC
   converts a character by the words around it: 公里, not 公裡, where a
   hit is 里), for wrap_add_part to add parts of.  */
struct wrap_script
{
  const char *text;             /* the text as given */
  char *conv;                   /* converted, or NULL: shown as given */
  size_t *at;                   /* where each byte of TEXT is in CONV */
};
void wrap_script_begin (struct wrap_script *ws, const struct cli_options *o,
                        enum lang l, const char *text, size_t len);
/* Add bytes [FROM, TO) of WS's text (character boundaries), converted,
   drawn with SGR when it is not NULL.  */
void wrap_add_part (struct wrap *w, const struct wrap_script *ws,
                    size_t from, size_t to, const char *sgr);
void wrap_script_end (struct wrap_script *ws);
/* Columns the line holds so far.  */
int wrap_col (const struct wrap *w);
/* Print the line and a newline, folded with continuation lines indented
   by HANG columns (4 when HANG is more than half the width), and free
   it.  */
void wrap_end (struct wrap *w, int hang);

#endif /* CASEBOOK_WRAP_H */
