/* test-termcheck.c -- the glossary check: a term of the release's text
   without a rendering in the project's translation is reported where the
   translation is; a variant counts as a rendering; a term inside a
   longer term belongs to the longer one; glossary-ok excuses a term; a
   revision of the release's English is checked against the Chinese.  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content.h"
#include "tap.h"
#include "termcheck.h"

static void
put (const char *dir, const char *name, const char *text)
{
  char *path = util_path_join (dir, name);
  tap_ok (util_write_atomic (path, text, strlen (text)) == 0, "%s written", name);
  free (path);
}

/* Check a collection whose one document has the body BODY; returns the
   number of misses and leaves the warnings, "LINE: message" one per
   line, in *REPORT (caller frees).  */
static size_t
check (const char *body, char **report)
{
  char dir[] = "/tmp/cbterm.XXXXXX";
  tap_ok (mkdtemp (dir) != NULL, "temporary directory");
  put (dir, "collection.cb",
       "casebook-format: 1\nid: t\ntitle.zh: 测试\ntitle.en: Test\n"
       "publisher.zh: 测试\npublisher.en: Tests\ndate: 2022-07-14\n");
  put (dir, "glossary.tsv",
       "casebook-glossary\t1\n"
       "巡回检察\tcircuit inspection\t\tcircuit inspections\n"
       "检察官\tprocurator\t\t\n"
       "检察官助理\tprosecutorial assistant\t\t\n");
  char *doc = xasprintf ("casebook-format: 1\nnumber: 1\ntitle.zh: 题\n"
                         "title.en: Title\n\n%s", body);
  put (dir, "01.cb", doc);
  free (doc);
  struct diags d = { 0 };
  struct library *lib = content_load (dir, &d);
  tap_ok (lib != NULL && d.errors == 0, "the collection loads");
  size_t before = d.count;
  size_t misses = termcheck_library (lib, &d);
  struct buf b = { 0 };
  for (size_t i = before; i < d.count; i++)
    buf_printf (&b, "%s%lu: %s", i > before ? "\n" : "", d.items[i].line,
                d.items[i].message);
  *report = b.data ? buf_steal (&b) : xstrdup ("");
  library_free (lib);
  diags_free (&d);
  char *cmd = xasprintf ("rm -rf %s", dir);
  tap_ok (system (cmd) == 0, "temporary directory removed");
  free (cmd);
  return misses;
}

int
main (void)
{
  char *r;
  size_t n = check ("zh: 开展巡回检察。\nen.tr: Inspections were made.\n", &r);
  tap_ok (n == 1, "a term left out of the translation is a miss (got %zu)", n);
  tap_is (r, "7: glossary term '巡回检察' / 'circuit inspection' has no "
          "rendering in the en translation", "reported on the translation's line");
  free (r);

  n = check ("zh: 开展巡回检察。\nen.tr: Two circuit inspections were made.\n", &r);
  tap_ok (n == 0, "a variant is a rendering (got %zu)", n);
  tap_is (r, "", "and nothing is reported");
  free (r);

  n = check ("zh: 检察官助理参加。\nen.tr: A prosecutorial assistant took part.\n", &r);
  tap_ok (n == 0, "a term inside a longer term belongs to it (got %zu)", n);
  free (r);

  n = check ("zh: 检察官和检察官助理参加。\n"
             "en.tr: A prosecutorial assistant took part.\n", &r);
  tap_ok (n == 1, "the shorter term by itself still needs a rendering (got %zu)", n);
  free (r);

  n = check ("zh: 开展巡回检察。\nen.tr: Inspections were made.\n"
             "glossary-ok: 巡回检察\n", &r);
  tap_ok (n == 0, "glossary-ok excuses a term (got %zu)", n);
  free (r);

  n = check ("zh: 开展巡回检察。\nen: Inspections were made.\n", &r);
  tap_ok (n == 0, "two release texts are not checked (got %zu)", n);
  free (r);

  /* A revision of the release's English follows the glossary too.  */
  n = check ("zh: 开展巡回检察。\nen: Inspections were made.\n"
             "en.rev: Inspections were carried out.\n", &r);
  tap_ok (n == 1, "a revision without the term's rendering is a miss (got %zu)", n);
  tap_is (r, "8: glossary term '巡回检察' / 'circuit inspection' has no "
          "rendering in the English revision", "reported on the revision's line");
  free (r);
  n = check ("zh: 开展巡回检察。\nen: Inspections were made.\n"
             "en.rev: Circuit inspections were carried out.\n", &r);
  tap_ok (n == 0, "a revision with the rendering passes (got %zu)", n);
  free (r);
  return tap_done ();
}
