/* test-related.c -- related.h answers the same whether each document's
   terms come from the search index's records or from reading and
   analysing the document: the same documents, scores (to the bit),
   shared keywords and reasons, in the same order, in both languages,
   for every document of the shipped content and of a generated corpus
   of some hundreds; the index's records are used, not the files; and
   after one document is edited, the records follow it.  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content.h"
#include "engine.h"
#include "norm.h"
#include "related.h"
#include "tap.h"

static int
read_whole (void *ctx, const struct document *doc, struct document *whole)
{
  (void) ctx;
  struct diags d = { 0 };
  int rc = content_read_whole (doc, whole, &d);
  diags_free (&d);
  return rc;
}

/* DIR's library by its headers, as `casebook related' loads it.  */
static struct library *
load (const char *dir)
{
  struct diags d = { 0 };
  struct library *lib = content_load_headers (&dir, 1, &d);
  for (size_t i = 0; i < d.count; i++)
    printf ("# %s:%lu: %s\n", d.items[i].file, d.items[i].line,
            d.items[i].message);
  diags_free (&d);
  return lib;
}

static struct engine *
open_engine (const char *dir)
{
  struct engine_options o = { .content_dir = dir };
  struct diags d = { 0 };
  char *cause = NULL, *note = NULL;
  struct engine *e = engine_open (&o, &d, &note, &cause);
  if (e == NULL)
    printf ("# engine_open: %s\n", cause ? cause : "?");
  diags_free (&d);
  free (cause);
  free (note);
  return e;
}

/* Everything related_find says of every STEPth document of LIB, in
   both languages, with E's index (NULL: without), one line each; the
   scores in hexadecimal, to the bit.  *ANALYSED: how many documents
   were read and analysed.  Caller frees.  */
static char *
relate_all (const struct library *lib, struct engine *e, size_t step,
            size_t *analysed)
{
  struct related_options o = { .read_whole = read_whole, .engine = e };
  struct related_index *ri = related_index_new (lib, &o);
  struct buf b = { 0 };
  buf_adds (&b, "");
  if (ri == NULL)
    return buf_steal (&b);
  *analysed = related_index_analysed (ri);
  size_t n = library_document_count (lib);
  for (size_t i = 0; i < n; i += step)
    for (int l = 0; l < LANG_COUNT; l++)
      {
        const struct document *d = library_document (lib, i);
        struct related_doc out[5];
        size_t k = related_find (ri, d, (enum lang) l, 5, out);
        buf_printf (&b, "%s/%ld %d:", d->collection->id, d->number, l);
        for (size_t j = 0; j < k; j++)
          {
            buf_printf (&b, " %s/%ld %a %zu [", out[j].doc->collection->id,
                        out[j].doc->number, out[j].score, out[j].keywords);
            for (size_t r = 0; r < out[j].nreasons; r++)
              buf_printf (&b, "%s%s", r ? "|" : "", out[j].reasons[r]);
            buf_adds (&b, "]");
            related_doc_free (&out[j]);
          }
        buf_adds (&b, "\n");
      }
  related_index_free (ri);
  return buf_steal (&b);
}

/* Are DIR's answers the same with its index, E's (NULL: an engine
   opened now), as without?  STEP as relate_all; NAME says which in the
   descriptions.  Returns the answers with the index (caller frees).  */
static char *
compare (const char *dir, struct engine *given, size_t step,
         const char *name)
{
  struct library *lib = load (dir);
  struct engine *e = given ? given : open_engine (dir);
  tap_ok (lib != NULL && e != NULL, "%s: library and index", name);
  if (lib == NULL || e == NULL)
    {
      if (e != given)
        engine_close (e);
      library_free (lib);
      return xstrdup ("");
    }
  size_t without = 0, with = SIZE_MAX;
  char *a = relate_all (lib, NULL, step, &without);
  char *b = relate_all (lib, e, step, &with);
  size_t n = library_document_count (lib);
  tap_ok (without == n, "%s: without the index, all %zu documents are "
          "analysed (%zu)", name, n, without);
  tap_ok (with == 0, "%s: with it, none is (%zu)", name, with);
  tap_ok (*a && strchr (a, '/') && strstr (a, " 0x"),
          "%s: documents are related", name);
  int same = strcmp (a, b) == 0;
  tap_ok (same, "%s: the same documents, scores, keywords and reasons, "
          "in the same order", name);
  if (!same)
    {
      /* The first line that differs.  */
      const char *p = a, *q = b;
      while (*p && *p == *q)
        p++, q++;
      while (p > a && p[-1] != '\n')
        p--, q--;
      printf ("# without: %.*s\n#    with: %.*s\n",
              (int) strcspn (p, "\n"), p, (int) strcspn (q, "\n"), q);
    }
  free (a);
  if (e != given)
    engine_close (e);
  library_free (lib);
  return b;
}

