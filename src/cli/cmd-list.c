/* cmd-list.c -- casebook list: one line per document, its number (with
   its collection, in a library of several), its region (padded to the
   widest) and its title, or one JSON object per document with --json;
   --region and --year keep the documents of that region or year;
   --facets lists instead each facet value of those documents with the
   number it keeps and the query term that keeps them (facets.h).  */

#include <config.h>
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "facets.h"
#include "i18n.h"
#include "layout.h"
#include "norm.h"
#include "output.h"
#include "wrap.h"

/* Is D among the documents --region and --year ask for?  */
static int
list_wanted (const struct cli_options *o, const struct document *d)
{
  return !((o->region && !document_in_region (d, o->region))
           || (o->year && document_year (d) != o->year));
}

/* --facets: "  9  collection:batch3", a place indented under its
   province; or one JSON object per value.  */
static int
list_facets (const struct cli_options *o, const struct library *lib)
{
  size_t n = library_document_count (lib), nset = 0;
  const struct document **set = xcalloc (n ? n : 1, sizeof *set);
  for (size_t i = 0; i < n; i++)
    if (list_wanted (o, library_document (lib, i)))
      set[nset++] = library_document (lib, i);
  struct facet_table t;
  facets_collect (lib, set, nset, cmd_reader_lang (o), &t);
  free (set);
  size_t widest = 0;
  for (size_t i = 0; i < t.n; i++)
    if (t.items[i].count > widest)
      widest = t.items[i].count;
  int numw = snprintf (NULL, 0, "%zu", widest);
  for (size_t i = 0; i < t.n; i++)
    {
      const struct facet_value *v = &t.items[i];
      if (o->json)
        {
          printf ("{\"facet\":\"%s\",\"value\":", facet_kind_name (v->kind));
          output_json_string (stdout, v->value, strlen (v->value));
          printf (",\"query\":");
          output_json_string (stdout, v->query, strlen (v->query));
          printf (",\"documents\":%zu", v->count);
          if (v->kind == FACET_REGION)
            printf (",\"level\":%d", v->level);
          printf ("}\n");
          continue;
        }
      printf ("%*zu  %s", numw, v->count, v->level == 2 ? "  " : "");
      /* In traditional script when asked, as the rest is shown: a
         query folds it back (region:內蒙古 keeps what region:内蒙古
         does).  */
      output_lang (o, LANG_ZH, v->query, strlen (v->query));
      putchar ('\n');
    }
  int rc = nset > 0 || (o->region == NULL && o->year == 0) ? 0 : 1;
  facets_free (&t);
  return rc;
}

