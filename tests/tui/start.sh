#!/bin/sh
# casebook +/QUERY opens the browser with that search done, on its first
# hit, as less +/PATTERN does (and as / QUERY Enter would); a query that
# is not one is said on the status line.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 4

content=$top_srcdir/content
counts=$("$CASEBOOK" --content "$content" search --count 巡回检察)
total=$(printf '%s\n' "$counts" | awk -F: '{ n += $2 } END { print n }')
cases=$(printf '%s\n' "$counts" | grep -c .)
state="巡回检察 — $total hits in $cases cases"

tui_start 120 40 NO_COLOR=1 -- --content "$content" --lang=both +/巡回检察
tui_wait_for "$total hits"
tui_expect_line 40 "^$state, 1/$total " \
  "+/巡回检察: the search is done and its first hit shown ($state, 1/$total)"
tui_keys n
tui_expect_line 40 "^$state, 2/$total " "n goes on to the next hit"
tui_keys q
tui_wait_exit >/dev/null

tui_start 120 40 NO_COLOR=1 -- --content "$content" '+//[/'
tui_wait_for 'invalid regular expression'
tui_expect_line 40 'invalid regular expression' "a bad query: the browser opens and says what is wrong"
tui_expect_not 'hits in' "and has no search"
tui_keys q
tui_wait_exit >/dev/null
tui_finish
