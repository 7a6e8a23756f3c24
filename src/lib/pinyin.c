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

/* The reading of N bytes at R as a fuzzy pinyin input method takes it
   (模糊音): zh, ch and sh as z, c and s, and a final ng as n, into OUT
   (at least N + 1 bytes).  */
static void
fuzzy_reading (const char *r, size_t n, char *out)
{
  size_t o = 0;
  for (size_t i = 0; i < n; i++)
    {
      if (i == 1 && r[1] == 'h' && (r[0] == 'z' || r[0] == 'c' || r[0] == 's'))
        continue;
      out[o++] = r[i];
    }
  if (o >= 3 && out[o - 1] == 'g' && out[o - 2] == 'n')
    o--;
  out[o] = '\0';
}

int
pinyin_near (ucs4_t a, ucs4_t b)
{
  const char *ra = pinyin_readings (a), *rb = pinyin_readings (b);
  for (const char *p = ra; *p;)
    {
      size_t k = strcspn (p, " ");
      char fa[16];
      if (k < sizeof fa)
        {
          fuzzy_reading (p, k, fa);
          for (const char *q = rb; *q;)
            {
              size_t m = strcspn (q, " ");
              char fb[16];
              if (m < sizeof fb)
                {
                  fuzzy_reading (q, m, fb);
                  if (strcmp (fa, fb) == 0)
                    return 1;
                }
              q += m;
              q += *q == ' ';
            }
        }
      p += k;
      p += *p == ' ';
    }
  return 0;
}
