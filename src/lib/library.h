/* library.h -- the user's library of collections on disk: installing an
   imported collection there atomically and removing one.  The shipped
   content is never touched.  Nothing here prints.  */

#ifndef CASEBOOK_LIBRARY_H
#define CASEBOOK_LIBRARY_H

#include "import.h"

/* Whether NAME can name a collection: 1 to 64 bytes of letters, digits,
   '-', '_' and '.' (not first), or non-ASCII UTF-8; never "." or "..".  */
int library_name_ok (const char *name);

/* NAME as a collection is to be named (its id, its directory in the
   library): in NFKC, so that the full-width ｂａｔｃｈ３ is batch3.  NULL
   when NAME holds a control or an invisible character (a bidirectional
   control, a zero-width space: what norm_visible_string names), by
   which one collection could pass for another, with *CAUSE saying so
   and showing them (caller frees).  Caller frees.  */
char *library_name_norm (const char *name, char **cause);

/* Install RES as the collection NAME under PARENT (created 0700 if
   needed), its id set to NAME: written into a temporary directory under
   PARENT, every file and the directory synced, then renamed into place,
   so a half-written collection never appears.  Refuses a NAME in use.
   Returns 0, or -1 with *CAUSE set (caller frees).  */
int library_install (const struct import_result *res, const char *parent,
                     const char *name, char **cause);

/* Remove the collection NAME under PARENT: renamed out of sight first,
   then deleted; where NAME is a link to a collection, the link alone is
   removed.  Returns 0, or -1 with *CAUSE set (caller frees).  */
int library_remove (const char *parent, const char *name, char **cause);

#endif /* CASEBOOK_LIBRARY_H */
