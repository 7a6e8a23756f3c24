#!/bin/sh
# Hostile bytes in content files: invalid UTF-8, NUL, binary and empty
# files are refused with file and line; CRLF, a byte order mark and the
# noncharacters U+FFFE/U+FFFF load.
. "$top_srcdir/tests/hostile/lib.sh"

coll trunc "$HDATA/utf8-truncated.cb"
refused trunc "truncated UTF-8 sequences" \
  "casebook: 01.cb:5: error: invalid UTF-8 at byte 8 of the line (byte offset 67 in the file)" \
  "casebook: 01.cb:6: error: invalid UTF-8 at byte 5 of the line (byte offset 73 in the file)" \
  "casebook: 01.cb:7: error: invalid UTF-8 at byte 11 of the line (byte offset 86 in the file)"

coll overlong "$HDATA/utf8-overlong.cb"
refused overlong "overlong encodings" \
  "casebook: 01.cb:5: error: invalid UTF-8 at byte 11 of the line (byte offset 69 in the file)" \
  "casebook: 01.cb:6: error: invalid UTF-8 at byte 11 of the line (byte offset 82 in the file)" \
  "casebook: 01.cb:7: error: invalid UTF-8 at byte 11 of the line (byte offset 96 in the file)"

coll surrogate "$HDATA/utf8-surrogate.cb"
refused surrogate "UTF-8-encoded surrogates" \
  "casebook: 01.cb:5: error: invalid UTF-8 at byte 10 of the line (byte offset 60 in the file)" \
  "casebook: 01.cb:6: error: invalid UTF-8 at byte 9 of the line (byte offset 72 in the file)"

coll beyond "$HDATA/utf8-beyond.cb"
refused beyond "code points beyond U+10FFFF" \
  "casebook: 01.cb:5: error: invalid UTF-8 at byte 5 of the line (byte offset 60 in the file)" \
  "casebook: 01.cb:6: error: invalid UTF-8 at byte 5 of the line (byte offset 69 in the file)"

coll nul "$HDATA/nul.cb"
refused nul "a NUL byte" \
  "casebook: 01.cb:5: error: NUL byte at byte offset 61: not a text file"

coll binary "$HDATA/binary.cb"
refused binary "a binary file (PNG)" \
  "casebook: 01.cb:3: error: NUL byte at byte offset 8: not a text file"

coll binary2 "$HDATA/binary-nonul.cb"
refused binary2 "a binary file without NUL (bytes 1 to 255)" \
  "casebook: 01.cb:1: error: expected 'key: value' at the start of the line" \
  "casebook: 01.cb:2: error: invalid UTF-8 at byte 118 of the line (byte offset 127 in the file)"

coll empty "$HDATA/empty.cb"
refused empty "an empty file" \
  "casebook: 01.cb:1: error: empty file: expected 'casebook-format: 1'"

# The collection file and the glossary, too.
coll emptycoll "$HDATA/bom.cb"
: >"$TMPD/emptycoll/collection.cb"
refused emptycoll "an empty collection.cb" \
  "casebook: collection.cb:1: error: empty file: expected 'casebook-format: 1'"
coll badcoll "$HDATA/bom.cb"
printf 'casebook-format: 1\ntitle.en: Bad \377 title\n' >"$TMPD/badcoll/collection.cb"
refused badcoll "invalid UTF-8 in collection.cb" \
  "casebook: collection.cb:2: error: invalid UTF-8 at byte 15 of the line (byte offset 33 in the file)" \
  "casebook: collection.cb:1: error: missing field 'title.zh' or 'title.en'"
coll badgloss "$HDATA/bom.cb"
cp "$HDATA/glossary-hostile.tsv" "$TMPD/badgloss/glossary.tsv"
refused badgloss "a glossary with invalid UTF-8 and a missing field" \
  "casebook: glossary.tsv:4: error: invalid UTF-8 at column byte 14" \
  "casebook: glossary.tsv:5: error: expected 2 to 6 tab-separated fields: zh, en, Chinese variants, English variants, Chinese synonyms, English synonyms"
coll nulgloss "$HDATA/bom.cb"
printf 'casebook-glossary\t1\n检察\tpro\000cur\n' >"$TMPD/nulgloss/glossary.tsv"
# On the line that holds it, as a document's is.
refused nulgloss "a glossary with a NUL byte" \
  "casebook: glossary.tsv:2: error: NUL byte in the glossary: not a text file"

# U+FFFE and U+FFFF are valid UTF-8: they load, and show as <U+FFFE>.
coll fffe "$HDATA/utf8-fffe.cb"
trun check "$TMPD/fffe"
is "$rc" 0 "U+FFFE and U+FFFF: check passes"
trun list --content "$TMPD/fffe"
is "$rc" 0 "U+FFFE and U+FFFF: list exits 0"
is "$(cat "$TMPD/out")" " 1    Non<U+FFFE>characters<U+FFFF>" "U+FFFE and U+FFFF: made visible in list"
trun show 1 --content "$TMPD/fffe" --width 80
has "$TMPD/out" "U+FFFE <U+FFFE> and U+FFFF <U+FFFF> are valid UTF-8." "U+FFFE and U+FFFF: made visible in show"
clean "$TMPD/out" "U+FFFE and U+FFFF: nothing raw on stdout"

