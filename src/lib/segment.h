/* segment.h -- Chinese word segmentation of queries, with friso (the
   segmenter RediSearch uses) and its dictionary, extended with the
   glossary's Chinese terms so that legal terms stay whole.

   Only queries are segmented: the index holds bigrams, which find any
   run of characters, so a segmented query still matches text however it
   is cut.  Loading friso's dictionary costs a tenth of a second or
   more, so the engine does it only for a query that needs it (a run of
   ideographs that is not a glossary term), once per process, and keeps
   a list of its words in the cache, from which later processes read
   only the words a query holds.  */

#ifndef CASEBOOK_SEGMENT_H
#define CASEBOOK_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

struct segmenter;

/* A segmenter with friso's dictionary and the Chinese terms of G, which
   must outlive it.  With MEMORY (a file in casebook's cache directory),
   the dictionary's words are read from the list there when it was
   written from the same dictionary and glossary; otherwise the
   dictionary is loaded and the list written there for the next time.
   NULL when friso or its dictionary is not installed (queries are then
   not segmented).  Free with segmenter_free.  */
struct segmenter *segmenter_new (const struct glossary *g,
                                 const char *memory);
void segmenter_free (struct segmenter *s);

/* The key a list is written under for the friso configuration
   INI_PATH and the glossary G: what friso's dictionary and G's Chinese
   terms are read from.  0 when INI_PATH cannot be read.  For tests.  */
uint64_t segmenter_key (const char *ini_path, const struct glossary *g);

/* Does S read words from its list (rather than friso's dictionary
   loaded whole)?  For tests.  */
int segmenter_from_list (const struct segmenter *s);

/* Cut the ideographs of S (NUL-terminated UTF-8) into words; anything
   else in S is dropped.  Returns the number of words in *WORDS (caller
   frees with strv_free).  */
size_t segmenter_split (struct segmenter *s, const char *text,
                        char ***words);

#endif /* CASEBOOK_SEGMENT_H */
