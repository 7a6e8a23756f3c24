/* tags.h -- the tags of a library: every keyword, merged by its folded
   form, with the documents that carry it.  One table for the command
   line's `tags' and the browser's tags pane.  */

#ifndef CASEBOOK_TAGS_H
#define CASEBOOK_TAGS_H

#include <stddef.h>

#include "model.h"
#include "strmap.h"

struct tag
{
  char *folded;                 /* the key (norm_fold_string) */
  const char *name;             /* as first met; points into the library */
  const char *other;            /* the other language's rendering, or NULL */
  enum lang lang;               /* of NAME */
  enum origin name_origin, other_origin;  /* whose words they are */
  long *docs;                   /* document numbers, each once, in order */
  const char **colls;           /* the collection of each; points into the
                                   library */
  size_t ndocs;
  size_t docs_alloc;
  size_t colls_alloc;
  size_t last_doc;              /* library index + 1 of the last document counted */
};

struct tag_table
{
  struct tag *items;            /* in order of first appearance */
  size_t count;
  size_t alloc;
  struct strmap index;          /* folded -> position in ITEMS */
};

/* Collect the keywords of every document of LIB in language L (a
   document without keywords in L contributes those of the other
   language), merged when they fold alike, into T; with REVISED, the
   project's revised English list where there is one.  Linear in the
   number of keywords.  T borrows names from LIB, which must outlive it;
   free T with tags_table_free.  */
void tags_collect (const struct library *lib, enum lang l, int revised,
                   struct tag_table *t);
void tags_table_free (struct tag_table *t);

#endif /* CASEBOOK_TAGS_H */
