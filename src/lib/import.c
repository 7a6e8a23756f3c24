/* import.c -- the release-text importer (see import.h).

   The release is read line by line.  A line "Case N" or "案例N" starts a
   document (text before the first one is document 0, the overview); the
   next line is its title; a line that is a 【marker】 starts a section, and
   after a keywords marker the next line is the keyword list; numbered lines
   with no sentence after the heading are headings; every other line is a
   paragraph.  Each text is filed under the language of its script.  */

#include <config.h>
#include "import.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

#include "content.h"
#include "i18n.h"
#include "norm.h"
#include "util.h"

int
import_line_lang (const char *s, size_t len)
{
  size_t cjk = 0, latin = 0;
  const uint8_t *p = (const uint8_t *) s, *e = p + len;
  while (p < e)
    {
      ucs4_t uc;
      int n = u8_mbtouc (&uc, p, (size_t) (e - p));
      if (norm_is_cjk (uc))
        cjk++;
      else if ((uc | 0x20) >= 'a' && (uc | 0x20) <= 'z')
        latin++;
      p += n;
    }
  return cjk > 0 && cjk * 3 >= latin ? 0 : 1;
}

static const char *
lc (int lang)
{
  return lang == 0 ? "zh" : "en";
}

static int
starts_with (const char *s, const char *prefix)
{
  return strncmp (s, prefix, strlen (prefix)) == 0;
}

/* Chinese numerals 一 to 十 (and combinations) at S; returns bytes.  */
static size_t
cn_numeral (const char *s)
{
  static const char *const digits[] = {
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"
  };
  size_t n = 0;
  for (;;)
    {
      size_t i;
      for (i = 0; i < 10; i++)
        if (starts_with (s + n, digits[i]))
          break;
      if (i == 10)
        return n;
      n += 3;
    }
}

/* The value of the Chinese numeral S (一 to 九十九, as cn_numeral found
   it); -1 for other forms.  */
static long
cn_value (const char *s)
{
  static const char *const digits[] = {
    "一", "二", "三", "四", "五", "六", "七", "八", "九"
  };
  long v[3];
  size_t n = 0;
  for (const char *p = s; *p && n < 3; p += 3)
    {
      long d = -1;
      for (int i = 0; i < 9; i++)
        if (starts_with (p, digits[i]))
          d = i + 1;
      if (d < 0 && starts_with (p, "十"))
        d = 10;
      if (d < 0)
        return -1;
      v[n++] = d;
      if (p[3] == '\0')
        break;
    }
  if (n == 0 || strlen (s) != n * 3)
    return -1;
  if (n == 1)
    return v[0];                        /* 一 .. 十 */
  if (n == 2 && v[0] == 10 && v[1] < 10)
    return 10 + v[1];                   /* 十一 .. 十九 */
  if (n == 2 && v[0] < 10 && v[1] == 10)
    return v[0] * 10;                   /* 二十 .. 九十 */
  if (n == 3 && v[0] < 10 && v[1] == 10 && v[2] < 10)
    return v[0] * 10 + v[2];            /* 二十一 .. 九十九 */
  return -1;
}

/* Heading level of line S (0 if it is not a heading).  */
static int
heading_level (const char *s)
{
  size_t n = cn_numeral (s);
  if (n > 0 && starts_with (s + n, "、"))
    {
      const char *stop = strstr (s, "。");
      return stop == NULL || stop[3] == '\0' ? 1 : 0;
    }
  const char *p = s;
  if (*p == '(' || starts_with (p, "（"))
    {
      p += *p == '(' ? 1 : 3;
      size_t m = cn_numeral (p);
      if (m > 0 && (p[m] == ')' || starts_with (p + m, "）")))
        {
          const char *stop = strstr (s, "。");
          return stop == NULL || stop[3] == '\0' ? 2 : 0;
        }
    }
  /* English: "1. Text" or "(1) Text", one sentence, not too long.  */
  p = s;
  int level = 0;
  if (*p >= '0' && *p <= '9')
    {
      while (*p >= '0' && *p <= '9')
        p++;
      if (*p == '.' && p[1] == ' ')
        {
          level = 1;
          p += 2;
        }
    }
  else if (*p == '(' && p[1] >= '0' && p[1] <= '9')
    {
      p++;
      while (*p >= '0' && *p <= '9')
        p++;
      if (*p == ')' && p[1] == ' ')
        {
          level = 2;
          p += 2;
        }
    }
  if (level == 0 || strlen (s) >= 260)
    return 0;
  size_t len = strlen (p);
  for (size_t i = 0; i + 2 < len; i++)
    if ((p[i] == '.' || p[i] == ';' || p[i] == ':') && p[i + 1] == ' '
        && p[i + 2] >= 'A' && p[i + 2] <= 'Z')
      return 0;
  return level;
}

/* Does line S read as a sentence, not a list of keywords: does it end
   as a sentence does (。！？ . ! ?)?  (A list may hold ，, which
   separates keywords.)  */
static int
reads_as_sentence (const char *s)
{
  static const char *const ends[] = { "。", "！", "？", ".", "!", "?" };
  size_t n = strlen (s);
  for (size_t i = 0; i < sizeof ends / sizeof *ends; i++)
    {
      size_t k = strlen (ends[i]);
      if (n >= k && strcmp (s + n - k, ends[i]) == 0)
        return 1;
    }
  return 0;
}

static int
is_keywords_marker (const char *s)
{
  return strcmp (s, "【Key words】") == 0 || strcmp (s, "【Keywords】") == 0
    || strcmp (s, "【关键词】") == 0 || strcmp (s, "【关键字】") == 0;
}

static int
is_known_marker (const char *s)
{
  static const char *const known[] = {
    "【Reform situation】", "【改革情况】", "【Typical meaning】",
    "【Typical significance】", "【典型意义】", "【基本案情】", "【Basic facts】"
  };
  if (is_keywords_marker (s))
    return 1;
  for (size_t i = 0; i < sizeof known / sizeof *known; i++)
    if (strcmp (s, known[i]) == 0)
      return 1;
  return 0;
}

/* "Case 12" / "案例12" / "案例十二"-free forms; returns the number or -1.  */
static long
case_marker (const char *s)
{
  const char *p = NULL;
  if (starts_with (s, "Case"))
    p = s + 4;
  else if (starts_with (s, "案例"))
    p = s + 6;
  if (p == NULL)
    return -1;
  while (*p == ' ')
    p++;
  if (p == s + 6 && cn_numeral (p) > 0 && p[cn_numeral (p)] == '\0')
    return cn_value (p);
  if (*p < '0' || *p > '9')
    return -1;
  char *end;
  long n = strtol (p, &end, 10);
  /* Larger numbers are text: a document number stays far below the
     loader's limit even after moving up for repeats.  */
  return *end == '\0' && n <= 99999 ? n : -1;
}

