/* norm.c -- widths, visible text and search folding (see norm.h).

   Folding works one grapheme cluster at a time so that every output byte
   knows the original cluster it came from: a match found in folded text
   highlights exactly the characters the reader sees.  ASCII and CJK
   ideographs, which make up almost all case text, take a fast path.  */

#include <config.h>
#include "norm.h"
#include "i18n.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>
#include <wchar.h>

#if HAVE_OPENCC
# include <opencc.h>
# ifdef OPENCC_SONAME
#  include <dlfcn.h>
# endif
#endif

#include "util.h"

static int ambiguous_wide;

void
norm_set_ambiguous_wide (int wide)
{
  ambiguous_wide = wide != 0;
}

int
norm_ambiguous_wide (void)
{
  return ambiguous_wide;
}

int
norm_char_width (uint32_t uc)
{
  /* Printable ASCII and the CJK ideographs, most of case text, are as
     wide in every encoding: spare uc_width comparing the encoding's
     name with its list of CJK encodings for each of them.  */
  if (uc >= 0x20 && uc < 0x7f)
    return 1;
  if (uc >= 0x4e00 && uc <= 0x9fff)
    return 2;
  /* "GBK" is the encoding name that makes libunistring count East Asian
     Ambiguous characters as two columns; "UTF-8" counts them as one.  */
  int w = uc_width (uc, ambiguous_wide ? "GBK" : "UTF-8");
  return w < 0 ? 0 : w;
}

int
norm_width (const char *s, size_t len)
{
  const uint8_t *p = (const uint8_t *) s, *e = p + len;
  int w = 0;
  while (p < e)
    {
      ucs4_t uc;
      int n = u8_mbtouc (&uc, p, (size_t) (e - p));
      w += norm_char_width (uc);
      p += n;
    }
  return w;
}

/* Characters that must never reach the terminal as themselves: C0 and
   C1 controls, line and paragraph separators, and every character that
   draws nothing and can hide or reorder text -- general categories Cf
   (format: bidi embeddings, overrides, isolates and marks, zero-width
   space and joiners, word joiner, U+2061-2064 invisible operators,
   U+206A-206F deprecated format characters, U+180E, U+FFF9-FFFB
   interlinear annotation, U+00AD soft hyphen, TAG characters
   U+E0000-E007F, BOM), Co (private use: no meaning a reader can rely on,
   and some terminals draw private glyphs there) and Cn (unassigned in
   libunistring's Unicode version, and the noncharacters).

   None is kept for the text's sake.  Case text is Chinese and English;
   ZWJ and ZWNJ are only needed for emoji sequences and for scripts such
   as Persian and Devanagari, and ZWJ is not safe even there: terminals
   disagree whether a ZWJ sequence takes two columns or the sum of its
   parts, so curses and the terminal would disagree and the screen tears.
   Nor is any other character that Unicode says draws nothing (its
   Default_Ignorable_Code_Point property) though it is a letter or a
   mark: the Hangul fillers U+115F, U+1160, U+3164 and U+FFA0, the
   combining grapheme joiner U+034F, the Khmer vowels U+17B4-17B5.
   Variation selectors (U+FE00-FE0F, U+E0100-E01EF, and Mongolian's)
   are ignorable too, but stay: ideographic variation sequences choose a
   glyph of the ideograph before them and take no column in
   libunistring or the C library.  */
/* Is UC a unified ideograph (U+4E00-U+9FFF), or CJK or general
   punctuation that case text is written with (U+3000-U+303F, U+FF01-
   U+FF5E, U+2010-U+2027)?  Every one is assigned, and none a format
   character or one that draws nothing.  */
static int
cjk_text_char (ucs4_t uc)
{
  return (uc >= 0x4e00 && uc <= 0x9fff) || (uc >= 0x3000 && uc <= 0x303f)
    || (uc >= 0xff01 && uc <= 0xff5e) || (uc >= 0x2010 && uc <= 0x2027);
}

static int
is_dangerous (ucs4_t uc)
{
  if (uc < 0x20 || uc == 0x7f || (uc >= 0x80 && uc < 0xa0))
    return 1;
  if (uc < 0xa0)
    return 0;
  if (uc == 0x2028 || uc == 0x2029)
    return 1;
  /* The CJK ideographs and syllables that make up most case text are
     all assigned letters, and its punctuation (CJK symbols, full-width
     forms, dashes and quotation marks) all assigned and no format
     character: skip the table lookups for them.  */
  if (cjk_text_char (uc) || (uc >= 0xac00 && uc <= 0xd7a3))
    return 0;
  return uc_is_general_category (uc, UC_CATEGORY_Cf)
    || uc_is_general_category (uc, UC_CATEGORY_Co)
    || uc_is_general_category (uc, UC_CATEGORY_Cn)
    || (uc_is_property_default_ignorable_code_point (uc)
        && !uc_is_property_variation_selector (uc));
}

