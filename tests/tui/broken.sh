#!/bin/sh
# The open case's file saved broken while it is read: the next search
# says so, with the file and line, once its prompt closes.  Before, the
# message was set as the prompt opened, hidden by it and cleared when
# it closed: the case's hits just went missing.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 3

c=$tui_dir/content
cp -r "$tui_data/sample" "$c"
chmod -R u+w "$c"

tui_start 120 24 "XDG_CACHE_HOME=$tui_dir/cache" -- --content "$c"
tui_wait_for 'h: help'
tui_keys 2 Enter
tui_keys /
tui_type circuit
tui_keys Enter
tui_expect_line 24 '^circuit — 6 hits in 2 cases' "a search finds both cases"
printf 'casebook-format: 1\nnumber: 2\ntitle.en: Half\nno key here\n' \
  >"$c/02-adjacent.cb"
tui_keys /
tui_keys Escape
tui_expect_msg "cannot read this document again: .*/02-adjacent\\.cb:4: " \
  "the next search, cancelled, says the open case cannot be read, and where"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "quits with status 0"

tui_finish
