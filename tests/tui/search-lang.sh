#!/bin/sh
# The browser gives the answer casebook search gives: in the Chinese
# view, an English query counts its hits in the English text and says
# where they are (v shows them) instead of "Not found"; in the English
# view, a regex over Chinese does the same; a misspelt word is corrected
# as casebook search corrects it.  A word only the other English has
# (a name the release's translation spells otherwise) is found there, by
# both; with --no-correct it is not found, and both say where it is.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 19

content=$top_srcdir/content
counts=$("$CASEBOOK" --content "$content" search --count 'lang:en "circuit inspection"')
total=$(printf '%s\n' "$counts" | awk -F: '{ n += $2 } END { print n }')

tui_start 120 40 NO_COLOR=1 -- --content "$content" --lang=zh
tui_wait_for 'h: help'
tui_keys /
tui_type 'lang:en "circuit inspection"'
tui_keys Enter
tui_expect_line 40 "^lang:en \"circuit inspection\" — $total hits in the English text, v shows it" \
  "Chinese view: the English hits are counted and placed ($total, as search --count says)"
tui_keys_same n
tui_expect_has "$total hits in the English text" "n says where the hits are, not 'Not found'"
tui_keys q
tui_start 120 40 NO_COLOR=1 -- --content "$content" --lang=en
tui_wait_for 'h: help'
tui_keys /
tui_type '/检察[官长]/'
tui_wait_for '\[none here'
tui_expect_line 40 '\[none here; in the Chinese text\]$' \
  "as it is typed, the prompt says the hits are in the other language"
tui_keys Enter
tui_expect_has 'hits in the Chinese text, v shows it' \
  "English view: a regex over Chinese counts its Chinese hits"
tui_keys v n
tui_expect_line 40 '^/检察\[官长\]/ — [0-9]* hits in [0-9]* cases, [0-9]*/' \
  "v, then n: the hits are on screen, counted, and n steps through them"
tui_keys /
tui_type Hulunbiur
tui_keys Enter
tui_expect_has 'Showing results for Hulunbuir \(nothing found for Hulunbiur\)' \
  "a misspelt name: the correction's results, and the status line says so"
# One of two words finds nothing (Zhang finds a name): corrected all the
# same, as casebook search corrects it.
want=$("$CASEBOOK" --content "$content" search --count -- Zhang jiagang 2>&1 >/dev/null)
tui_keys /
tui_type 'Zhang jiagang'
tui_keys Enter
tui_expect_has 'Showing results for Zhangjiagang \(not all of Zhang jiagang is in the texts\)' \
  "a word that finds nothing beside one that does: corrected as search does ($want)"
tui_keys q
tui_start 120 40 NO_COLOR=1 -- --content "$content" --lang=en --no-correct
tui_wait_for 'h: help'
tui_keys /
tui_type 'Zhang jiagang'
tui_keys Enter
tui_expect_line 40 '^No text has jiagang: showing the cases with the other words' \
  "--no-correct: the query as typed, the word no text has named"
tui_keys /
tui_type Hulunbiur
tui_keys Enter
tui_expect_line 40 '^Not found: Hulunbiur' "--no-correct: nothing corrected"

tui_start 100 40 -- --content "$content" --no-correct search Zhalainur
tui_wait_for '^\[exit 1\]'
tui_expect_line 2 "^casebook: casebook's revised English has it, in 1 case \\(--english=revised\\)" \
  "search --no-correct on a terminal: Zhalainur is in the revised English"
tui_start 100 40 -- --content "$content" --english=revised --no-correct search hospital
tui_wait_for '^\[exit 1\]'
tui_expect_line 2 "^casebook: the release's English has it, in [0-9]+ cases \\(--english=release\\)" \
  "and hospital in the release's"
want=$("$CASEBOOK" --content "$content" search --count Zhalainur 2>/dev/null)
want=${want#1:}
tui_start 100 40 -- --content "$content" search Zhalainur
tui_wait_for '^\[exit 0\]'
tui_expect_line 1 "^Showing results in casebook's revised English \\(nothing found for Zhalainur in the release's\\)" \
  "without --no-correct, search shows the revised English's results"
tui_expect_has '§2 ¶8 en.rev\*: .*Zhalainur District' "and its passages, marked as the project's"
tui_start 100 40 -- --content "$content" --no-correct
tui_wait_for 'h: help'
tui_keys /
tui_type Zhalainur
tui_keys Enter
tui_expect_line 40 "^Not found: Zhalainur \\(casebook's revised English has it\\)" \
  "the browser with --no-correct says so too"
tui_keys E n
tui_expect_line 1 '  1 The People.s Procuratorate of Hulunbuir' "E, then n: found in the revised English, in case 1 (its revised title in the bar)"
tui_keys q
tui_start 140 40 -- --content "$content"
tui_wait_for 'h: help'
tui_keys /
tui_type Zhalainur
tui_keys Enter
tui_expect_line 40 "^Showing results in casebook's revised English \\(nothing found for Zhalainur in the release's; E: back\\)" \
  "without it, the browser reads the revised English, as search does"
tui_expect_has 'Zhalainur District' "and shows the first hit, in case 1"
tui_keys n
tui_expect_line 40 "^Zhalainur — $want hits in 1 case, 2/$want" "n steps through the $want hits search counts"
tui_keys E
tui_expect_line 40 '^English: as the release gives it' "E: back to the release's English"
tui_finish
