# growth-lib.sh -- generate large inputs and check that time and peak
# memory grow no faster than the input: a command run on an input of
# size N and of size 4N may take at most 6 times as long (and as much
# memory).  Ratios, never wall times, so the checks hold on a slow or
# busy machine and under sanitizers.  Sourced after a TAP lib.sh.

# Times below this many milliseconds count as this much: process start
# and scheduling noise, not growth.
GROWTH_FLOOR_MS=${GROWTH_FLOOR_MS:-50}
GROWTH_MAX=${GROWTH_MAX:-6}
# Runs of each command; the fastest counts.
GROWTH_RUNS=${GROWTH_RUNS:-3}

# gen_collection DIR: an empty collection directory.
gen_collection () {
  rm -rf "$1"
  mkdir -p "$1"
  printf 'casebook-format: 1\nid: scale\ntitle.en: Scale\n' >"$1/collection.cb"
}

# gen_docs DIR N: N small bilingual documents.
gen_docs () {
  gen_collection "$1"
  awk -v dir="$1" -v n="$2" 'BEGIN {
    for (i = 1; i <= n; i++) {
      f = sprintf ("%s/%06d.cb", dir, i)
      printf "casebook-format: 1\nnumber: %d\ntitle.zh: 第%d号巡回检察案例\ntitle.en: Circuit inspection case %d\nregion.en: Region %d\n\nkeywords.zh: 巡回检察 | 关键词%d\nkeywords.en: circuit inspection | keyword %d\n\nzh: 检察机关开展巡回检察第%d次。\nen: The procuratorate inspected prisons, round %d.\n", i, i, i, i % 31, i, i, i, i > f
      close (f)
    }
  }'
}

# gen_keywords DIR N: one document with N distinct keywords per language.
gen_keywords () {
  gen_collection "$1"
  awk -v n="$2" 'BEGIN {
    printf "casebook-format: 1\nnumber: 1\ntitle.en: Many keywords\n\nkeywords.zh: "
    for (i = 1; i <= n; i++) printf "%s关键词%d", (i > 1 ? " | " : ""), i
    printf "\nkeywords.en: "
    for (i = 1; i <= n; i++) printf "%skeyword %d", (i > 1 ? " | " : ""), i
    printf "\n\nen: One paragraph about keyword 7.\n"
  }' >"$1/01.cb"
}

# gen_glossary DIR N: two small documents and a glossary of N terms.
gen_glossary () {
  gen_docs "$1" 2
  awk -v n="$2" 'BEGIN {
    print "casebook-glossary\t1"
    for (i = 1; i <= n; i++) printf "术语%d\tterm %d\n", i, i
  }' >"$1/glossary.tsv"
}

# gen_paragraphs DIR N [LANG PARAGRAPH [REVISION]]: one document of N
# short paragraphs in LANG (en), each PARAGRAPH with its number for %d
# ("Paragraph %d.").  With REVISION, each is revised as REVISION, in
# sections of 100 whose titles are revised too.
gen_paragraphs () {
  gen_collection "$1"
  awk -v n="$2" -v lang="${3:-en}" -v para="${4:-Paragraph %d.}" \
      -v rev="${5:-}" 'BEGIN {
    printf "casebook-format: 1\nnumber: 1\ntitle.%s: Many paragraphs\n\nkeywords.%s: many | paragraphs\n", lang, lang
    for (i = 1; i <= n; i++) {
      if (rev != "" && i % 100 == 1)
        printf "\nsection.%s: Part %d\nsection.%s.rev: Part %d\n", lang, i, lang, i
      printf "\n%s: " para "\n", lang, i
      if (rev != "") printf "%s.rev: " rev "\n", lang, i
    }
  }' >"$1/01.cb"
}

# gen_bigpara DIR BYTES: one document whose one paragraph is BYTES long.
gen_bigpara () {
  gen_collection "$1"
  {
    printf 'casebook-format: 1\nnumber: 1\ntitle.en: One long paragraph\n\nkeywords.en: long | paragraph\n\nen: '
    awk -v n="$2" 'BEGIN {
      s = "The procuratorate inspected the prison again. "
      for (k = 0; k < 6; k++) s = s s
      m = int (n / length (s))
      for (i = 0; i < m; i++) printf "%s", s
      print ""
    }'
  } >"$1/01.cb"
}

# measure COMMAND: run the shell command COMMAND (output discarded)
# GROWTH_RUNS times; set MS to the fastest run's milliseconds, KB to its peak
# resident memory (0 when /usr/bin/time is missing) and RC to its exit
# status.
measure () {
  MS= KB=0
  _m_i=0
  while [ $_m_i -lt "$GROWTH_RUNS" ]; do
    _m_i=$((_m_i + 1))
    _m_t0=$(date +%s%N)
    if [ -x /usr/bin/time ]; then
      /usr/bin/time -f %M -o "$TMPD/time.out" sh -c "exec $1" >/dev/null 2>"$TMPD/measure.err"
      RC=$?
      _m_kb=$(tail -1 "$TMPD/time.out")
    else
      sh -c "exec $1" >/dev/null 2>"$TMPD/measure.err"
      RC=$?
      _m_kb=0
    fi
    _m_t1=$(date +%s%N)
    _m_ms=$(( (_m_t1 - _m_t0) / 1000000 ))
    if [ -z "$MS" ] || [ "$_m_ms" -lt "$MS" ]; then MS=$_m_ms KB=$_m_kb; fi
  done
}

# growth DESC SMALL LARGE COMMAND: the shell command COMMAND with each
# "@" replaced by SMALL, then by LARGE (the input 4 times as large); time
# and peak memory may grow at most GROWTH_MAX times.  Reports the figures
# as TAP comments.
growth () {
  _g_desc=$1 _g_small=$2 _g_large=$3 _g_cmd=$4
  measure "$(printf '%s' "$_g_cmd" | sed "s|@|$_g_small|g")"
  _g_ms1=$MS _g_kb1=$KB _g_rc1=$RC
  measure "$(printf '%s' "$_g_cmd" | sed "s|@|$_g_large|g")"
  _g_ms2=$MS _g_kb2=$KB _g_rc2=$RC
  echo "# $_g_desc: $_g_small: ${_g_ms1} ms ${_g_kb1} KB; $_g_large: ${_g_ms2} ms ${_g_kb2} KB"
  is "$_g_rc1 $_g_rc2" "0 0" "$_g_desc: both sizes complete"
  [ "$_g_ms1" -lt "$GROWTH_FLOOR_MS" ] && _g_ms1=$GROWTH_FLOOR_MS
  [ "$_g_ms2" -lt "$GROWTH_FLOOR_MS" ] && _g_ms2=$GROWTH_FLOOR_MS
  ok $(( _g_ms2 > GROWTH_MAX * _g_ms1 )) "$_g_desc: time grows at most ${GROWTH_MAX}x for 4x the input"
  if [ "$_g_kb1" -gt 0 ]; then
    ok $(( _g_kb2 > GROWTH_MAX * _g_kb1 )) "$_g_desc: memory grows at most ${GROWTH_MAX}x for 4x the input"
  else
    skip "$_g_desc: memory growth" "/usr/bin/time is missing"
  fi
}
