/* test-cite.c -- citations of the shipped collection's case 7 in the form
   lawyers use, in both languages, and the paragraph numbers they give.  */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "content.h"
#include "tap.h"

int
main (void)
{
  struct diags d = { 0 };
  struct library *lib = content_load (ABS_SRCDIR "/content", &d);
  const struct document *doc = library_find (lib, "7");
  tap_ok (doc != NULL, "the shipped collection has case 7");
  if (doc == NULL)
    return tap_done ();

  /* Section 1 (【关键字】) holds only the keywords, which are not counted.  */
  size_t first = SIZE_MAX, fb = 0;
  for (size_t s = 0; s < doc->nsections && first == SIZE_MAX; s++)
    for (size_t b = 0; b < doc->sections[s].nblocks; b++)
      if (doc->sections[s].blocks[b].kind == BLOCK_PARAGRAPH)
        {
          first = s;
          fb = b;
          break;
        }
  size_t n = cite_paragraph (doc, first, fb);
  tap_ok (n == 1 && doc->sections[0].blocks[0].kind == BLOCK_KEYWORDS,
          "the first paragraph after the keywords is paragraph 1 (%zu)", n);

  char *zh = cite_format (doc, LANG_ZH, first, fb);
  char want[256];
  snprintf (want, sizeof want, "最高人民检察院《第三批全国检察机关检察改革典型案例》"
            "（2022年7月14日发布）案例七 第%zu段", n);
  tap_is (zh, want, "the Chinese citation");
  free (zh);

  char *en = cite_format (doc, LANG_EN, first, fb);
  snprintf (want, sizeof want, "Supreme People's Procuratorate, \"The third "
            "batch of typical cases of procuratorial reform of national "
            "procuratorial organs\" (released 14 July 2022), Case 7, para. %zu",
            n);
  tap_is (en, want, "the English citation");
  free (en);

  char *p = cite_passage (doc, LANG_ZH, first, fb, 0);
  const char *t = doc->sections[first].blocks[fb].text.side[LANG_ZH].str;
  tap_ok (p && strncmp (p, t, strlen (t)) == 0 && strstr (p, "案例七"),
          "the passage is the paragraph, then its citation");
  free (p);
  tap_ok (cite_passage (doc, LANG_ZH, 99, 0, 0) == NULL, "no passage past the end");

  /* A range: the first paragraph to the third block after it.  */
  size_t s2 = first, b2 = fb + 2;
  if (b2 >= doc->sections[first].nblocks)
    {
      s2 = first + 1;
      b2 = 0;
    }
  size_t n2 = cite_paragraph (doc, s2, b2);
  char *r = cite_format_range (doc, LANG_ZH, first, fb, s2, b2);
  snprintf (want, sizeof want, "案例七 第%zu至%zu段", n, n2);
  tap_ok (r && n2 > n && strstr (r, want), "a range is cited 第%zu至%zu段", n,
          n2);
  free (r);
  r = cite_format_range (doc, LANG_EN, first, fb, s2, b2);
  snprintf (want, sizeof want, "Case 7, paras. %zu\xe2\x80\x93%zu", n, n2);
  tap_ok (r && strstr (r, want), "and in English paras. %zu–%zu", n, n2);
  free (r);
  char *p1 = cite_passage_range (doc, LANG_ZH, s2, b2, first, fb, 0);
  char *p0 = cite_passage_range (doc, LANG_ZH, first, fb, s2, b2, 0);
  tap_ok (p0 && p1 && strcmp (p0, p1) == 0 && strncmp (p0, t, strlen (t)) == 0,
          "a range's passage starts at its first paragraph, in either order");
  free (p0);
  free (p1);

  const struct document *d12 = library_find (lib, "0");
  char *ov = cite_format (d12, LANG_ZH, SIZE_MAX, 0);
  tap_is (ov, "最高人民检察院《第三批全国检察机关检察改革典型案例》（2022年7月14日发布）",
          "the overview (case 0) is cited without a case number");
  free (ov);
  library_free (lib);
  diags_free (&d);
  return tap_done ();
}
