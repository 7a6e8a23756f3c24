/* cli.c -- casebook's command line.

   Options may come before or after the subcommand (GNU getopt permutes);
   a query that starts with '-' goes after "--".  Output is plain text
   that pipes well, or JSON Lines with --json.  Exit status: 0 success,
   1 nothing found, 2 error, like grep.  */

#include <config.h>
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "content.h"
#include "i18n.h"
#include "import.h"
#include "index.h"
#include "layout.h"
#include "norm.h"
#include "prefs.h"
#include "query.h"
#include "render.h"
#include "search.h"
#include "util.h"

enum
{
  OPT_CONTENT = 256, OPT_LANG, OPT_WIDTH, OPT_JSON, OPT_COLOR, OPT_COUNT,
  OPT_REGEX, OPT_EXACT, OPT_RAW, OPT_GLOSSARY, OPT_HELP, OPT_VERSION,
  OPT_AMBIGUOUS_WIDE, OPT_SCRIPT
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
  { "raw", no_argument, NULL, OPT_RAW },
  { "glossary", no_argument, NULL, OPT_GLOSSARY },
  { "ambiguous-wide", no_argument, NULL, OPT_AMBIGUOUS_WIDE },
  { "script", required_argument, NULL, OPT_SCRIPT },
  { "output", required_argument, NULL, 'o' },
  { "snippets", required_argument, NULL, 'n' },
  { "help", no_argument, NULL, OPT_HELP },
  { "version", no_argument, NULL, OPT_VERSION },
  { NULL, 0, NULL, 0 }
};

static void
usage_hint (void)
{
  fprintf (stderr, _("Try 'casebook --help' for more information.\n"));
}

