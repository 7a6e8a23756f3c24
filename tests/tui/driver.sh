# driver.sh -- shared functions for the browser's tests, sourced by the
# scripts in tests/tui/.  Each test runs src/casebook in a detached tmux
# session of a fixed size, sends keys, waits for the screen to settle by
# polling capture-pane (bounded loops, no fixed sleeps), and compares the
# screen, or lines of it, with expectations kept as text files under
# tests/tui/expected/.  Output is TAP.
#
# Environment (from Makefile.am): CASEBOOK, top_srcdir, TMUX_BIN,
# XDG_STATE_HOME, LC_ALL=C.UTF-8.  TUI_UPDATE=1 rewrites the expected
# screens instead of comparing them (for developers; check the diff).

if [ -z "${TMUX_BIN:-}" ] || ! command -v "$TMUX_BIN" >/dev/null 2>&1; then
  echo "1..0 # SKIP tmux not found"
  exit 0
fi
: "${CASEBOOK:?CASEBOOK is not set}" "${top_srcdir:?top_srcdir is not set}"
unset TMUX TMUX_PANE NO_COLOR CASEBOOK_CONTENT LANGUAGE

tui_data=$top_srcdir/tests/tui/data
tui_expected=$top_srcdir/tests/tui/expected
tui_dir=$(mktemp -d /tmp/cbtui.XXXXXX) || exit 99
tui_sock=$tui_dir/s.0            # short: socket paths are limited
tui_state=$tui_dir/state         # XDG_STATE_HOME of the programs we start
tui_config=$tui_dir/config       # their XDG_CONFIG_HOME: no configuration
                                 # file unless a test writes one
mkdir "$tui_state"
tui_n=0
tui_status=0
tui_run=0                        # runs started, to name their files

tmx () { "$TMUX_BIN" -S "$tui_sock" -f /dev/null "$@"; }

tui_cleanup ()
{
  for _t_s in "$tui_dir"/s.*; do
    [ -S "$_t_s" ] || continue
    "$TMUX_BIN" -S "$_t_s" kill-server >/dev/null 2>&1
    # Wait (bounded) until the server is gone.
    _t_i=0
    while [ $_t_i -lt 100 ] \
          && "$TMUX_BIN" -S "$_t_s" list-sessions >/dev/null 2>&1; do
      sleep 0.05
      _t_i=$((_t_i + 1))
    done
  done
  rm -rf "$tui_dir" 2>/dev/null || { sleep 0.2; rm -rf "$tui_dir"; }
}
trap tui_cleanup EXIT
trap 'exit 1' HUP INT TERM

# If this script is killed outright (no trap runs), a watchdog still ends
# the tmux servers, which would otherwise outlive it with casebook in them.
tui_parent=$$
(
  trap '' HUP INT TERM
  while kill -0 "$tui_parent" 2>/dev/null; do sleep 1; done
  tui_cleanup
) </dev/null >/dev/null 2>&1 &

# --- TAP -------------------------------------------------------------------

tui_plan () { echo "1..$1"; }

# tui_ok STATUS DESCRIPTION: report one assertion.
tui_ok ()
{
  tui_n=$((tui_n + 1))
  if [ "$1" -eq 0 ]; then
    echo "ok $tui_n - $2"
  else
    echo "not ok $tui_n - $2"
    tui_status=1
  fi
}

# tui_diag TEXT...: lines of diagnostics, as TAP comments.
tui_diag () { printf '%s\n' "$@" | sed 's/^/# /'; }

# --- sessions ----------------------------------------------------------------

# Poll every 0.05 s, at most this many times (30 s) for anything to happen.
tui_polls=${TUI_POLLS:-600}

tui_pause () { sleep 0.05; }

