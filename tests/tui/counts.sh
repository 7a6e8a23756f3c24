#!/bin/sh
# Counts as large as can be typed: they end where the text, the sections
# or the hits end, at once, and keys are answered right after.  A count
# past the largest number held is not cut to a number that was not typed.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 9

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
# A count times a page beyond a long: the product wrapped round, and
# Space went to the top, b to the end.
tui_keys Tab
tui_keys_same g
tmx send-keys -t tui 5 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 Space
tui_wait_for ' 100%$'
tui_expect_line 24 ' 100%$' "500000000000000000 Space goes to the end"
tmx send-keys -t tui 5 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 b
tui_wait_for ' 1/176 '
tui_expect_line 24 ' 1/176 ' "and 500000000000000000 b to the top"
tui_keys /
tui_type paragraph
tui_keys Enter
tui_wait_for '^paragraph .* hits'
tmx send-keys -t tui 9 9 9 9 9 9 9 9 9 n =
tui_wait_for '^Case [0-9]'
# (What = says may take two lines of 80 columns.)
tui_expect_has '^Case [0-9]+, section' "999999999n goes round the hits and = answers"
tmx send-keys -t tui 9 9 9 9 9 9 9 9 9 N =
tui_wait_for '^Case [0-9]'
tui_expect_has '^Case [0-9]+, section' "and so does 999999999N"
# 20 digits: the last one was dropped, and the browser spoke of case
# 1234567890123456789, which nobody typed.
tmx send-keys -t tui 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 Enter
tui_wait_for '^There is no case'
tui_expect_line 24 '^There is no case with a number that large' \
  "12345678901234567890 Enter: no case that large, not case 1234567890123456789"
tui_keys Tab
tmx send-keys -t tui 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 G
tui_wait_for '^There is no case'
tui_expect_line 24 '^There is no case with a number that large' \
  "and 12345678901234567890G in the list says the same"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "quits with status 0"
tui_stty_restored
tui_ok $? "the terminal is restored"

tui_finish
