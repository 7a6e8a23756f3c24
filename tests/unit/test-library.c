/* test-library.c -- the reader's library: installing and removing user
   collections, loading the shipped content and the user's as one
   library, naming documents COLLECTION/N and plain N, and the bounded
   reading of import sources.  */

#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content.h"
#include "import.h"
#include "library.h"
#include "prefs.h"
#include "render.h"
#include "tap.h"

static char tmp[] = "/tmp/cblib.XXXXXX";

static void
write_file (const char *path, const char *text)
{
  FILE *f = fopen (path, "w");
  if (f)
    {
      fputs (text, f);
      fclose (f);
    }
}

static void
import_text (const char *name, const char *text, struct import_result *res)
{
  struct diags d = { 0 };
  import_release (name, text, strlen (text), res, &d);
  diags_free (&d);
}

static int
exists (const char *path)
{
  struct stat st;
  return lstat (path, &st) == 0;
}

static void
test_install (void)
{
  char *parent = xasprintf ("%s/data/casebook/collections", tmp);
  struct import_result res;
  import_text ("release.txt", "案例1\n第一个标题\n正文。\n案例7\n第七个标题\n正文七。\n",
               &res);
  char *cause = NULL;
  tap_ok (library_install (&res, parent, "mine", &cause) == 0,
          "a collection installs (%s)", cause ? cause : "ok");
  free (cause);
  cause = NULL;
  struct stat st;
  tap_ok (stat (parent, &st) == 0 && (st.st_mode & 0777) == 0700,
          "the collections directory is created 0700 (%o)",
          (unsigned) (st.st_mode & 0777));
  char *meta = xasprintf ("%s/mine/collection.cb", parent);
  size_t len;
  char *text = util_read_file (meta, &len);
  tap_ok (text && strstr (text, "\nid: mine\n"), "its id is the name given");
  free (text);
  tap_ok (library_install (&res, parent, "mine", &cause) == -1 && cause
          && strstr (cause, "already installed"),
          "a name in use is refused: %s", cause ? cause : "(none)");
  free (cause);
  cause = NULL;
  char *cause2 = NULL;
  tap_ok (library_install (&res, parent, "../evil", &cause) == -1
          && library_install (&res, parent, ".hidden", &cause2) == -1
          && !library_name_ok ("") && !library_name_ok ("a/b")
          && library_name_ok ("第四批") && library_name_ok ("batch-4.2023"),
          "names with slashes or leading dots are refused; Chinese names are not");
  free (cause);
  free (cause2);
  cause = NULL;

  /* Nothing half-written is ever visible: the writer's temporary
     directory is a dot name, and none is left behind.  */
  char *tmpdir = xasprintf ("%s/.mine.new.%ld", parent, (long) getpid ());
  tap_ok (!exists (tmpdir), "no temporary directory is left behind");
  free (tmpdir);

  /* A collection being installed (a dot directory) is not loaded.  */
  char *half = xasprintf ("%s/.half.new.1", parent);
  mkdir (half, 0700);
  char *hm = xasprintf ("%s/collection.cb", half);
  write_file (hm, "casebook-format: 1\nid: half\ntitle.zh: 半\n");

  /* The library: the shipped-like content, and two user collections,
     one with a number the other has.  */
  import_free (&res);
  import_text ("r2.txt", "案例7\n另一个第七\n正文。\n", &res);
  tap_ok (library_install (&res, parent, "other", &cause) == 0, "a second installs");
  free (cause);
  cause = NULL;
  import_free (&res);
  const char *dirs[] = { ABS_SRCDIR "/tests/data/good", parent };
  struct diags d = { 0 };
  struct library *lib = content_load_dirs (dirs, 2, &d);
  tap_ok (lib->ncolls == 3 && d.errors == 0,
          "shipped and user collections load as one library (%zu, %zu errors)",
          lib->ncolls, d.errors);
  tap_ok (lib->ncolls == 3 && !lib->colls[0].user && lib->colls[1].user
          && strcmp (lib->colls[1].id, "mine") == 0,
          "in order, the user's marked as such");
  size_t ndocs = 0;
  int linked = 1;
  for (size_t c = 0; c < lib->ncolls; c++)
    for (size_t k = 0; k < lib->colls[c].ndocs; k++, ndocs++)
      linked &= lib->colls[c].docs[k].collection == &lib->colls[c];
  tap_ok (linked && ndocs > 3, "every document points at its collection");
  const struct document *doc = library_find (lib, "mine/7");
  tap_ok (doc && doc->collection == &lib->colls[1], "COLLECTION/N names a document");
  const struct document *ch[4];
  tap_ok (library_find (lib, "7") == NULL
          && library_choices (lib, "7", ch, 4) == 2
          && strcmp (ch[0]->collection->id, "mine") == 0
          && strcmp (ch[1]->collection->id, "other") == 0,
          "a plain N in two collections is ambiguous, with both choices");
  doc = library_find (lib, "2");
  tap_ok (doc && strcmp (doc->collection->id, "sample") == 0,
          "a plain N in one collection names it");
  tap_ok (library_find (lib, "nosuch/1") == NULL && library_find (lib, "99") == NULL,
          "unknown names find nothing");
  library_free (lib);
  diags_free (&d);

  /* A user collection with the shipped one's id is left out.  */
  char *dup = xasprintf ("%s/sample", parent);
  mkdir (dup, 0700);
  char *dm = xasprintf ("%s/collection.cb", dup);
  write_file (dm, "casebook-format: 1\nid: sample\ntitle.zh: 重名\n");
  lib = content_load_dirs (dirs, 2, &d);
  tap_ok (lib->ncolls == 3 && d.errors == 0 && d.warnings == 1,
          "a second collection with one id is left out with a warning");
  library_free (lib);
  diags_free (&d);
  unlink (dm);
  rmdir (dup);
  free (dm);
  free (dup);

  tap_ok (library_remove (parent, "mine", &cause) == 0 && !exists (meta),
          "a collection is removed");
  free (cause);
  cause = NULL;
  tap_ok (library_remove (parent, "mine", &cause) == -1 && cause
          && strstr (cause, "no collection named"),
          "removing it again says there is none");
  free (cause);
  cause = NULL;
  library_remove (parent, "other", &cause);
  free (cause);
  cause = NULL;

  /* A link to a collection: removing it removes the link, and leaves
     every file of the directory it points to.  */
  char *target = xasprintf ("%s/elsewhere", tmp);
  mkdir (target, 0700);
  char *tmeta = xasprintf ("%s/collection.cb", target);
  write_file (tmeta, "casebook-format: 1\nid: vic\ntitle.zh: 别处\n");
  char *link = xasprintf ("%s/evil", parent);
  tap_ok (symlink (target, link) == 0, "a link in the library");
  tap_ok (library_remove (parent, "evil", &cause) == 0 && !exists (link)
          && exists (tmeta),
          "removing a linked collection removes the link, not its files (%s)",
          cause ? cause : "ok");
  free (cause);
  cause = NULL;
  /* A link to something that is no collection is not one to remove.  */
  symlink (tmeta, link);
  tap_ok (library_remove (parent, "evil", &cause) == -1 && exists (link)
          && exists (tmeta) && cause && strstr (cause, "no collection named"),
          "a link to a file is no collection, and stays");
  free (cause);
  cause = NULL;
  unlink (link);
  unlink (tmeta);
  rmdir (target);
  free (link);
  free (tmeta);
  free (target);

  /* A user directory that is empty or missing adds nothing, silently.  */
  const char *dirs2[] = { ABS_SRCDIR "/tests/data/good", "/nonexistent/cb" };
  lib = content_load_dirs (dirs2, 2, &d);
  tap_ok (lib->ncolls == 1 && d.errors == 0 && d.warnings == 0,
          "no user collections: the shipped content alone, no complaint");
  library_free (lib);
  diags_free (&d);

  unlink (hm);
  rmdir (half);
  free (hm);
  free (half);
  free (meta);
  free (parent);
}

