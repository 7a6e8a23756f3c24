/* ui_related.c -- R: the five cases most related to the open one
   (related.h, what `casebook related' prints), each with what it shares
   with it on a second line; Enter opens the chosen case.  The library's
   terms are weighed at the first R only: from the search index, which
   keeps each case's (related.h), through the engine that searches use;
   without one, every case is read whole and analysed.  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "i18n.h"
#include "ui_priv.h"

#define RELATED_SHOWN 5

static void
related_choose (struct ui *u, const struct pick_item *it)
{
  if (it->doc != u->cur)
    ui_remember_jump (u);
  ui_open_listed (u, it->doc);
}

/* The index in docs of D.  */
static size_t
doc_index (const struct ui *u, const struct document *d)
{
  for (size_t i = 0; i < u->ndocs; i++)
    if (u->docs[i] == d)
      return i;
  return 0;
}

/* Related cases compare whole texts: read those that the list knows by
   their headers only, saying how far it is on the status line.  Returns
   -1 when the reader stopped it (ui_work_poll).  */
static int
read_all (struct ui *u)
{
  for (size_t i = 0; i < u->ndocs; i++)
    if (u->docs[i]->partial)
      {
        if (i % 64 == 0)
          {
            if (ui_work_poll (u))
              return -1;
            char *msg = xasprintf (_("Reading the cases to relate them: "
                                     "%zu of %zu"), i, u->ndocs);
            ui_status_now (msg);
            free (msg);
          }
        ui_read_whole (u, i);
      }
  return 0;
}

/* related_options.read_whole: a case the index lacks, or that a
   reason is sought in, read whole into a copy and let go; a problem is
   said on the status line.  */
static int
read_copy (void *ctx, const struct document *doc, struct document *whole)
{
  struct ui *u = ctx;
  struct diags dg = { 0 };
  int rc = content_read_whole (doc, whole, &dg);
  if (rc != 0)
    ui_read_error (u, &dg, 0);
  diags_free (&dg);
  return rc;
}

/* related_index_new's progress, on the status line; Esc, Ctrl-C, a
   resize and Ctrl-Z are seen to at once, as in the index build.  */
static int
relating (void *ctx, size_t done, size_t total)
{
  struct ui *u = ctx;
  if (done >= total)
    return 0;
  if (ui_work_poll (u))
    return 1;
  char *msg = xasprintf (_("Relating the cases: %zu of %zu"), done, total);
  ui_status_now (msg);
  free (msg);
  return 0;
}

/* After the work of the first R failed: if the reader stopped it
   (ui_work_taken), say so.  */
static void
related_stopped (struct ui *u)
{
  if (ui_work_taken (u))
    ui_message (u, 1, "%s", _("Relating the cases stopped"));
}

void
related_open (struct ui *u)
{
  if (u->related == NULL)
    {
      char *error = NULL;
      struct engine *e = ui_engine (u, &error);
      free (error);             /* then without the index, as before it */
      /* Not when the reader stopped the index build: the Esc or Ctrl-C
         that stopped it waits still, and reading every case instead
         would take longer than the build.  */
      if (e == NULL && (ui_work_poll (u) || read_all (u) != 0))
        {
          related_stopped (u);
          return;
        }
      /* Only a library of some size takes long enough to say so.  */
      struct related_options ro = {
        .read_whole = e ? read_copy : NULL, .read_ctx = u,
        .progress = u->ndocs >= 64 ? relating : NULL, .progress_ctx = u,
        .engine = e
      };
      u->related = related_index_new (u->lib, &ro);
      if (u->related == NULL)
        {
          related_stopped (u);  /* else said by read_copy */
          return;
        }
    }
  const struct document *d = u->docs[u->cur];
  struct related_doc rel[RELATED_SHOWN];
  size_t n = related_find (u->related, d, u->lang, RELATED_SHOWN, rel);
  if (n == 0)
    {
      ui_message (u, 1, _("No case is related to case %ld"), d->number);
      return;
    }
  pick_close (u);
  struct pick *pk = &u->pick;
  pk->items = xcalloc (n, sizeof *pk->items);
  for (size_t i = 0; i < n; i++)
    {
      struct pick_item *it = &pk->items[i];
      const struct document *e = rel[i].doc;
      const struct text *t = ui_doc_title (u, e, NULL);
      if (u->lib->ncolls > 1)
        it->text = xasprintf ("%s/%ld  %s", e->collection->id, e->number,
                              t ? t->str : "");
      else
        it->text = xasprintf ("%ld  %s", e->number, t ? t->str : "");
      it->detail = related_reason (&rel[i]);
      it->doc = doc_index (u, e);
      related_doc_free (&rel[i]);
    }
  pk->lw.n = n;
  /* TRANSLATORS: the title of the related cases' list.  */
  pk->title = xasprintf (_("Related to case %ld (Enter: open, Esc: close)"),
                         d->number);
  pk->lines = 2;
  pk->choose = related_choose;
  pick_open (u);
}
