#!/bin/sh
# Sections: ] and [ stop at every heading level (【…】, 一、, （一）, and in
# English I. and (1)), and O shows an outline of the open case's headings,
# indented by level; Enter goes to the one chosen, Esc closes it.  The
# outline follows the text when it is laid out again under it (a
# resize, another view), and closes when another case opens.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 20

content=$top_srcdir/content
text_of () { sed 's/^[^│]*│//; s/[│ ]*$//'; }

tui_start 100 30 -- --content "$content" --lang zh
tui_wait_for 'h: help'
tui_keys 7 Enter
tui_keys ']' ']' ']'
tui_expect_eq "$(tui_line 3 | text_of)" "  一、践行“三个自觉”,切实将讲政治落到实处" \
  "] ] ]: keywords, reform situation, then the heading 一、"
tui_keys ']'
tui_expect_line 3 '│ +\(一\)从讲政治的高度' "] stops at the sub-heading (一) inside it"
tui_keys ']'
tui_expect_line 3 '│ +\(二\)以政治责任' "and at the next one"
tui_keys '['
tui_expect_line 3 '│ +\(一\)从讲政治的高度' "[ goes back one heading"
tui_keys 3 ']'
tui_expect_line 3 '│  二、以实践经验推动' "3] goes three headings on"

tui_keys O
tui_expect_line 2 'Outline of case 7' "O opens the outline"
tui_expect_has '│   一、践行“三个自觉”' "with headings of level 2 indented"
tui_expect_has '│     \(一\)从讲政治的高度' "and level 3 further"
tui_keys g j j j Enter
tui_expect_line 3 '│ +\(一\)从讲政治的高度' "Enter goes to the heading chosen"
tui_keys O
tui_keys Escape
tui_expect_not 'Outline of case' "Esc closes the outline"

tui_keys v
tui_keys g ']' ']' ']' ']'
tui_expect_line 3 '│\*? +\(1\) Strengthening' "English: ] stops at (1) too"
# At the end, where the last heading cannot come to the top, ] says so,
# and [ at the top, as other failed moves do.
tui_keys G
tui_keys ']'
tui_expect_has 'This is the last section' "] at the end says it is the last section"
tui_keys g
tui_keys '['
tui_expect_has 'This is the first section' "[ at the top says it is the first"
tui_keys q
tui_wait_exit >/dev/null

# Opened narrow, on a layout of many lines, then made wide: the outline
# kept the old layout's line numbers, past the end of the new one (a
# read out of bounds: blank headings, and Enter went elsewhere).
tui_start 40 30 -- --content "$tui_data/sample"
tui_wait_for 'h: help'
tui_keys 3 Enter
tui_keys O
# The choice is a highlight, which capture-pane -p does not show.
tui_send G k
tui_resize 200 40
tui_expect_has '│ 【Part 2】' "after a resize the outline still lists its headings"
tui_keys v
tui_expect_has '│ 【第二部分】' "and after v"
tui_keys Enter
tui_expect_line 3 '│ +【第二部分】.*【Part 2】' "Enter goes to the heading chosen before both"
tui_keys O
tui_keys :
tui_type 1
tui_keys Enter
tui_expect_not 'Outline of case' "opening another case closes the outline"
tui_keys q
tui_wait_exit >/dev/null

# The mouse wheel over the outline moves in it, as j does, three
# headings a notch: the text hidden behind it used to scroll instead.
tui_start 80 24 -- --content "$content" --lang en
tui_wait_for 'h: help'
tui_keys 7 Enter
tui_send g
tui_keys O
tui_expect_has 'Outline of case 7' "O opens the outline"
wheel_down=$(printf '\033[MaR%%')
tmx send-keys -t tui -l "$wheel_down$wheel_down$wheel_down"
tui_settle
tui_expect_line 24 ' 1/316 ' "the wheel over the outline leaves the text where it was"
tui_keys Enter
tui_expect_line 3 '│\*   \(3\) Practicing the win-win' \
  "and moves in the outline: Enter goes to the tenth heading"

tui_finish
