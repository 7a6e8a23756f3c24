/* cmd-export.c -- casebook export DOC...|QUERY --format md|html|jsonl
   [-o FILE]: documents written out for sharing (see export.h), to
   stdout (also -o -) or to FILE as the shell's > writes it; the Chinese
   of md and html in the script --script asks for, as show writes it.  Arguments that all
   name documents (N or COLLECTION/N) are those documents, in the order
   given; otherwise the arguments together are one query (casebook(1),
   QUERIES) and the documents it finds are exported best first, as
   `casebook search' ranks them.  An HTML page holds one document.  */

#include <config.h>
#include "cmd.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content.h"
#include "engine.h"
#include "export.h"
#include "i18n.h"
#include "norm.h"
#include "output.h"
#include "place.h"
#include "progress.h"
#include "util.h"

/* The document ARG names, as show reads it ("7", " 7", "７",
   "batch3/7"), or NULL when ARG is no document's name but words of a
   query.  Caller frees.  */
static char *
document_name (const struct library *lib, const char *arg)
{
  char *rest;
  char *s = place_document_spec (lib, arg, &rest);
  const char *slash = strrchr (s, '/');
  const char *n = slash ? slash + 1 : s;
  int name = slash != s && *n && n[strspn (n, "0123456789")] == '\0'
    && rest[strspn (rest, " ")] == '\0';
  free (rest);
  if (!name)
    {
      free (s);
      return NULL;
    }
  return s;
}

/* The documents the query ARGV (ARGC words) finds, best first, into
   *DOCS (caller frees).  Returns how many, or -1 after saying why.  */
static long
query_documents (const struct cli_options *o, const struct library *lib,
                 int argc, char **argv, const struct document ***docs)
{
  struct buf qb = { 0 };
  for (int i = 0; i < argc; i++)
    {
      if (i)
        buf_addc (&qb, ' ');
      buf_adds (&qb, argv[i]);
    }
  buf_addc (&qb, '\0');
  /* As the browser's prompt would take it.  */
  char *text = query_as_typed (qb.data);
  buf_free (&qb);
  struct engine *e = cmd_open_engine (o, 0);
  if (e == NULL)
    {
      free (text);
      return -1;
    }
  struct query_options qo = { .exact = o->exact, .regex = o->regex,
                              .revised = o->english_revised };
  struct query_error err;
  struct engine_query *q = engine_compile (e, text, &qo, &err);
  long n = -1;
  struct engine_results r = { 0 };
  char *error = NULL;
  if (q == NULL)
    {
      output_query_error (text, &err);
      free (err.message);
    }
  else if (engine_search (e, q, &r, &error) != 0)
    {
      fprintf (stderr, "casebook: %s\n", error);
      free (error);
    }
  else
    {
      /* What search shows is what is exported: a correction, or the
         other English, in place of a query that finds nothing (or
         has words that find nothing), said on stderr as search says
         it.  */
      if (!o->no_correct)
        {
          struct engine_amended a;
          engine_amend (e, q, &r, &a);
          if (a.how != ENGINE_AMEND_NONE)
            {
              output_amend_note (stderr, o->english_revised,
                                 a.how == ENGINE_AMEND_CORRECTED ? a.fix
                                 : NULL, r.ndocs > 0, text, o->script_config);
              engine_results_free (&r);
              engine_query_free (q);
              r = a.r;
              q = a.q;
              free (a.fix);
            }
        }
      *docs = xcalloc (r.ndocs ? r.ndocs : 1, sizeof **docs);
      n = 0;
      for (size_t i = 0; i < r.ndocs; i++)
        {
          char *spec = xasprintf ("%s/%ld", r.docs[i].collection,
                                  r.docs[i].number);
          const struct document *d = library_find (lib, spec);
          free (spec);
          if (d)
            (*docs)[n++] = d;
        }
      engine_results_free (&r);
      if (n == 0)
        {
          struct visible v;
          norm_visible (text, strlen (text), 0, &v);
          fprintf (stderr, _("casebook: no document matches %s\n"), v.str);
          norm_visible_free (&v);
        }
    }
  engine_query_free (q);
  cmd_close_engine (e);
  free (text);
  return n;
}

