#!/bin/sh
# Nothing grows faster than its input: loading a glossary, tags, show
# and a tag: search on one long keyword list, and a regex and the
# revised English over one document of many paragraphs, at N and 4N,
# take at most 6 times as long and as much memory.  (The glossary compared each
# term with every earlier one: 40,000 terms took 14 times as long as
# 10,000; splitting a keyword list searched the rest of it at every
# keyword.)  Sizes are small enough for make check; make check-scale
# runs the sizes.
. "$top_srcdir/tests/hostile/lib.sh"
# The fastest of five runs, and times under 100 ms count as 100 ms: the
# machine may be shared and the build instrumented (ASan), and the
# quadratic loads this guards against take seconds at the larger size.
GROWTH_RUNS=${GROWTH_RUNS:-5}
GROWTH_FLOOR_MS=${GROWTH_FLOOR_MS:-100}
. "$top_srcdir/tests/hostile/growth-lib.sh"

for n in 10000 40000; do gen_glossary "$TMPD/g$n" $n; done
growth "a glossary of 10,000 and 40,000 terms: list" 10000 40000 \
  "'$CASEBOOK' list --content '$TMPD/g@'"

for n in 20000 80000; do gen_keywords "$TMPD/k$n" $n; done
growth "one document of 20,000 and 80,000 keywords: tags" 20000 80000 \
  "'$CASEBOOK' tags --content '$TMPD/k@' --lang en"
growth "one document of 20,000 and 80,000 keywords: show" 20000 80000 \
  "'$CASEBOOK' show 1 --content '$TMPD/k@' --lang en"
XDG_CACHE_HOME=$TMPD/cache
export XDG_CACHE_HOME
growth "one document of 20,000 and 80,000 keywords: search tag:" 20000 80000 \
  "'$CASEBOOK' search --content '$TMPD/k@' 'tag:\"keyword 7\"'"

# A regex runs in the paragraphs that hold one of its literals: whether
# the index noted where each paragraph begins was worked out again, by
# walking every paragraph, for every instance of the literal (40,000
# took 8 times as long as 10,000).
for n in 10000 40000; do
  gen_paragraphs "$TMPD/r$n" $n zh '检察官第%d次到场。'
done
growth "one document of 10,000 and 40,000 paragraphs: a regex with a literal in each" \
  10000 40000 "'$CASEBOOK' search --count --content '$TMPD/r@' '/检察[官长]/'"

# The revised English: whether a paragraph was revised was looked up
# in all of the revisions, for every word of the release's English
# found in it and every paragraph a regex read (40,000 revised
# paragraphs took 12 times as long as 10,000; in sections, 20,000 and
# 80,000 took 100 ms and 2 s even with the lookup bisecting, until it
# knew a section's title from its paragraphs).
for n in 20000 80000; do
  gen_paragraphs "$TMPD/v$n" $n en 'The hospital %d.' 'The procuratorate %d.'
done
growth "20,000 and 80,000 revised paragraphs: a word the revision replaced" \
  20000 80000 "'$CASEBOOK' --english=revised search --count --content '$TMPD/v@' 'hospital procuratorate'"
growth "20,000 and 80,000 revised paragraphs: a regex" 20000 80000 \
  "'$CASEBOOK' --english=revised search --count --content '$TMPD/v@' '/procuratorate \\d+/'"

# gen_repeat DIR N TITLE WORD: one document whose one paragraph is WORD
# (with its space) N times.
gen_repeat () {
  gen_collection "$1"
  {
    printf 'casebook-format: 1\nnumber: 1\ntitle.en: %s\n\nen: ' "$3"
    awk -v n="$2" -v w="$4" 'BEGIN { for (i = 0; i < n; i++) printf "%s ", w; print "" }'
  } >"$1/01.cb"
}

# Every hit of one paragraph: the end of each run of hits in the same
# paragraph was looked for again from every hit (100,000 hits took 15
# times as long as 25,000).
for n in 25000 100000; do gen_repeat "$TMPD/h$n" $n "Many hits" zorblax; done
growth "one paragraph of 25,000 and 100,000 hits: every hit (--json)" \
  25000 100000 "'$CASEBOOK' search --json --content '$TMPD/h@' zorblax"

# A regex whose match may be empty before it is not, in one long
# paragraph: the retry after each empty match went through pcre2_match,
# which checks the rest of the text at every call (100,000 took 5 s).
for n in 25000 100000; do gen_repeat "$TMPD/a$n" $n Lookahead ba; done
growth "one paragraph of 25,000 and 100,000 empty matches: a regex" \
  25000 100000 "'$CASEBOOK' search --count --content '$TMPD/a@' '/(?=a)a/'"

# Relating documents takes each one's terms from the index (built by a
# first run, not timed) rather than reading and analysing every file.
for n in 200 800; do
  CASEBOOK_SHIPPED="$top_srcdir/content" \
    sh "$top_srcdir/tests/bench/mkcorpus" $n "$TMPD/rel$n" >/dev/null
  "$CASEBOOK" related 7 --content "$TMPD/rel$n" >/dev/null 2>&1
done
growth "200 and 800 documents, the index built: related" 200 800 \
  "'$CASEBOOK' related 7 --content '$TMPD/rel@'"

# Related reads the index's vocabulary whole (its table words, never
# emptied): each word it read set every slot from the last word's to
# the end of the room made, which doubles (256,000 words took 9 times
# as long as 64,000).  The words are added to the shipped content's.
if command -v sqlite3 >/dev/null 2>&1; then
  for n in 64000 256000; do
    XDG_CACHE_HOME=$TMPD/words$n "$CASEBOOK" related 7 --content "$top_srcdir/content" >/dev/null 2>&1
    sqlite3 "$TMPD"/words$n/casebook/index-*.db "WITH RECURSIVE n(i) AS
      (SELECT (SELECT max(id) + 1 FROM words) UNION ALL
       SELECT i + 1 FROM n WHERE i < $n) INSERT INTO words SELECT i, 'w' || i FROM n"
  done
  growth "a vocabulary of 64,000 and 256,000 words: related" 64000 256000 \
    "env XDG_CACHE_HOME='$TMPD/words@' '$CASEBOOK' related 7 --content '$top_srcdir/content'"
else
  for i in 1 2 3; do skip "a vocabulary of 64,000 and 256,000 words" "sqlite3 is missing"; done
fi
done_testing