/* The length of a case marker that starts LINE with its title after it
   on the same line ("案例一：某某案", "Case 3. Title"), separator
   included; 0 if LINE does not start so.  *MARK_LEN gets the marker's
   own length.  */
static size_t
marker_with_title (const char *line, size_t *mark_len)
{
  const char *p = NULL;
  if (starts_with (line, "Case "))
    p = line + 5;
  else if (starts_with (line, "案例"))
    p = line + 6;
  if (p == NULL)
    return 0;
  const char *q = p;
  if (*q >= '0' && *q <= '9')
    while (*q >= '0' && *q <= '9')
      q++;
  else if (p == line + 6)
    q += cn_numeral (q);
  if (q == p)
    return 0;
  *mark_len = (size_t) (q - line);
  static const char *const seps[] = {
    "\xef\xbc\x9a", "\xe3\x80\x80", "\xe3\x80\x81", "\xef\xbc\x8e",
    ": ", ". ", ":", " ", NULL
  };
  size_t n = 0;
  for (int again = 1; again;)
    {
      again = 0;
      for (size_t i = 0; seps[i]; i++)
        if (starts_with (q + n, seps[i]))
          {
            n += strlen (seps[i]);
            again = 1;
            break;
          }
    }
  if (n == 0 || q[n] == '\0')
    return 0;
  /* "Case 1 shows that ..." is a sentence of the text, not a marker
     and its title: an English title begins with a capital.  */
  if (p == line + 5 && q[n] >= 'a' && q[n] <= 'z')
    return 0;
  return (size_t) (q - line) + n;
}

/* Whether the character that ends the LEN bytes at S, and the one that
   starts T, are both Chinese: a space between them separates keywords,
   since Chinese words are written without one.  */
static int
cjk_around (const char *s, size_t len, const char *t)
{
  const uint8_t *start = (const uint8_t *) s;
  ucs4_t before, after;
  if (len == 0 || *t == '\0'
      || u8_prev (&before, start + len, start) == NULL)
    return 0;
  u8_mbtouc (&after, (const uint8_t *) t, strlen (t));
  return norm_is_cjk (before) && norm_is_cjk (after);
}

/* The length of the list separator at S, 0 if none: 、 ， ； , ; or
   '|' (the content file's own).  Latin commas separate only where
   COMMAS says: an English keyword holds them ("Commutation, parole and
   temporary execution outside prison"), so only a Chinese list that
   has no semicolon is split at them; a full-width comma is not written
   inside a Chinese keyword.  */
static size_t
keyword_punct (const char *s, int commas)
{
  if (*s == ';' || *s == '|' || (*s == ',' && commas))
    return 1;
  if (starts_with (s, "、") || starts_with (s, "；") || starts_with (s, "，"))
    return 3;
  return 0;
}

/* Does S hold a Chinese character?  */
static int
has_cjk (const char *s)
{
  const uint8_t *p = (const uint8_t *) s;
  ucs4_t c;
  while (*p)
    {
      int n = u8_strmbtouc (&c, p);
      if (n <= 0)
        return 0;
      if (norm_is_cjk (c))
        return 1;
      p += n;
    }
  return 0;
}

/* Split a keyword line: at 、 ， ； , ; (Latin commas in a Chinese list
   without semicolons only), at runs of two or more spaces (or no-break
   spaces), a space between two Chinese characters, EN SPACE, EM SPACE
   and the other typographic spaces (U+2000-U+200A), or the ideographic
   space.  Each keyword is trimmed, and an empty one (", ,") dropped.  */
static char *
split_keyword_line (const char *s)
{
  struct buf b = { 0 };
  int commas = strchr (s, ';') == NULL && strstr (s, "；") == NULL
    && has_cjk (s);
  int pending = 0;              /* a separator since the last keyword */
  const char *p = s;
  while (*p)
    {
      size_t punct = keyword_punct (p, commas);
      if (punct > 0)
        {
          pending = 1;
          p += punct;
          continue;
        }
      size_t spaces = 0;
      const char *q = p;
      int strong = 0;
      while (*q)
        {
          /* (A CR is one too: kept inside a line, it would end a
             keyword, and a value, with a CR that the content file
             reads as its line end's.)  */
          if (*q == ' ' || *q == '\t' || *q == '\r')
            q++, spaces++;
          else if (starts_with (q, "\xc2\xa0"))
            q += 2, spaces++;   /* a no-break space counts as a space */
          else if ((starts_with (q, "\xe2\x80") && (unsigned char) q[2] >= 0x80
                    && (unsigned char) q[2] <= 0x8a)
                   || starts_with (q, "\xe3\x80\x80"))
            {
              /* EN SPACE, EM SPACE and their kin (U+2000-U+200A), and
                 the ideographic space.  */
              q += 3;
              strong = 1;
            }
          else
            break;
        }
      if (q > p)
        {
          /* (Two spaces, not two bytes: a no-break space alone is
             one.)  Spaces around a separator, or at either end, are
             not the keyword's.  */
          if (strong || spaces >= 2 || cjk_around (b.data, b.len, q))
            pending = 1;
          else if (*q && !pending && b.len > 0 && !keyword_punct (q, commas))
            {
              /* A space inside a keyword: a CR or tab as one too.  */
              if (memchr (p, '\r', (size_t) (q - p))
                  || memchr (p, '\t', (size_t) (q - p)))
                buf_addc (&b, ' ');
              else
                buf_add (&b, p, (size_t) (q - p));
            }
          p = q;
          continue;
        }
      if (pending && b.len > 0)
        buf_adds (&b, " | ");
      pending = 0;
      buf_addc (&b, *p++);
    }
  return buf_steal (&b);
}

struct doc_builder
{
  long number;
  unsigned long first_line;
  unsigned long last_line;      /* the last line the document took */
  int is_case;                  /* a case, not the overview */
  struct buf out;
  size_t paragraphs;
  int have_title;
  int have_keywords;
  int page_title;               /* the title is the page's, not a line */
  size_t header_len;            /* OUT up to the number: room for a title */
};

static void
emit (struct doc_builder *d, const char *kind, int lang, const char *text,
      unsigned long line)
{
  buf_printf (&d->out, "\n# line %lu\n", line);
  if (kind[0])
    buf_printf (&d->out, "%s.%s: %s\n", kind, lc (lang), text);
  else
    buf_printf (&d->out, "%s: %s\n", lc (lang), text);
  d->paragraphs++;
}

static void
doc_start (struct doc_builder *d, long number, unsigned long line)
{
  memset (d, 0, sizeof *d);
  d->number = number;
  d->first_line = line;
  d->last_line = line;
  buf_printf (&d->out, "casebook-format: 1\nnumber: %ld\n", number);
  d->header_len = d->out.len;
}

