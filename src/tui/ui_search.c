/* ui_search.c -- searching in the browser: the `/' and `?' prompts that
   highlight matches as you type (Esc puts everything back), n and N
   across cases, the `&' limit prompt, and the search state shown on the
   status line ("巡回检察 — 12 hits in 2 cases, 3/12").  */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content.h"
#include "i18n.h"
#include "norm.h"
#include "prefs.h"
#include "ui_priv.h"

void
search_results_free_all (struct doc_result *res, size_t n)
{
  if (res == NULL)
    return;
  for (size_t i = 0; i < n; i++)
    search_doc_result_free (&res[i]);
  free (res);
}

/* Free S's contents; a search has one result for each of NDOCS
   documents.  */
void
search_clear (struct search *s, size_t ndocs)
{
  free (s->text);
  engine_query_free (s->q);
  search_results_free_all (s->res, ndocs);
  engine_results_free (&s->er);
  free (s->amend_fix);
  memset (s, 0, sizeof *s);
}

/* Is the current search the saved one (a prompt is open and nothing new
   has been searched yet)?  */
static int
search_is_saved (const struct ui *u)
{
  return u->search.q != NULL && u->search.q == u->saved.q;
}

static void
search_replace (struct ui *u, struct search *s)
{
  if (!search_is_saved (u))
    search_clear (&u->search, u->ndocs);
  u->search = *s;
}

/* Building the index the first time can take a while on a large
   library, and so can waiting for another casebook's update: say how
   far it is on the status line, and stop on Ctrl-C, a signal, or an
   Esc typed meanwhile (ui_work_poll).  The Esc is left to be read: it
   then cancels the prompt that the index was opened for, as it would
   have at once.  A resize is seen to here: otherwise the screen kept
   its old layout, cut or half blank, until the build ended.  Ctrl-Z
   stops the browser here too, rather than when the build ends; a
   resize while it was stopped is then seen to.  */
static int
show_progress (void *ctx, size_t done, size_t total)
{
  struct ui *u = ctx;
  int stop = ui_work_poll (u);
  char *msg = total == INDEX_WAITING
    ? xstrdup (_("Waiting for another casebook to update the search index"))
    : xasprintf (_("Indexing documents for search: %zu of %zu"), done,
                 total);
  ui_status_now (msg);
  free (msg);
  return stop;
}

struct engine *
ui_engine (struct ui *u, char **error)
{
  if (u->engine)
    return u->engine;
  /* The library the browser loaded: the same directories.  */
  char **dirs;
  size_t ndirs = prefs_library_dirs (u->opt->content_dir, &dirs);
  struct engine_options eo = {
    .content_dirs = (const char *const *) dirs,
    .ndirs = ndirs,
    .progress = show_progress,
    .progress_ctx = u,
  };
  struct diags d = { 0 };
  char *note = NULL, *cause = NULL;
  u->engine = engine_open (&eo, &d, &note, &cause);
  strv_free (dirs, ndirs);
  if (u->engine == NULL)
    *error = xasprintf (_("cannot search: %s"), cause ? cause : "?");
  else if (note)
    ui_message (u, 1, "%s", note);
  free (note);
  free (cause);
  diags_free (&d);
  return u->engine;
}

struct engine_query *
ui_query_compile (struct ui *u, const char *text, char **error)
{
  struct engine *e = ui_engine (u, error);
  if (e == NULL)
    return NULL;
  struct query_options qo = {
    .exact = u->opt->exact,
    .regex = u->opt->regex,
    .revised = u->revised,
  };
  struct query_error qe = { 0 };
  struct engine_query *q = engine_compile (e, text, &qo, &qe);
  if (q == NULL)
    {
      *error = qe.message ? qe.message : xstrdup (_("bad query"));
      /* The prompt shows where, when it holds the query.  */
      if (u->prompt.active && u->prompt.text.data
          && strcmp (u->prompt.text.data, text) == 0)
        u->prompt.mark = qe.offset;
    }
  return q;
}

/* Does hit H fit document D as loaded (the index may have seen a newer
   file than the browser loaded)?  */
static int
hit_fits (const struct document *d, const struct engine_hit *h, int revised)
{
  const struct bitext *bt;
  if (h->part == PART_TITLE)
    bt = &d->title;
  else if (h->section >= d->nsections)
    return 0;
  else if (h->part == PART_SECTION)
    bt = &d->sections[h->section].title;
  else if (h->block >= d->sections[h->section].nblocks)
    return 0;
  else
    bt = &d->sections[h->section].blocks[h->block].text;
  /* The text as shown: the revised English where the reader reads it
     (a hit in the release's English is then not on screen).  */
  const struct text *t = bitext_view (bt, h->lang, revised);
  return t && h->end <= t->len && h->text_len == t->len
    && memcmp (t->str, h->text, t->len) == 0;
}

/* Results per document (indexed like U's DOCS) from ER.  Caller
   frees.  */
static struct doc_result *
results_by_doc (struct ui *u, const struct engine_results *er)
{
  /* Only the counts now, by language: the hits of a document are
     located when it is shown (ui_search_load), so that a keystroke costs
     what the engine's search costs, not a pass over every document.  */
  struct doc_result *res = xcalloc (u->ndocs, sizeof *res);
  for (size_t i = 0; i < er->ndocs; i++)
    {
      size_t di = ui_find_doc (u, er->docs[i].collection,
                               er->docs[i].number);
      if (di == SIZE_MAX)
        continue;
      struct doc_result *dr = &res[di];
      dr->doc = u->docs[di];
      dr->score = er->docs[i].score;
      dr->engine_doc = i;
      for (int l = 0; l < LANG_COUNT; l++)
        dr->lang_hits[l] = er->docs[i].lang_hits[l];
      /* The revised English is not on screen unless it is read.  */
      dr->nhits = dr->lang_hits[LANG_ZH] + dr->lang_hits[LANG_EN];
    }
  return res;
}

int
ui_search_run (struct ui *u, const struct engine_query *q,
               struct doc_result **out, struct engine_results *er,
               char **error)
{
  struct engine *e = ui_engine (u, error);
  if (e == NULL)
    return -1;
  int rc = engine_search (e, q, er, error);
  if (rc != 0)
    return rc;
  *out = results_by_doc (u, er);
  return 0;
}

