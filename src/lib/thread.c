/* thread.c -- starting a thread that works alongside its caller.  */

#include <config.h>

#include "thread.h"

#include <sched.h>
#include <stdlib.h>

struct start
{
  void *(*fn) (void *);
  void *arg;
#ifdef HAVE_PTHREAD_ATTR_SETAFFINITY_NP
  cpu_set_t may_run;            /* where the caller may run */
#endif
};

/* The thread's first steps: free to run where its creator may, then
   the work.  */
static void *
begin (void *p)
{
  struct start s = *(struct start *) p;
  free (p);
#ifdef HAVE_PTHREAD_ATTR_SETAFFINITY_NP
  /* (Left as it is if this fails: it only narrows where it runs.)  */
  pthread_setaffinity_np (pthread_self (), sizeof s.may_run, &s.may_run);
#endif
  return s.fn (s.arg);
}

int
thread_start (pthread_t *t, void *(*fn) (void *), void *arg)
{
#ifdef HAVE_PTHREAD_ATTR_SETAFFINITY_NP
  cpu_set_t may_run;
  int here = sched_getcpu ();
  if (here >= 0 && here < CPU_SETSIZE
      && sched_getaffinity (0, sizeof may_run, &may_run) == 0
      && CPU_ISSET (here, &may_run) && CPU_COUNT (&may_run) > 1)
    {
      /* Not with xmalloc: a thread not started is not fatal.  */
      struct start *s = malloc (sizeof *s);
      pthread_attr_t attr;
      if (s && pthread_attr_init (&attr) == 0)
        {
          cpu_set_t elsewhere = may_run;
          CPU_CLR (here, &elsewhere);
          *s = (struct start) { fn, arg, may_run };
          int rc = pthread_attr_setaffinity_np (&attr, sizeof elsewhere,
                                                &elsewhere) == 0
            ? pthread_create (t, &attr, begin, s) : -1;
          pthread_attr_destroy (&attr);
          if (rc == 0)
            return 0;
        }
      free (s);
    }
#endif
  return pthread_create (t, NULL, fn, arg);
}
