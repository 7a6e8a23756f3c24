/* casetitle.h -- a case's title as a list shows it beside the region
   column: without the leading procuratorate's name when the region
   already says where the case is from ("广西检察机关全面深化巡回检察…"
   beside 广西 reads "全面深化巡回检察…").  Curses-free, for both front
   ends.  */

#ifndef CASEBOOK_CASETITLE_H
#define CASEBOOK_CASETITLE_H

#include <stddef.h>

#include "model.h"

/* How many bytes of TITLE (LEN bytes, in language L) name the
   procuratorate and can be left out beside REGION (RLEN bytes, the
   case's region in L): 0 when the title does not start with a
   procuratorate's name that contains the region.  */
size_t casetitle_skip (const char *title, size_t len, enum lang l,
                       const char *region, size_t rlen);

#endif /* CASEBOOK_CASETITLE_H */
