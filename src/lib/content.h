/* content.h -- reading and validating casebook's content format (see
   casebook(5)): collection directories of .cb files and a glossary.  The
   loader never writes to content.  */

#ifndef CASEBOOK_CONTENT_H
#define CASEBOOK_CONTENT_H

#include "model.h"
#include "util.h"

#define CONTENT_FORMAT_VERSION 1
/* The version of what reading a header gives (its fields, the problems
   it finds): the headers kept between listings (headcache.h) are of
   one version, and a change to content_parse.c that alters what a
   header read gives or says must raise it.  */
#define CONTENT_HEADER_VERSION 1
#define CONTENT_COLLECTION_FILE "collection.cb"
#define CONTENT_GLOSSARY_FILE "glossary.tsv"
/* The largest content file read: ten thousand times a long case.  A
   larger one is refused (content_read_error says so), not read until
   memory runs out.  */
#define CONTENT_MAX_SIZE ((size_t) 64 << 20)
/* Why a content file could not be read, from the errno E its reading
   left: 0 for a file that is not regular, EFBIG for one larger than
   CONTENT_MAX_SIZE.  */
const char *content_read_error (int e);
/* The largest document number.  */
#define CONTENT_NUMBER_MAX 1000000000L

/* Load the content under DIR: DIR is a collection (it holds collection.cb)
   or a library whose subdirectories are collections.  Every problem goes
   to DIAGS; the library is returned even when there were errors, with the
   parts that could be read.  Caller frees with library_free().  */
struct library *content_load (const char *dir, struct diags *diags);

/* Load the collections under each of DIRS (N of them, each as
   content_load takes it) into one library: the reader's library is the
   shipped content and the user's collections (prefs_library_dirs()).
   The glossary is the first directory's.  A directory after the first
   that does not exist or holds no collection adds nothing; collections
   from them are marked user, and one whose id an earlier one has is
   left out with a warning.  Caller frees with library_free().  */
struct library *content_load_dirs (const char *const *dirs, size_t n,
                                   struct diags *diags);

/* As content_load_dirs, reading only each document's header (number,
   title, procuratorate, region, and a keyword list that comes before the
   text): what a list of the documents needs, from the first few
   kilobytes of each file.  The documents are partial (see model.h) and
   only the headers' problems are reported; content_load_body() reads the
   rest of a document when it is opened.  Caller frees with
   library_free().  */
struct library *content_load_headers (const char *const *dirs, size_t n,
                                      struct diags *diags);

/* Read the rest of DOC, a partial document, from its file: its sections,
   and its keywords if the header had none.  The header's strings stay
   where they are.  Nothing to do for a whole document.  Returns 0, or -1
   with the file's problems in DIAGS (DOC is then still partial).  */
int content_load_body (struct document *doc, struct diags *diags);

/* Read DOC's file again after it changed: its title, procuratorate and
   region, and, unless DOC is partial, its text.  Its number and keywords
   stay (the list is sorted by the number, the tag table points into the
   keywords).  Returns 0, or -1 with the file's problems in DIAGS and
   DOC as it was.  */
int content_reload (struct document *doc, struct diags *diags);

/* Read DOC (a document of a library read by its headers, which the caller
   may not change) whole into *OUT, a document of its own: same number and
   collection.  Returns 0, or -1 with the file's problems in DIAGS.
   Caller frees *OUT with document_free() either way.  */
int content_read_whole (const struct document *doc, struct document *out,
                        struct diags *diags);

/* How to load (content_load_with): with HEADERS_ONLY as
   content_load_headers; PROGRESS, when set, is called after each
   document with how many of TOTAL were read, and once more when all
   are (DONE == TOTAL), for a front end to show a long load.  */
typedef void (*content_progress_fn) (void *ctx, size_t done, size_t total);
struct content_load_options
{
  int headers_only;
  content_progress_fn progress;
  void *progress_ctx;
};

