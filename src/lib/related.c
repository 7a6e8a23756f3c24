/* related.c -- related documents by shared keywords and distinctive
   terms (see related.h).  */

#include <config.h>
#include "related.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "engine.h"
#include "i18n.h"
#include "norm.h"
#include "termtab.h"
#include "termvec.h"
#include "util.h"

/* A term's count in a document, until every document is counted.  */
struct term_count
{
  uint32_t id, count;
};

/* log (TF) for the counts most terms have, worked out once.  */
#define LOG_TF_KNOWN 64

/* One weighted term of a document's vector.  */
struct wterm
{
  size_t id;
  double w;
};

struct doc_vec
{
  const struct document *doc;   /* the library's (perhaps its header) */
  struct term_count *counts;    /* its terms, until weighed */
  size_t ncounts;
  struct wterm *terms;          /* by id; unit length */
  size_t n;
  /* What finding the related documents asks of each, kept from the
     document read whole: its keywords, as written and folded, and the
     languages it has text in.  */
  char **kw[LANG_COUNT], **kw_folded[LANG_COUNT];
  size_t nkw[LANG_COUNT];
  unsigned char has_lang[LANG_COUNT];
};

struct related_index
{
  const struct library *lib;
  struct related_options o;
  struct analyzer *an;
  struct termtab terms;         /* every token met, numbered by id */
  size_t nterms;
  size_t *df;                   /* documents with each term; SIZE_MAX for
                                   a stop word, never counted */
  size_t df_alloc;
  size_t *slot, *mark;          /* scratch of count_terms, by term id */
  double *idf;                  /* by term id, once all are counted */
  size_t *id_of;                /* the term id of each number of the
                                   index's vocabulary (SIZE_MAX: not yet
                                   met) */
  size_t id_of_alloc;
  double log_tf[LOG_TF_KNOWN];
  size_t slot_alloc, mark_alloc, marked;
  struct doc_vec *docs;         /* in library order */
  size_t ndocs;
  size_t analysed;              /* documents not taken from the index */
};

/* Tokens of one document as they come: term ids, repeated; or, from
   the index's record, each once with its count.  */
struct token_sink
{
  struct related_index *ri;
  size_t *ids;
  size_t *counts;               /* how often IDS[I] comes; NULL: once */
  size_t n, alloc;
};

/* The id of token TOK (LEN bytes), or SIZE_MAX when no document has
   it.  */
static size_t
term_find (const struct related_index *ri, const char *tok, size_t len)
{
  return termtab_find (&ri->terms, tok, len);
}

/* The id of token TOK (LEN bytes), added if new.  Called for every
   token of the library (or every term of each document's record):
   whether it is a stop word is asked once per term.  */
static size_t
term_id (struct related_index *ri, const char *tok, size_t len)
{
  int added;
  size_t id = termtab_add (&ri->terms, tok, len, &added);
  if (added)
    {
      ri->df = xgrow (ri->df, &ri->df_alloc, id + 1, sizeof *ri->df);
      ri->df[id] = analyze_is_stopword (tok, len) ? SIZE_MAX : 0;
      ri->nterms = id + 1;
    }
  return id;
}

static int
sink_token (void *ctx, int colocated, const char *tok, size_t len,
            size_t start, size_t end)
{
  (void) start;
  (void) end;
  struct token_sink *k = ctx;
  /* A Chinese run's last character stands beside its last bigram: the
     bigram says more.  A barrier (a U+001F in the text) is no term: the
     index's records, whose units it joins, leave it out; nor is the gap
     between two runs of ideographs (ANALYZE_GAP).  */
  if (colocated || (len == 1 && (tok[0] == ANALYZE_BARRIER
                                  || tok[0] == ANALYZE_GAP)))
    return 0;
  size_t id = term_id (k->ri, tok, len);
  if (k->ri->df[id] == SIZE_MAX)
    return 0;                   /* a stop word */
  k->ids = xgrow (k->ids, &k->alloc, k->n + 1, sizeof *k->ids);
  k->ids[k->n++] = id;
  return 0;
}

