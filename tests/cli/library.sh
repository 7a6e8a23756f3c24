#!/bin/sh
# casebook import --add, casebook library, library remove: the user's
# collections beside the shipped one, named COLLECTION/N.
. "$top_srcdir/tests/cli/lib.sh"
HTML="$top_srcdir/tests/data/html"
XDG_DATA_HOME=$TMPD/data; export XDG_DATA_HOME
unset CASEBOOK_CONTENT
coll=$XDG_DATA_HOME/casebook/collections

run import --add "$HTML/div-p.html" --name exec2023
is "$rc" 0 "import --add installs a collection"
has "$TMPD/err" "into the library as exec2023" "and says where"
ok $([ -f "$coll/exec2023/collection.cb" ]; echo $?) "under \$XDG_DATA_HOME/casebook/collections"
is "$(stat -c %a "$coll")" 700 "the collections directory is private"
is "$(ls -a "$coll" | grep -c '^\.exec2023')" 0 "no temporary directory is left"

run import --add "$HTML/table-br.html"
is "$rc" 0 "without --name, the name comes from the file"
run import --add "$HTML/split-cases.html" --name exec2023
is "$rc" 2 "a name in use is refused"
has "$TMPD/err" "already has a collection named 'exec2023'" "and says so"
run import --add "$HTML/split-cases.html" --name batch3
is "$rc" 2 "the shipped collection's name is refused"
run import --add "$HTML/split-cases.html" --name hearings -o "$TMPD/x"
is "$rc" 2 "--add and -o together are refused"
run import --add "$HTML/split-cases.html" --name hearings
is "$rc" 0 "a third collection"

run library
is "$rc" 0 "library lists the collections"
has "$TMPD/out" "batch3" "the shipped one"
has "$TMPD/out" "exec2023" "and the user's"
is "$(grep -c . "$TMPD/out")" 5 "a heading and four collections"
grep '^exec2023 ' "$TMPD/out" >"$TMPD/line"
has "$TMPD/line" "3" "with its document count"
has "$TMPD/line" "2023-08-02" "its date"
has "$TMPD/line" "div-p.html" "and its source"
grep '^batch3 ' "$TMPD/out" >"$TMPD/line"
has "$TMPD/line" "shipped" "the shipped collection is marked"
# In Chinese the headings are wider in bytes than in columns: each must
# still stand over its column.
LANGUAGE=zh_CN "$CASEBOOK" library >"$TMPD/zh" 2>&1
col_of () { printf '%s' "${1%%"$2"*}" | wc -L; }
zh_head=$(head -n 1 "$TMPD/zh")
zh_row=$(grep '^batch3 ' "$TMPD/zh")
is "$(col_of "$zh_head" 日期)" "$(col_of "$zh_row" 2022-07-14)" "LANGUAGE=zh_CN: the date heading is over the dates"
is "$(col_of "$zh_head" 标题和出处)" "$(col_of "$zh_row" 第三批)" "LANGUAGE=zh_CN: the title heading is over the titles"

# Search spans the library: the shipped batch and the imported ones.
run search --count 罪犯张某因犯诈骗罪
is "$rc" 0 "search finds a case of an imported collection"
run search --json 罪犯张某因犯诈骗罪
has "$TMPD/out" '"collection":"exec2023"' "and names its collection"
run search --count 巡回检察
has "$TMPD/out" "7:" "and still the shipped cases"
# In a library of several collections a plain number names several
# documents: search names each COLLECTION/N, as list does and as show
# takes it back.
run search --count 罪犯张某因犯诈骗罪
grep -v '^exec2023/[0-9]*:[0-9]*$' "$TMPD/out" >"$TMPD/other"
is "$(grep -c . "$TMPD/out"):$(grep -c . "$TMPD/other")" "1:0" "search --count names the collection of each document"
run search --count 巡回检察
has "$TMPD/out" "batch3/7:" "the shipped case as batch3/7"
run search --color=never -n 1 罪犯张某因犯诈骗罪
doc=$(head -n 1 "$TMPD/out" | cut -d' ' -f1)
case $doc in exec2023/[0-9]*) ok 0 "search names a document COLLECTION/N";;
  *) ok 1 "search names a document COLLECTION/N"; echo "# got: $doc";; esac
