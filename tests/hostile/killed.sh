#!/bin/sh
# kill -9 in the middle of an index build, and in the middle of the
# update of one document: the next search answers exactly as a search
# with a fresh cache does.  SQLite's journal undoes what was half
# written; casebook rebuilds what it cannot trust.
. "$top_srcdir/tests/hostile/lib.sh"

c=$TMPD/corpus
CASEBOOK_SHIPPED=$top_srcdir/content \
  sh "$top_srcdir/tests/bench/mkcorpus" 600 "$c" >/dev/null || exit 99
export XDG_CACHE_HOME="$TMPD/cache"

# killed QUERY: start a search that must (re)index, kill it with SIGKILL
# once its database exists and a moment more, and say how it ended.
killed () {
  "$CASEBOOK" search --count --content "$c" "$1" >/dev/null 2>&1 &
  pid=$!
  i=0
  while [ $i -lt 250 ] && ! ls "$XDG_CACHE_HOME"/casebook/index-*.db \
        >/dev/null 2>&1; do
    sleep 0.02
    i=$((i + 1))
  done
  sleep 0.3
  kill -9 $pid 2>/dev/null
  wait $pid
  st=$?
}

# answers: each query's counts with this cache and with a fresh one.
answers () {
  for q in 巡回检察 'circuit inspection' procuratorial zzyzxq; do
    "$CASEBOOK" search --count --no-correct --content "$c" "$q" 2>/dev/null
    echo "[$?]"
  done > "$TMPD/got"
  for q in 巡回检察 'circuit inspection' procuratorial zzyzxq; do
    XDG_CACHE_HOME="$TMPD/fresh.$1" \
      "$CASEBOOK" search --count --no-correct --content "$c" "$q" 2>/dev/null
    echo "[$?]"
  done > "$TMPD/want"
}

killed 巡回检察
if [ "$st" -eq 137 ]; then
  answers 1
  same "$TMPD/got" "$TMPD/want" "after kill -9 during the index build, searches answer as with a fresh index"
else
  ok 0 "# SKIP the build finished before it could be killed (status $st)"
fi

# An edit, and the search that indexes it again killed: 200 documents
# changed at once, so that the update takes long enough to be cut.
i=1
for f in "$c"/00*.cb; do
  [ $i -gt 200 ] && break
  printf '\nzh: 补充一段巡回检察的说明。\nen: A further note on circuit inspection.\n' >> "$f"
  i=$((i + 1))
done
killed 巡回检察
if [ "$st" -eq 137 ]; then
  answers 2
  same "$TMPD/got" "$TMPD/want" "after kill -9 during an update, searches answer as with a fresh index"
else
  ok 0 "# SKIP the update finished before it could be killed (status $st)"
fi
done_testing
