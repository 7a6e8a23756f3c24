/* facets.h -- the facets of a set of documents: each value of
   collection, year, region (province, then place) and keyword, with the
   number of documents it keeps and the query term that keeps them.  One
   table for `casebook list --facets' and the browser's facet prompt, so
   both give the same counts; and each count is what the query term finds
   through engine.h (collection:, year:, region:, tag:), because both
   apply the engine's rule: the same folded comparison on the same
   fields.  */

#ifndef CASEBOOK_FACETS_H
#define CASEBOOK_FACETS_H

#include <stddef.h>

#include "model.h"

enum facet_kind
{
  FACET_COLLECTION, FACET_YEAR, FACET_REGION, FACET_KEYWORD,
  FACET_KIND_COUNT
};

struct facet_value
{
  enum facet_kind kind;
  int level;                    /* regions: 1 a province (or 全国), 2 a
                                   place in the province listed before */
  char *value;                  /* as shown: "广西", "2022", "batch3" */
  char *query;                  /* the term that keeps those documents:
                                   region:广西, tag:"circuit inspection" */
  size_t count;                 /* documents of the set it keeps */
};

struct facet_table
{
  struct facet_value *items;    /* by kind in enum order; collections in
                                   library order, years newest first,
                                   provinces and keywords by count (then
                                   first appearance), each province
                                   followed by its places */
  size_t n;
};

/* Collect the facets of the N documents DOCS (all of LIB's, or a
   limited list) into T, their names in language L where a document has
   them (else the other).  Caller frees with facets_free.  */
void facets_collect (const struct library *lib,
                     const struct document *const *docs, size_t n,
                     enum lang l, struct facet_table *t);
void facets_free (struct facet_table *t);

/* The query term that keeps value V of kind K ("tag:巡回检察",
   'region:"Inner Mongolia"', "tag:「The \"dual lists\"」"): quoted
   when V holds a space or would start a quotation, in 「」 when it holds
   a '"'.  Caller frees.  */
char *facets_query_term (enum facet_kind k, const char *v);

/* "collection", "year", "region" or "keyword": the name of K in the
   JSON output (not translated).  */
const char *facet_kind_name (enum facet_kind k);

/* Split a Chinese region such as "内蒙古呼伦贝尔" into its province
   ("内蒙古") and place ("呼伦贝尔"): *PROV_LEN bytes of S are the
   province, 0 when S starts with none.  */
void facets_split_region_zh (const char *s, size_t len, size_t *prov_len);

#endif /* CASEBOOK_FACETS_H */
