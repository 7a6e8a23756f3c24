/* export.c -- writing documents out (see export.h).

   The HTML page is shaped for the importer (import_html.c) as much as for
   a reader: the title and date stand in the meta data it reads, the
   citation in an <aside> it skips, the marker 案例N in a row of its own,
   keywords separated by ideographic spaces, and the translation mark
   drawn by the style sheet, so that importing an exported page gives the
   document's text back.  */

#include <config.h>
#include "export.h"

#include <string.h>
#include <unistr.h>

#include "content.h"
#include "i18n.h"
#include "norm.h"
#include "util.h"

int
export_format_parse (const char *s, enum export_format *f)
{
  if (strcmp (s, "md") == 0 || strcmp (s, "markdown") == 0)
    *f = EXPORT_MARKDOWN;
  else if (strcmp (s, "html") == 0)
    *f = EXPORT_HTML;
  else if (strcmp (s, "jsonl") == 0)
    *f = EXPORT_JSONL;
  else
    return -1;
  return 0;
}

/* Whether UC must never reach a reader as itself: what the terminal
   never gets either (norm_is_invisible: controls, format characters
   that can hide text, private-use and unassigned ones).  */
static int
invisible (ucs4_t uc)
{
  return norm_is_invisible (uc);
}

/* The character at P (E the end) into *UC, its length returned; a
   byte that is not UTF-8 (in a collection's id taken from its
   directory's name) is U+FFFD, one a byte as norm_visible counts.  */
static int
next_char (const uint8_t *p, const uint8_t *e, ucs4_t *uc)
{
  int k = u8_mbtoucr (uc, p, (size_t) (e - p));
  if (k > 0)
    return k;
  *uc = 0xfffd;
  return 1;
}

/* Add UC, the K bytes at P, to B: a U+FFFD that stands for a byte
   that is not UTF-8 as itself, so that what is written is UTF-8.  */
static void
add_char (struct buf *b, const uint8_t *p, int k, ucs4_t uc)
{
  if (uc == 0xfffd)
    buf_adds (b, "\xef\xbf\xbd");
  else
    buf_add (b, p, (size_t) k);
}

/* S (LEN bytes of UTF-8) as HTML text or attribute value.  */
static void
html_text (struct buf *b, const char *s, size_t len)
{
  const uint8_t *p = (const uint8_t *) s, *e = p + len;
  while (p < e)
    {
      ucs4_t uc;
      int k = next_char (p, e, &uc);
      if (uc == '&')
        buf_adds (b, "&amp;");
      else if (uc == '<')
        buf_adds (b, "&lt;");
      else if (uc == '>')
        buf_adds (b, "&gt;");
      else if (uc == '"')
        buf_adds (b, "&quot;");
      else if (uc == '\'')
        buf_adds (b, "&#39;");
      else if (uc == '\t' || uc == '\n')
        buf_addc (b, ' ');
      else if (invisible (uc))
        /* HTML has no reference for most controls: name the code point. */
        buf_printf (b, "[U+%04X]", (unsigned) uc);
      else
        add_char (b, p, k, uc);
      p += k;
    }
}

static void
html_texts (struct buf *b, const char *s)
{
  html_text (b, s, strlen (s));
}

/* S as a JSON string, exact but with every control and format
   character escaped.  */
static void
json_text (struct buf *b, const char *s, size_t len)
{
  buf_addc (b, '"');
  const uint8_t *p = (const uint8_t *) s, *e = p + len;
  while (p < e)
    {
      ucs4_t uc;
      int k = next_char (p, e, &uc);
      if (uc == '"' || uc == '\\')
        {
          buf_addc (b, '\\');
          buf_addc (b, (char) uc);
        }
      else if (uc == '\n')
        buf_adds (b, "\\n");
      else if (uc == '\t')
        buf_adds (b, "\\t");
      else if (invisible (uc) || uc == 0x2028 || uc == 0x2029)
        {
          if (uc >= 0x10000)
            buf_printf (b, "\\u%04x\\u%04x",
                        (unsigned) (0xd800 + ((uc - 0x10000) >> 10)),
                        (unsigned) (0xdc00 + ((uc - 0x10000) & 0x3ff)));
          else
            buf_printf (b, "\\u%04x", (unsigned) uc);
        }
      else
        add_char (b, p, k, uc);
      p += k;
    }
  buf_addc (b, '"');
}

