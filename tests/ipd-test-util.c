/* ipd-test-util.c — what the tests share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ipd-test-util.h"

/* A fresh temporary directory, e.g. "ipd-list-XXXXXX". */
char *
ipd_test_make_dir (const char *name_template)
{
  g_autoptr(GError) error = NULL;
  char *directory = g_dir_make_tmp (name_template, &error);

  g_assert_no_error (error);
  return directory;
}

/* Removes a test's directory and what is in it (a register, its WAL, a
 * compiled locale's folders). */
void
ipd_test_remove_dir (const char *directory)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (directory == NULL)
    return;
  dir = g_dir_open (directory, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (directory, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        ipd_test_remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (directory);
}
