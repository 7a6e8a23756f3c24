/* search.c -- query matching and ranking.

   Word terms are matched in folded text (norm_fold) and mapped back to the
   original through the fold map; English terms must start at a word
   boundary (so "inspect" finds "inspection" but "spect" does not), Chinese
   terms match anywhere.  Regexes run on the original text with PCRE2 under
   a match limit.  */

#include <config.h>
#include "search.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "i18n.h"
#include "norm.h"
#include "util.h"

struct hitvec
{
  struct hit *items;
  size_t count;
  size_t alloc;
};

static void
hitvec_add (struct hitvec *v, const struct hit *h)
{
  v->items = xgrow (v->items, &v->alloc, v->count + 1, sizeof *v->items);
  v->items[v->count++] = *h;
}

const struct text *
search_hit_text (const struct document *doc, const struct hit *h)
{
  switch (h->part)
    {
    case PART_TITLE:
      return bitext_get (&doc->title, h->lang);
    case PART_SECTION:
      return bitext_get (&doc->sections[h->section].title, h->lang);
    case PART_BLOCK:
    default:
      return bitext_get (&doc->sections[h->section].blocks[h->block].text,
                         h->lang);
    }
}

/* How common a byte is in folded case text, roughly (lower is rarer):
   English letter frequencies, and for UTF-8 the lead bytes of CJK
   (very common) and continuation bytes (spread over 64 values).  */
static unsigned char
byte_commonness (unsigned char c)
{
  static const unsigned char letters[26] = {
    /* a */ 82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24,
    /* n */ 67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1
  };
  if (c >= 'a' && c <= 'z')
    return letters[c - 'a'];
  if (c == ' ')
    return 180;
  if (c >= 0xe0)
    return 200;
  if (c >= 0x80 && c < 0xc0)
    return 30;
  return 50;
}

void
search_finder_init (struct search_finder *f, const char *needle, size_t len)
{
  f->needle = needle;
  f->len = len;
  f->rare1 = f->rare2 = 0;
  if (len < 2)
    return;
  /* The rarest byte, then the rarest at another position: two bytes at a
     fixed distance rule out far more than one.  */
  size_t a = 0;
  for (size_t i = 1; i < len; i++)
    if (byte_commonness ((unsigned char) needle[i])
        < byte_commonness ((unsigned char) needle[a]))
      a = i;
  size_t b = a == 0 ? 1 : 0;
  for (size_t i = 0; i < len; i++)
    if (i != a && byte_commonness ((unsigned char) needle[i])
        < byte_commonness ((unsigned char) needle[b]))
      b = i;
  f->rare1 = a < b ? a : b;
  f->rare2 = a < b ? b : a;
}

/* The running state of search_text_sum: four lanes of 64-bit words, and
   of their running sums.  */
struct text_sum
{
  uint64_t a[4], b[4];
};

/* Add the 32-byte blocks at P.  */
static void
sum_blocks (struct text_sum *s, const char *p, size_t nblocks)
{
  for (size_t i = 0; i < nblocks; i++, p += 32)
    for (int k = 0; k < 4; k++)
      {
        uint64_t w;
        memcpy (&w, p + 8 * k, sizeof w);
        s->a[k] += w;
        s->b[k] += s->a[k];
      }
}

/* Add the last LEN % 32 bytes of DATA (as a block padded with zeros) and
   mix.  */
static uint64_t
sum_finish (struct text_sum *s, const char *data, size_t len)
{
  size_t tail = len % 32;
  if (tail)
    {
      char block[32] = { 0 };
      memcpy (block, data + len - tail, tail);
      sum_blocks (s, block, 1);
    }
  return util_hash (len, s, sizeof *s);
}

/* CASEBOOK_NO_VECTOR and CASEBOOK_NO_AVX2 build the plainer ways, which
   the tests compare with the best (a cache may move between machines).  */
#if defined __GNUC__ && defined __x86_64__ && !defined CASEBOOK_NO_VECTOR
# include <immintrin.h>
# define FINDER_X86 1

/* Append the positions among P + the set bits of MASK at which F's
   needle stands.  */
