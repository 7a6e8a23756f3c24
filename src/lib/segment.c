/* segment.c -- Chinese word segmentation of queries (see segment.h).  */

#include <config.h>

#include "segment.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <friso.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unistr.h>

#include "util.h"

#ifndef FRISO_INI
# define FRISO_INI "/etc/friso/friso.ini"
#endif

/* Glossary terms are longer than friso's default limit of five
   characters (刑事执行检察 is six).  */
#define SEGMENT_MAX_LEN 10

/* The word list: what friso's dictionary holds, written out once so
   that a later process reads only the words a query can use.  Loading
   the dictionary itself costs 0.1-0.2 s (and freeing it a fifth more),
   a hundred times a search.  The file is:

     magic, key (segment_key), the configuration's settings (CONF_N
     numbers and the kept punctuation), the longest word in characters,
     the number of words N, the size of the pool, N offsets into the
     pool sorted by word, the pool (per word: its lexicon, its frequency
     and the word with a NUL), and a checksum of all of it.

   friso looks a word up only by a run of the characters it is cutting
   (it reads them one after another and joins them), and only changes
   characters it reads when they are Latin letters or full-width forms.
   So for a run of ideographs, a dictionary of just the words that occur
   in the run cuts it exactly as the whole one does; a unit test compares
   the two over every run of the shipped documents.  */
#define MEMORY_MAGIC "CBSEG001"
enum { CONF_N = 12, KPUNCS = 16, HEAD_SIZE = 8 + 8 + 4 * CONF_N + KPUNCS + 12 };

struct segmenter
{
  const struct glossary *glossary;
  char *memory_path;            /* NULL: none */
  uint64_t key;
  friso_t friso;                /* the whole dictionary, once loaded */
  friso_config_t config;
  /* The word list, read, when it was found and whole.  */
  const unsigned char *map;
  const unsigned char *offsets, *pool;
  uint32_t nwords, pool_len, max_chars;
  friso_config_t list_config;   /* the settings it was written with */
};

/* The lexicon directory that the LEN bytes INI of the friso
   configuration at INI_PATH name, found as friso finds it: the first
   value, up to a space or tab, of a line whose key is friso.lex_dir
   (lines that begin with #, a space or a tab are not read: Debian's
   file names it in comments first), relative to INI_PATH's directory
   unless it begins with /.  NULL when there is none.  Caller frees.  */
static char *
ini_lex_dir (const char *ini_path, const char *ini, size_t len)
{
  static const char key[] = "friso.lex_dir";
  const char *p = ini, *end = ini + len;
  while (p < end)
    {
      const char *eol = memchr (p, '\n', (size_t) (end - p));
      if (eol == NULL)
        eol = end;
      const char *k = p;
      p = eol < end ? eol + 1 : end;
      if (k == eol || *k == '#' || *k == ' ' || *k == '\t')
        continue;
      size_t klen = strcspn (k, " \t=\n");
      if (klen != sizeof key - 1 || memcmp (k, key, klen) != 0)
        continue;
      const char *v = memchr (k, '=', (size_t) (eol - k));
      if (v == NULL)
        v = eol;                /* friso reads an empty value */
      else
        v++;
      while (v < eol && (*v == ' ' || *v == '\t'))
        v++;
      size_t vlen = strcspn (v, " \t\n");
      if ((size_t) (eol - v) < vlen)
        vlen = (size_t) (eol - v);
      if (vlen == 0)
        continue;               /* friso looks on, too */
      const char *slash = strrchr (ini_path, '/');
      if (*v != '/' && slash)
        return xasprintf ("%.*s/%.*s", (int) (slash - ini_path), ini_path,
                          (int) vlen, v);
      return xstrndup (v, vlen);
    }
  return NULL;
}

/* A key for what the dictionary holds: friso's configuration (at
   INI_PATH), the files in its lexicon directory (as installed and
   replaced by the package) and the glossary's Chinese terms.  0 when
   there is no configuration to read.  */
