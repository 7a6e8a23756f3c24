/* ui_help.c -- the help screen (h or F1): every key, and what the marks
   on the screen mean, descriptions wrapped to the terminal's width.  Esc,
   q, h or F1 close it.  */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "layout.h"
#include "settings.h"
#include "ui_priv.h"

struct help_line
{
  const char *keys;             /* NULL: DESC is a heading; "": a blank line */
  const char *desc;
};

static const struct help_line help[] = {
  { NULL, N_("Moving") },
  { "j k  \xe2\x86\x93 \xe2\x86\x91", N_("line down, up (in the list and tags: next, previous)") },
  { N_("Space f PgDn  b PgUp"), N_("page down, up") },
  { "d u", N_("half a page down, up") },
  { N_("g Home  G End"), N_("first, last line") },
  { N_("less keys"), N_("^N ^E line down, ^P ^Y up; ^F ^B page down, up; ^D ^U half a page; < > first, last line") },
  { "[ ]", N_("previous, next heading, at every level (\xe3\x80\x90\xe2\x80\xa6\xe3\x80\x91, \xe4\xb8\x80\xe3\x80\x81, \xef\xbc\x88\xe4\xb8\x80\xef\xbc\x89, I., (1))") },
  { "O", N_("outline: the headings of the case; Enter goes to one, O or Esc closes it") },
  { N_("Enter"), N_("open the case (list); search tag:KEYWORD and limit the list to it (tags)") },
  { N_("Tab  Shift-Tab"), N_("next, previous pane") },
  { N_("number"), N_("a count for the next key: 5j, 12G (line 12), 3n; a number and Enter opens that case") },
  { "C", N_("fold or unfold every collection in the list (Enter on a collection's heading: that one)") },
  { ": o", N_("go to a case or a place: 7, 7 \xc2\xa7" "1 \xc2\xb6" "12, \xc2\xa7" "2") },
  { "", NULL },
  { NULL, N_("Searching") },
  { "/  ?", N_("search forward, backward; hits show as you type, Esc cancels") },
  { "n N", N_("next, previous hit, across cases") },
  { "&", N_("limit the list to the cases that match (empty: show all)") },
  { "F", N_("facets: each collection, year, region and keyword of the cases listed, with its count; Enter limits the list to it") },
  { N_("in a prompt"), N_("\xe2\x86\x90 \xe2\x86\x92 ^B ^F, Home End ^A ^E, Backspace, Delete ^D, ^U ^K ^W edit; \xe2\x86\x91 \xe2\x86\x93 ^P ^N history; Esc, ^G or Ctrl-C cancels") },
  { N_("queries"), N_("words rank cases with all of them first, then most; \"a phrase\"; -word excludes; tag:KEYWORD; lang:zh or lang:en; /regex/") },
  { "", NULL },
  { NULL, N_("Views and places") },
  { "v", N_("view: Chinese, English, side by side, interleaved") },
  { "E", N_("English: the release's, or the project's revision of it") },
  { "z", N_("give the text the whole screen, or the panes back") },
  { "R", N_("related cases: the five nearest the open one, with what they share; Enter opens one") },
  { "t", N_("tags pane: this case's keywords or all tags with their case counts") },
  { N_("m letter"), N_("set a mark here") },
  { N_("' letter"), N_("go to a mark ('' goes back to where you were)") },
  { "=", N_("where am I: case, section, paragraph, line") },
  { "y", N_("copy the paragraph at the top with its citation (to the clipboard, or a file)") },
  { "V", N_("start a range here: y then copies from it to the paragraph at the top") },
  { "^L", N_("redraw the screen") },
  { N_("h F1"), N_("this help") },
  { "L", N_("the legend: what the marks on the screen mean") },
  { "q", N_("quit (Esc first closes a prompt or this help)") },
  { N_("mouse"), N_("click selects a case or tag; the wheel scrolls the pane under it") },
  { "", NULL },
  { NULL, N_("On the screen") },
  { N_("header"), N_("above the text: for each language, whether it is the release's text or casebook's translation") },
  { "*", N_("in the margin, and the text drawn dim: the casebook project's translation, not the release's text") },
  { "\xe2\x97\x87 \xe2\x97\x86", N_("in the scrollbar: where the search hits are in the case (\xe2\x97\x86 the current one)") },
  { ">", N_("in the list: the open case; the number at the right counts its hits") },
  { "", NULL },
  /* The names that "bind KEY ACTION" takes (settings.c), after the keys
     they have by default.  */
  { NULL, N_("Actions for the configuration file (bind KEY ACTION, see casebook(5))") },
  { "j k", "down up" },
  { "Space b", "page-down page-up" },
  { "d u", "half-page-down half-page-up" },
  { "g G", "top bottom" },
  { "] [", "next-heading previous-heading" },
  { "O Enter", "outline open" },
  { "Tab Shift-Tab", "next-pane previous-pane" },
  { ": =", "goto where" },
  { "/ ?", "search search-backward" },
  { "n N", "next-hit previous-hit" },
  { "& v E", "limit view english" },
  { "z t", "zoom tags" },
  { "m '", "mark go-to-mark" },
  { "y V", "copy range" },
  { "^L h L q", "redraw help legend quit" },
  { "F R C", "facets related fold-all" },
};

