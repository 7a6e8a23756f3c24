#!/bin/sh
# Resizing keeps the reading position: the paragraph at the top at 120x40
# is at the top at 30x8 (one pane, narrow) and again at 120x40, and so is
# the line within it.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 11

sample=$tui_data/sample

tui_start 120 40 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys 3 Enter
# ] ] goes to the second section's heading; two lines down, paragraph 9
# starts at the top of the text pane (row 2).
tui_keys ']'
tui_keys ']'
tui_expect_line 3 '│\* 【Part 2】' "] ] shows the second section at the top"
tui_keys j j
tui_expect_line 3 '│\* +Paragraph 9\. ' "j j: paragraph 9 at the top"

tui_resize 30 8
tui_expect_line 3 '^\* +Paragraph 9\. ' "at 30x8 paragraph 9 is still at the top"
tui_resize 120 40
tui_expect_line 3 '│\* +Paragraph 9\. ' "back at 120x40 too"

# From the middle of a paragraph: the line that holds the text at the
# top goes to the top, as in less (it used to be the paragraph's first;
# resize-line.sh has more).
tui_keys j
tui_expect_line 3 '│\* cases keeps deepening' "j: paragraph 9's second line at the top"
tui_resize 30 8
tui_expect_line 3 '^\* handling cases keeps ' "at 30x8 the line with 'cases keeps' starts the pane"
tui_resize 120 40
tui_expect_line 3 '│\* cases keeps deepening' "and at 120x40 the same line as before"

# Side by side, the same.
tui_keys v
tui_expect_line 3 '│ +第九段.*Paragraph 9\. ' "side by side: the pair 9 at the top"
tui_resize 30 8
tui_resize 120 40
tui_expect_line 3 '│ +第九段.*Paragraph 9\. ' "after 30x8 and back, still pair 9"

# An exported LINES and COLUMNS do not pin the size.
tui_start 100 20 LINES=10 COLUMNS=50 -- --content "$sample"
tui_wait_for 'h: help'
tui_expect_line 20 '^h: help' "exported LINES/COLUMNS: the real size is used"
tui_resize 70 12
tui_expect_line 1 'Cases \[en\] *$' "and a resize is seen"

tui_finish
