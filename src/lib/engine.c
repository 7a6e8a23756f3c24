/* engine.c -- the search façade (see engine.h): the index, the query's
   translation into FTS5, ranking and hits.

   A query becomes one FTS5 expression: every alternative of every
   concept, quoted phrase and tag is a phrase of it, OR'd together
   (quoted phrases and tags are checked as required afterwards), with
   NOT for excluded words and a column filter for lang:.  For each
   matching document the auxiliary function cb_inst returns where each
   phrase stands (token positions); the engine merges overlapping
   instances into hits, counts the concepts a document matches, and
   ranks.  Hits are turned into byte offsets only for documents whose
   passages are shown, by reading the paragraphs that hold them and
   analysing them again as the tokenizer did.  Regexes run with PCRE2
   over the paragraphs where FTS5 found one of the literals that every
   match holds (query_regex_literals), or over every text when a regex
   has none.  */

#include <config.h>

#include "engine.h"

#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <unistr.h>

#include "analyze.h"
#include "content.h"
#include "i18n.h"
#include "norm.h"
#include "prefs.h"
#include "search.h"
#include "segment.h"

/* A search still reading after this long (nanoseconds) starts a thread
   to work from the other end (see read_matches): one that ends sooner
   would wait for the thread's connection to open (half a millisecond
   or so), and the thread would slow it more than it helped.  */
#define SPLIT_AFTER_NS 2000000
/* ... and only when what is left looks at least this long.  */
#define SPLIT_REST_NS 3000000

/* Column weights for BM25: a word in a title or the keywords says more
   about what a document is about than one in its body.  */
static const double column_weight[COL_COUNT] = { 8, 8, 5, 5, 1, 1, 8, 5, 1 };

/* A form of a glossary term as the analysis sees it: its tokens joined
   by spaces, so that "circuit inspections" typed in a query finds the
   entry "circuit inspection".  */
struct gloss_key
{
  char *tokens;
  size_t entry;
};

/* What the content of the index is: the changes other connections
   committed (PRAGMA data_version, -1 if unknown) and this one's
   updates.  */
struct generation
{
  long long others;
  unsigned long updates;
};

struct engine
{
  struct index *ix;
  struct glossary glossary;
  char *content_dir;
  char **dirs;                  /* the content's directories, as given */
  size_t ndirs;
  struct generation seen;       /* when last brought up to date */
  struct gloss_key *gkeys;      /* sorted by tokens; built when first used */
  size_t ngkeys;
  char *gkeys_block;            /* the tokens of all, when read from the
                                   index (else each is its own) */
  int gkeys_built;
  struct segmenter *seg;        /* loaded when a query first needs it */
  int seg_tried;
  int t2s_memory;               /* save what folding learnt on close */
  sqlite3_stmt *units_st;       /* load_texts's, prepared when first used */
  sqlite3_blob *blobs[COL_COUNT];       /* column_blob's */
  int saved;                    /* the index is in the cache, not memory */
  int (*interrupt) (void *);    /* engine_set_interrupt's */
  void *interrupt_ctx;
  int interrupted;              /* INTERRUPT said stop during a search */
  long long split_after_ns;     /* engine_set_split's */
  size_t split_docs;            /* engine_split_docs's */
};

/* One FTS5 phrase of the query.  */
struct phrase
{
  char *first_alt;              /* of a concept's first phrase: the words */
  int concept;                  /* >= 0: a concept; -1: a tag; -2: a
                                   required quoted phrase (see req) */
  int req;                      /* index of the required term, or -1 */
  int prefix;                   /* last token matched as a prefix: trim
                                   the hit to its first character */
  int filter;                   /* a regex's literal: selects documents,
                                   its instances are no hits */
};

struct engine_query
{
  struct query *q;
  char *text;                   /* as typed */
  char *match;                  /* the FTS5 expression, NULL if none */
  struct phrase *phrases;
  size_t nphrases;
  size_t nconcepts;
  size_t nrequired;             /* quoted phrases that must all match */
  char *negmatch;               /* excluded words, when nothing positive */
  int has_regex;
  int *regex_req;               /* per term: the required index of a
                                   regex's literals, or -1 */
  int lang_only;
  int unmatchable;              /* a word with nothing to find in it */
  int revised;                  /* search the revised English too */
};





/* Opening.  */

/* Is DIR a directory that only this user can write, and owned by them?
   A cache directory that another user controls could plant a database
   (forged answers) or a symbolic link (a write elsewhere).  *WHY says
   what is wrong (static string).  */
static int
private_dir (const char *dir, const char **why)
{
  struct stat st;
  if (lstat (dir, &st) != 0)
    {
      *why = strerror (errno);
      return 0;
    }
  if (!S_ISDIR (st.st_mode))
    {
      *why = _("not a directory");
      return 0;
    }
  if (st.st_uid != geteuid ())
    {
      *why = _("owned by another user");
      return 0;
    }
  if (st.st_mode & (S_IWGRP | S_IWOTH))
    {
      *why = _("writable by other users");
      return 0;
    }
  return 1;
}

/* Where the index of CONTENT_DIR lives, if the cache directory can be
   used: NULL with *NOTE (caller frees) when not.  Caller frees.  */
static char *
index_path (const char *const *dirs, size_t ndirs, char **note)
{
  char *cache = prefs_cache_dir ();
  if (cache == NULL)
    {
      /* Without a word, every search would build the index again, in
         seconds for a large library, and nobody would know why.  */
      *note = xstrdup (_("no cache directory (neither XDG_CACHE_HOME nor "
                         "HOME names a full path): searching without a "
                         "saved index"));
      return NULL;
    }
  const char *why = NULL;
  if (util_mkdir_p (cache) != 0 && errno != EEXIST)
    why = strerror (errno);
  if (why == NULL)
    private_dir (cache, &why);
  if (why != NULL)
    {
      *note = xasprintf (_("not using the cache directory %s (%s): "
                           "searching without a saved index"), cache, why);
      free (cache);
      return NULL;
    }
  /* One index per set of directories, named by a hash of their full
     names.  */
  uint64_t h = 0;
  for (size_t i = 0; i < ndirs; i++)
    {
      char *abs = realpath (dirs[i], NULL);
      const char *key = abs ? abs : dirs[i];
      h = util_hash (h, key, strlen (key) + 1);
      free (abs);
    }
  char *path = xasprintf ("%s/index-%016llx.db", cache,
                          (unsigned long long) h);
  free (cache);
  return path;
}

/* The integer SQL (a query of one value) gives in DB, or FALLBACK if it
   gives none.  */
static int64_t
query_int (sqlite3 *db, const char *sql, int64_t fallback)
{
  sqlite3_stmt *st;
  int64_t v = fallback;
  if (sqlite3_prepare_v2 (db, sql, -1, &st, NULL) != SQLITE_OK)
    return fallback;
  if (sqlite3_step (st) == SQLITE_ROW && sqlite3_column_type (st, 0)
      != SQLITE_NULL)
    v = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  return v;
}

/* A number that changes whenever the index does, by this connection or
   another, even for bookkeeping (SQLite's data version of the database
   file, as of the last read: a statement brings it up to date).
   Cheap: it is compared for every document whose hits are taken.  */
static unsigned
db_version (struct engine *e)
{
  unsigned v = 0;
  sqlite3_file_control (index_db (e->ix), "main", SQLITE_FCNTL_DATA_VERSION,
                        &v);
  return v;
}

static struct generation
generation (struct engine *e)
{
  struct generation g = {
    query_int (index_db (e->ix), "PRAGMA data_version", -1),
    index_updates (e->ix)
  };
  return g;
}

static int
same_generation (struct generation a, struct generation b)
{
  return a.others == b.others && a.updates == b.updates;
}

struct engine *
engine_open (const struct engine_options *o, struct diags *diags,
             char **note, char **cause)
{
  *note = NULL;
  *cause = NULL;
  struct engine *e = xcalloc (1, sizeof *e);
  e->split_after_ns = SPLIT_AFTER_NS;
  const char *one[1] = { o->content_dir };
  const char *const *dirs = o->ndirs ? o->content_dirs : one;
  size_t ndirs = o->ndirs ? o->ndirs : 1;
  e->content_dir = xstrdup (dirs[0]);
  e->dirs = xcalloc (ndirs, sizeof *e->dirs);
  for (size_t i = 0; i < ndirs; i++)
    e->dirs[i] = xstrdup (dirs[i]);
  e->ndirs = ndirs;
  char *path = o->in_memory ? NULL : index_path (dirs, ndirs, note);
  if (path)
    {
      /* Folding needs OpenCC only for characters never seen before.  */
      char *slash = strrchr (path, '/');
      char *t2s = xasprintf ("%.*s/t2s.bin", (int) (slash - path), path);
      norm_t2s_memory (t2s);
      free (t2s);
      e->t2s_memory = 1;
    }
  char *open_note = NULL;
  e->ix = index_open (path, &open_note, cause);
  if (e->ix == NULL && path)
    {
      /* The saved index cannot be opened (a read-only cache, say): an
         index in memory answers the same.  */
      char *n = xasprintf (_("cannot use the search index %s (%s): "
                             "searching without it"), path, *cause);
      free (*cause);
      *cause = NULL;
      free (*note);
      *note = n;
      e->ix = index_open (NULL, &open_note, cause);
    }
  if (open_note)
    {
      free (*note);
      *note = open_note;
    }
  if (e->ix == NULL)
    {
      free (path);
      engine_close (e);
      return NULL;
    }
  char *sync_cause = NULL;
  if (index_sync (e->ix, dirs, ndirs, diags, o->progress, o->progress_ctx,
                  &sync_cause) != 0 && path)
    {
      /* A damaged or unwritable database: build the index in memory.  */
      char *n = xasprintf (_("cannot update the search index %s (%s): "
                             "searching without it"), path, sync_cause);
      free (*note);
      *note = n;
      free (sync_cause);
      sync_cause = NULL;
      index_close (e->ix);
      e->ix = index_open (NULL, &open_note, cause);
      free (open_note);
      struct diags scratch = { 0 };
      if (e->ix == NULL
          || index_sync (e->ix, dirs, ndirs, &scratch, o->progress,
                         o->progress_ctx, &sync_cause) != 0)
        {
          diags_free (&scratch);
          free (path);
          if (*cause == NULL)
            *cause = sync_cause ? sync_cause : xstrdup ("?");
          else
            free (sync_cause);
          engine_close (e);
          return NULL;
        }
      diags_free (&scratch);
    }
  else if (sync_cause)
    {
      free (path);
      *cause = sync_cause;
      engine_close (e);
      return NULL;
    }
  free (path);
  e->saved = index_saved (e->ix);
  e->seen = generation (e);
  char *gpath = util_path_join (dirs[0], CONTENT_GLOSSARY_FILE);
  content_read_glossary (gpath, &e->glossary, diags);
  free (gpath);
  return e;
}

static void release_blobs (struct engine *e);

int
engine_refresh (struct engine *e, struct diags *diags,
                index_progress_fn progress, void *progress_ctx, char **cause)
{
  *cause = NULL;
  /* An open blob handle holds a read transaction: an update would
     wait for it.  */
  release_blobs (e);
  if (index_sync (e->ix, (const char *const *) e->dirs, e->ndirs, diags,
                  progress, progress_ctx, cause) != 0)
    return -1;
  struct generation g = generation (e);
  int changed = !same_generation (g, e->seen);
  e->seen = g;
  return changed;
}

int
engine_several_collections (struct engine *e)
{
  /* The first and last collection by docs_number: two lookups in the
     index, whatever the size of the library.  */
  return (int) query_int (index_db (e->ix), "SELECT (SELECT coll FROM docs "
                          "ORDER BY coll LIMIT 1) IS NOT (SELECT coll FROM "
                          "docs ORDER BY coll DESC LIMIT 1)", 0);
}

