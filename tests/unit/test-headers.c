/* test-headers.c -- reading documents by their headers first: what the
   browser lists before it reads a text (content_load_headers), and the
   rest read on opening (content_load_body), with the same model and the
   same problems as a whole load.  */

#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content.h"
#include "tap.h"
#include "util.h"

static char dir[] = "/tmp/cbhead.XXXXXX";

static void
put (const char *name, const char *text)
{
  char *path = xasprintf ("%s/%s", dir, name);
  FILE *f = fopen (path, "w");
  if (f == NULL || fputs (text, f) < 0 || fclose (f) != 0)
    printf ("Bail out! %s: %s\n", path, strerror (errno));
  free (path);
}

static const struct document *
find (const struct library *lib, long number)
{
  for (size_t i = 0; i < library_document_count (lib); i++)
    if (library_document (lib, i)->number == number)
      return library_document (lib, i);
  return NULL;
}

/* "LINE: message" of DIAGS' errors, one per line.  Caller frees.  */
static char *
errors (const struct diags *d)
{
  struct buf b = { 0 };
  buf_add (&b, "", 0);
  for (size_t i = 0; i < d->count; i++)
    if (d->items[i].severity == DIAG_ERROR)
      buf_printf (&b, "%s%lu: %s", b.len ? "\n" : "", d->items[i].line,
                  d->items[i].message);
  return buf_steal (&b);
}

static size_t
blocks (const struct document *d)
{
  size_t n = 0;
  for (size_t s = 0; s < d->nsections; s++)
    n += d->sections[s].nblocks;
  return n;
}

