#!/bin/sh
# casebook show: wrapping, languages, translation marks, safe output.
. "$top_srcdir/tests/cli/lib.sh"

run show 1 --content "$GOOD" --lang en --width 60
is "$rc" 0 "show exits 0"
cat >"$TMPD/want" <<'X'
Case: 1 (sample)
* Title: Guangxi procuratorial organs deepen circuit
*   inspection
Region: Guangxi
Released: 2022-07-14
* Collection: Sample cases

* marks the casebook project's translation, not the
  release's own text.

* Guangxi procuratorial organs deepen circuit inspection
  Procuratorial organs of Guangxi

* 【Key words】

* circuit inspection | commutation, parole and temporary
* execution outside prison

* 【Reform situation】

* I. Practising the "three consciousnesses"

*   Since 2019, Guangxi procuratorial organs have carried
* out 39 circuit inspections of prisons, holding that
* circuit inspection is case handling.

* (1) Optimizing the "case-to-proceeding" ratio

*   The "one report per case" system was fully implemented
* to improve the quality and efficiency of supervision.
X
same "$TMPD/out" "$TMPD/want" "show 1 --lang en --width 60"

run show 1 --content "$GOOD" --lang zh --width 30
cat >"$TMPD/want" <<'X'
Case: 1 (sample)
Title: 广西检察机关深化巡回检
  察
Region: 广西
Released: 2022-07-14
Collection: 测试案例集

  广西检察机关深化巡回检察
  广西壮族自治区检察机关

  【关键词】

  巡回检察 | 减假暂

  【改革情况】

  一、践行“三个自觉”

      2019年以来,广西检察机关
  开展监狱巡回检察39次,坚持巡
  回检察就是办案。

  (一)优化“案-件比”

      全面推行“一案一报告”制
  度，提升监督质效。
X
same "$TMPD/out" "$TMPD/want" "show 1 --lang zh --width 30: CJK wrapping"

run show 2 --content "$GOOD" --lang both --width 80
has "$TMPD/out" "  Hulunbuir builds a model" "both: the English release title"
has "$TMPD/out" "* 呼伦贝尔构建“邻近院一体化办案”模式" "both: the marked Chinese translation"

# Every line of a shipped case fits the width.
for lang in en zh; do
  "$CASEBOOK" show 1 --content "$SHIPPED" --lang $lang --width 60 >"$TMPD/out"
  # wc -L measures display columns (Chinese characters count two).
  is "$(wc -L <"$TMPD/out")" 60 "shipped case 1 --lang $lang: the widest line is 60 columns"
done
"$CASEBOOK" show 1 --content "$SHIPPED" --lang en --width 60 | head -3 >"$TMPD/out"
is "$(wc -l <"$TMPD/out")" 3 "show works in a pipe"

# Control characters never reach the output raw.
mkdir -p "$TMPD/ctl"
cp "$GOOD/collection.cb" "$TMPD/ctl/"
printf 'casebook-format: 1\nnumber: 1\ntitle.en: Bell\007 and \033[31mred\033[0m\n\nen: bidi \342\200\256 override and \302\233 CSI\n' >"$TMPD/ctl/01.cb"
run show 1 --content "$TMPD/ctl" --lang en
has "$TMPD/out" 'Bell^G and ^[[31mred^[[0m' "escape sequences are shown visibly"
has "$TMPD/out" 'bidi <U+202E> override and <U+009B> CSI' "bidi overrides and C1 controls are shown visibly"
if LC_ALL=C grep -q "$(printf '\033')" "$TMPD/out"; then ok 1 "no raw ESC in the output"; else ok 0 "no raw ESC in the output"; fi
run show 1 --content "$TMPD/ctl" --lang en --raw
if LC_ALL=C grep -q "$(printf '\033')" "$TMPD/out"; then ok 0 "--raw passes controls through"; else ok 1 "--raw passes controls through"; fi
# The header's title too, as the text.
if grep "^Title:" "$TMPD/out" | LC_ALL=C grep -q "$(printf '\033')"; then ok 0 "--raw passes the title's controls through"; else ok 1 "--raw passes the title's controls through"; fi
run list --content "$TMPD/ctl"
has "$TMPD/out" 'Bell^G and ^[[31mred' "list shows controls visibly too"

