/* fuzz-content.c -- libFuzzer target for the content parser: the input is
   read as a document file and as a glossary, exactly as the loader reads
   them, and what comes out must respect the model's promises.  */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "content.h"
#include "util.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A text of the model: checked UTF-8 of LEN bytes without NUL.  */
static void
check_text (const struct text *t)
{
  if (t->origin == ORIGIN_NONE)
    {
      if (t->str != NULL)
        abort ();
      return;
    }
  if (t->str == NULL || t->len == 0 || strlen (t->str) != t->len
      || u8_check ((const uint8_t *) t->str, t->len) != NULL)
    abort ();
}

static void
check_bitext (const struct bitext *bt)
{
  for (int l = 0; l < LANG_COUNT; l++)
    check_text (&bt->side[l]);
}

static void
check_document (const struct document *doc)
{
  check_bitext (&doc->title);
  check_bitext (&doc->procuratorate);
  check_bitext (&doc->region);
  for (int l = 0; l < LANG_COUNT; l++)
    for (size_t k = 0; k < doc->keywords.count[l]; k++)
      if (doc->keywords.items[l][k][0] == '\0')
        abort ();
  for (size_t s = 0; s < doc->nsections; s++)
    {
      check_bitext (&doc->sections[s].title);
      for (size_t b = 0; b < doc->sections[s].nblocks; b++)
        {
          const struct block *blk = &doc->sections[s].blocks[b];
          check_bitext (&blk->text);
          if (blk->text.side[LANG_ZH].origin == ORIGIN_NONE
              && blk->text.side[LANG_EN].origin == ORIGIN_NONE)
            abort ();
        }
    }
}

/* Every diagnostic names a line of the file (or 0 for the whole).  */
static void
check_diags (const struct diags *d, const char *data, size_t size)
{
  unsigned long lines = 1;
  for (size_t i = 0; i < size; i++)
    lines += data[i] == '\n';
  for (size_t i = 0; i < d->count; i++)
    if (d->items[i].line > lines || d->items[i].message[0] == '\0')
      abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  /* An exact-size copy without a terminating NUL, so that a read past
     the end is caught.  */
  char *copy = xmalloc (size ? size : 1);
  memcpy (copy, data, size);

  struct diags d = { 0 };
  struct document doc;
  if (content_parse_document ("fuzz.cb", copy, size, &doc, &d) == 0)
    check_document (&doc);
  else if (d.errors == 0)
    abort ();                   /* a failure always says why */
  check_diags (&d, copy, size);
  document_free (&doc);
  diags_free (&d);

  struct diags dg = { 0 };
  struct glossary g = { 0 };
  if (content_parse_glossary ("glossary.tsv", copy, size, &g, &dg) == 0)
    for (size_t i = 0; i < g.count; i++)
      if (g.entries[i].term[LANG_ZH][0] == '\0'
          || g.entries[i].term[LANG_EN][0] == '\0')
        abort ();
  check_diags (&dg, copy, size);
  glossary_free (&g);
  diags_free (&dg);
  free (copy);
  return 0;
}