run show "$doc" --no-pager
is "$rc" 0 "which show takes"
run search --count --content "$SHIPPED" 巡回检察
is "$(grep -c '^7:[0-9]*$' "$TMPD/out")" 1 "content of one collection: plain numbers still"

# tags too: a keyword that case 3 of two collections carries.
"$CASEBOOK" --content "$SHIPPED" export 3 --format html -o "$TMPD/c3.html"
run import --add "$TMPD/c3.html" --name again
run tags --lang zh
grep '^检察权运行 ' "$TMPD/out" >"$TMPD/line"
has "$TMPD/line" "	batch3/3 again/3" "tags names the documents COLLECTION/N in a library of several"
run tags --lang zh --json
has "$TMPD/out" '{"tag":"检察权运行","tag_translated":true,"other":"Procuratorial power operation","other_translated":false,"documents":[3,3],"names":["batch3/3","again/3"]}' \
  "tags --json: the numbers, and the names that tell them apart"
# A keyword list has no citation; the hint names the document as show
# takes it here, where 3 alone is two.
run cite batch3/3 '§1¶1'
has "$TMPD/err" "(casebook show batch3/3 §1 ¶1 shows it)" \
  "cite's hint names COLLECTION/N in a library of several"
# A collection named in another case is it, as collection: takes it.
run show AGAIN/3
has "$TMPD/out" "Case: 3 (again)" "show AGAIN/3 is again/3"
run library remove AGAIN
is "$rc" 0 "library remove AGAIN removes again"
has "$TMPD/err" "removed again from the library" "and says so by its name"

run check
is "$rc" 0 "check covers the whole library"
has "$TMPD/out" "  batch3: 9 documents, Chinese 100%, English 100%" "a line per collection"
has "$TMPD/out" "content and 3 collections of your library: " \
  "and the totals say they are the library's, not the content directory's"
has "$TMPD/out" "  exec2023: 3 documents, Chinese only: no English text in this release" "the imported ones Chinese only"
# A release is compared with the content alone: the collections of the
# library were made from other releases, and each of their texts was a
# warning.
run check --release="$top_srcdir/tests/data/release/spp-reform-typical-cases-batch3.txt"
is "$rc:$(grep -c 'collections/' "$TMPD/err")" "0:0" \
  "check --release with no directory leaves the library's collections out"
run list
has "$TMPD/out" "hearings/2" "list names documents COLLECTION/N in a library of several"
# The names differ in length (batch3, exec2023, hearings): the titles
# start at one column on every line (after the last run of spaces of a
# document's first line: a region may have a space of its own).
ok "$(awk '!/^ / && match($0, /.*  /) { print RLENGTH }' "$TMPD/out" |
        sort -u | wc -l | awk '{ print ($1 == 1) ? 0 : 1 }')" \
  "and the titles line up"
run library --json
is "$(grep -c '^{"collection":' "$TMPD/out")" 4 "library --json: one object per collection"
has "$TMPD/out" '{"collection":"batch3","documents":9,"shipped":true' "with its count and origin"
run list --region 广西
is "$rc" 0 "list --region"
is "$(cat "$TMPD/out" | cut -d' ' -f1)" "batch3/7" "keeps that region's documents"
run list --region guangxi --year 2022
is "$(cat "$TMPD/out" | cut -d' ' -f1)" "batch3/7" "in English, any case, with --year"
run list --year 2023
is "$(grep -c . "$TMPD/out")" 6 "list --year: the two collections of 2023"
run list --year 1999
is "$rc" 1 "nothing that year: exit 1"
run show 7 --year 2022
is "$rc" 2 "an option of another command is refused"
has "$TMPD/err" "casebook: show does not take --year" "and named"
run list --year soon
is "$rc" 2 "a bad --year is a usage error"
run show exec2023/1 --lang zh
is "$rc" 0 "show COLLECTION/N"
has "$TMPD/out" "某监狱罪犯违规减刑监督案" "shows that collection's document"
run show 3 --lang zh
is "$rc" 2 "a plain number in several collections is an error"
has "$TMPD/err" "batch3/3" "that lists the choices"
has "$TMPD/err" "hearings/3" "all of them"
run show 7 --lang en
is "$rc" 0 "a plain number in one collection works"
run show exec2023/1 --lang both
has "$TMPD/out" "no English text in this release" "a Chinese-only case says so in the English column"
# JSON names the collection as the text's header does: hearings/3 and
# batch3/3 are both document 3.
run show hearings/3 --json
is "$(head -1 "$TMPD/out" | grep -o '^{"document":3,"collection":"[a-z0-9]*"')" \
   '{"document":3,"collection":"hearings"' "show --json: the header names the collection"

