/* import_page.c -- see import_page.h.  */

#include <config.h>
#include "import_page.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "content.h"
#include "i18n.h"
#include "model.h"
#include "util.h"
#include "xml.h"

static int
is_element (const xmlNode *n, const char *name)
{
  return n->type == XML_ELEMENT_NODE && n->name
    && strcasecmp ((const char *) n->name, name) == 0;
}

/* The value of attribute NAME of N.  Caller frees.  NULL if none.  */
static char *
attr (const xmlNode *n, const char *name)
{
  xmlChar *v = xml_get_prop (n, name);
  char *s = v ? xstrdup ((const char *) v) : NULL;
  xml_free (v);
  return s;
}

/* Does the class attribute of N hold the word WORD?  */
static int
has_class (const xmlNode *n, const char *word)
{
  char *c = attr (n, "class");
  int found = 0;
  size_t len = strlen (word);
  for (const char *p = c; p && *p && !found;)
    {
      p += strspn (p, " \t\n");
      size_t w = strcspn (p, " \t\n");
      found = w == len && strncmp (p, word, len) == 0;
      p += w;
    }
  free (c);
  return found;
}

/* The first element named NAME among N, its following siblings and
   their descendants, in document order.  Iterative, by the parent links,
   as every walk of the importer is: a page nested ten thousand deep is
   only a page.  */
static xmlNode *
find (xmlNode *n, const char *name)
{
  xmlNode *top = n ? n->parent : NULL;
  while (n)
    {
      if (is_element (n, name))
        return n;
      if (n->type == XML_ELEMENT_NODE && n->children)
        {
          n = n->children;
          continue;
        }
      while (n && n->next == NULL)
        {
          n = n->parent;
          if (n == top)
            return NULL;
        }
      if (n)
        n = n->next;
    }
  return NULL;
}

/* Append S to B as text for the content format: every run of the
   page's white space (space, tab, the line breaks and form feed, as
   HTML counts it) one space, none at the start; bytes that are not
   UTF-8 (libxml2 passes them through) as U+FFFD.  Other control
   characters are kept, as a text release keeps them: casebook(5)
   promises the importer drops nothing unsaid, and every command shows
   them visibly.  (DEL comes here as it is; the others come carried
   through the parser, see import_html.c.)  *SPACE carries a pending
   space from call to call.  */
static void
append_clean (struct buf *b, const char *s, int *space)
{
  const uint8_t *p = (const uint8_t *) s, *e = p + strlen (s);
  while (p < e)
    {
      ucs4_t uc;
      int k = u8_mbtoucr (&uc, p, (size_t) (e - p));
      if (k > 0 && (uc == ' ' || uc == '\t' || uc == '\n' || uc == '\r'
                    || uc == '\f'))
        {
          *space = b->len > 0;
          p += k;
          continue;
        }
      if (*space)
        buf_addc (b, ' ');
      *space = 0;
      if (k < 0)
        {
          buf_adds (b, "\xef\xbf\xbd");
          p++;
          continue;
        }
      buf_add (b, p, (size_t) k);
      p += k;
    }
}

/* S on one line (see append_clean), without a space at the end.
   Caller frees.  */
static char *
one_line (const char *s)
{
  struct buf b = { 0 };
  buf_adds (&b, "");
  int space = 0;
  append_clean (&b, s, &space);
  return buf_steal (&b);
}

/* The content of meta data NAME under HEAD on one line, or NULL when
   there is none or it is blank.  Caller frees.  */
static char *
meta (xmlNode *head, const char *name)
{
  for (xmlNode *n = head ? head->children : NULL; n; n = n->next)
    if (is_element (n, "meta"))
      {
        char *nm = attr (n, "name");
        int match = nm && strcasecmp (nm, name) == 0;
        free (nm);
        if (!match)
          continue;
        char *c = attr (n, "content");
        char *v = c ? one_line (c) : NULL;
        free (c);
        if (v && *v == '\0')
          {
            free (v);
            v = NULL;
          }
        return v;
      }
  return NULL;
}

