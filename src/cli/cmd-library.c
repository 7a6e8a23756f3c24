/* cmd-library.c -- casebook library [list]: the collections of the
   reader's library, shipped and the user's, with their document counts,
   dates and sources; casebook library remove NAME: remove one of the
   user's (never the shipped one).  */

#include <config.h>
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content.h"
#include "i18n.h"
#include "layout.h"
#include "library.h"
#include "norm.h"
#include "output.h"
#include "progress.h"
#include "prefs.h"
#include "util.h"

/* Print S padded to WIDTH columns, made safe for the terminal.  */
static void
put_padded (const char *s, int width)
{
  struct visible v;
  norm_visible (s, strlen (s), 0, &v);
  char *f = layout_fit (v.str, v.len, width);
  fputs (f, stdout);
  free (f);
  norm_visible_free (&v);
}

/* Whether DIR is the content shipped with casebook: --content and
   CASEBOOK_CONTENT may name it, or a directory of the reader's own.  */
static int
is_shipped_dir (const char *dir)
{
  struct stat a, b;
  return stat (dir, &a) == 0 && stat (prefs_shipped_dir (), &b) == 0
    && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Whether COLL came with casebook: not from the user's library, and
   from the shipped content (SHIPPED: the library's first directory is
   it).  */
static int
coll_shipped (const struct collection *coll, int shipped)
{
  return !coll->user && shipped;
}

/* Why COLL cannot be read: the first error D holds about a file of
   its directory, as "FILE:LINE: MESSAGE" with FILE named within the
   directory; NULL when there is none.  Caller frees.  */
static char *
coll_error (const struct collection *coll, const struct diags *d)
{
  size_t dlen = coll->dir ? strlen (coll->dir) : 0;
  for (size_t i = 0; dlen && i < d->count; i++)
    {
      const struct diag *g = &d->items[i];
      if (g->severity != DIAG_ERROR || strncmp (g->file, coll->dir, dlen) != 0
          || (g->file[dlen] != '/' && g->file[dlen] != '\0'))
        continue;
      const char *f = g->file[dlen] == '/' ? g->file + dlen + 1 : g->file;
      return g->line ? xasprintf ("%s:%lu: %s", f, g->line, g->message)
        : xasprintf ("%s: %s", f, g->message);
    }
  return NULL;
}

static int
list_collections (const struct cli_options *o, const struct library *lib,
                  const struct diags *d, int shipped)
{
  enum lang l = cmd_reader_lang (o);
  int name_w = 4;
  for (size_t c = 0; c < lib->ncolls; c++)
    {
      const char *id = lib->colls[c].id ? lib->colls[c].id : "";
      struct visible v;
      norm_visible (id, strlen (id), 0, &v);
      if (norm_width (v.str, v.len) > name_w)
        name_w = norm_width (v.str, v.len);
      norm_visible_free (&v);
    }
  if (o->json)
    {
      for (size_t c = 0; c < lib->ncolls; c++)
        {
          const struct collection *coll = &lib->colls[c];
          const char *id = coll->id ? coll->id : "";
          printf ("{\"collection\":");
          output_json_string (stdout, id, strlen (id));
          printf (",\"documents\":%zu,\"shipped\":%s", coll->ndocs,
                  coll_shipped (coll, shipped) ? "true" : "false");
          struct text date = { .str = coll->date,
                               .len = coll->date ? strlen (coll->date) : 0 };
          struct text src = { .str = coll->source,
                              .len = coll->source ? strlen (coll->source) : 0 };
          output_json_text (stdout, "date", coll->date ? &date : NULL);
          output_json_text (stdout, "source", coll->source ? &src : NULL);
          output_json_marked (stdout, "title_zh", bitext_get (&coll->title, LANG_ZH));
          output_json_marked (stdout, "title_en", bitext_get (&coll->title, LANG_EN));
          printf (",\"directory\":");
          output_json_string (stdout, coll->dir, strlen (coll->dir));
          /* Why a collection listed so that it can be removed cannot
             be read.  */
          char *why = coll_error (coll, d);
          struct text err = { .str = why, .len = why ? strlen (why) : 0 };
          output_json_text (stdout, "error", why ? &err : NULL);
          free (why);
          printf ("}\n");
        }
      return 0;
    }
  /* TRANSLATORS: column headings of `casebook library`; keep each word
     short, the columns are aligned by width.  */
  /* Padded by display width, not by bytes: a translated heading of
     CJK characters would otherwise be short of its column.  */
  put_padded (_("NAME"), name_w);
  fputs ("  ", stdout);
  put_padded (_("DOCUMENTS"), 9);
  fputs ("  ", stdout);
  put_padded (_("DATE"), 10);
  fputs ("  ", stdout);
  put_padded (_("WHERE"), 7);
  printf ("  %s\n", _("TITLE AND SOURCE"));
  for (size_t c = 0; c < lib->ncolls; c++)
    {
      const struct collection *coll = &lib->colls[c];
      put_padded (coll->id ? coll->id : "", name_w);
      printf ("  %9zu  ", coll->ndocs);
      /* The date is the collection file's text, as the title is: safe
         for the terminal, and never cut.  */
      struct visible date;
      norm_visible (coll->date ? coll->date : "-",
                    coll->date ? strlen (coll->date) : 1, 0, &date);
      int date_w = norm_width (date.str, date.len);
      printf ("%s%*s  ", date.str, date_w < 10 ? 10 - date_w : 0, "");
      norm_visible_free (&date);
      /* TRANSLATORS: where a collection comes from, at most 7
         columns.  */
      put_padded (coll_shipped (coll, shipped) ? _("shipped") : _("user"), 7);
      fputs ("  ", stdout);
      /* A collection that cannot be read is listed so that it can be
         removed: its title is what it says of itself, so the column
         says instead that it cannot be read, and why.  */
      char *why = coll_error (coll, d);
      /* One document with an error is left out and the rest is read:
         the collection is listed as itself, its error after it.  */
      int unreadable = why && (coll->ndocs == 0
                               || (bitext_get (&coll->title, LANG_ZH) == NULL
                                   && bitext_get (&coll->title, LANG_EN)
                                   == NULL));
      if (unreadable)
        {
          /* TRANSLATORS: in the title column of `casebook library';
             %s is the file, line and error ("01.cb:2: ...").  */
          char *line = xasprintf (_("cannot be read: %s"), why);
          output_text (line, strlen (line), o->raw);
          free (line);
          free (why);
          putchar ('\n');
          continue;
        }
      enum lang tl;
      const struct text *t = bitext_pick (&coll->title, l, &tl);
      if (t)
        output_lang (o, tl, t->str, t->len);
      output_project_mark (output_marks_shown (),
                           t ? t->origin : ORIGIN_RELEASE);
      if (coll->source)
        {
          printf (" (");
          output_text (coll->source, strlen (coll->source), o->raw);
          printf (")");
        }
      if (why)
        {
          /* TRANSLATORS: after a collection's title in `casebook
             library' when a document of it is left out for an error;
             %s is the file, line and error ("03.cb:3: ...").  */
          char *line = xasprintf (_("with errors: %s"), why);
          fputs ("; ", stdout);
          output_text (line, strlen (line), o->raw);
          free (line);
          free (why);
        }
      putchar ('\n');
    }
  return 0;
}

static int
remove_collection (const struct library *lib, const char *name, int shipped)
{
  /* By its name, or one that folds as it does (H7 is h7), as show
     H7/1 finds it.  */
  const struct collection *coll
    = library_collection (lib, name, strlen (name));
  /* Else as import names collections: "ａｂ" was installed as ab, and
     show ａｂ/1 finds it there too.  */
  char *cause = NULL;
  char *norm = coll ? NULL : library_name_norm (name, &cause);
  if (norm)
    coll = library_collection (lib, norm, strlen (norm));
  free (norm);
  free (cause);
  cause = NULL;
  /* The collection by its name, not as typed (ｂａｔｃｈ９ is batch9).  */
  char *shown = output_visible (coll ? coll->id : name);
  if (coll && coll_shipped (coll, shipped))
    {
      fprintf (stderr, _("casebook: %s is shipped with casebook and cannot "
                         "be removed\n"), shown);
      free (shown);
      return 2;
    }
  if (coll && !coll->user)
    {
      /* In the directory --content names: not the library's to remove
         (and a collection of the library with its name is another).  */
      char *dir = output_visible (coll->dir);
      fprintf (stderr, _("casebook: %s is in %s, not in your library, and "
                         "is not removed\n"), shown, dir);
      free (dir);
      free (shown);
      return 2;
    }
  char *parent = prefs_collections_dir ();
  if (parent == NULL)
    {
      fprintf (stderr, _("casebook: no library directory: set XDG_DATA_HOME "
                         "or HOME\n"));
      free (shown);
      return 2;
    }
  /* The directory under the collections directory that holds it.  */
  const char *dirname = name;
  size_t plen = strlen (parent);
  if (coll && strncmp (coll->dir, parent, plen) == 0 && coll->dir[plen] == '/')
    dirname = coll->dir + plen + 1;
  int rc = 0;
  if (library_remove (parent, dirname, &cause) != 0)
    {
      /* It quotes the name as typed.  */
      char *v = output_visible (cause);
      fprintf (stderr, "casebook: %s\n", v);
      free (v);
      rc = 2;
    }
  else
    fprintf (stderr, _("casebook: removed %s from the library\n"), shown);
  free (shown);
  free (cause);
  free (parent);
  return rc;
}

static int
cmd_library_exec (const struct cli_options *o, const struct library *unused,
                  int argc, char **argv)
{
  (void) unused;
  int list = argc == 0 || (argc == 1 && strcmp (argv[0], "list") == 0);
  int remove = argc == 2 && strcmp (argv[0], "remove") == 0;
  if (!list && !remove)
    {
      fprintf (stderr, _("casebook: library takes 'list' or 'remove NAME'\n"));
      fprintf (stderr, _("Try 'casebook --help' for more information.\n"));
      return 2;
    }
  /* With a content directory named, the library is not in use and
     not listed: a name the reader reads in that listing is no
     collection of the library, and one the listing does not show must
     not be removed unseen.  */
  const char *env = getenv ("CASEBOOK_CONTENT");
  const char *chosen = o->content_dir ? "--content"
    : env && *env ? "CASEBOOK_CONTENT" : NULL;
  if (remove && chosen)
    {
      /* TRANSLATORS: %s is --content or CASEBOOK_CONTENT.  */
      fprintf (stderr, _("casebook: library remove removes from your "
                         "library, which is not in use with %s; run it "
                         "without %s\n"), chosen, chosen);
      return 2;
    }
  /* Loaded here, errors and all: a broken collection must still be
     listed, and removable.  The headers tell the documents apart.  */
  char **dirs;
  size_t ndirs = prefs_library_dirs (o->content_dir, &dirs);
  struct diags d = { 0 };
  struct library *lib = cmd_read_content ((const char *const *) dirs, ndirs, 1,
                                          &d);
  output_diags (&d);
  /* A directory that cannot be read as content at all (none there, no
     collection in it) is an error, as it is for every command; a
     broken collection is listed, and exits 0, so that it can be seen
     and removed.  */
  int unreadable = 0;
  for (size_t i = 0; i < d.count; i++)
    for (size_t k = 0; k < ndirs; k++)
      unreadable |= d.items[i].severity == DIAG_ERROR
        && strcmp (d.items[i].file, dirs[k]) == 0;
  int shipped = is_shipped_dir (dirs[0]);
  /* An error in a document's text leaves it out of every search, which
     then blames "a collection of your library": the listing names it.
     The user's collections are read whole for it (the shipped ones are
     checked when made); what is found is said only here.  */
  size_t to_read = 0, done = 0;
  for (size_t c = 0; list && c < lib->ncolls; c++)
    to_read += lib->colls[c].user ? lib->colls[c].ndocs : 0;
  struct progress p;
  progress_start (&p, _("reading documents"));
  for (size_t c = 0; list && c < lib->ncolls; c++)
    {
      /* The first error of a collection is all the listing says.  */
      size_t before = d.errors;
      for (size_t k = 0; lib->colls[c].user && k < lib->colls[c].ndocs
           && d.errors == before; k++)
        {
          struct document whole;
          content_read_whole (&lib->colls[c].docs[k], &whole, &d);
          document_free (&whole);
          if (p.on)
            progress_update (&p, ++done, to_read);
        }
    }
  progress_end (&p);
  int rc;
  if (!list)
    rc = remove_collection (lib, argv[1], shipped);
  else if (unreadable && lib->ncolls == 0)
    rc = 2;
  else
    rc = list_collections (o, lib, &d, shipped) || unreadable ? 2 : 0;
  library_free (lib);
  diags_free (&d);
  strv_free (dirs, ndirs);
  return rc;
}

const struct cmd_entry cmd_library_entry = {
  .name = "library",
  /* The line --help gives it, in the list of commands.  */
  .help = N_("  library [remove NAME]  list the library's collections, or remove one\n"),
  .min_args = 0,
  .max_args = 2,
  /* xgettext:c-format */
  .usage = N_("casebook: library takes 'list' or 'remove NAME'\n"),
  .options = CMD_OPT_JSON | CMD_OPT_LANG | CMD_OPT_RAW,
  .exec = cmd_library_exec,
};
