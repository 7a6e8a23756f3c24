#!/bin/sh
# casebook import on hostile pages: deep nesting and texts beyond
# libxml2's default limits are read whole, never cut short in silence.
. "$top_srcdir/tests/hostile/lib.sh"
LIMIT=${HOSTILE_TIMEOUT:-30}

# case_html N: one case of three paragraphs, as a page's markup.
case_html () {
  printf '<p>案例%s</p><p>某某检察院办理的第%s号案件</p>\n' "$1" "$1"
  printf '<p>检察机关依法履行职责，办理了这起案件。</p>\n%.0s' 1 2 3
}

# The article nested 10,000 elements deep.  Before, libxml2 stopped
# reading at 256 and import said the page had no article.
{
  printf '<html><body>'
  awk 'BEGIN { for (i = 0; i < 10000; i++) printf "<div>" }'
  printf '<article>'
  case_html 1
  printf '</article>'
  awk 'BEGIN { for (i = 0; i < 10000; i++) printf "</div>" }'
  printf '</body></html>\n'
} >"$TMPD/deep.html"
trun import "$TMPD/deep.html" -o "$TMPD/deep"
is "$rc" 0 "an article nested 10,000 deep imports"
has "$TMPD/err" "imported 1 document (4 texts)" "every text of it"

# A paragraph of 12 MB (4 million Chinese characters).  Before, it was
# cut at 10 MB without a warning.
{
  printf '<html><body><article>'
  case_html 1
  printf '<p>'
  awk 'BEGIN { s = "长"; for (i = 0; i < 22; i++) s = s s; print s }'
  printf '</p></article></body></html>\n'
} >"$TMPD/long.html"
trun import "$TMPD/long.html" -o "$TMPD/long"
is "$rc" 0 "a page with a 12 MB paragraph imports"
is "$(grep -c '^zh: 长长长' "$TMPD/long/01.cb")" 1 "the paragraph is a text"
is "$(sed -n 's/^zh: \(长*\)$/\1/p' "$TMPD/long/01.cb" | wc -c)" $((3 * 4194304 + 1)) \
  "and holds every character"
done_testing
