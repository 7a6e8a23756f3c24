#!/bin/sh
# Every combination of the output options --json, --count, --raw,
# --color, --lang and --width with list, show, search and tags: each
# either works (exit 0, and JSON Lines whenever --json is given, count
# lines with --count) or is refused with exit status 2, a message and
# nothing on stdout.  Refused: an option the command would ignore, and
# the contradicting pairs (--json with --raw, --width or --color; --count
# with --color or -n).
. "$top_srcdir/tests/cli/lib.sh"

# What each command takes.
takes () {
  case $1 in
    list) echo "json lang width" ;;
    tags) echo "json lang" ;;
    show) echo "json raw lang width" ;;
    search) echo "json count color lang width" ;;
  esac
}
conflicts="json:raw json:width json:color count:color"

opt () {   # opt NAME: the option as given
  case $1 in
    json) echo --json ;; count) echo --count ;; raw) echo --raw ;;
    color) echo --color=always ;; lang) echo --lang=en ;; width) echo --width=60 ;;
  esac
}

names="json count raw color lang width"
for cmd in list show search tags; do
  case $cmd in
    show) cargs="show 1" ;; search) cargs="search circuit" ;; *) cargs=$cmd ;;
  esac
  mask=0
  while [ $mask -lt 64 ]; do
    set --
    given= bit=1
    for n in $names; do
      if [ $((mask & bit)) -ne 0 ]; then given="$given $n"; set -- "$@" "$(opt $n)"; fi
      bit=$((bit * 2))
    done
    mask=$((mask + 1))
    want=0
    for n in $given; do
      case " $(takes $cmd) " in *" $n "*) ;; *) want=2 ;; esac
    done
    for pair in $conflicts; do
      case " $given " in *" ${pair%:*} "*)
        case " $given " in *" ${pair#*:} "*) want=2 ;; esac ;;
      esac
    done
    # shellcheck disable=SC2086
    run $cargs "$@" --content "$GOOD"
    desc="$cmd${given:+ }$(echo $given | sed 's/\([a-z]*\)/--\1/g')"
    if [ $want -eq 2 ]; then
      if [ "$rc" -eq 2 ] && [ ! -s "$TMPD/out" ] \
         && grep -Eq '^casebook: .*(does not take|cannot be combined with)' "$TMPD/err"; then
        ok 0 "$desc: refused"
      else
        ok 1 "$desc: refused"
        echo "# exit $rc; stderr: $(head -1 "$TMPD/err")"
      fi
      continue
    fi
    good=0
    [ "$rc" -eq 0 ] && [ -s "$TMPD/out" ] || good=1
    case " $given " in
      *" json "*" count "*|*" count "*" json "*)
        grep -Evq '^\{"document":[0-9]+,"collection":"[^"]*","hits":[0-9]+[,}]' "$TMPD/out" && good=1 ;;
      *" json "*)
        grep -Evq '^\{.*\}$' "$TMPD/out" && good=1 ;;
      *" count "*)
        grep -Evq '^[0-9]+:[0-9]+$' "$TMPD/out" && good=1 ;;
    esac
    ok $good "$desc: works"
    [ $good -eq 0 ] || { echo "# exit $rc; stderr: $(head -1 "$TMPD/err")"; head -3 "$TMPD/out" | sed 's/^/#   /'; }
  done
done

# --lang both is for show alone; -n for search passages, not counts.
for c in "list" "tags" "search circuit"; do
  # shellcheck disable=SC2086
  run $c --lang both --content "$GOOD"
  is "$rc:$(cat "$TMPD/out")" "2:" "${c%% *} --lang both: refused"
done
run show 1 --lang both --content "$GOOD"
is "$rc" 0 "show --lang both: works"
run search circuit --count -n 2 --content "$GOOD"
is "$rc" 2 "search --count -n: refused"
has "$TMPD/err" "casebook: --count cannot be combined with -n" "search --count -n: says why"
# --json gives every hit: -n, which limits passages, was taken and did
# nothing.
run search circuit --json -n 1 --content "$GOOD"
is "$rc" 2 "search --json -n: refused"
has "$TMPD/err" "casebook: --json cannot be combined with -n" "search --json -n: says why"
run list --raw --content "$GOOD"
has "$TMPD/err" "casebook: list does not take --raw" "list --raw: says why"
# -o is import's and export's: another command would print to stdout
# while the reader waits for the file.
for c in "search circuit" "list" "show 1" "tags" "related 1" "cite 1"; do
  # shellcheck disable=SC2086
  run $c -o "$TMPD/o.txt" --content "$GOOD"
  is "$rc:$(cat "$TMPD/out")" "2:" "${c%% *} -o: refused"
  has "$TMPD/err" "casebook: ${c%% *} does not take -o" "${c%% *} -o: says why"
