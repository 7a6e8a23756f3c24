/* search.c -- what the browser keeps of a search (hits by document) and
   the regex matcher the engine runs over texts: PCRE2 under match
   limits, every match on character boundaries.  Words and phrases are
   matched by the index (engine_*.c); this file knows nothing of them.  */

#include <config.h>
#include "search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "i18n.h"
#include "regex_error.h"
#include "util.h"

struct hitvec
{
  struct hit *items;
  size_t count;
  size_t alloc;
};

static void
hitvec_add (struct hitvec *v, const struct hit *h)
{
  v->items = xgrow (v->items, &v->alloc, v->count + 1, sizeof *v->items);
  v->items[v->count++] = *h;
}

static long match_regex (const struct term *t, const struct text *orig,
                         const size_t *starts, size_t nstarts, size_t base,
                         struct hitvec *v, const struct hit *proto,
                         char **cause, struct search_scratch *scratch);

struct search_scratch *
search_scratch_new (void)
{
  struct search_scratch *sc = xcalloc (1, sizeof *sc);
  sc->md = pcre2_match_data_create (1, NULL);
  sc->mc = pcre2_match_context_create (NULL);
  pcre2_set_match_limit (sc->mc, QUERY_MATCH_LIMIT);
  pcre2_set_depth_limit (sc->mc, QUERY_DEPTH_LIMIT);
  pcre2_set_heap_limit (sc->mc, 20000);  /* KiB */
  return sc;
}

void
search_scratch_free (struct search_scratch *sc)
{
  if (sc == NULL)
    return;
  pcre2_match_data_free (sc->md);
  pcre2_match_context_free (sc->mc);
  free (sc);
}

long
search_regex_spans (const struct term *t, const char *s, size_t len,
                    const size_t *starts, size_t nstarts, size_t base,
                    struct search_span **spans, size_t *nspans,
                    size_t *alloc, char **cause,
                    struct search_scratch *scratch)
{
  struct hitvec v = { 0 };
  struct text orig = { (char *) s, len, ORIGIN_RELEASE, 0, 0 };
  struct hit proto = { .part = PART_BLOCK };
  long n = match_regex (t, &orig, starts, nstarts, base, &v, &proto, cause,
                        scratch);
  for (size_t i = 0; n > 0 && i < v.count; i++)
    {
      *spans = xgrow (*spans, alloc, *nspans + 1, sizeof **spans);
      (*spans)[(*nspans)++] = (struct search_span) { v.items[i].start, v.items[i].end };
    }
  free (v.items);
  return n;
}

/* Run regex term T over ORIG (see search_regex_spans for STARTS).
   Returns the count or -1 on a limit.
   SCRATCH, if not NULL, lends the match data and limits.  */
static long
match_regex (const struct term *t, const struct text *orig,
             const size_t *starts, size_t nstarts, size_t base,
             struct hitvec *v, const struct hit *proto, char **cause,
             struct search_scratch *scratch)
{
  struct search_scratch *own = scratch ? NULL : search_scratch_new ();
  struct search_scratch *sc = scratch ? scratch : own;
  pcre2_match_data *md = sc->md;
  pcre2_match_context *mc = sc->mc;
  long count = 0;
  PCRE2_SIZE off = 0;
  uint32_t opts = PCRE2_NO_UTF_CHECK;
  size_t next = 0;
  while (off <= orig->len)
    {
      if (starts && opts == PCRE2_NO_UTF_CHECK)
        {
          /* Every match begins with the literal: start where it next
             stands (PCRE2 still sees what comes before), and stop where
             it stands no more.  */
          while (next < nstarts && starts[next] - base < off)
            next++;
          if (next == nstarts)
            break;
          off = starts[next] - base;
        }
      /* pcre2_jit_match skips pcre2_match's checks: on many short texts
         they cost as much as the matching, and with
         PCRE2_MATCH_INVALID_UTF pcre2_match checks the rest of the text
         at every call.  After an empty match it looks on for one that
         is not empty there (it takes no PCRE2_ANCHORED, which the
         retry without JIT uses).  */
      int rc = t->jit
        ? pcre2_jit_match (t->re, (PCRE2_SPTR) orig->str, orig->len, off,
                           opts & PCRE2_NOTEMPTY_ATSTART, md, mc)
        : pcre2_match (t->re, (PCRE2_SPTR) orig->str, orig->len, off, opts, md, mc);
      if (rc == PCRE2_ERROR_NOMATCH)
        {
          if (opts & PCRE2_ANCHORED)
            {
              /* Advance one character after an empty match.  */
              opts = PCRE2_NO_UTF_CHECK;
              off++;
              while (off < orig->len && (orig->str[off] & 0xc0) == 0x80)
                off++;
              continue;
            }
          break;
        }
      if (rc < 0)
        {
          char *msg = regex_error_message (rc);
          *cause = xasprintf (_("regular expression /%s/ failed: %s"),
                              t->source, msg);
          free (msg);
          count = -1;
          break;
        }
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
      if (ov[1] > ov[0])
        {
          count++;
          if (v)
            {
              struct hit h = *proto;
              h.start = ov[0];
              h.end = ov[1];
              hitvec_add (v, &h);
            }
        }
      off = ov[1];
      opts = PCRE2_NO_UTF_CHECK;
      if (ov[1] == ov[0])
        opts |= PCRE2_NOTEMPTY_ATSTART | (t->jit ? 0 : PCRE2_ANCHORED);
    }
  search_scratch_free (own);
  return count;
}

void
search_doc_result_free (struct doc_result *r)
{
  free (r->hits);
  r->hits = NULL;
  r->nhits = 0;
}

