/* test-regex-counts.c -- a regex that is a set of ideograph texts
   ("/检察[官长]/") is counted from its texts' places in the index where
   folding changed no ideograph, and run over the texts elsewhere (a
   traditional character, an invisible one between two): the answers
   are those of running it over every text, two runs of ideographs
   that seem to run on ("大学 | 学生") included, and the counting is done
   where it may be and only there.  */

#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine.h"
#include "util.h"
#include "tap.h"
#include "answer.h"

/* Write TEXT to the file NAME in DIR.  */
static void
write_file (const char *dir, const char *name, const char *text)
{
  char *path = xasprintf ("%s/%s", dir, name);
  if (util_write_atomic (path, text, strlen (text)) != 0)
    printf ("# could not write %s\n", path);
  free (path);
}

/* Write the document NAME in DIR, number NUMBER, its Chinese ZH.  */
static void
write_doc (const char *dir, const char *name, long number, const char *zh)
{
  char *text = xasprintf ("casebook-format: 1\nnumber: %ld\ntitle.zh: "
                          "第%ld号\ntitle.en: Number %ld\n\nzh: %s\n"
                          "en: Some English.\n", number, number, number, zh);
  write_file (dir, name, text);
  free (text);
}

/* The regexes asked: counted from the places, or not (a negated one,
   one that is more than its texts, one whose texts may overlap, one
   beside a word).  */
static const char *const regexes[] = {
  "/检察[官长]/", "/检察官/", "/(?:检察|审判)[官长]/", "lang:zh /检察[官长]/",
  "lang:en /检察[官长]/", "/哈哈/", "/检察官+/", "/^检察官/",
  "检察 /检察[官长]/", "/检察[官长]/ /审判长/", "巡回 -/检察长/",
  "/檢察官/", "/检察\\x{5b98}/", "/大学生/", "/大学生|研究生/",
  "lang:zh /大学生/", "tag:学生权益 /大学生/", NULL
};

/* Does every regex get the same answer from FAST and SLOW (which runs
   every regex over the texts), consistent with its hits, for a reader
   of either English?  Returns the number that do not; *COUNTED gets the
   documents FAST counted from the places for the first regex.  */
static int
compare (struct engine *fast, struct engine *slow, size_t *counted)
{
  int bad = 0;
  for (int revised = 1; revised >= 0; revised--)
    for (size_t i = 0; regexes[i]; i++)
      {
        char *a = answer_as (fast, regexes[i], revised);
        if (i == 0)
          *counted = engine_regex_counted_docs (fast);
        char *b = answer_as (slow, regexes[i], revised);
        if (strcmp (a, b) != 0 || !answer_consistent (a))
          {
            bad++;
            printf ("# %s%s\n#  counted: %.400s\n#  scanned: %.400s\n",
                    regexes[i], revised ? " (revised English)" : "", a, b);
          }
        free (a);
        free (b);
      }
  return bad;
}

