/* related.h -- the documents most related to a document: those sharing
   its keywords and whose most distinctive terms are most alike, with the
   reason, for `casebook related' and the browser's related-cases list.

   Each document of the library is analysed as the index analyses it
   (analyze.h: Chinese bigrams, English stems, both languages); its
   distinctive terms are the RELATED_TERMS of highest tf-idf weight
   ((1 + ln tf) * ln (N / df), N the documents of the library), and two
   documents are alike as the cosine of those weights.  A shared keyword
   adds RELATED_KEYWORD_WEIGHT to the score.  The collection overviews
   (document 0) are no case and are never suggested.  The reason names
   the shared keywords, then the glossary terms both documents use, the
   rarest first.  */

#ifndef CASEBOOK_RELATED_H
#define CASEBOOK_RELATED_H

#include <stddef.h>

#include "model.h"

#define RELATED_TERMS 200
#define RELATED_KEYWORD_WEIGHT 0.25
/* Terms named in a reason at most.  */
#define RELATED_REASONS 3

struct related_index;

struct related_doc
{
  const struct document *doc;
  double score;                 /* higher is closer */
  size_t keywords;              /* keywords shared */
  char **reasons;               /* what they share, in language L: the
                                   keywords, then glossary terms */
  size_t nreasons;
};

/* Analyse every document of LIB (which must outlive the index), calling
   PROGRESS (if not NULL) with CTX, the documents analysed and their
   number, now and then and once at the end (DONE == TOTAL): a library
   of thousands takes seconds.  Free with related_index_free.  */
struct related_index *related_index_new (const struct library *lib,
                                         void (*progress) (void *ctx,
                                                           size_t done,
                                                           size_t total),
                                         void *ctx);
void related_index_free (struct related_index *ri);

/* The at most MAX documents most related to D, best first, into OUT
   (caller frees each with related_doc_free), their reasons in language
   L.  Ties go to library order.  Returns how many.  */
size_t related_find (const struct related_index *ri,
                     const struct document *d, enum lang l, size_t max,
                     struct related_doc *out);
void related_doc_free (struct related_doc *r);

/* The reason R is related, for a reader: "shares 巡回检察, 减假暂", or
   that they are alike in wording when nothing shared names it.  Caller
   frees.  */
char *related_reason (const struct related_doc *r);

#endif /* CASEBOOK_RELATED_H */
