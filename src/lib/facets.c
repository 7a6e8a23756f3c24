/* facets.c -- count a document set's facet values (see facets.h).

   A value is counted by asking of every document of the set what the
   engine asks of it for the value's query term, never by counting where
   the value came from: "吉林" counts a document whose procuratorate is in
   吉林 even when its region says something else, as region:吉林 finds
   it.  The rules, as engine_search.c and index.c apply them:
   - collection:NAME  the folded collection id equals NAME folded;
   - year:YYYY        the year of the collection's date;
   - region:PLACE     PLACE folded occurs in the folded region or
                      procuratorate, either language;
   - tag:KEYWORD      a keyword, either language, folds to KEYWORD.  */

#include <config.h>
#include "facets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "norm.h"
#include "query.h"
#include "strmap.h"
#include "util.h"

/* China's province-level divisions as regions are written, the short
   name first, and the suffixes a full name adds to it.  */
static const char *const provinces[] = {
  "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江",
  "上海", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北",
  "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏",
  "陕西", "甘肃", "青海", "宁夏", "新疆", "香港", "澳门", "台湾",
};
static const char *const province_suffixes[] = {
  "壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区",
  "省", "市",
};

void
facets_split_region_zh (const char *s, size_t len, size_t *prov_len)
{
  *prov_len = 0;
  for (size_t i = 0; i < sizeof provinces / sizeof *provinces; i++)
    {
      size_t n = strlen (provinces[i]);
      if (n <= len && memcmp (s, provinces[i], n) == 0)
        {
          *prov_len = n;
          return;
        }
    }
}

/* Bytes of the suffix of a province's full name at S (LEN bytes), or
   0.  */
static size_t
province_suffix (const char *s, size_t len)
{
  for (size_t i = 0; i < sizeof province_suffixes / sizeof *province_suffixes;
       i++)
    {
      size_t n = strlen (province_suffixes[i]);
      if (n <= len && memcmp (s, province_suffixes[i], n) == 0)
        return n;
    }
  return 0;
}

const char *
facet_kind_name (enum facet_kind k)
{
  static const char *const names[FACET_KIND_COUNT] = {
    "collection", "year", "region", "keyword"
  };
  return names[k];
}

/* What one document offers the counts: its folded fields.  */
struct doc_fields
{
  char *region;                 /* document_region_folded */
  char **keywords;              /* folded, both languages */
  size_t nkeywords;
  char *coll;                   /* folded id */
  int year;
};

static void
fields_fill (const struct document *d, struct doc_fields *f)
{
  memset (f, 0, sizeof *f);
  f->region = document_region_folded (d);
  for (int l = 0; l < LANG_COUNT; l++)
    for (size_t k = 0; k < d->keywords.count[l]; k++)
      {
        const char *kw = d->keywords.items[l][k];
        f->keywords = xrealloc (f->keywords, (f->nkeywords + 1)
                                * sizeof *f->keywords);
        f->keywords[f->nkeywords++] = norm_fold_string (kw, strlen (kw));
      }
  const char *id = d->collection ? d->collection->id : "";
  f->coll = norm_fold_string (id, strlen (id));
  f->year = document_year (d);
}

static void
fields_free (struct doc_fields *f)
{
  free (f->region);
  for (size_t k = 0; k < f->nkeywords; k++)
    free (f->keywords[k]);
  free (f->keywords);
  free (f->coll);
}

/* A value being gathered: its text as shown, its folded key, and where
   it comes from.  */
struct pending
{
  enum facet_kind kind;
  char *value;
  char *folded;
  int year;
  size_t order;                 /* first appearance */
  size_t parent;                /* a place: its province's index + 1 */
  size_t count;
};

struct gather
{
  struct pending *items;
  size_t n, alloc;
  struct strmap index[FACET_KIND_COUNT];
};

/* The index of the value S (LEN bytes) of kind K, added if new.  */
static size_t
gather_add (struct gather *g, enum facet_kind k, const char *s, size_t len)
{
  char *folded = norm_fold_string (s, len);
  size_t *at = strmap_get (&g->index[k], folded);
  if (at)
    {
      free (folded);
      return *at;
    }
  g->items = xgrow (g->items, &g->alloc, g->n + 1, sizeof *g->items);
  struct pending *p = &g->items[g->n];
  memset (p, 0, sizeof *p);
  p->kind = k;
  p->value = xstrndup (s, len);
  p->folded = folded;
  p->order = g->n;
  strmap_put (&g->index[k], folded, g->n);
  return g->n++;
}

