/* index.h -- the search cache.  The folded text of every document, with a
   trigram filter per document, kept in $XDG_CACHE_HOME/casebook/ and
   mapped on open: a search then reads no content file and folds nothing.
   The cache is keyed by the content's paths, sizes and modification times
   and rebuilt (atomically) when stale or corrupt, so it never gives
   results that differ from a search of the content itself.  */

#ifndef CASEBOOK_INDEX_H
#define CASEBOOK_INDEX_H

#include <stddef.h>

#include "model.h"
#include "query.h"
#include "util.h"

struct index;

/* Where the cache of CONTENT_DIR lives (under CACHE_HOME, normally
   $XDG_CACHE_HOME or ~/.cache).  Caller frees.  */
char *index_cache_path (const char *content_dir, const char *cache_home);

/* The key of the content as it is now (paths, sizes, times).  0 when the
   directory cannot be read.  */
unsigned long long index_content_key (const char *content_dir);

/* The same, computed in a thread while the caller does other work:
   start, then finish (which waits for it and frees K).  */
struct index_key;
struct index_key *index_content_key_start (const char *content_dir);
unsigned long long index_content_key_finish (struct index_key *k);

/* Map the cache at PATH if it is valid for KEY.  NULL if missing, stale
   or corrupt (*REASON says which; static string).  */
struct index *index_open (const char *path, unsigned long long key,
                          const char **reason);

/* Build the cache of LIB for KEY and write it to PATH atomically.
   Returns 0, or -1 with errno set.  */
int index_write (const struct library *lib, unsigned long long key,
                 const char *path);

/* One ranked match.  */
struct index_match
{
  size_t doc;                   /* index in the cache's document table */
  long number;
  size_t hits;
  double score;
};

/* Search with Q (see index_supports).  Fills *MATCHES best first (caller
   frees) and returns their count; (size_t) -1 if the cache turned out to
   be corrupt; (size_t) -2 with *ERROR set (caller frees) if a regex hit
   its limits.  */
size_t index_search (const struct index *ix, const struct query *q,
                     struct index_match **matches, char **error);
int index_supports (const struct query *q);

size_t index_document_count (const struct index *ix);
/* The path of the content file of document I.  */
const char *index_document_path (const struct index *ix, size_t i);
/* The id of the collection document I belongs to.  */
const char *index_document_collection (const struct index *ix, size_t i);

void index_close (struct index *ix);

/* For tests and fuzzing: recompute every checksum of a cache IMAGE of
   SIZE bytes in memory, as index_write would, so that damage goes past
   them.  What index_open and index_search check besides must then
   refuse it, never read outside the file.  */
void index_reseal (void *image, size_t size);

#endif /* CASEBOOK_INDEX_H */
