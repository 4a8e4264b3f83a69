/* test-attachments.c — a dossier's documents in the register: format 6
 * (page count, the trash), renaming and re-typing, trash and undo
 *
 * Every test works in its own temporary directory and reads the file with
 * the sqlite3 C API, independently of the store, to see what is really in it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib.h>
#include <sqlite3.h>

#include "ipd-error.h"
#include "ipd-store.h"
#include "ipd-store-private.h"
#include "ipd-test-util.h"
#include "ipd-vocabulary.h"

typedef struct {
  char     *dir;
  char     *path;
  IpdStore *store;
  gint64    dossier_id;
} Fixture;

static const char pdf_bytes[] =
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
  "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_GI, "Chè Shan tuyết Mộc Châu");

  f->dir = ipd_test_make_dir ("ipd-test-attachments-XXXXXX");
  f->path = g_build_filename (f->dir, "register.sqlite", NULL);
  f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (ipd_store_save_dossier (f->store, d, &error));
  g_assert_no_error (error);
  f->dossier_id = d->id;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  ipd_test_remove_dir (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

/* The file, read without the store ---------------------------------------------------- */

static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("sqlite3_open_v2 (%s): %s", path, sqlite3_errmsg (db));
  sqlite3_busy_timeout (db, 10000);
  return db;
}

