/* index.c -- the search cache (see index.h).

   File layout, native byte order (the header says which):
     header      magic, version, byte-order mark, key, size, checksum of
                 the document table
     doc table   per document: number, path, collection, where its record
                 directory and filters are, its folded length per
                 language, a checksum of directory and filters
     per document: path, collection id, the record directory (one entry
                 per text: where its folded bytes are here and its original
                 bytes in the content file, its language, weight and a
                 checksum of both), a Bloom filter of byte trigrams per
                 record and one for the document, then the folded texts
   Regexes match the original text: a search with one reads it from the
   content files (the key says they have not changed; the checksums make
   sure).
   A search tests the filters first and reads only the texts that may hold
   a term, so it touches a small part of the file.  The table is checked on
   open, a document's directory and filters before they are used, and each
   text before it is searched: a corrupt cache is noticed and rebuilt,
   never believed.  */

#include <config.h>
#include "index.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

#include "content.h"
#include "norm.h"
#include "search.h"

#define INDEX_MAGIC "CBINDEX1"
#define INDEX_VERSION 6
#define INDEX_BOM 0x01020304u
/* Buckets of the trigram table: for each bucket, the documents that
   hold a trigram hashed to it, one bit each.  */
#define TRI_BUCKETS 16384

struct ix_header
{
  char magic[8];
  uint32_t version;
  uint32_t bom;
  uint64_t key;
  uint64_t size;
  uint64_t ndocs;
  uint64_t meta_off;            /* directories and filters, after the texts */
  uint64_t tri_off;             /* the trigram table, TRI_BUCKETS rows */
  uint64_t tri_row;             /* bytes per row: (ndocs + 7) / 8 */
  uint64_t tri_sums_off;        /* a checksum per row */
  uint64_t table_sum;
};

struct ix_doc
{
  int64_t number;
  uint64_t path_off;
  uint64_t coll_off;
  uint64_t dir_off;             /* record directory */
  uint64_t nrecs;
  uint64_t filters_off;         /* record filters, then the document's */
  uint64_t filters_len;
  uint64_t texts_off;           /* folded and original texts */
  uint64_t texts_len;
  uint64_t length[LANG_COUNT];
  uint64_t sum;                 /* of directory and record filters */
};

struct ix_rec
{
  uint64_t text_off;            /* folded, from texts_off */
  uint64_t orig_off;            /* original, in the content file */
  uint32_t text_len;
  uint32_t orig_len;
  uint32_t filter_off;          /* from filters_off */
  uint32_t filter_bytes;        /* a power of two */
  uint64_t sum;                 /* of the folded text */
  uint64_t orig_sum;            /* of the original text */
  uint8_t lang;
  uint8_t weight;
  uint8_t keywords;
  uint8_t has;                  /* QUERY_NEEDS_* bits of what it holds */
  uint8_t pad[4];
};

struct index
{
  const unsigned char *map;
  size_t size;
  const struct ix_header *hdr;
  const struct ix_doc *docs;
  unsigned char *checked;       /* documents whose directory was verified */
};

/* A 64-bit checksum that runs at memory speed (four lanes of additions
   and rotations, mixed at the end): it catches damaged or truncated
   data; it is not meant to resist an adversary, who could as well edit
   the content.  Also used for keys.  */
static uint64_t
hash_bytes (uint64_t h, const void *data, size_t len)
{
  const unsigned char *p = data;
  uint64_t a = h ^ 0x9e3779b97f4a7c15ULL ^ len, b = 0xc2b2ae3d27d4eb4fULL,
    c = 0x165667b19e3779f9ULL, d = 0x85ebca77c2b2ae63ULL;
  while (len >= 32)
    {
      uint64_t w[4];
      memcpy (w, p, 32);
      a += w[0];
      a = (a << 13) | (a >> 51);
      b ^= w[1];
      b = (b << 17) | (b >> 47);
      c += w[2] ^ a;
      d ^= w[3] + b;
      d = (d << 29) | (d >> 35);
      p += 32;
      len -= 32;
    }
  uint64_t x = a ^ (b * 0x100000001b3ULL) ^ (c << 1) ^ (d * 0xff51afd7ed558ccdULL);
  while (len--)
    x = (x ^ *p++) * 0x100000001b3ULL;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 29;
  x *= 0xc4ceb9fe1a85ec53ULL;
  return x ^ (x >> 32);
}

