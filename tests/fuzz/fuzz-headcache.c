/* fuzz-headcache.c -- libFuzzer target for the decoding of a header
   kept in the cache (headcache.c): any bytes are refused or give a
   header that keeps the model's promises and encodes back to the very
   same bytes.  */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "headcache.h"
#include "util.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_text (const struct text *t)
{
  if ((t->origin == ORIGIN_NONE) != (t->str == NULL)
      || (t->str && strlen (t->str) != t->len))
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct document doc;
  if (headcache_decode (data, size, "fuzz.cb", &doc) != 0)
    return 0;
  const struct bitext *bts[] = { &doc.title, &doc.procuratorate,
                                 &doc.region };
  for (size_t i = 0; i < 3; i++)
    {
      check_text (&bts[i]->side[LANG_ZH]);
      check_text (&bts[i]->side[LANG_EN]);
      check_text (&bts[i]->rev);
    }
  if (!doc.partial || doc.nsections != 0 || strcmp (doc.path, "fuzz.cb") != 0)
    abort ();
  struct buf again = { 0 };
  headcache_encode (&doc, &again);
  if (again.len != size || memcmp (again.data, data, size) != 0)
    abort ();
  buf_free (&again);
  document_free (&doc);
  return 0;
}
