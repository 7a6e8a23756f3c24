/* index_columns.h -- the columns of the search index (index.h): a
   document's texts by kind and language.  Apart from index.h so that
   what prepares a document for it (index_prep.h) needs no more.  */

#ifndef CASEBOOK_INDEX_COLUMNS_H
#define CASEBOOK_INDEX_COLUMNS_H

/* The indexed columns: a document's texts by kind and language.  */
enum index_column
{
  COL_TITLE_ZH, COL_TITLE_EN,
  COL_KEYWORDS_ZH, COL_KEYWORDS_EN,
  COL_BODY_ZH, COL_BODY_EN,
  /* The project's revised English of machine-translated release texts
     (casebook(5), en.rev): searched when the reader reads it.  */
  COL_TITLE_REV, COL_KEYWORDS_REV, COL_BODY_REV,
  COL_COUNT
};

/* A unit whose first token position is not known.  */
#define INDEX_NO_TOKEN 0xffffffffu

#endif /* CASEBOOK_INDEX_COLUMNS_H */
