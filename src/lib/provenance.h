/* provenance.h -- whose text a case shows in each language: the
   release's own, the casebook project's translation, or a mix.  Both
   front ends say so; the library only counts.  */

#ifndef CASEBOOK_PROVENANCE_H
#define CASEBOOK_PROVENANCE_H

#include "model.h"

enum provenance
{
  PROVENANCE_NONE,              /* no text in that language */
  PROVENANCE_RELEASE,           /* all of it is the release's text */
  PROVENANCE_TRANSLATION,       /* all of it is casebook's translation */
  PROVENANCE_MIXED,             /* some of each */
  PROVENANCE_REVISED            /* English as the reader chose to read it:
                                   the project's revision of the release's
                                   text in places (perhaps with
                                   translations) */
};

/* Count the texts of DOC in language L (title, section titles, blocks)
   that are the release's own (*RELEASE) and casebook's translation
   (*TRANSLATED).  */
void provenance_count (const struct document *doc, enum lang l,
                       size_t *release, size_t *translated);

/* The provenance of DOC's text in L, from provenance_count.  */
enum provenance provenance_of (const struct document *doc, enum lang l);

/* The provenance of DOC's text in L as it is shown: with REVISED (the
   reader reads the revised English), PROVENANCE_REVISED when any of the
   English shown is the project's revision; else provenance_of.  */
enum provenance provenance_shown (const struct document *doc, enum lang l,
                                  int revised);

#endif /* CASEBOOK_PROVENANCE_H */
