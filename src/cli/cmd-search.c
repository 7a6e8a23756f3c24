/* cmd-search.c -- casebook search QUERY...: the documents that match,
   best first, each with up to -n passages around its hits (or only the
   number of hits with --count, or JSON Lines with --json).  It searches
   through the library's one door (engine.h), as the browser does, so
   both give the same answer.  */

#include <config.h>
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

#include "engine.h"
#include "i18n.h"
#include "norm.h"
#include "output.h"
#include "prefs.h"
#include "util.h"
#include "wrap.h"

/* "Case 7" (or "Overview"); "batch3/7" in a library of several
   collections, where a plain number may name several documents: as
   `casebook list` names them, and as show, cite and export take them.  */
static const char *
doc_label (const struct engine_doc *d, int several, enum lang l, char *buf,
           size_t size)
{
  long number = d->number;
  if (several)
    snprintf (buf, size, "%s/%ld", d->collection, number);
  else if (number == 0)
    snprintf (buf, size, "%s", l == LANG_ZH ? "概述" : "Overview");
  else
    snprintf (buf, size, l == LANG_ZH ? "案例%ld" : "Case %ld", number);
  return buf;
}

/* The words plain output repeats for each document or passage,
   translated once (gettext looks each up again at every call: a
   twentieth of printing thousands of passages).  */
struct labels
{
  const char *title, *keywords, *close;
};

static void
labels_init (struct labels *lb)
{
  /* TRANSLATORS: where a search hit is, printed before its language
     ("title zh:"), as "§1 ¶12" places one in a paragraph.  */
  lb->title = _("title");
  /* TRANSLATORS: as "title" above, a hit in the case's keyword
     list.  */
  lb->keywords = _("keywords");
  /* TRANSLATORS: closes "  (%zu hits": a full-width one in Chinese,
     as the opening one is.  */
  lb->close = _(")");
}

static void
hit_location (const struct engine_hit *h, const struct labels *lb,
              char *buf, size_t size)
{
  if (h->part == PART_TITLE)
    snprintf (buf, size, "%s", lb->title);
  else if (h->keywords)
    snprintf (buf, size, "%s", lb->keywords);
  else if (h->part == PART_SECTION)
    snprintf (buf, size, "§%zu", h->section + 1);
  else
    snprintf (buf, size, "§%zu ¶%zu", h->section + 1, h->block + 1);
}

/* The character that ends before byte OFF (> 0) of S, which starts at
   *START (one byte back and U+FFFD where S is not UTF-8).  */
static ucs4_t
char_before (const char *str, size_t off, size_t *start)
{
  const uint8_t *s = (const uint8_t *) str;
  ucs4_t uc;
  const uint8_t *p = u8_prev (&uc, s + off, s);
  if (p == NULL)
    {
      *start = off - 1;
      return 0xfffd;
    }
  *start = (size_t) (p - s);
  return uc;
}

/* The character that starts at byte OFF of S (LEN bytes); *N receives
   its length in bytes (at least 1).  */
static ucs4_t
char_at (const char *s, size_t len, size_t off, size_t *n)
{
  ucs4_t uc;
  int k = u8_mbtouc (&uc, (const uint8_t *) s + off, len - off);
  *n = k > 0 ? (size_t) k : 1;
  return uc;
}

/* Does UC end a clause or close a bracket (a passage must not start
   with it)?  */
static int
ends_clause (ucs4_t uc)
{
  static const ucs4_t closers[] = {
    0x3001, 0xff0c, 0x3002, 0xff1b, 0xff1a, 0xff01, 0xff1f, 0xff09,
    0x300d, 0x300f, 0x201d, 0x2019, 0x3011, 0x300b, ',', '.', ';', ':',
    '!', '?', ')', ']'
  };
  for (size_t i = 0; i < sizeof closers / sizeof *closers; i++)
    if (uc == closers[i])
      return 1;
  return 0;
}

/* The passage around bytes [START, END) of S (LEN bytes): about 30
   columns of context on each side, cut at character boundaries, never
   inside a word, and never starting with the punctuation that ends the
   clause before it (、，）).  */