static void
add_candidates (const struct search_finder *f, const char *hay, size_t p,
                uint32_t mask, size_t **at, size_t *n, size_t *alloc)
{
  while (mask)
    {
      size_t pos = p + (size_t) __builtin_ctz (mask);
      mask &= mask - 1;
      /* Most candidates differ in the first bytes: compare those inline
         (the needle is at least two bytes).  */
      if (hay[pos] != f->needle[0] || hay[pos + 1] != f->needle[1]
          || memcmp (hay + pos + 2, f->needle + 2, f->len - 2) != 0)
        continue;
      if (*n == *alloc)
        *at = xgrow (*at, alloc, *n + 1, sizeof **at);
      (*at)[(*n)++] = pos;
    }
}

/* The blocks of a scan, with AVX2 where the processor has it (checked at
   run time: the program is built for any x86-64).  Each adds to S the
   32-byte blocks it reads, from the start of HAY; with F, it also tests
   the positions from there to LAST for the needle.  Returns the first
   position (and block) it did not take.  */
# ifndef CASEBOOK_NO_AVX2
__attribute__ ((target ("avx2")))
static size_t
scan_avx2 (const struct search_finder *f, const char *hay, size_t len,
           size_t last, struct text_sum *s, size_t **at, size_t *n,
           size_t *alloc)
{
  __m256i a = _mm256_loadu_si256 ((const __m256i *) s->a);
  __m256i b = _mm256_loadu_si256 ((const __m256i *) s->b);
  size_t p = 0;
  if (f)
    {
      __m256i want1 = _mm256_set1_epi8 (f->needle[f->rare1]);
      __m256i want2 = _mm256_set1_epi8 (f->needle[f->rare2]);
      for (; p + 32 <= last + 1; p += 32)
        {
          __m256i z = _mm256_loadu_si256 ((const __m256i *) (hay + p));
          __m256i x = _mm256_loadu_si256 ((const __m256i *) (hay + p + f->rare1));
          __m256i y = _mm256_loadu_si256 ((const __m256i *) (hay + p + f->rare2));
          a = _mm256_add_epi64 (a, z);
          b = _mm256_add_epi64 (b, a);
          uint32_t mask = (uint32_t) _mm256_movemask_epi8
            (_mm256_and_si256 (_mm256_cmpeq_epi8 (x, want1),
                               _mm256_cmpeq_epi8 (y, want2)));
          if (mask)
            add_candidates (f, hay, p, mask, at, n, alloc);
        }
    }
  size_t q = p;
  for (; q + 32 <= len; q += 32)
    {
      __m256i z = _mm256_loadu_si256 ((const __m256i *) (hay + q));
      a = _mm256_add_epi64 (a, z);
      b = _mm256_add_epi64 (b, a);
    }
  _mm256_storeu_si256 ((__m256i *) s->a, a);
  _mm256_storeu_si256 ((__m256i *) s->b, b);
  return p;
}
# endif

/* The same with SSE2, which every x86-64 has: two halves of a block.  */
static size_t
scan_sse2 (const struct search_finder *f, const char *hay, size_t len,
           size_t last, struct text_sum *s, size_t **at, size_t *n,
           size_t *alloc)
{
  __m128i a0 = _mm_loadu_si128 ((const __m128i *) s->a);
  __m128i a1 = _mm_loadu_si128 ((const __m128i *) (s->a + 2));
  __m128i b0 = _mm_loadu_si128 ((const __m128i *) s->b);
  __m128i b1 = _mm_loadu_si128 ((const __m128i *) (s->b + 2));
  size_t p = 0;
  if (f)
    {
      __m128i want1 = _mm_set1_epi8 (f->needle[f->rare1]);
      __m128i want2 = _mm_set1_epi8 (f->needle[f->rare2]);
      for (; p + 32 <= last + 1; p += 32)
        {
          __m128i z0 = _mm_loadu_si128 ((const __m128i *) (hay + p));
          __m128i z1 = _mm_loadu_si128 ((const __m128i *) (hay + p + 16));
          a0 = _mm_add_epi64 (a0, z0);
          a1 = _mm_add_epi64 (a1, z1);
          b0 = _mm_add_epi64 (b0, a0);
          b1 = _mm_add_epi64 (b1, a1);
          uint32_t mask = 0;
          for (int h = 0; h < 2; h++)
            {
              const char *base = hay + p + 16 * h;
              __m128i x = _mm_loadu_si128 ((const __m128i *) (base + f->rare1));
              __m128i y = _mm_loadu_si128 ((const __m128i *) (base + f->rare2));
              mask |= (uint32_t) _mm_movemask_epi8
                (_mm_and_si128 (_mm_cmpeq_epi8 (x, want1),
                                _mm_cmpeq_epi8 (y, want2))) << (16 * h);
            }
          if (mask)
            add_candidates (f, hay, p, mask, at, n, alloc);
        }
    }
  for (size_t q = p; q + 32 <= len; q += 32)
    {
      a0 = _mm_add_epi64 (a0, _mm_loadu_si128 ((const __m128i *) (hay + q)));
      a1 = _mm_add_epi64 (a1, _mm_loadu_si128 ((const __m128i *) (hay + q + 16)));
      b0 = _mm_add_epi64 (b0, a0);
      b1 = _mm_add_epi64 (b1, a1);
    }
  _mm_storeu_si128 ((__m128i *) s->a, a0);
  _mm_storeu_si128 ((__m128i *) (s->a + 2), a1);
  _mm_storeu_si128 ((__m128i *) s->b, b0);
  _mm_storeu_si128 ((__m128i *) (s->b + 2), b1);
  return p;
}
#endif

