#!/bin/sh
# headcache.sh -- the headers kept in the cache directory between
# listings: list, tags and show answer the same from them as from the
# files, an edit that keeps the size and puts the time back is seen,
# and a cache directory others may write is not used.
. "$top_srcdir/tests/cli/lib.sh"

cp -R "$SHIPPED" "$TMPD/c"
chmod -R u+w "$TMPD/c"
export XDG_CACHE_HOME="$TMPD/cache"
# Files changed in the last two seconds are never kept (their times
# cannot be believed yet): wait until the copies are older.
sleep 3

# A listing makes no cache directory of its own (run by another user
# with this HOME, under sudo, it would be theirs); a search does.
run list --content "$TMPD/c"
[ ! -e "$XDG_CACHE_HOME" ]
ok $? "a listing makes no cache directory"
run search --count --content "$TMPD/c" 巡回检察
[ -d "$XDG_CACHE_HOME/casebook" ]
ok $? "a search makes it"

# With the umask of a user-private group (002) too, the file is the
# user's alone, and used.
umask 002
run list --content "$TMPD/c"; cp "$TMPD/out" "$TMPD/list1"
run list --json --content "$TMPD/c"; cp "$TMPD/out" "$TMPD/json1"
run tags --content "$TMPD/c"; cp "$TMPD/out" "$TMPD/tags1"
n=$(ls "$XDG_CACHE_HOME/casebook" | grep -c '^headers-')
is "$n" 1 "the first listing keeps the headers"
cache=$(ls -d "$XDG_CACHE_HOME"/casebook/headers-*)
before=$(stat -c %i "$cache")

run list --content "$TMPD/c"
same "$TMPD/out" "$TMPD/list1" "list answers the same from the cache"
run list --json --content "$TMPD/c"
same "$TMPD/out" "$TMPD/json1" "so does list --json"
run tags --content "$TMPD/c"
same "$TMPD/out" "$TMPD/tags1" "and tags"
is "$(stat -c %i "$cache")" "$before" "a listing that changes nothing writes nothing (the same file)"
is "$(stat -c %a "$cache")" 600 "the file is the user's alone, whatever the umask"
umask 022

# Without a cache directory at all, the same again.
env -u XDG_CACHE_HOME -u HOME "$CASEBOOK" list --content "$TMPD/c" \
  >"$TMPD/out" 2>"$TMPD/err"
same "$TMPD/out" "$TMPD/list1" "and without a cache directory"

# An edit of the same size, its modification time put back.
f=$(grep -rl '^number: 1$' "$TMPD/c" | head -1)
touch -r "$f" "$TMPD/stamp"
sed 's/^title\.en\(\.[a-z]*\)\?: \(.\)/title.en\1: Z/' "$f" > "$TMPD/edit"
cat "$TMPD/edit" > "$f"
touch -r "$TMPD/stamp" "$f"
run list --content "$TMPD/c"
if cmp -s "$TMPD/out" "$TMPD/list1"; then
  ok 1 "a same-size edit with its time put back is listed"
else
  ok 0 "a same-size edit with its time put back is listed"
fi

# A cache directory others may write is not used, and nothing is
# written there.
mkdir -p "$TMPD/open/casebook"
chmod 777 "$TMPD/open/casebook"
XDG_CACHE_HOME="$TMPD/open" "$CASEBOOK" list --content "$TMPD/c" \
  >"$TMPD/out" 2>"$TMPD/err"
is "$(ls "$TMPD/open/casebook" | wc -l)" 0 \
  "nothing is kept in a cache directory others may write"
is "$(cat "$TMPD/err")" "" "and a listing says nothing of it"

done_testing
