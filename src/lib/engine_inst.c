/* engine_inst.c -- what the auxiliary function cb_inst says of a row
   (the token positions of each of the query's phrases in each column),
   decoded, sorted and merged into hits.  */

#include <config.h>

#include "engine_priv.h"

#include <stdlib.h>
#include <string.h>

static int
compare_inst (const void *a, const void *b)
{
  const struct inst *x = a, *y = b;
  if (x->col != y->col)
    return x->col - y->col;
  if (x->first != y->first)
    return x->first - y->first;
  return x->last - y->last;
}

/* Sort V's N instances.  FTS5 gives them in order of column and first
   position (xInst), out of order only where two begin together: an
   insertion sort puts those right in one pass.  Should the order ever
   be further off, qsort takes over.  */
static void
sort_inst (struct inst *v, size_t n)
{
  size_t moves = 0;
  for (size_t i = 1; i < n; i++)
    {
      struct inst x = v[i];
      size_t j = i;
      while (j > 0 && compare_inst (&v[j - 1], &x) > 0)
        {
          v[j] = v[j - 1];
          j--;
          if (++moves > n)
            {
              v[j] = x;
              qsort (v, n, sizeof *v, compare_inst);
              return;
            }
        }
      v[j] = x;
    }
}

/* Of V's N sorted instances, those of one phrase that overlap in a
   column ("word word" at each word of "word word word word", 检察检察
   twice in 检察检察检察) are taken one after another, as a regex takes
   its matches: the first, then the next that begins after it ends.
   Else they were one hit as long as the run, and the phrase was found
   once where a regex finds it three times.  Returns how many are
   left.  */
static size_t
drop_overlapping (const struct engine_query *q, struct inst *v, size_t n)
{
  int small[64];
  int *end = q->nphrases <= 64 ? small
    : xmalloc (q->nphrases * sizeof *end);
  size_t kept = 0;
  int col = -1;
  for (size_t i = 0; i < n; i++)
    {
      if (v[i].col != col)
        {
          col = v[i].col;
          for (size_t p = 0; p < q->nphrases; p++)
            end[p] = -1;
        }
      if (v[i].first <= end[v[i].phrase])
        continue;
      end[v[i].phrase] = v[i].last;
      v[kept++] = v[i];
    }
  if (end != small)
    free (end);
  return kept;
}

/* Decode the instances of cb_inst's BLOB into *OUT (caller frees),
   sorted, skipping phrases the query does not know.  */
size_t
engine_inst_decode (const struct engine_query *q, const void *blob, int bytes,
                    struct inst **out, struct row_stats *rs)
{
  size_t n = bytes >= 16 ? (size_t) bytes / 16 - 1 : 0;
  struct inst *v = xcalloc (n ? n : 1, sizeof *v);
  size_t k = 0;
  const int32_t *p = blob;
  if (rs)
    {
      int32_t head[4] = { 0, 0, 0, 0 };
      if (bytes >= 16)
        memcpy (head, p, sizeof head);
      rs->len = head[0];
      rs->avg_len = head[2] > 0 ? head[2] : 1;
      rs->revised = (unsigned) head[3];
    }
  for (size_t i = 0; i < n; i++)
    {
      int32_t rec[4];
      memcpy (rec, p + 4 + 4 * i, sizeof rec);
      if (rec[0] < 0 || (size_t) rec[0] >= q->nphrases || rec[1] < 0
          || rec[1] >= COL_COUNT || rec[3] < 1)
        continue;
      v[k++] = (struct inst) { rec[0], rec[1], rec[2], rec[2] + rec[3] - 1 };
    }
  sort_inst (v, k);
  k = drop_overlapping (q, v, k);
  *out = v;
  return k;
}

/* Hits: instances merged where they overlap in one column (the
   instances of a regex's literal are not hits).  */
size_t
engine_inst_count_merged (const struct inst *v, size_t n,
                          const struct engine_query *q)
{
  size_t hits = 0;
  for (size_t i = 0; i < n;)
    {
      if (q->phrases[v[i].phrase].filter)
        {
          i++;
          continue;
        }
      size_t j = i + 1;
      int last = v[i].last;
      while (j < n && v[j].col == v[i].col && v[j].first <= last)
        {
          if (v[j].last > last && !q->phrases[v[j].phrase].filter)
            last = v[j].last;
          j++;
        }
      hits++;
      i = j;
    }
  return hits;
}

/* The hits of V (as engine_inst_count_merged counts them) in each
   language.  */
void
engine_inst_count_by_lang (const struct inst *v, size_t n,
                           const struct engine_query *q, size_t *lang_hits)
{
  lang_hits[LANG_ZH] = lang_hits[LANG_EN] = 0;
  for (size_t i = 0; i < n;)
    {
      size_t j = i + 1;
      while (j < n && v[j].col == v[i].col)
        j++;
      /* Instances are sorted by column: count each column's run.  */
      lang_hits[index_column_lang ((enum index_column) v[i].col)]
        += engine_inst_count_merged (v + i, j - i, q);
      i = j;
    }
}
