/* engine.c -- the search façade (see engine.h): opening the index over a
   set of content directories (and keeping it current), and the second
   connections that other threads read it through.

   A query becomes one FTS5 expression (engine_compile.c): every
   alternative of every concept, quoted phrase and tag is a phrase of
   it, OR'd together (quoted phrases and tags are checked as required
   afterwards), with NOT for excluded words and a column filter for
   lang:.  For each matching document the auxiliary function cb_inst
   returns where each phrase stands (token positions, engine_inst.c);
   the engine merges overlapping instances into hits, counts the
   concepts a document matches, and ranks (engine_search.c).  Hits are
   turned into byte offsets only for documents whose passages are shown,
   by reading the paragraphs that hold them (engine_texts.c) and
   analysing them again as the tokenizer did (engine_hits.c,
   engine_ahead.c).  Regexes run with PCRE2 over the paragraphs where
   FTS5 found one of the literals that every match holds
   (query_regex_literals), or over every text when a regex has none
   (engine_regex.c).  Corrections are in engine_suggest.c.  */

#include <config.h>

#include "engine_priv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cachesweep.h"
#include "content.h"
#include "i18n.h"
#include "norm.h"
#include "prefs.h"
#include "segment.h"

/* Opening.  */

/* Where the index of CONTENT_DIR lives, if the cache directory can be
   used: NULL with *NOTE (caller frees) when not.  Caller frees.  */
static char *
index_path (const char *const *dirs, size_t ndirs, char **note)
{
  char *cache = prefs_cache_dir ();
  if (cache == NULL)
    {
      /* Without a word, every search would build the index again, in
         seconds for a large library, and nobody would know why.  */
      *note = xstrdup (_("no cache directory (neither XDG_CACHE_HOME nor "
                         "HOME names a full path): searching without a "
                         "saved index"));
      return NULL;
    }
  /* A cache directory that another user controls could plant a
     database (forged answers) or a symbolic link (a write elsewhere).  */
  const char *why = NULL;
  char *real = prefs_private_dir (cache, &why);
  if (real == NULL)
    {
      *note = xasprintf (_("not using the cache directory %s (%s): "
                           "searching without a saved index"), cache, why);
      free (cache);
      return NULL;
    }
  free (cache);
  cache = real;
  /* One index per set of directories, named by a hash of their full
     names.  */
  uint64_t h = 0;
  for (size_t i = 0; i < ndirs; i++)
    {
      char *abs = realpath (dirs[i], NULL);
      const char *key = abs ? abs : dirs[i];
      h = util_hash (h, key, strlen (key) + 1);
      free (abs);
    }
  char *path = xasprintf ("%s/index-%016llx.db", cache,
                          (unsigned long long) h);
  free (cache);
  return path;
}

/* A number that changes whenever the index does, by this connection or
   another, even for bookkeeping (SQLite's data version of the database
   file, as of the last read: a statement brings it up to date).
   Cheap: it is compared for every document whose hits are taken.  */
unsigned
engine_db_version (struct engine *e)
{
  unsigned v = 0;
  sqlite3_file_control (index_db (e->ix), "main", SQLITE_FCNTL_DATA_VERSION,
                        &v);
  return v;
}

struct generation
engine_generation (struct engine *e)
{
  struct generation g = {
    index_sql_int (index_db (e->ix), "PRAGMA data_version", -1),
    index_updates (e->ix)
  };
  return g;
}

int
engine_same_generation (struct generation a, struct generation b)
{
  return a.others == b.others && a.updates == b.updates;
}

static int open_index (struct engine *e, char *path, char **note,
                       char **cause);

/* Bring E's index up to date with its content, as engine_open
   describes; if the saved index (at E->index_path) fails, build one in
   memory instead, saying so in *NOTE.  Returns 0; 1 when the index is
   now that one in memory; -1 with *CAUSE set (and maybe *NOTE) when
   nothing can be searched, E->ix then being NULL or unusable; -1 with
   *CAUSE NULL and *NOTE saying why when E->saved_only forbids the one
   in memory.  */
