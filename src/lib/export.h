/* export.h -- a document written out for sharing: Markdown, a standalone
   printable HTML page (both languages side by side, provenance marked,
   a citation, no external assets, every text escaped) that the HTML
   importer reads back, or one JSON object per line for scripts.  */

#ifndef CASEBOOK_EXPORT_H
#define CASEBOOK_EXPORT_H

#include "model.h"
#include "util.h"

enum export_format { EXPORT_MARKDOWN, EXPORT_HTML, EXPORT_JSONL };

/* Parse "md" (or "markdown"), "html" or "jsonl".  Returns 0 or -1.  */
int export_format_parse (const char *s, enum export_format *f);

/* Append DOC in format F to OUT: a whole page for HTML, one line for
   JSON Lines, a Markdown document.  LANG is the reader's language: the
   citation gives the collection's title in it (in the other language
   when the collection has none in it).  SCRIPT, an OpenCC
   configuration ("s2tw.json") or NULL, puts the Chinese of Markdown
   and HTML in traditional script; JSON Lines, data for scripts, is
   always the text as the content holds it.  */
void export_document (const struct document *doc, enum export_format f,
                      enum lang lang, const char *script, struct buf *out);

#endif /* CASEBOOK_EXPORT_H */
