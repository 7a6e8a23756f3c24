#!/bin/sh
# casebook import: a release text becomes a collection that loads.
. "$top_srcdir/tests/cli/lib.sh"
release="$top_srcdir/tests/data/release/spp-reform-typical-cases-batch3.txt"

run import "$release" -o "$TMPD/coll"
is "$rc" 0 "import exits 0"
has "$TMPD/err" "casebook: imported 9 documents (304 texts) into $TMPD/coll; 4 warnings" "a summary line"
has "$TMPD/err" "spp-reform-typical-cases-batch3.txt:43: warning: keyword line has no separators" "keyword lines without separators are reported with their line"
is "$(ls "$TMPD/coll" | tr '\n' ' ')" "00.cb 01.cb 02.cb 03.cb 04.cb 05.cb 06.cb 07.cb 08.cb collection.cb " "one file per document and a collection file"
run check "$TMPD/coll"
is "$rc" 0 "the imported collection passes check"
has "$TMPD/out" "9 documents, 304 texts" "with every text"
# The release gives its overview (document 0) no title: the collection's
# stands for one, marked as the project's words, and the collection
# loads without a warning, as the reader's own collection too.
has "$TMPD/coll/00.cb" "title.en.tr: Typical Cases of Procuratorial Reform of National Procuratorial Organs in 2022" "the overview takes the collection's title, marked as the project's"
run list --content "$TMPD/coll"
is "$(cat "$TMPD/err")" "" "the imported collection lists without a warning"
run import "$release" --add --name overview_test
is "$rc" 0 "import --add"
run search 巡回检察
is "$rc" 0 "search in the library"
is "$(cat "$TMPD/err")" "" "with the installed collection, no warning"
run library remove overview_test
run show 7 --content "$TMPD/coll" --lang zh
has "$TMPD/out" "巡回检察" "and reads"
run import "$release" -o "$TMPD/coll"
is "$rc" 2 "import refuses to overwrite a collection"
has "$TMPD/err" "already holds a collection" "and says so"
# Before the parse: the refusal is the one line, not the last after
# every warning of the release.
is "$(sed "s|$TMPD/||" "$TMPD/err")" \
  "casebook: coll already holds a collection; import into a new directory" \
  "refused before the release is read: no warning of the parse"
run import /nonexistent/release.txt -o "$TMPD/coll"
has "$TMPD/err" "already holds a collection" "so even a release that cannot be read is refused for it"
# A release with no title of its own: the file's name stands for one,
# marked as the project's words, not the release's.
printf '广西检察机关深化巡回检察\n\n正文第一段。\n' >"$TMPD/untitled.txt"
run import "$TMPD/untitled.txt" -o "$TMPD/untitled"
is "$rc" 0 "a release without a title imports"
has "$TMPD/untitled/collection.cb" "title.en.tr: untitled" \
  "its file's name is the collection's title, marked as the project's"
