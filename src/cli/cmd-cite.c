/* cmd-cite.c -- casebook cite N §S ¶P: the paragraph's text and its
   citation in the form lawyers use for typical cases (cite.c), the same
   text the browser's y copies; "¶3-5" cites a range, "§2" a whole
   section, and a case number alone gives the case's citation.  */

#include <config.h>
#include "cmd.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "i18n.h"
#include "location.h"
#include "norm.h"
#include "output.h"
#include "place.h"

/* Print TEXT line by line, each made safe for the terminal, its Chinese
   in traditional script with --script=traditional as show prints it.  */
static void
print_lines (const struct cli_options *o, const char *text)
{
  const char *p = text;
  while (*p)
    {
      const char *nl = strchr (p, '\n');
      size_t len = nl ? (size_t) (nl - p) : strlen (p);
      output_lang (o, LANG_ZH, p, len);
      putchar ('\n');
      p += len + (nl != NULL);
    }
}

/* After TEXT printed: its Chinese in traditional script is OpenCC's
   conversion, not the release's wording, and a citation must not pass
   it off as that.  */
static void
traditional_note (const struct cli_options *o, const char *text)
{
  const char *note = cite_script_note (text, o->script_config);
  if (note)
    printf ("\n%s\n", note);
}

/* Has DOC a paragraph in L?  Its title, or its keywords, may be in a
   language its text is not (a release in Chinese with a title and
   keywords translated).  */
static int
paragraphs_in (const struct document *doc, enum lang l)
{
  for (size_t s = 0; s < doc->nsections; s++)
    for (size_t b = 0; b < doc->sections[s].nblocks; b++)
      if (doc->sections[s].blocks[b].kind != BLOCK_KEYWORDS
          && bitext_get (&doc->sections[s].blocks[b].text, l))
        return 1;
  return 0;
}

static int
cite_place (const struct cli_options *o, const struct place *p, int several)
{
  enum lang l = cmd_reader_lang (o);
  if (p->section == 0)
    {
      /* In the language its paragraphs are cited in: a case in one
         language (an imported release) is cited in that one.  */
      char *c = cite_case (p->doc, paragraphs_in (p->doc, l)
                           || !paragraphs_in (p->doc, lang_other (l))
                           ? l : lang_other (l));
      print_lines (o, c);
      traditional_note (o, c);
      free (c);
      return 0;
    }
  size_t s, b, s2, b2;
  place_blocks (p, &s, &b, &s2, &b2);
  char *text = cite_passage_range (p->doc, l, s, b, s2, b2,
                                   o->english_revised);
  if (text == NULL)
    {
      struct location loc = { .section = p->section, .para = p->para };
      char *where = location_format (&loc);
      /* The place search gives a hit in a keyword list: say what it is,
         and how to read it.  */
      if (s == s2 && b == b2 && b < p->doc->sections[s].nblocks
          && p->doc->sections[s].blocks[b].kind == BLOCK_KEYWORDS)
        {
          /* The document as show takes it: batch3/7 in a library of
             several collections, where 7 alone may be ambiguous.  */
          char *ref = several && p->doc->collection
            ? xasprintf ("%s/%ld", p->doc->collection->id, p->doc->number)
            : xasprintf ("%ld", p->doc->number);
          /* TRANSLATORS: "casebook: §1 ¶1 of case 7 is its keyword
             list, which citations leave out (casebook show 7 §1¶1 shows
             it)"; the third is the document as show takes it (7, or
             batch3/7).  */
          fprintf (stderr, _("casebook: %s of case %ld is its keyword list, "
                             "which citations leave out (casebook show %s "
                             "%s shows it)\n"), where, p->doc->number, ref,
                   where);
          free (ref);
        }
      else
        fprintf (stderr, _("casebook: %s of case %ld has no text to "
                           "cite\n"), where, p->doc->number);
      free (where);
      return 2;
    }
  print_lines (o, text);
  traditional_note (o, text);
  free (text);
  return 0;
}

static int
cmd_cite_exec (const struct cli_options *o, const struct library *lib,
               int argc, char **argv)
{
  struct place p;
  int rc = place_parse (lib, argc, argv, 1, &p) < 0 ? 2
    : cite_place (o, &p, lib->ncolls > 1);
  place_free (&p);
  return rc;
}

const struct cmd_entry cmd_cite_entry = {
  .name = "cite",
  /* The line --help gives it, in the list of commands.  */
  .help = N_("  cite N [PLACE]       a paragraph (\xc2\xa7" "1 \xc2\xb6" "12, "
              "\xc2\xb6" "3-5) with its citation\n"),
  .min_args = 1,
  .max_args = -1,
  /* xgettext:c-format */
  .usage = N_("casebook: cite takes a document number and optionally a "
              "place: cite 7 \xc2\xa7" "1 \xc2\xb6" "12\n"),
  .flags = CMD_LIBRARY | CMD_HEADERS,
  .options = CMD_OPT_LANG,
  .exec = cmd_cite_exec,
};
