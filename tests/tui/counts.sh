#!/bin/sh
# Counts as large as can be typed: they end where the text, the sections
# or the hits end, at once, and keys are answered right after.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 5

sample=$tui_data/sample

tui_start 80 24 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys 3 Enter
tui_wait_for '^h: help'
# Before, ] ran 999999999 times, each at the last section, for minutes
# deaf to every key and signal.
tmx send-keys -t tui 9 9 9 9 9 9 9 9 9 ']' =
tui_wait_for 'Case 3'
tui_expect_line 24 '^Case 3, section 3/3 ' \
  "999999999] stops at the last section and = answers at once"
tui_keys /
tui_type paragraph
tui_keys Enter
tui_wait_for '^paragraph .* hits'
tmx send-keys -t tui 9 9 9 9 9 9 9 9 9 n =
tui_wait_for '^Case [0-9]'
tui_expect_line 24 '^Case [0-9]' "999999999n goes round the hits and = answers"
tmx send-keys -t tui 9 9 9 9 9 9 9 9 9 N =
tui_wait_for '^Case [0-9]'
tui_expect_line 24 '^Case [0-9]' "and so does 999999999N"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "quits with status 0"
tui_stty_restored
tui_ok $? "the terminal is restored"

tui_finish
