#!/bin/sh
# Same answer everywhere: for queries that use every part of the query
# language (terms, both scripts, phrases, inflections, exclusions, tag:,
# lang:, year:, regexes, with words whose hits they overlap too,
# full-width letters and syntax, corner brackets, words the search
# corrects, a case named, fields alone and nothing at all), the
# browser's count of hits and
# cases equals what `casebook search` prints in each of its forms:
# --count, --json and the plain listing with its passages.
. "$top_srcdir/tests/tui/driver.sh"

content=$top_srcdir/content
queries='巡回检察
巡迴檢察
"circuit inspection"
circuit inspections
procuratorial
hailar
Hulun Buir
handlng
/检察[官长]/
/inspect(ion|ed)/
prison /prisons?/
巡回检察 /巡回检察/
tag:巡回检察
lang:zh 巡回检察
lang:en prosecutor
prosecutor -discipline
-lang:zh prosecutor
"public interest litigation"
公益诉讼 检察建议
ＰＵＢＬＩＣ
「巡回检察」
year:2022 hailar
检察官惩戒
案-件比
community-corrections
一体化 －邻近院
tag：巡回检察
案例六
case 7
year:2022
Henan’s
第15条
两级
四大检察 NOT 山东
Sinkiang
資訊化
检察官 惩戒
公益讼诉
Hulunbei’er
zzyzxq'
nq=$(printf '%s\n' "$queries" | grep -c .)
# Read in the project's revision of the release's English (E), where
# the release's "hospital" (院) is "procuratorate": what the reader
# cannot see is not counted, by the browser or by search, which both
# show the release's English when only it has the words.
revised_queries='hospital
/hospital/
adjacent procuratorates
whole procuratorate
/whole (hospital|procuratorate)/
drone'
nr=$(printf '%s\n' "$revised_queries" | grep -c .)
tui_plan $((nq * 3 + nr * 2 + 2))

english=release
cb () {
  "$CASEBOOK" --content "$content" --english=$english search "$@" 2>/dev/null
}

# "HITS CASES" of each form of `casebook search`.
by_count () {
  cb --count -- "$1" | awk -F: '{ n += $NF; c++ } END { print n + 0, c + 0 }'
}
by_json () {
  # An object with a match is a hit; one without is a case the query
  # keeps with no hits (fields alone).
  cb --json -- "$1" | awk '
    match($0, /"document":[0-9]*/) { seen[substr($0, RSTART, RLENGTH)] }
    /"match":/ { n++ }
    END { c = 0; for (d in seen) c++; print n + 0, c }'
}
by_listing () {
  cb -- "$1" | sed -n 's/^[^ ].*  (\([0-9]*\) hits\{0,1\}[;)][^(]*$/\1/p' |
    awk '{ n += $1; c++ } END { print n + 0, c + 0 }'
}

# "HITS CASES" as the browser's status line says once the search is
# entered: "Q — 12 hits in 3 cases, 1/12", or "Not found: Q".  A
# correction ("Showing results for ..."), results of the other English
# ("Showing results in ...") or a wrap ("Search wrapped ...") takes the
# line first: n shows the count then.
count_in_browser () {
  _a_other=
  tmx send-keys -t tui Escape
  tui_settle
  tui_keys /
  tui_type "$1"
  tmx send-keys -t tui Enter
  _a_i=0
  while [ $_a_i -lt 40 ]; do
    tui_pause
    _a_line=$(tui_line 40)
    case $_a_line in
      "Not found: $1"*) echo "0 0$_a_other"; return ;;
      "$1 keeps "*" case"*", and has no words to find"*)
        printf '%s\n' "$_a_line" |
          sed -n 's/.* keeps \([0-9]*\) cases\{0,1\}, and has no words.*/0 \1/p'
        return ;;
      *" hit"*" in "*" case"*)
        printf '%s\n' "$_a_line" |
          sed -n "s/.* — \\([0-9]*\\) hits\\{0,1\\} in \\([0-9]*\\) cases\\{0,1\\}, .*/\\1 \\2$_a_other/p"
        return ;;
      "Showing results for"* | "Search wrapped"*) tmx send-keys -t tui n ;;
      "Showing results in"*)
        # The other English is read now: n shows the count, and E,
        # once it is taken, goes back for the next query.
        _a_other=" other"
        tmx send-keys -t tui n ;;
    esac
    _a_i=$((_a_i + 1))
  done
  echo "no count on the status line: $_a_line"
}
by_browser () {
  _a_count=$(count_in_browser "$1")
  case $_a_count in
    *" other") tmx send-keys -t tui E; _a_count=${_a_count% other} ;;
  esac
  printf '%s\n' "$_a_count"
}

tui_start 120 40 NO_COLOR=1 -- --content "$content" --lang=both
tui_wait_for 'h: help'

# (A here-document, not a pipe: the loop must run in this shell, whose
# status tui_finish reports.)
while IFS= read -r q; do
  want=$(by_count "$q")
  browser=$(by_browser "$q")
  tui_expect_eq "$browser" "$want" "$q: the browser counts what --count does ($want)"
  tui_expect_eq "$(by_json "$q")" "$want" "$q: and --json"
  tui_expect_eq "$(by_listing "$q")" "$want" "$q: and the listing"
done <<EOF
$queries
EOF

english=revised
tui_start 120 40 NO_COLOR=1 -- --content "$content" --lang=both --english=revised
tui_wait_for 'h: help'
while IFS= read -r q; do
  want=$(by_count "$q")
  tui_expect_eq "$(by_browser "$q")" "$want" "revised English, $q: the browser counts what --count does ($want)"
  tui_expect_eq "$(by_json "$q")" "$want" "revised English, $q: and --json"
done <<EOF
$revised_queries
EOF
# n goes on from hit to hit where the counts say there are hits: it
# used to find none in a case whose hits were in the English hidden
# behind a revision.
by_browser 'whole procuratorate' >/dev/null
at () { tui_line 40 | sed -n 's/.* cases, \([0-9]*\)\/.*/\1/p'; }
first=$(at)
tmx send-keys -t tui n
tui_settle
tmx send-keys -t tui n
tui_settle
tui_expect_eq "$(at)" "$((first + 2))" "revised English: n goes on from hit to hit"
is_hidden=$("$CASEBOOK" --content "$content" --english=revised --no-correct search --count hospital 2>/dev/null)
tui_expect_eq "$is_hidden" "" "the release's hospital, revised away, is not found in the revised English"
tui_finish
