/* ui_priv.h -- what the browser's modules share: the one `struct ui'
   that holds the whole screen state, and the functions each pane module
   offers (X_draw, X_key, ...).  Only ui*.c include this.  */

#ifndef CASEBOOK_UI_PRIV_H
#define CASEBOOK_UI_PRIV_H

#include <stddef.h>
#include <wchar.h>

#include <curses.h>

#include "prefs.h"
#include "related.h"
#include "provenance.h"
#include "model.h"
#include "query.h"
#include "render.h"
#include "engine.h"
#include "search.h"
#include "state.h"
#include "tags.h"
#include "util.h"

enum pane { PANE_LIST, PANE_TEXT, PANE_TAGS, PANE_COUNT };

/* Drawing roles; ui_attr() maps them to colours or, without colour, to
   bold, dim and reverse video.  */
enum role
{
  ROLE_NORMAL, ROLE_BAR, ROLE_TITLE, ROLE_META, ROLE_HEADING,
  ROLE_KEYWORDS, ROLE_MARK, ROLE_HIT, ROLE_CURHIT, ROLE_SELECT,
  ROLE_SELECT_IDLE, ROLE_CURRENT, ROLE_BORDER, ROLE_ERROR, ROLE_THUMB,
  ROLE_SCROLL_HIT, ROLE_PROVENANCE, ROLE_TRANSLATED, ROLE_STATUS,
  ROLE_COUNT
};

/* A key as read: FN is a KEY_* code (then CH is 0), else CH is the
   character typed.  FN UI_KEY_META is Esc and the key CH at once
   (Alt+CH).  */
struct ui_key
{
  int fn;
  wint_t ch;
};

/* K.fn for an escape sequence that was read whole but means nothing
   here (ui_keys.c).  */
#define UI_KEY_UNBOUND (KEY_MAX + 1)
/* The start and the end of a bracketed paste (ui_term_paste_mode).  */
#define UI_KEY_PASTE_BEGIN (KEY_MAX + 2)
#define UI_KEY_PASTE_END (KEY_MAX + 3)
/* Esc with a key right behind it: Alt and that key (ui_keys.c).  */
#define UI_KEY_META (KEY_MAX + 4)

/* Movement keys, the same in every pane.  */
enum ui_move
{
  MOVE_NONE, MOVE_DOWN, MOVE_UP, MOVE_PAGE_DOWN, MOVE_PAGE_UP,
  MOVE_HALF_DOWN, MOVE_HALF_UP, MOVE_HOME, MOVE_END
};

struct rect
{
  int y, x, h, w;
};

/* A line being typed on the status line.  */
enum prompt_kind { PROMPT_SEARCH, PROMPT_SEARCH_BACK, PROMPT_LIMIT,
  PROMPT_GOTO };

enum prompt_result { PROMPT_NONE, PROMPT_EDITED, PROMPT_ACCEPT, PROMPT_CANCEL };

struct prompt
{
  int active;
  enum prompt_kind kind;
  struct buf text;              /* always NUL-terminated */
  size_t cur;                   /* cursor, a byte offset into TEXT */
  size_t hist;                  /* history entry shown; count = the edit line */
  char *edit;                   /* the line being typed while browsing history */
  size_t mark;                  /* the byte a query error points at
                                   (shown in reverse), SIZE_MAX for none;
                                   any edit clears it */
  char *error;                  /* that error, shown in the count's place
                                   while MARK is set */
};

/* A search: its text, the compiled query and the hits in every
   document (indexed like ui.docs).  */
struct search
{
  char *text;
  struct engine_query *q;
  struct doc_result *res;       /* NULL when there is no search; a
                                   document that matches has its doc set */
  int backward;
  struct engine_results er;     /* what the engine found: the hits of a
                                   document are taken from it when it is
                                   first shown (ui_search_load) */
  int partial;                  /* only the open document was searched
                                   (as the query is typed); the rest is
                                   searched when no key is waiting
                                   (ui_search_finish) */
  int failed;                   /* and that search failed: only the open
                                   document's hits are known */
  int other_known;              /* OTHER is worked out (once: n after a
                                   search that found nothing asks again) */
  size_t other;                 /* documents the English not read has it
                                   in (engine_other_english_finds) */
  /* What Enter will show instead when this finds nothing at the
     prompt (engine_amend), worked out once typing pauses
     (ui_search_finish) and kept for Enter to apply.  */
  int amend_due;                /* still to be worked out */
  int amend_known;              /* AMEND_HOW and AMEND_FIX are */
  enum engine_amend amend_how;
  char *amend_fix;              /* ENGINE_AMEND_CORRECTED: the correction */
};

