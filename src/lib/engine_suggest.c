/* engine_suggest.c -- corrections (engine_suggest): a word that finds
   nothing respelt as a word of the index's vocabulary, joined with the
   next word or split in two, when that finds documents.  */

#include <config.h>

#include "engine_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "norm.h"
#include "pinyin.h"
#include "segment.h"

/* Optimal string alignment distance between A and B (bytes), or LIMIT+1
   once it exceeds LIMIT.  */
static size_t
edit_distance (const char *a, size_t n, const char *b, size_t m, size_t limit)
{
  if (n > m + limit || m > n + limit || n > 64 || m > 64)
    return limit + 1;
  size_t d[65][65];
  for (size_t i = 0; i <= n; i++)
    d[i][0] = i;
  for (size_t j = 0; j <= m; j++)
    d[0][j] = j;
  for (size_t i = 1; i <= n; i++)
    {
      size_t row_min = SIZE_MAX;
      for (size_t j = 1; j <= m; j++)
        {
          size_t cost = a[i - 1] != b[j - 1];
          size_t v = d[i - 1][j] + 1;
          if (d[i][j - 1] + 1 < v)
            v = d[i][j - 1] + 1;
          if (d[i - 1][j - 1] + cost < v)
            v = d[i - 1][j - 1] + cost;
          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]
              && d[i - 2][j - 2] + 1 < v)
            v = d[i - 2][j - 2] + 1;
          d[i][j] = v;
          if (v < row_min)
            row_min = v;
        }
      if (row_min > limit)
        return limit + 1;
    }
  return d[n][m];
}

/* The vocabulary of the index, for corrections: its terms (vocab) and
   where each is (vocab_at).  */
int
engine_open_vocab (struct engine *e)
{
  return sqlite3_exec (index_db (e->ix),
                       "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab "
                       "USING fts5vocab(main, fts, row);"
                       "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab_at "
                       "USING fts5vocab(main, fts, instance)", NULL, NULL,
                       NULL)
    == SQLITE_OK ? 0 : -1;
}

/* The best respelling found so far: a term of the vocabulary, its
   distance from the word and the documents that hold it.  */
struct nearest
{
  char *term;
  size_t dist;
  long docs;
};

/* The terms of the vocabulary that begin with the byte FIRST, and the
   documents that hold each.  fts5vocab counts those by reading every
   term's postings, so a letter costs milliseconds; a correction asks
   for a word's first and second letters, its stem's and the word's as
   typed, often the same: each letter is read once per content of the
   index.  NULL if it cannot be read.  */
static const struct vocab_letter *
vocab_letter (struct engine *e, char first)
{
  unsigned char b = (unsigned char) first;
  struct generation now = engine_generation (e);
  /* (A generation that cannot be read is taken for a change, as a
     search takes it.)  */
  if (now.others == -1 || !engine_same_generation (now, e->vocab_seen))
    {
      engine_vocab_forget (e);
      e->vocab_seen = now;
    }
  if (e->vocab[b])
    return e->vocab[b];
  char lo[2] = { first, '\0' }, hi[2] = { (char) (first + 1), '\0' };
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (index_db (e->ix), "SELECT term, doc FROM vocab "
                          "WHERE term >= ?1 AND term < ?2", -1, &st, NULL)
      != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (st, 1, lo, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 2, hi, -1, SQLITE_TRANSIENT);
  struct vocab_letter *v = xcalloc (1, sizeof *v);
  struct buf block = { 0 };
  size_t alloc = 0;
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      const char *t = (const char *) sqlite3_column_text (st, 0);
      if (t == NULL)
        continue;
      v->terms = xgrow (v->terms, &alloc, v->n + 1, sizeof *v->terms);
      v->terms[v->n].at = block.len;
      v->terms[v->n].len = (size_t) sqlite3_column_bytes (st, 0);
      v->terms[v->n].docs = (long) sqlite3_column_int64 (st, 1);
      buf_add (&block, t, v->terms[v->n].len + 1);
      v->n++;
    }
  sqlite3_finalize (st);
  if (rc != SQLITE_DONE)
    {
      /* Not kept: a letter read in part would be believed whole.  */
      free (v->terms);
      free (v);
      buf_free (&block);
      return NULL;
    }
  v->block = buf_steal (&block);
  e->vocab[b] = v;
  return v;
}

void
engine_vocab_forget (struct engine *e)
{
  for (size_t i = 0; i < sizeof e->vocab / sizeof *e->vocab; i++)
    if (e->vocab[i])
      {
        free (e->vocab[i]->terms);
        free (e->vocab[i]->block);
        free (e->vocab[i]);
        e->vocab[i] = NULL;
      }
}

/* Can the N letters at W be read as syllables of pinyin, one after
   another ("sinjiang" as sin jiang)?  */
static int
reads_as_pinyin (const char *w, size_t n)
{
  if (n == 0 || n > 64)
    return 0;
  unsigned char ok[65] = { 1 };         /* ok[i]: the first I letters read */
  for (size_t i = 1; i <= n; i++)
    for (size_t k = 1; k <= 6 && k <= i && !ok[i]; k++)
      ok[i] = ok[i - k] && pinyin_is_syllable (w + i - k, k);
  return ok[n];
}

/* The initials of pinyin that a reader not at home in it takes for
   INITIAL (Sinjiang, Zhandong, Kuangxi for Xinjiang, Shandong,
   Guangxi), or "".  A word is looked for under one only where, so
   begun, it reads as pinyin.  */
static const char *
confused_initials (char initial)
{
  static const char *const sets[][2] = {
    { "s", "xzc" }, { "x", "sjq" }, { "z", "jsc" }, { "j", "zqx" },
    { "c", "qxszk" }, { "q", "cjxgk" }, { "k", "gqc" }, { "g", "khq" },
    { "h", "gf" }, { "f", "h" }, { "b", "p" }, { "p", "b" }, { "d", "t" },
    { "t", "d" }, { "l", "nr" }, { "n", "l" }, { "r", "l" }, { "w", "y" },
    { "y", "w" },
  };
  for (size_t i = 0; i < sizeof sets / sizeof *sets; i++)
    if (sets[i][0][0] == initial)
      return sets[i][1];
  return "";
}

/* Keep in *BEST the nearest to KEY (N bytes, within LIMIT edits) of the
   terms of the vocabulary that begin with LETTER (of two as near, the
   one more documents hold).  0, or -1 when they cannot be read.  */
static int
nearest_in_letter (struct engine *e, const char *key, size_t n,
                   size_t limit, char letter, struct nearest *best)
{
  const struct vocab_letter *v = vocab_letter (e, letter);
  if (v == NULL)
    return -1;
  for (size_t i = 0; i < v->n; i++)
    {
      const char *t = v->block + v->terms[i].at;
      size_t m = v->terms[i].len;
      long docs = v->terms[i].docs;
      if (m < 3)
        continue;
      size_t dist = edit_distance (key, n, t, m, limit);
      if (dist == 0 || dist > limit)
        continue;
      if (best->term == NULL || dist < best->dist
          || (dist == best->dist && docs > best->docs))
        {
          free (best->term);
          best->term = xstrndup (t, m);
          best->dist = dist;
          best->docs = docs;
        }
    }
  return 0;
}

/* Look for terms of the vocabulary within the edit distance that KEY's
   length allows, and keep in *BEST the nearest (of two as near, the one
   more documents hold).  */
