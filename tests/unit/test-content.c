/* test-content.c -- the loader: good files load into the right model,
   and every kind of error is reported with its file, line and message.  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "render.h"
#include "strmap.h"
#include "tags.h"
#include "tap.h"
#include "util.h"

static char *
fixture (const char *rel)
{
  const char *top = getenv ("top_srcdir");
  return xasprintf ("%s/%s", top ? top : "..", rel);
}

/* Parse DATA as a document and return "LINE: message" of every problem,
   one per line.  Caller frees.  */
static char *
problems (const char *data, size_t len)
{
  struct diags d = { 0 };
  struct document doc;
  content_parse_document ("x.cb", data, len, &doc, &d);
  struct buf b = { 0 };
  for (size_t i = 0; i < d.count; i++)
    buf_printf (&b, "%s%lu: %s: %s", i ? "\n" : "", d.items[i].line,
                d.items[i].severity == DIAG_ERROR ? "error" : "warning",
                d.items[i].message);
  document_free (&doc);
  diags_free (&d);
  return buf_steal (&b);
}

static void
expect_n (const char *data, size_t len, const char *want, const char *what)
{
  char *got = problems (data, len);
  tap_is (got, want, "%s", what);
  free (got);
}

static void
expect (const char *data, const char *want, const char *what)
{
  char *got = problems (data, strlen (data));
  tap_is (got, want, "%s", what);
  free (got);
}

#define HEAD "casebook-format: 1\nnumber: 1\ntitle.en: T\n\n"

/* Lines handed over by a streaming render, as text.  */
struct collected
{
  struct buf text;
  size_t n;
};

static void
collect_line (const struct rline *ln, void *arg)
{
  struct collected *c = arg;
  buf_printf (&c->text, "%d|", (int) ln->style);
  for (int k = 0; k < 2; k++)
    if (ln->cell[k].present)
      buf_printf (&c->text, "%d:%d:%d:%.*s|", ln->cell[k].col,
                  ln->cell[k].indent, ln->cell[k].translated,
                  (int) ln->cell[k].len, ln->cell[k].s);
  buf_addc (&c->text, '\n');
  c->n++;
}

