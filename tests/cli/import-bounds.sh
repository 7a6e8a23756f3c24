#!/bin/sh
# casebook import reads only what it can: no devices, no endless pipes,
# nothing empty; a documented limit that --max-size raises.
. "$top_srcdir/tests/cli/lib.sh"

# 1 GB: an unbounded read would fail here.  Not under AddressSanitizer or
# valgrind, which reserve far more address space than they use.
case "${ASAN_OPTIONS:-}:$CASEBOOK" in
  ?*:*|*/valgrind/*) ;;
  *) ulimit -v 1000000 2>/dev/null ;;
esac
run import /dev/zero -o "$TMPD/zero"
is "$rc" 2 "/dev/zero is refused"
has "$TMPD/err" "casebook: /dev/zero: cannot read: not a regular file" "as not a regular file"
ok $([ ! -e "$TMPD/zero" ]; echo $?) "and nothing is written"

run import /dev/null -o "$TMPD/null"
is "$rc" 2 "/dev/null is refused"
ok $([ ! -e "$TMPD/null" ] && [ ! -e null.collection ]; echo $?) "no empty collection appears"

: >"$TMPD/empty.txt"
run import "$TMPD/empty.txt" -o "$TMPD/empty"
is "$rc" 2 "an empty file is refused"
has "$TMPD/err" "empty.txt: empty input: nothing to import" "with a clear error"

timeout 60 sh -c "yes | '$CASEBOOK' import - -o '$TMPD/yes' >'$TMPD/out' 2>'$TMPD/err'"
is "$?" 2 "an endless pipe on standard input stops at the limit"
has "$TMPD/err" "casebook: standard input: larger than the import limit of 67108864 bytes" "and says so"
has "$TMPD/err" "--max-size" "naming the option that raises it"

printf '案例1\n标题\n正文。\n' >"$TMPD/small.txt"
run import "$TMPD/small.txt" -o "$TMPD/small" --max-size=10
is "$rc" 2 "a file over --max-size is refused"
run import "$TMPD/small.txt" -o "$TMPD/small" --max-size=1K
is "$rc" 0 "within it, it imports"
run import "$TMPD/small.txt" -o "$TMPD/x" --max-size=lots
is "$rc" 2 "a bad --max-size is a usage error"

mkfifo "$TMPD/fifo" 2>/dev/null && {
  run import "$TMPD/fifo" -o "$TMPD/fifo.d"
  is "$rc" 2 "a FIFO is refused without waiting for a writer"
}
run import - <"$TMPD/small.txt"
is "$rc" 2 "standard input needs -o or --add"
done_testing
