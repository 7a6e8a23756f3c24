/* cmd.h -- the commands of the command line, in the manner of tmux's
   cmd-*.c: each src/cli/cmd-NAME.c defines one struct cmd_entry with
   its name, its argument rule, what to say when the arguments do not
   fit, and the function that runs it.  cli.c parses the options, finds
   the command in cmd_table and checks its arguments; no command repeats
   those checks.  */

#ifndef CASEBOOK_CMD_H
#define CASEBOOK_CMD_H

#include "cli.h"
#include "model.h"
#include "util.h"

/* The dispatcher loads the library (cmd_load_library) before it runs the
   command and frees it after; other commands receive NULL.  With
   CMD_HEADERS too, only the documents' headers are read
   (content_load_headers): enough for a command that lists documents by
   number, title, region and keywords, and many times faster.  */
#define CMD_LIBRARY 0x1
#define CMD_HEADERS 0x2

/* The output options a command takes (struct cmd_entry.options).  The
   dispatcher refuses, with exit status 2, an option the command would
   ignore and the pairs that contradict each other (see cli.c).  */
#define CMD_OPT_JSON     0x01   /* --json */
#define CMD_OPT_COUNT    0x02   /* --count */
#define CMD_OPT_RAW      0x04   /* --raw */
#define CMD_OPT_COLOR    0x08   /* --color */
#define CMD_OPT_LANG     0x10   /* --lang zh or en */
#define CMD_OPT_BOTH     0x20   /* --lang both */
#define CMD_OPT_WIDTH    0x40   /* --width */
#define CMD_OPT_SNIPPETS 0x80   /* -n */

struct cmd_entry
{
  const char *name;
  const char *alias;            /* another name it answers to, or NULL */
  /* Its synopsis and what it does, as --help lists it (N_()): two
     spaces, the name and its arguments, two spaces or more, the
     description.  */
  const char *help;
  int min_args;                 /* arguments after the name */
  int max_args;                 /* -1: any number */
  /* Said on stderr when the arguments do not fit (N_(), translated when
     printed; marked xgettext:c-format, as the catalogues have it); NULL
     for a command that takes none, where the dispatcher says "NAME takes
     no arguments".  */
  const char *usage;
  int flags;                    /* CMD_LIBRARY, CMD_HEADERS */
  int options;                  /* CMD_OPT_* it takes */
  /* Run the command with the global options O, the library LIB (with
     CMD_LIBRARY, else NULL) and its ARGC arguments ARGV (the name not
     included); returns the exit status: 0 success, 1 nothing found,
     2 error.  */
  int (*exec) (const struct cli_options *o, const struct library *lib,
               int argc, char **argv);
};

extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_cite_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_library_entry;
extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_related_entry;
extern const struct cmd_entry cmd_search_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_tags_entry;

/* Every command, NULL-terminated.  */
extern const struct cmd_entry *const cmd_table[];

/* The command called NAME (its name or its alias, exactly), or NULL.  */
const struct cmd_entry *cmd_find (const char *name);

/* Whether the command ENTRY takes OPTION ("--add", "-o"), an option of
   only some commands that is not one of the CMD_OPT_* above; an option
   this does not know is every command's.  The dispatcher refuses it
   elsewhere; a command's --help lists it.  The browser is the command
   named "browser" here.  */
int cmd_takes (const struct cmd_entry *entry, const char *option);

/* Load the library of the content directory O asked for (else the
   shipped content and the user's collections, prefs_library_dirs()),
   printing its diagnostics; NULL, after saying why, when
   it cannot be loaded or has errors.  Caller frees with library_free.  */
struct library *cmd_load_library (const struct cli_options *o);
/* The same with only the documents' headers (content_load_headers), for
   the browser.  */
struct library *cmd_load_library_headers (const struct cli_options *o);

/* Read the content of DIRS as the dispatcher does (whole, or with
   HEADERS only the documents' headers), its problems into D, showing
   progress on a terminal when it takes long.  Caller frees.  */
struct library *cmd_read_content (const char *const *dirs, size_t ndirs,
                                  int headers, struct diags *d);

/* Read DOC, which the library knows by its header, whole into *WHOLE
   (caller frees with document_free, after an error too); on an error in
   its text, say where on stderr and return -1.  */
int cmd_read_document (const struct document *doc, struct document *whole);
/* The same while PROGRESS (a struct progress) may be on stderr: its line
   is erased before anything is said (the next update draws it again).  */
struct progress;
int cmd_read_document_during (const struct document *doc,
                              struct document *whole,
                              struct progress *progress);

struct engine;

/* Open the search engine over the content directory O asked for (else
   the default one), showing progress on a terminal while it indexes and
   printing its diagnostics and notes; NULL, after saying why, when it
   cannot search or the content has errors.  Close with engine_close.
   With CHECK_ALONGSIDE, whether the content changed is checked while
   the caller searches: it calls cmd_settle_engine before it shows
   anything (engine_settle).  */
struct engine *cmd_open_engine (const struct cli_options *o,
                                int check_alongside);

/* cmd_open_engine for a command that has a way without the index,
   slower than with it but faster than building one in memory: where
   the index cannot be kept in the user's cache directory, NULL with
   *WITHOUT set, the note that says why printed.  NULL with *WITHOUT 0
   as cmd_open_engine's.  */
struct engine *cmd_open_saved_engine (const struct cli_options *o,
                                      int *without);

/* Settle E (engine_settle), saying what cmd_open_engine would have.
   Returns 0 when what E answered stands, 1 when it must be asked
   again; -1, after saying why and closing E, when it cannot search or
   the content has errors.  */
int cmd_settle_engine (const struct cli_options *o, struct engine *e);

/* engine_close for a command: what closing lost (engine_close_saying)
   is said on stderr.  */
void cmd_close_engine (struct engine *e);

/* engine_rebuild for a command, E's index found damaged: progress on
   stderr, notes and problems said as cmd_open_engine says them.
   Returns 0, or -1 with E closed.  */
int cmd_rebuild_engine (const struct cli_options *o, struct engine *e);

/* engine_refresh for a command, saying what cmd_open_engine would
   have.  Returns 1 when the index changed since E's last search (its
   results are out of date), 0 when it did not; -1, after saying why
   and closing E, when it cannot search.  */
int cmd_refresh_engine (const struct cli_options *o, struct engine *e);

/* The document SPEC names ("COLLECTION/N", or "N" when one collection
   has it), or NULL after saying on stderr that there is none or which
   collections have it.  */
const struct document *cmd_find_document (const struct library *lib,
                                          const char *spec);

/* The language to read in: --lang, else the locale's.  */
enum lang cmd_reader_lang (const struct cli_options *o);

#endif /* CASEBOOK_CMD_H */
