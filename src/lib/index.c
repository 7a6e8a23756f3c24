/* index.c -- the search index on SQLite FTS5 (see index.h).

   Tables:
     meta   key/value: the schema version, when the content was last
            checked (seconds since the epoch).
     colls  one row per collection directory: its id and the stat of its
            collection.cb, so that a change re-reads its documents.
     files  one row per document file: the stat and a hash of its bytes,
            and its document (NULL when it failed to parse: such a file
            is parsed again at every check, so its errors are reported
            every time, as a search without the index would).
     docs   the texts of each document by column, units joined by
            ANALYZE_BARRIER, after the map of its units (index_unit
            records): only passages and regexes read it, from the page
            they read the texts from.
     heads  of each document what results show and facets filter on
            (collection, number, path, titles, region, year), apart
            from its large row in docs: a search reads it for every
            matching document.  (Kept with heads, the maps made every
            row spill out of its page: a search of 8000 documents read
            36 MB of heads where it needed 2.)
     tags   a document's keywords, folded, for tag: queries.
     terms  of each document the terms that related.h weighs, counted
            (termvec.h), so that relating documents reads no file and
            analyses no text: written with its other rows.
     unplain  the documents where folding changed an ideograph, or
            joined two that stand apart (a traditional character, a
            compatibility ideograph, an invisible character between
            two): elsewhere a text of ideographs that folds as itself
            is where FTS5 finds it, byte for byte, and a regex that is
            a set of such texts is counted from their places (doc_plain;
            engine_search.c).
     words  the terms of those records, numbered 1 to their number:
            each once.  Emptied only with every record, when an update
            starts afresh (a term no document has any more costs a row
            until then).  Not "vocab": corrections make a temp.vocab
            (engine_suggest.c), which would hide it.
     fts    FTS5 over docs (external content: the texts are kept once),
            tokenized by casebook's analysis.  */

#include <config.h>

#include "index.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <unistr.h>

#include "analyze.h"
#include "cachesweep.h"
#include "content.h"
#include "i18n.h"
#include "norm.h"
#include "index_fts.h"
#include "index_prep.h"
#include "pairs.h"
#include "prefs.h"
#include "snapshot.h"
#include "termvec.h"

/* How recent a file's times may be before they are not trusted.  */
#define TIME_SLACK_SECONDS UTIL_TIME_SLACK_SECONDS

/* How long a statement waits for another process's lock, in ms; and
   how long an update waits for another casebook's write transaction:
   that one may be the first build of a large library (13 s for 8000
   documents on an idle machine, twice that beside another build), and
   giving up only means building the same index again in memory.  */
#define BUSY_WAIT_MS 10000
#define WRITER_WAIT_MS 300000
#define WRITER_SLICE_MS 250

/* What names a database built in private (see begin_private) beside
   index-HASH.db: index-HASH.build-XXXXXX.db.  */
#define BUILD_INFIX ".build-"
/* Beside the database: the lock of its first build (build_lock).  */
#define LOCK_SUFFIX "-lock"

/* A statement an update runs for every document, prepared once.  */
struct cached_stmt
{
  const char *sql;
  sqlite3_stmt *st;
};

struct index
{
  sqlite3 *db;
  struct analyzer *analyzer;
  struct index_fts_shared shared;
  char *path;                   /* NULL in memory */
  /* While the first build goes into a database of its own (PATH, see
     begin_private): where it goes when done, and the descriptor whose
     lock tells others that its builder is alive.  */
  char *final_path;
  int build_fd;
  int full;                     /* an update failed for lack of space */
  int damaged;                  /* a read or update found it malformed */
  int stopped;                  /* the progress function said stop */
  unsigned long updates;        /* updates of the content committed */
  size_t ndocs;
  /* A random number the database was made with: a connection opened
     later by path (index_open_reader) that finds another is on a
     database made since, in the place of this one.  */
  sqlite3_int64 instance;
  struct cached_stmt *stmts;     /* see cached */
  size_t nstmts, stmts_alloc;
  struct snapshot_check *check;  /* begun by index_check_start */
};

static int pages_for_search (struct index *ix);
static void pages_for_build (struct index *ix);
/* How a sync keeps the filter of neighbouring tokens (pairs.h).  */
enum pairs_way
{
  PAIRS_NEW,                    /* made afresh with the index: every chunk
                                   written */
  PAIRS_MERGE,                  /* the new documents' pairs noted apart,
                                   ORed into the chunks they touch */
  PAIRS_REMAKE                  /* none, or one too small or not to be
                                   believed: made again, the new
                                   documents' pairs noted as they are
                                   written and the others' read again
                                   from their texts once they are in */
};

static void pairs_begin (struct index *ix, int afresh, size_t nlisted,
                         struct pairs *p, enum pairs_way *way);
/* How a remaking of the filter reports its progress: it goes on from
   the documents the sync wrote, BASE, to TOTAL.  And the documents it
   reads: those with an id up to OLD, the others having been noted as
   they were written (all: INT64_MAX).  */
struct pairs_progress
{
  index_progress_fn fn;
  void *ctx;
  size_t base, total;
  int64_t old;
};

static int pairs_end (struct index *ix, struct pairs *p, enum pairs_way way,
                      size_t docs, size_t nlisted,
                      const struct pairs_progress *pp);

/* The statement SQL (a string constant: it is known by its address),
   prepared when first used and reset for each use: building an index
   runs a dozen statements for each of thousands of documents, and
   compiling them each time cost a twentieth of the build.  Reset it
   once stepped (that ends its read).  NULL if it cannot be
   prepared.  */
static sqlite3_stmt *
cached (struct index *ix, const char *sql)
{
  for (size_t i = 0; i < ix->nstmts; i++)
    if (ix->stmts[i].sql == sql)
      {
        sqlite3_stmt *st = ix->stmts[i].st;
        sqlite3_reset (st);
        sqlite3_clear_bindings (st);
        return st;
      }
  sqlite3_stmt *st;
  if (sqlite3_prepare_v3 (ix->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
                          NULL) != SQLITE_OK)
    return NULL;
  ix->stmts = xgrow (ix->stmts, &ix->stmts_alloc, ix->nstmts + 1,
                     sizeof *ix->stmts);
  ix->stmts[ix->nstmts++] = (struct cached_stmt) { sql, st };
  return st;
}


enum lang
index_column_lang (enum index_column c)
{
  return c < COL_TITLE_REV && c % 2 == 0 ? LANG_ZH : LANG_EN;
}

int
index_column_keywords (enum index_column c)
{
  return c == COL_KEYWORDS_ZH || c == COL_KEYWORDS_EN
    || c == COL_KEYWORDS_REV;
}

sqlite3 *
index_db (struct index *ix)
{
  return ix->db;
}

struct analyzer *
index_analyzer (struct index *ix)
{
  return ix->analyzer;
}

unsigned long
index_updates (const struct index *ix)
{
  return ix->updates;
}

int
index_saved (const struct index *ix)
{
  return ix->path != NULL;
}

int
index_found_damaged (const struct index *ix)
{
  return ix->damaged;
}

size_t
index_document_count (const struct index *ix)
{
  return ix->ndocs;
}

static int
exec (sqlite3 *db, const char *sql, char **cause)
{
  char *err = NULL;
  if (sqlite3_exec (db, sql, NULL, NULL, &err) != SQLITE_OK)
    {
      if (cause)
        *cause = xstrdup (err ? err : sqlite3_errmsg (db));
      sqlite3_free (err);
      return -1;
    }
  return 0;
}

static const char schema[] =
  "CREATE TABLE meta(key TEXT PRIMARY KEY, value);"
  "CREATE TABLE colls(dir TEXT PRIMARY KEY, id TEXT NOT NULL,"
  " size INT, mtime INT, mtime_ns INT, ctime INT, ctime_ns INT, ino INT,"
  " hash INT);"
  "CREATE TABLE files(path TEXT PRIMARY KEY, dir TEXT NOT NULL,"
  " size INT, mtime INT, mtime_ns INT, ctime INT, ctime_ns INT, ino INT,"
  " hash INT, doc INT);"
  /* MAP: where each column's units (paragraphs) are in its text, and
     the token each begins at (index_units_decode).  First in the row,
     so that it is on the page where the row begins, which a passage
     reads anyway: kept in a table of its own, it was a page read of its
     own for each document, a third of the reads of passages.  */
  "CREATE TABLE docs(id INTEGER PRIMARY KEY, map BLOB NOT NULL,"
  " coll TEXT NOT NULL, number INT NOT NULL, path TEXT NOT NULL,"
  " title_zh TEXT, title_en TEXT, kw_zh TEXT, kw_en TEXT,"
  " body_zh TEXT, body_en TEXT, title_rev TEXT, kw_rev TEXT, body_rev TEXT,"
  " region TEXT, year INT);"
  "CREATE UNIQUE INDEX docs_number ON docs(coll, number);"
  /* What a result shows and a facet filters on, apart from the texts:
     small rows, many to a page, read for every matching document.
     LEN: its texts' length in tokens, as FTS5 counts it, for the
     ranking (FTS5's own table of sizes costs a lookup a row).  */
  "CREATE TABLE heads(id INTEGER PRIMARY KEY, coll TEXT NOT NULL,"
  " number INT NOT NULL, path TEXT NOT NULL, title_zh TEXT, title_en TEXT,"
  " region TEXT, year INT, len INT NOT NULL, project INT NOT NULL);"
  "CREATE TABLE tags(doc INT NOT NULL, tag TEXT NOT NULL);"
  "CREATE INDEX tags_tag ON tags(tag);"
  "CREATE INDEX tags_doc ON tags(doc);"
  "CREATE TABLE terms(id INTEGER PRIMARY KEY, rec BLOB NOT NULL);"
  /* The filter of neighbouring tokens (pairs.h), in chunks, every one
     written (one missing is damage).  Its size in bits is meta 'pairs'
     (0 or none: there is no filter to go by).  */
  "CREATE TABLE pairs(chunk INTEGER PRIMARY KEY, bits BLOB NOT NULL);"
  "CREATE TABLE words(id INTEGER PRIMARY KEY, term TEXT NOT NULL);"
  "CREATE TABLE unplain(doc INTEGER PRIMARY KEY);"
  "CREATE VIRTUAL TABLE fts USING fts5(title_zh, title_en, kw_zh, kw_en,"
  " body_zh, body_en, title_rev, kw_rev, body_rev, content='docs',"
  " content_rowid='id', tokenize='casebook');"
  /* Collect 4 MB of postings in memory before writing a segment, and
     merge segments less eagerly.  A larger table is slower to fill
     (every token looked up in it misses the processor's cache), a
     smaller one makes more segments to merge: with documents analysed
     in a second thread, 4 MB built 8000 documents in 14.5 s where 1 MB
     took 17.5 s, and searches as fast.  */
  "INSERT INTO fts(fts, rank) VALUES('hashsize', 4194304);"
  "INSERT INTO fts(fts, rank) VALUES('automerge', 8);";

/* The integer under KEY in DB's meta table, or MISSING if there is
   none (or it cannot be read).  */
static sqlite3_int64
meta_value (sqlite3 *db, const char *key, sqlite3_int64 missing)
{
  sqlite3_stmt *st;
  sqlite3_int64 v = missing;
  if (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key=?", -1, &st,
                          NULL) != SQLITE_OK)
    return missing;
  sqlite3_bind_text (st, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (st) == SQLITE_ROW)
    v = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  return v;
}

int64_t
index_sql_int (sqlite3 *db, const char *sql, int64_t fallback)
{
  sqlite3_stmt *st;
  int64_t v = fallback;
  if (sqlite3_prepare_v2 (db, sql, -1, &st, NULL) != SQLITE_OK)
    return fallback;
  if (sqlite3_step (st) == SQLITE_ROW && sqlite3_column_type (st, 0)
      != SQLITE_NULL)
    v = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  return v;
}