/* Scan HAY: its blocks into S; with F, the positions of the needle up to
   LAST too.  */
static void
scan (const struct search_finder *f, const char *hay, size_t len,
      size_t last, struct text_sum *s, size_t **at, size_t *n,
      size_t *alloc)
{
  size_t p = 0;
#ifdef FINDER_X86
# ifndef CASEBOOK_NO_AVX2
  if (__builtin_cpu_supports ("avx2"))
    p = scan_avx2 (f, hay, len, last, s, at, n, alloc);
  else
# endif
    p = scan_sse2 (f, hay, len, last, s, at, n, alloc);
  /* The blocks from P were summed; the positions from P are left.  */
#else
  sum_blocks (s, hay, len / 32);
#endif
  for (; f && p <= last; p++)
    if (hay[p + f->rare1] == f->needle[f->rare1]
        && hay[p + f->rare2] == f->needle[f->rare2]
        && memcmp (hay + p, f->needle, f->len) == 0)
      {
        *at = xgrow (*at, alloc, *n + 1, sizeof **at);
        (*at)[(*n)++] = p;
      }
}

uint64_t
search_text_sum (const char *data, size_t len)
{
  struct text_sum s = { { 0 }, { 0 } };
  scan (NULL, data, len, 0, &s, NULL, NULL, NULL);
  return sum_finish (&s, data, len);
}

uint64_t
search_finder_scan (const struct search_finder *f, const char *hay,
                    size_t len, size_t **at, size_t *n, size_t *alloc)
{
  struct text_sum s = { { 0 }, { 0 } };
  if (f->len >= 2 && f->len <= len)
    scan (f, hay, len, len - f->len, &s, at, n, alloc);
  else
    {
      scan (NULL, hay, len, 0, &s, NULL, NULL, NULL);
      for (size_t p = 0; f->len == 1 && p < len; p++)
        if (hay[p] == f->needle[0])
          {
            *at = xgrow (*at, alloc, *n + 1, sizeof **at);
            (*at)[(*n)++] = p;
          }
    }
  return sum_finish (&s, hay, len);
}

const char *
search_finder_find (const struct search_finder *f, const char *hay,
                    size_t hay_len)
{
  size_t n = f->len;
  if (n == 0 || n > hay_len)
    return n == 0 ? hay : NULL;
  if (n == 1)
    return memchr (hay, f->needle[0], hay_len);
  /* memchr for the rarer byte, then the other, then the rest.  */
  const char *needle = f->needle;
  size_t r1 = f->rare1, r2 = f->rare2;
  if (byte_commonness ((unsigned char) needle[r2])
      < byte_commonness ((unsigned char) needle[r1]))
    {
      r1 = f->rare2;
      r2 = f->rare1;
    }
  for (size_t p = 0; p + n <= hay_len; p++)
    {
      const char *m = memchr (hay + p + r1, needle[r1], hay_len - n - p + 1);
      if (m == NULL)
        return NULL;
      p = (size_t) (m - hay) - r1;
      if (hay[p + r2] == needle[r2] && memcmp (hay + p, needle, n) == 0)
        return hay + p;
    }
  return NULL;
}

/* Is the folded byte position POS at the start of a word?  */
int
search_at_word_start (const char *s, size_t pos)
{
  if (pos == 0)
    return 1;
  const uint8_t *start = (const uint8_t *) s;
  ucs4_t uc;
  const uint8_t *q = u8_prev (&uc, start + pos, start);
  if (q == NULL)
    return 1;
  return !norm_is_word (uc);
}

