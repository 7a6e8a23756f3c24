/* test-index-kept.c -- what the index keeps beside FTS5 agrees with
   FTS5, for every document of the shipped cases and of the test
   fixture: the length in tokens kept with each document's head (for
   the ranking, which once asked FTS5 for it row by row) is what FTS5
   counted when the document was inserted; and the filter of
   neighbouring tokens (pairs.h) says "maybe" of every two tokens that
   stand together in a text, as FTS5 numbers their positions, while it
   says "nowhere" of most pairs that do not.  */

#include <config.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "index.h"
#include "index_fts.h"
#include "pairs.h"
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

/* Each pair of neighbouring tokens of a text, asked of the index: the
   tokens of the position before and of this one, as in pairs_walk.  */
struct asking
{
  struct index *ix;
  uint64_t before[PAIRS_AT_ONCE], here[PAIRS_AT_ONCE];
  int nbefore, nhere;
  size_t pairs, maybe;          /* asked in order, and said maybe */
  size_t reversed, nowhere;     /* asked back to front, and said nowhere */
};

static int
ask_pair (void *ctx, int colocated, const char *tok, size_t len,
          size_t start, size_t end)
{
  (void) start;
  (void) end;
  struct asking *k = ctx;
  uint64_t h = pairs_token (tok, len);
  if (!colocated)
    {
      memcpy (k->before, k->here, sizeof k->before);
      k->nbefore = k->nhere;
      k->nhere = 0;
    }
  for (int i = 0; i < k->nbefore; i++)
    {
      uint64_t pair[2] = { k->before[i], h }, back[2] = { h, k->before[i] };
      k->pairs++;
      k->maybe += index_phrase_may_occur (k->ix, pair, 2);
      if (k->before[i] != h)
        {
          k->reversed++;
          k->nowhere += !index_phrase_may_occur (k->ix, back, 2);
        }
    }
  if (k->nhere < PAIRS_AT_ONCE)
    k->here[k->nhere++] = h;
  return 0;
}

/* Ask IX of every pair of neighbouring tokens of its documents.  */
static void
check_pairs (const char *dir, struct index *ix, int believed)
{
  struct asking k = { .ix = ix };
  struct analyzer *a = analyzer_new ();
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (index_db (ix), "SELECT title_zh, title_en, kw_zh, "
                          "kw_en, body_zh, body_en, title_rev, kw_rev, "
                          "body_rev FROM docs", -1, &st, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (st) == SQLITE_ROW)
        for (int c = 0; c < 9; c++)
          {
            const char *text = (const char *) sqlite3_column_text (st, c);
            size_t len = (size_t) sqlite3_column_bytes (st, c);
            k.nbefore = k.nhere = 0;
            if (text && len)
              analyze_text (a, text, len, ANALYZE_INDEX, ask_pair, &k);
          }
      sqlite3_finalize (st);
    }
  analyzer_free (a);
  tap_ok (k.pairs > 0 && k.maybe == k.pairs, "%s: every pair of "
          "neighbouring tokens may occur (%zu of %zu)", dir, k.maybe,
          k.pairs);
  /* Most reversed pairs stand nowhere; some do, and some the filter
     cannot tell from others.  A filter not believed says "maybe" of
     all.  */
  if (believed)
    tap_ok (k.nowhere * 4 > k.reversed, "%s: of the same pairs back to "
            "front, %zu of %zu are said to occur nowhere", dir, k.nowhere,
            k.reversed);
  else
    tap_ok (k.nowhere == 0, "%s: and of none back to front is it said "
            "that it occurs nowhere (%zu)", dir, k.nowhere);
}

/* Add a paragraph with words found nowhere else to the first document
   file of DIR.  */
static int
append_paragraph (const char *dir)
{
  char *cmd = xasprintf ("f=$(ls '%s'/*.cb | grep -v collection.cb | head -1)"
                         " && printf '\\nzh: 补充的说明。\\nen: A wholly "
                         "unheard-of zyxwvut qrstuv.\\n' >> \"$f\"", dir);
  int rc = system (cmd);
  free (cmd);
  return rc;
}

static void
check (const char *dir, int edit)
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
  check_pairs (dir, ix, 1);
  if (edit)
    {
      /* Updated one document at a time: the filter is read, its new
         pairs noted and written.  */
      tap_ok (append_paragraph (dir) == 0
              && index_sync (ix, dirs, 1, &d, NULL, NULL, &cause) == 0,
              "%s: a document edited and indexed again", dir);
      check_pairs (dir, ix, 1);
      uint64_t new_pair[2] = { pairs_token ("zyxwvut", 7),
                               pairs_token ("qrstuv", 6) };
      tap_ok (index_phrase_may_occur (ix, new_pair, 2), "%s: the edit's "
              "new pair may occur", dir);
    }