static void
snippet_bounds (const char *s, size_t len, size_t start, size_t end,
                size_t *from, size_t *to)
{
  size_t f = start, e = end, n, prev;
  int w = 0;
  while (f > 0 && w < 30)
    {
      w += norm_char_width (char_before (s, f, &prev));
      f = prev;
    }
  w = 0;
  while (e < len && w < 30)
    {
      w += norm_char_width (char_at (s, len, e, &n));
      e += n;
    }
  while (f > 0 && f < start && norm_is_word (char_before (s, f, &prev))
         && norm_is_word (char_at (s, len, f, &n)))
    f += n;
  while (f < start && (s[f] == ' ' || ends_clause (char_at (s, len, f, &n))))
    f += s[f] == ' ' ? 1 : n;
  while (e < len && e > end && norm_is_word (char_before (s, e, &prev))
         && norm_is_word (char_at (s, len, e, &n)))
    e = prev;
  *from = f;
  *to = e;
}

/* How many of a document's first hits, and in how many texts, plain
   output needs for the passages it shows (a passage may hold several);
   --json and --snippets=-1 show all.  */
static size_t
hits_wanted (const struct cli_options *o, size_t *texts)
{
  size_t want = o->json || o->max_snippets < 0 ? 0
    : 4 * (size_t) o->max_snippets + 4;
  *texts = want == 0 ? 0 : o->max_snippets > 0
    ? (size_t) o->max_snippets : 1;
  return want;
}

/* Hit HIT of document D as one line of --json.  */
static void
print_hit_json (const struct engine_doc *d, const struct engine_hit *hit)
{
  size_t from, to;
  snippet_bounds (hit->text, hit->text_len, hit->start, hit->end, &from,
                  &to);
  printf ("{\"document\":%ld,\"collection\":", d->number);
  output_json_string (stdout, d->collection, strlen (d->collection));
  printf (",\"part\":\"%s\",\"section\":%zu,\"paragraph\":%zu,"
          "\"lang\":\"%s\",\"start\":%zu,\"end\":%zu,"
          "\"translated\":%s,\"revised\":%s,\"score\":%.4f,"
          "\"concepts\":%zu,\"match\":",
          hit->part == PART_TITLE ? "title"
          : hit->keywords ? "keywords"
          : hit->part == PART_SECTION ? "section" : "paragraph",
          hit->section, hit->block, lang_code (hit->lang),
          hit->start, hit->end,
          hit->origin == ORIGIN_TRANSLATION ? "true" : "false",
          hit->origin == ORIGIN_REVISION ? "true" : "false",
          d->score, d->concepts);
  output_json_string (stdout, hit->text + hit->start, hit->end - hit->start);
  printf (",\"snippet\":");
  output_json_string (stdout, hit->text + from, to - from);
  printf ("}\n");
}

/* A passage: hits FIRST to LAST of a document's, which fall inside the
   bounds (FROM, TO) of the first's snippet in one text.  */
struct passage
{
  size_t first, last;
  size_t from, to;
};

/* The passage of H's hits that begins at hit K.  */
static struct passage
passage_at (const struct engine_hits *h, size_t k)
{
  const struct engine_hit *hit = &h->hits[k];
  struct passage p = { .first = k, .last = k };
  snippet_bounds (hit->text, hit->text_len, hit->start, hit->end, &p.from,
                  &p.to);
  /* The hits of the same text that fall inside this passage are shown
     in it, not again.  One that begins inside it and runs past its end
     takes the passage on to its own end (once: a text full of hits does
     not become one passage), rather than being cut in two there and
     shown again in the next.  So does one that overlaps this one (检察
     and 察组 in 检察组), which would otherwise begin a passage of the
     same words.  */
  int stretched = 0;
  while (p.last + 1 < h->n && h->hits[p.last + 1].text == hit->text
         && h->hits[p.last + 1].start >= hit->start
         && h->hits[p.last + 1].start < p.to)
    {
      const struct engine_hit *next = &h->hits[p.last + 1];
      if (next->end > p.to)
        {
          if (stretched)
            break;
          stretched = 1;
          p.to = next->end;
        }
      p.last++;
    }
  return p;
}

static int
compare_passages (const void *a, const void *b)
{
  const struct passage *x = a, *y = b;
  return x->first < y->first ? -1 : x->first > y->first;
}

/* The passages of H's hits (in reading order) to show, *N of them, in
   reading order: at most MAX (negative: all), the first of each text
   before a second of any, so that each text the engine chose for the
   query's rarest words is shown, not crowded out by a text before it
   with several passages.  A text's passages are only worked out as far
   as they are shown.  Caller frees.  */
