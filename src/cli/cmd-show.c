/* cmd-show.c -- casebook show N [§S [¶P]]: one document, or the
   document from that place on, as wrapped text (Chinese,
   English, or both: one after the other with --lang=both, in two columns
   with --side-by-side), the project's
   translations marked with '*'; or with --json, the document and then
   each of its texts as JSON Lines.  --english=revised shows the project's
   revised English where there is one, marked as the project's.  */

#include <config.h>
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "layout.h"
#include "model.h"
#include "norm.h"
#include "output.h"
#include "pager.h"
#include "place.h"
#include "render.h"
#include "util.h"

static enum view
show_view (const struct cli_options *o)
{
  if (o->side_by_side && o->both)
    return VIEW_SIDE_BY_SIDE;
  if (o->both)
    return VIEW_INTERLEAVED;
  return cmd_reader_lang (o) == LANG_ZH ? VIEW_ZH : VIEW_EN;
}

/* Where the printing starts: the lines before the place are skipped.  */
struct start
{
  size_t section;               /* 1-based; 0: print everything */
  size_t para;                  /* 1-based block; 0: the section's start */
  int reached;
};

/* Is LN the first line of the place START names?  */
static int
at_start (const struct rline *ln, const struct start *st)
{
  if (ln->style == RSTYLE_BLANK || ln->style == RSTYLE_TITLE
      || ln->style == RSTYLE_META || ln->section != st->section - 1)
    return 0;
  if (st->para == 0)
    return 1;
  for (int c = 0; c < 2; c++)
    if (ln->cell[c].present && ln->cell[c].part == PART_BLOCK
        && ln->cell[c].block == st->para - 1)
      return 1;
  return 0;
}

/* Print one display line of `show', from the place ARG names on.  */
static void
print_line (const struct rline *ln, void *arg)
{
  struct start *st = arg;
  if (!st->reached)
    {
      if (st->section && !at_start (ln, st))
        return;
      st->reached = 1;
    }
  int col = 0;
  for (int c = 0; c < 2; c++)
    {
      const struct rcell *cell = &ln->cell[c];
      if (!cell->present)
        continue;
      for (; col < cell->col; col++)
        putchar (' ');
      printf ("%s%*s", cell->translated ? "* " : "  ", cell->indent, "");
      fwrite (cell->s, 1, cell->len, stdout);
      col += 2 + cell->indent + norm_width (cell->s, cell->len);
    }
  putchar ('\n');
}

/* One field of the header: LABEL, a space and VALUE (of language L,
   shown in traditional script when O asks for it), made visible (but
   with --raw) and
   wrapped at WIDTH with a two-column indent after the first line; each
   line marked "* " when VALUE is the project's (PROJECT), as the text
   marks it.  */
static void
header_field (const struct cli_options *o, int width, const char *label,
              enum lang l, const char *value, int project)
{
  if (value == NULL || *value == '\0')
    return;
  char *conv = o->script_config && l == LANG_ZH
    ? norm_to_traditional (value, strlen (value), o->script_config) : NULL;
  /* A full-width colon (a Chinese label) has its space in it.  */
  size_t ll_len = strlen (label);
  int wide = ll_len >= 3 && strcmp (label + ll_len - 3, "\xef\xbc\x9a") == 0;
  char *line = xasprintf ("%s%s%s", label, wide ? "" : " ",
                          conv ? conv : value);
  free (conv);
  /* With --raw, as the text: its control characters pass through.  */
  struct visible v = { 0 };
  const char *str = line;
  size_t len = strlen (line);
  if (!o->raw)
    {
      norm_visible_text (line, len, 0, &v);
      str = v.str;
      len = v.len;
    }
  struct layout_line *ll;
  int mark = project ? 2 : 0;
  size_t n = layout_wrap (str, len, width - mark, width - mark - 2, &ll);
  for (size_t i = 0; i < n; i++)
    printf ("%s%s%.*s\n", project ? "* " : "", i ? "  " : "",
            (int) ll[i].len, str + ll[i].off);
  free (ll);
  if (!o->raw)
    norm_visible_free (&v);
  free (line);
}

/* The text of BT to show in language L (or the other), its language in
   *GOT; *PROJECT is set when it is the project's and so marked.  */
static const char *
side_str (const struct bitext *bt, enum lang l, int revised, enum lang *got,
          int *project)
{
  const struct text *t = bitext_view (bt, l, revised);
  *got = l;
  if (t == NULL || t->str == NULL || t->len == 0)
    t = bitext_pick (bt, l, got);
  if (t && t->str && text_is_project (t))
    *project = 1;
  return t && t->str ? t->str : NULL;
}