static int
width_disagrees (ucs4_t uc)
{
  int ours = uc_width (uc, ambiguous_wide ? "GBK" : "UTF-8");
  int libc = wcwidth ((wchar_t) uc);
  /* With --ambiguous-wide the terminal draws “ ” · — two columns wide
     but curses counts one: those disagree too, and are drawn as their
     wide look-alikes (see wide_lookalike).  */
  return ours != libc;
}

/* What to draw instead of the East Asian Ambiguous character UC, so that
   curses and a terminal that draws UC two columns wide agree: a wide
   look-alike, or two narrow characters; NULL if there is none.  */
static const char *
wide_lookalike (ucs4_t uc)
{
  static const struct { ucs4_t uc; const char *as; } table[] = {
    { 0x00b7, "\xe3\x83\xbb" },    /* · ・ */
    { 0x2014, "\xe3\x83\xbc" },    /* — ー */
    { 0x2015, "\xe3\x83\xbc" },
    { 0x2018, "\xef\xbc\x87" },    /* ‘ ＇ */
    { 0x2019, "\xef\xbc\x87" },
    { 0x201c, "\xe3\x80\x9d" },    /* “ 〝 */
    { 0x201d, "\xe3\x80\x9e" },    /* ” 〞 */
    { 0x2026, ".." },                /* … */
    { 0x00d7, "\xef\xbd\x98" },    /* × ｘ */
    { 0x2190, "\xef\xbf\xa9" },    /* ← ￩ */
    { 0x2191, "\xef\xbf\xaa" },
    { 0x2192, "\xef\xbf\xab" },
    { 0x2193, "\xef\xbf\xac" },
    { 0x25a0, "\xef\xbf\xad" },    /* ■ ￭ */
    { 0x25cb, "\xef\xbf\xae" },    /* ○ ￮ */
  };
  for (size_t i = 0; i < sizeof table / sizeof *table; i++)
    if (table[i].uc == uc)
      return table[i].as;
  return NULL;
}

static int
needs_escape (ucs4_t uc, int safe_widths)
{
  if (uc == '\t')
    return 1;
  if (is_dangerous (uc))
    return 1;
  return safe_widths && uc >= 0x80 && width_disagrees (uc);
}

int
norm_is_invisible (uint32_t uc)
{
  return is_dangerous (uc);
}

int
norm_invisible_at (const char *s, size_t len, uint32_t *uc)
{
  ucs4_t c;
  int n = len ? u8_mbtoucr (&c, (const uint8_t *) s, len) : -1;
  if (n < 1 || !is_dangerous (c))
    return 0;
  *uc = c;
  return n;
}

int
norm_needs_visible (const char *s, size_t len, int safe_widths)
{
  const uint8_t *p = (const uint8_t *) s, *e = p + len;
  while (p < e)
    {
      if (*p < 0x80)
        {
          if (*p < 0x20 || *p == 0x7f)
            return 1;
          p++;
          continue;
        }
      /* Most of a Chinese text (cjk_text_char), decoded here, not by a
         call for each character.  Whether curses agrees on their
         width is asked the slow way.  */
      if (!safe_widths && (*p & 0xf0) == 0xe0 && e - p >= 3
          && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80)
        {
          ucs4_t c = (ucs4_t) (p[0] & 0x0f) << 12
            | (ucs4_t) (p[1] & 0x3f) << 6 | (ucs4_t) (p[2] & 0x3f);
          if (cjk_text_char (c))
            {
              p += 3;
              continue;
            }
        }
      ucs4_t uc;
      int n = u8_mbtoucr (&uc, p, (size_t) (e - p));
      if (n < 0 || needs_escape (uc, safe_widths))
        return 1;               /* not UTF-8, or not for a terminal */
      p += n;
    }
  return 0;
}

static void
visible_build (const char *s, size_t len, int safe_widths, int want_map,
               struct visible *v)
{
  struct buf b = { 0 };
  size_t *map = NULL, map_alloc = 0;
  const uint8_t *p = (const uint8_t *) s, *e = p + len;
  while (p < e)
    {
      ucs4_t uc;
      int n = u8_mbtoucr (&uc, p, (size_t) (e - p));
      size_t off = (size_t) (p - (const uint8_t *) s);
      size_t before = b.len;
      if (n < 0)
        {
          /* A byte that is not UTF-8 (a lone 0x9B is a C1 CSI to some
             terminals) shows as U+FFFD, one per byte.  */
          buf_adds (&b, "\xef\xbf\xbd");
          n = 1;
        }
      else if (!needs_escape (uc, safe_widths))
        buf_add (&b, p, (size_t) n);
      else if (uc == '\t')
        buf_addc (&b, ' ');
      else if (uc < 0x20)
        {
          buf_addc (&b, '^');
          buf_addc (&b, (char) (uc + 0x40));
        }
      else if (uc == 0x7f)
        buf_adds (&b, "^?");
      else if (ambiguous_wide && wide_lookalike (uc))
        buf_adds (&b, wide_lookalike (uc));
      else
        buf_printf (&b, "<U+%04X>", (unsigned) uc);
      if (want_map)
        {
          map = xgrow (map, &map_alloc, b.len + 1, sizeof *map);
          for (size_t i = before; i < b.len; i++)
            map[i] = off;
        }
      p += n;
    }
  if (want_map)
    {
      map = xgrow (map, &map_alloc, b.len + 1, sizeof *map);
      map[b.len] = len;
    }
  v->len = b.len;
  v->str = buf_steal (&b);
  v->src_off = map;
}