has "$TMPD/untitled/00.cb" "title.en.tr: untitled" "and its overview's"
run import /nonexistent/release.txt -o "$TMPD/x"
is "$rc" 2 "a missing file exits 2"
has "$TMPD/err" "casebook: /nonexistent/release.txt: cannot read: No such file or directory" "and says why"
printf 'Case 1\n\377Title\nbody\n' >"$TMPD/bad.txt"
(cd "$TMPD" && "$CASEBOOK" import bad.txt >out 2>err)
rc=$?
is "$rc" 0 "hostile input imports"
has "$TMPD/err" "bad.txt:2: warning: invalid UTF-8 or NUL byte" "with a warning"
ok $([ -f "$TMPD/bad/01.cb" ]; echo $?) "into a directory named after the file"
# A release saved by a Chinese editor in GB18030/GBK ("ANSI") is read
# as such, not turned into U+FFFD.
printf '\260\270\300\375\322\273\n\261\261\276\251\312\320\274\354\262\354\324\272\n\241\276\271\330\274\374\264\312\241\277\n\322\273\314\345\273\257\241\241\260\354\260\270\n' >"$TMPD/gbk.txt"
run import "$TMPD/gbk.txt" -o "$TMPD/gbk"
is "$rc" 0 "a GB18030 text imports"
has "$TMPD/err" "gbk.txt:1: warning: the text is not UTF-8 but reads as GB18030" "saying how it was read"
has "$TMPD/gbk/01.cb" "title.zh: 北京市检察院" "its Chinese is Chinese"
has "$TMPD/gbk/01.cb" "keywords.zh: 一体化 | 办案" "and its keywords split"
# A program or a picture is not a release.
# (made here: $CASEBOOK may be a wrapper script, under valgrind)
i=0
while [ $i -lt 300 ]; do printf '\177ELF\002\001\001\000\000\003'; i=$((i + 1)); done >"$TMPD/prog.txt"
run import "$TMPD/prog.txt" -o "$TMPD/prog"
is "$rc" 2 "a binary file is refused"
has "$TMPD/err" "prog.txt: not a text file" "as not text"
ok $([ ! -e "$TMPD/prog" ]; echo $?) "and nothing is written"
# Keywords separated by EM SPACE (U+2003) or no-break spaces, as pages
# copied to text have them, are split, not kept as one.
printf 'Case 1\nTitle\n【关键词】\n巡回检察\342\200\203减刑\342\200\203假释\nCase 2\nTitle\n【Key words】\nCircuit inspection\302\240\302\240Commutation\n' >"$TMPD/em.txt"
run import "$TMPD/em.txt" -o "$TMPD/em"
has "$TMPD/em/01.cb" "keywords.zh: 巡回检察 | 减刑 | 假释" "EM SPACE separates keywords"
has "$TMPD/em/02.cb" "keywords.en: Circuit inspection | Commutation" "so do two no-break spaces"
# Each count of the summary has its own plural.
printf '案例一\n北京市检察院探索一体化办案\n【关键词】\n一体化 | 办案\n正文第一段。\n' >"$TMPD/one.txt"
run import "$TMPD/one.txt" -o "$TMPD/one"
has "$TMPD/err" "casebook: imported 1 document (4 texts) into $TMPD/one; 0 warnings" "one document is 'document'"
# A marker and its text on one line, as text copied from a web page
# keeps them: the marker is a heading, its text what follows it.
printf '案例一\n北京市检察院探索一体化办案\n【关键词】一体化 | 办案\n【基本案情】正文第一段。\n' >"$TMPD/mk.txt"
run import "$TMPD/mk.txt" -o "$TMPD/mk"
has "$TMPD/mk/01.cb" "keywords.zh: 一体化 | 办案" "a keyword list on its marker's line is the case's keywords"
has "$TMPD/mk/01.cb" "section.zh: 【基本案情】" "a section marker on its text's line is a heading"
has "$TMPD/mk/01.cb" "zh: 正文第一段。" "and its text a paragraph"
# Chinese is written without spaces, so one space between two Chinese
# words separates keywords, as a page's collapsed spaces leave them; one
# beside a Latin word or a number stays inside the keyword.
printf 'Case 1\nTitle\n【关键词】\n检察听证 公开 ISO 9001 认证\n' >"$TMPD/sp.txt"
run import "$TMPD/sp.txt" -o "$TMPD/sp"
has "$TMPD/sp/01.cb" "keywords.zh: 检察听证 | 公开 ISO 9001 认证" \
  "a space between Chinese words separates keywords"
hasnt "$TMPD/err" "no separators" "and the line is not reported as without them"
printf '<html><head><title>T</title></head><body><article><p>案例1</p><p>某检察院推进检察听证</p><p>【关键词】</p><p>检察听证  公开  司法公信力</p><p>正文。</p></article></body></html>\n' >"$TMPD/sp.html"
run import "$TMPD/sp.html" -o "$TMPD/sph"
has "$TMPD/sph/01.cb" "keywords.zh: 检察听证 | 公开 | 司法公信力" \
  "a page's keywords, their spaces collapsed by HTML, are split too"
