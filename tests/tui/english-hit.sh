#!/bin/sh
# E (the release's English or the project's revision) runs the search
# again over the English now shown; the hit the reader was on stays the
# current one, and the view on it.  It used to be forgotten: the status
# line lost its "44/506" and n went back to the first hit on screen.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 6

tui_start 100 30 NO_COLOR=1 -- --content "$top_srcdir/content" --lang=zh
tui_wait_for 'h: help'
tui_keys 1 Enter
tui_keys /
tui_type '检察'
tui_keys Enter
tui_keys 1 2 n
tui_expect_line 30 '^检察 — 506 hits in 9 cases, 53/506 ' "12n: on hit 53"
pos=$(tui_line 30 | sed -E 's/.* ([0-9]+\/[0-9]+ +[0-9]+%)$/\1/')
tui_keys E
tui_keys C-l
tui_expect_line 30 '^检察 — 506 hits in 9 cases, 53/506 ' "E keeps hit 53 (the Chinese is the same)"
tui_expect_eq "$(tui_line 30 | sed -E 's/.* ([0-9]+\/[0-9]+ +[0-9]+%)$/\1/')" \
  "$pos" "and the view where it was"
tui_keys n
tui_expect_line 30 '^检察 — 506 hits in 9 cases, 54/506 ' "n goes on to hit 54"

# Hits in the English: as many hits into the same paragraph.
tui_keys v
tui_keys /
tui_type 'procuratorate'
tui_keys Enter
tui_keys 5 n
tui_expect_line 30 '225 hits in 9 cases, 45/225' "in the revised English, on hit 45"
tui_keys E
tui_keys C-l
tui_expect_line 30 '147 hits in 9 cases, [0-9]+/147' \
  "E keeps a current hit in the release's English"
tui_keys q
tui_wait_exit >/dev/null
tui_finish
