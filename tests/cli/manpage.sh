#!/bin/sh
# The man pages: clean for mandoc and groff, and in step with --help and
# the browser's help screen, so the three cannot drift apart.
. "$top_srcdir/tests/cli/lib.sh"
man1="$top_srcdir/man/casebook.1"
man5="$top_srcdir/man/casebook.5"
zhman="$top_srcdir/man/zh_CN/casebook.1"

for page in "$man1" "$man5" "$zhman"; do
  name=${page#"$top_srcdir"/}
  if command -v mandoc >/dev/null 2>&1; then
    out=$(mandoc -Tlint -W warning "$page" 2>&1)
    is "$out" "" "mandoc -Tlint: $name has no warning"
  else
    echo "ok $((tap_n = tap_n + 1)) # SKIP mandoc not installed"
  fi
  if command -v groff >/dev/null 2>&1; then
    out=$(groff -k -Tutf8 -man -ww -z "$page" 2>&1)
    is "$out" "" "groff -ww: $name has no warning"
  else
    echo "ok $((tap_n = tap_n + 1)) # SKIP groff not installed"
  fi
done

# The rendered text of casebook(1), with \- and friends resolved.
if command -v groff >/dev/null 2>&1; then
  groff -k -Tutf8 -man -P-cbou "$man1" 2>/dev/null >"$TMPD/man.txt"
else
  sed 's/\\-/-/g; s/\\(aq/'"'"'/g' "$man1" >"$TMPD/man.txt"
fi

# Every long option of --help is documented.
"$CASEBOOK" --help | grep -o -- '--[a-z][a-z-]*' | sort -u >"$TMPD/options"
missing=
while read -r opt; do
  grep -qF -- "$opt" "$TMPD/man.txt" || missing="$missing $opt"
done <"$TMPD/options"
is "${missing:-none}" none "every option of --help is in casebook(1) ($(wc -l <"$TMPD/options") options)"

# Every environment variable the program reads is in ENVIRONMENT, in
# English and in Chinese (COLUMNS, CASEBOOK_LOCALEDIR and XDG_DATA_HOME
# were read but not listed).  HOME and TERM are everyone's.
grep -rhoE 'getenv \("[A-Z_]+"\)|"XDG_[A-Z]+_HOME"' "$top_srcdir/src" --include='*.c' |
  grep -oE '[A-Z_]{2,}' | grep -vx -e HOME -e TERM | sort -u >"$TMPD/env"
for page in "$man1" "$zhman"; do
  sed -n '/^\.SH \(ENVIRONMENT\|环境变量\)/,/^\.SH/p' "$page" |
    sed -n '/^\.TP/{n;p}' | grep -oE '[A-Z_]{2,}' | sort -u >"$TMPD/env-doc"
  missing=$(comm -23 "$TMPD/env" "$TMPD/env-doc" | tr '\n' ' ')
  is "${missing:-none}" none "every variable casebook reads is in ENVIRONMENT of ${page#"$top_srcdir"/} ($(wc -l <"$TMPD/env") variables)"
done

# Every key of the browser's help screen (its expected screen, which the
# TUI tests compare with the real one) is in the BROWSER section.
sed -n '/^BROWSER/,/^ENVIRONMENT/p' "$TMPD/man.txt" >"$TMPD/browser.txt"
help="$top_srcdir/tests/tui/expected/help-100x30.txt"
sed -n 's/^   \([^ ].*\)$/\1/p' "$help" | awk -F '  +' '{ print $1 }' |
  grep -v -e '^in a prompt$' -e '^queries$' -e '^mouse$' >"$TMPD/keyrows"
keys=0
missing=
for k in $(cat "$TMPD/keyrows"); do
  case $k in
    letter|number) continue ;;
    [0-9]-[0-9]) set -- "${k%-*}" "${k#*-}" ;;
    *) set -- "$k" ;;
  esac
  for one in "$@"; do
    keys=$((keys + 1))
    # A key stands alone: between spaces, commas or the line's ends.
    if ! grep -qE -- "(^|[ ,(])$(printf '%s' "$one" | sed 's/[][\.*^$?/&]/\\&/g')([ ,)]|$)" "$TMPD/browser.txt"; then
      missing="$missing $one"
    fi
  done
done
# (The help wraps and grows: its first screen lists fewer keys than it did.)
ok $([ "$keys" -ge 20 ]; echo $?) "the help screen lists $keys keys"
is "${missing:-none}" none "every key of the help screen is in casebook(1)"

# And the other way: every key the BROWSER section gives an item is on
# the help screen (f paged down in casebook(1) but not in h's list).
sed -n '/^\.SH BROWSER/,/^\.SH ENVIRONMENT/p' "$man1" | sed -n '/^\.TP/{n;p}' |
  sed -E 's/\\-/-/g; s/\\\(aq/'"'"'/g; s/^\.[A-Z]+ //; s/"//g; s/,/ /g' |
  tr ' ' '\n' | grep -v -e '^$' -e '^\\' -e '^(' | sort -u >"$TMPD/man-keys"
sed -n '/^static const struct help_line help/,/Actions for the configuration/p' \
  "$top_srcdir/src/tui/ui_help.c" | sed -nE 's/^ *\{ (N_\()?"([^"]*)".*/\2/p' |
  tr ' ' '\n' | grep -v -e '^$' -e '\\' | sort -u >"$TMPD/help-keys"
missing=$(comm -23 "$TMPD/man-keys" "$TMPD/help-keys" | tr '\n' ' ')
ok $([ "$(wc -l <"$TMPD/man-keys")" -ge 30 ]; echo $?) "casebook(1) gives $(wc -l <"$TMPD/man-keys") keys an item"
is "${missing:-none}" none "every key of casebook(1)'s BROWSER items is on the help screen"

# The Chinese page keeps the English page's structure.
s1=$(grep -c '^\.\(SH\|SS\|TP\|PP\|EX\)' "$man1")
s2=$(grep -c '^\.\(SH\|SS\|TP\|PP\|EX\)' "$zhman")
is "$s2" "$s1" "the Chinese casebook(1) has the English page's sections and items"
done_testing
