#!/bin/sh
# Ctrl-C during the first index build stops the build, never the
# browser, as in less: after / (the prompt closes), with the search
# given at the start (casebook +/QUERY) and with Enter on a tag, the
# browser stays and its status line says the search was stopped.  The
# last two used to quit (status 130), there being no prompt to take
# the Ctrl-C; an Esc there stopped the build, and then wiped the note
# that said so.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 9

corpus=$tui_dir/corpus
tui_big_corpus 3000 "$corpus"

# stop_build KEY WHAT: KEY once the build shows its progress; the
# browser is to stay, saying the search was stopped.  Each run has its
# own cache: the build starts from nothing.
run=0
stop_build ()
{
  tui_poll_for 'Indexing documents for search'
  tmx send-keys -t tui "$1"
  tui_poll_for 'cannot search: interrupted|\[exit [0-9]+\]'
  tui_settle
  tui_expect_line 24 '^cannot search: interrupted' "$2: the build stops, and the browser says so"
  tui_keys q
  tui_expect_eq "$(tui_wait_exit)" 0 "$2: q then quits with status 0"
}
start ()
{
  run=$((run + 1))
  tui_start 80 24 NO_COLOR=1 "XDG_CACHE_HOME=$tui_dir/cache.$run" -- \
    --content "$corpus" --lang en "$@"
}

start +/court
stop_build C-c "+/court, Ctrl-C"
tui_expect_not '^/' "the prompt is not left open"

start +/court
stop_build Escape "+/court, Esc"

start
tui_wait_for 'h: help'
tmx send-keys -t tui /
stop_build C-c "/, Ctrl-C"

start
tui_wait_for 'h: help'
tui_keys Tab Tab
tmx send-keys -t tui Enter
stop_build C-c "Enter on a tag, Ctrl-C"
tui_finish