/* content_load_dirs or content_load_headers, as O says.  */
struct library *content_load_with (const char *const *dirs, size_t n,
                                   const struct content_load_options *o,
                                   struct diags *diags);

/* The files of the content at DIR, laid out as the loader reads them:
   DIR is one collection (it holds collection.cb) or a library whose
   subdirectories are collections.  The one place that knows the layout.  */
struct content_coll_files
{
  char *dir;                    /* the collection's directory */
  char **docs;                  /* paths of its .cb documents, sorted */
  size_t ndocs;
  int unlisted;                 /* the directory could not be read (said) */
};

struct content_files
{
  struct content_coll_files *colls;
  size_t ncolls;
  char *glossary;               /* where the glossary is (may not exist) */
};

/* List the content at DIR into CF.  Problems go to DIAGS; returns 0, or
   -1 if any was an error.  Free with content_files_free().  */
int content_list (const char *dir, struct content_files *cf,
                  struct diags *diags);
void content_files_free (struct content_files *cf);

/* Leave out of CF, listed from the user's library, each collection
   whose directory is not the user's alone (prefs_library_unsafe: owned
   by another user, or writable by others), with a warning in DIAGS:
   what another user put there would be read as the user's own.  */
void content_drop_unsafe (struct content_files *cf, struct diags *diags);

/* Is DIR gone, removed since it was listed ("casebook library remove"
   alongside)?  A collection that is gone is not there, and its files'
   absence no error.  */
int content_dir_vanished (const char *dir);

/* Read the metadata (collection.cb) of the collection in DIR into COLL;
   its id defaults to DIR's last component.  Returns 0 if no error was
   added.  Free with collection_free().  */
int content_read_collection (const char *dir, struct collection *coll,
                             struct diags *diags);

/* Read the glossary at PATH into G (nothing when it does not exist).
   Returns 0 if no error was added.  */
int content_read_glossary (const char *path, struct glossary *g,
                           struct diags *diags);

/* Parse one document file's bytes (already read) into DOC.  Used by the
   loader and the fuzz target.  Returns 0 if no error was added.  */
int content_parse_document (const char *path, const char *data, size_t len,
                            struct document *doc, struct diags *diags);

/* content_parse_document, or with HEADER_ONLY the header alone: stop at
   the first paragraph or heading, keep no section, mark DOC partial,
   and set *STOPPED (if not NULL) when the text was reached (else all of
   DATA was the header).  */
int content_parse_part (const char *path, const char *data, size_t len,
                        struct document *doc, struct diags *diags,
                        int header_only, int *stopped);

/* Parse a collection.cb file's bytes into COLL's metadata.  Returns 0
   if no error was added.  */
int content_parse_collection (const char *path, const char *data,
                              size_t len, struct collection *coll,
                              struct diags *diags);
/* A collection.cb at META_PATH gives no 'id', and the collection takes
   the name ID of its directory: hold it to the rule an 'id' is held to
   (a control or an invisible character, look-alike forms), with a
   warning in DIAGS that says to give an 'id'.  */
void content_check_dir_id (const char *id, const char *meta_path,
                           struct diags *diags);

/* Parse a glossary file's bytes into G.  Returns 0 if no error.  */
int content_parse_glossary (const char *path, const char *data, size_t len,
                            struct glossary *g, struct diags *diags);

/* Split a keyword value "a | b | c" into items.  Returns the count;
   caller frees with strv_free().  */
size_t content_split_keywords (const char *value, char ***items);

/* Coverage figures for `casebook check`.  */
struct content_stats
{
  size_t documents;
  size_t blocks;                    /* paragraphs, headings, keyword lists */
  size_t present[LANG_COUNT];       /* blocks with that side present */
  size_t translated[LANG_COUNT];    /* of those, the project's translation */
};

void content_stats (const struct library *lib, struct content_stats *st);
/* The same for one collection.  */
void content_stats_collection (const struct collection *coll,
                               struct content_stats *st);

#endif /* CASEBOOK_CONTENT_H */
