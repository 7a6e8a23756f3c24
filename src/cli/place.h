/* place.h -- the place a command's arguments name: a document ("7",
   "COLLECTION/7"), then optionally a section and paragraph as casebook
   prints them ("§1 ¶12", "§1¶12", "s1 p12"), and for cite a range of
   paragraphs ("¶3-5").  Shared by show and cite.  */

#ifndef CASEBOOK_PLACE_H
#define CASEBOOK_PLACE_H

#include <stddef.h>

#include "model.h"

struct place
{
  const struct document *doc;   /* the document, read whole */
  struct document whole;        /* DOC, when the library held its header
                                   only (place_free) */
  size_t section;               /* 1-based; 0: the whole document */
  size_t para;                  /* 1-based block of the section; 0: the
                                   whole section */
  size_t para2;                 /* last paragraph of a range; 0: none */
  size_t section2;              /* the section of PARA2, when a range
                                   given as citations number paragraphs
                                   ("¶3-5") crosses one; 0: SECTION */
};

/* The document that ARG names at its start, as show, cite and export
   read it: "COLLECTION/N" or "N" after NFKC ("７", "ｂａｔｃｈ３／２") and
   without leading spaces; a collection id that NFKC would change is
   taken as typed.  *REST is what follows (a place, or nothing).  Both
   are the caller's to free; the name may be empty.  */
char *place_document_spec (const struct library *lib, const char *arg,
                           char **rest);

/* Read the place that ARGC arguments ARGV name (they are joined with
   spaces, so "7 §1¶12" may be one argument or several) into *P, checking
   that LIB has it; a range only when ALLOW_RANGE.  Returns 0, or -1 after
   saying on stderr what is wrong.  */
int place_parse (const struct library *lib, int argc, char **argv,
                 int allow_range, struct place *p);

/* Release what place_parse read (after an error too).  */
void place_free (struct place *p);

/* The blocks *P names (P->section must be set), 0-based: the first in
   *SECTION and *BLOCK, the last in *SECTION2 and *BLOCK2 (the whole
   section when P names no paragraph).  */
void place_blocks (const struct place *p, size_t *section, size_t *block,
                   size_t *section2, size_t *block2);

#endif /* CASEBOOK_PLACE_H */
