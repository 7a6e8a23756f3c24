/* content_parse.c -- casebook's content format read into the model
   (see content.h), without touching a file: the loader (content.c)
   reads the bytes.

   A content file is UTF-8 text made of blocks separated by blank lines;
   each line of a block is "key: value", lines starting with '#' are
   comments.  Keys are BASE, BASE.LANG or BASE.LANG.tr where ".tr" marks
   the project's translation, or BASE.en.rev, the project's revised
   English of the release's English beside it.  The parser reports every
   problem it finds as a diagnostic with file and line and keeps going,
   so that one run of `casebook check` lists them all.  */

#include <config.h>

#include "content.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "i18n.h"
#include "import.h"
#include "library.h"
#include "strmap.h"

/* One "key: value" line.  */
struct field
{
  char *base;                   /* "title", "zh", "number", ... */
  int has_lang;
  enum lang lang;
  int translated;
  int revision;                 /* "en.rev": the project's revised English */
  char *value;
  size_t value_len;
  size_t value_off;             /* byte offset of the value in the file */
  unsigned long line;
  int skip;                     /* reported as unknown; ignore */
};

struct rawblock
{
  struct field *fields;
  size_t count;
  size_t alloc;
};

struct rawfile
{
  struct rawblock *blocks;
  size_t count;
  size_t alloc;
};

static void
rawfile_free (struct rawfile *rf)
{
  for (size_t b = 0; b < rf->count; b++)
    {
      for (size_t f = 0; f < rf->blocks[b].count; f++)
        {
          free (rf->blocks[b].fields[f].base);
          free (rf->blocks[b].fields[f].value);
        }
      free (rf->blocks[b].fields);
    }
  free (rf->blocks);
  memset (rf, 0, sizeof *rf);
}

static int
is_space (char c)
{
  return c == ' ' || c == '\t';
}

static int
is_key_char (char c)
{
  return (c >= 'a' && c <= 'z') || c == '-' || c == '.' || c == '_'
    || (c >= '0' && c <= '9');
}

/* Split KEY (length N) into its parts.  Returns 0, or -1 if malformed.  */
static int
parse_key (const char *key, size_t n, struct field *f)
{
  const char *dot = memchr (key, '.', n);
  size_t base_len = dot ? (size_t) (dot - key) : n;
  if (base_len == 0)
    return -1;
  f->base = xstrndup (key, base_len);
  f->has_lang = 0;
  f->translated = 0;
  f->revision = 0;
  /* A bare "zh"/"en" (or "zh.tr", "en.rev") is a paragraph side.  */
  if (strcmp (f->base, "zh") == 0 || strcmp (f->base, "en") == 0)
    {
      f->has_lang = 1;
      f->lang = f->base[0] == 'z' ? LANG_ZH : LANG_EN;
      if (dot == NULL)
        return 0;
      if ((size_t) (key + n - dot) == 3 && memcmp (dot, ".tr", 3) == 0)
        {
          f->translated = 1;
          return 0;
        }
      if (f->lang == LANG_EN && (size_t) (key + n - dot) == 4
          && memcmp (dot, ".rev", 4) == 0)
        {
          f->revision = 1;
          return 0;
        }
      return -1;
    }
  if (dot == NULL)
    return 0;
  const char *rest = dot + 1;
  size_t rest_len = (size_t) (key + n - rest);
  if (rest_len >= 2 && (memcmp (rest, "zh", 2) == 0 || memcmp (rest, "en", 2) == 0))
    {
      f->has_lang = 1;
      f->lang = rest[0] == 'z' ? LANG_ZH : LANG_EN;
      if (rest_len == 2)
        return 0;
      if (rest_len == 5 && memcmp (rest + 2, ".tr", 3) == 0)
        {
          f->translated = 1;
          return 0;
        }
      if (f->lang == LANG_EN && rest_len == 6
          && memcmp (rest + 2, ".rev", 4) == 0)
        {
          f->revision = 1;
          return 0;
        }
    }
  return -1;
}

/* Split DATA into blocks of fields, checking encoding and syntax.
   Returns -1 when the file cannot be used at all (not text).  */
/* Where tokenizing a file stands, so that a long document can be read
   a few hundred blocks at a time: the raw fields of a whole file of a
   million paragraphs took most of a gigabyte next to the model.  */
struct tokenizer
{
  size_t pos;
  unsigned long lineno;
  int bad_utf8;                 /* a line of invalid UTF-8 was reported */
};

/* Where the first block of DATA (LEN bytes) ends: the first line that
   is blank to the tokenizer (spaces, tabs, a carriage return), or LEN.  */
static size_t
header_block_end (const char *data, size_t len)
{
  for (size_t pos = 0; pos < len;)
    {
      const char *nl = memchr (data + pos, '\n', len - pos);
      size_t n = nl ? (size_t) (nl - (data + pos)) : len - pos;
      size_t i = 0;
      while (i < n && (is_space (data[pos + i]) || data[pos + i] == '\r'))
        i++;
      if (i == n && n < len - pos)
        return pos;
      pos += n + (nl != NULL);
    }
  return len;
}

/* Read blocks of DATA from where TZ stands into RF (which the caller has
   emptied), stopping after MAX_BLOCKS complete blocks (0: no limit).
   Returns 0, or -1 when DATA is not text at all.  At the end of DATA,
   TZ->pos is LEN.  */
