/* engine_terms.c -- each document's terms record from the index, for
   related.h (see engine.h, termvec.h).  */

#include <config.h>

#include "engine_priv.h"

#include <stdlib.h>

/* Terms numbered past this are taken for damage, not made room for.  */
#define MAX_TERM_ID (1u << 28)

struct engine_terms
{
  struct engine *e;
  sqlite3_stmt *st;
  int in_transaction;
  /* The vocabulary, read whole when first asked: term I's bytes at
     OFF[I] of WORDS, LEN[I] of them (SIZE_MAX: none).  */
  int vocab_read;
  struct buf words;
  size_t *off, *len;
  size_t nids, ids_alloc;
};

struct engine_terms *
engine_terms_begin (struct engine *e, char **cause)
{
  *cause = NULL;
  if (engine_settle_quietly (e, cause) != 0)
    return NULL;
  sqlite3 *db = index_db (e->ix);
  struct engine_terms *t = xcalloc (1, sizeof *t);
  t->e = e;
  /* A document at a time, by the index of (coll, number): the library
     asks in its own order, and none is copied.  */
  if (sqlite3_prepare_v2 (db, "SELECT h.path, t.rec FROM docs d"
                          " JOIN heads h ON h.id=d.id"
                          " JOIN terms t ON t.id=d.id"
                          " WHERE d.coll=? AND d.number=?", -1, &t->st,
                          NULL) != SQLITE_OK)
    {
      *cause = engine_db_error (e, db);
      free (t);
      return NULL;
    }
  /* One read of the index for all: the same documents throughout, and
     no lock taken again for each.  */
  t->in_transaction = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL)
    == SQLITE_OK;
  return t;
}

int
engine_terms_get (struct engine_terms *t, const char *collection,
                  long number, const char **path, const void **rec,
                  size_t *len)
{
  sqlite3_reset (t->st);
  sqlite3_bind_text (t->st, 1, collection, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (t->st, 2, number);
  int rc = sqlite3_step (t->st);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        free (engine_db_error (t->e, index_db (t->e->ix)));
      return 0;
    }
  *path = (const char *) sqlite3_column_text (t->st, 0);
  *rec = sqlite3_column_blob (t->st, 1);
  *len = (size_t) sqlite3_column_bytes (t->st, 1);
  if (*path == NULL)
    *path = "";
  if (*rec == NULL)
    *rec = "";
  return 1;
}

/* Read T's vocabulary whole: a term per term of the library, fewer
   rows than the records have terms by far.  The terms are numbered 1
   to their number (termvec.c): one numbered past it is damage, and is
   not made room for (a single row numbered 2^28 took 4 GB).  */
static void
read_vocab (struct engine_terms *t)
{
  t->vocab_read = 1;
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (index_db (t->e->ix), "SELECT id, term FROM words"
                          " WHERE id <= (SELECT count(*) FROM words)",
                          -1, &st, NULL) != SQLITE_OK)
    return;
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      sqlite3_int64 id = sqlite3_column_int64 (st, 0);
      if (id <= 0 || id >= MAX_TERM_ID)
        continue;
      size_t i = (size_t) id;
      if (i >= t->ids_alloc)
        {
          /* Only the room just made is marked empty: the rest was when
             it was made (all of it at each term was quadratic).  */
          size_t before = t->ids_alloc;
          t->off = xgrow (t->off, &t->ids_alloc, i + 1, sizeof *t->off);
          t->ids_alloc = before;
          t->len = xgrow (t->len, &t->ids_alloc, i + 1, sizeof *t->len);
          for (size_t k = before; k < t->ids_alloc; k++)
            t->len[k] = SIZE_MAX;
        }
      if (i >= t->nids)
        t->nids = i + 1;
      t->off[i] = t->words.len;
      t->len[i] = (size_t) sqlite3_column_bytes (st, 1);
      buf_add (&t->words, sqlite3_column_blob (st, 1), t->len[i]);
    }
  sqlite3_finalize (st);
}

int
engine_terms_word (struct engine_terms *t, uint32_t id, const char **term,
                   size_t *len)
{
  if (!t->vocab_read)
    read_vocab (t);
  if (id >= t->nids || t->len[id] == SIZE_MAX)
    return 0;
  *term = t->words.data + t->off[id];
  *len = t->len[id];
  return 1;
}

void
engine_terms_end (struct engine_terms *t)
{
  if (t == NULL)
    return;
  free (t->off);
  free (t->len);
  buf_free (&t->words);
  sqlite3_finalize (t->st);
  if (t->in_transaction)
    sqlite3_exec (index_db (t->e->ix), "COMMIT", NULL, NULL, NULL);
  free (t);
}
