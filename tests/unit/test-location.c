/* test-location.c -- places typed as casebook prints them ("7 §1 ¶12")
   parse back to the same case, section and paragraph, and nonsense is
   refused with a reason.  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "location.h"
#include "tap.h"

static void
good (const char *s, int has_doc, long doc, size_t section, size_t para)
{
  struct location loc;
  char *cause = NULL;
  int r = location_parse (s, &loc, &cause);
  tap_ok (r == 0 && loc.has_doc == has_doc && (!has_doc || loc.doc == doc)
          && loc.section == section && loc.para == para,
          "'%s' is case %ld section %zu paragraph %zu", s, doc, section, para);
  if (r != 0)
    printf ("# refused: %s\n", cause);
  free (cause);
}

static void
bad (const char *s)
{
  struct location loc;
  char *cause = NULL;
  int r = location_parse (s, &loc, &cause);
  tap_ok (r == -1 && cause && strstr (cause, s), "'%s' is refused, naming it",
          s);
  free (cause);
}

int
main (void)
{
  good ("7", 1, 7, 0, 0);
  good ("  12  ", 1, 12, 0, 0);
  good ("0", 1, 0, 0, 0);
  good ("7 §1 ¶12", 1, 7, 1, 12);
  good ("7§1¶12", 1, 7, 1, 12);
  good ("7 §2", 1, 7, 2, 0);
  good ("§3 ¶4", 0, 0, 3, 4);
  good ("s1 p2", 0, 0, 1, 2);
  good ("123 S10 P200", 1, 123, 10, 200);
  bad ("");
  bad ("x");
  good ("7 ¶3", 1, 7, 0, 3);
  good ("¶15", 0, 0, 0, 15);
  bad ("7 §0");
  bad ("7 §");
  bad ("7 §1 ¶");
  bad ("7 8");
  bad ("99999999999999999999999");
  /* Full width, as a Chinese input method types digits and letters.  */
  good ("７ §２ ¶１２", 1, 7, 2, 12);
  good ("１２３　ｓ１　ｐ２", 1, 123, 1, 2);
  bad ("７ §");

  struct location loc = { 1, 7, 1, 12 };
  char *f = location_format (&loc);
  tap_is (f, "§1 ¶12", "formats section and paragraph as the CLI prints");
  free (f);
  loc.para = 0;
  f = location_format (&loc);
  tap_is (f, "§1", "formats a section alone");
  free (f);
  loc.section = 0;
  loc.para = 15;
  f = location_format (&loc);
  tap_is (f, "¶15", "formats a paragraph of the case as citations number it");
  free (f);
  return tap_done ();
}
