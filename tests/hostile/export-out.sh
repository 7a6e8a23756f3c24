#!/bin/sh
# export -o into a place others may write, or over a file the reader
# keeps: a link planted under the temporary name is never written
# through, a file written over keeps its permissions, and a link at the
# output path is written through (as the shell's > writes), not replaced.
# Neither is a FIFO or a device (as root, -o /dev/null must not put a
# file in its place), nor a link to a file not yet made.  A file that >
# could not write is refused; one that a replacement would change in
# more than its text (other hard links, another's file) is written into,
# as > writes; files named like a temporary one are left alone.
. "$top_srcdir/tests/hostile/lib.sh"
. "$top_srcdir/tests/hostile/user-lib.sh"

mkdir "$TMPD/shared"
echo "the reader's own file" >"$TMPD/victim"
# The temporary name is the output's with .tmp.PID: plant a link under
# the name the next process will use (sh -c ... exec keeps its pid).
sh -c 'ln -s "$1/victim" "$1/shared/case.md.tmp.$$"; exec "$2" --content "$3" export 1 -o "$1/shared/case.md"' \
  sh "$TMPD" "$CASEBOOK" "$GOOD" >"$TMPD/out" 2>"$TMPD/err"
is "$?" 0 "export -o beside a planted link exits 0"
is "$(cat "$TMPD/victim")" "the reader's own file" "the file the link points to is untouched"
ok $([ -L "$(echo "$TMPD"/shared/case.md.tmp.*)" ]; echo $?) "the link, which is not casebook's, is left where it was"
ok $([ -f "$TMPD/shared/case.md" ] && [ ! -L "$TMPD/shared/case.md" ]; echo $?) "the export is a file of its own"
has "$TMPD/shared/case.md" "# " "holding the document"

echo old >"$TMPD/private.md"
chmod 600 "$TMPD/private.md"
trun --content "$GOOD" export 1 -o "$TMPD/private.md"
is "$rc" 0 "export -o over a private file"
is "$(stat -c %a "$TMPD/private.md")" 600 "it stays private (mode 600)"

echo old >"$TMPD/drafts.md"
ln -s drafts.md "$TMPD/link.md"
trun --content "$GOOD" export 1 -o "$TMPD/link.md"
is "$rc" 0 "export -o to a symbolic link"
ok $([ -L "$TMPD/link.md" ]; echo $?) "the link stays a link"
has "$TMPD/drafts.md" "# " "and the file it names holds the export"
# A dangling link: the file it names is made, as > makes it.
ln -s made.md "$TMPD/dangling.md"
trun --content "$GOOD" export 1 -o "$TMPD/dangling.md"
is "$rc" 0 "export -o to a link to no file yet"
ok $([ -L "$TMPD/dangling.md" ]; echo $?) "the link stays a link"
has "$TMPD/made.md" "# " "and the file it names is made, holding the export"

# A FIFO, itself or through a link, is written into: it stays a FIFO,
# and the reader at its other end gets the export.
mkfifo "$TMPD/fifo"
ln -s fifo "$TMPD/fifo-link"
for out in fifo fifo-link; do
  rm -f "$TMPD/read"
  timeout "$LIMIT" cat "$TMPD/fifo" >"$TMPD/read" &
  trun --content "$GOOD" export 1 -o "$TMPD/$out"
  wait
  is "$rc" 0 "export -o to $out"
  ok $([ -p "$TMPD/fifo" ]; echo $?) "$out: the FIFO stays a FIFO"
  has "$TMPD/read" "# " "$out: its reader gets the export"
done

# A device (here a null device of our own: only root can make one).
if [ "$(id -u)" -eq 0 ] && mknod "$TMPD/null" c 1 3 2>/dev/null; then
  trun --content "$GOOD" export 1 -o "$TMPD/null"
  is "$rc" 0 "export -o to a null device"
  ok $([ -c "$TMPD/null" ]; echo $?) "the device stays a device"
else
  for i in 1 2; do
    echo "ok $((tap_n = tap_n + 1)) # SKIP only root can make a device"
  done
fi
# Another user's link in a sticky directory others can write (/tmp):
# not followed, as fs.protected_symlinks would not let the shell's >
# follow it, whatever that setting is here.
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
  mkdir "$TMPD/tmp"
  chmod 1777 "$TMPD/tmp"
  echo "the reader's own file" >"$TMPD/victim"
  ln -s "$TMPD/victim" "$TMPD/tmp/case.md"
  chown -h nobody "$TMPD/tmp/case.md"
  trun --content "$GOOD" export 1 -o "$TMPD/tmp/case.md"
  is "$rc" 2 "export -o through another user's link in a sticky directory: refused"
  is "$(cat "$TMPD/victim")" "the reader's own file" "and the file it points to is untouched"
  has "$TMPD/err" "Permission denied" "said as the kernel says it"
