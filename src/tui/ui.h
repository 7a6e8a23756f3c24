/* ui.h -- the terminal browser.  The only module that talks to curses;
   it calls the model, search and render modules, never the reverse.  */

#ifndef CASEBOOK_UI_H
#define CASEBOOK_UI_H

#include "prefs.h"
#include "model.h"

/* Run the browser on LIB until the user quits.  Returns the exit status
   (0, or 2 when the terminal cannot be used, after saying why).  */
int ui_run (struct library *lib, const struct reader_prefs *opt);

#endif /* CASEBOOK_UI_H */