/* How long the count after Enter goes on before the status line says
   that it counts, and how to stop it.  */
#define COUNT_SAY_MS 200

/* The engine's interrupt while the browser counts the hits of every
   case after Enter: Esc and Ctrl-C stop it, as they stop the index
   build and R; other keys wait their turn.  */
static int
count_stop (void *ctx)
{
  struct ui *u = ctx;
  if (ui_engine_poll (u))
    return 1;
  if (!u->counting.said && util_now_ms () - u->counting.began_ms
      >= COUNT_SAY_MS)
    {
      u->counting.said = 1;
      ui_status_now (_("Counting the hits in every case (Esc: stop)"));
    }
  return 0;
}

/* The count after Enter begins: it is said once it takes a while.  */
static void
count_begin (struct ui *u)
{
  u->counting.said = 0;
  u->counting.began_ms = util_now_ms ();
}

/* The engine's interrupt while the browser counts a search everywhere
   as the query is typed: a key is waiting, or Ctrl-C came.  Enter is
   the exception: it accepts the search, and needs the count under way,
   which goes on as the count after Enter (count_stop).  The Enter is
   taken off the input, for an Esc typed after it to be seen, and kept
   for the main loop to give back.  */
static int
key_waiting (void *ctx)
{
  struct ui *u = ctx;
  if (u->counting.enter_taken)
    return count_stop (u);
  int code, k = keys_peek (UI_IDLE_MS, &code);
  int enter = (k == 1 && (code == '\r' || code == '\n'))
    || (k == 2 && code == KEY_ENTER);
  if (enter && !u->pasting)
    {
      keys_read (&u->counting.enter, UI_IDLE_MS);
      u->counting.enter_taken = 1;
      count_begin (u);
      return count_stop (u);
    }
  return k != 0 || ui_interrupted ();
}

/* Let the engine's work on a search be stopped from now on: with
   TYPING by any key (key_waiting), else by Esc or Ctrl-C (count_stop).
   Until search_unwatch.  */
static void
search_watch (struct ui *u, int typing)
{
  engine_set_interrupt (u->engine, typing ? key_waiting : count_stop, u);
}

static void
search_unwatch (struct ui *u)
{
  engine_set_interrupt (u->engine, NULL, NULL);
  ui_engine_poll_end (u);
}

/* Search TEXT in the open document only, as the current search, partial
   (ui_search_finish searches the rest): a keystroke at the prompt
   highlights what it finds at once, whatever the size of the library.
   Returns as ui_search_set.  */
static int
search_open_document (struct ui *u, const char *text, int backward,
                      char **error)
{
  struct engine_query *q = ui_query_compile (u, text, error);
  if (q == NULL)
    return -1;
  const struct document *d = u->docs[u->cur];
  struct engine_results er;
  if (engine_search_one (u->engine, q, d->collection->id, d->number, &er,
                         error) != 0)
    {
      engine_query_free (q);
      return -1;
    }
  struct search s = { .text = xstrdup (text), .q = q,
                      .res = results_by_doc (u, &er), .backward = backward,
                      .er = er, .partial = 1 };
  search_replace (u, &s);
  u->cur_hit = SIZE_MAX;
  text_map_hits (u);
  return 0;
}

/* Work out what Enter will show in place of the search typed, which
   finds nothing (ui_search_amend applies it), for the prompt to say.
   Returns 1 when stopped (TYPING as ui_search_finish; it is worked out
   later), else 0.  */
static int
amend_work (struct ui *u, int typing)
{
  if (!u->search.amend_due)
    return 0;
  if (!u->prompt.active)
    {
      u->search.amend_due = 0;    /* no hint to give: Enter came */
      return 0;
    }
  struct engine_amended a;
  search_watch (u, typing);
  engine_amend (u->engine, u->search.q, &u->search.er, &a);
  search_unwatch (u);
  if (a.interrupted)
    {
      engine_amended_free (&a);
      return 1;
    }
  u->search.amend_due = 0;
  u->search.amend_known = 1;
  u->search.amend_how = a.how;
  u->search.amend_fix = a.fix;
  a.fix = NULL;
  engine_amended_free (&a);
  return 0;
}

int
ui_search_finish (struct ui *u, int typing)
{
  if (!u->search.partial)
    return amend_work (u, typing);
  struct engine_results er;
  char *err = NULL;
  search_watch (u, typing);
  int rc = engine_search (u->engine, u->search.q, &er, &err);
  search_unwatch (u);
  if (rc == 1)
    return 1;
  u->search.partial = 0;
  if (rc != 0)
    {
      /* The open document's hits stay; say why the rest are not
         counted (Enter searches again, to say it again).  */
      if (engine_damaged (u->engine))
        /* TRANSLATORS: %s says what is wrong with the search index.  */
        ui_message (u, 1, _("%s: search again to rebuild it"),
                    err ? err : "?");
      else
        ui_message (u, 1, "%s", err ? err : "?");
      free (err);
      u->search.failed = 1;
      return -1;
    }
  /* The open document's hits are the same: the hit the reader is on
     stays (text_map_hits keeps it).  */
  search_results_free_all (u->search.res, u->ndocs);
  engine_results_free (&u->search.er);
  u->search.er = er;
  u->search.res = results_by_doc (u, &u->search.er);
  text_map_hits (u);
  /* Typed at the prompt and found nowhere: the prompt says what Enter
     will show instead, rather than "[no hits]" before Enter shows
     hits.  */
  if (u->prompt.active && !u->opt->no_correct
      && (er.ndocs == 0 || engine_correction_wanted (&er)))
    {
      u->search.amend_due = 1;
      /* The count is shown either way; a key that comes first leaves
         the hint to the next pause.  */
      amend_work (u, typing);
    }
  return 0;
}