static void
nearest_term (struct engine *e, const char *key, struct nearest *best)
{
  size_t n = strlen (key);
  /* Two edits only in a long word: in one of up to eleven letters they
     make another word as often as they mend a slip ("action" is not
     "active", "probation" not "promotion", "conviction" not
     "connection", "corruption" not "correction").  */
  size_t limit = n >= 12 ? 2 : n >= 4 ? 1 : 0;
  if (limit == 0 || n < 2)
    return;
  /* Terms that begin with the word's first letter, or with its second
     (its first two letters swapped): a slip seldom hits the first
     letter, and a scan of the whole vocabulary costs more than the
     search.  */
  if (nearest_in_letter (e, key, n, limit, key[0], best) != 0
      || (key[1] != key[0]
          && nearest_in_letter (e, key, n, limit, key[1], best) != 0))
    return;
  /* Where nothing is so near, a word that reads as pinyin is looked for
     under the initials taken for its own: a place's name is most often
     mistyped there.  */
  /* Five letters or more: a syllable alone ("Hang") is no place's name,
     and would be taken for another word ("gang").  */
  if (best->term != NULL || n > 64 || n < 5)
    return;
  char other[65];
  memcpy (other, key, n + 1);
  for (const char *c = confused_initials (key[0]); *c; c++)
    {
      other[0] = *c;
      if (*c != key[1] && reads_as_pinyin (other, n)
          && nearest_in_letter (e, key, n, limit, *c, best) != 0)
        return;
    }
}

/* Is W a word of ASCII letters and digits only?  */
static int
ascii_word (const char *w)
{
  for (; *w; w++)
    if (!((*w >= 'a' && *w <= 'z') || (*w >= '0' && *w <= '9')))
      return 0;
  return 1;
}

/* W without the ASCII punctuation typed around it, which is part of
   the term but no slip.  Caller frees.  */
static char *
strip_punct (const char *w)
{
  size_t len;
  const char *bare = engine_compile_bare_word (w, &len);
  return xstrndup (bare, len);
}

static char *surface_word (struct engine *e, const char *token,
                           const char *typed);
static void nearest_by_surface (struct engine *e, const char *w,
                                struct nearest *best);

/* The nearest English word to the folded word W in the vocabulary, or
   NULL.  Caller frees.  */
static char *
suggest_word (struct engine *e, const char *w)
{
  char *key = engine_compile_token_key (index_analyzer (e->ix), w);
  if (*key == '\0' || strchr (key, ' '))
    {
      free (key);
      return NULL;              /* not one word */
    }
  struct nearest best = { NULL, 0, 0 };
  nearest_term (e, key, &best);
  char *typed = strip_punct (w);
  /* A slip can make a word look inflected: the stemmer takes "ing" off
     "xinjaing" and leaves "xinja", three edits from "xinjiang".  So the
     word as typed is compared too.  */
  if (strcmp (key, typed) != 0 && ascii_word (typed))
    nearest_term (e, typed, &best);
  if (ascii_word (typed))
    {
      /* A stem is nearer some slips than the word meant is: "inspecton"
         is one edit from "inspector" but two from "inspect", the stem
         of "inspection".  So the stem found is judged by the word the
         text writes for it, as nearest_by_surface judges its own.  */
      if (best.term)
        {
          char *word = surface_word (e, best.term, typed);
          if (word)
            best.dist = edit_distance (typed, strlen (typed), word,
                                       strlen (word), 64);
          free (word);
        }
      nearest_by_surface (e, typed, &best);
    }
  free (typed);
  free (key);
  return best.term;
}

/* Looking for a word of a text by the token it makes: of the forms
   found, the nearest to what was typed.  */
struct surface
{
  const char *token;
  const char *typed;            /* folded */
  const char *text;
  char *found;
  size_t dist;
};

static int
match_surface (void *ctx, int colocated, const char *tok, size_t len,
               size_t start, size_t end)
{
  struct surface *s = ctx;
  if (colocated || len != strlen (s->token) || memcmp (tok, s->token, len))
    return 0;
  char *w = norm_fold_string (s->text + start, end - start);
  size_t d = edit_distance (s->typed, strlen (s->typed), w, strlen (w), 64);
  if (s->found == NULL || d < s->dist)
    {
      free (s->found);
      s->found = w;
      s->dist = d;
    }
  else
    free (w);
  return s->dist == 0;
}

/* The places of a token in the first documents that hold it: their
   ids in the order fts5vocab gives them, and the instances, by
   document, column and position.  */
#define SURFACE_DOCS 4
struct token_places
{
  int64_t ids[SURFACE_DOCS];
  size_t nids;
  struct token_place { size_t doc; int col; size_t pos; } *v;
  size_t n, alloc;
};

static int
compare_token_place (const void *a, const void *b)
{
  const struct token_place *x = a, *y = b;
  if (x->doc != y->doc)
    return x->doc < y->doc ? -1 : 1;
  if (x->col != y->col)
    return x->col < y->col ? -1 : 1;
  return (x->pos > y->pos) - (x->pos < y->pos);
}

/* Read TOKEN's places into *P.  Returns 0, or -1.  */
static int
token_places (struct engine *e, const char *token, struct token_places *p)
{
  memset (p, 0, sizeof *p);
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (index_db (e->ix), "SELECT doc, col, offset FROM "
                          "vocab_at WHERE term = ?", -1, &st, NULL)
      != SQLITE_OK)
    return -1;
  sqlite3_bind_text (st, 1, token, -1, SQLITE_STATIC);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      int64_t id = sqlite3_column_int64 (st, 0);
      size_t k = 0;
      while (k < p->nids && p->ids[k] != id)
        k++;
      if (k == p->nids)
        {
          if (p->nids == SURFACE_DOCS)
            break;
          p->ids[p->nids++] = id;
        }
      const char *name = (const char *) sqlite3_column_text (st, 1);
      int col = -1;
      for (int c = 0; name && c < COL_COUNT && col < 0; c++)
        if (strcmp (name, engine_texts_column_name (c)) == 0)
          col = c;
      if (col < 0)
        continue;
      p->v = xgrow (p->v, &p->alloc, p->n + 1, sizeof *p->v);
      p->v[p->n++] = (struct token_place) {
        k, col, (size_t) sqlite3_column_int64 (st, 2) };
    }
  sqlite3_finalize (st);
  qsort (p->v, p->n, sizeof *p->v, compare_token_place);
  return 0;
}

/* Look for the token of S in column C of T: only in the units that
   hold one of the N places at V (all of column C of one document, by
   position), where the index noted where units begin; else in the
   whole column.  The units are those analysis would reach in the
   column, in the same order, so S ends the same either way.  */
static void
surface_in_column (struct engine *e, const struct doc_texts *t, int c,
                   const struct token_place *v, size_t n, struct surface *s)
{
  struct analyzer *a = index_analyzer (e->ix);
  if (!engine_texts_units_placed (t, c))
    {
      engine_texts_column (t, c);
      s->text = t->col[c];
      if (u8_check ((const uint8_t *) t->col[c], t->len[c]) == NULL)
        analyze_text (a, t->col[c], t->len[c], ANALYZE_INDEX, match_surface,
                      s);
      return;
    }
  const struct index_unit *done = NULL;
  for (size_t i = 0; i < n && !(s->found && s->dist == 0); i++)
    {
      const struct index_unit *u = engine_texts_unit_of_token (t, c,
                                                               v[i].pos);
      if (u == NULL || u == done)
        continue;
      done = u;
      engine_texts_unit (t, c, u);
      s->text = t->col[c] + u->off;
      if (u8_check ((const uint8_t *) s->text, u->len) == NULL)
        analyze_text (a, s->text, u->len, ANALYZE_INDEX, match_surface, s);
    }
}