static int
schema_version (sqlite3 *db)
{
  return (int) meta_value (db, "schema", -1);
}

/* Where the copy of a database's snapshot is kept (index_check_early):
   the database's name and this.  */
#define SNAPSHOT_COPY "-snap"

/* The files kept beside the database at PATH, by SQLite and by
   snapshot_save: PATH with each of these added.  */
static const char *const kept_beside[] = { "-wal", "-shm", "-journal",
  SNAPSHOT_COPY };

/* Remove what is kept beside the database at PATH.  */
static void
remove_kept_beside (const char *path)
{
  for (size_t i = 0; i < sizeof kept_beside / sizeof *kept_beside; i++)
    {
      char *p = xasprintf ("%s%s", path, kept_beside[i]);
      unlink (p);
      free (p);
    }
}

/* Remove the database at PATH with its journal files.  */
void
index_remove (const char *path)
{
  unlink (path);
  remove_kept_beside (path);
}

/* SQLite's settings for the whole process, made before its first use.
   Its count of the memory in use takes a lock that every connection's
   every allocation shares: with a search read through two connections
   at once, the second thread spent more time waiting on it than it
   saved (procuratorial at 8000 documents: 37 ms alone, 50 ms with a
   thread; 28 ms without the count).  Nothing here asks for the count.
   Too late (SQLite already in use by the program) changes nothing.  */
static pthread_once_t sqlite_configured = PTHREAD_ONCE_INIT;

static void
configure_sqlite (void)
{
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
}

char *
index_file_trouble (const char *path)
{
  struct stat st;
  if (lstat (path, &st) != 0)
    return errno == ENOENT ? NULL : xstrdup (strerror (errno));
  /* SQLite does not follow a link planted in the database's place
     (SQLITE_OPEN_NOFOLLOW).  */
  if (S_ISLNK (st.st_mode))
    return xstrdup (_("a symbolic link, which is not followed"));
  if (S_ISDIR (st.st_mode))
    return xstrdup (_("a directory, not a file"));
  if (!S_ISREG (st.st_mode))
    return xstrdup (_("not a regular file"));
  if (st.st_uid != geteuid ())
    return xasprintf (_("a file of another user (uid %lu)"),
                      (unsigned long) st.st_uid);
  if (faccessat (AT_FDCWD, path, R_OK | W_OK, AT_EACCESS) != 0)
    return errno == EACCES
      ? xasprintf (_("read-only to you: mode %04o"),
                   (unsigned) (st.st_mode & 07777))
      : xstrdup (strerror (errno));     /* a read-only file system */
  return NULL;
}

/* Open PATH (NULL: memory) and make sure it holds our schema.  Returns
   1 when it is usable, 0 when it must be rebuilt (damaged, another
   version), -1 when it cannot be opened.  */
static int
open_db (struct index *ix, char **cause)
{
  /* One thread at a time uses a connection (the build's second thread
     only analyses): no mutex around each of its calls.  */
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
    | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX;
  pthread_once (&sqlite_configured, configure_sqlite);
  int rc = sqlite3_open_v2 (ix->path ? ix->path : ":memory:", &ix->db,
                            flags, NULL);
  if (rc != SQLITE_OK)
    {
      /* SQLite says only that it cannot open it.  */
      *cause = ix->path ? index_file_trouble (ix->path) : NULL;
      if (*cause == NULL)
        *cause = xstrdup (ix->db ? sqlite3_errmsg (ix->db)
                          : sqlite3_errstr (rc));
      return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB ? 0 : -1;
    }
  sqlite3_busy_timeout (ix->db, BUSY_WAIT_MS);
  sqlite3_extended_result_codes (ix->db, 0);
  ix->shared.analyzer = ix->analyzer;
  if (index_fts_register (ix->db, &ix->shared) != 0)
    {
      *cause = xstrdup (_("SQLite has no FTS5"));
      return -1;
    }
  /* Pages of 16 KB rather than 4: a document's texts are tens of
     kilobytes, read a unit here and there through a chain of overflow
     pages, which is four times shorter; searches are 5-15% faster at
     8000 documents and the build no slower, for an index 3% larger.
     Only a new database takes it (before anything is written); one that
     exists keeps its own.  */
  exec (ix->db, "PRAGMA page_size=16384", NULL);
  if (ix->final_path)
    {
      /* Built in private (begin_private): nobody else reads it, and one
         left unfinished is thrown away whole.  Without a journal every
         page is written once, not to the log and then again into the
         database, and the disk is waited for once, when it is done
         (publish): 8000 documents built in 15 s rather than 20.  */
      if (exec (ix->db, "PRAGMA journal_mode=OFF;"
                "PRAGMA synchronous=OFF;", cause) != 0)
        return 0;
    }
  else if (ix->path && exec (ix->db, "PRAGMA journal_mode=WAL;"
                             "PRAGMA synchronous=NORMAL;", cause) != 0)
    return 0;
  /* Keep the write-ahead log and its index when the last connection
     closes: otherwise every search creates both files and removes them
     again, which costs more than many a search.  */
  if (ix->path && ix->final_path == NULL)
    {
      int persist = 1;
      sqlite3_file_control (ix->db, "main", SQLITE_FCNTL_PERSIST_WAL,
                            &persist);
      /* Kept empty, though: an index is built in one transaction, and
         the log would otherwise stay the size of the index.  */
      exec (ix->db, "PRAGMA journal_size_limit=0", NULL);
    }
  pages_for_build (ix);
  exec (ix->db, "PRAGMA temp_store=MEMORY", NULL);
  sqlite3_stmt *st;
  rc = sqlite3_prepare_v2 (ix->db, "SELECT count(*) FROM sqlite_master", -1,
                           &st, NULL);
  if (rc != SQLITE_OK)
    {
      *cause = xstrdup (sqlite3_errmsg (ix->db));
      return 0;
    }
  int tables = sqlite3_step (st) == SQLITE_ROW ? sqlite3_column_int (st, 0)
    : -1;
  sqlite3_finalize (st);
  if (tables < 0)
    {
      *cause = xstrdup (sqlite3_errmsg (ix->db));
      return 0;
    }
  if (tables == 0)
    {
      sqlite3_int64 instance;
      sqlite3_randomness (sizeof instance, &instance);
      char *sql = xasprintf ("BEGIN IMMEDIATE;%s"
                             "INSERT INTO meta VALUES('schema', %d);"
                             "INSERT INTO meta VALUES('checked', 0);"
                             "INSERT INTO meta VALUES('instance', %lld);"
                             "COMMIT;", schema, INDEX_SCHEMA_VERSION,
                             (long long) instance);
      int r = exec (ix->db, sql, cause);
      free (sql);
      if (r != 0)
        {
          /* Another process may have created it meanwhile.  */
          exec (ix->db, "ROLLBACK", NULL);
          if (schema_version (ix->db) == INDEX_SCHEMA_VERSION)
            {
              free (*cause);
              *cause = NULL;
              return 1;
            }
          return 0;
        }
      return 1;
    }
  if (schema_version (ix->db) != INDEX_SCHEMA_VERSION)
    {
      *cause = xstrdup (_("made by another version of casebook"));
      return 0;
    }
  return 1;
}

/* Note in IX that its database is damaged if the last error of its
   connection says so (index_found_damaged).  */
static void
note_damage (struct index *ix)
{
  int code = sqlite3_errcode (ix->db) & 0xff;
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    ix->damaged = 1;
}

/* Count IX's documents.  A count that fails on a damaged page (the
   count is read from the index of numbers) is no zero: every score
   weighs a word by it.  */
static void
count_docs (struct index *ix)
{
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (ix->db, "SELECT count(*) FROM docs", -1, &st, NULL)
      != SQLITE_OK)
    {
      note_damage (ix);
      return;
    }
  if (sqlite3_step (st) == SQLITE_ROW)
    ix->ndocs = (size_t) sqlite3_column_int64 (st, 0);
  else
    note_damage (ix);
  sqlite3_finalize (st);
}

/* Read what IX keeps of its database as a whole: how many documents it
   has, and the random number it was made with.  */
static void
read_identity (struct index *ix)
{
  count_docs (ix);
  ix->instance = meta_value (ix->db, "instance", 0);
}

/* Remove from the directory of the index at PATH what builders that
   are gone (killed) left there: databases built in private
   (begin_private) that nobody holds locked any more, and the files
   SQLite kept beside them.  Done when an index is built or updated (a
   search that writes nothing lists no directory).  */
static void
remove_stale_builds (const char *path)
{
  char *slash = strrchr (path, '/');
  char *dir = slash ? xasprintf ("%.*s", (int) (slash - path), path)
    : xstrdup (".");
  DIR *dh = opendir (dir);
  free (dir);
  if (dh == NULL)
    return;
  struct dirent *de;
  while ((de = readdir (dh)) != NULL)
    {
      const char *name = de->d_name;
      const char *infix = strstr (name, BUILD_INFIX);
      if (strncmp (name, "index-", 6) != 0 || infix == NULL
          || strlen (infix) < strlen (BUILD_INFIX "XXXXXX.db"))
        continue;
      /* The database's own name: what a -wal, -shm or -journal adds is
         cut.  */
      size_t len = (size_t) (infix - name) + strlen (BUILD_INFIX "XXXXXX.db");
      char *db = xasprintf ("%.*s", (int) len, name);
      int fd = openat (dirfd (dh), db, O_RDONLY | O_NOFOLLOW | O_NONBLOCK
                       | O_CLOEXEC);
      if (fd < 0 ? errno == ENOENT : flock (fd, LOCK_EX | LOCK_NB) == 0)
        unlinkat (dirfd (dh), name, 0);
      if (fd >= 0)
        close (fd);
      free (db);
    }
  closedir (dh);
}

/* Take the lock of the index at PATH (a file beside it, made private
   with O_NOFOLLOW), which orders a first build's looking and cleaning
   up against another casebook's putting its build in place: without
   it, a search could find PATH missing, another link its build there
   and open it, and the first then remove the log and shared memory the
   other was using, or take a build file made a moment before for one
   left by a killed builder.  Returns its descriptor (close to release
   it), or -1 when it cannot be had, and the work goes on without, as
   before there was one.  */
static int
build_lock (const char *path)
{
  char *name = xasprintf ("%s%s", path, LOCK_SUFFIX);
  int fd = -1;
  /* The file locked must be the one of that name still: one removed
     meanwhile (by hand, or a sweep of the cache) locks nobody out.  */
  for (int tries = 0; tries < 3 && fd < 0; tries++)
    {
      fd = open (name, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC,
                 0600);
      struct stat held, named;
      if (fd >= 0
          && (flock (fd, LOCK_EX) != 0 || fstat (fd, &held) != 0
              || lstat (name, &named) != 0 || held.st_ino != named.st_ino
              || held.st_dev != named.st_dev))
        {
          close (fd);
          fd = -1;
        }
      else if (fd >= 0)
        /* Used: the sweep of the cache keeps it as its index.  */
        cachesweep_mark_fd (fd, &held, (int64_t) time (NULL));
      else
        break;
    }
  free (name);
  return fd;
}

static void
build_unlock (int fd)
{
  if (fd >= 0)
    close (fd);
}

/* The first build of the index at PATH, which does not exist yet, goes
   into a database of its own beside it (made with O_EXCL, locked while
   its builder lives), which sync_dirs then puts in PATH's place
   (publish).  Returns 0 with IX set up for that, or -1 when PATH must be
   built in place.  */