/* The count of a search's hits in every case once Enter is typed at
   the prompt, which Esc and Ctrl-C stop (ui_search.c): seconds in a
   large library.  */
struct counting
{
  long long began_ms;            /* util_now_ms */
  int said;                     /* the status line says it counts */
  int enter_taken;              /* ENTER came while the cases were counted
                                   at a pause in the typing, and was taken
                                   off the input to see an Esc after it;
                                   the main loop gives it back */
  struct ui_key enter;
};

/* A hit of the open document as drawn: its index in the document's
   result and the first display line it is on.  */
struct vhit
{
  size_t hit;
  size_t line;
  int col;
};

/* A selectable list (ui_listw.c): N rows, the selected one and the
   first shown.  */
struct listw
{
  size_t n;
  size_t sel;
  size_t top;
};

/* A row of the case list: a listed case (an index into ui.vis) or,
   in a library of several collections, the heading of a collection.  */
struct list_row
{
  int heading;
  size_t coll;                  /* index into lib->colls */
  size_t vis;                   /* a case: index into ui.vis */
  size_t count;                 /* a heading: the collection's cases listed */
};

/* The case list's own state (ui_list.c): its rows and the selection, an
   index into ROWS; which collections are folded (their cases hidden
   under the heading).  */
struct list_pane
{
  struct listw lw;
  struct list_row *rows;
  size_t nrows;
  unsigned char *folded;        /* one per lib->colls */
  int *region_widths;           /* every region's width in REGION_LANG,
                                   sorted: drawing does not measure the
                                   whole library again */
  int region_lang;
};

/* An overlay list over the text pane (ui_pick.c), as the facets (F) and
   the related cases (R) use it: items of one or two lines, chosen with
   Enter.  */
struct pick_item
{
  char *label;                  /* a first column (facets: the kind), or NULL */
  char *text;
  int indent;                   /* columns before TEXT */
  char *note;                   /* at the right end (a count), or NULL */
  char *detail;                 /* a second line, dim (a reason), or NULL */
  size_t doc;                   /* what choosing it opens (related) */
  char *query;                  /* or the limit it adds (facets) */
};

struct ui;

struct pick
{
  int active;
  char *title;
  struct pick_item *items;
  struct listw lw;
  int lines;                    /* lines per item: 1 or 2 */
  /* Called with the chosen item after the overlay is closed.  */
  void (*choose) (struct ui *u, const struct pick_item *it);
};

/* The tags pane (ui_tags.c): every tag of the library, and the
   selection in each of its two lists (0: the open case's keywords, 1:
   all tags).  */
struct tags_pane
{
  struct tag_table table;       /* every tag of the library (tags.h) */
  int all;                      /* showing all tags */
  struct listw lw[2];
};

/* The start of a range to copy (V, then y; ui_copy.c).  */
struct copy_range
{
  int set;
  size_t doc;                   /* index into docs */
  size_t section, block;
};

/* Where the top line of the text begins: in which text of paragraph
   UNIT, and at which byte of it (ui_text.c).  A new width shows the
   line that holds that byte at the top, as less keeps its place; it is
   set only where the reader moves, so that a storm of resizes does not
   drift (each layout's line starting a little earlier).  */
struct text_anchor
{
  int set;
  size_t unit;
  enum lang lang;
  enum hit_part part;
  size_t section, block;
  size_t off;                   /* byte offset in the original text */
};

/* The outline of the open case (ui_outline.c).  */
struct outline_item
{
  size_t line;                  /* the heading's first line in the layout */
  size_t unit;                  /* its paragraph, to find it in another */
  int level;                    /* 1 【】, 2 一、 I., 3 （一） (1) */
};

struct outline
{
  int active;
  struct listw lw;
  struct outline_item *items;
};

struct ui
{
  struct library *lib;           /* documents are read whole on opening */
  struct engine *engine;        /* opened at the first search */
  const struct reader_prefs *opt;
  enum lang lang;               /* the reader's language (list, tags) */
  enum view view;
  int color;
  attr_t role_attr[ROLE_COUNT]; /* how each role is drawn (ui_color.c) */

  /* Documents, in library order.  */
  const struct document **docs;
  size_t ndocs;
  /* The state of each one's file when refresh_content last read it
     (NULL before the first time): those unchanged are not read again.  */
  struct file_stamp *doc_stamps;

