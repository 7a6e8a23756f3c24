/* fuzz-analyze.c -- libFuzzer target for the search analysis and the
   engine's translation of queries into FTS5: the input, when it is
   UTF-8, is analysed as an indexed text and as a query (every token must
   point inside the text, on character boundaries, in order), its token
   positions found by analyze_positions must be those the general
   analysis numbers (whole, and stopped after a few), then
   searched for in an index, built in memory, of tests/data/good: the
   query may be refused, never crash the engine or break FTS5's syntax,
   and every hit must lie inside its text.  Its first byte chooses
   --exact and --regex.  */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "analyze.h"
#include "engine.h"
#include "util.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

struct check
{
  const char *text;
  size_t len;
  size_t last_start;
};

static int
check_token (void *ctx, int colocated, const char *tok, size_t len,
             size_t start, size_t end)
{
  struct check *c = ctx;
  (void) colocated;
  if (len == 0 || tok == NULL || start > end || end > c->len
      || (start < c->len && (c->text[start] & 0xc0) == 0x80)
      || (end < c->len && (c->text[end] & 0xc0) == 0x80))
    abort ();
  c->last_start = start;
  return 0;
}

static void
check_positions (struct analyzer *a, const char *text, size_t len,
                 size_t stop)
{
  struct analyze_positions want = { .stop = stop }, got = { 0 };
  analyze_text (a, text, len, ANALYZE_POSITIONS, analyze_record_position,
                &want);
  analyze_positions (a, text, len, stop, &got);
  if (got.n != want.n)
    abort ();
  for (size_t i = 0; i < got.n; i++)
    if (got.start[i] != want.start[i] || got.end[i] != want.end[i])
      abort ();
  analyze_positions_free (&want);
  analyze_positions_free (&got);
}

static struct engine *
engine (void)
{
  static struct engine *e;
  if (e == NULL)
    {
      struct engine_options o = { .content_dir = ABS_SRCDIR "/tests/data/good",
                                  .in_memory = 1 };
      struct diags d = { 0 };
      char *note = NULL, *cause = NULL;
      e = engine_open (&o, &d, &note, &cause);
      if (e == NULL)
        abort ();
      diags_free (&d);
      free (note);
      free (cause);
    }
  return e;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 1 || size > 4096)
    return 0;
  unsigned flags = data[0];
  char *text = xstrndup ((const char *) data + 1, size - 1);
  size_t len = strlen (text);
  if (u8_check ((const uint8_t *) text, len) != NULL)
    {
      free (text);
      return 0;
    }
  struct engine *e = engine ();
  struct analyzer *a = analyzer_new ();
  struct check c = { text, len, 0 };
  analyze_text (a, text, len, ANALYZE_INDEX, check_token, &c);
  analyze_text (a, text, len, ANALYZE_QUERY, check_token, &c);
  check_positions (a, text, len, SIZE_MAX);
  check_positions (a, text, len, 1 + flags % 8);
  analyzer_free (a);
  struct query_options qo = { .exact = flags & 1, .regex = (flags & 2) != 0 };
  struct query_error err;
  struct engine_query *q = engine_compile (e, text, &qo, &err);
  if (q == NULL)
    free (err.message);
  else
    {
      struct engine_results r;
      char *error = NULL;
      if (engine_search (e, q, &r, &error) == 0)
        {
          for (size_t i = 0; i < r.ndocs; i++)
            {
              struct engine_hits h;
              if (engine_hits (e, q, &r.docs[i], &h, &error) != 0)
                {
                  free (error);
                  error = NULL;
                  continue;
                }
              if (h.n != r.docs[i].hits)
                abort ();
              for (size_t k = 0; k < h.n; k++)
                if (h.hits[k].start > h.hits[k].end
                    || h.hits[k].end > h.hits[k].text_len)
                  abort ();
              engine_hits_free (&h);
            }
          engine_results_free (&r);
        }
      free (error);
      engine_query_free (q);
    }
  free (text);
  return 0;
}