static int
begin_private (struct index *ix, const char *path)
{
  size_t n = strlen (path);
  struct stat st;
  if (n < 3 || strcmp (path + n - 3, ".db") != 0)
    return -1;
  int lock = build_lock (path);
  if (lstat (path, &st) == 0 || errno != ENOENT)
    {
      build_unlock (lock);
      return -1;
    }
  /* What SQLite kept beside an index whose database was removed
     without it (a removal cut short, rm index-*.db): a log there would
     be played into the index built when it is opened at PATH, pages of
     another database over its own.  */
  remove_kept_beside (path);
  remove_stale_builds (path);
  /* A new index: the set of directories changed (a collection added or
     removed) or the cache was emptied; what was used for the old set
     goes when it has not been used for a month.  */
  char *slash = strrchr (path, '/');
  if (slash && slash > path)
    {
      char *dir = xasprintf ("%.*s", (int) (slash - path), path);
      cachesweep_run (dir, (int64_t) time (NULL));
      free (dir);
    }
  char *tmp = xasprintf ("%.*s" BUILD_INFIX "XXXXXX.db", (int) (n - 3), path);
  int fd = mkostemps (tmp, 3, O_CLOEXEC);
  if (fd < 0)
    {
      build_unlock (lock);
      free (tmp);
      return -1;
    }
  /* Another casebook's remove_stale_builds may have taken it for one
     left by a killed builder before it was locked (one that had no
     lock of the index).  */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0 || fstat (fd, &st) != 0
      || st.st_nlink == 0)
    {
      build_unlock (lock);
      close (fd);
      free (tmp);
      return -1;
    }
  build_unlock (lock);
  ix->final_path = xstrdup (path);
  ix->path = tmp;
  ix->build_fd = fd;
  return 0;
}

/* Give up the database built in private: remove it.  */
static void
end_private (struct index *ix)
{
  index_remove (ix->path);
  close (ix->build_fd);
  ix->build_fd = -1;
  free (ix->path);
  ix->path = ix->final_path;
  ix->final_path = NULL;
}

/* Open the index PATH (NULL: in memory) into IX: when it does not
   exist yet, a database of its own to build it in (begin_private),
   else PATH itself.  Returns as open_db does.  */
static int
open_new_or_in_place (struct index *ix, const char *path, char **cause)
{
  /* Opened before (found unusable): begin_private puts its own name
     in IX->path.  */
  free (ix->path);
  ix->path = NULL;
  if (path && begin_private (ix, path) == 0)
    {
      int ok = open_db (ix, cause);
      if (ok == 1)
        return 1;
      /* Whatever went wrong goes wrong again in place, and is handled
         there.  */
      sqlite3_close (ix->db);
      ix->db = NULL;
      free (*cause);
      *cause = NULL;
      end_private (ix);
    }
  free (ix->path);
  ix->path = path ? xstrdup (path) : NULL;
  return open_db (ix, cause);
}

/* Remove what stands at PATH, or where SQLite keeps its journal, log
   and shared memory beside it, that is no file, no symbolic link and no
   directory with anything in it: a FIFO there (SQLite opens the journal
   to see whether it is hot) would hang every search, a socket or device
   fail it, an empty directory make every search build the index in
   memory.  The cache directory is the user's own (prefs_private_dir).
   Says so in *NOTE.  */
static void
remove_odd_beside (const char *path, char **note)
{
  static const char *const suffix[] = { "", "-journal", "-wal", "-shm" };
  for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++)
    {
      char *p = xasprintf ("%s%s", path, suffix[i]);
      struct stat st;
      /* An empty directory goes too (rmdir removes no other).  */
      if (lstat (p, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISLNK (st.st_mode)
          && (S_ISDIR (st.st_mode) ? rmdir (p) : unlink (p)) == 0)
        {
          free (*note);
          *note = xasprintf (_("%s was not a file; removed it"), p);
        }
      free (p);
    }
}

struct index *
index_open (const char *path, char **note, char **cause)
{
  *note = NULL;
  *cause = NULL;
  struct index *ix = xcalloc (1, sizeof *ix);
  ix->analyzer = analyzer_new ();
  ix->build_fd = -1;
  if (path)
    remove_odd_beside (path, note);
  int ok = open_new_or_in_place (ix, path, cause);
  if (ok == 0 && ix->path)
    {
      /* A cache: remove it and start again, built in private as a
         first build is (its file private to its owner too).  */
      *note = xasprintf (_("the search index %s was unusable (%s); "
                           "rebuilding it"), ix->path,
                         *cause ? *cause : "?");
      free (*cause);
      *cause = NULL;
      sqlite3_close (ix->db);
      ix->db = NULL;
      index_remove (ix->path);
      ok = open_new_or_in_place (ix, path, cause);
    }
  if (ok != 1)
    {
      if (*cause == NULL)
        *cause = xstrdup (_("cannot create the search index"));
      /* Made, or begun, on a full disk: the files left would hold
         space and fail the same way next time (index_close).  */
      ix->full = strstr (*cause, sqlite3_errstr (SQLITE_FULL)) != NULL;
      index_close (ix);
      return NULL;
    }
  read_identity (ix);
  return ix;
}

struct index *
index_open_reader (struct index *ix, char **cause)
{
  *cause = NULL;
  if (ix->path == NULL)
    return NULL;                /* a database in memory has one connection */
  struct index *r = xcalloc (1, sizeof *r);
  r->analyzer = analyzer_new ();
  r->path = xstrdup (ix->path);
  r->ndocs = ix->ndocs;
  r->shared.analyzer = r->analyzer;
  /* Not created: the index is there, the caller has it open.  */
  if (sqlite3_open_v2 (r->path, &r->db, SQLITE_OPEN_READWRITE
                       | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL)
      != SQLITE_OK || index_fts_register (r->db, &r->shared) != 0)
    {
      *cause = xstrdup (r->db ? sqlite3_errmsg (r->db)
                        : _("cannot open the search index"));
      /* Whatever happens, this connection must not remove it.  */
      free (r->path);
      r->path = NULL;
      index_close (r);
      return NULL;
    }
  sqlite3_busy_timeout (r->db, BUSY_WAIT_MS);
  sqlite3_extended_result_codes (r->db, 0);
  /* Another casebook may have put a new database in the place of the
     caller's (its own was damaged, say): this one would read another
     index, with other ids, and the caller's data version would never
     show it.  */
  r->instance = meta_value (r->db, "instance", 0);
  if (r->instance != ix->instance)
    {
      *cause = xstrdup (_("the search index changed since this search "
                          "(another casebook updated it): search again"));
      free (r->path);
      r->path = NULL;
      index_close (r);
      return NULL;
    }
  pages_for_search (r);
  return r;
}

void
index_close (struct index *ix)
{
  free (index_close_saying (ix));
}

char *
index_close_saying (struct index *ix)
{
  if (ix == NULL)
    return NULL;
  char *said = NULL;
  index_check_finish (ix);
  for (size_t i = 0; i < ix->nstmts; i++)
    sqlite3_finalize (ix->stmts[i].st);
  free (ix->stmts);
  /* What this connection wrote last (the snapshot, the glossary's keys:
     caches, that fail without a word) is in the write-ahead log until
     a checkpoint copies it into the database, which may need room the
     log took: a first build leaves none to spare (publish).  The close
     would try, and fail unseen, and the log keep the disk full behind
     every later search: give the space back, as after an update.  */
  if (ix->db && ix->path && ix->final_path == NULL
      && sqlite3_total_changes (ix->db) > 0
      && sqlite3_wal_checkpoint_v2 (ix->db, NULL, SQLITE_CHECKPOINT_PASSIVE,
                                    NULL, NULL) == SQLITE_FULL)
    {
      /* The search answered without a word of it: every search after
         would build the index and lose it again, slowly, unless the
         user hears why.  */
      if (!ix->full)
        said = xasprintf (_("the disk holding the search index %s is "
                            "full: the index was not kept, and the next "
                            "search builds it again"), ix->path);
      ix->full = 1;
    }
  if (ix->db)
    sqlite3_close (ix->db);
  /* A build in private that was never finished goes (PATH is then
     another casebook's, or nobody's).  */
  int private = ix->final_path != NULL;
  if (private)
    end_private (ix);
  /* An update that filled the disk leaves its write-ahead log as large
     as all the space it took (SQLite cannot checkpoint or truncate it
     without writing), and the next search would fill the disk again
     to fail the same way: give the space back.  The index is a cache,
     and one that cannot be brought up to date is no use.  */
  if (ix->full && ix->path && !private)
    index_remove (ix->path);
  analyzer_free (ix->analyzer);
  free (ix->path);
  free (ix);
  return said;
}

/* Unit maps.  One record per unit: part, origin, section, block, offset
   and length, each a little-endian uint32; columns one after another,
   each preceded by its count.  */

size_t
index_units_decode (const void *blob, size_t len, enum index_column col,
                    size_t col_len, struct index_unit **units)
{
  const unsigned char *p = blob, *end = p + len;
  *units = NULL;
  for (int c = 0; c <= (int) col; c++)
    {
      if (end - p < 4)
        return (size_t) -1;
      uint32_t n = util_get_le32 (p);
      p += 4;
      if ((size_t) (end - p) / UNIT_RECORD < n)
        return (size_t) -1;
      if (c < (int) col)
        {
          p += (size_t) n * UNIT_RECORD;
          continue;
        }
      struct index_unit *u = xcalloc (n ? n : 1, sizeof *u);
      for (uint32_t i = 0; i < n; i++, p += UNIT_RECORD)
        {
          u[i].part = (enum hit_part) util_get_le32 (p);
          u[i].origin = (enum origin) util_get_le32 (p + 4);
          u[i].section = util_get_le32 (p + 8);
          u[i].block = util_get_le32 (p + 12);
          u[i].off = util_get_le32 (p + 16);
          u[i].len = util_get_le32 (p + 20);
          u[i].token = util_get_le32 (p + 24);
          if (u[i].part > PART_BLOCK || u[i].origin > ORIGIN_REVISION
              || u[i].off > col_len || u[i].len > col_len - u[i].off)
            {
              free (u);
              return (size_t) -1;
            }
        }
      *units = u;
      return n;
    }
  return (size_t) -1;
}

/* A document laid out in columns for the index.  */
static int64_t
ns_of (const struct timespec *ts)
{
  return (int64_t) ts->tv_nsec;
}

/* A row of files or colls as stored: the state of a file when it was
   indexed.  */
struct known_file
{
  char *path;
  char *id;                     /* colls: the collection id */
  int64_t v[7];                 /* size, mtime, mtime_ns, ctime, ctime_ns,
                                   ino, hash */
};

struct known
{
  struct known_file *rows;      /* sorted by path (memcmp order) */
  size_t n;
};

static int
load_known (sqlite3 *db, const char *sql, struct known *k)
{
  memset (k, 0, sizeof *k);
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (db, sql, -1, &st, NULL) != SQLITE_OK)
    return -1;
  size_t alloc = 0;
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      k->rows = xgrow (k->rows, &alloc, k->n + 1, sizeof *k->rows);
      struct known_file *r = &k->rows[k->n++];
      const char *p = (const char *) sqlite3_column_text (st, 0);
      const char *id = (const char *) sqlite3_column_text (st, 8);
      r->path = xstrdup (p ? p : "");
      r->id = id ? xstrdup (id) : NULL;
      for (int i = 0; i < 7; i++)
        r->v[i] = sqlite3_column_int64 (st, 1 + i);
    }
  sqlite3_finalize (st);
  return rc == SQLITE_DONE ? 0 : -1;
}

static void
known_free (struct known *k)
{
  for (size_t i = 0; i < k->n; i++)
    {
      free (k->rows[i].path);
      free (k->rows[i].id);
    }
  free (k->rows);
  memset (k, 0, sizeof *k);
}

