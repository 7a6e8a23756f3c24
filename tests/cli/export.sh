#!/bin/sh
# casebook export: Markdown, HTML and JSON Lines, escaped; the HTML page
# imports back to the same text.
. "$top_srcdir/tests/cli/lib.sh"

run --content "$GOOD" export 1 --format html
is "$rc" 0 "export --format html"
has "$TMPD/out" "<!DOCTYPE html>" "a standalone page"
has "$TMPD/out" '<td lang="en" class="tr"' "translations marked"
hasnt "$TMPD/out" "<link" "no external assets"
run --content "$GOOD" export 1 --format html -o "$TMPD/one.html"
is "$rc" 0 "-o writes a file"
ok $([ -s "$TMPD/one.html" ] && [ ! -s "$TMPD/out" ]; echo $?) "and nothing to stdout"

# The round trip: export a Chinese-only case, import the page, compare.
printf '%s\n' '案例5' '某某检察院办理某案' '【关键词】' '巡回检察　减刑' '【基本案情】' \
  '某年某月，某人犯罪。' '一、第一部分' '正文第二段。' >"$TMPD/zh.txt"
run import "$TMPD/zh.txt" -o "$TMPD/zh"
run --content "$TMPD/zh" show 5 --lang zh --width 200
# The header names the collection and its source, which differ.
sed '1,/^$/d' "$TMPD/out" >"$TMPD/before"
run --content "$TMPD/zh" export 5 --format html -o "$TMPD/zh5.html"
run import "$TMPD/zh5.html" -o "$TMPD/back"
is "$rc" 0 "the exported page imports"
run --content "$TMPD/back" show 5 --lang zh --width 200
sed '1,/^$/d' "$TMPD/out" >"$TMPD/after"
same "$TMPD/after" "$TMPD/before" "and shows the same text"

# Both languages come back as they were: a page casebook exported says
# what each text is, which are translations, and the revised English.
for n in 1 7; do
  run --content "$SHIPPED" export $n --format html -o "$TMPD/s$n.html"
  run import "$TMPD/s$n.html" -o "$TMPD/s$n"
  is "$rc" 0 "shipped case $n: the exported page imports"
  # Its texts counted as check counts them: a text in both languages
  # is one, not two.
  texts=$(sed -n 's/.*imported 1 document (\([0-9]*\) texts).*/\1/p' "$TMPD/err")
  "$CASEBOOK" check "$TMPD/s$n" >"$TMPD/check" 2>&1
  has "$TMPD/check" "1 document, $texts texts;" "shipped case $n: import counts its texts as check does"
  for e in release revised; do
    run --content "$SHIPPED" show $n --lang both --english=$e --width 200
    sed '1,/^$/d' "$TMPD/out" >"$TMPD/before"
    run --content "$TMPD/s$n" show $n --lang both --english=$e --width 200
    sed '1,/^$/d' "$TMPD/out" >"$TMPD/after"
    same "$TMPD/after" "$TMPD/before" "shipped case $n: both languages, --english=$e, as before"
  done
done
has "$TMPD/s1/01.cb" "keywords.en.rev: Adjacent procuratorates" "the revised English comes back as a revision"
has "$TMPD/s7/07.cb" "title.en.tr: Guangxi" "a translation comes back marked as one"
# The shipped collection's Chinese title is the project's translation
# (title.zh.tr): the imported collection must not claim it as the release's.
has "$TMPD/s7/collection.cb" "title.zh.tr: 第三批" "the collection's translated title comes back marked as one"
has "$TMPD/s7/collection.cb" "title.en: The third batch of typical cases" "and the release's own English title comes back, unmarked"
# The publisher too, each language marked as collection.cb marks it, so
# that a citation of the imported page is as complete as the original's.
has "$TMPD/s7/collection.cb" "publisher.zh.tr: 最高人民检察院" "the collection's translated publisher comes back marked as one"
has "$TMPD/s7/collection.cb" "publisher.en: Supreme People's Procuratorate" "and its own English publisher, unmarked"
for l in zh en; do
  "$CASEBOOK" --content "$SHIPPED" cite 7 '¶3' --lang $l >"$TMPD/cite-before"
  run --content "$TMPD/s7" cite 7 '¶3' --lang $l
  same "$TMPD/out" "$TMPD/cite-before" "the imported page's citation ($l) is the original's"
done
# Whichever language the page was exported in.
LANGUAGE=zh_CN "$CASEBOOK" --content "$SHIPPED" export 7 --format html -o "$TMPD/s7zh.html"
run import "$TMPD/s7zh.html" -o "$TMPD/s7zh"
is "$(grep '^title\.' "$TMPD/s7zh/collection.cb")" "$(grep '^title\.' "$TMPD/s7/collection.cb")" "a page exported for a Chinese reader gives the same titles"

