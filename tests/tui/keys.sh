#!/bin/sh
# Keys that do not misfire: whole escape sequences are read (End sent as
# "ESC [ 4 ~" must not open case 4, an unknown one is one "Key not bound",
# never its bytes run as keys), every common form of Home, End, PgUp and
# PgDn works, a Down arrow split by 60 ms of latency is still Down (not
# `['), digits are a count (10j, 12G, 3n, 12 Enter), `:' and `o' go to
# any case number or to a place "7 §1 ¶12", Ctrl-C in a prompt cancels
# the prompt and not the program, and the prompt deletes a letter with
# its accent in one step; Alt+key is one key, never Esc and the key;
# an unbound function key is named as not bound, a key with modifiers
# by the name bind takes (C-Left); Ctrl-S does not stop the screen.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 58

sample=$tui_data/sample

# raw HEX...: send bytes as they come from the terminal, then settle.
raw () { tmx send-keys -t tui -H "$@"; tui_settle; }
pos () { tui_line 30 | sed -n 's/.* \([0-9]*\)\/127 .*/\1/p'; }

for term in xterm-256color screen-256color; do
  tui_start 100 30 TERM=$term -- --content "$sample"
  tui_wait_for 'h: help'
  tui_keys 3 Enter
  raw 1b 5b 34 7e                       # ESC [ 4 ~
  tui_expect_line 1 ' 3 Zhangjiagang' "$term: ESC [4~ does not open case 4"
  tui_expect_line 30 '101/127 100%$' "$term: ESC [4~ is End"
  raw 1b 5b 31 7e                       # ESC [ 1 ~
  tui_expect_line 1 ' 3 Zhangjiagang' "$term: ESC [1~ does not open case 1"
  tui_expect_eq "$(pos)" 1 "$term: ESC [1~ is Home"
  tmx send-keys -t tui q
  tui_wait_exit >/dev/null
done

tui_start 100 30 TERM=xterm-256color -- --content "$sample"
tui_wait_for 'h: help'
tui_keys 3 Enter
got=
for seq in '1b 5b 38 7e' '1b 5b 37 7e' '1b 5b 46' '1b 5b 48' '1b 4f 46' \
           '1b 4f 48' '1b 5b 36 7e' '1b 5b 35 7e'; do
  raw $seq
  got="$got $(pos)"
done
tui_expect_eq "$got" " 101 1 101 1 101 1 27 1" \
  "[8~ [7~ [F [H OF OH [6~ [5~ are End, Home, End, Home, End, Home, PgDn, PgUp"

raw 1b 5b 39 39 3b 35 7e                # ESC [ 99;5 ~
tui_expect_line 30 '^Key not bound' "an unknown sequence says 'Key not bound'"
tui_expect_line 1 ' 3 Zhangjiagang' "and none of its bytes runs as a key"
raw 1b 5b 3f 32 30 30 34 3b 31 78     # ESC [ ?2004;1x, unknown and long
tui_expect_line 30 '^Key not bound' "a long unknown sequence is one unbound key"
# A key with a modifier the terminal's description has no name for is
# no plain key: Ctrl-Home as ESC [1;5~, Meta-Up as ESC [1;9A.
tui_keys 1 0 j
raw 1b 5b 31 3b 35 7e                   # ESC [ 1;5 ~
raw 1b 5b 31 3b 39 41                   # ESC [ 1;9 A
raw 1b 5b 34 3b 35 7e                   # ESC [ 4;5 ~
tui_expect_eq "$(pos):$(tui_line 30 | grep -c '^Key not bound')" "11:1" \
  "modified Home, Up and End run as none of them"
tui_keys g

