/* xml.h -- the part of libxml2 that import uses, opened when first
   needed.  libxml2 brings ICU and the C++ runtime, whose loading cost
   1.3 ms at every start of the program, a tenth of a search that finds
   nothing; only importing an HTML page needs it.  (Built where the
   library's file name could not be found, it is linked as usual.)  */

#ifndef CASEBOOK_XML_H
#define CASEBOOK_XML_H

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

/* Make the functions below usable.  Returns 0, or -1 with *CAUSE
   (caller frees) when libxml2 cannot be loaded.  */
int xml_load (char **cause);

/* libxml2's functions of the same names, after xml_load.  */
htmlDocPtr xml_html_read_memory (const char *buffer, int size,
                                 const char *encoding, int options);
void xml_free_doc (xmlDocPtr doc);
xmlNode *xml_root (xmlDocPtr doc);
xmlChar *xml_get_prop (const xmlNode *node, const char *name);
xmlChar *xml_node_content (const xmlNode *node);
long xml_line (const xmlNode *node);
/* Free what xml_get_prop and xml_node_content return (NULL is fine).  */
void xml_free (xmlChar *p);

#endif /* CASEBOOK_XML_H */
