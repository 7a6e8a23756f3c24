#!/bin/sh
# casebook import of saved release pages: the collection loads and reads,
# encodings and broken pages are handled, problems point at FILE:LINE.
. "$top_srcdir/tests/cli/lib.sh"
HTML="$top_srcdir/tests/data/html"

run import "$HTML/div-p.html" -o "$TMPD/div"
is "$rc" 0 "a saved page imports"
has "$TMPD/err" "casebook: imported 3 documents (" "three documents"
has "$TMPD/err" "div-p.html:31: warning: unknown section marker '【检察履职情况】'" "what it cannot place is reported at the page's line"
run check "$TMPD/div"
is "$rc" 0 "the imported collection passes check"
has "$TMPD/out" "Chinese 100%" "it is Chinese only"
has "$TMPD/out" "  div-p: 3 documents, Chinese only: no English text in this release" "which check reports as coverage, not an error"
run --content "$TMPD/div" show 1 --lang zh
has "$TMPD/out" "罪犯张某因犯诈骗罪被判处有期徒刑十年" "and reads"
hasnt "$TMPD/out" "首页" "without the navigation"

run import "$HTML/gbk.html" -o "$TMPD/gbk"
is "$rc" 0 "a GBK page imports"
run --content "$TMPD/gbk" show 1 --lang zh
has "$TMPD/out" "财产性判项履行情况是减刑的重要考量因素" "and reads as Chinese"

run import "$HTML/wrong-declared.html" -o "$TMPD/wrong"
is "$rc" 0 "a page declaring the wrong encoding imports"
has "$TMPD/err" "wrong-declared.html:4: warning: the page declares the encoding 'gbk' but is UTF-8" "with a warning at the declaration"

run import "$HTML/truncated.html" -o "$TMPD/trunc"
is "$rc" 0 "a truncated page imports"
has "$TMPD/err" "truncated.html:51: warning: the page ends without </body> or </html>" "with a warning"

run import "$HTML/no-article.html" -o "$TMPD/none"
is "$rc" 2 "a page with no article is an error"
has "$TMPD/err" "no-article.html: no article found in the page" "which says so"
ok $([ ! -e "$TMPD/none" ]; echo $?) "and writes nothing"

# A page without the .html name is known by its start; from stdin too.
cp "$HTML/table-br.html" "$TMPD/saved-page"
run import "$TMPD/saved-page" -o "$TMPD/sniffed"
is "$rc" 0 "a page named without .html is known as HTML"
has "$TMPD/sniffed/collection.cb" "date: 2023-05-16" "its date is read"
"$CASEBOOK" import - -o "$TMPD/stdin" <"$HTML/split-cases.html" >"$TMPD/out" 2>"$TMPD/err"
is "$?" 0 "a page on standard input imports"
is "$(ls "$TMPD/stdin" | tr '\n' ' ')" "01.cb 02.cb 03.cb collection.cb " "every case of it"
# check --release takes the page it was imported from, in GBK too: its
# texts as import decodes them, not the page's bytes.
"$CASEBOOK" --content "$SHIPPED" export 7 --format html -o "$TMPD/p7.html"
sed 's/charset="\{0,1\}utf-8"\{0,1\}/charset=gbk/' "$TMPD/p7.html" |
  iconv -f utf-8 -t gb18030 >"$TMPD/g7.html"
run import "$TMPD/g7.html" -o "$TMPD/g7"
is "$rc" 0 "a GBK page imports"
run check "$TMPD/g7" --release="$TMPD/g7.html"
is "$rc:$(grep -c 'not in the release' "$TMPD/err")" "0:0" "check --release with that page finds every text in it"

# Paragraphs, or whole cases, standing in the body itself: every one is
# the article.  Before, the best-scoring paragraph alone was imported
# and the rest dropped without a word.
{
  printf '<html><head><title>T</title></head><body>\n'
  for c in 1 2 3; do
    printf '<div><p>案例%s</p><p>某某检察院办理的第%s号案件</p>\n' $c $c
    for i in 1 2 3 4 5; do
      printf '<p>第%s段：检察机关依法履行职责，办理了这起案件。</p>\n' $i
    done
    printf '</div>\n'
  done
  printf '</body></html>\n'
} >"$TMPD/cases.html"
run import "$TMPD/cases.html" -o "$TMPD/cases"
has "$TMPD/err" "imported 3 documents (18 texts)" "cases standing in the body: every case is imported"
sed -e 's/^<div>//' -e 's/^<\/div>$//' "$TMPD/cases.html" | sed '/^$/d' >"$TMPD/paras.html"
run import "$TMPD/paras.html" -o "$TMPD/paras"
has "$TMPD/err" "imported 3 documents (18 texts)" "paragraphs standing in the body: every one is imported"

