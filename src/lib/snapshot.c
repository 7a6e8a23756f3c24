/* snapshot.c -- the state of the content's files, recorded and checked
   (see snapshot.h).

   Layout (native byte order: the snapshot lives in a private cache next
   to the index that it describes):
     header   "cbsnap2" NUL, the snapshot's id (a random uint64, see
              snapshot.h), a hash (util_hash) of all the rest (uint64),
              the check's start, the newest time recorded
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
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "thread.h"

#define MAGIC "cbsnap2"
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

/* The snapshot's head is its magic and its id.  */
_Static_assert (SNAPSHOT_HEAD_BYTES == sizeof MAGIC + sizeof (uint64_t),
                "SNAPSHOT_HEAD_BYTES is the magic and the id");

/* The hash of the snapshot S (LEN bytes), whose hash field (after its
   head) is skipped.  */
static uint64_t
hash_of (const void *s, size_t len)
{
  const size_t skip = SNAPSHOT_HEAD_BYTES + sizeof (uint64_t);
  uint64_t h = util_hash (0, s, SNAPSHOT_HEAD_BYTES);
  return util_hash (h, (const char *) s + skip, len - skip);
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
               const struct content_files *cf, int64_t started, uint64_t id,
               struct buf *out)
{
  struct writer w = { out, 0 };
  int64_t zero = 0;
  buf_add (out, MAGIC, sizeof MAGIC);
  buf_add (out, &id, sizeof id);
  size_t sum_at = out->len;
  buf_add (out, &zero, sizeof zero);
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
  uint64_t sum = hash_of (out->data + sum_at - SNAPSHOT_HEAD_BYTES,
                          out->len - sum_at + SNAPSHOT_HEAD_BYTES);
  memcpy (out->data + sum_at, &sum, sizeof sum);
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

struct snapshot_check
{
  void *snap;                   /* taken: the names point into it */
  size_t len;
  /* SNAPSHOT_ALL_BEHIND: what the thread checks the collections
     against, its own copies; and set once it has listed the documents
     (the caller may then share them).  */
  char **dirs;
  size_t ndirs;
  int64_t slack;
  int deferred;
  atomic_int listed;
  struct doc_check *docs;
  size_t ndocs, docs_alloc;
  int *fds;                     /* the collections' directories */
  size_t nfds, fds_alloc;
  atomic_size_t next;           /* the first document not yet taken */
  atomic_int stale;             /* something differs */
  pthread_t thread;
  int threaded;
};

/* Documents are taken this many at a time, by whichever thread comes:
   few enough that the caller, done with its own work, finds some left
   to share; enough that taking them costs nothing.  */
#define DOCS_PER_TAKE 64

/* Check documents of C until none is left or one differs.  */
static void
check_docs (struct snapshot_check *c)
{
  struct stat st;
  for (;;)
    {
      size_t from = atomic_fetch_add (&c->next, DOCS_PER_TAKE);
      if (from >= c->ndocs || atomic_load (&c->stale))
        return;
      size_t to = c->ndocs - from < DOCS_PER_TAKE ? c->ndocs
        : from + DOCS_PER_TAKE;
      for (size_t i = from; i < to; i++)
        {
          const struct doc_check *d = &c->docs[i];
          if (!state_equal (d->state, fstatat (d->dirfd, d->name, &st, 0),
                            &st))
            {
              atomic_store (&c->stale, 1);
              return;
            }
        }
    }
}

static void *
check_docs_thread (void *arg)
{
  check_docs (arg);
  return NULL;
}

static int
same_tag (struct reader *r, char tag)
{
  const char *t = take (r, 1);
  return t != NULL && *t == tag;
}

/* Check the header, the directories and the collections recorded by
   the snapshot C->snap (LEN bytes), and list its documents in C.
   Returns 0 when those are as recorded.  */
static int
check_collections (struct snapshot_check *c, size_t len,
                   const char *const *dirs, size_t ndirs, int64_t slack)
{
  struct reader r = { c->snap, (const unsigned char *) c->snap + len, 1 };
  int64_t started, newest;
  uint64_t id;
  const void *m = take (&r, sizeof MAGIC);
  const void *id_at = take (&r, sizeof id);
  const unsigned char *sum_at = take (&r, sizeof (uint64_t));
  const void *s = take (&r, sizeof started);
  const void *n = take (&r, sizeof newest);
  if (m == NULL || id_at == NULL || sum_at == NULL || s == NULL || n == NULL
      || memcmp (m, MAGIC, sizeof MAGIC) != 0)
    return -1;
  memcpy (&started, s, sizeof started);
  memcpy (&newest, n, sizeof newest);
  /* A copy cut short or written over (the one kept in a file beside
     the index) is not believed.  */
  uint64_t want;
  memcpy (&want, sum_at, sizeof want);
  if (hash_of (c->snap, len) != want)
    return -1;
  /* Times too close to the check cannot show an edit made just after
     it: no need to look further.  */
  if (newest + slack >= started || get_u32 (&r) != ndirs)
    return -1;
  struct stat st;
  for (size_t i = 0; i < ndirs; i++)
    {
      const char *name;
      if (!same_tag (&r, 'T') || (name = get_name (&r)) == NULL
          || strcmp (name, dirs[i]) != 0)
        return -1;
      int rc = stat (dirs[i], &st);
      if (!same_state (&r, rc, &st))
        return -1;
    }
  /* The collections' directories and collection.cb now; their
     documents are only listed here, for check_docs.  */
  while (r.ok && r.p < r.end)
    {
      /* Told to stop (snapshot_check_cancel): a collection on a slow
         file system is not waited for.  */
      if (atomic_load (&c->stale))
        return -1;
      const char *dir;
      if (!same_tag (&r, 'C') || (dir = get_name (&r)) == NULL)
        return -1;
      int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (fd < 0)
        return -1;
      c->fds = xgrow (c->fds, &c->fds_alloc, c->nfds + 1, sizeof *c->fds);
      c->fds[c->nfds++] = fd;
      if (!same_state (&r, fstat (fd, &st), &st)
          || !same_state (&r, fstatat (fd, CONTENT_COLLECTION_FILE, &st, 0),
                          &st))
        return -1;
      uint32_t ndocs = get_u32 (&r);
      for (uint32_t d = 0; d < ndocs; d++)
        {
          const char *name = get_name (&r);
          const void *state = take (&r, sizeof (struct state));
          if (name == NULL || state == NULL)
            return -1;
          c->docs = xgrow (c->docs, &c->docs_alloc, c->ndocs + 1,
                           sizeof *c->docs);
          c->docs[c->ndocs++] = (struct doc_check) { fd, name, state };
        }
    }
  return r.ok ? 0 : -1;
}

/* SNAPSHOT_ALL_BEHIND's thread: the whole check.  */
static void *
check_all_thread (void *arg)
{
  struct snapshot_check *c = arg;
  if (check_collections (c, c->len, (const char *const *) c->dirs, c->ndirs,
                         c->slack) != 0)
    atomic_store (&c->stale, 1);
  else
    {
      atomic_store (&c->listed, 1);
      check_docs (c);
    }
  return NULL;
}

struct snapshot_check *
snapshot_check_start (void *snap, size_t len, const char *const *dirs,
                      size_t ndirs, int64_t slack, enum snapshot_mode mode)
{
  if (snap == NULL || len == 0)
    {
      free (snap);
      return NULL;
    }
  struct snapshot_check *c = xcalloc (1, sizeof *c);
  /* Taken, not copied: a snapshot of thousands of files is hundreds of
     kilobytes, and memory first written costs more than reading it.  */
  c->snap = snap;
  c->len = len;
  atomic_init (&c->next, 0);
  atomic_init (&c->stale, 0);
  atomic_init (&c->listed, 0);
  if (mode == SNAPSHOT_ALL_BEHIND)
    {
      c->dirs = xcalloc (ndirs ? ndirs : 1, sizeof *c->dirs);
      for (size_t i = 0; i < ndirs; i++)
        c->dirs[i] = xstrdup (dirs[i]);
      c->ndirs = ndirs;
      c->slack = slack;
      c->deferred = 1;
      c->threaded = thread_start (&c->thread, check_all_thread, c)
        == 0;
      if (c->threaded)
        return c;
      /* No thread: the documents are left to the caller's finish.  */
      c->deferred = 0;
    }
  if (check_collections (c, len, dirs, ndirs, slack) != 0)
    {
      atomic_store (&c->stale, 1);
      snapshot_check_finish (c);
      return NULL;
    }
  if (mode == SNAPSHOT_DOCS_BEHIND && c->ndocs >= SNAPSHOT_BACKGROUND_DOCS)
    c->threaded = thread_start (&c->thread, check_docs_thread, c)
      == 0;
  return c;
}

int
snapshot_check_failed (struct snapshot_check *c)
{
  return atomic_load (&c->stale);
}

int
snapshot_check_is (const struct snapshot_check *c, const void *head)
{
  return c->len >= SNAPSHOT_HEAD_BYTES
    && memcmp (c->snap, head, SNAPSHOT_HEAD_BYTES) == 0;
}

int
snapshot_check_finish (struct snapshot_check *c)
{
  /* What the thread has not taken yet is checked here, alongside it,
     once there is a list to take from.  */
  if (!c->deferred || atomic_load (&c->listed))
    check_docs (c);
  if (c->threaded)
    pthread_join (c->thread, NULL);
  int fresh = !atomic_load (&c->stale);
  for (size_t i = 0; i < c->nfds; i++)
    close (c->fds[i]);
  free (c->fds);
  free (c->docs);
  free (c->snap);
  strv_free (c->dirs, c->ndirs);
  free (c);
  return fresh;
}

void
snapshot_check_cancel (struct snapshot_check *c)
{
  if (c == NULL)
    return;
  atomic_store (&c->stale, 1);
  snapshot_check_finish (c);
}
