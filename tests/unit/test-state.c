/* test-state.c -- state and cache files are never lost: a writer killed
   with SIGKILL at any moment leaves the previous file intact or the new
   one complete, never a half-written one that is believed.  */

#include <config.h>

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "engine.h"
#include "norm.h"
#include "search.h"
#include "state.h"
#include "tap.h"

#define KILLS 200

static struct state *
make_state (int generation, size_t entries)
{
  struct state *st = state_new ();
  for (size_t i = 0; i < entries; i++)
    {
      char h[64];
      snprintf (h, sizeof h, "query %d/%zu 巡回检察", generation, i);
      state_history_add (st, h);
      state_set_position (st, "batch3", (long) i, (size_t) generation);
    }
  state_set_last (st, "batch3", generation);
  return st;
}

/* "N:hits " of each document matching 巡回检察 in the content at DIR,
   through an engine with its index in memory or in the cache.  */
static char *
answer (const char *dir, int in_memory)
{
  struct engine_options o = { .content_dir = dir, .in_memory = in_memory };
  struct diags d = { 0 };
  char *note = NULL, *cause = NULL;
  struct buf b = { 0 };
  struct engine *e = engine_open (&o, &d, &note, &cause);
  struct query_options qo = { 0 };
  struct query_error qe;
  struct engine_query *q = e ? engine_compile (e, "巡回检察", &qo, &qe) : NULL;
  struct engine_results r;
  char *error = NULL;
  if (q && engine_search (e, q, &r, &error) == 0)
    {
      for (size_t i = 0; i < r.ndocs; i++)
        buf_printf (&b, "%ld:%zu ", r.docs[i].number, r.docs[i].hits);
      engine_results_free (&r);
    }
  else
    buf_printf (&b, "failed: %s", cause ? cause : error ? error : "?");
  free (error);
  engine_query_free (q);
  engine_close (e);
  free (note);
  free (cause);
  diags_free (&d);
  return buf_steal (&b);
}

int
main (void)
{
  char dir[] = "/tmp/cbstate.XXXXXX";
  tap_ok (mkdtemp (dir) != NULL, "temporary directory");
  char *path = xasprintf ("%s/casebook/state", dir);
  char *cause = NULL;
  struct state *first = make_state (0, 1);
  tap_ok (state_save (first, path, &cause) == 0, "first state saved");
  state_free (first);

  /* Kill writers of a large state at random moments.  */
  srand ((unsigned) time (NULL));
  size_t old = 0, complete = 0, bad = 0;
  for (int i = 1; i <= KILLS; i++)
    {
      pid_t pid = fork ();
      if (pid == 0)
        {
          struct state *st = make_state (i, STATE_HISTORY_MAX);
          for (;;)
            {
              char *c = NULL;
              state_save (st, path, &c);
              free (c);
            }
        }
      usleep ((useconds_t) (rand () % 4000));
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
      struct state *st = state_new ();
      char *c = NULL;
      if (state_load (st, path, &c) != 0)
        bad++;
      else if (state_history_count (st) == 1)
        old++;
      else if (state_history_count (st) == STATE_HISTORY_MAX)
        complete++;
      else
        bad++;
      free (c);
      state_free (st);
    }
  tap_ok (bad == 0, "%d writers killed: the state was always whole "
          "(%zu times the previous one, %zu times a new one, %zu bad)",
          KILLS, old, complete, bad);
  /* The next save clears what the killed writers left behind.  */
  struct state *again = make_state (KILLS + 1, 2);
  state_save (again, path, &cause);
  state_free (again);
  char *ls = xasprintf ("ls %s/casebook | grep -c tmp", dir);
  FILE *pf = popen (ls, "r");
  int left = -1;
  if (pf && fscanf (pf, "%d", &left) != 1)
    left = -1;
  if (pf)
    pclose (pf);
  free (ls);
  tap_ok (left == 0, "no temporary file of a killed writer is left (%d)", left);

  /* The same for the search index, built from the shipped content: a
     builder killed at any moment leaves an index that, once opened and
     brought up to date, answers as one built whole.  */
  const char *top = getenv ("top_srcdir");
  char *content = xasprintf ("%s/content", top ? top : "..");
  char *cache = xasprintf ("%s/cache", dir);
  setenv ("XDG_CACHE_HOME", cache, 1);
  size_t wrong = 0, rounds = 0;
  char *want = answer (content, 1);
  for (int i = 0; i < KILLS / 4; i++)
    {
      if (i % 4 == 0)
        {
          /* Now and then from nothing, else an update of what is there.  */
          char *rm = xasprintf ("rm -rf %s/casebook", cache);
          if (system (rm) != 0)
            wrong++;
          free (rm);
        }
      pid_t pid = fork ();
      if (pid == 0)
        {
          char *a = answer (content, 0);
          (void) a;
          _exit (0);
        }
      usleep ((useconds_t) (rand () % 40000));
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
      rounds++;
      char *got = answer (content, 0);
      if (strcmp (got, want) != 0)
        {
          printf ("# round %d: %s\n#  want %s\n", i, got, want);
          wrong++;
        }
      free (got);
    }
  tap_ok (wrong == 0 && rounds > 0,
          "%zu index builders killed: the index then answered right every "
          "time", rounds);
  free (want);

  /* A state directory in one that others can write (not sticky) is
     neither written nor read: another user could swap it for theirs.  */
  char *shared = xasprintf ("%s/shared", dir);
  char *shared_state = xasprintf ("%s/casebook/state", shared);
  mkdir (shared, 0700);
  struct state *st = make_state (1, 1);
  tap_ok (state_save (st, shared_state, &cause) == 0,
          "a state saved in a private directory");
  chmod (shared, 0777);
  cause = NULL;
  int saved = state_save (st, shared_state, &cause);
  tap_ok (saved == -1 && cause && strstr (cause, "a directory above it"),
          "not saved once the directory above can be changed by others: %s",
          cause ? cause : "saved");
  free (cause);
  cause = NULL;
  struct state *read = state_new ();
  int loaded = state_load (read, shared_state, &cause);
  tap_ok (loaded == -1 && cause != NULL, "nor read: %s",
          cause ? cause : "read");
  free (cause);
  state_free (read);
  state_free (st);
  free (shared_state);
  free (shared);

  /* Whether a save could be made, as the browser asks when it starts.  */
  char *why = NULL;
  char *deep = xasprintf ("%s/not/yet/made/state", dir);
  tap_ok (state_can_save (deep, &why) == 0,
          "a state directory still to be made, under one that can be "
          "written, can be saved to");
  free (deep);
  char *in_file = xasprintf ("%s/state/below", path);
  tap_ok (state_can_save (in_file, &why) != 0 && why != NULL
          && strstr (why, "Not a directory") != NULL,
          "one below a file cannot, and says why");
  free (why);
  free (in_file);

  char *cmd = xasprintf ("rm -rf %s", dir);
  tap_ok (system (cmd) == 0, "cleaned up");
  free (cmd);
  free (cache);
  free (content);
  free (path);
  norm_cleanup ();
  return tap_done ();
}