#define NHELP (sizeof help / sizeof *help)

/* The lines of the help screen: the table above, then the keys the
   reader's configuration file binds, each with its action, so that the
   help names the keys that reader uses.  */
struct help_lines
{
  struct help_line *at;
  size_t n;
  size_t own;                   /* from here on, the bindings: the file's
                                   words, not translated, KEYS allocated */
};

static struct help_lines
help_lines_of (const struct ui *u)
{
  const struct settings *cfg = u->opt ? u->opt->settings : NULL;
  size_t nb = cfg ? cfg->nbindings : 0;
  struct help_lines h;
  h.at = xcalloc (NHELP + 2 + nb, sizeof *h.at);
  memcpy (h.at, help, sizeof help);
  h.n = NHELP;
  h.own = SIZE_MAX;
  if (nb == 0)
    return h;
  h.at[h.n++] = (struct help_line) { "", NULL };
  h.at[h.n++] = (struct help_line) {
    NULL, N_("Your bindings (the configuration file's; a key bound there "
             "does what it says, whatever the lines above say of it)") };
  h.own = h.n;
  /* In the file's order, each key once: where it is bound again, the
     later binding is the one that counts.  */
  unsigned char *overridden = bind_overridden (cfg);
  for (size_t i = 0; i < nb; i++)
    if (!overridden[i])
      {
        const struct settings_binding *b = &cfg->bindings[i];
        h.at[h.n++] = (struct help_line) {
          settings_key_name (&b->key), settings_action_name (b->action) };
      }
  free (overridden);
  return h;
}

static void
help_lines_free (struct help_lines *h)
{
  for (size_t i = h->own; i < h->n; i++)
    free ((char *) h->at[i].keys);
  free (h->at);
}

/* Line I's key names and description, translated where they are
   ours.  */
static const char *
line_keys (const struct help_lines *h, size_t i)
{
  return i >= h->own ? h->at[i].keys : _(h->at[i].keys);
}

static const char *
line_desc (const struct help_lines *h, size_t i)
{
  const char *d = h->at[i].desc;
  return d == NULL ? "" : i >= h->own ? d : _(d);
}

static int
help_height (const struct ui *u)
{
  return u->rows - 2 > 0 ? u->rows - 2 : 1;
}

/* One row of the help screen: line I of the table, the part of its key
   names on this row (KLEN 0: none) and the part of its description
   (LEN 0: none).  */
struct help_row
{
  size_t i;
  size_t koff, klen;
  int kown;                     /* the key names have the row to
                                   themselves: too wide for the column */
  size_t off, len;
};

static struct help_row *
help_row_add (struct help_row **rows, size_t *n, size_t *alloc, size_t i)
{
  *rows = xgrow (*rows, alloc, *n + 1, sizeof **rows);
  struct help_row *r = &(*rows)[(*n)++];
  memset (r, 0, sizeof *r);
  r->i = i;
  return r;
}

