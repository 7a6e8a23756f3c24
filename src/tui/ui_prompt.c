/* ui_prompt.c -- a one-line editor on the status line for the search and
   limit prompts: ←/→ (^B/^F), Home/End (^A/^E), Backspace, Delete (^D),
   ^U, ^K, ^W, ↑/↓ (^P/^N) through the history; Enter accepts and Esc
   (or ^G, or Backspace on an empty line) cancels.  */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
}

void
prompt_end (struct prompt *p)
{
  buf_free (&p->text);
  free (p->edit);
  memset (p, 0, sizeof *p);
}

static void
set_text (struct prompt *p, const char *s)
{
  p->text.len = 0;
  buf_adds (&p->text, s);
  p->cur = p->text.len;
}

/* Byte offset of the character before / after offset I.  */
static size_t
char_prev (const struct prompt *p, size_t i)
{
  if (i == 0)
    return 0;
  i--;
  while (i > 0 && ((unsigned char) p->text.data[i] & 0xc0) == 0x80)
    i--;
  return i;
}

static size_t
char_next (const struct prompt *p, size_t i)
{
  if (i >= p->text.len)
    return p->text.len;
  i++;
  while (i < p->text.len && ((unsigned char) p->text.data[i] & 0xc0) == 0x80)
    i++;
  return i;
}

static void
delete_range (struct prompt *p, size_t from, size_t to)
{
  if (to <= from)
    return;
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
  char enc[4];
  size_t n;
  uint32_t c = (uint32_t) ch;
  if (c < 0x80)
    {
      enc[0] = (char) c;
      n = 1;
    }
  else if (c < 0x800)
    {
      enc[0] = (char) (0xc0 | (c >> 6));
      enc[1] = (char) (0x80 | (c & 0x3f));
      n = 2;
    }
  else if (c < 0x10000)
    {
      if (c >= 0xd800 && c < 0xe000)
        return;
      enc[0] = (char) (0xe0 | (c >> 12));
      enc[1] = (char) (0x80 | ((c >> 6) & 0x3f));
      enc[2] = (char) (0x80 | (c & 0x3f));
      n = 3;
    }
  else if (c < 0x110000)
    {
      enc[0] = (char) (0xf0 | (c >> 18));
      enc[1] = (char) (0x80 | ((c >> 12) & 0x3f));
      enc[2] = (char) (0x80 | ((c >> 6) & 0x3f));
      enc[3] = (char) (0x80 | (c & 0x3f));
      n = 4;
    }
  else
    return;
  buf_add (&p->text, enc, n);   /* grow; then move into place */
  memmove (p->text.data + p->cur + n, p->text.data + p->cur,
           p->text.len - n - p->cur);
  memcpy (p->text.data + p->cur, enc, n);
  p->cur += n;
}

static enum prompt_result
history_move (struct prompt *p, const struct state *st, int dir)
{
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
        while (s > 0 && p->text.data[s - 1] == ' ')
          s--;
        while (s > 0 && p->text.data[s - 1] != ' ')
          s--;
        if (s == e)
          return PROMPT_NONE;
        delete_range (p, s, e);
        return PROMPT_EDITED;
      }
    default:
      if (k->ch < 0x20 || (k->ch >= 0x7f && k->ch < 0xa0))
        return PROMPT_NONE;
      insert_char (p, k->ch);
      return PROMPT_EDITED;
    }
}

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
    default:
      /* TRANSLATORS: the prompt of '&'; an empty line shows every case.  */
      label = _("Limit to (empty: all): ");
      break;
    }
  int x = ui_put (y, 0, width, label, strlen (label), A_BOLD);
  const char *s = p->text.data ? p->text.data : "";
  /* Scroll the text sideways so that the cursor stays on screen.  */
  size_t start = 0;
  while (start < p->cur
         && x + ui_text_width (s + start, p->cur - start) >= width)
    {
      start++;
      while (start < p->cur && ((unsigned char) s[start] & 0xc0) == 0x80)
        start++;
    }
  ui_put (y, x, width, s + start, p->text.len - start, A_NORMAL);
  int cx = x + ui_text_width (s + start, p->cur - start);
  if (cx >= width)
    cx = width - 1;
  if (cx < 0)
    cx = 0;
  (void) u;
  move (y, cx);
}
