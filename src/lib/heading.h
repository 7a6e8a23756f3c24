/* heading.h -- the heading levels of typical-case texts: section titles
   in 【】, numbered headings 一、 I. 1., and sub-headings （一） (1).
   Curses-free, for the browser's ] [ and outline and the CLI.  */

#ifndef CASEBOOK_HEADING_H
#define CASEBOOK_HEADING_H

#include <stddef.h>

/* The heading level that the start of S (LEN bytes of UTF-8) marks: 1
   for a title in 【】, 2 for 一、 I. 1. , 3 for （一） (一) (1) （1）; 0
   when S does not start like a heading.  */
int heading_level (const char *s, size_t len);

#endif /* CASEBOOK_HEADING_H */
