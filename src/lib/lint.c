/* lint.c -- warnings about content that loads but breaks the content's
   own rules: glossary variants that are not forms met in the texts, and
   texts marked as the release's words that are not in the release.  The
   loader (content.c) refuses what cannot be read; this file only warns,
   and like the rest of the library it never prints.  */

#include <config.h>
#include "lint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "i18n.h"
#include "norm.h"

/* The folded texts of one language, one after another, separated by
   newlines (no glossary form contains one), for substring tests.  */
static void
add_text (struct buf *b, const struct text *t)
{
  if (t == NULL || t->origin == ORIGIN_NONE)
    return;
  char *f = norm_fold_string (t->str, t->len);
  buf_printf (b, "%s\n", f);
  free (f);
}

static void
add_bitext (struct buf *b, const struct bitext *bt, enum lang l,
            int release_only)
{
  const struct text *t = &bt->side[l];
  if (!release_only || t->origin == ORIGIN_RELEASE)
    add_text (b, t);
}

/* All texts of LIB in L, folded; with RELEASE_ONLY only the release's.
   Caller frees.  */
static char *
corpus (const struct library *lib, enum lang l, int release_only)
{
  struct buf b = { 0 };
  for (size_t c = 0; c < lib->ncolls; c++)
    {
      const struct collection *coll = &lib->colls[c];
      add_bitext (&b, &coll->title, l, release_only);
      add_bitext (&b, &coll->publisher, l, release_only);
      add_bitext (&b, &coll->theme, l, release_only);
      for (size_t d = 0; d < coll->ndocs; d++)
        {
          const struct document *doc = &coll->docs[d];
          add_bitext (&b, &doc->title, l, release_only);
          add_bitext (&b, &doc->procuratorate, l, release_only);
          add_bitext (&b, &doc->region, l, release_only);
          for (size_t s = 0; s < doc->nsections; s++)
            {
              const struct section *sec = &doc->sections[s];
              add_bitext (&b, &sec->title, l, release_only);
              for (size_t k = 0; k < sec->nblocks; k++)
                add_bitext (&b, &sec->blocks[k].text, l, release_only);
            }
        }
    }
  return buf_steal (&b);
}