void
norm_visible (const char *s, size_t len, int safe_widths, struct visible *v)
{
  visible_build (s, len, safe_widths, 1, v);
}

void
norm_visible_text (const char *s, size_t len, int safe_widths,
                   struct visible *v)
{
  visible_build (s, len, safe_widths, 0, v);
}

char *
norm_visible_string (const char *s)
{
  /* A message puts the string after a quote or a space: marks it
     begins with would be drawn over that, and not be seen.  */
  struct buf b = { 0 };
  size_t len = strlen (s);
  ucs4_t uc;
  int n;
  while (len && (n = u8_mbtoucr (&uc, (const uint8_t *) s, len)) > 0
         && uc_is_general_category (uc, UC_CATEGORY_M))
    {
      buf_printf (&b, "<U+%04X>", (unsigned) uc);
      s += n;
      len -= (size_t) n;
    }
  struct visible v;
  visible_build (s, len, 0, 0, &v);
  if (b.len == 0)
    return v.str;
  buf_add (&b, v.str, v.len);
  free (v.str);
  return buf_steal (&b);
}

void
norm_visible_free (struct visible *v)
{
  free (v->str);
  free (v->src_off);
  memset (v, 0, sizeof *v);
}

int
norm_is_cjk (uint32_t uc)
{
  return (uc >= 0x2e80 && uc <= 0x9fff) || (uc >= 0xac00 && uc <= 0xd7af)
    || (uc >= 0xf900 && uc <= 0xfaff) || (uc >= 0x20000 && uc <= 0x3ffff)
    || (uc >= 0x3040 && uc <= 0x30ff);
}

int
norm_is_word (uint32_t uc)
{
  if (uc < 0x80)
    return (uc >= '0' && uc <= '9') || (uc >= 'a' && uc <= 'z')
      || (uc >= 'A' && uc <= 'Z');
  /* The regional indicators that make a flag (🇨🇳) are alphabetic to
     Unicode, but are pictures, as other emoji are: no word.  */
  return uc_is_alnum (uc) && !norm_is_cjk (uc)
    && !(uc >= 0x1f1e6 && uc <= 0x1f1ff);
}

static int
is_fold_space (ucs4_t uc)
{
  return uc == ' ' || uc == '\t' || uc == '\n' || uc == '\r'
    || uc == 0x3000 || (uc >= 0x2000 && uc <= 0x200a) || uc == 0xa0
    || uc == 0x202f || uc == 0x205f;
}

/* A format character that draws nothing and stands alone, as a zero
   width space (U+200B) or a soft hyphen (U+00AD) that a web page puts
   between the characters of a word: folded away, so that 巡<U+200B>回检察
   is 巡回检察.  One that a cluster holds (the joiner of an emoji
   sequence, a variation selector) goes with its cluster.  */
static int
is_fold_invisible (ucs4_t uc)
{
  return uc >= 0xa0 && uc_is_general_category (uc, UC_CATEGORY_Cf)
    && uc_is_property_default_ignorable_code_point (uc);
}

/* Does UC, at P of S, start a grapheme cluster?  The copy of runs
   above ends a run of ideographs before a joiner that belongs to its
   last one, which must fold as it does inside the cluster.  */
static int
starts_cluster (const uint8_t *s, const uint8_t *p, ucs4_t uc)
{
  ucs4_t prev;
  return p == s || u8_prev (&prev, p, s) == NULL
    || uc_is_grapheme_break (prev, uc);
}

/* A Latin letter with marks folds to the letter (é, ǎ, ü, ñ to e, a, u,
   n), as pinyin is typed with tones or without and a name with accents
   or without: R (*LEN bytes, one cluster folded) is rewritten in place
   when it is a Latin letter with marks and nothing else.  */
static void
strip_latin_marks (uint8_t *r, size_t *len)
{
  ucs4_t first;
  if (*len < 2 || u8_mbtouc (&first, r, *len) < 1
      || !((first >= 0xc0 && first <= 0x24f) || (first >= 0x1e00
                                                   && first <= 0x1eff)
           || (first < 0x80 && ((first | 0x20) >= 'a'
                                && (first | 0x20) <= 'z'))))
    return;
  size_t dlen = 0;
  uint8_t *d = u8_normalize (UNINORM_NFD, r, *len, NULL, &dlen);
  if (d == NULL)
    return;
  int ok = dlen >= 2 && d[0] >= 'a' && d[0] <= 'z';
  for (size_t i = 1; ok && i < dlen;)
    {
      ucs4_t uc;
      int k = u8_mbtouc (&uc, d + i, dlen - i);
      ok = k > 0 && uc_is_general_category (uc, UC_CATEGORY_Mn);
      i += k > 0 ? (size_t) k : 1;
    }
  if (ok)
    {
      r[0] = d[0];
      *len = 1;
    }
  free (d);
}

