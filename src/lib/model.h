/* model.h -- the in-memory model of casebook content: a library holds
   collections, a collection holds documents (the overview and the cases),
   a document holds sections, a section holds blocks (paragraphs, headings,
   keyword lists).  Every text is bilingual: a Chinese and an English side,
   each either the release's own words, the project's translation, or
   missing.  The model owns every string; nothing here draws or prints.  */

#ifndef CASEBOOK_MODEL_H
#define CASEBOOK_MODEL_H

#include <stddef.h>

enum lang { LANG_ZH, LANG_EN, LANG_COUNT };

enum origin
{
  ORIGIN_NONE,          /* this side is missing (translation pending) */
  ORIGIN_RELEASE,       /* the release's own text, kept as given */
  ORIGIN_TRANSLATION,   /* translated by the casebook project */
  ORIGIN_REVISION       /* the project's corrected text of a release text
                           in the same language (key "en.rev") */
};

/* One side of a bilingual text.  STR is NUL-terminated UTF-8 (already
   checked) of LEN bytes; NULL when ORIGIN is ORIGIN_NONE.  */
struct text
{
  char *str;
  size_t len;
  enum origin origin;
  unsigned long line;           /* line in the content file, 0 if none */
  size_t file_off;              /* where STR stands, byte for byte, in it */
};

/* SIDE[LANG_EN] is what the release says (or the project's translation);
   REV, when its origin is ORIGIN_REVISION, is the project's corrected
   English of a release English side, which a reader may choose instead
   (ORIGIN_NONE when there is none).  */
struct bitext
{
  struct text side[LANG_COUNT];
  struct text rev;
};

enum block_kind { BLOCK_PARAGRAPH, BLOCK_HEADING, BLOCK_KEYWORDS };

struct block
{
  enum block_kind kind;
  int level;                    /* headings: 1 for 一、/1., 2 for (一)/(1) */
  struct bitext text;
  unsigned long line;
  char **glossary_ok;           /* glossary terms deliberately not rendered */
  size_t nglossary_ok;
};

struct section
{
  struct bitext title;          /* empty for text before the first section */
  struct block *blocks;
  size_t nblocks;
  unsigned long line;
};

/* Keywords as parallel lists: item I of one language renders item I of
   the other.  */
struct keyword_list
{
  char **items[LANG_COUNT];
  size_t count[LANG_COUNT];
  enum origin origin[LANG_COUNT];
  char **rev_items;             /* the revised English list (keywords.en.rev) */
  size_t rev_count;             /* 0 when there is none */
};

struct collection;

struct document
{
  long number;
  unsigned long number_line;
  int partial;                  /* only the header is read (number, title,
                                   procuratorate, region and a keyword list
                                   before the text): no sections yet;
                                   content_load_body() reads the rest */
  char *path;
  const struct collection *collection;
  struct bitext title;
  struct bitext procuratorate;
  struct bitext region;
  struct keyword_list keywords;
  struct section *sections;
  size_t nsections;
};

struct collection
{
  char *id;
  char *dir;
  char *date;
  char *source;
  struct bitext title;
  struct bitext publisher;
  struct bitext theme;
  struct document *docs;        /* sorted by number */
  size_t ndocs;
  int user;                     /* from the user's library, not shipped */
};

struct glossary_entry
{
  char *term[LANG_COUNT];       /* the canonical form in each language */
  char **variants[LANG_COUNT];  /* other forms that occur in the texts
                                   (English: in the release's own text) */
  size_t nvariants[LANG_COUNT];
  char **synonyms[LANG_COUNT];  /* other forms of the same term that need
                                   not occur (abbreviations, inflections) */
  size_t nsynonyms[LANG_COUNT];
  unsigned long line;           /* its line in the glossary file */
};

struct glossary
{
  char *path;                   /* NULL when the library has none */
  struct glossary_entry *entries;
  size_t count;
};

struct library
{
  char *root;
  struct collection *colls;
  size_t ncolls;
  struct glossary glossary;
  /* Document files not loaded for their errors (a number given twice
     is one): their texts are in no collection.  */
  size_t left_out;
};

/* "zh" or "en" for L.  */
const char *lang_code (enum lang l);
/* Parse "zh"/"en" (also "chinese"/"english").  Returns 0 or -1.  */
int lang_parse (const char *s, enum lang *l);
enum lang lang_other (enum lang l);

/* The side of BT in L, or NULL when that side is missing.  */
const struct text *bitext_get (const struct bitext *bt, enum lang l);
/* Does BT have neither side?  */
int bitext_is_empty (const struct bitext *bt);
/* The side in L, else the other side, else NULL; *ACTUAL says which.  */
const struct text *bitext_pick (const struct bitext *bt, enum lang l,
                                enum lang *actual);

/* Is T the project's wording (a translation or a revision)?  */
int text_is_project (const struct text *t);
/* The side of BT in L as the reader chose: with REVISED, the project's
   revised English where BT has one; else as bitext_get().  */
