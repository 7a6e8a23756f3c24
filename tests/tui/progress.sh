#!/bin/sh
# Long work shows its progress on a terminal: an index build and a check
# of a 1000-document library print one line on stderr after half a
# second, rewrite it as they go and erase it when done; with stderr not a
# terminal they say nothing.  The terminal's output is recorded with
# tmux pipe-pane, so that a line shown and erased is still seen.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 30

corpus=$tui_dir/corpus
tui_big_corpus 1000 "$corpus"

tui_start_shell 120 10
tmx pipe-pane -t tui -o "cat >> '$tui_dir/tty'"
tui_type "XDG_CACHE_HOME='$tui_dir/c1' '$CASEBOOK' search --count --content '$corpus' 巡回检察 >'$tui_dir/out'; echo index-\$?"
tui_keys Enter
tui_wait_for '^index-0'
tr '\r' '\n' < "$tui_dir/tty" > "$tui_dir/lines"
tui_ok "$(grep -q '^casebook: indexing documents: [0-9]* of 1000' "$tui_dir/lines"; echo $?)" \
  "an index build on a terminal counts its documents on stderr"
tui_ok "$(grep -q "$(printf '\033\\[K')" "$tui_dir/tty"; echo $?)" \
  "and erases the line"
tui_expect_not 'indexing documents' "nothing of it stays on the screen"
tui_ok "$([ -s "$tui_dir/out" ]; echo $?)" "the search printed its counts"

: > "$tui_dir/tty"
# Checking is fast: 1000 documents take about the half second after
# which progress is shown.  Three times as many take long enough on
# any machine.
big=$tui_dir/big
tui_big_corpus 3000 "$big"
tui_type "'$CASEBOOK' check '$big' >'$tui_dir/out'; echo check-\$?"
tui_keys Enter
tui_wait_for '^check-0'
tr '\r' '\n' < "$tui_dir/tty" > "$tui_dir/lines"
tui_ok "$(grep -Eq '^casebook: (reading documents: [0-9]* of 3000|checking the glossary)' "$tui_dir/lines"; echo $?)" \
  "check shows its progress too"
tui_expect_not 'casebook: (reading|checking)' "and erases it"

# Relating the documents reads their terms from the search index,
# which it builds first when there is none: seconds at 1000.
: > "$tui_dir/tty"
tui_type "XDG_CACHE_HOME='$tui_dir/c4' '$CASEBOOK' related 7 --content '$corpus' >'$tui_dir/out'; echo related-\$?"
tui_keys Enter
tui_wait_for '^related-0'
tr '\r' '\n' < "$tui_dir/tty" > "$tui_dir/lines"
tui_ok "$(grep -q '^casebook: indexing documents: [0-9]* of 1000' "$tui_dir/lines"; echo $?)" \
  "related counts the documents it indexes on stderr"
tui_expect_not 'indexing documents' "and erases it"

# Exporting what a query finds reads every document it finds whole:
# of 1000 documents, about the half second after which progress is
# shown, so of the 3000, with their index built beforehand (quietly:
# stderr is no terminal).
XDG_CACHE_HOME=$tui_dir/c5 "$CASEBOOK" search --count --content "$big" \
  巡回检察 >/dev/null 2>&1
: > "$tui_dir/tty"
tui_type "XDG_CACHE_HOME='$tui_dir/c5' '$CASEBOOK' export 巡回检察 --content '$big' >'$tui_dir/out'; echo export-\$?"
tui_keys Enter
tui_wait_for '^export-0'
tr '\r' '\n' < "$tui_dir/tty" > "$tui_dir/lines"
tui_ok "$(grep -q '^casebook: exporting documents: [0-9]* of [0-9]*' "$tui_dir/lines"; echo $?)" \
  "export counts the documents it writes on stderr"
tui_expect_not 'exporting documents' "and erases it"

