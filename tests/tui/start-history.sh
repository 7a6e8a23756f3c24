#!/bin/sh
# casebook +/QUERY is a search as one typed at / is, and goes into the
# search history with it: / then Up recalls it (it used to recall
# nothing), and so does the next browser.  A query that is not one is
# kept too, to be mended rather than typed again.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 5

content=$top_srcdir/content
tui_start 80 24 NO_COLOR=1 -- --content "$content" --lang=en +/巡回检察
tui_wait_for 'hits in'
tui_keys /
tui_wait_for '^/'
tui_keys Up
tui_expect_line 24 '^/巡回检察' "+/巡回检察: / then Up recalls it"
tui_keys Escape
tui_keys q
tui_wait_exit >/dev/null

tui_start 80 24 NO_COLOR=1 -- --content "$content" --lang=en
tui_wait_for 'h: help'
tui_keys /
tui_wait_for '^/'
tui_keys Up
tui_expect_line 24 '^/巡回检察' "and so does the next browser's /"
tui_keys Escape
tui_keys q
tui_wait_exit >/dev/null

tui_start 80 24 NO_COLOR=1 -- --content "$content" --lang=en '+//[/'
tui_wait_for 'invalid regular expression'
tui_expect_has 'missing' "+//[/: the bad regular expression is said"
tui_keys /
tui_wait_for '^/'
tui_keys Up
tui_expect_line 24 '^//\[/' "and / then Up recalls it, to be mended"
tui_keys Escape
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "the browser quits"
tui_finish