tui_keys x
tui_expect_line 30 '^Key x is not bound \(h: help\)' "a letter that does nothing says so"
# Ctrl-S is a key, not the tty's flow control: with it, the screen
# stopped (the browser looked hung) until Ctrl-Q.  Not 30 s to see it.
tui_send C-s
_polls=$tui_polls
tui_polls=40
tui_keys w
tui_polls=$_polls
tui_expect_line 30 '^Key w is not bound' "after Ctrl-S the screen still shows what a key does"
# Esc with a key right behind it (Alt+key, tmux's M-G) is one key, not
# Esc and then the key: not bound, at the prompt too, where the prompt
# and its text stay; a lone Esc still closes the prompt.
tui_keys M-G
tui_expect_line 30 '^Key M-G is not bound \(h: help\)' "Alt+G is one key, and not bound"
tui_expect_eq "$(pos)" 1 "and not G: the text stays at the top"
# A function key that does nothing says so too, naming it.
tui_keys F5
tui_expect_line 30 '^Key F5 is not bound \(h: help\)' "F5 does nothing, and says so"
tui_keys F12
tui_expect_line 30 '^Key F12 is not bound \(h: help\)' "so does F12"
tui_keys IC
tui_expect_line 30 '^Key Insert is not bound \(h: help\)' "and Insert"
# Keys with modifiers that terminfo lists (tmux-256color's kLFT5 and the
# like, codes past KEY_MAX) are named as bind names them, not by their
# code: "Key <543>" said nothing.
tui_keys C-Left
tui_expect_line 30 '^Key C-Left is not bound \(h: help\)' "Ctrl-Left is named C-Left"
tui_keys M-Up
tui_expect_line 30 '^Key M-Up is not bound \(h: help\)' "Alt-Up is named M-Up"
tui_keys C-S-Right
tui_expect_line 30 '^Key C-S-Right is not bound \(h: help\)' "Ctrl-Shift-Right is C-S-Right"
tui_keys C-Home
tui_expect_line 30 '^Key C-Home is not bound \(h: help\)' "Ctrl-Home is named C-Home"
tui_keys S-DC
tui_expect_line 30 '^Key S-Delete is not bound \(h: help\)' "Shift-Delete is named S-Delete"
tui_keys /
tui_type 'Paragraph'
tmx send-keys -t tui M-b
tmx send-keys -t tui M-q
tui_type 'x'
tui_expect_line 30 '^/Paragraphx' "Alt+b and Alt+q at the search prompt keep the prompt and its text"
tui_keys Escape
tui_expect_eq "$(pos)" 1 "a lone Esc still closes the prompt, where the view was"
tui_keys 1 0 j
tui_expect_eq "$(pos)" 11 "10j moves ten lines"
tmx send-keys -t tui -H 1b
sleep 0.06
raw 5b 42                               # the rest of Down, 60 ms late
tui_expect_eq "$(pos)" 12 "a Down arrow split after ESC by 60 ms moves one line"
tmx send-keys -t tui -H 1b 5b
sleep 0.06
raw 42
tui_expect_eq "$(pos)" 13 "... and split after ESC ["
tui_keys 1 2 G
tui_expect_eq "$(pos)" 12 "12G goes to line 12"
tui_keys 4 0 k
tui_expect_eq "$(pos)" 1 "40k stops at the top"

tui_keys /
tui_type 'Paragraph'
tui_keys Enter
tui_expect_line 30 'Paragraph — 24 hits in .*, 1/24' "a search, on hit 1"
tui_keys 3 n
tui_expect_line 30 'Paragraph — 24 hits in .*, 4/24' "3n goes three hits on"

tui_keys :
tui_expect_line 30 '^Go to' "':' opens the go-to prompt"
tui_type '3 §2 ¶3'
tui_keys Enter
tui_expect_line 3 '\* +Paragraph 11\. ' "':3 §2 ¶3' shows paragraph 3 of section 2"
tui_keys o
tui_type '1'
tui_keys Enter
tui_expect_line 1 ' 1 Guangxi' "'o1' opens case 1"
tui_keys :
tui_type '9'
tui_keys Enter
tui_expect_line 30 '^There is no case 9' "a case that does not exist is reported"
# So is a place that the case does not have, and the view stays.
tui_keys :
tui_type '3 ¶999'
tui_keys Enter
tui_expect_msg 'Case 3 has no ¶999' "a place case 3 does not have is reported"
tui_expect_line 1 ' 1 Guangxi' "and case 1 stays open"
tui_keys :
tui_type '3 §99'
tui_keys Enter
tui_expect_line 1 ' 1 Guangxi' "so does it for a section case 3 does not have"
tui_keys :
tui_type '3 ¶11'
tui_keys Enter
tui_expect_line 3 '\* +Paragraph 11\. ' "':3 ¶11' shows paragraph 11 as citations number it"
tui_keys :
tui_type '3 §x'
tui_keys Enter
tui_expect_line 29 '^not a place: 3 §x' "a place that cannot be parsed is reported"
# A message wider than the status line is wrapped over the line above
# it, not cut before it says what to write.
tui_expect_line 30 '7 ¶15\) +[0-9]+/[0-9]+ +[0-9]+%$' "its end is on the status line, beside the position"
tui_keys 3 Enter
tui_expect_line 1 ' 3 Zhangjiagang' "3 Enter opens case 3"

