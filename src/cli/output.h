/* output.h -- what every command prints with: JSON strings, case text
   made safe for the terminal (and converted to traditional script when
   asked), the terminal's width, and the library's diagnostics.  */

#ifndef CASEBOOK_OUTPUT_H
#define CASEBOOK_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

#include "cli.h"
#include "model.h"
#include "query.h"
#include "util.h"

/* Write the LEN bytes of S to F as a JSON string, escaping controls
   (C1 included).  */
void output_json_string (FILE *f, const char *s, size_t len);

/* Write ,"KEY": and T as a JSON string, or null when T is NULL.  */
void output_json_text (FILE *f, const char *key, const struct text *t);
/* Whose words the member KEY just written are, as show --json gives
   them: ",KEY_translated":bool, and ",KEY_revised":true for the
   project's revision.  */
void output_json_origin (FILE *f, const char *key, enum origin o);
/* The text T as the member KEY (output_json_text), then its origin
   (output_json_origin).  */
void output_json_marked (FILE *f, const char *key, const struct text *t);
/* Whether one-line lists mark what the project wrote: on a terminal,
   where a person reads them.  Piped, the fields stay the data they are
   (a tag is a query term), and --json says whose words each is.  */
int output_marks_shown (void);
/* The mark of a short field the project wrote (a title, a region, a
   keyword: a translation or the revised English) in one-line lists,
   as show marks its lines: "*" after it, when SHOWN.  */
void output_project_mark (int shown, enum origin o);

/* Print S to stdout, made safe for the terminal unless RAW.  */
void output_text (const char *s, size_t len, int raw);

/* Print text S of language L to stdout, safe for the terminal, in
   traditional script if O asked for it.  */
void output_lang (const struct cli_options *o, enum lang l, const char *s,
                  size_t len);

/* S (a command-line argument, a file name) made safe to quote in a
   message on the terminal: controls and invisible characters named.
   Caller frees.  */
char *output_visible (const char *s);
/* S as output_visible gives it, quoted as one word for a shell when it
   holds anything but letters, digits and _./:@%+=,- (a space, a
   quote), and after ./ when it begins with - (not an option): for a
   command a message suggests.  Caller frees.  */
char *output_shell_word (const char *s);

/* Say on OUT what is shown in place of what QUERY_TEXT finds
   (engine_amend): with FIX NULL, the other English (the release's when
   ENGLISH_REVISED, else casebook's revision); else the corrected query
   FIX, TYPED_FOUND when the query as typed found something, in the
   traditional script of OpenCC's SCRIPT_CONFIG when not NULL (as the
   text is shown: the correction is the index's simplified words).  */
void output_amend_note (FILE *out, int english_revised, const char *fix,
                        int typed_found, const char *query_text,
                        const char *script_config);

/* Say on stderr why QUERY_TEXT is not a query (ERR), showing the query
   around the place with a caret under it.  */
void output_query_error (const char *query_text,
                         const struct query_error *err);

/* Columns of the terminal on stdout, else $COLUMNS, else 80; at least 10.  */
int output_terminal_width (void);

/* Print each diagnostic of D on stderr, "casebook: FILE:LINE: error: ...",
   with what it quotes made safe for the terminal.  */
void output_diags (const struct diags *d);

#endif /* CASEBOOK_OUTPUT_H */
