/* engine_hits.c -- the hits of one document in byte offsets of the text
   the reader sees: its instances grouped by reading order, and only the
   units that hold the ones wanted read and analysed again as the
   tokenizer did.  */

#include <config.h>

#include "engine_priv.h"

#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unistr.h>

#include "i18n.h"
#include "norm.h"

/* Token positions of one column mapped to bytes: the positions of one
   unit at a time (BY_UNIT), or of the column from its start.  */
struct token_map
{
  struct analyzer *a;
  const struct doc_texts *t;
  int col;
  int by_unit;
  const struct index_unit *unit; /* whose positions POS holds */
  struct analyze_positions pos;
  int analysed;                 /* the column, when not BY_UNIT */
  size_t need;                  /* the last position (of the column) the
                                   caller will ask for in this unit, or
                                   in the column: analysis stops there */
};

/* Bytes [*START, *END) of the column's text that token position P came
   from.  Returns 0 if there is no such position.  */
static int
token_bytes (struct token_map *tm, size_t p, size_t *start, size_t *end)
{
  const struct doc_texts *t = tm->t;
  int c = tm->col;
  if (!tm->by_unit)
    {
      if (!tm->analysed)
        {
          engine_texts_column (t, c);
          analyze_positions (tm->a, t->col[c], t->len[c],
                             tm->need < p ? p + 1 : tm->need + 1, &tm->pos);
          tm->analysed = 1;
        }
      if (p >= tm->pos.n && tm->pos.n == tm->pos.stop)
        analyze_positions (tm->a, t->col[c], t->len[c], SIZE_MAX, &tm->pos);
      if (p >= tm->pos.n)
        return 0;
      *start = tm->pos.start[p];
      *end = tm->pos.end[p];
      return 1;
    }
  const struct index_unit *u = engine_texts_unit_of_token (t, c, p);
  if (u == NULL)
    return 0;
  size_t rel = p - u->token;
  if (tm->unit != u)
    {
      engine_texts_unit (t, c, u);
      size_t need = tm->need >= p ? tm->need - u->token : rel;
      analyze_positions (tm->a, t->col[c] + u->off, u->len, need + 1,
                         &tm->pos);
      tm->unit = u;
    }
  /* Asked for more than was expected: the rest of the unit.  */
  if (rel >= tm->pos.n && tm->pos.n == tm->pos.stop)
    analyze_positions (tm->a, t->col[c] + u->off, u->len, SIZE_MAX,
                       &tm->pos);
  if (rel >= tm->pos.n)
    return 0;
  *start = u->off + tm->pos.start[rel];
  *end = u->off + tm->pos.end[rel];
  return 1;
}

/* Where the last character of bytes [START, END) of S begins (START
   if none): the last grapheme, so that a variation selector after an
   ideograph (察\uFE00) stays with it.  */
static size_t
last_char_at (const char *s, size_t start, size_t end)
{
  if (end <= start)
    return start;
  const uint8_t *last = u8_grapheme_prev ((const uint8_t *) s + end,
                                          (const uint8_t *) s + start);
  return last ? (size_t) (last - (const uint8_t *) s) : start;
}

/* Is the character S (LEN bytes: a grapheme, perhaps with a variation
   selector after it) FOLDED once folded?  */
static int
char_folds_to (const char *s, size_t len, const char *folded)
{
  size_t n = strlen (folded);
  if (len >= n && memcmp (s, folded, n) == 0)
    return 1;
  char *f = norm_fold_string (s, len);
  int same = strncmp (f, folded, n) == 0;
  free (f);
  return same;
}

/* The unit of column text T that holds byte OFF.  */
static const struct index_unit *
unit_at (const struct doc_texts *t, int col, size_t off)
{
  size_t lo = 0, hi = t->nunits[col];
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      const struct index_unit *u = &t->units[col][mid];
      if (off < u->off)
        hi = mid;
      else if (off >= (size_t) u->off + u->len)
        lo = mid + 1;
      else
        return u;
    }
  return NULL;
}

/* Reading order of places in a document (engine_texts_compare_place);
   within one, Chinese before English.  */
