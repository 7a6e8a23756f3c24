/* headcache.c -- a collection's document headers kept between listings
   (see headcache.h).

   The file, headers-HASH in the cache directory (HASH: of the
   collection directory's full name), in native byte order:
     "cbhead1" NUL; the length of the body (uint64) and its checksum
     (util_hash, uint64); the body:
       what wrote it (uint32 length, bytes: "casebook VERSION header
       N", N the caller's CONTENT_HEADER_VERSION): a file another
       casebook wrote, whose reading of a header may differ, is not
       used;
       the collection directory's full name (uint32 length, bytes);
       the number of entries (uint32), then each entry's offset in the
       body (uint64), the entries being in the order of their names;
       per entry: its file name (uint32 length, bytes), its state (seven
       int64: device, inode, size, modification and change times in
       seconds and nanoseconds), the number and its line (int64 each),
       the nine texts of the title, procuratorate and region (each side
       and the revision), and the keyword lists.
   A text is its origin (one byte), and unless that is ORIGIN_NONE its
   line and place in the file (int64 each) and its bytes (uint32 length
   and bytes).  A keyword list is, per language, its origin (one byte)
   and its items (uint32 count, then each as a length and bytes), then
   the revised English items the same way.  The file is read whole
   (its checksum needs every byte), not mapped: a mapping of a file that
   something else shortens meanwhile would kill the process (SIGBUS).  */

#include <config.h>

#include "headcache.h"

#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cachesweep.h"
#include "util.h"

#define MAGIC "cbhead1"
#define HEAD_LEN (sizeof MAGIC + 2 * sizeof (uint64_t))
#define STATE_FIELDS HEADCACHE_STATE_FIELDS
/* Times closer than this to the listing's start are not believed.  */
#define TIME_SLACK_SECONDS UTIL_TIME_SLACK_SECONDS
/* No cache file is larger than this (4 GiB, the most a uint32 length
   and a 32-bit size_t allow): 40 KB of header for each of 100,000
   documents.  */
#define MAX_FILE ((size_t) UINT32_MAX)

struct headcache
{
  char *path;                   /* of the cache file */
  char *dir;                    /* the collection directory's full name */
  int dirfd;                    /* open on it, for one stat per file */
  int64_t now;
  int version;                  /* of the reading of a header */
  int any_dir;                  /* the file's directory name not checked
                                   (headcache_open_body) */
  unsigned char *file;          /* the file, NULL when it is not used */
  const unsigned char *body;
  size_t body_len;
  const unsigned char *offsets; /* COUNT uint64 offsets into BODY */
  uint32_t count;
};

/* Writing.  */

static void
put_u32 (struct buf *b, uint32_t v)
{
  buf_add (b, &v, sizeof v);
}

static void
put_i64 (struct buf *b, int64_t v)
{
  buf_add (b, &v, sizeof v);
}

static void
put_bytes (struct buf *b, const char *s, size_t n)
{
  put_u32 (b, (uint32_t) n);
  buf_add (b, s, n);
}

static void
put_text (struct buf *b, const struct text *t)
{
  buf_addc (b, (char) t->origin);
  if (t->origin == ORIGIN_NONE)
    return;
  put_i64 (b, (int64_t) t->line);
  put_i64 (b, (int64_t) t->file_off);
  put_bytes (b, t->str, t->len);
}

static void
put_bitext (struct buf *b, const struct bitext *bt)
{
  for (int l = 0; l < LANG_COUNT; l++)
    put_text (b, &bt->side[l]);
  put_text (b, &bt->rev);
}

static void
put_items (struct buf *b, char *const *items, size_t n)
{
  put_u32 (b, (uint32_t) n);
  for (size_t i = 0; i < n; i++)
    put_bytes (b, items[i], strlen (items[i]));
}

/* The file for the LEN bytes of BODY: the magic, the body's length and
   checksum, the body (appended to OUT).  */
static void
put_file (struct buf *out, const void *body, size_t len)
{
  uint64_t n = len, sum = util_hash (0, body, len);
  buf_add (out, MAGIC, sizeof MAGIC);
  buf_add (out, &n, sizeof n);
  buf_add (out, &sum, sizeof sum);
  buf_add (out, body, len);
}

void
headcache_encode (const struct document *doc, struct buf *out)
{
  put_i64 (out, (int64_t) doc->number);
  put_i64 (out, (int64_t) doc->number_line);
  put_bitext (out, &doc->title);
  put_bitext (out, &doc->procuratorate);
  put_bitext (out, &doc->region);
  for (int l = 0; l < LANG_COUNT; l++)
    {
      buf_addc (out, (char) doc->keywords.origin[l]);
      put_items (out, doc->keywords.items[l], doc->keywords.count[l]);
    }
  put_items (out, doc->keywords.rev_items, doc->keywords.rev_count);
}

