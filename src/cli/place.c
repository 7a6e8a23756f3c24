/* place.c -- read "7 §1 ¶12" (and "COLLECTION/7 §1¶3-5") from a
   command's arguments with location.c, the parser the browser's ':'
   prompt uses, and check the document has that place.  */

#include <config.h>
#include "place.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "cite.h"
#include "cmd.h"
#include "i18n.h"
#include "location.h"
#include "norm.h"
#include "output.h"
#include "util.h"

/* Cut a trailing range "-N" or "–N" (U+2013, spaces allowed before N
   and the dash) off S, returning N, or 0 when S has none.  */
static size_t
cut_range (char *s)
{
  size_t len = strlen (s);
  while (len && s[len - 1] == ' ')
    s[--len] = '\0';
  size_t end = len;
  while (len && s[len - 1] >= '0' && s[len - 1] <= '9')
    len--;
  if (len == end || end - len > 9)
    return 0;
  size_t at = len, dash;
  while (at && s[at - 1] == ' ')
    at--;
  if (at >= 1 && s[at - 1] == '-')
    dash = at - 1;
  else if (at >= 3 && strncmp (s + at - 3, "\xe2\x80\x93", 3) == 0)
    dash = at - 3;
  else
    return 0;
  size_t n = (size_t) strtoul (s + len, NULL, 10);
  s[dash] = '\0';
  return n;
}

/* TYPED, the place as the reader gave it, without the spaces around it
   and with what the terminal would not show made visible, for an
   error to quote.  Caller frees.  */
static char *
typed_visible (const char *typed)
{
  const char *t = typed + strspn (typed, " ");
  size_t t_len = strlen (t);
  while (t_len && t[t_len - 1] == ' ')
    t_len--;
  char *trimmed = xstrndup (t, t_len);
  char *v = output_visible (trimmed);
  free (trimmed);
  return v;
}

