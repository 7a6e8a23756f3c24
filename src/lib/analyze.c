/* analyze.c -- text analysis for search (see analyze.h).  */

#include <config.h>

#include "analyze.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <unictype.h>

#include "norm.h"
#include "util.h"

/* Longer tokens are not indexed: no one types them, and they would
   only bloat the index (a line of base64, say).  */
#define TOKEN_MAX 128

/* Stems already computed: a text repeats its words, and stemming is
   the dearest step of analysis.  A word longer than STEM_KEY is not
   kept; a slot taken by another word is overwritten.  */
#define STEM_SLOTS 8192
#define STEM_KEY 23

struct stem_slot
{
  unsigned char key_len, stem_len;
  char key[STEM_KEY];
  char stem[STEM_KEY];
};

struct analyzer
{
  struct sb_stemmer *stemmer;   /* NULL if libstemmer has no English */
  struct stem_slot *stems;
  struct buf word;              /* scratch for spelling folds */
  char *lower;                  /* scratch: a text in lower case */
  size_t lower_alloc;
};

struct analyzer *
analyzer_new (void)
{
  struct analyzer *a = xcalloc (1, sizeof *a);
  a->stemmer = sb_stemmer_new ("english", "UTF_8");
  return a;
}

void
analyzer_free (struct analyzer *a)
{
  if (a == NULL)
    return;
  if (a->stemmer)
    sb_stemmer_delete (a->stemmer);
  buf_free (&a->word);
  free (a->lower);
  free (a->stems);
  free (a);
}

static int
ends_with (const char *w, size_t len, const char *suffix)
{
  size_t n = strlen (suffix);
  return len >= n && w[len - 1] == suffix[n - 1]
    && memcmp (w + len - n, suffix, n) == 0;
}

/* Replace the last CUT bytes of B with REPL.  */
static void
replace_tail (struct buf *b, size_t cut, const char *repl)
{
  b->len -= cut;
  buf_adds (b, repl);
}

/* Is the word whose first LEN bytes are W, followed by "ise" (or
   "ised", "ising", ...), one that is spelt so in American English too?
   Made "-ize", it would stem apart from its own family, which the fold
   does not reach: "supervise" from "supervision", "revise" from
   "revision", "advise" from "adviser".  */
static int
never_ize (const char *w, size_t len)
{
  static const char *const before[] = {
    "adv", "dev", "rev", "superv", "improv", "telev",
    "w",                        /* otherwise, likewise */
    "exerc", "prec", "conc", "exc", "inc",
    "pr",                       /* comprise, enterprise, surprise */
    "comprom", "prem", "prom", "dem", "surm",
    "gu", "ch", "sp", "ert", "chast", "treat", "parad", "merchand",
    "a", "o", "u",              /* praise, noise, cruise */
  };
  for (size_t i = 0; i < sizeof before / sizeof *before; i++)
    if (ends_with (w, len, before[i]))
      return 1;
  return 0;
}

/* Fold British spellings in the folded word in B to American ones, so
   that "organised" and "organized", "centre" and "center", "labour" and
   "labor", "travelled" and "traveled" stem alike.  The same fold runs on
   texts and queries, so a fold that also hits a word with no American
   twin does no harm: both sides change the same way.  */
static void
fold_spelling (struct buf *b)
{
  static const char *const ise[][2] = {
    { "isations", "izations" }, { "isation", "ization" },
    { "ising", "izing" }, { "ised", "ized" }, { "ises", "izes" },
    { "iser", "izer" }, { "isers", "izers" }, { "ise", "ize" },
    /* analyse, paralyse */
    { "ysing", "yzing" }, { "ysed", "yzed" }, { "yses", "yzes" },
    { "yser", "yzer" }, { "ysers", "yzers" }, { "yse", "yze" },
  };
  static const char *const our[][2] = {
    { "ourable", "orable" }, { "ouring", "oring" }, { "oured", "ored" },
    { "ours", "ors" }, { "our", "or" },
  };
  static const char *const words[][2] = {
    { "defence", "defense" }, { "offence", "offense" },
    { "licence", "license" }, { "pretence", "pretense" },
    { "judgement", "judgment" }, { "judgements", "judgments" },
    { "programme", "program" }, { "programmes", "programs" },
    { "catalogue", "catalog" }, { "dialogue", "dialog" },
    { "enrolment", "enrollment" }, { "fulfil", "fulfill" },
    { "fulfilment", "fulfillment" }, { "ageing", "aging" },
    /* The British verb is "practise", the noun "practice": American
       English writes both "practice".  */
    { "practise", "practice" }, { "practised", "practiced" },
    { "practises", "practices" }, { "practising", "practicing" },
    /* Not a spelling but the same word of this field: 检察 is
       "procuratorial" in the release and "prosecutorial" in most
       English written about China's procuratorates.  */
    { "prosecutorial", "procuratorial" },
  };
  const char *w = b->data;
  size_t len = b->len;
  if (len < 5)
    return;                     /* "rise", "wise", "four", "hour" */
  for (size_t i = 0; i < sizeof words / sizeof *words; i++)
    if (len == strlen (words[i][0]) && memcmp (w, words[i][0], len) == 0)
      {
        b->len = 0;
        buf_adds (b, words[i][1]);
        return;
      }
  if (len < 6)
    return;
  for (size_t i = 0; i < sizeof ise / sizeof *ise; i++)
    if (ends_with (w, len, ise[i][0]) && len - strlen (ise[i][0]) >= 3)
      {
        if (ise[i][0][0] == 'i' && never_ize (w, len - strlen (ise[i][0])))
          return;
        replace_tail (b, strlen (ise[i][0]), ise[i][1]);
        return;
      }
  for (size_t i = 0; i < sizeof our / sizeof *our; i++)
    if (ends_with (w, len, our[i][0]) && len - strlen (our[i][0]) >= 3)
      {
        replace_tail (b, strlen (our[i][0]), our[i][1]);
        return;
      }
  if (ends_with (w, len, "tres") || ends_with (w, len, "bres"))
    replace_tail (b, 3, "ers");
  else if (ends_with (w, len, "tre") || ends_with (w, len, "bre"))
    replace_tail (b, 2, "er");
  else if (ends_with (w, len, "lled") && len >= 8)
    replace_tail (b, 4, "led");
  else if (ends_with (w, len, "lling") && len >= 9)
    replace_tail (b, 5, "ling");
  else if (ends_with (w, len, "llor") && len >= 8)
    replace_tail (b, 4, "lor");
}

