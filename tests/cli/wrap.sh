#!/bin/sh
# list and search fold long lines at word boundaries by display width
# (a Chinese character is two columns), continuation lines indented under
# the text: at --width, or at the terminal's width on a terminal (see
# tests/tui/cli-wrap.sh).  Output to a pipe stays one line per item.
. "$top_srcdir/tests/cli/lib.sh"

# check NAME WIDTH: $TMPD/out is folded at WIDTH, and unfolded it is
# $TMPD/whole: no line wider than WIDTH columns, no word cut.
check () {
  w=$(wc -L <"$TMPD/out")
  [ "$w" -le "$2" ]
  ok $? "$1: no line is wider than $2 columns ($w)"
  # Joined again (each continuation line -- it starts with four blanks
  # and is not a passage, title or "... more" line -- to the line before),
  # the lines are those of the whole output, spaces aside.
  : >"$TMPD/pairs"
  awk '
    /^    / && !/^  (§|title|…)/ {
      sub(/^ +/, "")
      if (line ~ /[A-Za-z0-9]$/ && $0 ~ /^[A-Za-z0-9]/) {
        n = split(line, a, " "); split($0, b, " ")
        print a[n] " " b[1] > pairs
      }
      line = line $0; next }
    { if (NR > 1) print line; line = $0 }
    END { print line }' pairs="$TMPD/pairs" "$TMPD/out" | tr -d ' ' >"$TMPD/joined"
  tr -d ' ' <"$TMPD/whole" >"$TMPD/whole.squeezed"
  same "$TMPD/joined" "$TMPD/whole.squeezed" "$1: folded, nothing lost"
  # Where a line ends in a letter and the next starts with one, the two
  # words stood apart: no word was cut.
  cut=
  while IFS= read -r pair; do
    grep -qF -- "$pair" "$TMPD/whole" || cut="$cut [$pair]"
  done <"$TMPD/pairs"
  is "${cut:-none}" none "$1: folded between words, never inside one"
  rm -f "$TMPD/pairs"
}

for l in en zh; do
  run list --content "$SHIPPED" --lang $l
  cp "$TMPD/out" "$TMPD/whole"
  n=$(wc -l <"$TMPD/whole")
  run list --content "$SHIPPED" --lang $l --width 80
  check "list --lang $l --width 80" 80
  [ "$(wc -l <"$TMPD/out")" -gt "$n" ] || [ $l = zh ]
  ok $? "list --lang $l --width 80: long titles take more than one line"
done

run list --content "$SHIPPED" --lang en --width 50
cp "$TMPD/out" "$TMPD/w50"
run list --content "$SHIPPED" --lang en
cp "$TMPD/out" "$TMPD/whole"
cp "$TMPD/w50" "$TMPD/out"
check "list --width 50 (a region column wider than half)" 50

for q in 巡回检察 'circuit inspection' 'public interest litigation'; do
  run search --content "$SHIPPED" -n 5 "$q"
  cp "$TMPD/out" "$TMPD/whole"
  run search --content "$SHIPPED" -n 5 --width 80 "$q"
  check "search '$q' --width 80" 80
done

run search --content "$SHIPPED" -n 5 --width 80 --color=always 巡回检察
grep -q "$(printf '\033\\[1;31m')巡回检察$(printf '\033\\[0m')" "$TMPD/out"
ok $? "search --color --width: hits are still highlighted"

run list --content "$SHIPPED" --lang en
awk 'length > 100 { found = 1 } END { exit !found }' "$TMPD/out"
ok $? "to a pipe without --width, a line is not folded"

echo "1..$tap_n"
[ "$tap_fail" -eq 0 ]