void
engine_close (struct engine *e)
{
  if (e == NULL)
    return;
  if (e->t2s_memory)
    norm_t2s_memory_save ();    /* a cache: failing to write it is harmless */
  release_blobs (e);
  sqlite3_finalize (e->units_st);
  index_close (e->ix);
  glossary_free (&e->glossary);
  for (size_t i = 0; i < e->ngkeys && e->gkeys_block == NULL; i++)
    free (e->gkeys[i].tokens);
  free (e->gkeys_block);
  free (e->gkeys);
  segmenter_free (e->seg);
  free (e->content_dir);
  strv_free (e->dirs, e->ndirs);
  free (e);
}

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
static int
add_phrase (struct analyzer *a, struct buf *b, const char *alt, int *prefix)
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

static void
add_or (struct buf *b)
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
  return p;
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
static char *
token_key (struct analyzer *a, const char *s)
{
  struct buf b = { 0 };
  analyze_text (a, s, strlen (s), ANALYZE_QUERY, join_token, &b);
  return buf_steal (&b);
}

static int
compare_gkey (const void *x, const void *y)
{
  const struct gloss_key *a = x, *b = y;
  int c = strcmp (a->tokens, b->tokens);
  if (c)
    return c;
  return a->entry < b->entry ? -1 : a->entry > b->entry;
}

/* A hash of every form of the glossary, in order: what its keys are
   made of.  */
static uint64_t
glossary_hash (const struct glossary *g)
{
  uint64_t h = util_hash (0, "gkeys1", 6);
  for (size_t i = 0; i < g->count; i++)
    for (int l = 0; l < LANG_COUNT; l++)
      {
        size_t n = glossary_nforms (&g->entries[i], (enum lang) l);
        h = util_hash (h, &n, sizeof n);
        for (size_t v = 0; v < n; v++)
          {
            const char *form = glossary_form (&g->entries[i], (enum lang) l, v);
            h = util_hash (h, form ? form : "", form ? strlen (form) + 1 : 1);
          }
      }
  return h;
}

/* The glossary keys as the index saved them for a glossary of hash H:
   entry numbers (uint32) and NUL-terminated tokens, in order.  Returns 0
   if it has none for H.  */
static int
load_gkeys (struct engine *e, uint64_t h)
{
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (index_db (e->ix), "SELECT value FROM meta WHERE "
                          "key='gkeys'", -1, &st, NULL) != SQLITE_OK)
    return 0;
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
          e->gkeys_block = xmalloc (len - sizeof saved);
          memcpy (e->gkeys_block, p + sizeof saved, len - sizeof saved);
          size_t alloc = 0;
          const char *q = e->gkeys_block, *end = q + len - sizeof saved;
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
              e->gkeys = xgrow (e->gkeys, &alloc, e->ngkeys + 1,
                                sizeof *e->gkeys);
              e->gkeys[e->ngkeys++] = (struct gloss_key) { (char *) q, entry };
              q += strlen (q) + 1;
            }
          if (!ok)
            {
              free (e->gkeys);
              free (e->gkeys_block);
              e->gkeys = NULL;
              e->gkeys_block = NULL;
              e->ngkeys = 0;
            }
        }
    }
  sqlite3_finalize (st);
  return ok;
}

/* Save the keys for a glossary of hash H (a cache: failing is
   harmless).  */