/* The header of `show': the document's number and collection, its title
   (in both languages with --lang both), region, release date and the
   collection's source; then a blank line.  Returns whether it marked
   any field as the project's.  */
static int
print_header (const struct cli_options *o, const struct document *d,
              int width)
{
  int marked = 0;
  const struct collection *c = d->collection;
  enum lang l = cmd_reader_lang (o), got;
  char *num = c && c->id ? xasprintf ("%ld (%s)", d->number, c->id)
    : xasprintf ("%ld", d->number);
  /* TRANSLATORS: the labels of the header `casebook show' prints.  */
  header_field (o, width, _("Case:"), LANG_EN, num, 0);
  free (num);
  for (int k = 0; k < (o->both ? 2 : 1); k++)
    {
      enum lang want = o->both ? (enum lang) k : l;
      int project = 0;
      const char *t = side_str (&d->title, want, o->english_revised, &got,
                                &project);
      if (o->both && got != want)
        continue;
      header_field (o, width, _("Title:"), got, t, project);
      marked |= project && t;
    }
  int project = 0;
  const char *region = side_str (&d->region, l, o->english_revised, &got,
                                 &project);
  header_field (o, width, _("Region:"), got, region, project);
  marked |= project && region;
  if (c)
    {
      header_field (o, width, _("Released:"), LANG_EN, c->date, 0);
      project = 0;
      const char *ct = side_str (&c->title, l, o->english_revised, &got,
                                 &project);
      header_field (o, width, _("Collection:"), got, ct, project);
      marked |= project && ct;
      header_field (o, width, _("Source:"), LANG_EN, c->source, 0);
    }
  putchar ('\n');
  return marked;
}

/* NOTE wrapped to WIDTH, its lines after the first indented, then a
   blank line: what show says before the text.  */
static void
print_note (const char *note, int width)
{
  struct layout_line *ll;
  size_t n = layout_wrap (note, strlen (note), width, width - 2, &ll);
  for (size_t i = 0; i < n; i++)
    printf ("%s%.*s\n", i ? "  " : "", (int) ll[i].len, note + ll[i].off);
  putchar ('\n');
  free (ll);
}

/* Print document D from place P as text, header first.  */
static void
print_text (const struct cli_options *o, const struct place *p,
            const struct document *d)
{
  struct render_options ro = {
    .view = show_view (o),
    .width = o->width > 0 ? o->width : output_terminal_width (),
    .gutter = 1,
    .raw = o->raw,
    .script = o->script_config,
    .revised = o->english_revised,
  };
  int marked = print_header (o, d, ro.width);
  if (marked || render_any_translated (d, &ro))
    /* TRANSLATORS: the legend of `casebook show`; the Chinese must say
       that Chinese marked so is a translation, not the official
       original.  */
    print_note (o->english_revised
                ? _("* marks the casebook project's translation or revision, "
                    "not the release's own text.")
                : _("* marks the casebook project's translation, "
                    "not the release's own text."), ro.width);
  /* Unmarked Chinese in traditional script is still not the release's
     wording: say whose conversion it is, as export's pages do.  */
  if (o->script_config && ro.view != VIEW_EN
      && document_has_lang (d, LANG_ZH))
    print_note (norm_traditional_note (), ro.width);
  /* Each line as soon as its paragraph is laid out: memory in proportion
     to a paragraph, not to the document.  */
  struct start st = { .section = p->section, .para = p->para };
  ro.emit = print_line;
  ro.emit_arg = &st;
  ro.no_offsets = 1;
  struct render r;
  render_document (d, &ro, &r);
  render_free (&r);
}

/* The text T of language L as the JSON member PREFIX and L's code
   ("title_zh"), then whose words it is: PREFIX L_translated, and
   PREFIX L_revised where it is the project's revision.  */
static void
json_marked_text (const char *prefix, enum lang l, const struct text *t)
{
  char key[32];
  snprintf (key, sizeof key, "%s%s", prefix, lang_code (l));
  output_json_marked (stdout, key, t);
}

