/* cmd-check.c -- casebook check [DIR]: load the content of DIR (else the
   library in use: the content and the user's collections), print its
   diagnostics and one line on its coverage, then a line per collection
   when there are several or one is in a single language; with
   --glossary, also the glossary terms the project's translations leave
   without a rendering (termcheck.c).  It always warns about breaches of
   the glossary's rules, and with --release FILE about unmarked texts
   that are not in the release (lint.c).  Exit 2 when the content has
   errors.  */

#include <config.h>
#include "cmd.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "i18n.h"
#include "import_html.h"
#include "import_own.h"
#include "lint.h"
#include "output.h"
#include "prefs.h"
#include "progress.h"
#include "termcheck.h"
#include "util.h"

/* --release FILE: every unmarked text must be the release's.  FILE is
   what import takes, a release text or a saved page (in UTF-8 or
   GB18030): its texts are looked for as import gives them (decoded, the
   page's markup and entities gone), and as the file's bytes.  Returns -1
   after saying why when FILE cannot be read.  */
static int
cmd_check_release (const struct library *lib, const char *file,
                   struct diags *d)
{
  size_t len;
  char *cause = NULL;
  /* Read as import reads it: a FIFO or a device may never end.  */
  char *release = import_read_source (file, IMPORT_MAX_SIZE, &len, &cause);
  if (release == NULL)
    {
      char *v = output_visible (cause);
      fprintf (stderr, "casebook: %s\n", v);
      free (v);
      free (cause);
      return -1;
    }
  /* A .cb or an export is casebook's, not the release: its keys and
     its marked translations would pass for the release's words.  */
  if (import_own_refuse (strcmp (file, "-") == 0 ? _("standard input")
                         : file, release, len, &cause) != 0)
    {
      char *v = output_visible (cause);
      fprintf (stderr, "casebook: %s\n", v);
      free (v);
      free (cause);
      free (release);
      return -1;
    }
  struct import_result res = { 0 };
  struct diags quiet = { 0 };
  if (import_is_html (file, release, len))
    import_html (file, release, len, &res, &quiet, &cause);
  else
    import_release (file, release, len, &res, &quiet);
  struct buf all = { 0 };
  buf_add (&all, release, len);
  for (size_t i = 0; i < res.nfiles; i++)
    {
      buf_addc (&all, '\n');
      buf_adds (&all, res.files[i].text);
    }
  lint_release_words (lib, all.data, all.len, d);
  buf_free (&all);
  import_free (&res);
  diags_free (&quiet);
  free (cause);
  free (release);
  return 0;
}

/* --pending: a text of one language only, at the line of the side it
   has, with the key that would give it the other.  */
static int
print_pending (void *ctx, const struct doc_unit *u)
{
  const struct document *doc = ctx;
  const struct bitext *bt = u->text;
  static const char *const base[] = {
    [UNIT_TITLE] = "title.", [UNIT_HEADING] = "heading.",
    [UNIT_KEYWORDS] = "keywords.", [UNIT_PARAGRAPH] = ""
  };
  const char *key = u->part == PART_SECTION ? "section." : base[u->kind];
  for (int l = 0; l < LANG_COUNT; l++)
    {
      const struct text *has = &bt->side[l];
      enum lang other = lang_other ((enum lang) l);
      if (has->origin == ORIGIN_NONE || bt->side[other].origin != ORIGIN_NONE)
        continue;
      char *path = output_visible (doc->path);
      char *have = xasprintf ("%s%s%s", key, lang_code ((enum lang) l),
                              has->origin == ORIGIN_TRANSLATION ? ".tr" : "");
      char *want = xasprintf ("%s%s.tr", key, lang_code (other));
      if (other == LANG_EN)
        /* TRANSLATORS: FILE:LINE: the key of the text there ("title.zh",
           "zh"), then the key to add after it ("title.en.tr").  */
        printf (_("%s:%lu: %s has no English; add %s\n"), path, has->line,
                have, want);
      else
        printf (_("%s:%lu: %s has no Chinese; add %s\n"), path, has->line,
                have, want);
      free (have);
      free (want);
      free (path);
    }
  return 0;
}