/* Bytes of the separator (space, comma, 、) at S (LEN bytes), or 0.  */
static size_t
separator_len (const char *s, size_t len)
{
  if (len >= 1 && (*s == ' ' || *s == ','))
    return 1;
  if (len >= 3 && (memcmp (s, "\xef\xbc\x8c", 3) == 0
                   || memcmp (s, "\xe3\x80\x80", 3) == 0
                   || memcmp (s, "\xe3\x80\x81", 3) == 0))
    return 3;
  return 0;
}

/* The region values of D in language L (else the other): its province
   and its place.  English regions are written "Place, Province";
   Chinese ones "省份地方" (内蒙古呼伦贝尔).  */
static void
gather_region (struct gather *g, const struct document *d, enum lang l)
{
  enum lang al;
  const struct text *t = bitext_pick (&d->region, l, &al);
  if (t == NULL || t->len == 0)
    return;
  const char *s = t->str;
  size_t len = t->len;
  const char *place = NULL, *prov = s;
  size_t place_len = 0, prov_len = len;
  if (al == LANG_EN)
    {
      const char *comma = NULL;
      for (const char *c = s; c < s + len; c++)
        if (*c == ',')
          comma = c;
      if (comma)
        {
          place = s;
          place_len = (size_t) (comma - s);
          prov = comma + 1;
          prov_len = len - (size_t) (prov - s);
          while (prov_len && *prov == ' ')
            prov++, prov_len--;
        }
    }
  else
    {
      size_t n;
      facets_split_region_zh (s, len, &n);
      if (n > 0 && n < len)
        {
          prov_len = n;
          place = s + n + province_suffix (s + n, len - n);
          place_len = len - (size_t) (place - s);
          size_t sep;
          while ((sep = separator_len (place, place_len)) > 0)
            {
              place += sep;
              place_len -= sep;
            }
        }
    }
  size_t pi = gather_add (g, FACET_REGION, prov, prov_len);
  if (place && place_len > 0)
    {
      size_t ci = gather_add (g, FACET_REGION, place, place_len);
      if (g->items[ci].parent == 0 && ci != pi)
        g->items[ci].parent = pi + 1;
    }
}

/* Every value the N documents DOCS name.  */
static void
gather_values (struct gather *g, const struct library *lib,
               const struct document *const *docs, size_t n, enum lang l)
{
  for (size_t c = 0; c < lib->ncolls; c++)
    {
      /* Collections in library order, those of the set only.  */
      int in_set = 0;
      for (size_t i = 0; i < n && !in_set; i++)
        in_set = docs[i]->collection == &lib->colls[c];
      if (in_set)
        gather_add (g, FACET_COLLECTION, lib->colls[c].id,
                    strlen (lib->colls[c].id));
    }
  for (size_t i = 0; i < n; i++)
    {
      const struct document *d = docs[i];
      int y = document_year (d);
      if (y > 0)
        {
          char ys[16];
          int len = snprintf (ys, sizeof ys, "%d", y);
          /* (gather_add may move the items: asked first.)  */
          size_t at = gather_add (g, FACET_YEAR, ys, (size_t) len);
          g->items[at].year = y;
        }
      gather_region (g, d, l);
      enum lang kl = d->keywords.count[l] ? l : lang_other (l);
      for (size_t k = 0; k < d->keywords.count[kl]; k++)
        {
          const char *kw = d->keywords.items[kl][k];
          gather_add (g, FACET_KEYWORD, kw, strlen (kw));
        }
    }
}

/* Documents of FIELDS (N of them) that value P keeps.  */
static size_t
count_value (const struct pending *p, const struct doc_fields *fields,
             size_t n)
{
  size_t count = 0;
  for (size_t i = 0; i < n; i++)
    {
      const struct doc_fields *f = &fields[i];
      int keep = 0;
      switch (p->kind)
        {
        case FACET_COLLECTION:
          keep = strcmp (f->coll, p->folded) == 0;
          break;
        case FACET_YEAR:
          keep = f->year == p->year;
          break;
        case FACET_REGION:
          keep = strstr (f->region, p->folded) != NULL;
          break;
        case FACET_KEYWORD:
          for (size_t k = 0; k < f->nkeywords && !keep; k++)
            keep = strcmp (f->keywords[k], p->folded) == 0;
          break;
        default:
          break;
        }
      count += keep;
    }
  return count;
}

