#!/bin/sh
# The first screen: three panes at 120x40, one pane at a time at 60x20
# (Tab switches), and a terminal too small for anything.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 16

sample=$tui_data/sample

tui_start 120 40 -- --content "$sample"
tui_wait_for 'h: help'
tui_expect_screen first-120x40 "120x40: list, text and tags"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "q exits with status 0"

tui_start 60 20 -- --content "$sample"
tui_wait_for 'h: help'
tui_expect_screen first-60x20 "60x20: the case list alone"
tui_keys Tab
tui_expect_line 1 'Text \[en\] *$' "Tab shows the text pane"
tui_expect_has '^\* Guangxi procuratorial organs deepen circuit' \
  "the text has the translation mark in the gutter"
tui_keys Tab
tui_expect_screen first-60x20-tags "Tab again shows the tags pane"
tui_keys BTab BTab
tui_expect_line 1 'Cases \[en\] *$' "Shift-Tab goes back to the list"

tui_start 1 1 -- --content "$sample"
# Nothing fits: wait for the program to have started, then resize.
tui_settle
tui_resize 40 10
tui_wait_for 'Cases \[en\]'
tui_expect_has '1 Guangxi' "after 1x1, a resize to 40x10 shows the list"
tui_resize 1 1
tui_resize 11 2
tui_expect_line 1 '^Terminal *$' "at 11x2 it says the terminal is too small"
# Wrapped, not cut inside a word: "Terminal to" read as a word cut off.
tui_expect_line 2 '^too small *$' "on two lines, the message whole"
tui_resize 50 12
tui_wait_for 'Cases \[en\]'
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "and it still quits with status 0"
tui_expect_has '^\[exit 0\]' "the exit shows on a restored screen"

# The list comes from the documents' headers: a text is read when it is
# opened, so an error in one text neither delays nor stops the others.
broken=$tui_dir/broken
cp -r "$sample" "$broken"
printf '\nbogus.en: x\n' >> "$broken/02-adjacent.cb"
bad_line=$(wc -l < "$broken/02-adjacent.cb")
tui_start 120 40 -- --content "$broken"
tui_wait_for 'h: help'
tui_expect_has '^ *2 ' "a document whose text has an error is listed"
tui_keys j Enter
tui_wait_for 'cannot read this document'
tui_expect_has "cannot read this document: .*02-adjacent.cb:$bad_line: unknown" \
  "opening it says what is wrong and where"
tui_keys BTab k Enter
tui_wait_for 'Guangxi procuratorial organs deepen'
tui_expect_not 'cannot read this' "the other documents read as before"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "and the browser quits normally"

tui_finish
