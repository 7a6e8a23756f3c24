#!/bin/sh
# Hostile queries: invalid UTF-8, 100 KB queries, catastrophic regexes on
# long text, empty and blank queries, "tag:" alone.  Each ends within the
# limit with a clear error (exit 2) or an empty result (exit 1), and never
# echoes a raw control byte.
. "$top_srcdir/tests/hostile/lib.sh"

coll runs
{
  printf 'casebook-format: 1\nnumber: 1\ntitle.en: Long runs\n\nen: '
  awk 'BEGIN { for (i = 0; i < 20000; i++) printf "a"; print "!" }'
  printf '\nen: '
  awk 'BEGIN { for (i = 0; i < 20000; i++) printf "x"; print "" }'
} >"$TMPD/runs/01.cb"

# fails DESCRIPTION MESSAGE QUERY...: search exits 2 with MESSAGE first.
fails () {
  desc=$1 msg=$2
  shift 2
  trun search --content "$TMPD/runs" "$@"
  is "$rc" 2 "$desc: exit 2"
  is "$(head -1 "$TMPD/err")" "$msg" "$desc: says why"
  clean "$TMPD/err" "$desc: nothing raw on stderr"
}

# nothing DESCRIPTION QUERY...: search finds nothing (exit 1), quietly.
nothing () {
  desc=$1
  shift
  trun search --content "$TMPD/runs" "$@"
  is "$rc" 1 "$desc: nothing found (exit 1)"
  is "$(cat "$TMPD/out" "$TMPD/err")" "" "$desc: and nothing printed"
}

