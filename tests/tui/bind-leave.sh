#!/bin/sh
# No configuration keeps the reader in the browser (casebook(5), bind):
# with q, Esc, h and F1 bound to down, those keys move down, and
# Ctrl-C, which no bind can take, still quits, from the list, the help
# (opened with x) and the outline, which q and Esc no longer close.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 6

sample=$tui_data/sample
mkdir -p "$tui_config/casebook"
printf 'bind q down\nbind Esc down\nbind h down\nbind F1 down\nbind x help\n' \
  > "$tui_config/casebook/config"

tui_start 120 40 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys q
tui_expect_line 40 'Hulunbuir' "q bound to down selects the next case"
tui_send C-c
tui_expect_eq "$(tui_wait_exit)" 130 "Ctrl-C quits from the list"

tui_start 120 40 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys x
tui_send Escape q
tui_expect_line 40 '^Help: ' "Esc and q bound to down do not close the help"
tui_send C-c
tui_expect_eq "$(tui_wait_exit)" 130 "Ctrl-C quits from the help"

tui_start 120 40 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys O
tui_send Escape q
tui_expect_has 'Outline of case' "nor the outline"
tui_send C-c
tui_expect_eq "$(tui_wait_exit)" 130 "Ctrl-C quits from there"
tui_finish
