#!/bin/sh
# casebook list --facets over a library of three collections: every
# value with the number of documents its query term finds, and each
# count is what `casebook search' finds for that term.
. "$top_srcdir/tests/cli/lib.sh"
HTML="$top_srcdir/tests/data/html"
XDG_DATA_HOME=$TMPD/data; export XDG_DATA_HOME
unset CASEBOOK_CONTENT
"$CASEBOOK" import --add "$HTML/div-p.html" --name exec2023 >/dev/null 2>&1
"$CASEBOOK" import --add "$HTML/split-cases.html" --name hearings >/dev/null 2>&1

run list --facets --lang zh
is "$rc" 0 "list --facets"
has "$TMPD/out" "9  collection:batch3" "each collection with its documents"
has "$TMPD/out" "3  collection:exec2023" "the imported ones too"
has "$TMPD/out" "9  year:2022" "each year"
has "$TMPD/out" "3  year:2024" "of each collection"
has "$TMPD/out" "1  region:内蒙古" "a province"
has "$TMPD/out" "1    region:呼伦贝尔" "its place, indented under it"
has "$TMPD/out" "2  tag:巡回检察" "a keyword two collections share"
is "$(sed -n 1p "$TMPD/out")" "9  collection:batch3" "collections first, in library order"
is "$(grep -n 'region:内蒙古' "$TMPD/out" | cut -d: -f1)" \
   "$(($(grep -n 'region:呼伦贝尔' "$TMPD/out" | cut -d: -f1) - 1))" \
   "the place follows its province"
run list --facets --lang en
has "$TMPD/out" '1  region:"Inner Mongolia"' "English names, quoted when they have a space"
has "$TMPD/out" '1    region:Hulunbuir' "the English place"

# Every count is what search finds for the term.
run list --facets --json --lang zh
cp "$TMPD/out" "$TMPD/facets"
is "$(grep -c '^{"facet":' "$TMPD/facets")" "$(grep -c . "$TMPD/facets")" "--json: one object per value"
has "$TMPD/facets" '{"facet":"region","value":"呼伦贝尔","query":"region:呼伦贝尔","documents":1,"level":2}' "with its level"
bad=0
nvals=0
while IFS= read -r line; do
  q=$(printf '%s\n' "$line" | sed 's/.*"query":"\(.*\)","documents".*/\1/; s/\\"/"/g')
  want=$(printf '%s\n' "$line" | sed 's/.*"documents":\([0-9]*\).*/\1/')
  got=$("$CASEBOOK" search --count --no-correct -- "$q" 2>/dev/null | grep -c .)
  nvals=$((nvals + 1))
  if [ "$got" != "$want" ]; then
    bad=$((bad + 1)); echo "# $q: list --facets says $want, search finds $got"
  fi
done <"$TMPD/facets"
ok $([ "$nvals" -gt 30 ]; echo $?) "many values to compare ($nvals)"
is "$bad" 0 "every facet count is what search finds for its term"
run list --facets --json --lang en
cp "$TMPD/out" "$TMPD/facets"
bad=0
while IFS= read -r line; do
  q=$(printf '%s\n' "$line" | sed 's/.*"query":"\(.*\)","documents".*/\1/; s/\\"/"/g')
  want=$(printf '%s\n' "$line" | sed 's/.*"documents":\([0-9]*\).*/\1/')
  got=$("$CASEBOOK" search --count --no-correct -- "$q" 2>/dev/null | grep -c .)
  [ "$got" = "$want" ] || { bad=$((bad + 1)); echo "# $q: $want, search $got"; }
done <"$TMPD/facets"
is "$bad" 0 "in English too"

# Under --region or --year the counts are those of the documents listed.
run list --facets --region 广西 --lang zh
has "$TMPD/out" "1  collection:batch3" "--region: the counts of that region's documents"
hasnt "$TMPD/out" "collection:exec2023" "collections without one are left out"
has "$TMPD/out" "1  tag:巡回检察" "a keyword counted in them only"
# --region folds as region: does (NFKC, case, traditional script), so
# the two keep the same documents.
for r in 廣西 ＧＵＡＮＧＸＩ; do
  run list --content "$SHIPPED" --region "$r"
  is "$rc $(cut -c1-2 "$TMPD/out")" "0  7" "--region $r: case 7, as region:$r finds"
  run list --content "$SHIPPED" --region "$r" --facets --lang zh
  has "$TMPD/out" "1  region:广西" "--region $r --facets: that region's counts"
