/* engine_search.c -- engine_search: the documents FTS5 finds (worked
   from both ends by two threads when there are many), judged against
   the query's required phrases, filters and regexes, and ranked by
   BM25.  */

#include <config.h>

#include "engine_priv.h"

#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "norm.h"
#include "search.h"
#include "thread.h"

/* A search splits (SPLIT_AFTER_NS, engine_priv.h) only when what is
   left looks at least this long.  */
#define SPLIT_REST_NS 3000000

/* Column weights for BM25: a word in a title or the keywords says more
   about what a document is about than one in its body.  */
static const double column_weight[COL_COUNT] = { 8, 8, 5, 5, 1, 1, 8, 5, 1 };

/* A set of document ids, sorted.  */
struct idset
{
  int64_t *ids;
  size_t n;
};

static int
compare_id (const void *a, const void *b)
{
  int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;
  return x < y ? -1 : x > y;
}

static int
idset_has (const struct idset *s, int64_t id)
{
  if (s->n == 0)
    return 0;                   /* bsearch takes no NULL array */
  return bsearch (&id, s->ids, s->n, sizeof *s->ids, compare_id) != NULL;
}

/* The ids SQL (with one text parameter ARG, or none) selects.  */
static int
idset_query (sqlite3 *db, const char *sql, const char *arg, struct idset *s)
{
  memset (s, 0, sizeof *s);
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (db, sql, -1, &st, NULL) != SQLITE_OK)
    return -1;
  if (arg)
    sqlite3_bind_text (st, 1, arg, -1, SQLITE_STATIC);
  size_t alloc = 0;
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      s->ids = xgrow (s->ids, &alloc, s->n + 1, sizeof *s->ids);
      s->ids[s->n++] = sqlite3_column_int64 (st, 0);
    }
  sqlite3_finalize (st);
  if (s->n > 1)
    qsort (s->ids, s->n, sizeof *s->ids, compare_id);
  return rc == SQLITE_DONE ? 0 : -1;
}

/* The ids of the documents of the collections whose id, folded as a
   query folds a value (case, full-width forms, traditional script), is
   FOLDED.  Not SQLite's lower(coll), which folds ASCII alone: with it
   collection:檢察 or collection:Ärzte, as list --facets gives them,
   found nothing.  */
static int
idset_collection (sqlite3 *db, const char *folded, struct idset *s)
{
  memset (s, 0, sizeof *s);
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (db, "SELECT id, coll FROM heads", -1, &st, NULL)
      != SQLITE_OK)
    return -1;
  size_t alloc = 0;
  char *last = NULL;            /* the last id folded, and whether it is */
  int last_same = 0;
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      const char *coll = (const char *) sqlite3_column_text (st, 1);
      if (coll == NULL)
        continue;
      if (last == NULL || strcmp (last, coll) != 0)
        {
          free (last);
          last = xstrdup (coll);
          char *f = norm_fold_string (coll, strlen (coll));
          last_same = strcmp (f, folded) == 0;
          free (f);
        }
      if (!last_same)
        continue;
      s->ids = xgrow (s->ids, &alloc, s->n + 1, sizeof *s->ids);
      s->ids[s->n++] = sqlite3_column_int64 (st, 0);
    }
  free (last);
  sqlite3_finalize (st);
  if (s->n > 1)
    qsort (s->ids, s->n, sizeof *s->ids, compare_id);
  return rc == SQLITE_DONE ? 0 : -1;
}

static void
idset_intersect (struct idset *a, const struct idset *b)
{
  size_t k = 0;
  for (size_t i = 0; i < a->n; i++)
    if (idset_has (b, a->ids[i]))
      a->ids[k++] = a->ids[i];
  a->n = k;
}

/* Leave out of A those in B.  */
static void
idset_subtract (struct idset *a, const struct idset *b)
{
  size_t k = 0;
  for (size_t i = 0; i < a->n; i++)
    if (!idset_has (b, a->ids[i]))
      a->ids[k++] = a->ids[i];
  a->n = k;
}

/* Narrow *SET (all documents until *HAVE) to those also in S, which is
   taken over.  */
static void
idset_narrow (struct idset *set, int *have, struct idset *s)
{
  if (!*have)
    *set = *s;
  else
    {
      idset_intersect (set, s);
      free (s->ids);
    }
  *have = 1;
}

/* Has the index changed since DP was found (by another casebook, or
   by engine_refresh), so that its instances are positions in an older
   text?  */
int
engine_search_stale (struct engine *e, const struct doc_priv *dp)
{
  return engine_db_version (e) != dp->version
    && !engine_same_generation (engine_generation (e), dp->found);
}

int
engine_results_stale (struct engine *e, const struct engine_results *r)
{
  /* Every document of a search was found in the same read.  */
  return r->ndocs > 0 && r->docs[0].priv
    && engine_search_stale (e, r->docs[0].priv);
}

/* A document the search found, and what was worked out of it.  */
/* See struct fts_row: done at 8000 documents that all match, once all
   were found, it took a quarter of the search's time, in one thread.  */
#define ROW_TALLY 8

struct fts_row
{
  int64_t id;
  struct inst *inst;
  size_t ninst;
  struct row_stats stats;
  int keep;                     /* a match, as judge and the regexes say */
  int counted;                  /* the regex's matches counted from the
                                   instances (work_row_1) */
  size_t hits, concepts;
  size_t regex_lang[LANG_COUNT];        /* the regexes' matches */
  /* Where a regex's match may cover a word's hit or another match's,
     HITS is the number of hits engine_hits gives, merged there, and
     these are theirs in each language (merged_hits).  */
  int merged;
  size_t merged_lang[LANG_COUNT];
  /* What the ranking and the counts take from the instances, summed up
     by the thread that worked the row out (tally_row), when the query
     has fewer than ROW_TALLY concepts: which concepts they hold (bit
     c), the score's weighted frequency of each (the last slot, of the
     phrases of none), and the hits in each language.  */
  unsigned seen;
  double tf[ROW_TALLY];
  size_t lang_hits[LANG_COUNT];
};

/* Add up into TF the weighted frequency of each of Q's concepts among
   the instances V (N): TF[c] for concept c, TF[OTHER] for the phrases
   of none (a concept number Q does not have is never weighed), noting
   in *SEEN, if not NULL, bit c for each concept met (Q then has fewer
   than ROW_TALLY).  In the instances' order, whoever adds them up: the
   same sums to the last bit.  */
static void
weigh_instances (const struct engine_query *q, const struct inst *v,
                 size_t n, double *tf, size_t other, unsigned *seen)
{
  for (size_t i = 0; i < n; i++)
    {
      const struct phrase *p = &q->phrases[v[i].phrase];
      size_t slot = other;
      if (p->concept >= 0 && p->concept < QUERY_MAX_TERMS)
        {
          if ((size_t) p->concept >= q->nconcepts)
            continue;
          slot = (size_t) p->concept;
          if (seen)
            *seen |= 1u << slot;
        }
      if (!p->filter)
        tf[slot] += column_weight[v[i].col] * p->spellings;
    }
}

/* The IDF of a concept that DF of NDOCS documents match: Lucene's,
   never negative, so that a term in every document still ranks them by
   how much they have of it.  */