/* Clean one source line: valid UTF-8 (bad bytes become U+FFFD with a
   warning), no NUL, not the CR of a CRLF line end; whitespace trimmed.
   A CR inside the line is kept, as every control character is: taken
   out, it joined two sentences without a word.  */
static char *
clean_line (const char *path, const char *s, size_t n, unsigned long line,
            struct diags *diags)
{
  struct buf b = { 0 };
  const uint8_t *p = (const uint8_t *) s, *e = p + n;
  /* The CRs that end the line (CRLF, or CRCRLF from a CRLF file
     converted twice) go; one before other text stays.  */
  const uint8_t *trailing_cr = e;
  while (trailing_cr > p && trailing_cr[-1] == '\r')
    trailing_cr--;
  int warned = 0;
  while (p < e)
    {
      ucs4_t uc;
      int k = u8_mbtoucr (&uc, p, (size_t) (e - p));
      if (k < 0 || *p == '\0')
        {
          if (!warned)
            diags_add (diags, DIAG_WARNING, path, line,
                       _("invalid UTF-8 or NUL byte at column byte %zu "
                         "replaced by U+FFFD"),
                       (size_t) (p - (const uint8_t *) s) + 1);
          warned = 1;
          buf_adds (&b, "\xef\xbf\xbd");
          p++;
          continue;
        }
      if (uc != '\r' || p + k < trailing_cr)
        buf_add (&b, p, (size_t) k);
      p += k;
    }
  char *r = buf_steal (&b);
  char *start = r;
  while (*start == ' ' || *start == '\t')
    start++;
  /* Nor a CR left at the end once the spaces go ("\r  \r\n"): the
     content file would read it as a CRLF's, and the value as empty.  */
  size_t len = strlen (start);
  while (len > 0 && (start[len - 1] == ' ' || start[len - 1] == '\t'
                     || start[len - 1] == '\r'))
    len--;
  char *t = xstrndup (start, len);
  free (r);
  return t;
}

/* S as it may stand in a content file: one line of UTF-8 (a file name
   can hold a newline or bytes that are not UTF-8).  Caller frees.  */
static char *
printable_name (const char *s)
{
  struct buf b = { 0 };
  const uint8_t *p = (const uint8_t *) s, *e = p + strlen (s);
  while (p < e)
    {
      ucs4_t uc;
      int k = u8_mbtoucr (&uc, p, (size_t) (e - p));
      if (k < 0 || uc < 0x20 || uc == 0x7f)
        {
          buf_addc (&b, '?');
          p += k < 0 ? 1 : k;
          continue;
        }
      buf_add (&b, p, (size_t) k);
      p += k;
    }
  return buf_steal (&b);
}

static void
doc_finish (struct doc_builder *d, struct import_result *res,
            const char *path, struct diags *diags)
{
  if (d->out.len == 0)
    return;
  if (!d->have_title)
    diags_add (diags, DIAG_WARNING, path, d->first_line,
               _("document %ld has no title"), d->number);
  /* Grown by doubling: a release of thousands of cases must not copy
     the list once per case.  */
  res->files = xgrow (res->files, &res->files_alloc, res->nfiles + 1,
                      sizeof *res->files);
  struct import_file *f = &res->files[res->nfiles++];
  f->name = xasprintf ("%02ld.cb", d->number);
  struct buf b = { 0 };
  char *name = printable_name (path);
  buf_printf (&b, "# casebook document %ld, imported from %s (from line %lu).\n"
              "# Keys without .tr are the release's text; translations are "
              "pending.\n", d->number, name, d->first_line);
  free (name);
  buf_add (&b, d->out.data, d->out.len);
  f->text = buf_steal (&b);
  res->documents++;
  res->paragraphs += d->paragraphs + (size_t) d->page_title;
  buf_free (&d->out);
}

/* A set of document numbers (open addressing), so that a release of
   many cases is not checked against every earlier one; each number
   may carry a value (numset_put).  */
struct numset
{
  long *slots;                  /* -1: empty (numbers are never negative) */
  size_t *vals;                 /* beside SLOTS */
  size_t cap, n;
};

static size_t
numset_slot (const struct numset *s, long v)
{
  size_t h = (size_t) util_hash (0, &v, sizeof v) & (s->cap - 1);
  while (s->slots[h] != -1 && s->slots[h] != v)
    h = (h + 1) & (s->cap - 1);
  return h;
}

static int
numset_has (const struct numset *s, long v)
{
  return s->cap > 0 && s->slots[numset_slot (s, v)] == v;
}

/* Add V with the value VAL (replacing its value if V is there).  */
static void
numset_put (struct numset *s, long v, size_t val)
{
  if ((s->n + 1) * 2 > s->cap)
    {
      struct numset t = { .cap = s->cap ? s->cap * 2 : 64 };
      t.slots = xmalloc (t.cap * sizeof *t.slots);
      t.vals = xmalloc (t.cap * sizeof *t.vals);
      for (size_t i = 0; i < t.cap; i++)
        t.slots[i] = -1;
      for (size_t i = 0; i < s->cap; i++)
        if (s->slots[i] != -1)
          {
            size_t h = numset_slot (&t, s->slots[i]);
            t.slots[h] = s->slots[i];
            t.vals[h] = s->vals[i];
            t.n++;
          }
      free (s->slots);
      free (s->vals);
      *s = t;
    }
  size_t h = numset_slot (s, v);
  if (s->slots[h] != v)
    {
      s->slots[h] = v;
      s->n++;
    }
  s->vals[h] = val;
}

static void
numset_add (struct numset *s, long v)
{
  numset_put (s, v, 0);
}

/* Whether V is in S, its value in *VAL.  */
static int
numset_get (const struct numset *s, long v, size_t *val)
{
  if (!numset_has (s, v))
    return 0;
  *val = s->vals[numset_slot (s, v)];
  return 1;
}

/* Take V out of S: the numbers after it in its run are put again, so
   that none is left behind the hole (linear probing).  */
static void
numset_del (struct numset *s, long v)
{
  if (!numset_has (s, v))
    return;
  size_t h = numset_slot (s, v);
  s->slots[h] = -1;
  s->n--;
  for (size_t j = (h + 1) & (s->cap - 1); s->slots[j] != -1;
       j = (j + 1) & (s->cap - 1))
    {
      long w = s->slots[j];
      size_t val = s->vals[j];
      s->slots[j] = -1;
      s->n--;
      numset_put (s, w, val);
    }
}

static void
numset_free (struct numset *s)
{
  free (s->slots);
  free (s->vals);
}

