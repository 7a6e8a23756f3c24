#!/bin/sh
# What the fuzz targets found (tests/fuzz/corpus/*/regress-*), replayed
# through the command line so that `make check` needs no clang.  Most of
# these only showed under a sanitizer: the ASan build of `make check` and
# `make check-valgrind` catch them here.
. "$top_srcdir/tests/hostile/lib.sh"

# fuzz-import: a release that starts with a case leaked the overview's
# buffer.
printf 'Case 1\nA release that starts with its first case\n' >"$TMPD/lead.txt"
trun import "$TMPD/lead.txt" -o "$TMPD/lead"
is "$rc" 0 "a release that starts with a case imports"
is "$(ls "$TMPD/lead" | tr '\n' ' ')" "01.cb collection.cb " "and has no overview"

# fuzz-import: "Case 0" after the overview wrote 00.cb twice; two keyword
# lists in one case, or one of ideographic spaces, did not load;
# "Attachment:" alone made an empty title.
printf 'Attachment:\nThe overview.\nCase 0\nZero\n【关键词】\n一\n【关键词】\n二\nCase 2\nTwo\n【Key words】\n\343\200\200\n' >"$TMPD/zero.txt"
trun import "$TMPD/zero.txt" -o "$TMPD/zero"
is "$rc" 0 "overview, Case 0, keyword lists: import exits 0"
trun check "$TMPD/zero"
is "$rc" 0 "overview, Case 0, keyword lists: the collection loads"
# Its ten lines, and the overview's title, which import gives it (the
# file's name, marked as the project's).
has "$TMPD/out" "3 documents, 11 texts" "overview, Case 0, keyword lists: every line kept"

# fuzz-import: a marker and its text on one line are two lines of the
# collection, and the fuzz target's count of lines kept must say so.
printf 'Case 1\nOne\n【关键词】一体化 | 办案\n正文。\n' >"$TMPD/split.txt"
trun import "$TMPD/split.txt" -o "$TMPD/split"
is "$rc" 0 "a marker and its text on one line: import exits 0"
trun check "$TMPD/split"
has "$TMPD/out" "1 document, 4 texts" "a marker and its text on one line: the marker, the keywords and the rest kept"

# fuzz-import: a line of CRs and spaces ("\r  \r\n") became a value of
# one CR, which the collection read as a CRLF's, and as empty.
printf 'Case 1\nOne\n\r  \r\nText.\r\n' >"$TMPD/cronly.txt"
trun import "$TMPD/cronly.txt" -o "$TMPD/cronly"
is "$rc" 0 "a line of CRs and spaces: import exits 0"
trun check "$TMPD/cronly"
is "$rc" 0 "a line of CRs and spaces: the collection loads"

# fuzz-import: a keyword list of a CR and ideographic spaces
# ("\r,\u3000\u3000") kept the CR as a keyword: a value the collection
# read as ending in a CRLF's CR, and as empty.
printf 'Case 1\r\nOne\r\n\343\200\220Key words\343\200\221\r,\343\200\200\343\200\200\r\nText.\r\n' >"$TMPD/kwcr.txt"
trun import "$TMPD/kwcr.txt" -o "$TMPD/kwcr"
is "$rc" 0 "a keyword list of a CR: import exits 0"
trun check "$TMPD/kwcr"
is "$rc" 0 "a keyword list of a CR: the collection loads"
# And a CR inside a keyword is a space there, not a control character
# the keyword keeps.
printf 'Case 1\r\nOne\r\n\343\200\220Key words\343\200\221alpha\rbeta, gamma\r\nText.\r\n' >"$TMPD/kwcr2.txt"
trun import "$TMPD/kwcr2.txt" -o "$TMPD/kwcr2"
is "$rc:$(grep '^keywords' "$TMPD/kwcr2/01.cb")" "0:keywords.en: alpha beta, gamma" \
  "a CR inside a keyword: a space"

# fuzz-query: reading three bytes for an ideographic space or a curly
# quotation mark ran past the end of the query.
trun search --content "$GOOD" -- "巡回检察　"
is "$rc" 0 "a query ending in an ideographic space"
trun search --content "$GOOD" -- "“circuit"
is "$rc:$(head -1 "$TMPD/err")" "2:casebook: unterminated quotation mark" "a query ending inside “…"
trun search --content "$GOOD" -- "a“"
is "$(test "$rc" -le 1 && echo ok)" ok "a query ending in “ after a word"

# fuzz-query: qsort (NULL, 0, ...) when nothing matched; content.c did
# the same for a collection without documents.
trun search --content "$GOOD" zzzzzz
is "$rc" 1 "a search that matches nothing"
coll nodocs
trun check "$TMPD/nodocs"
is "$rc:$(cat "$TMPD/err")" "0:" "a collection without documents loads"
trun list --content "$TMPD/nodocs"
is "$rc:$(cat "$TMPD/out")" "0:" "and lists nothing"

# fuzz-norm: ideographic spaces ran past the wrapping width.
coll wide
printf 'casebook-format: 1\nnumber: 1\ntitle.en: Ideographic spaces\n\nzh: 检察　　　　机关　　　　巡回　　　　检察\n' >"$TMPD/wide/01.cb"
trun show 1 --content "$TMPD/wide" --lang zh --width 10
is "$rc" 0 "ideographic spaces: show exits 0"
is "$(wc -L <"$TMPD/out")" 10 "ideographic spaces: no line wider than 10 columns"
# (The header, up to the first blank line, is left out.)
is "$(sed '1,/^$/d; s/[ 　]//g' "$TMPD/out" | tr -d '\n')" "Ideographicspaces检察机关巡回检察" "ideographic spaces: no text lost"

# fuzz-content: an empty glossary-ok list passed NULL to memcpy.
coll note
printf 'casebook-format: 1\nnumber: 1\ntitle.en: Note\n\nen: text\nglossary-ok: | |\n' >"$TMPD/note/01.cb"
trun check "$TMPD/note"
is "$rc" 0 "a glossary-ok of separators only loads"
# fuzz-query: \C matches a single byte, so a hit could end inside a
# character; it is refused like any invalid pattern.
trun search --content "$GOOD" -- '/\\|C0|\C/'
is "$rc" 2 "a regex with \\C is refused"
has "$TMPD/err" "invalid regular expression" "and says why"
trun search --content "$GOOD" -- '/\\C/'
is "$rc" 1 "an escaped backslash before C is a plain search"
# fuzz-norm: a joiner after an ideograph (编号<U+200D>) folded one way
# in the index, with a map, and another in a query, without one: the
# text typed as it stands was not found.
coll joiner
printf 'casebook-format: 1\nnumber: 1\ntitle.en: Joiner\n\nzh: 编号\342\200\215e 与巡\342\200\213回检察\n' >"$TMPD/joiner/01.cb"
trun search --count --content "$TMPD/joiner" -- "$(printf '编号\342\200\215e')"
is "$rc:$(cat "$TMPD/out")" "0:1:1" "a joiner after an ideograph: the text is found as it stands"
trun search --count --content "$TMPD/joiner" -- 巡回检察
is "$rc:$(cat "$TMPD/out")" "0:1:1" "a zero width space inside a word of the text divides nothing"
done_testing