run show 1 --content "$GOOD" --json
has "$TMPD/out" '"document":1,"section":1,"paragraph":1,"kind":"paragraph","zh":"2019年以来,广西检察机关开展监狱巡回检察39次,坚持巡回检察就是办案。","zh_translated":false,"en":"Since 2019' "show --json gives each paragraph with its languages and origins"
# The header marks its titles as the paragraphs mark their texts, as
# the plain header marks them.
run show 1 --content "$SHIPPED" --json
has "$TMPD/out" '"title_zh":"内蒙古呼伦贝尔市检察院构建“邻近院一体化集中办案”模式","title_zh_translated":true,"title_en":"Inner Mongolia' "show --json: a title the project translated"
has "$TMPD/out" 'adjacent courts\"","title_en_translated":false,"procuratorate_zh"' "and the release's own"
has "$TMPD/out" '"procuratorate_en":"People'"'"'s Procuratorate of Hulunbuir City, Inner Mongolia Autonomous Region","procuratorate_en_translated":false,"region_zh":"内蒙古呼伦贝尔","region_zh_translated":true,' \
  "show --json: the header's procuratorate and region, marked as the titles"
run show 1 --content "$SHIPPED" --json --english=revised
has "$TMPD/out" 'by adjacent procuratorates\"","title_en_translated":false,"title_en_revised":true,' "show --json --english=revised: a title the project revised"
# Traditional script (needs OpenCC).
if "$CASEBOOK" --version | grep -q 'OpenCC yes'; then
  run show 1 --content "$GOOD" --lang zh --script=traditional
  has "$TMPD/out" "廣西檢察機關深化巡迴檢察" "--script=traditional shows traditional characters"
  LANGUAGE=zh_TW "$CASEBOOK" list --content "$GOOD" >"$TMPD/out"
  has "$TMPD/out" "廣西檢察機關深化巡迴檢察" "a zh_TW locale shows traditional characters by default"
  run search --content "$GOOD" --script=traditional --color=always -n 1 巡迴檢察
  has "$TMPD/out" "$(printf '\033[1;31m巡迴檢察\033[0m')" "search highlights the converted text in the right place"
  run show 1 --content "$GOOD" --lang zh --script=simplified
  has "$TMPD/out" "广西检察机关深化巡回检察" "--script=simplified keeps simplified"
  run cite 1 ¶2 --content "$GOOD" --lang zh --script=traditional
  has "$TMPD/out" "檢察" "cite prints traditional characters as show does"
  hasnt "$TMPD/out" "检察" "and no simplified ones"
  # Converted, the release's Chinese is not its wording: said so.
  has "$TMPD/out" "OpenCC's conversion of the release's simplified text" \
    "cite in traditional script says whose the characters are"
  run show 1 --content "$GOOD" --lang zh --script=traditional --width 200
  has "$TMPD/out" "OpenCC's conversion of the release's simplified text" \
    "and so does show"
  run cite 1 ¶2 --content "$GOOD" --lang en --script=traditional
  hasnt "$TMPD/out" "OpenCC" "an English passage needs no such note"
  run cite 1 --content "$GOOD" --lang zh --script=traditional
  has "$TMPD/out" "OpenCC's conversion of the release's simplified text" \
    "nor does citing a whole case leave it out"
  # A passage is converted whole, its hit with the words around it, as
  # show converts it: 里 in 平方公里 is 里, not 裡 (a lining), and 干 in
  # 若干 is 干, not 幹.
  run search --content "$SHIPPED" --script=traditional --color=always -n 3 里
  has "$TMPD/out" "$(printf '平方公\033[1;31m里\033[0m')" \
    "search converts a passage whole: 平方公里 with the hit 里"
  hasnt "$TMPD/out" "公裡" "not the hit alone (公裡)"
  run search --content "$SHIPPED" --script=traditional -n 30 干
  has "$TMPD/out" "若干" "干 in 若干 is 干"
  hasnt "$TMPD/out" "若幹" "not 幹"
else
  for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do echo "ok $((tap_n + 1)) # SKIP built without OpenCC"; tap_n=$((tap_n + 1)); done
fi
run show 1 --content "$GOOD" --script=cyrillic
is "$rc" 2 "an unknown script is an error"
# A place: the document from there on, as search prints places.
run show 1 '§2¶2' --content "$GOOD" --lang en --width 60
is "$rc" 0 "show 1 §2¶2 exits 0"
cat >"$TMPD/want" <<'X'
*   Since 2019, Guangxi procuratorial organs have carried
* out 39 circuit inspections of prisons, holding that
* circuit inspection is case handling.

* (1) Optimizing the "case-to-proceeding" ratio

