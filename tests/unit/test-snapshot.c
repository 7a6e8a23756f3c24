/* test-snapshot.c -- a snapshot of the content's files says "nothing
   changed" only while every file is as recorded and the snapshot is
   whole: in each way a check can be made (at once, its documents in a
   thread, all of it in a thread), after an edit, with a byte of the
   recorded states or of the hash changed, cut short, or with times too
   close to its check; and a copy is told to be the same snapshot by
   its head alone.  */

#include <config.h>

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "snapshot.h"
#include "tap.h"
#include "util.h"

static char *dir;

static void
write_file (const char *name, const char *text)
{
  char *p = xasprintf ("%s/%s", dir, name);
  FILE *f = fopen (p, "w");
  if (f)
    {
      fputs (text, f);
      fclose (f);
    }
  free (p);
}

/* The content listed as a search lists it.  */
static void
list (struct content_files *cf)
{
  struct diags d = { 0 };
  content_list (dir, cf, &d);
  diags_free (&d);
}

/* A copy of the LEN bytes at DATA, for a check to take.  */
static void *
copy_of (const void *data, size_t len)
{
  void *c = xmalloc (len);
  memcpy (c, data, len);
  return c;
}

/* The answer of a check of SNAP (LEN bytes) made in MODE: 1 fresh, 0
   not.  */
static int
fresh (const struct buf *snap, size_t len, enum snapshot_mode mode)
{
  const char *dirs[1] = { dir };
  struct snapshot_check *c =
    snapshot_check_start (copy_of (snap->data, len), len, dirs, 1, 2, mode);
  return c ? snapshot_check_finish (c) : 0;
}

static const char *const mode_name[] = { "at once", "documents behind",
  "all behind" };

int
main (void)
{
  char tmpl[] = "/tmp/casebook-test-snapshot.XXXXXX";
  dir = mkdtemp (tmpl);
  if (dir == NULL)
    {
      printf ("Bail out! mkdtemp failed\n");
      return 1;
    }
  write_file ("collection.cb", "casebook-format: 1\nid: t\n");
  /* More documents than a thread is started for.  */
  for (int i = 0; i < SNAPSHOT_BACKGROUND_DOCS + 4; i++)
    {
      char name[32], text[64];
      snprintf (name, sizeof name, "%03d.cb", i);
      snprintf (text, sizeof text, "casebook-format: 1\nnumber: %d\n", i);
      write_file (name, text);
    }
  struct content_files cf;
  list (&cf);
  tap_ok (cf.ncolls == 1 && cf.colls[0].ndocs == SNAPSHOT_BACKGROUND_DOCS + 4,
          "the content is listed");
  /* As of a check that began a minute from now: the files' times are
     then old enough to be believed.  */
  const int64_t later = (int64_t) time (NULL) + 60;
  const char *dirs[1] = { dir };
  struct buf snap = { 0 };
  snapshot_take (dirs, 1, &cf, later, 0x1234, &snap);

  for (int m = SNAPSHOT_HERE; m <= SNAPSHOT_ALL_BEHIND; m++)
    tap_ok (fresh (&snap, snap.len, (enum snapshot_mode) m) == 1,
            "%s: nothing changed", mode_name[m]);

  /* A byte of the last document's recorded state, and of the hash.  */
  struct buf bad = { 0 };
  buf_add (&bad, snap.data, snap.len);
  bad.data[bad.len - 3] ^= 1;
  for (int m = SNAPSHOT_HERE; m <= SNAPSHOT_ALL_BEHIND; m++)
    tap_ok (fresh (&bad, bad.len, (enum snapshot_mode) m) == 0,
            "%s: a recorded state changed is not believed", mode_name[m]);
  memcpy (bad.data, snap.data, snap.len);
  bad.data[SNAPSHOT_HEAD_BYTES] ^= 1;
  tap_ok (fresh (&bad, bad.len, SNAPSHOT_ALL_BEHIND) == 0,
          "nor one whose hash changed");
  tap_ok (fresh (&snap, snap.len - 5, SNAPSHOT_ALL_BEHIND) == 0
          && fresh (&snap, SNAPSHOT_HEAD_BYTES, SNAPSHOT_HERE) == 0,
          "nor one cut short");
  /* Cut short after its next to last document, its count of documents
     one less: every field is in order, but it no longer says whether
     the last document changed.  Only the hash tells.  */
  memcpy (bad.data, snap.data, snap.len);
  const char first[] = "000.cb";
  char *at = memmem (bad.data, bad.len, first, sizeof first);
  const size_t last_entry = 4 + sizeof "259.cb" + 9 * 8;
  if (at)
    {
      uint32_t ndocs;
      memcpy (&ndocs, at - 8, sizeof ndocs);
      ndocs--;
      memcpy (at - 8, &ndocs, sizeof ndocs);
    }
  tap_ok (at && fresh (&bad, bad.len - last_entry, SNAPSHOT_HERE) == 0
          && fresh (&bad, bad.len - last_entry, SNAPSHOT_ALL_BEHIND) == 0,
          "nor one cut short where an entry ends, its count made to match");
  buf_free (&bad);

  /* Its head names it.  */
  {
    struct snapshot_check *c =
      snapshot_check_start (copy_of (snap.data, snap.len), snap.len, dirs, 1,
                            2, SNAPSHOT_ALL_BEHIND);
    struct buf other = { 0 };
    snapshot_take (dirs, 1, &cf, later, 0x4321, &other);
    tap_ok (c && snapshot_check_is (c, snap.data)
            && !snapshot_check_is (c, other.data),
            "a snapshot is told from another by its head");
    snapshot_check_cancel (c);
    snapshot_check_cancel (NULL);
    tap_ok (1, "a check stopped, and none, are let go");
    buf_free (&other);
  }

  /* Times too close to the check.  */
  {
    struct buf now = { 0 };
    snapshot_take (dirs, 1, &cf, (int64_t) time (NULL), 1, &now);
    tap_ok (fresh (&now, now.len, SNAPSHOT_HERE) == 0
            && fresh (&now, now.len, SNAPSHOT_ALL_BEHIND) == 0,
            "files written as the check began are not believed");
    buf_free (&now);
  }

  /* An edit of the last document, then one removed.  */
  write_file ("259.cb", "casebook-format: 1\nnumber: 259\n\n");
  for (int m = SNAPSHOT_HERE; m <= SNAPSHOT_ALL_BEHIND; m++)
    tap_ok (fresh (&snap, snap.len, (enum snapshot_mode) m) == 0,
            "%s: an edit is seen", mode_name[m]);
  char *gone = xasprintf ("%s/000.cb", dir);
  unlink (gone);
  free (gone);
  tap_ok (fresh (&snap, snap.len, SNAPSHOT_ALL_BEHIND) == 0,
          "a document removed is seen");

  buf_free (&snap);
  for (size_t i = 0; i < cf.colls[0].ndocs; i++)
    unlink (cf.colls[0].docs[i]);
  content_files_free (&cf);
  char *p = xasprintf ("%s/collection.cb", dir);
  unlink (p);
  free (p);
  rmdir (dir);
  return tap_done ();
}
