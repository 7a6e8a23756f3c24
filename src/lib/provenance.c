/* provenance.c -- count, for one case and one language, how much of the
   text the release gave and how much the casebook project translated,
   so that the browser (and the CLI) can say whose text is on screen.  */

#include <config.h>
#include "provenance.h"

static void
count_text (const struct bitext *bt, enum lang l, size_t *release,
            size_t *translated)
{
  switch (bt->side[l].origin)
    {
    case ORIGIN_RELEASE:
      (*release)++;
      break;
    case ORIGIN_TRANSLATION:
      (*translated)++;
      break;
    default:
      break;
    }
}

void
provenance_count (const struct document *doc, enum lang l, size_t *release,
                  size_t *translated)
{
  *release = 0;
  *translated = 0;
  count_text (&doc->title, l, release, translated);
  for (size_t s = 0; s < doc->nsections; s++)
    {
      const struct section *sec = &doc->sections[s];
      count_text (&sec->title, l, release, translated);
      for (size_t b = 0; b < sec->nblocks; b++)
        count_text (&sec->blocks[b].text, l, release, translated);
    }
}

enum provenance
provenance_of (const struct document *doc, enum lang l)
{
  size_t rel, tr;
  provenance_count (doc, l, &rel, &tr);
  if (rel == 0 && tr == 0)
    return PROVENANCE_NONE;
  if (tr == 0)
    return PROVENANCE_RELEASE;
  if (rel == 0)
    return PROVENANCE_TRANSLATION;
  return PROVENANCE_MIXED;
}

static int
has_revision (const struct bitext *bt)
{
  return bt->rev.origin == ORIGIN_REVISION;
}

enum provenance
provenance_shown (const struct document *doc, enum lang l, int revised)
{
  enum provenance pv = provenance_of (doc, l);
  if (!revised || l != LANG_EN || pv == PROVENANCE_NONE)
    return pv;
  if (has_revision (&doc->title))
    return PROVENANCE_REVISED;
  for (size_t s = 0; s < doc->nsections; s++)
    {
      const struct section *sec = &doc->sections[s];
      if (has_revision (&sec->title))
        return PROVENANCE_REVISED;
      for (size_t b = 0; b < sec->nblocks; b++)
        if (has_revision (&sec->blocks[b].text))
          return PROVENANCE_REVISED;
    }
  return pv;
}