*   The "one report per case" system was fully implemented
* to improve the quality and efficiency of supervision.
X
# The header and the legend, each up to a blank line, are left out.
sed '1,/^$/d' "$TMPD/out" | sed '1,/^$/d' >"$TMPD/body"
same "$TMPD/body" "$TMPD/want" "show 1 §2¶2 starts at that paragraph"
run show 1 '§2' '¶2' --content "$GOOD" --lang en --width 60
# The header and the legend, each up to a blank line, are left out.
sed '1,/^$/d' "$TMPD/out" | sed '1,/^$/d' >"$TMPD/body2"
same "$TMPD/body2" "$TMPD/want" "the place may come as two arguments"
run show 1 '§2' --content "$GOOD" --lang en --width 60
has "$TMPD/out" "* 【Reform situation】" "show 1 §2 starts at the section's heading"
hasnt "$TMPD/out" "circuit inspection | commutation" "and leaves out what comes before"
run show 1 '§2¶2' --content "$GOOD" --json
is "$(sed -n 2p "$TMPD/out" | grep -o '"section":[0-9]*,"paragraph":[0-9]*')" \
   '"section":1,"paragraph":1' "--json from a place starts at its paragraph"
run show 1 '§2' --content "$GOOD" --json
is "$(sed -n 2p "$TMPD/out" | grep -o '"section":1,"kind":"section","zh":"[^"]*"')" \
   '"section":1,"kind":"section","zh":"【改革情况】"' "--json gives a section's title, as the text does"
run show 1 '§9' --content "$GOOD"
is "$rc" 2 "a section the case lacks exits 2"
has "$TMPD/err" "case 1 has no §9" "and says so"
run show 1 'x' --content "$GOOD"
is "$rc" 2 "a place that is not one exits 2"

# casebook N is casebook show N off a terminal.
run show 1 --content "$GOOD" --lang en --width 60
cp "$TMPD/out" "$TMPD/show1"
run 1 --content "$GOOD" --lang en --width 60
is "$rc" 0 "casebook 1 exits 0"
same "$TMPD/out" "$TMPD/show1" "casebook 1 prints what show 1 prints"
run sample/1 '§2¶2' --content "$GOOD" --lang en --width 60
# The header and the legend, each up to a blank line, are left out.
sed '1,/^$/d' "$TMPD/out" | sed '1,/^$/d' >"$TMPD/body3"
same "$TMPD/body3" "$TMPD/want" "casebook COLLECTION/N PLACE shows from the place"
run '1§2¶2' --content "$GOOD" --lang en --width 60
sed '1,/^$/d' "$TMPD/out" | sed '1,/^$/d' >"$TMPD/body4"
same "$TMPD/body4" "$TMPD/want" "casebook 1§2¶2, in one word, shows from the place"
run 9 --content "$GOOD"
is "$rc" 2 "casebook 9 (no such document) exits 2"
has "$TMPD/err" "no document '9'" "and says so"

# The header: number and collection, title, region, date, source.
run show 7 --content "$SHIPPED" --lang en --width 80
has "$TMPD/out" "Case: 7 (batch3)" "the header gives the number and the collection"
is "$(sed -n 2p "$TMPD/out" | cut -c1-9)" "* Title: " "then the title, marked as the project's translation"
has "$TMPD/out" "Region: Guangxi" "the region"
has "$TMPD/out" "Released: 2022-07-14" "the release date"
has "$TMPD/out" "Source: Supreme People's Procuratorate release of 14 July 2022" "and the source"
run show 1 --content "$SHIPPED" --lang en --width 80
is "$(sed -n 2p "$TMPD/out" | cut -c1-7)" "Title: " "a title that is the release's is not marked"
run show 1 '§2¶2' --content "$GOOD" --lang en --width 60
is "$(head -1 "$TMPD/out")" "Case: 1 (sample)" "show from a place starts with the header too"

# The pager: never when stdout is not a terminal; on one, $PAGER, unless
# --no-pager.
env PAGER="cat >'$TMPD/paged'" "$CASEBOOK" show 1 --content "$GOOD" --lang en >"$TMPD/out" 2>&1
ok $([ ! -e "$TMPD/paged" ] && [ -s "$TMPD/out" ]; echo $?) "off a terminal show prints without paging"
run show 1 --content "$GOOD" --lang en --no-pager
cp "$TMPD/out" "$TMPD/nopager"
run show 1 --content "$GOOD" --lang en
is "$rc" 0 "--no-pager is accepted"
same "$TMPD/nopager" "$TMPD/out" "and changes nothing off a terminal"
run list --content "$GOOD" --no-pager
is "$rc" 2 "list does not take --no-pager"
if command -v script >/dev/null 2>&1 && script -qec true /dev/null >/dev/null 2>&1; then
  PAGER="cat >'$TMPD/paged'" script -qec "'$CASEBOOK' show 1 --content '$GOOD' --lang en" /dev/null >"$TMPD/tty" 2>&1
  sed '/^Case:/!d' "$TMPD/paged" 2>/dev/null >"$TMPD/pagedcase"
  is "$(cat "$TMPD/pagedcase")" "Case: 1 (sample)" "on a terminal show goes through \$PAGER"
  rm -f "$TMPD/paged"
  PAGER="cat >'$TMPD/paged'" script -qec "'$CASEBOOK' show 1 --no-pager --content '$GOOD' --lang en" /dev/null >"$TMPD/tty" 2>&1
  ok $([ ! -e "$TMPD/paged" ] && grep -q "Case: 1 (sample)" "$TMPD/tty"; echo $?) "--no-pager prints to the terminal"
  # A pager the shell cannot find or run showed nothing, and show said
  # nothing either: the text is printed without it, after saying so.
  for pager in casebook-no-such-pager "$TMPD"; do
    PAGER="$pager" script -qec "'$CASEBOOK' show 1 --content '$GOOD' --lang en; echo status=\$?" /dev/null >"$TMPD/tty" 2>&1
    grep -q "Case: 1 (sample)" "$TMPD/tty"
    ok $? "PAGER=$pager, which cannot be run: the text is printed without it"
    has "$TMPD/tty" "the pager '$pager' (PAGER) could not be run; printing without it" "and show says so"
    has "$TMPD/tty" "status=0" "and exits 0"
  done
else
  for i in 1 2 3 4 5 6 7 8; do
    echo "ok $((tap_n = tap_n + 1)) # SKIP script(1) cannot give a terminal"
  done
fi

# --side-by-side: the Chinese and its English on the same lines, each in
# its own column; --lang both alone keeps them one after the other.
run show 1 --content "$GOOD" --side-by-side --width 100
is "$rc" 0 "show --side-by-side works"
grep -q '^  广西检察机关深化巡回检察  *\* Guangxi procuratorial organs deepen' "$TMPD/out"
ok $? "the title's Chinese and English share a line, in two columns"
[ "$(wc -L <"$TMPD/out")" -le 100 ]
ok $? "within --width (100 columns)"
run show 1 --content "$GOOD" --lang both --width 100
grep -q '^  广西检察机关深化巡回检察 *$' "$TMPD/out"
ok $? "--lang both alone: the Chinese has its own line"
# Two languages side by side and one language contradict each other:
# refused as the other such pairs are, whichever comes last.
run show 1 --content "$GOOD" --side-by-side --lang zh
is "$rc" 2 "show --side-by-side --lang zh is refused"
has "$TMPD/err" "casebook: --side-by-side cannot be combined with --lang zh" "and says why"
run show 1 --content "$GOOD" --lang en --side-by-side
is "$rc" 2 "so is --lang en before --side-by-side"
has "$TMPD/err" "casebook: --side-by-side cannot be combined with --lang en" "naming the language given"
run show 1 --content "$GOOD" --lang zh --lang both --side-by-side --width 100
grep -q '^  广西检察机关深化巡回检察  *\* Guangxi procuratorial organs deepen' "$TMPD/out"
ok $? "--lang both after --lang zh: side by side"
for c in list "related 1" "search circuit"; do
  # shellcheck disable=SC2086
  run $c --content "$GOOD" --side-by-side
  is "$rc" 2 "${c%% *} does not take --side-by-side"
  # What was typed is named, not the --lang both it stands for.
  has "$TMPD/err" "casebook: ${c%% *} does not take --side-by-side" "${c%% *} --side-by-side: says so"
done

# However narrow --width is, no line is wider: side by side at 10-16
# columns stacks the languages where two columns would not hold a
# Chinese character each.
wide=
for w in 10 11 12 13 14 15 16; do
  "$CASEBOOK" show 7 --content "$SHIPPED" --side-by-side --width $w >"$TMPD/sbs" 2>/dev/null
  [ "$(wc -L <"$TMPD/sbs")" -le $w ] || wide="$wide $w"
done
is "$wide" "" "--side-by-side at 10 to 16 columns: no line wider than --width"
# A warning in a document's header is said when the library is read by
# its headers, and not again when the document is read whole.
mkdir -p "$TMPD/notitle"
cp "$SHIPPED"/batch3/*.cb "$TMPD/notitle/"
grep -v '^title\.' "$SHIPPED/batch3/02-jilin.cb" >"$TMPD/notitle/02-jilin.cb"
for cmd in show export; do
  "$CASEBOOK" $cmd 2 --content "$TMPD/notitle" >/dev/null 2>"$TMPD/err"
  is "$(grep -c 'warning: no title' "$TMPD/err")" 1 "$cmd: a header's warning is said once"
done
done_testing
