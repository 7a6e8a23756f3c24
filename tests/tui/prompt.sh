#!/bin/sh
# The prompts under hostile input: a paste of tens of kilobytes is taken
# in at once (not one redraw of the whole line per character), and the
# line shows its end, where the cursor is.  On a narrow terminal a long
# label is cut so that what is typed shows.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 7

sample=$tui_data/sample

tui_start 80 24 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys /
# 24 KB of words, then a marker: before, each character redrew the line
# by measuring it again from every starting point, and this took hours.
awk 'BEGIN { for (i = 0; i < 2000; i++) printf "paragraph %d ", i % 10;
             printf "PASTEEND" }' > "$tui_dir/paste"
tmx load-buffer -b paste "$tui_dir/paste"
tmx paste-buffer -b paste -t tui
tui_wait_for 'PASTEEND$'
tui_ok $? "a 24 KB paste at / is taken in while the test waits"
tui_expect_line 24 '^/.*paragraph 9 PASTEEND$' "the prompt shows its end"
tui_keys Escape
tui_expect_line 24 '^h: help' "Esc closes it"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "quits with status 0"

# The label of : is 35 columns: at 30, what was typed was off screen.
tui_start 30 10 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys :
tui_type '3 §2'
tui_expect_line 10 '^Go to .*… 3 §2$' "at 30 columns : cuts its label and shows what is typed"
tui_keys Escape
tui_keys '&'
tui_type circuit
tui_expect_line 10 '^Limit to .*… circuit$' "and so does &"
tui_keys Escape
tui_resize 12 4
tui_keys :
tui_type 7
tui_expect_line 4 '^Go .*… 7$' "at 12 columns too"

tui_finish
