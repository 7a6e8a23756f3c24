#!/bin/sh
# casebook check: clean content, planted errors, coverage.
. "$top_srcdir/tests/cli/lib.sh"

run check "$GOOD"
is "$rc" 0 "check of good content exits 0"
is "$(cat "$TMPD/out")" "$GOOD: 3 documents, 16 texts; Chinese 94% (47% translated), English 100% (50% translated); 4 glossary terms; 0 errors, 0 warnings" "one-line summary with coverage"
is "$(cat "$TMPD/err")" "" "nothing on stderr"
# --pending: each text that lacks a language, where a translator adds it.
run check --pending "$GOOD"
is "$rc" 0 "check --pending exits 0: a pending text is no error"
is "$(head -n 1 "$TMPD/out")" "$GOOD/02-adjacent.cb:21: en has no Chinese; add zh.tr" \
  "the text lacking Chinese, as FILE:LINE, with the key to add"
is "$(wc -l <"$TMPD/out")" 2 "one line for it, then the summary"
printf '案例一\n某检察院推进改革\n【改革情况】\n正文。\n' >"$TMPD/pend.txt"
"$CASEBOOK" import "$TMPD/pend.txt" -o "$TMPD/pend" 2>/dev/null
run check --pending "$TMPD/pend"
has "$TMPD/out" "$TMPD/pend/01.cb:7: title.zh has no English; add title.en.tr" \
  "an imported release: its title"
has "$TMPD/out" "section.zh has no English; add section.en.tr" "its sections"
has "$TMPD/out" "zh has no English; add en.tr" "and its paragraphs"
run list --pending --content "$GOOD"
is "$rc" 2 "--pending is check's alone"

run check "$BAD"
is "$rc" 2 "check of broken content exits 2"
sed "s|$BAD/||g" "$TMPD/err" >"$TMPD/errs"
cat >"$TMPD/want" <<'X'
casebook: 02-utf8.cb:5: error: invalid UTF-8 at byte 8 of the line (byte offset 57 in the file)
casebook: 02-utf8.cb:6: error: invalid UTF-8 at byte 5 of the line (byte offset 71 in the file)
casebook: 03-unknown.cb:4: error: unknown field 'colour.en'
casebook: 03-unknown.cb:7: error: unknown field 'fr'
casebook: 04-nonumber.cb:1: error: missing field 'number'
casebook: 05-duplicate.cb:2: error: duplicate document number 1 (also in 01-ok.cb)
casebook: 06-empty.cb:5: error: empty value for 'zh'
casebook: 06-empty.cb:5: error: a block with neither Chinese nor English text
casebook: 06-empty.cb:6: error: empty value for 'en'
casebook: 07-binary.cb:5: error: NUL byte at byte offset 52: not a text file
casebook: 08-noformat.cb:1: error: the first field must be 'casebook-format: 1'
casebook: 09-future.cb:1: error: unsupported format version '2' (this casebook reads version 1)
casebook: 10-mixed.cb:6: error: 'heading.en' cannot share a block with 'en' (separate them with a blank line)
casebook: 10-mixed.cb:8: error: 1 Chinese keyword but 2 in English: the lists must pair item by item
casebook: 10-mixed.cb:12: error: 'en' given twice in one block (first at line 11); separate paragraphs with a blank line
casebook: 11-syntax.cb:4: error: expected 'key: value' at the start of the line
casebook: 12-format.cb:3: error: duplicate field 'casebook-format' (first given at line 1)
casebook: 13-revision.cb:5: error: 'en.rev' revises the release's English, but there is no 'en' beside it
X
same "$TMPD/errs" "$TMPD/want" "every planted error with file and line"
has "$TMPD/out" "18 errors, 0 warnings" "summary counts the errors"

# The loader never writes to content.
before=$(cd "$BAD" && ls -l --time-style=+%s . | md5sum)
run check "$BAD"
after=$(cd "$BAD" && ls -l --time-style=+%s . | md5sum)
is "$after" "$before" "check changes nothing in the content directory"

run list --content "$BAD"
is "$rc" 2 "other commands refuse broken content"
has "$TMPD/err" "content has errors; to list them: casebook check $BAD" "and point to check"