# A release that starts with its own title names the collection; a first
# line that is a sentence does not.
printf '第四批全国检察机关检察改革典型案例\n\n导语。\n案例一\n某检察院推进改革\n' >"$TMPD/ti.txt"
run import "$TMPD/ti.txt" -o "$TMPD/ti"
has "$TMPD/ti/collection.cb" "title.zh: 第四批全国检察机关检察改革典型案例" \
  "the release's first line, its title, titles the collection"
has "$TMPD/ti/00.cb" "heading.zh: 第四批全国检察机关检察改革典型案例" \
  "and is kept as a heading"
printf '最高检发布第四批典型案例，共3件。\n案例一\n某检察院推进改革\n' >"$TMPD/ts.txt"
run import "$TMPD/ts.txt" -o "$TMPD/ts"
has "$TMPD/ts/collection.cb" "title.en.tr: ts" \
  "a first line that is a sentence does not: the file's name does"
# A first line that is an attachment line names the collection by the
# title after its "附件：", as it did before a first line could be a title.
printf '附件：第四批全国检察机关检察改革典型案例\n导语。\n案例一\n某检察院推进改革\n' >"$TMPD/at.txt"
run import "$TMPD/at.txt" -o "$TMPD/at"
has "$TMPD/at/collection.cb" "title.zh: 第四批全国检察机关检察改革典型案例" \
  "an attachment line as the first: the title after its marker"
hasnt "$TMPD/at/collection.cb" "title.zh: 附件" "not the marker with it"
# One no-break space is one space, not two: it splits no keyword.
printf 'Case 1\nTitle\n【关键词】\nISO\302\2409001 certification\n' >"$TMPD/nb.txt"
run import "$TMPD/nb.txt" -o "$TMPD/nb"
has "$TMPD/nb/01.cb" "keywords.en: ISO$(printf '\302\240')9001 certification" \
  "a single no-break space stays inside a keyword"
