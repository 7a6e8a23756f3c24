#!/bin/sh
# export -o into a place others may write, or over a file the reader
# keeps: a link planted under the temporary name is never written
# through, a file written over keeps its permissions, and a link at the
# output path is written through (as the shell's > writes), not replaced.
# Neither is a FIFO or a device (as root, -o /dev/null must not put a
# file in its place), nor a link to a file not yet made.
. "$top_srcdir/tests/hostile/lib.sh"

mkdir "$TMPD/shared"
echo "the reader's own file" >"$TMPD/victim"
# The temporary name is the output's with .tmp.PID: plant a link under
# the name the next process will use (sh -c ... exec keeps its pid).
sh -c 'ln -s "$1/victim" "$1/shared/case.md.tmp.$$"; exec "$2" --content "$3" export 1 -o "$1/shared/case.md"' \
  sh "$TMPD" "$CASEBOOK" "$GOOD" >"$TMPD/out" 2>"$TMPD/err"
is "$?" 0 "export -o beside a planted link exits 0"
is "$(cat "$TMPD/victim")" "the reader's own file" "the file the link points to is untouched"
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
done_testing
