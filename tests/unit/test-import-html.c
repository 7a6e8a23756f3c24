/* test-import-html.c -- importing saved release pages (tests/data/html/):
   every paragraph of the article kept and in order, nothing from
   navigation, scripts or styles, the encodings (GBK, declared wrongly),
   a truncated page, a page with no article, the lines of what could not
   be placed, and a page of 50 MB.  */

#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content.h"
#include "import.h"
#include "import_html.h"
#include "tap.h"

struct imported
{
  int rc;
  char *cause;
  struct import_result res;
  struct diags diags;
  struct buf texts;             /* every text, one a line, in order */
  size_t load_errors;
};

static void
add_text (struct buf *b, const struct bitext *bt)
{
  for (int l = 0; l < LANG_COUNT; l++)
    if (bt->side[l].origin != ORIGIN_NONE)
      {
        buf_add (b, bt->side[l].str, bt->side[l].len);
        buf_addc (b, '\n');
      }
}

static void
import_data (const char *path, const char *data, size_t len,
             struct imported *im)
{
  memset (im, 0, sizeof *im);
  im->rc = import_html (path, data, len, &im->res, &im->diags, &im->cause);
  buf_adds (&im->texts, "");
  for (size_t i = 1; i < im->res.nfiles; i++)
    {
      const char *t = im->res.files[i].text;
      struct diags pd = { 0 };
      struct document doc;
      if (content_parse_document (im->res.files[i].name, t, strlen (t), &doc,
                                  &pd) != 0)
        im->load_errors++;
      add_text (&im->texts, &doc.title);
      for (size_t s = 0; s < doc.nsections; s++)
        {
          add_text (&im->texts, &doc.sections[s].title);
          for (size_t k = 0; k < doc.sections[s].nblocks; k++)
            add_text (&im->texts, &doc.sections[s].blocks[k].text);
        }
      document_free (&doc);
      diags_free (&pd);
    }
}

static void
import_fixture (const char *name, struct imported *im)
{
  char *path = xasprintf ("%s/tests/data/html/%s", ABS_SRCDIR, name);
  size_t len = 0;
  char *data = util_read_file (path, &len);
  if (data == NULL)
    {
      memset (im, 0, sizeof *im);
      im->rc = -2;
      buf_adds (&im->texts, "");
    }
  else
    import_data (name, data, len, im);
  free (data);
  free (path);
}

static void
imported_free (struct imported *im)
{
  free (im->cause);
  import_free (&im->res);
  diags_free (&im->diags);
  buf_free (&im->texts);
}

static int
has_diag (const struct imported *im, unsigned long line, const char *text)
{
  for (size_t i = 0; i < im->diags.count; i++)
    if ((line == 0 || im->diags.items[i].line == line)
        && strstr (im->diags.items[i].message, text))
      return 1;
  return 0;
}

static const char *
collection_file (const struct imported *im)
{
  return im->res.nfiles ? im->res.files[0].text : "";
}

static const char *const table_texts =
  "某省检察机关发布第一批公益诉讼典型案例\n"
  "为充分发挥典型案例的示范引领作用，某省人民检察院编写了第一批公益诉讼典型案例，现予发布。\n"
  "某县人民检察院督促整治河道非法采砂行政公益诉讼案\n"
  "【关键词】\n"
  "行政公益诉讼\n非法采砂\n河道保护\n"
  "【基本案情】\n"
  "2021年以来，某县境内河道多处存在非法采砂行为，破坏河床结构，危及堤防安全。\n"
  "检察机关在履职中发现该线索后，依法立案调查。\n"
  "【典型意义】\n"
  "本案中，检察机关通过诉前检察建议推动多部门协同治理，取得良好效果。\n"
  "某市人民检察院督促保护古树名木行政公益诉讼案\n"
  "【关键词】\n"
  "古树名木\n文化遗产\n"
  "【基本案情】\n"
  "某市城区有百年以上古树十余株，部分因施工受损，相关报道引起关注。\n"
  "【典型意义】\n"
  "古树名木是不可再生的资源，检察机关以公益诉讼守护城市记忆。\n";