static void
save_gkeys (struct engine *e, uint64_t h)
{
  struct buf b = { 0 };
  buf_add (&b, &h, sizeof h);
  for (size_t i = 0; i < e->ngkeys; i++)
    {
      uint32_t entry = (uint32_t) e->gkeys[i].entry;
      buf_add (&b, &entry, sizeof entry);
      buf_add (&b, e->gkeys[i].tokens, strlen (e->gkeys[i].tokens) + 1);
    }
  sqlite3_stmt *st;
  if (e->ngkeys > 0
      && sqlite3_prepare_v2 (index_db (e->ix), "INSERT OR REPLACE INTO meta "
                             "VALUES('gkeys', ?)", -1, &st, NULL) == SQLITE_OK)
    {
      sqlite3_bind_blob (st, 1, b.data, (int) b.len, SQLITE_STATIC);
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
  uint64_t h = glossary_hash (&e->glossary);
  if (e->saved && load_gkeys (e, h))
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
            char *key = token_key (a, form);
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
    qsort (e->gkeys, e->ngkeys, sizeof *e->gkeys, compare_gkey);
  if (e->saved)
    save_gkeys (e, h);
}

/* The first glossary entry whose form has the tokens KEY, or -1.  */
static long
gloss_find (struct engine *e, const char *key)
{
  if (!e->gkeys_built)
    build_gkeys (e);
  size_t lo = 0, hi = e->ngkeys;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      int c = strcmp (e->gkeys[mid].tokens, key);
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < e->ngkeys && strcmp (e->gkeys[lo].tokens, key) == 0
    ? (long) e->gkeys[lo].entry : -1;
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

/* Add the alternatives A as phrases of CONCEPT (and REQ) to the
   expression POS.  Returns the number of phrases added.  */
static size_t
add_alts (struct engine *e, struct engine_query *eq, struct buf *pos,
          size_t *alloc, const struct alts *a, int concept, int req)
{
  size_t added = 0;
  for (size_t k = 0; k < a->n; k++)
    {
      struct buf one = { 0 };
      int prefix;
      if (add_phrase (index_analyzer (e->ix), &one, a->v[k], &prefix))
        {
          add_or (pos);
          buf_add (pos, one.data, one.len);
          struct phrase *p = new_phrase (eq, alloc);
          p->concept = concept;
          p->req = req;
          p->prefix = prefix;
          if (added == 0)
            p->first_alt = xstrdup (a->v[0]);
          added++;
        }
      buf_free (&one);
    }
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
static size_t
ideographs_only_n (const char *s, size_t len)
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

static size_t
ideographs_only (const char *s)
{
  return ideographs_only_n (s, strlen (s));
}

/* Add the glossary entry whose tokens are those of W, if any, to AL.  */
static void
add_gloss_of (struct engine *e, struct alts *al, const char *w)
{
  char *key = token_key (index_analyzer (e->ix), w);
  long g = *key ? gloss_find (e, key) : -1;
  free (key);
  if (g >= 0)
    alts_add_entry (al, &e->glossary.entries[g]);
}

static long phrase_docs (struct engine *e, const char *w);

/* Add W to *WORDS (*N of them): as it is, or, when it is a word of four
   ideographs or more that no document holds (friso knows 领导干部, the
   cases say 领导 and 干部 apart), as the words of two ideographs it is
   made of (the last of three when their number is odd), which is how
   such compounds are built.  */
static void
add_word (struct engine *e, const char *w, char ***words, size_t *n,
          size_t *alloc)
{
  size_t chars = ideographs_only (w);
  if (chars < 4 || phrase_docs (e, w) != 0)
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

/* A run of ideographs typed as one word that is not a term of the
   glossary ("检察官违法办案怎么追责"): its words, by friso, each a
   concept (stop words and single characters dropped when there are
   words of two or more); a long word no document holds is cut in its
   parts (add_word).  Returns 0 if it was not cut.  */
static int
add_segmented (struct engine *e, struct engine_query *eq, struct buf *pos,
               size_t *alloc, const char *word, int exact)
{
  if (!e->seg_tried)
    {
      e->seg = segmenter_new (&e->glossary);
      e->seg_tried = 1;
    }
  if (e->seg == NULL)
    return 0;
  char **seg;
  size_t nseg = segmenter_split (e->seg, word, &seg);
  char **w = NULL;
  size_t n = 0, walloc = 0;
  /* Single ideographs side by side are one word friso did not know
     (非法采砂: 非法 采 砂), unless they are stop words.  */
  struct buf run = { 0 };
  for (size_t i = 0; i <= nseg; i++)
    {
      int single = i < nseg && ideographs_only (seg[i]) == 1
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
    longer += ideographs_only (w[i]) >= 2
      && !analyze_is_stopword (w[i], strlen (w[i]));
  if (longer < 2)
    {
      strv_free (w, n);
      return 0;
    }
  for (size_t i = 0; i < n; i++)
    {
      if (ideographs_only (w[i]) < 2
          || analyze_is_stopword (w[i], strlen (w[i])))
        continue;
      struct alts al = { 0 };
      alts_add (&al, w[i]);
      if (!exact)
        add_gloss_of (e, &al, w[i]);
      add_concept (e, eq, pos, alloc, &al);
      alts_free (&al);
    }
  strv_free (w, n);
  return 1;
}

struct engine_query *
engine_compile (struct engine *e, const char *text,
                const struct query_options *opt, struct query_error *err)
{
  struct query_options o = *opt;
  o.glossary = &e->glossary;
  release_blobs (e);            /* compiling may save the glossary keys */
  struct query *q = query_parse (text, &o, err);
  if (q == NULL)
    return NULL;
  struct engine_query *eq = xcalloc (1, sizeof *eq);
  eq->q = q;
  eq->text = xstrdup (text);
  eq->lang_only = q->lang_only;
  eq->revised = opt->revised;
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
              cjk += ideographs_only (t->literals[k]) >= 2
                && add_phrase (a, &one, t->literals[k], &prefix);
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
          for (size_t k = 0; k < t->nalts; k++)
            {
              struct buf one = { 0 };
              int prefix;
              if (add_phrase (a, &one, t->alts[k], &prefix))
                {
                  add_or (&neg);
                  buf_add (&neg, one.data, one.len);
                }
              buf_free (&one);
            }
          continue;
        }
      if (t->quoted)
        {
          /* A quoted phrase must match as typed (or as one of its
             glossary renderings).  */
          struct alts al = { 0 };
          for (size_t k = 0; k < t->nalts; k++)
            alts_add (&al, t->alts[k]);
          if (add_alts (e, eq, &pos, &alloc, &al, -2, (int) eq->nrequired))
            eq->nrequired++;
          else
            eq->unmatchable = 1;        /* nothing in it can be found */
          alts_free (&al);
          continue;
        }
      run[nrun++] = i;
      if (!analyze_is_stopword (t->alts[0], strlen (t->alts[0])))
        content_words++;
    }
  /* Group the words into concepts: the longest run of words that is a
     glossary term (after stemming: "circuit inspections") is one
     concept with all the term's renderings; other words are concepts
     of their own.  Stop words go, unless they are all there is.  */
  struct buf whole = { 0 };
  size_t concepts_before = eq->nconcepts;
  for (size_t i = 0; i < nrun;)
    {
      size_t best = i;
      long entry = -1;
      for (size_t j = i + 5 < nrun ? i + 5 : nrun - 1; j > i; j--)
        {
          struct buf span = { 0 };
          for (size_t k = i; k <= j; k++)
            join_words (&span, q->terms[run[k]].alts[0]);
          char *key = token_key (a, span.data);
          entry = *key ? gloss_find (e, key) : -1;
          free (key);
          buf_free (&span);
          if (entry >= 0)
            {
              best = j;
              break;
            }
        }
      struct term *t = &q->terms[run[i]];
      for (size_t k = i; k <= best; k++)
        join_words (&whole, q->terms[run[k]].alts[0]);
      if (best == i && content_words > 0
          && analyze_is_stopword (t->alts[0], strlen (t->alts[0])))
        {
          t->stopword = 1;
          i++;
          continue;
        }
      struct alts al = { 0 };
      if (best == i)
        {
          char *key = token_key (a, t->alts[0]);
          long g = *key ? gloss_find (e, key) : -1;
          free (key);
          if (g < 0 && !opt->exact && ideographs_only (t->alts[0]) >= 4
              && add_segmented (e, eq, &pos, &alloc, t->alts[0], opt->exact))
            {
              i++;
              continue;
            }
          for (size_t k = 0; k < t->nalts; k++)
            alts_add (&al, t->alts[k]);
          if (!opt->exact && g >= 0)
            alts_add_entry (&al, &e->glossary.entries[g]);
        }
      else
        {
          struct buf span = { 0 };
          for (size_t k = i; k <= best; k++)
            join_words (&span, q->terms[run[k]].alts[0]);
          alts_add (&al, span.data);
          buf_free (&span);
          if (!opt->exact)
            alts_add_entry (&al, &e->glossary.entries[entry]);
        }
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
      add_alts (e, eq, &pos, &alloc, &al, -3, -1);
      alts_free (&al);
    }
  buf_free (&whole);
  free (run);
  for (size_t i = 0; i < q->ntags; i++)
    {
      /* The tag's words in the keyword lists: where it is shown.  */
      struct buf one = { 0 };
      int prefix;
      if (add_phrase (a, &one, q->tags[i], &prefix))
        {
          add_or (&pos);
          buf_adds (&pos, opt->revised ? "{kw_zh kw_en kw_rev} : "
                    : "{kw_zh kw_en} : ");
          buf_add (&pos, one.data, one.len);
          struct phrase *p = new_phrase (eq, &alloc);
          p->concept = -1;
          p->prefix = prefix;
        }
      buf_free (&one);
    }
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
      buf_adds (&m, cols);
      buf_addc (&m, '(');
      buf_add (&m, pos.data, pos.len);
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
    free (q->phrases[i].first_alt);
  free (q->phrases);
  free (q->regex_req);
  free (q);
}

/* Searching.  */

/* One instance of a phrase: token positions [first, last] of a column.  */
struct inst
{
  int phrase, col, first, last;
};

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

/* What cb_inst says of a row besides its instances.  */
struct row_stats
{
  int len;                      /* tokens in the document */
  int avg_len;                  /* tokens in an average document */
};

/* Decode the instances of cb_inst's BLOB into *OUT (caller frees),
   sorted, skipping phrases the query does not know.  */
static size_t
decode_inst (const struct engine_query *q, const void *blob, int bytes,
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
  *out = v;
  return k;
}

/* Hits: instances merged where they overlap in one column (the
   instances of a regex's literal are not hits).  */
static size_t
count_merged (const struct inst *v, size_t n, const struct engine_query *q)
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

/* The hits of V (as count_merged counts them) in each language.  */
static void
count_by_lang (const struct inst *v, size_t n, const struct engine_query *q,
               size_t *lang_hits)
{
  lang_hits[LANG_ZH] = lang_hits[LANG_EN] = 0;
  for (size_t i = 0; i < n;)
    {
      size_t j = i + 1;
      while (j < n && v[j].col == v[i].col)
        j++;
      /* Instances are sorted by column: count each column's run.  */
      lang_hits[index_column_lang ((enum index_column) v[i].col)]
        += count_merged (v + i, j - i, q);
      i = j;
    }
}

/* A set of document ids, sorted.  */
struct idset
{
  int64_t *ids;
  size_t n;
};

static int
compare_id (const void *a, const void *b)
{
  int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;
  return x < y ? -1 : x > y;
}

static int
idset_has (const struct idset *s, int64_t id)
{
  if (s->n == 0)
    return 0;                   /* bsearch takes no NULL array */
  return bsearch (&id, s->ids, s->n, sizeof *s->ids, compare_id) != NULL;
}

/* The ids SQL (with one text parameter ARG, or none) selects.  */
static int
idset_query (sqlite3 *db, const char *sql, const char *arg, struct idset *s)
{
  memset (s, 0, sizeof *s);
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (db, sql, -1, &st, NULL) != SQLITE_OK)
    return -1;
  if (arg)
    sqlite3_bind_text (st, 1, arg, -1, SQLITE_STATIC);
  size_t alloc = 0;
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      s->ids = xgrow (s->ids, &alloc, s->n + 1, sizeof *s->ids);
      s->ids[s->n++] = sqlite3_column_int64 (st, 0);
    }
  sqlite3_finalize (st);
  if (s->n > 1)
    qsort (s->ids, s->n, sizeof *s->ids, compare_id);
  return rc == SQLITE_DONE ? 0 : -1;
}

static void
idset_intersect (struct idset *a, const struct idset *b)
{
  size_t k = 0;
  for (size_t i = 0; i < a->n; i++)
    if (idset_has (b, a->ids[i]))
      a->ids[k++] = a->ids[i];
  a->n = k;
}

/* Narrow *SET (all documents until *HAVE) to those also in S, which is
   taken over.  */
static void
idset_narrow (struct idset *set, int *have, struct idset *s)
{
  if (!*have)
    *set = *s;
  else
    {
      idset_intersect (set, s);
      free (s->ids);
    }
  *have = 1;
}

/* The texts and unit maps of a document.  A text is read from the
   index one unit at a time, when it is needed (text_unit): passages need
   a few paragraphs of a document, not all of it.  */
struct doc_texts
{
  const char *col[COL_COUNT];   /* BUF, or "" for a column not loaded */
  size_t len[COL_COUNT];
  struct index_unit *units[COL_COUNT];
  size_t nunits[COL_COUNT];
  char *buf[COL_COUNT];         /* LEN + 1 bytes, only READ units set */
  unsigned char *read[COL_COUNT];       /* per unit: read into BUF */
  sqlite3_blob *blob[COL_COUNT];        /* the engine's, on this row */
};

static void
doc_texts_free (struct doc_texts *t)
{
  for (int c = 0; c < COL_COUNT; c++)
    {
      free (t->units[c]);
      free (t->buf[c]);
      free (t->read[c]);
    }
  memset (t, 0, sizeof *t);
}

/* Read LEN bytes at OFF of column C into T's buffer, or zeros where
   they cannot be read (a damaged index).  */
static void
read_text (const struct doc_texts *t, int c, size_t off, size_t len)
{
  if (len > 0
      && sqlite3_blob_read (t->blob[c], t->buf[c] + off, (int) len,
                            (int) off) != SQLITE_OK)
    memset (t->buf[c] + off, 0, len);
}

/* Make sure unit U of column C is in T's buffer.  */
static void
text_unit (const struct doc_texts *t, int c, const struct index_unit *u)
{
  size_t i = (size_t) (u - t->units[c]);
  if (t->read[c] == NULL || t->read[c][i])
    return;
  t->read[c][i] = 1;
  read_text (t, c, u->off, u->len);
}

/* Make sure all of column C is in T's buffer.  */
static void
text_column (const struct doc_texts *t, int c)
{
  if (t->read[c] == NULL)
    return;
  size_t n = 0;
  while (n < t->nunits[c] && t->read[c][n])
    n++;
  if (n == t->nunits[c])
    return;
  read_text (t, c, 0, t->len[c]);
  memset (t->read[c], 1, t->nunits[c]);
}

static const char *const column_name[COL_COUNT] = {
  "title_zh", "title_en", "kw_zh", "kw_en", "body_zh", "body_en",
  "title_rev", "kw_rev", "body_rev"
};

/* The engine's handle on column C of row ID of docs, or NULL.  Handles
   are kept from one document to the next (moving one costs little,
   opening one as much as preparing a statement) and released by
   release_blobs.  */
static sqlite3_blob *
column_blob (struct engine *e, int c, int64_t id)
{
  if (e->blobs[c] && sqlite3_blob_reopen (e->blobs[c], id) == SQLITE_OK)
    return e->blobs[c];
  if (e->blobs[c])
    sqlite3_blob_close (e->blobs[c]);
  e->blobs[c] = NULL;
  if (sqlite3_blob_open (index_db (e->ix), "main", "docs", column_name[c], id,
                         0, &e->blobs[c]) != SQLITE_OK)
    {
      sqlite3_blob_close (e->blobs[c]);
      e->blobs[c] = NULL;
    }
  return e->blobs[c];
}

/* Close the engine's handles: an open one holds a read transaction.  */
static void
release_blobs (struct engine *e)
{
  for (int c = 0; c < COL_COUNT; c++)
    {
      if (e->blobs[c])
        sqlite3_blob_close (e->blobs[c]);
      e->blobs[c] = NULL;
    }
}

/* Get ready to read the texts of document ID: the columns whose bit is
   set in MASK (the others are left empty), with their unit maps.  */
static int
load_texts (struct engine *e, int64_t id, unsigned mask, struct doc_texts *t,
            char **cause)
{
  memset (t, 0, sizeof *t);
  sqlite3 *db = index_db (e->ix);
  /* Prepared once: passages load a document after another.  */
  if (e->units_st == NULL
      && sqlite3_prepare_v3 (db, "SELECT map FROM units WHERE id=?", -1,
                             SQLITE_PREPARE_PERSISTENT, &e->units_st, NULL)
      != SQLITE_OK)
    {
      *cause = xstrdup (sqlite3_errmsg (db));
      return -1;
    }
  sqlite3_stmt *st = e->units_st;
  sqlite3_bind_int64 (st, 1, id);
  int rc = -1;
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      rc = 0;
      const void *blob = sqlite3_column_blob (st, 0);
      size_t blen = (size_t) sqlite3_column_bytes (st, 0);
      for (int c = 0; c < COL_COUNT && rc == 0; c++)
        {
          t->col[c] = "";
          if (!(mask & (1u << c)))
            continue;
          t->blob[c] = column_blob (e, c, id);
          if (t->blob[c] == NULL)
            {
              rc = -1;
              break;
            }
          t->len[c] = (size_t) sqlite3_blob_bytes (t->blob[c]);
          /* Not cleared: only what is read is looked at (a column is
             tens of kilobytes, a passage's unit a few hundred bytes).  */
          t->buf[c] = xmalloc (t->len[c] + 1);
          t->buf[c][t->len[c]] = '\0';
          t->col[c] = t->buf[c];
          t->nunits[c] = index_units_decode (blob, blen, (enum index_column) c,
                                             t->len[c], &t->units[c]);
          /* The texts are checked where hits are taken from them
             (engine_hits): checking all of them costs more than the
             rest of showing passages.  */
          if (t->nunits[c] == (size_t) -1)
            rc = -1;
          else
            t->read[c] = xcalloc (t->nunits[c] ? t->nunits[c] : 1, 1);
        }
    }
  sqlite3_reset (st);
  if (rc != 0)
    {
      doc_texts_free (t);
      /* A document missing from the index it was found in: another
         casebook may have indexed its file again since.  */
      if (!same_generation (generation (e), e->seen))
        *cause = xstrdup (_("the search index changed since this search "
                            "(another casebook updated it): search again"));
      else
        *cause = xstrdup (_("the search index is damaged; remove it or "
                            "search again to rebuild it"));
    }
  return rc;
}

/* The last unit of column C that begins at or before token position P,
   or NULL.  */
static const struct index_unit *
unit_of_token (const struct doc_texts *t, int c, size_t p)
{
  size_t lo = 0, hi = t->nunits[c];
  if (hi == 0)
    return NULL;
  while (hi - lo > 1)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (t->units[c][mid].token <= p)
        lo = mid;
      else
        hi = mid;
    }
  const struct index_unit *u = &t->units[c][lo];
  return u->token <= p ? u : NULL;
}

/* Does every unit of column C of T have its first token position, in
   order (an index that noted them)?  */
static int
units_placed (const struct doc_texts *t, int c)
{
  for (size_t u = 0; u < t->nunits[c]; u++)
    if (t->units[c][u].token == INDEX_NO_TOKEN
        || (u > 0 && t->units[c][u].token < t->units[c][u - 1].token))
      return 0;
  return t->nunits[c] > 0;
}

/* The columns that the regexes of Q must be run on in a document whose
   instances are V (N): those that hold a literal of every regex, when
   each has literals (else all).  */
static unsigned
regex_columns (const struct engine_query *q, const struct inst *v, size_t n)
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
  return mask;
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
      const struct index_unit *u = units_placed (t, c) && v[k].first >= 0
        ? unit_of_token (t, c, (size_t) v[k].first) : NULL;
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
static int
run_regexes (const struct engine_query *q, const struct doc_texts *t,
             const struct inst *v, size_t nv,
             struct engine_hits *hits, size_t *hits_alloc, size_t *count,
             size_t *lang_count, char **cause)
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
              text_unit (t, c, un);
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
                      .text_len = un->len, .concept = -1
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

/* What the FTS5 part of a query says about one document.  */
/* What engine_search keeps of a document for engine_hits.  */
struct doc_priv
{
  struct inst *inst;
  size_t ninst;
  unsigned version;             /* db_version when it was found */
  struct generation found;      /* and its generation */
};

/* Has the index changed since DP was found (by another casebook, or
   by engine_refresh), so that its instances are positions in an older
   text?  */