static int
sink_unit (void *ctx, const struct doc_unit *u)
{
  struct token_sink *k = ctx;
  for (int l = 0; l < LANG_COUNT; l++)
    {
      const struct text *t = bitext_get (u->text, (enum lang) l);
      if (t && t->len)
        analyze_text (k->ri->an, t->str, t->len, ANALYZE_INDEX, sink_token,
                      k);
    }
  return 0;
}

static int
wterm_weight_cmp (const void *a, const void *b)
{
  const struct wterm *x = a, *y = b;
  if (x->w != y->w)
    return x->w > y->w ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

static int
wterm_id_cmp (const void *a, const void *b)
{
  const struct wterm *x = a, *y = b;
  return (x->id > y->id) - (x->id < y->id);
}

/* V's keywords in language L: KW, N of them (taken), and their folded
   forms.  */
static void
take_keywords (struct doc_vec *v, enum lang l, char **kw, size_t n)
{
  v->nkw[l] = n;
  v->kw[l] = kw;
  v->kw_folded[l] = xcalloc (n ? n : 1, sizeof *v->kw_folded[l]);
  for (size_t i = 0; i < n; i++)
    v->kw_folded[l][i] = norm_fold_string (kw[i], strlen (kw[i]));
}

/* V's term counts (weights hold the counts for now) from the tokens K
   holds (freed).  */
static void
count_terms (struct related_index *ri, struct token_sink *k,
             struct doc_vec *v)
{
  v->counts = xmalloc ((k->n ? k->n : 1) * sizeof *v->counts);
  v->ncounts = 0;
  /* Count without sorting: SLOT says where in V a term of this document
     stands, MARK which document set it (the index's position + 1).  */
  ri->slot = xgrow (ri->slot, &ri->slot_alloc, ri->nterms, sizeof *ri->slot);
  ri->mark = xgrow (ri->mark, &ri->mark_alloc, ri->nterms, sizeof *ri->mark);
  for (size_t i = ri->marked; i < ri->nterms; i++)
    ri->mark[i] = 0;
  ri->marked = ri->nterms;
  size_t me = (size_t) (v - ri->docs) + 1;
  for (size_t i = 0; i < k->n; i++)
    {
      size_t id = k->ids[i];
      uint32_t count = k->counts ? (uint32_t) k->counts[i] : 1;
      if (ri->mark[id] == me)
        {
          v->counts[ri->slot[id]].count += count;
          continue;
        }
      ri->mark[id] = me;
      ri->slot[id] = v->ncounts;
      v->counts[v->ncounts++] = (struct term_count) { (uint32_t) id, count };
      ri->df[id]++;
    }
  free (k->ids);
  free (k->counts);
  /* Room was made for every token; the distinct ones are far fewer,
     and every document's counts are held until all are counted.  */
  v->counts = xrealloc (v->counts, (v->ncounts ? v->ncounts : 1)
                        * sizeof *v->counts);
}

/* Document D, read whole, analysed into V, with what related_find
   asks of it.  */
static void
analyse_document (struct related_index *ri, const struct document *d,
                  struct doc_vec *v)
{
  struct token_sink k = { ri, NULL, NULL, 0, 0 };
  /* Keywords are part of the text already (the keyword block).  */
  document_walk (d, sink_unit, &k);
  for (int l = 0; l < LANG_COUNT; l++)
    {
      size_t n = d->keywords.count[l];
      char **kw = xcalloc (n ? n : 1, sizeof *kw);
      for (size_t i = 0; i < n; i++)
        kw[i] = xstrdup (d->keywords.items[l][i]);
      take_keywords (v, (enum lang) l, kw, n);
      v->has_lang[l] = (unsigned char) document_has_lang (d, (enum lang) l);
    }
  count_terms (ri, &k, v);
}

/* The document of V from the index's record REC (LEN bytes) of its
   terms, as analyse_document would have found them.  Returns 0, or -1
   when the record is damaged (V is then untouched, and the library's
   terms too).  */
static int
read_record (struct related_index *ri, struct engine_terms *et,
             const void *rec, size_t len, struct doc_vec *v)
{
  struct termvec tv;
  if (termvec_read (rec, len, &tv) != 0)
    return -1;
  /* Read through once before any term is taken: every number is one
     of the vocabulary.  */
  struct termvec check = tv;
  const char *t;
  size_t tlen, count, n = 0;
  uint32_t num;
  int r;
  while ((r = termvec_next (&check, &num, &count)) == 1)
    {
      if ((num >= ri->id_of_alloc || ri->id_of[num] == SIZE_MAX)
          && engine_terms_word (et, num, &t, &tlen) != 1)
        r = -1;
      if (r < 0)
        break;
      n++;
    }
  if (r < 0)
    {
      termvec_free (&tv);
      return -1;
    }
  struct token_sink k = { ri, xmalloc ((n ? n : 1) * sizeof *k.ids),
                          xmalloc ((n ? n : 1) * sizeof *k.counts), 0, n };
  while (termvec_next (&tv, &num, &count) == 1)
    {
      if (num >= ri->id_of_alloc)
        {
          size_t before = ri->id_of_alloc;
          ri->id_of = xgrow (ri->id_of, &ri->id_of_alloc, (size_t) num + 1,
                             sizeof *ri->id_of);
          for (size_t i = before; i < ri->id_of_alloc; i++)
            ri->id_of[i] = SIZE_MAX;
        }
      /* A term new to the library takes the next id, as in the order
         analyse_document meets them.  */
      if (ri->id_of[num] == SIZE_MAX)
        {
          engine_terms_word (et, num, &t, &tlen);
          ri->id_of[num] = term_id (ri, t, tlen);
        }
      size_t id = ri->id_of[num];
      if (ri->df[id] == SIZE_MAX)
        continue;               /* a stop word, as sink_token skips it */
      k.ids[k.n] = id;
      k.counts[k.n++] = count;
    }
  for (int l = 0; l < LANG_COUNT; l++)
    {
      take_keywords (v, (enum lang) l, tv.kw[l], tv.nkw[l]);
      tv.kw[l] = NULL;
      v->has_lang[l] = tv.has_lang[l];
    }
  termvec_free (&tv);
  count_terms (ri, &k, v);
  return 0;
}

/* Is the file FULL, the index's name for it, the file of D, as the
   library names it (the index knows a file by its full name, the
   library as the user named its directory: the collection and number
   say which, the file's own name that it is the same)?  */
static int
same_file (const char *full, const struct document *d)
{
  const char *a = strrchr (full, '/'), *b = strrchr (d->path, '/');
  return strcmp (a ? a + 1 : full, b ? b + 1 : d->path) == 0;
}

/* D's terms from the index's record, read by T, into V.  Returns 0, or
   -1 when the index has none of D (or a damaged one).  */
static int
recorded_terms (struct related_index *ri, struct engine_terms *t,
                const struct document *d, struct doc_vec *v)
{
  const char *path;
  const void *rec;
  size_t len;
  if (t == NULL || d->collection == NULL || d->path == NULL
      || engine_terms_get (t, d->collection->id, d->number, &path, &rec,
                           &len) != 1
      || !same_file (path, d))
    return -1;
  return read_record (ri, t, rec, len, v);
}

/* Move the worst of HEAP's N terms (a heap with the worst at the top,
   by wterm_weight_cmp) down from slot I to its place.  */
static void
sift_down (struct wterm *heap, size_t n, size_t i)
{
  for (;;)
    {
      size_t worst = i, l = 2 * i + 1, r = l + 1;
      if (l < n && wterm_weight_cmp (&heap[l], &heap[worst]) > 0)
        worst = l;
      if (r < n && wterm_weight_cmp (&heap[r], &heap[worst]) > 0)
        worst = r;
      if (worst == i)
        return;
      struct wterm t = heap[i];
      heap[i] = heap[worst];
      heap[worst] = t;
      i = worst;
    }
}

/* Offer T to HEAP, which holds *N of the RELATED_TERMS heaviest terms
   of positive weight offered so far, in no order (a heap with the
   worst at the top, by wterm_weight_cmp): those that sorting all the
   terms offered would keep first (the order is total), at the cost of a
   heap of RELATED_TERMS rather than a sort of the thousands of terms of
   a long document.  */
static void
heap_offer (struct wterm *heap, size_t *n, const struct wterm *t)
{
  if (t->w <= 0)
    return;                     /* in every document: says nothing */
  if (*n < RELATED_TERMS)
    {
      /* Up from the bottom to its place.  */
      size_t at = (*n)++;
      heap[at] = *t;
      while (at > 0 && wterm_weight_cmp (&heap[at], &heap[(at - 1) / 2]) > 0)
        {
          struct wterm x = heap[at];
          heap[at] = heap[(at - 1) / 2];
          heap[(at - 1) / 2] = x;
          at = (at - 1) / 2;
        }
    }
  else if (wterm_weight_cmp (t, &heap[0]) < 0)
    {
      heap[0] = *t;
      sift_down (heap, *n, 0);
    }
}

/* Turn V's counts into its RELATED_TERMS heaviest tf-idf weights
   ((1 + ln tf) * idf, RI's IDF worked out), by id, of unit length.  */
static void
weigh_terms (const struct related_index *ri, struct doc_vec *v)
{
  struct wterm heap[RELATED_TERMS];
  size_t n = 0;
  for (size_t i = 0; i < v->ncounts; i++)
    {
      uint32_t id = v->counts[i].id, tf = v->counts[i].count;
      struct wterm t = {
        id, (1 + (tf < LOG_TF_KNOWN ? ri->log_tf[tf] : log ((double) tf)))
        * ri->idf[id]
      };
      heap_offer (heap, &n, &t);
    }
  free (v->counts);
  v->counts = NULL;
  v->ncounts = 0;
  v->terms = xmalloc ((n ? n : 1) * sizeof *v->terms);
  memcpy (v->terms, heap, n * sizeof *heap);
  v->n = n;
  double norm = 0;
  for (size_t i = 0; i < v->n; i++)
    norm += v->terms[i].w * v->terms[i].w;
  norm = sqrt (norm);
  for (size_t i = 0; i < v->n; i++)
    v->terms[i].w /= norm;
  qsort (v->terms, v->n, sizeof *v->terms, wterm_id_cmp);
}

/* D whole: D itself, or read into *WHOLE (*READ set) as RI's options
   say.  NULL when it cannot be read.  */
static const struct document *
whole_document (const struct related_index *ri, const struct document *d,
                struct document *whole, int *read)
{
  *read = 0;
  if (!d->partial || ri->o.read_whole == NULL)
    return d;
  *read = 1;
  if (ri->o.read_whole (ri->o.read_ctx, d, whole) != 0)
    {
      document_free (whole);
      *read = 0;
      return NULL;
    }
  return whole;
}

struct related_index *
related_index_new (const struct library *lib,
                   const struct related_options *o)
{
  struct related_index *ri = xcalloc (1, sizeof *ri);
  if (o)
    ri->o = *o;
  ri->lib = lib;
  ri->an = analyzer_new ();
  size_t ndocs = library_document_count (lib);
  ri->docs = xcalloc (ndocs ? ndocs : 1, sizeof *ri->docs);
  struct engine_terms *t = NULL;
  if (ri->o.engine)
    {
      char *cause = NULL;
      t = engine_terms_begin (ri->o.engine, &cause);
      free (cause);             /* every document is read then */
    }
  for (size_t i = 0; i < ndocs; i++)
    {
      if (ri->o.progress && i % 32 == 0
          && ri->o.progress (ri->o.progress_ctx, i, ndocs) != 0)
        {
          engine_terms_end (t);
          related_index_free (ri);
          return NULL;
        }
      const struct document *d = library_document (lib, i);
      if (recorded_terms (ri, t, d, &ri->docs[i]) != 0)
        {
          struct document whole;
          int read;
          const struct document *w = whole_document (ri, d, &whole, &read);
          if (w == NULL)
            {
              engine_terms_end (t);
              related_index_free (ri);
              return NULL;
            }
          analyse_document (ri, w, &ri->docs[i]);
          ri->analysed++;
          if (read)
            document_free (&whole);
        }
      ri->docs[i].doc = d;
      ri->ndocs = i + 1;
    }
  engine_terms_end (t);
  /* What weighing each document's terms asks again and again: the same
     logarithms as it would work out each time, to the bit.  */
  double n = (double) ri->ndocs;
  ri->idf = xmalloc ((ri->nterms ? ri->nterms : 1) * sizeof *ri->idf);
  for (size_t i = 0; i < ri->nterms; i++)
    ri->idf[i] = ri->df[i] == SIZE_MAX || ri->df[i] == 0 ? 0
      : log (n / (double) ri->df[i]);
  for (size_t tf = 1; tf < LOG_TF_KNOWN; tf++)
    ri->log_tf[tf] = log ((double) tf);
  for (size_t i = 0; i < ri->ndocs; i++)
    weigh_terms (ri, &ri->docs[i]);
  /* At the end it is too late to stop: what is done is kept.  */
  if (ri->o.progress)
    ri->o.progress (ri->o.progress_ctx, ri->ndocs, ri->ndocs);
  return ri;
}

size_t
related_index_analysed (const struct related_index *ri)
{
  return ri->analysed;
}

void
related_index_free (struct related_index *ri)
{
  if (ri == NULL)
    return;
  for (size_t i = 0; i < ri->ndocs; i++)
    {
      free (ri->docs[i].counts);
      free (ri->docs[i].terms);
      for (int l = 0; l < LANG_COUNT; l++)
        {
          strv_free (ri->docs[i].kw[l], ri->docs[i].nkw[l]);
          strv_free (ri->docs[i].kw_folded[l], ri->docs[i].nkw[l]);
        }
    }
  free (ri->docs);
  termtab_free (&ri->terms);
  free (ri->df);
  free (ri->idf);
  free (ri->id_of);
  free (ri->slot);
  free (ri->mark);
  analyzer_free (ri->an);
  free (ri);
}

static double
cosine (const struct doc_vec *a, const struct doc_vec *b)
{
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a->n && j < b->n)
    {
      if (a->terms[i].id == b->terms[j].id)
        dot += a->terms[i++].w * b->terms[j++].w;
      else if (a->terms[i].id < b->terms[j].id)
        i++;
      else
        j++;
    }
  return dot;
}