static const struct known_file *
known_find (const struct known *k, const char *path)
{
  size_t lo = 0, hi = k->n;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      int c = strcmp (k->rows[mid].path, path);
      if (c == 0)
        return &k->rows[mid];
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

/* Is the file PATH, now FS, as KNOWN says it was?  Its times alone are
   not trusted when they are too close to the last check (CHECKED): an
   edit within the same tick would not show, so the bytes are hashed.  */
static int
unchanged (const struct known_file *kf, const char *path,
           struct file_state *fs, int64_t checked)
{
  if (kf == NULL)
    return 0;
  const struct stat *s = &fs->st;
  if (kf->v[0] != (int64_t) s->st_size
      || kf->v[1] != (int64_t) s->st_mtim.tv_sec
      || kf->v[2] != ns_of (&s->st_mtim)
      || kf->v[3] != (int64_t) s->st_ctim.tv_sec
      || kf->v[4] != ns_of (&s->st_ctim)
      || kf->v[5] != (int64_t) s->st_ino)
    return 0;
  int64_t newest = s->st_mtim.tv_sec > s->st_ctim.tv_sec
    ? s->st_mtim.tv_sec : s->st_ctim.tv_sec;
  if (newest + TIME_SLACK_SECONDS < checked)
    return 1;
  size_t len;
  char *data = util_read_regular (path, CONTENT_MAX_SIZE, &len);
  if (data == NULL)
    return 0;
  fs->hash = util_hash (0, data, len);
  fs->have_hash = 1;
  free (data);
  return (uint64_t) kf->v[6] == fs->hash;
}

/* Delete the rows of document DOC (a docs id).  */
static int
delete_doc (struct index *ix, int64_t doc)
{
  static const char *const sql[] = {
    "INSERT INTO fts(fts, rowid, title_zh, title_en, kw_zh, kw_en, body_zh,"
    " body_en, title_rev, kw_rev, body_rev) SELECT 'delete', id, title_zh,"
    " title_en, kw_zh, kw_en, body_zh, body_en, title_rev, kw_rev, body_rev"
    " FROM docs WHERE id=?1",
    "DELETE FROM docs WHERE id=?1",
    "DELETE FROM heads WHERE id=?1",
    "DELETE FROM tags WHERE doc=?1",
    "DELETE FROM terms WHERE id=?1",
    "DELETE FROM unplain WHERE doc=?1",
  };
  for (size_t i = 0; i < sizeof sql / sizeof *sql; i++)
    {
      sqlite3_stmt *st = cached (ix, sql[i]);
      if (st == NULL)
        return -1;
      sqlite3_bind_int64 (st, 1, doc);
      int rc = sqlite3_step (st);
      sqlite3_reset (st);
      if (rc != SQLITE_DONE)
        return -1;
    }
  return 0;
}

/* Forget the file PATH: its row in files and its document's rows.  */
static int
forget_file (struct index *ix, const char *path)
{
  static const char find[] = "SELECT doc FROM files WHERE path=?";
  static const char drop[] = "DELETE FROM files WHERE path=?";
  sqlite3_stmt *st = cached (ix, find);
  if (st == NULL)
    return -1;
  int rc = 0;
  sqlite3_bind_text (st, 1, path, -1, SQLITE_STATIC);
  if (sqlite3_step (st) == SQLITE_ROW
      && sqlite3_column_type (st, 0) != SQLITE_NULL)
    {
      int64_t doc = sqlite3_column_int64 (st, 0);
      sqlite3_reset (st);
      rc = delete_doc (ix, doc);
    }
  sqlite3_reset (st);
  if (rc == 0 && (st = cached (ix, drop)) != NULL)
    {
      sqlite3_bind_text (st, 1, path, -1, SQLITE_STATIC);
      rc = sqlite3_step (st) == SQLITE_DONE ? 0 : -1;
      sqlite3_reset (st);
    }
  return rc;
}

static void
bind_stat (sqlite3_stmt *st, int first, const struct file_state *fs)
{
  const struct stat *s = &fs->st;
  sqlite3_bind_int64 (st, first, (int64_t) s->st_size);
  sqlite3_bind_int64 (st, first + 1, (int64_t) s->st_mtim.tv_sec);
  sqlite3_bind_int64 (st, first + 2, ns_of (&s->st_mtim));
  sqlite3_bind_int64 (st, first + 3, (int64_t) s->st_ctim.tv_sec);
  sqlite3_bind_int64 (st, first + 4, ns_of (&s->st_ctim));
  sqlite3_bind_int64 (st, first + 5, (int64_t) s->st_ino);
  sqlite3_bind_int64 (st, first + 6, (int64_t) fs->hash);
}

static int
count_token (void *ctx, int colocated, const char *tok, size_t len,
             size_t start, size_t end)
{
  (void) tok;
  (void) len;
  (void) start;
  (void) end;
  *(int64_t *) ctx += !colocated;
  return 0;
}

/* The length in tokens of the texts DC, as FTS5 counted them when they
   were inserted (REC), or as the analysis counts them where FTS5 did
   not show them all to REC (it never has).  */
static int64_t
doc_tokens (struct index *ix, const struct doc_columns *dc,
            const struct index_fts_recorder *rec)
{
  int64_t n = 0;
  for (int c = 0; c < COL_COUNT; c++)
    if (rec->seen[c] && rec->next <= COL_COUNT)
      n += rec->ntokens[c];
    else if (dc->text[c].len)
      analyze_text (ix->analyzer, dc->text[c].data, dc->text[c].len,
                    ANALYZE_INDEX, count_token, &n);
  return n;
}

/* A column's text, and whether its tokens of ideographs are so far
   each the very bytes they came from.  */
struct plain_check
{
  const char *text;
  size_t len;
  int plain;
};

/* An analyze_token_fn: is the token TOK (LEN bytes) of ideographs (or
   of another script written without spaces) other than the text it
   came from, [START, END)?  Then folding changed an ideograph there,
   or a character it drops stood between two: PC->plain is cleared,
   and the analysis stopped.  */
static int
check_plain (void *ctx, int colocated, const char *tok, size_t len,
             size_t start, size_t end)
{
  (void) colocated;
  struct plain_check *pc = ctx;
  if (len == 0 || (unsigned char) tok[0] < 0x80
      || (end >= start && end - start == len && end <= pc->len
          && memcmp (pc->text + start, tok, len) == 0))
    return 0;
  ucs4_t uc;
  if (u8_mbtouc (&uc, (const uint8_t *) tok, len) > 0 && norm_is_cjk (uc))
    {
      pc->plain = 0;
      return 1;
    }
  return 0;
}

/* Are the texts DC plain for a regex (check_plain): every token of
   ideographs the very bytes it came from?  Then the places FTS5 finds
   of a text of ideographs that folds as itself are its places in the
   texts, as bigrams are neighbours only where their characters are
   (ANALYZE_GAP keeps apart those of two runs that would seem to run
   on).  TOKENS: the columns' tokens as FTS5 was given them, or NULL
   (analysed here).  */
static int
doc_plain (struct index *ix, const struct doc_columns *dc,
           const struct buf *tokens)
{
  for (int c = 0; c < COL_COUNT; c++)
    {
      if (dc->text[c].len == 0)
        continue;
      struct plain_check pc = { .text = dc->text[c].data,
                                .len = dc->text[c].len, .plain = 1 };
      if (tokens)
        prep_replay (&tokens[c], check_plain, &pc);
      else
        analyze_text (ix->analyzer, dc->text[c].data, dc->text[c].len,
                      ANALYZE_INDEX, check_plain, &pc);
      if (!pc.plain)
        return 0;
    }
  return 1;
}

/* Insert document DOC of collection COLL_ID, its columns DC and their
   TOKENS (or NULL: they are analysed as FTS5 asks), and its TERMS
   (termvec.h); its id in *ID.  A document number already taken in the
   collection is an error for DIAGS.  */
static int
insert_doc (struct index *ix, const struct document *doc,
            const struct doc_columns *dc, const struct buf *tokens,
            const struct buf *terms, const char *coll_id, int year,
            int64_t *id, struct diags *diags)
{
  sqlite3 *db = ix->db;
  static const char dup[] = "SELECT path FROM docs WHERE coll=? AND number=?";
  sqlite3_stmt *st = cached (ix, dup);
  if (st == NULL)
    return -1;
  sqlite3_bind_text (st, 1, coll_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, doc->number);
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      diags_add (diags, DIAG_ERROR, doc->path, doc->number_line,
                 _("duplicate document number %ld (also in %s)"),
                 doc->number, (const char *) sqlite3_column_text (st, 0));
      sqlite3_reset (st);
      *id = -1;
      return 0;
    }
  sqlite3_reset (st);

  struct buf units = { 0 };
  char *region = NULL;
  int rc = -1;
  static const char ins[] =
    "INSERT INTO docs(coll, number, path, title_zh, title_en, kw_zh, kw_en,"
    " body_zh, body_en, title_rev, kw_rev, body_rev, region, year, map)"
    " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
  if ((st = cached (ix, ins)) == NULL)
    goto out;
  sqlite3_bind_text (st, 1, coll_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, doc->number);
  sqlite3_bind_text (st, 3, doc->path, -1, SQLITE_STATIC);
  for (int c = 0; c < COL_COUNT; c++)
    sqlite3_bind_text (st, 4 + c, dc->text[c].data ? dc->text[c].data : "",
                       (int) dc->text[c].len, SQLITE_STATIC);
  region = document_region_folded (doc);
  sqlite3_bind_text (st, 4 + COL_COUNT, region, -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 5 + COL_COUNT, year);
  /* Where the units begin in tokens is known once FTS5 has analysed
     the texts (below): the map's place is kept at its size now and the
     map written there then, not the row written twice.  */
  size_t map_len = 0;
  for (int c = 0; c < COL_COUNT; c++)
    map_len += 4 + dc->units[c].len;
  sqlite3_bind_zeroblob (st, 6 + COL_COUNT, (int) map_len);
  int step = sqlite3_step (st);
  sqlite3_reset (st);
  if (step != SQLITE_DONE)
    goto out;
  *id = sqlite3_last_insert_rowid (db);
  /* The same texts to FTS5, bound as they are so that the tokenizer
     knows each column by its text and notes where its units begin.  */
  static const char fts[] =
    "INSERT INTO fts(rowid, title_zh, title_en, kw_zh, kw_en, body_zh,"
    " body_en, title_rev, kw_rev, body_rev) VALUES(?,?,?,?,?,?,?,?,?,?)";
  if ((st = cached (ix, fts)) == NULL)
    goto out;
  struct index_fts_recorder rec;
  memset (&rec, 0, sizeof rec);
  sqlite3_bind_int64 (st, 1, *id);
  for (int c = 0; c < COL_COUNT; c++)
    {
      rec.len[c] = dc->text[c].len;
      sqlite3_bind_text (st, 2 + c, dc->text[c].data ? dc->text[c].data : "",
                         (int) dc->text[c].len, SQLITE_STATIC);
    }
  rec.tokens = tokens;
  ix->shared.rec = &rec;
  step = sqlite3_step (st);
  ix->shared.rec = NULL;
  sqlite3_reset (st);
  for (int c = 0; c < COL_COUNT; c++)
    {
      /* Unit I begins at token position STARTS[I - 1], unit 0 at 0;
         what the tokenizer did not see stays unknown.  */
      unsigned char *m = (unsigned char *) dc->units[c].data;
      if (rec.seen[c] && rec.next <= COL_COUNT
          && rec.nstarts[c] + 1 == dc->nunits[c])
        for (uint32_t u = 0; u < dc->nunits[c]; u++)
          {
            uint32_t v = u == 0 ? 0 : rec.starts[c][u - 1];
            unsigned char *f = m + (size_t) u * UNIT_RECORD + 24;
            f[0] = v & 0xff;
            f[1] = (v >> 8) & 0xff;
            f[2] = (v >> 16) & 0xff;
            f[3] = (v >> 24) & 0xff;
          }
      free (rec.starts[c]);
      buf_add_le32 (&units, dc->nunits[c]);
      buf_add (&units, dc->units[c].data ? dc->units[c].data : "",
               dc->units[c].len);
    }
  if (step != SQLITE_DONE)
    goto out;
  static const char head[] = "INSERT INTO heads VALUES(?,?,?,?,?,?,?,?,?,?)";
  if ((st = cached (ix, head)) == NULL)
    goto out;
  sqlite3_bind_int64 (st, 1, *id);
  sqlite3_bind_text (st, 2, coll_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 3, doc->number);
  sqlite3_bind_text (st, 4, doc->path, -1, SQLITE_STATIC);
  for (int l = 0; l < LANG_COUNT; l++)
    {
      const struct buf *t = &dc->text[COL_TITLE_ZH + l];
      sqlite3_bind_text (st, 5 + l, t->data ? t->data : "", (int) t->len,
                         SQLITE_STATIC);
    }
  sqlite3_bind_text (st, 7, region, -1, SQLITE_STATIC);
  sqlite3_bind_int (st, 8, year);
  sqlite3_bind_int64 (st, 9, doc_tokens (ix, dc, &rec));
  /* Whose words each title is (bit L: the project's), for a result to
     mark as show does.  */
  int project = 0;
  for (int l = 0; l < LANG_COUNT; l++)
    if (text_is_project (bitext_get (&doc->title, (enum lang) l)))
      project |= 1 << l;
  sqlite3_bind_int (st, 10, project);
  step = sqlite3_step (st);
  sqlite3_reset (st);
  if (step != SQLITE_DONE)
    goto out;
  sqlite3_blob *map;
  if (units.len != map_len
      || sqlite3_blob_open (db, "main", "docs", "map", *id, 1, &map)
      != SQLITE_OK)
    goto out;
  step = sqlite3_blob_write (map, units.data, (int) units.len, 0);
  sqlite3_blob_close (map);
  if (step != SQLITE_OK)
    goto out;
  static const char unplain[] = "INSERT INTO unplain VALUES(?)";
  if (!doc_plain (ix, dc, tokens))
    {
      if ((st = cached (ix, unplain)) == NULL)
        goto out;
      sqlite3_bind_int64 (st, 1, *id);
      step = sqlite3_step (st);
      sqlite3_reset (st);
      if (step != SQLITE_DONE)
        goto out;
    }
  static const char term[] = "INSERT INTO terms VALUES(?,?)";
  if ((st = cached (ix, term)) == NULL)
    goto out;
  sqlite3_bind_int64 (st, 1, *id);
  sqlite3_bind_blob (st, 2, terms->data ? terms->data : "", (int) terms->len,
                     SQLITE_STATIC);
  step = sqlite3_step (st);
  sqlite3_reset (st);
  if (step != SQLITE_DONE)
    goto out;
  static const char tag[] = "INSERT INTO tags VALUES(?,?)";
  if ((st = cached (ix, tag)) == NULL)
    goto out;
  rc = 0;
  /* The lists of both languages, and the revised English list after
     them: tags --english=revised lists its keywords, and tag: must find
     the documents it lists.  */
  for (int l = 0; l <= LANG_COUNT && rc == 0; l++)
    for (size_t k = 0; k < (l < LANG_COUNT ? doc->keywords.count[l]
                            : doc->keywords.rev_count) && rc == 0; k++)
      {
        const char *kw = l < LANG_COUNT ? doc->keywords.items[l][k]
          : doc->keywords.rev_items[k];
        char *f = norm_fold_string (kw, strlen (kw));
        sqlite3_reset (st);
        sqlite3_bind_int64 (st, 1, *id);
        sqlite3_bind_text (st, 2, f, -1, SQLITE_TRANSIENT);
        if (sqlite3_step (st) != SQLITE_DONE)
          rc = -1;
        free (f);
      }
  sqlite3_reset (st);
out:
  free (region);
  buf_free (&units);
  return rc;
}