static int
results_stale (struct engine *e, const struct doc_priv *dp)
{
  return db_version (e) != dp->version
    && !same_generation (generation (e), dp->found);
}

/* A document the search found, and what was worked out of it.  */
struct fts_row
{
  int64_t id;
  struct inst *inst;
  size_t ninst;
  struct row_stats stats;
  int keep;                     /* a match, as judge and the regexes say */
  size_t hits, concepts;
  size_t regex_lang[LANG_COUNT];        /* the regexes' matches */
};

/* BM25 of one document from its instances, with DF[c] the documents
   that match concept c among NDOCS: each concept's frequency weighs
   instances by their column (titles and keywords more than the body),
   and phrases that join concepts (the whole query as typed) add to it.
   The IDF is Lucene's, never negative: a term in every document still
   ranks documents by how much they have of it.  REGEX_MATCHES, the
   matches of the query's regexes, count as one more such term (and
   with no length normalisation: the literals that chose the document,
   which are no hits, say nothing, so the score is what a scan of all
   texts would give).  */
static double
score_row (const struct engine_query *q, const struct fts_row *r,
           const size_t *df, size_t ndocs, size_t regex_matches)
{
  const double k1 = 1.2, b = 0.75;
  double tf[QUERY_MAX_TERMS + 1] = { 0 };
  for (size_t i = 0; i < r->ninst; i++)
    {
      const struct phrase *p = &q->phrases[r->inst[i].phrase];
      int c = p->concept >= 0 && p->concept < QUERY_MAX_TERMS ? p->concept
        : QUERY_MAX_TERMS;
      if (!p->filter)
        tf[c] += column_weight[r->inst[i].col];
    }
  double norm = k1 * (1 - b + b * (double) r->stats.len / r->stats.avg_len);
  double score = 0;
  if (regex_matches)
    score += (double) regex_matches * (k1 + 1)
      / ((double) regex_matches + k1);
  for (size_t c = 0; c <= q->nconcepts && c <= QUERY_MAX_TERMS; c++)
    {
      size_t slot = c == q->nconcepts ? QUERY_MAX_TERMS : c;
      if (tf[slot] == 0)
        continue;
      double d = slot == QUERY_MAX_TERMS ? 1 : (double) df[slot];
      double idf = log (1 + ((double) ndocs - d + 0.5) / (d + 0.5));
      if (slot == QUERY_MAX_TERMS)
        idf = 1;                /* tags, quoted phrases, the whole query */
      score += idf * tf[slot] * (k1 + 1) / (tf[slot] + norm);
    }
  return score;
}

/* Judge a document from its instances: NULL-safe.  Returns 1 if it
   matches (every required phrase and, when the query has concepts, at
   least one), filling *HITS and *CONCEPTS.  */
static int
judge (const struct engine_query *q, const struct inst *v, size_t n,
       size_t *hits, size_t *concepts)
{
  unsigned char seen_concept[QUERY_MAX_TERMS] = { 0 };
  unsigned char seen_req[QUERY_MAX_TERMS] = { 0 };
  for (size_t i = 0; i < n; i++)
    {
      const struct phrase *p = &q->phrases[v[i].phrase];
      if (p->concept >= 0 && p->concept < QUERY_MAX_TERMS)
        seen_concept[p->concept] = 1;
      if (p->req >= 0 && p->req < QUERY_MAX_TERMS)
        seen_req[p->req] = 1;
    }
  size_t c = 0, r = 0;
  for (size_t i = 0; i < q->nconcepts; i++)
    c += seen_concept[i];
  for (size_t i = 0; i < q->nrequired; i++)
    r += seen_req[i];
  *concepts = c;
  *hits = count_merged (v, n, q);
  if (r < q->nrequired)
    return 0;
  if (q->nconcepts > 0 && c == 0)
    return 0;
  return 1;
}

static int
compare_docs (const void *a, const void *b)
{
  const struct engine_doc *x = a, *y = b;
  if (x->concepts != y->concepts)
    return x->concepts > y->concepts ? -1 : 1;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  int c = strcmp (x->collection, y->collection);
  if (c)
    return c;
  return x->number < y->number ? -1 : x->number > y->number;
}

/* Where matching documents' heads are read: by looking each up, or,
   when most documents match, by one pass over the table in id order
   alongside the matches (which FTS5 gives in id order).  */
struct heads_reader
{
  sqlite3_stmt *one;            /* a head by id */
  sqlite3_stmt *all;            /* every head, by id; NULL: look up */
  int64_t at;                   /* the id ALL stands on, -1 before */
  int done;
};

static int
heads_open (sqlite3 *db, int scan, struct heads_reader *h)
{
  memset (h, 0, sizeof *h);
  h->at = -1;
  if (sqlite3_prepare_v2 (db, "SELECT id, coll, number, path, title_zh, "
                          "title_en FROM heads WHERE id=?", -1, &h->one,
                          NULL) != SQLITE_OK)
    return -1;
  if (scan && sqlite3_prepare_v2 (db, "SELECT id, coll, number, path, "
                                  "title_zh, title_en FROM heads ORDER BY id",
                                  -1, &h->all, NULL) != SQLITE_OK)
    return -1;
  return 0;
}

static void
heads_close (struct heads_reader *h)
{
  sqlite3_finalize (h->one);
  sqlite3_finalize (h->all);
}

/* Fill D's head, document ID.  */
static int
heads_get (struct heads_reader *h, int64_t id, struct engine_doc *d)
{
  sqlite3_stmt *st = h->all;
  if (st && id >= h->at)
    {
      while (!h->done && h->at < id)
        {
          if (sqlite3_step (st) == SQLITE_ROW)
            h->at = sqlite3_column_int64 (st, 0);
          else
            h->done = 1;
        }
      if (h->done || h->at != id)
        return -1;
    }
  else
    {
      st = h->one;
      sqlite3_reset (st);
      sqlite3_bind_int64 (st, 1, id);
      if (sqlite3_step (st) != SQLITE_ROW)
        return -1;
    }
  const char *coll = (const char *) sqlite3_column_text (st, 1);
  const char *path = (const char *) sqlite3_column_text (st, 3);
  d->id = id;
  d->collection = xstrdup (coll ? coll : "");
  d->number = (long) sqlite3_column_int64 (st, 2);
  d->path = xstrdup (path ? path : "");
  for (int l = 0; l < LANG_COUNT; l++)
    {
      /* The title column holds the title alone: one unit.  */
      const char *t = (const char *) sqlite3_column_text (st, 4 + l);
      d->title[l] = t && *t ? xstrdup (t) : NULL;
    }
  return 0;
}

/* SQLite's progress handler while a search runs: ask the caller's
   INTERRUPT whether to stop.  */
static int
check_interrupt (void *arg)
{
  struct engine *e = arg;
  if (!e->interrupted && e->interrupt (e->interrupt_ctx))
    e->interrupted = 1;
  return e->interrupted;
}

void
engine_set_split (struct engine *e, long long after_ns)
{
  e->split_after_ns = after_ns;
}

size_t
engine_split_docs (const struct engine *e)
{
  return e->split_docs;
}

void
engine_set_interrupt (struct engine *e, int (*fn) (void *), void *ctx)
{
  e->interrupt = fn;
  e->interrupt_ctx = ctx;
}

/* The id of document NUMBER of COLLECTION in the index, or -1.  */
static int64_t
doc_id (sqlite3 *db, const char *collection, long number)
{
  sqlite3_stmt *st;
  int64_t id = -1;
  /* (docs has the index on collection and number.)  */
  if (sqlite3_prepare_v2 (db, "SELECT id FROM docs WHERE coll=? "
                          "AND number=?", -1, &st, NULL) != SQLITE_OK)
    return -1;
  sqlite3_bind_text (st, 1, collection, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st, 2, number);
  if (sqlite3_step (st) == SQLITE_ROW)
    id = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  return id;
}

static int search_in (struct engine *e, const struct engine_query *q,
                      int64_t only, struct engine_results *res,
                      char **cause);

int
engine_search (struct engine *e, const struct engine_query *q,
               struct engine_results *res, char **cause)
{
  return search_in (e, q, -1, res, cause);
}

int
engine_search_one (struct engine *e, const struct engine_query *q,
                   const char *collection, long number,
                   struct engine_results *res, char **cause)
{
  int64_t id = doc_id (index_db (e->ix), collection, number);
  if (id < 0)
    {
      /* Not in the index (yet): nothing of it matches.  */
      memset (res, 0, sizeof *res);
      release_blobs (e);
      res->nconcepts = q->nconcepts;
      *cause = NULL;
      return 0;
    }
  return search_in (e, q, id, res, cause);
}

/* Second connections.  */

/* Nanoseconds since *SINCE.  */
static long long
elapsed_ns (const struct timespec *since)
{
  struct timespec now;
  clock_gettime (CLOCK_MONOTONIC, &now);
  return (now.tv_sec - since->tv_sec) * 1000000000LL
    + (now.tv_nsec - since->tv_nsec);
}

