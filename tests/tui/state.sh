#!/bin/sh
# What one run remembers, the next restores: the case open last, the
# position in every case, marks and the search history, in
# $XDG_STATE_HOME/casebook/state.  Two browsers at once keep each
# other's marks and searches.  A corrupt state file is reported once,
# moved aside, and never stops the browser.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 35

sample=$tui_data/sample
file=$tui_state/casebook/state

tui_start 120 40 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys 3 Enter
tui_keys ']' ']' j j
tui_expect_line 3 '│\* +Paragraph 9\. ' "run 1: paragraph 9 of case 3 at the top"
tui_keys m a
tui_expect_line 40 '^Mark a set' "m a sets a mark"
tui_keys 1 Enter
tui_keys / 
tui_type 'supervision'
tui_keys Enter
tui_expect_line 40 '^supervision — ' "a search"
tui_keys 2 Enter
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "run 1 quits with status 0"
[ -f "$file" ] && head -n 1 "$file" | grep -qx 'casebook-state 1'
tui_ok $? "the state file is written"
grep -q "$(printf '^history\tsupervision$')" "$file"
tui_ok $? "with the search history"

tui_start 120 40 -- --content "$sample"
tui_wait_for 'h: help'
tui_expect_line 1 ' 2 Hulunbuir' "run 2 opens the case open last"
tui_keys 3 Enter
tui_expect_line 3 '│\* +Paragraph 9\. ' "and case 3 where run 1 left it"
tui_keys g
tui_expect_not 'Paragraph 9\. ' "g goes to the top"
tui_keys "'" a
tui_expect_line 3 '│\* +Paragraph 9\. ' "the mark from run 1 takes us back"
tui_keys / Up
tui_expect_line 40 '^/supervision +\[[0-9]+/[0-9]+\]$' \
  "↑ in the prompt recalls run 1's search (and its hits here, [i/n])"
tui_keys Escape
tui_keys q
tui_wait_exit >/dev/null

# A corrupt state file: one message, moved aside, a fresh one written.
printf 'casebook-state 1\npos\tbroken\n' > "$file"
tui_start 120 40 -- --content "$sample"
tui_wait_for 'state'
tui_expect_msg 'Ignoring the saved state.*line 2' "a corrupt state file is reported"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "and is not fatal"
grep -q broken "$file.corrupt" && head -n 1 "$file" | grep -qx 'casebook-state 1'
tui_ok $? "it was moved aside and a new state written"
tui_start 120 40 -- --content "$sample"
tui_wait_for 'h: help'
tui_expect_not 'Ignoring' "the next run says nothing more"
tui_keys q
tui_wait_exit >/dev/null

# Records from a newer casebook are skipped; escapes are read back.
printf 'casebook-state 1\nfuture\tsomething\nhistory\tback\\\\slash\n' > "$file"
tui_start 120 40 -- --content "$sample"
tui_wait_for 'h: help'
tui_expect_not 'Ignoring' "unknown records are not an error"
tui_keys / Up
tui_expect_line 40 '^/back\\slash *(\[[^]]*\])?$' "an escaped backslash comes back as one"
tui_keys Escape
tui_keys q
tui_wait_exit >/dev/null

# Two browsers at once, in two windows of one terminal: each sets a mark
# and searches, they quit in turn, and the state file keeps both marks
# and both searches (each browser's save is merged with the other's).
rm -f "$file"
# Browser A in the first window.
tui_start 120 40 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys 3 Enter
tui_keys m a
tui_expect_line 40 '^Mark a set' "browser A sets mark a in case 3"
tui_keys /
tui_type 'supervision'
tui_keys Enter

# Browser B in a second window, the same program and state directory,
# its exit status in a file of its own.
sed "s/status\.$tui_run/status.b/" "$tui_script" > "$tui_dir/run.b"
chmod +x "$tui_dir/run.b"
tmx new-window -t tui "$tui_dir/run.b"
tui_wait_for 'h: help'
tui_keys 2 Enter
tui_keys m b
tui_expect_line 40 '^Mark b set' "browser B, started while A runs, sets mark b in case 2"
tui_keys /
tui_type 'reform'
tui_keys Enter
tui_keys q
i=0
while [ $i -lt $tui_polls ] && [ ! -s "$tui_dir/status.b" ]; do
  tui_pause; i=$((i + 1))
