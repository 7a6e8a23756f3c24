/* termcheck.c -- the glossary check of `casebook check --glossary`: in
   every text the project translated, each glossary term that the
   release's side uses must have a rendering on the translated side.
   Reports through diagnostics; prints nothing.  */

#include <config.h>
#include "termcheck.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "norm.h"

/* Does folded text F contain any form of glossary entry E in L?  */
static int
glossary_in (const char *f, const struct glossary_entry *e, enum lang l)
{
  /* A synonym (an inflection, an abbreviation) is a rendering too.  */
  for (size_t v = 0; v <= e->nvariants[l] + e->nsynonyms[l]; v++)
    {
      const char *form = v == 0 ? e->term[l]
        : v <= e->nvariants[l] ? e->variants[l][v - 1]
        : e->synonyms[l][v - 1 - e->nvariants[l]];
      char *ff = norm_fold_string (form, strlen (form));
      int hit = *ff && strstr (f, ff) != NULL;
      free (ff);
      if (hit)
        return 1;
    }
  return 0;
}

/* The folded forms of every glossary entry in one language, computed once
   for a whole check.  */
struct folded_forms
{
  char **forms;                 /* all forms, entry after entry */
  size_t *entry;                /* the entry of each form */
  size_t count;
};

static void
fold_forms (const struct glossary *g, enum lang l, struct folded_forms *ff)
{
  size_t alloc = 0, ealloc = 0;
  memset (ff, 0, sizeof *ff);
  for (size_t k = 0; k < g->count; k++)
    for (size_t v = 0; v <= g->entries[k].nvariants[l]; v++)
      {
        const char *form = v == 0 ? g->entries[k].term[l]
                                  : g->entries[k].variants[l][v - 1];
        char *f = norm_fold_string (form, strlen (form));
        if (*f == '\0')
          {
            free (f);
            continue;
          }
        ff->forms = xgrow (ff->forms, &alloc, ff->count + 1, sizeof *ff->forms);
        ff->entry = xgrow (ff->entry, &ealloc, ff->count + 1, sizeof *ff->entry);
        ff->forms[ff->count] = f;
        ff->entry[ff->count++] = k;
      }
}

static void
free_forms (struct folded_forms *ff)
{
  for (size_t i = 0; i < ff->count; i++)
    free (ff->forms[i]);
  free (ff->forms);
  free (ff->entry);
}

/* Entries of the glossary that occur in folded text S by themselves: an
   occurrence that lies inside an occurrence of a longer form of another
   entry ("检察官" inside "检察官助理") belongs to that longer term and
   does not count.  Sets NEEDED[k] for each such entry K.  */
static void
terms_in (const char *s, const struct folded_forms *ff, char *needed)
{
  size_t len = strlen (s);
  /* COVER[i]: the end of the longest form starting at or before i that
     covers byte i.  Built from every occurrence of every form.  */
  size_t *best_end = xcalloc (len + 1, sizeof *best_end);
  for (size_t i = 0; i < ff->count; i++)
    {
      size_t n = strlen (ff->forms[i]);
      for (const char *p = strstr (s, ff->forms[i]); p; p = strstr (p + 1, ff->forms[i]))
        {
          size_t at = (size_t) (p - s);
          if (at + n > best_end[at])
            best_end[at] = at + n;
        }
    }
  /* REACH[i]: the furthest end of an occurrence starting before i, so
     that "is this occurrence inside a longer one" is one comparison.  */
  size_t *reach = xcalloc (len + 1, sizeof *reach);
  for (size_t i = 1; i <= len; i++)
    reach[i] = reach[i - 1] > best_end[i - 1] ? reach[i - 1] : best_end[i - 1];
  for (size_t i = 0; i < ff->count; i++)
    {
      size_t n = strlen (ff->forms[i]);
      for (const char *p = strstr (s, ff->forms[i]); p; p = strstr (p + 1, ff->forms[i]))
        {
          size_t at = (size_t) (p - s);
          /* Covered by an occurrence that starts earlier and reaches as
             far, or by a longer one that starts here.  */
          int covered = reach[at] >= at + n || best_end[at] > at + n;
          if (!covered)
            {
              needed[ff->entry[i]] = 1;
              break;
            }
        }
    }
  free (best_end);
  free (reach);
}