# tui_start W H [VAR=VALUE...] [-- ARG...]: start casebook with ARGs in a
# new session of W x H cells, with LC_ALL=C.UTF-8 and the test's state
# directory, and the VARs given.  A VAR of the form -VAR unsets it.  When
# casebook exits, its status goes to $tui_dir/status.N and the pane shows
# "[exit STATUS]"; tui_wait_exit waits for that.
tui_start ()
{
  _t_w=$1 _t_h=$2
  shift 2
  tui_run=$((tui_run + 1))
  tui_script=$tui_dir/run.$tui_run
  {
    echo '#!/bin/sh'
    echo "XDG_STATE_HOME='$tui_state'; export XDG_STATE_HOME"
    echo "XDG_CONFIG_HOME='$tui_config'; export XDG_CONFIG_HOME"
    echo "LC_ALL=C.UTF-8; export LC_ALL"
    echo "unset NO_COLOR CASEBOOK_CONTENT LANGUAGE COLUMNS LINES"
    while [ $# -gt 0 ] && [ "$1" != -- ]; do
      case $1 in
        -*) echo "unset ${1#-}" ;;
        *) echo "${1%%=*}='${1#*=}'; export ${1%%=*}" ;;
      esac
      shift
    done
    [ "${1:-}" = -- ] && shift
    # A trap (not an ignored signal) so that Ctrl-C reaches casebook with
    # its default disposition and this script still reports the status.
    echo "trap : INT"
    echo "stty -g > '$tui_dir/stty.before.$tui_run'"
    printf "'%s'" "$CASEBOOK"
    for _t_a in "$@"; do printf " '%s'" "$_t_a"; done
    echo
    echo "s=\$?"
    echo "stty -g > '$tui_dir/stty.after.$tui_run'"
    echo "echo \"[exit \$s]\""
    echo "echo \$s > '$tui_dir/status.$tui_run'"
    echo "exec sleep 3600"
  } > "$tui_script"
  chmod +x "$tui_script"
  # Each run has its own server: a server being killed cannot swallow
  # the next session.
  tmx kill-server >/dev/null 2>&1
  tui_sock=$tui_dir/s.$tui_run
  # Options first, in the same client command, so that the program starts
  # at its final size.
  tmx set-option -g status off \; \
      set-option -g default-terminal tmux-256color \; \
      new-session -d -s tui -x "$_t_w" -y "$_t_h" "$tui_script" || return 1
}

# tui_start_shell W H: start an interactive sh (prompt "tui$ ") in a new
# session, for tests of what the program leaves behind; type commands
# with tui_type and tui_keys Enter.
tui_start_shell ()
{
  tui_run=$((tui_run + 1))
  tui_script=$tui_dir/run.$tui_run
  {
    echo '#!/bin/sh'
    echo "XDG_STATE_HOME='$tui_state'; export XDG_STATE_HOME"
    echo "XDG_CONFIG_HOME='$tui_config'; export XDG_CONFIG_HOME"
    echo "LC_ALL=C.UTF-8; export LC_ALL"
    echo "unset NO_COLOR CASEBOOK_CONTENT LANGUAGE COLUMNS LINES ENV"
    echo "PS1='tui\$ '; export PS1"
    echo "exec sh -i"
  } > "$tui_script"
  chmod +x "$tui_script"
  tmx kill-server >/dev/null 2>&1
  tui_sock=$tui_dir/s.$tui_run
  tmx set-option -g status off \; \
      set-option -g default-terminal tmux-256color \; \
      new-session -d -s tui -x "$1" -y "$2" "$tui_script" || return 1
  tui_wait_for 'tui\$ ?$'
}

# tui_capture [-e]: the screen as text (with -e, with SGR sequences).
tui_capture () { tmx capture-pane -p -t tui "$@" 2>/dev/null; }

# tui_line N: line N (1-based) of the screen.
tui_line () { tui_capture | sed -n "${1}p"; }

# tui_settle: wait until three captures in a row (0.05 s apart) agree.  Returns 1 if the
# screen kept changing for the whole time allowed.
tui_settle ()
{
  _t_prev=$(tui_capture)
  _t_same=0
  _t_i=0
  while [ $_t_i -lt $tui_polls ]; do
    tui_pause
    _t_cur=$(tui_capture)
    if [ "$_t_cur" = "$_t_prev" ]; then
      _t_same=$((_t_same + 1))
      [ $_t_same -ge 2 ] && return 0
    else
      _t_same=0
    fi
    _t_prev=$_t_cur
    _t_i=$((_t_i + 1))
  done
  return 1
}

# tui_wait_for REGEX [-e]: wait until the screen matches REGEX (grep -E),
# then until it settles.  Returns 1 (and says what it saw) on a timeout.
tui_wait_for ()
{
  _t_i=0
  while [ $_t_i -lt $tui_polls ]; do
    if tui_capture ${2:-} | grep -Eq -- "$1"; then
      tui_settle
      return 0
    fi
    tui_pause
    _t_i=$((_t_i + 1))
  done
  tui_diag "timed out waiting for /$1/; the screen was:"
  tui_capture | tui_diag_stdin
  return 1
}

