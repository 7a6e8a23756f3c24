#!/bin/sh
# export -o into a place others may write, or over a file the reader
# keeps: a link planted under the temporary name is never written
# through, a file written over keeps its permissions, and a link at the
# output path is written through (as the shell's > writes), not replaced.
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
done_testing