# list and tags read only the documents' headers: an error in a text
# does not stop them; commands that read texts still refuse it.
mkdir -p "$TMPD/body"
cp -r "$top_srcdir/tests/tui/data/sample" "$TMPD/body/c"
printf '\nbogus.en: x\n' >> "$TMPD/body/c/02-adjacent.cb"
run list --content "$TMPD/body/c"
is "$rc" 0 "list reads headers: an error in a text does not stop it"
is "$(wc -l < "$TMPD/out")" 3 "and every document is listed"
run tags --content "$TMPD/body/c"
is "$rc" 0 "tags reads headers too"
run show 2 --content "$TMPD/body/c"
is "$rc" 2 "show refuses a document with an error in its text"
has "$TMPD/err" "02-adjacent.cb:23: error: unknown field 'bogus.en'" \
  "and says where it is"
has "$TMPD/err" "has errors; to list them: casebook check $TMPD/body/c" \
  "and which check lists them"
# So in a small file, where the header and the error are read at once:
# an unknown block right after the header, or bad UTF-8 in the first
# paragraph.
mkdir -p "$TMPD/small"
printf 'casebook-format: 1\nid: small\ntitle.en: Small\ndate: 2022-07-14\n' \
  > "$TMPD/small/collection.cb"
printf 'casebook-format: 1\nnumber: 1\ntitle.en: One\n\nfoo: bar\n' \
  > "$TMPD/small/01.cb"
printf 'casebook-format: 1\nnumber: 2\ntitle.en: Two\n\nen: second\377\n' \
  > "$TMPD/small/02.cb"
printf 'casebook-format: 1\nnumber: 3\ntitle.en: Three\n\nen: third\n' \
  > "$TMPD/small/03.cb"
run list --content "$TMPD/small"
is "$rc:$(wc -l < "$TMPD/out" | tr -d ' '):$(wc -c < "$TMPD/err" | tr -d ' ')" \
  "0:3:0" "small files: errors in the texts do not stop list"
run show 3 --content "$TMPD/small"
is "$rc" 0 "nor show of another document"
run show 1 --content "$TMPD/small"
has "$TMPD/err" "01.cb:5: error: unknown field 'foo'" \
  "show of the document says its error"
run check "$TMPD/small"
is "$rc" 2 "and check finds both"
has "$TMPD/err" "02.cb:5: error: invalid UTF-8" "with where they are"
# A directory whose name the shell would split is quoted in the command
# suggested; one that cannot be read is said once, without a suggestion.
mkdir -p "$TMPD/with space"
cp -r "$BAD" "$TMPD/with space/bad"
run list --content "$TMPD/with space/bad"
has "$TMPD/err" "to list them: casebook check '$TMPD/with space/bad'" \
  "a directory with a space: quoted in the check suggested"
cp -r "$BAD" "$TMPD/-bad"
(cd "$TMPD" && "$CASEBOOK" list --content -bad) >"$TMPD/out" 2>"$TMPD/err"
has "$TMPD/err" "to list them: casebook check ./-bad" \
  "a directory named like an option: suggested as ./-bad"
run list --content "$TMPD/nonexistent"
is "$rc:$(wc -l <"$TMPD/err" | tr -d ' ')" "2:1" \
  "a directory that does not exist: one line, no suggestion"
run show 1 --content "$TMPD/body/c"
is "$rc" 0 "show reads only the document it shows"
run cite 3 --content "$TMPD/body/c"
is "$rc" 0 "and so does cite"
run export 1 --content "$TMPD/body/c"
is "$rc" 0 "export reads only the documents it writes"
run export 1 2 --content "$TMPD/body/c" -o "$TMPD/body/out.md"
is "$rc" 2 "export refuses a document with an error in its text"
has "$TMPD/err" "02-adjacent.cb:23: error: unknown field 'bogus.en'" \
  "and says where it is"
ok "$([ ! -e "$TMPD/body/out.md" ]; echo $?)" "and writes nothing"
run search --count --content "$TMPD/body/c" circuit
is "$rc" 2 "search still refuses content with an error in a text"

