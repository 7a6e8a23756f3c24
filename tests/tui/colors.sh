#!/bin/sh
# Colours: hits on a coloured background by default; NO_COLOR and
# --color=never draw no colour at all and show hits in reverse video.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 7

sample=$tui_data/sample
esc=$(printf '\033')
color="$esc\\[([0-9]+;)*(3[0-7]|4[0-7])(;[0-9]+)*m"
reverse="$esc\\[([0-9]+;)*7(;[0-9]+)*m($esc\\[(39|49)m)*"

search ()
{
  tui_wait_for 'h: help'
  tui_keys /
  tui_type prisons
  tui_keys Enter
  tui_wait_for '^prisons — '
}

tui_start 100 30 -- --content "$sample"
search
tui_expect_has "${color}prisons" "by default a hit has a colour" -e
# Yellow or cyan letters on the default background cannot be read on a
# light theme: text keeps the terminal's foreground, marks have a
# background of their own.
tui_expect_not "$esc\\[([0-9]+;)*3[36](;[0-9]+)*m" \
  "no yellow or cyan text on the default background" -e
tui_keys q

tui_start 100 30 NO_COLOR=1 -- --content "$sample"
search
tui_expect_not "$color" "NO_COLOR: no colour anywhere" -e
tui_expect_has "${reverse}prisons" "NO_COLOR: hits in reverse video" -e
tui_keys q

tui_start 100 30 -- --content "$sample" --color=never
search
tui_expect_not "$color" "--color=never: no colour anywhere" -e
tui_expect_has "${reverse}prisons" "--color=never: hits in reverse video" -e
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "q quits"

tui_finish
