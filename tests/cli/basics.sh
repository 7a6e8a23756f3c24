#!/bin/sh
# Options, help, version, list, exit statuses and pipes.
. "$top_srcdir/tests/cli/lib.sh"

run --help
is "$rc" 0 "--help exits 0"
has "$TMPD/out" "Usage: casebook [OPTION]... [COMMAND [ARG]...]" "--help shows usage"
# Words without quotes are a ranked OR (casebook(1), QUERIES): the help
# must not say they all have to occur.
has "$TMPD/out" "words rank documents with all of them first, then most" \
  "--help describes words as ranked, all of them first"
hasnt "$TMPD/out" "must all occur" "and does not say every word must occur"
for opt in --content --lang --width --json --color --snippets --count --regex \
           --exact --raw --glossary --output --ambiguous-wide --script; do
  has "$TMPD/out" "$opt" "--help lists $opt"
done
# A command's own help: its synopsis and only the options it takes, the
# same rules the dispatcher enforces (cmd_takes, cmd_entry.options).
run search --help
is "$rc" 0 "search --help exits 0"
is "$(head -1 "$TMPD/out")" "Usage: casebook [OPTION]... search QUERY..." \
  "search --help: its synopsis"
has "$TMPD/out" "--count" "search --help lists --count"
hasnt "$TMPD/out" "--facets" "and not list's --facets"
run --help list
has "$TMPD/out" "--region=REGION" "--help list: list's --region"
hasnt "$TMPD/out" "--count" "and not search's --count"
hasnt "$TMPD/out" "Commands:" "and not the other commands"
run export --help
is "$(sed -n 2p "$TMPD/out")" \
  "write documents, or those a query finds, as Markdown, HTML or JSON Lines" \
  "export --help: its description on one line"
for c in list show search cite tags check import library export related; do
  run "$c" --help
  ok "$rc" "$c --help exits 0"
done
# A word that is no command is refused with --help as without it.
run frob --help
is "$rc" 2 "frob --help: an unknown command, exit 2"
is "$(cat "$TMPD/err")" "casebook: unknown command 'frob'
Try 'casebook --help' for more information." "frob --help: said so, with the hint"
is "$(wc -c <"$TMPD/out")" 0 "frob --help: no help printed"
run 7 --help
is "$rc" 0 "7 --help: exit 0"
has "$TMPD/out" "show N [PLACE]" "7 --help: the help of show, which it runs"
# Options a command would ignore are refused, --english among them.
run check --english=revised --content "$GOOD"
is "$rc" 2 "check --english: refused"
has "$TMPD/err" "casebook: check does not take --english" "and said"
run list --exact --content "$GOOD"
is "$rc" 2 "list --exact: refused"
# getopt reads bytes: an excluded Chinese term typed before -- is named
# whole, with what to do.
run search -吉林 公益诉讼 --content "$GOOD"
is "$rc" 2 "a query word beginning with - before --: exit 2"
is "$(head -1 "$TMPD/err")" \
  "casebook: invalid option '-吉林' (a query that begins with '-' goes after '--')" \
  "and the word is named whole, with the remedy"
# So is an English word, which getopt reads as a cluster of letters.
run search 公益诉讼 -Jilin --content "$GOOD"
is "$rc:$(head -1 "$TMPD/err")" \
  "2:casebook: invalid option '-Jilin' (a query that begins with '-' goes after '--')" \
  "an excluded English word before -- is named whole, with the remedy"
# A number out of range says the range, not just "a number".
run search -n 99999999999 公益诉讼 --content "$GOOD"
is "$rc:$(head -1 "$TMPD/err")" \
  "2:casebook: invalid -n '99999999999' (a number, 0 to 100000)" \
  "-n too large: the range is named"
run list --width=5 --content "$GOOD"
is "$rc:$(head -1 "$TMPD/err")" \
  "2:casebook: invalid --width '5' (a number of columns, 10 to 100000)" \
  "--width too small: the range is named"
run search x -Z --content "$GOOD"
is "$(head -1 "$TMPD/err")" "casebook: invalid option -- 'Z'" \
  "an unknown option letter alone is still named as one"
# Full-width digits, as a Chinese input method types them, are numbers
# in options too, as in queries (year:２０２２) and names (show ７).
run list --content "$SHIPPED" --year=２０２２
is "$rc:$(cat "$TMPD/out")" "0:$("$CASEBOOK" list --content "$SHIPPED" --year=2022)" \
  "--year=２０２２ is --year=2022"
run search --content "$SHIPPED" -n ３ --width=４０ -- 巡回检察
is "$rc:$(cat "$TMPD/out")" \
  "0:$("$CASEBOOK" search --content "$SHIPPED" -n 3 --width=40 -- 巡回检察)" \
  "-n ３ --width=４０ are -n 3 --width=40"
