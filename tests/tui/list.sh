#!/bin/sh
# The case list tells cases apart at 80 columns, and the screen says
# where the keys go: regions whole, titles without the procuratorate's
# name the region column already gives, every cut marked with …, the
# selected case's whole title on the status line; the focused pane's
# title marked; reading keys scroll the text from the list; an & limit
# shows on the status line and in the list's title, and one that hides
# the open case says so, as does one cleared to open a case by its
# number; messages never cover the position; the key hints
# include v; the help wraps at 80 columns.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 29

content=$top_srcdir/content

tui_start 80 24 -- --content "$content"
tui_wait_for 'h: help'
tui_expect_line 24 '^h: help .*v: view' "the key hints include v"
tui_expect_line 24 ' 1/[0-9]+ +[0-9]+%$' "and the position shows beside them"
tui_expect_has '^  3 Zhangjiagang deepens the oper' \
  "case 3: the region whole, the title without 'The People's Procuratorate of…'"
tui_expect_has '^  7 Guangxi +comprehensively' "case 7 without 'Guangxi procuratorial organs'"
tui_expect_has '^  8 Xinjiang +revise the "dual…│' "a cut title ends with …"
tui_expect_line 2 '^─▶ Cases \(9\)' "the list has the focus: its title is marked"
tui_keys j j j
tui_expect_line 24 '^3 The People.s Procuratorate of Zhangjiagang City' \
  "the selected case's whole title is on the status line"
before=$(tui_line 24 | sed 's/.* \([0-9]*\)\/.*/\1/')
tui_keys Space
after=$(tui_line 24 | sed 's/.* \([0-9]*\)\/.*/\1/')
[ "$after" -gt "$before" ]
tui_ok $? "Space in the list scrolls the text ($before -> $after)"
tui_expect_has '^> 0 .*|^  3 Zhangjiagang' "and the list keeps its selection"
tui_expect_line 6 '^  3 Zhangjiagang' "case 3 still selected, not opened"
tui_keys Tab
tui_expect_line 2 '^─  Cases.*│▶ ' "Tab: the text has the focus, its header is marked"
tui_keys Tab
tui_expect_has '^─▶ Keywords' "Tab: the tags pane has the focus"
tui_keys Tab
tui_keys '&'
tui_type 'nothingmatchesthisratherlongwordatallnothingmatchesthis'
tui_keys Enter
tui_expect_has '^No case' \
  "a long message is wrapped over the line above the status line"
tui_expect_line 24 ' +[0-9]+/[0-9]+ +[0-9]+%$' "and never covers the position"

tui_keys 7 Enter
tui_keys '&'
tui_type '巡回检察'
tui_keys Enter
tui_expect_line 24 '\[& [0-9]+/9\] +[0-9]+/' "a limit shows on the status line"
tui_expect_line 2 'Cases [0-9]+/9 &巡回检察' "and in the list's title"
tui_keys 1 Enter
tui_keys '&'
tui_type 'Zhangjiagang'
tui_keys Enter
tui_expect_has 'case 1 is not among them: opened' \
  "a limit that hides the open case says so"
tui_expect_line 1 '  0 Supreme' "and opens the first case listed"
tui_keys '&' Enter
tui_expect_not '\[&' "an empty & clears the limit and its marker"
# A case opened by its number that the limit hides: not opened behind
# the limit, where the list marks no case open.
tui_keys '&'
tui_type 'Zhangjiagang'
tui_keys Enter
tui_keys 7 Enter
tui_expect_line 24 '^Case 7 was not among the cases listed: showing all 9 cases' \
  "7 Enter, hidden by the limit, clears it and says so"
tui_expect_has '^> 7 Guangxi' "and the list marks case 7 open"
tui_expect_not '\[&' "the limit's marker is gone"
# So does a mark that leads to a case the limit hides.
tui_keys m a
tui_keys '&'
tui_type 'Zhangjiagang'
tui_keys Enter
tui_keys "'" a
tui_expect_line 24 '^Case 7 was not among the cases listed: showing all 9 cases' \
  "a mark to a case the limit hides clears it and says so"
tui_expect_has '^> 7 Guangxi' "and the list marks case 7 open"
# A tag from the tags pane that the open case does not carry.
tui_keys 7 Enter
tui_keys t
tui_keys Tab
tui_expect_has '^─▶ All tags' "the tags pane has the focus, all tags shown"
tui_keys g Enter
tui_expect_has 'case 7 is not among them' "a tag limit that hides the open case says so too"
tui_keys '&' Enter
tui_keys t

tui_keys h
tui_keys G
tui_expect_has '^ {20,}counts its hits$' "the help wraps at 80 columns instead of cutting"
tui_keys q
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "quits with status 0"

tui_start 80 24 -- --content "$content" --lang zh
tui_wait_for 'h: help'
tui_expect_has '^  7 广西 +全面深化巡回检察' "Chinese: case 7's row shows 巡回"
tui_keys q
tui_wait_exit >/dev/null

tui_finish
