/* lint.h -- checks of loaded content that the loader does not refuse:
   the discipline of the glossary and the marking of the project's words
   (see casebook(5)).  Every finding is a warning with file and line.  */

#ifndef CASEBOOK_LINT_H
#define CASEBOOK_LINT_H

#include <stddef.h>

#include "model.h"
#include "util.h"

/* Check the glossary of LIB against its texts: a variant that occurs in
   no text (a Chinese variant in no Chinese text, an English variant in no
   English text of the release's own; not checked when LIB left files out
   for their errors, whose texts may be the ones that have it), a variant
   of one character, and a variant that is also an entry's term.
   Returns the warnings added to DIAGS.  */
size_t lint_glossary (const struct library *lib, struct diags *diags);

/* Check that every text of LIB marked as the release's own (a key without
   ".tr") occurs byte for byte in RELEASE (LEN bytes, the release text the
   content was imported from); each keyword counts by itself.  Returns the
   warnings added to DIAGS.  */
size_t lint_release_words (const struct library *lib, const char *release,
                           size_t len, struct diags *diags);

/* Check the project's revisions (en.rev) against the release texts they
   revise: a revision must keep every number of its release text (runs of
   digits, "1,217" read as 1217, in any order) and every name of a person
   ("Zhang Moumou"); a document that revises any paragraph must revise
   each of its release English paragraphs, so that a reader who chooses
   the revision reads as many paragraphs as the release has.  Returns the
   warnings added to DIAGS.  */
size_t lint_revisions (const struct library *lib, struct diags *diags);

#endif /* CASEBOOK_LINT_H */