/* Order: kind; collections as met; years newest first; provinces and
   keywords by count, then as met.  Places follow their province (see
   facets_collect).  */
static int
pending_cmp (const void *a, const void *b)
{
  const struct pending *x = a, *y = b;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->kind == FACET_YEAR)
    return (x->year < y->year) - (x->year > y->year);
  if (x->kind != FACET_COLLECTION && x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return (x->order > y->order) - (x->order < y->order);
}

char *
facets_query_term (enum facet_kind k, const char *v)
{
  static const char *const prefix[FACET_KIND_COUNT] = {
    "collection:", "year:", "region:", "tag:"
  };
  /* Plain where the query language reads it as one word (query.c,
     which says where a term ends), and it starts no quotation.  */
  int plain = query_value_is_one_word (v) && strchr (v, '"') == NULL
    && strncmp (v, "\xe2\x80\x9c", 3) != 0 && strncmp (v, "\xef\xbc\x82", 3) != 0
    && strncmp (v, "\xe3\x80\x8c", 3) != 0 && strncmp (v, "\xe3\x80\x8e", 3) != 0;
  if (plain)
    return xasprintf ("%s%s", prefix[k], v);
  /* In marks that do not occur in it: the first that closes it is the
     phrase's end.  */
  if (strchr (v, '"') == NULL)
    return xasprintf ("%s\"%s\"", prefix[k], v);
  if (strstr (v, "\xe3\x80\x8d") == NULL)
    return xasprintf ("%s\xe3\x80\x8c%s\xe3\x80\x8d", prefix[k], v);
  return xasprintf ("%s\xe3\x80\x8e%s\xe3\x80\x8f", prefix[k], v);
}

static void
emit (struct facet_table *t, size_t *alloc, const struct pending *p,
      int level)
{
  t->items = xgrow (t->items, alloc, t->n + 1, sizeof *t->items);
  struct facet_value *v = &t->items[t->n++];
  v->kind = p->kind;
  v->level = level;
  v->value = xstrdup (p->value);
  v->query = facets_query_term (p->kind, p->value);
  v->count = p->count;
}

void
facets_collect (const struct library *lib,
                const struct document *const *docs, size_t n,
                enum lang l, struct facet_table *t)
{
  memset (t, 0, sizeof *t);
  struct gather g = { 0 };
  gather_values (&g, lib, docs, n, l);
  struct doc_fields *fields = xcalloc (n ? n : 1, sizeof *fields);
  for (size_t i = 0; i < n; i++)
    fields_fill (docs[i], &fields[i]);
  for (size_t i = 0; i < g.n; i++)
    g.items[i].count = count_value (&g.items[i], fields, n);
  for (size_t i = 0; i < n; i++)
    fields_free (&fields[i]);
  free (fields);
  /* Sorting moves the provinces: remember each by its first
     appearance, which stays in ORDER.  */
  qsort (g.items, g.n, sizeof *g.items, pending_cmp);
  size_t alloc = 0;
  for (size_t i = 0; i < g.n; i++)
    {
      const struct pending *p = &g.items[i];
      if (p->kind == FACET_REGION && p->parent != 0)
        continue;               /* emitted after its province */
      emit (t, &alloc, p, p->kind == FACET_REGION ? 1 : 0);
      if (p->kind != FACET_REGION)
        continue;
      for (size_t j = 0; j < g.n; j++)
        if (g.items[j].kind == FACET_REGION
            && g.items[j].parent == p->order + 1)
          emit (t, &alloc, &g.items[j], 2);
    }
  for (size_t i = 0; i < g.n; i++)
    {
      free (g.items[i].value);
      free (g.items[i].folded);
    }
  free (g.items);
  for (int k = 0; k < FACET_KIND_COUNT; k++)
    strmap_free (&g.index[k]);
}

void
facets_free (struct facet_table *t)
{
  for (size_t i = 0; i < t->n; i++)
    {
      free (t->items[i].value);
      free (t->items[i].query);
    }
  free (t->items);
  memset (t, 0, sizeof *t);
}
