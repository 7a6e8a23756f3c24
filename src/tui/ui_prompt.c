/* ui_prompt.c -- a one-line editor on the status line for the search and
   limit prompts: ←/→ (^B/^F), Home/End (^A/^E), Backspace, Delete (^D),
   ^U, ^K, ^W, ↑/↓ (^P/^N) through the history; Enter accepts and Esc
   (or ^G, or Backspace on an empty line, or Ctrl-C through ui.c)
   cancels.  The cursor moves and deletes by grapheme cluster
   (libunistring's u8_grapheme_next/prev), so that a letter with its
   accent or an emoji with its modifier is one step.  */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unistr.h>

#include "i18n.h"
#include "ui_priv.h"

void
prompt_begin (struct prompt *p, enum prompt_kind kind, size_t hist_count)
{
  prompt_end (p);
  p->active = 1;
  p->kind = kind;
  buf_add (&p->text, "", 0);
  p->cur = 0;
  p->hist = hist_count;
  p->mark = SIZE_MAX;
}

void
prompt_end (struct prompt *p)
{
  buf_free (&p->text);
  free (p->edit);
  free (p->error);
  memset (p, 0, sizeof *p);
}

static void
set_text (struct prompt *p, const char *s)
{
  p->text.len = 0;
  buf_adds (&p->text, s);
  p->cur = p->text.len;
  p->mark = SIZE_MAX;
}

/* Is there a regional indicator (half of a flag: U+1F1E6 to U+1F1FF,
   four bytes) at S + I, within LEN bytes?  */
static int
regional_at (const uint8_t *s, size_t i, size_t len)
{
  ucs4_t uc;
  return i < len && u8_mbtouc (&uc, s + i, len - i) == 4
    && uc >= 0x1f1e6 && uc <= 0x1f1ff;
}

/* How many regional indicators come right before S + I.  */
static size_t
regionals_before (const uint8_t *s, size_t i, size_t len)
{
  size_t n = 0;
  while (i >= 4 && regional_at (s, i - 4, len))
    {
      i -= 4;
      n++;
    }
  return n;
}

/* Byte offset of the grapheme cluster before / after offset I: a base
   character with its combining marks (e\u0301), a flag or an emoji with
   its modifiers moves and deletes as one.  libunistring (1.0) takes
   each half of a flag for a cluster of its own; they pair from the
   first of a run, as Unicode's rules pair them.  */
static size_t
char_prev (const struct prompt *p, size_t i)
{
  if (i == 0)
    return 0;
  const uint8_t *s = (const uint8_t *) p->text.data;
  const uint8_t *q = u8_grapheme_prev (s + i, s);
  size_t at = q ? (size_t) (q - s) : 0;
  if (i - at == 4 && regional_at (s, at, p->text.len)
      && regionals_before (s, at, p->text.len) % 2 == 1)
    at -= 4;
  return at;
}

static size_t
char_next (const struct prompt *p, size_t i)
{
  if (i >= p->text.len)
    return p->text.len;
  const uint8_t *s = (const uint8_t *) p->text.data;
  const uint8_t *q = u8_grapheme_next (s + i, s + p->text.len);
  size_t at = q ? (size_t) (q - s) : p->text.len;
  if (at - i == 4 && regional_at (s, i, p->text.len)
      && regional_at (s, at, p->text.len)
      && regionals_before (s, i, p->text.len) % 2 == 0)
    at += 4;
  return at;
}

static void
delete_range (struct prompt *p, size_t from, size_t to)
{
  if (to <= from)
    return;
  p->mark = SIZE_MAX;
  memmove (p->text.data + from, p->text.data + to, p->text.len - to + 1);
  p->text.len -= to - from;
  if (p->cur > to)
    p->cur -= to - from;
  else if (p->cur > from)
    p->cur = from;
}

static void
insert_char (struct prompt *p, wint_t ch)
{
  uint8_t enc[6];
  if ((ch >= 0xd800 && ch < 0xe000) || ch >= 0x110000)
    return;
  int n = u8_uctomb (enc, (ucs4_t) ch, (int) sizeof enc);
  if (n <= 0)
    return;
  size_t len = (size_t) n;
  p->mark = SIZE_MAX;
  buf_add (&p->text, enc, len);   /* grow; then move into place */
  memmove (p->text.data + p->cur + len, p->text.data + p->cur,
           p->text.len - len - p->cur);
  memcpy (p->text.data + p->cur, enc, len);
  p->cur += len;
}