static int
record_file (struct index *ix, const char *path, const char *dir,
             const struct file_state *fs, int64_t doc)
{
  static const char sql[] = "INSERT OR REPLACE INTO files VALUES"
    "(?,?,?,?,?,?,?,?,?,?)";
  sqlite3_stmt *st = cached (ix, sql);
  if (st == NULL)
    return -1;
  sqlite3_bind_text (st, 1, path, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 2, dir, -1, SQLITE_STATIC);
  bind_stat (st, 3, fs);
  if (doc >= 0)
    sqlite3_bind_int64 (st, 10, doc);
  int rc = sqlite3_step (st) == SQLITE_DONE ? 0 : -1;
  sqlite3_reset (st);
  return rc;
}

/* Are the terms of DB's vocabulary numbered 1 to their number, as
   updates number them and engine_terms.c reads them?  */
static int
vocab_sound (sqlite3 *db)
{
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (db, "SELECT coalesce(min(id), 1) = 1"
                          " AND coalesce(max(id), 0) = count(*) FROM words",
                          -1, &st, NULL) != SQLITE_OK)
    return 0;
  int sound = sqlite3_step (st) == SQLITE_ROW
    && sqlite3_column_int (st, 0) == 1;
  sqlite3_finalize (st);
  return sound;
}

/* The vocabulary of IX's terms records, to number the terms of the
   documents an update writes (termvec.h).  NULL if it cannot be read.  */
static struct termvec_vocab *
load_vocab (struct index *ix)
{
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (ix->db, "SELECT id, term FROM words", -1, &st,
                          NULL) != SQLITE_OK)
    return NULL;
  struct termvec_vocab *v = termvec_vocab_new ();
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    termvec_vocab_add (v, (uint32_t) sqlite3_column_int64 (st, 0),
                       (const char *) sqlite3_column_blob (st, 1),
                       (size_t) sqlite3_column_bytes (st, 1));
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    {
      termvec_vocab_free (v);
      return NULL;
    }
  return v;
}

/* Store the terms that preparing P added to the vocabulary: whether or
   not its document is written, a later one may use them.  */
static int
store_added (struct index *ix, const struct prepared *p)
{
  static const char sql[] = "INSERT INTO words VALUES(?,?)";
  size_t at = 0, len;
  uint32_t id;
  const char *term;
  while (termvec_added_next (&p->added, &at, &id, &term, &len))
    {
      sqlite3_stmt *st = cached (ix, sql);
      if (st == NULL)
        return -1;
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_text (st, 2, term, (int) len, SQLITE_STATIC);
      int rc = sqlite3_step (st);
      sqlite3_reset (st);
      if (rc != SQLITE_DONE)
        return -1;
    }
  return 0;
}

/* Index the document file P (prepared: read, parsed, analysed) of the
   collection COLL_ID in DIR.  */
static int
index_file (struct index *ix, struct prepared *p, const char *dir,
            const char *coll_id, int year, struct diags *diags)
{
  if (store_added (ix, p) != 0)
    return -1;
  if (p->stat_errno)
    {
      /* (Not when its collection was removed meanwhile: the next
         update forgets the file.)  */
      if (p->stat_errno != ENOENT || !content_dir_vanished (dir))
        diags_add (diags, DIAG_ERROR, p->path, 0, _("cannot read: %s"),
                   strerror (p->stat_errno));
      return 0;
    }
  if (forget_file (ix, p->path) != 0)
    return -1;
  size_t errors_before = diags->errors;
  diags_move (diags, &p->diags);
  if (!p->read)
    return 0;
  int64_t id = -1;
  int rc = 0;
  if (p->parsed)
    rc = insert_doc (ix, &p->doc, &p->dc, p->tokens, &p->terms, coll_id,
                     year, &id, diags);
  if (rc == 0 && diags->errors == errors_before)
    rc = record_file (ix, p->path, dir, &p->fs, id);
  return rc;
}

/* The id of the collection in DIR (caller frees), and whether its
   documents must be indexed again because the id changed since KNOWN
   (the colls rows) was read.  With WRITE, record its collection.cb.  */
static char *
collection_id (sqlite3 *db, const char *dir, const struct known *colls,
               int64_t checked, int write, int *changed, int *year,
               struct diags *diags)
{
  struct collection coll;
  size_t errors_before = diags->errors;
  content_read_collection (dir, &coll, diags);
  char *id = xstrdup (coll.id);
  /* The year of its date: what document_year says of its documents.  */
  struct document probe = { .collection = &coll };
  *year = document_year (&probe);
  collection_free (&coll);
  *changed = 0;
  if (diags->errors > errors_before)
    {
      free (id);
      return NULL;
    }
  const struct known_file *kc = known_find (colls, dir);
  *changed = kc == NULL || kc->id == NULL || strcmp (kc->id, id) != 0;
  char *meta = util_path_join (dir, CONTENT_COLLECTION_FILE);
  struct file_state fs = { .have_hash = 0 };
  if (write && stat (meta, &fs.st) == 0 && !unchanged (kc, meta, &fs, checked))
    {
      sqlite3_stmt *st;
      if (sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO colls "
                              "VALUES(?,?,?,?,?,?,?,?,?)", -1, &st,
                              NULL) == SQLITE_OK)
        {
          sqlite3_bind_text (st, 1, dir, -1, SQLITE_STATIC);
          sqlite3_bind_text (st, 2, id, -1, SQLITE_STATIC);
          bind_stat (st, 3, &fs);
          sqlite3_step (st);
          sqlite3_finalize (st);
        }
    }
  free (meta);
  return id;
}

/* Files to index, with their collection.  */
struct pending
{
  char **paths;
  size_t *coll;
  size_t n, alloc;
};

static void
pending_add (struct pending *p, const char *path, size_t coll)
{
  if (p->n == p->alloc)
    {
      p->alloc = p->alloc ? 2 * p->alloc : 64;
      p->paths = xrealloc (p->paths, p->alloc * sizeof *p->paths);
      p->coll = xrealloc (p->coll, p->alloc * sizeof *p->coll);
    }
  p->paths[p->n] = xstrdup (path);
  p->coll[p->n++] = coll;
}

static void
pending_free (struct pending *p)
{
  for (size_t i = 0; i < p->n; i++)
    free (p->paths[i]);
  free (p->paths);
  free (p->coll);
  memset (p, 0, sizeof *p);
}

static int64_t
meta_int (sqlite3 *db, const char *key)
{
  sqlite3_stmt *st;
  int64_t v = 0;
  if (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key=?", -1, &st,
                          NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (st, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (st) == SQLITE_ROW)
        v = sqlite3_column_int64 (st, 0);
      sqlite3_finalize (st);
    }
  return v;
}

