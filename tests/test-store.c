/* test-store.c — the register: opening, migrations, dossiers, search,
 * events, attachments, audit, backups, concurrency and crash safety
 *
 * Every test works in its own temporary directory. Where a test needs to
 * see what is really in the file, it reads it with the sqlite3 C API,
 * independently of the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "ipd-date.h"
#include "ipd-error.h"
#include "ipd-store.h"
#include "ipd-store-private.h"
#include "ipd-text.h"
#include "ipd-vocabulary.h"

/* Fixture ------------------------------------------------------------------------- */

typedef struct {
  char     *dir;
  char     *path;
  IpdStore *store;
} Fixture;

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      GDir *dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      if (dir != NULL)
        g_dir_close (dir);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_set_up_closed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("ipd-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "register.sqlite", NULL);
  f->store = NULL;
}

static void
fixture_set_up_open (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  fixture_set_up_closed (f, data);
  f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

static void
reopen (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

/* The file, read without the store ---------------------------------------------------- */

static sqlite3 *
raw_open (const char *path, gboolean create)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0), NULL);

  if (rc != SQLITE_OK)
    g_error ("sqlite3_open_v2 (%s): %s", path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_busy_timeout (db, 10000);
  return db;
}

static void
raw_exec (const char *path, const char *sql)
{
  sqlite3 *db = raw_open (path, FALSE);
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* Returns the SQLite result code instead of failing. */
static int
raw_try_exec (const char *path, const char *sql)
{
  sqlite3 *db = raw_open (path, FALSE);
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  sqlite3_close (db);
  return rc;
}

static gint64
raw_int (const char *path, const char *sql)
{
  sqlite3 *db = raw_open (path, FALSE);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("%s: no row (%s)", sql, sqlite3_errmsg (db));
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
raw_text (const char *path, const char *sql)
{
  sqlite3 *db = raw_open (path, FALSE);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
file_sha256 (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static gboolean
sibling_exists (const char *path, const char *suffix)
{
  g_autofree char *sibling = g_strconcat (path, suffix, NULL);
  return g_file_test (sibling, G_FILE_TEST_EXISTS);
}

/* Helpers on the store ------------------------------------------------------------- */

static int
current_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_get_year (now);
}

/* A date @days from today, written the Vietnamese way. */
static char *
date_from_today (int days)
{
  g_autofree char *today = ipd_date_today ();
  g_autoptr(GDate) date = ipd_date_to_gdate (today);

  if (days >= 0)
    g_date_add_days (date, days);
  else
    g_date_subtract_days (date, -days);
  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

static void
save_ok (IpdStore *store, IpdDossier *d)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = ipd_store_save_dossier (store, d, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpint (d->id, >, 0);
  g_assert_nonnull (d->reference);
}

static IpdDossier *
save_new (IpdStore *store, const char *kind, const char *name, const char *app_number,
          const char *filing_date)
{
  IpdDossier *d = ipd_dossier_new (kind, name);

  d->app_number = g_strdup (app_number);
  d->filing_date = g_strdup (filing_date);
  save_ok (store, d);
  return d;
}

static gint64
save_party (IpdStore *store, const char *name, const char *type)
{
  g_autoptr(IpdParty) p = ipd_party_new (name, type);
  g_autoptr(GError) error = NULL;

  g_assert_true (ipd_store_save_party (store, p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p->id, >, 0);
  return p->id;
}

static IpdDossier *
load_ok (IpdStore *store, gint64 id)
{
  g_autoptr(GError) error = NULL;
  IpdDossier *d = ipd_store_load_dossier (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (d);
  return d;
}

static gint64
count_all (IpdStore *store)
{
  IpdQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 n = ipd_store_count_dossiers (store, &query, &error);

  g_assert_no_error (error);
  return n;
}

static GArray *
list_ok (IpdStore *store, const IpdQuery *query)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = ipd_store_list_ids (store, query, &error);
  gint64 count;

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  count = ipd_store_count_dossiers (store, query, &error);
  g_assert_no_error (error);
  if (query->limit == 0)
    g_assert_cmpint (count, ==, (gint64) ids->len);
  return ids;
}

static GArray *
search (IpdStore *store, const char *text)
{
  IpdQuery query = { 0 };

  query.text = text;
  return list_ok (store, &query);
}

static int
compare_int64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y ? 1 : 0;
}

static char *
ids_to_string (GArray *ids)
{
  g_autoptr(GArray) sorted = g_array_copy (ids);
  GString *text = g_string_new (NULL);

  g_array_sort (sorted, compare_int64);
  for (guint i = 0; i < sorted->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (sorted, gint64, i));
  return g_string_free (text, FALSE);
}

/* The expected set of ids, ended by 0, as ids_to_string() writes it.
 * Interned, so that it can be written inline in an assertion. */
static const char *
expected_ids (gint64 first, ...)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, first);
  for (gint64 id = first; id != 0; id = va_arg (args, gint64))
    g_array_append_val (ids, id);
  va_end (args);
  text = ids_to_string (ids);
  return g_intern_string (text);
}

static void
assert_search (IpdStore *store, const char *text, const char *expected)
{
  g_autoptr(GArray) ids = search (store, text);
  g_autofree char *got = ids_to_string (ids);

  if (g_strcmp0 (got, expected) != 0)
    g_error ("search “%s”: got ids {%s}, expected {%s}", text, got, expected);
}

static void
assert_check_clean (IpdStore *store)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = ipd_store_check (store, &problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      IpdProblem *problem = g_ptr_array_index (problems, i);
      g_test_message ("problem: %s: %s", problem->field, problem->message);
    }
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (ok);
}

static void
assert_dossiers_equal (const IpdDossier *a, const IpdDossier *b)
{
#define EQ(field) g_assert_cmpstr (a->field, ==, b->field)
  g_assert_cmpint (a->id, ==, b->id);
  EQ (reference); EQ (kind); EQ (name); EQ (status); EQ (app_number); EQ (filing_date);
  EQ (priority_country); EQ (priority_number); EQ (priority_date); EQ (decision_number);
  EQ (decision_date); EQ (certificate_number); EQ (grant_date); EQ (expiry_date);
  EQ (officer); EQ (programme); EQ (internal_note); EQ (public_note); EQ (vienna_codes);
  EQ (colour_claim); EQ (mark_image_sha256); EQ (regulation_ref); EQ (foreign_protection);
  EQ (created_at); EQ (updated_at); EQ (deleted_at);
#undef EQ
  g_assert_cmpint (a->app_number_override != FALSE, ==, b->app_number_override != FALSE);
  g_assert_cmpint (a->support_amount, ==, b->support_amount);

  g_assert_cmpuint (a->aliases->len, ==, b->aliases->len);
  for (guint i = 0; i < a->aliases->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a->aliases, i), ==, g_ptr_array_index (b->aliases, i));

  g_assert_cmpuint (a->classes->len, ==, b->classes->len);
  for (guint i = 0; i < a->classes->len; i++)
    {
      IpdNiceClass *x = g_ptr_array_index (a->classes, i), *y = g_ptr_array_index (b->classes, i);
      g_assert_cmpint (x->number, ==, y->number);
      g_assert_cmpstr (x->goods, ==, y->goods);
    }

  g_assert_cmpuint (a->products->len, ==, b->products->len);
  for (guint i = 0; i < a->products->len; i++)
    g_assert_cmpstr (g_ptr_array_index (a->products, i), ==, g_ptr_array_index (b->products, i));

  g_assert_cmpuint (a->characteristics->len, ==, b->characteristics->len);
  for (guint i = 0; i < a->characteristics->len; i++)
    {
      IpdCharacteristic *x = g_ptr_array_index (a->characteristics, i);
      IpdCharacteristic *y = g_ptr_array_index (b->characteristics, i);
      g_assert_cmpstr (x->product, ==, y->product);
      g_assert_cmpstr (x->indicator, ==, y->indicator);
      g_assert_cmpstr (x->value, ==, y->value);
      g_assert_cmpstr (x->unit, ==, y->unit);
    }

  g_assert_cmpuint (a->area->len, ==, b->area->len);
  for (guint i = 0; i < a->area->len; i++)
    {
      IpdAreaUnit *x = g_ptr_array_index (a->area, i), *y = g_ptr_array_index (b->area, i);
      g_assert_cmpstr (x->as_written, ==, y->as_written);
      g_assert_cmpstr (x->commune, ==, y->commune);
      g_assert_cmpstr (x->province, ==, y->province);
    }

  g_assert_cmpuint (a->parties->len, ==, b->parties->len);
  for (guint i = 0; i < a->parties->len; i++)
    {
      IpdDossierParty *x = g_ptr_array_index (a->parties, i), *y = g_ptr_array_index (b->parties, i);
      g_assert_cmpint (x->party_id, ==, y->party_id);
      g_assert_cmpstr (x->role, ==, y->role);
      g_assert_cmpstr (x->party_name, ==, y->party_name);
    }
}

static void assert_audit_ok (IpdStore *store);

static void
assert_reference_format (const char *reference, const char *prefix)
{
  g_autofree char *pattern = g_strdup_printf ("^%s-%d-[0-9]{4}$", prefix, current_year ());

  if (!g_regex_match_simple (pattern, reference, 0, 0))
    g_error ("reference “%s” does not match %s", reference, pattern);
}

/* Opening ------------------------------------------------------------------------ */

static void
test_open_creates_register (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nested = g_build_filename (f->dir, "a", "b", "register.sqlite", NULL);
  g_autoptr(IpdStore) other = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *collator = NULL;
  g_autofree char *current_collator = ipd_text_collator_version ();
  g_autoptr(IpdDossier) d = NULL;
  gint64 id;

  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (ipd_store_get_schema_version (f->store), ==, IPD_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (ipd_store_get_path (f->store), ==, f->path);
  g_assert_false (ipd_store_is_read_only (f->store));
  g_assert_cmpint (count_all (f->store), ==, 0);

  /* what the file says about itself, read independently */
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, IPD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (f->path, "PRAGMA application_id"), ==, 0x49504453);
  journal = raw_text (f->path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM kind"), ==, 4);
  g_assert_cmpint (raw_int (f->path, "SELECT term_years FROM kind WHERE code = 'trademark'"), ==, 10);
  g_assert_cmpint (raw_int (f->path, "SELECT term_years FROM kind WHERE code = 'gi'"), ==, 0);
  collator = ipd_store_dup_setting (f->store, "collator_version");
  g_assert_cmpstr (collator, ==, current_collator);
  assert_check_clean (f->store);

  d = save_new (f->store, IPD_KIND_TRADEMARK, "Hạt Giổi", NULL, NULL);
  id = d->id;

  /* reopen */
  reopen (f);
  g_assert_cmpint (ipd_store_get_schema_version (f->store), ==, IPD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_all (f->store), ==, 1);
  {
    g_autoptr(IpdDossier) back = load_ok (f->store, id);
    g_assert_cmpstr (back->name, ==, "Hạt Giổi");
  }
  assert_check_clean (f->store);

  /* a register in a folder that does not exist yet */
  other = ipd_store_open (nested, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (other);
  g_assert_cmpint (ipd_store_get_schema_version (other), ==, IPD_STORE_SCHEMA_VERSION);
}

static void
test_open_read_only_missing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = ipd_store_open (f->path, IPD_STORE_READ_ONLY, &error);

  g_assert_null (store);
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_open_empty_file (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdDossier) d = NULL;

  g_assert_true (g_file_set_contents (f->path, "", 0, &error));
  g_assert_no_error (error);
  f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  g_assert_cmpint (ipd_store_get_schema_version (f->store), ==, IPD_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (f->path, "PRAGMA application_id"), ==, 0x49504453);
  d = save_new (f->store, IPD_KIND_GI, "Tân Cương", NULL, NULL);
  assert_check_clean (f->store);
}

static void
test_open_refuses_newer (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = NULL;
  g_autoptr(IpdDossier) d = NULL;
  g_autofree char *before = NULL, *after = NULL;

  f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  d = save_new (f->store, IPD_KIND_TRADEMARK, "Nếp Tan Pỏm", NULL, NULL);
  g_clear_object (&f->store);

  raw_exec (f->path, "PRAGMA user_version = 99");
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, 99);
  g_assert_false (sibling_exists (f->path, "-wal"));
  before = file_sha256 (f->path);

  store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "99"));
  g_clear_error (&error);
  after = file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (sibling_exists (f->path, "-wal"));
  g_assert_false (sibling_exists (f->path, "-journal"));
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, 99);
}

/* The same through a read-only connection (the front desk): refused, and
 * nothing written beside the file either. */
static void
test_open_refuses_newer_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = NULL;
  g_autoptr(IpdDossier) d = NULL;
  g_autofree char *before = NULL, *after = NULL;

  f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  d = save_new (f->store, IPD_KIND_TRADEMARK, "Nếp Tan Pỏm", NULL, NULL);
  g_clear_object (&f->store);
  raw_exec (f->path, "PRAGMA user_version = 99");
  g_assert_false (sibling_exists (f->path, "-wal"));
  before = file_sha256 (f->path);

  store = ipd_store_open (f->path, IPD_STORE_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NEWER_VERSION);
  after = file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (sibling_exists (f->path, "-wal"));
  g_assert_false (sibling_exists (f->path, "-shm"));
}

static void
test_open_refuses_text_file (Fixture *f, gconstpointer data)
{
  const char *letter = "Kính gửi Cục Sở hữu trí tuệ,\nThis is a letter, not a register.\n";
  g_autofree char *short_path = g_build_filename (f->dir, "short.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = NULL;
  g_autofree char *before = NULL, *after = NULL, *short_before = NULL, *short_after = NULL;

  g_assert_true (g_file_set_contents (f->path, letter, -1, NULL));
  before = file_sha256 (f->path);
  store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_A_REGISTER);
  g_clear_error (&error);
  after = file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (sibling_exists (f->path, "-wal"));
  g_assert_false (sibling_exists (f->path, "-shm"));
  g_assert_false (sibling_exists (f->path, "-journal"));

  /* shorter than SQLite's header */
  g_assert_true (g_file_set_contents (short_path, "SQLite", -1, NULL));
  short_before = file_sha256 (short_path);
  store = ipd_store_open (short_path, IPD_STORE_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_A_REGISTER);
  short_after = file_sha256 (short_path);
  g_assert_cmpstr (short_before, ==, short_after);
}

static void
test_open_refuses_foreign_database (Fixture *f, gconstpointer data)
{
  sqlite3 *db = raw_open (f->path, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = NULL;
  g_autofree char *before = NULL, *after = NULL;

  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE foo (x TEXT); INSERT INTO foo VALUES ('bar')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = file_sha256 (f->path);

  store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_A_REGISTER);
  g_clear_error (&error);
  after = file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (sibling_exists (f->path, "-wal"));
  g_assert_false (sibling_exists (f->path, "-journal"));

  store = ipd_store_open (f->path, IPD_STORE_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_A_REGISTER);
  g_free (after);
  after = file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM sqlite_master"), ==, 1);
}

/* Migrations ---------------------------------------------------------------------- */

/* A register of format @version with one dossier (and its party and
 * product) written in raw SQL of that format, then opened by this version. */
static void
migrate_with_dossier (Fixture *f, int version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) old = NULL;
  g_autoptr(IpdStore) ro = NULL;
  g_autoptr(IpdDossier) d = NULL;
  g_autoptr(IpdDossier) fresh = NULL;
  g_autofree char *before = NULL, *after = NULL;
  char *message = NULL;
  const char *insert =
    "INSERT INTO party (id, name, type, commune, province, created_at, updated_at)"
    "  VALUES (7, 'HTX Lan Hưng', 'cooperative', 'Phường Lâm Viên', 'Tỉnh Lâm Đồng',"
    "          '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');"
    "INSERT INTO dossier (id, reference, kind, name, aliases, app_number, filing_date, created_at, updated_at)"
    "  VALUES (42, 'OLD-2020-0001', 'gi', 'Đà Lạt', 'Hoa Đà Lạt', '6-2020-00012', '2020-05-04',"
    "          '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');"
    "INSERT INTO gi_product (dossier_id, position, name) VALUES (42, 0, 'Chè Ô long');"
    "INSERT INTO dossier_party (dossier_id, party_id, role, position) VALUES (42, 7, 'managing_org', 0);";

  old = ipd_store_open_at_version (f->path, version, &error);
  g_assert_no_error (error);
  g_assert_nonnull (old);
  g_assert_cmpint (ipd_store_get_schema_version (old), ==, version);
  g_assert_cmpint (raw_int (f->path, "PRAGMA user_version"), ==, version);

  /* raw SQL in that version's schema, on the connection of that version */
  if (sqlite3_exec (old->db, insert, NULL, NULL, &message) != SQLITE_OK)
    g_error ("inserting into a format-%d register: %s", version, message);
  /* from format 2 on, the program filled the search text on every save */
  if (version >= 2)
    g_assert_true (ipd_store_refresh_search (old, 42, NULL));
  g_clear_object (&old);

  /* an outdated register cannot be opened read-only, and is left alone */
  before = file_sha256 (f->path);
  ro = ipd_store_open (f->path, IPD_STORE_READ_ONLY, &error);
  g_assert_null (ro);
  g_assert_error (error, IPD_ERROR, IPD_ERROR_READ_ONLY);
  g_clear_error (&error);
  after = file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);

  f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  g_assert_cmpint (ipd_store_get_schema_version (f->store), ==, IPD_STORE_SCHEMA_VERSION);

  d = load_ok (f->store, 42);
  g_assert_cmpstr (d->reference, ==, "OLD-2020-0001");
  g_assert_cmpstr (d->name, ==, "Đà Lạt");
  g_assert_cmpstr (d->kind, ==, IPD_KIND_GI);
  g_assert_cmpstr (d->status, ==, IPD_STATUS_PREPARING);
  g_assert_cmpstr (d->filing_date, ==, "2020-05-04");
  g_assert_cmpuint (d->aliases->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (d->aliases, 0), ==, "Hoa Đà Lạt");
  g_assert_cmpuint (d->products->len, ==, 1);
  g_assert_cmpuint (d->parties->len, ==, 1);
  g_assert_cmpstr (ipd_dossier_first_party_name (d, IPD_ROLE_MANAGING_ORG), ==, "HTX Lan Hưng");

  /* the search text was built for the old rows */
  g_assert_cmpint (raw_int (f->path, "SELECT search_text IS NOT NULL AND sort_key IS NOT NULL FROM dossier WHERE id = 42"), ==, 1);
  assert_search (f->store, "da lat", "42");
  assert_search (f->store, "Đà Lạt", "42");
  assert_search (f->store, "o long", "42");
  assert_search (f->store, "lan hung", "42");
  assert_search (f->store, "6-2020-00012", "42");
  /* and the address and products the registers print (format 9) */
  {
    g_autofree char *printed = raw_text (f->path, "SELECT applicant_address || ' | ' || products_text"
                                                  " FROM dossier WHERE id = 42");
    g_assert_cmpstr (printed, ==, "Phường Lâm Viên, Tỉnh Lâm Đồng | Chè Ô long");
  }
  {
    g_autoptr(IpdDossier) by_ref = ipd_store_find_dossier (f->store, "OLD-2020-0001", &error);
    g_assert_no_error (error);
    g_assert_cmpint (by_ref->id, ==, 42);
  }

  /* the upgraded register works like a new one */
  fresh = save_new (f->store, IPD_KIND_TRADEMARK, "Đà Lạt Xanh", NULL, "01/02/2024");
  {
    const char *both = expected_ids (42, fresh->id, (gint64) 0);
    assert_search (f->store, "da lat", both);
  }
  {
    gint64 bad = -1;
    g_assert_true (ipd_store_verify_audit (f->store, &bad, &error));
    g_assert_no_error (error);
    g_assert_cmpint (bad, ==, 0);
  }
  assert_check_clean (f->store);

  /* and it opens again without migrating */
  reopen (f);
  g_assert_cmpint (count_all (f->store), ==, 2);
  assert_check_clean (f->store);
  g_clear_object (&f->store);
}

/* Each earlier format in its own file of the fixture's folder. */
static void
use_file_for_version (Fixture *f, int version)
{
  g_clear_object (&f->store);
  g_free (f->path);
  f->path = g_strdup_printf ("%s/register-v%d.sqlite", f->dir, version);
  g_test_message ("from format %d", version);
}

static void
test_migrate_with_dossier (Fixture *f, gconstpointer data)
{
  for (int version = 1; version < IPD_STORE_SCHEMA_VERSION; version++)
    {
      use_file_for_version (f, version);
      migrate_with_dossier (f, version);
    }
}

/* Format 0 is a database with nothing in it yet. */
static void
test_migrate_empty_register (Fixture *f, gconstpointer data)
{
  for (int version = 0; version < IPD_STORE_SCHEMA_VERSION; version++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IpdStore) old = NULL;
      g_autoptr(IpdDossier) d = NULL;

      use_file_for_version (f, version);
      old = ipd_store_open_at_version (f->path, version, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ipd_store_get_schema_version (old), ==, version);
      g_clear_object (&old);

      f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ipd_store_get_schema_version (f->store), ==, IPD_STORE_SCHEMA_VERSION);
      g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM kind"), ==, 4);
      d = save_new (f->store, IPD_KIND_GI, "Đà Lạt", NULL, NULL);
      assert_search (f->store, "da lat", expected_ids (d->id, (gint64) 0));
      assert_audit_ok (f->store);
      assert_check_clean (f->store);
    }
}



/* Dossiers ------------------------------------------------------------------------- */

static const guint8 png_bytes[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
  0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde, 0, 0xff, 0x10,
};