run --content= list
is "$rc:$(head -1 "$TMPD/err")" "2:casebook: --content needs a directory" \
  "an empty --content is refused, not opened as a file of no name"
run "-$(printf '\033')"
is "$rc:$(head -1 "$TMPD/err")" "2:casebook: invalid option -- '^['" \
  "an unknown option that is a control character is shown, not sent"
# On a terminal no command opens the browser, which has no --json: it
# is refused, not forgotten.
if command -v script >/dev/null 2>&1 && script -qec true /dev/null >/dev/null 2>&1; then
  script -qec "'$CASEBOOK' --json --content '$GOOD'; echo status=\$?" /dev/null >"$TMPD/tty" 2>&1
  has "$TMPD/tty" "casebook: the browser does not take --json" "the browser refuses --json"
  has "$TMPD/tty" "status=2" "with exit status 2"
else
  for i in 1 2; do
    echo "ok $((tap_n = tap_n + 1)) # SKIP script(1) cannot give a terminal"
  done
fi
run --version
is "$rc" 0 "--version exits 0"
is "$(head -1 "$TMPD/out")" "casebook 0.1.0" "--version names the version"
has "$TMPD/out" "License GPLv3+" "--version names the licence"
has "$TMPD/out" "OpenCC" "--version lists optional features"

run --frobnicate
is "$rc" 2 "unknown option exits 2"
is "$(cat "$TMPD/err")" "casebook: unrecognized option '--frobnicate'
Try 'casebook --help' for more information." "unknown option: one line and a hint"
run frobnicate --content "$GOOD"
is "$rc" 2 "unknown command exits 2"
has "$TMPD/err" "casebook: unknown command 'frobnicate'" "unknown command is named"

run list --content "$GOOD" --lang en
is "$rc" 0 "list exits 0"
cat >"$TMPD/want" <<'X'
 0                  About these sample cases
 1  Guangxi         Guangxi procuratorial organs deepen circuit inspection
 2  Inner Mongolia  Hulunbuir builds a model of "integrated case handling of adjacent courts"
X
same "$TMPD/out" "$TMPD/want" "list in English (options after the command)"
run --lang zh --content "$GOOD" list
has "$TMPD/out" " 1  广西    广西检察机关深化巡回检察" "list in Chinese (options before the command)"
LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= "$CASEBOOK" --content "$GOOD" list >"$TMPD/out" 2>&1
has "$TMPD/out" "广西检察机关深化巡回检察" "the locale chooses Chinese"
CASEBOOK_CONTENT="$GOOD" "$CASEBOOK" >"$TMPD/out" 2>&1 </dev/null
has "$TMPD/out" "About these sample cases" "no command and no terminal: list; CASEBOOK_CONTENT is read"

run list --content "$GOOD" --json
is "$(wc -l <"$TMPD/out")" 3 "--json: one line per document"
has "$TMPD/out" '{"document":1,"collection":"sample","name":"sample/1","region_zh":"广西","region_zh_translated":false,"region_en":"Guangxi","region_en_translated":false,"title_zh":"广西检察机关深化巡回检察","title_zh_translated":false,"title_en":"Guangxi procuratorial organs deepen circuit inspection","title_en_translated":true,"path":' "--json fields"

"$CASEBOOK" list --content "$SHIPPED" 2>"$TMPD/err" | head -1 >"$TMPD/out"
is "$(wc -l <"$TMPD/out")" 1 "list | head -1 gives one line"
is "$(cat "$TMPD/err")" "" "list | head -1 exits quietly"
"$CASEBOOK" list --content "$GOOD" >&- 2>"$TMPD/err"
rc=$?
is "$rc" 2 "list with stdout closed exits 2"
has "$TMPD/err" "casebook: write error" "and says why"

run list --content "$GOOD" --width
is "$rc" 2 "an option without its argument exits 2"
is "$(head -1 "$TMPD/err")" "casebook: option '--width' requires an argument" "and says which option"
run list --content "$GOOD" -n
is "$(head -1 "$TMPD/err")" "casebook: option requires an argument -- 'n'" "short options too"
# A long option names itself in full, as GNU getopt says it, even
# abbreviated or with a letter for its value (--snippets is -n).
run list --content "$GOOD" --wid
is "$rc:$(head -1 "$TMPD/err")" "2:casebook: option '--width' requires an argument" \
  "an abbreviated option without its argument is named in full"
run list --content "$GOOD" --snippets
is "$(head -1 "$TMPD/err")" "casebook: option '--snippets' requires an argument" \
  "a long option whose value is a letter is named as itself, not as -n"