int
search_needs_boundary (const char *alt)
{
  ucs4_t uc;
  u8_mbtouc (&uc, (const uint8_t *) alt, strlen (alt));
  return norm_is_word (uc);
}

/* Does the original text T hold the literal of regex term TERM?  */
static int
has_literal (const struct term *term, const struct text *t)
{
  struct search_finder f;
  search_finder_init (&f, term->literal, strlen (term->literal));
  return search_finder_find (&f, t->str, t->len) != NULL;
}

/* Count (and, with V, record) the hits of word term T in the folded
   text F of original text ORIG.  */
static size_t
match_words (const struct term *t, const struct folded *f, struct hitvec *v,
             const struct hit *proto, unsigned has)
{
  size_t count = 0;
  for (size_t a = 0; a < t->nalts; a++)
    {
      if (t->alt_needs && (t->alt_needs[a] & has) != t->alt_needs[a])
        continue;               /* this text cannot hold it */
      const char *alt = t->alts[a];
      size_t alen = strlen (alt);
      int boundary = search_needs_boundary (alt);
      struct search_finder finder;
      search_finder_init (&finder, alt, alen);
      const char *p = f->str, *e = f->str + f->len;
      while (p < e)
        {
          const char *m = search_finder_find (&finder, p, (size_t) (e - p));
          if (m == NULL)
            break;
          size_t fs = (size_t) (m - f->str), fe = fs + alen;
          if (!boundary || search_at_word_start (f->str, fs))
            {
              count++;
              if (v)
                {
                  struct hit h = *proto;
                  /* Without a map (the search cache), hits stay in folded
                     offsets: enough to count and merge them.  */
                  h.start = f->start ? f->start[fs] : fs;
                  h.end = f->end ? f->end[fe - 1] : fe;
                  hitvec_add (v, &h);
                }
            }
          p = m + 1;
        }
    }
  return count;
}

static long match_regex (const struct term *t, const struct text *orig,
                         const size_t *starts, size_t nstarts, size_t base,
                         struct hitvec *v, const struct hit *proto,
                         char **error, struct search_scratch *scratch);

struct search_scratch *
search_scratch_new (void)
{
  struct search_scratch *sc = xcalloc (1, sizeof *sc);
  sc->md = pcre2_match_data_create (1, NULL);
  sc->mc = pcre2_match_context_create (NULL);
  pcre2_set_match_limit (sc->mc, QUERY_MATCH_LIMIT);
  pcre2_set_depth_limit (sc->mc, QUERY_DEPTH_LIMIT);
  pcre2_set_heap_limit (sc->mc, 20000);  /* KiB */
  return sc;
}

void
search_scratch_free (struct search_scratch *sc)
{
  if (sc == NULL)
    return;
  pcre2_match_data_free (sc->md);
  pcre2_match_context_free (sc->mc);
  free (sc);
}

long
search_regex_spans (const struct term *t, const char *s, size_t len,
                    const size_t *starts, size_t nstarts, size_t base,
                    struct search_span **spans, size_t *nspans,
                    size_t *alloc, char **error,
                    struct search_scratch *scratch)
{
  struct hitvec v = { 0 };
  struct text orig = { (char *) s, len, ORIGIN_RELEASE, 0, 0 };
  struct hit proto = { .part = PART_BLOCK };
  long n = match_regex (t, &orig, starts, nstarts, base, &v, &proto, error,
                        scratch);
  for (size_t i = 0; n > 0 && i < v.count; i++)
    {
      *spans = xgrow (*spans, alloc, *nspans + 1, sizeof **spans);
      (*spans)[(*nspans)++] = (struct search_span) { v.items[i].start, v.items[i].end };
    }
  free (v.items);
  return n;
}

/* Run regex term T over ORIG (see search_regex_spans for STARTS).
   Returns the count or -1 on a limit.
   SCRATCH, if not NULL, lends the match data and limits.  */