static int
compare_strp (const void *a, const void *b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

#define KNOWN_COLUMNS "size, mtime, mtime_ns, ctime, ctime_ns, ino, hash"

/* One pass over the content: what to index (TODO) and whether anything
   at all must be written.  With WRITE, inside a transaction, do it.  */
static int
sync_pass (struct index *ix, const struct content_files *cf, int write,
           struct diags *diags, index_progress_fn progress,
           void *progress_ctx, int *need_write)
{
  sqlite3 *db = ix->db;
  int64_t checked = meta_int (db, "checked");
  struct known files, colls;
  if (load_known (db, "SELECT path, " KNOWN_COLUMNS ", NULL FROM files "
                  "ORDER BY path", &files) != 0)
    return -1;
  if (load_known (db, "SELECT dir, " KNOWN_COLUMNS ", id FROM colls "
                  "ORDER BY dir", &colls) != 0)
    {
      known_free (&files);
      return -1;
    }
  struct pending todo = { 0 }, every = { 0 };
  size_t redone = 0;            /* of TODO, files the index has */
  char **ids = xcalloc (cf->ncolls ? cf->ncolls : 1, sizeof *ids);
  int *years = xcalloc (cf->ncolls ? cf->ncolls : 1, sizeof *years);
  char **listed = NULL;
  size_t nlisted = 0, listed_alloc = 0;
  for (size_t c = 0; c < cf->ncolls; c++)
    {
      const struct content_coll_files *cc = &cf->colls[c];
      int changed;
      size_t said = diags->count;
      ids[c] = collection_id (db, cc->dir, &colls, checked, write, &changed,
                              &years[c], diags);
      /* Removed since it was listed: not there (its files go from the
         index as unlisted), and nothing to say.  */
      if (ids[c] == NULL && content_dir_vanished (cc->dir))
        diags_truncate (diags, said);
      /* A collection whose id an earlier directory has is left out, as
         the loader leaves it out (content_load_dirs).  */
      for (size_t k = 0; ids[c] && k < c; k++)
        if (ids[k] && strcmp (ids[k], ids[c]) == 0)
          {
            free (ids[c]);
            ids[c] = NULL;
            changed = 0;
          }
      for (size_t d = 0; ids[c] && d < cc->ndocs; d++)
        {
          const char *path = cc->docs[d];
          listed = xgrow (listed, &listed_alloc, nlisted + 1, sizeof *listed);
          listed[nlisted++] = cc->docs[d];
          if (write)
            pending_add (&every, path, c);
          struct file_state fs = { .have_hash = 0 };
          const struct known_file *kf = known_find (&files, path);
          if (changed || stat (path, &fs.st) != 0
              || !unchanged (kf, path, &fs, checked))
            {
              pending_add (&todo, path, c);
              redone += kf != NULL;
            }
        }
    }
  int rc = 0, afresh = files.n == 0;
  /* A vocabulary numbered otherwise (damage, a hand edit) cannot number
     new terms: a number below 1 or past 2^32 is cut to another's, the
     next one may be taken, and one in a gap may be in records.  Every
     document is written again, with a vocabulary of its own.  Looked
     at only when something is to be written: it reads the whole
     vocabulary, and the browser syncs before every search.  */
  *need_write = todo.n > 0 || files.n != nlisted;
  int vocab_ok = !*need_write || vocab_sound (db);
  if (write)
    {
      /* Files that are gone, then files that changed, lose their rows
         first, so that their numbers are free for what replaces them.  */
      if (nlisted > 1)
        qsort (listed, nlisted, sizeof *listed, compare_strp);
      size_t gone = 0;
      for (size_t i = 0; i < files.n; i++)
        gone += nlisted == 0 || !bsearch (&files.rows[i].path, listed,
                                          nlisted, sizeof *listed,
                                          compare_strp);
      if (2 * (gone + redone) >= files.n || !vocab_ok)
        {
          /* Most of what the index has must go (the content replaced
             or renamed): start afresh.  Forgetting a document costs as
             much as indexing it (FTS5 analyses its old text again), and
             its postings would linger in segments until merged.  New
             files alone cost nothing to forget.  */
          rc = exec (db, "INSERT INTO fts(fts) VALUES('delete-all');"
                     "DELETE FROM docs; DELETE FROM heads;"
                     "DELETE FROM tags; DELETE FROM terms;"
                     "DELETE FROM unplain;"
                     "DELETE FROM words; DELETE FROM files;"
                     "DELETE FROM pairs; DELETE FROM meta WHERE key='pairs';",
                     NULL);
          afresh = 1;
          pending_free (&todo);
          todo = every;
          every = (struct pending) { 0 };
        }
      else
        {
          for (size_t i = 0; i < files.n && rc == 0; i++)
            if (nlisted == 0 || !bsearch (&files.rows[i].path, listed,
                                          nlisted, sizeof *listed,
                                          compare_strp))
              rc = forget_file (ix, files.rows[i].path);
          for (size_t i = 0; i < todo.n && rc == 0; i++)
            rc = forget_file (ix, todo.paths[i]);
        }
      /* Files are read and analysed ahead, in a second thread, as each
         is written here.  */
      struct termvec_vocab *vocab = todo.n && rc == 0 ? load_vocab (ix)
        : NULL;
      if (todo.n && vocab == NULL)
        rc = -1;
      /* The pairs of neighbouring tokens are noted by the thread that
         analyses the documents (as FTS5 will be given them).  */
      struct pairs pairs = { 0 };
      enum pairs_way way = PAIRS_REMAKE;
      if (todo.n && rc == 0)
        pairs_begin (ix, afresh, nlisted, &pairs, &way);
      struct prep_queue *pq = vocab ? prep_start (todo.paths, todo.n, vocab,
                                                  pairs.bits ? &pairs : NULL)
        : NULL;
      /* A filter made again reads and analyses the documents the
         index had once the new are in (seconds for thousands): its
         progress goes on from theirs, as one count.  */
      struct pairs_progress pp = { progress, progress_ctx, todo.n, todo.n,
                                   INT64_MAX };
      if (todo.n && rc == 0 && way == PAIRS_REMAKE)
        {
          /* The documents written from now on have greater ids (SQLite
             gives a row one more than the greatest): their pairs are
             noted in PAIRS as they are written, and only the others
             need be read again.  */
          pp.old = index_sql_int (db, "SELECT coalesce(max(id), 0) FROM docs",
                                 -1);
          sqlite3_int64 old = index_sql_int (db, "SELECT count(*) FROM docs",
                                             -1);
          if (pp.old < 0 || old < 0)
            {
              pp.old = INT64_MAX;
              old = (sqlite3_int64) nlisted;
            }
          pp.total += (size_t) old;
        }
      size_t written = 0;
      for (size_t i = 0; i < todo.n && rc == 0; i++)
        {
          size_t c = todo.coll[i];
          struct prepared *p = prep_take (pq, i);
          written += p->parsed;
          rc = index_file (ix, p, cf->colls[c].dir, ids[c], years[c], diags);
          prep_done (pq, i);
          if (progress && (i % 16 == 15 || i + 1 == todo.n)
              && progress (progress_ctx, i + 1, pp.total) != 0)
            {
              ix->stopped = 1;
              rc = -1;
            }
        }
      prep_stop (pq);
      termvec_vocab_free (vocab);
      if (todo.n && rc == 0)
        rc = pairs_end (ix, &pairs, way, written, nlisted, &pp);
      pairs_free (&pairs);
      /* Done, whether made again or not (nothing written: nothing to
         make it again for): the count ends.  */
      if (progress && rc == 0 && pp.total > todo.n)
        progress (progress_ctx, pp.total, pp.total);
    }
  free (listed);
  free (years);
  strv_free (ids, cf->ncolls);
  pending_free (&todo);
  pending_free (&every);
  known_free (&files);
  known_free (&colls);
  return rc;
}

/* N, a filter's size in bits as the index's meta says it, or 0 when
   it is none or one that cannot be (not a power of two, too small or
   too large: damage).  */
static uint64_t
pairs_nbits_valid (sqlite3_int64 n)
{
  if (n < PAIRS_CHUNK_BYTES * 8 || (n & (n - 1)) != 0
      || (uint64_t) n > pairs_size_for (SIZE_MAX))
    return 0;
  return (uint64_t) n;
}

/* Get the filter ready for a sync that writes documents, the index
   having NLISTED documents when it is done: into P (empty, noted
   apart from the index's own), and how it will be kept into *WAY.  */
static void
pairs_begin (struct index *ix, int afresh, size_t nlisted, struct pairs *p,
             enum pairs_way *way)
{
  uint64_t nbits = afresh ? 0
    : pairs_nbits_valid (meta_value (ix->db, "pairs", 0));
  /* Made for four times fewer documents, most of its bits would be set:
     it would say "maybe" of nearly every pair.  */
  if (afresh)
    *way = PAIRS_NEW;
  else if (nbits && 4 * nbits >= pairs_size_for (nlisted))
    *way = PAIRS_MERGE;
  else
    {
      /* Made again, at the size for the library it will be: the new
         documents' pairs are noted as they are written, the others'
         read again after (pairs_end).  */
      *way = PAIRS_REMAKE;
      nbits = 0;
    }
  pairs_init (p, nbits ? nbits : pairs_size_for (nlisted));
}

/* Note in P the pairs of every document in IX with an id up to PP's
   OLD, from their texts as FTS5 was given them (the same analysis of
   the same columns), reporting progress through PP.  */
static int
pairs_note_all (struct index *ix, struct pairs *p,
                const struct pairs_progress *pp)
{
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (ix->db, "SELECT title_zh, title_en, kw_zh, kw_en,"
                          " body_zh, body_en, title_rev, kw_rev, body_rev "
                          "FROM docs WHERE id <= ?", -1, &st, NULL)
      != SQLITE_OK)
    return -1;
  sqlite3_bind_int64 (st, 1, pp->old);
  int rc;
  size_t done = pp->base;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      for (int c = 0; c < COL_COUNT; c++)
        {
          const char *text = (const char *) sqlite3_column_text (st, c);
          int len = sqlite3_column_bytes (st, c);
          struct pairs_walk w;
          pairs_walk_begin (&w, p);
          if (text && len > 0)
            analyze_text (ix->analyzer, text, (size_t) len, ANALYZE_INDEX,
                          pairs_walk_token, &w);
          pairs_walk_end (&w);
        }
      /* (The end is told by the caller: the documents may be more than
         the count expected, after damage.)  */
      if (++done % 16 == 0 && pp->fn
          && pp->fn (pp->ctx, done < pp->total ? done : pp->total - 1,
                     pp->total) != 0)
        {
          ix->stopped = 1;
          break;
        }
    }
  sqlite3_finalize (st);
  return rc == SQLITE_DONE ? 0 : -1;
}

/* Write chunk C of P's bits.  */
static int
pairs_write_chunk (struct index *ix, const struct pairs *p, size_t c)
{
  static const char sql[] = "INSERT OR REPLACE INTO pairs VALUES(?,?)";
  sqlite3_stmt *st = cached (ix, sql);
  if (st == NULL)
    return -1;
  sqlite3_bind_int64 (st, 1, (sqlite3_int64) c);
  sqlite3_bind_blob (st, 2, p->bits + c * PAIRS_CHUNK_BYTES,
                     PAIRS_CHUNK_BYTES, SQLITE_STATIC);
  int rc = sqlite3_step (st) == SQLITE_DONE ? 0 : -1;
  sqlite3_reset (st);
  return rc;
}

/* Write all of P, in place of what the index had.  */
static int
pairs_write_all (struct index *ix, const struct pairs *p)
{
  if (exec (ix->db, "DELETE FROM pairs; DELETE FROM meta WHERE key='pairs'",
            NULL) != 0)
    return -1;
  if (p->broken)
    return 0;                   /* no filter: every phrase looked for */
  size_t nchunks = (size_t) (p->nbits / 8 / PAIRS_CHUNK_BYTES);
  /* Every chunk, empty or not: one missing is damage, and a search
     then takes it that every pair may occur.  */
  for (size_t c = 0; c < nchunks; c++)
    if (pairs_write_chunk (ix, p, c) != 0)
      return -1;
  char *sql = xasprintf ("INSERT INTO meta VALUES('pairs', %llu)",
                         (unsigned long long) p->nbits);
  int rc = exec (ix->db, sql, NULL);
  free (sql);
  return rc;
}

/* Keep the filter as WAY says, P holding the pairs of the documents
   this sync wrote (when it noted them); DOCS, how many it wrote, of the
   NLISTED the index now has.  Made again, its progress is told through
   PP.  Returns 0, or -1 if the database failed or PP's function said
   stop.  */