run search x --count=3 --content "$GOOD"
is "$rc:$(cat "$TMPD/err")" "2:casebook: option '--count' doesn't allow an argument
Try 'casebook --help' for more information." \
  "an option of no argument given one says so, with the hint"
run search x --js=1 --content "$GOOD"
is "$(head -1 "$TMPD/err")" "casebook: option '--json' doesn't allow an argument" \
  "so does its abbreviation, named in full"
# An abbreviation of several options lists them, in the table's order;
# --color and --colour are one option, but differ from --content.
run search --co x --content "$GOOD"
is "$rc:$(cat "$TMPD/err")" "2:casebook: option '--co' is ambiguous; possibilities: '--content' '--color' '--colour' '--count'
Try 'casebook --help' for more information." \
  "an ambiguous option lists what it could mean, with the hint"
run search x --re=y --content "$GOOD"
is "$(head -1 "$TMPD/err")" "casebook: option '--re=y' is ambiguous; possibilities: '--regex' '--release' '--region'" \
  "an ambiguous option with a value is named as typed"
run show 1 --content "$GOOD" --width 5
is "$rc" 2 "a width under 10 is refused"
run show --content "$GOOD"
is "$rc" 2 "show without a number is an error"
run show 42 --content "$GOOD"
is "$rc" 2 "show of a missing document exits 2"
has "$TMPD/err" "casebook: no document '42'" "and names it"
# A collection part that names no collection: that is what is missing.
run show nope/1 --content "$GOOD"
is "$rc:$(cat "$TMPD/err")" "2:casebook: no collection 'nope' (try 'casebook library')" \
  "show nope/1: no collection 'nope'"
run show sample/42 --content "$GOOD"
is "$rc:$(cat "$TMPD/err")" "2:casebook: no document 'sample/42' (try 'casebook list')" \
  "show sample/42: the collection is there, the document is not"
# What was typed is named whole: not "sample/" for sample/-1, not '' for
# a number after a space (" 7" is 7, as related and cite read it).
run show sample/-1 --content "$GOOD"
is "$rc:$(cat "$TMPD/err")" "2:casebook: no document 'sample/-1' (try 'casebook list')" \
  "show sample/-1: named as typed"
# A slash in the place after the name is none of the document's: not
# "no collection '1 a'" for "1 a/b".
run show '1 a/b' --content "$GOOD"
is "$rc:$(head -c 21 "$TMPD/err")" "2:casebook: not a place" \
  "show '1 a/b': the place is wrong, not a collection"
has "$TMPD/err" "not a place: a/b (" "and it is named"
# A tab after the number separates as a space does: it was taken for a
# place, and named as a blank ("not a place:  (write ...").
run show "$(printf '1\t')" --content "$GOOD"
is "$rc:$(cat "$TMPD/err")" "0:" "show '1<TAB>' shows 1"
run show "$(printf '1\tx')" --content "$GOOD"
has "$TMPD/err" "not a place: x (" "and a place after a tab is named"
# A combining mark on the number is the name's; alone after a space it
# is named by its code point, not drawn over the space before it.
run show "$(printf '1\314\201')" --content "$GOOD"
is "$rc:$(cat "$TMPD/err")" "2:casebook: no document '$(printf '1\314\201')' (try 'casebook list')" \
  "show 1 with a combining acute: no such document, named whole"
run show "$(printf '1 \314\201')" --content "$GOOD"
has "$TMPD/err" "not a place: <U+0301> (" "a lone mark after the number is shown by its code point"
run show ' 1' --content "$GOOD"
is "$rc:$(cat "$TMPD/err")" "0:" "show ' 1': the space before the number is none of it"
run list --content /nonexistent
is "$rc" 2 "missing content exits 2"
has "$TMPD/err" "casebook: /nonexistent: error: cannot open content: No such file or directory" "and says what and where"
# search says it once too: no glossary sought inside it, and no "casebook
# check" to run on a directory that is none.
run search x --content /nonexistent
is "$rc:$(cat "$TMPD/err")" "2:casebook: /nonexistent: error: cannot open content: No such file or directory" \
  "search of missing content: one line, what and where"
run search x --content "$GOOD/collection.cb"
is "$rc:$(cat "$TMPD/err")" "2:casebook: $GOOD/collection.cb: error: not a directory (content is a directory of .cb files)" \
  "search of a file as content: one line"

