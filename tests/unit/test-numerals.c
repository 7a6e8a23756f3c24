/* test-numerals.c -- numbers in Chinese words read as digits: what is a
   number beyond doubt is read, whole, and a numeral that may be a word
   is left alone.  */

#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "numerals.h"
#include "tap.h"

/* S read as digits, or "-" when nothing in it is read.  */
static const char *
read_as (const char *s)
{
  static char *last;
  free (last);
  last = numerals_to_digits (s, NULL, NULL);
  return last ? last : "-";
}

/* S's digits as words, or "-".  */
static const char *
words_as (const char *s, int two)
{
  static char *last;
  free (last);
  last = numerals_to_words (s, two);
  return last ? last : "-";
}

int
main (void)
{
  tap_is (read_as ("二百零八名检察官"), "208名检察官", "二百零八 is 208");
  /* 两 alone counts two; so do 小时, 对 and 大 after one numeral.  */
  tap_is (read_as ("两起"), "2起", "两 alone before a counted word is 2");
  tap_is (read_as ("两小时"), "2小时", "两小时 is 2小时");
  tap_is (read_as ("三小"), "-", "小 alone is a word after a numeral");
  tap_is (read_as ("七对"), "7对", "seven pairs");
  tap_is (read_as ("五大系统"), "5大系统", "five major systems");
  tap_is (read_as ("十九大"), "-", "十九大 is a name still");
  tap_is (read_as ("两"), "-", "两 alone is no number");
  tap_is (words_as ("第15条", 0), "第十五条", "15 against ideographs is 十五");
  tap_is (words_as ("19大", 0), "十九大", "19 is 十九");
  tap_is (words_as ("第8检察部", 0), "第八检察部", "a lone digit");
  tap_is (words_as ("115人", 0), "一百一十五人", "一百一十五, with its 一十");
  tap_is (words_as ("105人", 0), "一百零五人", "零 between");
  tap_is (words_as ("2级", 1), "两级", "two levels are 两级");
  tap_is (words_as ("2个", 1), "两个", "two of them 两个");
  tap_is (words_as ("2个", 0), "二个", "or 二 when not asked for 两");
  tap_is (words_as ("第2条", 1), "第二条", "an ordinal is 第二");
  tap_is (words_as ("2月", 1), "二月", "a month 二月");
  tap_is (words_as ("2022年", 0), "-", "a year stays in digits");
  tap_is (words_as ("3.5亿", 0), "-", "a fraction stays");
  tap_is (words_as ("a3级", 0), "-", "a number in a word stays");
  tap_is (words_as ("05号", 0), "-", "a leading zero stays");
  tap_is (words_as ("15 days", 0), "-", "digits not against ideographs stay");
  tap_is (words_as ("50%的", 0), "-", "a percentage stays");
  tap_is (words_as ("附件2", 1), "附件二", "a 2 that ends the word counts nothing");

  tap_is (read_as ("一千二百一十七册"), "1217册", "一千二百一十七 is 1217");
  tap_is (read_as ("十四"), "14", "十 begins a number alone");
  tap_is (read_as ("三十五点四"), "35.4", "a fraction after 点");
  tap_is (read_as ("百分之三十五点四"), "35.4%", "百分之 is %%");
  tap_is (read_as ("百分之十九"), "19%", "百分之十九 is 19%%");
  tap_is (read_as ("七月十四日"), "7月14日", "a month and its day");
  tap_is (read_as ("十二月五号"), "12月5号", "a day before 号");
  tap_is (read_as ("二〇二一年十一月"), "2021年11月", "a year digit by digit");
  tap_is (read_as ("二零二一年"), "2021年", "零 as 〇");
  tap_is (read_as ("两千"), "2000", "两 before a unit");
  tap_is (read_as ("一亿两千万"), "120000000", "万 and 亿");
  tap_is (read_as ("一百零五"), "105", "零 between");
  tap_is (read_as ("ab三十cd"), "ab30cd", "amid other text");
  tap_is (read_as ("统一"), "-", "one numeral in a word is a word");
  /* One numeral counting what follows is a number (5名 in the texts),
     but not 一 ("a"), an ordinal, a day, nor before 分 or 天.  */
  tap_is (read_as ("五名检察官"), "5名检察官", "one numeral counting people");
  tap_is (read_as ("十项"), "10项", "ten items");
  tap_is (read_as ("九项"), "9项", "nine items");
  tap_is (read_as ("一名"), "-", "一 before a measure word is \"a\"");
  tap_is (read_as ("一起"), "-", "一起 is together");
  tap_is (read_as ("第三名"), "-", "an ordinal stays");
  tap_is (read_as ("初五"), "-", "a day of the month stays");
  tap_is (read_as ("十分"), "-", "十分 (very) stays");
  tap_is (read_as ("三天两头"), "-", "三天 stays");
  tap_is (read_as ("第三批"), "-", "nor is an ordinal's");
  tap_is (read_as ("百姓"), "-", "nor a unit alone");
  tap_is (read_as ("一一"), "-", "two digits may be a word (一一)");
  tap_is (read_as ("五四"), "-", "or a name (五四)");
  tap_is (read_as ("三三两两"), "-", "两 spells no digit");
  tap_is (read_as ("一百五"), "-", "一百五 is 150 to some and 105 to none");
  tap_is (read_as ("三五百"), "-", "two digits before a unit are no number");
  tap_is (read_as ("一五一十"), "-", "an idiom of numerals is none");
  tap_is (read_as ("十四五规划"), "-", "nor a name of digits after a unit");
  tap_is (read_as ("万一"), "-", "万 begins no number");
  tap_is (read_as ("千万"), "-", "nor does 千 alone");
  tap_is (read_as ("十百"), "-", "units must fall");
  tap_is (read_as ("五点"), "-", "点 with no digit after it is no fraction");
  tap_is (read_as ("百分之"), "-", "百分之 with no number");
  tap_is (read_as (""), "-", "nothing");
  tap_is (read_as ("一万亿亿"), "-", "亿 twice");
  tap_is (read_as ("统一月"), "-", "the 一 of 统一 before 月 is no month");
  tap_is (read_as ("2021年七月"), "2021年7月", "a month after 年 is one");
  tap_is (read_as ("一百零"), "-", "零 ends no number");
  tap_is (read_as ("零十"), "-", "nor begins one with units");
  tap_is (read_as ("一点一滴"), "-", "一点一滴 is no fraction");
  tap_is (read_as ("三点一刻"), "-", "nor is a quarter past three");
  tap_is (read_as ("百分之十几"), "-", "a guess (十几) is no number");
  tap_is (read_as ("党的十九大"), "-", "a number that names (十九大) stays");
  tap_is (read_as ("三十而立"), "-", "as does one in a saying");
  tap_is (read_as ("第十五条"), "第15条", "before a measure word it is read");
  tap_is (read_as ("二十多名"), "20多名", "and before 多");

  struct numeral *v;
  size_t n;
  char *d = numerals_to_digits ("百分之十九和二百零八", &v, &n);
  tap_is (d, "19%和208", "two numbers in one text");
  tap_ok (n == 2, "both are listed (%zu)", n);
  if (n == 2)
    {
      tap_is (v[0].words, "百分之十九", "the first as typed");
      tap_is (v[0].digits, "19%", "its digits");
      tap_is (v[0].number, "19", "its number without %%");
      tap_is (v[1].words, "二百零八", "the second as typed");
      tap_is (v[1].number, "208", "and its number");
    }
  numerals_free (v, n);
  free (d);
  d = numerals_to_digits ("统一", &v, &n);
  tap_ok (d == NULL && v == NULL && n == 0, "none: NULL and no list");
  read_as ("");                 /* frees the last */
  return tap_done ();
}
