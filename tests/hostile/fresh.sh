#!/bin/sh
# The index's quick check (a stat per file against the snapshot of the
# last full check) never answers from old text: each kind of edit made
# after a snapshot was taken and trusted is seen by the next search.
# The snapshot is trusted only for files whose times are older than its
# check by more than two seconds, so the content is aged first.
. "$top_srcdir/tests/hostile/lib.sh"

c="$TMPD/content"
cp -r "$GOOD" "$c"
export XDG_CACHE_HOME="$TMPD/cache"

# age: let the content's times fall behind, then search twice: the
# first (full) check saves a snapshot that the second one trusts.
age () {
  sleep 3
  run search --count --no-correct --content "${1:-$c}" 巡回检察
  run search --count --no-correct --content "${1:-$c}" 巡回检察
}

has_trace=0
if command -v strace >/dev/null 2>&1 && strace -o /dev/null true >/dev/null 2>&1; then
  has_trace=1
fi

age
if [ $has_trace = 1 ]; then
  # LeakSanitizer cannot run under ptrace.
  ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
  strace -f -e trace=getdents64,openat -o "$TMPD/trace" \
    "$CASEBOOK" search --count --content "$c" 巡回检察 >/dev/null 2>&1
  n=$(grep -c 'getdents64\|01-circuit.cb' "$TMPD/trace")
  is "$n" 0 "with nothing changed, the check lists no directory and reads no document"
else
  ok 0 "# SKIP the quick check is taken (strace is missing or not permitted)"
fi

# respell FILE OLD NEW: replace the word OLD by NEW (as long) in FILE
# in place, and put its modification time back.
respell () {
  sed "s/$2/$3/" "$1" >"$TMPD/edited"
  touch -r "$1" "$TMPD/edited"
  cat "$TMPD/edited" >"$1"
  touch -r "$TMPD/edited" "$1"
}

# A same-size edit with its modification time put back.
f="$c/02-adjacent.cb"
respell "$f" Hulunbuir Hulunbuxr
run search --count --no-correct --content "$c" hulunbuxr
is "$(cat "$TMPD/out")" "2:2" "a same-size edit with the time restored is seen"
run search --count --no-correct --content "$c" hulunbuir
hasnt "$TMPD/out" "2:" "and the old word is gone from that document"

# A document added.
age
cp "$f" "$c/03-copy.cb"
sed 's/^number: 2$/number: 3/' "$f" >"$c/03-copy.cb"
run search --count --no-correct --content "$c" hulunbuxr
has "$TMPD/out" "3:2" "an added document is found"

# A document removed.
age
rm "$c/03-copy.cb"
run search --count --no-correct --content "$c" hulunbuxr
hasnt "$TMPD/out" "3:" "a removed document is gone"

# A document replaced by a rename (as editors save), size and time kept.
age
sed 's/Hulunbuxr/Hulunbuyr/' "$f" >"$TMPD/new"
touch -r "$f" "$TMPD/new"
mv "$TMPD/new" "$f"
run search --count --no-correct --content "$c" hulunbuyr
is "$(cat "$TMPD/out")" "2:2" "a document replaced by a rename is seen"

# The collection's metadata changed: its id goes with every document.
age
sed 's/^id: .*/id: renamed/' "$c/collection.cb" >"$TMPD/coll"
cat "$TMPD/coll" >"$c/collection.cb"
run search --json --no-correct --content "$c" hulunbuyr
has "$TMPD/out" '"collection":"renamed"' "a changed collection id is seen"

# The same content named another way (relative to another working
# directory, through a symbolic link) is the same index: nothing is
# read again, and a problem is reported under the name given.
age
ln -s "$c" "$TMPD/link"
if [ $has_trace = 1 ]; then
  (cd "$TMPD" && ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
    strace -f -e trace=getdents64,openat -o "$TMPD/trace" \
    "$CASEBOOK" search --count --content link hulunbuyr >"$TMPD/out" 2>&1)
  n=$(grep -c 'getdents64\|01-circuit.cb' "$TMPD/trace")
  is "$n" 0 "content named through a link from another directory is not indexed again"
else
  ok 0 "# SKIP the quick check is taken (strace is missing or not permitted)"
fi
(cd "$TMPD" && "$CASEBOOK" search --count --no-correct --content link hulunbuyr \
  >"$TMPD/out" 2>"$TMPD/err")
is "$(cat "$TMPD/out")" "2:2" "and it answers as before"
printf 'casebook-format: 1\nnumber: x\n' >"$c/09-broken.cb"
(cd "$TMPD" && "$CASEBOOK" search --count --no-correct --content link/ hulunbuyr \
  >"$TMPD/out" 2>"$TMPD/err")
has "$TMPD/err" "casebook: link/09-broken.cb:" "a problem is reported under the name given"
rm "$c/09-broken.cb"

# Errors brought in after a trusted snapshot: the search runs while the
# files are checked, and says nothing of what it found before the
# content's problem.
age
printf 'casebook-format: 1\nnumber: x\n' >"$c/09-broken.cb"
run search --count --no-correct --content "$c" hulunbuyr
is "$rc" 2 "errors brought in after a trusted check fail the search"
is "$(cat "$TMPD/out")" "" "and nothing is printed for it"
has "$TMPD/err" "09-broken.cb:2:" "the problem is reported"
rm "$c/09-broken.cb"

# Many documents: another thread stats them while the search runs, and
# the search takes what that thread has not reached yet.  An edit of
# the first or the last document is seen either way.
m="$TMPD/many"
mkdir "$m"
cp "$c/collection.cb" "$m/"
i=0
while [ $i -lt 300 ]; do
  sed "s/^number: 2\$/number: $((i + 10))/" "$c/02-adjacent.cb" \
    >"$m/$(printf '%03d' $i).cb"
  i=$((i + 1))
