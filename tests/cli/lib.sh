# lib.sh -- helpers for casebook's shell tests, which speak TAP.
# Sourced by each tests/cli/*.sh; expects CASEBOOK and top_srcdir.

: "${CASEBOOK:?CASEBOOK is not set (run through make check)}"
: "${top_srcdir:?top_srcdir is not set}"
GOOD="$top_srcdir/tests/data/good"
BAD="$top_srcdir/tests/data/bad"
SHIPPED="$top_srcdir/content"
tap_n=0
tap_fail=0
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/cbtest.XXXXXX")
trap 'rm -rf "$TMPD"' EXIT

ok () {   # ok CONDITION-STATUS DESCRIPTION
  tap_n=$((tap_n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $tap_n - $2"
  else echo "not ok $tap_n - $2"; tap_fail=$((tap_fail + 1)); fi
}

# run CMD...: run casebook, leaving stdout in $TMPD/out, stderr in
# $TMPD/err and the exit status in $rc.
run () {
  "$CASEBOOK" "$@" >"$TMPD/out" 2>"$TMPD/err"
  rc=$?
}

# is GOT WANT DESCRIPTION
is () {
  if [ "$1" = "$2" ]; then ok 0 "$3"
  else ok 1 "$3"; printf '# expected: [%s]\n#      got: [%s]\n' "$2" "$1"; fi
}

# same FILE EXPECTED-FILE DESCRIPTION: compare whole outputs.
same () {
  if diff -u "$2" "$1" >"$TMPD/diff" 2>&1; then ok 0 "$3"
  else ok 1 "$3"; sed 's/^/# /' "$TMPD/diff" | head -40; fi
}

# has FILE PATTERN DESCRIPTION: FILE contains the fixed string.
has () {
  if grep -qF -- "$2" "$1"; then ok 0 "$3"
  else ok 1 "$3"; echo "# no [$2] in:"; sed 's/^/#   /' "$1" | head -10; fi
}

hasnt () {
  if grep -qF -- "$2" "$1"; then ok 1 "$3"; echo "# unexpected [$2]"; else ok 0 "$3"; fi
}

done_testing () {
  echo "1..$tap_n"
  [ "$tap_fail" -eq 0 ]
}