/* Has the document of E keyword FOLDED (folded), in either language?  */
static int
has_keyword (const struct doc_vec *e, const char *folded)
{
  for (int l = 0; l < LANG_COUNT; l++)
    for (size_t k = 0; k < e->nkw[l]; k++)
      if (strcmp (e->kw_folded[l][k], folded) == 0)
        return 1;
  return 0;
}

/* D's keywords in L (else the other language) that E has too, added to
   R's reasons; returns how many.  */
static size_t
shared_keywords (const struct doc_vec *d, const struct doc_vec *e,
                 enum lang l, struct related_doc *r)
{
  enum lang kl = d->nkw[l] ? l : lang_other (l);
  size_t n = 0;
  for (size_t k = 0; k < d->nkw[kl]; k++)
    {
      /* The same keyword in the other language counts as the same.  */
      int shared = has_keyword (e, d->kw_folded[kl][k]);
      if (!shared && k < d->nkw[lang_other (kl)])
        shared = has_keyword (e, d->kw_folded[lang_other (kl)][k]);
      if (!shared)
        continue;
      n++;
      if (r->nreasons < RELATED_REASONS)
        {
          r->reasons = xrealloc (r->reasons, (r->nreasons + 1)
                                 * sizeof *r->reasons);
          r->reasons[r->nreasons++] = xstrdup (d->kw[kl][k]);
        }
    }
  return n;
}

