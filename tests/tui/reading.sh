#!/bin/sh
# Reading width: on a wide terminal the text is set no wider than about
# 100 columns, centred in its pane; z gives the text pane the whole
# screen (the width still holds), z or Tab gives the panes back.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 12

content=$top_srcdir/content

tui_start 200 30 -- --content "$content"
tui_wait_for 'h: help'
tui_keys 7 Enter
tui_expect_line 3 '│ {20,}\* Guangxi procuratorial organs .*high-quality *$' \
  "200 columns: the first line stops within 100 columns, with a margin"
tui_expect_line 4 '^ .*│ {20,}\* development of criminal' "and the title goes on on the next"
tui_keys z
tui_expect_not 'Cases \(9\)' "z: the list is gone"
tui_expect_line 3 '^ {40,}\* Guangxi procuratorial organs .*high-quality *$' \
  "the text pane has the whole screen, still 100 columns wide, centred"
tui_keys j
tui_expect_line 30 ' 2/[0-9]+ ' "keys still scroll the text"
tui_keys z
tui_expect_has 'Cases \(9\)' "z again gives the panes back"
tui_keys z
tui_keys Tab
tui_expect_has '^─▶ Keywords|^─▶ Cases' "Tab leaves the whole screen for the next pane"
tui_keys q
tui_wait_exit >/dev/null

# A state of its own: the first run's position (a line into case 7's
# title) would be restored.
tui_start 80 24 "XDG_STATE_HOME=$tui_dir/state-80" -- --content "$content"
tui_wait_for 'h: help'
tui_keys 7 Enter
tui_expect_line 3 '│\* Guangxi' "80 columns: no margin"
tui_keys z
tui_expect_line 3 '^\* Guangxi procuratorial organs comprehensively deepen circuit' \
  "z at 80 columns: the text uses the whole width"
# Tab gives the panes back, and the text is laid out again for its
# pane: laid out for the whole screen, its lines ran on into the list.
tui_keys Tab
tui_expect_line 3 '^  0 National .*│\* Guangxi procuratorial organs *$' \
  "Tab after z: the text is set for its pane again"
tui_expect_line 4 '^  1 Hulunbuir ' "and the list's rows are whole"
tui_expect_has '^─  Cases .*│  English: translated +L: legend$' \
  "with the header of the narrower pane"
tui_keys q
tui_wait_exit >/dev/null

tui_finish
