/* ui.c -- the terminal browser: setting the terminal up and restoring
   it, signals, the screen layout (wide: list | text with the tags under
   the list; narrow: one pane at a time), the title bar and status line,
   and the key loop that hands keys to the panes (ui_list.c, ui_text.c,
   ui_tags.c), the prompts (ui_prompt.c, ui_search.c) and help
   (ui_help.c), after the configuration file's key bindings (ui_bind.c);
   colours are ui_color.c's.  The only module that calls newterm and
   endwin.  */

#include <config.h>
#include "ui.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>

#include "cite.h"
#include "content.h"
#include "settings.h"
#include "i18n.h"
#include "layout.h"
#include "location.h"
#include "norm.h"
#include "ui_priv.h"
#include "ui_term.h"

/* How long get_wch waits before the loop looks at signals again.  */

static volatile sig_atomic_t ui_signal;
static volatile sig_atomic_t ui_stop;

static void
on_signal (int sig)
{
  if (sig == SIGTSTP)
    ui_stop = 1;
  else
    ui_signal = sig;
}

int
ui_interrupted (void)
{
  return ui_signal != 0;
}

/* Ctrl-Z: give the terminal back as it was (with the bracketed paste
   off: a shell may not read it), stop, and take it again once
   continued.  */
static void
suspend (void)
{
  ui_term_paste_mode (0);
  endwin ();
  struct sigaction dfl, ours;
  memset (&dfl, 0, sizeof dfl);
  dfl.sa_handler = SIG_DFL;
  sigemptyset (&dfl.sa_mask);
  sigaction (SIGTSTP, &dfl, &ours);
  raise (SIGTSTP);
  sigaction (SIGTSTP, &ours, NULL);
  /* The first refresh after endwin puts the terminal back in the
     browser's modes.  */
  refresh ();
  ui_term_paste_mode (1);
  clearok (curscr, TRUE);
}

static void
ui_fatal (const char *msg)
{
  ui_term_paste_mode (0);
  endwin ();
  fprintf (stderr, "casebook: %s\n", msg);
  exit (2);
}

void
ui_message (struct ui *u, int error, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  char *m = xvasprintf (fmt, ap);
  va_end (ap);
  free (u->msg);
  u->msg = m;
  u->msg_error = error;
}

/* Drawing text.  */

int
ui_put_visible (int y, int x, int xmax, const char *s, size_t len, attr_t a)
{
  if (x >= xmax || len == 0)
    return x;
  const uint8_t *p = (const uint8_t *) s, *e = p + len;
  int col = x;
  while (p < e)
    {
      ucs4_t uc;
      int n = u8_mbtouc (&uc, p, (size_t) (e - p));
      int w = norm_char_width (uc);
      if (w < 0)
        w = 1;
      if (col + w > xmax)
        break;
      col += w;
      p += n;
    }
  if (p > (const uint8_t *) s)
    {
      attrset (a);
      mvaddnstr (y, x, s, (int) (p - (const uint8_t *) s));
      attrset (A_NORMAL);
    }
  return col;
}

int
ui_put (int y, int x, int xmax, const char *s, size_t len, attr_t a)
{
  if (!norm_needs_visible (s, len, 1))
    return ui_put_visible (y, x, xmax, s, len, a);
  struct visible v;
  norm_visible (s, len, 1, &v);
  int r = ui_put_visible (y, x, xmax, v.str, v.len, a);
  norm_visible_free (&v);
  return r;
}

int
ui_put_cut (int y, int x, int xmax, const char *s, size_t len, attr_t a)
{
  int w = ui_text_width (s, len);
  if (x + w <= xmax || xmax - x < 2)
    return ui_put (y, x, xmax, s, len, a);
  int end = ui_put (y, x, xmax - 1, s, len, a);
  return ui_put_visible (y, end, xmax, "\xe2\x80\xa6", 3, a);
}

int
ui_text_width (const char *s, size_t len)
{
  if (!norm_needs_visible (s, len, 1))
    return norm_width (s, len);
  struct visible v;
  norm_visible (s, len, 1, &v);
  int w = norm_width (v.str, v.len);
  norm_visible_free (&v);
  return w;
}

void
ui_fill (int y, int x, int xmax, attr_t a)
{
  if (x >= xmax)
    return;
  attrset (a);
  mvhline (y, x, ' ', xmax - x);
  attrset (A_NORMAL);
}

const struct text *
ui_doc_text (const struct ui *u, const struct bitext *bt)
{
  return bitext_pick (bt, u->lang, NULL);
}

const struct text *
ui_doc_title (const struct ui *u, const struct document *d, enum lang *l)
{
  enum lang got;
  const struct text *t = bitext_pick (&d->title, u->lang, &got);
  if (t && got == LANG_EN && u->revised)
    t = bitext_view (&d->title, LANG_EN, 1);    /* the revision, if any */
  if (l)
    *l = got;
  return t;
}

int
ui_put_in (const struct ui *u, int y, int x, int xmax, const char *s,
           size_t len, enum lang l, attr_t a)
{
  /* --script=traditional applies to titles, regions and tags as to the
     text.  */
  char *conv = u->opt->script_config && l == LANG_ZH && len > 0
    ? norm_to_traditional (s, len, u->opt->script_config) : NULL;
  /* A cut is marked with an ellipsis.  */
  int r = conv ? ui_put_cut (y, x, xmax, conv, strlen (conv), a)
               : ui_put_cut (y, x, xmax, s, len, a);
  free (conv);
  return r;
}

int
ui_put_doc (const struct ui *u, int y, int x, int xmax,
            const struct bitext *bt, attr_t a)
{
  enum lang l;
  const struct text *t = bitext_pick (bt, u->lang, &l);
  return t ? ui_put_in (u, y, x, xmax, t->str, t->len, l, a) : x;
}

/* Layout.  */

static void
ui_layout (struct ui *u)
{
  u->rows = LINES;
  u->cols = COLS;
  memset (u->pane, 0, sizeof u->pane);
  u->too_small = u->rows < 3 || u->cols < 12;
  if (u->too_small)
    return;
  int h = u->rows - 2;
  u->narrow = u->cols < 80 || u->rows < 12;
  if (u->zoom)
    {
      struct rect full = { 1, 0, h, u->cols };
      u->pane[PANE_TEXT] = full;
      u->text_rect = full;
      return;
    }
  if (u->narrow)
    {
      struct rect full = { 1, 0, h, u->cols };
      u->pane[u->focus] = full;
      u->text_rect = full;
      return;
    }
  int lw = u->cols * 3 / 10;
  if (lw < 34)
    lw = 34;
  if (lw > 48)
    lw = 48;
  int tags_h = h * 2 / 5;
  if (tags_h < 3)
    tags_h = 3;
  struct rect list = { 1, 0, h - tags_h, lw };
  struct rect tags = { 1 + h - tags_h, 0, tags_h, lw };
  struct rect text = { 1, lw + 1, h, u->cols - lw - 1 };
  u->pane[PANE_LIST] = list;
  u->pane[PANE_TAGS] = tags;
  u->pane[PANE_TEXT] = text;
  u->text_rect = text;
}

void
ui_set_focus (struct ui *u, enum pane p)
{
  int unzoom = u->zoom && p != PANE_TEXT;
  u->focus = p;
  if (unzoom)
    u->zoom = 0;
  if (u->narrow || !u->zoom)
    ui_layout (u);
  /* The panes are back and the text pane is narrower again: lay the
     text out for it, as z does, or its lines (laid out for the whole
     screen) run on into the list and the tags.  */
  if (unzoom)
    text_layout (u);
}

/* z: give the text pane the whole screen, or give the panes back.  */
static void
toggle_zoom (struct ui *u)
{
  u->zoom = !u->zoom;
  if (u->zoom)
    u->focus = PANE_TEXT;
  ui_layout (u);
  text_layout (u);
}

