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

echo "1..$tap_n"
[ "$tap_fail" -eq 0 ]
