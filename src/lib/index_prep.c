/* index_prep.c -- see index_prep.h.  */

#include <config.h>

#include "index_prep.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "i18n.h"
#include "pairs.h"
#include "termvec.h"
#include "thread.h"

/* How many documents the second thread may prepare ahead of the one
   being written: enough that it never waits, few enough that their
   texts and tokens stay a few megabytes.  */
#define PREP_AHEAD 16

static int
add_unit (void *ctx, const struct doc_unit *u)
{
  struct doc_columns *dc = ctx;
  /* Chinese, English, and the revised English (as "language" 2).  */
  for (int l = 0; l <= LANG_COUNT; l++)
    {
      const struct text *t = l < LANG_COUNT
        ? bitext_get (u->text, (enum lang) l)
        : u->text->rev.origin == ORIGIN_REVISION ? &u->text->rev : NULL;
      if (t == NULL || t->len == 0 || t->str == NULL)
        continue;
      int col = (u->kind == UNIT_TITLE ? COL_TITLE_ZH
                 : u->kind == UNIT_KEYWORDS ? COL_KEYWORDS_ZH
                 : COL_BODY_ZH) + l;
      if (l == LANG_EN + 1)
        col = u->kind == UNIT_TITLE ? COL_TITLE_REV
          : u->kind == UNIT_KEYWORDS ? COL_KEYWORDS_REV : COL_BODY_REV;
      struct buf *b = &dc->text[col];
      if (b->len)
        buf_addc (b, ANALYZE_BARRIER);
      struct buf *m = &dc->units[col];
      buf_add_le32 (m, (uint32_t) u->part);
      buf_add_le32 (m, (uint32_t) t->origin);
      buf_add_le32 (m, (uint32_t) u->section);
      buf_add_le32 (m, (uint32_t) u->block);
      buf_add_le32 (m, (uint32_t) b->len);
      buf_add_le32 (m, (uint32_t) t->len);
      buf_add_le32 (m, INDEX_NO_TOKEN);        /* filled in once FTS5 saw it */
      dc->nunits[col]++;
      buf_add (b, t->str, t->len);
      buf_addc (&dc->order, (char) col);
    }
  return 0;
}

void
doc_columns_build (const struct document *doc, struct doc_columns *dc)
{
  memset (dc, 0, sizeof *dc);
  document_walk (doc, add_unit, dc);
}

void
doc_columns_free (struct doc_columns *dc)
{
  for (int c = 0; c < COL_COUNT; c++)
    {
      buf_free (&dc->text[c]);
      buf_free (&dc->units[c]);
    }
  buf_free (&dc->order);
}

/* Recorded tokens: per token a flag byte (colocated), its start, end
   and length as native u32s, then its bytes.  */
struct token_head
{
  uint32_t colocated, start, end, len;
};

static int
record_token (void *ctx, int colocated, const char *tok, size_t len,
              size_t start, size_t end)
{
  struct buf *b = ctx;
  struct token_head h = { colocated != 0, (uint32_t) start, (uint32_t) end,
                          (uint32_t) len };
  buf_add (b, &h, sizeof h);
  buf_add (b, tok, len);
  return 0;
}

int
prep_replay_from (const struct buf *tokens, size_t *at, analyze_token_fn fn,
                  void *ctx)
{
  while (*at + sizeof (struct token_head) <= tokens->len)
    {
      struct token_head h;
      memcpy (&h, tokens->data + *at, sizeof h);
      *at += sizeof h;
      const char *tok = tokens->data + *at;
      *at += h.len;
      int rc = fn (ctx, (int) h.colocated, tok, h.len, h.start, h.end);
      if (rc)
        return rc;
    }
  return 0;
}

int
prep_replay (const struct buf *tokens, analyze_token_fn fn, void *ctx)
{
  size_t at = 0;
  return prep_replay_from (tokens, &at, fn, ctx);
}

/* Prepare the file P->path with analyzer A, numbering its terms in
   VOCAB.  */
static void
prepare (struct prepared *p, struct analyzer *a, struct termvec_vocab *vocab,
         struct pairs *pairs)
{
  if (stat (p->path, &p->fs.st) != 0)
    {
      p->stat_errno = errno;
      return;
    }
  size_t len;
  char *data = util_read_regular (p->path, CONTENT_MAX_SIZE, &len);
  if (data == NULL)
    {
      diags_add (&p->diags, DIAG_ERROR, p->path, 0, _("cannot read: %s"),
                 content_read_error (errno));
      return;
    }
  p->read = 1;
  p->fs.hash = util_hash (0, data, len);
  p->fs.have_hash = 1;
  p->parsed = content_parse_document (p->path, data, len, &p->doc,
                                      &p->diags) == 0;
  free (data);
  if (!p->parsed)
    return;
  doc_columns_build (&p->doc, &p->dc);
  for (int c = 0; c < COL_COUNT; c++)
    if (p->dc.text[c].len)
      analyze_text (a, p->dc.text[c].data, p->dc.text[c].len, ANALYZE_INDEX,
                    record_token, &p->tokens[c]);
  /* From the tokens FTS5 will be given, column by column (a phrase
     never runs from one column into the next).  */
  for (int c = 0; pairs && c < COL_COUNT; c++)
    {
      struct pairs_walk w;
      pairs_walk_begin (&w, pairs);
      prep_replay (&p->tokens[c], pairs_walk_token, &w);
      pairs_walk_end (&w);
    }
  /* Its terms for related: the units in the order of document_walk,
     each from its column's tokens (AT: where each column's next unit
     begins).  The revised English is no part of them.  */
  termvec_begin (vocab, &p->doc, &p->terms, &p->added);
  size_t at[COL_COUNT] = { 0 }, unit[COL_COUNT] = { 0 };
  for (size_t i = 0; i < p->dc.order.len; i++)
    {
      int col = (unsigned char) p->dc.order.data[i];
      /* Where the unit ends, from its record: its text may hold a
         barrier byte of its own.  */
      const unsigned char *r = (const unsigned char *) p->dc.units[col].data
        + unit[col]++ * UNIT_RECORD;
      if (col < COL_TITLE_REV)
        {
          termvec_unit (vocab, (size_t) util_get_le32 (r + 16)
                        + util_get_le32 (r + 20));
          prep_replay_from (&p->tokens[col], &at[col], termvec_token, vocab);
        }
    }
  termvec_end (vocab);
}