static long
match_regex (const struct term *t, const struct text *orig,
             const size_t *starts, size_t nstarts, size_t base,
             struct hitvec *v, const struct hit *proto, char **error,
             struct search_scratch *scratch)
{
  struct search_scratch *own = scratch ? NULL : search_scratch_new ();
  struct search_scratch *sc = scratch ? scratch : own;
  pcre2_match_data *md = sc->md;
  pcre2_match_context *mc = sc->mc;
  long count = 0;
  PCRE2_SIZE off = 0;
  uint32_t opts = PCRE2_NO_UTF_CHECK;
  size_t next = 0;
  while (off <= orig->len)
    {
      if (starts && opts == PCRE2_NO_UTF_CHECK)
        {
          /* Every match begins with the literal: start where it next
             stands (PCRE2 still sees what comes before), and stop where
             it stands no more.  */
          while (next < nstarts && starts[next] - base < off)
            next++;
          if (next == nstarts)
            break;
          off = starts[next] - base;
        }
      /* pcre2_jit_match skips pcre2_match's checks (it takes no
         PCRE2_ANCHORED, which only the retry after an empty match uses):
         on many short texts the checks cost as much as the matching.  */
      int rc = t->jit && opts == PCRE2_NO_UTF_CHECK
        ? pcre2_jit_match (t->re, (PCRE2_SPTR) orig->str, orig->len, off, 0, md, mc)
        : pcre2_match (t->re, (PCRE2_SPTR) orig->str, orig->len, off, opts, md, mc);
      if (rc == PCRE2_ERROR_NOMATCH)
        {
          if (opts & PCRE2_NOTEMPTY_ATSTART)
            {
              /* Advance one character after an empty match.  */
              opts = PCRE2_NO_UTF_CHECK;
              off++;
              while (off < orig->len && (orig->str[off] & 0xc0) == 0x80)
                off++;
              continue;
            }
          break;
        }
      if (rc < 0)
        {
          PCRE2_UCHAR msg[256];
          pcre2_get_error_message (rc, msg, sizeof msg);
          *error = xasprintf (_("regular expression /%s/ failed: %s"),
                              t->source, (const char *) msg);
          count = -1;
          break;
        }
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
      if (ov[1] > ov[0])
        {
          count++;
          if (v)
            {
              struct hit h = *proto;
              h.start = ov[0];
              h.end = ov[1];
              hitvec_add (v, &h);
            }
        }
      off = ov[1];
      opts = PCRE2_NO_UTF_CHECK | (ov[1] == ov[0] ? PCRE2_NOTEMPTY_ATSTART
                                   | PCRE2_ANCHORED : 0);
    }
  search_scratch_free (own);
  return count;
}

struct doc_scan
{
  const struct query *q;
  size_t *tf;                   /* weighted term frequency per term */
  size_t length;                /* folded bytes, for BM25 */
  struct hitvec hits;
  char *error;
};

static void
scan_text (struct doc_scan *s, const struct text *t, const struct hit *proto,
           size_t weight, int is_keywords)
{
  if (t == NULL || s->error)
    return;
  if (s->q->lang_only >= 0 && (int) proto->lang != s->q->lang_only)
    return;
  struct folded f;
  norm_fold (t->str, t->len, 1, &f);
  s->length += f.len;
  for (size_t i = 0; i < s->q->nterms; i++)
    {
      const struct term *term = &s->q->terms[i];
      struct hitvec *v = term->negated ? NULL : &s->hits;
      long n;
      if (term->kind == TERM_WORDS)
        n = (long) match_words (term, &f, v, proto, ~0u);
      else if (term->literal && !has_literal (term, t))
        n = 0;                  /* every match holds the literal */
      else
        n = match_regex (term, t, NULL, 0, 0, v, proto, &s->error, NULL);
      if (n < 0)
        break;
      s->tf[i] += (size_t) n * weight;
    }
  if (is_keywords)
    {
      /* Show tag: filters as hits on the keyword list they matched.  */
      struct term tag_term = { 0 };
      for (size_t i = 0; i < s->q->ntags; i++)
        {
          tag_term.alts = &s->q->tags[i];
          tag_term.nalts = 1;
          match_words (&tag_term, &f, &s->hits, proto, ~0u);
        }
    }
  norm_folded_free (&f);
}

static int
compare_hits (const void *a, const void *b)
{
  const struct hit *x = a, *y = b;
  if (x->part != y->part)
    return (int) x->part - (int) y->part;
  if (x->section != y->section)
    return x->section < y->section ? -1 : 1;
  if (x->block != y->block)
    return x->block < y->block ? -1 : 1;
  if (x->lang != y->lang)
    return (int) x->lang - (int) y->lang;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? 1 : x->end > y->end ? -1 : 0;
}

/* Sort hits and drop those inside an earlier one (overlapping renderings
   of one term, such as "circuit inspection" and "circuit inspections").  */