static int
exec_sql (sqlite3 *db, const char *sql)
{
  return sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* Open R, a second connection to E's index for another thread, and
   begin its read.  Returns 0, or -1 with nothing open.  */
static int
open_reader (struct engine *r, struct engine *e)
{
  char *cause = NULL;
  r->ix = index_open_reader (e->ix, &cause);
  free (cause);
  if (r->ix == NULL)
    return -1;
  sqlite3 *db = index_db (r->ix);
  sqlite3_stmt *st = NULL;
  int began = exec_sql (db, "BEGIN") == 0
    && sqlite3_prepare_v2 (db, "SELECT count(*) FROM meta", -1, &st, NULL)
    == SQLITE_OK && sqlite3_step (st) == SQLITE_ROW;
  sqlite3_finalize (st);
  r->seen = generation (r);
  if (began)
    return 0;
  index_close (r->ix);
  r->ix = NULL;
  return -1;
}

static void
close_reader (struct engine *r)
{
  release_blobs (r);
  sqlite3_finalize (r->units_st);
  exec_sql (index_db (r->ix), "ROLLBACK");
  index_close (r->ix);
  memset (r, 0, sizeof *r);
}

/* Work out row R of Q, read through TE (the caller's engine, or a
   thread's): whether it is kept (its tags and facets, JUDGE, Q's
   regexes on its texts) and its hits.  Returns 0, or -1 with *CAUSE.  */
static int
work_row (struct engine *te, const struct engine_query *q,
          const struct idset *tagged, int have_tags, struct fts_row *r,
          char **cause)
{
  r->keep = 0;
  if (have_tags && !idset_has (tagged, r->id))
    return 0;
  if (!judge (q, r->inst, r->ninst, &r->hits, &r->concepts))
    return 0;
  if (q->has_regex)
    {
      struct doc_texts t;
      if (load_texts (te, r->id, regex_columns (q, r->inst, r->ninst), &t,
                      cause) != 0)
        return -1;
      size_t n;
      int ok = run_regexes (q, &t, r->inst, r->ninst, NULL, NULL, &n,
                            r->regex_lang, cause);
      doc_texts_free (&t);
      if (ok <= 0)
        return ok;
      r->hits += n;
    }
  r->keep = 1;
  return 0;
}

/* Searching from both ends.  When a search has many documents to work
   out, a thread with a connection of its own works them out from the
   other end: FTS5 gives them in descending order of id as readily as
   in ascending, and a regex reads the texts of any.  Each side notes
   the last document it finished and stops at one the other has
   reached, so neither needs to know beforehand how many there are, and
   together they do each document once (one, where they meet, may be
   done twice: the caller's is kept).  */

struct split
{
  struct engine *e;
  const struct engine_query *q;
  const struct idset *tagged;
  int have_tags;
  /* With no FTS5 expression, the rows to work out, by index (their keys
     are indexes then, else ids).  */
  const struct fts_row *all;
  size_t nall;
  /* The last key each side finished: the caller's (INT64_MAX once it
     has stopped) and the thread's (INT64_MAX before its first).  */
  _Atomic int_least64_t low, high;
  atomic_int stop;
  struct engine reader;
  pthread_t thread;
  struct fts_row *rows;         /* the thread's, in descending order */
  size_t nrows, alloc;
};

/* Is it time for E's search, which began at *BEGAN and has worked out
   DONE documents, AT of TOTAL of the way (ids, or indexes), to start a
   thread from the top?  Only when the rest looks long enough to be
   worth the thread's connection (the time so far, scaled).  The clock
   is read every 16 documents.  */
static int
split_due (const struct engine *e, size_t done, int64_t at, int64_t total,
           const struct timespec *began)
{
  if (e->split_after_ns == 0)
    return 1;
  if (done % 16 != 0)
    return 0;
  long long t = elapsed_ns (began);
  if (t < e->split_after_ns || at <= 0 || at >= total)
    return 0;
  return (double) t * (double) (total - at) / (double) at >= SPLIT_REST_NS;
}

/* The thread's SQLite progress handler.  */
static int
split_stopped (void *arg)
{
  struct split *s = arg;
  return atomic_load (&s->stop);
}

static void *
search_from_top (void *arg)
{
  struct split *s = arg;
  if (open_reader (&s->reader, s->e) != 0)
    return NULL;                /* the caller does them all */
  sqlite3 *db = index_db (s->reader.ix);
  sqlite3_progress_handler (db, 1000, split_stopped, s);
  sqlite3_stmt *st = NULL;
  if (s->all == NULL)
    {
      if (sqlite3_prepare_v2 (db, "SELECT rowid, cb_inst(fts) FROM fts "
                              "WHERE fts MATCH ? ORDER BY rowid DESC", -1,
                              &st, NULL) != SQLITE_OK)
        return NULL;
      sqlite3_bind_text (st, 1, s->q->match, -1, SQLITE_STATIC);
    }
  size_t i = s->nall;
  while (!atomic_load (&s->stop))
    {
      struct fts_row r = { 0 };
      int64_t key;
      if (st)
        {
          if (sqlite3_step (st) != SQLITE_ROW)
            break;
          key = r.id = sqlite3_column_int64 (st, 0);
          if (key <= atomic_load (&s->low))
            break;
          r.ninst = decode_inst (s->q, sqlite3_column_blob (st, 1),
                                 sqlite3_column_bytes (st, 1), &r.inst,
                                 &r.stats);
        }
      else
        {
          if (i == 0)
            break;
          key = (int64_t) --i;
          if (key <= atomic_load (&s->low))
            break;
          /* Not the whole row: the caller may be writing what it
             works out into the one where they meet.  */
          r.id = s->all[i].id;
          r.stats = s->all[i].stats;
        }
      /* A failure here is the caller's to meet: it does what the
         thread did not.  */
      char *cause = NULL;
      if (work_row (&s->reader, s->q, s->tagged, s->have_tags, &r, &cause)
          != 0)
        {
          free (cause);
          free (r.inst);
          break;
        }
      s->rows = xgrow (s->rows, &s->alloc, s->nrows + 1, sizeof *s->rows);
      s->rows[s->nrows++] = r;
      atomic_store (&s->high, key);
    }
  sqlite3_finalize (st);
  return NULL;
}

/* Start a thread searching from the top for the caller of E searching
   Q from the bottom, which has finished LAST, or return NULL.  */
static struct split *
split_start (struct engine *e, const struct engine_query *q,
             const struct idset *tagged, int have_tags,
             const struct fts_row *all, size_t nall, int64_t last)
{
  /* (Debian's SQLite is built for threads; another may not be.)  */
  if (sysconf (_SC_NPROCESSORS_ONLN) < 2 || !sqlite3_threadsafe ())
    return NULL;
  struct split *s = xcalloc (1, sizeof *s);
  s->e = e;
  s->q = q;
  s->tagged = tagged;
  s->have_tags = have_tags;
  s->all = all;
  s->nall = nall;
  atomic_init (&s->low, last);
  atomic_init (&s->high, INT64_MAX);
  atomic_init (&s->stop, 0);
  if (pthread_create (&s->thread, NULL, search_from_top, s) != 0)
    {
      free (s);
      return NULL;
    }
  return s;
}

/* Stop S's thread: its rows are final.  */
static void
split_stop (struct split *s)
{
  atomic_store (&s->low, INT64_MAX);
  atomic_store (&s->stop, 1);
  pthread_join (s->thread, NULL);
  if (s->reader.ix)
    close_reader (&s->reader);
}

/* The rows of the documents that Q's FTS5 expression matches (only the
   document ONLY when that is >= 0), worked out (work_row) and ascending
   by id, into *ROWS and *NROWS.  MAY_SPLIT lets a thread work from the
   top; *SPLIT gets the number of rows it gave, and *MET whether it
   finished any: where it did may have stopped the caller, even with
   none of its rows kept.  Returns 0, or -1 with *CAUSE (told to stop,
   too).  */
static int
read_matches (struct engine *e, const struct engine_query *q, int64_t only,
              const struct idset *tagged, int have_tags, int may_split,
              struct fts_row **rows, size_t *nrows, size_t *split,
              int *met, char **cause)
{
  sqlite3 *db = index_db (e->ix);
  size_t alloc = 0;
  *rows = NULL;
  *nrows = 0;
  *split = 0;
  *met = 0;
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2 (db, only < 0
                          ? "SELECT rowid, cb_inst(fts) FROM fts "
                          "WHERE fts MATCH ?"
                          : "SELECT rowid, cb_inst(fts) FROM fts "
                          "WHERE fts MATCH ? AND rowid = ?", -1, &st, NULL)
      != SQLITE_OK)
    {
      *cause = xstrdup (sqlite3_errmsg (db));
      return -1;
    }
  sqlite3_bind_text (st, 1, q->match, -1, SQLITE_STATIC);
  if (only >= 0)
    sqlite3_bind_int64 (st, 2, only);
  struct split *s = NULL;
  struct timespec began;
  clock_gettime (CLOCK_MONOTONIC, &began);
  int64_t last = -1;
  int64_t max_id = may_split
    ? query_int (db, "SELECT max(id) FROM heads", 0) : 0;
  int rc = 0, step;
  while ((step = sqlite3_step (st)) == SQLITE_ROW)
    {
      struct fts_row r = { .id = sqlite3_column_int64 (st, 0) };
      if (s && r.id >= atomic_load (&s->high))
        break;                  /* the thread has been here */
      r.ninst = decode_inst (q, sqlite3_column_blob (st, 1),
                             sqlite3_column_bytes (st, 1), &r.inst,
                             &r.stats);
      if (work_row (e, q, tagged, have_tags, &r, cause) != 0)
        {
          free (r.inst);
          rc = -1;
          break;
        }
      *rows = xgrow (*rows, &alloc, *nrows + 1, sizeof **rows);
      (*rows)[(*nrows)++] = r;
      last = r.id;
      if (s)
        atomic_store (&s->low, last);
      if (*nrows % 16 == 0 && e->interrupt && check_interrupt (e))
        {
          rc = -1;
          break;
        }
      if (may_split && s == NULL
          && split_due (e, *nrows, last, max_id, &began))
        {
          s = split_start (e, q, tagged, have_tags, NULL, 0, last);
          may_split = 0;        /* once */
        }
    }
  if (rc == 0 && step != SQLITE_ROW && step != SQLITE_DONE)
    {
      *cause = xstrdup (sqlite3_errmsg (db));
      rc = -1;
    }
  sqlite3_finalize (st);
  if (s)
    {
      split_stop (s);
      *met = s->nrows > 0;
      /* The thread's rows above the caller's last, lowest first.  */
      for (size_t k = s->nrows; k-- > 0;)
        {
          struct fts_row *r = &s->rows[k];
          if (rc == 0 && r->id > last)
            {
              *rows = xgrow (*rows, &alloc, *nrows + 1, sizeof **rows);
              (*rows)[(*nrows)++] = *r;
              ++*split;
            }
          else
            free (r->inst);
        }
      free (s->rows);
      free (s);
    }
  return rc;
}

/* Work out ROWS[0] to ROWS[N - 1] (work_row), which FTS5 did not find:
   every document is one.  MAY_SPLIT, *SPLIT and *MET as for
   read_matches.  Returns 0, or -1 with *CAUSE.  */
static int
work_all (struct engine *e, const struct engine_query *q,
          const struct idset *tagged, int have_tags, int may_split,
          struct fts_row *rows, size_t n, size_t *split, int *met,
          char **cause)
{
  struct split *s = NULL;
  struct timespec began;
  clock_gettime (CLOCK_MONOTONIC, &began);
  int64_t last = -1;
  int rc = 0;
  *split = 0;
  *met = 0;
  for (size_t i = 0; i < n; i++)
    {
      if (s && (int64_t) i >= atomic_load (&s->high))
        break;
      if (work_row (e, q, tagged, have_tags, &rows[i], cause) != 0)
        {
          rc = -1;
          break;
        }
      last = (int64_t) i;
      if (s)
        atomic_store (&s->low, last);
      if (i % 16 == 15 && e->interrupt && check_interrupt (e))
        {
          rc = -1;
          break;
        }
      if (may_split && s == NULL
          && split_due (e, i + 1, (int64_t) i + 1, (int64_t) n, &began))
        {
          s = split_start (e, q, tagged, have_tags, rows, n, last);
          may_split = 0;        /* once */
        }
    }
  if (s)
    {
      split_stop (s);
      *met = s->nrows > 0;
      /* The thread went down from the last row, one at a time.  */
      for (size_t k = 0; k < s->nrows; k++)
        {
          size_t i = n - 1 - k;
          if ((int64_t) i > last)
            {
              ++*split;
              rows[i].keep = s->rows[k].keep;
              rows[i].hits = s->rows[k].hits;
              rows[i].concepts = s->rows[k].concepts;
              memcpy (rows[i].regex_lang, s->rows[k].regex_lang,
                      sizeof rows[i].regex_lang);
            }
        }
      free (s->rows);
      free (s);
    }
  return rc;
}

/* The documents that Q's tag: filters and facets (collection:,
   region:, year:, number) leave, into *TAGGED, with *HAVE_TAGS set (0:
   no filter, every document).  Returns 0, or -1 with *CAUSE.  */
static int
read_filters (sqlite3 *db, const struct engine_query *q,
              struct idset *tagged, int *have_tags, char **cause)
{
  *tagged = (struct idset) { 0 };
  *have_tags = 0;
  int rc = 0;
  /* tag: filters keep only documents with that keyword.  */
  for (size_t i = 0; rc == 0 && i < q->q->ntags; i++)
    {
      struct idset s;
      rc = idset_query (db, "SELECT doc FROM tags WHERE tag=?", q->q->tags[i],
                        &s);
      if (rc == 0)
        idset_narrow (tagged, have_tags, &s);
      else
        free (s.ids);
    }
  /* Facets: collection:, region:, year: keep only those documents.  */
  char year[16], number[32];
  snprintf (year, sizeof year, "%d", q->q->year);
  snprintf (number, sizeof number, "%ld", q->q->doc);
  struct { const char *sql; char *const *vals; size_t n; const char *one; }
  facets[4] = {
    { "SELECT id FROM heads WHERE lower(coll) = ?", q->q->collections,
      q->q->ncollections, NULL },
    { "SELECT id FROM heads WHERE instr(region, ?) > 0", q->q->regions,
      q->q->nregions, NULL },
    { "SELECT id FROM heads WHERE year = CAST(? AS INTEGER)", NULL,
      q->q->year > 0, year },
    { "SELECT id FROM heads WHERE number = CAST(? AS INTEGER)", NULL,
      q->q->doc >= 0, number },
  };
  for (int f = 0; f < 4 && rc == 0; f++)
    for (size_t i = 0; i < facets[f].n && rc == 0; i++)
      {
        struct idset s;
        rc = idset_query (db, facets[f].sql,
                          facets[f].vals ? facets[f].vals[i] : facets[f].one,
                          &s);
        if (rc == 0)
          idset_narrow (tagged, have_tags, &s);
        else
          free (s.ids);
      }
  if (rc != 0)
    *cause = xstrdup (sqlite3_errmsg (db));
  return rc;
}

/* engine_search, over the document with id ONLY, or all when ONLY is
   -1.  */
