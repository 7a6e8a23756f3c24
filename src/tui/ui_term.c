/* ui_term.c -- can this terminal show the browser at all?  Kept apart
   from ui.c because <term.h> defines a macro for every terminfo
   capability (lines, columns, ...), which would clash with ordinary
   names.  */

#include <config.h>
#include "ui_term.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "i18n.h"

int
ui_term_check (void)
{
  const char *cs = nl_langinfo (CODESET);
  if (cs == NULL || (strcasecmp (cs, "UTF-8") != 0 && strcasecmp (cs, "utf8") != 0))
    {
      fprintf (stderr, _("casebook: the browser needs a UTF-8 locale "
                         "(for example LANG=C.UTF-8); 'casebook list' and "
                         "'casebook show N' print the cases instead\n"));
      return -1;
    }
  const char *term = getenv ("TERM");
  if (term == NULL || *term == '\0' || strcmp (term, "dumb") == 0)
    {
      fprintf (stderr, _("casebook: the browser needs a terminal that can "
                         "move the cursor (TERM is %s); 'casebook show N' "
                         "prints a case instead\n"),
               term && *term ? term : _("not set"));
      return -1;
    }
  int err = 0;
  if (setupterm (NULL, STDOUT_FILENO, &err) != OK)
    {
      fprintf (stderr, _("casebook: unknown terminal type '%s'; "
                         "'casebook show N' prints a case instead\n"), term);
      return -1;
    }
  const char *cup = tigetstr ("cup");
  int ok = cup != NULL && cup != (const char *) -1;
  del_curterm (cur_term);
  if (!ok)
    {
      fprintf (stderr, _("casebook: the terminal '%s' cannot move the "
                         "cursor; 'casebook show N' prints a case instead\n"),
               term);
      return -1;
    }
  return 0;
}
