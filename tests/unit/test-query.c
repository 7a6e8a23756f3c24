/* test-query.c -- the query language, matching across forms and
   languages, hit offsets, ranking and regex limits, on the small fixture
   collection tests/data/good.  */

#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content.h"
#include "norm.h"
#include "query.h"
#include "engine.h"
#include "search.h"
#include "tap.h"

static struct library *lib;
static struct engine *eng;

/* Run QUERY through the engine and return "doc:hits doc:hits" in rank
   order ("" if none, "error" on failure).  Caller frees.  */
static char *
run (const char *query, int exact, int regex)
{
  struct query_options qo = { .exact = exact, .regex = regex };
  struct query_error err;
  struct engine_query *q = engine_compile (eng, query, &qo, &err);
  if (q == NULL)
    {
      free (err.message);
      return xstrdup ("error");
    }
  struct engine_results res;
  char *error = NULL;
  struct buf b = { 0 };
  if (engine_search (eng, q, &res, &error) != 0)
    {
      free (error);
      engine_query_free (q);
      return xstrdup ("error");
    }
  for (size_t i = 0; i < res.ndocs; i++)
    buf_printf (&b, "%s%ld:%zu", i ? " " : "", res.docs[i].number,
                res.docs[i].hits);
  engine_results_free (&res);
  engine_query_free (q);
  return buf_steal (&b);
}

static void
finds (const char *query, const char *want, const char *what)
{
  char *got = run (query, 0, 0);
  tap_is (got, want, "%s: %s", what, query);
  free (got);
}

static void
parse_error (const char *query, const char *want_msg, size_t want_off)
{
  struct query_options qo = { .glossary = &lib->glossary };
  struct query_error err = { 0 };
  struct query *q = query_parse (query, &qo, &err);
  tap_ok (q == NULL && err.message && strstr (err.message, want_msg)
          && err.offset == want_off, "error for [%s]: %s at %zu (got %s at %zu)",
          query, want_msg, want_off, err.message ? err.message : "none", err.offset);
  query_free (q);
  free (err.message);
}

/* The original text of the first hit of QUERY in document DOC.  */
static char *
first_hit (const char *query, const char *doc)
{
  struct query_options qo = { 0 };
  struct query_error err;
  struct engine_query *q = engine_compile (eng, query, &qo, &err);
  struct engine_results res;
  char *error = NULL, *out = NULL;
  if (q && engine_search (eng, q, &res, &error) == 0)
    {
      for (size_t i = 0; i < res.ndocs && out == NULL; i++)
        {
          struct engine_hits h;
          if (res.docs[i].number != atol (doc)
              || engine_hits (eng, q, &res.docs[i], &h, &error) != 0)
            continue;
          if (h.n)
            out = xstrndup (h.hits[0].text + h.hits[0].start,
                            h.hits[0].end - h.hits[0].start);
          engine_hits_free (&h);
        }
      engine_results_free (&res);
    }
  free (error);
  engine_query_free (q);
  return out;
}

