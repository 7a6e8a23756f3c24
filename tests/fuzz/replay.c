/* replay.c -- a main() for the fuzz targets without libFuzzer, so that
   `make check` replays the committed corpus with any compiler (and under
   the sanitizers in the --enable-sanitizers build).  With no arguments it
   runs every file of tests/fuzz/corpus/FUZZ_CORPUS once, speaking TAP; with
   arguments, those files.  A target aborts on a broken promise, so a
   failing input ends the run: the last "# replaying" line names it.  */

#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv) __attribute__ ((weak));

static int
compare_names (const void *a, const void *b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

int
main (int argc, char **argv)
{
  if (LLVMFuzzerInitialize)
    LLVMFuzzerInitialize (&argc, &argv);
  char **files = NULL;
  size_t nfiles = 0, alloc = 0;
  if (argc > 1)
    for (int i = 1; i < argc; i++)
      {
        files = xgrow (files, &alloc, nfiles + 1, sizeof *files);
        files[nfiles++] = xstrdup (argv[i]);
      }
  else
    {
      const char *dir = ABS_SRCDIR "/tests/fuzz/corpus/" FUZZ_CORPUS;
      DIR *dh = opendir (dir);
      if (dh == NULL)
        {
          printf ("Bail out! %s: %s\n", dir, strerror (errno));
          return 1;
        }
      struct dirent *de;
      while ((de = readdir (dh)) != NULL)
        if (de->d_name[0] != '.')
          {
            files = xgrow (files, &alloc, nfiles + 1, sizeof *files);
            files[nfiles++] = util_path_join (dir, de->d_name);
          }
      closedir (dh);
      if (nfiles > 1)
        qsort (files, nfiles, sizeof *files, compare_names);
    }
  printf ("1..%zu\n", nfiles);
  int failed = 0;
  for (size_t i = 0; i < nfiles; i++)
    {
      const char *base = strrchr (files[i], '/');
      base = base ? base + 1 : files[i];
      printf ("# replaying %s\n", files[i]);
      fflush (stdout);
      size_t len;
      char *data = util_read_file (files[i], &len);
      if (data == NULL)
        {
          printf ("not ok %zu - %s: %s\n", i + 1, base, strerror (errno));
          failed = 1;
        }
      else
        {
          LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
          printf ("ok %zu - %s/%s\n", i + 1, FUZZ_CORPUS, base);
        }
      free (data);
      free (files[i]);
    }
  free (files);
  return failed;
}