/* Reading: each step checks that what it reads is inside the data.  */

struct reader
{
  const unsigned char *p, *end;
  int bad;
};

static const unsigned char *
take (struct reader *r, size_t n)
{
  if (r->bad || (size_t) (r->end - r->p) < n)
    {
      r->bad = 1;
      return NULL;
    }
  const unsigned char *at = r->p;
  r->p += n;
  return at;
}

static uint32_t
get_u32 (struct reader *r)
{
  uint32_t v = 0;
  const unsigned char *at = take (r, sizeof v);
  if (at)
    memcpy (&v, at, sizeof v);
  return v;
}

static int64_t
get_i64 (struct reader *r)
{
  int64_t v = 0;
  const unsigned char *at = take (r, sizeof v);
  if (at)
    memcpy (&v, at, sizeof v);
  return v;
}

/* A length and its bytes: a new string (with a NUL) of *LEN bytes, or
   NULL when R is bad.  The model's strings hold no NUL of their own.  */
static char *
get_string (struct reader *r, size_t *len)
{
  uint32_t n = get_u32 (r);
  const unsigned char *at = take (r, n);
  if (at && memchr (at, '\0', n) != NULL)
    r->bad = 1;
  if (at == NULL || r->bad)
    return NULL;
  *len = n;
  return xstrndup ((const char *) at, n);
}

static void
get_text (struct reader *r, struct text *t)
{
  memset (t, 0, sizeof *t);
  const unsigned char *o = take (r, 1);
  if (o == NULL || *o == ORIGIN_NONE)
    return;
  if (*o > ORIGIN_REVISION)
    {
      r->bad = 1;
      return;
    }
  int64_t line = get_i64 (r), off = get_i64 (r);
  char *s = get_string (r, &t->len);
  if (s == NULL || line < 0 || off < 0)
    {
      free (s);
      r->bad = 1;
      return;
    }
  t->origin = (enum origin) *o;
  t->line = (unsigned long) line;
  t->file_off = (size_t) off;
  t->str = s;
}

static void
get_bitext (struct reader *r, struct bitext *bt)
{
  for (int l = 0; l < LANG_COUNT; l++)
    get_text (r, &bt->side[l]);
  get_text (r, &bt->rev);
}

static size_t
get_items (struct reader *r, char ***items)
{
  *items = NULL;
  uint32_t n = get_u32 (r);
  /* Each item takes at least its length: a count beyond the data is
     damage, not an allocation to make.  */
  if (r->bad || n > (size_t) (r->end - r->p) / sizeof (uint32_t))
    {
      r->bad = 1;
      return 0;
    }
  if (n == 0)
    return 0;
  char **v = xcalloc (n, sizeof *v);
  for (uint32_t i = 0; i < n; i++)
    {
      size_t len;
      v[i] = get_string (r, &len);
      if (v[i] == NULL)
        {
          strv_free (v, i);
          return 0;
        }
    }
  *items = v;
  return n;
}

/* Fill DOC from R (PATH kept in it).  Returns 0, or -1 (DOC freed).  */
static int
read_header (struct reader *r, const char *path, struct document *doc)
{
  memset (doc, 0, sizeof *doc);
  doc->number = (long) get_i64 (r);
  int64_t line = get_i64 (r);
  doc->number_line = line > 0 ? (unsigned long) line : 0;
  doc->partial = 1;
  get_bitext (r, &doc->title);
  get_bitext (r, &doc->procuratorate);
  get_bitext (r, &doc->region);
  for (int l = 0; l < LANG_COUNT && !r->bad; l++)
    {
      const unsigned char *o = take (r, 1);
      if (o && *o <= ORIGIN_REVISION)
        doc->keywords.origin[l] = (enum origin) *o;
      else
        r->bad = 1;
      doc->keywords.count[l] = get_items (r, &doc->keywords.items[l]);
    }
  doc->keywords.rev_count = get_items (r, &doc->keywords.rev_items);
  if (r->bad || line < 0)
    {
      document_free (doc);
      return -1;
    }
  doc->path = xstrdup (path);
  return 0;
}

int
headcache_decode (const unsigned char *data, size_t len, const char *path,
                  struct document *doc)
{
  struct reader r = { data, data + len, 0 };
  return read_header (&r, path, doc) == 0 && r.p == r.end ? 0
    : (document_free (doc), -1);
}

