/* search.h -- matching a compiled query against the content model, with
   hits reported as byte offsets in the original (un-normalized) text, and
   BM25-style ranking of documents.  The TUI and the CLI both use this.  */

#ifndef CASEBOOK_SEARCH_H
#define CASEBOOK_SEARCH_H

#include <stddef.h>

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

#endif /* CASEBOOK_SEARCH_H */
