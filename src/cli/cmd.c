/* cmd.c -- the table of commands and what several of them share:
   finding a command by name, loading the library, the reader's
   language.  */

#include <config.h>
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "engine.h"
#include "i18n.h"
#include "output.h"
#include "prefs.h"
#include "progress.h"
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

/* The options of only some commands, beside the CMD_OPT_* ones, with
   the commands that take them.  */
static const struct
{
  const char *option;
  const char *commands;         /* space-separated */
} option_owners[] = {
  { "--regex", "search export browser" },
  { "--exact", "search export browser" },
  { "--no-correct", "search export browser" },
  { "--no-pager", "show" },
  { "--side-by-side", "show" },
  { "--glossary", "check" },
  { "--pending", "check" },
  { "--release", "check" },
  { "--english", "show list tags search cite related export browser" },
  { "-o", "import export" },
  { "--add", "import" },
  { "--name", "import" },
  { "--max-size", "import" },
  { "--publisher", "import" },
  { "--date", "import" },
  { "--format", "export" },
  { "--region", "list" },
  { "--year", "list" },
  { "--facets", "list" },
  /* What check and import say is of the files as they are.  */
  { "--script", "show list search cite tags related export library "
    "browser" },
};

int
cmd_takes (const struct cmd_entry *entry, const char *option)
{
  size_t n = strlen (entry->name);
  for (size_t i = 0; i < sizeof option_owners / sizeof *option_owners; i++)
    if (strcmp (option_owners[i].option, option) == 0)
      {
        for (const char *c = option_owners[i].commands; *c;)
          {
            size_t len = strcspn (c, " ");
            if (len == n && memcmp (c, entry->name, n) == 0)
              return 1;
            c += len;
            c += *c == ' ';
          }
        return 0;
      }
  return 1;
}

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
cmd_read_content (const char *const *dirs, size_t ndirs, int headers,
                  struct diags *d)
{
  struct progress p;
  progress_start (&p, _("reading documents"));
  struct content_load_options lo = {
    .headers_only = headers,
    .progress = p.on ? progress_update : NULL,
    .progress_ctx = &p,
  };
  struct library *lib = content_load_with (dirs, ndirs, &lo, d);
  progress_end (&p);
  return lib;
}

int
cmd_read_document (const struct document *doc, struct document *whole)
{
  return cmd_read_document_during (doc, whole, NULL);
}

int
cmd_read_document_during (const struct document *doc,
                          struct document *whole, struct progress *progress)
{
  struct diags d = { 0 };
  int bad = content_read_whole (doc, whole, &d) != 0;
  if (progress && (bad || d.count > 0))
    progress_update (progress, 1, 1);   /* erased: a line of its own */
  output_diags (&d);
  diags_free (&d);
  if (bad)
    {
      char *v = output_visible (doc->path);
      char *dir = output_shell_word (doc->collection && doc->collection->dir
                                     ? doc->collection->dir : doc->path);
      fprintf (stderr, _("casebook: %s has errors; to list them: "
                         "casebook check %s\n"), v, dir);
      free (dir);
      free (v);
      return -1;
    }
  return 0;
}

/* After errors in the content of DIRS (NDIRS of them: the content
   directory, then the user's library), listed in D: say how to list
   them, or, when they are in one of the user's collections (they stop
   every command), how to be rid of it.  Nothing when the content
   directory could not be read: its error is all there is to say.  */
static void
hint_content_errors (char *const *dirs, size_t ndirs, const struct diags *d)
{
  const char *dir = dirs[0];
  int user = 0;
  size_t ulen = ndirs > 1 ? strlen (dirs[1]) : 0;
  for (size_t i = 0; i < d->count && ndirs > 1; i++)
    user |= d->items[i].severity == DIAG_ERROR
      && strncmp (d->items[i].file, dirs[1], ulen) == 0
      && d->items[i].file[ulen] == '/';
  int only_dir = 1;
  for (size_t i = 0; i < d->count && only_dir; i++)
    only_dir = d->items[i].severity != DIAG_ERROR
      || strcmp (d->items[i].file, dir) == 0;
  if (user)
    fprintf (stderr, _("casebook: a collection of your library has "
                       "errors; 'casebook check' lists them and "
                       "'casebook library remove NAME' removes it\n"));
  else if (!only_dir)
    {
      char *a = output_visible (dir);
      char *w = output_shell_word (dir);
      fprintf (stderr, _("casebook: %s: content has errors; to list "
                         "them: casebook check %s\n"), a, w);
      free (w);
      free (a);
    }
}

static struct library *
load_library (const struct cli_options *o, int headers)
{
  struct diags d = { 0 };
  char **dirs;
  size_t ndirs = prefs_library_dirs (o->content_dir, &dirs);
  struct library *lib = cmd_read_content ((const char *const *) dirs, ndirs,
                                          headers, &d);
  output_diags (&d);
  if (d.errors)
    {
      hint_content_errors (dirs, ndirs, &d);
      library_free (lib);
      lib = NULL;
    }
  diags_free (&d);
  strv_free (dirs, ndirs);
  return lib;
}

struct library *
cmd_load_library (const struct cli_options *o)
{
  return load_library (o, 0);
}

struct library *
cmd_load_library_headers (const struct cli_options *o)
{
  return load_library (o, 1);
}

