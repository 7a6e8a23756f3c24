/* engine_priv.h -- what the engine's modules share (engine.c opens and
   reads the index; engine_compile.c turns a query into FTS5;
   engine_inst.c decodes what FTS5 found; engine_texts.c reads a
   document's texts; engine_regex.c runs regexes over them;
   engine_search.c ranks documents; engine_hits.c and engine_ahead.c
   place hits; engine_suggest.c corrects).  Only engine*.c include
   this: the front ends see engine.h alone.

   Every function here follows engine.h's convention: 0 (or a count)
   on success, -1 with *CAUSE (caller frees) on failure.  */

#ifndef CASEBOOK_ENGINE_PRIV_H
#define CASEBOOK_ENGINE_PRIV_H

#include <sqlite3.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "analyze.h"
#include "engine.h"
#include "index.h"
#include "model.h"
#include "util.h"

struct segmenter;

/* A search still reading after this long (nanoseconds) starts a thread
   to work from the other end (see engine_search.c).  The thread opens a
   connection of its own (0.3 ms), so a search that ends sooner gains
   nothing; one that ends later gains from an early start: at 2000
   documents, 0.5 ms rather than 2 made a frequent word 0.7-0.9 ms
   faster and a rare one no slower, where 0 made a rare one slower (its
   thread's start and the freshness check's thread then contend for the
   two processors).  2 ms was right while a new thread often stopped
   its creator for 0.6 ms (thread.h).  The default of
   engine_set_split.  */
#define SPLIT_AFTER_NS 500000

/* What the content of the index is: the changes other connections
   committed (PRAGMA data_version, -1 if unknown) and this one's
   updates.  */
struct generation
{
  long long others;
  unsigned long updates;
};

/* The terms of the vocabulary that begin with one byte, and the
   documents that hold each (engine_suggest.c).  */
struct vocab_letter
{
  struct vocab_term { size_t at, len; long docs; } *terms;
  size_t n;
  char *block;                  /* the terms, each at its AT */
};

struct engine
{
  struct index *ix;
  struct glossary glossary;
  char *content_dir;
  char **dirs;                  /* the content's directories, as given */
  size_t ndirs;
  struct generation seen;       /* when last brought up to date */
  struct gloss_key *gkeys;      /* sorted by tokens; built when first used */
  size_t ngkeys;
  char *gkeys_block;            /* the tokens of all, when read from the
                                   index (else each is its own) */
  int gkeys_built;
  struct gloss_key *gfolds;     /* the glossary's forms folded, for
                                   query_parse; built when first used */
  size_t ngfolds;
  char *gfolds_block;           /* their text, when read from the index
                                   (else each is its own) */
  int gfolds_built;
  uint64_t gloss_hash;          /* of the glossary's forms (glossary_hash) */
  int gloss_hashed;
  struct gloss_key *ukeys;      /* forms of two or three tokens, their
                                   tokens sorted (gloss_find_unordered);
                                   built when first used */
  size_t nukeys;
  int ukeys_built;
  size_t gspan;                 /* the most words of a glossary form
                                   (gloss_span); 0 until counted */
  struct segmenter *seg;        /* loaded when a query first needs it */
  int seg_tried;
  int t2s_memory;               /* save what folding learnt on close */
  int saved_only;               /* engine_options' SAVED_ONLY, while
                                   engine_open runs */
  sqlite3_stmt *units_st;       /* engine_texts_load's, prepared when
                                   first used */
  sqlite3_blob *blobs[COL_COUNT];       /* column_blob's */
  int saved;                    /* the index is in the cache, not memory */
  char *index_path;             /* where it is, NULL in memory */
  int check_pending;            /* the check engine_open began alongside
                                   runs until engine_settle */
  char *unusable;               /* why, once engine_settle failed: E can
                                   only be closed */
  int (*interrupt) (void *);    /* engine_set_interrupt's */
  void *interrupt_ctx;
  int interrupted;              /* INTERRUPT said stop during a search */
  /* Set when a read found the index damaged (engine_damaged): the
     engine's own flag, which its readers' point to as well.  */
  _Atomic int damaged;
  /* Set once an update that found the saved index malformed has had it
     removed and built again (sync_or_fall_back): not twice.  */
  int damage_rebuilt;
  _Atomic int *damage;
  struct vocab_letter *vocab[256];      /* by first byte, read when
                                           first asked (vocab_letter) */
  struct generation vocab_seen; /* what they were read from */
  long long split_after_ns;     /* engine_set_split's */
  size_t split_docs;            /* engine_split_docs's */
  int no_pairs;                 /* engine_set_pairs (E, 0) */
  void (*between_reads) (void *, int); /* engine_set_between_reads's */
  void *between_reads_ctx;
  size_t pairs_left_out;        /* engine_pairs_left_out's */
  int no_regex_counts;          /* engine_set_regex_counts (E, 0) */
  size_t regex_counted_docs;    /* engine_regex_counted_docs's */
};

