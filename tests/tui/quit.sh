#!/bin/sh
# Leaving: q gives the shell its screen and prompt back with the terminal
# modes restored; Ctrl-Z suspends and fg resumes; SIGTERM, SIGHUP,
# SIGQUIT (Ctrl-\) and Ctrl-C restore the terminal; a non-UTF-8 locale
# or a TERM that cannot move the cursor gets one line pointing to
# `casebook show', status 2.
. "$top_srcdir/tests/tui/driver.sh"
tui_plan 31

sample=$tui_data/sample
d=$tui_dir

tui_start_shell 80 24
tui_type "stty -g > $d/sh.before; '$CASEBOOK' --content '$sample'; echo status=\$?; stty -g > $d/sh.after"
tui_keys Enter
tui_wait_for 'h: help'
tui_expect_has 'Browser test cases' "the browser starts from the shell"
tui_keys q
tui_wait_for 'status=0'
tui_expect_has "^tui\\$ stty -g > $d/sh.before" "q: the shell's screen comes back"
tui_expect_eq "$(tui_capture | grep -v '^$' | tail -n 1)" 'tui$' \
  "the prompt follows the exit status, nothing else left on screen"
cmp -s "$d/sh.before" "$d/sh.after"
tui_ok $? "the terminal modes are restored"

# casebook itself is the job, so that the shell speaks only once it has
# stopped (and left the alternate screen).
tui_type "clear; '$CASEBOOK' --content '$sample'"
tui_keys Enter
tui_wait_for 'h: help'
tui_keys C-z
tui_wait_for 'Stopped'
tui_wait_for 'tui\$ ?$'
tui_expect_not 'h: help' "Ctrl-Z suspends to the shell"
tui_type fg
tui_keys Enter
tui_wait_for 'Browser test cases'
tui_expect_line 1 'Browser test cases' "fg redraws the browser"
tui_keys q
tui_wait_for 'tui\$ ?$'
tui_type 'echo status=$?'
tui_keys Enter
tui_wait_for '^status='
tui_expect_has '^status=0' "and it still quits with status 0"

# Signals: the terminal is restored and the status says which.
# SIGQUIT too, which Ctrl-\ sends: killed by it, casebook left the
# terminal without echo, in the alternate screen, reporting the mouse.
for sig in TERM HUP QUIT; do
  tui_start 80 24 -- --content "$sample"
  tui_wait_for 'h: help'
  pid=$(tui_program_pid)
  kill -$sig "$pid"
  case $sig in TERM) want=143 ;; HUP) want=129 ;; QUIT) want=131 ;; esac
  tui_expect_eq "$(tui_wait_exit)" $want "SIG$sig: exit status $want"
  tui_stty_restored
  tui_ok $? "SIG$sig: terminal modes restored"
  tui_wait_for '^\[exit'
  tui_expect_not 'h: help' "SIG$sig: the browser's screen is gone"
done
tui_start 80 24 -- --content "$sample"
tui_wait_for 'h: help'
tmx send-keys -t tui C-c
tui_expect_eq "$(tui_wait_exit)" 130 "Ctrl-C: exit status 130"
tui_stty_restored
tui_ok $? "Ctrl-C: terminal modes restored"

# Terminals and locales the browser cannot use.
# (Wide sessions, so that the one line does not wrap.)
tui_start 200 10 LC_ALL=C -- --content "$sample"
tui_expect_eq "$(tui_wait_exit)" 2 "a non-UTF-8 locale: status 2"
tui_wait_for '^\[exit'
tui_expect_eq "$(tui_capture | grep -v '^$' | sed -n 1p)" \
  "casebook: the browser needs a UTF-8 locale (for example LANG=C.UTF-8); 'casebook list' and 'casebook show N' print the cases instead" \
  "and one line that points to casebook show"
# A UTF-8 locale asked for but not installed: that is what to mend.
tui_start 200 10 LC_ALL=xx_YY.UTF-8 -- --content "$sample"
tui_expect_eq "$(tui_wait_exit)" 2 "a UTF-8 locale not installed: status 2"
tui_wait_for '^\[exit'
tui_expect_eq "$(tui_capture | grep -v '^$' | sed -n 1p)" \
  "casebook: the locale xx_YY.UTF-8 is not installed ('locale -a' lists those that are); the browser needs a UTF-8 locale" \
  "and one line that says it is not installed"
tui_start 200 10 TERM=dumb -- --content "$sample"
tui_expect_eq "$(tui_wait_exit)" 2 "TERM=dumb: status 2"
tui_wait_for '^\[exit'
tui_expect_has "^casebook: .*TERM is dumb.*casebook show" "and one line that says why"
tui_start 80 24 -TERM -- --content "$sample"
tui_expect_eq "$(tui_wait_exit)" 2 "TERM unset: status 2"
# $TERM and the configuration are anybody's text: the messages that name
# them, written when curses is not (or no longer) there, show their
# escapes visibly rather than obey them.
tui_start 200 10 "TERM=x$(printf '\033')[2Jy" -- --content "$sample"
tui_expect_eq "$(tui_wait_exit)" 2 "TERM with an escape in it: status 2"
tui_wait_for '^\[exit'
tui_expect_has "unknown terminal type 'x\^\[\[2Jy'" \
  "and TERM named visibly, not obeyed"
mkdir -p "$tui_config/casebook"
printf 'theme = \033[31mneon\n' >"$tui_config/casebook/config"
tui_start 200 10 -- --content "$sample"
tui_wait_for 'unknown theme'
tmx send-keys -t tui q
tui_wait_exit >/dev/null
tui_wait_for '^\[exit'
tui_expect_has "unknown theme '\^\[\[31mneon'" \
  "a setting with an escape: named visibly after the browser has gone"
rm "$tui_config/casebook/config"

# A terminal gone with no SIGHUP to the browser (a window closed, or an
# ssh connection dropped, with su or sudo between them): in a session of
# its own (setsid), the browser is no longer the terminal's, and only
# its reads tell it.  It ends as on SIGHUP, its state saved, rather
# than reading nothing at full speed for ever.  (The wrapper is no
# process group leader, so setsid does not fork: casebook has its pid.)
cp -r "$sample" "$d/hupsample"
printf '#!/bin/sh\necho $$ >"%s/hup.pid"\nexec setsid "$@"\n' "$d" >"$d/hupwrap"
chmod +x "$d/hupwrap"
rm -f "$tui_state/casebook/state"
real=$CASEBOOK
CASEBOOK=$d/hupwrap
tui_start 80 24 -- "$real" --content "$d/hupsample"
CASEBOOK=$real
tui_wait_for 'h: help'
pid=$(cat "$d/hup.pid")
tui_expect_eq "$(cat "/proc/$pid/comm" 2>/dev/null)" casebook \
  "the browser runs in a session of its own"
tmx kill-server >/dev/null 2>&1
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do
  sleep 0.1
  i=$((i + 1))
done
! kill -0 "$pid" 2>/dev/null
tui_ok $? "the terminal gone without SIGHUP: the browser ends"
kill -9 "$pid" 2>/dev/null
tui_ok $([ -s "$tui_state/casebook/state" ]; echo $?) "and saves its state"

tui_finish