struct fold_out
{
  struct buf b;
  uint32_t *start, *end;
  size_t start_alloc, end_alloc;
  int map;
};

static void
fold_emit (struct fold_out *o, const void *data, size_t n, size_t from,
           size_t to)
{
  size_t before = o->b.len;
  buf_add (&o->b, data, n);
  if (!o->map)
    return;
  o->start = xgrow (o->start, &o->start_alloc, o->b.len + 1,
                    sizeof *o->start);
  o->end = xgrow (o->end, &o->end_alloc, o->b.len + 1, sizeof *o->end);
  for (size_t i = before; i < o->b.len; i++)
    {
      o->start[i] = (uint32_t) from;
      o->end[i] = (uint32_t) to;
    }
}

#if HAVE_OPENCC
# ifdef OPENCC_SONAME
/* OpenCC is opened when first needed (see configure.ac): the four
   functions used, found in it.  */
static opencc_t (*cc_open) (const char *);
static char *(*cc_convert) (opencc_t, const char *, size_t);
static void (*cc_free) (char *);
static int (*cc_close) (opencc_t);
static int cc_tried, cc_loaded;

static int
cc_load (void)
{
  if (!cc_tried)
    {
      cc_tried = 1;
      /* Never closed: its C++ runtime keeps state until exit.  */
      void *lib = dlopen (OPENCC_SONAME, RTLD_NOW | RTLD_LOCAL);
      void *sym[4] = { NULL };
      static const char *const names[4] = {
        "opencc_open", "opencc_convert_utf8", "opencc_convert_utf8_free",
        "opencc_close"
      };
      int found = lib != NULL;
      for (int i = 0; found && i < 4; i++)
        found = (sym[i] = dlsym (lib, names[i])) != NULL;
      if (found)
        {
          /* (ISO C has no cast from an object pointer to a function.)  */
          memcpy (&cc_open, &sym[0], sizeof cc_open);
          memcpy (&cc_convert, &sym[1], sizeof cc_convert);
          memcpy (&cc_free, &sym[2], sizeof cc_free);
          memcpy (&cc_close, &sym[3], sizeof cc_close);
          cc_loaded = 1;
        }
    }
  return cc_loaded;
}
# else
#  define cc_open opencc_open
#  define cc_convert opencc_convert_utf8
#  define cc_free opencc_convert_utf8_free
#  define cc_close opencc_close
#  define cc_load() 1
# endif

static opencc_t t2s = (opencc_t) -1;
static int t2s_tried;
/* What t2s does to each ideograph of U+3400-U+FAFF, learnt one character
   at a time as text shows them (2 bits: unknown, unchanged, changed):
   text without a changing character needs no conversion, which spares
   OpenCC almost all of the (simplified) case text, and a run that meets
   few characters asks OpenCC about few.  */
#define T2S_LO 0x3400
#define T2S_HI 0xfb00
enum { T2S_UNKNOWN, T2S_SAME, T2S_CHANGES };
/* Folding runs in two threads while an index is built (index.c): what
   is learnt, the converter and the memory are used under T2S_LOCK; a
   state already learnt is read without it.  */
static _Atomic unsigned char t2s_state[T2S_HI - T2S_LO];
static pthread_mutex_t t2s_lock = PTHREAD_MUTEX_INITIALIZER;
/* What was learnt is remembered in a file across runs (see
   norm_t2s_memory): opening OpenCC costs more than a search with the
   cache, and simplified text never needs it.  */
static char *t2s_memory_path;
static uint64_t t2s_memory_key;
static int t2s_learnt;          /* since the memory was read */
/* The memory is read when a character is first met whose state is not
   known: a search in English, or in text learnt already, never reads
   the table (50 KB, its checksum and the states it sets: most of a
   millisecond of every search).  */
static int t2s_memory_pending;
# ifdef OPENCC_T2S_CONFIG
static void t2s_memory_read (void);
# endif

static opencc_t
get_t2s (void)
{
  if (!t2s_tried)
    {
      t2s_tried = 1;
      t2s = cc_load () ? cc_open ("t2s.json") : (opencc_t) -1;
    }
  return t2s;
}

static unsigned char
t2s_get_state (size_t i)
{
  return atomic_load_explicit (&t2s_state[i], memory_order_relaxed);
}

static void
t2s_set_state (size_t i, unsigned char v)
{
  atomic_store_explicit (&t2s_state[i], v, memory_order_relaxed);
}