  /* Geometry.  */
  int rows, cols;
  int narrow;                   /* one pane at a time */
  int too_small;
  int zoom;                     /* the text pane has the whole screen (z) */
  struct rect pane[PANE_COUNT]; /* h == 0: not shown */
  struct rect text_rect;        /* where the text goes, even when hidden */
  enum pane focus;

  /* The case list, possibly limited.  */
  size_t *vis;                  /* indexes into docs */
  size_t nvis;
  struct list_pane listp;       /* the list's selection (ui_list.c) */
  char *limit_text;

  /* The open document and its layout.  */
  size_t cur;                   /* index into docs */
  struct render r;
  int have_render;
  int r_width;
  enum view r_view;
  int r_revised;                /* the render shows the revised English */
  int revised;                  /* the reader reads the revised English */
  size_t top;                   /* first line shown */
  size_t top_unit;              /* the paragraph to keep at the top */
  struct text_anchor anchor;    /* and the place in it, while its unit
                                   is TOP_UNIT */
  size_t sbs_col;               /* side by side: column of the right side */
  struct vhit *vh;              /* hits of the open document, in display order */
  size_t nvh;
  size_t cur_hit;               /* index into vh, or SIZE_MAX */

  /* Search.  */
  struct search search;
  struct search saved;          /* restored when a prompt is cancelled */
  size_t saved_cur, saved_top, saved_unit, saved_hit;
  size_t saved_place, saved_line;       /* the top line: SAVED_LINE lines
                                           into unit SAVED_PLACE
                                           (text_top_place) */
  int saved_width;              /* the layout SAVED_TOP belongs to */

  /* The tags pane's own state (ui_tags.c).  */
  struct tags_pane tagp;

  /* Marks live in the state; here only the position before the last
     jump, for ''.  */
  int prev_set;                 /* the position before the last jump ('') */
  size_t prev_doc, prev_unit;
  size_t prev_line;             /* lines into PREV_UNIT */
  int pending;                  /* 'm' or '\'' waiting for a letter */
  int have_count;               /* digits typed before a command (5j, 12G) */
  long count;                   /* LONG_MAX once the digits pass it */

  struct prompt prompt;
  struct outline outline;
  struct pick pick;             /* facets or related cases (ui_pick.c) */
  struct related_index *related;        /* built at the first R */
  struct copy_range range;
  int help;
  size_t help_top;

  char *hints;                  /* the status line's when it has nothing
                                   else to say (bind_hints) */
  char *help_key;               /* the key that opens the help, as the
                                   configuration leaves it, or NULL */
  char *msg;                    /* shown on the status line until a key */
  int msg_error;
  char *msg_after_prompt;       /* an error or note to show when the prompt
                                   closes (ui_show_kept_message) */
  int pasting;                  /* within a bracketed paste */
  int paste_dropped;            /* some of it was not at a prompt */
  int paste_mark;               /* m or ' was waiting for a letter when
                                   it began: what it holds is that letter
                                   if it is one key */
  size_t paste_keys;            /* its keys so far, then */
  struct ui_key paste_first;    /* and the first of them */

  int resize_due;               /* a resize taken off the input during
                                   a search (ui_engine_poll) */
  struct counting counting;

  struct state *state;
  char *state_path;
  int state_ok;                 /* writing the state is allowed */

  /* Scratch for drawing.  */
  unsigned char *roles;
  size_t roles_alloc;
};

/* ui_color.c: how each role is drawn, from the theme and the
   configuration file, with colour when it is wanted and available.  */
void colors_init (struct ui *u);
attr_t ui_attr (const struct ui *u, enum role r);
/* Role R in text that is casebook's translation.  */
attr_t ui_attr_translated (const struct ui *u, enum role r);

/* ui_bind.c: the configuration file's key bindings.  Turn K, when it is
   bound, into the key of its action.  Returns 1 if it did.  */
int bind_translate (const struct ui *u, struct ui_key *k);
/* For each of CFG's bindings, whether a later one binds its key again
   (and so it does nothing).  Caller frees.  */
unsigned char *bind_overridden (const struct settings *cfg);
/* The status line's hints ("h: help  q: quit ..."), naming the keys
   this reader's configuration leaves to each action.  Caller frees.  */
char *bind_hints (const struct ui *u);
/* The name of the key that opens the help ("h", or another when the
   configuration binds h away), or NULL when none does.  Caller frees.  */
