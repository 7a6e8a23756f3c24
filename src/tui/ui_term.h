/* ui_term.h -- the check, before curses starts, that the locale and the
   terminal can show the browser.  Apart from ui_priv.h because <term.h>
   cannot be mixed with the model's headers.  */

#ifndef CASEBOOK_UI_TERM_H
#define CASEBOOK_UI_TERM_H

/* Can the browser run here (UTF-8 locale, a TERM that addresses the
   cursor)?  Returns 0, or -1 after saying why on stderr in one line.  */
int ui_term_check (void);

#endif /* CASEBOOK_UI_TERM_H */
