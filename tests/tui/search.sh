#!/bin/sh
# Searching the shipped content: open case 7, search 巡回检察 with
# highlights as you type, the count on the status line (checked against
# `casebook search --count`), n/N across cases, Esc, a bad regex, and the
# `&' limit.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 55

content=$top_srcdir/content
esc=$(printf '\033')

# What the search engine says: "DOC:HITS" lines.  Side by side shows both
# languages, so every hit is on screen and the counts must agree.
counts=$("$CASEBOOK" --content "$content" search --count 巡回检察)
total=$(printf '%s\n' "$counts" | awk -F: '{ n += $2 } END { print n }')
cases=$(printf '%s\n' "$counts" | grep -c .)
before=$(printf '%s\n' "$counts" | awk -F: '$1 < 7 { n += $2 } END { print n + 0 }')
in7=$(printf '%s\n' "$counts" | awk -F: '$1 == 7 { print $2 }')
first=$((before + 1))
state="巡回检察 — $total hits in $cases cases"

tui_start 120 40 NO_COLOR=1 -- --content "$content" --lang=both
tui_wait_for 'h: help'
tui_keys 7 Enter
tui_expect_line 1 ' 7 Guangxi' "7 opens case 7"

# None in the case open: the prompt says whether the query finds
# anything elsewhere, as it is typed.
zn=$("$CASEBOOK" --content "$content" search --count 扎赉诺尔 | grep -c .)
tui_keys /
tui_type 扎赉诺尔
tui_wait_for '\[none here'
tui_expect_line 40 "^/扎赉诺尔 .*\\[none here; in $zn cases?\\]\$" \
  "none in case 7: the prompt says how many cases have it ($zn)"
tui_keys Escape
tui_keys /
tui_type zzzqqq
tui_wait_for '\[no hits'
tui_expect_line 40 '^/zzzqqq .*\[no hits\]$' "nothing anywhere: the prompt says so"
tui_keys Escape
tui_keys /
tui_type case:6
tui_wait_for '\[1 case'
tui_expect_line 40 '^/case:6 .*\[1 case\]$' "a query of fields alone: the cases it keeps"
tui_keys Escape

# Found nowhere as typed, but Enter will search a correction: the prompt
# says which, as casebook search would show it, not "[no hits]".
fix=$("$CASEBOOK" --content "$content" search 邻进院 | sed -n \
  's/^Showing results for \([^ ]*\) (nothing found for 邻进院)$/\1/p')
tui_keys /
tui_type 邻进院
tui_wait_for '\[no hits'
tui_expect_line 40 "^/邻进院 .*\\[no hits; Enter: $fix\\]\$" \
  "a typo: the prompt names the correction Enter will search (${fix:-none})"
tui_keys Escape

# Found as typed, but some of its words nowhere: Enter searches the
# correction, so the prompt names it rather than counting what is typed.
zfix=$("$CASEBOOK" --content "$content" search 'Zhang jiagang' | sed -n \
  's/^Showing results for \([^ ]*\) (not all of Zhang jiagang is in the texts)$/\1/p')
tui_keys /
tui_type 'Zhang jiagang'
tui_wait_for '\[Enter: '
tui_expect_line 40 "^/Zhang jiagang .*\\[Enter: $zfix\\]\$" \
  "some words found nowhere: the prompt names the correction (${zfix:-none})"
tui_keys Escape

# Pinyin typed for a Chinese word: the prompt names the ideographs the
# text writes with that sound, as casebook search shows them.
pfix=$("$CASEBOOK" --content "$content" search 'xunhui jiancha' | sed -n \
  's/^Showing results for \([^ ]*\) (nothing found for xunhui jiancha)$/\1/p')
is "$pfix" 巡回检察 "the command line reads xunhui jiancha as 巡回检察"
tui_keys /
tui_type 'xunhui jiancha'
tui_wait_for '\[no hits; Enter: '
tui_expect_line 40 "^/xunhui jiancha .*\\[no hits; Enter: $pfix\\]\$" \
  "pinyin: the prompt names the same ideographs (${pfix:-none})"
tui_keys Escape

# Searching back from the top of case 7, every hit of it is below: the
# prompt says so rather than "[0/N]".
tui_keys '?'
tui_type 巡回检察
tui_wait_for '\[[0-9]+ below'
tui_expect_line 40 "^\\?巡回检察 .*\\[$in7 below\\]\$" \
  "? from the top: the prompt says the $in7 hits are below"
tui_keys Escape

tui_keys /
tui_type 巡回检察
tui_expect_line 40 '^/巡回检察' "the prompt shows what is typed"
tui_expect_has "$esc\\[[0-9;]*7m巡回检察" \
  "matches are highlighted (reverse video) while typing" -e
tui_expect_line 40 "\\[1/$in7\\]\$" \
  "the prompt line counts the hits in this case, as vim does ([1/$in7])"
