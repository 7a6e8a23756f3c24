/* test-lint.c -- the content linter: the shipped content is clean, and
   each planted breach of the glossary's and the marking's rules is found
   with its file and line.  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content.h"
#include "lint.h"
#include "tap.h"

static char *
fixture (const char *rel)
{
  const char *top = getenv ("top_srcdir");
  return xasprintf ("%s/%s", top ? top : "..", rel);
}

static void
write_file (const char *dir, const char *name, const char *text)
{
  char *path = util_path_join (dir, name);
  FILE *f = fopen (path, "w");
  if (f)
    {
      fputs (text, f);
      fclose (f);
    }
  free (path);
}

/* "BASENAME:LINE: message" of every warning, one per line.  Caller frees.  */
static char *
warnings (const struct diags *d)
{
  struct buf b = { 0 };
  for (size_t i = 0; i < d->count; i++)
    {
      const char *slash = strrchr (d->items[i].file, '/');
      buf_printf (&b, "%s:%lu: %s\n", slash ? slash + 1 : d->items[i].file,
                  d->items[i].line, d->items[i].message);
    }
  return buf_steal (&b);
}

int
main (void)
{
  /* The shipped content keeps its own rules.  */
  char *shipped = fixture ("content");
  char *relpath = fixture ("tests/data/release/spp-reform-typical-cases-batch3.txt");
  struct diags d = { 0 };
  struct library *lib = content_load (shipped, &d);
  tap_ok (d.errors == 0, "shipped content loads");
  size_t rlen = 0;
  char *release = util_read_file (relpath, &rlen);
  tap_ok (release != NULL, "the release text is readable");
  size_t before = d.count;
  tap_ok (lint_glossary (lib, &d) == 0,
          "shipped glossary: every variant occurs, none is one character or a term");
  size_t mid = d.count;
  tap_ok (release && lint_release_words (lib, release, rlen, &d) == 0,
          "shipped content: every unmarked text is the release's");
  size_t mid2 = d.count;
  tap_ok (lint_revisions (lib, &d) == 0,
          "shipped revisions keep the numbers, names and paragraphs of the release");
  for (size_t i = before; i < d.count; i++)
    printf ("# %s%s:%lu: %s\n", i < mid ? "" : i < mid2 ? "release: " : "revision: ",
            d.items[i].file, d.items[i].line, d.items[i].message);
  /* The shipped revisions are there: these documents revise their
     release English (lint_revisions above says: every paragraph of it).  */
  static const char *const revised_docs[] = { "0", "1", "2", "3", "8" };
  for (size_t i = 0; i < sizeof revised_docs / sizeof *revised_docs; i++)
    {
      const struct document *doc = library_find (lib, revised_docs[i]);
      size_t revised = 0;
      for (size_t s = 0; doc && s < doc->nsections; s++)
        for (size_t k = 0; k < doc->sections[s].nblocks; k++)
          revised += doc->sections[s].blocks[k].text.rev.origin == ORIGIN_REVISION;
      tap_ok (revised > 0, "document %s has its revision (%zu blocks)",
              revised_docs[i], revised);
    }
  const struct document *d4 = library_find (lib, "4");
  tap_ok (d4 && d4->title.rev.origin == ORIGIN_REVISION && d4->keywords.rev_count == 4,
          "document 4 revises its English title and keywords");
  library_free (lib);
  diags_free (&d);

  /* Planted breaches.  */
  char tmpl[] = "/tmp/cblint.XXXXXX";
  char *dir = mkdtemp (tmpl);
  tap_ok (dir != NULL, "temporary collection");
  if (dir)
    {
      write_file (dir, "collection.cb",
                  "casebook-format: 1\n"
                  "title.en: The batch\n"
                  "publisher.zh: 某检察院\n");
      write_file (dir, "01.cb",
                  "casebook-format: 1\n"
                  "number: 1\n"
                  "title.en: Adjacent hospital pairing\n"
                  "region.zh: 呼伦贝尔\n"
                  "region.en.tr: Hulunbuir\n"
                  "\n"
                  "keywords.en: adjacent hospital | made up\n"
                  "keywords.zh.tr: 邻近院 | 编造\n"
                  "\n"
                  "en: The adjacent courts handled 59 cases.\n"
                  "zh.tr: 邻近院办理案件59件。\n");
      write_file (dir, "glossary.tsv",
                  "casebook-glossary\t1\n"
                  "邻近院\tadjacent procuratorates\t邻院\tadjacent courts|adjacent hospital|neighbouring courts\n"
                  "检察院\tprocuratorate\t院|邻近院\tprocuratorate\n"
                  "办理\thandle\t\t\t\thandled\n");
      const char *release_text =
        "The batch\nAdjacent hospital pairing\n"
        "adjacent hospital   made up\nThe adjacent courts handled 59 cases.\n"
        "2 hospitals\nZhang Moumou and Sun Moumou paid 1,217 yuan in 2019.\n"
        "In 2020 the court of 35.4% handled 3 cases.\nAn unrevised paragraph.\n";
      write_file (dir, "02.cb",
                  "casebook-format: 1\n"
                  "number: 2\n"
                  "title.en: 2 hospitals\n"
                  "title.en.rev: Two procuratorates\n"
                  "\n"
                  "en: Zhang Moumou and Sun Moumou paid 1,217 yuan in 2019.\n"
                  "en.rev: Zhang Moumou paid 1217 yuan in 2019.\n"
                  "\n"
                  "en: In 2020 the court of 35.4% handled 3 cases.\n"
                  "en.rev: In 2020 the procuratorate of 35.4% handled 3 cases.\n"
                  "\n"
                  "en: An unrevised paragraph.\n");
      struct diags pd = { 0 };
      struct library *plib = content_load (dir, &pd);
      tap_ok (pd.errors == 0, "planted collection loads");
      size_t n = lint_glossary (plib, &pd);
      char *got = warnings (&pd);
      tap_is (got,
              "glossary.tsv:2: variant '邻院' of '邻近院' occurs nowhere in the Chinese texts (a synonym belongs in the synonyms column)\n"
              "glossary.tsv:2: variant 'neighbouring courts' of '邻近院' occurs nowhere in the release's English (a synonym belongs in the synonyms column)\n"
              "glossary.tsv:3: variant '院' of '检察院' is a single character, which matches far too much\n"
              "glossary.tsv:3: variant '邻近院' of '检察院' is also a term of its own\n"
              "glossary.tsv:3: variant 'procuratorate' of '检察院' repeats the term itself, which matches already\n",
              "glossary: a variant that occurs nowhere, one of one character, one that is a term, one that is its own term; synonyms need not occur");
      tap_ok (n == 5, "lint_glossary counts its warnings (%zu)", n);
      free (got);
      diags_free (&pd);
      memset (&pd, 0, sizeof pd);
      n = lint_release_words (plib, release_text, strlen (release_text), &pd);
      got = warnings (&pd);
      tap_is (got,
              "collection.cb:3: 'publisher.zh' is not in the release text: if the project worded it, mark it 'publisher.zh.tr'\n"
              "01.cb:4: 'region.zh' is not in the release text: if the project worded it, mark it 'region.zh.tr'\n",
              "unmarked texts not in the release are found; marked ones and release keywords are not");
      tap_ok (n == 2, "lint_release_words counts its warnings (%zu)", n);
      free (got);
      diags_free (&pd);
      memset (&pd, 0, sizeof pd);
      n = lint_revisions (plib, &pd);
      got = warnings (&pd);
      tap_is (got,
              "02.cb:4: the revision's numbers (-) are not the release's (2)\n"
              "02.cb:7: the revision leaves out 'Sun Moumou', whom the release names\n"
              "02.cb:12: 2 of the document's 3 English paragraphs have a revision: a reader of the revision would miss the others (this is the first)\n",
              "revisions: a lost number, a lost name and a paragraph left unrevised; 1,217 is 1217");
      tap_ok (n == 3, "lint_revisions counts its warnings (%zu)", n);
      free (got);
      diags_free (&pd);
      library_free (plib);
      const char *names[] = { "collection.cb", "01.cb", "02.cb", "glossary.tsv" };
      for (size_t i = 0; i < 4; i++)
        {
          char *p = util_path_join (dir, names[i]);
          unlink (p);
          free (p);
        }
      rmdir (dir);
    }
  free (release);
  free (shipped);
  free (relpath);
  return tap_done ();
}