static uint32_t
trigram (const unsigned char *p)
{
  uint32_t h = (uint32_t) p[0] * 0x9e3779b1u ^ (uint32_t) p[1] * 0x85ebca77u
    ^ (uint32_t) p[2] * 0xc2b2ae3du;
  return h ^ (h >> 15);
}

/* Add the trigrams of S to FILTER of BITS bits (a power of two).  */
static void
filter_add (unsigned char *filter, size_t bits, const char *s, size_t len)
{
  const unsigned char *p = (const unsigned char *) s;
  for (size_t i = 0; i + 2 < len; i++)
    {
      uint32_t b = trigram (p + i) & (uint32_t) (bits - 1);
      filter[b / 8] |= (unsigned char) (1u << (b % 8));
    }
}

/* The trigram hashes of a query string, computed once per search.  */
struct trigrams
{
  uint32_t *hash;
  size_t count;
  size_t len;                   /* of the string */
};

static void
trigrams_of (const char *s, struct trigrams *t)
{
  t->len = strlen (s);
  t->count = t->len > 2 ? t->len - 2 : 0;
  t->hash = xmalloc ((t->count + 1) * sizeof *t->hash);
  for (size_t i = 0; i < t->count; i++)
    t->hash[i] = trigram ((const unsigned char *) s + i);
}

/* Might a text with FILTER (of BITS bits, a power of two) contain the
   string whose trigrams are T?  */
static int
filter_may_have_t (const unsigned char *filter, size_t bits,
                   const struct trigrams *t)
{
  uint32_t mask = (uint32_t) (bits - 1);
  for (size_t i = 0; i < t->count; i++)
    {
      uint32_t b = t->hash[i] & mask;
      if (!(filter[b / 8] & (1u << (b % 8))))
        return 0;
    }
  return 1;
}


char *
index_cache_path (const char *content_dir, const char *cache_home)
{
  char real[PATH_MAX];
  const char *which = realpath (content_dir, real) ? real : content_dir;
  return xasprintf ("%s/casebook/index-%016llx.bin", cache_home,
                    (unsigned long long) hash_bytes (0, which, strlen (which)));
}

