/* ui.c -- placeholder until the browser lands: prints the case list.  */

#include <config.h>
#include "ui.h"

#include <stdio.h>

int
ui_run (const struct library *lib, const struct cli_options *opt)
{
  (void) opt;
  size_t n = library_document_count (lib);
  for (size_t i = 0; i < n; i++)
    {
      const struct document *d = library_document (lib, i);
      const struct text *t = bitext_pick (&d->title, LANG_EN, NULL);
      printf ("%2ld  %s\n", d->number, t ? t->str : "");
    }
  return 0;
}