# Export over a query: the documents it finds, best first.
run --content "$SHIPPED" export 巡回检察 --format jsonl
is "$rc" 0 "export QUERY"
is "$(cut -c1-60 "$TMPD/out" | sed 's/.*"number":\([0-9]*\).*/\1/' | tr '\n' ' ')" "7 0 " "--format jsonl: the matching documents, ranked as search ranks them"
run --content "$SHIPPED" search --count 巡回检察
is "$(cut -d: -f1 "$TMPD/out" | tr '\n' ' ')" "7 0 " "(search's order)"
run --content "$SHIPPED" export 'year:2022 一体化' --format md
is "$(grep -c '^# ' "$TMPD/out")" "$((2 * $("$CASEBOOK" --content "$SHIPPED" search --count 'year:2022 一体化' | grep -c .)))" "--format md: every document the query finds (a title per language)"
is "$(grep -c '^---$' "$TMPD/out")" "$(($("$CASEBOOK" --content "$SHIPPED" search --count 'year:2022 一体化' | grep -c .) - 1))" "separated by rules"
run --content "$SHIPPED" export region:广西 --format html
is "$rc" 0 "--format html: a query that finds one document"
has "$TMPD/out" "<h1>广西检察机关全面深化巡回检察赋能刑事执行检察高质量发展</h1>" "makes its page"
run --content "$SHIPPED" export 巡回检察 --format html
is "$rc" 2 "a query that finds two for one HTML page is refused"
has "$TMPD/err" "the query finds 2 documents" "saying how many"
run --content "$SHIPPED" export 'tag:"circuit inspection"' --format jsonl
is "$(wc -l <"$TMPD/out")" 1 "a quoted facet in one argument"
run --content "$SHIPPED" export nowhere-at-all-xyz
is "$rc" 1 "a query that finds nothing: exit 1"
has "$TMPD/err" "no document matches nowhere-at-all-xyz" "and says so"
run --content "$SHIPPED" export '"unclosed'
is "$rc" 2 "a query that does not parse is an error"
run --content "$SHIPPED" export 7 batch3/4 --format jsonl
is "$(cut -c1-60 "$TMPD/out" | sed 's/.*"number":\([0-9]*\).*/\1/' | tr '\n' ' ')" "7 4 " "document names: in the order given"
# Named as show takes them: a space a shell variable left, full-width
# digits and letters as a Chinese input method types them.  They were
# read as a query, and exported whatever it found.
run --content "$SHIPPED" export ' 7' '７ ' 'ｂａｔｃｈ３／４' --format jsonl
is "$rc:$(cut -c1-60 "$TMPD/out" | sed 's/.*"number":\([0-9]*\).*/\1/' | tr '\n' ' ')" "0:7 7 4 " \
  "document names as show reads them: ' 7', '７ ', 'ｂａｔｃｈ３／４'"
run --content "$SHIPPED" export '７' 巡回检察 --format jsonl
is "$rc" 0 "a name among query words: one query"

# Escaping: a title with <script> and &.
mkdir -p "$TMPD/hostile"
printf 'casebook-format: 1\nid: h\ntitle.zh: 测试\n' >"$TMPD/hostile/collection.cb"
printf 'casebook-format: 1\nnumber: 1\ntitle.zh: <script>alert(1)</script> & 标题\n\nzh: 正文\n' >"$TMPD/hostile/01.cb"
run --content "$TMPD/hostile" export 1 --format html
has "$TMPD/out" "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 标题" "HTML: the title escaped"
hasnt "$TMPD/out" "<script>" "no script element"
run --content "$TMPD/hostile" export 1 --format md
has "$TMPD/out" '\<script\>alert\(1\)\</script\> \& 标题' "Markdown: escaped"
# The citation's title, date and name come from the collection's file
# too (a date is only ever YYYY-MM-DD: casebook(5)).
printf 'casebook-format: 1\nid: h_1\ntitle.zh: 测试 [x](javascript:alert(1)) <b>\ndate: 2022-07-14\n' >"$TMPD/hostile/collection.cb"
run --content "$TMPD/hostile" export 1 --format md
has "$TMPD/out" '> 测试 \[x\]\(javascript:alert\(1\)\) \<b\>, 2022-07-14. h\_1/1' "Markdown: the citation's title, date and name escaped (a hyphen inside a line is no markup)"
hasnt "$TMPD/out" '](javascript' "no link"
printf 'casebook-format: 1\nid: h\ntitle.zh: 测试\n' >"$TMPD/hostile/collection.cb"
run --content "$TMPD/hostile" export 1 --format jsonl
has "$TMPD/out" '"zh":"<script>alert(1)</script> & 标题"' "JSON Lines: exact"
is "$(wc -l <"$TMPD/out")" 1 "one line"

