/* numerals.c -- numbers written in Chinese words read as digits, and
   digits against ideographs written as words.  */

#include <config.h>
#include "numerals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "util.h"

/* The digit numeral C writes (〇 and 零 0, 两 2), or -1.  */
static int
digit_of (ucs4_t c)
{
  static const ucs4_t digits[] = {
    0x3007, 0x4e00, 0x4e8c, 0x4e09, 0x56db, 0x4e94, 0x516d, 0x4e03,
    0x516b, 0x4e5d                      /* 〇一二三四五六七八九 */
  };
  for (int d = 0; d < 10; d++)
    if (c == digits[d])
      return d;
  if (c == 0x96f6)                      /* 零 */
    return 0;
  if (c == 0x4e24)                      /* 两 */
    return 2;
  return -1;
}

/* The value of the unit C (十 百 千 万 亿), or 0.  */
static long long
unit_of (ucs4_t c)
{
  switch (c)
    {
    case 0x5341: return 10;             /* 十 */
    case 0x767e: return 100;            /* 百 */
    case 0x5343: return 1000;           /* 千 */
    case 0x4e07: return 10000;          /* 万 */
    case 0x4ebf: return 100000000;      /* 亿 */
    default: return 0;
    }
}

static int
is_numeral (ucs4_t c)
{
  return digit_of (c) >= 0 || unit_of (c) > 0;
}

/* Is C an ideograph (of the unified block, where Chinese text is)?  */
static int
ideograph (ucs4_t c)
{
  return c >= 0x4e00 && c <= 0x9fff;
}

/* Can C follow a number: a measure word or a unit (名, 件, 册, 年, 月,
   公里), as 二百零八名 and 一千二百一十七册?  A number before any other
   ideograph is most often part of a name or a word (十九大, 三十而立,
   二十一世纪 aside), and is left as it is.  */
static int
measure_word (ucs4_t c)
{
  static const char words[] =
    "名人个件起次家所条项册元年月日号天倍余多宗份位户亩米吨岁周篇部批"
    "类种座台辆间本张页章节段款期轮场组支笔例分秒时点万亿千百世角斤克"
    "公平小票股层";
  return u8_strchr ((const uint8_t *) words, c) != NULL;
}

/* Can C follow a single numeral as the thing it counts (五名, 九项, 三年),
   so that the numeral is a number the texts would write in digits (5名)?
   Fewer than measure_word: after one numeral, 点, 分, 时, 天 and the like
   make words as often (十分, 三天两头).  */
static int
counted_word (ucs4_t c)
{
  static const char words[] =
    "名人个件起次家所条项册年倍位户篇部批类种座台辆本张页章节段款期轮"
    "场组笔例对大";
  return c != 0 && u8_strchr ((const uint8_t *) words, c) != NULL;
}

/* Does the Ith of the NC characters at C begin what a single numeral
   counts: a counted word, or 小时 (两小时 is the texts' 2小时; 小 alone
   follows a numeral in words, 三小)?  大 is one (五大系统, the texts'
   5大系统), after one numeral only: 十九大 is a name.  */
static int
counted_at (const ucs4_t *c, size_t i, size_t nc)
{
  return i < nc && (counted_word (c[i])
                    || (c[i] == 0x5c0f && i + 1 < nc && c[i + 1] == 0x65f6));
}

/* Numerals that are a digit written out (no 两, which counts, never
   spells a digit: 三三两两).  */
static int
plain_digit (ucs4_t c)
{
  return c != 0x4e24 && digit_of (c) >= 0;
}

#define NUMERAL_MAX 1000000000000000LL  /* beyond this, no number */

/* The value of the N numerals at C written with units (三十五,
   二百零八, 一亿两千万), or -1 when they are no well-formed number.  A
   digit right after a unit above 十 (一百五, 三千五) is left alone:
   it is 150 to some readers, 105 to none, so not read.  */
static long long
value_with_units (const ucs4_t *c, size_t n)
{
  long long big = 0, mid = 0, small = 0, last_unit = NUMERAL_MAX;
  int pending = -1;
  /* 零 ends no number (一百零 is 101 to 109 to its reader) and begins
     none written with units (零十).  */
  if (n > 0 && (digit_of (c[0]) == 0 || digit_of (c[n - 1]) == 0))
    return -1;
  long long prev_unit = 0;      /* the unit just read, or 0 */
  long long unit_before = 0;    /* the unit just before PENDING */
  for (size_t i = 0; i < n; i++)
    {
      int d = digit_of (c[i]);
      if (d >= 0)
        {
          if (pending >= 0)
            return -1;                  /* 三五百, 一五一十 */
          if (d > 0)
            pending = d;
          unit_before = prev_unit;
          prev_unit = 0;
          continue;
        }
      long long u = unit_of (c[i]);
      if (u <= 1000)
        {
          long long m = pending;
          if (m < 0)
            {
              if (u != 10 || small != 0 || prev_unit != 0)
                return -1;              /* 十 begins a number alone */
              m = 1;
            }
          if (u >= last_unit)
            return -1;                  /* 十百, 百百 */
          small += m * u;
          last_unit = u;
        }
      else
        {
          long long part = (u == 10000 ? small : mid + small)
            + (pending > 0 ? pending : 0);
          if (part == 0 || (u == 10000 ? mid : big) != 0)
            return -1;                  /* 万一, 万万 */
          if (part >= NUMERAL_MAX / u)
            return -1;
          if (u == 10000)
            mid = part * u;
          else
            {
              big = part * u;
              mid = 0;
            }
          small = 0;
          last_unit = NUMERAL_MAX;
        }
      pending = -1;
      prev_unit = u;
    }
  if (pending > 0 && unit_before > 10)
    return -1;                          /* 一百五 */
  long long v = big + mid + small + (pending > 0 ? pending : 0);
  return v > 0 && v < NUMERAL_MAX ? v : -1;
}

