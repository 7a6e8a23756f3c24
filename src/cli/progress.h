/* progress.h -- long work shown on stderr when it is a terminal: nothing
   for the first half second (most work is done by then), then one line,
   "casebook: WHAT: DONE of TOTAL" or "casebook: WHAT", rewritten as the
   work goes and erased at the end, so that it never mixes with what the
   command prints.  Quiet when stderr is not a terminal.  */

#ifndef CASEBOOK_PROGRESS_H
#define CASEBOOK_PROGRESS_H

#include <pthread.h>
#include <stddef.h>
#include <time.h>

struct progress
{
  struct timespec start;
  const char *what;             /* translated, e.g. "reading documents" */
  const char *counting;         /* what progress_update counts: WHAT as
                                   progress_start gave it, whatever
                                   steps came since */
  int on;                       /* stderr is a terminal */
  int shown;                    /* a line is on screen */
  struct timespec drawn;        /* when it was last drawn */
  /* A step (progress_step) has no count to report as it goes: a thread
     shows it when its half second is up.  */
  pthread_mutex_t lock;
  pthread_cond_t wake;
  pthread_t ticker;
  int ticking, stop;
};

/* Start timing work described by WHAT (borrowed).  */
void progress_start (struct progress *p, const char *what);

/* The callback the library's long tasks take (content_progress_fn,
   index_progress_fn): CTX is a struct progress.  DONE == TOTAL erases
   the line.  */
void progress_update (void *ctx, size_t done, size_t total);

/* Work without a count, WHAT (borrowed, until progress_end): shown at
   once when a line is on screen, else when half a second has passed
   since progress_start, even while the work runs.  */
void progress_step (struct progress *p, const char *what);

/* Erase the line, if any, and release P.  */
void progress_end (struct progress *p);

#endif /* CASEBOOK_PROGRESS_H */