void
ui_search_load (struct ui *u, size_t d)
{
  struct doc_result *dr = u->search.res ? &u->search.res[d] : NULL;
  if (dr == NULL || dr->doc == NULL || dr->loaded || u->engine == NULL
      || dr->engine_doc >= u->search.er.ndocs)
    return;
  dr->loaded = 1;
  dr->nhits = 0;
  struct engine_hits h;
  char *error = NULL;
  if (engine_hits (u->engine, u->search.q,
                   &u->search.er.docs[dr->engine_doc], &h, &error) != 0)
    {
      ui_message (u, 1, "%s", error);
      free (error);
      return;
    }
  dr->hits = xcalloc (h.n ? h.n : 1, sizeof *dr->hits);
  for (size_t k = 0; k < h.n; k++)
    if (hit_fits (u->docs[d], &h.hits[k], u->revised))
      dr->hits[dr->nhits++] = (struct hit) {
        .part = h.hits[k].part, .section = h.hits[k].section,
        .block = h.hits[k].block, .lang = h.hits[k].lang,
        .start = h.hits[k].start, .end = h.hits[k].end
      };
  engine_hits_free (&h);
}

/* ui_search_set; with STOPPABLE, Esc and Ctrl-C stop the count of
   every case (count_stop), and it returns 1.  */
static int
search_set (struct ui *u, const char *text, int backward, int stoppable,
            char **error)
{
  struct engine_query *q = ui_query_compile (u, text, error);
  if (q == NULL)
    return -1;
  struct doc_result *res;
  struct engine_results er;
  if (stoppable)
    search_watch (u, 0);
  int rc = ui_search_run (u, q, &res, &er, error);
  if (stoppable)
    search_unwatch (u);
  if (rc != 0)
    {
      engine_query_free (q);
      return rc;
    }
  struct search s = { .text = xstrdup (text), .q = q, .res = res,
                      .backward = backward, .er = er };
  search_replace (u, &s);
  u->cur_hit = SIZE_MAX;
  text_map_hits (u);
  return 0;
}

int
ui_search_set (struct ui *u, const char *text, int backward, char **error)
{
  return search_set (u, text, backward, 0, error);
}

int
ui_search_set_stoppable (struct ui *u, const char *text, int backward,
                         char **error)
{
  count_begin (u);
  int rc = search_set (u, text, backward, 1, error);
  if (rc == 1)
    ui_work_taken (u);
  return rc;
}

void
ui_search_stopped_say (struct ui *u)
{
  ui_message (u, 1, "%s", _("Counting the hits stopped: the search "
                            "and the view are as they were"));
}

/* The bitext that hit H points into.  */
static const struct bitext *
hit_bitext (const struct document *d, const struct hit *h)
{
  switch (h->part)
    {
    case PART_TITLE:
      return &d->title;
    case PART_SECTION:
      return h->section < d->nsections ? &d->sections[h->section].title : NULL;
    default:
      if (h->section >= d->nsections
          || h->block >= d->sections[h->section].nblocks)
        return NULL;
      return &d->sections[h->section].blocks[h->block].text;
    }
}

int
ui_hit_shown (const struct ui *u, const struct document *d,
              const struct hit *h)
{
  if (u->view == VIEW_SIDE_BY_SIDE || u->view == VIEW_INTERLEAVED)
    return 1;
  enum lang want = u->view == VIEW_ZH ? LANG_ZH : LANG_EN;
  if (h->lang == want)
    return 1;
  const struct bitext *bt = hit_bitext (d, h);
  return bt && bitext_get (bt, want) == NULL;
}

size_t
ui_doc_hits (const struct ui *u, size_t d)
{
  if (u->search.res == NULL)
    return 0;
  if (d == u->cur && u->have_render)
    return u->nvh;
  const struct doc_result *r = &u->search.res[d];
  size_t n = 0;
  if (r->loaded)
    {
      for (size_t i = 0; i < r->nhits; i++)
        n += ui_hit_shown (u, u->docs[d], &r->hits[i]);
      return n;
    }
  /* Not yet located: count by language.  A document without the
     language on screen shows the other one, with its hits.  */
  if (u->view == VIEW_SIDE_BY_SIDE || u->view == VIEW_INTERLEAVED)
    return r->lang_hits[LANG_ZH] + r->lang_hits[LANG_EN];
  enum lang want = u->view == VIEW_ZH ? LANG_ZH : LANG_EN;
  n = r->lang_hits[want];
  if (!document_has_lang (u->docs[d], want))
    n += r->lang_hits[lang_other (want)];
  return n;
}

/* Are A and B hits in the same text: paragraph (or title) and
   language?  */
static int
hit_same_text (const struct hit *a, const struct hit *b)
{
  return a->part == b->part && a->section == b->section
    && a->block == b->block && a->lang == b->lang;
}

struct hit_place
ui_search_hit_place (const struct ui *u)
{
  struct hit_place p = { 0 };
  if (u->cur_hit >= u->nvh || u->search.res == NULL
      || !u->search.res[u->cur].loaded)
    return p;
  const struct doc_result *r = &u->search.res[u->cur];
  p.set = 1;
  p.h = r->hits[u->vh[u->cur_hit].hit];
  for (size_t i = 0; i < r->nhits; i++)
    if (hit_same_text (&r->hits[i], &p.h) && r->hits[i].start < p.h.start)
      p.nth++;
  return p;
}