char *bind_help_key (const struct ui *u);
/* The help screen's status line, naming the keys that close and scroll
   it as the configuration file leaves them.  Caller frees.  */
char *bind_help_footer (const struct ui *u);

/* ui.c */
void ui_message (struct ui *u, int error, const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));
/* Draw S (LEN bytes, any text) at row Y from column X, never past column
   XMAX (exclusive); controls are shown visibly.  Returns the column after
   the text.  */
int ui_put (int y, int x, int xmax, const char *s, size_t len, attr_t a);
/* Same, but when S does not fit, cut it one column early and end it with
   an ellipsis.  */
int ui_put_cut (int y, int x, int xmax, const char *s, size_t len,
                attr_t a);
/* Same for text already made visible (no control characters).  */
int ui_put_visible (int y, int x, int xmax, const char *s, size_t len,
                    attr_t a);
/* Fill columns [X, XMAX) of row Y with spaces in A.  */
void ui_fill (int y, int x, int xmax, attr_t a);
/* Columns that S (LEN bytes, any text) takes when drawn.  */
int ui_text_width (const char *s, size_t len);
/* The document's title (or region) in the reader's language.  */
const struct text *ui_doc_text (const struct ui *u, const struct bitext *bt);
/* How messages name case D: "7", or "batch3/7" in a library of several
   collections (whose numbers repeat), as ':' takes it.  Caller
   frees.  */
char *ui_case_name (const struct ui *u, const struct document *d);
/* D's title in the reader's language, or the other (into *L when not
   NULL), the project's revision of its English where E reads it;
   NULL when it has none.  */
const struct text *ui_doc_title (const struct ui *u,
                                 const struct document *d, enum lang *l);
/* Draw S (LEN bytes of language L) at Y, X up to XMAX, in traditional
   script when asked for.  Returns the column after it.  */
int ui_put_in (const struct ui *u, int y, int x, int xmax, const char *s,
               size_t len, enum lang l, attr_t a);
/* Draw BT in the reader's language (and script) at Y, X up to XMAX.
   Returns the column after it.  */
int ui_put_doc (const struct ui *u, int y, int x, int xmax,
                const struct bitext *bt, attr_t a);
/* Open document D (index into docs): remember where we were in the old
   one and go to the remembered position in the new one.  */
void ui_open (struct ui *u, size_t d);
/* Open document D as ui_open does, first lifting the limit (&) when it
   hides D, and saying so: a case opened by number, mark or relation.  */
void ui_open_listed (struct ui *u, size_t d);
/* The index in U's DOCS of document NUMBER of collection COLL, or
   SIZE_MAX.  */
size_t ui_find_doc (const struct ui *u, const char *coll, long number);
/* Read the rest of document D, which the list knew by its header only
   (an error goes to the status line).  */
void ui_read_whole (struct ui *u, size_t d);
/* Say on the status line why the open document could not be read: the
   first error of DG; KEPT: read again, and shown as it was last read.  */
void ui_read_error (struct ui *u, const struct diags *dg, int kept);
/* Has Ctrl-C, SIGTERM or SIGHUP come, for the main loop to handle?
   Long work asks, to stop early.  */
int ui_interrupted (void);
/* Show MSG on the status line at once, during work that keeps the main
   loop from drawing (progress).  */
void ui_status_now (const char *msg);
/* The terminal was resized during such work: lay the screen out and
   draw it again at its new size at once, rather than leave the old
   layout cut or half blank until the work ends.  */
void ui_resize_now (struct ui *u);
/* After Ctrl-Z: stop now, in the main loop or during such work (not
   when the work ends: seconds for a first index build of a large
   library); the screen comes back when continued.  Returns 1 when it
   stopped, 0 when no Ctrl-Z was waiting.  */
int ui_stop_now (void);
/* During such work, now and then: stop at once for Ctrl-Z, and draw
   the screen again at once after a resize (ui_resize_now).  Returns 1
   when the work is to stop: Ctrl-C, SIGTERM or SIGHUP came, or an Esc
   is waiting (left to be read).  */
int ui_work_poll (struct ui *u);
/* The same during a search, from the engine's interrupt: the engine
   must not be called meanwhile (SQLite forbids it there), and a layout
   for a new size may load hits, so a resize is kept, not seen to, until
   ui_engine_poll_end gives it back to be read after the search.  */
