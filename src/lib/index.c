/* index.c -- the search cache (see index.h).

   File layout, native byte order (the header says which):
     header      magic, version, byte-order mark, key, size, where the
                 parts below are, checksum of the table and strings
     doc table   per document: number, path, collection, where its
                 directory and texts are, its folded length per language,
                 checksums of each of its parts
     strings     the documents' paths and collection ids
     texts       the folded texts of every document in Chinese, then
                 those in English (per document and language, its records
                 one after another, each ended by a NUL), then the
                 original texts (for regexes)
     meta        per document: a byte per record (its weight, whether it
                 lists keywords; Chinese records first), where each folded
                 record starts, and where each original is
     trigrams    for each trigram hash, a bitmap of the (document,
                 language) pairs whose folded text holds one, and a
                 checksum per row
   A search rules out documents and languages with the trigram table and
   runs through the folded texts of the rest in one pass per term; a hit
   is placed in its record through the starts.  The NUL after each record
   keeps a match from running from one record into the next, as neither
   folded text nor a query holds one.  As each kind of text lies
   together, a Chinese term touches only Chinese pages, and nothing is
   read from the content files, which would cost an open and a mapping
   each.  The table is checked on open, a document's directory and each
   of its texts before they are used: a corrupt cache is noticed and
   rebuilt, never believed.  */

#include <config.h>
#include "index.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content.h"
#include "norm.h"
#include "search.h"

#define INDEX_MAGIC "CBINDEX1"
#define INDEX_VERSION 7
#define INDEX_BOM 0x01020304u
/* Rows of the trigram table, a power of two: enough that a document's
   folded text in one language fills about half of them.  */
#define TRI_BUCKETS_MIN 256
#define TRI_BUCKETS_MAX 16384

struct ix_header
{
  char magic[8];
  uint32_t version;
  uint32_t bom;
  uint64_t key;
  uint64_t size;
  uint64_t ndocs;
  uint64_t strings_off;         /* paths and collection ids */
  uint64_t strings_len;
  uint64_t meta_off;            /* directories and starts, after the texts */
  uint64_t tri_buckets;         /* rows of the trigram table */
  uint64_t tri_off;
  uint64_t tri_row;             /* bytes per row: (ndocs * LANG_COUNT + 7) / 8 */
  uint64_t tri_sums_off;        /* a checksum per row */
  uint64_t table_sum;           /* of the document table and the strings */
};

struct ix_doc
{
  int64_t number;
  uint64_t path_off;            /* in the strings */
  uint64_t coll_off;
  uint64_t flags_off;           /* REC_* per record, zh records first */
  uint64_t nrecs[LANG_COUNT];
  uint64_t starts_off[LANG_COUNT];  /* nrecs[l] + 1 offsets (uint32) */
  uint64_t origs_off;           /* struct ix_orig per record */
  uint64_t texts_off[LANG_COUNT];   /* folded records, each ended by NUL */
  uint64_t texts_len[LANG_COUNT];
  uint64_t texts_sum[LANG_COUNT];
  uint64_t orig_off;            /* original texts, zh records' first */
  uint64_t orig_len[LANG_COUNT];
  uint64_t origs_sum;           /* of the ix_orig entries */
  uint64_t orig_sum[LANG_COUNT];    /* of each language's (search_text_sum) */
  unsigned char orig_bytes[LANG_COUNT][32];     /* the byte values they hold */
  uint64_t length[LANG_COUNT];  /* folded bytes, as search_document counts */
  uint64_t meta_sum;            /* of the flags and the starts */
};

/* A record's flags: the weight of its hits, and whether it is a keyword
   list.  Word searches need only these and the starts, so they are kept
   small: a byte and four per record.  */
#define REC_WEIGHT 3
#define REC_KEYWORDS 4

/* Where a record's original text is, from the document's orig_off.  */
struct ix_orig
{
  uint32_t off;
  uint32_t len;
};

/* What of a document has been verified (bits of struct index.checked).  */
enum
{
  CHECKED_META = 1,
  CHECKED_ORIGS = 2,
  CHECKED_TEXT = 4,             /* << language */
  CHECKED_ORIG = CHECKED_TEXT << LANG_COUNT     /* << language */
};

struct index
{
  const unsigned char *map;
  size_t size;
  const struct ix_header *hdr;
  const struct ix_doc *docs;
  unsigned char *checked;       /* per document: CHECKED_* */
};

static uint32_t
trigram (const unsigned char *p)
{
  uint32_t h = (uint32_t) p[0] * 0x9e3779b1u ^ (uint32_t) p[1] * 0x85ebca77u
    ^ (uint32_t) p[2] * 0xc2b2ae3du;
  return h ^ (h >> 15);
}

/* The trigram hashes of a query string and what finds it, set up once
   per search.  */
struct trigrams
{
  uint32_t *hash;
  size_t count;
  size_t len;                   /* of the string */
  struct search_finder finder;
  int boundary;                 /* must it start a word? */
  size_t within;                /* the alternative it begins with, or -1 */
};

static void
trigrams_of (const char *s, struct trigrams *t)
{
  t->len = strlen (s);
  search_finder_init (&t->finder, s, t->len);
  t->boundary = search_needs_boundary (s);
  t->within = (size_t) -1;
  t->count = t->len > 2 ? t->len - 2 : 0;
  t->hash = xmalloc ((t->count + 1) * sizeof *t->hash);
  for (size_t i = 0; i < t->count; i++)
    t->hash[i] = trigram ((const unsigned char *) s + i);
}

char *
index_cache_path (const char *content_dir, const char *cache_home)
{
  char real[PATH_MAX];
  const char *which = realpath (content_dir, real) ? real : content_dir;
  return xasprintf ("%s/casebook/index-%016llx.bin", cache_home,
                    (unsigned long long) util_hash (0, which, strlen (which)));
}

