/* output.c -- what every command prints with: JSON strings, case text
   made safe for the terminal (and converted to traditional script when
   asked), the terminal's width, and the library's diagnostics.  The
   library never prints: this is where its text and errors meet stdout
   and stderr.  */

#include <config.h>
#include "output.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <unistr.h>

#include "i18n.h"
#include "norm.h"
#include "query.h"

void
output_json_string (FILE *f, const char *s, size_t len)
{
  fputc ('"', f);
  for (size_t i = 0; i < len; i++)
    {
      unsigned char c = (unsigned char) s[i];
      if (c == '"' || c == '\\')
        fprintf (f, "\\%c", c);
      else if (c == '\n')
        fputs ("\\n", f);
      else if (c == '\t')
        fputs ("\\t", f);
      else if (c < 0x20 || c == 0x7f)
        fprintf (f, "\\u%04x", c);
      else if (c < 0x80)
        fputc (c, f);
      else
        {
          /* C1 controls (some terminals obey them), format characters
             that hide or reorder text (bidi controls, TAG characters,
             soft hyphens...), private-use and unassigned code points
             keep their exact value, escaped, so that a JSON reader gets
             the text and a terminal showing the JSON gets nothing
             hidden.  */
          uint32_t uc;
          ucs4_t any;
          int k = u8_mbtoucr (&any, (const uint8_t *) s + i, len - i);
          int n = norm_invisible_at (s + i, len - i, &uc);
          if (k < 0)
            /* A byte that is not UTF-8 (a directory's name in GBK can
               be a collection's id) has no place in JSON: U+FFFD, as
               norm_visible shows it.  */
            fputs ("\\ufffd", f);
          else if (n == 0)
            {
              fwrite (s + i, 1, (size_t) k, f);
              i += (size_t) k - 1;
            }
          else if (uc < 0x10000)
            {
              fprintf (f, "\\u%04x", (unsigned) uc);
              i += (size_t) n - 1;
            }
          else
            {
              uint32_t v = uc - 0x10000;
              fprintf (f, "\\u%04x\\u%04x", (unsigned) (0xd800 + (v >> 10)),
                       (unsigned) (0xdc00 + (v & 0x3ff)));
              i += (size_t) n - 1;
            }
        }
    }
  fputc ('"', f);
}

char *
output_visible (const char *s)
{
  return norm_visible_string (s);
}

