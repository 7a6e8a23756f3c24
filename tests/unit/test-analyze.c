/* test-analyze.c -- analyze_positions gives exactly the positions that
   analyze_text numbers in ANALYZE_POSITIONS mode: over the shipped
   case texts, whose units it takes in one pass, and over random mixes
   of the characters that pass and those that send it the general way
   (traditional and full-width characters, letters beyond ASCII,
   circled digits, long words, units), stopped anywhere.  */

#include <config.h>

#include <glob.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "analyze.h"
#include "engine_priv.h"
#include "util.h"
#include "tap.h"

/* An analyze_token_fn: each token into the buf CTX, a colocated one
   marked "+", the gap as "|".  */
static int
list_token (void *ctx, int colocated, const char *tok, size_t len,
            size_t start, size_t end)
{
  struct buf *b = ctx;
  if (len == 1 && tok[0] == ANALYZE_GAP)
    buf_printf (b, "|[%zu,%zu) ", start, end);
  else
    buf_printf (b, "%s%.*s ", colocated ? "+" : "", (int) len, tok);
  return 0;
}

/* The tokens of S in MODE, as list_token writes them.  Caller frees.  */
static char *
tokens_of (struct analyzer *a, const char *s, enum analyze_mode mode)
{
  struct buf b = { 0 };
  analyze_text (a, s, strlen (s), mode, list_token, &b);
  buf_addc (&b, '\0');
  return buf_steal (&b);
}

/* Do both ways agree on S (LEN bytes) stopped at STOP?  Says where
   they part the first time.  */
static int
agree (struct analyzer *a, const char *s, size_t len, size_t stop)
{
  static int told;
  struct analyze_positions want = { .stop = stop }, got = { 0 };
  analyze_text (a, s, len, ANALYZE_POSITIONS, analyze_record_position, &want);
  analyze_positions (a, s, len, stop, &got);
  int same = want.n == got.n;
  size_t i = 0;
  for (; same && i < want.n; i++)
    same = want.start[i] == got.start[i] && want.end[i] == got.end[i];
  if (!same && !told++)
    {
      printf ("# %zu positions against %zu, stopped at %zu; part at %zu "
              "in", got.n, want.n, stop, i ? i - 1 : 0);
      for (size_t k = 0; k < len && k < 200; k++)
        printf (" %02x", (unsigned char) s[k]);
      printf ("\n");
    }
  analyze_positions_free (&want);
  analyze_positions_free (&got);
  return same;
}

static uint32_t seed = 20261204;
static uint32_t rnd (uint32_t n);

/* COUNT texts of 1 to MAXN of the NPIECES PIECES at random (with a word
   too long to be a token now and then, with LONG_WORDS): in how many do
   the two ways of positions part, unstopped or stopped at 1 to
   MAXSTOP?  */
static size_t
random_mixes (struct analyzer *a, const char *const *pieces, size_t npieces,
              int count, uint32_t maxn, uint32_t maxstop, int long_words)
{
  size_t bad = 0;
  char *buf = xmalloc (8192);
  for (int k = 0; k < count; k++)
    {
      size_t len = 0, n = 1 + rnd (maxn);
      for (size_t i = 0; i < n; i++)
        {
          const char *p = pieces[rnd ((uint32_t) npieces)];
          size_t l = strlen (p);
          memcpy (buf + len, p, l);
          len += l;
        }
      if (long_words && rnd (20) == 0)
        for (int i = 0; i < 130; i++)
          buf[len++] = 'q';
      bad += !agree (a, buf, len, SIZE_MAX)
        || !agree (a, buf, len, 1 + rnd (maxstop));
    }
  free (buf);
  return bad;
}

/* Tokens with their positions, as FTS5 is given them.  */
struct positioned
{
  struct buf tok[64];
  size_t pos[64];
  size_t n, next;
};

static int
take_positioned (void *ctx, int colocated, const char *tok, size_t len,
                 size_t start, size_t end)
{
  (void) start;
  (void) end;
  struct positioned *p = ctx;
  if (p->n == 64)
    return 1;
  if (!colocated)
    p->next++;
  p->tok[p->n].len = 0;
  buf_add (&p->tok[p->n], tok, len);
  p->pos[p->n++] = p->next - 1;
  return 0;
}

/* Does FTS5 find the phrase Q (a query's tokens) in T (a text's), as
   it matches: each token at the position after the one before, the
   last a prefix when it is one ideograph (engine_compile_add_phrase)?  */