static void
test_read_source (void)
{
  char *cause = NULL;
  size_t len = 0;
  char *data = import_read_source ("/dev/zero", IMPORT_MAX_SIZE, &len, &cause);
  tap_ok (data == NULL && cause && strstr (cause, "not a regular file"),
          "/dev/zero is refused at once: %s", cause ? cause : "(none)");
  free (cause);
  cause = NULL;
  data = import_read_source ("/dev/null", IMPORT_MAX_SIZE, &len, &cause);
  tap_ok (data == NULL && cause, "/dev/null is refused");
  free (cause);
  cause = NULL;
  char *path = xasprintf ("%s/empty.txt", tmp);
  write_file (path, "");
  data = import_read_source (path, IMPORT_MAX_SIZE, &len, &cause);
  tap_ok (data == NULL && cause && strstr (cause, "empty input"),
          "an empty file is refused: %s", cause ? cause : "(none)");
  free (cause);
  cause = NULL;
  write_file (path, " \n\t\r\n");
  data = import_read_source (path, IMPORT_MAX_SIZE, &len, &cause);
  tap_ok (data == NULL && cause && strstr (cause, "blank"),
          "a blank file is refused");
  free (cause);
  cause = NULL;
  write_file (path, "案例1\n标题\n正文。\n");
  data = import_read_source (path, 10, &len, &cause);
  tap_ok (data == NULL && errno == EFBIG && cause && strstr (cause, "limit of 10 bytes"),
          "a file over the limit is refused: %s", cause ? cause : "(none)");
  free (cause);
  cause = NULL;
  data = import_read_source (path, IMPORT_MAX_SIZE, &len, &cause);
  tap_ok (data && len == strlen ("案例1\n标题\n正文。\n"), "a release reads");
  free (data);
  unlink (path);
  free (path);
}

