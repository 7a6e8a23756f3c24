/* test-segment.c -- the word list friso's dictionary is written to: a
   segmenter that reads only the words a run holds from it cuts every
   run as the one with the whole dictionary does, and a list that is
   stale, damaged or not a file is not used.  */

#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unistr.h>

#include "content.h"
#include "segment.h"
#include "tap.h"
#include "util.h"

/* The size of the list's header: magic, key, 12 settings, 16 bytes of
   punctuation, the longest word, the number of words, the pool's size.  */
#define HEAD_BYTES (8 + 8 + 4 * 12 + 16 + 12)

/* The words of TEXT by S, joined by spaces.  Caller frees.  */
static char *
cut (struct segmenter *s, const char *text)
{
  char **w;
  size_t n = segmenter_split (s, text, &w);
  struct buf b = { 0 };
  buf_adds (&b, "");
  for (size_t i = 0; i < n; i++)
    {
      if (i)
        buf_addc (&b, ' ');
      buf_adds (&b, w[i]);
    }
  strv_free (w, n);
  return buf_steal (&b);
}

static int
is_han (ucs4_t uc)
{
  return (uc >= 0x3400 && uc <= 0x9fff) || (uc >= 0x20000 && uc <= 0x3ffff);
}

/* Add the runs of ideographs of the LEN bytes at S to *RUNS.  */
static void
add_runs (const char *s, size_t len, char ***runs, size_t *n, size_t *alloc)
{
  const uint8_t *p = (const uint8_t *) s, *e = p + len, *start = NULL;
  while (p <= e)
    {
      ucs4_t uc = 0;
      int k = p < e ? u8_mbtouc (&uc, p, (size_t) (e - p)) : 1;
      if (p < e && is_han (uc))
        {
          if (start == NULL)
            start = p;
        }
      else if (start)
        {
          *runs = xgrow (*runs, alloc, *n + 1, sizeof **runs);
          (*runs)[(*n)++] = xstrndup ((const char *) start,
                                      (size_t) (p - start));
          start = NULL;
        }
      p += k > 0 ? k : 1;
    }
}

