/* query.h -- the search query language (casebook(1), QUERIES):
   words and "phrases" that must all occur, -term to exclude, tag:KEYWORD,
   lang:zh|en, and /regex/ (PCRE2).  A query is parsed and compiled once
   and can then be matched against any number of texts.  */

#ifndef CASEBOOK_QUERY_H
#define CASEBOOK_QUERY_H

#include <stddef.h>

#include "model.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* The years year: (and list --year) take: four digits.  */
#define QUERY_YEAR_MIN 1000
#define QUERY_YEAR_MAX 9999

enum term_kind { TERM_WORDS, TERM_REGEX };

/* What a text must contain for an alternative to occur in it: bytes
   outside ASCII, ASCII letters.  Lets the search skip texts quickly.  */
#define QUERY_NEEDS_NONASCII 1
#define QUERY_NEEDS_LETTER 2

/* One term: the alternatives it matches (the folded query text and, unless
   exact, its glossary renderings), or a compiled regex.  */
struct term
{
  enum term_kind kind;
  int negated;
  int quoted;                   /* a "phrase": stop words kept, required */
  int stopword;                 /* dropped from matching (engine_compile.c) */
  char *source;                 /* as the user typed it */
  size_t source_off;            /* where SOURCE begins in the query text */
  char **alts;                  /* folded alternatives */
  unsigned char *alt_needs;     /* per alternative: QUERY_NEEDS_* bits */
  size_t nalts;
  pcre2_code *re;
  int jit;                      /* RE was compiled by the JIT */
  char *literal;                /* a regex: text every match begins with,
                                   or NULL (see query_regex_literal) */
  char **literals;              /* a regex: texts of which every match
                                   holds one (query_regex_literals) */
  size_t nliterals;
  int literals_whole;           /* and they are all it matches */
};

struct query
{
  struct term *terms;
  size_t nterms;
  char **tags;                  /* folded tag: filters */
  size_t ntags;
  int lang_only;                /* -1 both, else an enum lang */
  /* Facets: collection:NAME, region:PLACE (folded), year:YYYY (from
     QUERY_YEAR_MIN to QUERY_YEAR_MAX).  */
  char **collections;
  size_t ncollections;
  char **regions;
  size_t nregions;
  int year;                     /* 0: any */
  long doc;                     /* doc:N (case:N); -1: any */
  /* Fields that no document meets together (case:7 case:6, year:2021
     year:2022, lang:zh lang:en): the query keeps nothing.  */
  int contradictory;
  /* Fields typed with a minus (-tag:X, -collection:X, -region:X,
     -year:Y, -doc:N): documents they would keep are left out.  */
  struct query_exclusion *excluded;
  size_t nexcluded;
};

enum query_field
{
  QUERY_FIELD_TAG, QUERY_FIELD_COLLECTION, QUERY_FIELD_REGION,
  QUERY_FIELD_YEAR, QUERY_FIELD_DOC
};

struct query_exclusion
{
  enum query_field field;
  char *value;                  /* folded; a year or number as digits */
};

/* A form of glossary entry ENTRY as an analysis gives it: folded (for
   query_parse), or its tokens joined by spaces (the engine's keys, so
   that "circuit inspections" typed finds "circuit inspection").  */
struct gloss_key
{
  char *key;
  size_t entry;
};

struct query_options
{
  int exact;                    /* no glossary cross-language expansion */
  int regex;                    /* the whole query is one regex */
  int revised;                  /* the reader reads the revised English:
                                   search it too (engine.h) */
  const struct glossary *glossary;
  /* Every form of GLOSSARY folded, sorted (query_glossary_folds): a
     term's entries found without folding each form again; NULL: folded
     as the query is parsed.  */
  const struct gloss_key *folds;
  size_t nfolds;
};

/* Every form of G folded as a query's terms are (norm_fold_string),
   sorted by query_gloss_key_compare: *N of them.  Caller frees each KEY
   and the array.  */
