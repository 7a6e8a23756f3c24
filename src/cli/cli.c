/* cli.c -- casebook's command line: the options, --help and --version,
   and the dispatch to the commands of cmd_table (cmd.h; one cmd-*.c per
   command), whose arguments it checks from the table.

   Options may come before or after the subcommand (GNU getopt permutes);
   a query that starts with '-' goes after "--".  Output is plain text
   that pipes well, or JSON Lines with --json.  Exit status: 0 success,
   1 nothing found, 2 error, like grep.  */

#include <config.h>
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

#include "cmd.h"
#include "export.h"
#include "help.h"
#include "settings.h"
#include "i18n.h"
#include "model.h"
#include "norm.h"
#include "output.h"
#include "prefs.h"
#include "query.h"
#include "util.h"

enum
{
  OPT_CONTENT = 256, OPT_LANG, OPT_WIDTH, OPT_JSON, OPT_COLOR, OPT_COUNT,
  OPT_REGEX, OPT_EXACT, OPT_RAW, OPT_GLOSSARY, OPT_HELP, OPT_VERSION,
  OPT_AMBIGUOUS_WIDE, OPT_SCRIPT, OPT_NO_CORRECT, OPT_ENGLISH, OPT_RELEASE,
  OPT_ADD, OPT_NAME, OPT_MAX_SIZE, OPT_PUBLISHER, OPT_DATE, OPT_FORMAT, OPT_REGION, OPT_YEAR, OPT_FACETS,
  OPT_NO_PAGER, OPT_SIDE_BY_SIDE, OPT_PENDING
};

static const struct option long_options[] = {
  { "content", required_argument, NULL, OPT_CONTENT },
  { "lang", required_argument, NULL, OPT_LANG },
  { "width", required_argument, NULL, OPT_WIDTH },
  { "json", no_argument, NULL, OPT_JSON },
  { "color", optional_argument, NULL, OPT_COLOR },
  { "colour", optional_argument, NULL, OPT_COLOR },
  { "count", no_argument, NULL, OPT_COUNT },
  { "regex", no_argument, NULL, OPT_REGEX },
  { "exact", no_argument, NULL, OPT_EXACT },
  { "no-correct", no_argument, NULL, OPT_NO_CORRECT },
  { "raw", no_argument, NULL, OPT_RAW },
  { "glossary", no_argument, NULL, OPT_GLOSSARY },
  { "pending", no_argument, NULL, OPT_PENDING },
  { "ambiguous-wide", no_argument, NULL, OPT_AMBIGUOUS_WIDE },
  { "script", required_argument, NULL, OPT_SCRIPT },
  { "english", required_argument, NULL, OPT_ENGLISH },
  { "release", required_argument, NULL, OPT_RELEASE },
  { "output", required_argument, NULL, 'o' },
  { "add", no_argument, NULL, OPT_ADD },
  { "name", required_argument, NULL, OPT_NAME },
  { "max-size", required_argument, NULL, OPT_MAX_SIZE },
  { "publisher", required_argument, NULL, OPT_PUBLISHER },
  { "date", required_argument, NULL, OPT_DATE },
  { "format", required_argument, NULL, OPT_FORMAT },
  { "region", required_argument, NULL, OPT_REGION },
  { "year", required_argument, NULL, OPT_YEAR },
  { "facets", no_argument, NULL, OPT_FACETS },
  { "snippets", required_argument, NULL, 'n' },
  { "no-pager", no_argument, NULL, OPT_NO_PAGER },
  { "side-by-side", no_argument, NULL, OPT_SIDE_BY_SIDE },
  { "help", no_argument, NULL, OPT_HELP },
  { "version", no_argument, NULL, OPT_VERSION },
  { NULL, 0, NULL, 0 }
};

static void
usage_hint (void)
{
  fprintf (stderr, _("Try 'casebook --help' for more information.\n"));
}

/* ARG, the value of an option, as a message shows it: visibly, never
   its control characters raw.  The string lasts until the next call
   (a usage error reports one value, and ends the program).  */
static const char *
shown (const char *arg)
{
  static char *last;
  free (last);
  last = output_visible (arg);
  return last;
}

#define N_LONG_OPTIONS (sizeof long_options / sizeof *long_options)

/* The entry of long_options that the long option ARG ("--wid",
   "--count=3") names as getopt_long resolves it: the one spelled so,
   else the first that it abbreviates.  NULL if none.  */
