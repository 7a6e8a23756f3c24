#!/bin/sh
# casebook cite: a paragraph (or range, or section) with its citation,
# the place written as casebook prints it, in one argument or several.
. "$top_srcdir/tests/cli/lib.sh"

run cite 1 '§2¶2' --content "$GOOD" --lang zh
is "$rc" 0 "cite 1 §2¶2 exits 0"
cat >"$TMPD/want" <<'X'
2019年以来,广西检察机关开展监狱巡回检察39次,坚持巡回检察就是办案。

测试《测试案例集》（2022年7月14日发布）案例一 第2段
X
same "$TMPD/out" "$TMPD/want" "cite prints the paragraph, a blank line, the Chinese citation"

run cite 1 '§2' '¶2' --content "$GOOD" --lang zh
same "$TMPD/out" "$TMPD/want" "the place may come as two arguments"
run cite 1 s2 p2 --content "$GOOD" --lang zh
same "$TMPD/out" "$TMPD/want" "s and p stand for § and ¶"
run cite "sample/1 §2 ¶2" --content "$GOOD" --lang zh
same "$TMPD/out" "$TMPD/want" "COLLECTION/N names the document"

run cite 1 '§2' '¶1-2' --content "$GOOD" --lang en
is "$rc" 0 "a range exits 0"
cat >"$TMPD/want" <<'X'
I. Practising the "three consciousnesses"

Since 2019, Guangxi procuratorial organs have carried out 39 circuit inspections of prisons, holding that circuit inspection is case handling.

