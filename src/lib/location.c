/* location.c -- parse and print places in a collection ("7 §1 ¶12"), the
   form the command line prints search hits in, so that a reader can type
   back what casebook printed.  */

#include <config.h>
#include "location.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "norm.h"
#include "util.h"

#define SECTION_SIGN "\xc2\xa7"  /* § */
#define PILCROW "\xc2\xb6"       /* ¶ */

static const char *
skip_space (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/* Read a decimal number at *P into *N (at least 0, at most MAX); advance
   *P.  Returns 0, or -1 when there is no number or it is too large.  */
static int
read_number (const char **p, long max, long *n)
{
  const char *s = *p;
  if (*s < '0' || *s > '9')
    return -1;
  long v = 0;
  while (*s >= '0' && *s <= '9')
    {
      if (v > (max - (*s - '0')) / 10)
        return -1;
      v = v * 10 + (*s - '0');
      s++;
    }
  *n = v;
  *p = s;
  return 0;
}

/* If *P starts with the marker LONG (a UTF-8 sign) or the letter SHORT
   (either case), skip it and return 1.  */
static int
marker (const char **p, const char *sign, char letter)
{
  size_t n = strlen (sign);
  if (strncmp (*p, sign, n) == 0)
    {
      *p += n;
      return 1;
    }
  if (**p == letter || **p == letter - 'a' + 'A')
    {
      (*p)++;
      return 1;
    }
  return 0;
}

int
location_parse (const char *typed, struct location *loc, char **cause)
{
  memset (loc, 0, sizeof *loc);
  /* Full-width digits and letters, as a Chinese input method types
     them, read as ASCII.  */
  char *s = norm_nfkc_string (typed);
  const char *p = skip_space (s);
  long n;
  if (*p >= '0' && *p <= '9')
    {
      if (read_number (&p, LONG_MAX, &n) < 0)
        goto bad;
      loc->has_doc = 1;
      loc->doc = n;
      p = skip_space (p);
    }
  if (marker (&p, SECTION_SIGN, 's'))
    {
      p = skip_space (p);
      if (read_number (&p, INT_MAX, &n) < 0 || n == 0)
        goto bad;
      loc->section = (size_t) n;
      p = skip_space (p);
    }
  if (marker (&p, PILCROW, 'p'))
    {
      p = skip_space (p);
      /* Without a section: the paragraph as citations number them,
         across the case.  */
      if (read_number (&p, INT_MAX, &n) < 0 || n == 0)
        goto bad;
      loc->para = (size_t) n;
      p = skip_space (p);
    }
  if (*p != '\0' || (!loc->has_doc && loc->section == 0 && loc->para == 0))
    goto bad;
  free (s);
  return 0;
bad:
  free (s);
  /* TRANSLATORS: %s is what the reader typed; keep the example as it is. */
  *cause = xasprintf (_("not a place: %s (write a case number, then "
                        "optionally a section and paragraph, 7 \xc2\xa7" "1 "
                        "\xc2\xb6" "12, or a paragraph as citations number "
                        "them, 7 \xc2\xb6" "15)"), typed);
  return -1;
}

char *
location_format (const struct location *loc)
{
  if (loc->section == 0 && loc->para)
    return xasprintf (PILCROW "%zu", loc->para);
  if (loc->section == 0)
    return xstrdup ("");
  if (loc->para == 0)
    return xasprintf (SECTION_SIGN "%zu", loc->section);
  return xasprintf (SECTION_SIGN "%zu " PILCROW "%zu", loc->section,
                    loc->para);
}
