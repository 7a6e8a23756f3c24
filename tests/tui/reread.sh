#!/bin/sh
# The first search prompt of a run reads the open case again (it may
# have been edited since it was opened): the view stays on the line it
# was on, even in the middle of a long paragraph, and Esc leaves it
# there.  (It used to jump up to the paragraph's first line.)
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 4

tui_start 80 24 "XDG_CACHE_HOME=$tui_dir/cache" -- \
  --content "$top_srcdir/content" --lang en
tui_wait_for 'h: help'
tui_keys 7 Enter
# Line 21 is the sixth line of the paragraph that begins at line 16
# ("Since 2019, ...").
tui_keys 2 0 j
tui_expect_line 24 ' 21/316 ' "at line 21, inside a paragraph"
before=$(tui_line 3)
tui_keys /
tui_wait_for '^/'
tui_expect_eq "$(tui_line 3)" "$before" "the first prompt leaves the view where it was"
tui_keys Escape
tui_expect_line 24 ' 21/316 ' "Esc leaves it at line 21"
tui_expect_eq "$(tui_line 3)" "$before" "with the same line at the top"
tui_keys q
tui_wait_exit >/dev/null

tui_finish
