#!/bin/sh
# casebook import: a release text becomes a collection that loads.
. "$top_srcdir/tests/cli/lib.sh"
release="$top_srcdir/tests/data/release/spp-reform-typical-cases-batch3.txt"

run import "$release" -o "$TMPD/coll"
is "$rc" 0 "import exits 0"
has "$TMPD/err" "casebook: imported 9 documents (303 texts) into $TMPD/coll; 5 warnings" "a summary line"
has "$TMPD/err" "spp-reform-typical-cases-batch3.txt:43: warning: keyword line has no separators" "keyword lines without separators are reported with their line"
is "$(ls "$TMPD/coll" | tr '\n' ' ')" "00.cb 01.cb 02.cb 03.cb 04.cb 05.cb 06.cb 07.cb 08.cb collection.cb " "one file per document and a collection file"
run check "$TMPD/coll"
is "$rc" 0 "the imported collection passes check"
has "$TMPD/out" "9 documents, 303 texts" "with every text"
run show 7 --content "$TMPD/coll" --lang zh
has "$TMPD/out" "巡回检察" "and reads"
run import "$release" -o "$TMPD/coll"
is "$rc" 2 "import refuses to overwrite a collection"
has "$TMPD/err" "already holds a collection" "and says so"
run import /nonexistent/release.txt -o "$TMPD/x"
is "$rc" 2 "a missing file exits 2"
has "$TMPD/err" "casebook: /nonexistent/release.txt: cannot read: No such file or directory" "and says why"
printf 'Case 1\n\377Title\nbody\n' >"$TMPD/bad.txt"
(cd "$TMPD" && "$CASEBOOK" import bad.txt >out 2>err)
rc=$?
is "$rc" 0 "hostile input imports"
has "$TMPD/err" "bad.txt:2: warning: invalid UTF-8 or NUL byte" "with a warning"
ok $([ -f "$TMPD/bad/01.cb" ]; echo $?) "into a directory named after the file"
done_testing
