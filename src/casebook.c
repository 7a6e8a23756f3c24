/* casebook.c -- main: set up the locale and message catalogs, then hand
   over to the command line, telling it how to open the browser.  The
   only file that knows both front ends.  */

#include <config.h>

#include <locale.h>
#include <stdlib.h>

#include "cli.h"
#include "i18n.h"
#include "ui.h"

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
#if ENABLE_NLS
  const char *localedir = getenv ("CASEBOOK_LOCALEDIR");
  bindtextdomain (PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (PACKAGE, "UTF-8");
  textdomain (PACKAGE);
#endif
  return cli_main (argc, argv, ui_run);
}
