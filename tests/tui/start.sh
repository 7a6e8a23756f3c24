#!/bin/sh
# casebook +/QUERY opens the browser with that search done, on its first
# hit, as less +/PATTERN does (and as / QUERY Enter would); a query that
# is not one is said on the status line.  casebook N [PLACE] on a
# terminal opens the browser at that case and place (off a terminal it
# is show, tests/cli/show.sh).
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 18

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
# Leave the reading at the end of the case of the first hits (0, before
# 7): the next +/ still begins at the first hit, not after where reading
# stopped (which would be 7's first).
tui_keys :
tui_type 0
tui_keys Enter G
tui_pause
tui_keys q
tui_wait_exit >/dev/null
tui_start 120 40 NO_COLOR=1 -- --content "$content" --lang=both +/巡回检察
tui_wait_for "$total hits"
tui_expect_line 40 "^$state, 1/$total " \
  "+/巡回检察 after reading stopped at the end of case 0: its first hit again"
tui_keys q
tui_wait_exit >/dev/null

# A slip is corrected as at the prompt and in casebook search.
tui_start 120 40 NO_COLOR=1 -- --content "$content" --lang=both +/邻进院
tui_wait_for 'nothing found for 邻进院'
tui_expect_line 40 '^Showing results for 邻近院 \(nothing found for 邻进院\)' \
  "+/邻进院: corrected as / 邻进院 Enter would be"
tui_keys n
tui_expect_line 40 '^邻近院 — [0-9]* hits in' "and the corrected search is the one kept"
tui_keys q
tui_wait_exit >/dev/null
# A control in it is left out, as the prompt and search leave it.
tui_start 120 40 NO_COLOR=1 -- --content "$content" --lang=both "+/巡回$(printf '\007')检察"
tui_wait_for "$total hits"
tui_expect_line 40 "^$state, 1/$total " "+/ with a BEL inside the word: the word's search"
tui_keys q
tui_wait_exit >/dev/null
# A word no text has, beside words found, is named as at the prompt.
tui_start 120 40 NO_COLOR=1 -- --content "$content" '+/zzyzxq prison'
tui_wait_for 'No text has'
tui_expect_line 40 '^No text has zzyzxq: showing the cases with the other words' \
  "+/zzyzxq prison: the word no text has is named"
tui_keys q
tui_wait_exit >/dev/null
tui_start 120 40 NO_COLOR=1 -- --content "$content" '+//[/'
tui_wait_for 'invalid regular expression'
tui_expect_line 40 'invalid regular expression' "a bad query: the browser opens and says what is wrong"
tui_expect_not 'hits in' "and has no search"
tui_keys q
tui_wait_exit >/dev/null
sample=$tui_data/sample
tui_start 120 40 -- --content "$sample" 3
tui_wait_for 'h: help'
tui_expect_line 1 ' 3 Zhangjiagang' "casebook 3: the browser, at case 3"
tui_expect_not '─▶ Cases' "with the text in focus, not the list"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "q quits it"

tui_start 120 40 -- --content "$sample" 3 '§2' '¶3'
tui_wait_for 'Paragraph 11'
tui_expect_line 3 '\* +Paragraph 11\. ' "casebook 3 §2 ¶3: at paragraph 3 of section 2"
tui_keys q
tui_wait_exit >/dev/null

tui_start 120 40 -- --content "$sample" 3 '§9'
tui_wait_for 'Case 3 has no'
tui_expect_line 40 'Case 3 has no §9' "a place the case does not have: said on the status line"
tui_expect_line 1 ' 3 Zhangjiagang' "at the case"
tui_keys q
tui_wait_exit >/dev/null

# COLLECTION/N, as list names cases in a library of several.
tui_start 120 40 -- --content "$sample" tui/3 '§2' '¶3'
tui_wait_for 'Paragraph 11'
tui_expect_line 3 '\* +Paragraph 11\. ' "casebook tui/3 §2 ¶3: the collection's case 3, there"
tui_keys :
tui_type 'other/1'
tui_keys Enter
tui_expect_line 40 '^There is no case other/1' "':other/1': a collection without that case is said"
tui_expect_line 1 ' 3 Zhangjiagang' "and the case stays open"
tui_keys q
tui_wait_exit >/dev/null

tui_finish