static int
pairs_end (struct index *ix, struct pairs *p, enum pairs_way way, size_t docs,
           size_t nlisted, const struct pairs_progress *pp)
{
  if (way == PAIRS_NEW)
    return pairs_write_all (ix, p);
  if (way == PAIRS_REMAKE)
    {
      /* (A file with errors, read again at every check, writes no
         document: nothing to make the filter again for.)  */
      if (docs == 0)
        return 0;
      /* P holds the written documents' pairs, at the new size, unless
         every document is to be read (after damage found in a merge).  */
      struct pairs all = { 0 };
      struct pairs *into = p;
      if (pp->old == INT64_MAX)
        {
          pairs_init (&all, pairs_size_for (nlisted));
          into = &all;
        }
      int rc = pairs_note_all (ix, into, pp);
      if (rc == 0)
        rc = pairs_write_all (ix, into);
      if (rc == 0 && pp->fn)
        pp->fn (pp->ctx, pp->total, pp->total);
      pairs_free (&all);
      return rc;
    }
  if (p->broken)
    return pairs_write_all (ix, p);
  /* Only the chunks the new pairs touch are read, ORed and, if that
     set a bit, written: a file with errors read again at every check
     costs nothing here.  */
  static const char sql[] = "SELECT bits FROM pairs WHERE chunk=?";
  size_t nchunks = (size_t) (p->nbits / 8 / PAIRS_CHUNK_BYTES);
  for (size_t c = 0; c < nchunks; c++)
    {
      if (!p->dirty[c])
        continue;
      sqlite3_stmt *st = cached (ix, sql);
      if (st == NULL)
        return -1;
      sqlite3_bind_int64 (st, 1, (sqlite3_int64) c);
      int step = sqlite3_step (st), whole = 0, changed = 0;
      unsigned char *chunk = p->bits + c * PAIRS_CHUNK_BYTES;
      if (step == SQLITE_ROW
          && sqlite3_column_bytes (st, 0) == PAIRS_CHUNK_BYTES)
        {
          const unsigned char *had = sqlite3_column_blob (st, 0);
          whole = had != NULL;
          for (size_t i = 0; whole && i < PAIRS_CHUNK_BYTES; i++)
            {
              changed |= (chunk[i] & ~had[i]) != 0;
              chunk[i] |= had[i];
            }
        }
      sqlite3_reset (st);
      if (step != SQLITE_ROW && step != SQLITE_DONE)
        return -1;
      /* A chunk missing or cut short is damage: the filter is made
         again from every document.  */
      if (!whole)
        {
          /* (Its progress now goes on past the count the sync gave.)  */
          struct pairs_progress more = *pp;
          more.total = more.base + nlisted;
          more.old = INT64_MAX;
          return pairs_end (ix, p, PAIRS_REMAKE, docs, nlisted, &more);
        }
      if (changed && pairs_write_chunk (ix, p, c) != 0)
        return -1;
    }
  return 0;
}

int
index_phrase_may_occur (struct index *ix, const uint64_t *tokens, size_t n)
{
  if (n < 2)
    return 1;
  static const char size_sql[] = "SELECT value FROM meta WHERE key='pairs'";
  static const char chunk_sql[] = "SELECT bits FROM pairs WHERE chunk=?";
  sqlite3_stmt *st = cached (ix, size_sql);
  if (st == NULL)
    return 1;
  uint64_t nbits = pairs_nbits_valid (sqlite3_step (st) == SQLITE_ROW
                                      ? sqlite3_column_int64 (st, 0) : 0);
  sqlite3_reset (st);
  if (nbits == 0)
    return 1;                   /* no filter to go by */
  for (size_t i = 0; i + 1 < n; i++)
    {
      uint64_t w, m;
      pairs_slot (tokens[i], tokens[i + 1], nbits, &w, &m);
      if ((st = cached (ix, chunk_sql)) == NULL)
        return 1;
      uint64_t byte = w * 8;
      sqlite3_bind_int64 (st, 1, (sqlite3_int64) (byte / PAIRS_CHUNK_BYTES));
      int step = sqlite3_step (st);
      int set;
      if (step == SQLITE_ROW)
        {
          const unsigned char *b = sqlite3_column_blob (st, 0);
          set = b == NULL || sqlite3_column_bytes (st, 0) != PAIRS_CHUNK_BYTES
            || (pairs_word (b + byte % PAIRS_CHUNK_BYTES) & m) == m;
        }
      else
        /* Every chunk is written: one missing is damage, and a failed
           read says nothing.  */
        set = 1;
      sqlite3_reset (st);
      if (!set)
        return 0;
    }
  return 1;
}

/* The files of every directory of DIRS as one list: the first must be
   content; a later one that is missing or holds no collection adds
   nothing (the user's library may not exist yet).  */
static void
list_dirs (const char *const *dirs, size_t ndirs, struct content_files *cf,
           struct diags *diags)
{
  content_list (dirs[0], cf, diags);
  for (size_t i = 1; i < ndirs; i++)
    {
      struct content_files more = { 0 };
      struct diags quiet = { 0 };
      /* A library another user can write to is not read: what is
         there would be searched as the user's own.  */
      const char *unsafe = prefs_library_unsafe (dirs[i]);
      if (unsafe)
        diags_add (diags, DIAG_WARNING, dirs[i], 0,
                   _("your library is not read: %s"), unsafe);
      else if (content_list (dirs[i], &more, &quiet) == 0)
        {
          content_drop_unsafe (&more, diags);
          if (more.ncolls)
            {
              cf->colls = xrealloc (cf->colls, (cf->ncolls + more.ncolls)
                                    * sizeof *cf->colls);
              memcpy (cf->colls + cf->ncolls, more.colls,
                      more.ncolls * sizeof *more.colls);
              cf->ncolls += more.ncolls;
            }
          free (more.colls);
          more.colls = NULL;
          more.ncolls = 0;
        }
      content_files_free (&more);
      diags_free (&quiet);
    }
}

/* Read the database through a small page cache from now on (512 KB,
   32 pages).  Passages and regexes read a paragraph here and there of
   many documents: the pages of a small cache are reused, where those of
   a large one, or of a memory map of the file, are each memory the
   process touches for the first time, and that costs more than the
   system call and the copy a page read costs (measured at 2000 and
   8000 documents, against the map: passages in 0.5-0.7 of the time, a
   count in 0.8-0.9).  Returns 0.  */
static int
pages_for_search (struct index *ix)
{
  exec (ix->db, "PRAGMA cache_size=-512", NULL);
  return 0;
}

/* Building the index touches the same pages again and again: keep them
   in memory (64 MB at most) rather than in the file system's.  */
static void
pages_for_build (struct index *ix)
{
  exec (ix->db, "PRAGMA cache_size=-65536", NULL);
}

/* Write the copy of the snapshot SNAP (LEN bytes) beside the database
   at PATH (index_check_early), or remove it if that fails: a copy that
   is not the database's snapshot is never used, but read and checked
   in vain by every search.  */
static void
write_copy (const char *path, const void *snap, size_t len)
{
  char *copy = xasprintf ("%s" SNAPSHOT_COPY, path);
  if (util_write_private (copy, snap, len) != 0)
    unlink (copy);
  free (copy);
}

/* A handle on the snapshot saved by the last full check, or NULL.  */
static sqlite3_blob *
open_snapshot (struct index *ix)
{
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (ix->db, "SELECT rowid FROM meta WHERE "
                          "key='snapshot' AND typeof(value)='blob'", -1, &st,
                          NULL) != SQLITE_OK)
    return NULL;
  sqlite3_int64 row = sqlite3_step (st) == SQLITE_ROW
    ? sqlite3_column_int64 (st, 0) : -1;
  sqlite3_finalize (st);
  sqlite3_blob *b;
  if (row < 0 || sqlite3_blob_open (ix->db, "main", "meta", "value", row, 0,
                                    &b) != SQLITE_OK)
    return NULL;
  return b;
}

/* Begin checking the files in the NDIRS directories DIRS (full names)
   against the snapshot saved by the last full check, as MODE says
   (snapshot_check_start).  NULL when there is none or it is already
   known not to hold.  */
static struct snapshot_check *
start_check (struct index *ix, const char *const *dirs, size_t ndirs,
             enum snapshot_mode mode, int recopy)
{
  /* Read through a blob handle, straight into the buffer the check
     takes: a column's value would be assembled from its overflow pages
     into one of SQLite's first, and copied.  */
  sqlite3_blob *b = open_snapshot (ix);
  if (b == NULL)
    return NULL;
  int len = sqlite3_blob_bytes (b);
  void *snap = len > 0 ? xmalloc ((size_t) len) : NULL;
  int ok = snap && sqlite3_blob_read (b, snap, len, 0) == SQLITE_OK;
  sqlite3_blob_close (b);
  if (!ok)
    {
      free (snap);
      return NULL;
    }
  /* A copy that is missing, damaged or of another snapshot (its write
     failed, or two writers crossed) would otherwise cost every search
     until the content next changes.  */
  if (recopy)
    write_copy (ix->path, snap, (size_t) len);
  return snapshot_check_start (snap, (size_t) len, dirs, ndirs,
                               TIME_SLACK_SECONDS, mode);
}

/* Does the snapshot saved in IX begin with the SNAPSHOT_HEAD_BYTES
   bytes that C's does (then C's, read from the copy beside the index,
   is that one)?  Only the first page of the value is read.  */
static int
saved_snapshot_is (struct index *ix, const struct snapshot_check *c)
{
  sqlite3_blob *b = open_snapshot (ix);
  if (b == NULL)
    return 0;
  unsigned char head[SNAPSHOT_HEAD_BYTES];
  int same = sqlite3_blob_bytes (b) >= (int) sizeof head
    && sqlite3_blob_read (b, head, sizeof head, 0) == SQLITE_OK
    && snapshot_check_is (c, head);
  sqlite3_blob_close (b);
  return same;
}

/* Does the snapshot saved by the last full check say that nothing
   changed since?  */
static int
snapshot_says_fresh (struct index *ix, const char *const *dirs,
                     size_t ndirs)
{
  struct snapshot_check *c = start_check (ix, dirs, ndirs, SNAPSHOT_HERE, 0);
  return c ? snapshot_check_finish (c) : 0;
}

/* The full names of the NDIRS directories GIVEN, as index_sync knows
   them (caller frees with strv_free).  */
static char **
real_dirs (const char *const *given, size_t ndirs)
{
  char **real = xcalloc (ndirs ? ndirs : 1, sizeof *real);
  for (size_t i = 0; i < ndirs; i++)
    if ((real[i] = realpath (given[i], NULL)) == NULL)
      real[i] = xstrdup (given[i]);
  return real;
}

/* The most a copy of a snapshot is believed to hold: a million
   documents take 100 MB.  */
#define SNAPSHOT_COPY_MAX ((size_t) 1 << 30)

struct snapshot_check *
index_check_early (const char *path, const char *const *dirs, size_t ndirs)
{
  char *copy = xasprintf ("%s" SNAPSHOT_COPY, path);
  size_t len;
  /* Never through a link, nor anything but a regular file.  */
  void *snap = util_read_own (copy, SNAPSHOT_COPY_MAX, &len);
  free (copy);
  if (snap == NULL)
    return NULL;
  char **real = real_dirs (dirs, ndirs);
  struct snapshot_check *c =
    snapshot_check_start (snap, len, (const char *const *) real, ndirs,
                          TIME_SLACK_SECONDS, SNAPSHOT_ALL_BEHIND);
  strv_free (real, ndirs);
  return c;
}

void
index_check_cancel (struct snapshot_check *early)
{
  snapshot_check_cancel (early);
}

/* Is one of DIRS after the first, the user's library, not to be read
   (prefs_library_unsafe)?  */
static int
library_refused (const char *const *dirs, size_t ndirs)
{
  for (size_t i = 1; i < ndirs; i++)
    if (prefs_library_unsafe (dirs[i]))
      return 1;
  return 0;
}

int
index_check_start (struct index *ix, const char *const *dirs, size_t ndirs,
                   struct snapshot_check *early)
{
  index_check_finish (ix);
  if (ix->path == NULL || ix->final_path || library_refused (dirs, ndirs))
    {
      snapshot_check_cancel (early);
      return -1;
    }
  pages_for_search (ix);
  /* The check begun from the copy stands if the copy is of the
     snapshot the database holds now: it has had a head start.  One
     that already found a change is that snapshot's answer too: the
     index is brought up to date before the search, not after.  */
  if (early && saved_snapshot_is (ix, early))
    {
      if (!snapshot_check_failed (early))
        {
          ix->check = early;
          return 0;
        }
      snapshot_check_cancel (early);
      return -1;
    }
  snapshot_check_cancel (early);
  char **real = real_dirs (dirs, ndirs);
  ix->check = start_check (ix, (const char *const *) real, ndirs,
                           SNAPSHOT_DOCS_BEHIND, 1);
  strv_free (real, ndirs);
  return ix->check ? 0 : -1;
}

