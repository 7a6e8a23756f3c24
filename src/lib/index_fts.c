/* index_fts.c -- what the index adds to FTS5 (see index_fts.h): the
   tokenizer "casebook", which is casebook's analysis (analyze.h), and
   the auxiliary function cb_inst, which tells the engine where a
   query's phrases stand in a row.  */

#include <config.h>

#include "index_fts.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "index_prep.h"

struct tokenizer
{
  struct index_fts_shared *shared;
};

struct token_ctx
{
  void *fts_ctx;
  int (*x_token) (void *, int, const char *, int, int, int);
  struct index_fts_recorder *rec;
  int col;
  uint32_t pos;
  size_t taken;                 /* positions taken, with or without REC */
};

static int
pass_token (void *ctx, int colocated, const char *tok, size_t len,
            size_t start, size_t end)
{
  struct token_ctx *t = ctx;
  t->taken += !colocated;
  if (t->rec && !colocated)
    {
      if (len == 1 && tok[0] == ANALYZE_BARRIER)
        {
          size_t n = t->rec->nstarts[t->col];
          t->rec->starts[t->col] = xrealloc (t->rec->starts[t->col],
                                             (n + 1) * sizeof (uint32_t));
          t->rec->starts[t->col][n] = t->pos + 1;
          t->rec->nstarts[t->col] = n + 1;
        }
      t->pos++;
    }
  return t->x_token (t->fts_ctx, colocated ? FTS5_TOKEN_COLOCATED : 0, tok,
                     (int) len, (int) start, (int) end);
}

static int
tok_create (void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
  (void) argv;
  (void) argc;
  struct tokenizer *t = xcalloc (1, sizeof *t);
  t->shared = ctx;
  *out = (Fts5Tokenizer *) t;
  return SQLITE_OK;
}

static void
tok_delete (Fts5Tokenizer *t)
{
  free (t);
}

static int
tok_tokenize (Fts5Tokenizer *tk, void *ctx, int flags, const char *text,
              int len, int (*x_token) (void *, int, const char *, int, int,
                                       int))
{
  struct tokenizer *t = (struct tokenizer *) tk;
  struct index_fts_recorder *rec = t->shared->rec;
  int col = -1;
  if (rec && (flags & FTS5_TOKENIZE_DOCUMENT) && rec->next < COL_COUNT)
    {
      col = rec->next++;
      if (rec->len[col] != (size_t) (len > 0 ? len : 0))
        {
          rec->next = COL_COUNT;        /* not what was expected: stop */
          col = -1;
        }
    }
  if (len <= 0)
    {
      if (col >= 0)
        {
          rec->seen[col] = 1;
          rec->ntokens[col] = 0;
        }
      return SQLITE_OK;
    }
  /* Texts are checked when content is loaded and queries when they are
     parsed; a database that says otherwise is damaged.  What is being
     inserted (COL >= 0) was checked when it was loaded.  */
  if (col < 0 && u8_check ((const uint8_t *) text, (size_t) len) != NULL)
    return SQLITE_CORRUPT;
  struct token_ctx tc = { ctx, x_token, NULL, 0, 0, 0 };
  if (col >= 0)
    {
      rec->seen[col] = 1;
      tc.rec = rec;
      tc.col = col;
    }
  int rc;
  if (col >= 0 && rec->tokens)
    rc = prep_replay (&rec->tokens[col], pass_token, &tc);
  else
    rc = analyze_text (t->shared->analyzer, text, (size_t) len,
                       (flags & FTS5_TOKENIZE_QUERY) ? ANALYZE_QUERY
                       : ANALYZE_INDEX, pass_token, &tc);
  /* A text that makes no token (a revision that is a dash alone) still
     takes a position: FTS5's size of a column is how cb_inst tells a
     row that has a revised English from one that has none.  Decided by
     the text alone, so that its deletion gives FTS5 the same.  */
  static const char gap = ANALYZE_GAP;
  if (rc == 0 && (flags & FTS5_TOKENIZE_DOCUMENT) && tc.taken == 0)
    rc = pass_token (&tc, 0, &gap, 1, 0, 0);
  /* The positions taken are what FTS5 counts as the column's size
     (xColumnSize): every token but a colocated one.  */
  if (col >= 0)
    rec->ntokens[col] = tc.pos;
  return rc;
}

/* cb_inst(fts[, revised[, map]]): the instances of the phrases of the
   query in this row, as a blob of int32: first 0 (see index_fts.h),
   the table's rows and tokens (for length normalisation) and, when
   asked, which columns of the revised English it has, then a quadruple
   per instance (phrase, column, token offset, phrase size).  With
   REVISED given and false, the instances in the revised English are
   left out.  MAP, a blob of int32, gives the number to report for each
   phrase of the expression (-1 for one it does not cover).  The engine
   merges and counts them, ranks, and maps them to bytes.  */