static gint64
save_full_party (IpdStore *store)
{
  g_autoptr(IpdParty) p = ipd_party_new ("  HTX Nông nghiệp Liên Sơn ", "cooperative");
  g_autoptr(IpdParty) back = NULL;
  g_autoptr(GError) error = NULL;

  p->address = g_strdup ("Xóm Liên Sơn, xã Tân Cương, TP Thái Nguyên (cũ)");
  p->commune = g_strdup ("xã Tân Cương");
  p->province = g_strdup ("Thái Nguyên");
  p->tax_code = g_strdup ("4600123456");
  p->phone = g_strdup ("0208 3 123 456");
  p->email = g_strdup ("htx.lienson@example.vn");
  g_assert_true (ipd_store_save_party (store, p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p->id, >, 0);

  back = ipd_store_load_party (store, p->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->id, ==, p->id);
  g_assert_cmpstr (back->name, ==, "HTX Nông nghiệp Liên Sơn");
  g_assert_cmpstr (back->type, ==, "cooperative");
  g_assert_cmpstr (back->address, ==, "Xóm Liên Sơn, xã Tân Cương, TP Thái Nguyên (cũ)");
  g_assert_cmpstr (back->commune, ==, "xã Tân Cương");
  g_assert_cmpstr (back->province, ==, "Thái Nguyên");
  g_assert_cmpstr (back->tax_code, ==, "4600123456");
  g_assert_cmpstr (back->phone, ==, "0208 3 123 456");
  g_assert_cmpstr (back->email, ==, "htx.lienson@example.vn");
  return p->id;
}

static void
test_dossier_trademark (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_TRADEMARK, "  Thịt lợn Trà xanh Thái Nguyên  ");
  g_autoptr(IpdDossier) back = NULL;
  g_autoptr(GBytes) image = g_bytes_new_static (png_bytes, sizeof png_bytes);
  g_autoptr(GBytes) image_back = NULL;
  g_autofree char *image_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, image);
  g_autoptr(GPtrArray) summaries = NULL;
  IpdDossierSummary *row;
  gint64 applicant = save_full_party (f->store);
  gint64 agent = save_party (f->store, "Công ty Luật TNHH Sở hữu trí tuệ Việt", "enterprise");

  ipd_dossier_add_alias (d, "Lợn trà xanh");
  ipd_dossier_add_alias (d, "Thit lon Tra xanh");
  d->app_number = g_strdup (" 4-2025-20619 ");
  d->filing_date = g_strdup ("19/08/2025");
  d->priority_country = g_strdup ("JP");
  d->priority_number = g_strdup ("2025-012345");
  d->priority_date = g_strdup ("2025-03-01");
  d->decision_number = g_strdup ("559/QĐ-SHTT");
  d->decision_date = g_strdup ("20.10.2025");
  d->certificate_number = g_strdup ("512345");
  d->grant_date = g_strdup ("05/11/2025");
  d->officer = g_strdup ("Nguyễn Văn An");
  d->programme = g_strdup ("Nghị quyết 09/2019/NQ-HĐND");
  d->support_amount = 60000000;
  d->internal_note = g_strdup ("Ghi chú nội bộ: chưa nộp phí");
  d->public_note = g_strdup ("Đang thẩm định");
  d->vienna_codes = g_strdup ("05.03.11; 26.01.01");
  d->colour_claim = g_strdup ("Xanh lá, vàng");
  d->mark_image = g_bytes_ref (image);
  ipd_dossier_add_class (d, 29, "Thịt lợn; thịt chế biến");
  ipd_dossier_add_class (d, 35, "Quảng cáo; mua bán thịt lợn");
  ipd_dossier_add_party (d, applicant, IPD_ROLE_APPLICANT, "HTX Nông nghiệp Liên Sơn");
  ipd_dossier_add_party (d, agent, "representative", "Công ty Luật TNHH Sở hữu trí tuệ Việt");

  save_ok (f->store, d);
  assert_reference_format (d->reference, "IPD");
  g_assert_cmpstr (d->status, ==, IPD_STATUS_PREPARING);
  g_assert_cmpstr (d->expiry_date, ==, "2035-08-19");
  g_assert_nonnull (d->created_at);
  g_assert_nonnull (d->updated_at);
  g_assert_null (d->deleted_at);
  g_assert_cmpstr (d->mark_image_sha256, ==, image_sha);

  back = load_ok (f->store, d->id);
  /* what was entered, as the register keeps it */
  g_assert_cmpstr (back->kind, ==, IPD_KIND_TRADEMARK);
  g_assert_cmpstr (back->name, ==, "Thịt lợn Trà xanh Thái Nguyên");
  g_assert_cmpstr (back->app_number, ==, "4-2025-20619");
  g_assert_cmpstr (back->filing_date, ==, "2025-08-19");
  g_assert_cmpstr (back->priority_country, ==, "JP");
  g_assert_cmpstr (back->priority_number, ==, "2025-012345");
  g_assert_cmpstr (back->priority_date, ==, "2025-03-01");
  g_assert_cmpstr (back->decision_number, ==, "559/QĐ-SHTT");
  g_assert_cmpstr (back->decision_date, ==, "2025-10-20");
  g_assert_cmpstr (back->certificate_number, ==, "512345");
  g_assert_cmpstr (back->grant_date, ==, "2025-11-05");
  g_assert_cmpstr (back->expiry_date, ==, "2035-08-19");
  g_assert_cmpstr (back->officer, ==, "Nguyễn Văn An");
  g_assert_cmpstr (back->programme, ==, "Nghị quyết 09/2019/NQ-HĐND");
  g_assert_cmpint (back->support_amount, ==, 60000000);
  g_assert_cmpstr (back->internal_note, ==, "Ghi chú nội bộ: chưa nộp phí");
  g_assert_cmpstr (back->public_note, ==, "Đang thẩm định");
  g_assert_cmpstr (back->vienna_codes, ==, "05.03.11; 26.01.01");
  g_assert_cmpstr (back->colour_claim, ==, "Xanh lá, vàng");
  g_assert_cmpstr (back->mark_image_sha256, ==, image_sha);
  g_assert_null (back->regulation_ref);
  g_assert_null (back->foreign_protection);
  g_assert_false (back->app_number_override);
  g_assert_cmpuint (back->aliases->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (back->aliases, 0), ==, "Lợn trà xanh");
  g_assert_cmpstr (g_ptr_array_index (back->aliases, 1), ==, "Thit lon Tra xanh");
  g_assert_cmpuint (back->classes->len, ==, 2);
  g_assert_cmpint (((IpdNiceClass *) g_ptr_array_index (back->classes, 0))->number, ==, 29);
  g_assert_cmpstr (((IpdNiceClass *) g_ptr_array_index (back->classes, 0))->goods, ==, "Thịt lợn; thịt chế biến");
  g_assert_cmpint (((IpdNiceClass *) g_ptr_array_index (back->classes, 1))->number, ==, 35);
  g_assert_cmpuint (back->parties->len, ==, 2);
  g_assert_cmpstr (ipd_dossier_first_party_name (back, IPD_ROLE_APPLICANT), ==, "HTX Nông nghiệp Liên Sơn");
  g_assert_cmpstr (ipd_dossier_first_party_name (back, "representative"), ==, "Công ty Luật TNHH Sở hữu trí tuệ Việt");
  g_assert_cmpuint (back->products->len, ==, 0);
  /* and every field as the saved dossier holds it */
  assert_dossiers_equal (d, back);

  image_back = ipd_store_load_blob (f->store, back->mark_image_sha256, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (image, image_back));

  {
    g_autoptr(IpdDossier) by_ref = ipd_store_find_dossier (f->store, d->reference, &error);
    g_autoptr(IpdDossier) by_number = NULL;
    g_assert_no_error (error);
    assert_dossiers_equal (d, by_ref);
    by_number = ipd_store_find_dossier (f->store, "4-2025-20619", &error);
    g_assert_no_error (error);
    g_assert_cmpint (by_number->id, ==, d->id);
    g_assert_null (ipd_store_find_dossier (f->store, "IPD-1999-9999", &error));
    g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  summaries = ipd_store_load_summaries (f->store, &d->id, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summaries->len, ==, 1);
  row = g_ptr_array_index (summaries, 0);
  g_assert_cmpint (row->id, ==, d->id);
  g_assert_cmpstr (row->reference, ==, d->reference);
  g_assert_cmpstr (row->kind, ==, IPD_KIND_TRADEMARK);
  g_assert_cmpstr (row->name, ==, "Thịt lợn Trà xanh Thái Nguyên");
  g_assert_cmpstr (row->applicant, ==, "HTX Nông nghiệp Liên Sơn");
  g_assert_cmpstr (row->app_number, ==, "4-2025-20619");
  g_assert_cmpstr (row->filing_date, ==, "2025-08-19");
  g_assert_cmpstr (row->status, ==, IPD_STATUS_PREPARING);
  g_assert_cmpstr (row->certificate_number, ==, "512345");

  assert_check_clean (f->store);
}

static void
test_dossier_collective_certification (Fixture *f, gconstpointer data)
{
  gint64 owner = save_party (f->store, "Hội Chè Thái Nguyên", "agency");
  gint64 certifier = save_party (f->store, "Sở KH&CN tỉnh Lai Châu", "agency");
  g_autoptr(IpdDossier) coll = ipd_dossier_new (IPD_KIND_COLLECTIVE, "Chè Thái Nguyên");
  g_autoptr(IpdDossier) cert = ipd_dossier_new (IPD_KIND_CERTIFICATION, "Chanh leo Lai Châu");
  g_autoptr(IpdDossier) coll_back = NULL, cert_back = NULL;

  coll->app_number = g_strdup ("4-2021-12345");
  coll->filing_date = g_strdup ("15/03/2021");
  coll->regulation_ref = g_strdup ("Quy chế sử dụng số 12/QC-HH");
  ipd_dossier_add_class (coll, 30, "Chè");
  ipd_dossier_add_party (coll, owner, IPD_ROLE_OWNER, "Hội Chè Thái Nguyên");
  save_ok (f->store, coll);

  cert->app_number = g_strdup ("4-2022-00077");
  cert->filing_date = g_strdup ("2022-07-01");
  cert->regulation_ref = g_strdup ("QĐ 45/QĐ-SKHCN");
  ipd_dossier_add_class (cert, 31, "Chanh leo tươi");
  ipd_dossier_add_party (cert, certifier, IPD_ROLE_OWNER, "Sở KH&CN tỉnh Lai Châu");
  save_ok (f->store, cert);

  coll_back = load_ok (f->store, coll->id);
  cert_back = load_ok (f->store, cert->id);
  g_assert_cmpstr (coll_back->kind, ==, IPD_KIND_COLLECTIVE);
  g_assert_cmpstr (coll_back->regulation_ref, ==, "Quy chế sử dụng số 12/QC-HH");
  g_assert_cmpstr (coll_back->expiry_date, ==, "2031-03-15");
  g_assert_cmpstr (ipd_dossier_first_party_name (coll_back, IPD_ROLE_OWNER), ==, "Hội Chè Thái Nguyên");
  g_assert_cmpstr (cert_back->kind, ==, IPD_KIND_CERTIFICATION);
  g_assert_cmpstr (cert_back->regulation_ref, ==, "QĐ 45/QĐ-SKHCN");
  g_assert_cmpstr (cert_back->expiry_date, ==, "2032-07-01");
  g_assert_cmpuint (cert_back->classes->len, ==, 1);
  g_assert_cmpint (((IpdNiceClass *) g_ptr_array_index (cert_back->classes, 0))->number, ==, 31);
  assert_dossiers_equal (coll, coll_back);
  assert_dossiers_equal (cert, cert_back);
  g_assert_cmpstr (coll->reference, !=, cert->reference);
  assert_check_clean (f->store);
}

static void
test_dossier_gi (Fixture *f, gconstpointer data)
{
  gint64 managing = save_party (f->store, "Sở Khoa học và Công nghệ tỉnh Lai Châu", "agency");
  g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_GI, "Lai Châu");
  g_autoptr(IpdDossier) back = NULL;
  g_autoptr(GError) error = NULL;
  IpdCharacteristic *c;
  IpdAreaUnit *u;

  d->app_number = g_strdup ("6-2023-00012");
  d->filing_date = g_strdup ("12/06/2023");
  d->decision_number = g_strdup ("559/QĐ-SHTT");
  d->decision_date = g_strdup ("19/08/2025");
  d->certificate_number = g_strdup ("00146");
  d->grant_date = g_strdup ("19/08/2025");
  d->foreign_protection = g_strdup ("EU");
  ipd_dossier_add_product (d, "Chè xanh");
  ipd_dossier_add_product (d, "Chè Ô long");
  ipd_dossier_add_product (d, "Chè Đông phương mỹ nhân");
  ipd_dossier_add_characteristic (d, "Chè xanh", "Axit glutamic", "≥ 5,34", "g/100 g");
  ipd_dossier_add_characteristic (d, "Chè Ô long", "Axit glutamic", "≥ 4,24", "g/100 g");
  ipd_dossier_add_characteristic (d, NULL, "Độ cao vùng chè Shan", "1.200–2.500", "m");
  ipd_dossier_add_area_unit (d, "thành phố Lai Châu (cũ)", NULL, "Lai Châu");
  ipd_dossier_add_area_unit (d, "huyện Tam Đường (cũ)", "xã Tam Đường", "Lai Châu");
  ipd_dossier_add_area_unit (d, "huyện Sìn Hồ (cũ)", NULL, NULL);
  ipd_dossier_add_party (d, managing, IPD_ROLE_MANAGING_ORG, "Sở Khoa học và Công nghệ tỉnh Lai Châu");
  save_ok (f->store, d);
  g_assert_null (d->expiry_date);

  back = load_ok (f->store, d->id);
  g_assert_cmpstr (back->kind, ==, IPD_KIND_GI);
  g_assert_cmpstr (back->name, ==, "Lai Châu");
  g_assert_null (back->expiry_date);
  g_assert_cmpstr (back->certificate_number, ==, "00146");
  g_assert_cmpstr (back->decision_date, ==, "2025-08-19");
  g_assert_cmpstr (back->foreign_protection, ==, "EU");
  g_assert_cmpuint (back->products->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (back->products, 0), ==, "Chè xanh");
  g_assert_cmpstr (g_ptr_array_index (back->products, 1), ==, "Chè Ô long");
  g_assert_cmpstr (g_ptr_array_index (back->products, 2), ==, "Chè Đông phương mỹ nhân");
  g_assert_cmpuint (back->characteristics->len, ==, 3);
  c = g_ptr_array_index (back->characteristics, 1);
  g_assert_cmpstr (c->product, ==, "Chè Ô long");
  g_assert_cmpstr (c->indicator, ==, "Axit glutamic");
  g_assert_cmpstr (c->value, ==, "≥ 4,24");
  g_assert_cmpstr (c->unit, ==, "g/100 g");
  c = g_ptr_array_index (back->characteristics, 2);
  g_assert_null (c->product);
  g_assert_cmpstr (c->value, ==, "1.200–2.500");
  g_assert_cmpuint (back->area->len, ==, 3);
  u = g_ptr_array_index (back->area, 0);
  g_assert_cmpstr (u->as_written, ==, "thành phố Lai Châu (cũ)");
  g_assert_null (u->commune);
  g_assert_cmpstr (u->province, ==, "Lai Châu");
  u = g_ptr_array_index (back->area, 1);
  g_assert_cmpstr (u->commune, ==, "xã Tam Đường");
  u = g_ptr_array_index (back->area, 2);
  g_assert_cmpstr (u->as_written, ==, "huyện Sìn Hồ (cũ)");
  g_assert_null (u->province);
  g_assert_cmpuint (back->classes->len, ==, 0);
  g_assert_cmpstr (ipd_dossier_first_party_name (back, IPD_ROLE_MANAGING_ORG), ==,
                   "Sở Khoa học và Công nghệ tỉnh Lai Châu");
  assert_dossiers_equal (d, back);

  /* a GI has no Nice classes */
  {
    g_autoptr(IpdDossier) bad = ipd_dossier_new (IPD_KIND_GI, "Mường Ảng");
    ipd_dossier_add_class (bad, 30, "Cà phê");
    g_assert_false (ipd_store_save_dossier (f->store, bad, &error));
    g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Nice classes"));
    g_assert_cmpint (bad->id, ==, 0);
    g_clear_error (&error);
  }
  /* every characteristic needs an indicator, every area unit a name */
  {
    g_autoptr(IpdDossier) bad = ipd_dossier_new (IPD_KIND_GI, "Mường Ảng");
    ipd_dossier_add_characteristic (bad, "Cà phê", "  ", "1", "%");
    ipd_dossier_add_area_unit (bad, " ", NULL, "Điện Biên");
    g_assert_false (ipd_store_save_dossier (f->store, bad, &error));
    g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Characteristics"));
    g_assert_nonnull (strstr (error->message, "Area"));
    g_clear_error (&error);
  }
  g_assert_cmpint (count_all (f->store), ==, 1);
  assert_check_clean (f->store);
}

static void
test_dossier_update (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 party1 = save_party (f->store, "HTX Phúc Minh", "cooperative");
  gint64 party2 = save_party (f->store, "HTX Mỹ Dao", "cooperative");
  g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_TRADEMARK, "Hà thủ ô đỏ");
  g_autoptr(IpdDossier) back = NULL;
  g_autofree char *reference = NULL, *created = NULL;
  gint64 id;

  d->filing_date = g_strdup ("01/02/2022");
  ipd_dossier_add_class (d, 5, "Dược liệu");
  ipd_dossier_add_class (d, 30, "Trà thảo mộc");
  ipd_dossier_add_party (d, party1, IPD_ROLE_APPLICANT, "HTX Phúc Minh");
  save_ok (f->store, d);
  id = d->id;
  reference = g_strdup (d->reference);
  created = g_strdup (d->created_at);
  g_assert_cmpstr (d->expiry_date, ==, "2032-02-01");

  g_usleep (2000);   /* so that updated_at can differ */
  g_free (d->name);
  d->name = g_strdup ("Hà thủ ô đỏ Sìn Hồ");
  g_free (d->filing_date);
  d->filing_date = g_strdup ("29/02/2024");
  g_ptr_array_remove_index (d->classes, 0);
  ipd_dossier_add_class (d, 35, "Mua bán dược liệu");
  g_ptr_array_set_size (d->parties, 0);
  ipd_dossier_add_party (d, party2, IPD_ROLE_APPLICANT, "HTX Mỹ Dao");
  ipd_dossier_add_party (d, party1, IPD_ROLE_OWNER, "HTX Phúc Minh");
  d->public_note = g_strdup ("Đã sửa");
  save_ok (f->store, d);

  g_assert_cmpint (d->id, ==, id);
  g_assert_cmpstr (d->reference, ==, reference);
  g_assert_cmpstr (d->created_at, ==, created);
  g_assert_cmpstr (d->expiry_date, ==, "2034-02-28");
  g_assert_cmpint (count_all (f->store), ==, 1);

  back = load_ok (f->store, id);
  g_assert_cmpstr (back->name, ==, "Hà thủ ô đỏ Sìn Hồ");
  g_assert_cmpstr (back->filing_date, ==, "2024-02-29");
  g_assert_cmpstr (back->expiry_date, ==, "2034-02-28");
  g_assert_cmpstr (back->public_note, ==, "Đã sửa");
  g_assert_cmpstr (back->created_at, ==, created);
  g_assert_cmpstr (back->updated_at, >=, back->created_at);
  g_assert_cmpuint (back->classes->len, ==, 2);
  g_assert_cmpint (((IpdNiceClass *) g_ptr_array_index (back->classes, 0))->number, ==, 30);
  g_assert_cmpint (((IpdNiceClass *) g_ptr_array_index (back->classes, 1))->number, ==, 35);
  g_assert_cmpuint (back->parties->len, ==, 2);
  g_assert_cmpstr (ipd_dossier_first_party_name (back, IPD_ROLE_APPLICANT), ==, "HTX Mỹ Dao");
  g_assert_cmpstr (ipd_dossier_first_party_name (back, IPD_ROLE_OWNER), ==, "HTX Phúc Minh");
  assert_dossiers_equal (d, back);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM nice_class"), ==, 2);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM dossier_party"), ==, 2);

  /* the search text follows the update */
  {
    const char *just = expected_ids (id, (gint64) 0);
    assert_search (f->store, "sin ho", just);
    assert_search (f->store, "my dao", just);
    assert_search (f->store, "tra thao moc", just);
    assert_search (f->store, "duoc lieu", just);    /* class 35 goods */
  }

  /* a dossier that is gone cannot be updated */
  {
    g_autoptr(IpdDossier) ghost = ipd_dossier_copy (back);
    ghost->id = 9999;
    g_free (ghost->app_number), ghost->app_number = NULL;
    g_assert_false (ipd_store_save_dossier (f->store, ghost, &error));
    g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
    g_assert_cmpint (ghost->id, ==, 9999);
    g_assert_cmpint (count_all (f->store), ==, 1);
  }
  assert_check_clean (f->store);
}

static void
test_dossier_reference (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdDossier) a = save_new (f->store, IPD_KIND_TRADEMARK, "Một", NULL, NULL);
  g_autoptr(IpdDossier) b = save_new (f->store, IPD_KIND_GI, "Hai", NULL, NULL);
  g_autoptr(IpdDossier) c = save_new (f->store, IPD_KIND_COLLECTIVE, "Ba", NULL, NULL);
  g_autoptr(IpdDossier) e = NULL, g = NULL;
  g_autofree char *r1 = g_strdup_printf ("IPD-%d-0001", current_year ());
  g_autofree char *r2 = g_strdup_printf ("IPD-%d-0002", current_year ());
  g_autofree char *r3 = g_strdup_printf ("IPD-%d-0003", current_year ());
  g_autofree char *r4 = g_strdup_printf ("LCU-%d-0004", current_year ());
  g_autofree char *r5 = g_strdup_printf ("LCU-%d-0005", current_year ());

  assert_reference_format (a->reference, "IPD");
  g_assert_cmpstr (a->reference, ==, r1);
  g_assert_cmpstr (b->reference, ==, r2);
  g_assert_cmpstr (c->reference, ==, r3);

  g_assert_true (ipd_store_set_setting (f->store, "reference_prefix", "LCU", &error));
  g_assert_no_error (error);
  e = save_new (f->store, IPD_KIND_TRADEMARK, "Bốn", NULL, NULL);
  g_assert_cmpstr (e->reference, ==, r4);
  assert_reference_format (e->reference, "LCU");

  /* numbers are never reused, even after a purge */
  g_assert_true (ipd_store_trash_dossier (f->store, e->id, &error));
  g_assert_true (ipd_store_purge_dossier (f->store, e->id, &error));
  g_assert_no_error (error);
  g = save_new (f->store, IPD_KIND_TRADEMARK, "Năm", NULL, NULL);
  g_assert_cmpstr (g->reference, ==, r5);

  /* a second save keeps the reference */
  save_ok (f->store, a);
  g_assert_cmpstr (a->reference, ==, r1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(DISTINCT reference) FROM dossier"), ==, 4);
}

static void
test_dossier_expiry (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) leap = save_new (f->store, IPD_KIND_TRADEMARK, "Nhuận", NULL, "29/02/2024");
  g_autoptr(IpdDossier) plain = save_new (f->store, IPD_KIND_CERTIFICATION, "Thường", NULL, "2016-11-03");
  g_autoptr(IpdDossier) gi = save_new (f->store, IPD_KIND_GI, "Tân Cương", NULL, "10/10/2010");
  g_autoptr(IpdDossier) undated = save_new (f->store, IPD_KIND_TRADEMARK, "Chưa nộp", NULL, NULL);
  g_autoptr(IpdDossier) leap_back = load_ok (f->store, leap->id);
  g_autoptr(IpdDossier) gi_back = load_ok (f->store, gi->id);

  g_assert_cmpstr (leap->expiry_date, ==, "2034-02-28");
  g_assert_cmpstr (leap_back->expiry_date, ==, "2034-02-28");
  g_assert_cmpstr (plain->expiry_date, ==, "2026-11-03");
  g_assert_null (gi->expiry_date);
  g_assert_null (gi_back->expiry_date);
  g_assert_null (undated->expiry_date);

  /* expiry is derived: what the caller puts there is ignored */
  g_free (gi->expiry_date);
  gi->expiry_date = g_strdup ("2099-01-01");
  save_ok (f->store, gi);
  g_assert_null (gi->expiry_date);
  g_assert_null (raw_text (f->path, "SELECT expiry_date FROM dossier WHERE name = 'Tân Cương'"));
}

/* Validation ---------------------------------------------------------------------- */

typedef struct {
  gint64 dossiers;
  gint64 audit;
  gint64 counter;
  gint64 blobs;
  gint64 children;
} Snapshot;

static void
snapshot (const char *path, Snapshot *s)
{
  s->dossiers = raw_int (path, "SELECT count(*) FROM dossier");
  s->audit = raw_int (path, "SELECT count(*) FROM audit");
  s->counter = raw_int (path, "SELECT ifnull(sum(last), 0) FROM reference_counter");
  s->blobs = raw_int (path, "SELECT count(*) FROM blob");
  s->children = raw_int (path, "SELECT (SELECT count(*) FROM nice_class) + (SELECT count(*) FROM dossier_party)"
                               " + (SELECT count(*) FROM gi_product)");
}

/* Saves @d expecting IPD_ERROR_INVALID naming @field_label (and @also, if
 * given), and checks that nothing at all was written. */
static void
assert_save_refused (Fixture *f, IpdDossier *d, const char *field_label, const char *also)
{
  g_autoptr(GError) error = NULL;
  Snapshot before, after;
  gint64 original_id = d->id;

  snapshot (f->path, &before);
  g_assert_false (ipd_store_save_dossier (f->store, d, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  if (strstr (error->message, field_label) == NULL)
    g_error ("error “%s” does not name “%s”", error->message, field_label);
  if (also != NULL && strstr (error->message, also) == NULL)
    g_error ("error “%s” does not mention “%s”", error->message, also);
  g_assert_cmpint (d->id, ==, original_id);
  if (original_id == 0)
    g_assert_null (d->reference);
  snapshot (f->path, &after);
  g_assert_cmpint (before.dossiers, ==, after.dossiers);
  g_assert_cmpint (before.audit, ==, after.audit);
  g_assert_cmpint (before.counter, ==, after.counter);
  g_assert_cmpint (before.blobs, ==, after.blobs);
  g_assert_cmpint (before.children, ==, after.children);
}

static gboolean
problems_have_field (GPtrArray *problems, const char *field)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_strcmp0 (((IpdProblem *) g_ptr_array_index (problems, i))->field, field) == 0)
      return TRUE;
  return FALSE;
}

static void
test_validate_app_number (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_TRADEMARK, "Hạt Giổi");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(IpdDossier) back = NULL;
  g_autoptr(IpdDossier) gi = ipd_dossier_new (IPD_KIND_GI, "Mường Ảng");

  d->app_number = g_strdup ("4-25-1");
  problems = ipd_store_validate_dossier (f->store, d);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (problems_have_field (problems, "app_number"));
  assert_save_refused (f, d, "Application number", "4-25-1");
  g_assert_cmpint (count_all (f->store), ==, 0);

  /* the officer overrides the format table */
  d->app_number_override = TRUE;
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = ipd_store_validate_dossier (f->store, d);
  g_assert_cmpuint (problems->len, ==, 0);
  save_ok (f->store, d);
  back = load_ok (f->store, d->id);
  g_assert_cmpstr (back->app_number, ==, "4-25-1");
  g_assert_true (back->app_number_override);
  g_assert_cmpint (count_all (f->store), ==, 1);

  /* a trademark number is not a GI number */
  gi->app_number = g_strdup ("4-2025-20619");
  assert_save_refused (f, gi, "Application number", NULL);
  g_free (gi->app_number);
  gi->app_number = g_strdup ("6-2023-00012");
  save_ok (f->store, gi);
}

static void
test_validate_dates (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_TRADEMARK, "Khẩu Lương Phủng");
  g_autofree char *future = date_from_today (30);
  g_autofree char *yesterday = date_from_today (-1);
  g_autofree char *today = date_from_today (0);

  d->filing_date = g_strdup ("31/02/2026");
  assert_save_refused (f, d, "Filing date", NULL);

  g_free (d->filing_date);
  d->filing_date = g_strdup ("29/02/2025");
  assert_save_refused (f, d, "Filing date", NULL);

  g_free (d->filing_date);
  d->filing_date = g_strdup (future);
  assert_save_refused (f, d, "Filing date", "future");

  g_free (d->filing_date);
  d->filing_date = g_strdup ("abc");
  assert_save_refused (f, d, "Filing date", NULL);

  g_free (d->filing_date);
  d->filing_date = g_strdup (yesterday);
  d->grant_date = g_strdup (future);
  assert_save_refused (f, d, "Grant date", "future");

  g_free (d->grant_date);
  d->grant_date = NULL;
  d->priority_date = g_strdup ("1/13/2026");
  assert_save_refused (f, d, "Priority date", NULL);

  g_free (d->priority_date);
  d->priority_date = NULL;
  d->decision_date = g_strdup ("32/01/2025");
  assert_save_refused (f, d, "Decision date", NULL);

  g_free (d->decision_date);
  d->decision_date = g_strdup (today);   /* today is not the future */
  g_assert_cmpint (count_all (f->store), ==, 0);
  save_ok (f->store, d);
  g_assert_cmpint (count_all (f->store), ==, 1);
}