char *
place_document_spec (const struct library *lib, const char *arg,
                     char **rest)
{
  /* "７", "ｂａｔｃｈ３／２": as a Chinese input method types them.  But
     a collection whose id NFKC would change ("ａｂ", written by hand,
     with a warning, or installed by an import before names were stored
     in NFKC) is named as typed: only what follows it is normalized.  */
  char *s;
  /* After the spaces that are none of the name (below), up to a slash
     typed either way ("ａｂ／２" is ａｂ/2, as " 7" is 7): otherwise the
     whole is normalized, and the error names a collection "ab" that
     was never typed.  */
  const char *a = arg + strspn (arg, " ");
  size_t id_len = strcspn (a, "/"), slash_len = 1;
  const char *fw = strstr (a, "\xef\xbc\x8f");        /* U+FF0F */
  if (fw && (size_t) (fw - a) < id_len)
    {
      id_len = (size_t) (fw - a);
      slash_len = 3;
    }
  if (a[id_len] && id_len > 0 && library_collection (lib, a, id_len))
    {
      char *after = norm_nfkc_string (a + id_len + slash_len);
      s = xasprintf ("%.*s/%s", (int) id_len, a, after);
      free (after);
    }
  else
    s = norm_nfkc_string (arg);
  /* A tab or a line break (a shell variable, a pasted line) separates
     as a space does: not taken for a place, which the error would name
     as blank ("7\t", shown "7 ").  */
  for (char *p = s; *p; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r' || *p == '\v' || *p == '\f')
      *p = ' ';
  /* The document: "COLLECTION/N" or "N", up to where its number ends.
     Spaces before it (" 7", as a shell variable leaves them) are none
     of it; a COLLECTION/ with no number ("batch3/-1") is named whole in
     the error, not as "batch3/".  */
  char *lead = s + strspn (s, " ");
  memmove (s, lead, strlen (lead) + 1);
  char *slash = strchr (s, '/');
  /* A slash after a space is the place's ("7 a/b"), not a collection's
     "7 a", unless what comes before it names one.  */
  if (slash && (size_t) (slash - s) > strcspn (s, " ")
      && library_collection (lib, s, (size_t) (slash - s)) == NULL)
    slash = NULL;
  char *end = slash ? slash + 1 : s;
  if (slash || (*s >= '0' && *s <= '9'))
    while (*end >= '0' && *end <= '9')
      end++;
  /* A mark on the number's last digit ("7\xcc\x81") is the name's: cut
     off it, the place would be a lone mark, drawn over the space before
     it in the error.  */
  ucs4_t uc;
  int mark = *end && u8_mbtouc (&uc, (const uint8_t *) end, strlen (end)) > 0
    && uc_is_general_category (uc, UC_CATEGORY_M);
  if (end == s || (slash && end == slash + 1) || mark)
    end += strcspn (end, " ");
  *rest = xstrdup (end);
  *end = '\0';
  return s;
}

int
place_parse (const struct library *lib, int argc, char **argv,
             int allow_range, struct place *p)
{
  memset (p, 0, sizeof *p);
  struct buf b = { 0 };
  for (int i = 0; i < argc; i++)
    buf_printf (&b, "%s%s", i ? " " : "", argv[i]);
  char *joined = buf_steal (&b);
  char *rest;
  char *s = place_document_spec (lib, joined, &rest);
  free (joined);
  char *typed = NULL;           /* REST before its range is cut */
  int rc = -1;
  p->doc = cmd_find_document (lib, s);
  if (p->doc == NULL)
    goto out;
  if (p->doc->partial)
    {
      /* The library holds headers (CMD_HEADERS): this one is read whole,
         and an error in its text stops the command.  */
      if (cmd_read_document (p->doc, &p->whole) != 0)
        {
          p->doc = NULL;
          goto out;
        }
      p->doc = &p->whole;
    }
  typed = xstrdup (rest);
  size_t para2 = allow_range ? cut_range (rest) : 0;
  const char *r = rest;
  while (*r == ' ')
    r++;
  if (*r)
    {
      struct location loc;
      char *cause = NULL;
      int wrong = location_parse (r, &loc, &cause) < 0 || loc.has_doc;
      free (cause);
      if (wrong)
        {
          /* Not location_parse's message: it has the place without its
             range ("¶" for "¶-3").  */
          char *v = typed_visible (typed);
          cause = xasprintf (_("not a place: %s (write a case number, "
                               "then optionally a section and "
                               "paragraph, 7 \xc2\xa7" "1 \xc2\xb6"
                               "12, or a paragraph as citations "
                               "number them, 7 \xc2\xb6" "15)"), v);
          fprintf (stderr, "casebook: %s\n", cause);
          free (v);
          free (cause);
          goto out;
        }
      if (para2 && loc.para && para2 < loc.para)
        {
          /* "¶3-1" is a slip (a digit typed in the wrong place, or the
             range's start lost): citing ¶1-3 instead would quote what
             the reader did not ask for, without a word.  */
          char *v = typed_visible (typed);
          struct location first = { .section = loc.section, .para = para2 };
          char *where = location_format (&first);
          /* TRANSLATORS: the first %s is the range as typed ("¶3-1"),
             the second and the number the range the other way round
             ("¶1-3").  */
          fprintf (stderr, _("casebook: the range %s runs backwards "
                             "(write its first paragraph first: "
                             "%s-%zu)\n"), v, where, loc.para);
          free (where);
          free (v);
          goto out;
        }
      p->section = loc.section;
      p->para = loc.para;
      if (loc.section == 0 && loc.para)
        {
          /* "¶15", as a citation numbers the case's paragraphs: to its
             section and block, and the end of a range to its own.  */
          size_t s1, b1, s2, b2;
          size_t last = para2 ? para2 : loc.para;
          if (cite_locate_paragraph (p->doc, loc.para, &s1, &b1) < 0
              || cite_locate_paragraph (p->doc, last, &s2, &b2) < 0)
            {
              struct location bad = { .para = cite_locate_paragraph
                                      (p->doc, loc.para, &s1, &b1) < 0
                                      ? loc.para : last };
              char *where = location_format (&bad);
              fprintf (stderr, _("casebook: case %ld has no %s\n"),
                       p->doc->number, where);
              free (where);
              goto out;
            }
          p->section = s1 + 1;
          p->para = b1 + 1;
          p->section2 = s2 == s1 ? 0 : s2 + 1;
          p->para2 = para2 && (s2 != s1 || b2 != b1) ? b2 + 1 : 0;
          rc = 0;
          goto out;
        }
    }
  if (para2 && p->para == 0)
    {
      /* "§2-3": a range of sections, which a citation does not make.  */
      fprintf (stderr, _("casebook: a range is of paragraphs, in a section "
                         "(\xc2\xa7" "1 \xc2\xb6" "3-5) or in the case "
                         "(\xc2\xb6" "14-15), not of sections\n"));
      goto out;
    }
  p->para2 = para2 == p->para ? 0 : para2;
  const struct document *d = p->doc;
  size_t last = p->para2 ? p->para2 : p->para;
  if (p->section > d->nsections
      || (p->section && last > d->sections[p->section - 1].nblocks))
    {
      struct location loc = { .section = p->section, .para = last };
      char *where = location_format (&loc);
      fprintf (stderr, _("casebook: case %ld has no %s\n"), d->number, where);
      free (where);
      goto out;
    }
  rc = 0;
out:
  free (typed);
  free (rest);
  free (s);
  return rc;
}

void
place_free (struct place *p)
{
  document_free (&p->whole);
  p->doc = NULL;
}

void
place_blocks (const struct place *p, size_t *section, size_t *block,
              size_t *section2, size_t *block2)
{
  *section = p->section - 1;
  *section2 = p->section2 ? p->section2 - 1 : *section;
  if (p->para == 0)
    {
      *block = 0;
      *block2 = p->doc->sections[*section].nblocks - 1;
      return;
    }
  *block = p->para - 1;
  *block2 = (p->para2 ? p->para2 : p->para) - 1;
}
