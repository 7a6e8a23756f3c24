# user-lib.sh -- run casebook as an ordinary user, so that permission
# tests (unreadable files, read-only state and cache directories) mean
# something even when the suite runs as root, as it does in CI.  Root
# reads and writes anything; nobody does not.
#
# user_setup: sets USER_DIR, a fresh directory under /tmp that the test
# user can read (the build tree may not be), with a copy of casebook in
# it; UCASEBOOK, the program to run; and AS_USER, the command prefix that
# runs it as that user (empty when we are not root).  Returns 1 when the
# tests cannot run (root, but no setpriv or no user nobody): skip them.
# The caller removes USER_DIR when it is done.
user_setup () {
  USER_DIR=$(mktemp -d /tmp/cbuser.XXXXXX) || return 1
  chmod 755 "$USER_DIR"
  if [ "$(id -u)" != 0 ]; then
    AS_USER= UCASEBOOK=$CASEBOOK
    return 0
  fi
  command -v setpriv >/dev/null 2>&1 || return 1
  _u_gid=$(id -g nobody 2>/dev/null) || return 1
  AS_USER="setpriv --reuid=nobody --regid=$_u_gid --clear-groups"
  # A wrapper (check-valgrind's) runs the build tree's binary, which
  # nobody may not reach: only a real program can be copied.
  case $(head -c 4 "$CASEBOOK" | od -An -c | tr -d ' ') in
    177ELF) ;;
    *) return 1 ;;
  esac
  cp "$CASEBOOK" "$USER_DIR/casebook" && chmod 755 "$USER_DIR/casebook" || return 1
  UCASEBOOK=$USER_DIR/casebook
  # The user must really be unprivileged: a file of mode 000 stays shut.
  : >"$USER_DIR/probe" && chmod 000 "$USER_DIR/probe"
  if $AS_USER cat "$USER_DIR/probe" >/dev/null 2>&1; then return 1; fi
  $AS_USER "$UCASEBOOK" --version >/dev/null 2>&1
}

# user_copy SRC NAME: copy the directory SRC to $USER_DIR/NAME, readable
# by the test user.
user_copy () {
  rm -rf "$USER_DIR/$2"
  cp -R "$1" "$USER_DIR/$2" && chmod -R a+rX "$USER_DIR/$2"
}

# urun CMD...: like trun, as the test user (stdout in $TMPD/out, stderr in
# $TMPD/err, the status in $rc).
urun () {
  timeout "${LIMIT:-5}" $AS_USER "$UCASEBOOK" "$@" >"$TMPD/out" 2>"$TMPD/err"
  rc=$?
}