void
ui_search_hit_return (struct ui *u, const struct hit_place *p)
{
  if (!p->set || u->search.res == NULL || !u->search.res[u->cur].loaded)
    return;
  /* The Chinese is the same text and its hits the same; an English
     revised has its words elsewhere, and the hit as many hits into
     the paragraph is the nearest to be had.  */
  const struct doc_result *r = &u->search.res[u->cur];
  size_t best = SIZE_MAX, best_nth = 0;
  for (size_t i = 0; i < u->nvh; i++)
    {
      const struct hit *h = &r->hits[u->vh[i].hit];
      if (!hit_same_text (h, &p->h))
        continue;
      size_t nth = 0;
      for (size_t j = 0; j < r->nhits; j++)
        if (hit_same_text (&r->hits[j], h) && r->hits[j].start < h->start)
          nth++;
      if (nth == p->nth)
        {
          best = i;
          break;
        }
      if (nth < p->nth && (best == SIZE_MAX || nth >= best_nth))
        {
          best = i;
          best_nth = nth;
        }
    }
  if (best == SIZE_MAX)
    {
      /* None there now: the first hit after the paragraph's start.  */
      size_t from = SIZE_MAX;
      for (size_t i = 0; i < u->r.nlines && from == SIZE_MAX; i++)
        for (int c = 0; c < 2; c++)
          {
            const struct rcell *cell = &u->r.lines[i].cell[c];
            if (cell->present && cell->part == p->h.part
                && cell->section == p->h.section
                && cell->block == p->h.block && cell->lang == p->h.lang)
              from = i;
          }
      for (size_t i = 0; i < u->nvh && from != SIZE_MAX; i++)
        if (u->vh[i].line >= from)
          {
            best = i;
            break;
          }
    }
  if (best == SIZE_MAX)
    return;
  u->cur_hit = best;
  text_show_line (u, u->vh[best].line);
}

/* Position of the open document in the list, or SIZE_MAX.  */
static size_t
cur_in_list (const struct ui *u)
{
  for (size_t i = 0; i < u->nvis; i++)
    if (u->vis[i] == u->cur)
      return i;
  return SIZE_MAX;
}

static void
select_hit (struct ui *u, size_t i)
{
  u->cur_hit = i;
  text_show_line (u, u->vh[i].line);
}

/* A hit of the open document in direction DIR from the screen, or
   SIZE_MAX.  */
static size_t
hit_in_document (const struct ui *u, int dir)
{
  if (u->nvh == 0)
    return SIZE_MAX;
  size_t h = (size_t) text_height (u);
  if (u->cur_hit < u->nvh)
    {
      size_t line = u->vh[u->cur_hit].line;
      if (line >= u->top && line < u->top + h)
        {
          if (dir > 0)
            return u->cur_hit + 1 < u->nvh ? u->cur_hit + 1 : SIZE_MAX;
          return u->cur_hit > 0 ? u->cur_hit - 1 : SIZE_MAX;
        }
    }
  if (dir > 0)
    {
      for (size_t i = 0; i < u->nvh; i++)
        if (u->vh[i].line >= u->top)
          return i;
      return SIZE_MAX;
    }
  /* Backward, as in less: from the line above the top.  */
  for (size_t i = u->nvh; i-- > 0;)
    if (u->vh[i].line < u->top)
      return i;
  return SIZE_MAX;
}

/* A search with no hits anywhere: a query of fields alone (case:6,
   案例六, year:2022) keeps cases and has no words to find, and goes to
   the next case it keeps, in direction DIR; else there is nothing.  */
static void
search_kept_cases (struct ui *u, int dir)
{
  size_t pos = cur_in_list (u), kept = 0, next = SIZE_MAX;
  for (size_t k = 1; k <= u->nvis; k++)
    {
      size_t idx = pos == SIZE_MAX ? (dir > 0 ? k - 1 : u->nvis - k)
        : dir > 0 ? (pos + k) % u->nvis
        : (pos + u->nvis - k % u->nvis) % u->nvis;
      if (u->search.res[u->vis[idx]].doc == NULL)
        continue;
      kept++;
      if (next == SIZE_MAX)
        next = idx;
    }
  if (kept == 0)
    {
      /* Words the other English has: say so, and how to read it.  */
      struct engine *e = u->search.q ? u->engine : NULL;
      if (e && !u->search.other_known)
        {
          u->search.other = engine_other_english_finds (e, u->search.q);
          u->search.other_known = 1;
        }
      size_t other = u->search.other;
      if (other > 0 && u->revised)
        ui_message (u, 1, _("Not found: %s (the release's English has it)"),
                    u->search.text);
      else if (other > 0)
        ui_message (u, 1, _("Not found: %s (casebook's revised English has "
                            "it)"), u->search.text);
      else
        ui_message (u, 1, _("Not found: %s"), u->search.text);
      return;
    }
  size_t d = u->vis[next];
  if (d != u->cur)
    {
      ui_remember_jump (u);
      ui_open (u, d);
    }
  ui_message (u, 0, ngettext ("%s keeps %zu case, and has no words to find",
                              "%s keeps %zu cases, and has no words to find",
                              kept), u->search.text, kept);
}

void
ui_search_next (struct ui *u, int dir)
{
  if (u->search.res == NULL)
    {
      ui_message (u, 1, _("No previous search"));
      return;
    }
  if (u->search.backward)
    dir = -dir;
  size_t total = 0;
  for (size_t i = 0; i < u->nvis; i++)
    total += ui_doc_hits (u, u->vis[i]);
  if (total == 0)
    {
      size_t all = 0;
      for (size_t i = 0; i < u->nvis; i++)
        all += u->search.res[u->vis[i]].nhits;
      if (all == 0)
        search_kept_cases (u, dir);
      else
        {
          /* The hits are in the language not on screen: say so.  */
          char *st = ui_search_status (u);
          ui_message (u, 1, "%s", st);
          free (st);
        }
      return;
    }
  size_t pos = cur_in_list (u);
  if (pos != SIZE_MAX)
    {
      size_t i = hit_in_document (u, dir);
      if (i != SIZE_MAX)
        {
          select_hit (u, i);
          return;
        }
    }
  /* On to the next case with hits, wrapping around the list.  */
  for (size_t k = 1; k <= u->nvis; k++)
    {
      size_t idx;
      int wrapped;
      if (pos == SIZE_MAX)
        {
          idx = dir > 0 ? k - 1 : u->nvis - k;
          wrapped = 0;
        }
      else if (dir > 0)
        {
          idx = (pos + k) % u->nvis;
          wrapped = pos + k >= u->nvis;
        }
      else
        {
          idx = (pos + u->nvis - k % u->nvis) % u->nvis;
          wrapped = k > pos;
        }
      size_t d = u->vis[idx];
      if (ui_doc_hits (u, d) == 0)
        continue;
      if (d != u->cur)
        ui_remember_jump (u);
      ui_open (u, d);
      if (u->nvh == 0)
        return;
      select_hit (u, dir > 0 ? 0 : u->nvh - 1);
      if (wrapped)
        ui_message (u, 0, dir > 0 ? _("Search wrapped to the first case")
                    : _("Search wrapped to the last case"));
      return;
    }
}

