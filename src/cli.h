/* cli.h -- the command line: options, subcommands, plain and JSON
   output, exit statuses (0 found/ok, 1 nothing found, 2 error).  */

#ifndef CASEBOOK_CLI_H
#define CASEBOOK_CLI_H

#include "model.h"

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

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
  int raw;
  int glossary_check;
  const char *output_dir;
  const char *script;           /* NULL, "simplified" or "traditional" */
  const char *script_config;    /* OpenCC configuration for traditional
                                   display ("s2tw.json"), or NULL */
};

/* Run casebook with ARGC/ARGV; returns the exit status.  */
int cli_main (int argc, char **argv);

/* The content directory to use when none was given: $CASEBOOK_CONTENT,
   the source tree's content/ for an uninstalled build, else the installed
   one.  */
const char *cli_default_content (void);

/* The reader's language from the locale: zh for zh_* locales, else en.  */
enum lang cli_locale_lang (void);

#endif /* CASEBOOK_CLI_H */