/* The folded text of D in language L, units apart.  */
struct fold_sink
{
  enum lang l;
  struct buf b;
};

static int
fold_unit (void *ctx, const struct doc_unit *u)
{
  struct fold_sink *k = ctx;
  /* Section titles (【典型意义】) are every case's: no reason.  */
  if (u->part == PART_SECTION)
    return 0;
  const struct text *t = bitext_get (u->text, k->l);
  if (t && t->len)
    {
      char *f = norm_fold_string (t->str, t->len);
      buf_adds (&k->b, f);
      buf_addc (&k->b, '\n');
      free (f);
    }
  return 0;
}

static char *
folded_text (const struct document *d, enum lang l)
{
  struct fold_sink k = { l, { 0 } };
  buf_adds (&k.b, "");
  document_walk (d, fold_unit, &k);
  return buf_steal (&k.b);
}

/* Looking a term's tokens up: the sum of their idf.  */
struct rarity
{
  const struct related_index *ri;
  double sum;
  size_t n;
  int missing;
};

static int
rarity_token (void *ctx, int colocated, const char *tok, size_t len,
              size_t start, size_t end)
{
  (void) colocated;
  (void) start;
  (void) end;
  struct rarity *r = ctx;
  if (len == 1 && tok[0] == ANALYZE_GAP)
    return 0;                   /* no term */
  size_t at = term_find (r->ri, tok, len);
  /* A stop word ("of", "and") weighs nothing either way; taken for a
     token in no document, it made every term with one ("list of powers
     and responsibilities") no reason at all.  */
  if (at != SIZE_MAX && r->ri->df[at] == SIZE_MAX)
    return 0;
  if (at == SIZE_MAX || r->ri->df[at] == 0)
    {
      r->missing = 1;
      return 1;
    }
  r->sum += log ((double) r->ri->ndocs / (double) r->ri->df[at]);
  r->n++;
  return 0;
}