# casebook's own files are not a release: a content file's keys, an
# export's JSON or its Markdown (with the † of the project's
# translations) would be filed under en:/zh: as the release's words.
run import "$SHIPPED/batch3/07-guangxi.cb" -o "$TMPD/own-doc"
is "$rc" 2 "a casebook document is refused"
has "$TMPD/err" "07-guangxi.cb: a casebook document (casebook-format:), not a release: copy it into a collection's directory" "saying what it is and what to do"
ok $([ ! -e "$TMPD/own-doc" ]; echo $?) "and nothing is written"
run import "$SHIPPED/batch3/collection.cb" -o "$TMPD/own-coll"
is "$rc" 2 "a collection file is refused"
has "$TMPD/err" "collection.cb: a casebook collection file" "as a collection file"
run --content "$SHIPPED" export batch3/7 -o "$TMPD/e7.md"
cp "$TMPD/e7.md" "$TMPD/e7.txt"
run import "$TMPD/e7.txt" -o "$TMPD/own-md"
is "$rc" 2 "a Markdown export is refused, whatever its name"
has "$TMPD/err" "e7.txt: Markdown that casebook export wrote, not a release" "as casebook's Markdown"
LC_ALL=zh_CN.UTF-8 "$CASEBOOK" --content "$SHIPPED" export batch3/7 batch3/1 >"$TMPD/e-zh.md" 2>/dev/null
run import - -o "$TMPD/own-mdzh" <"$TMPD/e-zh.md"
is "$rc" 2 "so is one of several documents with its note in Chinese, on standard input"
has "$TMPD/err" "standard input: Markdown that casebook export wrote" "named as standard input"
run --content "$SHIPPED" export batch3/7 --format jsonl -o "$TMPD/e7.jsonl"
run import "$TMPD/e7.jsonl" -o "$TMPD/own-json"
is "$rc" 2 "a JSON Lines export is refused"
has "$TMPD/err" "e7.jsonl: JSON, as casebook export writes it, not a release" "as JSON"
run --content "$SHIPPED" export batch3/7 --format html -o "$TMPD/e7.html"
run import "$TMPD/e7.html" -o "$TMPD/own-html"
is "$rc" 0 "an HTML export still comes back"
printf '# 第十批典型案例\n\n> 引言\n\n案例一\n某检察院推进改革\n正文。\n' >"$TMPD/mdrel.txt"
run import "$TMPD/mdrel.txt" -o "$TMPD/mdrel"
is "$rc" 0 "a release that merely looks like Markdown imports"
# A table of contents lists the cases, a title each, before the cases:
# the cases keep their numbers, the list is left out with one warning.
printf '最高检发布第十批典型案例\n\n目录\n案例一：张某某非法采矿案\n案例二：李某某减刑监督案\n\n案例一：张某某非法采矿案\n【关键词】巡回检察 公益诉讼\n【基本案情】\n2021年，张某某非法采矿。\n\n案例二：李某某减刑监督案\n【关键词】减刑 假释\n【基本案情】\n李某某减刑不当。\n' >"$TMPD/toc.txt"
run import "$TMPD/toc.txt" -o "$TMPD/toc"
is "$rc" 0 "a release with a table of contents imports"
is "$(ls "$TMPD/toc" | tr '\n' ' ')" "00.cb 01.cb 02.cb collection.cb " "its cases keep their numbers"
has "$TMPD/toc/01.cb" "zh: 2021年，张某某非法采矿。" "with their text"
has "$TMPD/err" "toc.txt:4: warning: lines 4-5 look like a table of contents" "the list is left out with one warning"
hasnt "$TMPD/err" "appears twice" "not as repeated cases"
# Entries that are not next to each other are named each on its own: a
# warning never names the lines of a case that was kept.
printf '案例一\n张某案\n案例一\n张某案\n正文一。\n案例二\n李某案\n正文二。\n案例三\n王某案\n案例三\n王某案\n正文三。\n' >"$TMPD/toc2.txt"
run import "$TMPD/toc2.txt" -o "$TMPD/toc2"
has "$TMPD/err" "toc2.txt:1: warning: lines 1-2 look like" "the first entry left out is named alone"
has "$TMPD/err" "toc2.txt:9: warning: lines 9-10 look like" "and the second, not lines 1-10"
printf 'Case 1\nT1\nbody\nCase 1\nT1 again\nmore\n' >"$TMPD/twice.txt"
run import "$TMPD/twice.txt" -o "$TMPD/twice"
has "$TMPD/err" "case 1 appears twice; the later one is kept as document 1001" "a case repeated with text is still kept twice"
# Keyword lists separated by 、，；,; are split, each keyword trimmed; a
# list separated by semicolons keeps its commas inside the keywords.
printf 'Case 1\nT\n【关键词】\n巡回检察、公益诉讼、生态修复\nCase 2\nT\n【Key words】\ncircuit inspection; public interest litigation\nCase 3\nT\n【关键词】\n巡回检察 ，公益诉讼；生态修复；\nCase 4\nT\n【Key words】\nCommutation, parole and temporary execution; Circuit inspection\nCase 5\nT\n【关键词】\n巡回检察, 减刑 , ,假释\n' >"$TMPD/kwp.txt"
run import "$TMPD/kwp.txt" -o "$TMPD/kwp"
has "$TMPD/kwp/01.cb" "keywords.zh: 巡回检察 | 公益诉讼 | 生态修复" "、 separates keywords"
has "$TMPD/kwp/02.cb" "keywords.en: circuit inspection | public interest litigation" "so does ;"
has "$TMPD/kwp/03.cb" "keywords.zh: 巡回检察 | 公益诉讼 | 生态修复" "and ， and ；, the spaces around them trimmed"
has "$TMPD/kwp/04.cb" "keywords.en: Commutation, parole and temporary execution | Circuit inspection" "commas stay inside keywords where semicolons separate"
has "$TMPD/kwp/05.cb" "keywords.zh: 巡回检察 | 减刑 | 假释" "Latin commas separate a Chinese list, empty keywords dropped"
hasnt "$TMPD/err" "no separators" "a split list is not reported as without separators"
# An English keyword holds commas: a list without semicolons is not cut
# at them ("Commutation, parole and ..." is one keyword of the release).
printf 'Case 1\nT\n【Key words】\nCommutation, parole and temporary execution outside prison\n' >"$TMPD/kwc.txt"
run import "$TMPD/kwc.txt" -o "$TMPD/kwc"
has "$TMPD/kwc/01.cb" "keywords.en: Commutation, parole and temporary execution outside prison" \
  "an English keyword keeps its commas"
