/* oldnames.c -- older English spellings of China's places as pinyin.  */

#include <config.h>
#include "oldnames.h"

#include <stdlib.h>
#include <string.h>

/* Sorted by the older spelling (bsearch).  Every province, autonomous
   region and municipality, and cities whose older name is still read;
   one spelling a place, the postal one where it differs from
   Wade-Giles (Kwangsi, not Kuang-hsi), and Wade-Giles where English
   used it (Hopeh).  */
static const struct
{
  const char *old, *pinyin;
} names[] = {
  { "amoy", "xiamen" },
  { "anhwei", "anhui" },
  { "canton", "guangzhou" },
  { "chekiang", "zhejiang" },
  { "chungking", "chongqing" },
  { "foochow", "fuzhou" },
  { "fukien", "fujian" },
  { "hangchow", "hangzhou" },
  { "heilungkiang", "heilongjiang" },
  { "honan", "henan" },
  { "hopeh", "hebei" },
  { "hopei", "hebei" },
  { "hupeh", "hubei" },
  { "hupei", "hubei" },
  { "kansu", "gansu" },
  { "kiangsi", "jiangxi" },
  { "kiangsu", "jiangsu" },
  { "kirin", "jilin" },
  { "kwangsi", "guangxi" },
  { "kwangtung", "guangdong" },
  { "kweichow", "guizhou" },
  { "nanking", "nanjing" },
  { "ningsia", "ningxia" },
  { "peking", "beijing" },
  { "shansi", "shanxi" },
  { "shantung", "shandong" },
  { "shensi", "shaanxi" },
  { "sinkiang", "xinjiang" },
  { "soochow", "suzhou" },
  { "szechuan", "sichuan" },
  { "szechwan", "sichuan" },
  { "tientsin", "tianjin" },
  { "tsinan", "jinan" },
  { "tsinghai", "qinghai" },
  { "tsingtao", "qingdao" },
};

static int
compare_old (const void *key, const void *elem)
{
  return strcmp (key, *(const char *const *) elem);
}

const char *
oldnames_pinyin (const char *w)
{
  const char *const *found
    = bsearch (w, names, sizeof names / sizeof *names, sizeof *names,
               compare_old);
  return found ? found[1] : NULL;
}
