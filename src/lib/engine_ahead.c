/* engine_ahead.c -- the hits of many documents at once (see
   engine_hits_ahead_start in engine.h).  */

#include <config.h>

#include "engine_priv.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "thread.h"

/* Hits of many documents at once.  Placing hits is mostly analysis and
   reading, which share nothing between documents, so threads with
   connections of their own work out the documents ahead of the one the
   caller takes; the caller works out one further on rather than wait.  */

/* Fewer documents are not worth a thread and a connection (a
   millisecond or so).  */
#define AHEAD_MIN_DOCS 32
/* How far the threads may run ahead: the hits they hold are memory.  */
#define AHEAD_WINDOW 64
/* Threads beyond the caller's, at most: the caller prints, and more
   share its output's pace.  */
#define AHEAD_MAX_THREADS 3

/* How many threads to start beside the caller's: one fewer than the
   processors, at most AHEAD_MAX_THREADS.  */
static size_t
ahead_threads (void)
{
  long n = sysconf (_SC_NPROCESSORS_ONLN);
  if (n <= 1)
    return n == 1 ? 0 : 1;      /* unknown: one */
  return n - 1 > AHEAD_MAX_THREADS ? AHEAD_MAX_THREADS : (size_t) (n - 1);
}

enum ahead_state { AHEAD_FREE, AHEAD_BUSY, AHEAD_DONE };

struct ahead_slot
{
  enum ahead_state state;
  int rc;
  struct engine_hits hits;
  char *cause;
};

struct ahead_worker
{
  struct engine_hits_ahead *a;
  /* A connection whose read began before the caller's connection
     showed that nothing had changed since the search.  */
  struct engine reader;
  pthread_t thread;
  int running;
};

struct engine_hits_ahead
{
  struct engine *e;
  const struct engine_query *q;
  const struct engine_results *res;
  size_t max, max_texts;
  struct ahead_worker *workers;
  size_t nopened;               /* WORKERS, each with a connection */
  size_t nworkers;              /* of those, running */
  pthread_mutex_t lock;
  pthread_cond_t wake;
  struct ahead_slot *slots;     /* per document, under LOCK */
  size_t next;                  /* the first document no one began */
  size_t taken;                 /* the caller took those before */
  int stop;
};

/* Begin document A->next, which someone may begin, as BUSY; its index,
   or SIZE_MAX.  Under A's lock.  */
static size_t
claim_next (struct engine_hits_ahead *a)
{
  if (a->next >= a->res->ndocs || a->next >= a->taken + AHEAD_WINDOW)
    return SIZE_MAX;
  a->slots[a->next].state = AHEAD_BUSY;
  return a->next++;
}

/* Work out document I (claimed) in E, PINNED as engine_hits_read says, and
   leave its hits in its slot.  Called and returns under A's lock.  */
static void
work_out (struct engine_hits_ahead *a, struct engine *e, int pinned,
          size_t i)
{
  pthread_mutex_unlock (&a->lock);
  struct engine_hits h;
  char *cause = NULL;
  int rc = engine_hits_read (e, a->q, &a->res->docs[i], a->max, a->max_texts,
                             pinned, &h, &cause);
  pthread_mutex_lock (&a->lock);
  a->slots[i] = (struct ahead_slot) { AHEAD_DONE, rc, h, cause };
  pthread_cond_broadcast (&a->wake);
}

static void *
work_ahead (void *arg)
{
  struct ahead_worker *w = arg;
  struct engine_hits_ahead *a = w->a;
  pthread_mutex_lock (&a->lock);
  while (!a->stop && a->next < a->res->ndocs)
    {
      size_t i = claim_next (a);
      if (i == SIZE_MAX)
        pthread_cond_wait (&a->wake, &a->lock);
      else
        work_out (a, &w->reader, 1, i);
    }
  pthread_mutex_unlock (&a->lock);
  return NULL;
}

