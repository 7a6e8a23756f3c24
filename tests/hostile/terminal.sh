#!/bin/sh
# Hostile terminals and pipes for the command line: no TERM, TERM=dumb,
# the C locale, stdin from /dev/null, stdout closed, full or cut short,
# odd COLUMNS.  (The browser's terminal sizes and resizes are tests/tui's.)
. "$top_srcdir/tests/hostile/lib.sh"

trun list --content "$GOOD" --lang en
cp "$TMPD/out" "$TMPD/list"
is "$rc" 0 "the reference list"

# term NAME ENV...: list under ENV gives the reference list, quietly.
term () {
  name=$1
  shift
  env "$@" timeout "$LIMIT" "$CASEBOOK" list --content "$GOOD" --lang en \
    >"$TMPD/out" 2>"$TMPD/err" </dev/null
  rc=$?
  is "$rc" 0 "$name: exit 0"
  same "$TMPD/out" "$TMPD/list" "$name: the same list"
  is "$(cat "$TMPD/err")" "" "$name: nothing on stderr"
}

term "TERM unset" -u TERM
term "TERM=dumb" TERM=dumb
term "TERM=xterm-256color without a terminal" TERM=xterm-256color
term "TERM names no terminal" TERM=no-such-terminal-xyz
term "LANG=C" LANG=C LC_ALL=C
term "LANG=C with LC_ALL unset" -u LC_ALL LANG=C
term "LANG=POSIX and TERM unset" -u TERM -u LC_ALL LANG=POSIX
term "an unknown locale" LC_ALL=xx_YY.UTF-8

# No command and no terminal: list, whatever TERM says.
env -u TERM timeout "$LIMIT" "$CASEBOOK" --content "$GOOD" --lang en \
  >"$TMPD/out" 2>"$TMPD/err" </dev/null
is "$?" 0 "no command, stdin from /dev/null, TERM unset: exit 0"
same "$TMPD/out" "$TMPD/list" "no command, stdin from /dev/null: the list"
TERM=dumb timeout "$LIMIT" "$CASEBOOK" --content "$GOOD" --lang en \
  >"$TMPD/out" 2>"$TMPD/err" </dev/null
same "$TMPD/out" "$TMPD/list" "no command, TERM=dumb: the list"

# Chinese text in the C locale is still written as UTF-8, and searched.
env LC_ALL=C timeout "$LIMIT" "$CASEBOOK" search --content "$GOOD" 巡回检察 \
  >"$TMPD/out" 2>"$TMPD/err" </dev/null
is "$?" 0 "LANG=C: a Chinese search exits 0"
has "$TMPD/out" "title zh: 广西检察机关深化巡回检察" "LANG=C: and finds the Chinese title"
env LC_ALL=C timeout "$LIMIT" "$CASEBOOK" show 1 --content "$GOOD" --lang zh \
  >"$TMPD/out" 2>"$TMPD/err" </dev/null
has "$TMPD/out" "广西检察机关深化巡回检察" "LANG=C: show in Chinese"
clean "$TMPD/out" "LANG=C: show prints nothing raw"

# stdout closed: exit 2 with one message, not SIGPIPE noise.
for cmd in "list" "show 1" "tags" "search circuit"; do
  # shellcheck disable=SC2086
  timeout "$LIMIT" "$CASEBOOK" $cmd --content "$GOOD" >&- 2>"$TMPD/err" </dev/null
  rc=$?
  is "$rc" 2 "$cmd >&-: exit 2"
  is "$(cat "$TMPD/err")" "casebook: write error: Bad file descriptor" "$cmd >&-: says why, once"
done
if [ -w /dev/full ]; then
  timeout "$LIMIT" "$CASEBOOK" show 1 --content "$GOOD" >/dev/full 2>"$TMPD/err"
  rc=$?
  is "$rc" 2 "show >/dev/full: exit 2"
  is "$(cat "$TMPD/err")" "casebook: write error: No space left on device" "show >/dev/full: says why"
else
  skip "show >/dev/full: exit 2" "no /dev/full"
  skip "show >/dev/full: says why" "no /dev/full"
fi

# A reader that stops early: quiet, whatever the output's size (here
# far more than a pipe holds).
coll big
{
  printf 'casebook-format: 1\nnumber: 1\ntitle.en: Long\n\n'
  awk 'BEGIN {
    printf "keywords.en: k1"; for (i = 2; i <= 5000; i++) printf " | k%d", i; print ""
    for (i = 1; i <= 5000; i++) printf "\nen: Text %d of the long document.\n", i
  }'
} >"$TMPD/big/01.cb"
for cmd in "list --content $GOOD" "show 1 --content $TMPD/big" \
           "search -n 100000 --content $TMPD/big text" "tags --content $TMPD/big"; do
  # shellcheck disable=SC2086
  timeout "$LIMIT" "$CASEBOOK" $cmd 2>"$TMPD/err" </dev/null | head -1 >"$TMPD/out"
  is "$(wc -l <"$TMPD/out")" 1 "${cmd%% -*} | head -1: one line"
  is "$(cat "$TMPD/err")" "" "${cmd%% -*} | head -1: nothing on stderr"
done

# COLUMNS is only a hint for a pipe.
for cols in 0 -5 1 x 100000; do
  COLUMNS=$cols timeout "$LIMIT" "$CASEBOOK" show 1 --content "$GOOD" --lang en \
    >"$TMPD/out" 2>"$TMPD/err" </dev/null
  rc=$?
  is "$rc" 0 "COLUMNS=$cols: show exits 0"
  tr -d ' *\n' <"$TMPD/out" >"$TMPD/joined"
  has "$TMPD/joined" "Guangxiprocuratorialorgansdeepencircuitinspection" "COLUMNS=$cols: the title is whole"
done
done_testing
