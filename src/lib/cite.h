/* cite.h -- citations of typical cases in the form lawyers use:
   最高人民检察院《第三批全国检察机关检察改革典型案例》（2022年7月14日发布）
   案例七 第12段, and in English Supreme People's Procuratorate, "..."
   (released 14 July 2022), Case 7, para. 12.  Curses-free: the
   browser's y and `casebook cite' print the same.  */

#ifndef CASEBOOK_CITE_H
#define CASEBOOK_CITE_H

#include <stddef.h>

#include "model.h"

/* The paragraph number a citation gives block BLOCK of section SECTION
   (both 0-based) of DOC: blocks are counted from 1 across the case's
   sections, keyword lists left out.  0 when there is no such block.  */
size_t cite_paragraph (const struct document *doc, size_t section,
                       size_t block);

/* The block that paragraph N of a citation is (as cite_paragraph counts,
   from 1): its 0-based SECTION and BLOCK.  Returns 0, or -1 when DOC has
   no such paragraph.  */
int cite_locate_paragraph (const struct document *doc, size_t n,
                           size_t *section, size_t *block);

/* The citation, in language L, of block BLOCK of section SECTION of DOC
   (0-based; SECTION == SIZE_MAX cites the whole case), one line.  The
   collection's title and publisher are given in L, or in the other
   language where the collection has none in L.  Caller frees.  */
char *cite_format (const struct document *doc, enum lang l, size_t section,
                   size_t block);

/* The case's citation in L, a line, and then, when the collection's
   title or publisher it gives is the project's translation, a line
   saying so, as cite_passage() does for text.  Caller frees.  */
char *cite_case (const struct document *doc, enum lang l);

/* The block's text in L (else in the other language, whose citation is
   then used; with REVISED, the project's revision of the release's
   English where there is one), a blank line, and its citation: what a
   reader pastes.  When any of the text, or the collection's title or
   publisher the citation gives, is the project's translation or
   revision, a line after the citation says so.  NULL when there is no
   such block.  Caller frees.  */
char *cite_passage (const struct document *doc, enum lang l, size_t section,
                    size_t block, int revised);

/* The same for the blocks from (SECTION, BLOCK) to (SECTION2, BLOCK2):
   "第3至5段", "paras. 3–5".  */
char *cite_format_range (const struct document *doc, enum lang l,
                         size_t section, size_t block, size_t section2,
                         size_t block2);
/* The texts of those blocks (in either order), a blank line between
   them, then their citation: in L when any of them is in L, else in
   the other language.  NULL when there are none.  Caller
   frees.  */
char *cite_passage_range (const struct document *doc, enum lang l,
                          size_t section, size_t block, size_t section2,
                          size_t block2, int revised);

/* The note that must follow citation TEXT shown in the traditional
   script of OpenCC's configuration CONFIG: norm_traditional_note when
   the conversion changes TEXT (its Chinese is OpenCC's wording, not
   the release's), else NULL, as when CONFIG is NULL.  For cite and
   the browser's y alike.  Static; do not free.  */
const char *cite_script_note (const char *text, const char *config);

#endif /* CASEBOOK_CITE_H */
