/* casebook.c -- main: set up the locale and message catalogs, then hand
   over to the command line, telling it how to open the browser.  The
   only file that knows both front ends.  */

#include <config.h>

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
   costs about what one small page does.  The heap's top is padded so
   that the part advised is there at once; brk extends it later with
   small pages.  Nothing is asked when malloc is not glibc's on brk (the
   sanitizers', valgrind's).  The cost: memory is resident by 2 MB at a
   time (a listing of 2000 documents 12.7 MB rather than 7.6; the index
   build's peak 93.6 rather than 92.3), and setting M_TOP_PAD keeps
   glibc's threshold for mapping a large block at its first value
   (128 KB) rather than raised as blocks are freed (mallopt(3)).  */
static void
heap_huge_pages (void)
{
#if defined M_TOP_PAD && defined MADV_HUGEPAGE
  const size_t pad = (size_t) 16 << 20, huge = (size_t) 2 << 20;
  mallopt (M_TOP_PAD, (int) pad);
  char *before = sbrk (0);
  void *p = malloc (1);
  char *after = sbrk (0);
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
  setlocale (LC_ALL, "");
#if ENABLE_NLS
  const char *localedir = getenv ("CASEBOOK_LOCALEDIR");
  bindtextdomain (PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (PACKAGE, "UTF-8");
  textdomain (PACKAGE);
#endif
  return cli_main (argc, argv, ui_run);
}
