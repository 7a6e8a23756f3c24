/* index_fts.h -- casebook's FTS5 tokenizer and auxiliary function,
   registered on a connection to the index.  Only index.c uses this:
   the engine sees the index through index.h.  */

#ifndef CASEBOOK_INDEX_FTS_H
#define CASEBOOK_INDEX_FTS_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "analyze.h"
#include "index_columns.h"
#include "util.h"

/* While a document is inserted, the tokenizer notes where each of its
   units begins in token positions (after each barrier), so that a hit
   can later be found by analysing its unit alone.  FTS5 tokenizes the
   columns of a new row in order, one call each: the Nth call is column
   N, which its length confirms.  */
struct index_fts_recorder
{
  size_t len[COL_COUNT];
  const struct buf *tokens;     /* each column's tokens, analysed in
                                   advance (index_prep.h), or NULL */
  int next;                     /* the column of the next call */
  uint32_t *starts[COL_COUNT];  /* token position of each unit */
  size_t nstarts[COL_COUNT];
  int seen[COL_COUNT];
  uint32_t ntokens[COL_COUNT];  /* each seen column's length in tokens,
                                   as FTS5 counts it */
};

/* What the tokenizers of a connection share: the analysis, and the
   recorder of the row being inserted.  */
struct index_fts_shared
{
  struct analyzer *analyzer;
  struct index_fts_recorder *rec;       /* NULL but while inserting */
};

/* Register on DB the tokenizer "casebook", which analyses with
   A->analyzer (and notes, while A->rec is set, where each unit of a
   row being inserted begins and how long each column is), and the
   function cb_inst(fts[, revised[, map]]): the instances of the
   query's phrases in a row, as a blob of int32 (0, where the row's
   length in tokens was: it is in the heads table; the table's rows,
   its average row length, and with REVISED true a bit per column of
   the revised English the row has (from COL_TITLE_REV), else 0; then
   per instance: phrase, column, token offset, phrase size; with
   REVISED given and false, none in the revised English), each phrase
   numbered as MAP (int32 by FTS5's number) says when it is given.
   A must outlive DB.  Returns 0, or -1 if this SQLite has no FTS5.  */
int index_fts_register (sqlite3 *db, struct index_fts_shared *a);

/* DB's FTS5 API (version 2 or later), or NULL.  */
fts5_api *index_fts_api (sqlite3 *db);

#endif /* CASEBOOK_INDEX_FTS_H */
