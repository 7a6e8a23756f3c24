#!/bin/sh
# Enter at the search prompt counts the hits of every case: seconds in
# a large library, said on the status line once it takes a while.  Esc
# and Ctrl-C stop the count and leave the browser, saying so, with the
# search and the view as they were, as they stop the index build and
# R.  A Ctrl-C used to quit the browser (status 130) once the count was
# over, and an Esc to be read only then.  The same when Enter comes
# while the count made at a pause in the typing is under way, and for
# the search casebook +/QUERY makes as it starts.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 14

corpus=$tui_dir/corpus
tui_big_corpus 3000 "$corpus"
# The index built once: what is stopped here is the count alone.  The
# regex has no word for the index to find, and is tried in every case.
query='/\w{12}/'
XDG_CACHE_HOME=$tui_dir/cache XDG_STATE_HOME=$tui_state \
  "$CASEBOOK" --content "$corpus" search court >/dev/null 2>&1

start ()
{
  tui_start 80 24 NO_COLOR=1 "XDG_CACHE_HOME=$tui_dir/cache" -- \
    --content "$corpus" --lang en
  tui_wait_for 'h: help'
}

# stop_count KEY WHAT: KEY once the count says it counts; the browser is
# to stay, saying the count stopped, and q to quit it with status 0.
stop_count ()
{
  tui_poll_for 'Counting the hits in every case'
  tmx send-keys -t tui "$1"
  tui_poll_for 'Counting the hits stopped|\[exit [0-9]+\]'
  tui_settle
  tui_expect_msg 'Counting the hits stopped: the search and the view are as they were' \
    "$2: the count stops, and the browser says so"
  tui_keys q
  tui_expect_eq "$(tui_wait_exit)" 0 "$2: q then quits with status 0"
  tui_stty_restored
  tui_ok $? "$2: the terminal modes are restored"
}

# The query and Enter at once: the count after Enter.
start
tmx send-keys -t tui / \; send-keys -t tui -l "$query" \; send-keys -t tui Enter
stop_count C-c "Enter, Ctrl-C"

start
tmx send-keys -t tui / \; send-keys -t tui -l "$query" \; send-keys -t tui Enter
stop_count Escape "Enter, Esc"

# The query typed, then Enter while the pause counts the other cases.
start
tmx send-keys -t tui /
tui_wait_for '^/'
tui_type "$query"
tmx send-keys -t tui Enter
stop_count C-c "Enter during the count at a pause, Ctrl-C"

# casebook +/QUERY: no prompt is there to cancel, and Ctrl-C quit once
# the count was over.  Now the browser opens without the search.
tui_start 80 24 NO_COLOR=1 "XDG_CACHE_HOME=$tui_dir/cache" -- \
  --content "$corpus" --lang en "+/$query"
stop_count C-c "casebook +/QUERY, Ctrl-C"

# Left alone, the count ends, and the search is made.
start
tmx send-keys -t tui / \; send-keys -t tui -l "$query" \; send-keys -t tui Enter
tui_poll_for 'Counting the hits in every case'
tui_wait_for 'hits in [0-9]+ cases'
tui_expect_msg '[0-9]+ hits in [0-9]+ cases' \
  "left alone, the count ends in the search's hits"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "then q quits with status 0"
tui_finish