static int
phrase_in (const struct positioned *q, const struct positioned *t)
{
  for (size_t at = 0; q->n > 0 && at < t->next; at++)
    {
      size_t i = 0;
      for (; i < q->n; i++)
        {
          const struct buf *w = &q->tok[i];
          int prefix = i + 1 == q->n && analyze_is_single_cjk (w->data, w->len);
          int found = 0;
          for (size_t k = 0; k < t->n && !found; k++)
            found = t->pos[k] == at + i
              && (prefix ? t->tok[k].len >= w->len
                  : t->tok[k].len == w->len)
              && memcmp (t->tok[k].data, w->data, w->len) == 0;
          if (!found)
            break;
        }
      if (i == q->n)
        return 1;
    }
  return 0;
}

static uint32_t
rnd (uint32_t n)
{
  seed = seed * 1664525u + 1013904223u;
  return (seed >> 8) % n;
}

int
main (void)
{
  struct analyzer *a = analyzer_new ();

  /* The shipped cases, each field as a text and stopped at a few
     places.  */
  glob_t g;
  size_t texts = 0, bad = 0;
  if (glob (ABS_SRCDIR "/content/*/*.cb", 0, NULL, &g) == 0)
    {
      for (size_t f = 0; f < g.gl_pathc; f++)
        {
          FILE *fp = fopen (g.gl_pathv[f], "r");
          char *line = NULL;
          size_t cap = 0;
          ssize_t n;
          while (fp && (n = getline (&line, &cap, fp)) > 0)
            {
              char *colon = strstr (line, ": ");
              if (colon == NULL)
                continue;
              const char *s = colon + 2;
              size_t len = (size_t) (line + n - s);
              texts++;
              bad += !agree (a, s, len, SIZE_MAX) || !agree (a, s, len, 1)
                || !agree (a, s, len, 7);
            }
          free (line);
          if (fp)
            fclose (fp);
        }
      globfree (&g);
    }
  tap_ok (texts > 500 && bad == 0, "the shipped texts: the same positions "
          "for %zu of %zu", texts - bad, texts);

  /* Random mixes.  */
  static const char *const pieces[] = {
    "检", "察", "巡", "回", "机", "关", "。", "，", "、", "“", "”", "（", "）",
    "—", "…", " ", "\n", "\x1f", "a", "B", "z", "7", "0", "-", "'", ".",
    "’", "Procuratorate", "people's", "3.5", "\u00a0", "\u00b7",
    "檢", "察院", "體", "ＡＢ", "１２", "é", "ß", "①", "²", "ﬁ",
    "㈱", "\u200b", "\u3000", "丽", "\U00020000", "ｶ", "한", "글",
    "ア", "\x01",
    "x", "y", "e\u0301", "\u0301", "\u200d", "\ufe0f", "察\ufe00",
    "\U000e0100", "Å", "ｱ", "\u202a", "\u202e", "\u302a", "\u302f",
    /* Numbers and their joints, the bar (a fresh-eyes attack found
       the two ways apart on these, with a stop).  */
    "1", "2", "3", "123", "000", ",", "|", "\uff0c", "\uff0e", "\uff5c",
    "\uff11", "\uff12",
  };
  size_t npieces = sizeof pieces / sizeof *pieces;
  bad = random_mixes (a, pieces, npieces, 20000, 40, 12, 1);
  tap_ok (bad == 0, "random texts: the same positions for %d of %d",
          20000 - (int) bad, 20000);

  /* Numbers, their joints and the bar, densely: where the two ways
     parted (a stop just after a number whose joint only folding
     makes, a gap before a word that goes on in other letters).  */
  static const char *const dense[] = {
    "检", "察", "，", "、", " ", "\x1f", "a", "7", "0", "1", "2", "3", "123",
    "000", ",", ".", "|", "\uff0c", "\uff0e", "\uff5c", "檢", "é",
    "\uff11\uff12", "ＡＢ", "\u3000", "q",
  };
  size_t dense_bad = random_mixes (a, dense, sizeof dense / sizeof *dense,
                                   100000, 20, 8, 0);
  tap_ok (dense_bad == 0, "numbers and bars: the same positions in %zu of "
          "100000 texts", 100000 - dense_bad);

  /* Stopped before a character that plain punctuation takes but that
     folding, which a later character in the unit asks for, drops (a
     bidi embedding: the ideographs either side make a bigram) or joins
     to the character before (an ideographic tone mark).  */
  static const char *const moved[] = {
    "巡\u202a回是é", "巡\u202e回是é", "检察\u302a机关ü",
    "检\u302f察ü", "ab\u302a cdé",
  };
  size_t moved_bad = 0;
  for (size_t i = 0; i < sizeof moved / sizeof *moved; i++)
    for (size_t stop = 1; stop <= 3; stop++)
      moved_bad += !agree (a, moved[i], strlen (moved[i]), stop);
  tap_ok (moved_bad == 0, "stopped before a character folding drops or "
          "joins to the one before: the same positions (%zu differ)",
          moved_bad);

  /* Every character of the BMP but the ideographs (each ASCII
     character and each that the one pass takes among them), after
     where it stops, before it and twice, with a character later in the
     unit that sends the general way through the fold: one the list
     above misses, which folding moves, drops or turns into a letter,
     is found here, as is one the pass takes that it should not.  */
  static const uint32_t taken[][2] = {
    { 0x01, 0x33ff }, { 0xa000, 0xd7ff }, { 0xe000, 0xffff },
  };
  static const char *const around[][2] = {
    { "检察", "机关é" }, { "检", "察é" }, { "ab", "cdé" }, { "7", "检é" },
  };
  size_t each = 0, each_bad = 0;
  for (size_t r = 0; r < sizeof taken / sizeof *taken; r++)
    for (uint32_t uc = taken[r][0]; uc <= taken[r][1]; uc++)
      for (size_t t = 0; t < sizeof around / sizeof *around; t++)
        for (int twice = 0; twice < 2; twice++)
          {
            char s[64];
            size_t len = strlen (around[t][0]);
            memcpy (s, around[t][0], len);
            for (int k = 0; k <= twice; k++)
              len += (size_t) u8_uctomb ((uint8_t *) s + len, uc, 6);
            memcpy (s + len, around[t][1], strlen (around[t][1]));
            len += strlen (around[t][1]);
            each++;
            for (size_t stop = 1; stop <= 3; stop++)
              if (!agree (a, s, len, stop))
                {
                  each_bad++;
                  break;
                }
          }
  tap_ok (each_bad == 0, "each character of the BMP but the ideographs, "
          "before and after a stop: the same positions for %zu of %zu",
          each - each_bad, each);

  /* Plain text still takes the general way's word limit and units.  */
  struct analyze_positions p = { 0 };
  const char unit[] = "巡回检察\x1f" "ab 检，x";
  analyze_positions (a, unit, sizeof unit - 1, SIZE_MAX, &p);
  tap_ok (p.n == 7 && p.start[3] == 12 && p.end[3] == 13
          && p.start[6] == 22 && p.end[6] == 23,
          "bigrams, a unit's end, a word, a lone ideograph, a letter "
          "(%zu positions)", p.n);
  analyze_positions_free (&p);

  /* Two runs of ideographs, the second beginning with the character
     the first ends with, with nothing between them that takes a
     position: a gap does, so that their bigrams are not neighbours
     (大学 and 学生 would make 大学生), in the index, in a query and in
     the positions, whatever the runs' lengths; one that begins
     otherwise, or a word between, needs none.  */
  static const char *const gaps[][3] = {
    { "大学 | 学生", "大学 +学 |[9,9) 学生 +生 ", "大学 |[9,9) 学生 " },
    { "检察、察官", "检察 +察 |[9,9) 察官 +官 ", "检察 |[9,9) 察官 " },
    { "檢察　察官", "检察 +察 |[9,9) 察官 +官 ", "检察 |[9,9) 察官 " },
    { "检察、官员", "检察 +察 官员 +员 ", "检察 官员 " },
    { "检察、察、察官", "检察 +察 |[9,9) 察 |[15,15) 察官 +官 ",
      "检察 |[9,9) 察 |[15,15) 察官 " },
    { "学，学生", "学 |[6,6) 学生 +生 ", "学 |[6,6) 学生 " },
    { "检察 x 察官", "检察 +察 x 察官 +官 ", "检察 x 察官 " },
    /* The bar between keywords: after a token, before the next.  */
    { "惩戒 | 司法", "惩戒 +戒 |[9,9) 司法 +法 ", "惩戒 |[9,9) 司法 " },
    { "惩戒｜司法", "惩戒 +戒 |[9,9) 司法 +法 ", "惩戒 |[9,9) 司法 " },
    { "judicial | inquiry", "judici |[11,11) inquiri ",
      "judici |[11,11) inquiri " },
    { "| 司法 |", "司法 +法 ", "司法 " },
    { "司 || 法", "司 |[7,7) 法 ", "司 |[7,7) 法 " },
  };
  for (size_t i = 0; i < sizeof gaps / sizeof *gaps; i++)
    {
      char *index = tokens_of (a, gaps[i][0], ANALYZE_INDEX);
      char *query = tokens_of (a, gaps[i][0], ANALYZE_QUERY);
      tap_ok (strcmp (index, gaps[i][1]) == 0
              && strcmp (query, gaps[i][2]) == 0
              && agree (a, gaps[i][0], strlen (gaps[i][0]), SIZE_MAX)
              && agree (a, gaps[i][0], strlen (gaps[i][0]), 2),
              "%s: %s/ %s", gaps[i][0], index, query);
      free (index);
      free (query);
    }

  /* A number is one token over its commas and point: without its
     commas (1,217 is the Chinese 1217), its point kept (2.3 is not
     2-3), in the index, in a query and in the positions alike.  */
  static const char *const numbers[][2] = {
    { "1,217 册", "1217 册 " },
    { "1\xef\xbc\x8c" "217册", "1 217 册 " },
    { "分别为100\xef\xbc\x8c" "200\xef\xbc\x8c" "300人", "分别 别为 100 200 300 人 " },
    { "1.2021年以来", "1 2021 年以 以来 " },
    { "on 2022.07.14 the", "on 2022 07 14 the " },
    { "0.\xef\xbc\x91", "0 1 " },
    { "35.4%", "35.4 " },
    { "\xef\xbc\x91\xef\xbc\x8c\xef\xbc\x92\xef\xbc\x91\xef\xbc\x97",
      "1217 " },
    { "2.3 million", "2.3 million " },
    { "2\xef\xbc\x8e" "3", "2 3 " },
    { "\xef\xbc\x92\xef\xbc\x8e\xef\xbc\x93", "2.3 " },
    { "2-3 years", "2 3 year " },
    { "1,000,000.5", "1000000.5 " },
    { "1,2173", "1 2173 " },
    { "1,23", "1 23 " },
    { "3.5.6", "3 5 6 " },
    { "in 2019. Then", "in 2019 then " },
    { "2019.Then", "2019 then " },
    { "a1,000", "a1 000 " },
  };
  for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++)
    {
      char *index = tokens_of (a, numbers[i][0], ANALYZE_QUERY);
      tap_ok (strcmp (index, numbers[i][1]) == 0
              && agree (a, numbers[i][0], strlen (numbers[i][0]), SIZE_MAX)
              && agree (a, numbers[i][0], strlen (numbers[i][0]), 1),
              "%s: %s", numbers[i][0], index);
      free (index);
    }

  /* A possessive is its word: "Henan's" finds Henan, as the stemmer
     would have it if the apostrophe did not divide the word; an
     apostrophe that is no possessive still divides.  */
  static const char *const possessives[][2] = {
    { "Henan's", "henan " },
    { "Henan\u2019s court", "henan court " },
    { "HENAN'S", "henan " },
    { "prosecutors' cases", "prosecutor case " },
    { "the prosecutor's.", "the prosecutor " },
    { "Henan'sx", "henan sx " },
    { "don't", "don t " },
    { "1990's", "1990 s " },
    { "'s", "s " },
    { "Henan 's", "henan s " },
    { "Henan\uff07s \u53f0", "henan 台 " },
  };
  for (size_t i = 0; i < sizeof possessives / sizeof *possessives; i++)
    {
      const char *s = possessives[i][0];
      char *index = tokens_of (a, s, ANALYZE_INDEX);
      char *query = tokens_of (a, s, ANALYZE_QUERY);
      tap_ok (strcmp (index, possessives[i][1]) == 0
              && strcmp (query, possessives[i][1]) == 0
              && agree (a, s, strlen (s), SIZE_MAX)
              && agree (a, s, strlen (s), 1),
              "possessive %s: %s", s, index);
      free (index);
      free (query);
    }

  /* Whatever stands between runs, a phrase copied from a text, from a
     character to a character, finds it there: the gap is where the
     text has it (the characters either side decide).  */
  static const char *const bits[] = {
    "检", "察", "官", "学", "生", "、", "，", " ", " | ", "x", "“",
  };
  size_t copied = 0, missed = 0;
  struct positioned pt = { .n = 0 }, pq = { .n = 0 };
  for (int k = 0; k < 3000; k++)
    {
      const char *piece[12];
      size_t n = 2 + rnd (10);
      struct buf text = { 0 };
      for (size_t i = 0; i < n; i++)
        {
          piece[i] = bits[rnd (sizeof bits / sizeof *bits)];
          buf_adds (&text, piece[i]);
        }
      pt.n = pt.next = 0;
      analyze_text (a, text.data, text.len, ANALYZE_INDEX, take_positioned,
                    &pt);
      for (size_t from = 0; from < n; from++)
        for (size_t to = from + 1; to <= n; to++)
          {
            if (!analyze_is_single_cjk (piece[from], strlen (piece[from]))
                || !analyze_is_single_cjk (piece[to - 1],
                                           strlen (piece[to - 1])))
              continue;
            struct buf s = { 0 };
            for (size_t i = from; i < to; i++)
              buf_adds (&s, piece[i]);
            pq.n = pq.next = 0;
            analyze_text (a, s.data, s.len, ANALYZE_QUERY, take_positioned,
                          &pq);
            copied++;
            if (!phrase_in (&pq, &pt) && missed++ < 3)
              printf ("# \"%s\" not found in \"%s\"\n", s.data, text.data);
            buf_free (&s);
          }
      buf_free (&text);
    }
  for (size_t i = 0; i < 64; i++)
    {
      buf_free (&pt.tok[i]);
      buf_free (&pq.tok[i]);
    }
  tap_ok (copied > 10000 && missed == 0, "a phrase copied from a text "
          "finds it there: %zu of %zu", copied - missed, copied);

  /* Stems: a word in "ff" keeps both (staffing, staffed, staff), where
     Snowball undoes other doubled letters (hopping, hop).  */
  static const char *const stems[][2] = {
    { "staffing", "staff" }, { "staffed", "staff" }, { "staffs", "staff" },
    { "staff", "staff" }, { "bluffing", "bluff" }, { "hopping", "hop" },
    { "offered", "offer" },
    /* A noun's "-ment" or "-ion" left by the adjective's "-al" goes
       too, as the noun's does; other stems are not stemmed again.  */
    { "environmental", "environ" }, { "environment", "environ" },
    { "departmental", "depart" }, { "department", "depart" },
    { "professional", "profess" }, { "profession", "profess" },
    { "provisional", "provis" }, { "provision", "provis" },
    { "regional", "region" }, { "national", "nation" },
    { "implemented", "implement" }, { "only", "onli" },
    { "overall", "overal" },
    /* Words Snowball would cut to a word of another meaning.  */
    { "minorities", "minorit" }, { "minority", "minorit" },
    { "minors", "minor" }, { "organizations", "organiz" },
    { "organizational", "organiz" }, { "organised", "organiz" },
    { "organs", "organ" }, { "accountability", "accountab" },
    { "accountable", "accountab" }, { "accounting", "account" },
    { "international", "internation" }, { "internal", "intern" },
    { "objectives", "objectiv" }, { "objection", "object" },
    { "publicity", "publici" }, { "publicize", "publici" },
    { "publications", "publicat" },
    /* The British -yse is the American -yze.  */
    { "analyse", "analyz" }, { "analysed", "analyz" }, { "analysing", "analyz" },
    { "analyze", "analyz" },
    /* "-ise" that American English spells so too is not made "-ize":
       the verb stems as its noun does.  */
    { "supervise", "supervis" }, { "supervised", "supervis" },
    { "supervision", "supervis" }, { "revise", "revis" },
    { "revision", "revis" }, { "advised", "advis" },
    { "enterprises", "enterpris" }, { "exercise", "exercis" },
    { "praised", "prais" }, { "organise", "organiz" },
    { "criticise", "critic" }, { "criticize", "critic" },
    { "minimise", "minim" }, { "standardised", "standard" },
    { "incentivise", "incentiv" }, { "incentivize", "incentiv" },
    { "practised", "practic" }, { "practice", "practic" },
    /* A noun in "-ification" stems as its verb in "-ify".  */
    { "verification", "verifi" }, { "verify", "verifi" },
    { "verified", "verifi" }, { "rectifications", "rectifi" },
    { "rectify", "rectifi" }, { "notification", "notifi" },
    /* Only the words of a family: a slip that begins as one does not
       take its stem.  */
    { "publicintrest", "publicintrest" }, { "organizzz", "organizzz" },
    { "public", "public" },
  };
  for (size_t i = 0; i < sizeof stems / sizeof *stems; i++)
    {
      char *key = engine_compile_token_key (a, stems[i][0]);
      tap_is (key, stems[i][1], "%s stems as %s", stems[i][0], stems[i][1]);
      free (key);
    }

  analyzer_free (a);
  return tap_done ();
}
