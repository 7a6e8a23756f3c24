/* fuzz-query.c -- libFuzzer target for the query language: the input (its
   first byte chooses --exact and --regex) is parsed as a query and, when
   it parses, searched for in a small bilingual document with a glossary.
   Every hit must lie inside its text, on character boundaries.  */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "content.h"
#include "query.h"
#include "search.h"
#include "util.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char document_text[] =
  "casebook-format: 1\n"
  "number: 1\n"
  "title.zh: 广西检察机关深化巡回检察\n"
  "title.en.tr: Guangxi procuratorial organs deepen circuit inspection\n"
  "region.zh: 廣西\n"
  "\n"
  "section.zh: 【关键词】\n"
  "section.en.tr: 【Key words】\n"
  "\n"
  "keywords.zh: 巡回检察 | 减假暂 | 邻近院\n"
  "keywords.en.tr: circuit inspection | commutation, parole | adjacent court\n"
  "\n"
  "heading.zh: （一）优化“案-件比”\n"
  "heading.en.tr: (1) Optimizing the \"case-to-proceeding\" ratio\n"
  "\n"
  "zh: 2019年以来，广西检察机关开展监狱巡回检察39次。ＡＢＣ ｆｕｌｌ　width\n"
  "en.tr: Since 2019, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa circuit INSPECTIONS\n"
  "\n"
  "en: Café naïve e\xcc\x81\xcc\x81 ﬁne Straße ǅ İstanbul \xe2\x80\xae\xe2\x80\x8b x|x\n"
  "\n"
  "zh: 巡迴檢察　與　減刑、假釋、暫予監外執行\n";

static const char glossary_text[] =
  "casebook-glossary\t1\n"
  "巡回检察\tcircuit inspection\t巡回檢察\tcircuit inspections | roving inspection\n"
  "减假暂\tcommutation, parole and temporary execution outside prison\n"
  "邻近院\tadjacent court\t\tAdjacent hospital\n";

static struct document doc;
static struct collection coll;
static struct library lib;

static void
setup (void)
{
  static int done;
  if (done)
    return;
  done = 1;
  struct diags d = { 0 };
  if (content_parse_document ("fuzz.cb", document_text,
                              sizeof document_text - 1, &doc, &d) != 0
      || content_parse_glossary ("glossary.tsv", glossary_text,
                                 sizeof glossary_text - 1,
                                 &lib.glossary, &d) != 0)
    abort ();
  diags_free (&d);
  coll.id = (char *) "fuzz";
  coll.docs = &doc;
  coll.ndocs = 1;
  doc.collection = &coll;
  lib.colls = &coll;
  lib.ncolls = 1;
}

static void
check_hits (const struct doc_result *r)
{
  for (size_t i = 0; i < r->nhits; i++)
    {
      const struct hit *h = &r->hits[i];
      const struct text *t = search_hit_text (r->doc, h);
      if (t == NULL || h->start > h->end || h->end > t->len
          || u8_check ((const uint8_t *) t->str + h->start,
                       h->end - h->start) != NULL
          || (h->start < t->len && (t->str[h->start] & 0xc0) == 0x80)
          || (h->end < t->len && (t->str[h->end] & 0xc0) == 0x80))
        abort ();
      if (i > 0 && h[-1].part == h->part && h[-1].section == h->section
          && h[-1].block == h->block && h[-1].lang == h->lang
          && h[-1].end > h->start)
        abort ();               /* hits overlap */
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  setup ();
  if (size == 0)
    return 0;
  struct query_options opt = {
    .exact = data[0] & 1,
    .regex = (data[0] & 6) == 6,
    .glossary = (data[0] & 8) ? NULL : &lib.glossary,
  };
  /* A query is a C string: stop at the first NUL.  */
  char *text = xstrndup ((const char *) data + 1, size - 1);
  struct query_error err;
  struct query *q = query_parse (text, &opt, &err);
  if (q == NULL)
    {
      if (err.message == NULL || err.message[0] == '\0'
          || err.offset > strlen (text))
        abort ();
      free (err.message);
      free (text);
      return 0;
    }
  if (err.message != NULL)
    abort ();
  struct doc_result r;
  char *error = NULL;
  int m = search_document (q, &doc, &r, &error);
  if (m < 0)
    {
      if (error == NULL)
        abort ();
      free (error);
    }
  else
    {
      check_hits (&r);
      search_doc_result_free (&r);
    }
  struct search_results res;
  error = NULL;
  if (search_library (q, &lib, &res, &error) == 0)
    {
      if (res.ndocs > 1 || (res.ndocs == 1) != (m == 1))
        abort ();
      for (size_t i = 0; i < res.ndocs; i++)
        check_hits (&res.docs[i]);
      search_results_free (&res);
    }
  else
    free (error);
  query_free (q);
  free (text);
  return 0;
}
