#!/bin/sh
# A library of three collections in the browser: the shipped batch and
# two the user imported with --add; every document is in the list, and a
# Chinese-only one reads, saying in English view that it has no English.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 6

data=$tui_dir/data
HTML=$top_srcdir/tests/data/html
XDG_DATA_HOME=$data "$CASEBOOK" import --add "$HTML/div-p.html" --name exec2023 >/dev/null 2>&1
XDG_DATA_HOME=$data "$CASEBOOK" import --add "$HTML/split-cases.html" --name hearings >/dev/null 2>&1
tui_ok $? "two collections installed with import --add"

tui_start 100 30 XDG_DATA_HOME="$data" -CASEBOOK_CONTENT -- --lang=zh
tui_wait_for 'h: help'
tui_expect_has '^> 0 全国' "the shipped batch is listed first"
tui_expect_has '某看守所在押人员' "the first imported collection's cases are listed"
tui_expect_has '^▾ hearings 第二批检察听证典型… \(3\)│' "and the second's, under its heading"
# A click (X10 mouse) on screen row 15, under the list's title row, the
# shipped batch's heading and nine cases and the next heading: the second
# case of the first imported collection.
tui_type "$(printf '\033[M %%/\033[M#%%/')"
tui_expect_has '罪犯张某因犯诈骗罪' "a case of the imported collection opens"
tui_keys v v v
tui_expect_has 'no English text in this release' "and says in English view that it has no English"
tui_finish
