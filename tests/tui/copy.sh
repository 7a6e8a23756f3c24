#!/bin/sh
# y copies the paragraph at the top of the text with its citation in the
# form lawyers use: into tmux's buffer in tmux (whatever set-clipboard
# says), through OSC 52 where the terminal takes it, else to
# $XDG_STATE_HOME/casebook/clipboard.txt with a message saying where.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 26

content=$top_srcdir/content

# copied PREFIX DESCRIPTION: the clipboard (tmux's buffer, kept in $buf
# for the checks after) starts with PREFIX.
copied () {
  buf=$(tmx show-buffer 2>/dev/null)
  case $buf in
    "$1"*) r=0 ;;
    *) r=1; tui_diag "$buf" ;;
  esac
  tui_ok $r "$2"
}

tui_start 100 30 -- --content "$content" --lang zh
tmx set-option -g set-clipboard on
tui_wait_for 'h: help'
tui_keys 7 Enter
tui_keys ']' ']' ']' ']'
tui_expect_line 3 '\(一\)从讲政治的高度' "at paragraph (一) of case 7"
tui_keys y
tui_expect_line 30 '^Copied paragraph 3 of case 7' "y says what it copied"
copied "(一)从讲政治的高度" "the clipboard holds the paragraph"
printf '%s\n' "$buf" | grep -qx '最高人民检察院《第三批全国检察机关检察改革典型案例》（2022年7月14日发布）案例七 第3段'
tui_ok $? "and its citation: 最高人民检察院《…典型案例》（2022年7月14日发布）案例七 第3段"
# The Chinese title and publisher are the project's translation
# (title.zh.tr): the copy says so, as cite does.
printf '%s\n' "$buf" | tail -1 | grep -qx '（案例集标题、发布机关为 casebook 项目译文，非发布稿原文）'
tui_ok $? "and a line saying its title and publisher are the project's translation"
# A range: V at (一), then ] ] to (三), then y.
tui_keys V
tui_expect_line 30 '^Range from paragraph 3: y copies' "V starts a range and says so"
tui_keys ']' ']'
tui_keys y
tui_expect_line 30 '^Copied paragraphs 3-5 of case 7' "y copies the range"
buf=$(tmx show-buffer 2>/dev/null)
printf '%s\n' "$buf" | grep -q '^(二)以政治责任' \
  && printf '%s\n' "$buf" | grep -qx '最高人民检察院《第三批全国检察机关检察改革典型案例》（2022年7月14日发布）案例七 第3至5段'
tui_ok $? "with every paragraph of it, and the citation 第3至5段"
# Side by side, both languages are on the screen and one is copied: y
# says which.  (v v again back to the Chinese view.)
tui_keys v
tui_keys v
tui_keys y
tui_expect_line 30 '^Copied paragraph [0-9]* of case 7 in Chinese with its citation' \
  "side by side: y says which language it copied"
tui_keys v
tui_keys v
# Near its end the case cannot have ¶15 at the top of the pane; what was
# gone to is still what = names and y copies, not the paragraph whose
# last lines are at the top.
tui_keys :
tmx send-keys -t tui -l '7 ¶15'
tui_keys Enter
tui_keys =
tui_expect_line 30 '^Case 7, section 3/3 【典型意义】, paragraph 1/1 \(¶15\),' \
  "= names the paragraph gone to near the end of the case, and its number in a citation"
tui_keys y
buf=$(tmx show-buffer 2>/dev/null)
printf '%s\n' "$buf" | grep -q '^广西检察机关不断深化' \
  && printf '%s\n' "$buf" | grep -qx '最高人民检察院《第三批全国检察机关检察改革典型案例》（2022年7月14日发布）案例七 第15段'
tui_ok $? "and y copies it, cited as 第15段"
# A key that would scroll but cannot (Space and G at the end) moves
# nothing, and leaves ¶15 the paragraph = names and y copies.
tui_keys_same Space
tui_keys_same G
tui_keys =
tui_expect_line 30 '^Case 7, section 3/3 【典型意义】, paragraph 1/1 \(¶15\),' \
  "Space and G at the end leave the paragraph gone to current"
tui_keys k
tui_keys =
tui_expect_line 30 '^Case 7, section 2/3 【改革情况】, paragraph 11/14 \(¶11\),' \
  "a scroll that moves makes the top paragraph current"
tui_keys q
tui_wait_exit >/dev/null

