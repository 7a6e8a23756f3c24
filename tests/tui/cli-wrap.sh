#!/bin/sh
# On a terminal, list and search fold their lines at its width, between
# words, continuation lines under the text (tests/cli/wrap.sh checks
# every line at --width).  Before, the terminal cut them mid-word.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 7

content=$top_srcdir/content

tui_start 80 50 -- --content "$content" --lang en list
tui_wait_for '^\[exit 0\]'
# (On a terminal, list marks the project's translations "*".)
tui_expect_line 1 "^ 0  National\\* {19}Supreme People's Procuratorate Releases Third$" \
  "list at 80 columns: the title stops before a word that does not fit"
tui_expect_line 2 '^ {32}Batch of Typical Cases of Procuratorial Reform$' \
  "and goes on under itself"
tui_expect_not '^.{81}' "no line is wider than the terminal"

tui_start 80 24 -- --content "$content" --lang en search -n 1 巡回检察
tui_wait_for '^\[exit 0\]'
tui_expect_line 1 '^Case 7  Guangxi procuratorial organs comprehensively deepen circuit inspection$' \
  "search at 80 columns: the title line stops between words"
tui_expect_line 2 '^ {8}to empower the high-quality development of criminal enforcement$' \
  "and goes on under the title"
tui_expect_has 'procuratorial work\*  \([0-9]+ hits\)$' \
  "the project's translated title ends with * on a terminal"
tui_start 100 24 -- --content "$content" --lang en search -n 1 巡回检察
tui_wait_for '^\[exit 0\]'
tui_expect_line 1 "^Case 7  .* the high-\$" "at 100 columns, at 100 (after a hyphen)"

tui_finish
