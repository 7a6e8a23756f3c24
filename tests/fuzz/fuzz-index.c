/* fuzz-index.c -- libFuzzer target for the search cache: a cache of a
   small bilingual collection is damaged as the input says and, when its
   first byte is odd, resealed (index_reseal recomputes every checksum, so
   that the damage goes past them).  Opening and searching it must then
   give an answer or refuse the cache, and never read outside it (the
   sanitizers watch that).  The input: a flag byte, then patches of four
   bytes each, a 24-bit offset (modulo the cache's size) and a byte to
   XOR there.  */

#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content.h"
#include "index.h"
#include "query.h"
#include "util.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char document_text[] =
  "casebook-format: 1\n"
  "number: %d\n"
  "title.zh: 广西检察机关深化巡回检察\n"
  "title.en.tr: Guangxi procuratorial organs deepen circuit inspection\n"
  "\n"
  "section.zh: 【关键词】\n"
  "section.en.tr: 【Key words】\n"
  "\n"
  "keywords.zh: 巡回检察 | 减假暂\n"
  "keywords.en.tr: circuit inspection | commutation, parole\n"
  "\n"
  "zh: 2019年以来，广西检察机关开展监狱巡回检察%d次，检察官和检察长参加。\n"
  "en.tr: Since 2019, procurators carried out %d circuit inspections of prisons.\n";

static const char glossary_text[] =
  "casebook-glossary\t1\n"
  "巡回检察\tcircuit inspection\t\tcircuit inspections\n";

static const char *const queries[] = {
  "巡回检察", "circuit inspection", "/检察[官长]/", "/\\d+/", "tag:巡回检察",
  "lang:en inspection", "-circuit 检察", NULL
};

static unsigned char *image;
static size_t image_size;
static char *path;
static struct glossary glossary;

static void
remove_cache (void)
{
  unlink (path);
}

static void
setup (void)
{
  if (image)
    return;
  static struct document docs[2];
  static char *texts[2];
  static struct collection coll;
  static struct library lib;
  struct diags d = { 0 };
  for (int i = 0; i < 2; i++)
    {
      texts[i] = xasprintf (document_text, i + 1, 39 + i, 39 + i);
      if (content_parse_document ("fuzz.cb", texts[i], strlen (texts[i]),
                                  &docs[i], &d) != 0)
        abort ();
      docs[i].collection = &coll;
    }
  if (content_parse_glossary ("glossary.tsv", glossary_text,
                              sizeof glossary_text - 1, &glossary, &d) != 0)
    abort ();
  diags_free (&d);
  coll.id = (char *) "fuzz";
  coll.docs = docs;
  coll.ndocs = 2;
  lib.colls = &coll;
  lib.ncolls = 1;
  const char *tmp = getenv ("TMPDIR");
  path = xasprintf ("%s/casebook-fuzz-index.%ld", tmp && *tmp ? tmp : "/tmp",
                    (long) getpid ());
  atexit (remove_cache);
  if (index_write (&lib, 1, path) != 0
      || (image = (unsigned char *) util_read_file (path, &image_size)) == NULL
      || image_size == 0)
    abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  setup ();
  unsigned char *copy = xmalloc (image_size);
  memcpy (copy, image, image_size);
  for (size_t i = 1; i + 4 <= size; i += 4)
    {
      size_t off = ((size_t) data[i] | (size_t) data[i + 1] << 8
                    | (size_t) data[i + 2] << 16) % image_size;
      copy[off] ^= data[i + 3];
    }
  if (size > 0 && (data[0] & 1))
    index_reseal (copy, image_size);
  FILE *f = fopen (path, "wb");
  if (f == NULL || fwrite (copy, 1, image_size, f) != image_size || fclose (f) != 0)
    abort ();
  free (copy);
  const char *reason;
  struct index *ix = index_open (path, 1, &reason);
  if (ix == NULL && reason == NULL)
    abort ();
  for (size_t i = 0; ix && queries[i]; i++)
    {
      struct query_options qo = { .glossary = &glossary };
      struct query_error err;
      struct query *q = query_parse (queries[i], &qo, &err);
      if (q == NULL)
        abort ();
      struct index_match *m = NULL;
      char *error = NULL;
      size_t n = index_search (ix, q, &m, &error);
      if (n != (size_t) -1 && n != (size_t) -2)
        for (size_t k = 0; k < n; k++)
          if (m[k].doc >= index_document_count (ix))
            abort ();
      free (m);
      free (error);
      query_free (q);
    }
  index_close (ix);
  return 0;
}
