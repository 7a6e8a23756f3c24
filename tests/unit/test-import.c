/* test-import.c -- importing the release text: every document and
   paragraph found, nothing dropped, and every release-given text of the
   shipped content equal to the imported one.  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "import.h"
#include "tap.h"

/* S without white space and keyword separators.  */
static char *
squeeze (const char *s, size_t len)
{
  struct buf b = { 0 };
  for (size_t i = 0; i < len; i++)
    {
      unsigned char c = (unsigned char) s[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '|')
        continue;
      if (c == 0xe2 && i + 2 < len && (unsigned char) s[i + 1] == 0x80
          && (unsigned char) s[i + 2] == 0x82)
        {
          i += 2;               /* EN SPACE */
          continue;
        }
      buf_addc (&b, (char) c);
    }
  return buf_steal (&b);
}

static void
add_release (struct buf *b, const struct bitext *bt)
{
  for (int l = 0; l < LANG_COUNT; l++)
    if (bt->side[l].origin == ORIGIN_RELEASE)
      buf_add (b, bt->side[l].str, bt->side[l].len);
}

int
main (void)
{
  const char *top = getenv ("top_srcdir");
  char *path = xasprintf ("%s/tests/data/release/spp-reform-typical-cases-batch3.txt",
                          top ? top : "..");
  size_t len;
  char *data = util_read_file (path, &len);
  tap_ok (data != NULL, "the release text is readable");
  struct diags d = { 0 };
  struct import_result res;
  import_release (path, data, len, &res, &d);
  tap_ok (res.documents == 9, "nine documents imported (%zu)", res.documents);
  tap_ok (res.nfiles == 10 && strcmp (res.files[0].name, "collection.cb") == 0,
          "a collection file and nine documents");
  tap_ok (d.errors == 0, "no errors");
  /* Keyword lines without separators (cases 1-4) are reported.  */
  size_t kw_warnings = 0;
  for (size_t i = 0; i < d.count; i++)
    kw_warnings += strstr (d.items[i].message, "no separators") != NULL;
  tap_ok (kw_warnings == 4, "4 keyword lines without separators are reported (%zu)", kw_warnings);

  /* Parse every imported file with the loader; gather all text.  */
  struct document docs[16];
  size_t ndocs = 0;
  struct buf all = { 0 };
  int parse_ok = 1;
  for (size_t i = 1; i < res.nfiles && ndocs < 16; i++)
    {
      struct diags pd = { 0 };
      if (content_parse_document (res.files[i].name, res.files[i].text,
                                  strlen (res.files[i].text), &docs[ndocs], &pd) != 0)
        {
          parse_ok = 0;
          for (size_t k = 0; k < pd.count; k++)
            printf ("# %s:%lu: %s\n", pd.items[k].file, pd.items[k].line,
                    pd.items[k].message);
        }
      diags_free (&pd);
      const struct document *doc = &docs[ndocs++];
      add_release (&all, &doc->title);
      for (size_t s = 0; s < doc->nsections; s++)
        {
          add_release (&all, &doc->sections[s].title);
          for (size_t b = 0; b < doc->sections[s].nblocks; b++)
            add_release (&all, &doc->sections[s].blocks[b].text);
        }
    }
  tap_ok (parse_ok, "every imported file loads without error");

  /* Nothing dropped: all text equals the source modulo white space,
     except the "Case N" markers, which become document numbers.  */
  char *src = squeeze (data, len);
  struct buf markers = { 0 };
  char *got = squeeze (all.data, all.len);
  size_t si = 0, gi = 0, glen = strlen (got), slen = strlen (src);
  while (si < slen && gi < glen && src[si] == got[gi])
    si++, gi++;
  int only_markers = 1;
  while (si < slen)
    {
      /* Compare whole characters: back up to the mismatching one.  */
      while (si > 0 && ((unsigned char) src[si] & 0xc0) == 0x80)
        si--, gi--;
      /* Skip a "CaseN" or "案例N" marker in the source.  */
      if (strncmp (src + si, "Case", 4) == 0 || strncmp (src + si, "案例", 6) == 0)
        {
          si += src[si] == 'C' ? 4 : 6;
          while (src[si] >= '0' && src[si] <= '9')
            si++;
        }
      else
        {
          only_markers = 0;
          break;
        }
      while (si < slen && gi < glen && src[si] == got[gi])
        si++, gi++;
    }
  if (!(only_markers && gi == glen))
    printf ("# source: [%.40s]\n#    got: [%.40s]\n", src + si, got + gi);
  tap_ok (only_markers && gi == glen,
          "imported text equals the source modulo white space (stopped at source byte %zu of %zu)",
          si, slen);
  buf_free (&markers);
  free (got);
  free (src);

  /* Every release-given text of the shipped content equals the imported
     one at the same place.  */
  char *cdir = xasprintf ("%s/content", top ? top : "..");
  struct diags cd = { 0 };
  struct library *lib = content_load (cdir, &cd);
  size_t compared = 0, differ = 0;
  for (size_t i = 0; i < library_document_count (lib); i++)
    {
      const struct document *sd = library_document (lib, i);
      const struct document *id = NULL;
      for (size_t k = 0; k < ndocs; k++)
        if (docs[k].number == sd->number)
          id = &docs[k];
      if (id == NULL || id->nsections != sd->nsections)
        {
          differ++;
          printf ("# document %ld: structure differs\n", sd->number);
          continue;
        }
      for (size_t s = 0; s < sd->nsections; s++)
        {
          if (id->sections[s].nblocks != sd->sections[s].nblocks)
            {
              differ++;
              printf ("# document %ld section %zu: %zu vs %zu blocks\n", sd->number, s,
                      id->sections[s].nblocks, sd->sections[s].nblocks);
              continue;
            }
          for (size_t b = 0; b < sd->sections[s].nblocks; b++)
            for (int l = 0; l < LANG_COUNT; l++)
              {
                const struct text *st = &sd->sections[s].blocks[b].text.side[l];
                const struct text *it = &id->sections[s].blocks[b].text.side[l];
                if (st->origin != ORIGIN_RELEASE)
                  continue;
                compared++;
                char *a = squeeze (st->str, st->len);
                char *c = it->str ? squeeze (it->str, it->len) : xstrdup ("");
                if (strcmp (a, c) != 0)
                  {
                    differ++;
                    printf ("# document %ld §%zu ¶%zu %s differs\n", sd->number, s, b,
                            lang_code (l));
                  }
                free (a);
                free (c);
              }
        }
    }
  tap_ok (compared > 250 && differ == 0,
          "every release-given paragraph of the shipped content equals the imported one "
          "(%zu compared, %zu differ)", compared, differ);
  library_free (lib);
  diags_free (&cd);
  free (cdir);
  for (size_t k = 0; k < ndocs; k++)
    document_free (&docs[k]);
  buf_free (&all);
  import_free (&res);
  diags_free (&d);
  free (data);
  free (path);

  /* Hostile input: bad bytes are replaced and reported, nothing crashes. */
  const char hostile[] = "Case 1\n\xff\xfeTitle\n【Odd marker】\ntext\0with NUL\n";
  struct import_result hr;
  struct diags hd = { 0 };
  import_release ("h.txt", hostile, sizeof hostile - 1, &hr, &hd);
  tap_ok (hr.documents == 1 && hd.warnings == 3,
          "hostile input: one document, three warnings (%zu)", hd.warnings);
  import_free (&hr);
  diags_free (&hd);
  /* The early question import asks of its directory, before the parse:
     a directory with a collection is refused, an empty or absent one
     is not.  */
  {
    char dir[] = "/tmp/cbimport.XXXXXX";
    tap_ok (mkdtemp (dir) != NULL, "a directory for an import");
    char *cause = NULL;
    char *absent = xasprintf ("%s/new", dir);
    tap_ok (import_dir_vacant (dir, &cause) == 0
            && import_dir_vacant (absent, &cause) == 0 && cause == NULL,
            "an empty or absent directory can take an import");
    char *meta = xasprintf ("%s/collection.cb", dir);
    FILE *f = fopen (meta, "w");
    if (f)
      fclose (f);
    tap_ok (import_dir_vacant (dir, &cause) == -1 && cause
            && strstr (cause, "already holds a collection") != NULL,
            "one with a collection cannot (%s)", cause ? cause : "no cause");
    free (cause);
    remove (meta);
    remove (dir);
    free (meta);
    free (absent);
  }
  /* A document larger than casebook reads is not written: it would stop
     every search of its library.  */
  {
    struct import_file f[2] = { { "collection.cb", "casebook-format: 1\n" },
                                { "01.cb", NULL } };
    size_t big = CONTENT_MAX_SIZE + 1;
    f[1].text = xmalloc (big + 1);
    memset (f[1].text, 'x', big);
    f[1].text[big] = '\0';
    struct import_result r = { .files = f, .nfiles = 2 };
    char *cause = NULL;
    int rc = import_check_sizes (&r, &cause);
    tap_ok (rc == -1 && cause
            && strstr (cause, "01.cb would be 65 MiB, more than the 64 MiB"),
            "a document of 64 MiB and a byte is refused, by name: %s",
            cause ? cause : "(none)");
    free (cause);
    f[1].text[CONTENT_MAX_SIZE] = '\0';
    rc = import_check_sizes (&r, &cause);
    tap_ok (rc == 0 && cause == NULL, "one of 64 MiB is not");
    free (f[1].text);
  }
  return tap_done ();
}