struct engine_hits_ahead *
engine_hits_ahead_start (struct engine *e, const struct engine_query *q,
                         const struct engine_results *res, size_t max,
                         size_t max_texts, size_t threads)
{
  /* An engine that cannot search any more says so to each take.  */
  char *cause;
  int usable = engine_settle_quietly (e, &cause) == 0;
  free (cause);
  struct engine_hits_ahead *a = xcalloc (1, sizeof *a);
  a->e = e;
  a->q = q;
  a->res = res;
  a->max = max;
  a->max_texts = max_texts;
  if (threads == 0)
    threads = ahead_threads ();
  if (threads > AHEAD_MAX_THREADS)
    threads = AHEAD_MAX_THREADS;
  int ours = 1;
  for (size_t i = 0; i < res->ndocs; i++)
    ours &= res->docs[i].priv != NULL;  /* found by this engine's search */
  /* (Debian's SQLite is built for threads; another may not be.)  */
  if (!usable || res->ndocs < AHEAD_MIN_DOCS || !ours || threads == 0
      || !sqlite3_threadsafe ())
    return a;
  struct ahead_worker *w = xcalloc (threads, sizeof *w);
  size_t opened = 0;
  while (opened < threads && engine_open_reader (&w[opened].reader, e) == 0)
    opened++;
  /* With no read of its own open, the caller's connection tells
     whether anything was written since the search.  If nothing was,
     nothing was before the readers' reads began either, and they see
     what the search saw however long they read.  Its data version is
     that of its last read, which may have begun before another
     casebook's write: PRAGMA data_version (generation) reads again
     first, and without that read nothing is known.  */
  engine_texts_release (e);
  int current = engine_generation (e).others != -1
    && !engine_search_stale (e, res->docs[0].priv);
  if (opened == 0 || !current)
    {
      for (size_t i = 0; i < opened; i++)
        engine_close_reader (&w[i].reader);
      free (w);
      return a;
    }
  a->workers = w;
  a->nopened = opened;
  a->slots = xcalloc (res->ndocs, sizeof *a->slots);
  pthread_mutex_init (&a->lock, NULL);
  pthread_cond_init (&a->wake, NULL);
  for (size_t i = 0; i < opened; i++)
    {
      w[i].a = a;
      w[i].running = thread_start (&w[i].thread, work_ahead, &w[i])
        == 0;
      a->nworkers += w[i].running;
    }
  for (size_t i = 0; i < opened; i++)
    if (!w[i].running)
      engine_close_reader (&w[i].reader);
  if (a->nworkers == 0)
    {
      free (a->slots);
      a->slots = NULL;
      free (a->workers);
      a->workers = NULL;
      a->nopened = 0;
      pthread_mutex_destroy (&a->lock);
      pthread_cond_destroy (&a->wake);
    }
  return a;
}

int
engine_hits_ahead_take (struct engine_hits_ahead *a, size_t i,
                        struct engine_hits *out, char **cause)
{
  *cause = NULL;
  if (a->nworkers == 0)
    return engine_hits_first (a->e, a->q, &a->res->docs[i], a->max,
                              a->max_texts, out, cause);
  pthread_mutex_lock (&a->lock);
  if (i + 1 > a->taken)
    a->taken = i + 1;
  if (i >= a->next)
    {
      /* Not begun: worked out here, and the threads pass over it (and
         over any the caller skipped).  */
      a->next = i + 1;
      pthread_cond_broadcast (&a->wake);
      pthread_mutex_unlock (&a->lock);
      return engine_hits_first (a->e, a->q, &a->res->docs[i], a->max,
                                a->max_texts, out, cause);
    }
  while (a->slots[i].state == AHEAD_BUSY)
    {
      /* A thread is at it: rather than wait, work out one further on.  */
      size_t j = claim_next (a);
      if (j == SIZE_MAX)
        pthread_cond_wait (&a->wake, &a->lock);
      else
        work_out (a, a->e, 0, j);
    }
  struct ahead_slot done = a->slots[i];
  a->slots[i] = (struct ahead_slot) { AHEAD_FREE, 0, { 0 }, NULL };
  pthread_cond_broadcast (&a->wake);
  pthread_mutex_unlock (&a->lock);
  if (done.state == AHEAD_DONE)
    {
      *out = done.hits;
      *cause = done.cause;
      return done.rc;
    }
  /* Skipped, or taken before: worked out here.  */
  return engine_hits_first (a->e, a->q, &a->res->docs[i], a->max,
                            a->max_texts, out, cause);
}

size_t
engine_hits_ahead_threads (const struct engine_hits_ahead *a)
{
  return a->nworkers;
}

void
engine_hits_ahead_stop (struct engine_hits_ahead *a)
{
  if (a == NULL)
    return;
  if (a->nworkers)
    {
      pthread_mutex_lock (&a->lock);
      a->stop = 1;
      pthread_cond_broadcast (&a->wake);
      pthread_mutex_unlock (&a->lock);
      for (size_t k = 0; k < a->nopened; k++)
        if (a->workers[k].running)
          {
            pthread_join (a->workers[k].thread, NULL);
            engine_close_reader (&a->workers[k].reader);
          }
      for (size_t i = 0; i < a->res->ndocs; i++)
        if (a->slots[i].state == AHEAD_DONE)
          {
            engine_hits_free (&a->slots[i].hits);
            free (a->slots[i].cause);
          }
      free (a->slots);
      free (a->workers);
      pthread_mutex_destroy (&a->lock);
      pthread_cond_destroy (&a->wake);
    }
  free (a);
}
