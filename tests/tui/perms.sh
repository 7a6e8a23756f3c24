#!/bin/sh
# The browser as an ordinary user (even when the suite runs as root, see
# tests/hostile/user-lib.sh) with a read-only $XDG_STATE_HOME, a
# read-only $XDG_CACHE_HOME and an unreadable state file: it opens,
# searches and quits as usual, and says once why it cannot save.
. "$top_srcdir/tests/tui/driver.sh"
TMPD=$tui_dir
. "$top_srcdir/tests/hostile/user-lib.sh"
tui_plan 15

user_setup
ready=$?
trap 'tui_cleanup; rm -rf "$USER_DIR"' EXIT
if [ $ready -ne 0 ]; then
  for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
    echo "ok $i # SKIP running as root without setpriv or the user nobody"
  done
  exit 0
fi

user_copy "$tui_data/sample" sample
mkdir "$USER_DIR/ro" "$USER_DIR/rw"
chmod 555 "$USER_DIR/ro"
# Writable by all, as /tmp is (sticky): the user's casebook directory
# in it is then the user's alone (a directory others may rename is
# not used).
chmod 1777 "$USER_DIR/rw"

# ustart STATE CACHE: the browser on the sample, as the test user.
ustart () {
  _u_saved=$CASEBOOK
  if [ -n "$AS_USER" ]; then
    CASEBOOK=setpriv
    tui_start 100 30 "XDG_STATE_HOME=$1" "XDG_CACHE_HOME=$2" \
      "XDG_CONFIG_HOME=$USER_DIR/config" -- \
      ${AS_USER#setpriv } "$UCASEBOOK" --content "$USER_DIR/sample" --lang en
  else
    tui_start 100 30 "XDG_STATE_HOME=$1" "XDG_CACHE_HOME=$2" -- \
      --content "$USER_DIR/sample" --lang en
  fi
  CASEBOOK=$_u_saved
}

# A read-only state directory: found as the browser starts, not when it
# quits with marks made.
ustart "$USER_DIR/ro" "$USER_DIR/rw"
tui_wait_for 'will not be saved'
tui_expect_line 1 'cases' "read-only state: the browser opens"
tui_expect_msg "Positions and marks will not be saved \\($USER_DIR/ro: Permission denied\\)" \
  "read-only state: says so as it starts, and why"
tui_keys m a
tui_expect_msg 'Mark a set, for this session only' \
  "read-only state: m says the mark lasts this session only"
tui_keys / 
tui_type 'circuit'
tui_keys Enter
tui_expect_line 30 '^circuit — ' "read-only state: searching works"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "read-only state: quits with status 0"
tui_expect_not 'cannot save' "read-only state: and says no more as it quits"

# A read-only cache directory.
ustart "$USER_DIR/rw" "$USER_DIR/ro"
tui_wait_for 'h: help'
tui_keys / 
tui_type 'circuit'
tui_keys Enter
# Opened when the prompt opened, the index says once, as the prompt
# closes, why the cache is not used; the next key shows the search.
tui_expect_msg 'not using the cache directory .*Permission denied' \
  "read-only cache: says once why the cache is not used"
tui_keys n
tui_expect_line 30 '^circuit — ' "read-only cache: searching works"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "read-only cache: quits with status 0"
tui_expect_not 'warning|cannot' "read-only cache: nothing to complain about"
[ -s "$USER_DIR/rw/casebook/state" ]
tui_ok $? "read-only cache: the state is saved"

# An unreadable state file: reported, and not written over.
chmod 000 "$USER_DIR/rw/casebook/state"
before=$(stat -c "%s %Y %a" "$USER_DIR/rw/casebook/state")
ustart "$USER_DIR/rw" "$USER_DIR/rw"
tui_wait_for 'state'
tui_expect_msg 'Ignoring the saved state.*Permission denied.*: positions and marks will not be saved' \
  "an unreadable state file is reported, and that nothing will be saved"
tui_keys j q
tui_expect_eq "$(tui_wait_exit)" 0 "and is not fatal"
tui_expect_not 'cannot save' "nothing more is said"
tui_expect_eq "$(stat -c "%s %Y %a" "$USER_DIR/rw/casebook/state")" "$before" \
  "the unreadable state file is left as it was"
tui_finish
