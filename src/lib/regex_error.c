/* regex_error.c -- PCRE2's error messages in the reader's language.

   PCRE2 has no message catalogue of its own: a reader of the Chinese
   interface would otherwise be told in English what is wrong with the
   regex typed.  The English here is PCRE2's own wording (10.42), so
   that it reads the same in either version.  */

#include <config.h>
#include "regex_error.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

#include "i18n.h"
#include "util.h"

static const struct
{
  int code;
  const char *message;
} messages[] = {
  { PCRE2_ERROR_END_BACKSLASH, N_("\\ at end of pattern") },
  { PCRE2_ERROR_UNKNOWN_ESCAPE, N_("unrecognized character follows \\") },
  { PCRE2_ERROR_QUANTIFIER_OUT_OF_ORDER,
    N_("numbers out of order in {} quantifier") },
  { PCRE2_ERROR_QUANTIFIER_TOO_BIG, N_("number too big in {} quantifier") },
  { PCRE2_ERROR_MISSING_SQUARE_BRACKET,
    N_("missing terminating ] for character class") },
  { PCRE2_ERROR_ESCAPE_INVALID_IN_CLASS,
    N_("escape sequence is invalid in character class") },
  { PCRE2_ERROR_CLASS_RANGE_ORDER,
    N_("range out of order in character class") },
  { PCRE2_ERROR_QUANTIFIER_INVALID,
    N_("quantifier does not follow a repeatable item") },
  { PCRE2_ERROR_INVALID_AFTER_PARENS_QUERY,
    N_("unrecognized character after (? or (?-") },
  { PCRE2_ERROR_POSIX_CLASS_NOT_IN_CLASS,
    N_("POSIX named classes are supported only within a class") },
  { PCRE2_ERROR_POSIX_NO_SUPPORT_COLLATING,
    N_("POSIX collating elements are not supported") },
  { PCRE2_ERROR_MISSING_CLOSING_PARENTHESIS,
    N_("missing closing parenthesis") },
  { PCRE2_ERROR_BAD_SUBPATTERN_REFERENCE,
    N_("reference to non-existent subpattern") },
  { PCRE2_ERROR_MISSING_COMMENT_CLOSING, N_("missing ) after (?# comment") },
  { PCRE2_ERROR_PARENTHESES_NEST_TOO_DEEP,
    N_("parentheses are too deeply nested") },
  { PCRE2_ERROR_PATTERN_TOO_LARGE, N_("regular expression is too large") },
  { PCRE2_ERROR_UNMATCHED_CLOSING_PARENTHESIS,
    N_("unmatched closing parenthesis") },
  { PCRE2_ERROR_MISSING_CONDITION_CLOSING,
    N_("missing closing parenthesis for condition") },
  { PCRE2_ERROR_LOOKBEHIND_NOT_FIXED_LENGTH,
    N_("lookbehind assertion is not fixed length") },
  { PCRE2_ERROR_UNKNOWN_POSIX_CLASS, N_("unknown POSIX class name") },
  { PCRE2_ERROR_CODE_POINT_TOO_BIG,
    N_("character code point value in \\x{} or \\o{} is too large") },
  { PCRE2_ERROR_LOOKBEHIND_TOO_COMPLICATED,
    N_("lookbehind is too complicated") },
  { PCRE2_ERROR_UNSUPPORTED_ESCAPE_SEQUENCE,
    N_("PCRE2 does not support \\F, \\L, \\l, \\N{name}, \\U, or \\u") },
  { PCRE2_ERROR_MALFORMED_UNICODE_PROPERTY,
    N_("malformed \\P or \\p sequence") },
  { PCRE2_ERROR_UNKNOWN_UNICODE_PROPERTY,
    N_("unknown property after \\P or \\p") },
  { PCRE2_ERROR_CLASS_INVALID_RANGE, N_("invalid range in character class") },
  { PCRE2_ERROR_BACKSLASH_O_MISSING_BRACE,
    N_("missing opening brace after \\o") },
  { PCRE2_ERROR_BACKSLASH_G_SYNTAX,
    N_("\\g is not followed by a braced, angle-bracketed, or quoted "
       "name/number or by a plain number") },
  { PCRE2_ERROR_INVALID_OCTAL,
    N_("non-octal character in \\o{} (closing brace missing?)") },
  { PCRE2_ERROR_INVALID_HEXADECIMAL,
    N_("non-hex character in \\x{} (closing brace missing?)") },
  { PCRE2_ERROR_BACKSLASH_C_SYNTAX,
    N_("\\c must be followed by a printable ASCII character") },
  { PCRE2_ERROR_MISSING_OCTAL_OR_HEX_DIGITS,
    N_("digits missing in \\x{} or \\o{} or \\N{U+}") },
  { PCRE2_ERROR_PATTERN_TOO_COMPLICATED,
    N_("regular expression is too complicated") },
  { PCRE2_ERROR_LOOKBEHIND_TOO_LONG, N_("lookbehind assertion is too long") },
  { PCRE2_ERROR_BACKSLASH_K_IN_LOOKAROUND,
    N_("\\K is not allowed in lookarounds (but see "
       "PCRE2_EXTRA_ALLOW_LOOKAROUND_BSK)") },
  /* Matching.  */
  { PCRE2_ERROR_MATCHLIMIT, N_("match limit exceeded") },
  { PCRE2_ERROR_DEPTHLIMIT,
    N_("nested recursion at the same subject position") },
  { PCRE2_ERROR_HEAPLIMIT, N_("heap limit exceeded") },
  { PCRE2_ERROR_NOMEMORY, N_("no more memory") },
};

char *
regex_error_message (int code)
{
  for (size_t i = 0; i < sizeof messages / sizeof *messages; i++)
    if (messages[i].code == code)
      return xstrdup (_(messages[i].message));
  PCRE2_UCHAR msg[256];
  if (pcre2_get_error_message (code, msg, sizeof msg) < 0)
    return xasprintf (_("PCRE2 error %d"), code);
  return xstrdup ((const char *) msg);
}
