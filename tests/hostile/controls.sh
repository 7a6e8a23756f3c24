#!/bin/sh
# Escape sequences (CSI, OSC, DCS), C0 and C1 controls in titles, regions,
# sections, headings and paragraphs, and bidirectional overrides and
# zero-width characters in keywords: they load, and every command shows
# them visibly ("^[", "<U+202E>"); only show --raw passes them through, as
# casebook(1) documents.
. "$top_srcdir/tests/hostile/lib.sh"

coll ctl "$HDATA/controls.cb" "$HDATA/bidi-keywords.cb"
trun check "$TMPD/ctl"
is "$rc" 0 "controls and bidi: check passes"
has "$TMPD/out" "2 documents, 7 texts" "controls and bidi: every text loads"
is "$(cat "$TMPD/err")" "" "controls and bidi: no diagnostics"

trun list --content "$TMPD/ctl" --lang en
is "$rc" 0 "list exits 0"
clean "$TMPD/out" "list: nothing raw on stdout"
has "$TMPD/out" "^[]0;pwned^GRegion" "list: the OSC in the region is visible"
has "$TMPD/out" "Title ^[[2J^[[H cleared" "list: the CSI in the title is visible"

trun show 1 --content "$TMPD/ctl" --lang both --width 100
is "$rc" 0 "show exits 0"
clean "$TMPD/out" "show: nothing raw on stdout"
cat >"$TMPD/want" <<'X'
Case: 1 (hostile)
Title: Title ^[[2J^[[H cleared
Region: ^[]0;pwned^GRegion
Collection: Hostile content

  Title ^[[2J^[[H cleared
  C1 <U+009B> CSI and <U+009D> OSC

  ^[[1mSection^[[0m

  1. Heading ^[P+q^[\\ DCS

      段落^[[5m闪烁^[[0m<U+009F>结束
    A paragraph with ^[[31mred^[[0m, an OSC 8 ^[]8;;http://x/^[\\link^[]8;;^[\\, a bell^G, a
  backspace^H and C1 <U+0084> IND.
X
same "$TMPD/out" "$TMPD/want" "show: every control in its visible form"
trun show 2 --content "$TMPD/ctl" --lang both --width 100
clean "$TMPD/out" "show: keywords with bidi and zero-width characters are clean"
has "$TMPD/out" "巡回<U+202E>检察 | 减<U+200B>假<U+200D>暂 | <U+2066>隔离<U+2069>" "show: each hidden character is named"
has "$TMPD/out" "<U+202E>txet desrever<U+202C> and a zero<U+200B>width space." "show: an override in a paragraph is named"

trun tags --content "$TMPD/ctl" --lang en
is "$rc" 0 "tags exits 0"
clean "$TMPD/out" "tags: nothing raw on stdout"
has "$TMPD/out" "zero<U+200B>width<U+FEFF> (减<U+200B>假<U+200D>暂)	2" "tags: zero-width characters are named"

trun search --content "$TMPD/ctl" 闪烁
is "$rc" 0 "search finds text between escapes"
clean "$TMPD/out" "search: the snippet is clean"
has "$TMPD/out" "段落^[[5m闪烁^[[0m<U+009F>结束" "search: the snippet shows the escapes"
trun search --content "$TMPD/ctl" "tag:zero​width﻿"
is "$rc" 0 "tag: with the hidden characters finds the document"
is "$(head -1 "$TMPD/out")" "Case 2  Keywords that hide and reverse  (1 hit)" "tag: names it"

# Format characters, private use and unassigned code points draw nothing
# (or something private) and can hide text: TAG characters spell "hide"
# invisibly in a title, invisible operators, soft hyphens, annotation
# marks, U+180E, deprecated format characters.  Each is named.
coll inv "$HDATA/invisible.cb"
trun list --content "$TMPD/inv" --lang en
is "$rc" 0 "invisible: list exits 0"
clean "$TMPD/out" "invisible: list: nothing hidden on stdout"
has "$TMPD/out" "Soft<U+00AD>hyphen region  Tag<U+E0068><U+E0069><U+E0064><U+E0065> title" "invisible: list names TAG characters and the soft hyphen"
trun show 3 --content "$TMPD/inv" --lang both --width 100
is "$rc" 0 "invisible: show exits 0"
clean "$TMPD/out" "invisible: show: nothing hidden on stdout"
cat >"$TMPD/want" <<'X'
Case: 3 (hostile)
Title: 标签<U+E0041>标题
Title: Tag<U+E0068><U+E0069><U+E0064><U+E0065> title
Region: Soft<U+00AD>hyphen region
Collection: Hostile content

  标签<U+E0041>标题
  Tag<U+E0068><U+E0069><U+E0064><U+E0065> title

  隐<U+2061>藏 | 软<U+00AD>连字
  func<U+2062>tion | mongolian<U+180E>vowel

      文本<U+2064>中<U+F0000>间<U+200C>隔<U+FFFE>止。
    Annotation <U+FFF9>anchor<U+FFFA>text<U+FFFB>, private <U+E000> use, unassigned <U+0378> here,
  deprecated <U+206A>swap<U+206F> and a tag <U+E0078> end.
X
same "$TMPD/out" "$TMPD/want" "invisible: show names every hidden character"
trun tags --content "$TMPD/inv" --lang en
clean "$TMPD/out" "invisible: tags: nothing hidden on stdout"
has "$TMPD/out" "mongolian<U+180E>vowel (软<U+00AD>连字)	3" "invisible: tags names them"
trun search --content "$TMPD/inv" annotation
is "$rc" 0 "invisible: search finds the paragraph"
clean "$TMPD/out" "invisible: search: nothing hidden on stdout"
has "$TMPD/out" "Annotation <U+FFF9>anchor<U+FFFA>text<U+FFFB>, private <U+E000>" "invisible: the snippet names them"
# JSON keeps the exact values, escaped: a JSON reader gets the text back,
# a terminal showing the JSON gets nothing hidden.
trun list --content "$TMPD/inv" --json
clean "$TMPD/out" "invisible: list --json: nothing hidden"
has "$TMPD/out" '"title_en":"Tag\udb40\udc68\udb40\udc69\udb40\udc64\udb40\udc65 title"' "invisible: list --json escapes TAG characters as surrogate pairs"
has "$TMPD/out" '"region_en":"Soft\u00adhyphen region"' "invisible: list --json escapes the soft hyphen"
trun show 3 --content "$TMPD/inv" --json
clean "$TMPD/out" "invisible: show --json: nothing hidden"
has "$TMPD/out" 'Annotation \ufff9anchor\ufffatext\ufffb, private \ue000 use, unassigned \u0378 here, deprecated \u206aswap\u206f' "invisible: show --json escapes each one"
trun tags --content "$TMPD/inv" --json
clean "$TMPD/out" "invisible: tags --json: nothing hidden"
has "$TMPD/out" '{"tag":"func\u2062tion","tag_translated":false,"other":"隐\u2061藏","other_translated":false,"documents":[3],"names":["hostile/3"]}' "invisible: tags --json escapes them"
trun search --content "$TMPD/inv" --json annotation
clean "$TMPD/out" "invisible: search --json: nothing hidden"
has "$TMPD/out" 'Annotation \ufff9anchor' "invisible: search --json escapes them"
printf 'casebook-format: 1\nnumber: 4\nbad line\n' >"$TMPD/inv/$(printf 'x\363\240\201\201y').cb"
trun check "$TMPD/inv"
is "$rc" 2 "invisible: a bad file with a TAG character in its name: check exits 2"
controls "$TMPD/err"
ok $((1 - $?)) "invisible: the file name's TAG character is named in diagnostics"

# Arguments quoted back in error messages are made visible too.
esc=$(printf '\033[2J')
tagc=$(printf '\363\240\201\201')
coll inv2 "$HDATA/invisible.cb"
for args in "show x${esc}${tagc} --content $TMPD/inv2" "--lang ${esc}${tagc} list" \
            "x${esc}${tagc}" "--bad${esc}${tagc}" "list --content $TMPD/no${esc}${tagc}" \
            "--width ${esc} list" "import $TMPD/no${esc}${tagc}"; do
  # shellcheck disable=SC2086
  trun $args
  is "$rc" 2 "a hostile argument ($(printf '%s' "$args" | cut -c1-12 | cat -v)...): exit 2"
  clean "$TMPD/err" "a hostile argument ($(printf '%s' "$args" | cut -c1-12 | cat -v)...): the message is clean"
  has "$TMPD/err" "^[[2J" "a hostile argument ($(printf '%s' "$args" | cut -c1-12 | cat -v)...): quoted visibly"
done

# check names the directory it checked on stdout: made visible too.
cp -R "$TMPD/inv2" "$TMPD/dir${esc}${tagc}"
trun check "$TMPD/dir${esc}${tagc}"
is "$rc" 0 "a directory with an escape in its name: check exits 0"
clean "$TMPD/out" "a directory with an escape in its name: check's summary is clean"
has "$TMPD/out" "dir^[[2J<U+E0041>: 1 document" "a directory with an escape in its name: named visibly"

# --raw is the documented way to pass controls through (show).
trun show 1 --content "$TMPD/ctl" --raw --lang en --width 100
is "$rc" 0 "show --raw exits 0"
if grep -q "$(printf '\033\\[2J')" "$TMPD/out"; then ok 0 "show --raw passes the escape through"
else ok 1 "show --raw passes the escape through"; fi

# JSON escapes C0 controls; a JSON reader, not a terminal, reads it.
trun list --content "$TMPD/ctl" --json
has "$TMPD/out" '"title_en":"Title \u001b[2J\u001b[H cleared"' "list --json escapes ESC as \\u001b"
trun show 1 --content "$TMPD/ctl" --json
has "$TMPD/out" 'a bell\u0007, a backspace\u0008' "show --json escapes BEL and BS"
LC_ALL=C grep -aqP '\xc2[\x80-\x9f]' "$TMPD/out"
ok $((1 - $?)) "show --json escapes C1 controls (U+0080 to U+009F; U+009B is CSI)"

# A file name with an escape in it, in a diagnostic on the terminal.
coll badname "$HDATA/bom.cb"
printf 'casebook-format: 1\nnumber: 2\nbad line\n' >"$TMPD/badname/$(printf '\033]0;pwned\007').cb"
trun check "$TMPD/badname"
is "$rc" 2 "a bad file with an escape in its name: check exits 2"
controls "$TMPD/err"
ok $((1 - $?)) "a file name's escape is made visible in diagnostics"

# The collection's date and source are its file's text too: library
# shows them visibly, however they are written.
coll baddate "$HDATA/bom.cb"
printf 'date: \033]0;pwned\007\033[2J\nsource: a \033[5msource\n' >>"$TMPD/baddate/collection.cb"
trun library --content "$TMPD/baddate"
is "$rc" 0 "a date with escapes: library exits 0"
clean "$TMPD/out" "a date with escapes: library's table is clean"
has "$TMPD/out" "^[]0;pwned^G^[[2J" "a date with escapes: shown visibly"

# What the reader typed, quoted back in a message: made visible in every
# command, as the diagnostics' file names are (a name from a script's
# glob may hold anything).
for c in "export 1 --format x$esc" "export 1 -o $TMPD/none/x$esc" \
         "library remove x$esc" "cite 1 s1$esc" \
         "check --release $TMPD/none$esc $GOOD"; do
  # shellcheck disable=SC2086
  trun --content "$GOOD" $c
  is "$rc" 2 "a typed argument with an escape: ${c%% *} exits 2"
  clean "$TMPD/err" "a typed argument with an escape: ${c%% *} quotes it visibly"
done

# A content directory with errors, named with an escape: search and a
# query's export name it visibly, as list does.
mkdir "$TMPD/broken$esc"
cp -R "$BAD"/* "$TMPD/broken$esc/"
for c in "search circuit" "export circuit" "list"; do
  # shellcheck disable=SC2086
  trun --content "$TMPD/broken$esc" $c
  is "$rc" 2 "content with errors in a directory with an escape: ${c%% *} exits 2"
  clean "$TMPD/err" "content with errors in a directory with an escape: ${c%% *} names it visibly"
done
done_testing