static const char *const div_texts =
  "某市检察机关刑事执行检察典型案例\n"
  "近年来，某市检察机关依法履行刑事执行检察职责，现发布一批典型案例。\n"
  "某监狱罪犯违规减刑监督案\n"
  "【关键词】\n"
  "巡回检察\n减刑监督\n财产性判项\n"
  "【基本案情】\n"
  "罪犯张某因犯诈骗罪被判处有期徒刑十年，并处罚金。服刑期间，张某未履行财产性判项即被报请减刑。\n"
  "检察机关在巡回检察中发现该问题，依法提出纠正意见。\n"
  "【典型意义】\n"
  "财产性判项履行情况是减刑的重要考量因素，检察机关应当加强监督。\n"
  "某看守所在押人员 就医保障监督案\n"
  "【关键词】\n"
  "羁押必要性\n就医保障\n"
  "【检察履职情况】\n"
  "在押人员李某患有严重疾病，检察机关审查后建议变更强制措施。\n";

/* Keywords come back one an item: the flattening adds them by list.  */
static void
add_keywords (struct imported *im)
{
  struct buf b = { 0 };
  for (size_t i = 1; i < im->res.nfiles; i++)
    {
      const char *t = im->res.files[i].text;
      struct diags pd = { 0 };
      struct document doc;
      content_parse_document ("x.cb", t, strlen (t), &doc, &pd);
      add_text (&b, &doc.title);
      for (size_t s = 0; s < doc.nsections; s++)
        {
          add_text (&b, &doc.sections[s].title);
          if (s == 0 && doc.sections[s].nblocks == 0)
            continue;
          for (size_t k = 0; k < doc.sections[s].nblocks; k++)
            {
              const struct block *bl = &doc.sections[s].blocks[k];
              if (bl->kind == BLOCK_KEYWORDS)
                for (size_t w = 0; w < doc.keywords.count[LANG_ZH]; w++)
                  {
                    buf_adds (&b, doc.keywords.items[LANG_ZH][w]);
                    buf_addc (&b, '\n');
                  }
              else
                add_text (&b, &bl->text);
            }
        }
      document_free (&doc);
      diags_free (&pd);
    }
  buf_free (&im->texts);
  im->texts = b;
  if (im->texts.data == NULL)
    buf_adds (&im->texts, "");
}

static const char *const junk[] = {
  "首页", "脚本", "案例99", "版权所有", "分享到", "相关阅读", "案例三",
  "检察长寄语", "当前位置", "通知公告", "tracker", "font-size", "Copyright",
  NULL
};

static void
no_junk (const struct imported *im, const char *name)
{
  const char *found = NULL;
  for (size_t i = 0; junk[i] && !found; i++)
    if (strstr (im->texts.data, junk[i]))
      found = junk[i];
  tap_ok (found == NULL, "%s: nothing from navigation, scripts, styles or "
          "footers (found %s)", name, found ? found : "none");
}