/* S as Markdown text: every character that could make markup
   backslash-escaped (CommonMark allows it before any ASCII
   punctuation), controls named.  Emphasis, code, links (parentheses
   too: a link's target is one), HTML, entities, tables and
   strikethrough can begin anywhere; a list item, a heading
   or a quote only where S begins (it may begin a line): "- ", "+ ",
   "# ", "> " and "1. " there, and a heading's closing #s after a space,
   not the hyphen of "high-quality" or the dot of "2022.7" (escaped,
   they read badly in the file).  */
static void
md_text (struct buf *b, const char *s, size_t len)
{
  const uint8_t *p = (const uint8_t *) s, *e = p + len;
  /* What S holds so far: only spaces (0), then only digits (1, at
     most 9 of them make a list item's number), or more (2).  */
  int lead = 0, ndigits = 0;
  ucs4_t prev = ' ';
  while (p < e)
    {
      ucs4_t uc;
      int k = next_char (p, e, &uc);
      int digit = uc >= '0' && uc <= '9';
      /* "1." makes an item only before a space or the end.  */
      int item_end = (uc == '.' || uc == ')') && lead == 1 && ndigits <= 9
        && (p + k == e || p[k] == ' ');
      int markup = uc != 0 && uc < 0x80
        && (strchr ("\\`*_[]()<>!|&~", (int) uc)
            || (lead == 0 && strchr ("-+", (int) uc))
            /* A heading's #s open a line, and a run of them after a
               space closes one.  */
            || (uc == '#' && prev == ' ')
            || item_end);
      if (lead == 0 && uc != ' ')
        lead = digit ? 1 : 2;
      else if (lead == 1 && !digit)
        lead = 2;
      ndigits += digit && lead == 1;
      prev = uc;
      if (markup)
        {
          buf_addc (b, '\\');
          buf_addc (b, (char) uc);
        }
      else if (uc == '\t' || uc == '\n')
        buf_addc (b, ' ');
      else if (invisible (uc))
        buf_printf (b, "[U+%04X]", (unsigned) uc);
      else
        add_char (b, p, k, uc);
      p += k;
    }
}

static const char *
origin_name (enum origin o)
{
  return o == ORIGIN_RELEASE ? "release"
    : o == ORIGIN_TRANSLATION ? "translation" : "none";
}

static const char *
kind_name (enum block_kind k)
{
  return k == BLOCK_HEADING ? "heading" : k == BLOCK_KEYWORDS ? "keywords"
    : "paragraph";
}

/* Which languages DOC has: a bit per language.  */
static int
langs_of (const struct document *doc)
{
  int m = 0;
  for (int l = 0; l < LANG_COUNT; l++)
    if (document_has_lang (doc, (enum lang) l))
      m |= 1 << l;
  return m ? m : 1 << LANG_ZH;
}

/* S (LEN bytes, of language L) as the reader asked to read it: in
   traditional script when L is Chinese and SCRIPT (an OpenCC
   configuration) is given, as show writes it; else S itself.  The
   length into *OUT_LEN; *CONV is what the caller frees (NULL when S
   is given back).  */
static const char *
script_text (const char *s, size_t len, enum lang l, const char *script,
             size_t *out_len, char **conv)
{
  *conv = script && l == LANG_ZH && len > 0
    ? norm_to_traditional (s, len, script) : NULL;
  *out_len = *conv ? strlen (*conv) : len;
  return *conv ? *conv : s;
}

/* BT in L, the reader's language, or else in the other, in SCRIPT
   (script_text); NULL when it has neither or is empty.  *PROJECT set
   when the text given is the project's translation, to be marked as
   the texts are.  Caller frees.  */