/* A noun in "-ification" is stemmed as its verb in "-ify": Snowball
   leaves "verification" as "verif" and "verify" as "verifi", so that
   one never found the other ("rectification" 整改 and "rectify",
   "notification" and "notify").  */
static void
fold_ification (struct buf *b)
{
  if (b->len >= 11 && ends_with (b->data, b->len, "ification"))
    replace_tail (b, 9, "ify");
  else if (b->len >= 12 && ends_with (b->data, b->len, "ifications"))
    replace_tail (b, 10, "ify");
}

/* The length of the stem of the folded word W (LEN bytes) when it is a
   verb in "-alize" or a word made from one ("specialized",
   "personalization"): the word up to "aliz".  Else 0.  The stemmer
   would take "-alize" off and leave the adjective, but "specialized"
   teams (专业化) are not "special" teams (专班), "personalized" items
   (个性化) not "personal" information, and "centralized" handling
   (集中) is not the "Central" Committee.  */
static size_t
alize_stem (const char *w, size_t len)
{
  static const char *const tails[] = {
    "alize", "alized", "alizes", "alizing", "alization", "alizations",
    "alizer", "alizers",
  };
  for (size_t i = 0; i < sizeof tails / sizeof *tails; i++)
    {
      size_t n = strlen (tails[i]);
      if (len >= n + 3 && ends_with (w, len, tails[i]))
        return len - n + 4;     /* up to and with "aliz" */
    }
  return 0;
}

/* The length of the stem of the folded word W (LEN bytes) when Snowball
   would cut it to a word of another meaning, which the texts use too:
   the word up to the end of its prefix here.  Else 0.  "Minorities"
   (少数民族) are not "minors" (未成年人), an "organization" (组织) is
   no state "organ" (机关), "accountability" (问责) is not
   "accounting for 13.9%", "international" is not "internal", an
   "objective" (目标) no "objection" (异议), and "publicity" (宣传, as
   "publicize" is) and "publication" are not "public".  Snowball also
   parted "organizational" from "organization"; this joins them.  */
static size_t
kept_stem (const char *w, size_t len)
{
  /* Each stem with the endings of its words, and those alone: a slip
     that begins so ("publicintrest", two words run together) is no
     word of the family.  */
  static const struct
  {
    const char *stem, *const endings[10];
  } kept[] = {
    { "minorit", { "y", "ies" } },
    { "organiz", { "e", "es", "ed", "ing", "er", "ers", "ation", "ations",
                   "ational", "ationally" } },
    { "accountab", { "le", "ility", "ly" } },
    { "internation", { "al", "ally", "als" } },
    { "objectiv", { "e", "es", "ely", "ity" } },
    { "publici", { "ty", "ze", "zes", "zed", "zing" } },
    { "publicat", { "ion", "ions" } },
  };
  for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
    {
      size_t n = strlen (kept[i].stem);
      if (len <= n || memcmp (w, kept[i].stem, n) != 0)
        continue;
      for (size_t k = 0; k < sizeof kept[i].endings / sizeof *kept[i].endings
           && kept[i].endings[k]; k++)
        if (len - n == strlen (kept[i].endings[k])
            && memcmp (w + n, kept[i].endings[k], len - n) == 0)
          return n;
    }
  return 0;
}