tui_diag_stdin () { sed 's/^/# |/'; }

# tui_poll_for REGEX: wait until the screen matches REGEX (grep -E),
# without waiting for it to settle: progress on the status line keeps
# changing it.  Quiet on a timeout (the check after it says what is
# wrong).
tui_poll_for ()
{
  _t_i=0
  while [ $_t_i -lt $tui_polls ] && ! tui_capture | grep -Eq -- "$1"; do
    tui_pause
    _t_i=$((_t_i + 1))
  done
}

# tui_big_corpus N DIR: write a library of N documents into DIR
# (tests/bench/mkcorpus), large enough for long work to be seen; exits
# the test as a hard error when it cannot.
tui_big_corpus ()
{
  CASEBOOK_SHIPPED=$top_srcdir/content \
    sh "$top_srcdir/tests/bench/mkcorpus" "$1" "$2" >/dev/null || exit 99
}

# tui_state_file: make the private state directory of the programs we
# start, and print the name of the state file in it, for a test to
# write.
tui_state_file ()
{
  mkdir -p "$tui_state/casebook"
  chmod 700 "$tui_state/casebook"
  echo "$tui_state/casebook/state"
}

# tui_keys KEY...: send tmux key names (Enter, Tab, Up, C-l, ...), then
# wait for the screen to change and settle.
tui_keys ()
{
  _t_before=$(tui_capture)
  tmx send-keys -t tui "$@"
  tui_wait_change "$_t_before"
}

# tui_send KEY...: send keys that may leave the screen's text as it was
# (cursor movement, a highlight that capture-pane -p does not show),
# then wait for it to settle.
tui_send ()
{
  tmx send-keys -t tui "$@"
  tui_settle
}

# tui_keys_same KEY...: send keys that should leave the screen's text as
# it was (a key that says again what is said, a command typed at a
# shell that prints nothing): give a slow program a second to show
# otherwise, then wait for the screen to settle.  A test whose keys go
# and come back (g then '') sends them in two tui_keys instead, so that
# each is seen to be taken.
tui_keys_same ()
{
  _t_before=$(tui_capture)
  tmx send-keys -t tui "$@"
  _t_i=0
  while [ $_t_i -lt 20 ] && [ "$(tui_capture)" = "$_t_before" ]; do
    tui_pause
    _t_i=$((_t_i + 1))
  done
  tui_settle
}

# tui_cursor: the cursor's column (0-based) and row, as "X Y".
tui_cursor () { tmx display-message -p -t tui '#{cursor_x} #{cursor_y}'; }

# tui_type TEXT: type TEXT literally (UTF-8 welcome), then wait as above.
tui_type ()
{
  _t_before=$(tui_capture)
  tmx send-keys -t tui -l -- "$1"
  tui_wait_change "$_t_before"
}

# tui_wait_change BEFORE: wait until the screen differs from BEFORE, then
# until it settles.
tui_wait_change ()
{
  _t_i=0
  while [ $_t_i -lt $tui_polls ]; do
    [ "$(tui_capture)" != "$1" ] && break
    tui_pause
    _t_i=$((_t_i + 1))
  done
  # Keys that change nothing waited the whole time allowed, half a
  # minute lost each time: a test sends those with tui_send or
  # tui_keys_same, and this one fails.
  if [ $_t_i -ge $tui_polls ]; then
    # Where, when bash runs the test (dash has no BASH_LINENO, nor
    # arrays to parse).
    _t_where=?
    [ -n "${BASH_VERSION:-}" ] && eval '_t_where="${BASH_LINENO[*]}"'
    tui_diag "the screen did not change (lines $_t_where of the driver" \
      "and the test): tui_send or tui_keys_same is for such keys"
    tui_status=1
  fi
  tui_settle
}

# tui_resize W H: resize the window; the program gets SIGWINCH.
tui_resize ()
{
  _t_before=$(tui_capture)
  tmx resize-window -t tui -x "$1" -y "$2"
  tui_wait_change "$_t_before"
}