# A plain text does not say who released it or when: --publisher and
# --date say so, the publisher marked as not the release's words, and a
# citation names both.
printf 'Case 1\nT\nbody one.\n' >"$TMPD/meta.txt"
run import "$TMPD/meta.txt" -o "$TMPD/meta" --publisher "最高人民检察院" --date 2022-07-14
is "$rc" 0 "import --publisher --date"
has "$TMPD/meta/collection.cb" "publisher.zh.tr: 最高人民检察院" "the publisher, in its language, marked as not the release's"
has "$TMPD/meta/collection.cb" "date: 2022-07-14" "the date"
run --content "$TMPD/meta" check
is "$rc" 0 "the collection checks clean"
run --content "$TMPD/meta" cite 1
has "$TMPD/out" "最高人民检察院, " "a citation names the publisher"
has "$TMPD/out" "(released 14 July 2022)" "and the date"
# In place of what a page gave.
run import "$top_srcdir/tests/data/html/div-p.html" -o "$TMPD/meta-html" --publisher "Supreme People's Procuratorate" --date 2023-01-02
has "$TMPD/meta-html/collection.cb" "publisher.en.tr: Supreme People's Procuratorate" "a page's publisher is the one given"
is "$(grep -c '^date:' "$TMPD/meta-html/collection.cb")" 1 "and one date"
has "$TMPD/meta-html/collection.cb" "date: 2023-01-02" "the one given"
run import "$TMPD/meta.txt" -o "$TMPD/meta2" --date 2022-02-30
is "$rc" 2 "a date that is no day is refused"
has "$TMPD/err" "invalid --date '2022-02-30' (a day written YYYY-MM-DD)" "saying how to write one"
ok $([ ! -e "$TMPD/meta2" ]; echo $?) "and nothing is written"
run import "$TMPD/meta.txt" -o "$TMPD/meta2" --publisher "$(printf 'a\033[31mb')"
is "$rc" 2 "a publisher with a control character is refused"
has "$TMPD/err" "invalid --publisher 'a^[[31mb' (a name on one line)" "shown visibly"
run list --date 2022-07-14
has "$TMPD/err" "list does not take --date" "other commands refuse --date"
# A text saved with the classic Mac OS's line ends (CR alone, not one
# LF) is read line by line, not as one paragraph.
printf '案例一 甲案\r正文一。\r案例二 乙案\r正文二。\r' >"$TMPD/cr.txt"
run import "$TMPD/cr.txt" -o "$TMPD/cr"
is "$rc" 0 "a text with CR line ends imports"
is "$(ls "$TMPD/cr" | tr '\n' ' ')" "01.cb 02.cb collection.cb " "as its two cases"
has "$TMPD/cr/02.cb" "title.zh: 乙案" "each with its title"
# Text with no case marker in it (a file named by mistake) imports as
# document 0, and says so.
printf 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n' >"$TMPD/nocase.txt"
run import "$TMPD/nocase.txt" -o "$TMPD/nocase"
has "$TMPD/err" "nocase.txt:1: warning: no case marker found (Case N, 案例N): all the text is document 0" \
  "a text with no case in it is said to have none"
