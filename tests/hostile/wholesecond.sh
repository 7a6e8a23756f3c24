#!/bin/sh
# On a file system whose times have whole seconds (ext4 with 128-byte
# inodes, made here on a loop device), an edit that keeps the size and
# puts the modification time back, within the second the index was
# checked, is still seen: times that recent are not trusted, the bytes
# are compared.  Needs root (mount); skipped without it or without loop
# devices.
. "$top_srcdir/tests/hostile/lib.sh"

why=
if [ "$(id -u)" != 0 ]; then
  why="not root"
elif ! command -v mkfs.ext4 >/dev/null 2>&1; then
  why="no mkfs.ext4"
elif ! command -v losetup >/dev/null 2>&1 || ! losetup -f >/dev/null 2>&1; then
  why="no free loop device"
fi
mnt="$TMPD/mnt"
if [ -z "$why" ]; then
  mkdir "$mnt"
  dd if=/dev/zero of="$TMPD/fs.img" bs=1M count=16 2>/dev/null
  if ! mkfs.ext4 -q -F -I 128 "$TMPD/fs.img" >/dev/null 2>&1; then
    why="mkfs.ext4 -I 128 failed"
  elif ! mount -o loop "$TMPD/fs.img" "$mnt" 2>/dev/null; then
    why="cannot mount a loop device here"
  else
    trap 'umount "$mnt" 2>/dev/null; rm -rf "$TMPD"' EXIT
  fi
fi
if [ -n "$why" ]; then
  ok 0 "# SKIP a same-size edit on a whole-second file system ($why)"
  done_testing
  exit 0
fi

c="$mnt/content"
cp -r "$GOOD" "$c"
export XDG_CACHE_HOME="$TMPD/cache"
f="$c/02-adjacent.cb"
touch "$f"
is "$(stat -c %y "$f" | sed 's/.*\.\([0-9]*\) .*/\1/')" "000000000" \
  "the file system keeps whole seconds"

# edit FROM TO: replace a word of the same length, size and time kept.
edit () {
  sed "s/$1/$2/" "$f" >"$TMPD/edited"
  touch -r "$f" "$TMPD/edited"
  cat "$TMPD/edited" >"$f"
  touch -r "$TMPD/edited" "$f"
}

# Index, edit at once (most often within the same second), search.
run search --count --no-correct --content "$c" hulunbuir
is "$(cat "$TMPD/out")" "2:2" "the index is built"
edit Hulunbuir Hulunbuxr
run search --count --no-correct --content "$c" hulunbuxr
is "$(cat "$TMPD/out")" "2:2" "an edit within the second of the check, size and time kept, is seen"
run search --count --no-correct --content "$c" hulunbuir
is "$rc" 1 "and the old word is gone"

# Again after the times have aged, when the quick check is trusted.
sleep 3
run search --count --no-correct --content "$c" hulunbuxr
run search --count --no-correct --content "$c" hulunbuxr
edit Hulunbuxr Hulunbuyr
run search --count --no-correct --content "$c" hulunbuyr
is "$(cat "$TMPD/out")" "2:2" "an edit after a trusted check, size and time kept, is seen"

done_testing
