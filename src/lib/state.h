/* state.h -- what the browser remembers between runs: the reading
   position in every case, the case open last, marks and the search
   history.  Kept as a small line-oriented text file under
   $XDG_STATE_HOME/casebook/, merged with the file under a lock and
   written atomically, so that two browsers keep each other's changes.  No curses here, and
   nothing is printed: failures come back as a cause string.  */

#ifndef CASEBOOK_STATE_H
#define CASEBOOK_STATE_H

#include <stddef.h>

/* The most search-history entries kept; older ones are dropped.  */
#define STATE_HISTORY_MAX 200

/* The longest search kept in the history, in bytes: a paste of
   megabytes at a prompt (no query of the 100 words a query may have
   comes near) would otherwise be written at every exit, and a few of
   them take the file past STATE_MAX_SIZE, where it is put aside with
   every position and mark.  */
#define STATE_HISTORY_TEXT_MAX 4096

/* A state file larger than this is damaged: a position for each of
   100,000 documents takes 3 MiB.  */
#define STATE_MAX_SIZE (16 << 20)

struct state;

/* A new, empty state.  Free with state_free().  */
struct state *state_new (void);
void state_free (struct state *st);

/* The state file: $XDG_STATE_HOME/casebook/state, else
   $HOME/.local/state/casebook/state; NULL when neither variable is set
   (or they are not absolute).  Caller frees.  */
char *state_default_path (void);

/* Replace ST's contents with those of DATA (LEN bytes, the file format).
   Returns 0, or -1 with *CAUSE set (caller frees) when DATA is not a valid
   state file; ST is then empty.  */
int state_parse (struct state *st, const char *data, size_t len,
                 char **cause);
/* ST in the file format.  Caller frees; *LEN gets the length.  */
char *state_format (const struct state *st, size_t *len);

/* Read PATH into ST.  A missing file is not an error (ST stays empty).
   Returns 0; -1 with *CAUSE set (caller frees) when the file cannot be
   read (or is not a regular file); -2 with *CAUSE set when it is
   damaged (or larger than STATE_MAX_SIZE).  ST is then empty.  */
int state_load (struct state *st, const char *path, char **cause);
/* Save ST to PATH, creating the directory (0700): under a lock, read
   the file again, apply what ST changed since it was read (or last
   saved) -- positions, marks, the last case, history entries -- and
   write the result through a temporary file and a rename.  ST then
   holds what was written, another browser's changes included.  A file
   damaged since it was read is put aside (state_put_aside), not written
   over.  Returns 0; 1 when it put one aside, *CAUSE saying so (caller
   frees); or -1 with *CAUSE set (caller frees) and ST unchanged.  */
int state_save (struct state *st, const char *path, char **cause);
/* Could state_save write PATH, as far as can be told before it does:
   the directory (or, when it is still to be made, the nearest one
   that exists) can be written by this user.  Returns 0, or -1 with
   *CAUSE set (caller frees): a read-only state directory is then found
   when the browser starts, not when it quits with marks made.  */
int state_can_save (const char *path, char **cause);
/* Move the damaged state file PATH out of the way, to PATH.corrupt or,
   when a file put aside before is there, PATH.corrupt.2 and on: never
   over another.  Returns 0 with *ASIDE its new name (caller frees), or
   -1 with errno set.  */
int state_put_aside (const char *path, char **aside);

/* How long state_save waits for another casebook's lock, in ms.  */
#define STATE_LOCK_WAIT_MS 3000

/* The reading position (a render unit) in document NUMBER of collection
   COLL.  Returns 1 and sets *UNIT when one is known, else 0.  */
int state_position (const struct state *st, const char *coll, long number,
                    size_t *unit);
void state_set_position (struct state *st, const char *coll, long number,
                         size_t unit);
/* How many lines into its unit that position is, at the width it was
   left at (0 when not known, or at the unit's first line); set after
   state_set_position, which makes it 0.  */
size_t state_position_line (const struct state *st, const char *coll,
                            long number);
void state_set_position_line (struct state *st, const char *coll,
                              long number, size_t line);

/* The document open when the browser last quit.  Returns 1 when known;
   *COLL points into ST.  */
int state_last (const struct state *st, const char **coll, long *number);
void state_set_last (struct state *st, const char *coll, long number);

/* Mark LETTER (a-z, A-Z).  Returns 1 when set; *COLL points into ST.
   Setting a letter outside those ranges does nothing.  */
int state_mark (const struct state *st, int letter, const char **coll,
                long *number, size_t *unit);
void state_set_mark (struct state *st, int letter, const char *coll,
                     long number, size_t unit);
/* How many lines into its unit mark LETTER is, at the width it was set
   at (0 when not set, or at the unit's first line); set after
   state_set_mark, which makes it 0.  */
size_t state_mark_line (const struct state *st, int letter);
void state_set_mark_line (struct state *st, int letter, size_t line);

/* Search history, oldest first.  Adding an entry already present moves it
   to the end; empty entries, and those longer than
   STATE_HISTORY_TEXT_MAX, are ignored.  */
void state_history_add (struct state *st, const char *text);
size_t state_history_count (const struct state *st);
/* Entry I (0 the oldest); NULL when I is out of range.  */
const char *state_history_get (const struct state *st, size_t i);

#endif /* CASEBOOK_STATE_H */
