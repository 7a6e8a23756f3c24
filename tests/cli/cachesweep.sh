#!/bin/sh
# cachesweep.sh -- the cache does not grow without end: a search marks
# the index it uses, a listing the headers it reads, and a new index
# (a library that gained a collection) removes what was not used for a
# month, never a link planted there nor what it points to.
. "$top_srcdir/tests/cli/lib.sh"

cp -R "$SHIPPED" "$TMPD/c"
cp -R "$SHIPPED" "$TMPD/d"
chmod -R u+w "$TMPD/c" "$TMPD/d"
export XDG_CACHE_HOME="$TMPD/cache"
cache=$XDG_CACHE_HOME/casebook
sleep 3                         # headers are kept only from older files

run search --count --content "$TMPD/c" 巡回检察
run list --content "$TMPD/c"
index=$(ls "$cache"/index-*.db)
headers=$(ls "$cache"/headers-*)
[ -f "$index" ] && [ -f "$headers" ]
ok $? "a search and a listing leave an index and headers"

# Unused for forty days: opened again, they are marked used.
touch -d '40 days ago' "$index" "$headers"
run search --count --content "$TMPD/c" 巡回检察
run list --content "$TMPD/c"
[ "$(find "$index" -mtime -1)" = "$index" ] && [ "$(find "$headers" -mtime -1)" = "$headers" ]
ok $? "an index and headers used again are marked used"

# Another set of directories has an index of its own: building it
# removes the other one once it has gone unused for a month, with its
# log, and headers unused as long, but nothing else.
touch -d '40 days ago' "$cache"/index-* "$headers"
echo kept >"$TMPD/precious"
touch -d '40 days ago' "$TMPD/precious"
ln -s "$TMPD/precious" "$cache/index-00000000000000ab.db"
echo mine >"$cache/notes"
touch -d '40 days ago' "$cache/notes"
run search --count --content "$TMPD/d" 巡回检察
is "$rc" 0 "a search in another directory"
[ ! -e "$index" ] && [ ! -e "$index-wal" ] && [ ! -e "$index-shm" ]
ok $? "builds its index and removes the one unused for a month"
[ ! -e "$headers" ]
ok $? "and the headers unused as long"
[ -L "$cache/index-00000000000000ab.db" ] && [ "$(cat "$TMPD/precious")" = kept ] \
  && [ -z "$(find "$TMPD/precious" -mtime -1)" ]
ok $? "a link planted there stays, and what it points to is untouched"
[ -f "$cache/notes" ]
ok $? "a file casebook did not name stays"
n=$(ls "$cache" | grep -c '^index-.*\.db$')
is "$n" 2 "the new index and the link are the index files left"

# The first directory again: its index is built anew and answers.
run search --count --content "$TMPD/c" 巡回检察
grep -q . "$TMPD/out"
ok $? "the first directory's search answers again"
done_testing
