/* cmd-tags.c -- casebook tags: every keyword, in the reader's language
   where the document has it, with its rendering in the other language
   and the documents that carry it; or JSON Lines with --json.  Exit 1
   when there is no keyword at all.  */

#include <config.h>
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "norm.h"
#include "output.h"
#include "util.h"

struct tag_entry
{
  char *folded;
  char *name;
  char *other;
  enum lang lang;               /* of NAME */
  long *docs;
  size_t ndocs;
  size_t docs_alloc;
};

/* Where FOLDED is, or should go, in the open-addressed table SLOTS of
   NSLOTS entries (a power of two) holding indices into TAGS plus one.  */
static size_t
tag_slot (const size_t *slots, size_t nslots, const struct tag_entry *tags,
          const char *folded)
{
  size_t h = 1469598103934665603ULL & (size_t) -1;
  for (const unsigned char *p = (const unsigned char *) folded; *p; p++)
    h = (h ^ *p) * 1099511628211ULL;
  size_t i = h & (nslots - 1);
  while (slots[i] && strcmp (tags[slots[i] - 1].folded, folded) != 0)
    i = (i + 1) & (nslots - 1);
  return i;
}

static int
cmd_tags_exec (const struct cli_options *o, const struct library *lib,
               int argc, char **argv)
{
  (void) argc;
  (void) argv;
  enum lang l = cmd_reader_lang (o);
  struct tag_entry *tags = NULL;
  size_t ntags = 0, alloc = 0;
  /* A hash table from folded keyword to entry: a collection may have a
     hundred thousand keywords.  */
  size_t nslots = 64;
  size_t *slots = xcalloc (nslots, sizeof *slots);
  size_t n = library_document_count (lib);
  for (size_t i = 0; i < n; i++)
    {
      const struct document *d = library_document (lib, i);
      enum lang al;
      /* The English list as the reader chose (--english=revised).  */
      char *const *items[LANG_COUNT];
      size_t count[LANG_COUNT];
      for (int k = 0; k < LANG_COUNT; k++)
        items[k] = keywords_view (&d->keywords, (enum lang) k,
                                  o->english_revised, &count[k]);
      al = count[l] ? l : lang_other (l);
      for (size_t k = 0; k < count[al]; k++)
        {
          const char *name = items[al][k];
          const char *other = count[lang_other (al)] > k
            ? items[lang_other (al)][k] : NULL;
          char *f = norm_fold_string (name, strlen (name));
          if (2 * (ntags + 1) > nslots)
            {
              size_t *bigger = xcalloc (nslots * 2, sizeof *bigger);
              for (size_t j = 0; j < ntags; j++)
                bigger[tag_slot (bigger, nslots * 2, tags, tags[j].folded)] = j + 1;
              free (slots);
              slots = bigger;
              nslots *= 2;
            }
          size_t slot = tag_slot (slots, nslots, tags, f);
          size_t t = slots[slot] ? slots[slot] - 1 : ntags;
          if (t == ntags)
            {
              slots[slot] = ntags + 1;
              tags = xgrow (tags, &alloc, ntags + 1, sizeof *tags);
              memset (&tags[ntags], 0, sizeof *tags);
              tags[ntags].folded = f;
              tags[ntags].name = xstrdup (name);
              tags[ntags].other = other ? xstrdup (other) : NULL;
              tags[ntags].lang = al;
              ntags++;
            }
          else
            free (f);
          if (tags[t].ndocs == 0 || tags[t].docs[tags[t].ndocs - 1] != d->number)
            {
              tags[t].docs = xgrow (tags[t].docs, &tags[t].docs_alloc,
                                    tags[t].ndocs + 1, sizeof *tags[t].docs);
              tags[t].docs[tags[t].ndocs++] = d->number;
            }
        }
    }
  for (size_t t = 0; t < ntags; t++)
    {
      if (o->json)
        {
          printf ("{\"tag\":");
          output_json_string (stdout, tags[t].name, strlen (tags[t].name));
          printf (",\"other\":");
          if (tags[t].other)
            output_json_string (stdout, tags[t].other, strlen (tags[t].other));
          else
            printf ("null");
          printf (",\"documents\":[");
          for (size_t k = 0; k < tags[t].ndocs; k++)
            printf ("%s%ld", k ? "," : "", tags[t].docs[k]);
          printf ("]}\n");
        }
      else
        {
          output_lang (o, tags[t].lang, tags[t].name, strlen (tags[t].name));
          if (tags[t].other)
            {
              fputs (" (", stdout);
              output_lang (o, lang_other (tags[t].lang), tags[t].other,
                        strlen (tags[t].other));
              putchar (')');
            }
          putchar ('\t');
          for (size_t k = 0; k < tags[t].ndocs; k++)
            printf ("%s%ld", k ? " " : "", tags[t].docs[k]);
          putchar ('\n');
        }
      free (tags[t].folded);
      free (tags[t].name);
      free (tags[t].other);
      free (tags[t].docs);
    }
  free (tags);
  free (slots);
  return ntags ? 0 : 1;
}

const struct cmd_entry cmd_tags_entry = {
  .name = "tags",
  .min_args = 0,
  .max_args = 0,
  .flags = CMD_LIBRARY,
  .exec = cmd_tags_exec,
};
