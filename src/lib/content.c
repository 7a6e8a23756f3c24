/* content.c -- the loader of casebook's content (see content.h): the
   collections of a content directory and their files listed, read
   (the headers alone when that is all a caller needs, in two threads
   for a large collection, taken from those kept in the cache directory
   when a file is as it was, headcache.h) and parsed by content_parse.c,
   and the glossary.  Every problem is a diagnostic with its file and line; the
   loader keeps going.  */

#include <config.h>

#include "content.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "headcache.h"
#include "i18n.h"
#include "prefs.h"
#include "strmap.h"
#include "thread.h"

static int
compare_names (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static int
compare_docs (const void *a, const void *b)
{
  const struct document *x = a, *y = b;
  return (x->number > y->number) - (x->number < y->number);
}

static int
has_suffix (const char *s, const char *suffix)
{
  size_t n = strlen (s), m = strlen (suffix);
  return n > m && strcmp (s + n - m, suffix) == 0;
}

/* util_read_file for content, which reads only regular files (and
   reports directories) of at most CONTENT_MAX_SIZE: a FIFO would block
   the loader forever, a device such as /dev/zero never ends, and a huge
   file would take all memory.  NULL with errno set, or with errno 0 for
   a file that is not regular; read_error() says which.  */
static char *
read_content (const char *path, size_t *len)
{
  return util_read_regular (path, CONTENT_MAX_SIZE, len);
}

static const char *
read_error (void)
{
  return content_read_error (errno);
}

/* The message names the limit.  */
_Static_assert (CONTENT_MAX_SIZE == (size_t) 64 << 20,
                "content_read_error says 64 MiB");

const char *
content_read_error (int e)
{
  return e == EFBIG ? _("larger than 64 MiB, the most casebook reads")
    : e ? strerror (e) : _("not a regular file");
}

/* Read the collection.cb of DIR into COLL's metadata.  UNLISTED: DIR
   itself could not be read, and said so; a collection.cb that cannot
   be read for the same reason (permission) is then no second error.  */
static void
load_collection_meta (const char *dir, int unlisted, struct collection *coll,
                      struct diags *diags)
{
  memset (coll, 0, sizeof *coll);
  coll->dir = xstrdup (dir);
  char *meta = util_path_join (dir, CONTENT_COLLECTION_FILE);
  size_t len;
  char *data = read_content (meta, &len);
  if (data == NULL)
    {
      if (!(unlisted && errno == EACCES))
        diags_add (diags, DIAG_ERROR, meta, 0, _("cannot read: %s"),
                   read_error ());
    }
  else
    content_parse_collection (meta, data, len, coll, diags);
  if (coll->id == NULL)
    {
      const char *slash = strrchr (dir, '/');
      coll->id = xstrdup (slash && slash[1] ? slash + 1 : dir);
      /* Said only of a collection.cb that was read: one that cannot
         be is an error of its own.  */
      if (data)
        content_check_dir_id (coll->id, meta, diags);
    }
  free (data);
  free (meta);
}

int
content_dir_vanished (const char *dir)
{
  struct stat st;
  return lstat (dir, &st) != 0 && errno == ENOENT;
}

/* The document files of the collection in DIR, sorted.  */
static void
list_documents (const char *dir, struct content_coll_files *cf,
                struct diags *diags)
{
  DIR *dh = opendir (dir);
  if (dh == NULL)
    {
      diags_add (diags, DIAG_ERROR, dir, 0, _("cannot read directory: %s"),
                 strerror (errno));
      cf->unlisted = 1;
      return;
    }
  size_t alloc = 0;
  struct dirent *de;
  while ((de = readdir (dh)) != NULL)
    {
      if (de->d_name[0] == '.' || !has_suffix (de->d_name, ".cb")
          || strcmp (de->d_name, CONTENT_COLLECTION_FILE) == 0)
        continue;
      cf->docs = xgrow (cf->docs, &alloc, cf->ndocs + 1, sizeof *cf->docs);
      cf->docs[cf->ndocs++] = xstrdup (de->d_name);
    }
  closedir (dh);
  if (cf->ndocs > 1)            /* qsort (NULL, 0, ...) is undefined */
    qsort (cf->docs, cf->ndocs, sizeof *cf->docs, compare_names);
  for (size_t i = 0; i < cf->ndocs; i++)
    {
      char *path = util_path_join (dir, cf->docs[i]);
      free (cf->docs[i]);
      cf->docs[i] = path;
    }
}

/* How much of a document to read first for its header: the header and
   a keyword list are a few hundred bytes; a longer one reads the rest.  */
#define HEAD_BYTES 4096

/* Read the document at PATH into DOC: all of it, or with HEADER_ONLY its
   header only, from the first bytes of the file where they hold it.
   Returns 0, or -1 with the problems in DIAGS.  */
static int
read_document (const char *path, int header_only, struct document *doc,
               struct diags *diags)
{
  size_t len;
  int whole = 1, unreadable = 0;
  if (header_only)
    {
      /* The first bytes into a buffer on the stack, the same for every
         file: one allocated for each of thousands of files would be
         fresh memory each time, dearer than reading the file.  The
         parse copies what it keeps.  */
      char head[HEAD_BYTES + 1];
      unreadable = util_read_regular_head_into (path, head, HEAD_BYTES, &len,
                                                &whole) != 0;
      if (!unreadable)
        {
          /* Complete lines only, when there is more: the cut may fall
             inside a character.  */
          char *nl = whole ? NULL : memrchr (head, '\n', len);
          size_t part = whole ? len : nl ? (size_t) (nl - head) + 1 : 0;
          struct diags hd = { 0 };
          int stopped = 0;
          int rc = content_parse_part (path, head, part, doc, &hd, 1,
                                       &stopped);
          if (whole || stopped)
            {
              diags_move (diags, &hd);
              return rc;
            }
          /* A header longer than the bytes read.  */
          diags_free (&hd);
          document_free (doc);
        }
    }
  char *data = unreadable ? NULL : read_content (path, &len);
  if (data == NULL)
    {
      memset (doc, 0, sizeof *doc);
      diags_add (diags, DIAG_ERROR, path, 0, _("cannot read: %s"),
                 read_error ());
      return -1;
    }
  int rc = content_parse_part (path, data, len, doc, diags, header_only,
                               NULL);
  free (data);
  return rc;
}

int
content_read_whole (const struct document *doc, struct document *out,
                    struct diags *diags)
{
  struct diags all = { 0 };
  int rc = read_document (doc->path, 0, out, &all);
  /* What the header says was said when the library read it by its
     headers: said again, each of its warnings would come twice.  */
  if (all.count > 0 && doc->partial)
    {
      struct document head;
      struct diags said = { 0 };
      read_document (doc->path, 1, &head, &said);
      document_free (&head);
      struct diags kept = { 0 };
      for (size_t i = 0; i < all.count; i++)
        {
          const struct diag *g = &all.items[i];
          int again = 0;
          for (size_t k = 0; k < said.count && !again; k++)
            again = said.items[k].line == g->line
              && said.items[k].severity == g->severity
              && strcmp (said.items[k].message, g->message) == 0;
          if (!again)
            diags_add (&kept, g->severity, g->file, g->line, "%s",
                       g->message);
        }
      diags_free (&said);
      diags_free (&all);
      all = kept;
    }
  diags_move (diags, &all);
  if (rc != 0)
    return -1;
  out->number = doc->number;
  out->collection = doc->collection;
  return 0;
}

int
content_reload (struct document *doc, struct diags *diags)
{
  struct document fresh;
  if (read_document (doc->path, doc->partial, &fresh, diags) != 0)
    {
      document_free (&fresh);
      return -1;
    }
  struct bitext *mine[] = { &doc->title, &doc->procuratorate, &doc->region };
  struct bitext *theirs[] = { &fresh.title, &fresh.procuratorate,
                              &fresh.region };
  for (size_t i = 0; i < sizeof mine / sizeof *mine; i++)
    {
      struct bitext t = *mine[i];
      *mine[i] = *theirs[i];
      *theirs[i] = t;
    }
  if (!doc->partial)
    {
      document_drop_body (doc);
      doc->sections = fresh.sections;
      doc->nsections = fresh.nsections;
      fresh.sections = NULL;
      fresh.nsections = 0;
      doc->partial = 0;
    }
  document_free (&fresh);
  return 0;
}

int
content_load_body (struct document *doc, struct diags *diags)
{
  if (!doc->partial)
    return 0;
  struct document whole;
  if (content_read_whole (doc, &whole, diags) != 0)
    {
      document_free (&whole);
      return -1;
    }
  /* The header stays: others may point into it (the tag table), and the
     list is sorted by its number.  A keyword list that follows the text
     is not in the header and comes now.  */
  doc->sections = whole.sections;
  doc->nsections = whole.nsections;
  whole.sections = NULL;
  whole.nsections = 0;
  int kw = 0;
  for (int l = 0; l < LANG_COUNT; l++)
    kw |= doc->keywords.count[l] > 0;
  if (!kw)
    {
      struct keyword_list none = doc->keywords;
      doc->keywords = whole.keywords;
      whole.keywords = none;
    }
  doc->partial = 0;
  document_free (&whole);
  return 0;
}

/* Where a load stands, for its progress callback.  */
struct load_progress
{
  const struct content_load_options *o;
  size_t done, total;
  char *cache_dir;              /* for the headers kept (headcache.h) */
  int64_t started;              /* when the load began */
};

/* What reading a document file found.  The document itself is read
   into the array the collection keeps: a document is 472 bytes, and
   with thousands of them, memory touched for the first time is much
   of what a listing costs (a copy into a second array, grown as
   documents were kept, was 250 pages of it at 2000 documents).  */
struct doc_read
{
  struct diags diags;
  int rc;
  struct headcache_state st;    /* the file's, taken before it was read */
  int keep;                     /* its header to be kept (ST is set) */
};

/* The name of the file at PATH in its directory.  */
static const char *
base_name (const char *path)
{
  const char *slash = strrchr (path, '/');
  return slash ? slash + 1 : path;
}

/* Read file I of CF into DOC, from the headers kept in HC (or NULL)
   when they hold it as it is.  */
static void
read_one (const struct content_coll_files *cf, size_t i, int header_only,
          const struct headcache *hc, struct document *doc,
          struct doc_read *out)
{
  int have_st = 0;
  if (hc && header_only)
    {
      if (headcache_get (hc, base_name (cf->docs[i]), cf->docs[i], doc,
                         &out->st, &have_st))
        {
          out->rc = 0;
          out->keep = 1;
          return;
        }
    }
  out->rc = read_document (cf->docs[i], header_only, doc, &out->diags);
  out->keep = have_st && out->rc == 0 && out->diags.count == 0
    && headcache_may_keep (hc, &out->st);
}

/* Every other file of a collection, from FROM, read into DOCS, with
   what was found in OUT.  */
struct read_share
{
  const struct content_coll_files *cf;
  int header_only;
  const struct headcache *hc;
  struct document *docs;
  struct doc_read *out;
  size_t from;
};

static void *
read_share (void *arg)
{
  struct read_share *r = arg;
  for (size_t i = r->from; i < r->cf->ndocs; i += 2)
    read_one (r->cf, i, r->header_only, r->hc, &r->docs[i], &r->out[i]);
  return NULL;
}

/* Read the files of CF into OUT (one each).  Most of the time of
   listing a large library goes to opening and reading its files: with
   many, a second thread reads every other one.  */
static void
read_documents (const struct content_coll_files *cf,
                struct load_progress *lp, const struct headcache *hc,
                struct document *docs, struct doc_read *out)
{
  struct read_share odd = { cf, lp->o->headers_only, hc, docs, out, 1 };
  pthread_t t;
  int threaded = cf->ndocs >= 256
    && thread_start (&t, read_share, &odd) == 0;
  size_t step = threaded ? 2 : 1;
  for (size_t i = 0; i < cf->ndocs; i += step)
    {
      if (lp->o->progress)
        lp->o->progress (lp->o->progress_ctx, lp->done + i, lp->total);
      read_one (cf, i, lp->o->headers_only, hc, &docs[i], &out[i]);
    }
  if (threaded)
    pthread_join (t, NULL);
  lp->done += cf->ndocs;
}

/* D's messages (of one file) in the order of their lines: a file's
   structure is checked after its lines are read, and a line's error
   found so came after those of the lines below it.  Stable.  */
static void
sort_by_line (struct diags *d)
{
  for (size_t i = 1; i < d->count; i++)
    {
      struct diag x = d->items[i];
      size_t j = i;
      for (; j > 0 && d->items[j - 1].line > x.line; j--)
        d->items[j] = d->items[j - 1];
      d->items[j] = x;
    }
}

/* Load the collection whose files are CF into COLL.  */
static void
load_collection (const struct content_coll_files *cf,
                 struct collection *coll, struct load_progress *lp,
                 struct diags *diags)
{
  load_collection_meta (cf->dir, cf->unlisted, coll, diags);
  /* The documents kept are moved down over those left out.  */
  struct document *docs = xcalloc (cf->ndocs ? cf->ndocs : 1, sizeof *docs);
  struct doc_read *read = xcalloc (cf->ndocs ? cf->ndocs : 1, sizeof *read);
  struct headcache *hc = lp->cache_dir && lp->o->headers_only && cf->ndocs
    ? headcache_open (lp->cache_dir, cf->dir, lp->started,
                      CONTENT_HEADER_VERSION) : NULL;
  read_documents (cf, lp, hc, docs, read);
  if (hc)
    {
      /* Kept as read, one per file: before any is left out.  */
      const struct headcache_state **states
        = xcalloc (cf->ndocs, sizeof *states);
      char **names = xcalloc (cf->ndocs, sizeof *names);
      for (size_t i = 0; i < cf->ndocs; i++)
        {
          states[i] = read[i].keep ? &read[i].st : NULL;
          names[i] = (char *) base_name (cf->docs[i]);
        }
      headcache_close (hc, docs, names, states, cf->ndocs);
      free (names);
      free (states);
    }
  /* One number, one document: a later file (in name order) with an
     earlier one's number is left out.  */
  char (*numbers)[24] = cf->ndocs ? xcalloc (cf->ndocs, sizeof *numbers) : NULL;
  struct strmap seen = { 0 };
  /* Numbers of files left out for their errors: one of them given
     again is a problem of its own, which check must list too.  */
  struct strmap broken = { 0 };
  for (size_t i = 0; i < cf->ndocs; i++)
    {
      struct document doc = docs[i];
      sort_by_line (&read[i].diags);
      diags_move (diags, &read[i].diags);
      int has_number = doc.number_line > 0;
      if (has_number)
        snprintf (numbers[i], sizeof *numbers, "%ld", doc.number);
      const size_t *other = has_number ? strmap_get (&seen, numbers[i])
        : NULL;
      const size_t *other_broken = has_number && !other
        ? strmap_get (&broken, numbers[i]) : NULL;
      if (other)
        diags_add (diags, DIAG_ERROR, doc.path, doc.number_line,
                   _("duplicate document number %ld (also in %s)"),
                   doc.number, docs[*other].path);
      /* Kept (below): a warning, or check would count as an error a
         file it counts among the documents.  */
      else if (other_broken && read[i].rc == 0)
        diags_add (diags, DIAG_WARNING, doc.path, doc.number_line,
                   _("document number %ld is also given in %s, which is "
                     "left out for its errors"),
                   doc.number, cf->docs[*other_broken]);
      else if (other_broken)
        diags_add (diags, DIAG_ERROR, doc.path, doc.number_line,
                   _("duplicate document number %ld (also in %s)"),
                   doc.number, cf->docs[*other_broken]);
      /* The file with errors is left out either way; a good one whose
         number only a file with errors has is kept, to be read.  */
      if (read[i].rc != 0 || other)
        {
          if (read[i].rc != 0 && has_number && !other && !other_broken)
            strmap_put (&broken, numbers[i], i);
          document_free (&doc);
          continue;
        }
      strmap_put (&seen, numbers[i], coll->ndocs);
      docs[coll->ndocs++] = doc;
    }
  if (coll->ndocs > 0)
    coll->docs = docs;
  else
    free (docs);
  strmap_free (&seen);
  strmap_free (&broken);
  free (numbers);
  free (read);
  if (coll->ndocs > 1)
    qsort (coll->docs, coll->ndocs, sizeof *coll->docs, compare_docs);
  for (size_t d = 0; d < coll->ndocs; d++)
    coll->docs[d].collection = coll;
}

/* Does directory DIR hold a file named *.cb (not starting with a dot)?  */
static int
holds_documents (const char *dir)
{
  DIR *dh = opendir (dir);
  if (dh == NULL)
    return 0;
  int found = 0;
  struct dirent *de;
  while (!found && (de = readdir (dh)) != NULL)
    {
      size_t n = strlen (de->d_name);
      found = de->d_name[0] != '.' && n > 3
        && strcmp (de->d_name + n - 3, ".cb") == 0;
    }
  closedir (dh);
  return found;
}

static int
is_collection_dir (const char *dir)
{
  char *meta = util_path_join (dir, CONTENT_COLLECTION_FILE);
  struct stat st;
  int r = stat (meta, &st) == 0 || errno != ENOENT;
  free (meta);
  return r;
}

int
content_list (const char *dir, struct content_files *cf, struct diags *diags)
{
  memset (cf, 0, sizeof *cf);
  size_t errors_before = diags->errors;
  struct stat st;
  if (stat (dir, &st) != 0)
    {
      diags_add (diags, DIAG_ERROR, dir, 0, _("cannot open content: %s"),
                 strerror (errno));
      return -1;
    }
  if (!S_ISDIR (st.st_mode))
    {
      diags_add (diags, DIAG_ERROR, dir, 0,
                 _("not a directory (content is a directory of .cb files)"));
      return -1;
    }
  cf->glossary = util_path_join (dir, CONTENT_GLOSSARY_FILE);
  size_t alloc = 0;
  if (is_collection_dir (dir))
    {
      cf->colls = xcalloc (1, sizeof *cf->colls);
      cf->ncolls = 1;
      cf->colls[0].dir = xstrdup (dir);
      list_documents (dir, &cf->colls[0], diags);
      return diags->errors > errors_before ? -1 : 0;
    }
  DIR *dh = opendir (dir);
  if (dh == NULL)
    {
      diags_add (diags, DIAG_ERROR, dir, 0, _("cannot read directory: %s"),
                 strerror (errno));
      return -1;
    }
  char **names = NULL;
  size_t nnames = 0, names_alloc = 0;
  struct dirent *de;
  while ((de = readdir (dh)) != NULL)
    {
      if (de->d_name[0] == '.')
        continue;
      char *sub = util_path_join (dir, de->d_name);
      struct stat sst;
      int dir_ok = stat (sub, &sst) == 0 && S_ISDIR (sst.st_mode);
      if (dir_ok && is_collection_dir (sub))
        {
          names = xgrow (names, &names_alloc, nnames + 1, sizeof *names);
          names[nnames++] = xstrdup (de->d_name);
        }
      else if (dir_ok && holds_documents (sub))
        /* Documents no collection holds (an import stopped before its
           collection.cb, one made by hand): not read, but said.  */
        diags_add (diags, DIAG_WARNING, sub, 0,
                   _("documents here are not read: the directory has no %s"),
                   CONTENT_COLLECTION_FILE);
      free (sub);
    }
  closedir (dh);
  if (nnames > 1)               /* qsort (NULL, 0, ...) is undefined */
    qsort (names, nnames, sizeof *names, compare_names);
  for (size_t i = 0; i < nnames; i++)
    {
      cf->colls = xgrow (cf->colls, &alloc, cf->ncolls + 1, sizeof *cf->colls);
      struct content_coll_files *c = &cf->colls[cf->ncolls++];
      memset (c, 0, sizeof *c);
      c->dir = util_path_join (dir, names[i]);
      size_t said = diags->count;
      list_documents (c->dir, c, diags);
      if (c->unlisted && content_dir_vanished (c->dir))
        {
          /* Removed since the directory was read ("casebook library
             remove" alongside): not there, and nothing to say.  */
          diags_truncate (diags, said);
          free (c->dir);
          strv_free (c->docs, c->ndocs);
          cf->ncolls--;
        }
    }
  strv_free (names, nnames);
  if (cf->ncolls == 0)
    diags_add (diags, DIAG_ERROR, dir, 0,
               _("no collection here (a collection is a directory with %s)"),
               CONTENT_COLLECTION_FILE);
  return diags->errors > errors_before ? -1 : 0;
}

void
content_drop_unsafe (struct content_files *cf, struct diags *diags)
{
  size_t kept = 0;
  for (size_t i = 0; i < cf->ncolls; i++)
    {
      struct content_coll_files *c = &cf->colls[i];
      const char *unsafe = prefs_library_unsafe (c->dir);
      if (unsafe == NULL)
        {
          cf->colls[kept++] = *c;
          continue;
        }
      diags_add (diags, DIAG_WARNING, c->dir, 0,
                 _("this collection is not read: %s"), unsafe);
      free (c->dir);
      strv_free (c->docs, c->ndocs);
    }
  cf->ncolls = kept;
}

void
content_files_free (struct content_files *cf)
{
  for (size_t i = 0; i < cf->ncolls; i++)
    {
      free (cf->colls[i].dir);
      strv_free (cf->colls[i].docs, cf->colls[i].ndocs);
    }
  free (cf->colls);
  free (cf->glossary);
  memset (cf, 0, sizeof *cf);
}

int
content_read_collection (const char *dir, struct collection *coll,
                         struct diags *diags)
{
  size_t errors_before = diags->errors;
  load_collection_meta (dir, 0, coll, diags);
  return diags->errors > errors_before ? -1 : 0;
}

int
content_read_glossary (const char *path, struct glossary *g,
                       struct diags *diags)
{
  size_t errors_before = diags->errors;
  size_t len;
  char *data = read_content (path, &len);
  if (data)
    {
      glossary_free (g);
      content_parse_glossary (path, data, len, g, diags);
      free (data);
    }
  else if (errno != ENOENT)
    diags_add (diags, DIAG_ERROR, path, 0, _("cannot read: %s"),
               read_error ());
  return diags->errors > errors_before ? -1 : 0;
}

struct library *
content_load (const char *dir, struct diags *diags)
{
  return content_load_dirs (&dir, 1, diags);
}

struct library *
content_load_with (const char *const *dirs, size_t n,
                   const struct content_load_options *o, struct diags *diags)
{
  struct library *lib = xcalloc (1, sizeof *lib);
  lib->root = xstrdup (n ? dirs[0] : "");
  struct content_files *cf = xcalloc (n ? n : 1, sizeof *cf);
  size_t total = 0;
  const char *unsafe;
  for (size_t i = 0; i < n; i++)
    {
      if (i == 0)
        content_list (dirs[i], &cf[i], diags);
      else if ((unsafe = prefs_library_unsafe (dirs[i])) != NULL)
        /* Another user's collections would be shown as the user's.  */
        diags_add (diags, DIAG_WARNING, dirs[i], 0,
                   _("your library is not read: %s"), unsafe);
      else
        {
          /* The user's library: absent or empty before the first import,
             and then nothing to say.  */
          struct diags scratch = { 0 };
          content_list (dirs[i], &cf[i], &scratch);
          /* (Counted before those not read are left out: their
             library's errors are still its errors.)  */
          size_t listed = cf[i].ncolls;
          content_drop_unsafe (&cf[i], diags);
          /* Its warnings always (a directory of documents with no
             collection.cb); its errors only when it has collections
             ("no collection here" is its state before an import).  */
          for (size_t k = 0; k < scratch.count; k++)
            if (listed > 0 || scratch.items[k].severity != DIAG_ERROR)
              diags_add (diags, scratch.items[k].severity,
                         scratch.items[k].file, scratch.items[k].line, "%s",
                         scratch.items[k].message);
          diags_free (&scratch);
        }
      total += cf[i].ncolls;
    }
  if (total)
    lib->colls = xcalloc (total, sizeof *lib->colls);
  struct load_progress lp = { .o = o, .started = (int64_t) time (NULL) };
  if (o->headers_only)
    {
      /* Quietly without: a listing works as well, only slower, and
         a search says what is wrong with the directory.  */
      const char *why;
      char *cache = prefs_cache_dir ();
      struct stat cst;
      /* Only one a search has made: a listing, perhaps run by another
         user (sudo) with this HOME, makes no directory of its own.  */
      lp.cache_dir = cache && stat (cache, &cst) == 0 && S_ISDIR (cst.st_mode)
        ? prefs_private_dir (cache, &why) : NULL;
      free (cache);
    }
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < cf[i].ncolls; k++)
      lp.total += cf[i].colls[k].ndocs;
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < cf[i].ncolls; k++)
      {
        struct collection *coll = &lib->colls[lib->ncolls];
        /* What is wrong with a collection left out below is not said:
           it is not read, and its errors must not stop every command
           on the library it is left out of.  */
        struct diags own = { 0 };
        load_collection (&cf[i].colls[k], coll, &lp, &own);
        coll->user = i > 0;
        if (own.errors && content_dir_vanished (coll->dir))
          {
            /* Removed while it was read, as above.  */
            diags_free (&own);
            collection_free (coll);
            continue;
          }
        /* One name, one collection: a collection with an earlier one's
           id is left out (one directory keeps what it always had), in
           a content directory of several as in the user's library, as
           the index leaves it out.  */
        const struct collection *same = NULL;
        for (size_t c = 0; c < lib->ncolls && coll->id; c++)
          if (lib->colls[c].id && strcmp (lib->colls[c].id, coll->id) == 0)
            same = &lib->colls[c];
        if (same)
          {
            diags_add (diags, DIAG_WARNING, coll->dir, 0,
                       _("collection '%s' is also in %s; this one is left out"),
                       coll->id, same->dir);
            diags_free (&own);
            collection_free (coll);
            continue;
          }
        for (size_t m = 0; m < own.count; m++)
          diags_add (diags, own.items[m].severity, own.items[m].file,
                     own.items[m].line, "%s", own.items[m].message);
        diags_free (&own);
        lib->left_out += cf[i].colls[k].ndocs - coll->ndocs;
        lib->ncolls++;
      }
  if (n > 0 && cf[0].glossary)
    content_read_glossary (cf[0].glossary, &lib->glossary, diags);
  for (size_t i = 0; i < n; i++)
    content_files_free (&cf[i]);
  free (cf);
  if (o->progress)
    o->progress (o->progress_ctx, lp.total, lp.total);
  free (lp.cache_dir);
  return lib;
}