int ui_engine_poll (struct ui *u);
void ui_engine_poll_end (struct ui *u);
/* After such work failed, with no prompt open for the Esc or Ctrl-C
   that stopped it to cancel: did ui_work_poll ask it to stop?  Then
   take them, and return 1 (a SIGTERM or SIGHUP stays, for the main
   loop to quit).  */
int ui_work_taken (struct ui *u);
/* Remember the current position for ''.  */
void ui_remember_jump (struct ui *u);
/* E: read the other English (the release's or the project's revision);
   the text, the list, the tags and the current search follow.  */
void ui_toggle_english (struct ui *u);
/* Give pane P the keys (in the narrow layout, also the screen).  */
void ui_set_focus (struct ui *u, enum pane p);
/* The movement K asks for (j/k, arrows, Space/b, d/u, g/G...).  */
enum ui_move ui_move_key (const struct ui_key *k);
/* The rows movement M moves in a pane of PAGE rows: one, half a page or
   a page, negative upwards; 0 for Home, End and none.  */
long ui_move_rows (enum ui_move m, long page);
/* Is K Enter (Return, ^J, the keypad's Enter)?  */
int ui_is_enter (const struct ui_key *k);
/* Pane at screen position (Y, X), or PANE_COUNT.  */
enum pane ui_pane_at (const struct ui *u, int y, int x);

/* The count typed before the current command, or DFLT when none was.  */
long ui_count (const struct ui *u, long dflt);
/* ROWS (negative: up) COUNT times, as far as a long goes: a count of
   500000000000000000 before Space must not wrap round to upwards.  */
long ui_count_times (long rows, long count);
/* Offset AT moved by DELTA, at least 0 and at most SIZE_MAX.  */
size_t ui_offset_move (size_t at, long delta);
/* Open the case numbered N (the first such in library order) and show
   it; a message when there is none.  Returns 0 or -1.  */
int ui_open_number (struct ui *u, long n);
/* Say that there is no case N (of collection COLL, or NULL): N of
   LONG_MAX is a count typed past the largest number held.  */
void ui_no_case_message (struct ui *u, const char *coll, long n);

/* ui_keys.c: read one key into K (ncurses' timeout applies), reading a
   whole escape sequence when one starts: common forms of the cursor,
   Home/End/PgUp/PgDn and F-keys become KEY_* codes, others
   UI_KEY_UNBOUND.  IDLE_MS is the timeout to restore afterwards.
   Returns OK, or ERR when no key came.  */
int keys_read (struct ui_key *k, int idle_ms);
/* Is more input waiting (a paste, fast typing)?  Looks without taking
   it, then waits IDLE_MS again as keys_read does.  */
int keys_pending (int idle_ms);
/* The same, saying which key waits: 0 none, 1 a character (an escape
   sequence's first byte) in *CODE, 2 a KEY_ code in *CODE.  */
int keys_peek (int idle_ms, int *code);
/* Does a key come within WAIT_MS?  Waits no longer, and leaves the key
   to be read; IDLE_MS as keys_pending.  0 also when a signal
   interrupts the wait.  */
int keys_wait (int wait_ms, int idle_ms);
/* K's name for a message ("x", "F5", "Insert", "M-b", "C-Left").  Caller
   frees.  */
char *keys_name (const struct ui_key *k);
/* The modifiers keys_unmodify finds, as the bits of xterm's modifier
   parameter less one.  */
#define KEYS_SHIFT 1
#define KEYS_ALT 2
#define KEYS_CTRL 4
/* When FN is a cursor or editing key with modifiers (Shift-Left, or an
   extended key such as ncurses' kLFT5, Ctrl-Left), return the key
   without them (KEY_LEFT) and set *MODS to the KEYS_* bits; else 0.  */
int keys_unmodify (int fn, int *mods);

/* How long the main loop waits for a key before it looks at signals.  */
#define UI_IDLE_MS 1000

/* How many such waits in a row, with no key, end a paste whose end mark
   never came.  One was too few: a terminal feeding a paste of hundreds
   of kilobytes can pause for more than a second, and a pasted line
   break after the paste was ended is Enter, and the rest keys.  */
#define UI_PASTE_QUIET_WAITS 5

/* How long typing at the search prompt must pause before the cases
   other than the open one are counted (see the main loop).  */
#define UI_COUNT_PAUSE_MS 100

/* ui_listw.c: the list widget.  Keep LW's selection in range and
   visible in H rows.  */
