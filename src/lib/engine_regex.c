/* engine_regex.c -- the query's regexes run with PCRE2 over a
   document's texts: only over the units where FTS5 found a literal
   that every match holds, when a regex has one.  */

#include <config.h>

#include "engine_priv.h"

#include <stdlib.h>
#include <string.h>

#include "search.h"

/* The columns that the regexes of Q must be run on in a document whose
   instances are V (N): those that hold a literal of every regex, when
   each has literals (else all), with those of the revised English that
   say where the release's English is hidden.  */
unsigned
engine_regex_columns (const struct engine_query *q, const struct inst *v,
                      size_t n)
{
  unsigned mask = 0;
  for (size_t i = 0; i < q->q->nterms; i++)
    if (q->q->terms[i].kind == TERM_REGEX)
      {
        if (q->regex_req[i] < 0 || v == NULL)
          return ~0u;
        for (size_t k = 0; k < n; k++)
          if (q->phrases[v[k].phrase].filter
              && q->phrases[v[k].phrase].req == q->regex_req[i])
            mask |= 1u << v[k].col;
      }
  /* A reader of the revised English reads the release's only where it
     was not revised: which places were is in the revised columns.  */
  return q->revised ? engine_texts_with_revised (mask) : mask;
}

/* Mark in WANT (per column, per unit; caller frees) the units of T that
   hold an instance among V (N) of the literals of the regex term I: a
   match holds a literal, and no match runs across units.  Returns 0 if
   the term has none to go by (every unit must be searched).  */
static int
regex_units (const struct engine_query *q, size_t i, const struct doc_texts *t,
             const struct inst *v, size_t n, unsigned char *want[COL_COUNT])
{
  if (q->regex_req[i] < 0 || v == NULL)
    return 0;
  for (size_t k = 0; k < n; k++)
    {
      const struct phrase *p = &q->phrases[v[k].phrase];
      int c = v[k].col;
      if (!p->filter || p->req != q->regex_req[i] || t->nunits[c] == 0)
        continue;
      if (want[c] == NULL)
        want[c] = xcalloc (t->nunits[c], 1);
      const struct index_unit *u =
        engine_texts_units_placed (t, c) && v[k].first >= 0
        ? engine_texts_unit_of_token (t, c, (size_t) v[k].first) : NULL;
      if (u)
        want[c][u - t->units[c]] = 1;
      else
        memset (want[c], 1, t->nunits[c]);
    }
  return 1;
}

/* Run the regex terms of Q over the texts T.  Appends each match to
   HITS (if not NULL) and returns 1 if every positive regex matched and
   no negated one did, 0 if not, -1 on a limit with *CAUSE.  *COUNT gets
   the number of matches of positive regexes.  */
int
engine_regex_run (const struct engine_query *q, const struct doc_texts *t,
                  const struct inst *v, size_t nv, struct engine_hits *hits,
                  size_t *hits_alloc, size_t *count, size_t *lang_count,
                  char **cause)
{
  *count = 0;
  size_t found_lang[LANG_COUNT] = { 0, 0 };
  struct search_span *spans = NULL;
  size_t alloc = 0;
  int ok = 1;
  /* One set of match data for every text of the document, not one per
     paragraph.  */
  struct search_scratch *scratch = q->has_regex ? search_scratch_new () : NULL;
  for (size_t i = 0; i < q->q->nterms && ok == 1; i++)
    {
      const struct term *term = &q->q->terms[i];
      if (term->kind != TERM_REGEX)
        continue;
      size_t found = 0;
      unsigned char *want[COL_COUNT] = { NULL };
      int selected = regex_units (q, i, t, v, nv, want);
      for (int c = 0; c < COL_COUNT && ok == 1; c++)
        {
          if ((q->lang_only >= 0
               && index_column_lang ((enum index_column) c)
                  != (enum lang) q->lang_only)
              || (c >= COL_TITLE_REV && !q->revised)
              || (selected && want[c] == NULL))
            continue;
          for (size_t u = 0; u < t->nunits[c]; u++)
            {
              const struct index_unit *un = &t->units[c][u];
              if (selected && !want[c][u])
                continue;
              /* The reader of the revised English does not see it.  */
              if (q->revised && engine_texts_is_revised (t, c, un))
                continue;
              engine_texts_unit (t, c, un);
              size_t n = 0;
              long r = search_regex_spans (term, t->col[c] + un->off,
                                           un->len, NULL, 0, 0, &spans, &n,
                                           &alloc, cause, scratch);
              if (r < 0)
                {
                  ok = -1;
                  break;
                }
              found += n;
              if (!term->negated)
                found_lang[index_column_lang ((enum index_column) c)] += n;
              if (hits && !term->negated)
                for (size_t k = 0; k < n; k++)
                  {
                    hits->hits = xgrow (hits->hits, hits_alloc, hits->n + 1,
                                        sizeof *hits->hits);
                    hits->hits[hits->n++] = (struct engine_hit) {
                      .part = un->part, .section = un->section,
                      .block = un->block,
                      .lang = index_column_lang ((enum index_column) c),
                      .origin = un->origin, .start = spans[k].start,
                      .end = spans[k].end, .text = t->col[c] + un->off,
                      .text_len = un->len, .concept = -1,
                      .keywords = index_column_keywords ((enum index_column) c)
                    };
                  }
            }
        }
      for (int c = 0; c < COL_COUNT; c++)
        free (want[c]);
      if (ok == 1)
        {
          if (term->negated ? found > 0 : found == 0)
            ok = 0;
          else if (!term->negated)
            *count += found;
        }
    }
  if (lang_count)
    for (int l = 0; l < LANG_COUNT; l++)
      lang_count[l] = found_lang[l];
  free (spans);
  search_scratch_free (scratch);
  return ok;
}