static int
sync_or_fall_back (struct engine *e, struct diags *diags,
                   index_progress_fn progress, void *progress_ctx,
                   char **note, char **cause)
{
  const char *const *dirs = (const char *const *) e->dirs;
  char *sync_cause = NULL;
  size_t diags_before = diags->count;
  int synced = index_sync (e->ix, dirs, e->ndirs, diags, progress,
                           progress_ctx, &sync_cause);
  if (synced == 0 && (!index_found_damaged (e->ix) || e->index_path == NULL))
    return 0;
  if (sync_cause == NULL)
    sync_cause = xstrdup (sqlite3_errstr (SQLITE_CORRUPT));
  if (e->index_path && index_found_damaged (e->ix) && !e->damage_rebuilt)
    {
      /* A malformed page, met while updating or counting: the saved
         index is removed and built again in its place, once, with one
         line.  Built in memory instead, as for an index that cannot be
         written, it would be built so by every search after, and the
         damaged one kept.  */
      e->damage_rebuilt = 1;
      free (sync_cause);
      diags_truncate (diags, diags_before);
      index_close (e->ix);
      e->ix = NULL;
      index_remove (e->index_path);
      free (*note);
      *note = xasprintf (_("the search index %s was damaged; rebuilding it"),
                         e->index_path);
      char *path = e->index_path;
      e->index_path = NULL;
      atomic_store (&e->damaged, 0);
      if (open_index (e, path, note, cause) != 0)
        return -1;
      return sync_or_fall_back (e, diags, progress, progress_ctx, note,
                                cause);
    }
  if (e->index_path == NULL)
    {
      *cause = sync_cause;
      return -1;
    }
  /* A damaged or unwritable database: build the index in memory.
     SQLite names what failed, not why ("attempt to write a readonly
     database"): a file the user cannot write says why.  */
  char *trouble = index_file_trouble (e->index_path);
  if (trouble)
    {
      free (sync_cause);
      sync_cause = trouble;
    }
  char *n = xasprintf (_("cannot update the search index %s (%s): "
                         "searching without it"), e->index_path, sync_cause);
  free (*note);
  *note = n;
  free (sync_cause);
  sync_cause = NULL;
  if (e->saved_only)
    return -1;
  free (e->index_path);
  e->index_path = NULL;
  index_close (e->ix);
  /* A new index: what was found damaged is gone.  */
  atomic_store (&e->damaged, 0);
  char *open_note = NULL;
  e->ix = index_open (NULL, &open_note, cause);
  free (open_note);
  /* The content's diagnostics are those of this build, which reads every
     file: the failed update may have read only some before it stopped
     (none, when it could not write at all), and a document with an
     error would be left out without a word.  */
  diags_truncate (diags, diags_before);
  int rc = 1;
  if (e->ix == NULL
      || index_sync (e->ix, dirs, e->ndirs, diags, progress, progress_ctx,
                     &sync_cause) != 0)
    {
      if (*cause == NULL)
        *cause = sync_cause ? sync_cause : xstrdup ("?");
      else
        free (sync_cause);
      rc = -1;
    }
  return rc;
}

/* Open E's index at PATH (taken; NULL: in memory) as E->ix and
   E->index_path.  One saved there that cannot be opened (a read-only
   cache, say) gives way to one in memory, which answers the same,
   *NOTE saying so (unless E->saved_only: then -1, *CAUSE NULL); a note
   of index_open's (a damaged one removed) replaces *NOTE.  Returns 0,
   or -1 with *CAUSE.  */
static int
open_index (struct engine *e, char *path, char **note, char **cause)
{
  char *open_note = NULL;
  e->ix = index_open (path, &open_note, cause);
  if (e->ix == NULL && path)
    {
      char *n = xasprintf (_("cannot use the search index %s (%s): "
                             "searching without it"), path, *cause);
      free (*cause);
      *cause = NULL;
      free (*note);
      *note = n;
      free (path);
      path = NULL;
      free (open_note);
      if (e->saved_only)
        return -1;
      /* What the first attempt said (a damaged index removed) is
         said again, by this note, in other words.  */
      open_note = NULL;
      e->ix = index_open (NULL, &open_note, cause);
    }
  if (open_note)
    {
      free (*note);
      *note = open_note;
    }
  /* Used: kept by the sweep of the cache a new index makes.  */
  if (e->ix && path)
    cachesweep_mark_path (path, (int64_t) time (NULL));
  e->index_path = path;
  return e->ix ? 0 : -1;
}

char *
engine_db_error (struct engine *e, sqlite3 *db)
{
  int code = sqlite3_errcode (db) & 0xff;
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
    engine_note_damage (e);
  return xstrdup (sqlite3_errmsg (db));
}

void
engine_note_damage (struct engine *e)
{
  if (e->damage)
    atomic_store (e->damage, 1);
}

int
engine_damaged (const struct engine *e)
{
  return atomic_load (&e->damaged);
}