/* A word of the text that the index holds as TOKEN (a stem: "handl"),
   as it is written there, folded ("handling"), or NULL: a
   correction is shown as a word, not as a stem.  Of its forms in a
   few documents, the nearest to TYPED (folded): "comittee" is shown as
   committee, not committees.  Only the paragraphs that hold the token
   are read and analysed again.  Caller frees.  */
static char *
surface_word (struct engine *e, const char *token, const char *typed)
{
  char *found = NULL;
  size_t best = SIZE_MAX;
  struct token_places p;
  if (token_places (e, token, &p) != 0)
    return NULL;
  /* A word of letters is mostly in the English texts, of ideographs in
     the Chinese: those are read first, the others only when the word
     is not there (Latin letters in a Chinese text).  */
  enum lang in = (unsigned char) token[0] < 0x80 ? LANG_EN : LANG_ZH;
  unsigned first = 0;
  for (int c = 0; c < COL_COUNT; c++)
    if (index_column_lang ((enum index_column) c) == in)
      first |= 1u << c;
  struct doc_texts t;
  char *cause = NULL;
  size_t nids = p.nids;
  for (size_t pass = 0; pass < 2 * nids && best > 0; pass++)
    {
      size_t k = pass % nids;
      unsigned mask = pass < nids ? first : ~first & ((1u << COL_COUNT) - 1);
      if (pass == nids && found)
        break;
      /* Only the columns that hold it.  */
      unsigned holding = 0;
      for (size_t i = 0; i < p.n; i++)
        if (p.v[i].doc == k)
          holding |= 1u << p.v[i].col;
      if ((mask & holding) == 0)
        continue;
      if (engine_texts_load (e, p.ids[k], mask & holding, &t, &cause) != 0)
        break;
      for (int c = 0; c < COL_COUNT && best > 0; c++)
        {
          if (!(mask & holding & (1u << c)))
            continue;
          size_t i = 0, j;
          while (i < p.n && (p.v[i].doc != k || p.v[i].col != c))
            i++;
          for (j = i; j < p.n && p.v[j].doc == k && p.v[j].col == c; j++)
            ;
          struct surface s = { token, typed, NULL, NULL, 0 };
          surface_in_column (e, &t, c, p.v + i, j - i, &s);
          if (s.found && s.dist < best)
            {
              free (found);
              found = s.found;
              best = s.dist;
            }
          else
            free (s.found);
        }
      engine_texts_free (&t);
    }
  free (cause);
  free (p.v);
  engine_texts_release (e);
  return found;
}

/* When the stemmer hides a slip, W's stem and the word meant share no
   near stem: "litigaton" is left whole, "litigation" is "litig".  So
   stems of the vocabulary that agree with W as far as the shorter goes
   are read back as the words the text writes, and the nearest of those
   to W, within the edits its length allows, is kept in *BEST (as its
   stem, as nearest_term keeps it).  At most SURFACE_TRIES stems, the
   nearest and those more documents hold first, are read back: each
   reads a few texts.  */
#define SURFACE_TRIES 12
static void
nearest_by_surface (struct engine *e, const char *w, struct nearest *best)
{
  size_t n = strlen (w);
  /* Stricter than nearest_term: a stem that W only begins with is a
     looser match, and "handover" is not "handler", nor "convictions"
     "conditions".  */
  size_t limit = n >= 12 ? 2 : n >= 5 ? 1 : 0;
  if (limit == 0)
    return;
  struct nearest tries[SURFACE_TRIES];
  size_t ntries = 0;
  const struct vocab_letter *v = vocab_letter (e, w[0]);
  if (v == NULL)
    return;
  for (size_t i = 0; i < v->n; i++)
    {
      const char *t = v->block + v->terms[i].at;
      size_t m = v->terms[i].len;
      long docs = v->terms[i].docs;
      /* A stem of four letters or more, whose letters and W's agree as
         far as the shorter goes, but for two edits ("communiti" and
         "comunity": an m left out, and the stemmer's i).  */
      size_t k = m < n ? m : n, pd;
      if (m < 4 || m > n + 2 || !ascii_word (t)
          || (pd = edit_distance (t, k, w, k, 2)) > 2)
        continue;
      /* The nearest, then those more documents hold, are read back.  */
      size_t at = ntries;
      if (ntries == SURFACE_TRIES)
        {
          at = 0;
          for (size_t j = 1; j < ntries; j++)
            if (tries[j].dist > tries[at].dist
                || (tries[j].dist == tries[at].dist
                    && tries[j].docs < tries[at].docs))
              at = j;
          if (tries[at].dist < pd
              || (tries[at].dist == pd && tries[at].docs >= docs))
            continue;
          free (tries[at].term);
        }
      else
        ntries++;
      tries[at] = (struct nearest) { xstrndup (t, m), pd, docs };
    }
  for (size_t k = 0; k < ntries; k++)
    {
      char *word = surface_word (e, tries[k].term, w);
      size_t d = word ? edit_distance (w, n, word, strlen (word), limit)
        : limit + 1;
      free (word);
      if (d > 0 && d <= limit
          && (best->term == NULL || d < best->dist
              || (d == best->dist && tries[k].docs > best->docs)))
        {
          free (best->term);
          best->term = tries[k].term;
          best->dist = d;
          best->docs = tries[k].docs;
        }
      else
        free (tries[k].term);
    }
}

/* A word being corrected: its characters, and the best replacement
   found so far.  */
struct respelling
{
  const char *ch[12];
  size_t len[12];
  size_t n;
  char *best;
  long best_docs;
  int best_near;                /* BEST only sounds near: 占 zhan, 暂 zan */
  int word[12];                 /* the characters of the word that
                                   character I stands in, as friso cuts
                                   the word typed; 0 until known, -1
                                   if it cannot be */
};

/* The number of characters of the word that holds the character at
   byte OFF of W, ideographs, as friso cuts W; 0 when there is no
   segmenter, or its words are not W's characters.  */
static int
word_length (struct engine *e, const char *w, size_t off)
{
  struct segmenter *s = engine_compile_segmenter (e);
  if (s == NULL)
    return 0;
  char **words;
  size_t n = segmenter_split (s, w, &words), at = 0;
  int found = 0;
  for (size_t k = 0; k < n && found == 0; k++)
    {
      size_t len = strlen (words[k]);
      if (strncmp (w + at, words[k], len) != 0)
        break;
      if (off < at + len)
        found = (int) engine_compile_ideographs (words[k]);
      at += len;
    }
  strv_free (words, n);
  return found;
}

/* Try the word with character I replaced by the CLEN bytes at CAND (one
   ideograph, not the one there, read as it is): keep it if the text has
   it as a phrase in more documents than the best so far.  Returns 1 if
   it was a candidate (one ideograph, another than the one there), tried
   or turned down for its sound: the callers' bound on the candidates
   they look at is a bound on their scan of the vocabulary as well.  */