/* How rare TERM is: the mean idf of its tokens but stop words, 0 when
   one is in no document.  */
static double
term_rarity (const struct related_index *ri, const char *term)
{
  struct rarity r = { ri, 0, 0, 0 };
  analyze_text (ri->an, term, strlen (term), ANALYZE_QUERY, rarity_token, &r);
  if (r.missing || r.n == 0)
    return 0;
  return r.sum / (double) r.n;
}

struct candidate
{
  const char *term;             /* the glossary's, in L */
  double weight;
  size_t entry;                 /* its place in the glossary */
};

/* Occurrences of NEEDLE in HAY, not overlapping.  */
static size_t
occurrences (const char *hay, const char *needle)
{
  size_t n = 0, len = strlen (needle);
  for (const char *p = strstr (hay, needle); p; p = strstr (p + len, needle))
    n++;
  return n;
}

static int
candidate_cmp (const void *a, const void *b)
{
  const struct candidate *x = a, *y = b;
  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  /* Not by the term's name, which is in the language read: the reasons
     come in the same order whichever it is.  */
  return x->entry < y->entry ? -1 : x->entry > y->entry;
}

/* Is S (folded) part of a reason R already gives, or the other way?  */
static int
reason_covers (const struct related_doc *r, const char *s)
{
  for (size_t i = 0; i < r->nreasons; i++)
    {
      char *f = norm_fold_string (r->reasons[i], strlen (r->reasons[i]));
      int covers = strstr (f, s) != NULL || strstr (s, f) != NULL;
      free (f);
      if (covers)
        return 1;
    }
  return 0;
}

