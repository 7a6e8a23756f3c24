/* casebook.c -- main: set up the locale and message catalogs, then hand
   over to the command line, telling it how to open the browser.  The
   only file that knows both front ends.  */

#include <config.h>

#include <limits.h>
#include <locale.h>
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "ui.h"

/* Ask for the heap in huge pages (2 MB) where the kernel gives them on
   request (transparent huge pages in "madvise" mode, Debian's default).
   Memory touched for the first time is much of what a listing or a
   search costs: on the 2-processor virtual machine casebook is measured
   on, each new 4 KB page costs about 10 microseconds, and a huge page
   costs about what one small page does.

   madvise covers only what is mapped when it is called, and brk extends
   the heap later with small pages.  So the heap's first extension is
   made large (1 GB of address space, of which only what is touched
   becomes memory), advised at once, and never trimmed; blocks up to
   32 MB come from it rather than from mappings of their own (small
   pages, given back when freed and faulted in again by the next block).
   A smaller advised part made time grow faster than the input: work
   that fitted in it was quick, work that did not paid for every page
   beyond (showing a 1,000,000-paragraph document 6.8 times as long as
   one of 250,000 with 64 MB advised, 3.6 times with none; the browser
   needs 730 MB for it, so 512 MB was not enough either).  Where the
   address space is limited (ulimit -v, strict overcommit) and the first
   extension fails, nothing is advised and the heap grows as glibc
   grows it, by what it needs at a time.  Nothing is
   asked when malloc is not glibc's on brk (the sanitizers', valgrind's).
   The cost: memory is resident by 2 MB at a time (a listing of 2000
   documents 12.7 MB rather than 7.6), and what a browser freed stays
   its own until it exits (mallopt(3)).  */
static void
heap_huge_pages (void)
{
#if defined M_TOP_PAD && defined MADV_HUGEPAGE
  const size_t reserve = (size_t) 1 << 30, huge = (size_t) 2 << 20;
  const int default_pad = 128 << 10;
  mallopt (M_MMAP_THRESHOLD, 32 << 20);
  mallopt (M_TRIM_THRESHOLD, INT_MAX);
  mallopt (M_TOP_PAD, (int) reserve);
  char *before = sbrk (0);
  void *p = malloc (1);
  char *after = sbrk (0);
  /* Later extensions, if any, ask only for what they need.  */
  mallopt (M_TOP_PAD, default_pad);
  if (p && before != (char *) -1 && after != (char *) -1
      && (char *) p >= before && (char *) p < after)
    {
      uintptr_t lo = ((uintptr_t) before + huge - 1) & ~(uintptr_t) (huge - 1);
      uintptr_t hi = (uintptr_t) after & ~(uintptr_t) (huge - 1);
      if (hi > lo)
        madvise ((void *) lo, hi - lo, MADV_HUGEPAGE);
    }
  free (p);
#endif
}

int
main (int argc, char **argv)
{
  heap_huge_pages ();
  /* The user's character set and language, and nothing more: numbers
     keep the C locale's decimal point, or --json would write a score
     of 1,78 in a French or German locale, which is no JSON.  (Nothing
     here collates or formats times by locale; loading those
     categories is a tenth of a search that finds nothing.)  */
  setlocale (LC_CTYPE, "");
  setlocale (LC_MESSAGES, "");
#if ENABLE_NLS
  const char *localedir = getenv ("CASEBOOK_LOCALEDIR");
  bindtextdomain (PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (PACKAGE, "UTF-8");
  textdomain (PACKAGE);
#endif
  return cli_main (argc, argv, ui_run);
}