/* Is the directory DIR (its name without links) REAL, or below it?  */
static int
within (const char *dir, const char *real)
{
  char *r = real ? realpath (real, NULL) : NULL;
  size_t n = r ? strlen (r) : 0;
  int in = r && strncmp (dir, r, n) == 0 && (dir[n] == '\0' || dir[n] == '/'
                                             || n == 1);
  free (r);
  return in;
}

/* Would writing PATH write to LIB's content: is the file it names, its
   links followed as export follows them, one of the content's files (a
   document, a collection.cb, the glossary), or would a new one be made
   in a directory of the content (a document, a collection.cb, a
   glossary it would then read)?  casebook never writes to content, and
   export -o 01.cb in a collection replaced the document it exported.  */
static int
writes_content (const struct library *lib, const char *path)
{
  char *target = util_follow_links (path);
  if (target == NULL)
    return 0;                   /* the write will say why it cannot */
  struct stat out, c;
  int hit = 0;
  if (stat (target, &out) == 0)
    {
      for (size_t i = 0; i < lib->ncolls && !hit; i++)
        {
          const struct collection *coll = &lib->colls[i];
          char *meta = coll->dir
            ? util_path_join (coll->dir, CONTENT_COLLECTION_FILE) : NULL;
          hit = meta && stat (meta, &c) == 0 && c.st_dev == out.st_dev
            && c.st_ino == out.st_ino;
          free (meta);
          for (size_t k = 0; k < coll->ndocs && !hit; k++)
            hit = coll->docs[k].path && stat (coll->docs[k].path, &c) == 0
              && c.st_dev == out.st_dev && c.st_ino == out.st_ino;
        }
      if (!hit && lib->root)
        {
          char *g = util_path_join (lib->root, CONTENT_GLOSSARY_FILE);
          hit = stat (g, &c) == 0 && c.st_dev == out.st_dev
            && c.st_ino == out.st_ino;
          free (g);
        }
    }
  else
    {
      /* A new file: not in the content's root, nor in or below one of
         its collections or their library.  */
      const char *slash = strrchr (target, '/');
      char *parent = slash ? xstrndup (target, (size_t) (slash - target))
        : xstrdup (".");
      char *dir = realpath (*parent ? parent : "/", NULL);
      free (parent);
      for (size_t i = 0; dir && i < lib->ncolls && !hit; i++)
        {
          const char *cd = lib->colls[i].dir;
          if (cd == NULL)
            continue;
          char *up = xstrdup (cd);
          char *s2 = strrchr (up, '/');
          if (s2)
            *s2 = '\0';
          hit = within (dir, cd) || (lib->colls[i].user && within (dir, up));
          free (up);
        }
      if (dir && !hit && lib->root)
        hit = within (dir, lib->root);
      free (dir);
    }
  free (target);
  return hit;
}