# "Case 1 shows that ..." inside a case is a sentence of it, not a new
# document titled "shows that ...".
printf 'Case 3 Third title\nSome text of case three.\nCase 1 shows that the organs can improve supervision.\n' >"$TMPD/c1.txt"
run import "$TMPD/c1.txt" -o "$TMPD/c1"
is "$(ls "$TMPD/c1" | tr '\n' ' ')" "03.cb collection.cb " "a sentence beginning 'Case 1' starts no document"
has "$TMPD/c1/03.cb" "en: Case 1 shows that the organs can improve supervision." "and stays in its case, whole"
# A marker whose keyword list is missing, then a sentence: the sentence
# stays a paragraph, with its punctuation, and the import says so.
printf '案例二 乙案\n【关键词】\n近年来，检察机关推动整改落实、完善制度；取得良好效果。\n' >"$TMPD/kw.txt"
run import "$TMPD/kw.txt" -o "$TMPD/kw"
has "$TMPD/kw/02.cb" "zh: 近年来，检察机关推动整改落实、完善制度；取得良好效果。" \
  "a sentence after the keyword marker is kept as a paragraph"
has "$TMPD/err" "kw.txt:3: warning: the line after the keyword marker reads as a sentence" \
  "with a warning at its line"
# In a text of LF line ends, the CR of a CRLF goes; one inside a line
# is kept (shown visibly), not taken out to join two sentences.
printf '案例一 甲案\nFirst sentence.\rSecond sentence.\r\nThird line.\r\n' >"$TMPD/cr2.txt"
run import "$TMPD/cr2.txt" -o "$TMPD/cr2"
ok "$(grep -q "$(printf '^en: First sentence.\rSecond sentence.$')" "$TMPD/cr2/01.cb"; echo $?)" \
  "a CR inside a line is kept"
ok "$(grep -q "$(printf '^en: Third line.$')" "$TMPD/cr2/01.cb"; echo $?)" \
  "the CR of a CRLF is not"
printf '案例一 甲案\r\r\n正文一。\r\r\n' >"$TMPD/crcr.txt"
run import "$TMPD/crcr.txt" -o "$TMPD/crcr"
ok "$(grep -q "$(printf '^zh: 正文一。$')" "$TMPD/crcr/01.cb"; echo $?)" \
  "nor are the CRs of a CRLF file converted twice (CR CR LF)"
# The temporary names an import writes under are easily guessed: in a
# directory another user can write, a link planted there is not
# followed, and the file it points to keeps its text.
printf '案例一 甲案\n正文一。\n' >"$TMPD/plant.txt"
mkdir "$TMPD/plant"
echo precious >"$TMPD/victim"
sh -c 'for f in 01 collection; do ln -s "$2" "$1/$f.cb.tmp.$$"; done
       exec "$3" import "$4" -o "$1"' sh "$TMPD/plant" "$TMPD/victim" \
  "$CASEBOOK" "$TMPD/plant.txt" >"$TMPD/out" 2>"$TMPD/err"
is "$?" 0 "an import beside planted links succeeds"
is "$(cat "$TMPD/victim")" "precious" "and writes through none of them"
ok $([ -f "$TMPD/plant/01.cb" ] && [ ! -L "$TMPD/plant/01.cb" ]; echo $?) \
  "its documents are its own files"
