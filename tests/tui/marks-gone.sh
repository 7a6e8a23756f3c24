#!/bin/sh
# A mark whose case is no longer in the library (its collection removed,
# or another --content) is set, not unset: ' says which case it is in,
# its collection's name shown visibly, and the mark is kept for when
# the case is back.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 7

sample=$tui_data/sample
file=$(tui_state_file)
printf 'casebook-state 1\nmark\tb\ttui\t99\t0\nmark\tc\tgone\033]2;x\a\t1\t0\nmark\td\ttui\t1\t99999\n' \
  > "$file"

tui_start 120 40 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys "'" b
tui_expect_line 40 '^Mark b is in case tui/99, which is not in this library' \
  "' to a mark in a case no longer there names the case"
tui_keys "'" c
tui_expect_line 40 '^Mark c is in case gone\^\[\]2;x\^G/1, which is not' \
  "its collection's name is shown visibly"
# A mark past the end of its case (the case edited shorter) opens the
# case and says why not there.
tui_keys "'" d
tui_expect_line 40 '^Mark d is past the end of case tui/1' \
  "a mark past the end of its case says so"
tui_keys "'" z
tui_expect_line 40 '^Mark z is not set' "a mark never set is not set"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "the browser quits with status 0"
grep -q "$(printf '^mark\tb\ttui\t99\t0$')" "$file"
tui_ok $? "the mark in the case no longer there is kept"
grep -q "$(printf '^mark\tc\tgone\033]2;x\a\t1\t0$')" "$file"
tui_ok $? "and the other"
tui_finish