uint64_t
segmenter_key (const char *ini_path, const struct glossary *g)
{
  size_t len;
  char *ini = util_read_regular (ini_path, 1 << 20, &len);
  if (ini == NULL)
    return 0;
  uint64_t h = util_hash (0, MEMORY_MAGIC, 8);
  h = util_hash (h, ini, len);
  int max = SEGMENT_MAX_LEN;
  h = util_hash (h, &max, sizeof max);
  /* Every file of the lexicon directory, in whatever order.  */
  char *dir = ini_lex_dir (ini_path, ini, len);
  DIR *d = dir ? opendir (dir) : NULL;
  uint64_t files = 0;
  struct dirent *de;
  while (d && (de = readdir (d)) != NULL)
    {
      struct stat st;
      if (de->d_name[0] == '.'
          || fstatat (dirfd (d), de->d_name, &st, 0) != 0)
        continue;
      int64_t v[6] = { st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                       st.st_ctim.tv_sec, st.st_ctim.tv_nsec,
                       (int64_t) st.st_ino };
      uint64_t f = util_hash (0, de->d_name, strlen (de->d_name));
      files += util_hash (f, v, sizeof v);
    }
  if (d)
    closedir (d);
  free (dir);
  h = util_hash (h, &files, sizeof files);
  free (ini);
  for (size_t i = 0; g && i < g->count; i++)
    {
      const struct glossary_entry *e = &g->entries[i];
      for (size_t v = 0; v < glossary_nforms (e, LANG_ZH); v++)
        {
          const char *w = glossary_form (e, LANG_ZH, v);
          h = util_hash (h, w ? w : "", w ? strlen (w) + 1 : 1);
        }
    }
  return h ? h : 1;
}

static uint32_t
get32 (const unsigned char *p)
{
  uint32_t v;
  memcpy (&v, p, sizeof v);
  return v;
}

static void
put32 (struct buf *b, uint32_t v)
{
  buf_add (b, &v, sizeof v);
}

/* Read the word list at S->memory_path if it is one, whole, for
   S->key.  Returns 0 when it is read.  It is read, not mapped: the
   cache may be shared, and a file cut short or written over in place
   while mapped would be read past its end (SIGBUS) or with offsets
   checked before they changed; the checksum reads every byte anyway.  */
static int
open_list (struct segmenter *s)
{
  int fd = open (s->memory_path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK
                 | O_CLOEXEC);
  if (fd < 0)
    return -1;
  struct stat st;
  unsigned char *m = NULL;
  size_t len = 0;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode)
      && st.st_size > HEAD_SIZE + 8 && st.st_size < (off_t) 1 << 30)
    {
      len = (size_t) st.st_size;
      m = xmalloc (len);
      if (util_read_all (fd, m, len) != (ssize_t) len)
        {
          free (m);
          m = NULL;
        }
    }
  close (fd);
  if (m == NULL)
    return -1;
  uint64_t key, sum;
  memcpy (&key, m + 8, sizeof key);
  memcpy (&sum, m + len - 8, sizeof sum);
  uint32_t n = get32 (m + HEAD_SIZE - 8), pool = get32 (m + HEAD_SIZE - 4);
  if (memcmp (m, MEMORY_MAGIC, 8) != 0 || key != s->key
      || (uint64_t) HEAD_SIZE + 4 * (uint64_t) n + pool + 8 != len
      || util_hash (0, m, len - 8) != sum)
    {
      free (m);
      return -1;
    }
  const unsigned char *offsets = m + HEAD_SIZE, *p = offsets + 4 * (size_t) n;
  /* Every word inside the pool, with its NUL: nothing read past it; and
     of a lexicon friso has (it ignores others).  */
  for (uint32_t i = 0; i < n; i++)
    {
      uint32_t off = get32 (offsets + 4 * (size_t) i);
      if (off > pool || pool - off < 6
          || p[off] >= __FRISO_LEXICON_LENGTH__
          || memchr (p + off + 5, '\0', pool - off - 5) == NULL)
        {
          free (m);
          return -1;
        }
    }
  s->map = m;
  s->offsets = offsets;
  s->pool = p;
  s->nwords = n;
  s->pool_len = pool;
  s->max_chars = get32 (m + HEAD_SIZE - 12);
  s->list_config = friso_new_config ();
  uint32_t conf[CONF_N];
  memcpy (conf, m + 16, sizeof conf);
  friso_config_t c = s->list_config;
  c->max_len = (ushort_t) conf[0];
  c->r_name = (ushort_t) conf[1];
  c->mix_len = (ushort_t) conf[2];
  c->lna_len = (ushort_t) conf[3];
  c->add_syn = (ushort_t) conf[4];
  c->clr_stw = (ushort_t) conf[5];
  c->keep_urec = (ushort_t) conf[6];
  c->spx_out = (ushort_t) conf[7];
  c->en_sseg = (ushort_t) conf[8];
  c->st_minl = (ushort_t) conf[9];
  c->nthreshold = conf[10];
  memcpy (c->kpuncs, m + 16 + sizeof conf, sizeof c->kpuncs);
  c->kpuncs[sizeof c->kpuncs - 1] = '\0';
  friso_set_mode (c, (friso_mode_t) conf[11]);
  return 0;
}

/* A word of the list, for sorting them.  */
struct listed
{
  const char *word;
  uint32_t lex, fre;
};

static int
compare_listed (const void *a, const void *b)
{
  const struct listed *x = a, *y = b;
  int c = strcmp (x->word, y->word);
  return c ? c : (x->lex > y->lex) - (x->lex < y->lex);
}

