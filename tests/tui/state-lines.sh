#!/bin/sh
# A state file may say anything of how many lines into its paragraph a
# position or a mark is (posline, markline): 10^15 or 2^64-1 lines in
# is the paragraph's last line, or the case's, reached at once, not
# counted down to, which kept the browser from ever starting (or a
# mark's ' from returning).
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 6

sample=$tui_data/sample
file=$(tui_state_file)
max=18446744073709551615
printf 'casebook-state 1\nlast\ttui\t2\npos\ttui\t2\t3\nposline\ttui\t2\t1000000000000000\nmark\ta\ttui\t3\t2\nmarkline\ta\t1000000000000000\nmark\tb\ttui\t1\t%s\nmarkline\tb\t%s\n' \
  "$max" "$max" > "$file"

tui_start 120 40 -- --content "$sample"
if ! tui_wait_for 'h: help'; then
  # It spins on: end it (the tmux server's SIGHUP does not reach a loop
  # that never reads), rather than wait out every timeout below.
  kill -9 "$(tui_program_pid)" 2>/dev/null
  tui_ok 1 "the browser starts at a position 10^15 lines into a paragraph"
  for t in 2 3 4 5 6; do tui_ok 1 "not reached: the browser did not start"; done
  tui_finish
fi
tui_ok 0 "the browser starts at a position 10^15 lines into a paragraph"
tui_expect_line 1 ' 2 Hulunbuir' "in the case open last"
tui_keys "'" a
tui_expect_line 1 ' 3 Zhangjiagang' "' goes to a mark 10^15 lines into a paragraph"
tui_keys "'" b
tui_expect_line 1 ' 1 Guangxi' \
  "and to one 2^64-1 lines into paragraph 2^64-1"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "the browser quits with status 0"
grep -q "$(printf '^mark\ta\ttui\t3\t2$')" "$file"
tui_ok $? "the marks are kept"
tui_finish
