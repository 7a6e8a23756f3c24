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
   the check that began at STARTED (seconds since the epoch).  */
void snapshot_take (const char *const *dirs, size_t ndirs,
                    const struct content_files *cf, int64_t started,
                    struct buf *out);

/* Is every file in the snapshot SNAP (LEN bytes) in the state recorded,
   and the snapshot to be believed (its times older than its check by
   more than SLACK seconds)?  DIRS are the directories now asked for;
   they must be those of the snapshot.

   Asked in two steps, so that the caller can work while the documents
   are looked at: snapshot_check_start checks the header, the
   directories and the collections, and returns NULL when the answer is
   already no.  With BACKGROUND and at least SNAPSHOT_BACKGROUND_DOCS
   documents, it starts a thread that stats them.
   snapshot_check_finish stats those the thread has not reached yet
   (alongside it), waits for it and gives the answer: 1 when every file
   is as recorded.  The check takes SNAP (allocated with malloc: it is
   freed with the check, or at once when the start returns NULL).  Every
   check started must be finished: it holds a thread and open
   directories.  */
#define SNAPSHOT_BACKGROUND_DOCS 256
struct snapshot_check;
struct snapshot_check *snapshot_check_start (void *snap, size_t len,
                                             const char *const *dirs,
                                             size_t ndirs, int64_t slack,
                                             int background);
int snapshot_check_finish (struct snapshot_check *c);

#endif /* CASEBOOK_SNAPSHOT_H */