static int
cmd_check_exec (const struct cli_options *o, const struct library *unused,
                int argc, char **argv)
{
  (void) unused;
  const char *dir = argc > 0 ? argv[0] : NULL;
  struct diags d = { 0 };
  char **dirs;
  size_t ndirs;
  if (dir == NULL)
    {
      /* The library in use: the content and the user's collections.  */
      ndirs = prefs_library_dirs (o->content_dir, &dirs);
      /* A release is compared with the content alone: the collections
         of the user's library were made from other releases, and every
         text of theirs would be a warning.  */
      while (o->release_file && ndirs > 1)
        free (dirs[--ndirs]);
    }
  else
    {
      dirs = xcalloc (1, sizeof *dirs);
      dirs[0] = xstrdup (dir);
      ndirs = 1;
    }
  dir = dirs[0];
  struct progress p;
  progress_start (&p, _("reading documents"));
  struct content_load_options lo = {
    .progress = p.on ? progress_update : NULL,
    .progress_ctx = &p,
  };
  struct library *lib = content_load_with ((const char *const *) dirs, ndirs,
                                           &lo, &d);
  size_t misses = 0;
  if (o->glossary_check)
    {
      progress_step (&p, _("checking the translations' terms"));
      misses = termcheck_library (lib, &d);
    }
  progress_step (&p, _("checking the glossary and the revisions"));
  lint_glossary (lib, &d);
  lint_revisions (lib, &d);
  progress_end (&p);
  if (o->release_file && cmd_check_release (lib, o->release_file, &d) != 0)
    {
      diags_free (&d);
      library_free (lib);
      strv_free (dirs, ndirs);
      return 2;
    }
  output_diags (&d);
  if (o->pending)
    for (size_t i = 0; i < library_document_count (lib); i++)
      {
        const struct document *doc = library_document (lib, i);
        document_walk (doc, print_pending, (void *) doc);
      }
  struct content_stats st;
  content_stats (lib, &st);
  double zh = st.blocks ? 100.0 * (double) st.present[LANG_ZH] / (double) st.blocks : 0;
  double en = st.blocks ? 100.0 * (double) st.present[LANG_EN] / (double) st.blocks : 0;
  double zt = st.present[LANG_ZH] ? 100.0 * (double) st.translated[LANG_ZH] / (double) st.present[LANG_ZH] : 0;
  double et = st.present[LANG_EN] ? 100.0 * (double) st.translated[LANG_EN] / (double) st.present[LANG_EN] : 0;
  char *shown = output_visible (dir);
  /* The totals are the library's: the content directory's and those
     of the user's collections, which live elsewhere.  */
  size_t user = 0;
  for (size_t c = 0; c < lib->ncolls; c++)
    user += lib->colls[c].user != 0;
  if (user)
    printf (ngettext ("%s and %zu collection of your library: ",
                      "%s and %zu collections of your library: ", user),
            shown, user);
  else
    printf ("%s: ", shown);
  free (shown);
  printf (ngettext ("%zu document", "%zu documents", st.documents), st.documents);
  if (lib->left_out)
    printf (ngettext (" (%zu file left out for its errors)",
                      " (%zu files left out for their errors)",
                      lib->left_out), lib->left_out);
  printf (", ");
  printf (ngettext ("%zu text", "%zu texts", st.blocks), st.blocks);
  printf (_("; Chinese %.0f%% (%.0f%% translated), English %.0f%% (%.0f%% translated); "),
          zh, zt, en, et);
  printf (ngettext ("%zu glossary term", "%zu glossary terms", lib->glossary.count),
          lib->glossary.count);
  printf ("; ");
  printf (ngettext ("%zu error", "%zu errors", d.errors), d.errors);
  printf (", ");
  printf (ngettext ("%zu warning", "%zu warnings", d.warnings), d.warnings);
  printf ("\n");
  if (o->glossary_check)
    printf (ngettext ("glossary: %zu missing rendering\n",
                      "glossary: %zu missing renderings\n", misses), misses);
  /* Coverage by collection, when there are several or one is in a single
     language (an imported release): a report, never an error.  */
  for (size_t c = 0; c < lib->ncolls; c++)
    {
      const struct collection *coll = &lib->colls[c];
      struct content_stats cs;
      content_stats_collection (coll, &cs);
      int one = cs.blocks > 0
        && (cs.present[LANG_ZH] == 0 || cs.present[LANG_EN] == 0);
      if (lib->ncolls < 2 && !one)
        continue;
      printf ("  ");
      output_text (coll->id ? coll->id : "", coll->id ? strlen (coll->id) : 0,
                   o->raw);
      printf (": ");
      printf (ngettext ("%zu document", "%zu documents", cs.documents),
              cs.documents);
      if (cs.blocks > 0 && cs.present[LANG_EN] == 0)
        printf (_(", Chinese only: no English text in this release"));
      else if (cs.blocks > 0 && cs.present[LANG_ZH] == 0)
        printf (_(", English only: no Chinese text in this release"));
      else if (cs.blocks > 0)   /* a collection with no text has no share */
        printf (_(", Chinese %.0f%%, English %.0f%%"),
                100.0 * (double) cs.present[LANG_ZH] / (double) cs.blocks,
                100.0 * (double) cs.present[LANG_EN] / (double) cs.blocks);
      printf ("\n");
    }
  int rc = d.errors ? 2 : 0;
  diags_free (&d);
  library_free (lib);
  strv_free (dirs, ndirs);
  return rc;
}

const struct cmd_entry cmd_check_entry = {
  .name = "check",
  /* The line --help gives it, in the list of commands.  */
  .help = N_("  check [DIR]          validate content and report its coverage\n"),
  .min_args = 0,
  .max_args = 1,
  /* xgettext:c-format */
  .usage = N_("casebook: check takes at most one directory\n"),
  .exec = cmd_check_exec,
};
