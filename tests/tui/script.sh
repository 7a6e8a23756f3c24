#!/bin/sh
# Terminals that draw “ ” · — two columns wide (--ambiguous-wide, and
# CASEBOOK_AMBIGUOUS_WIDE=1), and Chinese shown in traditional script.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 7

tui_start 100 30 -- --content "$top_srcdir/content" --lang zh --ambiguous-wide
tui_wait_for 'h: help'
tui_keys 5 Enter
tui_expect_has '山东检察机关构建〝四大检察〞融合发展新模式' "ambiguous-wide: quotes drawn as wide look-alikes"
# No line may run past the screen (wc -L counts display columns).
tui_expect_eq "$(tui_capture | wc -L)" 100 "ambiguous-wide: the widest line fills the screen, no more"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "quits with status 0"

tui_start 100 30 -- --content "$top_srcdir/content" --lang zh
tui_wait_for 'h: help'
tui_keys 5 Enter
tui_expect_has '山东检察机关构建“四大检察”融合发展新模式' "by default the quotes are drawn as they are"
tui_keys q
tui_wait_exit >/dev/null

if "$CASEBOOK" --version | grep -q 'OpenCC yes'; then
  tui_start 100 30 -- --content "$top_srcdir/content" --lang zh --script=traditional
  tui_wait_for 'h: help'
  tui_keys 7 Enter
  tui_expect_has '廣西檢察機關全面深化巡迴檢察' "traditional script in the text"
  tui_expect_has '> 7 廣西' "and in the case list"
  tui_keys q
  tui_expect_eq "$(tui_wait_exit)" 0 "quits with status 0"
else
  for i in 1 2 3; do echo "ok # SKIP built without OpenCC"; done
fi
tui_finish