static int
cmd_export_exec (const struct cli_options *o, const struct library *lib,
                 int argc, char **argv)
{
  enum export_format f = EXPORT_MARKDOWN;
  if (o->format)                /* checked with the other options */
    export_format_parse (o->format, &f);
  /* JSON Lines is data: the text as the content holds it, each marked
     the release's or the project's.  OpenCC's traditional script is
     neither, and a script could not undo it; asked for in so many
     words, it is refused rather than ignored (a zh_TW locale's default
     is not asked for).  */
  if (f == EXPORT_JSONL && o->script && strcmp (o->script, "traditional") == 0)
    {
      fprintf (stderr, _("casebook: --format jsonl writes the text as the "
                         "content holds it; --script=traditional is for md "
                         "and html\n"));
      return 2;
    }
  if (o->output_dir && strcmp (o->output_dir, "-") != 0
      && writes_content (lib, o->output_dir))
    {
      char *v = output_visible (o->output_dir);
      fprintf (stderr, _("casebook: writing %s would change the content; "
                         "export writes a copy elsewhere\n"), v);
      free (v);
      return 2;
    }
  char **names = xcalloc ((size_t) argc, sizeof *names);
  int by_name = 1;
  for (int i = 0; i < argc && by_name; i++)
    by_name = (names[i] = document_name (lib, argv[i])) != NULL;
  const struct document **docs = NULL;
  long n = argc;
  if (by_name)
    {
      docs = xcalloc ((size_t) argc, sizeof *docs);
      for (int i = 0; i < argc && docs; i++)
        if ((docs[i] = cmd_find_document (lib, names[i])) == NULL)
          {
            free (docs);
            docs = NULL;
          }
    }
  strv_free (names, (size_t) argc);
  if (by_name && docs == NULL)
    return 2;
  if (!by_name && (n = query_documents (o, lib, argc, argv, &docs)) <= 0)
    {
      free (docs);
      return n == 0 ? 1 : 2;
    }
  if (f == EXPORT_HTML && n > 1)
    {
      if (by_name)
        fprintf (stderr, _("casebook: an HTML page holds one document; "
                           "export them one at a time\n"));
      else
        fprintf (stderr, ngettext ("casebook: the query finds %ld document; "
                                   "an HTML page holds one: narrow the "
                                   "query, or use md or jsonl\n",
                                   "casebook: the query finds %ld documents; "
                                   "an HTML page holds one: narrow the "
                                   "query, or use md or jsonl\n",
                                   (unsigned long) n), n);
      free (docs);
      return 2;
    }
  struct buf out = { 0 };
  buf_adds (&out, "");
  int rc = 0;
  /* A query can find thousands, each read whole: seconds.  */
  struct progress p;
  progress_start (&p, _("exporting documents"));
  for (long i = 0; i < n && rc == 0; i++)
    {
      if (p.on)
        progress_update (&p, (size_t) i, (size_t) n);
      /* The library holds headers (CMD_HEADERS): each document is read
         whole as it is written, and an error in its text stops.  */
      struct document whole;
      if (cmd_read_document_during (docs[i], &whole, &p) != 0)
        rc = 2;
      else
        {
          if (f == EXPORT_MARKDOWN && i > 0)
            buf_adds (&out, "\n---\n\n");
          export_document (&whole, f, cmd_reader_lang (o), o->script_config,
                           &out);
        }
      document_free (&whole);
    }
  progress_end (&p);
  free (docs);
  /* "-o -" is standard output, as "-" is standard input to import.  */
  if (rc == 0 && o->output_dir && strcmp (o->output_dir, "-") != 0)
    {
      /* As the shell's > writes: through a link, into a FIFO or a
         device, not where > may not; a file is replaced whole where
         nothing but its text changes (util_write_out).  */
      if (util_write_out (o->output_dir, out.data, out.len) != 0)
        {
          int e = errno;
          char *v = output_visible (o->output_dir);
          fprintf (stderr, _("casebook: cannot write %s: %s\n"), v,
                   strerror (e));
          free (v);
          rc = 2;
        }
    }
  else if (rc == 0)
    fwrite (out.data, 1, out.len, stdout);
  buf_free (&out);
  return rc;
}

const struct cmd_entry cmd_export_entry = {
  .name = "export",
  /* The line --help gives it, in the list of commands.  */
  .help = N_("  export DOC...|QUERY  write documents, or those a query finds, as\n"
              "                       Markdown, HTML or JSON Lines\n"),
  .min_args = 1,
  .max_args = -1,
  /* xgettext:c-format */
  .usage = N_("casebook: export takes one or more documents, or a query\n"),
  .flags = CMD_LIBRARY | CMD_HEADERS,
  .exec = cmd_export_exec,
};
