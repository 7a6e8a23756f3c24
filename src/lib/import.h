/* import.h -- turning a release text (cases with 【关键词】/【Key words】
   markers, numbered headings, paragraphs in either language) into a
   casebook collection.  The importer never drops text: what it cannot
   place it keeps as a paragraph and warns about.  */

#ifndef CASEBOOK_IMPORT_H
#define CASEBOOK_IMPORT_H

#include <stddef.h>

#include "util.h"

/* One file of the collection to write.  */
struct import_file
{
  char *name;                   /* "collection.cb", "00.cb", ... */
  char *text;
};

struct import_result
{
  struct import_file *files;
  size_t nfiles;
  size_t documents;
  size_t paragraphs;
};

/* Split the release text DATA (LEN bytes, read from PATH) into collection
   files.  Problems go to DIAGS as warnings.  Free with import_free().  */
void import_release (const char *path, const char *data, size_t len,
                     struct import_result *res, struct diags *diags);
void import_free (struct import_result *res);

/* Write RES into DIR (created if needed), each file atomically; refuses
   to overwrite an existing collection.  Returns 0, or -1 with *CAUSE set
   (caller frees).  */
int import_write (const struct import_result *res, const char *dir,
                  char **cause);

/* Which language a line is written in: the script most of its letters
   belong to.  Returns 0 for Chinese, 1 for English.  */
int import_line_lang (const char *s, size_t len);

#endif /* CASEBOOK_IMPORT_H */
