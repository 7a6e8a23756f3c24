/* pinyin.c -- the readings of ideographs (pinyin.h), from the table
   that mkpinyin.awk makes of the Unihan database at build time.  */

#include <config.h>

#include "pinyin.h"

#include <string.h>

#include "pinyin_table.h"

const char *
pinyin_readings (ucs4_t uc)
{
  if (uc < PINYIN_FIRST || uc > PINYIN_LAST)
    return "";
  return pinyin_sets[pinyin_set_of[uc - PINYIN_FIRST]];
}

/* Does the space-separated list LIST hold the word of N bytes at W?  */
static int
has_reading (const char *list, const char *w, size_t n)
{
  for (const char *p = list; *p;)
    {
      size_t k = strcspn (p, " ");
      if (k == n && memcmp (p, w, n) == 0)
        return 1;
      p += k;
      p += *p == ' ';
    }
  return 0;
}

int
pinyin_homophones (ucs4_t a, ucs4_t b)
{
  const char *ra = pinyin_readings (a), *rb = pinyin_readings (b);
  for (const char *p = ra; *p;)
    {
      size_t k = strcspn (p, " ");
      if (has_reading (rb, p, k))
        return 1;
      p += k;
      p += *p == ' ';
    }
  return 0;
}