# A UTF-8 page cut short inside a character (a download stopped), or
# with a stray Latin-1 byte: still UTF-8, the stray bytes replaced.
# Before, the whole page was read as GB18030 and all of its Chinese
# came out as nonsense.
head -c "$(grep -b -o '【基本案情】' "$HTML/div-p.html" | tail -n 1 | cut -d: -f1)" "$HTML/div-p.html" >"$TMPD/cut.html"
printf '\344\270' >>"$TMPD/cut.html"
run import "$TMPD/cut.html" -o "$TMPD/cut"
is "$rc" 0 "a UTF-8 page cut inside a character imports"
has "$TMPD/err" "cut.html:$(wc -l <"$TMPD/cut.html" | awk '{print $1 + 1}'): warning: 2 bytes do not decode as UTF-8; replaced by U+FFFD" "the cut character is replaced, with a warning at its line"
hasnt "$TMPD/err" "GB18030" "the page is not read as GB18030"
grep -q '^title.zh: 某监狱罪犯违规减刑监督案$' "$TMPD/cut/01.cb"
ok $? "its Chinese reads as Chinese"

# A GBK page that declares UTF-16 (or any encoding that does not write
# ASCII as ASCII, which its own declaration then could not be): the
# declaration is ignored, with a warning.  Before, the page was decoded
# as UTF-16 into a single paragraph of nonsense.
sed 's/charset="\{0,1\}utf-8"\{0,1\}/charset=utf-16/' "$TMPD/p7.html" |
  iconv -f utf-8 -t gb18030 >"$TMPD/u16.html"
run import "$TMPD/u16.html" -o "$TMPD/u16"
is "$rc" 0 "a GBK page declaring UTF-16 imports"
has "$TMPD/err" "warning: the page declares the encoding 'utf-16', which cannot be (the declaration itself is ASCII): ignored" "the declaration is ignored, with a warning"
"$CASEBOOK" --content "$SHIPPED" show 7 --lang zh --no-pager >"$TMPD/want7" 2>&1
"$CASEBOOK" --content "$TMPD/u16" show 7 --lang zh --no-pager >"$TMPD/got7" 2>&1
is "$(sed -n 2p "$TMPD/got7")" "$(sed -n 2p "$TMPD/want7")" "its Chinese reads as it was exported"

# Control characters: libxml2 would drop them without a word, which
# casebook(5) promises import never does.  They are kept, as a text
# release's are, and shown visibly.
printf '<html><head><title>T</title></head><body><div class="TRS_Editor">\n<p>案例1 标题</p>\n<p>正文\001有\033[31m控制字符，还有一些别的文字。</p>\n<p>Text with a \002 control.</p>\n</div></body></html>\n' >"$TMPD/ctl.html"
run import "$TMPD/ctl.html" -o "$TMPD/ctl"
is "$rc:$(grep -c ': warning:' "$TMPD/err")" "0:0" "a page with control characters imports, without a warning"
ok "$(grep -q "$(printf '^zh: 正文\001有\033\[31m控制')" "$TMPD/ctl/01.cb"; echo $?)" "its control characters are kept in the collection"
ok "$(grep -q "$(printf '^en: Text with a \002 control')" "$TMPD/ctl/01.cb"; echo $?)" "in either language"
run --content "$TMPD/ctl" show 1 --no-pager
has "$TMPD/out" '正文^A有^[[31m控制' "and shown visibly"
# Written as character references (&#27; &#x7;), which libxml2 drops
# as it drops the raw bytes; other references are the parser's (&#65;).
printf '<html><body><div>\n<p>案例1 标题</p>\n<p>甲&#27;乙&#x7;丙&#X08;丁&#65;戊，再多写一些正文文字。</p>\n</div></body></html>\n' >"$TMPD/ctl3.html"
run import "$TMPD/ctl3.html" -o "$TMPD/ctl3"
is "$rc:$(grep -c ': warning:' "$TMPD/err")" "0:0" "a page with controls written as references imports, without a warning"
ok "$(grep -q "$(printf '^zh: 甲\033乙\007丙\010丁A戊')" "$TMPD/ctl3/01.cb"; echo $?)" "and keeps them"
# A page that holds the private-use characters that carry them through
# the parser cannot keep them: it says so, at the first one's line.
printf '<html><body><div>\n<p>案例1 标题</p>\n<p>正文\001有控制字符，也有\364\217\274\201这样的私用字符，再多一点。</p>\n</div></body></html>\n' >"$TMPD/ctl2.html"
run import "$TMPD/ctl2.html" -o "$TMPD/ctl2"
has "$TMPD/err" "ctl2.html:3: warning: control characters in this page are left out" "controls that cannot be carried are left out with a warning at their line"
# So too when the page writes such a character as a reference: it stays
# the private-use character it is, not a control.
printf '<html><body><div>\n<p>案例1 标题</p>\n<p>正文\007有控制字符，也有&#x10FF05;这样的私用字符，再多一点。</p>\n</div></body></html>\n' >"$TMPD/ctl4.html"
run import "$TMPD/ctl4.html" -o "$TMPD/ctl4"
has "$TMPD/err" "ctl4.html:3: warning: control characters in this page are left out" "a carrier written as a reference is known too"
ok "$(grep -q "$(printf '也有\364\217\274\205这样')" "$TMPD/ctl4/01.cb"; echo $?)" "and kept as itself"
# A PubDate that names no day is said, not dropped unsaid.
printf '<html><head><meta name="PubDate" content="2022-02-30 09:00"></head><body><div>\n<p>案例1 标题</p>\n<p>正文，说明案件的基本情况，再多写一些正文文字。</p>\n</div></body></html>\n' >"$TMPD/baddate.html"
run import "$TMPD/baddate.html" -o "$TMPD/baddate"
has "$TMPD/err" "baddate.html:1: warning: the page's date '2022-02-30 09:00' names no day" \
  "a PubDate that is no day is reported at its line"
