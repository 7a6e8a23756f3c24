/* progress.c -- see progress.h.  */

#include <config.h>
#include "progress.h"

#include <stdio.h>
#include <unistd.h>

#include "i18n.h"

#define PROGRESS_DELAY_NS 500000000L
/* A line on screen is redrawn at most this often: a count that moves
   by thousands a second would otherwise cost a write to the terminal
   for each.  */
#define PROGRESS_REDRAW_NS 50000000L

static struct timespec
later (const struct timespec *t, long ns)
{
  struct timespec r = *t;
  r.tv_nsec += ns;
  while (r.tv_nsec >= 1000000000L)
    {
      r.tv_nsec -= 1000000000L;
      r.tv_sec++;
    }
  return r;
}

/* Has NS passed since T?  */
static int
passed (const struct timespec *t, long ns)
{
  struct timespec now, at = later (t, ns);
  clock_gettime (CLOCK_MONOTONIC, &now);
  return now.tv_sec > at.tv_sec
    || (now.tv_sec == at.tv_sec && now.tv_nsec >= at.tv_nsec);
}

static int
due (const struct progress *p)
{
  return passed (&p->start, PROGRESS_DELAY_NS);
}

void
progress_start (struct progress *p, const char *what)
{
  clock_gettime (CLOCK_MONOTONIC, &p->start);
  p->drawn = p->start;
  p->what = what;
  p->counting = what;
  p->on = isatty (STDERR_FILENO);
  p->shown = 0;
  p->ticking = 0;
  p->stop = 0;
  pthread_mutex_init (&p->lock, NULL);
  pthread_condattr_t ca;
  pthread_condattr_init (&ca);
  pthread_condattr_setclock (&ca, CLOCK_MONOTONIC);
  pthread_cond_init (&p->wake, &ca);
  pthread_condattr_destroy (&ca);
}

/* With P's lock held.  */
static void
show_step (struct progress *p)
{
  fprintf (stderr, "\r%s: %s\033[K", "casebook", p->what);
  fflush (stderr);
  p->shown = 1;
}

static void *
tick (void *arg)
{
  struct progress *p = arg;
  struct timespec at = later (&p->start, PROGRESS_DELAY_NS);
  pthread_mutex_lock (&p->lock);
  while (!p->stop && pthread_cond_timedwait (&p->wake, &p->lock, &at) == 0)
    ;
  if (!p->stop && !p->shown)
    show_step (p);
  pthread_mutex_unlock (&p->lock);
  return NULL;
}

void
progress_step (struct progress *p, const char *what)
{
  if (!p->on)
    return;
  pthread_mutex_lock (&p->lock);
  p->what = what;
  if (p->shown || due (p))
    show_step (p);
  else if (!p->ticking)
    p->ticking = pthread_create (&p->ticker, NULL, tick, p) == 0;
  pthread_mutex_unlock (&p->lock);
}

void
progress_update (void *ctx, size_t done, size_t total)
{
  struct progress *p = ctx;
  if (!p->on)
    return;
  pthread_mutex_lock (&p->lock);
  if (done >= total)
    {
      if (p->shown)
        fputs ("\r\033[K", stderr);
      p->shown = 0;
    }
  else if (p->shown ? passed (&p->drawn, PROGRESS_REDRAW_NS) : due (p))
    {
      clock_gettime (CLOCK_MONOTONIC, &p->drawn);
      fputc ('\r', stderr);
      /* TRANSLATORS: progress of long work, on one line that is rewritten
         as it goes: "casebook: indexing documents: 120 of 2000".  */
      fprintf (stderr, _("casebook: %s: %zu of %zu"), p->counting, done,
               total);
      fputs ("\033[K", stderr);
      fflush (stderr);
      p->shown = 1;
    }
  pthread_mutex_unlock (&p->lock);
}

void
progress_end (struct progress *p)
{
  if (p->ticking)
    {
      pthread_mutex_lock (&p->lock);
      p->stop = 1;
      pthread_cond_signal (&p->wake);
      pthread_mutex_unlock (&p->lock);
      pthread_join (p->ticker, NULL);
      p->ticking = 0;
    }
  if (p->shown)
    fputs ("\r\033[K", stderr);
  fflush (stderr);
  p->shown = 0;
  pthread_cond_destroy (&p->wake);
  pthread_mutex_destroy (&p->lock);
}
