/* test-norm.c -- folding, offset maps, widths, visible controls and line
   breaking, on fixed cases and on every shipped paragraph.  */

#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uniwidth.h>
#include <unistr.h>

#include "content.h"
#include "layout.h"
#include "norm.h"
#include "util.h"
#include "tap.h"

static void
fold_is (const char *in, const char *want, const char *what)
{
  char *got = norm_fold_string (in, strlen (in));
  tap_is (got, want, "fold: %s", what);
  free (got);
}

/* Check the fold map of S: every folded byte maps into S, starts never go
   backwards, and refolding the mapped source gives the folded text.  */
static int
map_ok (const char *s, size_t len)
{
  struct folded f;
  norm_fold (s, len, 1, &f);
  int ok = 1;
  for (size_t i = 0; i < f.len && ok; i++)
    {
      ok = f.start[i] < f.end[i] && f.end[i] <= len;
      if (i > 0 && f.start[i] < f.start[i - 1])
        ok = 0;
    }
  if (ok && f.len > 0)
    {
      char *again = norm_fold_string (s + f.start[0], f.end[f.len - 1] - f.start[0]);
      ok = strcmp (again, f.str) == 0;
      free (again);
    }
  norm_folded_free (&f);
  return ok;
}

static int
forbidden_at_start (const char *s)
{
  static const char *const bad[] = { "。", "，", "、", "」", "）", "：", "；", "”", "！", "？" };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    if (strncmp (s, bad[i], strlen (bad[i])) == 0)
      return 1;
  return 0;
}

static int
forbidden_at_end (const char *s, size_t len)
{
  static const char *const bad[] = { "「", "“", "《", "（", "【" };
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    {
      size_t n = strlen (bad[i]);
      if (len >= n && memcmp (s + len - n, bad[i], n) == 0)
        return 1;
    }
  return 0;
}

/* Wrap T at WIDTH and check the rules; returns a description of the
   first problem or NULL.  */
static const char *
wrap_problem (const struct text *t, int width)
{
  struct layout_line *ll;
  size_t n = layout_wrap (t->str, t->len, width, width, &ll);
  const char *problem = NULL;
  struct buf joined = { 0 };
  for (size_t i = 0; i < n && !problem; i++)
    {
      const char *s = t->str + ll[i].off;
      if (ll[i].width > width)
        problem = "line wider than the width";
      else if (ll[i].width != norm_width (s, ll[i].len))
        problem = "reported width differs from measured width";
      else if (i > 0 && forbidden_at_start (s))
        problem = "closing punctuation at a line start";
      else if (i + 1 < n && forbidden_at_end (s, ll[i].len))
        problem = "opening punctuation at a line end";
      buf_add (&joined, s, ll[i].len);
    }
  if (!problem)
    {
      /* Nothing but spaces may be lost at the breaks.  */
      struct buf orig = { 0 };
      for (size_t i = 0; i < t->len; i++)
        if (t->str[i] != ' ')
          buf_addc (&orig, t->str[i]);
      struct buf j2 = { 0 };
      for (size_t i = 0; i < joined.len; i++)
        if (joined.data[i] != ' ')
          buf_addc (&j2, joined.data[i]);
      if (orig.len != j2.len || memcmp (orig.data, j2.data, orig.len) != 0)
        problem = "text lost or changed by wrapping";
      buf_free (&orig);
      buf_free (&j2);
    }
  buf_free (&joined);
  free (ll);
  return problem;
}

/* What OpenCC said of each character is remembered in a file, and a
   missing or damaged file changes nothing but the time taken.  */
