#!/bin/sh
# A saved index damaged where opening it does not look: a page of one of
# its tables or indexes overwritten.  Every search that meets the damage
# says so in one line, removes the index and builds it again in its
# place, and answers as a fresh index does; never "nothing found", a
# reordered answer, or an index built in memory by every search after.
# Also what stands beside the database that is no file, and a library
# collection removed while searches read the library.
. "$top_srcdir/tests/hostile/lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1 ||
   ! sqlite3 :memory: "SELECT count(*) FROM dbstat" >/dev/null 2>&1; then
  for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do
    ok 0 "# SKIP sqlite3 with dbstat is missing"
  done
  done_testing
  exit
fi

c="$TMPD/content"
cp -r "$SHIPPED/batch3" "$c"
export XDG_CACHE_HOME="$TMPD/cache"
q=检察
XDG_CACHE_HOME="$TMPD/fresh" "$CASEBOOK" search --count --content "$c" "$q" >"$TMPD/want"

# smash NAME: overwrite the first page of table or index NAME with 0xff.
smash () {
  db=$(ls "$XDG_CACHE_HOME"/casebook/index-*.db)
  page=$(sqlite3 "$db" "SELECT pageno FROM dbstat WHERE name='$1' ORDER BY pagetype='leaf' DESC, pageno LIMIT 1")
  size=$(sqlite3 "$db" 'PRAGMA page_size')
  head -c "$size" /dev/zero | tr '\0' '\377' |
    dd of="$db" bs="$size" seek=$((page - 1)) count=1 conv=notrunc 2>/dev/null
}

# damaged NAME WHAT: after smash NAME, a search answers as a fresh index
# does, with one line, and the next without a word.
damaged () {
  rm -rf "$XDG_CACHE_HOME"
  trun search --count --content "$c" "$q"
  smash "$1"
  trun search --count --content "$c" "$q"
  is "$rc:$(cat "$TMPD/out")" "0:$(cat "$TMPD/want")" "$2: answered as a fresh index"
  is "$(wc -l <"$TMPD/err"):$(grep -c 'was damaged; rebuilding it' "$TMPD/err")" \
    "1:1" "$2: one line says the index is built again"
  trun search --count --content "$c" "$q"
  is "$rc:$(cat "$TMPD/err")" "0:" "$2: then searched without a word"
}

# The heads of the documents: each was left out as if missing, and the
# search found nothing, every time.
damaged heads "a damaged page of heads"
# The index of document numbers, from which the documents are counted:
# a count of 0 weighed every word wrongly, and reordered the answer.
damaged docs_number "a damaged index of numbers"

# Pages of the texts that passages are read from zeroed, which SQLite
# reads without an error: the passages of a document went missing, its
# hits counted still (--json said 0 hits, the text "… 2 more"), exit 0,
# on every search.  Now the search is made again on an index built
# afresh, or, if some of it was printed, cut short with exit 2.
XDG_CACHE_HOME="$TMPD/fresh" "$CASEBOOK" search --json --content "$c" "$q" >"$TMPD/wantj"
rm -rf "$XDG_CACHE_HOME"
trun search --count --content "$c" "$q"
db=$(ls "$XDG_CACHE_HOME"/casebook/index-*.db)
size=$(sqlite3 "$db" 'PRAGMA page_size')
for page in $(sqlite3 "$db" "SELECT pageno FROM dbstat WHERE name='docs' AND pagetype='overflow'" | awk 'NR % 3 == 1'); do
  dd if=/dev/zero of="$db" bs="$size" seek=$((page - 1)) count=1 conv=notrunc 2>/dev/null
done
trun search --json --content "$c" "$q"
if { [ "$rc" = 0 ] && cmp -s "$TMPD/out" "$TMPD/wantj"; } ||
   { [ "$rc" = 2 ] && grep -q 'rebuilt: search again' "$TMPD/err"; }; then
  ok 0 "zeroed texts: answered whole, or cut short with exit 2"
else
  ok 1 "zeroed texts: answered whole, or cut short with exit 2"
  echo "# rc $rc"; sed 's/^/# /' "$TMPD/err"
fi
trun search --json --content "$c" "$q"
is "$rc:$(cmp "$TMPD/out" "$TMPD/wantj" 2>&1)" "0:" "and the next search answers as a fresh index"

# Damage met while an update writes (a file changed): the index was
# built in memory by this search and every search after.
rm -rf "$XDG_CACHE_HOME"
trun search --count --content "$c" "$q"
smash files
touch "$c/03-zhangjiagang.cb"
trun search --count --content "$c" "$q"
is "$rc:$(cat "$TMPD/out")" "0:$(cat "$TMPD/want")" "damage met by an update: answered"
has "$TMPD/err" "was damaged; rebuilding it" "and the index is built again"
trun search --count --content "$c" "$q"
is "$rc:$(cat "$TMPD/err")" "0:" "in its place: the next search says nothing"

# A FIFO where SQLite looks for a hot journal: every search hung.
db=$(ls "$XDG_CACHE_HOME"/casebook/index-*.db)
mkfifo "$db-journal"
trun search --count --content "$c" "$q"
is "$rc:$(cat "$TMPD/out")" "0:$(cat "$TMPD/want")" "a FIFO beside the index: no hang, answered"
has "$TMPD/err" "$db-journal was not a file; removed it" "and removed, saying so"

# A collection of the library removed while searches read the library:
# it is there or not, never an error that sends the reader to check.
export XDG_DATA_HOME="$TMPD/data"
bad=0
for r in 1 2 3 4 5 6 7 8; do
  "$CASEBOOK" import --add --name="x$r" "$top_srcdir/tests/data/html/split-cases.html" 2>/dev/null
  for i in 1 2 3; do
    ( timeout "$LIMIT" "$CASEBOOK" search --count 听证 >/dev/null 2>"$TMPD/race$i.err"
      echo $? >"$TMPD/race$i.rc" ) &
  done
  "$CASEBOOK" library remove "x$r" 2>/dev/null
  wait
  for i in 1 2 3; do
    [ "$(cat "$TMPD/race$i.rc")" = 0 ] || { bad=$((bad + 1)); sed 's/^/# /' "$TMPD/race$i.err" | head -3; }
  done
done
is "$bad" 0 "searches beside a library remove: none fails"

done_testing
