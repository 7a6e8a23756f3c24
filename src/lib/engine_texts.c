/* engine_texts.c -- a document's texts and unit maps read from the
   index: a unit (paragraph) at a time, when it is needed, through
   incremental blob I/O.  */

#include <config.h>

#include "engine_priv.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"

void
engine_texts_free (struct doc_texts *t)
{
  for (int c = 0; c < COL_COUNT; c++)
    {
      free (t->units[c]);
      free (t->buf[c]);
      free (t->read[c]);
    }
  memset (t, 0, sizeof *t);
}

/* Read LEN bytes at OFF of column C into T's buffer, or zeros where
   they cannot be read: a damaged index, which the engine is told of
   (engine_damaged), or the passages would go without a word, their
   hits counted still.  */
static void
read_text (const struct doc_texts *t, int c, size_t off, size_t len)
{
  if (len == 0)
    return;
  int ok = sqlite3_blob_read (t->blob[c], t->buf[c] + off, (int) len,
                              (int) off) == SQLITE_OK;
  if (!ok)
    memset (t->buf[c] + off, 0, len);
  /* No text holds a NUL (content_parse refuses one): a page of zeros
     read without an error is damage all the same.  */
  if ((!ok || memchr (t->buf[c] + off, '\0', len)) && t->damage)
    atomic_store (t->damage, 1);
}

/* Make sure unit U of column C is in T's buffer.  */
void
engine_texts_unit (const struct doc_texts *t, int c,
                   const struct index_unit *u)
{
  size_t i = (size_t) (u - t->units[c]);
  if (t->read[c] == NULL || t->read[c][i])
    return;
  t->read[c][i] = 1;
  read_text (t, c, u->off, u->len);
}

/* Make sure all of column C is in T's buffer.  */
void
engine_texts_column (const struct doc_texts *t, int c)
{
  if (t->read[c] == NULL)
    return;
  size_t n = 0;
  while (n < t->nunits[c] && t->read[c][n])
    n++;
  if (n == t->nunits[c])
    return;
  read_text (t, c, 0, t->len[c]);
  memset (t->read[c], 1, t->nunits[c]);
}

static const char *const column_name[COL_COUNT] = {
  "title_zh", "title_en", "kw_zh", "kw_en", "body_zh", "body_en",
  "title_rev", "kw_rev", "body_rev"
};

const char *
engine_texts_column_name (int c)
{
  return c >= 0 && c < COL_COUNT ? column_name[c] : "";
}

/* The engine's handle on column C of row ID of docs, or NULL.  Handles
   are kept from one document to the next (moving one costs little,
   opening one as much as preparing a statement) and released by
   engine_texts_release.  */
static sqlite3_blob *
column_blob (struct engine *e, int c, int64_t id)
{
  if (e->blobs[c] && sqlite3_blob_reopen (e->blobs[c], id) == SQLITE_OK)
    return e->blobs[c];
  if (e->blobs[c])
    sqlite3_blob_close (e->blobs[c]);
  e->blobs[c] = NULL;
  if (sqlite3_blob_open (index_db (e->ix), "main", "docs", column_name[c], id,
                         0, &e->blobs[c]) != SQLITE_OK)
    {
      sqlite3_blob_close (e->blobs[c]);
      e->blobs[c] = NULL;
    }
  return e->blobs[c];
}

/* Close the engine's handles: an open one holds a read transaction.  */
void
engine_texts_release (struct engine *e)
{
  for (int c = 0; c < COL_COUNT; c++)
    {
      if (e->blobs[c])
        sqlite3_blob_close (e->blobs[c]);
      e->blobs[c] = NULL;
    }
}

/* Does every unit of column C of T have its first token position, in
   order (an index that noted them)?  Worked out once, when the maps are
   read: a regex asks it for every instance of its literals.  */
static int
units_placed (const struct doc_texts *t, int c)
{
  for (size_t u = 0; u < t->nunits[c]; u++)
    if (t->units[c][u].token == INDEX_NO_TOKEN
        || (u > 0 && t->units[c][u].token < t->units[c][u - 1].token))
      return 0;
  return t->nunits[c] > 0;
}