/* Emit the English (or other spaced-script) word W of LEN folded bytes.  */
static int
emit_word (struct analyzer *a, const char *w, size_t len, size_t start,
           size_t end, enum analyze_mode mode, analyze_token_fn fn,
           void *ctx)
{
  if (len > TOKEN_MAX)
    return 0;
  if (mode == ANALYZE_POSITIONS)
    return fn (ctx, 0, w, len, start, end);    /* one token, whatever it is */
  int has_letter = 0;
  for (size_t i = 0; i < len && !has_letter; i++)
    has_letter = !(w[i] >= '0' && w[i] <= '9') && w[i] != '.';
  /* The stem of a word seen before, keyed by the word as it stands in
     the text: respelling and stemming depend on nothing else.  */
  struct stem_slot *slot = NULL;
  if (has_letter && a->stemmer && len <= STEM_KEY)
    {
      /* Made when first needed: a search analyses a few words, and
         clearing the table cost it more than their stems.  */
      if (a->stems == NULL)
        a->stems = xcalloc (STEM_SLOTS, sizeof *a->stems);
      uint32_t h = 2166136261u;
      for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char) w[i]) * 16777619u;
      slot = &a->stems[h % STEM_SLOTS];
      if (slot->key_len == len && memcmp (slot->key, w, len) == 0)
        return fn (ctx, 0, slot->stem, slot->stem_len, start, end);
    }
  a->word.len = 0;
  /* Apostrophes inside a word ("people's") stay for the stemmer, which
     drops a possessive; the typographic one becomes ASCII.  */
  const char *p = w, *e = w + len;
  while (p < e)
    {
      const char *q = memchr (p, '\xe2', (size_t) (e - p));
      if (q == NULL)
        {
          buf_add (&a->word, p, (size_t) (e - p));
          break;
        }
      buf_add (&a->word, p, (size_t) (q - p));
      if (e - q >= 3 && memcmp (q, "\xe2\x80\x99", 3) == 0)
        {
          buf_addc (&a->word, '\'');
          p = q + 3;
        }
      else
        {
          buf_addc (&a->word, *q);
          p = q + 1;
        }
    }
  if (has_letter)
    {
      fold_spelling (&a->word);
      fold_ification (&a->word);
    }
  size_t kept = 0;
  if (has_letter)
    {
      kept = alize_stem (a->word.data, a->word.len);
      if (kept == 0)
        kept = kept_stem (a->word.data, a->word.len);
    }
  if (kept)
    a->word.len = kept;         /* stemmed already */
  else if (has_letter && a->stemmer)
    {
      const sb_symbol *s = sb_stemmer_stem (a->stemmer,
                                            (const sb_symbol *) a->word.data,
                                            (int) a->word.len);
      if (s)
        {
          int n = sb_stemmer_length (a->stemmer);
          /* Snowball undoes a doubled consonant where it takes "-ed"
             or "-ing" off (hopping, hop), but an English word that ends
             in "ff" keeps it: "staffing" and "staffed" are "staff",
             not "staf", as the texts' "50 staff" is.  */
          if (n >= 2 && (size_t) n + 1 < a->word.len && s[n - 1] == 'f'
              && s[n - 2] != 'f' && a->word.data[n] == 'f'
              && memcmp (a->word.data, s, (size_t) n) == 0)
            {
              a->word.len = (size_t) n + 1;
              s = (const sb_symbol *) a->word.data;
              n++;
            }
          /* Snowball takes one suffix of a kind off, so a noun in
             "-ment" or "-ion" made an adjective keeps the noun's
             suffix: "environmental" is "environment" where
             "environment" is "environ", "departmental" is not
             "department", "professional" not "profession".  What is
             left of such a word is stemmed once more.  Only after a
             suffix was taken: the stem of a word stemmed again is not
             always the word's ("only" would become "on").  */
          else if ((size_t) n < a->word.len
                   && (ends_with ((const char *) s, (size_t) n, "ment")
                       || ends_with ((const char *) s, (size_t) n, "ion")))
            {
              a->word.len = 0;
              buf_add (&a->word, s, (size_t) n);
              s = sb_stemmer_stem (a->stemmer,
                                   (const sb_symbol *) a->word.data,
                                   (int) a->word.len);
              if (s == NULL)
                s = (const sb_symbol *) a->word.data;
              else
                n = sb_stemmer_length (a->stemmer);
            }
          if (slot && n > 0 && n <= STEM_KEY)
            {
              slot->key_len = (unsigned char) len;
              memcpy (slot->key, w, len);
              slot->stem_len = (unsigned char) n;
              memcpy (slot->stem, s, (size_t) n);
            }
          if (n > 0)
            return fn (ctx, 0, (const char *) s, (size_t) n, start, end);
        }
    }
  return fn (ctx, 0, a->word.data, a->word.len, start, end);
}

struct cjk_run
{
  size_t at[2];                 /* folded offsets of the last two chars */
  size_t len[2];
  size_t orig_start[2], orig_end[2];
  size_t n;                     /* characters in the run so far */
};

/* End a run of ideographs: its last character as a token of its own. */
static int
cjk_flush (struct cjk_run *r, const char *f, enum analyze_mode mode,
           analyze_token_fn fn, void *ctx)
{
  int rc = 0;
  if (r->n == 1)
    rc = fn (ctx, 0, f + r->at[1], r->len[1], r->orig_start[1],
             r->orig_end[1]);
  else if (r->n > 1 && mode != ANALYZE_QUERY)
    rc = fn (ctx, 1, f + r->at[1], r->len[1], r->orig_start[1],
             r->orig_end[1]);
  r->n = 0;
  return rc;
}

/* Add one ideograph at folded [AT, AT+LEN) to the run, emitting the
   bigram it ends.  */
static int
cjk_add (struct cjk_run *r, const char *f, size_t at, size_t len,
         size_t orig_start, size_t orig_end, analyze_token_fn fn, void *ctx)
{
  r->at[0] = r->at[1];
  r->len[0] = r->len[1];
  r->orig_start[0] = r->orig_start[1];
  r->orig_end[0] = r->orig_end[1];
  r->at[1] = at;
  r->len[1] = len;
  r->orig_start[1] = orig_start;
  r->orig_end[1] = orig_end;
  r->n++;
  if (r->n < 2)
    return 0;
  /* The two characters are adjacent in the folded text unless folding
     dropped something between them; build the bigram either way.  */
  char tok[16];
  size_t n0 = r->len[0], n1 = r->len[1];
  if (n0 + n1 > sizeof tok)
    return 0;
  memcpy (tok, f + r->at[0], n0);
  memcpy (tok + n0, f + r->at[1], n1);
  return fn (ctx, 0, tok, n0 + n1, r->orig_start[0], r->orig_end[1]);
}

/* The character at P (before E) in *UC; returns its length, as
   u8_mbtouc does.  Inline for the three-byte characters that make up
   Chinese text: analysis runs over every character indexed or shown.  */
