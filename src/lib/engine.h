/* engine.h -- the one door to search.  Both front ends search through
   it and nothing else, so the same query gives the same answer in
   `casebook search` (plain, --json, --count) and in the browser.

   An engine is opened over a content directory.  Inside, it decides how
   to answer: from the index in the user's cache directory, brought up to
   date one document at a time, or, when that directory cannot be used
   safely, from an index built in memory (same analysis, same answers).
   A query is compiled once and can be run any number of times.

   Query semantics (casebook(1), QUERIES): words are concepts, each with
   its glossary renderings in both languages; stop words are dropped
   unless quoted.  A document matching every concept ranks first, then
   by how many concepts it matches, then by BM25 (titles and keywords
   weigh more).  "Quoted phrases", /regex/ and tag: must match; -term
   excludes; lang: limits the languages searched.  */

#ifndef CASEBOOK_ENGINE_H
#define CASEBOOK_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include "index.h"
#include "model.h"
#include "query.h"
#include "util.h"

struct engine;

struct engine_options
{
  const char *content_dir;      /* the content, when CONTENT_DIRS is not
                                   given */
  const char *const *content_dirs;      /* or several directories as one
                                           library (prefs_library_dirs) */
  size_t ndirs;
  int in_memory;                /* never use the cache directory */
  int saved_only;               /* never build an index in memory: where
                                   engine_open would (the cache directory
                                   cannot hold one, or it cannot be opened
                                   or updated), it returns NULL, *NOTE
                                   saying why and *CAUSE NULL.  For a
                                   caller that has a cheaper way without
                                   an index.  */
  index_progress_fn progress;   /* NULL, or told how indexing goes */
  void *progress_ctx;
  int check_alongside;          /* see engine_settle */
};

/* Open an engine over O's content, bringing its index up to date
   (with O's CHECK_ALONGSIDE, see engine_settle).
   Problems in the content go to DIAGS (the engine still opens; whether
   errors are fatal is the caller's choice).  *NOTE (caller frees, may be
   NULL) says once why the saved index could not be used, or that a
   damaged one was rebuilt.  Returns NULL with *CAUSE (caller frees) when
   nothing could be searched at all.  */
struct engine *engine_open (const struct engine_options *o,
                            struct diags *diags, char **note, char **cause);
void engine_close (struct engine *e);
/* engine_close, returning what the user should hear of it (caller
   frees), or NULL: index_close_saying's note.  A front end says it
   once its own output is done.  */
char *engine_close_saying (struct engine *e);

/* Bring E's index up to date with the content again, as engine_open
   did (problems go to DIAGS).  A front end that lives long, the
   browser, calls it before a new search: files may have been edited
   meanwhile.  PROGRESS, if not NULL, is told as engine_options'
   is (documents indexed again, or a wait for another casebook's
   update).  Returns 1 when the index changed since E was opened or
   last refreshed (here or by another casebook): results of earlier
   searches are then out of date and must not be used with
   engine_hits.  0 when it did not; -1 with *CAUSE (caller frees) when
   the index failed.  */
int engine_refresh (struct engine *e, struct diags *diags,
                    index_progress_fn progress, void *progress_ctx,
                    char **cause);

/* With engine_options' CHECK_ALONGSIDE, engine_open only begins the
   check that the content is as the index last saw it (a stat of every
   file), in another thread, and engine_compile, engine_search,
   engine_search_one, engine_suggest and the correction calls answer
   meanwhile from the index as it is.  engine_settle waits for that
   check; when something changed it brings the index up to date as
   engine_open would have (DIAGS, PROGRESS, *NOTE and *CAUSE as
   there).  Returns 0 when the
   answers given meanwhile stand, 1 when the index changed since and
   they must be worked out again, -1 with *CAUSE (caller frees) when
   nothing can be searched (E can then only be closed); *NOTE as
   engine_open's.  Call it before taking hits or asking
   engine_several_collections: those settle first if it was not, and
   what it would have said is lost.  engine_refresh checks in full
   anyway and drops a check begun alongside.  */
int engine_settle (struct engine *e, struct diags *diags,
                   index_progress_fn progress, void *progress_ctx,
                   char **note, char **cause);