/* The digits of the N numerals at C into B: written with units, or
   digit by digit (二〇二一).  0 when they are no number.  */
static int
add_digits (struct buf *b, const ucs4_t *c, size_t n)
{
  int units = 0;
  for (size_t i = 0; i < n; i++)
    units |= unit_of (c[i]) > 0;
  if (units)
    {
      long long v = value_with_units (c, n);
      if (v < 0)
        return 0;
      char num[32];
      snprintf (num, sizeof num, "%lld", v);
      buf_adds (b, num);
      return 1;
    }
  /* 两 alone counts two (两起); among digits it spells none.  */
  if (n == 1 && c[0] == 0x4e24)
    {
      buf_addc (b, '2');
      return 1;
    }
  for (size_t i = 0; i < n; i++)
    if (!plain_digit (c[i]))
      return 0;
  for (size_t i = 0; i < n; i++)
    buf_addc (b, (char) ('0' + digit_of (c[i])));
  return 1;
}

/* Do the N numerals at C, with no unit among them, spell a number
   beyond doubt: four or more digits, or a zero among them (二〇, a
   year's 二〇二一)?  Two or three (一一, 五四, 一二三) are as often
   words.  */
static int
digits_beyond_doubt (const ucs4_t *c, size_t n)
{
  int zero = 0, units = 0;
  for (size_t i = 0; i < n; i++)
    {
      zero |= digit_of (c[i]) == 0;
      units |= unit_of (c[i]) > 0;
    }
  return units || n >= 4 || zero;
}

static void
add_numeral (struct numeral **v, size_t *n, size_t *alloc, const char *w,
             size_t wlen, const char *digits, int percent)
{
  *v = xgrow (*v, alloc, *n + 1, sizeof **v);
  struct numeral *m = &(*v)[(*n)++];
  m->words = xstrndup (w, wlen);
  m->digits = xstrdup (digits);
  m->number = xstrndup (digits, strlen (digits) - (percent ? 1 : 0));
}

char *
numerals_to_digits (const char *s, struct numeral **v, size_t *n)
{
  if (v)
    {
      *v = NULL;
      *n = 0;
    }
  size_t len = strlen (s), nc = 0, valloc = 0;
  /* The code points, and where each begins (OFF[NC] is LEN).  */
  ucs4_t *c = xmalloc ((len + 1) * sizeof *c);
  size_t *off = xmalloc ((len + 1) * sizeof *off);
  for (size_t i = 0; i < len;)
    {
      int k = u8_mbtouc (&c[nc], (const uint8_t *) s + i, len - i);
      off[nc++] = i;
      i += k > 0 ? (size_t) k : 1;
    }
  off[nc] = len;
  struct buf out = { 0 };
  size_t copied = 0;            /* bytes of S copied to OUT */
  int changed = 0;
  for (size_t i = 0; i < nc;)
    {
      /* 百分之 and a number: the number and %.  */
      int percent = i + 3 < nc && c[i] == 0x767e && c[i + 1] == 0x5206
        && c[i + 2] == 0x4e4b && is_numeral (c[i + 3]);
      size_t from = percent ? i + 3 : i;
      if (!is_numeral (c[from]))
        {
          i++;
          continue;
        }
      size_t to = from;
      while (to < nc && is_numeral (c[to]))
        to++;
      /* A fraction: 点 and digits.  */
      size_t frac_to = to;
      if (to + 1 < nc && c[to] == 0x70b9 && plain_digit (c[to + 1]))
        {
          frac_to = to + 1;
          while (frac_to < nc && plain_digit (c[frac_to]))
            frac_to++;
        }
      int fraction = frac_to > to;
      /* A month (七月, 2021年七月: not the 一 of 统一月), a day after
         one (月十四日, 月五号).  */
      int dated = (to < nc && c[to] == 0x6708
                   && (from == 0 || !ideograph (c[from - 1])
                       || c[from - 1] == 0x5e74))
        || (from > 0 && c[from - 1] == 0x6708 && to < nc
            && (c[to] == 0x65e5 || c[to] == 0x53f7));
      /* A fraction only after a number that is one beyond doubt:
         一点一滴 and 三点一刻 are no 1.1 and 3.1.  */
      /* One numeral counting what follows (五名检察官, 九项, 十项), but
         not 一, which is "a" (一起 is together, 一名 a prosecutor), nor
         an ordinal (第三名) or a day (初五).  */
      int counted = to - from == 1 && !fraction && !percent
        && c[from] != 0x4e00 && digit_of (c[from]) != 0
        && counted_at (c, to, nc)
        && (from == 0 || (c[from - 1] != 0x7b2c && c[from - 1] != 0x521d));
      int sure = percent || dated || counted
        || (to - from >= 2 && digits_beyond_doubt (c + from, to - from));
      /* And what follows must be a measure word, or no ideograph: not
         十九大, a name, nor 十几, a guess (a teen).  */
      if (!counted && frac_to < nc
          && (c[frac_to] == 0x51e0
              || (!percent && ideograph (c[frac_to])
                  && !measure_word (c[frac_to]))))
        sure = 0;
      struct buf digits = { 0 };
      if (sure && add_digits (&digits, c + from, to - from))
        {
          if (fraction)
            {
              buf_addc (&digits, '.');
              for (size_t k = to + 1; k < frac_to; k++)
                buf_addc (&digits, (char) ('0' + digit_of (c[k])));
            }
          if (percent)
            buf_addc (&digits, '%');
          buf_add (&out, s + copied, off[i] - copied);
          buf_adds (&out, digits.data);
          copied = off[frac_to];
          if (v)
            add_numeral (v, n, &valloc, s + off[i], off[frac_to] - off[i],
                         digits.data, percent);
          changed = 1;
          i = frac_to;
        }
      else
        i = to;
      buf_free (&digits);
    }
  free (c);
  free (off);
  if (!changed)
    {
      buf_free (&out);
      return NULL;
    }
  buf_add (&out, s + copied, len - copied);
  if (out.data == NULL)
    buf_adds (&out, "");
  return buf_steal (&out);
}