/* One FTS5 phrase of the query.  */
struct phrase
{
  char *first_alt;              /* of a concept's first phrase: the words */
  int concept;                  /* >= 0: a concept; -1: a tag; -2: a
                                   required quoted phrase (see req) */
  int req;                      /* index of the required term, or -1 */
  int prefix;                   /* last token matched as a prefix: trim
                                   the hit to its first character */
  char prefix_char[5];          /* that token, one folded ideograph */
  int first_single;             /* the first of two or more tokens is one
                                   ideograph, which the index places with
                                   the bigram it ends: the hit begins
                                   with that character */
  int filter;                   /* a regex's literal: selects documents,
                                   its instances are no hits */
  unsigned spellings;           /* how many of the concept's alternatives
                                   it stands for (engine_compile.c) */
  /* Where it is in the expression's list of phrases OR'd together:
     AT bytes into MATCH, LEN long.  And its tokens (pairs_token), when
     the filter of neighbouring tokens can say it occurs nowhere: two or
     more, none colocated, the last no prefix; else NULL.  */
  size_t at, len;
  uint64_t *tokens;
  size_t ntokens;
};

struct engine_query
{
  struct query *q;
  char *text;                   /* as typed */
  char *match;                  /* the FTS5 expression, NULL if none */
  size_t list_at, list_end;     /* its list of phrases OR'd together */
  struct phrase *phrases;
  size_t nphrases;
  size_t nconcepts;
  size_t nrequired;             /* quoted phrases that must all match */
  size_t nquoted;               /* of them, those typed in quotes (the
                                   others are regexes' literals) */
  char *negmatch;               /* excluded words, when nothing positive */
  int has_regex;
  int *regex_req;               /* per term: the required index of a
                                   regex's literals, or -1 */
  /* The query's one regex, when its matches are its literals' places in
     a plain document (regex_counted in engine_compile.c): its term's
     number, else -1.  */
  int regex_counted;
  int lang_only;
  int unmatchable;              /* a word with nothing to find in it */
  int revised;                  /* search the revised English too */
  int exact, regex;             /* compiled with these options */
};

/* One instance of a phrase: token positions [first, last] of a column.  */
struct inst
{
  int phrase, col, first, last;
};

/* What cb_inst says of a row besides its instances.  */
struct row_stats
{
  int len;                      /* tokens in the document */
  int avg_len;                  /* tokens in an average document */
  unsigned revised;             /* a bit per column of the revised
                                   English the row has */
};

/* The texts and unit maps of a document.  A text is read from the
   index one unit at a time, when it is needed (engine_texts_unit):
   passages need a few paragraphs of a document, not all of it.  */
struct doc_texts
{
  const char *col[COL_COUNT];   /* BUF, or "" for a column not loaded */
  size_t len[COL_COUNT];
  struct index_unit *units[COL_COUNT];
  size_t nunits[COL_COUNT];
  char *buf[COL_COUNT];         /* LEN + 1 bytes, only READ units set */
  unsigned char *read[COL_COUNT];       /* per unit: read into BUF */
  unsigned char placed[COL_COUNT];      /* engine_texts_units_placed's */
  unsigned char ordered[COL_COUNT];     /* a revised column's units in
                                           reading order, each once */
  sqlite3_blob *blob[COL_COUNT];        /* the engine's, on this row */
  _Atomic int *damage;          /* the engine's: set where a text cannot
                                   be read */
};

/* What engine_search keeps of a document for engine_hits.  The
   document's strings (collection, path, titles) follow it in the same
   block.  */
struct doc_priv
{
  struct inst *inst;
  size_t ninst;
  unsigned version;             /* engine_db_version when it was found */
  struct generation found;      /* and its generation */
  double *idf;                  /* per concept, as the search weighed
                                   them (NULL: one concept, or none):
                                   the results' own idf */
  size_t nidf;
};

/* engine.c: the index and its connections.  */

/* A number that changes whenever the index does, by this connection or
   another (SQLite's data version of the database file, as of the last
   read).  Cheap: it is compared for every document whose hits are
   taken.  */
unsigned engine_db_version (struct engine *e);

/* What the content of E's index is now, and whether two such are the
   same.  */
