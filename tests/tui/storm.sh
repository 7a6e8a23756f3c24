#!/bin/sh
# Hostile terminal sizes: 2x80, 500x200, and a storm of 200 resizes in
# about a second; the browser keeps up, never crashes, and still answers.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 8

tui_start 80 24 -- --content "$top_srcdir/content"
tui_wait_for 'h: help'
tui_resize 80 2
tui_expect_line 1 '^Terminal to' "2x80: it says the terminal is too small"
# Keys typed while the terminal is too small to show the prompt do not
# edit it: what was not seen was not typed.
tui_resize 80 24
tui_wait_for 'h: help'
tui_keys /
tui_wait_for '^/'
tui_resize 80 2
tui_wait_for 'Terminal to'
tmx send-keys -t tui -l zz
tui_settle
tui_resize 80 24
tui_wait_for '^/'
tui_expect_line 24 '^/ *$' "a prompt hidden by a too-small terminal kept nothing typed blind"
tui_keys Escape
tui_resize 500 200
tui_wait_for 'h: help'
tui_expect_line 1 'The third batch' "500x200: the title bar is drawn"
tui_expect_has '8 Xinjiang' "500x200: the whole case list shows"
# 200 resizes sent in one tmux command, as fast as tmux can deliver them.
cmds=
i=0
while [ $i -lt 100 ]; do
  cmds="$cmds resize-window -t tui -x $((40 + i % 60)) -y $((10 + i % 30)) \\;"
  cmds="$cmds resize-window -t tui -x $((160 - i % 50)) -y $((50 - i % 20)) \\;"
  i=$((i + 1))
done
start=$(date +%s%N)
# shellcheck disable=SC2086
eval tmx $cmds
end=$(date +%s%N)
tui_diag "200 resizes sent in $(( (end - start) / 1000000 )) ms"
tui_resize 100 30
tui_wait_for 'h: help|1/'
tui_keys =
tui_wait_for 'Case [0-9]|section|paragraph'
tui_expect_has 'section|paragraph|line' "after the storm, = still answers"
tui_expect_eq "$(tui_capture | wc -L)" 100 "and the screen fits its 100 columns"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "quits with status 0"
tui_expect_has '^\[exit 0\]' "on a restored screen"
tui_finish
