/* pinyin.c -- the readings of ideographs (pinyin.h), from the table
   that mkpinyin.awk makes of the Unihan database at build time.  */

#include <config.h>

#include "pinyin.h"

#include <string.h>

#include "util.h"

#include "pinyin_table.h"

const char *
pinyin_readings (ucs4_t uc)
{
  if (uc < PINYIN_FIRST || uc > PINYIN_LAST)
    return "";
  return pinyin_sets[pinyin_set_of[uc - PINYIN_FIRST]];
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

/* Are the readings of N bytes at P and M bytes at Q the same, or with
   FUZZY the same as a fuzzy input method takes them?  */
static int
same_reading (const char *p, size_t n, const char *q, size_t m, int fuzzy)
{
  if (!fuzzy)
    return n == m && memcmp (p, q, n) == 0;
  char fp[16], fq[16];
  if (n >= sizeof fp || m >= sizeof fq)
    return 0;
  fuzzy_reading (p, n, fp);
  fuzzy_reading (q, m, fq);
  return strcmp (fp, fq) == 0;
}

/* Do the readings RA and RB (as pinyin_readings gives them) share one
   (same_reading)?  */
static int
share_readings (const char *ra, const char *rb, int fuzzy)
{
  for (const char *p = ra; *p;)
    {
      size_t n = strcspn (p, " ");
      for (const char *q = rb; *q;)
        {
          size_t m = strcspn (q, " ");
          if (same_reading (p, n, q, m, fuzzy))
            return 1;
          q += m;
          q += *q == ' ';
        }
      p += n;
      p += *p == ' ';
    }
  return 0;
}

int
pinyin_homophones (ucs4_t a, ucs4_t b)
{
  return share_readings (pinyin_readings (a), pinyin_readings (b), 0);
}

int
pinyin_near (ucs4_t a, ucs4_t b)
{
  return share_readings (pinyin_readings (a), pinyin_readings (b), 1);
}

ucs4_t *
pinyin_near_all (ucs4_t uc, size_t *n)
{
  *n = 0;
  const char *mine = pinyin_readings (uc);
  if (*mine == '\0')
    return NULL;
  /* Characters share their set of readings, and there are far fewer
     sets than characters: each set is compared once.  */
  enum { NSETS = sizeof pinyin_sets / sizeof *pinyin_sets };
  unsigned char near[NSETS];
  near[0] = 0;
  for (size_t s = 1; s < NSETS; s++)
    near[s] = (unsigned char) share_readings (mine, pinyin_sets[s], 1);
  size_t count = 0;
  for (ucs4_t c = PINYIN_FIRST; c <= PINYIN_LAST; c++)
    count += near[pinyin_set_of[c - PINYIN_FIRST]];
  ucs4_t *all = xcalloc (count, sizeof *all);
  for (ucs4_t c = PINYIN_FIRST; c <= PINYIN_LAST; c++)
    if (near[pinyin_set_of[c - PINYIN_FIRST]])
      all[(*n)++] = c;
  return all;
}

int
pinyin_has_reading (const char *readings, const char *r, size_t n)
{
  for (const char *p = readings; *p;)
    {
      size_t k = strcspn (p, " ");
      if (k == n && memcmp (p, r, n) == 0)
        return 1;
      p += k;
      p += *p == ' ';
    }
  return 0;
}

int
pinyin_is_syllable (const char *r, size_t n)
{
  /* A syllable has a vowel: the table reads 嗯 n and 呣 m.  */
  if (n == 0 || n > 6 || strcspn (r, "aeiouv") >= n)
    return 0;
  for (size_t s = 1; s < sizeof pinyin_sets / sizeof *pinyin_sets; s++)
    if (pinyin_has_reading (pinyin_sets[s], r, n))
      return 1;
  return 0;
}