/* A Chinese-only document: the English column says there is none.  */
static void
test_one_language (void)
{
  struct import_result res;
  import_text ("zh.txt", "案例3\n只有中文的标题\n【基本案情】\n只有中文的正文。\n", &res);
  struct document doc;
  struct diags d = { 0 };
  int ok = res.nfiles == 2
    && content_parse_document ("03.cb", res.files[1].text,
                               strlen (res.files[1].text), &doc, &d) == 0;
  tap_ok (ok && document_has_lang (&doc, LANG_ZH)
          && !document_has_lang (&doc, LANG_EN), "an imported release is Chinese only");
  if (ok)
    {
      const char *note = "no English text in this release";
      struct render_options o = { .view = VIEW_SIDE_BY_SIDE, .width = 80 };
      struct render r;
      render_document (&doc, &o, &r);
      tap_ok (r.nlines > 1 && r.lines[0].cell[1].len == strlen (note)
              && memcmp (r.lines[0].cell[1].s, note, strlen (note)) == 0
              && r.lines[0].cell[0].len == 0 && r.lines[0].unit == 0
              && r.nunits >= 1 && r.lines[1].unit == 0,
              "side by side: the English column says so, and counts as no unit");
      render_free (&r);
      o.view = VIEW_ZH;
      render_document (&doc, &o, &r);
      tap_ok (r.nlines > 0 && r.lines[0].style == RSTYLE_TITLE,
              "the Chinese view has no notice");
      render_free (&r);
      o.view = VIEW_EN;
      render_document (&doc, &o, &r);
      tap_ok (r.nlines > 1 && r.lines[0].style == RSTYLE_META
              && r.lines[1].cell[0].lang == LANG_ZH,
              "the English view says so, then shows the Chinese");
      render_free (&r);
      document_free (&doc);
    }
  diags_free (&d);
  import_free (&res);
}

static void
test_facets (void)
{
  struct diags d = { 0 };
  struct library *lib = content_load (ABS_SRCDIR "/tests/data/good", &d);
  const struct document *d1 = library_find (lib, "1");
  const struct document *d2 = library_find (lib, "2");
  tap_ok (d1 && document_in_region (d1, "广西") && document_in_region (d1, "guangxi")
          && d2 && !document_in_region (d2, "广西"),
          "region: Chinese or English, any case, only where it is");
  tap_ok (d1 && document_year (d1) == 2022, "year: the collection's date");
  library_free (lib);
  diags_free (&d);
}

/* library_name_norm: names in NFKC, and none with a hidden character.  */
static void
test_name_norm (void)
{
  char *cause = NULL;
  char *n = library_name_norm ("\xef\xbd\x82\xef\xbd\x81\xef\xbd\x94"
                               "\xef\xbd\x83\xef\xbd\x88\xef\xbc\x93",
                               &cause);
  tap_ok (n && strcmp (n, "batch3") == 0 && cause == NULL,
          "name_norm: full-width ｂａｔｃｈ３ is batch3 (got %s)", n ? n : "NULL");
  free (n);
  n = library_name_norm ("第四批", &cause);
  tap_ok (n && strcmp (n, "第四批") == 0, "name_norm: Chinese stays as it is");
  free (n);
  static const struct { const char *name, *shown; } hidden[] = {
    { "batch\xe2\x80\x8b" "3", "batch<U+200B>3" },  /* zero-width space */
    { "a\xe2\x80\xae" "b", "a<U+202E>b" },            /* RLO, Cf */
    { "a\xe2\x81\xa6" "b", "a<U+2066>b" },            /* LRI, Cf */
    { "a\xc2\xad" "b", "a<U+00AD>b" },                 /* soft hyphen, Cf */
    { "a\x1b" "b", "a^[b" },                           /* ESC, Cc */
    { "a\xc2\x9b" "b", "a<U+009B>b" },                 /* CSI, Cc */
  };
  for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++)
    {
      cause = NULL;
      n = library_name_norm (hidden[i].name, &cause);
      tap_ok (n == NULL && cause && strstr (cause, hidden[i].shown),
              "name_norm: %s is refused, shown so (got %s)", hidden[i].shown,
              cause ? cause : "no cause");
      free (n);
      free (cause);
    }
}

int
main (void)
{
  test_name_norm ();
  test_facets ();
  test_one_language ();
  if (mkdtemp (tmp) == NULL)
    {
      printf ("Bail out! mkdtemp: %s\n", strerror (errno));
      return 1;
    }
  test_install ();
  test_read_source ();
  char *cmd = xasprintf ("rm -rf '%s'", tmp);
  if (system (cmd) != 0)
    printf ("# could not remove %s\n", tmp);
  free (cmd);
  return tap_done ();
}
