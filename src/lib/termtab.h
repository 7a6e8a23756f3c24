/* termtab.h -- a table of terms (a few bytes each: the tokens of the
   analysis), numbered from 0 in the order they are added and found by
   their bytes in constant time.  Millions of tokens are looked up in one
   when the index records a library's terms (termvec.h) or related.h
   weighs them: a term of at most 7 bytes (a Chinese bigram, most English
   stems) is compared as a number kept in the table itself, with no look
   at its bytes.  Zero-initialise before use.  */

#ifndef CASEBOOK_TERMTAB_H
#define CASEBOOK_TERMTAB_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

struct termtab_slot;

struct termtab
{
  struct buf bytes;             /* every term's bytes, one after another */
  size_t *off, *len;            /* by number: where in BYTES */
  size_t n, alloc;
  struct termtab_slot *slots;   /* open addressing, at most 3/4 full */
  size_t nslots;                /* a power of two, or 0 */
};

/* The number of TERM (LEN bytes) in T, added if new (*ADDED then set,
   if ADDED is not NULL).  */
size_t termtab_add (struct termtab *t, const char *term, size_t len,
                    int *added);
/* The number of TERM (LEN bytes) in T, or SIZE_MAX when T has none.  */
size_t termtab_find (const struct termtab *t, const char *term, size_t len);
/* The bytes of term I of T (*LEN of them, not NUL-terminated), valid
   until the next termtab_add.  */
const char *termtab_term (const struct termtab *t, size_t i, size_t *len);
void termtab_free (struct termtab *t);

#endif /* CASEBOOK_TERMTAB_H */
