/* test-oldnames.c -- older English spellings of China's places are read
   as their pinyin names, and no other word is.  */

#include <config.h>

#include <stddef.h>
#include <string.h>

#include "oldnames.h"
#include "tap.h"

static const char *
as (const char *w)
{
  const char *p = oldnames_pinyin (w);
  return p ? p : "-";
}

int
main (void)
{
  tap_is (as ("sinkiang"), "xinjiang", "Sinkiang is Xinjiang");
  tap_is (as ("kwangsi"), "guangxi", "Kwangsi is Guangxi");
  tap_is (as ("amoy"), "xiamen", "the first of the table");
  tap_is (as ("tsingtao"), "qingdao", "the last of the table");
  tap_is (as ("tsinghai"), "qinghai", "and the one before it");
  tap_is (as ("xinjiang"), "-", "a pinyin name is none");
  tap_is (as ("Sinkiang"), "-", "the word is folded first");
  tap_is (as ("prison"), "-", "nor is another word");
  tap_is (as (""), "-", "nor nothing");
  return tap_done ();
}