static double
concept_idf (size_t df, size_t ndocs)
{
  double d = (double) df;
  return log (1 + ((double) ndocs - d + 0.5) / (d + 0.5));
}

/* BM25 of one document from its instances, with DF[c] the documents
   that match concept c among NDOCS: each concept's frequency weighs
   instances by their column (titles and keywords more than the body),
   and phrases that join concepts (the whole query as typed) add to it.
   The IDF is Lucene's, never negative: a term in every document still
   ranks documents by how much they have of it.  REGEX_MATCHES, the
   matches of the query's regexes, count as one more such term (and
   with no length normalisation: the literals that chose the document,
   which are no hits, say nothing, so the score is what a scan of all
   texts would give).  */
static double
score_row (const struct engine_query *q, const struct fts_row *r,
           const size_t *df, size_t ndocs, size_t regex_matches)
{
  const double k1 = 1.2, b = 0.75;
  double tf[QUERY_MAX_TERMS + 1] = { 0 };
  if (q->nconcepts < ROW_TALLY)
    {
      for (size_t c = 0; c < q->nconcepts; c++)
        tf[c] = r->tf[c];
      tf[QUERY_MAX_TERMS] = r->tf[q->nconcepts];
    }
  else
    weigh_instances (q, r->inst, r->ninst, tf, QUERY_MAX_TERMS, NULL);
  double norm = k1 * (1 - b + b * (double) r->stats.len / r->stats.avg_len);
  double score = 0;
  if (regex_matches)
    score += (double) regex_matches * (k1 + 1)
      / ((double) regex_matches + k1);
  for (size_t c = 0; c <= q->nconcepts && c <= QUERY_MAX_TERMS; c++)
    {
      size_t slot = c == q->nconcepts ? QUERY_MAX_TERMS : c;
      if (tf[slot] == 0)
        continue;
      /* Tags, quoted phrases, the whole query: 1.  */
      double idf = slot == QUERY_MAX_TERMS ? 1 : concept_idf (df[slot], ndocs);
      score += idf * tf[slot] * (k1 + 1) / (tf[slot] + norm);
    }
  return score;
}

/* Sum up R's instances as the ranking and the counts need them (see
   struct fts_row): in the thread that worked R out, so that the many
   rows of a search that most documents match are not gone through
   again one after another once all are found.  The same sums, in the
   same order, as score_row and engine_inst_count_by_lang make.  */
static void
tally_row (const struct engine_query *q, struct fts_row *r)
{
  if (q->nconcepts >= ROW_TALLY)
    return;
  r->seen = 0;
  memset (r->tf, 0, sizeof r->tf);
  weigh_instances (q, r->inst, r->ninst, r->tf, q->nconcepts, &r->seen);
  engine_inst_count_by_lang (r->inst, r->ninst, q, r->lang_hits);
}

/* Judge a document from its instances: NULL-safe.  Returns 1 if it
   matches (every required phrase and, when the query has concepts and
   no quoted phrase, at least one: prison "circuit inspection" finds the
   documents with the phrase, those with prison first), filling *HITS
   and *CONCEPTS.  Beside a regex, a word must be found: the documents
   the regex runs on are those that have one, unless its literals
   select them (a regex with none would be run on every text, and the
   two must answer alike).  */
static int
judge (const struct engine_query *q, const struct inst *v, size_t n,
       size_t *hits, size_t *concepts)
{
  unsigned char seen_concept[QUERY_MAX_TERMS] = { 0 };
  unsigned char seen_req[QUERY_MAX_TERMS] = { 0 };
  for (size_t i = 0; i < n; i++)
    {
      const struct phrase *p = &q->phrases[v[i].phrase];
      if (p->concept >= 0 && p->concept < QUERY_MAX_TERMS)
        seen_concept[p->concept] = 1;
      if (p->req >= 0 && p->req < QUERY_MAX_TERMS)
        seen_req[p->req] = 1;
    }
  size_t c = 0, r = 0;
  for (size_t i = 0; i < q->nconcepts; i++)
    c += seen_concept[i];
  for (size_t i = 0; i < q->nrequired; i++)
    r += seen_req[i];
  *concepts = c;
  *hits = engine_inst_count_merged (v, n, q);
  if (r < q->nrequired)
    return 0;
  if (q->nconcepts > 0 && c == 0 && q->nquoted == 0)
    return 0;
  return 1;
}

static int
compare_docs (const void *a, const void *b)
{
  const struct engine_doc *x = a, *y = b;
  if (x->concepts != y->concepts)
    return x->concepts > y->concepts ? -1 : 1;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  int c = strcmp (x->collection, y->collection);
  if (c)
    return c;
  return x->number < y->number ? -1 : x->number > y->number;
}

/* Where matching documents' heads are read: by looking each up, or,
   when most documents match, by one pass over the table in id order
   alongside the matches (which FTS5 gives in id order).  */
struct heads_reader
{
  sqlite3_stmt *one;            /* a head by id */
  sqlite3_stmt *all;            /* every head, by id; NULL: look up */
  int64_t at;                   /* the id ALL stands on, -1 before */
  int done;
};

static int
heads_open (sqlite3 *db, int scan, struct heads_reader *h)
{
  memset (h, 0, sizeof *h);
  h->at = -1;
  if (sqlite3_prepare_v2 (db, "SELECT id, coll, number, path, title_zh, "
                          "title_en, len, project FROM heads WHERE id=?", -1,
                          &h->one, NULL) != SQLITE_OK)
    return -1;
  if (scan && sqlite3_prepare_v2 (db, "SELECT id, coll, number, path, "
                                  "title_zh, title_en, len, project FROM "
                                  "heads ORDER BY id", -1, &h->all, NULL)
      != SQLITE_OK)
    return -1;
  return 0;
}

static void
heads_close (struct heads_reader *h)
{
  sqlite3_finalize (h->one);
  sqlite3_finalize (h->all);
}

/* Fill D's head, document ID, and its length in tokens into
   *TOKENS.  Returns 0; -1 if the index has no head of ID; -2 if it
   could not be read (the database's error says why: a damaged page is
   no missing head, or every document on it would be left out of every
   search without a word).  */
