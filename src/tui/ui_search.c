/* ui_search.c -- searching in the browser: the `/' and `?' prompts that
   highlight matches as you type (Esc puts everything back), n and N
   across cases, the `&' limit prompt, and the search state shown on the
   status line ("巡回检察 — 12 hits in 2 cases, 3/12").  */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "norm.h"
#include "ui_priv.h"

static void
free_results (struct doc_result *res, size_t n)
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
  if (s->q)
    query_free (s->q);
  free_results (s->res, ndocs);
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

struct query *
ui_query_compile (const struct ui *u, const char *text, char **error)
{
  struct query_options qo = {
    .exact = u->opt->exact,
    .regex = u->opt->regex,
    .glossary = &u->lib->glossary,
  };
  struct query_error qe = { 0 };
  struct query *q = query_parse (text, &qo, &qe);
  if (q == NULL)
    *error = qe.message ? qe.message : xstrdup (_("bad query"));
  return q;
}

int
ui_search_set (struct ui *u, const char *text, int backward, char **error)
{
  struct query *q = ui_query_compile (u, text, error);
  if (q == NULL)
    return -1;
  struct doc_result *res = xcalloc (u->ndocs, sizeof *res);
  for (size_t i = 0; i < u->ndocs; i++)
    {
      char *err = NULL;
      int r = search_document (q, u->docs[i], &res[i], &err);
      if (r < 0)
        {
          *error = err;
          free_results (res, u->ndocs);
          query_free (q);
          return -1;
        }
    }
  struct search s = { xstrdup (text), q, res, backward };
  search_replace (u, &s);
  u->cur_hit = SIZE_MAX;
  text_map_hits (u);
  return 0;
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
  for (size_t i = 0; i < r->nhits; i++)
    n += ui_hit_shown (u, u->docs[d], &r->hits[i]);
  return n;
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
      ui_message (u, 1, _("Not found: %s"), u->search.text);
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

char *
ui_search_status (const struct ui *u)
{
  if (u->search.res == NULL)
    return u->limit_text ? xasprintf (_("Limit: %s"), u->limit_text) : NULL;
  size_t total = 0, cases = 0, before = 0;
  int seen = 0;
  for (size_t i = 0; i < u->nvis; i++)
    {
      size_t n = ui_doc_hits (u, u->vis[i]);
      if (u->vis[i] == u->cur)
        seen = 1;
      else if (!seen)
        before += n;
      total += n;
      cases += n > 0;
    }
  const char *dash = norm_ambiguous_wide () ? " - " : " \xe2\x80\x94 ";
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
  return s;
}

/* Prompts.  */

void
ui_prompt_start (struct ui *u, enum prompt_kind kind)
{
  prompt_begin (&u->prompt, kind, state_history_count (u->state));
  if (kind == PROMPT_LIMIT)
    return;
  u->saved = u->search;
  u->saved_cur = u->cur;
  u->saved_top = u->top;
  u->saved_unit = u->top_unit;
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
      u->top = u->saved_top;
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
  char *err = NULL;
  if (ui_search_set (u, text, u->prompt.kind == PROMPT_SEARCH_BACK, &err) < 0)
    {
      /* Keep what was highlighted; just say what is wrong.  */
      ui_message (u, 1, "%s", err);
      free (err);
      return;
    }
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
      if (u->search.res)
        {
          u->search.backward = backward;
          ui_search_next (u, 1);
        }
      return;
    }
  state_history_add (u->state, text);
  if (search_is_saved (u) || u->search.text == NULL
      || strcmp (u->search.text, text) != 0)
    {
      char *err = NULL;
      if (ui_search_set (u, text, backward, &err) < 0)
        {
          restore (u);
          memset (&u->saved, 0, sizeof u->saved);
          ui_message (u, 1, "%s", err);
          free (err);
          return;
        }
    }
  /* The new search stays; the one saved is done with.  */
  if (!search_is_saved (u))
    search_clear (&u->saved, u->ndocs);
  memset (&u->saved, 0, sizeof u->saved);
  u->search.backward = backward;
  u->prev_set = 1;
  u->prev_doc = u->saved_cur;
  u->prev_unit = u->saved_unit;
  if (u->cur_hit < u->nvh)
    return;
  goto_saved (u);
  ui_search_next (u, 1);
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
}