/* The length in bytes of the space that ends at offset I, or 0: a
   space, or the ideographic space (U+3000) of a Chinese input method,
   which the query language reads as one too.  */
static size_t
space_before (const struct prompt *p, size_t i)
{
  const char *s = p->text.data;
  if (i >= 1 && s[i - 1] == ' ')
    return 1;
  if (i >= 3 && memcmp (s + i - 3, "\xe3\x80\x80", 3) == 0)
    return 3;
  return 0;
}

static enum prompt_result
history_move (struct prompt *p, const struct state *st, int dir)
{
  if (st == NULL)
    return PROMPT_NONE;
  size_t count = state_history_count (st);
  if (p->hist > count)
    p->hist = count;
  if (dir < 0)
    {
      if (p->hist == 0)
        return PROMPT_NONE;
      if (p->hist == count)
        {
          free (p->edit);
          p->edit = xstrdup (p->text.data);
        }
      p->hist--;
      set_text (p, state_history_get (st, p->hist));
      return PROMPT_EDITED;
    }
  if (p->hist >= count)
    return PROMPT_NONE;
  p->hist++;
  set_text (p, p->hist == count ? (p->edit ? p->edit : "")
            : state_history_get (st, p->hist));
  return PROMPT_EDITED;
}

enum prompt_result
prompt_key (struct prompt *p, const struct ui_key *k,
            const struct state *history)
{
  if (ui_is_enter (k))
    return PROMPT_ACCEPT;
  size_t len = p->text.len;
  if (k->fn)
    switch (k->fn)
      {
      case KEY_LEFT:
        p->cur = char_prev (p, p->cur);
        return PROMPT_NONE;
      case KEY_RIGHT:
        p->cur = char_next (p, p->cur);
        return PROMPT_NONE;
      case KEY_HOME:
        p->cur = 0;
        return PROMPT_NONE;
      case KEY_END:
        p->cur = len;
        return PROMPT_NONE;
      case KEY_BACKSPACE:
        goto backspace;
      case KEY_DC:
        goto delete;
      case KEY_UP:
        return history_move (p, history, -1);
      case KEY_DOWN:
        return history_move (p, history, 1);
      default:
        return PROMPT_NONE;
      }
  switch (k->ch)
    {
    case 27:                    /* Esc */
    case 7:                     /* ^G */
      return PROMPT_CANCEL;
    case 2:                     /* ^B */
      p->cur = char_prev (p, p->cur);
      return PROMPT_NONE;
    case 6:                     /* ^F */
      p->cur = char_next (p, p->cur);
      return PROMPT_NONE;
    case 1:                     /* ^A */
      p->cur = 0;
      return PROMPT_NONE;
    case 5:                     /* ^E */
      p->cur = len;
      return PROMPT_NONE;
    case 16:                    /* ^P */
      return history_move (p, history, -1);
    case 14:                    /* ^N */
      return history_move (p, history, 1);
    case 8:                     /* ^H */
    case 127:                   /* DEL */
    backspace:
      if (len == 0)
        return PROMPT_CANCEL;
      if (p->cur == 0)
        return PROMPT_NONE;
      delete_range (p, char_prev (p, p->cur), p->cur);
      return PROMPT_EDITED;
    case 4:                     /* ^D */
    delete:
      if (p->cur >= len)
        return PROMPT_NONE;
      delete_range (p, p->cur, char_next (p, p->cur));
      return PROMPT_EDITED;
    case 21:                    /* ^U */
      if (p->cur == 0)
        return PROMPT_NONE;
      delete_range (p, 0, p->cur);
      return PROMPT_EDITED;
    case 11:                    /* ^K */
      if (p->cur >= len)
        return PROMPT_NONE;
      delete_range (p, p->cur, len);
      return PROMPT_EDITED;
    case 23:                    /* ^W */
      {
        size_t e = p->cur, s = e;
        while (s > 0 && space_before (p, s))
          s -= space_before (p, s);
        while (s > 0 && !space_before (p, s))
          s--;
        if (s == e)
          return PROMPT_NONE;
        delete_range (p, s, e);
        return PROMPT_EDITED;
      }
    default:
      /* A Tab typed parts words, as a pasted one does; another
         control typed is a key, here none.  */
      if (k->ch != '\t'
          && query_typed_char ((unsigned long) k->ch) != (long) k->ch)
        return PROMPT_NONE;
      insert_char (p, k->ch == '\t' ? ' ' : k->ch);
      return PROMPT_EDITED;
    }
}