/* E: read the English as the release gives it or as the project revised
   it (casebook(5), en.rev): the text, the titles of the list, the tags
   and the search follow.  */
void
ui_toggle_english (struct ui *u)
{
  struct hit_place hp = ui_search_hit_place (u);
  u->revised = !u->revised;
  /* A place in the English read is not one in the other.  */
  if (u->anchor.lang == LANG_EN)
    u->anchor.set = 0;
  tags_free (u);
  tags_init (u);
  text_layout (u);
  if (u->search.text)
    {
      /* Search again: the hits are in the English now shown.  The hit
         the reader was on stays the current one, so that n goes on
         from it and not from the first on screen.  */
      char *text = xstrdup (u->search.text);
      char *err = NULL;
      if (ui_search_set (u, text, u->search.backward, &err) != 0)
        free (err);
      else
        ui_search_hit_return (u, &hp);
      free (text);
    }
  ui_message (u, 0, "%s", u->revised
              ? _("English: the project's revision of the release's "
                  "machine translation, where there is one (E: the release's)")
              : _("English: as the release gives it (E: the project's "
                  "revision)"));
}

enum pane
ui_pane_at (const struct ui *u, int y, int x)
{
  for (int p = 0; p < PANE_COUNT; p++)
    {
      const struct rect *r = &u->pane[p];
      if (r->h > 0 && y >= r->y && y < r->y + r->h && x >= r->x
          && x < r->x + r->w)
        return (enum pane) p;
    }
  return PANE_COUNT;
}

/* Documents and positions.  */

static const char *
doc_coll (const struct document *d)
{
  return d->collection && d->collection->id ? d->collection->id : "";
}

char *
ui_case_name (const struct ui *u, const struct document *d)
{
  if (u->lib->ncolls > 1)
    return xasprintf ("%s/%ld", doc_coll (d), d->number);
  return xasprintf ("%ld", d->number);
}

/* The line at the top, as a mark keeps it: coming back to the case
   puts that line at the top again, as less's :n and :p do, not the
   start of its paragraph.  */
static void
remember_position (struct ui *u)
{
  if (u->have_render && u->state)
    {
      const struct document *d = u->docs[u->cur];
      size_t line, unit = text_top_place (u, &line);
      state_set_position (u->state, doc_coll (d), d->number, unit);
      state_set_position_line (u->state, doc_coll (d), d->number, line);
    }
}

/* Its problems are told on the status line; what could be read is shown,
   and the next opening tries again (the file may have been mended).  */
void
ui_read_whole (struct ui *u, size_t d)
{
  struct document *doc = library_document_rw (u->lib, d);
  if (doc == NULL || !doc->partial)
    return;
  struct diags dg = { 0 };
  if (content_load_body (doc, &dg) != 0)
    ui_read_error (u, &dg, 0);
  diags_free (&dg);
}

void
ui_read_error (struct ui *u, const struct diags *dg, int kept)
{
  for (size_t i = 0; i < dg->count; i++)
    if (dg->items[i].severity == DIAG_ERROR)
      {
        char *m = diag_format (&dg->items[i]);
        if (kept)
          /* The text shown is as it was last read, and the index,
             which leaves out a file with errors, no longer has it:
             search finds nothing in what is on screen.  */
          ui_message (u, 1, _("cannot read this document again: %s; shown "
                              "as last read, not searched until mended"), m);
        else
          ui_message (u, 1, _("cannot read this document: %s"), m);
        free (m);
        break;
      }
}

void
ui_status_now (const char *msg)
{
  ui_fill (LINES - 1, 0, COLS, A_NORMAL);
  ui_put (LINES - 1, 0, COLS, msg, strlen (msg), A_BOLD);
  refresh ();
}

void
ui_open (struct ui *u, size_t d)
{
  if (d >= u->ndocs)
    return;
  if (d == u->cur && u->have_render)
    {
      list_follow (u);
      return;
    }
  remember_position (u);
  if (u->have_render)
    render_free (&u->r);
  u->have_render = 0;
  u->cur = d;
  ui_read_whole (u, d);
  /* The related cases and the outline were the old case's.  */
  pick_close (u);
  outline_close (u);
  size_t unit = 0, line = 0;
  if (u->state
      && state_position (u->state, doc_coll (u->docs[d]),
                         u->docs[d]->number, &unit))
    line = state_position_line (u->state, doc_coll (u->docs[d]),
                                u->docs[d]->number);
  u->top_unit = unit;
  u->anchor.set = 0;            /* the old case's */
  u->top = 0;
  u->cur_hit = SIZE_MAX;
  text_layout (u);
  if (line > 0)
    text_goto_unit_line (u, unit, line);
  tags_reset (u);
  list_follow (u);
}

void
ui_remember_jump (struct ui *u)
{
  if (!u->have_render)
    return;
  u->prev_set = 1;
  u->prev_doc = u->cur;
  u->prev_unit = text_top_place (u, &u->prev_line);
}

size_t
ui_find_doc (const struct ui *u, const char *coll, long number)
{
  /* U's DOCS are the library's, in its order.  */
  return library_index_of (u->lib, coll, number);
}

/* Open document D at LINE lines into UNIT: the exact line a mark or ''
   was set at, as vi and less go back to it.  */
static void
go_to (struct ui *u, size_t d, size_t unit, size_t line)
{
  ui_open_listed (u, d);
  text_goto_unit_line (u, unit, line);
}

/* What m and ' say of a key that is no mark: the same for both.  */
static void
mark_refused (struct ui *u)
{
  u->pending = 0;
  ui_message (u, 1, "%s", _("Marks are letters a-z and A-Z"));
}

static void
mark_key (struct ui *u, const struct ui_key *k)
{
  int what = u->pending;
  u->pending = 0;
  if (k->fn == KEY_MOUSE || (!k->fn && k->ch == 27))
    return;
  /* F5 or an arrow is no letter either, and is said so as a digit is,
     not dropped without a word.  */
  if (k->fn)
    {
      mark_refused (u);
      return;
    }
  int c = (int) k->ch;
  if (what == '\'' && c == '\'')
    {
      if (!u->prev_set)
        {
          ui_message (u, 1, _("No previous position"));
          return;
        }
      size_t d = u->prev_doc, unit = u->prev_unit, line = u->prev_line;
      ui_remember_jump (u);
      go_to (u, d, unit, line);
      return;
    }
  if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
    {
      mark_refused (u);
      return;
    }
  if (what == 'm')
    {
      if (!u->have_render)
        return;
      const struct document *d = u->docs[u->cur];
      size_t line, unit = text_top_place (u, &line);
      state_set_mark (u->state, c, doc_coll (d), d->number, unit);
      state_set_mark_line (u->state, c, line);
      if (u->state_ok)
        ui_message (u, 0, _("Mark %c set"), c);
      else
        /* The state is not saved (state_off said why, at the start).  */
        ui_message (u, 1, _("Mark %c set, for this session only: marks "
                            "are not being saved"), c);
      return;
    }
  const char *coll;
  long number;
  size_t unit;
  size_t d;
  if (!state_mark (u->state, c, &coll, &number, &unit))
    {
      ui_message (u, 1, _("Mark %c is not set"), c);
      return;
    }
  if ((d = ui_find_doc (u, coll, number)) == SIZE_MAX)
    {
      /* Set, and kept: the case may be back with its collection, or
         under another --content.  */
      /* TRANSLATORS: %2$s/%3$ld is the case a mark was set in, as
         COLLECTION/NUMBER.  */
      ui_message (u, 1, _("Mark %1$c is in case %2$s/%3$ld, which is not "
                          "in this library"), c, coll, number);
      return;
    }
  ui_remember_jump (u);
  go_to (u, d, unit, state_mark_line (u->state, c));
  /* A paragraph the case no longer has (it was edited shorter, or the
     state file says so): the case opens, and the reader is told why
     not there.  */
  size_t last = 0;
  for (size_t i = 0; u->have_render && i < u->r.nlines; i++)
    if (u->r.lines[i].unit > last)
      last = u->r.lines[i].unit;
  if (u->have_render && u->cur == d && u->r.nlines > 0 && unit > last)
    /* TRANSLATORS: %2$s/%3$ld is the case the mark is in.  */
    ui_message (u, 1, _("Mark %1$c is past the end of case %2$s/%3$ld"),
                c, coll, number);
  if (u->narrow)
    ui_set_focus (u, PANE_TEXT);
}

