#!/bin/sh
# make check-scale: the issue's large inputs -- 10,000 documents, 100,000
# keywords, a 200,000-term glossary, one document of 1,000,000
# paragraphs, a 20 MB paragraph -- each at a quarter of that size and at
# full size.  list, show, tags and search complete on each, and time and
# peak memory grow at most 6 times for 4 times the input.  The figures
# are printed as TAP comments ("# ...: N: ms KB; 4N: ms KB").
. "$top_srcdir/tests/hostile/lib.sh"
LIMIT=${SCALE_TIMEOUT:-300}
# The fastest of three runs (later searches read the cache), and times
# under 100 ms count as 100 ms: the machine may be shared.
GROWTH_RUNS=${GROWTH_RUNS:-3}
GROWTH_FLOOR_MS=${GROWTH_FLOOR_MS:-100}
. "$top_srcdir/tests/hostile/growth-lib.sh"
XDG_CACHE_HOME=$TMPD/cache
export XDG_CACHE_HOME
C="'$CASEBOOK'"

# each KIND SMALL LARGE SHOW-ARGS QUERY: every command on KIND's inputs.
each () {
  _kind=$1 _s=$2 _l=$3 _show=$4 _query=$5
  for n in "$_s" "$_l"; do "gen_$_kind" "$TMPD/$_kind$n" "$n"; done
  echo "# $_kind: $(du -sh "$TMPD/$_kind$_s" | cut -f1) and $(du -sh "$TMPD/$_kind$_l" | cut -f1)"
  growth "$_kind $_s/$_l: list" "$_s" "$_l" "$C list --content '$TMPD/$_kind@'"
  growth "$_kind $_s/$_l: show" "$_s" "$_l" "$C show $_show --width 80 --content '$TMPD/$_kind@'"
  growth "$_kind $_s/$_l: tags" "$_s" "$_l" "$C tags --content '$TMPD/$_kind@'"
  growth "$_kind $_s/$_l: search" "$_s" "$_l" "$C search -n 3 --content '$TMPD/$_kind@' '$_query'"
  rm -rf "$TMPD/$_kind$_s" "$TMPD/$_kind$_l" "$TMPD/cache"
}

each docs 2500 10000 1 inspected
each keywords 25000 100000 1 'tag:"keyword 7"'
each glossary 50000 200000 1 inspected
each paragraphs 250000 1000000 1 'Paragraph 7'
each bigpara 5000000 20000000 1 inspected
done_testing