void listw_clamp (struct listw *lw, int h);
/* Move the selection by DELTA rows, within the list.  */
void listw_move (struct listw *lw, long delta);
/* Move by the movement key K (COUNT times; pages of H rows).  Returns 1
   if K was a movement key.  */
int listw_key (struct listw *lw, const struct ui_key *k, int h, long count);
/* Select the item on ROW (0 = the first row shown).  Returns 1 if there
   is one.  */
int listw_click (struct listw *lw, int row);

/* ui_outline.c: the outline of the open case, over the text pane.  */
void outline_open (struct ui *u);
void outline_close (struct ui *u);
void outline_draw (struct ui *u);
/* The text was laid out again (a resize, another view, an edit): take
   the headings from the new layout, the same one selected.  */
void outline_relayout (struct ui *u);
/* Returns 1 if it handled K.  */
int outline_key (struct ui *u, const struct ui_key *k);

/* ui_list.c: the case list.  Each pane has X_draw (draw into its
   rectangle, if shown) and X_key (handle K; 1 if it did).  */
void list_draw (struct ui *u);
int list_key (struct ui *u, const struct ui_key *k);
/* C, from any pane: fold every collection under its heading, or unfold
   them all when all are folded; in a library of one collection, which
   has no headings, say so.  */
void list_fold_all (struct ui *u);
/* A click on ROW of the pane selects and opens that case.  */
void list_click (struct ui *u, int row);
/* The wheel: move the selection by DELTA.  */
void list_scroll (struct ui *u, int delta);
/* Make the open document the selected one when it is listed.  */
void list_follow (struct ui *u);
/* Limit the list to documents matching TEXT (empty: no limit).  Returns
   0, or -1 with a message set.  */
int list_limit (struct ui *u, const char *text);
/* "12 Full title" of the selected case when it is not the open one, or
   the full title of the selected collection heading; else NULL.  Caller
   frees.  */
char *list_selected_title (const struct ui *u);
/* The rows again after the listed cases or the folding changed.  */
void list_rows_build (struct ui *u);
/* The cases' regions changed (their files were read again): measure
   the region column again when next drawn.  */
void list_regions_changed (struct ui *u);
/* Free the list's rows and folding.  */
void list_free (struct ui *u);
/* Draw pane PANE's title row: a rule with TITLE, shown in reverse video
   with a marker when the pane has the focus; nothing in a pane of one
   row (ui_pane_head).  */
void ui_pane_title (struct ui *u, enum pane pane, const char *title);
/* The rows above the list of pane PANE: its title row, 1, or 0 in a
   pane of one row (a terminal of 3 rows), whose row shows the selected
   item rather than a title alone, or nothing.  */
int ui_pane_head (const struct ui *u, enum pane pane);
/* Every case listed; measure the region column.  */
void list_init (struct ui *u);

/* ui_text.c: the text pane.  Lay the open case out again if the width
   or the view changed, keeping the paragraph at the top.  */
void text_layout (struct ui *u);
void text_draw (struct ui *u);
int text_key (struct ui *u, const struct ui_key *k);
/* Scroll by DELTA lines (negative: up).  */
void text_scroll (struct ui *u, long delta);
/* Show line LINE, scrolling only when it is not on screen.  */
void text_show_line (struct ui *u, size_t line);
/* Put paragraph PARA (1-based; 0: the heading) of section SECTION
   (1-based) of the open case at the top.  Returns 0, or -1 when the case
   has no such place.  */
int text_goto_place (struct ui *u, size_t section, size_t para);
/* The heading level that line I of the layout starts (1 【】, 2 一、 I.,
   3 （一） (1)), or 0: ]/[ stop there and the outline lists it.  */
int text_heading_level (const struct ui *u, size_t i);
/* Show line LINE at the top.  */
void text_set_top (struct ui *u, size_t line);
/* Put the paragraph UNIT at the top.  */
void text_goto_unit (struct ui *u, size_t unit);
/* Show LINE lines into UNIT at the top (the last of its lines if it has
   fewer now, the width having changed), as a mark or '' set there.  */
void text_goto_unit_line (struct ui *u, size_t unit, size_t line);
/* The unit of the top line (a blank line's is the paragraph above it),
   with *LINE set to how many lines into that unit the top line is:
   text_goto_unit_line goes back there.  */
size_t text_top_place (const struct ui *u, size_t *line);
/* The unit of the paragraph at the top of the pane.  */
size_t text_anchor_unit (const struct ui *u);
/* The line from which the paragraph '=' names and y copies is read: the
   top line, or the first of the paragraph gone to when the end of the
   text kept it from the top (":7 ¶15" near the end).  */
