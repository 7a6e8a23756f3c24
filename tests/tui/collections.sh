#!/bin/sh
# A library of three collections in the browser: the case list groups the
# cases under a heading per collection (title, count) that Enter folds and
# unfolds, C folds or unfolds all, a limit lowers the counts; F shows the
# facets with the counts `casebook list --facets' gives and limits the
# list to one; R lists the cases related to the open one with the reason
# and opens the chosen one.  One collection has no headings.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 41

data=$tui_dir/data
HTML=$top_srcdir/tests/data/html
XDG_DATA_HOME=$data "$CASEBOOK" import --add "$HTML/div-p.html" --name exec2023 >/dev/null 2>&1
XDG_DATA_HOME=$data "$CASEBOOK" import --add "$HTML/split-cases.html" --name hearings >/dev/null 2>&1
tui_ok $? "two collections installed beside the shipped one"

tui_start 100 30 XDG_DATA_HOME="$data" -CASEBOOK_CONTENT -- --lang=zh
tui_wait_for 'h: help'
tui_expect_line 3 '^▾ batch3 第三批全国检察机关检… \(9\)│' "a heading per collection: name, title, cases"
tui_expect_has '^▾ exec2023 某市检察机关刑事执… \(3\)│' "the imported collections too"
tui_expect_has '^▾ hearings 第二批检察听证典型… \(3\)│' "each with its count"
tui_expect_line 4 '^> 0 全国' "the open case is selected, under its heading"

tui_keys k
tui_expect_line 30 '^batch3: 第三批全国检察机关检察改革典型案例 \(2022-07-14; Enter folds or unfolds it\)' "k reaches the heading; the status line names the collection"
tui_keys Enter
tui_expect_line 3 '^▸ batch3 第三批全国检察机关检… \(9\)│' "Enter folds it"
tui_expect_line 4 '^▾ exec2023 ' "its cases are hidden"
tui_keys j j
tui_expect_line 30 '^0 某市检察机关刑事执行检察典型案例' "j moves over the next heading into its cases"
tui_keys k k Enter
tui_expect_line 5 '^  1 内' "Enter again unfolds it"
tui_keys C
tui_expect_has '^▸ hearings ' "C folds every collection"
tui_expect_line 6 '^ *│' "and no case is shown"
tui_keys C
tui_expect_line 5 '^  1 内' "C again unfolds them all"
# C is the configuration file's fold-all, which casebook(5) binds "in
# every pane": from the text it folds the list too (it said "Key C is
# not bound").
tui_keys Tab
tui_keys C
tui_expect_has '^▸ hearings ' "C from the text pane folds every collection"
tui_expect_not 'Key C is not bound' "and is not called unbound"
tui_keys C
tui_keys Tab Tab

tui_keys '&'
tui_type 'tag:巡回检察'
tui_keys Enter
tui_expect_has 'case batch3/0 is not among them: opened case batch3/7 ' \
  "a limit that hides the open case names both cases with their collection"
tui_expect_has '^▾ batch3 第三批全国检察机关检… \(1\)│' "under a limit a heading counts the cases listed"
tui_expect_has '^▾ exec2023 某市检察机关刑事执… \(1\)│' "in each collection"
tui_expect_not '^▾ hearings' "a collection with none listed has no heading"

