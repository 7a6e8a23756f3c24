/* help.h -- casebook --help, and a command's own: casebook COMMAND --help.  */

#ifndef CASEBOOK_HELP_H
#define CASEBOOK_HELP_H

#include "cmd.h"

/* Print to stdout the help of the command ENTRY (its synopsis and the
   options it takes), or with ENTRY NULL the whole program's.  */
void help_print (const struct cmd_entry *entry);

#endif /* CASEBOOK_HELP_H */
