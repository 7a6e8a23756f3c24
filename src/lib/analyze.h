/* analyze.h -- text analysis for search: how a text or a query becomes
   the tokens the index stores and matches.  The same analysis runs over
   the content when it is indexed and over every query, so the two always
   agree.

   A text is folded first (NFKC, case folding, traditional to simplified:
   norm_fold), then cut into tokens:
   - Chinese (and other scripts written without spaces): every two
     neighbouring characters make a token (a bigram), so that any run of
     two or more characters is found as a phrase of bigrams; the last
     character of a run is a token of its own too, at the same position
     as the last bigram, so that one character can be found as well.
   - Words of letters and digits (by libunistring's word breaks): British
     spellings folded to American (-ise/-ize, -our/-or, -tre/-ter, -ll-
     before a suffix), then stemmed with Snowball's English stemmer.  A
     number goes on over its thousands commas, which its token leaves
     out (1,217 is 1217), and its decimal point (2.3).
   - Everything else (punctuation, spaces) separates tokens and takes
     no position; but where it stands between two runs of ideographs,
     the second beginning with the character the first ends with, a
     token of its own does (ANALYZE_GAP), and so it does after the bar
     that divides keywords ("|"), before the next token.
   Each token reports the byte range of the ORIGINAL text it came from,
   so that highlights point at what the reader sees.  */

#ifndef CASEBOOK_ANALYZE_H
#define CASEBOOK_ANALYZE_H

#include <stddef.h>

struct analyzer;

/* A character that ends one unit of text and begins the next inside an
   indexed column: no phrase matches across it.  */
#define ANALYZE_BARRIER '\x1f'

/* The token that takes a position between two runs of ideographs where
   the second begins with the character the first ends with and nothing
   between them makes a token ("大学，学生", "检察、察官"), and after a
   bar between two tokens ("惩戒 | 司法", "Judicial responsibility |
   Investigation"): without it their tokens would stand side by side,
   and a phrase (大学生, 检察官, 惩戒司法) be found across the gap.  It is no term (its bytes are no text's).
   The index also gives it to a text that makes no token of its own
   (index_fts.c), so that FTS5 knows the text is there.  */
#define ANALYZE_GAP '\x1e'

enum analyze_mode
{
  ANALYZE_INDEX,                /* a text being indexed */
  ANALYZE_QUERY,                /* a query term: no colocated unigrams */
  ANALYZE_POSITIONS             /* where ANALYZE_INDEX's tokens stand:
                                   the same positions and byte ranges,
                                   but words are passed as they are
                                   (neither respelt nor stemmed) */
};

/* Called for each token TOK (LEN bytes, not NUL-terminated) found at
   bytes [START, END) of the original text.  COLOCATED is set when the
   token stands at the same position as the one before it.  A non-zero
   return stops the analysis and is returned by analyze_text.  */
typedef int (*analyze_token_fn) (void *ctx, int colocated, const char *tok,
                                 size_t len, size_t start, size_t end);

/* A new analyzer (it owns a stemmer; not to be shared between threads).
   Free with analyzer_free.  */
struct analyzer *analyzer_new (void);
void analyzer_free (struct analyzer *a);

/* Analyze S (LEN bytes of valid UTF-8) in MODE, calling FN for each
   token.  Returns 0, or what FN returned to stop it.  */
int analyze_text (struct analyzer *a, const char *s, size_t len,
                  enum analyze_mode mode, analyze_token_fn fn, void *ctx);

/* Where the tokens of a text stand: the bytes of the original text
   that each token position came from, as analyze_text numbers them in
   ANALYZE_POSITIONS mode (a colocated token takes no position of its
   own).  */
struct analyze_positions
{
  size_t *start, *end;          /* by position */
  size_t n, alloc;
  size_t stop;                  /* enough once N reaches it */
};

/* Record in P, from its first position, the positions of the LEN bytes
   of valid UTF-8 at S, stopping once STOP (at least 1) are known.  What
   analyze_text in ANALYZE_POSITIONS mode gives, without a call per
   token, and in one pass over text that folding leaves alone (almost
   all case text).  Free P's arrays with analyze_positions_free.  */
void analyze_positions (struct analyzer *a, const char *s, size_t len,
                        size_t stop, struct analyze_positions *p);
void analyze_positions_free (struct analyze_positions *p);
/* The analyze_token_fn that analyze_positions' general way records
   with (CTX a struct analyze_positions, its STOP set): for comparing the
   two.  */
int analyze_record_position (void *ctx, int colocated, const char *tok,
                             size_t len, size_t start, size_t end);

/* Is the folded word W (LEN bytes) an English or Chinese stop word:
   a word too common or too empty to say what a query is about ("the",
   "how", "怎么", "的")?  */
int analyze_is_stopword (const char *w, size_t len);

/* Does the word W (LEN bytes of valid UTF-8) hold no letter, digit or
   ideograph: only punctuation and symbols ("&", "+", "—")?  Such a word
   is no token of any text, and says nothing about what is sought.  */
int analyze_is_punctuation (const char *w, size_t len);

/* Does folded S consist of exactly one character written without
   spaces (one ideograph)?  Such a query is matched as a prefix of
   bigrams.  */
int analyze_is_single_cjk (const char *s, size_t len);

#endif /* CASEBOOK_ANALYZE_H */