/* The weight of glossary entry E's forms in language L as folded texts
   A and B both use them, as the index weighs a term: by how rare it is
   in the library and how often the text that uses it less uses it; 0
   when they do not both use it.  */
static double
shared_weight (const struct related_index *ri,
               const struct glossary_entry *e, enum lang l, const char *a,
               const char *b)
{
  /* The term in any of its forms: the release's English often uses a
     variant ("circuit inspections", "tour inspection") where the
     glossary's term is another, and the reason would otherwise be
     "similar wording" where the Chinese names what is shared.  The best
     form weighs; the glossary's term names it.  */
  double best = 0;
  if (e->term[l] == NULL || *e->term[l] == '\0')
    return 0;
  for (size_t k = 0; k < glossary_nforms (e, l); k++)
    {
      const char *form = glossary_form (e, l, k);
      char *f = norm_fold_string (form, strlen (form));
      /* "the new era" is "a new era" and "new era" too.  */
      const char *w = f;
      if (l == LANG_EN && strncmp (w, "the ", 4) == 0)
        w += 4;
      size_t in_a = *w ? occurrences (a, w) : 0;
      size_t in_b = in_a ? occurrences (b, w) : 0;
      if (in_a && in_b)
        {
          double rar = term_rarity (ri, w);
          double tf = (double) (in_a < in_b ? in_a : in_b);
          /* A term most documents use says nothing of these two.  */
          if (rar > log (2.0) && rar * (1 + log (tf)) > best)
            best = rar * (1 + log (tf));
        }
      free (f);
    }
  return best;
}

