#!/bin/sh
# The search examples that --help, the README and casebook(1) give find
# something in the shipped cases: an example that prints nothing (as
# '"circuit inspection" -prison' did, every case with the phrase also
# saying "prison") teaches a new reader that search does not work.
. "$top_srcdir/tests/cli/lib.sh"

# Lines "casebook search ..." of each source, as shell words.
{
  "$CASEBOOK" --help | sed -n 's/^ *casebook search //p'
  sed -n 's/^ *\$ casebook search //p' "$top_srcdir/README.md"
  sed -n 's/^casebook search //p' "$top_srcdir/man/casebook.1" \
    | sed "s/\\\\(aq/'/g; s/\\\\-/-/g" | grep -v '|'
} >"$TMPD/examples"

n=0
while IFS= read -r args; do
  n=$((n + 1))
  eval "set -- $args"
  run search --content "$SHIPPED" "$@"
  [ "$rc" -eq 0 ] && [ -s "$TMPD/out" ]
  ok $? "casebook search $args: finds something (status $rc)"
done <"$TMPD/examples"
[ "$n" -ge 8 ]
ok $? "the examples were found ($n)"

# Every place the pages give as an example ("casebook show 7 §2¶12",
# "7 s2 p12", ":7 §2 ¶12") is a place of the shipped case it names: the
# pages once sent readers to "7 §1 ¶12", and case 7's section 1 is its
# keyword list, one paragraph long.
{
  for page in man/casebook.1 man/zh_CN/casebook.1; do
    if command -v groff >/dev/null 2>&1; then
      groff -k -Tutf8 -man -P-cbou "$top_srcdir/$page" 2>/dev/null
    else
      sed 's/\\(sc/§/g; s/\\(ps/¶/g; s/\\-/-/g' "$top_srcdir/$page"
    fi
  done
  cat "$top_srcdir/README.md"
} | grep -oE '(^|[^0-9/§¶a-z])[0-9]+ ?(§[0-9]+ ?¶[0-9]+(-[0-9]+)?|§[0-9]+|¶[0-9]+(-[0-9]+)?|s[0-9]+ p[0-9]+)' |
  sed 's/^[^0-9]*//' | sort -u >"$TMPD/places"
n=0
while IFS= read -r place; do
  n=$((n + 1))
  # shellcheck disable=SC2086 # a place may be several arguments
  run cite --content "$SHIPPED" $place
  [ "$rc" -eq 0 ] && [ -s "$TMPD/out" ]
  ok $? "casebook cite $place: a place of the shipped content (status $rc)"
done <"$TMPD/places"
[ "$n" -ge 4 ]
ok $? "the places were found ($n)"

# The README's example of list prints what list prints (its "..." aside).
sed -n '/^    \$ casebook list --lang zh$/,/^    \$/p' "$top_srcdir/README.md" |
  sed -e '1d' -e '$d' -e 's/^    //' | grep -v '^ *\.\.\.$' >"$TMPD/readme-list"
run list --lang zh --content "$SHIPPED"
head -n "$(wc -l <"$TMPD/readme-list")" "$TMPD/out" >"$TMPD/list-head"
[ -s "$TMPD/readme-list" ]
ok $? "the README has an example of list"
same "$TMPD/list-head" "$TMPD/readme-list" "the README's list example is what casebook list --lang zh prints"

echo "1..$tap_n"
[ "$tap_fail" -eq 0 ]
