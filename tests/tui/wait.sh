#!/bin/sh
# Waiting for another casebook's update of the search index (it may take
# minutes, as a first build of a large library does): Ctrl-C stops the
# wait at once, and so does SIGTERM, which ends the browser with the
# terminal restored.  Before, both waited until the other was done, for
# up to five minutes.
. "$top_srcdir/tests/tui/driver.sh"
if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "1..0 # SKIP sqlite3 is missing"
  exit 0
fi
tui_plan 10

c=$tui_dir/content
cp -r "$tui_data/sample" "$c"
chmod -R u+w "$c"
cache=$tui_dir/cache

# hold: another casebook's write lock on the index, until $tui_dir/release.
hold ()
{
  rm -f "$tui_dir/held" "$tui_dir/release"
  sqlite3 "$(ls "$cache"/casebook/index-*.db)" 'BEGIN IMMEDIATE;' \
    ".shell touch '$tui_dir/held'; while [ ! -e '$tui_dir/release' ]; do sleep 0.1; done" \
    'COMMIT;' >/dev/null 2>&1 &
  holder=$!
  i=0
  while [ ! -e "$tui_dir/held" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
}
release () { touch "$tui_dir/release"; wait $holder; }
# slash_waits: / now waits for the other casebook.
slash_waits () { tmx send-keys -t tui /; tui_wait_for 'Waiting for another casebook'; }
# stop_wait KEY MESSAGE DESCRIPTION: KEY stops the wait, and MESSAGE says so.
stop_wait () { tmx send-keys -t tui "$1"; tui_wait_for "$2"; tui_ok $? "$3"; }
# search_circuit: a search that works.
search_circuit () { tui_keys /; tui_type circuit; tui_keys Enter; tui_wait_for '^circuit'; }
trap 'touch "$tui_dir/release"; tui_cleanup' EXIT

tui_start 80 24 "XDG_CACHE_HOME=$cache" -- --content "$c"
tui_wait_for 'h: help'
search_circuit

printf '\nzh: 补充。\nen: A note.\n' >>"$c/02-adjacent.cb"
hold
slash_waits
tui_ok $? "/ after an edit waits for the other casebook, and says so"
stop_wait C-c '^cannot update the search index: interrupted' \
  "Ctrl-C stops the wait at once, and says so"

slash_waits
kill -TERM "$(tui_program_pid)"
tui_expect_eq "$(tui_wait_exit)" 143 "SIGTERM during the wait ends it, status 143"
tui_stty_restored
tui_ok $? "with the terminal restored"
release
tui_ok $? "the other casebook's update was left alone"

# A browser started on an index that another casebook is updating
# waits as its first prompt opens the index; Ctrl-C stops that wait too,
# and says so.
printf '\nzh: 又一补充。\nen: Another note.\n' >>"$c/02-adjacent.cb"
hold
tui_start 80 24 "XDG_CACHE_HOME=$cache" -- --content "$c"
tui_wait_for 'h: help'
slash_waits
tui_ok $? "the first / waits for the other casebook, and says so"
stop_wait C-c '^cannot search: interrupted' "Ctrl-C stops that wait, and says so"
slash_waits
stop_wait Escape '^cannot search: interrupted' \
  "so does Esc, which also closes the prompt"
release
tui_ok $? "and its update was left alone too"
search_circuit
tui_ok $? "the next / opens the index, and the search works"

tui_finish