static int
compare_place (enum hit_part pa, size_t sa, size_t ba, enum lang la,
               enum hit_part pb, size_t sb, size_t bb, enum lang lb)
{
  int c = engine_texts_compare_place (pa, sa, ba, pb, sb, bb);
  return c ? c : (int) la - (int) lb;
}

/* Reading order of hits: by place, then by offset in the text.  */
static int
compare_hits (const void *a, const void *b)
{
  const struct engine_hit *x = a, *y = b;
  int c = compare_place (x->part, x->section, x->block, x->lang,
                         y->part, y->section, y->block, y->lang);
  if (c)
    return c;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

/* A hit of engine_hits_merged: whether it is a regex's match, and the
   first of the hits merged with it (a union-find's parent).  */
struct merge_item
{
  struct engine_hit h;
  int match;
  size_t parent;
};

static int
compare_merge_items (const void *a, const void *b)
{
  return compare_hits (&((const struct merge_item *) a)->h,
                       &((const struct merge_item *) b)->h);
}

static size_t
merge_root (struct merge_item *m, size_t i)
{
  while (m[i].parent != i)
    {
      m[i].parent = m[m[i].parent].parent;
      i = m[i].parent;
    }
  return i;
}

size_t
engine_hits_merged (struct engine_hit *hits, size_t n, size_t nwords)
{
  if (n < 2)
    return n;
  struct merge_item *m = xcalloc (n, sizeof *m);
  for (size_t i = 0; i < n; i++)
    m[i] = (struct merge_item) { hits[i], i >= nwords, 0 };
  qsort (m, n, sizeof *m, compare_merge_items);
  for (size_t i = 0; i < n; i++)
    m[i].parent = i;
  /* The hits before this one in its text that reach past its start:
     those it overlaps.  Two words' hits stay apart (as without a
     regex: 检察 and 察组获评 in 检察组获评); a match joins whatever it
     overlaps, and what those are joined to.  */
  size_t *open = xcalloc (n, sizeof *open);
  size_t nopen = 0;
  for (size_t i = 0; i < n; i++)
    {
      const struct engine_hit *y = &m[i].h;
      size_t kept = 0;
      for (size_t k = 0; k < nopen; k++)
        {
          const struct engine_hit *x = &m[open[k]].h;
          if (x->text != y->text || x->end <= y->start
              || compare_place (x->part, x->section, x->block, x->lang,
                                y->part, y->section, y->block, y->lang))
            continue;
          open[kept++] = open[k];
          if (m[open[k]].match || m[i].match)
            {
              size_t a = merge_root (m, open[k]), b = merge_root (m, i);
              /* The root is the first in reading order.  */
              if (a < b)
                m[b].parent = a;
              else if (b < a)
                m[a].parent = b;
            }
        }
      nopen = kept;
      open[nopen++] = i;
    }
  free (open);
  /* Each merged hit covers all of its own, with the concept of the
     first word's that has one.  */
  for (size_t i = 0; i < n; i++)
    {
      size_t r = merge_root (m, i);
      if (r == i)
        continue;
      if (m[i].h.end > m[r].h.end)
        m[r].h.end = m[i].h.end;
      if (m[r].h.concept < 0)
        m[r].h.concept = m[i].h.concept;
    }
  size_t kept = 0;
  for (size_t i = 0; i < n; i++)
    if (m[i].parent == i)
      hits[kept++] = m[i].h;
  free (m);
  /* A merged hit may now end after one that began with it (rarely:
     look before sorting again).  */
  for (size_t i = 1; i < kept; i++)
    if (compare_hits (&hits[i - 1], &hits[i]) > 0)
      {
        qsort (hits, kept, sizeof *hits, compare_hits);
        break;
      }
  return kept;
}

/* A hit before it is placed in the text: the instances V[I..J) of one
   column, merged where they overlap (as engine_search counted them),
   ending at token LAST, in UNIT (NULL when the index cannot tell).  */
struct hit_group
{
  size_t i, j;
  int col, last;
  const struct index_unit *unit;
};

/* Reading order of two groups as far as their units tell: the order of
   compare_hits but for the offsets inside one text.  */
static int
compare_group_place (const struct hit_group *x, const struct hit_group *y)
{
  const struct index_unit *a = x->unit, *b = y->unit;
  return compare_place (a->part, a->section, a->block,
                        index_column_lang ((enum index_column) x->col),
                        b->part, b->section, b->block,
                        index_column_lang ((enum index_column) y->col));
}

static int
compare_group_reading (const void *a, const void *b)
{
  const struct hit_group *x = a, *y = b;
  int c = compare_group_place (x, y);
  if (c)
    return c;
  return x->i < y->i ? -1 : x->i > y->i;
}

static int
compare_group_column (const void *a, const void *b)
{
  const struct hit_group *x = a, *y = b;
  return x->i < y->i ? -1 : x->i > y->i;
}

/* A place (part, section, block and language) that groups G[FROM..TO)
   of a document are in, and what the query's words it holds weigh.  */
struct place_weight
{
  size_t from, to;
  double weight;
  size_t best;                  /* the first group of its rarest concept */
};

static int
compare_place_weight (const void *a, const void *b)
{
  const struct place_weight *x = a, *y = b;
  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  return x->from < y->from ? -1 : x->from > y->from;
}

/* Of the K groups G (in reading order) of the instances V, keep those of
   the MAX_TEXTS places that hold the weightiest words of Q, by the IDF
   (IDF[c], NIDF concepts) of the concepts each holds, each counted once:
   a paragraph with the rare word of the query before a title with only
   its common one ("虚假诉讼监督": 虚假诉讼 before 监督).  Places that weigh
   the same go in reading order.  A place's groups are kept from the
   first of its rarest concept on: its passage shows that word, not the
   common one before it.  At most MAX groups in all (0: all), shared
   between the places, so that each keeps some.  Returns how many are
   kept, in reading order.  */
static size_t
keep_weightiest_places (struct hit_group *g, size_t k, const struct inst *v,
                        const struct engine_query *q, const double *idf,
                        size_t nidf, size_t max, size_t max_texts)
{
  struct place_weight *pw = xcalloc (k, sizeof *pw);
  size_t np = 0;
  unsigned char *seen = xcalloc (nidf, 1);
  for (size_t x = 0; x < k;)
    {
      size_t y = x + 1;
      while (y < k && compare_group_place (&g[y], &g[x]) == 0)
        y++;
      memset (seen, 0, nidf);
      double w = 0, top = -1;
      size_t best = x;
      /* A group's concept is its first instance's, as its hit's.  */
      for (size_t a = x; a < y; a++)
        {
          int c = q->phrases[v[g[a].i].phrase].concept;
          if (c >= 0 && (size_t) c < nidf && !seen[c])
            {
              seen[c] = 1;
              w += idf[c];
              if (idf[c] > top)
                {
                  top = idf[c];
                  best = a;
                }
            }
        }
      pw[np++] = (struct place_weight) { x, y, w, best };
      x = y;
    }
  free (seen);
  qsort (pw, np, sizeof *pw, compare_place_weight);
  if (np > max_texts)
    np = max_texts;
  if (max && np > max)
    np = max;
  /* Back in reading order.  */
  for (size_t a = 1; a < np; a++)
    for (size_t b = a; b > 0 && pw[b - 1].from > pw[b].from; b--)
      {
        struct place_weight tmp = pw[b];
        pw[b] = pw[b - 1];
        pw[b - 1] = tmp;
      }
  size_t each = max == 0 ? SIZE_MAX : np ? (max + np - 1) / np : max;
  if (max && each * np > max)
    each = max / np ? max / np : 1;
  /* With room for more passages than places (-n 100000), the groups
     before a place's best are kept as well (those nearest it, within
     EACH after it and its followers): every hit the other outputs give
     can be shown.  Without, the one passage a place has begins at its
     best.  Copied down in order: no group is read after its place in G
     was written.  */
  int room = max_texts > np;
  size_t kept = 0;
  for (size_t a = 0; a < np; a++)
    {
      size_t after = pw[a].to - pw[a].best;
      if (after > each)
        after = each;
      size_t before = room ? pw[a].best - pw[a].from : 0;
      if (before > each - after)
        before = each - after;
      for (size_t x = pw[a].best - before; x < pw[a].best + after; x++)
        g[kept++] = g[x];
    }
  free (pw);
  return kept;
}

/* The hits of the instances V (N, sorted by column and position; no
   filters) as groups, in column order.  With MAX, only those that can
   be among the first MAX hits in reading order: when every group's
   unit is known, the first MAX by unit and every group that ties with
   the last of them (the offsets decide between those); else the first
   MAX of each column.  With MAX_TEXTS too, when the units are known,
   only those in the first MAX_TEXTS places (part, section, block and
   language) that have hits; or, with the IDF of Q's NIDF concepts
   (NULL: reading order), in the MAX_TEXTS places that weigh most
   (keep_weightiest_places).  Caller frees.  */
static struct hit_group *
group_hits (const struct doc_texts *t,
            const int *by_unit, const struct inst *v, size_t n, size_t max,
            size_t max_texts, const struct engine_query *q, const double *idf,
            size_t nidf, size_t *ngroups)
{
  struct hit_group *g = xcalloc (n ? n : 1, sizeof *g);
  size_t k = 0, in_col = 0;
  int all_placed = 1;
  for (size_t i = 0; i < n;)
    {
      int c = v[i].col;
      size_t j = i + 1;
      int last = v[i].last;
      while (j < n && v[j].col == c && v[j].first <= last)
        {
          if (v[j].last > last)
            last = v[j].last;
          j++;
        }
      in_col = k > 0 && g[k - 1].col == c ? in_col + 1 : 0;
      const struct index_unit *u = by_unit[c] && v[i].first >= 0
        ? engine_texts_unit_of_token (t, c, (size_t) v[i].first) : NULL;
      all_placed &= u != NULL;
      /* Weighed, the places are all looked at.  */
      if (max == 0 || in_col < max || (idf && max_texts))
        g[k++] = (struct hit_group) { i, j, c, last, u };
      i = j;
    }
  if (all_placed && max_texts && idf && k > 1)
    {
      qsort (g, k, sizeof *g, compare_group_reading);
      k = keep_weightiest_places (g, k, v, q, idf, nidf, max, max_texts);
      qsort (g, k, sizeof *g, compare_group_column);
    }
  else if (all_placed && (max || max_texts) && k > 1)
    {
      qsort (g, k, sizeof *g, compare_group_reading);
      size_t keep = max && max < k ? max : k;
      while (keep < k && compare_group_place (&g[keep], &g[keep - 1]) == 0)
        keep++;
      /* A passage lies in one text: the texts of the first MAX_TEXTS
         places hold every hit the first MAX_TEXTS passages show.  */
      size_t places = 1;
      for (size_t x = 1; max_texts && x < keep; x++)
        if (compare_group_place (&g[x], &g[x - 1]) != 0 && ++places > max_texts)
          keep = x;
      k = keep;
      qsort (g, k, sizeof *g, compare_group_column);
    }
  *ngroups = k;
  return g;
}

/* A text that hits point into.  */
struct hit_text
{
  const char *text;
  size_t len;
  size_t hit;
};

static int
compare_hit_text (const void *a, const void *b)
{
  uintptr_t x = (uintptr_t) ((const struct hit_text *) a)->text;
  uintptr_t y = (uintptr_t) ((const struct hit_text *) b)->text;
  return x < y ? -1 : x > y;
}

/* Copy the texts that OUT's hits point into (in a row of the index,
   valid only until its statement is reset) into OUT->texts, once each,
   and point the hits there.  Only the units with hits are copied, not
   whole columns.  */
static void
keep_hit_texts (struct engine_hits *out)
{
  if (out->n == 0)
    return;
  struct hit_text *ht = xcalloc (out->n, sizeof *ht);
  for (size_t i = 0; i < out->n; i++)
    ht[i] = (struct hit_text) { out->hits[i].text, out->hits[i].text_len, i };
  qsort (ht, out->n, sizeof *ht, compare_hit_text);
  size_t total = 0;
  for (size_t i = 0; i < out->n; i++)
    if (i == 0 || ht[i].text != ht[i - 1].text)
      total += ht[i].len + 1;
  out->texts = xmalloc (total);
  size_t at = 0;
  const char *copy = NULL;
  for (size_t i = 0; i < out->n; i++)
    {
      if (i == 0 || ht[i].text != ht[i - 1].text)
        {
          copy = out->texts + at;
          memcpy (out->texts + at, ht[i].text, ht[i].len);
          out->texts[at + ht[i].len] = '\0';
          at += ht[i].len + 1;
        }
      out->hits[ht[i].hit].text = copy;
    }
  free (ht);
}

/* Place the words' hits of V (N, none a literal's) in T, appending them
   to OUT (its room *ALLOC): the first MAX of them in the first
   MAX_TEXTS places (0: all), chosen by group_hits, with the weights IDF
   (NIDF of them) when not NULL.  */
static void
place_words (struct engine *e, const struct engine_query *q,
             struct doc_texts *t, const struct inst *v, size_t n, size_t max,
             size_t max_texts, const double *idf, size_t nidf,
             struct engine_hits *out, size_t *alloc)
{
  int by_unit[COL_COUNT];
  for (int c = 0; c < COL_COUNT; c++)
    /* Where token positions are in the text: by analysing the unit
       that holds them (the index noted where each unit begins), or,
       for an index that could not, the column up to the last hit
       wanted.  */
    by_unit[c] = engine_texts_units_placed (t, c);
  size_t ngroups;
  struct hit_group *groups = group_hits (t, by_unit, v, n, max, max_texts,
                                          q, idf, nidf, &ngroups);
  struct analyzer *a = index_analyzer (e->ix);
  struct token_map tm = { .a = a, .t = t, .col = -1 };
  const struct index_unit *checked_unit = NULL;
  size_t run_end = 0;
  for (size_t g = 0; g < ngroups; g++)
    {
      const struct hit_group *hg = &groups[g];
      int c = hg->col;
      if (c != tm.col)
        {
          analyze_positions_free (&tm.pos);
          tm = (struct token_map) { .a = a, .t = t, .col = c,
                                    .by_unit = by_unit[c] };
        }
      /* The last position wanted in this group's unit (or column): the
         last group of the run of them, found once per run (a paragraph
         of many hits would otherwise cost their square).  */
      if (g == 0 || g > run_end)
        {
          run_end = g;
          while (run_end + 1 < ngroups && groups[run_end + 1].col == c
                 && (!by_unit[c] || groups[run_end + 1].unit == hg->unit))
            run_end++;
        }
      tm.need = groups[run_end].last >= 0 ? (size_t) groups[run_end].last : 0;
      size_t i = hg->i, j = hg->j;
      int last = hg->last;
      const struct phrase *prefix_last = NULL;
      for (size_t x = i; x < j; x++)
        if (v[x].last == last)
          {
            /* The instance that reaches furthest first decides.  */
            if (q->phrases[v[x].phrase].prefix)
              prefix_last = &q->phrases[v[x].phrase];
            break;
          }
      int concept = q->phrases[v[i].phrase].concept;
      size_t start, end, last_start, first_end;
      if (v[i].first >= 0
          && token_bytes (&tm, (size_t) v[i].first, &start, &first_end)
          && token_bytes (&tm, (size_t) last, &last_start, &end))
        {
          /* A token of one ideograph stands at the position of a
             bigram: of the one it ends, where it ends a run (大学 for
             学), or, matched as a prefix, of the one it begins.  The
             hit begins or ends with that character.  */
          if (q->phrases[v[i].phrase].first_single)
            start = last_char_at (t->col[c], start, first_end);
          if (prefix_last && end > last_start)
            {
              /* Its first character: a grapheme, as above.  */
              const uint8_t *grapheme_end = u8_grapheme_next
                ((const uint8_t *) t->col[c] + last_start,
                 (const uint8_t *) t->col[c] + end);
              int len = grapheme_end
                ? (int) (grapheme_end - ((const uint8_t *) t->col[c]
                                         + last_start))
                : 0;
              if (len > 0
                  && (!prefix_last->prefix_char[0]
                      || char_folds_to (t->col[c] + last_start, (size_t) len,
                                        prefix_last->prefix_char)))
                end = last_start + (size_t) len;
              else if (start == last_start)
                start = last_char_at (t->col[c], start, end);
            }
          const struct index_unit *u = unit_at (t, c, start);
          if (u && u != checked_unit)
            {
              engine_texts_unit (t, c, u);
              /* A damaged index could hold anything: what is shown
                 must be UTF-8, and the engine is told.  */
              if (u8_check ((const uint8_t *) t->col[c] + u->off, u->len))
                {
                  if (t->damage)
                    atomic_store (t->damage, 1);
                  u = NULL;
                }
              else
                checked_unit = u;
            }
          if (u && end <= (size_t) u->off + u->len)
            {
              out->hits = xgrow (out->hits, alloc, out->n + 1,
                                 sizeof *out->hits);
              out->hits[out->n++] = (struct engine_hit) {
                .part = u->part, .section = u->section,
                .block = u->block,
                .lang = index_column_lang ((enum index_column) c),
                .origin = u->origin, .start = start - u->off,
                .end = end - u->off, .text = t->col[c] + u->off,
                .text_len = u->len, .concept = concept,
                .keywords = index_column_keywords ((enum index_column) c)
              };
            }
        }
    }
  analyze_positions_free (&tm.pos);
  free (groups);
}

size_t
engine_hits_count_merged (struct engine *e, const struct engine_query *q,
                          struct doc_texts *t, const struct inst *v,
                          size_t n, struct engine_hits *matches,
                          size_t *lang_hits)
{
  struct engine_hits h = { 0 };
  size_t alloc = 0;
  place_words (e, q, t, v, n, 0, 0, NULL, 0, &h, &alloc);
  size_t nwords = h.n;
  h.hits = xgrow (h.hits, &alloc, h.n + matches->n + 1, sizeof *h.hits);
  if (matches->n)
    memcpy (h.hits + h.n, matches->hits, matches->n * sizeof *h.hits);
  h.n = engine_hits_merged (h.hits, h.n + matches->n, nwords);
  lang_hits[LANG_ZH] = lang_hits[LANG_EN] = 0;
  for (size_t i = 0; i < h.n; i++)
    lang_hits[h.hits[i].lang]++;
  free (h.hits);
  return h.n;
}

int
engine_hits (struct engine *e, const struct engine_query *q,
             const struct engine_doc *d, struct engine_hits *out,
             char **cause)
{
  return engine_hits_first (e, q, d, 0, 0, out, cause);
}

/* engine_hits_first, in E; with PINNED, E reads what the search read
   (engine_hits_ahead's second connection, whose read was checked when
   it began) and D's version says nothing about it.  */
int
engine_hits_read (struct engine *e, const struct engine_query *q,
                  const struct engine_doc *d, size_t max, size_t max_texts,
                  int pinned, struct engine_hits *out, char **cause)
{
  memset (out, 0, sizeof *out);
  *cause = NULL;
  sqlite3 *db = index_db (e->ix);
  struct inst *v = NULL;
  size_t n = 0;
  const struct doc_priv *dp = d->priv;
  if (dp)
    {
      v = xcalloc (dp->ninst ? dp->ninst : 1, sizeof *v);
      if (dp->ninst)            /* memcpy takes no NULL, even for 0 */
        memcpy (v, dp->inst, dp->ninst * sizeof *v);
      n = dp->ninst;
    }
  else if (q->match)
    {
      sqlite3_stmt *st;
      if (sqlite3_prepare_v2 (db, "SELECT cb_inst(fts, ?3) FROM fts "
                              "WHERE fts MATCH ?1 AND rowid=?2", -1, &st,
                              NULL)
          != SQLITE_OK)
        {
          *cause = engine_db_error (e, db);
          return -1;
        }
      sqlite3_bind_text (st, 1, q->match, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (st, 2, d->id);
      sqlite3_bind_int (st, 3, q->revised);
      if (sqlite3_step (st) == SQLITE_ROW)
        n = engine_inst_decode (q, sqlite3_column_blob (st, 0),
                                sqlite3_column_bytes (st, 0), &v, NULL);
      sqlite3_finalize (st);
      /* As engine_search found them: what the reader can see.  */
      if (q->revised
          && engine_texts_drop_revised (e, d->id, v, &n, cause) != 0)
        {
          free (v);
          return -1;
        }
    }
  /* A regex's literals selected the document; their places are not
     hits.  */
  size_t kept = 0;
  unsigned mask = q->has_regex ? engine_regex_columns (q, v, n) : 0;
  /* The regexes need the literals' places: they run only where one is.  */
  struct inst *lits = NULL;
  size_t nlits = 0;
  if (q->has_regex && v)
    {
      lits = xcalloc (n ? n : 1, sizeof *lits);
      if (n)
        memcpy (lits, v, n * sizeof *v);
      nlits = n;
    }
  for (size_t i = 0; i < n; i++)
    if (!q->phrases[v[i].phrase].filter)
      {
        mask |= 1u << v[i].col;
        v[kept++] = v[i];
      }
  n = kept;
  struct doc_texts t;
  int loaded = engine_texts_load (e, d->id, mask, &t, cause);
  /* Another casebook may have indexed the file again since the search
     (or this one, brought up to date by engine_refresh): the instances
     are positions in the old text.  */
  if (loaded == 0 && dp && !pinned && engine_search_stale (e, dp))
    {
      engine_texts_free (&t);
      *cause = xstrdup (_("the search index changed since this search "
                          "(another casebook updated it): search again"));
      loaded = -1;
    }
  else if (loaded != 0 && dp && !pinned
           && !engine_same_generation (engine_generation (e), dp->found))
    {
      /* The document is gone from an index brought up to date since
         the search (engine_refresh), which engine_texts_load cannot tell from
         damage: it knows only when the engine was last refreshed.  */
      free (*cause);
      *cause = xstrdup (_("the search index changed since this search "
                          "(another casebook updated it): search again"));
    }
  if (loaded != 0)
    {
      free (v);
      free (lits);
      return -1;
    }
  size_t alloc = 0;
  /* A regex's matches are all taken, wherever they are: the places are
     those of the first hits then.  */
  int weigh = dp && dp->idf && !q->has_regex;
  place_words (e, q, &t, v, n, max, max_texts, weigh ? dp->idf : NULL,
               weigh ? dp->nidf : 0, out, &alloc);
  free (v);
  /* The words' hits: the regexes' matches come after them.  */
  size_t nwords = out->n;
  if (q->has_regex)
    {
      size_t count;
      int r = engine_regex_run (q, &t, lits, nlits, out, &alloc, &count, NULL,
                                cause);
      free (lits);
      if (r < 0)
        {
          free (out->hits);
          out->hits = NULL;
          out->n = 0;
          engine_texts_free (&t);
          return -1;
        }
    }
  if (q->has_regex)
    out->n = engine_hits_merged (out->hits, out->n, nwords);
  else if (out->n > 1)
    qsort (out->hits, out->n, sizeof *out->hits, compare_hits);
  if (max && out->n > max)
    out->n = max;
  /* The regexes' matches were all taken: keep those of the first
     MAX_TEXTS places.  */
  size_t places = 1;
  for (size_t i = 1; max_texts && i < out->n; i++)
    {
      const struct engine_hit *x = &out->hits[i - 1], *y = &out->hits[i];
      if (compare_place (x->part, x->section, x->block, x->lang,
                         y->part, y->section, y->block, y->lang) != 0
          && ++places > max_texts)
        out->n = i;
    }
  keep_hit_texts (out);
  engine_texts_free (&t);
  return 0;
}

void
engine_hits_free (struct engine_hits *h)
{
  free (h->hits);
  free (h->texts);
  memset (h, 0, sizeof *h);
}

int
engine_hits_first (struct engine *e, const struct engine_query *q,
                   const struct engine_doc *d, size_t max, size_t max_texts,
                   struct engine_hits *out, char **cause)
{
  if (engine_settle_quietly (e, cause) != 0)
    return -1;
  return engine_hits_read (e, q, d, max, max_texts, 0, out, cause);
}
