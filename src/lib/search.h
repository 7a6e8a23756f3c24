/* search.h -- what the browser keeps of a search (the hits of each
   document, as byte offsets in the original text) and the regex matcher
   that the engine (engine.h) runs over texts.  Words and phrases are
   matched by the index; the front ends search only through engine.h.  */

#ifndef CASEBOOK_SEARCH_H
#define CASEBOOK_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "query.h"

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
  const struct document *doc;   /* NULL: the document does not match */
  struct hit *hits;             /* in reading order */
  size_t nhits;
  double score;
  size_t lang_hits[LANG_COUNT]; /* its hits by language, before HITS is
                                   loaded */
  int loaded;                   /* HITS holds them */
  size_t engine_doc;            /* the engine's result it came from */
};

/* Free R's hits.  */
void search_doc_result_free (struct doc_result *r);

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
   *ALLOC).  Returns the count, or -1 with *CAUSE set (caller frees).
   SCRATCH (from search_scratch_new) may be NULL.  With STARTS, T has a
   literal and these are all the places (each less BASE) where it stands
   in S, in order: matching starts only there.  */
long search_regex_spans (const struct term *t, const char *s, size_t len,
                         const size_t *starts, size_t nstarts, size_t base,
                         struct search_span **spans, size_t *nspans,
                         size_t *alloc, char **cause,
                         struct search_scratch *scratch);

#endif /* CASEBOOK_SEARCH_H */
