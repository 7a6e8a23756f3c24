#!/bin/sh
# make check-scale: the browser's first screen on the large
# inputs, each at a quarter of its size and at full size: the larger may
# take at most 6 times as long.  Then a query typed at the / prompt
# until the open case's hits are highlighted, in a library of 2500
# documents and of 10000 that all match: the open case is searched
# first, so the larger may take at most twice as long.  Figures as TAP
# comments.
. "$top_srcdir/tests/tui/driver.sh"
. "$top_srcdir/tests/hostile/growth-lib.sh"
tui_plan 21

# first_screen DIR: milliseconds from start to the first screen, in MS;
# then quit.  Fails if the screen never came.
first_screen () {
  _f_t0=$(date +%s%N)
  tui_start 100 30 -- --content "$1" --lang en
  _f_i=0
  while [ $_f_i -lt 6000 ] && ! tui_capture | grep -q 'h: help'; do
    sleep 0.05
    _f_i=$((_f_i + 1))
  done
  _f_t1=$(date +%s%N)
  MS=$(( (_f_t1 - _f_t0) / 1000000 ))
  tui_capture | grep -q 'h: help'
  _f_seen=$?
  tui_keys q
  [ "$(tui_wait_exit)" = 0 ] || _f_seen=1
  return $_f_seen
}

best () {   # best DIR: the faster of two first screens, in MS
  first_screen "$1" || return 1
  _b=$MS
  first_screen "$1" || return 1
  [ "$MS" -gt "$_b" ] && MS=$_b
  return 0
}

# each KIND SMALL LARGE [MAX FLOOR [MEASURE WHAT]]: MEASURE (best: the
# first screen) on gen_KIND's input of both sizes; the larger may take
# at most MAX times (6) as long as the smaller, counted as at least
# FLOOR ms (200).  WHAT names what is measured in the test's words.
each () {
  max=${4:-6} floor=${5:-200} measure=${6:-best}
  what=${7:-the first screen appears and q quits}
  for n in "$2" "$3"; do "gen_$1" "$tui_dir/$1$n" "$n"; done
  "$measure" "$tui_dir/$1$2"; s1=$?; ms1=${MS:-0}
  "$measure" "$tui_dir/$1$3"; s2=$?; ms2=${MS:-99999}
  tui_diag "$1: $measure $2: ${ms1} ms; $3: ${ms2} ms"
  tui_ok $s1 "$1 $2: $what"
  tui_ok $s2 "$1 $3: $what"
  [ "$ms1" -lt "$floor" ] && ms1=$floor
  tui_ok $(( ms2 > max * ms1 )) "$1 $2/$3: $measure takes at most $max times as long"
  rm -rf "$tui_dir/$1$2" "$tui_dir/$1$3"
}

# gen_texts DIR N: 400 documents of N paragraphs each.
gen_texts () {
  gen_collection "$1"
  awk -v dir="$1" -v n="$2" 'BEGIN {
    for (i = 1; i <= 400; i++) {
      f = sprintf ("%s/%03d.cb", dir, i)
      printf "casebook-format: 1\nnumber: %d\ntitle.en: Case %d\n\nkeywords.en: k%d\n", i, i, i % 7 > f
      for (p = 1; p <= n; p++)
        printf "\nen: Paragraph %d of case %d, about circuit inspection of prisons and detention centres.\n", p, i > f
      close (f)
    }
  }'
}

# The list comes from the documents' headers and a text is read when it
# is opened: texts 150 times as long (400 documents, 90 MB) leave
# the first screen nearly as fast.  A whole load would take many times
# as long.
each texts 20 3000 2 100

# typed DIR: milliseconds from typing a query at the / prompt to the
# prompt line's count of the open case's hits ("[1/3]"), the best of
# three, in MS (once the index is built by a first search).
typed () {
  MS=
  tui_start 100 30 -- --content "$1" --lang en
  tui_wait_for 'h: help' || return 1
  tui_keys /
  tui_type circuit
  tui_keys Enter
  tui_wait_for 'hits in' || return 1
  for _t in 1 2 3; do
    tui_keys /
    sleep 0.2
    _t0=$(date +%s%N)
    tmx send-keys -t tui -l inspection
    _i=0
    while [ $_i -lt 6000 ] \
          && ! tui_capture | tail -n 1 | grep -qE '\[[0-9]+/[0-9]+\]$'; do
      _i=$((_i + 1))
    done
    _t1=$(date +%s%N)
    tui_capture | tail -n 1 | grep -qE '\[[0-9]+/[0-9]+\]$' || return 1
    _ms=$(( (_t1 - _t0) / 1000000 ))
    [ -z "$MS" ] || [ "$_ms" -lt "$MS" ] && MS=$_ms
    tui_keys Escape
  done
  tui_keys q
  [ "$(tui_wait_exit)" = 0 ]
}

each docs 2500 10000 2 50 typed \
  "the hits of the open case are counted on the prompt line"
each docs 2500 10000
each keywords 25000 100000
each glossary 50000 200000
each paragraphs 250000 1000000
each bigpara 5000000 20000000
tui_finish
