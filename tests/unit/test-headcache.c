/* test-headcache.c -- the document headers kept between listings
   (headcache.h): every shipped header comes back from its encoding as
   it was read, a cut encoding is refused, a header is taken from the
   cache only while its file is as recorded, and a damaged, planted or
   open cache file is not believed.  */

#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "headcache.h"
#include "tap.h"
#include "util.h"

#define V CONTENT_HEADER_VERSION

static int
same_text (const struct text *a, const struct text *b)
{
  return a->origin == b->origin && a->len == b->len && a->line == b->line
    && a->file_off == b->file_off && (a->str == NULL) == (b->str == NULL)
    && (a->str == NULL || memcmp (a->str, b->str, a->len + 1) == 0);
}

static int
same_bitext (const struct bitext *a, const struct bitext *b)
{
  return same_text (&a->side[0], &b->side[0])
    && same_text (&a->side[1], &b->side[1]) && same_text (&a->rev, &b->rev);
}

static int
same_items (char **a, size_t na, char **b, size_t nb)
{
  if (na != nb || (a == NULL) != (b == NULL))
    return 0;
  for (size_t i = 0; i < na; i++)
    if (strcmp (a[i], b[i]) != 0)
      return 0;
  return 1;
}

/* Is B the header A, field for field?  */
static int
same_header (const struct document *a, const struct document *b)
{
  int same = a->number == b->number && a->number_line == b->number_line
    && a->partial == b->partial && strcmp (a->path, b->path) == 0
    && same_bitext (&a->title, &b->title)
    && same_bitext (&a->procuratorate, &b->procuratorate)
    && same_bitext (&a->region, &b->region)
    && b->nsections == 0 && b->sections == NULL
    && same_items (a->keywords.rev_items, a->keywords.rev_count,
                   b->keywords.rev_items, b->keywords.rev_count);
  for (int l = 0; l < LANG_COUNT; l++)
    same = same && a->keywords.origin[l] == b->keywords.origin[l]
      && same_items (a->keywords.items[l], a->keywords.count[l],
                     b->keywords.items[l], b->keywords.count[l]);
  return same;
}

static struct library *
load_headers (const char *dir)
{
  struct diags d = { 0 };
  struct library *lib = content_load_headers (&dir, 1, &d);
  diags_free (&d);
  return lib;
}

static void
put (const char *path, const char *text)
{
  FILE *f = fopen (path, "w");
  if (f == NULL || fputs (text, f) < 0 || fclose (f) != 0)
    printf ("Bail out! %s: %s\n", path, strerror (errno));
}

static const char *
base (const char *path)
{
  const char *s = strrchr (path, '/');
  return s ? s + 1 : path;
}

/* Ask HC for every document of COLL, as a listing does: how many it
   gave, each compared with COLL's own; STATES get the files' states.  */
static size_t
ask (const struct headcache *hc, const struct collection *coll,
     struct headcache_state *states, int *same)
{
  size_t hits = 0;
  *same = 1;
  for (size_t i = 0; i < coll->ndocs; i++)
    {
      struct document d;
      int have;
      if (headcache_get (hc, base (coll->docs[i].path), coll->docs[i].path,
                         &d, &states[i], &have))
        {
          hits++;
          *same = *same && same_header (&coll->docs[i], &d);
          document_free (&d);
        }
    }
  return hits;
}

/* Record every document of COLL, in the states STATES, and close HC.  */
static void
keep_all (struct headcache *hc, const struct collection *coll,
          const struct headcache_state *states)
{
  const struct headcache_state **st = xcalloc (coll->ndocs, sizeof *st);
  char **names = xcalloc (coll->ndocs, sizeof *names);
  for (size_t i = 0; i < coll->ndocs; i++)
    {
      st[i] = &states[i];
      names[i] = (char *) base (coll->docs[i].path);
    }
  headcache_close (hc, coll->docs, names, st, coll->ndocs);
  free (names);
  free (st);
}

