/* thread.h -- starting a thread that works alongside its caller.  */

#ifndef CASEBOOK_THREAD_H
#define CASEBOOK_THREAD_H

#include <pthread.h>

/* pthread_create (T, NULL, FN, ARG), but with the thread started on
   another processor than the caller's where the caller may use more
   than one; once running, the thread may run anywhere the caller may.

   Why: on the 2-processor virtual machines casebook is measured on, a
   new thread is most often put on its creator's processor, and the
   creator waits there until the scheduler moves one of them: 0.6 ms
   on average, 51 creations in 60 (a thread that stats files, created
   while its creator computes), where the search that starts it takes
   5 ms in all.  Started on the other processor, neither waits (0.05
   ms).

   Returns 0, or an error number as pthread_create does.  */
int thread_start (pthread_t *t, void *(*fn) (void *), void *arg);

#endif /* CASEBOOK_THREAD_H */
