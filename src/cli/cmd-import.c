/* cmd-import.c -- casebook import FILE: turn a release (a text, or a page
   saved from a website as HTML) into a collection, written to --output
   DIR, to a directory named after FILE, or with --add into the user's
   library; the import's diagnostics and a one-line summary go to
   stderr.  FILE is a regular file or - (standard input), read up to
   --max-size bytes.  */

#include <config.h>
#include "cmd.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "i18n.h"
#include "import.h"
#include "import_html.h"
#include "import_own.h"
#include "library.h"
#include "norm.h"
#include "output.h"
#include "prefs.h"
#include "util.h"

/* Say CAUSE (which may quote a file name) on stderr, made visible.  */
static void
put_cause (const char *cause)
{
  char *v = output_visible (cause);
  fprintf (stderr, "casebook: %s\n", v);
  free (v);
}

/* FILE's name without its directory and its extension; *CUT says
   whether it had one.  Caller frees.  */
static char *
file_stem (const char *file, int *cut)
{
  const char *base = strrchr (file, '/');
  char *stem = xstrdup (base ? base + 1 : file);
  char *dot = strrchr (stem, '.');
  *cut = dot && dot != stem;
  if (*cut)
    *dot = '\0';
  return stem;
}

/* TYPED as a collection is named (library_name_norm), or NULL after
   saying why it cannot be one.  Caller frees.  */
static char *
collection_name (const char *typed)
{
  char *cause = NULL;
  char *name = library_name_norm (typed, &cause);
  if (name == NULL)
    {
      put_cause (cause);
      free (cause);
    }
  return name;
}

/* The collection name --add uses for FILE: --name, else FILE's name
   without its extension, as collection_name gives them.  NULL after
   saying why there is none.  Caller frees.  */
static char *
add_name (const struct cli_options *o, const char *file)
{
  if (o->name)
    return collection_name (o->name);
  if (strcmp (file, "-") == 0)
    {
      fprintf (stderr, _("casebook: importing standard input with --add "
                         "needs --name\n"));
      return NULL;
    }
  int cut;
  char *stem = file_stem (file, &cut);
  char *name = collection_name (stem);
  free (stem);
  if (name && !library_name_ok (name))
    {
      char *v = output_visible (name);
      fprintf (stderr, _("casebook: '%s' cannot name a collection; give "
                         "--name\n"), v);
      free (v);
      free (name);
      return NULL;
    }
  return name;
}

/* The name of the collection of the reader's library that NAME would
   pass for, or NULL.  Caller frees.  */
static char *
name_taken (const char *name)
{
  char **dirs;
  size_t n = prefs_library_dirs (NULL, &dirs);
  struct diags d = { 0 };
  struct library *lib = cmd_read_content ((const char *const *) dirs, n, 0,
                                          &d);
  char *taken = NULL;
  /* And as collection: and list --facets fold names (case, full-width
     forms, traditional script): BATCH3 beside batch3 could be searched
     apart by neither, and the facets would count the two as one.  This
     covers the NFKC form too: a collection installed before names were
     kept so (ａｂ) is the one ab would pass for.  */
  char *folded = norm_fold_string (name, strlen (name));
  for (size_t c = 0; c < lib->ncolls && !taken; c++)
    {
      const char *id = lib->colls[c].id;
      if (id == NULL)
        continue;
      char *f = norm_fold_string (id, strlen (id));
      if (strcmp (id, name) == 0 || strcmp (f, folded) == 0)
        taken = xstrdup (id);
      free (f);
    }
  /* And the directories of the user's library, read or not: one left
     out for another user's hand in it is still there, to be read when
     it is the user's alone again.  */
  for (size_t k = 1; k < n && !taken; k++)
    {
      DIR *dh = opendir (dirs[k]);
      struct dirent *de;
      while (dh && !taken && (de = readdir (dh)) != NULL)
        {
          if (de->d_name[0] == '.')
            continue;
          char *f = norm_fold_string (de->d_name, strlen (de->d_name));
          if (strcmp (f, folded) == 0)
            taken = xstrdup (de->d_name);
          free (f);
        }
      if (dh)
        closedir (dh);
    }
  free (folded);
  library_free (lib);
  diags_free (&d);
  strv_free (dirs, n);
  return taken;
}

/* The directory -o names, or one named after FILE.  Caller frees.  */
static char *
output_dir (const struct cli_options *o, const char *file)
{
  if (o->output_dir)
    return xstrdup (o->output_dir);
  int cut;
  char *dir = file_stem (file, &cut);
  if (!cut)
    {
      char *t = xasprintf ("%s.collection", dir);
      free (dir);
      dir = t;
    }
  return dir;
}

