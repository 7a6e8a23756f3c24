/* headcache.h -- the headers of a collection's documents as they were
   last read, kept in the cache directory, so that a listing (the
   browser's first screen, list, tags, show) asks each file for its
   state (one stat) rather than open, read and parse it.

   A header is taken from the cache only when its file is exactly in
   the state recorded (device, inode, size, modification and change
   times to the nanosecond), and a file is recorded only when its times
   were older, at the moment it was looked at, than a timestamp's
   resolution and a margin: a file written later shows a newer change
   time, even when its size and modification time are put back.  A
   header whose reading found any problem is never recorded, so that
   every listing reports it again.  Any doubt about the cache file (not
   ours, not a regular file, a wrong checksum, a field out of bounds)
   and it is not used: the files are read as if there were none.  */

#ifndef CASEBOOK_HEADCACHE_H
#define CASEBOOK_HEADCACHE_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"

struct headcache;

/* What is kept of a document file's state (its stat): device, inode,
   size, modification and change times in seconds and nanoseconds.
   Small: a listing holds one for each of thousands of files.  */
#define HEADCACHE_STATE_FIELDS 7
struct headcache_state
{
  int64_t v[HEADCACHE_STATE_FIELDS];
};

/* The header cache of the collection in DIR, kept in the private
   directory CACHE_DIR (see prefs_private_dir), or NULL when none can
   be used there (then every file is read).  NOW is when the listing
   began (seconds since the epoch): what is recorded must be older.
   VERSION is that of the reading of a header (CONTENT_HEADER_VERSION):
   a file written for another, or by another casebook, is not used.  */
struct headcache *headcache_open (const char *cache_dir, const char *dir,
                                  int64_t now, int version);

/* Fill DOC with the header of the document file NAME (a name in the
   collection's directory; PATH is its full name, kept in DOC) when the
   cache holds it and the file is in the state recorded.  Returns 1
   when DOC was filled; else 0, with *HAVE_ST set when the file is a
   regular one whose state could be asked for, and then *ST that state
   (for headcache_may_keep and headcache_close).  Safe to call from
   several threads at once.  */
int headcache_get (const struct headcache *hc, const char *name,
                   const char *path, struct document *doc,
                   struct headcache_state *st, int *have_st);

/* Whether a header read from a file in state ST, without a problem,
   may be recorded (its times old enough to be believed).  */
int headcache_may_keep (const struct headcache *hc,
                        const struct headcache_state *st);

/* Write the cache again for the NDOCS headers DOCS, read from files
   named NAMES in states STATES (NULL for one not to record), when it
   would change; then free HC.  Nothing is said when it cannot be
   written: the next listing reads the files.  */
void headcache_close (struct headcache *hc, const struct document *docs,
                      char *const *names,
                      const struct headcache_state *const *states,
                      size_t ndocs);

/* For tests: the cache's encoding of DOC's header (appended to OUT)
   and back (DOC filled from the LEN bytes at DATA, PATH kept in it;
   -1 when they are not one).  */
struct buf;
void headcache_encode (const struct document *doc, struct buf *out);
int headcache_decode (const unsigned char *data, size_t len,
                      const char *path, struct document *doc);
/* For tests: the cache of the collection in DIR as if its file held
   the LEN bytes at BODY after a valid header and checksum, whatever
   directory the body names (NULL when DIR cannot be opened); and HC
   freed without writing anything.  */
struct headcache *headcache_open_body (const char *dir, const void *body,
                                       size_t len, int64_t now,
                                       int version);
void headcache_free (struct headcache *hc);

#endif /* CASEBOOK_HEADCACHE_H */
