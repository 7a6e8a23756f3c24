#!/bin/sh
# '' goes back to where the last jump left from.  A place typed at the
# : prompt is such a jump whether it names the case already open
# (:7 §2 ¶3 in case 7) or not (:§2 ¶3); the first used to be forgotten,
# and '' went back to an older jump, in another case.  An empty / or ?
# repeats the last search, as n does, and like n says when there is
# none (it used to close the prompt without a word).
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 8

tui_start 80 24 -- --content "$top_srcdir/content" --lang en
tui_wait_for 'h: help'
tui_keys /
tui_wait_for '^/'
tui_keys Enter
tui_expect_line 24 '^No previous search' "an empty / with no search yet says so"
tui_keys '?'
tui_wait_for '^\?'
tui_keys Enter
tui_expect_line 24 '^No previous search' "and so does an empty ?"
tui_keys 3 Enter
tui_keys 7 Enter
tui_expect_line 1 ' 7 Guangxi' "case 7, opened from case 3"
tui_send g
tui_expect_line 24 ' 1/316 ' "at its first line"
tui_keys :
tmx send-keys -t tui -l '7 §2 ¶3'
tui_keys Enter
tui_expect_line 24 ' 39/316 ' ":7 §2 ¶3 goes to the place in the case open"
tui_keys "'" "'"
tui_expect_line 1 ' 7 Guangxi' "'' stays in case 7"
tui_expect_line 24 ' 1/316 ' "back at the line the place was gone to from"
tui_keys "'" "'"
tui_expect_line 24 ' 39/316 ' "and '' again goes to the place"
tui_keys q
tui_wait_exit >/dev/null

tui_finish
