#!/bin/sh
# Two casebooks at once: one that must update the index while another
# holds its write lock (indexing a large library for the first time
# takes longer than SQLite's usual wait) waits for it and keeps using
# the saved index, rather than giving up after ten seconds and building
# a second index in memory, which costs as long again.
. "$top_srcdir/tests/hostile/lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1; then
  ok 0 "# SKIP sqlite3 is missing"
  done_testing
  exit
fi

c="$TMPD/content"
cp -r "$GOOD" "$c"
export XDG_CACHE_HOME="$TMPD/cache"
run search --count --no-correct --content "$c" 巡回检察
db=$(ls "$XDG_CACHE_HOME"/casebook/index-*.db)
is "$(sqlite3 "$db" 'PRAGMA page_size')" 16384 "the index is made of 16 KB pages"

# An edit that the next search must write into the index.
printf '\nzh: 补充说明。\nen: A note on zyxwvut.\n' >>"$c/02-adjacent.cb"

# Another process holds the write lock for 12 s, as a first build of a
# few thousand documents does.
sqlite3 "$db" 'BEGIN IMMEDIATE;' '.shell touch '"$TMPD"'/held; sleep 12' \
  'COMMIT;' >/dev/null 2>&1 &
holder=$!
i=0
while [ ! -e "$TMPD/held" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
run search --count --no-correct --content "$c" zyxwvut
wait $holder
is "$rc:$(cat "$TMPD/out")" "0:2:1" "a search that must wait for another's write lock finds the edit"
hasnt "$TMPD/err" "searching without it" "through the saved index, not one built in memory"
# The edit was saved: the next search needs no write.
sqlite3 "$db" 'BEGIN IMMEDIATE;' '.shell touch '"$TMPD"'/held2; sleep 12' \
  'COMMIT;' >/dev/null 2>&1 &
holder=$!
i=0
while [ ! -e "$TMPD/held2" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
start=$(date +%s)
run search --count --no-correct --content "$c" zyxwvut
end=$(date +%s)
kill $holder 2>/dev/null
wait $holder 2>/dev/null
is "$rc:$(cat "$TMPD/out")" "0:2:1" "and saved it there"
ok $([ $((end - start)) -lt 5 ]; echo $?) "a search with nothing to write does not wait for the lock"
# Ten first searches at once, ten times over: where another casebook
# built or changed the index between a search and its first passages,
# the search is made again; none fails with "search again".
cp -r "$SHIPPED/batch3" "$TMPD/par"
bad=0
for r in 1 2 3 4 5 6 7 8 9 10; do
  rm -rf "$TMPD/parcache"
  for i in 1 2 3 4 5 6 7 8 9 10; do
    ( XDG_CACHE_HOME="$TMPD/parcache" timeout 120 "$CASEBOOK" search \
        --content "$TMPD/par" prison >/dev/null 2>"$TMPD/par$i.err"
      echo $? >"$TMPD/par$i.rc" ) &
  done
  wait
  for i in 1 2 3 4 5 6 7 8 9 10; do
    [ "$(cat "$TMPD/par$i.rc")" = 0 ] ||
      { bad=$((bad + 1)); sed 's/^/# /' "$TMPD/par$i.err" | head -3; }
  done
done
is "$bad" 0 "a hundred first searches, ten at a time: none fails"
done_testing