static void
normalize_hits (struct hitvec *v)
{
  if (v->count > 1)             /* qsort (NULL, 0, ...) is undefined */
    qsort (v->items, v->count, sizeof *v->items, compare_hits);
  size_t n = 0;
  for (size_t i = 0; i < v->count; i++)
    {
      if (n > 0)
        {
          struct hit *p = &v->items[n - 1], *h = &v->items[i];
          if (p->part == h->part && p->section == h->section
              && p->block == h->block && p->lang == h->lang
              && h->start < p->end)
            {
              if (h->end > p->end)
                p->end = h->end;
              continue;
            }
        }
      v->items[n++] = v->items[i];
    }
  v->count = n;
}

static int
doc_has_tag (const struct document *doc, const char *tag)
{
  for (int l = 0; l < LANG_COUNT; l++)
    for (size_t i = 0; i < doc->keywords.count[l]; i++)
      {
        char *f = norm_fold_string (doc->keywords.items[l][i],
                                    strlen (doc->keywords.items[l][i]));
        int eq = strcmp (f, tag) == 0;
        free (f);
        if (eq)
          return 1;
      }
  return 0;
}

/* Scan DOC; fills S.  Returns 1 match, 0 no match, -1 error.  */
static int
scan_document (const struct query *q, const struct document *doc,
               struct doc_scan *s)
{
  memset (s, 0, sizeof *s);
  s->q = q;
  s->tf = xcalloc (q->nterms + 1, sizeof *s->tf);
  for (size_t i = 0; i < q->ntags; i++)
    if (!doc_has_tag (doc, q->tags[i]))
      return 0;
  for (int l = 0; l < LANG_COUNT; l++)
    {
      struct hit proto = { .part = PART_TITLE, .lang = (enum lang) l };
      scan_text (s, bitext_get (&doc->title, l), &proto, 3, 0);
    }
  for (size_t si = 0; si < doc->nsections; si++)
    {
      const struct section *sec = &doc->sections[si];
      for (int l = 0; l < LANG_COUNT; l++)
        {
          struct hit proto = { .part = PART_SECTION, .section = si,
                               .lang = (enum lang) l };
          scan_text (s, bitext_get (&sec->title, l), &proto, 1, 0);
        }
      for (size_t b = 0; b < sec->nblocks; b++)
        for (int l = 0; l < LANG_COUNT; l++)
          {
            const struct block *blk = &sec->blocks[b];
            struct hit proto = { .part = PART_BLOCK, .section = si,
                                 .block = b, .lang = (enum lang) l };
            int kw = blk->kind == BLOCK_KEYWORDS;
            scan_text (s, bitext_get (&blk->text, l), &proto,
                       kw || blk->kind == BLOCK_HEADING ? 3 : 1, kw);
          }
    }
  if (s->error)
    return -1;
  for (size_t i = 0; i < q->nterms; i++)
    {
      if (q->terms[i].negated && s->tf[i] > 0)
        return 0;
      if (!q->terms[i].negated && s->tf[i] == 0)
        return 0;
    }
  return 1;
}

static void
scan_free (struct doc_scan *s)
{
  free (s->tf);
  free (s->hits.items);
  free (s->error);
}

int
search_document (const struct query *q, const struct document *doc,
                 struct doc_result *out, char **error)
{
  struct doc_scan s;
  int r = scan_document (q, doc, &s);
  memset (out, 0, sizeof *out);
  out->doc = doc;
  if (r < 0)
    {
      *error = s.error;
      s.error = NULL;
    }
  else if (r > 0)
    {
      normalize_hits (&s.hits);
      out->hits = s.hits.items;
      out->nhits = s.hits.count;
      s.hits.items = NULL;
    }
  scan_free (&s);
  return r;
}

void
search_doc_result_free (struct doc_result *r)
{
  free (r->hits);
  r->hits = NULL;
  r->nhits = 0;
}

static int
compare_results (const void *a, const void *b)
{
  const struct doc_result *x = a, *y = b;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return (x->doc->number > y->doc->number) - (x->doc->number < y->doc->number);
}

