/* snapshot.h -- a record of the state of the content's files (every
   directory, collection.cb and document: type, inode, size, times), so
   that the index can tell that nothing changed since it last checked
   with one stat per file and no listing, parsing or string building.

   A snapshot is taken after the index has been brought up to date, and
   a later check is believed only when every file still has exactly the
   recorded state and every recorded time is older than the moment the
   snapshot's check began by more than a timestamp's resolution: a file
   written after that moment shows a newer change time (even when its
   size and modification time are put back), and one written within the
   same second as the check is never trusted on its times alone.  Any
   doubt sends the index to its full check (index_sync).  */

#ifndef CASEBOOK_SNAPSHOT_H
#define CASEBOOK_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>

#include "content.h"
#include "util.h"

/* Record into OUT (appended) the state of the NDIRS directories DIRS as
   given and of the collections and documents CF lists in them, as of
   the check that began at STARTED (seconds since the epoch).  ID names
   this snapshot: a random number, so that a copy of it kept elsewhere
   (a file beside the index, read before the index is open) can be told
   to be this one by its first SNAPSHOT_HEAD_BYTES bytes.  */
#define SNAPSHOT_HEAD_BYTES 16
void snapshot_take (const char *const *dirs, size_t ndirs,
                    const struct content_files *cf, int64_t started,
                    uint64_t id, struct buf *out);

/* Is every file in the snapshot SNAP (LEN bytes) in the state recorded,
   and the snapshot to be believed (whole, and its times older than its
   check by more than SLACK seconds)?  DIRS are the directories now
   asked for; they must be those of the snapshot.

   Asked in two steps, so that the caller can work while the files are
   looked at.  snapshot_check_start begins the check:
   - SNAPSHOT_HERE: the header, the directories and the collections are
     checked at once, and NULL returned when the answer is already no;
   - SNAPSHOT_DOCS_BEHIND: the same, and with at least
     SNAPSHOT_BACKGROUND_DOCS documents a thread starts to stat them;
   - SNAPSHOT_ALL_BEHIND: a thread does it all, for a caller that has
     more to do first (where no thread can be made, as SNAPSHOT_HERE).
   snapshot_check_finish stats what a thread has not reached yet
   (alongside it), waits for it and gives the answer: 1 when every file
   is as recorded.  snapshot_check_cancel stops a check whose answer is
   not wanted, at its next collection or batch of documents (NULL is
   allowed).  The check takes SNAP (allocated with malloc: it is freed
   with the check, or at once when the start returns NULL).  Every
   check started must be finished or cancelled: it holds a thread and
   open directories.  */
#define SNAPSHOT_BACKGROUND_DOCS 256
enum snapshot_mode
{
  SNAPSHOT_HERE,
  SNAPSHOT_DOCS_BEHIND,
  SNAPSHOT_ALL_BEHIND
};
struct snapshot_check;
struct snapshot_check *snapshot_check_start (void *snap, size_t len,
                                             const char *const *dirs,
                                             size_t ndirs, int64_t slack,
                                             enum snapshot_mode mode);
int snapshot_check_finish (struct snapshot_check *c);
void snapshot_check_cancel (struct snapshot_check *c);

/* Is C's snapshot the one whose first SNAPSHOT_HEAD_BYTES bytes are
   HEAD?  */
int snapshot_check_is (const struct snapshot_check *c, const void *head);

/* Has C already found that something differs (or been told to stop)?
   Does not wait: 0 may still turn out so.  */
int snapshot_check_failed (struct snapshot_check *c);

#endif /* CASEBOOK_SNAPSHOT_H */
