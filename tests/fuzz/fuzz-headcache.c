/* fuzz-headcache.c -- libFuzzer target for the headers kept in the
   cache (headcache.c): any bytes, as one header, are refused or give a
   header that keeps the model's promises and encodes back to the very
   same bytes; and as the body of a cache file (behind a valid header
   and checksum, as a damaged or forged file would have), they are
   refused or looked up without reading outside them.  */

#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
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

/* A collection directory with a few files to look up, made once.  */
static const char *const names[] = { "00-overview.cb", "01-a.cb", "b.cb",
                                     "zz.cb" };
static char *coll_dir;

/* The directory taken away at exit: a fuzzing or replaying process
   leaves nothing behind.  */
static void
remove_coll_dir (void)
{
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    {
      char *p = util_path_join (coll_dir, names[i]);
      unlink (p);
      free (p);
    }
  rmdir (coll_dir);
}

static void
look_up (const uint8_t *data, size_t size)
{
  if (coll_dir == NULL)
    {
      char tmpl[] = "/tmp/cbfuzzhc.XXXXXX";
      if (mkdtemp (tmpl) == NULL)
        abort ();
      coll_dir = xstrdup (tmpl);
      atexit (remove_coll_dir);
      for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        {
          char *p = util_path_join (coll_dir, names[i]);
          FILE *f = fopen (p, "w");
          if (f == NULL || fclose (f) != 0)
            abort ();
          free (p);
        }
    }
  struct headcache *hc = headcache_open_body (coll_dir, data, size,
                                              (int64_t) time (NULL),
                                              CONTENT_HEADER_VERSION);
  if (hc == NULL)
    abort ();
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    {
      char *p = util_path_join (coll_dir, names[i]);
      struct document doc;
      struct headcache_state st;
      int have;
      if (headcache_get (hc, names[i], p, &doc, &st, &have))
        document_free (&doc);
      free (p);
    }
  headcache_free (hc);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  look_up (data, size);
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