static void
print_help (void)
{
  printf (_("Usage: casebook [OPTION]... [COMMAND [ARG]...]\n"
            "Read, search and compare the Supreme People's Procuratorate's typical\n"
            "cases in Chinese and English.  With no COMMAND on a terminal, open the\n"
            "browser; otherwise list the cases.\n"
            "\n"));
  printf (_("Commands:\n"
            "  list                 one line per document: number, region, title\n"
            "  show N               the document N as wrapped text\n"
            "  search QUERY...      find documents and passages (see QUERIES)\n"
            "  tags                 every keyword with the documents that carry it\n"
            "  check [DIR]          validate content and report its coverage\n"
            "  import FILE          turn a release text into a collection\n"
            "\n"));
  printf (_("Options:\n"
            "      --content=DIR    read content from DIR\n"
            "      --lang=LANG      zh, en, or (show, browser) both\n"
            "      --width=N        wrap text at N columns\n"
            "      --json           print JSON Lines (list, show, search, tags)\n"
            "      --color[=WHEN]   highlight matches: auto, always, never\n"
            "  -n, --snippets=N     show up to N passages per document (search)\n"
            "      --count          print only the number of hits per document\n"
            "      --regex          the whole query is one regular expression\n"
            "      --exact          do not match glossary renderings across languages\n"
            "      --raw            pass control characters through (show)\n"
            "      --glossary       check: list glossary terms missing in translations\n"
            "  -o, --output=DIR     import: write the collection to DIR\n"
            "      --ambiguous-wide count ambiguous-width characters as two columns\n"
            "      --script=SCRIPT  show Chinese in simplified or traditional script\n"
            "      --help           display this help and exit\n"
            "      --version        output version information and exit\n"
            "\n"));
  printf (_("Queries: words must all occur; \"a phrase\"; -word excludes (after --);\n"
            "tag:KEYWORD; lang:zh or lang:en; /regex/.  Example:\n"
            "  casebook search 巡回检察\n"
            "  casebook search -- '\"circuit inspection\" -prison'\n"
            "\n"));
  printf (_("Exit status is 0 on success, 1 if nothing was found, 2 on error.\n"
            "Full documentation: man casebook; the content format: man 5 casebook.\n"));
  printf (_("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
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

static int
terminal_width (void)
{
  struct winsize ws;
  if (ioctl (STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
    return ws.ws_col < 10 ? 10 : ws.ws_col;
  const char *c = getenv ("COLUMNS");
  if (c && *c)
    {
      char *end;
      long n = strtol (c, &end, 10);
      if (*end == '\0' && n > 0)
        return n < 10 ? 10 : n > 1000 ? 1000 : (int) n;
    }
  return 80;
}

static void
print_diags (const struct diags *d)
{
  for (size_t i = 0; i < d->count; i++)
    {
      const struct diag *g = &d->items[i];
      const char *sev = g->severity == DIAG_ERROR ? _("error") : _("warning");
      /* File names and messages may carry what they quote: make both
         safe for the terminal.  */
      struct visible v, f;
      norm_visible (g->message, strlen (g->message), 0, &v);
      norm_visible (g->file, strlen (g->file), 0, &f);
      if (g->line)
        fprintf (stderr, "casebook: %s:%lu: %s: %s\n", f.str, g->line, sev, v.str);
      else
        fprintf (stderr, "casebook: %s: %s: %s\n", f.str, sev, v.str);
      norm_visible_free (&v);
      norm_visible_free (&f);
    }
}

/* Load the library or report why not.  NULL means exit 2.  */
static struct library *
load (const struct cli_options *o)
{
  struct diags d = { 0 };
  const char *dir = o->content_dir ? o->content_dir : prefs_content_dir ();
  struct library *lib = content_load (dir, &d);
  print_diags (&d);
  if (d.errors)
    {
      fprintf (stderr, _("casebook: %s: content has errors; "
                         "'casebook check %s' lists them\n"), dir, dir);
      library_free (lib);
      lib = NULL;
    }
  diags_free (&d);
  return lib;
}

static enum lang
reader_lang (const struct cli_options *o)
{
  return o->lang >= 0 ? (enum lang) o->lang : prefs_locale_lang ();
}

/* Write S as a JSON string.  */
static void
json_string (FILE *f, const char *s, size_t len)
{
  fputc ('"', f);
  for (size_t i = 0; i < len; i++)
    {
      unsigned char c = (unsigned char) s[i];
      if (c == '"' || c == '\\')
        fprintf (f, "\\%c", c);
      else if (c == '\n')
        fputs ("\\n", f);
      else if (c == '\t')
        fputs ("\\t", f);
      else if (c < 0x20 || c == 0x7f)
        fprintf (f, "\\u%04x", c);
      else if (c == 0xc2 && i + 1 < len && (unsigned char) s[i + 1] >= 0x80
               && (unsigned char) s[i + 1] < 0xa0)
        {
          /* C1 controls (U+0080-U+009F) are escaped too: some terminals
             obey them.  */
          fprintf (f, "\\u%04x", (unsigned char) s[i + 1]);
          i++;
        }
      else
        fputc (c, f);
    }
  fputc ('"', f);
}

static void
json_text (FILE *f, const char *key, const struct text *t)
{
  fprintf (f, ",\"%s\":", key);
  if (t)
    json_string (f, t->str, t->len);
  else
    fputs ("null", f);
}

/* Print T made safe for the terminal (unless RAW).  */
static void
put_text (const char *s, size_t len, int raw)
{
  if (raw || !norm_needs_visible (s, len, 0))
    {
      fwrite (s, 1, len, stdout);
      return;
    }
  struct visible v;
  norm_visible (s, len, 0, &v);
  fwrite (v.str, 1, v.len, stdout);
  norm_visible_free (&v);
}

/* Print text of language L, in traditional script if asked for.  */
static void
put_lang (const struct cli_options *o, enum lang l, const char *s, size_t len)
{
  char *conv = o->script_config && l == LANG_ZH && len > 0
    ? norm_to_traditional (s, len, o->script_config) : NULL;
  /* --raw is for show alone: list, tags and search stay safe.  */
  if (conv)
    {
      put_text (conv, strlen (conv), 0);
      free (conv);
    }
  else
    put_text (s, len, 0);
}

static const char *
doc_label (const struct document *d, enum lang l, char *buf, size_t size)
{
  if (d->number == 0)
    snprintf (buf, size, "%s", l == LANG_ZH ? "概述" : "Overview");
  else
    snprintf (buf, size, l == LANG_ZH ? "案例%ld" : "Case %ld", d->number);
  return buf;
}

static int
cmd_list (const struct cli_options *o, const struct library *lib)
{
  enum lang l = reader_lang (o);
  size_t n = library_document_count (lib);
  int region_w = 0;
  for (size_t i = 0; i < n; i++)
    {
      const struct text *r = bitext_pick (&library_document (lib, i)->region, l, NULL);
      if (r == NULL)
        continue;
      struct visible v;
      norm_visible (r->str, r->len, 0, &v);
      if (norm_width (v.str, v.len) > region_w)
        region_w = norm_width (v.str, v.len);
      norm_visible_free (&v);
    }
  for (size_t i = 0; i < n; i++)
    {
      const struct document *d = library_document (lib, i);
      enum lang tl, rl;
      const struct text *t = bitext_pick (&d->title, l, &tl);
      const struct text *r = bitext_pick (&d->region, l, &rl);
      if (o->json)
        {
          printf ("{\"document\":%ld,\"collection\":", d->number);
          json_string (stdout, d->collection->id, strlen (d->collection->id));
          json_text (stdout, "region_zh", bitext_get (&d->region, LANG_ZH));
          json_text (stdout, "region_en", bitext_get (&d->region, LANG_EN));
          json_text (stdout, "title_zh", bitext_get (&d->title, LANG_ZH));
          json_text (stdout, "title_en", bitext_get (&d->title, LANG_EN));
          printf (",\"path\":");
          json_string (stdout, d->path, strlen (d->path));
          printf ("}\n");
          continue;
        }
      printf ("%2ld  ", d->number);
      struct visible rv;
      norm_visible (r ? r->str : "", r ? r->len : 0, 0, &rv);
      char *reg = layout_fit (rv.str, rv.len, region_w);
      put_lang (o, rl, reg, strlen (reg));
      free (reg);
      norm_visible_free (&rv);
      printf ("  ");
      if (t)
        put_lang (o, tl, t->str, t->len);
      putchar ('\n');
    }
  return 0;
}

static enum view
show_view (const struct cli_options *o)
{
  if (o->both)
    return VIEW_INTERLEAVED;
  return reader_lang (o) == LANG_ZH ? VIEW_ZH : VIEW_EN;
}

static int
cmd_show (const struct cli_options *o, const struct library *lib,
          const char *spec)
{
  const struct document *d = library_find (lib, spec);
  if (d == NULL)
    {
      fprintf (stderr, _("casebook: no document '%s' (try 'casebook list')\n"),
               spec);
      return 2;
    }
  if (o->json)
    {
      printf ("{\"document\":%ld", d->number);
      json_text (stdout, "title_zh", bitext_get (&d->title, LANG_ZH));
      json_text (stdout, "title_en", bitext_get (&d->title, LANG_EN));
      for (int l = 0; l < LANG_COUNT; l++)
        {
          printf (",\"keywords_%s\":[", lang_code (l));
          for (size_t k = 0; k < d->keywords.count[l]; k++)
            {
              if (k)
                putchar (',');
              json_string (stdout, d->keywords.items[l][k],
                           strlen (d->keywords.items[l][k]));
            }
          putchar (']');
        }
      printf ("}\n");
      for (size_t s = 0; s < d->nsections; s++)
        for (size_t b = 0; b < d->sections[s].nblocks; b++)
          {
            const struct block *blk = &d->sections[s].blocks[b];
            static const char *const kinds[] = { "paragraph", "heading", "keywords" };
            printf ("{\"document\":%ld,\"section\":%zu,\"paragraph\":%zu,"
                    "\"kind\":\"%s\"", d->number, s, b, kinds[blk->kind]);
            for (int l = 0; l < LANG_COUNT; l++)
              {
                const struct text *t = bitext_get (&blk->text, l);
                char key[16];
                snprintf (key, sizeof key, "%s", lang_code (l));
                json_text (stdout, key, t);
                printf (",\"%s_translated\":%s", lang_code (l),
                        t && t->origin == ORIGIN_TRANSLATION ? "true" : "false");
              }
            printf ("}\n");
          }
      return 0;
    }
  struct render_options ro = {
    .view = show_view (o),
    .width = o->width > 0 ? o->width : terminal_width (),
    .gutter = 1,
    .raw = o->raw,
    .script = o->script_config,
  };
  struct render r;
  render_document (d, &ro, &r);
  int any_translated = 0;
  for (size_t i = 0; i < r.nlines; i++)
    any_translated |= r.lines[i].cell[0].translated | r.lines[i].cell[1].translated;
  if (any_translated)
    {
      /* TRANSLATORS: the legend of `casebook show`; the Chinese must say
         that Chinese marked so is a translation, not the official
         original.  */
      const char *legend = _("* marks the casebook project's translation, "
                             "not the release's own text.");
      struct layout_line *ll;
      size_t n = layout_wrap (legend, strlen (legend), ro.width, ro.width - 2, &ll);
      for (size_t i = 0; i < n; i++)
        printf ("%s%.*s\n", i ? "  " : "", (int) ll[i].len, legend + ll[i].off);
      putchar ('\n');
      free (ll);
    }
  for (size_t i = 0; i < r.nlines; i++)
    {
      const struct rline *ln = &r.lines[i];
      int col = 0;
      for (int c = 0; c < 2; c++)
        {
          const struct rcell *cell = &ln->cell[c];
          if (!cell->present)
            continue;
          for (; col < cell->col; col++)
            putchar (' ');
          printf ("%s%*s", cell->translated ? "* " : "  ", cell->indent, "");
          fwrite (cell->s, 1, cell->len, stdout);
          col += 2 + cell->indent + norm_width (cell->s, cell->len);
        }
      putchar ('\n');
    }
  render_free (&r);
  return 0;
}

struct tag_entry
{
  char *folded;
  char *name;
  char *other;
  enum lang lang;               /* of NAME */
  long *docs;
  size_t ndocs;
  size_t docs_alloc;
};

/* Where FOLDED is, or should go, in the open-addressed table SLOTS of
   NSLOTS entries (a power of two) holding indices into TAGS plus one.  */
static size_t
tag_slot (const size_t *slots, size_t nslots, const struct tag_entry *tags,
          const char *folded)
{
  size_t h = 1469598103934665603ULL & (size_t) -1;
  for (const unsigned char *p = (const unsigned char *) folded; *p; p++)
    h = (h ^ *p) * 1099511628211ULL;
  size_t i = h & (nslots - 1);
  while (slots[i] && strcmp (tags[slots[i] - 1].folded, folded) != 0)
    i = (i + 1) & (nslots - 1);
  return i;
}

static int
cmd_tags (const struct cli_options *o, const struct library *lib)
{
  enum lang l = reader_lang (o);
  struct tag_entry *tags = NULL;
  size_t ntags = 0, alloc = 0;
  /* A hash table from folded keyword to entry: a collection may have a
     hundred thousand keywords.  */
  size_t nslots = 64;
  size_t *slots = xcalloc (nslots, sizeof *slots);
  size_t n = library_document_count (lib);
  for (size_t i = 0; i < n; i++)
    {
      const struct document *d = library_document (lib, i);
      enum lang al;
      const struct keyword_list *kw = &d->keywords;
      al = kw->count[l] ? l : lang_other (l);
      for (size_t k = 0; k < kw->count[al]; k++)
        {
          const char *name = kw->items[al][k];
          const char *other = kw->count[lang_other (al)] > k
            ? kw->items[lang_other (al)][k] : NULL;
          char *f = norm_fold_string (name, strlen (name));
          if (2 * (ntags + 1) > nslots)
            {
              size_t *bigger = xcalloc (nslots * 2, sizeof *bigger);
              for (size_t j = 0; j < ntags; j++)
                bigger[tag_slot (bigger, nslots * 2, tags, tags[j].folded)] = j + 1;
              free (slots);
              slots = bigger;
              nslots *= 2;
            }
          size_t slot = tag_slot (slots, nslots, tags, f);
          size_t t = slots[slot] ? slots[slot] - 1 : ntags;
          if (t == ntags)
            {
              slots[slot] = ntags + 1;
              tags = xgrow (tags, &alloc, ntags + 1, sizeof *tags);
              memset (&tags[ntags], 0, sizeof *tags);
              tags[ntags].folded = f;
              tags[ntags].name = xstrdup (name);
              tags[ntags].other = other ? xstrdup (other) : NULL;
              tags[ntags].lang = al;
              ntags++;
            }
          else
            free (f);
          if (tags[t].ndocs == 0 || tags[t].docs[tags[t].ndocs - 1] != d->number)
            {
              tags[t].docs = xgrow (tags[t].docs, &tags[t].docs_alloc,
                                    tags[t].ndocs + 1, sizeof *tags[t].docs);
              tags[t].docs[tags[t].ndocs++] = d->number;
            }
        }
    }
  for (size_t t = 0; t < ntags; t++)
    {
      if (o->json)
        {
          printf ("{\"tag\":");
          json_string (stdout, tags[t].name, strlen (tags[t].name));
          printf (",\"other\":");
          if (tags[t].other)
            json_string (stdout, tags[t].other, strlen (tags[t].other));
          else
            printf ("null");
          printf (",\"documents\":[");
          for (size_t k = 0; k < tags[t].ndocs; k++)
            printf ("%s%ld", k ? "," : "", tags[t].docs[k]);
          printf ("]}\n");
        }
      else
        {
          put_lang (o, tags[t].lang, tags[t].name, strlen (tags[t].name));
          if (tags[t].other)
            {
              fputs (" (", stdout);
              put_lang (o, lang_other (tags[t].lang), tags[t].other,
                        strlen (tags[t].other));
              putchar (')');
            }
          putchar ('\t');
          for (size_t k = 0; k < tags[t].ndocs; k++)
            printf ("%s%ld", k ? " " : "", tags[t].docs[k]);
          putchar ('\n');
        }
      free (tags[t].folded);
      free (tags[t].name);
      free (tags[t].other);
      free (tags[t].docs);
    }
  free (tags);
  free (slots);
  return ntags ? 0 : 1;
}

/* Does folded text F contain any form of glossary entry E in L?  */
static int
glossary_in (const char *f, const struct glossary_entry *e, enum lang l)
{
  for (size_t v = 0; v <= e->nvariants[l]; v++)
    {
      const char *form = v == 0 ? e->term[l] : e->variants[l][v - 1];
      char *ff = norm_fold_string (form, strlen (form));
      int hit = *ff && strstr (f, ff) != NULL;
      free (ff);
      if (hit)
        return 1;
    }
  return 0;
}

/* The folded forms of every glossary entry in one language, computed once
   for a whole check.  */
struct folded_forms
{
  char **forms;                 /* all forms, entry after entry */
  size_t *entry;                /* the entry of each form */
  size_t count;
};

static void
fold_forms (const struct glossary *g, enum lang l, struct folded_forms *ff)
{
  size_t alloc = 0, ealloc = 0;
  memset (ff, 0, sizeof *ff);
  for (size_t k = 0; k < g->count; k++)
    for (size_t v = 0; v <= g->entries[k].nvariants[l]; v++)
      {
        const char *form = v == 0 ? g->entries[k].term[l]
                                  : g->entries[k].variants[l][v - 1];
        char *f = norm_fold_string (form, strlen (form));
        if (*f == '\0')
          {
            free (f);
            continue;
          }
        ff->forms = xgrow (ff->forms, &alloc, ff->count + 1, sizeof *ff->forms);
        ff->entry = xgrow (ff->entry, &ealloc, ff->count + 1, sizeof *ff->entry);
        ff->forms[ff->count] = f;
        ff->entry[ff->count++] = k;
      }
}

static void
free_forms (struct folded_forms *ff)
{
  for (size_t i = 0; i < ff->count; i++)
    free (ff->forms[i]);
  free (ff->forms);
  free (ff->entry);
}

/* Entries of the glossary that occur in folded text S by themselves: an
   occurrence that lies inside an occurrence of a longer form of another
   entry ("检察官" inside "检察官助理") belongs to that longer term and
   does not count.  Sets NEEDED[k] for each such entry K.  */
static void
terms_in (const char *s, const struct folded_forms *ff, char *needed)
{
  size_t len = strlen (s);
  /* COVER[i]: the end of the longest form starting at or before i that
     covers byte i.  Built from every occurrence of every form.  */
  size_t *best_end = xcalloc (len + 1, sizeof *best_end);
  for (size_t i = 0; i < ff->count; i++)
    {
      size_t n = strlen (ff->forms[i]);
      for (const char *p = strstr (s, ff->forms[i]); p; p = strstr (p + 1, ff->forms[i]))
        {
          size_t at = (size_t) (p - s);
          if (at + n > best_end[at])
            best_end[at] = at + n;
        }
    }
  /* REACH[i]: the furthest end of an occurrence starting before i, so
     that "is this occurrence inside a longer one" is one comparison.  */
  size_t *reach = xcalloc (len + 1, sizeof *reach);
  for (size_t i = 1; i <= len; i++)
    reach[i] = reach[i - 1] > best_end[i - 1] ? reach[i - 1] : best_end[i - 1];
  for (size_t i = 0; i < ff->count; i++)
    {
      size_t n = strlen (ff->forms[i]);
      for (const char *p = strstr (s, ff->forms[i]); p; p = strstr (p + 1, ff->forms[i]))
        {
          size_t at = (size_t) (p - s);
          /* Covered by an occurrence that starts earlier and reaches as
             far, or by a longer one that starts here.  */
          int covered = reach[at] >= at + n || best_end[at] > at + n;
          if (!covered)
            {
              needed[ff->entry[i]] = 1;
              break;
            }
        }
    }
  free (best_end);
  free (reach);
}

/* check --glossary: in every block with a project translation, each
   glossary term found on the release side must have a rendering on the
   translated side.  Returns the number of misses.  */
static size_t
check_glossary (const struct library *lib, struct diags *d)
{
  size_t misses = 0;
  const struct glossary *g = &lib->glossary;
  struct folded_forms forms[LANG_COUNT];
  for (int l = 0; l < LANG_COUNT; l++)
    fold_forms (g, (enum lang) l, &forms[l]);
  char *needed = xcalloc (g->count + 1, 1);
  size_t n = library_document_count (lib);
  for (size_t i = 0; i < n; i++)
    {
      const struct document *doc = library_document (lib, i);
      for (size_t s = 0; s < doc->nsections; s++)
        for (size_t b = 0; b < doc->sections[s].nblocks; b++)
          {
            const struct block *blk = &doc->sections[s].blocks[b];
            const struct bitext *bt = &blk->text;
            const struct text *tz = bitext_get (bt, LANG_ZH);
            const struct text *te = bitext_get (bt, LANG_EN);
            if (!tz || !te)
              continue;
            enum lang tr;
            if (tz->origin == ORIGIN_TRANSLATION && te->origin == ORIGIN_RELEASE)
              tr = LANG_ZH;
            else if (te->origin == ORIGIN_TRANSLATION && tz->origin == ORIGIN_RELEASE)
              tr = LANG_EN;
            else
              continue;
            const struct text *src = tr == LANG_ZH ? te : tz;
            const struct text *dst = tr == LANG_ZH ? tz : te;
            char *fs = norm_fold_string (src->str, src->len);
            char *fd = norm_fold_string (dst->str, dst->len);
            memset (needed, 0, g->count + 1);
            terms_in (fs, &forms[lang_other (tr)], needed);
            /* Terms the content says it leaves out on purpose.  */
            for (size_t k = 0; k < g->count; k++)
              for (size_t j = 0; j < blk->nglossary_ok; j++)
                if (strcmp (blk->glossary_ok[j], g->entries[k].term[LANG_ZH]) == 0)
                  needed[k] = 0;
            for (size_t k = 0; k < g->count; k++)
              if (needed[k] && !glossary_in (fd, &g->entries[k], tr))
                {
                  diags_add (d, DIAG_WARNING, doc->path, dst->line,
                             _("glossary term '%s' / '%s' has no rendering in "
                               "the %s translation"),
                             g->entries[k].term[LANG_ZH],
                             g->entries[k].term[LANG_EN], lang_code (tr));
                  misses++;
                }
            free (fs);
            free (fd);
          }
    }
  free (needed);
  for (int l = 0; l < LANG_COUNT; l++)
    free_forms (&forms[l]);
  return misses;
}

static int
cmd_check (const struct cli_options *o, const char *dir)
{
  struct diags d = { 0 };
  if (dir == NULL)
    dir = o->content_dir ? o->content_dir : prefs_content_dir ();
  struct library *lib = content_load (dir, &d);
  size_t misses = 0;
  if (o->glossary_check)
    misses = check_glossary (lib, &d);
  print_diags (&d);
  struct content_stats st;
  content_stats (lib, &st);
  double zh = st.blocks ? 100.0 * (double) st.present[LANG_ZH] / (double) st.blocks : 0;
  double en = st.blocks ? 100.0 * (double) st.present[LANG_EN] / (double) st.blocks : 0;
  double zt = st.present[LANG_ZH] ? 100.0 * (double) st.translated[LANG_ZH] / (double) st.present[LANG_ZH] : 0;
  double et = st.present[LANG_EN] ? 100.0 * (double) st.translated[LANG_EN] / (double) st.present[LANG_EN] : 0;
  printf ("%s: ", dir);
  printf (ngettext ("%zu document", "%zu documents", st.documents), st.documents);
  printf (", ");
  printf (ngettext ("%zu text", "%zu texts", st.blocks), st.blocks);
  printf (_("; Chinese %.0f%% (%.0f%% translated), English %.0f%% (%.0f%% translated); "),
          zh, zt, en, et);
  printf (ngettext ("%zu glossary term", "%zu glossary terms", lib->glossary.count),
          lib->glossary.count);
  printf ("; ");
  printf (ngettext ("%zu error", "%zu errors", d.errors), d.errors);
  printf (", ");
  printf (ngettext ("%zu warning", "%zu warnings", d.warnings), d.warnings);
  printf ("\n");
  if (o->glossary_check)
    printf (_("glossary: %zu missing renderings\n"), misses);
  int rc = d.errors ? 2 : 0;
  diags_free (&d);
  library_free (lib);
  return rc;
}

static int
use_color (const struct cli_options *o)
{
  return prefs_use_color (o->color, isatty (STDOUT_FILENO));
}

static void
hit_location (const struct document *d, const struct hit *h, char *buf,
              size_t size)
{
  (void) d;
  if (h->part == PART_TITLE)
    snprintf (buf, size, "title");
  else if (h->part == PART_SECTION)
    snprintf (buf, size, "§%zu", h->section + 1);
  else
    snprintf (buf, size, "§%zu ¶%zu", h->section + 1, h->block + 1);
}

static int
is_alnum (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The snippet around hit H in text T: about 30 columns of context on
   each side, cut at character boundaries.  */
static void
snippet_bounds (const struct text *t, const struct hit *h, size_t *from,
                size_t *to)
{
  size_t f = h->start, e = h->end;
  int w = 0;
  while (f > 0 && w < 30)
    {
      f--;
      while (f > 0 && ((unsigned char) t->str[f] & 0xc0) == 0x80)
        f--;
      w += ((unsigned char) t->str[f] >= 0xe0) ? 2 : 1;
    }
  w = 0;
  while (e < t->len && w < 30)
    {
      e++;
      while (e < t->len && ((unsigned char) t->str[e] & 0xc0) == 0x80)
        e++;
      w += ((unsigned char) t->str[e - 1] >= 0x80) ? 2 : 1;
    }
  /* Do not start or end in the middle of an English word.  */
  while (f > 0 && f < h->start && is_alnum (t->str[f - 1]) && is_alnum (t->str[f]))
    f++;
  while (f < h->start && t->str[f] == ' ')
    f++;
  while (e < t->len && e > h->end && is_alnum (t->str[e - 1]) && is_alnum (t->str[e]))
    e--;
  *from = f;
  *to = e;
}

/* Print one document's search results.  */
static void
print_doc_result (const struct cli_options *o, const struct doc_result *dr,
                  int color)
{
  enum lang l = reader_lang (o);
  const struct document *d = dr->doc;
  if (!o->json)
    {
      char label[32];
      enum lang tl;
      const struct text *t = bitext_pick (&d->title, l, &tl);
      if (color)
        fputs ("\033[1m", stdout);
      printf ("%s  ", doc_label (d, l, label, sizeof label));
      if (t)
        put_lang (o, tl, t->str, t->len);
      if (color)
        fputs ("\033[0m", stdout);
      printf (ngettext ("  (%zu hit)\n", "  (%zu hits)\n", dr->nhits),
              dr->nhits);
    }
  size_t shown = 0;
  for (size_t k = 0; k < dr->nhits; k++)
    {
      const struct hit *h = &dr->hits[k];
      const struct text *t = search_hit_text (d, h);
      size_t from, to;
      snippet_bounds (t, h, &from, &to);
      if (o->json)
        {
          printf ("{\"document\":%ld,\"collection\":", d->number);
          json_string (stdout, d->collection->id, strlen (d->collection->id));
          printf (",\"part\":\"%s\",\"section\":%zu,\"paragraph\":%zu,"
                  "\"lang\":\"%s\",\"start\":%zu,\"end\":%zu,"
                  "\"translated\":%s,\"score\":%.4f,\"match\":",
                  h->part == PART_TITLE ? "title"
                  : h->part == PART_SECTION ? "section" : "paragraph",
                  h->section, h->block, lang_code (h->lang), h->start,
                  h->end, t->origin == ORIGIN_TRANSLATION ? "true" : "false",
                  dr->score);
          json_string (stdout, t->str + h->start, h->end - h->start);
          printf (",\"snippet\":");
          json_string (stdout, t->str + from, to - from);
          printf ("}\n");
          continue;
        }
      if (o->max_snippets >= 0 && shown >= (size_t) o->max_snippets)
        continue;
      shown++;
      char loc[64];
      hit_location (d, h, loc, sizeof loc);
      printf ("  %s %s%s: %s", loc, lang_code (h->lang),
              t->origin == ORIGIN_TRANSLATION ? "*" : "",
              from > 0 ? "…" : "");
      put_lang (o, h->lang, t->str + from, h->start - from);
      if (color)
        fputs ("\033[1;31m", stdout);
      put_lang (o, h->lang, t->str + h->start, h->end - h->start);
      if (color)
        fputs ("\033[0m", stdout);
      put_lang (o, h->lang, t->str + h->end, to - h->end);
      printf ("%s\n", to < t->len ? "…" : "");
    }
  if (!o->json && shown < dr->nhits && o->max_snippets >= 0)
    printf (_("  … %zu more\n"), dr->nhits - shown);
}

static void
print_query_error (const char *query_text, const struct query_error *err)
{
  fprintf (stderr, "casebook: %s\n", err->message);
  struct visible v;
  norm_visible (query_text, strlen (query_text), 0, &v);
  size_t vo = 0;
  while (vo < v.len && v.src_off[vo] < err->offset)
    vo++;
  /* A long query is shown around the error: 30 columns before it, 40
     after, cut at characters, marked with "...".  */
  size_t from = vo, to = vo;
  while (from > 0 && norm_width (v.str + from, vo - from) < 30)
    do
      from--;
    while (from > 0 && (v.str[from] & 0xc0) == 0x80);
  while (to < v.len && norm_width (v.str + vo, to - vo) < 40)
    do
      to++;
    while (to < v.len && (v.str[to] & 0xc0) == 0x80);
  const char *pre = from > 0 ? "..." : "";
  fprintf (stderr, "  %s%.*s%s\n  %*s^\n", pre, (int) (to - from), v.str + from,
           to < v.len ? "..." : "",
           (int) strlen (pre) + norm_width (v.str + from, vo - from), "");
  norm_visible_free (&v);
}

/* The cache directory: $XDG_CACHE_HOME, else ~/.cache; NULL if neither.
   Caller frees.  */
static char *
cache_home (void)
{
  const char *x = getenv ("XDG_CACHE_HOME");
  if (x && *x == '/')
    return xstrdup (x);
  const char *home = getenv ("HOME");
  if (home && *home == '/')
    return xasprintf ("%s/.cache", home);
  return NULL;
}

/* Open the search cache of DIR, building it from the content when it is
   missing, stale or corrupt.  *LIB receives the library if it had to be
   loaded (NULL otherwise); on content errors returns NULL with *FAILED.
   The key of the content comes from *KEY_JOB if there is one (which is
   then finished), else is computed now.  */
static struct index *
open_index (const struct cli_options *o, const char *dir, struct library **lib,
            int *failed, int rebuild, struct index_key **key_job)
{
  *failed = 0;
  unsigned long long key = *key_job ? index_content_key_finish (*key_job)
    : index_content_key (dir);
  *key_job = NULL;
  char *home = cache_home ();
  if (home == NULL)
    return NULL;
  char *path = index_cache_path (dir, home);
  free (home);
  const char *reason;
  struct index *ix = rebuild ? NULL : index_open (path, key, &reason);
  if (ix == NULL && key != 0)
    {
      if (*lib == NULL)
        *lib = load (o);
      if (*lib == NULL)
        {
          *failed = 1;
          free (path);
          return NULL;
        }
      if (index_write (*lib, key, path) != 0)
        fprintf (stderr, _("casebook: warning: cannot write the search cache "
                           "%s: %s; searching without it\n"), path,
                 strerror (errno));
      else
        {
          /* The search reads the cache: let the content go first, so
             that the two are never in memory together.  */
          library_free (*lib);
          *lib = NULL;
          malloc_trim (0);
          ix = index_open (path, key, &reason);
        }
    }
  free (path);
  return ix;
}

/* Is PATH, read from the cache, a content file of DIR (DIR/NAME.cb or
   DIR/COLLECTION/NAME.cb)?  The cache is checked, but it is a file in the
   user's cache directory: never open what it names blindly.  */
static int
content_path_ok (const char *dir, const char *path)
{
  size_t n = strlen (dir);
  while (n > 1 && dir[n - 1] == '/')
    n--;
  if (strncmp (path, dir, n) != 0 || path[n] != '/')
    return 0;
  const char *rest = path + n + 1;
  const char *slash = strchr (rest, '/');
  if (slash && strchr (slash + 1, '/'))
    return 0;
  size_t len = strlen (rest);
  return len > 3 && strcmp (rest + len - 3, ".cb") == 0
    && strstr (rest, "..") == NULL;
}

/* Search through the cache: rank with it, then read only the matching
   documents for their passages.  Returns the exit status, or -1 to fall
   back to a search of the loaded content (only while nothing has been
   printed).  */
static int
search_with_index (const struct cli_options *o, const char *dir,
                   struct index *ix, const struct query *q)
{
  struct index_match *m;
  char *error = NULL;
  size_t n = index_search (ix, q, &m, &error);
  if (n == (size_t) -1)
    {
      free (error);
      return -1;
    }
  if (n == (size_t) -2)
    {
      fprintf (stderr, "casebook: %s\n", error);
      free (error);
      return 2;
    }
  int color = use_color (o);
  int rc = n ? 0 : 1, printed = 0;
  for (size_t i = 0; i < n; i++)
    {
      if (o->count)
        {
          printf ("%ld:%zu\n", m[i].number, m[i].hits);
          continue;
        }
      const char *path = index_document_path (ix, m[i].doc);
      size_t len;
      char *data = content_path_ok (dir, path) ? util_read_regular (path, &len) : NULL;
      struct diags d = { 0 };
      struct document doc;
      struct collection coll = { .id = (char *) index_document_collection (ix, m[i].doc) };
      int ok = data && content_parse_document (path, data, len, &doc, &d) == 0;
      struct doc_result dr = { 0 };
      char *doc_error = NULL;
      if (ok)
        {
          doc.collection = &coll;
          ok = search_document (q, &doc, &dr, &doc_error) == 1;
        }
      if (ok)
        {
          dr.score = m[i].score;
          print_doc_result (o, &dr, color);
          printed = 1;
          search_doc_result_free (&dr);
        }
      if (data)
        document_free (&doc);
      free (doc_error);
      diags_free (&d);
      free (data);
      if (!ok)
        {
          /* The content or the cache changed under us: start again if
             nothing is out yet, else say so rather than print twice.  */
          if (!printed)
            rc = -1;
          else
            {
              fprintf (stderr, _("casebook: the content changed during the "
                                 "search; search again\n"));
              rc = 2;
            }
          break;
        }
    }
  free (m);
  return rc;
}

static int
cmd_search (const struct cli_options *o, const char *query_text)
{
  const char *dir = o->content_dir ? o->content_dir : prefs_content_dir ();
  /* Checking that the cache is up to date means a stat of every content
     file: start it now, while the query is made.  */
  struct index_key *key_job = index_content_key_start (dir);
  /* Folding the query and the glossary need OpenCC only for what was
     never seen before.  */
  char *home = cache_home ();
  char *t2s_memory = home ? xasprintf ("%s/casebook/t2s.bin", home) : NULL;
  norm_t2s_memory (t2s_memory);
  free (t2s_memory);
  free (home);
  /* The glossary alone is enough to compile the query.  */
  struct glossary g = { 0 };
  struct diags gd = { 0 };
  char *gpath = util_path_join (dir, CONTENT_GLOSSARY_FILE);
  size_t glen;
  char *gdata = util_read_regular (gpath, &glen);
  if (gdata)
    content_parse_glossary (gpath, gdata, glen, &g, &gd);
  free (gdata);
  free (gpath);
  struct query_options qo = { .exact = o->exact, .regex = o->regex,
                              .glossary = &g };
  struct query_error err;
  struct query *q = query_parse (query_text, &qo, &err);
  if (q == NULL)
    {
      print_query_error (query_text, &err);
      free (err.message);
      glossary_free (&g);
      diags_free (&gd);
      index_content_key_finish (key_job);
      return 2;
    }
  struct library *lib = NULL;
  int rc = -1;
  if (gd.errors == 0 && index_supports (q))
    for (int attempt = 0; attempt < 2 && rc < 0; attempt++)
      {
        int failed;
        struct index *ix = open_index (o, dir, &lib, &failed, attempt > 0,
                                       &key_job);
        if (failed)
          {
            rc = 2;
            break;
          }
        if (ix == NULL)
          break;
        rc = search_with_index (o, dir, ix, q);
        index_close (ix);
      }
  if (key_job)
    index_content_key_finish (key_job);       /* not needed after all */
  if (rc < 0)
    {
      if (lib == NULL)
        lib = load (o);
      if (lib == NULL)
        rc = 2;
      else
        {
          struct search_results res;
          char *error = NULL;
          if (search_library (q, lib, &res, &error) != 0)
            {
              fprintf (stderr, "casebook: %s\n", error);
              free (error);
              rc = 2;
            }
          else
            {
              int color = use_color (o);
              for (size_t i = 0; i < res.ndocs; i++)
                if (o->count)
                  printf ("%ld:%zu\n", res.docs[i].doc->number, res.docs[i].nhits);
                else
                  print_doc_result (o, &res.docs[i], color);
              rc = res.ndocs ? 0 : 1;
              search_results_free (&res);
            }
        }
    }
  library_free (lib);
  query_free (q);
  glossary_free (&g);
  diags_free (&gd);
  norm_t2s_memory_save ();      /* a cache: failing to write it is harmless */
  return rc;
}

static int
cmd_import (const char *file, const char *output_dir)
{
  size_t len;
  char *data = util_read_file (file, &len);
  if (data == NULL)
    {
      fprintf (stderr, _("casebook: %s: cannot read: %s\n"), file,
               strerror (errno));
      return 2;
    }
  struct diags d = { 0 };
  struct import_result res;
  import_release (file, data, len, &res, &d);
  free (data);
  print_diags (&d);
  char *dir;
  if (output_dir)
    dir = xstrdup (output_dir);
  else
    {
      const char *base = strrchr (file, '/');
      dir = xstrdup (base ? base + 1 : file);
      char *dot = strrchr (dir, '.');
      if (dot && dot != dir)
        *dot = '\0';
      else
        {
          char *t = xasprintf ("%s.collection", dir);
          free (dir);
          dir = t;
        }
    }
  char *cause = NULL;
  int rc = 0;
  if (import_write (&res, dir, &cause) != 0)
    {
      fprintf (stderr, "casebook: %s\n", cause);
      free (cause);
      rc = 2;
    }
  else
    fprintf (stderr, _("casebook: imported %zu documents (%zu texts) into %s; "
                       "%zu warnings\n"), res.documents, res.paragraphs, dir,
             d.warnings);
  free (dir);
  import_free (&res);
  diags_free (&d);
  return rc;
}

static int
parse_int (const char *s, int *out)
{
  char *end;
  errno = 0;
  long v = strtol (s, &end, 10);
  if (*s == '\0' || *end != '\0' || errno || v < 0 || v > 100000)
    return -1;
  *out = (int) v;
  return 0;
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

int
cli_main (int argc, char **argv, cli_browse_fn browse)
{
  struct cli_options o = { .lang = -1, .color = COLOR_AUTO, .max_snippets = 3 };
  int c;
  opterr = 0;
  while ((c = getopt_long (argc, argv, ":n:o:h", long_options, NULL)) != -1)
    {
      switch (c)
        {
        case OPT_CONTENT:
          o.content_dir = optarg;
          break;
        case OPT_LANG:
          if (strcmp (optarg, "both") == 0)
            o.both = 1;
          else
            {
              enum lang l;
              if (lang_parse (optarg, &l) != 0)
                {
                  fprintf (stderr, _("casebook: invalid --lang '%s' (use zh, en or both)\n"), optarg);
                  usage_hint ();
                  return 2;
                }
              o.lang = (int) l;
              o.both = 0;
            }
          break;
        case OPT_WIDTH:
          if (parse_int (optarg, &o.width) != 0 || o.width < 10)
            {
              fprintf (stderr, _("casebook: invalid --width '%s' (a number of columns, at least 10)\n"), optarg);
              usage_hint ();
              return 2;
            }
          break;
        case 'n':
          if (parse_int (optarg, &o.max_snippets) != 0)
            {
              fprintf (stderr, _("casebook: invalid -n '%s' (a number)\n"), optarg);
              usage_hint ();
              return 2;
            }
          break;
        case OPT_JSON:
          o.json = 1;
          break;
        case OPT_COLOR:
          if (optarg == NULL || strcmp (optarg, "always") == 0
              || strcmp (optarg, "yes") == 0)
            o.color = COLOR_ALWAYS;
          else if (strcmp (optarg, "never") == 0 || strcmp (optarg, "no") == 0)
            o.color = COLOR_NEVER;
          else if (strcmp (optarg, "auto") == 0)
            o.color = COLOR_AUTO;
          else
            {
              fprintf (stderr, _("casebook: invalid --color '%s' (use auto, always or never)\n"), optarg);
              usage_hint ();
              return 2;
            }
          break;
        case OPT_COUNT:
          o.count = 1;
          break;
        case OPT_REGEX:
          o.regex = 1;
          break;
        case OPT_EXACT:
          o.exact = 1;
          break;
        case OPT_RAW:
          o.raw = 1;
          break;
        case OPT_GLOSSARY:
          o.glossary_check = 1;
          break;
        case OPT_AMBIGUOUS_WIDE:
          norm_set_ambiguous_wide (1);
          break;
        case OPT_SCRIPT:
          if (strcmp (optarg, "simplified") && strcmp (optarg, "traditional"))
            {
              fprintf (stderr, _("casebook: invalid --script '%s' (use simplified or traditional)\n"), optarg);
              usage_hint ();
              return 2;
            }
          o.script = optarg;
          break;
        case 'o':
          o.output_dir = optarg;
          break;
        case OPT_HELP:
        case 'h':
          print_help ();
          return finish (0);
        case OPT_VERSION:
          print_version ();
          return finish (0);
        case ':':
          if (optopt && optopt < 256)
            fprintf (stderr, _("casebook: option requires an argument -- '%c'\n"),
                     optopt);
          else
            fprintf (stderr, _("casebook: option '%s' requires an argument\n"),
                     argv[optind - 1]);
          usage_hint ();
          return 2;
        case '?':
        default:
          if (optopt && optopt < 256)
            fprintf (stderr, _("casebook: invalid option -- '%c'\n"), optopt);
          else
            fprintf (stderr, _("casebook: unrecognized option '%s'\n"),
                     argv[optind - 1]);
          usage_hint ();
          return 2;
        }
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
  if (cmd == NULL)
    {
      if (isatty (STDIN_FILENO) && isatty (STDOUT_FILENO))
        {
          struct library *lib = load (&o);
          struct reader_prefs rp = {
            .content_dir = o.content_dir, .lang = o.lang, .both = o.both,
            .color = o.color, .exact = o.exact, .regex = o.regex,
            .script_config = o.script_config
          };
          rc = lib ? browse (lib, &rp) : 2;
          library_free (lib);
              return rc;
        }
      cmd = "list";
      args = default_args;
      nargs = 1;
    }
  if (strcmp (cmd, "check") == 0)
    {
      if (nargs > 2)
        {
          fprintf (stderr, _("casebook: check takes at most one directory\n"));
          usage_hint ();
              return 2;
        }
      rc = cmd_check (&o, nargs > 1 ? args[1] : NULL);
      return finish (rc);
    }
  if (strcmp (cmd, "import") == 0)
    {
      if (nargs != 2)
        {
          fprintf (stderr, _("casebook: import takes one release text file\n"));
          usage_hint ();
              return 2;
        }
      rc = cmd_import (args[1], o.output_dir);
      return finish (rc);
    }
  static const char *const known[] = { "list", "show", "search", "tags" };
  int ok = 0;
  for (size_t i = 0; i < sizeof known / sizeof *known; i++)
    ok |= strcmp (cmd, known[i]) == 0;
  if (!ok)
    {
      fprintf (stderr, _("casebook: unknown command '%s'\n"), cmd);
      usage_hint ();
      return 2;
    }
  if (strcmp (cmd, "show") == 0 && nargs != 2)
    {
      fprintf (stderr, _("casebook: show takes one document number\n"));
      usage_hint ();
      return 2;
    }
  if (strcmp (cmd, "search") == 0 && nargs < 2)
    {
      fprintf (stderr, _("casebook: search needs a query\n"));
      usage_hint ();
      return 2;
    }
  if ((strcmp (cmd, "list") == 0 || strcmp (cmd, "tags") == 0) && nargs != 1)
    {
      fprintf (stderr, _("casebook: %s takes no arguments\n"), cmd);
      usage_hint ();
      return 2;
    }
  if (strcmp (cmd, "search") == 0)
    {
      struct buf qb = { 0 };
      for (size_t i = 1; i < nargs; i++)
        {
          if (i > 1)
            buf_addc (&qb, ' ');
          buf_adds (&qb, args[i]);
        }
      rc = cmd_search (&o, qb.data);
      buf_free (&qb);
      return finish (rc);
    }
  struct library *lib = load (&o);
  if (lib == NULL)
    return 2;
  if (strcmp (cmd, "list") == 0)
    rc = cmd_list (&o, lib);
  else if (strcmp (cmd, "show") == 0)
    rc = cmd_show (&o, lib, args[1]);
  else
    rc = cmd_tags (&o, lib);
  library_free (lib);
  return finish (rc);
}