# tui_wait_exit: wait for casebook to exit; prints its exit status (or
# "timeout").
tui_wait_exit ()
{
  _t_i=0
  while [ $_t_i -lt $tui_polls ]; do
    if [ -s "$tui_dir/status.$tui_run" ]; then
      cat "$tui_dir/status.$tui_run"
      return 0
    fi
    tui_pause
    _t_i=$((_t_i + 1))
  done
  echo timeout
  return 1
}

# tui_stty_restored: did the terminal modes after the run equal those
# before it?
tui_stty_restored ()
{
  cmp -s "$tui_dir/stty.before.$tui_run" "$tui_dir/stty.after.$tui_run"
}

# tui_program_pid: the pid of casebook in the session (the pane's shell
# runs it as a child).
tui_program_pid ()
{
  _t_shell=$(tmx display-message -p -t tui '#{pane_pid}')
  pgrep -P "$_t_shell" 2>/dev/null | head -n 1
}

# --- expectations ------------------------------------------------------------

# tui_expect_screen NAME DESCRIPTION: compare the screen with
# expected/NAME.txt.
tui_expect_screen ()
{
  _t_file=$tui_expected/$1.txt
  tui_capture > "$tui_dir/got"
  if [ "${TUI_UPDATE:-}" = 1 ]; then
    cp "$tui_dir/got" "$_t_file"
  fi
  if diff -u "$_t_file" "$tui_dir/got" > "$tui_dir/diff" 2>&1; then
    tui_ok 0 "$2"
  else
    tui_ok 1 "$2"
    tui_diag "expected the screen in $_t_file; got (diff -u expected got):"
    tui_diag_stdin < "$tui_dir/diff"
  fi
}

# tui_expect_line N REGEX DESCRIPTION: line N of the screen matches REGEX.
tui_expect_line ()
{
  _t_got=$(tui_line "$1")
  if printf '%s\n' "$_t_got" | grep -Eq -- "$2"; then
    tui_ok 0 "$3"
  else
    tui_ok 1 "$3"
    tui_diag "expected line $1 to match /$2/; it was:" "$_t_got"
  fi
}

# tui_expect_has REGEX DESCRIPTION [-e]: some line of the screen
# matches REGEX.
tui_expect_has ()
{
  if tui_capture ${3:-} | grep -Eq -- "$1"; then
    tui_ok 0 "$2"
  else
    tui_ok 1 "$2"
    tui_diag "expected the screen to match /$1/; it was:"
    tui_capture ${3:-} | cat -v | tui_diag_stdin
  fi
}

# tui_expect_msg REGEX DESCRIPTION: the status line's message matches
# REGEX, read whole when it is wrapped over the lines above (the bottom
# six lines joined, the position at the end taken off; each break read
# both as a space and as none, since a long word is broken too).
tui_expect_msg ()
{
  _t_tail=$(tui_capture | tail -n 6 |
    sed -E 's/ +(\[& [0-9]+\/[0-9]+\] +)?[0-9]+\/[0-9]+ +[0-9]+%$//; s/ +$//')
  if printf '%s\n' "$_t_tail" | tr '\n' ' ' | grep -Eq -- "$1" ||
     printf '%s\n' "$_t_tail" | tr -d '\n' | grep -Eq -- "$1"; then
    tui_ok 0 "$2"
  else
    tui_ok 1 "$2"
    tui_diag "expected the message to match /$1/; the screen's end was:"
    printf '%s\n' "$_t_tail" | cat -v | tui_diag_stdin
  fi
}

# tui_expect_not REGEX DESCRIPTION [-e]: no line of the screen matches
# REGEX.
tui_expect_not ()
{
  if tui_capture ${3:-} | grep -Eq -- "$1"; then
    tui_ok 1 "$2"
    tui_diag "expected the screen not to match /$1/; it was:"
    tui_capture ${3:-} | cat -v | tui_diag_stdin
  else
    tui_ok 0 "$2"
  fi
}

# tui_expect_eq GOT WANT DESCRIPTION
tui_expect_eq ()
{
  if [ "$1" = "$2" ]; then
    tui_ok 0 "$3"
  else
    tui_ok 1 "$3"
    tui_diag "expected: $2" "got:      $1"
  fi
}

# tui_finish: end the script with the right status.
tui_finish () { exit $tui_status; }