struct generation engine_generation (struct engine *e);
int engine_same_generation (struct generation a, struct generation b);

/* A safety net for the calls that must not read an index that a check
   begun alongside may yet find out of date: a caller that opened E with
   CHECK_ALONGSIDE has called engine_settle before them, and this does
   nothing.  Otherwise it settles, dropping what engine_settle would
   say; returns -1 with *CAUSE (caller frees) when E can no longer
   search.  */
int engine_settle_quietly (struct engine *e, char **cause);

/* Nanoseconds since *SINCE (CLOCK_MONOTONIC).  */
long long engine_elapsed_ns (const struct timespec *since);

/* Open R, a second connection to E's index for another thread, and
   begin its read.  Returns 0, or -1 with nothing open.  Closed (its
   read ended) by engine_close_reader.  */
int engine_open_reader (struct engine *r, struct engine *e);

/* DB's last error, as a cause (caller frees); when it says the database
   is damaged, E (or the engine whose reader E is) is marked so
   (engine_damaged).  */
char *engine_db_error (struct engine *e, sqlite3 *db);
/* Mark E's index damaged: what it holds cannot be what was indexed.  */
void engine_note_damage (struct engine *e);
void engine_close_reader (struct engine *r);

/* engine_compile.c: queries into FTS5 expressions.  */

/* Append ALT as an FTS5 phrase to B; 0 if it has no tokens (nothing is
   appended then).  *PREFIX is set when its last token is one ideograph,
   matched as a prefix of the bigrams it begins.  */
int engine_compile_add_phrase (struct analyzer *a, struct buf *b,
                               const char *alt, int *prefix);

/* Append " OR " to B unless it is empty.  */
void engine_compile_add_or (struct buf *b);

/* The tokens of S joined by spaces.  Caller frees.  */
char *engine_compile_token_key (struct analyzer *a, const char *s);

/* Make E's glossary keys (e->gkeys) if they are not made yet.  */
void engine_compile_gloss_keys (struct engine *e);

/* E's segmenter, loaded when first asked for; NULL when friso or its
   dictionary is not installed.  */
struct segmenter *engine_compile_segmenter (struct engine *e);

/* W without the ASCII punctuation typed around it ("handlng?",
   "(please)"), which is part of the term: a pointer into W, its length
   in *LEN.  */
const char *engine_compile_bare_word (const char *w, size_t *len);
/* Is the word W no more than a stop word ("the", "怎么", "please!") or
   punctuation typed as a word ("&", "-")?  */
int engine_compile_ignorable (const char *w);

/* The number of ideographs in the LEN bytes at S (or the string S) if
   they hold nothing else, else 0.  */
size_t engine_compile_ideographs_n (const char *s, size_t len);
size_t engine_compile_ideographs (const char *s);
/* Make the temporary tables of the index's vocabulary (fts5vocab: vocab,
   its terms and the documents that hold each; vocab_at).  0 or -1.  */
int engine_open_vocab (struct engine *e);

/* The documents that the FTS5 expression M matches, or that the words W
   match as a phrase; -1 if the index cannot say.  */
long engine_compile_count_docs (struct engine *e, const char *m);
long engine_compile_phrase_docs (struct engine *e, const char *w);

/* engine_inst.c: what cb_inst says of a row.  */

/* Decode the instances of cb_inst's BLOB (BYTES) into *OUT (caller
   frees), sorted, skipping phrases the query does not know; *RS (if not
   NULL) gets the row's lengths.  Returns the number of instances.  */
size_t engine_inst_decode (const struct engine_query *q, const void *blob,
                           int bytes, struct inst **out,
                           struct row_stats *rs);

/* Hits: V's N instances merged where they overlap in one column (the
   instances of a regex's literal are not hits); and those hits in each
   language, into LANG_HITS[LANG_COUNT].  */
size_t engine_inst_count_merged (const struct inst *v, size_t n,
                                 const struct engine_query *q);
/* Forget the vocabulary engine_suggest read (engine_suggest.c).  */
void engine_vocab_forget (struct engine *e);

void engine_inst_count_by_lang (const struct inst *v, size_t n,
                                const struct engine_query *q,
                                size_t *lang_hits);

/* engine_texts.c: a document's texts, read from the index.  */

/* Get ready to read the texts of document ID: the columns whose bit is
   set in MASK (the others are left empty), with their unit maps.
   Returns 0, or -1 with *CAUSE.  T is freed by engine_texts_free either
   way.  */
int engine_texts_load (struct engine *e, int64_t id, unsigned mask,
                       struct doc_texts *t, char **cause);
void engine_texts_free (struct doc_texts *t);