done
run list --facets --year 1999
is "$rc" 1 "no document that year: exit 1"
run show 7 --facets
is "$rc" 2 "--facets is list's"
# In traditional script when asked, as the rest of the output; the query
# it shows keeps the same documents.
run list --facets --content "$SHIPPED" --lang zh --script=traditional
has "$TMPD/out" "1  region:內蒙古" "--script=traditional shows the facets in traditional script"
"$CASEBOOK" search --count --content "$SHIPPED" 'region:內蒙古' >"$TMPD/t"
"$CASEBOOK" search --count --content "$SHIPPED" 'region:内蒙古' >"$TMPD/s"
same "$TMPD/t" "$TMPD/s" "and the query it shows finds what the simplified one does"
# A collection named in traditional script, or with a letter that is
# not ASCII, is found by the term list --facets gives for it (and by its
# other forms, as every field value is): SQLite's lower() folds ASCII
# alone, and collection:檢察 found nothing.
XDG_DATA_HOME=$TMPD/data2; export XDG_DATA_HOME
"$CASEBOOK" import --add "$HTML/div-p.html" --name 檢察 >/dev/null 2>&1
"$CASEBOOK" import --add "$HTML/split-cases.html" --name Ärzte >/dev/null 2>&1
run search --count collection:檢察
is "$(grep -c '^檢察/' "$TMPD/out")" 3 "collection:檢察 finds its documents"
run search --count collection:检察
is "$(grep -c '^檢察/' "$TMPD/out")" 3 "collection:检察 too"
run search --count collection:ärzte
is "$(grep -c '^Ärzte/' "$TMPD/out")" 3 "collection:ärzte finds Ärzte's"
run search --count -- '-collection:检察 罪犯张某因犯诈骗罪'
is "$rc:$(cat "$TMPD/out")" "1:" "-collection:检察 leaves them out"
# A year whose value is the ninth gathered (the table grows then) is
# counted where it is: its count was written to the table's old block
# (0 for 2022 here, and the heap's memory overwritten).
mkdir -p "$TMPD/years/c1" "$TMPD/years/c2"
printf 'casebook-format: 1\nid: c1\ntitle.en: C1\ndate: 2021-01-01\n' >"$TMPD/years/c1/collection.cb"
printf 'casebook-format: 1\nid: c2\ntitle.en: C2\ndate: 2022-01-01\n' >"$TMPD/years/c2/collection.cb"
printf 'casebook-format: 1\nnumber: 1\ntitle.en: One\n\nkeywords.en: alpha | beta | gamma | delta | epsilon\n\nen: x.\n' \
  >"$TMPD/years/c1/01.cb"
printf 'casebook-format: 1\nnumber: 1\ntitle.en: Two\n\nen: y.\n' >"$TMPD/years/c2/01.cb"
run --content "$TMPD/years" list --facets
is "$(grep 'year:' "$TMPD/out" | tr -s ' ' | tr '\n' '|')" "1 year:2022|1 year:2021|" \
  "the ninth value a year: counted, newest first"
# A value the query language would cut (a dash, a Chinese comma) is
# quoted, and its term finds the document with that keyword, not the
# one with the first of its words.
mkdir -p "$TMPD/dash/c"
printf 'casebook-format: 1\nid: c\ntitle.zh: 集\n' >"$TMPD/dash/c/collection.cb"
printf 'casebook-format: 1\nnumber: 1\ntitle.zh: 一\n\nkeywords.zh: 诉前程序—检察建议\n\nzh: 甲。\n' \
  >"$TMPD/dash/c/01.cb"
printf 'casebook-format: 1\nnumber: 2\ntitle.zh: 二\n\nkeywords.zh: 诉前程序\n\nzh: 检察建议。\n' \
  >"$TMPD/dash/c/02.cb"
run --content "$TMPD/dash" list --facets --lang zh
has "$TMPD/out" '1  tag:"诉前程序—检察建议"' "a keyword with a dash in it is quoted"
run --content "$TMPD/dash" search --count -- 'tag:"诉前程序—检察建议"'
is "$rc:$(cut -d: -f1 "$TMPD/out" | tr "\n" " ")" "0:1 " "and its term finds the document that has it"
done_testing