# Glossary discipline and unmarked words.
mkdir -p "$TMPD/lint"
cp "$GOOD"/*.cb "$TMPD/lint/"
printf 'casebook-glossary\t1\n邻近院\tadjacent procuratorates\t\tadjacent courts|neighbouring courts\n检察院\tprocuratorate\t院\n' >"$TMPD/lint/glossary.tsv"
run check "$TMPD/lint"
is "$rc" 0 "glossary warnings do not fail the check"
cat >"$TMPD/want" <<'X'
casebook: TMP/glossary.tsv:2: warning: variant 'neighbouring courts' of '邻近院' occurs nowhere in the release's English (a synonym belongs in the synonyms column)
casebook: TMP/glossary.tsv:3: warning: variant '院' of '检察院' is a single character, which matches far too much
X
sed "s|$TMPD/lint|TMP|g" "$TMPD/err" >"$TMPD/errs"
same "$TMPD/errs" "$TMPD/want" "a variant that occurs nowhere and a one-character variant, with file and line"
# A line of tabs alone lacks its term, and is told so, not to count
# its fields.
mkdir -p "$TMPD/lint-empty"
cp "$GOOD"/*.cb "$TMPD/lint-empty/"
printf 'casebook-glossary\t1\n\t\t\t\n' >"$TMPD/lint-empty/glossary.tsv"
run check "$TMPD/lint-empty"
is "$rc:$(sed "s|$TMPD/lint-empty/||" "$TMPD/err")" \
  "2:casebook: glossary.tsv:2: error: empty term: the first field must give the Chinese term" \
  "a glossary line of tabs alone: an empty term, with file and line"
printf 'Browser test cases\n' >"$TMPD/release.txt"
run check --release "$TMPD/release.txt" "$TMPD/lint"
sed "s|$TMPD/lint/||g" "$TMPD/err" | grep "not in the release" | head -1 >"$TMPD/errs"
is "$(cut -d: -f1-3 "$TMPD/errs")" "casebook: collection.cb:4" "check --release: an unmarked text not in the release, with file and line"
run check --release "$TMPD/nonexistent" "$TMPD/lint"
is "$rc" 2 "check --release: an unreadable release text is an error"
# Read as import reads it: a FIFO (which no writer may ever end) or a
# device is refused at once, not read forever.
mkfifo "$TMPD/fifo"
timeout 20 "$CASEBOOK" check --release "$TMPD/fifo" "$TMPD/lint" \
  >"$TMPD/out" 2>"$TMPD/err"
rc=$?
is "$rc" 2 "check --release: a FIFO is refused, not waited on"
has "$TMPD/err" "not a regular file" "and said why"
run check --release /dev/zero "$TMPD/lint"
is "$rc" 2 "check --release: so is a device that never ends"
has "$TMPD/err" "casebook: /dev/zero: cannot read: not a regular file" \
  "said as a file not read, not as an import"
# casebook's own document is not a release: compared as one, its keys
# and marked translations would pass for the release's words.
run check --release "$SHIPPED/batch3/07-guangxi.cb" "$TMPD/lint"
is "$rc" 2 "check --release: a casebook document is refused as the release"
has "$TMPD/err" "a casebook document (casebook-format:), not a release" \
  "and said what it is, as import says it"

run check "$SHIPPED"
is "$rc" 0 "shipped content passes check"
has "$TMPD/out" "9 documents" "nine documents"
has "$TMPD/out" "Chinese 100%" "Chinese coverage is complete"
has "$TMPD/out" "English 100%" "English coverage is complete"
has "$TMPD/out" "0 errors, 0 warnings" "no errors or warnings"
is "$(cat "$TMPD/err")" "" "nothing on stderr"
run check --glossary "$SHIPPED"
has "$TMPD/out" "glossary: 0 missing renderings" "every glossary term of a translated block is rendered"
run check --glossary "$GOOD"
is "$(tail -n 1 "$TMPD/out")" "glossary: 1 missing rendering" "one missing rendering, in the singular"
# One bad line in case 7: that one error is reported, the summary says
# the file was left out, and the glossary's variants found only in
# case 7 (执检, 关键字) are not called unused.
cp -R "$SHIPPED" "$TMPD/one-bad"
sed '30s/^heading\.zh:/headng.zh:/' "$SHIPPED/batch3/07-guangxi.cb" \
  >"$TMPD/one-bad/batch3/07-guangxi.cb"
run check "$TMPD/one-bad"
is "$(cat "$TMPD/err")" "casebook: $TMPD/one-bad/batch3/07-guangxi.cb:30: error: unknown field 'headng.zh'" \
  "a bad line in a case is its only error, with no glossary warnings"
has "$TMPD/out" "8 documents (1 file left out for its errors)" \
  "and the summary says the file was left out"
# A file left out for its errors still has its number: another file
# with the same number is a problem of its own, listed in the same run,
# whichever comes first (a warning where the other file is kept).
mkdir "$TMPD/dup"
cp "$GOOD/collection.cb" "$TMPD/dup/"
printf 'casebook-format: 1\nnumber: 1\ntitle.en: A\nbogus line\n' >"$TMPD/dup/a.cb"
printf 'casebook-format: 1\nnumber: 1\ntitle.en: B\n\nen: text.\n' >"$TMPD/dup/b.cb"
run check "$TMPD/dup"
has "$TMPD/err" "b.cb:2: warning: document number 1 is also given in $TMPD/dup/a.cb, which is left out for its errors" "a number a broken file has, given again, is reported"
# b.cb is kept: its line is a warning, and the summary counts it.
has "$TMPD/out" "1 document (1 file left out for its errors)" "the file given the number again is kept"
has "$TMPD/out" "1 error, 1 warning" "and its line is no error"
has "$TMPD/err" "a.cb:4: error:" "with the broken file's own error"
mv "$TMPD/dup/a.cb" "$TMPD/dup/c.cb"
run check "$TMPD/dup"
has "$TMPD/err" "c.cb:2: error: duplicate document number 1 (also in $TMPD/dup/b.cb)" "and so is a broken file with a number already given"
# Lines ended by CR alone, and a field name in capitals, are said to be
# so, not taken for a bad version or a line with no key; a file's
# messages come in the order of its lines.
mkdir "$TMPD/ends"
cp "$GOOD/collection.cb" "$TMPD/ends/"
printf 'casebook-format: 1\rnumber: 1\rtitle.en: x\r\ren: y\r' >"$TMPD/ends/01.cb"
printf 'casebook-format: 1\nnumber: 2\ntitle.EN: x\nbogus\n\nen: y\n' >"$TMPD/ends/02.cb"
printf ' casebook-format: 1\nnumber: 3\nbogus\n' >"$TMPD/ends/03.cb"
run check "$TMPD/ends"
has "$TMPD/err" "01.cb:1: error: lines end in a carriage return alone" "CR line ends are named"
has "$TMPD/err" "02.cb:3: error: field name 'title.EN' in capitals: field names are in lower case" \
  "a field name in capitals is named"
is "$(grep -o '03.cb:[0-9]*' "$TMPD/err" | tr '\n' ' ')" "03.cb:1 03.cb:2 03.cb:3 " \
  "a file's messages in the order of its lines"
# A collection's date is a day written YYYY-MM-DD (casebook(5)): one
# that is not is an error, and gives no year: facet.
for d in 2022-13-45 2023-02-29 2022-7-14 '2022-07-14 morning'; do
  mkdir -p "$TMPD/date"
  cp "$GOOD"/*.cb "$TMPD/date/"
  sed "s/^date: .*/date: $d/" "$GOOD/collection.cb" >"$TMPD/date/collection.cb"
  run check "$TMPD/date"
  is "$rc:$(sed "s|$TMPD/date/||" "$TMPD/err")" \
    "2:casebook: collection.cb:8: error: 'date' must be a day written YYYY-MM-DD" \
    "a date $d is an error"
  run search --content "$TMPD/date" --count year:2022
  is "$rc" 2 "and content with it is refused ($d)"