static inline int
next_char (ucs4_t *uc, const uint8_t *p, const uint8_t *e)
{
  if (p[0] < 0x80)
    {
      *uc = p[0];
      return 1;
    }
  if ((p[0] & 0xf0) == 0xe0 && e - p >= 3 && (p[1] & 0xc0) == 0x80
      && (p[2] & 0xc0) == 0x80)
    {
      ucs4_t c = (ucs4_t) (p[0] & 0x0f) << 12 | (ucs4_t) (p[1] & 0x3f) << 6
        | (ucs4_t) (p[2] & 0x3f);
      if (c >= 0x800 && (c < 0xd800 || c > 0xdfff))
        {
          *uc = c;
          return 3;
        }
    }
  return u8_mbtouc (uc, p, (size_t) (e - p));
}

/* norm_is_word, inline for ASCII.  */
static inline int
is_word (ucs4_t uc)
{
  if (uc < 0x80)
    return (uc >= '0' && uc <= '9') || ((uc | 0x20) >= 'a' && (uc | 0x20) <= 'z');
  return norm_is_word (uc);
}

/* A character of a script written without spaces that is a letter or
   number (an ideograph, kana, hangul), not punctuation such as 。or 、
   which share its blocks.  */
static inline int
is_ideograph (ucs4_t uc)
{
  /* The unified ideographs of Unicode 1.1, every one a letter: the
     characters of almost every Chinese text.  */
  if (uc >= 0x4e00 && uc <= 0x9fa5)
    return 1;
  return norm_is_cjk (uc) && uc_is_alnum (uc);
}

/* The bar that divides keywords, ASCII or full-width (content.h),
   which folding may have left as it is.  */
static inline int
is_bar (ucs4_t uc)
{
  return uc == '|' || uc == 0xff5c;
}

static inline int
ascii_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Where the text a number is read from came from: the original bytes
   ORIG of the piece and the map START from F's bytes to them (NULL: F
   is ORIG, byte for byte).  */
struct number_source
{
  const char *orig;
  const uint32_t *start;
};

/* Was the character at byte I of F written full-width in the original
   (１，２ or ．: their UTF-8 begins 0xEF)?  */
static int
written_wide (const struct number_source *src, size_t i)
{
  size_t o = src->start ? (size_t) src->start[i] : i;
  return (unsigned char) src->orig[o] == 0xef;
}

/* Is there a digit, ASCII or full-width (which a plain text is not
   folded out of), at byte I of F (LEN bytes)?  */
static int
digit_at (const char *f, size_t i, size_t len)
{
  return i < len && (ascii_digit (f[i])
                     || (len - i >= 3 && f[i] == '\xef' && f[i + 1] == '\xbc'
                         && (unsigned char) f[i + 2] >= 0x90
                         && (unsigned char) f[i + 2] <= 0x99));
}

/* Does a digit, ASCII or full-width, end just before byte I of F?  */
static int
digit_before (const char *f, size_t i)
{
  return (i >= 1 && ascii_digit (f[i - 1]))
    || (i >= 3 && f[i - 3] == '\xef' && f[i - 2] == '\xbc'
        && (unsigned char) f[i - 1] >= 0x90 && (unsigned char) f[i - 1] <= 0x99);
}

/* The length of a point, ASCII or full-width, at byte I of F, or 0.  */
static size_t
point_at (const char *f, size_t i, size_t len)
{
  return i < len && f[i] == '.' ? 1
    : len - i >= 3 && i < len && memcmp (f + i, "\xef\xbc\x8e", 3) == 0 ? 3 : 0;
}

/* The length of what joins two parts of a number at byte AT of F (LEN
   bytes), after a digit, or 0.  A comma before a group of exactly three
   digits ("1,217" is 1217, as the Chinese writes it); unless the number
   has one already (DOT), a point before one to three digits that end
   it ("2.3", which is not "2-3"; not "1.2021年", an item's number before
   a year, nor the 2022.07 of a date).  The digits either side and what
   joins them must have been written alike, all ASCII or all full-width
   (１，２１７): "100，200" in Chinese is a list.  *IS_DOT says which.  */
static size_t
number_joint (const char *f, size_t at, size_t len, int dot, int *is_dot,
              const struct number_source *src)
{
  size_t k;
  int comma;
  if (f[at] == ',' || f[at] == '.')
    {
      k = 1;
      comma = f[at] == ',';
    }
  else if (len - at >= 3 && memcmp (f + at, "\xef\xbc", 2) == 0
           && (f[at + 2] == '\x8c' || f[at + 2] == '\x8e'))
    {
      k = 3;
      comma = f[at + 2] == '\x8c';
    }
  else
    return 0;
  /* The group's ASCII digits, and then no digit of either width (one
     more, or one written otherwise, which folding would make one
     more).  */
  size_t d = at + k, digits = 0;
  while (digits < 4 && d + digits < len && ascii_digit (f[d + digits]))
    digits++;
  if (dot || digits == 0 || digit_at (f, d + digits, len)
      || (comma ? digits != 3 : digits > 3))
    return 0;
  int wide = written_wide (src, at);
  if (at == 0 || written_wide (src, at - 1) != wide)
    return 0;
  for (size_t j = 0; j < digits; j++)
    if (written_wide (src, d + j) != wide)
      return 0;
  if (!comma)
    {
      /* A second point and a digit: a date or a section's number.  */
      size_t e = d + digits, sep = point_at (f, e, len);
      if (sep && digit_at (f, e + sep, len))
        return 0;
    }
  *is_dot = !comma;
  return k;
}