static struct passage *
choose_passages (const struct engine_hits *h, int max, size_t *n)
{
  size_t want = max < 0 ? SIZE_MAX : (size_t) max;
  struct passage *p = xcalloc (h->n ? h->n : 1, sizeof *p);
  size_t np = 0;
  for (size_t k = 0; k < h->n && np < want && max >= 0; k++)
    if (k == 0 || h->hits[k].text != h->hits[k - 1].text)
      p[np++] = passage_at (h, k);
  /* Then the others, in reading order, while there is room.  */
  size_t firsts = np;
  for (size_t k = 0, f = 0; k < h->n && np < want;)
    {
      struct passage x;
      if (f < firsts && p[f].first == k)
        x = p[f++];
      else
        p[np++] = x = passage_at (h, k);
      k = x.last + 1;
    }
  qsort (p, np, sizeof *p, compare_passages);
  /* A passage does not repeat the end of the one before it in the same
     text: it begins where that one ended (never after its own first
     hit, which may overlap the last one's, as a regex's match inside a
     phrase does).  */
  for (size_t i = 1; i < np; i++)
    if (h->hits[p[i].first].text == h->hits[p[i - 1].first].text
        && p[i].from < p[i - 1].to)
      {
        const struct engine_hit *hit = &h->hits[p[i].first];
        size_t f = p[i - 1].to < hit->start ? p[i - 1].to : hit->start;
        size_t clen;
        /* Nor with what closed the clause it cut (”、，).  */
        while (f < hit->start
               && (hit->text[f] == ' '
                   || ends_clause (char_at (hit->text, hit->text_len, f,
                                            &clen))))
          f += hit->text[f] == ' ' ? 1 : clen;
        p[i].from = f;
      }
  *n = np;
  return p;
}

/* Print document I of R: its title line, then its passages, whose hits
   AHEAD gives, wrapped at WIDTH (wrap_width: asked once, not for each
   of thousands of documents, as is MARKS, output_marks_shown).  Hits
   whose passages would overlap share one passage.  Returns 0, or -1
   with *ERROR (caller frees) when its hits could not be had.  */