printf '<html><head><meta name="PubDate" content=""></head><body><div>\n<p>案例1 标题</p>\n<p>正文，说明案件的基本情况，再多写一些正文文字。</p>\n</div></body></html>\n' >"$TMPD/nodate.html"
run import "$TMPD/nodate.html" -o "$TMPD/nodate"
hasnt "$TMPD/err" "names no day" "an empty date tag is no date to warn of"
# A <details> and its <summary> are blocks of their own, not run into
# the paragraph before them.
printf '<html><body><article>\n<p>案例1 标题</p>\n<p>第一段正文，不应该丢失。</p><details><summary>摘要标题</summary>详情文字在这里。</details>\n</article></body></html>\n' >"$TMPD/det.html"
run import "$TMPD/det.html" -o "$TMPD/det"
ok "$(grep -qx 'zh: 第一段正文，不应该丢失。' "$TMPD/det/01.cb" && grep -qx 'zh: 摘要标题' "$TMPD/det/01.cb"; echo $?)" \
  "a details block is a paragraph of its own"
# Inside the article nothing goes unsaid: a paragraph that is mostly a
# link (a law it cites) is read, and an aside or a list of links that is
# not is reported at its line.
printf '<html><head><title>T</title></head><body><article>\n<p>案例1 某甲案</p>\n<p>第一段正文，说明案件的基本情况和办理经过。</p>\n<p>依据<a href="/law/78">《中华人民共和国刑法》第七十八条</a>。</p>\n<aside>旁注文字在这里</aside>\n<ul><li><a href="/a">相关链接一</a></li><li><a href="/b">相关链接二</a></li></ul>\n<p>最后一段正文，案件办理取得良好效果。</p>\n</article></body></html>\n' >"$TMPD/links.html"
run import "$TMPD/links.html" -o "$TMPD/links"
is "$rc" 0 "a page with links inside its article imports"
ok "$(grep -q '^zh: 依据《中华人民共和国刑法》第七十八条。' "$TMPD/links/01.cb"; echo $?)" \
  "a paragraph that is mostly a link is read"
has "$TMPD/err" "links.html:5: warning: 7 characters inside the article were not imported (<aside>" \
  "an aside inside the article is reported at its line"
has "$TMPD/err" "links.html:6: warning: 10 characters inside the article were not imported (<ul>" \
  "and so is a list of links"
# Short texts outside the article (a copyright line) are not imported,
# and said so in one count: nothing is dropped unsaid.
run import "$HTML/split-cases.html" -o "$TMPD/shortout"
has "$TMPD/err" "split-cases.html: warning: 2 short texts outside the article (under 40 characters each) were not imported" \
  "short texts outside the article: counted in a warning"
done_testing