static int
char_changes (ucs4_t uc)
{
  size_t i = uc - T2S_LO;
  unsigned char st = t2s_get_state (i);
  if (st == T2S_UNKNOWN)
    {
      pthread_mutex_lock (&t2s_lock);
# ifdef OPENCC_T2S_CONFIG
      if (t2s_memory_pending)
        t2s_memory_read ();
# endif
      st = t2s_get_state (i);
      opencc_t cc = st == T2S_UNKNOWN ? get_t2s () : (opencc_t) -1;
      if (st == T2S_UNKNOWN && cc != (opencc_t) -1)
        {
          uint8_t tmp[8];
          int n = u8_uctomb (tmp, uc, sizeof tmp);
          char *conv = cc_convert (cc, (const char *) tmp, (size_t) n);
          st = conv && (strlen (conv) != (size_t) n
                        || memcmp (conv, tmp, (size_t) n))
            ? T2S_CHANGES : T2S_SAME;
          if (conv)
            cc_free (conv);
          t2s_set_state (i, st);
          t2s_learnt = 1;
        }
      pthread_mutex_unlock (&t2s_lock);
      /* No converter: nothing can be converted anyway.  */
    }
  return st == T2S_CHANGES;
}

int
norm_fold_keeps_ideograph (uint32_t uc)
{
  /* Compatibility ideographs (U+F900 on) change under NFKC.  */
  if (uc < 0x3400 || uc >= 0xa000 || (uc >= 0x4dc0 && uc < 0x4e00))
    return 0;
#if HAVE_OPENCC
  return !char_changes (uc);
#else
  return 1;
#endif
}

/* Does S hold a character that t2s would change?  */
static int
needs_t2s (const char *s, size_t len)
{
  const uint8_t *p = (const uint8_t *) s, *e = p + len;
  while (p < e)
    {
      if (*p < 0xe3)
        {
          p += *p < 0x80 ? 1 : *p < 0xe0 ? 2 : 3;
          continue;
        }
      ucs4_t uc;
      int n = u8_mbtouc (&uc, p, (size_t) (e - p));
      if (uc >= T2S_LO && uc < T2S_HI ? char_changes (uc) : uc >= 0x20000)
        return 1;
      p += n;
    }
  return 0;
}
#endif

#define T2S_MAGIC "CBT2S001"

/* The memory file: magic, key, a state byte per character, checksum.  */
void
norm_t2s_memory (const char *path)
{
#if HAVE_OPENCC && defined OPENCC_T2S_CONFIG
  pthread_mutex_lock (&t2s_lock);
  free (t2s_memory_path);
  t2s_memory_path = NULL;
  t2s_learnt = 0;
  t2s_memory_pending = 0;
  struct stat st;
  if (path != NULL && stat (OPENCC_T2S_CONFIG, &st) == 0)
    {
      /* What t2s does changes with OpenCC's data, which is installed
         (and replaced) as a whole with its configuration.  */
      uint64_t v[5] = { (uint64_t) st.st_size, (uint64_t) st.st_mtim.tv_sec,
                        (uint64_t) st.st_mtim.tv_nsec, (uint64_t) st.st_ino,
                        (uint64_t) st.st_ctim.tv_nsec };
      t2s_memory_key = util_hash (0, v, sizeof v);
      t2s_memory_path = xstrdup (path);
      t2s_memory_pending = 1;
    }
  pthread_mutex_unlock (&t2s_lock);
#else
  (void) path;
#endif
}

#if HAVE_OPENCC && defined OPENCC_T2S_CONFIG
/* Read the memory norm_t2s_memory named: the states it knows that are
   not known yet.  Called with T2S_LOCK held.  */
static void
t2s_memory_read (void)
{
  t2s_memory_pending = 0;
  size_t len;
  size_t n = T2S_HI - T2S_LO, body = 8 + sizeof (uint64_t) + n;
  /* No more than the table's size is read: a larger file is not one.  */
  char *data = util_read_regular (t2s_memory_path, body + sizeof (uint64_t),
                                  &len);
  /* Each page of the table is written before it is read.  A page of
     zeros read first is the system's one page of zeros, mapped
     read-only; written then, it is copied, and every processor running
     a thread of this process must drop its mapping: an interrupt
     between processors for each page, 0.3 ms of a search that reads
     the memory, on the 2-processor virtual machine measured.  Written
     first, a page is given at once.  (The page of the character that
     asked is read already.)  */
  long page = sysconf (_SC_PAGESIZE);
  if (page > 0 && data)
    for (uintptr_t at = (uintptr_t) t2s_state;
         at < (uintptr_t) (t2s_state + n);
         at = (at | ((uintptr_t) page - 1)) + 1)
      atomic_fetch_or_explicit ((_Atomic unsigned char *) at, 0,
                                memory_order_relaxed);
  uint64_t key, sum;
  if (data && len == body + sizeof sum)
    {
      memcpy (&key, data + 8, sizeof key);
      memcpy (&sum, data + body, sizeof sum);
      const unsigned char *states = (const unsigned char *) data + 8 + sizeof key;
      if (memcmp (data, T2S_MAGIC, 8) == 0 && key == t2s_memory_key
          && util_hash (0, data, body) == sum
          && memchr (states, T2S_CHANGES + 1, n) == NULL)
        for (size_t i = 0; i < n; i++)
          if (t2s_get_state (i) == T2S_UNKNOWN && states[i] <= T2S_CHANGES)
            t2s_set_state (i, states[i]);
    }
  free (data);
}
#endif

