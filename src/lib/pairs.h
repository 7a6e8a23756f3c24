/* pairs.h -- which two tokens stand next to each other anywhere in the
   index: a Bloom filter of the pairs of neighbouring token positions of
   every column of every document.  It can say that a phrase occurs
   nowhere (a pair of its neighbouring tokens was never seen) without
   FTS5 looking for it, which for a phrase of common words ("circuit
   procuratorial inspection", a glossary rendering no document has)
   means reading their positions in every document that has them all.
   It never says "nowhere" of a phrase that occurs: a pair seen sets its
   bits, and nothing clears them (a document removed leaves its pairs,
   which only makes the filter answer "maybe" more often).  */

#ifndef CASEBOOK_PAIRS_H
#define CASEBOOK_PAIRS_H

#include <stddef.h>
#include <stdint.h>

/* The filter is kept in chunks of this many bytes (rows of the index's
   pairs table), a power of two.  */
#define PAIRS_CHUNK_BYTES 4096

struct pairs
{
  unsigned char *bits;
  uint64_t nbits;               /* a power of two, at least a chunk's */
  unsigned char *dirty;         /* per chunk: a bit set since made */
  int broken;                   /* a pair was missed: not to be used */
};

/* The hash of a token (LEN bytes at TOK), as both sides take it.  */
uint64_t pairs_token (const char *tok, size_t len);

/* Where the pair of tokens A then B is noted: three bits (MASK) of one
   64-bit word (*WORD, below NBITS / 64), so that noting or asking costs
   one read of memory rather than three (a blocked Bloom filter: an
   index is built from tens of millions of pairs).  The word is stored
   little-endian.  */
void pairs_slot (uint64_t a, uint64_t b, uint64_t nbits, uint64_t *word,
                 uint64_t *mask);

/* Make P empty with NBITS bits (rounded up to a power of two and to a
   whole chunk).  Free with pairs_free.  */
void pairs_init (struct pairs *p, uint64_t nbits);
void pairs_free (struct pairs *p);

/* The 64-bit word stored at AT (8 bytes, little-endian).  */
uint64_t pairs_word (const unsigned char *at);

/* Noting the pairs of a text's tokens as the analysis gives them, in
   order (analyze_token_fn's COLOCATED: the same position as the token
   before).  FTS5 finds a phrase "A B" where B stands at the position
   after A's, either being colocated or not: each token is noted after
   every token of the position before.  Begin again for each column.  */
#define PAIRS_AT_ONCE 4
#define PAIRS_PENDING 16
struct pairs_walk
{
  struct pairs *p;
  uint64_t before[PAIRS_AT_ONCE], here[PAIRS_AT_ONCE];
  int nbefore, nhere;
  /* Words of the filter asked for ahead (each a cache miss in a filter
     of megabytes), set once PAIRS_PENDING are waiting.  */
  uint64_t word[PAIRS_PENDING], mask[PAIRS_PENDING];
  int npending;
};
void pairs_walk_begin (struct pairs_walk *w, struct pairs *p);
/* An analyze_token_fn, CTX a struct pairs_walk.  More than
   PAIRS_AT_ONCE tokens at one position break the filter (the analysis
   puts two there at most).  */
int pairs_walk_token (void *ctx, int colocated, const char *tok, size_t len,
                      size_t start, size_t end);
/* Set what W has still pending; its text is done.  */
void pairs_walk_end (struct pairs_walk *w);

/* A filter's size for an index of NDOCS documents: 16 KB a document,
   in 64 KB to 8 MB.  */
uint64_t pairs_size_for (size_t ndocs);

#endif /* CASEBOOK_PAIRS_H */
