/* model.c -- small accessors over the content model and its release.  */

#include <config.h>
#include "model.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analyze.h"
#include "norm.h"
#include "util.h"

const char *
lang_code (enum lang l)
{
  return l == LANG_ZH ? "zh" : "en";
}

int
lang_parse (const char *s, enum lang *l)
{
  if (strcasecmp (s, "zh") == 0 || strcasecmp (s, "chinese") == 0)
    *l = LANG_ZH;
  else if (strcasecmp (s, "en") == 0 || strcasecmp (s, "english") == 0)
    *l = LANG_EN;
  else
    return -1;
  return 0;
}

enum lang
lang_other (enum lang l)
{
  return l == LANG_ZH ? LANG_EN : LANG_ZH;
}

const struct text *
bitext_get (const struct bitext *bt, enum lang l)
{
  const struct text *t = &bt->side[l];
  return t->origin == ORIGIN_NONE ? NULL : t;
}

int
bitext_is_empty (const struct bitext *bt)
{
  return bt->side[LANG_ZH].origin == ORIGIN_NONE
    && bt->side[LANG_EN].origin == ORIGIN_NONE;
}

int
text_is_project (const struct text *t)
{
  return t && (t->origin == ORIGIN_TRANSLATION || t->origin == ORIGIN_REVISION);
}

const struct text *
bitext_view (const struct bitext *bt, enum lang l, int revised)
{
  if (revised && l == LANG_EN && bt->rev.origin == ORIGIN_REVISION)
    return &bt->rev;
  return bitext_get (bt, l);
}

char *const *
keywords_view (const struct keyword_list *kw, enum lang l, int revised,
               size_t *count)
{
  if (revised && l == LANG_EN && kw->rev_count > 0)
    {
      *count = kw->rev_count;
      return kw->rev_items;
    }
  *count = kw->count[l];
  return kw->items[l];
}

char *const *
keywords_partner (const struct keyword_list *kw, enum lang l, int revised,
                  size_t *count)
{
  int lengths_agree = kw->count[LANG_EN] == kw->count[LANG_ZH];
  if (l == LANG_ZH)
    return keywords_view (kw, LANG_EN, !(lengths_agree && !revised), count);
  int reading_release = kw->rev_count > 0 && !revised;
  if (reading_release && !lengths_agree)
    {
      *count = 0;
      return NULL;
    }
  *count = kw->count[LANG_ZH];
  return kw->items[LANG_ZH];
}

enum origin
keywords_view_origin (const struct keyword_list *kw, enum lang l, int revised)
{
  if (revised && l == LANG_EN && kw->rev_count > 0)
    return ORIGIN_REVISION;
  return kw->origin[l];
}

enum origin
keywords_partner_origin (const struct keyword_list *kw, enum lang l,
                         int revised)
{
  /* As keywords_partner chooses.  */
  int lengths_agree = kw->count[LANG_EN] == kw->count[LANG_ZH];
  if (l == LANG_ZH)
    return keywords_view_origin (kw, LANG_EN, !(lengths_agree && !revised));
  return kw->origin[LANG_ZH];
}

size_t
glossary_nforms (const struct glossary_entry *e, enum lang l)
{
  return 1 + e->nvariants[l] + e->nsynonyms[l];
}

const char *
glossary_form (const struct glossary_entry *e, enum lang l, size_t i)
{
  if (i == 0)
    return e->term[l];
  if (i <= e->nvariants[l])
    return e->variants[l][i - 1];
  return e->synonyms[l][i - 1 - e->nvariants[l]];
}

const struct text *
bitext_pick (const struct bitext *bt, enum lang l, enum lang *actual)
{
  const struct text *t = bitext_get (bt, l);
  enum lang a = l;
  if (t == NULL)
    {
      a = lang_other (l);
      t = bitext_get (bt, a);
    }
  if (actual)
    *actual = a;
  return t;
}

size_t
library_document_count (const struct library *lib)
{
  size_t n = 0;
  for (size_t i = 0; i < lib->ncolls; i++)
    n += lib->colls[i].ndocs;
  return n;
}

const struct document *
library_document (const struct library *lib, size_t i)
{
  /* (As strchr: the one walk, for either constness.)  */
  return library_document_rw ((struct library *) lib, i);
}

struct document *
library_document_rw (struct library *lib, size_t i)
{
  for (size_t c = 0; c < lib->ncolls; c++)
    {
      if (i < lib->colls[c].ndocs)
        return &lib->colls[c].docs[i];
      i -= lib->colls[c].ndocs;
    }
  return NULL;
}

