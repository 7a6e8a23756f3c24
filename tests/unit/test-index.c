/* test-index.c -- the search cache gives exactly the results of a search
   of the content itself, and is never believed when stale or corrupt.  */

#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content.h"
#include "index.h"
#include "norm.h"
#include "search.h"
#include "tap.h"

/* "number:hits" of every match, best first, both ways.  */
static char *
via_library (const struct library *lib, const char *text)
{
  struct query_options qo = { .glossary = &lib->glossary };
  struct query_error err;
  struct query *q = query_parse (text, &qo, &err);
  struct search_results res;
  char *error = NULL;
  struct buf b = { 0 };
  if (q && search_library (q, lib, &res, &error) == 0)
    {
      for (size_t i = 0; i < res.ndocs; i++)
        buf_printf (&b, "%ld:%zu ", res.docs[i].doc->number, res.docs[i].nhits);
      search_results_free (&res);
    }
  free (error);
  free (err.message);
  query_free (q);
  return buf_steal (&b);
}

static char *
via_index (const struct library *lib, const struct index *ix, const char *text)
{
  struct query_options qo = { .glossary = &lib->glossary };
  struct query_error err;
  struct query *q = query_parse (text, &qo, &err);
  struct buf b = { 0 };
  struct index_match *m = NULL;
  char *error = NULL;
  size_t n = q ? index_search (ix, q, &m, &error) : 0;
  free (error);
  if (n == (size_t) -1)
    buf_adds (&b, "corrupt");
  else if (n == (size_t) -2)
    buf_adds (&b, "error");
  else
    for (size_t i = 0; i < n; i++)
      buf_printf (&b, "%ld:%zu ", m[i].number, m[i].hits);
  free (m);
  free (err.message);
  query_free (q);
  return buf_steal (&b);
}

static const char *const queries[] = {
  "巡回检察", "circuit inspection", "\"circuit inspection\"", "inspect",
  "HULUNBUIR", "tag:巡回检察", "tag:邻近院 14", "lang:en 巡回检察",
  "lang:zh 巡回检察", "integration -hulunbuir", "39 prisons", "（一）",
  "adjacent courts", "cases", "检察", "procuratorial organs", "一体化",
  "案-件比", "the", "2019", "四大检察", "减假暂", "nothing-at-all",
  "/检察[官长]/", "/Inspection/", "/inspect\\w+/", "/\\d{3},\\d{3}/",
  "lang:zh /检察[官长]/", "lang:en /检察/", "/^【/", "/检察院|法院/",
  "circuit inspections", "-circuit 检察", NULL
};

static void
parity (const char *dir, const char *what)
{
  struct diags d = { 0 };
  struct library *lib = content_load (dir, &d);
  char path[] = "/tmp/cbix.XXXXXX";
  int fd = mkstemp (path);
  close (fd);
  unsigned long long key = index_content_key (dir);
  tap_ok (index_write (lib, key, path) == 0, "%s: cache written", what);
  const char *reason;
  struct index *ix = index_open (path, key, &reason);
  tap_ok (ix != NULL, "%s: cache opens", what);
  size_t same = 0, total = 0;
  for (size_t i = 0; queries[i] && ix; i++)
    {
      char *a = via_library (lib, queries[i]);
      char *b = via_index (lib, ix, queries[i]);
      total++;
      if (strcmp (a, b) == 0)
        same++;
      else
        printf ("# %s: [%s] library [%s] cache [%s]\n", what, queries[i], a, b);
      free (a);
      free (b);
    }
  tap_ok (ix && same == total, "%s: the cache ranks and counts exactly as the content (%zu/%zu)",
          what, same, total);
  index_close (ix);
  unlink (path);
  library_free (lib);
  diags_free (&d);
}

static int
run (const char *cmd)
{
  return system (cmd);
}

