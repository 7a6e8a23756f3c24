/* termcheck.h -- the glossary check: glossary terms of the release's
   text that the project's translation leaves without a rendering.  */

#ifndef CASEBOOK_TERMCHECK_H
#define CASEBOOK_TERMCHECK_H

#include <stddef.h>

#include "model.h"
#include "util.h"

/* In every block of LIB with a project translation, each glossary term
   found on the release side (and not listed as left out on purpose) must
   have a rendering on the translated side: add a warning to D for each
   one that has none.  Returns the number of such misses.  */
size_t termcheck_library (const struct library *lib, struct diags *d);

#endif /* CASEBOOK_TERMCHECK_H */
