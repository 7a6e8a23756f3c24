#!/bin/sh
# The help screen (h) on a narrow terminal: the key column takes a third
# of the width at most, and a key name longer than that has a row of its
# own, whole, with its description under it (it used to be cut with an
# ellipsis; help-narrow.sh checks every key at 40 and 50 columns); the
# descriptions are not cut down to 20 columns.  A resize keeps the same
# entry at the top, as the text keeps its paragraph.  Every key that
# works is listed.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 15

sample=$tui_data/sample

help_at ()
{
  tui_start "$1" 60 -- --content "$sample" --lang en
  tui_wait_for 'h: help'
  tui_keys h
  tui_wait_for '^ Moving'
}

help_at 30
tui_expect_has '^   Space f PgDn  b PgUp$' "30 columns: 'Space f PgDn  b PgUp' whole, on its row"
tui_expect_has '^   g Home  G End$' "30 columns: 'g Home  G End' too"
tui_expect_has '^   Tab  Shift-Tab$' "30 columns: and 'Tab  Shift-Tab'"
tui_keys q
tui_keys q
tui_wait_exit >/dev/null

help_at 36
tui_expect_has '^   g Home  G End$' "36 columns: 'g Home  G End' whole, on its row"
tui_expect_has '^   Tab  Shift-Tab$' "36 columns: and 'Tab  Shift-Tab'"
tui_keys q
tui_keys q
tui_wait_exit >/dev/null

help_at 45
tui_expect_has '^   Space f PgDn  b PgUp$' "45 columns: 'Space f PgDn  b PgUp' whole, on its row"
tui_expect_has '^   g Home  G End    first, last line$' "45 columns: 'g Home  G End' fits, whole"
tui_keys q
tui_keys q
tui_wait_exit >/dev/null

# 20 columns: the key column gives way to the descriptions (every key
# name has a row of its own), which wrap without a cut.
help_at 20
tui_expect_has '^     \(in the list$' "20 columns: a description wraps whole"
tui_expect_eq "$(tui_capture | sed '1d;$d' | grep -v '【…】' | grep -c '…')" 0 \
  "and is never cut"
tui_keys q
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "q closes the help, q quits"

# Every key that works is listed: less's, and the prompt's editing keys.
help_at 160
tui_expect_has '^   less keys  *\^N \^E line down, \^P \^Y up; \^F \^B page down, up; \^D \^U half a page; < > first, last line$' \
  "the keys of less are listed"
tui_expect_has 'Enter goes to one, O or Esc closes it$' "and how the outline closes"
tui_expect_has '^   in a prompt .*\^U \^K \^W edit; .* \^P \^N history; Esc, \^G or Ctrl-C cancels$' \
  "and the prompt's editing keys"
tui_keys q
tui_keys q
tui_wait_exit >/dev/null

# The legend (L) at 100 columns, then 60: it stayed at the same row
# number of a table wrapped anew, and showed the middle of the keys.
tui_start 100 24 -- --content "$sample" --lang en
tui_wait_for 'h: help'
tui_keys L
tui_expect_line 2 '^ On the screen$' "L: the legend at the top"
tui_resize 60 24
tui_expect_line 2 '^ On the screen$' "after a resize, still the legend at the top"
tui_keys q
tui_keys q
tui_wait_exit >/dev/null

tui_finish
