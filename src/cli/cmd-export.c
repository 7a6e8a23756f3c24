/* cmd-export.c -- casebook export DOC... --format md|html|jsonl [-o FILE]:
   documents written out for sharing (see export.h), to stdout or
   atomically to FILE.  An HTML page holds one document.  */

#include <config.h>
#include "cmd.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "i18n.h"
#include "output.h"
#include "util.h"

static int
cmd_export_exec (const struct cli_options *o, const struct library *lib,
                 int argc, char **argv)
{
  enum export_format f = EXPORT_MARKDOWN;
  if (o->format && export_format_parse (o->format, &f) != 0)
    {
      fprintf (stderr, _("casebook: invalid --format '%s' (use md, html or "
                         "jsonl)\n"), o->format);
      return 2;
    }
  if (f == EXPORT_HTML && argc > 1)
    {
      fprintf (stderr, _("casebook: an HTML page holds one document; export "
                         "them one at a time\n"));
      return 2;
    }
  struct buf out = { 0 };
  buf_adds (&out, "");
  for (int i = 0; i < argc; i++)
    {
      const struct document *d = cmd_find_document (lib, argv[i]);
      if (d == NULL)
        {
          buf_free (&out);
          return 2;
        }
      if (f == EXPORT_MARKDOWN && i > 0)
        buf_adds (&out, "\n---\n\n");
      export_document (d, f, &out);
    }
  int rc = 0;
  if (o->output_dir)
    {
      if (util_write_atomic (o->output_dir, out.data, out.len) != 0)
        {
          fprintf (stderr, _("casebook: cannot write %s: %s\n"), o->output_dir,
                   strerror (errno));
          rc = 2;
        }
    }
  else
    fwrite (out.data, 1, out.len, stdout);
  buf_free (&out);
  return rc;
}

const struct cmd_entry cmd_export_entry = {
  .name = "export",
  .min_args = 1,
  .max_args = -1,
  /* xgettext:c-format */
  .usage = N_("casebook: export takes one or more documents\n"),
  .flags = CMD_LIBRARY,
  .exec = cmd_export_exec,
};
