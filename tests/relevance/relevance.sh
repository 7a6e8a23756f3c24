#!/bin/sh
# relevance.sh -- TAP: does search answer the judged needs of needs.tsv?
#
# Prints the score table (tests/relevance/score) as TAP comments and asserts
# that the overall MRR reaches ${RELEVANCE_MIN_MRR:-0.90} and that no need
# (each has a relevant document) returns nothing.
: "${CASEBOOK:?CASEBOOK is not set (run through make check)}"
: "${top_srcdir:?top_srcdir is not set}"

dir=$top_srcdir/tests/relevance
min=${RELEVANCE_MIN_MRR:-0.90}
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/cbrel.XXXXXX") || exit 99
trap 'rm -rf "$TMPD"' EXIT

n=0
fail=0
result () {   # result STATUS DESCRIPTION [DIRECTIVE]
  n=$((n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $n - $2$3"
  else echo "not ok $n - $2$3"; [ -n "$3" ] || fail=1; fi
}

# 1: the judged set itself is well formed: enough needs, every class in
# both languages where the class has both, every need with a relevant
# document among 0-8, no id twice.
awk -F'\t' '
  /^#/ || /^$/ { next }
  NF != 5 { printf "# line %d: %d fields, want 5\n", NR, NF; bad++; next }
  $1 in seen { printf "# id %s twice\n", $1; bad++ }
  { seen[$1] = 1; total++; cl[$2]++; lang[$3]++
    if ($3 != "zh" && $3 != "en") { printf "# %s: language %s\n", $1, $3; bad++ }
    rel = 0; nj = split($5, j, " ")
    for (i = 1; i <= nj; i++) {
      if (j[i] !~ /^[0-8]:[12]$/) { printf "# %s: judgement %s\n", $1, j[i]; bad++ }
      else rel++
    }
    if (rel == 0) { printf "# %s: no relevant document\n", $1; bad++ } }
  END {
    split("term variant foreign name number question typo exclusion paraphrase", want, " ")
    for (k in want) if (!(want[k] in cl)) { printf "# no need of class %s\n", want[k]; bad++ }
    for (c in cl) { known = 0; for (k in want) if (want[k] == c) known = 1
      if (!known) { printf "# unknown class %s\n", c; bad++ } }
    if (total < 90) { printf "# only %d needs\n", total; bad++ }
    if (lang["zh"] < 30 || lang["en"] < 30) { print "# too few needs in one language"; bad++ }
    exit bad > 0 }' "$dir/needs.tsv"
result $? "needs.tsv is well formed: 90 or more judged needs in both languages and every class"

# 2: the score script runs and prints a table with the overall row.
CASEBOOK_CONTENT=$top_srcdir/content sh "$dir/score" -v \
  --min-mrr "$min" >"$TMPD/table" 2>"$TMPD/err"
rc=$?
sed 's/^/# /' "$TMPD/table"
sed 's/^/# stderr: /' "$TMPD/err"
all=$(awk '$1 == "all" { print }' "$TMPD/table")
test "$rc" -le 1 && test -n "$all"
result $? "the score script measures every need"

# 3: the script's arithmetic: an engine that returns exactly the judged
# documents, best grade first (after a line without a document, and with
# a space after the colon as another JSON writer may put it), scores
# recall, MRR and nDCG@5 of 1 with nothing empty, and P@3 at the ceiling
# the script prints.
cat >"$TMPD/oracle" <<'EOF'
#!/bin/sh
for q; do :; done
exec awk -F'\t' -v q="$q" '$4 == q { n = split($5, j, " ")
  print "{\"note\":\"no document here\"}"
  for (g = 2; g >= 1; g--) for (i = 1; i <= n; i++) {
    split(j[i], d, ":"); if (d[2] == g) printf "{\"document\": %d}\n", d[1] }
  exit }' "$NEEDS"
EOF
chmod +x "$TMPD/oracle"
NEEDS=$dir/needs.tsv CASEBOOK=$TMPD/oracle CASEBOOK_CONTENT='' \
  sh "$dir/score" --min-mrr 1 --no-empty >"$TMPD/oracle.out" 2>&1
orc=$?
awk -v rc="$orc" '
  $1 == "all" { p3 = $3; rest = $4 " " $5 " " $6 " " $7 }
  /cannot exceed/ { ceil = $4 }
  END { exit !(rc == 0 && rest == "1.00 1.00 1.00 0" && p3 == ceil) }' \
  "$TMPD/oracle.out"
result $? "a perfect engine scores 1 (checks the script's arithmetic)"
[ "$orc" -eq 0 ] || sed 's/^/# oracle: /' "$TMPD/oracle.out"

mrr=$(echo "$all" | awk '{ print $5 }')
empty=$(echo "$all" | awk '{ print $7 }')

# 4: overall mean reciprocal rank, compared unrounded by the script.
test "$rc" -eq 0 && test -n "$mrr"
result $? "overall MRR ${mrr:-?} >= $min"

# 5: every need has a relevant document, so none may return nothing.
test -n "$empty" && test "$empty" -eq 0
result $? "no need returns nothing (${empty:-?} do)"

echo "1..$n"
exit $fail
