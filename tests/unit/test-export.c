/* test-export.c -- exporting documents: every text escaped in HTML,
   Markdown and JSON Lines, provenance marked, and the HTML page read back
   by the importer giving the document's text again.  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "export.h"
#include "import.h"
#include "import_html.h"
#include "tap.h"

static void
add_text (struct buf *b, const char *what, const struct text *t)
{
  static const char *const origins[] = { "none", "release", "tr", "rev" };
  if (t->origin != ORIGIN_NONE)
    buf_printf (b, "%s %s: %.*s\n", what, origins[t->origin], (int) t->len,
                t->str);
}

/* Each side of BT, labelled with what it is, its language and its
   provenance; and the revision of its English.  */
static void
add_bitext (struct buf *b, const char *what, const struct bitext *bt)
{
  for (int l = 0; l < LANG_COUNT; l++)
    {
      char *w = xasprintf ("%s.%s", what, lang_code ((enum lang) l));
      add_text (b, w, &bt->side[l]);
      free (w);
    }
  char *w = xasprintf ("%s.en", what);
  add_text (b, w, &bt->rev);
  free (w);
}

/* Every text of DOC, one a line, in reading order, each labelled with
   what it is, its language and its provenance.  */
static void
doc_texts (const struct document *doc, struct buf *b)
{
  buf_printf (b, "number %ld\n", doc->number);
  add_bitext (b, "title", &doc->title);
  add_bitext (b, "procuratorate", &doc->procuratorate);
  add_bitext (b, "region", &doc->region);
  for (size_t s = 0; s < doc->nsections; s++)
    {
      add_bitext (b, "section", &doc->sections[s].title);
      for (size_t k = 0; k < doc->sections[s].nblocks; k++)
        {
          const struct block *blk = &doc->sections[s].blocks[k];
          add_bitext (b, blk->kind == BLOCK_HEADING ? "heading"
                      : blk->kind == BLOCK_KEYWORDS ? "keywords" : "text",
                      &blk->text);
        }
    }
}

/* Every text of the documents of RES, in order.  */
static void
result_texts (const struct import_result *res, struct buf *b)
{
  for (size_t i = 1; i < res->nfiles; i++)
    {
      struct diags d = { 0 };
      struct document doc;
      const char *t = res->files[i].text;
      if (content_parse_document ("x.cb", t, strlen (t), &doc, &d) == 0)
        doc_texts (&doc, b);
      else
        buf_adds (b, "(does not load)\n");
      document_free (&doc);
      diags_free (&d);
    }
}

/* Export DOC as an HTML page, import the page, and compare every text,
   with its language and provenance.  */
static void
round_trip (const struct document *doc, const char *what)
{
  struct buf page = { 0 };
  export_document (doc, EXPORT_HTML, LANG_ZH, NULL, &page);
  struct import_result res;
  struct diags d = { 0 };
  char *cause = NULL;
  int rc = import_html ("exported.html", page.data, page.len, &res, &d, &cause);
  struct buf want = { 0 }, got = { 0 };
  buf_adds (&want, "");
  buf_adds (&got, "");
  doc_texts (doc, &want);
  if (rc == 0)
    result_texts (&res, &got);
  tap_is (got.data, want.data, "%s: exported to HTML and imported, the "
          "same texts, languages and provenance, in the same order", what);
  if (rc == 0)
    import_free (&res);
  free (cause);
  diags_free (&d);
  buf_free (&page);
  buf_free (&want);
  buf_free (&got);
}

