#!/bin/sh
# The shipped collection: complete in both languages, faithful, consistent.
. "$top_srcdir/tests/cli/lib.sh"

run list --content "$SHIPPED" --json
is "$(wc -l <"$TMPD/out")" 9 "nine documents"
is "$(sed 's/{"document":\([0-9]*\),.*/\1/' "$TMPD/out" | tr '\n' ' ')" "0 1 2 3 4 5 6 7 8 " "numbered 0 (overview) to 8"
hasnt "$TMPD/out" '"title_zh":null' "every document has a Chinese title"
hasnt "$TMPD/out" '"title_en":null' "every document has an English title"
hasnt "$TMPD/out" '"region_zh":null' "every document has a region"

for n in 1 2 3 4 5 6 7 8; do
  # The Chinese keywords pair with the English the project stands by: the
  # revised list where there is one (case 1), else the release's.
  run show $n --content "$SHIPPED" --json --english=revised
  head -1 "$TMPD/out" >"$TMPD/head"
  # Count the quoted items of each list (keywords may contain commas).
  zh=$(( $(sed 's/.*"keywords_zh":\[\([^]]*\)\].*/\1/' "$TMPD/head" | grep -o '"' | wc -l) / 2 ))
  en=$(( $(sed 's/.*"keywords_en":\[\([^]]*\)\].*/\1/' "$TMPD/head" | grep -o '"' | wc -l) / 2 ))
  ok $([ "$zh" -gt 0 ] && [ "$zh" -eq "$en" ]; echo $?) "case $n: keyword lists in both languages pair ($zh/$en)"
  if grep -q '"zh":null\|"en":null' "$TMPD/out"; then ok 1 "case $n: no pending side"
  else ok 0 "case $n: no pending side"; fi
done

run show 7 --content "$SHIPPED" --lang zh
has "$TMPD/out" "巡回检察" "case 7 in Chinese has 巡回检察"
has "$TMPD/out" "2019年以来,广西检察机关积极贯彻落实最高检" "case 7 keeps the release's Chinese as given"
run show 1 --content "$SHIPPED" --lang zh
has "$TMPD/out" "呼伦贝尔" "case 1 reads in Chinese"
has "$TMPD/out" "* " "its translated Chinese is marked"
run show 5 --content "$SHIPPED" --lang en
has "$TMPD/out" "Shandong" "case 5 reads in English"