/* Did a call on E fail because its index is damaged (a damaged file,
   or contents that cannot be what was indexed)?  Then engine_rebuild
   makes it again.  */
int engine_damaged (const struct engine *e);

/* Remove E's damaged index and build it again from the content, as
   engine_open would a new one (DIAGS, PROGRESS, *NOTE, which says why,
   and *CAUSE as there); in memory when the cache cannot hold it.
   Compiled queries stay usable; results of earlier searches are not.
   Returns 0, or -1 with *CAUSE (E can then only be closed).  */
int engine_rebuild (struct engine *e, struct diags *diags,
                    index_progress_fn progress, void *progress_ctx,
                    char **note, char **cause);

/* Does the index hold documents of more than one collection?  Then a
   plain document number may be ambiguous, and a front end names each
   document COLLECTION/N, as `casebook list` does.  */
int engine_several_collections (struct engine *e);


/* A compiled query.  */
struct engine_query;

/* Compile TEXT with OPT (its glossary is ignored: the engine's is
   used).  NULL with ERR filled on a syntax error.  Free with
   engine_query_free.  */
struct engine_query *engine_compile (struct engine *e, const char *text,
                                     const struct query_options *opt,
                                     struct query_error *err);
void engine_query_free (struct engine_query *q);


/* One matching document.  Its strings belong to the results.  */
struct engine_doc
{
  int64_t id;                   /* the engine's own handle */
  char *collection;
  long number;
  char *path;
  char *title[LANG_COUNT];      /* NULL where missing */
  unsigned char title_project[LANG_COUNT];  /* the project's translation */
  double score;                 /* higher is better */
  size_t hits;                  /* what engine_hits returns for it */
  size_t concepts;              /* concepts of the query it matches */
  size_t lang_hits[LANG_COUNT]; /* of HITS, those in each language */
  void *priv;                   /* the engine's: where its hits are */
};

struct engine_results
{
  struct engine_doc *docs;      /* best first */
  size_t ndocs;
  size_t total_hits;
  size_t nconcepts;             /* concepts in the query */
  double *idf;                  /* the IDF of each concept, as the search
                                   weighed it; NULL with fewer than two
                                   (passages come from the places whose
                                   hits' concepts weigh most, each
                                   counted once: engine_hits_first) */
  size_t missing;               /* of those, found in no document */
  unsigned char *absent;        /* when MISSING: per concept, 1 if no
                                   document has it */
  size_t searched;              /* documents searched */
};

/* The words of Q, as typed, that no document of R has, when R found
   documents with the others: "Zzyzxq" of "Zzyzxq prison"; a word typed
   that holds one (量子力學, cut into 量子 and 力学) once.  Joined by a
   translated ", "; caller frees.  NULL when there are none, or R found
   nothing (nothing found says it all).  */
char *engine_absent_words (const struct engine_query *q,
                           const struct engine_results *r);

/* Run Q: fill RES (free with engine_results_free).  Returns 0, or -1
   with *CAUSE (caller frees) when a regex hit its limits or the index
   failed, or 1 when interrupted (engine_set_interrupt).  */
int engine_search (struct engine *e, const struct engine_query *q,
                   struct engine_results *res, char **cause);
/* The same over document NUMBER of COLLECTION only: RES holds it if it
   matches, with the hits engine_search gives it, but a score that is
   not comparable with other documents' (the IDF is of one document).
   Fast whatever the size of the library: the browser highlights the
   open document with it before counting everywhere.  */
int engine_search_one (struct engine *e, const struct engine_query *q,
                       const char *collection, long number,
                       struct engine_results *res, char **cause);

/* A search of many documents works from both ends, with a thread and a
   connection of its own beside the caller's, once it has run AFTER_NS
   nanoseconds (0: from its start; -1: never).  The default suits a
   person waiting; tests use the others.  */
void engine_set_split (struct engine *e, long long after_ns);
/* How many documents of E's last search that thread worked out.  */
size_t engine_split_docs (const struct engine *e);

/* Whether E leaves out of a search the phrases that the index's filter
   of neighbouring tokens says occur nowhere (src/lib/pairs.h): it does
   unless told not to, which tests use to compare the two.  */
void engine_set_pairs (struct engine *e, int use);
/* How many phrases E's last search left out so.  */
size_t engine_pairs_left_out (const struct engine *e);

