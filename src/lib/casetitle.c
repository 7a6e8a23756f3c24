/* casetitle.c -- find the procuratorate's name at the start of a case's
   title, so that a list with a region column can leave it out.  The
   titles of typical cases start with who acted: "江苏省张家港市人民检察院
   深化…", "The People's Procuratorate of Zhangjiagang City, Jiangsu
   Province deepens…", "Guangxi procuratorial organs comprehensively
   deepen…".  A name is left out only when it ends in a procuratorate
   word and contains the region, so that a title such as
   "最高检发布第三批全国检察机关…" (region 全国) stays whole.  */

#include <config.h>
#include "casetitle.h"

#include <string.h>
#include <strings.h>

/* The first occurrence of NEEDLE in [S, S+LEN), or NULL.  */
static const char *
find (const char *s, size_t len, const char *needle)
{
  size_t n = strlen (needle);
  for (size_t i = 0; i + n <= len; i++)
    if (memcmp (s + i, needle, n) == 0)
      return s + i;
  return NULL;
}

/* The first occurrence of NEEDLE in [S, S+LEN), any case, or NULL.  */
static const char *
find_nocase (const char *s, size_t len, const char *needle)
{
  size_t n = strlen (needle);
  for (size_t i = 0; i + n <= len; i++)
    if (strncasecmp (s + i, needle, n) == 0)
      return s + i;
  return NULL;
}

static size_t
skip_zh (const char *t, size_t len, const char *region, size_t rlen)
{
  static const char *const words[] = { "人民检察院", "检察院", "检察机关" };
  /* The region's first two characters (6 bytes of CJK) start the name.  */
  if (rlen < 6 || len < 6 || memcmp (t, region, 6) != 0)
    return 0;
  /* The name is short: look in its first 20 characters.  */
  size_t lim = len < 60 ? len : 60;
  const char *best = NULL;
  size_t blen = 0;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    {
      const char *p = find (t, lim, words[i]);
      if (p && (best == NULL || p < best
                || (p == best && strlen (words[i]) > blen)))
        {
          best = p;
          blen = strlen (words[i]);
        }
    }
  if (best == NULL)
    return 0;
  size_t off = (size_t) (best - t) + blen;
  /* Spaces and a comma after the name go with it.  */
  for (;;)
    {
      if (off < len && t[off] == ' ')
        off++;
      else if (off + 3 <= len && memcmp (t + off, "，", 3) == 0)
        off += 3;
      else
        break;
    }
  return off < len ? off : 0;
}

static int
is_upper (char c)
{
  return c >= 'A' && c <= 'Z';
}

static size_t
skip_en (const char *t, size_t len, const char *region, size_t rlen)
{
  static const char *const words[] = { "Procuratorate", "procuratorial organs" };
  size_t lim = len < 120 ? len : 120;
  const char *best = NULL;
  size_t blen = 0;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    {
      const char *p = find_nocase (t, lim, words[i]);
      if (p && (best == NULL || p < best))
        {
          best = p;
          blen = strlen (words[i]);
        }
    }
  if (best == NULL)
    return 0;
  size_t off = (size_t) (best - t) + blen;
  /* "... of Zhangjiagang City, Jiangsu Province": capitalised words,
     with commas, belong to the name.  */
  if (off + 4 <= len && memcmp (t + off, " of ", 4) == 0)
    {
      size_t o = off + 4;
      size_t end = off;
      while (o < len && is_upper (t[o]))
        {
          while (o < len && t[o] != ' ')
            o++;
          end = o;
          if (o < len && t[o] == ' ')
            o++;
        }
      if (end > off + 4)
        off = end;
    }
  /* The region's first word must be in the name.  */
  size_t rw = 0;
  while (rw < rlen && region[rw] != ' ' && region[rw] != ',')
    rw++;
  if (rw == 0)
    return 0;
  char word[64];
  if (rw >= sizeof word)
    return 0;
  memcpy (word, region, rw);
  word[rw] = '\0';
  if (find_nocase (t, off, word) == NULL)
    return 0;
  while (off < len && (t[off] == ',' || t[off] == ' '))
    off++;
  return off < len ? off : 0;
}

size_t
casetitle_skip (const char *title, size_t len, enum lang l,
                const char *region, size_t rlen)
{
  if (title == NULL || region == NULL || rlen == 0)
    return 0;
  return l == LANG_ZH ? skip_zh (title, len, region, rlen)
                      : skip_en (title, len, region, rlen);
}
