/* test-store-errors.c — a full disk, a damaged file: clear errors, nothing lost
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ipd-demo.h"
#include "ipd-error.h"
#include "ipd-store-private.h"
#include "ipd-test-util.h"

typedef struct {
  char *directory;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->directory = ipd_test_make_dir ("ipd-errors-XXXXXX");
  f->path = g_build_filename (f->directory, "register.sqlite", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  ipd_test_remove_dir (f->directory);
  g_free (f->directory);
  g_free (f->path);
}

static gint64
count_all (IpdStore *store)
{
  IpdQuery everything = { NULL };
  return ipd_store_count_dossiers (store, &everything, NULL);
}

static IpdDossier *
big_dossier (int i)
{
  g_autofree char *name = g_strdup_printf ("Nhãn hiệu thử %d", i);
  IpdDossier *d = ipd_dossier_new ("trademark", name);
  GString *goods = g_string_new (NULL);

  for (int k = 0; k < 200; k++)
    g_string_append_printf (goods, "Hàng hóa số %d; ", k);
  ipd_dossier_add_class (d, 30, goods->str);
  d->internal_note = g_string_free (goods, FALSE);
  return d;
}

/* SQLite reports a full disk as SQLITE_FULL; max_page_count makes the
 * register "full" without filling the machine's disk. */
static void
test_full_disk (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdStore) store = ipd_store_open (f->path, IPD_STORE_DEFAULT, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 saved = 0, page_count = 0;
  g_autofree char *limit = NULL;
  IpdStmt *stmt;

  g_assert_nonnull (store);
  stmt = ipd_store_prepare (store, "PRAGMA page_count", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page_count = sqlite3_column_int64 (stmt, 0);
  ipd_stmt_release (stmt);
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, page_count + 40);
  g_assert_true (ipd_store_exec (store, limit, NULL));

  for (int i = 0; i < 1000; i++)
    {
      g_autoptr(IpdDossier) d = big_dossier (i);
      if (!ipd_store_save_dossier (store, d, &error))
        {
          g_assert_cmpint (d->id, ==, 0);
          break;
        }
      saved++;
    }
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NO_SPACE);
  g_assert_true (strstr (error->message, "disk is full") != NULL);
  g_assert_cmpint (saved, >, 0);

  /* Everything saved before is there, the failed one is not, half of it neither. */
  g_assert_cmpint (count_all (store), ==, saved);
  g_assert_true (ipd_store_check (store, &problems, NULL));
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
make_register_with_demo (Fixture *f)
{
  g_autoptr(IpdStore) store = ipd_store_open (f->path, IPD_STORE_DEFAULT, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (store);
  g_assert_cmpint (ipd_demo_load (store, &error), ==, 11);
  g_assert_no_error (error);
  /* a self-contained file, as after a clean exit */
  g_assert_true (ipd_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
}

/* Garbage over the file's pages: opening or checking reports the damage. */
static void
test_damaged_file (Fixture *f, gconstpointer data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = NULL;

  make_register_with_demo (f);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16384);
  for (gsize i = 4096; i < length; i += 4096)
    memset (contents + i + 100, 0xA5, 300);
  g_assert_true (g_file_set_contents (f->path, contents, length, NULL));

  store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  if (store == NULL)
    {
      g_assert_true (error->domain == IPD_ERROR);
      g_assert_true (error->code == IPD_ERROR_CORRUPT || error->code == IPD_ERROR_NOT_A_REGISTER);
    }
  else
    {
      g_autoptr(GPtrArray) problems = NULL;
      gboolean whole = ipd_store_check (store, &problems, &error);
      g_assert_false (whole);
      g_assert_true (error != NULL || problems->len > 0);
    }
}

/* A file cut short (a copy that stopped half-way). */
static void
test_truncated_file (Fixture *f, gconstpointer data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = NULL;

  make_register_with_demo (f);
  g_assert_true (g_file_get_contents (f->path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (f->path, contents, length / 3, NULL));

  store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  if (store == NULL)
    g_assert_true (error->domain == IPD_ERROR && error->code != IPD_ERROR_FAILED);
  else
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GArray) ids = NULL;
      IpdQuery everything = { NULL };
      gboolean whole = ipd_store_check (store, &problems, &error);

      g_assert_false (whole);
      /* Reading what is left either works or says why. */
      g_clear_error (&error);
      ids = ipd_store_list_ids (store, &everything, &error);
      g_assert_true (ids != NULL || error->domain == IPD_ERROR);
    }
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/errors/full-disk", Fixture, NULL, fixture_set_up, test_full_disk, fixture_tear_down);
  g_test_add ("/store/errors/damaged-file", Fixture, NULL, fixture_set_up, test_damaged_file, fixture_tear_down);
  g_test_add ("/store/errors/truncated-file", Fixture, NULL, fixture_set_up, test_truncated_file, fixture_tear_down);
  return g_test_run ();
}
