/* pinyin.h -- the Mandarin readings of ideographs, to tell a slip of a
   pinyin input method (权 typed as 全, both quan) from a different word
   (六 for 专).  From the Unihan database, without tones.  */

#ifndef CASEBOOK_PINYIN_H
#define CASEBOOK_PINYIN_H

#include <stddef.h>
#include <unitypes.h>

/* Do ideographs A and B share a reading, tones aside?  0 when either
   has no reading known (outside U+3400 to U+9FFF, or not an
   ideograph).  */
int pinyin_homophones (ucs4_t a, ucs4_t b);

/* Do A and B share a reading as a fuzzy pinyin input method takes it
   (zh, ch, sh as z, c, s; -ng as -n: 占 zhan for 暂 zan), tones aside?
   Every pair of homophones is near.  */
int pinyin_near (ucs4_t a, ucs4_t b);

/* The ideographs near UC (pinyin_near), UC among them, in the order of
   their code points; their number in *N.  NULL, and *N 0, when UC has no
   reading known.  Caller frees.  */
ucs4_t *pinyin_near_all (ucs4_t uc, size_t *n);

/* The readings of UC, without tones and separated by spaces ("xing
   hang"), or "" when none is known.  Static; do not free.  */
const char *pinyin_readings (ucs4_t uc);

/* Is the reading R (N bytes, toneless, ü written v) among READINGS,
   which pinyin_readings gives?  */
int pinyin_has_reading (const char *readings, const char *r, size_t n);

/* Is R (N bytes) the reading of some ideograph, tones aside: a syllable
   of pinyin as the table knows them ("jian", "lv"; not "n" or "m",
   which only interjections read)?  */
int pinyin_is_syllable (const char *r, size_t n);

#endif /* CASEBOOK_PINYIN_H */