/* The columns a prompt's label leaves for what is typed, at least (or
   half the line, when it is narrower than twice this).  */
#define PROMPT_MIN_COLS 12

void
prompt_draw (const struct ui *u, const struct prompt *p, int y, int width)
{
  const char *label;
  switch (p->kind)
    {
    case PROMPT_SEARCH:
      label = "/";
      break;
    case PROMPT_SEARCH_BACK:
      label = "?";
      break;
    case PROMPT_GOTO:
      /* TRANSLATORS: the prompt of ':' and 'o'; keep § and ¶.  */
      label = _("Go to (case \xc2\xa7section \xc2\xb6paragraph): ");
      break;
    default:
      /* TRANSLATORS: the prompt of '&'; an empty line shows every case.  */
      label = _("Limit to (empty: all): ");
      break;
    }
  /* A label as wide as the line would leave nothing of what is typed
     on screen: it is cut first, down to half the line.  */
  int room = width / 2 < PROMPT_MIN_COLS ? width / 2 : PROMPT_MIN_COLS;
  int label_max = width - room;
  int x = ui_text_width (label, strlen (label)) <= label_max
    ? ui_put (y, 0, width, label, strlen (label), A_BOLD)
    : ui_put_cut (y, 0, label_max - 1, label, strlen (label), A_BOLD) + 1;
  const char *s = p->text.data ? p->text.data : "";
  /* Scroll the text sideways so that the cursor stays on screen: back
     from the cursor, a cluster at a time, as far as the line holds (a
     paste of 100 KB is drawn in the time of one line).  The cluster
     under the cursor keeps its columns: a wide one (监) at the edge
     would not be drawn, and the cursor would sit on a blank.  */
  size_t at_end = char_next (p, p->cur);
  int under = at_end > p->cur ? ui_text_width (s + p->cur, at_end - p->cur)
    : 1;
  if (under < 1)
    under = 1;
  size_t start = p->cur;
  int before = 0;
  while (start > 0)
    {
      size_t prev = char_prev (p, start);
      int w = ui_text_width (s + prev, start - prev);
      if (x + before + w + under > width)
        break;
      before += w;
      start = prev;
    }
  /* Text scrolled off to the left is marked with a "<" (as readline
     and zsh do), which takes a column of its own: the first clusters
     shown give it up.  */
  if (start > 0 && x + 1 + under <= width)
    while (start < p->cur && x + 1 + before + under > width)
      {
        size_t next = char_next (p, start);
        before -= ui_text_width (s + start, next - start);
        start = next;
      }
  if (start > 0)
    x = ui_put (y, x, width, "<", 1, A_BOLD);
  /* What a query error points at, in reverse, as the command line puts
     a caret under it; a blank after the text when it is the end that
     is missing something (an unclosed quote).  The offset may fall
     inside a cluster (on the accent of <\u0301, which drawn alone is
     nothing): the whole cluster is marked.  Looked for only as far as
     the line shows.  */
  size_t m = SIZE_MAX;
  if (p->mark >= start && p->mark < SIZE_MAX)
    {
      size_t want = p->mark < p->text.len ? p->mark : p->text.len;
      int col = x;
      m = start;
      while (m < want && col < width)
        {
          size_t next = char_next (p, m);
          if (next > want)
            break;
          col += ui_text_width (s + m, next - m);
          m = next;
        }
      if (col >= width)
        m = SIZE_MAX;
    }
  if (m != SIZE_MAX)
    {
      size_t m_end = char_next (p, m);
      int mx = ui_put (y, x, width, s + start, m - start, A_NORMAL);
      mx = m_end > m ? ui_put (y, mx, width, s + m, m_end - m, A_REVERSE)
        : ui_put (y, mx, width, " ", 1, A_REVERSE);
      ui_put (y, mx, width, s + m_end, p->text.len - m_end, A_NORMAL);
    }
  else
    ui_put (y, x, width, s + start, p->text.len - start, A_NORMAL);
  int cx = x + before;
  if (cx >= width)
    cx = width - 1;
  if (cx < 0)
    cx = 0;
  (void) u;
  move (y, cx);
}