int
main (void)
{
  const char *top = getenv ("top_srcdir");
  char *good = xasprintf ("%s/tests/data/good", top ? top : "..");
  char *shipped = xasprintf ("%s/content", top ? top : "..");
  parity (good, "fixture");
  parity (shipped, "shipped content");

  /* A private copy of the fixture to change.  */
  char tmp[] = "/tmp/cbixdir.XXXXXX";
  tap_ok (mkdtemp (tmp) != NULL, "temporary directory");
  char *cmd = xasprintf ("cp %s/* %s/", good, tmp);
  tap_ok (run (cmd) == 0, "fixture copied");
  free (cmd);
  char *cache = xasprintf ("%s/cache.bin", tmp);
  struct diags d = { 0 };
  struct library *lib = content_load (tmp, &d);
  unsigned long long key = index_content_key (tmp);
  tap_ok (key != 0 && index_write (lib, key, cache) == 0, "cache of the copy written");
  const char *reason = NULL;
  struct index *ix = index_open (cache, key, &reason);
  tap_ok (ix != NULL, "and valid");
  index_close (ix);

  /* Touch a file: the key changes and the cache is stale.  */
  sleep (1);
  char *file = xasprintf ("%s/02-adjacent.cb", tmp);
  FILE *f = fopen (file, "a");
  fputs ("\nen: A new paragraph about circuit inspection.\n", f);
  fclose (f);
  unsigned long long key2 = index_content_key (tmp);
  tap_ok (key2 != key, "changing a content file changes the key");
  ix = index_open (cache, key2, &reason);
  tap_ok (ix == NULL && reason && strcmp (reason, "stale") == 0, "a stale cache is refused");
  library_free (lib);
  diags_free (&d);
  lib = content_load (tmp, &d);
  tap_ok (index_write (lib, key2, cache) == 0, "rebuilt");
  ix = index_open (cache, key2, &reason);
  char *b = ix ? via_index (lib, ix, "circuit inspection") : xstrdup ("none");
  char *a = via_library (lib, "circuit inspection");
  tap_is (b, a, "the rebuilt cache finds the new text");
  free (a);
  free (b);
  index_close (ix);

  /* Corrupt a document's text: noticed at search time.  */
  /* Damage the folded text of the new paragraph, where the search will
     look.  */
  size_t clen;
  char *cdata = util_read_file (cache, &clen);
  const char *at = cdata ? memmem (cdata, clen, "paragraph about circuit", 23) : NULL;
  tap_ok (at != NULL, "the new paragraph is in the cache");
  f = fopen (cache, "r+b");
  fseek (f, at ? (long) (at - cdata) + 16 : 0, SEEK_SET);
  fputc ('#', f);
  fclose (f);
  free (cdata);
  ix = index_open (cache, key2, &reason);
  b = ix ? via_index (lib, ix, "circuit") : xstrdup ("refused");
  tap_ok (strcmp (b, "corrupt") == 0,
          "a corrupt document text is noticed, never believed (%s)", b);
  free (b);
  index_close (ix);

  /* Corrupt the table, truncate, delete: refused.  */
  f = fopen (cache, "r+b");
  fseek (f, 80, SEEK_SET);
  fputc (0x5a, f);
  fclose (f);
  ix = index_open (cache, key2, &reason);
  tap_ok (ix == NULL && strcmp (reason, "corrupt") == 0, "a corrupt table is refused");
  tap_ok (truncate (cache, 100) == 0, "truncated");
  ix = index_open (cache, key2, &reason);
  tap_ok (ix == NULL, "a truncated cache is refused (%s)", reason ? reason : "?");
  unlink (cache);
  ix = index_open (cache, key2, &reason);
  tap_ok (ix == NULL && strcmp (reason, "missing") == 0, "a missing cache is reported missing");

  library_free (lib);
  diags_free (&d);
  cmd = xasprintf ("rm -rf %s", tmp);
  run (cmd);
  free (cmd);
  free (cache);
  free (file);
  free (good);
  free (shipped);
  norm_cleanup ();
  return tap_done ();
}
