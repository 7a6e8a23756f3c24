/* regex_error.h -- PCRE2's error messages in the reader's language.  */

#ifndef CASEBOOK_REGEX_ERROR_H
#define CASEBOOK_REGEX_ERROR_H

/* What PCRE2's error CODE (from pcre2_compile or pcre2_match) means:
   translated for the errors a person typing a regex makes or meets,
   PCRE2's own English for the rest (internal errors, options casebook
   never sets).  Caller frees.  */
char *regex_error_message (int code);

#endif /* CASEBOOK_REGEX_ERROR_H */
