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
  size_t files_alloc;           /* room in FILES */
  size_t documents;
  size_t paragraphs;
  size_t splits;                /* lines that held a marker and its text,
                                   each taken as two */
  size_t left_out;              /* texts and markers of a table of
                                   contents, left out (with a warning) */
};

/* One line of a release as the importer reads it: LEN bytes at TEXT
   (not necessarily valid UTF-8: the importer cleans it) from line LINE
   of the source file.  */
struct import_line
{
  const char *text;
  size_t len;
  unsigned long line;
};

/* What a source knows about the release beyond its lines (an HTML
   page's title and date); any field may be NULL or 0.  */
struct import_meta
{
  const char *title;            /* the collection's and the overview's title */
  const char *date;             /* YYYY-MM-DD */
  int split_markers;            /* "【关键词】巡回检察" on one line is a
                                   marker and a line */
};

/* Split LINES (NLINES of them, read from PATH) into collection files, the
   way import_release does; META may be NULL.  Problems go to DIAGS as
   warnings with the lines' own numbers.  Free with import_free().  */
void import_lines (const char *path, const struct import_line *lines,
                   size_t nlines, const struct import_meta *meta,
                   struct import_result *res, struct diags *diags);

/* Split the release text DATA (LEN bytes, read from PATH) into collection
   files.  Problems go to DIAGS as warnings.  Free with import_free().  */
void import_release (const char *path, const char *data, size_t len,
                     struct import_result *res, struct diags *diags);
/* Is every file of RES one casebook reads (CONTENT_MAX_SIZE at most)?
   A source --max-size lets in can make a larger document, which written
   would stop every search of its library: import_write and
   library_install write none.  0, or -1 with *CAUSE (caller frees)
   naming the file.  */
int import_check_sizes (const struct import_result *res, char **cause);
void import_free (struct import_result *res);

/* A collection's title (or publisher) as a source gives it: TEXT[0] in
   Chinese and TEXT[1] in English (NULL: none), each marked TR when it is
   the casebook project's translation rather than the release's words.  */
struct import_title
{
  const char *text[2];
  int tr[2];
};

/* Put the collection file first in RES, for a release read from PATH:
   its id is the file's name without its extension (in NFKC: the
   full-width ｂａｔｃｈ３ is batch3), its title TITLE
   (NULL, or no text: the id, marked as the project's words), its
   publisher PUBLISHER (NULL, or no text: none), its date DATE (NULL:
   none).  */
void import_add_collection (struct import_result *res, const char *path,
                            const struct import_title *title,
                            const struct import_title *publisher,
                            const char *date);

/* The id import_add_collection gives the collection of a release read
   from PATH: the file's name without its extension, a control in it
   shown as '?' (a newline would end the line of collection.cb), in
   NFKC as library_name_norm gives names ("ｂａｔｃｈ３.txt" is batch3),
   or "release" for standard input or a name of blanks, which would not
   load.  Caller frees.  */
char *import_collection_id (const char *path);

/* Give the collection file at the head of RES (import_add_collection)
   the publisher PUBLISHER and the date DATE (YYYY-MM-DD), each in place
   of what the source gave, where not NULL: for a release that does not
   say, a plain text above all.  The publisher, the importer's words and
   not the release's, is marked as the project's (.tr) in the language
   it is written in.  */
void import_set_collection_meta (struct import_result *res,
                                 const char *publisher, const char *date);

/* Whether DIR can take an import: 0 when it holds no collection and no
   document (or does not exist yet), else -1 with *CAUSE set (caller
   frees).  Asked before the parse, so that a refusal is not buried
   under the release's warnings; import_write asks again.  */
int import_dir_vacant (const char *dir, char **cause);

/* Write RES into DIR (created if needed), each file atomically; refuses
   to overwrite an existing collection.  Returns 0, or -1 with *CAUSE set
   (caller frees).  */
int import_write (const struct import_result *res, const char *dir,
                  char **cause);

/* The most import reads unless told otherwise.  */
#define IMPORT_MAX_SIZE ((size_t) 64 << 20)

/* Read the release FILE ("-": standard input) for import, at most MAX
   bytes.  Refuses what is not a regular file unless FILE is "-" (a device
   or a pipe may never end), more than MAX bytes (errno EFBIG; reading
   stops there), and input that is empty or blank.  Returns the bytes
   (NUL appended, not counted in *LEN) or NULL with *CAUSE set, naming
   the file.  Caller frees.  */
char *import_read_source (const char *file, size_t max, size_t *len,
                          char **cause);

/* Which language a line is written in: the script most of its letters
   belong to.  Returns 0 for Chinese, 1 for English.  */
int import_line_lang (const char *s, size_t len);

/* DATA (LEN bytes) decoded from GB18030 (GBK, GB2312) into UTF-8, its
   length in *OUTLEN, or NULL when it does not read as mostly Chinese in
   that encoding.  Caller frees.  */
char *import_gb18030 (const char *data, size_t len, size_t *outlen);

#endif /* CASEBOOK_IMPORT_H */
