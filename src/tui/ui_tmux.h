/* ui_tmux.h -- the copy into tmux's paste buffer, for a browser that
   runs in tmux (whose default drops an application's OSC 52).  */

#ifndef CASEBOOK_UI_TMUX_H
#define CASEBOOK_UI_TMUX_H

#include <stddef.h>

/* When the browser runs in tmux ($TMUX is set), make LEN bytes of DATA
   tmux's paste buffer and, where tmux's set-clipboard lets it, the
   terminal's clipboard ("tmux load-buffer -w -").  Returns 0 when tmux
   took it, -1 when not in tmux or tmux failed, did not answer within
   two seconds, or is not on PATH.  Nothing is written to the screen.  */
int ui_tmux_set_buffer (const char *data, size_t len);

#endif /* CASEBOOK_UI_TMUX_H */