static void
test_t2s_memory (void)
{
#if HAVE_OPENCC
  if (!norm_has_opencc ())
    {
      tap_ok (1, "# SKIP OpenCC data not installed");
      return;
    }
  char dir[] = "/tmp/cbt2s.XXXXXX";
  if (mkdtemp (dir) == NULL)
    return;
  char *path = xasprintf ("%s/sub/t2s.bin", dir);
  norm_cleanup ();
  norm_t2s_memory (path);
  fold_is ("巡迴檢察", "巡回检察", "t2s memory: folding with none yet");
  tap_ok (norm_t2s_memory_save () == 0, "t2s memory: written (its directory made)");
  size_t len = 0;
  char *data = util_read_file (path, &len);
  tap_ok (data && len > 0xfb00 - 0x3400, "t2s memory: a state per character (%zu bytes)", len);
  struct stat before, after;
  int same = stat (path, &before) == 0 && norm_t2s_memory_save () == 0
    && stat (path, &after) == 0 && before.st_ino == after.st_ino;
  tap_ok (same, "t2s memory: nothing new, nothing written");
  norm_cleanup ();
  norm_t2s_memory (path);
  fold_is ("巡迴檢察 巡回检察", "巡回检察 巡回检察", "t2s memory: folding with it read back");
  /* Read when an ideograph first needs it, not when named: a search in
     English never reads it.  Removed after it was named and before any
     ideograph was folded, it is found missing, so what is folded then
     is learnt anew, and written again.  */
  norm_cleanup ();
  norm_t2s_memory (path);
  fold_is ("Circuit", "circuit", "t2s memory: folding English");
  unlink (path);
  fold_is ("巡迴檢察", "巡回检察", "t2s memory: then an ideograph");
  tap_ok (norm_t2s_memory_save () == 0 && access (path, F_OK) == 0,
          "t2s memory: read only when an ideograph needed it");
  /* Damage it: ignored.  */
  if (data)
    {
      data[len / 2] ^= 1;
      util_write_atomic (path, data, len);
    }
  norm_cleanup ();
  norm_t2s_memory (path);
  fold_is ("巡迴檢察", "巡回检察", "t2s memory: a damaged file is ignored");
  norm_cleanup ();
  free (data);
  char *cmd = xasprintf ("rm -rf %s", dir);
  tap_ok (system (cmd) == 0, "t2s memory: cleaned up");
  free (cmd);
  free (path);
#endif
}