/* The width of the longest word of the descriptions beside keys: the
   longest run of ASCII letters, digits and signs, which wrapping keeps
   whole (search-backward, tag:KEYWORD;).  */
static int
longest_word (const struct help_lines *h)
{
  int best = 0;
  for (size_t i = 0; i < h->n; i++)
    {
      if (h->at[i].keys == NULL || h->at[i].desc == NULL)
        continue;
      int run = 0;
      for (const char *p = line_desc (h, i); *p; p++)
        if (*p > ' ' && *p < 0x7f)
          {
            if (++run > best)
              best = run;
          }
        else
          run = 0;
    }
  return best;
}

/* The help table laid out at WIDTH columns: descriptions wrapped at
   spaces beside a key column of *KW columns (a third of the width at
   most, and less where that leaves fewer than 10 for them or too few
   for their longest word).  Key names
   wider than that have rows of their own above the description, as a
   man page sets a long tag, so that no key is cut; they are wrapped at
   spaces too on a screen narrower than they are.  Caller frees.  */
static struct help_row *
help_rows (const struct help_lines *h, int width, int *kw, size_t *nrows)
{
  int k = 0;
  for (size_t i = 0; i < h->n; i++)
    if (h->at[i].keys && *h->at[i].keys)
      {
        const char *ks = line_keys (h, i);
        int x = ui_text_width (ks, strlen (ks));
        if (x > k)
          k = x;
      }
  if (k > width / 3)
    k = width / 3;
  if (k > width - 16)           /* 10 columns of description, if it can */
    k = width - 16 > 0 ? width - 16 : 0;
  /* And room for the longest word, if it can: the key column gives way
     (its wider names then have rows of their own) rather than a word
     be broken where there is no space ("search-backwar" and "d", at 30
     columns).  */
  int lw = longest_word (h);
  if (width - 6 - k < lw)
    k = width - 6 - lw > 0 ? width - 6 - lw : 0;
  *kw = k;
  int dw = width - 6 - k;       /* 3 + keys + 2, and the last column */
  if (dw < 10)
    dw = 10;
  struct help_row *rows = NULL;
  size_t n = 0, alloc = 0;
  for (size_t i = 0; i < h->n; i++)
    {
      size_t desc_row = n;
      if (h->at[i].keys && *h->at[i].keys)
        {
          const char *ks = line_keys (h, i);
          size_t klen = strlen (ks);
          if (ui_text_width (ks, klen) > k)
            {
              struct layout_line *kl;
              size_t nk = layout_wrap_words (ks, klen, width - 4, width - 4,
                                             &kl);
              for (size_t j = 0; j < nk; j++)
                {
                  struct help_row *r = help_row_add (&rows, &n, &alloc, i);
                  r->koff = kl[j].off;
                  r->klen = kl[j].len;
                  r->kown = 1;
                }
              free (kl);
              desc_row = n;
            }
          else
            {
              struct help_row *r = help_row_add (&rows, &n, &alloc, i);
              r->klen = klen;
            }
        }
      const char *d = line_desc (h, i);
      if (*d == '\0')
        {
          if (n == desc_row)
            help_row_add (&rows, &n, &alloc, i);    /* a heading's blank */
          continue;
        }
      int dwidth = h->at[i].keys ? dw : width - 2;
      struct layout_line *ll;
      size_t nl = layout_wrap_words (d, strlen (d), dwidth, dwidth, &ll);
      for (size_t j = 0; j < nl; j++)
        {
          struct help_row *r = desc_row + j < n ? &rows[desc_row + j]
            : help_row_add (&rows, &n, &alloc, i);
          r->off = ll[j].off;
          r->len = ll[j].len;
        }
      free (ll);
    }
  *nrows = n;
  return rows;
}