run library remove batch3
is "$rc" 2 "the shipped collection cannot be removed"
has "$TMPD/err" "shipped" "and says why"
run library remove hearings
is "$rc" 0 "a user's collection is removed"
ok $([ ! -e "$coll/hearings" ]; echo $?) "its directory is gone"
run library remove hearings
is "$rc" 2 "removing it twice is an error"
run library
is "$(grep -c . "$TMPD/out")" 4 "three collections remain"

# A collection broken by hand stops the commands, says how to remove it,
# and can be removed.
mkdir -p "$coll/broken"
printf 'casebook-format: 1\nid: broken\ntitle.zh: 坏\n' >"$coll/broken/collection.cb"
printf 'casebook-format: 1\nnumber: x\n' >"$coll/broken/01.cb"
run list
is "$rc" 2 "a broken user collection stops list"
has "$TMPD/err" "'casebook library remove NAME' removes it" "and says how to remove it"
# search says the same: the shipped content, which check finds
# without fault, was named as the one with errors.
run search --count 巡回检察
is "$rc" 2 "a broken user collection stops search"
has "$TMPD/err" "'casebook library remove NAME' removes it" "and search says how to remove it"
hasnt "$TMPD/err" "content has errors" "not that the content directory has errors"
run library
is "$rc" 0 "library still lists"
has "$TMPD/out" "broken" "the broken collection too"
grep '^broken ' "$TMPD/out" >"$TMPD/line"
has "$TMPD/line" "cannot be read: 01.cb:2: 'number' must be a whole number" "saying it cannot be read, and why"
hasnt "$TMPD/line" "坏" "not with a title as if it could"
run library --json
has "$TMPD/out" '"directory":"'"$coll"'/broken","error":"01.cb:2: '"'"'number'"'"' must be a whole number' "--json: why, as error"
has "$TMPD/out" '"shipped":true,"date":"2022-07-14"' "(a collection that is read has none)"
is "$(grep -c '"error":null}$' "$TMPD/out")" "$(($(grep -c . "$TMPD/out") - 1))" "its error is null"
run library remove broken
is "$rc" 0 "and removes it"
run list
is "$rc" 0 "after which list works again"
# One bad document of several is left out and the rest read: the
# collection is listed as itself, with its error after its title.
mkdir -p "$coll/halfbad"
printf 'casebook-format: 1\nid: halfbad\ntitle.zh: 半坏\n' >"$coll/halfbad/collection.cb"
cp "$(ls "$GOOD"/*.cb | grep -v collection.cb | head -1)" "$coll/halfbad/01.cb"
printf 'casebook-format: 1\nnumber: 2\ntitle.zh: 二\nbogus line\n' >"$coll/halfbad/02.cb"
run library
grep '^halfbad ' "$TMPD/out" >"$TMPD/line"
has "$TMPD/line" "半坏" "a collection with one bad document keeps its title"
has "$TMPD/line" "; with errors: 02.cb:4:" "and says which document has an error"
hasnt "$TMPD/line" "cannot be read" "not that it cannot be read"
run library remove halfbad
# A directory of documents with no collection.cb among the user's
# collections is named too.
mkdir -p "$coll/stray"
cp "$SHIPPED/batch3/07-guangxi.cb" "$coll/stray/"
run list
has "$TMPD/err" "stray: warning: documents here are not read: the directory has no collection.cb" \
  "a stray directory of documents in the library is named"