/* Fill R's remaining reasons with the glossary terms that documents D
   and E both use, in either language (what two cases share does not
   depend on the language it is read in: 新时代 in both Chinese texts,
   "new era" in both English ones), named in L where the glossary has
   the term in L.  L is the language the keywords are named in
   (reason_lang), so that one reason does not come twice, 巡回检察 and
   "cross circuit inspection".  */
static void
shared_terms (const struct related_index *ri, const struct doc_vec *dv,
              const struct doc_vec *ev, enum lang l, struct related_doc *r)
{
  struct document dw, ew;
  int dread, eread;
  const struct document *d = whole_document (ri, dv->doc, &dw, &dread);
  const struct document *e = d ? whole_document (ri, ev->doc, &ew, &eread)
    : NULL;
  if (e == NULL)
    {
      if (d && dread)
        document_free (&dw);
      return;                   /* no reasons beyond the keywords */
    }
  char *a[LANG_COUNT], *b[LANG_COUNT];
  for (int k = 0; k < LANG_COUNT; k++)
    {
      int both = dv->has_lang[k] && ev->has_lang[k];
      a[k] = both ? folded_text (d, k) : NULL;
      b[k] = both ? folded_text (e, k) : NULL;
    }
  const struct glossary *g = &ri->lib->glossary;
  struct candidate *c = xcalloc (g->count ? g->count : 1, sizeof *c);
  size_t n = 0;
  for (size_t i = 0; i < g->count; i++)
    {
      const struct glossary_entry *ge = &g->entries[i];
      double best = 0;
      for (int k = 0; k < LANG_COUNT; k++)
        if (a[k])
          {
            double w = shared_weight (ri, ge, k, a[k], b[k]);
            if (w > best)
              best = w;
          }
      const char *term = ge->term[l] && *ge->term[l] ? ge->term[l]
        : ge->term[lang_other (l)];
      if (best > 0 && term && *term)
        c[n++] = (struct candidate) { term, best, i };
    }
  qsort (c, n, sizeof *c, candidate_cmp);
  for (size_t i = 0; i < n && r->nreasons < RELATED_REASONS; i++)
    {
      char *f = norm_fold_string (c[i].term, strlen (c[i].term));
      if (!reason_covers (r, f))
        {
          r->reasons = xrealloc (r->reasons, (r->nreasons + 1)
                                 * sizeof *r->reasons);
          r->reasons[r->nreasons++] = xstrdup (c[i].term);
        }
      free (f);
    }
  free (c);
  for (int k = 0; k < LANG_COUNT; k++)
    {
      free (a[k]);
      free (b[k]);
    }
  if (dread)
    document_free (&dw);
  if (eread)
    document_free (&ew);
}