void
help_draw (struct ui *u)
{
  int h = help_height (u);
  int w = u->cols;
  int kw;
  size_t nrows;
  struct help_lines lines = help_lines_of (u);
  struct help_row *rows = help_rows (&lines, w, &kw, &nrows);
  size_t maxtop = nrows > (size_t) h ? nrows - (size_t) h : 0;
  if (u->help_top > maxtop)
    u->help_top = maxtop;
  for (int row = 0; row < h; row++)
    {
      size_t r = u->help_top + (size_t) row;
      if (r >= nrows)
        break;
      int y = 1 + row;
      const struct help_line *l = &lines.at[rows[r].i];
      const char *d = line_desc (&lines, rows[r].i);
      if (l->keys == NULL)
        {
          ui_put (y, 1, w - 1, d + rows[r].off, rows[r].len,
                  ui_attr (u, ROLE_HEADING));
          continue;
        }
      if (*l->keys == '\0')
        continue;
      /* Key names fit their column, or have the row; a description is
         cut (with an ellipsis, as every cut is) only on a screen too
         narrow for 10 columns of it.  */
      const char *k = line_keys (&lines, rows[r].i);
      if (rows[r].klen > 0)
        ui_put_cut (y, 3, rows[r].kown ? w - 1 : 3 + kw, k + rows[r].koff,
                    rows[r].klen, A_BOLD);
      if (rows[r].len > 0)
        ui_put_cut (y, 5 + kw, w - 1, d + rows[r].off, rows[r].len,
                    A_NORMAL);
    }
  free (rows);
  help_lines_free (&lines);
}

void
help_relayout (struct ui *u, int old_cols)
{
  if (!u->help || old_cols == u->cols)
    return;
  int kw;
  size_t nold, nnew;
  struct help_lines lines = help_lines_of (u);
  struct help_row *old = help_rows (&lines, old_cols, &kw, &nold);
  struct help_row *rows = help_rows (&lines, u->cols, &kw, &nnew);
  if (u->help_top < nold)
    {
      /* The entry at the top, and how many of its rows were above.  */
      size_t i = old[u->help_top].i, into = 0;
      while (into < u->help_top && old[u->help_top - into - 1].i == i)
        into++;
      for (size_t r = 0; r < nnew; r++)
        if (rows[r].i == i)
          {
            while (into > 0 && r + 1 < nnew && rows[r + 1].i == i)
              {
                r++;
                into--;
              }
            u->help_top = r;
            break;
          }
    }
  free (old);
  free (rows);
  help_lines_free (&lines);
}

void
help_show_legend (struct ui *u)
{
  size_t legend = 0;
  for (size_t i = 0; i < NHELP; i++)
    if (help[i].keys == NULL && strcmp (help[i].desc, "On the screen") == 0)
      legend = i;
  int kw;
  size_t nrows;
  struct help_lines lines = help_lines_of (u);
  struct help_row *rows = help_rows (&lines, u->cols, &kw, &nrows);
  u->help = 1;
  u->help_top = 0;
  for (size_t r = 0; r < nrows; r++)
    if (rows[r].i == legend)
      {
        u->help_top = r;
        break;
      }
  free (rows);
  help_lines_free (&lines);
}

int
help_key (struct ui *u, const struct ui_key *k)
{
  int h = help_height (u);
  if (k->fn == KEY_F (1)
      || (!k->fn && (k->ch == 27 || k->ch == 'q' || k->ch == 'h')))
    {
      u->help = 0;
      return 1;
    }
  switch (ui_move_key (k))
    {
    case MOVE_DOWN:
      u->help_top++;
      return 1;
    case MOVE_UP:
      if (u->help_top > 0)
        u->help_top--;
      return 1;
    case MOVE_PAGE_DOWN:
    case MOVE_HALF_DOWN:
      u->help_top += (size_t) (h > 2 ? h - 1 : 1);
      return 1;
    case MOVE_PAGE_UP:
    case MOVE_HALF_UP:
      u->help_top = u->help_top > (size_t) h ? u->help_top - (size_t) h + 1 : 0;
      return 1;
    case MOVE_HOME:
      u->help_top = 0;
      return 1;
    case MOVE_END:
      u->help_top = SIZE_MAX / 2;   /* help_draw clamps it */
      return 1;
    default:
      return 0;
    }
}
