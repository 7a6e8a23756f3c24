/* strmap.c -- string-keyed hash table (see strmap.h).  Linear probing,
   kept at most half full, so a lookup touches a slot or two.  */

#include <config.h>
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The slot that holds KEY, or the empty slot where it would go.  */
static size_t
slot_of (const struct strmap *m, const char *key)
{
  size_t mask = m->nslots - 1;
  size_t i = (size_t) util_hash (0, key, strlen (key)) & mask;
  while (m->keys[i] && strcmp (m->keys[i], key) != 0)
    i = (i + 1) & mask;
  return i;
}

size_t *
strmap_get (const struct strmap *m, const char *key)
{
  if (m->nslots == 0)
    return NULL;
  size_t i = slot_of (m, key);
  return m->keys[i] ? &m->vals[i] : NULL;
}

static void
grow (struct strmap *m)
{
  struct strmap bigger = { 0 };
  bigger.nslots = m->nslots ? m->nslots * 2 : 64;
  bigger.keys = xcalloc (bigger.nslots, sizeof *bigger.keys);
  bigger.vals = xcalloc (bigger.nslots, sizeof *bigger.vals);
  for (size_t i = 0; i < m->nslots; i++)
    if (m->keys[i])
      {
        size_t j = slot_of (&bigger, m->keys[i]);
        bigger.keys[j] = m->keys[i];
        bigger.vals[j] = m->vals[i];
      }
  bigger.count = m->count;
  strmap_free (m);
  *m = bigger;
}

void
strmap_put (struct strmap *m, const char *key, size_t val)
{
  if (2 * (m->count + 1) > m->nslots)
    grow (m);
  size_t i = slot_of (m, key);
  if (!m->keys[i])
    {
      m->keys[i] = key;
      m->count++;
    }
  m->vals[i] = val;
}

void
strmap_free (struct strmap *m)
{
  free (m->keys);
  free (m->vals);
  memset (m, 0, sizeof *m);
}