Tests, "Sample cases" (released 14 July 2022), Case 1, paras. 1–2
[Translated by the casebook project; not the release's own text]
X
same "$TMPD/out" "$TMPD/want" "¶1-2 cites both paragraphs as paras. 1–2, and says they are the project's translation"
run cite 1 '§2¶2–1' --content "$GOOD" --lang en
same "$TMPD/out" "$TMPD/want" "a range may be written backwards and with an en dash"
run cite 1 '§2' '¶1' - 2 --content "$GOOD" --lang en
same "$TMPD/out" "$TMPD/want" "a range may have spaces around its dash"
run cite 1 '§2' --content "$GOOD" --lang en
has "$TMPD/out" "Case 1, paras. 1–" "a section alone cites all its paragraphs"

# The project's wording is never passed off as the release's: a note in
# the citation's language follows, naming the paragraphs when only some
# of a range are the project's.
run cite 2 '§2¶1' --content "$GOOD" --lang zh
has "$TMPD/out" "（casebook 项目译文，非发布稿原文）" "a Chinese translation is cited with a note saying so"
run cite 1 '§2¶2' --content "$GOOD" --lang zh
hasnt "$TMPD/out" "casebook" "the release's own text has no note"
cat >"$TMPD/mixed.cb" <<'X'
casebook-format: 1
number: 3
title.zh: 混合
title.en.tr: Mixed

section.zh: 【改革情况】
section.en.tr: 【Reform situation】

zh: 第一段。
en: The first paragraph, the release's English.
en.rev: The first paragraph, as the project revised it.

zh: 第二段。
en.tr: The second paragraph, translated.
X
mkdir "$TMPD/mixed" && cp "$GOOD"/collection.cb "$GOOD"/glossary.tsv "$TMPD/mixed.cb" "$TMPD/mixed/"
run cite 3 '§1¶1-2' --content "$TMPD/mixed" --lang en
has "$TMPD/out" "The first paragraph, the release's English." "a range quotes the release's English by default"
has "$TMPD/out" "[Para. 2: translated by the casebook project; not the release's own text]" "and names the one paragraph that is the project's"
run cite 3 '§1¶1' --content "$TMPD/mixed" --lang en --english=revised
has "$TMPD/out" "The first paragraph, as the project revised it." "--english=revised quotes the revision"
has "$TMPD/out" "[Revised by the casebook project; not the release's own text]" "and says it is the project's revision"

run cite 1 --content "$GOOD" --lang zh
is "$(cat "$TMPD/out")" "测试《测试案例集》（2022年7月14日发布）案例一" "a case alone gives the case's citation"
# An imported page is in Chinese alone: the case is cited in Chinese, as
# its paragraphs are, even in English (not "(released ...), Case 1",
# without the title the collection has only in Chinese).
run import "$top_srcdir/tests/data/html/div-p.html" -o "$TMPD/zhonly"
run cite 1 --content "$TMPD/zhonly" --lang en
is "$(cat "$TMPD/out")" "《某市检察机关刑事执行检察典型案例》（2023年8月2日发布）案例一" "a Chinese-only case alone is cited in Chinese"
run cite 1 '¶2' --content "$TMPD/zhonly" --lang en
has "$TMPD/out" "《某市检察机关刑事执行检察典型案例》（2023年8月2日发布）案例一 第2段" "as its paragraphs are"

run cite 1 '§2¶99' --content "$GOOD"
is "$rc" 2 "a paragraph the case does not have exits 2"
has "$TMPD/err" "case 1 has no §2 ¶99" "and says so"
run cite 1 '§9' --content "$GOOD"
is "$rc" 2 "a section the case does not have exits 2"
# A paragraph as citations number them, across the case (the keyword
# list left out): what cite prints can be typed back.
run cite 1 '§2¶2' --content "$GOOD" --lang en
cp "$TMPD/out" "$TMPD/want"
run cite 1 '¶2' --content "$GOOD" --lang en
same "$TMPD/out" "$TMPD/want" "¶2 without a section is the case's paragraph 2, as its citation says"
has "$TMPD/out" "para. 2" "which the citation names"
run cite 1 '§2¶1-2' --content "$GOOD" --lang en
cp "$TMPD/out" "$TMPD/want"
run cite 1 '¶1-2' --content "$GOOD" --lang en
same "$TMPD/out" "$TMPD/want" "and ¶1-2 a range of them"
# A range that crosses a section: §2 of case 7 ends at its paragraph 14.
run cite 7 '¶14-15' --content "$SHIPPED" --lang zh
has "$TMPD/out" "第14至15段" "a range of the case's paragraphs may cross sections"
"$CASEBOOK" cite 7 '¶15' --content "$SHIPPED" --lang zh | head -1 >"$TMPD/p15"
has "$TMPD/out" "$(cut -c1-30 "$TMPD/p15")" "and holds the paragraph after the section's end"
# The overview (document 0) has no case number for the paragraph to
# stand apart from: nothing between the release's date and 第1段.
run cite 0 '¶1' --content "$SHIPPED" --lang zh
has "$TMPD/out" "发布）第1段" "the overview's paragraph follows the release's date"
run cite 7 '¶1' --content "$SHIPPED" --lang zh
has "$TMPD/out" "案例七 第1段" "a case's paragraph stands apart from its number"
run cite 1 '¶9' --content "$GOOD"
is "$rc:$(cat "$TMPD/err")" "2:casebook: case 1 has no ¶9" "a paragraph the case does not have is named"
run cite 1 'x2' --content "$GOOD"
has "$TMPD/err" "not a place" "what is no place says what a place looks like"
for w in '¶-3' '§1 ¶x-3' '§-1'; do
  run cite 7 "$w" --content "$SHIPPED"
  has "$TMPD/err" "casebook: not a place: $w (" "what is no place is quoted whole, its range too ($w)"
done
run cite 1 '§1¶1' --content "$GOOD"
is "$rc" 2 "the keyword list is not cited"
has "$TMPD/err" "no text to cite" "and says why"
run cite 99 --content "$GOOD"
is "$rc" 2 "a document that does not exist exits 2"
has "$TMPD/err" "no document '99'" "and names it"
run cite 1 '§2¶1-2' --content "$GOOD" --json
is "$rc" 2 "cite does not take --json"
run cite --content "$GOOD"
is "$rc" 2 "cite needs a document"

# A place in full width, as a Chinese input method types it.
run cite ７ §２ ¶１ --content "$SHIPPED"
is "$rc:$(cat "$TMPD/out")" "0:$("$CASEBOOK" cite 7 §2 ¶1 --content "$SHIPPED")" \
  "full-width digits name the place their ASCII forms do"
run show batch３／７ --content "$SHIPPED"
is "$rc" 0 "and a collection's document"
done_testing