static int
heads_get (struct heads_reader *h, int64_t id, struct engine_doc *d,
           int *tokens)
{
  sqlite3_stmt *st = h->all;
  if (st && id >= h->at)
    {
      while (!h->done && h->at < id)
        {
          int step = sqlite3_step (st);
          if (step == SQLITE_ROW)
            h->at = sqlite3_column_int64 (st, 0);
          else if (step == SQLITE_DONE)
            h->done = 1;
          else
            return -2;
        }
      if (h->done || h->at != id)
        return -1;
    }
  else
    {
      st = h->one;
      sqlite3_reset (st);
      sqlite3_bind_int64 (st, 1, id);
      int step = sqlite3_step (st);
      if (step != SQLITE_ROW)
        return step == SQLITE_DONE ? -1 : -2;
    }
  /* The collection, the path and the titles (the title column holds
     the title alone: one unit), NULL for none.  */
  static const int column[] = { 1, 3, 4, 5 };
  _Static_assert (sizeof column / sizeof *column == 2 + LANG_COUNT,
                  "a column for each string of the head");
  const char *text[2 + LANG_COUNT];
  size_t len[2 + LANG_COUNT], size = sizeof (struct doc_priv);
  for (int k = 0; k < 2 + LANG_COUNT; k++)
    {
      text[k] = (const char *) sqlite3_column_text (st, column[k]);
      len[k] = text[k] ? (size_t) sqlite3_column_bytes (st, column[k]) : 0;
      size += len[k] + 1;
    }
  /* One block for them all, after the document's doc_priv: a search
     that every document matches makes thousands of results, and six
     blocks for each cost more to make and to free than the search
     itself took to find them.  */
  struct doc_priv *dp = xmalloc (size);
  memset (dp, 0, sizeof *dp);
  char *at = (char *) (dp + 1);
  char *copy[2 + LANG_COUNT];
  for (int k = 0; k < 2 + LANG_COUNT; k++)
    {
      copy[k] = at;
      if (len[k])
        memcpy (at, text[k], len[k]);
      at[len[k]] = '\0';
      at += len[k] + 1;
    }
  d->id = id;
  d->number = (long) sqlite3_column_int64 (st, 2);
  d->collection = copy[0];
  d->path = copy[1];
  int project = sqlite3_column_int (st, 7);
  for (int l = 0; l < LANG_COUNT; l++)
    {
      d->title[l] = *copy[2 + l] ? copy[2 + l] : NULL;
      d->title_project[l] = (project >> l) & 1;
    }
  d->priv = dp;
  sqlite3_int64 n = sqlite3_column_int64 (st, 6);
  *tokens = n > INT_MAX ? INT_MAX : (int) n;
  return 0;
}

/* SQLite's progress handler while a search runs: ask the caller's
   INTERRUPT whether to stop.  */
static int
check_interrupt (void *arg)
{
  struct engine *e = arg;
  if (!e->interrupted && e->interrupt (e->interrupt_ctx))
    e->interrupted = 1;
  return e->interrupted;
}

void
engine_set_split (struct engine *e, long long after_ns)
{
  e->split_after_ns = after_ns;
}

void
engine_set_pairs (struct engine *e, int use)
{
  e->no_pairs = !use;
}

void
engine_set_regex_counts (struct engine *e, int use)
{
  e->no_regex_counts = !use;
}

size_t
engine_regex_counted_docs (const struct engine *e)
{
  return e->regex_counted_docs;
}

size_t
engine_pairs_left_out (const struct engine *e)
{
  return e->pairs_left_out;
}

size_t
engine_split_docs (const struct engine *e)
{
  return e->split_docs;
}

void
engine_set_interrupt (struct engine *e, int (*fn) (void *), void *ctx)
{
  e->interrupt = fn;
  e->interrupt_ctx = ctx;
}

void
engine_set_between_reads (struct engine *e, void (*fn) (void *, int),
                          void *ctx)
{
  e->between_reads = fn;
  e->between_reads_ctx = ctx;
}

/* Begin a read of DB's index that lasts until read_end: the statements
   of a search then all read the index as it was when the first began,
   where each would otherwise read it as it is when it begins.  Returns
   whether a read was begun (none when one is open already).  */
