/* index.h -- the search index: an SQLite database with an FTS5 table
   whose tokenizer is casebook's own analysis (analyze.h), kept in
   $XDG_CACHE_HOME/casebook/ and brought up to date one document at a
   time.  It stores each document's texts once (an external-content FTS5
   table reads them from a plain table) with a map from every text back
   to its place in the document, so that a hit found by FTS5 points at
   the characters the reader sees.

   The engine (engine.h) is the only user: the front ends never see the
   database.  */

#ifndef CASEBOOK_INDEX_H
#define CASEBOOK_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "index_columns.h"
#include "model.h"
#include "util.h"

/* The version of the database layout and of the analysis that filled
   it (analyze.c): an index of another version is rebuilt.  Raise it with
   any change to either, or old indexes answer with old tokens.  */
#define INDEX_SCHEMA_VERSION 39

enum lang index_column_lang (enum index_column c);
/* Does column C hold keyword lists?  */
int index_column_keywords (enum index_column c);

struct index;

/* Reports how far a long job has come: DONE of TOTAL documents; or,
   with TOTAL INDEX_WAITING (and DONE 0), that it waits for another
   casebook's update of the same index, which may take as long as a
   first build (it is then called again every quarter of a second).
   Returns nonzero to stop: the update is abandoned, as failed, with the
   cause "interrupted".  */
typedef int (*index_progress_fn) (void *ctx, size_t done, size_t total);
#define INDEX_WAITING SIZE_MAX

/* Open the index database at PATH, creating it, or in memory when PATH
   is NULL.  A database that is damaged or of another schema version is
   removed and created anew; *NOTE (caller frees) then says so.  Returns
   NULL with *CAUSE (caller frees) when it cannot be opened at all.  */
struct index *index_open (const char *path, char **note, char **cause);
void index_close (struct index *ix);
/* index_close, returning what the user should hear of it (caller
   frees), or NULL: that the index could not be kept (its disk filled
   as the close saved the last of it).  */
char *index_close_saying (struct index *ix);

/* Remove the index database at PATH and the files SQLite keeps beside
   it, as index_open does with a damaged one; close it first.  */
void index_remove (const char *path);

/* Why the index file PATH cannot be used as a search index, for a
   message (caller frees): a link, a directory or another kind of file,
   another user's, or one its owner cannot write.  NULL when none of
   these holds (or nothing is there): SQLite's own message is then the
   best there is.  */
char *index_file_trouble (const char *path);

/* A second connection to IX's database, for reading from another
   thread while IX's own is in use (a connection serves one thread at a
   time): it brings nothing up to date and never removes the database.
   NULL when IX is in memory (no other connection can reach it) or, with
   *CAUSE set (caller frees), when it cannot be opened.  Close it with
   index_close before IX.  */
struct index *index_open_reader (struct index *ix, char **cause);

/* Bring the index up to date with the content in the NDIRS directories
   DIRS (the first is content; a later one that is missing or holds no
   collection adds nothing, and a collection whose id an earlier one has
   is left out, as content_load_dirs does): a file
   whose size, times or (when its times are too recent to trust) bytes
   changed is read and its rows replaced; removed files lose theirs
   (when most files changed, the index starts afresh instead).  Files
   are known by their full names, so the same directory named another
   way is the same index; problems are reported under the name given.
   Problems with the content go to DIAGS (with FILE:LINE).  PROGRESS, if
   not NULL, is called as documents are indexed.  Returns 0, or -1 with
   *CAUSE set (caller frees) when the database failed.  */
int index_sync (struct index *ix, const char *const *dirs, size_t ndirs,
                struct diags *diags, index_progress_fn progress,
                void *progress_ctx, char **cause);

/* The check for a change that index_sync begins with, in two steps so
   that the index can answer meanwhile: index_check_start begins it
   (the documents are looked at in another thread) and returns 0, or -1
   when the index cannot tell that quickly that the content in DIRS is
   as it was (it is in memory; the last check found problems or files
   too recently written; a directory, a collection or the list of
   documents differs): index_sync then.  index_check_finish waits for
   the check and returns 1 when nothing changed since the index was
   last brought up to date, so that what it answered meanwhile stands,
   and 0 when index_sync must run (or no check was begun).  index_sync
   and index_close finish a check still running.  */
struct snapshot_check;
int index_check_start (struct index *ix, const char *const *dirs,
                       size_t ndirs, struct snapshot_check *early);
int index_check_finish (struct index *ix);

/* The same check begun before the index at PATH is opened, from the
   copy of its snapshot kept beside it (NULL when there is none): for
   index_check_start over the same DIRS, which takes it (as EARLY) when
   the copy is still that of the index and has not already found a
   change (then -1), and otherwise stops it and checks as it would
   without, writing the copy again from the index.  One that is not
   handed to index_check_start must go to index_check_cancel (NULL is
   allowed).  */
struct snapshot_check *index_check_early (const char *path,
                                          const char *const *dirs,
                                          size_t ndirs);
void index_check_cancel (struct snapshot_check *early);

/* May the phrase whose tokens (QUERY-mode analysis, each hashed with
   pairs_token) are the N at TOKENS occur in some document of IX?  0
   only when two of its neighbouring tokens stand together nowhere
   (pairs.h): FTS5 would find it in no row.  1 when they may, or when
   the index cannot tell.  */
int index_phrase_may_occur (struct index *ix, const uint64_t *tokens,
                            size_t n);

/* How many updates of the content index_sync committed through this
   connection (another process's show in SQLite's PRAGMA data_version;
   neither counts the bookkeeping of a check that found nothing to
   update).  */
unsigned long index_updates (const struct index *ix);

/* Is the index a file (not in memory)?  */
int index_saved (const struct index *ix);

/* Did opening, counting or updating the index find its database
   malformed (SQLITE_CORRUPT, SQLITE_NOTADB)?  It is then to be removed
   and built again, not used nor updated.  */
int index_found_damaged (const struct index *ix);

/* Documents in the index.  */
size_t index_document_count (const struct index *ix);

/* The SQLite connection (for the engine's queries) and the analysis
   its tokenizer uses.  */
struct sqlite3 *index_db (struct index *ix);
struct analyzer *index_analyzer (struct index *ix);
/* The integer SQL (a query of one value) gives in DB, or FALLBACK if it
   gives none, or NULL, or fails.  */
int64_t index_sql_int (struct sqlite3 *db, const char *sql, int64_t fallback);

/* One text of a document inside a column: where the unit is in the
   document and where its text is in the column's text.  */
struct index_unit
{
  enum hit_part part;
  uint32_t section, block;
  enum origin origin;
  uint32_t off, len;            /* bytes in the column's text */
  uint32_t token;               /* its first token position in the column,
                                   or INDEX_NO_TOKEN */
};

/* Decode from the unit map BLOB (LEN bytes) of a document stored by
   the index the units of column COL, whose text has COL_LEN bytes, into
   *UNITS (caller frees).  Returns the count, or (size_t) -1 if the map
   is damaged or does not fit the text.  */
size_t index_units_decode (const void *blob, size_t len,
                           enum index_column col, size_t col_len,
                           struct index_unit **units);

#endif /* CASEBOOK_INDEX_H */