const struct text *bitext_view (const struct bitext *bt, enum lang l,
                                int revised);
/* The keywords of KW in L as the reader chose (see bitext_view): sets
   *COUNT and returns the items.  */
char *const *keywords_view (const struct keyword_list *kw, enum lang l,
                            int revised, size_t *count);
/* The list that pairs item by item with KW's list in L as
   keywords_view gives it (REVISED as there), in the other language, with
   its length in *COUNT.  The Chinese pairs with the English revision
   where there is one (casebook(5)), or with the release's English when
   that is read and the two lists are of one length (a revision that
   mends words, not one that splits or joins items); the release's
   English, where there is a revision, pairs with the Chinese only in
   lists of one length.  NULL with *COUNT 0 when nothing pairs.  Points
   into KW.  */
char *const *keywords_partner (const struct keyword_list *kw, enum lang l,
                               int revised, size_t *count);
/* Whose words the lists keywords_view and keywords_partner give are:
   ORIGIN_RELEASE, ORIGIN_TRANSLATION or ORIGIN_REVISION.  */
enum origin keywords_view_origin (const struct keyword_list *kw, enum lang l,
                                  int revised);
enum origin keywords_partner_origin (const struct keyword_list *kw,
                                     enum lang l, int revised);

/* The forms of glossary entry E in L: its term (form 0), its variants,
   then its synonyms.  */
size_t glossary_nforms (const struct glossary_entry *e, enum lang l);
const char *glossary_form (const struct glossary_entry *e, enum lang l,
                           size_t i);
/* Whether DOC has any text in L (the release's or a translation).  */
int document_has_lang (const struct document *doc, enum lang l);

/* Where region: and list --region look: DOC's region and procuratorate
   in both languages, each folded as queries are (norm_fold_string),
   ANALYZE_BARRIER after each so that no match runs across two.  Caller
   frees.  */
char *document_region_folded (const struct document *doc);
/* Whether DOC's region or procuratorate, in either language, contains
   REGION, both folded as queries are (NFKC, case, traditional script):
   "广西", "廣西", "Guangxi", "南宁".  */
int document_in_region (const struct document *doc, const char *region);

/* The year DOC was released (its collection's date), or 0 if unknown.  */
int document_year (const struct document *doc);

/* Number of documents across the library.  */
size_t library_document_count (const struct library *lib);
/* The Ith document across all collections, in order.  */
const struct document *library_document (const struct library *lib, size_t i);
/* The same, to change (a partial document read whole).  */
struct document *library_document_rw (struct library *lib, size_t i);
/* Find a document by "N" or "COLLECTION/N".  NULL if none, and NULL
   when a plain N is in more than one collection (library_choices()
   lists them).  */
const struct document *library_find (const struct library *lib,
                                     const char *spec);
/* The collection of LIB whose id is the ID_LEN bytes at ID (the part
   of "COLLECTION/N" before the slash), or else whose id folds as ID
   does (case, width) when one collection's alone does; or NULL.  */
const struct collection *library_collection (const struct library *lib,
                                             const char *id, size_t id_len);
/* The index across the library (as library_document takes it) of
   document NUMBER of the collection whose id is COLL, or SIZE_MAX.  */
size_t library_index_of (const struct library *lib, const char *coll,
                         long number);
/* The documents a plain "N" names, in library order: up to MAX of them
   into OUT.  Returns how many there are.  */
size_t library_choices (const struct library *lib, const char *spec,
                        const struct document **out, size_t max);

/* Where in a document a text stands: its title, a section's title, or
   a block of a section.  */
enum hit_part { PART_TITLE, PART_SECTION, PART_BLOCK };

enum unit_kind { UNIT_TITLE, UNIT_HEADING, UNIT_KEYWORDS, UNIT_PARAGRAPH };

/* One text of a document, as document_walk visits it.  */
struct doc_unit
{
  enum hit_part part;
  size_t section;               /* PART_SECTION, PART_BLOCK */
  size_t block;                 /* PART_BLOCK */
  enum unit_kind kind;
  const struct bitext *text;
};

typedef int (*document_unit_fn) (void *ctx, const struct doc_unit *u);

/* Call FN for every text of DOC in reading order: the title, then each
   section's title and its blocks (empty texts too).  A non-zero return
   stops the walk and is returned.  The one walk over a document.  */
int document_walk (const struct document *doc, document_unit_fn fn,
                   void *ctx);

/* Free what COLL owns, its documents included (not COLL itself).  */
void collection_free (struct collection *coll);
/* Free what DOC owns (not DOC itself).  */
void document_free (struct document *doc);

/* Free DOC's sections and make it partial again, its header kept:
   content_load_body() reads them anew (the file has changed).  */
void document_drop_body (struct document *doc);
/* Free what G owns and clear it.  */
void glossary_free (struct glossary *g);
void library_free (struct library *lib);

#endif /* CASEBOOK_MODEL_H */
