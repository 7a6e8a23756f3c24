#!/bin/sh
# The configuration file ($XDG_CONFIG_HOME/casebook/config, casebook(5)):
# each setting takes effect in the browser -- a bound key runs its
# action, the light theme colours titles for a light background, an
# element's colour can be set, the reading width and the language apply
# -- the command line overrides the file, NO_COLOR still turns colour
# off, and a bad line is reported (on the status line, and once on
# stderr) without stopping anything, a key bind cannot bind (^J, ^C)
# too.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 26

sample=$tui_data/sample
file=$tui_config/casebook/config
mkdir -p "$tui_config/casebook"
esc=$(printf '\033')
# An SGR sequence that sets colour N (30-37 or the 256-colour form).
sgr () { echo "$esc\\[([0-9]+;)*($1|38;5;$2)(;[0-9]+)*m"; }

# Without a file: the default theme's bold titles in the terminal's own
# colour, the default width.
tui_start 120 40 -- --content "$sample"
tui_wait_for 'h: help'
tui_keys 3 Enter
tui_expect_not "$(sgr 34 4)Zhangjiagang deepens" \
  "no file: the title keeps the terminal's colour" -e
tui_expect_has 'Paragraph 1\. The reform of the responsibility system' \
  "no file: text as wide as the pane allows"
tui_keys x
tui_expect_line 40 'Key x is not bound' "no file: x is not bound"
tui_keys q
tui_wait_exit >/dev/null

cat > "$file" <<'CFG'
# A reader on a light terminal
theme = light
width = 50
lang = zh
color.status = red
bind x quit
bind X facets
this line is wrong
bind x explode
CFG
tui_start 120 40 -- --content "$sample"
tui_wait_for 'config:8'
tui_expect_msg "/.*/casebook/config:8: 'this' is not a setting" \
  "a bad line is reported on the status line with its file and line"
tui_expect_has '\[zh\]' "lang = zh opens the Chinese view"
tui_keys v
tui_keys 3 Enter
tui_expect_has "$(sgr 34 4)Zhangjiagang deepens" \
  "theme = light: the title in blue" -e
tui_expect_not "Paragraph 1\. The reform of the responsibility system" \
  "width = 50: the text wraps earlier"
tui_expect_has "Paragraph 1\. The reform of the responsibility *(│|$)" \
  "at 50 columns"
tui_capture -e | sed -n 40p | grep -aEq "$(sgr 31 1)h: help"
tui_ok $? "color.status = red colours the status line"
tui_send X
tui_expect_has 'Facets of every case' "bind X facets: X opens the facets, as F does"
tui_keys Escape
tui_send x
tui_expect_eq "$(tui_wait_exit)" 0 "bind x quit: x quits"
tui_expect_has "^casebook: .*/casebook/config:8: 'this' is not a setting" \
  "the bad lines are printed on stderr at the end"
tui_expect_has "^casebook: .*/casebook/config:9: unknown action 'explode'" \
  "an unknown action is named with its line"
n=$(tui_capture | grep -ac 'config:8')
tui_expect_eq "$n" 1 "each bad line is printed once"

# The command line overrides the file.
tui_start 120 40 -- --content "$sample" --lang en --width 70
tui_wait_for 'config:8'
tui_expect_has '\[en\]' "--lang en overrides lang = zh"
tui_keys 3 Enter
tui_expect_has "Paragraph 1\. The reform of the responsibility system for *(│|$)" \
  "--width 70 overrides width = 50"
tui_keys q
tui_wait_exit >/dev/null

# NO_COLOR: the file's colours are not used.
tui_start 120 40 NO_COLOR=1 -- --content "$sample" --lang en
tui_wait_for 'config:8'
tui_keys 3 Enter
tui_expect_not "$esc\\[([0-9]+;)*3[0-7](;[0-9]+)*m" \
  "NO_COLOR: no colour, whatever the theme" -e
tui_keys q
tui_wait_exit >/dev/null

# The dark theme, and an element's colour over the theme's.
cat > "$file" <<'CFG'
theme = dark
color.heading = bold red
CFG
tui_start 120 40 -- --content "$sample" --lang en
tui_wait_for 'h: help'
tui_keys 3 Enter
tui_expect_has "$(sgr 33 3)Zhangjiagang deepens" "theme = dark: the title in yellow" -e
tui_expect_has "$(sgr 31 1)【Part 1】" "color.heading = bold red: headings in red" -e
tui_keys q
tui_wait_exit >/dev/null

# Keys bind cannot give an action of their own are refused, saying why,
# not taken and then never looked up: ^J is Enter, ^H Backspace, and the
# terminal keeps ^C for SIGINT.  A key with modifiers is bound by the
# name the browser gives it when it is not bound (C-Left).
cat > "$file" <<'CFG'
bind ^J quit
bind ^h quit
bind C-c quit
bind C-Left quit
CFG
tui_start 120 40 -- --content "$sample" --lang en
tui_wait_for 'config:1'
tui_expect_msg "/.*/casebook/config:1: '\\^J' cannot be bound: \\^J and \\^M are Enter" \
  "bind ^J is refused: ^J is Enter"
tui_keys C-Left
tui_expect_eq "$(tui_wait_exit)" 0 "bind C-Left quit: Ctrl-Left quits"
tui_expect_has "^casebook: .*/casebook/config:2: '\\^h' cannot be bound: \\^H is Backspace" \
  "bind ^h is refused: ^H is Backspace"
tui_expect_has "^casebook: .*/casebook/config:3: 'C-c' cannot be bound: the terminal keeps" \
  "bind C-c is refused: the terminal keeps it"
tui_expect_not "config:4" "bind C-Left is taken"

# A file that cannot be read is reported, not fatal.
rm -f "$file"
mkdir "$file"
tui_start 120 40 -- --content "$sample"
tui_wait_for 'config'
tui_expect_line 40 'casebook/config: ' "a configuration file that cannot be read is reported"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "and is not fatal"
rmdir "$file"

tui_finish