static void
test_fixtures (void)
{
  struct imported t, d, g, w, tr, n, s;

  import_fixture ("table-br.html", &t);
  tap_ok (t.rc == 0, "table layout with <br> paragraphs imports (%d)", t.rc);
  tap_ok (t.res.documents == 3 && t.load_errors == 0,
          "an overview and two cases, all loading (%zu, %zu errors)",
          t.res.documents, t.load_errors);
  add_keywords (&t);
  tap_is (t.texts.data, table_texts, "table layout: every paragraph, in order");
  no_junk (&t, "table layout");
  tap_ok (strstr (collection_file (&t), "title.zh: 某省检察机关发布第一批公益诉讼典型案例\n")
          != NULL, "the heading is the collection's title");
  tap_ok (strstr (collection_file (&t), "date: 2023-05-16\n") != NULL,
          "the publication date in the page becomes the collection's date");
  tap_ok (has_diag (&t, 24, "outside the article"),
          "text outside the article is reported at its line (table-br.html:24)");

  import_fixture ("div-p.html", &d);
  tap_ok (d.rc == 0 && d.res.documents == 3 && d.load_errors == 0,
          "a <div> article of <p>s imports: three documents (%zu)",
          d.res.documents);
  add_keywords (&d);
  tap_is (d.texts.data, div_texts, "div layout: every paragraph in order; "
          "full-width indents gone; a marker and its text on one line split");
  no_junk (&d, "div layout");
  tap_ok (strstr (collection_file (&d), "date: 2023-08-02\n") != NULL,
          "the date from <meta name=PubDate>");
  tap_ok (has_diag (&d, 31, "unknown section marker"),
          "what the text importer cannot place is reported at the HTML line "
          "(div-p.html:31)");
  tap_ok (strstr (d.res.files[2].text, "# marker: 案例一\n") != NULL,
          "案例一 (a Chinese numeral) starts case 1");

  import_fixture ("gbk.html", &g);
  add_keywords (&g);
  tap_ok (g.rc == 0, "a GB2312-declared GBK page imports");
  tap_is (g.texts.data, d.texts.data, "GBK: the same text as the UTF-8 page");
  tap_ok (!has_diag (&g, 0, "decode"), "with no decoding warning");

  import_fixture ("wrong-declared.html", &w);
  add_keywords (&w);
  tap_ok (w.rc == 0 && has_diag (&w, 4, "declares the encoding 'gbk' but is UTF-8"),
          "a UTF-8 page declaring GBK reads as UTF-8, with a warning at line 4");
  tap_is (w.texts.data, d.texts.data, "declared wrongly: the same text");

  import_fixture ("truncated.html", &tr);
  add_keywords (&tr);
  tap_ok (tr.rc == 0 && has_diag (&tr, 51, "cut short"),
          "a truncated page imports, warning at its last line");
  const char *cut = strstr (table_texts, "某市城区有百年");
  size_t prefix = cut ? (size_t) (cut - table_texts) + strlen ("某市城区有百年") : 0;
  tap_ok (strlen (tr.texts.data) == prefix + 1
          && strncmp (tr.texts.data, table_texts, prefix) == 0,
          "the truncated page keeps the text up to the cut");

  import_fixture ("no-article.html", &n);
  tap_ok (n.rc == -1 && n.cause && strstr (n.cause, "no article found")
          && n.res.nfiles == 0,
          "a page with no article is an error: %s", n.cause ? n.cause : "(none)");

  import_fixture ("split-cases.html", &s);
  tap_ok (s.rc == 0 && s.res.documents == 3,
          "an article of one block per case keeps every case (%zu)",
          s.res.documents);
  tap_ok (strstr (collection_file (&s), "date: 2024-01-09\n") != NULL,
          "a date written 2024/1/9");
  add_keywords (&s);
  no_junk (&s, "split cases");

  /* A day that never was is no date: the collection would not load.  */
  {
    char *path = xasprintf ("%s/tests/data/html/split-cases.html", ABS_SRCDIR);
    size_t len = 0;
    char *data = util_read_file (path, &len);
    const char *at = data ? strstr (data, "2024/1/9") : NULL;
    struct imported bad = { 0 };
    if (at)
      {
        struct buf page = { 0 };
        buf_add (&page, data, (size_t) (at - data));
        buf_adds (&page, "2023/2/30");
        buf_adds (&page, at + strlen ("2024/1/9"));
        import_data ("split-cases.html", page.data, page.len, &bad);
        buf_free (&page);
      }
    tap_ok (at && bad.rc == 0 && strstr (collection_file (&bad), "date:") == NULL,
            "a date written 2023/2/30 is not taken");
    if (at)
      imported_free (&bad);
    free (data);
    free (path);
  }

  imported_free (&t);
  imported_free (&d);
  imported_free (&g);
  imported_free (&w);
  imported_free (&tr);
  imported_free (&n);
  imported_free (&s);
}

static void
test_sniff (void)
{
  tap_ok (import_is_html ("x.HTM", "", 0), "a .htm name is HTML");
  const char *p = "\xef\xbb\xbf  <!-- saved -->\n<!DOCTYPE html><p>";
  tap_ok (import_is_html ("page", p, strlen (p)),
          "a doctype after a BOM and a comment is HTML");
  const char *t = "案例1\n<p>标题</p>\n";
  tap_ok (!import_is_html ("release.txt", t, strlen (t)),
          "a release text with a tag in it is not");
}

