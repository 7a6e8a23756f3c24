# bash completion for casebook(1)                         -*- shell-script -*-
#
# Completes casebook's commands; the long options that `casebook --help'
# prints and the values of their arguments; document numbers for `show'
# (from `casebook list --json'); keywords after `tag:' in a `search' query,
# in either language (from `casebook tags --json'); files for `import' and
# directories for `check', `--content' and `--output'.  The options, and
# which of them take an argument, are read from `--help' each time, so the
# completion follows the program it completes.
#
# Works with the bash-completion package (which loads this file on demand
# from its completions directory) and without it (`. casebook.bash').
# Needs bash 4.

# _casebook_dequote VAR RAW: set VAR to the word RAW as the shell would pass
# it to a program: undo \, '...' and "..." quoting (an unclosed quote runs
# to the end) and expand a leading ~, but expand nothing else.
_casebook_dequote ()
{
    local _cbq_raw=$2 _cbq_out= _cbq_c _cbq_q= _cbq_i
    if [[ $_cbq_raw == '~' || $_cbq_raw == '~/'* ]]; then
        _cbq_out=$HOME
        _cbq_raw=${_cbq_raw:1}
    fi
    for ((_cbq_i = 0; _cbq_i < ${#_cbq_raw}; _cbq_i++)); do
        _cbq_c=${_cbq_raw:_cbq_i:1}
        if [[ $_cbq_q == "'" ]]; then
            if [[ $_cbq_c == "'" ]]; then _cbq_q=; else _cbq_out+=$_cbq_c; fi
        elif [[ $_cbq_c == '\' ]]; then
            _cbq_i=$((_cbq_i + 1))
            _cbq_c=${_cbq_raw:_cbq_i:1}
            # Within "...", a backslash quotes only $ ` " \ and stays before
            # anything else.
            if [[ $_cbq_q == '"' && $_cbq_c != [\$\`\"\\] ]]; then
                _cbq_out+='\'
            fi
            _cbq_out+=$_cbq_c
        elif [[ $_cbq_c == '"' ]]; then
            if [[ $_cbq_q ]]; then _cbq_q=; else _cbq_q='"'; fi
        elif [[ $_cbq_c == "'" && -z $_cbq_q ]]; then
            _cbq_q="'"
        else
            _cbq_out+=$_cbq_c
        fi
    done
    printf -v "$1" '%s' "$_cbq_out"
}

# _casebook_quote VAR MODE TEXT: set VAR to TEXT quoted for the command
# line: inside '...' if MODE is ', inside "..." if MODE is ", else with
# backslashes before blanks and characters special to the shell.
_casebook_quote ()
{
    local _cbq_text=$3 _cbq_out= _cbq_c _cbq_i
    case $2 in
        "'") _cbq_out=${_cbq_text//\'/\'\\\'\'} ;;
        '"')
            for ((_cbq_i = 0; _cbq_i < ${#_cbq_text}; _cbq_i++)); do
                _cbq_c=${_cbq_text:_cbq_i:1}
                [[ $_cbq_c == [\$\`\"\\] ]] && _cbq_out+='\'
                _cbq_out+=$_cbq_c
            done ;;
        *)
            for ((_cbq_i = 0; _cbq_i < ${#_cbq_text}; _cbq_i++)); do
                _cbq_c=${_cbq_text:_cbq_i:1}
                [[ $_cbq_c == [[:space:]\'\"\\\$\`\!\&\;\|\<\>\(\)\*\?\[\]\#\~\{\}] ]] &&
                    _cbq_out+='\'
                _cbq_out+=$_cbq_c
            done ;;
    esac
    printf -v "$1" '%s' "$_cbq_out"
}

# _casebook_words: set _cb_words and _cb_cword from COMP_WORDS and
# COMP_CWORD, joining again the pieces that bash cut at `:' and `=' (as in
# `tag:巡回检察' and `--lang=zh') when nothing separated them on the line.
_casebook_words ()
{
    local i w rest glued sep prevsep=0 j=-1 line=${COMP_LINE-}
    _cb_words=()
    _cb_cword=0
    for ((i = 0; i < ${#COMP_WORDS[@]} && i <= COMP_CWORD; i++)); do
        w=${COMP_WORDS[i]}
        glued=1
        if [[ ${COMP_LINE+set} ]]; then
            rest=${line#"${line%%[![:space:]]*}"}
            [[ $rest != "$line" ]] && glued=0
            line=${rest#"$w"}
        fi
        sep=0
        [[ $w =~ ^[:=]+$ ]] && sep=1
        if ((i > 1 && glued && (sep || prevsep))); then
            _cb_words[j]+=$w
        else
            _cb_words[++j]=$w
        fi
        prevsep=$sep
    done
    _cb_cword=$j
}

# _casebook_split_cur: split the word being completed, _cb_cur_raw, into
# what readline keeps (_cb_keep_raw: up to the last `:' or `=' bash breaks
# words at, or up to an open quote) and what it replaces; set _cb_mode to
# the quote open at the cursor, if any, and _cb_cur, _cb_keep dequoted.
_casebook_split_cur ()
{
    local s=$_cb_cur_raw i c q= qpos=-1 bpos=-1
    for ((i = 0; i < ${#s}; i++)); do
        c=${s:i:1}
        if [[ $q == "'" ]]; then
            [[ $c == "'" ]] && q=
        elif [[ $c == '\' ]]; then
            i=$((i + 1))
        elif [[ $q == '"' ]]; then
            [[ $c == '"' ]] && q=
        elif [[ $c == [\"\'] ]]; then
            q=$c
            qpos=$i
        elif [[ $c == [:=] && ${COMP_WORDBREAKS-:=} == *"$c"* ]]; then
            bpos=$i
        fi
    done
    if [[ $q ]]; then
        _cb_keep_raw=${s:0:qpos+1}
    else
        _cb_keep_raw=${s:0:bpos+1}
    fi
    _cb_mode=$q
    _casebook_dequote _cb_cur "$s"
    _casebook_dequote _cb_keep "$_cb_keep_raw"
}

# _casebook_offer [-a] [-p] WORD...: add to COMPREPLY each WORD that begins
# with the word being completed (every WORD with -a), written as readline
# must insert it in place of the part of that word it replaces: quoted like
# that word, and with its open quote closed unless WORD is only the start
# of a word (-p).
_casebook_offer ()
{
    local all=0 part=0 w q
    while [[ $1 == -[ap] ]]; do
        [[ $1 == -a ]] && all=1
        [[ $1 == -p ]] && part=1
        shift
    done
    for w in "$@"; do
        ((all)) || [[ $w == "$_cb_cur"* ]] || continue
        [[ $w == "$_cb_keep"* ]] || continue
        _casebook_quote q "$_cb_mode" "${w#"$_cb_keep"}"
        ((part)) || q+=$_cb_mode
        COMPREPLY+=("$q")
    done
}

# _casebook_help PROG: read PROG --help into _cb_opts (every option it
# lists), _cb_argopts (those that take a separate argument) and _cb_cmds
# (its commands); fall back on what casebook 0.1 has.
_casebook_help ()
{
    local line incmds=0 long short eq
    _cb_opts=() _cb_argopts=() _cb_cmds=()
    while IFS= read -r line; do
        if [[ $line =~ ^[[:space:]]+(-[[:alnum:]],[[:space:]]+)?(--[[:alnum:]][[:alnum:]-]*)(\[?=)? ]]; then
            short=${BASH_REMATCH[1]%%,*}
            long=${BASH_REMATCH[2]}
            eq=${BASH_REMATCH[3]}
            _cb_opts+=("$long" ${short:+"$short"})
            [[ $eq == = ]] && _cb_argopts+=("$long" ${short:+"$short"})
        elif [[ $line == Commands:* ]]; then
            incmds=1
        elif [[ -z $line ]]; then
            incmds=0
        elif ((incmds)) && [[ $line =~ ^\ +([a-z]+)([[:space:]]|$) ]]; then
            _cb_cmds+=("${BASH_REMATCH[1]}")
        fi
    done < <(LC_ALL=C "$1" --help 2>/dev/null)
    ((${#_cb_opts[@]})) || _cb_opts=(--content --lang --width --json --color
        -n --snippets --count --regex --exact --raw --glossary --pending -o --output
        --ambiguous-wide --script --help --version)
    ((${#_cb_argopts[@]})) || _cb_argopts=(--content --lang --width
        -n --snippets -o --output --script)
    ((${#_cb_cmds[@]})) || _cb_cmds=(list show search tags check import)
}

# _casebook_resolve VAR OPTION: set VAR to the option that OPTION names,
# allowing the unambiguous abbreviations getopt_long allows.
_casebook_resolve ()
{
    local o found=
    case $2 in
        --colour) printf -v "$1" %s --color; return ;;
        --*) ;;
        *) printf -v "$1" %s "$2"; return ;;
    esac
    for o in "${_cb_opts[@]}"; do
        [[ $o == "$2" ]] && { printf -v "$1" %s "$o"; return; }
    done
    for o in "${_cb_opts[@]}"; do
        if [[ $o == "$2"* ]]; then
            [[ $found ]] && { found=; break; }
            found=$o
        fi
    done
    printf -v "$1" %s "${found:-$2}"
}

# _casebook_takes_arg OPTION: whether OPTION (resolved) takes an argument.
_casebook_takes_arg ()
{
    local o
    for o in "${_cb_argopts[@]}"; do
        [[ $o == "$1" ]] && return 0
    done
    return 1
}

# _casebook_json PROG CMD FIELD...: print the values of the FIELDs (strings
# or numbers) in the JSON Lines of `PROG CMD --json', one a line, with \"
# and \\ undone.  Casebook prints one object a line and escapes every " in
# its strings, so a key in quotes followed by a colon is a key.
_casebook_json ()
{
    local -a content=() script=(-e h)
    local field
    [[ $_cb_content ]] && content=(--content "$_cb_content")
    for field in "${@:3}"; do
        script+=(-e g -e 's/^.*"'"$field"'":("(([^"\\]|\\.)*)"|([0-9]+)).*$/\2\4/p')
    done
    "$1" ${content[@]+"${content[@]}"} "$2" --json 2>/dev/null |
        sed -n -E "${script[@]}" | sed -e 's/\\\([\\"]\)/\1/g'
}

# _casebook_files [-d]: complete the file (with -d, directory) named by the
# argument being completed, _cb_argraw: through bash-completion's _filedir
# if it is loaded, else through compgen.
_casebook_files ()
{
    local IFS=$'\n' value
    if declare -F _filedir >/dev/null; then
        local cur=$_cb_argraw
        _filedir "$@"
        return
    fi
    _casebook_dequote value "$_cb_argraw"
    compopt -o filenames 2>/dev/null
    # mapfile, not $(...): names may hold blanks and glob characters.
    mapfile -t -O ${#COMPREPLY[@]} COMPREPLY \
        < <(compgen "${1:--f}" -- "$value")
}

_casebook ()
{
    local -a _cb_words=() _cb_opts=() _cb_argopts=() _cb_cmds=()
    local _cb_cword _cb_cur_raw _cb_cur _cb_keep_raw _cb_keep _cb_mode
    local _cb_content= _cb_argraw prog command= argof= argprefix= opt w i
    local nargs=0 dashdash=0 IFS=$' \t\n'
    COMPREPLY=()

    _casebook_words
    _cb_cur_raw=${_cb_words[_cb_cword]}
    _casebook_split_cur
    _casebook_dequote prog "${_cb_words[0]}"
    type -P -- "$prog" >/dev/null 2>&1 || prog=casebook
    _casebook_help "$prog"

    # Walk the words before the cursor: options (and their arguments, which
    # may be the word being completed), `--', the command and its arguments.
    for ((i = 1; i < _cb_cword; i++)); do
        w=${_cb_words[i]}
        if ((!dashdash)) && [[ $w == -- ]]; then
            dashdash=1
        elif ((!dashdash)) && [[ $w == -?* ]]; then
            _casebook_resolve opt "${w%%=*}"
            if [[ $opt == --content && $w == *=* ]]; then
                _casebook_dequote _cb_content "${w#*=}"
            elif [[ $w != *=* ]] && _casebook_takes_arg "$opt"; then
                if ((i + 1 == _cb_cword)); then
                    argof=$opt
                    break
                fi
                i=$((i + 1))
                [[ $opt == --content ]] &&
                    _casebook_dequote _cb_content "${_cb_words[i]}"
            fi
        elif [[ -z $command ]]; then
            _casebook_dequote command "$w"
        else
            nargs=$((nargs + 1))
        fi
    done

    # The argument of an option, given as --option=VALUE or after it.
    _cb_argraw=$_cb_cur_raw
    if [[ -z $argof ]] && ((!dashdash)) && [[ $_cb_cur == --*=* ]]; then
        _casebook_resolve argof "${_cb_cur%%=*}"
        argprefix=${_cb_cur%%=*}=
        _cb_argraw=${_cb_cur_raw#*=}
    fi
    case $argof in
        '') ;;
        --lang) _casebook_offer "${argprefix}"{zh,en,both}; return ;;
        --color) _casebook_offer "${argprefix}"{auto,always,never}; return ;;
        --script) _casebook_offer "${argprefix}"{simplified,traditional}; return ;;
        --width) _casebook_offer "${argprefix}"${COLUMNS:-80} "${argprefix}"{72,100,120}; return ;;
        -n|--snippets) _casebook_offer "${argprefix}"{1,3,5,10}; return ;;
        --english) _casebook_offer "${argprefix}"{release,revised}; return ;;
        --format) _casebook_offer "${argprefix}"{md,html,jsonl}; return ;;
        --content) _casebook_files -d; return ;;
        # import writes a collection's directory; export, a file.
        -o|--output)
            if [[ $command == import ]]; then _casebook_files -d
            else _casebook_files; fi
            return ;;
        --release) _casebook_files; return ;;
        *) return ;;
    esac

    if ((!dashdash)) && [[ $_cb_cur == -* ]]; then
        if [[ $_cb_cur == --* ]]; then
            _casebook_offer $(printf '%s\n' "${_cb_opts[@]}" | grep -e '^--')
        else
            _casebook_offer "${_cb_opts[@]}"
        fi
        return
    fi

    if [[ -z $command ]]; then
        _casebook_offer "${_cb_cmds[@]}"
        return
    fi

    case $command in
        show|cite|related)
            if ((nargs == 0)); then
                # COLLECTION/N in a library of several collections, where
                # a number alone may be two documents; N alone otherwise.
                local -a names=($(_casebook_json "$prog" list name))
                local -A colls=()
                local name
                for name in "${names[@]}"; do colls[${name%/*}]=1; done
                if ((${#colls[@]} > 1)); then
                    _casebook_offer "${names[@]}"
                else
                    _casebook_offer "${names[@]##*/}"
                fi
            fi
            ;;
        library)
            if ((nargs == 0)); then
                _casebook_offer list remove
            elif ((nargs == 1)) && [[ ${_cb_words[_cb_cword - 1]} == remove ]]; then
                # The user's collections, what remove takes (library
                # reads no --content).
                local coll
                while IFS= read -r coll; do
                    _casebook_offer "$coll"
                done < <("$prog" library --json 2>/dev/null |
                             grep '"shipped":false' |
                             sed -n -E 's/^\{"collection":"(([^"\\]|\\.)*)".*$/\1/p' |
                             sed -e 's/\\\([\\"]\)/\1/g')
            fi
            ;;
        search)
            if [[ $_cb_cur == tag:* ]]; then
                local -A seen=()
                local tag want=${_cb_cur#tag:}
                want=${want#\"}
                want=${want#“}
                want=${want,,}
                while IFS= read -r tag; do
                    [[ $tag && -z ${seen[$tag]} ]] || continue
                    seen[$tag]=1
                    [[ ${tag,,} == "$want"* ]] || continue
                    # The query language cuts words at blanks: quote a
                    # keyword that has some.
                    if [[ $tag == *[[:space:]]* || $tag == *　* ]]; then
                        _casebook_offer -a "tag:\"$tag\""
                    else
                        _casebook_offer -a "tag:$tag"
                    fi
                done < <(_casebook_json "$prog" tags tag other)
            elif [[ $_cb_cur ]]; then
                _casebook_offer -p tag:
                _casebook_offer lang:zh lang:en
                [[ ${#COMPREPLY[@]} == 1 && $_cb_cur != l* ]] &&
                    compopt -o nospace 2>/dev/null
            fi
            ;;
        check)
            ((nargs == 0)) && _casebook_files -d
            ;;
        import)
            ((nargs == 0)) && _casebook_files
            ;;
    esac
} &&
    complete -F _casebook casebook

# ex: filetype=sh
