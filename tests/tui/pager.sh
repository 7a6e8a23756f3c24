#!/bin/sh
# show through its pager on a terminal: Ctrl-C, or a kill, while the
# reader is in the pager leaves casebook waiting for it (less stays on
# Ctrl-C) and dying of the signal once the reader quits.  Before,
# casebook died at once and the shell took the terminal back from a less
# still running in the background: its screen mode left on, and the keys
# typed at the prompt read by it or stopping it.
. "$top_srcdir/tests/tui/driver.sh"
command -v less >/dev/null 2>&1 || { echo "1..0 # SKIP less not found"; exit 0; }
command -v pgrep >/dev/null 2>&1 || { echo "1..0 # SKIP pgrep not found"; exit 0; }
tui_plan 7

content=$top_srcdir/content

tui_start_shell 80 24
shell=$(tmx display-message -p -t tui '#{pane_pid}')
tui_type "unset LESS PAGER; '$CASEBOOK' --content '$content' --lang en show 1"
tui_keys Enter
tui_wait_for '^:'
tui_keys_same C-c
tui_settle
pgrep -P "$shell" -x casebook >/dev/null
tui_ok $? "Ctrl-C in less: casebook waits for the pager"
tui_expect_not 'tui\$ ?$' "the shell does not take the terminal back from less"
tui_keys q
tui_wait_for 'tui\$ ?$'
tui_type 'echo status=$?'
tui_keys Enter
tui_wait_for '^status='
tui_expect_has '^status=130' "q: then casebook dies of SIGINT"
pgrep -s "$shell" -x less >/dev/null
tui_ok $((! $?)) "and no pager is left behind"

# kill: casebook waits for the pager, then dies of SIGTERM.
tui_type "clear; '$CASEBOOK' --content '$content' --lang en show 1; echo status=\$?"
tui_keys Enter
tui_wait_for '^:'
pid=$(pgrep -P "$shell" -x casebook | head -n 1)
kill -TERM "$pid"
tui_settle
tui_expect_not '^status=' "SIGTERM while paging: casebook waits for the pager"
tui_keys q
tui_wait_for '^status='
tui_expect_has '^status=143' "and then dies of SIGTERM"
pgrep -s "$shell" -x less >/dev/null
tui_ok $((! $?)) "no pager is left behind"
tui_finish