static const struct option *
long_option_find (const char *arg)
{
  const char *name = arg + 2;
  size_t name_len = strcspn (name, "=");
  const struct option *first = NULL;
  for (const struct option *p = long_options; p->name; p++)
    if (strncmp (p->name, name, name_len) == 0)
      {
        if (strlen (p->name) == name_len)
          return p;
        if (first == NULL)
          first = p;
      }
  return first;
}

/* Mark in AMBIG (one per long_options entry) what the long option ARG
   could mean when it abbreviates more than one option.  opterr is 0,
   so getopt_long reports that only as an unknown option; this decides
   it as glibc does: the first option ARG abbreviates, and each other
   that differs from that one in argument, flag or value ("--colo" is
   --color or --colour, one option spelled two ways: not ambiguous).
   Returns how many it marked, 0 when ARG is not ambiguous.  */
static size_t
long_option_ambiguity (const char *arg, char ambig[N_LONG_OPTIONS])
{
  const char *name = arg + 2;
  size_t name_len = strcspn (name, "=");
  const struct option *first = NULL;
  size_t n = 0;
  memset (ambig, 0, N_LONG_OPTIONS);
  for (size_t i = 0; long_options[i].name; i++)
    {
      const struct option *p = &long_options[i];
      if (strncmp (p->name, name, name_len) != 0)
        continue;
      if (strlen (p->name) == name_len)
        return 0;               /* an exact match is never ambiguous */
      if (first == NULL)
        first = p;
      else if (p->has_arg != first->has_arg || p->flag != first->flag
               || p->val != first->val)
        {
          if (n == 0)
            {
              ambig[first - long_options] = 1;
              n = 1;
            }
          ambig[i] = 1;
          n++;
        }
    }
  return n;
}

/* Did getopt_long's last error, with optopt OPT, come from a long
   option, ARG (argv[optind - 1])?  After a short option's error ARG is
   the word its letter is in or, mid-cluster ("-xZ"), the word before,
   which may be a long option getopt took; OPT is then that letter.
   A long option's gives 0 (unknown or ambiguous) or its value, which
   may be a letter too when ARG gave an option of none a value.  */
static int
long_option_failed (const char *arg, int opt)
{
  if (strncmp (arg, "--", 2) != 0)
    return 0;
  if (opt == 0 || opt >= 256)
    return 1;
  const struct option *p = long_option_find (arg);
  return p && p->has_arg == no_argument && p->val == opt
    && strchr (arg, '=') != NULL;
}

/* Say, as GNU getopt would, what is wrong with ARG, the long option
   getopt_long returned C (':' or '?') for, with optopt OPT.  */
static void
long_option_error (int c, const char *arg, int opt)
{
  if (c == ':' || opt != 0)
    {
      /* getopt took ARG for an option, which it names in full ("--wid"
         is --width).  */
      const struct option *p = long_option_find (arg);
      char *name = p ? xasprintf ("--%s", p->name) : output_visible (arg);
      if (c == ':')
        fprintf (stderr, _("casebook: option '%s' requires an argument\n"),
                 name);
      else
        fprintf (stderr, _("casebook: option '%s' doesn't allow an "
                           "argument\n"), name);
      free (name);
      return;
    }
  char *a = output_visible (arg);
  char ambig[N_LONG_OPTIONS];
  if (long_option_ambiguity (arg, ambig) == 0)
    fprintf (stderr, _("casebook: unrecognized option '%s'\n"), a);
  else
    {
      /* TRANSLATORS: the options it could mean follow, each as
         " '--count'" below.  */
      fprintf (stderr, _("casebook: option '%s' is ambiguous; "
                         "possibilities:"), a);
      for (size_t i = 0; long_options[i].name; i++)
        if (ambig[i])
          /* TRANSLATORS: one of the options an ambiguous one could
             mean, after "possibilities:"; keep the leading space.  */
          fprintf (stderr, _(" '--%s'"), long_options[i].name);
      fputc ('\n', stderr);
    }
  free (a);
}

/* Is the unknown option C a letter of an argument that reads as an
   excluded word ("-Jilin": three letters or more, letters only), not
   a cluster of options?  */
static int
excluded_word (int argc, char **argv, int c)
{
  if (c <= 0 || c >= 0x80 || !isalpha (c))
    return 0;
  for (int i = 1; i < argc; i++)
    {
      const char *a = argv[i];
      if (a[0] != '-' || a[1] == '-' || strchr (a + 1, c) == NULL)
        continue;
      size_t n = 0;
      while (isalpha ((unsigned char) a[1 + n]))
        n++;
      if (n >= 3 && a[1 + n] == '\0')
        return 1;
    }
  return 0;
}

