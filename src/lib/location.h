/* location.h -- a place in a collection as casebook prints it and a
   reader types it: a case number, a section and a paragraph, written
   "7 §1 ¶12".  Shared by the browser's go-to prompt and the command
   line.  */

#ifndef CASEBOOK_LOCATION_H
#define CASEBOOK_LOCATION_H

#include <stddef.h>

struct location
{
  int has_doc;                  /* a case number was given */
  long doc;                     /* the case's number */
  size_t section;               /* 1-based; 0: not given */
  size_t para;                  /* 1-based paragraph of the section, or
                                   of the case as citations number them
                                   (cite_paragraph) when SECTION is 0;
                                   0: not given */
};

/* Parse S: an optional case number, then optionally "§N" and "¶N" (also
   written "sN", "pN"), spaces anywhere between the parts: "7",
   "7 §1 ¶12", "7§1¶12", "§2", "s1 p3"; "7 ¶15" alone is paragraph 15 of
   the case, as a citation numbers it.  Full-width digits and letters
   ("７ §１") are read as their ASCII forms.
   Returns 0, or -1 with *CAUSE set (caller frees).  */
int location_parse (const char *s, struct location *loc, char **cause);

/* "§S ¶P", "§S", "¶P" or "" for LOC's section and paragraph.  Caller
   frees.  */
char *location_format (const struct location *loc);

#endif /* CASEBOOK_LOCATION_H */
