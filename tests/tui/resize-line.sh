#!/bin/sh
# A resize keeps the reader's place as less does: the line at the top
# holds the text that began the top line before (the view kept only the
# paragraph, and jumped back to its first line).  The place is where the
# reader left it, not where the last layout put it, so that a storm of
# quick resizes does not drift, and the same size again shows the same
# line.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 10

sample=$tui_data/sample

# The top line of the text (row 3), without the translation mark and
# the scrollbar.
top_text () { tui_line 3 | sed -E 's/^[* ]+//; s/ +[│◇◆]?$//'; }

# Resize to each W H given, in one tmux command (no waiting between).
storm ()
{
  _cmds=
  while [ $# -gt 1 ]; do
    _cmds="$_cmds resize-window -t tui -x $1 -y $2 \\;"
    shift 2
  done
  eval tmx $_cmds
}

tui_start 40 20 NO_COLOR=1 -- --content "$sample" --lang en
tui_wait_for 'h: help'
tui_keys 3 Enter
tui_keys ']'
tui_keys ']'
tui_keys j j
tui_expect_line 3 'Paragraph 9\. The reform of the' "40x20: paragraph 9 at the top"
tui_keys j j j
before=$(top_text)
tui_expect_eq "$before" "deepening, the quality and" "j j j: its fourth line at the top"

tui_resize 60 20
tui_expect_line 3 'deepening,' "60x20: the line holding 'deepening,' at the top"
tui_expect_not 'Paragraph 9\.' "not the paragraph's first line"

storm 35 15 90 30 45 12 120 40 30 8 70 25 38 18
tui_resize 40 20
tui_wait_for '^ Browser'
tui_expect_eq "$(top_text)" "$before" "after a storm of 7 resizes, 40x20: the same top line"
storm 50 20 41 20 39 20 55 22 40 20 44 21 42 19 60 30 35 10 80 24 \
      33 16 47 23 52 20 36 14 40 20 58 27 31 12 66 30 43 17 49 21
tui_resize 40 20
tui_wait_for '^ Browser'
tui_expect_eq "$(top_text)" "$before" "and after 20 more"

# Scrolling after a resize sets the place anew.
tui_resize 60 20
tui_keys j
moved=$(top_text)
tui_resize 40 20
first=$(printf '%s\n' "$moved" | cut -d' ' -f1)
tui_expect_line 3 "$first" "j at 60x20, then 40x20: the line holding '$first'"

# The Chinese the same.
tui_keys q
tui_wait_exit >/dev/null
tui_start 40 20 NO_COLOR=1 -- --content "$sample" --lang zh
tui_wait_for 'h:'
tui_keys 3 Enter
tui_keys ']'
tui_keys ']'
tui_keys j j j j
zh=$(top_text)
tui_diag "the Chinese top line: $zh"
tui_resize 64 20
ch=$(printf '%s\n' "$zh" | sed 's/^\(.\).*/\1/')
tui_expect_line 3 "$ch" "Chinese, 64x20: the line holding '$ch' at the top"
storm 30 10 100 30 47 15
tui_resize 40 20
tui_wait_for '^ '
tui_expect_eq "$(top_text)" "$zh" "Chinese: after resizes, the same top line"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "quits with status 0"
tui_finish