struct gloss_key *query_glossary_folds (const struct glossary *g,
                                        size_t *n);
/* The order of glossary keys: by KEY, then by entry.  For qsort.  */
int query_gloss_key_compare (const void *a, const void *b);

/* A parse or compile failure: MESSAGE (caller frees) and the byte offset
   in the query string where it was found.  */
struct query_error
{
  char *message;
  size_t offset;
};

/* Text that every match of the regex PATTERN (LEN bytes) contains: the
   literal characters it begins with (after a "^"), as long as case and
   quantifiers leave them fixed, and no alternative at its top level
   could do without them.  NULL when there are fewer than two bytes of
   such text.  Used to skip texts that cannot match.  Caller frees.  */
char *query_regex_literal (const char *pattern, size_t len);

/* Texts of which every match of the regex PATTERN (LEN bytes) holds one:
   its literal beginnings, with small character classes and groups of
   alternatives expanded ("检察[官长]" gives 检察官 and 检察长, "(a|b)c" ac
   and bc), in each alternative at its top level, as case and
   quantifiers leave them fixed.  NULL with *N = 0 when some match could
   hold none of at most 16 such texts of two or more bytes.  Used to
   select the texts a regex can match.  *WHOLE (if not NULL) is set when
   the texts are all that the regex matches, with no anchor ("检察[官长]",
   not "^检察官" or "检察官+").  Caller frees (strv_free).  */
char **query_regex_literals (const char *pattern, size_t len, size_t *n,
                             int *whole);

/* The number of the case that TEXT names, all of it, as a reader would
   ("case 6", "Case No. 6", 案例六, 案例6, 第六个案例, 第6案), or -1.  */
long query_case_reference (const char *text);

/* The character C as a query takes it, typed or pasted: a tab or a
   line break (LF, CR, VT, FF, NEL) is a space, another control (C0,
   DEL, C1) is left out (-1), any other is itself.  The browser's prompt
   and query_as_typed both ask it.  */
long query_typed_char (unsigned long c);

/* TEXT as the browser's prompt takes it, character by character
   (query_typed_char).
   Bytes that are not UTF-8 are kept, for query_parse to refuse.  The
   command line passes its query through it, so that the same text
   gives the same answer in both.  Caller frees.  */
char *query_as_typed (const char *text);

/* Parse TEXT.  Returns NULL and fills ERR on failure.  Free with
   query_free().  */
struct query *query_parse (const char *text, const struct query_options *opt,
                           struct query_error *err);
void query_free (struct query *q);

/* Is term T a plain word as typed: ASCII letters and digits only, not
   quoted, excluded or a field?  */
int query_plain_word (const struct term *t);

/* Is TEXT (a UTF-8 query) nothing but the white space that divides a
   query's words, or nothing at all?  */
int query_blank (const char *text);

/* Are terms A and then B, neither quoted, written one after the other
   in TEXT (the query they were parsed from) with only spaces between
   them?  */
int query_terms_adjacent (const char *text, const struct term *a,
                          const struct term *b);

/* Is V, typed after a field (tag:V), one word to the query language:
   nothing in it that ends a term (white space, Chinese punctuation,
   "，" or "、" beside an ideograph)?  Else it must be quoted.  */
int query_value_is_one_word (const char *v);

/* Whether PCRE2 was built with JIT support.  */
int query_jit_available (void);

/* Match limits for regexes: a pathological pattern ends with an error.  */
#define QUERY_MATCH_LIMIT 1000000
#define QUERY_DEPTH_LIMIT 10000
/* Words, phrases, regexes and tag: filters in one query.  */
#define QUERY_MAX_TERMS 100
/* Characters in one word or phrase: more than any paragraph of the
   releases (the longest is some 2,300), and few enough that SQLite's
   FTS5, which grows a phrase's list of tokens a few at a time, builds
   it at once (50,000 tokens took a minute under AddressSanitizer).  */
#define QUERY_MAX_TERM_CHARS 10000

#endif /* CASEBOOK_QUERY_H */
