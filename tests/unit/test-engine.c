/* test-engine.c -- the search façade: the saved index answers exactly as
   an index built in memory; it follows edits one document at a time,
   including an edit that keeps the size and restores the time; a
   damaged or planted database is never believed; a cache directory that
   another user could write is not used.  */

#include <config.h>

#include <grp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "engine.h"
#include "norm.h"
#include "tap.h"
#include "answer.h"

/* engine_set_between_reads's: at STEP, once, another casebook changes
   the content DIR (the shell command CMD) and indexes it.  */
struct another_write
{
  int step;
  const char *cmd, *dir;
  int done;
};

static void
write_between (void *arg, int step)
{
  struct another_write *w = arg;
  if (step != w->step || w->done)
    return;
  w->done = 1;
  if (system (w->cmd) != 0)
    printf ("# failed: %s\n", w->cmd);
  struct engine *other = answer_open_engine (w->dir, 0, NULL);
  engine_close (other);
}

static const char *const queries[] = {
  "巡回检察", "circuit inspection", "\"circuit inspection\"", "inspect",
  "HULUNBUIR", "tag:巡回检察", "tag:邻近院 14", "lang:en 巡回检察",
  "lang:zh 巡回检察", "integration -hulunbuir", "39 prisons", "（一）",
  "adjacent courts", "cases", "检察", "procuratorial organs", "一体化",
  "案-件比", "the", "2019", "四大检察", "减假暂", "nothing-at-all",
  "/检察[官长]/", "/Inspection/", "/inspect\\w+/", "/\\d{3},\\d{3}/",
  "lang:zh /检察[官长]/", "lang:en /检察/", "/^【/", "/检察院|法院/",
  "circuit inspections", "-circuit 检察", "巡迴檢察", "Circuit-Inspection",
  "organised", "「巡回检察」", "巡回检察。", "院", NULL
};

static int
run (const char *cmd)
{
  return system (cmd);
}

