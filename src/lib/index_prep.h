/* index_prep.h -- document files made ready for the index away from
   the database: read, hashed, parsed, their columns built and their
   texts analysed.  While an index is built, a second thread prepares
   the next documents as the first writes one to SQLite, so that the
   analysis (half the work) runs on another processor.  Internal to the
   library (index.c).  */

#ifndef CASEBOOK_INDEX_PREP_H
#define CASEBOOK_INDEX_PREP_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "analyze.h"
#include "index_columns.h"
#include "model.h"
#include "util.h"

/* A units record in heads.units: part, origin, section, block, start,
   length, first token (index_units_decode), each a little-endian u32.  */
#define UNIT_RECORD 28

/* The texts of a document by index column, units joined by
   ANALYZE_BARRIER, and each column's unit records.  */
struct doc_columns
{
  struct buf text[COL_COUNT];
  struct buf units[COL_COUNT];
  uint32_t nunits[COL_COUNT];
  struct buf order;             /* the column of each unit's text, a byte
                                   each, as document_walk gave them */
};

/* Fill DC (zeroed first) from DOC.  Free with doc_columns_free.  */
void doc_columns_build (const struct document *doc, struct doc_columns *dc);
void doc_columns_free (struct doc_columns *dc);

/* What the check of one file found.  */
struct file_state
{
  struct stat st;
  uint64_t hash;
  int have_hash;
};

/* One document file, prepared.  */
struct prepared
{
  const char *path;             /* borrowed from prep_start's PATHS */
  int stat_errno;               /* stat failed with it (nothing else done) */
  struct file_state fs;
  int read;                     /* the bytes were read (else DIAGS says
                                   why) */
  int parsed;                   /* DOC holds the document */
  struct document doc;
  struct doc_columns dc;
  struct buf tokens[COL_COUNT]; /* each column's tokens as ANALYZE_INDEX
                                   gives them, for prep_replay */
  struct buf terms;             /* its terms for related (termvec.h) */
  struct buf added;             /* the terms that are new to the
                                   vocabulary (termvec_added_next) */
  struct diags diags;           /* what reading and parsing found */
};

/* Replay the tokens recorded in TOKENS to FN, as analyze_text would
   call it on the text they came from.  Returns 0, or what FN returned
   to stop.  */
int prep_replay (const struct buf *tokens, analyze_token_fn fn, void *ctx);
/* The same from byte *AT of TOKENS (0: the first token), stopping when
   FN returns nonzero; *AT is then past the token that stopped it, or at
   the end.  */
int prep_replay_from (const struct buf *tokens, size_t *at,
                      analyze_token_fn fn, void *ctx);

struct prep_queue;

struct termvec_vocab;

/* Prepare the N files PATHS (borrowed until prep_stop) in order, in a
   second thread when one can be started (else each when taken), their
   terms numbered in VOCAB and, unless PAIRS is NULL, the pairs of
   neighbouring tokens of their columns noted in PAIRS (pairs.h; the
   queue uses both until prep_stop).  */
struct pairs;
struct prep_queue *prep_start (char *const *paths, size_t n,
                               struct termvec_vocab *vocab,
                               struct pairs *pairs);
/* File I, once ready (I taken in order, 0 first).  Valid until
   prep_done (Q, I).  */
struct prepared *prep_take (struct prep_queue *q, size_t i);
void prep_done (struct prep_queue *q, size_t i);
/* Stop preparing (the rest is not wanted), wait for the thread and free
   everything.  */
void prep_stop (struct prep_queue *q);

#endif /* CASEBOOK_INDEX_PREP_H */
