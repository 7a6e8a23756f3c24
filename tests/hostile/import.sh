#!/bin/sh
# casebook import on hostile input: warnings, never an error, no text
# dropped (every non-blank line becomes a text or a case marker), and a
# collection that always loads.
. "$top_srcdir/tests/hostile/lib.sh"

# nonblank FILE: lines with something other than spaces, tabs and CRs.
nonblank () {
  LC_ALL=C grep -ac "[^ $(printf '\t\r')]" "$1"
}

# imports NAME FILE DOCS TEXTS MARKERS [TITLES]: import FILE into
# $TMPD/NAME; it exits 0 with DOCS documents and TEXTS texts, check
# passes, and the texts and MARKERS case markers account for every
# non-blank line, but for TITLES (0 or 1) that the importer gave an
# overview which had none.
imports () {
  name=$1 file=$2
  trun import "$file" -o "$TMPD/$1"
  is "$rc" 0 "$name: import exits 0"
  has "$TMPD/err" "casebook: imported $3 documents ($4 texts) into $TMPD/$1;" "$name: $3 documents, $4 texts"
  is "$(($4 - ${6:-0} + $5))" "$(nonblank "$file")" "$name: no line dropped ($4 texts - ${6:-0} titles + $5 markers)"
  cp "$TMPD/err" "$TMPD/import-err"
  trun check "$TMPD/$name"
  is "$rc" 0 "$name: the collection passes check"
  if [ "$3" -eq 1 ]; then docs="1 document"; else docs="$3 documents"; fi
  has "$TMPD/out" "$docs, $4 texts" "$name: and holds every text"
}

# Invalid UTF-8, NUL, CRLF, a BOM, an escape, "Case 0" after the overview,
# two keyword lists in one case, a keyword line of ideographic spaces, a
# repeated case and a case number too large to be one.
imports hostile "$HDATA/release-hostile.txt" 4 13 3 1
sed "s|$HDATA/||" "$TMPD/import-err" >"$TMPD/errs"
cat >"$TMPD/want" <<X
casebook: release-hostile.txt:2: warning: invalid UTF-8 or NUL byte at column byte 49 replaced by U+FFFD
casebook: release-hostile.txt:4: warning: case 0 appears twice; the later one is kept as document 1000
casebook: release-hostile.txt:9: warning: a second keyword list in one case is kept as a paragraph
casebook: release-hostile.txt:11: warning: invalid UTF-8 or NUL byte at column byte 5 replaced by U+FFFD
casebook: release-hostile.txt:14: warning: case 1 appears twice; the later one is kept as document 1001
casebook: imported 4 documents (13 texts) into $TMPD/hostile; 5 warnings
X
same "$TMPD/errs" "$TMPD/want" "hostile: one warning per problem, with its line"
is "$(ls "$TMPD/hostile" | tr '\n' ' ')" "00.cb 01.cb 1000.cb 1001.cb collection.cb " "hostile: no document replaces another"
trun list --content "$TMPD/hostile" --lang en
cat >"$TMPD/want" <<'X'
   0    release-hostile
   1    Bad �� bytes and a lone � byte
1000    Case zero, kept apart from the overview
1001    The same case again
X
same "$TMPD/out" "$TMPD/want" "hostile: bad bytes became U+FFFD"
trun show 0 --content "$TMPD/hostile" --lang en --width 100
has "$TMPD/out" "An overview with a ^[[31mred^[[0m escape and a NUL�byte." "hostile: the escape is kept, and shown visibly"
clean "$TMPD/out" "hostile: show prints nothing raw"
trun show 1000 --content "$TMPD/hostile" --json
has "$TMPD/out" '"keywords_zh":["巡回\u202e检察","减假暂"]' "hostile: the keyword line is split at the ideographic space (the override escaped)"
has "$TMPD/out" '"zh":"第二个关键词"' "hostile: the second keyword line is a paragraph"
trun show 1 --content "$TMPD/hostile" --json
has "$TMPD/out" '"zh":"　　"' "hostile: a keyword line of ideographic spaces is a paragraph"
trun show 1001 --content "$TMPD/hostile" --json
has "$TMPD/out" '"en":"Case 123456789"' "hostile: a case number beyond 99999 is text"

# A picture chosen by mistake is not a release: refused, not a
# collection of U+FFFD (a stray NUL in a text is still imported, above).
trun import "$HDATA/binary.cb" -o "$TMPD/binary"
is "$rc" 2 "binary: refused"
has "$TMPD/err" "binary.cb: not a text file" "binary: says it is not text"

: >"$TMPD/empty.txt"
trun import "$TMPD/empty.txt" -o "$TMPD/empty"
is "$rc" 2 "empty: refused (issue 16: no empty collections)"
has "$TMPD/err" "empty.txt: empty input: nothing to import" "empty: says there was nothing"
ok $([ ! -e "$TMPD/empty" ]; echo $?) "empty: and writes nothing"

# The file name goes into the collection: a newline and a byte that is
# not UTF-8 in it must not break the files.
name="$TMPD/$(printf 'new\nline\377')  .txt"
cp "$HDATA/release-hostile.txt" "$name"
imports name "$name" 4 13 3 1
is "$(sed -n 3p "$TMPD/name/collection.cb")" "id: new?line?  " "name: the id is one line of UTF-8"

# Big and repetitive: 300 cases (each document file is written and
# synced on its own, so more only measures the disk), 10,000 markers in a
# row, 100 repeats of one case, a 1 MB line.
awk 'BEGIN {
  print "Attachment: Three hundred cases"
  for (i = 1; i <= 300; i++) {
    print "Case " i; print "Title " i; print "【关键词】"; print "词" i "  word" i
    print "一、标题" i; print "Paragraph " i "."
  }
}' >"$TMPD/many.txt"
imports many "$TMPD/many.txt" 301 1502 300 1
awk 'BEGIN {
  print "Case 1"; print "Markers"
  for (i = 1; i <= 10000; i++) print "【关键词】"
  for (i = 1; i <= 100; i++) { print "Case 7"; print "Again " i }
  printf "Case 8\nA long line\n"
  for (i = 1; i <= 50000; i++) printf "巡回检察 circuit "
  printf "\n"
}' >"$TMPD/repeat.txt"
imports repeat "$TMPD/repeat.txt" 102 10103 102
trun show 99007 --content "$TMPD/repeat" --lang en
has "$TMPD/out" "Again 100" "repeat: the last repeat of case 7 is document 99007"

# Two imports into one directory at once: the second is refused while
# the first writes (here, while another holds the directory's lock).
# Before, both found no collection there, the later one's files
# replaced the earlier one's, and both said they had imported.
if command -v flock >/dev/null 2>&1; then
  mkdir "$TMPD/busy"
  printf '案例1\n标题\n正文。\n' >"$TMPD/one.txt"
  flock "$TMPD/busy" "$CASEBOOK" import "$TMPD/one.txt" -o "$TMPD/busy" >"$TMPD/out" 2>"$TMPD/err"
  is "$?" 2 "import into a directory another import is writing into is refused"
  has "$TMPD/err" "casebook: $TMPD/busy: another import is writing into it" "and says so"
  is "$(ls "$TMPD/busy")" "" "nothing is written into it"
  trun import "$TMPD/one.txt" -o "$TMPD/busy"
  is "$rc" 0 "once the other is done, the import goes ahead"
else
  for i in 1 2 3 4; do ok 0 "# SKIP flock(1) is missing"; done
fi
done_testing
