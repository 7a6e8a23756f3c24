#!/bin/sh
# A collection in one language (an imported release is Chinese only): the
# browser opens it, and where English would stand it says there is none.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 6

rel=$tui_dir/release.txt
printf '%s\n' '案例1' '某县检察院办理河道采砂公益诉讼案' '【关键词】' '公益诉讼　河道' \
  '【基本案情】' '某县境内河道存在非法采砂行为，检察机关依法立案。' \
  '案例2' '某市检察院保护古树名木案' '【基本案情】' '古树受损，检察机关发出检察建议。' >"$rel"
"$CASEBOOK" import "$rel" -o "$tui_dir/zh" >/dev/null 2>&1
tui_ok $? "a Chinese-only release imports"

tui_start 100 24 -- --content "$tui_dir/zh" --lang=both
tui_wait_for 'h: help'
tui_keys 1
tui_expect_has '│ +no English text in this' "side by side: the English column says there is none"
tui_expect_has '某县检察院办理河道采砂公益诉讼案' "and the Chinese text is there"
tui_keys v
tui_expect_has 'no English text in this release' "interleaved: said once, above the text"
tui_keys v
tui_expect_not 'no English text' "the Chinese view does not mention English"
tui_keys v
tui_expect_has 'no English text in this release' "the English view says so, then shows the Chinese"

tui_finish