done
sed "s/^date: .*/date: 2024-02-29/" "$GOOD/collection.cb" >"$TMPD/date/collection.cb"
run check "$TMPD/date"
is "$rc" 0 "a leap day is a day"
# A collection's id written by hand is held to what import names
# collections (casebook(5)): a hidden character is an error, shown
# visibly, and a look-alike form a warning, each with its file and line.
mkdir "$TMPD/id"
cp "$GOOD"/*.cb "$TMPD/id/"
for id in "$(printf 'sam\342\200\213ple')" "$(printf 'sam\342\200\256ple')" "$(printf 'sam\033ple')"; do
  sed "s/^id: .*/id: $id/" "$GOOD/collection.cb" >"$TMPD/id/collection.cb"
  run check "$TMPD/id"
  is "$rc" 2 "an id with a hidden character is an error"
  has "$TMPD/err" "casebook: $TMPD/id/collection.cb:3: error: 'sam" "with its file and line"
  has "$TMPD/err" "cannot name a collection: it holds a control or an invisible character" "saying why"
  hasnt "$TMPD/err" "$id" "and never as written"
done
has "$TMPD/err" "'sam^[ple'" "an escape shown as ^["
sed "s/^id: .*/id: ｓａｍｐｌｅ/" "$GOOD/collection.cb" >"$TMPD/id/collection.cb"
run check "$TMPD/id"
is "$rc:$(sed "s|$TMPD/id/||" "$TMPD/err")" \
  "0:casebook: collection.cb:3: warning: 'id' ｓａｍｐｌｅ is written in look-alike forms (full-width letters or digits, or the like), which could make it pass for another; write sample, as casebook import names collections" \
  "an id in full-width letters is a warning that names its NFKC form"
