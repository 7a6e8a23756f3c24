# lib.sh -- helpers for the hostile-input tests, on top of tests/cli/lib.sh.
# Every hostile input gets an exact expected outcome: it loads and reads
# correctly, or it is refused with "casebook: FILE:LINE: error: ..." and
# exit status 2.  Never a crash, a hang, or a raw control byte on stdout.

. "$top_srcdir/tests/cli/lib.sh"
HDATA="$top_srcdir/tests/hostile/data"

# Generous: every case takes well under a second; this only stops a hang.
LIMIT=${HOSTILE_TIMEOUT:-5}

# trun CMD...: like run, under a timeout.  A crash or a hang is reported
# here and not left for the caller to misread as an exit status.
trun () {
  timeout "$LIMIT" "$CASEBOOK" "$@" >"$TMPD/out" 2>"$TMPD/err"
  rc=$?
  if [ "$rc" -eq 124 ]; then
    echo "# casebook $* did not finish within ${LIMIT}s"
  elif [ "$rc" -gt 128 ]; then
    echo "# casebook $* died of signal $((rc - 128))"
    sed 's/^/#   /' "$TMPD/err" | head -20
  fi
}

# coll NAME [FILE...]: a fresh collection $TMPD/NAME with the hostile
# collection.cb and each FILE copied in as 01.cb, 02.cb, ...
coll () {
  c="$TMPD/$1"
  shift
  rm -rf "$c"
  mkdir -p "$c"
  cp "$HDATA/collection.cb" "$c/"
  n=0
  for f in "$@"; do
    n=$((n + 1))
    cp "$f" "$c/$(printf '%02d' "$n").cb"
  done
}

# controls FILE: succeed if FILE is not UTF-8, or holds a control
# character other than newline and tab, a line or paragraph separator, or
# a character of general category Cf (format: bidi controls, zero-width
# characters, TAG characters, soft hyphen...), Co (private use) or Cn
# (unassigned): anything a terminal would act on or that hides text.
controls () {
  LC_ALL=C.UTF-8 grep -aqxv '.*' "$1" ||
  LC_ALL=C grep -aqP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xd8\x9c|\xe2\x80[\x8b-\x8f\xa8-\xae]|\xe2\x81[\xa0\xa6-\xa9]|\xef\xbb\xbf|\xef\xbf[\xbe\xbf]' "$1" ||
  LC_ALL=C.UTF-8 grep -aqP '[\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]' "$1"
}

# clean FILE DESCRIPTION: FILE holds nothing that `controls` finds.
clean () {
  if controls "$1"; then
    ok 1 "$2"; echo "# raw control characters or bytes that are not UTF-8 in:"
    cat -v "$1" | sed 's/^/#   /' | head -10
  else ok 0 "$2"; fi
}

# refused NAME DESCRIPTION ERROR-LINE...: `check` of collection $TMPD/NAME
# prints exactly these diagnostics (paths relative to it) and exits 2, and
# `list` refuses the content with exit status 2.
refused () {
  name=$1 desc=$2
  shift 2
  trun check "$TMPD/$name"
  is "$rc" 2 "$desc: check exits 2"
  sed "s|$TMPD/$name/||g" "$TMPD/err" >"$TMPD/errs"
  printf '%s\n' "$@" >"$TMPD/want"
  same "$TMPD/errs" "$TMPD/want" "$desc: the error names file and line"
  # show reads the text (list reads headers: an error in a text does
  # not stop it, casebook(1)).
  trun show 1 --content "$TMPD/$name"
  is "$rc" 2 "$desc: show refuses the document"
  is "$(cat "$TMPD/out")" "" "$desc: and prints nothing on stdout"
}

skip () {   # skip DESCRIPTION REASON
  tap_n=$((tap_n + 1))
  echo "ok $tap_n - $1 # SKIP $2"
}

# todo CONDITION-STATUS DESCRIPTION REASON: a known gap in a file these
# tests do not own; it shows as XFAIL until fixed, then as XPASS (and the
# "# TODO" must go).
todo () {
  tap_n=$((tap_n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $tap_n - $2 # TODO $3"
  else echo "not ok $tap_n - $2 # TODO $3"; fi
}