# What reading a document whole has to say (a warning, here) comes on
# a line of its own, not after the count, and the count is erased.
last=$(grep -l '^number: 3000$' "$big"/*.cb)
cp "$last" "$tui_dir/last.cb"
grep -v '^title\.' "$tui_dir/last.cb" > "$last"
: > "$tui_dir/tty"
tui_type "'$CASEBOOK' export \$(seq 1 3000) --content '$big' >'$tui_dir/out'; echo byname-\$?"
tui_keys Enter
tui_wait_for '^byname-0'
cp "$tui_dir/last.cb" "$last"
tr '\r' '\n' < "$tui_dir/tty" > "$tui_dir/lines"
tui_ok "$(grep -q '^casebook: exporting documents: [0-9]* of 3000' "$tui_dir/lines"; echo $?)" \
  "export by name counts the documents too"
tui_ok "$(! grep -q 'exporting documents: .*casebook: ' "$tui_dir/lines"; echo $?)" \
  "a warning as it reads one does not follow the count"
tui_expect_not 'exporting documents' "and the count is erased"

# The filter of neighbouring tokens made again (it is gone, as after
# damage, or the library grew fourfold) reads and analyses every
# document it had once the changed ones are in: seconds for 3000,
# counted on from those, to the library's size.
if command -v sqlite3 >/dev/null 2>&1; then
  sqlite3 "$(ls "$tui_dir"/c5/casebook/index-*.db)" \
    "DELETE FROM meta WHERE key='pairs'" >/dev/null 2>&1
  printf '\nen: A note on zyxwvut.\n' >>"$(ls "$big"/*.cb | head -1)"
  : > "$tui_dir/tty"
  tui_type "XDG_CACHE_HOME='$tui_dir/c5' '$CASEBOOK' search --count --content '$big' zyxwvut >'$tui_dir/out'; echo remade-\$?"
  tui_keys Enter
  tui_wait_for '^remade-0'
  tr '\r' '\n' < "$tui_dir/tty" > "$tui_dir/lines"
  tui_ok "$(grep -Eq '^casebook: indexing documents: [0-9]+ of 3000' "$tui_dir/lines"; echo $?)" \
    "making the filter of pairs again counts every document after the changed"
  tui_expect_not 'indexing documents' "and erases the count"
else
  tui_ok 0 "# SKIP sqlite3 is missing"
  tui_ok 0 "# SKIP sqlite3 is missing"
fi

# A search that finds nothing says so to a person at a terminal; a
# script has the exit status, as grep's.
tui_type "XDG_CACHE_HOME='$tui_dir/c1' '$CASEBOOK' search --content '$corpus' zzyzxq; echo none-\$?"
tui_keys Enter
tui_wait_for '^none-1'
tui_expect_has '^casebook: nothing found for zzyzxq' "a search that finds nothing says so on a terminal"
tui_type "XDG_CACHE_HOME='$tui_dir/c1' '$CASEBOOK' search --json --content '$corpus' zzyzxq; echo jnone-\$?"
tui_keys Enter
tui_wait_for '^jnone-1'
tui_ok "$([ "$(tui_capture | grep -c '^casebook: nothing found for zzyzxq')" -eq 2 ]; echo $?)" \
  "with --json too (which prints nothing then)"
XDG_CACHE_HOME=$tui_dir/c1 "$CASEBOOK" search --content "$corpus" zzyzxq \
  >"$tui_dir/none.out" 2>"$tui_dir/none.err"
tui_ok "$([ ! -s "$tui_dir/none.out" ] && [ ! -s "$tui_dir/none.err" ]; echo $?)" \
  "and nothing when its output is not a terminal"
# One that finds documents with some words, while another is in no
# text, names that word to a person (and not to a script).
tui_type "XDG_CACHE_HOME='$tui_dir/c6' '$CASEBOOK' search --count --content '$top_srcdir/content' zzyzxq prison; echo some-\$?"
tui_keys Enter
tui_wait_for '^some-0'
tui_expect_has '^casebook: no text has zzyzxq: showing the documents with the other words' \
  "a word in no text, beside found ones, is named on a terminal"
XDG_CACHE_HOME=$tui_dir/c6 "$CASEBOOK" search --count --content "$top_srcdir/content" zzyzxq prison \
  >"$tui_dir/some.out" 2>"$tui_dir/some.err"
tui_ok "$([ -s "$tui_dir/some.out" ] && [ ! -s "$tui_dir/some.err" ]; echo $?)" \
  "and not when its output is not a terminal"

# A search that must update the index while another casebook holds its
# write lock waits for it, and says so.
if command -v sqlite3 >/dev/null 2>&1; then
  printf '\nzh: 补充说明。\nen: A note on zyxwvut.\n' >>"$(ls "$corpus"/*.cb | head -1)"
  db=$(ls "$tui_dir"/c1/casebook/index-*.db)
  sqlite3 "$db" 'BEGIN IMMEDIATE;' ".shell touch '$tui_dir/held'; sleep 3" \
    'COMMIT;' >/dev/null 2>&1 &
  holder=$!
  i=0
  while [ ! -e "$tui_dir/held" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  : > "$tui_dir/tty"
  tui_type "XDG_CACHE_HOME='$tui_dir/c1' '$CASEBOOK' search --count --content '$corpus' zyxwvut; echo wait-\$?"
  tui_keys Enter
  tui_wait_for '^wait-0'
  wait $holder
  tr '\r' '\n' < "$tui_dir/tty" > "$tui_dir/lines"
  tui_ok "$(grep -q '^casebook: waiting for another casebook to update the search index' "$tui_dir/lines"; echo $?)" \
    "a search that waits for another's update says so"
  tui_expect_not 'waiting for another' "and erases it"
else
  tui_ok 0 "# SKIP sqlite3 is missing"
  tui_ok 0 "# SKIP sqlite3 is missing"
fi

# The browser: its first screen does not wait for the index; the search
# prompt builds it, counting on the status line, before it opens, so
# that the keys typed at the prompt search an index ready for them.
tui_start 120 10 "XDG_CACHE_HOME=$tui_dir/c3" -- --content "$corpus"
tmx pipe-pane -t tui -o "cat >> '$tui_dir/tty3'"
tui_wait_for 'h: help'
tui_ok "$(! ls "$tui_dir"/c3/casebook/index-*.db >/dev/null 2>&1; echo $?)" \
  "the browser's first screen does not build the index"
tui_keys /
tui_wait_for '^/'
tr '\r' '\n' < "$tui_dir/tty3" > "$tui_dir/lines3"
tui_ok "$(grep -q 'Indexing documents for search: [0-9]* of 1000' "$tui_dir/lines3"; echo $?)" \
  "/ builds it, counting its documents on the status line"
tui_ok "$(ls "$tui_dir"/c3/casebook/index-*.db >/dev/null 2>&1; echo $?)" \
  "and the prompt opens on the index built"
tui_type 巡回检察
tui_wait_for '^/巡回检察.*\[1/[0-9]*\]'
tui_expect_line 10 '^/巡回检察.*\[1/[0-9]*\]' "where the query typed is found"
tui_keys Escape
# R relates the cases: the library's terms are weighed then, counted
# on the status line ("Relating the cases: 0 of 1000").  curses
# writes only what changed, after the "Re" of "Reading the cases" the
# line may hold before it, and then only the digits that change.
tui_keys R
tui_wait_for 'Related to case'
tr '\r' '\n' < "$tui_dir/tty3" > "$tui_dir/lines3"
tui_ok "$(grep -aq 'lating the cases: ' "$tui_dir/lines3"; echo $?)" \
  "R counts the cases it relates on the status line"
tui_expect_has 'Related to case' "then lists the related cases"
tui_keys Escape
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "and the browser quits with status 0"

XDG_CACHE_HOME=$tui_dir/c2 "$CASEBOOK" search --count --content "$corpus" 巡回检察 \
  >/dev/null 2>"$tui_dir/err"
"$CASEBOOK" check "$corpus" >/dev/null 2>>"$tui_dir/err"
tui_ok "$(! grep -Eq 'indexing|reading documents|checking the' "$tui_dir/err"; echo $?)" \
  "with stderr not a terminal, no progress"
tui_finish
