/* test-file.c — files written whole or not at all (ipd-file.c)
 *
 * A full disk is made in check-export.py and test-cli.c (a small tmpfs in
 * a namespace); here, the other ways a write fails, and what must be left
 * after each: the earlier file untouched, no temporary file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "ipd-error.h"
#include "ipd-file.h"
#include "ipd-test-util.h"

typedef struct {
  char *dir;
  char *path;   /* the destination, in dir */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = ipd_test_make_dir ("file-XXXXXX");
  f->path = g_build_filename (f->dir, "copy.pdf", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  ipd_test_remove_dir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static char *
contents_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* The names in @dir, sorted, joined by spaces. */
static char *
names_in (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_names (const char *dir, const char *expected)
{
  g_autofree char *names = names_in (dir);

  g_assert_cmpstr (names, ==, expected);
}

/* Writes "%PDF-1.7" after checking that the temporary file still has the
 * usual permissions (0666 less the umask at @data). */
static gboolean
write_while_writable (const char *tmp_path, gpointer data, GError **error)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (tmp_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~*(mode_t *) data);
  return g_file_set_contents (tmp_path, "%PDF-1.7", -1, error);
}

static void
test_new_and_replaced (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) first = g_bytes_new_static ("%PDF-1.7 first", 14);
  g_autoptr(GBytes) second = g_bytes_new_static ("%PDF-1.7 the second copy", 24);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *again = NULL;
  mode_t mask = umask (022);
  GStatBuf st;

  umask (mask);
  g_assert_true (ipd_file_replace_bytes (f->path, first, NULL, &error));
  g_assert_no_error (error);
  text = contents_of (f->path);
  g_assert_cmpstr (text, ==, "%PDF-1.7 first");
  /* the usual permissions, not a temporary file's 0600 */
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);

  /* a file replaced keeps the permissions it was given */
  g_assert_cmpint (g_chmod (f->path, 0640), ==, 0);
  g_assert_true (ipd_file_replace_bytes (f->path, second, NULL, &error));
  again = contents_of (f->path);
  g_assert_cmpstr (again, ==, "%PDF-1.7 the second copy");
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0640);
  /* even read-only to its owner: the new file is written first (the
   * tests run as root, whom a read-only file would not stop: the write
   * looks at the permissions itself), then given the earlier file's */
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  g_assert_true (ipd_file_replace (f->path, write_while_writable, &mask, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0444);
  assert_names (f->dir, "copy.pdf");
}

static gboolean
write_half_then_fail (const char *tmp_path, gpointer data, GError **error)
{
  g_autoptr(GError) local = NULL;

  g_assert_true (g_str_has_suffix (tmp_path, ".part"));
  g_assert_true (g_file_set_contents (tmp_path, "%PDF-1.7 half", -1, &local));
  g_set_error_literal (error, IPD_ERROR, IPD_ERROR_NO_SPACE, g_strerror (ENOSPC));
  return FALSE;
}

static void
test_failed_write_keeps_earlier (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL, *expected = NULL;

  g_assert_true (g_file_set_contents (f->path, "earlier", -1, NULL));
  g_assert_false (ipd_file_replace (f->path, write_half_then_fail, NULL, NULL, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NO_SPACE);
  expected = g_strdup_printf ("Could not write “%s”: %s", f->path, g_strerror (ENOSPC));
  g_assert_cmpstr (error->message, ==, expected);
  text = contents_of (f->path);
  g_assert_cmpstr (text, ==, "earlier");
  assert_names (f->dir, "copy.pdf");

  /* no earlier file: none is left */
  g_assert_cmpint (g_unlink (f->path), ==, 0);
  g_clear_error (&error);
  g_assert_false (ipd_file_replace (f->path, write_half_then_fail, NULL, NULL, &error));
  assert_names (f->dir, "");
}

static gboolean
write_and_cancel (const char *tmp_path, gpointer data, GError **error)
{
  g_cancellable_cancel (data);
  return g_file_set_contents (tmp_path, "%PDF-1.7 cancelled", -1, error);
}

static void
test_cancelled_keeps_earlier (Fixture *f, gconstpointer data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static ("new", 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (f->path, "earlier", -1, NULL));
  g_assert_false (ipd_file_replace (f->path, write_and_cancel, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* already cancelled: nothing is even made */
  g_clear_error (&error);
  g_assert_false (ipd_file_replace_bytes (f->path, bytes, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  text = contents_of (f->path);
  g_assert_cmpstr (text, ==, "earlier");
  assert_names (f->dir, "copy.pdf");
}

static void
test_missing_folder_and_folder_in_the_way (Fixture *f, gconstpointer data)
{
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "copy.pdf", NULL);
  g_autofree char *expected = g_strdup_printf ("Could not write “%s”: %s", missing, g_strerror (ENOENT));
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF", 4);
  g_autoptr(GError) error = NULL;

  g_assert_false (ipd_file_replace_bytes (missing, bytes, NULL, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* a folder of the destination's name: the rename fails, the temporary file goes */
  g_assert_cmpint (g_mkdir (f->path, 0700), ==, 0);
  g_assert_false (ipd_file_replace_bytes (f->path, bytes, NULL, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "Could not write “"));
  assert_names (f->dir, "copy.pdf");
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_DIR));
}

typedef struct {
  gboolean done, ok;
  GError  *error;
} Saving;

static void
on_saved (GObject *source, GAsyncResult *result, gpointer data)
{
  Saving *saving = data;

  saving->ok = ipd_file_save_bytes_finish (G_FILE (source), result, &saving->error);
  saving->done = TRUE;
}

static void
test_save_async (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.7 saved", 14);
  g_autofree char *text = NULL;
  Saving saving = { FALSE, FALSE, NULL };

  ipd_file_save_bytes_async (file, bytes, NULL, on_saved, &saving);
  while (!saving.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (saving.error);
  g_assert_true (saving.ok);
  text = contents_of (f->path);
  g_assert_cmpstr (text, ==, "%PDF-1.7 saved");
  assert_names (f->dir, "copy.pdf");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/file/new-and-replaced", Fixture, NULL, fixture_set_up, test_new_and_replaced, fixture_tear_down);
  g_test_add ("/file/failed-write-keeps-earlier", Fixture, NULL, fixture_set_up,
              test_failed_write_keeps_earlier, fixture_tear_down);
  g_test_add ("/file/cancelled-keeps-earlier", Fixture, NULL, fixture_set_up,
              test_cancelled_keeps_earlier, fixture_tear_down);
  g_test_add ("/file/missing-folder", Fixture, NULL, fixture_set_up,
              test_missing_folder_and_folder_in_the_way, fixture_tear_down);
  g_test_add ("/file/save-async", Fixture, NULL, fixture_set_up, test_save_async, fixture_tear_down);
  return g_test_run ();
}
