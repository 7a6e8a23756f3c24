/* termvec.c -- a document's terms for related, recorded in the index
   (see termvec.h).

   A record: a byte with a bit for each language the document has text
   in (Chinese 1, English 2); then for each language its keywords, their
   number and each one's length and bytes; then each term's number in
   the vocabulary and count; last, the low 32 bits of util_hash of all
   before them, little-endian.  Numbers are unsigned LEB128.  The hash
   is what tells a record cut short (or changed) from a whole one: a cut
   where a term ends would otherwise read as a document of fewer
   terms.  */

#include <config.h>
#include "termvec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "termtab.h"

/* The bytes of the hash that ends a record.  */
#define CHECK_LEN 4

/* The hash of the LEN bytes at P, as a record ends with it.  */
static uint32_t
record_check (const void *p, size_t len)
{
  return (uint32_t) util_hash (0, p, len);
}

static void
put_number (struct buf *b, size_t v)
{
  unsigned char c[10];
  size_t n = 0;
  do
    {
      c[n] = v & 0x7f;
      v >>= 7;
      if (v)
        c[n] |= 0x80;
      n++;
    }
  while (v);
  buf_add (b, c, n);
}

static void
put_bytes (struct buf *b, const char *s, size_t len)
{
  put_number (b, len);
  buf_add (b, s, len);
}

/* The vocabulary: its terms, and each one's number; and what a
   document's terms are counted with, by their place in TERMS.  */
struct termvec_vocab
{
  struct termtab terms;
  uint32_t *id;                 /* the number of each of TERMS */
  size_t id_alloc;
  size_t next;                  /* the number of the next new term */
  uint32_t *tf;                 /* by place in TERMS: 0 but for the
                                   document's terms */
  size_t tf_alloc;
  uint32_t *met;                /* the document's terms' places, in the
                                   order they first came */
  size_t nmet, met_alloc;
  size_t unit_end;              /* where the unit being counted ends in
                                   its column's text */
  struct buf *out;              /* the document's record ... */
  size_t out_off;               /* ... from this byte of it */
  struct buf *added;            /* the document's new terms */
};

void
termvec_unit (struct termvec_vocab *v, size_t end_off)
{
  v->unit_end = end_off;
}

/* A term is counted by its number (a new one given the next).  */
int
termvec_token (void *ctx, int colocated, const char *tok, size_t len,
               size_t start, size_t end)
{
  (void) end;
  struct termvec_vocab *v = ctx;
  /* The barrier that joins the unit to the next ends it; one in the
     unit's own text (a U+001F the file holds) is no term, as related.c
     takes none, and must not cut the unit short.  */
  if (len == 1 && tok[0] == ANALYZE_BARRIER)
    return start >= v->unit_end;
  if (colocated || (len == 1 && tok[0] == ANALYZE_GAP))
    return 0;
  int added;
  size_t at = termtab_add (&v->terms, tok, len, &added);
  if (added)
    {
      put_number (v->added, v->next);
      put_bytes (v->added, tok, len);
      v->id = xgrow (v->id, &v->id_alloc, at + 1, sizeof *v->id);
      v->id[at] = (uint32_t) v->next++;
    }
  if (at >= v->tf_alloc)
    {
      size_t before = v->tf_alloc;
      v->tf = xgrow (v->tf, &v->tf_alloc, at + 1, sizeof *v->tf);
      memset (v->tf + before, 0, (v->tf_alloc - before) * sizeof *v->tf);
    }
  if (v->tf[at]++ == 0)
    {
      v->met = xgrow (v->met, &v->met_alloc, v->nmet + 1, sizeof *v->met);
      v->met[v->nmet++] = (uint32_t) at;
    }
  return 0;
}

struct termvec_vocab *
termvec_vocab_new (void)
{
  struct termvec_vocab *v = xcalloc (1, sizeof *v);
  v->next = 1;
  return v;
}

void
termvec_vocab_free (struct termvec_vocab *v)
{
  if (v == NULL)
    return;
  termtab_free (&v->terms);
  free (v->id);
  free (v->tf);
  free (v->met);
  free (v);
}

void
termvec_vocab_add (struct termvec_vocab *v, uint32_t id, const char *term,
                   size_t len)
{
  int added;
  size_t at = termtab_add (&v->terms, term, len, &added);
  if (added)
    {
      v->id = xgrow (v->id, &v->id_alloc, at + 1, sizeof *v->id);
      v->id[at] = id;
    }
  if (id >= v->next)
    v->next = (size_t) id + 1;
}