void
ui_open_listed (struct ui *u, size_t d)
{
  /* A case the limit (&) hides is not opened behind it, where the list
     would mark no case open and the search's counts, n and N would
     pass it by: the limit goes, and the reader is told.  */
  size_t listed = 0;
  while (listed < u->nvis && u->vis[listed] != d)
    listed++;
  int unlimited = u->limit_text && listed == u->nvis;
  if (unlimited)
    list_limit (u, NULL);
  ui_open (u, d);
  if (unlimited)
    {
      char *name = ui_case_name (u, u->docs[d]);
      ui_message (u, 0, _("Case %s was not among the cases listed: "
                          "showing all %zu cases"), name, u->ndocs);
      free (name);
    }
}

/* The case numbered N of collection COLL (NULL: the first such in
   library order), or SIZE_MAX; *COUNT how many collections have it.  */
static size_t
find_case (const struct ui *u, const char *coll, long n, size_t *count)
{
  /* A plain number that several collections have: the open case's
     collection's, else the first in library order, and the reader is
     told which (casebook show N refuses it, listing them).  */
  size_t found = SIZE_MAX;
  const char *here = u->cur < u->ndocs ? doc_coll (u->docs[u->cur]) : NULL;
  *count = 0;
  /* COLL comes in NFKC (goto_place); a collection whose name is not (ａｂ,
     made before names were kept so) is found by its NFKC form too.  */
  const char *last = NULL;
  int last_same = 0;
  for (size_t i = 0; i < u->ndocs; i++)
    {
      if (u->docs[i]->number != n)
        continue;
      if (coll && doc_coll (u->docs[i]) != last)
        {
          last = doc_coll (u->docs[i]);
          char *nf = norm_nfkc_string (last);
          last_same = strcmp (last, coll) == 0 || strcmp (nf, coll) == 0;
          free (nf);
        }
      if (coll != NULL && !last_same)
        continue;
      (*count)++;
      if (found == SIZE_MAX
          || (here && strcmp (doc_coll (u->docs[i]), here) == 0))
        found = i;
    }
  return found;
}

/* Open the case numbered N of collection COLL (NULL: the first such in
   library order) and show it; a message when there is none.  Returns 0
   or -1.  */
static int
open_case (struct ui *u, const char *coll, long n)
{
  size_t count;
  size_t found = find_case (u, coll, n, &count);
  if (found == SIZE_MAX)
    {
      ui_no_case_message (u, coll, n);
      return -1;
    }
  if (found != u->cur)
    ui_remember_jump (u);
  ui_open_listed (u, found);
  ui_set_focus (u, PANE_TEXT);
  if (count > 1)
    /* TRANSLATORS: %1$ld is the number typed, %2$s the collection
       opened, %3$zu how many collections have a case of that number.  */
    ui_message (u, 0, _("Case %1$ld is in %3$zu collections: this is "
                        "%2$s/%1$ld (type COLLECTION/%1$ld for another)"),
                n, doc_coll (u->docs[found]), count);
  return 0;
}

void
ui_no_case_message (struct ui *u, const char *coll, long n)
{
  if (n == LONG_MAX)
    /* TRANSLATORS: a count typed before Enter or G passed the largest
       number the browser holds.  */
    ui_message (u, 1, "%s", _("There is no case with a number that large"));
  else if (coll)
    ui_message (u, 1, _("There is no case %s/%ld"), coll, n);
  else
    ui_message (u, 1, _("There is no case %ld"), n);
}

int
ui_open_number (struct ui *u, long n)
{
  return open_case (u, NULL, n);
}

long
ui_count (const struct ui *u, long dflt)
{
  return u->have_count ? u->count : dflt;
}

long
ui_count_times (long rows, long count)
{
  if (rows == 0 || count <= 0)
    return 0;
  if (rows > 0)
    return rows > LONG_MAX / count ? LONG_MAX : rows * count;
  return rows < -(LONG_MAX / count) ? -LONG_MAX : rows * count;
}

size_t
ui_offset_move (size_t at, long delta)
{
  if (delta >= 0)
    return (unsigned long) delta > SIZE_MAX - at
      ? SIZE_MAX : at + (size_t) delta;
  /* -(delta + 1) + 1: -LONG_MIN is not a long.  */
  size_t up = (size_t) -(delta + 1) + 1;
  return up > at ? 0 : at - up;
}

/* Does DOC have section *SECTION (1-based; 0 with *PARA: the paragraph
   *PARA as citations number them, turned into its section and block)
   and in it block *PARA (1-based, 0 for the section itself)?  */
static int
place_in_doc (const struct document *doc, size_t *section, size_t *para)
{
  if (*section == 0)
    {
      size_t s, b;
      if (cite_locate_paragraph (doc, *para, &s, &b) != 0)
        return 0;
      *section = s + 1;
      *para = b + 1;
      return 1;
    }
  if (*section > doc->nsections)
    return 0;
  return *para <= doc->sections[*section - 1].nblocks;
}

/* A place typed at the ':' prompt, in NFKC (goto_place).  */
static void
goto_place_nfkc (struct ui *u, const char *text)
{
  struct location loc;
  char *cause = NULL;
  /* A collection before the number, as casebook list names cases.  */
  char *coll = NULL;
  const char *slash = strchr (text, '/');
  if (slash && slash > text && slash[1] >= '0' && slash[1] <= '9'
      && strcspn (text, " ") > (size_t) (slash - text))
    {
      coll = xstrndup (text, (size_t) (slash - text));
      text = slash + 1;
    }
  if (location_parse (text, &loc, &cause) < 0)
    {
      ui_message (u, 1, "%s", cause);
      free (cause);
      free (coll);
      return;
    }
  /* A place the case does not have leaves the view where it was, as a
     case that does not exist does: the place is looked up in the case
     before it is opened.  */
  size_t d = u->cur;
  if (loc.has_doc)
    {
      size_t count;
      d = find_case (u, coll, loc.doc, &count);
      if (d == SIZE_MAX)
        {
          ui_no_case_message (u, coll, loc.doc);
          free (coll);
          return;
        }
    }
  size_t section = loc.section, para = loc.para;
  int place = loc.section != 0 || loc.para != 0;
  if (place && d < u->ndocs)
    {
      /* The list knew the case by its header only.  */
      ui_read_whole (u, d);
      if (u->docs[d]->partial)
        {
          free (coll);          /* unreadable: the status line says why */
          return;
        }
    }
  if (place && d < u->ndocs
      && !place_in_doc (u->docs[d], &section, &para))
    {
      char *where = location_format (&loc);
      ui_message (u, 1, _("Case %ld has no %s"), u->docs[d]->number, where);
      free (where);
      free (coll);
      return;
    }
  /* A place in the case already open is a jump within it, whether the
     case is named (7 §2 in case 7) or not (§2), for '' to come back
     from: open_case remembers only a jump to another case.  */
  if (place && d == u->cur)
    ui_remember_jump (u);
  int r = loc.has_doc ? open_case (u, coll, loc.doc) : 0;
  free (coll);
  if (r < 0 || !place)
    return;
  ui_set_focus (u, PANE_TEXT);
  if (text_goto_place (u, section, para) < 0)
    {
      char *where = location_format (&loc);
      ui_message (u, 1, _("Case %ld has no %s"), u->docs[u->cur]->number,
                  where);
      free (where);
    }
}

