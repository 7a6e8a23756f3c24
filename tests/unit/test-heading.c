/* test-heading.c -- the numbering that starts a heading, at every level
   the releases use, and none in ordinary sentences.  */

#include <config.h>

#include <string.h>

#include "heading.h"
#include "tap.h"

static void
level (const char *s, int want)
{
  int got = heading_level (s, strlen (s));
  tap_ok (got == want, "'%s' is level %d", s, want);
  if (got != want)
    printf ("# got %d\n", got);
}

int
main (void)
{
  level ("【案例要旨】", 1);
  level ("一、践行“三个自觉”", 2);
  level ("十二、其他", 2);
  level ("I. Practicing the three consciousnesses", 2);
  level ("IV. Results", 2);
  level ("1. First", 2);
  level ("2、其次", 2);
  level ("（一）强化监督", 3);
  level ("(二) 强化监督", 3);
  level ("(1) Strengthening supervision", 3);
  level ("（12）十二", 3);
  level ("2022年7月14日", 0);
  level ("In 2019, the procuratorate", 0);
  level ("It was", 0);
  level ("(see above)", 0);
  level ("一体化办案", 0);
  level ("", 0);
  return tap_done ();
}