int
main (void)
{
  const char *src = ABS_SRCDIR "/tests/data/good";
  char tmp[] = "/tmp/cbeng.XXXXXX";
  tap_ok (mkdtemp (tmp) != NULL, "temporary directory");
  char *cache = xasprintf ("%s/cache", tmp);
  char *content = xasprintf ("%s/content", tmp);
  char *cmd = xasprintf ("cp -r '%s' '%s'", src, content);
  tap_ok (run (cmd) == 0, "fixture copied");
  free (cmd);
  setenv ("XDG_CACHE_HOME", cache, 1);

  /* The saved index and one in memory agree on every query.  */
  char *note = NULL;
  struct engine *disk = answer_open_engine (content, 0, &note);
  tap_ok (disk != NULL && note == NULL, "the index is built in the cache "
          "(%s)", note ? note : "no note");
  free (note);
  struct engine *mem = answer_open_engine (content, 1, NULL);
  tap_ok (mem != NULL, "an index in memory");
  size_t same = 0, total = 0;
  for (size_t i = 0; queries[i] && disk && mem; i++, total++)
    {
      char *a = answer (disk, queries[i]), *b = answer (mem, queries[i]);
      if (strcmp (a, b) == 0)
        same++;
      else
        printf ("# %s\n#  saved: %s\n# memory: %s\n", queries[i], a, b);
      free (a);
      free (b);
    }
  tap_ok (same == total && total > 0, "saved and in-memory indexes agree "
          "(%zu/%zu)", same, total);

  /* What the analysis promises, through the whole engine.  */
  char *a = answer (mem, "巡回检察");
  tap_ok (strstr (a, "zh[巡回检察]") && strstr (a, "en[circuit inspection]"),
          "a Chinese term finds its English rendering: %s", a);
  free (a);
  a = answer (mem, "巡迴檢察");
  char *b = answer (mem, "巡回检察");
  tap_is (a, b, "traditional script finds the simplified text");
  free (a);
  free (b);
  a = answer (mem, "circuit inspections");
  tap_ok (strstr (a, "en[circuit inspection]") != NULL,
          "an inflected phrase finds the glossary term: %s", a);
  free (a);
  a = answer (mem, "「巡回检察」");
  b = answer (mem, "\"巡回检察\"");
  tap_is (a, b, "corner brackets quote a phrase");
  free (a);
  free (b);
  a = answer (mem, "巡回检察。");
  b = answer (mem, "巡回检察");
  tap_is (a, b, "a trailing 。 is not part of the term");
  free (a);
  free (b);
  a = answer (mem, "2");
  tap_ok (strstr (a, "[2019]") == NULL, "a number is not a prefix of "
          "another: %s", a);
  free (a);
  /* One ideograph is found where the index places it: with the bigram
     it ends (报告) or begins (提升).  Its hit is that character, in a
     phrase as alone ("全面推行“一案一报告”制度，提升监督质效").  */
  static const struct { const char *query, *hit; } one_char[] = {
    { "告", "zh[告]" }, { "提", "zh[提]" },
    { "\"度，提升监督\"", "zh[度，提升监督]" },
    { "\"制度，提\"", "zh[制度，提]" },
    { "\"度，提\"", "zh[度，提]" },
  };
  for (size_t i = 0; i < sizeof one_char / sizeof *one_char; i++)
    {
      a = answer (mem, one_char[i].query);
      tap_ok (strstr (a, one_char[i].hit) != NULL
              && strchr (strstr (a, "zh["), ']') - strstr (a, "zh[") + 1
                 == (ptrdiff_t) strlen (one_char[i].hit),
              "%s is highlighted as %s: %s", one_char[i].query,
              one_char[i].hit, a);
      free (a);
    }
  /* No phrase runs from one keyword into the next: "Adjacent hospital
     | integration", "circuit inspection | commutation, ...".  A phrase
     copied with the bar finds the list.  */
  a = answer (mem, "\"hospital integration\"");
  tap_is (a, "", "a phrase is not found across the bar between keywords");
  free (a);
  a = answer (mem, "\"inspection commutation\"");
  tap_is (a, "", "nor in a list of the other language");
  free (a);
  a = answer (mem, "\"hospital | integration\"");
  tap_ok (strstr (a, "en[hospital | integration]") != NULL,
          "a phrase with the bar finds the keywords: %s", a);
  free (a);
  a = answer (mem, "how are inspections of prisons carried out");
  tap_ok (strncmp (a, "sample/1:", 9) == 0, "a question in English finds "
          "the case, though 'how' is nowhere: %s", a);
  free (a);
  /* A regex's match where a word has a hit, or another regex's match,
     is one hit, in the count as in the list.  */
  static const char *const overlaps[] = {
    "prisons /prison/", "/prison/ /prisons?/", "巡回检察 /巡回检察/",
    "circuit inspection /巡回/", "巡回 /回检察/", NULL
  };
  for (size_t i = 0; overlaps[i]; i++)
    {
      a = answer (mem, overlaps[i]);
      tap_ok (answer_consistent (a) && !answer_overlaps (a)
              && strchr (a, '[') != NULL, "%s: its "
              "hits do not overlap and are counted as listed: %s",
              overlaps[i], a);
      free (a);
    }
  a = answer (mem, "prisons /prison/");
  b = answer (mem, "prisons");
  tap_is (a, b, "prison inside prisons is no hit of its own");
  free (a);
  free (b);
  /* Two words' hits that share a character where their bigrams do not
     (巡回 and 回检察 in 巡回检察) stay two, as without a regex: one
     elsewhere, or a negated one, changes neither the list nor the
     count.  */
  static const char *const beside[] = {
    "巡回 回检察 /prison/", "巡回 回检察 -/xyzzy/", NULL
  };
  for (size_t i = 0; beside[i]; i++)
    {
      a = answer (mem, beside[i]);
      tap_ok (answer_consistent (a), "%s: the words' hits are counted as "
              "listed: %s", beside[i], a);
      free (a);
    }
  a = answer (mem, "巡回 回检察 -/xyzzy/");
  b = answer (mem, "巡回 回检察");
  tap_is (a, b, "a negated regex that matches nowhere merges no words' hits");
  free (a);
  free (b);
  a = answer (mem, "-circuit");
  tap_ok (strncmp (a, "error:", 6) == 0, "a query of exclusions alone is "
          "an error: %s", a);
  free (a);

  /* An edit is seen at once, one document at a time.  */
  engine_close (disk);
  char *file = xasprintf ("%s/01-circuit.cb", content);
  FILE *f = fopen (file, "a");
  tap_ok (f != NULL, "a content file opened for an edit");
  if (f)
    {
      fputs ("\nzh: 新增一段关于羊驼的文字。\nen.tr: A new paragraph about "
             "alpacas.\n", f);
      fclose (f);
    }
  disk = answer_open_engine (content, 0, NULL);
  a = disk ? answer (disk, "alpacas") : xstrdup ("");
  tap_ok (strstr (a, "sample/1:") != NULL, "the edited document is "
          "searched anew: %s", a);
  free (a);

  /* The same size, the time put back: the bytes still tell.  */
  struct stat before;
  stat (file, &before);
  char *data;
  size_t len;
  data = util_read_file (file, &len);
  char *at = data ? strstr (data, "alpacas") : NULL;
  if (at)
    memcpy (at, "llamass", 7);
  f = fopen (file, "w");
  if (f && data)
    {
      fwrite (data, 1, len, f);
      fclose (f);
    }
  free (data);
  struct timeval tv[2] = {
    { before.st_atim.tv_sec, before.st_atim.tv_nsec / 1000 },
    { before.st_mtim.tv_sec, before.st_mtim.tv_nsec / 1000 } };
  utimes (file, tv);
  engine_close (disk);
  disk = answer_open_engine (content, 0, NULL);
  a = disk ? answer (disk, "llamass") : xstrdup ("");
  tap_ok (strstr (a, "sample/1:") != NULL, "a same-size edit with its time "
          "restored is noticed: %s", a);
  free (a);

  /* A removed document goes.  */
  engine_close (disk);
  char *removed = xasprintf ("%s/02-adjacent.cb", content);
  unlink (removed);
  disk = answer_open_engine (content, 0, NULL);
  a = disk ? answer (disk, "HULUNBUIR") : xstrdup ("?");
  tap_is (a, "", "a removed document is no longer found");
  free (a);
  engine_close (disk);

  /* A long-lived engine (the browser's) brought up to date again: it
     says whether the index changed, by itself or by another casebook,
     and results of before another's change are not taken for damage.  */
  struct engine *lasting = answer_open_engine (content, 0, NULL);
  struct diags dg = { 0 };
  char *why = NULL;
  tap_ok (lasting && engine_refresh (lasting, &dg, NULL, NULL, &why) == 0,
          "a refresh with nothing edited changes nothing");
  char *circuit = xasprintf ("%s/01-circuit.cb", content);
  f = fopen (circuit, "a");
  if (f)
    {
      fputs ("\nzh: 补充说明。\nen: A note on zyxwvut.\n", f);
      fclose (f);
    }
  tap_ok (lasting && engine_refresh (lasting, &dg, NULL, NULL, &why) == 1,
          "after an edit, a refresh says the index changed");
  a = lasting ? answer (lasting, "zyxwvut") : xstrdup ("?");
  tap_ok (strstr (a, "sample/1:") != NULL, "and finds the new text: %s", a);
  free (a);
  struct query_options qo = { 0 };
  struct query_error qe = { 0 };
  struct engine_query *q = lasting ? engine_compile (lasting, "zyxwvut", &qo,
                                                     &qe) : NULL;
  struct engine_results er = { 0 };
  int searched = q && engine_search (lasting, q, &er, &why) == 0
    && er.ndocs == 1;
  /* Another casebook indexes the file again.  */
  f = fopen (circuit, "a");
  if (f)
    {
      fputs ("\nen: Another note.\n", f);
      fclose (f);
    }
  struct engine *other = answer_open_engine (content, 0, NULL);
  struct engine_hits h = { 0 };
  int got = searched ? engine_hits (lasting, q, &er.docs[0], &h, &why) : 0;
  tap_ok (searched && got == -1 && why && strstr (why, "search again"),
          "hits of results from before another's update: 'search again' "
          "(%s)", why ? why : "no cause");
  free (why);
  why = NULL;
  engine_hits_free (&h);
  engine_results_free (&er);
  engine_query_free (q);
  tap_ok (lasting && engine_refresh (lasting, &dg, NULL, NULL, &why) == 1,
          "and a refresh says the index changed");
  /* A file with errors is read again at every check and indexed
     nowhere: the index did not change, and the browser must not read
     every case and search again at each '/'.  */
  char *broken = xasprintf ("%s/09-broken.cb", content);
  f = fopen (broken, "w");
  if (f)
    {
      fputs ("casebook-format: 1\nnumber: 9\ntitle.en: Broken\n"
             "this line has no key\n\nen: fine\n", f);
      fclose (f);
    }
  size_t reported = dg.count;
  int r1 = lasting ? engine_refresh (lasting, &dg, NULL, NULL, &why) : -1;
  int r2 = lasting ? engine_refresh (lasting, &dg, NULL, NULL, &why) : -1;
  tap_ok (r1 == 0 && r2 == 0 && dg.count > reported,
          "a file with errors is reported but changes nothing (%d, %d)",
          r1, r2);
  unlink (broken);
  free (broken);
  engine_close (other);

  /* A search reads one state of the index: another casebook's write
     between its first read and its read of the matches is not seen in
     part (the matches of a document without the phrases the filter of
     pairs, read before, said were nowhere); the search is done again
     and sees it whole.  */
  cmd = xasprintf ("printf '\\nen: A note on qwzxkj.\\n' >> '%s'", circuit);
  struct another_write w = { 0, cmd, content, 0 };
  if (lasting)
    engine_set_between_reads (lasting, write_between, &w);
  a = lasting ? answer (lasting, "qwzxkj") : xstrdup ("?");
  tap_ok (w.done == 1 && strstr (a, "sample/1:") && strstr (a, "[qwzxkj]"),
          "a write between a search's first reads: searched again, it "
          "is seen whole: %s", a);
  free (a);
  free (cmd);
  a = lasting ? answer (lasting, "qwzxkj") : xstrdup ("?");
  tap_ok (strstr (a, "sample/1:") != NULL, "and so does the next: %s", a);
  free (a);
  /* The heads of the documents found are of the index their matches
     were found in: with the last document written removed and another
     added between the two reads, the new one takes the removed one's
     id; its head must not be shown with the removed one's hits.  The
     search is done again and finds nothing.  */
  char *last = xasprintf ("%s/07-last.cb", content);
  FILE *lf = fopen (last, "w");
  if (lf)
    {
      fputs ("casebook-format: 1\nnumber: 7\ntitle.en: Last\n\n"
             "en: A note on vzqkxw.\n", lf);
      fclose (lf);
    }
  tap_ok (lasting && engine_refresh (lasting, &dg, NULL, NULL, &why) == 1,
          "a document added last");
  cmd = xasprintf ("rm '%s' && printf 'casebook-format: 1\\nnumber: 8\\n"
                   "title.en: Next\\n\\nen: Nothing of note.\\n' > "
                   "'%s/08-next.cb'", last, content);
  w = (struct another_write) { 1, cmd, content, 0 };
  a = lasting ? answer (lasting, "vzqkxw") : xstrdup ("?");
  tap_ok (w.done == 1 && strcmp (a, "") == 0, "a write between a search's "
          "matches and its heads: searched again (%d): %s", w.done, a);
  free (a);
  free (cmd);
  free (last);
  if (lasting)
    engine_set_between_reads (lasting, NULL, NULL);
  engine_close (lasting);

  /* Results of before an engine's own refresh, of a document indexed
     again since (its row gone): 'search again', not a damaged index to
     remove.  */
  char *fresh = xasprintf ("%s/fresh", tmp);
  cmd = xasprintf ("cp -r '%s' '%s'", src, fresh);
  run (cmd);
  free (cmd);
  lasting = answer_open_engine (fresh, 0, NULL);
  q = lasting ? engine_compile (lasting, "loader", &qo, &qe) : NULL;
  searched = q && engine_search (lasting, q, &er, &why) == 0 && er.ndocs == 1;
  char *intro = xasprintf ("%s/00-intro.cb", fresh);
  f = fopen (intro, "a");
  if (f)
    {
      fputs ("\nen: A note on the intro.\n", f);
      fclose (f);
    }
  free (intro);
  int refreshed = searched ? engine_refresh (lasting, &dg, NULL, NULL, &why)
    : -1;
  got = searched ? engine_hits (lasting, q, &er.docs[0], &h, &why) : 0;
  tap_ok (refreshed == 1 && got == -1 && why && strstr (why, "changed since")
          && !strstr (why, "damaged"),
          "hits of results from before its own refresh: the index changed, "
          "not damaged (%s)",
          why ? why : "no cause");
  free (why);
  why = NULL;
  engine_hits_free (&h);
  engine_results_free (&er);
  engine_query_free (q);
  engine_close (lasting);
  free (fresh);
  diags_free (&dg);
  free (why);
  free (circuit);

  /* A damaged database is rebuilt, with a note.  */
  char *find = xasprintf ("ls %s/casebook/index-*.db >/dev/null", cache);
  tap_ok (run (find) == 0, "the index is a file under XDG_CACHE_HOME/casebook");
  free (find);
  cmd = xasprintf ("for f in %s/casebook/index-*.db; do "
                   "dd if=/dev/urandom of=\"$f\" bs=1024 count=8 "
                   "conv=notrunc 2>/dev/null; rm -f \"$f-wal\" \"$f-shm\"; "
                   "done", cache);
  run (cmd);
  free (cmd);
  note = NULL;
  disk = answer_open_engine (content, 0, &note);
  a = disk ? answer (disk, "巡回检察") : xstrdup ("?");
  b = answer (mem, "巡回检察");
  tap_ok (disk != NULL && note != NULL, "a damaged index is noticed (%s)",
          note ? note : "no note");
  free (note);
  (void) b;
  free (a);
  free (b);
  engine_close (disk);
  engine_close (mem);

  /* A cache directory others can write is not used.  */
  char *shared = xasprintf ("%s/shared", tmp);
  mkdir (shared, 0777);
  chmod (shared, 0777);
  char *sub = xasprintf ("%s/casebook", shared);
  mkdir (sub, 0777);
  chmod (sub, 0777);
  setenv ("XDG_CACHE_HOME", shared, 1);
  note = NULL;
  disk = answer_open_engine (content, 0, &note);
  tap_ok (disk != NULL && note != NULL && strstr (note, "writable by other"),
          "a cache directory writable by others is refused: %s",
          note ? note : "no note");
  free (note);
  a = disk ? answer (disk, "巡回检察") : xstrdup ("?");
  tap_ok (strstr (a, "sample/1:") != NULL, "and search works without it");
  free (a);
  engine_close (disk);
  find = xasprintf ("ls %s/index-* >/dev/null 2>&1", sub);
  tap_ok (run (find) != 0, "nothing was written there");
  free (find);

  /* Nor one whose parent others can write: they could swap the private
     directory for one of theirs between the check and its use.  The
     sticky bit (/tmp's) stops them.  */
  chmod (sub, 0700);
  note = NULL;
  disk = answer_open_engine (content, 0, &note);
  tap_ok (disk != NULL && note != NULL
          && strstr (note, "a directory above it"),
          "a private cache directory in one others can write is refused: %s",
          note ? note : "no note");
  free (note);
  engine_close (disk);
  chmod (shared, 01777);
  note = NULL;
  disk = answer_open_engine (content, 0, &note);
  tap_ok (disk != NULL && note == NULL,
          "and used when that one is sticky (%s)", note ? note : "no note");
  free (note);
  engine_close (disk);
  /* Group-writable for the user's own group alone (a user private
     group, umask 002): no one else can change it.  */
  struct group *gr = getgrgid (getegid ());
  if (gr && (gr->gr_mem == NULL || gr->gr_mem[0] == NULL)
      && chown (shared, (uid_t) -1, getegid ()) == 0)
    {
      chmod (shared, 0770);
      note = NULL;
      disk = answer_open_engine (content, 0, &note);
      tap_ok (disk != NULL && note == NULL,
              "and when only the user's own group can write it (%s)",
              note ? note : "no note");
      free (note);
      engine_close (disk);
    }
  else
    tap_ok (1, "# SKIP the user's group has other members");

  cmd = xasprintf ("rm -rf '%s'", tmp);
  run (cmd);
  free (cmd);
  free (shared);
  free (sub);
  free (file);
  free (removed);
  free (cache);
  free (content);
  norm_cleanup ();
  return tap_done ();
}
