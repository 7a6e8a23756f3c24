#!/bin/sh
# A paste after m or ' (bracketed, as the browser asks the terminal to
# paste) is the mark's letter when it is one letter; several keys, or
# one that is no letter, are refused as a typed digit is ("Marks are
# letters a-z and A-Z"), and none of them is run as a command.  So is a
# function key typed after m.  They used to be dropped without a word,
# with m still waiting, so that the next key typed set a mark instead
# of doing what it was typed for.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 9

sample=$tui_data/sample

# paste TEXT: paste TEXT as the terminal does, between the markers.
paste ()
{
  tmx set-buffer -- "$1"
  _before=$(tui_capture)
  tmx paste-buffer -p -t tui
  tui_wait_change "$_before"
}

tui_start 100 30 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys 3 Enter
top=$(tui_line 2)
tui_keys m
paste 'aqq'
tui_expect_line 30 '^Marks are letters a-z and A-Z( {2,}|$)' "m, a paste of three keys: refused, and said so"
tui_expect_eq "$(tui_line 2)" "$top" "none of them run: the text did not move, nor the browser quit"
tui_keys "'" a
tui_expect_line 30 '^Mark a is not set( {2,}|$)' "and no mark was set"
tui_keys m
paste '1'
tui_expect_line 30 '^Marks are letters a-z and A-Z( {2,}|$)' "m, a pasted digit: refused"
tui_keys j
tui_expect_line 30 '^h: help' "the next key is a command again, not a mark"
tui_keys m
paste 'b'
tui_expect_line 30 '^Mark b set( {2,}|$)' "m, a pasted letter: the mark"
tui_keys "'"
paste 'xy'
tui_expect_line 30 '^Marks are letters a-z and A-Z( {2,}|$)' "', a paste of two keys: the same words"
tui_keys m
tui_keys F5
tui_expect_line 30 '^Marks are letters a-z and A-Z( {2,}|$)' "m F5: refused, and said so"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "quits with status 0"
tui_finish
