/* ui_tmux.c -- copy into tmux's paste buffer when the browser runs in
   tmux.  tmux passes an application's OSC 52 on only with set-clipboard
   on; its default (external) and off drop the sequence without a word,
   and the browser would say "Copied" of nothing.  "tmux load-buffer -w"
   works whatever that option says: the text becomes tmux's buffer
   (prefix ] pastes it) and, where tmux may, the terminal's clipboard
   too.  */

#include <config.h>
#include "ui_tmux.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

extern char **environ;

/* How long tmux may take to load the buffer before it is given up on:
   a server that does not answer must not hang the browser.  */
#define TMUX_WAIT_MS 2000

/* Run "tmux load-buffer -w -" with LEN bytes of DATA on its standard
   input, and its output thrown away (the screen is curses').  Returns
   its exit status, or -1 if it could not run or took too long.  */
static int
load_buffer (const char *data, size_t len)
{
  int fds[2];
  if (pipe2 (fds, O_CLOEXEC) != 0)
    return -1;
  posix_spawn_file_actions_t fa;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init (&fa);
  posix_spawnattr_init (&attr);
  posix_spawn_file_actions_adddup2 (&fa, fds[0], STDIN_FILENO);
  posix_spawn_file_actions_addopen (&fa, STDOUT_FILENO, "/dev/null",
                                    O_WRONLY, 0);
  posix_spawn_file_actions_adddup2 (&fa, STDOUT_FILENO, STDERR_FILENO);
  /* The browser's own signal handling is not tmux's.  */
  sigset_t def, none;
  sigfillset (&def);
  sigemptyset (&none);
  posix_spawnattr_setsigdefault (&attr, &def);
  posix_spawnattr_setsigmask (&attr, &none);
  posix_spawnattr_setflags (&attr, POSIX_SPAWN_SETSIGDEF
                            | POSIX_SPAWN_SETSIGMASK);
  /* posix_spawn's argv is not const; string literals are.  */
  char a0[] = "tmux", a1[] = "load-buffer", a2[] = "-w", a3[] = "-";
  char *argv[] = { a0, a1, a2, a3, NULL };
  pid_t pid;
  int rc = posix_spawnp (&pid, "tmux", &fa, &attr, argv, environ);
  posix_spawn_file_actions_destroy (&fa);
  posix_spawnattr_destroy (&attr);
  close (fds[0]);
  if (rc != 0)
    {
      close (fds[1]);
      return -1;
    }
  /* A tmux that exits before reading it all must not kill the browser
     with SIGPIPE: the write fails instead.  One that stops reading
     must not hang it either: the writes wait at most until the
     deadline, as the wait for its exit does.  */
  struct sigaction ign = { .sa_handler = SIG_IGN }, old;
  sigemptyset (&ign.sa_mask);
  sigaction (SIGPIPE, &ign, &old);
  fcntl (fds[1], F_SETFL, fcntl (fds[1], F_GETFL) | O_NONBLOCK);
  long long deadline = util_now_ms () + TMUX_WAIT_MS;
  int ok = 1;
  for (size_t off = 0; off < len && ok;)
    {
      ssize_t n = write (fds[1], data + off, len - off);
      if (n > 0)
        {
          off += (size_t) n;
          continue;
        }
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && errno == EAGAIN)
        {
          long long left = deadline - util_now_ms ();
          struct pollfd pfd = { .fd = fds[1], .events = POLLOUT };
          if (left > 0 && (poll (&pfd, 1, (int) left) > 0
                           || errno == EINTR))
            continue;
        }
      ok = 0;
    }
  close (fds[1]);
  sigaction (SIGPIPE, &old, NULL);
  int status;
  for (;;)
    {
      pid_t w = waitpid (pid, &status, WNOHANG);
      if (w == pid)
        break;
      if (w < 0 && errno != EINTR)
        return -1;
      if (!ok || util_now_ms () >= deadline)
        {
          kill (pid, SIGKILL);
          while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
            ;
          return -1;
        }
      struct timespec ten_ms = { 0, 10 * 1000 * 1000 };
      nanosleep (&ten_ms, NULL);
    }
  if (!ok || !WIFEXITED (status))
    return -1;
  return WEXITSTATUS (status);
}

int
ui_tmux_set_buffer (const char *data, size_t len)
{
  const char *in_tmux = getenv ("TMUX");
  if (in_tmux == NULL || *in_tmux == '\0')
    return -1;
  return load_buffer (data, len) == 0 ? 0 : -1;
}
