#!/bin/sh
# Cases edited while the browser is open (a translator's editor beside
# it): the next search finds the new text, both in the case already
# open and in one not yet read, and shows it in the open case.  A file
# left with errors is no change: the search kept for Esc keeps its
# current hit.  A search that must wait for another casebook's update
# of the index says so rather than freeze.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 15

c=$tui_dir/content
cp -r "$top_srcdir/content" "$c"
chmod -R u+w "$c"

tui_start 120 40 NO_COLOR=1 "XDG_CACHE_HOME=$tui_dir/cache" -- \
  --content "$c" --lang=en
tui_wait_for 'h: help'
tui_keys 2 Enter
tui_expect_line 1 ' 2 Jilin' "2 opens case 2"
# Edited before the first search, which opens the index: the open case
# is read again, so that its new hit shows.
printf '\nzh: 补充。\nen: A first note on zzfirstword.\n' >>"$c"/batch3/02-jilin.cb
tui_keys /
tui_type zzfirstword
tui_keys Enter
tui_expect_line 40 '^zzfirstword — 1 hit in 1 case' \
  "the open case edited before the first search: its new hit is found"
tui_expect_has 'A first note on zzfirstword' "and shown"
tui_keys /
tui_type plughword
tui_keys Enter
tui_expect_line 40 '^Not found: plughword' "a word in no case is not found"

for f in "$c"/batch3/02-jilin.cb "$c"/batch3/03-zhangjiagang.cb; do
  printf '\nzh: 补充说明。\nen: A note on plughword.\n' >>"$f"
done
tui_keys /
tui_type plughword
tui_keys Enter
tui_expect_line 40 '^plughword — 2 hits in 2 cases' \
  "after two cases were edited, the next search finds the word in both"
tui_expect_has 'A note on plughword' "the open case shows its new paragraph"
tui_keys n
tui_expect_line 1 ' 3 .*Zhangjiagang' "and n goes to the other case's hit"

# A case saved half edited, with an error: it is read again at each
# check and indexed nowhere, which changes nothing.
printf 'casebook-format: 1\nnumber: 99\ntitle.en: Half\nno key here\n' \
  >"$c/batch3/99-half.cb"
tui_keys /
tui_keys Escape
tui_keys n
tui_wait_for '◆'
tui_keys /
tui_keys Escape
tui_expect_line 40 '^plughword — 2 hits in 2 cases, [12]/2' \
  "with a file that has errors, / and Esc keep the current hit"
rm -f "$c/batch3/99-half.cb"

# A real edit of another case: the search runs again, and its current
# hit is found again where it is the same.
before=$(tui_line 40 | sed -n 's/.*cases, \([12]\/2\).*/\1/p')
printf '\nzh: 另一处。\nen: Elsewhere.\n' >>"$c/batch3/05-shandong.cb"
tui_keys /
tui_keys Escape
tui_expect_line 40 "^plughword — 2 hits in 2 cases, $before" \
  "after an edit elsewhere, / and Esc keep the current hit ($before)"

# The open case saved with an error: its text stays as last read, and
# the status line says so and that search no longer finds it there.
cp "$c/batch3/02-jilin.cb" "$tui_dir/02.saved"
printf '\nbogus.field: x\n' >>"$c/batch3/02-jilin.cb"
tui_keys /
tui_keys Escape
tui_expect_has 'cannot read this document again: .*02-jilin\.cb:[0-9]*: ' \
  "the open case saved with an error: the status line says so"
tui_expect_has 'shown as last read, not' \
  "and that its text is as last read, not searched"
cp "$tui_dir/02.saved" "$c/batch3/02-jilin.cb"

# Titles edited: the open case's (read whole) and one not yet opened
# (read by its header) are listed as they now are.
for f in 02-jilin:Jilin 06-henan:Henan; do
  sed -i "s/^\(title\.en[.a-z]*\): .*/\1: ${f#*:} title edited/" \
    "$c/batch3/${f%:*}.cb"
done
tui_keys /
tui_keys Escape
tui_expect_has 'Henan title edited' \
  "a title edited in a case not yet opened is listed as it now is"
tui_expect_has 'Jilin title edited' \
  "and the open case's too"

if ! command -v sqlite3 >/dev/null 2>&1; then
  echo "ok 12 # SKIP sqlite3 is missing"
  echo "ok 13 # SKIP sqlite3 is missing"
  tui_finish
fi
# Another casebook holds the index's write lock (a first build of a large
# library does for many seconds) while an edit waits to be indexed.
db=$(ls "$tui_dir"/cache/casebook/index-*.db)
printf '\nzh: 再补充。\nen: A note on xyzzyword.\n' >>"$c/batch3/04-jiangxi.cb"
sqlite3 "$db" 'BEGIN IMMEDIATE;' ".shell touch '$tui_dir/held'; sleep 4" \
  'COMMIT;' >/dev/null 2>&1 &
holder=$!
i=0
while [ ! -e "$tui_dir/held" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
tmx send-keys -t tui /
tui_wait_for 'Waiting for another casebook'
tui_ok $? "a search prompt that must wait for another casebook says so"
wait $holder
tui_type xyzzyword
tui_keys Enter
tui_expect_line 40 '^xyzzyword — 1 hit in 1 case' \
  "then finds what the edit added"
tui_finish