/* A place typed at the ':' prompt: "7", "7 §1 ¶12", "§2", and in a
   library of several collections "batch3/7 §1"; in full-width forms
   too (ｂａｔｃｈ３／７), as show takes them.  */
static void
goto_place (struct ui *u, const char *typed)
{
  char *text = norm_nfkc_string (typed);
  goto_place_nfkc (u, text);
  free (text);
}

static void
goto_prompt_key (struct ui *u, const struct ui_key *k)
{
  enum prompt_result r = prompt_key (&u->prompt, k, NULL);
  if (r != PROMPT_ACCEPT && r != PROMPT_CANCEL)
    return;
  char *text = xstrdup (u->prompt.text.data ? u->prompt.text.data : "");
  prompt_end (&u->prompt);
  if (r == PROMPT_ACCEPT && text[0] != '\0')
    goto_place (u, text);
  free (text);
}

static const char *
view_name (enum view v)
{
  static const char *const names[VIEW_COUNT] = {
    /* TRANSLATORS: names of the views cycled with 'v'.  */
    N_("Chinese"), N_("English"), N_("side by side"), N_("interleaved")
  };
  return _(names[v]);
}

/* The view in the title bar: the languages shown.  */
static const char *
view_code (enum view v)
{
  static const char *const codes[VIEW_COUNT] = { "zh", "en", "zh|en", "zh+en" };
  return codes[v];
}

static const char *
pane_name (enum pane p)
{
  static const char *const names[PANE_COUNT] = {
    N_("Cases"), N_("Text"), N_("Tags")
  };
  return _(names[p]);
}

/* The bars.  */

static void
draw_title (struct ui *u)
{
  attr_t bar = ui_attr (u, ROLE_BAR);
  ui_fill (0, 0, u->cols, bar);
  struct buf right = { 0 };
  if (u->limit_text)
    /* TRANSLATORS: the title bar when '&' limits the list: "3/9 cases".  */
    buf_printf (&right, ngettext ("%zu/%zu case", "%zu/%zu cases", u->ndocs),
                u->nvis, u->ndocs);
  if (u->narrow)
    {
      if (right.len)
        buf_adds (&right, "  ");
      buf_adds (&right, pane_name (u->focus));
    }
  if (right.len)
    buf_adds (&right, " ");
  buf_printf (&right, "[%s] ", view_code (u->view));
  int rw = ui_text_width (right.data, right.len);
  int xmax = u->cols - rw;
  if (xmax < u->cols / 2)
    xmax = u->cols;
  /* The case comes first; the collection's title gets what is left, but
     at least a third of the bar.  */
  const struct document *d = u->docs[u->cur];
  const struct text *ct = d->collection
    ? ui_doc_text (u, &d->collection->title) : NULL;
  enum lang tl;
  const struct text *tt = ui_doc_title (u, d, &tl);
  char num[32];
  snprintf (num, sizeof num, "%ld ", d->number);
  int avail = xmax - 2;
  int casew = (int) strlen (num) + (tt ? ui_text_width (tt->str, tt->len) : 0);
  int x = 1;
  if (ct)
    {
      int cw = ui_text_width (ct->str, ct->len);
      int budget = avail - casew - 2;
      if (budget < avail / 3)
        budget = avail / 3;
      if (cw > budget)
        cw = budget;
      if (cw > 0)
        {
          x = ui_put_doc (u, 0, x, x + cw, &d->collection->title, bar);
          x = ui_put (0, x, xmax - 1, "  ", 2, bar);
        }
    }
  x = ui_put (0, x, xmax - 1, num, strlen (num), bar | A_BOLD);
  if (tt)
    ui_put_in (u, 0, x, xmax - 1, tt->str, tt->len, tl, bar);
  if (xmax < u->cols)
    ui_put (0, xmax, u->cols, right.data, right.len, bar);
  buf_free (&right);
}

/* A message wider than the status line's WIDTH columns, in attribute
   A: wrapped, its last line on the status line (row Y) and the others
   over the rows above it (at most half the screen, the last of them cut
   with … when that is not enough), as vi shows a long message, rather
   than cut where it may say what to do.  The next key takes it away.  */
static void
draw_long_message (int y, int width, const char *msg, attr_t a)
{
  char *v = norm_visible_string (msg);
  struct layout_line *lines;
  size_t n = layout_wrap (v, strlen (v), width, width, &lines);
  size_t room = (size_t) (y + 1) / 2, shown = n < room ? n : room;
  for (size_t i = 0; i < shown; i++)
    {
      int row = y - (int) (shown - 1 - i);
      move (row, 0);
      clrtoeol ();
      const char *at = v + lines[i].off;
      if (i == shown - 1 && shown < n)
        ui_put_cut (row, 0, width, at, strlen (at), a);
      else
        ui_put (row, 0, width, at, lines[i].len, a);
    }
  free (lines);
  free (v);
}

static void
draw_status (struct ui *u)
{
  int y = u->rows - 1;
  int xmax = u->cols - 1;       /* never write the bottom right corner */
  attr_t status = ui_attr (u, ROLE_STATUS);
  ui_fill (y, 0, u->cols, status);
  if (u->prompt.active)
    {
      /* The count goes right, as far as the prompt leaves room.  */
      char *count = ui_search_prompt_count (u);
      int w = count ? ui_text_width (count, strlen (count)) : 0;
      if (count && xmax - w > u->cols / 2)
        {
          ui_put (y, xmax - w, xmax, count, strlen (count), status);
          xmax -= w + 1;
        }
      else if (count && u->prompt.error && u->prompt.mark != SIZE_MAX
               && xmax - u->cols / 2 > 8)
        {
          /* An error too long for its half: cut, the prompt kept (a
             count too long is left out, as before).  */
          ui_put_cut (y, u->cols / 2 + 1, xmax, count, strlen (count),
                      status);
          xmax = u->cols / 2;
        }
      free (count);
      prompt_draw (u, &u->prompt, y, xmax);
      return;
    }
  char *pos = u->help ? NULL : text_status (u);
  /* The position always shows; a limit adds its marker before it.  */
  struct buf right = { 0 };
  if (u->limit_text && !u->help)
    /* TRANSLATORS: the status line's marker of an active '&' limit.  */
    buf_printf (&right, _("[& %zu/%zu]"), u->nvis, u->ndocs);
  if (pos)
    {
      if (right.len)
        buf_adds (&right, " ");
      buf_adds (&right, pos);
    }
  int pw = right.len ? ui_text_width (right.data, right.len) : 0;
  /* Too wide for the line: its last fields go, whole ("363/1651  2"
     read as 2%, not 21%).  */
  while (pw > xmax && right.len)
    {
      char *space = memrchr (right.data, ' ', right.len);
      right.len = space ? (size_t) (space - right.data) : 0;
      while (right.len && right.data[right.len - 1] == ' ')
        right.len--;
      pw = right.len ? ui_text_width (right.data, right.len) : 0;
    }
  int left_max = xmax - (pw ? pw + 1 : 0);
  char *left = NULL, *shown_msg = NULL;
  attr_t a = status;
  if (u->help)
    left = bind_help_footer (u);
  else if (u->pending)
    left = xstrdup (u->pending == 'm' ? _("mark: type a letter")
                    : _("go to mark: type a letter (' for the last jump)"));
  else if (u->have_count)
    left = xasprintf ("%ld", u->count);
  else if (u->msg)
    {
      left = shown_msg = xstrdup (u->msg);
      a = u->msg_error ? ui_attr (u, ROLE_ERROR) : status;
    }
  else if ((left = copy_status (u)) != NULL)
    ;
  else if ((left = ui_search_status (u)) != NULL)
    ;
  else if (u->focus == PANE_LIST && (left = list_selected_title (u)) != NULL)
    /* The selected case's whole title, which the list may cut.  */
    ;
  else
    left = xstrdup (u->hints ? u->hints : "");
  if (left && left == shown_msg && ui_text_width (left, strlen (left)) > left_max
      && y > 1 && left_max >= 10)
    draw_long_message (y, left_max, left, a);
  else if (left)
    ui_put_cut (y, 0, left_max, left, strlen (left), a);
  if (pw)
    ui_put (y, xmax - pw, xmax, right.data, right.len, status);
  buf_free (&right);
  free (left);
  free (pos);
}

