/* snapshot.c -- the state of the content's files, recorded and checked
   (see snapshot.h).

   Layout (native byte order: the snapshot lives in a private cache next
   to the index that it describes):
     header   "cbsnap1" NUL, the check's start, the newest time recorded
              (int64 each), the number of directories asked for (uint32)
     per directory asked for:   'T', its name, its state
     per collection listed:     'C', its directory, the directory's
              state, its collection.cb's state, the number of documents
              (uint32), then per document its file name and state
   Names are a uint32 length and the bytes with their NUL; a state is
   nine int64: errno (0 when stat succeeded), mode, device, inode, size,
   modification and change times (seconds, nanoseconds).  */

#include <config.h>

#include "snapshot.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "cbsnap1"
#define STATE_FIELDS 9

struct state
{
  int64_t v[STATE_FIELDS];
};

/* The state of a stat call that returned RC with ST.  */
static struct state
state_of (int rc, const struct stat *st)
{
  struct state s;
  memset (&s, 0, sizeof s);
  if (rc != 0)
    {
      s.v[0] = errno ? errno : -1;
      return s;
    }
  s.v[1] = (int64_t) st->st_mode;
  s.v[2] = (int64_t) st->st_dev;
  s.v[3] = (int64_t) st->st_ino;
  s.v[4] = (int64_t) st->st_size;
  s.v[5] = (int64_t) st->st_mtim.tv_sec;
  s.v[6] = (int64_t) st->st_mtim.tv_nsec;
  s.v[7] = (int64_t) st->st_ctim.tv_sec;
  s.v[8] = (int64_t) st->st_ctim.tv_nsec;
  return s;
}

/* The newest of S's times, or 0 for a failed stat.  */
static int64_t
state_newest (const struct state *s)
{
  if (s->v[0] != 0)
    return 0;
  return s->v[5] > s->v[7] ? s->v[5] : s->v[7];
}

/* Writing.  */

struct writer
{
  struct buf *out;
  int64_t newest;
};

static void
put_u32 (struct writer *w, uint32_t v)
{
  buf_add (w->out, &v, sizeof v);
}

static void
put_name (struct writer *w, const char *name)
{
  size_t n = strlen (name) + 1;
  put_u32 (w, (uint32_t) n);
  buf_add (w->out, name, n);
}

static void
put_state (struct writer *w, struct state s)
{
  buf_add (w->out, s.v, sizeof s.v);
  if (state_newest (&s) > w->newest)
    w->newest = state_newest (&s);
}