int
main (void)
{
  char tmp[] = "/tmp/cbrgx.XXXXXX";
  tap_ok (mkdtemp (tmp) != NULL, "temporary directory");
  char *cache = xasprintf ("%s/cache", tmp);
  char *content = xasprintf ("%s/content", tmp);
  char *cmd = xasprintf ("cp -r '%s/tests/data/good' '%s'", ABS_SRCDIR,
                         content);
  tap_ok (system (cmd) == 0, "fixture copied");
  free (cmd);
  setenv ("XDG_CACHE_HOME", cache, 1);
  write_doc (content, "03-plain.cb", 3,
             "检察官和检察长，检察院的检察官。审判长。巡回检察长哈哈哈。");
  /* 檢察官 folds to 检察官, which /检察官/ does not match in it.  */
  write_doc (content, "04-traditional.cb", 4,
             "檢察官与检察官，检察长。");
  /* The invisible U+200B is dropped by folding: FTS5 sees 检察官.  */
  write_doc (content, "05-invisible.cb", 5,
             "检\xe2\x80\x8b察官与检察长，审判长。");
  /* A compatibility ideograph (U+F9FB, 炙) and a Kangxi radical
     (U+2F08, 人) fold to others.  */
  write_doc (content, "06-compatible.cb", 6,
             "\xef\xa7\xbb检察官\xe2\xbc\x88民检察院的检察长。");

  /* Two runs of ideographs with something between them that makes no
     token, the second beginning with the first's last character: their
     bigrams took neighbouring positions, and FTS5 found 大学生 in "大学 |
     学生" and 检察官 in "检察、察官" (found by a fresh-eyes attack).  A
     gap keeps them apart (ANALYZE_GAP).  */
  write_file (content, "07-joined.cb",
              "casebook-format: 1\nnumber: 7\ntitle.zh: 高校普法\n"
              "title.en: Law in universities\n\n"
              "keywords.zh: 大学 | 学生权益\n"
              "keywords.en: University | Student rights\n\n"
              "zh: 本案中，检察机关走进校园。\nen: Some English.\n");
  write_doc (content, "08-comma.cb", 8,
             "检察机关走进大学，学生们踊跃提问。检察、察官。本院检察、察院受理。");
  struct buf latin = { 0 };
  buf_adds (&latin, "检察\xe3\x80\x80察官，检察");
  for (int i = 0; i < 200; i++)
    buf_addc (&latin, 'x');
  buf_adds (&latin, "察长。");
  write_doc (content, "09-apart.cb", 9, latin.data);
  buf_free (&latin);
  /* The release's English revised into what makes no token: its 检察官
     is not the revised English reader's (found by a fresh-eyes
     attack).  */
  write_file (content, "10-revised.cb",
              "casebook-format: 1\nnumber: 10\ntitle.zh: 第十号\n"
              "title.en: Number 10\n\nzh: 检察官出庭。\n"
              "en: The 检察官 appeared.\nen.rev: —\n");

  struct engine *disk = answer_open_engine (content, 0, NULL);
  struct engine *slow = answer_open_engine (content, 0, NULL);
  struct engine *mem = answer_open_engine (content, 1, NULL);
  tap_ok (disk && slow && mem, "the index, twice, and one in memory");
  if (!(disk && slow && mem))
    return tap_done ();
  engine_set_regex_counts (slow, 0);

  size_t counted = 0;
  int bad = compare (disk, slow, &counted);
  tap_ok (bad == 0, "every regex answers as when run over the texts "
          "(%d differ)", bad);
  /* Of those with a match only 03 and 10 are plain: 04, 05 and 06 each
     hold an ideograph that folding changes, or joins to another, if not
     in a match.  */
  tap_ok (counted == 2, "counted from the places in the plain documents "
          "only (%zu)", counted);
  char *a = answer (disk, "/检察[官长]/");
  tap_ok (strstr (a, "sample/3:4:") && strstr (a, "sample/4:2:")
          && strstr (a, "sample/5:1:") && strstr (a, "sample/6:2:"),
          "each document's matches: %s", a);
  free (a);
  a = answer (disk, "\"检察官\"");
  char *b = answer (disk, "大学生 研究生");
  tap_ok (strstr (a, "sample/3:") && strstr (a, "sample/8:") == NULL
          && strstr (a, "sample/9:") == NULL && strstr (b, "sample/7:") == NULL
          && strstr (b, "sample/8:") == NULL, "no phrase is found across "
          "two runs: %s / %s", a, b);
  free (a);
  free (b);
  /* The release's English that a revision of no token replaces is no
     hit for a reader of the revised English, in a word's search too.  */
  a = answer_as (disk, "检察官出庭", 1);
  b = answer_as (disk, "检察官出庭", 0);
  tap_ok (strncmp (a, "sample/10:1:", 12) == 0 && answer_consistent (a)
          && strncmp (b, "sample/10:", 10) == 0 && strstr (b, "en[检察官]"),
          "a revision of no token hides the release's English: %s / %s",
          a, b);
  free (a);
  free (b);
  /* A phrase typed across two runs, as the text has them, finds it.  */
  a = answer (disk, "\"学，学生\" \"检察、察\"");
  tap_ok (strncmp (a, "sample/8:", 9) == 0, "a phrase copied across two "
          "runs finds them: %s", a);
  free (a);
  bad = compare (mem, slow, &counted);
  tap_ok (bad == 0 && counted == 2, "the same in an index in memory "
          "(%d differ, %zu counted)", bad, counted);
  free (answer (slow, "/检察[官长]/"));
  tap_ok (engine_regex_counted_docs (slow) == 0, "told not to, an engine "
          "runs the regex over every text");

  /* A document edited into plain text is counted; one edited out of it
     is not.  */
  write_doc (content, "04-traditional.cb", 4, "检察官与检察官，检察长。");
  write_doc (content, "03-plain.cb", 3, "檢察官和检察长。");
  engine_close (disk);
  disk = answer_open_engine (content, 0, NULL);
  engine_close (slow);
  slow = answer_open_engine (content, 0, NULL);
  if (!(disk && slow))
    return tap_done ();
  engine_set_regex_counts (slow, 0);
  bad = compare (disk, slow, &counted);
  a = answer (disk, "/检察[官长]/");
  tap_ok (bad == 0 && counted == 2 && strstr (a, "sample/4:3:")
          && strstr (a, "sample/3:1:"), "after edits, the edited documents "
          "change places (%d differ, %zu counted): %s", bad, counted, a);
  free (a);

  engine_close (disk);
  engine_close (slow);
  engine_close (mem);
  cmd = xasprintf ("rm -rf '%s'", tmp);
  if (system (cmd) != 0)
    printf ("# could not remove %s\n", tmp);
  free (cmd);
  free (cache);
  free (content);
  return tap_done ();
}