static char *
coll_text (const struct bitext *bt, enum lang l, const char *script,
           int *project)
{
  enum lang actual = l;
  const struct text *t = bt ? bitext_pick (bt, l, &actual) : NULL;
  *project = t && text_is_project (t);
  if (t == NULL || t->len == 0)
    return NULL;
  size_t len;
  char *conv;
  const char *s = script_text (t->str, t->len, actual, script, &len, &conv);
  return conv ? conv : xstrdup (s);
}

/* C's title as coll_text gives it, or its id when it has none.  Caller
   frees.  */
static char *
coll_title (const struct collection *c, enum lang l, const char *script,
            int *project)
{
  char *s = coll_text (c ? &c->title : NULL, l, script, project);
  return s ? s : xstrdup (c && c->id ? c->id : "");
}

/* C's publisher as coll_text gives it: NULL when C names none.  Caller
   frees.  */
static char *
coll_publisher (const struct collection *c, enum lang l, const char *script,
                int *project)
{
  return coll_text (c ? &c->publisher : NULL, l, script, project);
}

/* DOC's title in L (or the other), in SCRIPT (script_text).  Caller
   frees.  */
static char *
doc_title (const struct document *doc, enum lang l, const char *script)
{
  enum lang actual = l;
  const struct text *t = bitext_pick (&doc->title, l, &actual);
  if (t == NULL)
    return xstrdup ("");
  size_t len;
  char *conv;
  const char *s = script_text (t->str, t->len, actual, script, &len, &conv);
  return conv ? conv : xstrdup (s);
}

/* JSON Lines.  */

static void
json_bitext (struct buf *b, const struct bitext *bt)
{
  buf_addc (b, '{');
  int first = 1;
  for (int l = 0; l < LANG_COUNT; l++)
    {
      const struct text *t = bitext_get (bt, (enum lang) l);
      if (t == NULL)
        continue;
      buf_printf (b, "%s\"%s\":", first ? "" : ",", lang_code ((enum lang) l));
      json_text (b, t->str, t->len);
      buf_printf (b, ",\"%s_origin\":\"%s\"", lang_code ((enum lang) l),
                  origin_name (t->origin));
      first = 0;
    }
  /* The project's revision of the release's English, as HTML has it.  */
  if (bt->rev.origin == ORIGIN_REVISION)
    {
      buf_printf (b, "%s\"en_rev\":", first ? "" : ",");
      json_text (b, bt->rev.str, bt->rev.len);
    }
  buf_addc (b, '}');
}

static void
export_jsonl (const struct document *doc, struct buf *b)
{
  const struct collection *c = doc->collection;
  const char *id = c && c->id ? c->id : "";
  buf_adds (b, "{\"collection\":");
  json_text (b, id, strlen (id));
  buf_printf (b, ",\"number\":%ld,\"name\":", doc->number);
  char *name = xasprintf ("%s/%ld", id, doc->number);
  json_text (b, name, strlen (name));
  free (name);
  if (c && c->date)
    {
      buf_adds (b, ",\"date\":");
      json_text (b, c->date, strlen (c->date));
    }
  buf_adds (b, ",\"title\":");
  json_bitext (b, &doc->title);
  /* Every field of the header, as the HTML page has them.  */
  buf_adds (b, ",\"procuratorate\":");
  json_bitext (b, &doc->procuratorate);
  buf_adds (b, ",\"region\":");
  json_bitext (b, &doc->region);
  buf_adds (b, ",\"keywords\":{");
  int first = 1;
  for (int l = 0; l < LANG_COUNT; l++)
    {
      if (doc->keywords.count[l] == 0)
        continue;
      buf_printf (b, "%s\"%s\":[", first ? "" : ",", lang_code ((enum lang) l));
      for (size_t i = 0; i < doc->keywords.count[l]; i++)
        {
          if (i)
            buf_addc (b, ',');
          const char *k = doc->keywords.items[l][i];
          json_text (b, k, strlen (k));
        }
      buf_addc (b, ']');
      first = 0;
    }
  if (doc->keywords.rev_count > 0)
    {
      buf_printf (b, "%s\"en_rev\":[", first ? "" : ",");
      for (size_t i = 0; i < doc->keywords.rev_count; i++)
        {
          if (i)
            buf_addc (b, ',');
          const char *k = doc->keywords.rev_items[i];
          json_text (b, k, strlen (k));
        }
      buf_addc (b, ']');
    }
  buf_adds (b, "},\"sections\":[");
  for (size_t s = 0; s < doc->nsections; s++)
    {
      const struct section *sec = &doc->sections[s];
      buf_printf (b, "%s{\"title\":", s ? "," : "");
      json_bitext (b, &sec->title);
      buf_adds (b, ",\"blocks\":[");
      for (size_t k = 0; k < sec->nblocks; k++)
        {
          buf_printf (b, "%s{\"kind\":\"%s\",\"text\":", k ? "," : "",
                      kind_name (sec->blocks[k].kind));
          json_bitext (b, &sec->blocks[k].text);
          buf_addc (b, '}');
        }
      buf_adds (b, "]}");
    }
  buf_adds (b, "]}\n");
}

