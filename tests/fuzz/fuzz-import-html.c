/* fuzz-import-html.c -- libFuzzer target for the HTML page importer.  Any
   bytes either give a clear error (no article) or a collection whose every
   file loads without an error, under unique names, with as many texts as
   the importer counted.  */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "content.h"
#include "import_html.h"
#include "util.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A text in either language or both is one, as check counts them.  */
static size_t
count_texts (const struct bitext *bt)
{
  return bt->side[LANG_ZH].origin != ORIGIN_NONE
    || bt->side[LANG_EN].origin != ORIGIN_NONE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  struct diags d = { 0 };
  struct import_result res;
  char *cause = NULL;
  (void) import_is_html ("page.html", (const char *) data, size);
  if (import_html ("page.html", (const char *) data, size, &res, &d,
                   &cause) != 0)
    {
      if (cause == NULL || res.nfiles != 0)
        abort ();               /* an error says why and leaves nothing */
      free (cause);
      diags_free (&d);
      return 0;
    }
  if (res.nfiles != res.documents + 1
      || strcmp (res.files[0].name, "collection.cb") != 0)
    abort ();
  const char *ct = res.files[0].text;
  if (u8_check ((const uint8_t *) ct, strlen (ct)) != NULL)
    abort ();
  size_t texts = 0;
  for (size_t i = 1; i < res.nfiles; i++)
    {
      for (size_t j = 0; j < i; j++)
        if (strcmp (res.files[i].name, res.files[j].name) == 0)
          abort ();
      const char *text = res.files[i].text;
      struct diags pd = { 0 };
      struct document doc;
      if (content_parse_document (res.files[i].name, text, strlen (text),
                                  &doc, &pd) != 0 || pd.errors)
        abort ();               /* the importer wrote what cannot load */
      texts += count_texts (&doc.title);
      for (size_t s = 0; s < doc.nsections; s++)
        {
          texts += count_texts (&doc.sections[s].title);
          for (size_t b = 0; b < doc.sections[s].nblocks; b++)
            texts += count_texts (&doc.sections[s].blocks[b].text);
        }
      document_free (&doc);
      diags_free (&pd);
    }
  if (texts != res.paragraphs)
    abort ();                   /* a text was counted but not written */
  import_free (&res);
  diags_free (&d);
  return 0;
}