static int
search_in (struct engine *e, const struct engine_query *q, int64_t only,
           struct engine_results *res, char **cause)
{
  memset (res, 0, sizeof *res);
  /* A new search: nothing read for the last one is held.  */
  release_blobs (e);
  res->nconcepts = q->nconcepts;
  res->searched = index_document_count (e->ix);
  *cause = NULL;
  e->split_docs = 0;
  if (q->unmatchable)
    {
      res->missing = 1;
      return 0;
    }
  sqlite3 *db = index_db (e->ix);
  e->interrupted = 0;
  if (e->interrupt && check_interrupt (e))
    return 1;                   /* told to stop before it starts */
  if (e->interrupt)
    sqlite3_progress_handler (db, 1000, check_interrupt, e);
  int rc = 0;
  struct idset tagged = { 0 };
  int have_tags = 0;
  struct fts_row *rows = NULL;
  size_t nrows = 0;
  /* Searched from both ends, the documents were read through two
     connections, each with its own read: they read the same index if
     nothing was written between the first and the last (else the
     search is done again, by this connection alone).  */
  int may_split = only < 0 && e->split_after_ns >= 0;
  struct generation found;
  for (int again = 1; rc == 0 && again;)
    {
      again = 0;
      /* The generation the instances are of, asked before they are
         read: asked after, it could count a change committed while they
         were read, and instances of the old index would pass for the
         new's.  Asked before, such a change only makes them look
         stale.  */
      found = generation (e);
      /* The filters too are read after it: done again, a search must
         not keep the ids of the index it gave up (a document updated
         since has another).  */
      free (tagged.ids);
      rc = read_filters (db, q, &tagged, &have_tags, cause);
      if (rc != 0)
        break;
      size_t split = 0;
      int met = 0;
      if (q->match)
        rc = read_matches (e, q, only, &tagged, have_tags, may_split, &rows,
                           &nrows, &split, &met, cause);
      else
        {
          /* Nothing for FTS5 to find: every document is a candidate,
             less those with an excluded word.  */
          struct idset all, excluded = { 0 };
          char one[32];
          snprintf (one, sizeof one, "%lld", (long long) only);
          rc = idset_query (db, only < 0 ? "SELECT id FROM heads"
                            : "SELECT id FROM heads WHERE id = "
                            "CAST(? AS INTEGER)",
                            only < 0 ? NULL : one, &all);
          if (rc == 0 && q->negmatch)
            rc = idset_query (db, "SELECT rowid FROM fts WHERE fts MATCH ?",
                              q->negmatch, &excluded);
          size_t alloc = 0;
          for (size_t i = 0; rc == 0 && i < all.n; i++)
            if (!idset_has (&excluded, all.ids[i]))
              {
                rows = xgrow (rows, &alloc, nrows + 1, sizeof *rows);
                rows[nrows++] = (struct fts_row) { .id = all.ids[i],
                                                   .stats = { 1, 1 } };
              }
          free (all.ids);
          free (excluded.ids);
          if (rc != 0)
            *cause = xstrdup (sqlite3_errmsg (db));
          else
            /* Only a regex makes a document more than a judgement.  */
            rc = work_all (e, q, &tagged, have_tags,
                           may_split && q->has_regex, rows, nrows, &split,
                           &met, cause);
        }
      e->split_docs = split;
      /* Not only when rows of the thread's are kept: the two meet where
         the thread says it has been, and its index may end lower than
         the caller's.  */
      if (rc == 0 && met)
        {
          /* An open handle would hold this connection's read: the
             generation would be of that read, not of now.  */
          release_blobs (e);
          struct generation now = generation (e);
          if (now.others == -1 || !same_generation (now, found))
            {
              for (size_t i = 0; i < nrows; i++)
                free (rows[i].inst);
              free (rows);
              rows = NULL;
              nrows = 0;
              may_split = 0;
              again = 1;
              e->split_docs = 0;
            }
        }
    }
  /* What the instances are positions in: engine_hits takes them only
     from the same index.  */
  unsigned version = db_version (e);
  struct heads_reader heads;
  if (heads_open (db, nrows > res->searched / 8, &heads) != 0 && rc == 0)
    {
      *cause = xstrdup (sqlite3_errmsg (db));
      rc = -1;
    }
  /* Documents per concept, for the IDF.  */
  size_t df[QUERY_MAX_TERMS] = { 0 };
  for (size_t i = 0; i < nrows; i++)
    {
      unsigned char seen[QUERY_MAX_TERMS] = { 0 };
      for (size_t k = 0; k < rows[i].ninst; k++)
        {
          int c = q->phrases[rows[i].inst[k].phrase].concept;
          if (c >= 0 && c < QUERY_MAX_TERMS && !seen[c])
            {
              seen[c] = 1;
              df[c]++;
            }
        }
    }
  for (size_t c = 0; c < q->nconcepts && c < QUERY_MAX_TERMS; c++)
    res->missing += df[c] == 0;
  size_t alloc = 0;
  for (size_t i = 0; rc == 0 && i < nrows; i++)
    {
      struct fts_row *r = &rows[i];
      if (!r->keep)
        continue;
      struct engine_doc d = { 0 };
      if (heads_get (&heads, r->id, &d) != 0)
        continue;
      d.score = score_row (q, r, df, res->searched,
                           r->regex_lang[LANG_ZH] + r->regex_lang[LANG_EN]);
      d.hits = r->hits;
      d.concepts = r->concepts;
      count_by_lang (r->inst, r->ninst, q, d.lang_hits);
      for (int l = 0; l < LANG_COUNT; l++)
        d.lang_hits[l] += r->regex_lang[l];
      /* Its instances, for engine_hits: no second query.  */
      struct doc_priv *dp = xcalloc (1, sizeof *dp);
      dp->version = version;
      dp->found = found;
      dp->inst = r->inst;
      dp->ninst = r->ninst;
      r->inst = NULL;
      d.priv = dp;
      res->docs = xgrow (res->docs, &alloc, res->ndocs + 1,
                         sizeof *res->docs);
      res->docs[res->ndocs++] = d;
      res->total_hits += r->hits;
    }
  heads_close (&heads);
  for (size_t i = 0; i < nrows; i++)
    free (rows[i].inst);
  free (rows);
  free (tagged.ids);
  if (e->interrupt)
    sqlite3_progress_handler (db, 0, NULL, NULL);
  /* Told to stop, the search may have failed anywhere, or even seemed
     to succeed with documents left out (a head not read): it is
     incomplete either way.  */
  if (e->interrupted)
    {
      free (*cause);
      *cause = NULL;
      engine_results_free (res);
      return 1;
    }
  if (rc != 0)
    {
      if (*cause == NULL)
        *cause = xstrdup (sqlite3_errmsg (db));
      engine_results_free (res);
      return -1;
    }
  if (res->ndocs > 1)
    qsort (res->docs, res->ndocs, sizeof *res->docs, compare_docs);
  return 0;
}

void
engine_results_free (struct engine_results *res)
{
  for (size_t i = 0; i < res->ndocs; i++)
    {
      free (res->docs[i].collection);
      free (res->docs[i].path);
      struct doc_priv *dp = res->docs[i].priv;
      if (dp)
        free (dp->inst);
      free (dp);
      for (int l = 0; l < LANG_COUNT; l++)
        free (res->docs[i].title[l]);
    }
  free (res->docs);
  memset (res, 0, sizeof *res);
}

/* Hits.  */

/* Byte ranges of the token positions of one column, as the tokenizer
   numbered them.  */
struct positions
{
  size_t *start, *end;
  size_t n, alloc;
  size_t stop;                  /* enough once N reaches it */
};

static int
record_position (void *ctx, int colocated, const char *tok, size_t len,
                 size_t start, size_t end)
{
  (void) tok;
  (void) len;
  struct positions *p = ctx;
  if (colocated)
    return 0;
  if (p->n == p->alloc)
    {
      p->alloc = p->alloc ? 2 * p->alloc : 256;
      p->start = xrealloc (p->start, p->alloc * sizeof *p->start);
      p->end = xrealloc (p->end, p->alloc * sizeof *p->end);
    }
  p->start[p->n] = start;
  p->end[p->n++] = end;
  return p->n >= p->stop;
}

/* Token positions of one column mapped to bytes: the positions of one
   unit at a time (BY_UNIT), or of the column from its start.  */
struct token_map
{
  struct analyzer *a;
  const struct doc_texts *t;
  int col;
  int by_unit;
  const struct index_unit *unit; /* whose positions POS holds */
  struct positions pos;
  int analysed;                 /* the column, when not BY_UNIT */
  size_t need;                  /* the last position (of the column) the
                                   caller will ask for in this unit, or
                                   in the column: analysis stops there */
};

/* Record the positions of the LEN bytes at S into TM->pos, stopping
   after STOP of them.  */
static void
analyse_positions (struct token_map *tm, const char *s, size_t len,
                   size_t stop)
{
  tm->pos.n = 0;
  tm->pos.stop = stop;
  analyze_text (tm->a, s, len, ANALYZE_POSITIONS, record_position, &tm->pos);
}

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
          text_column (t, c);
          analyse_positions (tm, t->col[c], t->len[c],
                             tm->need < p ? p + 1 : tm->need + 1);
          tm->analysed = 1;
        }
      if (p >= tm->pos.n && tm->pos.n == tm->pos.stop)
        analyse_positions (tm, t->col[c], t->len[c], SIZE_MAX);
      if (p >= tm->pos.n)
        return 0;
      *start = tm->pos.start[p];
      *end = tm->pos.end[p];
      return 1;
    }
  const struct index_unit *u = unit_of_token (t, c, p);
  if (u == NULL)
    return 0;
  size_t rel = p - u->token;
  if (tm->unit != u)
    {
      text_unit (t, c, u);
      size_t need = tm->need >= p ? tm->need - u->token : rel;
      analyse_positions (tm, t->col[c] + u->off, u->len, need + 1);
      tm->unit = u;
    }
  /* Asked for more than was expected: the rest of the unit.  */
  if (rel >= tm->pos.n && tm->pos.n == tm->pos.stop)
    analyse_positions (tm, t->col[c] + u->off, u->len, SIZE_MAX);
  if (rel >= tm->pos.n)
    return 0;
  *start = u->off + tm->pos.start[rel];
  *end = u->off + tm->pos.end[rel];
  return 1;
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

/* Reading order of places in a document: title, then sections and
   their blocks; within one, Chinese before English.  */
