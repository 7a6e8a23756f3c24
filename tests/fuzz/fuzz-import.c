/* fuzz-import.c -- libFuzzer target for the release-text importer.  What
   it writes must load without an error, under unique names, and keep every
   line of the release: each non-blank line becomes a text of the
   collection or a case marker, or is left out as a table of contents'
   entry, counted.  */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "content.h"
#include "import.h"
#include "util.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Non-blank lines of the release, as the importer sees them: a line is
   blank when it holds only spaces, tabs and carriage returns.  */
static size_t
count_lines (const char *data, size_t size)
{
  size_t pos = 0, n = 0;
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    pos = 3;
  /* A text with CRs and not one LF has CR line ends (import.c).  */
  char eol = memchr (data + pos, '\n', size - pos) == NULL
    && memchr (data + pos, '\r', size - pos) != NULL ? '\r' : '\n';
  int blank = 1, any = 0;
  for (; pos < size; pos++)
    {
      char c = data[pos];
      if (c == eol)
        {
          n += !blank;
          blank = 1;
          any = 0;
          continue;
        }
      any = 1;
      if (c != ' ' && c != '\t' && c != '\r')
        blank = 0;
    }
  if (any)
    n += !blank;
  return n;
}

static size_t
count_texts (const struct bitext *bt)
{
  return (bt->side[LANG_ZH].origin != ORIGIN_NONE)
    + (bt->side[LANG_EN].origin != ORIGIN_NONE);
}

/* Every "key: value" line of the collection file has a value.  */
static void
check_collection (const char *text)
{
  if (u8_check ((const uint8_t *) text, strlen (text)) != NULL)
    abort ();
  for (const char *p = text; *p;)
    {
      const char *nl = strchr (p, '\n');
      size_t n = nl ? (size_t) (nl - p) : strlen (p);
      if (n > 0 && p[0] != '#')
        {
          const char *colon = memchr (p, ':', n);
          if (colon == NULL)
            abort ();
          const char *v = colon + 1;
          while (v < p + n && (*v == ' ' || *v == '\t'))
            v++;
          if (v == p + n)
            abort ();
          for (const char *k = p; k < colon; k++)
            if (!((*k >= 'a' && *k <= 'z') || *k == '-' || *k == '.'))
              abort ();
        }
      p += n + (nl != NULL);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  char *copy = xmalloc (size ? size : 1);
  memcpy (copy, data, size);
  struct diags d = { 0 };
  struct import_result res;
  import_release ("release.txt", copy, size, &res, &d);
  if (res.nfiles != res.documents + 1 || res.nfiles < 2
      || strcmp (res.files[0].name, "collection.cb") != 0)
    abort ();
  check_collection (res.files[0].text);

  size_t texts = 0, markers = 0, added = 0;
  for (size_t i = 1; i < res.nfiles; i++)
    {
      for (size_t j = 0; j < i; j++)
        if (strcmp (res.files[i].name, res.files[j].name) == 0)
          abort ();             /* one file would replace the other */
      const char *text = res.files[i].text;
      for (const char *p = text; (p = strstr (p, "\n# marker: ")) != NULL; p++)
        markers++;
      struct diags pd = { 0 };
      struct document doc;
      if (content_parse_document (res.files[i].name, text, strlen (text),
                                  &doc, &pd) != 0 || pd.errors)
        abort ();               /* the importer wrote what cannot load */
      texts += count_texts (&doc.title);
      /* The overview's title is the importer's own (the collection's,
         marked as the project's): no line holds it.  */
      if (doc.number == 0)
        for (int l = 0; l < LANG_COUNT; l++)
          added += doc.title.side[l].origin == ORIGIN_TRANSLATION;
      for (size_t s = 0; s < doc.nsections; s++)
        {
          texts += count_texts (&doc.sections[s].title);
          for (size_t b = 0; b < doc.sections[s].nblocks; b++)
            texts += count_texts (&doc.sections[s].blocks[b].text);
        }
      document_free (&doc);
      diags_free (&pd);
    }
  /* A table of contents' entries are left out, and counted so.  */
  if (texts != res.paragraphs
      || texts - added + markers + res.left_out
      != count_lines (copy, size) + res.splits)
    abort ();                   /* a line was dropped */
  import_free (&res);
  diags_free (&d);
  free (copy);
  return 0;
}
