/* search.h -- matching a compiled query against the content model, with
   hits reported as byte offsets in the original (un-normalized) text, and
   BM25-style ranking of documents.  The TUI and the CLI both use this.  */

#ifndef CASEBOOK_SEARCH_H
#define CASEBOOK_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "query.h"

/* Where in a document a text lives.  */
enum hit_part { PART_TITLE, PART_SECTION, PART_BLOCK };

struct hit
{
  enum hit_part part;
  size_t section;               /* PART_SECTION, PART_BLOCK */
  size_t block;                 /* PART_BLOCK */
  enum lang lang;
  size_t start;                 /* byte offsets in the original text */
  size_t end;
};

struct doc_result
{
  const struct document *doc;
  struct hit *hits;             /* in reading order */
  size_t nhits;
  double score;
};

struct search_results
{
  struct doc_result *docs;      /* best first */
  size_t ndocs;
  size_t total_hits;
};

/* The text a hit points into.  */
const struct text *search_hit_text (const struct document *doc,
                                    const struct hit *h);

/* Find the hits of Q in DOC.  Returns 1 if DOC matches the query, 0 if
   not, -1 on a regex failure (match limit) with *ERROR set (caller frees).
   OUT->hits is set only on 1; free with search_doc_result_free().  */
int search_document (const struct query *q, const struct document *doc,
                     struct doc_result *out, char **error);
void search_doc_result_free (struct doc_result *r);

/* Search every document of LIB and rank the matches.  Returns 0, or -1
   with *ERROR set.  Free with search_results_free().  */
int search_library (const struct query *q, const struct library *lib,
                    struct search_results *res, char **error);
void search_results_free (struct search_results *res);

/* A byte range in a text.  */
struct search_span
{
  size_t start;
  size_t end;
};

/* Match data and limits for running regexes many times in one thread.  */
struct search_scratch
{
  pcre2_match_data *md;
  pcre2_match_context *mc;
};

struct search_scratch *search_scratch_new (void);
void search_scratch_free (struct search_scratch *sc);

/* Run the regex term T over S (LEN bytes of valid UTF-8) under the match
   limits, appending the non-empty matches to *SPANS (of *NSPANS, capacity
   *ALLOC).  Returns the count, or -1 with *ERROR set (caller frees).
   SCRATCH (from search_scratch_new) may be NULL.  With STARTS, T has a
   literal and these are all the places (each less BASE) where it stands
   in S, in order: matching starts only there.  */
long search_regex_spans (const struct term *t, const char *s, size_t len,
                         const size_t *starts, size_t nstarts, size_t base,
                         struct search_span **spans, size_t *nspans,
                         size_t *alloc, char **error,
                         struct search_scratch *scratch);

/* Word-boundary rules of matching, for code that matches folded text
   itself: does folded ALT have to start a word, and does folded text S
   start one at byte POS?  */
int search_needs_boundary (const char *alt);
/* memmem for folded case text, for one needle searched in many texts:
   set up once (NEEDLE must outlive the finder), then find the first
   occurrence (memchr for the rarest byte), or all (search_finder_scan).  */
struct search_finder
{
  const char *needle;
  size_t len;
  size_t rare1, rare2;          /* positions of the two rarest bytes */
};
void search_finder_init (struct search_finder *f, const char *needle,
                         size_t len);
const char *search_finder_find (const struct search_finder *f,
                                const char *hay, size_t hay_len);

/* A checksum of LEN bytes at DATA made to be computed alongside a
   search: sums of 64-bit words in four lanes, and sums of those sums
   (which catch words moved about), mixed at the end.  */
uint64_t search_text_sum (const char *data, size_t len);

/* Every position at which F's needle stands in HAY (LEN bytes), in order,
   overlapping ones too, appended to *AT (*N of them, room for *ALLOC),
   and the search_text_sum of HAY: both in one pass over memory.  On x86
   it tests the needle's two rarest bytes at 32 positions at a time (with
   AVX2 where the processor has it), so that a term of common bytes
   (Chinese, say) is found at memory speed.  */
uint64_t search_finder_scan (const struct search_finder *f, const char *hay,
                             size_t len, size_t **at, size_t *n,
                             size_t *alloc);
int search_at_word_start (const char *s, size_t pos);

/* The BM25-style score of a document with weighted term frequencies TF
   and folded LENGTH among NDOCS documents; DF[t] counts the documents
   that contain term t.  */
double search_score (const struct query *q, const size_t *tf, size_t length,
                     const size_t *df, size_t ndocs, double avg_length);

/* Counting over text that is already folded (the search cache), with the
   same rules as search_document: word terms only.  */
struct search_counter
{
  const struct query *q;
  size_t *tf;                   /* weighted frequency per term */
  size_t length;                /* folded bytes seen */
  size_t hits;                  /* merged hits, as search_document counts */
};

void search_counter_init (struct search_counter *c, const struct query *q);
/* Count in one folded text of LANG; WEIGHT 3 for titles, headings and
   keywords; IS_KEYWORDS for a keyword list (where tag: hits show); HAS
   the QUERY_NEEDS_* bits of what the text contains (~0u if unknown).  */
void search_counter_text (struct search_counter *c, const char *folded,
                          size_t len, enum lang lang, size_t weight,
                          int is_keywords, unsigned has);
/* Do the counted terms satisfy the query (tags are checked apart)?  */
int search_counter_matches (const struct search_counter *c);
void search_counter_free (struct search_counter *c);

#endif /* CASEBOOK_SEARCH_H */
