/* cmd.c -- the table of commands and what several of them share:
   finding a command by name, loading the library, the reader's
   language.  */

#include <config.h>
#include "cmd.h"

#include <stdio.h>
#include <string.h>

#include "content.h"
#include "i18n.h"
#include "output.h"
#include "prefs.h"
#include "util.h"

const struct cmd_entry *const cmd_table[] = {
  &cmd_list_entry,
  &cmd_show_entry,
  &cmd_search_entry,
  &cmd_tags_entry,
  &cmd_check_entry,
  &cmd_import_entry,
  NULL
};

const struct cmd_entry *
cmd_find (const char *name)
{
  for (size_t i = 0; cmd_table[i]; i++)
    if (strcmp (name, cmd_table[i]->name) == 0
        || (cmd_table[i]->alias && strcmp (name, cmd_table[i]->alias) == 0))
      return cmd_table[i];
  return NULL;
}

struct library *
cmd_load_library (const struct cli_options *o)
{
  struct diags d = { 0 };
  const char *dir = o->content_dir ? o->content_dir : prefs_content_dir ();
  struct library *lib = content_load (dir, &d);
  output_diags (&d);
  if (d.errors)
    {
      fprintf (stderr, _("casebook: %s: content has errors; "
                         "'casebook check %s' lists them\n"), dir, dir);
      library_free (lib);
      lib = NULL;
    }
  diags_free (&d);
  return lib;
}

enum lang
cmd_reader_lang (const struct cli_options *o)
{
  return o->lang >= 0 ? (enum lang) o->lang : prefs_locale_lang ();
}
