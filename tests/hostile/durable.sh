#!/bin/sh
# Atomic writes are durable: after each rename of a finished file into
# place, the directory that holds it is synced, so that a crash cannot
# lose a write that casebook reported done.  Watched with strace (import
# writes through util_write_atomic, like the state and the caches).
. "$top_srcdir/tests/hostile/lib.sh"

if ! command -v strace >/dev/null 2>&1 \
   || ! strace -o /dev/null true >/dev/null 2>&1; then
  skip "every renamed file's directory is synced" "strace is missing or not permitted"
  done_testing
  exit 0
fi

release="$top_srcdir/tests/data/release/spp-reform-typical-cases-batch3.txt"
# LeakSanitizer cannot run under ptrace.
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
strace -f -e trace=openat,rename,renameat,renameat2,fsync,close \
  -o "$TMPD/trace" "$CASEBOOK" import "$release" -o "$TMPD/coll" >"$TMPD/out" 2>"$TMPD/err"
is "$?" 0 "import under strace exits 0"
# For every rename to DIR/NAME, a later fsync of a descriptor opened on
# DIR as a directory.
awk '
  /rename/ {
    if (match ($0, /"[^"]*", "[^"]*"\)/)) {
      s = substr ($0, RSTART, RLENGTH)
      sub (/^"[^"]*", "/, "", s); sub (/"\)$/, "", s)
      d = s; sub (/\/[^\/]*$/, "", d)
      pending[d]++; renames++
    }
  }
  /openat\(AT_FDCWD, "[^"]*", O_RDONLY\|O_CLOEXEC\|O_DIRECTORY\) = [0-9]+/ {
    p = $0; sub (/^[^"]*"/, "", p); sub (/".*/, "", p)
    fd = $NF; dirfd[fd] = p
  }
  /fsync\([0-9]+\) *= 0/ {
    fd = $0; sub (/^.*fsync\(/, "", fd); sub (/\).*/, "", fd)
    if (fd in dirfd && pending[dirfd[fd]] > 0) { synced += pending[dirfd[fd]]; pending[dirfd[fd]] = 0 }
  }
  / close\([0-9]+\)/ {
    fd = $0; sub (/^.* close\(/, "", fd); sub (/\).*/, "", fd); delete dirfd[fd]
  }
  END { printf "%d %d\n", renames, synced }
' "$TMPD/trace" >"$TMPD/counts"
read renames synced <"$TMPD/counts"
echo "# $renames renames, $synced followed by a sync of their directory"
ok $(( renames < 10 )) "import renamed its 10 files into place (got $renames)"
is "$synced" "$renames" "every renamed file's directory is synced after the rename"
done_testing
