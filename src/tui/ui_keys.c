/* ui_keys.c -- reading keys.  ncurses recognises the escape sequences its
   terminfo entry lists, and gives the bytes of any other one back as
   separate keys: "ESC [ 4 ~" (End on many terminals) ran `4' (open case
   4), and a Down arrow split by a little latency ran `['.  Here an ESC
   starts a sequence that is read whole (waiting a little longer than
   ncurses does for the rest of it), decoded when it is one of the common
   forms of the cursor and editing keys, and otherwise dropped as one
   unbound key, never replayed as separate keys.  An ESC with a key
   right behind it (already read, or come within ncurses' escape delay:
   Alt+b, or tmux's "send-keys M-b") is one Meta key, UI_KEY_META, that
   the browser reports as not bound: taken as Esc and then the key, M-q
   at the search prompt threw the query away and quit.  The marks of a
   bracketed paste are two keys of their own, UI_KEY_PASTE_BEGIN and
   UI_KEY_PASTE_END: ui.c takes what comes between them for text.  */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "ui_priv.h"
#include "util.h"

/* How long the rest of a sequence may take to arrive after its ESC (or
   one byte after another), in milliseconds.  A lone Esc takes this long
   to register; vim's ttimeoutlen is 100.  */
#define SEQ_WAIT_MS 150

/* The longest sequence kept; longer ones are read to their end and
   dropped.  */
#define SEQ_MAX 32

/* Terminals disagree on Home and End: map the other names ncurses may
   give them (vt220 Find and Select, the keypad's corners).  */
static int
normalise_fn (int fn)
{
  switch (fn)
    {
    case KEY_FIND:
    case KEY_A1:
    case KEY_BEG:
      return KEY_HOME;
    case KEY_SELECT:
    case KEY_C1:
    case KEY_LL:
      return KEY_END;
    case KEY_A3:
      return KEY_PPAGE;
    case KEY_C3:
      return KEY_NPAGE;
    default:
      return fn;
    }
}

/* The next byte of a sequence, or -1 when none came in time (or a
   function key came instead, which cannot be part of one).  */
static int
seq_byte (void)
{
  wint_t wc;
  int r = get_wch (&wc);
  if (r == KEY_CODE_YES)
    {
      /* A function key (a resize) is given back as a key code.  */
      ungetch ((int) wc);
      return -1;
    }
  if (r != OK || wc > 0x7f)
    {
      if (r == OK)
        unget_wch (wc);
      return -1;
    }
  return (int) wc;
}

/* Decode a CSI sequence: parameters P (NUL-terminated) and FINAL.  */
static int
csi_key (const char *p, int final)
{
  long first = 0;
  int have = 0;
  for (const char *s = p; *s >= '0' && *s <= '9'; s++)
    {
      if (first < 1000)
        first = first * 10 + (*s - '0');
      have = 1;
    }
  int fn_only = *p == '\0' || (first == 1 && p[1] == ';');
  /* A modifier (";5", Ctrl; ";9", Meta) that the terminal's description
     did not make a key of its own (C-Up, named by curses) is no plain
     key: Ctrl-Home sent as ESC [ 1 ; 5 ~ must not run Home.  */
  const char *semi = strchr (p, ';');
  if (semi && strtol (semi + 1, NULL, 10) != 1)
    return 0;
  switch (final)
    {
    case 'A':
      return KEY_UP;
    case 'B':
      return KEY_DOWN;
    case 'C':
      return KEY_RIGHT;
    case 'D':
      return KEY_LEFT;
    case 'H':
      return KEY_HOME;
    case 'F':
      return KEY_END;
    case 'Z':
      return *p ? 0 : KEY_BTAB;
    case 'P':
    case 'Q':
    case 'R':
    case 'S':
      return fn_only ? KEY_F (1 + final - 'P') : 0;
    case '~':
      if (!have)
        return 0;
      if (strcmp (p, "200") == 0)
        return UI_KEY_PASTE_BEGIN;
      if (strcmp (p, "201") == 0)
        return UI_KEY_PASTE_END;
      switch (first)
        {
        case 1:
        case 7:
          return KEY_HOME;
        case 4:
        case 8:
          return KEY_END;
        case 5:
          return KEY_PPAGE;
        case 6:
          return KEY_NPAGE;
        case 2:
          return KEY_IC;
        case 3:
          return KEY_DC;
        case 11: case 12: case 13: case 14: case 15:
          return KEY_F (first - 10);
        case 17: case 18: case 19: case 20: case 21:
          return KEY_F (first - 11);
        case 23: case 24:
          return KEY_F (first - 12);
        default:
          return 0;
        }
    default:
      return 0;
    }
}

/* Decode an SS3 sequence "ESC O X".  */
static int
ss3_key (int c)
{
  switch (c)
    {
    case 'A':
      return KEY_UP;
    case 'B':
      return KEY_DOWN;
    case 'C':
      return KEY_RIGHT;
    case 'D':
      return KEY_LEFT;
    case 'H':
      return KEY_HOME;
    case 'F':
      return KEY_END;
    case 'M':
      return KEY_ENTER;
    case 'P':
    case 'Q':
    case 'R':
    case 'S':
      return KEY_F (1 + c - 'P');
    default:
      return 0;
    }
}