# tmux's default, set-clipboard external, drops an application's
# OSC 52: the copy goes into tmux's buffer all the same.  (From here the
# case opens where the last run left it, paragraph 3 perhaps: g and ]
# may leave the screen as it was, and are sent without waiting for a
# change.)
tui_start 100 30 -- --content "$content" --lang zh
tmx set-option -g set-clipboard external
tui_wait_for 'h: help'
tui_keys 7 Enter
tui_send g ']' ']' ']' ']'
tui_keys y
tui_expect_line 30 '^Copied paragraph 3 of case 7' "set-clipboard external: y says it copied"
copied "(一)从讲政治的高度" "and tmux's buffer holds the paragraph"
tui_keys q
tui_wait_exit >/dev/null

# A tmux that never answers (here one that reads nothing and sleeps):
# after two seconds the copy goes the other ways, and the browser goes on.
mkdir -p "$tui_dir/hung"
printf '#!/bin/sh\nexec sleep 60\n' >"$tui_dir/hung/tmux"
chmod +x "$tui_dir/hung/tmux"
tui_start 200 30 TERM=screen-256color "PATH=$tui_dir/hung:$PATH" -- --content "$content"
tui_wait_for 'h: help'
tui_keys 7 Enter
tui_send g ']' ']' ']' ']'
tmx send-keys -t tui y
tui_wait_for 'No clipboard in this terminal'
tui_expect_line 30 "^No clipboard in this terminal: paragraph 3" \
  "a tmux that does not answer: given up on, and the copy goes to a file"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "and the browser still quits with status 0"

# screen's terminfo entry has no Ms, and this is not tmux: the copy goes
# to a file.
tui_start 200 30 TERM=screen-256color -TMUX -- --content "$content"
tui_wait_for 'h: help'
tui_keys 7 Enter
tui_send g ']' ']' ']' ']'
tui_keys y
tui_expect_line 30 "^No clipboard in this terminal: paragraph 3 with its citation is in $tui_state/casebook/clipboard.txt" \
  "without OSC 52: a message says which file holds the copy"
grep -q '^Supreme People.s Procuratorate, "The third batch of typical cases of procuratorial reform of national procuratorial organs" (released 14 July 2022), Case 7, para. 3$' \
  "$tui_state/casebook/clipboard.txt"
tui_ok $? "the file holds the English citation"
head -c 40 "$tui_state/casebook/clipboard.txt" | grep -q '^(1) Strengthening'
tui_ok $? "after the paragraph"
# Case 7's English is the project's translation: the copy says so, so
# that it is never pasted as the procuratorate's words.
grep -qx "\[Translated by the casebook project; not the release's own text\]" \
  "$tui_state/casebook/clipboard.txt"
tui_ok $? "a line after the citation says the English is the project's translation"
tui_keys q
tui_wait_exit >/dev/null

# E shows the project's revision of case 1's English: y copies what is
# on the screen, and says whose wording it is.  Without $TMUX the copy
# is the OSC 52 sequence, which tmux takes with set-clipboard on.
tui_start 100 30 -TMUX -- --content "$content" --lang en
tmx set-option -g set-clipboard on
tui_wait_for 'h: help'
tui_keys : 1 Space s 2 Space p 3 Enter
tui_keys E
tui_expect_line 3 'Hulunbuir covers an area of 250,000' "E: case 1, paragraph 3, revised"
tui_keys y
copied "Hulunbuir covers an area of 250,000 square kilometers and has a permanent population of less than 2.3 million. It has" \
  "y copies the revised English that is on the screen"
printf '%s\n' "$buf" | grep -qx "\[Revised by the casebook project; not the release's own text\]"
tui_ok $? "and says it is the project's revision"
tui_keys q
tui_wait_exit >/dev/null

# In traditional script, what is copied is OpenCC's conversion: the
# copy says so after its citation, as cite prints it.
tui_start 100 30 -- --content "$content" --lang zh --script=traditional
tmx set-option -g set-clipboard on
tui_wait_for 'h: help'
tui_keys : 6 Space p 1 Enter
tui_keys y
buf=$(tmx show-buffer 2>/dev/null)
note=$("$CASEBOOK" --content "$content" --lang zh --script=traditional cite 6 '¶1' | tail -1)
printf '%s\n' "$buf" | grep -q '案例六 第1段$' && [ -n "$note" ] \
  && [ "$(printf '%s\n' "$buf" | tail -1)" = "$note" ]
r=$?
[ $r = 0 ] || tui_diag "$buf"
tui_ok $r "traditional script: y's copy ends with the note cite prints ($note)"
tui_expect_eq "$buf" \
  "$("$CASEBOOK" --content "$content" --lang zh --script=traditional cite 6 '¶1')" \
  "and is what cite prints, blank lines and all"
tui_keys q
tui_wait_exit >/dev/null

tui_finish
