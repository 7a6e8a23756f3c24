#!/bin/sh
# Cases edited while the browser is open (a translator's editor beside
# it): the next search finds the new text, both in the case already
# open and in one not yet read, and shows it in the open case.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 5

c=$tui_dir/content
cp -r "$top_srcdir/content" "$c"
chmod -R u+w "$c"

tui_start 120 40 NO_COLOR=1 "XDG_CACHE_HOME=$tui_dir/cache" -- \
  --content "$c" --lang=en
tui_wait_for 'h: help'
tui_keys 2 Enter
tui_expect_line 1 ' 2 Jilin' "2 opens case 2"
tui_keys /
tui_type plughword
tui_keys Enter
tui_expect_line 40 '^Not found: plughword' "a word in no case is not found"

for f in "$c"/batch3/02-jilin.cb "$c"/batch3/03-zhangjiagang.cb; do
  printf '\nzh: 补充说明。\nen: A note on plughword.\n' >>"$f"
done
tui_keys /
tui_type plughword
tui_keys Enter
tui_expect_line 40 '^plughword — 2 hits in 2 cases' \
  "after two cases were edited, the next search finds the word in both"
tui_expect_has 'A note on plughword' "the open case shows its new paragraph"
tui_keys n
tui_expect_line 1 ' 3 .*Zhangjiagang' "and n goes to the other case's hit"
tui_finish
