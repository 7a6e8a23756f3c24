/* engine_compile.c -- a query turned into one FTS5 expression
   (engine_compile): each concept's alternatives (its words as the
   analysis sees them, the glossary's renderings in the other language,
   the Chinese segmenter's words) as phrases OR'd together, with the
   glossary's keys built once and kept in the index.  */

#include <config.h>

#include "engine_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "norm.h"
#include "numerals.h"
#include "pairs.h"
#include "pinyin.h"
#include "segment.h"

/* Compiling.  */

struct token_list
{
  size_t n;
  int last_single_cjk;
};

static int
count_token (void *ctx, int colocated, const char *tok, size_t len,
             size_t start, size_t end)
{
  (void) colocated;
  (void) start;
  (void) end;
  struct token_list *tl = ctx;
  tl->n++;
  tl->last_single_cjk = analyze_is_single_cjk (tok, len);
  return 0;
}

/* Append ALT as an FTS5 phrase to B; 0 if it has no tokens (nothing is
   appended then).  *PREFIX is set when its last token is one ideograph,
   matched as a prefix of the bigrams it begins.  */
int
engine_compile_add_phrase (struct analyzer *a, struct buf *b, const char *alt,
                           int *prefix)
{
  struct token_list tl = { 0, 0 };
  analyze_text (a, alt, strlen (alt), ANALYZE_QUERY, count_token, &tl);
  if (tl.n == 0)
    return 0;
  buf_addc (b, '"');
  for (const char *p = alt; *p; p++)
    {
      if (*p == '"')
        buf_addc (b, '"');
      buf_addc (b, *p);
    }
  buf_addc (b, '"');
  *prefix = tl.last_single_cjk;
  if (*prefix)
    buf_addc (b, '*');
  return 1;
}

void
engine_compile_add_or (struct buf *b)
{
  if (b->len)
    buf_adds (b, " OR ");
}

static struct phrase *
new_phrase (struct engine_query *eq, size_t *alloc)
{
  eq->phrases = xgrow (eq->phrases, alloc, eq->nphrases + 1,
                       sizeof *eq->phrases);
  struct phrase *p = &eq->phrases[eq->nphrases++];
  memset (p, 0, sizeof *p);
  p->req = -1;
  p->spellings = 1;
  return p;
}

/* The tokens of a phrase as the filter of neighbouring tokens takes
   them (pairs.h).  */
struct phrase_tokens
{
  uint64_t *v;
  size_t n, alloc;
  int colocated;
  int first_single;             /* the first token is one ideograph */
  char last_single[5];          /* the last token, if one ideograph */
};

static int
hash_token (void *ctx, int colocated, const char *tok, size_t len,
            size_t start, size_t end)
{
  (void) start;
  (void) end;
  struct phrase_tokens *pt = ctx;
  pt->colocated |= colocated;
  int single = analyze_is_single_cjk (tok, len);
  if (pt->n == 0)
    pt->first_single = single;
  pt->last_single[0] = '\0';
  if (single && len < sizeof pt->last_single)
    {
      memcpy (pt->last_single, tok, len);
      pt->last_single[len] = '\0';
    }
  pt->v = xgrow (pt->v, &pt->alloc, pt->n + 1, sizeof *pt->v);
  pt->v[pt->n++] = pairs_token (tok, len);
  return 0;
}

/* P, the phrase of ALT, just written into POS at AT: note where, and
   its tokens when the filter can judge it.  */
static void
place_phrase (struct analyzer *a, struct phrase *p, const char *alt,
              const struct buf *pos, size_t at)
{
  p->at = at;
  p->len = pos->len - at;
  struct phrase_tokens pt = { 0 };
  analyze_text (a, alt, strlen (alt), ANALYZE_QUERY, hash_token, &pt);
  p->first_single = pt.n >= 2 && pt.first_single;
  if (p->prefix)
    memcpy (p->prefix_char, pt.last_single, sizeof p->prefix_char);
  if (pt.n >= 2 && !pt.colocated && !p->prefix)
    {
      p->tokens = pt.v;
      p->ntokens = pt.n;
    }
  else
    free (pt.v);
}

static int
join_token (void *ctx, int colocated, const char *tok, size_t len,
            size_t start, size_t end)
{
  (void) colocated;
  (void) start;
  (void) end;
  struct buf *b = ctx;
  if (b->len)
    buf_addc (b, ' ');
  buf_add (b, tok, len);
  return 0;
}

/* The tokens of S joined by spaces.  Caller frees.  */
char *
engine_compile_token_key (struct analyzer *a, const char *s)
{
  struct buf b = { 0 };
  analyze_text (a, s, strlen (s), ANALYZE_QUERY, join_token, &b);
  return buf_steal (&b);
}

/* A hash of TAG (what is made of them, and how) and every form of E's
   glossary, in order: what a saved set of keys is checked against.  The
   forms are hashed once.  */
static uint64_t
glossary_hash (struct engine *e, const char *tag)
{
  if (!e->gloss_hashed)
    {
      const struct glossary *g = &e->glossary;
      uint64_t h = 0;
      for (size_t i = 0; i < g->count; i++)
        for (int l = 0; l < LANG_COUNT; l++)
          {
            size_t n = glossary_nforms (&g->entries[i], (enum lang) l);
            h = util_hash (h, &n, sizeof n);
            for (size_t v = 0; v < n; v++)
              {
                const char *form = glossary_form (&g->entries[i],
                                                  (enum lang) l, v);
                h = util_hash (h, form ? form : "",
                               form ? strlen (form) + 1 : 1);
              }
          }
      e->gloss_hash = h;
      e->gloss_hashed = 1;
    }
  return util_hash (e->gloss_hash, tag, strlen (tag));
}

/* The keys the index saved under NAME in its meta table for a glossary
   of hash H: entry numbers (uint32) and NUL-terminated strings, in
   order, into *KEYS (*N of them; their strings in *BLOCK).  Returns 0
   if it has none for H.  */
static int
load_keys (struct engine *e, const char *name, uint64_t h,
           struct gloss_key **keys, size_t *n, char **block)
{
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (index_db (e->ix), "SELECT value FROM meta WHERE "
                          "key=?", -1, &st, NULL) != SQLITE_OK)
    return 0;
  sqlite3_bind_text (st, 1, name, -1, SQLITE_STATIC);
  int ok = 0;
  if (sqlite3_step (st) == SQLITE_ROW
      && sqlite3_column_type (st, 0) == SQLITE_BLOB)
    {
      const char *p = sqlite3_column_blob (st, 0);
      size_t len = (size_t) sqlite3_column_bytes (st, 0);
      uint64_t saved;
      if (len > sizeof saved && (memcpy (&saved, p, sizeof saved), saved == h)
          && p[len - 1] == '\0')
        {
          *block = xmalloc (len - sizeof saved);
          memcpy (*block, p + sizeof saved, len - sizeof saved);
          size_t alloc = 0;
          const char *q = *block, *end = q + len - sizeof saved;
          ok = 1;
          while (q < end && ok)
            {
              uint32_t entry;
              if ((size_t) (end - q) < sizeof entry + 1)
                {
                  ok = 0;
                  break;
                }
              memcpy (&entry, q, sizeof entry);
              q += sizeof entry;
              ok = entry < e->glossary.count;
              *keys = xgrow (*keys, &alloc, *n + 1, sizeof **keys);
              (*keys)[(*n)++] = (struct gloss_key) { (char *) q, entry };
              q += strlen (q) + 1;
            }
          if (!ok)
            {
              free (*keys);
              free (*block);
              *keys = NULL;
              *block = NULL;
              *n = 0;
            }
        }
    }
  sqlite3_finalize (st);
  return ok;
}

