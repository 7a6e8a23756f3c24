#!/bin/sh
# Content with control characters: an ESC in a paragraph is drawn as ^[,
# never sent to the terminal (which would turn the rest red).
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 13

esc=$(printf '\033')

tui_start 80 24 -- --content "$tui_data/esc"
tui_wait_for 'h: help'
tui_expect_has 'before\^\[\[31mafter' "English: the ESC shows as ^["
tui_expect_not "${esc}\\[31m" "no red from the content reaches the terminal" -e
tui_keys v
tui_expect_line 1 '\[zh\|en\]' "side by side"
tui_expect_has '之前\^\[\[31m之后.*before\^\[\[31maft' "both sides show ^[ and stay aligned"
# y copies the paragraph as casebook cite prints it, the ESC named: a
# paste puts no escape sequence into a terminal or a shell.
tui_keys y
tui_expect_line 24 '^Copied paragraph 1 of case 1' "y copies the paragraph"
buf=$(tmx show-buffer 2>/dev/null)
case $buf in
  *"$esc"*) tui_ok 1 "the copy holds ^[, not the ESC itself"
            printf '%s\n' "$buf" | cat -v | tui_diag_stdin ;;
  'before^[[31mafter'*) tui_ok 0 "the copy holds ^[, not the ESC itself" ;;
  *) tui_ok 1 "the copy holds ^[, not the ESC itself"
     printf '%s\n' "$buf" | cat -v | tui_diag_stdin ;;
esac
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "quits with status 0"

# Format characters (TAG characters, invisible operators, soft hyphen,
# annotation marks), private-use and unassigned code points: each is
# named, in the list, the tags pane and the text.
tui_start 120 30 -- --content "$tui_data/invisible" --lang en
tui_wait_for 'h: help'
tui_expect_has 'Tag<U\+E0068><U\+E0069><U\+E0064><U\+E0065> title' "TAG characters in a title are named in the list"
tui_expect_has 'func<U\+2062>tion \(隐<U\+2061>藏\)' "invisible operators in keywords are named in the tags pane"
tui_expect_has 'Annotation <U\+FFF9>anchor<U\+FFFA>text<U\+FFFB>, private <U\+E000>' "annotation marks and private use are named in the text"
tui_expect_has 'unassigned <U\+0378> here, deprecated <U\+206A>swap<U\+206F>' "unassigned and deprecated format characters are named"
LC_ALL=C.UTF-8 tui_capture | grep -aqP '[\p{Cf}\p{Co}\p{Cn}]'
tui_ok $((1 - $?)) "nothing invisible reaches the screen"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "quits with status 0"

tui_finish
