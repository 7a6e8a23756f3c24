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
#include "index.h"
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

  /* The same for the search cache, written from the shipped content.  */
  const char *top = getenv ("top_srcdir");
  char *content = xasprintf ("%s/content", top ? top : "..");
  struct diags d = { 0 };
  struct library *lib = content_load (content, &d);
  unsigned long long key = index_content_key (content);
  char *cache = xasprintf ("%s/cache.bin", dir);
  size_t believed_bad = 0, rounds = 0, opened = 0;
  struct query_options qo = { .glossary = &lib->glossary };
  struct query_error qe;
  struct query *q = query_parse ("巡回检察", &qo, &qe);
  struct search_results want;
  char *error = NULL;
  search_library (q, lib, &want, &error);
  for (int i = 0; i < KILLS / 4; i++)
    {
      pid_t pid = fork ();
      if (pid == 0)
        for (;;)
          index_write (lib, key, cache);
      usleep ((useconds_t) (rand () % 20000));
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
      rounds++;
      const char *reason;
      struct index *ix = index_open (cache, key, &reason);
      if (ix == NULL)
        continue;               /* not there yet: rebuilt on use */
      opened++;
      struct index_match *m;
      char *err = NULL;
      size_t n = index_search (ix, q, &m, &err);
      int same = n == want.ndocs;
      for (size_t k = 0; same && k < n; k++)
        same = m[k].number == want.docs[k].doc->number
          && m[k].hits == want.docs[k].nhits;
      believed_bad += !same;
      free (m);
      free (err);
      index_close (ix);
    }
  tap_ok (believed_bad == 0 && opened > 0,
          "%zu cache writers killed: every cache that opened (%zu) gave the "
          "right answer", rounds, opened);
  search_results_free (&want);
  query_free (q);
  library_free (lib);
  diags_free (&d);

  char *cmd = xasprintf ("rm -rf %s", dir);
  tap_ok (system (cmd) == 0, "cleaned up");
  free (cmd);
  free (cache);
  free (content);
  free (path);
  norm_cleanup ();
  return tap_done ();
}
