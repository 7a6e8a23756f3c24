/* search.c -- query matching and ranking.

   Word terms are matched in folded text (norm_fold) and mapped back to the
   original through the fold map; English terms must start at a word
   boundary (so "inspect" finds "inspection" but "spect" does not), Chinese
   terms match anywhere.  Regexes run on the original text with PCRE2 under
   a match limit.  */

#include <config.h>
#include "search.h"

#include <math.h>
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

/* Is the folded byte position POS at the start of a word?  */
static int
at_word_start (const char *s, size_t pos)
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

static int
alt_needs_boundary (const char *alt)
{
  ucs4_t uc;
  u8_mbtouc (&uc, (const uint8_t *) alt, strlen (alt));
  return norm_is_word (uc);
}

/* Count (and, with V, record) the hits of word term T in the folded
   text F of original text ORIG.  */
static size_t
match_words (const struct term *t, const struct folded *f, struct hitvec *v,
             const struct hit *proto)
{
  size_t count = 0;
  for (size_t a = 0; a < t->nalts; a++)
    {
      const char *alt = t->alts[a];
      size_t alen = strlen (alt);
      int boundary = alt_needs_boundary (alt);
      const char *p = f->str, *e = f->str + f->len;
      while (p < e)
        {
          const char *m = memmem (p, (size_t) (e - p), alt, alen);
          if (m == NULL)
            break;
          size_t fs = (size_t) (m - f->str), fe = fs + alen;
          if (!boundary || at_word_start (f->str, fs))
            {
              count++;
              if (v)
                {
                  struct hit h = *proto;
                  h.start = f->start[fs];
                  h.end = f->end[fe - 1];
                  hitvec_add (v, &h);
                }
            }
          p = m + 1;
        }
    }
  return count;
}

/* Run regex term T over ORIG.  Returns the count or -1 on a limit.  */
static long
match_regex (const struct term *t, const struct text *orig,
             struct hitvec *v, const struct hit *proto, char **error)
{
  pcre2_match_data *md = pcre2_match_data_create_from_pattern (t->re, NULL);
  pcre2_match_context *mc = pcre2_match_context_create (NULL);
  pcre2_set_match_limit (mc, QUERY_MATCH_LIMIT);
  pcre2_set_depth_limit (mc, QUERY_DEPTH_LIMIT);
  pcre2_set_heap_limit (mc, 20000);  /* KiB */
  long count = 0;
  PCRE2_SIZE off = 0;
  uint32_t opts = PCRE2_NO_UTF_CHECK;
  while (off <= orig->len)
    {
      int rc = pcre2_match (t->re, (PCRE2_SPTR) orig->str, orig->len, off,
                            opts, md, mc);
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
  pcre2_match_context_free (mc);
  pcre2_match_data_free (md);
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
        n = (long) match_words (term, &f, v, proto);
      else
        n = match_regex (term, t, v, proto, &s->error);
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
          match_words (&tag_term, &f, &s->hits, proto);
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
      /* BM25 with k1 = 1.2, b = 0.75 over folded lengths; title, heading
         and keyword hits already count three times in tf.  */
      double avg = ndocs ? total_len / (double) ndocs : 1;
      size_t alloc = 0;
      for (size_t i = 0; i < ndocs; i++)
        {
          if (matched[i] != 1)
            continue;
          struct doc_result r = { .doc = library_document (lib, i) };
          for (size_t t = 0; t < q->nterms; t++)
            {
              if (q->terms[t].negated)
                continue;
              double idf = log (1.0 + ((double) ndocs - (double) df[t] + 0.5)
                                / ((double) df[t] + 0.5));
              double tf = (double) scans[i].tf[t];
              double norm = 1.2 * (0.25 + 0.75 * (double) scans[i].length
                                   / (avg > 0 ? avg : 1));
              r.score += idf * tf * 2.2 / (tf + norm);
            }
          normalize_hits (&scans[i].hits);
          r.hits = scans[i].hits.items;
          r.nhits = scans[i].hits.count;
          scans[i].hits.items = NULL;
          res->docs = xgrow (res->docs, &alloc, res->ndocs + 1,
                             sizeof *res->docs);
          res->docs[res->ndocs++] = r;
          res->total_hits += r.nhits;
        }
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