static int
compare_strings (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static uint64_t
key_stat (uint64_t h, const char *name, const struct stat *st, int ok)
{
  h = hash_bytes (h, name, strlen (name) + 1);
  if (!ok)
    return hash_bytes (h, "-", 1);
  uint64_t v[5] = { (uint64_t) st->st_size, (uint64_t) st->st_mtim.tv_sec,
                    (uint64_t) st->st_mtim.tv_nsec, (uint64_t) st->st_ino,
                    (uint64_t) st->st_ctim.tv_nsec };
  return hash_bytes (h, v, sizeof v);
}

/* Hash PATH and what stat says of it.  */
static uint64_t
key_file (uint64_t h, const char *path)
{
  struct stat st;
  return key_stat (h, path, &st, stat (path, &st) == 0);
}

/* Hash every .cb file of DIR in name order (stat relative to the open
   directory: no path walk per file).  */
static uint64_t
key_dir (uint64_t h, const char *dir)
{
  DIR *dh = opendir (dir);
  if (dh == NULL)
    return hash_bytes (h, "!", 1);
  char **names = NULL;
  size_t n = 0, alloc = 0;
  struct dirent *de;
  while ((de = readdir (dh)) != NULL)
    {
      size_t len = strlen (de->d_name);
      if (de->d_name[0] == '.' || len < 4 || strcmp (de->d_name + len - 3, ".cb") != 0)
        continue;
      names = xgrow (names, &alloc, n + 1, sizeof *names);
      names[n++] = xstrdup (de->d_name);
    }
  if (n > 1)
    qsort (names, n, sizeof *names, compare_strings);
  h = hash_bytes (h, dir, strlen (dir) + 1);
  for (size_t i = 0; i < n; i++)
    {
      struct stat st;
      int ok = fstatat (dirfd (dh), names[i], &st, 0) == 0;
      h = key_stat (h, names[i], &st, ok);
      free (names[i]);
    }
  closedir (dh);
  free (names);
  return key_file (h, dir);
}

unsigned long long
index_content_key (const char *content_dir)
{
  uint64_t h = hash_bytes (0, "casebook-index-6", 16);
  /* Folding depends on whether OpenCC's data is there: key on the file
     rather than opening OpenCC, which costs more than the search.  */
#ifdef OPENCC_T2S_CONFIG
  h = key_file (h, OPENCC_T2S_CONFIG);
#else
  h = hash_bytes (h, "--", 2);
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
  if (hash_bytes (0, docs, h->ndocs * sizeof *docs) != h->table_sum)
    goto bad;
  if (h->tri_row != (h->ndocs + 7) / 8 || h->tri_off > size
      || h->tri_row > (size - h->tri_off) / TRI_BUCKETS
      || h->tri_sums_off > size
      || (size - h->tri_sums_off) / sizeof (uint64_t) < TRI_BUCKETS)
    goto bad;
  for (size_t i = 0; i < h->ndocs; i++)
    {
      const struct ix_doc *x = &docs[i];
      if (x->path_off >= size || x->coll_off >= size
          || memchr ((const char *) map + x->path_off, '\0', size - x->path_off) == NULL
          || memchr ((const char *) map + x->coll_off, '\0', size - x->coll_off) == NULL
          || x->nrecs > size / sizeof (struct ix_rec)
          || x->dir_off > size - x->nrecs * sizeof (struct ix_rec)
          || x->filters_off > size || x->filters_len > size - x->filters_off
          || x->texts_off > size || x->texts_len > size - x->texts_off)
        goto bad;
    }
  if (h->key != key)
    {
      *reason = "stale";
      goto bad;
    }
  /* A search reads all directories and filters, which lie together at
     the end, and only those texts that may match: read the one ahead,
     and do not map pages around each of the others.  */
  size_t page = (size_t) sysconf (_SC_PAGESIZE);
  size_t meta = h->meta_off / page * page;
  madvise (map, meta, MADV_RANDOM);
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
  struct buf dir;               /* struct ix_rec entries */
  struct buf filters;           /* record filters */
  struct buf texts;             /* folded texts */
  unsigned char *tri;           /* the trigram table being built */
  size_t tri_row;
  size_t doc;                   /* this document's bit in it */
  uint64_t length[LANG_COUNT];
};

static void
add_record (struct doc_build *db, const struct text *t, enum lang l,
            int weight, int keywords)
{
  if (t == NULL)
    return;
  struct folded f;
  norm_fold (t->str, t->len, 0, &f);
  struct ix_rec r = { .lang = (uint8_t) l, .weight = (uint8_t) weight,
                      .keywords = (uint8_t) keywords };
  for (size_t i = 0; i < f.len; i++)
    {
      unsigned char c = (unsigned char) f.str[i];
      r.has |= c >= 0x80 ? QUERY_NEEDS_NONASCII
        : (c >= 'a' && c <= 'z') ? QUERY_NEEDS_LETTER : 0;
    }
  /* About a bit per byte of text: a term of four Chinese characters (ten
     trigrams) passes a filter it is not in about once in a hundred.  */
  size_t bytes = 8;
  while (bytes < 1024 && bytes * 8 < f.len)
    bytes *= 2;
  r.filter_off = (uint32_t) db->filters.len;
  r.filter_bytes = (uint32_t) bytes;
  unsigned char filter[1024];
  memset (filter, 0, bytes);
  filter_add (filter, bytes * 8, f.str, f.len);
  buf_add (&db->filters, filter, bytes);
  const unsigned char *fp = (const unsigned char *) f.str;
  unsigned char bit = (unsigned char) (1u << (db->doc % 8));
  for (size_t i = 0; i + 2 < f.len; i++)
    db->tri[(trigram (fp + i) & (TRI_BUCKETS - 1)) * db->tri_row + db->doc / 8] |= bit;
  r.text_off = db->texts.len;
  r.text_len = (uint32_t) f.len;
  buf_add (&db->texts, f.str, f.len);
  r.orig_off = t->file_off;
  r.orig_len = (uint32_t) t->len;
  r.sum = hash_bytes (0, f.str, f.len);
  r.orig_sum = hash_bytes (0, t->str, t->len);
  buf_add (&db->dir, &r, sizeof r);
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
  int rc = util_mkdir_p (dir);
  free (dir);
  if (rc != 0)
    return -1;
  char *tmp = xasprintf ("%s.tmp.%ld", path, (long) getpid ());
  int fd = open (tmp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  FILE *f = fd >= 0 ? fdopen (fd, "w+") : NULL;
  if (f == NULL)
    {
      int e = errno;
      if (fd >= 0)
        close (fd);
      free (tmp);
      errno = e;
      return -1;
    }
  size_t ndocs = library_document_count (lib);
  struct ix_doc *docs = xcalloc (ndocs + 1, sizeof *docs);
  uint64_t off = sizeof (struct ix_header) + ndocs * sizeof *docs;
  int err = fseek (f, (long) off, SEEK_SET);
  /* Texts go to the file as they come; directories and filters, which
     every search reads, are kept and written together at the end.  */
  struct buf meta = { 0 };
  struct doc_build db;
  memset (&db, 0, sizeof db);
  db.tri_row = (ndocs + 7) / 8;
  db.tri = xcalloc (TRI_BUCKETS * db.tri_row + 1, 1);
  for (size_t i = 0; i < ndocs && err == 0; i++)
    {
      const struct document *d = library_document (lib, i);
      struct ix_doc *x = &docs[i];
      db.dir.len = db.filters.len = db.texts.len = 0;
      db.doc = i;
      memset (db.length, 0, sizeof db.length);
      /* The same texts, in the same order and with the same weights, as
         search_document scans.  */
      for (int l = 0; l < LANG_COUNT; l++)
        add_record (&db, bitext_get (&d->title, l), (enum lang) l, 3, 0);
      for (size_t s = 0; s < d->nsections; s++)
        {
          const struct section *sec = &d->sections[s];
          for (int l = 0; l < LANG_COUNT; l++)
            add_record (&db, bitext_get (&sec->title, l), (enum lang) l, 1, 0);
          for (size_t b = 0; b < sec->nblocks; b++)
            for (int l = 0; l < LANG_COUNT; l++)
              {
                const struct block *blk = &sec->blocks[b];
                int kw = blk->kind == BLOCK_KEYWORDS;
                add_record (&db, bitext_get (&blk->text, l), (enum lang) l,
                            kw || blk->kind == BLOCK_HEADING ? 3 : 1, kw);
              }
        }
      x->number = d->number;
      x->path_off = off;
      err |= put (f, d->path, strlen (d->path) + 1);
      off += strlen (d->path) + 1;
      x->coll_off = off;
      err |= put (f, d->collection->id, strlen (d->collection->id) + 1);
      off += strlen (d->collection->id) + 1;
      x->texts_off = off;
      x->texts_len = db.texts.len;
      err |= put (f, db.texts.data, db.texts.len);
      off += db.texts.len;
      x->nrecs = db.dir.len / sizeof (struct ix_rec);
      x->dir_off = meta.len;    /* made absolute below */
      buf_add (&meta, db.dir.data ? db.dir.data : "", db.dir.len);
      x->filters_off = meta.len;
      x->filters_len = db.filters.len;
      buf_add (&meta, db.filters.data, db.filters.len);
      memcpy (x->length, db.length, sizeof x->length);
      x->sum = hash_bytes (hash_bytes (0, db.dir.data ? db.dir.data : "", db.dir.len),
                           db.filters.data ? db.filters.data : "", db.filters.len);
    }
  buf_free (&db.dir);
  buf_free (&db.filters);
  buf_free (&db.texts);
  /* Directories start on an 8-byte boundary, so that a search can use
     them in place (each document's directory and filters keep it).  */
  static const char zeros[8];
  size_t pad = (size_t) ((8 - off % 8) % 8);
  err |= put (f, zeros, pad);
  off += pad;
  uint64_t meta_off = off;
  for (size_t i = 0; i < ndocs; i++)
    {
      docs[i].dir_off += meta_off;
      docs[i].filters_off += meta_off;
    }
  err |= put (f, meta.data, meta.len);
  off += meta.len;
  buf_free (&meta);
  /* The trigram table and its row checksums (8-byte aligned: the
     directories' sizes are multiples of 8).  */
  uint64_t tri_off = off;
  err |= put (f, db.tri, TRI_BUCKETS * db.tri_row);
  off += TRI_BUCKETS * db.tri_row;
  err |= put (f, zeros, (size_t) ((8 - off % 8) % 8));
  off += (8 - off % 8) % 8;
  uint64_t tri_sums_off = off;
  for (size_t b = 0; b < TRI_BUCKETS && err == 0; b++)
    {
      uint64_t sum = hash_bytes (b, db.tri + b * db.tri_row, db.tri_row);
      err |= put (f, &sum, sizeof sum);
    }
  off += TRI_BUCKETS * sizeof (uint64_t);
  free (db.tri);
  struct ix_header h = { .version = INDEX_VERSION, .bom = INDEX_BOM,
                         .key = key, .ndocs = ndocs, .size = off,
                         .meta_off = meta_off, .tri_off = tri_off,
                         .tri_row = (ndocs + 7) / 8,
                         .tri_sums_off = tri_sums_off };
  memcpy (h.magic, INDEX_MAGIC, 8);
  h.table_sum = hash_bytes (0, docs, ndocs * sizeof *docs);
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
  const struct ix_doc *x;
  const struct ix_rec *recs;
  const unsigned char *filters;
  const char *texts;
  const char *orig;             /* the content file, mapped for regexes */
  size_t orig_size;
  struct search_scratch *scratch;
  unsigned char *rec_checked;
  struct rec_hit *hits;
  size_t nhits, alloc;
  int corrupt;
};

/* Has record R's text been verified (or can it be now)?  */
static int
record_intact (struct doc_scan *ds, size_t r)
{
  if (ds->rec_checked[r])
    return 1;
  const struct ix_rec *rec = &ds->recs[r];
  /* Word searches read the folded text, regexes the original.  */
  if (ds->orig == NULL
      ? rec->text_off > ds->x->texts_len
        || rec->text_len > ds->x->texts_len - rec->text_off
        || hash_bytes (0, ds->texts + rec->text_off, rec->text_len) != rec->sum
      : rec->orig_off > ds->orig_size
        || rec->orig_len > ds->orig_size - rec->orig_off
        || hash_bytes (0, ds->orig + rec->orig_off, rec->orig_len) != rec->orig_sum
        /* PCRE2 runs with PCRE2_NO_UTF_CHECK: make sure.  */
        || u8_check ((const uint8_t *) ds->orig + rec->orig_off, rec->orig_len))
    {
      ds->corrupt = 1;
      return 0;
    }
  ds->rec_checked[r] = 1;
  return 1;
}

static void
add_hit (struct doc_scan *ds, size_t rec, size_t start, size_t end)
{
  ds->hits = xgrow (ds->hits, &ds->alloc, ds->nhits + 1, sizeof *ds->hits);
  ds->hits[ds->nhits++] = (struct rec_hit) { rec, start, end };
}

/* Count word alternative ALT of term T (whose trigrams are TRI) in
   record R.  */
static void
count_alt (struct doc_scan *ds, size_t r, const struct term *term,
           size_t alt, const struct trigrams *tri, size_t *tf)
{
  const struct ix_rec *rec = &ds->recs[r];
  const char *a = term->alts[alt];
  unsigned needs = term->alt_needs[alt];
  if ((needs & rec->has) != needs || tri->len > rec->text_len)
    return;
  if (!filter_may_have_t (ds->filters + rec->filter_off, rec->filter_bytes * 8, tri))
    return;
  if (!record_intact (ds, r))
    return;
  const char *s = ds->texts + rec->text_off, *p = s, *e = s + rec->text_len;
  size_t alen = tri->len;
  int boundary = search_needs_boundary (a);
  while (p < e)
    {
      const char *m = memmem (p, (size_t) (e - p), a, alen);
      if (m == NULL)
        break;
      p = m + 1;
      if (boundary && !search_at_word_start (s, (size_t) (m - s)))
        continue;
      *tf += rec->weight;
      if (!term->negated)
        add_hit (ds, r, (size_t) (m - s), (size_t) (m - s) + alen);
    }
}

/* Count every term of Q in the document; fills TF, returns the merged
   hits (as search_document counts them), or sets DS->corrupt.  */
static size_t
count_doc (struct doc_scan *ds, const struct query *q,
           struct trigrams *const *alt_tri, size_t *tf, char **error)
{
  size_t nrecs = ds->x->nrecs;
  for (size_t r = 0; r < nrecs && !ds->corrupt; r++)
    {
      const struct ix_rec *rec = &ds->recs[r];
      if (rec->lang >= LANG_COUNT || rec->filter_off > ds->x->filters_len
          || rec->filter_bytes > ds->x->filters_len - rec->filter_off
          || rec->filter_bytes == 0 || (rec->filter_bytes & (rec->filter_bytes - 1)))
        {
          ds->corrupt = 1;
          break;
        }
      if (q->lang_only >= 0 && rec->lang != q->lang_only)
        continue;
      for (size_t t = 0; t < q->nterms && !ds->corrupt; t++)
        {
          const struct term *term = &q->terms[t];
          if (term->kind == TERM_WORDS)
            {
              for (size_t a = 0; a < term->nalts; a++)
                count_alt (ds, r, term, a, &alt_tri[t][a], &tf[t]);
              continue;
            }
          if (!record_intact (ds, r))
            break;
          struct search_span *spans = NULL;
          size_t nspans = 0, salloc = 0;
          long n = search_regex_spans (term, ds->orig + rec->orig_off,
                                       rec->orig_len, &spans, &nspans,
                                       &salloc, error, ds->scratch);
          if (n < 0)
            {
              free (spans);
              return (size_t) -1;
            }
          tf[t] += (size_t) n * rec->weight;
          for (size_t k = 0; k < nspans && !term->negated; k++)
            add_hit (ds, r, spans[k].start, spans[k].end);
          free (spans);
        }
      if (rec->keywords && q->ntags && record_intact (ds, r))
        {
          /* tag: filters show as hits on the keyword lists.  */
          const char *s = ds->texts + rec->text_off, *e = s + rec->text_len;
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
    }
  if (ds->nhits > 1)
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
  for (size_t r = 0; r < ds->x->nrecs && found < q->ntags; r++)
    {
      const struct ix_rec *rec = &ds->recs[r];
      if (!rec->keywords || !record_intact (ds, r))
        continue;
      /* Keyword items are separated by '|' (folded "a | b").  */
      const char *s = ds->texts + rec->text_off, *end = s + rec->text_len;
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

/* Every document, as a bitmap of the trigram table's row size.  */
static unsigned char *
all_docs (const struct index *ix)
{
  size_t row = ix->hdr->tri_row;
  unsigned char *m = xmalloc (row + 1);
  memset (m, 0xff, row + 1);
  return m;
}

/* The documents that may hold the string whose trigrams are T: the AND
   of their rows (each checked against its checksum first; a bad one sets
   *BAD).  Caller frees.  */
static unsigned char *
docs_with (const struct index *ix, const struct trigrams *t, int *bad)
{
  size_t row = ix->hdr->tri_row;
  unsigned char *m = all_docs (ix);
  const unsigned char *table = ix->map + ix->hdr->tri_off;
  for (size_t i = 0; i < t->count; i++)
    {
      size_t b = t->hash[i] & (TRI_BUCKETS - 1);
      const unsigned char *r = table + b * row;
      uint64_t sum;
      memcpy (&sum, ix->map + ix->hdr->tri_sums_off + b * sizeof sum, sizeof sum);
      if (hash_bytes (b, r, row) != sum)
        {
          *bad = 1;
          break;
        }
      for (size_t k = 0; k < row; k++)
        m[k] &= r[k];
    }
  return m;
}

/* The state of one search, shared by the threads that scan parts of the
   document table (each writes only its own documents' entries).  */
struct search_job
{
  const struct index *ix;
  const struct query *q;
  struct trigrams **alt_tri;    /* per term, per alternative */
  unsigned char **term_docs;    /* per term: documents that may hold it */
  unsigned char **tag_docs;     /* per tag: documents that may have it */
  size_t **tfs;
  size_t *lengths;
  size_t *hits;
  char *matched;
};

struct search_part
{
  struct search_job *job;
  size_t from, to;
  int corrupt;
  char *error;
};

static void *
scan_part (void *arg)
{
  struct search_part *part = arg;
  struct search_job *job = part->job;
  const struct index *ix = job->ix;
  const struct query *q = job->q;
  struct search_scratch *scratch = needs_originals (q) ? search_scratch_new () : NULL;
  for (size_t i = part->from; i < part->to && !part->corrupt && !part->error; i++)
    {
      const struct ix_doc *x = &ix->docs[i];
      /* The trigram table rules a document out cheaply; whatever it
         lets through is counted exactly.  */
      unsigned char bit = (unsigned char) (1u << (i % 8));
      int any = q->nterms == 0, tags_possible = 1;
      for (size_t t = 0; t < q->ntags; t++)
        tags_possible &= (job->tag_docs[t][i / 8] & bit) != 0;
      for (size_t t = 0; t < q->nterms; t++)
        any |= (job->term_docs[t][i / 8] & bit) != 0;
      if (!tags_possible)
        continue;               /* like search_document: no length either */
      if (!any && q->ntags == 0)
        {
          /* Nothing to count here; the length still counts in the
             average, as in search_document.  */
          for (int l = 0; l < LANG_COUNT; l++)
            if (q->lang_only < 0 || q->lang_only == l)
              job->lengths[i] += x->length[l];
          continue;
        }
      if (!ix->checked[i])
        {
          if (hash_bytes (hash_bytes (0, ix->map + x->dir_off,
                                      x->nrecs * sizeof (struct ix_rec)),
                          ix->map + x->filters_off, x->filters_len) != x->sum)
            {
              part->corrupt = 1;
              break;
            }
          ix->checked[i] = 1;
        }
      /* The directory is used in place when aligned (as index_write
         lays it out), else copied.  */
      struct ix_rec *copy = NULL;
      const struct ix_rec *recs = (const struct ix_rec *) (ix->map + x->dir_off);
      if (x->dir_off % _Alignof (struct ix_rec) != 0)
        {
          copy = xmalloc ((x->nrecs + 1) * sizeof *copy);
          if (x->nrecs > 0)
            memcpy (copy, ix->map + x->dir_off, x->nrecs * sizeof *copy);
          recs = copy;
        }
      struct doc_scan ds = {
        .ix = ix, .x = x, .recs = recs,
        .filters = ix->map + x->filters_off,
        .texts = (const char *) ix->map + x->texts_off,
        .rec_checked = xcalloc (x->nrecs + 1, 1),
        .scratch = scratch,
      };
      size_t *tf = xcalloc (q->nterms + 1, sizeof *tf);
      void *orig_map = NULL;
      if (any && needs_originals (q))
        {
          int fd = open (index_document_path (ix, i),
                         O_RDONLY | O_CLOEXEC | O_NONBLOCK);
          struct stat st;
          if (fd >= 0 && fstat (fd, &st) == 0 && S_ISREG (st.st_mode)
              && st.st_size > 0)
            {
              orig_map = mmap (NULL, (size_t) st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
              if (orig_map == MAP_FAILED)
                orig_map = NULL;
              else
                {
                  ds.orig = orig_map;
                  ds.orig_size = (size_t) st.st_size;
                }
            }
          if (fd >= 0)
            close (fd);
          if (orig_map == NULL)
            ds.corrupt = 1;     /* the content went away: rebuild */
        }
      int tags_ok = !ds.corrupt && (q->ntags == 0 || has_tags (&ds, q));
      if (tags_ok)
        {
          for (int l = 0; l < LANG_COUNT; l++)
            if (q->lang_only < 0 || q->lang_only == l)
              job->lengths[i] += x->length[l];
          size_t nhits = any ? count_doc (&ds, q, job->alt_tri, tf, &part->error) : 0;
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
      if (orig_map)
        munmap (orig_map, ds.orig_size);
      free (ds.hits);
      free (ds.rec_checked);
      free (copy);
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
  };
  for (size_t t = 0; t < q->nterms; t++)
    {
      job.alt_tri[t] = xcalloc (q->terms[t].nalts + 1, sizeof **job.alt_tri);
      for (size_t a = 0; a < q->terms[t].nalts; a++)
        trigrams_of (q->terms[t].alts[a], &job.alt_tri[t][a]);
    }
  size_t row = ix->hdr->tri_row;
  job.term_docs = xcalloc (q->nterms + 1, sizeof *job.term_docs);
  job.tag_docs = xcalloc (q->ntags + 1, sizeof *job.tag_docs);
  int bad_row = 0;
  for (size_t t = 0; t < q->nterms; t++)
    {
      job.term_docs[t] = xcalloc (row + 1, 1);
      const struct term *term = &q->terms[t];
      for (size_t a = 0; a < (term->kind == TERM_WORDS ? term->nalts : 1); a++)
        {
          /* A regex, or an alternative too short for a trigram, may be
             in any document.  */
          unsigned char *m = term->kind == TERM_WORDS
            ? docs_with (ix, &job.alt_tri[t][a], &bad_row) : all_docs (ix);
          for (size_t k = 0; k < row; k++)
            job.term_docs[t][k] |= m[k];
          free (m);
        }
    }
  for (size_t t = 0; t < q->ntags; t++)
    {
      struct trigrams tri;
      trigrams_of (q->tags[t], &tri);
      job.tag_docs[t] = docs_with (ix, &tri, &bad_row);
      free (tri.hash);
    }
  if (bad_row)
    for (size_t t = 0; t < q->nterms; t++)
      memset (job.term_docs[t], 0, row);  /* search nothing: corrupt */
  /* Two halves in two threads on large corpora (this is a 2-core
     target); a failed thread start just means the work is done here.  */
  struct search_part parts[2] = { { &job, 0, ndocs / 2, 0, NULL },
                                  { &job, ndocs / 2, ndocs, 0, NULL } };
  pthread_t th;
  int threaded = ndocs >= 64
    && pthread_create (&th, NULL, scan_part, &parts[1]) == 0;
  if (!threaded)
    parts[0].to = ndocs;
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
      for (size_t a = 0; a < q->terms[t].nalts; a++)
        free (job.alt_tri[t][a].hash);
      free (job.alt_tri[t]);
    }
  free (job.alt_tri);
  for (size_t t = 0; t < q->nterms; t++)
    free (job.term_docs[t]);
  free (job.term_docs);
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