static void
aux_inst (const Fts5ExtensionApi *api, Fts5Context *fc, sqlite3_context *ctx,
          int nargs, sqlite3_value **args)
{
  int n;
  int rc = api->xInstCount (fc, &n);
  /* Not the row's length: FTS5 reads it from its table of sizes for
     each row asked, a third of what this function cost at 8000
     documents.  The index keeps it with the row's head.  */
  int revised = nargs > 0 && sqlite3_value_int (args[0]) != 0;
  int hide_revised = nargs > 0 && !revised;
  /* FTS5's number of each phrase to the query's, when the expression
     left some of its phrases out (engine_search.c, narrow_matching).  */
  const unsigned char *map = NULL;
  int nmap = 0;
  if (nargs > 1 && sqlite3_value_type (args[1]) == SQLITE_BLOB)
    {
      map = sqlite3_value_blob (args[1]);
      nmap = sqlite3_value_bytes (args[1]) / (int) sizeof (int32_t);
    }
  /* The rows and their tokens are the same for every row of a query:
     asked once (FTS5 reads them from its index at each asking, a tenth
     of what a count costs), kept with the query.  */
  sqlite3_int64 *totals = api->xGetAuxdata (fc, 0);
  if (rc == SQLITE_OK && totals == NULL)
    {
      sqlite3_int64 rows, total;
      rc = api->xRowCount (fc, &rows);
      if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize (fc, -1, &total);
      if (rc == SQLITE_OK)
        {
          totals = sqlite3_malloc64 (2 * sizeof *totals);
          if (totals == NULL)
            rc = SQLITE_NOMEM;
          else
            {
              totals[0] = rows;
              totals[1] = total;
              /* (Freed by FTS5 at once when it cannot keep it.)  */
              rc = api->xSetAuxdata (fc, totals, sqlite3_free);
              if (rc != SQLITE_OK)
                totals = NULL;
            }
        }
    }
  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (ctx, rc);
      return;
    }
  sqlite3_int64 rows = totals[0], total = totals[1];
  int32_t *out = sqlite3_malloc64 ((sqlite3_uint64) (n + 1) * 16);
  if (out == NULL)
    {
      sqlite3_result_error_nomem (ctx);
      return;
    }
  out[0] = 0;
  out[1] = (int32_t) (rows > INT32_MAX ? INT32_MAX : rows);
  out[2] = (int32_t) (total / (rows > 0 ? rows : 1));
  /* Which columns of the revised English the row has (bit per
     column, from COL_TITLE_REV): a search in the revised English
     looks for the release's text those replaced only in such rows.  */
  out[3] = 0;
  for (int c = COL_TITLE_REV; revised && c <= COL_BODY_REV; c++)
    {
      int size = 0;
      if (api->xColumnSize (fc, c, &size) == SQLITE_OK && size > 0)
        out[3] |= 1 << (c - COL_TITLE_REV);
    }
  int k = 0;
  for (int i = 0; i < n; i++)
    {
      int phrase, col, off;
      rc = api->xInst (fc, i, &phrase, &col, &off);
      if (rc != SQLITE_OK)
        {
          sqlite3_free (out);
          sqlite3_result_error_code (ctx, rc);
          return;
        }
      if (hide_revised && col >= COL_TITLE_REV)
        continue;
      if (map)
        {
          int32_t to = -1;
          if (phrase >= 0 && phrase < nmap)
            memcpy (&to, map + (size_t) phrase * sizeof to, sizeof to);
          out[4 * k + 4] = to;
        }
      else
        out[4 * k + 4] = phrase;
      out[4 * k + 5] = col;
      out[4 * k + 6] = off;
      out[4 * k + 7] = api->xPhraseSize (fc, phrase);
      k++;
    }
  sqlite3_result_blob (ctx, out, (k + 1) * 16, sqlite3_free);
}

fts5_api *
index_fts_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (st, 1, (void *) &api, "fts5_api_ptr", NULL);
  sqlite3_step (st);
  sqlite3_finalize (st);
  return api && api->iVersion >= 2 ? api : NULL;
}

int
index_fts_register (sqlite3 *db, struct index_fts_shared *a)
{
  fts5_api *api = index_fts_api (db);
  if (api == NULL)
    return -1;
  fts5_tokenizer tok = { tok_create, tok_delete, tok_tokenize };
  if (api->xCreateTokenizer (api, "casebook", a, &tok, NULL) != SQLITE_OK)
    return -1;
  if (api->xCreateFunction (api, "cb_inst", NULL, aux_inst, NULL)
      != SQLITE_OK)
    return -1;
  return 0;
}