/* Markdown.  */

/* BT's texts in LANGS, each a paragraph starting with PREFIX, the
   Chinese in SCRIPT (script_text); after them the revision of the
   release's English, marked ‡ as HTML marks it, a paragraph of its own
   (no second title or heading).  */
static void
md_bitext (struct buf *b, const struct bitext *bt, int langs,
           const char *prefix, int keywords, const char *script)
{
  for (int l = 0; l <= LANG_COUNT; l++)
    {
      const struct text *t = l < LANG_COUNT ? bitext_get (bt, (enum lang) l)
        : bt->rev.origin == ORIGIN_REVISION && (langs & (1 << LANG_EN))
        ? &bt->rev : NULL;
      if (t == NULL || (l < LANG_COUNT && !(langs & (1 << l))))
        continue;
      if (l < LANG_COUNT)
        buf_adds (b, prefix);
      size_t len;
      char *conv;
      const char *s = script_text (t->str, t->len,
                                   l < LANG_COUNT ? (enum lang) l : LANG_EN,
                                   script, &len, &conv);
      if (keywords)
        {
          char **items;
          size_t n = content_split_keywords (s, &items);
          for (size_t i = 0; i < n; i++)
            {
              if (i)
                buf_adds (b, " · ");
              md_text (b, items[i], strlen (items[i]));
            }
          strv_free (items, n);
        }
      else
        md_text (b, s, len);
      free (conv);
      if (t->origin == ORIGIN_TRANSLATION)
        buf_adds (b, " †");
      else if (t->origin == ORIGIN_REVISION)
        buf_adds (b, " ‡");
      buf_adds (b, "\n\n");
    }
}

/* Does DOC hold a revision of the release's English?  */
static int
has_revision (const struct document *doc)
{
  int found = doc->title.rev.origin == ORIGIN_REVISION;
  for (size_t s = 0; s < doc->nsections && !found; s++)
    {
      const struct section *sec = &doc->sections[s];
      found = sec->title.rev.origin == ORIGIN_REVISION;
      for (size_t k = 0; k < sec->nblocks && !found; k++)
        found = sec->blocks[k].text.rev.origin == ORIGIN_REVISION;
    }
  return found;
}

