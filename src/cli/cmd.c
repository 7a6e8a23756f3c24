/* cmd.c -- the table of commands and what several of them share:
   finding a command by name, loading the library, the reader's
   language.  */

#include <config.h>
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "engine.h"
#include "i18n.h"
#include "output.h"
#include "prefs.h"
#include "util.h"

const struct cmd_entry *const cmd_table[] = {
  &cmd_list_entry,
  &cmd_show_entry,
  &cmd_search_entry,
  &cmd_cite_entry,
  &cmd_tags_entry,
  &cmd_check_entry,
  &cmd_import_entry,
  &cmd_library_entry,
  &cmd_export_entry,
  &cmd_related_entry,
  NULL
};

const struct cmd_entry *
cmd_find (const char *name)
{
  for (size_t i = 0; cmd_table[i]; i++)
    if (strcmp (name, cmd_table[i]->name) == 0
        || (cmd_table[i]->alias && strcmp (name, cmd_table[i]->alias) == 0))
      return cmd_table[i];
  return NULL;
}

struct library *
cmd_load_library (const struct cli_options *o)
{
  struct diags d = { 0 };
  char **dirs;
  size_t ndirs = prefs_library_dirs (o->content_dir, &dirs);
  const char *dir = dirs[0];
  struct library *lib = content_load_dirs ((const char *const *) dirs, ndirs,
                                           &d);
  output_diags (&d);
  if (d.errors)
    {
      /* An error in one of the user's collections: say how to get rid of
         it, since it stops every command.  */
      int user = 0;
      size_t ulen = ndirs > 1 ? strlen (dirs[1]) : 0;
      for (size_t i = 0; i < d.count && ndirs > 1; i++)
        user |= d.items[i].severity == DIAG_ERROR
          && strncmp (d.items[i].file, dirs[1], ulen) == 0
          && d.items[i].file[ulen] == '/';
      if (user)
        fprintf (stderr, _("casebook: a collection of your library has "
                           "errors; 'casebook check' lists them and "
                           "'casebook library remove NAME' removes it\n"));
      else
        {
          char *a = output_visible (dir);
          fprintf (stderr, _("casebook: %s: content has errors; "
                             "'casebook check %s' lists them\n"), a, a);
          free (a);
        }
      library_free (lib);
      lib = NULL;
    }
  diags_free (&d);
  strv_free (dirs, ndirs);
  return lib;
}

const struct document *
cmd_find_document (const struct library *lib, const char *spec)
{
  const struct document *d = library_find (lib, spec);
  if (d)
    return d;
  const struct document *ch[8];
  size_t n = library_choices (lib, spec, ch, 8);
  char *v = output_visible (spec);
  if (n < 2)
    {
      fprintf (stderr, _("casebook: no document '%s' (try 'casebook list')\n"),
               v);
      free (v);
      return NULL;
    }
  struct buf b = { 0 };
  for (size_t i = 0; i < n && i < 8; i++)
    buf_printf (&b, "%s%s/%ld", i ? ", " : "", ch[i]->collection->id,
                ch[i]->number);
  if (n > 8)
    buf_adds (&b, ", ...");
  char *choices = output_visible (b.data);
  fprintf (stderr, _("casebook: %zu collections have a document %s: say "
                     "which (%s)\n"), n, v, choices);
  free (choices);
  free (v);
  buf_free (&b);
  return NULL;
}

enum lang
cmd_reader_lang (const struct cli_options *o)
{
  return o->lang >= 0 ? (enum lang) o->lang : prefs_locale_lang ();
}

/* Progress of a long index build on stderr, when it is a terminal:
   shown after half a second, erased when done.  */
struct progress
{
  struct timespec start;
  int shown;
};

static double
elapsed (const struct timespec *since)
{
  struct timespec now;
  clock_gettime (CLOCK_MONOTONIC, &now);
  return (double) (now.tv_sec - since->tv_sec)
    + (double) (now.tv_nsec - since->tv_nsec) / 1e9;
}

static void
show_progress (void *ctx, size_t done, size_t total)
{
  struct progress *p = ctx;
  if (done < total && elapsed (&p->start) < 0.5)
    return;
  if (done >= total)
    {
      if (p->shown)
        fputs ("\r\033[K", stderr);
      p->shown = 0;
      return;
    }
  /* TRANSLATORS: progress of building the search index, on one line
     that is rewritten as it goes.  */
  fputc ('\r', stderr);
  fprintf (stderr, _("casebook: indexing documents: %zu of %zu"), done,
           total);
  fputs ("\033[K", stderr);
  fflush (stderr);
  p->shown = 1;
}

struct engine *
cmd_open_engine (const struct cli_options *o)
{
  /* The library as the other commands load it: the shipped content and
     the user's collections, or what --content names.  */
  char **dirs;
  size_t ndirs = prefs_library_dirs (o->content_dir, &dirs);
  const char *dir = dirs[0];
  struct progress p = { .shown = 0 };
  clock_gettime (CLOCK_MONOTONIC, &p.start);
  struct engine_options eo = {
    .content_dirs = (const char *const *) dirs,
    .ndirs = ndirs,
    .progress = isatty (STDERR_FILENO) ? show_progress : NULL,
    .progress_ctx = &p,
  };
  struct diags d = { 0 };
  char *note = NULL, *cause = NULL;
  struct engine *e = engine_open (&eo, &d, &note, &cause);
  if (p.shown)
    show_progress (&p, 1, 1);
  output_diags (&d);
  if (note)
    fprintf (stderr, "casebook: %s\n", note);
  if (e == NULL)
    fprintf (stderr, _("casebook: cannot search %s: %s\n"), dir, cause);
  else if (d.errors)
    {
      fprintf (stderr, _("casebook: %s: content has errors; "
                         "'casebook check %s' lists them\n"), dir, dir);
      engine_close (e);
      e = NULL;
    }
  free (note);
  free (cause);
  diags_free (&d);
  strv_free (dirs, ndirs);
  return e;
}