/* After a usage error's message: the hint, and the exit status, 2.  */
static int
usage_error (void)
{
  usage_hint ();
  return 2;
}

static void
print_version (void)
{
  printf ("casebook %s\n", PACKAGE_VERSION);
  printf (_("Features: OpenCC %s, PCRE2 JIT %s\n"),
          norm_has_opencc () ? _("yes") : _("no (traditional/simplified matching off)"),
          query_jit_available () ? _("yes") : _("no"));
  printf (_("Copyright (C) 2026 the casebook authors.\n"
            "License GPLv3+: GNU GPL version 3 or later "
            "<https://gnu.org/licenses/gpl.html>.\n"
            "This is free software: you are free to change and redistribute it.\n"
            "There is NO WARRANTY, to the extent permitted by law.\n"));
}

/* A number from 0 to 100000, in ASCII or full-width digits (as a
   Chinese input method types them: ３, ２０２２), as queries and
   document names take them.  */
static int
parse_int (const char *arg, int *out)
{
  char *s = norm_nfkc_string (arg);
  char *end;
  errno = 0;
  long v = strtol (s, &end, 10);
  int bad = *s == '\0' || *end != '\0' || errno || v < 0 || v > 100000;
  free (s);
  if (bad)
    return -1;
  *out = (int) v;
  return 0;
}

/* "64M", "1024", "2G": bytes.  */
static int
parse_size (const char *s, size_t *out)
{
  char *end;
  errno = 0;
  unsigned long long v = strtoull (s, &end, 10);
  if (end == s || *s == '-' || errno)
    return -1;
  unsigned long long mult = 1;
  if (*end == 'K' || *end == 'k')
    mult = 1ULL << 10;
  else if (*end == 'M' || *end == 'm')
    mult = 1ULL << 20;
  else if (*end == 'G' || *end == 'g')
    mult = 1ULL << 30;
  else if (*end != '\0')
    return -1;
  if (*end && end[1] != '\0')
    return -1;
  if (v == 0 || v > (unsigned long long) SIZE_MAX / mult)
    return -1;
  *out = (size_t) (v * mult);
  return 0;
}

/* Is S a value collection.cb can hold: valid UTF-8 on one line, with
   something besides spaces and no control character?  */
static int
one_line_text (const char *s)
{
  size_t n = strlen (s);
  if (u8_check ((const uint8_t *) s, n) != NULL)
    return 0;
  int seen = 0;
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    {
      if (*p < 0x20 || *p == 0x7f)
        return 0;
      seen |= *p != ' ';
    }
  return seen;
}

/* Does S name a document as show takes it: "N", or "COLLECTION/N", or
   either followed by a place ("7§1¶2")?  In NFKC, as show reads it
   (７, ｂａｔｃｈ３／７); a collection's name may hold a hyphen (div-p,
   as import names one after its file), though not begin with one.  */
static int
is_document_spec (const char *spec)
{
  char *s = norm_nfkc_string (spec);
  const char *slash = strchr (s, '/');
  const char *p = slash ? slash + 1 : s;
  int ok = slash != s && *p >= '0' && *p <= '9' && *s != '-';
  for (const char *q = s; ok && q < p; q++)
    ok = *q != ' ';
  free (s);
  return ok;
}

static int
finish (int rc)
{
  /* Report a failed write (full disk, closed stdout) instead of losing
     output silently.  */
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      if (errno != EPIPE)
        fprintf (stderr, _("casebook: write error: %s\n"), strerror (errno));
      return 2;
    }
  return rc;
}

/* The output options, as the dispatcher names them.  */
static const struct
{
  int flag;
  const char *name;
} option_names[] = {
  { CMD_OPT_JSON, "--json" },
  { CMD_OPT_COUNT, "--count" },
  { CMD_OPT_RAW, "--raw" },
  { CMD_OPT_COLOR, "--color" },
  { CMD_OPT_LANG, "--lang" },
  { CMD_OPT_BOTH, "--lang both" },
  { CMD_OPT_WIDTH, "--width" },
  { CMD_OPT_SNIPPETS, "-n" },
};

/* Pairs of options that contradict each other, whatever the command:
   JSON is exact (never raw), unwrapped and uncoloured, and gives every
   hit, not passages; a count prints no passages to colour or limit.  */
