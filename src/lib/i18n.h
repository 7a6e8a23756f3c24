/* i18n.h -- gettext macros.  Case text never goes through these: only
   the interface's own strings do.  */

#ifndef CASEBOOK_I18N_H
#define CASEBOOK_I18N_H

#if ENABLE_NLS
# include <libintl.h>
# define _(s) gettext (s)
#else
# define _(s) ((const char *) (s))
# define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) s

#endif /* CASEBOOK_I18N_H */
