/* pager.c -- page standard output through $PAGER on a terminal.  Like
   git, it sets LESS=FRX when LESS is unset, so that a text shorter than
   the screen is printed and left on it rather than paged.  */

#include <config.h>
#include "pager.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void
pager_start (struct pager *p)
{
  p->pipe = NULL;
  p->saved_stdout = -1;
  if (!isatty (STDOUT_FILENO))
    return;
  const char *cmd = getenv ("PAGER");
  if (cmd == NULL)
    cmd = "less -R";
  if (*cmd == '\0' || strcmp (cmd, "cat") == 0)
    return;
  setenv ("LESS", "FRX", 0);
  fflush (stdout);
  FILE *f = popen (cmd, "w");
  if (f == NULL)
    return;
  int saved = dup (STDOUT_FILENO);
  if (saved < 0 || dup2 (fileno (f), STDOUT_FILENO) < 0)
    {
      if (saved >= 0)
        close (saved);
      pclose (f);
      return;
    }
  /* A reader who quits the pager early closes the pipe: the writes that
     follow fail with EPIPE instead of killing casebook.  */
  signal (SIGPIPE, SIG_IGN);
  p->pipe = f;
  p->saved_stdout = saved;
}

void
pager_end (struct pager *p)
{
  if (p->pipe == NULL)
    return;
  fflush (stdout);
  int broken = ferror (stdout) && errno == EPIPE;
  dup2 (p->saved_stdout, STDOUT_FILENO);
  close (p->saved_stdout);
  /* pclose waits for the pager: the reader is still reading.  */
  pclose (p->pipe);
  p->pipe = NULL;
  if (broken)
    clearerr (stdout);
}