static void
test_validate_classes (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) zero = ipd_dossier_new (IPD_KIND_TRADEMARK, "Nếp Tan Pỏm");
  g_autoptr(IpdDossier) big = ipd_dossier_new (IPD_KIND_TRADEMARK, "Nếp Tan Pỏm");
  g_autoptr(IpdDossier) twice = ipd_dossier_new (IPD_KIND_TRADEMARK, "Nếp Tan Pỏm");
  g_autoptr(IpdDossier) ok = ipd_dossier_new (IPD_KIND_TRADEMARK, "Nếp Tan Pỏm");

  ipd_dossier_add_class (zero, 0, "Gạo");
  assert_save_refused (f, zero, "Nice classes", "0");

  ipd_dossier_add_class (big, 30, "Gạo nếp");
  ipd_dossier_add_class (big, 46, "Gạo");
  assert_save_refused (f, big, "Nice classes", "46");

  ipd_dossier_add_class (twice, 30, "Gạo nếp");
  ipd_dossier_add_class (twice, 35, "Mua bán");
  ipd_dossier_add_class (twice, 30, "Gạo tẻ");
  assert_save_refused (f, twice, "Nice classes", "30");

  ipd_dossier_add_class (ok, 1, "Phân bón");
  ipd_dossier_add_class (ok, 45, "Dịch vụ pháp lý");
  save_ok (f->store, ok);
  g_assert_cmpint (count_all (f->store), ==, 1);
}

static void
test_validate_duplicate_number (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) first = save_new (f->store, IPD_KIND_TRADEMARK, "Chè Lai Châu", "4-2025-20619", NULL);
  g_autoptr(IpdDossier) second = ipd_dossier_new (IPD_KIND_TRADEMARK, "Chè Tam Đường");
  g_autoptr(IpdDossier) again = NULL;

  second->app_number = g_strdup ("4-2025-20619");
  assert_save_refused (f, second, "Application number", first->reference);
  assert_save_refused (f, second, "Application number", "Chè Lai Châu");

  /* surrounding spaces do not make it a different number */
  g_free (second->app_number);
  second->app_number = g_strdup (" 4-2025-20619\t");
  assert_save_refused (f, second, "Application number", first->reference);

  /* saving the first one again is not a duplicate of itself */
  save_ok (f->store, first);

  g_free (second->app_number);
  second->app_number = g_strdup ("4-2025-20620");
  save_ok (f->store, second);

  /* nor may an update take another dossier's number */
  again = load_ok (f->store, second->id);
  g_free (again->app_number);
  again->app_number = g_strdup ("4-2025-20619");
  assert_save_refused (f, again, "Application number", first->reference);
  g_assert_cmpint (count_all (f->store), ==, 2);
}

static void
test_validate_name_and_kind (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) empty = ipd_dossier_new (IPD_KIND_TRADEMARK, "");
  g_autoptr(IpdDossier) blank = ipd_dossier_new (IPD_KIND_TRADEMARK, "  \t ");
  g_autoptr(IpdDossier) none = ipd_dossier_new (IPD_KIND_TRADEMARK, NULL);
  g_autoptr(IpdDossier) kind = ipd_dossier_new ("patent", "Sáng chế");
  g_autoptr(IpdDossier) no_kind = ipd_dossier_new (NULL, "Không loại");
  g_autoptr(IpdDossier) role = ipd_dossier_new (IPD_KIND_TRADEMARK, "Vai trò");
  g_autoptr(IpdDossier) many = ipd_dossier_new (IPD_KIND_TRADEMARK, " ");
  g_autoptr(IpdDossier) negative = ipd_dossier_new (IPD_KIND_TRADEMARK, "Âm");
  gint64 party = save_party (f->store, "HTX Tuyết Hương", "cooperative");

  assert_save_refused (f, empty, "Name", NULL);
  assert_save_refused (f, blank, "Name", NULL);
  assert_save_refused (f, none, "Name", NULL);
  assert_save_refused (f, kind, "Kind", NULL);
  assert_save_refused (f, no_kind, "Kind", NULL);

  ipd_dossier_add_party (role, party, "grandmother", "HTX Tuyết Hương");
  assert_save_refused (f, role, "Parties", "grandmother");

  /* every problem is named */
  many->app_number = g_strdup ("4-25-1");
  many->filing_date = g_strdup ("31/02/2026");
  ipd_dossier_add_class (many, 46, NULL);
  assert_save_refused (f, many, "Name", NULL);
  assert_save_refused (f, many, "Application number", NULL);
  assert_save_refused (f, many, "Filing date", NULL);
  assert_save_refused (f, many, "Nice classes", NULL);

  negative->support_amount = -1;
  assert_save_refused (f, negative, "Support amount", NULL);

  g_assert_cmpint (count_all (f->store), ==, 0);
}

static void
test_validate_failure_inside_transaction (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_TRADEMARK, "Ma");
  g_autoptr(IpdDossier) next = NULL;
  g_autofree char *first = g_strdup_printf ("IPD-%d-0001", current_year ());
  Snapshot before, after;

  /* a party that does not exist: passes validation, fails in SQL */
  ipd_dossier_add_class (d, 30, "Gạo");
  ipd_dossier_add_party (d, 9999, IPD_ROLE_APPLICANT, "Không có");
  snapshot (f->path, &before);
  g_assert_false (ipd_store_save_dossier (f->store, d, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == IPD_ERROR);
  g_assert_cmpint (d->id, ==, 0);
  snapshot (f->path, &after);
  g_assert_cmpint (before.dossiers, ==, after.dossiers);
  g_assert_cmpint (before.audit, ==, after.audit);
  g_assert_cmpint (before.counter, ==, after.counter);
  g_assert_cmpint (before.children, ==, after.children);
  g_assert_cmpint (count_all (f->store), ==, 0);

  /* the store is still usable, and the reference number was not used up */
  next = save_new (f->store, IPD_KIND_TRADEMARK, "Mạ", NULL, NULL);
  g_assert_cmpstr (next->reference, ==, first);
  assert_check_clean (f->store);
}

