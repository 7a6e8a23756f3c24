/* pager.c -- page standard output through $PAGER on a terminal.  Like
   git, it sets LESS=FRX when LESS is unset, so that a text shorter than
   the screen is printed and left on it rather than paged.

   The pager shares casebook's terminal and process group, so Ctrl-C
   reaches both.  Were casebook to die of it while the pager runs, the
   shell would take the terminal back from a pager still reading it (less
   keeps running on Ctrl-C): its screen mode left on, the keys typed at
   the prompt read by the orphan.  So while paging, those signals only
   cut the output short (the pager sees its end) and are raised again
   when the pager has ended.  */

#include <config.h>
#include "pager.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const int caught[] = { SIGINT, SIGQUIT, SIGTERM, SIGHUP };
enum { NCAUGHT = sizeof caught / sizeof *caught };

static struct sigaction saved_actions[NCAUGHT];
static volatile sig_atomic_t pending_signal;
/* The descriptors the handler points at /dev/null: standard output and
   popen's own copy of the pipe, so that the pager reads to its end.  */
static volatile sig_atomic_t out_fd = -1, pipe_fd = -1, devnull_fd = -1;

static void
on_signal (int sig)
{
  int e = errno;
  if (pending_signal == 0)
    pending_signal = sig;
  if (devnull_fd >= 0)
    {
      /* dup2 onto the descriptor, not close: a descriptor closed here
         could be reused by the next open, and the rest of the document
         written into that file.  */
      dup2 (devnull_fd, out_fd);
      dup2 (devnull_fd, pipe_fd);
    }
  errno = e;
}

void
pager_start (struct pager *p)
{
  p->pipe = NULL;
  p->saved_stdout = -1;
  p->null_fd = -1;
  p->cmd = NULL;
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
  p->cmd = cmd;
  p->null_fd = open ("/dev/null", O_WRONLY | O_CLOEXEC);
  pending_signal = 0;
  devnull_fd = p->null_fd;
  out_fd = STDOUT_FILENO;
  pipe_fd = fileno (f);
  /* Installed after popen: the pager itself keeps the default actions,
     and decides what Ctrl-C means to it.  */
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sa.sa_flags = SA_RESTART;
  sigemptyset (&sa.sa_mask);
  for (int i = 0; i < NCAUGHT; i++)
    {
      sigaction (caught[i], &sa, &saved_actions[i]);
      /* A signal ignored from the start (nohup) stays ignored.  */
      if (saved_actions[i].sa_handler == SIG_IGN)
        sigaction (caught[i], &saved_actions[i], NULL);
    }
}

int
pager_end (struct pager *p)
{
  if (p->pipe == NULL)
    return 0;
  fflush (stdout);
  int broken = ferror (stdout) && (errno == EPIPE || pending_signal);
  dup2 (p->saved_stdout, STDOUT_FILENO);
  close (p->saved_stdout);
  /* pclose waits for the pager: the reader is still reading.  */
  int status = pclose (p->pipe);
  p->pipe = NULL;
  devnull_fd = -1;
  if (p->null_fd >= 0)
    close (p->null_fd);
  p->null_fd = -1;
  for (int i = 0; i < NCAUGHT; i++)
    sigaction (caught[i], &saved_actions[i], NULL);
  if (broken)
    clearerr (stdout);
  if (pending_signal)
    {
      /* Die of it as if it had come now, the terminal the shell's
         again.  */
      int sig = pending_signal;
      pending_signal = 0;
      signal (sig, SIG_DFL);
      raise (sig);
    }
  /* sh -c says 127 for a command not found, 126 for one it cannot
     run; the pager then read nothing.  */
  if (status != -1 && WIFEXITED (status)
      && (WEXITSTATUS (status) == 127 || WEXITSTATUS (status) == 126))
    return -1;
  return 0;
}