static int
try_replacement (struct engine *e, struct respelling *r, size_t i,
                 const char *cand, size_t clen)
{
  if (engine_compile_ideographs_n (cand, clen) != 1
      || (clen == r->len[i] && memcmp (cand, r->ch[i], clen) == 0))
    return 0;
  /* A slip of a pinyin input method picks a character of the same
     sound (诉讼 typed as 诉松, both song), or of a sound that a fuzzy
     input method, as many set theirs, takes for it (减假暂 as 减假占, zan
     and zhan); a character of the same sound is the likelier.  Any
     other character that the text has there makes another word, not
     the one meant: 坐牢 is not a slip for 打牢, nor 案例六 for 案例专(刊).  */
  ucs4_t was, now;
  if (u8_mbtouc (&was, (const uint8_t *) r->ch[i], r->len[i]) <= 0
      || u8_mbtouc (&now, (const uint8_t *) cand, clen) <= 0
      || !pinyin_near (was, now))
    return 1;
  int near = !pinyin_homophones (was, now);
  if (near && r->best && !r->best_near)
    return 1;
  /* A sound only near is a looser likeness, which a word typed as meant
     has as often: the character is respelt so only to make a longer
     word than the one friso finds it in as typed (减假占 as 减假暂, 山下联动
     as 上下联动), not another word as long (上诉, appeal, is not 上述,
     aforesaid; 特赦 is not 特色) or none (死刑 is not 市刑, nor 国资
     国指).  */
  size_t off = (size_t) (r->ch[i] - r->ch[0]);
  if (near && r->word[i] == 0)
    {
      int len = word_length (e, r->ch[0], off);
      r->word[i] = len > 0 ? len : -1;
    }
  if (near && r->word[i] <= 0)
    return 1;
  struct buf b = { 0 };
  for (size_t k = 0; k < r->n; k++)
    buf_add (&b, k == i ? cand : r->ch[k], k == i ? clen : r->len[k]);
  long docs = engine_compile_phrase_docs (e, b.data);
  if (docs > 0 && (docs > r->best_docs || (r->best_near && !near))
      && (!near || word_length (e, b.data, off) > r->word[i]))
    {
      free (r->best);
      r->best = buf_steal (&b);
      r->best_docs = docs;
      r->best_near = near;
    }
  else
    buf_free (&b);
  return 1;
}

/* A word of ideographs like W (folded, N characters) with one character
   replaced, that the text has as a phrase in most documents; NULL if
   none.  Caller frees.  */
static char *
suggest_ideographs (struct engine *e, const char *w)
{
  struct respelling r = { .n = engine_compile_ideographs (w) };
  if (r.n < 2 || r.n > 12)
    return NULL;
  const char *p = w;
  for (size_t i = 0; i < r.n; i++)
    {
      ucs4_t uc;
      int k = u8_strmbtouc (&uc, (const uint8_t *) p);
      r.ch[i] = p;
      r.len[i] = (size_t) k;
      p += k;
    }
  /* A character after the first: the bigrams that begin with the one
     before it propose what it could be.  */
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (index_db (e->ix), "SELECT term FROM vocab WHERE "
                          "term >= ?1 AND term < ?2", -1, &st, NULL)
      != SQLITE_OK)
    return NULL;
  for (size_t i = 1; i < r.n; i++)
    {
      size_t plen = r.len[i - 1];
      char lo[8], hi[8];
      memcpy (lo, r.ch[i - 1], plen);
      lo[plen] = '\0';
      memcpy (hi, lo, plen + 1);
      hi[plen - 1]++;
      sqlite3_reset (st);
      sqlite3_bind_text (st, 1, lo, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (st, 2, hi, -1, SQLITE_TRANSIENT);
      size_t tried = 0;
      while (sqlite3_step (st) == SQLITE_ROW && tried < 200)
        {
          const char *t = (const char *) sqlite3_column_text (st, 0);
          size_t m = (size_t) sqlite3_column_bytes (st, 0);
          if (t != NULL && m > plen)
            tried += try_replacement (e, &r, i, t + plen, m - plen);
        }
    }
  sqlite3_finalize (st);
  /* The first character, when nothing else helped, or only a sound
     near (one of the same sound is the likelier): each character that
     sounds near it and makes a bigram of the text with the second.
     Asked one by one: the vocabulary is ordered by first character, and
     a scan of it reads every posting of the index.  */
  ucs4_t was;
  size_t nnear = 0;
  ucs4_t *near = NULL;
  if ((r.best == NULL || r.best_near)
      && u8_mbtouc (&was, (const uint8_t *) r.ch[0], r.len[0]) > 0)
    near = pinyin_near_all (was, &nnear);
  if (near
      && sqlite3_prepare_v2 (index_db (e->ix), "SELECT 1 FROM vocab WHERE "
                             "term = ?1", -1, &st, NULL) == SQLITE_OK)
    {
      for (size_t k = 0; k < nnear; k++)
        {
          char bigram[16];
          int clen = u8_uctomb ((uint8_t *) bigram, near[k], 4);
          if (clen <= 0 || near[k] == was)
            continue;
          memcpy (bigram + clen, r.ch[1], r.len[1]);
          sqlite3_reset (st);
          sqlite3_bind_text (st, 1, bigram, clen + (int) r.len[1],
                             SQLITE_STATIC);
          if (sqlite3_step (st) == SQLITE_ROW)
            try_replacement (e, &r, 0, bigram, (size_t) clen);
        }
      sqlite3_finalize (st);
    }
  free (near);
  /* Else two characters typed the wrong way round (公益讼诉, 巡检回察):
     the word with a pair of neighbours swapped, that the text has in
     most documents.  */
  /* Not a word the dictionary knows whole (事故 is no slip for 故事,
     学科 for 科学).  */
  if (r.best == NULL && word_length (e, w, 0) != (int) r.n)
    {
      long most = 0;
      char *found = NULL;
      for (size_t j = 0; j + 1 < r.n; j++)
        {
          if (r.len[j] == r.len[j + 1]
              && memcmp (r.ch[j], r.ch[j + 1], r.len[j]) == 0)
            continue;
          struct buf b = { 0 };
          for (size_t k = 0; k < r.n; k++)
            {
              size_t from = k == j ? j + 1 : k == j + 1 ? j : k;
              buf_add (&b, r.ch[from], r.len[from]);
            }
          long docs = engine_compile_phrase_docs (e, b.data);
          if (docs > most)
            {
              free (found);
              found = buf_steal (&b);
              most = docs;
            }
          else
            buf_free (&b);
        }
      r.best = found;
    }
  return r.best;
}

/* The letters and digits term T is written in, to join it to another
   or cut it in two: as typed ("Zhang", "CASEHANDLING"), or, typed
   otherwise, as folded, without the punctuation around it, however it
   was typed (full-width letters, "jiagang." ending a sentence, a zero
   width space pasted inside); NULL if it is not such a word.  Caller
   frees.  */
static char *
plain_form (const struct term *t)
{
  if (query_plain_word (t))
    return xstrdup (t->source);
  if (t->kind != TERM_WORDS || t->negated || t->quoted || t->nalts == 0)
    return NULL;
  char *bare = strip_punct (t->alts[0]);
  if (*bare == '\0' || !ascii_word (bare))
    {
      free (bare);
      return NULL;
    }
  return bare;
}

/* A word written apart as two ("Zhang jiagang", "Hulun Buir") of which
   one finds nothing: terms I and I+1 of Q, written one after the other,
   joined, if the text has the joined word.  Caller frees.  */
static char *
suggest_joined (struct engine *e, const struct engine_query *q, size_t i)
{
  if (i + 1 >= q->q->nterms
      || !query_terms_adjacent (q->text, &q->q->terms[i],
                                &q->q->terms[i + 1]))
    return NULL;
  /* "(Zhang jiagang." is one word, "Zhang, jiagang" two.  */
  const struct term *ta = &q->q->terms[i], *tb = &q->q->terms[i + 1];
  size_t len;
  if (ta->nalts > 0
      && (engine_compile_bare_word (ta->alts[0], &len)[len] != '\0'))
    return NULL;
  if (tb->nalts > 0 && engine_compile_bare_word (tb->alts[0], &len)
      != tb->alts[0])
    return NULL;
  char *a = plain_form (&q->q->terms[i]);
  char *b = a ? plain_form (&q->q->terms[i + 1]) : NULL;
  char *joined = b ? xasprintf ("%s%s", a, b) : NULL;
  free (a);
  free (b);
  if (joined == NULL)
    return NULL;
  if (strlen (joined) > 64 || engine_compile_phrase_docs (e, joined) <= 0)
    {
      free (joined);
      return NULL;
    }
  return joined;
}