void
snapshot_take (const char *const *dirs, size_t ndirs,
               const struct content_files *cf, int64_t started,
               struct buf *out)
{
  struct writer w = { out, 0 };
  int64_t zero = 0;
  buf_add (out, MAGIC, sizeof MAGIC);
  buf_add (out, &started, sizeof started);
  size_t newest_at = out->len;
  buf_add (out, &zero, sizeof zero);
  put_u32 (&w, (uint32_t) ndirs);
  struct stat st;
  for (size_t i = 0; i < ndirs; i++)
    {
      buf_addc (out, 'T');
      put_name (&w, dirs[i]);
      errno = 0;
      int rc = stat (dirs[i], &st);
      put_state (&w, state_of (rc, &st));
    }
  for (size_t c = 0; c < cf->ncolls; c++)
    {
      const struct content_coll_files *cc = &cf->colls[c];
      buf_addc (out, 'C');
      put_name (&w, cc->dir);
      int fd = open (cc->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      errno = 0;
      int rc = fd < 0 ? -1 : fstat (fd, &st);
      put_state (&w, state_of (rc, &st));
      errno = 0;
      rc = fd < 0 ? -1 : fstatat (fd, CONTENT_COLLECTION_FILE, &st, 0);
      put_state (&w, state_of (rc, &st));
      put_u32 (&w, (uint32_t) cc->ndocs);
      for (size_t d = 0; d < cc->ndocs; d++)
        {
          const char *slash = strrchr (cc->docs[d], '/');
          const char *name = slash ? slash + 1 : cc->docs[d];
          put_name (&w, name);
          errno = 0;
          rc = fd < 0 ? -1 : fstatat (fd, name, &st, 0);
          put_state (&w, state_of (rc, &st));
        }
      if (fd >= 0)
        close (fd);
    }
  memcpy (out->data + newest_at, &w.newest, sizeof w.newest);
}

/* Reading.  */

struct reader
{
  const unsigned char *p, *end;
  int ok;
};

static const void *
take (struct reader *r, size_t n)
{
  if (!r->ok || (size_t) (r->end - r->p) < n)
    {
      r->ok = 0;
      return NULL;
    }
  const void *at = r->p;
  r->p += n;
  return at;
}

static uint32_t
get_u32 (struct reader *r)
{
  uint32_t v = 0;
  const void *at = take (r, sizeof v);
  if (at)
    memcpy (&v, at, sizeof v);
  return v;
}

/* A name with its NUL, or NULL.  */
static const char *
get_name (struct reader *r)
{
  uint32_t n = get_u32 (r);
  const char *s = take (r, n);
  if (s == NULL || n == 0 || s[n - 1] != '\0')
    {
      r->ok = 0;
      return NULL;
    }
  return s;
}

/* Does the state recorded AT equal what a stat call gave (RC, ST)?  */
static int
state_equal (const void *at, int rc, const struct stat *st)
{
  struct state now = state_of (rc, st), was;
  memcpy (was.v, at, sizeof was.v);
  /* A failed stat matches a failed stat, whatever the errno.  */
  if (was.v[0] != 0 || now.v[0] != 0)
    return was.v[0] != 0 && now.v[0] != 0;
  return memcmp (was.v, now.v, sizeof was.v) == 0;
}

/* Does the next recorded state equal what a stat call gave?  */
static int
same_state (struct reader *r, int rc, const struct stat *st)
{
  const void *at = take (r, sizeof (struct state));
  return at != NULL && state_equal (at, rc, st);
}

/* A document to check: its directory, its name, its recorded state.  */
struct doc_check
{
  int dirfd;
  const char *name;
  const void *state;
};

struct doc_checks
{
  struct doc_check *v;
  size_t n, alloc;
  int fresh;                    /* what the second thread found */
};

/* Are the documents of C from FROM to TO as recorded?  */
static int
docs_fresh (const struct doc_checks *c, size_t from, size_t to)
{
  struct stat st;
  for (size_t i = from; i < to; i++)
    if (!state_equal (c->v[i].state, fstatat (c->v[i].dirfd, c->v[i].name,
                                               &st, 0), &st))
      return 0;
  return 1;
}

static void *
check_second_half (void *arg)
{
  struct doc_checks *c = arg;
  c->fresh = docs_fresh (c, c->n / 2, c->n);
  return NULL;
}

/* Are all documents of C as recorded?  A stat costs a microsecond or
   so, most of a search when the library is large: with many documents,
   a second thread checks half of them.  */
static int
all_docs_fresh (struct doc_checks *c)
{
  pthread_t t;
  if (c->n < 512 || pthread_create (&t, NULL, check_second_half, c) != 0)
    return docs_fresh (c, 0, c->n);
  int first = docs_fresh (c, 0, c->n / 2);
  pthread_join (t, NULL);
  return first && c->fresh;
}

static int
same_tag (struct reader *r, char tag)
{
  const char *t = take (r, 1);
  return t != NULL && *t == tag;
}

int
snapshot_fresh (const void *snap, size_t len, const char *const *dirs,
                size_t ndirs, int64_t slack)
{
  struct reader r = { snap, (const unsigned char *) snap + len, 1 };
  int64_t started, newest;
  const void *m = take (&r, sizeof MAGIC);
  const void *s = take (&r, sizeof started);
  const void *n = take (&r, sizeof newest);
  if (m == NULL || s == NULL || n == NULL
      || memcmp (m, MAGIC, sizeof MAGIC) != 0)
    return 0;
  memcpy (&started, s, sizeof started);
  memcpy (&newest, n, sizeof newest);
  /* Times too close to the check cannot show an edit made just after
     it: no need to look further.  */
  if (newest + slack >= started || get_u32 (&r) != ndirs)
    return 0;
  struct stat st;
  for (size_t i = 0; i < ndirs; i++)
    {
      const char *name;
      if (!same_tag (&r, 'T') || (name = get_name (&r)) == NULL
          || strcmp (name, dirs[i]) != 0)
        return 0;
      int rc = stat (dirs[i], &st);
      if (!same_state (&r, rc, &st))
        return 0;
    }
  /* The collections' directories and collection.cb now; their
     documents, listed first, all at once after.  */
  struct doc_checks docs = { 0 };
  int *fds = NULL;
  size_t nfds = 0, fds_alloc = 0;
  int fresh = 1;
  while (fresh && r.ok && r.p < r.end)
    {
      const char *dir;
      if (!same_tag (&r, 'C') || (dir = get_name (&r)) == NULL)
        {
          fresh = 0;
          break;
        }
      int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (fd >= 0)
        {
          fds = xgrow (fds, &fds_alloc, nfds + 1, sizeof *fds);
          fds[nfds++] = fd;
        }
      fresh = fd >= 0 && same_state (&r, fstat (fd, &st), &st)
        && same_state (&r, fstatat (fd, CONTENT_COLLECTION_FILE, &st, 0),
                       &st);
      uint32_t ndocs = fresh ? get_u32 (&r) : 0;
      for (uint32_t d = 0; fresh && d < ndocs; d++)
        {
          const char *name = get_name (&r);
          const void *state = take (&r, sizeof (struct state));
          fresh = name != NULL && state != NULL;
          if (fresh)
            {
              docs.v = xgrow (docs.v, &docs.alloc, docs.n + 1,
                              sizeof *docs.v);
              docs.v[docs.n++] = (struct doc_check) { fd, name, state };
            }
        }
    }
  fresh = fresh && r.ok && all_docs_fresh (&docs);
  for (size_t i = 0; i < nfds; i++)
    close (fds[i]);
  free (fds);
  free (docs.v);
  return fresh;
}
