/* oldnames.h -- China's provinces, regions and great cities as English
   wrote them before pinyin (the postal and Wade-Giles spellings:
   Sinkiang, Kwangsi, Shantung, Peking), read as their pinyin names
   (Xinjiang, Guangxi, Shandong, Beijing), so that a reader of older
   sources finds the places of the texts.  */

#ifndef CASEBOOK_OLDNAMES_H
#define CASEBOOK_OLDNAMES_H

/* The pinyin name, in lower case, of the place whose older spelling is
   W (folded: lower case), or NULL.  Static; do not free.  */
const char *oldnames_pinyin (const char *w);

#endif