int
norm_t2s_memory_save (void)
{
#if HAVE_OPENCC && defined OPENCC_T2S_CONFIG
  if (t2s_memory_path == NULL || !t2s_learnt)
    return 0;
  size_t n = T2S_HI - T2S_LO, body = 8 + sizeof (uint64_t) + n;
  char *data = xmalloc (body + sizeof (uint64_t));
  memcpy (data, T2S_MAGIC, 8);
  memcpy (data + 8, &t2s_memory_key, sizeof t2s_memory_key);
  unsigned char *states = (unsigned char *) data + 8 + sizeof t2s_memory_key;
  for (size_t i = 0; i < n; i++)
    states[i] = t2s_get_state (i);
  uint64_t sum = util_hash (0, data, body);
  memcpy (data + body, &sum, sizeof sum);
  int rc = util_write_atomic (t2s_memory_path, data, body + sizeof sum);
  if (rc != 0 && errno == ENOENT)
    {
      /* The first thing written to the cache directory.  */
      char *dir = xstrdup (t2s_memory_path);
      char *slash = strrchr (dir, '/');
      if (slash && slash != dir)
        {
          *slash = '\0';
          if (util_mkdir_p (dir) == 0)
            rc = util_write_atomic (t2s_memory_path, data, body + sizeof sum);
        }
      free (dir);
    }
  free (data);
  if (rc == 0)
    t2s_learnt = 0;
  return rc;
#else
  return 0;
#endif
}

int
norm_has_opencc (void)
{
#if HAVE_OPENCC
  pthread_mutex_lock (&t2s_lock);
  int have = get_t2s () != (opencc_t) -1;
  pthread_mutex_unlock (&t2s_lock);
  return have;
#else
  return 0;
#endif
}

#if HAVE_OPENCC
/* Convert the folded text to simplified Chinese in place, keeping the map:
   t2s keeps the code-point count of every entry, so the Nth code point of
   the result comes from the Nth of the input.  */
static void
fold_t2s (struct fold_out *o)
{
  if (o->b.len == 0 || !needs_t2s (o->b.data, o->b.len))
    return;                     /* (an empty fold has no buffer at all) */
  pthread_mutex_lock (&t2s_lock);
  opencc_t cc = get_t2s ();
  char *conv = cc == (opencc_t) -1 ? NULL
    : cc_convert (cc, o->b.data, o->b.len);
  pthread_mutex_unlock (&t2s_lock);
  if (conv == NULL)
    return;
  size_t clen = strlen (conv);
  if (clen == o->b.len && memcmp (conv, o->b.data, clen) == 0)
    {
      cc_free (conv);
      return;
    }
  if (u8_mbsnlen ((const uint8_t *) conv, clen)
      != u8_mbsnlen ((const uint8_t *) o->b.data, o->b.len))
    {
      cc_free (conv);
      return;                   /* cannot map: keep the unconverted text */
    }
  struct fold_out n = { .map = o->map };
  const uint8_t *p = (const uint8_t *) o->b.data, *pe = p + o->b.len;
  const uint8_t *q = (const uint8_t *) conv, *qe = q + clen;
  while (p < pe && q < qe)
    {
      int a = u8_mblen (p, (size_t) (pe - p));
      int c = u8_mblen (q, (size_t) (qe - q));
      size_t i = (size_t) (p - (const uint8_t *) o->b.data);
      fold_emit (&n, q, (size_t) c, o->map ? o->start[i] : 0,
                 o->map ? o->end[i + (size_t) a - 1] : 0);
      p += a;
      q += c;
    }
  cc_free (conv);
  buf_free (&o->b);
  free (o->start);
  free (o->end);
  *o = n;
}
#endif

