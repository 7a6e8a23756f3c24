#!/bin/sh
# The keys the configuration file binds are the ones the browser names
# (casebook(5), bind): the status line's hints name the key left to each
# action, or leave out one that no key does, and the help lists the
# file's bindings, each key once, as the last binding of it says.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 16

sample=$tui_data/sample
mkdir -p "$tui_config/casebook"
printf 'bind q down\nbind x zoom\nbind F2 help\nbind h down\nbind F1 down\nbind x quit\nbind \342\200\213 view\n' \
  > "$tui_config/casebook/config"

tui_start 120 40 -- --content "$sample"
tui_wait_for 'F2: help'
tui_expect_line 40 '^F2: help  x: quit  /: search  v: view  Tab: next pane ' \
  "the hints name the keys the file binds to help and quit"
tui_keys Z
tui_expect_line 40 '^Key Z is not bound \(F2: help\)' \
  "a key that does nothing names the key bound to help"
tui_keys F2
tui_expect_line 40 '^Help: ' "F2, bound to help, opens it"
tui_expect_line 40 '^Help: Esc or x closes, j/k scroll' \
  "its line names x, bound to quit, which closes it, not q"
tui_keys G
tui_expect_has 'Your bindings' "the help lists the file's bindings"
tui_expect_eq "$(tui_capture | grep -Ec '^   x +(quit|zoom) *$')" 1 \
  "x once, with the binding that counts"
tui_expect_has '^   x +quit *$' "which is the later one"
tui_expect_has '^   <U\+200B> +view' "an invisible key is named, not sent"
tui_expect_has '^   q +down' "q, bound to down, is listed as the file binds it"
tui_send C-c
tui_expect_eq "$(tui_wait_exit)" 130 "Ctrl-C quits"

# Quit has no key of its own left: the hints leave it out rather than
# name q, which moves down now.
printf 'bind q down\n' > "$tui_config/casebook/config"
tui_start 120 40 -- --content "$sample"
tui_wait_for 'h: help'
tui_expect_line 40 '^h: help  /: search  v: view  Tab: next pane ' \
  "no hint names q, bound to down"
tui_send C-c
tui_expect_eq "$(tui_wait_exit)" 130 "Ctrl-C quits"

# h bound away: F1, help's other key, is named.
printf 'bind h down\n' > "$tui_config/casebook/config"
tui_start 120 40 -- --content "$sample"
tui_wait_for 'F1: help'
tui_expect_line 40 '^F1: help  q: quit  /: search ' "F1 is named for help"
tui_send C-c
tui_expect_eq "$(tui_wait_exit)" 130 "Ctrl-C quits"

# Neither h nor F1 opens the help: a key that does nothing says only so.
printf 'bind h down\nbind F1 down\n' > "$tui_config/casebook/config"
tui_start 120 40 -- --content "$sample"
tui_wait_for 'q: quit'
tui_keys Z
tui_expect_line 40 '^Key Z is not bound +[0-9]' \
  "with no key for help, the message names none"
tui_send C-c
tui_expect_eq "$(tui_wait_exit)" 130 "Ctrl-C quits"
tui_finish