static char *raw_text (const char *path, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* The first column of the first row as text ("NULL" for a NULL), or NULL without a row. */
static char *
raw_text (const char *path, const char *format, ...)
{
  va_list args;
  g_autofree char *sql = NULL;
  sqlite3 *db = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (sqlite3_column_type (stmt, 0) == SQLITE_NULL ? "NULL"
                                                                   : (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gint64
raw_int (const char *path, const char *sql)
{
  g_autofree char *text = raw_text (path, "%s", sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

/* Helpers on the store -------------------------------------------------------------- */

static IpdAttachment *
attach (Fixture *f, const char *file_name, const char *contents, int page_count)
{
  IpdAttachment *a = ipd_attachment_new (f->dossier_id, file_name);
  g_autoptr(GBytes) bytes = g_bytes_new (contents, strlen (contents));
  g_autoptr(GError) error = NULL;

  a->page_count = page_count;
  g_assert_true (ipd_store_add_attachment (f->store, a, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a->id, >, 0);
  return a;
}

static guint
count_listed (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = ipd_store_list_attachments (f->store, f->dossier_id, &error);

  g_assert_no_error (error);
  return list->len;
}

/* A row of the attachment table as one line, to compare before and after. */
static char *
raw_row (Fixture *f, gint64 id)
{
  return raw_text (f->path,
                   "SELECT file_name || '|' || document_type || '|' || ifnull (number, '-') || '|'"
                   " || ifnull (date, '-') || '|' || ifnull (note, '-') || '|' || ifnull (deleted_at, '-')"
                   " FROM attachment WHERE id = %" G_GINT64_FORMAT, id);
}

/* Tests ------------------------------------------------------------------------------- */

/* A format-5 register gains page_count and deleted_at; its documents stay,
 * and the audit log records the new columns. */
static void
test_migrate_from_5 (void)
{
  g_autofree char *dir = ipd_test_make_dir ("ipd-test-attachments-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "register.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) old = ipd_store_open_at_version (path, 5, &error);
  g_autoptr(IpdStore) store = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *new_values = NULL;
  g_autofree char *page_count = NULL;
  char *message = NULL;
  IpdAttachment *a;

  g_assert_no_error (error);
  if (sqlite3_exec (old->db,
                    "INSERT INTO dossier (id, reference, kind, name, created_at, updated_at)"
                    "  VALUES (42, 'OLD-2024-0001', 'gi', 'Mộc Châu', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');"
                    "INSERT INTO blob (sha256, size, data) VALUES ('abc', 3, x'616263');"
                    "INSERT INTO attachment (id, dossier_id, sha256, file_name, mime_type, document_type, created_at)"
                    "  VALUES (9, 42, 'abc', 'don.pdf', 'application/pdf', 'application', '2024-01-01T00:00:00Z');",
                    NULL, NULL, &message) != SQLITE_OK)
    g_error ("format 5: %s", message);
  g_clear_object (&old);

  store = ipd_store_open (path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipd_store_get_schema_version (store), ==, IPD_STORE_SCHEMA_VERSION);
  list = ipd_store_list_attachments (store, 42, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  a = g_ptr_array_index (list, 0);
  g_assert_cmpstr (a->file_name, ==, "don.pdf");
  g_assert_cmpint (a->page_count, ==, 0);
  g_assert_null (a->deleted_at);
  page_count = raw_text (path, "SELECT page_count FROM attachment WHERE id = 9");
  g_assert_cmpstr (page_count, ==, "NULL");

  /* the new triggers name the new column */
  g_assert_true (ipd_store_trash_attachment (store, 9, &error));
  g_assert_no_error (error);
  new_values = raw_text (path, "SELECT new_values FROM audit WHERE table_name = 'attachment'"
                               " AND action = 'update' ORDER BY id DESC LIMIT 1");
  g_assert_nonnull (new_values);
  g_assert_nonnull (strstr (new_values, "\"deleted_at\""));
  g_assert_true (ipd_store_verify_audit (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                                  " AND name LIKE 'audit_attachment_%' AND sql LIKE '%page_count%'"), ==, 3);

  g_clear_object (&store);
  ipd_test_remove_dir (dir);
}

static void
test_page_count (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdAttachment) pdf = attach (f, "don-dang-ky.pdf", pdf_bytes, 12);
  g_autoptr(IpdAttachment) text = attach (f, "ghi-chu.txt", "Ghi chú", 0);
  g_autoptr(IpdAttachment) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored_pdf = raw_text (f->path, "SELECT page_count FROM attachment WHERE id = %" G_GINT64_FORMAT, pdf->id);
  g_autofree char *stored_text = raw_text (f->path, "SELECT page_count FROM attachment WHERE id = %" G_GINT64_FORMAT, text->id);

  g_assert_cmpstr (stored_pdf, ==, "12");
  g_assert_cmpstr (stored_text, ==, "NULL");
  loaded = ipd_store_load_attachment (f->store, pdf->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->page_count, ==, 12);
  g_assert_cmpstr (loaded->mime_type, ==, "application/pdf");
  g_assert_cmpstr (loaded->file_name, ==, "don-dang-ky.pdf");
  g_assert_cmpint (loaded->dossier_id, ==, f->dossier_id);
  g_assert_cmpint (loaded->size, ==, (gint64) strlen (pdf_bytes));
  g_assert_null (loaded->deleted_at);

  g_assert_null (ipd_store_load_attachment (f->store, 9999, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
}

static void
test_update (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdAttachment) a = attach (f, "scan001.pdf", pdf_bytes, 2);
  g_autoptr(IpdAttachment) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *row = NULL;
  g_autofree char *sha_before = raw_text (f->path, "SELECT sha256 FROM attachment WHERE id = %" G_GINT64_FORMAT, a->id);
  g_autofree char *sha_after = NULL;

  /* through the store's connection: the audit triggers call its functions */
  g_assert_cmpint (sqlite3_exec (f->store->db, "UPDATE dossier SET updated_at = '2000-01-01T00:00:00Z'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_free (a->file_name), a->file_name = g_strdup ("  Quyết định cấp GCN.pdf ");
  g_free (a->document_type), a->document_type = g_strdup ("decision");
  a->number = g_strdup ("559/QĐ-SHTT");
  a->date = g_strdup ("19/08/2025");
  a->note = g_strdup ("Bản gốc lưu tại Sở");
  g_assert_true (ipd_store_update_attachment (f->store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (a->file_name, ==, "Quyết định cấp GCN.pdf");
  g_assert_cmpstr (a->date, ==, "2025-08-19");

  row = raw_row (f, a->id);
  g_assert_cmpstr (row, ==, "Quyết định cấp GCN.pdf|decision|559/QĐ-SHTT|2025-08-19|Bản gốc lưu tại Sở|-");
  /* the bytes and what was read of them do not change */
  sha_after = raw_text (f->path, "SELECT sha256 FROM attachment WHERE id = %" G_GINT64_FORMAT, a->id);
  g_assert_cmpstr (sha_after, ==, sha_before);
  g_assert_cmpint (raw_int (f->path, "SELECT page_count FROM attachment"), ==, 2);
  /* the dossier was changed */
  g_assert_cmpint (raw_int (f->path, "SELECT updated_at > '2001' FROM dossier"), ==, 1);
  /* and the log says so */
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit WHERE table_name = 'attachment'"
                                     " AND action = 'update' AND new_values LIKE '%559/QĐ-SHTT%'"), ==, 1);

  /* clearing the number and the date */
  g_clear_pointer (&a->number, g_free);
  g_free (a->date), a->date = g_strdup ("  ");
  g_assert_true (ipd_store_update_attachment (f->store, a, &error));
  g_assert_no_error (error);
  loaded = ipd_store_load_attachment (f->store, a->id, &error);
  g_assert_null (loaded->number);
  g_assert_null (loaded->date);
  g_assert_cmpstr (loaded->document_type, ==, "decision");
}

/* What is refused changes nothing: neither the file nor the record. */
static void
assert_refused (Fixture *f, IpdAttachment *a, const char *field, const char *value, const char *in_message)
{
  g_autoptr(IpdAttachment) edit = ipd_attachment_copy (a);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = raw_row (f, a->id);
  g_autofree char *after = NULL;
  g_autofree char *audit_before = raw_text (f->path, "SELECT count(*) FROM audit");
  g_autofree char *audit_after = NULL;
  char **slot = g_str_equal (field, "file_name") ? &edit->file_name
              : g_str_equal (field, "date") ? &edit->date : &edit->document_type;

  g_free (*slot), *slot = g_strdup (value);
  g_free (edit->note), edit->note = g_strdup ("must not be saved");
  g_assert_false (ipd_store_update_attachment (f->store, edit, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, in_message));
  after = raw_row (f, a->id);
  g_assert_cmpstr (after, ==, before);
  audit_after = raw_text (f->path, "SELECT count(*) FROM audit");
  g_assert_cmpstr (audit_after, ==, audit_before);
  /* the caller's record keeps what the officer typed */
  g_assert_cmpstr (edit->note, ==, "must not be saved");
  g_assert_cmpstr (*slot, ==, value);
}

static void
test_update_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdAttachment) a = attach (f, "don.pdf", pdf_bytes, 1);
  g_autoptr(GError) error = NULL;

  assert_refused (f, a, "file_name", "   ", "File name");
  assert_refused (f, a, "file_name", "", "File name");
  assert_refused (f, a, "file_name", "../../etc/passwd", "File name");
  assert_refused (f, a, "date", "31/02/2025", "Document date");
  assert_refused (f, a, "date", "tomorrow", "Document date");
  assert_refused (f, a, "document_type", "love_letter", "Document type");

  /* a read-only register refuses */
  {
    g_autoptr(IpdStore) ro = ipd_store_open (f->path, IPD_STORE_READ_ONLY, &error);
    g_autoptr(IpdAttachment) edit = ipd_attachment_copy (a);

    g_assert_no_error (error);
    g_free (edit->file_name), edit->file_name = g_strdup ("new.pdf");
    g_assert_false (ipd_store_update_attachment (ro, edit, &error));
    g_assert_error (error, IPD_ERROR, IPD_ERROR_READ_ONLY);
    g_clear_error (&error);
    g_assert_false (ipd_store_trash_attachment (ro, a->id, &error));
    g_assert_error (error, IPD_ERROR, IPD_ERROR_READ_ONLY);
    g_clear_error (&error);
  }
  g_assert_cmpint (raw_int (f->path, "SELECT deleted_at IS NULL AND file_name = 'don.pdf' FROM attachment"), ==, 1);
}

static void
test_trash_and_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdAttachment) one = attach (f, "mot.pdf", pdf_bytes, 1);
  g_autoptr(IpdAttachment) two = attach (f, "hai.txt", "hai", 0);
  g_autoptr(IpdAttachment) same = attach (f, "mot-ban-sao.pdf", pdf_bytes, 1);
  g_autoptr(IpdAttachment) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (count_listed (f), ==, 3);
  g_assert_true (ipd_store_trash_attachment (f->store, two->id, &error));
  g_assert_no_error (error);
  g_assert_true (ipd_store_trash_attachment (f->store, same->id, &error));
  g_assert_no_error (error);

  /* the list leaves them out; the register keeps the rows and the bytes */
  list = ipd_store_list_attachments (f->store, f->dossier_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((IpdAttachment *) g_ptr_array_index (list, 0))->id, ==, one->id);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM attachment WHERE deleted_at IS NOT NULL"), ==, 2);
  g_assert_true (ipd_store_delete_orphan_blobs (f->store, &error));
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM blob"), ==, 2);
  loaded = ipd_store_load_attachment (f->store, two->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded->deleted_at);
  bytes = ipd_store_load_blob (f->store, loaded->sha256, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "hai", 3);

  /* twice is an error, and so is editing a document in the trash */
  g_assert_false (ipd_store_trash_attachment (f->store, two->id, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ipd_store_update_attachment (f->store, loaded, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ipd_store_restore_attachment (f->store, one->id, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ipd_store_trash_attachment (f->store, 9999, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* undo */
  g_assert_true (ipd_store_restore_attachment (f->store, two->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_listed (f), ==, 2);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM attachment WHERE deleted_at IS NULL"), ==, 2);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit WHERE table_name = 'attachment'"
                                     " AND action = 'update'"), ==, 3);
  g_assert_true (ipd_store_verify_audit (f->store, NULL, &error));
  g_assert_no_error (error);
}

/* A dossier purged for good takes its documents, trashed ones too. */
static void
test_purge_takes_trashed (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdAttachment) a = attach (f, "mot.pdf", pdf_bytes, 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (ipd_store_trash_attachment (f->store, a->id, &error));
  g_assert_true (ipd_store_trash_dossier (f->store, f->dossier_id, &error));
  g_assert_true (ipd_store_purge_dossier (f->store, f->dossier_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM attachment"), ==, 0);
}

/* Reading the bytes on a worker ----------------------------------------------------- */

static void
on_done (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static GBytes *
load_on_worker (Fixture *f, const char *sha256, GCancellable *cancellable, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ipd_store_load_blob_async (f->store, sha256, cancellable, on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return ipd_store_load_blob_finish (result, error);
}

/* Several pieces and a short last one, as stored, on a worker's own
 * connection; a missing document and a cancelled read say so. */
static void
test_load_blob_async (Fixture *f, gconstpointer data)
{
  gsize size = 9 * 1024 * 1024 + 123;
  g_autofree guint8 *contents = g_malloc (size);
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(IpdAttachment) a = ipd_attachment_new (f->dossier_id, "ban-do.pdf");
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *length = NULL;

  for (gsize i = 0; i < size; i++)
    contents[i] = (guint8) g_test_rand_int_range (0, 256);
  stored = g_bytes_new (contents, size);
  g_assert_true (ipd_store_add_attachment (f->store, a, stored, &error));
  g_assert_no_error (error);
  length = raw_text (f->path, "SELECT length (data) FROM blob WHERE sha256 = '%s'", a->sha256);
  g_assert_cmpstr (length, ==, "9437307");

  back = load_on_worker (f, a->sha256, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, stored));
  again = ipd_store_load_blob (f->store, a->sha256, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (again, stored));

  g_assert_null (load_on_worker (f, "00", NULL, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_cancellable_cancel (cancelled);
  g_assert_null (load_on_worker (f, a->sha256, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* An empty file is a document too (a broken scan): its bytes are none. */
static void
test_load_empty_blob (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdAttachment) a = attach (f, "rong.pdf", "", 0);
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GError) error = NULL;

  back = load_on_worker (f, a->sha256, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpuint (g_bytes_get_size (back), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/attachments/migrate-from-5", test_migrate_from_5);
  g_test_add ("/attachments/page-count", Fixture, NULL, fixture_set_up, test_page_count, fixture_tear_down);
  g_test_add ("/attachments/update", Fixture, NULL, fixture_set_up, test_update, fixture_tear_down);
  g_test_add ("/attachments/update-refused", Fixture, NULL, fixture_set_up, test_update_refused, fixture_tear_down);
  g_test_add ("/attachments/trash-and-restore", Fixture, NULL, fixture_set_up, test_trash_and_restore, fixture_tear_down);
  g_test_add ("/attachments/purge-takes-trashed", Fixture, NULL, fixture_set_up, test_purge_takes_trashed, fixture_tear_down);
  g_test_add ("/attachments/load-blob-async", Fixture, NULL, fixture_set_up, test_load_blob_async, fixture_tear_down);
  g_test_add ("/attachments/load-empty-blob", Fixture, NULL, fixture_set_up, test_load_empty_blob, fixture_tear_down);
  return g_test_run ();
}
