#!/bin/sh
# casebook search: output modes and exit statuses.
. "$top_srcdir/tests/cli/lib.sh"

run search 巡回检察 --content "$GOOD" --color=never
is "$rc" 0 "a match exits 0"
cat >"$TMPD/want" <<'X'
Case 1  Guangxi procuratorial organs deepen circuit inspection  (8 hits)
  title zh: 广西检察机关深化巡回检察
  title en*: …procuratorial organs deepen circuit inspection
  §1 ¶1 zh: 巡回检察 | 减假暂
  … 5 more
X
same "$TMPD/out" "$TMPD/want" "heading, snippets located by section and paragraph"
run search nothing-of-the-sort --content "$GOOD"
is "$rc" 1 "no match exits 1"
is "$(cat "$TMPD/out")" "" "and prints nothing"
run search 'x /a(b/' --content "$GOOD"
is "$rc" 2 "a bad regex exits 2"
cat >"$TMPD/want" <<'X'
casebook: invalid regular expression: missing closing parenthesis
  x /a(b/
        ^
X
same "$TMPD/err" "$TMPD/want" "the pattern with a caret under the error"
run search --regex '(' --content "$GOOD"
is "$rc" 2 "--regex with a bad pattern exits 2"
run search --count circuit inspection --content "$GOOD"
is "$(cat "$TMPD/out")" "1:8" "--count prints document:hits"
run search --content "$GOOD" --json -- HULUNBUIR
is "$(head -1 "$TMPD/out")" '{"document":2,"collection":"sample","part":"title","section":0,"paragraph":0,"lang":"en","start":0,"end":9,"translated":false,"score":1.6593,"match":"Hulunbuir","snippet":"Hulunbuir builds a model of \"integrated"}' "--json gives document, section, paragraph, lang, offsets, snippet"
run search -n 1 --color=always 巡回检察 --content "$GOOD"
has "$TMPD/out" "$(printf '\033[1;31m巡回检察\033[0m')" "--color=always highlights the match"
has "$TMPD/out" "… 7 more" "-n limits the snippets"
NO_COLOR=1 "$CASEBOOK" search --color=auto 巡回检察 --content "$GOOD" >"$TMPD/out"
if LC_ALL=C grep -q "$(printf '\033')" "$TMPD/out"; then ok 1 "NO_COLOR: no colour"; else ok 0 "NO_COLOR: no colour"; fi
run search --content "$GOOD" -- '-巡回检察 integration' 
is "$rc" 0 "exclusion after --"
hasnt "$TMPD/out" "Case 1" "the excluded document is gone"
run search 'tag:' --content "$GOOD"
is "$rc" 2 "tag: with nothing after it is an error"
has "$TMPD/err" "'tag:' needs a keyword after it" "and says so"
run search "$(printf 'bad\377')" --content "$GOOD"
is "$rc" 2 "a query that is not UTF-8 is an error"
run search 巡回检察 --content "$SHIPPED" --count
has "$TMPD/out" "7:" "shipped: 巡回检察 finds case 7"
run search '巡回检察' --content "$SHIPPED" --count --exact --json
is "$rc" 0 "--exact with --count"
done_testing