fails "invalid UTF-8" "casebook: the query is not valid UTF-8" -- "$(printf 'a\377\233[2Jb')"
is "$(sed -n 2p "$TMPD/err")" "  a��[2Jb" "invalid UTF-8: the query is echoed with U+FFFD for each bad byte"
fails "an empty query" "casebook: empty query" ""
fails "a blank query" "casebook: empty query" "  $(printf '\t')  "
is "$(wc -l <"$TMPD/err" | tr -d ' ')" 1 "a blank query: no caret under nothing"
fails "ideographic spaces" "casebook: empty query" "　　"
is "$(wc -l <"$TMPD/err" | tr -d ' ')" 1 "ideographic spaces: no caret under nothing"
fails "line breaks and no-break spaces" "casebook: empty query" "$(printf '\n\302\240\r\n')"
is "$(wc -l <"$TMPD/err" | tr -d ' ')" 1 "line breaks and no-break spaces: no caret under nothing"
fails "punctuation alone" "casebook: punctuation alone is not searched: a regex finds it, as /&/" "&"
fails "Chinese punctuation alone" "casebook: punctuation alone is not searched: a regex finds it, as /。/" "。，"
# Controls in a query are left out, as the browser's prompt leaves them
# (a tab or a line break is a space): a control alone is no query, and
# one inside a word leaves the word whole.
fails "a vertical tab alone" "casebook: empty query" "$(printf '\013')"
fails "an escape and punctuation" "casebook: punctuation alone is not searched: a regex finds it, as /&/" "$(printf '\033&')"
fails "a C1 CSI alone" "casebook: empty query" "$(printf '\302\233')"
trun search --count --content "$SHIPPED" -- "$(printf '巡回\007检察')"
cp "$TMPD/out" "$TMPD/bel"
trun search --count --content "$SHIPPED" -- 巡回检察
ok "$([ -s "$TMPD/out" ]; echo $?)" "a BEL inside a word: the word finds something"
same "$TMPD/bel" "$TMPD/out" "a BEL inside a word: the word as if it were not there"
trun search --count --content "$SHIPPED" -- "$(printf 'prison\013inspection')"
cp "$TMPD/out" "$TMPD/vt"
trun search --count --content "$SHIPPED" -- 'prison inspection'
same "$TMPD/vt" "$TMPD/out" "a vertical tab between words: a space"
# An invisible separator offered as a regex is its escape, not the
# character, which would drive the terminal.
fails "a line separator alone" 'casebook: punctuation alone is not searched: a regex finds it, as /\x{2028}/' "$(printf '\342\200\250')"
fails "tag: alone" "casebook: 'tag:' needs a keyword after it" "tag:"
fails "tag: and a blank" "casebook: 'tag:' needs a keyword after it" "tag: circuit"
fails "lang: alone" "casebook: 'lang:' needs 'zh' or 'en' after it" "lang:"
fails "an unterminated quotation mark" "casebook: unterminated quotation mark" '"open'
fails "an unterminated regex" "casebook: unterminated /regex/: add the closing '/'" '/open'
fails "only an exclusion" "casebook: a query needs at least one term that is not excluded" -- '-aaa'
fails "escapes in a failing query" "casebook: unterminated quotation mark" "$(printf '"\033[2J\302\233')"
is "$(sed -n 2p "$TMPD/err")" '  "[2J' "escapes in a failing query: echoed without them, as the browser takes it"
nothing "escapes in a query" "$(printf '\033[2J\302\233')"

# Catastrophic backtracking on 20,000 characters: PCRE2's limits end it.
fails "(a+)+\$ on a long run" "casebook: regular expression /(a+)+\$/ failed: match limit exceeded" --regex '(a+)+$'
nothing "(x|x)*y on a long run" --regex '(x|x)*y'
trun search --content "$TMPD/runs" -- '/(a|a)*!/'
is "$rc" 2 "(a|a)*! on a long run: exit 2"
has "$TMPD/err" "casebook: regular expression /(a|a)*!/ failed: " "(a|a)*! on a long run: a limit ends it"
nothing "(a*)*b on a long run" --regex '(a*)*b'
# An empty regex matches an empty string everywhere, and so shows
# nothing: refused, saying what to write instead.
fails "an empty regex" "casebook: this regular expression can match an empty string, which is everywhere: make it need a character (x+ rather than x*)" --regex ''
fails "regex nested 10,000 deep" "casebook: invalid regular expression: parentheses are too deeply nested" -- \
  "/$(awk 'BEGIN { for (i = 0; i < 10000; i++) printf "("; printf "a"; for (i = 0; i < 10000; i++) printf ")" }')/"
fails "\\K in a lookbehind" "casebook: invalid regular expression: \\K is not allowed in lookarounds (but see PCRE2_EXTRA_ALLOW_LOOKAROUND_BSK)" --regex '(?<=\Ka)'

# 100 KB queries: one word, one phrase, one regex, 25,000 words.
big=$(awk 'BEGIN { for (i = 0; i < 100000; i++) printf "a" }')
fails "a 100 KB word" "casebook: word too long: a word has at most 10000 characters" -- "$big"
fails "a 100 KB phrase" "casebook: phrase too long: a phrase has at most 10000 characters" -- \
  "\"$(awk 'BEGIN { for (i = 0; i < 50000; i++) printf "a " }')\""
# The longest allowed, 10,000 characters: searched, at once even under
# AddressSanitizer (50,000 words took a minute there, in FTS5).
nothing "a phrase of 10,000 characters" -- \
  "\"$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "a "; printf "\n" }' | sed 's/ $//')\""
nothing "10,000 ideographs" -- "$(awk 'BEGIN { for (i = 0; i < 2500; i++) printf "检察机关" }')"
fails "a 100 KB regex" "casebook: invalid regular expression: regular expression is too large" -- "/$big/"
fails "25,000 words (100 KB)" "casebook: too many terms: a query has at most 100" -- \
  "$(awk 'BEGIN { for (i = 0; i < 25000; i++) printf "aaa " }')"
trun search --content "$TMPD/runs" --count -- "$(awk 'BEGIN { for (i = 0; i < 100; i++) printf "aaa " }')"
is "$rc:$(cat "$TMPD/out")" "1:" "100 words that a 20,000-letter run does not hold as a word: at once"

# The same on the shipped collection, with its glossary.
trun search --content "$SHIPPED" -- "$(awk 'BEGIN { for (i = 0; i < 99; i++) printf "检察 " }')"
is "$rc" 0 "99 copies of a glossary term on the shipped content: found"
trun search --content "$SHIPPED" --regex '(\p{Han}+)+$'
ok $([ "$rc" -le 2 ] && [ "$rc" -ne 124 ]; echo $?) "(\\p{Han}+)+\$ on the shipped content ends (exit $rc)"
done_testing