/* The length of the possessive "'s" at byte W of F (LEN bytes), after
   a word of letters ("Henan's", "court’s"), or 0.  The apostrophe
   divides words, and the "s" alone would be a token of its own, so
   that "Henan's" was a phrase no text holds ("Henan s"), and the
   release's "prosecutor's" was found by nothing but that phrase.  Left
   out in every mode alike, as the stemmer would leave it out of a
   word it had whole.  */
static size_t
possessive_after (const char *f, size_t w, size_t len)
{
  if (w == 0 || !(((unsigned char) f[w - 1] | 0x20) >= 'a'
                  && ((unsigned char) f[w - 1] | 0x20) <= 'z'))
    return 0;
  size_t ap = 0;
  if (w < len && f[w] == '\'')
    ap = 1;
  else if (len - w >= 3 && (memcmp (f + w, "\xe2\x80\x99", 3) == 0
                            || memcmp (f + w, "\xef\xbc\x87", 3) == 0))
    ap = 3;                     /* ’, and ＇ where it is not folded yet */
  if (ap == 0 || w + ap >= len || (f[w + ap] | 0x20) != 's')
    return 0;
  size_t after = w + ap + 1;
  if (after < len)
    {
      ucs4_t uc;
      int n = next_char (&uc, (const uint8_t *) f + after,
                         (const uint8_t *) f + len);
      if (n > 0 && is_word (uc))
        return 0;
    }
  return ap + 1;
}

/* The end of the word of letters and digits that begins at byte I of F
   (LEN bytes, from SRC) with a character of N bytes, UC; a number goes
   on over what joins its parts (number_joint), and *JOINED is then set.
   With ASCII, the word ends at the first character that is not ASCII.  */
static size_t
word_end (const char *f, size_t i, size_t len, int n, ucs4_t uc, int ascii,
          const struct number_source *src, int *joined)
{
  size_t w = i + (size_t) n;
  int number = uc < 0x80 && ascii_digit ((char) uc), dot = 0;
  /* After "2022." (a point that joined nothing: a date, a section's
     number), the next part is no decimal either: 2022.07.14.  */
  if (number && ((i >= 1 && f[i - 1] == '.' && digit_before (f, i - 1))
                 || (i >= 3 && memcmp (f + i - 3, "\xef\xbc\x8e", 3) == 0
                     && digit_before (f, i - 3))))
    dot = 1;
  *joined = 0;
  while (w < len)
    {
      int k = next_char (&uc, (const uint8_t *) f + w,
                         (const uint8_t *) f + len);
      if (k > 0 && is_word (uc) && (!ascii || uc < 0x80))
        {
          number &= uc < 0x80 && ascii_digit ((char) uc);
          w += (size_t) k;
          continue;
        }
      int is_dot;
      size_t j = number ? number_joint (f, w, len, dot, &is_dot, src) : 0;
      if (j == 0)
        break;
      dot |= is_dot;
      *joined = 1;
      w += j;
    }
  return w;
}

/* Tokens of the folded text F (LEN bytes).  START and END map each byte
   of F to the original (NULL: F is the original, byte for byte), which
   begins at BASE of the text being analysed.  */
static int
tokenize (struct analyzer *a, const char *f, size_t len, const char *orig,
          const uint32_t *start, const uint32_t *end, size_t base,
          enum analyze_mode mode, analyze_token_fn fn, void *ctx)
{
  const struct number_source src = { orig, start };
#define ORIG_START(i) (base + (start ? (size_t) start[i] : (i)))
#define ORIG_END(i) (base + (end ? (size_t) end[i] : (i) + 1))
  struct cjk_run run = { .n = 0 };
  size_t i = 0;
  int rc = 0;
  /* The last character of the last run of ideographs, while no other
     token has taken a position since it ended (JOIN_LEN 0: none): a run
     that begins with it takes ANALYZE_GAP's position first.  Whatever
     the runs' lengths: a phrase typed across the two ("学，学生") must
     find the text it was copied from ("大学，学生").  */
  static const char gap = ANALYZE_GAP;
  char join[8];
  size_t join_len = 0;
  /* A token has taken a position; a bar between keywords ("|") has
     been passed since the last one: the next takes ANALYZE_GAP's
     position first, so that no phrase runs from one keyword into the
     next.  */
  int taken = 0, bar = 0;
  while (i < len && rc == 0)
    {
      ucs4_t uc;
      int n = next_char (&uc, (const uint8_t *) f + i,
                         (const uint8_t *) f + len);
      if (n <= 0)
        n = 1;
      if (is_ideograph (uc))
        {
          if (run.n == 0 && bar)
            {
              rc = fn (ctx, 0, &gap, 1, ORIG_START (i), ORIG_START (i));
              bar = 0;
              join_len = 0;
            }
          else if (run.n == 0 && join_len == (size_t) n
              && memcmp (f + i, join, join_len) == 0)
            rc = fn (ctx, 0, &gap, 1, ORIG_START (i), ORIG_START (i));
          taken = 1;
          if (run.n == 0)
            join_len = 0;
          if (rc == 0)
            rc = cjk_add (&run, f, i, (size_t) n, ORIG_START (i),
                          ORIG_END (i + (size_t) n - 1), fn, ctx);
          i += (size_t) n;
          continue;
        }
      if (run.n > 0)
        {
          join_len = run.len[1] <= sizeof join ? run.len[1] : 0;
          memcpy (join, f + run.at[1], join_len);
        }
      rc = cjk_flush (&run, f, mode, fn, ctx);
      if (rc)
        break;
      if (uc == (ucs4_t) ANALYZE_BARRIER)
        {
          if (mode != ANALYZE_QUERY)
            {
              rc = fn (ctx, 0, "\x1f", 1, ORIG_START (i), ORIG_END (i));
              join_len = 0;
            }
          bar = 0;
          i++;
          continue;
        }
      if (is_bar (uc))
        {
          bar = taken;
          i += (size_t) n;
          continue;
        }
      if (!is_word (uc))
        {
          i += (size_t) n;
          continue;
        }
      /* A word: a run of letters and digits.  Punctuation inside it
         ("people's") divides it, so that the full-width forms
         (people＇s) and the ASCII ones give the same tokens; but a
         number's comma and point join it (word_end), and the token is
         the number without its commas (1,217 and １，２１７ are 1217).  */
      int joined;
      size_t w = word_end (f, i, len, n, uc, 0, &src, &joined);
      if (w - i <= TOKEN_MAX && bar)
        {
          rc = fn (ctx, 0, &gap, 1, ORIG_START (i), ORIG_START (i));
          bar = 0;
        }
      char number[TOKEN_MAX];
      const char *word = f + i;
      size_t word_len = w - i;
      if (joined && w - i <= TOKEN_MAX)
        {
          word_len = 0;
          for (size_t j = i; j < w; j++)
            {
              int wide = w - j >= 3 && memcmp (f + j, "\xef\xbc", 2) == 0
                && (f[j + 2] == '\x8c' || f[j + 2] == '\x8e');
              char c = wide ? (f[j + 2] == '\x8c' ? ',' : '.') : f[j];
              j += wide ? 2 : 0;
              if (c != ',')
                number[word_len++] = c;
            }
          word = number;
        }
      if (rc == 0)
        rc = emit_word (a, word, word_len, ORIG_START (i), ORIG_END (w - 1),
                        mode, fn, ctx);
      if (w - i <= TOKEN_MAX)
        {
          join_len = 0;         /* (a longer word makes no token) */
          taken = 1;
        }
      i = w + possessive_after (f, w, len);
    }
  if (rc == 0)
    rc = cjk_flush (&run, f, mode, fn, ctx);
  return rc;
#undef ORIG_START
#undef ORIG_END
}