/* The glossary terms of SRC must have a rendering in DST, the project's
   text in TR, of block BLK of DOC.  Returns the misses, each a warning
   in D; WHAT names DST's kind.  */
static size_t
check_pair (const struct glossary *g, const struct folded_forms *forms,
            char *needed, const struct document *doc, const struct block *blk,
            const struct text *src, const struct text *dst, enum lang tr,
            int revision, struct diags *d)
{
  size_t misses = 0;
  char *fs = norm_fold_string (src->str, src->len);
  char *fd = norm_fold_string (dst->str, dst->len);
  memset (needed, 0, g->count + 1);
  terms_in (fs, &forms[lang_other (tr)], needed);
  /* Terms the content says it leaves out on purpose.  */
  for (size_t k = 0; k < g->count; k++)
    for (size_t j = 0; j < blk->nglossary_ok; j++)
      if (strcmp (blk->glossary_ok[j], g->entries[k].term[LANG_ZH]) == 0)
        needed[k] = 0;
  for (size_t k = 0; k < g->count; k++)
    if (needed[k] && !glossary_in (fd, &g->entries[k], tr))
      {
        if (revision)
          diags_add (d, DIAG_WARNING, doc->path, dst->line,
                     _("glossary term '%s' / '%s' has no rendering in the "
                       "English revision"),
                     g->entries[k].term[LANG_ZH], g->entries[k].term[LANG_EN]);
        else
          diags_add (d, DIAG_WARNING, doc->path, dst->line,
                     _("glossary term '%s' / '%s' has no rendering in "
                       "the %s translation"),
                     g->entries[k].term[LANG_ZH],
                     g->entries[k].term[LANG_EN], lang_code (tr));
        misses++;
      }
  free (fs);
  free (fd);
  return misses;
}

/* Each block with a project translation, against the folded forms of
   the other language's terms; and each revision of the release's
   English, against the Chinese beside it.  */
size_t
termcheck_library (const struct library *lib, struct diags *d)
{
  size_t misses = 0;
  const struct glossary *g = &lib->glossary;
  struct folded_forms forms[LANG_COUNT];
  for (int l = 0; l < LANG_COUNT; l++)
    fold_forms (g, (enum lang) l, &forms[l]);
  char *needed = xcalloc (g->count + 1, 1);
  size_t n = library_document_count (lib);
  for (size_t i = 0; i < n; i++)
    {
      const struct document *doc = library_document (lib, i);
      for (size_t s = 0; s < doc->nsections; s++)
        for (size_t b = 0; b < doc->sections[s].nblocks; b++)
          {
            const struct block *blk = &doc->sections[s].blocks[b];
            const struct bitext *bt = &blk->text;
            const struct text *tz = bitext_get (bt, LANG_ZH);
            const struct text *te = bitext_get (bt, LANG_EN);
            if (!tz || !te)
              continue;
            if (bt->rev.origin == ORIGIN_REVISION)
              misses += check_pair (g, forms, needed, doc, blk, tz, &bt->rev,
                                    LANG_EN, 1, d);
            enum lang tr;
            if (tz->origin == ORIGIN_TRANSLATION && te->origin == ORIGIN_RELEASE)
              tr = LANG_ZH;
            else if (te->origin == ORIGIN_TRANSLATION && tz->origin == ORIGIN_RELEASE)
              tr = LANG_EN;
            else
              continue;
            const struct text *src = tr == LANG_ZH ? te : tz;
            const struct text *dst = tr == LANG_ZH ? tz : te;
            misses += check_pair (g, forms, needed, doc, blk, src, dst, tr, 0, d);
          }
    }
  free (needed);
  for (int l = 0; l < LANG_COUNT; l++)
    free_forms (&forms[l]);
  return misses;
}
