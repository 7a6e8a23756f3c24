#!/bin/sh
# Files that are not what they should be: symbolic link loops,
# dangling links, directories, a FIFO and a device.  Each is refused with
# its name and the reason, and exit status 2; nothing blocks or runs away.
. "$top_srcdir/tests/hostile/lib.sh"

# An unreadable document: tests/hostile/perms.sh (as an ordinary user).

coll loop "$HDATA/bom.cb"
ln -s 02.cb "$TMPD/loop/02.cb.tmp" && mv "$TMPD/loop/02.cb.tmp" "$TMPD/loop/02.cb"
ln -s 04.cb "$TMPD/loop/03.cb"
ln -s 03.cb "$TMPD/loop/04.cb"
refused loop "symbolic link loops" \
  "casebook: 02.cb: error: cannot read: Too many levels of symbolic links" \
  "casebook: 03.cb: error: cannot read: Too many levels of symbolic links" \
  "casebook: 04.cb: error: cannot read: Too many levels of symbolic links"

coll dangling "$HDATA/bom.cb"
ln -s nowhere.cb "$TMPD/dangling/02.cb"
refused dangling "a dangling symbolic link" \
  "casebook: 02.cb: error: cannot read: No such file or directory"

coll dir "$HDATA/bom.cb"
mkdir "$TMPD/dir/02.cb"
refused dir "a directory named like a document" \
  "casebook: 02.cb: error: cannot read: Is a directory"

coll dircoll "$HDATA/bom.cb"
rm "$TMPD/dircoll/collection.cb"
mkdir "$TMPD/dircoll/collection.cb"
refused dircoll "a directory where collection.cb should be" \
  "casebook: collection.cb: error: cannot read: Is a directory"

coll dirgloss "$HDATA/bom.cb"
mkdir "$TMPD/dirgloss/glossary.tsv"
refused dirgloss "a directory where glossary.tsv should be" \
  "casebook: glossary.tsv: error: cannot read: Is a directory"

coll fifo "$HDATA/bom.cb"
if mkfifo "$TMPD/fifo/02.cb" 2>/dev/null; then
  refused fifo "a FIFO named like a document (reading it would block)" \
    "casebook: 02.cb: error: cannot read: not a regular file"
else
  for d in "check exits 2" "the error names file and line" \
           "list refuses the content" "and prints nothing on stdout"; do
    skip "a FIFO: $d" "mkfifo failed"
  done
fi

coll device "$HDATA/bom.cb"
ln -s /dev/zero "$TMPD/device/02.cb"
ln -s /dev/zero "$TMPD/device/glossary.tsv"
refused device "/dev/zero as a document and as the glossary (they never end)" \
  "casebook: 02.cb: error: cannot read: not a regular file" \
  "casebook: glossary.tsv: error: cannot read: not a regular file"

# A file of gigabytes (sparse: no disk is used) is refused unread, not
# read until memory runs out.
coll huge "$HDATA/bom.cb"
truncate -s 4G "$TMPD/huge/02.cb"
truncate -s 4G "$TMPD/huge/glossary.tsv"
refused huge "a document and a glossary of 4 GiB" \
  "casebook: 02.cb: error: cannot read: larger than 64 MiB, the most casebook reads" \
  "casebook: glossary.tsv: error: cannot read: larger than 64 MiB, the most casebook reads"

# The content directory itself.
ln -s self "$TMPD/self"
trun list --content "$TMPD/self"
is "$rc" 2 "content that is a symbolic link loop: exit 2"
is "$(head -1 "$TMPD/err")" "casebook: $TMPD/self: error: cannot open content: Too many levels of symbolic links" "and the reason"
trun list --content "$HDATA/bom.cb"
is "$rc" 2 "content that is a file: exit 2"
is "$(head -1 "$TMPD/err")" "casebook: $HDATA/bom.cb: error: not a directory (content is a directory of .cb files)" "and the reason"

# A library whose collection is a link to itself, or to its parent.
mkdir -p "$TMPD/lib"
cp -r "$TMPD/dangling" "$TMPD/lib/a"
rm "$TMPD/lib/a/02.cb"
ln -s a "$TMPD/lib/b.tmp" && mv "$TMPD/lib/b.tmp" "$TMPD/lib/b"
ln -s c "$TMPD/lib/c"
ln -s .. "$TMPD/lib/a/up.cb"
ln -s . "$TMPD/lib/dot"
trun check "$TMPD/lib"
is "$rc" 2 "a library with looping links: exit 2"
sed "s|$TMPD/lib/||g" "$TMPD/err" >"$TMPD/errs"
cat >"$TMPD/want" <<'X'
casebook: a/up.cb: error: cannot read: Is a directory
casebook: b: warning: collection 'hostile' is also in a; this one is left out
X
same "$TMPD/errs" "$TMPD/want" "each link is read once and refused, with its name (b, the same collection again, left out, its errors with it)"
done_testing
