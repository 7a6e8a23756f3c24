#!/bin/sh
# The prompts under hostile input: a paste of tens of kilobytes is taken
# in at once (not one redraw of the whole line per character), and the
# line shows its end, where the cursor is.  On a narrow terminal a long
# label is cut so that what is typed shows.  A bracketed paste is text:
# its line breaks and escapes neither end the prompt nor run as keys,
# and outside a prompt it is ignored; the terminal is left without the
# bracketed paste mode when the browser stops or ends.  A search of
# more than 4 KiB is not kept in the history (a few pastes of megabytes
# took the state file past its limit, and every mark with it).  On a
# line too short for the query, the character under the cursor shows,
# a wide one too.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 22

sample=$tui_data/sample

tui_start 80 24 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys /
# 24 KB of words, then a marker: before, each character redrew the line
# by measuring it again from every starting point, and this took hours.
awk 'BEGIN { for (i = 0; i < 2000; i++) printf "paragraph %d ", i % 10;
             printf "PASTEEND" }' > "$tui_dir/paste"
tmx load-buffer -b paste "$tui_dir/paste"
tmx paste-buffer -b paste -t tui
tui_wait_for 'PASTEEND  \[too many terms'
tui_ok $? "a 24 KB paste at / is taken in while the test waits"
tui_expect_line 24 '^/.*paragraph 9 PASTEEND  \[too many terms: a query has at most' \
  "the prompt shows its end, and why it cannot be searched"
tui_keys Escape
tui_expect_line 24 '^h: help' "Esc closes it"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "quits with status 0"

# The label of : is 35 columns: at 30, what was typed was off screen.
tui_start 30 10 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys :
tui_type '3 §2'
tui_expect_line 10 '^Go to .*… 3 §2$' "at 30 columns : cuts its label and shows what is typed"
tui_keys Escape
tui_keys '&'
tui_type circuit
tui_expect_line 10 '^Limit to .*… circuit$' "and so does &"
tui_keys Escape
tui_resize 12 4
tui_keys :
tui_type 7
tui_expect_line 4 '^Go .*… 7$' "at 12 columns too"
tui_keys Escape
tui_keys q
tui_wait_exit >/dev/null
state=$tui_state/casebook/state

# Enter on the 24 KB paste, then on a short search.
tui_start 80 24 -- --content "$sample"
tui_wait_for 'h: help'
tmx load-buffer -b paste "$tui_dir/paste"
tui_keys /
tmx paste-buffer -b paste -t tui
tui_wait_for 'PASTEEND  \['
tui_keys Enter
tui_keys /
tui_type circuit
tui_keys Enter
tui_keys q
tui_wait_exit >/dev/null
tui_expect_eq "$(grep -c PASTEEND "$state")" 0 \
  "a 24 KB search is not kept in the history"
tui_expect_eq "$(grep -c '^history.circuit$' "$state")" 1 "a short one is"

# Two lines with an escape, pasted (tmux brackets a paste with -p when
# the program asked for it): before, the line break accepted the
# search, and the q of the second line quit the browser.
printf 'circuit inspection\nquarterly\033 report\tq' > "$tui_dir/lines"
tui_start 80 24 -- --content "$sample"
tui_wait_for 'h: help'
tmx load-buffer -b lines "$tui_dir/lines"
tui_keys /
tmx paste-buffer -p -b lines -t tui
tui_wait_for 'report q'
tui_expect_line 24 '^/circuit inspection quarterly report q( +\[.*\])?$' \
  "a pasted line break and tab are spaces, the escape left out"
# The paste is searched when it ends, not at the next key: its last
# character's search waited for the paste's end marker.
printf 'circuit' > "$tui_dir/word"
tmx load-buffer -b word "$tui_dir/word"
tui_keys Escape
sleep 0.1
tui_keys /
tmx paste-buffer -p -b word -t tui
tui_wait_for '^/circuit +\[1/[0-9]+\]$'
tui_expect_line 24 '^/circuit +\[1/[0-9]+\]$' \
  "a pasted word is searched and its hits counted when the paste ends"
tui_keys Escape
tmx paste-buffer -p -b lines -t tui
tui_wait_for 'Pasted text'
tui_expect_line 24 '^Pasted text is taken only at a prompt' \
  "pasted with no prompt open, it is ignored and said so"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "and q still quits with status 0"

# A paste that the terminal feeds with a pause longer than the browser's
# wait for a key (one second): the paste was taken to have ended, its
# line break was Enter, and its q quit (a paste of hundreds of kilobytes
# in tmux).  It ends when the input has been quiet for five.
tui_start 80 24 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys /
tmx send-keys -t tui -l "$(printf '\033[200~circuit')"
sleep 1.6
tmx send-keys -t tui -l "$(printf '\nq\033[201~')"
tui_wait_for 'circuit q'
tui_expect_line 24 '^/circuit q( +\[.*\])?$' \
  "a paste with a pause of 1.6 s: its line break is a space, its q text"
tui_keys Escape
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "and q after it quits"

# The bracketed paste is off again at Ctrl-Z and at the end: cat -v
# shows a paste with no ^[[200~ around it.
printf 'hello' > "$tui_dir/hello"
tui_start_shell 80 24
tmx load-buffer -b hello "$tui_dir/hello"
tui_type "'$CASEBOOK' --content '$sample'"
tui_keys Enter
tui_wait_for 'h: help'
tui_keys C-z
tui_wait_for 'tui\$ ?$'
tui_type 'cat -v'
tui_keys_same Enter
tmx paste-buffer -p -b hello -t tui
tui_keys Enter
tui_expect_not '20[01]~' "while the browser is stopped a paste is plain"
tui_keys C-d
tui_wait_for 'tui\$ ?$'
tui_type fg
tui_keys Enter
tui_wait_for 'h: help'
tui_keys /
tmx paste-buffer -p -b hello -t tui
tui_wait_for '^/hello'
tui_expect_line 24 '^/hello( +\[.*\])?$' "after fg a paste goes to the prompt again"
tui_keys Escape
tui_keys q
tui_wait_for 'tui\$ ?$'
tui_type 'cat -v'
tui_keys_same Enter
tmx paste-buffer -p -b hello -t tui
tui_keys Enter
tui_keys C-d
tui_expect_not '20[01]~' "after the browser ends a paste is plain"

# A line too short for the query: ← onto a wide character at the right
# edge kept the view where it was and drew the line without it (no room
# for its second column), so the cursor sat on a blank.
tui_start 21 10 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys /
tui_type 'a监督检察院监督检察院监督检察院'
tui_send Left
tui_expect_line 10 '^/<.*检察院$' "← at the edge: the wide character under the cursor shows"
tui_expect_eq "$(tui_cursor)" "18 9" "and the cursor is on it"
tui_expect_eq "$(tui_line 10 | cut -c1-2)" "/<" \
  "a < after the / marks the text scrolled off to the left"
tui_send Home
tui_expect_line 10 '^/a监督' "Home: the start of the text, and no mark"
tui_keys Escape
tui_keys q

tui_finish