static int
compare_strings (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static uint64_t
key_stat (uint64_t h, const char *name, const struct stat *st, int ok)
{
  h = util_hash (h, name, strlen (name) + 1);
  if (!ok)
    return util_hash (h, "-", 1);
  uint64_t v[5] = { (uint64_t) st->st_size, (uint64_t) st->st_mtim.tv_sec,
                    (uint64_t) st->st_mtim.tv_nsec, (uint64_t) st->st_ino,
                    (uint64_t) st->st_ctim.tv_nsec };
  return util_hash (h, v, sizeof v);
}

/* Hash PATH and what stat says of it.  */
static uint64_t
key_file (uint64_t h, const char *path)
{
  struct stat st;
  return key_stat (h, path, &st, stat (path, &st) == 0);
}

/* What stat says of NAMES[FROM..TO) in the open directory DIRFD
   (relative to it: no path walk per file), hashed one by one and summed,
   so that the order they come in does not matter.  */
struct key_part
{
  int dirfd;
  char *const *names;
  size_t from, to;
  uint64_t sum;
};

static void *
key_names (void *arg)
{
  struct key_part *kp = arg;
  uint64_t sum = 0;
  for (size_t i = kp->from; i < kp->to; i++)
    {
      struct stat st;
      int ok = fstatat (kp->dirfd, kp->names[i], &st, 0) == 0;
      sum += key_stat (0, kp->names[i], &st, ok);
    }
  kp->sum = sum;
  return NULL;
}

/* Hash every .cb file of DIR, in no particular order (sorting the names
   would cost more than the hashing).  A stat costs about a microsecond,
   as much as a search of a small document: a large collection is split
   between two threads.  */
static uint64_t
key_dir (uint64_t h, const char *dir)
{
  DIR *dh = opendir (dir);
  if (dh == NULL)
    return util_hash (h, "!", 1);
  struct buf text = { 0 };      /* the names, one after another */
  size_t n = 0;
  struct dirent *de;
  while ((de = readdir (dh)) != NULL)
    {
      size_t len = strlen (de->d_name);
      if (de->d_name[0] == '.' || len < 4 || strcmp (de->d_name + len - 3, ".cb") != 0)
        continue;
      buf_add (&text, de->d_name, len + 1);
      n++;
    }
  char **names = xcalloc (n + 1, sizeof *names);
  for (size_t i = 0, off = 0; i < n; i++)
    {
      names[i] = text.data + off;
      off += strlen (names[i]) + 1;
    }
  struct key_part parts[2] = { { dirfd (dh), names, 0, n / 2, 0 },
                               { dirfd (dh), names, n / 2, n, 0 } };
  pthread_t th;
  int threaded = n >= 256 && pthread_create (&th, NULL, key_names, &parts[1]) == 0;
  if (!threaded)
    parts[0].to = n;
  key_names (&parts[0]);
  if (threaded)
    pthread_join (th, NULL);
  uint64_t v[2] = { parts[0].sum + (threaded ? parts[1].sum : 0), n };
  h = util_hash (util_hash (h, dir, strlen (dir) + 1), v, sizeof v);
  closedir (dh);
  free (names);
  buf_free (&text);
  return key_file (h, dir);
}

unsigned long long
index_content_key (const char *content_dir)
{
  uint64_t h = util_hash (0, "casebook-index-7", 16);
  /* Folding depends on whether OpenCC's data is there: key on the file
     rather than opening OpenCC, which costs more than the search.  */
#ifdef OPENCC_T2S_CONFIG
  h = key_file (h, OPENCC_T2S_CONFIG);
#else
  h = util_hash (h, "--", 2);
#endif
  char *meta = util_path_join (content_dir, CONTENT_COLLECTION_FILE);
  struct stat st;
  int single = stat (meta, &st) == 0;
  free (meta);
  char *gloss = util_path_join (content_dir, CONTENT_GLOSSARY_FILE);
  h = key_file (h, gloss);
  free (gloss);
  if (single)
    return key_dir (h, content_dir);
  DIR *dh = opendir (content_dir);
  if (dh == NULL)
    return 0;
  char **names = NULL;
  size_t n = 0, alloc = 0;
  struct dirent *de;
  while ((de = readdir (dh)) != NULL)
    if (de->d_name[0] != '.')
      {
        names = xgrow (names, &alloc, n + 1, sizeof *names);
        names[n++] = xstrdup (de->d_name);
      }
  closedir (dh);
  if (n > 1)
    qsort (names, n, sizeof *names, compare_strings);
  for (size_t i = 0; i < n; i++)
    {
      char *sub = util_path_join (content_dir, names[i]);
      char *m = util_path_join (sub, CONTENT_COLLECTION_FILE);
      if (stat (m, &st) == 0)
        h = key_dir (h, sub);
      free (m);
      free (sub);
      free (names[i]);
    }
  free (names);
  return h ? h : 1;
}


struct index_key
{
  pthread_t thread;
  int threaded;
  char *dir;
  unsigned long long key;
};

static void *
key_thread (void *arg)
{
  struct index_key *k = arg;
  k->key = index_content_key (k->dir);
  return NULL;
}

struct index_key *
index_content_key_start (const char *content_dir)
{
  struct index_key *k = xcalloc (1, sizeof *k);
  k->dir = xstrdup (content_dir);
  k->threaded = pthread_create (&k->thread, NULL, key_thread, k) == 0;
  if (!k->threaded)
    key_thread (k);
  return k;
}

unsigned long long
index_content_key_finish (struct index_key *k)
{
  if (k->threaded)
    pthread_join (k->thread, NULL);
  unsigned long long key = k->key;
  free (k->dir);
  free (k);
  return key;
}

struct index *
index_open (const char *path, unsigned long long key, const char **reason)
{
  *reason = "missing";
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return NULL;
  struct stat st;
  if (fstat (fd, &st) != 0 || (size_t) st.st_size < sizeof (struct ix_header))
    {
      close (fd);
      *reason = "truncated";
      return NULL;
    }
  size_t size = (size_t) st.st_size;
  void *map = mmap (NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
  close (fd);
  if (map == MAP_FAILED)
    return NULL;
  const struct ix_header *h = map;
  *reason = "corrupt";
  if (memcmp (h->magic, INDEX_MAGIC, 8) != 0 || h->version != INDEX_VERSION
      || h->bom != INDEX_BOM || h->size != size || h->meta_off > size
      || h->ndocs > size / sizeof (struct ix_doc)
      || sizeof *h + h->ndocs * sizeof (struct ix_doc) > size)
    goto bad;
  const struct ix_doc *docs = (const struct ix_doc *) (h + 1);
  if (h->strings_off > size || h->strings_len > size - h->strings_off
      || util_hash (util_hash (0, docs, h->ndocs * sizeof *docs),
                    (const char *) map + h->strings_off, h->strings_len)
         != h->table_sum)
    goto bad;
  const char *strings = (const char *) map + h->strings_off;
  if (h->tri_buckets < TRI_BUCKETS_MIN || h->tri_buckets > TRI_BUCKETS_MAX
      || (h->tri_buckets & (h->tri_buckets - 1))
      || h->tri_row != (h->ndocs * LANG_COUNT + 7) / 8 || h->tri_off > size
      || h->tri_row > (size - h->tri_off) / h->tri_buckets
      || h->tri_sums_off > size
      || (size - h->tri_sums_off) / sizeof (uint64_t) < h->tri_buckets)
    goto bad;
  for (size_t i = 0; i < h->ndocs; i++)
    {
      const struct ix_doc *x = &docs[i];
      uint64_t nrecs = 0;
      for (int l = 0; l < LANG_COUNT; l++)
        {
          if (x->nrecs[l] > size
              || x->starts_off[l] % sizeof (uint32_t) != 0
              || x->starts_off[l] > size
              || x->nrecs[l] >= (size - x->starts_off[l]) / sizeof (uint32_t)
              || x->texts_off[l] > size || x->texts_len[l] > size - x->texts_off[l]
              || x->texts_len[l] > UINT32_MAX)
            goto bad;
          nrecs += x->nrecs[l];
        }
      if (x->path_off < h->strings_off || x->coll_off < h->strings_off
          || x->path_off - h->strings_off >= h->strings_len
          || x->coll_off - h->strings_off >= h->strings_len
          || strings[h->strings_len - 1] != '\0'
          || nrecs > size / sizeof (struct ix_orig)
          || x->flags_off > size - nrecs
          || x->origs_off % sizeof (uint32_t) != 0
          || x->origs_off > size - nrecs * sizeof (struct ix_orig)
          || x->orig_off > size)
        goto bad;
      uint64_t orig = 0;
      for (int l = 0; l < LANG_COUNT; l++)
        {
          if (x->orig_len[l] > size - x->orig_off - orig)
            goto bad;
          orig += x->orig_len[l];
        }
    }
  if (h->key != key)
    {
      *reason = "stale";
      goto bad;
    }
  struct index *ix = xcalloc (1, sizeof *ix);
  ix->map = map;
  ix->size = size;
  ix->hdr = h;
  ix->docs = docs;
  ix->checked = xcalloc (h->ndocs + 1, 1);
  *reason = NULL;
  return ix;

bad:
  munmap (map, size);
  return NULL;
}

void
index_close (struct index *ix)
{
  if (ix == NULL)
    return;
  munmap ((void *) ix->map, ix->size);
  free (ix->checked);
  free (ix);
}

size_t
index_document_count (const struct index *ix)
{
  return ix->hdr->ndocs;
}

const char *
index_document_path (const struct index *ix, size_t i)
{
  return (const char *) ix->map + ix->docs[i].path_off;
}

const char *
index_document_collection (const struct index *ix, size_t i)
{
  return (const char *) ix->map + ix->docs[i].coll_off;
}

/* Texts of one document while it is being written.  */
struct doc_build
{
  struct buf flags[LANG_COUNT]; /* REC_* per record */
  struct buf origs[LANG_COUNT]; /* struct ix_orig per record */
  struct buf starts[LANG_COUNT];    /* uint32 */
  struct buf texts[LANG_COUNT]; /* folded records, each ended by NUL */
  struct buf orig[LANG_COUNT];  /* original texts */
  unsigned char *tri;           /* the trigram table being built */
  size_t tri_row, tri_buckets;
  /* The buckets this document's trigrams fall in, per language: set
     here, where it is cheap, and copied into the table once per
     document (one scattered write per bucket rather than per trigram).  */
  uint64_t seen[LANG_COUNT][TRI_BUCKETS_MAX / 64];
  size_t doc;                   /* this document's bits in it */
  uint64_t length[LANG_COUNT];
  int too_big;                  /* a text outgrew the 32-bit offsets */
};

static void
add_record (struct doc_build *db, const struct text *t, enum lang l,
            int weight, int keywords, struct folded *folded)
{
  struct folded f = *folded;
  unsigned char flags = (unsigned char) ((weight & REC_WEIGHT)
                                         | (keywords ? REC_KEYWORDS : 0));
  const unsigned char *fp = (const unsigned char *) f.str;
  uint32_t buckets = (uint32_t) db->tri_buckets - 1;
  for (size_t i = 0; i + 2 < f.len; i++)
    {
      uint32_t b = trigram (fp + i) & buckets;
      db->seen[l][b / 64] |= (uint64_t) 1 << (b % 64);
    }
  if (db->texts[l].len + f.len + 1 > UINT32_MAX
      || db->orig[0].len + db->orig[1].len + t->len > UINT32_MAX)
    db->too_big = 1;
  uint32_t start = (uint32_t) db->texts[l].len;
  buf_add (&db->starts[l], &start, sizeof start);
  buf_add (&db->texts[l], f.str, f.len);
  buf_add (&db->texts[l], "", 1);
  /* From the language's first original for now.  */
  struct ix_orig o = { (uint32_t) db->orig[l].len, (uint32_t) t->len };
  buf_add (&db->orig[l], t->str, t->len);
  buf_add (&db->origs[l], &o, sizeof o);
  buf_add (&db->flags[l], &flags, 1);
  db->length[l] += f.len;
  norm_folded_free (&f);
}

/* Write LEN bytes at the end of F; 0 or -1 (errno says why).  */
static int
put (FILE *f, const void *data, size_t len)
{
  return len == 0 || fwrite (data, 1, len, f) == len ? 0 : -1;
}

/* The errno of the first failure of a sequence of writes.  */
static int
first_errno (int err, int *saved)
{
  if (err && *saved == 0)
    *saved = errno ? errno : EIO;
  return err;
}

/* Bytes per write.  Large writes also make the kernel keep the file in
   large pages (folios), which a search maps several times faster than
   4 KiB ones: measured, 2.4 ms against 16 ms for a 190 MB cache.  */
#define WRITE_CHUNK ((size_t) 1 << 20)

/* The number of the lowest set bit of WORD (not 0).  */
static size_t
lowest_bit (uint64_t word)
{
#ifdef __GNUC__
  return (size_t) __builtin_ctzll (word);
#else
  size_t n = 0;
  while (!(word & 1))
    {
      word >>= 1;
      n++;
    }
  return n;
#endif
}

/* The kinds of text, each written as one region: the folded texts of
   each language, then the originals.  */
enum { REGION_ORIG = LANG_COUNT, REGION_COUNT };

/* An unnamed temporary file in DIR (the cache's, so that copying from it
   stays on one file system), where a region waits until the one before it
   is complete.  Nothing is left behind, even by a killed writer.  */
static FILE *
spill_file (const char *dir)
{
  int fd = -1;
#ifdef O_TMPFILE
  fd = open (dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#endif
  if (fd < 0)
    {
      char *name = xasprintf ("%s/.casebook-spill.XXXXXX", dir);
      fd = mkstemp (name);
      if (fd >= 0)
        unlink (name);
      free (name);
    }
  FILE *f = fd >= 0 ? fdopen (fd, "w+") : NULL;
  if (f == NULL && fd >= 0)
    close (fd);
  return f;
}

/* Append the LEN bytes of FROM (flushed) to TO.  */
static int
append_file (FILE *to, FILE *from, uint64_t len)
{
  if (fflush (from) != 0 || fseek (from, 0, SEEK_SET) != 0)
    return -1;
  char *chunk = xmalloc (WRITE_CHUNK);
  int err = 0;
  while (len > 0 && err == 0)
    {
      size_t want = len < WRITE_CHUNK ? (size_t) len : WRITE_CHUNK;
      size_t got = fread (chunk, 1, want, from);
      if (got == 0)
        {
          errno = ferror (from) ? errno : EIO;
          err = -1;
          break;
        }
      err = put (to, chunk, got);
      len -= got;
    }
  free (chunk);
  return err;
}

/* Call FN with each text of D, in the order (and with the weights)
   search_document scans them.  */
typedef void text_fn (void *arg, const struct text *t, enum lang l,
                      int weight, int keywords);

static void
each_text (const struct document *d, text_fn *fn, void *arg)
{
  for (int l = 0; l < LANG_COUNT; l++)
    if (bitext_get (&d->title, l))
      fn (arg, bitext_get (&d->title, l), (enum lang) l, 3, 0);
  for (size_t s = 0; s < d->nsections; s++)
    {
      const struct section *sec = &d->sections[s];
      for (int l = 0; l < LANG_COUNT; l++)
        if (bitext_get (&sec->title, l))
          fn (arg, bitext_get (&sec->title, l), (enum lang) l, 1, 0);
      for (size_t b = 0; b < sec->nblocks; b++)
        for (int l = 0; l < LANG_COUNT; l++)
          {
            const struct block *blk = &sec->blocks[b];
            int kw = blk->kind == BLOCK_KEYWORDS;
            if (bitext_get (&blk->text, l))
              fn (arg, bitext_get (&blk->text, l), (enum lang) l,
                  kw || blk->kind == BLOCK_HEADING ? 3 : 1, kw);
          }
    }
}

/* Folding is half the work of writing the cache: a second thread folds
   the documents a few ahead of the one being written.  Only that thread
   folds while it runs (the folding code keeps state of its own).  */
#define FOLD_AHEAD 8

struct fold_ahead
{
  const struct library *lib;
  size_t ndocs;
  pthread_t thread;
  int threaded;
  pthread_mutex_t lock;
  pthread_cond_t changed;
  size_t folded, written;       /* documents done by each side */
  int stop;
  struct folded *docs[FOLD_AHEAD];      /* each document's texts, folded */
  size_t count[FOLD_AHEAD];
  size_t alloc[FOLD_AHEAD];
};

struct fold_into
{
  struct fold_ahead *fa;
  size_t slot;
};

static void
fold_text (void *arg, const struct text *t, enum lang l, int weight,
           int keywords)
{
  (void) l;
  (void) weight;
  (void) keywords;
  struct fold_into *fi = arg;
  struct fold_ahead *fa = fi->fa;
  size_t k = fi->slot;
  fa->docs[k] = xgrow (fa->docs[k], &fa->alloc[k], fa->count[k] + 1,
                       sizeof *fa->docs[k]);
  norm_fold (t->str, t->len, 0, &fa->docs[k][fa->count[k]++]);
}

/* Fold document I into its slot.  */
static void
fold_document (struct fold_ahead *fa, size_t i)
{
  struct fold_into fi = { fa, i % FOLD_AHEAD };
  fa->count[fi.slot] = 0;
  each_text (library_document (fa->lib, i), fold_text, &fi);
}

static void *
fold_ahead_run (void *arg)
{
  struct fold_ahead *fa = arg;
  for (size_t i = 0; i < fa->ndocs; i++)
    {
      pthread_mutex_lock (&fa->lock);
      while (!fa->stop && fa->folded - fa->written >= FOLD_AHEAD)
        pthread_cond_wait (&fa->changed, &fa->lock);
      int stop = fa->stop;
      pthread_mutex_unlock (&fa->lock);
      if (stop)
        break;
      fold_document (fa, i);
      pthread_mutex_lock (&fa->lock);
      fa->folded++;
      pthread_cond_broadcast (&fa->changed);
      pthread_mutex_unlock (&fa->lock);
    }
  return NULL;
}

static void
fold_ahead_start (struct fold_ahead *fa, const struct library *lib)
{
  memset (fa, 0, sizeof *fa);
  fa->lib = lib;
  fa->ndocs = library_document_count (lib);
  pthread_mutex_init (&fa->lock, NULL);
  pthread_cond_init (&fa->changed, NULL);
  fa->threaded = fa->ndocs > 1
    && pthread_create (&fa->thread, NULL, fold_ahead_run, fa) == 0;
}

/* The folded texts of document I (the next to be written), *N of them.  */
static struct folded *
fold_ahead_get (struct fold_ahead *fa, size_t i, size_t *n)
{
  if (!fa->threaded)
    fold_document (fa, i);
  else
    {
      pthread_mutex_lock (&fa->lock);
      while (fa->folded <= i)
        pthread_cond_wait (&fa->changed, &fa->lock);
      pthread_mutex_unlock (&fa->lock);
    }
  *n = fa->count[i % FOLD_AHEAD];
  return fa->docs[i % FOLD_AHEAD];
}

/* Document I is written: its slot may be refilled.  */
static void
fold_ahead_done (struct fold_ahead *fa)
{
  pthread_mutex_lock (&fa->lock);
  fa->written++;
  pthread_cond_broadcast (&fa->changed);
  pthread_mutex_unlock (&fa->lock);
}

static void
fold_ahead_finish (struct fold_ahead *fa)
{
  if (fa->threaded)
    {
      pthread_mutex_lock (&fa->lock);
      fa->stop = 1;
      pthread_cond_broadcast (&fa->changed);
      pthread_mutex_unlock (&fa->lock);
      pthread_join (fa->thread, NULL);
    }
  /* Slots folded but not written (after an error).  */
  for (size_t i = fa->written; i < fa->folded; i++)
    for (size_t k = 0; k < fa->count[i % FOLD_AHEAD]; k++)
      norm_folded_free (&fa->docs[i % FOLD_AHEAD][k]);
  for (size_t k = 0; k < FOLD_AHEAD; k++)
    free (fa->docs[k]);
  pthread_mutex_destroy (&fa->lock);
  pthread_cond_destroy (&fa->changed);
}

/* Adding one document's texts: where each one's fold is.  */
struct add_into
{
  struct doc_build *db;
  struct folded *folds;
  size_t next, count;
};

static void
add_text (void *arg, const struct text *t, enum lang l, int weight,
          int keywords)
{
  struct add_into *ai = arg;
  if (ai->next < ai->count)
    add_record (ai->db, t, l, weight, keywords, &ai->folds[ai->next++]);
}

/* Rows of the trigram table for LIB: about the bytes of text a document
   has in one language, so that its trigrams fill about half of them.  */
static size_t
tri_buckets_for (const struct library *lib)
{
  size_t ndocs = library_document_count (lib), bytes = 0;
  for (size_t i = 0; i < ndocs; i++)
    {
      const struct document *d = library_document (lib, i);
      for (size_t s = 0; s < d->nsections; s++)
        for (size_t b = 0; b < d->sections[s].nblocks; b++)
          for (int l = 0; l < LANG_COUNT; l++)
            {
              const struct text *t = bitext_get (&d->sections[s].blocks[b].text, l);
              bytes += t ? t->len : 0;
            }
    }
  size_t per = ndocs ? bytes / (ndocs * LANG_COUNT) : 0, n = TRI_BUCKETS_MIN;
  while (n < TRI_BUCKETS_MAX && n < per)
    n *= 2;
  return n;
}

int
index_write (const struct library *lib, unsigned long long key,
             const char *path)
{
  /* Stream to a temporary file, write the table and the header in front
     last, and rename: memory stays small for large corpora, and a reader
     never sees a half-written cache.  */
  char *dir = xstrdup (path);
  char *slash = strrchr (dir, '/');
  if (slash)
    *slash = '\0';
  else
    {
      free (dir);
      dir = xstrdup (".");
    }
  if (util_mkdir_p (dir) != 0)
    {
      free (dir);
      return -1;
    }
  char *tmp = xasprintf ("%s.tmp.%ld", path, (long) getpid ());
  int fd = open (tmp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  /* The first region goes straight to the file, the others wait.  */
  FILE *region[REGION_COUNT] = { fd >= 0 ? fdopen (fd, "w+") : NULL };
  int opened = region[0] != NULL;
  while (opened > 0 && opened < REGION_COUNT
         && (region[opened] = spill_file (dir)) != NULL)
    opened++;
  free (dir);
  if (opened < REGION_COUNT)
    {
      int e = errno;
      while (opened > 0)
        fclose (region[--opened]);      /* region[0] closes FD */
      if (region[0] == NULL && fd >= 0)
        close (fd);
      if (fd >= 0)
        unlink (tmp);
      free (tmp);
      errno = e;
      return -1;
    }
  FILE *f = region[0];
  char *wbuf[REGION_COUNT];
  for (int r = 0; r < REGION_COUNT; r++)
    {
      /* (glibc takes a size only with a buffer.)  */
      wbuf[r] = xmalloc (WRITE_CHUNK);
      setvbuf (region[r], wbuf[r], _IOFBF, WRITE_CHUNK);
    }
  size_t ndocs = library_document_count (lib);
  struct ix_doc *docs = xcalloc (ndocs + 1, sizeof *docs);
  /* The strings, next to the table: opening the cache reads both.  */
  struct buf strings = { 0 };
  for (size_t i = 0; i < ndocs; i++)
    {
      const struct document *d = library_document (lib, i);
      docs[i].path_off = strings.len;
      buf_add (&strings, d->path, strlen (d->path) + 1);
      docs[i].coll_off = strings.len;
      buf_add (&strings, d->collection->id, strlen (d->collection->id) + 1);
    }
  uint64_t strings_off = sizeof (struct ix_header) + ndocs * sizeof *docs;
  int err = fseek (f, (long) strings_off, SEEK_SET);
  err |= put (f, strings.data, strings.len);
  uint64_t region_off[REGION_COUNT] = { strings_off + strings.len };
  uint64_t region_len[REGION_COUNT] = { 0 };
  /* Directories and starts, which every search reads, are kept and
     written together at the end.  */
  struct buf meta = { 0 };
  struct doc_build db;
  memset (&db, 0, sizeof db);
  db.tri_row = (ndocs * LANG_COUNT + 7) / 8;
  db.tri_buckets = tri_buckets_for (lib);
  db.tri = xcalloc (db.tri_buckets * db.tri_row + 1, 1);
  struct fold_ahead fa;
  fold_ahead_start (&fa, lib);
  for (size_t i = 0; i < ndocs && err == 0; i++)
    {
      const struct document *d = library_document (lib, i);
      struct ix_doc *x = &docs[i];
      for (int l = 0; l < LANG_COUNT; l++)
        db.orig[l].len = db.flags[l].len = db.origs[l].len = db.starts[l].len = db.texts[l].len = 0;
      db.doc = i;
      memset (db.length, 0, sizeof db.length);
      struct add_into ai = { &db, NULL, 0, 0 };
      ai.folds = fold_ahead_get (&fa, i, &ai.count);
      each_text (d, add_text, &ai);
      fold_ahead_done (&fa);
      /* This document's rows of the trigram table.  */
      for (int l = 0; l < LANG_COUNT; l++)
        {
          size_t bit = i * LANG_COUNT + (size_t) l;
          unsigned char mask = (unsigned char) (1u << (bit % 8));
          for (size_t w = 0; w < db.tri_buckets / 64; w++)
            for (uint64_t word = db.seen[l][w]; word; word &= word - 1)
              {
                size_t b = w * 64 + lowest_bit (word);
                db.tri[b * db.tri_row + bit / 8] |= mask;
              }
          memset (db.seen[l], 0, sizeof db.seen[l]);
        }
      if (db.too_big)
        {
          errno = EFBIG;
          err = -1;
          break;
        }
      x->number = d->number;
      /* Offsets within each region, and within the meta, for now; made
         absolute below.  */
      static const char zeros[8];
      x->flags_off = meta.len;
      for (int l = 0; l < LANG_COUNT; l++)
        buf_add (&meta, db.flags[l].data ? db.flags[l].data : "", db.flags[l].len);
      buf_add (&meta, zeros, (4 - meta.len % 4) % 4);
      for (int l = 0; l < LANG_COUNT; l++)
        {
          x->nrecs[l] = db.flags[l].len;
          uint32_t end = (uint32_t) db.texts[l].len;
          buf_add (&db.starts[l], &end, sizeof end);
          x->starts_off[l] = meta.len;
          buf_add (&meta, db.starts[l].data, db.starts[l].len);
          x->texts_off[l] = region_len[l];
          x->texts_len[l] = db.texts[l].len;
          x->texts_sum[l] = search_text_sum (db.texts[l].data ? db.texts[l].data : "",
                                             db.texts[l].len);
          err |= put (region[l], db.texts[l].data, db.texts[l].len);
          region_len[l] += db.texts[l].len;
        }
      x->meta_sum = util_hash (0, meta.data + x->flags_off, meta.len - x->flags_off);
      /* The originals' directory apart: only regexes read it.  */
      /* The originals in the order of the records, so that a place in
         them leads to its record as in the folded texts.  */
      x->origs_off = meta.len;
      x->orig_off = region_len[REGION_ORIG];
      uint64_t before = 0;
      for (int l = 0; l < LANG_COUNT; l++)
        {
          struct ix_orig *o = (struct ix_orig *) db.origs[l].data;
          for (size_t k = 0; k < db.origs[l].len / sizeof *o; k++)
            o[k].off += (uint32_t) before;
          buf_add (&meta, db.origs[l].data ? db.origs[l].data : "", db.origs[l].len);
          const char *text = db.orig[l].data ? db.orig[l].data : "";
          x->orig_len[l] = db.orig[l].len;
          x->orig_sum[l] = search_text_sum (text, db.orig[l].len);
          /* (Plain stores: setting bits in place would make each
             byte wait for the last.)  */
          unsigned char present[256] = { 0 };
          for (size_t k = 0; k < db.orig[l].len; k++)
            present[(unsigned char) text[k]] = 1;
          for (int c = 0; c < 256; c++)
            x->orig_bytes[l][c / 8] |= (unsigned char) (present[c] << (c % 8));
          err |= put (region[REGION_ORIG], text, db.orig[l].len);
          before += db.orig[l].len;
        }
      x->origs_sum = util_hash (0, meta.data + x->origs_off, meta.len - x->origs_off);
      region_len[REGION_ORIG] += before;
      memcpy (x->length, db.length, sizeof x->length);
      buf_add (&meta, zeros, (8 - meta.len % 8) % 8);
    }
  fold_ahead_finish (&fa);
  for (int l = 0; l < LANG_COUNT; l++)
    {
      buf_free (&db.orig[l]);
      buf_free (&db.flags[l]);
      buf_free (&db.origs[l]);
      buf_free (&db.starts[l]);
      buf_free (&db.texts[l]);
    }
  for (int r = 1; r < REGION_COUNT; r++)
    {
      region_off[r] = region_off[r - 1] + region_len[r - 1];
      if (err == 0)
        err = append_file (f, region[r], region_len[r]);
      fclose (region[r]);
      free (wbuf[r]);
    }
  uint64_t off = region_off[REGION_COUNT - 1] + region_len[REGION_COUNT - 1];
  static const char zeros[8];
  size_t pad = (size_t) ((8 - off % 8) % 8);
  err |= put (f, zeros, pad);
  off += pad;
  uint64_t meta_off = off;
  for (size_t i = 0; i < ndocs; i++)
    {
      docs[i].path_off += strings_off;
      docs[i].coll_off += strings_off;
      docs[i].flags_off += meta_off;
      docs[i].origs_off += meta_off;
      for (int l = 0; l < LANG_COUNT; l++)
        {
          docs[i].starts_off[l] += meta_off;
          docs[i].texts_off[l] += region_off[l];
        }
      docs[i].orig_off += region_off[REGION_ORIG];
    }
  err |= put (f, meta.data, meta.len);
  off += meta.len;
  buf_free (&meta);
  /* The trigram table and its row checksums (8-byte aligned: the meta's
     size is a multiple of 8).  */
  uint64_t tri_off = off;
  err |= put (f, db.tri, db.tri_buckets * db.tri_row);
  off += db.tri_buckets * db.tri_row;
  err |= put (f, zeros, (size_t) ((8 - off % 8) % 8));
  off += (8 - off % 8) % 8;
  uint64_t tri_sums_off = off;
  for (size_t b = 0; b < db.tri_buckets && err == 0; b++)
    {
      uint64_t sum = util_hash (b, db.tri + b * db.tri_row, db.tri_row);
      err |= put (f, &sum, sizeof sum);
    }
  off += db.tri_buckets * sizeof (uint64_t);
  free (db.tri);
  struct ix_header h = { .version = INDEX_VERSION, .bom = INDEX_BOM,
                         .key = key, .ndocs = ndocs, .size = off,
                         .strings_off = strings_off,
                         .strings_len = strings.len,
                         .meta_off = meta_off,
                         .tri_buckets = db.tri_buckets, .tri_off = tri_off,
                         .tri_row = db.tri_row,
                         .tri_sums_off = tri_sums_off };
  memcpy (h.magic, INDEX_MAGIC, 8);
  h.table_sum = util_hash (util_hash (0, docs, ndocs * sizeof *docs),
                           strings.data ? strings.data : "", strings.len);
  buf_free (&strings);
  if (err == 0 && fseek (f, 0, SEEK_SET) == 0)
    err = put (f, &h, sizeof h) | put (f, docs, ndocs * sizeof *docs);
  else
    err = -1;
  free (docs);
  int e = 0;
  first_errno (err, &e);
  if (first_errno (fflush (f) != 0 || fsync (fileno (f)) != 0, &e))
    err = -1;
  if (first_errno (fclose (f) != 0, &e))
    err = -1;
  free (wbuf[0]);
  if (err == 0 && rename (tmp, path) != 0)
    {
      e = errno;
      err = -1;
    }
  if (err != 0)
    unlink (tmp);
  else
    util_remove_stale_temps (path);
  free (tmp);
  errno = e;
  return err ? -1 : 0;
}

/* Is [OFF, OFF + LEN) inside SIZE bytes?  */
static int
in_file (uint64_t off, uint64_t len, size_t size)
{
  return off <= size && len <= size - off;
}

void
index_reseal (void *image, size_t size)
{
  unsigned char *map = image;
  struct ix_header *h = image;
  if (size < sizeof *h || h->ndocs > (size - sizeof *h) / sizeof (struct ix_doc))
    return;
  struct ix_doc *docs = (struct ix_doc *) (h + 1);
  for (size_t i = 0; i < h->ndocs; i++)
    {
      struct ix_doc *x = &docs[i];
      uint64_t end = x->starts_off[LANG_COUNT - 1]
        + (x->nrecs[LANG_COUNT - 1] + 1) * sizeof (uint32_t);
      if (end >= x->flags_off && in_file (x->flags_off, end - x->flags_off, size))
        x->meta_sum = util_hash (0, map + x->flags_off, end - x->flags_off);
      uint64_t nrecs = 0, orig = 0;
      for (int l = 0; l < LANG_COUNT; l++)
        {
          nrecs += x->nrecs[l];
          if (in_file (x->texts_off[l], x->texts_len[l], size))
            x->texts_sum[l] = search_text_sum ((char *) map + x->texts_off[l],
                                               x->texts_len[l]);
          if (in_file (x->orig_off + orig, x->orig_len[l], size))
            x->orig_sum[l] = search_text_sum ((char *) map + x->orig_off + orig,
                                              x->orig_len[l]);
          orig += x->orig_len[l];
        }
      if (nrecs < size / sizeof (struct ix_orig)
          && in_file (x->origs_off, nrecs * sizeof (struct ix_orig), size))
        x->origs_sum = util_hash (0, map + x->origs_off, nrecs * sizeof (struct ix_orig));
    }
  if (in_file (h->strings_off, h->strings_len, size))
    h->table_sum = util_hash (util_hash (0, docs, h->ndocs * sizeof *docs),
                              map + h->strings_off, h->strings_len);
  for (uint64_t b = 0; h->tri_buckets <= TRI_BUCKETS_MAX && b < h->tri_buckets; b++)
    if (in_file (h->tri_off + b * h->tri_row, h->tri_row, size)
        && in_file (h->tri_sums_off + b * sizeof (uint64_t), sizeof (uint64_t), size))
      {
        uint64_t sum = util_hash (b, map + h->tri_off + b * h->tri_row, h->tri_row);
        memcpy (map + h->tri_sums_off + b * sizeof sum, &sum, sizeof sum);
      }
}

int
index_supports (const struct query *q)
{
  size_t regex = 0;
  for (size_t i = 0; i < q->nterms; i++)
    regex += q->terms[i].kind == TERM_REGEX;
  /* Regexes are matched in original text and words in folded text; hits
     of the two can only be merged with a fold map, which the cache does
     not keep.  So: all words, or all regexes.  */
  return regex == 0 || (regex == q->nterms && q->ntags == 0);
}

struct rec_hit
{
  size_t rec;
  size_t start, end;
};

static int
compare_rec_hits (const void *a, const void *b)
{
  const struct rec_hit *x = a, *y = b;
  if (x->rec != y->rec)
    return x->rec < y->rec ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? 1 : x->end > y->end ? -1 : 0;
}

/* One document being searched.  */
struct doc_scan
{
  const struct index *ix;
  size_t doc;
  const struct ix_doc *x;
  const unsigned char *flags;   /* REC_* per record: zh records, then en */
  const struct ix_orig *origs;
  size_t base[LANG_COUNT];      /* the number of each language's first */
  size_t nrecs;
  const uint32_t *starts[LANG_COUNT];
  const char *texts[LANG_COUNT];
  const char *orig;
  struct search_scratch *scratch;
  struct rec_hit *hits;
  size_t nhits, alloc;
  size_t *pos;                  /* where one alternative stands */
  size_t npos, pos_alloc;
  struct search_span *spans;    /* a regex's matches in one record */
  size_t spans_alloc;
  int corrupt;
};

/* Check the document's directory and starts (once per index).  */
static int
meta_intact (struct doc_scan *ds)
{
  const struct index *ix = ds->ix;
  const struct ix_doc *x = ds->x;
  if (!(ix->checked[ds->doc] & CHECKED_META))
    {
      /* The flags and the starts lie together, as written.  */
      uint64_t start = x->flags_off;
      uint64_t end = x->starts_off[LANG_COUNT - 1]
        + (x->nrecs[LANG_COUNT - 1] + 1) * sizeof (uint32_t);
      if (end < start || end > ix->size
          || util_hash (0, ix->map + start, end - start) != x->meta_sum)
        return 0;
      for (int l = 0; l < LANG_COUNT; l++)
        {
          const uint32_t *st = (const uint32_t *) (ix->map + x->starts_off[l]);
          /* Each record is at least its NUL; the last start is the end.  */
          if (st[0] != 0 || st[x->nrecs[l]] != x->texts_len[l])
            return 0;
          for (uint64_t k = 0; k < x->nrecs[l]; k++)
            if (st[k + 1] <= st[k])
              return 0;
        }
      for (size_t r = 0; r < ds->nrecs; r++)
        if ((ds->flags[r] & REC_WEIGHT) == 0 || ds->flags[r] > (REC_WEIGHT | REC_KEYWORDS))
          return 0;
      ix->checked[ds->doc] |= CHECKED_META;
    }
  return 1;
}

/* Is SUM the checksum of the texts that CHECKED_* BIT stands for?  Once
   checked, they are not checked again.  */
static int
sum_matches (struct doc_scan *ds, unsigned char bit, uint64_t sum,
             uint64_t expected)
{
  if (ds->ix->checked[ds->doc] & bit)
    return 1;
  if (sum != expected)
    {
      ds->corrupt = 1;
      return 0;
    }
  ds->ix->checked[ds->doc] |= bit;
  return 1;
}

/* Check the folded texts of language L.  */
static int
texts_intact (struct doc_scan *ds, int l)
{
  unsigned char bit = (unsigned char) (CHECKED_TEXT << l);
  if (ds->ix->checked[ds->doc] & bit)
    return 1;
  return sum_matches (ds, bit, search_text_sum (ds->texts[l], ds->x->texts_len[l]),
                      ds->x->texts_sum[l]);
}

/* Where the originals of language L start, in DS->orig.  */
static size_t
orig_part (const struct doc_scan *ds, int l)
{
  size_t off = 0;
  for (int k = 0; k < l; k++)
    off += ds->x->orig_len[k];
  return off;
}

/* Do the originals of language L hold every byte of S?  */
static int
orig_has_bytes (const struct doc_scan *ds, int l, const char *s)
{
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    if (!(ds->x->orig_bytes[l][*p / 8] & (1u << (*p % 8))))
      return 0;
  return 1;
}

/* Check where the originals are: one after another, in record order.  */
static int
origs_intact (struct doc_scan *ds)
{
  if (ds->ix->checked[ds->doc] & CHECKED_ORIGS)
    return 1;
  const struct ix_orig *o = ds->origs;
  int ok = util_hash (0, o, ds->nrecs * sizeof *o) == ds->x->origs_sum;
  uint64_t end = 0;
  for (size_t r = 0; ok && r < ds->nrecs; r++)
    {
      ok = o[r].off == end;
      end += o[r].len;
    }
  if (!ok || end != orig_part (ds, LANG_COUNT))
    {
      ds->corrupt = 1;
      return 0;
    }
  ds->ix->checked[ds->doc] |= CHECKED_ORIGS;
  return 1;
}

static void
add_hit (struct doc_scan *ds, size_t rec, size_t start, size_t end)
{
  ds->hits = xgrow (ds->hits, &ds->alloc, ds->nhits + 1, sizeof *ds->hits);
  ds->hits[ds->nhits++] = (struct rec_hit) { rec, start, end };
}

/* Count word alternative ALT of TERM (TRIS: its alternatives' trigrams)
   in the folded texts of language L, and with it the alternatives that
   begin with it.  */
static void
count_alt (struct doc_scan *ds, int l, const struct term *term,
           size_t alt, const struct trigrams *tris, size_t *tf)
{
  const struct trigrams *tri = &tris[alt];
  const char *s = ds->texts[l], *e = s + ds->x->texts_len[l];
  const uint32_t *starts = ds->starts[l];
  size_t nrecs = ds->x->nrecs[l], k = 0;
  /* The scan checks the text as it reads it.  */
  ds->npos = 0;
  uint64_t sum = search_finder_scan (&tri->finder, s, ds->x->texts_len[l],
                                     &ds->pos, &ds->npos, &ds->pos_alloc);
  if (!sum_matches (ds, (unsigned char) (CHECKED_TEXT << l), sum,
                    ds->x->texts_sum[l]))
    return;
  for (size_t i = 0; i < ds->npos; i++)
    {
      size_t at = ds->pos[i];
      const char *m = s + at;
      /* Hits come in order: the record moves forward only.  */
      while (k + 1 < nrecs && starts[k + 1] <= at)
        k++;
      const char *rs = s + starts[k];
      if (tri->boundary && !search_at_word_start (rs, (size_t) (m - rs)))
        continue;
      unsigned weight = ds->flags[ds->base[l] + k] & REC_WEIGHT;
      *tf += weight;
      if (!term->negated)
        add_hit (ds, ds->base[l] + k, (size_t) (m - rs), (size_t) (m - rs) + tri->len);
      /* An alternative that begins with this one ("circuit inspections"
         after "circuit inspection") can only be here: test it in place
         rather than search the text again.  */
      for (size_t c = 0; c < term->nalts; c++)
        if (tris[c].within == alt && tris[c].len <= (size_t) (e - m)
            && memcmp (m, term->alts[c], tris[c].len) == 0)
          {
            *tf += weight;
            if (!term->negated)
              add_hit (ds, ds->base[l] + k, (size_t) (m - rs),
                       (size_t) (m - rs) + tris[c].len);
          }
    }
}

/* The language of record R.  */
static int
record_lang (const struct doc_scan *ds, size_t r)
{
  int l = 0;
  while (l + 1 < LANG_COUNT && r >= ds->base[l + 1])
    l++;
  return l;
}

/* The folded text of record R.  */
static const char *
record_text (const struct doc_scan *ds, size_t r, size_t *len)
{
  int l = record_lang (ds, r);
  size_t k = r - ds->base[l];
  *len = ds->starts[l][k + 1] - 1 - ds->starts[l][k];
  return ds->texts[l] + ds->starts[l][k];
}

/* The state of one search, shared by the threads that scan parts of the
   document table (each writes only its own documents' entries).  */
struct search_job
{
  const struct index *ix;
  const struct query *q;
  struct trigrams **alt_tri;    /* per term, per alternative */
  unsigned char ***alt_docs;    /* per term, per alternative: (document,
                                   language) pairs that may hold it */
  unsigned char **tag_docs;     /* per tag: pairs that may have it */
  size_t **tfs;
  size_t *lengths;
  size_t *hits;
  char *matched;
  atomic_size_t next;           /* the next document not taken */
  size_t ndocs;
  atomic_int stop;              /* corrupt, or a regex failed */
};

/* Documents are taken a few at a time, so that both threads finish
   together however the work falls.  */
#define SCAN_CHUNK 16

static int
has_bit (const unsigned char *bits, size_t i)
{
  return (bits[i / 8] >> (i % 8)) & 1;
}

/* Count every term of Q in the document; fills TF, returns the merged
   hits (as search_document counts them), or sets DS->corrupt.  */
static size_t
count_doc (struct doc_scan *ds, const struct search_job *job, size_t *tf,
           char **error)
{
  const struct query *q = job->q;
  for (size_t t = 0; t < q->nterms && !ds->corrupt; t++)
    {
      const struct term *term = &q->terms[t];
      if (term->kind == TERM_REGEX)
        {
          if (!origs_intact (ds))
            break;
          for (int l = 0; l < LANG_COUNT && !ds->corrupt; l++)
            {
              if (q->lang_only >= 0 && l != q->lang_only)
                continue;
              /* With a literal, only the records that hold it can match:
                 find them in one pass, which checks the texts too.  The
                 loader validated the originals' UTF-8 and the checksum
                 says they are unchanged; PCRE2 runs without checking it
                 again (which would cost more than the search), and
                 regexes are compiled to be safe on invalid UTF-8 all the
                 same (see query.c), as a checksum is no proof.  */
              size_t part = orig_part (ds, l), plen = ds->x->orig_len[l];
              unsigned char bit = (unsigned char) (CHECKED_ORIG << l);
              ds->npos = 0;
              if (term->literal && !orig_has_bytes (ds, l, term->literal))
                continue;       /* (an English text without Chinese) */
              if (!sum_matches (ds, bit,
                                term->literal
                                ? search_finder_scan (&job->alt_tri[t][0].finder,
                                                      ds->orig + part, plen, &ds->pos,
                                                      &ds->npos, &ds->pos_alloc)
                                : search_text_sum (ds->orig + part, plen),
                                ds->x->orig_sum[l]))
                break;
              size_t next = 0;  /* the next literal not yet passed */
              for (size_t r = ds->base[l]; r < ds->base[l] + ds->x->nrecs[l]; r++)
                {
                  size_t first = next;
                  if (term->literal)
                    {
                      size_t end = ds->origs[r].off + ds->origs[r].len - part;
                      while (next < ds->npos && ds->pos[next] < end)
                        next++;
                      if (first == next)
                        continue;
                    }
                  size_t nspans = 0;
                  long found = search_regex_spans (term, ds->orig + ds->origs[r].off,
                                                   ds->origs[r].len,
                                                   term->literal ? ds->pos + first : NULL,
                                                   next - first,
                                                   ds->origs[r].off - part, &ds->spans,
                                                   &nspans, &ds->spans_alloc, error,
                                                   ds->scratch);
                  if (found < 0)
                    return (size_t) -1;
                  tf[t] += (size_t) found * (ds->flags[r] & REC_WEIGHT);
                  for (size_t k = 0; k < nspans && !term->negated; k++)
                    add_hit (ds, r, ds->spans[k].start, ds->spans[k].end);
                }
            }
          continue;
        }
      for (int l = 0; l < LANG_COUNT && !ds->corrupt; l++)
        {
          if (q->lang_only >= 0 && l != q->lang_only)
            continue;
          size_t pair = ds->doc * LANG_COUNT + (size_t) l;
          for (size_t a = 0; a < term->nalts && !ds->corrupt; a++)
            if (job->alt_tri[t][a].within == (size_t) -1
                && has_bit (job->alt_docs[t][a], pair))
              count_alt (ds, l, term, a, job->alt_tri[t], &tf[t]);
        }
    }
  /* tag: filters show as hits on the keyword lists.  */
  for (size_t r = 0; q->ntags && !ds->corrupt
         && r < ds->nrecs; r++)
    {
      int l = record_lang (ds, r);
      if (!(ds->flags[r] & REC_KEYWORDS)
          || (q->lang_only >= 0 && l != q->lang_only) || !texts_intact (ds, l))
        continue;
      size_t len;
      const char *s = record_text (ds, r, &len), *e = s + len;
      for (size_t t = 0; t < q->ntags; t++)
        {
          size_t tlen = strlen (q->tags[t]);
          int boundary = search_needs_boundary (q->tags[t]);
          for (const char *p = s; p < e;)
            {
              const char *m = memmem (p, (size_t) (e - p), q->tags[t], tlen);
              if (m == NULL)
                break;
              p = m + 1;
              if (!boundary || search_at_word_start (s, (size_t) (m - s)))
                add_hit (ds, r, (size_t) (m - s), (size_t) (m - s) + tlen);
            }
        }
    }
  /* One term's hits come in order already; merging needs them ordered
     by record and start (of two at one start, either may come first).  */
  size_t sorted = 1;
  while (sorted < ds->nhits
         && (ds->hits[sorted - 1].rec < ds->hits[sorted].rec
             || (ds->hits[sorted - 1].rec == ds->hits[sorted].rec
                 && ds->hits[sorted - 1].start <= ds->hits[sorted].start)))
    sorted++;
  if (sorted < ds->nhits)
    qsort (ds->hits, ds->nhits, sizeof *ds->hits, compare_rec_hits);
  size_t merged = 0;
  for (size_t i = 0; i < ds->nhits; i++)
    if (i == 0 || ds->hits[i].rec != ds->hits[i - 1].rec
        || ds->hits[i].start >= ds->hits[i - 1].end)
      merged++;
    else if (ds->hits[i].end < ds->hits[i - 1].end)
      ds->hits[i].end = ds->hits[i - 1].end;   /* carry the merged end */
  return merged;
}

/* Are all tag: filters keywords of the document?  */
static int
has_tags (struct doc_scan *ds, const struct query *q)
{
  char *seen = xcalloc (q->ntags + 1, 1);
  size_t found = 0;
  for (size_t r = 0; r < ds->nrecs && found < q->ntags; r++)
    {
      if (!(ds->flags[r] & REC_KEYWORDS) || !texts_intact (ds, record_lang (ds, r)))
        continue;
      /* Keyword items are separated by '|' (folded "a | b").  */
      size_t len;
      const char *s = record_text (ds, r, &len), *end = s + len;
      while (s < end)
        {
          const char *bar = memchr (s, '|', (size_t) (end - s));
          const char *ie = bar ? bar : end, *is = s;
          while (is < ie && *is == ' ')
            is++;
          while (ie > is && ie[-1] == ' ')
            ie--;
          for (size_t t = 0; t < q->ntags; t++)
            if (!seen[t] && strlen (q->tags[t]) == (size_t) (ie - is)
                && memcmp (q->tags[t], is, (size_t) (ie - is)) == 0)
              {
                seen[t] = 1;
                found++;
              }
          s = bar ? bar + 1 : end;
        }
    }
  free (seen);
  return found == q->ntags;
}

static int
needs_originals (const struct query *q)
{
  for (size_t i = 0; i < q->nterms; i++)
    if (q->terms[i].kind == TERM_REGEX)
      return 1;
  return 0;
}

static int
compare_matches (const void *a, const void *b)
{
  const struct index_match *x = a, *y = b;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return (x->number > y->number) - (x->number < y->number);
}

/* Every (document, language) pair, as a bitmap of the trigram table's
   row size.  */
static unsigned char *
all_pairs (const struct index *ix)
{
  size_t row = ix->hdr->tri_row;
  unsigned char *m = xmalloc (row + 1);
  memset (m, 0xff, row + 1);
  return m;
}

/* The pairs that may hold the string whose trigrams are T: the AND of
   their rows (each checked against its checksum first; a bad one sets
   *BAD).  Caller frees.  */
static unsigned char *
pairs_with (const struct index *ix, const struct trigrams *t, int *bad)
{
  size_t row = ix->hdr->tri_row;
  unsigned char *m = all_pairs (ix);
  const unsigned char *table = ix->map + ix->hdr->tri_off;
  for (size_t i = 0; i < t->count; i++)
    {
      size_t b = t->hash[i] & (ix->hdr->tri_buckets - 1);
      const unsigned char *r = table + b * row;
      uint64_t sum;
      memcpy (&sum, ix->map + ix->hdr->tri_sums_off + b * sizeof sum, sizeof sum);
      if (util_hash (b, r, row) != sum)
        {
          *bad = 1;
          break;
        }
      for (size_t k = 0; k < row; k++)
        m[k] &= r[k];
    }
  return m;
}

struct search_part
{
  struct search_job *job;
  int corrupt;
  char *error;
};

/* Search document I.  */
static void
scan_doc (struct search_part *part, size_t i, struct search_scratch *scratch)
{
  struct search_job *job = part->job;
  const struct index *ix = job->ix;
  const struct query *q = job->q;
  const struct ix_doc *x = &ix->docs[i];
  /* The trigram table rules a document out cheaply; whatever it
     lets through is counted exactly.  */
  int any = q->nterms == 0, tags_possible = 1;
  for (size_t t = 0; t < q->ntags; t++)
    {
      int may = 0;
      for (int l = 0; l < LANG_COUNT; l++)
        may |= has_bit (job->tag_docs[t], i * LANG_COUNT + (size_t) l);
      tags_possible &= may;
    }
  for (size_t t = 0; t < q->nterms && !any; t++)
    for (size_t a = 0; a < (q->terms[t].kind == TERM_WORDS ? q->terms[t].nalts : 1); a++)
      for (int l = 0; l < LANG_COUNT; l++)
        if (q->lang_only < 0 || q->lang_only == l)
          any |= has_bit (job->alt_docs[t][a], i * LANG_COUNT + (size_t) l);
  if (!tags_possible)
    return;                     /* like search_document: no length either */
  if (!any && q->ntags == 0)
    {
      /* Nothing to count here; the length still counts in the
         average, as in search_document.  */
      for (int l = 0; l < LANG_COUNT; l++)
        if (q->lang_only < 0 || q->lang_only == l)
          job->lengths[i] += x->length[l];
      return;
    }
  struct doc_scan ds = {
    .ix = ix, .doc = i, .x = x,
    .flags = ix->map + x->flags_off,
    .origs = (const struct ix_orig *) (ix->map + x->origs_off),
    .orig = (const char *) ix->map + x->orig_off,
    .scratch = scratch,
  };
  for (int l = 0; l < LANG_COUNT; l++)
    {
      ds.base[l] = ds.nrecs;
      ds.nrecs += x->nrecs[l];
      ds.starts[l] = (const uint32_t *) (ix->map + x->starts_off[l]);
      ds.texts[l] = (const char *) ix->map + x->texts_off[l];
    }
  if (!meta_intact (&ds))
    {
      part->corrupt = 1;
      return;
    }
  size_t *tf = xcalloc (q->nterms + 1, sizeof *tf);
  int tags_ok = q->ntags == 0 || has_tags (&ds, q);
  if (tags_ok && !ds.corrupt)
    {
      for (int l = 0; l < LANG_COUNT; l++)
        if (q->lang_only < 0 || q->lang_only == l)
          job->lengths[i] += x->length[l];
      size_t nhits = any ? count_doc (&ds, job, tf, &part->error) : 0;
      int ok = any && nhits != (size_t) -1;
      for (size_t t = 0; ok && t < q->nterms; t++)
        if (q->terms[t].negated ? tf[t] > 0 : tf[t] == 0)
          ok = 0;
      if (ok)
        {
          job->matched[i] = 1;
          job->hits[i] = nhits;
        }
    }
  if (ds.corrupt)
    part->corrupt = 1;
  job->tfs[i] = tf;
  free (ds.hits);
  free (ds.pos);
  free (ds.spans);
}

static void *
scan_part (void *arg)
{
  struct search_part *part = arg;
  struct search_job *job = part->job;
  struct search_scratch *scratch = needs_originals (job->q) ? search_scratch_new () : NULL;
  size_t from;
  while (!atomic_load (&job->stop)
         && (from = atomic_fetch_add (&job->next, SCAN_CHUNK)) < job->ndocs)
    {
      size_t to = from + SCAN_CHUNK < job->ndocs ? from + SCAN_CHUNK : job->ndocs;
      for (size_t i = from; i < to && !part->corrupt && !part->error; i++)
        scan_doc (part, i, scratch);
      if (part->corrupt || part->error)
        atomic_store (&job->stop, 1);
    }
  search_scratch_free (scratch);
  return NULL;
}

size_t
index_search (const struct index *ix, const struct query *q,
              struct index_match **matches, char **error)
{
  size_t ndocs = ix->hdr->ndocs;
  struct search_job job = {
    .ix = ix, .q = q,
    .tfs = xcalloc (ndocs + 1, sizeof *job.tfs),
    .lengths = xcalloc (ndocs + 1, sizeof *job.lengths),
    .hits = xcalloc (ndocs + 1, sizeof *job.hits),
    .matched = xcalloc (ndocs + 1, 1),
    .alt_tri = xcalloc (q->nterms + 1, sizeof *job.alt_tri),
    .alt_docs = xcalloc (q->nterms + 1, sizeof *job.alt_docs),
    .tag_docs = xcalloc (q->ntags + 1, sizeof *job.tag_docs),
  };
  int bad_row = 0;
  for (size_t t = 0; t < q->nterms; t++)
    {
      const struct term *term = &q->terms[t];
      /* A regex is one "alternative" that may be anywhere.  */
      size_t nalts = term->kind == TERM_WORDS ? term->nalts : 1;
      job.alt_tri[t] = xcalloc (nalts + 1, sizeof **job.alt_tri);
      job.alt_docs[t] = xcalloc (nalts + 1, sizeof **job.alt_docs);
      if (term->kind != TERM_WORDS)
        {
          job.alt_docs[t][0] = all_pairs (ix);
          if (term->literal)
            trigrams_of (term->literal, &job.alt_tri[t][0]);
          continue;
        }
      for (size_t a = 0; a < nalts; a++)
        trigrams_of (term->alts[a], &job.alt_tri[t][a]);
      /* Each alternative that begins with another is found with the
         shortest such (which begins with none).  */
      for (size_t a = 0; a < nalts; a++)
        for (size_t b = 0; b < nalts; b++)
          {
            struct trigrams *ta = &job.alt_tri[t][a], *tb = &job.alt_tri[t][b];
            if (b != a && tb->len < ta->len
                && memcmp (term->alts[a], term->alts[b], tb->len) == 0
                && (ta->within == (size_t) -1
                    || tb->len < job.alt_tri[t][ta->within].len))
              ta->within = b;
          }
      for (size_t a = 0; a < nalts; a++)
        job.alt_docs[t][a] = job.alt_tri[t][a].within == (size_t) -1
          ? pairs_with (ix, &job.alt_tri[t][a], &bad_row)
          : xcalloc (ix->hdr->tri_row + 1, 1);  /* found with its start */
    }
  for (size_t t = 0; t < q->ntags; t++)
    {
      struct trigrams tri;
      trigrams_of (q->tags[t], &tri);
      job.tag_docs[t] = pairs_with (ix, &tri, &bad_row);
      free (tri.hash);
    }
  /* Two threads on large corpora (this is a 2-core target); a failed
     thread start just means the work is done here.  */
  struct search_part parts[2] = { { &job, 0, NULL }, { &job, 0, NULL } };
  job.ndocs = bad_row ? 0 : ndocs;      /* corrupt: no search */
  atomic_init (&job.next, 0);
  atomic_init (&job.stop, 0);
  pthread_t th;
  int threaded = !bad_row && ndocs >= 64
    && pthread_create (&th, NULL, scan_part, &parts[1]) == 0;
  scan_part (&parts[0]);
  if (threaded)
    pthread_join (th, NULL);
  int corrupt = parts[0].corrupt || parts[1].corrupt || bad_row;
  *error = parts[0].error ? parts[0].error : parts[1].error;
  if (parts[0].error && parts[1].error)
    free (parts[1].error);

  size_t *df = xcalloc (q->nterms + 1, sizeof *df);
  double total = 0;
  for (size_t i = 0; i < ndocs; i++)
    {
      total += (double) job.lengths[i];
      for (size_t t = 0; job.tfs[i] && t < q->nterms; t++)
        df[t] += job.tfs[i][t] > 0;
    }
  size_t n = 0;
  struct index_match *m = NULL;
  if (!corrupt && *error == NULL)
    {
      double avg = ndocs ? total / (double) ndocs : 1;
      m = xcalloc (ndocs + 1, sizeof *m);
      for (size_t i = 0; i < ndocs; i++)
        if (job.matched[i])
          {
            m[n].doc = i;
            m[n].number = ix->docs[i].number;
            m[n].hits = job.hits[i];
            m[n].score = search_score (q, job.tfs[i], job.lengths[i], df,
                                       ndocs, avg);
            n++;
          }
      if (n > 1)
        qsort (m, n, sizeof *m, compare_matches);
    }
  for (size_t i = 0; i < ndocs; i++)
    free (job.tfs[i]);
  free (job.tfs);
  free (df);
  free (job.lengths);
  free (job.hits);
  free (job.matched);
  for (size_t t = 0; t < q->nterms; t++)
    {
      size_t nalts = q->terms[t].kind == TERM_WORDS ? q->terms[t].nalts : 1;
      for (size_t a = 0; a < nalts; a++)
        {
          free (job.alt_tri[t][a].hash);
          free (job.alt_docs[t][a]);
        }
      free (job.alt_tri[t]);
      free (job.alt_docs[t]);
    }
  free (job.alt_tri);
  free (job.alt_docs);
  for (size_t t = 0; t < q->ntags; t++)
    free (job.tag_docs[t]);
  free (job.tag_docs);
  *matches = m;
  if (corrupt)
    {
      free (*error);            /* a corrupt cache is rebuilt; no error */
      *error = NULL;
      return (size_t) -1;
    }
  return *error ? (size_t) -2 : n;
}
