/* fuzz-query.c -- libFuzzer target for the query language: the input (its
   first byte chooses --exact and --regex) is parsed as a query and, when
   it parses, its regexes run over a small bilingual document with a
   glossary.  Every match must lie inside its text, on character
   boundaries, in order.  Its numbers in words are read as digits
   (numerals.h), which must be read whole and in order.  (The engine's
   matching of words is fuzz-analyze's.)  */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "content.h"
#include "numerals.h"
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

/* Every text of the document, for the regexes.  */
static int
run_regexes (void *ctx, const struct doc_unit *u)
{
  const struct query *q = ctx;
  for (int l = 0; l < LANG_COUNT; l++)
    {
      const struct text *t = bitext_get (u->text, (enum lang) l);
      if (t == NULL)
        continue;
      for (size_t i = 0; i < q->nterms; i++)
        {
          if (q->terms[i].kind != TERM_REGEX)
            continue;
          struct search_span *spans = NULL;
          size_t n = 0, alloc = 0;
          char *error = NULL;
          long r = search_regex_spans (&q->terms[i], t->str, t->len, NULL, 0,
                                       0, &spans, &n, &alloc, &error, NULL);
          if (r < 0 && error == NULL)
            abort ();
          for (size_t k = 0; r >= 0 && k < n; k++)
            {
              size_t s = spans[k].start, e = spans[k].end;
              if (s > e || e > t->len
                  || u8_check ((const uint8_t *) t->str + s, e - s) != NULL
                  || (s < t->len && (t->str[s] & 0xc0) == 0x80)
                  || (e < t->len && (t->str[e] & 0xc0) == 0x80)
                  || (k > 0 && spans[k - 1].end > s))
                abort ();
            }
          free (spans);
          free (error);
        }
    }
  return 0;
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
  /* Numbers read from words (as engine_compile asks of valid UTF-8):
     the result is UTF-8, and each number read is words of the text,
     in order, that became digits the result holds.  */
  if (u8_check ((const uint8_t *) text, strlen (text)) == NULL)
    {
      struct numeral *nv;
      size_t nn;
      char *digits = numerals_to_digits (text, &nv, &nn);
      if ((digits == NULL) != (nn == 0)
          || (digits && u8_check ((const uint8_t *) digits,
                                  strlen (digits)) != NULL))
        abort ();
      const char *at = text, *in = digits;
      for (size_t i = 0; i < nn; i++)
        {
          at = strstr (at, nv[i].words);
          in = in ? strstr (in, nv[i].digits) : NULL;
          if (at == NULL || in == NULL || nv[i].digits[0] == '\0'
              || strncmp (nv[i].digits, nv[i].number,
                          strlen (nv[i].number)) != 0)
            abort ();
          at += strlen (nv[i].words);
          in += strlen (nv[i].digits);
        }
      numerals_free (nv, nn);
      free (digits);
    }
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
  /* Words and phrases are the engine's to match (fuzz-analyze);
     regexes run here on every text of the document.  */
  for (size_t i = 0; i < q->nterms; i++)
    if (q->terms[i].kind == TERM_WORDS
        && (q->terms[i].nalts == 0 || q->terms[i].alts[0][0] == '\0'))
      abort ();
  document_walk (&doc, run_regexes, q);
  query_free (q);
  free (text);
  return 0;
}
