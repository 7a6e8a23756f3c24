/* segment.h -- Chinese word segmentation of queries, with friso (the
   segmenter RediSearch uses) and its dictionary, extended with the
   glossary's Chinese terms so that legal terms stay whole.

   Only queries are segmented: the index holds bigrams, which find any
   run of characters, so a segmented query still matches text however it
   is cut.  Loading friso's dictionary costs about a tenth of a second,
   so the engine does it only for a query that needs it (a run of
   ideographs that is not a glossary term), once per process.  */

#ifndef CASEBOOK_SEGMENT_H
#define CASEBOOK_SEGMENT_H

#include <stddef.h>

#include "model.h"

struct segmenter;

/* A segmenter with friso's dictionary and the Chinese terms of G.  NULL
   when friso or its dictionary is not installed (queries are then not
   segmented).  Free with segmenter_free.  */
struct segmenter *segmenter_new (const struct glossary *g);
void segmenter_free (struct segmenter *s);

/* Cut the ideographs of S (NUL-terminated UTF-8) into words; anything
   else in S is dropped.  Returns the number of words in *WORDS (caller
   frees with strv_free).  */
size_t segmenter_split (struct segmenter *s, const char *text,
                        char ***words);

#endif /* CASEBOOK_SEGMENT_H */
