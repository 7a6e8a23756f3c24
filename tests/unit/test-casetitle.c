/* test-casetitle.c -- the procuratorate's name at the start of a title is
   left out beside the region column only when the region says it, in
   both languages, on the titles of the shipped collection.  */

#include <config.h>

#include <string.h>

#include "casetitle.h"
#include "tap.h"

static void
check (enum lang l, const char *title, const char *region, const char *want)
{
  size_t off = casetitle_skip (title, strlen (title), l, region,
                               strlen (region));
  tap_is (title + off, want, "beside '%s': '%s'", region, want);
}

int
main (void)
{
  check (LANG_ZH, "广西检察机关全面深化巡回检察赋能刑事执行检察高质量发展", "广西",
         "全面深化巡回检察赋能刑事执行检察高质量发展");
  check (LANG_ZH, "江苏省张家港市人民检察院深化检察权运行机制，精心打造专业化办案团队",
         "江苏张家港", "深化检察权运行机制，精心打造专业化办案团队");
  check (LANG_ZH, "内蒙古呼伦贝尔市检察院构建“邻近院一体化集中办案”模式",
         "内蒙古呼伦贝尔", "构建“邻近院一体化集中办案”模式");
  check (LANG_ZH, "河南省人民检察院从办理全国首起检察官惩戒案件入手 稳妥推进", "河南",
         "从办理全国首起检察官惩戒案件入手 稳妥推进");
  check (LANG_ZH, "最高检发布第三批全国检察机关检察改革典型案例", "全国",
         "最高检发布第三批全国检察机关检察改革典型案例");
  check (LANG_EN, "The People's Procuratorate of Zhangjiagang City, Jiangsu "
         "Province deepens the operation mechanism", "Zhangjiagang, Jiangsu",
         "deepens the operation mechanism");
  check (LANG_EN, "Inner Mongolia Hulunbuir Procuratorate builds a model",
         "Hulunbuir, Inner Mongolia", "builds a model");
  check (LANG_EN, "Guangxi procuratorial organs comprehensively deepen "
         "circuit inspection", "Guangxi",
         "comprehensively deepen circuit inspection");
  check (LANG_EN, "The People's Procuratorate of Henan Province, starting "
         "with the handling", "Henan", "starting with the handling");
  check (LANG_EN, "Supreme People's Procuratorate Releases Third Batch",
         "National", "Supreme People's Procuratorate Releases Third Batch");
  check (LANG_EN, "Guangxi procuratorial organs", "Guangxi",
         "Guangxi procuratorial organs");
  check (LANG_EN, "Procuratorate of Jilin", "", "Procuratorate of Jilin");
  return tap_done ();
}