rm -rf "$coll/stray"
# A copy of the shipped collection, with an error, is left out as a
# second batch3: its errors, not read, stop nothing.
cp -r "$SHIPPED/batch3" "$coll/dup"
sed -i '0,/^number:/s//bogus: 1\nnumber:/' "$coll/dup/08-xinjiang.cb"
run show batch3/7
is "$rc" 0 "a left-out copy with errors does not stop show"
has "$TMPD/err" "collection 'batch3' is also in" "and is named as left out"
rm -rf "$coll/dup"

# A collection that is a link (to a directory of the reader's own) is
# listed under its id, and removed under that name: the link alone,
# never the directory it points to.
mkdir -p "$TMPD/mine"
cp "$GOOD"/*.cb "$TMPD/mine/"
sed -i 's/^id: .*/id: vic/' "$TMPD/mine/collection.cb"
ln -s "$TMPD/mine" "$coll/evil"
run library
grep '^vic ' "$TMPD/out" >"$TMPD/line"
has "$TMPD/line" " user " "a linked collection is listed under its id"
run library remove vic
is "$rc" 0 "and removed under the name library lists"
ok $([ ! -e "$coll/evil" ] && [ ! -L "$coll/evil" ]; echo $?) "the link is gone"
is "$(ls "$TMPD/mine" | tr '\n' ' ')" "00-intro.cb 01-circuit.cb 02-adjacent.cb collection.cb " \
  "and the directory it pointed to keeps every file"
run library
is "$(grep -c '^vic ' "$TMPD/out")" 0 "it is no longer listed"
ln -s "$TMPD/mine" "$coll/evil"
run library remove evil
is "$rc" 0 "a link is removed under its own name too, as a directory is"
ok $([ ! -L "$coll/evil" ] && [ -f "$TMPD/mine/collection.cb" ]; echo $?) \
  "the link alone"

# A half-installed collection (a killed import) never appears.
mkdir -p "$coll/.half.new.99999"
cp "$coll/exec2023/"* "$coll/.half.new.99999/"
run library
hasnt "$TMPD/out" "half" "a dot directory is never read"
# Content that cannot be opened at all is an error, as for every other
# command; there is no empty table to read as "no collections".
run --content "$TMPD/none" library
is "$rc:$(cat "$TMPD/out")" "2:" "content that does not exist: library exits 2 and lists nothing"
has "$TMPD/err" "cannot open content" "and says why"
mkdir "$TMPD/empty"
run --content "$TMPD/empty" library --json
is "$rc:$(cat "$TMPD/out")" "2:" "a directory with no collection: library exits 2"
# Only the content that comes with casebook is "shipped": a directory
# --content or CASEBOOK_CONTENT names holds the reader's own collections,
# which are not the library's to remove.
run --content "$GOOD" library --json
has "$TMPD/out" '"collection":"sample","documents":3,"shipped":false' "--content DIR: its collection is not shipped (--json)"
run --content "$GOOD" library
grep '^sample ' "$TMPD/out" >"$TMPD/line"
has "$TMPD/line" " user " "--content DIR: the table says the user's"
CASEBOOK_CONTENT=$GOOD "$CASEBOOK" library --json >"$TMPD/out"
has "$TMPD/out" '"shipped":false' "CASEBOOK_CONTENT: the same"
run --content "$SHIPPED" library --json
has "$TMPD/out" '"collection":"batch3","documents":9,"shipped":true' "--content naming the shipped content: shipped"
run import --add "$HTML/split-cases.html" --name sample
run --content "$GOOD" library remove sample
is "$rc" 2 "--content DIR: its collection is not removed"
has "$TMPD/err" "library remove removes from your library, which is not in use with --content" "and says why, not that it is shipped"
ok $([ -f "$GOOD/collection.cb" ] && [ -f "$coll/sample/collection.cb" ]; echo $?) "nor the library's collection of that name"
# Nor one of the library that library, with the same --content, does
# not list: the library is not in use.
run import --add "$HTML/split-cases.html" --name zz
run --content "$SHIPPED" library
hasnt "$TMPD/out" "zz" "--content: the library's collections are not listed"
run --content "$SHIPPED" library remove zz
is "$rc" 2 "--content: library remove is refused"
has "$TMPD/err" "not in use with --content" "and says why"
ok $([ -f "$coll/zz/collection.cb" ]; echo $?) "the collection it did not list is still there"
CASEBOOK_CONTENT=$SHIPPED "$CASEBOOK" library remove zz 2>"$TMPD/err"
is "$?" 2 "CASEBOOK_CONTENT: the same"
has "$TMPD/err" "not in use with CASEBOOK_CONTENT" "naming it"
ok $([ -f "$coll/zz/collection.cb" ]; echo $?) "and the collection is still there"
run library remove zz
is "$rc" 0 "without them it is removed"
# A --name with a control or bidirectional character is shown visibly
# in every message about it, as library remove shows it (an escape
# sequence reached the terminal as typed).
esc=$(printf 'x\033[31my')
run import --add "$HTML/split-cases.html" --name "$esc"
is "$rc:$(cat "$TMPD/err")" \
  "2:casebook: 'x^[[31my' cannot name a collection: it holds a control or an invisible character, by which one collection could pass for another" \
  "a name refused is shown visibly"