# A collection.cb without an id: the directory's name is the id, held
# to the same rule, said of collection.cb as warnings (the reader wrote
# no id to mend).
mkdir "$TMPD/noid" "$TMPD/noid/ｓａｍｐｌｅ" "$TMPD/noid/$(printf 'sam\342\200\213ple')"
for d in "$TMPD"/noid/*/; do
  cp "$GOOD"/*.cb "$d"
  grep -v '^id:' "$GOOD/collection.cb" >"$d/collection.cb"
done
run check "$TMPD/noid"
is "$rc" 0 "a directory's name that would be a bad id only warns"
has "$TMPD/err" "ｓａｍｐｌｅ/collection.cb: warning: the collection's name ｓａｍｐｌｅ, its directory's (this file gives no 'id'), is written in look-alike forms (full-width letters or digits, or the like), which could make it pass for another; give 'id: sample' here" \
  "one in full-width letters names its NFKC form"
has "$TMPD/err" "/collection.cb: warning: 'sam<U+200B>ple' cannot name a collection: it holds a control or an invisible character, by which one collection could pass for another; it is this collection's directory, and this file gives no 'id': give one here" \
  "one with a hidden character says so, visibly"
run list --content "$TMPD/noid"
has "$TMPD/err" "give 'id: sample' here" "list says so too"
# A header block with a field that belongs in a block of its own: that
# field is the error, and the number beside it is still read (it was
# reported missing as well, sending the reader after the wrong thing).
mkdir "$TMPD/shared"
cp "$GOOD/collection.cb" "$TMPD/shared/"
printf 'casebook-format: 1\nnumber: 1\nkeywords.en: a | b\n\ntitle.en: A\n\nen: text.\n' \
  >"$TMPD/shared/a.cb"
run check "$TMPD/shared"
is "$rc:$(sed "s|$TMPD/shared/||" "$TMPD/err")" \
  "2:casebook: a.cb:3: error: 'keywords.en' cannot share a block with 'casebook-format' (separate them with a blank line)" \
  "a field sharing the header's block is the one error reported"
# Keyword counts that do not pair: the noun follows the first count
# (one keyword, two keywords), and the second needs no plural.
mkdir "$TMPD/kw"
cp "$GOOD/collection.cb" "$TMPD/kw/"
printf 'casebook-format: 1\nnumber: 1\n\ntitle.en: A\n\nkeywords.zh: 甲 | 乙\nkeywords.en: a\n\nen: text.\n' \
  >"$TMPD/kw/a.cb"
run check "$TMPD/kw"
is "$rc:$(sed "s|$TMPD/kw/||" "$TMPD/err")" \
  "2:casebook: a.cb:6: error: 2 Chinese keywords but 1 in English: the lists must pair item by item" \
  "two Chinese keywords, one English: no \"1 English ones\""
# An empty keyword between bars, or a bar at an end, is left out, and
# said so at its field's line; the lists still pair by what is kept.
printf 'casebook-format: 1\nnumber: 1\n\ntitle.en: A\n\nkeywords.zh: 甲 ｜ 乙 |\nkeywords.en: a | | b\n\nen: text.\n' \
  >"$TMPD/kw/a.cb"
run check "$TMPD/kw"
is "$rc:$(sed "s|$TMPD/kw/||" "$TMPD/err" | sort)" \
  "0:casebook: a.cb:6: warning: an empty keyword (two bars together, or a bar at an end) is left out
casebook: a.cb:7: warning: an empty keyword (two bars together, or a bar at an end) is left out" \
  "an empty keyword: a warning at each list that has one"
printf 'casebook-format: 1\nnumber: 1\n\ntitle.en: A\n\nkeywords.zh: 甲 ｜ 乙\nkeywords.en: a | b\n\nen: text.\n' \
  >"$TMPD/kw/a.cb"
run check "$TMPD/kw"
is "$rc:$(cat "$TMPD/err")" "0:" "none when every item holds a keyword"
# Two collections of one id in a content directory: the later is left
# out with a warning, as in the user's library, and as the index does.
mkdir "$TMPD/twice"
cp -r "$GOOD" "$TMPD/twice/a"
cp -r "$GOOD" "$TMPD/twice/b"
run check "$TMPD/twice"
has "$TMPD/err" "warning: collection 'sample' is also in $TMPD/twice/a; this one is left out" \
  "a repeated collection id: check warns"
has "$TMPD/out" "1 warning" "and counts it"
run list --content "$TMPD/twice"
is "$(grep -c . "$TMPD/out")" 3 "and list shows the collection's 3 documents once"
# A collection with no document yet beside another: its line gives the
# count, not a share of nothing ("-nan%").
mkdir "$TMPD/none"
cp -r "$GOOD" "$TMPD/none/a"
mkdir "$TMPD/none/b"
printf 'casebook-format: 1\nid: b\ntitle.en: B\n' >"$TMPD/none/b/collection.cb"
run check "$TMPD/none"
is "$rc:$(grep '^  b:' "$TMPD/out")" "0:  b: 0 documents" \
  "a collection without texts has no coverage share"
hasnt "$TMPD/out" "nan" "and no share is not a number"
# A message quotes what it is about; a hostile file's field name or
# value of megabytes is quoted by its start and end, not whole.
mkdir "$TMPD/huge"
cp "$GOOD/collection.cb" "$TMPD/huge/"
awk 'BEGIN { printf "casebook-format: 1\nnumber: 1\n\n"
             for (i = 0; i < 20000; i++) printf "a.b.c"; print ": x" }' \
  >"$TMPD/huge/01.cb"
awk 'BEGIN { printf "casebook-format: 1\nnumber: "
             for (i = 0; i < 20000; i++) printf "99999"; print "" }' \
  >"$TMPD/huge/02.cb"
run check "$TMPD/huge"
is "$rc" 2 "a document with a huge field name or number is an error"
is "$(awk 'length > 1200' "$TMPD/err" | wc -l | tr -d ' ')" 0 "said in lines of at most a screen or two"
has "$TMPD/err" "huge/01.cb:4: error: malformed field name 'a.b.ca.b.c" "the name's start"
has "$TMPD/err" "b.c' (expected NAME, NAME.zh," "and its end, and what is expected"
has "$TMPD/err" "..." "around a mark where it is cut"
has "$TMPD/err" "huge/02.cb:2: error: 'number' must be at most 1000000000, not '99999" "the number's start"
# Documents in a directory with no collection.cb (an import stopped
# before it, one made by hand) are not read, and check says so.
mkdir -p "$TMPD/lib2/hand"
cp -r "$top_srcdir/content/batch3" "$TMPD/lib2/"
cp "$top_srcdir/content/batch3/07-guangxi.cb" "$TMPD/lib2/hand/"
run check "$TMPD/lib2"
has "$TMPD/err" "lib2/hand: warning: documents here are not read: the directory has no collection.cb" \
  "a directory of documents without collection.cb is named"
# An id that names nothing (empty, or a hidden directory's name) is an
# error; one that commands must quote, a warning.
for id in "" ".hidden"; do
  rm -rf "$TMPD/idc" && cp -r "$top_srcdir/content/batch3" "$TMPD/idc"
  sed -i "s/^id: .*/id: $id/" "$TMPD/idc/collection.cb"
  run check "$TMPD/idc"
  is "$rc" 2 "id '$id' is an error"
  has "$TMPD/err" "collection.cb:5: error: 'id' must name the collection" "which says why, at its line"
done
rm -rf "$TMPD/idc" && cp -r "$top_srcdir/content/batch3" "$TMPD/idc"
sed -i "s/^id: .*/id: has space/" "$TMPD/idc/collection.cb"
run check "$TMPD/idc"
has "$TMPD/err" "warning: 'id' 'has space' is not a name casebook import would give" "an id with a space is a warning"
# glossary-ok alone in a block: said where it belongs, not sent to a
# language that it takes none of.
rm -rf "$TMPD/go" && cp -r "$top_srcdir/content/batch3" "$TMPD/go"
printf '\nglossary-ok: 监督\n' >>"$TMPD/go/07-guangxi.cb"
run check "$TMPD/go"
has "$TMPD/err" "error: field 'glossary-ok' belongs in the block of the text it is about" \
  "glossary-ok in a block of its own is said to belong with its text"
hasnt "$TMPD/err" "needs a language" "and not to need a language"
done_testing
