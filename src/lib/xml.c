/* xml.c -- see xml.h.  */

#include <config.h>

#include "xml.h"

#include <string.h>

#include "i18n.h"
#include "util.h"

#ifdef LIBXML2_SONAME
# include <dlfcn.h>

static struct
{
  int tried, loaded;
  void (*init_parser) (void);
  htmlDocPtr (*read_memory) (const char *, int, const char *, const char *,
                             int);
  void (*free_doc) (xmlDocPtr);
  xmlNode *(*root) (const xmlDoc *);
  xmlChar *(*get_prop) (const xmlNode *, const xmlChar *);
  xmlChar *(*content) (const xmlNode *);
  long (*line) (const xmlNode *);
  xmlFreeFunc *free;            /* libxml2's variable xmlFree */
  char *why;                    /* why it could not be loaded */
} lib;

int
xml_load (char **cause)
{
  if (!lib.tried)
    {
      lib.tried = 1;
      /* Never closed: a library with a C++ runtime keeps state until
         exit.  */
      void *h = dlopen (LIBXML2_SONAME, RTLD_NOW | RTLD_LOCAL);
      static const char *const names[] = {
        "xmlInitParser", "htmlReadMemory", "xmlFreeDoc",
        "xmlDocGetRootElement", "xmlGetProp", "xmlNodeGetContent",
        "xmlGetLineNo", "xmlFree"
      };
      enum { N = sizeof names / sizeof *names };
      void *sym[N] = { NULL };
      int found = h != NULL;
      for (size_t i = 0; found && i < N; i++)
        found = (sym[i] = dlsym (h, names[i])) != NULL;
      if (found)
        {
          /* (ISO C has no cast from an object pointer to a function.)  */
          memcpy (&lib.init_parser, &sym[0], sizeof lib.init_parser);
          memcpy (&lib.read_memory, &sym[1], sizeof lib.read_memory);
          memcpy (&lib.free_doc, &sym[2], sizeof lib.free_doc);
          memcpy (&lib.root, &sym[3], sizeof lib.root);
          memcpy (&lib.get_prop, &sym[4], sizeof lib.get_prop);
          memcpy (&lib.content, &sym[5], sizeof lib.content);
          memcpy (&lib.line, &sym[6], sizeof lib.line);
          lib.free = sym[7];
          lib.init_parser ();
          lib.loaded = 1;
        }
      else
        {
          const char *why = dlerror ();
          lib.why = xstrdup (why ? why : "?");
        }
    }
  if (!lib.loaded)
    {
      *cause = xasprintf (_("cannot load %s, which reads HTML pages: %s"),
                          LIBXML2_SONAME, lib.why);
      return -1;
    }
  return 0;
}

htmlDocPtr
xml_html_read_memory (const char *buffer, int size, const char *encoding,
                      int options)
{
  return lib.read_memory (buffer, size, NULL, encoding, options);
}

void
xml_free_doc (xmlDocPtr doc)
{
  lib.free_doc (doc);
}

xmlNode *
xml_root (xmlDocPtr doc)
{
  return lib.root (doc);
}

xmlChar *
xml_get_prop (const xmlNode *node, const char *name)
{
  return lib.get_prop (node, (const xmlChar *) name);
}

xmlChar *
xml_node_content (const xmlNode *node)
{
  return lib.content (node);
}

long
xml_line (const xmlNode *node)
{
  return lib.line (node);
}

void
xml_free (xmlChar *p)
{
  if (p)
    (*lib.free) (p);
}

#else /* linked */

int
xml_load (char **cause)
{
  (void) cause;
  xmlInitParser ();
  return 0;
}

htmlDocPtr
xml_html_read_memory (const char *buffer, int size, const char *encoding,
                      int options)
{
  return htmlReadMemory (buffer, size, NULL, encoding, options);
}

void
xml_free_doc (xmlDocPtr doc)
{
  xmlFreeDoc (doc);
}

xmlNode *
xml_root (xmlDocPtr doc)
{
  return xmlDocGetRootElement (doc);
}

xmlChar *
xml_get_prop (const xmlNode *node, const char *name)
{
  return xmlGetProp (node, (const xmlChar *) name);
}

xmlChar *
xml_node_content (const xmlNode *node)
{
  return xmlNodeGetContent (node);
}

long
xml_line (const xmlNode *node)
{
  return xmlGetLineNo (node);
}

void
xml_free (xmlChar *p)
{
  if (p)
    xmlFree (p);
}

#endif
