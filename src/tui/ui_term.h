/* ui_term.h -- the check, before curses starts, that the locale and the
   terminal can show the browser.  Apart from ui_priv.h because <term.h>
   cannot be mixed with the model's headers.  */

#ifndef CASEBOOK_UI_TERM_H
#define CASEBOOK_UI_TERM_H

#include <stddef.h>

/* Can the browser run here (UTF-8 locale, a TERM that addresses the
   cursor)?  Returns 0, or -1 after saying why on stderr in one line.  */
int ui_term_check (void);

/* Put LEN bytes of DATA on the terminal's clipboard with OSC 52, when
   its terminfo entry says it takes that (the Ms capability).  Returns 0
   if the sequence was sent, -1 if the terminal cannot take it.  */
int ui_term_set_clipboard (const char *data, size_t len);

/* Ask the terminal to mark what is pasted (ON 1), or to stop (0): the
   bracketed paste mode of xterm, when its terminfo entry has the BE and
   BD capabilities.  Pasted text then comes between "ESC [ 200 ~" and
   "ESC [ 201 ~", and is never taken for keys.  */
void ui_term_paste_mode (int on);

/* Take Ctrl-S and Ctrl-Q as keys (the tty's output flow control off,
   as vim has it), and make that part of the mode curses puts back after
   a suspend.  Call after cbreak; endwin restores the shell's mode.  */
void ui_term_no_flow_control (void);

#endif /* CASEBOOK_UI_TERM_H */