static void
test_round_trip (void)
{
  /* A Chinese-only release, as imports are.  */
  const char *rel = "案例4\n某某检察院办理某案\n【关键词】\n巡回检察　减刑　假释\n"
    "【基本案情】\n某年某月，某人犯罪。\n一、第一部分\n正文第二段。\n"
    "【典型意义】\n意义在于监督。\n";
  struct import_result res;
  struct diags d = { 0 };
  import_release ("zh.txt", rel, strlen (rel), &res, &d);
  struct document doc;
  if (res.nfiles == 2
      && content_parse_document ("04.cb", res.files[1].text,
                                 strlen (res.files[1].text), &doc, &d) == 0)
    {
      round_trip (&doc, "a Chinese-only case");
      document_free (&doc);
    }
  else
    tap_ok (0, "the Chinese-only case loads");
  import_free (&res);
  diags_free (&d);

  /* The bilingual test collection, translations and all.  */
  struct library *lib = content_load (ABS_SRCDIR "/tests/data/good", &d);
  size_t n = library_document_count (lib);
  tap_ok (n >= 3 && d.errors == 0, "the bilingual collection loads (%zu)", n);
  for (size_t i = 0; i < n; i++)
    {
      const struct document *dc = library_document (lib, i);
      char *what = xasprintf ("sample/%ld (both languages)", dc->number);
      round_trip (dc, what);
      free (what);
    }
  /* The shipped cases: translations both ways and revised English.  */
  struct diags sd = { 0 };
  struct library *shipped = content_load (ABS_SRCDIR "/content", &sd);
  for (size_t i = 0; i < library_document_count (shipped); i++)
    {
      const struct document *dc = library_document (shipped, i);
      char *what = xasprintf ("shipped case %ld", dc->number);
      round_trip (dc, what);
      free (what);
    }
  library_free (shipped);
  diags_free (&sd);
  /* Provenance: the translations are marked, the release's text not.  */
  const struct document *d1 = library_find (lib, "1");
  struct buf page = { 0 };
  if (d1)
    export_document (d1, EXPORT_HTML, LANG_ZH, NULL, &page);
  tap_ok (page.data && strstr (page.data, "<td lang=\"en\" class=\"tr\"")
          && strstr (page.data, "<td lang=\"zh\"><h1>")
          && strstr (page.data, "<th lang=\"zh\"></th><th lang=\"en\"></th>")
          && strstr (page.data, "th[lang=zh]::before{content:\"\\4E2D\\6587\"}"),
          "HTML: side by side, translations marked, release text not");
  tap_ok (page.data && strstr (page.data, "http") == NULL
          && strstr (page.data, "src=") == NULL && strstr (page.data, "<link") == NULL,
          "HTML: no external assets");
  tap_ok (page.data && strstr (page.data, "<aside class=\"citation\">\n<p>测试, 测试案例集, 2022-07-14. sample/1"),
          "HTML: a citation header names publisher, collection, date and "
          "document");
  buf_free (&page);
  if (d1)
    export_document (d1, EXPORT_MARKDOWN, LANG_ZH, NULL, &page);
  tap_ok (page.data && strstr (page.data, "# 广西检察机关深化巡回检察\n")
          && strstr (page.data, " †\n"), "Markdown: title, translations marked †");
  buf_free (&page);
  library_free (lib);
  diags_free (&d);
}

/* The title lines (title.LANG[.tr]: ...) of the collection.cb that
   importing DOC's page, exported for a reader of L, gives.  Caller
   frees.  */
static char *
imported_titles (const struct document *doc, enum lang l)
{
  struct buf page = { 0 }, got = { 0 };
  buf_adds (&got, "");
  export_document (doc, EXPORT_HTML, l, NULL, &page);
  struct import_result res;
  struct diags d = { 0 };
  char *cause = NULL;
  if (import_html ("exported.html", page.data, page.len, &res, &d,
                   &cause) == 0)
    {
      for (const char *p = res.files[0].text; p && *p;)
        {
          size_t n = strcspn (p, "\n");
          if (strncmp (p, "title.", 6) == 0)
            buf_printf (&got, "%.*s\n", (int) n, p);
          p += n + (p[n] == '\n');
        }
      import_free (&res);
    }
  free (cause);
  diags_free (&d);
  buf_free (&page);
  return buf_steal (&got);
}

/* The citation gives the collection's publisher and title in the
   reader's language, each marked † only when it is the project's; the page keeps both, so the
   import gives collection.cb both titles with their provenance, for a
   reader of either language.  */
