/* termtab.c -- a table of terms by their bytes (see termtab.h).  */

#include <config.h>
#include "termtab.h"

#include <stdlib.h>
#include <string.h>

/* The longest term compared by its key alone.  */
#define SHORT_KEY 7

/* A slot: the term's number + 1 (0: empty), its hash and its short key
   (0 for a longer term), compared before its bytes.  */
struct termtab_slot
{
  uint64_t key;
  uint32_t at1;
  uint32_t hash;
};

/* A term being looked up.  */
struct lookup
{
  const char *s;
  size_t len;
  uint64_t key;
  uint32_t hash;
};

/* Term S (LEN bytes) as a number: its bytes and its length, when it has
   at most SHORT_KEY bytes; 0 for a longer one.  */
static uint64_t
short_key (const char *s, size_t len)
{
  if (len > SHORT_KEY)
    return 0;
  const unsigned char *p = (const unsigned char *) s;
  uint64_t w = (uint64_t) len << 56;
  for (size_t i = 0; i < len; i++)
    w |= (uint64_t) p[i] << (8 * i);
  return w;
}

/* A hash of term S (LEN bytes, short key KEY): cheaper than util_hash
   on such short keys, for every token of a library.  */
static uint32_t
term_hash (uint64_t key, const char *s, size_t len)
{
  if (key)
    {
      key ^= key >> 33;
      key *= 0xff51afd7ed558ccdu;
      key ^= key >> 33;
      return (uint32_t) key;
    }
  uint64_t h = 0x9e3779b97f4a7c15u ^ (uint64_t) len;
  const unsigned char *p = (const unsigned char *) s;
  for (; len >= 8; p += 8, len -= 8)
    {
      uint64_t w;
      memcpy (&w, p, sizeof w);
      h = (h ^ w) * 0xff51afd7ed558ccdu;
      h ^= h >> 29;
    }
  uint64_t w = 0;
  for (size_t i = 0; i < len; i++)
    w |= (uint64_t) p[i] << (8 * i);
  h = (h ^ w) * 0xc4ceb9fe1a85ec53u;
  return (uint32_t) (h >> 32);
}

static struct lookup
lookup_of (const char *s, size_t len)
{
  uint64_t key = short_key (s, len);
  return (struct lookup) { s, len, key, term_hash (key, s, len) };
}

/* The slot of term K in T: the one that holds it, or the empty one
   where it goes.  T has slots.  */
static size_t
slot_of (const struct termtab *t, const struct lookup *k)
{
  size_t mask = t->nslots - 1;
  size_t s = k->hash & mask;
  for (; t->slots[s].at1; s = (s + 1) & mask)
    {
      const struct termtab_slot *at = &t->slots[s];
      if (at->hash != k->hash || at->key != k->key)
        continue;
      if (k->key)
        break;
      size_t i = at->at1 - 1;
      if (t->len[i] == k->len
          && memcmp (t->bytes.data + t->off[i], k->s, k->len) == 0)
        break;
    }
  return s;
}

static void
grow (struct termtab *t)
{
  size_t n = t->nslots ? 2 * t->nslots : 4096;
  struct termtab_slot *old = t->slots;
  size_t nold = t->nslots;
  t->slots = xcalloc (n, sizeof *t->slots);
  t->nslots = n;
  for (size_t i = 0; i < nold; i++)
    if (old[i].at1)
      {
        size_t s = old[i].hash & (n - 1);
        while (t->slots[s].at1)
          s = (s + 1) & (n - 1);
        t->slots[s] = old[i];
      }
  free (old);
}

size_t
termtab_add (struct termtab *t, const char *term, size_t len, int *added)
{
  if (added)
    *added = 0;
  if (4 * (t->n + 1) > 3 * t->nslots)
    grow (t);
  struct lookup k = lookup_of (term, len);
  struct termtab_slot *at = &t->slots[slot_of (t, &k)];
  if (at->at1)
    return at->at1 - 1;
  size_t before = t->alloc;
  t->off = xgrow (t->off, &t->alloc, t->n + 1, sizeof *t->off);
  t->alloc = before;
  t->len = xgrow (t->len, &t->alloc, t->n + 1, sizeof *t->len);
  t->off[t->n] = t->bytes.len;
  t->len[t->n] = len;
  buf_add (&t->bytes, term, len);
  *at = (struct termtab_slot) { k.key, (uint32_t) (t->n + 1), k.hash };
  if (added)
    *added = 1;
  return t->n++;
}

size_t
termtab_find (const struct termtab *t, const char *term, size_t len)
{
  if (t->nslots == 0)
    return SIZE_MAX;
  struct lookup k = lookup_of (term, len);
  const struct termtab_slot *at = &t->slots[slot_of (t, &k)];
  return at->at1 ? at->at1 - 1 : SIZE_MAX;
}

const char *
termtab_term (const struct termtab *t, size_t i, size_t *len)
{
  *len = t->len[i];
  return t->bytes.data + t->off[i];
}

void
termtab_free (struct termtab *t)
{
  buf_free (&t->bytes);
  free (t->off);
  free (t->len);
  free (t->slots);
  memset (t, 0, sizeof *t);
}