# CRLF line ends and a byte order mark are accepted (casebook(5)).
coll crlf "$HDATA/crlf.cb"
trun check "$TMPD/crlf"
is "$rc" 0 "CRLF: check passes"
has "$TMPD/out" "1 document, 3 texts" "CRLF: every text is read"
trun show 1 --content "$TMPD/crlf" --lang both --width 80
cat >"$TMPD/want" <<'X'
Case: 1 (hostile)
Title: CRLF line ends
Collection: Hostile content

  CRLF line ends

      第一段
    First paragraph

    Second paragraph
X
same "$TMPD/out" "$TMPD/want" "CRLF: no carriage return reaches the text"
trun search --content "$TMPD/crlf" paragraph --json
has "$TMPD/out" '"match":"paragraph"' "CRLF: search finds the last word of a line"
hasnt "$TMPD/out" '\r' "CRLF: and no \\r in what it found"

coll bom "$HDATA/bom.cb"
trun check "$TMPD/bom"
is "$rc" 0 "byte order mark: check passes"
trun list --content "$TMPD/bom"
is "$(cat "$TMPD/out")" " 1    Starts with a byte order mark" "byte order mark: the first field is read"
printf '\357\273\277casebook-glossary\t1\r\n检察\tprocuratorate\r\n' >"$TMPD/bom/glossary.tsv"
trun check "$TMPD/bom"
has "$TMPD/out" "1 glossary term; 0 errors" "byte order mark and CRLF in the glossary"

# A collection without an id is named after its directory, whose name
# may be in another encoding (GBK, from an archive made on Windows):
# JSON must stay UTF-8, each stray byte U+FFFD, as the terminal shows it.
lib="$TMPD/gbklib"
mkdir -p "$lib"
gbk="$lib/$(printf '\274\354\262\354')"    # 检察 in GBK
mkdir "$gbk"
printf 'casebook-format: 1\ntitle.en: Named by its directory\n' >"$gbk/collection.cb"
printf 'casebook-format: 1\nnumber: 1\ntitle.en: Stray bytes\nregion.en: Here\n\nsection.en: Key words\n\nkeywords.en: stray\n\nen: A paragraph of stray bytes.\n' >"$gbk/01.cb"
mkdir "$lib/b"
printf 'casebook-format: 1\nid: b\ntitle.en: Named b\n' >"$lib/b/collection.cb"
sed 's/^number: 1/number: 2/' "$gbk/01.cb" >"$lib/b/02.cb"
for c in "library --json" "list --json" "list --facets --json" "tags --json" \
         "search --json stray" "search --json --count stray" \
         "related --json 2" "export 1 2 --format jsonl" \
         "export 1 2 --format md" "export 1 --format html"; do
  # shellcheck disable=SC2086
  trun --content "$lib" $c
  clean "$TMPD/out" "a directory's name not in UTF-8: $c is UTF-8"
done
has "$TMPD/out" "<meta name=\"casebook-document\" content=\"$(printf '\357\277\275\357\277\275\357\277\275\357\277\275')/1\">" "and names the collection with U+FFFD"
trun --content "$lib" list --json
has "$TMPD/out" '"collection":"\ufffd\ufffd\ufffd\ufffd"' "list --json: each stray byte is \\ufffd"

# A NUL in one document's text stops neither list nor show of another:
# they read headers alone (casebook(1)), as with invalid UTF-8 there.
coll nultext "$HDATA/nul.cb"
printf 'casebook-format: 1\nnumber: 2\ntitle.en: Two\n\nen: fine.\n' \
  >"$TMPD/nultext/02.cb"
trun --content "$TMPD/nultext" list
is "$rc:$(grep -c '^ *[12] ' "$TMPD/out")" "0:2" "a NUL in a text: list lists both documents"
trun --content "$TMPD/nultext" show 2
is "$rc" 0 "and show shows the other"
trun check "$TMPD/nultext"
is "$rc:$(grep -c 'NUL byte' "$TMPD/err")" "2:1" "check still refuses it"
# The header's end is found as the reader finds it (a line of spaces is
# blank too), and a NUL met after the first block read is met once: a
# reader of headers, or of a document of many blocks, did not stop
# reading the same blocks again until memory ran out.
coll nulmore "$HDATA/nul.cb"
printf 'casebook-format: 1\nnumber: 1\ntitle.en: One\n \nen: a \000 NUL\n' \
  >"$TMPD/nulmore/01.cb"
printf 'casebook-format: 1\nnumber: 2\ntitle.en: Two\n\ntitle.zh.tr: x\nregion.en: a\000b\n' \
  >"$TMPD/nulmore/02.cb"
{ printf 'casebook-format: 1\nnumber: 3\ntitle.en: Three\n\n'
  i=0
  while [ $i -lt 600 ]; do
    if [ $i = 550 ]; then printf 'en: a \000 NUL\n\n'; else printf 'en: p%d\n\n' $i; fi
    i=$((i + 1))
  done; } >"$TMPD/nulmore/03.cb"
printf 'casebook-format: 1\nnumber: 4\ntitle.en: Four\n\nen: fine.\n' \
  >"$TMPD/nulmore/04.cb"
trun --content "$TMPD/nulmore" list
is "$rc:$(grep -c '^ *[1-4] ' "$TMPD/out")" "0:4" \
  "NULs after a blank line of spaces, in a later header block, in block 551: list lists all four"
trun check "$TMPD/nulmore"
is "$rc:$(grep -c 'NUL byte' "$TMPD/err")" "2:3" "check refuses the three, each once"
has "$TMPD/err" "03.cb:1105: error: NUL byte at byte offset" "the NUL of block 551 named by its line"
done_testing
