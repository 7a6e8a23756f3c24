/* termvec.h -- a document's terms as related.h counts them, recorded
   when the index stores the document (index.c), so that related need
   not read and analyse every document of the library again.

   The terms are the tokens of the document's Chinese and English texts
   (the release's English, not the revised), unit by unit as
   document_walk gives them, Chinese before English, colocated tokens
   left out: each distinct term once, in the order it first comes, with
   how often it comes.  Stop words are kept (related asks whether the
   library holds one at all).  With them, the languages the document has
   text in and its keywords as written.  The same terms in the same
   order as related.c's own analysis: its ties and sums come out the
   same to the last bit.

   A term is recorded by its number in the index's vocabulary (the
   table words: each term once, numbered as it was first met), which
   makes the records a third of their size as strings, and relating
   documents a look-up in an array per term rather than a hash of it.  */

#ifndef CASEBOOK_TERMVEC_H
#define CASEBOOK_TERMVEC_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "util.h"

/* The vocabulary as an update of the index knows it: the terms the
   index has, and those added since.  Used by one thread at a time.  */
struct termvec_vocab;

/* An empty vocabulary.  Free with termvec_vocab_free.  */
struct termvec_vocab *termvec_vocab_new (void);
void termvec_vocab_free (struct termvec_vocab *v);
/* Add TERM (LEN bytes) to V as term ID, as the index has it.  */
void termvec_vocab_add (struct termvec_vocab *v, uint32_t id,
                        const char *term, size_t len);

/* Begin to append to OUT the record of DOC, its terms numbered in V:
   V's terms new to it are added to it, and to ADDED (for
   termvec_added_next), which the index must then store.  Then the
   tokens of DOC's units in order (termvec_token), then termvec_end.  */
void termvec_begin (struct termvec_vocab *v, const struct document *doc,
                    struct buf *out, struct buf *added);
/* The tokens that follow are of a unit whose text ends at byte END_OFF
   of its column's (index_prep.h).  */
void termvec_unit (struct termvec_vocab *v, size_t end_off);
/* An analyze_token_fn (CTX the vocabulary V begun) for the recorded
   tokens of one unit: counts each but the colocated ones and the
   barriers, and stops (1) at the barrier that ends the unit (at or past
   its END_OFF).  */
int termvec_token (void *ctx, int colocated, const char *tok, size_t len,
                   size_t start, size_t end);
/* End the record begun on V.  */
void termvec_end (struct termvec_vocab *v);

/* The next term of ADDED from byte *AT (0 first): its number and bytes
   (*LEN of them, inside ADDED).  Returns 1, or 0 at the end.  */
int termvec_added_next (const struct buf *added, size_t *at, uint32_t *id,
                        const char **term, size_t *len);

/* A record being read.  */
struct termvec
{
  unsigned char has_lang[LANG_COUNT];
  char **kw[LANG_COUNT];        /* the keywords as written (caller's once
                                   read: termvec_free frees what is left) */
  size_t nkw[LANG_COUNT];
  const unsigned char *at, *end;        /* the terms still to read */
};

/* Read the record REC (LEN bytes, which must outlive TV) into TV.
   Returns 0, or -1 when it is damaged: cut short, changed (it ends
   with a hash of itself) or unreadable (TV then holds nothing to
   free).  */
int termvec_read (const void *rec, size_t len, struct termvec *tv);

/* The next term of TV: its number in the vocabulary in *ID and how
   often it comes in *COUNT (1 to UINT32_MAX, as related counts).
   Returns 1, 0 when there is none left, -1 when the record is
   damaged.  */
int termvec_next (struct termvec *tv, uint32_t *id, size_t *count);

/* Free what TV still owns.  */
void termvec_free (struct termvec *tv);

#endif /* CASEBOOK_TERMVEC_H */