/* "Terminal too small", wrapped over the rows there are rather than cut
   inside a word (11 columns showed "Terminal to"), the last row cut
   with "…" when they are not enough.  One column is kept free, so that
   the bottom right corner is never written.  */
static void
draw_too_small (struct ui *u)
{
  const char *m = _("Terminal too small");
  int width = u->cols - 1;
  if (width < 1)
    return;
  struct layout_line *lines;
  size_t n = layout_wrap (m, strlen (m), width, width, &lines);
  size_t rows = (size_t) u->rows;
  for (size_t i = 0; i < n && i < rows; i++)
    {
      const char *at = m + lines[i].off;
      if (i == rows - 1 && n > rows)
        ui_put_cut ((int) i, 0, width, at, strlen (at), A_BOLD);
      else
        ui_put ((int) i, 0, width, at, lines[i].len, A_BOLD);
    }
  free (lines);
}

static void
ui_draw (struct ui *u)
{
  erase ();
  curs_set (0);
  if (u->too_small)
    {
      draw_too_small (u);
      move (0, 0);
      refresh ();
      return;
    }
  draw_title (u);
  if (u->help)
    help_draw (u);
  else
    {
      if (!u->narrow && !u->zoom)
        {
          int x = u->pane[PANE_LIST].w;
          attrset (ui_attr (u, ROLE_BORDER));
          mvvline (1, x, ACS_VLINE, u->rows - 2);
          attrset (A_NORMAL);
        }
      list_draw (u);
      if (u->pick.active)
        pick_draw (u);
      else if (u->outline.active)
        outline_draw (u);
      else
        text_draw (u);
      tags_draw (u);
    }
  draw_status (u);
  if (u->prompt.active)
    curs_set (1);
  else
    move (u->rows - 1, 0);
  refresh ();
}

/* Keys.  */

int
ui_is_enter (const struct ui_key *k)
{
  return k->fn == KEY_ENTER || (!k->fn && (k->ch == '\n' || k->ch == '\r'));
}

enum ui_move
ui_move_key (const struct ui_key *k)
{
  switch (k->fn)
    {
    case KEY_DOWN:
      return MOVE_DOWN;
    case KEY_UP:
      return MOVE_UP;
    case KEY_NPAGE:
      return MOVE_PAGE_DOWN;
    case KEY_PPAGE:
      return MOVE_PAGE_UP;
    case KEY_HOME:
      return MOVE_HOME;
    case KEY_END:
      return MOVE_END;
    case 0:
      break;
    default:
      return MOVE_NONE;
    }
  switch (k->ch)
    {
    case 'j':
    case 14:                    /* ^N */
    case 5:                     /* ^E */
      return MOVE_DOWN;
    case 'k':
    case 16:                    /* ^P */
    case 25:                    /* ^Y */
      return MOVE_UP;
    case ' ':
    case 'f':
    case 6:                     /* ^F */
      return MOVE_PAGE_DOWN;
    case 'b':
    case 2:                     /* ^B */
      return MOVE_PAGE_UP;
    case 'd':
    case 4:                     /* ^D */
      return MOVE_HALF_DOWN;
    case 'u':
    case 21:                    /* ^U */
      return MOVE_HALF_UP;
    case 'g':
    case '<':
      return MOVE_HOME;
    case 'G':
    case '>':
      return MOVE_END;
    default:
      return MOVE_NONE;
    }
}

long
ui_move_rows (enum ui_move m, long page)
{
  long half = page > 1 ? page / 2 : 1;
  switch (m)
    {
    case MOVE_DOWN:
      return 1;
    case MOVE_UP:
      return -1;
    case MOVE_PAGE_DOWN:
      return page;
    case MOVE_PAGE_UP:
      return -page;
    case MOVE_HALF_DOWN:
      return half;
    case MOVE_HALF_UP:
      return -half;
    default:
      return 0;
    }
}

static void
cycle_focus (struct ui *u, int dir)
{
  int p = ((int) u->focus + dir + PANE_COUNT) % PANE_COUNT;
  ui_set_focus (u, (enum pane) p);
}

static void
mouse_event (struct ui *u)
{
  MEVENT ev;
  if (getmouse (&ev) != OK)
    return;
  enum pane p = ui_pane_at (u, ev.y, ev.x);
  if (p == PANE_COUNT || u->help)
    return;
  int delta = 0;
  if (ev.bstate & BUTTON4_PRESSED)
    delta = -3;
#ifdef BUTTON5_PRESSED
  else if (ev.bstate & BUTTON5_PRESSED)
    delta = 3;
#endif
  if (delta)
    {
      /* Over the facets, the related cases or the outline, drawn over
         the text pane, the wheel moves in them, as their keys do: the
         text hidden behind them must not scroll.  */
      if (p == PANE_TEXT && u->pick.active)
        listw_move (&u->pick.lw, delta);
      else if (p == PANE_TEXT && u->outline.active)
        listw_move (&u->outline.lw, delta);
      else if (p == PANE_TEXT)
        text_scroll (u, delta);
      else if (p == PANE_LIST)
        list_scroll (u, delta);
      else
        tags_scroll (u, delta);
      return;
    }
  if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
    {
      int row = ev.y - u->pane[p].y;
      if (p != u->focus)
        u->focus = p;
      if (p == PANE_LIST)
        list_click (u, row);
      else if (p == PANE_TAGS)
        tags_click (u, row);
    }
}

static int ui_command (struct ui *u, const struct ui_key *k);

/* K came within a bracketed paste: at a prompt it is text (a line
   break or a tab a space, other controls and keys nothing), elsewhere
   nothing at all, never a command (a pasted "q" would quit).  Returns 1
   if K was handled so, with *TEXT the key to type when there is one.  */
static int
paste_key (struct ui *u, const struct ui_key *k, struct ui_key *text)
{
  if (k->fn == UI_KEY_PASTE_BEGIN)
    {
      u->pasting = 1;
      u->paste_dropped = 0;
      /* After m or ', the paste is the letter when it is one; until it
         ends, the status line no longer asks for one.  */
      u->paste_mark = u->prompt.active ? 0 : u->pending;
      u->paste_keys = 0;
      u->pending = 0;
      return 1;
    }
  if (k->fn == UI_KEY_PASTE_END)
    {
      u->pasting = 0;
      if (u->paste_mark)
        {
          /* Several keys are no mark, and none of them a command.  */
          u->pending = u->paste_mark;
          u->paste_mark = 0;
          if (u->paste_keys == 1)
            mark_key (u, &u->paste_first);
          else
            mark_refused (u);
        }
      else if (u->paste_dropped)
        ui_message (u, 1, "%s", _("Pasted text is taken only at a prompt "
                                  "(/, ?, :, &); it was ignored"));
      else
        ui_prompt_pasted (u);
      return 1;
    }
  if (!u->pasting || k->fn == KEY_RESIZE)
    return 0;
  if (!u->prompt.active)
    {
      if (u->paste_mark && u->paste_keys++ == 0)
        u->paste_first = *k;
      u->paste_dropped = 1;
      return 1;
    }
  /* An ESC in the paste is dropped as a control character; what came
     with it is text.  */
  if (k->fn && k->fn != UI_KEY_META)
    return 1;
  long c = query_typed_char ((unsigned long) k->ch);
  if (c < 0)
    return 1;
  text->fn = 0;
  text->ch = (wint_t) c;
  return 0;
}