static int
cmd_import_exec (const struct cli_options *o, const struct library *unused,
                 int argc, char **argv)
{
  (void) unused;
  (void) argc;
  const char *file = argv[0];
  if (o->add && o->output_dir)
    {
      fprintf (stderr, _("casebook: import takes -o DIR or --add, not both\n"));
      return 2;
    }
  if (o->name && !o->add)
    {
      fprintf (stderr, _("casebook: --name goes with --add\n"));
      return 2;
    }
  if (strcmp (file, "-") == 0 && !o->add && !o->output_dir)
    {
      fprintf (stderr, _("casebook: importing standard input needs -o DIR "
                         "or --add\n"));
      return 2;
    }
  char *name = NULL, *parent = NULL, *dir = NULL;
  char *cause = NULL;
  if (!o->add)
    {
      /* Refused before the release is read: a refusal after every
         warning of the parse reads as if the warnings were the
         problem, and the parse was for nothing.  */
      dir = output_dir (o, file);
      if (import_dir_vacant (dir, &cause) != 0)
        {
          put_cause (cause);
          free (cause);
          free (dir);
          return 2;
        }
    }
  if (o->add)
    {
      name = add_name (o, file);
      if (name == NULL)
        return 2;
      parent = prefs_collections_dir ();
      if (parent == NULL)
        {
          fprintf (stderr, _("casebook: no library directory: set "
                             "XDG_DATA_HOME or HOME\n"));
          free (name);
          return 2;
        }
      if (name[0] == '-')
        {
          /* Every command that names it (show -x/1, library remove -x)
             would read it as an option.  */
          char *v = output_visible (name);
          fprintf (stderr, _("casebook: '%s' cannot name a collection: "
                             "beginning with '-', it would be read as an "
                             "option\n"), v);
          free (v);
          free (name);
          free (parent);
          return 2;
        }
      char *taken = library_name_ok (name) ? name_taken (name) : NULL;
      if (!library_name_ok (name) || taken)
        {
          /* --name is typed, or pasted: shown as every name is; the
             collection it would pass for by its own name.  */
          char *v = output_visible (taken ? taken : name);
          if (taken)
            fprintf (stderr, _("casebook: the library already has a "
                               "collection named '%s'; choose another "
                               "--name\n"), v);
          else
            /* Chinese too, as library_name_ok takes any character
               beyond ASCII and the man page promises Chinese names.  */
            fprintf (stderr, _("casebook: '%s' cannot name a collection (use "
                               "letters, digits, Chinese characters, '-', "
                               "'_' and '.' (not first), at most 64 "
                               "bytes)\n"), v);
          free (v);
          free (taken);
          free (name);
          free (parent);
          return 2;
        }
    }

  size_t max = o->max_size ? o->max_size : IMPORT_MAX_SIZE;
  size_t len;
  char *data = import_read_source (file, max, &len, &cause);
  if (data == NULL)
    {
      int big = errno == EFBIG;
      put_cause (cause);
      if (big)
        fprintf (stderr, _("casebook: --max-size=N raises the limit\n"));
      free (cause);
      free (name);
      free (parent);
      free (dir);
      return 2;
    }
  /* The collection is named after FILE: a name with an invisible
     character is refused as --add's is, once FILE is known to be
     there (a missing file is told as that).  */
  if (!o->add)
    {
      char *given = import_collection_id (file);
      char *id = collection_name (given);
      free (given);
      if (id == NULL)
        {
          free (data);
          free (dir);
          return 2;
        }
      free (id);
    }
  /* Before the HTML test: a .cb or an export named .html is still
     casebook's, and its keys or its † would be filed as the release's
     words.  */
  if (import_own_refuse (strcmp (file, "-") == 0 ? _("standard input") : file,
                         data, len, &cause) != 0)
    {
      put_cause (cause);
      free (cause);
      free (data);
      free (name);
      free (parent);
      free (dir);
      return 2;
    }
  struct diags d = { 0 };
  struct import_result res;
  int rc = 0;
  if (import_is_html (file, data, len))
    rc = import_html (file, data, len, &res, &d, &cause);
  else
    import_release (file, data, len, &res, &d);
  free (data);
  if (rc == 0)
    import_set_collection_meta (&res, o->publisher, o->date);
  output_diags (&d);
  if (rc != 0)
    {
      put_cause (cause);
      free (cause);
      free (name);
      free (parent);
      free (dir);
      diags_free (&d);
      return 2;
    }
  /* "1 document (12 texts)", "3 warnings": each count with its own
     plural.  */
  char *docs = xasprintf (ngettext ("%zu document", "%zu documents",
                                    res.documents), res.documents);
  char *texts = xasprintf (ngettext ("%zu text", "%zu texts",
                                     res.paragraphs), res.paragraphs);
  char *warns = xasprintf (ngettext ("%zu warning", "%zu warnings",
                                     d.warnings), d.warnings);
  if (o->add)
    {
      if (library_install (&res, parent, name, &cause) != 0)
        {
          put_cause (cause);
          rc = 2;
        }
      else
        {
          char *v = output_visible (name);
          /* TRANSLATORS: "casebook: imported 9 documents (303 texts) into
             the library as batch3; 5 warnings".  */
          fprintf (stderr, _("casebook: imported %s (%s) into the library "
                             "as %s; %s\n"), docs, texts, v, warns);
          free (v);
        }
    }
  else
    {
      if (import_write (&res, dir, &cause) != 0)
        {
          put_cause (cause);
          rc = 2;
        }
      else
        {
          char *v = output_visible (dir);
          /* TRANSLATORS: "casebook: imported 9 documents (303 texts)
             into batch3; 5 warnings".  */
          fprintf (stderr, _("casebook: imported %s (%s) into %s; %s\n"),
                   docs, texts, v, warns);
          free (v);
        }
    }
  free (docs);
  free (texts);
  free (warns);
  free (cause);
  free (name);
  free (parent);
  free (dir);
  import_free (&res);
  diags_free (&d);
  return rc;
}

const struct cmd_entry cmd_import_entry = {
  .name = "import",
  /* The line --help gives it, in the list of commands.  */
  .help = N_("  import FILE          turn a release text or saved page into a collection\n"),
  .min_args = 1,
  .max_args = 1,
  /* xgettext:c-format */
  .usage = N_("casebook: import takes one release file (a text or a saved "
              "page), or - for standard input\n"),
  .exec = cmd_import_exec,
};