void
ui_search_repeat (struct ui *u, int dir, long count)
{
  size_t total = 0;
  for (size_t i = 0; u->search.res && i < u->nvis; i++)
    total += ui_doc_hits (u, u->vis[i]);
  /* After the first step the hits come round every TOTAL steps: a count
     of 999999999 is not a billion steps (and minutes deaf to keys).  */
  size_t steps = count > 0 ? (size_t) count : 1;
  if (total > 0 && steps > total)
    steps = (steps - 1) % total + 1;
  for (size_t i = 0; i < steps; i++)
    {
      ui_search_next (u, dir);
      if (total == 0)
        break;
    }
}

/* What the search found in the cases listed: hits in the language on
   screen (*TOTAL, in *CASES cases, *BEFORE of them in cases above the
   open one, whose place is *SEEN), hits in the other language
   (*HIDDEN), and cases a query of fields alone keeps (*KEPT).  */
struct search_totals
{
  size_t total, cases, before, hidden, kept;
  int seen;
};

static struct search_totals
search_count (const struct ui *u)
{
  struct search_totals t = { 0 };
  size_t all = 0;
  for (size_t i = 0; i < u->nvis; i++)
    {
      size_t n = ui_doc_hits (u, u->vis[i]);
      if (u->vis[i] == u->cur)
        t.seen = 1;
      else if (!t.seen)
        t.before += n;
      t.total += n;
      t.cases += n > 0;
      all += u->search.res[u->vis[i]].nhits;
      t.kept += u->search.res[u->vis[i]].doc != NULL;
    }
  /* Hits in the language not on screen count too: say where they are
     rather than "no hits" (the same query finds the same documents as
     casebook search).  */
  t.hidden = all > t.total ? all - t.total : 0;
  return t;
}

char *
ui_search_status (const struct ui *u)
{
  if (u->search.res == NULL)
    return u->limit_text ? xasprintf (_("Limit: %s"), u->limit_text) : NULL;
  struct search_totals t = search_count (u);
  size_t total = t.total, cases = t.cases, before = t.before;
  size_t hidden = t.hidden;
  int seen = t.seen;
  const char *other = u->view == VIEW_ZH ? _("English") : _("Chinese");
  const char *dash = norm_ambiguous_wide () ? " - " : " \xe2\x80\x94 ";
  if (total == 0 && hidden > 0)
    /* TRANSLATORS: the search state when the hits are all in the other
       language: "circuit inspection — 12 hits in the English text, v
       shows it"; %3$s is "English" or "Chinese".  */
    return xasprintf (ngettext ("%1$s%2$s%4$zu hit in the %3$s text, v shows it",
                                "%1$s%2$s%4$zu hits in the %3$s text, v shows it",
                                hidden), u->search.text, dash, other, hidden);
  if (total == 0)
    /* TRANSLATORS: the search state when nothing matches: "QUERY — no hits".  */
    return xasprintf (_("%s%sno hits"), u->search.text, dash);
  char *hits = xasprintf (ngettext ("%zu hit", "%zu hits", total), total);
  char *in = xasprintf (ngettext ("%zu case", "%zu cases", cases), cases);
  char *s;
  if (seen && u->cur_hit < u->nvh)
    /* TRANSLATORS: the search state: "巡回检察 — 12 hits in 2 cases, 3/12";
       %1$s the query, %2$s the dash, %3$s "12 hits", %4$s "2 cases",
       then the current hit and the total.  */
    s = xasprintf (_("%1$s%2$s%3$s in %4$s, %5$zu/%6$zu"), u->search.text,
                   dash, hits, in, before + u->cur_hit + 1, total);
  else
    s = xasprintf (_("%1$s%2$s%3$s in %4$s"), u->search.text, dash, hits, in);
  free (hits);
  free (in);
  if (hidden > 0)
    {
      /* TRANSLATORS: added to the search state: "; 5 more in the English
         text (v)".  */
      char *more = xasprintf (_("%s; %zu more in the %s text (v)"), s, hidden,
                              other);
      free (s);
      s = more;
    }
  return s;
}

/* FIX, a correction (the index's words, in simplified script), as the
   reader reads the text: in traditional script when it is shown so.
   Caller frees.  */
static char *
fix_shown (const struct ui *u, const char *fix)
{
  char *t = u->opt->script_config
    ? norm_to_traditional (fix, strlen (fix), u->opt->script_config) : NULL;
  return t ? t : xstrdup (fix);
}

