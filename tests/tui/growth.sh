#!/bin/sh
# The browser's first screen (which builds the table of every tag) on one
# document of 2,500 and of 10,000 keywords: the larger may take at most 6
# times as long.  A ratio, not a wall time.  The table compared every
# keyword with every tag so far: 20,000 keywords took 17 s to open.
. "$top_srcdir/tests/tui/driver.sh"
. "$top_srcdir/tests/hostile/growth-lib.sh"
tui_plan 5

# first_screen DIR: milliseconds from start to the first screen, in MS.
first_screen () {
  _f_t0=$(date +%s%N)
  tui_start 100 30 -- --content "$1" --lang en
  _f_i=0
  while [ $_f_i -lt 1500 ] && ! tui_capture | grep -q 'h: help'; do
    sleep 0.02
    _f_i=$((_f_i + 1))
  done
  _f_t1=$(date +%s%N)
  MS=$(( (_f_t1 - _f_t0) / 1000000 ))
  tui_capture | grep -q 'h: help'
  _f_seen=$?
  tui_keys q
  tui_wait_exit >/dev/null
  return $_f_seen
}

for n in 2500 10000; do gen_keywords "$tui_dir/k$n" $n; done
best () {   # best DIR: the faster of two first screens, in MS
  first_screen "$1" || return 1
  _b=$MS
  first_screen "$1" || return 1
  [ "$MS" -gt "$_b" ] && MS=$_b
  return 0
}
best "$tui_dir/k2500"; s1=$?; ms1=$MS
best "$tui_dir/k10000"; s2=$?; ms2=$MS
tui_diag "first screen: 2,500 keywords ${ms1} ms; 10,000 keywords ${ms2} ms"
tui_ok $s1 "the first screen of 2,500 keywords appears"
tui_ok $s2 "the first screen of 10,000 keywords appears"
[ "$ms1" -lt 100 ] && ms1=100
tui_ok $(( ms2 > 6 * ms1 )) "it takes at most 6 times as long for 4 times the keywords"

tui_start 100 30 -- --content "$tui_dir/k10000" --lang en
tui_wait_for 'h: help'
tui_keys t
tui_expect_has '^ keyword 1 \(关键词1\) +1│' "t: all 10,000 tags, each in its one case"
tui_keys q
tui_expect_eq "$(tui_wait_exit)" 0 "quits with status 0"
tui_finish
