/* cmd-tags.c -- casebook tags: every keyword, in the reader's language
   where the document has it, with its rendering in the other language
   and the documents that carry it; or JSON Lines with --json.  Exit 1
   when there is no keyword at all.  */

#include <config.h>
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "output.h"
#include "tags.h"
#include "util.h"

static int
cmd_tags_exec (const struct cli_options *o, const struct library *lib,
               int argc, char **argv)
{
  (void) argc;
  (void) argv;
  struct tag_table tt;
  int marks = output_marks_shown ();
  /* The English list as the reader chose (--english=revised).  */
  tags_collect (lib, cmd_reader_lang (o), o->english_revised, &tt);
  for (size_t t = 0; t < tt.count; t++)
    {
      const struct tag *g = &tt.items[t];
      if (o->json)
        {
          printf ("{\"tag\":");
          output_json_string (stdout, g->name, strlen (g->name));
          output_json_origin (stdout, "tag", g->name_origin);
          printf (",\"other\":");
          if (g->other)
            output_json_string (stdout, g->other, strlen (g->other));
          else
            printf ("null");
          output_json_origin (stdout, "other",
                              g->other ? g->other_origin : ORIGIN_RELEASE);
          printf (",\"documents\":[");
          for (size_t k = 0; k < g->ndocs; k++)
            printf ("%s%ld", k ? "," : "", g->docs[k]);
          /* The numbers alone are ambiguous in a library of several
             collections: the names say which, as export's "name".  */
          printf ("],\"names\":[");
          for (size_t k = 0; k < g->ndocs; k++)
            {
              char *name = xasprintf ("%s/%ld", g->colls[k], g->docs[k]);
              if (k)
                putchar (',');
              output_json_string (stdout, name, strlen (name));
              free (name);
            }
          printf ("]}\n");
        }
      else
        {
          /* What the project wrote ends with "*", as list marks it.  */
          output_lang (o, g->lang, g->name, strlen (g->name));
          output_project_mark (marks, g->name_origin);
          if (g->other)
            {
              fputs (" (", stdout);
              output_lang (o, lang_other (g->lang), g->other,
                           strlen (g->other));
              output_project_mark (marks, g->other_origin);
              putchar (')');
            }
          putchar ('\t');
          /* In a library of several collections a plain number may be
             ambiguous: name the collection, as list does.  */
          for (size_t k = 0; k < g->ndocs; k++)
            {
              if (k)
                putchar (' ');
              if (lib->ncolls > 1)
                {
                  output_text (g->colls[k], strlen (g->colls[k]), 0);
                  putchar ('/');
                }
              printf ("%ld", g->docs[k]);
            }
          putchar ('\n');
        }
    }
  int found = tt.count > 0;
  tags_table_free (&tt);
  return found ? 0 : 1;
}

const struct cmd_entry cmd_tags_entry = {
  .name = "tags",
  /* The line --help gives it, in the list of commands.  */
  .help = N_("  tags                 every keyword with the documents that carry it\n"),
  .min_args = 0,
  .max_args = 0,
  .flags = CMD_LIBRARY | CMD_HEADERS,
  .options = CMD_OPT_JSON | CMD_OPT_LANG,
  .exec = cmd_tags_exec,
};
