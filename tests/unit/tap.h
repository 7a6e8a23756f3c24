/* tap.h -- a minimal Test Anything Protocol producer for unit tests.  */

#ifndef CASEBOOK_TAP_H
#define CASEBOOK_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count;
static int tap_failed;

static void
tap_ok (int cond, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

static void
tap_ok (int cond, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  printf ("%s %d - ", cond ? "ok" : "not ok", ++tap_count);
  vprintf (fmt, ap);
  printf ("\n");
  va_end (ap);
  if (!cond)
    tap_failed++;
  fflush (stdout);
}

/* Compare strings and say what was expected and what came.  */
#define tap_is(got, want, ...)                                           \
  do {                                                                   \
    const char *g_ = (got), *w_ = (want);                                \
    int ok_ = g_ && w_ && strcmp (g_, w_) == 0;                          \
    tap_ok (ok_, __VA_ARGS__);                                           \
    if (!ok_)                                                            \
      printf ("# expected: [%s]\n#      got: [%s]\n", w_ ? w_ : "(null)", \
              g_ ? g_ : "(null)");                                       \
  } while (0)

static int
tap_done (void)
{
  printf ("1..%d\n", tap_count);
  return tap_failed ? 1 : 0;
}

#endif /* CASEBOOK_TAP_H */