static void
test_hostile (void)
{
  /* Escaped markup is text; a NUL byte does not end the page.  */
  const char page[] = "<html><body><div><p>案例1</p><p>标题 &lt;script&gt; &amp; 其他</p>"
    "<p>正文\0第一段，这是一段足够长的正文。</p></div></body></html>";
  struct imported im;
  import_data ("x.html", page, sizeof page - 1, &im);
  tap_ok (im.rc == 0 && strstr (im.texts.data, "标题 <script> & 其他\n"),
          "entities decode to text");
  tap_ok (strstr (im.texts.data, "正文\xef\xbf\xbd第一段") != NULL
          && has_diag (&im, 1, "U+FFFD"), "a NUL byte becomes U+FFFD, with a warning");
  imported_free (&im);

  /* A case marker with its title on the same line.  */
  const char marked[] = "<html><body><div><p>案例一：某县检察院督促整治非法采砂案</p>"
    "<p>【基本案情】某县河道存在非法采砂。</p><p>Case 2. A title in English</p>"
    "<p>Body of the second case, long enough.</p><p>案例123456789 不是标记</p></div></body></html>";
  import_data ("marked.html", marked, sizeof marked - 1, &im);
  tap_is (im.texts.data, "某县检察院督促整治非法采砂案\n【基本案情】\n某县河道存在非法采砂。\n"
          "A title in English\nBody of the second case, long enough.\n"
          "案例123456789 不是标记\n",
          "案例一：TITLE and Case 2. TITLE on one line: a marker and a title");
  tap_ok (im.res.documents == 2, "two cases (%zu)", im.res.documents);
  imported_free (&im);

  /* Nesting far deeper than any stack.  */
  struct buf b = { 0 };
  buf_adds (&b, "<html><body>");
  for (int i = 0; i < 100000; i++)
    buf_adds (&b, "<div>");
  buf_adds (&b, "<p>一段深处的正文，足够长，足够被当作文章。</p>");
  import_data ("deep.html", b.data, b.len, &im);
  tap_ok (im.rc == 0 || im.rc == -1, "100,000 nested <div>s neither crash nor "
          "hang (%d)", im.rc);
  imported_free (&im);
  buf_free (&b);

  /* A page of 50 MB: 1,000 cases of 500 paragraphs.  */
  buf_adds (&b, "<html><head><meta charset=utf-8><title>大页面</title></head>"
            "<body><div class=nav><a href=/>首页</a></div><div>\n");
  size_t paras = 0;
  for (int c = 1; b.len < 50u << 20; c++)
    {
      buf_printf (&b, "<p>案例%d</p>\n<p>第%d个案例的标题</p>\n", c, c);
      for (int k = 0; k < 500; k++, paras++)
        buf_printf (&b, "<p>　　第%d个案例第%d段：检察机关依法履行法律监督职责，"
                    "推动问题整改。</p>\n", c, k);
    }
  buf_adds (&b, "</div></body></html>\n");
  clock_t t0 = clock ();
  import_data ("big.html", b.data, b.len, &im);
  double secs = (double) (clock () - t0) / CLOCKS_PER_SEC;
  tap_ok (im.rc == 0 && im.res.paragraphs == paras + im.res.documents,
          "a 50 MB page imports every paragraph (%zu of %zu) in %.1f s",
          im.res.paragraphs - im.res.documents, paras, secs);
  imported_free (&im);
  buf_free (&b);
}

/* Seconds to import N repeats of one case number (each moved up past
   every number so far).  */
static double
repeats_time (int n)
{
  struct buf b = { 0 };
  for (int i = 0; i < n; i++)
    buf_printf (&b, "案例1\n标题%d\n正文%d。\n", i, i);
  struct import_result res;
  struct diags d = { 0 };
  clock_t t0 = clock ();
  import_release ("r.txt", b.data, b.len, &res, &d);
  double secs = (double) (clock () - t0) / CLOCKS_PER_SEC;
  import_free (&res);
  diags_free (&d);
  buf_free (&b);
  return secs;
}

static void
test_scale (void)
{
  /* Once every case was checked against every earlier one, which made
     4n cases take 16 times n's.  The best of three of each, and a bound
     of 8: the import is linear (3.3-3.5 us a case from 10,000 to
     80,000, timed alone), but a sample taken while make -j2 runs other
     tests beside it has given 6.9 times.  */
  double t1 = repeats_time (20000), t4 = repeats_time (80000);
  for (int i = 0; i < 2; i++)
    {
      double a = repeats_time (20000), b = repeats_time (80000);
      t1 = a < t1 ? a : t1;
      t4 = b < t4 ? b : t4;
    }
  tap_ok (t4 < 8 * t1 + 0.05, "importing 4n cases takes less than 8 times n's "
          "(%.3f s for 20,000, %.3f s for 80,000)", t1, t4);
}

int
main (void)
{
  test_scale ();
  test_fixtures ();
  test_sniff ();
  test_hostile ();
  return tap_done ();
}
