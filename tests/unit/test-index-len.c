/* test-index-len.c -- the length in tokens the index keeps with each
   document's head (for the ranking, which once asked FTS5 for it row
   by row) is, for every document of the shipped cases and of the test
   fixture, what FTS5 itself counted when the document was inserted.  */

#include <config.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "index.h"
#include "index_fts.h"
#include "tap.h"
#include "util.h"

/* fts_size(fts): FTS5's length of the row in tokens, all columns.  */
static void
fts_size (const Fts5ExtensionApi *api, Fts5Context *fc, sqlite3_context *ctx,
          int nargs, sqlite3_value **args)
{
  (void) nargs;
  (void) args;
  int n = -1;
  if (api->xColumnSize (fc, -1, &n) != SQLITE_OK)
    n = -1;
  sqlite3_result_int (ctx, n);
}

static int
register_size (sqlite3 *db)
{
  fts5_api *api = index_fts_api (db);
  return api && api->xCreateFunction (api, "fts_size", NULL, fts_size, NULL)
    == SQLITE_OK ? 0 : -1;
}

static void
check (const char *dir)
{
  char *note = NULL, *cause = NULL;
  struct index *ix = index_open (NULL, &note, &cause);
  struct diags d = { 0 };
  const char *dirs[] = { dir };
  int ok = ix && index_sync (ix, dirs, 1, &d, NULL, NULL, &cause) == 0;
  tap_ok (ok, "%s indexed (%s)", dir, cause ? cause : "no error");
  if (!ok || register_size (index_db (ix)) != 0)
    {
      tap_ok (0, "%s: FTS5's sizes can be asked", dir);
      goto out;
    }
  /* Each document's size as FTS5 gives it to a query that finds the
     document: its own title as a phrase (FTS5 gives 0 to a scan with
     no query).  */
  sqlite3 *db = index_db (ix);
  sqlite3_stmt *st, *one;
  size_t rows = 0, same = 0;
  if (sqlite3_prepare_v2 (db, "SELECT id, len, coalesce(nullif(title_zh, ''),"
                          " title_en) FROM heads", -1, &st, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db, "SELECT fts_size(fts) FROM fts WHERE fts "
                             "MATCH ? AND rowid = ?", -1, &one, NULL)
      != SQLITE_OK)
    {
      tap_ok (0, "%s: %s", dir, sqlite3_errmsg (db));
      goto out;
    }
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      rows++;
      const char *title = (const char *) sqlite3_column_text (st, 2);
      struct buf phrase = { 0 };
      buf_addc (&phrase, '"');
      for (const char *p = title ? title : ""; *p; p++)
        {
          if (*p == '"')
            buf_addc (&phrase, '"');
          buf_addc (&phrase, *p);
        }
      buf_addc (&phrase, '"');
      sqlite3_bind_text (one, 1, phrase.data, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (one, 2, sqlite3_column_int64 (st, 0));
      long long n = sqlite3_step (one) == SQLITE_ROW
        ? sqlite3_column_int64 (one, 0) : -1;
      sqlite3_reset (one);
      buf_free (&phrase);
      if (n == sqlite3_column_int64 (st, 1))
        same++;
      else
        printf ("# document %lld: kept %lld, FTS5 %lld\n",
                (long long) sqlite3_column_int64 (st, 0),
                (long long) sqlite3_column_int64 (st, 1), n);
    }
  sqlite3_finalize (st);
  sqlite3_finalize (one);
  tap_ok (rows > 0 && same == rows, "%s: every length kept is FTS5's "
          "(%zu of %zu)", dir, same, rows);
out:
  diags_free (&d);
  free (note);
  free (cause);
  if (ix)
    index_close (ix);
}

int
main (void)
{
  check (ABS_SRCDIR "/content");
  check (ABS_SRCDIR "/tests/data/good");
  return tap_done ();
}
