/* query.c -- parsing and compiling search queries.  */

#include <config.h>
#include "query.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unistr.h>

#include "analyze.h"
#include "i18n.h"
#include "norm.h"
#include "oldnames.h"
#include "regex_error.h"
#include "util.h"

static void
add_alt (struct term *t, const char *folded)
{
  if (*folded == '\0')
    return;
  for (size_t i = 0; i < t->nalts; i++)
    if (strcmp (t->alts[i], folded) == 0)
      return;
  t->alts = xrealloc (t->alts, (t->nalts + 1) * sizeof *t->alts);
  t->alt_needs = xrealloc (t->alt_needs, t->nalts + 1);
  unsigned char needs = 0;
  for (const unsigned char *p = (const unsigned char *) folded; *p; p++)
    needs |= *p >= 0x80 ? QUERY_NEEDS_NONASCII
      : (*p >= 'a' && *p <= 'z') ? QUERY_NEEDS_LETTER : 0;
  t->alt_needs[t->nalts] = needs;
  t->alts[t->nalts++] = xstrdup (folded);
}

static int
folded_equal (const char *a, const char *folded)
{
  char *f = norm_fold_string (a, strlen (a));
  int r = strcmp (f, folded) == 0;
  free (f);
  return r;
}

/* Form I of entry E in L: its term, then its variants, then its
   synonyms (I < 1 + nvariants + nsynonyms).  */
static const char *
entry_form (const struct glossary_entry *e, int l, size_t i)
{
  if (i == 0)
    return e->term[l];
  if (i <= e->nvariants[l])
    return e->variants[l][i - 1];
  return e->synonyms[l][i - 1 - e->nvariants[l]];
}

/* Add every form of entry E to T, folded.  */
static void
add_entry_forms (struct term *t, const struct glossary_entry *e)
{
  for (int l = 0; l < LANG_COUNT; l++)
    for (size_t v = 0; v < 1 + e->nvariants[l] + e->nsynonyms[l]; v++)
      {
        const char *form = entry_form (e, l, v);
        char *f = norm_fold_string (form, strlen (form));
        add_alt (t, f);
        free (f);
      }
}

int
query_gloss_key_compare (const void *a, const void *b)
{
  const struct gloss_key *x = a, *y = b;
  int c = strcmp (x->key, y->key);
  if (c)
    return c;
  return x->entry < y->entry ? -1 : x->entry > y->entry;
}

struct gloss_key *
query_glossary_folds (const struct glossary *g, size_t *n)
{
  struct gloss_key *v = NULL;
  size_t alloc = 0;
  *n = 0;
  for (size_t i = 0; g && i < g->count; i++)
    {
      const struct glossary_entry *e = &g->entries[i];
      for (int l = 0; l < LANG_COUNT; l++)
        for (size_t k = 0; k < 1 + e->nvariants[l] + e->nsynonyms[l]; k++)
          {
            const char *form = entry_form (e, l, k);
            if (form == NULL)
              continue;
            v = xgrow (v, &alloc, *n + 1, sizeof *v);
            v[(*n)++] = (struct gloss_key) {
              norm_fold_string (form, strlen (form)), i };
          }
    }
  if (*n > 1)
    qsort (v, *n, sizeof *v, query_gloss_key_compare);
  return v;
}

/* Add the glossary's renderings of FOLDED to T: every form of every entry
   that has FOLDED as a form, entries in their order.  */
