#!/bin/sh
# Big and repetitive content, generated here (nothing big is committed):
# a 20 MB paragraph on one line, 10,000 documents, 100,000 keywords and
# markers repeated tens of thousands of times.  All of it loads and reads,
# with no text lost.  The timeout only catches a hang.
. "$top_srcdir/tests/hostile/lib.sh"
LIMIT=${HOSTILE_BIG_TIMEOUT:-60}

# A 20 MB paragraph: 425,000 copies of a 47-byte sentence, one line.
unit='巡回检察就是办案，circuit inspection. '
coll huge
{
  printf 'casebook-format: 1\nnumber: 1\ntitle.en: Twenty megabytes on one line\n\nzh: '
  yes "$unit" | head -n 425000 | tr -d '\n'
  printf '\n'
} >"$TMPD/huge/01.cb"
is "$(wc -c <"$TMPD/huge/01.cb")" 19975074 "a 20 MB paragraph (generated)"
trun check "$TMPD/huge"
is "$rc" 0 "20 MB: check passes"
has "$TMPD/out" "1 document, 2 texts" "20 MB: one document, title and paragraph"
trun show 1 --content "$TMPD/huge" --width 80
is "$rc" 0 "20 MB: show exits 0"
is "$(grep -o 巡 "$TMPD/out" | wc -l)" 425000 "20 MB: show wraps all 425,000 sentences"
is "$(awk 'length($0) > 240 { n++ } END { print n + 0 }' "$TMPD/out")" 0 "20 MB: into lines of 80 columns"
trun search --content "$TMPD/huge" --count 办案
is "$rc:$(cat "$TMPD/out")" "0:1:425000" "20 MB: search counts every hit"
trun search --content "$TMPD/huge" --count -- '/检察(就是)+办案/'
is "$rc:$(cat "$TMPD/out")" "0:1:425000" "20 MB: a regex counts every hit"

# 10,000 documents.  Creating 10,000 files costs seconds on some disks
# and nothing in memory: use /dev/shm when there is one.
many=$(mktemp -d /dev/shm/cbhostile.XXXXXX 2>/dev/null) ||
  many=$(mktemp -d "$TMPD/many.XXXXXX")
trap 'rm -rf "$TMPD" "$many"' EXIT
cp "$HDATA/collection.cb" "$many/"
awk 'BEGIN {
  for (i = 1; i <= 10000; i++)
    printf "casebook-format: 1\nnumber: %d\ntitle.zh: 第%d号\ntitle.en: Document %d\n\nkeywords.en: doc%d | every\n\nzh: 第%d段。\nen: Paragraph %d.\n", i, i, i, i, i, i, i
}' | (cd "$many" && split -l 9 -a 5 -d --additional-suffix=.cb - doc)
trun check "$many"
is "$rc" 0 "10,000 documents: check passes"
has "$TMPD/out" "10000 documents, 30000 texts" "10,000 documents: all read"
trun list --content "$many" --lang en
is "$(wc -l <"$TMPD/out")" 10000 "10,000 documents: list has 10,000 lines"
is "$(tail -1 "$TMPD/out")" "10000    Document 10000" "10,000 documents: in number order"
trun show 9999 --content "$many" --lang en
has "$TMPD/out" "Paragraph 9999." "10,000 documents: show finds one"
trun search --content "$many" --count 段
is "$(wc -l <"$TMPD/out")" 10000 "10,000 documents: search finds them all"
trun search --content "$many" tag:doc5000
is "$(head -1 "$TMPD/out")" "Case 5000  Document 5000  (1 hit)" "10,000 documents: tag: finds one"
trun tags --content "$many" --lang en
is "$(wc -l <"$TMPD/out")" 10001 "10,000 documents: tags lists 10,001 keywords"
has "$TMPD/out" "every	1 2 3 4 5" "10,000 documents: a keyword of every document"

# 100,000 keywords in each language.
coll kw
{
  printf 'casebook-format: 1\nnumber: 1\ntitle.en: A hundred thousand keywords\n\n'
  awk 'BEGIN {
    printf "keywords.zh: 词1"; for (i = 2; i <= 100000; i++) printf " | 词%d", i; print ""
    printf "keywords.en: word1"; for (i = 2; i <= 100000; i++) printf " | word%d", i; print ""
  }'
} >"$TMPD/kw/01.cb"
trun check "$TMPD/kw"
is "$rc" 0 "100,000 keywords: check passes"
trun show 1 --content "$TMPD/kw" --json
is "$(head -1 "$TMPD/out" | grep -o '"word[0-9]*"' | wc -l)" 100000 "100,000 keywords: all in show --json"
trun search --content "$TMPD/kw" tag:word99999
is "$rc" 0 "100,000 keywords: tag: finds the last but one"
trun search --content "$TMPD/kw" tag:词100001
is "$rc" 1 "100,000 keywords: and not one that is not there"
timeout "$LIMIT" "$CASEBOOK" tags --content "$TMPD/kw" >"$TMPD/out" 2>"$TMPD/err"
rc=$?
ok $([ "$rc" -eq 0 ] && [ "$(wc -l <"$TMPD/out")" -eq 100000 ]; echo $?) \
  "100,000 keywords: tags lists them all (exit $rc)"

# Markers repeated: 50,000 section markers, a keyword list of 100,000
# separators, a heading nested 10,000 deep, a paragraph inside 20,000
# pairs of 【】.
coll rep
{
  printf 'casebook-format: 1\nnumber: 1\ntitle.en: Markers, markers, markers\n'
  awk 'BEGIN {
    for (i = 0; i < 50000; i++) print "\nsection.zh: 【关键词】"
    printf "\nkeywords.zh: "; for (i = 0; i < 100000; i++) printf "|"; print ""
    printf "\nheading.zh: "; for (i = 0; i < 10000; i++) printf "（"; print "一）"
    printf "\nzh: "; for (i = 0; i < 20000; i++) printf "【"; printf "正文"
    for (i = 0; i < 20000; i++) printf "】"; print ""
  }'
} >"$TMPD/rep/01.cb"
trun check "$TMPD/rep"
is "$rc" 0 "repeated markers: check passes"
has "$TMPD/out" "1 document, 50004 texts" "repeated markers: every block read"
trun show 1 --content "$TMPD/rep" --width 80
is "$rc" 0 "repeated markers: show exits 0"
is "$(grep -o '【关键词】' "$TMPD/out" | wc -l)" 50000 "repeated markers: show has every section"
trun search --content "$TMPD/rep" 正文
is "$rc" 0 "repeated markers: search finds the nested text"
has "$TMPD/out" "§50000 ¶3 zh: …【【【【【【【【【【【【【【【正文】】】】】】】】】】】】】】】…" "repeated markers: in the last section"
trun tags --content "$TMPD/rep"
is "$rc" 1 "repeated markers: a keyword list of separators holds no keyword"
done_testing