int
index_check_finish (struct index *ix)
{
  if (ix->check == NULL)
    return 0;
  int fresh = snapshot_check_finish (ix->check);
  ix->check = NULL;
  return fresh;
}

/* Save the state of the files CF lists, as of a check that began at
   STARTED and found the index up to date with them.  Harmless if it
   fails (a read-only cache): the next search checks in full.  */
static void
snapshot_save (struct index *ix, const char *const *dirs, size_t ndirs,
               const struct content_files *cf, int64_t started)
{
  struct buf b = { 0 };
  uint64_t id;
  sqlite3_randomness (sizeof id, &id);
  snapshot_take (dirs, ndirs, cf, started, id, &b);
  sqlite3_stmt *st;
  int saved = 0;
  if (sqlite3_prepare_v2 (ix->db, "INSERT OR REPLACE INTO meta "
                          "VALUES('snapshot', ?)", -1, &st, NULL)
      == SQLITE_OK)
    {
      sqlite3_bind_blob (st, 1, b.data, (int) b.len, SQLITE_STATIC);
      saved = sqlite3_step (st) == SQLITE_DONE;
      sqlite3_finalize (st);
    }
  /* And a copy in a file beside the database, which the next search
     reads and starts to check before it has opened the database (a
     third of the time a search of 8000 documents takes when nothing
     changed, a stat per file, then goes alongside the rest).  The
     database's snapshot stays the one that counts: the copy is used
     only while its id is that one's (index_check_start), and a copy
     written over or cut short fails its hash.  */
  if (saved)
    write_copy (ix->path, b.data, b.len);
  buf_free (&b);
}

/* Problems reported from DIAGS's item FROM on name their files under
   REAL[i] (a directory's full name) as under GIVEN[i] (as the user
   named it).  */
static void
name_as_given (struct diags *diags, size_t from, const char *const *real,
               const char *const *given, size_t ndirs)
{
  for (size_t i = from; i < diags->count; i++)
    {
      char *f = diags->items[i].file;
      for (size_t k = 0; f && k < ndirs; k++)
        {
          size_t n = strlen (real[k]);
          if (strcmp (real[k], given[k]) != 0 && strncmp (f, real[k], n) == 0
              && (f[n] == '/' || f[n] == '\0'))
            {
              /* As util_path_join names the files: "c/" gives c/x.cb.  */
              size_t g = strlen (given[k]);
              while (g > 1 && given[k][g - 1] == '/')
                g--;
              diags->items[i].file = xasprintf ("%.*s%s", (int) g, given[k],
                                                f + n);
              free (f);
              break;
            }
        }
    }
}

static int sync_dirs (struct index *ix, const char *const *dirs,
                      size_t ndirs, struct diags *diags,
                      index_progress_fn progress, void *progress_ctx,
                      char **cause);

/* Put the database built in private (begin_private) in its place, and
   open it there.  Another casebook may have put one there meanwhile:
   that one stays, and is opened.  Returns 0 when IX's is in place, 1
   when another's is (or the built one could not be kept: it must be
   brought up to date as any other), -1 with *CAUSE when the database
   in place cannot be opened.  */
static int
publish (struct index *ix, char **cause)
{
  for (size_t i = 0; i < ix->nstmts; i++)
    sqlite3_finalize (ix->stmts[i].st);
  ix->nstmts = 0;
  /* A log from now on, as any other connection's: made here, while
     this one is the database's only connection, as the change needs.  */
  int ok = exec (ix->db, "PRAGMA journal_mode=WAL", NULL) == 0;
  /* Closed whatever happened (close_v2: at once, or when the last
     statement is done), so that the file removed below goes.  */
  ok = sqlite3_close_v2 (ix->db) == SQLITE_OK && ok;
  ix->db = NULL;
  /* On the disk before it has the name: after a crash, PATH holds the
     whole index or none.  link, unlike rename, never replaces another
     casebook's.  */
  ok = ok && fdatasync (ix->build_fd) == 0;
  int lock = ok ? build_lock (ix->final_path) : -1;
  int placed = ok && link (ix->path, ix->final_path) == 0;
#ifdef RENAME_NOREPLACE
  /* A file system without hard links (FAT) may still rename without
     replacing.  */
  if (ok && !placed && errno != EEXIST)
    placed = renameat2 (AT_FDCWD, ix->path, AT_FDCWD, ix->final_path,
                        RENAME_NOREPLACE) == 0;
#endif
  end_private (ix);
  /* What a builder killed meanwhile left.  */
  remove_stale_builds (ix->path);
  build_unlock (lock);
  if (open_db (ix, cause) != 1)
    {
      if (*cause == NULL)
        *cause = xstrdup (_("cannot open the search index"));
      return -1;
    }
  read_identity (ix);
  return placed ? 0 : 1;
}

int
index_sync (struct index *ix, const char *const *given, size_t ndirs,
            struct diags *diags, index_progress_fn progress,
            void *progress_ctx, char **cause)
{
  ix->stopped = 0;
  /* A check begun by index_check_start is replaced by this one.  */
  index_check_finish (ix);
  /* The index knows a file by its full name, however its directory was
     named this time (from another working directory, through a
     symbolic link): by the name as given, every file would look new
     and be indexed again.  */
  char **real = real_dirs (given, ndirs);
  size_t from = diags->count;
  int rc = sync_dirs (ix, (const char *const *) real, ndirs, diags,
                      progress, progress_ctx, cause);
  name_as_given (diags, from, (const char *const *) real, given, ndirs);
  strv_free (real, ndirs);
  return rc;
}

static int
sync_dirs (struct index *ix, const char *const *dirs, size_t ndirs,
           struct diags *diags, index_progress_fn progress,
           void *progress_ctx, char **cause)
{
  *cause = NULL;
  sqlite3 *db = ix->db;
  /* The common case, nothing changed, costs a stat per file and a read
     of the snapshot.  */
  if (ix->path)
    {
      pages_for_search (ix);
      /* (Not when the user's library became another's to write: its
         collections, indexed before, go.)  */
      if (snapshot_says_fresh (ix, dirs, ndirs)
          && !library_refused (dirs, ndirs))
        return 0;
      pages_for_build (ix);
    }
  int64_t started = (int64_t) time (NULL);
  size_t diags_at_start = diags->count;
  struct content_files cf;
  list_dirs (dirs, ndirs, &cf, diags);
  int64_t now = (int64_t) time (NULL);
  size_t diags_before = diags->count;
  int need_write = 0;
  /* First a pass that only reads: the common case, where nothing
     changed, takes no lock.  */
  int rc = sync_pass (ix, &cf, 0, diags, NULL, NULL, &need_write);
  if (rc == 0 && need_write)
    {
      /* Again inside one write transaction, so that two processes never
         index the same file twice and a reader never sees half an
         update; what the read pass reported it reports again.  */
      diags_truncate (diags, diags_before);
      /* Another casebook may be indexing the same content: wait for it,
         saying so (what it wrote is then not written again), rather
         than fail.  */
      sqlite3_busy_timeout (db, 0);
      int began = exec (db, "BEGIN IMMEDIATE", cause);
      /* In slices, asking PROGRESS between them whether to go on: a
         reader's Ctrl-C must not wait minutes for the other casebook.  */
      for (int waited = 0; began != 0 && waited < WRITER_WAIT_MS
             && sqlite3_errcode (db) == SQLITE_BUSY;
           waited += WRITER_SLICE_MS)
        {
          free (*cause);
          *cause = NULL;
          if (progress && progress (progress_ctx, 0, INDEX_WAITING) != 0)
            {
              *cause = xstrdup (_("interrupted"));
              break;
            }
          sqlite3_busy_timeout (db, WRITER_SLICE_MS);
          began = exec (db, "BEGIN IMMEDIATE", cause);
        }
      sqlite3_busy_timeout (db, BUSY_WAIT_MS);
      if (began != 0)
        {
          content_files_free (&cf);
          return -1;
        }
      /* A file with errors is read again every time and written
         nowhere: only a pass that changed rows is an update of the
         content (a browser searches again after one).  */
      int changes = sqlite3_total_changes (db);
      rc = sync_pass (ix, &cf, 1, diags, progress, progress_ctx,
                      &need_write);
      int updated = sqlite3_total_changes (db) != changes;
      if (rc == 0)
        {
          char *sql = xasprintf ("UPDATE meta SET value=%lld WHERE "
                                 "key='checked'; COMMIT", (long long) now);
          rc = exec (db, sql, cause);
          free (sql);
          /* The update is in the write-ahead log until a checkpoint
             copies it into the database, which needs room as well: one
             that fails there would leave the log, and the disk full,
             behind every later search.  (The last connection to close
             would try again, and say nothing.)  */
          if (rc == 0 && updated && ix->path
              && sqlite3_wal_checkpoint_v2 (db, NULL,
                                            SQLITE_CHECKPOINT_PASSIVE, NULL,
                                            NULL) == SQLITE_FULL)
            {
              *cause = xstrdup (sqlite3_errstr (SQLITE_FULL));
              rc = -1;
            }
          ix->updates += rc == 0 && updated;
          if (rc == 0 && updated && ix->path && ix->final_path == NULL)
            remove_stale_builds (ix->path);
        }
      if (rc != 0)
        {
          if (*cause == NULL)
            *cause = xstrdup (ix->stopped ? _("interrupted")
                              : sqlite3_errmsg (db));
          ix->full = sqlite3_errcode (db) == SQLITE_FULL
            || strstr (*cause, sqlite3_errstr (SQLITE_FULL)) != NULL;
          exec (db, "ROLLBACK", NULL);
        }
    }
  else if (rc == 0 && meta_int (db, "checked") + 2 * TIME_SLACK_SECONDS < now)
    {
      /* Nothing changed: remember when that was seen, so that later
         checks need not hash files whose times are close to the old
         check.  Harmless if it fails (a read-only cache).  */
      char *sql = xasprintf ("UPDATE meta SET value=%lld WHERE "
                             "key='checked'", (long long) now);
      /* Nor worth waiting for another casebook's write lock.  */
      sqlite3_busy_timeout (db, 0);
      exec (db, sql, NULL);
      sqlite3_busy_timeout (db, BUSY_WAIT_MS);
      free (sql);
    }
  else if (rc != 0)
    *cause = xstrdup (sqlite3_errmsg (db));
  if (rc == 0 && ix->final_path)
    {
      rc = publish (ix, cause);
      db = ix->db;
      if (rc == 1)
        {
          /* Another's is in place: bring that one up to date, as if
             this had never been built.  */
          diags_truncate (diags, diags_at_start);
          content_files_free (&cf);
          return sync_dirs (ix, dirs, ndirs, diags, progress, progress_ctx,
                            cause);
        }
    }
  /* Content with problems is checked in full every time, so that they
     are reported every time.  */
  if (rc == 0 && ix->path && diags->count == diags_at_start)
    {
      /* A search that found nothing to write does not wait for
         another casebook's write lock to save it: the next one will.  */
      sqlite3_busy_timeout (db, 0);
      snapshot_save (ix, dirs, ndirs, &cf, started);
      sqlite3_busy_timeout (db, BUSY_WAIT_MS);
    }
  content_files_free (&cf);
  if (rc == 0)
    count_docs (ix);
  else if (!ix->damaged)
    {
      /* The update failed on a malformed page (its message says so,
         whatever a rollback left as the connection's last error).  */
      note_damage (ix);
      if (*cause && (strstr (*cause, sqlite3_errstr (SQLITE_CORRUPT))
                     || strstr (*cause, sqlite3_errstr (SQLITE_NOTADB))))
        ix->damaged = 1;
    }
  return rc == 0 ? pages_for_search (ix) : rc;
}