# Facets: the browser's counts are the command line's.
tui_keys '&' Enter
tui_keys F
tui_expect_has '─▶ Facets of every case \(Enter: limit to it, Esc: close\)' "F shows the facets"
tui_capture | sed -n '3,29p' | sed 's/^[^│]*│//' | awk 'NF >= 2 { print $(NF-1), $NF }' >"$tui_dir/tui-facets"
XDG_DATA_HOME=$data "$CASEBOOK" list --facets --lang zh | sed 's/^ *\([0-9]*\)  *[a-z]*:\(.*\)$/\2 \1/' >"$tui_dir/cli-facets"
missing=$(grep -cvxF -f "$tui_dir/cli-facets" "$tui_dir/tui-facets")
tui_expect_eq "$(wc -l <"$tui_dir/tui-facets" | tr -d ' ')" 27 "27 facet values on screen"
tui_expect_eq "$missing" 0 "each with the count list --facets gives"
# The row of tag:巡回检察 in the command line's list is its row here.
n=$(XDG_DATA_HOME=$data "$CASEBOOK" list --facets --lang zh | grep -n ' tag:巡回检察$' | cut -d: -f1)
tui_send $((n - 1)) j
tui_keys Enter
tui_expect_line 1 '2/15 cases' "Enter limits the list to the value"
tui_expect_line 2 '&tag:巡回检察' "with its query term"
tui_keys F
tui_expect_has '─▶ Facets of the 2 cases listed' "F again: the facets of the cases listed"
tui_expect_has '│ Collection  batch3 +1 *$' "counted among them"
tui_keys Enter
tui_keys F
tui_expect_has '─▶ Facets of the 1 case listed' "one case listed, in the singular"
tui_keys Escape

# Related cases of the open one (7, which the limit opened).
tui_keys R
tui_expect_has '─▶ Related to case 7 \(Enter: open, Esc: close\)' "R lists the related cases"
tui_expect_line 3 '│ exec2023/1  某监狱罪犯违规减刑监督案' "the prison case found on a circuit inspection first"
tui_expect_line 4 '│    shares 巡回检察, 减刑, 监狱' "with the reason"
tui_keys Enter
tui_expect_line 1 ' 1 某监狱罪犯违规减刑监督案' "Enter opens it"
tui_keys R
tui_expect_has '─▶ Related to case 1 ' "R again: the cases related to that one"
tui_keys : 8 Enter
tui_expect_line 1 ' 8 新疆' "another case opened from the list's prompt"
tui_expect_not 'Related to case' "closes the related cases, which were the other case's"
# A plain number that every collection has: the open case's collection's
# (batch3), and the status line says so, as show refuses it.
tui_keys : 2 Enter
tui_expect_line 1 ' 2 吉林' "a number several collections have: the open case's collection's"
tui_expect_line 30 '^Case 2 is in 3 collections: this is batch3/2 ' "and the status line says which"
# A collection named in full-width letters, as show takes it.
tui_keys :
tui_type 'ｂａｔｃｈ３／７'
tui_keys Enter
tui_expect_line 1 ' 7 广西' "ｂａｔｃｈ３／７ at the : prompt opens batch3/7"
tmx send-keys -t tui q
tui_wait_exit >/dev/null

# One collection: no headings.
tui_start 100 30 -- --content "$tui_data/sample"
tui_wait_for 'h: help'
tui_expect_not '[▾▸]' "a library of one collection lists its cases without a heading"
tui_keys C
tui_expect_line 30 '^One collection: the list has no headings to fold' "C says there is nothing to fold"
# A collection whose name is not in NFKC (ａｂ, made before import kept
# names so) is found at the : prompt by its name, as typed or in NFKC.
data2=$tui_dir/data2
mkdir -p "$data2/casebook/collections/ａｂ"
chmod -R 700 "$data2"
printf 'casebook-format: 1\nid: ａｂ\ntitle.en: AB\n' \
  >"$data2/casebook/collections/ａｂ/collection.cb"
printf 'casebook-format: 1\nnumber: 1\ntitle.en: Full-width\n\nen: x.\n' \
  >"$data2/casebook/collections/ａｂ/01.cb"
tui_start 100 30 XDG_DATA_HOME="$data2" -CASEBOOK_CONTENT -- --lang=en
tui_wait_for 'h: help'
for typed in 'ａｂ/1' 'ab/1'; do
  tui_keys : 1 Enter
  tui_keys :
  tui_type "$typed"
  tui_keys Enter
  tui_expect_line 1 ' 1 Full-width' ":$typed opens the collection ａｂ's case 1"
done
tmx send-keys -t tui q
tui_wait_exit >/dev/null
tui_finish