/* Make sure unit U of column C, or all of column C, is in T's
   buffer.  */
void engine_texts_unit (const struct doc_texts *t, int c,
                        const struct index_unit *u);
void engine_texts_column (const struct doc_texts *t, int c);

/* Close E's blob handles: an open one holds a read transaction.  */
void engine_texts_release (struct engine *e);

/* The name of column C in the docs table and in fts5vocab's rows.  */
const char *engine_texts_column_name (int c);

/* The last unit of column C that begins at or before token position P,
   or NULL.  */
const struct index_unit *engine_texts_unit_of_token (const struct doc_texts *t,
                                                     int c, size_t p);

/* Does every unit of column C of T have its first token position, in
   order (an index that noted them)?  */
int engine_texts_units_placed (const struct doc_texts *t, int c);

/* The reading order of two places of a document (part, section,
   block): the title first, then section by section, each section's
   title before its blocks.  <0, 0 or >0.  */
int engine_texts_compare_place (enum hit_part pa, size_t sa, size_t ba,
                                enum hit_part pb, size_t sb, size_t bb);

/* For a reader of the revised English: drop from V (*N instances of
   document ID) those in the release's English of a unit that the
   project revised.  The reader reads the revision there, and a hit is
   one the reader can see: both front ends count what the browser can
   show.  Returns 0, or -1 with *CAUSE.  */
int engine_texts_drop_revised (struct engine *e, int64_t id, struct inst *v,
                               size_t *n, char **cause);

/* MASK (a bit per column) with the columns of the revised English that
   revise the release's English columns in it.  */
unsigned engine_texts_with_revised (unsigned mask);

/* Is unit U of column C of T the release's English of a place that the
   project revised (T holding the map of the revised column)?  */
int engine_texts_is_revised (const struct doc_texts *t, int c,
                             const struct index_unit *u);

/* engine_regex.c: the query's regexes over a document's texts.  */

/* The columns (a bit mask) that the regexes of Q must be run on in a
   document whose instances are V (N).  */
unsigned engine_regex_columns (const struct engine_query *q,
                               const struct inst *v, size_t n);

/* Run the regex terms of Q over the texts T (whose instances are V,
   NV).  Appends each match to HITS (if not NULL; *HITS_ALLOC its
   allocation) and returns 1 if every positive regex matched and no
   negated one did, 0 if not, -1 on a limit with *CAUSE.  *COUNT gets
   the number of matches of positive regexes, LANG_COUNT (if not NULL)
   those per language.  */
int engine_regex_run (const struct engine_query *q, const struct doc_texts *t,
                      const struct inst *v, size_t nv,
                      struct engine_hits *hits, size_t *hits_alloc,
                      size_t *count, size_t *lang_count, char **cause);

/* engine_search.c */

/* Has the index changed since DP was found (by another casebook, or by
   engine_refresh), so that its instances are positions in an older
   text?  */
int engine_search_stale (struct engine *e, const struct doc_priv *dp);

/* engine_hits.c */

/* Put HITS (N) in reading order, the first NWORDS of them the words'
   hits and the others the regexes' matches, and merge a match with the
   hits that cover some of the same characters of one text into one
   that covers them all: a regex's match where a word of the query has
   a hit ("prison /prisons?/"), or two regexes' matches.  Two words'
   hits are not merged so: they were merged where their instances
   overlap, and may share a character where their bigrams do not (as
   they do when the query has no regex).  The merged hit is the word's,
   with its concept, if one of them is.  Returns how many are left.  */
size_t engine_hits_merged (struct engine_hit *hits, size_t n,
                           size_t nwords);

/* The number of hits that the words' instances V (N, none a literal's)
   and the regexes' matches MATCHES (in T; merged in place) make,
   merged as engine_hits merges them (engine_hits_merged), and of them
   those in each language, into LANG_HITS[LANG_COUNT].  The instances
   are placed by analysing their units of T.  */
size_t engine_hits_count_merged (struct engine *e,
                                 const struct engine_query *q,
                                 struct doc_texts *t, const struct inst *v,
                                 size_t n, struct engine_hits *matches,
                                 size_t *lang_hits);

/* engine_hits_first, in E; with PINNED, E reads what the search read
   (engine_hits_ahead's second connection, whose read was checked when
   it began) and D's version says nothing about it.  */
int engine_hits_read (struct engine *e, const struct engine_query *q,
                      const struct engine_doc *d, size_t max,
                      size_t max_texts, int pinned,
                      struct engine_hits *out, char **cause);

#endif /* CASEBOOK_ENGINE_PRIV_H */