int
main (void)
{
  struct glossary g = { 0 };
  struct diags d = { 0 };
  content_read_glossary (ABS_SRCDIR "/content/glossary.tsv", &g, &d);
  diags_free (&d);
  struct segmenter *whole = segmenter_new (&g, NULL);
  if (whole == NULL)
    {
      printf ("1..0 # SKIP friso or its dictionary is not installed\n");
      glossary_free (&g);
      return 0;
    }
  char dir[] = "/tmp/test-segment.XXXXXX";
  if (mkdtemp (dir) == NULL)
    return 99;
  char *list = xasprintf ("%s/segment.bin", dir);

  struct segmenter *first = segmenter_new (&g, list);
  struct stat st;
  tap_ok (first && !segmenter_from_list (first) && stat (list, &st) == 0,
          "the first segmenter loads the dictionary and writes the list");
  segmenter_free (first);
  struct segmenter *fast = segmenter_new (&g, list);
  tap_ok (fast && segmenter_from_list (fast),
          "the next one reads the list");

  /* Every run of ideographs of the shipped documents and every Chinese
     form of the glossary, and the same runs joined in twos.  */
  char **runs = NULL;
  size_t nruns = 0, alloc = 0;
  static const char *const docs[] = {
    "00-overview.cb", "01-hulunbuir.cb", "02-jilin.cb", "03-zhangjiagang.cb",
    "04-jiangxi.cb", "05-shandong.cb", "06-henan.cb", "07-guangxi.cb",
    "08-xinjiang.cb"
  };
  for (size_t i = 0; i < sizeof docs / sizeof *docs; i++)
    {
      char *path = xasprintf ("%s/content/batch3/%s", ABS_SRCDIR, docs[i]);
      size_t len;
      char *text = util_read_file (path, &len);
      if (text)
        add_runs (text, len, &runs, &nruns, &alloc);
      free (text);
      free (path);
    }
  size_t from_docs = nruns;
  for (size_t i = 0; i < g.count; i++)
    for (size_t v = 0; v < glossary_nforms (&g.entries[i], LANG_ZH); v++)
      {
        const char *w = glossary_form (&g.entries[i], LANG_ZH, v);
        if (w)
          add_runs (w, strlen (w), &runs, &nruns, &alloc);
      }
  for (size_t i = 0; i + 1 < from_docs && i < 2000; i += 2)
    {
      char *two = xasprintf ("%s%s", runs[i], runs[i + 1]);
      runs = xgrow (runs, &alloc, nruns + 1, sizeof *runs);
      runs[nruns++] = two;
    }
  tap_ok (from_docs > 1000, "the documents have runs to cut (%zu)",
          from_docs);
  size_t differ = 0;
  for (size_t i = 0; i < nruns; i++)
    {
      char *a = cut (whole, runs[i]), *b = cut (fast, runs[i]);
      if (strcmp (a, b) != 0 && differ++ < 5)
        printf ("# %s\n#  whole: %s\n#   list: %s\n", runs[i], a, b);
      free (a);
      free (b);
    }
  tap_ok (differ == 0, "%zu runs cut alike from the list and the whole "
          "dictionary (%zu differ)", nruns, differ);
  tap_ok (segmenter_from_list (fast),
          "runs of ideographs never load the dictionary");
  char *a = cut (whole, "检察机关2022年"), *b = cut (fast, "检察机关2022年");
  tap_is (b, a, "a run with digits is cut by the whole dictionary");
  free (a);
  free (b);
  segmenter_free (fast);

  /* A different glossary: the list is of another dictionary.  */
  struct glossary none = { 0 };
  struct segmenter *other = segmenter_new (&none, list);
  tap_ok (other && !segmenter_from_list (other),
          "a list written with another glossary is not used");
  segmenter_free (other);
  other = segmenter_new (&g, list);
  tap_ok (other && !segmenter_from_list (other),
          "... and was written again for that glossary");
  segmenter_free (other);
  other = segmenter_new (&g, list);
  tap_ok (other && segmenter_from_list (other), "... and back");
  segmenter_free (other);

  /* Damage: a byte changed in the middle, the file cut short, a link
     or a directory in its place.  */
  size_t len;
  char *bytes = util_read_file (list, &len);
  for (int damage = 0; bytes && damage < 4; damage++)
    {
      unlink (list);
      if (damage == 0)
        {
          bytes[len / 2] ^= 0x20;
          util_write_atomic (list, bytes, len);
          bytes[len / 2] ^= 0x20;
        }
      else if (damage == 1)
        util_write_atomic (list, bytes, len / 3);
      else if (damage == 2)
        {
          char *elsewhere = xasprintf ("%s/elsewhere", dir);
          util_write_atomic (elsewhere, bytes, len);
          if (symlink (elsewhere, list) != 0)
            tap_ok (0, "symlink: %s", strerror (errno));
          free (elsewhere);
        }
      else
        mkdir (list, 0700);
      struct segmenter *s = segmenter_new (&g, list);
      char *x = s ? cut (s, "常态化开展监狱交叉巡回检察") : NULL;
      char *y = cut (whole, "常态化开展监狱交叉巡回检察");
      tap_ok (s && !segmenter_from_list (s) && x && strcmp (x, y) == 0,
              "a list %s is not used",
              damage == 0 ? "with a byte changed"
              : damage == 1 ? "cut short"
              : damage == 2 ? "that is a link" : "that is a directory");
      free (x);
      free (y);
      segmenter_free (s);
      if (damage == 2)
        {
          struct stat ls;
          tap_ok (lstat (list, &ls) == 0 && S_ISREG (ls.st_mode),
                  "... and the link was replaced by a file");
        }
      if (damage == 3)
        rmdir (list);
    }
  free (bytes);

  /* Changed in place once read: the list written by another user in a
     shared cache, or cut short by a tool that writes files in place.
     A segmenter that has read it goes on as before (in a child: one
     that still looked at the file would die of SIGBUS).  */
  segmenter_free (segmenter_new (&g, list));
  struct segmenter *held = segmenter_new (&g, list);
  char *before = cut (whole, "常态化开展监狱交叉巡回检察");
  tap_ok (held && segmenter_from_list (held), "a list is read");
  if (truncate (list, HEAD_BYTES) != 0)
    tap_ok (0, "truncate: %s", strerror (errno));
  fflush (stdout);
  pid_t pid = fork ();
  if (pid == 0)
    {
      char *x = cut (held, "常态化开展监狱交叉巡回检察");
      _exit (strcmp (x, before) == 0 ? 0 : 1);
    }
  int status = -1;
  if (pid > 0)
    waitpid (pid, &status, 0);
  tap_ok (pid > 0 && WIFEXITED (status) && WEXITSTATUS (status) == 0,
          "a list cut short after it was read does not harm the reader "
          "(child: %s %d)", WIFSIGNALED (status) ? "signal" : "exit",
          WIFSIGNALED (status) ? WTERMSIG (status) : WEXITSTATUS (status));
  segmenter_free (held);
  free (before);

  /* Planted: whole and checksummed, but with a word of a lexicon friso
     does not have (friso_dic_add ignores it, and the copy made for it
     was lost).  */
  segmenter_free (segmenter_new (&g, list));
  bytes = util_read_file (list, &len);
  if (bytes && len > HEAD_BYTES + 8)
    {
      uint32_t nw, off0;
      memcpy (&nw, bytes + HEAD_BYTES - 8, sizeof nw);
      memcpy (&off0, bytes + HEAD_BYTES, sizeof off0);
      bytes[HEAD_BYTES + 4 * (size_t) nw + off0] = (char) 200;
      uint64_t sum = util_hash (0, bytes, len - 8);
      memcpy (bytes + len - 8, &sum, sizeof sum);
      unlink (list);
      util_write_atomic (list, bytes, len);
      struct segmenter *s = segmenter_new (&g, list);
      tap_ok (s && !segmenter_from_list (s),
              "a list with a word of no lexicon is not used");
      segmenter_free (s);
    }
  free (bytes);

  /* The key follows the files of friso's lexicon directory, however
     friso.ini names it: after commented-out examples (as Debian's
     does), or relative to friso.ini.  */
  char *lexdir = xasprintf ("%s/lex", dir);
  char *lexfile = xasprintf ("%s/lex/lex-main.lex", dir);
  char *ini = xasprintf ("%s/friso.ini", dir);
  mkdir (lexdir, 0700);
  for (int relative = 0; relative < 2; relative++)
    {
      char *text = xasprintf ("# lexicon directory.\n"
                              "# linux:\tfriso.lex_dir = /c/friso/dict/\n"
                              "friso.lex_dir = %s/\nfriso.max_len = 5\n",
                              relative ? "lex" : lexdir);
      util_write_atomic (ini, text, strlen (text));
      free (text);
      util_write_atomic (lexfile, "中国/null/100\n", strlen ("中国/null/100\n"));
      uint64_t k1 = segmenter_key (ini, &g);
      util_write_atomic (lexfile, "中国人/null/100\n",
                         strlen ("中国人/null/100\n"));
      uint64_t k2 = segmenter_key (ini, &g);
      tap_ok (k1 != 0 && k1 != k2, "a changed lexicon changes the key "
              "(lex_dir %s)", relative ? "relative" : "after comments");
    }
  free (ini);
  free (lexfile);
  free (lexdir);

  for (size_t i = 0; i < nruns; i++)
    free (runs[i]);
  free (runs);
  segmenter_free (whole);
  glossary_free (&g);
  char *rm = xasprintf ("rm -rf '%s'", dir);
  if (system (rm) != 0)
    tap_ok (0, "clean up %s", dir);
  free (rm);
  free (list);
  return tap_done ();
}