int
main (void)
{
  /* The good fixture.  */
  struct diags d = { 0 };
  char *dir = fixture ("tests/data/good");
  struct library *lib = content_load (dir, &d);
  tap_ok (d.errors == 0 && d.warnings == 0, "good fixture loads cleanly (%zu errors)", d.errors);
  tap_ok (library_document_count (lib) == 3, "three documents");
  const struct document *d1 = library_find (lib, "1");
  tap_ok (d1 != NULL && d1->number == 1, "document 1 found by number");
  tap_ok (library_find (lib, "sample/2") != NULL, "found by collection/number");
  tap_ok (library_find (lib, "9") == NULL && library_find (lib, "-1") == NULL
          && library_find (lib, "1x") == NULL, "bad numbers find nothing");
  tap_ok (d1 && d1->keywords.count[LANG_ZH] == 2 && d1->keywords.count[LANG_EN] == 2,
          "keywords are lists in both languages");
  tap_is (d1 ? d1->keywords.items[LANG_ZH][1] : NULL, "减假暂", "second Chinese keyword");
  tap_ok (d1 && d1->title.side[LANG_ZH].origin == ORIGIN_RELEASE
          && d1->title.side[LANG_EN].origin == ORIGIN_TRANSLATION,
          "origins: release zh, translated en");
  tap_ok (d1 && d1->nsections == 2 && d1->sections[1].nblocks == 4,
          "sections and blocks (%zu sections)", d1 ? d1->nsections : 0);
  tap_ok (d1 && d1->sections[1].blocks[0].kind == BLOCK_HEADING
          && d1->sections[1].blocks[0].level == 1
          && d1->sections[1].blocks[2].level == 2, "heading levels from numbering");
  const struct document *d2 = library_find (lib, "2");
  const struct section *s2 = d2 ? &d2->sections[d2->nsections - 1] : NULL;
  tap_ok (s2 && s2->nblocks == 2 && s2->blocks[1].text.side[LANG_ZH].origin == ORIGIN_NONE,
          "a pending side is missing, not empty");
  tap_ok (lib->glossary.count == 4, "glossary has 4 terms");

  /* A streaming render hands over the very lines a whole render keeps,
     and render_any_translated agrees with the lines' marks.  */
  for (size_t di = 0; di < library_document_count (lib); di++)
    for (int view = 0; view < VIEW_COUNT; view++)
      {
        const struct document *doc = library_document (lib, di);
        struct render_options ro = { .view = (enum view) view, .width = 30,
                                     .gutter = 1 };
        struct render whole, streamed;
        struct collected a = { 0 }, b = { 0 };
        render_document (doc, &ro, &whole);
        int marked = 0;
        for (size_t i = 0; i < whole.nlines; i++)
          {
            collect_line (&whole.lines[i], &a);
            marked |= whole.lines[i].cell[0].translated
              | whole.lines[i].cell[1].translated;
          }
        ro.emit = collect_line;
        ro.emit_arg = &b;
        ro.no_offsets = 1;
        render_document (doc, &ro, &streamed);
        tap_ok (a.n > 0 && a.n == b.n && streamed.nlines == 0
                && a.text.len == b.text.len
                && memcmp (a.text.data, b.text.data, a.text.len) == 0,
                "render: document %zu, view %d streams the same %zu lines",
                di, view, a.n);
        tap_ok (render_any_translated (doc, &ro) == marked,
                "render: document %zu, view %d: any translated is %d",
                di, view, marked);
        render_free (&whole);
        render_free (&streamed);
        buf_free (&a.text);
        buf_free (&b.text);
      }

  /* A paragraph of thousands of lines is handed over in batches while
     it is laid out (a 20 MB paragraph is not held whole): the lines are
     still those of a whole render, in every view, when one side is kept
     as a visible copy (an escape in it) and the other is not.  */
  {
    struct buf src = { 0 };
    buf_adds (&src, "casebook-format: 1\nnumber: 6\ntitle.en: Long\n\nzh: ");
    for (int i = 0; i < 3000; i++)
      buf_printf (&src, "检察机关第%d次巡回检察。", i);
    buf_adds (&src, "\nen: \033[1m");
    for (int i = 0; i < 2500; i++)
      buf_printf (&src, "The procuratorate inspected, round %d. ", i);
    buf_adds (&src, "\n");
    struct document ld;
    struct diags ldd = { 0 };
    tap_ok (content_parse_document ("l.cb", src.data, src.len, &ld, &ldd) == 0,
            "long paragraph: the document parses");
    for (int view = 0; view < VIEW_COUNT; view++)
      {
        struct render_options ro = { .view = (enum view) view, .width = 40 };
        struct render whole, streamed;
        struct collected a = { 0 }, b = { 0 };
        render_document (&ld, &ro, &whole);
        for (size_t i = 0; i < whole.nlines; i++)
          collect_line (&whole.lines[i], &a);
        ro.emit = collect_line;
        ro.emit_arg = &b;
        render_document (&ld, &ro, &streamed);
        tap_ok (a.n > 3 * 512 && a.n == b.n && streamed.nlines == 0
                && a.text.len == b.text.len
                && memcmp (a.text.data, b.text.data, a.text.len) == 0,
                "long paragraph: view %d streams the same %zu lines (%zu)",
                view, a.n, b.n);
        render_free (&whole);
        render_free (&streamed);
        buf_free (&a.text);
        buf_free (&b.text);
      }
    document_free (&ld);
    diags_free (&ldd);
    buf_free (&src);
  }

  /* Hits map to the same bytes of a cell whether the render shows the
     text as it is (no offset map) or made visible (with one).  */
  {
    const char *src = "casebook-format: 1\nnumber: 5\ntitle.en: T\n\n"
      "en: alpha beta gamma delta epsilon zeta eta theta iota kappa\n\n"
      "en: alpha \033[1m beta gamma delta epsilon zeta eta theta iota\n";
    struct document hd;
    struct diags hdd = { 0 };
    tap_ok (content_parse_document ("h.cb", src, strlen (src), &hd, &hdd) == 0,
            "render hits: the document parses");
    struct render_options ro = { .view = VIEW_EN, .width = 24 };
    struct render hr;
    render_document (&hd, &ro, &hr);
    /* "theta" in each paragraph: bytes 40-45 of the first, 45-50 of the
       second (the escape is 4 bytes, shown as 5: "^[[1m").  */
    const char *want_line[2] = { "theta", "theta" };
    size_t want_start[2] = { 40, 45 };
    for (size_t b = 0; b < 2; b++)
      {
        struct hit h = { .part = PART_BLOCK, .section = 0, .block = b,
                         .lang = LANG_EN, .start = want_start[b],
                         .end = want_start[b] + 5 };
        int found = 0;
        for (size_t i = 0; i < hr.nlines; i++)
          {
            size_t from, to;
            const struct rcell *c = &hr.lines[i].cell[0];
            if (render_hit_in_cell (c, &h, &from, &to))
              found += to - from == 5
                && memcmp (c->s + from, want_line[b], 5) == 0;
          }
        tap_ok (found == 1, "render hits: paragraph %zu (%s an offset map) "
                "highlights exactly \"theta\"", b, b ? "with" : "without");
      }
    render_free (&hr);
    document_free (&hd);
    diags_free (&hdd);
  }

  /* The tag table: first appearance order, counts, the other rendering.  */
  struct tag_table tt;
  tags_collect (lib, LANG_EN, 0, &tt);
  tap_ok (tt.count == 4, "tags: four tags in English (%zu)", tt.count);
  tap_is (tt.count ? tt.items[0].name : NULL, "circuit inspection",
          "tags: the first document's first keyword comes first");
  tap_is (tt.count ? tt.items[0].other : NULL, "巡回检察",
          "tags: with its other rendering");
  tap_ok (tt.count == 4 && tt.items[2].ndocs == 1 && tt.items[2].docs[0] == 2
          && tt.items[2].lang == LANG_EN, "tags: documents and language of a tag");
  tags_table_free (&tt);
  tags_collect (lib, LANG_ZH, 0, &tt);
  tap_is (tt.count == 4 ? tt.items[3].name : NULL, "一体化",
          "tags: in Chinese, the translated keywords");
  tags_table_free (&tt);
  tap_is (lib->glossary.count ? lib->glossary.entries[1].variants[LANG_EN][1] : NULL,
          "adjacent hospital", "glossary variants split on |");
  struct content_stats st;
  content_stats (lib, &st);
  tap_ok (st.documents == 3 && st.blocks == 16 && st.present[LANG_EN] == 16
          && st.present[LANG_ZH] == 15, "coverage counts");
  library_free (lib);
  diags_free (&d);
  free (dir);

  /* One fixture per error, with the exact message.  */
  expect ("", "1: error: empty file: expected 'casebook-format: 1'", "empty file");
  expect ("number: 1\n", "1: error: the first field must be 'casebook-format: 1'",
          "missing format line");
  expect ("casebook-format: 7\n",
          "1: error: unsupported format version '7' (this casebook reads version 1)",
          "future format version");
  expect ("casebook-format: 1\ntitle.en: T\n", "1: error: missing field 'number'",
          "missing number");
  expect ("casebook-format: 1\nnumber: 1\n",
          "1: warning: no title: add 'title.zh' or 'title.en'", "a missing title is a warning");
  expect ("casebook-format: 1\nnumber: one\ntitle.en: T\n",
          "2: error: 'number' must be a whole number, not 'one'",
          "a bad number (not also a missing one)");
  expect ("casebook-format: 1\nnumber: 99999999999\ntitle.en: T\n",
          "2: error: 'number' must be at most 1000000000, not '99999999999'",
          "a number too large says so, not that it is no whole number");
  expect (HEAD "en: caf\xc3 au lait\n",
          "5: error: invalid UTF-8 at byte 8 of the line (byte offset 49 in the file)",
          "invalid UTF-8 with its offset");
  /* A file a Chinese editor saved as GBK ("ANSI"): the first line
     in error says what the file is and how to mend it, not each.  */
  expect (HEAD "zh: \xbc\xec\xb2\xec\xcc\xfd\xd6\xa4\n\nzh: \xbc\xec\xb2\xec\n",
          "5: error: invalid UTF-8 at byte 5 of the line (byte offset 46 in the file): "
          "the file seems to be GB18030 (GBK, GB2312); save it as UTF-8 "
          "(iconv -f GB18030 -t UTF-8)\n"
          "7: error: invalid UTF-8 at byte 5 of the line (byte offset 60 in the file)",
          "GBK text: the first error names the encoding");
  expect (HEAD "en: \xed\xa0\x80\n",
          "5: error: invalid UTF-8 at byte 5 of the line (byte offset 46 in the file)",
          "a surrogate is invalid");
  expect_n (HEAD "en: a\0b\n", sizeof HEAD + 7, "5: error: NUL byte at byte offset 47: not a text file",
          "NUL byte: not text");
  expect (HEAD "colour.en: red\nen: x\n",
          "5: error: unknown field 'colour.en'", "unknown field");
  expect (HEAD "en: x\nheading.en: I. H\n",
          "6: error: 'heading.en' cannot share a block with 'en' (separate them with a blank line)",
          "mixed block");
  expect (HEAD "en: x\nen: y\n",
          "6: error: 'en' given twice in one block (first at line 5); separate paragraphs with a blank line",
          "duplicate side");
  expect ("casebook-format: 1\nnumber: 1\ntitle.en: T\ntitle.en: U\n\nen: x\n",
          "4: error: 'title.en' given twice (first at line 3)",
          "a header field given twice, without a paragraph's advice");
  expect (HEAD "zh.tr: x\nzh: y\n",
          "6: error: 'zh' gives the text 'zh.tr' gave (line 5): one text is the release's or the project's translation, not both",
          "one text as the release's and as a translation");
  expect (HEAD "zh:\n",
          "5: error: empty value for 'zh'\n5: error: a block with neither Chinese nor English text",
          "paragraph with neither language");
  expect (HEAD "keywords.en: a | b\nkeywords.zh: 甲\n",
          "5: error: 1 Chinese keyword but 2 in English: the lists must pair item by item",
          "keyword lists that do not pair");
  expect (HEAD "just words\n", "5: error: expected 'key: value' at the start of the line",
          "line without a key");
  expect (HEAD "en.xx: y\n",
          "5: error: malformed field name 'en.xx' (expected NAME, NAME.zh, NAME.en, with .tr, or NAME.en.rev)",
          "malformed key");
  expect (HEAD "en: x\n\ntitle.zh: 标题\n", "7: error: header field 'title.zh' after the body began",
          "header after body");
  expect ("\xef\xbb\xbf" "casebook-format: 1\r\nnumber: 1\r\ntitle.en: T\r\n\r\nen: x\r\n", "",
          "a BOM and CRLF line ends are accepted");
  expect (HEAD "# comment\nen: x\n# another\nzh.tr: 甲\n", "", "comments inside a block");
  expect (HEAD "en: x\nzh.tr: 甲\nglossary-ok: 一体化 | 融合\n", "", "glossary-ok goes with a paragraph");
  expect (HEAD "glossary-ok.zh: 一体化\nen: x\n",
          "5: error: field 'glossary-ok' takes no language", "glossary-ok takes no language");
  /* The revision layer: the project's corrected English beside the
     release's.  */
  expect (HEAD "en: the hospital\nen.rev: the procuratorate\nzh.tr: 检察院\n", "",
          "en.rev beside en");
  expect (HEAD "zh: 甲\nzh.rev: 乙\n",
          "6: error: malformed field name 'zh.rev' (expected NAME, NAME.zh, NAME.en, with .tr, or NAME.en.rev)",
          "only English has revisions");
  expect (HEAD "zh: 甲\nen.tr: A\nen.rev: B\n",
          "7: error: 'en.rev' revises the release's English, but there is no 'en' beside it",
          "a revision needs the release's English beside it");
  expect (HEAD "en.rev: B\n",
          "5: error: 'en.rev' revises the release's English, but there is no 'en' beside it",
          "a revision alone is a revision without its English, not an empty block");
  expect (HEAD "keywords.en.rev: a | b\n",
          "5: error: 'keywords.en.rev' revises the release's English, but there is no 'keywords.en' beside it",
          "and so is a revised keyword list alone");
  expect (HEAD "\ncasebook-format: 1\n\nen: x\n",
          "6: error: duplicate field 'casebook-format' (first given at line 1)",
          "a second format line in a block of its own is a duplicate");
  expect ("casebook-format: 1\ncasebook-format: 1\nnumber: 1\ntitle.en: T\n\nen: x\n",
          "2: error: duplicate field 'casebook-format' (first given at line 1)",
          "and so is one in the first block, like a second 'number'");
  expect (HEAD "heading.en: 1. x\nheading.en.rev: 1. y\nheading.en.rev: 1. z\n",
          "7: error: 'heading.en.rev' given twice in one block (first at line 6); separate paragraphs with a blank line",
          "a revision given twice");
  expect (HEAD "keywords.en: Adjacent hospital | b c\nkeywords.en.rev: a | b | c\nkeywords.zh.tr: 甲 | 乙 | 丙\n", "",
          "Chinese keywords pair with the revised list");
  expect (HEAD "keywords.en: a | b\nkeywords.en.rev: a | b | c\nkeywords.zh.tr: 甲 | 乙\n",
          "5: error: 2 Chinese keywords but 3 in English: the lists must pair item by item",
          "and must pair with it");
  {
    const char *g = "casebook-format: 1\nnumber: 4\ntitle.en: Jiangxi courts\n"
      "title.en.rev: Jiangxi procuratorates\n\nkeywords.en: A B\n"
      "keywords.en.rev: a | b\nkeywords.zh.tr: 甲 | 乙\n\nen: hospital\nen.rev: procuratorate\n";
    struct diags gd = { 0 };
    struct document gdoc;
    content_parse_document ("r.cb", g, strlen (g), &gdoc, &gd);
    const struct bitext *p = gdoc.nsections ? &gdoc.sections[0].blocks[1].text : NULL;
    tap_ok (gd.errors == 0 && p && p->rev.origin == ORIGIN_REVISION
            && strcmp (p->rev.str, "procuratorate") == 0 && p->rev.line == 11
            && p->side[LANG_EN].origin == ORIGIN_RELEASE
            && strcmp (p->side[LANG_EN].str, "hospital") == 0,
            "en.rev is kept beside the release's English, with its line");
    tap_ok (strcmp (bitext_view (&gdoc.title, LANG_EN, 0)->str, "Jiangxi courts") == 0
            && strcmp (bitext_view (&gdoc.title, LANG_EN, 1)->str, "Jiangxi procuratorates") == 0
            && bitext_view (&gdoc.title, LANG_ZH, 1) == NULL,
            "bitext_view: the release's English by default, the revision on request");
    size_t n0, n1;
    char *const *k0 = keywords_view (&gdoc.keywords, LANG_EN, 0, &n0);
    char *const *k1 = keywords_view (&gdoc.keywords, LANG_EN, 1, &n1);
    tap_ok (n0 == 1 && strcmp (k0[0], "A B") == 0 && n1 == 2 && strcmp (k1[1], "b") == 0,
            "keywords_view: the release's list or the revised one");
    tap_ok (text_is_project (&gdoc.title.rev) && !text_is_project (&gdoc.title.side[LANG_EN]),
            "a revision is the project's wording");
    document_free (&gdoc);
    diags_free (&gd);
  }
  {
    const char *g = HEAD "en: x\nglossary-ok: 甲 | 乙\n";
    struct diags gd = { 0 };
    struct document gdoc;
    content_parse_document ("g.cb", g, strlen (g), &gdoc, &gd);
    tap_ok (gdoc.nsections == 1 && gdoc.sections[0].blocks[0].nglossary_ok == 2
            && strcmp (gdoc.sections[0].blocks[0].glossary_ok[1], "乙") == 0,
            "glossary-ok terms are kept with their block");
    document_free (&gdoc);
    diags_free (&gd);
  }

  /* A whole directory of broken files: every problem reported.  */
  struct diags bad = { 0 };
  char *bdir = fixture ("tests/data/bad");
  struct library *blib = content_load (bdir, &bad);
  tap_ok (bad.errors == 18, "all 18 planted errors reported (%zu)", bad.errors);
  tap_ok (library_document_count (blib) == 1, "the one good file still loads");
  library_free (blib);
  diags_free (&bad);
  free (bdir);

  /* collection.cb takes its format line once, as a document does.  */
  {
    const char *ctext = "casebook-format: 1\nid: c\ncasebook-format: 1\n"
      "title.en: C\n";
    struct collection cc = { 0 };
    struct diags cd = { 0 };
    int crc = content_parse_collection ("collection.cb", ctext,
                                        strlen (ctext), &cc, &cd);
    tap_ok (crc == -1 && cd.errors == 1 && cd.items[0].line == 3
            && strcmp (cd.items[0].message, "duplicate field 'casebook-format' "
                       "(first given at line 1)") == 0,
            "collection: a second format line is a duplicate (%zu errors)",
            cd.errors);
    collection_free (&cc);
    diags_free (&cd);
  }

  /* A collection large enough to be read in two threads: problems are
     reported in file order, and of two files with one number the first
     (by name) is kept, whether documents are read whole or by their
     headers.  */
  {
    char tdir[] = "/tmp/cbcontent.XXXXXX";
    tap_ok (mkdtemp (tdir) != NULL, "a directory for a large collection");
    char *meta = xasprintf ("%s/collection.cb", tdir);
    FILE *f = fopen (meta, "w");
    if (f)
      {
        fputs ("casebook-format: 1\nid: many\ntitle.en: Many\n", f);
        fclose (f);
      }
    free (meta);
    for (int i = 1; i <= 300; i++)
      {
        char *path = xasprintf ("%s/%03d.cb", tdir, i);
        f = fopen (path, "w");
        if (f)
          {
            /* Files 150 and 151 say 149 too; 77 and 233 are broken (an
               error and a warning each).  */
            int number = i == 150 || i == 151 ? 149 : i;
            if (i == 77 || i == 233)
              fprintf (f, "casebook-format: 1\nnumber: x%d\n", i);
            else
              fprintf (f, "casebook-format: 1\nnumber: %d\ntitle.en: Case "
                       "%d\n\nen: Text %d.\n", number, i, i);
            fclose (f);
          }
        free (path);
      }
    for (int headers = 0; headers < 2; headers++)
      {
        struct diags md = { 0 };
        const char *dirs[1] = { tdir };
        struct content_load_options lo = { .headers_only = headers };
        struct library *ml = content_load_with (dirs, 1, &lo, &md);
        const struct document *kept = library_find (ml, "many/149");
        int in_order = md.errors == 4 && md.warnings == 2;
        for (size_t k = 1; in_order && k < md.count; k++)
          in_order = strcmp (md.items[k - 1].file, md.items[k].file) <= 0;
        tap_ok (in_order && md.count > 0
                && strstr (md.items[0].file, "077.cb") != NULL
                && library_document_count (ml) == 296
                && kept && strstr (kept->path, "149.cb") != NULL,
                "300 files %s: 296 documents, the 6 problems in file order "
                "(%zu errors), the first file with a number kept",
                headers ? "by their headers" : "whole", md.errors);
        library_free (ml);
        diags_free (&md);
      }
    char *rm = xasprintf ("rm -rf '%s'", tdir);
    tap_ok (system (rm) == 0, "the large collection removed");
    free (rm);
  }

  /* Not a collection at all.  */
  struct diags none = { 0 };
  struct library *nlib = content_load ("/nonexistent/casebook", &none);
  tap_ok (none.errors == 1 && strstr (none.items[0].message, "No such file") != NULL,
          "a missing directory is one clear error");
  library_free (nlib);
  diags_free (&none);

  /* Glossary errors.  */
  struct glossary g = { 0 };
  struct diags gd = { 0 };
  const char *gtext = "casebook-glossary\t1\n甲\talpha\n甲\tbeta\nonly-one\n";
  content_parse_glossary ("g.tsv", gtext, strlen (gtext), &g, &gd);
  tap_ok (gd.errors == 2 && gd.items[0].line == 3 && gd.items[1].line == 4,
          "glossary: duplicate and malformed lines reported");
  glossary_free (&g);
  diags_free (&gd);

  /* A line of tabs, or of spaces, lacks its term, not its fields: the
     error says so, and one with a term but no English says that.  */
  struct glossary eg = { 0 };
  struct diags ed = { 0 };
  const char *etext = "casebook-glossary\t1\n\t\t\t\n   \talpha\n   \n"
    "甲\t \n乙\n";
  content_parse_glossary ("e.tsv", etext, strlen (etext), &eg, &ed);
  tap_ok (ed.errors == 5 && eg.count == 0, "glossary: five broken lines, no term (%zu)",
          ed.errors);
  for (size_t i = 0; i < ed.count && i < 3; i++)
    tap_ok (strstr (ed.items[i].message, "empty term") != NULL,
            "glossary: line %lu has an empty term: %s", ed.items[i].line,
            ed.items[i].message);
  tap_ok (ed.count > 3 && strstr (ed.items[3].message, "'甲' has an empty English") != NULL,
          "glossary: a term with a blank English field is said to lack it");
  tap_ok (ed.count > 4 && strstr (ed.items[4].message, "expected 2 to 6") != NULL,
          "glossary: a term with no second field still lacks fields");
  glossary_free (&eg);
  diags_free (&ed);

  /* A term met again after many others is still a duplicate (found by
     hashing), and a table that grows keeps every earlier term.  */
  struct buf gb = { 0 };
  buf_adds (&gb, "casebook-glossary\t1\n");
  for (int i = 0; i < 5000; i++)
    buf_printf (&gb, "术语%d\tterm %d\n", i, i);
  buf_adds (&gb, "术语17\tagain\n术语4999\tagain\n");
  struct glossary bg = { 0 };
  struct diags bgd = { 0 };
  content_parse_glossary ("big.tsv", gb.data, gb.len, &bg, &bgd);
  tap_ok (bg.count == 5000 && bgd.errors == 2 && bgd.items[0].line == 5002
          && bgd.items[1].line == 5003,
          "glossary: 5000 terms, the two repeated ones reported (%zu, %zu)",
          bg.count, bgd.errors);
  glossary_free (&bg);
  diags_free (&bgd);
  buf_free (&gb);

  /* strmap: lookups across growth, replacement.  */
  struct strmap sm = { 0 };
  char keys[3000][8];
  for (int i = 0; i < 3000; i++)
    {
      snprintf (keys[i], sizeof keys[i], "k%d", i);
      strmap_put (&sm, keys[i], (size_t) i);
    }
  strmap_put (&sm, keys[5], 77);
  size_t *v0 = strmap_get (&sm, "k0"), *v5 = strmap_get (&sm, "k5"),
    *v2999 = strmap_get (&sm, "k2999");
  tap_ok (sm.count == 3000 && v0 && *v0 == 0 && v5 && *v5 == 77 && v2999
          && *v2999 == 2999 && strmap_get (&sm, "k3000") == NULL,
          "strmap: 3000 keys found after growth, one replaced, one absent");
  strmap_free (&sm);
  /* Synonym columns: optional, after the variants; a glossary of four
     columns reads as before.  */
  struct glossary sg = { 0 };
  struct diags sd = { 0 };
  const char *stext = "casebook-glossary\t1\n"
    "最高人民检察院\tSupreme People's Procuratorate\t最高检\tSupreme Court\t高检\tSPP\n"
    "检察院\tprocuratorate\t本院\n"
    "甲\talpha\t\t\t\t\t\n";
  content_parse_glossary ("s.tsv", stext, strlen (stext), &sg, &sd);
  tap_ok (sd.errors == 1 && sd.items[0].line == 4, "glossary: a seventh column is an error");
  tap_ok (sg.count == 2 && sg.entries[0].nsynonyms[LANG_EN] == 1
          && strcmp (sg.entries[0].synonyms[LANG_EN][0], "SPP") == 0
          && sg.entries[0].nsynonyms[LANG_ZH] == 1
          && strcmp (sg.entries[0].synonyms[LANG_ZH][0], "高检") == 0,
          "glossary: synonyms in columns 5 and 6");
  tap_ok (sg.count == 2 && sg.entries[0].nvariants[LANG_EN] == 1
          && sg.entries[1].nsynonyms[LANG_ZH] == 0 && sg.entries[1].synonyms[LANG_EN] == NULL,
          "glossary: variants unchanged, no synonyms when the columns are absent");
  glossary_free (&sg);
  diags_free (&sd);

  /* Keyword splitting.  */
  char **items;
  size_t n = content_split_keywords (" a  | b b |  | c ", &items);
  tap_ok (n == 3 && strcmp (items[1], "b b") == 0, "keyword split trims and drops empties");
  strv_free (items, n);
  n = content_split_keywords ("巡回检察｜甲乙 | 减假暂", &items);
  tap_ok (n == 3 && strcmp (items[1], "甲乙") == 0,
          "the full-width bar separates keywords too (as folding makes it '|')");
  strv_free (items, n);
  return tap_done ();
}