/* Write S's whole dictionary as the word list.  Returns 0, or -1 with
   errno set.  */
static int
save_list (struct segmenter *s)
{
  struct listed *v = NULL;
  size_t n = 0, alloc = 0;
  uint32_t max_chars = 0;
  for (int lex = 0; lex < __FRISO_LEXICON_LENGTH__; lex++)
    {
      friso_hash_t h = s->friso->dic[lex];
      for (uint_t b = 0; h && b < h->length; b++)
        for (hash_entry_t he = h->table[b]; he; he = he->_next)
          {
            lex_entry_t le = he->_val;
            if (le == NULL || le->word == NULL)
              continue;
            v = xgrow (v, &alloc, n + 1, sizeof *v);
            v[n++] = (struct listed) { le->word, (uint32_t) lex, le->fre };
            size_t chars = u8_mbsnlen ((const uint8_t *) le->word,
                                       strlen (le->word));
            if (chars > max_chars)
              max_chars = (uint32_t) chars;
          }
    }
  /* An empty dictionary leaves V null, which qsort may not take.  */
  if (n > 0)
    qsort (v, n, sizeof *v, compare_listed);
  struct buf b = { 0 };
  buf_add (&b, MEMORY_MAGIC, 8);
  buf_add (&b, &s->key, sizeof s->key);
  friso_config_t c = s->config;
  uint32_t conf[CONF_N] = { c->max_len, c->r_name, c->mix_len, c->lna_len,
                            c->add_syn, c->clr_stw, c->keep_urec, c->spx_out,
                            c->en_sseg, c->st_minl, c->nthreshold,
                            (uint32_t) c->mode };
  buf_add (&b, conf, sizeof conf);
  char kp[KPUNCS] = { 0 };
  memcpy (kp, c->kpuncs, sizeof c->kpuncs < KPUNCS ? sizeof c->kpuncs
          : KPUNCS);
  buf_add (&b, kp, sizeof kp);
  struct buf pool = { 0 };
  uint32_t *offsets = xcalloc (n ? n : 1, sizeof *offsets);
  for (size_t i = 0; i < n; i++)
    {
      offsets[i] = (uint32_t) pool.len;
      unsigned char lex = (unsigned char) v[i].lex;
      buf_add (&pool, &lex, 1);
      put32 (&pool, v[i].fre);
      buf_add (&pool, v[i].word, strlen (v[i].word) + 1);
    }
  put32 (&b, max_chars);
  put32 (&b, (uint32_t) n);
  put32 (&b, (uint32_t) pool.len);
  buf_add (&b, offsets, n * sizeof *offsets);
  buf_add (&b, pool.data, pool.len);
  uint64_t sum = util_hash (0, b.data, b.len);
  buf_add (&b, &sum, sizeof sum);
  int rc = util_write_atomic (s->memory_path, b.data, b.len);
  free (offsets);
  free (v);
  buf_free (&pool);
  buf_free (&b);
  return rc;
}

/* Load friso's whole dictionary into S.  Returns 0, or -1.  */
static int
load_whole (struct segmenter *s)
{
  s->friso = friso_new ();
  s->config = friso_new_config ();
  if (s->friso == NULL || s->config == NULL
      || friso_init_from_ifile (s->friso, s->config, (fstring) FRISO_INI) != 1)
    return -1;
  friso_set_mode (s->config, __FRISO_COMPLEX_MODE__);
  s->config->max_len = SEGMENT_MAX_LEN;
  s->config->clr_stw = 0;       /* stop words are the engine's to drop */
  s->config->add_syn = 0;
  const struct glossary *g = s->glossary;
  for (size_t i = 0; g && i < g->count; i++)
    {
      const struct glossary_entry *e = &g->entries[i];
      for (size_t v = 0; v < glossary_nforms (e, LANG_ZH); v++)
        {
          const char *w = glossary_form (e, LANG_ZH, v);
          if (w == NULL || *w == '\0' || strlen (w) >= __HITS_WORD_LENGTH__
              || friso_dic_match (s->friso->dic, __LEX_CJK_WORDS__,
                                  (fstring) w))
            continue;
          /* friso keeps the string it is given.  */
          friso_dic_add (s->friso->dic, __LEX_CJK_WORDS__, xstrdup (w), NULL);
        }
    }
  return 0;
}

struct segmenter *
segmenter_new (const struct glossary *g, const char *memory)
{
  if (access (FRISO_INI, R_OK) != 0)
    return NULL;
  struct segmenter *s = xcalloc (1, sizeof *s);
  s->glossary = g;
  if (memory)
    {
      s->key = segmenter_key (FRISO_INI, g);
      s->memory_path = xstrdup (memory);
      if (s->key != 0 && open_list (s) == 0)
        return s;
    }
  if (load_whole (s) != 0)
    {
      segmenter_free (s);
      return NULL;
    }
  /* Written for the next process; one that cannot be written (a cache
     directory that is read-only) only costs that process the load.  */
  if (s->memory_path && s->key != 0)
    save_list (s);
  return s;
}