run import --add "$HTML/split-cases.html" --name=-x
has "$TMPD/err" "'-x' cannot name a collection: beginning with '-', it would be read as an option" \
  "a name that would be read as an option is refused"
run import --add "$HTML/split-cases.html" --name .hid
has "$TMPD/err" "'.hid' cannot name a collection (use letters, digits, Chinese characters, '-', '_' and '.' (not first)" \
  "a name that starts with a dot: the rule it breaks is in the message"
# The message names every kind of name accepted: Chinese ones too.
run import --add "$HTML/split-cases.html" --name bad/name
has "$TMPD/err" "'bad/name' cannot name a collection (use letters, digits, Chinese characters," \
  "a name refused: the message says Chinese names are taken"
run import --add "$HTML/split-cases.html" --name 听证案例
is "$rc" 0 "as they are"
# A name that could pass for another is refused, as typed or as a
# file's name, and shown visibly: a bidirectional control, a zero-width
# space, a control.
rlo=$(printf 'x\342\200\256y')
run import --add "$HTML/split-cases.html" --name "$rlo"
is "$rc" 2 "a name with a bidirectional control is refused"
has "$TMPD/err" "casebook: 'x<U+202E>y' cannot name a collection: it holds a control or an invisible character, by which one collection could pass for another" \
  "saying why, the name shown visibly"
hasnt "$TMPD/err" "$rlo" "never as typed"
ok $([ ! -e "$coll/$rlo" ]; echo $?) "and nothing is installed"
for n in "zero-width space:$(printf 'batch\342\200\2133')" "C1 control:$(printf 'a\302\205b')"; do
  run import --add "$HTML/split-cases.html" --name "${n#*:}"
  is "$rc:$(grep -c 'cannot name a collection: it holds' "$TMPD/err")" "2:1" \
    "so is one with a ${n%%:*}"
done
cp "$HTML/split-cases.html" "$TMPD/$(printf 'zw\342\200\213sp').html"
run import --add "$TMPD/$(printf 'zw\342\200\213sp').html"
has "$TMPD/err" "'zw<U+200B>sp' cannot name a collection" "a file's name too, with --add"
run import "$TMPD/$(printf 'zw\342\200\213sp').html" -o "$TMPD/zwsp"
is "$rc" 2 "and with -o, whose collection the file names"
has "$TMPD/err" "'zw<U+200B>sp' cannot name a collection" "saying why"
ok $([ ! -e "$TMPD/zwsp" ]; echo $?) "before anything is written"
# A name in full-width letters is stored in NFKC: ｂａｔｃｈ３ would be
# drawn as batch3, the shipped collection's name, and is refused as that
# name in use; ａｂ is ab.
run import --add "$HTML/div-p.html" --name ｂａｔｃｈ３
is "$rc:$(cat "$TMPD/err")" \
  "2:casebook: the library already has a collection named 'batch3'; choose another --name" \
  "ｂａｔｃｈ３ is batch3, a name in use"