/* Handle key K.  Returns 1 to quit.  */
static int
ui_key (struct ui *u, const struct ui_key *key)
{
  struct ui_key pasted = *key;
  if (paste_key (u, key, &pasted))
    return 0;
  if (u->pasting && !pasted.fn)
    return ui_command (u, &pasted);
  /* The configuration file's bindings apply to commands, not to what is
     typed in a prompt or after m and '.  */
  struct ui_key bound = *key;
  if (!u->prompt.active && !u->pending)
    bind_translate (u, &bound);
  const struct ui_key *k = &bound;
  /* Digits make a count for the next command, as in less and vi.  */
  if (!u->prompt.active && !u->pending && !u->help && !u->too_small
      && !k->fn && k->ch >= '0' && k->ch <= '9')
    {
      long d = (long) (k->ch - '0');
      if (!u->have_count)
        u->count = 0;
      /* Past LONG_MAX the count stays there, rather than dropping the
         digit: 12345678901234567890 must not become case
         1234567890123456789, a number that was not typed.  */
      if (u->count <= (LONG_MAX - d) / 10)
        u->count = u->count * 10 + d;
      else
        u->count = LONG_MAX;
      u->have_count = 1;
      free (u->msg);
      u->msg = NULL;
      return 0;
    }
  int r = ui_command (u, k);
  if (k->fn != KEY_RESIZE && k->fn != KEY_MOUSE)
    u->have_count = 0;
  return r;
}

int
ui_stop_now (void)
{
  if (!ui_stop)
    return 0;
  ui_stop = 0;
  suspend ();
  return 1;
}

void
ui_resize_now (struct ui *u)
{
  struct ui_key k = { KEY_RESIZE, 0 };
  ui_command (u, &k);
  ui_draw (u);
}

/* ui_work_poll; with REDRAW 0 a resize is only taken off the input, to
   be given back by ui_engine_poll_end.  */
static int
work_poll (struct ui *u, int redraw)
{
  int code, k;
  ui_stop_now ();
  /* Only the first key waiting is looked at: a resize left waiting hid
     an Esc typed after it until the work was over.  */
  while ((k = keys_peek (UI_IDLE_MS, &code)) == 2 && code == KEY_RESIZE)
    {
      struct ui_key key;
      keys_read (&key, UI_IDLE_MS);
      if (redraw)
        ui_resize_now (u);
      else
        u->resize_due = 1;
    }
  return ui_interrupted () || (k == 1 && code == 27);
}

int
ui_work_poll (struct ui *u)
{
  return work_poll (u, 1);
}

int
ui_engine_poll (struct ui *u)
{
  return work_poll (u, 0);
}

void
ui_engine_poll_end (struct ui *u)
{
  if (!u->resize_due)
    return;
  u->resize_due = 0;
  ungetch (KEY_RESIZE);
}

int
ui_work_taken (struct ui *u)
{
  if (!ui_work_poll (u))
    return 0;
  int code;
  if (keys_peek (UI_IDLE_MS, &code) == 1 && code == 27)
    {
      struct ui_key key;
      keys_read (&key, UI_IDLE_MS);
    }
  /* As in less: Ctrl-C ends the work, not the browser.  A SIGTERM or
     SIGHUP still does.  */
  if (ui_signal == SIGINT)
    ui_signal = 0;
  return 1;
}

/* Is the terminal gone: no key read, and the input hung up?  A window
   closed, or an ssh connection dropped, with su or sudo between it and
   the browser, sends no SIGHUP to the browser: each read then returns
   at once with nothing, and the loop would wait for keys that never
   come at full speed.  */
