#!/bin/sh
# E switches the English between the release's machine translation and
# the project's revision of it: the text, the list's titles and search
# follow, and the status line says which is shown.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 12

content=$top_srcdir/content
tui_start 120 40 NO_COLOR=1 -- --content "$content" --lang=en
tui_wait_for 'h: help'
tui_keys 1 Enter
tui_expect_has 'adjacent courts' "the release's English: case 1 is about 'adjacent courts'"
tui_expect_line 2 'English: release text  ' "the header says the English is the release's"
tui_keys E
tui_expect_has "English: the project's revision" "E: the status line says the revision is shown"
# The header must not go on calling the revision the release's text.
tui_expect_line 2 "English: \\* marks casebook's revision or translation" \
  "and the header says the English shown is, where marked, the project's"
tui_keys v v
tui_expect_line 2 'English: revised, see \*' "so does its short form beside the Chinese one"
tui_keys v v
tui_expect_has 'adjacent procuratorates' "and the text and titles read 'adjacent procuratorates'"
tui_keys /
tui_type 'adjacent procuratorates'
tui_keys Enter
tui_expect_has 'adjacent procuratorates — [0-9]* hits in' "search finds the words of the revision"
tui_keys E
tui_expect_has 'adjacent courts' "E again: the release's English is back"
# The title bar and the case's keywords follow E as the text does: the
# release's list of two does not pair with the Chinese list of three.
tui_expect_line 1 ' 1 Inner Mongolia Hulunbuir Procuratorate builds' "the bar has the release's title"
tui_expect_has '^ Adjacent hospital  *│' "the keywords are the release's, without a Chinese rendering"
tui_keys E
tui_expect_line 1 " 1 The People's Procuratorate of Hulunbuir City" "E: the bar has the revised title"
tui_expect_has '^ Adjacent procuratorates \(邻近院\) *│' "and the keywords the revised list, paired with the Chinese"
tui_finish