static int
cmd_list_exec (const struct cli_options *o, const struct library *lib,
               int argc, char **argv)
{
  (void) argc;
  (void) argv;
  if (o->facets)
    return list_facets (o, lib);
  enum lang l = cmd_reader_lang (o);
  size_t n = library_document_count (lib);
  int marks = output_marks_shown ();
  int region_w = 0;
  for (size_t i = 0; i < n; i++)
    {
      const struct text *r = bitext_pick (&library_document (lib, i)->region, l, NULL);
      if (r == NULL)
        continue;
      struct visible v;
      norm_visible (r->str, r->len, 0, &v);
      int rw = norm_width (v.str, v.len) + (marks && text_is_project (r));
      if (rw > region_w)
        region_w = rw;
      norm_visible_free (&v);
    }
  /* "COLLECTION/N" padded to the widest, so that the regions and
     titles of collections with names of different lengths line up.  */
  int ref_w = 0;
  for (size_t i = 0; i < n && lib->ncolls > 1; i++)
    {
      const struct document *d = library_document (lib, i);
      int w = norm_width (d->collection->id, strlen (d->collection->id))
        + snprintf (NULL, 0, "/%ld", d->number);
      if (w > ref_w)
        ref_w = w;
    }
  /* The numbers right-aligned, two columns at least: a batch numbers
     its cases from 1, and an import may number a case 1001.  */
  int num_w = 2;
  for (size_t i = 0; i < n && lib->ncolls <= 1; i++)
    {
      int w = snprintf (NULL, 0, "%ld", library_document (lib, i)->number);
      if (w > num_w)
        num_w = w;
    }
  int width = wrap_width (o);
  char num[64];
  size_t shown = 0;
  for (size_t i = 0; i < n; i++)
    {
      const struct document *d = library_document (lib, i);
      if (!list_wanted (o, d))
        continue;
      shown++;
      enum lang tl, rl;
      const struct text *t = bitext_pick (&d->title, l, &tl);
      if (tl == LANG_EN)        /* --english=revised: the revised title */
        t = bitext_view (&d->title, LANG_EN, o->english_revised);
      const struct text *r = bitext_pick (&d->region, l, &rl);
      if (o->json)
        {
          printf ("{\"document\":%ld,\"collection\":", d->number);
          output_json_string (stdout, d->collection->id, strlen (d->collection->id));
          /* The name that tells it from another collection's document
             of its number, as tags --json gives it ("batch3/7").  */
          char *name = xasprintf ("%s/%ld", d->collection->id, d->number);
          printf (",\"name\":");
          output_json_string (stdout, name, strlen (name));
          free (name);
          output_json_marked (stdout, "region_zh",
                              bitext_get (&d->region, LANG_ZH));
          output_json_marked (stdout, "region_en",
                              bitext_get (&d->region, LANG_EN));
          output_json_marked (stdout, "title_zh",
                              bitext_get (&d->title, LANG_ZH));
          output_json_marked (stdout, "title_en",
                              bitext_view (&d->title, LANG_EN,
                                           o->english_revised));
          printf (",\"path\":");
          output_json_string (stdout, d->path, strlen (d->path));
          printf ("}\n");
          continue;
        }
      /* In a library of several collections a plain number may be
         ambiguous: name the collection.  A long title folds under
         itself at word boundaries.  */
      struct wrap w;
      wrap_begin (&w, width);
      if (lib->ncolls > 1)
        {
          const char *id = d->collection->id;
          wrap_add (&w, id, strlen (id), NULL);
          int pad = ref_w - norm_width (id, strlen (id))
            - snprintf (NULL, 0, "/%ld", d->number);
          char *ref = xasprintf ("/%ld%*s  ", d->number, pad > 0 ? pad : 0,
                                 "");
          wrap_add (&w, ref, strlen (ref), NULL);
          free (ref);
        }
      else
        {
          snprintf (num, sizeof num, "%*ld  ", num_w, d->number);
          wrap_add (&w, num, strlen (num), NULL);
        }
      /* On a terminal, a region or title the project wrote ends with
         "*", as show marks it (the column one wider for it).  */
      struct visible rv;
      norm_visible (r ? r->str : "", r ? r->len : 0, 0, &rv);
      struct buf region = { 0 };
      buf_add (&region, rv.str, rv.len);
      if (marks && text_is_project (r))
        buf_addc (&region, '*');
      char *reg = layout_fit (region.data ? region.data : "", region.len,
                              region_w);
      wrap_add_lang (&w, o, rl, reg, strlen (reg), NULL);
      free (reg);
      buf_free (&region);
      norm_visible_free (&rv);
      wrap_add (&w, "  ", 2, NULL);
      int hang = wrap_col (&w);
      if (t)
        wrap_add_lang (&w, o, tl, t->str, t->len, NULL);
      if (marks && text_is_project (t))
        wrap_add (&w, "*", 1, NULL);
      wrap_end (&w, hang);
    }
  if (shown > 0 || (o->region == NULL && o->year == 0))
    return 0;
  /* A person at a terminal is told, as search and export tell them; a
     script has the exit status.  */
  if (!o->json && isatty (STDOUT_FILENO))
    {
      struct buf what = { 0 };
      if (o->region)
        buf_printf (&what, "--region %s", o->region);
      if (o->year)
        buf_printf (&what, "%s--year %d", what.len ? " " : "", o->year);
      struct visible v;
      norm_visible (what.data, what.len, 0, &v);
      fprintf (stderr, _("casebook: no document matches %s\n"), v.str);
      norm_visible_free (&v);
      buf_free (&what);
    }
  return 1;
}

const struct cmd_entry cmd_list_entry = {
  .name = "list",
  /* The line --help gives it, in the list of commands.  */
  .help = N_("  list                 one line per document: number, region, title\n"),
  .min_args = 0,
  .max_args = 0,
  .flags = CMD_LIBRARY | CMD_HEADERS,
  .options = CMD_OPT_JSON | CMD_OPT_LANG | CMD_OPT_WIDTH,
  .exec = cmd_list_exec,
};
