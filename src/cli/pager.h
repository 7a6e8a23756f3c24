/* pager.h -- send a command's standard output through $PAGER (less -R
   when it is unset) while the output is a terminal, as git and man do.  */

#ifndef CASEBOOK_PAGER_H
#define CASEBOOK_PAGER_H

#include <stdio.h>

struct pager
{
  FILE *pipe;                   /* NULL: not paging */
  int saved_stdout;
  int null_fd;                  /* /dev/null, for output cut short */
  const char *cmd;              /* the command run, as $PAGER gave it */
};

/* Start paging standard output if it is a terminal and $PAGER is not set
   to "" or "cat"; otherwise leave it alone.  Never fails: when the pager
   cannot be started, output goes to the terminal.  While paging, the
   keyboard's and kill's signals (SIGINT, SIGQUIT, SIGTERM, SIGHUP) end
   the output and are acted on once the pager has ended.  */
void pager_start (struct pager *p);

/* Wait for the reader to leave the pager and give standard output back.
   A pager quit before the end (a broken pipe) is not an error.  Returns
   0, or -1 when the shell could not run the pager (exit status 126 or
   127: not found, not executable), so that nothing was shown: the
   caller prints again without it.  A signal that came while paging is
   raised again here, once the pager has ended.  */
int pager_end (struct pager *p);

#endif /* CASEBOOK_PAGER_H */