static int
compare_strings (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static int
is_term (const struct glossary *g, enum lang l, const char *form)
{
  for (size_t i = 0; i < g->count; i++)
    if (strcmp (g->entries[i].term[l], form) == 0)
      return 1;
  return 0;
}

size_t
lint_glossary (const struct library *lib, struct diags *diags)
{
  const struct glossary *g = &lib->glossary;
  if (g->path == NULL || g->count == 0)
    return 0;
  size_t before = diags->warnings;
  /* Chinese variants may occur in any Chinese text (the project's Chinese
     is the only Chinese of most of the overview and cases 1-3); English
     variants are the release's renderings, so only its own English
     counts.  */
  char *texts[LANG_COUNT];
  texts[LANG_ZH] = corpus (lib, LANG_ZH, 0);
  texts[LANG_EN] = corpus (lib, LANG_EN, 1);
  for (size_t i = 0; i < g->count; i++)
    {
      const struct glossary_entry *e = &g->entries[i];
      for (int l = 0; l < LANG_COUNT; l++)
        for (size_t v = 0; v < e->nvariants[l]; v++)
          {
            const char *form = e->variants[l][v];
            size_t len = strlen (form);
            if (u8_mbsnlen ((const uint8_t *) form, len) == 1)
              {
                diags_add (diags, DIAG_WARNING, g->path, e->line,
                           _("variant '%s' of '%s' is a single character, "
                             "which matches far too much"),
                           form, e->term[LANG_ZH]);
                continue;
              }
            /* Checked before the other entries' terms: "also a term of
               its own" names the entry twice and reads as if two
               entries clashed, when the variant only repeats the term
               that already matches.  Compared as is_term compares: a
               form that differs only as folding does ("市(州)院") may
               be the one the texts use.  */
            if (strcmp (form, e->term[l]) == 0)
              {
                diags_add (diags, DIAG_WARNING, g->path, e->line,
                           _("variant '%s' of '%s' repeats the term itself, "
                             "which matches already"),
                           form, e->term[LANG_ZH]);
                continue;
              }
            if (is_term (g, (enum lang) l, form))
              {
                diags_add (diags, DIAG_WARNING, g->path, e->line,
                           _("variant '%s' of '%s' is also a term of its "
                             "own"), form, e->term[LANG_ZH]);
                continue;
              }
            if (lib->left_out > 0)
              continue;
            char *f = norm_fold_string (form, len);
            if (*f && strstr (texts[l], f) == NULL)
              diags_add (diags, DIAG_WARNING, g->path, e->line,
                         l == LANG_EN
                         ? _("variant '%s' of '%s' occurs nowhere in the "
                             "release's English (a synonym belongs in the "
                             "synonyms column)")
                         : _("variant '%s' of '%s' occurs nowhere in the "
                             "Chinese texts (a synonym belongs in the "
                             "synonyms column)"),
                         form, e->term[LANG_ZH]);
            free (f);
          }
    }
  for (int l = 0; l < LANG_COUNT; l++)
    free (texts[l]);
  return diags->warnings - before;
}

/* The numbers of S, one per line, sorted, as one string: "1,217" and
   "1217" are the same number; "35.4" is one.  Caller frees.  */
static char *
numbers_of (const char *s, size_t len)
{
  char **v = NULL;
  size_t n = 0, alloc = 0;
  for (size_t i = 0; i < len;)
    {
      if (s[i] < '0' || s[i] > '9')
        {
          i++;
          continue;
        }
      struct buf b = { 0 };
      while (i < len)
        {
          if (s[i] >= '0' && s[i] <= '9')
            buf_printf (&b, "%c", s[i++]);
          /* A thousands separator or a decimal point between digits.  */
          else if ((s[i] == ',' || s[i] == '.') && i + 1 < len
                   && s[i + 1] >= '0' && s[i + 1] <= '9')
            {
              if (s[i] == '.')
                buf_printf (&b, ".");
              i++;
            }
          else
            break;
        }
      v = xgrow (v, &alloc, n + 1, sizeof *v);
      v[n++] = buf_steal (&b);
    }
  if (n > 1)
    qsort (v, n, sizeof *v, compare_strings);
  struct buf out = { 0 };
  for (size_t i = 0; i < n; i++)
    buf_printf (&out, "%s%s", i ? " " : "", v[i]);
  strv_free (v, n);
  return buf_steal (&out);
}

/* Does REV name every person that T names ("Zhang Moumou": the release's
   anonymised names)?  Sets *MISSING to the first one it lacks.  */
static int
keeps_names (const struct text *t, const struct text *rev, char *missing,
             size_t size)
{
  static const char anon[] = " Moumou";
  for (const char *p = strstr (t->str, anon); p; p = strstr (p + 1, anon))
    {
      const char *start = p;
      while (start > t->str && start[-1] >= 'a' && start[-1] <= 'z')
        start--;
      if (start > t->str && start[-1] >= 'A' && start[-1] <= 'Z')
        start--;
      size_t n = (size_t) (p - start) + sizeof anon - 1;
      if (n >= size)
        continue;
      memcpy (missing, start, n);
      missing[n] = '\0';
      if (strstr (rev->str, missing) == NULL)
        return 0;
    }
  return 1;
}

static size_t
check_revision (const struct bitext *bt, const char *path,
                struct diags *diags)
{
  const struct text *t = &bt->side[LANG_EN], *rev = &bt->rev;
  if (rev->origin != ORIGIN_REVISION || t->origin != ORIGIN_RELEASE)
    return 0;
  size_t n = 0;
  char *a = numbers_of (t->str, t->len);
  char *b = numbers_of (rev->str, rev->len);
  if (strcmp (a, b) != 0)
    {
      diags_add (diags, DIAG_WARNING, path, rev->line,
                 _("the revision's numbers (%s) are not the release's (%s)"),
                 *b ? b : "-", *a ? a : "-");
      n++;
    }
  free (a);
  free (b);
  char name[64];
  if (!keeps_names (t, rev, name, sizeof name))
    {
      diags_add (diags, DIAG_WARNING, path, rev->line,
                 _("the revision leaves out '%s', whom the release names"),
                 name);
      n++;
    }
  return n;
}

size_t
lint_revisions (const struct library *lib, struct diags *diags)
{
  size_t before = diags->warnings;
  size_t nd = library_document_count (lib);
  for (size_t i = 0; i < nd; i++)
    {
      const struct document *doc = library_document (lib, i);
      check_revision (&doc->title, doc->path, diags);
      size_t release_paras = 0, revised_paras = 0;
      unsigned long first_unrevised = 0;
      for (size_t s = 0; s < doc->nsections; s++)
        {
          const struct section *sec = &doc->sections[s];
          check_revision (&sec->title, doc->path, diags);
          for (size_t k = 0; k < sec->nblocks; k++)
            {
              const struct block *blk = &sec->blocks[k];
              check_revision (&blk->text, doc->path, diags);
              if (blk->kind != BLOCK_PARAGRAPH
                  || blk->text.side[LANG_EN].origin != ORIGIN_RELEASE)
                continue;
              release_paras++;
              if (blk->text.rev.origin == ORIGIN_REVISION)
                revised_paras++;
              else if (first_unrevised == 0)
                first_unrevised = blk->line;
            }
        }
      if (revised_paras > 0 && revised_paras < release_paras)
        diags_add (diags, DIAG_WARNING, doc->path, first_unrevised,
                   _("%zu of the document's %zu English paragraphs have a "
                     "revision: a reader of the revision would miss the "
                     "others (this is the first)"),
                   revised_paras, release_paras);
    }
  return diags->warnings - before;
}

static int
in_release (const char *release, size_t len, const char *s, size_t n)
{
  return n == 0 || memmem (release, len, s, n) != NULL;
}

/* Warn when side L of BT is marked as the release's but is not in it.  */
static void
check_side (const struct bitext *bt, const char *what, const char *path,
            const char *release, size_t len, struct diags *diags)
{
  for (int l = 0; l < LANG_COUNT; l++)
    {
      const struct text *t = &bt->side[l];
      if (t->origin != ORIGIN_RELEASE
          || in_release (release, len, t->str, t->len))
        continue;
      /* The key as written: "title.zh", or "zh" for a paragraph.  */
      char key[64];
      snprintf (key, sizeof key, "%s%s%s", what ? what : "", what ? "." : "",
                lang_code ((enum lang) l));
      diags_add (diags, DIAG_WARNING, path, t->line,
                 _("'%s' is not in the release text: if the project "
                   "worded it, mark it '%s.tr'"), key, key);
    }
}

size_t
lint_release_words (const struct library *lib, const char *release,
                    size_t len, struct diags *diags)
{
  size_t before = diags->warnings;
  for (size_t c = 0; c < lib->ncolls; c++)
    {
      const struct collection *coll = &lib->colls[c];
      char *meta = util_path_join (coll->dir, "collection.cb");
      check_side (&coll->title, "title", meta, release, len, diags);
      check_side (&coll->publisher, "publisher", meta, release, len, diags);
      check_side (&coll->theme, "theme", meta, release, len, diags);
      free (meta);
      for (size_t d = 0; d < coll->ndocs; d++)
        {
          const struct document *doc = &coll->docs[d];
          check_side (&doc->title, "title", doc->path, release, len, diags);
          check_side (&doc->procuratorate, "procuratorate", doc->path,
                      release, len, diags);
          check_side (&doc->region, "region", doc->path, release, len,
                      diags);
          for (size_t s = 0; s < doc->nsections; s++)
            {
              const struct section *sec = &doc->sections[s];
              check_side (&sec->title, "section", doc->path, release, len,
                          diags);
              for (size_t k = 0; k < sec->nblocks; k++)
                {
                  const struct block *blk = &sec->blocks[k];
                  if (blk->kind != BLOCK_KEYWORDS)
                    {
                      check_side (&blk->text,
                                  blk->kind == BLOCK_HEADING ? "heading" : NULL,
                                  doc->path, release, len, diags);
                      continue;
                    }
                  for (int l = 0; l < LANG_COUNT; l++)
                    if (doc->keywords.origin[l] == ORIGIN_RELEASE)
                      for (size_t i = 0; i < doc->keywords.count[l]; i++)
                        {
                          const char *kw = doc->keywords.items[l][i];
                          if (!in_release (release, len, kw, strlen (kw)))
                            diags_add (diags, DIAG_WARNING, doc->path,
                                       blk->text.side[l].line,
                                       _("keyword '%s' is not in the "
                                         "release text: if the project "
                                         "worded it, mark the list "
                                         "'keywords.%s.tr'"),
                                       kw, lang_code ((enum lang) l));
                        }
                }
            }
        }
    }
  return diags->warnings - before;
}
