#!/bin/sh
# Content with control characters: an ESC in a paragraph is drawn as ^[,
# never sent to the terminal (which would turn the rest red).
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 5

esc=$(printf '\033')

tui_start 80 24 -- --content "$tui_data/esc"
tui_wait_for 'h: help'
tui_expect_has 'before\^\[\[31mafter' "English: the ESC shows as ^["
tui_expect_not "${esc}\\[31m" "no red from the content reaches the terminal" -e
tui_keys v
tui_expect_line 1 '\[zh\|en\]' "side by side"
tui_expect_has '之前\^\[\[31m之后.*before\^\[\[31maft' "both sides show ^[ and stay aligned"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "quits with status 0"

tui_finish