static int
show_place (const struct cli_options *o, const struct place *p)
{
  const struct document *d = p->doc;
  if (o->json)
    {
      printf ("{\"document\":%ld,\"collection\":", d->number);
      /* Which collection's document N it is, as the plain header says:
         in a library, several may have one.  */
      const char *id = d->collection && d->collection->id
        ? d->collection->id : "";
      output_json_string (stdout, id, strlen (id));
      /* Each title marked as each paragraph's text is below, and as
         the plain header marks it.  */
      for (int l = 0; l < LANG_COUNT; l++)
        {
          const struct text *t = l == LANG_EN
            ? bitext_view (&d->title, LANG_EN, o->english_revised)
            : bitext_get (&d->title, (enum lang) l);
          json_marked_text ("title_", (enum lang) l, t);
        }
      /* The header's other fields, as the plain header and export
         give them.  */
      for (int l = 0; l < LANG_COUNT; l++)
        json_marked_text ("procuratorate_", (enum lang) l,
                          bitext_get (&d->procuratorate, (enum lang) l));
      for (int l = 0; l < LANG_COUNT; l++)
        json_marked_text ("region_", (enum lang) l,
                          bitext_get (&d->region, (enum lang) l));
      for (int l = 0; l < LANG_COUNT; l++)
        {
          size_t nk;
          char *const *kw = keywords_view (&d->keywords, l, o->english_revised,
                                           &nk);
          printf (",\"keywords_%s\":[", lang_code (l));
          for (size_t k = 0; k < nk; k++)
            {
              if (k)
                putchar (',');
              output_json_string (stdout, kw[k], strlen (kw[k]));
            }
          putchar (']');
          char key[32];
          snprintf (key, sizeof key, "keywords_%s", lang_code (l));
          output_json_origin (stdout, key,
                              nk ? keywords_view_origin (&d->keywords, l,
                                                         o->english_revised)
                              : ORIGIN_RELEASE);
        }
      printf ("}\n");
      for (size_t s = 0; s < d->nsections; s++)
        for (size_t b = 0; b < d->sections[s].nblocks; b++)
          {
            if (p->section && (s + 1 < p->section
                              || (s + 1 == p->section && b + 1 < p->para)))
              continue;
            /* A section's title (【典型意义】) where the section is
               shown from its start, as the plain text has it.  */
            const struct section *sec = &d->sections[s];
            if (b == 0 && !bitext_is_empty (&sec->title))
              {
                printf ("{\"document\":%ld,\"section\":%zu,"
                        "\"kind\":\"section\"", d->number, s);
                for (int l = 0; l < LANG_COUNT; l++)
                  json_marked_text ("", (enum lang) l,
                                    bitext_view (&sec->title, l,
                                                 o->english_revised));
                printf ("}\n");
              }
            const struct block *blk = &d->sections[s].blocks[b];
            static const char *const kinds[] = { "paragraph", "heading", "keywords" };
            printf ("{\"document\":%ld,\"section\":%zu,\"paragraph\":%zu,"
                    "\"kind\":\"%s\"", d->number, s, b, kinds[blk->kind]);
            for (int l = 0; l < LANG_COUNT; l++)
              {
                const struct text *t = bitext_view (&blk->text, l,
                                                    o->english_revised);
                json_marked_text ("", (enum lang) l, t);
              }
            printf ("}\n");
          }
      return 0;
    }
  struct pager pg = { .pipe = NULL };
  if (!o->no_pager)
    pager_start (&pg);
  print_text (o, p, d);
  if (pager_end (&pg) != 0)
    {
      /* The shell has said why (not found, not executable); the text
         it never showed is printed here instead.  */
      char *v = output_visible (pg.cmd);
      fprintf (stderr, _("casebook: the pager '%s' (PAGER) could not be "
                         "run; printing without it\n"), v);
      free (v);
      print_text (o, p, d);
    }
  return 0;
}

static int
cmd_show_exec (const struct cli_options *o, const struct library *lib,
               int argc, char **argv)
{
  struct place p;
  int rc = place_parse (lib, argc, argv, 0, &p) < 0 ? 2
    : show_place (o, &p);
  place_free (&p);
  return rc;
}

const struct cmd_entry cmd_show_entry = {
  .name = "show",
  /* The line --help gives it, in the list of commands.  */
  .help = N_("  show N [PLACE]       the document N (from PLACE on) as wrapped text\n"),
  .min_args = 1,
  .max_args = -1,
  /* xgettext:c-format */
  .usage = N_("casebook: show takes one document number\n"),
  .flags = CMD_LIBRARY | CMD_HEADERS,
  .options = CMD_OPT_JSON | CMD_OPT_RAW | CMD_OPT_LANG | CMD_OPT_BOTH
    | CMD_OPT_WIDTH,
  .exec = cmd_show_exec,
};