static const int option_conflicts[][2] = {
  { CMD_OPT_JSON, CMD_OPT_RAW },
  { CMD_OPT_JSON, CMD_OPT_WIDTH },
  { CMD_OPT_JSON, CMD_OPT_COLOR },
  { CMD_OPT_JSON, CMD_OPT_SNIPPETS },
  { CMD_OPT_COUNT, CMD_OPT_COLOR },
  { CMD_OPT_COUNT, CMD_OPT_SNIPPETS },
};

static const char *
option_name (int flag)
{
  for (size_t i = 0; i < sizeof option_names / sizeof *option_names; i++)
    if (option_names[i].flag == flag)
      return option_names[i].name;
  return "?";
}

/* The browser, as the option checks see it: the output options it
   takes (the others by cmd_takes).  */
static const struct cmd_entry browser_entry = {
  .name = "browser",
  .options = CMD_OPT_LANG | CMD_OPT_BOTH | CMD_OPT_COLOR | CMD_OPT_WIDTH,
};

/* Say that ENTRY (a command, or the browser) does not take OPTION.  */
static void
refuse (const struct cmd_entry *entry, const char *option)
{
  if (entry == &browser_entry)
    fprintf (stderr, _("casebook: the browser does not take %s\n"), option);
  else
    /* TRANSLATORS: "casebook: list does not take --raw".  */
    fprintf (stderr, _("casebook: %s does not take %s\n"), entry->name,
             option);
}

/* Refuse (saying why) an output option that ENTRY would ignore, or a
   pair of GIVEN options that contradict each other.  0 or -1.  */
static int
check_options (const struct cmd_entry *entry, int given)
{
  for (size_t i = 0; i < sizeof option_names / sizeof *option_names; i++)
    if ((given & option_names[i].flag) && !(entry->options & option_names[i].flag))
      {
        refuse (entry, option_names[i].name);
        return -1;
      }
  for (size_t i = 0; i < sizeof option_conflicts / sizeof *option_conflicts; i++)
    if ((given & option_conflicts[i][0]) && (given & option_conflicts[i][1]))
      {
        /* TRANSLATORS: "casebook: --json cannot be combined with --raw".  */
        fprintf (stderr, _("casebook: %s cannot be combined with %s\n"),
                 option_name (option_conflicts[i][0]),
                 option_name (option_conflicts[i][1]));
        return -1;
      }
  return 0;
}

/* Refuse (saying why) an option of one command given to another (see
   cmd_takes).  ENGLISH_GIVEN: whether --english was.  0 or -1.  */
static int
check_command_options (const struct cmd_entry *entry,
                       const struct cli_options *o, int english_given)
{
  const struct
  {
    int given;
    const char *name;
  } own[] = {
    { o->regex, "--regex" },
    { o->exact, "--exact" },
    { o->no_correct, "--no-correct" },
    { o->no_pager, "--no-pager" },
    { o->side_by_side, "--side-by-side" },
    { o->glossary_check, "--glossary" },
    { o->pending, "--pending" },
    { o->release_file != NULL, "--release" },
    { english_given, "--english" },
    { o->output_dir != NULL, "-o" },
    { o->add, "--add" },
    { o->name != NULL, "--name" },
    { o->max_size != 0, "--max-size" },
    { o->publisher != NULL, "--publisher" },
    { o->date != NULL, "--date" },
    { o->format != NULL, "--format" },
    { o->region != NULL, "--region" },
    { o->year != 0, "--year" },
    { o->facets, "--facets" },
    { o->script != NULL, "--script" },
  };
  for (size_t i = 0; i < sizeof own / sizeof *own; i++)
    if (own[i].given && !cmd_takes (entry, own[i].name))
      {
        refuse (entry, own[i].name);
        return -1;
      }
  return 0;
}

/* Refuse (saying why) --side-by-side, two languages, with ONE_LANG,
   the --lang of one language also given, whichever came last: either
   would silently undo the other.  0 or -1.  */
static int
check_side_by_side (const struct cli_options *o, const char *one_lang)
{
  if (o->side_by_side && o->json)
    {
      /* JSON gives each paragraph's languages, laid out by no one.  */
      fprintf (stderr, _("casebook: %s cannot be combined with %s\n"),
               "--json", "--side-by-side");
      return -1;
    }
  if (!o->side_by_side || one_lang == NULL)
    return 0;
  char lang_opt[16];
  snprintf (lang_opt, sizeof lang_opt, "--lang %s", one_lang);
  fprintf (stderr, _("casebook: %s cannot be combined with %s\n"),
           "--side-by-side", lang_opt);
  return -1;
}