done
age "$m"
run search --count --no-correct --content "$m" hulunbuyr
is "$(wc -l <"$TMPD/out")" 300 "300 documents are indexed"
if [ $has_trace = 1 ]; then
  ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
  strace -f -e trace=getdents64,openat,clone,clone3 -o "$TMPD/trace" \
    "$CASEBOOK" search --count --no-correct --content "$m" hulunbuyr \
    >/dev/null 2>&1
  is "$(grep -c 'getdents64\|/000.cb' "$TMPD/trace")" 0 \
    "of 300 documents, none is read when nothing changed"
  n=$(grep -c 'clone' "$TMPD/trace")
  is "$([ "$n" -ge 1 ] && echo yes)" yes "and another thread checks them"
else
  ok 0 "# SKIP the quick check is taken (strace is missing or not permitted)"
  ok 0 "# SKIP the check runs in another thread"
fi
for k in 000 299; do
  respell "$m/$k.cb" Hulunbuyr Hulunbuwr
  run search --count --no-correct --content "$m" hulunbuwr
  is "$(cat "$TMPD/out")" "$((1$k - 1000 + 10)):2" \
    "of 300 documents, an edit of $k.cb with its time restored is seen"
  respell "$m/$k.cb" Hulunbuwr Hulunbuyr
  age "$m"
done

# The copy of the snapshot kept beside the index, which a search reads
# before it opens the index: private, and never believed when it is
# not the index's own.
# (The largest: that of the 300 documents.)
snap=$(ls -S "$XDG_CACHE_HOME"/casebook/index-*.db-snap 2>/dev/null | head -n 1)
is "$([ -n "$snap" ] && stat -c %a "$snap")" 600 \
  "a copy of the snapshot is kept beside the index, private"
age "$m"
cp "$snap" "$TMPD/snap-kept"
# Written over (by a crash, a disk, anyone): each byte changed.
tr '\000-\377' '\001-\377\000' <"$TMPD/snap-kept" >"$snap"
respell "$m/150.cb" Hulunbuyr Hulunbuvr
run search --count --no-correct --content "$m" hulunbuvr
is "$(cat "$TMPD/out")" "160:2" "with the copy damaged, an edit is seen"
respell "$m/150.cb" Hulunbuvr Hulunbuyr
age "$m"
# An older index put back (a cache restored from a backup): the copy,
# newer, matches the files, but is not the index's.
db=${snap%-snap}
cp "$db" "$TMPD/db-kept"
respell "$m/150.cb" Hulunbuyr Hulunbuvr
run search --count --no-correct --content "$m" hulunbuvr
age "$m"
cat "$TMPD/db-kept" >"$db"
run search --count --no-correct --content "$m" hulunbuvr
is "$(cat "$TMPD/out")" "160:2" \
  "with an older index put back, the edit made since is still found"
respell "$m/150.cb" Hulunbuvr Hulunbuyr
# A link planted as the copy is not read through, and the next copy
# written replaces the link, not what it points to.
age "$m"
echo precious >"$TMPD/outside"
rm -f "$snap"
ln -s "$TMPD/outside" "$snap"
respell "$m/150.cb" Hulunbuyr Hulunbuvr
run search --count --no-correct --content "$m" hulunbuvr
is "$(cat "$TMPD/out")" "160:2" "with a link as the copy, an edit is seen"
is "$(cat "$TMPD/outside")" precious "and the file it points to is untouched"
is "$([ -f "$snap" ] && [ ! -L "$snap" ] && echo file)" file \
  "and a copy of its own replaces the link"
respell "$m/150.cb" Hulunbuvr Hulunbuyr
age "$m"

# A copy that is not the index's snapshot (written over) is written
# again from the index, so that the next search can use it.
cp "$snap" "$TMPD/snap-good"
printf 'cbsnap2\0junk' >"$snap"
run search --count --no-correct --content "$m" hulunbuyr
is "$(wc -l <"$TMPD/out")" 300 "with the copy written over, the search answers"
same "$snap" "$TMPD/snap-good" "and the copy is written again from the index"
# Nothing changed: the copy's check is the one kept.  The index's own
# snapshot is made unbelievable past its first page (a byte of its last
# document's state): read, it would send the search to a full check,
# which writes a new snapshot and copy.  Kept, the copy stays as it is.
sqlite3 "$db" "UPDATE meta SET value = CAST(substr(value, 1,
  length(value) - 1) || x'ff' AS BLOB) WHERE key = 'snapshot'"
run search --count --no-correct --content "$m" hulunbuyr
is "$(wc -l <"$TMPD/out")" 300 "with nothing changed, the search answers"
same "$snap" "$TMPD/snap-good" \
  "from the copy's check, the index's own snapshot unread"

# Every file changed at once (the content replaced): the index starts
# afresh rather than forgetting each document, and answers as a new
# index does.
run search --count --no-correct --content "$c" 巡回检察
cp "$TMPD/out" "$TMPD/before"
for f in "$c"/*.cb; do
  sed 's/Hulunbuyr/Hulunbuzr/' "$f" >"$TMPD/x" && cat "$TMPD/x" >"$f"
done
touch "$c"/*.cb
run search --count --no-correct --content "$c" hulunbuzr
is "$(cat "$TMPD/out")" "2:2" "after every file changed, the new text is found"
run search --count --no-correct --content "$c" hulunbuyr
is "$(cat "$TMPD/out")" "" "and the old text is not"
run search --count --no-correct --content "$c" 巡回检察
same "$TMPD/out" "$TMPD/before" "and other answers are unchanged"

done_testing
