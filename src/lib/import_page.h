/* import_page.h -- reading back a page that casebook exported
   (export.h, --format html): its table says row by row what each text
   is (title, procuratorate, region, section, heading, keywords,
   paragraph) and in which language, and marks the project's
   translations (class "tr"), so the document comes back as it was,
   both languages and their provenance, rather than as the lines of an
   unknown release.  */

#ifndef CASEBOOK_IMPORT_PAGE_H
#define CASEBOOK_IMPORT_PAGE_H

#include <libxml/tree.h>

#include "import.h"

/* Is the document whose root element is ROOT a page casebook exported
   (its generator meta data names casebook, and it has casebook's
   table)?  */
int import_page_is_casebook (xmlNode *root);

/* Turn the exported page ROOT, read from PATH, into a collection of one
   document in RES (free with import_free), with the page's date.  Rows
   it cannot place are warnings with the page's line.  Returns 0, or -1
   with *CAUSE set (caller frees) when the page holds no document.  */
int import_page_read (const char *path, xmlNode *root,
                      struct import_result *res, struct diags *diags,
                      char **cause);

#endif /* CASEBOOK_IMPORT_PAGE_H */