struct library *
content_load_dirs (const char *const *dirs, size_t n, struct diags *diags)
{
  struct content_load_options o = { .headers_only = 0 };
  return content_load_with (dirs, n, &o, diags);
}

struct library *
content_load_headers (const char *const *dirs, size_t n,
                      struct diags *diags)
{
  struct content_load_options o = { .headers_only = 1 };
  return content_load_with (dirs, n, &o, diags);
}

static void
count_bitext (const struct bitext *bt, struct content_stats *st)
{
  st->blocks++;
  for (int l = 0; l < LANG_COUNT; l++)
    if (bt->side[l].origin != ORIGIN_NONE)
      {
        st->present[l]++;
        if (bt->side[l].origin == ORIGIN_TRANSLATION)
          st->translated[l]++;
      }
}

static void
add_document_stats (const struct document *d, struct content_stats *st)
{
  st->documents++;
  if (!bitext_is_empty (&d->title))
    count_bitext (&d->title, st);
  for (size_t s = 0; s < d->nsections; s++)
    {
      if (!bitext_is_empty (&d->sections[s].title))
        count_bitext (&d->sections[s].title, st);
      for (size_t b = 0; b < d->sections[s].nblocks; b++)
        count_bitext (&d->sections[s].blocks[b].text, st);
    }
}

void
content_stats (const struct library *lib, struct content_stats *st)
{
  memset (st, 0, sizeof *st);
  size_t n = library_document_count (lib);
  for (size_t i = 0; i < n; i++)
    add_document_stats (library_document (lib, i), st);
}

void
content_stats_collection (const struct collection *coll,
                          struct content_stats *st)
{
  memset (st, 0, sizeof *st);
  for (size_t i = 0; i < coll->ndocs; i++)
    add_document_stats (&coll->docs[i], st);
}
