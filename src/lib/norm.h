/* norm.h -- Unicode text handling over libunistring: display width (one
   function for layout and drawing), making control characters visible,
   and the folding that search uses, with maps back to original offsets.  */

#ifndef CASEBOOK_NORM_H
#define CASEBOOK_NORM_H

#include <stddef.h>
#include <stdint.h>

/* Treat East Asian Ambiguous characters (“ ” 【 】 …) as two columns.  */
void norm_set_ambiguous_wide (int wide);
int norm_ambiguous_wide (void);

/* Columns that code point UC takes on the terminal (0 for combining
   marks; controls are never passed here: make them visible first).  */
int norm_char_width (uint32_t uc);
/* Columns of the valid UTF-8 string S of LEN bytes.  */
int norm_width (const char *s, size_t len);

/* Text made safe for a terminal: controls, escapes and bidirectional
   overrides replaced by visible forms ("^[", "<U+202E>"), each byte that
   is not UTF-8 by U+FFFD.  SRC_OFF[i] is
   the byte offset in the original of output byte i; SRC_OFF[LEN] is the
   original length.  */
struct visible
{
  char *str;
  size_t len;
  size_t *src_off;
};

/* Build the visible form of S.  If TERMINAL_SAFE_WIDTHS, characters whose
   width the C library and libunistring disagree on are shown as <U+XXXX>
   too, so that curses and our layout agree.  Free with norm_visible_free.  */
void norm_visible (const char *s, size_t len, int terminal_safe_widths,
                   struct visible *v);
void norm_visible_free (struct visible *v);
/* norm_visible without the offset map (V->src_off is NULL): for output
   that never maps back, at an eighth of the memory.  */
void norm_visible_text (const char *s, size_t len, int terminal_safe_widths,
                        struct visible *v);
/* The string S made safe to quote in a message on a terminal (a file
   name, a setting, $TERM): controls and invisible characters named.
   Caller frees.  */
char *norm_visible_string (const char *s);
/* If S (LEN bytes) starts with a character that must not reach a
   terminal as itself -- a control, a line or paragraph separator, a
   format, private-use or unassigned character -- store it in *UC and
   return its length in bytes; else return 0.  For writers that escape
   rather than name such characters (JSON's \uXXXX).  */
int norm_invisible_at (const char *s, size_t len, uint32_t *uc);
/* Is UC such a character?  */
int norm_is_invisible (uint32_t uc);
/* Does S contain anything norm_visible would change?  */
int norm_needs_visible (const char *s, size_t len, int terminal_safe_widths);

/* Search folding: NFKC, case folding, runs of white space to one space,
   traditional to simplified Chinese when OpenCC is available.  For output
   byte i, the original cluster is [START[i], END[i]).  */
struct folded
{
  char *str;
  size_t len;
  uint32_t *start;
  uint32_t *end;
};

/* Fold S (valid UTF-8).  With MAP zero, START/END are not filled.  */
void norm_fold (const char *s, size_t len, int map, struct folded *f);
void norm_folded_free (struct folded *f);
/* Fold a query (no map) into a fresh NUL-terminated string.  Caller frees.  */
char *norm_fold_string (const char *s, size_t len);
/* S (NUL-terminated) in NFKC, its case kept: what a Chinese input
   method types in full width ("７ §２", "ｂａｔｃｈ３／２") in ASCII.  S
   itself, copied, when it is not valid UTF-8.  Caller frees.  */
char *norm_nfkc_string (const char *s);

/* Is UC a CJK ideograph (or another character of a script written without
   spaces)?  */
int norm_is_cjk (uint32_t uc);
/* Does search folding leave the ideograph UC as it is (a CJK Unified
   Ideograph that is already simplified)?  0 for anything else.  */
int norm_fold_keeps_ideograph (uint32_t uc);
/* Is UC a letter or digit (for word boundaries)?  */
int norm_is_word (uint32_t uc);

/* Remember in the file PATH (in the user's cache) which characters
   traditional-to-simplified folding changes, so that later runs need not
   open OpenCC to fold simplified text: read it now (a missing, damaged or
   outdated file is ignored), and write it with norm_t2s_memory_save
   (atomically; 0, or -1 with errno) when something new was learnt.
   Without OpenCC these do nothing.  */
void norm_t2s_memory (const char *path);
int norm_t2s_memory_save (void);

/* Whether traditional/simplified folding is available (OpenCC).  */
int norm_has_opencc (void);
/* Convert simplified Chinese to traditional for display with the OpenCC
   configuration CONFIG ("s2twp.json").  Returns a malloc'd string, or NULL
   when OpenCC is unavailable or the conversion failed.  */
char *norm_to_traditional (const char *s, size_t len, const char *config);
/* S in Taiwan's words (網路, 資訊, 軟體) written as the mainland's
   (网络, 信息, 软件), simplified, with OpenCC's tw2sp, when that differs
   from S folded (norm_fold_string): a query typed so is sought that way
   as well.  NULL when it does not differ, S holds no character that
   folding changes, or OpenCC is unavailable.  Caller frees.  */
char *norm_taiwan_words (const char *s, size_t len);
/* The same, with the maps between S and the conversion, which OpenCC's
   tables make one character for one: *TO_S[i] is the byte of S that
   byte i of the conversion comes from (its length maps to LEN), and
   *TO_CONV[i] the byte of the conversion that byte i of S became (LEN
   maps to its length); either may be NULL when not wanted.  NULL (and
   no maps) when the conversion is not one for one, or as above.
   Caller frees all three.  */
char *norm_to_traditional_mapped (const char *s, size_t len,
                                  const char *config, size_t **to_s,
                                  size_t **to_conv);
/* What every page or text shown in traditional script says of its
   Chinese, which is neither the release's words nor the project's
   (translated).  */
const char *norm_traditional_note (void);
/* Release OpenCC handles (for tests and leak checkers).  */
void norm_cleanup (void);

#endif /* CASEBOOK_NORM_H */
