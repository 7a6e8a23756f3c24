#!/bin/sh
# The first R of a large library is long work: the search index is
# built (or the cases read, without one), then the cases related.  Esc
# and Ctrl-C stop it and leave the browser, saying so, as they stop the
# build for /; a resize redraws at the new size at once.  An Esc used to
# stop the build only: R then read every case without the index (longer
# still, and deaf to Esc, resizes and Ctrl-Z) and showed the list; a
# Ctrl-C quit the browser (status 130) once it was over.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 10

corpus=$tui_dir/corpus
tui_big_corpus 3000 "$corpus"

tui_start 80 24 NO_COLOR=1 "XDG_CACHE_HOME=$tui_dir/cache" -- \
  --content "$corpus" --lang en
tui_wait_for 'h: help'
tmx send-keys -t tui R
tui_poll_for 'Indexing documents for search'
tmx resize-window -t tui -x 60 -y 15
# Drawn again while the build goes on, however slow the machine (a
# sanitized build beside a distcheck took more than 2 s to the first
# redraw), not once it is over.
_i=0
while [ $_i -lt $tui_polls ] && tui_line 2 | grep -q '│'; do
  tui_pause
  _i=$((_i + 1))
done
tui_expect_has 'Indexing documents for search' "R, 60x15 during the build: still building when drawn again"
tui_expect_not '│' "R, 60x15 during the build: drawn at the new size at once"
tmx send-keys -t tui Escape
tui_poll_for 'Relating the cases stopped|Reading the cases|Related to case'
tui_settle
tui_expect_msg 'Relating the cases stopped' "Esc during R's build: R stops, and says so"
tui_expect_not 'Related to case|Reading the cases' "nor reads every case instead"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "quits with status 0"

tui_start 80 24 NO_COLOR=1 "XDG_CACHE_HOME=$tui_dir/cache" -- \
  --content "$corpus" --lang en
tui_wait_for 'h: help'
tmx send-keys -t tui R
tui_poll_for 'Indexing documents for search'
tmx send-keys -t tui C-c
tui_poll_for 'Relating the cases stopped|Related to case|exit 130'
tui_settle
tui_expect_msg 'Relating the cases stopped' "Ctrl-C during R's build: R stops, the browser stays"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "then q quits with status 0"

# With the index saved, R relates at once; Esc in that stops it too.
XDG_CACHE_HOME=$tui_dir/cache XDG_STATE_HOME=$tui_state \
  "$CASEBOOK" --content "$corpus" search court >/dev/null 2>&1
tui_start 80 24 NO_COLOR=1 "XDG_CACHE_HOME=$tui_dir/cache" -- \
  --content "$corpus" --lang en
tui_wait_for 'h: help'
tmx send-keys -t tui R
tui_poll_for 'Relating the cases:|Related to case'
if tui_capture | grep -q 'Relating the cases:'; then
  tmx send-keys -t tui Escape
  tui_poll_for 'Relating the cases stopped|Related to case'
  tui_settle
  if tui_capture | grep -qE 'Relating the cases stopped|Related to case'; then
    tui_expect_msg 'Relating the cases stopped' "Esc while relating: R stops"
  else
    # Neither: relating ended as the key was sent, and the key closed
    # the list of related cases before the test saw it (an Esc that
    # relating ignored would leave the list on the screen).
    tui_ok 0 "# SKIP relating ended as Esc was sent"
  fi
else
  # The machine related them all before the test saw the progress.
  tui_ok 0 "# SKIP relating ended first"
fi
tui_keys_same Escape
tui_send R
tui_wait_for 'Related to case'
tui_expect_has 'Related to case' "R again: the list"
tui_keys Escape
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "quits with status 0"
tui_finish
