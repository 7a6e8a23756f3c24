/* cmd-related.c -- casebook related DOC: the five documents most
   related to DOC (related.h), best first, each with its title and what
   it shares with DOC; or one JSON object per document with --json.
   Exit 1 when no document is related at all.  The search index, brought
   up to date, holds each document's terms: only the documents it lacks
   are read (all of them when there is no saved index).  */

#include <config.h>
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "engine.h"
#include "i18n.h"
#include "output.h"
#include "norm.h"
#include "place.h"
#include "progress.h"
#include "related.h"
#include "util.h"

/* How many related documents the command shows.  */
#define RELATED_SHOWN 5

/* What read_whole is given: the progress to erase before a message,
   and the documents read so far.  */
struct reading
{
  struct progress *progress;
  const struct document **read;
  size_t nread, alloc;
};

/* related_options.read_whole: the library holds headers (CMD_HEADERS),
   and each document is read whole in turn, not all at once (300 MB at
   2000 documents).  The reasons read a document again for each other
   one they are found with: what its content says (a warning) was said
   the first time, and is not said again for each.  */
static int
read_whole (void *ctx, const struct document *doc, struct document *whole)
{
  struct reading *r = ctx;
  for (size_t i = 0; i < r->nread; i++)
    if (r->read[i] == doc)
      {
        struct diags d = { 0 };
        int rc = content_read_whole (doc, whole, &d);
        diags_free (&d);
        if (rc == 0)
          return 0;
        /* Changed since, and now in error: said as the first time.  */
        document_free (whole);
        break;
      }
  r->read = xgrow (r->read, &r->alloc, r->nread + 1, sizeof *r->read);
  r->read[r->nread++] = doc;
  return cmd_read_document_during (doc, whole, r->progress);
}

/* related_options.progress: on stderr; the command is never stopped
   half-way (Ctrl-C ends it).  */
static int
relating (void *ctx, size_t done, size_t total)
{
  progress_update (ctx, done, total);
  return 0;
}

static int
cmd_related_exec (const struct cli_options *o, const struct library *lib,
                  int argc, char **argv)
{
  (void) argc;
  /* Named as show names it (" 7", "７"); anything after the name is
     none, and the whole argument is named in the error.  */
  char *rest;
  char *name = place_document_spec (lib, argv[0], &rest);
  const struct document *d = NULL;
  if (rest[strspn (rest, " ")])
    {
      /* Not through cmd_find_document: it would take the slash of
         "7 a/b" for a collection's, and say there is no "7 a".  */
      char *v = output_visible (argv[0]);
      fprintf (stderr, _("casebook: no document '%s' (try 'casebook "
                         "list')\n"), v);
      free (v);
    }
  else
    d = cmd_find_document (lib, name);
  free (rest);
  free (name);
  if (d == NULL)
    return 2;
  enum lang l = cmd_reader_lang (o);
  /* Problems in the content were said as it was indexed.  Without a
     saved index, reading every document once (4.9 s and 61 MB at 2000)
     is faster than building an index in memory to read its terms
     (10.1 s and 281 MB).  */
  int without;
  struct engine *eng = cmd_open_saved_engine (o, &without);
  if (eng == NULL && !without)
    return 2;
  struct progress p;
  progress_start (&p, _("relating the documents"));
  struct reading reading = { &p, NULL, 0, 0 };
  struct related_options ro = {
    .read_whole = read_whole, .read_ctx = &reading,
    .progress = p.on ? relating : NULL, .progress_ctx = &p,
    .engine = eng
  };
  struct related_index *ri = related_index_new (lib, &ro);
  progress_end (&p);
  cmd_close_engine (eng);
  if (ri == NULL)
    {
      free (reading.read);
      return 2;
    }
  struct related_doc rel[RELATED_SHOWN];
  size_t n = related_find (ri, d, l, RELATED_SHOWN, rel);
  for (size_t i = 0; i < n; i++)
    {
      const struct related_doc *r = &rel[i];
      const struct document *e = r->doc;
      if (o->json)
        {
          printf ("{\"document\":%ld,\"collection\":", e->number);
          output_json_string (stdout, e->collection->id,
                              strlen (e->collection->id));
          printf (",\"score\":%.4f,\"keywords\":%zu", r->score, r->keywords);
          printf (",\"reasons\":[");
          for (size_t k = 0; k < r->nreasons; k++)
            {
              if (k)
                putchar (',');
              output_json_string (stdout, r->reasons[k],
                                  strlen (r->reasons[k]));
            }
          putchar (']');
          output_json_marked (stdout, "title_zh", bitext_get (&e->title, LANG_ZH));
          output_json_marked (stdout, "title_en",
                            bitext_view (&e->title, LANG_EN,
                                         o->english_revised));
          printf ("}\n");
          continue;
        }
      if (lib->ncolls > 1)
        {
          output_text (e->collection->id, strlen (e->collection->id), o->raw);
          printf ("/%ld  ", e->number);
        }
      else
        printf ("%2ld  ", e->number);
      enum lang tl;
      const struct text *t = bitext_pick (&e->title, l, &tl);
      if (tl == LANG_EN)
        t = bitext_view (&e->title, LANG_EN, o->english_revised);
      if (t)
        output_lang (o, tl, t->str, t->len);
      output_project_mark (output_marks_shown (),
                           t ? t->origin : ORIGIN_RELEASE);
      putchar ('\n');
      /* The reasons are keywords and glossary terms: Chinese ones in
         the script asked for, as the title above (--json keeps the
         text as it is, as everywhere).  */
      for (size_t k = 0; o->script_config && k < rel[i].nreasons; k++)
        {
          char *conv = norm_to_traditional (rel[i].reasons[k],
                                            strlen (rel[i].reasons[k]),
                                            o->script_config);
          if (conv)
            {
              free (rel[i].reasons[k]);
              rel[i].reasons[k] = conv;
            }
        }
      char *why = related_reason (r);
      printf ("    ");
      output_text (why, strlen (why), o->raw);
      putchar ('\n');
      free (why);
    }
  for (size_t i = 0; i < n; i++)
    related_doc_free (&rel[i]);
  related_index_free (ri);
  free (reading.read);
  return n > 0 ? 0 : 1;
}

const struct cmd_entry cmd_related_entry = {
  .name = "related",
  /* The line --help gives it, in the list of commands.  */
  .help = N_("  related DOC          the five documents most related to DOC, and why\n"),
  .min_args = 1,
  .max_args = 1,
  /* xgettext:c-format */
  .usage = N_("casebook: related takes one document\n"),
  .flags = CMD_LIBRARY | CMD_HEADERS,
  .options = CMD_OPT_JSON | CMD_OPT_LANG,
  .exec = cmd_related_exec,
};