char *
output_shell_word (const char *s)
{
  char *v = norm_visible_string (s);
  int plain = *v != '\0';
  for (const char *p = v; *p && plain; p++)
    plain = (unsigned char) *p >= 0x80 || strchr ("abcdefghijklmnopqrstuvwxyz"
                                                 "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                 "0123456789_./:@%+=,-", *p);
  if (plain && *v == '-')
    {
      /* Not an option: "-bad" is "./-bad".  */
      char *dotted = xasprintf ("./%s", v);
      free (v);
      return dotted;
    }
  if (plain)
    return v;
  /* In single quotes, where only a single quote needs more.  */
  struct buf b = { 0 };
  buf_addc (&b, '\'');
  for (const char *p = v; *p; p++)
    if (*p == '\'')
      buf_adds (&b, "'\\''");
    else
      buf_addc (&b, *p);
  buf_addc (&b, '\'');
  free (v);
  return buf_steal (&b);
}

void
output_json_text (FILE *f, const char *key, const struct text *t)
{
  fprintf (f, ",\"%s\":", key);
  if (t)
    output_json_string (f, t->str, t->len);
  else
    fputs ("null", f);
}

void
output_json_origin (FILE *f, const char *key, enum origin o)
{
  fprintf (f, ",\"%s_translated\":%s", key,
           o == ORIGIN_TRANSLATION ? "true" : "false");
  if (o == ORIGIN_REVISION)
    fprintf (f, ",\"%s_revised\":true", key);
}

void
output_json_marked (FILE *f, const char *key, const struct text *t)
{
  output_json_text (f, key, t);
  output_json_origin (f, key, t ? t->origin : ORIGIN_RELEASE);
}

int
output_marks_shown (void)
{
  return isatty (STDOUT_FILENO);
}

void
output_project_mark (int shown, enum origin o)
{
  if (shown && (o == ORIGIN_TRANSLATION || o == ORIGIN_REVISION))
    putchar ('*');
}

void
output_text (const char *s, size_t len, int raw)
{
  if (raw || !norm_needs_visible (s, len, 0))
    {
      fwrite (s, 1, len, stdout);
      return;
    }
  struct visible v;
  norm_visible (s, len, 0, &v);
  fwrite (v.str, 1, v.len, stdout);
  norm_visible_free (&v);
}

void
output_lang (const struct cli_options *o, enum lang l, const char *s,
             size_t len)
{
  char *conv = o->script_config && l == LANG_ZH && len > 0
    ? norm_to_traditional (s, len, o->script_config) : NULL;
  /* --raw is for show alone: list, tags and search stay safe.  */
  if (conv)
    {
      output_text (conv, strlen (conv), 0);
      free (conv);
    }
  else
    output_text (s, len, 0);
}

int
output_terminal_width (void)
{
  struct winsize ws;
  if (ioctl (STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col < 10 ? 10 : ws.ws_col;
  const char *c = getenv ("COLUMNS");
  if (c && *c)
    {
      char *end;
      long n = strtol (c, &end, 10);
      if (*end == '\0' && n > 0)
        return n < 10 ? 10 : n > 1000 ? 1000 : (int) n;
    }
  return 80;
}

void
output_diags (const struct diags *d)
{
  for (size_t i = 0; i < d->count; i++)
    {
      const struct diag *g = &d->items[i];
      const char *sev = g->severity == DIAG_ERROR ? _("error") : _("warning");
      /* File names and messages may carry what they quote: make both
         safe for the terminal.  */
      struct visible v, f;
      norm_visible (g->message, strlen (g->message), 0, &v);
      norm_visible (g->file, strlen (g->file), 0, &f);
      if (g->line)
        fprintf (stderr, "casebook: %s:%lu: %s: %s\n", f.str, g->line, sev, v.str);
      else
        fprintf (stderr, "casebook: %s: %s: %s\n", f.str, sev, v.str);
      norm_visible_free (&v);
      norm_visible_free (&f);
    }
}

void
output_query_error (const char *query_text, const struct query_error *err)
{
  fprintf (stderr, "casebook: %s\n", err->message);
  /* A query of blanks (ideographic spaces, line breaks too): nothing
     to point at.  */
  if (query_blank (query_text))
    return;
  struct visible v;
  norm_visible (query_text, strlen (query_text), 0, &v);
  size_t vo = 0;
  while (vo < v.len && v.src_off[vo] < err->offset)
    vo++;
  /* A long query is shown around the error: 30 columns before it, 40
     after, cut at characters, marked with "...".  */
  size_t from = vo, to = vo;
  while (from > 0 && norm_width (v.str + from, vo - from) < 30)
    do
      from--;
    while (from > 0 && (v.str[from] & 0xc0) == 0x80);
  while (to < v.len && norm_width (v.str + vo, to - vo) < 40)
    do
      to++;
    while (to < v.len && (v.str[to] & 0xc0) == 0x80);
  const char *pre = from > 0 ? "..." : "";
  fprintf (stderr, "  %s%.*s%s\n  %*s^\n", pre, (int) (to - from), v.str + from,
           to < v.len ? "..." : "",
           (int) strlen (pre) + norm_width (v.str + from, vo - from), "");
  norm_visible_free (&v);
}

void
output_amend_note (FILE *out, int english_revised, const char *fix,
                   int typed_found, const char *query_text,
                   const char *script_config)
{
  struct visible vq;
  norm_visible (query_text, strlen (query_text), 0, &vq);
  if (fix == NULL)
    {
      /* TRANSLATORS: %s is the query as typed.  */
      if (english_revised)
        fprintf (out, _("Showing results in the release's English (nothing "
                        "found for %s in casebook's revision)"), vq.str);
      else
        fprintf (out, _("Showing results in casebook's revised English "
                        "(nothing found for %s in the release's)"), vq.str);
      fputc ('\n', out);
    }
  else
    {
      char *conv = script_config
        ? norm_to_traditional (fix, strlen (fix), script_config) : NULL;
      struct visible vf;
      norm_visible (conv ? conv : fix, strlen (conv ? conv : fix), 0, &vf);
      free (conv);
      if (typed_found)
        /* TRANSLATORS: the first is the corrected query, the second
           what was typed, which found something, but not all of it was
           in the texts (a word, or part of a Chinese term).  */
        fprintf (out, _("Showing results for %s (not all of %s is in the "
                        "texts)\n"), vf.str, vq.str);
      else
        /* TRANSLATORS: the first is the corrected query, the second
           what was typed.  */
        fprintf (out, _("Showing results for %s (nothing found for %s)\n"),
                 vf.str, vq.str);
      norm_visible_free (&vf);
    }
  norm_visible_free (&vq);
}
