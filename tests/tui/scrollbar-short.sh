#!/bin/sh
# A text shorter than its pane shows whole: the scrollbar has no thumb,
# and its hit marks go beside the lines that have the hits, one row for
# one line.  They used to be spread over the pane's height as for a long
# text, so that they stood beside blank rows below the text's end, and
# beside lines without hits.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 6

sample=$tui_data/sample

# Rows 3 to H-1 (the text under its header) whose text has "circuit"
# and those with a hit mark at the right edge, as two lists of rows.
hit_rows () { tui_capture | sed -n "3,$(($1 - 1))p" | grep -ain 'circuit' | cut -d: -f1 | tr '\n' ' '; }
mark_rows () { tui_capture | sed -n "3,$(($1 - 1))p" | grep -an '[◆◇]$' | cut -d: -f1 | tr '\n' ' '; }

tui_start 80 30 NO_COLOR=1 -- --content "$sample" --lang=en
tui_wait_for 'h: help'
tui_keys 2 Enter
tui_keys z
tui_keys /
tui_type 'circuit'
tui_keys Enter
tui_wait_for 'circuit — 6 hits'
tui_expect_eq "$(mark_rows 30)" "$(hit_rows 30)" \
  "80x30, case 2 whole: a mark beside each line with a hit, and none else"
tui_expect_eq "$(tui_capture | sed -n '3,29p' | grep -c '◆$')" 1 "one ◆"
# The same with the panes back and the text narrower.
tui_keys z
tui_expect_eq "$(tui_capture | sed -n '3,29p' | cut -c36- | grep -an '[◆◇]$' | cut -d: -f1 | tr '\n' ' ')" \
  "$(tui_capture | sed -n '3,29p' | cut -c36- | grep -ain 'circuit' | cut -d: -f1 | tr '\n' ' ')" \
  "in its pane beside the list: the same"
tui_keys q
tui_wait_exit >/dev/null

# A long text keeps its marks spread over the bar: case 3 at 80x24.
tui_start 80 24 NO_COLOR=1 -- --content "$sample" --lang=en
tui_wait_for 'h: help'
tui_keys 3 Enter
tui_keys z
tui_keys /
tui_type 'Paragraph'
tui_keys Enter
tui_wait_for '1/24'
[ "$(tui_capture | sed -n '3,23p' | grep -c '[◆◇]$')" -ge 10 ]
tui_ok $? "a long text: marks all down the bar"
tui_expect_has '◆$' "with the current one"
# And when the window grows to show all of it, beside their lines.
tui_resize 80 130
tui_expect_eq "$(mark_rows 130)" "$(tui_capture | sed -n '3,129p' | grep -an 'Paragraph' | cut -d: -f1 | tr '\n' ' ')" \
  "grown to show it whole: beside their lines"
tui_keys q
tui_wait_exit >/dev/null
tui_finish