static void
export_md (const struct document *doc, enum lang lang, const char *script,
           struct buf *b)
{
  const struct collection *c = doc->collection;
  int langs = langs_of (doc);
  md_bitext (b, &doc->title, langs, "# ", 0, script);
  /* The rest of the header, as the HTML page has it: paragraphs of
     their own, translations marked as every text is.  */
  md_bitext (b, &doc->procuratorate, langs, "", 0, script);
  md_bitext (b, &doc->region, langs, "", 0, script);
  buf_adds (b, "> ");
  /* Who issued it first, as a citation names it (cite.h).  */
  int pub_project;
  char *pub = coll_publisher (c, lang, script, &pub_project);
  if (pub)
    {
      md_text (b, pub, strlen (pub));
      buf_adds (b, pub_project ? " †, " : ", ");
      free (pub);
    }
  int ct_project;
  char *ct = coll_title (c, lang, script, &ct_project);
  md_text (b, ct, strlen (ct));
  free (ct);
  if (ct_project)
    buf_adds (b, " †");
  /* The date and the name come from the collection's file, as the
     title does: escaped as it is.  */
  if (c && c->date)
    {
      buf_adds (b, ", ");
      md_text (b, c->date, strlen (c->date));
    }
  char *name = xasprintf ("%s/%ld", c && c->id ? c->id : "", doc->number);
  buf_adds (b, ". ");
  md_text (b, name, strlen (name));
  free (name);
  if (c && c->source)
    {
      buf_adds (b, ". ");
      md_text (b, c->source, strlen (c->source));
    }
  buf_adds (b, "\n>\n> ");
  buf_adds (b, _("† translated by the casebook project; other text is the "
                 "release's own."));
  if (has_revision (doc))
    {
      buf_adds (b, " ");
      buf_adds (b, _("‡ the casebook project's revision of the release's "
                     "English, after it."));
    }
  if (!(langs & (1 << LANG_EN)))
    {
      buf_adds (b, " ");
      buf_adds (b, _("no English text in this release"));
    }
  if (script && (langs & (1 << LANG_ZH)))
    {
      buf_adds (b, " ");
      buf_adds (b, norm_traditional_note ());
    }
  buf_adds (b, "\n\n");
  for (size_t s = 0; s < doc->nsections; s++)
    {
      const struct section *sec = &doc->sections[s];
      md_bitext (b, &sec->title, langs, "## ", 0, script);
      for (size_t k = 0; k < sec->nblocks; k++)
        {
          const struct block *blk = &sec->blocks[k];
          md_bitext (b, &blk->text, langs,
                     blk->kind == BLOCK_HEADING ? "### " : "",
                     blk->kind == BLOCK_KEYWORDS, script);
        }
    }
}

/* HTML.  */

/* T (of language L) in a TAG element, the Chinese in SCRIPT
   (script_text); keywords separated by ideographic spaces.  */
static void
html_element (struct buf *b, const struct text *t, enum lang l,
              const char *tag, int keywords, const char *script)
{
  size_t len;
  char *conv;
  const char *s = script_text (t->str, t->len, l, script, &len, &conv);
  buf_printf (b, "<%s>", tag);
  if (keywords)
    {
      char **items;
      size_t n = content_split_keywords (s, &items);
      for (size_t i = 0; i < n; i++)
        {
          if (i)
            buf_adds (b, "\xe3\x80\x80");   /* an ideographic space */
          html_texts (b, items[i]);
        }
      strv_free (items, n);
    }
  else
    html_text (b, s, len);
  free (conv);
  buf_printf (b, "</%s>", tag);
}

static void
html_cell (struct buf *b, const struct bitext *bt, enum lang l,
           const char *tag, int keywords, const char *script)
{
  const struct text *t = bitext_get (bt, l);
  buf_printf (b, "<td lang=\"%s\"", lang_code (l));
  if (t && t->origin == ORIGIN_TRANSLATION)
    buf_printf (b, " class=\"tr\" title=\"%s\"",
                _("translated by the casebook project"));
  buf_addc (b, '>');
  if (t)
    html_element (b, t, l, tag, keywords, script);
  /* The marks are text, not style: copied, printed without CSS or read
     in a text browser, a translation is still marked.  (Import leaves
     out the spans of class "mark".)  */
  if (t && t->origin == ORIGIN_TRANSLATION)
    buf_adds (b, "<span class=\"mark\"> \xe2\x80\xa0</span>");
  if (t && l == LANG_EN && bt->rev.origin == ORIGIN_REVISION)
    {
      /* The project's revision of the release's English, after it.  */
      buf_printf (b, "<div class=\"rev\" title=\"%s\">"
                  "<span class=\"mark\">\xe2\x80\xa1 </span>",
                  _("revised by the casebook project"));
      html_element (b, &bt->rev, LANG_EN, tag, keywords, script);
      buf_adds (b, "</div>");
    }
  buf_adds (b, "</td>");
}