char *
import_collection_id (const char *path)
{
  char *name = printable_name (path);
  char *base = strrchr (name, '/');
  char *id = norm_nfkc_string (base ? base + 1 : name);
  free (name);
  /* A full-width solidus (a／b.txt) is a slash in NFKC, which no id may
     hold.  */
  for (char *p = id; *p; p++)
    if (*p == '/')
      *p = '-';
  char *dot = strrchr (id, '.');
  if (dot && dot != id)
    *dot = '\0';
  if (id[strspn (id, " \t")] == '\0' || strcmp (id, "-") == 0)
    {
      free (id);
      id = xstrdup ("release");
    }
  return id;
}

/* What the importer knows of a document it has written into the
   result.  */
struct import_doc_info
{
  unsigned long first_line, last_line;
  size_t paragraphs;            /* as counted in the result */
  int drop;                     /* a table of contents' entry */
};

/* The importer's state between lines.  */
struct importer
{
  const char *path;
  const struct import_meta *meta;
  struct import_result *res;
  struct diags *diags;
  struct doc_builder d;
  int started, expect_title, expect_keywords;
  int seen_line;                /* a line has been taken */
  char *coll_title;
  int coll_title_lang;
  struct numset seen;           /* document numbers taken */
  long max_seen;
  unsigned long lineno;
  /* A table of contents lists the cases, each a marker and a title,
     before the cases themselves: a case with no text is kept in BARE
     (its number, with its file's index in the result) until a case of
     the same number comes, which takes its number and its place.  */
  struct numset bare;
  struct import_doc_info *info; /* beside RES's files */
  size_t info_alloc;
  int toc_dropped;              /* some file is a table of contents' entry */
  int toc_pending;              /* the case being built took the number
                                   of the case at TOC_IDX, left out if
                                   this one has text */
  size_t toc_idx;
};

static void importer_drop_toc (struct importer *im, size_t idx);

/* Number the case being built, which took the number of a case with no
   text, as a repeat after all: it has no text either.  */
static void
importer_renumber (struct importer *im)
{
  struct doc_builder *d = &im->d;
  long given = d->number;
  long num = given + ((im->max_seen - given) / 1000 + 1) * 1000;
  diags_add (im->diags, DIAG_WARNING, im->path, d->first_line,
             _("case %ld appears twice; the later one is kept as "
               "document %ld"), given, num);
  numset_add (&im->seen, num);
  if (num > im->max_seen)
    im->max_seen = num;
  struct buf b = { 0 };
  buf_printf (&b, "casebook-format: 1\nnumber: %ld\n", num);
  buf_add (&b, d->out.data + d->header_len, d->out.len - d->header_len);
  buf_free (&d->out);
  d->out = b;
  d->header_len = b.len;
  d->number = num;
}

/* Finish the document being built into IM's result, and remember
   whether it is a case with no text but its title.  */
static void
importer_finish (struct importer *im)
{
  struct doc_builder *d = &im->d;
  size_t idx = im->res->nfiles;
  struct import_doc_info inf = { d->first_line, d->last_line,
                                 d->paragraphs + (size_t) d->page_title, 0 };
  int is_case = d->is_case;
  int bare = is_case && d->paragraphs <= (size_t) d->have_title;
  if (im->toc_pending)
    {
      /* Only a case with text shows the earlier one was an entry of a
         table of contents; two with none are a case repeated.  */
      if (bare)
        importer_renumber (im);
      else
        importer_drop_toc (im, im->toc_idx);
      im->toc_pending = 0;
    }
  long number = d->number;
  doc_finish (d, im->res, im->path, im->diags);
  if (im->res->nfiles == idx)
    return;
  im->info = xgrow (im->info, &im->info_alloc, idx + 1, sizeof *im->info);
  im->info[idx] = inf;
  if (bare)
    numset_put (&im->bare, number, idx);
  else if (is_case)
    numset_del (&im->bare, number);
}

/* Leave the file at IDX out, as a table of contents' entry.  */
static void
importer_drop_toc (struct importer *im, size_t idx)
{
  struct import_doc_info *inf = &im->info[idx];
  inf->drop = 1;
  im->toc_dropped = 1;
}

/* Say that lines FIRST-LAST, entries of a table of contents, were left
   out.  */
static void
importer_say_toc (struct importer *im, unsigned long first,
                  unsigned long last)
{
  if (first == last)
    diags_add (im->diags, DIAG_WARNING, im->path, first,
               _("line %lu looks like a table of contents (a case with a "
                 "title and no text, given again later): left out"),
               first);
  else
    diags_add (im->diags, DIAG_WARNING, im->path, first,
               _("lines %lu-%lu look like a table of contents (cases with "
                 "a title and no text, given again later): left out"),
               first, last);
}

/* Take the entries of a table of contents out of the result, and say
   which lines they were: one warning for each run of entries next to
   each other, so that none names a kept case's lines.  */
static void
importer_purge_toc (struct importer *im)
{
  struct import_result *res = im->res;
  if (!im->toc_dropped)
    return;
  size_t kept = 0;
  unsigned long run_first = 0, run_last = 0;
  for (size_t i = 0; i < res->nfiles; i++)
    if (im->info[i].drop)
      {
        if (run_first == 0)
          run_first = im->info[i].first_line;
        run_last = im->info[i].last_line;
        res->left_out += im->info[i].paragraphs;
        for (const char *m = res->files[i].text;
             (m = strstr (m, "\n# marker: ")) != NULL; m++)
          res->left_out++;
        free (res->files[i].name);
        free (res->files[i].text);
        res->documents--;
        res->paragraphs -= im->info[i].paragraphs;
      }
    else
      {
        if (run_first != 0)
          importer_say_toc (im, run_first, run_last);
        run_first = 0;
        res->files[kept++] = res->files[i];
      }
  if (run_first != 0)
    importer_say_toc (im, run_first, run_last);
  res->nfiles = kept;
}

/* Title the overview (document 0, the text before the first case),
   which a release seldom titles, with the collection's title: a
   document without a title loads with a warning, on every list and
   search.  The words are the release's (or the file's name) but their
   use as the overview's title is the project's, so it is marked .tr,
   as the file's name is when it stands for the collection's title.
   It is counted with the texts, as check counts it.  */
static void
title_overview (struct importer *im)
{
  struct doc_builder *d = &im->d;
  if (im->started || d->have_title || d->out.len == 0)
    return;
  char *id = im->coll_title ? NULL : import_collection_id (im->path);
  const char *title = im->coll_title ? im->coll_title : id;
  int lang = im->coll_title ? im->coll_title_lang
    : import_line_lang (id, strlen (id));
  struct buf b = { 0 };
  buf_add (&b, d->out.data, d->header_len);
  buf_printf (&b, "# no title in the release: the collection's\n"
              "title.%s.tr: %s\n", lc (lang), title);
  buf_add (&b, d->out.data + d->header_len, d->out.len - d->header_len);
  buf_free (&d->out);
  d->out = b;
  d->have_title = 1;
  d->paragraphs++;
  free (id);
}