/* The index in C of its document NUMBER, or SIZE_MAX: the loader keeps
   a collection's documents in number order, one of each.  */
static size_t
collection_index (const struct collection *c, long number)
{
  size_t lo = 0, hi = c->ndocs;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (c->docs[mid].number == number)
        return mid;
      if (c->docs[mid].number < number)
        lo = mid + 1;
      else
        hi = mid;
    }
  return SIZE_MAX;
}

static const struct document *
collection_find (const struct collection *c, const char *num)
{
  char *end;
  if (*num == '\0' || *num == '-' || *num == '+')
    return NULL;
  long n = strtol (num, &end, 10);
  if (*end != '\0')
    return NULL;
  size_t i = collection_index (c, n);
  return i == SIZE_MAX ? NULL : &c->docs[i];
}

static int
bitext_has (const struct bitext *bt, enum lang l)
{
  return bt->side[l].origin != ORIGIN_NONE;
}

int
document_has_lang (const struct document *doc, enum lang l)
{
  if (bitext_has (&doc->title, l) || doc->keywords.count[l] > 0)
    return 1;
  for (size_t s = 0; s < doc->nsections; s++)
    {
      if (bitext_has (&doc->sections[s].title, l))
        return 1;
      for (size_t b = 0; b < doc->sections[s].nblocks; b++)
        if (bitext_has (&doc->sections[s].blocks[b].text, l))
          return 1;
    }
  return 0;
}

char *
document_region_folded (const struct document *doc)
{
  struct buf b = { 0 };
  const struct bitext *bts[2] = { &doc->region, &doc->procuratorate };
  for (int k = 0; k < 2; k++)
    for (int l = 0; l < LANG_COUNT; l++)
      {
        const struct text *t = bitext_get (bts[k], (enum lang) l);
        if (t == NULL)
          continue;
        char *f = norm_fold_string (t->str, t->len);
        buf_adds (&b, f);
        buf_addc (&b, ANALYZE_BARRIER);
        free (f);
      }
  return buf_steal (&b);
}

int
document_in_region (const struct document *doc, const char *region)
{
  /* Folded as region: folds its value, so that list --region 廣西 or
     ＧＵＡＮＧＸＩ keeps what region:廣西 keeps.  */
  char *needle = norm_fold_string (region, strlen (region));
  char *hay = document_region_folded (doc);
  int in = strstr (hay, needle) != NULL;
  free (hay);
  free (needle);
  return in;
}

int
document_year (const struct document *doc)
{
  const char *date = doc->collection ? doc->collection->date : NULL;
  if (date == NULL)
    return 0;
  int y = 0;
  for (int i = 0; i < 4; i++)
    {
      if (date[i] < '0' || date[i] > '9')
        return 0;
      y = y * 10 + (date[i] - '0');
    }
  return y;
}

size_t
library_choices (const struct library *lib, const char *spec,
                 const struct document **out, size_t max)
{
  size_t n = 0;
  if (strchr (spec, '/'))
    return 0;
  for (size_t c = 0; c < lib->ncolls; c++)
    {
      const struct document *d = collection_find (&lib->colls[c], spec);
      if (d && n < max)
        out[n] = d;
      n += d != NULL;
    }
  return n;
}

const struct document *
library_find (const struct library *lib, const char *spec)
{
  const char *slash = strrchr (spec, '/');
  if (slash == NULL)
    {
      const struct document *d = NULL;
      return library_choices (lib, spec, &d, 1) == 1 ? d : NULL;
    }
  const struct collection *coll
    = library_collection (lib, spec, (size_t) (slash - spec));
  return coll ? collection_find (coll, slash + 1) : NULL;
}

const struct collection *
library_collection (const struct library *lib, const char *id, size_t id_len)
{
  for (size_t c = 0; c < lib->ncolls; c++)
    {
      const struct collection *coll = &lib->colls[c];
      if (coll->id && strlen (coll->id) == id_len
          && memcmp (coll->id, id, id_len) == 0)
        return coll;
    }
  /* B3/7 is batch3/7 as collection:B3 is: the name folded, when one
     collection's alone folds so (import never adds a second).  */
  char *want = norm_fold_string (id, id_len);
  const struct collection *found = NULL;
  int many = 0;
  for (size_t c = 0; c < lib->ncolls && !many; c++)
    {
      const struct collection *coll = &lib->colls[c];
      if (coll->id == NULL)
        continue;
      char *have = norm_fold_string (coll->id, strlen (coll->id));
      if (strcmp (have, want) == 0)
        {
          many = found != NULL;
          found = coll;
        }
      free (have);
    }
  free (want);
  return many ? NULL : found;
}

