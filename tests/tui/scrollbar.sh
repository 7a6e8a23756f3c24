#!/bin/sh
# The text's scrollbar: a gap between the text and the bar, hit marks
# that do not look like hyphens (◇, and ◆ for the current hit), and the
# thumb -- the position -- visible even where every row has a hit mark.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 9

sample=$tui_data/sample
esc=$(printf '\033')

tui_start 80 24 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys 3 Enter
tui_keys /
tui_type 'Paragraph'
tui_keys Enter
tui_wait_for '1/24'
bar=$(tui_capture | sed -n '3,23p')
tui_expect_eq "$(printf '%s\n' "$bar" | grep -c '◆$')" 1 "one ◆ for the current hit"
[ "$(printf '%s\n' "$bar" | grep -c '◇$')" -ge 10 ]
tui_ok $? "◇ for the other hits"
tui_expect_eq "$(printf '%s\n' "$bar" | grep -vc ' [◆◇]$')" 0 \
  "a blank column between the text and the bar on every row"
# The thumb's rows keep reverse video under their marks.
thumb_rows () { tui_capture -e | sed -n '3,23p' | grep -n "$esc\\[7m◇" | cut -d: -f1 | tr '\n' ' '; }
top=$(thumb_rows)
[ -n "$top" ] && [ "${top%% *}" -le 3 ]
tui_ok $? "the thumb shows at the top, under the hit marks (rows: $top)"
# n moves the current hit to one that shares a row of the bar with the
# next hits: the ◆ must still show there.
tui_keys n n n
tui_wait_for '4/24'
bar=$(tui_capture | sed -n '3,23p')
tui_expect_eq "$(printf '%s\n' "$bar" | grep -c '◆$')" 1 \
  "after 3n, still one ◆ (not drawn over by a later hit on its row)"
tui_keys 1 7 n
tui_wait_for '21/24'
bar=$(tui_capture | sed -n '3,23p')
tui_expect_eq "$(printf '%s\n' "$bar" | grep -c '◆$')" 1 "and after 17n"
tui_keys G
bottom=$(thumb_rows)
case " $bottom " in *" 21 "*) r=0 ;; *) r=1 ;; esac
tui_ok $r "G: the thumb shows at the bottom (rows: $bottom)"
case " $bottom " in *" 2 "*) r=1 ;; *) r=0 ;; esac
tui_ok $r "and no longer at the top"
tui_expect_line 24 ' [0-9]+/176 +100%$' "the status line keeps the position"
tui_keys q
tui_wait_exit >/dev/null

tui_finish