int
main (void)
{
  fold_is ("ＡＢＣ１，（一）", "abc1,(一)", "full-width ASCII and punctuation");
  fold_is ("巡回检察", "巡回检察", "ideographs unchanged");
  fold_is ("  Circuit \t Inspection  ", "circuit inspection", "white space runs and ends");
  fold_is ("一体化\xe2\x80\x82 四大检察", "一体化 四大检察", "EN SPACE folds to a space");
  fold_is ("Stra\xc3\x9f" "e", "strasse", "case folding of ß");
  fold_is ("HULUNBUIR", "hulunbuir", "upper case");
  fold_is ("案-件比", "案-件比", "hyphen kept");
  fold_is ("\xef\xac\x81le", "file", "ligature");
  fold_is ("巡\xe2\x80\x8b回检察", "巡回检察", "a zero width space pasted inside a word is gone");
  fold_is ("pro\xc2\xadsecutor\xef\xbb\xbf", "prosecutor", "so are a soft hyphen and a BOM");
  fold_is ("\xe2\x80\x8b", "", "and a query of one alone is empty");
  fold_is ("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9",
           "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9",
           "a joiner inside an emoji sequence stays with it");
  const char *zw = "a\xe2\x80\x8b" "b 巡\xe2\x80\x8b回";
  tap_ok (map_ok (zw, strlen (zw)),
          "map: the text around a dropped zero width space maps back");
  /* A joiner after an ideograph is part of its cluster: it folds the
     same with a map and without (fuzz-norm found them apart).  */
  const char *zwj = "\x03\xc2;漢字abc\xe2\x80\x95号\xe2\x80\x8d" "e";
  struct folded fm;
  norm_fold (zwj, strlen (zwj), 1, &fm);
  char *plain = norm_fold_string (zwj, strlen (zwj));
  tap_is (plain, fm.str, "fold: a joiner after an ideograph, with a map and without");
  free (plain);
  norm_folded_free (&fm);
#if HAVE_OPENCC
  if (norm_has_opencc ())
    fold_is ("巡迴檢察", "巡回检察", "traditional to simplified");
  else
    tap_ok (1, "# SKIP OpenCC data not installed");
#else
  tap_ok (1, "# SKIP built without OpenCC");
#endif
  test_t2s_memory ();

  struct folded f;
  const char *s = "ＲＥＧＥＸ and Straße";
  norm_fold (s, strlen (s), 1, &f);
  char *hit = strstr (f.str, "strasse");
  size_t fs = hit ? (size_t) (hit - f.str) : 0;
  tap_ok (hit && f.start[fs] == strlen ("ＲＥＧＥＸ and ")
          && f.end[fs + 6] == strlen (s), "map: strasse covers Straße exactly");
  tap_ok (f.start[0] == 0 && f.end[0] == 3, "map: r comes from Ｒ (3 bytes)");
  norm_folded_free (&f);

  tap_ok (norm_width ("巡回", 6) == 4, "ideographs are two columns");
  tap_ok (norm_width ("“”", 6) == 2, "quotes are narrow by default");
  norm_set_ambiguous_wide (1);
  tap_ok (norm_width ("“”", 6) == 4, "quotes are wide with --ambiguous-wide");
  norm_set_ambiguous_wide (0);
  /* The widths norm_char_width knows without asking libunistring are
     libunistring's, in either setting.  */
  int same_widths = 1;
  for (int wide = 0; wide <= 1; wide++)
    {
      norm_set_ambiguous_wide (wide);
      for (ucs4_t uc = 0x20; uc < 0xa000; uc++)
        {
          int lib = uc_width (uc, wide ? "GBK" : "UTF-8");
          if (norm_char_width (uc) != (lib < 0 ? 0 : lib))
            same_widths = 0;
        }
    }
  norm_set_ambiguous_wide (0);
  tap_ok (same_widths, "character widths are libunistring's");

  struct visible v;
  const char *ctl = "a\x1b[31mb\xe2\x80\xae" "c\x7f\xc2\x85";
  norm_visible (ctl, strlen (ctl), 0, &v);
  tap_is (v.str, "a^[[31mb<U+202E>c^?<U+0085>", "controls and overrides made visible");
  tap_ok (v.src_off[1] == 1 && v.src_off[3] == 2 && v.src_off[v.len] == strlen (ctl),
          "visible map points at the original bytes");
  norm_visible_free (&v);
  tap_ok (!norm_needs_visible ("巡回检察 plain", 17, 0), "plain text needs nothing");
  /* Letters and marks that draw nothing are named too; a variation
     selector after an ideograph stays, choosing its glyph.  */
  const char *blank = "a\xe3\x85\xa4" "b\xcd\x8f" "c\xef\xbe\xa0" "d";
  norm_visible (blank, strlen (blank), 0, &v);
  tap_is (v.str, "a<U+3164>b<U+034F>c<U+FFA0>d",
          "Hangul fillers and the grapheme joiner made visible");
  norm_visible_free (&v);
  const char *ivs = "\xe8\x91\x9b\xf3\xa0\x84\x81";   /* 葛 U+E0101 */
  tap_ok (!norm_needs_visible (ivs, strlen (ivs), 0),
          "an ideographic variation sequence needs nothing");

  /* Quoted Chinese must be able to wrap.  */
  const char *q = "他又说“再见”然后离开了这里";
  struct layout_line *ll;
  size_t n = layout_wrap (q, strlen (q), 8, 8, &ll);
  tap_ok (n >= 2 && ll[0].width <= 8, "quoted Chinese wraps (%zu lines)", n);
  free (ll);
  const char *longword = "Supercalifragilisticexpialidocious";
  n = layout_wrap (longword, strlen (longword), 10, 10, &ll);
  tap_ok (n == 4 && ll[0].len == 10, "an over-long word gets emergency breaks");
  free (ll);

  /* layout_wrap_words: narrow text breaks at spaces only; wide text
     between its characters.  */
  const char *tokens = "excludes; tag:KEYWORD; half-page-down a/b";
  n = layout_wrap_words (tokens, strlen (tokens), 16, 16, &ll);
  int whole = n == 4;
  for (size_t i = 0; i < n; i++)
    whole = whole && (i + 1 == n || tokens[ll[i].off + ll[i].len] == ' ');
  tap_ok (whole, "layout_wrap_words breaks only at spaces (%zu lines)", n);
  free (ll);
  n = layout_wrap (tokens, strlen (tokens), 16, 16, &ll);
  tap_ok (n >= 3 && tokens[ll[0].off + ll[0].len] != ' ',
          "where layout_wrap breaks after a colon or hyphen");
  free (ll);
  const char *zh = "用 tag:关键词 查找，再按回车打开该案例的全文";
  n = layout_wrap_words (zh, strlen (zh), 12, 12, &ll);
  int tag_whole = 1;
  for (size_t i = 0; i < n; i++)
    tag_whole = tag_whole && ll[i].width <= 12
      && (ll[i].len < 4 || memcmp (zh + ll[i].off + ll[i].len - 4, "tag:", 4));
  tap_ok (n >= 3 && tag_whole,
          "Chinese wraps between characters, not inside tag: (%zu lines)", n);
  free (ll);
  const char *keys = "Home End ^A ^E、Backspace、Delete ^D";
  n = layout_wrap_words (keys, strlen (keys), 18, 18, &ll);
  tap_ok (n == 3 && strncmp (keys + ll[1].off, "Backspace", 9) == 0,
          "layout_wrap_words breaks after 、 before a narrow word (%zu lines)",
          n);
  free (ll);
  n = layout_wrap_words (longword, strlen (longword), 10, 10, &ll);
  tap_ok (n == 4 && ll[0].len == 10,
          "layout_wrap_words: an over-long word gets emergency breaks");
  free (ll);

  /* Every shipped paragraph: fold maps and wrapping rules.  */
  const char *top = getenv ("top_srcdir");
  char *dir = xasprintf ("%s/content", top ? top : "..");
  struct diags d = { 0 };
  struct library *lib = content_load (dir, &d);
  tap_ok (d.errors == 0, "shipped content loads");
  size_t texts = 0, bad_maps = 0, bad_wraps = 0;
  const char *first_problem = NULL;
  for (size_t i = 0; i < library_document_count (lib); i++)
    {
      const struct document *doc = library_document (lib, i);
      for (size_t sct = 0; sct < doc->nsections; sct++)
        for (size_t b = 0; b < doc->sections[sct].nblocks; b++)
          for (int l = 0; l < LANG_COUNT; l++)
            {
              const struct text *t = bitext_get (&doc->sections[sct].blocks[b].text, l);
              if (!t)
                continue;
              texts++;
              bad_maps += !map_ok (t->str, t->len);
              static const int widths[] = { 12, 37, 80 };
              for (size_t w = 0; w < 3; w++)
                {
                  const char *p = wrap_problem (t, widths[w]);
                  if (p)
                    {
                      bad_wraps++;
                      if (!first_problem)
                        first_problem = p;
                    }
                }
            }
    }
  tap_ok (texts > 250, "checked %zu shipped texts", texts);
  tap_ok (bad_maps == 0, "fold maps round-trip on every shipped text (%zu bad)", bad_maps);
  tap_ok (bad_wraps == 0, "wrapping keeps the rules on every shipped text (%zu bad: %s)",
          bad_wraps, first_problem ? first_problem : "none");
  library_free (lib);
  diags_free (&d);
  free (dir);
  norm_cleanup ();
  return tap_done ();
}