int
engine_texts_compare_place (enum hit_part pa, size_t sa, size_t ba,
                            enum hit_part pb, size_t sb, size_t bb)
{
  if ((pa == PART_TITLE) != (pb == PART_TITLE))
    return pa == PART_TITLE ? -1 : 1;
  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (pa != pb)
    return pa == PART_SECTION ? -1 : 1;
  return ba < bb ? -1 : ba > bb;
}

static int
compare_unit_place (const struct index_unit *a, const struct index_unit *b)
{
  return engine_texts_compare_place (a->part, a->section, a->block,
                                     b->part, b->section, b->block);
}

static int
compare_unit_place_v (const void *a, const void *b)
{
  return compare_unit_place (a, b);
}

/* Are the units of column C of T, a column of the revised English, in
   order of place, none twice?  A column's units are, as the document
   holds them: then the unit of a place is found by bisection
   (engine_texts_is_revised, asked for every unit a regex reads and, in
   the revised English, for every instance in the release's English of
   a document with revisions).  0 for the other columns, which nothing
   looks up by place.  */
static int
units_ordered (const struct doc_texts *t, int c)
{
  if (c < COL_TITLE_REV)
    return 0;
  for (size_t u = 1; u < t->nunits[c]; u++)
    if (compare_unit_place (&t->units[c][u - 1], &t->units[c][u]) >= 0)
      return 0;
  return 1;
}

/* Get ready to read the texts of document ID: the columns whose bit is
   set in MASK (the others are left empty), with their unit maps.  */
/* engine_texts_load, or with MAPS_ONLY the unit maps alone: no text
   can be read then, and none of the blob handles that reading needs is
   opened.  */
static int
load (struct engine *e, int64_t id, unsigned mask, int maps_only,
      struct doc_texts *t, char **cause)
{
  memset (t, 0, sizeof *t);
  t->damage = e->damage;
  sqlite3 *db = index_db (e->ix);
  /* Prepared once: passages load a document after another.  */
  if (e->units_st == NULL
      && sqlite3_prepare_v3 (db, "SELECT map FROM docs WHERE id=?", -1,
                             SQLITE_PREPARE_PERSISTENT, &e->units_st, NULL)
      != SQLITE_OK)
    {
      *cause = engine_db_error (e, db);
      return -1;
    }
  sqlite3_stmt *st = e->units_st;
  sqlite3_bind_int64 (st, 1, id);
  int rc = -1;
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      rc = 0;
      const void *blob = sqlite3_column_blob (st, 0);
      size_t blen = (size_t) sqlite3_column_bytes (st, 0);
      for (int c = 0; c < COL_COUNT && rc == 0; c++)
        {
          t->col[c] = "";
          if (!(mask & (1u << c)))
            continue;
          if (maps_only)
            {
              /* Where the units are in the text is not needed: nothing
                 of it is read.  */
              t->nunits[c] = index_units_decode (blob, blen,
                                                 (enum index_column) c,
                                                 SIZE_MAX, &t->units[c]);
              if (t->nunits[c] == (size_t) -1)
                rc = -1;
              else
                {
                  t->placed[c] = (unsigned char) units_placed (t, c);
                  t->ordered[c] = (unsigned char) units_ordered (t, c);
                }
              continue;
            }
          t->blob[c] = column_blob (e, c, id);
          if (t->blob[c] == NULL)
            {
              rc = -1;
              break;
            }
          t->len[c] = (size_t) sqlite3_blob_bytes (t->blob[c]);
          /* Not cleared: only what is read is looked at (a column is
             tens of kilobytes, a passage's unit a few hundred bytes).  */
          t->buf[c] = xmalloc (t->len[c] + 1);
          t->buf[c][t->len[c]] = '\0';
          t->col[c] = t->buf[c];
          t->nunits[c] = index_units_decode (blob, blen, (enum index_column) c,
                                             t->len[c], &t->units[c]);
          /* The texts are checked where hits are taken from them
             (engine_hits): checking all of them costs more than the
             rest of showing passages.  */
          if (t->nunits[c] == (size_t) -1)
            rc = -1;
          else
            {
              t->read[c] = xcalloc (t->nunits[c] ? t->nunits[c] : 1, 1);
              t->placed[c] = (unsigned char) units_placed (t, c);
              t->ordered[c] = (unsigned char) units_ordered (t, c);
            }
        }
    }
  sqlite3_reset (st);
  if (rc != 0)
    {
      engine_texts_free (t);
      /* A document missing from the index it was found in: another
         casebook may have indexed its file again since.  */
      if (!engine_same_generation (engine_generation (e), e->seen))
        *cause = xstrdup (_("the search index changed since this search "
                            "(another casebook updated it): search again"));
      else
        {
          engine_note_damage (e);
          *cause = xstrdup (_("the search index is damaged"));
        }
    }
  return rc;
}