char *
ui_search_prompt_count (const struct ui *u)
{
  if (!u->prompt.active || u->prompt.kind == PROMPT_LIMIT
      || u->prompt.kind == PROMPT_GOTO)
    return NULL;
  /* A query that cannot be read (/[/, an unclosed quote): why, until
     it is edited.  */
  if (u->prompt.error && u->prompt.mark != SIZE_MAX)
    return xasprintf ("[%s]", u->prompt.error);
  if (u->search.res == NULL || search_is_saved (u))
    return NULL;
  /* Enter will show a correction (some words typed are in no text):
     the count of what is typed would describe another search.  */
  if (u->search.amend_known && u->search.amend_how == ENGINE_AMEND_CORRECTED
      && u->search.amend_fix && u->search.er.ndocs > 0)
    /* TRANSLATORS: the search prompt's count when what is typed finds
       something but some of its words are in no text, and Enter will
       show a correction: "[Enter: Zhangjiagang]".  */
    {
      char *fix = fix_shown (u, u->search.amend_fix);
      char *count = xasprintf (_("[Enter: %s]"), fix);
      free (fix);
      return count;
    }
  if (u->nvh > 0 && u->cur_hit < u->nvh)
    return xasprintf ("[%zu/%zu]", u->cur_hit + 1, u->nvh);
  if (u->nvh > 0)
    /* The open case's hits are all behind the screen in the direction
       searched (above it, or below its top searching back): "[0/3]"
       read as a count gone wrong.  Enter goes on to the next case.  */
    return xasprintf (u->prompt.kind == PROMPT_SEARCH_BACK
                      /* TRANSLATORS: the search prompt's count when
                         searching back and the open case's hits are
                         all further down: "[3 below]".  */
                      ? _("[%zu below]")
                      /* TRANSLATORS: the search prompt's count when the
                         open case's hits are all above the screen:
                         "[3 above]".  */
                      : _("[%zu above]"), u->nvh);
  /* None in the case open, as vim would count them; but while the
     query is typed, whether it finds anything elsewhere is what
     decides the next key.  Until the other cases are searched (keys
     still coming) that is not known, and nothing is said.  */
  if (u->search.partial || u->search.failed)
    return NULL;
  struct search_totals t = search_count (u);
  int here = t.seen && ui_doc_hits (u, u->cur) > 0;
  if (here)
    return NULL;              /* hits not laid out on screen yet */
  if (t.total > 0)
    /* TRANSLATORS: the search prompt's count when the case open has no
       hits and others do: "[none here; in 3 cases]".  */
    return xasprintf (ngettext ("[none here; in %zu case]",
                                "[none here; in %zu cases]", t.cases),
                      t.cases);
  if (t.hidden > 0)
    /* TRANSLATORS: the search prompt's count when the only hits are in
       the language not on screen: "[none here; in the Chinese text]".  */
    return xasprintf (_("[none here; in the %s text]"),
                      u->view == VIEW_ZH ? _("English") : _("Chinese"));
  if (t.kept > 0)
    /* TRANSLATORS: the search prompt's count for a query of fields
       alone (case:6), which keeps cases and has no words to find.  */
    return xasprintf (ngettext ("[%zu case]", "[%zu cases]", t.kept), t.kept);
  const char *instead = !u->search.amend_known ? NULL
    : u->search.amend_how == ENGINE_AMEND_CORRECTED ? u->search.amend_fix
    : u->search.amend_how != ENGINE_AMEND_OTHER_ENGLISH ? NULL
    : u->revised ? _("the release's English")
    : _("casebook's revised English");
  if (instead)
    {
      char *shown = fix_shown (u, instead);
      /* TRANSLATORS: the search prompt's count when nothing matches
         what is typed and Enter will show something else: a
         correction ("[no hits; Enter: circuit inspection]") or the
         other English.  */
      char *count = xasprintf (_("[no hits; Enter: %s]"), shown);
      free (shown);
      return count;
    }
  return xstrdup (_("[no hits]"));
}

/* Prompts.  */

/* Lay the open case out again, from the same place, after its text
   was read again.  */
static void
relayout_text (struct ui *u)
{
  if (!u->have_render)
    return;
  /* The same line of the same paragraph, not the paragraph's first
     line: the first prompt of a run reads the open case again, edited
     or not, and the view must not jump up from the middle of a long
     paragraph (nor Esc "restore" it there).  */
  size_t keep = u->top_unit;
  size_t line = 0;
  size_t unit = text_top_place (u, &line);
  u->top_unit = unit;
  render_free (&u->r);
  u->have_render = 0;
  text_layout (u);
  text_goto_unit_line (u, unit, line);
  /* A paragraph gone to below the top (near the end of the case) stays
     the one that y and = name.  */
  size_t anchor = u->top_unit;
  u->top_unit = keep;
  if (text_current_line (u) == u->top)
    u->top_unit = anchor;
}

/* Before a new search: files may have been edited since the index was
   last brought up to date (a translator's editor beside the browser).
   When the index changed, the documents read so far are read again and
   the current search is run again: its results are of the old index,
   and hits are only shown where they fit the text on screen.  */
static void
refresh_content (struct ui *u)
{
  if (u->engine == NULL)
    {
      /* Opened now, and so up to date, before the prompt shows,
         rather than by the first key typed at it: the stat of every
         file and the index's first pages are then paid between the /
         and the prompt, not between a key and its highlights (at 8000
         documents the first query took 50 ms of the browser's own
         time, a later one 5).  Should it fail
         (Ctrl-C during a wait for another casebook's update), that is
         said as the prompt closes, and the query typed tries again.  */
      char *error = NULL;
      if (ui_engine (u, &error) == NULL)
        {
          ui_message (u, 1, "%s", error);
          free (error);
          return;
        }
      /* The index is now as the files are, and the open case may have
         been edited since the browser read it: its hits must fit the
         text on screen.  One file, read again; the others are read
         when opened.  */
      struct document *doc = library_document_rw (u->lib, u->cur);
      if (doc && !doc->partial)
        {
          struct diags dg = { 0 };
          if (content_reload (doc, &dg) != 0)
            ui_read_error (u, &dg, 1);
          diags_free (&dg);
          relayout_text (u);
        }
      return;
    }
  struct diags d = { 0 };
  char *cause = NULL;
  /* Another casebook may be updating the index (it may be the first
     build of a large library), or many files changed: say so while it
     takes, as when the engine was opened, rather than freeze with the
     prompt not yet open.  */
  int changed;
  if (engine_damaged (u->engine))
    {
      /* A search found the index damaged: built again, as the message
         then promised, and the current search run again.  */
      char *note = NULL;
      changed = engine_rebuild (u->engine, &d, show_progress, u, &note,
                                &cause) == 0 ? 1 : -1;
      free (note);
    }
  else
    changed = engine_refresh (u->engine, &d, show_progress, u, &cause);
  diags_free (&d);
  if (changed < 0)
    {
      ui_message (u, 1, _("cannot update the search index: %s"), cause);
      free (cause);
      return;
    }
  if (changed == 0)
    return;
  /* The current hit, to find again where it is the same.  */
  struct hit cur = { .part = PART_TITLE };
  int had_cur = 0;
  if (u->cur_hit < u->nvh && u->search.res && u->search.res[u->cur].loaded)
    {
      cur = u->search.res[u->cur].hits[u->vh[u->cur_hit].hit];
      had_cur = 1;
    }
  /* Every changed case's title and region, and its text if it was
     read: a translator may have edited any of them.  One that cannot be
     read now (saved half edited) is kept as it was.  The files' states
     are known from the second time on: the first reads every file.  */
  time_t started = time (NULL);
  int known = u->doc_stamps != NULL;
  if (!known)
    u->doc_stamps = xcalloc (u->ndocs ? u->ndocs : 1,
                             sizeof *u->doc_stamps);
  for (size_t i = 0; i < u->ndocs; i++)
    {
      struct document *doc = library_document_rw (u->lib, i);
      if (doc == NULL)
        continue;
      struct file_stamp now;
      int same = util_file_stamp (doc->path, &now) == 0 && known
        && util_file_stamp_equal (&now, &u->doc_stamps[i]);
      /* A file changed within a second of now may change again within
         the same second (a whole-second file system shows the same
         time): it is read again next time too.  */
      if (now.ctime_sec + 1 >= (int64_t) started)
        memset (&now, 0, sizeof now);
      u->doc_stamps[i] = now;
      if (same)
        continue;
      struct diags dg = { 0 };
      if (content_reload (doc, &dg) != 0 && i == u->cur)
        ui_read_error (u, &dg, 1);
      diags_free (&dg);
    }
  list_regions_changed (u);
  relayout_text (u);
  if (u->search.text)
    {
      char *text = xstrdup (u->search.text);
      char *error = NULL;
      if (ui_search_set (u, text, u->search.backward, &error) != 0)
        {
          ui_message (u, 1, "%s", error);
          free (error);
        }
      free (text);
    }
  const struct doc_result *dr = u->search.res ? &u->search.res[u->cur] : NULL;
  for (size_t i = 0; had_cur && dr && dr->loaded && i < u->nvh; i++)
    {
      const struct hit *h = &dr->hits[u->vh[i].hit];
      if (h->part == cur.part && h->section == cur.section
          && h->block == cur.block && h->lang == cur.lang
          && h->start == cur.start && h->end == cur.end)
        u->cur_hit = i;
    }
  /* A limit of the list is a search too.  */
  if (u->limit_text)
    {
      char *text = xstrdup (u->limit_text);
      list_limit (u, text);
      free (text);
    }
}

