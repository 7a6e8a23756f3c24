/* cachesweep.h -- files of the cache directory that nothing has used for
   a month are removed, so that the cache does not grow without end.
   There is one search index for each set of content directories: a
   library that gains a collection has a new one, and the old one, about
   twice the size of the texts, would stay for ever; so would the
   headers of a collection that was removed.

   A file is used when casebook opens it: its modification time is then
   moved to the present, once a day at most (one stat a search).  The
   sweep runs when a new index is first built, which is rare and slow
   anyway, and removes only regular files of this user's whose names
   are those casebook gives (index-H.db and the files beside it,
   headers-H; H of 16 hex digits): never a link, nor what it points to.
   A file removed while another casebook has it open stays readable to
   that one; the next search builds it again.  */

#ifndef CASEBOOK_CACHESWEEP_H
#define CASEBOOK_CACHESWEEP_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

/* How long a file of the cache is kept after its last use.  */
#define CACHESWEEP_UNUSED_DAYS 30

/* Record that the cache file open as FD, whose state is ST, was used at
   NOW (seconds since the epoch): its modification time becomes NOW when
   it is a day or more older.  A cache: failures are ignored.  */
void cachesweep_mark_fd (int fd, const struct stat *st, int64_t now);

/* The same for the file at PATH (not through a link).  */
void cachesweep_mark_path (const char *path, int64_t now);

/* Remove from the cache directory DIR the indexes (with their logs and
   word lists) and header files that were last used more than
   CACHESWEEP_UNUSED_DAYS days before NOW.  Returns how many files were
   removed.  */
size_t cachesweep_run (const char *dir, int64_t now);

#endif