static int
tokenize_some (const char *path, const char *data, size_t len,
               struct tokenizer *tz, struct rawfile *rf, size_t max_blocks,
               struct diags *diags)
{
  /* A binary file is said to be one at once, before the invalid UTF-8
     that comes before its first NUL: where the header block would be
     (up to the first blank line, or all of a file with none).  After
     it, a NUL is met line by line, so that a reader of headers alone
     (list, show of another document) stops before one in the text, as
     it does before any other error there.  */
  if (tz->pos == 0)
    {
      const char *nul = memchr (data, '\0', header_block_end (data, len));
      if (nul)
        {
          unsigned long line = 1;
          for (const char *p = data; p < nul; p++)
            line += *p == '\n';
          diags_add (diags, DIAG_ERROR, path, line,
                     _("NUL byte at byte offset %zu: not a text file"),
                     (size_t) (nul - data));
          return -1;
        }
    }
  size_t pos = tz->pos;
  if (pos == 0 && len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    pos = 3;                    /* a UTF-8 byte order mark is harmless */
  unsigned long lineno = tz->lineno;
  struct rawblock *cur = NULL;
  while (pos < len)
    {
      /* Stop between blocks, at a blank line or a comment.  */
      if (max_blocks && cur == NULL && rf->count >= max_blocks)
        break;
      const char *line = data + pos;
      const char *nl = memchr (line, '\n', len - pos);
      size_t n = nl ? (size_t) (nl - line) : len - pos;
      size_t line_off = pos;
      pos += n + (nl != NULL);
      lineno++;
      const char *nul = memchr (line, '\0', n);
      if (nul)
        {
          diags_add (diags, DIAG_ERROR, path, lineno,
                     _("NUL byte at byte offset %zu: not a text file"),
                     line_off + (size_t) (nul - line));
          /* Nothing more is read of it: a caller reading a block at a
             time must not meet the same NUL again.  */
          tz->pos = len;
          tz->lineno = lineno;
          return -1;
        }
      if (n > 0 && line[n - 1] == '\r')
        n--;
      /* A file whose lines end in CR alone (classic Mac OS) is one line:
         its first would be read as the format's version.  */
      if (lineno == 1 && memchr (line, '\r', n))
        {
          diags_add (diags, DIAG_ERROR, path, lineno,
                     _("lines end in a carriage return alone: save the file "
                       "with line feeds (or CR LF) at their ends"));
          tz->pos = len;
          tz->lineno = lineno;
          return -1;
        }
      const uint8_t *bad = u8_check ((const uint8_t *) line, n);
      if (bad)
        {
          size_t at = (size_t) ((const char *) bad - line);
          /* A file saved by a Chinese editor as "ANSI" is GB18030 on
             every line: the first error says so, and how to mend it.  */
          size_t gb_len;
          char *gb = tz->bad_utf8 ? NULL : import_gb18030 (line, n, &gb_len);
          if (gb)
            diags_add (diags, DIAG_ERROR, path, lineno,
                       _("invalid UTF-8 at byte %zu of the line (byte offset "
                         "%zu in the file): the file seems to be GB18030 "
                         "(GBK, GB2312); save it as UTF-8 (iconv -f GB18030 "
                         "-t UTF-8)"), at + 1, line_off + at);
          else
            diags_add (diags, DIAG_ERROR, path, lineno,
                       _("invalid UTF-8 at byte %zu of the line (byte offset "
                         "%zu in the file)"), at + 1, line_off + at);
          free (gb);
          tz->bad_utf8 = 1;
          continue;
        }
      if (n > 0 && line[0] == '#')
        continue;
      size_t i = 0;
      while (i < n && is_space (line[i]))
        i++;
      if (i == n)
        {
          cur = NULL;
          continue;
        }
      size_t k = i;
      while (k < n && is_key_char (line[k]))
        k++;
      struct field f = { 0 };
      if (k == i || k >= n || line[k] != ':' || i > 0)
        {
          /* Title.EN: the key is there, in letters of the wrong case.  */
          size_t u = k;
          int upper = 0;
          while (i == 0 && u < n && (is_key_char (line[u])
                                     || (line[u] >= 'A' && line[u] <= 'Z')))
            upper |= line[u++] <= 'Z' && line[u - 1] >= 'A';
          if (upper && u < n && line[u] == ':')
            diags_add (diags, DIAG_ERROR, path, lineno,
                       _("field name '%.*s' in capitals: field names are "
                         "in lower case"), (int) u, line);
          else
            diags_add (diags, DIAG_ERROR, path, lineno,
                       _("expected 'key: value' at the start of the line"));
          continue;
        }
      if (parse_key (line + i, k - i, &f) != 0)
        {
          diags_add (diags, DIAG_ERROR, path, lineno,
                     _("malformed field name '%.*s' (expected NAME, NAME.zh, "
                       "NAME.en, with .tr, or NAME.en.rev)"),
                     (int) (k - i), line + i);
          free (f.base);
          continue;
        }
      size_t v = k + 1;
      while (v < n && is_space (line[v]))
        v++;
      size_t e = n;
      while (e > v && is_space (line[e - 1]))
        e--;
      f.value = xstrndup (line + v, e - v);
      f.value_len = e - v;
      f.value_off = line_off + v;
      f.line = lineno;
      if (cur == NULL)
        {
          rf->blocks = xgrow (rf->blocks, &rf->alloc, rf->count + 1,
                              sizeof *rf->blocks);
          cur = &rf->blocks[rf->count++];
          memset (cur, 0, sizeof *cur);
        }
      if (cur->alloc == 0)
        {
          /* Most blocks are a paragraph in one or two languages.  */
          cur->alloc = 2;
          cur->fields = xmalloc (cur->alloc * sizeof *cur->fields);
        }
      cur->fields = xgrow (cur->fields, &cur->alloc, cur->count + 1,
                           sizeof *cur->fields);
      cur->fields[cur->count++] = f;
    }
  tz->pos = pos;
  tz->lineno = lineno;
  return 0;
}

/* Read all of DATA into RF.  */
static int
tokenize (const char *path, const char *data, size_t len,
          struct rawfile *rf, struct diags *diags)
{
  struct tokenizer tz = { 0 };
  return tokenize_some (path, data, len, &tz, rf, 0, diags);
}

static void
field_name (const struct field *f, char *buf, size_t size)
{
  snprintf (buf, size, "%s%s%s%s", f->base,
            f->has_lang && strcmp (f->base, "zh") && strcmp (f->base, "en")
            ? (f->lang == LANG_ZH ? ".zh" : ".en") : "",
            f->translated ? ".tr" : "", f->revision ? ".rev" : "");
}

/* Store F into the side of BT it names, reporting duplicates.  */
static void
set_side (struct bitext *bt, struct field *f, const char *path,
          struct diags *diags)
{
  struct text *t = f->revision ? &bt->rev : &bt->side[f->lang];
  /* Named only for a message: every field of every document comes
     here, and a browser opening on 2000 documents spent 6% of its time
     naming them.  */
  char name[64];
  if (t->origin != ORIGIN_NONE || f->value_len == 0)
    field_name (f, name, sizeof name);
  if (t->origin != ORIGIN_NONE)
    {
      /* The first as it was written (title.zh, then title.zh.tr: one
         text given as the release's and as a translation).  */
      struct field first = *f;
      first.translated = t->origin == ORIGIN_TRANSLATION;
      char first_name[64];
      field_name (&first, first_name, sizeof first_name);
      /* A paragraph or heading given twice is two run together; a
         header field (title, region) stands alone, blank line or not.  */
      static const char *const body[] = { "zh", "en", "heading", "section",
                                          "keywords" };
      int text = 0;
      for (size_t k = 0; k < sizeof body / sizeof *body; k++)
        text |= strcmp (f->base, body[k]) == 0;
      if (strcmp (first_name, name) != 0)
        diags_add (diags, DIAG_ERROR, path, f->line,
                   _("'%s' gives the text '%s' gave (line %lu): one text is "
                     "the release's or the project's translation, not "
                     "both"), name, first_name, t->line);
      else if (text)
        diags_add (diags, DIAG_ERROR, path, f->line,
                   _("'%s' given twice in one block (first at line %lu); "
                     "separate paragraphs with a blank line"), name, t->line);
      else
        diags_add (diags, DIAG_ERROR, path, f->line,
                   _("'%s' given twice (first at line %lu)"), name, t->line);
      return;
    }
  if (f->value_len == 0)
    {
      diags_add (diags, DIAG_ERROR, path, f->line,
                 _("empty value for '%s'"), name);
      return;
    }
  t->str = f->value;
  t->len = f->value_len;
  f->value = NULL;
  t->origin = f->revision ? ORIGIN_REVISION
    : f->translated ? ORIGIN_TRANSLATION : ORIGIN_RELEASE;
  t->line = f->line;
  t->file_off = f->value_off;
}

/* A revision revises the release's English: report one without it.
   Returns -1 if reported.  */
static int
check_revision (const struct bitext *bt, const char *what, const char *path,
                struct diags *diags)
{
  if (bt->rev.origin == ORIGIN_NONE
      || bt->side[LANG_EN].origin == ORIGIN_RELEASE)
    return 0;
  diags_add (diags, DIAG_ERROR, path, bt->rev.line,
             _("'%s.rev' revises the release's English, but there is no "
               "'%s' beside it"), what, what);
  return -1;
}

static void
set_plain (char **dst, unsigned long *dst_line, struct field *f,
           const char *path, struct diags *diags)
{
  if (f->has_lang)
    {
      diags_add (diags, DIAG_ERROR, path, f->line,
                 _("field '%s' takes no language"), f->base);
      return;
    }
  if (*dst)
    {
      diags_add (diags, DIAG_ERROR, path, f->line,
                 _("duplicate field '%s' (first given at line %lu)"),
                 f->base, *dst_line);
      return;
    }
  *dst = f->value;
  *dst_line = f->line;
  f->value = NULL;
}

/* Check the "casebook-format: 1" line, which must come first.  */
static int
check_format (const struct rawfile *rf, const char *path, struct diags *diags,
              size_t errors_before)
{
  if (rf->count == 0 && diags->errors > errors_before)
    return -1;                  /* nothing usable, and already said why */
  if (rf->count == 0)
    {
      diags_add (diags, DIAG_ERROR, path, 1,
                 _("empty file: expected 'casebook-format: %d'"),
                 CONTENT_FORMAT_VERSION);
      return -1;
    }
  const struct field *f = &rf->blocks[0].fields[0];
  if (strcmp (f->base, "casebook-format") != 0 || f->has_lang)
    {
      diags_add (diags, DIAG_ERROR, path, f->line,
                 _("the first field must be 'casebook-format: %d'"),
                 CONTENT_FORMAT_VERSION);
      return -1;
    }
  char *end;
  long v = strtol (f->value, &end, 10);
  if (*f->value == '\0' || *end != '\0' || v != CONTENT_FORMAT_VERSION)
    {
      diags_add (diags, DIAG_ERROR, path, f->line,
                 _("unsupported format version '%s' (this casebook reads "
                   "version %d)"), f->value, CONTENT_FORMAT_VERSION);
      return -1;
    }
  return 0;
}

/* Report F, a "casebook-format" field, unless it is the first line
   check_format() read (at FORMAT_LINE): a second one is as much a
   duplicate as a second 'number', and would leave the reader to guess
   which version the file means.  */
static void
check_format_again (const struct field *f, unsigned long format_line,
                    const char *path, struct diags *diags)
{
  if (f->line != format_line)
    diags_add (diags, DIAG_ERROR, path, f->line,
               _("duplicate field '%s' (first given at line %lu)"),
               "casebook-format", format_line);
}

size_t
content_split_keywords (const char *value, char ***items)
{
  size_t n = 0, alloc = 0;
  char **v = NULL;
  const char *p = value;
  for (;;)
    {
      /* '|' or its full-width form '｜' (U+FF5C), which folding (NFKC)
         turns into '|': the search cache splits the folded text.  One
         pass up to the next separator: searching the rest of the list
         for each kind made a list of 20,000 keywords quadratic.  */
      const char *bar = p;
      size_t bar_len = 0;
      for (; *bar; bar++)
        if (*bar == '|')
          {
            bar_len = 1;
            break;
          }
        else if (bar[0] == '\xef' && bar[1] == '\xbd' && bar[2] == '\x9c')
          {
            bar_len = 3;
            break;
          }
      const char *e = bar;
      if (bar_len == 0)
        bar = NULL;
      const char *s = p;
      while (s < e && is_space (*s))
        s++;
      while (e > s && is_space (e[-1]))
        e--;
      if (e > s)
        {
          v = xgrow (v, &alloc, n + 1, sizeof *v);
          v[n++] = xstrndup (s, (size_t) (e - s));
        }
      if (bar == NULL)
        break;
      p = bar + bar_len;
    }
  *items = v;
  return n;
}

/* A keyword list whose split left out an empty item ("a | | b", or a
   bar at either end) is told so: the loader drops it, which an author
   who meant a keyword there needs to hear.  COUNT is what the split of
   T kept.  */
static void
warn_empty_keyword (const struct text *t, size_t count, const char *path,
                    struct diags *diags)
{
  size_t bars = 0;
  for (const char *p = t->str; *p; p++)
    bars += *p == '|' || (p[0] == '\xef' && p[1] == '\xbd' && p[2] == '\x9c');
  if (count < bars + 1)
    diags_add (diags, DIAG_WARNING, path, t->line,
               _("an empty keyword (two bars together, or a bar at an end) "
                 "is left out"));
}

static int
heading_level (const struct bitext *bt)
{
  static const char *const level2_zh[] = { "(", "\xef\xbc\x88" /* （ */ };
  for (int l = 0; l < LANG_COUNT; l++)
    {
      const struct text *t = bitext_get (bt, l);
      if (t == NULL)
        continue;
      for (size_t i = 0; i < sizeof level2_zh / sizeof *level2_zh; i++)
        if (strncmp (t->str, level2_zh[i], strlen (level2_zh[i])) == 0)
          return 2;
    }
  return 1;
}

enum block_base
{
  BASE_PARAGRAPH, BASE_HEADING, BASE_SECTION, BASE_KEYWORDS, BASE_HEADER,
  BASE_NOTE, BASE_UNKNOWN
};

static enum block_base
classify (const struct field *f)
{
  static const char *const header[] = {
    "casebook-format", "number", "title", "procuratorate", "region"
  };
  if (strcmp (f->base, "zh") == 0 || strcmp (f->base, "en") == 0)
    return BASE_PARAGRAPH;
  if (strcmp (f->base, "heading") == 0)
    return BASE_HEADING;
  if (strcmp (f->base, "section") == 0)
    return BASE_SECTION;
  if (strcmp (f->base, "keywords") == 0)
    return BASE_KEYWORDS;
  if (strcmp (f->base, "glossary-ok") == 0)
    return BASE_NOTE;           /* goes with any body block */
  for (size_t i = 0; i < sizeof header / sizeof *header; i++)
    if (strcmp (f->base, header[i]) == 0)
      return BASE_HEADER;
  return BASE_UNKNOWN;
}

static struct section *
add_section (struct document *doc, size_t *alloc)
{
  doc->sections = xgrow (doc->sections, alloc, doc->nsections + 1,
                         sizeof *doc->sections);
  struct section *s = &doc->sections[doc->nsections++];
  memset (s, 0, sizeof *s);
  return s;
}

static void
header_field (struct document *doc, struct field *f, int *have_number,
              unsigned long *number_line, unsigned long format_line,
              const char *path, struct diags *diags)
{
  if (strcmp (f->base, "casebook-format") == 0)
    {
      check_format_again (f, format_line, path, diags);
      return;
    }
  if (strcmp (f->base, "number") == 0)
    {
      char *end;
      long n = strtol (f->value, &end, 10);
      int digits = !f->has_lang && *f->value >= '0' && *f->value <= '9'
        && *end == '\0';
      if (!digits || n > CONTENT_NUMBER_MAX)
        {
          if (digits)
            diags_add (diags, DIAG_ERROR, path, f->line,
                       _("'number' must be at most %ld, not '%s'"),
                       CONTENT_NUMBER_MAX, f->value);
          else
            diags_add (diags, DIAG_ERROR, path, f->line,
                       _("'number' must be a whole number, not '%s'"),
                       f->value);
          /* Given, if wrongly: not also "missing".  */
          if (*have_number == 0)
            *have_number = -1;
          return;
        }
      if (*have_number > 0)
        {
          diags_add (diags, DIAG_ERROR, path, f->line,
                     _("duplicate field 'number' (first given at line %lu)"),
                     *number_line);
          return;
        }
      doc->number = n;
      *have_number = 1;
      *number_line = f->line;
      return;
    }
  if (!f->has_lang)
    {
      diags_add (diags, DIAG_ERROR, path, f->line,
                 _("field '%s' needs a language: '%s.zh' or '%s.en'"),
                 f->base, f->base, f->base);
      return;
    }
  struct bitext *bt = strcmp (f->base, "title") == 0 ? &doc->title
    : strcmp (f->base, "procuratorate") == 0 ? &doc->procuratorate
    : &doc->region;
  set_side (bt, f, path, diags);
}

/* Parse DATA into DOC.  With HEADER_ONLY, stop at the first paragraph or
   heading, keep no section, mark DOC partial, and set *STOPPED when the
   text was reached (else all of DATA was the header).  Listings keep
   what a header read gives (headcache.h): a change to it, or to the
   problems it reports, raises CONTENT_HEADER_VERSION (content.h).  */
int
content_parse_part (const char *path, const char *data, size_t len,
                    struct document *doc, struct diags *diags, int header_only,
                    int *stopped)
{
  size_t errors_before = diags->errors;
  struct rawfile rf = { 0 };
  struct tokenizer tz = { 0 };
  memset (doc, 0, sizeof *doc);
  doc->path = xstrdup (path);
  doc->number = -1;
  doc->partial = header_only;
  if (stopped)
    *stopped = 0;
  /* A few hundred blocks at a time: the model keeps the texts, and the
     raw fields of the blocks already built are freed.  A header is a
     handful of blocks.  */
  const size_t chunk = header_only ? 1 : 512;
  if (tokenize_some (path, data, len, &tz, &rf, chunk, diags) != 0
      || check_format (&rf, path, diags, errors_before) != 0)
    {
      rawfile_free (&rf);
      return -1;
    }

  int have_number = 0, in_body = 0, seen_text = 0;
  unsigned long number_line = 0, keywords_line = 0;
  const unsigned long format_line = rf.blocks[0].fields[0].line;
  size_t sections_alloc = 0, blocks_alloc = 0;
  struct section *sec = NULL;
  /* Where the problems of the blocks read last begin: a header read
     alone stops at the block after it, and what reading that block
     found belongs to the body, which is not being read.  */
  size_t chunk_diags = diags->count, blocks_seen = 0;
  for (size_t b = 0;; b++)
    {
      if (b == rf.count)
        {
          if (tz.pos >= len)
            break;
          rawfile_free (&rf);
          b = 0;
          chunk_diags = diags->count;
          if (tokenize_some (path, data, len, &tz, &rf, chunk, diags) != 0)
            {
              /* A NUL past the first block: the document is no text to
                 a reader of all of it; a reader of its header stops
                 there, as before any problem of the text.  */
              rawfile_free (&rf);
              if (header_only)
                {
                  diags_truncate (diags, chunk_diags);
                  if (stopped)
                    *stopped = 1;
                }
              break;
            }
          if (rf.count == 0)
            {
              if (header_only)
                diags_truncate (diags, chunk_diags);
              break;
            }
        }
      struct rawblock *rb = &rf.blocks[b];
      enum block_base kind = BASE_UNKNOWN;
      for (size_t i = 0; i < rb->count && (kind == BASE_UNKNOWN || kind == BASE_NOTE); i++)
        kind = classify (&rb->fields[i]);
      /* The header ends where the text begins (its keywords come after
         a section heading); a block that is nothing known, after the
         first, is the text's problem too.  */
      if (header_only && blocks_seen++ > 0
          && (kind == BASE_PARAGRAPH || kind == BASE_HEADING
              || kind == BASE_UNKNOWN))
        {
          diags_truncate (diags, chunk_diags);
          if (stopped)
            *stopped = 1;
          break;
        }
      if (kind == BASE_UNKNOWN)
        {
          for (size_t i = 0; i < rb->count; i++)
            {
              char name[64];
              field_name (&rb->fields[i], name, sizeof name);
              diags_add (diags, DIAG_ERROR, path, rb->fields[i].line,
                         _("unknown field '%s'"), name);
            }
          continue;
        }
      int bad = 0;
      for (size_t i = 0; i < rb->count; i++)
        {
          enum block_base k = classify (&rb->fields[i]);
          if (k == kind && (k == BASE_HEADER || rb->fields[i].has_lang)
              && !(k == BASE_HEADER && in_body))
            continue;           /* the common case: nothing to report */
          char name[64];
          field_name (&rb->fields[i], name, sizeof name);
          if (k == BASE_NOTE && (kind == BASE_PARAGRAPH || kind == BASE_HEADING))
            {
              if (rb->fields[i].has_lang)
                {
                  diags_add (diags, DIAG_ERROR, path, rb->fields[i].line,
                             _("field '%s' takes no language"), "glossary-ok");
                  bad = 1;
                }
              continue;
            }
          if (k == BASE_UNKNOWN)
            {
              /* Report it and read the rest of the block.  */
              diags_add (diags, DIAG_ERROR, path, rb->fields[i].line,
                         _("unknown field '%s'"), name);
              rb->fields[i].skip = 1;
            }
          else if (k == BASE_HEADER && (in_body || kind != BASE_HEADER))
            {
              diags_add (diags, DIAG_ERROR, path, rb->fields[i].line,
                         _("header field '%s' after the body began"), name);
              bad = 1;
            }
          else if (k != kind)
            {
              char first[64];
              size_t f0 = 0;
              while (rb->fields[f0].skip)
                f0++;
              field_name (&rb->fields[f0], first, sizeof first);
              diags_add (diags, DIAG_ERROR, path, rb->fields[i].line,
                         _("'%s' cannot share a block with '%s' "
                           "(separate them with a blank line)"), name, first);
              bad = 1;
            }
          else if (k == BASE_NOTE)
            {
              /* A note alone: it takes no language, and "needs a
                 language" sent the writer to the error above.  */
              diags_add (diags, DIAG_ERROR, path, rb->fields[i].line,
                         _("field '%s' belongs in the block of the text it "
                           "is about (a paragraph or a heading), not in a "
                           "block of its own"), "glossary-ok");
              bad = 1;
            }
          else if (k != BASE_HEADER && !rb->fields[i].has_lang)
            {
              diags_add (diags, DIAG_ERROR, path, rb->fields[i].line,
                         _("field '%s' needs a language: '%s.zh' or '%s.en'"),
                         name, name, name);
              bad = 1;
            }
        }
      /* A header block with a field that belongs elsewhere still gives
         its own fields: the error said what is wrong, and "missing field
         'number'" beside it, for a number that is there, would send the
         reader looking for the wrong thing.  */
      if (bad && !(kind == BASE_HEADER && !in_body))
        continue;
      if (kind == BASE_HEADER)
        {
          for (size_t i = 0; i < rb->count; i++)
            if (!rb->fields[i].skip
                && classify (&rb->fields[i]) == BASE_HEADER)
              header_field (doc, &rb->fields[i], &have_number, &number_line,
                            format_line, path, diags);
          doc->number_line = number_line;
          continue;
        }
      in_body = 1;
      if (kind == BASE_SECTION)
        {
          sec = add_section (doc, &sections_alloc);
          blocks_alloc = 0;
          sec->line = rb->fields[0].line;
          for (size_t i = 0; i < rb->count; i++)
            if (!rb->fields[i].skip)
              set_side (&sec->title, &rb->fields[i], path, diags);
          check_revision (&sec->title, "section.en", path, diags);
          continue;
        }
      if (sec == NULL)
        {
          sec = add_section (doc, &sections_alloc);
          blocks_alloc = 0;
          sec->line = rb->fields[0].line;
        }
      sec->blocks = xgrow (sec->blocks, &blocks_alloc, sec->nblocks + 1,
                           sizeof *sec->blocks);
      struct block *blk = &sec->blocks[sec->nblocks++];
      memset (blk, 0, sizeof *blk);
      blk->kind = kind == BASE_HEADING ? BLOCK_HEADING
        : kind == BASE_KEYWORDS ? BLOCK_KEYWORDS : BLOCK_PARAGRAPH;
      blk->line = rb->fields[0].line;
      for (size_t i = 0; i < rb->count; i++)
        if (rb->fields[i].skip)
          continue;
        else if (classify (&rb->fields[i]) == BASE_NOTE)
          {
            char **items;
            size_t n = content_split_keywords (rb->fields[i].value, &items);
            blk->glossary_ok = xrealloc (blk->glossary_ok,
                                         (blk->nglossary_ok + n + 1) * sizeof *items);
            if (n > 0)          /* ITEMS is NULL when there are none */
              memcpy (blk->glossary_ok + blk->nglossary_ok, items,
                      n * sizeof *items);
            blk->nglossary_ok += n;
            free (items);
          }
        else
          set_side (&blk->text, &rb->fields[i], path, diags);
      /* The revision first: a block of 'en.rev' alone lacks the
         release's English it revises, which is what casebook(5) lists
         and what its author needs to hear, not that it has no text.  */
      if (check_revision (&blk->text, blk->kind == BLOCK_HEADING ? "heading.en"
                          : blk->kind == BLOCK_KEYWORDS ? "keywords.en" : "en",
                          path, diags) != 0)
        continue;
      if (bitext_is_empty (&blk->text))
        {
          diags_add (diags, DIAG_ERROR, path, blk->line,
                     _("a block with neither Chinese nor English text"));
          continue;
        }
      if (blk->kind == BLOCK_HEADING)
        blk->level = heading_level (&blk->text);
      seen_text |= blk->kind != BLOCK_KEYWORDS;
      if (blk->kind == BLOCK_KEYWORDS)
        {
          if (keywords_line)
            {
              diags_add (diags, DIAG_ERROR, path, blk->line,
                         _("a second keyword list (the first is at line %lu)"),
                         keywords_line);
              continue;
            }
          keywords_line = blk->line;
          if (seen_text)
            diags_add (diags, DIAG_WARNING, path, blk->line,
                       _("the keyword list follows the text; put it before "
                         "the first paragraph (the browser lists documents "
                         "by what precedes their text)"));
          for (int l = 0; l < LANG_COUNT; l++)
            {
              const struct text *t = bitext_get (&blk->text, l);
              if (t == NULL)
                continue;
              doc->keywords.count[l] =
                content_split_keywords (t->str, &doc->keywords.items[l]);
              doc->keywords.origin[l] = t->origin;
              warn_empty_keyword (t, doc->keywords.count[l], path,
                                  diags);
            }
          if (blk->text.rev.origin == ORIGIN_REVISION)
            {
              doc->keywords.rev_count =
                content_split_keywords (blk->text.rev.str,
                                        &doc->keywords.rev_items);
              warn_empty_keyword (&blk->text.rev,
                                  doc->keywords.rev_count, path, diags);
            }
          /* The Chinese pairs with the English the project stands by: its
             revision where there is one (the release's own list may be
             split differently).  */
          size_t en_count = doc->keywords.rev_count
            ? doc->keywords.rev_count : doc->keywords.count[LANG_EN];
          if (doc->keywords.count[LANG_ZH] && en_count
              && doc->keywords.count[LANG_ZH] != en_count)
            diags_add (diags, DIAG_ERROR, path, blk->line,
                       /* The plural follows the first count; the second
                          is put so as to need none.  */
                       ngettext ("%zu Chinese keyword but %zu in English: "
                                 "the lists must pair item by item",
                                 "%zu Chinese keywords but %zu in English: "
                                 "the lists must pair item by item",
                                 doc->keywords.count[LANG_ZH]),
                       doc->keywords.count[LANG_ZH], en_count);
        }
    }
  if (header_only)
    {
      /* The sections come with the rest of the document.  */
      struct document head = *doc;
      head.nsections = 0;
      head.sections = NULL;
      doc->title = (struct bitext) { 0 };
      doc->procuratorate = (struct bitext) { 0 };
      doc->region = (struct bitext) { 0 };
      doc->keywords = (struct keyword_list) { 0 };
      doc->path = NULL;
      document_free (doc);
      *doc = head;
    }
  check_revision (&doc->title, "title.en", path, diags);
  check_revision (&doc->procuratorate, "procuratorate.en", path, diags);
  check_revision (&doc->region, "region.en", path, diags);
  if (have_number == 0)
    diags_add (diags, DIAG_ERROR, path, 1, _("missing field 'number'"));
  if (bitext_is_empty (&doc->title))
    diags_add (diags, DIAG_WARNING, path, 1,
               _("no title: add 'title.zh' or 'title.en'"));
  rawfile_free (&rf);
  return diags->errors > errors_before ? -1 : 0;
}

int
content_parse_document (const char *path, const char *data, size_t len,
                        struct document *doc, struct diags *diags)
{
  return content_parse_part (path, data, len, doc, diags, 0, NULL);
}

/* The id ID, written by hand at line LINE of PATH, checked as import
   checks the names it gives (library_name_norm): a hidden character is
   an error, a look-alike form (ｂａｔｃｈ３) a warning.  */
static void
check_id (const char *id, const char *path, unsigned long line,
          struct diags *diags)
{
  char *cause = NULL;
  /* A collection is named by its id (batch3/7, library remove ID): an
     empty one names nothing, and one that begins with a dot is the
     name of a directory never read.  */
  if (*id == '\0' || *id == '.')
    {
      diags_add (diags, DIAG_ERROR, path, line,
                 _("'id' must name the collection: not empty, and not "
                   "beginning with '.'"));
      return;
    }
  char *norm = library_name_norm (id, &cause);
  if (norm == NULL)
    diags_add (diags, DIAG_ERROR, path, line, "%s", cause);
  else if (!library_name_ok (norm))
    diags_add (diags, DIAG_WARNING, path, line,
               _("'id' '%s' is not a name casebook import would give (ASCII "
                 "letters, digits, '-', '_' and '.', or other scripts' "
                 "letters): commands must quote it"), id);
  else if (strcmp (norm, id) != 0 && strchr (norm, '/') == NULL)
    /* (A form that would be a slash is not offered: no id holds one.)
       TRANSLATORS: "'id' ｂａｔｃｈ３ is ... write batch3 ...".  */
    diags_add (diags, DIAG_WARNING, path, line,
               _("'id' %s is written in look-alike forms (full-width "
                 "letters or digits, or the like), which could make "
                 "it pass for another; write %s, as casebook import "
                 "names collections"), id, norm);
  free (norm);
  free (cause);
}

void
content_check_dir_id (const char *id, const char *meta_path,
                      struct diags *diags)
{
  char *cause = NULL;
  char *norm = library_name_norm (id, &cause);
  if (norm == NULL)
    /* TRANSLATORS: %s says why the directory's name cannot name a
       collection ("'a<U+200B>b' cannot name a collection: ...").  */
    diags_add (diags, DIAG_WARNING, meta_path, 0,
               _("%s; it is this collection's directory, and this file "
                 "gives no 'id': give one here"), cause);
  else if (strcmp (norm, id) != 0 && strchr (norm, '/') == NULL)
    diags_add (diags, DIAG_WARNING, meta_path, 0,
               _("the collection's name %s, its directory's (this file "
                 "gives no 'id'), is written in look-alike forms "
                 "(full-width letters or digits, or the like), which "
                 "could make it pass for another; give 'id: %s' here"),
               id, norm);
  free (norm);
  free (cause);
}

int
content_parse_collection (const char *path, const char *data, size_t len,
                          struct collection *coll, struct diags *diags)
{
  size_t errors_before = diags->errors;
  struct rawfile rf = { 0 };
  if (tokenize (path, data, len, &rf, diags) != 0
      || check_format (&rf, path, diags, errors_before) != 0)
    {
      rawfile_free (&rf);
      return -1;
    }
  unsigned long id_line = 0, date_line = 0, source_line = 0;
  const unsigned long format_line = rf.blocks[0].fields[0].line;
  for (size_t b = 0; b < rf.count; b++)
    for (size_t i = 0; i < rf.blocks[b].count; i++)
      {
        struct field *f = &rf.blocks[b].fields[i];
        char name[64];
        field_name (f, name, sizeof name);
        if (strcmp (f->base, "casebook-format") == 0)
          check_format_again (f, format_line, path, diags);
        else if (strcmp (f->base, "id") == 0)
          set_plain (&coll->id, &id_line, f, path, diags);
        else if (strcmp (f->base, "date") == 0)
          set_plain (&coll->date, &date_line, f, path, diags);
        else if (strcmp (f->base, "source") == 0)
          set_plain (&coll->source, &source_line, f, path, diags);
        else if (strcmp (f->base, "title") == 0 && f->has_lang)
          set_side (&coll->title, f, path, diags);
        else if (strcmp (f->base, "publisher") == 0 && f->has_lang)
          set_side (&coll->publisher, f, path, diags);
        else if (strcmp (f->base, "theme") == 0 && f->has_lang)
          set_side (&coll->theme, f, path, diags);
        else
          diags_add (diags, DIAG_ERROR, path, f->line,
                     _("unknown field '%s'"), name);
      }
  check_revision (&coll->title, "title.en", path, diags);
  check_revision (&coll->publisher, "publisher.en", path, diags);
  check_revision (&coll->theme, "theme.en", path, diags);
  if (bitext_is_empty (&coll->title))
    diags_add (diags, DIAG_ERROR, path, 1,
               _("missing field 'title.zh' or 'title.en'"));
  if (coll->id && strchr (coll->id, '/'))
    diags_add (diags, DIAG_ERROR, path, id_line,
               _("'id' must not contain '/'"));
  if (coll->id)
    check_id (coll->id, path, id_line, diags);
  if (coll->date && !util_date_valid (coll->date))
    diags_add (diags, DIAG_ERROR, path, date_line,
               _("'date' must be a day written YYYY-MM-DD"));
  rawfile_free (&rf);
  return diags->errors > errors_before ? -1 : 0;
}

static size_t
split_tabs (char *line, char **fields, size_t max)
{
  size_t n = 0;
  char *p = line;
  while (n < max)
    {
      fields[n++] = p;
      char *tab = strchr (p, '\t');
      if (tab == NULL)
        break;
      *tab = '\0';
      p = tab + 1;
    }
  return n;
}

static char *
trim (char *s)
{
  while (*s == ' ')
    s++;
  size_t n = strlen (s);
  while (n > 0 && s[n - 1] == ' ')
    s[--n] = '\0';
  return s;
}

int
content_parse_glossary (const char *path, const char *data, size_t len,
                        struct glossary *g, struct diags *diags)
{
  size_t errors_before = diags->errors;
  size_t alloc = 0;
  int seen_magic = 0;
  g->path = xstrdup (path);
  const char *nul = memchr (data, '\0', len);
  if (nul)
    {
      /* Where it is, as tokenize_some says for a document.  */
      unsigned long line = 1;
      for (const char *p = data; p < nul; p++)
        line += *p == '\n';
      diags_add (diags, DIAG_ERROR, path, line,
                 _("NUL byte in the glossary: not a text file"));
      return -1;
    }
  struct strmap seen = { 0 };
  size_t pos = 0;
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    pos = 3;
  unsigned long lineno = 0;
  while (pos < len)
    {
      const char *nl = memchr (data + pos, '\n', len - pos);
      size_t n = nl ? (size_t) (nl - (data + pos)) : len - pos;
      char *line = xstrndup (data + pos, n);
      pos += n + (nl != NULL);
      lineno++;
      if (n > 0 && line[n - 1] == '\r')
        line[--n] = '\0';
      const uint8_t *bad = u8_check ((const uint8_t *) line, n);
      if (bad)
        {
          diags_add (diags, DIAG_ERROR, path, lineno,
                     _("invalid UTF-8 at column byte %zu"),
                     (size_t) ((const char *) bad - line) + 1);
          free (line);
          continue;
        }
      if (n == 0 || line[0] == '#')
        {
          free (line);
          continue;
        }
      char *fields[7];
      size_t nf = split_tabs (line, fields, 7);
      if (!seen_magic)
        {
          if (nf != 2 || strcmp (fields[0], "casebook-glossary") != 0
              || strcmp (fields[1], "1") != 0)
            {
              diags_add (diags, DIAG_ERROR, path, lineno,
                         _("the first line must be 'casebook-glossary<TAB>1'"));
              free (line);
              strmap_free (&seen);
              return -1;
            }
          seen_magic = 1;
          free (line);
          continue;
        }
      char *zh = trim (fields[0]);
      char *en = nf > 1 ? trim (fields[1]) : NULL;
      /* Say what is wrong with the line: a line of tabs has the fields
         it needs, and "expected 2 to 6 fields" would send its author
         counting tabs when what it lacks is the term.  */
      int broken = 1;
      if (nf <= 6 && *zh == '\0')
        diags_add (diags, DIAG_ERROR, path, lineno,
                   _("empty term: the first field must give the Chinese "
                     "term"));
      else if (nf > 6 || en == NULL)
        diags_add (diags, DIAG_ERROR, path, lineno,
                   _("expected 2 to 6 tab-separated fields: zh, en, "
                     "Chinese variants, English variants, Chinese "
                     "synonyms, English synonyms"));
      else if (*en == '\0')
        diags_add (diags, DIAG_ERROR, path, lineno,
                   _("term '%s' has an empty English rendering (the "
                     "second field)"), zh);
      else
        broken = 0;
      if (broken)
        {
          free (line);
          continue;
        }
      /* A hash of the terms so far: a glossary of 200,000 terms checked
         against every earlier one took minutes.  */
      int dup = strmap_get (&seen, zh) != NULL;
      if (dup)
        diags_add (diags, DIAG_ERROR, path, lineno,
                   _("duplicate term '%s'"), zh);
      else
        {
          g->entries = xgrow (g->entries, &alloc, g->count + 1,
                              sizeof *g->entries);
          struct glossary_entry *e = &g->entries[g->count++];
          memset (e, 0, sizeof *e);
          e->line = lineno;
          e->term[LANG_ZH] = xstrdup (zh);
          e->term[LANG_EN] = xstrdup (en);
          strmap_put (&seen, e->term[LANG_ZH], g->count - 1);
          for (int l = 0; l < LANG_COUNT; l++)
            {
              if (nf > 2 + (size_t) l)
                e->nvariants[l] = content_split_keywords (fields[2 + l],
                                                           &e->variants[l]);
              if (nf > 4 + (size_t) l)
                e->nsynonyms[l] = content_split_keywords (fields[4 + l],
                                                           &e->synonyms[l]);
            }
        }
      free (line);
    }
  strmap_free (&seen);
  if (!seen_magic)
    diags_add (diags, DIAG_ERROR, path, 1,
               _("empty glossary: expected 'casebook-glossary<TAB>1'"));
  return diags->errors > errors_before ? -1 : 0;
}