void
numerals_free (struct numeral *v, size_t n)
{
  for (size_t i = 0; i < n; i++)
    {
      free (v[i].words);
      free (v[i].digits);
      free (v[i].number);
    }
  free (v);
}

/* V, 1 to 999, in Chinese numerals into B: 十五, not 一十五; 一百零五.  */
static void
add_words (struct buf *b, int v)
{
  static const char *const digit[] = {
    "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"
  };
  int h = v / 100, t = v / 10 % 10, u = v % 10;
  if (h)
    {
      buf_adds (b, digit[h]);
      buf_adds (b, "百");
    }
  if (t)
    {
      if (t != 1 || h)
        buf_adds (b, digit[t]);
      buf_adds (b, "十");
    }
  else if (h && u)
    buf_adds (b, "零");
  if (u)
    buf_adds (b, digit[u]);
}

/* The character of S before byte AT, or 0.  */
static ucs4_t
char_before (const char *s, size_t at)
{
  ucs4_t uc;
  if (at == 0
      || u8_prev (&uc, (const uint8_t *) s + at, (const uint8_t *) s) == NULL)
    return 0;
  return uc;
}

static int
ascii_alnum (char c)
{
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

char *
numerals_to_words (const char *s, int two)
{
  size_t len = strlen (s);
  struct buf out = { 0 };
  size_t copied = 0;
  int changed = 0;
  for (size_t i = 0; i < len;)
    {
      if (s[i] < '0' || s[i] > '9')
        {
          i++;
          continue;
        }
      size_t to = i;
      while (to < len && s[to] >= '0' && s[to] <= '9')
        to++;
      ucs4_t before = char_before (s, i), after = 0, after2 = 0;
      if (to < len)
        {
          int k = u8_mbtouc (&after, (const uint8_t *) s + to, len - to);
          if (k > 0 && to + (size_t) k < len)
            u8_mbtouc (&after2, (const uint8_t *) s + to + k,
                       len - to - (size_t) k);
        }
      int plain = to - i <= 3 && s[i] != '0'
        && !(i > 0 && (ascii_alnum (s[i - 1]) || s[i - 1] == '.'
                       || s[i - 1] == ','))
        && !(to < len && (ascii_alnum (s[to]) || s[to] == '.'
                          || s[to] == ',' || s[to] == '%'))
        && (ideograph (before) || ideograph (after));
      if (!plain)
        {
          i = to;
          continue;
        }
      int v = atoi (s + i);
      buf_add (&out, s + copied, i - copied);
      /* 两 where a lone two counts what follows (两个, 两级), not in an
         ordinal (第二), a date (二月, 初二) or before 月, 日, 号.  */
      ucs4_t next[2] = { after, after2 };
      if (two && v == 2 && before != 0x7b2c && before != 0x521d
          && before != 0x6708 && (counted_at (next, 0,
                                              after ? (after2 ? 2 : 1) : 0)
                                  || after == 0x7ea7))      /* 级 */
        buf_adds (&out, "两");
      else
        add_words (&out, v);
      copied = to;
      changed = 1;
      i = to;
    }
  if (!changed)
    {
      buf_free (&out);
      return NULL;
    }
  buf_add (&out, s + copied, len - copied);
  return buf_steal (&out);
}
