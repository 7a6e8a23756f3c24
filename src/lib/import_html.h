/* import_html.h -- a release page saved from a website (File → Save Page
   As) turned into a casebook collection: the page is decoded (UTF-8 or
   GB2312/GBK/GB18030, as it declares or as its bytes show), parsed with
   libxml2's HTML parser, its article found and its text lines handed to
   the release-text importer (import.h), which knows the 案例N /
   【关键词】 / 【基本案情】 structure.  */

#ifndef CASEBOOK_IMPORT_HTML_H
#define CASEBOOK_IMPORT_HTML_H

#include <stddef.h>

#include "import.h"
#include "util.h"

/* Whether DATA (LEN bytes, read from PATH) is an HTML page: PATH ends in
   .html or .htm, or the text starts (after a BOM, blanks and comments)
   with a doctype or an html, head or meta tag.  */
int import_is_html (const char *path, const char *data, size_t len);

/* Import the HTML page DATA (LEN bytes, read from PATH) into RES, as
   import_release() does for a text.  What the importer could not place
   goes to DIAGS as warnings at the page's line (PATH:LINE).  Returns 0,
   or -1 with *CAUSE set (caller frees) when the page holds no article;
   RES is then empty.  Free RES with import_free().  */
int import_html (const char *path, const char *data, size_t len,
                 struct import_result *res, struct diags *diags,
                 char **cause);

#endif /* CASEBOOK_IMPORT_HTML_H */