tui_keys /
tui_type 'abc'
tui_keys C-c
tui_expect_line 30 '100%$|[0-9]+/127' "Ctrl-C closes the search prompt"
tui_expect_not '^/abc' "and its text is gone"
tui_keys :
tui_type '12'
tui_keys C-c
tui_expect_not '^Go to' "Ctrl-C closes the go-to prompt"
tui_keys 4 2
tui_keys C-c
tui_expect_line 30 '^Paragraph — ' "Ctrl-C drops a count (42 no longer shows)"

# A letter with a combining accent is one cluster: one Backspace deletes
# it whole, and one Left steps over it.
tui_keys /
tui_type "$(printf 'ae\314\201')"
tui_keys BSpace
tui_expect_line 30 '^/a *(\[[^]]*\])?$' "Backspace deletes e and its combining accent together"
tui_type "$(printf 'e\314\201')"
tmx send-keys -t tui Left
tui_type 'x'
tui_expect_eq "$(tui_line 30 | sed 's/ *\[[^]]*\]$//; s/ *$//')" "$(printf '/axe\314\201')" \
  "Left steps over e and its accent: x goes before them (/ax, then é)" 
tui_keys Escape
# So is a flag, two regional indicators (which libunistring 1.0 takes
# apart): one Backspace deletes the flag of Japan whole, and one Left
# steps over that of China.
tui_keys /
tui_type "$(printf 'a\360\237\207\250\360\237\207\263\360\237\207\257\360\237\207\265')"
tui_keys BSpace
tui_expect_eq "$(tui_line 30 | sed 's/ *\[[^]]*\]$//; s/ *$//')" \
  "$(printf '/a\360\237\207\250\360\237\207\263')" "Backspace deletes a flag whole"
tmx send-keys -t tui Left
tui_type 'x'
tui_expect_eq "$(tui_line 30 | sed 's/ *\[[^]]*\]$//; s/ *$//')" \
  "$(printf '/ax\360\237\207\250\360\237\207\263')" "Left steps over a flag whole"
tui_keys Escape
# A resize while an ESC waits for the rest of its sequence is still a
# resize.
tmx send-keys -t tui -H 1b
tmx resize-window -t tui -x 90 -y 30
sleep 0.4                               # longer than the wait after ESC
tui_settle
tui_expect_eq "$(tui_line 30 | tr -d "\\n" | wc -m)" 89 \
  "a resize right after ESC is seen: the status line fills 89 of 90 columns (never the corner)"
tui_expect_line 30 '[0-9]+%$' "with the position whole at its right end"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "the browser is still running, q quits with status 0"

# Any number, not only 0-9.
many=$tui_dir/many
mkdir "$many"
cp "$sample/collection.cb" "$many/"
for n in 12 105; do
  printf 'casebook-format: 1\nnumber: %s\ntitle.en: Case number %s\ntitle.zh.tr: 案例%s\n\nen: Text of case %s.\nzh.tr: 案例%s的正文。\n' \
    $n $n $n $n $n > "$many/$n.cb"
done
tui_start 100 30 -- --content "$many"
tui_wait_for 'h: help'
tui_keys :
tui_type '105'
tui_keys Enter
tui_expect_line 1 ' 105 Case number 105' "':105' opens case 105"
tui_keys 1 2 Enter
tui_expect_line 1 ' 12 Case number 12' "12 Enter opens case 12"
tui_keys q
tui_wait_exit >/dev/null

tui_finish