/* Whether E counts the matches of a regex that is a set of ideograph
   texts ("/检察[官长]/") from its texts' places in the index, in the
   documents where those are its matches (folding changed no ideograph
   there), rather than running it over their texts: it does unless told
   not to, which tests use to compare the two.  */
void engine_set_regex_counts (struct engine *e, int use);
/* How many documents E's last search counted so.  */
size_t engine_regex_counted_docs (const struct engine *e);

/* For tests: call FN (CTX, STEP) in each search where another
   casebook's write would fall between two of its reads of the index:
   after its first read and before its read of the matches (STEP 0),
   and after that and before its read of the documents' heads (STEP 1).
   FN NULL: never.  */
void engine_set_between_reads (struct engine *e,
                               void (*fn) (void *, int), void *ctx);

/* While a search runs, call FN (CTX) every so often (about every
   millisecond of work); when it returns nonzero the search stops and
   returns 1, with no results and no *CAUSE.  FN NULL: never stop.  The
   browser stops a search when a key is typed.  */
void engine_set_interrupt (struct engine *e, int (*fn) (void *), void *ctx);
void engine_results_free (struct engine_results *res);
/* Has E's index changed since R was found (another casebook wrote it,
   or engine_refresh brought it up to date), so that R's hits can no
   longer be had?  Then the search is to be made again.  */
int engine_results_stale (struct engine *e, const struct engine_results *r);

/* One hit: where it is in the document and in its text (byte offsets
   in the original text, as the reader sees it).  */
struct engine_hit
{
  enum hit_part part;
  size_t section, block;
  enum lang lang;
  enum origin origin;
  size_t start, end;
  const char *text;             /* the whole text of that unit */
  size_t text_len;
  int concept;                  /* which concept, -1 for tags and regexes */
  int keywords;                 /* that unit is the keyword list (its
                                   place is a block's: PART_BLOCK) */
};

struct engine_hits
{
  struct engine_hit *hits;      /* in reading order */
  size_t n;
  char *texts;                  /* the texts the hits point into (the
                                   engine's) */
};

/* The hits of Q in document D (from engine_search's results).  Their
   number is D->hits.  Returns 0, or -1 with *CAUSE (caller frees).  Free
   with engine_hits_free.  */
int engine_hits (struct engine *e, const struct engine_query *q,
                 const struct engine_doc *d, struct engine_hits *out,
                 char **cause);
/* The same, only the first MAX hits in reading order (all if 0), and
   of those only the ones in the first MAX_TEXTS texts (units: a title,
   heading or paragraph in one language) that have hits (all if 0):
   faster, for a document whose first passages are shown (a passage
   lies in one text).  */
int engine_hits_first (struct engine *e, const struct engine_query *q,
                       const struct engine_doc *d, size_t max,
                       size_t max_texts, struct engine_hits *out,
                       char **cause);
void engine_hits_free (struct engine_hits *h);

/* The first hits of each document of RES, the results of Q, as
   engine_hits_first gives them (MAX, MAX_TEXTS), when they are wanted
   for one document after another: THREADS threads (0: one fewer than
   the processors; at most 3), each with its own connection, work out
   those ahead while the caller uses the last (where the index is saved
   and RES has many documents; else each is worked out when taken).
   The threads read what the search read, even if another casebook
   updates the index meanwhile; a document the caller works out itself
   may fail with "search again" then, as with engine_hits_first.  E, Q
   and RES must outlive it; E is used meanwhile from the caller's thread
   only.  */
struct engine_hits_ahead;
struct engine_hits_ahead *engine_hits_ahead_start
  (struct engine *e, const struct engine_query *q,
   const struct engine_results *res, size_t max, size_t max_texts,
   size_t threads);
/* The hits of RES's document I into OUT, as engine_hits_first; take
   them in order of I (those skipped cost their own work when taken).  */
int engine_hits_ahead_take (struct engine_hits_ahead *a, size_t i,
                            struct engine_hits *out, char **cause);
void engine_hits_ahead_stop (struct engine_hits_ahead *a);
/* How many threads work out A's hits ahead (0: the caller does).  */
size_t engine_hits_ahead_threads (const struct engine_hits_ahead *a);

