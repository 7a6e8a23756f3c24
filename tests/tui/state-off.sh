#!/bin/sh
# A state file the browser cannot use (its directory writable by
# others, the file unreadable, or no place for it at all) is not
# written at quit: the browser says so once as it starts, and why (at
# the first key, when the search given at the start had something to
# say), and m says that the mark lasts this session only.  Marks set
# then used to be dropped at quit without a word.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 18

sample=$tui_data/sample
dir=$tui_state/casebook
file=$dir/state

# mark_session WHAT: m a sets a mark that ' a goes back to, said to be
# for this session only; q quits with status 0.
mark_session ()
{
  tui_keys 3 Enter
  tui_keys ']' ']'
  at=$(tui_line 3)
  tui_keys m a
  tui_expect_msg 'Mark a set, for this session only: marks are not being saved' \
    "$1: m says the mark lasts this session only"
  tui_keys g
  tui_keys "'" a
  tui_expect_eq "$(tui_line 3)" "$at" "$1: the mark works in the session"
  tui_keys q
  tui_expect_eq "$(tui_wait_exit)" 0 "$1: q quits with status 0"
}

# The state directory writable by its group (as root, whom permissions
# do not stop, the mode is what the browser checks).
mkdir "$dir"
chmod 770 "$dir"
tui_start 120 40 -- --content "$sample"
tui_wait_for 'Ignoring the saved state|will not be saved'
tui_expect_msg 'Ignoring the saved state \(not using the state directory .*casebook \(writable by other users\)\): positions and marks will not be saved' \
  "directory writable by others: said at the start, and why"
mark_session "directory writable by others"
tui_expect_not 'cannot save' "directory writable by others: nothing more at quit"
[ ! -e "$file" ]
tui_ok $? "directory writable by others: no state is written"

# The file cannot be read: a directory in its place.
chmod 700 "$dir"
mkdir "$file"
tui_start 120 40 -- --content "$sample"
tui_wait_for 'Ignoring the saved state|will not be saved'
tui_expect_msg 'Ignoring the saved state \(.*/state: Is a directory\): positions and marks will not be saved' \
  "unreadable state file: said at the start, and why"
mark_session "unreadable state file"
[ -d "$file" ] && [ -z "$(ls -A "$file")" ]
tui_ok $? "unreadable state file: left as it was"

# A search given at the start that says something itself (a query that
# cannot be read) does not hide it: it comes at the next key.
tui_start 120 40 -- --content "$sample" '+/"circuit'
tui_wait_for 'Browser test cases'
tui_expect_msg 'unterminated quotation mark' "+/QUERY with an error: that error first"
tui_keys j
tui_expect_msg 'Ignoring the saved state \(.*/state: Is a directory\): positions and marks will not be saved' \
  "+/QUERY with an error: then, at the next key, that nothing is saved"
tui_keys q
tui_wait_exit >/dev/null
rmdir "$file"

# No XDG_STATE_HOME nor HOME: no place for the state.
tui_start 120 40 -XDG_STATE_HOME -HOME -- --content "$sample"
tui_wait_for 'Ignoring the saved state|will not be saved'
tui_expect_msg 'Positions and marks will not be saved: neither XDG_STATE_HOME nor HOME is set' \
  "no state directory: said at the start"
mark_session "no state directory"

# A state that is saved: m says no more than that the mark is set.
tui_start 120 40 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys m a
tui_expect_line 40 '^Mark a set +' "a state saved: m just sets the mark"
tui_keys q
tui_wait_exit >/dev/null
tui_finish