static int
print_document (const struct cli_options *o, struct engine *e,
                struct engine_hits_ahead *ahead,
                const struct engine_results *r, size_t i, int several,
                enum highlight hl, int width, int marks, enum lang l,
                const struct labels *lb, char **error)
{
  const struct engine_doc *d = &r->docs[i];
  struct engine_hits h;
  *error = NULL;
  if (engine_hits_ahead_take (ahead, i, &h, error) != 0)
    return -1;
  /* A text of it read damaged (as zeros, say): its passages would be
     missing, its hits counted still.  Not printed.  */
  if (engine_damaged (e))
    {
      engine_hits_free (&h);
      *error = xstrdup (_("the search index is damaged"));
      return -1;
    }
  if (o->json && h.n == 0)
    {
      /* A document that matches with no hits (a query of filters
         alone: case:7, year:2022) is one object, as --json --count
         gives it: plain output shows its heading, --count its 0.  */
      printf ("{\"document\":%ld,\"collection\":", d->number);
      output_json_string (stdout, d->collection, strlen (d->collection));
      printf (",\"hits\":0,\"concepts\":%zu}\n", d->concepts);
    }
  if (!o->json)
    {
      char label[256];
      enum lang tl = d->title[l] ? l : lang_other (l);
      const char *t = d->title[tl];
      const char *bold = hl != HIGHLIGHT_NONE ? "\033[1m" : NULL;
      struct wrap w;
      wrap_begin (&w, width);
      doc_label (d, several, l, label, sizeof label);
      wrap_add (&w, label, strlen (label), bold);
      wrap_add (&w, "  ", 2, bold);
      int hang = wrap_col (&w);
      if (t)
        wrap_add_lang (&w, o, tl, t, strlen (t), bold);
      /* On a terminal, a title the project translated ends with "*",
         as list marks it.  */
      if (t && d->title_project[tl] && marks)
        wrap_add (&w, "*", 1, bold);
      struct buf count = { 0 };
      buf_printf (&count, ngettext ("  (%zu hit", "  (%zu hits", d->hits),
                  d->hits);
      if (r->nconcepts > 1 && d->concepts < r->nconcepts)
        /* TRANSLATORS: after the hit count of a document that matches
           only some of the words of the query.  */
        buf_printf (&count, ngettext ("; %zu of %zu word", "; %zu of %zu words",
                                      r->nconcepts), d->concepts, r->nconcepts);
      buf_adds (&count, lb->close);
      wrap_add (&w, count.data, count.len, NULL);
      buf_free (&count);
      wrap_end (&w, hang);
    }
  if (o->json)
    for (size_t k = 0; k < h.n; k++)
      print_hit_json (d, &h.hits[k]);
  size_t npass = 0, shown = 0;
  struct passage *pass = o->json ? NULL
    : choose_passages (&h, o->max_snippets, &npass);
  for (size_t p = 0; p < npass; p++)
    {
      size_t k = pass[p].first, last = pass[p].last;
      size_t from = pass[p].from, to = pass[p].to;
      const struct engine_hit *hit = &h.hits[k];
      shown += last - k + 1;
      char loc[64];
      hit_location (hit, lb, loc, sizeof loc);
      /* "en.rev*" for the project's revised English, as the key in
         the content file says.  */
      /* Put together without printf: thousands of passages.  */
      char head[128];
      size_t hl_len = 0;
      const char *const parts[] = {
        "  ", loc, " ", lang_code (hit->lang),
        hit->origin == ORIGIN_REVISION ? ".rev" : "",
        hit->origin == ORIGIN_TRANSLATION || hit->origin == ORIGIN_REVISION
        ? "*" : "", ": "
      };
      for (size_t x = 0; x < sizeof parts / sizeof *parts; x++)
        {
          size_t n = strlen (parts[x]);
          if (hl_len + n < sizeof head)
            {
              memcpy (head + hl_len, parts[x], n);
              hl_len += n;
            }
        }
      struct wrap w;
      wrap_begin (&w, width);
      wrap_add (&w, head, hl_len, NULL);
      /* Continuation lines start under the passage.  */
      int hang = wrap_col (&w);
      if (from > 0)
        wrap_add (&w, "…", strlen ("…"), NULL);
      /* The passage's hits are all in HIT's text.  */
      struct wrap_script ws;
      wrap_script_begin (&ws, o, hit->lang, hit->text, hit->text_len);
      size_t at = from;
      for (size_t j = k; j <= last; j++)
        {
          /* Hits may overlap (a regex's match inside a phrase's): what
             is highlighted already is not printed again.  */
          const struct engine_hit *x = &h.hits[j];
          if (x->end <= at)
            continue;
          size_t start = x->start > at ? x->start : at;
          wrap_add_part (&w, &ws, at, start, NULL);
          wrap_add_part (&w, &ws, start, x->end,
                         hl == HIGHLIGHT_COLOR ? "\033[1;31m"
                         : hl == HIGHLIGHT_MONO ? "\033[7m" : NULL);
          at = x->end;
        }
      wrap_add_part (&w, &ws, at, to, NULL);
      wrap_script_end (&ws);
      if (to < hit->text_len)
        wrap_add (&w, "…", strlen ("…"), NULL);
      wrap_end (&w, hang);
    }
  free (pass);
  if (!o->json && shown < d->hits && o->max_snippets >= 0)
    printf (_("  … %zu more\n"), d->hits - shown);
  engine_hits_free (&h);
  return 0;
}

/* What a search found: the query compiled (NULL with ERR when it did
   not compile), its results (unless ERROR), and FIX, the correction
   searched instead of what was typed when that found more.  */
struct found
{
  struct engine_query *q;
  struct query_error err;
  struct engine_results r;
  int searched;                 /* R holds results */
  char *error;
  char *fix;
  int other_english;            /* R is of the English not asked for */
  int typed_found;              /* with FIX: what was typed found some */
};

static void
found_free (struct found *f)
{
  if (f->searched)
    engine_results_free (&f->r);
  if (f->q == NULL)
    free (f->err.message);
  engine_query_free (f->q);
  free (f->error);
  free (f->fix);
  memset (f, 0, sizeof *f);
}

/* Search E for QUERY_TEXT into *F (free with found_free), saying
   nothing yet.  */
static void
find (struct engine *e, const struct cli_options *o, const char *query_text,
      struct found *f)
{
  memset (f, 0, sizeof *f);
  struct query_options qo = { .exact = o->exact, .regex = o->regex,
                              .revised = o->english_revised };
  f->q = engine_compile (e, query_text, &qo, &f->err);
  if (f->q == NULL || engine_search (e, f->q, &f->r, &f->error) != 0)
    return;
  f->searched = 1;
  if (o->no_correct)
    return;
  /* Nothing found: is it in the other English (a name that the
     release's translation spells otherwise), or are some words typos?  */
  struct engine_amended a;
  engine_amend (e, f->q, &f->r, &a);
  if (a.how == ENGINE_AMEND_NONE)
    return;
  f->typed_found = f->r.ndocs > 0;
  engine_results_free (&f->r);
  engine_query_free (f->q);
  f->r = a.r;
  f->q = a.q;
  f->fix = a.fix;
  f->other_english = a.how == ENGINE_AMEND_OTHER_ENGLISH;
}

