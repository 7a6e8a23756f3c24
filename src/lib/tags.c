/* tags.c -- collect a library's tags (see tags.h).  A hash from folded
   keyword to tag keeps this linear: a library may carry a hundred
   thousand keywords, and comparing each with every tag so far took
   seconds to minutes.  */

#include <config.h>
#include "tags.h"

#include <stdlib.h>
#include <string.h>

#include "norm.h"
#include "util.h"

void
tags_collect (const struct library *lib, enum lang l, int revised,
              struct tag_table *t)
{
  memset (t, 0, sizeof *t);
  size_t n = library_document_count (lib);
  for (size_t i = 0; i < n; i++)
    {
      const struct document *d = library_document (lib, i);
      size_t count, npartner;
      char *const *items = keywords_view (&d->keywords, l, revised, &count);
      enum lang al = l;
      if (count == 0)
        {
          al = lang_other (l);
          items = keywords_view (&d->keywords, al, revised, &count);
        }
      char *const *partner = keywords_partner (&d->keywords, al, revised,
                                               &npartner);
      for (size_t k = 0; k < count; k++)
        {
          const char *name = items[k];
          char *f = norm_fold_string (name, strlen (name));
          size_t *at = strmap_get (&t->index, f);
          struct tag *g;
          if (at)
            {
              g = &t->items[*at];
              free (f);
            }
          else
            {
              t->items = xgrow (t->items, &t->alloc, t->count + 1,
                                sizeof *t->items);
              g = &t->items[t->count];
              memset (g, 0, sizeof *g);
              g->folded = f;
              g->name = name;
              g->other = k < npartner ? partner[k] : NULL;
              g->lang = al;
              g->name_origin = keywords_view_origin (&d->keywords, al,
                                                     revised);
              g->other_origin = keywords_partner_origin (&d->keywords, al,
                                                         revised);
              strmap_put (&t->index, f, t->count);
              t->count++;
            }
          /* A keyword listed twice in one document counts once.  */
          if (g->last_doc != i + 1)
            {
              g->last_doc = i + 1;
              g->docs = xgrow (g->docs, &g->docs_alloc, g->ndocs + 1,
                               sizeof *g->docs);
              g->colls = xgrow (g->colls, &g->colls_alloc, g->ndocs + 1,
                                sizeof *g->colls);
              g->colls[g->ndocs] = d->collection && d->collection->id
                ? d->collection->id : "";
              g->docs[g->ndocs++] = d->number;
            }
        }
    }
}

void
tags_table_free (struct tag_table *t)
{
  for (size_t i = 0; i < t->count; i++)
    {
      free (t->items[i].folded);
      free (t->items[i].docs);
      free (t->items[i].colls);
    }
  free (t->items);
  strmap_free (&t->index);
  memset (t, 0, sizeof *t);
}