/* After ESC: read the rest of a sequence and decode it.  Returns a KEY_*
   code, UI_KEY_UNBOUND for a sequence that means nothing here,
   UI_KEY_META with the key that came with the ESC in *META, or 0 for a
   lone Esc.  */
static int
read_sequence (wint_t *meta)
{
  /* What came with the ESC is there at once; a terminal sends Alt+key
     in one write.  A key typed after Esc comes later.  */
  wint_t wc;
  timeout (0);
  int r = get_wch (&wc);
  int at_once = r != ERR;
  if (r == ERR)
    {
      timeout (SEQ_WAIT_MS);
      r = get_wch (&wc);
    }
  timeout (SEQ_WAIT_MS);
  if (r == ERR)
    return 0;
  if (r == KEY_CODE_YES)
    {
      /* A function key (a resize) is given back as a key code.  */
      ungetch ((int) wc);
      return 0;
    }
  if (wc != '[' && wc != 'O')
    {
      /* Esc typed and then a key, or Esc twice: Esc, then that key,
         which may start a sequence of its own.  */
      if (!at_once || wc == 27)
        {
          unget_wch (wc);
          return 0;
        }
      *meta = wc;
      return UI_KEY_META;
    }
  int c = (int) wc;
  if (c == 'O')
    {
      int d = seq_byte ();
      if (d < 0)
        {
          *meta = 'O';
          return at_once ? UI_KEY_META : UI_KEY_UNBOUND;
        }
      int fn = ss3_key (d);
      return fn ? fn : UI_KEY_UNBOUND;
    }
  char p[SEQ_MAX + 1];
  size_t n = 0;
  int final = -1;
  for (;;)
    {
      int b = seq_byte ();
      if (b < 0)
        break;
      if (b >= 0x40 && b <= 0x7e)
        {
          /* X10 mouse reports carry three raw bytes after "ESC [ M".  */
          if (b == 'M' && n == 0)
            {
              for (int i = 0; i < 3; i++)
                (void) seq_byte ();
              return UI_KEY_UNBOUND;
            }
          final = b;
          break;
        }
      if (b < 0x20)
        break;                  /* not part of a sequence: drop it all */
      if (n < SEQ_MAX)
        p[n++] = (char) b;
    }
  p[n] = '\0';
  if (final < 0 && n == 0 && at_once)
    {
      *meta = '[';
      return UI_KEY_META;
    }
  if (final < 0)
    return UI_KEY_UNBOUND;
  int fn = csi_key (p, final);
  return fn ? fn : UI_KEY_UNBOUND;
}

/* keys_peek, waiting up to WAIT_MS for a key.  */
static int
peek_within (int wait_ms, int idle_ms, int *code)
{
  wint_t wc;
  timeout (wait_ms);
  int r = get_wch (&wc);
  timeout (idle_ms);
  if (r == ERR)
    return 0;
  if (r == KEY_CODE_YES)
    ungetch ((int) wc);
  else
    unget_wch ((wchar_t) wc);
  *code = (int) wc;
  return r == KEY_CODE_YES ? 2 : 1;
}

int
keys_peek (int idle_ms, int *code)
{
  return peek_within (0, idle_ms, code);
}

int
keys_pending (int idle_ms)
{
  int code;
  return keys_peek (idle_ms, &code) != 0;
}

int
keys_wait (int wait_ms, int idle_ms)
{
  int code;
  return peek_within (wait_ms, idle_ms, &code) != 0;
}

int
keys_read (struct ui_key *k, int idle_ms)
{
  wint_t wc;
  int r = get_wch (&wc);
  k->fn = 0;
  k->ch = 0;
  if (r == ERR)
    return ERR;
  if (r == KEY_CODE_YES)
    {
      k->fn = normalise_fn ((int) wc);
      return OK;
    }
  if (wc != 27)
    {
      k->ch = wc;
      return OK;
    }
  wint_t meta = 0;
  int fn = read_sequence (&meta);
  timeout (idle_ms);
  if (fn)
    {
      k->fn = fn;
      if (fn == UI_KEY_META)
        k->ch = meta;
    }
  else
    k->ch = 27;
  return OK;
}

/* The name of character C: itself, or a word for a control character
   or a space.  */
static char *
char_name (wint_t c)
{
  switch (c)
    {
    case ' ':
      return xstrdup ("Space");
    case '\r':
    case '\n':
      return xstrdup ("Enter");
    case '\t':
      return xstrdup ("Tab");
    case 27:
      return xstrdup ("Esc");
    case 8:
    case 0x7f:
      return xstrdup ("Backspace");
    default:
      break;
    }
  if (c < 0x20)
    return xasprintf ("^%c", (int) c + '@');
  if (c >= 0x80 && c < 0xa0)
    return xasprintf ("<U+%04X>", (unsigned) c);
  uint8_t s[8] = { 0 };
  if (u8_uctomb (s, (ucs4_t) c, 6) <= 0)
    return xasprintf ("<U+%04X>", (unsigned) c);
  return xstrdup ((const char *) s);
}