size_t
library_index_of (const struct library *lib, const char *coll, long number)
{
  size_t before = 0;
  for (size_t c = 0; c < lib->ncolls; c++)
    {
      const struct collection *k = &lib->colls[c];
      if (strcmp (k->id ? k->id : "", coll) == 0)
        {
          size_t i = collection_index (k, number);
          return i == SIZE_MAX ? SIZE_MAX : before + i;
        }
      before += k->ndocs;
    }
  return SIZE_MAX;
}

static void
bitext_free (struct bitext *bt)
{
  for (int l = 0; l < LANG_COUNT; l++)
    free (bt->side[l].str);
  free (bt->rev.str);
}

/* Free DOC's sections.  */
static void
sections_free (struct document *doc)
{
  for (size_t s = 0; s < doc->nsections; s++)
    {
      struct section *sec = &doc->sections[s];
      bitext_free (&sec->title);
      for (size_t b = 0; b < sec->nblocks; b++)
        {
          bitext_free (&sec->blocks[b].text);
          strv_free (sec->blocks[b].glossary_ok,
                             sec->blocks[b].nglossary_ok);
        }
      free (sec->blocks);
    }
  free (doc->sections);
  doc->sections = NULL;
  doc->nsections = 0;
}

void
document_drop_body (struct document *doc)
{
  sections_free (doc);
  doc->partial = 1;
}

void
document_free (struct document *doc)
{
  free (doc->path);
  bitext_free (&doc->title);
  bitext_free (&doc->procuratorate);
  bitext_free (&doc->region);
  for (int l = 0; l < LANG_COUNT; l++)
    strv_free (doc->keywords.items[l], doc->keywords.count[l]);
  strv_free (doc->keywords.rev_items, doc->keywords.rev_count);
  sections_free (doc);
  memset (doc, 0, sizeof *doc);
}

void
collection_free (struct collection *coll)
{
  for (size_t d = 0; d < coll->ndocs; d++)
    document_free (&coll->docs[d]);
  free (coll->docs);
  free (coll->id);
  free (coll->dir);
  free (coll->date);
  free (coll->source);
  bitext_free (&coll->title);
  bitext_free (&coll->publisher);
  bitext_free (&coll->theme);
  memset (coll, 0, sizeof *coll);
}

int
document_walk (const struct document *doc, document_unit_fn fn, void *ctx)
{
  struct doc_unit u = { .part = PART_TITLE, .text = &doc->title,
                        .kind = UNIT_TITLE };
  int rc = fn (ctx, &u);
  for (size_t s = 0; s < doc->nsections && rc == 0; s++)
    {
      const struct section *sec = &doc->sections[s];
      u = (struct doc_unit) { .part = PART_SECTION, .section = s,
                              .text = &sec->title, .kind = UNIT_HEADING };
      rc = fn (ctx, &u);
      for (size_t b = 0; b < sec->nblocks && rc == 0; b++)
        {
          const struct block *blk = &sec->blocks[b];
          u = (struct doc_unit) {
            .part = PART_BLOCK, .section = s, .block = b, .text = &blk->text,
            .kind = blk->kind == BLOCK_KEYWORDS ? UNIT_KEYWORDS
                    : blk->kind == BLOCK_HEADING ? UNIT_HEADING
                    : UNIT_PARAGRAPH
          };
          rc = fn (ctx, &u);
        }
    }
  return rc;
}

void
library_free (struct library *lib)
{
  if (lib == NULL)
    return;
  for (size_t c = 0; c < lib->ncolls; c++)
    collection_free (&lib->colls[c]);
  free (lib->colls);
  glossary_free (&lib->glossary);
  free (lib->root);
  free (lib);
}

void
glossary_free (struct glossary *g)
{
  for (size_t i = 0; i < g->count; i++)
    for (int l = 0; l < LANG_COUNT; l++)
      {
        free (g->entries[i].term[l]);
        strv_free (g->entries[i].variants[l],
                           g->entries[i].nvariants[l]);
        strv_free (g->entries[i].synonyms[l],
                   g->entries[i].nsynonyms[l]);
      }
  free (g->entries);
  free (g->path);
  memset (g, 0, sizeof *g);
}
