/* layout.h -- breaking text into display lines at a width, with the
   line-breaking rules of Unicode (UAX #14) as libunistring implements
   them, made to work for Chinese quotations and over-long words.  */

#ifndef CASEBOOK_LAYOUT_H
#define CASEBOOK_LAYOUT_H

#include <stddef.h>

/* One display line: bytes [OFF, OFF+LEN) of the wrapped text, WIDTH
   columns wide (trailing spaces excluded).  */
struct layout_line
{
  size_t off;
  size_t len;
  int width;
};

/* Wrap S (LEN bytes of valid UTF-8 without control characters; make them
   visible first) to lines of at most WIDTH columns.  The first line has
   FIRST_WIDTH columns available (for an indent or a label).  Returns the
   number of lines (at least 1); caller frees *LINES.  */
size_t layout_wrap (const char *s, size_t len, int first_width, int width,
                    struct layout_line **lines);

/* The same, but text of letters, digits and signs breaks only at a
   space (a hyphen, a colon or a slash keeps its word whole: key names
   such as Shift-Tab, tokens such as tag:KEYWORD); wide (Chinese) text
   still breaks between its characters, and at its punctuation before
   or after narrow text, but not between an ideograph and a narrow
   sign (tag:关键词).  A word wider than the line is broken as
   layout_wrap breaks it.  Caller frees *LINES.  */
size_t layout_wrap_words (const char *s, size_t len, int first_width,
                          int width, struct layout_line **lines);

/* Pad or cut S so that it takes exactly WIDTH columns; a cut ends at a
   character boundary (a wide character that does not fit becomes a
   space).  Caller frees.  */
char *layout_fit (const char *s, size_t len, int width);

#endif /* CASEBOOK_LAYOUT_H */
