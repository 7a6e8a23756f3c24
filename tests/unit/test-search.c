/* test-search.c -- the finder and the checksum a search computes as it
   reads, and the literal a regex must contain.  Built three times: with
   the processor's best vector code, with SSE2 only, and with none; all
   three must find the same places and compute the same checksums, as a
   cache written by one may be read by another.  */

#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "search.h"
#include "util.h"
#include "tap.h"

/* The checksum as search.h defines it, one word at a time.  */
static uint64_t
reference_sum (const char *data, size_t len)
{
  uint64_t s[8] = { 0 };        /* four lanes, then their running sums */
  for (size_t i = 0; i < (len + 31) / 32; i++)
    {
      char block[32] = { 0 };
      size_t n = len - i * 32 < 32 ? len - i * 32 : 32;
      memcpy (block, data + i * 32, n);
      for (int k = 0; k < 4; k++)
        {
          uint64_t w;
          memcpy (&w, block + 8 * k, sizeof w);
          s[k] += w;
          s[4 + k] += s[k];
        }
    }
  return util_hash (len, s, sizeof s);
}

static size_t
naive_positions (const char *hay, size_t len, const char *needle, size_t n,
                 size_t *at)
{
  size_t count = 0;
  for (size_t p = 0; n > 0 && p + n <= len; p++)
    if (memcmp (hay + p, needle, n) == 0)
      at[count++] = p;
  return count;
}

/* Random text over a few bytes (so that needles occur often), some of
   them parts of Chinese characters.  */
static void
random_text (char *buf, size_t len, unsigned *seed)
{
  static const char alphabet[] = "ab \xe6\xa3\x80\xe5\xaf\x9f";
  for (size_t i = 0; i < len; i++)
    buf[i] = alphabet[rand_r (seed) % (sizeof alphabet - 1)];
}

static void
test_scan (void)
{
  unsigned seed = 7;
  char hay[600], needle[16];
  size_t want[600];
  int positions_ok = 1, sums_ok = 1, find_ok = 1;
  for (int round = 0; round < 3000; round++)
    {
      size_t len = (size_t) rand_r (&seed) % sizeof hay;
      size_t n = 1 + (size_t) rand_r (&seed) % (sizeof needle - 1);
      random_text (hay, len, &seed);
      if (len >= n && rand_r (&seed) % 2)
        memcpy (needle, hay + (size_t) rand_r (&seed) % (len - n + 1), n);
      else
        random_text (needle, n, &seed);
      struct search_finder f;
      search_finder_init (&f, needle, n);
      size_t *at = NULL, count = 0, alloc = 0;
      uint64_t sum = search_finder_scan (&f, hay, len, &at, &count, &alloc);
      size_t expected = naive_positions (hay, len, needle, n, want);
      if (count != expected || (count && memcmp (at, want, count * sizeof *at)))
        {
          if (positions_ok)
            printf ("# round %d: %zu places, expected %zu\n", round, count, expected);
          positions_ok = 0;
        }
      if (sum != reference_sum (hay, len) || sum != search_text_sum (hay, len))
        sums_ok = 0;
      const char *first = search_finder_find (&f, hay, len);
      if (expected ? first != hay + want[0] : first != NULL)
        find_ok = 0;
      free (at);
    }
  tap_ok (positions_ok, "the scan finds every place a needle stands, overlapping too");
  tap_ok (sums_ok, "its checksum is the one search_text_sum and the definition give");
  tap_ok (find_ok, "search_finder_find finds the first place");

  /* Damage is noticed: a changed byte anywhere, words swapped, a byte
     cut off.  */
  char text[200];
  random_text (text, sizeof text, &seed);
  uint64_t sum = search_text_sum (text, sizeof text);
  int flips = 1;
  for (size_t i = 0; i < sizeof text; i++)
    {
      text[i] ^= 0x20;
      flips &= search_text_sum (text, sizeof text) != sum;
      text[i] ^= 0x20;
    }
  tap_ok (flips, "changing any byte changes the checksum");
  char swapped[200];
  memcpy (swapped, text, sizeof text);
  memcpy (swapped, text + 32, 8);
  memcpy (swapped + 32, text, 8);
  tap_ok (memcmp (swapped, text, 40) == 0
          || search_text_sum (swapped, sizeof swapped) != sum,
          "moving words about changes it");
  tap_ok (search_text_sum (text, sizeof text - 1) != sum, "so does cutting a byte off");
}

static void
literal_is (const char *pattern, const char *want)
{
  char *got = query_regex_literal (pattern, strlen (pattern));
  if (want == NULL)
    tap_ok (got == NULL, "/%s/ has no literal (got %s)", pattern, got ? got : "none");
  else
    tap_is (got, want, "/%s/ begins with \"%s\"", pattern, want);
  free (got);
}

static void
test_literal (void)
{
  literal_is ("检察[官长]", "检察");
  literal_is ("^检察官", "检察官");
  literal_is ("检察?", "检");
  literal_is ("检察*院", "检");
  literal_is ("检察{0,1}", "检");
  literal_is ("检察+", "检察");
  literal_is ("检\\.察", "检.察");
  literal_is ("（一）", "（一）");
  literal_is ("12-34", "12-34");
  literal_is ("Inspection", "Inspection");
  literal_is ("检察(a|b)", "检察");
  literal_is ("检察[|]", "检察");
  /* Nothing is required, or case might change it.  */
  literal_is ("检察|官", NULL);
  literal_is ("a|检察", NULL);
  literal_is ("(检察)", NULL);
  literal_is ("[检]察", NULL);
  literal_is ("inspect\\w+", NULL);
  literal_is ("ok", NULL);
  literal_is ("\\d{3},\\d{3}", NULL);
  literal_is ("\\Q检察\\E", NULL);
  literal_is ("检", "检");
  literal_is ("a", NULL);
}

int
main (void)
{
  test_scan ();
  test_literal ();
  return tap_done ();
}
