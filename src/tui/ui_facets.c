/* ui_facets.c -- F: the facets of the cases listed (facets.h, the
   table `casebook list --facets' prints): each collection, year, region
   (a province, its places under it) and keyword with the number of
   listed cases it keeps.  Enter limits the list to them by adding the
   value's query term to the limit (collection:, year:, region:, tag:),
   so facets narrow a limit step by step and & shows the whole limit.  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "facets.h"
#include "i18n.h"
#include "ui_priv.h"

/* The kind's name in the label column.  */
static const char *
kind_label (enum facet_kind k)
{
  static const char *const labels[FACET_KIND_COUNT] = {
    N_("Collection"), N_("Year"), N_("Region"), N_("Keyword")
  };
  return _(labels[k]);
}

static void
facet_choose (struct ui *u, const struct pick_item *it)
{
  char *limit = u->limit_text ? xasprintf ("%s %s", u->limit_text, it->query)
    : xstrdup (it->query);
  list_limit (u, limit);
  free (limit);
}

void
facets_open (struct ui *u)
{
  const struct document **set = xcalloc (u->nvis ? u->nvis : 1,
                                         sizeof *set);
  for (size_t i = 0; i < u->nvis; i++)
    set[i] = u->docs[u->vis[i]];
  struct facet_table t;
  facets_collect (u->lib, set, u->nvis, u->lang, &t);
  free (set);
  pick_close (u);
  struct pick *pk = &u->pick;
  pk->items = xcalloc (t.n ? t.n : 1, sizeof *pk->items);
  for (size_t i = 0; i < t.n; i++)
    {
      const struct facet_value *v = &t.items[i];
      struct pick_item *it = &pk->items[i];
      if (i == 0 || t.items[i - 1].kind != v->kind)
        it->label = xstrdup (kind_label (v->kind));
      it->text = xstrdup (v->value);
      it->indent = v->level == 2 ? 2 : 0;
      it->note = xasprintf ("%zu", v->count);
      it->query = xstrdup (v->query);
    }
  pk->lw.n = t.n;
  facets_free (&t);
  pk->title = u->limit_text
    /* TRANSLATORS: the facet list's title under a limit.  */
    ? xasprintf (ngettext ("Facets of the %zu case listed (Enter: limit "
                           "to it, Esc: close)",
                           "Facets of the %zu cases listed (Enter: limit "
                           "to it, Esc: close)", u->nvis), u->nvis)
    : xstrdup (_("Facets of every case (Enter: limit to it, Esc: close)"));
  pk->lines = 1;
  pk->choose = facet_choose;
  pick_open (u);
}
