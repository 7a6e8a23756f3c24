/* help.c -- casebook --help, and a command's own: casebook COMMAND --help.
   One table of options serves both, and which command takes which
   comes from the command table (cmd_entry.options, cmd_takes): the same
   rules the dispatcher enforces, so a command's help cannot list an
   option it refuses.  */

#include <config.h>
#include "help.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

/* An option as --help shows it: its lines (N_()), and what tells
   whether a command takes it: one of the CMD_OPT_* flags, or else its
   name for cmd_takes.  */
struct option_help
{
  const char *text;
  int flags;
  const char *name;
};

static const struct option_help options[] = {
  { N_("      --content=DIR    read content from DIR\n"), 0, "--content" },
  { N_("      --lang=LANG      zh, en, or (show, browser) both\n"),
    CMD_OPT_LANG | CMD_OPT_BOTH, NULL },
  { N_("      --width=N        wrap text at N columns\n"), CMD_OPT_WIDTH,
    NULL },
  { N_("      --json           print JSON Lines\n"), CMD_OPT_JSON, NULL },
  { N_("      --color[=WHEN]   highlight matches: auto, always, never\n"),
    CMD_OPT_COLOR, NULL },
  { N_("  -n, --snippets=N     show up to N passages per document (search)\n"),
    CMD_OPT_SNIPPETS, NULL },
  { N_("      --count          print only the number of hits per document\n"),
    CMD_OPT_COUNT, NULL },
  { N_("      --regex          the whole query is one regular expression\n"),
    0, "--regex" },
  { N_("      --exact          do not match glossary renderings across "
       "languages\n"), 0, "--exact" },
  { N_("      --no-correct     search: never search a corrected query\n"),
    0, "--no-correct" },
  { N_("      --raw            pass control characters through\n"),
    CMD_OPT_RAW, NULL },
  { N_("      --no-pager       show: do not page through $PAGER on a "
       "terminal\n"), 0, "--no-pager" },
  { N_("      --side-by-side   show: Chinese and English side by side\n"),
    0, "--side-by-side" },
  { N_("      --glossary       check: list glossary terms missing in "
       "translations\n"), 0, "--glossary" },
  { N_("      --pending        check: list the texts that lack a language\n"),
    0, "--pending" },
  { N_("      --release=FILE   check: report unmarked texts that are not in "
       "FILE\n"), 0, "--release" },
  { N_("      --english=WHICH  the release's English or the project's "
       "revised\n"
       "                       English: release (default) or revised\n"),
    0, "--english" },
  { N_("  -o, --output=DIR     import: write the collection to DIR (export: "
       "a file)\n"), 0, "-o" },
  { N_("      --add            import: install the collection in your "
       "library\n"), 0, "--add" },
  { N_("      --name=NAME      import --add: the collection's name\n"),
    0, "--name" },
  { N_("      --max-size=N     import: read at most N bytes (K, M, G; "
       "64M)\n"), 0, "--max-size" },
  { N_("      --publisher=NAME import: who released it, where the release "
       "does not say\n"), 0, "--publisher" },
  { N_("      --date=DATE      import: its release date, YYYY-MM-DD\n"),
    0, "--date" },
  { N_("      --format=FORMAT  export: md, html or jsonl\n"), 0, "--format" },
  { N_("      --region=REGION  list: documents of that region only\n"),
    0, "--region" },
  { N_("      --year=YEAR      list: documents released that year only\n"),
    0, "--year" },
  { N_("      --facets         list: each collection, year, region and "
       "keyword\n"
       "                       with its number of documents\n"),
    0, "--facets" },
  { N_("      --ambiguous-wide count ambiguous-width characters as two "
       "columns\n"), 0, "--ambiguous-wide" },
  { N_("      --script=SCRIPT  show Chinese in simplified or traditional "
       "script\n"), 0, "--script" },
  { N_("      --help           display this help and exit\n"), 0, "--help" },
  { N_("      --version        output version information and exit\n"),
    0, "--version" },
};

/* Does the command ENTRY (NULL: any) take option O?  */
static int
takes (const struct cmd_entry *entry, const struct option_help *o)
{
  if (entry == NULL)
    return 1;
  return o->flags ? (entry->options & o->flags) != 0
    : cmd_takes (entry, o->name);
}

/* A command's help line (translated) as a synopsis and a description:
   "  search QUERY...      find ..." gives "search QUERY..." and "find
   ...", the description's lines joined.  */
static void
print_synopsis (const char *line)
{
  line += strspn (line, " ");
  const char *gap = strstr (line, "  ");
  size_t n = gap ? (size_t) (gap - line) : strcspn (line, "\n");
  /* TRANSLATORS: %.*s is a command and its arguments, as the list of
     commands in --help gives them ("search QUERY...").  */
  printf (_("Usage: casebook [OPTION]... %.*s\n"), (int) n, line);
  if (gap == NULL)
    return;
  const char *d = gap + strspn (gap, " ");
  while (*d)
    {
      size_t len = strcspn (d, "\n");
      fwrite (d, 1, len, stdout);
      d += len;
      d += *d == '\n';
      d += strspn (d, " ");
      putchar (*d ? ' ' : '\n');
    }
}

void
help_print (const struct cmd_entry *entry)
{
  if (entry)
    print_synopsis (_(entry->help));
  else
    {
      fputs (_("Usage: casebook [OPTION]... [COMMAND [ARG]...]\n"), stdout);
      fputs (_("Read, search and compare the Supreme People's "
               "Procuratorate's typical\n"
               "cases in Chinese and English.  With no COMMAND on a "
               "terminal, open the\n"
               "browser; otherwise list the cases.\n"), stdout);
      fputs ("\n", stdout);
      fputs (_("Commands:\n"), stdout);
      for (size_t i = 0; cmd_table[i]; i++)
        fputs (_(cmd_table[i]->help), stdout);
      fputs (_("  +/QUERY              the browser with that search (as "
               "less +/PATTERN)\n"), stdout);
      fputs (_("  N [PLACE]            the browser at document N (off a "
               "terminal: show)\n"), stdout);
    }
  fputs ("\n", stdout);
  fputs (_("Options:\n"), stdout);
  for (size_t i = 0; i < sizeof options / sizeof *options; i++)
    if (takes (entry, &options[i]))
      fputs (_(options[i].text), stdout);
  fputs ("\n", stdout);
  if (entry == NULL || strcmp (entry->name, "search") == 0
      || strcmp (entry->name, "export") == 0)
    {
      fputs (_("Queries: words rank documents with all of them first, then "
               "most;\n"
               "\"a phrase\"; -word excludes (after --); tag:KEYWORD; "
               "lang:zh or\n"
               "lang:en; /regex/.  Example:\n"
               "  casebook search 巡回检察\n"
               "  casebook search -- '\"public interest litigation\" "
               "-Jilin'\n"
               "\n"), stdout);
    }
  if (entry == NULL)
    fputs (_("A command's own options: casebook COMMAND --help.\n"), stdout);
  fputs (_("Exit status is 0 on success, 1 if nothing was found, 2 on "
           "error.\n"
           "Full documentation: man casebook; the content format: man 5 "
           "casebook.\n"), stdout);
  printf (_("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
}