static int
run (const char *cmd)
{
  return system (cmd);
}

int
main (void)
{
  char tmp[] = "/tmp/cbrel.XXXXXX";
  tap_ok (mkdtemp (tmp) != NULL, "temporary directory");
  char *cache = xasprintf ("%s/cache", tmp);
  setenv ("XDG_CACHE_HOME", cache, 1);

  char *shipped = xasprintf ("%s/content", tmp);
  char *cmd = xasprintf ("cp -r '%s/content' '%s'", ABS_SRCDIR, shipped);
  tap_ok (run (cmd) == 0, "shipped content copied");
  free (cmd);
  free (compare (shipped, NULL, 1, "shipped content"));

  char *corpus = xasprintf ("%s/corpus", tmp);
  cmd = xasprintf ("CASEBOOK_SHIPPED='%s/content' sh "
                   "'%s/tests/bench/mkcorpus' 300 '%s' >/dev/null",
                   ABS_SRCDIR, ABS_SRCDIR, corpus);
  tap_ok (run (cmd) == 0, "a corpus of 300 documents generated");
  free (cmd);
  /* Every document is related through the index either way; the
     answers of every seventh are compared (each reads six files for
     its reasons).  */
  free (compare (corpus, NULL, 7, "300 documents"));

  /* One document edited: the Jiangxi case (4) takes in the text of the
     Henan one (6), which then comes first among its related cases.  The
     engine stays open meanwhile, as the browser's does, and has made a
     correction (whose temp.vocab once hid the index's vocabulary from
     the update).  */
  struct engine *e = open_engine (shipped);
  struct query_options qo = { 0 };
  struct query_error qe = { 0 };
  struct engine_query *q = e ? engine_compile (e, "circiut inspektion", &qo,
                                               &qe) : NULL;
  char *fix = q ? engine_suggest (e, q) : NULL;
  tap_ok (fix != NULL, "a correction is made (%s)", fix ? fix : "none");
  free (fix);
  engine_query_free (q);
  free (qe.message);
  char *before = compare (shipped, e, 1, "shipped content again");
  cmd = xasprintf ("cd '%s/batch3' && grep -E '^(zh|en\\.tr):' 06-henan.cb"
                   " | awk '/^zh:/ { print \"\" } { print }'"
                   " >>04-jiangxi.cb", shipped);
  tap_ok (run (cmd) == 0, "one document edited");
  free (cmd);
  struct diags d = { 0 };
  char *cause = NULL;
  int changed = e ? engine_refresh (e, &d, NULL, NULL, &cause) : -1;
  tap_ok (changed == 1, "the engine brings its index up to date (%d: %s)",
          changed, cause ? cause : "no error");
  free (cause);
  diags_free (&d);
  char *after = compare (shipped, e, 1, "after the edit");
  engine_close (e);
  tap_ok (strstr (before, "batch3/4 0: batch3/5 ") != NULL,
          "before it, the Jiangxi case relates first to the Shandong one");
  tap_ok (strstr (after, "batch3/4 0: batch3/6 ") != NULL,
          "after it, to the Henan one, whose text it took in");
  free (before);
  free (after);

  /* A unit separator (U+001F, the byte that joins a column's units in
     the index) in a paragraph's text: no term either way, and the
     paragraph's terms are not cut short at it, nor the next unit's taken
     for its.  */
  char *sep = xasprintf ("%s/separator", tmp);
  cmd = xasprintf ("cp -r '%s/content' '%s' && cd '%s/batch3'"
                   " && sed 's/^zh: 为切实做强/zh: 为切实\x1f做强/;"
                   "s/^en.tr: To effectively/en.tr: To\x1f effectively/'"
                   " 04-jiangxi.cb >x && mv x 04-jiangxi.cb"
                   " && [ $(tr -cd '\\037' <04-jiangxi.cb | wc -c) = 2 ]",
                   ABS_SRCDIR, sep, sep);
  tap_ok (run (cmd) == 0, "a separator put in two paragraphs");
  free (cmd);
  free (compare (sep, NULL, 1, "a separator in the text"));
  free (sep);

  cmd = xasprintf ("rm -rf '%s'", tmp);
  run (cmd);
  free (cmd);
  free (corpus);
  free (shipped);
  free (cache);
  norm_cleanup ();
  return tap_done ();
}
