#!/bin/sh
# Provenance you cannot miss: above each language column a header says
# whether the text is the release's or casebook's translation; the
# translated paragraphs are drawn dim (as casebook(1) says); L opens the
# legend.  In the sample, case 3's Chinese is the release's text and its
# English casebook's translation; case 1 is the other way round.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 14

sample=$tui_data/sample
esc=$(printf '\033')

tui_start 100 30 -- --content "$sample"
tui_wait_for 'h: help'
# In the list too (its titles without the region the row gives): case
# 1's English title is the project's translation, case 2's the release's
# own.
tui_expect_has "${esc}\\[[0-9;]*2m(${esc}\\[[0-9;]*m)*deepen circuit" \
  "the list draws a title the project translated dim" -e
tui_expect_not "${esc}\\[[0-9;]*2m(${esc}\\[[0-9;]*m)*Hulunbuir builds" \
  "and the release's own title not" -e
tui_keys 3 Enter
tui_expect_line 2 "│(▶| ) English: casebook's translation, not the official text" \
  "English view of case 3: the header says it is casebook's translation"
tui_expect_has "${esc}\\[[0-9;]*2m(${esc}\\[[0-9;]*m)*Paragraph 1\\." \
  "the translated paragraph is drawn dim" -e
tui_keys v
tui_expect_line 2 "│(▶| ) Chinese: release text +English: translated " \
  "side by side: a header above each column (short forms where long ones do not fit)"
tui_keys v
tui_expect_line 2 "Chinese: release text  English: translated " \
  "interleaved: both in one header"
tui_keys v
tui_expect_line 2 '│(▶| ) Chinese: release text +L: legend' "Chinese view: release text"
tui_expect_not "${esc}\\[[0-9;]*2m(${esc}\\[[0-9;]*m)*第一段" \
  "the release's paragraphs are not dim" -e
tui_keys L
tui_expect_has '^ On the screen' "L opens the help at the legend"
tui_expect_not '^ Moving' "scrolled past the keys"
tui_expect_has "^   \\* +in the margin, and the text drawn dim" "which explains the * and the dim text"
tui_keys q
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "quits with status 0"

# Narrow and Chinese: the header is there too, in the reader's language.
tui_start 60 20 LANGUAGE=zh_CN -- --content "$sample"
tui_wait_for 'h:'
tui_keys 3 Enter
tui_expect_line 2 '^(▶| ) (Chinese|中文)' "a narrow terminal shows the header too"
tui_keys q
tui_wait_exit >/dev/null

# In traditional script the Chinese is OpenCC's conversion, not the
# release's wording: the header says so (as show and export do).
if "$CASEBOOK" --version | grep -q 'OpenCC yes'; then
  tui_start 120 20 -- --content "$sample" --lang zh --script=traditional 1
  tui_wait_for 'h:'
  tui_expect_has 'Chinese: .*converted to traditional script by OpenCC' \
    "traditional script: the header names the conversion"
  tui_keys q
  tui_wait_exit >/dev/null
else
  tui_ok 0 "# SKIP built without OpenCC"
fi

tui_finish