size_t text_current_line (const struct ui *u);
/* Rebuild the open document's drawn hits.  */
void text_map_hits (struct ui *u);
/* The provenance header's words for language L: "English: release
   text", "Chinese: casebook's translation, not the official text"...  */
const char *text_provenance_label (enum lang l, enum provenance pv);
/* "Where am I" for '='.  Caller frees.  */
char *text_position (const struct ui *u);
/* "12/340 35%" for the status line, or NULL.  Caller frees.  */
char *text_status (const struct ui *u);
/* Columns between the text pane's left edge and the text, when the
   reading width leaves the pane wider than the text.  */
int text_margin (const struct ui *u);
/* Rows of the text pane (at least 1).  */
int text_height (const struct ui *u);

/* ui_tags.c: the tags pane.  Collect every tag of the library with its
   case count; tags_free releases them.  */
void tags_init (struct ui *u);
void tags_free (struct ui *u);
void tags_draw (struct ui *u);
int tags_key (struct ui *u, const struct ui_key *k);
/* A click on ROW of the pane (row 0 is its header) selects that tag.  */
void tags_click (struct ui *u, int row);
/* The wheel: move the selection by DELTA.  */
void tags_scroll (struct ui *u, int delta);
/* The open document changed.  */
void tags_reset (struct ui *u);
/* t: the open case's keywords, or all tags.  */
void tags_toggle (struct ui *u);

/* ui_search.c */
/* Run Q through the engine into one result per document (indexed like
   ui.docs; caller frees with search_results_free_all).  Returns 0, -1
   with *ERROR set (caller frees), or 1 when the engine's interrupt
   stopped it.  */
int ui_search_run (struct ui *u, const struct engine_query *q,
                   struct doc_result **res, struct engine_results *er,
                   char **error);
/* Load the hits of document D of the current search, if not yet.  */
void ui_search_load (struct ui *u, size_t d);
void search_results_free_all (struct doc_result *res, size_t n);
/* Free S's contents (one result for each of NDOCS documents).  */
void search_clear (struct search *s, size_t ndocs);
/* The engine, opened (and so brought up to date) when first needed:
   the first screen does not wait for the index.  NULL with *ERROR set
   (caller frees) if it cannot be opened.  */
struct engine *ui_engine (struct ui *u, char **error);
/* Compile TEXT with the options the browser was started with.  NULL with
   *ERROR set (caller frees) when it is not a valid query.  */
struct engine_query *ui_query_compile (struct ui *u, const char *text,
                                char **error);
/* Run TEXT as the current search.  Returns 0, or -1 with *ERROR set
   (caller frees) and the current search unchanged.  */
int ui_search_set (struct ui *u, const char *text, int backward,
                   char **error);
/* ui_search_set, the count of every case stopped by Esc or Ctrl-C
   (said on the status line once it takes a while): returns 1 then, the
   current search unchanged, and the key taken.  For searches no prompt
   is there to cancel: casebook +/QUERY, Enter on a tag.  */
int ui_search_set_stoppable (struct ui *u, const char *text, int backward,
                             char **error);
/* What the status line says after such a stop.  */
void ui_search_stopped_say (struct ui *u);
/* After ui_search_set found nothing (or some of its words nothing):
   read the other English, or search the correction, where that is
   better, as Enter at the prompt and casebook search do.  Returns 0
   when the search stays, 1 when the other English is read, 2 when the
   correction is searched (*CORRECTED, caller frees), 3 when it is and
   what was typed found something (some of its words nothing).  */
int ui_search_amend (struct ui *u, int backward, char **corrected);
/* Say on the status line what ui_search_amend did (HOW, CORRECTED) to
   the query TEXT typed.  */
void ui_search_amend_say (struct ui *u, int how, const char *corrected,
                          const char *text);
/* Cases were found with some words of the search, while others are in
   no text: say which, as casebook search says at a terminal.  */
void ui_search_say_absent (struct ui *u);
/* Complete a partial search (struct search): search every document.
   With TYPING (the prompt is open), a key typed meanwhile stops it,
   Enter excepted (struct counting); else Esc or Ctrl-C do.  Stopped, it
   returns 1 (the search stays partial); else 0, or -1 when the search
   failed (said on the status line; the search is marked failed).  */