/* The configuration file's settings, where the command line (GIVEN
   options, and RP's language) leaves them open.  */
static void
browser_prefs_apply (struct reader_prefs *rp, const struct settings *cfg,
                     int given)
{
  rp->settings = cfg;
  if (rp->lang < 0 && !rp->both && cfg->lang >= 0)
    {
      if (cfg->lang == SETTINGS_LANG_BOTH)
        rp->both = 1;
      else
        rp->lang = cfg->lang;
    }
  if (!(given & CMD_OPT_COLOR) && cfg->color >= 0)
    rp->color = (enum color_mode) cfg->color;
  if (!(given & CMD_OPT_WIDTH) && cfg->width > 0)
    rp->text_width = cfg->width;
}

/* The browser on O's library, with the configuration file's settings
   where the command line (GIVEN) leaves them open, starting with the
   search SEARCH or at the place PLACE ("7 §1 ¶12") when not NULL.  */
static int
run_browser (const struct cli_options *o, int given, const char *search,
             const char *place, cli_browse_fn browse)
{
  struct library *lib = cmd_load_library_headers (o);
  if (lib == NULL)
    return 2;
  struct reader_prefs rp = {
    .content_dir = o->content_dir, .lang = o->lang, .both = o->both,
    .color = o->color, .exact = o->exact, .regex = o->regex,
    .no_correct = o->no_correct,
    .script_config = o->script_config, .search = search, .place = place,
    .english_revised = o->english_revised, .text_width = o->width
  };
  struct settings cfg;
  settings_init (&cfg);
  char *cfg_path = settings_default_path ();
  if (cfg_path)
    settings_load (&cfg, cfg_path);
  free (cfg_path);
  browser_prefs_apply (&rp, &cfg, given);
  int rc = browse (lib, &rp);
  settings_free (&cfg);
  library_free (lib);
  return rc;
}

