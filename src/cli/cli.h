/* cli.h -- the command line: options, subcommands, plain and JSON
   output, exit statuses (0 found/ok, 1 nothing found, 2 error).  */

#ifndef CASEBOOK_CLI_H
#define CASEBOOK_CLI_H

#include "model.h"
#include "prefs.h"

/* What the options asked for; the TUI receives it too.  */
struct cli_options
{
  const char *content_dir;
  int lang;                     /* -1: from the locale; else enum lang */
  int both;                     /* --lang both */
  int width;                    /* 0: terminal width */
  int json;
  enum color_mode color;
  int count;
  int max_snippets;
  int regex;
  int exact;
  int no_correct;               /* never search a corrected query */
  int raw;
  int glossary_check;
  int pending;                  /* check --pending: texts lacking a side */
  const char *release_file;     /* check --release: the release text */
  int english_revised;          /* --english=revised */
  const char *output_dir;       /* import: the collection; export: the file */
  int add;                      /* import --add: into the user's library */
  const char *name;             /* import --add --name */
  size_t max_size;              /* import --max-size; 0: IMPORT_MAX_SIZE */
  const char *publisher;        /* import --publisher */
  const char *date;             /* import --date, YYYY-MM-DD */
  const char *format;           /* export --format */
  const char *region;           /* list --region */
  int year;                     /* list --year; 0: any */
  int facets;                   /* list --facets */
  const char *script;           /* NULL, "simplified" or "traditional" */
  int no_pager;                 /* show --no-pager */
  int side_by_side;             /* show --side-by-side */
  const char *script_config;    /* OpenCC configuration for traditional
                                   display ("s2tw.json"), or NULL */
};

/* How the command line opens the browser (ui_run): it runs until the
   reader quits and returns the exit status.  LIB holds the documents'
   headers (content_load_headers); the browser reads a document whole
   when it opens it.  */
typedef int (*cli_browse_fn) (struct library *lib,
                              const struct reader_prefs *prefs);

/* Run casebook with ARGC/ARGV, opening the browser with BROWSE when no
   command is given on a terminal; returns the exit status.  */
int cli_main (int argc, char **argv, cli_browse_fn browse);

#endif /* CASEBOOK_CLI_H */