int
main (void)
{
  const char *top = getenv ("top_srcdir");
  char *dir = xasprintf ("%s/tests/data/good", top ? top : "..");
  struct diags d = { 0 };
  lib = content_load (dir, &d);
  tap_ok (d.errors == 0, "fixture loads");
  struct engine_options eo = { .content_dir = dir, .in_memory = 1 };
  char *note = NULL, *cause = NULL;
  eng = engine_open (&eo, &d, &note, &cause);
  tap_ok (eng != NULL, "an engine over the fixture");
  free (note);
  free (cause);

  finds ("巡回检察", "1:8", "Chinese term, and its English rendering");
  char *exact = run ("巡回检察", 1, 0);
  tap_is (exact, "1:4", "--exact matches only the Chinese");
  free (exact);
  finds ("circuit inspection", "1:8", "English words across languages");
  finds ("\"circuit inspection\"", "1:8", "a phrase");
  finds ("inspect", "1:4", "an English prefix matches");
  finds ("spect", "", "but not inside a word");
  finds ("HULUNBUIR", "2:2", "any case");
  finds ("（一）", "2:2 1:4", "punctuation is not searched: （一） is 一");
  finds ("案-件比", "1:2", "a hyphenated Chinese term");
  finds ("adjacent courts", "2:5", "release variant finds every rendering");
  finds ("邻近院", "2:5", "Chinese finds the garbled English");
  finds ("integration -hulunbuir", "", "exclusion removes the document");
  finds ("tag:巡回检察", "1:1", "tag: restricts to a keyword");
  finds ("tag:邻近院 14", "2:3", "tag: with a term");
  finds ("lang:en 巡回检察", "1:4", "lang:en looks at English only");
  finds ("lang:zh \"circuit inspection\"", "1:4", "lang:zh with an English query finds Chinese via the glossary");
  finds ("/\\d{3},\\d{3}/", "2:1", "a regex");
  finds ("/Inspection/", "", "an upper-case regex is case-sensitive");
  finds ("/inspection/", "1:4", "a lower-case regex is caseless");
  /* The letter of an escape or a name is syntax, not a letter to
     match: the text's "Hulunbuir" is found.  */
  finds ("/\\bhulunbuir\\S*/", "2:2", "\\S, \\B and the like leave it caseless");
  finds ("/\\p{Latin}*hulunbuir/", "2:2", "so does a property's name");
  finds ("/hulu\\x{4E}buir/", "2:2", "and a hex escape's digits");
  finds ("/hulu\\x4Ebuir/", "2:2", "braces or none");
  finds ("/(?<Name>hulunbuir)\\k<Name>?/", "2:2", "and a group's name");
  finds ("/\\QHULUNBUIR\\E/", "", "a capital quoted with \\Q is a letter to match");
  finds ("39 prisons", "1:4", "a document with every word");
  finds ("39 alpacas", "1:2", "or with some of them");
  finds ("nothing-like-this", "", "no match");
#if HAVE_OPENCC
  if (norm_has_opencc ())
    finds ("巡迴檢察", "1:8", "traditional query finds simplified text");
  else
    tap_ok (1, "# SKIP OpenCC data missing");
#else
  tap_ok (1, "# SKIP built without OpenCC");
#endif

  char *h = first_hit ("ＨＵＬＵＮＢＵＩＲ", "2");
  tap_is (h, "Hulunbuir", "a hit maps back to the original text");
  free (h);
  h = first_hit ("ＣＩＲＣＵＩＴ", "1");
  tap_is (h, "circuit", "a full-width query highlights the ASCII original");
  free (h);

  /* Ranking: a title hit outweighs a body hit.  */
  finds ("cases", "0:2 2:2 1:3", "ranking puts the document with a title hit first");

  parse_error ("\"open", "unterminated quotation mark", 0);
  parse_error ("a tag:", "'tag:' needs a keyword", 2);
  /* A value that folds to nothing is none: a zero-width space, or a
     soft hyphen, filtered nothing and kept every document.  */
  parse_error ("a region:\xe2\x80\x8b", "'region:' needs a value", 2);
  parse_error ("a tag:\xe2\x80\x8b", "'tag:' needs a keyword", 2);
  parse_error ("a lang:\xc2\xad", "'lang:' needs 'zh' or 'en'", 2);
  parse_error ("lang:fr", "'lang:' takes 'zh' or 'en'", 0);
  parse_error ("x /a(b/", "invalid regular expression", 6);
  parse_error ("x /abc", "unterminated /regex/", 2);
  parse_error ("x //", "empty /regex/", 2);
  /* Letters right after a regex are flags as other tools write them.  */
  parse_error ("/ab/gi x", "'gi' after a /regex/: it takes no flags", 4);
  parse_error ("", "empty query", 0);
  parse_error ("   ", "empty query", 0);
  parse_error ("-only", "at least one term", 0);
  /* Punctuation alone, ASCII or Chinese, quoted or not, is refused
     alike, with a regex that finds it.  */
  parse_error ("&", "punctuation alone is not searched: a regex finds it, as /&/", 0);
  parse_error ("\"&\"", "as /&/", 0);
  parse_error ("*", "as /\\*/", 0);
  parse_error ("\xe3\x80\x82\xef\xbc\x8c", "as /\xe3\x80\x82/", 0);
  parse_error ("& -x", "punctuation alone", 0);
  /* A picture is said to be one, and the regex offered is all of it as
     drawn: half a flag, or one person of a family, would find half.  */
  parse_error ("\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3",
               "a picture is no word and is not searched: a regex finds it, "
               "as /\xf0\x9f\x87\xa8\xf0\x9f\x87\xb3/", 0);
  parse_error ("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9",
               "as /\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9/", 0);
  parse_error ("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd",
               "as /\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd/", 0);
  parse_error ("-&", "at least one term", 0);
  /* lang: alone is no punctuation (its first letter was offered as a
     regex): it says what it lacks.  With punctuation, that is said.  */
  parse_error ("lang:zh", "lang: says which language to search: give words "
               "to find in it", 0);
  parse_error ("-lang:en", "give words to find in it", 0);
  parse_error ("lang:zh lang:en", "give words to find in it", 0);
  parse_error ("lang:zh &", "as /&/", 0);
  parse_error ("bad\xff", "not valid UTF-8", 3);

  /* A catastrophic pattern ends with an error, quickly.  */
  struct query_options qo = { .regex = 1 };
  struct query_error err;
  struct query *q = query_parse ("(a+)+$", &qo, &err);
  char *longtext = xmalloc (50002);
  memset (longtext, 'a', 50000);
  strcpy (longtext + 50000, "!");
  struct search_span *spans = NULL;
  size_t nspans = 0, alloc = 0;
  char *error = NULL;
  clock_t t0 = clock ();
  long rc = search_regex_spans (&q->terms[0], longtext, 50001, NULL, 0, 0,
                                &spans, &nspans, &alloc, &error, NULL);
  double secs = (double) (clock () - t0) / CLOCKS_PER_SEC;
  free (spans);
  tap_ok (rc == -1 && error && strstr (error, "limit"), "(a+)+$ stops at a limit: %s",
          error ? error : "no error");
  tap_ok (secs < 5.0, "and stops promptly");
  free (error);
  free (longtext);
  query_free (q);

  /* The literals that select the texts a regex can match: every match
     holds one of them, or there are none.  */
  static const char *const literal_cases[][2] = {
    { "检察[官长]", "检察官|检察长" },
    { "检察(官|长)", "检察官|检察长" },
    { "(?:巡回|派驻)检察", "巡回检察|派驻检察" },
    { "巡回检察|法院", "巡回检察|法院" },
    { "(检察|审判)(官|员)", "检察官|检察员|审判官|审判员" },
    { "^【检察", "【检察" },
    { "检察[官长]?", "检察" },
    { "检察[官长]+工作", "检察官|检察长" },
    { "检察.院", "检察" },
    { "[检監]察", "检察|監察" },
    { "检察|.", "" },
    { "检察|(?!)", "" },
    { "检察[^官]", "检察" },
    { "[官长]检察", "官检察|长检察" },
    { "(?=检)检察", "" },
    { "a[bc]", "" },                 /* letters have case */
    { "x?检察", "" },
    { "[a-z]检察", "" },
    { "检察[\\-、]", "检察-|检察、" },
    { "检察[.]", "检察" },            /* a dot in a class: not followed */
    { "(检察|审判", "" },
    /* "[:x]" with a ']' inside is no POSIX class: its '[' is a member,
       and the second alternative is 审判:]官]院.  */
    { "(检察[[:x]|审判:]官])院", "检察|审判:" },
    { "[[:alpha:]检]察", "" },
    { "[[:alpha:]]", "" },
    /* \E, \Q\E and a comment are nothing: a quantifier after them is
       the character's before them.  */
    { "检察\\E?官", "检" },
    { "检察\\Q\\E{0}官员", "检" },
    { "检察官(?#x)*员", "检察" },
  };
  for (size_t i = 0; i < sizeof literal_cases / sizeof *literal_cases; i++)
    {
      size_t n;
      const char *pat = literal_cases[i][0];
      char **v = query_regex_literals (pat, strlen (pat), &n, NULL);
      struct buf b = { 0 };
      for (size_t k = 0; k < n; k++)
        {
          if (k)
            buf_addc (&b, '|');
          buf_adds (&b, v[k]);
        }
      tap_is (b.data ? b.data : "", literal_cases[i][1], "literals of /%s/",
              pat);
      buf_free (&b);
      strv_free (v, n);
    }

  /* Whether the texts are all that a regex matches: then, where
     folding changes nothing, a regex's matches are its texts' places.  */
  static const struct { const char *pat; int whole; } whole_cases[] = {
    { "检察[官长]", 1 }, { "检察(官|长)", 1 }, { "(?:巡回|派驻)检察", 1 },
    { "巡回检察|法院", 1 }, { "检察官", 1 }, { "^检察官", 0 },
    { "检察[^官]", 0 }, { "检察[官长]?", 0 }, { "检察[官长]+", 0 },
    { "检察官{2}", 0 }, { "检察.院", 0 }, { "(?i)检察官", 0 },
    { "检察\\E?官", 0 }, { "检察官\\b", 0 }, { "(?=检)检察官", 0 },
    { "检察官|", 0 },
  };
  for (size_t i = 0; i < sizeof whole_cases / sizeof *whole_cases; i++)
    {
      size_t n;
      int whole = -1;
      const char *pat = whole_cases[i].pat;
      char **v = query_regex_literals (pat, strlen (pat), &n, &whole);
      tap_ok (whole == whole_cases[i].whole, "/%s/: %s all it matches",
              pat, whole ? "its texts are" : "not only its texts are");
      strv_free (v, n);
    }

  /* Without literals to begin it, a regex's texts come from inside it:
     the runs of two ideographs or more that every match holds.  */
  static const char *const inner_cases[][2] = {
    { "/\\d+名检察官/", "名检察官" },
    { "/[0-9]{4}年/", "" },                 /* one ideograph: no token */
    { "/\\p{Han}+检察院/", "检察院" },
    { "/\\pL检察院/", "检察院" },
    { "/.{1,3}(检察|审判)官/", "检察官|审判官" },
    { "/\\d+(?:检察|审判)官/", "检察官|审判官" },
    { "/x?巡回检察/", "巡回检察" },
    { "/a{2}检察官/", "检察官" },
    { "/a{x检察官/", "检察官" },            /* {x is no quantifier */
    { "/\\d+检察[官长]?院/", "检察" },      /* an optional ends the run */
    { "/.{2}检察.{2}院/", "检察" },
    { "/.{2}检察(官|长.|员)/", "检察官|检察长|检察员" },
    { "/.检察官|法院/", "" },                /* two alternatives */
    { "/(?x) 检 察 官/", "" },              /* options: not followed */
    { "/\\Q检察\\E官/", "" },
    { "/(a)\\1检察官/", "" },               /* a backreference */
    { "/\\d检察官\\1|x/", "" },             /* and an alternative after it */
    { "/(?=检)检察/", "" },
    { "/\\d+巡回检察院/", "巡回检察院" },
    /* No POSIX class: "[[:x]" ends at the first ']', and '|' is at the
       top level.  */
    { "/[[:x]检察院:]|审判]官员/", "" },
    { "/.(检察[[:x]|审判:]官])院/", "" },
    { "/.[[:alpha:]]检察官/", "检察官" },
    { "/.[[:alpha:][:digit:]]检察官/", "检察官" },
  };
  for (size_t i = 0; i < sizeof inner_cases / sizeof *inner_cases; i++)
    {
      struct query_options iq = { 0 };
      struct query_error ierr = { 0 };
      struct query *rq = query_parse (inner_cases[i][0], &iq, &ierr);
      struct buf b = { 0 };
      for (size_t k = 0; rq && rq->nterms > 0 && k < rq->terms[0].nliterals;
           k++)
        {
          if (k)
            buf_addc (&b, '|');
          buf_adds (&b, rq->terms[0].literals[k]);
        }
      tap_is (b.data ? b.data : "", inner_cases[i][1], "texts of %s",
              inner_cases[i][0]);
      buf_free (&b);
      free (ierr.message);
      query_free (rq);
    }

  /* A hyphenated word is also the word written as one; numbers are
     not joined.  */
  const char *hyphen_cases[][2] = {
    { "zhang-jiagang", "zhang-jiagang|zhangjiagang" },
    { "Inner-Mongolia", "inner-mongolia|innermongolia" },
    { "covid-19", "covid-19" },
    { "3-5", "3-5" },
    { "a--b", "a--b" },
    { "\"zhang-jiagang\"", "zhang-jiagang" },
  };
  for (size_t i = 0; i < sizeof hyphen_cases / sizeof *hyphen_cases; i++)
    {
      struct query_options hq = { 0 };
      struct query_error herr = { 0 };
      struct query *hy = query_parse (hyphen_cases[i][0], &hq, &herr);
      struct buf b = { 0 };
      for (size_t k = 0; hy && hy->nterms && k < hy->terms[0].nalts; k++)
        {
          if (k)
            buf_addc (&b, '|');
          buf_adds (&b, hy->terms[0].alts[k]);
        }
      tap_is (b.data ? b.data : "", hyphen_cases[i][1], "renderings of %s",
              hyphen_cases[i][0]);
      buf_free (&b);
      query_free (hy);
      free (herr.message);
    }

  /* Each term knows where it is written, so that a correction replaces
     that word and not the first place its letters occur.  */
  {
    const char *text = "-xab ab tag:ef cd -gh \"ij\" /kl/ mn\xe3\x80\x80op";
    struct query_options po = { 0 };
    struct query_error perr = { 0 };
    struct query *pq = query_parse (text, &po, &perr);
    struct buf b = { 0 };
    for (size_t k = 0; pq && k < pq->nterms; k++)
      {
        const struct term *t = &pq->terms[k];
        buf_printf (&b, "%s%zu:%.*s", k ? " " : "", t->source_off,
                    (int) strlen (t->source), text + t->source_off);
      }
    tap_is (b.data ? b.data : "",
            "1:xab 5:ab 15:cd 19:gh 23:ij 28:kl 32:mn 37:op",
            "each term's place in the query");
    buf_free (&b);
    b = (struct buf) { 0 };
    for (size_t k = 0; pq && k + 1 < pq->nterms; k++)
      buf_addc (&b, query_terms_adjacent (text, &pq->terms[k],
                                          &pq->terms[k + 1]) ? '1' : '0');
    /* Only -xab ab and mn op: a field, an excluded, a quoted or a regex
       term between them, or at either end, is not a space.  */
    tap_is (b.data ? b.data : "", "1000001",
            "terms apart only by spaces are adjacent");
    buf_free (&b);
    query_free (pq);
    free (perr.message);
  }

  /* NOT and a word exclude it, in capitals only, before something to
     exclude; "not" is a word (a stop word), and NOT last is too.  */
  {
    static const struct { const char *q; size_t nterms; int negated; }
    nots[] = {
      { "a NOT b", 2, 1 },
      { "a NOT \"b c\"", 2, 1 },
      { "a not b", 3, 0 },
      { "a NOT", 2, 0 },
      { "a NOTb", 2, 0 },
      { "a NOT -b", 3, 1 },
    };
    for (size_t i = 0; i < sizeof nots / sizeof *nots; i++)
      {
        struct query_options no = { 0 };
        struct query_error nerr = { 0 };
        struct query *nq = query_parse (nots[i].q, &no, &nerr);
        tap_ok (nq && nq->nterms == nots[i].nterms
                && nq->terms[nq->nterms - 1].negated == nots[i].negated,
                "%s: %zu terms, the last %s", nots[i].q, nots[i].nterms,
                nots[i].negated ? "excluded" : "not excluded");
        query_free (nq);
        free (nerr.message);
      }
  }

  /* The syntax typed with a Chinese input method's full-width forms
     means what the ASCII does: － excludes, ： ends a field's name, ／
     delimits a regex (but a lone ／ is a character of the text).  */
  {
    const char *wide[][2] = {
      { "a \xef\xbc\x8d" "b", "1 negated" },
      { "tag\xef\xbc\x9a" "x y", "1 tag" },
      { "lang\xef\xbc\x9a\xef\xbd\x9a\xef\xbd\x88 y", "zh only" },
      { "year\xef\xbc\x9a\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x92 y",
        "year 2022" },
      { "collection\xef\xbc\x9a" "c y", "1 collection" },
      { "\xef\xbc\x8f" "a[bc]\xef\xbc\x8f", "regex a[bc] at 3" },
      { "/a[bc]\xef\xbc\x8f", "regex a[bc] at 1" },
      { "\xe6\x94\xb6\xef\xbc\x8f\xe4\xbb\x98", "words" },
      { "\xef\xbc\x8f" "ab", "words" },
      /* A field's name in either case, and in full-width letters: a
         phone's capital (Tag:), or an input method's full-width mode.  */
      { "Tag:x y", "1 tag" },
      { "LANG:zh y", "zh only" },
      { "Year:2022 y", "year 2022" },
      { "COLLECTION:c y", "1 collection" },
      { "\xef\xbd\x94\xef\xbd\x81\xef\xbd\x87\xef\xbc\x9a" "x y",
        "1 tag" },
      { "\xef\xbc\xac\xef\xbc\xa1\xef\xbc\xae\xef\xbc\xa7"
        "\xef\xbc\x9a\xef\xbd\x9a\xef\xbd\x88 y", "zh only" },
    };
    for (size_t i = 0; i < sizeof wide / sizeof *wide; i++)
      {
        struct query_options wo = { 0 };
        struct query_error werr = { 0 };
        struct query *wq = query_parse (wide[i][0], &wo, &werr);
        char got[64] = "error";
        if (wq && wq->nterms > 1 && wq->terms[1].negated)
          snprintf (got, sizeof got, "1 negated");
        else if (wq && wq->ntags == 1)
          snprintf (got, sizeof got, "1 tag");
        else if (wq && wq->lang_only == LANG_ZH)
          snprintf (got, sizeof got, "zh only");
        else if (wq && wq->year)
          snprintf (got, sizeof got, "year %d", wq->year);
        else if (wq && wq->ncollections == 1)
          snprintf (got, sizeof got, "1 collection");
        else if (wq && wq->nterms == 1 && wq->terms[0].kind == TERM_REGEX)
          snprintf (got, sizeof got, "regex %s at %zu", wq->terms[0].source,
                    wq->terms[0].source_off);
        else if (wq && wq->nterms == 1 && wq->terms[0].kind == TERM_WORDS)
          snprintf (got, sizeof got, "words");
        tap_is (got, wide[i][1], "full-width syntax: %s", wide[i][0]);
        query_free (wq);
        free (werr.message);
      }
  }

  /* How a query is cut into terms: Chinese punctuation beside an
     ideograph ends a term, as in text copied from a case; a phrase in
     ASCII quotation marks keeps the curly ones it holds.  */
  {
    static const char *const cut[][2] = {
      { "获评\u201c全国", "获评|全国" },
      { "巡回检察\uff08公益诉讼\uff09", "巡回检察|公益诉讼" },
      { "巡回检察\u300d\u300c公益诉讼", "巡回检察|公益诉讼" },
      { "\u300a检察日报\u300b", "\u300a检察日报" },
      { "阿卜杜\u00b7热合曼", "阿卜杜\u00b7热合曼" },
      { "people\u2019s court", "people\u2019s|court" },
      { "\"检察官\u201c权责双清单\u201d\"", "\"检察官\u201c权责双清单\u201d\"" },
      { "\u201c检察官\u201c权责\u201d\u201d", "\"检察官\u201c权责\u201d\"" },
      { "\u201c检察官\"权责\"\u201d", "\"检察官\"权责\"\"" },
      { "\"巡回检察\u201d 公益", "\"巡回检察\"|公益" },
      { "\"public interest\u201d \"integrated handling\"",
        "\"public interest\"|\"integrated handling\"" },
      { "\u201c巡回检察\" 公益", "\"巡回检察\"|公益" },
      { "x -巡回检察\uff08公益", "x|-巡回检察\uff08公益" },
    };
    for (size_t i = 0; i < sizeof cut / sizeof *cut; i++)
      {
        struct query_options co = { 0 };
        struct query_error cerr = { 0 };
        struct query *cq = query_parse (cut[i][0], &co, &cerr);
        struct buf b = { 0 };
        for (size_t k = 0; cq && k < cq->nterms; k++)
          buf_printf (&b, "%s%s%s%s%s", k ? "|" : "",
                      cq->terms[k].negated ? "-" : "",
                      cq->terms[k].quoted ? "\"" : "", cq->terms[k].source,
                      cq->terms[k].quoted ? "\"" : "");
        tap_is (b.data ? b.data : "error", cut[i][1], "terms of %s",
                cut[i][0]);
        buf_free (&b);
        query_free (cq);
        free (cerr.message);
      }
  }

  /* A case named alone, as the headings and citations name it.  */
  {
    static const struct { const char *text; long want; } refs[] = {
      { "case 6", 6 }, { "Case No. 6", 6 }, { "case #12", 12 },
      { "CASE6", 6 }, { "ｃａｓｅ　６", 6 }, { "案例六", 6 }, { "案例 6", 6 },
      { "案例第六", 6 }, { "典型案例八", 8 }, { "第六个案例", 6 },
      { "第6件案例", 6 }, { "第十二案", 12 }, { "第二十个典型案例", 20 },
      { "案例一百零五", 105 }, { "案例〇", 0 },
      { "case", -1 }, { "案例", -1 }, { "第六", -1 }, { "case 6 discipline", -1 },
      { "the case 6", -1 }, { "案例六 惩戒", -1 }, { "case six", -1 },
      { "第六个", -1 }, { "案例X", -1 },
      { "案例六六", -1 }, { "案例一二三", -1 }, { "案例十十", -1 },
      { "案例二二十", -1 }, { "案例百", -1 }, { "案例十百", -1 },
      { "案例一百一十", 110 }, { "案例九十九", 99 },
    };
    for (size_t i = 0; i < sizeof refs / sizeof *refs; i++)
      {
        long got = query_case_reference (refs[i].text);
        tap_ok (got == refs[i].want, "case reference '%s': %ld (want %ld)",
                refs[i].text, got, refs[i].want);
      }
    struct query_options ro = { 0 };
    struct query_error rerr;
    struct query *rq = query_parse ("案例六", &ro, &rerr);
    tap_ok (rq && rq->doc == 6 && rq->nterms == 0,
            "案例六 parses as case:6, with no words");
    query_free (rq);
  }

  /* The glossary's forms folded once and looked up (as the engine
     does) give every term the renderings that folding each form as the
     query is parsed gives: over the shipped glossary, each form typed
     as it is, in capitals, and with a slip.  */
  {
    char *gpath = xasprintf ("%s/content/glossary.tsv", top ? top : "..");
    struct glossary g = { 0 };
    struct diags gd = { 0 };
    int read = content_read_glossary (gpath, &g, &gd);
    size_t nfolds;
    struct gloss_key *folds = query_glossary_folds (&g, &nfolds);
    size_t tried = 0, differ = 0, expanded = 0;
    for (size_t i = 0; i < g.count; i++)
      for (int l = 0; l < LANG_COUNT; l++)
        for (size_t v = 0; v < 1 + g.entries[i].nvariants[l]; v++)
          {
            const char *form = v ? g.entries[i].variants[l][v - 1]
              : g.entries[i].term[l];
            char *typed[3] = { xasprintf ("\"%s\"", form),
                               xasprintf ("\"%s\"", form),
                               xasprintf ("%sx", form) };
            for (char *c = typed[1]; *c; c++)
              if (*c >= 'a' && *c <= 'z')
                *c = (char) (*c - 32);
            for (int k = 0; k < 3; k++)
              {
                struct query_options slow = { .glossary = &g };
                struct query_options fast = { .glossary = &g,
                                              .folds = folds,
                                              .nfolds = nfolds };
                struct query_error e1 = { 0 }, e2 = { 0 };
                struct query *a = query_parse (typed[k], &slow, &e1);
                struct query *b = query_parse (typed[k], &fast, &e2);
                tried++;
                int same = (a == NULL) == (b == NULL)
                  && (a == NULL || a->nterms == b->nterms);
                for (size_t t = 0; same && a && t < a->nterms; t++)
                  {
                    same = a->terms[t].nalts == b->terms[t].nalts;
                    expanded += a->terms[t].nalts > 1;
                    for (size_t x = 0; same && x < a->terms[t].nalts; x++)
                      same = strcmp (a->terms[t].alts[x],
                                     b->terms[t].alts[x]) == 0;
                  }
                differ += !same;
                query_free (a);
                query_free (b);
                free (e1.message);
                free (e2.message);
                free (typed[k]);
              }
          }
    tap_ok (read == 0 && g.count > 100 && expanded > g.count && differ == 0,
            "the glossary folded once renders %zu queries as folding each "
            "form does (%zu differ; %zu terms expanded)", tried, differ,
            expanded);
    for (size_t i = 0; i < nfolds; i++)
      free (folds[i].key);
    free (folds);
    glossary_free (&g);
    diags_free (&gd);
    free (gpath);
  }

  engine_close (eng);
  library_free (lib);
  diags_free (&d);
  free (dir);
  norm_cleanup ();
  return tap_done ();
}