/* Is UC, not ASCII, punctuation or a space that folding leaves alone
   or turns into another that is no letter or digit (the full-width
   forms of 。，、 and the like, typographic quotes and dashes)?  */
static int
plain_punctuation (ucs4_t uc)
{
  return ((uc >= 0x3000 && uc < 0x3040) || (uc >= 0x2010 && uc < 0x205f)
          || (uc >= 0xff01 && uc < 0xff66) || uc == 0xa0 || uc == 0xb7)
    && !uc_is_alnum (uc)
    && !(uc >= 0xff10 && uc <= 0xff19) && !(uc >= 0xff21 && uc <= 0xff3a)
    && !(uc >= 0xff41 && uc <= 0xff5a);
}

/* Is every character of S one that folding leaves alone or turns into
   something that is not a letter or digit (punctuation, spaces)?  Then
   S can be cut as it is, apart from ASCII case: almost all case text
   is such, and folding with a map costs more than all the rest.  */
static int
plain (const char *s, size_t len, int *has_upper)
{
  const uint8_t *p = (const uint8_t *) s, *e = p + len;
  *has_upper = 0;
  while (p < e)
    {
      if (*p < 0x80)
        {
          *has_upper |= *p >= 'A' && *p <= 'Z';
          p++;
          continue;
        }
      ucs4_t uc;
      int n = next_char (&uc, p, e);
      if (n <= 0)
        return 0;
      p += n;
      if (norm_fold_keeps_ideograph (uc) || plain_punctuation (uc))
        continue;
      return 0;
    }
  return 1;
}

/* Analyze the LEN bytes at S, which begin at BASE of the text.  */
static int
analyze_piece (struct analyzer *a, const char *s, size_t len, size_t base,
               enum analyze_mode mode, analyze_token_fn fn, void *ctx)
{
  int has_upper;
  if (plain (s, len, &has_upper))
    {
      if (!has_upper)
        return tokenize (a, s, len, s, NULL, NULL, base, mode, fn, ctx);
      a->lower = xgrow (a->lower, &a->lower_alloc, len + 1, 1);
      for (size_t i = 0; i < len; i++)
        a->lower[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char) (s[i] + 32) : s[i];
      return tokenize (a, a->lower, len, s, NULL, NULL, base, mode, fn, ctx);
    }
  struct folded f;
  norm_fold (s, len, 1, &f);
  int rc = f.len
    ? tokenize (a, f.str, f.len, s, f.start, f.end, base, mode, fn, ctx) : 0;
  norm_folded_free (&f);
  return rc;
}

int
analyze_text (struct analyzer *a, const char *s, size_t len,
              enum analyze_mode mode, analyze_token_fn fn, void *ctx)
{
  const char *bar = mode == ANALYZE_QUERY ? NULL
    : memchr (s, ANALYZE_BARRIER, len);
  if (bar == NULL)
    return analyze_piece (a, s, len, 0, mode, fn, ctx);
  /* Units one at a time: no token runs across a barrier, and folding
     keeps it as it is, so a unit that needs folding (a traditional or
     full-width character) does not send the whole column through the
     slower fold.  */
  size_t at = 0;
  for (;;)
    {
      size_t end = bar ? (size_t) (bar - s) : len;
      int rc = analyze_piece (a, s + at, end - at, at, mode, fn, ctx);
      if (rc || bar == NULL)
        return rc;
      rc = fn (ctx, 0, "\x1f", 1, end, end + 1);
      if (rc)
        return rc;
      at = end + 1;
      bar = memchr (s + at, ANALYZE_BARRIER, len - at);
    }
}