static void
html_row (struct buf *b, const struct bitext *bt, int langs, const char *cls,
          const char *tag, int keywords, const char *script)
{
  if (bitext_get (bt, LANG_ZH) == NULL && bitext_get (bt, LANG_EN) == NULL)
    return;
  buf_printf (b, "<tr class=\"%s\">", cls);
  for (int l = 0; l < LANG_COUNT; l++)
    if (langs & (1 << l))
      html_cell (b, bt, (enum lang) l, tag, keywords, script);
  buf_adds (b, "</tr>\n");
}

/* A meta datum casebook-collection-KEY.LANG[.tr] for each side of BT,
   in SCRIPT as the page's text, for the import to read back into
   collection.cb (import_page.c).  */
static void
html_coll_meta (struct buf *b, const char *key, const struct bitext *bt,
                const char *script)
{
  for (int l = 0; l < LANG_COUNT; l++)
    {
      const struct text *t = bitext_get (bt, (enum lang) l);
      if (t == NULL)
        continue;
      buf_printf (b, "<meta name=\"casebook-collection-%s.%s%s\" "
                  "content=\"", key, lang_code ((enum lang) l),
                  text_is_project (t) ? ".tr" : "");
      size_t len;
      char *conv;
      const char *s = script_text (t->str, t->len, (enum lang) l, script,
                                   &len, &conv);
      html_text (b, s, len);
      free (conv);
      buf_adds (b, "\">\n");
    }
}

