#!/bin/sh
# At 12x3, the smallest terminal the browser draws in, each pane has one
# row.  The overlays (related cases R, facets F, the outline O) drew it
# blank, and the tags and case list their title alone: the row now shows
# the selected item, which j and k move and Enter chooses, as on a
# larger screen.  The help shows its first row; the terminal is
# restored on exit; a resize gives the titles back.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 18

sample=$tui_data/sample

tui_start 80 24 NO_COLOR=1 -- --content "$sample" --lang en
tui_wait_for 'h: help'
tui_keys 3 Enter
tui_resize 12 3
tui_expect_line 2 'Zhangjia' "12x3: the text's row"
tui_keys R
tui_expect_line 2 '^ 1  Guangx' "R: the related case selected, not a blank row"
tui_keys Escape
tui_keys F
tui_expect_line 2 '^ Col.* 3$' "F: the first facet, with its count"
tui_keys j
tui_expect_line 2 '^ Yea.* 3$' "j: the next one"
tui_keys Escape
tui_keys O
tui_expect_line 2 '【Part 1】' "O: the heading selected"
tui_keys j
tui_expect_line 2 '【Part 2】' "j: the next heading"
tui_keys Enter
tui_expect_line 2 '【Part' "Enter goes there"
tui_expect_not ' 1/738 ' "away from the top"
tui_keys t
tui_expect_line 2 '^ circuit.* 2$' "t: the tag selected, not the title alone"
tui_keys h
tui_expect_line 2 '^ Moving$' "h: the help's first row"
tui_keys j
tui_expect_line 2 'j k' "j scrolls it"
tui_keys q
tui_keys Tab
tui_expect_line 2 '^> 3 Zhang' "Tab: the case list's selected case"
# A larger screen again: the titles are back.
tui_resize 80 24
tui_expect_line 2 'Cases \(3\)' "80x24 again: the list's title"
tui_expect_has 'Keywords|All tags' "and the tags pane's"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "q quits"
tui_stty_restored
tui_ok $? "the terminal modes are restored"

# A position too wide for the status line loses its last fields whole:
# "1643/1651 1" would read as 1%.
tui_start 80 24 NO_COLOR=1 -- --content "$top_srcdir/content" --lang en
tui_wait_for 'h: help'
tui_keys 7 Enter
tui_keys G
tui_resize 12 3
tui_expect_line 3 ' [0-9]+/[0-9]+ *$' "12x3: the line without a cut percentage"
tui_resize 16 3
tui_expect_line 3 '[0-9]+/[0-9]+ +[0-9]+%$' "16x3: with its percentage"
tui_send C-c
tui_wait_exit >/dev/null
tui_finish