int
main (void)
{
  /* No cache directory while the headers are read to compare with.  */
  unsetenv ("XDG_CACHE_HOME");
  unsetenv ("HOME");
  const char *top = getenv ("top_srcdir");
  char *shipped = xasprintf ("%s/content", top ? top : "..");
  struct library *lib = load_headers (shipped);
  size_t n = lib ? library_document_count (lib) : 0;
  tap_ok (n > 0, "the shipped headers are read (%zu)", n);

  /* Every header, encoded and decoded; and every cut of one refused.  */
  size_t same = 0, cuts_refused = 1;
  for (size_t i = 0; i < n; i++)
    {
      const struct document *doc = library_document (lib, i);
      struct buf b = { 0 };
      headcache_encode (doc, &b);
      struct document back;
      if (headcache_decode ((unsigned char *) b.data, b.len, doc->path,
                            &back) == 0)
        {
          same += same_header (doc, &back);
          document_free (&back);
        }
      for (size_t cut = 0; cut < b.len && i < 2; cut++)
        if (headcache_decode ((unsigned char *) b.data, cut, doc->path,
                              &back) == 0)
          {
            cuts_refused = 0;
            document_free (&back);
          }
      buf_free (&b);
    }
  tap_ok (same == n, "each shipped header comes back as read (%zu of %zu)",
          same, n);
  tap_ok (cuts_refused, "a cut encoding is refused at every length");

  /* A collection of our own, and a cache directory.  */
  char dir[] = "/tmp/cbhc.XXXXXX";
  if (mkdtemp (dir) == NULL)
    {
      printf ("Bail out! mkdtemp: %s\n", strerror (errno));
      return 1;
    }
  char *coll_dir = xasprintf ("%s/coll", dir);
  char *cache = xasprintf ("%s/cache", dir);
  mkdir (coll_dir, 0700);
  mkdir (cache, 0700);
  char *p;
  put (p = xasprintf ("%s/collection.cb", coll_dir),
       "casebook-format: 1\nid: t\ntitle.en: T\n");
  free (p);
  char *one = xasprintf ("%s/01.cb", coll_dir);
  put (one, "casebook-format: 1\nnumber: 1\nregion.zh: 广西\n"
       "title.zh: 第一\ntitle.en: First\ntitle.en.rev: The first\n\n"
       "section.zh: 【关键词】\n\nkeywords.zh: 巡回检察 | 减假暂\n"
       "keywords.en.tr: Circuit | Parole\n\nzh: 一段。\n");
  put (p = xasprintf ("%s/02.cb", coll_dir),
       "casebook-format: 1\nnumber: 2\ntitle.en: Second\n\nen: Text.\n");
  free (p);
  struct library *own = load_headers (coll_dir);
  const struct collection *coll = own && own->ncolls ? &own->colls[0] : NULL;
  tap_ok (coll && coll->ndocs == 2, "our collection is read");
  if (coll == NULL || coll->ndocs != 2)
    return tap_done ();
  struct headcache_state states[2];
  int alike;

  /* Files written just now are not to be believed on their times.  */
  struct headcache *hc = headcache_open (cache, coll_dir, time (NULL), V);
  tap_ok (hc && ask (hc, coll, states, &alike) == 0, "nothing is kept yet");
  tap_ok (!headcache_may_keep (hc, &states[0]),
          "a file changed within the last seconds is not kept");
  keep_all (hc, coll, states);

  /* As if a minute had passed: kept, and given back as read.  */
  time_t later = time (NULL) + 60;
  hc = headcache_open (cache, coll_dir, later, V);
  tap_ok (headcache_may_keep (hc, &states[0]), "an older one is kept");
  keep_all (hc, coll, states);
  char *file = NULL;
  {
    char *real = realpath (coll_dir, NULL);
    file = xasprintf ("%s/headers-%016llx", cache,
                      (unsigned long long) util_hash (0, real,
                                                      strlen (real) + 1));
    free (real);
  }
  struct stat fst;
  tap_ok (stat (file, &fst) == 0 && S_ISREG (fst.st_mode),
          "the cache file is written");
  hc = headcache_open (cache, coll_dir, later, V);
  tap_ok (ask (hc, coll, states, &alike) == 2 && alike,
          "both headers come from the cache, as read");
  keep_all (hc, coll, states);

  /* One written by another casebook (its header read another way) is
     not used: the writer named in the file is changed, its checksum
     made good again.  */
  {
    size_t len;
    char *bytes = util_read_file (file, &len);
    char *copy = bytes ? xmalloc (len) : NULL;
    if (copy)
      memcpy (copy, bytes, len);
    const size_t head = 8 + 2 * sizeof (uint64_t);
    uint32_t wlen = 0;
    if (bytes && len > head + 4)
      memcpy (&wlen, bytes + head, sizeof wlen);
    int made = bytes && wlen > 0 && head + 4 + wlen <= len;
    if (made)
      {
        bytes[head + 4 + wlen - 1] ^= 1;
        uint64_t sum = util_hash (0, bytes + head, len - head);
        memcpy (bytes + 8 + sizeof (uint64_t), &sum, sizeof sum);
        made = util_write_atomic (file, bytes, len) == 0;
      }
    hc = headcache_open (cache, coll_dir, later, V);
    tap_ok (made && ask (hc, coll, states, &alike) == 0,
            "a file another casebook wrote is not used");
    headcache_free (hc);
    if (copy)
      util_write_atomic (file, copy, len);
    hc = headcache_open (cache, coll_dir, later, V);
    tap_ok (ask (hc, coll, states, &alike) == 2,
            "the same file, as this casebook wrote it, is");
    keep_all (hc, coll, states);
    free (copy);
    free (bytes);
  }

  /* The same size and the modification time put back: the change time
     still tells.  */
  struct stat before;
  stat (one, &before);
  FILE *f = fopen (one, "r+");
  if (f)
    {
      fseek (f, (long) coll->docs[0].title.side[LANG_EN].file_off, SEEK_SET);
      fputs ("Fir5t", f);
      fclose (f);
    }
  struct timespec times[2] = { before.st_atim, before.st_mtim };
  utimensat (AT_FDCWD, one, times, 0);
  hc = headcache_open (cache, coll_dir, later, V);
  tap_ok (ask (hc, coll, states, &alike) == 1,
          "a same-size edit with its time put back is read again");
  keep_all (hc, coll, states);
  stat (file, &fst);

  /* A damaged file, one others may write, and a link are not used.  */
  int fd = open (file, O_RDWR);
  char c = 0;
  if (fd >= 0 && pread (fd, &c, 1, fst.st_size / 2) == 1)
    {
      c ^= 1;
      pwrite (fd, &c, 1, fst.st_size / 2);
    }
  hc = headcache_open (cache, coll_dir, later, V);
  if (fd >= 0)
    close (fd);
  tap_ok (ask (hc, coll, states, &alike) == 0, "a damaged file is not used");
  keep_all (hc, coll, states);
  hc = headcache_open (cache, coll_dir, later, V);
  tap_ok (ask (hc, coll, states, &alike) == 2,
          "and is written again whole");
  keep_all (hc, coll, states);
  chmod (file, 0666);
  hc = headcache_open (cache, coll_dir, later, V);
  tap_ok (ask (hc, coll, states, &alike) == 0,
          "a file others may write is not used");
  chmod (file, 0600);
  keep_all (hc, coll, states);
  char *moved = xasprintf ("%s/planted", dir);
  rename (file, moved);
  symlink (moved, file);
  hc = headcache_open (cache, coll_dir, later, V);
  tap_ok (ask (hc, coll, states, &alike) == 0,
          "a link in the cache's place is not followed");
  struct stat mst_before, mst_after, lst;
  stat (moved, &mst_before);
  keep_all (hc, coll, states);
  stat (moved, &mst_after);
  tap_ok (lstat (file, &lst) == 0 && S_ISREG (lst.st_mode)
          && mst_after.st_mtim.tv_sec == mst_before.st_mtim.tv_sec
          && mst_after.st_mtim.tv_nsec == mst_before.st_mtim.tv_nsec
          && mst_after.st_size == mst_before.st_size,
          "writing replaces the link and leaves its target alone");

  library_free (own);
  library_free (lib);
  free (moved);
  free (file);
  free (one);
  free (cache);
  free (coll_dir);
  free (shipped);
  char *rm = xasprintf ("rm -rf '%s'", dir);
  if (system (rm) != 0)
    printf ("# could not remove %s\n", dir);
  free (rm);
  return tap_done ();
}