void
termvec_begin (struct termvec_vocab *v, const struct document *doc,
               struct buf *out, struct buf *added)
{
  v->out_off = out->len;
  unsigned char langs = 0;
  for (int l = 0; l < LANG_COUNT; l++)
    if (document_has_lang (doc, (enum lang) l))
      langs |= (unsigned char) (1 << l);
  buf_add (out, &langs, 1);
  for (int l = 0; l < LANG_COUNT; l++)
    {
      put_number (out, doc->keywords.count[l]);
      for (size_t i = 0; i < doc->keywords.count[l]; i++)
        {
          const char *w = doc->keywords.items[l][i];
          put_bytes (out, w, strlen (w));
        }
    }
  v->nmet = 0;
  v->out = out;
  v->added = added;
}

void
termvec_end (struct termvec_vocab *v)
{
  for (size_t i = 0; i < v->nmet; i++)
    {
      put_number (v->out, v->id[v->met[i]]);
      put_number (v->out, v->tf[v->met[i]]);
      v->tf[v->met[i]] = 0;
    }
  uint32_t check = record_check (v->out->data + v->out_off,
                                 v->out->len - v->out_off);
  buf_add_le32 (v->out, check);
  v->nmet = 0;
  v->out = NULL;
  v->added = NULL;
}

/* The number at *P (before END) into *V.  Returns 0, or -1 when it is
   cut short or too long.  */
static int
get_number (const unsigned char **p, const unsigned char *end, size_t *v)
{
  *v = 0;
  for (int shift = 0; *p < end && shift < 64; shift += 7)
    {
      unsigned char c = *(*p)++;
      *v |= (size_t) (c & 0x7f) << shift;
      if (!(c & 0x80))
        return 0;
    }
  return -1;
}

/* The length-prefixed bytes at *P into *S and *LEN.  */
static int
get_bytes (const unsigned char **p, const unsigned char *end,
           const char **s, size_t *len)
{
  if (get_number (p, end, len) != 0 || *len > (size_t) (end - *p))
    return -1;
  *s = (const char *) *p;
  *p += *len;
  return 0;
}

int
termvec_read (const void *rec, size_t len, struct termvec *tv)
{
  memset (tv, 0, sizeof *tv);
  if (len < 1 + CHECK_LEN)
    return -1;
  const unsigned char *p = rec, *end = p + len - CHECK_LEN;
  if (util_get_le32 (end) != record_check (rec, len - CHECK_LEN))
    return -1;
  for (int l = 0; l < LANG_COUNT; l++)
    tv->has_lang[l] = (*p >> l) & 1;
  p++;
  for (int l = 0; l < LANG_COUNT; l++)
    {
      size_t n;
      /* Each keyword takes a byte at least.  */
      if (get_number (&p, end, &n) != 0 || n > (size_t) (end - p))
        goto damaged;
      tv->kw[l] = xcalloc (n ? n : 1, sizeof *tv->kw[l]);
      for (size_t i = 0; i < n; i++)
        {
          const char *s;
          size_t slen;
          if (get_bytes (&p, end, &s, &slen) != 0)
            goto damaged;
          tv->kw[l][i] = xstrndup (s, slen);
          tv->nkw[l] = i + 1;
        }
      tv->nkw[l] = n;
    }
  tv->at = p;
  tv->end = end;
  return 0;
damaged:
  termvec_free (tv);
  return -1;
}

int
termvec_next (struct termvec *tv, uint32_t *id, size_t *count)
{
  if (tv->at == tv->end)
    return 0;
  size_t n;
  if (get_number (&tv->at, tv->end, &n) != 0
      || get_number (&tv->at, tv->end, count) != 0 || n == 0
      || n > UINT32_MAX || *count == 0 || *count > UINT32_MAX)
    return -1;
  *id = (uint32_t) n;
  return 1;
}

void
termvec_free (struct termvec *tv)
{
  for (int l = 0; l < LANG_COUNT; l++)
    if (tv->kw[l])
      strv_free (tv->kw[l], tv->nkw[l]);
  memset (tv, 0, sizeof *tv);
}

int
termvec_added_next (const struct buf *added, size_t *at, uint32_t *id,
                    const char **term, size_t *len)
{
  const unsigned char *p = (const unsigned char *) added->data + *at;
  const unsigned char *end = (const unsigned char *) added->data + added->len;
  size_t n;
  if (*at >= added->len || get_number (&p, end, &n) != 0
      || get_bytes (&p, end, term, len) != 0)
    return 0;
  *id = (uint32_t) n;
  *at = (size_t) (p - (const unsigned char *) added->data);
  return 1;
}