int ui_search_finish (struct ui *u, int typing);
/* Does hit H of document D show in the current view?  */
int ui_hit_shown (const struct ui *u, const struct document *d,
                  const struct hit *h);
/* Hits of document D that the current view shows.  */
size_t ui_doc_hits (const struct ui *u, size_t d);
/* Go to the next hit (DIR 1) or previous one (-1) from the position on
   screen, across documents.  */
void ui_search_next (struct ui *u, int dir);
/* The same COUNT times (5n): as many as there are hits at most, since
   going round them all comes back to the same one.  */
void ui_search_repeat (struct ui *u, int dir, long count);
/* Where the current hit of the open document is, to find it again
   when the search runs again over other text (E): the hit, and how many
   hits of its paragraph and language come before it.  */
struct hit_place
{
  int set;                      /* 0: there is no current hit */
  struct hit h;
  size_t nth;
};
/* The current hit's place.  */
struct hit_place ui_search_hit_place (const struct ui *u);
/* After the search ran again, make the hit at P current again: the
   NTH of its paragraph and language (the last of them when there are
   fewer now, the first after it when there are none), shown.  */
void ui_search_hit_return (struct ui *u, const struct hit_place *p);
/* While a search is typed, its hits in the open document as vim shows
   them, "[3/12]" (the one the view moved to, of all), or NULL.  Caller
   frees.  */
char *ui_search_prompt_count (const struct ui *u);
/* The search state for the status line, or NULL.  Caller frees.  */
char *ui_search_status (const struct ui *u);
/* Open the prompt for / ? or &; for searches, remember the search and
   the position so that Esc can restore them.  */
void ui_prompt_start (struct ui *u, enum prompt_kind kind);
/* A key while the prompt is open: edit, preview, accept or cancel.  */
void ui_prompt_key (struct ui *u, const struct ui_key *k);
/* A bracketed paste into the open prompt has ended: search what it
   holds (the paste's last key left that to the end marker).  */
void ui_prompt_pasted (struct ui *u);
/* Show the message kept while a prompt was open (msg_after_prompt), if
   there is one and no prompt is open: a prompt's own message goes
   first, the kept one at the next key.  */
void ui_show_kept_message (struct ui *u);

/* ui_prompt.c */
/* Open a prompt; HIST_COUNT history entries can be recalled.  */
void prompt_begin (struct prompt *p, enum prompt_kind kind,
                   size_t hist_count);
/* Close P and free what it holds.  */
void prompt_end (struct prompt *p);
/* Edit P with key K, recalling entries of HISTORY (may be NULL) on ↑/↓.  */
enum prompt_result prompt_key (struct prompt *p, const struct ui_key *k,
                               const struct state *history);
/* Draw the prompt on row Y, columns [0, WIDTH), and place the cursor.  */
void prompt_draw (const struct ui *u, const struct prompt *p, int y,
                  int width);

/* ui_pick.c: the overlay list.  Open U->pick (its items, title, lines
   and choose set by the caller) over the text pane.  */
void pick_open (struct ui *u);
void pick_close (struct ui *u);
void pick_draw (struct ui *u);
/* Returns 1 if it handled K (Enter chooses, Esc or q closes).  */
int pick_key (struct ui *u, const struct ui_key *k);

/* ui_facets.c: F, the facets of the cases listed: each collection,
   year, region and keyword with its count; Enter limits the list.  */
void facets_open (struct ui *u);

/* ui_related.c: R, the cases most related to the open one, with the
   reason; Enter opens one.  */
void related_open (struct ui *u);

/* ui_copy.c: y, the paragraph at the top with its citation to the
   clipboard (or a file, with a message).  */
void copy_paragraph (struct ui *u);
/* V: start a range at the paragraph at the top (y then copies from there
   to the paragraph then at the top); again, or Esc, drops it.  */
void copy_mark (struct ui *u);
/* The status line's note while a range is started, or NULL.  Caller
   frees.  */
char *copy_status (const struct ui *u);

/* ui_help.c: the help screen, drawn over the panes while U->help.  */
void help_draw (struct ui *u);
/* Open the help at its legend (what the marks on the screen mean).  */
void help_show_legend (struct ui *u);
/* After a resize from OLD_COLS columns: keep the entry at the top of the
   help (and the row of it), as the text keeps its paragraph.  */
void help_relayout (struct ui *u, int old_cols);
/* Scroll, or close on Esc, q, h or F1.  */
int help_key (struct ui *u, const struct ui_key *k);

#endif /* CASEBOOK_UI_PRIV_H */