# So is a name that differs from one in use only as collection: and
# list --facets do not tell apart (case, script): neither collection
# could be searched alone.
for n in BATCH3 Batch3; do
  run import --add "$HTML/div-p.html" --name "$n"
  is "$rc:$(cat "$TMPD/err")" \
    "2:casebook: the library already has a collection named 'batch3'; choose another --name" \
    "$n is refused: collection:$n is batch3"
done
run import --add "$HTML/div-p.html" --name ａｂ
has "$TMPD/err" "into the library as ab;" "ａｂ is installed as ab"
is "$(grep '^id:' "$coll/ab/collection.cb")" "id: ab" "its id written so"
cp "$HTML/div-p.html" "$TMPD/ｆｗ.html"
run import "$TMPD/ｆｗ.html" -o "$TMPD/fw"
is "$(grep '^id:' "$TMPD/fw/collection.cb")" "id: fw" "and a file's name too, with -o"
# A full-width solidus is a slash in NFKC, which no id may hold.
cp "$HTML/div-p.html" "$TMPD/a／b.html"
run import "$TMPD/a／b.html" -o "$TMPD/slash"
is "$rc:$(grep '^id:' "$TMPD/slash/collection.cb")" "0:id: a-b" \
  "a／b.html gives the id a-b"
run --content "$TMPD/slash" list
is "$rc" 0 "and the collection loads"
run show ａｂ/1
is "$rc:$(head -n 1 "$TMPD/out")" "0:Case: 1 (ab)" "show ａｂ/1 shows it"
run library remove ａｂ
is "$rc:$(cat "$TMPD/err")" "0:casebook: removed ab from the library" \
  "library remove ａｂ removes ab, as show ａｂ/1 finds it, and names it ab"
ok $([ ! -e "$coll/ab" ]; echo $?) "its directory is gone"
# A collection whose id is written by hand in full width (or that an
# import installed so before names were stored in NFKC) is named as it
# is written, in show and cite as in related, with a warning: the NFKC
# that reads "ｂａｔｃｈ３／２" as batch3/2 made it "ab/1", no collection.
run import --add "$HTML/div-p.html" --name old
mv "$coll/old" "$coll/ａｂ"
sed 's/^id: .*/id: ａｂ/' "$coll/ａｂ/collection.cb" >"$TMPD/c.cb"
mv "$TMPD/c.cb" "$coll/ａｂ/collection.cb"
run show ａｂ/1
is "$rc:$(head -n 1 "$TMPD/out")" "0:Case: 1 (ａｂ)" "show ａｂ/1 shows it"
has "$TMPD/err" "collection.cb:3: warning: 'id' ａｂ is written in look-alike forms (full-width letters or digits, or the like), which could make it pass for another; write ab, as casebook import names collections" \
  "and warns of the id, with its file and line"
run cite ａｂ/１ ¶1
is "$rc" 0 "cite ａｂ/１ ¶1 cites it"
run import --add "$HTML/div-p.html" --name ab
is "$rc:$(grep -c "already has a collection named 'ａｂ'" "$TMPD/err")" "2:1" \
  "ab is refused as a name in use, naming the collection ａｂ it would pass for"
# With the spaces before it that " 7" may have, and the slash as the
# input method types it (ｂａｔｃｈ３／２): not "no collection 'ab'", a
# name nobody typed.
run show ' ａｂ/1'
is "$rc:$(head -n 1 "$TMPD/out")" "0:Case: 1 (ａｂ)" "show ' ａｂ/1' shows it"
run related 'ａｂ／１'
is "$rc:$(grep -v "warning: 'id' ａｂ" "$TMPD/err")" "0:" "related ａｂ／１ relates it"
run library remove ａｂ