const struct document *
cmd_find_document (const struct library *lib, const char *spec)
{
  const struct document *d = library_find (lib, spec);
  if (d)
    return d;
  /* "nope/7": the collection is what is missing, and 'casebook
     library' names those there are.  */
  const char *slash = strrchr (spec, '/');
  if (slash && slash > spec
      && library_collection (lib, spec, (size_t) (slash - spec)) == NULL)
    {
      char *id = xstrndup (spec, (size_t) (slash - spec));
      char *v = output_visible (id);
      fprintf (stderr, _("casebook: no collection '%s' (try 'casebook "
                         "library')\n"), v);
      free (v);
      free (id);
      return NULL;
    }
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

/* The index's progress: documents counted, or a wait for another
   casebook's update.  */
static int
index_progress (void *ctx, size_t done, size_t total)
{
  if (total == INDEX_WAITING)
    progress_step (ctx, _("waiting for another casebook to update the "
                          "search index"));
  else
    progress_update (ctx, done, total);
  return 0;
}

static int
is_directory (const char *path)
{
  struct stat st;
  return stat (path, &st) == 0 && S_ISDIR (st.st_mode);
}

/* Say what engine_open or engine_settle reported about the content of
   DIRS (NDIRS): D, *NOTE, and *CAUSE (freed) when FAILED.  Returns -1
   when the engine cannot be used (FAILED, or errors in the content).  */
static int
say_engine (char *const *dirs, size_t ndirs, struct diags *d, char *note,
            char *cause, int failed)
{
  const char *dir = dirs[0];
  output_diags (d);
  if (note)
    fprintf (stderr, "casebook: %s\n", note);
  char *shown = output_visible (dir);
  int rc = 0;
  if (failed)
    {
      char *why = output_visible (cause);
      fprintf (stderr, _("casebook: cannot search %s: %s\n"), shown, why);
      free (why);
      rc = -1;
    }
  else if (d->errors && !is_directory (dir))
    rc = -1;                    /* said: no directory to check */
  else if (d->errors)
    {
      hint_content_errors (dirs, ndirs, d);
      rc = -1;
    }
  free (shown);
  free (note);
  free (cause);
  diags_free (d);
  return rc;
}

/* cmd_open_engine, and cmd_open_saved_engine with SAVED_ONLY (*WITHOUT
   then set).  */
static struct engine *
open_engine (const struct cli_options *o, int check_alongside,
             int saved_only, int *without)
{
  /* The library as the other commands load it: the shipped content and
     the user's collections, or what --content names.  */
  char **dirs;
  size_t ndirs = prefs_library_dirs (o->content_dir, &dirs);
  struct progress p;
  progress_start (&p, _("indexing documents"));
  struct engine_options eo = {
    .content_dirs = (const char *const *) dirs,
    .ndirs = ndirs,
    .progress = p.on ? index_progress : NULL,
    .progress_ctx = &p,
    .check_alongside = check_alongside,
    .saved_only = saved_only,
  };
  struct diags d = { 0 };
  char *note = NULL, *cause = NULL;
  struct engine *e = engine_open (&eo, &d, &note, &cause);
  progress_end (&p);
  if (without)
    *without = e == NULL && cause == NULL;
  if (say_engine (dirs, ndirs, &d, note, cause, e == NULL && cause) != 0)
    {
      cmd_close_engine (e);
      e = NULL;
      if (without)
        *without = 0;
    }
  strv_free (dirs, ndirs);
  return e;
}

struct engine *
cmd_open_engine (const struct cli_options *o, int check_alongside)
{
  return open_engine (o, check_alongside, 0, NULL);
}

struct engine *
cmd_open_saved_engine (const struct cli_options *o, int *without)
{
  return open_engine (o, 0, 1, without);
}

/* Run STEP (engine_settle or engine_rebuild) on E for a command:
   progress on stderr, notes and problems said as cmd_open_engine says
   them, E closed when it failed.  Returns STEP's value, or -1.  */
static int
engine_step (const struct cli_options *o, struct engine *e,
             int (*step) (struct engine *, struct diags *, index_progress_fn,
                          void *, char **, char **))
{
  char **dirs;
  size_t ndirs = prefs_library_dirs (o->content_dir, &dirs);
  struct progress p;
  progress_start (&p, _("indexing documents"));
  struct diags d = { 0 };
  char *note = NULL, *cause = NULL;
  int rc = step (e, &d, p.on ? index_progress : NULL, &p, &note, &cause);
  progress_end (&p);
  if (say_engine (dirs, ndirs, &d, note, cause, rc < 0) != 0)
    {
      cmd_close_engine (e);
      rc = -1;
    }
  strv_free (dirs, ndirs);
  return rc;
}

int
cmd_rebuild_engine (const struct cli_options *o, struct engine *e)
{
  return engine_step (o, e, engine_rebuild);
}

int
cmd_settle_engine (const struct cli_options *o, struct engine *e)
{
  return engine_step (o, e, engine_settle);
}

void
cmd_close_engine (struct engine *e)
{
  char *said = engine_close_saying (e);
  if (said)
    {
      char *v = output_visible (said);
      fprintf (stderr, "casebook: %s\n", v);
      free (v);
      free (said);
    }
}

/* engine_refresh in engine_step's shape: it has no note, and what it
   finds of the content was said when E was opened: not said again.  */
static int
refresh (struct engine *e, struct diags *d, index_progress_fn progress,
         void *progress_ctx, char **note, char **cause)
{
  *note = NULL;
  struct diags said = { 0 };
  int rc = engine_refresh (e, &said, progress, progress_ctx, cause);
  (void) d;
  diags_free (&said);
  return rc;
}

int
cmd_refresh_engine (const struct cli_options *o, struct engine *e)
{
  return engine_step (o, e, refresh);
}
