/* fuzz-norm.c -- libFuzzer target for the text normalizer and layout: the
   visible form of any bytes, search folding with its offset map, and line
   breaking at any width.  The first two bytes choose the widths and
   options; the rest is the text.  */

#include <config.h>

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "layout.h"
#include "norm.h"
#include "util.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* casebook runs in a UTF-8 locale; widths are compared with wcwidth.  */
int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void) argc;
  (void) argv;
  if (setlocale (LC_ALL, "C.UTF-8") == NULL)
    setlocale (LC_ALL, "en_US.UTF-8");
  return 0;
}

/* The visible form is valid UTF-8 without controls and maps every byte
   back into the original, in order.  */
static void
check_visible (const struct visible *v, size_t len, int safe)
{
  if (strlen (v->str) != v->len
      || u8_check ((const uint8_t *) v->str, v->len) != NULL
      || norm_needs_visible (v->str, v->len, safe) || v->src_off[v->len] != len)
    abort ();
  for (size_t i = 0; i < v->len; i++)
    if (v->src_off[i] >= len || (i > 0 && v->src_off[i] < v->src_off[i - 1]))
      abort ();
}

/* Folded bytes map to original clusters, in order.  */
static void
check_folded (const struct folded *f, const char *s, size_t len)
{
  if (strlen (f->str) != f->len
      || u8_check ((const uint8_t *) f->str, f->len) != NULL)
    abort ();
  for (size_t i = 0; i < f->len; i++)
    {
      if (f->start[i] >= f->end[i] || f->end[i] > len)
        abort ();
      if (i > 0 && (f->start[i] < f->start[i - 1] || f->end[i] < f->end[i - 1]))
        abort ();
      if ((s[f->start[i]] & 0xc0) == 0x80
          || (f->end[i] < len && (s[f->end[i]] & 0xc0) == 0x80))
        abort ();
    }
  /* The same text folds the same without a map.  */
  char *plain = norm_fold_string (s, len);
  if (strcmp (plain, f->str) != 0)
    abort ();
  free (plain);
}

/* Lines are in order, lose nothing but the spaces they break at, and fit
   the width unless one character is wider than the whole line.  */
static void
check_lines (const char *s, size_t len, int first, int width,
             const struct layout_line *ll, size_t n)
{
  if (n == 0)
    abort ();
  size_t at = 0;
  for (size_t i = 0; i < n; i++)
    {
      if (ll[i].off < at || ll[i].off + ll[i].len > len)
        abort ();
      for (size_t k = at; k < ll[i].off; k++)
        if (s[k] != ' ')
          abort ();             /* text between lines was dropped */
      if (ll[i].width != norm_width (s + ll[i].off, ll[i].len))
        abort ();
      int avail = i == 0 ? first : width;
      if (ll[i].width > avail)
        {
          ucs4_t uc;
          int k = u8_mbtouc (&uc, (const uint8_t *) s + ll[i].off, ll[i].len);
          if (norm_width (s + ll[i].off + k, ll[i].len - (size_t) k) != 0)
            abort ();           /* more than one character overflows */
        }
      at = ll[i].off + ll[i].len;
    }
  for (size_t k = at; k < len; k++)
    if (s[k] != ' ')
      abort ();
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 2)
    return 0;
  int first = 1 + (data[0] & 63);
  int width = 1 + (data[1] & 63);
  int safe = (data[0] & 64) != 0;
  norm_set_ambiguous_wide ((data[1] & 64) != 0);
  const char *s0 = (const char *) data + 2;
  size_t len = size - 2;
  char *s = xmalloc (len + 1);
  memcpy (s, s0, len);
  s[len] = '\0';

  /* Any bytes, even invalid UTF-8, can be made visible.  */
  struct visible v;
  norm_visible (s, len, safe, &v);
  check_visible (&v, len, safe);

  /* Texts are wrapped in their visible form.  */
  struct layout_line *ll;
  size_t n = layout_wrap (v.str, v.len, first, width, &ll);
  check_lines (v.str, v.len, first, width, ll, n);
  free (ll);
  char *fit = layout_fit (v.str, v.len, width);
  if (norm_width (fit, strlen (fit)) != width)
    abort ();
  free (fit);
  norm_visible_free (&v);

  /* Folding takes valid UTF-8 C strings (texts and queries).  */
  size_t clen = strlen (s);
  if (u8_check ((const uint8_t *) s, clen) == NULL)
    {
      struct folded f;
      norm_fold (s, clen, 1, &f);
      check_folded (&f, s, clen);
      norm_folded_free (&f);
    }
  free (s);
  return 0;
}