/* The cursor and editing keys that terminfo also lists with modifiers
   (the capability and the key they are, as ncurses' keyname gives the
   capability), and their shifted forms in curses' own codes.  */
static const struct { const char *cap; int fn; } modifiable[] = {
  { "kUP", KEY_UP }, { "kDN", KEY_DOWN }, { "kLFT", KEY_LEFT },
  { "kRIT", KEY_RIGHT }, { "kHOM", KEY_HOME }, { "kEND", KEY_END },
  { "kPRV", KEY_PPAGE }, { "kNXT", KEY_NPAGE }, { "kIC", KEY_IC },
  { "kDC", KEY_DC },
};
static const struct { int shifted; int fn; } shifted_keys[] = {
  { KEY_SR, KEY_UP }, { KEY_SF, KEY_DOWN }, { KEY_SLEFT, KEY_LEFT },
  { KEY_SRIGHT, KEY_RIGHT }, { KEY_SHOME, KEY_HOME }, { KEY_SEND, KEY_END },
  { KEY_SPREVIOUS, KEY_PPAGE }, { KEY_SNEXT, KEY_NPAGE },
  { KEY_SIC, KEY_IC }, { KEY_SDC, KEY_DC },
};

/* Is FN one of the codes this file gives keys ncurses does not know?  */
static int
keys_own (int fn)
{
  return fn >= UI_KEY_UNBOUND && fn <= UI_KEY_META;
}

int
keys_unmodify (int fn, int *mods)
{
  for (size_t i = 0; i < sizeof shifted_keys / sizeof *shifted_keys; i++)
    if (shifted_keys[i].shifted == fn)
      {
        *mods = KEYS_SHIFT;
        return shifted_keys[i].fn;
      }
  /* Keys past KEY_MAX are the terminal's extended ones, defined by name
     only; ncurses names the modified forms kLFT5 and the like, the digit
     the xterm modifier parameter: 1 + Shift 1, Alt 2, Ctrl 4.  */
  if (fn <= KEY_MAX || keys_own (fn))
    return 0;
  const char *n = keyname (fn);
  if (n == NULL)
    return 0;
  size_t len = strlen (n);
  if (len < 2 || n[len - 1] < '2' || n[len - 1] > '8')
    return 0;
  for (size_t i = 0; i < sizeof modifiable / sizeof *modifiable; i++)
    if (strlen (modifiable[i].cap) == len - 1
        && strncmp (n, modifiable[i].cap, len - 1) == 0)
      {
        *mods = n[len - 1] - '1';
        return modifiable[i].fn;
      }
  return 0;
}

/* The names are those on the keys, as the manual gives them in every
   language: not translated.  Modifiers come first in the order tmux and
   Emacs write them, C-M-S-Left, and are those the configuration file's
   bind takes.  */
char *
keys_name (const struct ui_key *k)
{
  static const struct { int fn; const char *name; } names[] = {
    { KEY_IC, "Insert" }, { KEY_DC, "Delete" }, { KEY_LEFT, "Left" },
    { KEY_RIGHT, "Right" }, { KEY_UP, "Up" }, { KEY_DOWN, "Down" },
    { KEY_HOME, "Home" }, { KEY_END, "End" }, { KEY_PPAGE, "PgUp" },
    { KEY_NPAGE, "PgDn" }, { KEY_BACKSPACE, "Backspace" },
    { KEY_ENTER, "Enter" }, { KEY_BTAB, "Shift-Tab" },
  };
  if (k->fn == 0)
    return char_name (k->ch);
  if (k->fn == UI_KEY_META)
    {
      char *c = char_name (k->ch);
      char *m = xasprintf ("M-%s", c);
      free (c);
      return m;
    }
  if (k->fn >= KEY_F (0) && k->fn <= KEY_F (63))
    return xasprintf ("F%d", k->fn - KEY_F (0));
  int mods = 0;
  int fn = keys_unmodify (k->fn, &mods);
  if (fn == 0)
    fn = k->fn;
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (names[i].fn == fn)
      return xasprintf ("%s%s%s%s", mods & KEYS_CTRL ? "C-" : "",
                        mods & KEYS_ALT ? "M-" : "",
                        mods & KEYS_SHIFT ? "S-" : "", names[i].name);
  /* ncurses' own name, without its prefix: KEY_SUSPEND is SUSPEND, an
     extended key its terminfo name (kxIN).  */
  const char *n = keys_own (k->fn) ? NULL : keyname (k->fn);
  if (n == NULL || strcmp (n, "UNKNOWN KEY") == 0)
    return xasprintf ("<%d>", k->fn);
  if (strncmp (n, "KEY_", 4) == 0)
    n += 4;
  return xstrdup (n);
}