/* The language to give the reasons for D and E in: L when both have
   text in L, else the other (a Chinese-only release shares Chinese
   words with a bilingual case, even for an English reader).  */
static enum lang
reason_lang (const struct doc_vec *d, const struct doc_vec *e, enum lang l)
{
  return d->has_lang[l] && e->has_lang[l] ? l : lang_other (l);
}

/* Is X closer than Y?  */
static int
closer (const struct related_doc *x, const struct related_doc *y)
{
  return x->score > y->score;
}

size_t
related_find (const struct related_index *ri, const struct document *d,
              enum lang l, size_t max, struct related_doc *out)
{
  const struct doc_vec *self = NULL;
  for (size_t i = 0; i < ri->ndocs && self == NULL; i++)
    if (ri->docs[i].doc == d)
      self = &ri->docs[i];
  if (self == NULL || max == 0)
    return 0;
  struct related_doc *all = xcalloc (ri->ndocs ? ri->ndocs : 1, sizeof *all);
  size_t n = 0;
  for (size_t i = 0; i < ri->ndocs; i++)
    {
      const struct doc_vec *v = &ri->docs[i];
      if (v == self || v->doc->number == 0)
        continue;
      struct related_doc r = { .doc = v->doc };
      r.keywords = shared_keywords (self, v, reason_lang (self, v, l), &r);
      r.score = cosine (self, v) + RELATED_KEYWORD_WEIGHT
        * (double) r.keywords;
      if (r.score > 0)
        all[n++] = r;
      else
        related_doc_free (&r);
    }
  /* The best MAX by insertion, which keeps library order among equal
     scores (qsort would not).  */
  size_t kept = 0;
  for (size_t i = 0; i < n; i++)
    {
      size_t at = kept;
      while (at > 0 && closer (&all[i], &out[at - 1]))
        at--;
      if (at >= max)
        {
          related_doc_free (&all[i]);
          continue;
        }
      if (kept == max)
        related_doc_free (&out[--kept]);
      memmove (&out[at + 1], &out[at], (kept - at) * sizeof *out);
      out[at] = all[i];
      kept++;
    }
  free (all);
  for (size_t i = 0; i < kept; i++)
    if (out[i].nreasons < RELATED_REASONS)
      {
        const struct doc_vec *v = NULL;
        for (size_t j = 0; j < ri->ndocs && v == NULL; j++)
          if (ri->docs[j].doc == out[i].doc)
            v = &ri->docs[j];
        shared_terms (ri, self, v, reason_lang (self, v, l), &out[i]);
      }
  return kept;
}

void
related_doc_free (struct related_doc *r)
{
  for (size_t i = 0; i < r->nreasons; i++)
    free (r->reasons[i]);
  free (r->reasons);
  memset (r, 0, sizeof *r);
}

char *
related_reason (const struct related_doc *r)
{
  if (r->nreasons == 0)
    /* TRANSLATORS: why a case is related when no keyword or glossary
       term they share names it.  */
    return xstrdup (_("similar wording"));
  struct buf b = { 0 };
  for (size_t i = 0; i < r->nreasons; i++)
    {
      if (i)
        buf_adds (&b, ", ");
      buf_adds (&b, r->reasons[i]);
    }
  buf_adds (&b, "");
  char *list = buf_steal (&b);
  /* TRANSLATORS: why a case is related to another: "shares 巡回检察,
     减假暂" (its keywords and terms, in the text's language).  */
  char *line = xasprintf (_("shares %s"), list);
  free (list);
  return line;
}