static void
positions_add (struct analyze_positions *p, size_t start, size_t end)
{
  if (p->n == p->alloc)
    {
      p->alloc = p->alloc ? 2 * p->alloc : 256;
      p->start = xrealloc (p->start, p->alloc * sizeof *p->start);
      p->end = xrealloc (p->end, p->alloc * sizeof *p->end);
    }
  p->start[p->n] = start;
  p->end[p->n++] = end;
}

int
analyze_record_position (void *ctx, int colocated, const char *tok, size_t len,
                 size_t start, size_t end)
{
  (void) tok;
  (void) len;
  struct analyze_positions *p = ctx;
  if (colocated)
    return 0;
  positions_add (p, start, end);
  return p->n >= p->stop;
}

/* Is UC punctuation that plain takes but that folding does not leave
   where it is, when something else in the piece sends it through the
   fold: the bidi embeddings and overrides U+202A-U+202E, which folding
   drops (the ideographs either side then make a bigram), and the
   ideographic and Hangul tone marks U+302A-U+302F, which combine with
   the character before (whose token then takes their bytes too)?  A
   pass that stops early must not stop before one of them.  */
static int
moved_by_fold (ucs4_t uc)
{
  return (uc >= 0x202a && uc <= 0x202e) || (uc >= 0x302a && uc <= 0x302f);
}

/* The positions of the LEN bytes at S, which begin at BASE of the
   text, added to P in one pass when S is plain (see plain), as
   tokenize would give them: no fold, no token built, no call per
   token.  Returns 1 when done (or P's stop reached), 0 when S holds a
   character this pass does not take, with P as it was: then the
   general way must.  Only what tokenize does with exactly these
   characters is done here; anything else goes the general way.  */
static int
positions_plain (const char *s, size_t len, size_t base,
                 struct analyze_positions *p)
{
  const uint8_t *b = (const uint8_t *) s, *e = b + len, *q = b;
  size_t first = p->n;
  /* The run of ideographs: its characters so far, where the one before
     the last began, and where the last begins and ends.  And, as
     tokenize keeps it, the last character of the last run while no
     other position has been taken since (JOIN_LEN 0: none).  */
  size_t run = 0, prev_start = 0, last_start = 0, last_end = 0;
  size_t join_start = 0, join_len = 0;
  int enough = 0, bar = 0;      /* as tokenize's BAR */
  while (q < e)
    {
      ucs4_t uc;
      int n = next_char (&uc, q, e);
      if (n <= 0)
        goto not_plain;
      int ideograph = uc >= 0x80 && is_ideograph (uc)
        && norm_fold_keeps_ideograph (uc);
      if (uc >= 0x80 && !ideograph
          && (!plain_punctuation (uc) || is_word (uc) || moved_by_fold (uc)))
        goto not_plain;
      /* Enough positions, and the character after the last of them is
         one taken here: nothing after it (a combining mark, a letter
         the word would go on in, a character folding changes) can
         change them.  */
      if (enough)
        return 1;
      size_t at = (size_t) (q - b);
      if (ideograph)
        {
          /* A run after a bar, or that begins with the last one's
             last character: ANALYZE_GAP first.  */
          if (run == 0
              && (bar || (join_len == (size_t) n
                          && memcmp (q, b + join_start, join_len) == 0)))
            {
              positions_add (p, base + at, base + at);
              bar = 0;
              join_len = 0;
              if (p->n >= p->stop)
                return 1;
            }
          if (run == 0)
            join_len = 0;
          /* Each ideograph after the first ends a bigram.  */
          prev_start = last_start;
          last_start = at;
          last_end = at + (size_t) n;
          if (run++ > 0)
            {
              positions_add (p, base + prev_start, base + last_end);
              enough = p->n >= p->stop;
            }
          q += n;
          continue;
        }
      /* A run of one ideograph is a token of its own; a longer run's
         last character stands beside its last bigram.  */
      if (run > 0)
        {
          join_start = last_start;
          join_len = last_end - last_start;
        }
      if (run == 1)
        {
          positions_add (p, base + last_start, base + last_end);
          if (p->n >= p->stop)
            return 1;           /* this character was taken */
        }
      run = 0;
      if (uc == (ucs4_t) ANALYZE_BARRIER)
        {
          positions_add (p, base + at, base + at + 1);
          join_len = 0;
          bar = 0;
          enough = p->n >= p->stop;
        }
      else if (is_bar (uc))
        bar = p->n > first;
      else if (uc < 0x80 && is_word (uc))
        {
          /* A word of ASCII letters and digits (one that goes on in
             other letters is not taken, at the next turn), a number
             over its commas and point as tokenize takes them.  */
          int joined;
          const struct number_source src = { s, NULL };
          const uint8_t *w = b + word_end (s, at, len, 1, uc, 1, &src,
                                           &joined);
          if ((size_t) (w - q) <= TOKEN_MAX)
            {
              if (bar)
                {
                  /* The gap is the word's only if the word ends here:
                     one that goes on in other letters is the general
                     way's (it may be too long to be a token).  */
                  ucs4_t next;
                  if (w < e && *w >= 0x80
                      && (next_char (&next, w, e) <= 0 || is_word (next)))
                    goto not_plain;
                  positions_add (p, base + at, base + at);
                  bar = 0;
                  if (p->n >= p->stop)
                    return 1;
                }
              positions_add (p, base + at, base + (size_t) (w - b));
              join_len = 0;
              enough = p->n >= p->stop;
            }
          q = w + possessive_after (s, (size_t) (w - b), len);
          continue;
        }
      q += n;
    }
  if (run == 1)
    positions_add (p, base + last_start, base + last_end);
  return 1;
not_plain:
  p->n = first;
  return 0;
}