/* Do the tokens SPAN (joined by spaces) stand together in KEY, a
   glossary form's tokens?  */
static int
key_holds (const char *key, const char *span)
{
  size_t n = strlen (span);
  for (const char *p = key; (p = strstr (p, span)) != NULL; p++)
    if ((p == key || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
      return 1;
  return 0;
}

/* The tokens of KEY that are not stop words: "appeal by the
   procuratorate" has two, of which "appeals by" holds one, not half.  */
static size_t
count_tokens (const char *key)
{
  size_t n = 0;
  for (const char *p = key; *p;)
    {
      size_t k = strcspn (p, " ");
      n += k > 0 && !analyze_is_stopword (p, k);
      p += k;
      p += *p == ' ';
    }
  return n;
}

/* The glossary entry of which a form holds the tokens SPAN together
   and no more than as many others (the form is not cut to less than
   half; stop words are not counted), when only one entry has such a
   form; -1 if none or more.  */
static long
gloss_entry_holding (struct engine *e, const char *span)
{
  engine_compile_gloss_keys (e);
  size_t ntok = count_tokens (span);
  long found = -1;
  for (size_t i = 0; i < e->ngkeys; i++)
    {
      const char *key = e->gkeys[i].key;
      /* (Whether it holds the span first: counting tokens looks up
         every one among the stop words.)  */
      if (!key_holds (key, span) || count_tokens (key) > 2 * ntok)
        continue;
      if (found >= 0 && (size_t) found != e->gkeys[i].entry)
        return -1;
      found = (long) e->gkeys[i].entry;
    }
  return found;
}

/* Is the word W (folded) one of the glossary's, in one of its forms?
   Then it is a word of the field, not a slip for another ("fast", of
   "fast-track procedure", is not "fact").  */
static int
gloss_word (struct engine *e, const char *w)
{
  char *key = engine_compile_token_key (index_analyzer (e->ix), w);
  int found = 0;
  if (*key && strchr (key, ' ') == NULL)
    {
      engine_compile_gloss_keys (e);
      for (size_t i = 0; i < e->ngkeys && !found; i++)
        found = key_holds (e->gkeys[i].key, key);
    }
  free (key);
  return found;
}

/* Is term T a word typed as it is, that a glossary span may hold: not
   quoted, excluded or a field.  */
static int
span_word (const struct term *t)
{
  return t->kind == TERM_WORDS && !t->negated && !t->quoted && t->nalts > 0
    && t->source[0] != '\0';
}

/* Words of Q around term I, which finds nothing, that are a part of one
   glossary term's form and half of it at least ("fast-track
   sentencing", of "fast-track sentencing procedure"), two tokens or
   more besides stop words: that term, in the language the words are
   typed in, for terms *FROM to *TO.  The longest such run; NULL if
   none.  Caller frees.  */
static char *
suggest_gloss_span (struct engine *e, const struct engine_query *q, size_t i,
                    size_t *from, size_t *to)
{
  const struct query *qq = q->q;
  struct analyzer *a = index_analyzer (e->ix);
  size_t lo = i, hi = i;
  while (lo > 0 && i - lo < 4 && span_word (&qq->terms[lo - 1])
         && query_terms_adjacent (q->text, &qq->terms[lo - 1],
                                  &qq->terms[lo]))
    lo--;
  while (hi + 1 < qq->nterms && hi - i < 4 && span_word (&qq->terms[hi + 1])
         && query_terms_adjacent (q->text, &qq->terms[hi],
                                  &qq->terms[hi + 1]))
    hi++;
  long best = -1;
  size_t best_len = 0;
  for (size_t k = lo; k <= i; k++)
    for (size_t j = hi; j >= i && j + 1 > k; j--)
      {
        if (j - k + 1 <= best_len)
          break;
        struct buf span = { 0 };
        for (size_t m = k; m <= j; m++)
          {
            char *key = engine_compile_token_key (a, qq->terms[m].alts[0]);
            if (*key)
              {
                if (span.len)
                  buf_addc (&span, ' ');
                buf_adds (&span, key);
              }
            free (key);
          }
        long g = span.len && count_tokens (span.data) >= 2
          ? gloss_entry_holding (e, span.data) : -1;
        buf_free (&span);
        if (g >= 0)
          {
            best = g;
            best_len = j - k + 1;
            *from = k;
            *to = j;
          }
        if (j == 0)
          break;
      }
  if (best < 0)
    return NULL;
  const struct glossary_entry *g = &e->glossary.entries[best];
  enum lang l = engine_compile_ideographs (qq->terms[i].alts[0]) > 0
    ? LANG_ZH : LANG_EN;
  const char *term = g->term[l] && *g->term[l] ? g->term[l]
    : g->term[l == LANG_ZH ? LANG_EN : LANG_ZH];
  return term && *term ? xstrdup (term) : NULL;
}

/* Pinyin: Latin words that read, whole, as the syllables of Mandarin
   ("xunhui jiancha", "Neimenggu", "Xinbaerhu"), as a reader without a
   Chinese input method, or one who knows a place only by its sound,
   types them: read as the ideographs of those sounds that the text
   writes together.  */

enum { PINYIN_SYLLABLES = 12, PINYIN_CUTS = 16, PINYIN_CHAINS = 2000,
       PINYIN_TRIES = 40, PINYIN_BUDGET = 24 };

/* The two-ideograph terms of the index's vocabulary (the table words):
   the pairs of characters the text writes together.  */
struct bigrams
{
  ucs4_t (*pair)[2];
  size_t n;
  int loaded;
  /* Readings tried so far (ideographs_reading): a query of many words
     that read as pinyin is read so only as far as PINYIN_BUDGET, or a
     hundred of them took seconds at every key the browser's prompt
     was given.  */
  size_t tried;
  /* For each syllable met, a bit for each ideograph that reads it.  */
  struct syllable_chars
  {
    char syl[8];
    unsigned char *bits;
  } *syls;
  size_t nsyls;
};

static void
bigrams_load (struct engine *e, struct bigrams *bg)
{
  if (bg->loaded)
    return;
  bg->loaded = 1;
  sqlite3 *db = index_db (e->ix);
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (db, "SELECT term FROM words", -1, &st, NULL)
      != SQLITE_OK)
    {
      free (engine_db_error (e, db));
      return;
    }
  size_t alloc = 0;
  int step;
  while ((step = sqlite3_step (st)) == SQLITE_ROW)
    {
      const uint8_t *t = sqlite3_column_text (st, 0);
      int len = sqlite3_column_bytes (st, 0);
      ucs4_t a, b;
      /* Two characters of three bytes each: the ideographs pinyin.c
         reads (U+3400 to U+9FFF) are all written so.  */
      if (t == NULL || len != 6 || u8_mbtouc (&a, t, 6) != 3
          || u8_mbtouc (&b, t + 3, 3) != 3
          || *pinyin_readings (a) == '\0' || *pinyin_readings (b) == '\0')
        continue;
      bg->pair = xgrow (bg->pair, &alloc, bg->n + 1, sizeof *bg->pair);
      bg->pair[bg->n][0] = a;
      bg->pair[bg->n][1] = b;
      bg->n++;
    }
  /* A damaged page is no end of the vocabulary: the index is marked
     so, and built again.  */
  if (step != SQLITE_DONE)
    free (engine_db_error (e, db));
  sqlite3_finalize (st);
}

static void
bigrams_free (struct bigrams *bg)
{
  free (bg->pair);
  for (size_t k = 0; k < bg->nsyls; k++)
    free (bg->syls[k].bits);
  free (bg->syls);
}

/* A bit for each ideograph of U+3400 to U+9FFF that reads the syllable
   R (N bytes, at most 6), learnt once per suggestion: a pair is then
   two bits looked at, not two lists of readings read.  */
static const unsigned char *
syllable_chars (struct bigrams *bg, const char *r, size_t n)
{
  for (size_t k = 0; k < bg->nsyls; k++)
    if (strlen (bg->syls[k].syl) == n && memcmp (bg->syls[k].syl, r, n) == 0)
      return bg->syls[k].bits;
  enum { FIRST = 0x3400, LAST = 0x9fff };
  unsigned char *bits = xcalloc ((LAST - FIRST) / 8 + 1, 1);
  for (ucs4_t c = FIRST; c <= LAST; c++)
    if (pinyin_has_reading (pinyin_readings (c), r, n))
      bits[(c - FIRST) / 8] |= (unsigned char) (1u << ((c - FIRST) % 8));
  bg->syls = xrealloc (bg->syls, (bg->nsyls + 1) * sizeof *bg->syls);
  memcpy (bg->syls[bg->nsyls].syl, r, n);
  bg->syls[bg->nsyls].syl[n] = '\0';
  bg->syls[bg->nsyls++].bits = bits;
  return bits;
}

/* Does ideograph C (one pinyin_readings reads) have a reading BITS
   (syllable_chars) marks?  */
static int
reads (const unsigned char *bits, ucs4_t c)
{
  size_t i = c - 0x3400;
  return c >= 0x3400 && c <= 0x9fff && (bits[i / 8] >> (i % 8)) & 1;
}

/* One way of cutting letters into syllables: where each ends.  */
struct cut
{
  size_t n;
  size_t end[PINYIN_SYLLABLES];
};

/* The ways to cut the letters W[AT..] into syllables (up to
   PINYIN_CUTS of them, longer syllables first, as "xian" is more often
   先 than 西安), no syllable across a place where BOUNDARY is set (a
   space between two words typed), and a word typed that is a syllable
   itself not cut (BOUNDARY 2 at its start: "yuan" is not yu an);
   appended to *CUTS.  */
static void
cut_syllables (const char *w, size_t at, const unsigned char *boundary,
               struct cut *now, struct cut *cuts, size_t *ncuts)
{
  size_t len = strlen (w);
  if (at == len)
    {
      if (*ncuts < PINYIN_CUTS)
        cuts[(*ncuts)++] = *now;
      return;
    }
  if (now->n == PINYIN_SYLLABLES)
    return;
  for (size_t k = len - at < 6 ? len - at : 6; k >= 1 && *ncuts < PINYIN_CUTS;
       k--)
    {
      int across = 0;
      for (size_t b = at + 1; b < at + k; b++)
        across |= boundary[b];
      if (across || !pinyin_is_syllable (w + at, k)
          || (boundary[at] == 2 && at + k < len && !boundary[at + k]))
        continue;
      now->end[now->n++] = at + k;
      cut_syllables (w, at + k, boundary, now, cuts, ncuts);
      now->n--;
    }
}

/* The ideographs, read as the syllables C cuts W into, that the text
   writes as a phrase in most documents (more than *BEST_DOCS), or NULL.
   Only ideographs of which each pair is a term of BG are tried.  Caller
   frees.  */
static char *
ideographs_reading (struct engine *e, struct bigrams *bg,
                    const char *w, const struct cut *c, long *best_docs)
{
  size_t n = c->n;
  char syl[PINYIN_SYLLABLES][8];
  size_t sl[PINYIN_SYLLABLES];
  for (size_t k = 0; k < n; k++)
    {
      size_t from = k ? c->end[k - 1] : 0;
      sl[k] = c->end[k] - from;
      memcpy (syl[k], w + from, sl[k]);
      syl[k][sl[k]] = '\0';
    }
  /* Chains of characters, one a syllable, each pair a term: grown a
     syllable at a time from the pairs that read the first two.  */
  const unsigned char *bits[PINYIN_SYLLABLES];
  for (size_t k = 0; k < n; k++)
    bits[k] = syllable_chars (bg, syl[k], sl[k]);
  ucs4_t (*chain)[PINYIN_SYLLABLES] = xcalloc (PINYIN_CHAINS, sizeof *chain);
  ucs4_t (*next)[PINYIN_SYLLABLES] = xcalloc (PINYIN_CHAINS, sizeof *next);
  size_t nchain = 0;
  for (size_t p = 0; p < bg->n && nchain < PINYIN_CHAINS; p++)
    if (reads (bits[0], bg->pair[p][0]) && reads (bits[1], bg->pair[p][1]))
      {
        chain[nchain][0] = bg->pair[p][0];
        chain[nchain][1] = bg->pair[p][1];
        nchain++;
      }
  /* The pairs that read syllables K-1 and K, for each step; a pair's
     first character must end a chain.  */
  size_t *step = xcalloc (bg->n ? bg->n : 1, sizeof *step);
  for (size_t k = 2; k < n && nchain > 0; k++)
    {
      size_t nstep = 0;
      for (size_t p = 0; p < bg->n; p++)
        if (reads (bits[k], bg->pair[p][1])
            && reads (bits[k - 1], bg->pair[p][0]))
          step[nstep++] = p;
      size_t nnext = 0;
      for (size_t h = 0; h < nchain && nnext < PINYIN_CHAINS; h++)
        for (size_t x = 0; x < nstep && nnext < PINYIN_CHAINS; x++)
          if (chain[h][k - 1] == bg->pair[step[x]][0])
            {
              memcpy (next[nnext], chain[h], sizeof *chain);
              next[nnext++][k] = bg->pair[step[x]][1];
            }
      ucs4_t (*swap)[PINYIN_SYLLABLES] = chain;
      chain = next;
      next = swap;
      nchain = nnext;
    }
  char *best = NULL;
  for (size_t h = 0; h < nchain && h < PINYIN_TRIES; h++)
    {
      uint8_t u[PINYIN_SYLLABLES * 4 + 1];
      size_t len = 0;
      for (size_t k = 0; k < n; k++)
        len += (size_t) u8_uctomb (u + len, chain[h][k], 4);
      u[len] = '\0';
      long docs = engine_compile_phrase_docs (e, (const char *) u);
      if (docs > *best_docs)
        {
          free (best);
          best = xstrdup ((const char *) u);
          *best_docs = docs;
        }
    }
  free (step);
  free (chain);
  free (next);
  return best;
}

/* Term I of Q, and the words typed right after it, up to term *LAST,
   read as pinyin (see above): the ideographs the text writes, or NULL.
   The longest run of MIN_WORDS to MAX_WORDS (at most 6) words that
   reads so is taken.  Caller frees.  */
/* The letters of pinyin typed as SOURCE, in lower case, with their
   tones left out, as marks or numbers, and ü (which the syllables spell
   v) as v: "Lǚ" is lv, "xúnhuí" and "xun2hui2" xunhui; an apostrophe
   between syllables goes too ("hulunbei'er").  NULL if anything else
   but a letter was typed.  Caller frees.  */
static char *
pinyin_letters (const char *source)
{
  size_t n = 0;
  uint8_t *nfc = u8_normalize (UNINORM_NFC, (const uint8_t *) source,
                               strlen (source), NULL, &n);
  if (nfc == NULL || n == 0)
    {
      free (nfc);
      return NULL;
    }
  struct buf b = { 0 };
  int after_letter = 0;
  for (size_t i = 0; i < n;)
    {
      ucs4_t uc, next = 0;
      int k = u8_mbtouc (&uc, nfc + i, n - i);
      if (k < 1)
        k = 1;
      if (i + (size_t) k < n)
        u8_mbtouc (&next, nfc + i + k, n - i - (size_t) k);
      /* The apostrophe between syllables (hulunbei'er, xi'an), and a
         tone's number after one (xun2hui2 jian3cha2), are no letters
         of the word.  */
      int apostrophe = (uc == '\'' || uc == 0x2019) && after_letter
        && uc_is_alpha (next);
      int tone = uc >= '1' && uc <= '5' && after_letter
        && !(next >= '0' && next <= '9');
      /* ü, Ü and ü with each tone (ǖ ǘ ǚ ǜ).  */
      if (apostrophe || tone)
        ;
      else if (uc == 0xfc || uc == 0xdc || (uc >= 0x1d5 && uc <= 0x1dc))
        buf_addc (&b, 'v');
      else
        buf_add (&b, nfc + i, (size_t) k);
      after_letter = uc_is_alpha (uc);
      i += (size_t) k;
    }
  free (nfc);
  char *f = b.len ? norm_fold_string (b.data, b.len) : NULL;
  buf_free (&b);
  for (const char *p = f; p && *p; p++)
    if (*p < 'a' || *p > 'z')
      {
        free (f);
        return NULL;
      }
  if (f && *f == '\0')
    {
      free (f);
      return NULL;
    }
  return f;
}

static char *
suggest_pinyin (struct engine *e, const struct engine_query *q, size_t i,
                size_t min_words, size_t max_words, struct bigrams *bg,
                size_t *last)
{
  if (bg->tried >= PINYIN_BUDGET)
    return NULL;
  char *word[6];
  size_t nword = 0;
  for (size_t j = i; j < q->q->nterms && nword < 6 && nword < max_words;
       j++)
    {
      const struct term *t = &q->q->terms[j];
      if (j > i && !query_terms_adjacent (q->text, &q->q->terms[j - 1], t))
        break;
      /* Letters as typed, tones and all (xúnhuí is xunhui, lǚ lv):
         not a prefix (jiancha*), nor a word with its punctuation.  */
      char *w = t->kind == TERM_WORDS && !t->negated && !t->quoted
        ? pinyin_letters (t->source) : NULL;
      if (w == NULL)
        break;
      /* The words after the first find nothing either: "she ji" is not
         涉及 where the text names a Ji.  */
      if (j > i && engine_compile_phrase_docs (e, w) != 0)
        {
          free (w);
          break;
        }
      word[nword++] = w;
    }
  char *best = NULL;
  for (size_t m = nword; m >= min_words && m > 0 && best == NULL; m--)
    {
      char joined[6 * 64 + 1];
      unsigned char boundary[6 * 64 + 1] = { 0 };
      size_t len = 0;
      for (size_t k = 0; k < m && len <= 6 * PINYIN_SYLLABLES; k++)
        {
          size_t wl = strlen (word[k]);
          if (wl > 64)
            len = SIZE_MAX / 2;
          else
            {
              boundary[len] = pinyin_is_syllable (word[k], wl) ? 2 : 1;
              memcpy (joined + len, word[k], wl);
              len += wl;
            }
        }
      if (len > 6 * PINYIN_SYLLABLES)
        continue;
      joined[len] = '\0';
      struct cut cuts[PINYIN_CUTS], now = { 0 };
      size_t ncuts = 0;
      cut_syllables (joined, 0, boundary, &now, cuts, &ncuts);
      long best_docs = 0;
      for (size_t c = 0; c < ncuts && bg->tried < PINYIN_BUDGET; c++)
        {
          /* One syllable is a sound of a hundred characters, and the
             reading of many an English word; so, typed as one word, are
             two (Chongqing, which the text does not name, was 种情 of
             六种情形; the slip dile 低了).  */
          if (cuts[c].n < (m == 1 ? 3 : 2))
            continue;
          bg->tried++;
          bigrams_load (e, bg);
          char *han = ideographs_reading (e, bg, joined, &cuts[c],
                                          &best_docs);
          if (han)
            {
              free (best);
              best = han;
              *last = i + m - 1;
            }
        }
    }
  for (size_t k = 0; k < nword; k++)
    free (word[k]);
  return best;
}

/* A word written as one that the text has as two ("casehandling"): the
   two, apart, that are found together in most documents, or NULL.
   Caller frees.  */
static char *
suggest_split (struct engine *e, const struct term *t)
{
  char *w = plain_form (t);
  size_t n = w ? strlen (w) : 0;
  if (n < 5 || n > 40)
    {
      free (w);
      return NULL;
    }
  char *best = NULL;
  long best_docs = 0;
  for (size_t cut = 2; cut + 2 <= n; cut++)
    {
      char *apart = xasprintf ("%.*s %s", (int) cut, w, w + cut);
      long docs = engine_compile_phrase_docs (e, apart);
      if (docs > best_docs)
        {
          free (best);
          best = apart;
          best_docs = docs;
        }
      else
        free (apart);
    }
  free (w);
  return best;
}

/* Add to OUT the correction FIX (folded: lower case) of the word the
   user typed as TYPED, in TYPED's case where that is plain: "Hulunbiur"
   is corrected to Hulunbuir, "XINJAING" to XINJIANG.  Letters outside
   ASCII, and mixed case ("HuLun"), are left as FIX has them.  */
static void
add_cased (struct buf *out, const char *fix, const char *typed)
{
  size_t from = out->len;
  buf_adds (out, fix);
  size_t upper = 0, letters = 0;
  for (const char *p = typed; *p; p++)
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
      {
        letters++;
        upper += *p <= 'Z';
      }
  int first_upper = typed[0] >= 'A' && typed[0] <= 'Z';
  int all = letters >= 2 && upper == letters;
  if (!first_upper || (upper > 1 && !all))
    return;
  /* The correction is searched as a query: "not" in capitals is NOT,
     which would exclude the word after it (PRISON NOTT HENAN).  */
  if (all && strcmp (fix, "not") == 0)
    return;
  for (size_t i = from; i < out->len; i++)
    {
      char *c = &out->data[i];
      if (*c >= 'a' && *c <= 'z')
        *c = (char) (*c - 'a' + 'A');
      if (!all && ((*c >= 'A' && *c <= 'Z') || (unsigned char) *c >= 0x80))
        break;
    }
}

/* Put FIX in OUT for the query's words from term A to term B (of the
   query TEXT), after what of TEXT comes before A since *REST, which
   then points past B.  */
static void
put_fix (struct buf *out, const char **rest, const char *text,
         const struct term *a, const struct term *b, const char *fix)
{
  buf_add (out, *rest, (size_t) (text + a->source_off - *rest));
  add_cased (out, fix, a->source);
  *rest = text + b->source_off + strlen (b->source);
}

char *
engine_suggest (struct engine *e, const struct engine_query *q)
{
  if (engine_open_vocab (e) != 0)
    return NULL;
  const char *text = q->text;
  struct buf out = { 0 };
  const char *rest = text;
  int changed = 0;
  struct bigrams bigrams = { 0 };
  for (size_t i = 0; i < q->q->nterms; i++)
    {
      const struct term *t = &q->q->terms[i];
      if (t->kind != TERM_WORDS || t->negated || t->stopword || t->nalts == 0)
        continue;
      /* A stop word is searched when it is all there is ("please tell
         me"), but is never respelt as another word ("plea"), nor with
         the punctuation typed around it ("please?"), which
         suggest_word leaves out.  */
      if (engine_compile_ignorable (t->alts[0]))
        continue;
      /* A correction is of a word or a short phrase: a pasted page
         would only be searched for again, at the cost of the search
         (a phrase of 50,000 words is 80 MB of FTS5's).  */
      if (strlen (t->alts[0]) > 256)
        continue;
      /* Does any rendering of the word find something?  */
      struct buf m = { 0 };
      for (size_t k = 0; k < t->nalts; k++)
        {
          struct buf one = { 0 };
          int prefix;
          if (engine_compile_add_phrase (index_analyzer (e->ix), &one,
                                         t->alts[k], &prefix))
            {
              engine_compile_add_or (&m);
              buf_add (&m, one.data, one.len);
            }
          buf_free (&one);
        }
      long found = m.len ? engine_compile_count_docs (e, m.data) : -1;
      buf_free (&m);
      if (found != 0)
        continue;
      /* Written apart: joined with the word before it, or after it.  */
      int joined = 0;
      for (size_t k = i > 0 ? i - 1 : i; k <= i && !joined; k++)
        {
          /* Where the words are in the text, not where their letters
             first occur: "-xzhang zhang jiagang".  */
          const struct term *a = &q->q->terms[k];
          const char *at = text + a->source_off;
          char *fix = at >= rest ? suggest_joined (e, q, k) : NULL;
          if (fix)
            {
              put_fix (&out, &rest, text, a, &q->q->terms[k + 1], fix);
              changed = joined = 1;
              i = k + 1;
            }
          free (fix);
        }
      if (joined)
        continue;
      /* A part of a term of the glossary: that term.  */
      size_t from, to;
      char *term = suggest_gloss_span (e, q, i, &from, &to);
      if (term && text + q->q->terms[from].source_off >= rest)
        {
          put_fix (&out, &rest, text, &q->q->terms[from], &q->q->terms[to],
                   term);
          changed = 1;
          i = to;
          free (term);
          continue;
        }
      free (term);
      /* Words that read as pinyin: the ideographs of that sound.  (One
         word alone is read so only when it is no slip of a word the
         text has: Guanxi is Guangxi, not 关系.)  */
      size_t last = i;
      char *han = suggest_pinyin (e, q, i, 2, 6, &bigrams, &last);
      if (han && text + t->source_off >= rest)
        {
          put_fix (&out, &rest, text, t, &q->q->terms[last], han);
          changed = 1;
          i = last;
          free (han);
          continue;
        }
      free (han);
      /* A word of the glossary is no slip; but it may be pinyin, which
         alone finds nothing: "hailaer", of the glossary's "Hailaer
         District", is 海拉尔, which the text has outside it too.  */
      if (engine_compile_ideographs (t->alts[0]) == 0
          && gloss_word (e, t->alts[0]))
        {
          han = suggest_pinyin (e, q, i, 1, 1, &bigrams, &last);
          if (han && text + t->source_off >= rest)
            {
              put_fix (&out, &rest, text, t, t, han);
              changed = 1;
            }
          free (han);
          continue;
        }
      char *fix = engine_compile_ideographs (t->alts[0]) >= 2
        ? suggest_ideographs (e, t->alts[0]) : suggest_word (e, t->alts[0]);
      char *word = fix && engine_compile_ideographs (fix) == 0
        ? surface_word (e, fix, t->alts[0])
        : NULL;
      if (word)
        {
          free (fix);
          fix = word;
        }
      if (fix == NULL)
        fix = suggest_split (e, t);
      if (fix == NULL)
        fix = suggest_pinyin (e, q, i, 1, 1, &bigrams, &last);
      const char *at = text + t->source_off;
      if (fix && at >= rest)
        {
          buf_add (&out, rest, (size_t) (at - rest));
          add_cased (&out, fix, t->source);
          rest = at + strlen (t->source);
          changed = 1;
        }
      free (fix);
    }
  bigrams_free (&bigrams);
  if (!changed)
    {
      buf_free (&out);
      return NULL;
    }
  buf_adds (&out, rest);
  return buf_steal (&out);
}

struct engine_query *
engine_other_english (struct engine *e, const struct engine_query *q,
                      struct engine_results *r)
{
  struct query_options o = { .exact = q->exact, .regex = q->regex,
                             .revised = !q->revised };
  struct query_error err = { 0 };
  struct engine_query *other = engine_compile (e, q->text, &o, &err);
  if (other == NULL)
    {
      free (err.message);
      return NULL;
    }
  char *cause = NULL;
  if (engine_search (e, other, r, &cause) != 0)
    {
      free (cause);
      engine_query_free (other);
      return NULL;
    }
  return other;
}

size_t
engine_other_english_finds (struct engine *e, const struct engine_query *q)
{
  struct engine_results r;
  struct engine_query *other = engine_other_english (e, q, &r);
  if (other == NULL)
    return 0;
  size_t n = r.ndocs;
  engine_results_free (&r);
  engine_query_free (other);
  return n;
}

int
engine_other_english_wanted (const struct engine_results *r)
{
  return r->ndocs == 0;
}

int
engine_other_english_better (const struct engine_results *other)
{
  return other->ndocs > 0 && other->missing == 0;
}

int
engine_correction_wanted (const struct engine_results *r)
{
  return r->ndocs == 0 || r->missing > 0;
}

int
engine_correction_better (const struct engine_results *r,
                          const struct engine_results *fixed)
{
  return fixed->ndocs > 0 && fixed->missing < r->missing + (r->ndocs == 0);
}

void
engine_amend (struct engine *e, const struct engine_query *q,
              const struct engine_results *r, struct engine_amended *out)
{
  memset (out, 0, sizeof *out);
  e->interrupted = 0;
  if (engine_other_english_wanted (r)
      && (out->q = engine_other_english (e, q, &out->r)) != NULL)
    {
      if (engine_other_english_better (&out->r))
        {
          out->how = ENGINE_AMEND_OTHER_ENGLISH;
          return;
        }
      engine_amended_free (out);
    }
  /* Stopped before the other English was counted: nothing is known.  */
  if (e->interrupted)
    {
      out->interrupted = 1;
      return;
    }
  if (q->regex || !engine_correction_wanted (r))
    return;
  char *fix = engine_suggest (e, q);
  if (fix == NULL)
    return;
  struct query_options o = { .exact = q->exact, .regex = q->regex,
                             .revised = q->revised };
  struct query_error err = { 0 };
  char *cause = NULL;
  out->q = engine_compile (e, fix, &o, &err);
  if (out->q != NULL && engine_search (e, out->q, &out->r, &cause) == 0)
    {
      if (engine_correction_better (r, &out->r))
        {
          out->how = ENGINE_AMEND_CORRECTED;
          out->fix = fix;
          return;
        }
      engine_results_free (&out->r);
    }
  free (err.message);
  free (cause);
  engine_query_free (out->q);
  free (fix);
  memset (out, 0, sizeof *out);
  out->interrupted = e->interrupted;
}

void
engine_amended_free (struct engine_amended *a)
{
  if (a->q)
    {
      engine_query_free (a->q);
      engine_results_free (&a->r);
    }
  free (a->fix);
  memset (a, 0, sizeof *a);
}