done
ok $([ ! -e "$TMPD/o.txt" ]; echo $?) "no file is written"
run export 1 -o "$TMPD/o.txt" --content "$GOOD"
is "$rc" 0 "export -o: works"
run search circuit --json --count --content "$GOOD"
case $(head -1 "$TMPD/out") in
  '{"document":1,"collection":"sample","hits":'[0-9]*) ok 0 "search --json --count: one object per document" ;;
  *) ok 1 "search --json --count: one object per document"; head -2 "$TMPD/out" | sed 's/^/# /' ;;
esac
# JSON has no layout, and check and import no script to show.
run show 1 --content "$GOOD" --side-by-side --json
is "$rc:$(head -1 "$TMPD/err")" "2:casebook: --json cannot be combined with --side-by-side" \
  "show --side-by-side --json is refused"
for c in check import; do
  run "$c" --content "$GOOD" --script=traditional
  is "$rc:$(head -1 "$TMPD/err")" "2:casebook: $c does not take --script" "$c --script is refused"
done
# With no command and no terminal, --lang both (the browser's) says why.
run --content "$GOOD" --lang both
is "$rc" 2 "--lang both without a terminal is refused"
has "$TMPD/err" "--lang both is for the browser, which needs a terminal" "saying why"
# Every invalid option value is reported the same way: shown visibly
# (casebook(1): control characters are shown visibly in messages), with
# the hint, status 2.  --year, --english and --max-size once wrote the
# value's escape sequences to the terminal raw, and export's --format
# left out the hint.
esc=$(printf '\033')
for opt in --lang --width -n --color --english --script --max-size --year; do
  case $opt in
    --*) run --content "$GOOD" list "$opt=${esc}[7mX" ;;   # --color=WHEN
    *) run --content "$GOOD" list "$opt" "${esc}[7mX" ;;
  esac
  ! grep -q "$esc" "$TMPD/err" && grep -qF "'^[[7mX'" "$TMPD/err"
  ok $? "$opt ESC[7mX: the value is shown visibly"
  has "$TMPD/err" "casebook --help" "$opt ESC[7mX: with the hint"
  is "$rc" 2 "$opt ESC[7mX: exit status 2"
done
# --year takes the years year: takes, four digits.
run --content "$GOOD" list --year 99999
is "$rc:$(head -1 "$TMPD/err")" "2:casebook: invalid --year '99999' (a year such as 2022)" \
  "--year 99999 is refused, as year:99999 is"
run --content "$GOOD" export 1 --format "${esc}[7mX"
! grep -q "$esc" "$TMPD/err" && grep -qF "'^[[7mX'" "$TMPD/err"
ok $? "--format ESC[7mX: the value is shown visibly"
has "$TMPD/err" "casebook --help" "--format pdf: with the hint, as every other invalid value"
is "$rc" 2 "--format ESC[7mX: exit status 2"
# The output options each command takes are those casebook(1) lists
# under OPTIONS ("list takes --json, --lang and --width; ..."): the page
# once left out list's and search's --width, and cite, related and
# library.
if command -v groff >/dev/null 2>&1; then
  groff -k -Tutf8 -man -P-cbou "$top_srcdir/man/casebook.1" 2>/dev/null |
    sed -n '/^OPTIONS/,/^ *--content/p' | tr -s ' \n' '  ' |
    sed 's/.*is refused (exit status 2): //; s/\. So are the pairs.*//' |
    sed 's/; /\n/g' >"$TMPD/takes"
  echo >>"$TMPD/takes"          # the last clause's line end
  args_of () {
    case $1 in
      show) echo "7 --no-pager" ;; search) echo 巡回检察 ;; cite) echo "7 ¶3" ;;
      related|export) echo 7 ;; import) echo "$TMPD/none.txt" ;; *) echo ;;
    esac
  }
  cmds=0
  while IFS= read -r clause; do
    [ -n "$clause" ] || continue
    who=${clause%% take*}
    opts=" $(printf '%s\n' "${clause#* take}" | sed 's/^s //; s/(also both)//; s/,/ /g; s/ and / /g') "
    for cmd in $(printf '%s\n' "$who" | sed 's/,/ /g; s/ and / /g'); do
      cmds=$((cmds + 1))
      wrong=
      for opt in --json --raw --lang --width --count --color -n; do
        case $opt in
          --lang) val=--lang=zh ;; --width) val=--width=50 ;;
          --color) val=--color=never ;; -n) val="-n 2" ;; *) val=$opt ;;
        esac
        # shellcheck disable=SC2046,SC2086 # words on purpose
        run --content "$SHIPPED" $cmd $(args_of "$cmd") $val
        refused=0
        grep -q 'does not take' "$TMPD/err" && refused=1
        case $opts in *" $opt "*) want=0 ;; *) want=1 ;; esac
        [ "$refused" = "$want" ] || wrong="$wrong $opt"
      done
      is "${wrong:-none}" none "$cmd takes the output options casebook(1) says it takes"
    done
  done <"$TMPD/takes"
  is "$cmds" 10 "casebook(1) says which output options each of the 10 commands takes"
else
  echo "ok $((tap_n = tap_n + 1)) # SKIP groff not installed"
fi
done_testing
