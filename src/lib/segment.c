/* segment.c -- Chinese word segmentation of queries (see segment.h).  */

#include <config.h>

#include "segment.h"

#include <friso.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

#ifndef FRISO_INI
# define FRISO_INI "/etc/friso/friso.ini"
#endif

/* Glossary terms are longer than friso's default limit of five
   characters (刑事执行检察 is six).  */
#define SEGMENT_MAX_LEN 10

struct segmenter
{
  friso_t friso;
  friso_config_t config;
};

struct segmenter *
segmenter_new (const struct glossary *g)
{
  if (access (FRISO_INI, R_OK) != 0)
    return NULL;
  struct segmenter *s = xcalloc (1, sizeof *s);
  s->friso = friso_new ();
  s->config = friso_new_config ();
  if (s->friso == NULL || s->config == NULL
      || friso_init_from_ifile (s->friso, s->config, (fstring) FRISO_INI) != 1)
    {
      segmenter_free (s);
      return NULL;
    }
  friso_set_mode (s->config, __FRISO_COMPLEX_MODE__);
  s->config->max_len = SEGMENT_MAX_LEN;
  s->config->clr_stw = 0;       /* stop words are the engine's to drop */
  s->config->add_syn = 0;
  for (size_t i = 0; g && i < g->count; i++)
    {
      const struct glossary_entry *e = &g->entries[i];
      for (size_t v = 0; v < glossary_nforms (e, LANG_ZH); v++)
        {
          const char *w = glossary_form (e, LANG_ZH, v);
          if (w == NULL || *w == '\0' || strlen (w) >= __HITS_WORD_LENGTH__
              || friso_dic_match (s->friso->dic, __LEX_CJK_WORDS__,
                                  (fstring) w))
            continue;
          /* friso keeps the string it is given.  */
          friso_dic_add (s->friso->dic, __LEX_CJK_WORDS__, xstrdup (w), NULL);
        }
    }
  return s;
}

void
segmenter_free (struct segmenter *s)
{
  if (s == NULL)
    return;
  if (s->friso)
    friso_free (s->friso);
  free (s->config);
  free (s);
}

size_t
segmenter_split (struct segmenter *s, const char *text, char ***words)
{
  *words = NULL;
  size_t n = 0, alloc = 0;
  friso_task_t task = friso_new_task ();
  if (task == NULL)
    return 0;
  char *copy = xstrdup (text);
  friso_set_text (task, copy);
  while (s->config->next_token (s->friso, s->config, task) != NULL)
    {
      const char *w = task->token->word;
      size_t len = strnlen (w, __HITS_WORD_LENGTH__);
      /* Only words of ideographs: friso passes punctuation and Latin
         through, which the engine handles itself.  */
      if (len == 0 || (unsigned char) w[0] < 0xe0)
        continue;
      *words = xgrow (*words, &alloc, n + 1, sizeof **words);
      (*words)[n++] = xstrndup (w, len);
    }
  friso_free_task (task);
  free (copy);
  return n;
}
