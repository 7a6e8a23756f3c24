/* strmap.h -- a hash table from strings to indices, for the loaders that
   must find "have I seen this string?" in constant time (glossary terms,
   tags): a list checked against every earlier entry is quadratic.  */

#ifndef CASEBOOK_STRMAP_H
#define CASEBOOK_STRMAP_H

#include <stddef.h>

/* Open addressing over borrowed keys: the map never copies or frees a
   key, which must outlive it.  Zero-initialise before use.  */
struct strmap
{
  const char **keys;
  size_t *vals;
  size_t nslots;                /* a power of two, or 0 */
  size_t count;
};

/* The value stored for KEY, or NULL when KEY is absent.  The pointer is
   valid until the next strmap_put.  */
size_t *strmap_get (const struct strmap *m, const char *key);
/* Store VAL for KEY (replacing an earlier value).  KEY is borrowed.  */
void strmap_put (struct strmap *m, const char *key, size_t val);
/* Release the table (not the keys).  */
void strmap_free (struct strmap *m);

#endif /* CASEBOOK_STRMAP_H */
