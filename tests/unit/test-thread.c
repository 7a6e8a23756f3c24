/* test-thread.c -- a thread started to work alongside its caller runs
   its function with its argument, and may afterwards run wherever the
   caller may: started on another processor, it is not kept there; and
   a caller allowed only one processor still gets its thread.  */

#include <config.h>

#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <string.h>

#include "tap.h"
#include "thread.h"

struct seen
{
  int arg;
#ifdef HAVE_PTHREAD_ATTR_SETAFFINITY_NP
  cpu_set_t may_run;
  int asked;
#endif
};

static void *
work (void *p)
{
  struct seen *s = p;
  s->arg *= 2;
#ifdef HAVE_PTHREAD_ATTR_SETAFFINITY_NP
  s->asked = pthread_getaffinity_np (pthread_self (), sizeof s->may_run,
                                     &s->may_run) == 0;
#endif
  return (void *) (intptr_t) 42;
}

/* Start a thread, wait for it, and say whether it ran and could run
   where its caller can.  */
static void
start_and_join (const char *what)
{
  struct seen s = { .arg = 21 };
  pthread_t t;
  void *result = NULL;
  int rc = thread_start (&t, work, &s);
  tap_ok (rc == 0, "%s: started", what);
  if (rc != 0)
    return;
  pthread_join (t, &result);
  tap_ok (s.arg == 42 && (intptr_t) result == 42,
          "%s: ran with its argument and returned its result", what);
#ifdef HAVE_PTHREAD_ATTR_SETAFFINITY_NP
  cpu_set_t mine;
  CPU_ZERO (&mine);
  int known = sched_getaffinity (0, sizeof mine, &mine) == 0;
  tap_ok (s.asked && known && CPU_EQUAL (&mine, &s.may_run),
          "%s: may run wherever its caller may (%d processors, %d)", what,
          CPU_COUNT (&mine), s.asked ? CPU_COUNT (&s.may_run) : -1);
#endif
}

int
main (void)
{
  start_and_join ("as the process may run");
#ifdef HAVE_PTHREAD_ATTR_SETAFFINITY_NP
  cpu_set_t all, one;
  if (sched_getaffinity (0, sizeof all, &all) == 0)
    {
      int first = 0;
      while (first < CPU_SETSIZE && !CPU_ISSET (first, &all))
        first++;
      CPU_ZERO (&one);
      CPU_SET (first, &one);
      if (sched_setaffinity (0, sizeof one, &one) == 0)
        {
          start_and_join ("on one processor");
          sched_setaffinity (0, sizeof all, &all);
        }
      else
        tap_ok (1, "# SKIP the caller cannot be kept to one processor");
    }
#endif
  return tap_done ();
}
