/* ui_copy.c -- y: copy the paragraph at the top of the text pane with
   its citation (cite.c): into tmux's buffer in tmux (ui_tmux.c), else
   to the terminal's clipboard through OSC 52 when the terminal takes
   it, else to a file under $XDG_STATE_HOME/casebook with a message
   saying where.  */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "i18n.h"
#include "norm.h"
#include "ui_priv.h"
#include "ui_term.h"
#include "ui_tmux.h"

/* The file a copy goes to when the terminal has no clipboard.  */
#define CLIP_FILE "clipboard.txt"

/* TEXT as casebook cite prints it: line by line, each line's control
   and invisible characters named (^[, <U+202E>), so that a paste puts
   no escape sequence into a terminal or a shell, and no hidden
   direction override into a brief.  Caller frees.  */
static char *
visible_copy (const char *text)
{
  struct buf b = { 0 };
  const char *p = text;
  while (*p)
    {
      const char *nl = strchr (p, '\n');
      size_t len = nl ? (size_t) (nl - p) : strlen (p);
      struct visible v;
      norm_visible_text (p, len, 0, &v);
      buf_add (&b, v.str, v.len);
      norm_visible_free (&v);
      if (nl)
        buf_addc (&b, '\n');
      p += len + (nl != NULL);
    }
  return buf_steal (&b);
}

/* The paragraph to copy: the first one whose line is at or below the
   top of the pane (or the paragraph gone to, text_current_line), in the
   language shown (the reader's when both are).
   Returns 0 and sets *SECTION, *BLOCK and *L, or -1.  */
static int
current_paragraph (const struct ui *u, size_t *section, size_t *block,
                   enum lang *l)
{
  enum lang want = u->view == VIEW_ZH ? LANG_ZH
    : u->view == VIEW_EN ? LANG_EN : u->lang;
  const struct document *d = u->docs[u->cur];
  for (size_t i = text_current_line (u); i < u->r.nlines; i++)
    {
      const struct rline *ln = &u->r.lines[i];
      for (int c = 0; c < 2; c++)
        {
          const struct rcell *cell = &ln->cell[c];
          if (!cell->present || cell->part != PART_BLOCK
              || cell->section >= d->nsections
              || cell->block >= d->sections[cell->section].nblocks
              || d->sections[cell->section].blocks[cell->block].kind
                 == BLOCK_KEYWORDS)
            continue;
          *section = cell->section;
          *block = cell->block;
          *l = cell->lang == want || !ln->cell[1 - c].present ? cell->lang
            : want;
          return 0;
        }
    }
  return -1;
}

void
copy_mark (struct ui *u)
{
  size_t s, b;
  enum lang l;
  if (u->range.set)
    {
      u->range.set = 0;
      ui_message (u, 0, "%s", _("Range dropped"));
      return;
    }
  if (!u->have_render || current_paragraph (u, &s, &b, &l) < 0)
    {
      ui_message (u, 1, "%s", _("No paragraph here to copy"));
      return;
    }
  u->range.set = 1;
  u->range.doc = u->cur;
  u->range.section = s;
  u->range.block = b;
}

char *
copy_status (const struct ui *u)
{
  if (!u->range.set || u->range.doc != u->cur)
    return NULL;
  size_t para = cite_paragraph (u->docs[u->cur], u->range.section,
                                u->range.block);
  /* TRANSLATORS: while V has started a range to copy.  */
  return xasprintf (_("Range from paragraph %zu: y copies to the paragraph "
                      "at the top, V or Esc drops it"), para);
}

void
copy_paragraph (struct ui *u)
{
  size_t s, b;
  enum lang l;
  if (!u->have_render || current_paragraph (u, &s, &b, &l) < 0)
    {
      ui_message (u, 1, "%s", _("No paragraph here to copy"));
      return;
    }
  const struct document *d = u->docs[u->cur];
  size_t s0 = s, b0 = b;
  if (u->range.set && u->range.doc == u->cur)
    {
      s0 = u->range.section;
      b0 = u->range.block;
    }
  u->range.set = 0;
  char *text = cite_passage_range (d, l, s0, b0, s, b, u->revised);
  if (text == NULL)
    {
      ui_message (u, 1, "%s", _("No paragraph here to copy"));
      return;
    }
  /* What was read is what is copied: in traditional script when the
     browser shows it so, as casebook cite prints it, and followed, as
     there, by the note that says the script is OpenCC's.  */
  const char *note = cite_script_note (text, u->opt->script_config);
  char *conv = u->opt->script_config
    ? norm_to_traditional (text, strlen (text), u->opt->script_config) : NULL;
  if (conv)
    {
      free (text);
      /* One blank line before the note, as cite prints it, whether the
         citation ends its last line or not.  */
      size_t n = strlen (conv);
      while (n > 0 && conv[n - 1] == '\n')
        n--;
      text = note ? xasprintf ("%.*s\n\n%s", (int) n, conv, note)
        : xstrdup (conv);
      free (conv);
    }
  char *vis = visible_copy (text);
  free (text);
  text = vis;
  size_t p0 = cite_paragraph (d, s0, b0), p1 = cite_paragraph (d, s, b);
  if (p0 > p1)
    {
      size_t t = p0;
      p0 = p1;
      p1 = t;
    }
  char *what = p0 == p1
    ? xasprintf (_("paragraph %zu"), p0)
    /* TRANSLATORS: a range of paragraphs copied by V and y.  */
    : xasprintf (_("paragraphs %zu-%zu"), p0, p1);
  if (ui_tmux_set_buffer (text, strlen (text)) == 0
      || ui_term_set_clipboard (text, strlen (text)) == 0)
    {
      if (u->view == VIEW_SIDE_BY_SIDE || u->view == VIEW_INTERLEAVED)
        /* Both languages on the screen, one in the copy: which.  */
        /* TRANSLATORS: the last %s is "Chinese" or "English".  */
        ui_message (u, 0, _("Copied %s of case %ld in %s with its citation"),
                    what, d->number, l == LANG_ZH ? _("Chinese")
                    : _("English"));
      else
        ui_message (u, 0, _("Copied %s of case %ld with its citation"), what,
                    d->number);
      free (what);
      free (text);
      return;
    }
  char *given = prefs_state_dir ();
  const char *why;
  /* The state directory, only as private as the state itself.  */
  char *dir = given ? prefs_private_dir (given, &why) : NULL;
  free (given);
  char *path = dir ? xasprintf ("%s/%s", dir, CLIP_FILE) : NULL;
  if (path == NULL || util_write_atomic (path, text, strlen (text)) < 0)
    ui_message (u, 1, "%s", _("This terminal has no clipboard, and the "
                              "state directory cannot be written"));
  else
    /* TRANSLATORS: y on a terminal without OSC 52; %1$s is "paragraph 3"
       or "paragraphs 3-5".  */
    ui_message (u, 0, _("No clipboard in this terminal: %s with its "
                        "citation is in %s"), what, path);
  free (what);
  free (path);
  free (dir);
  free (text);
}
