/* test-pinyin.c -- the readings of ideographs from the Unihan table:
   characters of one sound (tones aside, and any of a character's
   readings) are homophones, others and non-ideographs are not.  */

#include <config.h>

#include <stdlib.h>

#include "pinyin.h"
#include "tap.h"

int
main (void)
{
  tap_is (pinyin_readings (0x6743), "quan", "权 reads quan");
  tap_is (pinyin_readings (0x884C), "xing hang", "行 reads xing and hang");
  tap_is (pinyin_readings ('a'), "", "a letter has no reading");
  tap_is (pinyin_readings (0x20000), "", "nor a character past U+9FFF");
  tap_ok (pinyin_homophones (0x5168, 0x6743), "全 and 权 (quan)");
  tap_ok (pinyin_homophones (0x677E, 0x8BBC), "松 and 讼 (song, tones apart)");
  tap_ok (pinyin_homophones (0x822A, 0x884C), "航 and 行 (its second reading, hang)");
  tap_ok (pinyin_homophones (0x6E56, 0x864E), "湖 and 虎 (hu)");
  tap_ok (!pinyin_homophones (0x516D, 0x4E13), "六 and 专 are not");
  tap_ok (!pinyin_homophones (0x5750, 0x6253), "坐 and 打 are not");
  tap_ok (!pinyin_homophones ('a', 'a'), "letters are not");
  tap_ok (!pinyin_homophones (0x5973, 0x5974), "女 (nv) and 奴 (nu) are not");
  tap_ok (pinyin_near (0x5360, 0x6682), "占 (zhan) is near 暂 (zan)");
  tap_ok (pinyin_near (0x751F, 0x68EE), "生 (sheng) is near 森 (sen)");
  tap_ok (pinyin_near (0x5168, 0x6743), "homophones are near");
  tap_ok (!pinyin_near (0x5973, 0x5974), "女 (nv) and 奴 (nu) are not near");
  tap_ok (!pinyin_near (0x5750, 0x6253), "坐 (zuo) and 打 (da) are not near");
  tap_ok (!pinyin_near ('a', 'a'), "letters are not near");

  size_t n;
  ucs4_t *near = pinyin_near_all (0x5360, &n);
  int has_self = 0, has_zan = 0, has_da = 0, ordered = 1, all_near = 1;
  for (size_t i = 0; i < n; i++)
    {
      has_self |= near[i] == 0x5360;
      has_zan |= near[i] == 0x6682;
      has_da |= near[i] == 0x6253;
      ordered &= i == 0 || near[i - 1] < near[i];
      all_near &= pinyin_near (0x5360, near[i]);
    }
  tap_ok (n > 20 && has_self && has_zan, "占's near characters hold 占 and 暂");
  tap_ok (!has_da, "but not 打");
  tap_ok (ordered, "in the order of their code points");
  tap_ok (all_near, "and every one is near 占");
  size_t count = 0;
  for (ucs4_t c = 0x3400; c <= 0x9FFF; c++)
    count += pinyin_near (0x5360, c);
  tap_ok (count == n, "every character near 占 is listed");
  free (near);
  near = pinyin_near_all ('a', &n);
  tap_ok (near == NULL && n == 0, "a letter has none");

  tap_ok (pinyin_has_reading ("xing hang", "hang", 4), "hang is among xing hang");
  tap_ok (pinyin_has_reading ("xing hang", "xing", 4), "and so is xing");
  tap_ok (!pinyin_has_reading ("xing hang", "han", 3), "han is not: a reading whole");
  tap_ok (!pinyin_has_reading ("", "a", 1), "nor any in none");
  tap_ok (pinyin_is_syllable ("jian", 4), "jian is a syllable");
  tap_ok (pinyin_is_syllable ("lv", 2), "lv (ü written v) is");
  tap_ok (pinyin_is_syllable ("jianx", 4), "the first four bytes are");
  tap_ok (!pinyin_is_syllable ("jianx", 5), "jianx is not");
  tap_ok (!pinyin_is_syllable ("prison", 6), "prison is not");
  tap_ok (!pinyin_is_syllable ("n", 1), "n (嗯) is no syllable to read a word by");
  tap_ok (!pinyin_is_syllable ("", 0), "nor is nothing");
  return tap_done ();
}
