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

#include "norm.h"
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

int
cite_locate_paragraph (const struct document *doc, size_t n, size_t *section,
                       size_t *block)
{
  size_t k = 0;
  for (size_t s = 0; n > 0 && s < doc->nsections; s++)
    for (size_t b = 0; b < doc->sections[s].nblocks; b++)
      if (doc->sections[s].blocks[b].kind != BLOCK_KEYWORDS && ++k == n)
        {
          *section = s;
          *block = b;
          return 0;
        }
  return -1;
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

/* The side of BT in L, or else in the other language: a collection
   whose title or publisher is in one language only is still named in a
   citation in the other, as export names it.  NULL when BT has
   neither.  */
static const struct text *
coll_text (const struct bitext *bt, enum lang l)
{
  const struct text *t = bitext_get (bt, l);
  if (t == NULL || t->str == NULL || t->len == 0)
    t = bitext_get (bt, lang_other (l));
  return t && t->str && t->len ? t : NULL;
}

char *
cite_format (const struct document *doc, enum lang l, size_t section,
             size_t block)
{
  return cite_format_range (doc, l, section, block, section, block);
}

char *
cite_format_range (const struct document *doc, enum lang l, size_t section,
                   size_t block, size_t section2, size_t block2)
{
  const struct collection *c = doc->collection;
  const struct text *pt = c ? coll_text (&c->publisher, l) : NULL;
  const struct text *tt = c ? coll_text (&c->title, l) : NULL;
  const char *pub = pt ? pt->str : NULL;
  const char *title = tt ? tt->str : NULL;
  int y, m, d;
  int dated = c && parse_date (c->date, &y, &m, &d);
  size_t para = section == SIZE_MAX ? 0 : cite_paragraph (doc, section, block);
  size_t para2 = section == SIZE_MAX ? 0
    : cite_paragraph (doc, section2, block2);
  if (para2 < para)
    para2 = para;
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
      /* A space after the case's number only: "案例七 第3段", but
         "（…发布）第3段" for the overview, after full-width text.  */
      const char *sep = doc->number > 0 ? " " : "";
      if (para && para2 > para)
        buf_printf (&b, "%s第%zu至%zu段", sep, para, para2);
      else if (para)
        buf_printf (&b, "%s第%zu段", sep, para);
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
  if (para && para2 > para)
    buf_printf (&b, "%sparas. %zu\xe2\x80\x93%zu", b.len ? ", " : "", para,
                para2);
  else if (para)
    buf_printf (&b, "%spara. %zu", b.len ? ", " : "", para);
  return buf_steal (&b);
}

char *
cite_passage (const struct document *doc, enum lang l, size_t section,
              size_t block, int revised)
{
  return cite_passage_range (doc, l, section, block, section, block,
                             revised);
}

/* Which of the collection's words in a citation in CL are the
   project's: bit 1 its title, bit 2 its publisher.  */
static int
coll_project (const struct document *doc, enum lang cl)
{
  const struct collection *c = doc->collection;
  if (c == NULL)
    return 0;
  return (text_is_project (coll_text (&c->title, cl)) ? 1 : 0)
    | (text_is_project (coll_text (&c->publisher, cl)) ? 2 : 0);
}

/* What goes before part K (from 0) of NPARTS in an English list: "a,
   b and c".  */
static const char *
list_sep (int k, int nparts)
{
  return k == 0 ? "" : k == nparts - 1 ? " and " : ", ";
}

/* The note after a citation of text that is not the release's own: in
   the citation's language, like the citation itself (not the
   interface's), so that a pasted passage never passes the project's
   wording off as the procuratorate's.  PARAS lists the paragraphs that
   are the project's (N of them) when only some of ALL are.  COLL (as
   coll_project gives it) names the collection's title and publisher
   when they are the project's: inside 《》 a title reads as the
   official one.  */
static void
project_note (struct buf *b, enum lang cl, int translated, int revised,
              const size_t *paras, size_t n, size_t all, int coll)
{
  /* The parts named, in order: the paragraphs (all of them: the text),
     the title, the publisher.  Only when the text is all there is, is
     no part named, as before titles were marked.  */
  int text = n > 0 && n == all;
  int some = n > 0 && n < all;
  int nparts = (n > 0) + ((coll & 1) != 0) + ((coll & 2) != 0);
  int named = coll != 0 || some;
  if (cl == LANG_ZH)
    {
      buf_adds (b, "（");
      if (named)
        {
          int k = 0;
          if (text)
            buf_adds (b, "引文");
          k += text;
          for (size_t i = 0; some && i < n; i++)
            buf_printf (b, "%s第%zu段", i ? "、" : "", paras[i]);
          k += some;
          if (coll & 1)
            buf_printf (b, "%s案例集标题", k++ ? "、" : "");
          if (coll & 2)
            buf_printf (b, "%s发布机关", k++ ? "、" : "");
          buf_adds (b, "为 ");
        }
      buf_adds (b, "casebook 项目译文，非发布稿原文）\n");
      return;
    }
  buf_adds (b, "[");
  if (named)
    {
      int k = 0;
      if (text)
        {
          buf_adds (b, "Text");
          k++;
        }
      if (some)
        {
          buf_adds (b, n > 1 ? "Paras. " : "Para. ");
          for (size_t i = 0; i < n; i++)
            buf_printf (b, "%s%zu", i ? ", " : "", paras[i]);
          k++;
        }
      if (coll & 1)
        {
          buf_printf (b, "%s%s", list_sep (k, nparts), k ? "collection title"
                      : "Collection title");
          k++;
        }
      if (coll & 2)
        {
          buf_printf (b, "%s%s", list_sep (k, nparts),
                      k ? "publisher" : "Publisher");
          k++;
        }
      buf_adds (b, ": ");
    }
  buf_adds (b, translated && revised
            ? (named ? "translated or revised" : "Translated or revised")
            : translated ? (named ? "translated" : "Translated")
            : (named ? "revised" : "Revised"));
  buf_adds (b, " by the casebook project; not the release's own text]\n");
}

char *
cite_case (const struct document *doc, enum lang l)
{
  struct buf b = { 0 };
  char *c = cite_format (doc, l, SIZE_MAX, 0);
  buf_printf (&b, "%s\n", c);
  free (c);
  int coll = coll_project (doc, l);
  if (coll)
    project_note (&b, l, 1, 0, NULL, 0, 0, coll);
  return buf_steal (&b);
}

char *
cite_passage_range (const struct document *doc, enum lang l, size_t section,
                    size_t block, size_t section2, size_t block2,
                    int revised)
{
  if (section >= doc->nsections || block >= doc->sections[section].nblocks
      || section2 >= doc->nsections
      || block2 >= doc->sections[section2].nblocks)
    return NULL;
  if (section2 < section || (section2 == section && block2 < block))
    {
      size_t ts = section, tb = block;
      section = section2;
      block = block2;
      section2 = ts;
      block2 = tb;
    }
  struct buf b = { 0 };
  enum lang actual = l;
  int first = 1, any_l = 0;
  size_t all = 0, nproj = 0, *proj = NULL;
  int any_tr = 0, any_rev = 0;
  for (size_t s = section; s <= section2; s++)
    {
      const struct section *sec = &doc->sections[s];
      size_t b0 = s == section ? block : 0;
      size_t b1 = s == section2 ? block2 + 1 : sec->nblocks;
      for (size_t k = b0; k < b1; k++)
        {
          if (sec->blocks[k].kind == BLOCK_KEYWORDS)
            continue;
          const struct text *t = bitext_pick (&sec->blocks[k].text, l,
                                              &actual);
          if (t == NULL || t->str == NULL)
            continue;
          /* The text the reader reads: the revision of the release's
             English when that is what is shown.  */
          t = bitext_view (&sec->blocks[k].text, actual, revised);
          any_l |= actual == l;
          buf_printf (&b, "%s%s", first ? "" : "\n\n", t->str);
          first = 0;
          all++;
          if (text_is_project (t))
            {
              proj = xrealloc (proj, (nproj + 1) * sizeof *proj);
              proj[nproj++] = cite_paragraph (doc, s, k);
              any_tr |= t->origin == ORIGIN_TRANSLATION;
              any_rev |= t->origin == ORIGIN_REVISION;
            }
        }
    }
  if (first)
    {
      buf_free (&b);
      return NULL;
    }
  /* Cited in L when any of the text is in L, not as the first
     paragraph happens to be: the same range gives the same citation
     whichever paragraph it starts at.  */
  enum lang cl = any_l ? l : lang_other (l);
  int coll = coll_project (doc, cl);
  char *c = cite_format_range (doc, cl, section, block, section2, block2);
  buf_printf (&b, "\n\n%s\n", c);
  free (c);
  if (nproj || coll)
    project_note (&b, cl, any_tr || coll, any_rev, proj, nproj, all, coll);
  free (proj);
  return buf_steal (&b);
}

const char *
cite_script_note (const char *text, const char *config)
{
  char *conv = config ? norm_to_traditional (text, strlen (text), config)
    : NULL;
  int changed = conv && strcmp (conv, text) != 0;
  free (conv);
  return changed ? norm_traditional_note () : NULL;
}
