/* wrap.c -- folding list's and search's lines at word boundaries (see
   wrap.h).  The line breaks are the library's (layout_wrap: UAX #14 by
   display width, Chinese punctuation rules, over-long words split), so
   the command line folds text as the browser and show do.  */

#include <config.h>
#include "wrap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

#include "layout.h"
#include "norm.h"
#include "output.h"

int
wrap_width (const struct cli_options *o)
{
  if (o->width > 0)
    return o->width;
  return isatty (STDOUT_FILENO) ? output_terminal_width () : 0;
}

void
wrap_begin (struct wrap *w, int width)
{
  memset (w, 0, sizeof *w);
  w->width = width;
}

void
wrap_add (struct wrap *w, const char *s, size_t len, const char *sgr)
{
  size_t start = w->text.len;
  if (norm_needs_visible (s, len, 0))
    {
      struct visible v;
      norm_visible (s, len, 0, &v);
      buf_add (&w->text, v.str, v.len);
      norm_visible_free (&v);
    }
  else
    buf_add (&w->text, s, len);
  if (sgr && w->text.len > start)
    {
      w->spans = xgrow (w->spans, &w->spans_alloc, w->nspans + 1,
                        sizeof *w->spans);
      w->spans[w->nspans++] = (struct wrap_span) { start, w->text.len, sgr };
    }
}

void
wrap_add_lang (struct wrap *w, const struct cli_options *o, enum lang l,
               const char *s, size_t len, const char *sgr)
{
  char *conv = o->script_config && l == LANG_ZH && len > 0
    ? norm_to_traditional (s, len, o->script_config) : NULL;
  if (conv)
    wrap_add (w, conv, strlen (conv), sgr);
  else
    wrap_add (w, s, len, sgr);
  free (conv);
}

void
wrap_script_begin (struct wrap_script *ws, const struct cli_options *o,
                   enum lang l, const char *text, size_t len)
{
  ws->text = text;
  /* OpenCC's tables put one character for one: where it did not, the
     parts are converted each alone, as before.  */
  ws->at = NULL;
  ws->conv = o->script_config && l == LANG_ZH && len > 0
    ? norm_to_traditional_mapped (text, len, o->script_config, NULL,
                                  &ws->at) : NULL;
}

void
wrap_add_part (struct wrap *w, const struct wrap_script *ws, size_t from,
               size_t to, const char *sgr)
{
  if (ws->conv)
    wrap_add (w, ws->conv + ws->at[from], ws->at[to] - ws->at[from], sgr);
  else
    wrap_add (w, ws->text + from, to - from, sgr);
}

void
wrap_script_end (struct wrap_script *ws)
{
  free (ws->conv);
  free (ws->at);
}

int
wrap_col (const struct wrap *w)
{
  return w->text.len ? norm_width (w->text.data, w->text.len) : 0;
}

/* Print bytes [FROM, TO) of W's line with its spans' SGR sequences.  */
static void
print_range (const struct wrap *w, size_t from, size_t to)
{
  size_t at = from;
  for (size_t i = 0; i < w->nspans && at < to; i++)
    {
      const struct wrap_span *sp = &w->spans[i];
      if (sp->end <= at || sp->start >= to)
        continue;
      size_t s = sp->start > at ? sp->start : at;
      size_t e = sp->end < to ? sp->end : to;
      fwrite (w->text.data + at, 1, s - at, stdout);
      fputs (sp->sgr, stdout);
      fwrite (w->text.data + s, 1, e - s, stdout);
      fputs ("\033[0m", stdout);
      at = e;
    }
  fwrite (w->text.data + at, 1, to - at, stdout);
}

void
wrap_end (struct wrap *w, int hang)
{
  size_t len = w->text.len;
  if (w->width <= 0 || len == 0)
    print_range (w, 0, len);
  else
    {
      /* Text squeezed into less than half the width reads worse than
         continuation lines that start further left.  */
      if (hang > w->width / 2)
        hang = 4;
      struct layout_line *lines = NULL;
      size_t n = layout_wrap (w->text.data, len, w->width, w->width - hang,
                              &lines);
      for (size_t i = 0; i < n; i++)
        {
          size_t off = lines[i].off, end = off + lines[i].len;
          /* The blanks a line was broken after are not printed: they
             would only push the line past the width.  */
          while (end > off && w->text.data[end - 1] == ' ')
            end--;
          if (i > 0)
            printf ("\n%*s", hang, "");
          print_range (w, off, end);
        }
      free (lines);
    }
  putchar ('\n');
  buf_free (&w->text);
  free (w->spans);
  memset (w, 0, sizeof *w);
}