# Project Chinese never calls a procuratorate a hospital.
hospital=$(grep -h '^[a-z.]*zh\.tr: ' "$SHIPPED"/batch3/*.cb | grep -c '医院')
is "$hospital" 0 "no 医院 in the project's Chinese"
# Every translation is marked as one; every release text is unmarked and
# appears in the release as given.
release="$top_srcdir/tests/data/release/spp-reform-typical-cases-batch3.txt"
missing=0
grep -h '^\(zh\|en\|title\.zh\|title\.en\|heading\.zh\|heading\.en\|section\.zh\|section\.en\): ' "$SHIPPED"/batch3/0*.cb |
  sed 's/^[a-z.]*: //' >"$TMPD/given"
while IFS= read -r line; do
  grep -qF -- "$line" "$release" || { missing=$((missing + 1)); echo "# not in release: $line" | cut -c1-100; }
done <"$TMPD/given"
is "$missing" 0 "every release-given text appears verbatim in the release ($(wc -l <"$TMPD/given") texts)"
# Every unmarked text, header fields included, is the release's own.
run check --release "$release" "$SHIPPED"
is "$rc" 0 "check --release: shipped content passes"
has "$TMPD/out" "0 errors, 0 warnings" "check --release: every unmarked text is in the release"
is "$(cat "$TMPD/err")" "" "check --release: nothing on stderr"

# The revision: the release's English by default, the project's corrected
# English on request, marked as the project's.
run show 1 --content "$SHIPPED" --lang en --width 200
has "$TMPD/out" "  Adjacent hospital | integrated centralized case handling and supervision" "show: the release's English by default"
run show 1 --content "$SHIPPED" --lang en --width 200 --english=revised
has "$TMPD/out" "* Adjacent procuratorates | Integrated and centralized case handling | Supervision" "show --english=revised: the revised keywords, marked"
hasnt "$TMPD/out" "ospital" "show --english=revised: no 'hospital' for 院"
hasnt "$TMPD/out" "adjacent court" "show --english=revised: no 'adjacent court'"
has "$TMPD/out" "* marks the casebook project's translation or revision" "show --english=revised: the legend says so"
# The machine translation's errors are gone from the revised English of
# the overview and cases 1-3 (院 is never a hospital, a courtyard or an
# academy; 涉黑涉恶 is not "gangs and evil").
for n in 0 1 2 3; do
  run show $n --content "$SHIPPED" --lang en --width 2000 --english=revised
  bad=$(grep -ioc "hospital\|courtyard\|academies\|gangs and evil\|procurator-general\|inspection committee\|adjacent court" "$TMPD/out")
  is "$bad" 0 "document $n --english=revised: none of the release's known mistranslations"
done
run show 1 --content "$SHIPPED" --lang en --english=release
has "$TMPD/out" "Adjacent hospital" "show --english=release is the default"
run list --content "$SHIPPED" --lang en --english=revised
has "$TMPD/out" "The People's Procuratorate of Hulunbuir City, Inner Mongolia, builds a model" "list --english=revised: the revised title"
run tags --content "$SHIPPED" --lang en --english=revised
has "$TMPD/out" "Adjacent procuratorates (邻近院)" "tags --english=revised: the revised keyword, with its Chinese"
hasnt "$TMPD/out" "Adjacent hospital" "tags --english=revised: not the machine translation's"
# tag: finds exactly the documents tags lists for each keyword.
"$CASEBOOK" tags --content "$SHIPPED" --lang en --english=revised |
  sed 's/ (.*)//' >"$TMPD/tags"
bad=
while IFS='	' read -r tag docs; do
  got=$("$CASEBOOK" search --content "$SHIPPED" --english=revised --count -- "tag:\"$tag\"" |
    cut -d: -f1 | sort -n | tr '\n' ' ')
  want=$(printf '%s\n' $docs | sort -n | tr '\n' ' ')
  [ "$got" = "$want" ] || bad="$bad [$tag: tags $want, search $got]"
done <"$TMPD/tags"
is "$bad" "" "search --english=revised tag:KEYWORD finds the documents tags --english=revised lists"
run tags --content "$SHIPPED" --lang en
has "$TMPD/out" "Adjacent hospital" "tags: the release's keyword by default"
run show 1 --content "$SHIPPED" --english=machine
is "$rc" 2 "show --english: an unknown value is an error"
run show 1 --content "$SHIPPED" --json --english=revised
has "$TMPD/out" '"en_translated":false,"en_revised":true' "show --json --english=revised says which English it gives"

glossary=$(grep -vc '^#' "$SHIPPED/glossary.tsv")
ok $([ "$glossary" -ge 81 ]; echo $?) "the glossary has at least 80 terms ($((glossary - 1)))"
# Search reads the revised English when the reader does, and says which
# English a hit is in.
run search --content "$SHIPPED" --json -- "adjacent procuratorates"
hasnt "$TMPD/out" '"revised":true' "search: the release's English by default"
run search --content "$SHIPPED" --json --english=revised -- "adjacent procuratorates"
has "$TMPD/out" '"revised":true' "search --english=revised: hits in the revision, marked so"
run search --content "$SHIPPED" -n 40 --english=revised -- "adjacent procuratorates"
has "$TMPD/out" " en.rev*: " "search --english=revised: plain output names the revision"
# Case 1's release lists two English keywords, its revision and the
# Chinese three: tags pairs the Chinese with the revision, and the
# release's English with nothing, rather than item by item with the
# release's (which paired 一体化集中办案 with "...and supervision").
run tags --content "$SHIPPED" --lang zh
has "$TMPD/out" "一体化集中办案 (Integrated and centralized case handling)	1" \
  "tags --lang zh: the Chinese pairs with the revised English list"
has "$TMPD/out" "监督 (Supervision)	1" "and every item of it has its pair"
run tags --content "$SHIPPED"
has "$TMPD/out" "integrated centralized case handling and supervision	1" \
  "tags: the release's English list, of another length, pairs with nothing"
hasnt "$TMPD/out" "supervision (一体化集中办案)" "not with the Chinese item in its place"
done_testing