/* Does LINE, the first of a release, look like its title: a short line
   that names typical cases ("第四批全国检察机关检察改革典型案例") and does
   not end as a sentence does?  */
static int
release_title_line (const char *line)
{
  size_t n = strlen (line);
  if (n == 0 || n > 160
      || (strstr (line, "典型案例") == NULL
          && strcasestr (line, "typical case") == NULL))
    return 0;
  static const char *const ends[] = {
    "。", "，", "；", "：", "！", "？", ",", ".", ";", ":", "!", "?"
  };
  for (size_t i = 0; i < sizeof ends / sizeof *ends; i++)
    {
      size_t k = strlen (ends[i]);
      if (n >= k && memcmp (line + n - k, ends[i], k) == 0)
        return 0;
    }
  return 1;
}

/* The length of the known 【marker】 that LINE starts with when more
   text follows it on the same line; 0 otherwise.  */
static size_t
leading_marker (const char *line)
{
  if (!starts_with (line, "【"))
    return 0;
  const char *close = strstr (line, "】");
  if (close == NULL || close[3] == '\0')
    return 0;
  size_t n = (size_t) (close + 3 - line);
  char *m = xstrndup (line, n);
  int known = is_known_marker (m);
  free (m);
  return known ? n : 0;
}

/* Take LINE (cleaned, not blank; the importer owns it) from source line
   LINENO.  */
static void
importer_line (struct importer *im, char *line, unsigned long lineno)
{
  struct doc_builder *d = &im->d;
  const char *path = im->path;
  struct diags *diags = im->diags;
  im->lineno = lineno;
  int first = !im->seen_line;
  im->seen_line = 1;
  if (im->meta && im->meta->split_markers)
    {
      size_t mark_len = 0, t = marker_with_title (line, &mark_len);
      if (t > 0)
        {
          char *mark = xstrndup (line, mark_len);
          if (case_marker (mark) >= 0)
            {
              char *title = xstrdup (line + t);
              free (line);
              im->res->splits++;
              importer_line (im, mark, lineno);
              importer_line (im, title, lineno);
              return;
            }
          free (mark);          /* a number too large: text */
        }
      size_t m = leading_marker (line);
      if (m > 0)
        {
          const char *rest = line + m;
          while (*rest == ' ' || *rest == '\t' || starts_with (rest, "\xe3\x80\x80")
                 || starts_with (rest, "\xef\xbc\x9a") || *rest == ':')
            rest += *rest == ' ' || *rest == '\t' || *rest == ':' ? 1 : 3;
          char *tail = *rest ? xstrdup (rest) : NULL;
          line[m] = '\0';
          im->res->splits += tail != NULL;
          importer_line (im, line, lineno);
          if (tail)
            importer_line (im, tail, lineno);
          return;
        }
    }
  int lang = import_line_lang (line, strlen (line));
  long num = case_marker (line);
  if (num >= 0)
    {
      if (im->started || d->paragraphs > 0)
        {
          if (!im->started)
            {
              /* The overview is document 0: "Case 0" must not
                 replace it.  */
              numset_add (&im->seen, 0);
              title_overview (im);
            }
          importer_finish (im);
        }
      else
        buf_free (&d->out);  /* an empty overview */
      /* A case given before with its title alone may be an entry of
         a table of contents: this one takes its number, and keeps it
         if it has text (importer_finish).  Else move a
         repeated number up by thousands past every number so far, so
         that no document file replaces another.  */
      long given = num;
      if (numset_get (&im->bare, num, &im->toc_idx))
        im->toc_pending = 1;
      else if (numset_has (&im->seen, num) && num <= im->max_seen)
        num += ((im->max_seen - num) / 1000 + 1) * 1000;
      if (num != given)
        diags_add (diags, DIAG_WARNING, path, lineno,
                   _("case %ld appears twice; the later one is kept as "
                     "document %ld"), given, num);
      numset_add (&im->seen, num);
      if (num > im->max_seen)
        im->max_seen = num;
      doc_start (d, num, lineno);
      d->is_case = 1;
      buf_printf (&d->out, "# marker: %s\n", line);
      im->started = 1;
      im->expect_title = 1;
      im->expect_keywords = 0;
      free (line);
      return;
    }
  d->last_line = lineno;
  if (im->expect_title)
    {
      buf_printf (&d->out, "# line %lu\ntitle.%s: %s\n", lineno, lc (lang), line);
      d->have_title = 1;
      d->paragraphs++;
      im->expect_title = 0;
      free (line);
      return;
    }
  size_t ll = strlen (line);
  if (starts_with (line, "【") && ll > 6 && strcmp (line + ll - 3, "】") == 0)
    {
      if (!is_known_marker (line))
        diags_add (diags, DIAG_WARNING, path, lineno,
                   _("unknown section marker '%s' kept as a section"), line);
      emit (d, "section", lang, line, lineno);
      im->expect_keywords = is_keywords_marker (line);
      free (line);
      return;
    }
  if (im->expect_keywords)
    {
      char *kw = split_keyword_line (line);
      im->expect_keywords = 0;
      int sentence = reads_as_sentence (line);
      if (d->have_keywords || *kw == '\0' || sentence)
        {
          /* The loader takes one keyword list per document and no
             empty one (a line of ideographic spaces): keep the line
             as a paragraph.  So too a sentence after a marker whose
             list is missing: cut into keywords, it lost its
             punctuation.  */
          if (d->have_keywords)
            diags_add (diags, DIAG_WARNING, path, lineno,
                       _("a second keyword list in one case is kept as "
                         "a paragraph"));
          else if (sentence)
            diags_add (diags, DIAG_WARNING, path, lineno,
                       _("the line after the keyword marker reads as a "
                         "sentence, not a list: kept as a paragraph"));
          emit (d, "", lang, line, lineno);
          free (kw);
          free (line);
          return;
        }
      d->have_keywords = 1;
      if (strstr (kw, " | ") == NULL && strchr (kw, ' '))
        diags_add (diags, DIAG_WARNING, path, lineno,
                   _("keyword line has no separators; kept as one keyword "
                     "(split it with ' | ')"));
      emit (d, "keywords", lang, kw, lineno);
      free (kw);
      free (line);
      return;
    }
  /* An attachment line is left to the branch below, which takes the
     title after its "附件：" / "Attachment:".  */
  if (first && im->coll_title == NULL && !(im->meta && im->meta->title)
      && !starts_with (line, "Attachment:") && !starts_with (line, "附件")
      && release_title_line (line))
    {
      /* A release that starts with its own title names the collection
         (and so the overview), as an attachment line does; the line is
         kept, as a heading.  */
      im->coll_title = xstrdup (line);
      im->coll_title_lang = lang;
      emit (d, "heading", lang, line, lineno);
      free (line);
      return;
    }
  if (!im->started && (starts_with (line, "Attachment:") || starts_with (line, "附件")))
    {
      const char *t = strchr (line, ':');
      if (t == NULL)
        t = strstr (line, "：");
      if (t && im->coll_title == NULL)
        {
          t += *t == ':' ? 1 : 3;
          while (*t == ' ')
            t++;
          if (*t != '\0')  /* "Attachment:" alone names nothing */
            {
              im->coll_title = xstrdup (t);
              im->coll_title_lang = lang;
            }
        }
      emit (d, "heading", lang, line, lineno);
      free (line);
      return;
    }
  emit (d, heading_level (line) ? "heading" : "", lang, line, lineno);
  free (line);
}