int
segmenter_from_list (const struct segmenter *s)
{
  return s->map != NULL;
}

void
segmenter_free (struct segmenter *s)
{
  if (s == NULL)
    return;
  if (s->friso)
    friso_free (s->friso);
  free (s->config);
  free (s->list_config);
  free ((void *) s->map);
  free (s->memory_path);
  free (s);
}

/* The first word of S's list not below the LEN bytes at W.  */
static uint32_t
list_lower (const struct segmenter *s, const char *w, size_t len)
{
  uint32_t lo = 0, hi = s->nwords;
  while (lo < hi)
    {
      uint32_t mid = lo + (hi - lo) / 2;
      const char *x = (const char *) s->pool
        + get32 (s->offsets + 4 * (size_t) mid) + 5;
      size_t xl = strlen (x);
      int c = memcmp (x, w, xl < len ? xl : len);
      if (c < 0 || (c == 0 && xl < len))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Can friso cut TEXT with only the words of the list that occur in it:
   is every character one it does not change?  *NCHARS gets their
   number.  */
static int
list_will_do (const char *text, size_t *nchars)
{
  const uint8_t *p = (const uint8_t *) text;
  size_t n = 0;
  while (*p)
    {
      ucs4_t uc;
      int k = u8_strmbtouc (&uc, p);
      if (k <= 0 || !((uc >= 0x3400 && uc <= 0x9fff)
                      || (uc >= 0x20000 && uc <= 0x3ffff)))
        return 0;
      p += k;
      n++;
    }
  *nchars = n;
  return 1;
}

/* A friso dictionary of the words of S's list that occur in TEXT, of
   NCHARS characters.  */
static friso_dic_t
dictionary_for (const struct segmenter *s, const char *text, size_t nchars)
{
  friso_dic_t dic = friso_dic_new ();
  size_t *at = xcalloc (nchars + 1, sizeof *at);
  const uint8_t *p = (const uint8_t *) text;
  for (size_t i = 0; i < nchars; i++)
    {
      ucs4_t uc;
      at[i + 1] = at[i] + (size_t) u8_strmbtouc (&uc, p + at[i]);
    }
  for (size_t i = 0; i < nchars; i++)
    for (size_t k = i + 1; k <= nchars && k - i <= s->max_chars; k++)
      {
        const char *w = text + at[i];
        size_t len = at[k] - at[i];
        for (uint32_t j = list_lower (s, w, len); j < s->nwords; j++)
          {
            const unsigned char *r = s->pool
              + get32 (s->offsets + 4 * (size_t) j);
            const char *x = (const char *) r + 5;
            if (strlen (x) != len || memcmp (x, w, len) != 0)
              break;
            if (friso_dic_match (dic, (friso_lex_t) r[0], (fstring) x))
              continue;         /* the run holds it twice */
            friso_dic_add_with_fre (dic, (friso_lex_t) r[0],
                                    xstrndup (x, len), NULL, get32 (r + 1));
          }
      }
  free (at);
  return dic;
}

size_t
segmenter_split (struct segmenter *s, const char *text, char ***words)
{
  *words = NULL;
  size_t n = 0, alloc = 0, nchars;
  friso_entry small = { .dic = NULL, .charset = FRISO_UTF8 };
  friso_t friso = s->friso;
  friso_config_t config = s->config;
  if (s->map && list_will_do (text, &nchars))
    {
      small.dic = dictionary_for (s, text, nchars);
      friso = &small;
      config = s->list_config;
    }
  else if (s->friso == NULL)
    {
      /* Not ideographs alone: the whole dictionary, after all.  */
      if (load_whole (s) != 0)
        {
          if (s->friso)
            friso_free (s->friso);
          free (s->config);
          s->friso = NULL;
          s->config = NULL;
          return 0;
        }
      friso = s->friso;
      config = s->config;
    }
  friso_task_t task = friso_new_task ();
  if (task == NULL)
    return 0;
  char *copy = xstrdup (text);
  friso_set_text (task, copy);
  while (config->next_token (friso, config, task) != NULL)
    {
      const char *w = task->token->word;
      size_t len = strnlen (w, __HITS_WORD_LENGTH__);
      /* Only words of ideographs: friso passes punctuation and Latin
         through, which the engine handles itself.  */
      if (len == 0 || (unsigned char) w[0] < 0xe0)
        continue;
      *words = xgrow (*words, &alloc, n + 1, sizeof **words);
      (*words)[n++] = xstrndup (w, len);
    }
  friso_free_task (task);
  free (copy);
  if (small.dic)
    friso_dic_free (small.dic);
  return n;
}