static void
expand_glossary (struct term *t, const char *folded,
                 const struct query_options *opt)
{
  const struct glossary *g = opt->glossary;
  if (g == NULL)
    return;
  if (opt->folds == NULL)
    {
      for (size_t i = 0; i < g->count; i++)
        {
          const struct glossary_entry *e = &g->entries[i];
          int hit = 0;
          for (int l = 0; l < LANG_COUNT && !hit; l++)
            for (size_t v = 0; v < 1 + e->nvariants[l] + e->nsynonyms[l]
                   && !hit; v++)
              hit = folded_equal (entry_form (e, l, v), folded);
          if (hit)
            add_entry_forms (t, e);
        }
      return;
    }
  /* The first form that folds to FOLDED; those after it that do are
     of the same or later entries.  */
  size_t lo = 0, hi = opt->nfolds;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (strcmp (opt->folds[mid].key, folded) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  size_t last = SIZE_MAX;
  for (size_t i = lo; i < opt->nfolds
         && strcmp (opt->folds[i].key, folded) == 0; i++)
    if (opt->folds[i].entry != last && opt->folds[i].entry < g->count)
      {
        last = opt->folds[i].entry;
        add_entry_forms (t, &g->entries[last]);
      }
}

/* Is UC an ideograph or another letter of a script written without
   spaces (kana, hangul)?  */
static int
unspaced_letter (ucs4_t uc)
{
  return norm_is_cjk (uc) && uc_is_alnum (uc);
}

/* Does UC stand between two words of Chinese only to join or part them,
   as white space, a hyphen, a dot, a slash or a zero-width joiner?  */
static int
cjk_joiner (ucs4_t uc)
{
  return uc_is_space (uc) || uc == '-' || uc == '.' || uc == '/'
    || uc == 0x200d || uc == 0x2060;
}

/* FOLDED without what it has between two ideographs to join or part
   them ("巡回 检察", "公益-诉讼", "巡回.检察"), else NULL: Chinese is written
   without spaces, and a space typed between its words inside quotes, or
   a hyphen, would otherwise ask for text that has one there too, which
   almost none has.  Caller frees.  */
static char *
without_cjk_spaces (const char *folded)
{
  const uint8_t *p = (const uint8_t *) folded;
  size_t len = strlen (folded);
  struct buf b = { 0 };
  int dropped = 0;
  ucs4_t prev = 0;
  for (size_t i = 0; i < len;)
    {
      ucs4_t uc;
      int n = u8_mbtouc (&uc, p + i, len - i);
      if (n <= 0)
        n = 1;
      if (cjk_joiner (uc) && unspaced_letter (prev))
        {
          /* The run of them, and what follows it.  */
          size_t j = (size_t) n + i;
          ucs4_t next = 0;
          while (j < len)
            {
              int k = u8_mbtouc (&next, p + j, len - j);
              if (k <= 0 || !cjk_joiner (next))
                break;
              j += (size_t) k;
            }
          if (j < len && unspaced_letter (next))
            {
              dropped = 1;
              i = j;
              continue;
            }
        }
      buf_add (&b, p + i, (size_t) n);
      prev = uc;
      i += (size_t) n;
    }
  buf_adds (&b, "");
  if (!dropped)
    {
      buf_free (&b);
      return NULL;
    }
  return buf_steal (&b);
}

/* The length of the apostrophe at C that divides syllables of pinyin
   (xi'an, Hulunbei'er: one before a, e or o, ASCII or typographic), or
   0.  */
static size_t
pinyin_apostrophe (const char *c)
{
  size_t n = *c == '\'' ? 1 : strncmp (c, "\xe2\x80\x99", 3) == 0 ? 3 : 0;
  return n && c[n] && strchr ("aeo", c[n]) ? n : 0;
}

/* FOLDED without its hyphens when it is words of ASCII letters (and
   digits) joined by them ("zhang-jiagang"), as one word is often written
   either way, or without the apostrophes that divide its pinyin
   ("hulunbei'er"): else NULL.  Not numbers ("3-5" is not 35).  Caller
   frees.  */
static char *
without_hyphens (const char *folded)
{
  if ((strchr (folded, '-') == NULL && strchr (folded, '\'') == NULL
       && strstr (folded, "\xe2\x80\x99") == NULL)
      || !util_ascii_alnum ((unsigned char) folded[0]))
    return NULL;
  char *w = xmalloc (strlen (folded) + 1), *o = w;
  int letter = 0;
  for (const char *c = folded; *c; c++)
    {
      if (util_ascii_alnum ((unsigned char) *c))
        {
          letter |= !(*c >= '0' && *c <= '9');
          *o++ = *c;
          continue;
        }
      /* Each part has a letter, and one hyphen ends it.  */
      size_t apostrophe = letter ? pinyin_apostrophe (c) : 0;
      if (apostrophe)
        {
          c += apostrophe - 1;
          continue;             /* a syllable begins: one word still */
        }
      if (*c != '-' || !letter || !util_ascii_alnum ((unsigned char) c[1]))
        {
          free (w);
          return NULL;
        }
      letter = 0;
    }
  *o = '\0';
  if (!letter)
    {
      free (w);
      return NULL;
    }
  return w;
}

/* The bytes of the first character of S (LEN bytes) as it is drawn: a
   grapheme, with what emoji join into one picture, which the grapheme
   rules of an older libunistring leave apart (a flag's two regional
   indicators, people joined by ZWJ, a skin tone, a keycap).  */
static size_t
drawn_length (const char *s, size_t len)
{
  const uint8_t *p = (const uint8_t *) s;
  const uint8_t *g = u8_grapheme_next (p, p + len);
  size_t k = g ? (size_t) (g - p) : len;
  ucs4_t first, prev;
  int n = u8_mbtouc (&first, p, len);
  if (n <= 0)
    return k ? k : 1;
  size_t at = (size_t) n;
  prev = first;
  int flags = first >= 0x1f1e6 && first <= 0x1f1ff;
  while (at < len)
    {
      ucs4_t c;
      int m = u8_mbtouc (&c, p + at, len - at);
      if (m <= 0)
        break;
      int joins = c == 0x200d || (c >= 0xfe00 && c <= 0xfe0f)
        || (c >= 0x1f3fb && c <= 0x1f3ff) || (c >= 0xe0020 && c <= 0xe007f)
        || c == 0x20e3
        || (prev == 0x200d && uc_is_property_extended_pictographic (c))
        || (flags == 1 && c >= 0x1f1e6 && c <= 0x1f1ff);
      if (!joins)
        break;
      flags += c >= 0x1f1e6 && c <= 0x1f1ff;
      prev = c;
      at += (size_t) m;
    }
  return at > k ? at : k;
}

/* Skip from *P past the first of the characters in ENDS, or to the end
   of the string.  */
static void
skip_past (const char **p, const char *ends)
{
  while (**p && strchr (ends, **p) == NULL)
    ++*p;
  if (**p)
    ++*p;
}

/* Does the regex S have an upper-case letter to match?  The letters of
   its syntax are not such letters: an escape (\S, \B, \p{Han},
   \x{4E}, \k<Name>), a group's name ((?<Name>...)), a verb ((*UTF));
   what \Q...\E quotes is.  */
static int
has_upper (const char *s)
{
  const char *p = s;
  while (*p)
    {
      if (p[0] == '\\' && p[1] == 'Q')
        {
          for (p += 2; *p && !(p[0] == '\\' && p[1] == 'E'); p++)
            if (*p >= 'A' && *p <= 'Z')
              return 1;
          continue;
        }
      if (p[0] == '\\' && p[1] != '\0')
        {
          char c = p[1];
          p += 2;
          if (*p == '{' && strchr ("pPxoNgk", c))
            skip_past (&p, "}");
          else if ((*p == '<' || *p == '\'') && (c == 'k' || c == 'g'))
            skip_past (&p, ">'");
          else if (c == 'c' && *p)
            p++;                /* \cX, a control character */
          else if (c == 'x')
            for (int k = 0; k < 2 && *p
                   && strchr ("0123456789abcdefABCDEF", *p); k++)
              p++;              /* \x4E */
          continue;
        }
      if (p[0] == '(' && p[1] == '*')
        {
          skip_past (&p, ")");
          continue;
        }
      if (p[0] == '(' && p[1] == '?')
        {
          const char *n = p + 2;
          if (*n == 'P' && (n[1] == '<' || n[1] == '=' || n[1] == '>'))
            n += 2;
          else if ((*n == '<' && n[1] != '=' && n[1] != '!') || *n == '\''
                   || *n == '&')
            n += 1;
          else
            {
              p += 2;
              continue;
            }
          p = n;
          skip_past (&p, ">')");
          continue;
        }
      if (*p >= 'A' && *p <= 'Z')
        return 1;
      p++;
    }
  return 0;
}

static pcre2_code *
compile_regex (const char *pattern, size_t len, size_t base_offset,
               struct query_error *err)
{
  int errcode;
  PCRE2_SIZE erroff;
  /* \C matches one byte, which could end a hit inside a character.
     PCRE2_MATCH_INVALID_UTF makes matching safe on any bytes (invalid
     UTF-8 never matches): the search cache's original texts are not
     checked before PCRE2 reads them, their checksum only says they are
     what was written.  */
  uint32_t flags = PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C
    | PCRE2_MATCH_INVALID_UTF;
  char *copy = xstrndup (pattern, len);
  if (!has_upper (copy))
    flags |= PCRE2_CASELESS;
  free (copy);
  pcre2_code *re = pcre2_compile ((PCRE2_SPTR) pattern, len, flags,
                                  &errcode, &erroff, NULL);
  if (re == NULL)
    {
      char *msg = regex_error_message (errcode);
      err->message = xasprintf (_("invalid regular expression: %s"), msg);
      free (msg);
      err->offset = base_offset + erroff;
      return NULL;
    }
  /* A pattern that matches an empty string (x*, ^, a?) matches at
     every place of every text, with no hit to show.  PCRE2's lower
     bound on a match's length may be 0 for one that cannot (X|(?!)):
     the empty text decides.  */
  uint32_t minlen = 1;
  int empty = 0;
  if (pcre2_pattern_info (re, PCRE2_INFO_MINLENGTH, &minlen) == 0
      && minlen == 0)
    {
      pcre2_match_data *md = pcre2_match_data_create (1, NULL);
      empty = md && pcre2_match (re, (PCRE2_SPTR) "", 0, 0, 0, md, NULL) >= 0;
      pcre2_match_data_free (md);
    }
  if (empty)
    {
      pcre2_code_free (re);
      err->message = xstrdup (_("this regular expression can match an empty "
                                "string, which is everywhere: make it need "
                                "a character (x+ rather than x*)"));
      err->offset = base_offset;
      return NULL;
    }
  pcre2_jit_compile (re, PCRE2_JIT_COMPLETE);  /* failure is harmless */
  return re;
}

/* Can character UC stand for itself in a caseless pattern?  Only where
   no character has case: ASCII digits and punctuation, and CJK (PCRE2
   matches 'k' with the Kelvin sign, 's' with the long s).  */
static int
caseless_safe (ucs4_t uc)
{
  if (uc < 0x80)
    return !((uc >= 'a' && uc <= 'z') || (uc >= 'A' && uc <= 'Z'));
  return (uc >= 0x2e80 && uc < 0xa000) || (uc >= 0xf900 && uc < 0xfb00)
    || (uc >= 0xff01 && uc < 0xfff0 && !(uc >= 0xff21 && uc <= 0xff3a)
        && !(uc >= 0xff41 && uc <= 0xff5a))
    || uc >= 0x20000;
}

char *
query_regex_literal (const char *pattern, size_t len)
{
  /* An alternative at the top level (a|b) makes no text required.  */
  int depth = 0;
  for (size_t i = 0; i < len; i++)
    {
      char c = pattern[i];
      if (c == '\\')
        {
          if (i + 1 < len && (pattern[i + 1] == 'Q' || pattern[i + 1] == 'E'))
            return NULL;        /* quoting: not worth following */
          i++;
        }
      else if (c == '[')
        {
          /* Skip the class: "]" first is a member, so is "[:alpha:]".  */
          i++;
          if (i < len && pattern[i] == '^')
            i++;
          if (i < len && pattern[i] == ']')
            i++;
          for (; i < len && pattern[i] != ']'; i++)
            if (pattern[i] == '\\')
              i++;
            else if (pattern[i] == '[' && i + 1 < len && pattern[i + 1] == ':')
              {
                const char *end = memmem (pattern + i + 2, len - i - 2, ":]", 2);
                if (end == NULL)
                  return NULL;
                i = (size_t) (end - pattern) + 1;
              }
        }
      else if (c == '(')
        depth++;
      else if (c == ')')
        depth--;
      else if (c == '|' && depth == 0)
        return NULL;
    }
  char *copy = xstrndup (pattern, len);
  int caseless = !has_upper (copy);
  free (copy);
  /* The characters before the first metacharacter, but not one that a
     quantifier may repeat zero times.  */
  struct buf lit = { 0 };
  size_t i = len > 0 && pattern[0] == '^' ? 1 : 0;
  while (i < len)
    {
      const char *ch = pattern + i;
      size_t clen;
      if (*ch == '\\')
        {
          /* An escaped ASCII punctuation character is itself.  */
          if (i + 1 >= len || (unsigned char) ch[1] >= 0x80
              || !strchr ("\\.^$|?*+()[]{}/-", ch[1]))
            break;
          ch++;
          clen = 1;
        }
      else if (strchr (".^$|?*+()[]{}", *ch))
        break;
      else
        {
          int n = u8_mblen ((const uint8_t *) ch, len - i);
          if (n <= 0)
            break;
          clen = (size_t) n;
        }
      ucs4_t uc;
      u8_mbtouc (&uc, (const uint8_t *) ch, clen);
      size_t next = (size_t) (ch + clen - pattern);
      char q = next < len ? pattern[next] : '\0';
      if (q == '?' || q == '*' || q == '{' || (caseless && !caseless_safe (uc)))
        break;
      buf_add (&lit, ch, clen);
      i = next;
      if (q == '+')
        break;                  /* required, but what follows is not next */
    }
  if (lit.len < 2)
    {
      buf_free (&lit);
      return NULL;
    }
  return buf_steal (&lit);
}

/* Literal alternatives of a regex: a set of texts of which every match
   of a part of the pattern begins with one.  */
#define LITERALS_MAX 16

struct litset
{
  struct buf v[LITERALS_MAX];
  size_t n;
};

static void
litset_free (struct litset *l)
{
  for (size_t i = 0; i < l->n; i++)
    buf_free (&l->v[i]);
  l->n = 0;
}

/* The set of every text of A followed by every text of B, into A.
   Returns 0 (A unchanged) when that makes too many.  */
static int
litset_product (struct litset *a, const struct litset *b)
{
  if (a->n * b->n > LITERALS_MAX || b->n == 0)
    return 0;
  struct litset out = { .n = 0 };
  for (size_t i = 0; i < a->n; i++)
    for (size_t k = 0; k < b->n; k++)
      {
        struct buf *o = &out.v[out.n++];
        memset (o, 0, sizeof *o);
        buf_add (o, a->v[i].data ? a->v[i].data : "", a->v[i].len);
        buf_add (o, b->v[k].data ? b->v[k].data : "", b->v[k].len);
      }
  litset_free (a);
  *a = out;
  return 1;
}

static void
litset_add (struct litset *l, const char *s, size_t len)
{
  for (size_t i = 0; i < l->n; i++)
    if (l->v[i].len == len && memcmp (l->v[i].data, s, len) == 0)
      return;
  struct buf *o = &l->v[l->n++];
  memset (o, 0, sizeof *o);
  buf_add (o, s, len);
}

/* Where the POSIX class ("[:alpha:]") that may begin at P[I] ('[',
   inside a class) ends: the index of its last ']', or I when it is none
   and the '[' is a member.  As PCRE2 reads it, a ']' or another "[:"
   before the ":]" makes it none ("[[:x]a:]" is the class of '[', ':'
   and 'x' with "a:]" after it).  */
static size_t
posix_class_end (const char *p, size_t len, size_t i)
{
  if (i + 1 >= len || (p[i + 1] != ':' && p[i + 1] != '.'
                       && p[i + 1] != '='))
    return i;
  char term = p[i + 1];
  for (size_t k = i + 2; k + 1 < len; k++)
    if (p[k] == '\\' && (p[k + 1] == ']' || p[k + 1] == '\\'))
      k++;
    else if ((p[k] == '[' && p[k + 1] == term) || p[k] == ']')
      return i;
    else if (p[k] == term && p[k + 1] == ']')
      return k + 1;
  return i;
}

/* Skip the class that begins at P[*K] ('['), to just after its ']':
   a ']' first is a member, so is "[:alpha:]" (posix_class_end).
   Returns 0 when it does not end.  */
static int
skip_class (const char *p, size_t len, size_t *k)
{
  size_t i = *k + 1;
  if (i < len && p[i] == '^')
    i++;
  if (i < len && p[i] == ']')
    i++;
  while (i < len && p[i] != ']')
    {
      if (p[i] == '\\')
        i++;
      else if (p[i] == '[')
        i = posix_class_end (p, len, i);
      i++;
    }
  if (i >= len)
    return 0;
  *k = i + 1;
  return 1;
}

/* Skip to the end of the branch that P[*I] is in: the next '|' or ')' at
   its level, or the end.  */
static void
skip_branch (const char *p, size_t len, size_t *i)
{
  int depth = 0;
  for (; *i < len; (*i)++)
    {
      char c = p[*i];
      if (c == '\\')
        (*i)++;
      else if (c == '[')
        {
          if (!skip_class (p, len, i))
            {
              *i = len;
              return;
            }
          (*i)--;               /* at its ']': the loop steps past it */
        }
      else if (c == '(')
        depth++;
      else if (c == ')' && depth-- == 0)
        return;
      else if (c == '|' && depth == 0)
        return;
    }
}

/* One character that stands for itself at P[*I] (a letter, or escaped
   ASCII punctuation), appended to OUT; advances *I.  Returns 0 for
   anything else.  */
static int
literal_char (const char *p, size_t len, size_t *i, int caseless,
              struct buf *out)
{
  const char *ch = p + *i;
  size_t clen;
  if (*ch == '\\')
    {
      if (*i + 1 >= len || (unsigned char) ch[1] >= 0x80
          || !strchr ("\\.^$|?*+()[]{}/-", ch[1]))
        return 0;
      ch++;
      clen = 1;
    }
  else if (strchr (".^$|?*+()[]{}", *ch))
    return 0;
  else
    {
      int n = u8_mblen ((const uint8_t *) ch, len - *i);
      if (n <= 0)
        return 0;
      clen = (size_t) n;
    }
  ucs4_t uc;
  u8_mbtouc (&uc, (const uint8_t *) ch, clen);
  if (caseless && !caseless_safe (uc))
    return 0;
  buf_add (out, ch, clen);
  *i = (size_t) (ch + clen - p);
  return 1;
}

/* A character class of plain characters at P[*I] ("[官长]"): its
   members, each a text of ATOM.  Returns 0 for any other class.  */
static int
literal_class (const char *p, size_t len, size_t *i, int caseless,
               struct litset *atom)
{
  size_t k = *i + 1;
  if (k < len && (p[k] == '^' || p[k] == ']'))
    return 0;
  while (k < len && p[k] != ']')
    {
      struct buf one = { 0 };
      if (p[k] == '-' || p[k] == '[' || atom->n == LITERALS_MAX
          || !literal_char (p, len, &k, caseless, &one))
        {
          buf_free (&one);
          litset_free (atom);
          return 0;
        }
      litset_add (atom, one.data, one.len);
      buf_free (&one);
    }
  if (k >= len || atom->n == 0)
    {
      litset_free (atom);
      return 0;
    }
  *i = k + 1;
  return 1;
}

static int literal_alternation (const char *p, size_t len, size_t *i,
                                int caseless, struct litset *out);

/* Past what at P[I] matches nothing and is no atom: \E, \Q\E, a
   comment (?#..).  A quantifier after it repeats the atom before it
   ("察\E?" is "察?").  */
static size_t
past_nothing (const char *p, size_t len, size_t i)
{
  for (;;)
    if (i + 1 < len && p[i] == '\\' && p[i + 1] == 'E')
      i += 2;
    else if (i + 3 < len && p[i] == '\\' && p[i + 1] == 'Q'
             && p[i + 2] == '\\' && p[i + 3] == 'E')
      i += 4;
    else if (i + 2 < len && p[i] == '(' && p[i + 1] == '?' && p[i + 2] == '#')
      {
        const char *end = memchr (p + i, ')', len - i);
        if (end == NULL)
          return i;
        i = (size_t) (end - p) + 1;
      }
    else
      return i;
}

/* The texts that every match of the branch at P[*I] begins with, into
   OUT; *I is left at its end.  Returns 1 if they are the whole of what
   the branch matches, 0 if only its beginnings.  */
static int
literal_branch (const char *p, size_t len, size_t *i, int caseless,
                struct litset *out)
{
  litset_add (out, "", 0);
  if (*i < len && p[*i] == '^')
    (*i)++;
  while (*i < len && p[*i] != '|' && p[*i] != ')')
    {
      struct litset atom = { .n = 0 };
      size_t at = *i;
      int whole = 1;
      if (p[at] == '[')
        whole = literal_class (p, len, i, caseless, &atom);
      else if (p[at] == '(')
        {
          int mark = at + 1 < len && p[at + 1] == '?';
          if (mark && !(at + 2 < len && p[at + 2] == ':'))
            whole = 0;          /* a look-around, options, a name */
          else
            {
              *i = at + (mark ? 3 : 1);
              whole = literal_alternation (p, len, i, caseless, &atom);
              if (*i < len && p[*i] == ')')
                (*i)++;
              else
                {
                  litset_free (&atom);
                  whole = 0;
                }
            }
        }
      else
        {
          struct buf one = { 0 };
          whole = literal_char (p, len, i, caseless, &one);
          if (whole)
            litset_add (&atom, one.data, one.len);
          buf_free (&one);
        }
      size_t after = past_nothing (p, len, *i);
      char q = after < len ? p[after] : '\0';
      /* An atom that may be absent adds nothing required.  */
      if (atom.n == 0 || q == '?' || q == '*' || q == '{'
          || !litset_product (out, &atom))
        {
          litset_free (&atom);
          *i = at;
          skip_branch (p, len, i);
          return 0;
        }
      litset_free (&atom);
      if (!whole || q == '+')
        {
          /* Required, but what follows it is not next.  */
          skip_branch (p, len, i);
          return 0;
        }
    }
  return 1;
}

/* The texts that every match of the alternatives at P[*I] begins with
   (the union of its branches'), into OUT; *I is left at the ')' that
   ends them or at the end.  Returns 1 if they are the whole of what
   they match; on failure OUT is empty.  */
static int
literal_alternation (const char *p, size_t len, size_t *i, int caseless,
                     struct litset *out)
{
  int whole = 1;
  for (;;)
    {
      struct litset branch = { .n = 0 };
      whole &= literal_branch (p, len, i, caseless, &branch);
      for (size_t k = 0; k < branch.n && out->n <= LITERALS_MAX; k++)
        if (out->n == LITERALS_MAX)
          out->n = LITERALS_MAX + 1;    /* too many: marked, freed below */
        else
          litset_add (out, branch.v[k].data ? branch.v[k].data : "",
                      branch.v[k].len);
      litset_free (&branch);
      if (out->n > LITERALS_MAX)
        {
          out->n = LITERALS_MAX;
          litset_free (out);
          return 0;
        }
      if (*i >= len || p[*i] != '|')
        return whole;
      (*i)++;
    }
}

char **
query_regex_literals (const char *pattern, size_t len, size_t *n, int *whole)
{
  *n = 0;
  if (whole)
    *whole = 0;
  char *copy = xstrndup (pattern, len);
  int caseless = !has_upper (copy);
  free (copy);
  struct litset set = { .n = 0 };
  size_t i = 0;
  int all = literal_alternation (pattern, len, &i, caseless, &set);
  int usable = set.n > 0 && i == len;
  for (size_t k = 0; k < set.n && usable; k++)
    usable = set.v[k].len >= 2;
  char **v = NULL;
  if (usable)
    {
      v = xcalloc (set.n, sizeof *v);
      for (size_t k = 0; k < set.n; k++)
        v[k] = buf_steal (&set.v[k]);
      *n = set.n;
      /* A '^' anywhere is an anchor the scan passes over (or a
         member of a class): the texts are then not all it matches.  */
      if (whole)
        *whole = all && memchr (pattern, '^', len) == NULL;
    }
  litset_free (&set);
  return v;
}

/* Skip the group that begins at P[*I] ('('), to just after its ')'.
   Returns 0 when it does not end.  */
static int
skip_group (const char *p, size_t len, size_t *i)
{
  size_t k = *i + 1;
  int depth = 1;
  while (k < len && depth > 0)
    {
      char c = p[k];
      if (c == '\\')
        k += 2;
      else if (c == '[')
        {
          if (!skip_class (p, len, &k))
            return 0;
        }
      else
        {
          depth += c == '(';
          depth -= c == ')';
          k++;
        }
    }
  if (depth > 0 || k > len)
    return 0;
  *i = k;
  return 1;
}

/* Skip one atom of a regex's top level at P[*I], with the quantifier
   after it.  Returns 0 for anything it does not follow for certain (a
   backreference, an escape with a number, a look-around): the caller
   gives up.  */
static int
skip_atom (const char *p, size_t len, size_t *i)
{
  size_t k = *i;
  char c = p[k];
  if (c == '\\')
    {
      if (k + 1 >= len)
        return 0;
      char e = p[k + 1];
      if (e == 'p' || e == 'P')
        {
          if (k + 2 < len && p[k + 2] == '{')
            {
              const char *end = memchr (p + k + 3, '}', len - k - 3);
              if (end == NULL)
                return 0;
              k = (size_t) (end - p) + 1;
            }
          else
            k += 3;             /* \pL */
        }
      else if ((unsigned char) e < 0x80
               && strchr ("dDwWsShHvVRXbBAzZG\\.^$|?*+()[]{}/-", e))
        k += 2;
      else
        return 0;
    }
  else if (c == '[')
    {
      if (!skip_class (p, len, &k))
        return 0;
    }
  else if (c == '(')
    {
      if (k + 1 < len && (p[k + 1] == '*'
                          || (p[k + 1] == '?'
                              && !(k + 2 < len && p[k + 2] == ':'))))
        return 0;
      if (!skip_group (p, len, &k))
        return 0;
    }
  else if (c == ')' || c == '|')
    return 0;
  else
    {
      int n = u8_mblen ((const uint8_t *) p + k, len - k);
      if (n <= 0)
        return 0;
      k += (size_t) n;
    }
  if (k < len && (p[k] == '?' || p[k] == '*' || p[k] == '+'))
    k++;
  else if (k < len && p[k] == '{')
    {
      /* {n}, {n,}, {n,m}; any other '{' is a character of its own.  */
      size_t q = k + 1;
      while (q < len && p[q] >= '0' && p[q] <= '9')
        q++;
      int digits = q > k + 1;
      if (q < len && p[q] == ',')
        for (q++; q < len && p[q] >= '0' && p[q] <= '9'; q++)
          ;
      if (!(digits && q < len && p[q] == '}'))
        {
          *i = k;
          return 1;
        }
      k = q + 1;
    }
  else
    {
      *i = k;
      return 1;
    }
  if (k < len && (p[k] == '?' || p[k] == '+'))
    k++;                        /* lazy, possessive */
  *i = k;
  return 1;
}

/* Is every text of SET two ideographs or more?  Then FTS5 can look
   each up.  */
static int
ideograph_set (const struct litset *set)
{
  for (size_t k = 0; k < set->n; k++)
    {
      const uint8_t *p = (const uint8_t *) set->v[k].data;
      size_t len = set->v[k].len, chars = 0;
      for (size_t i = 0; i < len;)
        {
          ucs4_t uc;
          int n = u8_mbtouc (&uc, p + i, len - i);
          if (n <= 0 || !unspaced_letter (uc))
            return 0;
          chars++;
          i += (size_t) n;
        }
      if (chars < 2)
        return 0;
    }
  return set->n > 0;
}

/* The same of the N texts V.  */
static int
ideograph_texts (char **v, size_t n)
{
  struct litset set = { .n = 0 };
  for (size_t k = 0; k < n && k < LITERALS_MAX; k++)
    litset_add (&set, v[k], strlen (v[k]));
  int all = n > 0 && n <= LITERALS_MAX && ideograph_set (&set);
  litset_free (&set);
  return all;
}

/* query_regex_literals' texts from inside the pattern, when none begin
   it: of a pattern of one alternative at its top level, the literal
   runs that each atom there begins ("\d+名检察官" holds 名检察官), the
   set of those of two ideographs or more that are longest at their
   shortest.  NULL, *N = 0, when there is none or the pattern holds what
   the scan does not follow.  */
static char **
inner_literals (const char *pattern, size_t len, size_t *n)
{
  *n = 0;
  /* Options and verbs change what follows them ((?x) drops spaces); a
     quote takes metacharacters literally: not followed.  */
  for (size_t i = 0; i + 1 < len; i++)
    if (pattern[i] == '\\')
      {
        if (pattern[i + 1] == 'Q' || pattern[i + 1] == 'E')
          return NULL;
        i++;
      }
    else if (pattern[i] == '(' && (pattern[i + 1] == '*'
                                   || (pattern[i + 1] == '?'
                                       && !(i + 2 < len
                                            && pattern[i + 2] == ':'))))
      return NULL;
  /* Every atom of the top level followed to the end: there is no
     second alternative there (a text of one is in no match of the
     other), and nothing the scan cannot read.  */
  size_t at = 0;
  while (at < len)
    if (!skip_atom (pattern, len, &at))
      return NULL;
  char *copy = xstrndup (pattern, len);
  int caseless = !has_upper (copy);
  free (copy);
  struct litset best = { .n = 0 };
  size_t best_min = 0;
  size_t i = len > 0 && pattern[0] == '^' ? 1 : 0;
  while (i < len)
    {
      struct litset set = { .n = 0 };
      size_t j = i;
      literal_branch (pattern, len, &j, caseless, &set);
      size_t shortest = SIZE_MAX;
      for (size_t k = 0; k < set.n; k++)
        if (set.v[k].len < shortest)
          shortest = set.v[k].len;
      if (ideograph_set (&set) && shortest > best_min)
        {
          litset_free (&best);
          best = set;
          best_min = shortest;
        }
      else
        litset_free (&set);
      if (!skip_atom (pattern, len, &i))
        break;
    }
  char **v = NULL;
  if (best.n > 0)
    {
      v = xcalloc (best.n, sizeof *v);
      for (size_t k = 0; k < best.n; k++)
        v[k] = buf_steal (&best.v[k]);
      *n = best.n;
    }
  litset_free (&best);
  return v;
}

/* What matching regex term T (compiled from PATTERN) can use: its
   literal, and whether the JIT compiled it.  */
static void
regex_extras (struct term *t, const char *pattern, size_t len)
{
  size_t jit_size = 0;
  t->jit = pcre2_pattern_info (t->re, PCRE2_INFO_JITSIZE, &jit_size) == 0
    && jit_size > 0;
  t->literal = query_regex_literal (pattern, len);
  t->literals = query_regex_literals (pattern, len, &t->nliterals,
                                      &t->literals_whole);
  /* Texts FTS5 can look up, from inside the pattern when none begin
     it: a beginning of Latin letters or one ideograph is no token.  */
  if (!ideograph_texts (t->literals, t->nliterals))
    {
      size_t n;
      char **inner = inner_literals (pattern, len, &n);
      if (inner)
        {
          strv_free (t->literals, t->nliterals);
          t->literals = inner;
          t->nliterals = n;
          t->literals_whole = 0;
        }
    }
}

static struct term *
new_term (struct query *q)
{
  q->terms = xrealloc (q->terms, (q->nterms + 1) * sizeof *q->terms);
  struct term *t = &q->terms[q->nterms++];
  memset (t, 0, sizeof *t);
  return t;
}

/* The length of the white space character at P, or 0.  Any white
   space divides words as a space does: a line break from a file or a
   shell variable, a no-break or narrow space pasted from a page, the
   ideographic space of a Chinese input method.  */
static size_t
space_len (const char *p)
{
  ucs4_t uc;
  int n = u8_mbtouc (&uc, (const uint8_t *) p, strnlen (p, 4));
  return n > 0 && *p != '\0' && uc_is_property_white_space (uc)
    ? (size_t) n : 0;
}

static int
is_query_space (const char *p)
{
  return space_len (p) > 0;
}

/* Is the character that begins at P (LEN bytes at most) an ideograph?  */
static int
ideograph_at (const char *p, size_t len)
{
  ucs4_t uc;
  return len > 0 && u8_mbtouc (&uc, (const uint8_t *) p, len) > 0
    && uc_is_property_ideographic (uc);
}

/* Is the character at P an ASCII or a full-width digit?  */
static int
digit_at (const char *p)
{
  ucs4_t uc;
  return u8_mbtouc (&uc, (const uint8_t *) p, strnlen (p, 4)) > 0
    && ((uc >= '0' && uc <= '9') || (uc >= 0xff10 && uc <= 0xff19));
}

/* Is the character before P (START being where the text begins) one?  */
static int
digit_before (const char *start, const char *p)
{
  ucs4_t uc;
  return p > start
    && u8_prev (&uc, (const uint8_t *) p, (const uint8_t *) start) != NULL
    && ((uc >= '0' && uc <= '9') || (uc >= 0xff10 && uc <= 0xff19));
}

/* The length of what ends a term at P (START being where the text
   begins), or 0: a space, or punctuation that Chinese puts between
   words (巡回检察，公益诉讼; 巡回检察、公益诉讼; 什么是巡回检察？), in
   its full-width form or, beside an ideograph, in the ASCII one that a
   half-width input method types.  ASCII punctuation elsewhere is part
   of the term (3,000).  */
static size_t
break_len (const char *start, const char *p)
{
  static const char *const wide[] = {
    "\xef\xbc\x8c", "\xe3\x80\x81", "\xef\xbc\x9b",
    "\xe3\x80\x82", "\xef\xbc\x9f", "\xef\xbc\x81", "\xef\xbc\x9a",
    "\xe2\x80\x94",
  };
  size_t space = space_len (p);
  if (space > 0)
    return space;
  /* A full-width comma between digits is a number's, as the ASCII one
     is (１，２１７, typed in an input method's full-width mode).  */
  if (strncmp (p, "\xef\xbc\x8c", 3) == 0 && digit_before (start, p)
      && digit_at (p + 3))
    return 0;
  for (size_t i = 0; i < sizeof wide / sizeof *wide; i++)
    if (strncmp (p, wide[i], 3) == 0)
      return 3;
  if (*p == '\0' || strchr (",;?!", *p) == NULL)
    return 0;
  ucs4_t before;
  if (p > start && u8_prev (&before, (const uint8_t *) p,
                            (const uint8_t *) start)
      && uc_is_property_ideographic (before))
    return 1;
  return ideograph_at (p + 1, strlen (p + 1)) ? 1 : 0;
}

int
query_value_is_one_word (const char *v)
{
  if (*v == '\0')
    return 0;
  for (const char *p = v; *p; p++)
    if (break_len (v, p) > 0)
      return 0;
  return 1;
}

/* The bytes at P are the query syntax's ASCII character C, or its
   full-width form, which a Chinese input method types (U+FF01-U+FF5E
   are U+0021-U+007E): "－邻近院", "tag：巡回检察", "／检察[官长]／".
   Returns the length of what is there (1 or 3), or 0.  */
static size_t
syntax_char (const char *p, char c)
{
  if (*p == c)
    return 1;
  unsigned cp = 0xff00u + (unsigned char) c - 0x20u;
  const char wide[3] = { (char) 0xef, (char) (0x80 | ((cp >> 6) & 0x3f)),
                         (char) (0x80 | (cp & 0x3f)) };
  return strncmp (p, wide, 3) == 0 ? 3 : 0;
}

/* If P begins with the field NAME ("tag:"), the length of what is
   there; else 0.  Its letters in either case, as the value's are
   (Tag:, LANG:, a phone's capital), and each letter and the colon ASCII
   or full-width (ｔａｇ：, an input method's full-width mode).  */
static size_t
field_prefix (const char *p, const char *name)
{
  const char *at = p;
  for (; name[1] != '\0'; name++)
    {
      size_t k = syntax_char (at, *name);
      if (k == 0)
        k = syntax_char (at, (char) (*name - 'a' + 'A'));
      if (k == 0)
        return 0;
      at += k;
    }
  size_t colon = syntax_char (at, ':');
  return colon ? (size_t) (at - p) + colon : 0;
}

/* Quotation marks that open a phrase, and the one that closes each:
   ASCII, curly, full-width and corner brackets.  */
static const char *const quote_pairs[][2] = {
  { "\"", "\"" }, { "\xe2\x80\x9c", "\xe2\x80\x9d" },
  { "\xef\xbc\x82", "\xef\xbc\x82" }, { "\xe3\x80\x8c", "\xe3\x80\x8d" },
  { "\xe3\x80\x8e", "\xe3\x80\x8f" },
};

/* Leave out of Q's documents those that FIELD with VALUE (taken) would
   keep.  */
static void
exclude (struct query *q, enum query_field field, char *value)
{
  q->excluded = xrealloc (q->excluded, (q->nexcluded + 1)
                          * sizeof *q->excluded);
  q->excluded[q->nexcluded++] = (struct query_exclusion) { field, value };
}

static int
latin_letter (ucs4_t uc)
{
  const uc_script_t *sc = uc_is_alpha (uc) ? uc_script (uc) : NULL;
  return sc && strcmp (sc->name, "Latin") == 0;
}

/* Is P (START being where the text begins) between an ideograph and a
   Latin letter, either way round?  Chinese text never runs into an
   English word, but a query typed without switching the space back on
   does: 巡回检察prison is two words, as the index has them.  */
static int
script_break (const char *start, const char *p)
{
  ucs4_t before, at;
  if (p == start || *p == '\0'
      || u8_prev (&before, (const uint8_t *) p, (const uint8_t *) start)
      == NULL
      || u8_mbtouc (&at, (const uint8_t *) p, strnlen (p, 4)) <= 0)
    return 0;
  return (uc_is_property_ideographic (before) && latin_letter (at))
    || (uc_is_property_ideographic (at) && latin_letter (before));
}

#define LEFT_QUOTE "\xe2\x80\x9c"
#define RIGHT_QUOTE "\xe2\x80\x9d"

/* Where a phrase opened by an ASCII quotation mark (ASCII) or a curly
   one ends, S being just after it: at the first mark that closes no
   curly pair opened inside it, so that a title copied with its own
   marks stays whole ("检察官“权责双清单”", “检察官“权责双清单””); an
   ASCII mark closes a phrase it opened.  If no mark closes it so, S:
   the caller takes the first mark of either kind, as people type them
   ("巡回检察”).  */
static const char *
phrase_end (const char *s, int ascii)
{
  size_t depth = 0;
  for (const char *e = s; *e; e++)
    if (ascii && *e == '"')
      return e;
    else if (strncmp (e, LEFT_QUOTE, 3) == 0)
      depth++;
    else if (strncmp (e, RIGHT_QUOTE, 3) == 0 && depth-- == 0)
      return e;
  return s;
}

/* Is UC punctuation that Chinese text puts between words, other than
   the full-width forms of ASCII (the ASCII rules are theirs) and the
   middle dots that join the parts of a name (阿卜杜·热合曼)?  */
static int
chinese_punctuation_char (ucs4_t uc)
{
  if (uc < 0x80 || uc == 0xb7 || uc == 0x2027 || uc == 0x30fb || uc == 0xff65
      || (uc >= 0xff01 && uc <= 0xff5e && uc != 0xff08 && uc != 0xff09
          && uc != 0xff3b && uc != 0xff3d && uc != 0xff5b && uc != 0xff5d))
    return 0;
  return uc_is_general_category (uc, UC_CATEGORY_P);
}

/* The length of the run of Chinese punctuation at P (START being where
   the term begins) when an ideograph stands before or after it, as in
   text copied from a case (获评“全国; 巡回检察（公益诉讼）): it ends a
   term as a space does.  Else 0.  */
static size_t
chinese_punctuation (const char *start, const char *p)
{
  const char *e = p;
  ucs4_t uc;
  int n;
  while ((n = u8_mbtouc (&uc, (const uint8_t *) e, strnlen (e, 4))) > 0
         && *e && chinese_punctuation_char (uc))
    e += n;
  if (e == p)
    return 0;
  ucs4_t before, after;
  if ((p > start && u8_prev (&before, (const uint8_t *) p,
                             (const uint8_t *) start)
       && uc_is_property_ideographic (before))
      || (*e && u8_mbtouc (&after, (const uint8_t *) e, strnlen (e, 4)) > 0
          && uc_is_property_ideographic (after)))
    return (size_t) (e - p);
  return 0;
}

/* Read one token starting at *P: a "quoted" string or a run of non-space
   characters, which, with SPLIT, also ends where Chinese and a Latin
   letter meet (script_break) and at Chinese punctuation beside an
   ideograph (chinese_punctuation, which is then passed over).  Returns a fresh string, or NULL on an
   unterminated quote; *BEGIN is where its text begins (inside the
   quotes).  */
static char *
read_token (const char **p, int split, int *quoted, const char **begin)
{
  const char *s = *p;
  *quoted = 0;
  *begin = s;
  for (size_t q = 0; q < sizeof quote_pairs / sizeof *quote_pairs; q++)
    {
      size_t open = strlen (quote_pairs[q][0]);
      if (strncmp (s, quote_pairs[q][0], open) != 0)
        continue;
      const char *close = quote_pairs[q][1];
      size_t close_len = strlen (close);
      const char *e = q <= 1 ? phrase_end (s + open, q == 0) : s + open;
      while (*e && strncmp (e, close, close_len) != 0
             && !(q <= 1 && (*e == '"' || strncmp (e, RIGHT_QUOTE, 3) == 0)))
        e++;
      if (*e == '\0')
        return NULL;
      *quoted = 1;
      *begin = s + open;
      char *tok = xstrndup (s + open, (size_t) (e - s - (ptrdiff_t) open));
      *p = e + (strncmp (e, close, close_len) == 0 ? close_len
                : *e == '"' ? 1 : 3);
      return tok;
    }
  const char *e = s;
  size_t skip = 0;
  while (*e && !break_len (s, e) && !(split && script_break (s, e))
         && !(split && e > s && (skip = chinese_punctuation (s, e)) > 0))
    e++;
  *p = e + skip;
  return xstrndup (s, (size_t) (e - s));
}

/* Skip the Chinese or Arabic number at *P, returning it, or -1 with *P
   unchanged.  Chinese numbers are written as they are read, up to 999:
   六, 十二, 二十, 一百零五, 〇; a run of digits (六六) or of units (十十)
   is no number.  */
static long
case_number (const char **p)
{
  static const char *const digit[] = { "〇", "一", "二", "三", "四", "五",
                                       "六", "七", "八", "九" };
  const char *s = *p;
  if (*s >= '0' && *s <= '9')
    {
      long n = 0;
      while (*s >= '0' && *s <= '9' && n < 100000)
        n = n * 10 + (*s++ - '0');
      *p = s;
      return n;
    }
  long n = 0, last_unit = 1000;
  int cur = -1, any = 0, filler = 0;
  /* Every character here is 3 bytes of UTF-8.  */
  for (;; s += 3)
    {
      int d = -1;
      for (int k = 0; k < 10 && d < 0; k++)
        if (strncmp (s, digit[k], 3) == 0)
          d = k;
      if (d < 0 && strncmp (s, "零", 3) == 0)
        d = 0;
      if (d >= 0)
        {
          /* 零 after a unit only holds a place (一百零五).  */
          if (d == 0 && cur < 0 && last_unit < 1000 && !filler)
            {
              filler = 1;
              continue;
            }
          if (cur >= 0)
            return -1;          /* two digits in a row */
          cur = d;
          any = 1;
          continue;
        }
      long unit = strncmp (s, "十", 3) == 0 ? 10
        : strncmp (s, "百", 3) == 0 ? 100 : 0;
      if (unit == 0)
        break;
      /* Units fall (百 before 十), each once, after a digit other than
         zero; 十 may stand alone (十二).  */
      if (unit >= last_unit || cur == 0 || (cur < 0 && unit != 10))
        return -1;
      n += (cur < 0 ? 1 : cur) * unit;
      last_unit = unit;
      cur = -1;
      any = 1;
    }
  if (!any)
    return -1;
  *p = s;
  return n + (cur > 0 ? cur : 0);
}

/* Does *P begin with WORD?  Then skip it.  */
static int
skip_word (const char **p, const char *word)
{
  size_t n = strlen (word);
  if (strncmp (*p, word, n) != 0)
    return 0;
  *p += n;
  return 1;
}

static void
skip_spaces (const char **p)
{
  while (**p == ' ')
    ++*p;
}

long
query_typed_char (unsigned long c)
{
  if (c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c
      || c == 0x85)
    return ' ';
  if (c < 0x20 || (c >= 0x7f && c < 0xa0))
    return -1;
  return (long) c;
}

char *
query_as_typed (const char *text)
{
  size_t len = strlen (text);
  char *out = xmalloc (len + 1), *o = out;
  const uint8_t *p = (const uint8_t *) text, *e = p + len;
  while (p < e)
    {
      ucs4_t uc;
      int n = u8_mbtouc (&uc, p, (size_t) (e - p));
      if (n <= 0)
        n = 1;                  /* not UTF-8: kept as it is */
      else if (query_typed_char (uc) != (long) uc)
        {
          if (query_typed_char (uc) == ' ')
            *o++ = ' ';
          p += n;
          continue;
        }
      memcpy (o, p, (size_t) n);
      o += n;
      p += n;
    }
  *o = '\0';
  return out;
}

long
query_case_reference (const char *text)
{
  char *f = norm_fold_string (text, strlen (text));
  const char *p = f;
  long n = -1;
  skip_spaces (&p);
  if (skip_word (&p, "case"))
    {
      /* case 6, case no. 6, case #6, case number 6.  */
      skip_spaces (&p);
      if (!skip_word (&p, "no.") && !skip_word (&p, "no")
          && !skip_word (&p, "number"))
        skip_word (&p, "#");
      skip_spaces (&p);
      n = *p >= '0' && *p <= '9' ? case_number (&p) : -1;
    }
  else if (skip_word (&p, "典型案例") || skip_word (&p, "案例"))
    {
      /* 案例六, 案例 6, 案例第六.  */
      skip_spaces (&p);
      skip_word (&p, "第");
      n = case_number (&p);
    }
  else if (skip_word (&p, "第"))
    {
      /* 第六个案例, 第6件案例, 第六案, 第六个典型案例.  */
      n = case_number (&p);
      if (!skip_word (&p, "个"))
        skip_word (&p, "件");
      if (n >= 0 && !skip_word (&p, "典型案例") && !skip_word (&p, "案例")
          && !skip_word (&p, "案"))
        n = -1;
    }
  skip_spaces (&p);
  if (*p != '\0')
    n = -1;
  free (f);
  return n;
}

struct query *
query_parse (const char *text, const struct query_options *opt,
             struct query_error *err)
{
  struct query *q = xcalloc (1, sizeof *q);
  q->lang_only = -1;
  q->doc = -1;
  err->message = NULL;
  err->offset = 0;
  size_t text_len = strlen (text);
  const uint8_t *bad = u8_check ((const uint8_t *) text, text_len);
  if (bad)
    {
      err->message = xstrdup (_("the query is not valid UTF-8"));
      err->offset = (size_t) ((const char *) bad - text);
      goto fail;
    }
  if (opt->regex)
    {
      struct term *t = new_term (q);
      t->kind = TERM_REGEX;
      t->source = xstrdup (text);
      t->re = compile_regex (text, text_len, 0, err);
      if (t->re == NULL)
        goto fail;
      regex_extras (t, text, text_len);
      return q;
    }
  /* "case 6" or 案例六 alone means the case, as the headings and the
     citations name it: the words are in no text.  */
  long ref = query_case_reference (text);
  if (ref >= 0)
    {
      q->doc = ref;
      return q;
    }

  const char *p = text;
  for (;;)
    {
      size_t gap;
      while ((gap = break_len (text, p)) > 0)
        p += gap;
      if (*p == '\0')
        break;
      size_t start = (size_t) (p - text);
      if (q->nterms + q->ntags + q->nexcluded >= QUERY_MAX_TERMS)
        {
          /* Each term is a pass over every text: a pasted page must not
             make one search take minutes.  */
          err->message = xasprintf (_("too many terms: a query has at most %d"),
                                    QUERY_MAX_TERMS);
          err->offset = start;
          goto fail;
        }
      int negated = 0;
      /* NOT and a word exclude it, as -word does: other search tools
         write it so, and "not" alone is a stop word, so that "NOT
         Shandong" asked for Shandong.  In capitals only (full-width
         ones too, as an input method types them), and before something
         to exclude.  */
      size_t not_len = strncmp (p, "NOT", 3) == 0 ? 3
        : strncmp (p, "\xef\xbc\xae\xef\xbc\xaf\xef\xbc\xb4", 9) == 0 ? 9
        : 0;
      if (not_len && space_len (p + not_len) > 0)
        {
          const char *w = p + not_len;
          while ((gap = break_len (text, w)) > 0)
            w += gap;
          if (*w && !syntax_char (w, '-'))
            {
              negated = 1;
              p = w;
            }
        }
      size_t minus = negated ? 0 : syntax_char (p, '-');
      if (minus && p[minus] && !break_len (text, p + minus))
        {
          negated = 1;
          p += minus;
        }
      size_t slash = syntax_char (p, '/');
      const char *e = p + slash;
      while (slash && *e && !syntax_char (e, '/'))
        {
          if (*e == '\\' && e[1])
            e++;
          e++;
        }
      /* A full-width slash with no other after it is only a character
         (Chinese writes 收／付): the ASCII one opens a regex.  */
      if (slash == 1 || (slash && *e))
        {
          size_t close = syntax_char (e, '/');
          if (!close)
            {
              err->message = xstrdup (_("unterminated /regex/: add the closing '/'"));
              err->offset = start;
              goto fail;
            }
          if (e == p + slash)
            {
              /* It would match everywhere, and nothing: a hit is never
                 empty.  */
              /* (Quoted, "//" is punctuation, which is not searched:
                 a regex finds the slashes.)  */
              err->message = xstrdup (_("empty /regex/: put a pattern "
                                        "between the slashes, or write "
                                        "/\\/\\// to find two slashes"));
              err->offset = start;
              goto fail;
            }
          struct term *t = new_term (q);
          t->kind = TERM_REGEX;
          t->negated = negated;
          const char *pat = p + slash;
          size_t pat_len = (size_t) (e - pat);
          t->source = xstrndup (pat, pat_len);
          t->source_off = (size_t) (pat - text);
          t->re = compile_regex (pat, pat_len, (size_t) (pat - text), err);
          if (t->re == NULL)
            goto fail;
          regex_extras (t, pat, pat_len);
          p = e + close;
          /* "/巡回/g", "/x/i": flags as other tools write them would be
             a word that is found nowhere, and the query nothing.  */
          size_t letters = 0;
          while ((p[letters] >= 'a' && p[letters] <= 'z')
                 || (p[letters] >= 'A' && p[letters] <= 'Z'))
            letters++;
          if (letters > 0)
            {
              err->message = xasprintf (_("'%.*s' after a /regex/: it takes "
                                          "no flags (it ignores case unless "
                                          "it has a capital letter; write "
                                          "(?i) and the like inside it), and "
                                          "a word after it needs a space "
                                          "before it"), (int) letters, p);
              err->offset = (size_t) (p - text);
              goto fail;
            }
          continue;
        }
      static const char *const facets[] = { "collection:", "region:",
                                            "year:", "doc:", "case:" };
      int facet = -1;
      size_t prefix = 0;
      for (int f = 0; f < 5 && facet < 0; f++)
        if ((prefix = field_prefix (p, facets[f])) > 0)
          facet = f;
      if (facet >= 0)
        {
          p += prefix;
          int quoted;
          const char *begin;
          char *val = (*p && !break_len (text, p))
            ? read_token (&p, 0, &quoted, &begin) : xstrdup ("");
          /* A value that folds to nothing (a zero-width space) is
             none: as a filter of nothing it kept every document.  */
          char *folded = val ? norm_fold_string (val, strlen (val)) : NULL;
          if (folded == NULL || query_blank (folded))
            {
              free (val);
              free (folded);
              err->message = xasprintf (_("'%s' needs a value after it"),
                                        facets[facet]);
              err->offset = start;
              goto fail;
            }
          if (facet >= 3)
            {
              char *end;
              long n = strtol (folded, &end, 10);
              /* Or in Chinese, as 案例七 names it: case:七.  */
              const char *cn = folded;
              long m = *end != '\0' ? case_number (&cn) : -1;
              if (m >= 0 && *cn == '\0')
                {
                  n = m;
                  end = (char *) cn;
                }
              if (*end != '\0' || n < 0 || end == folded)
                {
                  free (val);
                  free (folded);
                  err->message = xasprintf (_("'%s' takes a document number"),
                                            facets[facet]);
                  err->offset = start;
                  goto fail;
                }
              if (negated)
                exclude (q, QUERY_FIELD_DOC, xasprintf ("%ld", n));
              else
                {
                  /* Each field keeps what it keeps, as two tag: do: a
                     second number is not the first's replacement.  */
                  q->contradictory |= q->doc >= 0 && q->doc != n;
                  q->doc = n;
                }
              free (folded);
            }
          else if (facet == 2)
            {
              char *end;
              long y = strtol (folded, &end, 10);
              if (*end != '\0' || y < QUERY_YEAR_MIN || y > QUERY_YEAR_MAX)
                {
                  free (val);
                  free (folded);
                  err->message = xstrdup (_("'year:' takes a year such as 2022"));
                  err->offset = start;
                  goto fail;
                }
              if (negated)
                exclude (q, QUERY_FIELD_YEAR, xasprintf ("%ld", y));
              else
                {
                  q->contradictory |= q->year > 0 && q->year != y;
                  q->year = (int) y;
                }
              free (folded);
            }
          else if (negated)
            exclude (q, facet == 0 ? QUERY_FIELD_COLLECTION
                     : QUERY_FIELD_REGION, folded);
          else if (facet == 0)
            {
              q->collections = xrealloc (q->collections, (q->ncollections + 1)
                                         * sizeof *q->collections);
              q->collections[q->ncollections++] = folded;
            }
          else
            {
              q->regions = xrealloc (q->regions, (q->nregions + 1)
                                     * sizeof *q->regions);
              q->regions[q->nregions++] = folded;
            }
          free (val);
          continue;
        }
      size_t tag = field_prefix (p, "tag:");
      size_t lang = tag ? 0 : field_prefix (p, "lang:");
      if (tag || lang)
        {
          int is_tag = tag > 0;
          p += is_tag ? tag : lang;
          int quoted;
          const char *begin;
          char *val = (*p && !break_len (text, p))
            ? read_token (&p, 0, &quoted, &begin) : xstrdup ("");
          if (val == NULL)
            {
              err->message = xstrdup (_("unterminated quotation mark"));
              err->offset = start;
              goto fail;
            }
          char *folded = norm_fold_string (val, strlen (val));
          int blank = query_blank (folded);
          free (folded);
          if (blank)
            {
              free (val);
              err->message = xstrdup (is_tag
                                      ? _("'tag:' needs a keyword after it")
                                      : _("'lang:' needs 'zh' or 'en' after it"));
              err->offset = start;
              goto fail;
            }
          if (is_tag && negated)
            exclude (q, QUERY_FIELD_TAG, norm_fold_string (val, strlen (val)));
          else if (is_tag)
            {
              q->tags = xrealloc (q->tags, (q->ntags + 1) * sizeof *q->tags);
              q->tags[q->ntags++] = norm_fold_string (val, strlen (val));
            }
          else
            {
              enum lang l;
              char *code = norm_fold_string (val, strlen (val));
              int unknown = lang_parse (code, &l) != 0;
              free (code);
              if (unknown)
                {
                  free (val);
                  err->message = xstrdup (_("'lang:' takes 'zh' or 'en'"));
                  err->offset = start;
                  goto fail;
                }
              /* Not one language: the other.  */
              int only = (int) (negated ? lang_other (l) : l);
              q->contradictory |= q->lang_only >= 0 && q->lang_only != only;
              q->lang_only = only;
            }
          free (val);
          continue;
        }
      int quoted;
      const char *begin;
      /* An excluded word is excluded as typed.  */
      char *tok = read_token (&p, !negated, &quoted, &begin);
      if (tok == NULL)
        {
          err->message = xstrdup (_("unterminated quotation mark"));
          err->offset = start;
          goto fail;
        }
      if (u8_mbsnlen ((const uint8_t *) tok, strlen (tok))
          > QUERY_MAX_TERM_CHARS)
        {
          free (tok);
          err->message = xasprintf (quoted
                                    ? _("phrase too long: a phrase has at most %d characters")
                                    : _("word too long: a word has at most %d characters"),
                                    QUERY_MAX_TERM_CHARS);
          err->offset = start;
          goto fail;
        }
      char *folded = norm_fold_string (tok, strlen (tok));
      if (*folded == '\0')
        {
          free (tok);
          free (folded);
          continue;
        }
      struct term *t = new_term (q);
      t->kind = TERM_WORDS;
      t->negated = negated;
      t->quoted = quoted;
      t->source = tok;
      t->source_off = (size_t) (begin - text);
      add_alt (t, folded);
      /* "巡回 检察" in quotes is 巡回检察 as well as the words with a
         space between them; 公益-诉讼, quoted or not, 公益诉讼.  */
      char *unspaced = without_cjk_spaces (folded);
      if (unspaced)
        add_alt (t, unspaced);
      if (!opt->exact)
        {
          expand_glossary (t, folded, opt);
          if (unspaced)
            expand_glossary (t, unspaced, opt);
          /* 網路 is the texts' 网络, 資訊 their 信息: Taiwan's words in
             the mainland's, besides the characters folded one by one.  */
          char *taiwan = norm_taiwan_words (tok, strlen (tok));
          if (taiwan)
            {
              add_alt (t, taiwan);
              expand_glossary (t, taiwan, opt);
            }
          free (taiwan);
          /* Sinkiang is Xinjiang, as older English wrote it.  */
          const char *pinyin = oldnames_pinyin (folded);
          if (pinyin)
            {
              add_alt (t, pinyin);
              expand_glossary (t, pinyin, opt);
            }
          char *joined = quoted ? NULL : without_hyphens (folded);
          if (joined)
            {
              add_alt (t, joined);
              /* zhang-jiagang is Zhangjiagang: its renderings too.  */
              expand_glossary (t, joined, opt);
            }
          free (joined);
        }
      free (unspaced);
      free (folded);
    }
  int facets = q->ncollections > 0 || q->nregions > 0 || q->year > 0
    || q->doc >= 0;
  /* Punctuation alone ("&", "!!!", "。，", a quoted "&") is no word of
     any text: it would find nothing, or, as Chinese punctuation
     separates words, leave nothing at all, two answers to one
     question.  Both are refused alike, pointing to what finds it.  */
  /* (lang: alone is no punctuation: it is said below what it lacks.)  */
  int searchable = q->ntags > 0 || facets || q->nexcluded > 0
    || (q->nterms == 0 && (q->lang_only >= 0 || q->contradictory));
  const char *punct = NULL;     /* the first term's, else the text's */
  size_t kept = 0;              /* terms not excluded */
  for (size_t i = 0; i < q->nterms && !searchable; i++)
    {
      const struct term *t = &q->terms[i];
      if (t->negated)
        continue;
      kept++;
      searchable = t->kind == TERM_REGEX || t->nalts == 0
        || !analyze_is_punctuation (t->alts[0], strlen (t->alts[0]));
      if (punct == NULL && t->nalts > 0)
        punct = t->alts[0];
    }
  if (kept == 0 && q->nterms > 0)
    searchable = 1;             /* all excluded: said so below */
  char *folded_all = searchable ? NULL : norm_fold_string (text, strlen (text));
  if (folded_all && *folded_all)
    {
      if (punct == NULL || *punct == '\0')
        punct = folded_all;
      /* The first character as it is drawn (a grapheme: a flag's two
         regional indicators, a family's people joined), as a regex
         literal: a regex of half of it would find, and highlight, half
         a flag.  */
      size_t plen = strlen (punct);
      size_t glen = drawn_length (punct, plen);
      struct buf first = { 0 };
      for (size_t k = 0; k < glen;)
        {
          ucs4_t c;
          int n = u8_mbtouc (&c, (const uint8_t *) punct + k, glen - k);
          if (n <= 0)
            n = 1;
          /* A control or an invisible format character is written as
             its escape, which PCRE2 reads as the character: the message
             goes to a terminal, which it would drive (a joiner, or the
             tags of a subdivision's flag, are part of how a picture is
             drawn).  */
          if (uc_is_general_category (c, UC_CONTROL)
              || uc_is_general_category (c, UC_LINE_SEPARATOR)
              || uc_is_general_category (c, UC_PARAGRAPH_SEPARATOR)
              || (uc_is_general_category (c, UC_FORMAT) && c != 0x200d
                  && !(c >= 0xe0020 && c <= 0xe007f)))
            {
              char esc[16];
              snprintf (esc, sizeof esc, "\\x{%X}", (unsigned) c);
              buf_adds (&first, esc);
            }
          else
            {
              if (strchr ("\\^$.|?*+()[]{}/", punct[k]) && punct[k] != '\0')
                buf_addc (&first, '\\');
              buf_add (&first, punct + k, (size_t) n);
            }
          k += (size_t) n;
        }
      buf_addc (&first, '\0');
      ucs4_t uc;
      u8_mbtouc (&uc, (const uint8_t *) punct, plen);
      int picture = uc_is_property_extended_pictographic (uc)
        || (uc >= 0x1f1e6 && uc <= 0x1f1ff);
      free (folded_all);
      err->message = picture
        ? xasprintf (_("a picture is no word and is not searched: a regex "
                       "finds it, as /%s/"), first.data)
        : xasprintf (_("punctuation alone is not searched: a regex finds "
                       "it, as /%s/"), first.data);
      buf_free (&first);
      err->offset = 0;
      goto fail;
    }
  free (folded_all);
  if (q->nterms == 0 && q->ntags == 0 && !facets && q->nexcluded == 0)
    {
      /* lang: keeps no documents, as the other fields do: it says where
         to look, and alone there is nothing to look for.  */
      err->message = xstrdup (q->lang_only >= 0 || q->contradictory
                              ? _("lang: says which language to search: "
                                  "give words to find in it")
                              : _("empty query"));
      err->offset = 0;
      goto fail;
    }
  int positive = q->ntags > 0 || facets;
  for (size_t i = 0; i < q->nterms; i++)
    positive |= !q->terms[i].negated;
  if (!positive)
    {
      err->message = xstrdup (_("a query needs at least one term that is not excluded"));
      err->offset = 0;
      goto fail;
    }
  return q;

fail:
  query_free (q);
  return NULL;
}

void
query_free (struct query *q)
{
  if (q == NULL)
    return;
  for (size_t i = 0; i < q->nterms; i++)
    {
      struct term *t = &q->terms[i];
      free (t->source);
      for (size_t a = 0; a < t->nalts; a++)
        free (t->alts[a]);
      free (t->alts);
      free (t->alt_needs);
      if (t->re)
        pcre2_code_free (t->re);
      free (t->literal);
      strv_free (t->literals, t->nliterals);
    }
  free (q->terms);
  for (size_t i = 0; i < q->ntags; i++)
    free (q->tags[i]);
  free (q->tags);
  for (size_t i = 0; i < q->nexcluded; i++)
    free (q->excluded[i].value);
  free (q->excluded);
  strv_free (q->collections, q->ncollections);
  strv_free (q->regions, q->nregions);
  free (q);
}

int
query_jit_available (void)
{
  uint32_t jit = 0;
  pcre2_config (PCRE2_CONFIG_JIT, &jit);
  return jit != 0;
}

int
query_plain_word (const struct term *t)
{
  if (t->kind != TERM_WORDS || t->negated || t->quoted || t->nalts == 0
      || t->source[0] == '\0')
    return 0;
  for (const char *c = t->source; *c; c++)
    if (!util_ascii_alnum ((unsigned char) *c))
      return 0;
  return 1;
}

int
query_blank (const char *text)
{
  const char *p = text;
  size_t n;
  while ((n = space_len (p)) > 0)
    p += n;
  return *p == '\0';
}

int
query_terms_adjacent (const char *text, const struct term *a,
                      const struct term *b)
{
  if (a->quoted || b->quoted)
    return 0;
  const char *p = text + a->source_off + strlen (a->source);
  const char *end = text + b->source_off;
  if (p >= end)
    return 0;
  while (p < end && is_query_space (p))
    p += space_len (p);
  return p == end;
}
