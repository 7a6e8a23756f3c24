/* answer.h -- for the engine's tests: an engine opened, and a query's
   whole answer as one string, to compare two engines or two ways of
   asking.  Included by the tests that need it (after engine.h).  */

#ifndef CASEBOOK_TEST_ANSWER_H
#define CASEBOOK_TEST_ANSWER_H

/* An engine on the content DIR, its index in the cache or IN_MEMORY;
   what opening it reported printed as TAP comments, and its note in
   *NOTE (caller frees) if NOTE is not NULL.  NULL if it failed.
   (Inline: not every test that includes this opens one so.)  */
static inline struct engine *
answer_open_engine (const char *dir, int in_memory, char **note)
{
  struct engine_options o = { .content_dir = dir, .in_memory = in_memory };
  struct diags d = { 0 };
  char *cause = NULL, *n = NULL;
  struct engine *e = engine_open (&o, &d, &n, &cause);
  for (size_t i = 0; i < d.count; i++)
    printf ("# %s:%lu: %s\n", d.items[i].file, d.items[i].line,
            d.items[i].message);
  if (e == NULL)
    printf ("# engine_open: %s\n", cause ? cause : "?");
  diags_free (&d);
  free (cause);
  if (note)
    *note = n;
  else
    free (n);
  return e;
}

/* "COLL/N:hits:concepts" of every match, best first, and for each its
   hits ("zh[...]") as engine_hits returns them, with a note where they
   are not what the search counted or overlap (answer_consistent); or
   "error: ...".  For a reader of the revised English if REVISED.  */
static char *
answer_as (struct engine *e, const char *text, int revised)
{
  struct query_options qo = { .revised = revised };
  struct query_error err;
  struct buf b = { 0 };
  struct engine_query *q = engine_compile (e, text, &qo, &err);
  if (q == NULL)
    {
      buf_printf (&b, "error: %s", err.message);
      free (err.message);
      return buf_steal (&b);
    }
  struct engine_results r;
  char *error = NULL;
  if (engine_search (e, q, &r, &error) != 0)
    buf_printf (&b, "error: %s", error);
  else
    {
      for (size_t i = 0; i < r.ndocs; i++)
        {
          struct engine_hits h;
          buf_printf (&b, "%s/%ld:%zu:%zu ", r.docs[i].collection,
                      r.docs[i].number, r.docs[i].hits, r.docs[i].concepts);
          if (engine_hits (e, q, &r.docs[i], &h, &error) == 0)
            {
              if (h.n != r.docs[i].hits)
                buf_printf (&b, "(%zu hits listed) ", h.n);
              size_t by_lang = r.docs[i].lang_hits[LANG_ZH]
                + r.docs[i].lang_hits[LANG_EN];
              if (by_lang != r.docs[i].hits)
                buf_printf (&b, "(%zu hits by language) ", by_lang);
              for (size_t k = 1; k < h.n; k++)
                {
                  const struct engine_hit *x = &h.hits[k - 1];
                  const struct engine_hit *y = &h.hits[k];
                  if (x->part == y->part && x->section == y->section
                      && x->block == y->block && x->lang == y->lang
                      && y->start < x->end)
                    buf_printf (&b, "(hits %zu and %zu overlap) ", k - 1, k);
                }
              for (size_t k = 0; k < h.n; k++)
                buf_printf (&b, "%s[%.*s]", lang_code (h.hits[k].lang),
                            (int) (h.hits[k].end - h.hits[k].start),
                            h.hits[k].text + h.hits[k].start);
              buf_addc (&b, ' ');
              engine_hits_free (&h);
            }
          else
            {
              buf_printf (&b, "hits error: %s", error);
              free (error);
              error = NULL;
            }
        }
      engine_results_free (&r);
    }
  free (error);
  engine_query_free (q);
  return buf_steal (&b);
}

/* answer_as for a reader of the release's English.  */
static char *
answer (struct engine *e, const char *text)
{
  return answer_as (e, text, 0);
}

/* Does answer A list each document's hits as the search counts them,
   in all and by language?  */
static inline int
answer_consistent (const char *a)
{
  return strstr (a, " hits listed)") == NULL
    && strstr (a, " hits by language)") == NULL;
}

/* Do two hits of answer A overlap?  (Two words' can, by a character,
   where their bigrams do not: 检察 and 察组获评 in 检察组获评.)  */
static inline int
answer_overlaps (const char *a)
{
  return strstr (a, " overlap)") != NULL;
}

#endif /* CASEBOOK_TEST_ANSWER_H */
