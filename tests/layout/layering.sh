#!/bin/sh
# layering.sh -- the source tree's architecture, checked from the
# #include lines (TAP): the library (src/lib) includes no front-end
# header and no curses; the command line (src/cli) and the browser
# (src/tui) never include each other; and no module of the library
# depends on itself through others (a.c includes b.h, b.c includes
# c.h, c.c includes a.h is a cycle).  Only src/casebook.c, the program,
# knows both front ends.

top=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$top/src" || exit 1
n=0
fail=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; fail=1; }

# Every "FILE INCLUDED" pair of includes under DIR.
includes () {
  for f in "$1"/*.c "$1"/*.h; do
    [ -f "$f" ] || continue
    sed -n 's/^#[ \t]*include[ \t]*[<"]\([^>"]*\)[>"].*/\1/p' "$f" |
      while read -r h; do echo "$f $h"; done
  done
}

names () { for f in "$1"/*.h; do [ -f "$f" ] && basename "$f"; done; }

cli_h=$(names cli | tr '\n' ' ')
tui_h=$(names tui | tr '\n' ' ')
lib_h=$(names lib | tr '\n' ' ')

report () {   # report DESCRIPTION FINDINGS
  if [ -z "$2" ]; then ok "$1"; else
    not_ok "$1"; echo "$2" | sed 's/^/# /'; fi
}

report "src/lib includes no front-end header and no curses" "$(
  includes lib | while read -r f h; do
    case " $cli_h $tui_h curses.h ncurses.h ncursesw/curses.h term.h " in
      *" $h "*) echo "$f includes $h" ;;
    esac
  done)"

report "src/cli includes no browser header" "$(
  includes cli | while read -r f h; do
    case " $tui_h " in *" $h "*) echo "$f includes $h" ;; esac
  done)"

report "src/tui includes no command-line header" "$(
  includes tui | while read -r f h; do
    case " $cli_h " in *" $h "*) echo "$f includes $h" ;; esac
  done)"

# A module's private header, X_priv.h, is what X.c and its parts X_*.c
# share: no other file includes it.
report "a private header is included only by its own module" "$(
  for dir in lib cli tui; do
    includes $dir | while read -r f h; do
      case $h in
        *_priv.h)
          m=${h%_priv.h}; b=$(basename "$f")
          case $b in "$m".c | "$m"_*.c | "$m"_*.h) ;;
            *) echo "$f includes $h" ;; esac ;;
      esac
    done
  done)"

# Module graph of the library: module a depends on b when a.c or a.h
# includes b.h (b != a).  X_priv.h is part of module X.  A module that
# can reach itself is on a cycle.
report "no include cycle among the library's modules" "$(
  includes lib | while read -r f h; do
    a=$(basename "$f"); a=${a%.*}; a=${a%_priv}; b=${h%.h}; b=${b%_priv}
    case " $lib_h " in *" $h "*) [ "$a" != "$b" ] && echo "$a $b" ;; esac
  done | sort -u | awk '
    { adj[$1] = adj[$1] " " $2; mods[$1]; mods[$2] }
    function reach(from, to,    seen, stack, top, m, i, k, nb) {
      top = 0; stack[++top] = from
      while (top > 0) {
        m = stack[top--]
        k = split(adj[m], nb, " ")
        for (i = 1; i <= k; i++) {
          if (nb[i] == to) return 1
          if (!(nb[i] in seen)) { seen[nb[i]]; stack[++top] = nb[i] }
        }
      }
      return 0
    }
    END { for (m in mods) if (reach(m, m)) print "module on a cycle: " m }')"

echo "1..$n"
exit $fail