static int
read_begin (sqlite3 *db)
{
  return sqlite3_get_autocommit (db)
    && sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

/* End the read read_begin began, if BEGUN.  (An error of the disk or
   of memory may have ended it already.)  */
static void
read_end (sqlite3 *db, int begun)
{
  if (begun && !sqlite3_get_autocommit (db))
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
}

/* The id of document NUMBER of COLLECTION in the index, or -1.  */
static int64_t
doc_id (sqlite3 *db, const char *collection, long number)
{
  sqlite3_stmt *st;
  int64_t id = -1;
  /* (docs has the index on collection and number.)  */
  if (sqlite3_prepare_v2 (db, "SELECT id FROM docs WHERE coll=? "
                          "AND number=?", -1, &st, NULL) != SQLITE_OK)
    return -1;
  sqlite3_bind_text (st, 1, collection, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, number);
  if (sqlite3_step (st) == SQLITE_ROW)
    id = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  return id;
}

static int search_in (struct engine *e, const struct engine_query *q,
                      int64_t only, struct engine_results *res,
                      char **cause);

int
engine_search (struct engine *e, const struct engine_query *q,
               struct engine_results *res, char **cause)
{
  if (e->unusable)
    {
      /* (engine_settle or engine_rebuild failed: no index to read.)  */
      memset (res, 0, sizeof *res);
      *cause = xstrdup (e->unusable);
      return -1;
    }
  return search_in (e, q, -1, res, cause);
}

int
engine_search_one (struct engine *e, const struct engine_query *q,
                   const char *collection, long number,
                   struct engine_results *res, char **cause)
{
  if (e->unusable)
    {
      memset (res, 0, sizeof *res);
      *cause = xstrdup (e->unusable);
      return -1;
    }
  int64_t id = doc_id (index_db (e->ix), collection, number);
  if (id < 0)
    {
      /* Not in the index (yet): nothing of it matches.  */
      memset (res, 0, sizeof *res);
      engine_texts_release (e);
      res->nconcepts = q->nconcepts;
      *cause = NULL;
      return 0;
    }
  return search_in (e, q, id, res, cause);
}

/* Can a match of Q's regexes in a document whose instances are V (N)
   cover what a hit of a word or another regex covers?  Only then does
   the number of hits need the matches' places.  */
static int
may_overlap (const struct engine_query *q, const struct inst *v, size_t n)
{
  size_t regexes = 0;
  for (size_t i = 0; i < q->q->nterms; i++)
    regexes += q->q->terms[i].kind == TERM_REGEX && !q->q->terms[i].negated;
  if (regexes > 1)
    return 1;
  for (size_t i = 0; i < n; i++)
    if (!q->phrases[v[i].phrase].filter)
      return 1;
  return 0;
}

static int
compare_pointers (const void *a, const void *b)
{
  uintptr_t x = (uintptr_t) *(const char *const *) a;
  uintptr_t y = (uintptr_t) *(const char *const *) b;
  return (x > y) - (x < y);
}

/* Is there a match among the texts AT (N, sorted) of the regexes'
   matches in the text of instance V in T: in its unit, or its column
   when the index did not note where units begin?  */
static int
matched_beside (const struct doc_texts *t, const struct inst *v,
                const char *const *at, size_t n)
{
  int c = v->col;
  if (t->nunits[c] == 0)
    return 0;                   /* the regexes were not run there */
  if (!engine_texts_units_placed (t, c) || v->first < 0)
    {
      const struct index_unit *u = &t->units[c][0];
      const struct index_unit *last = &t->units[c][t->nunits[c] - 1];
      /* (As addresses: the matches' texts are in other columns too.)  */
      uintptr_t lo = (uintptr_t) (t->col[c] + u->off);
      uintptr_t hi = (uintptr_t) (t->col[c] + last->off);
      for (size_t i = 0; i < n; i++)
        if ((uintptr_t) at[i] >= lo && (uintptr_t) at[i] <= hi)
          return 1;
      return 0;
    }
  const struct index_unit *u =
    engine_texts_unit_of_token (t, c, (size_t) v->first);
  const char *text = u ? t->col[c] + u->off : NULL;
  return text && bsearch (&text, at, n, sizeof *at, compare_pointers);
}

/* R's hits counted as engine_hits lists them, where its regexes'
   matches FOUND (read in T, by engine_regex_run; merged in place) may
   cover another's or a word's hit: into R->hits and R->merged_lang.
   The words' hits are placed (their texts analysed) only in the texts
   that hold a match; elsewhere, as in the rest of the search, they are
   counted from their instances.  */
static void
merged_hits (struct engine *te, const struct engine_query *q,
             struct fts_row *r, struct doc_texts *t,
             struct engine_hits *found)
{
  const char **at = xcalloc (found->n ? found->n : 1, sizeof *at);
  for (size_t i = 0; i < found->n; i++)
    at[i] = found->hits[i].text;
  if (found->n > 1)
    qsort (at, found->n, sizeof *at, compare_pointers);
  /* The words' instances beside a match, and the others.  */
  struct inst *near = xcalloc (r->ninst ? r->ninst : 1, sizeof *near);
  struct inst *rest = xcalloc (r->ninst ? r->ninst : 1, sizeof *rest);
  size_t nnear = 0, nrest = 0;
  for (size_t i = 0; i < r->ninst; i++)
    {
      const struct inst *v = &r->inst[i];
      if (q->phrases[v->phrase].filter)
        continue;
      if (matched_beside (t, v, at, found->n))
        near[nnear++] = *v;
      else
        rest[nrest++] = *v;
    }
  free (at);
  size_t lang[LANG_COUNT], rest_lang[LANG_COUNT];
  engine_hits_count_merged (te, q, t, near, nnear, found, lang);
  engine_inst_count_by_lang (rest, nrest, q, rest_lang);
  r->hits = 0;
  for (int l = 0; l < LANG_COUNT; l++)
    {
      r->merged_lang[l] = lang[l] + rest_lang[l];
      r->hits += r->merged_lang[l];
    }
  r->merged = 1;
  free (near);
  free (rest);
}

/* Work out row R of Q, read through TE (the caller's engine, or a
   thread's): whether it is kept (its tags and facets, JUDGE, Q's
   regexes on its texts) and its hits.  Returns 0, or -1 with *CAUSE.  */
static int
work_row_1 (struct engine *te, const struct engine_query *q,
            const struct idset *tagged, int have_tags,
            const struct idset *unplain, struct fts_row *r, char **cause)
{
  r->keep = 0;
  r->counted = 0;
  if (have_tags && !idset_has (tagged, r->id))
    return 0;
  /* (Only a document with revisions can have hits to drop.)  */
  if (q->revised && r->stats.revised
      && engine_texts_drop_revised (te, r->id, r->inst, &r->ninst, cause) != 0)
    return -1;
  if (!judge (q, r->inst, r->ninst, &r->hits, &r->concepts))
    return 0;
  if (unplain && !idset_has (unplain, r->id))
    {
      /* The regex's matches are its literals' places (regex_counted in
         engine_compile.c: the query has no other phrase, so none of
         them can cover a hit of another's): judge found one.  */
      size_t n = 0;
      int req = q->regex_req[q->regex_counted];
      for (size_t i = 0; i < r->ninst; i++)
        {
          const struct inst *v = &r->inst[i];
          if (q->phrases[v->phrase].filter && q->phrases[v->phrase].req == req)
            {
              r->regex_lang[index_column_lang ((enum index_column) v->col)]++;
              n++;
            }
        }
      r->hits += n;
      r->counted = 1;
    }
  else if (q->has_regex)
    {
      struct doc_texts t;
      if (engine_texts_load (te, r->id,
                             engine_regex_columns (q, r->inst, r->ninst), &t,
                             cause) != 0)
        return -1;
      size_t n;
      /* The matches' places, when they may overlap.  */
      int overlap = may_overlap (q, r->inst, r->ninst);
      struct engine_hits found = { 0 };
      size_t found_alloc = 0;
      int ok = engine_regex_run (q, &t, r->inst, r->ninst,
                                 overlap ? &found : NULL, &found_alloc, &n,
                                 r->regex_lang, cause);
      if (ok == 1)
        {
          r->hits += n;
          if (n > 0 && overlap)
            merged_hits (te, q, r, &t, &found);
        }
      free (found.hits);
      engine_texts_free (&t);
      if (ok <= 0)
        return ok;
    }
  r->keep = 1;
  return 0;
}

/* work_row_1, and R's instances summed up as they are then, whether
   or not it is kept (the documents per concept count them all).  */
static int
work_row (struct engine *te, const struct engine_query *q,
          const struct idset *tagged, int have_tags,
          const struct idset *unplain, struct fts_row *r, char **cause)
{
  int rc = work_row_1 (te, q, tagged, have_tags, unplain, r, cause);
  if (rc == 0)
    tally_row (q, r);
  return rc;
}

/* Searching from both ends.  When a search has many documents to work
   out, a thread with a connection of its own works them out from the
   other end: FTS5 gives them in descending order of id as readily as
   in ascending, and a regex reads the texts of any.  Each side notes
   the last document it finished and stops at one the other has
   reached, so neither needs to know beforehand how many there are, and
   together they do each document once (one, where they meet, may be
   done twice: the caller's is kept).  */

/* The FTS5 expression a search runs: the query's, less the phrases
   that the filter of neighbouring tokens says occur nowhere (pairs.h),
   with MAP giving the query's number of each phrase it keeps (cb_inst
   gives FTS5's numbers back as the query's); or the query's own, MAP
   NULL.  NONE: every phrase occurs nowhere, and nothing is to run.  */
struct matching
{
  char *match;                  /* NULL: the query's */
  int32_t *map;
  size_t nmap;
  int none;
};

static void
matching_free (struct matching *m)
{
  free (m->match);
  free (m->map);
  memset (m, 0, sizeof *m);
}

static const char *
matching_text (const struct matching *m, const struct engine_query *q)
{
  return m->match ? m->match : q->match;
}

/* Narrow Q's expression for E's index into *M (see struct matching).
   A phrase FTS5 would find in no row is left out: for one of common
   words, FTS5 reads their places in every document that has them all
   to find that ("circuit procuratorial inspection", a rendering of
   巡回检察 the bench's documents never use, was 14 of the 20 ms FTS5
   took for 巡回检察 at 8000 documents).  Left out, it is found in no
   row either: the same answer.  */
static void
narrow_matching (struct engine *e, const struct engine_query *q,
                 struct matching *m)
{
  memset (m, 0, sizeof *m);
  e->pairs_left_out = 0;
  if (q->match == NULL || q->list_end <= q->list_at || e->no_pairs)
    return;
  unsigned char *drop = xcalloc (q->nphrases ? q->nphrases : 1, 1);
  size_t dropped = 0;
  for (size_t i = 0; i < q->nphrases; i++)
    if (q->phrases[i].tokens
        && !index_phrase_may_occur (e->ix, q->phrases[i].tokens,
                                    q->phrases[i].ntokens))
      {
        drop[i] = 1;
        dropped++;
      }
  e->pairs_left_out = dropped;
  if (dropped == q->nphrases)
    m->none = 1;
  else if (dropped > 0)
    {
      struct buf b = { 0 };
      buf_add (&b, q->match, q->list_at);
      m->map = xcalloc (q->nphrases - dropped, sizeof *m->map);
      for (size_t i = 0; i < q->nphrases; i++)
        if (!drop[i])
          {
            if (m->nmap)
              buf_adds (&b, " OR ");
            buf_add (&b, q->match + q->phrases[i].at, q->phrases[i].len);
            m->map[m->nmap++] = (int32_t) i;
          }
      buf_adds (&b, q->match + q->list_end);
      m->match = buf_steal (&b);
    }
  free (drop);
}

/* Bind M's expression and map to ST's parameters MATCH and MAP.  */
static void
bind_matching (sqlite3_stmt *st, int match, int map,
               const struct matching *m, const struct engine_query *q)
{
  sqlite3_bind_text (st, match, matching_text (m, q), -1, SQLITE_STATIC);
  if (m->map)
    sqlite3_bind_blob (st, map, m->map, (int) (m->nmap * sizeof *m->map),
                       SQLITE_STATIC);
}

struct split
{
  struct engine *e;
  const struct engine_query *q;
  const struct matching *m;     /* what it runs, with FTS5 */
  const struct idset *tagged;
  int have_tags;
  const struct idset *unplain;
  /* With no FTS5 expression, the rows to work out, by index (their keys
     are indexes then, else ids).  */
  const struct fts_row *all;
  size_t nall;
  /* The last key each side finished: the caller's (INT64_MAX once it
     has stopped) and the thread's (INT64_MAX before its first).  */
  _Atomic int_least64_t low, high;
  atomic_int stop;
  struct engine reader;
  pthread_t thread;
  struct fts_row *rows;         /* the thread's, in descending order */
  size_t nrows, alloc;
};

/* Is it time for E's search, which began at *BEGAN and has worked out
   DONE documents, AT of TOTAL of the way (ids, or indexes), to start a
   thread from the top?  Only when the rest looks long enough to be
   worth the thread's connection (the time so far, scaled).  The clock
   is read every 16 documents.  */
static int
split_due (const struct engine *e, size_t done, int64_t at, int64_t total,
           const struct timespec *began)
{
  if (e->split_after_ns == 0)
    return 1;
  if (done % 16 != 0)
    return 0;
  long long t = engine_elapsed_ns (began);
  if (t < e->split_after_ns || at <= 0 || at >= total)
    return 0;
  return (double) t * (double) (total - at) / (double) at >= SPLIT_REST_NS;
}

/* The thread's SQLite progress handler.  */
static int
split_stopped (void *arg)
{
  struct split *s = arg;
  return atomic_load (&s->stop);
}

static void *
search_from_top (void *arg)
{
  struct split *s = arg;
  if (engine_open_reader (&s->reader, s->e) != 0)
    return NULL;                /* the caller does them all */
  sqlite3 *db = index_db (s->reader.ix);
  sqlite3_progress_handler (db, 1000, split_stopped, s);
  sqlite3_stmt *st = NULL;
  if (s->all == NULL)
    {
      if (sqlite3_prepare_v2 (db, "SELECT rowid, cb_inst(fts, ?2, ?3) "
                              "FROM fts WHERE fts MATCH ?1 "
                              "ORDER BY rowid DESC", -1, &st, NULL)
          != SQLITE_OK)
        return NULL;
      bind_matching (st, 1, 3, s->m, s->q);
      sqlite3_bind_int (st, 2, s->q->revised);
    }
  size_t i = s->nall;
  while (!atomic_load (&s->stop))
    {
      struct fts_row r = { 0 };
      int64_t key;
      if (st)
        {
          if (sqlite3_step (st) != SQLITE_ROW)
            break;
          key = r.id = sqlite3_column_int64 (st, 0);
          if (key <= atomic_load (&s->low))
            break;
          r.ninst = engine_inst_decode (s->q, sqlite3_column_blob (st, 1),
                                        sqlite3_column_bytes (st, 1), &r.inst,
                                        &r.stats);
        }
      else
        {
          if (i == 0)
            break;
          key = (int64_t) --i;
          if (key <= atomic_load (&s->low))
            break;
          /* Not the whole row: the caller may be writing what it
             works out into the one where they meet.  */
          r.id = s->all[i].id;
          r.stats = s->all[i].stats;
        }
      /* A failure here is the caller's to meet: it does what the
         thread did not.  */
      char *cause = NULL;
      if (work_row (&s->reader, s->q, s->tagged, s->have_tags, s->unplain,
                    &r, &cause) != 0)
        {
          free (cause);
          free (r.inst);
          break;
        }
      s->rows = xgrow (s->rows, &s->alloc, s->nrows + 1, sizeof *s->rows);
      s->rows[s->nrows++] = r;
      atomic_store (&s->high, key);
    }
  sqlite3_finalize (st);
  return NULL;
}

/* Start a thread searching from the top for the caller of E searching
   Q from the bottom, which has finished LAST, or return NULL.  */
static struct split *
split_start (struct engine *e, const struct engine_query *q,
             const struct matching *m, const struct idset *tagged,
             int have_tags, const struct idset *unplain,
             const struct fts_row *all, size_t nall, int64_t last)
{
  /* (Debian's SQLite is built for threads; another may not be.)  */
  if (sysconf (_SC_NPROCESSORS_ONLN) < 2 || !sqlite3_threadsafe ())
    return NULL;
  struct split *s = xcalloc (1, sizeof *s);
  s->e = e;
  s->q = q;
  s->m = m;
  s->tagged = tagged;
  s->have_tags = have_tags;
  s->unplain = unplain;
  s->all = all;
  s->nall = nall;
  atomic_init (&s->low, last);
  atomic_init (&s->high, INT64_MAX);
  atomic_init (&s->stop, 0);
  if (thread_start (&s->thread, search_from_top, s) != 0)
    {
      free (s);
      return NULL;
    }
  return s;
}

/* Stop S's thread: its rows are final.  */
static void
split_stop (struct split *s)
{
  atomic_store (&s->low, INT64_MAX);
  atomic_store (&s->stop, 1);
  pthread_join (s->thread, NULL);
  if (s->reader.ix)
    engine_close_reader (&s->reader);
}

/* The rows of the documents that Q's FTS5 expression matches (only the
   document ONLY when that is >= 0), worked out (work_row) and ascending
   by id, into *ROWS and *NROWS.  MAY_SPLIT lets a thread work from the
   top; *SPLIT gets the number of rows it gave, and *MET whether it
   finished any: where it did may have stopped the caller, even with
   none of its rows kept.  Returns 0, or -1 with *CAUSE (told to stop,
   too).  */
static int
read_matches (struct engine *e, const struct engine_query *q,
              const struct matching *m, int64_t only,
              const struct idset *tagged, int have_tags,
              const struct idset *unplain, int may_split,
              struct fts_row **rows, size_t *nrows, size_t *split,
              int *met, char **cause)
{
  sqlite3 *db = index_db (e->ix);
  size_t alloc = 0;
  *rows = NULL;
  *nrows = 0;
  *split = 0;
  *met = 0;
  sqlite3_stmt *st;
  /* (Which columns of the revised English a row has only where the
     revised English is searched: FTS5 reads its table of sizes for
     each row asked.)  */
  if (sqlite3_prepare_v2 (db, only < 0
                          ? "SELECT rowid, cb_inst(fts, ?3, ?4) FROM fts "
                          "WHERE fts MATCH ?1"
                          : "SELECT rowid, cb_inst(fts, ?3, ?4) FROM fts "
                          "WHERE fts MATCH ?1 AND rowid = ?2", -1, &st, NULL)
      != SQLITE_OK)
    {
      *cause = engine_db_error (e, db);
      return -1;
    }
  bind_matching (st, 1, 4, m, q);
  if (only >= 0)
    sqlite3_bind_int64 (st, 2, only);
  sqlite3_bind_int (st, 3, q->revised);
  struct split *s = NULL;
  struct timespec began;
  clock_gettime (CLOCK_MONOTONIC, &began);
  int64_t last = -1;
  int64_t max_id = may_split
    ? index_sql_int (db, "SELECT max(id) FROM heads", 0) : 0;
  int rc = 0, step;
  while ((step = sqlite3_step (st)) == SQLITE_ROW)
    {
      struct fts_row r = { .id = sqlite3_column_int64 (st, 0) };
      if (s && r.id >= atomic_load (&s->high))
        break;                  /* the thread has been here */
      r.ninst = engine_inst_decode (q, sqlite3_column_blob (st, 1),
                                    sqlite3_column_bytes (st, 1), &r.inst,
                                    &r.stats);
      if (work_row (e, q, tagged, have_tags, unplain, &r, cause) != 0)
        {
          free (r.inst);
          rc = -1;
          break;
        }
      *rows = xgrow (*rows, &alloc, *nrows + 1, sizeof **rows);
      (*rows)[(*nrows)++] = r;
      last = r.id;
      if (s)
        atomic_store (&s->low, last);
      if (*nrows % 16 == 0 && e->interrupt && check_interrupt (e))
        {
          rc = -1;
          break;
        }
      if (may_split && s == NULL
          && split_due (e, *nrows, last, max_id, &began))
        {
          s = split_start (e, q, m, tagged, have_tags, unplain, NULL, 0,
                           last);
          may_split = 0;        /* once */
        }
    }
  if (rc == 0 && step != SQLITE_ROW && step != SQLITE_DONE)
    {
      *cause = engine_db_error (e, db);
      rc = -1;
    }
  sqlite3_finalize (st);
  if (s)
    {
      split_stop (s);
      *met = s->nrows > 0;
      /* The thread's rows above the caller's last, lowest first.  */
      for (size_t k = s->nrows; k-- > 0;)
        {
          struct fts_row *r = &s->rows[k];
          if (rc == 0 && r->id > last)
            {
              *rows = xgrow (*rows, &alloc, *nrows + 1, sizeof **rows);
              (*rows)[(*nrows)++] = *r;
              ++*split;
            }
          else
            free (r->inst);
        }
      free (s->rows);
      free (s);
    }
  return rc;
}

/* Work out ROWS[0] to ROWS[N - 1] (work_row), which FTS5 did not find:
   every document is one.  MAY_SPLIT, *SPLIT and *MET as for
   read_matches.  Returns 0, or -1 with *CAUSE.  */
static int
work_all (struct engine *e, const struct engine_query *q,
          const struct idset *tagged, int have_tags, int may_split,
          struct fts_row *rows, size_t n, size_t *split, int *met,
          char **cause)
{
  struct split *s = NULL;
  struct timespec began;
  clock_gettime (CLOCK_MONOTONIC, &began);
  int64_t last = -1;
  int rc = 0;
  *split = 0;
  *met = 0;
  for (size_t i = 0; i < n; i++)
    {
      if (s && (int64_t) i >= atomic_load (&s->high))
        break;
      if (work_row (e, q, tagged, have_tags, NULL, &rows[i], cause) != 0)
        {
          rc = -1;
          break;
        }
      last = (int64_t) i;
      if (s)
        atomic_store (&s->low, last);
      if (i % 16 == 15 && e->interrupt && check_interrupt (e))
        {
          rc = -1;
          break;
        }
      if (may_split && s == NULL
          && split_due (e, i + 1, (int64_t) i + 1, (int64_t) n, &began))
        {
          s = split_start (e, q, NULL, tagged, have_tags, NULL, rows, n,
                           last);
          may_split = 0;        /* once */
        }
    }
  if (s)
    {
      split_stop (s);
      *met = s->nrows > 0;
      /* The thread went down from the last row, one at a time.  */
      for (size_t k = 0; k < s->nrows; k++)
        {
          size_t i = n - 1 - k;
          if ((int64_t) i > last)
            {
              ++*split;
              rows[i].keep = s->rows[k].keep;
              rows[i].hits = s->rows[k].hits;
              rows[i].concepts = s->rows[k].concepts;
              memcpy (rows[i].regex_lang, s->rows[k].regex_lang,
                      sizeof rows[i].regex_lang);
              rows[i].merged = s->rows[k].merged;
              memcpy (rows[i].merged_lang, s->rows[k].merged_lang,
                      sizeof rows[i].merged_lang);
              rows[i].seen = s->rows[k].seen;
              memcpy (rows[i].tf, s->rows[k].tf, sizeof rows[i].tf);
              memcpy (rows[i].lang_hits, s->rows[k].lang_hits,
                      sizeof rows[i].lang_hits);
            }
        }
      free (s->rows);
      free (s);
    }
  return rc;
}

/* The documents that Q's tag: filters and facets (collection:,
   region:, year:, number) leave, into *TAGGED, with *HAVE_TAGS set (0:
   no filter, every document).  Returns 0, or -1 with *CAUSE.  */
static int
read_filters (struct engine *e, sqlite3 *db, const struct engine_query *q,
              struct idset *tagged, int *have_tags, char **cause)
{
  *tagged = (struct idset) { 0 };
  *have_tags = 0;
  int rc = 0;
  if (q->q->contradictory)
    {
      /* No document meets them all: an empty set keeps none.  */
      *have_tags = 1;
      return 0;
    }
  /* tag: filters keep only documents with that keyword.  */
  for (size_t i = 0; rc == 0 && i < q->q->ntags; i++)
    {
      struct idset s;
      rc = idset_query (db, "SELECT doc FROM tags WHERE tag=?", q->q->tags[i],
                        &s);
      if (rc == 0)
        idset_narrow (tagged, have_tags, &s);
      else
        free (s.ids);
    }
  /* Facets: collection:, region:, year: keep only those documents.  */
  char year[16], number[32];
  snprintf (year, sizeof year, "%d", q->q->year);
  snprintf (number, sizeof number, "%ld", q->q->doc);
  struct { const char *sql; char *const *vals; size_t n; const char *one; }
  facets[4] = {
    { NULL, q->q->collections, q->q->ncollections, NULL },
    { "SELECT id FROM heads WHERE instr(region, ?) > 0", q->q->regions,
      q->q->nregions, NULL },
    { "SELECT id FROM heads WHERE year = CAST(? AS INTEGER)", NULL,
      q->q->year > 0, year },
    { "SELECT id FROM heads WHERE number = CAST(? AS INTEGER)", NULL,
      q->q->doc >= 0, number },
  };
  for (int f = 0; f < 4 && rc == 0; f++)
    for (size_t i = 0; i < facets[f].n && rc == 0; i++)
      {
        struct idset s;
        rc = facets[f].sql == NULL
          ? idset_collection (db, facets[f].vals[i], &s)
          : idset_query (db, facets[f].sql,
                         facets[f].vals ? facets[f].vals[i] : facets[f].one,
                         &s);
        if (rc == 0)
          idset_narrow (tagged, have_tags, &s);
        else
          free (s.ids);
      }
  /* Fields typed with a minus: what they would keep is left out, of
     every document when nothing narrowed them before.  */
  static const char *const excluding[] = {
    [QUERY_FIELD_TAG] = "SELECT doc FROM tags WHERE tag=?",
    [QUERY_FIELD_COLLECTION] = NULL,      /* idset_collection */
    [QUERY_FIELD_REGION] = "SELECT id FROM heads WHERE instr(region, ?) > 0",
    [QUERY_FIELD_YEAR] = "SELECT id FROM heads WHERE year = "
      "CAST(? AS INTEGER)",
    [QUERY_FIELD_DOC] = "SELECT id FROM heads WHERE number = "
      "CAST(? AS INTEGER)",
  };
  if (rc == 0 && q->q->nexcluded > 0 && !*have_tags)
    {
      rc = idset_query (db, "SELECT id FROM heads", NULL, tagged);
      *have_tags = 1;
    }
  for (size_t i = 0; rc == 0 && i < q->q->nexcluded; i++)
    {
      const struct query_exclusion *x = &q->q->excluded[i];
      struct idset s;
      rc = x->field == QUERY_FIELD_COLLECTION
        ? idset_collection (db, x->value, &s)
        : idset_query (db, excluding[x->field], x->value, &s);
      if (rc == 0)
        idset_subtract (tagged, &s);
      free (s.ids);
    }
  if (rc != 0)
    *cause = engine_db_error (e, db);
  return rc;
}

/* engine_search, over the document with id ONLY, or all when ONLY is
   -1.  */
static int
search_in (struct engine *e, const struct engine_query *q, int64_t only,
           struct engine_results *res, char **cause)
{
  memset (res, 0, sizeof *res);
  /* A new search: nothing read for the last one is held.  */
  engine_texts_release (e);
  res->nconcepts = q->nconcepts;
  res->searched = index_document_count (e->ix);
  *cause = NULL;
  e->split_docs = 0;
  e->regex_counted_docs = 0;
  if (q->unmatchable)
    {
      res->missing = 1;
      return 0;
    }
  sqlite3 *db = index_db (e->ix);
  e->interrupted = 0;
  if (e->interrupt && check_interrupt (e))
    return 1;                   /* told to stop before it starts */
  if (e->interrupt)
    sqlite3_progress_handler (db, 1000, check_interrupt, e);
  int rc = 0;
  struct idset tagged = { 0 }, unplain = { 0 };
  int have_tags = 0;
  struct fts_row *rows = NULL;
  size_t nrows = 0;
  /* Searched from both ends, the documents were read through two
     connections, each with its own read: they read the same index if
     nothing was written between the first and the last (else the
     search is done again, by this connection alone).  */
  int may_split = only < 0 && e->split_after_ns >= 0;
  struct generation found;
  int heads_begun = 0;          /* the heads' read (read_begin) */
  int redone = 0;
  for (int again = 1; rc == 0 && again;)
    {
      again = 0;
      /* The generation, the filters, the filter of pairs and the
         matches are read in one read of the index: each read apart,
         another casebook's write could fall between them, and the
         matches of a document it added be counted without the phrases
         the filter of pairs said were nowhere, or the tag filters miss
         a document the matches hold.  */
      int begun = read_begin (db);
      /* The generation the instances are of, asked before they are
         read: asked after, it could count a change committed while they
         were read, and instances of the old index would pass for the
         new's.  Asked before, such a change only makes them look
         stale.  */
      found = engine_generation (e);
      /* The filters too are read after it: done again, a search must
         not keep the ids of the index it gave up (a document updated
         since has another).  */
      free (tagged.ids);
      rc = read_filters (e, db, q, &tagged, &have_tags, cause);
      /* The documents whose places of a regex's literals need not be
         its matches: few, and all of them are read.  */
      free (unplain.ids);
      unplain = (struct idset) { 0 };
      if (rc == 0 && q->regex_counted >= 0 && !e->no_regex_counts
          && (rc = idset_query (db, "SELECT doc FROM unplain", NULL,
                                &unplain)) != 0)
        *cause = engine_db_error (e, db);
      if (rc != 0)
        {
          read_end (db, begun);
          break;
        }
      size_t split = 0;
      int met = 0;
      /* (Asked in this pass: the filter is of the index as it is now.)  */
      struct matching m;
      narrow_matching (e, q, &m);
      if (e->between_reads)
        e->between_reads (e->between_reads_ctx, 0);
      if (q->match)
        {
          /* (With no phrase that can occur, nothing is found.)  */
          if (!m.none)
            rc = read_matches (e, q, &m, only, &tagged, have_tags,
                               q->regex_counted >= 0 && !e->no_regex_counts
                               ? &unplain : NULL, may_split, &rows, &nrows,
                               &split, &met, cause);
        }
      else
        {
          /* Nothing for FTS5 to find: every document is a candidate,
             less those with an excluded word.  */
          struct idset all, excluded = { 0 };
          char one[32];
          snprintf (one, sizeof one, "%lld", (long long) only);
          rc = idset_query (db, only < 0 ? "SELECT id FROM heads"
                            : "SELECT id FROM heads WHERE id = "
                            "CAST(? AS INTEGER)",
                            only < 0 ? NULL : one, &all);
          if (rc == 0 && q->negmatch)
            rc = idset_query (db, "SELECT rowid FROM fts WHERE fts MATCH ?",
                              q->negmatch, &excluded);
          size_t alloc = 0;
          for (size_t i = 0; rc == 0 && i < all.n; i++)
            if (!idset_has (&excluded, all.ids[i]))
              {
                rows = xgrow (rows, &alloc, nrows + 1, sizeof *rows);
                rows[nrows++] = (struct fts_row) {
                  .id = all.ids[i], .stats = { .len = 1, .avg_len = 1 } };
              }
          free (all.ids);
          free (excluded.ids);
          if (rc != 0)
            *cause = engine_db_error (e, db);
          else
            /* Only a regex makes a document more than a judgement.  */
            rc = work_all (e, q, &tagged, have_tags,
                           may_split && q->has_regex, rows, nrows, &split,
                           &met, cause);
        }
      matching_free (&m);
      /* Ended before the generation is asked again below, which within
         the read would not change.  A handle left open on a text (a
         regex's) is a statement of the read: closed first.  */
      engine_texts_release (e);
      read_end (db, begun);
      e->split_docs = split;
      /* The heads are read next, in a read of their own, which must be
         of the index the matches were of: a document removed and
         another added since would have the removed one's id (SQLite
         gives a new row the greatest plus one), and the new one's title
         be shown with the old one's hits.  So that read begins here,
         and a write since the matches' read began (its generation has
         changed) makes the search be done again, twice at most.
         Searched from both ends, the thread's read began after the
         caller's: the same question covers it, and is asked whenever
         the two met, not only when rows of the thread's are kept (the
         thread's index may end lower than the caller's).  */
      if (rc == 0 && e->between_reads)
        e->between_reads (e->between_reads_ctx, 1);
      if (rc == 0)
        {
          heads_begun = read_begin (db);
          struct generation now = engine_generation (e);
          int changed = now.others == -1 ? met
            : !engine_same_generation (now, found);
          if (changed && (met || redone < 2))
            {
              read_end (db, heads_begun);
              heads_begun = 0;
              redone++;
              for (size_t i = 0; i < nrows; i++)
                free (rows[i].inst);
              free (rows);
              rows = NULL;
              nrows = 0;
              may_split = 0;
              again = 1;
              e->split_docs = 0;
            }
        }
    }
  for (size_t i = 0; i < nrows; i++)
    e->regex_counted_docs += rows[i].counted;
  /* What the instances are positions in: engine_hits takes them only
     from the same index.  */
  unsigned version = engine_db_version (e);
  struct heads_reader heads;
  if (heads_open (db, nrows > res->searched / 8, &heads) != 0 && rc == 0)
    {
      *cause = engine_db_error (e, db);
      rc = -1;
    }
  /* Documents per concept, for the IDF.  */
  size_t df[QUERY_MAX_TERMS] = { 0 };
  for (size_t i = 0; i < nrows && q->nconcepts < ROW_TALLY; i++)
    for (size_t c = 0; c < q->nconcepts; c++)
      df[c] += (rows[i].seen >> c) & 1;
  for (size_t i = 0; i < nrows && q->nconcepts >= ROW_TALLY; i++)
    {
      unsigned char seen[QUERY_MAX_TERMS] = { 0 };
      for (size_t k = 0; k < rows[i].ninst; k++)
        {
          int c = q->phrases[rows[i].inst[k].phrase].concept;
          if (c >= 0 && c < QUERY_MAX_TERMS && !seen[c])
            {
              seen[c] = 1;
              df[c]++;
            }
        }
    }
  for (size_t c = 0; c < q->nconcepts && c < QUERY_MAX_TERMS; c++)
    res->missing += df[c] == 0;
  if (res->missing && q->nconcepts <= QUERY_MAX_TERMS)
    {
      res->absent = xcalloc (q->nconcepts, sizeof *res->absent);
      for (size_t c = 0; c < q->nconcepts; c++)
        res->absent[c] = df[c] == 0;
    }
  if (q->nconcepts > 1 && q->nconcepts <= QUERY_MAX_TERMS)
    {
      res->idf = xcalloc (q->nconcepts, sizeof *res->idf);
      for (size_t c = 0; c < q->nconcepts; c++)
        res->idf[c] = concept_idf (df[c], res->searched);
    }
  size_t alloc = 0;
  for (size_t i = 0; rc == 0 && i < nrows; i++)
    {
      struct fts_row *r = &rows[i];
      if (!r->keep)
        continue;
      struct engine_doc d = { 0 };
      int head = heads_get (&heads, r->id, &d, &r->stats.len);
      if (head == -2)
        {
          *cause = engine_db_error (e, db);
          rc = -1;
          break;
        }
      if (head != 0)
        continue;
      d.score = score_row (q, r, df, res->searched,
                           r->regex_lang[LANG_ZH] + r->regex_lang[LANG_EN]);
      d.hits = r->hits;
      d.concepts = r->concepts;
      if (q->nconcepts < ROW_TALLY)
        memcpy (d.lang_hits, r->lang_hits, sizeof d.lang_hits);
      else
        engine_inst_count_by_lang (r->inst, r->ninst, q, d.lang_hits);
      for (int l = 0; l < LANG_COUNT; l++)
        d.lang_hits[l] = r->merged ? r->merged_lang[l]
          : d.lang_hits[l] + r->regex_lang[l];
      /* Its instances, for engine_hits: no second query.  */
      struct doc_priv *dp = d.priv;
      dp->version = version;
      dp->found = found;
      dp->inst = r->inst;
      dp->ninst = r->ninst;
      /* The passages to show are chosen by these weights: those with
         the rarer words of the query first.  */
      if (res->idf)
        {
          dp->idf = res->idf;
          dp->nidf = q->nconcepts;
        }
      r->inst = NULL;
      res->docs = xgrow (res->docs, &alloc, res->ndocs + 1,
                         sizeof *res->docs);
      res->docs[res->ndocs++] = d;
      res->total_hits += r->hits;
    }
  heads_close (&heads);
  read_end (db, heads_begun);
  for (size_t i = 0; i < nrows; i++)
    free (rows[i].inst);
  free (rows);
  free (tagged.ids);
  free (unplain.ids);
  if (e->interrupt)
    sqlite3_progress_handler (db, 0, NULL, NULL);
  /* Told to stop, the search may have failed anywhere, or even seemed
     to succeed with documents left out (a head not read): it is
     incomplete either way.  */
  if (e->interrupted)
    {
      free (*cause);
      *cause = NULL;
      engine_results_free (res);
      return 1;
    }
  if (rc != 0)
    {
      if (*cause == NULL)
        *cause = engine_db_error (e, db);
      engine_results_free (res);
      return -1;
    }
  if (res->ndocs > 1)
    qsort (res->docs, res->ndocs, sizeof *res->docs, compare_docs);
  return 0;
}

char *
engine_absent_words (const struct engine_query *q,
                     const struct engine_results *r)
{
  if (r->absent == NULL || r->ndocs == 0)
    return NULL;
  struct buf out = { 0 };
  /* TRANSLATORS: between the words no text has ("no text has %s").  */
  const char *sep = _(", ");
  unsigned char named[QUERY_MAX_TERMS] = { 0 };
  for (size_t c = 0; c < r->nconcepts; c++)
    {
      if (!r->absent[c])
        continue;
      const char *words = NULL;
      for (size_t k = 0; k < q->nphrases && words == NULL; k++)
        if (q->phrases[k].concept == (int) c)
          words = q->phrases[k].first_alt;
      if (words == NULL)
        continue;
      /* Named as typed ("Hummingbirds", 蜂鳥): the words typed that
         hold the concept's, once each (量子力學 for both 量子 and 力学);
         the concept's own words where none does (a term of the
         glossary typed over several).  */
      int typed = 0;
      for (size_t i = 0; i < q->q->nterms && i < QUERY_MAX_TERMS; i++)
        {
          const struct term *t = &q->q->terms[i];
          if (t->kind != TERM_WORDS || t->negated || t->source == NULL)
            continue;
          int holds = 0;
          for (size_t a = 0; a < t->nalts && !holds; a++)
            holds = strstr (t->alts[a], words) != NULL;
          if (!holds)
            continue;
          typed = 1;
          if (named[i])
            continue;
          named[i] = 1;
          if (out.len)
            buf_adds (&out, sep);
          buf_adds (&out, t->source);
        }
      if (!typed)
        {
          if (out.len)
            buf_adds (&out, sep);
          buf_adds (&out, words);
        }
    }
  if (out.len == 0)
    {
      buf_free (&out);
      return NULL;
    }
  buf_addc (&out, '\0');
  return out.data;
}

void
engine_results_free (struct engine_results *res)
{
  for (size_t i = 0; i < res->ndocs; i++)
    {
      /* (Its strings are in the same block: heads_get.)  */
      struct doc_priv *dp = res->docs[i].priv;
      if (dp)
        free (dp->inst);
      free (dp);
    }
  free (res->docs);
  free (res->idf);
  free (res->absent);
  memset (res, 0, sizeof *res);
}