static int
compare_place (enum hit_part pa, size_t sa, size_t ba, enum lang la,
               enum hit_part pb, size_t sb, size_t bb, enum lang lb)
{
  if ((pa == PART_TITLE) != (pb == PART_TITLE))
    return pa == PART_TITLE ? -1 : 1;
  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (pa != pb)
    return pa == PART_SECTION ? -1 : 1;
  if (ba != bb)
    return ba < bb ? -1 : 1;
  return (int) la - (int) lb;
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

/* The hits of the instances V (N, sorted by column and position; no
   filters) as groups, in column order.  With MAX, only those that can
   be among the first MAX hits in reading order: when every group's
   unit is known, the first MAX by unit and every group that ties with
   the last of them (the offsets decide between those); else the first
   MAX of each column.  With MAX_TEXTS too, when the units are known,
   only those in the first MAX_TEXTS places (part, section, block and
   language) that have hits.  Caller frees.  */
static struct hit_group *
group_hits (const struct doc_texts *t,
            const int *by_unit, const struct inst *v, size_t n, size_t max,
            size_t max_texts, size_t *ngroups)
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
        ? unit_of_token (t, c, (size_t) v[i].first) : NULL;
      all_placed &= u != NULL;
      if (max == 0 || in_col < max)
        g[k++] = (struct hit_group) { i, j, c, last, u };
      i = j;
    }
  if (all_placed && (max || max_texts) && k > 1)
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
static int
hits_first (struct engine *e, const struct engine_query *q,
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
      if (sqlite3_prepare_v2 (db, "SELECT cb_inst(fts) FROM fts WHERE fts "
                              "MATCH ? AND rowid=?", -1, &st, NULL)
          != SQLITE_OK)
        {
          *cause = xstrdup (sqlite3_errmsg (db));
          return -1;
        }
      sqlite3_bind_text (st, 1, q->match, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (st, 2, d->id);
      if (sqlite3_step (st) == SQLITE_ROW)
        n = decode_inst (q, sqlite3_column_blob (st, 0),
                         sqlite3_column_bytes (st, 0), &v, NULL);
      sqlite3_finalize (st);
    }
  /* A regex's literals selected the document; their places are not
     hits.  */
  size_t kept = 0;
  unsigned mask = q->has_regex ? regex_columns (q, v, n) : 0;
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
  int loaded = load_texts (e, d->id, mask, &t, cause);
  /* Another casebook may have indexed the file again since the search
     (or this one, brought up to date by engine_refresh): the instances
     are positions in the old text.  */
  if (loaded == 0 && dp && !pinned && results_stale (e, dp))
    {
      doc_texts_free (&t);
      *cause = xstrdup (_("the search index changed since this search "
                          "(another casebook updated it): search again"));
      loaded = -1;
    }
  else if (loaded != 0 && dp && !pinned
           && !same_generation (generation (e), dp->found))
    {
      /* The document is gone from an index brought up to date since
         the search (engine_refresh), which load_texts cannot tell from
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
  int by_unit[COL_COUNT];
  for (int c = 0; c < COL_COUNT; c++)
    {
      /* Where token positions are in the text: by analysing the unit
         that holds them (the index noted where each unit begins), or,
         for an index that could not, the column up to the last hit
         wanted.  */
      by_unit[c] = t.nunits[c] > 0;
      for (size_t u = 0; u < t.nunits[c] && by_unit[c]; u++)
        by_unit[c] = t.units[c][u].token != INDEX_NO_TOKEN
          && (u == 0 || t.units[c][u].token >= t.units[c][u - 1].token);
    }
  size_t ngroups;
  struct hit_group *groups = group_hits (&t, by_unit, v, n, max, max_texts,
                                          &ngroups);
  struct analyzer *a = index_analyzer (e->ix);
  struct token_map tm = { .a = a, .t = &t, .col = -1 };
  const struct index_unit *checked_unit = NULL;
  for (size_t g = 0; g < ngroups; g++)
    {
      const struct hit_group *hg = &groups[g];
      int c = hg->col;
      if (c != tm.col)
        {
          free (tm.pos.start);
          free (tm.pos.end);
          tm = (struct token_map) { .a = a, .t = &t, .col = c,
                                    .by_unit = by_unit[c] };
        }
      /* The last position wanted in this group's unit (or column).  */
      size_t k = g;
      while (k + 1 < ngroups && groups[k + 1].col == c
             && (!by_unit[c] || groups[k + 1].unit == hg->unit))
        k++;
      tm.need = groups[k].last >= 0 ? (size_t) groups[k].last : 0;
      size_t i = hg->i, j = hg->j;
      int last = hg->last;
      int prefix_last = 0;
      for (size_t x = i; x < j; x++)
        if (v[x].last == last)
          {
            /* The instance that reaches furthest first decides.  */
            prefix_last = q->phrases[v[x].phrase].prefix;
            break;
          }
      int concept = q->phrases[v[i].phrase].concept;
      size_t start, end, last_start, unused;
      if (v[i].first >= 0
          && token_bytes (&tm, (size_t) v[i].first, &start, &unused)
          && token_bytes (&tm, (size_t) last, &last_start, &end))
        {
          if (prefix_last)
            {
              /* One ideograph matched as the start of a bigram: the
                 hit is that character alone.  */
              int len = u8_mblen ((const uint8_t *) t.col[c] + last_start,
                                  t.len[c] - last_start);
              if (len > 0)
                end = last_start + (size_t) len;
            }
          const struct index_unit *u = unit_at (&t, c, start);
          if (u && u != checked_unit)
            {
              text_unit (&t, c, u);
              /* A damaged index could hold anything: what is shown
                 must be UTF-8.  */
              if (u8_check ((const uint8_t *) t.col[c] + u->off, u->len))
                u = NULL;
              else
                checked_unit = u;
            }
          if (u && end <= (size_t) u->off + u->len)
            {
              out->hits = xgrow (out->hits, &alloc, out->n + 1,
                                 sizeof *out->hits);
              out->hits[out->n++] = (struct engine_hit) {
                .part = u->part, .section = u->section,
                .block = u->block,
                .lang = index_column_lang ((enum index_column) c),
                .origin = u->origin, .start = start - u->off,
                .end = end - u->off, .text = t.col[c] + u->off,
                .text_len = u->len, .concept = concept
              };
            }
        }
    }
  free (tm.pos.start);
  free (tm.pos.end);
  free (groups);
  free (v);
  if (q->has_regex)
    {
      size_t count;
      int r = run_regexes (q, &t, lits, nlits, out, &alloc, &count, NULL,
                           cause);
      free (lits);
      if (r < 0)
        {
          free (out->hits);
          out->hits = NULL;
          out->n = 0;
          doc_texts_free (&t);
          return -1;
        }
    }
  if (out->n > 1)
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
  doc_texts_free (&t);
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
  return hits_first (e, q, d, max, max_texts, 0, out, cause);
}

/* Hits of many documents at once.  Placing hits is mostly analysis and
   reading, which share nothing between documents, so threads with
   connections of their own work out the documents ahead of the one the
   caller takes; the caller works out one further on rather than wait.  */

/* Fewer documents are not worth a thread and a connection (a
   millisecond or so).  */
#define AHEAD_MIN_DOCS 32
/* How far the threads may run ahead: the hits they hold are memory.  */
#define AHEAD_WINDOW 64
/* Threads beyond the caller's, at most: the caller prints, and more
   share its output's pace.  */
#define AHEAD_MAX_THREADS 3

/* How many threads to start beside the caller's: one fewer than the
   processors, at most AHEAD_MAX_THREADS.  */
static size_t
ahead_threads (void)
{
  long n = sysconf (_SC_NPROCESSORS_ONLN);
  if (n <= 1)
    return n == 1 ? 0 : 1;      /* unknown: one */
  return n - 1 > AHEAD_MAX_THREADS ? AHEAD_MAX_THREADS : (size_t) (n - 1);
}

enum ahead_state { AHEAD_FREE, AHEAD_BUSY, AHEAD_DONE };

struct ahead_slot
{
  enum ahead_state state;
  int rc;
  struct engine_hits hits;
  char *cause;
};

struct ahead_worker
{
  struct engine_hits_ahead *a;
  /* A connection whose read began before the caller's connection
     showed that nothing had changed since the search.  */
  struct engine reader;
  pthread_t thread;
  int running;
};

struct engine_hits_ahead
{
  struct engine *e;
  const struct engine_query *q;
  const struct engine_results *res;
  size_t max, max_texts;
  struct ahead_worker *workers;
  size_t nopened;               /* WORKERS, each with a connection */
  size_t nworkers;              /* of those, running */
  pthread_mutex_t lock;
  pthread_cond_t wake;
  struct ahead_slot *slots;     /* per document, under LOCK */
  size_t next;                  /* the first document no one began */
  size_t taken;                 /* the caller took those before */
  int stop;
};

/* Begin document A->next, which someone may begin, as BUSY; its index,
   or SIZE_MAX.  Under A's lock.  */
static size_t
claim_next (struct engine_hits_ahead *a)
{
  if (a->next >= a->res->ndocs || a->next >= a->taken + AHEAD_WINDOW)
    return SIZE_MAX;
  a->slots[a->next].state = AHEAD_BUSY;
  return a->next++;
}

/* Work out document I (claimed) in E, PINNED as hits_first says, and
   leave its hits in its slot.  Called and returns under A's lock.  */
static void
work_out (struct engine_hits_ahead *a, struct engine *e, int pinned,
          size_t i)
{
  pthread_mutex_unlock (&a->lock);
  struct engine_hits h;
  char *cause = NULL;
  int rc = hits_first (e, a->q, &a->res->docs[i], a->max, a->max_texts,
                       pinned, &h, &cause);
  pthread_mutex_lock (&a->lock);
  a->slots[i] = (struct ahead_slot) { AHEAD_DONE, rc, h, cause };
  pthread_cond_broadcast (&a->wake);
}

static void *
work_ahead (void *arg)
{
  struct ahead_worker *w = arg;
  struct engine_hits_ahead *a = w->a;
  pthread_mutex_lock (&a->lock);
  while (!a->stop && a->next < a->res->ndocs)
    {
      size_t i = claim_next (a);
      if (i == SIZE_MAX)
        pthread_cond_wait (&a->wake, &a->lock);
      else
        work_out (a, &w->reader, 1, i);
    }
  pthread_mutex_unlock (&a->lock);
  return NULL;
}

struct engine_hits_ahead *
engine_hits_ahead_start (struct engine *e, const struct engine_query *q,
                         const struct engine_results *res, size_t max,
                         size_t max_texts, size_t threads)
{
  struct engine_hits_ahead *a = xcalloc (1, sizeof *a);
  a->e = e;
  a->q = q;
  a->res = res;
  a->max = max;
  a->max_texts = max_texts;
  if (threads == 0)
    threads = ahead_threads ();
  if (threads > AHEAD_MAX_THREADS)
    threads = AHEAD_MAX_THREADS;
  int ours = 1;
  for (size_t i = 0; i < res->ndocs; i++)
    ours &= res->docs[i].priv != NULL;  /* found by this engine's search */
  /* (Debian's SQLite is built for threads; another may not be.)  */
  if (res->ndocs < AHEAD_MIN_DOCS || !ours || threads == 0
      || !sqlite3_threadsafe ())
    return a;
  struct ahead_worker *w = xcalloc (threads, sizeof *w);
  size_t opened = 0;
  while (opened < threads && open_reader (&w[opened].reader, e) == 0)
    opened++;
  /* With no read of its own open, the caller's connection tells
     whether anything was written since the search.  If nothing was,
     nothing was before the readers' reads began either, and they see
     what the search saw however long they read.  Its data version is
     that of its last read, which may have begun before another
     casebook's write: PRAGMA data_version (generation) reads again
     first, and without that read nothing is known.  */
  release_blobs (e);
  int current = generation (e).others != -1
    && !results_stale (e, res->docs[0].priv);
  if (opened == 0 || !current)
    {
      for (size_t i = 0; i < opened; i++)
        close_reader (&w[i].reader);
      free (w);
      return a;
    }
  a->workers = w;
  a->nopened = opened;
  a->slots = xcalloc (res->ndocs, sizeof *a->slots);
  pthread_mutex_init (&a->lock, NULL);
  pthread_cond_init (&a->wake, NULL);
  for (size_t i = 0; i < opened; i++)
    {
      w[i].a = a;
      w[i].running = pthread_create (&w[i].thread, NULL, work_ahead, &w[i])
        == 0;
      a->nworkers += w[i].running;
    }
  for (size_t i = 0; i < opened; i++)
    if (!w[i].running)
      close_reader (&w[i].reader);
  if (a->nworkers == 0)
    {
      free (a->slots);
      a->slots = NULL;
      free (a->workers);
      a->workers = NULL;
      a->nopened = 0;
      pthread_mutex_destroy (&a->lock);
      pthread_cond_destroy (&a->wake);
    }
  return a;
}