run --content "$GOOD" export 1 2 --format jsonl
is "$(wc -l <"$TMPD/out")" 2 "one line per document"
run --content "$GOOD" export 1 --format pdf
is "$rc" 2 "an unknown format is refused"
run --content "$GOOD" export 99
is "$rc" 2 "an unknown document is an error"
run --content "$TMPD/hostile" export '<script>' --format html
has "$TMPD/out" "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 标题" "a query's document is escaped the same"
# The collection's publisher and title in the reader's language, as a
# citation names them: the release's own in English, unmarked; the
# project's translation in Chinese, marked as every text of the project
# is.
run --content "$SHIPPED" export 1 --format md
has "$TMPD/out" "> Supreme People's Procuratorate, The third batch of typical cases of procuratorial reform of national procuratorial organs, 2022-07-14" "--format md: the collection's publisher and title in the reader's English"
hasnt "$TMPD/out" "第三批" "not in Chinese"
run --content "$SHIPPED" export 1 --format html
has "$TMPD/out" "<p>Supreme People&#39;s Procuratorate, The third batch of typical cases of procuratorial reform of national procuratorial organs, 2022-07-14" "and so does --format html"
LANGUAGE=zh_CN "$CASEBOOK" --content "$SHIPPED" export 1 --format md >"$TMPD/out"
has "$TMPD/out" "> 最高人民检察院 †, 第三批全国检察机关检察改革典型案例 †, 2022-07-14" "LANGUAGE=zh_CN: --format md marks a publisher and title the project translated"
LANGUAGE=zh_CN "$CASEBOOK" --content "$SHIPPED" export 1 --format html >"$TMPD/out"
has "$TMPD/out" "<p>最高人民检察院 †, 第三批全国检察机关检察改革典型案例 †, 2022-07-14" "LANGUAGE=zh_CN: and so does --format html"
# The project's revision of a machine-translated English is exported in
# every format, not only in HTML.
has "$TMPD/out" '<div class="rev"' "--format html: the revised English"
run --content "$SHIPPED" export 1 --format md
has "$TMPD/out" "Adjacent procuratorates · Integrated and centralized case handling · Supervision ‡" "--format md: the revised English, marked ‡"
has "$TMPD/out" "Adjacent hospital · integrated centralized case handling and supervision" "after the release's"
has "$TMPD/out" "‡ the casebook project's revision of the release's English" "and the mark explained"
run --content "$SHIPPED" export 1 --format jsonl
has "$TMPD/out" '"en_rev":["Adjacent procuratorates","Integrated and centralized case handling","Supervision"]' "--format jsonl: the revised keywords"
has "$TMPD/out" ',"en_origin":"release","en_rev":"The People'"'"'s Procuratorate of Hulunbuir City' "--format jsonl: the revised title"
run --content "$SHIPPED" export 7 --format md
hasnt "$TMPD/out" "‡" "--format md: nothing marked ‡ where nothing is revised"
# Every field of the header that the HTML page has: the procuratorate
# and the region too, translations marked as every text is.
run --content "$SHIPPED" export 1 --format md
is "$(grep -cx '内蒙古自治区呼伦贝尔市人民检察院 †' "$TMPD/out")" 1 "--format md: the procuratorate, marked as the project's"
is "$(grep -cx "People's Procuratorate of Hulunbuir City, Inner Mongolia Autonomous Region" "$TMPD/out")" 1 "in English too, the release's own unmarked"
is "$(grep -cx '内蒙古呼伦贝尔 †' "$TMPD/out")" 1 "--format md: the region"
run --content "$SHIPPED" export 1 --format jsonl
has "$TMPD/out" '"procuratorate":{"zh":"内蒙古自治区呼伦贝尔市人民检察院","zh_origin":"translation","en":"People'"'"'s Procuratorate of Hulunbuir City, Inner Mongolia Autonomous Region","en_origin":"release"},"region":{' "--format jsonl: the procuratorate, with its origins, before the region"
# -o - is standard output, as import reads standard input from -.
mkdir "$TMPD/cwd"
(cd "$TMPD/cwd" && "$CASEBOOK" --content "$GOOD" export 1 -o - >"$TMPD/out" 2>"$TMPD/err")
is "$?:$(head -c 2 "$TMPD/out")" "0:# " "-o -: the export on standard output"
ok $([ ! -e "$TMPD/cwd/-" ]; echo $?) "and no file named -"
# The script the reader asked for: md and html as show writes them;
# JSON Lines is data, the text as the content holds it.
if "$CASEBOOK" --version | grep -q 'OpenCC yes'; then
  run --content "$SHIPPED" export 7 --script=traditional
  has "$TMPD/out" "# 廣西檢察機關全面深化巡迴檢察" "--script=traditional: --format md in traditional characters"
  hasnt "$TMPD/out" "检察" "and no simplified ones"
  has "$TMPD/out" "The Chinese is in traditional script: OpenCC's conversion" \
    "and the page says whose wording that is"
  run --content "$SHIPPED" export 7 --script=traditional --format html
  has "$TMPD/out" "<h1>廣西檢察機關全面深化巡迴檢察" "--format html too"
  hasnt "$TMPD/out" "检察" "all of it"
  has "$TMPD/out" "The Chinese is in traditional script: OpenCC&#39;s conversion" \
    "and says whose wording it is, where the reader sees it"
  # Converted, the page's Chinese is OpenCC's, not the release's: import
  # refuses it rather than file it as the release's words.
  cp "$TMPD/out" "$TMPD/trad.html"
  run import "$TMPD/trad.html" -o "$TMPD/trad"
  is "$rc" 2 "a page exported in traditional script is refused by import"
  has "$TMPD/err" "exported in traditional script" "saying why"
  [ ! -e "$TMPD/trad" ]; ok $? "and nothing is written"
  run --content "$SHIPPED" export 7 --script=traditional --format jsonl
  is "$rc:$(cat "$TMPD/out")" "2:" "--format jsonl refuses --script=traditional"
  has "$TMPD/err" "--format jsonl writes the text as the content holds it" "and says why"
  LANGUAGE=zh_TW "$CASEBOOK" --content "$SHIPPED" export 7 --format jsonl >"$TMPD/out"
  has "$TMPD/out" '"zh":"广西检察机关全面深化巡回检察' "a zh_TW locale's default script leaves jsonl as it is"
  LANGUAGE=zh_TW "$CASEBOOK" --content "$SHIPPED" export 7 >"$TMPD/out"
  has "$TMPD/out" "# 廣西檢察機關" "and is md's, as it is show's"