static int
cmd_search (const struct cli_options *o, const char *query_text)
{
  struct engine *e = cmd_open_engine (o, 1);
  if (e == NULL)
    return 2;
  /* A damaged index is built again once, and the search made again
     when nothing was shown yet; so is a search whose index another
     casebook changed before its first passages were read, up to
     three times.  */
  int rebuilt = 0, redone = 0;
 again:;
  /* The search runs while the engine checks that the content is as
     the index saw it; if it is not, the index is brought up to date
     and the search made again, before anything is shown.  */
  struct found f;
  for (;;)
    {
      find (e, o, query_text, &f);
      int settled = cmd_settle_engine (o, e);
      if (settled < 0)
        {
          found_free (&f);
          return 2;
        }
      if (settled == 0 && f.q && !f.searched && !rebuilt
          && engine_damaged (e))
        {
          found_free (&f);
          rebuilt = 1;
          if (cmd_rebuild_engine (o, e) != 0)
            return 2;
          continue;
        }
      if (settled == 0)
        break;
      found_free (&f);
    }
  if (f.q == NULL)
    {
      output_query_error (query_text, &f.err);
      found_free (&f);
      cmd_close_engine (e);
      return 2;
    }
  if (!f.searched)
    {
      fprintf (stderr, "casebook: %s\n", f.error ? f.error : "?");
      found_free (&f);
      cmd_close_engine (e);
      return 2;
    }
  if (f.fix && o->json)
    {
      printf ("{\"correction\":");
      output_json_string (stdout, f.fix, strlen (f.fix));
      printf (",\"query\":");
      output_json_string (stdout, query_text, strlen (query_text));
      printf ("}\n");
    }
  else if (f.other_english && o->json)
    {
      printf ("{\"english\":\"%s\",\"query\":",
              o->english_revised ? "release" : "revised");
      output_json_string (stdout, query_text, strlen (query_text));
      printf ("}\n");
    }
  else if (f.other_english || f.fix)
    /* --count keeps its lines to counts: the note goes to stderr
       there.  */
    output_amend_note (o->count ? stderr : stdout, o->english_revised,
                       f.other_english ? NULL : f.fix, f.typed_found,
                       query_text, o->script_config);
  const struct engine_query *q = f.q;
  const struct engine_results *r = &f.r;
  enum highlight hl = prefs_highlight (o->color, isatty (STDOUT_FILENO));
  int marks = output_marks_shown ();
  int several = !o->json && r->ndocs && engine_several_collections (e);
  int rc = r->ndocs ? 0 : 1;
  /* Documents found with some words, while others are in no text
     ("probation prison"): a person at a terminal is told which, as
     the browser tells it; each document's header says how many of
     the words it has.  */
  char *absent = !f.fix && !f.other_english && isatty (STDOUT_FILENO)
    ? engine_absent_words (q, r) : NULL;
  if (absent)
    {
      char *v = output_visible (absent);
      fprintf (stderr, _("casebook: no text has %s: showing the documents "
                         "with the other words\n"), v);
      free (v);
      free (absent);
    }
  if (rc == 1 && isatty (STDOUT_FILENO))
    {
      /* A person at a terminal is told (with --json too, which prints
         nothing then); a script has the exit status (as grep's is 1,
         and silent).  */
      struct visible vq;
      norm_visible (query_text, strlen (query_text), 0, &vq);
      fprintf (stderr, _("casebook: nothing found for %s\n"), vq.str);
      norm_visible_free (&vq);
      /* Words the other English has (a name the release's translation
         spells otherwise): say where they are.  */
      size_t other = engine_other_english_finds (e, q);
      if (other > 0 && o->english_revised)
        fprintf (stderr, ngettext ("casebook: the release's English has it, "
                                   "in %zu case (--english=release)\n",
                                   "casebook: the release's English has it, "
                                   "in %zu cases (--english=release)\n",
                                   other), other);
      else if (other > 0)
        fprintf (stderr, ngettext ("casebook: casebook's revised English has "
                                   "it, in %zu case (--english=revised)\n",
                                   "casebook: casebook's revised English has "
                                   "it, in %zu cases (--english=revised)\n",
                                   other), other);
    }
  /* Passages are worked out ahead, in other threads, while those
     before them are printed.  */
  struct engine_hits_ahead *ahead = NULL;
  size_t failed_at = 0;
  char *error = NULL;
  int width = wrap_width (o);
  enum lang l = cmd_reader_lang (o);
  struct labels lb;
  labels_init (&lb);
  if (!o->count)
    {
      size_t texts, want = hits_wanted (o, &texts);
      ahead = engine_hits_ahead_start (e, q, r, want, texts, 0);
    }
  for (size_t i = 0; i < r->ndocs && rc == 0; i++)
    {
      const struct engine_doc *d = &r->docs[i];
      if (o->count && o->json)
        {
          printf ("{\"document\":%ld,\"collection\":", d->number);
          output_json_string (stdout, d->collection, strlen (d->collection));
          printf (",\"hits\":%zu,\"concepts\":%zu}\n", d->hits,
                  d->concepts);
        }
      else if (o->count && several)
        {
          struct visible vc;
          norm_visible (d->collection, strlen (d->collection), 0, &vc);
          printf ("%s/%ld:%zu\n", vc.str, d->number, d->hits);
          norm_visible_free (&vc);
        }
      else if (o->count)
        printf ("%ld:%zu\n", d->number, d->hits);
      else if (print_document (o, e, ahead, r, i, several, hl, width, marks,
                               l, &lb, &error) != 0)
        {
          rc = 2;
          failed_at = i;
        }
    }
  engine_hits_ahead_stop (ahead);
  int shown = failed_at > 0 || f.fix != NULL || f.other_english;
  if (rc == 2 && !shown && !engine_damaged (e) && redone < 3
      && engine_results_stale (e, r))
    {
      /* Another casebook changed the index between the search and its
         first passages (it built one too, or indexed a file again):
         nothing was printed, so the search is made again on the index
         as it is now, rather than the reader told to.  */
      int changed = cmd_refresh_engine (o, e);
      if (changed < 0)
        {
          free (error);
          found_free (&f);
          return 2;
        }
      if (changed == 1)
        {
          free (error);
          found_free (&f);
          redone++;
          goto again;
        }
    }
  /* Passages found the index damaged: a text that could not be read
     stops them (RC 2), one read as zeros or as bytes of no text does
     not, and its passages were missing from what was printed.  */
  int damaged = !rebuilt && engine_damaged (e);
  if (rc == 2 && !damaged)
    fprintf (stderr, "casebook: %s\n", error ? error : "?");
  free (error);
  if (damaged)
    {
      /* Built again (which says so); the search is made again if
         nothing of it was printed, else the reader is told to.  */
      if (rc == 0 && r->ndocs > 0)
        shown = 1;
      found_free (&f);
      rebuilt = 1;
      if (cmd_rebuild_engine (o, e) != 0)
        return 2;
      if (!shown)
        goto again;
      fprintf (stderr, _("casebook: the search index was rebuilt: search "
                         "again\n"));
      cmd_close_engine (e);
      return 2;
    }
  if (rc == 0 && !o->count && !o->json && r->ndocs > 1
      && r->ndocs == r->searched)
    /* TRANSLATORS: after the results of a query that every document
       matches.  */
    printf (_("(in all %zu documents)\n"), r->ndocs);
  found_free (&f);
  cmd_close_engine (e);
  return rc;
}

static int
cmd_search_exec (const struct cli_options *o, const struct library *unused,
                 int argc, char **argv)
{
  (void) unused;
  struct buf qb = { 0 };
  for (int i = 0; i < argc; i++)
    {
      if (i > 0)
        buf_addc (&qb, ' ');
      buf_adds (&qb, argv[i]);
    }
  buf_addc (&qb, '\0');
  /* As the browser's prompt would take it.  */
  char *text = query_as_typed (qb.data);
  buf_free (&qb);
  int rc = cmd_search (o, text);
  free (text);
  return rc;
}

const struct cmd_entry cmd_search_entry = {
  .name = "search",
  /* The line --help gives it, in the list of commands.  */
  .help = N_("  search QUERY...      find documents and passages (see QUERIES)\n"),
  .min_args = 1,
  .max_args = -1,
  /* xgettext:c-format */
  .usage = N_("casebook: search needs a query\n"),
  .options = CMD_OPT_JSON | CMD_OPT_COUNT | CMD_OPT_COLOR | CMD_OPT_LANG
    | CMD_OPT_SNIPPETS | CMD_OPT_WIDTH,
  .exec = cmd_search_exec,
};
