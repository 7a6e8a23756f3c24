#!/bin/sh
# Permissions, as an ordinary user even when the suite runs as root (see
# user-lib.sh): an unreadable document is refused with its name; a
# read-only state or cache directory changes nothing but a warning, said
# once, for what could not be saved.
. "$top_srcdir/tests/hostile/lib.sh"
. "$top_srcdir/tests/hostile/user-lib.sh"

user_setup
ready=$?
trap 'rm -rf "$TMPD" "$USER_DIR"' EXIT
if [ $ready -ne 0 ]; then
  for d in "an unreadable file" "a read-only state directory" \
           "a read-only cache directory" "an unreadable collection"; do
    skip "$d" "running as root without setpriv or the user nobody"
  done
  done_testing
  exit 0
fi
[ -n "$AS_USER" ] && echo "# running casebook as: $AS_USER"

# An unreadable document.
coll perm "$HDATA/bom.cb" "$HDATA/crlf.cb"
user_copy "$TMPD/perm" perm
chmod 000 "$USER_DIR/perm/02.cb"
urun check "$USER_DIR/perm"
is "$rc" 2 "an unreadable file: check exits 2"
is "$(sed "s|$USER_DIR/perm/||" "$TMPD/err")" \
  "casebook: 02.cb: error: cannot read: Permission denied" \
  "an unreadable file: the error names it and says why"
urun list --content "$USER_DIR/perm"
is "$rc" 2 "an unreadable file: list refuses the content"
is "$(cat "$TMPD/out")" "" "an unreadable file: and prints nothing on stdout"

# Read-only state and cache directories: the command line works as with
# writable ones.
user_copy "$top_srcdir/tests/data/good" good
mkdir "$USER_DIR/ro" "$USER_DIR/rw"
chmod 555 "$USER_DIR/ro"
chmod 777 "$USER_DIR/rw"
for cmd in "list" "show 1 --width 80" "tags" "search circuit" "search --count circuit"; do
  XDG_STATE_HOME=$USER_DIR/rw XDG_CACHE_HOME=$USER_DIR/rw urun $cmd --content "$USER_DIR/good"
  cp "$TMPD/out" "$TMPD/want"
  XDG_STATE_HOME=$USER_DIR/ro XDG_CACHE_HOME=$USER_DIR/ro urun $cmd --content "$USER_DIR/good"
  is "$rc" 0 "read-only state and cache: $cmd exits 0"
  same "$TMPD/out" "$TMPD/want" "read-only state and cache: $cmd prints what it prints with writable ones"
  case $cmd in
    search*)
      is "$(wc -l <"$TMPD/err" | tr -d ' ')" 1 "read-only cache: $cmd warns once"
      has "$TMPD/err" "Permission denied" "read-only cache: $cmd says why" ;;
    *)
      is "$(cat "$TMPD/err")" "" "read-only state and cache: $cmd says nothing" ;;
  esac
done

# A collection of the library that its owner made unreadable: library
# lists it, and remove says why it cannot, not that there is none.
# (The test user's own: a library under a directory others can write
# to is not read.)
mkdir "$USER_DIR/data"
[ -z "$AS_USER" ] || chown nobody "$USER_DIR/data"
XDG_DATA_HOME=$USER_DIR/data urun import --add "$top_srcdir/tests/data/html/div-p.html" --name shut
is "$rc" 0 "an unreadable collection: installed"
$AS_USER chmod 000 "$USER_DIR/data/casebook/collections/shut"
XDG_DATA_HOME=$USER_DIR/data urun library
has "$TMPD/out" "shut" "an unreadable collection: library lists it"
# Its collection.cb cannot be read for the same reason: one error, the
# directory's, not a second one that follows from it.
is "$(grep -c "collections/shut.*error:" "$TMPD/err")" 1 \
  "an unreadable collection: one error"
has "$TMPD/err" "collections/shut: error: cannot read directory: Permission denied" \
  "an unreadable collection: the directory's"
XDG_DATA_HOME=$USER_DIR/data urun list
is "$(grep -c "collections/shut.*error:" "$TMPD/err")" 1 \
  "an unreadable collection: list says it once too"
XDG_DATA_HOME=$USER_DIR/data urun library remove shut
is "$rc" 2 "an unreadable collection: remove exits 2"
has "$TMPD/err" "collections/shut: Permission denied" "an unreadable collection: and says why"
hasnt "$TMPD/err" "no collection named" "an unreadable collection: not that there is none"
$AS_USER chmod 700 "$USER_DIR/data/casebook/collections/shut"
# A library that may not be written: the collection is named, not the
# temporary directory it would have been written into.
$AS_USER chmod 555 "$USER_DIR/data/casebook/collections"
XDG_DATA_HOME=$USER_DIR/data urun import --add "$top_srcdir/tests/data/html/div-p.html" --name ro
is "$rc" 2 "a library that may not be written: import --add exits 2"
has "$TMPD/err" "cannot install $USER_DIR/data/casebook/collections/ro: Permission denied" \
  "and names the collection it could not install"
hasnt "$TMPD/err" ".new." "not its temporary directory"
$AS_USER chmod 700 "$USER_DIR/data/casebook/collections"

# An index that may be read but not written (made by root, say, or on a
# file system remounted read-only), over content changed since with an
# error in it: the index built in memory instead reports the error as
# a fresh one does, and does not drop the document without a word.
user_copy "$top_srcdir/tests/data/good" changed
# (A cache directory the test user owns alone, or it is not used.)
mkdir "$USER_DIR/ixro" "$USER_DIR/fresh"
chmod 700 "$USER_DIR/ixro" "$USER_DIR/fresh"
[ -z "$AS_USER" ] || chown nobody "$USER_DIR/ixro" "$USER_DIR/fresh"
XDG_CACHE_HOME=$USER_DIR/ixro urun search --count circuit --content "$USER_DIR/changed"
is "$rc" 0 "a read-only index: built"
$AS_USER chmod 444 "$USER_DIR"/ixro/casebook/index-*.db
chmod 666 "$USER_DIR/changed/01-circuit.cb"
echo 'zh: 又一段' >>"$USER_DIR/changed/01-circuit.cb"
XDG_CACHE_HOME=$USER_DIR/fresh urun search --count circuit --content "$USER_DIR/changed"
cp "$TMPD/out" "$TMPD/want"
cp "$TMPD/err" "$TMPD/wanterr"
want_rc=$rc
XDG_CACHE_HOME=$USER_DIR/ixro urun search --count circuit --content "$USER_DIR/changed"
is "$rc" "$want_rc" "a read-only index over content with an error: exits as with a fresh index"
same "$TMPD/out" "$TMPD/want" "and prints what it prints with a fresh index"
has "$TMPD/err" "cannot update the search index" "and says why it searches without the index"
has "$TMPD/err" "(read-only to you: mode 0444): searching without it" \
  "in words: the file is read-only, not SQLite's \"readonly database\""
grep -v 'search index' "$TMPD/err" >"$TMPD/goterr"
same "$TMPD/goterr" "$TMPD/wanterr" "and reports the content's error as a fresh index does"
done_testing