done
tui_expect_eq "$(cat "$tui_dir/status.b" 2>/dev/null)" 0 "browser B quits first"

# Back to A, which quits last: before merging, its save lost B's work.
tmx kill-window -t tui:1
tui_settle
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "browser A quits after it"
grep -q "$(printf '^mark\ta\t')" "$file" && grep -q "$(printf '^mark\tb\t')" "$file"
tui_ok $? "the state file keeps both marks"
grep -q "$(printf '^history\tsupervision$')" "$file" \
  && grep -q "$(printf '^history\treform$')" "$file"
tui_ok $? "and both searches"

# A third browser goes to either mark.
tui_start 120 40 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys "'" b
tui_expect_line 1 ' 2 Hulunbuir' "mark b (from browser B) opens case 2"
tui_keys "'" a
tui_expect_line 1 ' 3 Zhangjiagang' "mark a (from browser A) opens case 3"
tui_keys q
tui_wait_exit >/dev/null

# A mark and '' go back to the line they were set at, as in vi and
# less, not to the start of its paragraph: here the last line of
# paragraph 9, four lines into it at this width.
tui_start 60 20 -- --content "$sample" --lang en
tui_wait_for 'h: help'
tui_keys 3 Enter
tui_keys ']' ']' j j j j j
tui_expect_line 3 '^\* and supervision runs smoothly\. ' \
  "inside paragraph 9 at the top"
tui_keys m c g
tui_keys "'" c
tui_expect_line 3 '^\* and supervision runs smoothly\. ' \
  "'c: back to that line"
tui_keys "'" "'"
tui_keys "'" "'"
tui_expect_line 3 '^\* and supervision runs smoothly\. ' \
  "'' twice: back to it again"
# At the blank line between two paragraphs: back to the blank line,
# not to the first line of the paragraph below it.
tui_keys "'" c j
tui_expect_line 4 '^\* +Paragraph 10\. ' "the blank line after paragraph 9 at the top"
tui_keys m d g
tui_keys "'" d
tui_expect_line 4 '^\* +Paragraph 10\. ' "'d: back to the blank line"
tui_resize 64 20
tui_expect_line 3 '^\* +Paragraph 10\. ' \
  "a resize then keeps the paragraph below the blank line, not the one above"
tui_keys q
tui_wait_exit >/dev/null
tui_start 60 20 -- --content "$sample" --lang en
tui_wait_for 'h: help'
tui_keys g "'" c
tui_expect_line 3 '^\* and supervision runs smoothly\. ' \
  "the next run's 'c: the same line"
tui_keys q
tui_wait_exit >/dev/null


# The position in a case is its line too, as in less's :n and :p and in
# mutt's pager: back in case 3, in this run or the next, the same line is
# at the top, not the start of its paragraph.
tui_start 60 20 -- --content "$sample" --lang en
tui_wait_for 'h: help'
tui_keys 3 Enter
tui_keys g
tui_keys ']' ']' j j j j j
tui_expect_line 3 '^\* and supervision runs smoothly\. ' \
  "again inside paragraph 9 at the top"
tui_keys 1 Enter
tui_keys 3 Enter
tui_expect_line 3 '^\* and supervision runs smoothly\. ' \
  "case 1, then case 3 again: the same line at the top"
tui_keys 1 Enter
tui_keys q
tui_wait_exit >/dev/null
tui_start 60 20 -- --content "$sample" --lang en
tui_wait_for 'h: help'
tui_keys 3 Enter
tui_expect_line 3 '^\* and supervision runs smoothly\. ' \
  "the next run's case 3: the same line"
tui_keys q
tui_wait_exit >/dev/null

tui_finish
