/* heading.c -- recognise the numbering that starts a heading in the
   releases' texts, in both languages: 【…】, 一、, （一）, I., (1).  A
   paragraph that starts this way is a heading even where the content
   file gives it as a paragraph.  */

#include <config.h>
#include "heading.h"

#include <string.h>

static const char *const cjk_digits[] = {
  "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零"
};

/* Skip Chinese numerals at S; returns the bytes skipped.  */
static size_t
skip_cjk_number (const char *s, size_t len)
{
  size_t off = 0;
  for (;;)
    {
      size_t i;
      for (i = 0; i < sizeof cjk_digits / sizeof *cjk_digits; i++)
        if (off + 3 <= len && memcmp (s + off, cjk_digits[i], 3) == 0)
          break;
      if (i == sizeof cjk_digits / sizeof *cjk_digits)
        return off;
      off += 3;
    }
}

static size_t
skip_digits (const char *s, size_t len)
{
  size_t off = 0;
  while (off < len && off < 3 && s[off] >= '0' && s[off] <= '9')
    off++;
  return off;
}

static size_t
skip_roman (const char *s, size_t len)
{
  size_t off = 0;
  while (off < len && off < 6 && strchr ("IVXL", s[off]) && s[off])
    off++;
  return off;
}

static int
starts (const char *s, size_t len, const char *prefix)
{
  size_t n = strlen (prefix);
  return len >= n && memcmp (s, prefix, n) == 0;
}

int
heading_level (const char *s, size_t len)
{
  if (starts (s, len, "【"))
    return 1;
  size_t n = skip_cjk_number (s, len);
  if (n > 0 && starts (s + n, len - n, "、"))
    return 2;
  n = skip_digits (s, len);
  if (n > 0 && (starts (s + n, len - n, "、") || starts (s + n, len - n, "．")
                || starts (s + n, len - n, ". ")))
    return 2;
  n = skip_roman (s, len);
  if (n > 0 && starts (s + n, len - n, ". "))
    return 2;
  const char *open[] = { "（", "(" };
  const char *close[] = { "）", ")" };
  for (size_t o = 0; o < 2; o++)
    if (starts (s, len, open[o]))
      {
        size_t off = strlen (open[o]);
        size_t m = skip_cjk_number (s + off, len - off);
        if (m == 0)
          m = skip_digits (s + off, len - off);
        if (m == 0)
          continue;
        off += m;
        for (size_t c = 0; c < 2; c++)
          if (starts (s + off, len - off, close[c]))
            return 3;
      }
  return 0;
}
