/* import_html.c -- importing a saved release page (see import_html.h).

   The page is decoded to UTF-8 here (iconv, bad bytes become U+FFFD with
   a warning) and parsed by libxml2 told to ignore the page's own
   declaration, so that a page declaring the wrong encoding still reads.
   The article is the page's one <article> when that holds most of its
   text; else the block element that holds the most text outside
   links, its paragraphs' text counting for it and half for the block
   above (the way readability tools score pages); it grows to its parent
   while the parent adds nothing, or holds much more text that is not
   links (an article split into one block per case, a table of one
   paragraph a row, paragraphs standing in the body itself).  Scripts, styles, forms, navigation
   and blocks made mostly of links are never read.  Every walk over the
   tree is iterative: a page nested ten thousand deep is only a page.  */

#include <config.h>
#include "import_html.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "i18n.h"
#include "import.h"
#include "import_page.h"
#include "util.h"
#include "xml.h"

#define SNIFF_BYTES 4096

static int
prefix_ci (const char *s, const char *e, const char *prefix)
{
  size_t n = strlen (prefix);
  return (size_t) (e - s) >= n && strncasecmp (s, prefix, n) == 0;
}

int
import_is_html (const char *path, const char *data, size_t len)
{
  const char *dot = strrchr (path, '.');
  if (dot && strchr (dot, '/') == NULL
      && (strcasecmp (dot, ".html") == 0 || strcasecmp (dot, ".htm") == 0
          || strcasecmp (dot, ".shtml") == 0 || strcasecmp (dot, ".xhtml") == 0))
    return 1;
  const char *p = data, *e = data + (len < SNIFF_BYTES ? len : SNIFF_BYTES);
  if (e - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  for (;;)
    {
      while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
      if (prefix_ci (p, e, "<!--"))
        {
          const char *c = p + 4;
          while (c + 3 <= e && memcmp (c, "-->", 3) != 0)
            c++;
          if (c + 3 > e)
            return 0;
          p = c + 3;
          continue;
        }
      break;
    }
  return prefix_ci (p, e, "<!doctype html") || prefix_ci (p, e, "<html")
    || prefix_ci (p, e, "<head") || prefix_ci (p, e, "<meta")
    || prefix_ci (p, e, "<body");
}

/* Decoding.  */

/* The charset the page declares in its first bytes (lower case), and
   the offset where it stands; NULL if none.  Caller frees.  */
static char *
declared_charset (const char *data, size_t len, size_t *at)
{
  size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES;
  for (size_t i = 0; i + 7 <= n; i++)
    {
      if (strncasecmp (data + i, "charset", 7) != 0)
        continue;
      size_t j = i + 7;
      while (j < n && (data[j] == ' ' || data[j] == '\t'))
        j++;
      if (j >= n || data[j] != '=')
        continue;
      j++;
      while (j < n && (data[j] == ' ' || data[j] == '\t' || data[j] == '"'
                       || data[j] == '\''))
        j++;
      size_t k = j;
      while (k < n && k - j < 40
             && (((data[k] | 0x20) >= 'a' && (data[k] | 0x20) <= 'z')
                 || (data[k] >= '0' && data[k] <= '9') || data[k] == '-'
                 || data[k] == '_' || data[k] == '.' || data[k] == ':'))
        k++;
      if (k == j)
        continue;
      char *cs = xstrndup (data + j, k - j);
      for (char *c = cs; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
          *c = (char) (*c + 32);
      *at = i;
      return cs;
    }
  return NULL;
}

static int
is_utf8_name (const char *cs)
{
  return strcmp (cs, "utf-8") == 0 || strcmp (cs, "utf8") == 0;
}

static int
is_gb_name (const char *cs)
{
  return strcmp (cs, "gb2312") == 0 || strcmp (cs, "gbk") == 0
    || strcmp (cs, "gb18030") == 0 || strcmp (cs, "x-gbk") == 0
    || strcmp (cs, "cp936") == 0 || strcmp (cs, "euc-cn") == 0
    || strcmp (cs, "gb_2312-80") == 0 || strcmp (cs, "x-euc-cn") == 0;
}

static unsigned long
line_at (const char *data, size_t off)
{
  unsigned long line = 1;
  for (size_t i = 0; i < off; i++)
    line += data[i] == '\n';
  return line;
}

/* DATA as UTF-8, in a fresh buffer of *OUTLEN bytes with no NUL byte
   in it.  FROM names DATA's encoding for iconv (NULL: it is UTF-8
   already).  Bytes that do not decode become U+FFFD, with one warning.
   NULL with *CAUSE set when iconv does not know FROM.  */
static char *
decode (const char *path, const char *data, size_t len, const char *from,
        size_t *outlen, struct diags *diags, char **cause)
{
  struct buf b = { 0 };
  size_t bad = 0, first_bad = 0;
  if (from == NULL)
    {
      /* A byte that is not UTF-8 is replaced here, not left to libxml2,
         which would read the rest of the page as Latin-1.  */
      size_t pos = 0;
      while (pos < len)
        {
          const uint8_t *s = (const uint8_t *) data + pos;
          const uint8_t *stop = u8_check (s, len - pos);
          size_t n = stop ? (size_t) (stop - s) : len - pos;
          const char *nul = memchr (data + pos, '\0', n);
          if (nul)
            n = (size_t) (nul - (data + pos));
          buf_add (&b, data + pos, n);
          pos += n;
          if (pos < len)
            {
              if (bad++ == 0)
                first_bad = pos;
              buf_adds (&b, "\xef\xbf\xbd");
              pos++;
            }
        }
    }
  else
    {
      iconv_t cd = iconv_open ("UTF-8", from);
      if (cd == (iconv_t) -1)
        {
          *cause = xasprintf (_("%s: the page's encoding '%s' is unknown"),
                              path, from);
          return NULL;
        }
      char *in = (char *) data;
      size_t inleft = len;
      char out[8192];
      while (inleft > 0)
        {
          char *o = out;
          size_t oleft = sizeof out;
          size_t r = iconv (cd, &in, &inleft, &o, &oleft);
          int e = errno;
          /* A NUL byte would end libxml2's reading early.  */
          const char *seg = out;
          for (const char *c = out; c < o; c++)
            if (*c == '\0')
              {
                if (bad++ == 0)
                  first_bad = (size_t) (in - data);
                buf_add (&b, seg, (size_t) (c - seg));
                buf_adds (&b, "\xef\xbf\xbd");
                seg = c + 1;
              }
          buf_add (&b, seg, (size_t) (o - seg));
          if (r == (size_t) -1 && e != E2BIG)
            {
              /* EILSEQ or EINVAL (a character cut at the end).  */
              if (bad++ == 0)
                first_bad = (size_t) (in - data);
              buf_adds (&b, "\xef\xbf\xbd");
              in++;
              inleft--;
              iconv (cd, NULL, NULL, NULL, NULL);
            }
        }
      iconv_close (cd);
    }
  if (bad)
    diags_add (diags, DIAG_WARNING, path, line_at (data, first_bad),
               ngettext ("%zu byte does not decode as %s; replaced by U+FFFD",
                         "%zu bytes do not decode as %s; replaced by U+FFFD",
                         bad), bad, from ? from : "UTF-8");
  *outlen = b.len;
  return buf_steal (&b);
}

/* Whether the encoding CS writes ASCII as ASCII.  A declaration found
   by reading the page's bytes as ASCII can only be true of such an
   encoding: a page in UTF-16, UTF-32 or EBCDIC could not show it (HTML
   reads a declared UTF-16 as UTF-8 for that reason).  An encoding
   iconv does not know counts as compatible: decode() says so.  */
static int
ascii_compatible (const char *cs)
{
  iconv_t cd = iconv_open (cs, "UTF-8");
  if (cd == (iconv_t) -1)
    return 1;
  static const char probe[] = "<meta charset=\"x\"> AZaz09";
  char out[128];
  char *in = (char *) probe, *o = out;
  size_t inleft = sizeof probe - 1, oleft = sizeof out;
  size_t r = iconv (cd, &in, &inleft, &o, &oleft);
  if (r != (size_t) -1)
    r = iconv (cd, NULL, NULL, &o, &oleft);
  iconv_close (cd);
  return r != (size_t) -1 && (size_t) (o - out) == sizeof probe - 1
    && memcmp (out, probe, sizeof probe - 1) == 0;
}

/* Whether DATA (LEN bytes) is UTF-8 but for a few stray bytes: at
   least eight characters of more than one byte for each byte that is
   not UTF-8 (a page cut short inside a character, a Latin-1 byte
   pasted in).  GBK or GB18030 text is hardly ever valid UTF-8 for more
   than a character or two.  */
static int
mostly_utf8 (const char *data, size_t len)
{
  size_t good = 0, bad = 0;
  const uint8_t *p = (const uint8_t *) data, *e = p + len;
  while (p < e)
    {
      if (*p < 0x80)
        {
          p++;
          continue;
        }
      ucs4_t uc;
      int k = u8_mbtoucr (&uc, p, (size_t) (e - p));
      if (k > 0)
        {
          good++;
          p += k;
        }
      else
        {
          bad++;
          p++;
        }
    }
  return good >= 8 * bad;
}

/* The page as UTF-8: as it declares, unless its bytes say otherwise.  */
static char *
page_utf8 (const char *path, const char *data, size_t len, size_t *outlen,
           struct diags *diags, char **cause)
{
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    return decode (path, data + 3, len - 3, NULL, outlen, diags, cause);
  size_t at = 0;
  char *cs = declared_charset (data, len, &at);
  if (cs && !ascii_compatible (cs))
    {
      diags_add (diags, DIAG_WARNING, path, line_at (data, at),
                 _("the page declares the encoding '%s', which cannot be "
                   "(the declaration itself is ASCII): ignored"), cs);
      free (cs);
      cs = NULL;
    }
  /* A UTF-8 page with a stray byte is UTF-8 still: read as GB18030,
     all of its Chinese would turn to nonsense.  decode() replaces the
     stray bytes and says so.  */
  int valid = mostly_utf8 (data, len);
  int ascii = 1;
  for (size_t i = 0; i < len && ascii; i++)
    ascii = (unsigned char) data[i] < 0x80;
  const char *from = NULL;
  if (valid)
    {
      if (cs && !is_utf8_name (cs) && !ascii)
        diags_add (diags, DIAG_WARNING, path, line_at (data, at),
                   _("the page declares the encoding '%s' but is UTF-8; "
                     "read as UTF-8"), cs);
    }
  else if (cs == NULL || is_utf8_name (cs) || is_gb_name (cs))
    {
      from = "GB18030";         /* a superset of GB2312 and GBK */
      if (cs && is_utf8_name (cs))
        diags_add (diags, DIAG_WARNING, path, line_at (data, at),
                   _("the page declares UTF-8 but is not; read as GB18030"));
    }
  else
    from = cs;
  char *r = decode (path, data, len, from, outlen, diags, cause);
  free (cs);
  return r;
}

/* The tree.  */

enum { NO_BLOCK = (size_t) -1 };

struct block
{
  xmlNode *node;
  size_t parent;                /* the nearest enclosing block, or NO_BLOCK */
  size_t end;                   /* the last block of its subtree */
  size_t text, link;            /* characters of its own inline content */
  size_t sub_text, sub_link;    /* of its whole subtree */
  double score;
  int heading;                  /* h1-h3, or class/id naming a title */
};

struct page
{
  const char *path;
  struct block *blocks;
  size_t nblocks, alloc;
  char *meta_title, *meta_date, *head_title;
  char *bad_date;               /* a date meta tag that names no day */
  long bad_date_line;
  size_t dates_block[16];       /* where dates stand in the text */
  char *dates[16];
  size_t ndates;
};

static int
name_is (const xmlNode *n, const char *name)
{
  return n->name && strcasecmp ((const char *) n->name, name) == 0;
}

static int
name_in (const xmlNode *n, const char *const *names)
{
  for (size_t i = 0; names[i]; i++)
    if (name_is (n, names[i]))
      return 1;
  return 0;
}

static const char *const block_tags[] = {
  "html", "body", "div", "p", "td", "th", "tr", "table", "tbody", "thead",
  "tfoot", "article", "section", "main", "li", "ul", "ol", "blockquote",
  "center", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "dl", "pre",
  "header", "hr", "caption", "figure", "figcaption", "address", "details",
  "summary", "fieldset", "legend", "dialog", NULL
};

static const char *const skip_tags[] = {
  "head", "script", "style", "noscript", "nav", "iframe", "form", "select",
  "button", "textarea", "object", "embed", "svg", "template", "map",
  "footer", "aside", "input", "frameset", "frame", NULL
};

/* Whether one of the words of class or id S names navigation.  */
static int
nav_words (const char *s)
{
  static const char *const words[] = {
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs",
    "crumb", "crumbs", "footer", "foot", "sidebar", "share", "topbar", NULL
  };
  const char *p = s;
  while (*p)
    {
      while (*p && !((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
        p++;
      const char *w = p;
      while ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')
        p++;
      for (size_t i = 0; words[i] && p > w; i++)
        if ((size_t) (p - w) == strlen (words[i])
            && strncasecmp (w, words[i], (size_t) (p - w)) == 0)
          return 1;
    }
  return 0;
}

static int
attr_has (const xmlNode *n, const char *attr, int (*test) (const char *))
{
  xmlChar *v = xml_get_prop (n, attr);
  int r = v && test ((const char *) v);
  xml_free (v);
  return r;
}

static int
hidden_style (const char *s)
{
  char buf[64];
  size_t n = 0;
  for (const char *p = s; *p && n < sizeof buf - 1; p++)
    if (*p != ' ' && *p != '\t')
      buf[n++] = (char) (*p | 0x20);
  buf[n] = '\0';
  return strstr (buf, "display:none") != NULL;
}

static int
titled (const char *s)
{
  for (const char *p = s; *p; p++)
    if (strncasecmp (p, "title", 5) == 0)
      return 1;
  return 0;
}

/* Whether element N and its subtree are never read.  */
static int
skipped (const xmlNode *n)
{
  return name_in (n, skip_tags) || attr_has (n, "class", nav_words)
    || attr_has (n, "id", nav_words) || attr_has (n, "style", hidden_style);
}

static int
is_space_uc (ucs4_t uc)
{
  return uc == ' ' || uc == '\t' || uc == '\n' || uc == '\r' || uc == '\f'
    || uc == 0xa0 || uc == 0x3000;
}

/* Characters of S that are not white space.  */
static size_t
visible_chars (const char *s)
{
  size_t n = 0;
  const uint8_t *p = (const uint8_t *) s;
  while (*p)
    {
      ucs4_t uc;
      int k = u8_strmbtouc (&uc, p);
      if (k <= 0)
        {
          p++;
          continue;
        }
      n += !is_space_uc (uc);
      p += k;
    }
  return n;
}

/* A date in S ("2022-07-14", "2022年7月14日", "2022/7/14") as
   YYYY-MM-DD; NULL if none.  Caller frees.  */
static char *
find_date (const char *s)
{
  for (const char *p = s; *p; p++)
    {
      if (!(p[0] == '1' || p[0] == '2') || (p > s && p[-1] >= '0' && p[-1] <= '9'))
        continue;
      const char *q = p;
      int y = 0, m = 0, d = 0, k;
      for (k = 0; k < 4 && *q >= '0' && *q <= '9'; k++, q++)
        y = y * 10 + (*q - '0');
      if (k != 4 || y < 1949 || y > 2100)
        continue;
      int sep = *q == '-' || *q == '/' || *q == '.' ? 1
        : strncmp (q, "年", 3) == 0 ? 3 : 0;
      if (!sep)
        continue;
      q += sep;
      for (k = 0; k < 2 && *q >= '0' && *q <= '9'; k++, q++)
        m = m * 10 + (*q - '0');
      if (k == 0 || m < 1 || m > 12)
        continue;
      sep = *q == '-' || *q == '/' || *q == '.' ? 1
        : strncmp (q, "月", 3) == 0 ? 3 : 0;
      if (!sep)
        continue;
      q += sep;
      for (k = 0; k < 2 && *q >= '0' && *q <= '9'; k++, q++)
        d = d * 10 + (*q - '0');
      if (k == 0 || d < 1 || d > 31 || (*q >= '0' && *q <= '9'))
        continue;
      /* Not a day that never was (2023年2月30日): the collection's date
         would not load.  */
      char *date = xasprintf ("%04d-%02d-%02d", y, m, d);
      if (util_date_valid (date))
        return date;
      free (date);
    }
  return NULL;
}

/* S with runs of white space made one space and trimmed.  Caller frees.  */
static char *
squeeze (const char *s)
{
  struct buf b = { 0 };
  int space = 0;
  const uint8_t *p = (const uint8_t *) s;
  while (*p)
    {
      ucs4_t uc;
      int k = u8_strmbtouc (&uc, p);
      if (k <= 0)
        {
          p++;
          continue;
        }
      if (is_space_uc (uc))
        space = 1;
      else
        {
          if (space && b.len > 0)
            buf_addc (&b, ' ');
          space = 0;
          buf_add (&b, p, (size_t) k);
        }
      p += k;
    }
  return buf_steal (&b);
}

static void
read_meta (struct page *pg, xmlNode *n)
{
  xmlChar *name = xml_get_prop (n, "name");
  if (name == NULL)
    name = xml_get_prop (n, "property");
  xmlChar *content = xml_get_prop (n, "content");
  if (name && content)
    {
      const char *nm = (const char *) name;
      if ((strcasecmp (nm, "ArticleTitle") == 0 || strcasecmp (nm, "og:title") == 0)
          && pg->meta_title == NULL)
        {
          pg->meta_title = squeeze ((const char *) content);
          if (*pg->meta_title == '\0')
            {
              free (pg->meta_title);
              pg->meta_title = NULL;
            }
        }
      static const char *const date_names[] = {
        "PubDate", "pubdate", "publishdate", "publish_date",
        "article:published_time", "date", "dc.date", "dcterms.issued", NULL
      };
      for (size_t i = 0; date_names[i] && pg->meta_date == NULL; i++)
        if (strcasecmp (nm, date_names[i]) == 0)
          {
            pg->meta_date = find_date ((const char *) content);
            if (pg->meta_date == NULL && pg->bad_date == NULL
                && visible_chars ((const char *) content) > 0)
              {
                pg->bad_date = squeeze ((const char *) content);
                pg->bad_date_line = xml_line (n);
              }
          }
    }
  xml_free (name);
  xml_free (content);
}

/* The stack of an iterative walk: the nearest block and whether inside
   a link, for each open element.  */
struct frame
{
  size_t block;
  int in_link;
};

/* Walk the document once: the blocks in document order with their own
   text, the meta data, dates in the text.  */
static void
survey (struct page *pg, xmlNode *root)
{
  struct frame *stack = NULL;
  size_t depth = 0, salloc = 0;
  struct frame cur = { NO_BLOCK, 0 };
  xmlNode *n = root;
  while (n)
    {
      int descend = 0;
      if (n->type == XML_ELEMENT_NODE)
        {
          if (name_is (n, "meta"))
            read_meta (pg, n);
          else if (name_is (n, "title") && pg->head_title == NULL)
            {
              xmlChar *t = xml_node_content (n);
              if (t)
                pg->head_title = squeeze ((const char *) t);
              xml_free (t);
            }
          if (name_is (n, "head"))
            {
              /* meta and title live here; read them, not the rest */
              for (xmlNode *c = n->children; c; c = c->next)
                if (c->type == XML_ELEMENT_NODE
                    && (name_is (c, "meta") || name_is (c, "title")))
                  {
                    if (name_is (c, "meta"))
                      read_meta (pg, c);
                    else if (pg->head_title == NULL)
                      {
                        xmlChar *t = xml_node_content (c);
                        if (t)
                          pg->head_title = squeeze ((const char *) t);
                        xml_free (t);
                      }
                  }
            }
          else if (!skipped (n))
            {
              descend = 1;
              stack = xgrow (stack, &salloc, depth + 1, sizeof *stack);
              stack[depth++] = cur;
              if (name_in (n, block_tags))
                {
                  pg->blocks = xgrow (pg->blocks, &pg->alloc, pg->nblocks + 1,
                                      sizeof *pg->blocks);
                  struct block *b = &pg->blocks[pg->nblocks];
                  memset (b, 0, sizeof *b);
                  b->node = n;
                  b->parent = cur.block;
                  b->end = pg->nblocks;
                  b->heading = name_is (n, "h1") || name_is (n, "h2")
                    || name_is (n, "h3") || attr_has (n, "class", titled)
                    || attr_has (n, "id", titled);
                  n->_private = (void *) (uintptr_t) (pg->nblocks + 1);
                  cur.block = pg->nblocks++;
                }
              if (name_is (n, "a"))
                cur.in_link = 1;
            }
        }
      else if (n->type == XML_TEXT_NODE && n->content && cur.block != NO_BLOCK)
        {
          size_t c = visible_chars ((const char *) n->content);
          if (cur.in_link)
            pg->blocks[cur.block].link += c;
          else
            pg->blocks[cur.block].text += c;
          if (c >= 6 && pg->ndates < sizeof pg->dates / sizeof *pg->dates)
            {
              char *d = find_date ((const char *) n->content);
              if (d)
                {
                  pg->dates_block[pg->ndates] = cur.block;
                  pg->dates[pg->ndates++] = d;
                }
            }
        }
      if (descend)
        {
          if (n->children)
            {
              n = n->children;
              continue;
            }
          cur = stack[--depth];
        }
      /* Up until there is a next sibling, closing what we leave: every
         element we climb to was entered.  */
      while (n != root && n->next == NULL)
        {
          n = n->parent;
          cur = stack[--depth];
        }
      if (n == root)
        break;
      n = n->next;
    }
  free (stack);
}

static int
link_heavy (const struct block *b)
{
  return b->sub_link > 0 && b->sub_link >= b->sub_text;
}

/* Text of the direct child blocks of P that is not mostly links, plus
   P's own, leaving out block SKIP.  */
static size_t
others_text (const struct page *pg, size_t p, size_t skip)
{
  size_t sum = pg->blocks[p].text;
  for (size_t c = p + 1; c <= pg->blocks[p].end; c = pg->blocks[c].end + 1)
    if (c != skip && !link_heavy (&pg->blocks[c]))
      sum += pg->blocks[c].sub_text;
  return sum;
}

/* Choose the article's block, or NO_BLOCK.  */
static size_t
find_article (struct page *pg)
{
  for (size_t i = pg->nblocks; i-- > 0;)
    {
      struct block *b = &pg->blocks[i];
      b->sub_text += b->text;
      b->sub_link += b->link;
      if (b->parent != NO_BLOCK)
        {
          struct block *p = &pg->blocks[b->parent];
          p->sub_text += b->sub_text;
          p->sub_link += b->sub_link;
          if (b->end > p->end)
            p->end = b->end;
        }
    }
  for (size_t i = 0; i < pg->nblocks; i++)
    {
      struct block *b = &pg->blocks[i];
      if (b->text == 0)
        continue;
      b->score += (double) b->text;
      if (b->parent != NO_BLOCK)
        {
          struct block *p = &pg->blocks[b->parent];
          p->score += (double) b->text;
          if (p->parent != NO_BLOCK)
            pg->blocks[p->parent].score += (double) b->text / 2;
        }
    }
  /* One <article> holding most of the page's text is the article.  */
  size_t article = NO_BLOCK, narticles = 0, total = 0;
  for (size_t i = 0; i < pg->nblocks; i++)
    {
      if (name_is (pg->blocks[i].node, "article"))
        {
          article = i;
          narticles++;
        }
      if (pg->blocks[i].parent == NO_BLOCK)
        total += pg->blocks[i].sub_text;
    }
  if (narticles == 1 && pg->blocks[article].sub_text * 2 >= total
      && pg->blocks[article].sub_text > 0)
    return article;
  size_t best = NO_BLOCK;
  for (size_t i = 0; i < pg->nblocks; i++)
    {
      const struct block *b = &pg->blocks[i];
      if (link_heavy (b) || name_is (b->node, "html") || name_is (b->node, "body"))
        continue;
      if (best == NO_BLOCK || b->score > pg->blocks[best].score
          || (b->score == pg->blocks[best].score && i <= pg->blocks[best].end))
        best = i;
    }
  if (best == NO_BLOCK)
    {
      /* A page whose text stands in the body itself.  */
      for (size_t i = 0; i < pg->nblocks; i++)
        if (name_is (pg->blocks[i].node, "body") && !link_heavy (&pg->blocks[i]))
          best = i;
      return best;
    }
  /* Grow to the parent while the parent holds much more such text.  */
  for (;;)
    {
      size_t p = pg->blocks[best].parent;
      if (p == NO_BLOCK || name_is (pg->blocks[p].node, "html"))
        break;
      /* A wrapper that adds no text of its own is climbed too: a table
         of one paragraph a row scores its longest paragraph highest.
         The body only for much more text: a page whose paragraphs, or
         cases, stand in the body itself would otherwise lose all but
         one of them.  */
      size_t others = others_text (pg, p, best);
      int little = (double) others < 0.3 * (double) pg->blocks[best].sub_text;
      if (name_is (pg->blocks[p].node, "body") ? little
          : others > 0 && little)
        break;
      best = p;
    }
  return best;
}

/* Lines of the article as they are built.  */
struct lines
{
  struct import_line *v;
  char **owned;
  size_t n, alloc, oalloc;
  struct buf cur;
  unsigned long cur_line;
  int space;
};

static void
lines_flush (struct lines *ls)
{
  /* Trim spaces and ideographic spaces (the first-line indent).  */
  const char *s = ls->cur.data ? ls->cur.data : "";
  size_t len = ls->cur.len;
  for (;;)
    {
      if (len > 0 && s[0] == ' ')
        s++, len--;
      else if (len >= 3 && memcmp (s, "\xe3\x80\x80", 3) == 0)
        s += 3, len -= 3;
      else
        break;
    }
  for (;;)
    {
      if (len > 0 && s[len - 1] == ' ')
        len--;
      else if (len >= 3 && memcmp (s + len - 3, "\xe3\x80\x80", 3) == 0)
        len -= 3;
      else
        break;
    }
  if (len > 0)
    {
      ls->v = xgrow (ls->v, &ls->alloc, ls->n + 1, sizeof *ls->v);
      ls->owned = xgrow (ls->owned, &ls->oalloc, ls->n + 1, sizeof *ls->owned);
      char *t = xstrndup (s, len);
      ls->owned[ls->n] = t;
      ls->v[ls->n++] = (struct import_line) { t, len, ls->cur_line };
    }
  ls->cur.len = 0;
  ls->cur_line = 0;
  ls->space = 0;
}

/* Append text node N: HTML white space runs become one space, each
   no-break space stays a space (two of them separate keywords).  */
static void
lines_text (struct lines *ls, const xmlNode *n)
{
  const char *s = (const char *) n->content;
  /* libxml2 numbers a text node with the line where it ends.  */
  long end_line = xml_line (n);
  const char *first = NULL;
  size_t after = 0;
  for (const char *p = s; *p; p++)
    {
      if (first == NULL && !(*p == ' ' || *p == '\t' || *p == '\n'
                             || *p == '\r' || *p == '\f'))
        first = p;
      if (first && *p == '\n')
        after++;
    }
  if (first == NULL)
    {
      ls->space = 1;
      return;
    }
  if (ls->cur.len == 0 || ls->cur_line == 0)
    ls->cur_line = end_line > 0 && (unsigned long) end_line > after
      ? (unsigned long) end_line - after : 1;
  for (const char *p = s; *p; p++)
    {
      char c = *p;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
        {
          ls->space = 1;
          continue;
        }
      if (ls->space && ls->cur.len > 0)
        buf_addc (&ls->cur, ' ');
      ls->space = 0;
      if ((unsigned char) c == 0xc2 && (unsigned char) p[1] == 0xa0)
        {
          buf_addc (&ls->cur, ' ');
          p++;
          continue;
        }
      buf_addc (&ls->cur, c);
    }
}

static int
is_block_node (const xmlNode *n)
{
  return n->type == XML_ELEMENT_NODE
    && (n->_private != NULL || name_in (n, block_tags) || name_is (n, "br"));
}

/* Say that element N inside the article, with text, is not imported
   (navigation, a form, a list of links): nothing is dropped unsaid.  */
static void
report_left_out (const xmlNode *n, const char *path, struct diags *diags)
{
  if (name_is (n, "script") || name_is (n, "style") || name_is (n, "head")
      || name_is (n, "template"))
    return;                     /* no text of the page's */
  xmlChar *text = xml_node_content (n);
  size_t chars = text ? visible_chars ((const char *) text) : 0;
  xml_free (text);
  if (chars > 0)
    diags_add (diags, DIAG_WARNING, path, (unsigned long) xml_line (n),
               _("%zu characters inside the article were not imported "
                 "(<%s>: navigation, a footer or sidebar, a form, hidden "
                 "text or a list of links)"),
               chars, (const char *) n->name);
}

/* The text lines of the subtree at ROOT, blocks mostly of links left
   out (and said, as PATH's, in DIAGS), but not a paragraph: a sentence
   of the article may be mostly a link (依据《刑法》第七十八条).  */
static void
extract (struct lines *ls, const struct page *pg, xmlNode *root,
         const char *path, struct diags *diags)
{
  xmlNode *n = root;
  for (;;)
    {
      int descend = 0;
      if (n->type == XML_ELEMENT_NODE)
        {
          size_t bi = (size_t) (uintptr_t) n->_private;
          if (name_is (n, "br"))
            lines_flush (ls);
          else if (name_is (n, "head") || skipped (n))
            report_left_out (n, path, diags);
          else if (n != root && bi > 0 && link_heavy (&pg->blocks[bi - 1])
                   && !name_is (n, "p"))
            {
              report_left_out (n, path, diags);
              lines_flush (ls);
            }
          else
            {
              if (is_block_node (n))
                lines_flush (ls);
              descend = 1;
            }
        }
      else if (n->type == XML_TEXT_NODE && n->content)
        lines_text (ls, n);
      if (descend && n->children)
        {
          n = n->children;
          continue;
        }
      if (descend && n != root && is_block_node (n))
        lines_flush (ls);
      while (n != root && n->next == NULL)
        {
          n = n->parent;
          if (is_block_node (n))
            lines_flush (ls);
        }
      if (n == root)
        break;
      n = n->next;
    }
  lines_flush (ls);
}

static void
lines_free (struct lines *ls)
{
  for (size_t i = 0; i < ls->n; i++)
    free (ls->owned[i]);
  free (ls->owned);
  free (ls->v);
  buf_free (&ls->cur);
}

static void
page_free (struct page *pg)
{
  free (pg->blocks);
  free (pg->meta_title);
  free (pg->meta_date);
  free (pg->bad_date);
  free (pg->head_title);
  for (size_t i = 0; i < pg->ndates; i++)
    free (pg->dates[i]);
}

/* libxml2's HTML parser drops the page's control characters (U+0001 to
   U+001F but white space, even written as "&#27;") without a word.
   casebook(5) promises that import drops nothing unsaid, and a text
   release keeps them (every command shows them visibly): so each goes
   through the parser as a private-use character, U+10FF00 plus the
   control's code, and comes back in the collection's files.  In UTF-8
   that carrier is F4 8F BC and one byte 0x80 + the code.  */
static const char carrier[] = "\xf4\x8f\xbc";

static int
is_control (unsigned char c)
{
  return c >= 0x01 && c < 0x20 && c != '\t' && c != '\n' && c != '\r'
    && c != '\f';
}

/* Is there a carrier at P (before E)?  */
static int
carrier_at (const char *p, const char *e)
{
  return *p == carrier[0] && e - p >= 4 && memcmp (p, carrier, 3) == 0
    && (unsigned char) p[3] >= 0x80 && (unsigned char) p[3] < 0xa0;
}

/* The code point a numeric character reference at P (before E) stands
   for ("&#27;", "&#x1B;"), with *REFLEN its length; -1 when there is
   none there (or it is past Unicode).  */
static long
numeric_ref (const char *p, const char *e, size_t *reflen)
{
  if (e - p < 4 || p[0] != '&' || p[1] != '#')
    return -1;
  const char *q = p + 2;
  int hex = *q == 'x' || *q == 'X';
  q += hex;
  /* Unsigned: eight hex digits pass a 32-bit long.  */
  unsigned long v = 0;
  const char *digits = q;
  while (q < e && q - digits < 8
         && (hex ? isxdigit ((unsigned char) *q)
             : isdigit ((unsigned char) *q)))
    {
      v = v * (hex ? 16u : 10u)
        + (unsigned long) (isdigit ((unsigned char) *q) ? *q - '0'
                           : (*q | 0x20) - 'a' + 10);
      q++;
    }
  if (q == digits || q >= e || *q != ';' || v > 0x10ffff)
    return -1;
  *reflen = (size_t) (q + 1 - p);
  return (long) v;
}

/* Is there a carrier written as a reference at P ("&#x10FF05;")?  The
   parser makes it the carrier itself.  */
static int
carrier_ref_at (const char *p, const char *e)
{
  size_t reflen;
  long v = numeric_ref (p, e, &reflen);
  return v >= 0x10ff00 && v <= 0x10ff1f;
}

/* The control character that a numeric character reference at P (before
   E) stands for ("&#27;", "&#x1B;"), with *REFLEN its length; 0 for any
   other text.  */
static unsigned char
control_ref (const char *p, const char *e, size_t *reflen)
{
  size_t n;
  long v = numeric_ref (p, e, &n);
  if (v < 0 || v > 0xff || !is_control ((unsigned char) v))
    return 0;
  *reflen = n;
  return (unsigned char) v;
}

/* U (*LEN bytes, UTF-8) with each control character, raw or written as
   a character reference, as its carrier, *LEN updated; NULL when there
   is none.  A page that holds a carrier
   of its own would have it come back as a control: then the controls
   are left to the parser, and a warning at the first says so.  */
static char *
carry_controls (const char *path, const char *u, size_t *len,
                struct diags *diags)
{
  size_t first = *len, n = 0, reflen;
  for (size_t i = 0; i < *len; i++)
    if (is_control ((unsigned char) u[i])
        || control_ref (u + i, u + *len, &reflen))
      {
        if (n++ == 0)
          first = i;
      }
    else if (carrier_at (u + i, u + *len) || carrier_ref_at (u + i, u + *len))
      {
        for (size_t j = 0; j < *len && n == 0; j++)
          if (is_control ((unsigned char) u[j])
              || control_ref (u + j, u + *len, &reflen))
            first = j, n = 1;
        if (n > 0)
          diags_add (diags, DIAG_WARNING, path, line_at (u, first),
                     _("control characters in this page are left out: it "
                       "holds the private-use characters (U+10FF00 to "
                       "U+10FF1F) that would carry them"));
        return NULL;
      }
  if (n == 0)
    return NULL;
  struct buf b = { 0 };
  size_t run = 0;               /* start of the bytes not yet copied */
  for (size_t i = first; i < *len; i++)
    {
      unsigned char c = (unsigned char) u[i];
      size_t skip = 1;
      if (!is_control (c) && (c = control_ref (u + i, u + *len, &skip)) == 0)
        continue;
      buf_add (&b, u + run, i - run);
      buf_add (&b, carrier, 3);
      buf_addc (&b, (char) (0x80 + c));
      run = i + skip;
      i += skip - 1;
    }
  buf_add (&b, u + run, *len - run);
  *len = b.len;
  return buf_steal (&b);
}

/* S with each carrier made its control character again, in place.  */
static void
restore_controls (char *s)
{
  char *out = s;
  const char *e = s + strlen (s);
  for (const char *p = s; p < e;)
    if (carrier_at (p, e))
      {
        *out++ = (char) ((unsigned char) p[3] - 0x80);
        p += 4;
      }
    else
      *out++ = *p++;
  *out = '\0';
}

/* The controls carried through the parser back in RES's files and in
   the messages from BEFORE on.  */
static void
restore_all (struct import_result *res, struct diags *diags, size_t before)
{
  for (size_t i = 0; i < res->nfiles; i++)
    restore_controls (res->files[i].text);
  for (size_t i = before; i < diags->count; i++)
    restore_controls (diags->items[i].message);
}

/* The page's <title> without the site's name after it ("标题_最高人民检察院").  */
static char *
cut_site_name (const char *t)
{
  static const char *const seps[] = { "_", " - ", " | ", "|", " — ", "——", "－", NULL };
  size_t cut = strlen (t);
  for (size_t i = 0; seps[i]; i++)
    {
      const char *s = strstr (t, seps[i]);
      if (s && s > t && (size_t) (s - t) < cut)
        cut = (size_t) (s - t);
    }
  char *r = xstrndup (t, cut);
  char *q = squeeze (r);
  free (r);
  return q;
}

int
import_html (const char *path, const char *data, size_t len,
             struct import_result *res, struct diags *diags, char **cause)
{
  memset (res, 0, sizeof *res);
  size_t ulen;
  char *u = page_utf8 (path, data, len, &ulen, diags, cause);
  if (u == NULL)
    return -1;
  char *carried = carry_controls (path, u, &ulen, diags);
  if (carried)
    {
      free (u);
      u = carried;
    }
  if (ulen > INT_MAX)
    {
      free (u);
      *cause = xasprintf (_("%s: the page is too large to parse"), path);
      return -1;
    }
  if (xml_load (cause) != 0)
    {
      free (u);
      return -1;
    }
  size_t diags_before = diags->count;
  /* XML_PARSE_HUGE: without it libxml2 silently cuts a text longer
     than 10 MB and stops reading at elements nested 256 deep (the rest
     of the page, and so the article, lost).  The page is already
     bounded by import's --max-size, and every walk here is
     iterative.  */
  htmlDocPtr doc = xml_html_read_memory (u, (int) ulen, "UTF-8",
                                         HTML_PARSE_RECOVER | HTML_PARSE_NONET
                                         | HTML_PARSE_NOERROR
                                         | HTML_PARSE_NOWARNING
                                         | HTML_PARSE_IGNORE_ENC
                                         | XML_PARSE_HUGE);
  free (u);
  xmlNode *root = doc ? xml_root (doc) : NULL;
  if (root && import_page_is_casebook (root))
    {
      /* A page casebook exported says what each text is.  */
      int rc = import_page_read (path, root, res, diags, cause);
      xml_free_doc (doc);
      if (rc == 0 && carried)
        restore_all (res, diags, diags_before);
      return rc;
    }
  struct page pg = { .path = path };
  size_t art = NO_BLOCK;
  if (root)
    {
      survey (&pg, root);
      art = find_article (&pg);
    }
  if (art == NO_BLOCK || pg.blocks[art].sub_text < 20)
    {
      *cause = xasprintf (_("%s: no article found in the page"), path);
      page_free (&pg);
      xml_free_doc (doc);
      return -1;
    }
  const struct block *a = &pg.blocks[art];

  /* The title: the page's own meta data, else the nearest heading before
     the article (or its first one), else <title> without the site.  */
  char *title = pg.meta_title ? xstrdup (pg.meta_title) : NULL;
  size_t title_block = NO_BLOCK;
  for (size_t i = 0; i < pg.nblocks && title == NULL; i++)
    {
      if (i > art && i != art + 1)
        break;
      const struct block *b = &pg.blocks[i];
      if (b->heading && b->sub_text > 0 && b->sub_text < 200 && !link_heavy (b))
        title_block = i;
    }
  if (title == NULL && title_block != NO_BLOCK)
    {
      xmlChar *t = xml_node_content (pg.blocks[title_block].node);
      title = squeeze (t ? (const char *) t : "");
      xml_free (t);
    }
  if ((title == NULL || *title == '\0') && pg.head_title)
    {
      free (title);
      title = cut_site_name (pg.head_title);
    }
  if (title && *title == '\0')
    {
      free (title);
      title = NULL;
    }
  /* The date: meta data, else the first date after the title and before
     the article's third block (later ones are dates in the cases).  */
  const char *date = pg.meta_date;
  if (date == NULL && pg.bad_date)
    /* Said, not dropped: a release's date is part of its citation.  */
    diags_add (diags, DIAG_WARNING, path, (unsigned long) pg.bad_date_line,
               _("the page's date '%s' names no day; it is not the "
                 "collection's date"), pg.bad_date);
  for (size_t i = 0; i < pg.ndates && date == NULL; i++)
    if ((title_block == NO_BLOCK || pg.dates_block[i] >= title_block)
        && pg.dates_block[i] < art + 3)
      date = pg.dates[i];

  struct lines ls = { 0 };
  extract (&ls, &pg, a->node, path, diags);
  /* The title again as the article's first line is the title.  */
  size_t first = 0;
  if (title && ls.n > 0)
    {
      char *l0 = squeeze (ls.v[0].text);
      if (strcmp (l0, title) == 0)
        first = 1;
      free (l0);
    }
  if (ls.n == first)
    {
      /* The article's text stood only in blocks of links.  */
      *cause = xasprintf (_("%s: no article found in the page"), path);
      lines_free (&ls);
      free (title);
      page_free (&pg);
      xml_free_doc (doc);
      return -1;
    }
  /* What the importer could not place: text outside the article.  */
  size_t unplaced = 0, short_ones = 0;
  for (size_t i = 0; i < pg.nblocks; i++)
    {
      const struct block *b = &pg.blocks[i];
      if ((i >= art && i <= a->end) || i == title_block
          || b->link >= b->text)
        continue;
      /* A short one is a page's furniture (a date, "print this page",
         a copyright line), each said in one count rather than a line
         of its own: nothing is dropped unsaid.  */
      if (b->text < 40)
        {
          short_ones++;
          continue;
        }
      if (unplaced++ < 20)
        diags_add (diags, DIAG_WARNING, path,
                   (unsigned long) xml_line (b->node),
                   _("text outside the article was not imported (%zu "
                     "characters)"), b->text);
    }
  if (unplaced > 20)
    diags_add (diags, DIAG_WARNING, path, 0,
               _("%zu more blocks of text outside the article were not "
                 "imported"), unplaced - 20);
  if (short_ones > 0)
    diags_add (diags, DIAG_WARNING, path, 0,
               ngettext ("%zu short text outside the article (under 40 "
                         "characters) was not imported",
                         "%zu short texts outside the article (under 40 "
                         "characters each) were not imported", short_ones),
               short_ones);
  /* A page cut short (a download stopped) still reads, but say so.  */
  size_t tail = len < 256 ? len : 256;
  int closed = 0;
  for (size_t i = len - tail; i + 7 <= len && !closed; i++)
    closed = strncasecmp (data + i, "</html>", 7) == 0
      || (i + 7 <= len && strncasecmp (data + i, "</body>", 7) == 0);
  if (!closed)
    diags_add (diags, DIAG_WARNING, path, line_at (data, len),
               _("the page ends without </body> or </html>: it may be "
                 "cut short"));
  struct import_meta meta = { .title = title, .date = date,
                              .split_markers = 1 };
  import_lines (path, ls.v + first, ls.n - first, &meta, res, diags);
  if (carried)
    restore_all (res, diags, diags_before);
  lines_free (&ls);
  free (title);
  page_free (&pg);
  xml_free_doc (doc);
  return 0;
}