static void
prepared_free (struct prepared *p)
{
  if (p->read)
    document_free (&p->doc);    /* (a failed parse may leave some) */
  doc_columns_free (&p->dc);
  for (int c = 0; c < COL_COUNT; c++)
    buf_free (&p->tokens[c]);
  buf_free (&p->terms);
  buf_free (&p->added);
  diags_free (&p->diags);
  memset (p, 0, sizeof *p);
}

struct prep_queue
{
  char *const *paths;
  size_t n;
  struct prepared *items;       /* PREP_AHEAD slots: file I in I % AHEAD */
  size_t ready;                 /* files prepared */
  size_t taken;                 /* files done with (prep_done) */
  int stop;
  int threaded;
  struct analyzer *analyzer;    /* unthreaded: the caller's preparing */
  struct termvec_vocab *vocab;  /* used by whichever prepares */
  struct pairs *pairs;          /* likewise, or NULL */
  pthread_t thread;
  pthread_mutex_t lock;
  pthread_cond_t wake;
};

static void *
prepare_ahead (void *arg)
{
  struct prep_queue *q = arg;
  struct analyzer *a = analyzer_new ();
  pthread_mutex_lock (&q->lock);
  while (!q->stop && q->ready < q->n)
    {
      if (q->ready >= q->taken + PREP_AHEAD)
        {
          pthread_cond_wait (&q->wake, &q->lock);
          continue;
        }
      size_t i = q->ready;
      pthread_mutex_unlock (&q->lock);
      struct prepared *p = &q->items[i % PREP_AHEAD];
      p->path = q->paths[i];
      prepare (p, a, q->vocab, q->pairs);
      pthread_mutex_lock (&q->lock);
      q->ready = i + 1;
      pthread_cond_broadcast (&q->wake);
    }
  pthread_mutex_unlock (&q->lock);
  analyzer_free (a);
  return NULL;
}

struct prep_queue *
prep_start (char *const *paths, size_t n, struct termvec_vocab *vocab,
            struct pairs *pairs)
{
  struct prep_queue *q = xcalloc (1, sizeof *q);
  q->vocab = vocab;
  q->pairs = pairs;
  q->paths = paths;
  q->n = n;
  q->items = xcalloc (PREP_AHEAD, sizeof *q->items);
  pthread_mutex_init (&q->lock, NULL);
  pthread_cond_init (&q->wake, NULL);
  /* One document is no work to share.  */
  q->threaded = n > 1
    && thread_start (&q->thread, prepare_ahead, q) == 0;
  return q;
}

struct prepared *
prep_take (struct prep_queue *q, size_t i)
{
  struct prepared *p = &q->items[i % PREP_AHEAD];
  if (!q->threaded)
    {
      if (q->analyzer == NULL)
        q->analyzer = analyzer_new ();
      p->path = q->paths[i];
      prepare (p, q->analyzer, q->vocab, q->pairs);
      return p;
    }
  pthread_mutex_lock (&q->lock);
  while (q->ready <= i)
    pthread_cond_wait (&q->wake, &q->lock);
  pthread_mutex_unlock (&q->lock);
  return p;
}

void
prep_done (struct prep_queue *q, size_t i)
{
  prepared_free (&q->items[i % PREP_AHEAD]);
  pthread_mutex_lock (&q->lock);
  q->taken = i + 1;
  pthread_cond_broadcast (&q->wake);
  pthread_mutex_unlock (&q->lock);
}

void
prep_stop (struct prep_queue *q)
{
  if (q == NULL)
    return;
  if (q->threaded)
    {
      pthread_mutex_lock (&q->lock);
      q->stop = 1;
      pthread_cond_broadcast (&q->wake);
      pthread_mutex_unlock (&q->lock);
      pthread_join (q->thread, NULL);
    }
  /* What was prepared and not taken, or taken and not done.  */
  for (size_t k = 0; k < PREP_AHEAD; k++)
    prepared_free (&q->items[k]);
  if (q->analyzer)
    analyzer_free (q->analyzer);
  pthread_mutex_destroy (&q->lock);
  pthread_cond_destroy (&q->wake);
  free (q->items);
  free (q);
}
