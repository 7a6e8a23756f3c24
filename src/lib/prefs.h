/* prefs.h -- the reader's preferences and the policies both front ends
   need and must agree on: which language to read in, whether to use
   colour, where the content is and where casebook keeps its cache and
   state.  Nothing here prints.  */

#ifndef CASEBOOK_PREFS_H
#define CASEBOOK_PREFS_H

#include "model.h"

struct settings;

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

/* What the command line asked of the reader; the browser receives it.  */
struct reader_prefs
{
  const char *content_dir;      /* NULL: prefs_content_dir () */
  int lang;                     /* -1: from the locale; else enum lang */
  int both;                     /* both languages side by side */
  enum color_mode color;
  int exact;                    /* no glossary cross-language expansion */
  int english_revised;          /* read the project's revised English */
  int regex;                    /* the whole query is one regex */
  int no_correct;               /* never search a corrected query */
  const char *script_config;    /* OpenCC configuration for traditional
                                   display ("s2tw.json"), or NULL */
  int text_width;               /* the browser's widest line of text, in
                                   columns; 0: PREFS_TEXT_WIDTH */
  const char *search;           /* a search to start with, as '/' then
                                   Enter would (casebook +/QUERY), or NULL */
  const char *place;            /* a place to open at, as the ':' prompt
                                   takes it ("7 §1 ¶12"), or NULL */
  const struct settings *settings; /* the configuration file's colours and
                                   key bindings (settings.h), or NULL */
};

/* How wide the browser sets text unless told otherwise: lines much longer
   than this are hard to follow.  */
#define PREFS_TEXT_WIDTH 100

/* The reader's language from the locale: zh for zh_* locales, else en.  */
enum lang prefs_locale_lang (void);

/* P's language, or the locale's when P leaves it open.  */
enum lang prefs_reader_lang (const struct reader_prefs *p);

/* The content directory to use when none was given: $CASEBOOK_CONTENT,
   the source tree's content/ for an uninstalled build, else the installed
   one.  Static storage.  */
const char *prefs_content_dir (void);
/* The content shipped with casebook: the source tree's content/ for an
   uninstalled build, else the installed one.  Static storage.  */
const char *prefs_shipped_dir (void);

/* Whether to colour output under MODE on a device that IS_TERMINAL:
   NO_COLOR (set and not empty) turns AUTO off.  */
int prefs_use_color (enum color_mode mode, int is_terminal);

/* How output under MODE on a device that IS_TERMINAL sets matches
   apart: in colour; with attributes alone (reverse video) where
   NO_COLOR turned AUTO's colour off, since NO_COLOR asks for no colour,
   not for no highlighting; or not at all.  */
enum highlight { HIGHLIGHT_NONE, HIGHLIGHT_COLOR, HIGHLIGHT_MONO };
enum highlight prefs_highlight (enum color_mode mode, int is_terminal);

/* $XDG_CACHE_HOME/casebook, else ~/.cache/casebook; NULL if neither is
   an absolute path.  Caller frees.  */
char *prefs_cache_dir (void);

/* DIR/NAME, or NULL when DIR is NULL; frees DIR.  Caller frees:
   prefs_path_in (prefs_state_dir (), "state").  */
char *prefs_path_in (char *dir, const char *name);

/* $XDG_CONFIG_HOME/casebook, else ~/.config/casebook; NULL if neither
   is an absolute path.  Caller frees.  */
char *prefs_config_dir (void);

/* $XDG_STATE_HOME/casebook, else ~/.local/state/casebook; NULL if
   neither is an absolute path.  Caller frees.  */
char *prefs_state_dir (void);

/* Make DIR (as mkdir -p, mode 0700) if it is missing, and check that it
   is private: a directory, not a link, owned by this user and writable
   by no one else, whose every ancestor belongs to this user or root and
   is writable by others only with the sticky bit (by its group only if
   that is the user's own, with no other member).  Otherwise another
   user could plant files in it, or swap it for a directory of theirs
   between this check and its use.  The cache and the state directories
   are used only so.  Returns DIR's full name without links, to use from
   then on (caller frees), or NULL with *WHY (static storage).  */
char *prefs_private_dir (const char *dir, const char **why);

/* Why the user's library DIR (prefs_collections_dir) is not to be
   read nor written, as prefs_private_dir would refuse it (it may be a
   link to such a directory): what another user can put there would
   be shown as the user's own collections.  NULL when it is safe, or
   not there.  Static.  */
const char *prefs_library_unsafe (const char *dir);

/* Where the user's collections are installed:
   $XDG_DATA_HOME/casebook/collections, else
   ~/.local/share/casebook/collections; NULL if neither is an absolute
   path.  Caller frees.  */
char *prefs_collections_dir (void);

/* The directories whose collections make the reader's library, for
   content_load_dirs(): CONTENT_DIR alone when given (--content), or
   $CASEBOOK_CONTENT alone when set; else the shipped content and then
   the user's collections.  Returns how many; caller frees *DIRS with
   strv_free().  */
size_t prefs_library_dirs (const char *content_dir, char ***dirs);

#endif /* CASEBOOK_PREFS_H */