run tags --content "$GOOD" --lang en
is "$rc" 0 "tags exits 0"
cat >"$TMPD/want" <<'X'
circuit inspection (巡回检察)	1
commutation, parole and temporary execution outside prison (减假暂)	1
Adjacent hospital (邻近院)	2
integration (一体化)	2
X
same "$TMPD/out" "$TMPD/want" "tags with their other-language rendering and documents"
run tags --content "$GOOD" --json --lang zh
has "$TMPD/out" '{"tag":"巡回检察","tag_translated":false,"other":"circuit inspection","other_translated":true,"documents":[1],"names":["sample/1"]}' "tags --json"
# A region that folds to nothing (a zero-width space) is none, as
# region: says: it was found in every region, and everything listed.
run list --content "$GOOD" --region "$(printf '\342\200\213')"
is "$rc:$(head -n 1 "$TMPD/err")" "2:casebook: --region needs a region, such as Guangxi" \
  "list --region of a zero-width space is refused"
run list --content "$GOOD" --region "$(printf '\377')"
is "$rc:$(head -n 1 "$TMPD/err")" "2:casebook: --region is not valid UTF-8" \
  "list --region of bytes that are not UTF-8 is refused, not silently empty"
run search --content "$GOOD" --count "$(printf 'region:\342\200\213')"
is "$rc:$(head -n 1 "$TMPD/err")" "2:casebook: 'region:' needs a value after it" \
  "and so is region: of one"
# On a terminal, what the project wrote is marked "*" in the one-line
# lists too (translations are honest); piped, the fields stay data.
if command -v script >/dev/null 2>&1 && script -qec true /dev/null >/dev/null 2>&1; then
  PAGER=cat script -qec "'$CASEBOOK' tags --content '$GOOD'" /dev/null >"$TMPD/tty" 2>&1
  has "$TMPD/tty" "circuit inspection* (巡回检察)" "tags on a terminal: the project's English marked"
  has "$TMPD/tty" "Adjacent hospital (邻近院*)" "and the project's Chinese"
  PAGER=cat script -qec "'$CASEBOOK' list --content '$GOOD' --width 200" /dev/null >"$TMPD/tty" 2>&1
  has "$TMPD/tty" "Guangxi procuratorial organs deepen circuit inspection*" "list on a terminal: a translated title marked"
  hasnt "$TMPD/tty" "Guangxi*" "but not the release's region"
  script -qec "'$CASEBOOK' list --content '$GOOD' --region zzz; echo status=\$?" /dev/null >"$TMPD/tty" 2>&1
  has "$TMPD/tty" "casebook: no document matches --region zzz" "list that keeps nothing says so on a terminal"
  has "$TMPD/tty" "status=1" "with exit status 1"
else
  for i in 1 2 3 4 5 6; do
    echo "ok $((tap_n = tap_n + 1)) # SKIP script(1) cannot give a terminal"
  done
fi
# The interface in Chinese (message catalogs from po/).
LANGUAGE=zh_CN "$CASEBOOK" --help >"$TMPD/out" 2>&1
has "$TMPD/out" "用法：casebook" "LANGUAGE=zh_CN: --help in Chinese"
LANGUAGE=zh_CN "$CASEBOOK" --frobnicate >"$TMPD/out" 2>&1
has "$TMPD/out" "casebook --help" "LANGUAGE=zh_CN: errors in Chinese, with the hint"
has "$TMPD/out" "无法识别的选项" "LANGUAGE=zh_CN: the error itself is Chinese"
LANGUAGE=zh_TW "$CASEBOOK" --help >"$TMPD/out" 2>&1
has "$TMPD/out" "用法" "LANGUAGE=zh_TW: --help in Chinese too"
LANGUAGE=zh_CN "$CASEBOOK" check "$GOOD" >"$TMPD/out" 2>&1
has "$TMPD/out" "3 个文档" "LANGUAGE=zh_CN: check's summary in Chinese"
# One word for "locale" in the Chinese catalogue, as in its other
# messages and the man page: 区域设置, never 语言环境.
hasnt "$top_srcdir/po/zh_CN.po" "语言环境" "zh_CN.po: a locale is 区域设置 throughout"
# list's numbers line up however many digits they have (an import
# numbers a case given twice 1001).
mkdir -p "$TMPD/wide/c"
printf 'casebook-format: 1\nid: c\ntitle.en: C\n' >"$TMPD/wide/c/collection.cb"
for n in 1 99 1000; do
  printf 'casebook-format: 1\nnumber: %s\ntitle.en: T%s\nregion.en: R%s\n\nen: x.\n' \
    $n $n $n >"$TMPD/wide/c/$n.cb"
done
run list --content "$TMPD/wide"
is "$(cat "$TMPD/out")" "$(printf '   1  R1     T1\n  99  R99    T99\n1000  R1000  T1000')" \
  "list: numbers of one, two and four digits line up"
done_testing
