#!/bin/sh
# The help screen (h) at 40 and 50 columns shows every key name whole,
# and wraps descriptions at spaces only: tag:KEYWORD, Shift-Tab or
# half-page-down are never split.  Key names wider than the key column
# have rows of their own, the description under them, as a man page
# sets a long tag.  They used to be cut ("Space f PgDn…", "Tab
# Shift-T…") below 60 columns, and a description broke after a colon or
# a hyphen ("tag:" and "KEYWORD" on two rows).  At 24 and 30 columns
# the key column gives way to the longest word: words used to be broken
# there where they had no space ("search-backwar" and "d").
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 24

sample=$tui_data/sample

# The key names of the table (ui_help.c), one a line.
keys='j k  ↓ ↑
Space f PgDn  b PgUp
d u
g Home  G End
less keys
[ ]
O
Enter
Tab  Shift-Tab
number
C
: o
/  ?
n N
&
F
in a prompt
queries
v
E
z
R
t
m letter
'"'"' letter
=
y
V
^L
h F1
L
q
mouse
header
*
◇ ◆
>
j k
Space b
g G
] [
O Enter
Tab Shift-Tab
: =
/ ?
& v E
z t
m '"'"'
y V
^L h L q
F R C'

# Key names not found whole at the start of a row (after 3 spaces, then
# a space or the row's end), in the screen in $tui_dir/help.
missing_keys ()
{
  printf '%s\n' "$keys" | while IFS= read -r k; do
    found=0
    while IFS= read -r line; do
      case $line in
        "   $k"|"   $k "*) found=1; break ;;
      esac
    done < "$tui_dir/help"
    [ $found = 1 ] || printf '[%s] ' "$k"
  done
}

# Words of the descriptions that must stay whole on one row.
tokens='tag:KEYWORD lang:zh lang:en /regex/ Shift-Tab half-page-down
half-page-up previous-heading search-backward go-to-mark next-pane
previous-pane fold-all Ctrl-C'

split_tokens ()
{
  for t in $tokens; do
    grep -qF -- "$t" "$tui_dir/help" || printf '[%s] ' "$t"
  done
}

for w in 24 30 40 50; do
  # Tall enough for the whole table on one screen.
  tui_start $w 400 NO_COLOR=1 -- --content "$sample" --lang en
  tui_wait_for 'h: help'
  tui_keys h
  tui_wait_for '^ Moving'
  tui_capture | sed '1d;$d' > "$tui_dir/help"
  tui_expect_eq "$(missing_keys)" "" "$w columns: every key name whole"
  tui_expect_eq "$(split_tokens)" "" "$w columns: no word split at a colon or hyphen"
  tui_expect_eq "$(grep -v '【…】' "$tui_dir/help" | grep -c '…')" 0 \
    "$w columns: nothing cut with an ellipsis"
  tui_expect_eq "$(grep -c -- '[^ ]-$' "$tui_dir/help")" 0 \
    "$w columns: no row ends in a word's hyphen"
  tui_expect_has '^   Space f PgDn  b PgUp$' \
    "$w columns: a key name wider than its column has the row"
  tui_expect_has '^ +page down, up$' "and its description the next one"
  tui_keys q
  tui_keys q
  tui_wait_exit >/dev/null
done

tui_finish
