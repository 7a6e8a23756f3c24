/* import_own.h -- telling casebook's own files from a release, so that
   import does not file a content file's keys, an export's JSON or its
   Markdown (with the † of the project's translations) as the
   release's own words.  */

#ifndef CASEBOOK_IMPORT_OWN_H
#define CASEBOOK_IMPORT_OWN_H

#include <stddef.h>

/* What casebook wrote a file as; IMPORT_OWN_NONE when it is none of
   them (a release, or a page: an HTML export is imported as such).  */
enum import_own_kind
{
  IMPORT_OWN_NONE,
  IMPORT_OWN_DOCUMENT,          /* a .cb document (casebook(5)) */
  IMPORT_OWN_COLLECTION,        /* a collection.cb */
  IMPORT_OWN_JSON,              /* JSON or JSON Lines: export --format jsonl */
  IMPORT_OWN_MARKDOWN           /* export --format md */
};

/* Which of casebook's own files DATA (LEN bytes) is, by its content.  */
enum import_own_kind import_own_kind (const char *data, size_t len);

/* Refuse DATA (LEN bytes, read from the file shown as NAME) when it is
   one of casebook's own files: -1 with *CAUSE saying what it is and
   what to do instead (caller frees); else 0.  */
int import_own_refuse (const char *name, const char *data, size_t len,
                       char **cause);

#endif /* CASEBOOK_IMPORT_OWN_H */