static void
test_validate_party (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdParty) nameless = ipd_party_new ("  ", "cooperative");
  g_autoptr(IpdParty) typeless = ipd_party_new ("HTX Lan Hưng", "alien");
  g_autoptr(IpdParty) mail = ipd_party_new ("HTX Lan Hưng", "cooperative");
  g_autoptr(GPtrArray) found = NULL;
  gint64 id;

  g_assert_false (ipd_store_save_party (f->store, nameless, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Name"));
  g_assert_cmpint (nameless->id, ==, 0);
  g_clear_error (&error);

  g_assert_false (ipd_store_save_party (f->store, typeless, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Party type"));
  g_clear_error (&error);

  mail->email = g_strdup ("not-an-address");
  g_assert_false (ipd_store_save_party (f->store, mail, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM party"), ==, 0);

  g_free (mail->email);
  mail->email = NULL;
  mail->tax_code = g_strdup ("0101234567");
  g_assert_true (ipd_store_save_party (f->store, mail, &error));
  g_assert_no_error (error);
  id = mail->id;

  found = ipd_store_find_parties (f->store, "htx lan hung", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((IpdParty *) g_ptr_array_index (found, 0))->id, ==, id);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = ipd_store_find_parties (f->store, NULL, "0101234567", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = ipd_store_find_parties (f->store, "HTX Tâm Trà Thái", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
}

/* Normalisation --------------------------------------------------------------------- */

static void
test_text_nfc_storage (Fixture *f, gconstpointer data)
{
  const char *nfc_name = "Đà Lạt";
  g_autofree char *nfd_name = g_utf8_normalize (nfc_name, -1, G_NORMALIZE_NFD);
  g_autofree char *nfd_alias = g_utf8_normalize ("Hoa Đà Lạt", -1, G_NORMALIZE_NFD);
  g_autofree char *nfd_query = g_utf8_normalize ("đà lạt", -1, G_NORMALIZE_NFD);
  g_autofree char *nfd_goods = g_utf8_normalize ("Hoa tươi", -1, G_NORMALIZE_NFD);
  g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_TRADEMARK, nfd_name);
  g_autoptr(IpdDossier) back = NULL;
  g_autofree char *stored_hex = NULL, *expected_hex = NULL, *alias_hex = NULL, *goods_hex = NULL;
  g_autofree char *sql = NULL;
  const char *just = NULL;
  GString *hex = g_string_new (NULL);

  g_assert_cmpstr (nfd_name, !=, nfc_name);
  ipd_dossier_add_alias (d, nfd_alias);
  ipd_dossier_add_class (d, 31, nfd_goods);
  save_ok (f->store, d);
  just = expected_ids (d->id, (gint64) 0);

  for (const char *p = nfc_name; *p; p++)
    g_string_append_printf (hex, "%02X", (guchar) *p);
  expected_hex = g_string_free (hex, FALSE);

  sql = g_strdup_printf ("SELECT hex(name) FROM dossier WHERE id = %" G_GINT64_FORMAT, d->id);
  stored_hex = raw_text (f->path, sql);
  g_assert_cmpstr (stored_hex, ==, expected_hex);
  g_free (sql);
  sql = g_strdup_printf ("SELECT aliases = 'Hoa Đà Lạt' FROM dossier WHERE id = %" G_GINT64_FORMAT, d->id);
  g_assert_cmpint (raw_int (f->path, sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT goods = 'Hoa tươi' FROM nice_class WHERE dossier_id = %" G_GINT64_FORMAT, d->id);
  g_assert_cmpint (raw_int (f->path, sql), ==, 1);

  back = load_ok (f->store, d->id);
  g_assert_cmpstr (back->name, ==, nfc_name);
  g_assert_cmpstr (g_ptr_array_index (back->aliases, 0), ==, "Hoa Đà Lạt");

  assert_search (f->store, nfd_query, just);
  assert_search (f->store, nfd_name, just);
  assert_search (f->store, nfc_name, just);
  assert_search (f->store, "da lat", just);
  assert_search (f->store, "DA LAT", just);

  /* a party's name too */
  {
    g_autofree char *nfd_party = g_utf8_normalize ("HTX Mỹ Dao", -1, G_NORMALIZE_NFD);
    g_autoptr(IpdParty) p = ipd_party_new (nfd_party, "cooperative");
    g_autoptr(GError) error = NULL;
    g_autofree char *party_sql = NULL;

    g_assert_true (ipd_store_save_party (f->store, p, &error));
    g_assert_no_error (error);
    party_sql = g_strdup_printf ("SELECT name = 'HTX Mỹ Dao' FROM party WHERE id = %" G_GINT64_FORMAT, p->id);
    g_assert_cmpint (raw_int (f->path, party_sql), ==, 1);
  }
}

/* Search --------------------------------------------------------------------------- */

typedef struct {
  gint64 dalat, chanh, dang, laichau, klp;
} SearchSet;

static void
fill_search_set (Fixture *f, SearchSet *s)
{
  g_autoptr(GError) error = NULL;
  gint64 haidang = save_party (f->store, "Công ty TNHH TH Hải Đăng", "enterprise");
  g_autoptr(IpdDossier) dalat = ipd_dossier_new (IPD_KIND_GI, "Đà Lạt");
  g_autoptr(IpdDossier) chanh = ipd_dossier_new (IPD_KIND_CERTIFICATION, "Chanh leo Lai Châu");
  g_autoptr(IpdDossier) dang = ipd_dossier_new (IPD_KIND_TRADEMARK, "Đăng Khoa");
  g_autoptr(IpdDossier) laichau = ipd_dossier_new (IPD_KIND_GI, "Lai Châu");
  g_autoptr(IpdDossier) klp = ipd_dossier_new (IPD_KIND_TRADEMARK, "Khẩu Lương Phủng");
  g_autoptr(IpdEvent) filed = NULL;

  ipd_dossier_add_product (dalat, "Hoa");
  dalat->filing_date = g_strdup ("2020-04-01");
  save_ok (f->store, dalat);

  chanh->app_number = g_strdup ("4-2021-12345");
  chanh->filing_date = g_strdup ("10/05/2021");
  ipd_dossier_add_class (chanh, 31, "Quả chanh leo tươi");
  ipd_dossier_add_party (chanh, haidang, IPD_ROLE_APPLICANT, NULL);
  save_ok (f->store, chanh);

  dang->filing_date = g_strdup ("2021-06-01");
  save_ok (f->store, dang);

  laichau->filing_date = g_strdup ("12/06/2025");
  ipd_dossier_add_product (laichau, "Chè xanh");
  ipd_dossier_add_product (laichau, "Chè Ô long");
  ipd_dossier_add_product (laichau, "Chè Đông phương mỹ nhân");
  ipd_dossier_add_area_unit (laichau, "huyện Tam Đường (cũ)", NULL, "Lai Châu");
  save_ok (f->store, laichau);

  ipd_dossier_add_alias (klp, "Gạo Khâu Lương Phụng Phong Thổ");
  klp->filing_date = g_strdup ("2025-01-20");
  save_ok (f->store, klp);

  filed = ipd_event_new (chanh->id, "10/05/2021", "filed");
  g_assert_true (ipd_store_save_event (f->store, filed, &error));
  g_assert_no_error (error);

  s->dalat = dalat->id;
  s->chanh = chanh->id;
  s->dang = dang->id;
  s->laichau = laichau->id;
  s->klp = klp->id;
}

static void
test_search_folded (Fixture *f, gconstpointer data)
{
  SearchSet s;
  const char *dalat, *chanh, *laichau, *klp, *dang_set, *all;

  fill_search_set (f, &s);
  dalat = expected_ids (s.dalat, (gint64) 0);
  chanh = expected_ids (s.chanh, (gint64) 0);
  laichau = expected_ids (s.laichau, (gint64) 0);
  klp = expected_ids (s.klp, (gint64) 0);
  dang_set = expected_ids (s.dang, s.chanh, (gint64) 0);   /* Đăng Khoa; Hải Đăng applies for chanh */
  all = expected_ids (s.dalat, s.chanh, s.dang, s.laichau, s.klp, (gint64) 0);

  assert_search (f->store, "da lat", dalat);
  assert_search (f->store, "Đà Lạt", dalat);
  assert_search (f->store, "ĐÀ LẠT", dalat);
  assert_search (f->store, "lat da", dalat);
  assert_search (f->store, "chanh leo", chanh);
  assert_search (f->store, "Chanh leo Lai Châu", chanh);
  assert_search (f->store, "chanh l", chanh);        /* while typing */
  assert_search (f->store, "chanh le", chanh);
  assert_search (f->store, "ch", expected_ids (s.chanh, s.laichau, (gint64) 0));
  assert_search (f->store, "dang", dang_set);
  assert_search (f->store, "Đăng", dang_set);
  assert_search (f->store, "dang khoa", expected_ids (s.dang, (gint64) 0));
  assert_search (f->store, "4-2021-12345", chanh);    /* application number */
  assert_search (f->store, "12345", chanh);
  assert_search (f->store, "hai dang", chanh);        /* party name */
  assert_search (f->store, "TNHH", chanh);
  assert_search (f->store, "o long", laichau);        /* GI product */
  assert_search (f->store, "dong phuong my nhan", laichau);
  assert_search (f->store, "tam duong", laichau);     /* area */
  assert_search (f->store, "hoa", dalat);
  assert_search (f->store, "qua chanh", chanh);       /* goods */
  assert_search (f->store, "khau luong phung", klp);
  assert_search (f->store, "Khâu Lương Phụng", klp);  /* the other spelling */
  assert_search (f->store, "phong tho", klp);         /* only in the alias */
  assert_search (f->store, "gao khau", klp);
  assert_search (f->store, "lai chau", expected_ids (s.chanh, s.laichau, (gint64) 0));
  assert_search (f->store, "xyzzy", "");
  assert_search (f->store, "da lat chanh", "");

  /* the reference is searchable */
  {
    g_autoptr(IpdDossier) d = load_ok (f->store, s.klp);
    assert_search (f->store, d->reference, klp);
  }

  /* punctuation only: nothing, and no error */
  assert_search (f->store, "!!! --- ...", "");
  assert_search (f->store, "\"", "");
  assert_search (f->store, "*", "");
  assert_search (f->store, "( ) : ^", "");
  {
    IpdQuery query = { 0 };
    g_autoptr(GError) error = NULL;
    query.text = "-- ;";
    g_assert_cmpint (ipd_store_count_dossiers (f->store, &query, &error), ==, 0);
    g_assert_no_error (error);
  }
  /* FTS syntax in the text is taken literally */
  {
    g_autoptr(GArray) ids = search (f->store, "chanh OR dang");
    g_assert_cmpuint (ids->len, ==, 0);
    g_clear_pointer (&ids, g_array_unref);
    ids = search (f->store, "NEAR(chanh leo)");
    g_assert_cmpuint (ids->len, <=, 1);
    g_clear_pointer (&ids, g_array_unref);
    ids = search (f->store, "chanh\"leo");
    g_assert_nonnull (ids);
  }

  /* blank text does not filter */
  assert_search (f->store, "", all);
  assert_search (f->store, "   ", all);
}

static void
assert_query (IpdStore *store, const IpdQuery *query, const char *expected)
{
  g_autoptr(GArray) ids = list_ok (store, query);
  g_autofree char *got = ids_to_string (ids);

  if (g_strcmp0 (got, expected) != 0)
    g_error ("query text=%s kind=%s status=%s year=%d: got {%s}, expected {%s}",
             query->text, query->kind, query->status, query->filing_year, got, expected);
}

static void
test_search_filters (Fixture *f, gconstpointer data)
{
  SearchSet s;
  IpdQuery q = { 0 };

  fill_search_set (f, &s);

  q.text = "lai chau";
  q.kind = IPD_KIND_GI;
  assert_query (f->store, &q, expected_ids (s.laichau, (gint64) 0));
  q.kind = IPD_KIND_CERTIFICATION;
  assert_query (f->store, &q, expected_ids (s.chanh, (gint64) 0));
  q.kind = IPD_KIND_TRADEMARK;
  assert_query (f->store, &q, "");

  q.kind = NULL;
  q.status = "filed";
  assert_query (f->store, &q, expected_ids (s.chanh, (gint64) 0));
  q.status = IPD_STATUS_PREPARING;
  assert_query (f->store, &q, expected_ids (s.laichau, (gint64) 0));

  q.status = NULL;
  q.filing_year = 2021;
  assert_query (f->store, &q, expected_ids (s.chanh, (gint64) 0));
  q.filing_year = 2025;
  assert_query (f->store, &q, expected_ids (s.laichau, (gint64) 0));
  q.filing_year = 2020;
  assert_query (f->store, &q, "");

  /* without text */
  q.text = NULL;
  q.filing_year = 2021;
  assert_query (f->store, &q, expected_ids (s.chanh, s.dang, (gint64) 0));
  q.kind = IPD_KIND_TRADEMARK;
  assert_query (f->store, &q, expected_ids (s.dang, (gint64) 0));
  q.filing_year = 2025;
  assert_query (f->store, &q, expected_ids (s.klp, (gint64) 0));
  q.filing_year = 0;
  q.kind = IPD_KIND_GI;
  assert_query (f->store, &q, expected_ids (s.dalat, s.laichau, (gint64) 0));
  q.status = IPD_STATUS_PREPARING;
  q.kind = NULL;
  assert_query (f->store, &q, expected_ids (s.dalat, s.dang, s.laichau, s.klp, (gint64) 0));

  /* all three with text */
  q.text = "chanh";
  q.kind = IPD_KIND_CERTIFICATION;
  q.status = "filed";
  q.filing_year = 2021;
  assert_query (f->store, &q, expected_ids (s.chanh, (gint64) 0));
  q.filing_year = 2022;
  assert_query (f->store, &q, "");

  /* limit */
  {
    IpdQuery limited = { 0 };
    g_autoptr(GArray) ids = NULL;
    g_autoptr(GError) error = NULL;

    limited.limit = 2;
    ids = ipd_store_list_ids (f->store, &limited, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 2);
    g_assert_cmpint (ipd_store_count_dossiers (f->store, &limited, &error), ==, 5);
  }

  /* a renamed party is found under its new name only */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(IpdDossier) chanh = load_ok (f->store, s.chanh);
    IpdDossierParty *dp = g_ptr_array_index (chanh->parties, 0);
    g_autoptr(IpdParty) p = ipd_store_load_party (f->store, dp->party_id, &error);

    g_assert_no_error (error);
    g_free (p->name);
    p->name = g_strdup ("HTX Tuyết Hương");
    g_assert_true (ipd_store_save_party (f->store, p, &error));
    g_assert_no_error (error);
    assert_search (f->store, "tuyet huong", expected_ids (s.chanh, (gint64) 0));
    assert_search (f->store, "hai dang", "");
  }
  assert_check_clean (f->store);
}

static void
test_search_sort_name (Fixture *f, gconstpointer data)
{
  const char *shuffled[] = { "Z", "Ưng", "Ơn", "Đào", "Ánh", "On", "Ung", "Ăn", "Dung", "An", "Ôn" };
  const char *expected[] = { "An", "Ánh", "Ăn", "Dung", "Đào", "On", "Ôn", "Ơn", "Ung", "Ưng", "Z" };
  IpdQuery q = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) got = g_string_new (NULL);
  g_autoptr(GString) want = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (shuffled); i++)
    {
      /* half of them decomposed, as some input methods send them */
      g_autofree char *name = (i % 2) ? g_utf8_normalize (shuffled[i], -1, G_NORMALIZE_NFD)
                                      : g_strdup (shuffled[i]);
      g_autoptr(IpdDossier) d = save_new (f->store, IPD_KIND_TRADEMARK, name, NULL, NULL);
    }

  q.sort = IPD_SORT_NAME;
  ids = list_ok (f->store, &q);
  g_assert_cmpuint (ids->len, ==, G_N_ELEMENTS (expected));
  rows = ipd_store_load_summaries (f->store, (const gint64 *) ids->data, ids->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, ids->len);
  for (guint i = 0; i < rows->len; i++)
    {
      g_string_append_printf (got, "%s ", ((IpdDossierSummary *) g_ptr_array_index (rows, i))->name);
      g_string_append_printf (want, "%s ", expected[i]);
    }
  g_assert_cmpstr (got->str, ==, want->str);

  /* descending is the reverse */
  q.descending = TRUE;
  {
    g_autoptr(GArray) reversed = list_ok (f->store, &q);
    g_assert_cmpuint (reversed->len, ==, ids->len);
    for (guint i = 0; i < ids->len; i++)
      g_assert_cmpint (g_array_index (reversed, gint64, i), ==,
                       g_array_index (ids, gint64, ids->len - 1 - i));
  }

  /* with a search, the order holds too: the names with "n" */
  {
    IpdQuery text = { 0 };
    g_autoptr(GArray) found = NULL;
    g_autoptr(GPtrArray) found_rows = NULL;
    g_autoptr(GString) names = g_string_new (NULL);

    text.text = "on";
    text.sort = IPD_SORT_NAME;
    found = list_ok (f->store, &text);
    found_rows = ipd_store_load_summaries (f->store, (const gint64 *) found->data, found->len, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < found_rows->len; i++)
      g_string_append_printf (names, "%s ", ((IpdDossierSummary *) g_ptr_array_index (found_rows, i))->name);
    g_assert_cmpstr (names->str, ==, "On Ôn Ơn ");
  }

  /* by reference: the order of creation */
  {
    IpdQuery by_ref = { 0 };
    g_autoptr(GArray) refs = NULL;
    by_ref.sort = IPD_SORT_REFERENCE;
    refs = list_ok (f->store, &by_ref);
    for (guint i = 1; i < refs->len; i++)
      g_assert_cmpint (g_array_index (refs, gint64, i - 1), <, g_array_index (refs, gint64, i));
  }
}

/* Sort keys made by another ICU version are rebuilt when the register opens. */
static void
test_search_collator_change (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *current = ipd_text_collator_version ();
  g_autofree char *recorded = NULL;
  const char *names[] = { "Ưng", "Đào", "Ăn", "An", "Dung" };
  const char *expected[] = { "An", "Ăn", "Dung", "Đào", "Ưng" };
  IpdQuery q = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(IpdDossier) d = save_new (f->store, IPD_KIND_TRADEMARK, names[i], NULL, NULL);
    }
  /* as if an older ICU had written the keys: wrong keys, another version */
  if (sqlite3_exec (f->store->db, "UPDATE dossier SET sort_key = randomblob (8), search_text = 'x'",
                    NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  g_assert_true (ipd_store_set_setting (f->store, "collator_version", "icu-0.0-vi-0.0", &error));
  g_assert_no_error (error);

  reopen (f);
  recorded = ipd_store_dup_setting (f->store, "collator_version");
  g_assert_cmpstr (recorded, ==, current);
  q.sort = IPD_SORT_NAME;
  ids = list_ok (f->store, &q);
  rows = ipd_store_load_summaries (f->store, (const gint64 *) ids->data, ids->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (((IpdDossierSummary *) g_ptr_array_index (rows, i))->name, ==, expected[i]);
  /* the search text was rebuilt with them */
  assert_search (f->store, "dao", expected_ids (g_array_index (ids, gint64, 3), (gint64) 0));
  assert_check_clean (f->store);
}

/* Events --------------------------------------------------------------------------- */

static gint64
add_event (IpdStore *store, gint64 dossier_id, const char *date, const char *type)
{
  g_autoptr(IpdEvent) e = ipd_event_new (dossier_id, date, type);
  g_autoptr(GError) error = NULL;

  g_assert_true (ipd_store_save_event (store, e, &error));
  g_assert_no_error (error);
  g_assert_cmpint (e->id, >, 0);
  return e->id;
}

static char *
status_of (IpdStore *store, gint64 id)
{
  g_autoptr(IpdDossier) d = load_ok (store, id);
  return g_strdup (d->status);
}

#define assert_status(store, id, expected) G_STMT_START { \
    g_autofree char *status__ = status_of ((store), (id)); \
    g_assert_cmpstr (status__, ==, (expected)); \
  } G_STMT_END

static void
test_events_status (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdDossier) d = save_new (f->store, IPD_KIND_TRADEMARK, "Chè Lai Châu", "4-2024-01234", "01/03/2024");
  g_autoptr(IpdDossier) other = save_new (f->store, IPD_KIND_TRADEMARK, "Khác", NULL, NULL);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(IpdEvent) letter = NULL;
  gint64 filed, accepted, published;

  assert_status (f->store, d->id, IPD_STATUS_PREPARING);

  filed = add_event (f->store, d->id, "01/03/2024", "filed");
  assert_status (f->store, d->id, "filed");
  accepted = add_event (f->store, d->id, "2024-04-01", "formality_accepted");
  assert_status (f->store, d->id, "accepted");
  add_event (f->store, d->id, "01/05/2024", "note");                 /* sets no status */
  assert_status (f->store, d->id, "accepted");
  add_event (f->store, d->id, "01/06/2024", "grant_fee_paid");       /* nor this */
  assert_status (f->store, d->id, "accepted");
  published = add_event (f->store, d->id, "15/03/2024", "published"); /* entered late, dated earlier */
  assert_status (f->store, d->id, "accepted");
  assert_status (f->store, other->id, IPD_STATUS_PREPARING);

  /* an office action with its own period, and the reference of the letter */
  letter = ipd_event_new (d->id, "10/06/2024", "office_action");
  letter->reference = g_strdup ("53397/SHTT-NH.IP");
  letter->period_months = 3;
  letter->note = g_strdup ("Dự định từ chối");
  g_assert_true (ipd_store_save_event (f->store, letter, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (letter->date, ==, "2024-06-10");
  assert_status (f->store, d->id, "office_action");

  events = ipd_store_list_events (f->store, d->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 6);
  {
    const char *order[] = { "filed", "published", "formality_accepted", "note", "grant_fee_paid", "office_action" };
    IpdEvent *last;
    for (guint i = 0; i < events->len; i++)
      g_assert_cmpstr (((IpdEvent *) g_ptr_array_index (events, i))->type, ==, order[i]);
    last = g_ptr_array_index (events, 5);
    g_assert_cmpint (last->id, ==, letter->id);
    g_assert_cmpint (last->dossier_id, ==, d->id);
    g_assert_cmpstr (last->date, ==, "2024-06-10");
    g_assert_cmpstr (last->reference, ==, "53397/SHTT-NH.IP");
    g_assert_cmpstr (last->note, ==, "Dự định từ chối");
    g_assert_cmpint (last->period_months, ==, 3);
    g_assert_nonnull (last->created_at);
  }

  /* the status is what the status filter sees */
  {
    IpdQuery q = { 0 };
    q.status = "office_action";
    assert_query (f->store, &q, expected_ids (d->id, (gint64) 0));
  }

  /* saving the dossier does not reset its status */
  save_ok (f->store, d);
  g_assert_cmpstr (d->status, ==, "office_action");
  assert_status (f->store, d->id, "office_action");

  /* editing an event recomputes too */
  g_free (letter->type);
  letter->type = g_strdup ("response_filed");
  g_assert_true (ipd_store_save_event (f->store, letter, &error));
  g_assert_no_error (error);
  assert_status (f->store, d->id, "under_examination");

  /* deleting events recomputes the status */
  g_assert_true (ipd_store_delete_event (f->store, letter->id, &error));
  g_assert_no_error (error);
  assert_status (f->store, d->id, "accepted");
  g_assert_true (ipd_store_delete_event (f->store, accepted, &error));
  g_assert_no_error (error);
  assert_status (f->store, d->id, "published");
  g_assert_true (ipd_store_delete_event (f->store, published, &error));
  assert_status (f->store, d->id, "filed");
  g_assert_true (ipd_store_delete_event (f->store, filed, &error));
  g_assert_no_error (error);
  assert_status (f->store, d->id, IPD_STATUS_PREPARING);

  g_assert_false (ipd_store_delete_event (f->store, filed, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_check_clean (f->store);
}

static void
assert_event_refused (IpdStore *store, gint64 dossier_id, const char *date, const char *type,
                      int period, IpdError code, const char *label)
{
  g_autoptr(IpdEvent) e = ipd_event_new (dossier_id, date, type);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = ipd_store_list_events (store, dossier_id, NULL);
  g_autoptr(GPtrArray) after = NULL;

  e->period_months = period;
  g_assert_false (ipd_store_save_event (store, e, &error));
  g_assert_error (error, IPD_ERROR, (gint) code);
  if (label != NULL && strstr (error->message, label) == NULL)
    g_error ("error “%s” does not name “%s”", error->message, label);
  g_assert_cmpint (e->id, ==, 0);
  after = ipd_store_list_events (store, dossier_id, NULL);
  if (before != NULL && after != NULL)
    g_assert_cmpuint (before->len, ==, after->len);
}

static void
test_events_invalid (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) d = save_new (f->store, IPD_KIND_GI, "Mường Ảng", NULL, NULL);
  g_autofree char *future = date_from_today (5);
  gint64 audit_before = raw_int (f->path, "SELECT count(*) FROM audit");

  assert_event_refused (f->store, d->id, "01/03/2024", "bogus", 0, IPD_ERROR_INVALID, "Event type");
  assert_event_refused (f->store, d->id, "01/03/2024", NULL, 0, IPD_ERROR_INVALID, "Event type");
  assert_event_refused (f->store, d->id, "31/02/2026", "filed", 0, IPD_ERROR_INVALID, "Date");
  assert_event_refused (f->store, d->id, "abc", "filed", 0, IPD_ERROR_INVALID, "Date");
  assert_event_refused (f->store, d->id, NULL, "filed", 0, IPD_ERROR_INVALID, "Date");
  assert_event_refused (f->store, d->id, future, "filed", 0, IPD_ERROR_INVALID, "future");
  assert_event_refused (f->store, d->id, "01/03/2024", "office_action", 121, IPD_ERROR_INVALID, "Period");
  assert_event_refused (f->store, d->id, "01/03/2024", "office_action", -1, IPD_ERROR_INVALID, "Period");
  assert_event_refused (f->store, 9999, "01/03/2024", "filed", 0, IPD_ERROR_NOT_FOUND, NULL);

  assert_status (f->store, d->id, IPD_STATUS_PREPARING);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM event"), ==, 0);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit"), ==, audit_before);
}

/* Trash ---------------------------------------------------------------------------- */

static void
test_trash (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdDossier) a = save_new (f->store, IPD_KIND_TRADEMARK, "Hạt Giổi", "4-2024-00001", NULL);
  g_autoptr(IpdDossier) b = save_new (f->store, IPD_KIND_TRADEMARK, "Nếp Tan Pỏm", NULL, NULL);
  g_autoptr(IpdDossier) a_back = NULL;
  g_autoptr(IpdAttachment) doc = ipd_attachment_new (0, "don.txt");
  g_autoptr(GBytes) bytes = g_bytes_new_static ("only A uses this", 16);
  IpdQuery q = { 0 }, trash = { 0 };
  const char *just_a = expected_ids (a->id, (gint64) 0);
  const char *just_b = expected_ids (b->id, (gint64) 0);
  const char *both = expected_ids (a->id, b->id, (gint64) 0);
  g_autofree char *sql = NULL;

  trash.trash = TRUE;
  add_event (f->store, a->id, "01/01/2024", "filed");
  doc->dossier_id = a->id;
  g_assert_true (ipd_store_add_attachment (f->store, doc, bytes, &error));
  g_assert_no_error (error);

  g_assert_true (ipd_store_trash_dossier (f->store, a->id, &error));
  g_assert_no_error (error);
  assert_query (f->store, &q, just_b);
  assert_query (f->store, &trash, just_a);
  g_assert_cmpint (count_all (f->store), ==, 1);
  a_back = load_ok (f->store, a->id);
  g_assert_nonnull (a_back->deleted_at);
  assert_search (f->store, "hat gioi", "");
  {
    IpdQuery trash_search = { 0 };
    trash_search.trash = TRUE;
    trash_search.text = "hat gioi";
    assert_query (f->store, &trash_search, just_a);
  }

  g_assert_false (ipd_store_trash_dossier (f->store, a->id, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* purge only from the trash */
  g_assert_false (ipd_store_purge_dossier (f->store, b->id, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    g_autoptr(IpdDossier) still = load_ok (f->store, b->id);
    g_assert_null (still->deleted_at);
  }

  /* restore */
  g_assert_true (ipd_store_restore_dossier (f->store, a->id, &error));
  g_assert_no_error (error);
  assert_query (f->store, &q, both);
  assert_query (f->store, &trash, "");
  assert_search (f->store, "hat gioi", just_a);
  g_assert_false (ipd_store_restore_dossier (f->store, a->id, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* trash and purge */
  g_assert_true (ipd_store_trash_dossier (f->store, a->id, &error));
  g_assert_true (ipd_store_purge_dossier (f->store, a->id, &error));
  g_assert_no_error (error);
  g_assert_null (ipd_store_load_dossier (f->store, a->id, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (ipd_store_find_dossier (f->store, a->reference, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_query (f->store, &trash, "");
  assert_query (f->store, &q, just_b);
  sql = g_strdup_printf ("SELECT (SELECT count(*) FROM event WHERE dossier_id = %" G_GINT64_FORMAT ")"
                         " + (SELECT count(*) FROM attachment WHERE dossier_id = %" G_GINT64_FORMAT ")",
                         a->id, a->id);
  g_assert_cmpint (raw_int (f->path, sql), ==, 0);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM blob"), ==, 0);

  /* its application number is free again */
  {
    g_autoptr(IpdDossier) c = save_new (f->store, IPD_KIND_TRADEMARK, "Hạt Giổi mới", "4-2024-00001", NULL);
    g_assert_cmpint (c->id, >, 0);
  }
  assert_check_clean (f->store);
}

/* Attachments ------------------------------------------------------------------------ */

static const char pdf_bytes[] =
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
  "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

static IpdAttachment *
attach (IpdStore *store, gint64 dossier_id, const char *file_name, GBytes *bytes)
{
  IpdAttachment *a = ipd_attachment_new (dossier_id, file_name);
  g_autoptr(GError) error = NULL;

  g_assert_true (ipd_store_add_attachment (store, a, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a->id, >, 0);
  return a;
}

static void
test_attachments (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdDossier) one = save_new (f->store, IPD_KIND_GI, "Lai Châu", NULL, NULL);
  g_autoptr(IpdDossier) two = save_new (f->store, IPD_KIND_TRADEMARK, "Chè Lai Châu", NULL, NULL);
  g_autoptr(GBytes) pdf = g_bytes_new_static (pdf_bytes, sizeof pdf_bytes - 1);
  g_autofree char *pdf_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  g_autoptr(GBytes) binary = NULL;
  g_autoptr(GBytes) text = g_bytes_new_static ("Quyết định số 559/QĐ-SHTT\n", strlen ("Quyết định số 559/QĐ-SHTT\n"));
  g_autoptr(IpdAttachment) a1 = NULL, a2 = NULL, a3 = NULL, a4 = NULL, decision = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autofree char *sql = NULL;
  guint8 raw[600];

  for (guint i = 0; i < sizeof raw; i++)
    raw[i] = (guint8) ((i * 37 + 11) & 0xff);
  raw[3] = 0;
  binary = g_bytes_new (raw, sizeof raw);

  /* the same bytes twice: one blob */
  a1 = attach (f->store, one->id, "don-dang-ky.pdf", pdf);
  a2 = attach (f->store, two->id, "ban-sao.pdf", pdf);
  g_assert_cmpstr (a1->sha256, ==, pdf_sha);
  g_assert_cmpstr (a2->sha256, ==, pdf_sha);
  g_assert_cmpint (a1->size, ==, (gint64) g_bytes_get_size (pdf));
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM blob"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM attachment"), ==, 2);
  sql = g_strdup_printf ("SELECT size FROM blob WHERE sha256 = '%s'", pdf_sha);
  g_assert_cmpint (raw_int (f->path, sql), ==, (gint64) g_bytes_get_size (pdf));

  /* the type is read from the content, not the name */
  a3 = attach (f->store, one->id, "ghi-chu.txt", pdf);
  g_assert_cmpstr (a1->mime_type, ==, "application/pdf");
  g_assert_cmpstr (a3->mime_type, ==, "application/pdf");
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM blob"), ==, 1);
  decision = ipd_attachment_new (one->id, "quyet-dinh.pdf");
  decision->document_type = g_strdup ("decision");
  decision->number = g_strdup ("559/QĐ-SHTT");
  decision->date = g_strdup ("19/08/2025");
  decision->note = g_strdup ("Bản scan");
  g_assert_true (ipd_store_add_attachment (f->store, decision, text, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (decision->mime_type, !=, "application/pdf");
  g_assert_true (g_str_has_prefix (decision->mime_type, "text/"));
  g_assert_cmpstr (decision->date, ==, "2025-08-19");

  a4 = attach (f->store, one->id, "map.bin", binary);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM blob"), ==, 3);

  /* bytes round-trip exactly */
  back = ipd_store_load_blob (f->store, a4->sha256, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, binary));
  g_clear_pointer (&back, g_bytes_unref);
  back = ipd_store_load_blob (f->store, pdf_sha, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, pdf));
  g_assert_null (ipd_store_load_blob (f->store, "0000000000000000000000000000000000000000000000000000000000000000", &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  list = ipd_store_list_attachments (f->store, one->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  {
    gboolean seen_decision = FALSE;
    for (guint i = 0; i < list->len; i++)
      {
        IpdAttachment *a = g_ptr_array_index (list, i);
        g_assert_cmpint (a->dossier_id, ==, one->id);
        g_assert_nonnull (a->sha256);
        g_assert_nonnull (a->mime_type);
        g_assert_nonnull (a->created_at);
        if (a->id == decision->id)
          {
            seen_decision = TRUE;
            g_assert_cmpstr (a->file_name, ==, "quyet-dinh.pdf");
            g_assert_cmpstr (a->document_type, ==, "decision");
            g_assert_cmpstr (a->number, ==, "559/QĐ-SHTT");
            g_assert_cmpstr (a->date, ==, "2025-08-19");
            g_assert_cmpstr (a->note, ==, "Bản scan");
            g_assert_cmpstr (a->mime_type, ==, decision->mime_type);
            g_assert_cmpint (a->size, ==, (gint64) g_bytes_get_size (text));
          }
        else if (a->id == a3->id)
          {
            g_assert_cmpstr (a->file_name, ==, "ghi-chu.txt");
            g_assert_cmpstr (a->mime_type, ==, "application/pdf");
            g_assert_cmpstr (a->document_type, ==, "other");
          }
      }
    g_assert_true (seen_decision);
  }

  /* refused: unknown document type, no file name, no such dossier */
  {
    g_autoptr(IpdAttachment) bad = ipd_attachment_new (one->id, "x.pdf");
    g_autoptr(IpdAttachment) nameless = ipd_attachment_new (one->id, "  ");
    g_autoptr(IpdAttachment) orphan = ipd_attachment_new (9999, "x.bin");
    g_autoptr(GBytes) fresh = g_bytes_new_static ("never stored", 12);

    bad->document_type = g_strdup ("love_letter");
    g_assert_false (ipd_store_add_attachment (f->store, bad, pdf, &error));
    g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (ipd_store_add_attachment (f->store, nameless, pdf, &error));
    g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (ipd_store_add_attachment (f->store, orphan, fresh, &error));
    g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpint (orphan->id, ==, 0);
    g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM blob"), ==, 3);
    g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM attachment"), ==, 5);
  }

  /* a picture named .pdf is still a picture; a wrong date is refused */
  {
    g_autoptr(GBytes) png = g_bytes_new_static (png_bytes, sizeof png_bytes);
    g_autoptr(IpdAttachment) picture = attach (f->store, two->id, "mau-nhan.pdf", png);
    g_autoptr(IpdAttachment) dated = ipd_attachment_new (two->id, "cong-van.pdf");

    g_assert_cmpstr (picture->mime_type, ==, "image/png");
    dated->date = g_strdup ("31/02/2026");
    g_assert_false (ipd_store_add_attachment (f->store, dated, pdf, &error));
    g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (dated->id, ==, 0);
    g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM blob"), ==, 4);
  }

  /* purging a dossier keeps what another still uses */
  g_assert_true (ipd_store_trash_dossier (f->store, one->id, &error));
  g_assert_true (ipd_store_purge_dossier (f->store, one->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM blob"), ==, 2);
  g_clear_pointer (&back, g_bytes_unref);
  back = ipd_store_load_blob (f->store, pdf_sha, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, pdf));
  g_assert_true (ipd_store_trash_dossier (f->store, two->id, &error));
  g_assert_true (ipd_store_purge_dossier (f->store, two->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM blob"), ==, 0);
  assert_check_clean (f->store);
}

/* Audit ----------------------------------------------------------------------------- */

static GPtrArray *
audit_of (IpdStore *store, const char *table, gint64 id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = ipd_store_list_audit (store, table, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static IpdAuditEntry *
last_entry (GPtrArray *entries)
{
  g_assert_cmpuint (entries->len, >, 0);
  return g_ptr_array_index (entries, entries->len - 1);
}

static void
assert_audit_ok (IpdStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 bad = -1;

  g_assert_true (ipd_store_verify_audit (store, &bad, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bad, ==, 0);
}

static void
test_audit_records (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_TRADEMARK, "Chè Tân Cương");
  g_autoptr(GPtrArray) entries = NULL;
  IpdAuditEntry *e;
  gint64 party, event;

  party = save_party (f->store, "HTX Tâm Trà Thái", "cooperative");
  entries = audit_of (f->store, "party", party);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (last_entry (entries)->action, ==, "insert");
  g_clear_pointer (&entries, g_ptr_array_unref);

  ipd_dossier_add_class (d, 30, "Chè");
  ipd_dossier_add_party (d, party, IPD_ROLE_APPLICANT, NULL);
  save_ok (f->store, d);
  entries = audit_of (f->store, "dossier", d->id);
  g_assert_cmpuint (entries->len, ==, 1);
  e = last_entry (entries);
  g_assert_cmpstr (e->action, ==, "insert");
  g_assert_cmpstr (e->table_name, ==, "dossier");
  g_assert_cmpint (e->row_id, ==, d->id);
  g_assert_null (e->old_values);
  g_assert_nonnull (e->new_values);
  g_assert_nonnull (strstr (e->new_values, "Chè Tân Cương"));
  g_assert_nonnull (strstr (e->new_values, d->reference));
  g_assert_null (strstr (e->new_values, "search_text"));
  g_assert_cmpstr (e->os_user, ==, g_get_user_name ());
  g_assert_nonnull (e->at);
  g_assert_cmpint (e->id, >, 0);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit WHERE table_name = 'nice_class' AND action = 'insert'"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit WHERE table_name = 'dossier_party' AND action = 'insert'"), ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* update */
  g_free (d->name);
  d->name = g_strdup ("Chè Tân Cương Thái Nguyên");
  save_ok (f->store, d);
  entries = audit_of (f->store, "dossier", d->id);
  g_assert_cmpuint (entries->len, ==, 2);
  e = last_entry (entries);
  g_assert_cmpstr (e->action, ==, "update");
  g_assert_nonnull (strstr (e->old_values, "\"Chè Tân Cương\""));
  g_assert_nonnull (strstr (e->new_values, "Chè Tân Cương Thái Nguyên"));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* a save that changes nothing is not news */
  save_ok (f->store, d);
  entries = audit_of (f->store, "dossier", d->id);
  g_assert_cmpuint (entries->len, ==, 2);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* events: insert, and the status change they make */
  event = add_event (f->store, d->id, "01/02/2024", "filed");
  entries = audit_of (f->store, "event", event);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (last_entry (entries)->action, ==, "insert");
  g_assert_nonnull (strstr (last_entry (entries)->new_values, "filed"));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = audit_of (f->store, "dossier", d->id);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_nonnull (strstr (last_entry (entries)->new_values, "\"filed\""));
  g_clear_pointer (&entries, g_ptr_array_unref);

  g_assert_true (ipd_store_delete_event (f->store, event, &error));
  g_assert_no_error (error);
  entries = audit_of (f->store, "event", event);
  g_assert_cmpuint (entries->len, ==, 2);
  e = last_entry (entries);
  g_assert_cmpstr (e->action, ==, "delete");
  g_assert_nonnull (e->old_values);
  g_assert_null (e->new_values);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* party update */
  {
    g_autoptr(IpdParty) p = ipd_store_load_party (f->store, party, &error);
    g_assert_no_error (error);
    p->phone = g_strdup ("0912 345 678");
    g_assert_true (ipd_store_save_party (f->store, p, &error));
    g_assert_no_error (error);
    entries = audit_of (f->store, "party", party);
    g_assert_cmpuint (entries->len, ==, 2);
    g_assert_cmpstr (last_entry (entries)->action, ==, "update");
    g_assert_nonnull (strstr (last_entry (entries)->new_values, "0912 345 678"));
    g_clear_pointer (&entries, g_ptr_array_unref);
  }

  /* trash is an update, purge a delete */
  g_assert_true (ipd_store_trash_dossier (f->store, d->id, &error));
  g_assert_no_error (error);
  entries = audit_of (f->store, "dossier", d->id);
  g_assert_cmpuint (entries->len, ==, 5);
  g_assert_cmpstr (last_entry (entries)->action, ==, "update");
  g_clear_pointer (&entries, g_ptr_array_unref);
  g_assert_true (ipd_store_purge_dossier (f->store, d->id, &error));
  g_assert_no_error (error);
  entries = audit_of (f->store, "dossier", d->id);
  g_assert_cmpuint (entries->len, ==, 6);
  e = last_entry (entries);
  g_assert_cmpstr (e->action, ==, "delete");
  g_assert_nonnull (strstr (e->old_values, "Chè Tân Cương Thái Nguyên"));
  g_clear_pointer (&entries, g_ptr_array_unref);
  /* the cascade deletes of child rows are recorded too */
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit WHERE table_name = 'nice_class' AND action = 'delete'"), ==, 1);

  /* the chain is whole; ids have no gaps; each entry links to the one before */
  assert_audit_ok (f->store);
  g_assert_cmpint (raw_int (f->path, "SELECT max(id) - min(id) + 1 = count(*) FROM audit"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit a JOIN audit b ON b.id = a.id + 1 WHERE b.prev_hash IS NOT a.hash"), ==, 0);
  assert_check_clean (f->store);

  /* the log refuses edits through SQL */
  g_assert_cmpint (raw_try_exec (f->path, "UPDATE audit SET os_user = 'mallory' WHERE id = 2"), !=, SQLITE_OK);
  g_assert_cmpint (raw_try_exec (f->path, "DELETE FROM audit WHERE id = 2"), !=, SQLITE_OK);
  assert_audit_ok (f->store);
}

static void
make_some_history (Fixture *f)
{
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Nhãn hiệu %d", i);
      g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_TRADEMARK, name);
      ipd_dossier_add_class (d, 30 + i, "Hàng hoá");
      save_ok (f->store, d);
    }
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit"), >=, 6);
  assert_audit_ok (f->store);
  assert_check_clean (f->store);
}

static gboolean
problems_mention (GPtrArray *problems, const char *field)
{
  return problems != NULL && problems_have_field (problems, field);
}

static void
test_audit_tampered (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *forged = NULL;
  gint64 bad = -1;

  make_some_history (f);
  g_clear_object (&f->store);

  raw_exec (f->path,
            "DROP TRIGGER audit_is_append_only_update;"
            "UPDATE audit SET new_values = '{\"name\":\"forged\"}' WHERE id = 3;");
  forged = raw_text (f->path, "SELECT new_values FROM audit WHERE id = 3");
  g_assert_cmpstr (forged, ==, "{\"name\":\"forged\"}");

  reopen (f);
  g_assert_false (ipd_store_verify_audit (f->store, &bad, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_CORRUPT);
  g_assert_cmpint (bad, ==, 3);
  g_clear_error (&error);

  g_assert_false (ipd_store_check (f->store, &problems, &error));
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >=, 1);
  g_assert_true (problems_mention (problems, "audit"));
}

static void
test_audit_tampered_hash_too (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 bad = -1;

  /* a forger who also rewrites the entry's own hash still breaks the link
   * to the next entry */
  make_some_history (f);
  g_clear_object (&f->store);
  raw_exec (f->path,
            "DROP TRIGGER audit_is_append_only_update;"
            "UPDATE audit SET new_values = '{}', hash = 'f00d' WHERE id = 2;");
  reopen (f);
  g_assert_false (ipd_store_verify_audit (f->store, &bad, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_CORRUPT);
  g_assert_cmpint (bad, ==, 2);
}

static void
test_audit_deleted_entry (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 bad = -1;
  gint64 before;

  make_some_history (f);
  before = raw_int (f->path, "SELECT count(*) FROM audit");
  g_clear_object (&f->store);

  raw_exec (f->path, "DROP TRIGGER audit_is_append_only_delete; DELETE FROM audit WHERE id = 3;");
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit"), ==, before - 1);

  reopen (f);
  g_assert_false (ipd_store_verify_audit (f->store, &bad, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_CORRUPT);
  g_assert_cmpint (bad, ==, 4);   /* the first entry that no longer fits */
  g_clear_error (&error);

  g_assert_false (ipd_store_check (f->store, &problems, &error));
  g_assert_no_error (error);
  g_assert_true (problems_mention (problems, "audit"));
}

/* Backup ---------------------------------------------------------------------------- */

static void
test_backup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *destination = g_build_filename (f->dir, "backup.sqlite", NULL);
  g_autofree char *partial = g_strconcat (destination, ".partial", NULL);
  g_autofree char *missing_dir = g_build_filename (f->dir, "missing", "sub", NULL);
  g_autofree char *missing = g_build_filename (missing_dir, "backup.sqlite", NULL);
  g_autofree char *journal = NULL;
  g_autoptr(IpdStore) copy = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) pdf = g_bytes_new_static (pdf_bytes, sizeof pdf_bytes - 1);
  g_autoptr(IpdAttachment) doc = NULL;
  gint64 first_id = 0;

  for (int i = 0; i < 25; i++)
    {
      g_autofree char *name = g_strdup_printf ("Sản phẩm OCOP %02d", i);
      g_autoptr(IpdDossier) d = save_new (f->store, IPD_KIND_TRADEMARK, name, NULL, "2023-05-06");
      if (i == 0)
        first_id = d->id;
      g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_add (refs, g_strdup (d->reference));
    }
  doc = attach (f->store, first_id, "don.pdf", pdf);

  /* a junk file under the destination name is replaced */
  g_assert_true (g_file_set_contents (destination, "old junk", -1, NULL));

  g_assert_true (ipd_store_backup (f->store, destination, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (destination, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_false (sibling_exists (destination, "-wal"));
  journal = raw_text (destination, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "delete");
  g_assert_cmpint (raw_int (destination, "PRAGMA user_version"), ==, IPD_STORE_SCHEMA_VERSION);

  /* the store stays usable */
  {
    g_autoptr(IpdDossier) after = save_new (f->store, IPD_KIND_GI, "Sau sao lưu", NULL, NULL);
    g_assert_cmpint (count_all (f->store), ==, 26);
  }

  copy = ipd_store_open (destination, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_cmpint (count_all (copy), ==, 25);
  for (guint i = 0; i < refs->len; i++)
    {
      g_autoptr(IpdDossier) d = ipd_store_find_dossier (copy, g_ptr_array_index (refs, i), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (d->name, ==, g_ptr_array_index (names, i));
    }
  {
    g_autoptr(GBytes) back = ipd_store_load_blob (copy, doc->sha256, &error);
    g_assert_no_error (error);
    g_assert_true (g_bytes_equal (back, pdf));
  }
  assert_search (copy, "ocop 07", expected_ids (first_id + 7, (gint64) 0));
  assert_audit_ok (copy);
  assert_check_clean (copy);
  g_clear_object (&copy);

  /* into a folder that does not exist: an error, and nothing left behind */
  g_assert_false (ipd_store_backup (f->store, missing, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == IPD_ERROR);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (sibling_exists (missing, ".partial"));
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));

  /* a cancelled backup leaves nothing either */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autofree char *cancelled = g_build_filename (f->dir, "cancelled.sqlite", NULL);

    g_cancellable_cancel (cancellable);
    g_assert_false (ipd_store_backup (f->store, cancelled, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));
    g_assert_false (sibling_exists (cancelled, ".partial"));
  }
}

/* Read-only ----------------------------------------------------------------------- */

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) ro = NULL;
  g_autoptr(IpdDossier) d = save_new (f->store, IPD_KIND_TRADEMARK, "Hạt Giổi", "4-2024-00002", NULL);
  g_autoptr(IpdDossier) fresh = ipd_dossier_new (IPD_KIND_TRADEMARK, "Không được lưu");
  g_autoptr(IpdDossier) loaded = NULL;
  g_autoptr(IpdParty) party = ipd_party_new ("HTX Mới", "cooperative");
  g_autoptr(IpdEvent) event = NULL;
  g_autoptr(IpdAttachment) doc = ipd_attachment_new (0, "x.txt");
  g_autoptr(GBytes) bytes = g_bytes_new_static ("abc", 3);
  g_autofree char *before = NULL, *after = NULL;
  gint64 event_id = add_event (f->store, d->id, "01/01/2024", "filed");
  gint64 audit_before;

  g_clear_object (&f->store);
  audit_before = raw_int (f->path, "SELECT count(*) FROM audit");
  before = file_sha256 (f->path);

  ro = ipd_store_open (f->path, IPD_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ro);
  g_assert_true (ipd_store_is_read_only (ro));

  /* reads work */
  loaded = load_ok (ro, d->id);
  g_assert_cmpstr (loaded->name, ==, "Hạt Giổi");
  g_assert_cmpstr (loaded->status, ==, "filed");
  g_assert_cmpint (count_all (ro), ==, 1);
  assert_search (ro, "hat gioi", expected_ids (d->id, (gint64) 0));
  {
    g_autoptr(GPtrArray) events = ipd_store_list_events (ro, d->id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (events->len, ==, 1);
  }
  assert_audit_ok (ro);
  assert_check_clean (ro);

  /* writes are refused */
  g_assert_false (ipd_store_save_dossier (ro, fresh, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (fresh->id, ==, 0);
  g_assert_null (fresh->reference);

  g_free (loaded->name);
  loaded->name = g_strdup ("Đổi tên");
  g_assert_false (ipd_store_save_dossier (ro, loaded, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (ipd_store_save_party (ro, party, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_cmpint (party->id, ==, 0);

  event = ipd_event_new (d->id, "01/02/2024", "formality_accepted");
  g_assert_false (ipd_store_save_event (ro, event, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (ipd_store_delete_event (ro, event_id, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_READ_ONLY);
  g_clear_error (&error);

  doc->dossier_id = d->id;
  g_assert_false (ipd_store_add_attachment (ro, doc, bytes, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (ipd_store_trash_dossier (ro, d->id, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ipd_store_purge_dossier (ro, d->id, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ipd_store_set_setting (ro, "reference_prefix", "XXX", &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (ipd_store_begin_batch (ro, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_clear_object (&ro);
  after = file_sha256 (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit"), ==, audit_before);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM dossier"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM event"), ==, 1);

  /* a read-only connection beside a writer sees the writer's changes */
  reopen (f);
  ro = ipd_store_open (f->path, IPD_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  {
    g_autoptr(IpdDossier) more = save_new (f->store, IPD_KIND_GI, "Tân Cương", NULL, NULL);
    g_autoptr(IpdDossier) seen = load_ok (ro, more->id);
    g_assert_cmpstr (seen->name, ==, "Tân Cương");
    g_assert_cmpint (count_all (ro), ==, 2);
  }
}

/* Batches ----------------------------------------------------------------------------- */

static void
test_batch (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipd_store_begin_batch (f->store, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Lô %d", i);
      g_autoptr(IpdDossier) d = save_new (f->store, IPD_KIND_TRADEMARK, name, NULL, NULL);
    }
  /* a failed save inside the batch does not spoil it */
  {
    g_autoptr(IpdDossier) bad = ipd_dossier_new (IPD_KIND_TRADEMARK, "Hỏng");
    ipd_dossier_add_party (bad, 4242, IPD_ROLE_APPLICANT, NULL);
    g_assert_false (ipd_store_save_dossier (f->store, bad, &error));
    g_clear_error (&error);
  }
  g_assert_true (ipd_store_commit_batch (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM dossier"), ==, 5);

  g_assert_true (ipd_store_begin_batch (f->store, &error));
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Bỏ %d", i);
      g_autoptr(IpdDossier) d = save_new (f->store, IPD_KIND_TRADEMARK, name, NULL, NULL);
    }
  ipd_store_rollback_batch (f->store);
  g_assert_cmpint (count_all (f->store), ==, 5);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM dossier"), ==, 5);
  assert_audit_ok (f->store);
  assert_check_clean (f->store);
}

/* Two writers ----------------------------------------------------------------------- */

#define N_PER_WRITER 200

typedef struct {
  const char *path;
  char        tag;
  GPtrArray  *references;
  GError     *error;
  gint       *ready;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr(IpdStore) store = ipd_store_open (w->path, IPD_STORE_DEFAULT, &w->error);

  g_atomic_int_inc (w->ready);
  if (store == NULL)
    return NULL;
  while (g_atomic_int_get (w->ready) < 2)
    g_thread_yield ();

  for (int i = 0; i < N_PER_WRITER; i++)
    {
      g_autofree char *name = g_strdup_printf ("Người ghi %c số %03d", w->tag, i);
      g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_TRADEMARK, name);

      d->app_number = g_strdup_printf ("4-2025-%c%04d", w->tag == 'A' ? '1' : '2', i);
      d->filing_date = g_strdup ("15/01/2025");
      ipd_dossier_add_class (d, 30, "Chè");
      if (!ipd_store_save_dossier (store, d, &w->error))
        return NULL;
      g_ptr_array_add (w->references, g_strdup (d->reference));
    }
  return NULL;
}

static void
test_two_writers (Fixture *f, gconstpointer data)
{
  gint ready = 0;
  Writer writers[2] = {
    { f->path, 'A', g_ptr_array_new_with_free_func (g_free), NULL, &ready },
    { f->path, 'B', g_ptr_array_new_with_free_func (g_free), NULL, &ready },
  };
  GThread *threads[2];
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* the register exists before the writers start */
  g_assert_nonnull (f->store);
  g_clear_object (&f->store);

  for (int i = 0; i < 2; i++)
    threads[i] = g_thread_new ("writer", writer_thread, &writers[i]);
  for (int i = 0; i < 2; i++)
    g_thread_join (threads[i]);

  reopen (f);
  for (int i = 0; i < 2; i++)
    {
      g_assert_no_error (writers[i].error);
      g_assert_cmpuint (writers[i].references->len, ==, N_PER_WRITER);
      for (guint j = 0; j < writers[i].references->len; j++)
        {
          const char *reference = g_ptr_array_index (writers[i].references, j);
          g_autoptr(GError) error = NULL;
          g_autoptr(IpdDossier) d = ipd_store_find_dossier (f->store, reference, &error);

          g_assert_no_error (error);
          g_assert_false (g_hash_table_contains (seen, reference));
          g_hash_table_add (seen, (gpointer) reference);
          g_assert_cmpint (d->name[strlen ("Người ghi ")], ==, writers[i].tag);
          g_assert_cmpuint (d->classes->len, ==, 1);
        }
    }
  g_assert_cmpint (count_all (f->store), ==, 2 * N_PER_WRITER);
  g_assert_cmpint (raw_int (f->path, "SELECT count(DISTINCT reference) FROM dossier"), ==, 2 * N_PER_WRITER);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM nice_class"), ==, 2 * N_PER_WRITER);
  {
    g_autoptr(IpdDossier) last = ipd_store_find_dossier (f->store,
                                                         g_ptr_array_index (writers[1].references, N_PER_WRITER - 1),
                                                         NULL);
    g_assert_nonnull (last);
    assert_search (f->store, "nguoi ghi b so 199", expected_ids (last->id, (gint64) 0));
  }
  assert_audit_ok (f->store);
  assert_check_clean (f->store);

  for (int i = 0; i < 2; i++)
    g_ptr_array_unref (writers[i].references);
}

typedef struct {
  const char *path;
  gint       *waiting;
  GError     *error;
  int         version;
} Opener;

static gpointer
opener_thread (gpointer data)
{
  Opener *o = data;
  g_autoptr(IpdStore) store = NULL;

  g_atomic_int_dec_and_test (o->waiting);
  while (g_atomic_int_get (o->waiting) > 0)
    g_thread_yield ();
  store = ipd_store_open (o->path, IPD_STORE_DEFAULT, &o->error);
  if (store != NULL)
    {
      g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_TRADEMARK, "Mở cùng lúc");
      o->version = ipd_store_get_schema_version (store);
      ipd_store_save_dossier (store, d, o->error ? NULL : &o->error);
    }
  return NULL;
}

/* Several programs that open the same new register at the same moment: one
 * creates it, the others wait and find it made. Races are found by
 * repetition: a hundred rounds of four openers. */
#define N_OPENERS 4
#define N_OPEN_ROUNDS 100

static void
test_two_openers (Fixture *f, gconstpointer data)
{
  for (int round = 0; round < N_OPEN_ROUNDS; round++)
    {
      g_autofree char *path = g_strdup_printf ("%s/new-%d.sqlite", f->dir, round);
      gint waiting = N_OPENERS;
      Opener openers[N_OPENERS];
      GThread *threads[N_OPENERS];

      for (int i = 0; i < N_OPENERS; i++)
        {
          openers[i] = (Opener) { path, &waiting, NULL, 0 };
          threads[i] = g_thread_new ("opener", opener_thread, &openers[i]);
        }
      for (int i = 0; i < N_OPENERS; i++)
        g_thread_join (threads[i]);
      for (int i = 0; i < N_OPENERS; i++)
        {
          if (openers[i].error != NULL)
            g_error ("round %d, opener %d: %s", round, i, openers[i].error->message);
          g_assert_cmpint (openers[i].version, ==, IPD_STORE_SCHEMA_VERSION);
        }
      g_assert_cmpint (raw_int (path, "SELECT count(*) FROM kind"), ==, 4);
      g_assert_cmpint (raw_int (path, "SELECT count(*) FROM dossier"), ==, N_OPENERS);
      if (round % 50 == 0)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(IpdStore) store = ipd_store_open (path, IPD_STORE_DEFAULT, &error);

          g_assert_no_error (error);
          assert_audit_ok (store);
          assert_check_clean (store);
        }
    }
}

/* Crash safety ----------------------------------------------------------------------- */

#define N_REPORTED 300

G_GNUC_NORETURN static void
child_saves_forever (const char *path, int fd)
{
  g_autoptr(GError) error = NULL;
  IpdStore *store = ipd_store_open (path, IPD_STORE_DEFAULT, &error);
  gint64 party;

  if (store == NULL)
    {
      g_autofree char *line = g_strdup_printf ("ERROR open: %s\n", error->message);
      if (write (fd, line, strlen (line)) < 0)
        _exit (3);
      _exit (1);
    }
  {
    IpdParty *p = ipd_party_new ("HTX Nông nghiệp Huấn Loan", "cooperative");
    if (!ipd_store_save_party (store, p, &error))
      _exit (2);
    party = p->id;
    ipd_party_unref (p);
  }

  for (int i = 0; i < 1000000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Cà phê Mường Ảng %05d", i);
      IpdDossier *d = ipd_dossier_new (i % 3 ? IPD_KIND_TRADEMARK : IPD_KIND_GI, name);
      g_autofree char *line = NULL;
      gsize done = 0;

      if (i % 3)
        ipd_dossier_add_class (d, 30, "Cà phê nhân; cà phê rang xay");
      else
        ipd_dossier_add_product (d, "Cà phê chè");
      ipd_dossier_add_alias (d, "Ca phe Muong Ang");
      ipd_dossier_add_party (d, party, i % 3 ? IPD_ROLE_APPLICANT : IPD_ROLE_MANAGING_ORG, NULL);
      d->filing_date = g_strdup ("2023-03-15");
      if (!ipd_store_save_dossier (store, d, &error))
        {
          line = g_strdup_printf ("ERROR save: %s\n", error->message);
          if (write (fd, line, strlen (line)) < 0)
            _exit (3);
          _exit (1);
        }
      if (i % 5 == 0)
        {
          IpdEvent *e = ipd_event_new (d->id, "2023-03-15", "filed");
          if (!ipd_store_save_event (store, e, &error))
            _exit (4);
          ipd_event_unref (e);
        }
      line = g_strdup_printf ("%s\n", d->reference);
      ipd_dossier_unref (d);
      while (done < strlen (line))
        {
          ssize_t n = write (fd, line + done, strlen (line) - done);
          if (n < 0 && errno == EINTR)
            continue;
          if (n <= 0)
            _exit (5);
          done += (gsize) n;
        }
    }
  _exit (0);
}

static void
test_crash_safety (Fixture *f, gconstpointer data)
{
  int fds[2];
  pid_t pid;
  FILE *input;
  g_autoptr(GPtrArray) reported = g_ptr_array_new_with_free_func (g_free);
  char *line = NULL;
  size_t capacity = 0;
  int status = 0;

  /* the child is forked before this process has touched the file */
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_null (f->store);
  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      child_saves_forever (f->path, fds[1]);
    }

  close (fds[1]);
  input = fdopen (fds[0], "r");
  g_assert_nonnull (input);
  while (reported->len < N_REPORTED && getline (&line, &capacity, input) > 0)
    {
      g_strchomp (line);
      if (g_str_has_prefix (line, "ERROR"))
        {
          kill (pid, SIGKILL);
          waitpid (pid, NULL, 0);
          g_error ("the child failed: %s", line);
        }
      g_ptr_array_add (reported, g_strdup (line));
    }
  free (line);

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  fclose (input);
  g_assert_cmpuint (reported->len, ==, N_REPORTED);
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  reopen (f);
  for (guint i = 0; i < reported->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IpdDossier) d = ipd_store_find_dossier (f->store, g_ptr_array_index (reported, i), &error);

      g_assert_no_error (error);
      g_assert_nonnull (d);
      g_assert_cmpuint (d->parties->len, ==, 1);
      g_assert_cmpuint (d->aliases->len, ==, 1);
    }
  g_assert_cmpint (count_all (f->store), >=, N_REPORTED);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM dossier WHERE search_text IS NULL OR sort_key IS NULL"), ==, 0);
  assert_audit_ok (f->store);
  assert_check_clean (f->store);

  /* the register goes on from where it was */
  {
    g_autoptr(IpdDossier) d = save_new (f->store, IPD_KIND_TRADEMARK, "Sau sự cố", NULL, NULL);
    assert_check_clean (f->store);
  }
}

static GArray *
ids_for (IpdStore *store, const IpdQuery *query)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = ipd_store_list_ids (store, query, &error);

  g_assert_no_error (error);
  return ids;
}

/* The sidebar's province and deadline filters, and the province counts. */
static void
test_filter_province_and_deadline (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdParty) party = ipd_party_new ("HTX Phúc Minh", "cooperative");
  g_autoptr(IpdDossier) a = ipd_dossier_new (IPD_KIND_TRADEMARK, "Hà thủ ô Sìn Hồ");
  g_autoptr(IpdDossier) b = ipd_dossier_new (IPD_KIND_GI, "Mường Ảng");
  g_autoptr(IpdDossier) c = save_new (f->store, IPD_KIND_TRADEMARK, "Gạo Séng Cù", NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lai_chau = NULL, dien_bien = NULL, due = NULL;
  g_autoptr(GPtrArray) provinces = NULL;
  g_autofree char *tasks = NULL;
  IpdQuery in_lai_chau = { .province = "Tỉnh Lai Châu" };
  IpdQuery in_dien_bien = { .province = "Tỉnh Điện Biên" };
  IpdQuery due_soon = { .due_within_days = 30 };

  party->province = g_strdup ("Tỉnh Lai Châu");
  g_assert_true (ipd_store_save_party (f->store, party, &error));
  ipd_dossier_add_party (a, party->id, IPD_ROLE_APPLICANT, NULL);
  save_ok (f->store, a);
  ipd_dossier_add_area_unit (b, "Huyện Mường Ảng (cũ)", NULL, "Tỉnh Điện Biên");
  save_ok (f->store, b);

  lai_chau = ids_for (f->store, &in_lai_chau);
  g_assert_cmpuint (lai_chau->len, ==, 1);
  g_assert_cmpint (g_array_index (lai_chau, gint64, 0), ==, a->id);
  dien_bien = ids_for (f->store, &in_dien_bien);
  g_assert_cmpuint (dien_bien->len, ==, 1);
  g_assert_cmpint (g_array_index (dien_bien, gint64, 0), ==, b->id);

  provinces = ipd_store_count_facet (f->store, IPD_FACET_PROVINCE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (provinces->len, ==, 2);
  g_assert_cmpint (((IpdFacetCount *) g_ptr_array_index (provinces, 0))->count, ==, 1);

  /* Deadlines come from the task table (filled by the deadline engine). */
  tasks = g_strdup_printf (
    "INSERT INTO task (dossier_id, rule_id, title, due_date, done_date, created_at) VALUES"
    " (%" G_GINT64_FORMAT ", 'test', 'soon', date ('now', 'localtime', '+10 days'), NULL, 'now'),"
    " (%" G_GINT64_FORMAT ", 'test', 'later', date ('now', 'localtime', '+40 days'), NULL, 'now'),"
    " (%" G_GINT64_FORMAT ", 'test', 'done', date ('now', 'localtime', '+5 days'), date ('now'), 'now')",
    a->id, b->id, c->id);
  g_assert_true (ipd_store_exec (f->store, tasks, &error));
  due = ids_for (f->store, &due_soon);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpint (g_array_index (due, gint64, 0), ==, a->id);
  g_assert_cmpint (ipd_store_count_dossiers (f->store, &due_soon, NULL), ==, 1);
}

/* Communes: counted per province, and filtered on the same address or area
 * unit as the province ("Phường Tân Phong" exists in two provinces here). */
static gint64
place_party (IpdStore *store, const char *name, const char *commune, const char *province)
{
  g_autoptr(IpdParty) party = ipd_party_new (name, "cooperative");
  g_autoptr(GError) error = NULL;

  party->commune = g_strdup (commune);
  party->province = g_strdup (province);
  g_assert_true (ipd_store_save_party (store, party, &error));
  g_assert_no_error (error);
  return party->id;
}

static IpdDossier *
placed_dossier (IpdStore *store, const char *name, gint64 party_id, const char *role)
{
  IpdDossier *d = ipd_dossier_new (IPD_KIND_TRADEMARK, name);

  ipd_dossier_add_party (d, party_id, role, NULL);
  save_ok (store, d);
  return d;
}

static void
assert_commune_count (GPtrArray *counts, guint i, const char *commune, gint64 count)
{
  IpdFacetCount *item;

  g_assert_cmpuint (i, <, counts->len);
  item = g_ptr_array_index (counts, i);
  g_assert_cmpstr (item->value, ==, commune);
  g_assert_cmpint (item->count, ==, count);
}

static void
test_query_commune (Fixture *f, gconstpointer data)
{
  gint64 lai_chau = place_party (f->store, "HTX Phúc Minh", "Phường Tân Phong", "Tỉnh Lai Châu");
  gint64 dien_bien = place_party (f->store, "HTX Huấn Loan", "Phường Tân Phong", "Tỉnh Điện Biên");
  gint64 licensee = place_party (f->store, "HTX Mỹ Dao", "Xã Nậm Kè", "Tỉnh Lai Châu");
  g_autoptr(IpdDossier) a = placed_dossier (f->store, "Hà thủ ô Sìn Hồ", lai_chau, IPD_ROLE_APPLICANT);
  g_autoptr(IpdDossier) b = placed_dossier (f->store, "Gạo Mường Thanh", dien_bien, IPD_ROLE_OWNER);
  g_autoptr(IpdDossier) c = placed_dossier (f->store, "Chè Sìn Hồ", licensee, "licensee");
  g_autoptr(IpdDossier) trashed = placed_dossier (f->store, "Thảo quả Lai Châu", lai_chau, IPD_ROLE_APPLICANT);
  g_autoptr(IpdDossier) gi = ipd_dossier_new (IPD_KIND_GI, "Sâm Lai Châu");
  g_autoptr(GPtrArray) of_lai_chau = NULL, of_all = NULL, facet = NULL;
  g_autoptr(GArray) tan_phong = NULL, anywhere = NULL, wrong_province = NULL, area = NULL, licensed = NULL;
  g_autoptr(GError) error = NULL;
  IpdQuery q_tan_phong = { .province = "Tỉnh Lai Châu", .commune = "Phường Tân Phong" };
  IpdQuery q_anywhere = { .commune = "Phường Tân Phong" };
  IpdQuery q_wrong_province = { .province = "Tỉnh Điện Biên", .commune = "Xã Tà Lèng" };
  IpdQuery q_area = { .province = "Tỉnh Lai Châu", .commune = "Xã Tà Lèng" };
  IpdQuery q_licensed = { .province = "Tỉnh Lai Châu", .commune = "Xã Nậm Kè" };

  ipd_dossier_add_area_unit (gi, "Núi Pu Si Lung", "Xã Tà Lèng", "Tỉnh Lai Châu");
  save_ok (f->store, gi);
  g_assert_true (ipd_store_trash_dossier (f->store, trashed->id, &error));
  g_assert_nonnull (c);

  /* in name order too: the in-memory name order must not answer this */
  tan_phong = ids_for (f->store, &q_tan_phong);
  g_assert_cmpuint (tan_phong->len, ==, 1);
  g_assert_cmpint (g_array_index (tan_phong, gint64, 0), ==, a->id);
  anywhere = ids_for (f->store, &q_anywhere);
  g_assert_cmpuint (anywhere->len, ==, 2);
  wrong_province = ids_for (f->store, &q_wrong_province);
  g_assert_cmpuint (wrong_province->len, ==, 0);
  area = ids_for (f->store, &q_area);
  g_assert_cmpuint (area->len, ==, 1);
  g_assert_cmpint (g_array_index (area, gint64, 0), ==, gi->id);
  licensed = ids_for (f->store, &q_licensed);   /* a licensee's address is not the dossier's place */
  g_assert_cmpuint (licensed->len, ==, 0);
  g_assert_cmpint (ipd_store_count_dossiers (f->store, &q_tan_phong, &error), ==, 1);
  q_tan_phong.sort = IPD_SORT_REFERENCE;
  q_tan_phong.text = "ha thu o";
  g_assert_cmpint (ipd_store_count_dossiers (f->store, &q_tan_phong, &error), ==, 1);
  q_tan_phong.text = "gao";
  g_assert_cmpint (ipd_store_count_dossiers (f->store, &q_tan_phong, &error), ==, 0);

  /* the counts: live dossiers only, the province's own communes */
  of_lai_chau = ipd_store_count_communes (f->store, "Tỉnh Lai Châu", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_lai_chau->len, ==, 2);
  assert_commune_count (of_lai_chau, 0, "Phường Tân Phong", 1);
  assert_commune_count (of_lai_chau, 1, "Xã Tà Lèng", 1);
  of_all = ipd_store_count_communes (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of_all->len, ==, 2);
  assert_commune_count (of_all, 0, "Phường Tân Phong", 2);
  facet = ipd_store_count_facet (f->store, IPD_FACET_COMMUNE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (facet->len, ==, 2);
  assert_commune_count (facet, 0, "Phường Tân Phong", 2);
  assert_commune_count (facet, 1, "Xã Tà Lèng", 1);
}

/* Each commune's count is the number of dossiers choosing it lists. */
static void
test_query_commune_counts_match (Fixture *f, gconstpointer data)
{
  gint64 parties[] = {
    place_party (f->store, "HTX Phúc Minh", "Phường Tân Phong", "Tỉnh Lai Châu"),
    place_party (f->store, "HTX Mỹ Dao", "Xã Nậm Kè", "Tỉnh Lai Châu"),
    place_party (f->store, "HTX Huấn Loan", "Phường Tân Phong", "Tỉnh Điện Biên"),
  };
  const char *roles[] = { IPD_ROLE_APPLICANT, IPD_ROLE_OWNER, "licensee" };
  const char *provinces[] = { "Tỉnh Lai Châu", "Tỉnh Điện Biên", "Tỉnh Sơn La" };

  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("Nhãn hiệu %u", i);
      g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_TRADEMARK, name);

      ipd_dossier_add_party (d, parties[i % 3], roles[i % 3], NULL);
      if (i % 2 == 0)
        ipd_dossier_add_party (d, parties[(i + 1) % 3], IPD_ROLE_APPLICANT, NULL);
      save_ok (f->store, d);
    }
  for (guint p = 0; p < G_N_ELEMENTS (provinces); p++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) counts = ipd_store_count_communes (f->store, provinces[p], &error);

      g_assert_no_error (error);
      for (guint i = 0; i < counts->len; i++)
        {
          IpdFacetCount *item = g_ptr_array_index (counts, i);
          IpdQuery query = { .province = provinces[p], .commune = item->value };
          g_autoptr(GArray) ids = ids_for (f->store, &query);

          g_assert_cmpint (item->count, ==, (gint64) ids->len);
        }
      if (p == 2)
        g_assert_cmpuint (counts->len, ==, 0);
    }
}

/* A list shows the applicant's current name, also after the party is renamed. */
static void
test_summary_follows_party_rename (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdParty) party = ipd_party_new ("HTX Mỹ Dao", "cooperative");
  g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_CERTIFICATION, "Hà thủ ô đỏ Sìn Hồ");
  g_autoptr(GPtrArray) before = NULL, after = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GError) error = NULL;
  IpdQuery by_new_name = { .text = "my dao moi" };

  g_assert_true (ipd_store_save_party (f->store, party, &error));
  ipd_dossier_add_party (d, party->id, IPD_ROLE_APPLICANT, NULL);
  save_ok (f->store, d);
  before = ipd_store_load_summaries (f->store, &d->id, 1, &error);
  g_assert_cmpstr (((IpdDossierSummary *) g_ptr_array_index (before, 0))->applicant, ==, "HTX Mỹ Dao");

  g_free (party->name);
  party->name = g_strdup ("HTX Mỹ Dao mới");
  g_assert_true (ipd_store_save_party (f->store, party, &error));
  after = ipd_store_load_summaries (f->store, &d->id, 1, &error);
  g_assert_cmpstr (((IpdDossierSummary *) g_ptr_array_index (after, 0))->applicant, ==, "HTX Mỹ Dao mới");
  found = ids_for (f->store, &by_new_name);
  g_assert_cmpuint (found->len, ==, 1);
}

/* Search results in name order come from a copy of the order kept in
 * memory: it must follow every change, this connection's and others'. */
static GArray *
search_ids (IpdStore *store, const char *text)
{
  IpdQuery query = { .text = text };
  g_autoptr(GError) error = NULL;
  GArray *ids = ipd_store_list_ids (store, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

static void
test_search_follows_changes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) other = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_autoptr(IpdDossier) b = save_new (f->store, IPD_KIND_TRADEMARK, "Bưởi Đoan Hùng", NULL, NULL);
  g_autoptr(IpdDossier) a = save_new (f->store, IPD_KIND_TRADEMARK, "Bưởi Diễn", NULL, NULL);
  g_autoptr(IpdDossier) c = NULL;
  g_autoptr(GArray) first = NULL, renamed = NULL, trashed = NULL, from_other = NULL, descending = NULL;
  IpdQuery reverse = { .text = "buoi", .descending = TRUE };

  g_assert_no_error (error);
  first = search_ids (f->store, "buoi");
  g_assert_cmpuint (first->len, ==, 2);
  g_assert_cmpint (g_array_index (first, gint64, 0), ==, a->id);   /* Diễn < Đoan: d before đ */
  g_assert_cmpint (g_array_index (first, gint64, 1), ==, b->id);

  descending = ipd_store_list_ids (f->store, &reverse, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (descending, gint64, 0), ==, b->id);

  /* renamed by this connection: the order follows */
  g_free (a->name);
  a->name = g_strdup ("Bưởi Phúc Trạch");
  save_ok (f->store, a);
  renamed = search_ids (f->store, "buoi");
  g_assert_cmpint (g_array_index (renamed, gint64, 0), ==, b->id);
  g_assert_cmpint (g_array_index (renamed, gint64, 1), ==, a->id);

  /* trashed: gone from the results */
  g_assert_true (ipd_store_trash_dossier (f->store, b->id, &error));
  trashed = search_ids (f->store, "buoi");
  g_assert_cmpuint (trashed->len, ==, 1);

  /* added by another connection: found here too */
  c = save_new (other, IPD_KIND_TRADEMARK, "Bưởi Năm Roi", NULL, NULL);
  from_other = search_ids (f->store, "buoi");
  g_assert_cmpuint (from_other->len, ==, 2);
  g_assert_cmpint (g_array_index (from_other, gint64, 0), ==, c->id);   /* Năm < Phúc */
}

/* Number formats ---------------------------------------------------------------------- */

static IpdNumberFormat *
format_of (GPtrArray *formats, const char *kind)
{
  for (guint i = 0; i < formats->len; i++)
    {
      IpdNumberFormat *format = g_ptr_array_index (formats, i);
      if (g_str_equal (format->kind, kind))
        return format;
    }
  g_assert_not_reached ();
}

static GPtrArray *
list_formats_ok (IpdStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *formats = ipd_store_list_number_formats (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (formats);
  return formats;
}

/* Every kind is listed in the kinds' order, with its format or none. */
static void
test_number_format_list (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) seeded = list_formats_ok (f->store);
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) without = NULL;
  g_autoptr(GError) error = NULL;
  IpdNumberFormat *gi;

  g_assert_cmpuint (seeded->len, ==, 4);
  g_assert_cmpstr (((IpdNumberFormat *) g_ptr_array_index (seeded, 0))->kind, ==, IPD_KIND_TRADEMARK);
  g_assert_cmpstr (((IpdNumberFormat *) g_ptr_array_index (seeded, 3))->kind, ==, IPD_KIND_GI);
  g_assert_cmpstr (format_of (seeded, IPD_KIND_TRADEMARK)->pattern, ==, "^4-[0-9]{4}-[0-9]{5}$");
  g_assert_cmpstr (format_of (seeded, IPD_KIND_TRADEMARK)->example, ==, "4-2025-20619");
  g_assert_cmpstr (format_of (seeded, IPD_KIND_GI)->example, ==, "6-2023-00012");

  g_assert_true (ipd_store_set_number_format (f->store, IPD_KIND_GI, "^GI-[0-9]{3}$", "GI-001", &error));
  g_assert_no_error (error);
  changed = list_formats_ok (f->store);
  gi = format_of (changed, IPD_KIND_GI);
  g_assert_cmpstr (gi->pattern, ==, "^GI-[0-9]{3}$");
  g_assert_cmpstr (gi->example, ==, "GI-001");
  g_assert_cmpstr (format_of (changed, IPD_KIND_COLLECTIVE)->pattern, ==, "^4-[0-9]{4}-[0-9]{5}$");

  /* a blank pattern or example is refused and changes nothing */
  g_assert_false (ipd_store_set_number_format (f->store, IPD_KIND_GI, "  ", "GI-001", &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ipd_store_set_number_format (f->store, IPD_KIND_GI, "^GI-[0-9]{3}$", "", &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM number_format WHERE kind = 'gi' AND pattern = '^GI-[0-9]{3}$'"), ==, 1);

  /* a kind without a format is listed without one */
  /* (through the store's connection: the audit triggers call its functions) */
  g_assert_cmpint (sqlite3_exec (f->store->db, "DELETE FROM number_format WHERE kind = 'certification'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  without = list_formats_ok (f->store);
  g_assert_cmpuint (without->len, ==, 4);
  g_assert_null (format_of (without, IPD_KIND_CERTIFICATION)->pattern);
  g_assert_null (format_of (without, IPD_KIND_CERTIFICATION)->example);
}

/* Parties created and edited with their dossier ------------------------------------- */

static gint64
party_rows (Fixture *f)
{
  return raw_int (f->path, "SELECT count(*) FROM party");
}

static IpdParty *
new_party_details (const char *name, const char *tax_code)
{
  IpdParty *p = ipd_party_new (name, "cooperative");

  p->tax_code = g_strdup (tax_code);
  p->commune = g_strdup ("xã Tả Lèng");
  p->province = g_strdup ("Lai Châu");
  return p;
}

/* A party that is not in the register yet is created with the dossier, once
 * for all its roles, and found again by its folded name and tax code. */
static void
test_parties_created_with_dossier (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdParty) party = new_party_details ("  HTX Nông nghiệp Huấn Loan ", "6200123456");
  g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_COLLECTIVE, "Chè Tả Lèng");
  g_autoptr(IpdDossier) back = NULL;
  g_autoptr(IpdParty) stored = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  ipd_dossier_add_party_details (d, party, IPD_ROLE_APPLICANT);
  ipd_dossier_add_party_details (d, party, IPD_ROLE_OWNER);
  g_assert_cmpint (party_rows (f), ==, 0);
  save_ok (f->store, d);

  g_assert_cmpint (party_rows (f), ==, 1);
  g_assert_cmpint (party->id, >, 0);
  for (guint i = 0; i < d->parties->len; i++)
    g_assert_cmpint (((IpdDossierParty *) g_ptr_array_index (d->parties, i))->party_id, ==, party->id);

  back = load_ok (f->store, d->id);
  g_assert_cmpuint (back->parties->len, ==, 2);
  g_assert_cmpint (((IpdDossierParty *) g_ptr_array_index (back->parties, 0))->party_id, ==, party->id);
  g_assert_cmpstr (((IpdDossierParty *) g_ptr_array_index (back->parties, 0))->role, ==, IPD_ROLE_APPLICANT);
  g_assert_cmpstr (((IpdDossierParty *) g_ptr_array_index (back->parties, 1))->role, ==, IPD_ROLE_OWNER);
  g_assert_cmpstr (ipd_dossier_first_party_name (back, IPD_ROLE_APPLICANT), ==, "HTX Nông nghiệp Huấn Loan");
  g_assert_null (((IpdDossierParty *) g_ptr_array_index (back->parties, 0))->party);

  stored = ipd_store_load_party (f->store, party->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->name, ==, "HTX Nông nghiệp Huấn Loan");
  g_assert_cmpstr (stored->tax_code, ==, "6200123456");
  g_assert_cmpstr (stored->commune, ==, "xã Tả Lèng");

  /* found by the folded name and the tax code, as the dialog looks for duplicates */
  found = ipd_store_find_parties (f->store, "htx nong nghiep huan loan", "6200123456", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((IpdParty *) g_ptr_array_index (found, 0))->id, ==, party->id);
  g_assert_true (ipd_party_same_name (g_ptr_array_index (found, 0), "HTX NÔNG NGHIỆP  Huấn Loan"));
  g_assert_true (ipd_party_same_tax_code (g_ptr_array_index (found, 0), "620 012 3456"));
  g_assert_false (ipd_party_same_tax_code (g_ptr_array_index (found, 0), ""));
  g_assert_false (ipd_party_same_name (g_ptr_array_index (found, 0), "HTX Nông nghiệp Huấn"));
  g_clear_pointer (&found, g_ptr_array_unref);
  found = ipd_store_find_parties (f->store, "HTX Nong nghiep Huan Loan", NULL, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = ipd_store_find_parties (f->store, NULL, "6200123456", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* written another way: spacing in the name, separators in the tax code */
  found = ipd_store_find_parties (f->store, "  htx  nông nghiệp   HUẤN loan ", NULL, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = ipd_store_find_parties (f->store, NULL, "620-012 34.56", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  /* the start of a name finds it too; the caller tells the same name apart */
  found = ipd_store_find_parties (f->store, "HTX Nông nghiệp", "6200000000", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_false (ipd_party_same_name (g_ptr_array_index (found, 0), "HTX Nông nghiệp"));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* as the officer types: the start of the name, of one of its words, the tax code */
  found = ipd_store_search_parties (f->store, "htx nong ng", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = ipd_store_search_parties (f->store, "Huấn", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = ipd_store_search_parties (f->store, "620012", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = ipd_store_search_parties (f->store, "uan lo", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = ipd_store_search_parties (f->store, "100%_", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);

  /* the dossier is found by its new party's name */
  assert_search (f->store, "huan loan", expected_ids (d->id, (gint64) 0));
  assert_check_clean (f->store);
}

/* A dossier that cannot be saved leaves no party behind: neither when it
 * is refused before writing nor when the transaction fails half-way. */
static void
test_parties_failed_save_leaves_none (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdParty) party = new_party_details ("HTX Chè San Thàng", "6200999999");
  g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_TRADEMARK, "San Thàng");
  g_autoptr(GError) error = NULL;
  gint64 audit_before = raw_int (f->path, "SELECT count(*) FROM audit");
  IpdDossierParty *item;

  d->app_number = g_strdup ("4-25-1");   /* not in the trademark number form */
  ipd_dossier_add_party_details (d, party, IPD_ROLE_APPLICANT);
  assert_save_refused (f, d, "Application number", NULL);
  g_assert_cmpint (party_rows (f), ==, 0);
  g_assert_cmpint (party->id, ==, 0);

  /* valid, but a second party that does not exist fails inside the
   * transaction, after the new party was written */
  g_clear_pointer (&d->app_number, g_free);
  ipd_dossier_add_party (d, 9999, "representative", "Không có");
  g_assert_false (ipd_store_save_dossier (f->store, d, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (party_rows (f), ==, 0);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit"), ==, audit_before);
  g_assert_cmpint (d->id, ==, 0);
  g_assert_cmpint (party->id, ==, 0);
  item = g_ptr_array_index (d->parties, 0);
  g_assert_cmpint (item->party_id, ==, 0);

  /* corrected, it saves with its party, once */
  g_ptr_array_remove_index (d->parties, 1);
  save_ok (f->store, d);
  g_assert_cmpint (party_rows (f), ==, 1);
  g_assert_cmpint (item->party_id, ==, party->id);
  g_assert_cmpint (count_all (f->store), ==, 1);
  assert_check_clean (f->store);
}

/* An existing party's details edited with the dossier are saved with it,
 * or not at all. */
static void
test_parties_details_saved_with_dossier (Fixture *f, gconstpointer data)
{
  gint64 id = save_party (f->store, "HTX Mường Lò", "cooperative");
  g_autoptr(IpdParty) edited = ipd_store_load_party (f->store, id, NULL);
  g_autoptr(IpdParty) back = NULL;
  g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_TRADEMARK, "Gạo Mường Lò");
  g_autoptr(IpdDossier) other = ipd_dossier_new (IPD_KIND_TRADEMARK, "Gạo Mường Lò");
  g_autoptr(GError) error = NULL;

  g_free (edited->name);
  edited->name = g_strdup ("HTX Nông nghiệp Mường Lò");
  edited->tax_code = g_strdup ("5200111222");
  edited->email = g_strdup ("htx.muonglo@example.vn");

  /* refused (a number already taken): the party keeps its details */
  other->app_number = g_strdup ("4-2025-00001");
  save_ok (f->store, other);
  d->app_number = g_strdup ("4-2025-00001");
  ipd_dossier_add_party_details (d, edited, IPD_ROLE_APPLICANT);
  g_assert_false (ipd_store_save_dossier (f->store, d, &error));
  g_clear_error (&error);
  back = ipd_store_load_party (f->store, id, NULL);
  g_assert_cmpstr (back->name, ==, "HTX Mường Lò");
  g_assert_null (back->tax_code);
  g_clear_pointer (&back, ipd_party_unref);

  g_free (d->app_number);
  d->app_number = g_strdup ("4-2025-00002");
  save_ok (f->store, d);
  g_assert_cmpint (party_rows (f), ==, 1);
  back = ipd_store_load_party (f->store, id, NULL);
  g_assert_cmpstr (back->name, ==, "HTX Nông nghiệp Mường Lò");
  g_assert_cmpstr (back->tax_code, ==, "5200111222");
  g_assert_cmpstr (back->email, ==, "htx.muonglo@example.vn");
  g_assert_cmpstr (((IpdDossierParty *) g_ptr_array_index (d->parties, 0))->party_name, ==, "HTX Nông nghiệp Mường Lò");
  assert_search (f->store, "nong nghiep muong lo", expected_ids (d->id, (gint64) 0));
  assert_check_clean (f->store);
}

static void
test_parties_validate (Fixture *f, gconstpointer data)
{
  gint64 id = save_party (f->store, "HTX Sìn Hồ", "cooperative");
  g_autoptr(IpdParty) nameless = ipd_party_new ("   ", "cooperative");
  g_autoptr(IpdParty) bad_mail = ipd_party_new ("HTX Pa Tần", "cooperative");
  g_autoptr(IpdParty) shared = ipd_party_new ("HTX Nậm Tăm", "cooperative");
  g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_TRADEMARK, "Sìn Hồ");
  g_autoptr(GPtrArray) problems = NULL;

  ipd_dossier_add_party_details (d, nameless, IPD_ROLE_APPLICANT);
  problems = ipd_store_validate_dossier (f->store, d);
  g_assert_true (problems_have_field (problems, "parties"));
  g_clear_pointer (&problems, g_ptr_array_unref);
  assert_save_refused (f, d, "Parties", "name");

  g_ptr_array_set_size (d->parties, 0);
  ipd_dossier_add_party (d, id, "chairman", "HTX Sìn Hồ");
  assert_save_refused (f, d, "Parties", "chairman");

  g_ptr_array_set_size (d->parties, 0);
  bad_mail->email = g_strdup ("khong-co");
  ipd_dossier_add_party_details (d, bad_mail, IPD_ROLE_APPLICANT);
  assert_save_refused (f, d, "Parties", "HTX Pa Tần");

  /* the same party twice in one role, existing or new */
  g_ptr_array_set_size (d->parties, 0);
  ipd_dossier_add_party (d, id, IPD_ROLE_APPLICANT, "HTX Sìn Hồ");
  ipd_dossier_add_party (d, id, IPD_ROLE_APPLICANT, "HTX Sìn Hồ");
  assert_save_refused (f, d, "Parties", "twice");
  g_ptr_array_set_size (d->parties, 0);
  ipd_dossier_add_party_details (d, shared, IPD_ROLE_OWNER);
  ipd_dossier_add_party_details (d, shared, IPD_ROLE_OWNER);
  assert_save_refused (f, d, "Parties", "twice");
  g_assert_cmpint (party_rows (f), ==, 1);

  /* in two roles it is fine */
  g_ptr_array_remove_index (d->parties, 1);
  ipd_dossier_add_party_details (d, shared, IPD_ROLE_APPLICANT);
  save_ok (f->store, d);
  g_assert_cmpint (party_rows (f), ==, 2);
}

/* A copy of a dossier keeps one party shared by two roles as one. */
static void
test_parties_copy_keeps_shared (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdParty) party = new_party_details ("HTX Bản Hon", NULL);
  g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_TRADEMARK, "Bản Hon");
  g_autoptr(IpdDossier) copy = NULL;
  IpdDossierParty *a, *b;

  ipd_dossier_add_party_details (d, party, IPD_ROLE_APPLICANT);
  ipd_dossier_add_party_details (d, party, IPD_ROLE_OWNER);
  copy = ipd_dossier_copy (d);
  a = g_ptr_array_index (copy->parties, 0);
  b = g_ptr_array_index (copy->parties, 1);
  g_assert_nonnull (a->party);
  g_assert_true (a->party == b->party);
  g_assert_true (a->party != party);
  save_ok (f->store, copy);
  g_assert_cmpint (party_rows (f), ==, 1);
  g_assert_cmpint (party->id, ==, 0);   /* the original is untouched */
}

/* Tasks ------------------------------------------------------------------------------
 * The deadlines computed from the events by the procedure's rules (the
 * built-in procedure: "formality_result" is due a month after "filed" and
 * done by "formality_accepted"; "publication" two months after that). */

static GPtrArray *
tasks_of (IpdStore *store, gint64 dossier_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *tasks = ipd_store_list_tasks (store, dossier_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tasks);
  return tasks;
}

/* The dossier's one task of @rule_id, or NULL. */
static IpdTask *
task_of (IpdStore *store, gint64 dossier_id, const char *rule_id)
{
  g_autoptr(GPtrArray) tasks = tasks_of (store, dossier_id);
  IpdTask *found = NULL;

  for (guint i = 0; i < tasks->len; i++)
    {
      IpdTask *t = g_ptr_array_index (tasks, i);
      if (g_str_equal (t->rule_id, rule_id))
        {
          g_assert_null (found);
          found = ipd_task_ref (t);
        }
    }
  return found;
}

static gint64
add_letter (IpdStore *store, gint64 dossier_id, const char *date, const char *type, int months)
{
  g_autoptr(IpdEvent) e = ipd_event_new (dossier_id, date, type);
  g_autoptr(GError) error = NULL;

  e->period_months = months;
  g_assert_true (ipd_store_save_event (store, e, &error));
  g_assert_no_error (error);
  return e->id;
}

static IpdEvent *
event_by_id (IpdStore *store, gint64 dossier_id, gint64 event_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = ipd_store_list_events (store, dossier_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      IpdEvent *e = g_ptr_array_index (events, i);
      if (e->id == event_id)
        return ipd_event_ref (e);
    }
  g_assert_not_reached ();
}

static void
delete_event_ok (IpdStore *store, gint64 event_id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipd_store_delete_event (store, event_id, &error));
  g_assert_no_error (error);
}

static char *
next_deadline_of (IpdStore *store, gint64 dossier_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = ipd_store_load_summaries (store, &dossier_id, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  return g_strdup (((IpdDossierSummary *) g_ptr_array_index (rows, 0))->next_deadline);
}

static gint64
task_rows (Fixture *f, gint64 dossier_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM task WHERE dossier_id = %" G_GINT64_FORMAT, dossier_id);
  return raw_int (f->path, sql);
}

/* Adding, editing and deleting an event recompute the tasks and the status. */
static void
test_tasks_follow_events (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) d = save_new (f->store, IPD_KIND_TRADEMARK, "Chè Tân Cương", NULL, "01/03/2024");
  g_autoptr(IpdTask) formality = NULL, again = NULL, publication = NULL;
  g_autoptr(IpdEvent) filed_event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL, *key = NULL;
  gint64 filed, accepted, formality_id;

  g_assert_cmpint (task_rows (f, d->id), ==, 0);
  filed = add_event (f->store, d->id, "01/03/2024", "filed");
  assert_status (f->store, d->id, "filed");

  formality = task_of (f->store, d->id, "formality_result");
  g_assert_nonnull (formality);
  formality_id = formality->id;
  key = g_strdup_printf ("event:%" G_GINT64_FORMAT, filed);
  g_assert_cmpstr (formality->trigger_key, ==, key);
  g_assert_cmpstr (formality->trigger_date, ==, "2024-03-01");
  g_assert_cmpstr (formality->due_date, ==, "2024-04-01");
  g_assert_cmpint (formality->state, ==, IPD_TASK_OPEN);
  g_assert_null (formality->done_date);
  g_assert_cmpstr (formality->completed_by, ==, "formality_accepted");
  g_assert_cmpstr (formality->reference, ==, d->reference);
  g_assert_cmpstr (formality->name, ==, "Chè Tân Cương");
  g_assert_cmpstr (formality->kind, ==, IPD_KIND_TRADEMARK);
  next = next_deadline_of (f->store, d->id);
  g_assert_cmpstr (next, ==, "2024-04-01");
  g_clear_pointer (&next, g_free);

  /* the event's date edited: the same task, a new due date */
  filed_event = event_by_id (f->store, d->id, filed);
  g_free (filed_event->date);
  filed_event->date = g_strdup ("05/03/2024");
  g_assert_true (ipd_store_save_event (f->store, filed_event, &error));
  g_assert_no_error (error);
  again = task_of (f->store, d->id, "formality_result");
  g_assert_cmpint (again->id, ==, formality_id);
  g_assert_cmpstr (again->due_date, ==, "2024-04-05");
  g_clear_pointer (&again, ipd_task_unref);

  /* accepted: that task is done, the next one opens; the status follows */
  accepted = add_event (f->store, d->id, "20/03/2024", "formality_accepted");
  assert_status (f->store, d->id, "accepted");
  again = task_of (f->store, d->id, "formality_result");
  g_assert_cmpint (again->id, ==, formality_id);
  g_assert_cmpint (again->state, ==, IPD_TASK_DONE);
  g_assert_cmpstr (again->done_date, ==, "2024-03-20");
  g_clear_pointer (&again, ipd_task_unref);
  publication = task_of (f->store, d->id, "publication");
  g_assert_nonnull (publication);
  g_assert_cmpstr (publication->due_date, ==, "2024-05-20");
  g_assert_cmpint (publication->state, ==, IPD_TASK_OPEN);
  next = next_deadline_of (f->store, d->id);
  g_assert_cmpstr (next, ==, "2024-05-20");
  g_clear_pointer (&next, g_free);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM task WHERE state = 'open' AND done_date IS NOT NULL"), ==, 0);

  /* the acceptance deleted: open again (same row), the next task gone */
  delete_event_ok (f->store, accepted);
  assert_status (f->store, d->id, "filed");
  again = task_of (f->store, d->id, "formality_result");
  g_assert_cmpint (again->id, ==, formality_id);
  g_assert_cmpint (again->state, ==, IPD_TASK_OPEN);
  g_assert_null (again->done_date);
  g_clear_pointer (&again, ipd_task_unref);
  g_assert_null (task_of (f->store, d->id, "publication"));

  /* the filing deleted: nothing is due */
  delete_event_ok (f->store, filed);
  assert_status (f->store, d->id, IPD_STATUS_PREPARING);
  g_assert_cmpint (task_rows (f, d->id), ==, 0);
  g_assert_null (next_deadline_of (f->store, d->id));
  assert_check_clean (f->store);
}

/* A done task keeps its id and creation time through later changes and a
 * recompute of everything; the expiry follows the renewals. */
static void
test_tasks_done_keeps_id (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) d = save_new (f->store, IPD_KIND_TRADEMARK, "Gạo Séng Cù", NULL, "04/05/2010");
  g_autoptr(IpdTask) renewal = NULL, after = NULL, next = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdDossier) back = NULL;
  g_autofree char *sql = NULL, *created = NULL, *created_after = NULL;
  gint64 renewed, audit_before;

  g_assert_cmpstr (d->expiry_date, ==, "2020-05-04");
  add_event (f->store, d->id, "04/05/2010", "filed");
  add_event (f->store, d->id, "01/06/2011", "granted");
  renewal = task_of (f->store, d->id, "renewal");
  g_assert_nonnull (renewal);
  g_assert_cmpstr (renewal->trigger_key, ==, "expiry:0");
  g_assert_cmpstr (renewal->due_date, ==, "2020-05-04");
  g_assert_cmpstr (renewal->window_from, ==, "2019-11-04");
  g_assert_nonnull (renewal->grace_until);
  g_assert_cmpint (renewal->surcharge_percent_per_month, ==, 10);

  renewed = add_event (f->store, d->id, "01/03/2020", "renewed");
  /* two now: the done one and the next cycle's */
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM task WHERE rule_id = 'renewal'"), ==, 2);
  {
    g_autoptr(GPtrArray) tasks = tasks_of (f->store, d->id);
    for (guint i = 0; i < tasks->len; i++)
      {
        IpdTask *t = g_ptr_array_index (tasks, i);
        if (t->id == renewal->id)
          {
            g_assert_cmpint (t->state, ==, IPD_TASK_DONE);
            g_assert_cmpstr (t->done_date, ==, "2020-03-01");
          }
        else if (g_str_equal (t->rule_id, "renewal"))
          next = ipd_task_ref (t);
      }
  }
  g_assert_nonnull (next);
  g_assert_cmpstr (next->trigger_key, ==, "expiry:1");
  g_assert_cmpstr (next->due_date, ==, "2030-05-04");
  back = load_ok (f->store, d->id);
  g_assert_cmpstr (back->expiry_date, ==, "2030-05-04");

  sql = g_strdup_printf ("SELECT created_at FROM task WHERE id = %" G_GINT64_FORMAT, renewal->id);
  created = raw_text (f->path, sql);
  g_assert_nonnull (created);

  /* a later event, a save of the dossier and a recompute of everything
   * rewrite nothing of it */
  g_usleep (2000);
  add_letter (f->store, d->id, "12/06/2024", "office_action", 2);
  audit_before = raw_int (f->path, "SELECT count(*) FROM audit");
  save_ok (f->store, back);
  g_assert_cmpstr (back->expiry_date, ==, "2030-05-04");
  /* the expiry is computed before the row is written: no back-and-forth in the log */
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit"), ==, audit_before);
  g_assert_true (ipd_store_recompute_all_tasks (f->store, NULL, &error));
  g_assert_no_error (error);
  created_after = raw_text (f->path, sql);
  g_assert_cmpstr (created_after, ==, created);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM task WHERE rule_id = 'renewal' AND state = 'done'"), ==, 1);

  /* the renewal deleted: the first cycle's task is open again, the second gone */
  delete_event_ok (f->store, renewed);
  after = task_of (f->store, d->id, "renewal");
  g_assert_nonnull (after);
  g_assert_cmpint (after->id, ==, renewal->id);
  g_assert_cmpint (after->state, ==, IPD_TASK_OPEN);
  g_clear_pointer (&back, ipd_dossier_unref);
  back = load_ok (f->store, d->id);
  g_assert_cmpstr (back->expiry_date, ==, "2020-05-04");
  assert_check_clean (f->store);
}

/* Event and tasks are one transaction: a failure writing the tasks leaves
 * the event, the status and the tasks as they were. */
static void
test_tasks_failure_rolls_back (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) d = save_new (f->store, IPD_KIND_TRADEMARK, "Ớt Mường Lay", NULL, "01/03/2024");
  g_autoptr(IpdEvent) filed = ipd_event_new (d->id, "01/03/2024", "filed");
  g_autoptr(IpdEvent) accepted = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdTask) task = NULL;
  gint64 events_before, audit_before;

  /* a new event whose task cannot be inserted */
  g_assert_true (ipd_store_exec (f->store,
                                 "CREATE TEMP TRIGGER fail_task_insert BEFORE INSERT ON main.task"
                                 " BEGIN SELECT RAISE (ABORT, 'injected failure'); END", &error));
  events_before = raw_int (f->path, "SELECT count(*) FROM event");
  audit_before = raw_int (f->path, "SELECT count(*) FROM audit");
  g_assert_false (ipd_store_save_event (f->store, filed, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (filed->id, ==, 0);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM event"), ==, events_before);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit"), ==, audit_before);
  g_assert_cmpint (task_rows (f, d->id), ==, 0);
  assert_status (f->store, d->id, IPD_STATUS_PREPARING);
  g_assert_true (ipd_store_exec (f->store, "DROP TRIGGER temp.fail_task_insert", &error));

  g_assert_true (ipd_store_save_event (f->store, filed, &error));
  g_assert_no_error (error);
  task = task_of (f->store, d->id, "formality_result");
  g_assert_cmpstr (task->due_date, ==, "2024-04-01");

  /* an edit whose task cannot be updated */
  g_assert_true (ipd_store_exec (f->store,
                                 "CREATE TEMP TRIGGER fail_task_update BEFORE UPDATE ON main.task"
                                 " BEGIN SELECT RAISE (ABORT, 'injected failure'); END", &error));
  g_free (filed->date);
  filed->date = g_strdup ("10/03/2024");
  g_assert_false (ipd_store_save_event (f->store, filed, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  {
    g_autofree char *date = raw_text (f->path, "SELECT date FROM event WHERE type = 'filed'");
    g_assert_cmpstr (date, ==, "2024-03-01");
  }
  g_clear_pointer (&task, ipd_task_unref);
  task = task_of (f->store, d->id, "formality_result");
  g_assert_cmpstr (task->due_date, ==, "2024-04-01");

  /* an acceptance that would complete the task */
  accepted = ipd_event_new (d->id, "20/03/2024", "formality_accepted");
  g_assert_false (ipd_store_save_event (f->store, accepted, &error));
  g_clear_error (&error);
  assert_status (f->store, d->id, "filed");
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM event WHERE type = 'formality_accepted'"), ==, 0);
  g_assert_true (ipd_store_exec (f->store, "DROP TRIGGER temp.fail_task_update", &error));

  /* a deletion whose tasks cannot be deleted */
  g_assert_true (ipd_store_exec (f->store,
                                 "CREATE TEMP TRIGGER fail_task_delete BEFORE DELETE ON main.task"
                                 " BEGIN SELECT RAISE (ABORT, 'injected failure'); END", &error));
  g_assert_false (ipd_store_delete_event (f->store, filed->id, &error));
  g_clear_error (&error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM event WHERE type = 'filed'"), ==, 1);
  g_assert_cmpint (task_rows (f, d->id), ==, 1);
  assert_status (f->store, d->id, "filed");
  g_assert_true (ipd_store_exec (f->store, "DROP TRIGGER temp.fail_task_delete", &error));

  /* and the store goes on working */
  delete_event_ok (f->store, filed->id);
  g_assert_cmpint (task_rows (f, d->id), ==, 0);
  assert_status (f->store, d->id, IPD_STATUS_PREPARING);
  assert_audit_ok (f->store);
  assert_check_clean (f->store);
}

static void
set_holiday_ok (IpdStore *store, const char *date, const char *name, gboolean off)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipd_store_set_holiday (store, date, name, off, &error));
  g_assert_no_error (error);
}

static void
assert_due (IpdStore *store, gint64 dossier_id, const char *rule_id, const char *expected)
{
  g_autoptr(IpdTask) task = task_of (store, dossier_id, rule_id);

  g_assert_nonnull (task);
  g_assert_cmpstr (task->due_date, ==, expected);
}

/* The holiday table is the register's; editing it recomputes every task
 * (the reply to an office action rolls to the next working day). */
static void
test_tasks_holidays (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) a = save_new (f->store, IPD_KIND_TRADEMARK, "Một", NULL, "01/03/2024");
  g_autoptr(IpdDossier) b = save_new (f->store, IPD_KIND_TRADEMARK, "Hai", NULL, "01/03/2024");
  g_autoptr(GPtrArray) holidays = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *checksum = NULL, *checksum_after = NULL;
  gboolean national_day = FALSE;

  /* the built-in holidays are in the register */
  holidays = ipd_store_list_holidays (f->store, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (holidays->len, >, 5);
  for (guint i = 0; i < holidays->len; i++)
    {
      IpdHoliday *h = g_ptr_array_index (holidays, i);
      g_assert_true (g_str_has_prefix (h->date, "2024-"));
      national_day |= g_str_equal (h->date, "2024-09-02") && h->off;
    }
  g_assert_true (national_day);

  /* 12/08/2024 is a Monday; 10/08/2024 a Saturday, rolled to Monday */
  add_letter (f->store, a->id, "12/06/2024", "office_action", 2);
  add_letter (f->store, b->id, "10/06/2024", "office_action", 2);
  assert_due (f->store, a->id, "office_action_response", "2024-08-12");
  assert_due (f->store, b->id, "office_action_response", "2024-08-12");
  checksum = ipd_store_dup_setting (f->store, "tasks.holidays_checksum");
  g_assert_nonnull (checksum);

  /* a day off on that Monday moves both; a make-up working Saturday brings b back */
  set_holiday_ok (f->store, "12/08/2024", "Ngày nghỉ bù", TRUE);
  assert_due (f->store, a->id, "office_action_response", "2024-08-13");
  assert_due (f->store, b->id, "office_action_response", "2024-08-13");
  set_holiday_ok (f->store, "2024-08-10", "Làm bù", FALSE);
  assert_due (f->store, b->id, "office_action_response", "2024-08-10");
  checksum_after = ipd_store_dup_setting (f->store, "tasks.holidays_checksum");
  g_assert_cmpstr (checksum_after, !=, checksum);

  /* renaming changes no day: nothing to recompute, but it is recorded */
  set_holiday_ok (f->store, "12/08/2024", "Nghỉ bù Quốc khánh", TRUE);
  {
    g_autofree char *name = raw_text (f->path, "SELECT name FROM holiday WHERE date = '2024-08-12'");
    g_assert_cmpstr (name, ==, "Nghỉ bù Quốc khánh");
  }

  /* removed: back to ordinary days */
  g_assert_true (ipd_store_remove_holiday (f->store, "12/08/2024", &error));
  g_assert_no_error (error);
  g_assert_true (ipd_store_remove_holiday (f->store, "10/08/2024", &error));
  g_assert_no_error (error);
  assert_due (f->store, a->id, "office_action_response", "2024-08-12");
  assert_due (f->store, b->id, "office_action_response", "2024-08-12");

  /* edits are in the audit log */
  entries = ipd_store_list_audit (f->store, "holiday",
                                  raw_int (f->path, "SELECT max(row_id) FROM audit WHERE table_name = 'holiday'"),
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 0);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit WHERE table_name = 'holiday'"), ==, 5);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit WHERE table_name = 'task'"), ==, 0);

  /* bad input: clear errors, nothing changed */
  g_assert_false (ipd_store_set_holiday (f->store, "31/02/2024", "Không có", TRUE, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ipd_store_set_holiday (f->store, "01/08/2024", "  ", TRUE, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ipd_store_remove_holiday (f->store, "01/08/2024", &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM holiday WHERE date = '2024-08-01'"), ==, 0);
  assert_audit_ok (f->store);
  assert_check_clean (f->store);
}

/* Opening the register recomputes every task when the rules (their
 * checksum) or the holiday table changed since the tasks were made. */
static void
test_tasks_recompute_on_open (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) d = save_new (f->store, IPD_KIND_TRADEMARK, "Ba", NULL, "01/03/2024");
  g_autoptr(GError) error = NULL;
  g_autofree char *procedure = NULL;

  add_letter (f->store, d->id, "12/06/2024", "office_action", 2);
  add_event (f->store, d->id, "01/03/2024", "filed");
  procedure = ipd_store_dup_setting (f->store, "tasks.procedure_checksum");
  g_assert_nonnull (procedure);
  g_clear_object (&f->store);

  /* tasks spoilt behind the store's back are left alone while nothing changed */
  raw_exec (f->path, "UPDATE task SET due_date = '2000-01-01' WHERE rule_id = 'formality_result'");
  reopen (f);
  assert_due (f->store, d->id, "formality_result", "2000-01-01");

  /* another version of the rules: recomputed */
  g_assert_true (ipd_store_set_setting (f->store, "tasks.procedure_checksum", "an older procedure", &error));
  g_assert_no_error (error);
  reopen (f);
  assert_due (f->store, d->id, "formality_result", "2024-04-01");
  {
    g_autofree char *recorded = raw_text (f->path, "SELECT value FROM setting WHERE key = 'tasks.procedure_checksum'");
    g_assert_cmpstr (recorded, ==, procedure);
  }

  /* the holidays changed by another program (no recompute of its own) */
  g_assert_true (ipd_store_exec (f->store,
                                 "INSERT INTO holiday (date, name, off) VALUES ('2024-08-12', 'Thử', 1)", &error));
  g_assert_no_error (error);
  assert_due (f->store, d->id, "office_action_response", "2024-08-12");
  reopen (f);
  assert_due (f->store, d->id, "office_action_response", "2024-08-13");
  assert_check_clean (f->store);
}

static IpdDossier *
filed_dossier_for_cancel (IpdStore *store)
{
  IpdDossier *d = save_new (store, IPD_KIND_TRADEMARK, "Bốn", NULL, "01/03/2024");

  add_event (store, d->id, "01/03/2024", "filed");
  return d;
}

/* A cancelled recompute of everything changes nothing. */
static void
test_tasks_recompute_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) d = filed_dossier_for_cancel (f->store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  raw_exec (f->path, "UPDATE task SET due_date = '2000-01-01'");
  g_cancellable_cancel (cancellable);
  g_assert_false (ipd_store_recompute_all_tasks (f->store, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_due (f->store, d->id, "formality_result", "2000-01-01");

  g_assert_true (ipd_store_recompute_all_tasks (f->store, NULL, &error));
  g_assert_no_error (error);
  assert_due (f->store, d->id, "formality_result", "2024-04-01");
}

static GPtrArray *
agenda_ok (IpdStore *store, const char *today, int days, const char *officer, const char *kind)
{
  IpdAgendaQuery query = { .today = today, .days = days, .officer = officer, .kind = kind };
  g_autoptr(GError) error = NULL;
  GPtrArray *tasks = ipd_store_agenda (store, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tasks);
  return tasks;
}

/* "REF:rule REF:rule …" in the agenda's order */
static char *
agenda_text (GPtrArray *tasks)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < tasks->len; i++)
    {
      IpdTask *t = g_ptr_array_index (tasks, i);
      g_string_append_printf (text, "%s%s:%s", i ? " " : "", t->name, t->rule_id);
    }
  return g_string_free (text, FALSE);
}

#define assert_agenda(store, today, days, officer, kind, expected) G_STMT_START { \
    g_autoptr(GPtrArray) tasks__ = agenda_ok ((store), (today), (days), (officer), (kind)); \
    g_autofree char *text__ = agenda_text (tasks__); \
    g_assert_cmpstr (text__, ==, (expected)); \
  } G_STMT_END

static IpdDossier *
filed_dossier (IpdStore *store, const char *kind, const char *name, const char *officer, const char *date)
{
  IpdDossier *d = ipd_dossier_new (kind, name);

  d->officer = g_strdup (officer);
  d->filing_date = g_strdup (date);
  save_ok (store, d);
  add_event (store, d->id, date, "filed");
  return d;
}

/* What is due by a date, overdue included, filtered by officer and kind;
 * done tasks, the trash and passed milestones are left out. */
static void
test_tasks_agenda (Fixture *f, gconstpointer data)
{
  const char *today = "2024-07-01";
  g_autoptr(IpdDossier) a = filed_dossier (f->store, IPD_KIND_TRADEMARK, "A", "Hoa", "01/05/2024");    /* due 01/06: overdue */
  g_autoptr(IpdDossier) b = filed_dossier (f->store, IPD_KIND_COLLECTIVE, "B", "Đức", "20/06/2024");   /* due 20/07 */
  g_autoptr(IpdDossier) c = filed_dossier (f->store, IPD_KIND_TRADEMARK, "C", "Hoa", "10/07/2024");    /* due 10/08: later */
  g_autoptr(IpdDossier) d = filed_dossier (f->store, IPD_KIND_GI, "D", "Hoa", "01/06/2024");           /* done */
  g_autoptr(IpdDossier) e = filed_dossier (f->store, IPD_KIND_TRADEMARK, "E", "Hoa", "05/06/2024");    /* in the trash */
  g_autoptr(IpdDossier) p = ipd_dossier_new (IPD_KIND_TRADEMARK, "P");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  IpdAgendaQuery negative = { .today = today, .days = -1 };
  IpdAgendaQuery bad_day = { .today = "31/02/2024", .days = 1 };
  IpdTask *first;

  add_event (f->store, d->id, "15/06/2024", "formality_accepted");   /* publication due 15/08 */
  g_assert_true (ipd_store_trash_dossier (f->store, e->id, &error));
  g_assert_no_error (error);
  /* published long ago: the opposition period (a milestone) has passed,
   * the Office's substantive result (due 10/10/2023) is overdue */
  p->officer = g_strdup ("Đức");
  p->filing_date = g_strdup ("01/06/2022");
  save_ok (f->store, p);
  add_event (f->store, p->id, "10/01/2023", "published");

  assert_agenda (f->store, today, 30, NULL, NULL,
                 "P:substantive_result A:formality_result B:formality_result");
  assert_agenda (f->store, today, 0, NULL, NULL, "P:substantive_result A:formality_result");
  assert_agenda (f->store, today, 45, NULL, NULL,
                 "P:substantive_result A:formality_result B:formality_result C:formality_result D:publication");
  assert_agenda (f->store, today, 30, "Hoa", NULL, "A:formality_result");
  assert_agenda (f->store, today, 30, NULL, IPD_KIND_COLLECTIVE, "B:formality_result");
  assert_agenda (f->store, today, 30, "Đức", IPD_KIND_TRADEMARK, "P:substantive_result");
  assert_agenda (f->store, today, 30, "Nobody", NULL, "");
  /* a milestone shows until its day */
  assert_agenda (f->store, "2023-06-01", 30, "Đức", NULL, "P:opposition_window");

  all = agenda_ok (f->store, today, 30, NULL, NULL);
  first = g_ptr_array_index (all, 0);
  g_assert_cmpstr (first->reference, ==, p->reference);
  g_assert_cmpstr (first->officer, ==, "Đức");
  g_assert_cmpstr (first->due_date, ==, "2023-10-10");
  g_assert_cmpstr (first->role, ==, "office");

  g_assert_null (ipd_store_agenda (f->store, &negative, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (ipd_store_agenda (f->store, &bad_day, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
}

static gboolean
plan_uses (sqlite3 *db, const char *sql, const char *index)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *detail = (const char *) sqlite3_column_text (stmt, 3);
      g_test_message ("plan: %s", detail);
      found |= strstr (detail, index) != NULL;
    }
  sqlite3_finalize (stmt);
  return found;
}

/* The agenda reads the open tasks through the partial index, with or
 * without the planner's statistics. */
static void
test_tasks_agenda_uses_index (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Dossier %d", i);
      g_autoptr(IpdDossier) d = filed_dossier (f->store, IPD_KIND_TRADEMARK, name, i % 2 ? "Hoa" : "Đức", "01/05/2024");
      if (i % 3 == 0)
        add_event (f->store, d->id, "20/05/2024", "formality_accepted");
    }
  g_assert_true (plan_uses (f->store->db, ipd_store_agenda_sql (FALSE), "USING INDEX task_agenda "));
  g_assert_true (plan_uses (f->store->db, ipd_store_agenda_sql (TRUE), "USING INDEX task_agenda_overdue "));
  g_assert_true (plan_uses (f->store->db, ipd_store_count_agenda_sql (FALSE), "COVERING INDEX task_agenda "));
  g_assert_true (plan_uses (f->store->db, ipd_store_count_agenda_sql (TRUE), "COVERING INDEX task_agenda_overdue "));
  g_assert_true (ipd_store_exec (f->store, "ANALYZE", &error));
  g_assert_no_error (error);
  g_assert_true (plan_uses (f->store->db, ipd_store_agenda_sql (FALSE), "USING INDEX task_agenda "));
  g_assert_true (plan_uses (f->store->db, ipd_store_agenda_sql (TRUE), "USING INDEX task_agenda_overdue "));
  g_assert_true (plan_uses (f->store->db, ipd_store_count_agenda_sql (FALSE), "COVERING INDEX task_agenda "));
  g_assert_true (plan_uses (f->store->db, ipd_store_count_agenda_sql (TRUE), "COVERING INDEX task_agenda_overdue "));
}

/* A dossier's next open deadline, in the register list and the register
 * of applications, comes from the index of open tasks alone (format 8),
 * with or without the planner's statistics. */
static void
test_tasks_next_deadline_uses_index (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("Dossier %d", i);
      g_autoptr(IpdDossier) d = filed_dossier (f->store, IPD_KIND_TRADEMARK, name, "Hoa", "01/05/2024");
      if (i % 3 == 0)
        add_event (f->store, d->id, "20/05/2024", "formality_accepted");
    }
  for (int analyzed = 0; analyzed < 2; analyzed++)
    {
      g_assert_true (plan_uses (f->store->db, ipd_store_summaries_sql (), "COVERING INDEX task_open_by_dossier "));
      g_assert_true (plan_uses (f->store->db, ipd_store_application_rows_sql (), "COVERING INDEX task_open_by_dossier "));
      g_assert_true (ipd_store_exec (f->store, "ANALYZE", &error));
      g_assert_no_error (error);
    }
}

static gint64
count_agenda_ok (IpdStore *store, const IpdAgendaQuery *query)
{
  g_autoptr(GError) error = NULL;
  gint64 n = ipd_store_count_agenda (store, query, &error);

  g_assert_no_error (error);
  return n;
}

static GPtrArray *
agenda_query_ok (IpdStore *store, const IpdAgendaQuery *query)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *tasks = ipd_store_agenda (store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tasks);
  return tasks;
}

static void
assert_same_tasks (GPtrArray *expected, guint from, GPtrArray *tasks)
{
  g_assert_cmpuint (from + tasks->len, <=, expected->len);
  for (guint i = 0; i < tasks->len; i++)
    g_assert_cmpint (((IpdTask *) g_ptr_array_index (tasks, i))->id, ==,
                     ((IpdTask *) g_ptr_array_index (expected, from + i))->id);
}

/* Dossiers of two officers and three kinds filed on a handful of days:
 * many tasks share a due date, and the names need the Vietnamese order. */
static void
fill_agenda_register (IpdStore *store)
{
  static const char *names[] = { "Em", "Đào", "Dương", "Ánh", "Anh", "Bình", "Ấn", "Ă" };
  static const char *kinds[] = { IPD_KIND_TRADEMARK, IPD_KIND_COLLECTIVE, IPD_KIND_GI };
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 48; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %d", names[i % G_N_ELEMENTS (names)], i / 8);
      g_autofree char *date = g_strdup_printf ("%02d/%02d/2024", 1 + (i % 4) * 7, 4 + i % 3);
      g_autoptr(IpdDossier) d = filed_dossier (store, kinds[i % 3], name, i % 2 ? "Hoa" : "Đức", date);

      if (i % 5 == 0)
        add_event (store, d->id, date, "formality_accepted");
      if (i % 11 == 0)
        {
          g_assert_true (ipd_store_trash_dossier (store, d->id, &error));
          g_assert_no_error (error);
        }
    }
}

/* The count is the length of the whole agenda; a limit gives its first
 * tasks; sections (from … until) laid end to end give all of it. */
static void
test_tasks_agenda_pages (Fixture *f, gconstpointer data)
{
  static const struct { const char *officer, *kind; } filters[] = {
    { NULL, NULL }, { "Hoa", NULL }, { NULL, IPD_KIND_COLLECTIVE }, { "Đức", IPD_KIND_TRADEMARK },
    { "Nobody", NULL },
  };
  static const int days[] = { 0, 20, 45, 400 };
  const char *today = "2024-06-10";

  fill_agenda_register (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    for (guint k = 0; k < G_N_ELEMENTS (days); k++)
      {
        IpdAgendaQuery q = { .today = today, .days = days[k], .officer = filters[i].officer,
                             .kind = filters[i].kind };
        IpdAgendaQuery from_today = q;
        g_autoptr(GPtrArray) all = agenda_query_ok (f->store, &q);
        g_autoptr(GPtrArray) later = NULL;
        guint n_overdue = 0;

        g_assert_cmpint (count_agenda_ok (f->store, &q), ==, all->len);
        if (i == 0 && k == 3)
          g_assert_cmpuint (all->len, >, 40);
        for (guint limit = 1; limit <= all->len + 1; limit += 3)
          {
            IpdAgendaQuery page = q;
            g_autoptr(GPtrArray) tasks = NULL;

            page.limit = limit;
            tasks = agenda_query_ok (f->store, &page);
            g_assert_cmpuint (tasks->len, ==, MIN (limit, all->len));
            assert_same_tasks (all, 0, tasks);
            g_assert_cmpint (count_agenda_ok (f->store, &page), ==, all->len);
          }

        /* from today: what is not overdue, in the same order */
        from_today.from = today;
        later = agenda_query_ok (f->store, &from_today);
        while (n_overdue < all->len
               && strcmp (((IpdTask *) g_ptr_array_index (all, n_overdue))->due_date, today) < 0)
          n_overdue++;
        g_assert_cmpuint (n_overdue + later->len, ==, all->len);
        assert_same_tasks (all, n_overdue, later);
        g_assert_cmpint (count_agenda_ok (f->store, &from_today), ==, later->len);

        /* the week after today's, then the rest */
        if (days[k] > 7)
          {
            IpdAgendaQuery week = from_today, rest = from_today;
            g_autoptr(GPtrArray) a = NULL, b = NULL;

            week.days = 7;
            rest.from = "2024-06-18";
            a = agenda_query_ok (f->store, &week);
            b = agenda_query_ok (f->store, &rest);
            g_assert_cmpuint (a->len + b->len, ==, later->len);
            assert_same_tasks (later, 0, a);
            assert_same_tasks (later, a->len, b);
            g_assert_cmpint (count_agenda_ok (f->store, &week), ==, a->len);
            g_assert_cmpint (count_agenda_ok (f->store, &rest), ==, b->len);
          }
      }
}

static gboolean
agenda_has_dossier (IpdStore *store, const IpdAgendaQuery *query, gint64 dossier_id)
{
  g_autoptr(GPtrArray) tasks = agenda_query_ok (store, query);

  for (guint i = 0; i < tasks->len; i++)
    if (((IpdTask *) g_ptr_array_index (tasks, i))->dossier_id == dossier_id)
      return TRUE;
  return FALSE;
}

/* A register of format 3 already has its tasks: format 4 copies the
 * dossiers' columns onto those rows (the same rows: same ids). */
static void
test_tasks_agenda_from_format_3 (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) old = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  IpdAgendaQuery hoa = { .today = "2024-05-20", .days = 30, .officer = "Hoa", .kind = IPD_KIND_TRADEMARK };
  IpdAgendaQuery lan = { .today = "2024-05-20", .days = 30, .officer = "Lan" };
  char *message = NULL;
  const char *insert =
    "INSERT INTO dossier (id, reference, kind, name, status, officer, filing_date, created_at, updated_at)"
    "  VALUES (7, 'OLD-2024-0007', 'trademark', 'Chè Shan tuyết', 'filed', 'Hoa', '2024-05-01',"
    "          '2024-05-01T00:00:00Z', '2024-05-01T00:00:00Z');"
    "INSERT INTO event (id, dossier_id, date, type, created_at) VALUES"
    "  (70, 7, '2024-05-01', 'filed', '2024-05-01T00:00:00Z');"
    "INSERT INTO task (id, dossier_id, rule_id, trigger_key, trigger_event_id, role, title, trigger_date,"
    "                  due_date, created_at) VALUES"
    "  (5, 7, 'formality_result', 'event:70', 70, 'office', 'Formality result', '2024-05-01', '2024-06-01',"
    "   '2024-05-01T00:00:00Z');";

  old = ipd_store_open_at_version (f->path, 3, &error);
  g_assert_no_error (error);
  if (sqlite3_exec (old->db, insert, NULL, NULL, &message) != SQLITE_OK)
    g_error ("inserting into a format-3 register: %s", message);
  g_assert_true (ipd_store_refresh_search (old, 7, NULL));
  g_clear_object (&old);

  f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipd_store_get_schema_version (f->store), ==, IPD_STORE_SCHEMA_VERSION);
  tasks = agenda_query_ok (f->store, &hoa);
  g_assert_cmpuint (tasks->len, ==, 1);
  g_assert_cmpint (((IpdTask *) g_ptr_array_index (tasks, 0))->id, ==, 5);
  g_assert_cmpstr (((IpdTask *) g_ptr_array_index (tasks, 0))->due_date, ==, "2024-06-01");
  g_assert_cmpint (count_agenda_ok (f->store, &hoa), ==, 1);
  g_assert_cmpint (count_agenda_ok (f->store, &lan), ==, 0);
}

/* The agenda follows the dossier: the trash and back, a new officer, kind
 * or name (the order within a day is the Vietnamese one). */
static void
test_tasks_agenda_follows_dossier (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) a = filed_dossier (f->store, IPD_KIND_TRADEMARK, "Em", "Hoa", "01/05/2024");
  g_autoptr(IpdDossier) b = filed_dossier (f->store, IPD_KIND_TRADEMARK, "Đào", "Hoa", "01/05/2024");
  g_autoptr(IpdDossier) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  IpdAgendaQuery all = { .today = "2024-06-10", .days = 30 };
  IpdAgendaQuery before = { .today = "2024-05-20", .days = 30 };
  IpdAgendaQuery hoa = { .today = "2024-06-10", .days = 30, .officer = "Hoa" };
  IpdAgendaQuery lan = { .today = "2024-06-10", .days = 30, .officer = "Lan" };
  IpdAgendaQuery gi = { .today = "2024-06-10", .days = 30, .kind = IPD_KIND_COLLECTIVE };

  assert_agenda (f->store, "2024-06-10", 30, NULL, NULL, "Đào:formality_result Em:formality_result");
  g_assert_cmpint (count_agenda_ok (f->store, &hoa), ==, 2);

  /* overdue (10/06) and not yet (20/05) */
  g_assert_true (ipd_store_trash_dossier (f->store, a->id, &error));
  g_assert_no_error (error);
  g_assert_false (agenda_has_dossier (f->store, &all, a->id));
  g_assert_false (agenda_has_dossier (f->store, &before, a->id));
  g_assert_cmpint (count_agenda_ok (f->store, &all), ==, 1);
  g_assert_cmpint (count_agenda_ok (f->store, &before), ==, 1);
  g_assert_true (ipd_store_restore_dossier (f->store, a->id, &error));
  g_assert_no_error (error);
  g_assert_true (agenda_has_dossier (f->store, &all, a->id));
  g_assert_true (agenda_has_dossier (f->store, &before, a->id));
  g_assert_cmpint (count_agenda_ok (f->store, &all), ==, 2);
  g_assert_cmpint (count_agenda_ok (f->store, &before), ==, 2);

  reloaded = load_ok (f->store, a->id);
  g_free (reloaded->officer), reloaded->officer = g_strdup ("Lan");
  save_ok (f->store, reloaded);
  g_assert_cmpint (count_agenda_ok (f->store, &hoa), ==, 1);
  g_assert_cmpint (count_agenda_ok (f->store, &lan), ==, 1);
  g_assert_true (agenda_has_dossier (f->store, &lan, a->id));
  g_clear_pointer (&reloaded, ipd_dossier_unref);

  reloaded = load_ok (f->store, b->id);
  g_free (reloaded->kind), reloaded->kind = g_strdup (IPD_KIND_COLLECTIVE);
  g_free (reloaded->name), reloaded->name = g_strdup ("Giang");
  save_ok (f->store, reloaded);
  g_assert_true (agenda_has_dossier (f->store, &gi, b->id));
  g_assert_cmpint (count_agenda_ok (f->store, &gi), ==, 1);
  assert_agenda (f->store, "2024-06-10", 30, NULL, NULL, "Em:formality_result Giang:formality_result");
}

/* Marking a task done records the event that completes it. */
static void
test_tasks_complete (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) d = filed_dossier (f->store, IPD_KIND_TRADEMARK, "Mận Bắc Hà", "Hoa", "01/03/2024");
  g_autoptr(IpdTask) task = task_of (f->store, d->id, "formality_result");
  g_autoptr(IpdTask) done = NULL, milestone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 events_before;

  g_assert_nonnull (task);
  /* dated before the task began: refused, nothing recorded */
  events_before = raw_int (f->path, "SELECT count(*) FROM event");
  g_assert_false (ipd_store_complete_task (f->store, task->id, "20/02/2024", &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM event"), ==, events_before);
  assert_status (f->store, d->id, "filed");

  g_assert_true (ipd_store_complete_task (f->store, task->id, "25/03/2024", &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM event WHERE type = 'formality_accepted' AND date = '2024-03-25'"), ==, 1);
  assert_status (f->store, d->id, "accepted");
  done = task_of (f->store, d->id, "formality_result");
  g_assert_cmpint (done->id, ==, task->id);
  g_assert_cmpint (done->state, ==, IPD_TASK_DONE);
  g_assert_cmpstr (done->done_date, ==, "2024-03-25");

  g_assert_false (ipd_store_complete_task (f->store, task->id, NULL, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (ipd_store_complete_task (f->store, 999999, NULL, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a milestone is completed by nothing */
  add_event (f->store, d->id, "01/04/2024", "published");
  milestone = task_of (f->store, d->id, "opposition_window");
  g_assert_nonnull (milestone);
  g_assert_null (milestone->completed_by);
  g_assert_false (ipd_store_complete_task (f->store, milestone->id, NULL, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
}

/* A register of format 2 with a dossier, its events and task rows written
 * by hand: opened, it gets its holidays and tasks; done rows stay. */
static void
test_migrate_format2_with_events (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) old = NULL;
  g_autoptr(IpdDossier) d = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  gboolean saw_history = FALSE, saw_formality = FALSE, saw_publication = FALSE;
  char *message = NULL;
  const char *insert =
    "INSERT INTO dossier (id, reference, kind, name, status, filing_date, expiry_date, created_at, updated_at)"
    "  VALUES (7, 'OLD-2024-0007', 'trademark', 'Chè Shan tuyết', 'accepted', '2024-03-01', '2034-03-01',"
    "          '2024-03-01T00:00:00Z', '2024-03-01T00:00:00Z');"
    "INSERT INTO event (id, dossier_id, date, type, created_at) VALUES"
    "  (70, 7, '2024-03-01', 'filed', '2024-03-01T00:00:00Z'),"
    "  (71, 7, '2024-03-20', 'formality_accepted', '2024-03-20T00:00:00Z');"
    "INSERT INTO task (id, dossier_id, rule_id, title, due_date, done_date, event_id, created_at) VALUES"
    "  (5, 7, 'hand_made', 'Call the applicant', '2024-03-10', '2024-03-09', NULL, '2024-03-01T00:00:00Z'),"
    "  (6, 7, 'hand_made', 'Still open', '2024-03-15', NULL, NULL, '2024-03-01T00:00:00Z');";

  old = ipd_store_open_at_version (f->path, 2, &error);
  g_assert_no_error (error);
  if (sqlite3_exec (old->db, insert, NULL, NULL, &message) != SQLITE_OK)
    g_error ("inserting into a format-2 register: %s", message);
  g_assert_true (ipd_store_refresh_search (old, 7, NULL));
  g_clear_object (&old);

  f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipd_store_get_schema_version (f->store), ==, IPD_STORE_SCHEMA_VERSION);

  tasks = tasks_of (f->store, 7);
  for (guint i = 0; i < tasks->len; i++)
    {
      IpdTask *t = g_ptr_array_index (tasks, i);
      if (t->id == 5)
        {
          saw_history = TRUE;
          g_assert_cmpint (t->state, ==, IPD_TASK_DONE);
          g_assert_cmpstr (t->done_date, ==, "2024-03-09");
        }
      else if (g_str_equal (t->rule_id, "formality_result"))
        {
          saw_formality = TRUE;
          g_assert_cmpint (t->state, ==, IPD_TASK_DONE);
          g_assert_cmpstr (t->done_date, ==, "2024-03-20");
        }
      else if (g_str_equal (t->rule_id, "publication"))
        {
          saw_publication = TRUE;
          g_assert_cmpstr (t->due_date, ==, "2024-05-20");
          g_assert_cmpint (t->state, ==, IPD_TASK_OPEN);
        }
      else
        g_error ("unexpected task %s", t->rule_id);
    }
  g_assert_true (saw_history && saw_formality && saw_publication);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM task WHERE title = 'Still open'"), ==, 0);

  d = load_ok (f->store, 7);
  g_assert_cmpstr (d->expiry_date, ==, "2034-03-01");
  g_assert_cmpstr (d->status, ==, "accepted");

  /* holidays seeded (not as audit news); holiday edits audited, tasks not */
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM holiday"), >, 100);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit WHERE table_name = 'holiday'"), ==, 0);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_holiday_%'"), ==, 3);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit_task_%'"), ==, 0);
  {
    g_autofree char *recorded = raw_text (f->path, "SELECT value FROM setting WHERE key = 'tasks.procedure_checksum'");
    g_assert_nonnull (recorded);
  }
  set_holiday_ok (f->store, "15/03/2024", "Thử", TRUE);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit WHERE table_name = 'holiday'"), ==, 1);
  assert_audit_ok (f->store);
  assert_check_clean (f->store);

  /* opened again: nothing to migrate or recompute */
  reopen (f);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM task WHERE dossier_id = 7"), ==, 3);
  assert_check_clean (f->store);
}

/* Registers ------------------------------------------------------------------------ */

static gint64
connection_int (IpdStore *store, const char *sql)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
count_row (const IpdApplicationRow *row, gpointer user_data, GError **error)
{
  (*(guint *) user_data)++;
  return TRUE;
}

/* The register's rows are sorted through a temporary file: the window's
 * connection gets its own settings back, and a temporary trigger (which
 * switching temp_store would drop) keeps the sort in memory instead. */
static void
test_report_sort_settings (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) d = ipd_dossier_new ("trademark", "Chè Shan tuyết");
  g_autoptr(GError) error = NULL;
  IpdReportPeriod period;
  gint64 temp_store = connection_int (f->store, "PRAGMA temp_store");
  gint64 cache_size = connection_int (f->store, "PRAGMA cache_size");
  guint n = 0;

  d->filing_date = g_strdup ("2026-08-05");
  g_assert_true (ipd_store_save_dossier (f->store, d, &error));
  g_assert_true (ipd_report_period_quarter (&period, "2026-Q3", NULL));
  g_assert_cmpint (temp_store, ==, 2);   /* MEMORY */
  g_assert_cmpint (cache_size, ==, -32768);

  g_assert_true (ipd_store_foreach_application_row (f->store, &period, NULL, count_row, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (connection_int (f->store, "PRAGMA temp_store"), ==, temp_store);
  g_assert_cmpint (connection_int (f->store, "PRAGMA cache_size"), ==, cache_size);

  g_assert_true (ipd_store_exec (f->store, "CREATE TEMP TRIGGER keep_me BEFORE INSERT ON main.event"
                                 " BEGIN SELECT 1; END", &error));
  g_assert_true (ipd_store_foreach_application_row (f->store, &period, NULL, count_row, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (connection_int (f->store,
                                   "SELECT count(*) FROM temp.sqlite_master WHERE name = 'keep_me'"), ==, 1);
  g_assert_cmpint (connection_int (f->store, "PRAGMA temp_store"), ==, temp_store);
}

/* The register of applications' row of dossier @id: "address | products". */
typedef struct {
  gint64 id;
  char  *found;
} RowWanted;

static gboolean
keep_row (const IpdApplicationRow *row, gpointer user_data, GError **error)
{
  RowWanted *wanted = user_data;

  if (row->id == wanted->id)
    wanted->found = g_strdup_printf ("%s | %s", row->address ? row->address : "-",
                                     row->products ? row->products : "-");
  return TRUE;
}

static char *
register_row (IpdStore *store, gint64 id)
{
  g_autoptr(GError) error = NULL;
  IpdReportPeriod period;
  RowWanted wanted = { id, NULL };

  g_assert_true (ipd_report_period_quarter (&period, "2026-Q3", NULL));
  g_assert_true (ipd_store_foreach_application_row (store, &period, NULL, keep_row, &wanted, &error));
  g_assert_no_error (error);
  g_assert_nonnull (wanted.found);
  return wanted.found;
}

/* The address and products the register prints are kept in the dossier's
 * row (format 9): they follow an edit of the dossier, of its applicant's
 * place, and a change of applicant; the audit log does not hold them. */
static void
test_report_register_columns_follow (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_TRADEMARK, "Gạo Séng Cù");
  g_autoptr(IpdDossier) gi = ipd_dossier_new (IPD_KIND_GI, "Chè Shan tuyết");
  g_autoptr(IpdParty) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *classes = NULL, *after_move = NULL, *owner = NULL, *products = NULL;
  gint64 applicant = place_party (f->store, "HTX Liên Sơn", "Xã Mường Khương", "Tỉnh Lào Cai");
  gint64 other = place_party (f->store, "Công ty Gạo Việt", NULL, "Tỉnh Lai Châu");

  d->filing_date = g_strdup ("2026-08-05");
  ipd_dossier_add_party (d, applicant, IPD_ROLE_APPLICANT, "HTX Liên Sơn");
  ipd_dossier_add_class (d, 30, "Gạo; gạo nếp");
  g_assert_true (ipd_store_save_dossier (f->store, d, &error));
  g_assert_no_error (error);
  first = register_row (f->store, d->id);
  g_assert_cmpstr (first, ==, "Xã Mường Khương, Tỉnh Lào Cai | 30: Gạo; gạo nếp");

  ipd_dossier_add_class (d, 31, NULL);
  g_assert_true (ipd_store_save_dossier (f->store, d, &error));
  g_assert_no_error (error);
  classes = register_row (f->store, d->id);
  g_assert_cmpstr (classes, ==, "Xã Mường Khương, Tỉnh Lào Cai | 30: Gạo; gạo nếp\n31");

  moved = ipd_store_load_party (f->store, applicant, &error);
  g_assert_no_error (error);
  g_free (moved->commune);
  moved->commune = g_strdup ("Xã Bản Lầu");
  g_assert_true (ipd_store_save_party (f->store, moved, &error));
  g_assert_no_error (error);
  after_move = register_row (f->store, d->id);
  g_assert_cmpstr (after_move, ==, "Xã Bản Lầu, Tỉnh Lào Cai | 30: Gạo; gạo nếp\n31");

  g_ptr_array_set_size (d->parties, 0);
  ipd_dossier_add_party (d, other, IPD_ROLE_OWNER, "Công ty Gạo Việt");
  g_assert_true (ipd_store_save_dossier (f->store, d, &error));
  g_assert_no_error (error);
  owner = register_row (f->store, d->id);
  g_assert_cmpstr (owner, ==, "Tỉnh Lai Châu | 30: Gạo; gạo nếp\n31");

  gi->filing_date = g_strdup ("2026-07-01");
  ipd_dossier_add_product (gi, "Chè xanh");
  ipd_dossier_add_product (gi, "Chè đen");
  g_assert_true (ipd_store_save_dossier (f->store, gi, &error));
  g_assert_no_error (error);
  products = register_row (f->store, gi->id);
  g_assert_cmpstr (products, ==, "- | Chè xanh\nChè đen");

  g_assert_cmpint (connection_int (f->store, "SELECT count(*) FROM audit WHERE new_values LIKE '%applicant_address%'"
                                             " OR new_values LIKE '%products_text%'"), ==, 0);
  g_assert_true (ipd_store_verify_audit (f->store, NULL, &error));
  g_assert_no_error (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD_CLOSED(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up_closed, func, fixture_tear_down)
#define ADD_OPEN(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up_open, func, fixture_tear_down)

  ADD_CLOSED ("/store/open/creates-register", test_open_creates_register);
  ADD_CLOSED ("/store/open/read-only-missing", test_open_read_only_missing);
  ADD_CLOSED ("/store/open/empty-file-becomes-register", test_open_empty_file);
  ADD_CLOSED ("/store/open/refuses-newer", test_open_refuses_newer);
  ADD_CLOSED ("/store/open/refuses-newer-read-only", test_open_refuses_newer_read_only);
  ADD_CLOSED ("/store/open/refuses-text-file", test_open_refuses_text_file);
  ADD_CLOSED ("/store/open/refuses-foreign-database", test_open_refuses_foreign_database);

  ADD_OPEN ("/store/report/sort-settings-restored", test_report_sort_settings);
  ADD_OPEN ("/store/report/register-columns-follow", test_report_register_columns_follow);

  ADD_CLOSED ("/store/migrate/earlier-version-with-dossier", test_migrate_with_dossier);
  ADD_CLOSED ("/store/migrate/earlier-version-empty", test_migrate_empty_register);

  ADD_OPEN ("/store/dossier/trademark", test_dossier_trademark);
  ADD_OPEN ("/store/dossier/collective-certification", test_dossier_collective_certification);
  ADD_OPEN ("/store/dossier/gi", test_dossier_gi);
  ADD_OPEN ("/store/dossier/update", test_dossier_update);
  ADD_OPEN ("/store/dossier/reference", test_dossier_reference);
  ADD_OPEN ("/store/dossier/expiry", test_dossier_expiry);
  ADD_OPEN ("/store/validate/app-number", test_validate_app_number);
  ADD_OPEN ("/store/validate/dates", test_validate_dates);
  ADD_OPEN ("/store/validate/classes", test_validate_classes);
  ADD_OPEN ("/store/validate/duplicate-number", test_validate_duplicate_number);
  ADD_OPEN ("/store/validate/name-and-kind", test_validate_name_and_kind);
  ADD_OPEN ("/store/validate/failure-inside-transaction", test_validate_failure_inside_transaction);
  ADD_OPEN ("/store/validate/party", test_validate_party);
  ADD_OPEN ("/store/number-format/list", test_number_format_list);
  ADD_OPEN ("/store/text/nfc-storage", test_text_nfc_storage);
  ADD_OPEN ("/store/search/folded", test_search_folded);
  ADD_OPEN ("/store/search/filters", test_search_filters);
  ADD_OPEN ("/store/search/sort-name", test_search_sort_name);
  ADD_OPEN ("/store/search/collator-change", test_search_collator_change);
  ADD_OPEN ("/store/events/status", test_events_status);
  ADD_OPEN ("/store/events/invalid", test_events_invalid);
  ADD_OPEN ("/store/trash", test_trash);
  ADD_OPEN ("/store/attachments", test_attachments);
  ADD_OPEN ("/store/audit/records", test_audit_records);
  ADD_OPEN ("/store/audit/tampered", test_audit_tampered);
  ADD_OPEN ("/store/audit/tampered-hash", test_audit_tampered_hash_too);
  ADD_OPEN ("/store/audit/deleted-entry", test_audit_deleted_entry);
  ADD_OPEN ("/store/backup", test_backup);
  ADD_OPEN ("/store/read-only", test_read_only);
  ADD_OPEN ("/store/batch", test_batch);
  ADD_OPEN ("/store/concurrency/two-writers", test_two_writers);
  ADD_CLOSED ("/store/concurrency/two-openers-of-a-new-register", test_two_openers);
  ADD_CLOSED ("/store/crash/kill-while-saving", test_crash_safety);
  ADD_OPEN ("/store/search/follows-changes", test_search_follows_changes);
  ADD_OPEN ("/store/filter/province-and-deadline", test_filter_province_and_deadline);
  ADD_OPEN ("/store/query/commune", test_query_commune);
  ADD_OPEN ("/store/query/commune-counts-match", test_query_commune_counts_match);
  ADD_OPEN ("/store/summary/follows-party-rename", test_summary_follows_party_rename);
  ADD_OPEN ("/store/parties/created-with-dossier", test_parties_created_with_dossier);
  ADD_OPEN ("/store/parties/failed-save-leaves-none", test_parties_failed_save_leaves_none);
  ADD_OPEN ("/store/parties/details-saved-with-dossier", test_parties_details_saved_with_dossier);
  ADD_OPEN ("/store/parties/validate", test_parties_validate);
  ADD_OPEN ("/store/parties/copy-keeps-shared", test_parties_copy_keeps_shared);
  ADD_OPEN ("/store/tasks/follow-events", test_tasks_follow_events);
  ADD_OPEN ("/store/tasks/done-keeps-id", test_tasks_done_keeps_id);
  ADD_OPEN ("/store/tasks/failure-rolls-back", test_tasks_failure_rolls_back);
  ADD_OPEN ("/store/tasks/holidays", test_tasks_holidays);
  ADD_OPEN ("/store/tasks/recompute-on-open", test_tasks_recompute_on_open);
  ADD_OPEN ("/store/tasks/recompute-cancelled", test_tasks_recompute_cancelled);
  ADD_OPEN ("/store/tasks/agenda", test_tasks_agenda);
  ADD_OPEN ("/store/tasks/agenda-uses-index", test_tasks_agenda_uses_index);
  ADD_OPEN ("/store/tasks/next-deadline-uses-index", test_tasks_next_deadline_uses_index);
  ADD_OPEN ("/store/tasks/agenda-pages", test_tasks_agenda_pages);
  ADD_OPEN ("/store/tasks/agenda-follows-dossier", test_tasks_agenda_follows_dossier);
  ADD_CLOSED ("/store/tasks/agenda-from-format-3", test_tasks_agenda_from_format_3);
  ADD_OPEN ("/store/tasks/complete", test_tasks_complete);
  ADD_CLOSED ("/store/migrate/format-2-with-events", test_migrate_format2_with_events);

#undef ADD_CLOSED
#undef ADD_OPEN

  return g_test_run ();
}
