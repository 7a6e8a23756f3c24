#!/bin/sh
# The tags pane (Enter searches tag: and limits the list; t shows all
# tags with their counts), the help screen, = and marks.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 27

sample=$tui_data/sample

tui_start 100 30 -- --content "$sample"
tui_wait_for 'h: help'
tui_expect_has '^ circuit inspection \(巡回检察\)' "the tags pane shows case 1's keywords with their other rendering"
tui_keys Tab Tab
tui_keys Enter
tui_expect_line 1 '2/3 cases' "Enter on a tag limits the list"
tui_expect_line 30 '^tag:"circuit inspection" — 2 hits in 2 cases, 1/2 ' "and searches tag:"
tui_expect_not '^  3 Jiangsu' "case 3 has not that tag"
tui_keys t
tui_expect_has '^ circuit inspection \(巡回检察?\)? +2│' "t: all tags, with their case counts"
tui_expect_has '^ adjacent courts \(相邻法院\) +1│' "including the other cases' tags"
tui_keys '&' Enter
tui_expect_has '^  3 Jiangsu' "an empty & shows every case again"

tui_keys h
tui_expect_screen help-100x30 "h shows the help screen"
tui_keys Escape
tui_expect_line 30 'circuit inspection' "Esc closes it"

tui_keys 3 Enter
tui_keys ']' ']'
tui_keys =
tui_expect_line 30 '^Case 3, section 2/3 【Part 2】, line [0-9]+/' "= says where we are"
tui_keys m b
tui_keys g
tui_keys "'" b
tui_expect_has '│\* 【Part 2】' "' b returns to mark b"
tui_keys 1 Enter
tui_keys "'" "'"
tui_expect_line 1 ' 3 Zhangjiagang' "'' returns to where we were before the jump"
# Line editing in the prompt.
tui_keys /
tui_type 'abc def'
tui_keys C-w
tui_expect_line 30 '^/abc *(\[[^]]*\])?$' "^W deletes the word before the cursor"
tui_type X
tui_expect_eq "$(tui_cursor)" "6 29" "the cursor follows the text"
tui_send Home
tui_expect_eq "$(tui_cursor)" "1 29" "Home moves the cursor to the start"
tui_type Y
tui_expect_line 30 '^/Yabc X *(\[[^]]*\])?$' "Home moves to the start"
tui_keys C-u
tui_expect_line 30 '^/abc X *(\[[^]]*\])?$' "^U deletes to the start"
tui_keys End Left BSpace
tui_expect_line 30 '^/abcX *(\[[^]]*\])?$' "End, Left and Backspace"
tui_keys Escape
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "q quits"

# A rendering that does not fit is cut with an ellipsis, as every cut
# is: never a bare " (" (all tags, where the count leaves it no room),
# nor a rendering that fits only without its ")".
cut=$tui_dir/cut
mkdir "$cut"
cp "$sample/collection.cb" "$cut/"
printf '%s\n' 'casebook-format: 1' 'number: 1' 'title.zh: 标题' \
  'title.en.tr: Title' '' 'section.zh: 【关键词】' \
  'section.en.tr: 【Key words】' '' \
  'keywords.zh: 检察权运行 | 公益' \
  'keywords.en.tr: Procuratorial power operation | Twenty-six letters, exactly' \
  '' 'zh: 正文。' 'en.tr: Text.' > "$cut/1.cb"
tui_start 100 30 -- --content "$cut"
tui_wait_for 'h: help'
tui_expect_has '^ Twenty-six letters, exactly \(公… +│' \
  "a rendering that fits only without its ')' is cut with an ellipsis"
tui_expect_not '\([^)…│]*│' "this case's keywords: no '(' left open without an ellipsis"
tui_keys t
tui_expect_has '^ Procuratorial power operation… +1│' \
  "all tags: no room for ' (' and a column, an ellipsis says a rendering is cut"
tui_expect_not '\([^)…│]*│' "all tags: no '(' left open without an ellipsis"
tui_keys q
tui_wait_exit >/dev/null

# Enter on a keyword with a '"' in it searches that keyword, quoted as
# list --facets quotes it (in 「」), not the keyword with it cut out.
quoted=$tui_dir/quoted
mkdir "$quoted"
cp "$sample/collection.cb" "$quoted/"
printf '%s\n' 'casebook-format: 1' 'number: 1' 'title.zh: 标题' \
  'title.en.tr: Title' '' 'section.zh: 【关键词】' \
  'section.en.tr: 【Key words】' '' \
  'keywords.zh: 双清单 | 公益' \
  'keywords.en.tr: The "dual lists" | Public interest' \
  '' 'zh: 正文。' 'en.tr: Text.' > "$quoted/1.cb"
tui_start 100 30 -- --content "$quoted"
tui_wait_for 'h: help'
tui_keys Tab Tab
tui_keys Enter
tui_expect_line 30 '^tag:「The "dual lists"」 — 1 hit in 1 case' \
  "Enter on a keyword with a '\"' in it finds it"
tui_keys q
tui_wait_exit >/dev/null

# = in Chinese is punctuated as Chinese: its parts were joined by an
# untranslated ", ".
tui_start 100 30 LANGUAGE=zh_CN -- --content "$sample"
tui_wait_for 'h:'
tui_keys 3 Enter
tui_keys ']' ']'
tui_keys =
tui_expect_line 30 '^案例 3，第 [0-9]/3 节 【[^】]*】(，第 [0-9]+/[0-9]+ 段(（引注中为第 [0-9]+ 段）)?)?，第 [0-9]+/[0-9]+ 行（[0-9]+%）' \
  "= in Chinese: its parts separated by '，'"
# ^W stops at the ideographic space a Chinese input method types, as
# the query language does at it.
tui_keys /
tui_type '巡回检察　公益诉讼'
tui_keys C-w
tui_expect_line 30 '^/巡回检察　 *(\[[^]]*\])?$' "^W deletes back to an ideographic space"
tui_keys C-w
tui_expect_line 30 '^/ *$' "and then the word before it with that space"
tui_keys Escape
tui_keys q
tui_wait_exit >/dev/null

tui_finish
