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

# builds: the databases that first builds are being made in (see
# begin_private in index.c), or that killed builders left.
builds () {
  (cd "$XDG_CACHE_HOME/casebook" 2>/dev/null && ls -A | grep -c '\.build-')
}

killed 巡回检察
if [ "$st" -eq 137 ]; then
  answers 1
  same "$TMPD/got" "$TMPD/want" "after kill -9 during the index build, searches answer as with a fresh index"
else
  ok 0 "# SKIP the build finished before it could be killed (status $st)"
fi
is "$(builds)" 0 "and what the killed build left is gone"

# The first build goes into a database of its own, put in place when it
# is done: one a live builder holds locked stays, one nobody holds (its
# builder was killed) goes, with the files SQLite kept beside it.
rm -rf "$XDG_CACHE_HOME"
mkdir -p "$XDG_CACHE_HOME/casebook"
chmod 700 "$XDG_CACHE_HOME" "$XDG_CACHE_HOME/casebook"
cb=$XDG_CACHE_HOME/casebook
: >"$cb/index-0123456789abcdef.build-Live01.db"
: >"$cb/index-0123456789abcdef.build-Dead01.db"
: >"$cb/index-0123456789abcdef.build-Dead01.db-wal"
: >"$cb/index-0123456789abcdef.build-Gone01.db-shm"
: >"$cb/notours.build-Dead01.db"
if command -v flock >/dev/null 2>&1; then
  flock -x "$cb/index-0123456789abcdef.build-Live01.db" \
    sh -c "touch '$TMPD/locked'; sleep 30" &
  holder=$!
  i=0
  while [ ! -e "$TMPD/locked" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  run search --count --no-correct --content "$c" 巡回检察
  kill $holder 2>/dev/null
  wait $holder 2>/dev/null
  is "$rc" 0 "a search beside another's build in progress works"
  is "$(cd "$cb" && ls -A | grep '\.build-' | tr '\n' ' ')" \
    "index-0123456789abcdef.build-Live01.db notours.build-Dead01.db " \
    "and removes what killed builders left, and nothing else"
else
  ok 0 "# SKIP flock(1) is missing"
  ok 0 "# SKIP flock(1) is missing"
fi
is "$(ls "$cb"/index-*.db | grep -vc '\.build-')" 1 "the index built is in its place"
is "$(stat -c %a "$(ls "$cb"/index-*.db | grep -v '\.build-')")" 600 \
  "readable by its owner alone"

# Two first builds at once: both answer right, and one index is kept.
rm -rf "$XDG_CACHE_HOME"
for k in 1 2; do
  "$CASEBOOK" search --count --no-correct --content "$c" procuratorial \
    >"$TMPD/both.$k" 2>"$TMPD/both.err.$k" &
done
wait
"$CASEBOOK" search --count --no-correct --content "$c" procuratorial >"$TMPD/after"
XDG_CACHE_HOME="$TMPD/fresh.both" \
  "$CASEBOOK" search --count --no-correct --content "$c" procuratorial >"$TMPD/want"
same "$TMPD/both.1" "$TMPD/want" "two first builds at once: the first answers right"
same "$TMPD/both.2" "$TMPD/want" "and the second"
is "$(cat "$TMPD/both.err.1" "$TMPD/both.err.2")" "" "and neither complains"
same "$TMPD/after" "$TMPD/want" "the index kept answers right"
is "$(ls -A "$XDG_CACHE_HOME/casebook" | grep -c '^index-.*\.db$')" 1 \
  "and it is the only one, nothing of the other build left"

# An index removed without the log SQLite kept beside it (rm index-*.db,
# a removal cut short), a log holding what was never copied into the
# database: the next first build must not have it played over its own.
if command -v sqlite3 >/dev/null 2>&1; then
  db=$(ls "$XDG_CACHE_HOME"/casebook/index-*.db)
  sqlite3 "$db" 'PRAGMA wal_autocheckpoint=0;' \
    'DELETE FROM docs WHERE id % 2 = 0;' ".shell cp '$db-wal' '$TMPD/wal'" \
    >/dev/null 2>&1
  rm -f "$db"
  cp "$TMPD/wal" "$db-wal"
  run search --count --no-correct --content "$c" procuratorial
  same "$TMPD/out" "$TMPD/want" \
    "an index removed without its log: the next build answers right"
  run search --count --no-correct --content "$c" procuratorial
  same "$TMPD/out" "$TMPD/want" "and so does the search after it"
else
  ok 0 "# SKIP sqlite3 is missing"
  ok 0 "# SKIP sqlite3 is missing"
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

# kill -9 during import --add or library remove leaves .NAME.new.PID (a
# collection half written) or .NAME.old.PID (one half deleted) in the
# library, out of sight: the next install or removal clears what a
# process that is gone left, and keeps what a live one is writing.
export XDG_DATA_HOME="$TMPD/data"
lib=$XDG_DATA_HOME/casebook/collections
html=$top_srcdir/tests/data/html/div-p.html
# plant: what killed writers (a pid no longer running) leave, and a
# live writer's (this shell's) directory.
plant () {
  dead=$(sh -c 'echo $$')
  mkdir -p "$lib/.half.new.$dead" "$lib/.gone.old.$dead" "$lib/.live.new.$$"
  echo 'casebook-format: 1' >"$lib/.half.new.$dead/collection.cb"
  echo 'zh: 半' >"$lib/.gone.old.$dead/01.cb"
}
left () {
  (cd "$lib" && ls -A | grep -E '^\.(half|gone)\.' | tr '\n' ' ')
}
trun import --add "$html" --name one
plant
trun import --add "$html" --name two
is "$rc" 0 "after kill -9 during an install: the next import --add works"
is "$(left)" "" "and clears what the killed one left"
ok $([ -d "$lib/.live.new.$$" ]; echo $?) "but not what a live one is writing"
plant
trun library remove one
is "$rc" 0 "after kill -9 during a removal: the next removal works"
is "$(left)" "" "and clears what the killed one left"
ok $([ -d "$lib/.live.new.$$" ]; echo $?) "but not what a live one is writing"
trun library
is "$(awk 'NR > 1 { print $1 }' "$TMPD/out" | tr '\n' ' ')" "batch3 two " \
  "and the library lists only its collections"
done_testing