static int
input_gone (void)
{
  struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
  return poll (&p, 1, 0) == 1
    && (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* Handle key K, a command (its count, if any, in U).  Returns 1 to
   quit.  */
/* Say that the key K does nothing, naming the key that opens the help
   as the configuration leaves it.  */
static void
say_unbound (struct ui *u, const struct ui_key *k)
{
  char *name = keys_name (k);
  if (u->help_key)
    /* TRANSLATORS: the first %s is the key typed (a letter, F5, Insert,
       M-b), the second the key that opens the help (h, F1).  */
    ui_message (u, 1, _("Key %s is not bound (%s: help)"), name,
                u->help_key);
  else
    /* TRANSLATORS: %s is the key typed: a letter, F5, Insert, M-b.  */
    ui_message (u, 1, _("Key %s is not bound"), name);
  free (name);
}

static int
ui_command (struct ui *u, const struct ui_key *k)
{
  if (k->fn == KEY_RESIZE)
    {
      int old_cols = u->cols;
      ui_layout (u);
      text_layout (u);
      help_relayout (u, old_cols);
      return 0;
    }
  /* Too small to show more than that line: the prompt, the help and
     the rest are hidden, and a key typed blind must not edit or move
     them.  q quits.  */
  if (u->too_small)
    return !k->fn && k->ch == 'q';
  if (u->prompt.active)
    {
      /* Alt+b is not Esc and b: the prompt and its text stay.  */
      if (k->fn == UI_KEY_UNBOUND || k->fn == UI_KEY_META)
        beep ();
      else if (u->prompt.kind == PROMPT_GOTO)
        goto_prompt_key (u, k);
      else
        ui_prompt_key (u, k);
      return 0;
    }
  free (u->msg);
  u->msg = NULL;
  ui_show_kept_message (u);
  if (k->fn == UI_KEY_UNBOUND)
    {
      u->have_count = 0;
      u->pending = 0;
      ui_message (u, 1, "%s", _("Key not bound"));
      return 0;
    }
  if (k->fn == UI_KEY_META)
    {
      u->have_count = 0;
      u->pending = 0;
      say_unbound (u, k);
      return 0;
    }
  if (u->pending)
    {
      mark_key (u, k);
      return 0;
    }
  if (!k->fn && k->ch == 12)    /* Ctrl-L */
    {
      clearok (curscr, TRUE);
      return 0;
    }
  if (u->help)
    {
      help_key (u, k);
      return 0;
    }
  if (u->pick.active && k->fn != KEY_MOUSE && pick_key (u, k))
    return 0;
  if (u->outline.active && k->fn != KEY_MOUSE && outline_key (u, k))
    return 0;
  if (k->fn == KEY_MOUSE)
    {
      mouse_event (u);
      return 0;
    }
  if (k->fn == KEY_BTAB)
    {
      cycle_focus (u, -1);
      return 0;
    }
  if (k->fn == KEY_F (1))
    {
      u->help = 1;
      u->help_top = 0;
      return 0;
    }
  if (!k->fn)
    switch (k->ch)
      {
      case 'q':
        return 1;
      case 27:
        if (u->have_count)
          ui_message (u, 0, "%s", _("Count cancelled"));
        else if (u->range.set)
          {
            u->range.set = 0;
            ui_message (u, 0, "%s", _("Range dropped"));
          }
        return 0;
      case '\t':
        cycle_focus (u, 1);
        return 0;
      case 'h':
        u->help = 1;
        u->help_top = 0;
        return 0;
      case 'L':
        help_show_legend (u);
        return 0;
      case 'O':
        outline_open (u);
        return 0;
      case 'F':
        facets_open (u);
        return 0;
      case 'R':
        related_open (u);
        return 0;
      case 'C':
        if (u->narrow)
          ui_set_focus (u, PANE_LIST);
        list_fold_all (u);
        return 0;
      case 'z':
        toggle_zoom (u);
        return 0;
      case 'y':
        copy_paragraph (u);
        return 0;
      case 'V':
        copy_mark (u);
        return 0;
      case 'E':
        ui_toggle_english (u);
        return 0;
      case 'v':
        u->view = (enum view) ((u->view + 1) % VIEW_COUNT);
        text_layout (u);
        ui_message (u, 0, _("View: %s"), view_name (u->view));
        return 0;
      case '/':
        ui_prompt_start (u, PROMPT_SEARCH);
        return 0;
      case '?':
        ui_prompt_start (u, PROMPT_SEARCH_BACK);
        return 0;
      case '&':
        ui_prompt_start (u, PROMPT_LIMIT);
        return 0;
      case 'n':
      case 'N':
        ui_search_repeat (u, k->ch == 'n' ? 1 : -1, ui_count (u, 1));
        return 0;
      case ':':
      case 'o':
        prompt_begin (&u->prompt, PROMPT_GOTO, 0);
        return 0;
      case '=':
        {
          char *p = text_position (u);
          ui_message (u, 0, "%s", p);
          free (p);
        }
        return 0;
      case 't':
        tags_toggle (u);
        if (u->narrow)
          ui_set_focus (u, PANE_TAGS);
        return 0;
      case 'm':
      case '\'':
        u->pending = (int) k->ch;
        return 0;
      case '[':
      case ']':
        if (u->narrow)
          ui_set_focus (u, PANE_TEXT);
        text_key (u, k);
        return 0;
      default:
        break;
      }
  /* A count and Enter opens the case of that number, from any pane.  */
  if (u->have_count && ui_is_enter (k))
    {
      ui_open_number (u, u->count);
      return 0;
    }
  /* Reading keys scroll the text from any pane, as in mutt's index, when
     the text is on screen beside the list.  */
  enum ui_move m = ui_move_key (k);
  if (u->focus != PANE_TEXT && !u->narrow
      && (m == MOVE_PAGE_DOWN || m == MOVE_PAGE_UP || m == MOVE_HALF_DOWN
          || m == MOVE_HALF_UP))
    {
      text_key (u, k);
      return 0;
    }
  int done;
  if (u->focus == PANE_LIST)
    done = list_key (u, k);
  else if (u->focus == PANE_TEXT)
    done = text_key (u, k);
  else
    done = tags_key (u, k);
  /* A letter or a function key (F5, Insert) that does nothing says so,
     rather than nothing at all; a movement key at the end of a pane
     is not worth a message.  */
  int unbound_letter = !k->fn && k->ch > 0x20 && k->ch != 0x7f;
  int unbound_fn = k->fn && ui_move_key (k) == MOVE_NONE
    && !ui_is_enter (k) && k->fn != KEY_BACKSPACE;
  if (!done && (unbound_letter || unbound_fn))
    say_unbound (u, k);
  return 0;
}

/* State.  */

/* The state cannot be saved this run, for CAUSE: say so once, as it
   starts, for the reader not to lose marks unawares (m says it again).  */
static void
state_off (struct ui *u, const char *cause)
{
  u->state_ok = 0;
  /* TRANSLATORS: %s says why: the state file cannot be read, is
     damaged, or its directory is not private.  */
  ui_message (u, 1, _("Ignoring the saved state (%s): positions and marks "
                      "will not be saved"), cause);
}

/* Read the state; returns 1 when that is said on the status line.  */
static int
state_init (struct ui *u)
{
  u->state = state_new ();
  u->state_path = state_default_path ();
  u->state_ok = u->state_path != NULL;
  if (!u->state_path)
    {
      ui_message (u, 1, "%s", _("Positions and marks will not be saved: "
                                "neither XDG_STATE_HOME nor HOME is set"));
      return 1;
    }
  char *cause = NULL;
  int r = state_load (u->state, u->state_path, &cause);
  if (r == 0 && state_can_save (u->state_path, &cause) != 0)
    {
      /* Read, but nothing can be written there: said now, not at the
         end, when marks made meanwhile would be lost.  */
      u->state_ok = 0;
      /* TRANSLATORS: %s says why: the state directory and its error,
         "/home/ann/.local/state/casebook: Permission denied".  */
      ui_message (u, 1, _("Positions and marks will not be saved (%s)"),
                  cause);
      free (cause);
      return 1;
    }
  if (r == 0)
    return 0;
  /* Unreadable, or not a file: leave it alone, and do not write over
     it either.  Damaged: put aside, never over a file put aside before
     (that is the reader's too), or else left alone as well.  */
  char *aside = NULL;
  if (r == -1 || state_put_aside (u->state_path, &aside) != 0)
    state_off (u, cause);
  else
    ui_message (u, 1, _("Ignoring the saved state (%s); moved it to %s"),
                cause, aside);
  free (aside);
  free (cause);
  return 1;
}

/* Save the state; returns a message for stderr or NULL.  */
static char *
state_finish (struct ui *u)
{
  if (u->have_render)
    {
      const struct document *d = u->docs[u->cur];
      remember_position (u);
      state_set_last (u->state, doc_coll (d), d->number);
    }
  char *cause = NULL;
  int r = u->state_ok ? state_save (u->state, u->state_path, &cause) : 0;
  if (r < 0)
    {
      char *m = xasprintf (_("casebook: cannot save the browser state: %s\n"),
                           cause);
      free (cause);
      return m;
    }
  if (r > 0)
    {
      /* Saved, but over a file damaged meanwhile, put aside.  */
      char *m = xasprintf ("casebook: %s\n", cause);
      free (cause);
      return m;
    }
  return NULL;
}

static size_t
start_document (struct ui *u)
{
  const char *coll;
  long number;
  if (state_last (u->state, &coll, &number))
    {
      size_t d = ui_find_doc (u, coll, number);
      if (d != SIZE_MAX)
        return d;
    }
  return 0;
}

static void
ui_free (struct ui *u)
{
  if (u->have_render)
    render_free (&u->r);
  free (u->vh);
  if (u->saved.q && u->saved.q != u->search.q)
    search_clear (&u->saved, u->ndocs);
  search_clear (&u->search, u->ndocs);
  /* Out of curses by now: what closing lost is said as the command
     line says it.  */
  char *said = engine_close_saying (u->engine);
  if (said)
    {
      char *v = norm_visible_string (said);
      fprintf (stderr, "casebook: %s\n", v);
      free (v);
      free (said);
    }
  free (u->docs);
  free (u->doc_stamps);
  free (u->vis);
  free (u->limit_text);
  tags_free (u);
  prompt_end (&u->prompt);
  outline_close (u);
  pick_close (u);
  related_index_free (u->related);
  list_free (u);
  free (u->hints);
  free (u->help_key);
  free (u->msg);
  free (u->msg_after_prompt);
  state_free (u->state);
  free (u->state_path);
  free (u->roles);
}

int
ui_run (struct library *lib, const struct reader_prefs *opt)
{
  if (library_document_count (lib) == 0)
    {
      fprintf (stderr, _("casebook: no documents to browse\n"));
      return 2;
    }
  if (ui_term_check () < 0)
    return 2;

  struct ui u;
  memset (&u, 0, sizeof u);
  u.lib = lib;
  u.opt = opt;
  u.lang = prefs_reader_lang (opt);
  u.revised = opt->english_revised;
  u.view = opt->both ? VIEW_SIDE_BY_SIDE
    : u.lang == LANG_ZH ? VIEW_ZH : VIEW_EN;
  u.ndocs = library_document_count (lib);
  u.docs = xcalloc (u.ndocs, sizeof *u.docs);
  for (size_t i = 0; i < u.ndocs; i++)
    u.docs[i] = library_document (lib, i);
  u.cur_hit = SIZE_MAX;
  u.focus = PANE_LIST;

  /* The size comes from the terminal: an exported LINES or COLUMNS would
     otherwise win, and resizes would go unseen.  */
  unsetenv ("LINES");
  unsetenv ("COLUMNS");
  /* Flag-only handlers, without SA_RESTART so that get_wch returns.
     Set before newterm: curses then leaves Ctrl-Z (SIGTSTP) to
     suspend (), which first turns the bracketed paste off.  */
  struct sigaction sa, old[5];
  /* SIGQUIT (Ctrl-\) as SIGTERM: by default it killed us with the
     terminal left in our modes, echo off and the mouse reported.  */
  static const int sigs[5] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP };
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset (&sa.sa_mask);
  sa.sa_flags = 0;
  for (int i = 0; i < 5; i++)
    {
      sigaction (sigs[i], NULL, &old[i]);
      /* Ctrl-Z ignored by whoever started us stays ignored.  */
      if (sigs[i] != SIGTSTP || old[i].sa_handler == SIG_DFL)
        sigaction (sigs[i], &sa, NULL);
    }
  SCREEN *scr = newterm (NULL, stdout, stdin);
  if (scr == NULL)
    {
      for (int i = 0; i < 5; i++)
        sigaction (sigs[i], &old[i], NULL);
      fprintf (stderr, _("casebook: cannot use this terminal; "
                         "'casebook show N' prints a case instead\n"));
      free (u.docs);
      return 2;
    }
  set_term (scr);
  util_set_fatal (ui_fatal);
  cbreak ();
  noecho ();
  nonl ();
  ui_term_no_flow_control ();
  intrflush (stdscr, FALSE);
  keypad (stdscr, TRUE);
  set_escdelay (25);
  timeout (UI_IDLE_MS);
  ui_term_paste_mode (1);
  colors_init (&u);
  u.hints = bind_hints (&u);
  u.help_key = bind_help_key (&u);
  mousemask (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
             | BUTTON5_PRESSED
#endif
             , NULL);
  mouseinterval (0);


  const struct settings *cfg = opt->settings;
  if (cfg && cfg->problems.count)
    {
      /* Each one is printed again when the browser ends; a message
         about the state, more urgent, takes the status line from it.  */
      size_t more = cfg->problems.count - 1;
      char *first = diag_format (&cfg->problems.items[0]);
      if (more == 0)
        ui_message (&u, 1, "%s", first);
      else
        /* TRANSLATORS: %s is "FILE:LINE: message", %zu how many more.  */
        ui_message (&u, 1, ngettext ("%s (and %zu more problem)",
                                     "%s (and %zu more problems)", more),
                    first, more);
      free (first);
    }

  char *state_said = state_init (&u) ? xstrdup (u.msg) : NULL;
  list_init (&u);
  tags_init (&u);
  ui_layout (&u);
  ui_open (&u, start_document (&u));
  if (opt->place)
    /* casebook 7 §1 ¶12: as if typed at the ':' prompt.  */
    goto_place (&u, opt->place);
  if (opt->search && *opt->search)
    {
      /* casebook +/QUERY: the search done and its first hit shown,
         as less +/PATTERN searches from the top of the file: the first
         case in the list with hits, from its top, not from where
         reading stopped last time.  It goes into the search history
         as a search typed at / does (a bad one too, to be mended).  */
      /* Taken as the prompt takes what is typed, as search takes it.  */
      char *typed = query_as_typed (opt->search);
      state_history_add (u.state, typed);
      char *err = NULL;
      int rc = ui_search_set_stoppable (&u, typed, 0, &err);
      if (rc == 1)
        /* Esc or Ctrl-C while every case was counted: the browser shows
           the first screen without the search, as Esc after / would.  */
        ui_search_stopped_say (&u);
      else if (rc < 0)
        {
          /* Esc or Ctrl-C in the index build stops the search, and the
             browser shows what it can, as after /: there is no prompt
             here to take them, and Ctrl-C would quit.  */
          ui_work_taken (&u);
          ui_message (&u, 1, "%s", err);
          free (err);
        }
      else
        {
          /* Corrected as at the prompt and in casebook search.  */
          char *corrected = NULL;
          int how = ui_search_amend (&u, 0, &corrected);
          for (size_t i = 0; i < u.nvis; i++)
            if (ui_doc_hits (&u, u.vis[i]) > 0)
              {
                ui_open (&u, u.vis[i]);
                break;
              }
          text_set_top (&u, 0);
          ui_search_next (&u, 1);
          ui_search_amend_say (&u, how, corrected, typed);
          if (how == 0)
            ui_search_say_absent (&u);
          free (corrected);
        }
      free (typed);
    }

  /* What the state said must not be lost to what the search or the
     place given at the start says (a bad query): it comes at the next
     key (ui_show_kept_message).  */
  if (state_said && (u.msg == NULL || strcmp (u.msg, state_said) != 0))
    {
      free (u.msg_after_prompt);
      u.msg_after_prompt = state_said;
      state_said = NULL;
    }
  free (state_said);

  int rc = 0;
  int dirty = 1;
  int paste_quiet = 0;          /* waits with no key in a row */
  for (;;)
    {
      if (ui_signal == SIGINT && (u.prompt.active || u.have_count
                                  || u.pending))
        {
          /* Ctrl-C cancels what is being typed, as in less, vim and
             bash; only at the top it quits.  */
          ui_signal = 0;
          struct ui_key esc = { 0, 27 };
          if (u.prompt.active)
            ui_key (&u, &esc);
          u.have_count = 0;
          u.pending = 0;
          dirty = 1;
          continue;
        }
      if (ui_signal)
        {
          rc = 128 + ui_signal;
          break;
        }
      if (ui_stop_now ())
        {
          dirty = 1;
          continue;
        }
      /* Keys already waiting (a paste, fast typing, a storm of
         resizes) are handled first, and the screen drawn once.  */
      if (dirty && !keys_pending (UI_IDLE_MS))
        {
          ui_draw (&u);
          dirty = 0;
        }
      /* A search made as the query is typed covers the open document;
         the rest is counted once typing pauses, and stops when a key
         comes.  Not at once: the count keeps the processors busy
         while the terminal is still drawing the open case's
         highlights, and the next key would stop it anyway.  (In tmux
         on two processors, at 8000 documents, the highlights of a
         query typed showed 65-89 ms after it, 44-51 ms with a pause:
         what tmux takes to show typed keys at all.)  */
      if ((u.search.partial || u.search.amend_due)
          && !keys_wait (UI_COUNT_PAUSE_MS, UI_IDLE_MS))
        {
          if (ui_signal || ui_stop)
            continue;           /* the wait was interrupted: see to it */
          int r = ui_search_finish (&u, 1);
          if (u.counting.enter_taken)
            {
              /* Enter came during the count, which went on and took
                 it (struct counting): its turn now.  */
              u.counting.enter_taken = 0;
              dirty = 1;
              if (ui_key (&u, &u.counting.enter))
                break;
              continue;
            }
          if (r != 1)
            {
              dirty = 1;
              continue;
            }
        }
      struct ui_key k;
      if (keys_read (&k, UI_IDLE_MS) == ERR)
        {
          /* Then it ends as on SIGHUP, saving its state.  */
          if (input_gone ())
            {
              ui_signal = SIGHUP;
              continue;
            }
          /* A paste whose end mark never came (a terminal's fault, or
             typed by hand) ends when the input has been quiet a
             while.  */
          if (u.pasting && ++paste_quiet >= UI_PASTE_QUIET_WAITS)
            {
              struct ui_key end = { UI_KEY_PASTE_END, 0 };
              ui_key (&u, &end);
              dirty = 1;
            }
          continue;
        }
      paste_quiet = 0;
      dirty = 1;
      if (ui_key (&u, &k))
        break;
    }

  char *err = state_finish (&u);
  ui_term_paste_mode (0);
  endwin ();
  delscreen (scr);
  for (int i = 0; i < 5; i++)
    sigaction (sigs[i], &old[i], NULL);
  util_set_fatal (NULL);
  /* Out of curses, a message's values (a setting, a path) are still
     the user's text: shown visibly, as in the browser, not let drive
     the terminal.  */
  for (size_t i = 0; cfg && i < cfg->problems.count; i++)
    {
      char *m = diag_format (&cfg->problems.items[i]);
      char *v = norm_visible_string (m);
      fprintf (stderr, "casebook: %s\n", v);
      free (v);
      free (m);
    }
  if (err)
    {
      /* One line: its newline is the line's end, not a control.  */
      size_t n = strlen (err);
      if (n > 0 && err[n - 1] == '\n')
        err[n - 1] = '\0';
      char *v = norm_visible_string (err);
      fprintf (stderr, "%s\n", v);
      free (v);
      free (err);
    }
  ui_free (&u);
  return rc;
}