fi
# A collection with no title in the reader's language gives the other,
# marked when it is the project's.
mkdir "$TMPD/zhonly"
printf 'casebook-format: 1\nid: zhonly\ntitle.zh.tr: 只有中文标题\n' >"$TMPD/zhonly/collection.cb"
printf 'casebook-format: 1\nnumber: 1\ntitle.en: A title\n\nen: Text.\n' >"$TMPD/zhonly/01.cb"
run --content "$TMPD/zhonly" export 1 --format md
has "$TMPD/out" "> 只有中文标题 †. zhonly/1" "no English title: the Chinese one, marked as the project's"
# Another user's link in a sticky directory others can write (/tmp) is
# not followed to a FIFO or a device either: it would aim the export at
# a disk, or a root's FIFO, that this user can write.  (A null device of
# our own: only root can make one, and give a link to another user.)
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1 \
   && mknod "$TMPD/dev" c 1 3 2>/dev/null; then
  mkdir "$TMPD/sticky" && chmod 1777 "$TMPD/sticky"
  ln -s "$TMPD/dev" "$TMPD/sticky/case.md" && chown -h nobody "$TMPD/sticky/case.md"
  run --content "$SHIPPED" export 1 -o "$TMPD/sticky/case.md"
  is "$rc" 2 "export -o through another user's link to a device: refused"
  has "$TMPD/err" "cannot write $TMPD/sticky/case.md: Permission denied" "said as for a file"
  ln -s "$TMPD/dev" "$TMPD/sticky/mine.md"
  run --content "$SHIPPED" export 1 -o "$TMPD/sticky/mine.md"
  is "$rc" 0 "through one's own link, the device is written into"
  # Nor another user's FIFO there, which would hold the export until
  # it read it (here it never would: without the refusal, timeout).
  mkfifo "$TMPD/sticky/fifo.md" && chown nobody "$TMPD/sticky/fifo.md"
  timeout 20 "$CASEBOOK" --content "$SHIPPED" export 1 \
    -o "$TMPD/sticky/fifo.md" >"$TMPD/out" 2>"$TMPD/err"
  is "$?" 2 "export -o to another user's FIFO in a sticky directory: refused"
  has "$TMPD/err" "cannot write $TMPD/sticky/fifo.md: Permission denied" "as the kernel says it"
else
  for i in 1 2 3 4 5; do
    echo "ok $((tap_n = tap_n + 1)) # SKIP needs root and the user nobody"
  done
fi
done_testing