void
norm_fold (const char *s, size_t len, int map, struct folded *f)
{
  struct fold_out o = { .map = map };
  const uint8_t *p = (const uint8_t *) s, *e = p + len;
  int last_space = 1;           /* drop leading white space */
  size_t last_space_at = 0;
  uint8_t tmp[64];
  if (!map)
    o.b.data = xgrow (o.b.data, &o.b.alloc, len + 1, 1);  /* usually enough */
  while (p < e)
    {
      size_t off = (size_t) (p - (const uint8_t *) s);
      if (!map)
        {
          /* Without a map, copy whole runs of plain ASCII and of
             ideographs (which fold to themselves) at once.  */
          const uint8_t *r = p;
          if (*r >= 0xe4 && *r <= 0xe9)
            {
              while (r + 2 < e && *r >= 0xe4 && *r <= 0xe9
                     && (r[1] & 0xc0) == 0x80 && (r[2] & 0xc0) == 0x80
                     && !(r + 3 < e && *(r + 3) == 0xef))  /* variation selector next */
                r += 3;
            }
          else
            while (r < e && *r > ' ' && *r < 0x80)
              r++;
          if (r < e && *r >= 0x80 && r > p && *p < 0x80)
            r--;                /* a combining mark may follow: leave it */
          if (r - p > 1)
            {
              size_t n = (size_t) (r - p), at = o.b.len;
              buf_add (&o.b, p, n);
              if (*p < 0x80)
                for (size_t i = at; i < o.b.len; i++)
                  if (o.b.data[i] >= 'A' && o.b.data[i] <= 'Z')
                    o.b.data[i] = (char) (o.b.data[i] + 32);
              last_space = 0;
              p = r;
              continue;
            }
        }
      if (*p < 0x80)
        {
          uint8_t c = *p;
          if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            {
              if (!last_space)
                {
                  fold_emit (&o, " ", 1, off, off + 1);
                  last_space = 1;
                  last_space_at = o.b.len;
                }
              p++;
              continue;
            }
          /* A combining mark after ASCII makes a longer cluster: let the
             general path handle it.  */
          if (p + 1 >= e || p[1] < 0x80)
            {
              if (c >= 'A' && c <= 'Z')
                c = (uint8_t) (c + 32);
              fold_emit (&o, &c, 1, off, off + 1);
              last_space = 0;
              p++;
              continue;
            }
        }
      const uint8_t *next = u8_grapheme_next (p, e);
      if (next == NULL || next <= p)
        next = p + 1;
      size_t n = (size_t) (next - p);
      ucs4_t uc;
      u8_mbtouc (&uc, p, n);
      if (n <= 4 && u8_mblen (p, n) == (int) n
          && uc >= 0x4e00 && uc <= 0x9fff)
        {
          fold_emit (&o, p, n, off, off + n);   /* ideographs fold to themselves */
          last_space = 0;
        }
      else if (u8_mblen (p, n) == (int) n && is_fold_invisible (uc)
               && starts_cluster ((const uint8_t *) s, p, uc))
        ;                       /* typed or pasted, never seen: no break */
      else if (u8_mblen (p, n) == (int) n && is_fold_space (uc))
        {
          if (!last_space)
            {
              fold_emit (&o, " ", 1, off, off + n);
              last_space = 1;
              last_space_at = o.b.len;
            }
        }
      else
        {
          size_t outlen = sizeof tmp;
          uint8_t *r = u8_casefold (p, n, NULL, UNINORM_NFKC, tmp, &outlen);
          if (r == NULL)
            {
              r = tmp;
              memcpy (tmp, p, n < sizeof tmp ? n : sizeof tmp);
              outlen = n < sizeof tmp ? n : sizeof tmp;
            }
          strip_latin_marks (r, &outlen);
          /* NFKC can produce spaces (U+2002 and friends): fold them.  */
          size_t k = 0;
          while (k < outlen)
            {
              if (r[k] == ' ')
                {
                  if (!last_space)
                    {
                      fold_emit (&o, " ", 1, off, off + n);
                      last_space = 1;
                      last_space_at = o.b.len;
                    }
                  k++;
                  continue;
                }
              size_t j = k;
              while (j < outlen && r[j] != ' ')
                j++;
              fold_emit (&o, r + k, j - k, off, off + n);
              last_space = 0;
              k = j;
            }
          if (r != tmp)
            free (r);
        }
      p = next;
    }
  if (last_space && o.b.len > 0 && last_space_at == o.b.len)
    o.b.len--;                  /* drop one trailing space */
  if (o.b.data)
    o.b.data[o.b.len] = '\0';
#if HAVE_OPENCC
  fold_t2s (&o);
#endif
  f->len = o.b.len;
  f->str = buf_steal (&o.b);
  f->start = o.start;
  f->end = o.end;
}

void
norm_folded_free (struct folded *f)
{
  free (f->str);
  free (f->start);
  free (f->end);
  memset (f, 0, sizeof *f);
}

char *
norm_fold_string (const char *s, size_t len)
{
  struct folded f;
  norm_fold (s, len, 0, &f);
  return f.str;
}

char *
norm_nfkc_string (const char *s)
{
  size_t len = strlen (s), outlen;
  if (u8_check ((const uint8_t *) s, len) != NULL)
    return xstrdup (s);
  uint8_t *r = u8_normalize (UNINORM_NFKC, (const uint8_t *) s, len, NULL,
                             &outlen);
  if (r == NULL)
    return xstrdup (s);
  char *out = xstrndup ((const char *) r, outlen);
  free (r);
  return out;
}

