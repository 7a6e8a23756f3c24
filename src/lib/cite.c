/* cite.c -- build the citation of a paragraph of a typical case from the
   collection's publisher, title and release date and the case's number,
   in Chinese (with the number in Chinese numerals, 案例七) or in
   English.  */

#include <config.h>
#include "cite.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

size_t
cite_paragraph (const struct document *doc, size_t section, size_t block)
{
  if (section >= doc->nsections || block >= doc->sections[section].nblocks)
    return 0;
  size_t n = 0;
  for (size_t s = 0; s <= section; s++)
    {
      const struct section *sec = &doc->sections[s];
      size_t end = s == section ? block + 1 : sec->nblocks;
      for (size_t b = 0; b < end; b++)
        if (sec->blocks[b].kind != BLOCK_KEYWORDS)
          n++;
    }
  return n;
}

/* N in Chinese numerals (0 to 99), else in Arabic digits.  */
static void
zh_number (struct buf *b, long n)
{
  static const char *const d[] = { "〇", "一", "二", "三", "四", "五", "六",
    "七", "八", "九" };
  if (n < 0 || n > 99)
    {
      buf_printf (b, "%ld", n);
      return;
    }
  if (n < 10)
    {
      buf_adds (b, d[n]);
      return;
    }
  if (n >= 20)
    buf_adds (b, d[n / 10]);
  buf_adds (b, "十");
  if (n % 10)
    buf_adds (b, d[n % 10]);
}

/* Parse "YYYY-MM-DD".  */
static int
parse_date (const char *s, int *y, int *m, int *d)
{
  return s && sscanf (s, "%d-%d-%d", y, m, d) == 3 && *m >= 1 && *m <= 12
    && *d >= 1 && *d <= 31;
}

static const char *
side (const struct bitext *bt, enum lang l)
{
  const struct text *t = bitext_get (bt, l);
  return t && t->str && t->len ? t->str : NULL;
}

char *
cite_format (const struct document *doc, enum lang l, size_t section,
             size_t block)
{
  const struct collection *c = doc->collection;
  const char *pub = c ? side (&c->publisher, l) : NULL;
  const char *title = c ? side (&c->title, l) : NULL;
  int y, m, d;
  int dated = c && parse_date (c->date, &y, &m, &d);
  size_t para = section == SIZE_MAX ? 0 : cite_paragraph (doc, section, block);
  struct buf b = { 0 };
  if (l == LANG_ZH)
    {
      if (pub)
        buf_adds (&b, pub);
      if (title)
        buf_printf (&b, "《%s》", title);
      if (dated)
        buf_printf (&b, "（%d年%d月%d日发布）", y, m, d);
      /* Case 0 is the release's overview, not a case.  */
      if (doc->number > 0)
        {
          buf_adds (&b, "案例");
          zh_number (&b, doc->number);
        }
      if (para)
        buf_printf (&b, "%s第%zu段", b.len ? " " : "", para);
      return buf_steal (&b);
    }
  static const char *const months[] = { "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October",
    "November", "December" };
  if (pub)
    buf_adds (&b, pub);
  if (title)
    buf_printf (&b, "%s\"%s\"", b.len ? ", " : "", title);
  if (dated)
    buf_printf (&b, "%s(released %d %s %d)", b.len ? " " : "", d,
                months[m - 1], y);
  if (doc->number > 0)
    buf_printf (&b, "%sCase %ld", b.len ? ", " : "", doc->number);
  if (para)
    buf_printf (&b, "%spara. %zu", b.len ? ", " : "", para);
  return buf_steal (&b);
}

char *
cite_passage (const struct document *doc, enum lang l, size_t section,
              size_t block)
{
  if (section >= doc->nsections || block >= doc->sections[section].nblocks)
    return NULL;
  enum lang actual;
  const struct text *t = bitext_pick (&doc->sections[section].blocks[block].text,
                                      l, &actual);
  if (t == NULL || t->str == NULL)
    return NULL;
  char *c = cite_format (doc, actual, section, block);
  char *r = xasprintf ("%s\n\n%s\n", t->str, c);
  free (c);
  return r;
}