int
engine_hits_ahead_take (struct engine_hits_ahead *a, size_t i,
                        struct engine_hits *out, char **cause)
{
  *cause = NULL;
  if (a->nworkers == 0)
    return engine_hits_first (a->e, a->q, &a->res->docs[i], a->max,
                              a->max_texts, out, cause);
  pthread_mutex_lock (&a->lock);
  if (i + 1 > a->taken)
    a->taken = i + 1;
  if (i >= a->next)
    {
      /* Not begun: worked out here, and the threads pass over it (and
         over any the caller skipped).  */
      a->next = i + 1;
      pthread_cond_broadcast (&a->wake);
      pthread_mutex_unlock (&a->lock);
      return engine_hits_first (a->e, a->q, &a->res->docs[i], a->max,
                                a->max_texts, out, cause);
    }
  while (a->slots[i].state == AHEAD_BUSY)
    {
      /* A thread is at it: rather than wait, work out one further on.  */
      size_t j = claim_next (a);
      if (j == SIZE_MAX)
        pthread_cond_wait (&a->wake, &a->lock);
      else
        work_out (a, a->e, 0, j);
    }
  struct ahead_slot done = a->slots[i];
  a->slots[i] = (struct ahead_slot) { AHEAD_FREE, 0, { 0 }, NULL };
  pthread_cond_broadcast (&a->wake);
  pthread_mutex_unlock (&a->lock);
  if (done.state == AHEAD_DONE)
    {
      *out = done.hits;
      *cause = done.cause;
      return done.rc;
    }
  /* Skipped, or taken before: worked out here.  */
  return engine_hits_first (a->e, a->q, &a->res->docs[i], a->max,
                            a->max_texts, out, cause);
}

size_t
engine_hits_ahead_threads (const struct engine_hits_ahead *a)
{
  return a->nworkers;
}

void
engine_hits_ahead_stop (struct engine_hits_ahead *a)
{
  if (a == NULL)
    return;
  if (a->nworkers)
    {
      pthread_mutex_lock (&a->lock);
      a->stop = 1;
      pthread_cond_broadcast (&a->wake);
      pthread_mutex_unlock (&a->lock);
      for (size_t k = 0; k < a->nopened; k++)
        if (a->workers[k].running)
          {
            pthread_join (a->workers[k].thread, NULL);
            close_reader (&a->workers[k].reader);
          }
      for (size_t i = 0; i < a->res->ndocs; i++)
        if (a->slots[i].state == AHEAD_DONE)
          {
            engine_hits_free (&a->slots[i].hits);
            free (a->slots[i].cause);
          }
      free (a->slots);
      free (a->workers);
      pthread_mutex_destroy (&a->lock);
      pthread_cond_destroy (&a->wake);
    }
  free (a);
}

/* Corrections.  */

/* The documents that the FTS5 expression M matches.  */
static long
count_docs (struct engine *e, const char *m)
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
static long
phrase_docs (struct engine *e, const char *w)
{
  struct buf b = { 0 };
  int prefix;
  long n = 0;
  if (add_phrase (index_analyzer (e->ix), &b, w, &prefix))
    n = count_docs (e, b.data);
  buf_free (&b);
  return n;
}

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

/* The vocabulary of the index, for corrections.  */
static int
open_vocab (struct engine *e)
{
  return sqlite3_exec (index_db (e->ix),
                       "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab "
                       "USING fts5vocab(main, fts, row)", NULL, NULL, NULL)
    == SQLITE_OK ? 0 : -1;
}

/* The nearest English word to the folded word W in the vocabulary, or
   NULL.  Caller frees.  */
static char *
suggest_word (struct engine *e, const char *w)
{
  char *key = token_key (index_analyzer (e->ix), w);
  if (*key == '\0' || strchr (key, ' '))
    {
      free (key);
      return NULL;              /* not one word */
    }
  size_t n = strlen (key);
  size_t limit = n >= 6 ? 2 : n >= 4 ? 1 : 0;
  char *best = NULL;
  size_t best_dist = limit + 1;
  long best_docs = 0;
  /* Terms that begin with the word's first letter, or with its second
     (its first two letters swapped): a slip seldom hits the first
     letter, and a scan of the whole vocabulary costs more than the
     search.  */
  sqlite3_stmt *st;
  for (int pass = 0; limit > 0 && pass < 2 && n >= 2; pass++)
    {
      char lo[2] = { key[pass], '\0' }, hi[2] = { (char) (key[pass] + 1), '\0' };
      if (pass == 1 && key[1] == key[0])
        break;
      if (sqlite3_prepare_v2 (index_db (e->ix), "SELECT term, doc FROM vocab "
                              "WHERE term >= ?1 AND term < ?2", -1, &st,
                              NULL) != SQLITE_OK)
        break;
      sqlite3_bind_text (st, 1, lo, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (st, 2, hi, -1, SQLITE_TRANSIENT);
      while (sqlite3_step (st) == SQLITE_ROW)
        {
          const char *t = (const char *) sqlite3_column_text (st, 0);
          size_t m = (size_t) sqlite3_column_bytes (st, 0);
          long docs = (long) sqlite3_column_int64 (st, 1);
          if (t == NULL || m < 3)
            continue;
          size_t dist = edit_distance (key, n, t, m, limit);
          if (dist == 0 || dist > limit)
            continue;
          if (dist < best_dist || (dist == best_dist && docs > best_docs))
            {
              free (best);
              best = xstrndup (t, m);
              best_dist = dist;
              best_docs = docs;
            }
        }
      sqlite3_finalize (st);
    }
  free (key);
  return best;
}

/* Looking for a word of a text by the token it makes.  */
struct surface
{
  const char *token;
  const char *text;
  char *found;
};

static int
match_surface (void *ctx, int colocated, const char *tok, size_t len,
               size_t start, size_t end)
{
  struct surface *s = ctx;
  if (colocated || len != strlen (s->token) || memcmp (tok, s->token, len))
    return 0;
  s->found = norm_fold_string (s->text + start, end - start);
  return 1;
}

/* A word of the text that the index holds as TOKEN (a stem: "handl"),
   as it is written there, folded ("handling"), or NULL: a
   correction is shown as a word, not as a stem.  Caller frees.  */
static char *
surface_word (struct engine *e, const char *token)
{
  struct buf m = { 0 };
  int prefix;
  char *found = NULL;
  sqlite3_stmt *st;
  if (!add_phrase (index_analyzer (e->ix), &m, token, &prefix)
      || sqlite3_prepare_v2 (index_db (e->ix), "SELECT rowid FROM fts WHERE "
                             "fts MATCH ? LIMIT 1", -1, &st, NULL)
      != SQLITE_OK)
    {
      buf_free (&m);
      return NULL;
    }
  sqlite3_bind_text (st, 1, m.data, -1, SQLITE_STATIC);
  int64_t id = sqlite3_step (st) == SQLITE_ROW ? sqlite3_column_int64 (st, 0)
    : -1;
  sqlite3_finalize (st);
  buf_free (&m);
  struct doc_texts t;
  char *cause = NULL;
  if (id >= 0 && load_texts (e, id, (1u << COL_COUNT) - 1, &t, &cause) == 0)
    {
      for (int c = 0; c < COL_COUNT && found == NULL; c++)
        {
          text_column (&t, c);
          struct surface s = { token, t.col[c], NULL };
          if (u8_check ((const uint8_t *) t.col[c], t.len[c]) == NULL)
            analyze_text (index_analyzer (e->ix), t.col[c], t.len[c],
                          ANALYZE_INDEX, match_surface, &s);
          found = s.found;
        }
      doc_texts_free (&t);
    }
  free (cause);
  release_blobs (e);
  return found;
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
};

/* Try the word with character I replaced by the CLEN bytes at CAND (one
   ideograph, not the one there): keep it if the text has it as a phrase
   in more documents than the best so far.  Returns 1 if it was tried.  */
static int
try_replacement (struct engine *e, struct respelling *r, size_t i,
                 const char *cand, size_t clen)
{
  if (ideographs_only_n (cand, clen) != 1
      || (clen == r->len[i] && memcmp (cand, r->ch[i], clen) == 0))
    return 0;
  struct buf b = { 0 };
  for (size_t k = 0; k < r->n; k++)
    buf_add (&b, k == i ? cand : r->ch[k], k == i ? clen : r->len[k]);
  long docs = phrase_docs (e, b.data);
  if (docs > r->best_docs)
    {
      free (r->best);
      r->best = buf_steal (&b);
      r->best_docs = docs;
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
  struct respelling r = { .n = ideographs_only (w) };
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
  /* The first character, when nothing else helped: the bigrams that end
     with the second (a scan: the vocabulary is ordered by first
     character).  */
  if (r.best == NULL
      && sqlite3_prepare_v2 (index_db (e->ix), "SELECT term FROM vocab",
                             -1, &st, NULL) == SQLITE_OK)
    {
      size_t tried = 0;
      while (sqlite3_step (st) == SQLITE_ROW && tried < 200)
        {
          const char *t = (const char *) sqlite3_column_text (st, 0);
          size_t m = (size_t) sqlite3_column_bytes (st, 0);
          if (t != NULL && m > r.len[1] && (unsigned char) t[0] >= 0xe0
              && memcmp (t + m - r.len[1], r.ch[1], r.len[1]) == 0)
            tried += try_replacement (e, &r, 0, t, m - r.len[1]);
        }
      sqlite3_finalize (st);
    }
  return r.best;
}

/* A word written apart as two ("Zhang jiagang", "Hulun Buir") of which
   one finds nothing: terms I and I+1 of Q, written one after the other,
   joined, if the text has the joined word.  Caller frees.  */
static char *
suggest_joined (struct engine *e, const struct engine_query *q, size_t i)
{
  if (i + 1 >= q->q->nterms || !query_plain_word (&q->q->terms[i])
      || !query_plain_word (&q->q->terms[i + 1])
      || !query_terms_adjacent (q->text, &q->q->terms[i],
                                &q->q->terms[i + 1]))
    return NULL;
  char *joined = xasprintf ("%s%s", q->q->terms[i].source,
                            q->q->terms[i + 1].source);
  if (strlen (joined) > 64 || phrase_docs (e, joined) <= 0)
    {
      free (joined);
      return NULL;
    }
  return joined;
}

/* A word written as one that the text has as two ("casehandling"): the
   two, apart, that are found together in most documents, or NULL.
   Caller frees.  */
static char *
suggest_split (struct engine *e, const struct term *t)
{
  if (!query_plain_word (t))
    return NULL;
  size_t n = strlen (t->source);
  if (n < 5 || n > 40)
    return NULL;
  char *best = NULL;
  long best_docs = 0;
  for (size_t cut = 2; cut + 2 <= n; cut++)
    {
      char *apart = xasprintf ("%.*s %s", (int) cut, t->source,
                               t->source + cut);
      long docs = phrase_docs (e, apart);
      if (docs > best_docs)
        {
          free (best);
          best = apart;
          best_docs = docs;
        }
      else
        free (apart);
    }
  return best;
}

char *
engine_suggest (struct engine *e, const struct engine_query *q)
{
  if (open_vocab (e) != 0)
    return NULL;
  const char *text = q->text;
  struct buf out = { 0 };
  const char *rest = text;
  int changed = 0;
  for (size_t i = 0; i < q->q->nterms; i++)
    {
      const struct term *t = &q->q->terms[i];
      if (t->kind != TERM_WORDS || t->negated || t->stopword || t->nalts == 0)
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
          if (add_phrase (index_analyzer (e->ix), &one, t->alts[k], &prefix))
            {
              add_or (&m);
              buf_add (&m, one.data, one.len);
            }
          buf_free (&one);
        }
      long found = m.len ? count_docs (e, m.data) : -1;
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
              const struct term *b = &q->q->terms[k + 1];
              buf_add (&out, rest, (size_t) (at - rest));
              buf_adds (&out, fix);
              rest = text + b->source_off + strlen (b->source);
              changed = joined = 1;
              i = k + 1;
            }
          free (fix);
        }
      if (joined)
        continue;
      char *fix = ideographs_only (t->alts[0]) >= 2
        ? suggest_ideographs (e, t->alts[0]) : suggest_word (e, t->alts[0]);
      char *word = fix && ideographs_only (fix) == 0 ? surface_word (e, fix)
        : NULL;
      if (word)
        {
          free (fix);
          fix = word;
        }
      if (fix == NULL)
        fix = suggest_split (e, t);
      const char *at = text + t->source_off;
      if (fix && at >= rest)
        {
          buf_add (&out, rest, (size_t) (at - rest));
          buf_adds (&out, fix);
          rest = at + strlen (t->source);
          changed = 1;
        }
      free (fix);
    }
  if (!changed)
    {
      buf_free (&out);
      return NULL;
    }
  buf_adds (&out, rest);
  return buf_steal (&out);
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