# The open case is searched first; the others are counted once typing
# pauses, while the prompt waits for more keys: case 0's count is in the
# list before Enter.
in0=$(printf '%s\n' "$counts" | awk -F: '$1 == 0 { print $2 }')
tui_expect_line 3 "^  0 .* $in0│" "the other cases are counted before Enter ($in0 in case 0)"

tui_keys Enter
tui_expect_line 40 "^$state, $first/$total " \
  "Enter: the status line counts the hits ($state, $first/$total)"

tui_keys n
tui_expect_line 40 "^$state, $((first + 1))/$total " "n: the next hit"
tui_keys N
tui_expect_line 40 "^$state, $first/$total " "N: back to the previous hit"
tui_keys N
tui_expect_line 1 ' 0 Supreme People' "N before the first hit of case 7 goes to the case before"
tui_expect_line 40 "^$state, $before/$total " "and to its last hit"

# From the last hit of case 7, n wraps around to the first case with hits.
tui_keys 7 Enter
tui_keys G
k=0
while [ $k -le "$in7" ] \
      && ! tui_line 40 | grep -q "^$state, $total/$total "; do
  tui_keys n
  k=$((k + 1))
done
tui_expect_line 40 "^$state, $total/$total " "after G, n reaches the last hit of case 7"
tui_keys n
tui_expect_line 1 ' 0 Supreme People' "n after the last hit wraps to the first case"
tui_expect_line 40 "wrapped" "and says so"

# Esc restores the search and the view as they were.
# (The status line had a message, which any key clears.)
screen_before=$(tui_capture | sed -n 1,39p)
tui_keys /
tui_type 检察官
tui_keys Escape
tui_expect_eq "$(tui_capture | sed -n 1,39p)" "$screen_before" \
  "Esc cancels the prompt and restores the screen"
tui_expect_line 40 "^$state, 1/$total " "and the search"

# As a query is typed, the prompt shows in reverse where it goes wrong,
# where the command line puts its caret; an edit that mends it takes
# the mark away.
tui_keys /
tui_type '/(/'
tui_wait_for "/\\(${esc}\\[7m/" -e
prompt_e=$(tui_capture -e | tail -n 1)
case $prompt_e in
  *"/(${esc}[7m/"*) tui_ok 0 "a bad regex: the prompt marks where it goes wrong" ;;
  *) tui_ok 1 "a bad regex: the prompt marks where it goes wrong"
     printf '%s\n' "$prompt_e" | cat -v | tui_diag_stdin ;;
esac
tui_expect_eq "$(tui_cursor)" "4 39" "and the cursor stays after the text"
tui_expect_line 40 '^//\(/ .*\[invalid regular expression: missing closing' \
  "and says why where the count goes, since the prompt hides the status line"
tui_send Home
tui_settle
tui_expect_eq "$(tui_cursor)" "1 39" "or at its start, after Home"
tui_send End
tui_keys BSpace
tui_type ')x/'
tui_wait_for '^//\(\)x/'
prompt_e=$(tui_capture -e | tail -n 1)
case $prompt_e in
  *"${esc}[7m"*) tui_ok 1 "mended, the mark is gone"
     printf '%s\n' "$prompt_e" | cat -v | tui_diag_stdin ;;
  *) tui_ok 0 "mended, the mark is gone" ;;
esac
case $prompt_e in
  *"[invalid regular"*) tui_ok 1 "and so is the error"
     printf '%s\n' "$prompt_e" | cat -v | tui_diag_stdin ;;
  *) tui_ok 0 "and so is the error" ;;
esac
tui_keys Escape

# The mark covers the whole character where the error is, even when
# the offset is that of a combining accent: the accent drawn alone is
# nothing to see.
acute=$(printf '\314\201')
tui_keys /
tui_type "/(?<${acute}x>a)/"
tui_wait_for "^/.*x>a\\)/"
prompt_e=$(tui_capture -e | tail -n 1)
case $prompt_e in
  *"(?${esc}[7m<${acute}"*) tui_ok 0 "the mark covers a letter with its accent" ;;
  *) tui_ok 1 "the mark covers a letter with its accent"
     printf '%s\n' "$prompt_e" | cat -v | tui_diag_stdin ;;
esac
tui_expect_eq "$(tui_cursor)" "10 39" "and the cursor stays after the text"
tui_keys Escape

# A bad regex says why and changes nothing.
tui_keys /
tui_type '/(/'
tui_keys Enter
tui_expect_line 40 'missing|parenthes|regex|\(' "a bad regex shows its error"
tui_keys Escape
tui_expect_line 40 "^$state" "and the search is unchanged"

# & limits the list to the cases that match; an empty & shows all again.
tui_keys '&'
tui_type 巡回检察
tui_keys Enter
tui_expect_line 1 "$cases/9 cases" "& limits the list (title bar)"
list=$(tui_capture | sed -n '2,10p' | cut -c1-36 | grep -E '^[> ] [0-9] ' | awk '{ print ($1 == ">" ? $2 : $1) }' | tr '\n' ' ')
want=$(printf '%s\n' "$counts" | cut -d: -f1 | sort -n | tr '\n' ' ')
tui_expect_eq "$list" "$want" "the list shows only the matching cases"
tui_keys '&' Enter
tui_expect_not 'cases \[zh' "an empty & removes the limit"