int
engine_texts_load (struct engine *e, int64_t id, unsigned mask,
                   struct doc_texts *t, char **cause)
{
  return load (e, id, mask, 0, t, cause);
}

/* The last unit of column C that begins at or before token position P,
   or NULL.  */
const struct index_unit *
engine_texts_unit_of_token (const struct doc_texts *t, int c, size_t p)
{
  size_t lo = 0, hi = t->nunits[c];
  if (hi == 0)
    return NULL;
  while (hi - lo > 1)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (t->units[c][mid].token <= p)
        lo = mid;
      else
        hi = mid;
    }
  const struct index_unit *u = &t->units[c][lo];
  return u->token <= p ? u : NULL;
}

int
engine_texts_units_placed (const struct doc_texts *t, int c)
{
  return t->placed[c];
}

/* The column of the revised English that revises column C, or 0 (the
   index of no such column) for a column that is not the release's
   English.  */
static int
revised_column (int c)
{
  return c == COL_TITLE_EN ? COL_TITLE_REV
    : c == COL_KEYWORDS_EN ? COL_KEYWORDS_REV
    : c == COL_BODY_EN ? COL_BODY_REV : 0;
}

unsigned
engine_texts_with_revised (unsigned mask)
{
  for (int c = 0; c < COL_COUNT; c++)
    if ((mask & (1u << c)) && revised_column (c))
      mask |= 1u << revised_column (c);
  return mask;
}

int
engine_texts_is_revised (const struct doc_texts *t, int c,
                         const struct index_unit *u)
{
  int rc = revised_column (c);
  if (rc == 0)
    return 0;
  if (t->ordered[rc])
    return bsearch (u, t->units[rc], t->nunits[rc], sizeof *u,
                    compare_unit_place_v) != NULL;
  /* A map out of order (a damaged index): look at every unit.  */
  for (size_t i = 0; i < t->nunits[rc]; i++)
    if (compare_unit_place (&t->units[rc][i], u) == 0)
      return 1;
  return 0;
}

int
engine_texts_drop_revised (struct engine *e, int64_t id, struct inst *v,
                           size_t *n, char **cause)
{
  unsigned mask = 0;
  for (size_t i = 0; i < *n; i++)
    if (revised_column (v[i].col))
      mask |= 1u << v[i].col;
  if (mask == 0)
    return 0;
  struct doc_texts t;
  if (load (e, id, engine_texts_with_revised (mask), 1, &t, cause) != 0)
    return -1;
  size_t kept = 0;
  for (size_t i = 0; i < *n; i++)
    {
      int c = v[i].col;
      const struct index_unit *u = revised_column (c) && v[i].first >= 0
        && engine_texts_units_placed (&t, c)
        ? engine_texts_unit_of_token (&t, c, (size_t) v[i].first) : NULL;
      if (u == NULL || !engine_texts_is_revised (&t, c, u))
        v[kept++] = v[i];
    }
  *n = kept;
  engine_texts_free (&t);
  return 0;
}