/* The state ST says.  */
static struct headcache_state
state_of (const struct stat *st)
{
  struct headcache_state s = { {
      (int64_t) st->st_dev, (int64_t) st->st_ino, (int64_t) st->st_size,
      (int64_t) st->st_mtim.tv_sec, (int64_t) st->st_mtim.tv_nsec,
      (int64_t) st->st_ctim.tv_sec, (int64_t) st->st_ctim.tv_nsec } };
  return s;
}

/* Opening.  */

/* What writes HC's file, and must have written one to be used.  */
static char *
writer_id (const struct headcache *hc)
{
  return xasprintf ("casebook %s header %d", PACKAGE_VERSION, hc->version);
}

/* Take the LEN bytes at FILE (malloc'd; HC frees them) as HC's cache
   file if they are one to believe, else free them.  */
static void
adopt (struct headcache *hc, unsigned char *file, size_t len)
{
  uint64_t body_len = 0, sum = 0;
  if (len >= HEAD_LEN)
    {
      memcpy (&body_len, file + sizeof MAGIC, sizeof body_len);
      memcpy (&sum, file + sizeof MAGIC + sizeof body_len, sizeof sum);
    }
  struct reader r = { file + HEAD_LEN, file + len, 0 };
  size_t n = 0;
  char *writer = NULL, *dir = NULL, *want = writer_id (hc);
  uint32_t count = 0;
  if (len >= HEAD_LEN && memcmp (file, MAGIC, sizeof MAGIC) == 0
      && body_len == len - HEAD_LEN
      && util_hash (0, file + HEAD_LEN, body_len) == sum
      && (writer = get_string (&r, &n)) != NULL && strcmp (writer, want) == 0
      && (dir = get_string (&r, &n)) != NULL
      && (hc->any_dir || strcmp (dir, hc->dir) == 0)
      && (count = get_u32 (&r), !r.bad)
      && count <= (size_t) (r.end - r.p) / sizeof (uint64_t))
    {
      hc->file = file;
      hc->body = file + HEAD_LEN;
      hc->body_len = body_len;
      hc->offsets = r.p;
      hc->count = count;
    }
  else
    free (file);
  free (want);
  free (writer);
  free (dir);
}

/* Read the cache file of HC, if it is one to believe: a regular file
   of this user's that no one else may write, never through a link.  */
static void
read_file (struct headcache *hc)
{
  int fd = open (hc->path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0)
    return;
  struct stat st;
  unsigned char *file = NULL;
  size_t len = 0;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode)
      && st.st_uid == geteuid () && (st.st_mode & 022) == 0
      && (uint64_t) st.st_size >= HEAD_LEN
      && (uint64_t) st.st_size <= MAX_FILE)
    {
      /* Used: kept by the sweep of the cache (cachesweep.h).  */
      cachesweep_mark_fd (fd, &st, hc->now);
      /* As long as fstat said: a file grown meanwhile fails its
         checksum, one shortened its read.  */
      size_t want = (size_t) st.st_size;
      file = xmalloc (want);
      ssize_t got = util_read_all (fd, file, want);
      len = got > 0 ? (size_t) got : 0;
      if (len < want)
        {
          free (file);
          file = NULL;
        }
    }
  close (fd);
  if (file)
    adopt (hc, file, len);
}

/* HC for the collection in DIR, its file not read yet; NULL when DIR
   cannot be opened.  */
static struct headcache *
new_cache (const char *cache_dir, const char *dir, int64_t now, int version)
{
  char *real = realpath (dir, NULL);
  if (real == NULL)
    return NULL;
  int dirfd = open (real, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dirfd < 0)
    {
      free (real);
      return NULL;
    }
  struct headcache *hc = xcalloc (1, sizeof *hc);
  hc->dir = real;
  hc->dirfd = dirfd;
  hc->now = now;
  hc->version = version;
  hc->path = xasprintf ("%s/headers-%016llx", cache_dir,
                        (unsigned long long) util_hash (0, real,
                                                        strlen (real) + 1));
  return hc;
}

struct headcache *
headcache_open (const char *cache_dir, const char *dir, int64_t now,
                int version)
{
  struct headcache *hc = new_cache (cache_dir, dir, now, version);
  if (hc)
    read_file (hc);
  return hc;
}

struct headcache *
headcache_open_body (const char *dir, const void *body, size_t len,
                     int64_t now, int version)
{
  struct headcache *hc = new_cache ("/nonexistent", dir, now, version);
  if (hc == NULL || len > MAX_FILE - HEAD_LEN)
    return hc;
  hc->any_dir = 1;
  struct buf file = { 0 };
  put_file (&file, body, len);
  size_t n = file.len;
  adopt (hc, (unsigned char *) buf_steal (&file), n);
  return hc;
}

