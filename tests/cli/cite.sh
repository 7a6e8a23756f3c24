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
[Text and collection title: translated by the casebook project; not the release's own text]
X
same "$TMPD/out" "$TMPD/want" "¶1-2 cites both paragraphs as paras. 1–2, and says they and the title (title.en.tr) are the project's translation"
run cite 1 '§2¶1–2' --content "$GOOD" --lang en
same "$TMPD/out" "$TMPD/want" "a range may be written with an en dash"
# A range that runs backwards is a slip, not the range the other way round.
for w in '§2¶2–1' '§2 ¶2-1' '¶3-1' '¶9-3'; do
  run cite 1 "$w" --content "$GOOD" --lang en
  is "$rc:$(cat "$TMPD/out")" "2:" "a backward range ($w) exits 2 and cites nothing"
  has "$TMPD/err" "casebook: the range $w runs backwards (write its first paragraph first: " "and names it ($w)"
done
has "$TMPD/err" "first: ¶3-9)" "and gives it the right way round"
run cite 1 '§2' '¶2' - 1 --content "$GOOD" --lang en
has "$TMPD/err" "the range §2 ¶2 - 1 runs backwards (write its first paragraph first: §2 ¶1-2)" "in several arguments too, section and all"
# Sections have no ranges: "§3-1" is refused, the wrong way round or not.
for w in '§3-1' '§1-3'; do
  run cite 7 "$w" --content "$SHIPPED"
  is "$rc:$(cat "$TMPD/out")" "2:" "a range of sections ($w) exits 2 and cites nothing"
done
has "$TMPD/err" "a range is of paragraphs, in a section (§1 ¶3-5) or in the case (¶14-15), not of sections" \
  "and says a range is of paragraphs (not that a section is missing)"
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
has "$TMPD/out" "[Para. 2 and collection title: translated by the casebook project; not the release's own text]" "and names the one paragraph that is the project's"
run cite 3 '§1¶1' --content "$TMPD/mixed" --lang en --english=revised
has "$TMPD/out" "The first paragraph, as the project revised it." "--english=revised quotes the revision"
has "$TMPD/out" "[Text and collection title: translated or revised by the casebook project; not the release's own text]" "and says it is the project's revision (and the title its translation)"

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

# The collection's title and publisher are the project's translation
# where collection.cb says .tr: inside 《》 or quotes a title reads as
# the official one, so the note names them too, for the text's citation
# and the case's alike.
run cite 7 '¶3' --content "$SHIPPED" --lang zh
is "$(tail -2 "$TMPD/out")" "最高人民检察院《第三批全国检察机关检察改革典型案例》（2022年7月14日发布）案例七 第3段
（案例集标题、发布机关为 casebook 项目译文，非发布稿原文）" "a Chinese citation names a translated title and publisher (title.zh.tr, publisher.zh.tr)"
run cite 7 '¶3' --content "$SHIPPED" --lang en
is "$(tail -1 "$TMPD/out")" "[Translated by the casebook project; not the release's own text]" "the English one, whose title and publisher are the release's, names only the text"
run cite 7 --content "$SHIPPED" --lang zh
is "$(cat "$TMPD/out")" "最高人民检察院《第三批全国检察机关检察改革典型案例》（2022年7月14日发布）案例七
（案例集标题、发布机关为 casebook 项目译文，非发布稿原文）" "a case alone notes its translated title too"
run cite 2 '¶1' --content "$GOOD" --lang en
is "$(tail -2 "$TMPD/out")" 'Tests, "Sample cases" (released 14 July 2022), Case 2, para. 1
[Collection title: translated by the casebook project; not the release'"'"'s own text]' "an English title.en.tr is named when the text is the release's own"

# A collection titled in one language only is still named, in that
# language, in a citation in the other (as export names it).
mkdir "$TMPD/onelang"
cp "$GOOD"/glossary.tsv "$GOOD"/0*.cb "$TMPD/onelang/"
grep -v '^title.zh\|^publisher.zh' "$GOOD/collection.cb" >"$TMPD/onelang/collection.cb"
run cite 1 '§2¶2' --content "$TMPD/onelang" --lang zh
is "$(tail -2 "$TMPD/out" | head -1)" "Tests《Sample cases》（2022年7月14日发布）案例一 第2段" "a Chinese citation falls back to the English title and publisher"
has "$TMPD/out" "（案例集标题为 casebook 项目译文，非发布稿原文）" "and says the title is the project's translation"
run cite 1 --content "$TMPD/onelang" --lang zh
has "$TMPD/out" "Tests《Sample cases》（2022年7月14日发布）案例一" "so does the case's citation"

# A range is cited in --lang's language when any of its paragraphs is in
# it, whichever paragraph it starts at.
mkdir "$TMPD/mix"
cat >"$TMPD/mix/collection.cb" <<'X'
casebook-format: 1
id: m
title.zh: 测试案例集
title.en.tr: Test collection
publisher.zh: 最高人民检察院
date: 2023-01-05
X
cat >"$TMPD/mix/01.cb" <<'X'
casebook-format: 1
number: 1
title.zh: 案一

section.zh: 【基本案情】

zh: 一。
en: One.

zh: 二。

zh.tr: 三。
en: Three.
X
run cite 1 '¶2-3' --content "$TMPD/mix" --lang en
has "$TMPD/out" "(released 5 January 2023), Case 1, paras. 2–3" "a range that starts in Chinese only is cited in English with --lang en"
run cite 1 '¶1-3' --content "$TMPD/mix" --lang en
has "$TMPD/out" "(released 5 January 2023), Case 1, paras. 1–3" "as one that starts in both is"
run cite 1 '¶2' --content "$TMPD/mix" --lang en
has "$TMPD/out" "最高人民检察院《测试案例集》（2023年1月5日发布）案例一 第2段" "a paragraph in Chinese only is still cited in Chinese"

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
has "$TMPD/err" "casebook: §1 ¶1 of case 1 is its keyword list, which citations leave out (casebook show 1 §1 ¶1 shows it)" \
  "and says what it is and how to read it"
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
# A case with a title in both languages and paragraphs in Chinese only
# is cited in Chinese, alone as its paragraphs are.
mkdir -p "$TMPD/zhonly/col"
printf 'casebook-format: 1\nid: col\ntitle.zh: 测试案例集\ntitle.en: Test cases\npublisher.zh: 某检察院\npublisher.en: X Procuratorate\ndate: 2023-01-02\n' \
  >"$TMPD/zhonly/col/collection.cb"
printf 'casebook-format: 1\nnumber: 2\ntitle.zh: 二\ntitle.en: Two\n\nkeywords.zh: 段落\nkeywords.en.tr: Paragraph\n\nzh: 只有中文的段落。\n' \
  >"$TMPD/zhonly/col/02.cb"
run --content "$TMPD/zhonly/col" cite 2 --lang en
is "$rc:$(cat "$TMPD/out")" "0:某检察院《测试案例集》（2023年1月2日发布）案例二" \
  "a case whose paragraphs are in Chinese alone (its title and keywords in both) is cited in Chinese, as they are"
done_testing