/* What the index keeps of each document for related.h (termvec.h),
   read document by document between engine_terms_begin and
   engine_terms_end, all from the index as it was at the beginning (the
   index as it is: settle E, or open it without CHECK_ALONGSIDE, first
   for one as the files are).  E is not to be used meanwhile.  NULL with
   *CAUSE (caller frees) when the index cannot be read.  */
struct engine_terms;
struct engine_terms *engine_terms_begin (struct engine *e, char **cause);
/* The terms record of document NUMBER of COLLECTION into *REC (*LEN
   bytes) and its file's full name into *PATH, both valid until the
   next call.  Returns 1, or 0 when the index has none (or cannot say).  */
int engine_terms_get (struct engine_terms *t, const char *collection,
                      long number, const char **path, const void **rec,
                      size_t *len);
/* The term numbered ID in the records' vocabulary into *TERM (*LEN
   bytes, not NUL-terminated), valid until engine_terms_end.  Returns 1,
   or 0 when there is none.  */
int engine_terms_word (struct engine_terms *t, uint32_t id,
                       const char **term, size_t *len);
/* Release T and what it gave; E may then be used again.  */
void engine_terms_end (struct engine_terms *t);

/* A correction of Q's typed text when some of its words find nothing:
   each such word is replaced by the word of the index's vocabulary that
   is nearest (English: at most one edit in five letters, two in longer
   words; Chinese: one character replaced by another of the same sound
   that makes a word found in the text) and found in most documents.
   NULL when there is nothing to correct or no correction.  Caller
   frees.  */
char *engine_suggest (struct engine *e, const struct engine_query *q);

/* Q's text searched in the English that Q does not read (the
   project's revision for a reader of the release's, and the other way
   round): the query, which the caller frees, with its answer in *R
   (caller frees), or NULL on any failure (R untouched).  */
struct engine_query *engine_other_english (struct engine *e,
                                           const struct engine_query *q,
                                           struct engine_results *r);
/* How many documents that finds: 0 on any failure.  */
size_t engine_other_english_finds (struct engine *e,
                                   const struct engine_query *q);
/* The policy both front ends follow.  Is the other English to be
   searched, answer R finding nothing?  And is its answer OTHER the one
   to show instead: it finds documents with every word of the query
   ("Zhalainur", which the release's translation spells Zhalainuoer, is
   in the revision only)?  Before any correction, since a word the
   other English has is what was meant, more surely than a respelling;
   one that finds only some of the words is not.  Not with
   --no-correct, which searches only what was typed, where it was
   asked.  */
int engine_other_english_wanted (const struct engine_results *r);
int engine_other_english_better (const struct engine_results *other);

/* The policy both front ends follow for corrections.  Is answer R worth
   a correction: it finds nothing, or some of its words find nothing?
   And is FIXED, the correction's answer, the one to show instead: it
   finds something, with fewer words that find nothing (one that found
   nothing has all its words missing)?  */
int engine_correction_wanted (const struct engine_results *r);
int engine_correction_better (const struct engine_results *r,
                              const struct engine_results *fixed);

/* Both policies above in their order, as both front ends apply them
   when a search is made (and the browser says at its prompt what Enter
   will do): what to show in place of Q, whose answer is R.  */
enum engine_amend
{
  ENGINE_AMEND_NONE,            /* Q stands */
  ENGINE_AMEND_OTHER_ENGLISH,   /* Q in the English it does not read */
  ENGINE_AMEND_CORRECTED        /* Q's words corrected (engine_suggest) */
};
struct engine_amended
{
  enum engine_amend how;
  struct engine_query *q;       /* what to show instead; NULL for NONE */
  struct engine_results r;      /* its answer */
  char *fix;                    /* CORRECTED: the corrected text */
  int interrupted;              /* a search on the way was interrupted
                                   (engine_set_interrupt): HOW says
                                   nothing yet; ask again */
};
/* Fill OUT (free with engine_amended_free).  A regex is not corrected;
   a caller asked for --no-correct does not call this.  A search that
   fails on the way leaves Q standing.  */
void engine_amend (struct engine *e, const struct engine_query *q,
                   const struct engine_results *r,
                   struct engine_amended *out);
void engine_amended_free (struct engine_amended *a);

#endif /* CASEBOOK_ENGINE_H */
