/* layout.c -- line breaking for paragraphs of Chinese and English.

   u8_possible_linebreaks gives the break opportunities; two corrections
   follow the notes in TECH-NOTES: a break is allowed before “ that follows
   a letter or ideograph and after ” before one (UAX #14 in libunistring
   1.0 forbids both, so quoted Chinese could not wrap), and a word wider
   than the line is broken at a character boundary instead of overflowing.
   Filling is greedy and counts columns with norm_char_width, the same
   function the screen uses.  layout_wrap_words keeps fewer breaks: in
   narrow text only those at spaces, for text whose tokens must stay
   whole (the browser's help: Shift-Tab, tag:KEYWORD).  */

#include <config.h>
#include "layout.h"

#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>
#include <unistr.h>

#include "norm.h"
#include "util.h"

/* A letter or an ideograph: not punctuation, which has its own rules.  */
static int
is_letter (ucs4_t uc)
{
  return (uc >= 0x3400 && uc <= 0x9fff) || (uc >= 0xf900 && uc <= 0xfaff)
    || (uc >= 0x20000 && uc <= 0x3ffff) || norm_is_word (uc);
}

/* Is UC a narrow character that is not a space: part of a word of
   letters, digits and signs, which breaks only at a space in
   layout_wrap_words?  */
static int
is_narrow_sign (ucs4_t uc)
{
  return uc != ' ' && norm_char_width (uc) == 1;
}

/* Is UC wide punctuation (、 ； 】), not an ideograph?  */
static int
is_wide_punct (ucs4_t uc)
{
  return norm_char_width (uc) == 2 && !is_letter (uc);
}

/* Break S into lines (see layout_wrap); with WORDS, only at spaces
   between narrow text (layout_wrap_words).  */
static size_t
wrap (const char *s, size_t len, int first_width, int width, int words,
      struct layout_line **lines)
{
  struct layout_line *out = NULL;
  size_t nout = 0, alloc = 0;
  if (width < 1)
    width = 1;
  if (first_width < 1)
    first_width = 1;
  char *brk = xmalloc (len + 1);
  u8_possible_linebreaks ((const uint8_t *) s, len, "UTF-8", brk);

  /* Allow breaks around Chinese quotation marks.  */
  const uint8_t *u = (const uint8_t *) s;
  ucs4_t prev = 0;
  for (size_t i = 0; i < len;)
    {
      ucs4_t uc;
      int n = u8_mbtouc (&uc, u + i, len - i);
      if (uc == 0x201c && prev && (is_letter (prev) || prev == 0x3002
                                   || prev == 0xff0c || prev == 0x3001))
        brk[i] = UC_BREAK_POSSIBLE;
      if (prev == 0x201d && is_letter (uc))
        brk[i] = UC_BREAK_POSSIBLE;
      prev = uc;
      i += (size_t) n;
    }

  /* Words: keep only the breaks after a space, those between wide
     characters, and those at a wide punctuation mark (、 ； before
     ^E or Backspace); not those between an ideograph and a narrow
     sign (tag:关键词).  */
  prev = 0;
  for (size_t i = 0; words && i < len;)
    {
      ucs4_t uc;
      int n = u8_mbtouc (&uc, u + i, len - i);
      if (brk[i] == UC_BREAK_POSSIBLE && prev != ' '
          && (is_narrow_sign (prev) || is_narrow_sign (uc))
          && !is_wide_punct (prev) && !is_wide_punct (uc))
        brk[i] = UC_BREAK_PROHIBITED;
      prev = uc;
      i += (size_t) n;
    }

  size_t line_start = 0, i = 0;
  int col = 0, avail = first_width;
  size_t last_break = 0;        /* 0: no break opportunity in this line */
  int width_at_break = 0;
  while (i < len)
    {
      ucs4_t uc;
      int n = u8_mbtouc (&uc, u + i, len - i);
      if (brk[i] == UC_BREAK_MANDATORY && i > line_start)
        {
          out = xgrow (out, &alloc, nout + 1, sizeof *out);
          out[nout++] = (struct layout_line) { line_start, i - line_start, col };
          line_start = i;
          col = 0;
          avail = width;
          last_break = 0;
        }
      if (i > line_start && brk[i] == UC_BREAK_POSSIBLE)
        {
          last_break = i;
          width_at_break = col;
        }
      int w = norm_char_width (uc);
      /* Only ASCII spaces may run past the width, because they are
         trimmed at the break; an ideographic space must fit.  */
      if (col + w > avail && uc != ' ' && i > line_start)
        {
          size_t cut = last_break ? last_break : i;
          int cut_width = last_break ? width_at_break : col;
          /* Trailing spaces do not count toward the width.  */
          size_t end = cut;
          while (end > line_start && u[end - 1] == ' ')
            end--;
          out = xgrow (out, &alloc, nout + 1, sizeof *out);
          out[nout++] = (struct layout_line) {
            line_start, end - line_start,
            cut_width - (int) (cut - end)
          };
          /* Continue after the spaces at the break.  */
          i = cut;
          while (i < len && u[i] == ' ')
            i++;
          line_start = i;
          col = 0;
          avail = width;
          last_break = 0;
          continue;
        }
      col += w;
      i += (size_t) n;
    }
  size_t end = len;
  while (end > line_start && u[end - 1] == ' ')
    {
      end--;
      col--;
    }
  if (end > line_start || nout == 0)
    {
      out = xgrow (out, &alloc, nout + 1, sizeof *out);
      out[nout++] = (struct layout_line) { line_start, end - line_start, col };
    }
  free (brk);
  *lines = out;
  return nout;
}

size_t
layout_wrap (const char *s, size_t len, int first_width, int width,
             struct layout_line **lines)
{
  return wrap (s, len, first_width, width, 0, lines);
}

size_t
layout_wrap_words (const char *s, size_t len, int first_width, int width,
                   struct layout_line **lines)
{
  return wrap (s, len, first_width, width, 1, lines);
}

char *
layout_fit (const char *s, size_t len, int width)
{
  struct buf b = { 0 };
  const uint8_t *p = (const uint8_t *) s, *e = p + len;
  int col = 0;
  while (p < e)
    {
      ucs4_t uc;
      int n = u8_mbtouc (&uc, p, (size_t) (e - p));
      int w = norm_char_width (uc);
      if (col + w > width)
        break;
      buf_add (&b, p, (size_t) n);
      col += w;
      p += n;
    }
  while (col < width)
    {
      buf_addc (&b, ' ');
      col++;
    }
  return buf_steal (&b);
}