double
search_score (const struct query *q, const size_t *tf, size_t length,
              const size_t *df, size_t ndocs, double avg_length)
{
  /* BM25 with k1 = 1.2, b = 0.75 over folded lengths; title, heading and
     keyword hits already count three times in TF.  */
  double score = 0;
  for (size_t t = 0; t < q->nterms; t++)
    {
      if (q->terms[t].negated)
        continue;
      double idf = log (1.0 + ((double) ndocs - (double) df[t] + 0.5)
                        / ((double) df[t] + 0.5));
      double f = (double) tf[t];
      double norm = 1.2 * (0.25 + 0.75 * (double) length
                           / (avg_length > 0 ? avg_length : 1));
      score += idf * f * 2.2 / (f + norm);
    }
  return score;
}

void
search_counter_init (struct search_counter *c, const struct query *q)
{
  memset (c, 0, sizeof *c);
  c->q = q;
  c->tf = xcalloc (q->nterms + 1, sizeof *c->tf);
}

void
search_counter_text (struct search_counter *c, const char *folded, size_t len,
                     enum lang lang, size_t weight, int is_keywords,
                     unsigned has)
{
  const struct query *q = c->q;
  if (q->lang_only >= 0 && (int) lang != q->lang_only)
    return;
  c->length += len;
  struct folded f = { (char *) folded, len, NULL, NULL };
  struct hitvec v = { 0 };
  struct hit proto = { .part = PART_BLOCK, .lang = lang };
  for (size_t i = 0; i < q->nterms; i++)
    {
      const struct term *term = &q->terms[i];
      c->tf[i] += match_words (term, &f, term->negated ? NULL : &v, &proto,
                               has) * weight;
    }
  if (is_keywords)
    {
      struct term tag_term = { 0 };
      for (size_t i = 0; i < q->ntags; i++)
        {
          tag_term.alts = &q->tags[i];
          tag_term.nalts = 1;
          match_words (&tag_term, &f, &v, &proto, ~0u);
        }
    }
  normalize_hits (&v);
  c->hits += v.count;
  free (v.items);
}

int
search_counter_matches (const struct search_counter *c)
{
  for (size_t i = 0; i < c->q->nterms; i++)
    {
      if (c->q->terms[i].negated && c->tf[i] > 0)
        return 0;
      if (!c->q->terms[i].negated && c->tf[i] == 0)
        return 0;
    }
  return 1;
}

void
search_counter_free (struct search_counter *c)
{
  free (c->tf);
  c->tf = NULL;
}

int
search_library (const struct query *q, const struct library *lib,
                struct search_results *res, char **error)
{
  memset (res, 0, sizeof *res);
  size_t ndocs = library_document_count (lib);
  struct doc_scan *scans = xcalloc (ndocs, sizeof *scans);
  int *matched = xcalloc (ndocs, sizeof *matched);
  size_t *df = xcalloc (q->nterms + 1, sizeof *df);
  double total_len = 0;
  int rc = 0;
  for (size_t i = 0; i < ndocs; i++)
    {
      matched[i] = scan_document (q, library_document (lib, i), &scans[i]);
      if (matched[i] < 0)
        {
          *error = scans[i].error;
          scans[i].error = NULL;
          rc = -1;
          ndocs = i + 1;
          break;
        }
      total_len += (double) scans[i].length;
      for (size_t t = 0; t < q->nterms; t++)
        df[t] += scans[i].tf[t] > 0;
    }
  if (rc == 0)
    {
      double avg = ndocs ? total_len / (double) ndocs : 1;
      size_t alloc = 0;
      for (size_t i = 0; i < ndocs; i++)
        {
          if (matched[i] != 1)
            continue;
          struct doc_result r = { .doc = library_document (lib, i) };
          r.score = search_score (q, scans[i].tf, scans[i].length, df, ndocs, avg);
          normalize_hits (&scans[i].hits);
          r.hits = scans[i].hits.items;
          r.nhits = scans[i].hits.count;
          scans[i].hits.items = NULL;
          res->docs = xgrow (res->docs, &alloc, res->ndocs + 1,
                             sizeof *res->docs);
          res->docs[res->ndocs++] = r;
          res->total_hits += r.nhits;
        }
      if (res->ndocs > 1)
        qsort (res->docs, res->ndocs, sizeof *res->docs, compare_results);
    }
  for (size_t i = 0; i < ndocs; i++)
    scan_free (&scans[i]);
  free (scans);
  free (matched);
  free (df);
  return rc;
}

void
search_results_free (struct search_results *res)
{
  for (size_t i = 0; i < res->ndocs; i++)
    free (res->docs[i].hits);
  free (res->docs);
  memset (res, 0, sizeof *res);
}