void
analyze_positions (struct analyzer *a, const char *s, size_t len,
                   size_t stop, struct analyze_positions *p)
{
  p->n = 0;
  p->stop = stop;
  /* Units one at a time, as analyze_text takes them.  */
  size_t at = 0;
  for (;;)
    {
      const char *bar = memchr (s + at, ANALYZE_BARRIER, len - at);
      size_t end = bar ? (size_t) (bar - s) : len;
      if (!positions_plain (s + at, end - at, at, p))
        analyze_piece (a, s + at, end - at, at, ANALYZE_POSITIONS,
                       analyze_record_position, p);
      if (p->n >= p->stop || bar == NULL)
        return;
      positions_add (p, end, end + 1);
      if (p->n >= p->stop)
        return;
      at = end + 1;
    }
}

void
analyze_positions_free (struct analyze_positions *p)
{
  free (p->start);
  free (p->end);
  memset (p, 0, sizeof *p);
}

/* Stop words, folded (any order).  English: function words, the words
   of a question and of a request ("please tell me about", "show me",
   "info on"); Chinese: question words, particles and the words of a
   request (请问, 介绍一下, 关于) that say nothing about what is asked,
   and 案例, "case (study)": every document is one, so that 内蒙古的案例
   asks for 内蒙古.  ("case" stays: it is also 案件, a matter handled.)  */
#define SW(s) { s, sizeof s - 1 }
static const struct { const char *w; size_t len; } stopwords[] = {
  SW ("a"), SW ("about"), SW ("after"), SW ("against"), SW ("all"),
  SW ("also"), SW ("among"), SW ("an"), SW ("and"), SW ("any"), SW ("are"),
  SW ("as"), SW ("at"), SW ("be"), SW ("been"), SW ("before"), SW ("being"),
  SW ("between"), SW ("both"), SW ("but"), SW ("by"), SW ("can"),
  SW ("could"), SW ("describe"), SW ("did"), SW ("do"), SW ("does"),
  SW ("doing"), SW ("during"), SW ("each"), SW ("explain"), SW ("find"),
  SW ("for"), SW ("from"), SW ("give"), SW ("had"), SW ("has"), SW ("have"),
  SW ("how"), SW ("i"), SW ("if"), SW ("in"), SW ("info"), SW ("into"),
  SW ("is"), SW ("it"), SW ("its"), SW ("me"), SW ("more"), SW ("most"),
  SW ("my"), SW ("no"), SW ("nor"), SW ("not"), SW ("of"), SW ("on"),
  SW ("or"), SW ("other"), SW ("our"), SW ("out"), SW ("over"), SW ("per"),
  SW ("please"), SW ("should"), SW ("show"), SW ("so"), SW ("some"),
  SW ("such"), SW ("tell"), SW ("than"), SW ("that"), SW ("the"),
  SW ("their"), SW ("them"), SW ("then"), SW ("there"), SW ("these"),
  SW ("they"), SW ("this"), SW ("those"), SW ("through"), SW ("to"),
  SW ("together"), SW ("under"), SW ("up"), SW ("upon"), SW ("via"),
  SW ("was"), SW ("we"), SW ("were"), SW ("what"), SW ("whats"), SW ("when"),
  SW ("where"), SW ("which"), SW ("while"), SW ("who"), SW ("whom"),
  SW ("why"), SW ("will"), SW ("with"), SW ("within"), SW ("without"),
  SW ("would"), SW ("you"), SW ("your"), SW ("为什么"), SW ("了"), SW ("什么"),
  SW ("如何"), SW ("怎么"), SW ("怎么样"), SW ("怎样"), SW ("是"), SW ("是否"),
  SW ("的"), SW ("吗"), SW ("哪些"), SW ("呢"), SW ("和"), SW ("与"),
  SW ("及"), SW ("在"), SW ("对"), SW ("有"), SW ("有哪些"), SW ("是什么"),
  SW ("怎么办"), SW ("关于"), SW ("有关"), SW ("请问"), SW ("介绍"),
  SW ("一下"), SW ("帮我"), SW ("查找"), SW ("查询"), SW ("案例"),
};
#undef SW

int
analyze_is_stopword (const char *w, size_t len)
{
  /* A linear search, but by length first: corrections ask it of every
     token of every glossary form they look through.  */
  for (size_t i = 0; i < sizeof stopwords / sizeof *stopwords; i++)
    if (stopwords[i].len == len && memcmp (stopwords[i].w, w, len) == 0)
      return 1;
  return 0;
}

int
analyze_is_punctuation (const char *w, size_t len)
{
  const uint8_t *p = (const uint8_t *) w, *e = p + len;
  while (p < e)
    {
      ucs4_t uc;
      int n = u8_mbtouc (&uc, p, (size_t) (e - p));
      if (n <= 0 || norm_is_word (uc) || is_ideograph (uc))
        return 0;
      p += n;
    }
  return 1;
}

int
analyze_is_single_cjk (const char *s, size_t len)
{
  ucs4_t uc;
  int n = u8_mbtouc (&uc, (const uint8_t *) s, len);
  return n > 0 && (size_t) n == len && is_ideograph (uc);
}
