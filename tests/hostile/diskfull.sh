#!/bin/sh
# A cache on a full disk: an index build that runs out of space answers
# from memory, as it must, and gives the space back, rather than leaving
# its write-ahead log as large as all the space it filled (and the disk
# full for every other program, and for the index of other content).
# Needs root (mount a small tmpfs); skipped without it.
. "$top_srcdir/tests/hostile/lib.sh"

why=
mnt="$TMPD/cache"
mkdir "$mnt"
if [ "$(id -u)" != 0 ]; then
  why="not root"
elif ! mount -t tmpfs -o size=2m tmpfs "$mnt" 2>/dev/null; then
  why="cannot mount a tmpfs here"
else
  trap 'umount "$mnt" 2>/dev/null; rm -rf "$TMPD"' EXIT
fi
if [ -n "$why" ]; then
  ok 0 "# SKIP a cache on a full disk ($why)"
  done_testing
  exit 0
fi

c="$TMPD/corpus"
CASEBOOK_SHIPPED=$top_srcdir/content \
  sh "$top_srcdir/tests/bench/mkcorpus" 150 "$c" >/dev/null || exit 99
XDG_CACHE_HOME="$TMPD/fresh" "$CASEBOOK" search --count --content "$c" 巡回检察 \
  >"$TMPD/want" 2>/dev/null

export XDG_CACHE_HOME="$mnt"
run search --count --content "$c" 巡回检察
is "$rc" 0 "a build that fills the disk still answers"
same "$TMPD/out" "$TMPD/want" "as a search with room for its index"
has "$TMPD/err" "disk is full" "and says why it did without the index"
used=$(du -sk "$mnt" | cut -f1)
ok $([ "$used" -lt 512 ]; echo $?) "the space it filled is given back"
[ "$used" -lt 512 ] || ls -l "$mnt/casebook" | sed 's/^/#   /'
run search --count --content "$SHIPPED" 巡回检察
is "$rc" 0 "then smaller content's index fits"
hasnt "$TMPD/err" "searching without it" "and is saved there"
# Room for the update in the write-ahead log, but not for copying it
# into the database as well: the checkpoint failed at close, unseen,
# and left the disk full for every later search.  Whatever the room,
# a search leaves some of it free.
umount "$mnt"
XDG_CACHE_HOME="$TMPD/fresh" "$CASEBOOK" search --count --content "$SHIPPED" 巡回检察 \
  >"$TMPD/want" 2>/dev/null
# leaves_room SIZE WHAT: on a cache of SIZE, the search answers (WHAT
# says of the size) and leaves some room free.  1 if it cannot mount.
leaves_room () {
  mount -t tmpfs -o size=$1 tmpfs "$mnt" || return 1
  run search --count --content "$SHIPPED" 巡回检察
  same "$TMPD/out" "$TMPD/want" "a cache of $1$2: the search answers"
  free=$(df -k "$mnt" | awk 'NR == 2 { print $4 }')
  ok $([ "$free" -gt 64 ]; echo $?) "a cache of $1: and leaves room free (${free} KB)"
  # An index not kept is said to be lost (each search would build it
  # again, without a word, slowly).
  if ls "$mnt"/casebook/index-*.db >/dev/null 2>&1; then
    ok 0 "a cache of $1: the index is kept"
  else
    grep -q "the index was not kept" "$TMPD/err"
    ok $? "a cache of $1: the index is not kept, and that is said"
  fi
  umount "$mnt"
}
for size in 1800k 1900k 2000k 2100k; do
  leaves_room $size "" || break
done
# Room for the index alone: a first build, which writes no log, fits,
# and what is saved after it (the snapshot, the glossary's keys) fits in
# the log but not in the database, when the close copies it there.
index=$(du -k "$(ls -t "$TMPD"/fresh/casebook/index-*.db | head -1)" | cut -f1)
for extra in 64 128 192; do
  leaves_room $((index + extra))k ", the index's size and a little" || break
done
# Too small for even the empty index: nothing is left behind.
mount -t tmpfs -o size=200k tmpfs "$mnt" || exit 99
run search --count --content "$SHIPPED" 巡回检察
same "$TMPD/out" "$TMPD/want" "a cache of 200k: the search answers"
has "$TMPD/err" "disk is full" "and says why it did without the index"
# (The empty lock of its first build stays: a lock removed could be
# taken by one casebook while another made a new one.)
left=$(ls -A "$mnt/casebook" 2>/dev/null | grep '^index-' | grep -vc -- '-lock$')
is "$left" 0 "and leaves no index file behind"
# An import that runs out of space leaves no half of itself: the
# documents it wrote before the disk filled are taken back, and the
# directory it made for them.
umount "$mnt"
mount -t tmpfs -o size=64k tmpfs "$mnt"
run import "$top_srcdir/tests/data/release/spp-reform-typical-cases-batch3.txt" -o "$mnt/out"
is "$rc" 2 "import -o on a full disk fails"
has "$TMPD/err" "No space left on device" "and says why"
is "$(ls -A "$mnt")" "" "and leaves nothing behind"
mkdir "$mnt/given"
run import "$top_srcdir/tests/data/release/spp-reform-typical-cases-batch3.txt" -o "$mnt/given"
is "$(ls -A "$mnt/given")" "" "nor in a directory it was given, which stays"
umount "$mnt"
mount -t tmpfs -o size=2m tmpfs "$mnt"
done_testing
