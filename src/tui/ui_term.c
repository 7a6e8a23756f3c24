/* ui_term.c -- can this terminal show the browser at all?  Kept apart
   from ui.c because <term.h> defines a macro for every terminfo
   capability (lines, columns, ...), which would clash with ordinary
   names.  */

#include <config.h>
#include "ui_term.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "i18n.h"
#include "norm.h"

/* The locale the environment asks for characters in: LC_ALL, else
   LC_CTYPE, else LANG, or NULL.  */
static const char *
ctype_asked (void)
{
  static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
  for (size_t i = 0; i < sizeof vars / sizeof *vars; i++)
    {
      const char *v = getenv (vars[i]);
      if (v && *v)
        return v;
    }
  return NULL;
}

int
ui_term_check (void)
{
  const char *cs = nl_langinfo (CODESET);
  if (cs == NULL || (strcasecmp (cs, "UTF-8") != 0 && strcasecmp (cs, "utf8") != 0))
    {
      const char *asked = ctype_asked ();
      if (asked && (strcasestr (asked, "utf-8") || strcasestr (asked, "utf8")))
        {
          /* A UTF-8 locale was asked for and setlocale fell back to C:
             it is not installed, which is what to mend.  */
          char *shown = norm_visible_string (asked);
          fprintf (stderr, _("casebook: the locale %s is not installed "
                             "('locale -a' lists those that are); the "
                             "browser needs a UTF-8 locale\n"), shown);
          free (shown);
          return -1;
        }
      fprintf (stderr, _("casebook: the browser needs a UTF-8 locale "
                         "(for example LANG=C.UTF-8); 'casebook list' and "
                         "'casebook show N' print the cases instead\n"));
      return -1;
    }
  const char *term = getenv ("TERM");
  if (term == NULL || *term == '\0' || strcmp (term, "dumb") == 0)
    {
      fprintf (stderr, _("casebook: the browser needs a terminal that can "
                         "move the cursor (TERM is %s); 'casebook show N' "
                         "prints a case instead\n"),
               /* TRANSLATORS: these two are what TERM is, in
                  "(TERM is %s)".  */
               term == NULL ? _("not set") : *term ? term : _("empty"));
      return -1;
    }
  /* $TERM is anybody's text: named visibly in a message.  */
  char *shown = norm_visible_string (term);
  int err = 0, rc = 0;
  if (setupterm (NULL, STDOUT_FILENO, &err) != OK)
    {
      fprintf (stderr, _("casebook: unknown terminal type '%s'; "
                         "'casebook show N' prints a case instead\n"), shown);
      rc = -1;
    }
  else
    {
      const char *cup = tigetstr ("cup");
      int ok = cup != NULL && cup != (const char *) -1;
      del_curterm (cur_term);
      if (!ok)
        {
          fprintf (stderr, _("casebook: the terminal '%s' cannot move the "
                             "cursor; 'casebook show N' prints a case "
                             "instead\n"), shown);
          rc = -1;
        }
    }
  free (shown);
  return rc;
}

/* DATA (LEN bytes) in base64.  Caller frees.  */
static char *
base64 (const unsigned char *data, size_t len)
{
  static const char b64_digits[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  char *out = malloc ((len + 2) / 3 * 4 + 1);
  if (out == NULL)
    return NULL;
  size_t o = 0;
  for (size_t i = 0; i < len; i += 3)
    {
      unsigned v = (unsigned) data[i] << 16;
      if (i + 1 < len)
        v |= (unsigned) data[i + 1] << 8;
      if (i + 2 < len)
        v |= data[i + 2];
      out[o++] = b64_digits[(v >> 18) & 63];
      out[o++] = b64_digits[(v >> 12) & 63];
      out[o++] = i + 1 < len ? b64_digits[(v >> 6) & 63] : '=';
      out[o++] = i + 2 < len ? b64_digits[v & 63] : '=';
    }
  out[o] = '\0';
  return out;
}

int
ui_term_set_clipboard (const char *data, size_t len)
{
  /* Ms is the terminfo extension for OSC 52 ("\E]52;%p1%s;%p2%s\007"):
     xterm's and tmux's entries have it, terminals that do not take the
     sequence do not.  */
  char *ms = tigetstr ("Ms");
  if (ms == NULL || ms == (char *) -1)
    return -1;
  char *b64 = base64 ((const unsigned char *) data, len);
  if (b64 == NULL)
    return -1;
  char *seq = tiparm (ms, "c", b64);
  int r = seq ? putp (seq) : ERR;
  fflush (stdout);
  free (b64);
  return r == ERR ? -1 : 0;
}

void
ui_term_paste_mode (int on)
{
  char *s = tigetstr (on ? "BE" : "BD");
  if (s == NULL || s == (char *) -1)
    return;
  putp (s);
  fflush (stdout);
}

void
ui_term_no_flow_control (void)
{
  /* With IXON on, Ctrl-S stopped the screen until Ctrl-Q, with nothing
     on it to say why: the browser looked hung.  curses draws to
     stdout, and keeps the terminal modes of that descriptor.  */
  struct termios t;
  int fd = fileno (stdout);
  if (tcgetattr (fd, &t) != 0 || !(t.c_iflag & IXON))
    return;
  t.c_iflag &= ~IXON;
  if (tcsetattr (fd, TCSADRAIN, &t) == 0)
    def_prog_mode ();
}
