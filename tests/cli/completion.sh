#!/bin/sh
# Bash completion: completion/casebook.bash is sourced in bash, COMP_WORDS
# and COMP_CWORD are set as bash sets them, and _casebook is called.
. "$top_srcdir/tests/cli/lib.sh"

if ! command -v bash >/dev/null 2>&1; then
  echo "1..0 # SKIP bash not found"
  exit 0
fi
COMPLETION="$top_srcdir/completion/casebook.bash"
bindir=$(cd "$(dirname "$CASEBOOK")" && pwd)

# comp WORD...: complete the last WORD of the command line `WORD...' (the
# first being casebook), with casebook's directory first on PATH; print
# the candidates one a line, sorted.
comp () {
  PATH="$bindir:$PATH" bash -c '
    . "$1" || exit 1
    shift
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    _casebook casebook
    if ((${#COMPREPLY[@]})); then printf "%s\n" "${COMPREPLY[@]}"; fi' \
    bash "$COMPLETION" "$@" | LC_ALL=C sort
}

# words WORD...: the same candidates on one line.
words () {
  comp "$@" | tr '\n' ' ' | sed 's/ $//'
}

is "$(words casebook s)" "search show" "commands complete from s"
is "$(words casebook '')" "check cite export import library list related search show tags" \
   "every command is offered"
is "$(words casebook --content "$GOOD" '')" \
   "check cite export import library list related search show tags" "commands after --content DIR"

is "$(words casebook --la)" "--lang" "--la completes to --lang"
is "$(words casebook --lang '')" "both en zh" "--lang takes zh, en, both"
is "$(words casebook --lang =)" "both en zh" "--lang= as bash cuts it"
is "$(words casebook --lang=e)" "en" "--lang=e in one word"
is "$(words casebook --color=)" "always auto never" "--color= values"
is "$(words casebook --script '')" "simplified traditional" "--script values"
is "$(words casebook -n '')" "1 10 3 5" "-n takes a number"

comp casebook -- >"$TMPD/long"
comp casebook - >"$TMPD/all"
"$CASEBOOK" --help >"$TMPD/help"
sed -n 's/^ *\(-[a-zA-Z], \)\{0,1\}\(--[a-zA-Z][-a-zA-Z0-9]*\).*/\2/p' \
  "$TMPD/help" >"$TMPD/helpopts"
missing=
for opt in $(cat "$TMPD/helpopts"); do
  grep -qxF -- "$opt" "$TMPD/long" || missing="$missing $opt"
done
is "$missing" "" "every option in --help is offered for --"
is "$(wc -l <"$TMPD/long" | tr -d ' ')" "$(wc -l <"$TMPD/helpopts" | tr -d ' ')" \
   "and nothing else"
ok "$(grep -cxe -n -e -o "$TMPD/all" | grep -qx 2; echo $?)" \
   "- also offers -n and -o"

is "$(words casebook --content "$GOOD" show '')" "0 1 2" \
   "show offers the document numbers (--content DIR)"
is "$(words casebook "--content=$GOOD" show 1)" "1" \
   "show offers the document numbers (--content=DIR)"
is "$(words casebook show --content "$GOOD" '')" "0 1 2" \
   "options after the command count"
is "$(words casebook --content "$GOOD" related '')" "0 1 2" \
   "related offers the document numbers"
is "$(CASEBOOK_CONTENT=$GOOD words casebook show '')" "0 1 2" \
   "show with the default content"
is "$(words casebook --content "$GOOD" cite '')" "0 1 2" \
   "cite completes document numbers"
is "$(words casebook --content "$GOOD" show 1 '')" "" \
   "show takes one number"
mkdir "$TMPD/sample dir"
cp "$GOOD"/* "$TMPD/sample dir/"
spaced=$(printf '%s' "$TMPD/sample dir" | sed 's/ /\\ /g')
is "$(words casebook --content "$spaced" --lang en show '')" "0 1 2" \
   "a --content with a space, quoted on the line"

is "$(words casebook --content "$GOOD" search tag:巡)" "巡回检察" \
   "search tag:巡 completes to 巡回检察"
is "$(words casebook --content "$GOOD" search tag : 巡)" "巡回检察" \
   "and so when bash cut the word at the colon"
is "$(comp casebook --content "$GOOD" search tag:circ)" \
   '\"circuit\ inspection\"' "a keyword with a space is quoted for the query"
is "$(comp casebook --content "$GOOD" search tag:adj)" \
   '\"Adjacent\ hospital\"' "keywords match regardless of case"
is "$(comp casebook --content "$GOOD" search "'tag:巡")" "tag:巡回检察'" \
   "in an open quote the keyword closes it"
is "$(comp casebook --content "$GOOD" search tag: | wc -l | tr -d ' ')" "8" \
   "tag: offers the keywords of both languages"
is "$(words casebook --content "$GOOD" search t)" "tag:" "t offers tag:"
is "$(words casebook --content "$GOOD" search -- -)" "" \
   "after -- a word with - is a query term"

: >"$TMPD/release text.txt"
is "$(words casebook import "$TMPD/rel")" "$TMPD/release text.txt" \
   "import completes file names with spaces"
is "$(words casebook check "$TMPD/sam")" "$TMPD/sample dir" \
   "check completes directories"
is "$(words casebook --content "$TMPD/sam")" "$TMPD/sample dir" \
   "--content completes directories"

# Option values, and the commands' own arguments.
is "$(words casebook export 1 --format '')" "html jsonl md" "--format offers the formats"
is "$(words casebook search --english=r)" "release revised" "--english offers the two"
is "$(words casebook library '')" "list remove" "library offers its subcommands"
# A library of two collections: show offers COLLECTION/N, as a number
# alone may be two documents; remove offers the user's collections.
XDG_DATA_HOME=$TMPD/data; export XDG_DATA_HOME
"$CASEBOOK" --content "$SHIPPED" export 3 --format html -o "$TMPD/c3.html" 2>/dev/null
"$CASEBOOK" import --add "$TMPD/c3.html" --name again >/dev/null 2>&1
has_word () { case " $1 " in *" $2 "*) return 0 ;; esac; return 1; }
got=$(words casebook show '')
ok "$(has_word "$got" again/3 && has_word "$got" batch3/7 && ! has_word "$got" 7; echo $?)" \
  "show in a library of several offers COLLECTION/N ($got)"
is "$(words casebook library remove '')" "again" "library remove offers the user's collections"
done_testing