int
cli_main (int argc, char **argv, cli_browse_fn browse)
{
  struct cli_options o = { .lang = -1, .color = COLOR_AUTO, .max_snippets = 3 };
  int given = 0;                /* CMD_OPT_* given on the command line */
  int english_given = 0;
  const char *one_lang = NULL;  /* "zh" or "en": the last --lang of one
                                   language, unless --lang both followed */
  int want_help = 0;
  int c;
  opterr = 0;
  while ((c = getopt_long (argc, argv, ":n:o:h", long_options, NULL)) != -1)
    {
      switch (c)
        {
        case OPT_CONTENT:
          if (*optarg == '\0')
            {
              /* Not "casebook: : error: ...", naming no file.  */
              fprintf (stderr, _("casebook: --content needs a directory\n"));
              return usage_error ();
            }
          o.content_dir = optarg;
          break;
        case OPT_LANG:
          if (strcmp (optarg, "both") == 0)
            {
              o.both = 1;
              one_lang = NULL;
            }
          else
            {
              enum lang l;
              if (lang_parse (optarg, &l) != 0)
                {
                  fprintf (stderr, _("casebook: invalid --lang '%s' (use zh, en or both)\n"), shown (optarg));
                  return usage_error ();
                }
              o.lang = (int) l;
              o.both = 0;
              one_lang = lang_code (l);
            }
          break;
        case OPT_WIDTH:
          given |= CMD_OPT_WIDTH;
          if (parse_int (optarg, &o.width) != 0 || o.width < 10)
            {
              fprintf (stderr, _("casebook: invalid --width '%s' (a number of columns, 10 to 100000)\n"), shown (optarg));
              return usage_error ();
            }
          break;
        case 'n':
          given |= CMD_OPT_SNIPPETS;
          if (parse_int (optarg, &o.max_snippets) != 0)
            {
              fprintf (stderr, _("casebook: invalid -n '%s' (a number, 0 to 100000)\n"), shown (optarg));
              return usage_error ();
            }
          break;
        case OPT_JSON:
          given |= CMD_OPT_JSON;
          o.json = 1;
          break;
        case OPT_COLOR:
          given |= CMD_OPT_COLOR;
          if (optarg == NULL || strcmp (optarg, "always") == 0
              || strcmp (optarg, "yes") == 0)
            o.color = COLOR_ALWAYS;
          else if (strcmp (optarg, "never") == 0 || strcmp (optarg, "no") == 0)
            o.color = COLOR_NEVER;
          else if (strcmp (optarg, "auto") == 0)
            o.color = COLOR_AUTO;
          else
          {
            fprintf (stderr, _("casebook: invalid --color '%s' (use auto, always or never)\n"), shown (optarg));
            return usage_error ();
          }
          break;
        case OPT_COUNT:
          given |= CMD_OPT_COUNT;
          o.count = 1;
          break;
        case OPT_REGEX:
          o.regex = 1;
          break;
        case OPT_NO_CORRECT:
          o.no_correct = 1;
          break;
        case OPT_EXACT:
          o.exact = 1;
          break;
        case OPT_RAW:
          given |= CMD_OPT_RAW;
          o.raw = 1;
          break;
        case OPT_GLOSSARY:
          o.glossary_check = 1;
          break;
        case OPT_PENDING:
          o.pending = 1;
          break;
        case OPT_AMBIGUOUS_WIDE:
          norm_set_ambiguous_wide (1);
          break;
        case OPT_ENGLISH:
          if (strcmp (optarg, "release") && strcmp (optarg, "revised"))
            {
              fprintf (stderr, _("casebook: invalid --english '%s' (use release or revised)\n"), shown (optarg));
              return usage_error ();
            }
          o.english_revised = strcmp (optarg, "revised") == 0;
          english_given = 1;
          break;
        case OPT_RELEASE:
          o.release_file = optarg;
          break;
        case OPT_SCRIPT:
          if (strcmp (optarg, "simplified") && strcmp (optarg, "traditional"))
            {
              fprintf (stderr, _("casebook: invalid --script '%s' (use simplified or traditional)\n"), shown (optarg));
              return usage_error ();
            }
          o.script = optarg;
          break;
        case 'o':
          o.output_dir = optarg;
          break;
        case OPT_ADD:
          o.add = 1;
          break;
        case OPT_NAME:
          o.name = optarg;
          break;
        case OPT_MAX_SIZE:
          if (parse_size (optarg, &o.max_size) != 0)
            {
              fprintf (stderr, _("casebook: invalid --max-size '%s' (a number of bytes, with K, M or G)\n"), shown (optarg));
              return usage_error ();
            }
          break;
        case OPT_PUBLISHER:
          if (!one_line_text (optarg))
            {
              fprintf (stderr, _("casebook: invalid --publisher '%s' (a "
                                 "name on one line)\n"), shown (optarg));
              return usage_error ();
            }
          o.publisher = optarg;
          break;
        case OPT_DATE:
          if (!util_date_valid (optarg))
            {
              fprintf (stderr, _("casebook: invalid --date '%s' (a day "
                                 "written YYYY-MM-DD)\n"), shown (optarg));
              return usage_error ();
            }
          o.date = optarg;
          break;
        case OPT_FORMAT:
          {
            enum export_format f;
            if (export_format_parse (optarg, &f) != 0)
              {
                fprintf (stderr, _("casebook: invalid --format '%s' (use "
                                   "md, html or jsonl)\n"), shown (optarg));
                return usage_error ();
              }
          }
          o.format = optarg;
          break;
        case OPT_REGION:
          {
            /* Compared with the text, which is UTF-8: bytes that are
               not would silently match nothing, as a query's are
               refused.  */
            if (u8_check ((const uint8_t *) optarg, strlen (optarg)))
              {
                fprintf (stderr, _("casebook: --region is not valid UTF-8\n"));
                return usage_error ();
              }
            /* One that folds to nothing (a zero-width space) would be
               found in every region: none given, as region: says.  */
            char *folded = norm_fold_string (optarg, strlen (optarg));
            int blank = query_blank (folded);
            free (folded);
            if (blank)
              {
                fprintf (stderr, _("casebook: --region needs a region, such as Guangxi\n"));
                return usage_error ();
              }
          }
          o.region = optarg;
          break;
        case OPT_YEAR:
          /* The years a query's year: takes.  */
          if (parse_int (optarg, &o.year) != 0 || o.year < QUERY_YEAR_MIN
              || o.year > QUERY_YEAR_MAX)
            {
              fprintf (stderr, _("casebook: invalid --year '%s' (a year such as 2022)\n"), shown (optarg));
              return usage_error ();
            }
          break;
        case OPT_FACETS:
          o.facets = 1;
          break;
        case OPT_NO_PAGER:
          o.no_pager = 1;
          break;
        case OPT_SIDE_BY_SIDE:
          /* Both languages, in two columns rather than one after the
             other.  */
          o.side_by_side = 1;
          o.both = 1;
          o.lang = -1;
          break;
        case OPT_HELP:
        case 'h':
          /* The command's own help when one is named, wherever it is
             (getopt has yet to reach it).  */
          want_help = 1;
          break;
        case OPT_VERSION:
          print_version ();
          return finish (0);
        case ':':
          /* A short option misses its argument only at the end, so
             argv[optind - 1] is the word it is in; a long one's value
             may be a letter (--snippets is -n).  */
          if (strncmp (argv[optind - 1], "--", 2) == 0)
            long_option_error (c, argv[optind - 1], optopt);
          else
            fprintf (stderr, _("casebook: option requires an argument -- '%c'\n"),
                     optopt);
          usage_hint ();
          return 2;
        case '?':
        default:
          if (optopt < 0 || (optopt >= 0x80 && optopt < 256)
              || excluded_word (argc, argv, optopt))
            {
              /* One byte of a character (getopt reads bytes), or a
                 letter of a word: the word it is in, most likely a
                 query's excluded term ("-吉林", "-Jilin").  */
              const char *word = NULL;
              for (int i = 1; i < argc && word == NULL; i++)
                if (argv[i][0] == '-' && argv[i][1] != '-'
                    && strchr (argv[i], optopt) != NULL)
                  word = argv[i];
              char *a = output_visible (word ? word : "");
              fprintf (stderr, _("casebook: invalid option '%s' (a query that "
                                 "begins with '-' goes after '--')\n"), a);
              free (a);
            }
          else if (long_option_failed (argv[optind - 1], optopt))
            long_option_error (c, argv[optind - 1], optopt);
          else if (optopt && optopt < 256)
            {
              /* A control character (-$'\033') is shown, not sent.  */
              char one[2] = { (char) optopt, '\0' };
              char *a = output_visible (one);
              fprintf (stderr, _("casebook: invalid option -- '%s'\n"), a);
              free (a);
            }
          else
            {
              char *a = output_visible (argv[optind - 1]);
              fprintf (stderr, _("casebook: unrecognized option '%s'\n"), a);
              free (a);
            }
          usage_hint ();
          return 2;
        }
    }
  if (want_help)
    {
      /* casebook COMMAND --help: that command's; else the program's.
         A word that is no command is refused as it would be without
         --help, not answered with the program's help as if it were
         one.  */
      const char *word = optind < argc ? argv[optind] : NULL;
      const struct cmd_entry *entry = word ? cmd_find (word) : NULL;
      if (word && entry == NULL && strncmp (word, "+/", 2) != 0)
        {
          if (!is_document_spec (word))
            {
              char *a = output_visible (word);
              fprintf (stderr, _("casebook: unknown command '%s'\n"), a);
              free (a);
              usage_hint ();
              return 2;
            }
          /* "casebook 7 --help": what "casebook 7" runs off a
             terminal.  */
          entry = &cmd_show_entry;
        }
      help_print (entry);
      return finish (0);
    }
  const char *aw = getenv ("CASEBOOK_AMBIGUOUS_WIDE");
  if (aw && strcmp (aw, "1") == 0)
    norm_set_ambiguous_wide (1);
  /* Traditional script: asked for, or the default in zh_TW and zh_HK
     locales when OpenCC is there.  */
  const char *loc = setlocale (LC_MESSAGES, NULL);
  const char *env_lang = getenv ("LANGUAGE");
  int hk = (loc && strncmp (loc, "zh_HK", 5) == 0)
    || (env_lang && strncmp (env_lang, "zh_HK", 5) == 0);
  int tw = hk || (loc && strncmp (loc, "zh_TW", 5) == 0)
    || (env_lang && strncmp (env_lang, "zh_TW", 5) == 0);
  if (o.script ? strcmp (o.script, "traditional") == 0 : tw)
    {
      if (!norm_has_opencc ())
        {
          if (o.script)
            {
              fprintf (stderr, _("casebook: --script=traditional is unavailable: "
                                 "this casebook was built without OpenCC\n"));
              return 2;
            }
        }
      else
        o.script_config = hk ? "s2hk.json" : "s2tw.json";
    }

  /* GNU getopt moved the non-options, in order, behind the options.  */
  char **args = argv + optind;
  size_t nargs = (size_t) (argc - optind);

  static char list_word[] = "list";
  static char *default_args[] = { list_word, NULL };
  int rc;
  const char *cmd = nargs ? args[0] : NULL;
  if (o.lang < 0 && !o.both)
    o.lang = -1;
  /* casebook +/QUERY: the browser with that search, as less +/PATTERN;
     off a terminal, casebook search QUERY.  */
  const char *start_search = NULL;
  static char search_word[] = "search";
  static char *search_args[] = { search_word, NULL, NULL };
  /* The words after it belong to the query too, as search's do
     ("casebook +/巡回 检察").  */
  static struct buf plus_query;  /* reachable until exit */
  if (cmd && strncmp (cmd, "+/", 2) == 0)
    {
      buf_adds (&plus_query, cmd + 2);
      for (size_t i = 1; i < nargs; i++)
        {
          buf_addc (&plus_query, ' ');
          buf_adds (&plus_query, args[i]);
        }
      start_search = plus_query.data;
      if (isatty (STDIN_FILENO) && isatty (STDOUT_FILENO))
        cmd = NULL;
      else
        {
          search_args[1] = plus_query.data;
          args = search_args;
          nargs = 2;
          cmd = "search";
        }
    }
  int tty = isatty (STDIN_FILENO) && isatty (STDOUT_FILENO);
  if (o.both)
    given |= CMD_OPT_BOTH;
  else if (o.lang >= 0)
    given |= CMD_OPT_LANG;
  if (cmd == NULL)
    {
      if (tty)
        {
          /* Options only a command uses are refused, not forgotten.  */
          if (check_command_options (&browser_entry, &o, english_given) != 0
              || check_options (&browser_entry, given) != 0)
            return usage_error ();
          return run_browser (&o, given, start_search, NULL, browse);
        }
      /* --lang both is the browser's, which needs a terminal: say
         why it is refused, not only that list refuses it.  */
      if (o.both && !o.side_by_side)
        {
          fprintf (stderr, _("casebook: --lang both is for the browser, "
                             "which needs a terminal; without one, "
                             "casebook lists the documents\n"));
          usage_hint ();
          return 2;
        }
      cmd = "list";
      args = default_args;
      nargs = 1;
    }
  const struct cmd_entry *entry = cmd_find (cmd);
  /* "casebook 7", "casebook sample/7 §1 ¶2": on a terminal the browser
     there; otherwise show, as "man 1 ls" would be "man ls".  */
  int bare = entry == NULL && is_document_spec (cmd);
  if (bare && tty && !o.json && !o.raw && !o.no_pager)
    {
      /* On a terminal, the browser at that place, as "7 §1 ¶12" typed
         at its ':' prompt would go.  */
      if (check_command_options (&browser_entry, &o, english_given) != 0
          || check_options (&browser_entry, given) != 0)
        return usage_error ();
      struct buf place = { 0 };
      for (size_t i = 0; i < nargs; i++)
        {
          if (i > 0)
            buf_addc (&place, ' ');
          buf_adds (&place, args[i]);
        }
      rc = run_browser (&o, given, NULL, place.data, browse);
      buf_free (&place);
      return rc;
    }
  if (bare)
    entry = &cmd_show_entry;
  if (entry == NULL)
    {
      char *a = output_visible (cmd);
      fprintf (stderr, _("casebook: unknown command '%s'\n"), a);
      free (a);
      usage_hint ();
      return 2;
    }
  /* Another command's options first: --side-by-side is named as typed,
     not as the --lang both it implies.  */
  if (check_command_options (entry, &o, english_given) != 0
      || check_options (entry, given) != 0
      || check_side_by_side (&o, one_lang) != 0)
    {
      usage_hint ();
      return 2;
    }
  int cargc = (int) nargs - !bare;
  if (cargc < entry->min_args
      || (entry->max_args >= 0 && cargc > entry->max_args))
    {
      if (entry->usage)
        fputs (_(entry->usage), stderr);
      else
        fprintf (stderr, _("casebook: %s takes no arguments\n"), cmd);
      usage_hint ();
      return 2;
    }
  struct library *lib = NULL;
  if (entry->flags & CMD_LIBRARY)
    {
      lib = entry->flags & CMD_HEADERS ? cmd_load_library_headers (&o)
        : cmd_load_library (&o);
      if (lib == NULL)
        return 2;
    }
  rc = entry->exec (&o, lib, cargc, args + !bare);
  library_free (lib);
  return finish (rc);
}
