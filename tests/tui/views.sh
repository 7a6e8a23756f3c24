#!/bin/sh
# Views: v cycles Chinese, English, side by side and interleaved; side by
# side starts each paragraph pair on the same row, also after scrolling;
# the mouse selects a case and the wheel scrolls.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 15

sample=$tui_data/sample

# pairs: the rows that start a Chinese paragraph (第N段) and whether the
# English one (Paragraph N.) starts on the same row.  Prints "N:ok" or
# "N:bad" for each.
pairs ()
{
  tui_capture | awk '
    BEGIN { split("一 二 三 四 五 六 七 八 九 十", d, " ")
            for (i = 1; i <= 10; i++) num[d[i]] = i
            for (i = 1; i <= 9; i++) num["十" d[i]] = 10 + i
            for (i = 1; i <= 9; i++) num["二十" d[i]] = 20 + i
            num["二十"] = 20 }
    match($0, /第[一二三四五六七八九十]+段/) {
      n = num[substr($0, RSTART + 3, RLENGTH - 6)]
      print n ":" (index($0, "Paragraph " n ".") ? "ok" : "bad")
    }'
}

tui_start 100 30 -- --content "$sample" --lang=both
tui_wait_for 'h: help'
tui_expect_line 1 '\[zh\|en\] *$' "--lang=both starts side by side"
tui_keys 3 Enter
tui_expect_screen side-by-side-100x30 "side by side: Chinese | English, marks on the translation"
p=$(pairs | tr '\n' ' ')
tui_expect_eq "$p" "1:ok 2:ok 3:ok " "each paragraph pair starts on one row"
tui_keys Space
tui_keys j j j
p=$(pairs)
ok=$(printf '%s\n' "$p" | grep -c ok)
bad=$(printf '%s\n' "$p" | grep -c bad)
[ "$ok" -ge 2 ] && [ "$bad" -eq 0 ]
tui_ok $? "after scrolling, the pairs still start on one row ($(echo $p))"

tui_keys v
tui_expect_line 1 '\[zh\+en\] *$' "v: interleaved"
tui_expect_has '^ *│ +第[一二三四五六七八九十]+段' "interleaved: the Chinese paragraph"
tui_keys v
tui_expect_line 1 '\[zh\] *$' "v: Chinese"
tui_expect_not 'Paragraph [0-9]' "the Chinese view has no English paragraphs"
tui_keys v
tui_expect_line 1 '\[en\] *$' "v: English"
tui_expect_not '第[一二三四五六七八九十]+段' "the English view has no Chinese paragraphs"

# The mouse (X10 encoding): a click on the second row of the list (row 4
# of the screen, column 5) opens case 2; the wheel scrolls the text.
tui_type "$(printf '\033[M %%$\033[M#%%$')"
tui_expect_line 1 ' 2 Hulunbuir' "a click in the list opens that case"
# (Column 51 is in the text pane.)
tui_keys 3 Enter
text_of () { sed 's/^[^│]*│//; s/[│ ]*$//'; }
fifth=$(tui_line 6 | text_of)
tui_type "$(printf '\033[MaS#')"
tui_expect_eq "$(tui_line 3 | text_of)" "$fifth" \
  "the wheel scrolls the text down three lines"
tui_expect_line 5 '^> 3 Jiangsu' "and leaves the list alone"
tui_keys q
tui_wait_exit >/dev/null

# At 12 columns the side-by-side view has no room for two columns and
# lays the languages out one under the other: its header is then the
# interleaved view's, after the focus marker.  (The right column's
# label, "English", was drawn over the marker, above the Chinese.)
tui_start 12 8 -- --content "$top_srcdir/content" --lang=both
tui_wait_for '1/'
tui_keys Tab
tui_keys 7 Enter
tui_expect_line 3 '^  广西检察' "12 columns, side by side: the Chinese first, alone on its row"
tui_expect_line 2 '^▶ ' "the header keeps the focus marker"

tui_finish