static void
export_html (const struct document *doc, enum lang lang, const char *script,
             struct buf *b)
{
  const struct collection *c = doc->collection;
  int langs = langs_of (doc);
  char *title = doc_title (doc, (langs & 1) ? LANG_ZH : LANG_EN, script);
  int ct_project;
  char *ct = coll_title (c, lang, script, &ct_project);
  buf_printf (b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
              "<meta charset=\"utf-8\">\n<meta name=\"generator\" "
              "content=\"casebook %s\">\n<meta name=\"ArticleTitle\" content=\"",
              (langs & 1) ? "zh" : "en", PACKAGE_VERSION);
  html_texts (b, title);
  buf_adds (b, "\">\n");
  /* For casebook's own import of the page (import_page.h): which
     document of which collection it is.  */
  buf_adds (b, "<meta name=\"casebook-collection\" content=\"");
  html_texts (b, ct);
  buf_adds (b, "\">\n");
  /* Whose words that title is, so that the import marks it .tr as the
     texts of the table are marked.  */
  if (ct_project)
    buf_adds (b, "<meta name=\"casebook-collection-origin\" "
              "content=\"translation\">\n");
  /* Chinese converted to traditional script is OpenCC's wording, not
     the release's nor the project's: the import refuses a page that
     says so rather than file it as either.  */
  if (script)
    buf_adds (b, "<meta name=\"casebook-script\" "
              "content=\"traditional\">\n");
  /* Each language's title and publisher, named by their keys in
     collection.cb, so that the import keeps both languages and whose
     words each is, whichever one the reader sees, and a citation of
     the imported page still names its issuer.  */
  if (c)
    {
      html_coll_meta (b, "title", &c->title, script);
      html_coll_meta (b, "publisher", &c->publisher, script);
    }
  char *docname = xasprintf ("%s/%ld", c && c->id ? c->id : "", doc->number);
  buf_adds (b, "<meta name=\"casebook-document\" content=\"");
  html_texts (b, docname);
  buf_adds (b, "\">\n");
  free (docname);
  if (c && c->date)
    {
      buf_adds (b, "<meta name=\"PubDate\" content=\"");
      html_texts (b, c->date);
      buf_adds (b, "\">\n");
    }
  buf_adds (b, "<title>");
  html_texts (b, title);
  buf_adds (b, "</title>\n<style>\n"
            "body{font-family:serif;max-width:60em;margin:2em auto;"
            "padding:0 1em;line-height:1.6}\n"
            "table{border-collapse:collapse;width:100%}\n"
            "td,th{vertical-align:top;padding:.25em .75em;text-align:left}\n"
            "tr.title h1{font-size:1.4em;margin:0}\n"
            "tr.section td{font-weight:bold;padding-top:1em}\n"
            "tr.marker td,tr.procuratorate td,tr.region td{color:#555}\n"
            "th[lang=zh]::before{content:\"\\4E2D\\6587\"}\n"
            "th[lang=en]::before{content:\"English\"}\n"
            ".mark{color:#888}\n"
            "div.rev{color:#444;border-left:2px solid #ccc;padding-left:.5em}\n"
            "aside{font-size:.9em;color:#444;border-bottom:1px solid #ccc;"
            "margin-bottom:1em}\n"
            "@media print{body{margin:0;max-width:none}tr{break-inside:avoid}}\n"
            "</style>\n</head>\n<body>\n<aside class=\"citation\">\n<p>");
  int pub_project;
  char *pub = coll_publisher (c, lang, script, &pub_project);
  if (pub)
    {
      html_texts (b, pub);
      buf_adds (b, pub_project ? " \xe2\x80\xa0, " : ", ");
      free (pub);
    }
  html_texts (b, ct);
  if (ct_project)
    buf_adds (b, " \xe2\x80\xa0");   /* †, as td.tr marks a text */
  if (c && c->date)
    {
      buf_adds (b, ", ");
      html_texts (b, c->date);
    }
  buf_adds (b, ". ");
  char *name = xasprintf ("%s/%ld", c && c->id ? c->id : "", doc->number);
  html_texts (b, name);
  free (name);
  if (c && c->source)
    {
      buf_adds (b, ". ");
      html_texts (b, c->source);
    }
  buf_adds (b, "</p>\n<p>");
  html_texts (b, _("† translated by the casebook project; other text is the "
                   "release's own."));
  if (has_revision (doc))
    {
      buf_adds (b, " ");
      html_texts (b, _("‡ the casebook project's revision of the release's "
                       "English, after it."));
    }
  if (!(langs & (1 << LANG_EN)))
    {
      buf_adds (b, " ");
      html_texts (b, _("no English text in this release"));
    }
  if (script && (langs & (1 << LANG_ZH)))
    {
      buf_adds (b, " ");
      html_texts (b, norm_traditional_note ());
    }
  buf_adds (b, "</p>\n</aside>\n<article>\n<table>\n");
  if (langs == 3)
    /* The column labels are drawn by the style sheet: they are no text
       of the document, and an import of the page must not take them.  */
    buf_adds (b, "<thead><tr><th lang=\"zh\"></th><th lang=\"en\"></th>"
              "</tr></thead>\n");
  buf_adds (b, "<tbody>\n");
  /* The marker: the importer starts a document at 案例N / Case N.  */
  if (doc->number > 0)
    buf_printf (b, "<tr class=\"marker\"><td colspan=\"%d\">%s%ld</td></tr>\n",
                langs == 3 ? 2 : 1, (langs & 1) ? "案例" : "Case ",
                doc->number);
  html_row (b, &doc->title, langs, "title", "h1", 0, script);
  html_row (b, &doc->procuratorate, langs, "procuratorate", "p", 0, script);
  html_row (b, &doc->region, langs, "region", "p", 0, script);
  for (size_t s = 0; s < doc->nsections; s++)
    {
      const struct section *sec = &doc->sections[s];
      html_row (b, &sec->title, langs, "section", "p", 0, script);
      for (size_t k = 0; k < sec->nblocks; k++)
        {
          const struct block *blk = &sec->blocks[k];
          html_row (b, &blk->text, langs,
                    blk->kind == BLOCK_HEADING ? "heading"
                    : blk->kind == BLOCK_KEYWORDS ? "keywords" : "paragraph",
                    blk->kind == BLOCK_HEADING ? "h2" : "p",
                    blk->kind == BLOCK_KEYWORDS, script);
        }
    }
  buf_adds (b, "</tbody>\n</table>\n</article>\n</body>\n</html>\n");
  free (title);
  free (ct);
}

void
export_document (const struct document *doc, enum export_format f,
                 enum lang lang, const char *script, struct buf *out)
{
  if (f == EXPORT_JSONL)
    export_jsonl (doc, out);
  else if (f == EXPORT_MARKDOWN)
    export_md (doc, lang, script, out);
  else
    export_html (doc, lang, script, out);
}