void
import_lines (const char *path, const struct import_line *lines,
              size_t nlines, const struct import_meta *meta,
              struct import_result *res, struct diags *diags)
{
  memset (res, 0, sizeof *res);
  struct importer im = { .path = path, .meta = meta, .res = res,
                         .diags = diags, .coll_title_lang = 1 };
  doc_start (&im.d, 0, nlines ? lines[0].line : 1);
  if (meta && meta->title)
    {
      /* The page's title names the release, and so its overview.  */
      buf_printf (&im.d.out, "# the page's title\ntitle.%s: %s\n",
                  lc (import_line_lang (meta->title, strlen (meta->title))),
                  meta->title);
      im.d.have_title = 1;
      im.d.page_title = 1;
    }
  for (size_t i = 0; i < nlines; i++)
    {
      char *line = clean_line (path, lines[i].text, lines[i].len,
                               lines[i].line, diags);
      im.lineno = lines[i].line;
      if (*line == '\0')
        {
          free (line);
          continue;
        }
      importer_line (&im, line, lines[i].line);
    }
  struct doc_builder *d = &im.d;
  if (!im.started && d->paragraphs == 0)
    diags_add (diags, DIAG_WARNING, path, im.lineno ? im.lineno : 1,
               _("no text found"));
  else if (!im.started)
    /* Text, but no case in it (a page of something else, a file named
       by mistake): what was made may not be what was meant.  */
    diags_add (diags, DIAG_WARNING, path, 1,
               _("no case marker found (Case N, 案例N): all the text is "
                 "document 0"));
  title_overview (&im);
  importer_finish (&im);
  importer_purge_toc (&im);
  numset_free (&im.seen);
  numset_free (&im.bare);
  free (im.info);

  struct import_title title = { { NULL, NULL }, { 0, 0 } };
  if (meta && meta->title)
    title.text[import_line_lang (meta->title, strlen (meta->title))]
      = meta->title;
  else if (im.coll_title)
    title.text[im.coll_title_lang] = im.coll_title;
  import_add_collection (res, path, &title, NULL, meta ? meta->date : NULL);
  free (im.coll_title);
}

void
import_add_collection (struct import_result *res, const char *path,
                       const struct import_title *title,
                       const struct import_title *publisher, const char *date)
{
  char *name = printable_name (path);
  char *base = strrchr (name, '/');
  base = base ? base + 1 : name;
  char *id = import_collection_id (path);
  struct buf c = { 0 };
  buf_printf (&c, "# casebook collection imported from %s\ncasebook-format: 1\n"
              "id: %s\n", name, id);
  int titled = 0;
  for (int l = 0; title && l < 2; l++)
    if (title->text[l])
      {
        buf_printf (&c, "title.%s%s: %s\n", lc (l), title->tr[l] ? ".tr" : "",
                    title->text[l]);
        titled = 1;
      }
  /* Without a title in the release, the file's name stands for one:
     words of the project, not the release's, and marked so.  */
  if (!titled)
    buf_printf (&c, "# no title in the release: its file's name\n"
                "title.%s.tr: %s\n", lc (import_line_lang (id, strlen (id))),
                id);
  for (int l = 0; publisher && l < 2; l++)
    if (publisher->text[l])
      buf_printf (&c, "publisher.%s%s: %s\n", lc (l),
                  publisher->tr[l] ? ".tr" : "", publisher->text[l]);
  buf_printf (&c, "source: %s\n", base);
  if (date)
    buf_printf (&c, "date: %s\n", date);
  free (name);
  free (id);
  res->files = xgrow (res->files, &res->files_alloc, res->nfiles + 1,
                      sizeof *res->files);
  memmove (res->files + 1, res->files, res->nfiles * sizeof *res->files);
  res->files[0].name = xstrdup ("collection.cb");
  res->files[0].text = buf_steal (&c);
  res->nfiles++;
}

void
import_set_collection_meta (struct import_result *res, const char *publisher,
                            const char *date)
{
  if (res->nfiles == 0 || strcmp (res->files[0].name, "collection.cb") != 0
      || (publisher == NULL && date == NULL))
    return;
  /* The file is import_add_collection's: one "key: value" a line.  */
  struct buf c = { 0 };
  const char *p = res->files[0].text;
  while (*p)
    {
      size_t len = strcspn (p, "\n");
      int drop = (publisher && starts_with (p, "publisher."))
        || (date && starts_with (p, "date:"));
      if (!drop)
        {
          buf_add (&c, p, len);
          buf_addc (&c, '\n');
        }
      p += len + (p[len] == '\n');
    }
  if (publisher)
    {
      /* One line, as every value is.  */
      size_t n = strcspn (publisher, "\r\n");
      buf_printf (&c, "# given when it was imported, not the release's "
                  "words\npublisher.%s.tr: %.*s\n",
                  lc (import_line_lang (publisher, n)), (int) n, publisher);
    }
  if (date)
    buf_printf (&c, "date: %s\n", date);
  free (res->files[0].text);
  res->files[0].text = buf_steal (&c);
}

/* DATA (LEN bytes) decoded from GB18030 (a superset of GB2312 and GBK,
   what a Chinese editor saves as "ANSI"), or NULL when it is not that:
   a byte that does not decode, or text that does not come out mostly
   Chinese (a stray Latin-1 byte before a letter is a valid GBK pair).  */
char *
import_gb18030 (const char *data, size_t len, size_t *outlen)
{
  iconv_t cd = iconv_open ("UTF-8", "GB18030");
  if (cd == (iconv_t) -1)
    return NULL;
  struct buf b = { 0 };
  char *in = (char *) data;
  size_t inleft = len;
  int ok = 1;
  while (inleft > 0 && ok)
    {
      char out[8192];
      char *o = out;
      size_t oleft = sizeof out;
      size_t r = iconv (cd, &in, &inleft, &o, &oleft);
      buf_add (&b, out, (size_t) (o - out));
      if (r == (size_t) -1 && errno != E2BIG)
        ok = 0;
    }
  iconv_close (cd);
  size_t han = 0, other = 0;
  const uint8_t *p = (const uint8_t *) b.data, *end = p + b.len;
  while (ok && p < end)
    {
      ucs4_t uc;
      int n = u8_mbtouc (&uc, p, (size_t) (end - p));
      if (uc >= 0x4e00 && uc <= 0x9fff)
        han++;
      else if (uc >= 0x80)
        other++;
      p += n;
    }
  if (!ok || han < 2 || han < other)
    {
      buf_free (&b);
      return NULL;
    }
  *outlen = b.len;
  return buf_steal (&b);
}