# A library others may write to is not read, nor added to, nor removed
# from: a collection planted there would be searched, listed and cited
# as the user's own (the cache and state directories are refused so).
run import --add "$HTML/split-cases.html" --name planted
run search --count 听证
want=$(cat "$TMPD/out")
chmod 777 "$coll"
run library
hasnt "$TMPD/out" "planted" "a library others may write to: library lists none of it"
has "$TMPD/err" "$coll: warning: your library is not read: writable by other users" \
  "and says why"
run search --count 听证
is "$(grep -c planted "$TMPD/out"):$(grep -c 'your library is not read' "$TMPD/err")" \
  "0:1" "search finds nothing in it (indexed before), and says why"
run import --add "$HTML/div-p.html" --name more
is "$rc:$(tail -n 1 "$TMPD/err")" \
  "2:casebook: cannot add to the library $coll: writable by other users" \
  "import --add refuses it"
run library remove planted
is "$rc:$(tail -n 1 "$TMPD/err")" \
  "2:casebook: cannot remove from the library $coll: writable by other users" \
  "and library remove"
chmod 700 "$coll"
run search --count 听证
is "$rc:$(cat "$TMPD/out")" "0:$want" "made private again, it is searched again"
# So is a collection of the library that others may write to, or that
# another user owns: the rest of the library is read.
chmod 777 "$coll/planted"
run library
hasnt "$TMPD/out" "planted" "a collection others may write to: library lists none of it"
has "$TMPD/err" "$coll/planted: warning: this collection is not read: writable by other users" \
  "and says why"
run list
is "$(grep -c '^planted/' "$TMPD/out"):$(grep -c 'this collection is not read' "$TMPD/err")" \
  "0:1" "list lists none of it, and says why"
run search --count 听证
is "$(grep -c planted "$TMPD/out"):$(grep -c 'this collection is not read' "$TMPD/err")" \
  "0:1" "search finds nothing in it (indexed before), and says why"
run import --add "$HTML/div-p.html" --name PLANTED
is "$rc:$(tail -n 1 "$TMPD/err")" \
  "2:casebook: the library already has a collection named 'planted'; choose another --name" \
  "a name a collection not read has is still in use"
chmod 755 "$coll/planted"
if id nobody >/dev/null 2>&1 && chown -R nobody "$coll/planted" 2>/dev/null; then
  run search --count 听证
  is "$(grep -c planted "$TMPD/out"):$(grep -c 'not read: owned by another user' "$TMPD/err")" \
    "0:1" "nor one another user owns"
  chown -R "$(id -u)" "$coll/planted"
else
  ok 0 "# SKIP cannot give a directory to another user"
fi
run search --count 听证
is "$rc:$(cat "$TMPD/out")" "0:$want" "its own again, it is searched again"
# An error in a document's text (it leaves the document out of every
# search, which blames "a collection of your library") is named by the
# listing, as one in a header is.
mkdir -m 700 "$coll/bodyerr"
printf 'casebook-format: 1\nid: bodyerr\ntitle.en: B\n' >"$coll/bodyerr/collection.cb"
printf 'casebook-format: 1\nnumber: 1\ntitle.en: One\n\nen: text\nbogus: x\n' \
  >"$coll/bodyerr/1.cb"
run library
has "$TMPD/out" "B; with errors: 1.cb:6: unknown field 'bogus'" \
  "an error in a document's text: library names it"
run library --json
has "$TMPD/out" '"error":"1.cb:6: unknown field '"'"'bogus'"'"'"' "and --json gives it"
rm -r "$coll/bodyerr"
# A document named with no command is shown (off a terminal) as show
# would show it: a collection named with a hyphen, full-width forms.
run import --add "$HTML/div-p.html" --name div-p
run div-p/1
is "$rc:$(head -n 1 "$TMPD/out")" "0:Case: 1 (div-p)" "casebook div-p/1 shows it"
run ７
is "$rc:$(head -n 1 "$TMPD/out")" "0:Case: 7 (batch3)" "casebook ７ shows case 7"
run ｂａｔｃｈ３／７
is "$rc:$(head -n 1 "$TMPD/out")" "0:Case: 7 (batch3)" "casebook ｂａｔｃｈ３／７ shows it"
run library remove div-p
done_testing