void
ui_prompt_start (struct ui *u, enum prompt_kind kind)
{
  if (kind == PROMPT_SEARCH || kind == PROMPT_SEARCH_BACK
      || kind == PROMPT_LIMIT)
    refresh_content (u);
  /* What that had to say (the open case's file cannot be read any more,
     the index cannot be updated) would be hidden by the prompt, and
     cleared when it closes: it is said then.  */
  if (u->msg && u->msg_error)
    {
      free (u->msg_after_prompt);
      u->msg_after_prompt = u->msg;
      u->msg = NULL;
    }
  prompt_begin (&u->prompt, kind, state_history_count (u->state));
  if (kind == PROMPT_LIMIT)
    return;
  u->saved = u->search;
  u->saved_cur = u->cur;
  u->saved_top = u->top;
  u->saved_unit = u->top_unit;
  u->saved_place = text_top_place (u, &u->saved_line);
  u->saved_hit = u->cur_hit;
  u->saved_width = u->r_width;
}

/* Back to the position the prompt was opened at (by paragraph if the
   terminal was resized meanwhile).  */
static void
goto_saved (struct ui *u)
{
  if (u->r_width == u->saved_width)
    {
      text_set_top (u, u->saved_top);   /* its place in the paragraph too */
      u->top_unit = u->saved_unit;
    }
  else
    text_goto_unit (u, u->saved_unit);
}

/* Put back the search and the view as they were when the prompt
   opened.  */
static void
restore (struct ui *u)
{
  if (!search_is_saved (u))
    {
      search_clear (&u->search, u->ndocs);
      u->search = u->saved;
      text_map_hits (u);
    }
  if (u->cur != u->saved_cur)
    ui_open (u, u->saved_cur);
  goto_saved (u);
  u->cur_hit = u->saved_hit < u->nvh ? u->saved_hit : SIZE_MAX;
}

/* Highlight what the prompt holds and move to its first hit in the open
   case from where the prompt was opened.  */
static void
preview (struct ui *u)
{
  const char *text = u->prompt.text.data ? u->prompt.text.data : "";
  if (*text == '\0')
    {
      restore (u);
      return;
    }
  /* More keys are already waiting (a paste, fast typing): search once
     they are in, not once per character.  */
  if (keys_pending (UI_IDLE_MS))
    return;
  char *err = NULL;
  if (search_open_document (u, text, u->prompt.kind == PROMPT_SEARCH_BACK,
                            &err) < 0)
    {
      /* Keep what was highlighted; just say what is wrong, where the
         count would be: the prompt hides the status line.  */
      free (u->prompt.error);
      u->prompt.error = xstrdup (err);
      ui_message (u, 1, "%s", err);
      free (err);
      return;
    }
  free (u->prompt.error);
  u->prompt.error = NULL;
  free (u->msg);
  u->msg = NULL;
  goto_saved (u);
  size_t pick = SIZE_MAX;
  if (u->prompt.kind == PROMPT_SEARCH)
    {
      for (size_t i = 0; i < u->nvh && pick == SIZE_MAX; i++)
        if (u->vh[i].line >= u->top)
          pick = i;
    }
  else
    for (size_t i = u->nvh; i-- > 0 && pick == SIZE_MAX;)
      if (u->vh[i].line < u->top)
        pick = i;
  if (pick != SIZE_MAX)
    select_hit (u, pick);
}