else
  for i in 1 2 3; do
    echo "ok $((tap_n = tap_n + 1)) # SKIP needs root and the user nobody"
  done
fi
# Another link to the file sees the new text, as after >: the file is
# written into, not replaced.
echo "the old text" >"$TMPD/linked.md"
ln "$TMPD/linked.md" "$TMPD/other-name.md"
ino=$(stat -c %i "$TMPD/linked.md")
trun --content "$GOOD" export 1 -o "$TMPD/linked.md"
is "$rc" 0 "export -o over a file with two hard links"
is "$(stat -c %i "$TMPD/linked.md")" "$ino" "it is the same file"
has "$TMPD/other-name.md" "# " "and its other name holds the export"
hasnt "$TMPD/other-name.md" "the old text" "not the old text"
# A shorter export over a longer file leaves nothing of the old one.
yes "old line" | head -n 20000 >"$TMPD/linked.md"
trun --content "$GOOD" export 1 -o "$TMPD/linked.md"
run --content "$GOOD" export 1
same "$TMPD/other-name.md" "$TMPD/out" "a longer old text is cut to the export"

# A file named as casebook names its temporary files, by a process long
# gone, is the reader's: export does not clear it away.
echo "the reader's notes" >"$TMPD/notes.md.tmp.999999999"
trun --content "$GOOD" export 1 -o "$TMPD/notes.md"
is "$rc" 0 "export -o beside a file named NAME.tmp.PID"
is "$(cat "$TMPD/notes.md.tmp.999999999")" "the reader's notes" "that file is left alone"
is "$(ls "$TMPD" | grep -c '^notes\.md\.tmp')" 1 "and no other is left behind"

# Root writes a file of mode 0444, as root's > does, and keeps its mode;
# another user's private file keeps its owner, group and mode.
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
  echo old >"$TMPD/ro.md"
  chmod 444 "$TMPD/ro.md"
  trun --content "$GOOD" export 1 -o "$TMPD/ro.md"
  is "$rc" 0 "as root, export -o over a file of mode 0444 (> writes it)"
  is "$(stat -c %a "$TMPD/ro.md")" 444 "it keeps mode 444"
  has "$TMPD/ro.md" "# " "and holds the export"
  echo old >"$TMPD/theirs.md"
  chown nobody:"$(id -g nobody)" "$TMPD/theirs.md"
  chmod 600 "$TMPD/theirs.md"
  want=$(stat -c '%U:%g %a' "$TMPD/theirs.md")
  trun --content "$GOOD" export 1 -o "$TMPD/theirs.md"
  is "$rc" 0 "as root, export -o over another user's file"
  is "$(stat -c '%U:%g %a' "$TMPD/theirs.md")" "$want" "it keeps its owner, group and mode"
  has "$TMPD/theirs.md" "# " "and holds the export"
else
  for i in 1 2 3 4 5 6; do
    skip "export -o as root over a read-only or another user's file" "needs root and the user nobody"
  done
fi

# As an ordinary user: a file of one's own, mode 0444, is refused as >
# refuses it; another's file that one may write, in a directory one may
# not, is written into and stays theirs.
user_setup
ready=$?
trap 'rm -rf "$TMPD" "$USER_DIR"' EXIT
if [ $ready -eq 0 ]; then
  user_copy "$GOOD" good
  mkdir "$USER_DIR/mine"
  [ -n "$AS_USER" ] && chown nobody "$USER_DIR/mine"
  echo "kept" >"$USER_DIR/mine/ro.md"
  [ -n "$AS_USER" ] && chown nobody "$USER_DIR/mine/ro.md"
  chmod 444 "$USER_DIR/mine/ro.md"
  urun --content "$USER_DIR/good" export 1 -o "$USER_DIR/mine/ro.md"
  is "$rc" 2 "export -o over one's own file of mode 0444: refused"
  has "$TMPD/err" "cannot write $USER_DIR/mine/ro.md: Permission denied" "saying why"
  is "$(cat "$USER_DIR/mine/ro.md")" "kept" "and the file is untouched"
  echo old >"$USER_DIR/shared.md"
  chmod 666 "$USER_DIR/shared.md"
  want=$(stat -c '%u:%g %a %i' "$USER_DIR/shared.md")
  urun --content "$USER_DIR/good" export 1 -o "$USER_DIR/shared.md"
  is "$rc" 0 "export -o over a file one may write in a directory one may not"
  has "$USER_DIR/shared.md" "# " "holds the export"
  if [ -n "$AS_USER" ]; then
    is "$(stat -c '%u:%g %a %i' "$USER_DIR/shared.md")" "$want" "and is the same file, its owner's"
  else
    skip "and is the same file, its owner's" "only root can give the file to another user"
  fi
else
  for d in "a read-only file refused" "saying why" "untouched" \
           "a file in a directory one may not write" "holds the export" "same file"; do
    skip "$d" "running as root without setpriv or the user nobody"
  done
fi
done_testing