void
import_release (const char *path, const char *data, size_t len,
                struct import_result *res, struct diags *diags)
{
  struct import_line *lines = NULL;
  size_t nlines = 0, alloc = 0;
  size_t pos = 0;
  unsigned long lineno = 0;
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    pos = 3;
  char *decoded = NULL;
  if (pos == 0 && u8_check ((const uint8_t *) data, len) != NULL)
    {
      size_t dlen;
      decoded = import_gb18030 (data, len, &dlen);
      if (decoded)
        {
          diags_add (diags, DIAG_WARNING, path, 1,
                     _("the text is not UTF-8 but reads as GB18030 "
                       "(GBK, GB2312): read as GB18030"));
          data = decoded;
          len = dlen;
        }
    }
  /* A text with CRs and not one LF has the classic Mac OS's line ends
     (as vim reads it): read with no line end, the whole release would
     run into one paragraph.  Elsewhere a CR is dropped (CRLF).  */
  int eol = memchr (data + pos, '\n', len - pos) == NULL
    && memchr (data + pos, '\r', len - pos) != NULL ? '\r' : '\n';
  while (pos < len)
    {
      const char *nl = memchr (data + pos, eol, len - pos);
      size_t n = nl ? (size_t) (nl - (data + pos)) : len - pos;
      lines = xgrow (lines, &alloc, nlines + 1, sizeof *lines);
      lines[nlines++] = (struct import_line) { data + pos, n, ++lineno };
      pos += n + (nl != NULL);
    }
  /* Text copied from a web page keeps a marker and its text on one line
     ("【关键词】巡回检察 减刑"), as the page did.  */
  struct import_meta meta = { .split_markers = 1 };
  import_lines (path, lines, nlines, &meta, res, diags);
  free (lines);
  free (decoded);
}

int
import_check_sizes (const struct import_result *res, char **cause)
{
  *cause = NULL;
  for (size_t i = 0; i < res->nfiles; i++)
    {
      size_t len = strlen (res->files[i].text);
      if (len > CONTENT_MAX_SIZE)
        {
          *cause = xasprintf (_("%s would be %zu MiB, more than the %zu MiB "
                                "casebook reads: split the source"),
                              res->files[i].name, (len + (1 << 20) - 1) >> 20,
                              CONTENT_MAX_SIZE >> 20);
          return -1;
        }
    }
  return 0;
}

void
import_free (struct import_result *res)
{
  for (size_t i = 0; i < res->nfiles; i++)
    {
      free (res->files[i].name);
      free (res->files[i].text);
    }
  free (res->files);
  memset (res, 0, sizeof *res);
}

/* Write TEXT to PATH, a name no one else writes (the directory is the
   importer's): a temporary name, fsync, rename.  Unlike
   util_write_atomic it does not look for other writers' leftovers,
   which would read the whole directory for every file.  The temporary
   name is easily guessed, and the directory may be one others can
   write: a link planted under it is removed, never followed (that would
   write over the file it points to).  0 or -1/errno.  */
static int
write_new_file (const char *path, const char *text)
{
  char *tmp = xasprintf ("%s.tmp.%ld", path, (long) getpid ());
  int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
  int fd = open (tmp, flags, 0666);
  if (fd < 0 && errno == EEXIST && unlink (tmp) == 0)
    fd = open (tmp, flags, 0666);
  int r = fd < 0 ? -1 : 0;
  size_t left = strlen (text);
  while (r == 0 && left > 0)
    {
      ssize_t n = write (fd, text, left);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        r = -1;
      else
        {
          text += n;
          left -= (size_t) n;
        }
    }
  if (r == 0 && fsync (fd) != 0)
    r = -1;
  int e = errno;
  if (fd >= 0 && close (fd) != 0 && r == 0)
    {
      r = -1;
      e = errno;
    }
  if (r == 0 && rename (tmp, path) != 0)
    {
      r = -1;
      e = errno;
    }
  if (r != 0 && fd >= 0)
    unlink (tmp);
  free (tmp);
  errno = e;
  return r;
}

/* The first document of DIR (NAME.cb, NAME not starting with a dot, as
   the loader reads them): what an import stopped mid-way (kill -9,
   Ctrl-C, a crash) leaves without collection.cb.  Its temporary files
   (NAME.cb.tmp.PID) are no document: import_write deletes them.  NULL
   when there is none.  Caller frees.  */
static char *
stray_file (const char *dir)
{
  DIR *dh = opendir (dir);
  if (dh == NULL)
    return NULL;
  char *found = NULL;
  struct dirent *de;
  while (found == NULL && (de = readdir (dh)) != NULL)
    {
      size_t n = strlen (de->d_name);
      if (de->d_name[0] != '.' && n > 3
          && strcmp (de->d_name + n - 3, ".cb") == 0)
        found = xstrdup (de->d_name);
    }
  closedir (dh);
  return found;
}

/* Delete the temporary files (NAME.cb.tmp.PID) that imports into the
   directory open as DFD left when they were stopped mid-way (kill -9,
   Ctrl-C): half-written, and never read or deleted otherwise.  Only
   those of processes that are gone.  */
static void
remove_stale_temps (int dfd)
{
  int fd = dup (dfd);
  DIR *dh = fd < 0 ? NULL : fdopendir (fd);
  if (dh == NULL)
    {
      if (fd >= 0)
        close (fd);
      return;
    }
  struct dirent *de;
  while ((de = readdir (dh)) != NULL)
    {
      const char *t = strstr (de->d_name, ".cb.tmp.");
      if (t == NULL || de->d_name[0] == '.')
        continue;
      if (!util_pid_gone (t + 8))
        continue;
      unlinkat (dirfd (dh), de->d_name, 0);
    }
  closedir (dh);
}

/* import_dir_vacant; LOCKED when the caller holds DIR's lock, so that a
   file there is no other import's at work.  */
static int
dir_vacant (const char *dir, int locked, char **cause)
{
  char *meta = util_path_join (dir, "collection.cb");
  struct stat st;
  int exists = stat (meta, &st) == 0;
  free (meta);
  if (exists)
    {
      *cause = xasprintf (_("%s already holds a collection; "
                            "import into a new directory"), dir);
      return -1;
    }
  /* Its documents would be the new collection's too, beside those
     imported now, and the summary would count only these.  */
  char *stray = stray_file (dir);
  if (stray == NULL)
    return 0;
  int busy = 0;
  int fd = locked ? -1 : open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      busy = flock (fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
      close (fd);
    }
  if (busy)
    *cause = xasprintf (_("%s: another import is writing into it"), dir);
  else
    *cause = xasprintf (_("%s holds %s but no collection.cb (an import "
                          "stopped before it was done?); remove the "
                          "directory, or import into a new one"), dir,
                        stray);
  free (stray);
  return -1;
}