static void
test_collection_title (void)
{
  static const struct
  {
    const char *dir, *doc, *md[2], *titles;
  } cases[] = {
    { "/tests/data/good", "1",
      { "> 测试, 测试案例集, 2022-07-14",
        "> Tests, Sample cases †, 2022-07-14" },
      "title.zh: 测试案例集\ntitle.en.tr: Sample cases\n" },
    { "/content", "7",
      { "> 最高人民检察院 †, 第三批全国检察机关检察改革典型案例 †, "
        "2022-07-14",
        "> Supreme People's Procuratorate, The third batch of typical cases "
        "of procuratorial reform of national procuratorial organs, "
        "2022-07-14" },
      "title.zh.tr: 第三批全国检察机关检察改革典型案例\n"
      "title.en: The third batch of typical cases of procuratorial reform "
      "of national procuratorial organs\n" },
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    {
      struct diags d = { 0 };
      char *dir = xasprintf ("%s%s", ABS_SRCDIR, cases[i].dir);
      struct library *lib = content_load (dir, &d);
      const struct document *doc = lib ? library_find (lib, cases[i].doc)
        : NULL;
      for (int l = 0; l < LANG_COUNT; l++)
        {
          struct buf b = { 0 };
          buf_adds (&b, "");
          if (doc)
            export_document (doc, EXPORT_MARKDOWN, (enum lang) l, NULL, &b);
          const char *line = strstr (b.data, "\n> ");
          size_t n = line ? strcspn (line + 1, ".") : 0;
          char *got = line ? xstrndup (line + 1, n) : xstrdup ("");
          tap_is (got, cases[i].md[l], "%s/%s, a reader of %s: the "
                  "collection's publisher and title in the citation",
                  cases[i].dir, cases[i].doc, lang_code ((enum lang) l));
          free (got);
          buf_free (&b);
          char *titles = doc ? imported_titles (doc, (enum lang) l)
            : xstrdup ("");
          tap_is (titles, cases[i].titles, "%s/%s, a reader of %s: both "
                  "titles come back from the page, each marked as it was",
                  cases[i].dir, cases[i].doc, lang_code ((enum lang) l));
          free (titles);
        }
      library_free (lib);
      diags_free (&d);
      free (dir);
    }
}

/* Markdown escapes what could make a list, a heading or a quote only
   where a text begins (it may begin a line): "high-quality" and
   "2022.7" inside a line stay as they read.  */
static void
test_markdown_line_start (void)
{
  const char *cb = "casebook-format: 1\nnumber: 6\n"
    "title.en.tr: 1. A high-quality title of 2022.7 \xee\x80\x80\n"
    "\nen.tr: - not a list item, nor# a heading, nor its end #\n";
  struct document doc;
  struct diags d = { 0 };
  if (content_parse_document ("06.cb", cb, strlen (cb), &doc, &d) != 0)
    {
      tap_ok (0, "the document loads (%s)", d.count ? d.items[0].message : "?");
      diags_free (&d);
      return;
    }
  struct buf b = { 0 };
  export_document (&doc, EXPORT_MARKDOWN, LANG_ZH, NULL, &b);
  tap_ok (strstr (b.data, "1\\. A high-quality title of 2022.7 [U+E000]")
          != NULL
          && strstr (b.data, "\\- not a list item, nor# a heading, nor its "
                     "end \\#") != NULL,
          "Markdown: 1. and - escaped where a text begins, and # after a "
          "space; - . # inside words not; a private-use character named, "
          "as on the terminal");
  buf_free (&b);
  document_free (&doc);
  diags_free (&d);
}

static void
test_escaping (void)
{
  const char *cb = "casebook-format: 1\nnumber: 5\n"
    "title.zh: 标题<script>alert(1)</script> & \"引\" 'x' \xf3\xa0\x81\x81藏\n"
    "title.en.tr: A <b>bold</b> & [link](javascript:x) # not a heading\n"
    "\nzh: 正文 <img src=x onerror=alert(1)> &amp; 完\n";
  struct document doc;
  struct diags d = { 0 };
  if (content_parse_document ("05.cb", cb, strlen (cb), &doc, &d) != 0)
    {
      tap_ok (0, "the hostile document loads (%s)",
              d.count ? d.items[0].message : "?");
      diags_free (&d);
      return;
    }
  struct buf b = { 0 };
  export_document (&doc, EXPORT_HTML, LANG_ZH, NULL, &b);
  tap_ok (strstr (b.data, "<script>") == NULL && strstr (b.data, "<img") == NULL
          && strstr (b.data, "<b>bold") == NULL,
          "HTML: no markup from the text survives");
  tap_ok (strstr (b.data, "标题&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
                  "&quot;引&quot; &#39;x&#39; [U+E0041]藏") != NULL
          && strstr (b.data, "&amp;amp; 完") != NULL,
          "HTML: <, >, &, quotes escaped; a TAG character named");
  tap_ok (strstr (b.data, "<meta name=\"ArticleTitle\" content=\"标题&lt;script&gt;")
          != NULL, "HTML: attribute values escaped too");
  buf_free (&b);

  export_document (&doc, EXPORT_MARKDOWN, LANG_ZH, NULL, &b);
  tap_ok (strstr (b.data, "标题\\<script\\>alert\\(1\\)\\</script\\> \\& ") != NULL
          && strstr (b.data, "\\[link\\]\\(javascript:x\\) \\# not") != NULL,
          "Markdown: markup characters backslash-escaped");
  buf_free (&b);

  export_document (&doc, EXPORT_JSONL, LANG_ZH, NULL, &b);
  tap_ok (strstr (b.data, "\"zh\":\"标题<script>alert(1)</script> & \\\"引\\\" "
                  "'x' \\udb40\\udc41藏\",\"zh_origin\":\"release\"") != NULL,
          "JSON: exact text, quotes and the TAG character escaped");
  tap_ok (b.len > 0 && b.data[b.len - 1] == '\n' && strchr (b.data, '\n') == b.data + b.len - 1,
          "JSON Lines: one line per document");
  tap_ok (strstr (b.data, "\"en_origin\":\"translation\"") != NULL,
          "JSON: provenance given");
  buf_free (&b);
  document_free (&doc);
  diags_free (&d);
}

int
main (void)
{
  test_round_trip ();
  test_collection_title ();
  test_escaping ();
  test_markdown_line_start ();
  return tap_done ();
}