int
engine_rebuild (struct engine *e, struct diags *diags,
                index_progress_fn progress, void *progress_ctx, char **note,
                char **cause)
{
  *note = NULL;
  *cause = NULL;
  if (e->index_path == NULL || e->unusable)
    {
      *cause = xstrdup (e->unusable ? e->unusable
                        : _("the search index is damaged"));
      return -1;
    }
  engine_texts_release (e);
  sqlite3_finalize (e->units_st);
  e->units_st = NULL;
  index_close (e->ix);
  index_remove (e->index_path);
  *note = xasprintf (_("the search index %s was damaged; rebuilding it"),
                     e->index_path);
  char *path = e->index_path;
  e->index_path = NULL;
  e->check_pending = 0;
  int rc = 0;
  if (open_index (e, path, note, cause) != 0
      || sync_or_fall_back (e, diags, progress, progress_ctx, note, cause) < 0)
    rc = -1;
  if (rc != 0)
    {
      if (*cause == NULL)
        *cause = xstrdup (_("the search index is damaged"));
      e->unusable = xstrdup (*cause);
      return -1;
    }
  atomic_store (&e->damaged, 0);
  e->saved = index_saved (e->ix);
  e->seen = engine_generation (e);
  return 0;
}

struct engine *
engine_open (const struct engine_options *o, struct diags *diags,
             char **note, char **cause)
{
  *note = NULL;
  *cause = NULL;
  struct engine *e = xcalloc (1, sizeof *e);
  e->split_after_ns = SPLIT_AFTER_NS;
  e->damage = &e->damaged;
  const char *one[1] = { o->content_dir };
  const char *const *dirs = o->ndirs ? o->content_dirs : one;
  size_t ndirs = o->ndirs ? o->ndirs : 1;
  e->content_dir = xstrdup (dirs[0]);
  e->dirs = xcalloc (ndirs, sizeof *e->dirs);
  for (size_t i = 0; i < ndirs; i++)
    e->dirs[i] = xstrdup (dirs[i]);
  e->ndirs = ndirs;
  char *path = o->in_memory ? NULL : index_path (dirs, ndirs, note);
  e->saved_only = o->saved_only && !o->in_memory;
  if (path == NULL && e->saved_only)
    {
      engine_close (e);
      return NULL;
    }
  /* Checking that nothing changed costs a stat per file, most of a
     search of a large library that finds little: begun at once from
     the copy of the index's snapshot, alongside the rest, when the
     caller settles afterwards.  */
  struct snapshot_check *early = o->check_alongside && path
    ? index_check_early (path, dirs, ndirs) : NULL;
  if (path)
    {
      /* Folding needs OpenCC only for characters never seen before.  */
      char *slash = strrchr (path, '/');
      char *t2s = xasprintf ("%.*s/t2s.bin", (int) (slash - path), path);
      norm_t2s_memory (t2s);
      free (t2s);
      e->t2s_memory = 1;
    }
  if (open_index (e, path, note, cause) != 0)
    {
      index_check_cancel (early);
      engine_close (e);
      return NULL;
    }
  path = e->index_path;
  int checking = 0;
  /* (An index found malformed as it opened is not searched while it
     is checked: sync_or_fall_back builds it again first.)  */
  if (o->check_alongside && path && *note == NULL
      && !index_found_damaged (e->ix))
    checking = index_check_start (e->ix, dirs, ndirs, early) == 0;
  else
    index_check_cancel (early);
  if (checking)
    e->check_pending = 1;
  else if (sync_or_fall_back (e, diags, o->progress, o->progress_ctx, note,
                              cause) < 0)
    {
      engine_close (e);
      return NULL;
    }
  e->saved_only = 0;
  e->saved = index_saved (e->ix);
  e->seen = engine_generation (e);
  /* A content "directory" that is none was said so already: its
     glossary is not looked for inside it as well.  */
  struct stat st;
  if (stat (dirs[0], &st) == 0 && S_ISDIR (st.st_mode))
    {
      char *gpath = util_path_join (dirs[0], CONTENT_GLOSSARY_FILE);
      content_read_glossary (gpath, &e->glossary, diags);
      free (gpath);
    }
  return e;
}

int
engine_settle (struct engine *e, struct diags *diags,
               index_progress_fn progress, void *progress_ctx, char **note,
               char **cause)
{
  *note = NULL;
  *cause = NULL;
  if (e->unusable)
    {
      *cause = xstrdup (e->unusable);
      return -1;
    }
  if (!e->check_pending)
    return 0;
  e->check_pending = 0;
  if (index_check_finish (e->ix))
    return 0;
  /* Something changed: bring the index up to date as engine_open would
     have.  Open blob handles hold a read transaction, and a statement
     would outlive an index replaced by one in memory.  */
  engine_texts_release (e);
  sqlite3_finalize (e->units_st);
  e->units_st = NULL;
  int rc = sync_or_fall_back (e, diags, progress, progress_ctx, note, cause);
  if (rc < 0)
    {
      e->unusable = xstrdup (*cause);
      return -1;
    }
  e->saved = index_saved (e->ix);
  struct generation g = engine_generation (e);
  int changed = rc == 1 || !engine_same_generation (g, e->seen);
  e->seen = g;
  return changed;
}