int
main (void)
{
  if (mkdtemp (dir) == NULL)
    {
      printf ("Bail out! mkdtemp: %s\n", strerror (errno));
      return 1;
    }
  put ("collection.cb", "casebook-format: 1\nid: t\ntitle.en: T\n");
  put ("01.cb", "casebook-format: 1\nnumber: 1\nregion.zh: 广西\n"
       "title.zh: 第一\ntitle.en: First\n\nsection.zh: 【关键词】\n\n"
       "keywords.zh: 巡回检察 | 减假暂\nkeywords.en: Circuit | Parole\n\n"
       "section.zh: 【改革情况】\n\nzh: 一段。\nen: A paragraph.\n\n"
       "heading.zh: 一、标题\n\nzh: 二段。\n");
  /* A header longer than the first read, and a cut inside a character.  */
  struct buf big = { 0 };
  buf_printf (&big, "casebook-format: 1\nnumber: 2\ntitle.zh: ");
  for (int i = 0; i < 3000; i++)
    buf_printf (&big, "长");
  buf_printf (&big, "\n\nzh: 正文。\n");
  put ("02.cb", big.data);
  buf_free (&big);
  /* A keyword list after the text: found when the document is read.  */
  put ("03.cb", "casebook-format: 1\nnumber: 3\ntitle.en: Third\n\n"
       "en: Text first.\n\nkeywords.en: Late | List\n");
  /* An error in the body only.  */
  put ("04.cb", "casebook-format: 1\nnumber: 4\ntitle.en: Fourth\n\n"
       "en: Fine.\n\nbogus.en: x\n");

  const char *dirs[1] = { dir };
  struct diags d = { 0 };
  struct library *lib = content_load_headers (dirs, 1, &d);
  char *e = errors (&d);
  tap_is (e, "", "the headers load without the body's error");
  free (e);
  tap_ok (library_document_count (lib) == 4, "every document is listed (%zu)",
          library_document_count (lib));
  const struct document *one = find (lib, 1);
  tap_ok (one && one->partial && one->nsections == 0,
          "a listed document is partial, without sections");
  tap_ok (one && one->title.side[LANG_EN].str
          && strcmp (one->title.side[LANG_EN].str, "First") == 0
          && one->region.side[LANG_ZH].str
          && strcmp (one->region.side[LANG_ZH].str, "广西") == 0,
          "its title and region are read");
  tap_ok (one && one->keywords.count[LANG_ZH] == 2
          && strcmp (one->keywords.items[LANG_ZH][1], "减假暂") == 0,
          "and its keyword list, which precedes the text");
  const struct document *two = find (lib, 2);
  tap_ok (two && two->title.side[LANG_ZH].len == 3000 * 3,
          "a header longer than the first bytes read is read whole");
  const struct document *three = find (lib, 3);
  tap_ok (three && three->keywords.count[LANG_EN] == 0,
          "a keyword list after the text is not in the header");

  /* Reading the rest gives what a whole load gives.  */
  struct library *whole = content_load_dirs (dirs, 1, &d);
  for (size_t i = 0; i < library_document_count (lib); i++)
    {
      struct document *doc = library_document_rw (lib, i);
      const char *title = doc->title.side[LANG_EN].str;
      struct diags bd = { 0 };
      int rc = content_load_body (doc, &bd);
      if (doc->number == 4)
        {
          char *be = errors (&bd);
          tap_ok (rc == -1 && doc->partial, "a body with an error is not "
                  "read, and the document stays partial");
          tap_is (be, "7: unknown field 'bogus.en'",
                  "the error says where it is");
          free (be);
          diags_free (&bd);
          continue;
        }
      const struct document *w = find (whole, doc->number);
      tap_ok (rc == 0 && !doc->partial && w
              && doc->nsections == w->nsections && blocks (doc) == blocks (w),
              "document %ld read whole: %zu sections, %zu blocks",
              doc->number, doc->nsections, blocks (doc));
      tap_ok (doc->title.side[LANG_EN].str == title,
              "document %ld keeps its header's strings", doc->number);
      diags_free (&bd);
    }
  tap_ok (three && three->keywords.count[LANG_EN] == 2,
          "the late keyword list comes with the body");
  tap_ok (find (whole, 4) == NULL, "a whole load leaves the broken one out");
  int warned = 0;
  for (size_t i = 0; i < d.count; i++)
    warned |= d.items[i].severity == DIAG_WARNING
      && strstr (d.items[i].file, "03.cb") && d.items[i].line == 7;
  tap_ok (warned, "a whole load warns about the late keyword list");
  library_free (whole);
  library_free (lib);
  diags_free (&d);

  /* Two files with one number: the later in name order is left out.  */
  put ("05.cb", "casebook-format: 1\nnumber: 1\ntitle.en: Again\n\nen: x\n");
  struct diags dd = { 0 };
  lib = content_load_headers (dirs, 1, &dd);
  e = errors (&dd);
  tap_ok (strstr (e, "duplicate document number 1 (also in ") != NULL
          && strstr (dd.items[0].file, "05.cb") != NULL,
          "a duplicate number is reported at the later file");
  free (e);
  tap_ok (find (lib, 1) && strcmp (find (lib, 1)->title.side[LANG_EN].str,
                                   "First") == 0, "the earlier one is kept");
  library_free (lib);
  diags_free (&dd);

  /* A short header before a text longer than the first bytes read (the
     common case: the read stops at the text), and a file of exactly
     those bytes, all header, whose last line ends the read.  */
  struct buf body = { 0 };
  buf_printf (&body, "casebook-format: 1\nnumber: 6\ntitle.en: Sixth\n");
  while (body.len < 6000)
    buf_printf (&body, "\nen: A paragraph of the long text.\n");
  put ("06.cb", body.data);
  buf_free (&body);
  struct buf exact = { 0 };
  buf_printf (&exact, "casebook-format: 1\nnumber: 7\ntitle.en: ");
  while (exact.len < 4096 - 1)
    buf_addc (&exact, 'x');
  buf_addc (&exact, '\n');
  put ("07.cb", exact.data);
  struct diags de = { 0 };
  lib = content_load_headers (dirs, 1, &de);
  const struct document *six = find (lib, 6);
  tap_ok (six && six->partial && six->title.side[LANG_EN].str
          && strcmp (six->title.side[LANG_EN].str, "Sixth") == 0,
          "a short header before a long text is read from the first bytes");
  const struct document *seven = find (lib, 7);
  tap_ok (exact.len == 4096 && seven && seven->title.side[LANG_EN].str
          && seven->title.side[LANG_EN].len == 4096 - 1 - strlen (
            "casebook-format: 1\nnumber: 7\ntitle.en: "),
          "a file of exactly the bytes read first is read whole");
  buf_free (&exact);
  library_free (lib);
  diags_free (&de);

  char *cmd = xasprintf ("rm -rf '%s'", dir);
  if (system (cmd) != 0)
    printf ("# could not remove %s\n", dir);
  free (cmd);
  return tap_done ();
}