#if HAVE_OPENCC
/* The converter for display, kept open for the configuration last used.  */
static opencc_t display_cc = (opencc_t) -1;
static char *display_config;
#endif

char *
norm_to_traditional (const char *s, size_t len, const char *config)
{
#if HAVE_OPENCC
  if (display_config == NULL || strcmp (display_config, config) != 0)
    {
      if (display_cc != (opencc_t) -1)
        cc_close (display_cc);
      free (display_config);
      display_config = xstrdup (config);
      /* Folding may be loading OpenCC in another thread.  */
      pthread_mutex_lock (&t2s_lock);
      int loaded = cc_load ();
      pthread_mutex_unlock (&t2s_lock);
      display_cc = loaded ? cc_open (config) : (opencc_t) -1;
    }
  if (display_cc == (opencc_t) -1)
    return NULL;
  char *r = cc_convert (display_cc, s, len);
  char *copy = r ? xstrdup (r) : NULL;
  if (r)
    cc_free (r);
  return copy;
#else
  (void) s;
  (void) len;
  (void) config;
  return NULL;
#endif
}

#if HAVE_OPENCC
static opencc_t taiwan_cc = (opencc_t) -1;
static int taiwan_tried;
#endif

char *
norm_taiwan_words (const char *s, size_t len)
{
#if HAVE_OPENCC
  /* Only a query with traditional characters: opening a converter
     costs more than a search.  */
  if (!needs_t2s (s, len))
    return NULL;
  /* Queries may be read in more than one thread (the browser's).  */
  pthread_mutex_lock (&t2s_lock);
  if (!taiwan_tried)
    {
      taiwan_tried = 1;
      taiwan_cc = cc_load () ? cc_open ("tw2sp.json") : (opencc_t) -1;
    }
  char *r = taiwan_cc == (opencc_t) -1 ? NULL
    : cc_convert (taiwan_cc, s, len);
  pthread_mutex_unlock (&t2s_lock);
  if (r == NULL)
    return NULL;
  char *conv = norm_fold_string (r, strlen (r));
  cc_free (r);
  char *folded = norm_fold_string (s, len);
  int same = strcmp (conv, folded) == 0;
  free (folded);
  if (same)
    {
      free (conv);
      return NULL;
    }
  return conv;
#else
  (void) s;
  (void) len;
  return NULL;
#endif
}

void
norm_cleanup (void)
{
#if HAVE_OPENCC
  if (taiwan_cc != (opencc_t) -1)
    cc_close (taiwan_cc);
  taiwan_cc = (opencc_t) -1;
  taiwan_tried = 0;
  if (t2s != (opencc_t) -1)
    cc_close (t2s);
  t2s = (opencc_t) -1;
  t2s_tried = 0;
  for (size_t i = 0; i < T2S_HI - T2S_LO; i++)
    t2s_set_state (i, T2S_UNKNOWN);
  free (t2s_memory_path);
  t2s_memory_path = NULL;
  t2s_learnt = 0;
  t2s_memory_pending = 0;
  if (display_cc != (opencc_t) -1)
    cc_close (display_cc);
  display_cc = (opencc_t) -1;
  free (display_config);
  display_config = NULL;
#endif
}

char *
norm_to_traditional_mapped (const char *s, size_t len, const char *config,
                            size_t **to_s, size_t **to_conv)
{
  char *conv = norm_to_traditional (s, len, config);
  if (conv == NULL)
    return NULL;
  size_t clen = strlen (conv);
  if (u8_mbsnlen ((const uint8_t *) conv, clen)
      != u8_mbsnlen ((const uint8_t *) s, len))
    {
      free (conv);
      return NULL;
    }
  size_t *ms = to_s ? xmalloc ((clen + 1) * sizeof *ms) : NULL;
  size_t *mc = to_conv ? xmalloc ((len + 1) * sizeof *mc) : NULL;
  const uint8_t *p = (const uint8_t *) s, *q = (const uint8_t *) conv;
  size_t pi = 0, qi = 0;
  while (pi < len || qi < clen)
    {
      int a = pi < len ? u8_mblen (p + pi, len - pi) : 0;
      int b = qi < clen ? u8_mblen (q + qi, clen - qi) : 0;
      if (a < 1 && pi < len)
        a = 1;
      if (b < 1 && qi < clen)
        b = 1;
      for (int k = 0; ms && k < b; k++)
        ms[qi + (size_t) k] = pi < len ? pi : len;
      for (int k = 0; mc && k < a; k++)
        mc[pi + (size_t) k] = qi < clen ? qi : clen;
      pi += (size_t) a;
      qi += (size_t) b;
    }
  if (ms)
    ms[clen] = len;
  if (mc)
    mc[len] = clen;
  if (to_s)
    *to_s = ms;
  if (to_conv)
    *to_conv = mc;
  return conv;
}

const char *
norm_traditional_note (void)
{
  return _("The Chinese is in traditional script: OpenCC's conversion of "
           "the release's simplified text, not its wording.");
}