/* Read the meta data casebook-collection-KEY.zh, .zh.tr, .en and .en.tr
   (as export writes them) under HEAD into T: the release's words
   before the project's where a page has both.  VALS (4) holds what
   was read, for the caller to free; T points into it.  */
static void
page_coll_meta (xmlNode *head, const char *key, struct import_title *t,
                char *vals[4])
{
  static const char *const suffix[4] = { "zh", "zh.tr", "en", "en.tr" };
  for (int k = 0; k < 4; k++)
    {
      char *name = xasprintf ("casebook-collection-%s.%s", key, suffix[k]);
      vals[k] = meta (head, name);
      free (name);
      if (vals[k] != NULL && t->text[k / 2] == NULL)
        {
          t->text[k / 2] = vals[k];
          t->tr[k / 2] = k % 2;
        }
    }
}

/* Is S a date as the content format writes one, YYYY-MM-DD?  */
static int
is_date (const char *s)
{
  for (int i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
      return 0;
  return s[10] == '\0';
}

int
import_page_is_casebook (xmlNode *root)
{
  char *gen = meta (find (root, "head"), "generator");
  int ours = gen && strncmp (gen, "casebook ", 9) == 0;
  free (gen);
  xmlNode *table = ours ? find (root, "table") : NULL;
  return table && find (table->children, "tbody") != NULL;
}

/* What a row of the table holds, by its class.  */
struct row_kind
{
  const char *cls;
  const char *key;              /* the content format's key */
};

static const struct row_kind kinds[] = {
  { "title", "title" }, { "procuratorate", "procuratorate" },
  { "region", "region" }, { "section", "section" },
  { "heading", "heading" }, { "keywords", "keywords" },
  { "paragraph", "" },
};

/* Add the text of N to B (see append_clean).  */
static void
add_text (struct buf *b, xmlNode *n, int *space)
{
  xmlChar *c = xml_node_content (n);
  if (c)
    append_clean (b, (const char *) c, space);
  xml_free (c);
}

/* The text of cell N, as one line: with REVISION the project's revision
   it holds (a div of class "rev"), else the rest.  Caller frees.  */
static char *
cell_text (xmlNode *n, int revision)
{
  struct buf b = { 0 };
  buf_adds (&b, "");
  int space = 0;
  for (xmlNode *c = n->children; c; c = c->next)
    {
      int element = c->type == XML_ELEMENT_NODE;
      /* The marks export writes (†, ‡) are no text of the case.  */
      if (element && has_class (c, "mark"))
        continue;
      if ((element && has_class (c, "rev")) != revision)
        continue;
      if (!revision)
        {
          add_text (&b, c, &space);
          continue;
        }
      for (xmlNode *r = c->children; r; r = r->next)
        if (!(r->type == XML_ELEMENT_NODE && has_class (r, "mark")))
          add_text (&b, r, &space);
    }
  return buf_steal (&b);
}

/* Keywords are written separated by ideographic spaces: back to the
   content format's " | ".  Caller frees.  */
static char *
keyword_list (const char *s)
{
  struct buf b = { 0 };
  buf_adds (&b, "");
  const char *sep = "\xe3\x80\x80";
  for (const char *p = s;;)
    {
      const char *e = strstr (p, sep);
      size_t n = e ? (size_t) (e - p) : strlen (p);
      if (n > 0)
        {
          if (b.len)
            buf_adds (&b, " | ");
          buf_add (&b, p, n);
        }
      if (e == NULL)
        break;
      p = e + strlen (sep);
    }
  return buf_steal (&b);
}

/* The texts of one row: per language, the text and whether it is a
   translation; the revision of the English.  */
struct row
{
  char *text[LANG_COUNT];
  int translated[LANG_COUNT];
  char *rev;
};

static void
row_free (struct row *r)
{
  for (int l = 0; l < LANG_COUNT; l++)
    free (r->text[l]);
  free (r->rev);
}

/* Read the cells of TR into R: the first cell of each language counts,
   a later one is left out (a block has one text per language).  For
   keywords, the items are turned into the content format's list.  */
static void
read_row (xmlNode *tr, int keywords, struct row *r)
{
  memset (r, 0, sizeof *r);
  for (xmlNode *td = tr->children; td; td = td->next)
    {
      if (!is_element (td, "td"))
        continue;
      char *lang = attr (td, "lang");
      enum lang l;
      if (lang == NULL || lang_parse (lang, &l) != 0 || r->text[l])
        {
          free (lang);
          continue;
        }
      free (lang);
      for (int rev = 0; rev < 2; rev++)
        {
          char *text = cell_text (td, rev);
          if (keywords)
            {
              char *list = keyword_list (text);
              free (text);
              text = list;
            }
          if (*text == '\0')
            free (text);
          else if (rev)
            r->rev = text;
          else
            r->text[l] = text;
        }
      r->translated[l] = has_class (td, "tr");
    }
  /* A revision revises the release's own English, and nothing else.  */
  if (r->rev && (r->text[LANG_EN] == NULL || r->translated[LANG_EN]))
    {
      free (r->rev);
      r->rev = NULL;
    }
}

/* Keyword lists pair item by item (the Chinese with the revision where
   there is one): say so and keep the Chinese alone when they do not.  */
static void
pair_keywords (struct row *r, const char *path, unsigned long line,
               struct diags *diags)
{
  const char *en = r->rev ? r->rev : r->text[LANG_EN];
  if (r->text[LANG_ZH] == NULL || en == NULL)
    return;
  char **items;
  size_t nz = content_split_keywords (r->text[LANG_ZH], &items);
  strv_free (items, nz);
  size_t ne = content_split_keywords (en, &items);
  strv_free (items, ne);
  if (nz == ne)
    return;
  diags_add (diags, DIAG_WARNING, path, line,
             /* The plural follows the first count; the second is put
                so as to need none.  */
             ngettext ("%zu Chinese keyword but %zu in English: the "
                       "English list was not imported",
                       "%zu Chinese keywords but %zu in English: the "
                       "English list was not imported", nz), nz, ne);
  free (r->text[LANG_EN]);
  free (r->rev);
  r->text[LANG_EN] = r->rev = NULL;
}

/* Write R to OUT as "KEY.LANG[.tr]: TEXT" lines ("en.rev" for the
   revision).  Returns how many texts of the two languages it wrote.  */
static size_t
write_row (struct buf *out, const char *key, const struct row *r)
{
  size_t n = 0;
  for (int l = 0; l < LANG_COUNT; l++)
    if (r->text[l])
      {
        buf_printf (out, "%s%s%s%s: %s\n", key, *key ? "." : "",
                    lang_code ((enum lang) l), r->translated[l] ? ".tr" : "",
                    r->text[l]);
        n++;
      }
  if (r->rev)
    buf_printf (out, "%s%sen.rev: %s\n", key, *key ? "." : "", r->rev);
  return n;
}

int
import_page_read (const char *path, xmlNode *root, struct import_result *res,
                  struct diags *diags, char **cause)
{
  memset (res, 0, sizeof *res);
  xmlNode *head = find (root, "head");
  char *script = meta (head, "casebook-script");
  if (script)
    {
      free (script);
      *cause = xasprintf (_("%s: a page casebook exported in traditional "
                            "script: its Chinese is a conversion, neither "
                            "the release's words nor the project's; "
                            "export it again with --script=simplified"),
                          path);
      return -1;
    }
  xmlNode *table = find (root, "table");
  xmlNode *tbody = table ? find (table->children, "tbody") : NULL;
  long number = 0;
  struct buf header = { 0 }, body = { 0 };
  buf_adds (&header, "");
  buf_adds (&body, "");
  size_t texts = 0, counted = 0;
  int header_seen[3] = { 0 }, keywords_seen = 0;
  for (xmlNode *tr = tbody ? tbody->children : NULL; tr; tr = tr->next)
    {
      if (!is_element (tr, "tr"))
        continue;
      unsigned long line = (unsigned long) xml_line (tr);
      if (has_class (tr, "marker"))
        {
          /* 案例7 / Case 7: the document's number.  */
          char *t = cell_text (tr, 0);
          const char *d = t + strcspn (t, "0123456789");
          errno = 0;
          long v = strtol (d, NULL, 10);
          if (errno || v > CONTENT_NUMBER_MAX)
            diags_add (diags, DIAG_WARNING, path, line,
                       _("'%s' is no document number"), t);
          else
            number = v;
          free (t);
          continue;
        }
      size_t k = 0;
      while (k < sizeof kinds / sizeof *kinds && !has_class (tr, kinds[k].cls))
        k++;
      if (k == sizeof kinds / sizeof *kinds)
        {
          diags_add (diags, DIAG_WARNING, path, line,
                     _("a row of the table that casebook does not write "
                       "was not imported"));
          continue;
        }
      /* Title, procuratorate and region make the header block: once
         each.  A second keyword list is a paragraph.  */
      if (k < 3 && header_seen[k]++)
        {
          diags_add (diags, DIAG_WARNING, path, line,
                     _("a second '%s' row was not imported"), kinds[k].cls);
          continue;
        }
      const char *key = kinds[k].key;
      int keywords = strcmp (key, "keywords") == 0 && !keywords_seen;
      if (strcmp (key, "keywords") == 0 && keywords_seen)
        key = "";
      struct row r;
      read_row (tr, keywords, &r);
      if (keywords)
        pair_keywords (&r, path, line, diags);
      size_t n = write_row (k < 3 ? &header : &body, key, &r);
      row_free (&r);
      if (n == 0)
        continue;
      keywords_seen |= keywords;
      texts += n;
      /* What the importer counts: the title and the body's texts, a
         row of both languages one text, as check counts them (not two:
         "imported 1 document (82 texts)" of what check calls 41).  */
      if (k == 0 || k >= 3)
        counted++;
      if (k >= 3)
        buf_addc (&body, '\n');
    }
  if (texts == 0)
    {
      buf_free (&header);
      buf_free (&body);
      *cause = xasprintf (_("%s: no article found in the page"), path);
      return -1;
    }
  char *docname = meta (head, "casebook-document");
  struct buf doc = { 0 };
  buf_printf (&doc, "# casebook document %ld, imported from a page casebook "
              "exported%s%s.\n# Keys without .tr are the release's text; "
              "with .tr, the casebook project's translation.\n"
              "casebook-format: 1\nnumber: %ld\n%s\n%s", number,
              docname ? " as " : "", docname ? docname : "", number,
              header.data, body.data);
  free (docname);
  buf_free (&header);
  buf_free (&body);
  res->files = xgrow (res->files, &res->files_alloc, 1, sizeof *res->files);
  res->files[0].name = xasprintf ("%02ld.cb", number);
  res->files[0].text = buf_steal (&doc);
  res->nfiles = 1;
  res->documents = 1;
  res->paragraphs = counted;
  char *date = meta (head, "PubDate");
  if (date && !is_date (date))
    {
      diags_add (diags, DIAG_WARNING, path, 0,
                 _("the page's date '%s' is not YYYY-MM-DD: left out"), date);
      free (date);
      date = NULL;
    }
  /* The collection's title in each language, named by its key in
     collection.cb; a page without them (an older casebook's) has one,
     in the language it is written in.  A title the project worded
     stays marked as the project's.  */
  struct import_title t = { { NULL, NULL }, { 0, 0 } };
  char *titles[4];
  page_coll_meta (head, "title", &t, titles);
  char *title = NULL, *origin = NULL;
  if (t.text[0] == NULL && t.text[1] == NULL
      && (title = meta (head, "casebook-collection")) != NULL)
    {
      int l = import_line_lang (title, strlen (title));
      origin = meta (head, "casebook-collection-origin");
      t.text[l] = title;
      t.tr[l] = origin && strcmp (origin, "translation") == 0;
    }
  /* Its publisher the same way (a page from before casebook wrote it
     has none), so that a citation of the page still names its issuer.  */
  struct import_title pub = { { NULL, NULL }, { 0, 0 } };
  char *pubs[4];
  page_coll_meta (head, "publisher", &pub, pubs);
  import_add_collection (res, path, &t, &pub, date);
  for (int k = 0; k < 4; k++)
    {
      free (titles[k]);
      free (pubs[k]);
    }
  free (origin);
  free (title);
  free (date);
  return 0;
}