out:
  diags_free (&d);
  free (note);
  free (cause);
  if (ix)
    index_close (ix);
}

/* The filter's size in bits as IX's meta says it.  */
static long long
filter_bits (struct index *ix)
{
  sqlite3_stmt *st;
  long long n = -1;
  if (sqlite3_prepare_v2 (index_db (ix), "SELECT value FROM meta WHERE "
                          "key='pairs'", -1, &st, NULL) == SQLITE_OK)
    {
      if (sqlite3_step (st) == SQLITE_ROW)
        n = sqlite3_column_int64 (st, 0);
      sqlite3_finalize (st);
    }
  return n;
}

/* A library that grows to many times the documents its filter was made
   for has it made again, larger, from every document (those it had
   read again, the new noted as they are written); a filter whose
   size or chunks are damaged is not believed, and made again by the
   next update.  */
static void
check_growth (const char *tmp)
{
  char *small = xasprintf ("%s/small", tmp), *big = xasprintf ("%s/big", tmp);
  char *cmd = xasprintf ("CASEBOOK_SHIPPED='%s/content' sh '%s/tests/bench/"
                         "mkcorpus' 2 '%s' >/dev/null && "
                         "CASEBOOK_SHIPPED='%s/content' sh '%s/tests/bench/"
                         "mkcorpus' 40 '%s' >/dev/null", ABS_SRCDIR,
                         ABS_SRCDIR, small, ABS_SRCDIR, ABS_SRCDIR, big);
  /* Words the copies that come later do not have: the filter made
     again must read the documents it had, not only note the new.  */
  int made = system (cmd) == 0 && append_paragraph (small) == 0;
  free (cmd);
  char *note = NULL, *cause = NULL;
  struct index *ix = made ? index_open (NULL, &note, &cause) : NULL;
  struct diags d = { 0 };
  const char *dirs[] = { small };
  long long before = -1, after = -1;
  if (ix && index_sync (ix, dirs, 1, &d, NULL, NULL, &cause) == 0)
    {
      before = filter_bits (ix);
      /* 38 documents more, written one at a time into the index.  */
      cmd = xasprintf ("for f in '%s'/000*.cb; do case $f in "
                       "*/00001.cb|*/00002.cb) ;; *) cp \"$f\" '%s'/;; "
                       "esac; done", big, small);
      if (system (cmd) == 0
          && index_sync (ix, dirs, 1, &d, NULL, NULL, &cause) == 0)
        after = filter_bits (ix);
      free (cmd);
    }
  tap_ok (before > 0 && after > 4 * before, "a library grown from 2 "
          "documents to 40 has its filter made again, larger (%lld bits, "
          "then %lld)", before, after);
  if (after > 0)
    check_pairs ("grown", ix, 1);
  if (ix)
    {
      /* A size no filter has: none is believed.  */
      sqlite3_exec (index_db (ix), "UPDATE meta SET value=1099511627776 "
                    "WHERE key='pairs'", NULL, NULL, NULL);
      check_pairs ("a size of 2^40 bits", ix, 0);
      int synced = append_paragraph (small) == 0
        && index_sync (ix, dirs, 1, &d, NULL, NULL, &cause) == 0;
      long long again = filter_bits (ix);
      tap_ok (synced && again == after, "and an update makes the filter "
              "again (%lld bits)", again);
      /* A chunk gone: what it held is not known, so not "nowhere".  */
      sqlite3_exec (index_db (ix), "DELETE FROM pairs WHERE chunk % 2 = 0",
                    NULL, NULL, NULL);
      check_pairs ("half the chunks gone", ix, 1);
      tap_ok (append_paragraph (small) == 0
              && index_sync (ix, dirs, 1, &d, NULL, NULL, &cause) == 0,
              "and another update");
      check_pairs ("made again after that", ix, 1);
      index_close (ix);
    }
  diags_free (&d);
  free (note);
  free (cause);
  free (small);
  free (big);
}

int
main (void)
{
  check (ABS_SRCDIR "/content", 0);
  char tmp[] = "/tmp/cbkept.XXXXXX";
  char *cmd = NULL;
  if (mkdtemp (tmp))
    {
      cmd = xasprintf ("cp -r '%s/tests/data/good' '%s/good'", ABS_SRCDIR,
                       tmp);
      if (system (cmd) == 0)
        {
          char *dir = xasprintf ("%s/good", tmp);
          check (dir, 1);
          free (dir);
        }
      free (cmd);
      check_growth (tmp);
      cmd = xasprintf ("rm -rf '%s'", tmp);
      if (system (cmd) != 0)
        printf ("# %s left\n", tmp);
      free (cmd);
    }
  return tap_done ();
}
