/* test-pinyin.c -- the readings of ideographs from the Unihan table:
   characters of one sound (tones aside, and any of a character's
   readings) are homophones, others and non-ideographs are not.  */

#include <config.h>

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
  return tap_done ();
}
