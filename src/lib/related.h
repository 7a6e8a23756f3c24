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
   rarest first.

   Where the search index has recorded a document's terms (termvec.h),
   they are taken from it rather than read and analysed again: the same
   terms in the same order, and so the same answers to the last bit, in
   a fraction of the time.  */

#ifndef CASEBOOK_RELATED_H
#define CASEBOOK_RELATED_H

#include <stddef.h>

#include "model.h"

#define RELATED_TERMS 200
#define RELATED_KEYWORD_WEIGHT 0.25
/* Terms named in a reason at most.  */
#define RELATED_REASONS 3

struct related_index;
struct engine;

struct related_doc
{
  const struct document *doc;
  double score;                 /* higher is closer */
  size_t keywords;              /* keywords shared */
  char **reasons;               /* what they share, in language L: the
                                   keywords, then glossary terms */
  size_t nreasons;
};

/* How related_index_new reads and reports.  */
struct related_options
{
  /* Read DOC, a document the library holds by its header only, whole
     into *WHOLE (freed with document_free either way); 0, or -1 when it
     cannot be (said by the callback).  Each is read, analysed and let go
     in turn, so that a library of thousands need not be in memory whole
     (the cases related are read again for their reasons).  NULL when
     every document is whole.  */
  int (*read_whole) (void *ctx, const struct document *doc,
                     struct document *whole);
  void *read_ctx;
  /* Called now and then with the documents analysed and their number,
     and once at the end (DONE == TOTAL): a library of thousands takes
     seconds.  A nonzero return stops the work (a reader who pressed
     Esc need not wait for it): related_index_new returns NULL.  NULL:
     none.  */
  int (*progress) (void *ctx, size_t done, size_t total);
  void *progress_ctx;
  /* The engine over the same content (engine_terms), brought up to
     date: each document whose terms its index recorded is not read.
     NULL, or an index that cannot be read: every document is.  */
  struct engine *engine;
};

/* Analyse every document of LIB (which must outlive the index), as O
   says (NULL: all whole, no progress).  NULL when a document could not
   be read, or O's progress asked to stop.  Free with
   related_index_free.  */
struct related_index *related_index_new (const struct library *lib,
                                         const struct related_options *o);
void related_index_free (struct related_index *ri);

/* How many documents RI read and analysed itself, the index having no
   record of their terms (all of them without an engine).  */
size_t related_index_analysed (const struct related_index *ri);

/* The at most MAX documents most related to D, best first, into OUT
   (caller frees each with related_doc_free), their reasons in language
   L.  Ties go to library order.  Returns how many; a document that can
   no longer be read whole for its reasons is given without them.  */
size_t related_find (const struct related_index *ri,
                     const struct document *d, enum lang l, size_t max,
                     struct related_doc *out);
void related_doc_free (struct related_doc *r);

/* The reason R is related, for a reader: "shares 巡回检察, 减假暂", or
   that they are alike in wording when nothing shared names it.  Caller
   frees.  */
char *related_reason (const struct related_doc *r);

#endif /* CASEBOOK_RELATED_H */