# ? searches backward from the top line: case 7 has no hit above its top,
# so the last hit of the case before comes next; N goes forward again.
tui_keys 7 Enter
tui_keys g
tui_keys '?'
tui_type 巡回检察
tui_keys Enter
tui_expect_line 1 ' 0 Supreme People' "? from the top of case 7 goes back to case 0"
tui_expect_line 40 "^$state, $before/$total " "to its last hit"
tui_keys N
tui_expect_line 40 "^$state, $first/$total " "N after ? goes forward, to case 7"

# A case named alone is that case: / opens it, with nothing to
# highlight, and n goes to the next case a query of fields keeps.
tui_keys /
tui_type 案例六
tui_keys Enter
tui_expect_line 1 ' 6 The People' "/案例六 opens case 6"
tui_expect_line 40 '^案例六 keeps 1 case, and has no words to find' "and says why nothing is highlighted"
tui_keys / 
tui_type year:2022
tui_keys Enter n
tui_expect_line 1 ' 8 Xinjiang' "n: the next case year:2022 keeps"

# The first prompt opens the index; what that has to say (here, that the
# cache directory cannot be used) waits for what the search itself says
# (its correction), and shows at the next key.
: > "$tui_dir/not-a-directory"
# (A state of its own: none restores a search before the prompt.)
tui_start 120 40 NO_COLOR=1 "XDG_CACHE_HOME=$tui_dir/not-a-directory" \
  "XDG_STATE_HOME=$tui_dir/state-fresh" -- --content "$content"
tui_wait_for 'h: help'
tui_keys /
tui_type Hulunbiur
tui_keys Enter
tui_expect_line 40 '^Showing results for Hulunbuir \(nothing found for Hulunbiur\)' \
  "the first search's correction shows as the prompt closes"
tui_keys n
tui_expect_msg 'not using the cache directory .*Not a directory' \
  "and the index's note at the next key"
tui_keys n
tui_expect_line 40 '^Hulunbuir — ' "then the search's state again"
# A word in no text, beside words found: named, as the command line
# names it at a terminal.
tui_keys /
tui_type 'zzyzxq circuit'
tui_keys Enter
tui_expect_line 40 '^No text has zzyzxq: showing the cases with the other words' \
  "a word in no text beside found ones is named"
# A Tab typed at the prompt parts words, as a pasted one does.
tui_keys /
tui_type prison
tui_keys Tab
tui_type inspection
tui_expect_line 40 '^/prison inspection' "a Tab typed at the prompt is a space"
tui_keys Escape

# The browser's search is the command line's: words that are part of a
# glossary term are that term, and a fuzzy pinyin slip is mended.
tui_keys /
tui_type 'fast-track sentencing'
tui_keys Enter
tui_expect_line 40 '^Showing results for expedited sentencing procedure \(nothing found for fast-track sentencing\)' \
  "part of a glossary term is that term in the browser"
tui_expect_line 1 ' 3 The People' "and opens the case that has it"
tui_keys /
tui_type 减假占
tui_keys Enter
tui_expect_line 40 '^Showing results for 减假暂 \(nothing found for 减假占\)' \
  "a fuzzy pinyin slip is mended in the browser"
tui_expect_line 1 ' 7 Guangxi' "and case 7 opens"

# The prompt's hint stays while the cursor moves over the query (the
# text is the same), and Enter searches what it named.
tui_keys /
tui_type 邻进院
tui_wait_for '\[no hits'
tui_send Left Left Right
tui_expect_line 40 "^/邻进院 .*\\[no hits; Enter: $fix\\]\$" \
  "the cursor moved: the prompt still names the correction"
tui_keys Enter
tui_expect_line 40 "^Showing results for $fix \\(nothing found for 邻进院\\)" \
  "Enter searches the correction the prompt named"
tui_keys q
tui_wait_exit >/dev/null

# In traditional script the correction is named as the text reads,
# in the prompt and after Enter, as search says it.
tfix=$("$CASEBOOK" --content "$content" --script=traditional search 鄰進院 | sed -n \
  's/^Showing results for \([^ ]*\) (nothing found for 鄰進院)$/\1/p')
tui_expect_eq "$tfix" 鄰近院 "search names the correction in traditional script"
tui_start 120 40 NO_COLOR=1 -- --content "$content" --lang=both --script=traditional
tui_wait_for 'h: help'
tui_keys /
tui_type 鄰進院
tui_wait_for '\[no hits'
tui_expect_line 40 "^/鄰進院 .*\\[no hits; Enter: 鄰近院\\]\$" \
  "so does the prompt"
tui_keys Enter
tui_expect_line 40 "^Showing results for 鄰近院 \\(nothing found for 鄰進院\\)" \
  "and the status line after Enter"

tui_finish