# An import stopped mid-way (kill -9, Ctrl-C) leaves documents but no
# collection.cb: another import there
# would make its documents the new collection's too, and count only its
# own.  It is refused, naming what is there.
mkdir "$TMPD/stopped"
printf 'casebook-format: 1\nnumber: 5\n' >"$TMPD/stopped/05.cb"
run import "$TMPD/plant.txt" -o "$TMPD/stopped"
is "$rc" 2 "a directory holding documents but no collection is refused"
has "$TMPD/err" "casebook: $TMPD/stopped holds 05.cb but no collection.cb (an import stopped before it was done?); remove the directory, or import into a new one" \
  "naming the directory and the file"
ok $([ ! -e "$TMPD/stopped/01.cb" ]; echo $?) "and nothing is written there"
rm "$TMPD/stopped/05.cb"
# The half-written temporary file a stopped import leaves goes with the
# next import there; one of a process still at work stays.
gone=$(sh -c 'echo $$')
: >"$TMPD/stopped/05.cb.tmp.$gone"
: >"$TMPD/stopped/06.cb.tmp.$$"
run import "$TMPD/plant.txt" -o "$TMPD/stopped"
is "$rc" 0 "emptied, it takes the import"
ok $([ ! -e "$TMPD/stopped/05.cb.tmp.$gone" ]; echo $?) "a stopped import's temporary file is deleted"
ok $([ -e "$TMPD/stopped/06.cb.tmp.$$" ]; echo $?) "a live process's is not"
if command -v flock >/dev/null 2>&1; then
  mkdir "$TMPD/busy" && : >"$TMPD/busy/01.cb"
  flock "$TMPD/busy" "$CASEBOOK" import "$TMPD/plant.txt" -o "$TMPD/busy" \
    >"$TMPD/out" 2>"$TMPD/err"
  is "$?" 2 "the files of an import at work are its own"
  has "$TMPD/err" "$TMPD/busy: another import is writing into it" "and it is said so"
fi
# An empty -o names no directory: refused as one that cannot be made
# (the directory maker read past the end of the empty name).
run import "$TMPD/plant.txt" -o ""
is "$rc" 2 "an empty -o is refused"
has "$TMPD/err" "casebook: cannot create : No such file or directory" "as a directory that cannot be made"
# A failed import leaves the file system as it found it: the directories
# it made for -o (or for the library, with --add) are taken back, and
# none that was there before.  A write fails past the file size limit
# (SIGXFSZ ignored: write says EFBIG; what casebook says cannot be kept
# either, in a file); a name fails that is too long.
(trap '' XFSZ; ulimit -f 0 && run import "$release" -o "$TMPD/made/a/b"
 exit $rc)
st=$?
# Under check-valgrind the limit stops memcheck's own log too, and the
# wrapper's status is its own.
case "$CASEBOOK" in
  */valgrind/*)
    ok 0 "an import that cannot write exits 2 # SKIP memcheck cannot write its log past ulimit -f 0" ;;
  *) is "$st" 2 "an import that cannot write exits 2" ;;
esac
ok $([ ! -e "$TMPD/made" ]; echo $?) "and takes back the directories it made, parents too"
mkdir "$TMPD/had"
(trap '' XFSZ; ulimit -f 0 && run import "$release" -o "$TMPD/had/a/b")
ok $([ -d "$TMPD/had" ] && [ -z "$(ls -A "$TMPD/had")" ]; echo $?) \
  "a directory that was there stays, emptied of what the import made"
long=$(printf '%0300d' 0)
run import "$release" -o "$TMPD/made/a/$long"
is "$rc" 2 "a directory that cannot be made exits 2"
ok $([ ! -e "$TMPD/made" ]; echo $?) "and its parents made on the way are taken back"
(trap '' XFSZ; ulimit -f 0 && XDG_DATA_HOME=$TMPD/xdg \
   run import "$release" --add --name made)
# The library's own directories stay: another --add may be installing
# into them.
ok $([ -z "$(ls -A "$TMPD/xdg/casebook/collections")" ]; echo $?) \
  "--add that fails leaves nothing in the library"
done_testing