int
engine_settle_quietly (struct engine *e, char **cause)
{
  *cause = NULL;
  if (!e->check_pending && !e->unusable)
    return 0;
  struct diags scratch = { 0 };
  char *note;
  int rc = engine_settle (e, &scratch, NULL, NULL, &note, cause);
  diags_free (&scratch);
  free (note);
  if (rc >= 0)
    {
      free (*cause);
      *cause = NULL;
    }
  return rc < 0 ? -1 : 0;
}

int
engine_refresh (struct engine *e, struct diags *diags,
                index_progress_fn progress, void *progress_ctx, char **cause)
{
  *cause = NULL;
  /* index_sync checks again in full what a check begun alongside was
     looking at.  */
  e->check_pending = 0;
  /* An open blob handle holds a read transaction: an update would
     wait for it.  */
  engine_texts_release (e);
  if (index_sync (e->ix, (const char *const *) e->dirs, e->ndirs, diags,
                  progress, progress_ctx, cause) != 0)
    return -1;
  struct generation g = engine_generation (e);
  int changed = !engine_same_generation (g, e->seen);
  e->seen = g;
  return changed;
}

int
engine_several_collections (struct engine *e)
{
  char *cause;
  int usable = engine_settle_quietly (e, &cause) == 0;
  free (cause);
  if (!usable)
    return 0;
  /* The first and last collection by docs_number: two lookups in the
     index, whatever the size of the library.  */
  return (int) index_sql_int (index_db (e->ix),
                               "SELECT (SELECT coll FROM docs ORDER BY coll "
                               "LIMIT 1) IS NOT (SELECT coll FROM docs "
                               "ORDER BY coll DESC LIMIT 1)", 0);
}

void
engine_close (struct engine *e)
{
  free (engine_close_saying (e));
}

char *
engine_close_saying (struct engine *e)
{
  if (e == NULL)
    return NULL;
  if (e->t2s_memory)
    norm_t2s_memory_save ();    /* a cache: failing to write it is harmless */
  engine_texts_release (e);
  sqlite3_finalize (e->units_st);
  char *said = index_close_saying (e->ix);
  glossary_free (&e->glossary);
  for (size_t i = 0; i < e->ngkeys && e->gkeys_block == NULL; i++)
    free (e->gkeys[i].key);
  free (e->gkeys_block);
  free (e->gkeys);
  for (size_t i = 0; i < e->ngfolds && e->gfolds_block == NULL; i++)
    free (e->gfolds[i].key);
  free (e->gfolds_block);
  free (e->gfolds);
  for (size_t i = 0; i < e->nukeys; i++)
    free (e->ukeys[i].key);
  free (e->ukeys);
  segmenter_free (e->seg);
  engine_vocab_forget (e);
  free (e->index_path);
  free (e->unusable);
  free (e->content_dir);
  strv_free (e->dirs, e->ndirs);
  free (e);
  return said;
}

/* Second connections.  */

/* Nanoseconds since *SINCE.  */
long long
engine_elapsed_ns (const struct timespec *since)
{
  struct timespec now;
  clock_gettime (CLOCK_MONOTONIC, &now);
  return (now.tv_sec - since->tv_sec) * 1000000000LL
    + (now.tv_nsec - since->tv_nsec);
}

static int
exec_sql (sqlite3 *db, const char *sql)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* Open R, a second connection to E's index for another thread, and
   begin its read.  Returns 0, or -1 with nothing open.  */
int
engine_open_reader (struct engine *r, struct engine *e)
{
  char *cause = NULL;
  r->ix = index_open_reader (e->ix, &cause);
  free (cause);
  r->damage = e->damage;
  if (r->ix == NULL)
    return -1;
  sqlite3 *db = index_db (r->ix);
  sqlite3_stmt *st = NULL;
  int began = exec_sql (db, "BEGIN") == 0
    && sqlite3_prepare_v2 (db, "SELECT count(*) FROM meta", -1, &st, NULL)
    == SQLITE_OK && sqlite3_step (st) == SQLITE_ROW;
  sqlite3_finalize (st);
  r->seen = engine_generation (r);
  if (began)
    return 0;
  index_close (r->ix);
  r->ix = NULL;
  return -1;
}

void
engine_close_reader (struct engine *r)
{
  engine_texts_release (r);
  sqlite3_finalize (r->units_st);
  exec_sql (index_db (r->ix), "ROLLBACK");
  index_close (r->ix);
  memset (r, 0, sizeof *r);
}