static void
accept_search (struct ui *u, const char *text, int backward)
{
  if (*text == '\0')
    {
      restore (u);
      memset (&u->saved, 0, sizeof u->saved);
      /* An empty / or ? repeats the last search, in its direction, as
         in vi and less; with none yet it says so, as n does, rather
         than close the prompt without a word.  */
      if (u->search.res)
        u->search.backward = backward;
      ui_search_next (u, 1);
      return;
    }
  state_history_add (u->state, text);
  /* Searched as typed: count everywhere now, n and N need it.  Esc and
     Ctrl-C stop the count, and put back the search and the view as
     they were, as Esc at the prompt does (the query is in the
     history).  */
  int typed = !search_is_saved (u) && u->search.text != NULL
    && strcmp (u->search.text, text) == 0 && !u->search.failed;
  count_begin (u);
  int rc = typed ? ui_search_finish (u, 0) : -1;
  char *err = NULL;
  if (rc == -1)
    rc = search_set (u, text, backward, 1, &err);
  if (rc != 0)
    {
      restore (u);
      memset (&u->saved, 0, sizeof u->saved);
      if (rc == 1 && ui_work_taken (u))
        ui_search_stopped_say (u);
      else if (err)
        ui_message (u, 1, "%s", err);
      free (err);
      return;
    }
  /* The new search stays; the one saved is done with.  */
  if (!search_is_saved (u))
    search_clear (&u->saved, u->ndocs);
  memset (&u->saved, 0, sizeof u->saved);
  int hit_before = u->cur_hit < u->nvh;
  char *corrected = NULL;
  int how = ui_search_amend (u, backward, &corrected);
  u->search.backward = backward;
  u->prev_set = 1;
  u->prev_doc = u->saved_cur;
  u->prev_unit = u->saved_place;
  u->prev_line = u->saved_line;
  if (!(hit_before && how == 0))
    {
      goto_saved (u);
      ui_search_next (u, 1);
      ui_search_amend_say (u, how, corrected, text);
    }
  free (corrected);
  if (how == 0)
    ui_search_say_absent (u);
}

void
ui_search_say_absent (struct ui *u)
{
  char *absent = u->search.q
    ? engine_absent_words (u->search.q, &u->search.er) : NULL;
  if (absent)
    {
      char *v = norm_visible_string (absent);
      ui_message (u, 0, _("No text has %s: showing the cases with the "
                          "other words"), v);
      free (v);
      free (absent);
    }
}

int
ui_search_amend (struct ui *u, int backward, char **corrected)
{
  *corrected = NULL;
  if (u->opt->no_correct || u->search.q == NULL || u->engine == NULL
      || u->search.partial)
    return 0;
  enum engine_amend how;
  char *fix;
  if (u->search.amend_known)
    {
      /* Worked out at the prompt, for the hint: not again.  */
      how = u->search.amend_how;
      fix = u->search.amend_fix ? xstrdup (u->search.amend_fix) : NULL;
    }
  else
    {
      struct engine_amended a;
      engine_amend (u->engine, u->search.q, &u->search.er, &a);
      how = a.how;
      fix = a.fix;
      a.fix = NULL;
      engine_amended_free (&a);
    }
  if (how == ENGINE_AMEND_OTHER_ENGLISH)
    {
      /* Read that English, as E does: the search is made again there.  */
      ui_toggle_english (u);
      return 1;
    }
  if (how == ENGINE_AMEND_NONE)
    return 0;
  /* The correction becomes the search: highlighted, counted, and n and
     N go through it.  */
  char *err = NULL;
  struct search old = u->search;
  memset (&u->search, 0, sizeof u->search);
  if (ui_search_set (u, fix, backward, &err) == 0 && !u->search.partial)
    {
      int typed_found = old.er.ndocs > 0;
      search_clear (&old, u->ndocs);
      *corrected = fix;
      return typed_found ? 3 : 2;
    }
  search_clear (&u->search, u->ndocs);
  free (err);
  u->search = old;
  text_map_hits (u);
  free (fix);
  return 0;
}

void
ui_search_amend_say (struct ui *u, int how, const char *corrected,
                     const char *text)
{
  int other = how == 1;
  /* TRANSLATORS: as casebook search says it, and the key that reads
     the English searched first again: %s is the query typed.  */
  if (other && u->revised)
    ui_message (u, 0, _("Showing results in casebook's revised English "
                        "(nothing found for %s in the release's; E: back)"),
                text);
  else if (other)
    ui_message (u, 0, _("Showing results in the release's English (nothing "
                        "found for %s in casebook's revision; E: back)"),
                text);
  char *shown = corrected ? fix_shown (u, corrected) : NULL;
  if (corrected && how == 3)
    /* TRANSLATORS: as casebook search says it: the corrected query,
       then what was typed, which found something, but not all of it
       was in the texts.  */
    ui_message (u, 0, _("Showing results for %s (not all of %s is in the "
                        "texts)"), shown, text);
  else if (corrected)
    {
      /* TRANSLATORS: as casebook search says it: the corrected query,
         then what was typed.  */
      ui_message (u, 0, _("Showing results for %s (nothing found for %s)"),
                  shown, text);
    }
  free (shown);
}

void
ui_prompt_pasted (struct ui *u)
{
  if (u->prompt.active && u->prompt.kind != PROMPT_LIMIT)
    preview (u);
}

void
ui_prompt_key (struct ui *u, const struct ui_key *k)
{
  enum prompt_kind kind = u->prompt.kind;
  enum prompt_result r = prompt_key (&u->prompt, k, u->state);
  if (r == PROMPT_NONE)
    return;
  if (r == PROMPT_EDITED)
    {
      if (kind != PROMPT_LIMIT)
        preview (u);
      return;
    }
  char *text = xstrdup (u->prompt.text.data ? u->prompt.text.data : "");
  prompt_end (&u->prompt);
  free (u->msg);
  u->msg = NULL;
  if (r == PROMPT_CANCEL)
    {
      if (kind != PROMPT_LIMIT)
        {
          restore (u);
          memset (&u->saved, 0, sizeof u->saved);
        }
    }
  else if (kind == PROMPT_LIMIT)
    {
      state_history_add (u->state, text);
      list_limit (u, text);
    }
  else
    accept_search (u, text, kind == PROMPT_SEARCH_BACK);
  free (text);
  /* What the search itself said (a correction, a bad regex) comes
     first: the message kept from the prompt's opening waits for the
     next key (ui_show_kept_message).  */
  if (u->msg == NULL)
    ui_show_kept_message (u);
}

void
ui_show_kept_message (struct ui *u)
{
  if (u->msg_after_prompt == NULL || u->prompt.active)
    return;
  free (u->msg);
  u->msg = u->msg_after_prompt;
  u->msg_error = 1;
  u->msg_after_prompt = NULL;
}