/* Save the N KEYS for a glossary of hash H under NAME (a cache:
   failing is harmless).  */
static void
save_keys (struct engine *e, const char *name, uint64_t h,
           const struct gloss_key *keys, size_t n)
{
  struct buf b = { 0 };
  buf_add (&b, &h, sizeof h);
  for (size_t i = 0; i < n; i++)
    {
      uint32_t entry = (uint32_t) keys[i].entry;
      buf_add (&b, &entry, sizeof entry);
      buf_add (&b, keys[i].key, strlen (keys[i].key) + 1);
    }
  sqlite3_stmt *st;
  if (n > 0
      && sqlite3_prepare_v2 (index_db (e->ix), "INSERT OR REPLACE INTO meta "
                             "VALUES(?, ?)", -1, &st, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (st, 1, name, -1, SQLITE_STATIC);
      sqlite3_bind_blob (st, 2, b.data, (int) b.len, SQLITE_STATIC);
      sqlite3_step (st);
      sqlite3_finalize (st);
    }
  buf_free (&b);
}

/* The tokens of every form of the glossary, sorted: analysing them all
   costs more than a search, so a saved index keeps them.  */
static void
build_gkeys (struct engine *e)
{
  e->gkeys_built = 1;
  uint64_t h = glossary_hash (e, "gkeys1");
  if (e->saved && load_keys (e, "gkeys", h, &e->gkeys, &e->ngkeys,
                             &e->gkeys_block))
    return;
  struct analyzer *a = index_analyzer (e->ix);
  size_t alloc = 0;
  for (size_t i = 0; i < e->glossary.count; i++)
    {
      const struct glossary_entry *g = &e->glossary.entries[i];
      for (int l = 0; l < LANG_COUNT; l++)
        for (size_t v = 0; v < glossary_nforms (g, (enum lang) l); v++)
          {
            const char *form = glossary_form (g, (enum lang) l, v);
            if (form == NULL || *form == '\0')
              continue;
            char *key = engine_compile_token_key (a, form);
            if (*key == '\0')
              {
                free (key);
                continue;
              }
            e->gkeys = xgrow (e->gkeys, &alloc, e->ngkeys + 1,
                              sizeof *e->gkeys);
            e->gkeys[e->ngkeys++] = (struct gloss_key) { key, i };
          }
    }
  if (e->ngkeys > 1)
    qsort (e->gkeys, e->ngkeys, sizeof *e->gkeys, query_gloss_key_compare);
  if (e->saved)
    save_keys (e, "gkeys", h, e->gkeys, e->ngkeys);
}

/* Every form of the glossary folded (query_glossary_folds), for
   query_parse: folding them all costs about as much as a search, so a
   saved index keeps them, as it keeps the glossary keys.  */
static void
build_gfolds (struct engine *e)
{
  e->gfolds_built = 1;
  uint64_t h = glossary_hash (e, "gfolds1");
  if (e->saved && load_keys (e, "gfolds", h, &e->gfolds, &e->ngfolds,
                             &e->gfolds_block))
    return;
  e->gfolds = query_glossary_folds (&e->glossary, &e->ngfolds);
  if (e->saved)
    save_keys (e, "gfolds", h, e->gfolds, e->ngfolds);
}

void
engine_compile_gloss_keys (struct engine *e)
{
  if (!e->gkeys_built)
    build_gkeys (e);
}

/* The first glossary entry whose form has the tokens KEY, or -1.  */
static long
gloss_find (struct engine *e, const char *key)
{
  engine_compile_gloss_keys (e);
  size_t lo = 0, hi = e->ngkeys;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      int c = strcmp (e->gkeys[mid].key, key);
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < e->ngkeys && strcmp (e->gkeys[lo].key, key) == 0
    ? (long) e->gkeys[lo].entry : -1;
}

static int
compare_strings (const void *x, const void *y)
{
  return strcmp (*(char *const *) x, *(char *const *) y);
}

/* The tokens of KEY (joined by spaces), two or three of them, sorted
   and joined again; NULL for fewer or more.  Caller frees.  */
static char *
sorted_tokens (const char *key)
{
  char *copy = xstrdup (key), *tok[3];
  size_t n = 0;
  for (char *p = copy, *save = NULL; (p = strtok_r (p, " ", &save));
       p = NULL)
    {
      if (n == 3)
        {
          free (copy);
          return NULL;
        }
      tok[n++] = p;
    }
  char *out = NULL;
  if (n >= 2)
    {
      qsort (tok, n, sizeof *tok, compare_strings);
      out = n == 2 ? xasprintf ("%s %s", tok[0], tok[1])
        : xasprintf ("%s %s %s", tok[0], tok[1], tok[2]);
    }
  free (copy);
  return out;
}

/* The first glossary entry with a form of the tokens KEY, two or three,
   in any order, or -1: English says a thing the other way round as
   often ("prosecutors punished", the glossary's "punishing
   prosecutors"; "prison inspection", "inspection prison").  */
static long
gloss_find_unordered (struct engine *e, const char *key)
{
  if (!e->ukeys_built)
    {
      e->ukeys_built = 1;
      engine_compile_gloss_keys (e);
      size_t alloc = 0;
      for (size_t i = 0; i < e->ngkeys; i++)
        {
          char *s = sorted_tokens (e->gkeys[i].key);
          if (s == NULL)
            continue;
          e->ukeys = xgrow (e->ukeys, &alloc, e->nukeys + 1,
                            sizeof *e->ukeys);
          e->ukeys[e->nukeys++] = (struct gloss_key) { s, e->gkeys[i].entry };
        }
      if (e->nukeys > 1)
        qsort (e->ukeys, e->nukeys, sizeof *e->ukeys, query_gloss_key_compare);
    }
  char *s = sorted_tokens (key);
  if (s == NULL)
    return -1;
  size_t lo = 0, hi = e->nukeys;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (strcmp (e->ukeys[mid].key, s) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  long found = lo < e->nukeys && strcmp (e->ukeys[lo].key, s) == 0
    ? (long) e->ukeys[lo].entry : -1;
  free (s);
  return found;
}

/* The words of the glossary form F, as gloss_span counts them.  */
static size_t
words_of_form (const char *f)
{
  if (f == NULL)
    return 0;
  size_t words = 0;
  int in = 0;
  for (const char *p = f, *end = f + strlen (f); p < end;)
    {
      int k = u8_mblen ((const uint8_t *) p, (size_t) (end - p));
      if (k <= 0)
        k = 1;
      int apart = *p == ' '
        || (k > 1 && analyze_is_punctuation (p, (size_t) k));
      words += !apart && !in;
      in = !apart;
      p += k;
    }
  return words;
}

/* The most words typed that can be one glossary term: as many as its
   longest form has ("organization in the nature of a criminal
   syndicate", which a correction may put in a query, has eight), six
   at least.  Words are parted by spaces and by the punctuation of
   ideographs (减刑、假释、暂予监外执行 is three).  */
static size_t
gloss_span (struct engine *e)
{
  if (e->gspan == 0)
    {
      size_t most = 6;
      const struct glossary *g = &e->glossary;
      for (size_t i = 0; i < g->count; i++)
        for (int l = 0; l < LANG_COUNT; l++)
          {
            const struct glossary_entry *ent = &g->entries[i];
            for (size_t v = 0; v < glossary_nforms (ent, (enum lang) l); v++)
              {
                size_t words = words_of_form (glossary_form (ent,
                                                             (enum lang) l,
                                                             v));
                if (words > most)
                  most = words;
              }
          }
      e->gspan = most;
    }
  return e->gspan;
}

/* A concept being built: its alternatives (folded).  */
struct alts
{
  char **v;
  size_t n;
};

static void
alts_add (struct alts *a, const char *s)
{
  char *f = norm_fold_string (s, strlen (s));
  for (size_t i = 0; i < a->n; i++)
    if (strcmp (a->v[i], f) == 0)
      {
        free (f);
        return;
      }
  a->v = xrealloc (a->v, (a->n + 1) * sizeof *a->v);
  a->v[a->n++] = f;
}

/* Add W's numbers in words read as digits (numerals.h), unless the
   search is EXACT, to A.  */
static void
alts_add_digits (struct alts *a, const char *w, int exact)
{
  char *digits = exact ? NULL : numerals_to_digits (w, NULL, NULL);
  if (digits)
    alts_add (a, digits);
  free (digits);
}

static void
alts_add_entry (struct alts *a, const struct glossary_entry *g)
{
  for (int l = 0; l < LANG_COUNT; l++)
    {
      if (g->term[l] && *g->term[l])
        alts_add (a, g->term[l]);
      /* Variants and synonyms alike (casebook(5)).  */
      for (size_t v = 1; v < glossary_nforms (g, (enum lang) l); v++)
        alts_add (a, glossary_form (g, (enum lang) l, v));
    }
}

/* Join query words as they would stand in a text: a space between two
   words of letters, nothing between ideographs.  */
static void
join_words (struct buf *b, const char *w)
{
  if (b->len && w[0] && (unsigned char) w[0] < 0x80
      && (unsigned char) b->data[b->len - 1] < 0x80)
    buf_addc (b, ' ');
  buf_adds (b, w);
}

/* Is W (folded) a syllable of pinyin typed alone, letters only, and no
   stop word ("a" is a syllable, and "a long" no place)?  */
static int
syllable_word (const char *w)
{
  size_t n = strlen (w);
  if (n == 0 || n > 6 || engine_compile_ignorable (w))
    return 0;
  for (size_t k = 0; k < n; k++)
    if (w[k] < 'a' || w[k] > 'z')
      return 0;
  return pinyin_is_syllable (w, n);
}

/* The last of the words of Q from RUN[I] on, two or more, each a
   syllable of pinyin and typed one after the other, that written
   together make a word the texts hold: a place typed by its syllables
   ("Man Zhou Li", "Xin Jiang") is that place (Manzhouli, Xinjiang), not
   the surnames Li and Zhou nor "gangs" for Gang.  The longest such run;
   I when there is none.  The word, so written, into *JOINED (caller
   frees).  */
static size_t
syllables_joined (struct engine *e, const struct query *q, const char *text,
                  const size_t *run, size_t nrun, size_t i, char **joined)
{
  *joined = NULL;
  size_t last = i;
  while (last + 1 < nrun && last - i < 5
         && syllable_word (q->terms[run[last]].alts[0])
         && query_terms_adjacent (text, &q->terms[run[last]],
                                  &q->terms[run[last + 1]]))
    last++;
  if (last == i || !syllable_word (q->terms[run[last]].alts[0]))
    last = last > i ? last - 1 : i;
  for (size_t j = last; j > i; j--)
    {
      struct buf w = { 0 };
      for (size_t k = i; k <= j; k++)
        buf_adds (&w, q->terms[run[k]].alts[0]);
      if (engine_compile_phrase_docs (e, w.data) > 0)
        {
          *joined = buf_steal (&w);
          return j;
        }
      buf_free (&w);
    }
  return i;
}

/* Add the alternatives A as phrases of CONCEPT (and REQ) to the
   expression POS.  Alternatives that analyse to the same tokens (an
   inflection the stemmer undoes: "inspection", "inspections"; a British
   spelling: "centre") are one phrase, which FTS5 looks for once instead
   of finding the same places again for each.  The phrase remembers how
   many spellings it stands for: the ranking counts each, as it did when
   each was a phrase of its own.  Returns the number of phrases added.  */
static size_t
add_alts (struct engine *e, struct engine_query *eq, struct buf *pos,
          size_t *alloc, const struct alts *a, int concept, int req)
{
  size_t added = 0;
  char **keys = xcalloc (a->n ? a->n : 1, sizeof *keys);
  /* The phrase each alternative became, or SIZE_MAX.  */
  size_t *phrase_of = xcalloc (a->n ? a->n : 1, sizeof *phrase_of);
  for (size_t k = 0; k < a->n; k++)
    {
      keys[k] = engine_compile_token_key (index_analyzer (e->ix), a->v[k]);
      phrase_of[k] = SIZE_MAX;
      size_t same = SIZE_MAX;
      for (size_t j = 0; j < k && same == SIZE_MAX; j++)
        if (phrase_of[j] != SIZE_MAX && strcmp (keys[j], keys[k]) == 0)
          same = phrase_of[j];
      if (same != SIZE_MAX)
        {
          eq->phrases[same].spellings++;
          continue;
        }
      struct buf one = { 0 };
      int prefix;
      if (engine_compile_add_phrase (index_analyzer (e->ix), &one, a->v[k],
                                     &prefix))
        {
          engine_compile_add_or (pos);
          size_t at = pos->len;
          buf_add (pos, one.data, one.len);
          struct phrase *p = new_phrase (eq, alloc);
          p->concept = concept;
          p->req = req;
          p->prefix = prefix;
          place_phrase (index_analyzer (e->ix), p, a->v[k], pos, at);
          if (added == 0)
            p->first_alt = xstrdup (a->v[0]);
          phrase_of[k] = (size_t) (p - eq->phrases);
          added++;
        }
      buf_free (&one);
    }
  strv_free (keys, a->n);
  free (phrase_of);
  return added;
}

static void
alts_free (struct alts *a)
{
  strv_free (a->v, a->n);
  memset (a, 0, sizeof *a);
}

/* Add a concept with the alternatives AL, unless the same words are a
   concept already.  */
static void
add_concept (struct engine *e, struct engine_query *eq, struct buf *pos,
             size_t *alloc, const struct alts *al)
{
  for (size_t k = 0; k < eq->nphrases && al->n; k++)
    if (eq->phrases[k].concept >= 0 && eq->phrases[k].first_alt
        && strcmp (eq->phrases[k].first_alt, al->v[0]) == 0)
      return;
  if (add_alts (e, eq, pos, alloc, al, (int) eq->nconcepts, -1))
    eq->nconcepts++;
  else
    eq->unmatchable = 1;        /* a word too long to be indexed, say */
}

/* The number of ideographs in the LEN bytes at S if they hold nothing
   else, else 0.  */
size_t
engine_compile_ideographs_n (const char *s, size_t len)
{
  size_t n = 0;
  const uint8_t *p = (const uint8_t *) s, *e = p + len;
  while (p < e)
    {
      ucs4_t uc;
      int k = u8_mbtouc (&uc, p, (size_t) (e - p));
      if (k <= 0 || !analyze_is_single_cjk ((const char *) p, (size_t) k))
        return 0;
      p += k;
      n++;
    }
  return n;
}

size_t
engine_compile_ideographs (const char *s)
{
  return engine_compile_ideographs_n (s, strlen (s));
}

/* Does folding leave every character of S as it is?  The index folds
   traditional characters by phrases, as OpenCC reads them in the text
   (在乾隆 stays, 在乾 alone is 在干; 憑藉 is 凭借, 藉 alone stays), so a
   regex's literal with one that folding changes may be folded otherwise
   where the text holds it, and FTS5 would not select a document the
   regex matches (found by a fresh-eyes attack).  A character already
   simplified is one no phrase changes.  */
static int
folds_alone_as_itself (const char *s)
{
  const uint8_t *p = (const uint8_t *) s;
  size_t len = strlen (s);
  for (size_t i = 0; i < len;)
    {
      ucs4_t uc;
      int k = u8_mbtouc (&uc, p + i, len - i);
      if (k <= 0 || !norm_fold_keeps_ideograph (uc))
        return 0;
      i += (size_t) k;
    }
  return 1;
}

/* Can no two places of the texts V (N) overlap in any text: none
   holds another, and none ends with what one begins with ("哈哈" does,
   with itself)?  */
static int
texts_apart (char *const *v, size_t n)
{
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++)
      {
        if (i != j && strstr (v[j], v[i]) != NULL)
          return 0;
        size_t len = strlen (v[i]);
        for (size_t k = 1; k < len; k++)
          if (((unsigned char) v[i][k] & 0xc0) != 0x80
              && strncmp (v[i] + k, v[j], len - k) == 0)
            return 0;
      }
  return 1;
}

/* The number of Q's one regex when its matches in a text are the
   places of its literals there, as EQ looks for them, else -1: the
   literals are all it matches (query_regex_literals), each is looked
   for (ideographs that fold as themselves), and no two places of them
   overlap, so that PCRE2, which takes a match and goes on after it,
   finds each place, once.  In a document that is plain (the index's
   unplain table lists those that are not: doc_plain in index.c),
   FTS5's places of the literals are then the places of the regex's
   matches, and the texts need not be read to count them.  */
static int
regex_counted (const struct query *q, const struct engine_query *eq)
{
  int which = -1;
  for (size_t i = 0; i < q->nterms; i++)
    if (q->terms[i].kind == TERM_REGEX)
      {
        if (which >= 0)
          return -1;
        which = (int) i;
      }
  if (which < 0)
    return -1;
  const struct term *t = &q->terms[which];
  /* (Which release English a reader of the revised one sees is worked
     out from the documents' maps of their texts, which a count from the
     places would have to read as well.)  */
  if (t->negated || eq->revised || eq->regex_req[which] < 0
      || !t->literals_whole || !texts_apart (t->literals, t->nliterals))
    return -1;
  /* Its literals only: a word's hits, which a match may cover, or a
     tag's, are counted with the matches' places.  (And a phrase whose
     last token is a prefix finds longer texts too.)  */
  for (size_t i = 0; i < eq->nphrases; i++)
    if (!eq->phrases[i].filter || eq->phrases[i].req != eq->regex_req[which]
        || eq->phrases[i].prefix)
      return -1;
  return which;
}

/* The glossary entry whose tokens are those of W, or -1.  */
static long
gloss_entry_of (struct engine *e, const char *w)
{
  char *key = engine_compile_token_key (index_analyzer (e->ix), w);
  long g = *key ? gloss_find (e, key) : -1;
  free (key);
  return g;
}

/* Add the glossary entry whose tokens are those of W, if any, to AL.  */
static void
add_gloss_of (struct engine *e, struct alts *al, const char *w)
{
  long g = gloss_entry_of (e, w);
  if (g >= 0)
    alts_add_entry (al, &e->glossary.entries[g]);
}



/* The documents that the FTS5 expression M matches.  */
long
engine_compile_count_docs (struct engine *e, const char *m)
{
  sqlite3_stmt *st;
  long n = -1;
  if (sqlite3_prepare_v2 (index_db (e->ix), "SELECT count(*) FROM fts WHERE "
                          "fts MATCH ?", -1, &st, NULL) != SQLITE_OK)
    return -1;
  sqlite3_bind_text (st, 1, m, -1, SQLITE_STATIC);
  if (sqlite3_step (st) == SQLITE_ROW)
    n = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  return n;
}

/* The documents that the words W match as a phrase.  */
long
engine_compile_phrase_docs (struct engine *e, const char *w)
{
  struct buf b = { 0 };
  int prefix;
  long n = 0;
  if (engine_compile_add_phrase (index_analyzer (e->ix), &b, w, &prefix))
    n = engine_compile_count_docs (e, b.data);
  buf_free (&b);
  return n;
}


/* Does a text hold one of T's alternatives after its first as typed
   (網路侵權 as Taiwan writes it is 网路侵权, which no text holds, and
   网络侵权, which one does)?  Then T is not cut into words.  */
static int
other_alt_held (struct engine *e, const struct term *t)
{
  for (size_t k = 1; k < t->nalts; k++)
    if (engine_compile_ideographs (t->alts[k]) > 0
        && engine_compile_phrase_docs (e, t->alts[k]) > 0)
      return 1;
  return 0;
}

/* W, a word of two ideographs that one document holds, with one
   of them replaced by another of the same sound (tones aside) that makes
   a word four documents or more hold:
   the likeliest such, or NULL.  A pinyin input method's slip into a
   real but rare word (检查, inspection, in one case, for 检察, in all)
   finds nothing else wrong, so no correction is looked for, and its
   rarity would put the one document first.  Caller frees.  */
static char *
rare_homophone (struct engine *e, const char *w)
{
  ucs4_t c[2];
  const uint8_t *p = (const uint8_t *) w;
  int n0 = u8_strmbtouc (&c[0], p);
  int n1 = n0 > 0 ? u8_strmbtouc (&c[1], p + n0) : 0;
  if (n0 <= 0 || n1 <= 0 || p[n0 + n1] != '\0'
      || engine_compile_ideographs (w) != 2)
    return NULL;
  /* A word no text holds is a slip the corrections say they mend
     (engine_suggest); one that a text holds is no slip to them.  */
  long typed = engine_compile_phrase_docs (e, w);
  if (typed != 1)
    return NULL;
  sqlite3_stmt *st;
  if (engine_open_vocab (e) != 0
      || sqlite3_prepare_v2 (index_db (e->ix), "SELECT 1 FROM vocab WHERE "
                             "term = ?1", -1, &st, NULL) != SQLITE_OK)
    return NULL;
  char *best = NULL;
  long most = 3;                /* more than three */
  for (int i = 0; i < 2; i++)
    {
      size_t nnear = 0;
      ucs4_t *near = pinyin_near_all (c[i], &nnear);
      for (size_t k = 0; k < nnear; k++)
        {
          if (near[k] == c[i] || !pinyin_homophones (near[k], c[i]))
            continue;
          ucs4_t v[2] = { c[0], c[1] };
          v[i] = near[k];
          uint8_t word[16];
          int a = u8_uctomb (word, v[0], 4);
          int b = a > 0 ? u8_uctomb (word + a, v[1], 4) : -1;
          if (b <= 0)
            continue;
          word[a + b] = '\0';
          sqlite3_reset (st);
          sqlite3_bind_text (st, 1, (const char *) word, a + b,
                             SQLITE_STATIC);
          if (sqlite3_step (st) != SQLITE_ROW)
            continue;
          long docs = engine_compile_phrase_docs (e, (const char *) word);
          if (docs > most)
            {
              free (best);
              best = xstrdup ((const char *) word);
              most = docs;
            }
        }
      free (near);
    }
  sqlite3_finalize (st);
  return best;
}

/* Add to AL, when W is a rare word of two ideographs, the word of the
   same sound that the texts hold (rare_homophone), with its glossary
   renderings.  */
static void
add_rare_homophone (struct engine *e, struct alts *al, const char *w)
{
  char *h = rare_homophone (e, w);
  if (h)
    {
      alts_add (al, h);
      add_gloss_of (e, al, h);
    }
  free (h);
}

/* Add W to *WORDS (*N of them): as it is, or, when it is a word of four
   ideographs or more that no document holds (friso knows 领导干部, the
   cases say 领导 and 干部 apart), as the words of two ideographs it is
   made of (the last of three when their number is odd), which is how
   such compounds are built.  A synonym of the glossary stays whole even
   where no text holds it (人手不够): its term's forms are what is found,
   and its halves (不够) would find something else.  */
static void
add_word (struct engine *e, const char *w, char ***words, size_t *n,
          size_t *alloc)
{
  size_t chars = engine_compile_ideographs (w);
  if (chars < 4 || engine_compile_phrase_docs (e, w) != 0
      || gloss_entry_of (e, w) >= 0)
    {
      *words = xgrow (*words, alloc, *n + 1, sizeof **words);
      (*words)[(*n)++] = xstrdup (w);
      return;
    }
  const char *p = w;
  for (size_t left = chars; left > 0;)
    {
      size_t take = left == 3 ? 3 : 2;
      const char *q = p;
      for (size_t k = 0; k < take; k++)
        q += u8_mblen ((const uint8_t *) q, strlen (q));
      *words = xgrow (*words, alloc, *n + 1, sizeof **words);
      (*words)[(*n)++] = xstrndup (p, (size_t) (q - p));
      p = q;
      left -= take;
    }
}

struct segmenter *
engine_compile_segmenter (struct engine *e)
{
  if (!e->seg_tried)
    {
      /* Beside the index and named after it (index-X.db, index-X.words):
         the list holds the glossary's terms, and libraries with
         glossaries of their own would otherwise write it over in
         turn.  */
      char *list = NULL;
      size_t len = e->index_path ? strlen (e->index_path) : 0;
      if (len > 3 && strcmp (e->index_path + len - 3, ".db") == 0)
        list = xasprintf ("%.*s.words", (int) (len - 3), e->index_path);
      e->seg = segmenter_new (&e->glossary, list);
      free (list);
      e->seg_tried = 1;
    }
  return e->seg;
}

/* The words of WORD: friso's of each run of ideographs, and each run of
   other characters (a number, a Latin word) as it is, but for
   punctuation: "调用检察人员408人" is 调用 检察 人员 408 人.  Returns their
   number; caller frees *WORDS with strv_free.  */
static size_t
split_words (struct segmenter *seg, const char *word, char ***words)
{
  char **v = NULL;
  size_t n = 0, alloc = 0;
  const char *p = word, *end = word + strlen (word);
  while (p < end)
    {
      const char *q = p;
      int cjk = -1;
      while (q < end)
        {
          int k = u8_mblen ((const uint8_t *) q, (size_t) (end - q));
          if (k <= 0)
            k = 1;
          int is = analyze_is_single_cjk (q, (size_t) k);
          if (cjk >= 0 && is != cjk)
            break;
          cjk = is;
          q += k;
        }
      char *run = xstrndup (p, (size_t) (q - p));
      if (cjk)
        {
          char **part;
          size_t npart = segmenter_split (seg, run, &part);
          for (size_t i = 0; i < npart; i++)
            {
              v = xgrow (v, &alloc, n + 1, sizeof *v);
              v[n++] = part[i];
            }
          free (part);
          free (run);
        }
      else
        {
          size_t len;
          const char *bare = engine_compile_bare_word (run, &len);
          if (len > 0 && !engine_compile_ignorable (run))
            {
              v = xgrow (v, &alloc, n + 1, sizeof *v);
              v[n++] = xstrndup (bare, len);
            }
          free (run);
        }
      p = q;
    }
  *words = v;
  return n;
}

/* Is W a word that counts though it has no ideograph (a number, a Latin
   word)?  */
static int
other_word (const char *w)
{
  return (unsigned char) w[0] < 0x80;
}

/* Is W ideographs (two or more) typed together with other characters,
   that no text holds as typed?  Numbers are written in many ways beside
   their words (调用各类检察人员408人): such a word is sought as its
   words.  */
static int
unheld_mixed_word (struct engine *e, const char *w)
{
  size_t cjk = 0, other = 0;
  const char *p = w, *end = w + strlen (w);
  while (p < end)
    {
      int k = u8_mblen ((const uint8_t *) p, (size_t) (end - p));
      if (k <= 0)
        return 0;
      if (analyze_is_single_cjk (p, (size_t) k))
        cjk++;
      else if (!analyze_is_punctuation (p, (size_t) k))
        other++;
      p += k;
    }
  return cjk >= 2 && other > 0 && engine_compile_phrase_docs (e, w) == 0;
}

/* A run of ideographs typed as one word that is not a term of the
   glossary ("检察官违法办案怎么追责", "什么是巡回检察"), or ideographs and
   a number or Latin letters typed together that the text does not hold
   so ("调用检察人员408人"): its words, by friso, each a concept (stop
   words and single characters dropped when there are words of two or
   more, or one and stop words); a long word no document holds is cut in
   its parts (add_word).  Returns 0 if it was not cut.  */
static int
add_segmented (struct engine *e, struct engine_query *eq, struct buf *pos,
               size_t *alloc, const char *word, int exact,
               const struct numeral *nums, size_t nnums)
{
  if (engine_compile_segmenter (e) == NULL)
    return 0;
  char **seg;
  size_t nseg = split_words (e->seg, word, &seg);
  char **w = NULL;
  size_t n = 0, walloc = 0;
  /* Single ideographs side by side are one word friso did not know
     (非法采砂: 非法 采 砂), unless they are stop words.  */
  struct buf run = { 0 };
  size_t asking = 0;
  for (size_t i = 0; i <= nseg; i++)
    {
      asking += i < nseg && analyze_is_stopword (seg[i], strlen (seg[i]));
      int single = i < nseg && engine_compile_ideographs (seg[i]) == 1
        && !analyze_is_stopword (seg[i], strlen (seg[i]));
      if (single)
        {
          buf_adds (&run, seg[i]);
          continue;
        }
      if (run.len)
        {
          add_word (e, run.data, &w, &n, &walloc);
          run.len = 0;
        }
      if (i < nseg)
        add_word (e, seg[i], &w, &n, &walloc);
    }
  buf_free (&run);
  strv_free (seg, nseg);
  size_t longer = 0;
  for (size_t i = 0; i < n; i++)
    longer += (engine_compile_ideographs (w[i]) >= 2 || other_word (w[i]))
      && !analyze_is_stopword (w[i], strlen (w[i]));
  /* One word is the run as typed, unless the rest is words of a
     question (巡回检察是什么, 人手不够怎么办): then that word is sought.  */
  if (longer == 0 || (longer == 1 && asking == 0))
    {
      strv_free (w, n);
      return 0;
    }
  for (size_t i = 0; i < n; i++)
    {
      if ((engine_compile_ideographs (w[i]) < 2 && !other_word (w[i]))
          || analyze_is_stopword (w[i], strlen (w[i])))
        continue;
      struct alts al = { 0 };
      alts_add (&al, w[i]);
      /* A number read from its words (WORD has 208 where 二百零八 was
         typed) is found written either way.  */
      for (size_t k = 0; k < nnums; k++)
        if (strcmp (w[i], nums[k].digits) == 0
            || strcmp (w[i], nums[k].number) == 0)
          alts_add (&al, nums[k].words);
      if (!exact)
        {
          add_gloss_of (e, &al, w[i]);
          add_rare_homophone (e, &al, w[i]);
        }
      add_concept (e, eq, pos, alloc, &al);
      alts_free (&al);
    }
  /* Two words typed side by side, where a text has them side by side,
     are one hit more, as the whole run is: a word respelt by a slip of
     the input method into another word of the texts (刑事执行检查 for
     刑事执行检察: 检查, self-criticism, is in case 6) leaves its
     neighbours standing together where the run was meant.  */
  for (size_t i = 0; n > 2 && i + 1 < n; i++)
    if (engine_compile_ideographs (w[i]) >= 2
        && engine_compile_ideographs (w[i + 1]) >= 2
        && !analyze_is_stopword (w[i], strlen (w[i]))
        && !analyze_is_stopword (w[i + 1], strlen (w[i + 1])))
      {
        struct alts al = { 0 };
        char *pair = xasprintf ("%s%s", w[i], w[i + 1]);
        alts_add (&al, pair);
        add_alts (e, eq, pos, alloc, &al, -3, -1);
        alts_free (&al);
        free (pair);
      }
  strv_free (w, n);
  return 1;
}

/* Is C ASCII punctuation?  */
static int
ascii_punct (char c)
{
  return c > ' ' && c < 0x7f && !util_ascii_alnum ((unsigned char) c);
}

const char *
engine_compile_bare_word (const char *w, size_t *len)
{
  size_t lead = 0, end = strlen (w);
  while (lead < end && ascii_punct (w[lead]))
    lead++;
  while (end > lead && ascii_punct (w[end - 1]))
    end--;
  *len = end - lead;
  return w + lead;
}

/* A query can do without such a word when it has others; no text holds
   one as a token ("Tiger & Leopard", "tiger - leopard").  */
int
engine_compile_ignorable (const char *w)
{
  size_t len = strlen (w);
  if (analyze_is_punctuation (w, len))
    return 1;
  /* A stop word with the punctuation typed around it ("please!",
     "(the)") is still one: the punctuation is part of the term.  */
  const char *bare = engine_compile_bare_word (w, &len);
  return analyze_is_stopword (bare, len);
}

struct engine_query *
engine_compile (struct engine *e, const char *text,
                const struct query_options *opt, struct query_error *err)
{
  struct query_options o = *opt;
  o.glossary = &e->glossary;
  /* Compiling may save the glossary keys.  */
  engine_texts_release (e);
  if (!e->gfolds_built)
    build_gfolds (e);
  o.folds = e->gfolds;
  o.nfolds = e->ngfolds;
  struct query *q = query_parse (text, &o, err);
  if (q == NULL)
    return NULL;
  struct engine_query *eq = xcalloc (1, sizeof *eq);
  eq->q = q;
  eq->text = xstrdup (text);
  eq->lang_only = q->lang_only;
  eq->revised = opt->revised;
  eq->exact = opt->exact;
  eq->regex = opt->regex;
  eq->regex_counted = -1;
  struct analyzer *a = index_analyzer (e->ix);
  struct buf pos = { 0 }, neg = { 0 };
  size_t alloc = 0;
  /* The words typed without quotes, in order: these become concepts.  */
  size_t *run = xcalloc (q->nterms ? q->nterms : 1, sizeof *run);
  eq->regex_req = xcalloc (q->nterms ? q->nterms : 1, sizeof *eq->regex_req);
  for (size_t i = 0; i < q->nterms; i++)
    eq->regex_req[i] = -1;
  size_t nrun = 0;
  int content_words = 0;
  for (size_t i = 0; i < q->nterms; i++)
    {
      struct term *t = &q->terms[i];
      if (t->kind == TERM_REGEX)
        {
          eq->has_regex = 1;
          /* Every match holds one of the regex's literals: when each
             is two or more ideographs, FTS5 finds the documents that
             have one (a superset of those the regex matches), and PCRE2
             runs only on them.  A Latin literal may begin inside a
             word, which is no token, so it cannot be used so.  */
          size_t cjk = 0;
          for (size_t k = 0; !t->negated && k < t->nliterals; k++)
            {
              struct buf one = { 0 };
              int prefix;
              cjk += engine_compile_ideographs (t->literals[k]) >= 2
                && folds_alone_as_itself (t->literals[k])
                && engine_compile_add_phrase (a, &one, t->literals[k],
                                              &prefix);
              buf_free (&one);
            }
          if (cjk > 0 && cjk == t->nliterals)
            {
              struct alts al = { 0 };
              for (size_t k = 0; k < t->nliterals; k++)
                alts_add (&al, t->literals[k]);
              size_t first = eq->nphrases;
              add_alts (e, eq, &pos, &alloc, &al, -4, (int) eq->nrequired);
              for (size_t k = first; k < eq->nphrases; k++)
                eq->phrases[k].filter = 1;
              eq->regex_req[i] = (int) eq->nrequired++;
              alts_free (&al);
            }
          continue;
        }
      if (t->negated)
        {
          struct alts al = { 0 };
          for (size_t k = 0; k < t->nalts; k++)
            alts_add (&al, t->alts[k]);
          alts_add_digits (&al, t->alts[0], opt->exact);
          for (size_t k = 0; k < al.n; k++)
            {
              struct buf one = { 0 };
              int prefix;
              if (engine_compile_add_phrase (a, &one, al.v[k], &prefix))
                {
                  engine_compile_add_or (&neg);
                  buf_add (&neg, one.data, one.len);
                }
              buf_free (&one);
            }
          alts_free (&al);
          continue;
        }
      if (t->quoted)
        {
          /* A quoted phrase must match as typed (or as one of its
             glossary renderings).  */
          struct alts al = { 0 };
          for (size_t k = 0; k < t->nalts; k++)
            alts_add (&al, t->alts[k]);
          alts_add_digits (&al, t->alts[0], opt->exact);
          /* The glossary knows a term by its tokens, as it knows one
             typed without quotes: "prisons", "Henan's", "巡回检察。"
             and "circuit-inspection" are its terms, in the other
             language too.  */
          if (!opt->exact)
            add_gloss_of (e, &al, t->alts[0]);
          /* Punctuation or a picture quoted beside words has nothing
             to find, as unquoted ("prison" "&"): left out, as "" is.  */
          if (analyze_is_punctuation (t->alts[0], strlen (t->alts[0])))
            {
              alts_free (&al);
              continue;
            }
          if (add_alts (e, eq, &pos, &alloc, &al, -2, (int) eq->nrequired))
            {
              eq->nrequired++;
              eq->nquoted++;
            }
          else
            eq->unmatchable = 1;        /* nothing in it can be found */
          alts_free (&al);
          continue;
        }
      run[nrun++] = i;
      if (!engine_compile_ignorable (t->alts[0]))
        content_words++;
    }
  /* Stop words and punctuation are searched only when they are all
     there is: beside a phrase, a regex or a field they are not
     (关于 "prison", "prison" &, case:7 &).  */
  if (eq->nrequired > 0 || eq->has_regex || q->ntags > 0
      || q->ncollections > 0 || q->nregions > 0 || q->year > 0 || q->doc >= 0)
    content_words++;
  /* Group the words into concepts: the longest run of words that is a
     glossary term (after stemming: "circuit inspections") is one
     concept with all the term's renderings; other words are concepts
     of their own.  Stop words and punctuation go, unless they are all
     there is.  */
  struct buf whole = { 0 };
  size_t concepts_before = eq->nconcepts;
  for (size_t i = 0; i < nrun;)
    {
      size_t best = i;
      long entry = -1;
      size_t most = gloss_span (e);
      /* Chinese words the reader typed apart (检察官 惩戒) are asked
         for apart: a document with both, not side by side, is one the
         term alone would leave out.  Where they stand together they
         rank first (WHOLE, below).  */
      size_t apart = nrun;
      for (size_t k = i + 1; k < nrun && apart == nrun; k++)
        if (engine_compile_ideographs (q->terms[run[k - 1]].alts[0]) > 0
            && engine_compile_ideographs (q->terms[run[k]].alts[0]) > 0)
          apart = k;
      if (apart < nrun && most > apart - i)
        most = apart - i;
      for (size_t j = i + most - 1 < nrun ? i + most - 1 : nrun - 1; j > i;
           j--)
        {
          struct buf span = { 0 };
          for (size_t k = i; k <= j; k++)
            join_words (&span, q->terms[run[k]].alts[0]);
          char *key = engine_compile_token_key (a, span.data);
          entry = *key ? gloss_find (e, key) : -1;
          /* In another order, the words are the term only through its
             forms, which --exact does not search: as typed, they would
             be a phrase no text holds.  */
          if (entry < 0 && *key && !opt->exact)
            entry = gloss_find_unordered (e, key);
          free (key);
          buf_free (&span);
          if (entry >= 0)
            {
              best = j;
              break;
            }
        }
      /* (Not with --exact, which reads words as typed, as it does not
         join words written with hyphens either.)  */
      char *joined = NULL;
      if (best == i && !opt->exact)
        best = syllables_joined (e, q, text, run, nrun, i, &joined);
      struct term *t = &q->terms[run[i]];
      for (size_t k = i; k <= best; k++)
        join_words (&whole, q->terms[run[k]].alts[0]);
      if (best == i && content_words > 0
          && engine_compile_ignorable (t->alts[0]))
        {
          t->stopword = 1;
          i++;
          continue;
        }
      struct alts al = { 0 };
      if (best == i)
        {
          char *key = engine_compile_token_key (a, t->alts[0]);
          long g = *key ? gloss_find (e, key) : -1;
          free (key);
          /* Numbers in words (二百零八名检察官) are sought in the
             digits the texts write them in as well (208名检察官); if
             the texts hold the word so, it is one concept, as typed or
             so; if not, its words are cut from the digits' form.  */
          struct numeral *nums = NULL;
          size_t nnums = 0;
          char *digits = opt->exact ? NULL
            : numerals_to_digits (t->alts[0], &nums, &nnums);
          const char *word = digits ? digits : t->alts[0];
          /* And numbers in digits (第15条, 19大) in the words the texts
             write such numbers in (第十五条, 十九大), where they do.  */
          char *words[2] = { NULL, NULL };
          int words_held = 0;
          for (int two = 0; two < 2 && !opt->exact && !digits; two++)
            {
              words[two] = numerals_to_words (t->alts[0], two);
              if (words[two] && (two == 0 || !words[0]
                                 || strcmp (words[0], words[1]) != 0)
                  && engine_compile_phrase_docs (e, words[two]) > 0)
                words_held = 1;
              else
                {
                  free (words[two]);
                  words[two] = NULL;
                }
            }
          /* 4大检察 is 四大检察, a term of the glossary.  */
          for (int two = 0; two < 2 && g < 0; two++)
            if (words[two])
              {
                char *wkey = engine_compile_token_key (a, words[two]);
                g = *wkey ? gloss_find (e, wkey) : -1;
                free (wkey);
              }
          int cut = g < 0 && !opt->exact && !words_held
            && !(digits && engine_compile_phrase_docs (e, digits) > 0)
            && !other_alt_held (e, t)
            && (engine_compile_ideographs (t->alts[0]) >= 4
                || unheld_mixed_word (e, word))
            && add_segmented (e, eq, &pos, &alloc, word, opt->exact, nums,
                              nnums);
          numerals_free (nums, nnums);
          if (cut)
            {
              free (digits);
              i++;
              continue;
            }
          for (size_t k = 0; k < t->nalts; k++)
            alts_add (&al, t->alts[k]);
          if (digits)
            alts_add (&al, digits);
          free (digits);
          for (int two = 0; two < 2; two++)
            {
              if (words[two])
                alts_add (&al, words[two]);
              free (words[two]);
            }
          if (!opt->exact && g >= 0)
            alts_add_entry (&al, &e->glossary.entries[g]);
          if (!opt->exact && g < 0)
            add_rare_homophone (e, &al, t->alts[0]);
        }
      else
        {
          struct buf span = { 0 };
          for (size_t k = i; k <= best; k++)
            join_words (&span, q->terms[run[k]].alts[0]);
          alts_add (&al, span.data);
          buf_free (&span);
          if (joined)
            {
              /* And what the word itself would find: its renderings,
                 as typed alone.  */
              alts_add (&al, joined);
              char *key = engine_compile_token_key (a, joined);
              long g = *key && !opt->exact ? gloss_find (e, key) : -1;
              free (key);
              if (g >= 0)
                alts_add_entry (&al, &e->glossary.entries[g]);
            }
          else if (!opt->exact)
            alts_add_entry (&al, &e->glossary.entries[entry]);
        }
      free (joined);
      add_concept (e, eq, &pos, &alloc, &al);
      alts_free (&al);
      i = best + 1;
    }
  if (eq->nconcepts - concepts_before > 1 && whole.len)
    {
      /* The words as typed, together: where they stand so, they are one
         hit, and such a document ranks higher.  */
      struct alts al = { 0 };
      alts_add (&al, whole.data);
      /* Chinese words typed apart that together are a term (巡回 检察):
         its renderings stand together as the words do.  */
      if (!opt->exact)
        {
          char *key = engine_compile_token_key (a, whole.data);
          long g = *key ? gloss_find (e, key) : -1;
          free (key);
          if (g >= 0)
            alts_add_entry (&al, &e->glossary.entries[g]);
        }
      add_alts (e, eq, &pos, &alloc, &al, -3, -1);
      alts_free (&al);
    }
  buf_free (&whole);
  free (run);
  for (size_t i = 0; i < q->ntags; i++)
    {
      /* The tag's words in the keyword lists: where it is shown.  Not
         when lang: asks for the other language than the tag's: its
         documents are kept by the tag (read_filters), and the tag's
         words, sought in that language's columns alone, would keep
         none (tag:巡回检察 lang:en).  */
      if (eq->lang_only >= 0
          && (engine_compile_ideographs (q->tags[i]) > 0)
             != (eq->lang_only == LANG_ZH))
        continue;
      struct buf one = { 0 };
      int prefix;
      if (engine_compile_add_phrase (a, &one, q->tags[i], &prefix))
        {
          engine_compile_add_or (&pos);
          size_t at = pos.len;
          buf_adds (&pos, opt->revised ? "{kw_zh kw_en kw_rev} : "
                    : "{kw_zh kw_en} : ");
          buf_add (&pos, one.data, one.len);
          struct phrase *p = new_phrase (eq, &alloc);
          p->concept = -1;
          p->prefix = prefix;
          place_phrase (a, p, q->tags[i], &pos, at);
        }
      buf_free (&one);
    }
  eq->regex_counted = regex_counted (q, eq);
  /* The columns searched: the languages asked for, and the revised
     English only for a reader who reads it.  */
  char cols[160];
  snprintf (cols, sizeof cols, "{%s%s%s} : ",
            eq->lang_only == LANG_EN ? "" : "title_zh kw_zh body_zh ",
            eq->lang_only == LANG_ZH ? "" : "title_en kw_en body_en ",
            eq->lang_only != LANG_ZH && eq->revised
            ? "title_rev kw_rev body_rev" : "");
  if (pos.len)
    {
      struct buf m = { 0 };
      /* In both languages the phrases are looked for in every column:
         cb_inst leaves out the instances in the revised English when
         it is not searched.  A filter of columns makes FTS5 copy the
         positions of every phrase in every document it reads, to drop
         those of the columns left out, which are seldom there: 6-8% of
         a count at 8000 documents.  (In one language the filter leaves
         out half the columns and is kept.)  */
      if (eq->lang_only >= 0)
        buf_adds (&m, cols);
      buf_addc (&m, '(');
      eq->list_at = m.len;
      buf_add (&m, pos.data, pos.len);
      eq->list_end = m.len;
      for (size_t i = 0; i < eq->nphrases; i++)
        eq->phrases[i].at += eq->list_at;
      buf_addc (&m, ')');
      if (neg.len)
        {
          buf_adds (&m, " NOT ");
          buf_adds (&m, cols);
          buf_addc (&m, '(');
          buf_add (&m, neg.data, neg.len);
          buf_addc (&m, ')');
        }
      eq->match = buf_steal (&m);
    }
  else if (neg.len)
    {
      struct buf m = { 0 };
      buf_adds (&m, cols);
      buf_addc (&m, '(');
      buf_add (&m, neg.data, neg.len);
      buf_addc (&m, ')');
      eq->negmatch = buf_steal (&m);
    }
  buf_free (&pos);
  buf_free (&neg);
  return eq;
}

void
engine_query_free (struct engine_query *q)
{
  if (q == NULL)
    return;
  query_free (q->q);
  free (q->text);
  free (q->match);
  free (q->negmatch);
  for (size_t i = 0; i < q->nphrases; i++)
    {
      free (q->phrases[i].first_alt);
      free (q->phrases[i].tokens);
    }
  free (q->phrases);
  free (q->regex_req);
  free (q);
}
