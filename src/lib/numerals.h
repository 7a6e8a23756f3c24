/* numerals.h -- numbers written in Chinese words (二百零八, 三十五点四,
   百分之十九, 二〇二一) read as the digits the release writes them in
   (208, 35.4, 19%, 2021), so that a query typed either way finds the
   text.  Only what is a number beyond doubt is read: a run of two or
   more numerals that is a well-formed number (one with a unit such as
   十 or 百, or four or more digits, or digits with 〇 or 零 among them:
   not 一一 or 五四), with its fraction after 点; a number after 百分之;
   one numeral before 月 (七月, 2021年七月, not the 一 of 统一月) or
   between 月 and 日 or 号 (七月十四日 is 7月14日).  The number must be
   followed by a measure word (名, 件, 册, 年, 公里), or by no ideograph
   at all: 十九大, a name, and 十几, a guess, stay as they are.  So do a
   numeral alone (统一, 第三, 百姓), 一百五 (150 to some readers),
   一百零 and 一点一滴.  */

#ifndef CASEBOOK_NUMERALS_H
#define CASEBOOK_NUMERALS_H

#include <stddef.h>

/* One number read: the text as typed and the digits it stands for.  */
struct numeral
{
  char *words;                  /* "百分之三十五点四" */
  char *digits;                 /* "35.4%" */
  char *number;                 /* "35.4": the digits without the % */
};

/* S (NUL-terminated, folded UTF-8) with each number in Chinese words
   replaced by its digits, or NULL when it has none.  When not NULL,
   the numbers read are stored in *V (N of them; free with
   numerals_free).  V may be NULL.  Caller frees the string.  */
char *numerals_to_digits (const char *s, struct numeral **v, size_t *n);

void numerals_free (struct numeral *v, size_t n);

/* S (NUL-terminated, folded UTF-8) with each whole number in digits
   from 1 to 999 that stands against an ideograph (第15条, 19大, 3级)
   written in Chinese numerals as the texts write such numbers
   (第十五条, 十九大, 三级), or NULL when it has none.  With TWO, a lone
   2 counting what follows is 两 (两级, 2个 as 两个), as it is said;
   otherwise 二.  Numbers in or against other digits, letters, a point
   or a comma are left alone.  Caller frees.  */
char *numerals_to_words (const char *s, int two);

#endif
