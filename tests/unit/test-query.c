/* test-query.c -- the query language, matching across forms and
   languages, hit offsets, ranking and regex limits, on the small fixture
   collection tests/data/good.  */

#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content.h"
#include "norm.h"
#include "query.h"
#include "search.h"
#include "tap.h"

static struct library *lib;

/* Run QUERY and return "doc:hits doc:hits" in rank order ("" if none,
   "error" on failure).  Caller frees.  */
static char *
run (const char *query, int exact, int regex)
{
  struct query_options qo = { .exact = exact, .regex = regex,
                              .glossary = &lib->glossary };
  struct query_error err;
  struct query *q = query_parse (query, &qo, &err);
  if (q == NULL)
    {
      free (err.message);
      return xstrdup ("error");
    }
  struct search_results res;
  char *error = NULL;
  struct buf b = { 0 };
  if (search_library (q, lib, &res, &error) != 0)
    {
      free (error);
      query_free (q);
      return xstrdup ("error");
    }
  for (size_t i = 0; i < res.ndocs; i++)
    buf_printf (&b, "%s%ld:%zu", i ? " " : "", res.docs[i].doc->number,
                res.docs[i].nhits);
  search_results_free (&res);
  query_free (q);
  return buf_steal (&b);
}

static void
finds (const char *query, const char *want, const char *what)
{
  char *got = run (query, 0, 0);
  tap_is (got, want, "%s: %s", what, query);
  free (got);
}

static void
parse_error (const char *query, const char *want_msg, size_t want_off)
{
  struct query_options qo = { .glossary = &lib->glossary };
  struct query_error err = { 0 };
  struct query *q = query_parse (query, &qo, &err);
  tap_ok (q == NULL && err.message && strstr (err.message, want_msg)
          && err.offset == want_off, "error for [%s]: %s at %zu (got %s at %zu)",
          query, want_msg, want_off, err.message ? err.message : "none", err.offset);
  query_free (q);
  free (err.message);
}

/* The original text of the first hit of QUERY in document DOC.  */
static char *
first_hit (const char *query, const char *doc)
{
  struct query_options qo = { .glossary = &lib->glossary };
  struct query_error err;
  struct query *q = query_parse (query, &qo, &err);
  const struct document *d = library_find (lib, doc);
  struct doc_result r;
  char *error = NULL, *out = NULL;
  if (q && d && search_document (q, d, &r, &error) == 1 && r.nhits)
    {
      const struct text *t = search_hit_text (d, &r.hits[0]);
      out = xstrndup (t->str + r.hits[0].start, r.hits[0].end - r.hits[0].start);
      search_doc_result_free (&r);
    }
  query_free (q);
  return out;
}

int
main (void)
{
  const char *top = getenv ("top_srcdir");
  char *dir = xasprintf ("%s/tests/data/good", top ? top : "..");
  struct diags d = { 0 };
  lib = content_load (dir, &d);
  tap_ok (d.errors == 0, "fixture loads");

  finds ("巡回检察", "1:8", "Chinese term, and its English rendering");
  char *exact = run ("巡回检察", 1, 0);
  tap_is (exact, "1:4", "--exact matches only the Chinese");
  free (exact);
  finds ("circuit inspection", "1:8", "English words across languages");
  finds ("\"circuit inspection\"", "1:8", "a phrase");
  finds ("inspect", "1:4", "an English prefix matches");
  finds ("spect", "", "but not inside a word");
  finds ("HULUNBUIR", "2:2", "any case");
  finds ("（一）", "1:1", "full-width parentheses find ASCII ones");
  finds ("案-件比", "1:1", "a hyphenated Chinese term");
  finds ("adjacent courts", "2:5", "release variant finds every rendering");
  finds ("邻近院", "2:5", "Chinese finds the garbled English");
  finds ("integration -hulunbuir", "", "exclusion removes the document");
  finds ("tag:巡回检察", "1:1", "tag: restricts to a keyword");
  finds ("tag:邻近院 14", "2:3", "tag: with a term");
  finds ("lang:en 巡回检察", "1:4", "lang:en looks at English only");
  finds ("lang:zh \"circuit inspection\"", "1:4", "lang:zh with an English query finds Chinese via the glossary");
  finds ("/\\d{3},\\d{3}/", "2:1", "a regex");
  finds ("/Inspection/", "", "an upper-case regex is case-sensitive");
  finds ("/inspection/", "1:4", "a lower-case regex is caseless");
  finds ("39 prisons", "1:3", "all terms must occur");
  finds ("nothing-like-this", "", "no match");
#if HAVE_OPENCC
  if (norm_has_opencc ())
    finds ("巡迴檢察", "1:8", "traditional query finds simplified text");
  else
    tap_ok (1, "# SKIP OpenCC data missing");
#else
  tap_ok (1, "# SKIP built without OpenCC");
#endif

  char *h = first_hit ("ＨＵＬＵＮＢＵＩＲ", "2");
  tap_is (h, "Hulunbuir", "a hit maps back to the original text");
  free (h);
  h = first_hit ("（一）", "1");
  tap_is (h, "(一)", "a full-width query highlights the ASCII original");
  free (h);

  /* Ranking: a title hit outweighs a body hit.  */
  finds ("cases", "0:2 2:1", "ranking puts the document with a title hit first");

  parse_error ("\"open", "unterminated quotation mark", 0);
  parse_error ("a tag:", "'tag:' needs a keyword", 2);
  parse_error ("lang:fr", "'lang:' takes 'zh' or 'en'", 0);
  parse_error ("x /a(b/", "invalid regular expression", 6);
  parse_error ("x /abc", "unterminated /regex/", 2);
  parse_error ("", "empty query", 0);
  parse_error ("   ", "empty query", 0);
  parse_error ("-only", "at least one term", 0);
  parse_error ("bad\xff", "not valid UTF-8", 3);

  /* A catastrophic pattern ends with an error, quickly.  */
  struct query_options qo = { .regex = 1 };
  struct query_error err;
  struct query *q = query_parse ("(a+)+$", &qo, &err);
  struct document doc = { 0 };
  struct section sec = { 0 };
  struct block blk = { 0 };
  char *longtext = xmalloc (50002);
  memset (longtext, 'a', 50000);
  strcpy (longtext + 50000, "!");
  blk.text.side[LANG_EN] = (struct text) { longtext, 50001, ORIGIN_RELEASE, 1, 0 };
  sec.blocks = &blk;
  sec.nblocks = 1;
  doc.sections = &sec;
  doc.nsections = 1;
  struct doc_result r;
  char *error = NULL;
  clock_t t0 = clock ();
  int rc = search_document (q, &doc, &r, &error);
  double secs = (double) (clock () - t0) / CLOCKS_PER_SEC;
  tap_ok (rc == -1 && error && strstr (error, "limit"), "(a+)+$ stops at a limit: %s",
          error ? error : "no error");
  tap_ok (secs < 5.0, "and stops promptly");
  free (error);
  free (longtext);
  query_free (q);

  library_free (lib);
  diags_free (&d);
  free (dir);
  norm_cleanup ();
  return tap_done ();
}