/* The entry named NAME: a reader over it, after its name; 0 if none.  */
static int
find (const struct headcache *hc, const char *name, struct reader *out)
{
  size_t lo = 0, hi = hc->count, nlen = strlen (name);
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      uint64_t off;
      memcpy (&off, hc->offsets + mid * sizeof off, sizeof off);
      struct reader r = { hc->body, hc->body + hc->body_len, 0 };
      if (off > hc->body_len)
        return 0;
      r.p += off;
      uint32_t n = get_u32 (&r);
      const unsigned char *s = take (&r, n);
      if (s == NULL)
        return 0;
      int c = memcmp (s, name, n < nlen ? n : nlen);
      if (c == 0)
        c = (n > nlen) - (n < nlen);
      if (c == 0)
        {
          *out = r;
          return 1;
        }
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return 0;
}

/* Does HC hold an entry for NAME recorded in state ST?  If so, R is
   set to read its header.  */
static int
recorded_as (const struct headcache *hc, const char *name,
             const struct headcache_state *st, struct reader *r)
{
  if (hc->file == NULL || !find (hc, name, r))
    return 0;
  const unsigned char *at = take (r, sizeof st->v);
  return at && memcmp (at, st->v, sizeof st->v) == 0;
}

int
headcache_get (const struct headcache *hc, const char *name,
               const char *path, struct document *doc,
               struct headcache_state *st, int *have_st)
{
  struct stat sb;
  *have_st = fstatat (hc->dirfd, name, &sb, 0) == 0 && S_ISREG (sb.st_mode);
  if (!*have_st)
    return 0;
  *st = state_of (&sb);
  struct reader r;
  return recorded_as (hc, name, st, &r) && read_header (&r, path, doc) == 0;
}

int
headcache_may_keep (const struct headcache *hc,
                    const struct headcache_state *st)
{
  /* v[3] and v[5]: the modification and change times' seconds.  */
  return st->v[3] + TIME_SLACK_SECONDS < hc->now
    && st->v[5] + TIME_SLACK_SECONDS < hc->now;
}

/* Closing.  */

static void
write_file (const struct headcache *hc, const struct document *docs,
            char *const *names, const struct headcache_state *const *states,
            size_t ndocs)
{
  struct buf body = { 0 };
  char *writer = writer_id (hc);
  put_bytes (&body, writer, strlen (writer));
  free (writer);
  put_bytes (&body, hc->dir, strlen (hc->dir));
  uint32_t count = 0;
  for (size_t i = 0; i < ndocs; i++)
    count += states[i] != NULL;
  put_u32 (&body, count);
  size_t offsets_at = body.len;
  for (uint32_t i = 0; i < count; i++)
    put_i64 (&body, 0);
  size_t k = 0;
  for (size_t i = 0; i < ndocs; i++)
    {
      if (states[i] == NULL)
        continue;
      uint64_t off = body.len;
      memcpy (body.data + offsets_at + k++ * sizeof off, &off, sizeof off);
      put_bytes (&body, names[i], strlen (names[i]));
      buf_add (&body, states[i]->v, sizeof states[i]->v);
      headcache_encode (&docs[i], &body);
    }
  struct buf file = { 0 };
  put_file (&file, body.data, body.len);
  buf_free (&body);
  /* Readable by no one else, whatever the umask made it (or a file
     written over before kept): one writable by the group would not be
     read (read_file), and be written again at every listing.  */
  if (file.len <= MAX_FILE)
    util_write_private (hc->path, file.data, file.len);
  buf_free (&file);
}

void
headcache_close (struct headcache *hc, const struct document *docs,
                 char *const *names,
                 const struct headcache_state *const *states, size_t ndocs)
{
  if (hc == NULL)
    return;
  /* Written again when an entry is new, or one is no longer kept.  */
  size_t kept = 0, same = 0;
  for (size_t i = 0; i < ndocs; i++)
    if (states[i])
      {
        struct reader r;
        kept++;
        same += recorded_as (hc, names[i], states[i], &r);
      }
  if (same != kept || kept != hc->count)
    write_file (hc, docs, names, states, ndocs);
  headcache_free (hc);
}

void
headcache_free (struct headcache *hc)
{
  if (hc == NULL)
    return;
  free (hc->file);
  close (hc->dirfd);
  free (hc->dir);
  free (hc->path);
  free (hc);
}
