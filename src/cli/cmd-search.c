/* cmd-search.c -- casebook search QUERY...: the documents that match,
   best first, each with up to -n passages around its hits (or only the
   number of hits with --count, or JSON Lines with --json).  The search
   cache answers when it can (built or rebuilt from the content when it
   is missing or stale); otherwise the loaded content is searched.  */

#include <config.h>
#include "cmd.h"

#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

#include "content.h"
#include "i18n.h"
#include "index.h"
#include "norm.h"
#include "output.h"
#include "prefs.h"
#include "query.h"
#include "search.h"
#include "util.h"

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

/* The character that ends before byte OFF (> 0) of T, which starts at
   *START (one byte back and U+FFFD where T is not UTF-8).  */
static ucs4_t
char_before (const struct text *t, size_t off, size_t *start)
{
  const uint8_t *s = (const uint8_t *) t->str;
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

/* The character that starts at byte OFF of T; *LEN receives its length
   in bytes (at least 1).  */
static ucs4_t
char_at (const struct text *t, size_t off, size_t *len)
{
  ucs4_t uc;
  int n = u8_mbtouc (&uc, (const uint8_t *) t->str + off, t->len - off);
  *len = (size_t) n;
  return uc;
}

/* The snippet around hit H in text T: about 30 columns of context on
   each side, cut at character boundaries.  */
static void
snippet_bounds (const struct text *t, const struct hit *h, size_t *from,
                size_t *to)
{
  size_t f = h->start, e = h->end, n, prev;
  int w = 0;
  while (f > 0 && w < 30)
    {
      w += norm_char_width (char_before (t, f, &prev));
      f = prev;
    }
  w = 0;
  while (e < t->len && w < 30)
    {
      w += norm_char_width (char_at (t, e, &n));
      e += n;
    }
  /* Do not start or end in the middle of a word.  */
  while (f > 0 && f < h->start && norm_is_word (char_before (t, f, &prev))
         && norm_is_word (char_at (t, f, &n)))
    f += n;
  while (f < h->start && t->str[f] == ' ')
    f++;
  while (e < t->len && e > h->end && norm_is_word (char_before (t, e, &prev))
         && norm_is_word (char_at (t, e, &n)))
    e = prev;
  *from = f;
  *to = e;
}

/* Print one document's search results.  */
static void
print_doc_result (const struct cli_options *o, const struct doc_result *dr,
                  int color)
{
  enum lang l = cmd_reader_lang (o);
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
        output_lang (o, tl, t->str, t->len);
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
          output_json_string (stdout, d->collection->id, strlen (d->collection->id));
          printf (",\"part\":\"%s\",\"section\":%zu,\"paragraph\":%zu,"
                  "\"lang\":\"%s\",\"start\":%zu,\"end\":%zu,"
                  "\"translated\":%s,\"score\":%.4f,\"match\":",
                  h->part == PART_TITLE ? "title"
                  : h->part == PART_SECTION ? "section" : "paragraph",
                  h->section, h->block, lang_code (h->lang), h->start,
                  h->end, t->origin == ORIGIN_TRANSLATION ? "true" : "false",
                  dr->score);
          output_json_string (stdout, t->str + h->start, h->end - h->start);
          printf (",\"snippet\":");
          output_json_string (stdout, t->str + from, to - from);
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
      output_lang (o, h->lang, t->str + from, h->start - from);
      if (color)
        fputs ("\033[1;31m", stdout);
      output_lang (o, h->lang, t->str + h->start, h->end - h->start);
      if (color)
        fputs ("\033[0m", stdout);
      output_lang (o, h->lang, t->str + h->end, to - h->end);
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
        *lib = cmd_load_library (o);
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
        lib = cmd_load_library (o);
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
  int rc = cmd_search (o, qb.data);
  buf_free (&qb);
  return rc;
}

const struct cmd_entry cmd_search_entry = {
  .name = "search",
  .min_args = 1,
  .max_args = -1,
  /* xgettext:c-format */
  .usage = N_("casebook: search needs a query\n"),
  .exec = cmd_search_exec,
};
