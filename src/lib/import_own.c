/* import_own.c -- casebook's own files offered to import (see
   import_own.h).  Known by content, not by name: a file is renamed,
   piped, or saved as .txt, and the marks checked are those casebook
   itself writes first.  */

#include <config.h>
#include "import_own.h"

#include <string.h>

#include "i18n.h"
#include "util.h"

/* How far into a file the marks are looked for: each stands in the
   first lines that casebook writes.  */
#define OWN_SNIFF_BYTES 8192

/* The line at *P (up to E) as [*LINE, *LINE + *LEN), CR dropped; *P
   moves past it.  0 at the end.  */
static int
next_line (const char **p, const char *e, const char **line, size_t *len)
{
  if (*p >= e)
    return 0;
  const char *nl = memchr (*p, '\n', (size_t) (e - *p));
  const char *end = nl ? nl : e;
  *line = *p;
  *len = (size_t) (end - *p);
  if (*len > 0 && end[-1] == '\r')
    (*len)--;
  *p = nl ? nl + 1 : e;
  return 1;
}

static int
line_starts (const char *line, size_t len, const char *prefix)
{
  size_t n = strlen (prefix);
  return len >= n && memcmp (line, prefix, n) == 0;
}

static int
blank (const char *line, size_t len)
{
  for (size_t i = 0; i < len; i++)
    if (line[i] != ' ' && line[i] != '\t')
      return 0;
  return 1;
}

/* A content file: its comments, then "casebook-format:" as the first
   key (casebook(5)); "number:" in its header makes it a document, "id:"
   a collection.  */
static enum import_own_kind
content_kind (const char *p, const char *e)
{
  const char *line = NULL;
  size_t len = 0;
  int found = 0;
  while (!found && next_line (&p, e, &line, &len))
    {
      if (blank (line, len) || line[0] == '#')
        continue;
      if (!line_starts (line, len, "casebook-format:"))
        return IMPORT_OWN_NONE;
      found = 1;
    }
  if (!found)
    return IMPORT_OWN_NONE;
  /* The header up to its first blank line.  */
  while (next_line (&p, e, &line, &len) && !blank (line, len))
    {
      if (line_starts (line, len, "number:"))
        return IMPORT_OWN_DOCUMENT;
      if (line_starts (line, len, "id:"))
        return IMPORT_OWN_COLLECTION;
    }
  return IMPORT_OWN_DOCUMENT;
}

/* A Markdown export (export.c, export_md): its title paragraphs
   ("# ..."), the header's fields (procuratorate, region: a few short
   paragraphs), then the quoted line naming the collection, a ">"
   alone, and the quoted note on the † of the project's translations,
   in whatever language the note was written.  */
static int
markdown_export (const char *p, const char *e)
{
  const char *line = NULL;
  size_t len = 0;
  int titles = 0, fields = 0, quote = 0;
  while (!quote && next_line (&p, e, &line, &len))
    {
      if (blank (line, len))
        continue;
      if (line_starts (line, len, "# ") && fields == 0)
        titles++;
      else if (line_starts (line, len, "> "))
        quote = 1;
      else if (titles == 0 || line_starts (line, len, "#") || ++fields > 8)
        return 0;
    }
  if (!quote || titles == 0)
    return 0;
  if (!next_line (&p, e, &line, &len) || len != 1 || line[0] != '>')
    return 0;
  if (!next_line (&p, e, &line, &len) || !line_starts (line, len, "> "))
    return 0;
  /* The note names the mark it explains: "†" is U+2020.  */
  return memmem (line, len, "\xe2\x80\xa0", 3) != NULL;
}

enum import_own_kind
import_own_kind (const char *data, size_t len)
{
  const char *p = data, *e = data + (len < OWN_SNIFF_BYTES ? len
                                     : OWN_SNIFF_BYTES);
  if (e - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  const char *q = p;
  while (q < e && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n'))
    q++;
  if (q == e)
    return IMPORT_OWN_NONE;
  /* No release starts with a brace; JSON and JSON Lines do.  */
  if (*q == '{')
    return IMPORT_OWN_JSON;
  enum import_own_kind k = content_kind (p, e);
  if (k != IMPORT_OWN_NONE)
    return k;
  return markdown_export (p, e) ? IMPORT_OWN_MARKDOWN : IMPORT_OWN_NONE;
}

int
import_own_refuse (const char *name, const char *data, size_t len,
                   char **cause)
{
  switch (import_own_kind (data, len))
    {
    case IMPORT_OWN_DOCUMENT:
      *cause = xasprintf (_("%s: a casebook document (casebook-format:), "
                            "not a release: copy it into a collection's "
                            "directory instead (see casebook(5))"), name);
      return -1;
    case IMPORT_OWN_COLLECTION:
      *cause = xasprintf (_("%s: a casebook collection file "
                            "(casebook-format:), not a release: its "
                            "directory is a collection already; give the "
                            "directory to --content (see casebook(5))"),
                          name);
      return -1;
    case IMPORT_OWN_JSON:
      *cause = xasprintf (_("%s: JSON, as casebook export writes it, not a "
                            "release: import the release's page or text"),
                          name);
      return -1;
    case IMPORT_OWN_MARKDOWN:
      *cause = xasprintf (_("%s: Markdown that casebook export wrote, not a "
                            "release: import the release's page or text, "
                            "or an HTML export"), name);
      return -1;
    case IMPORT_OWN_NONE:
      break;
    }
  return 0;
}
