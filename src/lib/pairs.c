/* pairs.c -- the filter of neighbouring tokens (see pairs.h).  */

#include <config.h>

#include "pairs.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

uint64_t
pairs_token (const char *tok, size_t len)
{
  /* FNV-1a: tokens are a few bytes, and there is one for each of tens
     of millions of positions.  */
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < len; i++)
    h = (h ^ (unsigned char) tok[i]) * 0x100000001b3ULL;
  return h;
}

void
pairs_slot (uint64_t a, uint64_t b, uint64_t nbits, uint64_t *word,
            uint64_t *mask)
{
  /* Order matters: "a b" is not "b a".  */
  uint64_t h = (a ^ (b << 23 | b >> 41)) * 0x9e3779b97f4a7c15ULL;
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 32;
  *word = (h >> 18) & (nbits / 64 - 1);
  *mask = (uint64_t) 1 << (h & 63) | (uint64_t) 1 << (h >> 6 & 63)
    | (uint64_t) 1 << (h >> 12 & 63);
}

/* The word W of BITS (little-endian), and storing it.  */
static uint64_t
get_word (const unsigned char *bits, uint64_t w)
{
  uint64_t v;
  memcpy (&v, bits + w * 8, sizeof v);
#if defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap64 (v);
#endif
  return v;
}

static void
put_word (unsigned char *bits, uint64_t w, uint64_t v)
{
#if defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap64 (v);
#endif
  memcpy (bits + w * 8, &v, sizeof v);
}

/* Set the bits MASK of word W of P.  */
static void
set_word (struct pairs *p, uint64_t w, uint64_t m)
{
  uint64_t v = get_word (p->bits, w);
  if ((v & m) == m)
    return;
  put_word (p->bits, w, v | m);
  p->dirty[w * 8 / PAIRS_CHUNK_BYTES] = 1;
}

void
pairs_init (struct pairs *p, uint64_t nbits)
{
  uint64_t n = (uint64_t) PAIRS_CHUNK_BYTES * 8;
  while (n < nbits)
    n <<= 1;
  p->nbits = n;
  p->bits = xcalloc ((size_t) (n / 8), 1);
  p->dirty = xcalloc ((size_t) (n / 8 / PAIRS_CHUNK_BYTES), 1);
  p->broken = 0;
}

void
pairs_free (struct pairs *p)
{
  free (p->bits);
  free (p->dirty);
  memset (p, 0, sizeof *p);
}

uint64_t
pairs_word (const unsigned char *at)
{
  return get_word (at, 0);
}

uint64_t
pairs_size_for (size_t ndocs)
{
  uint64_t bytes = (uint64_t) ndocs * 16384;
  if (bytes < 65536)
    bytes = 65536;
  if (bytes > 8u << 20)
    bytes = 8u << 20;
  return bytes * 8;
}

void
pairs_walk_begin (struct pairs_walk *w, struct pairs *p)
{
  memset (w, 0, sizeof *w);
  w->p = p;
}

int
pairs_walk_token (void *ctx, int colocated, const char *tok, size_t len,
                  size_t start, size_t end)
{
  (void) start;
  (void) end;
  struct pairs_walk *w = ctx;
  uint64_t h = pairs_token (tok, len);
  if (!colocated)
    {
      memcpy (w->before, w->here, sizeof w->before);
      w->nbefore = w->nhere;
      w->nhere = 0;
    }
  for (int i = 0; i < w->nbefore; i++)
    {
      if (w->npending == PAIRS_PENDING)
        pairs_walk_end (w);
      uint64_t *word = &w->word[w->npending];
      pairs_slot (w->before[i], h, w->p->nbits, word, &w->mask[w->npending]);
      __builtin_prefetch (w->p->bits + *word * 8, 1);
      w->npending++;
    }
  if (w->nhere < PAIRS_AT_ONCE)
    w->here[w->nhere++] = h;
  else
    w->p->broken = 1;
  return 0;
}

void
pairs_walk_end (struct pairs_walk *w)
{
  for (int i = 0; i < w->npending; i++)
    set_word (w->p, w->word[i], w->mask[i]);
  w->npending = 0;
}
