/* test-engine-compile.c -- what engine_compile makes of a query, seen
   from inside (engine_priv.h): spellings of a concept that analyse to
   the same tokens are one FTS5 phrase, which the ranking counts once
   per spelling, as when each was a phrase of its own.  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "engine_priv.h"
#include "tap.h"

/* The phrases of Q whose FTS5 text is WORDS: how many times the
   expression holds it.  */
static size_t
occurrences (const char *match, const char *words)
{
  size_t n = 0;
  for (const char *p = match; p && (p = strstr (p, words)) != NULL;
       p += strlen (words))
    n++;
  return n;
}

/* The score of the first document Q finds, or -1.  */
static double
first_score (struct engine *e, const struct engine_query *q)
{
  struct engine_results r;
  char *cause = NULL;
  double s = -1;
  if (engine_search (e, q, &r, &cause) == 0)
    {
      if (r.ndocs > 0)
        s = r.docs[0].score;
      engine_results_free (&r);
    }
  free (cause);
  return s;
}

int
main (void)
{
  struct engine_options o = {
    .content_dir = ABS_SRCDIR "/tests/data/good", .in_memory = 1
  };
  struct diags d = { 0 };
  char *note = NULL, *cause = NULL;
  struct engine *e = engine_open (&o, &d, &note, &cause);
  tap_ok (e != NULL, "an index in memory over the sample (%s)",
          cause ? cause : "no error");
  diags_free (&d);
  free (note);
  free (cause);
  if (e == NULL)
    return tap_done ();

  /* The glossary gives 巡回检察, "circuit inspection" and, as a
     synonym, "circuit inspections": the stemmer makes the last two the
     same tokens.  */
  struct query_options qo = { 0 };
  struct query_error err = { 0 };
  struct engine_query *q = engine_compile (e, "circuit inspections", &qo,
                                           &err);
  tap_ok (q != NULL, "compiled (%s)", q ? "no error" : err.message);
  if (q == NULL)
    free (err.message);
  if (q)
    {
      tap_ok (q->nphrases == 2, "two phrases for three spellings (%zu): %s",
              q->nphrases, q->match);
      size_t en = 0, spellings = 0;
      for (size_t i = 0; i < q->nphrases; i++)
        if (q->phrases[i].spellings > 1)
          {
            en++;
            spellings = q->phrases[i].spellings;
          }
      tap_ok (en == 1 && spellings == 2, "the English phrase stands for "
              "both English spellings (%zu)", spellings);
      tap_ok (occurrences (q->match, "circuit inspection") == 1,
              "FTS5 looks for the English once: %s", q->match);

      /* Each spelling counts in the ranking: as one, the score drops.  */
      double as_two = first_score (e, q);
      for (size_t i = 0; i < q->nphrases; i++)
        q->phrases[i].spellings = 1;
      double as_one = first_score (e, q);
      tap_ok (as_two > 0 && as_one > 0 && as_two > as_one,
              "the ranking counts each spelling (%.4f, as one %.4f)",
              as_two, as_one);
      engine_query_free (q);
    }

  /* Spellings that stay different stay different phrases.  */
  q = engine_compile (e, "adjacent procuratorates", &qo, &err);
  if (q)
    {
      tap_ok (occurrences (q->match, "adjacent courts") == 1
              && occurrences (q->match, "adjacent procuratorates") == 1,
              "different words are different phrases: %s", q->match);
      engine_query_free (q);
    }
  else
    {
      tap_ok (0, "compiled adjacent procuratorates: %s", err.message);
      free (err.message);
    }

  /* A run of ideographs cut in three words: besides the whole run,
     each two words side by side are a phrase that joins concepts
     (刑事执行, 执行检查), found where a slip made the third another
     word.  */
  q = engine_compile (e, "刑事执行检查", &qo, &err);
  if (q)
    {
      size_t joining = 0;
      for (size_t i = 0; i < q->nphrases; i++)
        joining += q->phrases[i].concept == -3;
      if (q->nconcepts == 3)
        tap_ok (joining == 3, "the run and its two pairs join the three "
                "words (%zu): %s", joining, q->match);
      else
        tap_ok (1, "# SKIP 刑事执行检查 is %zu words here, not 3",
                q->nconcepts);
      engine_query_free (q);
    }
  else
    {
      tap_ok (0, "compiled 刑事执行检查: %s", err.message);
      free (err.message);
    }

  engine_close (e);
  return tap_done ();
}
