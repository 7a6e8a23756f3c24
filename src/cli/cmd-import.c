/* cmd-import.c -- casebook import FILE: turn a release text into a
   collection, written to --output DIR or to a directory named after
   FILE; the import's diagnostics and a one-line summary go to stderr.  */

#include <config.h>
#include "cmd.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "import.h"
#include "output.h"
#include "util.h"

static int
cmd_import_exec (const struct cli_options *o, const struct library *unused,
                 int argc, char **argv)
{
  (void) unused;
  (void) argc;
  const char *file = argv[0];
  const char *output_dir = o->output_dir;
  size_t len;
  char *data = util_read_file (file, &len);
  if (data == NULL)
    {
      int e = errno;
      char *a = output_visible (file);
      fprintf (stderr, _("casebook: %s: cannot read: %s\n"), a, strerror (e));
      free (a);
      return 2;
    }
  struct diags d = { 0 };
  struct import_result res;
  import_release (file, data, len, &res, &d);
  free (data);
  output_diags (&d);
  char *dir;
  if (output_dir)
    dir = xstrdup (output_dir);
  else
    {
      const char *base = strrchr (file, '/');
      dir = xstrdup (base ? base + 1 : file);
      char *dot = strrchr (dir, '.');
      if (dot && dot != dir)
        *dot = '\0';
      else
        {
          char *t = xasprintf ("%s.collection", dir);
          free (dir);
          dir = t;
        }
    }
  char *cause = NULL;
  int rc = 0;
  if (import_write (&res, dir, &cause) != 0)
    {
      fprintf (stderr, "casebook: %s\n", cause);
      free (cause);
      rc = 2;
    }
  else
    fprintf (stderr, _("casebook: imported %zu documents (%zu texts) into %s; "
                       "%zu warnings\n"), res.documents, res.paragraphs, dir,
             d.warnings);
  free (dir);
  import_free (&res);
  diags_free (&d);
  return rc;
}

const struct cmd_entry cmd_import_entry = {
  .name = "import",
  .min_args = 1,
  .max_args = 1,
  /* xgettext:c-format */
  .usage = N_("casebook: import takes one release text file\n"),
  .exec = cmd_import_exec,
};