int
import_dir_vacant (const char *dir, char **cause)
{
  return dir_vacant (dir, 0, cause);
}

int
import_write (const struct import_result *res, const char *dir, char **cause)
{
  if (import_check_sizes (res, cause) != 0)
    return -1;
  /* The directories this import makes ("-o a/b/c": a, a/b and a/b/c
     where none was there) are taken back when it fails, those still
     empty: a failed import leaves the file system as it found it.  */
  struct made_dirs made = { 0 };
  int dfd = -1;
  /* Another import that failed takes back a directory it made, under
     its lock: one opened here just before is then no directory any
     more, and is made again.  */
  for (int tries = 0; dfd < 0; tries++)
    {
      if (util_mkdir_made (dir, &made) != 0)
        {
          *cause = xasprintf (_("cannot create %s: %s"), dir,
                              strerror (errno));
          util_rmdir_made (&made);
          return -1;
        }
      /* Held until the end: two imports into one directory would each
         find no collection there, and the later one's files would
         replace the earlier one's, both saying they were imported.  */
      dfd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (dfd < 0)
        {
          *cause = xasprintf (_("cannot open %s: %s"), dir,
                              strerror (errno));
          util_rmdir_made (&made);
          return -1;
        }
      if (flock (dfd, LOCK_EX | LOCK_NB) != 0)
        {
          *cause = errno == EWOULDBLOCK
            ? xasprintf (_("%s: another import is writing into it"), dir)
            : xasprintf (_("cannot lock %s: %s"), dir, strerror (errno));
          close (dfd);
          /* What this import made is the lock holder's to use now.  */
          util_made_free (&made);
          return -1;
        }
      struct stat st;
      if (fstat (dfd, &st) == 0 && st.st_nlink == 0 && tries < 3)
        {
          close (dfd);
          dfd = -1;
        }
    }
  /* Asked again under the lock: the caller's early question
     (import_dir_vacant) was answered before the parse.  */
  if (dir_vacant (dir, 1, cause) != 0)
    {
      util_rmdir_made (&made);       /* under the lock, then let go */
      close (dfd);
      return -1;
    }
  remove_stale_temps (dfd);
  /* Documents first, the collection file last: a directory is only a
     collection once everything else is in place.  */
  for (size_t i = res->nfiles; i-- > 0;)
    {
      char *p = util_path_join (dir, res->files[i].name);
      if (write_new_file (p, res->files[i].text) != 0)
        {
          *cause = xasprintf (_("cannot write %s: %s"), p, strerror (errno));
          free (p);
          /* Take back the documents written (a full disk): they are no
             collection without collection.cb, and would be left as
             half an import, in a directory made for it.  */
          for (size_t k = i + 1; k < res->nfiles; k++)
            {
              p = util_path_join (dir, res->files[k].name);
              unlink (p);
              free (p);
            }
          util_rmdir_made (&made);
          close (dfd);
          return -1;
        }
      free (p);
    }
  /* The names, too, must survive a crash.  */
  fsync (dfd);
  close (dfd);
  util_made_free (&made);
  return 0;
}

char *
import_read_source (const char *file, size_t max, size_t *len, char **cause)
{
  int fd;
  const char *name = file;
  if (strcmp (file, "-") == 0)
    {
      fd = STDIN_FILENO;
      name = _("standard input");
    }
  else
    {
      /* O_NONBLOCK: opening a FIFO must not wait for a writer.  */
      fd = open (file, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
      if (fd < 0)
        {
          *cause = xasprintf (_("%s: cannot read: %s"), file, strerror (errno));
          return NULL;
        }
      struct stat st;
      const char *why = NULL;
      if (fstat (fd, &st) != 0)
        why = strerror (errno);
      else if (S_ISDIR (st.st_mode))
        why = strerror (EISDIR);
      else if (!S_ISREG (st.st_mode))
        why = _("not a regular file (a device or a pipe may never end; "
                "give - to read standard input)");
      else if ((unsigned long long) st.st_size > max)
        {
          close (fd);
          *cause = xasprintf (_("%s: larger than the import limit of %zu "
                                "bytes"), file, max);
          errno = EFBIG;
          return NULL;
        }
      if (why)
        {
          *cause = xasprintf (_("%s: cannot read: %s"), file, why);
          close (fd);
          errno = 0;
          return NULL;
        }
      int fl = fcntl (fd, F_GETFL);
      if (fl != -1)
        fcntl (fd, F_SETFL, fl & ~O_NONBLOCK);
    }
  struct buf b = { 0 };
  char chunk[65536];
  int err = 0, big = 0;
  for (;;)
    {
      ssize_t n = read (fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          err = errno;
          break;
        }
      if (n == 0)
        break;
      if (b.len + (size_t) n > max)
        {
          big = 1;              /* stop reading: the rest may never end */
          break;
        }
      buf_add (&b, chunk, (size_t) n);
    }
  if (fd != STDIN_FILENO)
    close (fd);
  size_t blank = 0;
  while (blank < b.len && (b.data[blank] == ' ' || b.data[blank] == '\t'
                           || b.data[blank] == '\n' || b.data[blank] == '\r'))
    blank++;
  if (err || big || blank == b.len)
    {
      *cause = err ? xasprintf (_("%s: cannot read: %s"), name, strerror (err))
        : big ? xasprintf (_("%s: larger than the import limit of %zu bytes"),
                           name, max)
        : b.len == 0 ? xasprintf (_("%s: empty input: nothing to import"), name)
        : xasprintf (_("%s: only blank lines: nothing to import"), name);
      buf_free (&b);
      errno = big ? EFBIG : err;
      return NULL;
    }
  /* A picture, a PDF, a program or a word processor's file chosen by
     mistake: its bytes would become a collection of U+FFFD and control
     characters with a warning a line.  A text may hold a stray NUL or
     escape; a file of other kind holds them throughout.  */
  size_t look = b.len < 65536 ? b.len : 65536, controls = 0;
  for (size_t i = 0; i < look; i++)
    {
      unsigned char c = (unsigned char) b.data[i];
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'
          && c != 0x1b)
        controls++;
    }
  if (controls >= 4 && controls * 100 > look)
    {
      *cause = xasprintf (_("%s: not a text file (%zu control bytes in its "
                            "first %zu): import takes a release text or a "
                            "saved HTML page, in UTF-8 or GB18030"),
                          name, controls, look);
      buf_free (&b);
      errno = 0;
      return NULL;
    }
  *len = b.len;
  return buf_steal (&b);
}
