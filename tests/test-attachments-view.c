/* test-attachments-view.c — the documents on the dossier page, under Xvfb
 *
 * Adds files to a dossier of the demo register as the file chooser and a
 * drop would (a PDF written by cairo, a PNG, a text file, a damaged PDF),
 * then renames, re-types, trashes and restores them, saves copies and
 * opens them. What the rows say is checked against the register read with
 * the sqlite3 C API, independently of the store. Saves screenshots
 * (attachments-C.png, attachments-document-C.png and -vi) to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "ipd-attachment-dialog.h"
#include "ipd-attachment-list.h"
#include "ipd-attachment-row.h"
#include "ipd-demo.h"
#include "ipd-error.h"
#include "ipd-pdf-view.h"
#include "ipd-test-gui.h"
#include "ipd-test-pdf.h"
#include "ipd-test-util.h"
#include "ipd-window-private.h"

typedef struct {
  char              *directory;
  char              *path;
  IpdStore          *store;
  IpdWindow         *window;
  IpdAttachmentList *list;
  gint64             dossier_id;
} Fixture;

static gboolean translated;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  IpdQuery everything = { NULL };
  g_autoptr(GArray) ids = NULL;

  f->directory = ipd_test_make_dir ("ipd-attachments-view-XXXXXX");
  f->path = g_build_filename (f->directory, "register.sqlite", NULL);
  f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipd_demo_load (f->store, &error), >, 0);
  g_assert_no_error (error);
  f->window = ipd_window_new (NULL, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 900);
  ipd_test_present (GTK_WINDOW (f->window));

  ids = ipd_store_list_ids (f->store, &everything, &error);
  g_assert_no_error (error);
  f->dossier_id = g_array_index (ids, gint64, 0);
  ipd_window_open_dossier (f->window, f->dossier_id);
  ipd_test_iterate (20);
  g_assert_cmpint (ipd_dossier_view_get_id (f->window->dossier_view), ==, f->dossier_id);
  f->list = ipd_dossier_view_get_attachment_list (f->window->dossier_view);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ipd_test_iterate (20);
  g_clear_object (&f->store);
  ipd_test_remove_dir (f->directory);
  g_free (f->directory);
  g_free (f->path);
}

/* The register, read without the store ------------------------------------------------- */

static char *raw_text (Fixture *f, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* The first column of the first row ("NULL" for a NULL), or NULL without a row. */
static char *
raw_text (Fixture *f, const char *format, ...)
{
  va_list args;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (sqlite3_column_type (stmt, 0) == SQLITE_NULL ? "NULL" : (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static gint64
raw_int (Fixture *f, const char *sql)
{
  g_autofree char *text = raw_text (f, "%s", sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

/* The attachment row with @file_name, by the test's own reading. */
static gint64
raw_id_named (Fixture *f, const char *file_name)
{
  char *quoted = sqlite3_mprintf ("%Q", file_name);
  g_autofree char *text = raw_text (f, "SELECT id FROM attachment WHERE file_name = %s AND dossier_id = %" G_GINT64_FORMAT,
                                    quoted, f->dossier_id);

  sqlite3_free (quoted);
  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

/* Files and rows ------------------------------------------------------------------------ */

static GFile *
write_file (Fixture *f, const char *name, GBytes *bytes)
{
  g_autofree char *path = g_build_filename (f->directory, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static void
wait_until_stored (Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (ipd_attachment_list_is_busy (f->list) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (ipd_attachment_list_is_busy (f->list));
  ipd_test_iterate (20);
}

static GtkWidget *
row_of (Fixture *f, gint64 id)
{
  g_autofree char *name = g_strdup_printf ("attachment-%" G_GINT64_FORMAT, id);
  return ipd_test_find_named (GTK_WIDGET (f->list), name);
}

static guint
count_rows (Fixture *f)
{
  GtkWidget *list = ipd_test_get_named (GTK_WIDGET (f->list), "attachments");
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_visible (child))
      n++;
  return n;
}

static const char *
subtitle_of (Fixture *f, gint64 id)
{
  GtkWidget *row = row_of (f, id);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static const char *
title_of (Fixture *f, gint64 id)
{
  GtkWidget *row = row_of (f, id);

  g_assert_nonnull (row);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

/* Waits for a row's PDF to be read again on the worker. */
static GtkWidget *
wait_for_problem (Fixture *f, gint64 id)
{
  g_autofree char *name = g_strdup_printf ("attachment-problem-%" G_GINT64_FORMAT, id);
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *icon;

  icon = ipd_test_get_named (GTK_WIDGET (f->list), name);
  while (!gtk_widget_get_visible (icon) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_visible (icon));
  return icon;
}

static gboolean
activate (Fixture *f, const char *action, gint64 id)
{
  gboolean done = gtk_widget_activate_action (GTK_WIDGET (f->list), action, "x", id);
  ipd_test_iterate (20);
  return done;
}

/* Presses @accelerator on @widget: runs the class shortcut bound to it, as
 * GTK does for a key press with the focus inside @widget. */
static gboolean
press (GtkWidget *widget, const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* Adds the test's four files; returns them in the order pdf, png, text, damaged. */
static void
add_four (Fixture *f, GFile *files[4])
{
  g_autoptr(GBytes) pdf = ipd_test_pdf_text (3);
  g_autoptr(GBytes) png = ipd_test_pdf_png ();
  g_autoptr(GBytes) text = g_bytes_new_static ("Biên bản làm việc\n", strlen ("Biên bản làm việc\n"));
  g_autoptr(GBytes) damaged = ipd_test_pdf_truncated (pdf);

  files[0] = write_file (f, "Đơn đăng ký.pdf", pdf);
  files[1] = write_file (f, "mau-nhan.png", png);
  files[2] = write_file (f, "bien-ban.txt", text);
  files[3] = write_file (f, "hong.pdf", damaged);
  ipd_attachment_list_add_files (f->list, files, 4);
  wait_until_stored (f);
}

static void
free_four (GFile *files[4])
{
  for (guint i = 0; i < 4; i++)
    g_object_unref (files[i]);
}

static void
assert_blob_is_file (Fixture *f, gint64 id, GFile *file)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autofree char *expected = NULL;
  g_autofree char *stored = raw_text (f, "SELECT b.sha256 || ':' || length (b.data) FROM attachment a"
                                         " JOIN blob b ON b.sha256 = a.sha256 WHERE a.id = %" G_GINT64_FORMAT, id);

  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, NULL));
  expected = g_strdup_printf ("%s:%zu", g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length), length);
  g_assert_cmpstr (stored, ==, expected);
}

/* Tests ---------------------------------------------------------------------------------- */

static void
test_add_files (Fixture *f, gconstpointer data)
{
  GFile *files[4];
  gint64 pdf, png, text, damaged;
  GtkWidget *problem;
  guint before = count_rows (f);

  add_four (f, files);
  pdf = raw_id_named (f, "Đơn đăng ký.pdf");
  png = raw_id_named (f, "mau-nhan.png");
  text = raw_id_named (f, "bien-ban.txt");
  damaged = raw_id_named (f, "hong.pdf");

  /* the register: types from the content, pages of the readable PDF only */
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM attachment WHERE deleted_at IS NULL"), ==, before + 4);
  {
    g_autofree char *a = raw_text (f, "SELECT mime_type || '|' || ifnull (page_count, 'NULL') || '|' || document_type"
                                      " FROM attachment WHERE id = %" G_GINT64_FORMAT, pdf);
    g_autofree char *b = raw_text (f, "SELECT mime_type || '|' || ifnull (page_count, 'NULL') FROM attachment WHERE id = %" G_GINT64_FORMAT, png);
    g_autofree char *c = raw_text (f, "SELECT mime_type || '|' || ifnull (page_count, 'NULL') FROM attachment WHERE id = %" G_GINT64_FORMAT, text);
    g_autofree char *d = raw_text (f, "SELECT mime_type || '|' || ifnull (page_count, 'NULL') FROM attachment WHERE id = %" G_GINT64_FORMAT, damaged);

    g_assert_cmpstr (a, ==, "application/pdf|3|other");
    g_assert_cmpstr (b, ==, "image/png|NULL");
    g_assert_cmpstr (c, ==, "text/plain|NULL");
    g_assert_cmpstr (d, ==, "application/pdf|NULL");
  }
  for (guint i = 0; i < 4; i++)
    assert_blob_is_file (f, raw_id_named (f, i == 0 ? "Đơn đăng ký.pdf" : i == 1 ? "mau-nhan.png"
                                             : i == 2 ? "bien-ban.txt" : "hong.pdf"), files[i]);

  /* the rows */
  g_assert_cmpuint (count_rows (f), ==, before + 4);
  if (!translated)
    {
      g_assert_cmpstr (title_of (f, pdf), ==, "Other");
      g_assert_nonnull (strstr (subtitle_of (f, pdf), "3 pages"));
      g_assert_nonnull (strstr (subtitle_of (f, pdf), "Đơn đăng ký.pdf"));
      g_assert_null (strstr (subtitle_of (f, png), "page"));
      g_assert_cmpstr (subtitle_of (f, text), ==, "24 bytes · bien-ban.txt");
    }
  /* the damaged PDF is there, and says it cannot be read */
  problem = wait_for_problem (f, damaged);
  g_assert_nonnull (gtk_widget_get_tooltip_text (problem));
  if (!translated)
    g_assert_nonnull (strstr (subtitle_of (f, damaged), "Cannot be read"));
  {
    g_autofree char *name = g_strdup_printf ("attachment-problem-%" G_GINT64_FORMAT, pdf);
    g_assert_false (gtk_widget_get_visible (ipd_test_get_named (GTK_WIDGET (f->list), name)));
  }
  /* the picture shows as a thumbnail in its row */
  {
    gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    while (ipd_test_find_named (row_of (f, png), "attachment-thumbnail") == NULL && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
    g_assert_nonnull (ipd_test_find_named (row_of (f, png), "attachment-thumbnail"));
  }
  free_four (files);
}

/* An encrypted PDF is attached and its row asks for the password. */
static void
test_encrypted (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) pdf = ipd_test_pdf_text (2);
  g_autoptr(GBytes) encrypted = NULL;
  g_autoptr(GFile) file = NULL;
  gint64 id;

  if (!ipd_test_pdf_have_qpdf ())
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  encrypted = ipd_test_pdf_encrypt (pdf, "secret", "owner");
  g_assert_nonnull (encrypted);
  file = write_file (f, "mat.pdf", encrypted);
  ipd_attachment_list_add_files (f->list, &file, 1);
  wait_until_stored (f);
  id = raw_id_named (f, "mat.pdf");
  g_assert_cmpint (raw_int (f, "SELECT page_count IS NULL FROM attachment WHERE file_name = 'mat.pdf'"), ==, 1);
  wait_for_problem (f, id);
  if (!translated)
    g_assert_nonnull (strstr (subtitle_of (f, id), "Needs a password"));
}

static void
test_sizes (void)
{
  g_autofree char *bytes = ipd_attachment_format_size (18);
  g_autofree char *kb = ipd_attachment_format_size (1500);
  g_autofree char *mb = ipd_attachment_format_size (1234567);
  g_autofree char *gb = ipd_attachment_format_size (2500000000);

  g_assert_cmpstr (bytes, ==, "18 bytes");
  g_assert_cmpstr (kb, ==, "1,5 kB");
  g_assert_cmpstr (mb, ==, "1,2 MB");
  g_assert_cmpstr (gb, ==, "2,5 GB");
}

static IpdAttachmentDialog *
open_dialog (Fixture *f, gint64 id)
{
  IpdAttachmentDialog *dialog;

  g_assert_true (activate (f, "attachment.edit", id));
  dialog = IPD_ATTACHMENT_DIALOG (ipd_test_find_toplevel (IPD_TYPE_ATTACHMENT_DIALOG));
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_rename_and_retype (Fixture *f, gconstpointer data)
{
  GFile *files[4];
  gint64 pdf;
  IpdAttachmentDialog *dialog;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *saved = NULL;

  add_four (f, files);
  pdf = raw_id_named (f, "Đơn đăng ký.pdf");
  before = raw_text (f, "SELECT file_name || '|' || document_type || '|' || ifnull (number, '-') || '|' || ifnull (date, '-')"
                        " FROM attachment WHERE id = %" G_GINT64_FORMAT, pdf);

  /* a bad date: refused in the dialog, nothing saved */
  dialog = open_dialog (f, pdf);
  ipd_attachment_dialog_set_field (dialog, "type", "decision");
  ipd_attachment_dialog_set_field (dialog, "number", "559/QĐ-SHTT");
  ipd_attachment_dialog_set_field (dialog, "date", "31/02/2025");
  g_assert_false (ipd_attachment_dialog_save (dialog, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_nonnull (ipd_attachment_dialog_get_error (dialog));
  if (!translated)
    g_assert_nonnull (strstr (ipd_attachment_dialog_get_error (dialog), "Document date"));
  after = raw_text (f, "SELECT file_name || '|' || document_type || '|' || ifnull (number, '-') || '|' || ifnull (date, '-')"
                       " FROM attachment WHERE id = %" G_GINT64_FORMAT, pdf);
  g_assert_cmpstr (after, ==, before);

  /* a blank name: refused too */
  ipd_attachment_dialog_set_field (dialog, "date", "19/08/2025");
  ipd_attachment_dialog_set_field (dialog, "name", "   ");
  g_assert_false (ipd_attachment_dialog_save (dialog, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_clear_error (&error);
  g_free (after);
  after = raw_text (f, "SELECT file_name || '|' || document_type || '|' || ifnull (number, '-') || '|' || ifnull (date, '-')"
                       " FROM attachment WHERE id = %" G_GINT64_FORMAT, pdf);
  g_assert_cmpstr (after, ==, before);

  /* right: saved, the row follows */
  ipd_attachment_dialog_set_field (dialog, "name", "Quyết định 559.pdf");
  g_assert_true (ipd_attachment_dialog_save (dialog, &error));
  g_assert_no_error (error);
  gtk_window_close (GTK_WINDOW (dialog));
  ipd_test_iterate (20);
  saved = raw_text (f, "SELECT file_name || '|' || document_type || '|' || ifnull (number, '-') || '|' || ifnull (date, '-')"
                       " FROM attachment WHERE id = %" G_GINT64_FORMAT, pdf);
  g_assert_cmpstr (saved, ==, "Quyết định 559.pdf|decision|559/QĐ-SHTT|2025-08-19");
  if (!translated)
    {
      g_assert_cmpstr (title_of (f, pdf), ==, "Decision no. 559/QĐ-SHTT");
      g_assert_true (g_str_has_prefix (subtitle_of (f, pdf), "19/08/2025 · 3 pages · "));
      g_assert_true (g_str_has_suffix (subtitle_of (f, pdf), " · Quyết định 559.pdf"));
    }
  free_four (files);
}

static void
test_trash_and_undo (Fixture *f, gconstpointer data)
{
  GFile *files[4];
  gint64 text;
  GtkWidget *row, *undo;
  g_autofree char *deleted = NULL;
  guint n;

  add_four (f, files);
  text = raw_id_named (f, "bien-ban.txt");
  n = count_rows (f);
  row = row_of (f, text);

  /* Delete on the selected row */
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
  gtk_widget_grab_focus (row);
  g_assert_true (press (GTK_WIDGET (f->list), "Delete"));
  ipd_test_iterate (20);
  g_assert_null (row_of (f, text));
  g_assert_cmpuint (count_rows (f), ==, n - 1);
  deleted = raw_text (f, "SELECT deleted_at FROM attachment WHERE id = %" G_GINT64_FORMAT, text);
  g_assert_cmpstr (deleted, !=, "NULL");
  /* the bytes stay for the undo */
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM blob b JOIN attachment a ON a.sha256 = b.sha256"
                               " WHERE a.file_name = 'bien-ban.txt'"), ==, 1);

  /* Undo on the toast */
  undo = ipd_test_find_button (GTK_WIDGET (f->window), translated ? g_dgettext (GETTEXT_PACKAGE, "_Undo") : "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  ipd_test_iterate (20);
  g_assert_nonnull (row_of (f, text));
  g_assert_cmpuint (count_rows (f), ==, n);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM attachment WHERE deleted_at IS NOT NULL"), ==, 0);

  /* and by the row's menu */
  g_assert_true (activate (f, "attachment.trash", text));
  g_assert_null (row_of (f, text));
  free_four (files);
}

static void
on_done (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static void
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
save_copy (Fixture *f, const char *name, GFile *file, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ipd_attachment_list_save_copy_async (f->list, raw_id_named (f, name), file, NULL, on_done, &result);
  wait_for_result (&result);
  return ipd_attachment_list_save_copy_finish (f->list, result, error);
}

static void
test_save_copy (Fixture *f, gconstpointer data)
{
  GFile *files[4];
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL;
  gsize la = 0, lb = 0;
  g_autofree char *copy_path = g_build_filename (f->directory, "copy", "ban sao.png", NULL);
  g_autofree char *copy_dir = g_path_get_dirname (copy_path);

  add_four (f, files);
  g_mkdir (copy_dir, 0700);
  copy = g_file_new_for_path (copy_path);
  g_assert_true (g_file_set_contents (copy_path, "an earlier file", -1, NULL));
  g_assert_true (save_copy (f, "mau-nhan.png", copy, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (copy, NULL, &a, &la, NULL, NULL));
  g_assert_true (g_file_load_contents (files[1], NULL, &b, &lb, NULL, NULL));
  g_assert_cmpmem (a, la, b, lb);

  /* a folder that is not there: a clear error naming the file */
  {
    g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent-folder/x.png");
    g_assert_false (save_copy (f, "mau-nhan.png", nowhere, &error));
    g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "“/nonexistent-folder/x.png”"));
  }
  free_four (files);
}

/* What the dossier page shows of a document ("pdf" or "picture"), once
 * its bytes are read on the worker; NULL for the dossier itself. */
static const char *
document_shown (Fixture *f)
{
  GtkWidget *picture = ipd_test_get_named (GTK_WIDGET (f->window->dossier_view), "document-picture");

  if (!ipd_dossier_view_is_showing_document (f->window->dossier_view))
    return NULL;
  return gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (picture, GTK_TYPE_STACK)));
}

static void
wait_for_document (Fixture *f, const char *kind)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_strcmp0 (document_shown (f), kind) != 0 && g_get_monotonic_time () < end)
    ipd_test_wait_ms (10);   /* a wait that ends: nothing may come */
  g_assert_cmpstr (document_shown (f), ==, kind);
}

/* The dossier page shows a PDF in the viewer and a picture as it is. */
static void
test_open_in_page (Fixture *f, gconstpointer data)
{
  GFile *files[4];
  gint64 pdf, png;
  IpdPdfView *view;
  GtkPicture *picture;
  gint64 end;

  add_four (f, files);
  pdf = raw_id_named (f, "Đơn đăng ký.pdf");
  png = raw_id_named (f, "mau-nhan.png");

  g_signal_emit_by_name (gtk_widget_get_parent (row_of (f, pdf)), "row-activated", row_of (f, pdf));
  wait_for_document (f, "pdf");
  view = IPD_PDF_VIEW (ipd_test_get_named (GTK_WIDGET (f->window->dossier_view), "dossier-pdf-view"));
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_strcmp0 (ipd_pdf_view_get_state (view), "document") != 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (ipd_pdf_view_get_state (view), ==, "document");
  g_assert_cmpint (ipd_pdf_view_get_n_pages (view), ==, 3);
  ipd_test_wait_ms (300);
  ipd_test_save_screenshot (GTK_WIDGET (f->window), translated ? "attachments-document-vi.png" : "attachments-document-C.png");

  /* back to the dossier */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->dossier_view), "dossier.close-document", NULL));
  ipd_test_iterate (10);
  g_assert_false (ipd_dossier_view_is_showing_document (f->window->dossier_view));

  /* a picture */
  g_assert_true (activate (f, "attachment.open", png));
  wait_for_document (f, "picture");
  picture = GTK_PICTURE (ipd_test_get_named (GTK_WIDGET (f->window->dossier_view), "document-picture"));
  g_assert_nonnull (gtk_picture_get_paintable (picture));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (picture)), >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->dossier_view), "dossier.close-document", NULL));
  ipd_test_iterate (10);

  /* a PDF in its own window */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint windows = g_list_model_get_n_items (toplevels);
    GtkWindow *window = NULL;

    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    g_assert_true (activate (f, "attachment.open-window", pdf));
    while (g_list_model_get_n_items (toplevels) == windows && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, windows + 1);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && window == NULL; i++)
      {
        g_autoptr(GtkWindow) candidate = g_list_model_get_item (toplevels, i);
        if (candidate != GTK_WINDOW (f->window))
          window = candidate;
      }
    g_assert_nonnull (window);
    g_assert_true (gtk_window_get_transient_for (window) == GTK_WINDOW (f->window)
                   || gtk_window_get_transient_for (window) == NULL);
    gtk_window_destroy (window);
  }
  free_four (files);
}

/* A large document asked for first and read last does not take the place
 * of a small one asked for after it. */
static void
test_last_asked_shown (Fixture *f, gconstpointer data)
{
  GFile *files[4];
  gsize size = 48 * 1024 * 1024;
  g_autofree guint8 *contents = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(IpdAttachment) big = ipd_attachment_new (f->dossier_id, "ban-do-lon.pdf");
  g_autoptr(GError) error = NULL;

  add_four (f, files);
  memcpy (contents, "%PDF-1.4\n", 9);
  for (gsize i = 9; i < size; i++)
    contents[i] = (guint8) (i * 2654435761u >> 24);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), size);
  big->mime_type = g_strdup ("application/pdf");
  g_assert_true (ipd_store_add_attachment (f->store, big, bytes, &error));
  g_assert_no_error (error);
  g_assert_true (ipd_attachment_list_reload (f->list, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->list), "attachment.open", "x", big->id));
  g_assert_true (activate (f, "attachment.open", raw_id_named (f, "mau-nhan.png")));
  wait_for_document (f, "picture");
  ipd_test_wait_ms (1000);   /* the large one has long been read */
  g_assert_cmpstr (document_shown (f), ==, "picture");

  /* a document asked for stays asked for when the list is read again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->list), "attachment.open", "x", big->id));
  g_assert_true (ipd_attachment_list_reload (f->list, &error));
  g_assert_no_error (error);
  wait_for_document (f, "pdf");
  free_four (files);
}

/* A picture that does not decode leaves the dossier shown (and says why
 * in a toast); a picture asked for after it is shown. */
static void
test_broken_picture (Fixture *f, gconstpointer data)
{
  static const char broken[] = "\x89PNG\r\n\x1a\n not the rest of a picture";
  g_autoptr(GBytes) bytes = g_bytes_new_static (broken, sizeof broken - 1);
  g_autoptr(IpdAttachment) a = ipd_attachment_new (f->dossier_id, "hong.png");
  GFile *files[4];
  g_autoptr(GError) error = NULL;

  add_four (f, files);
  a->mime_type = g_strdup ("image/png");
  g_assert_true (ipd_store_add_attachment (f->store, a, bytes, &error));
  g_assert_no_error (error);
  g_assert_true (ipd_attachment_list_reload (f->list, &error));
  g_assert_no_error (error);

  g_assert_true (activate (f, "attachment.open", a->id));
  ipd_test_wait_ms (500);
  g_assert_null (document_shown (f));
  g_assert_true (activate (f, "attachment.open", raw_id_named (f, "mau-nhan.png")));
  wait_for_document (f, "picture");
  free_four (files);
}

/* "Open With…": a copy, byte for byte and named as attached, in the
 * document's own folder of the user's cache. */
static void
test_write_for_opening (Fixture *f, gconstpointer data)
{
  GFile *files[4];
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL, *tail = NULL, *path = NULL, *a = NULL, *b = NULL;
  gint64 pdf;
  gsize la = 0, lb = 0;

  add_four (f, files);
  pdf = raw_id_named (f, "Đơn đăng ký.pdf");
  sha = raw_text (f, "SELECT sha256 FROM attachment WHERE id = %" G_GINT64_FORMAT, pdf);
  ipd_attachment_list_write_for_opening_async (f->list, pdf, NULL, on_done, &result);
  wait_for_result (&result);
  path = ipd_attachment_list_write_for_opening_finish (f->list, result, &error);
  g_assert_no_error (error);
  tail = g_strdup_printf ("/ipdossiers/documents/%s/Đơn đăng ký.pdf", sha);
  g_assert_true (g_str_has_prefix (path, g_get_user_cache_dir ()));
  g_assert_true (g_str_has_suffix (path, tail));
  g_assert_true (g_file_get_contents (path, &a, &la, NULL));
  g_assert_true (g_file_load_contents (files[0], NULL, &b, &lb, NULL, NULL));
  g_assert_cmpmem (a, la, b, lb);
  g_unlink (path);
  free_four (files);
}

/* A drop of files on the dossier page goes the same way. */
static void
test_drop (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) pdf = ipd_test_pdf_text (1);
  g_autoptr(GFile) one = write_file (f, "tha-vao.pdf", pdf);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window->dossier_view));
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  GSList *files = g_slist_append (NULL, one);

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  wait_until_stored (f);
  g_assert_cmpint (raw_int (f, "SELECT page_count FROM attachment WHERE file_name = 'tha-vao.pdf'"), ==, 1);
  g_assert_nonnull (row_of (f, raw_id_named (f, "tha-vao.pdf")));
}

/* Big files: a progress bar, and Stop keeps what was stored. */
static void
test_stop (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) big = ipd_test_pdf_random (40 * 1000 * 1000, 7);
  GFile *files[3];
  GtkRevealer *progress = GTK_REVEALER (ipd_test_get_named (GTK_WIDGET (f->list), "adding-progress"));
  gint64 stored, end;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("lon-%u.bin", i);
      g_autoptr(GBytes) variant = NULL;
      /* three different files: no deduplication */
      guint8 *contents = g_memdup2 (g_bytes_get_data (big, NULL), g_bytes_get_size (big));
      contents[0] = (guint8) i;
      variant = g_bytes_new_take (contents, g_bytes_get_size (big));
      files[i] = write_file (f, name, variant);
    }
  ipd_attachment_list_add_files (f->list, files, 3);
  g_assert_true (ipd_attachment_list_is_busy (f->list));
  /* 120 MB take longer than the moment before the bar shows */
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (ipd_attachment_list_is_busy (f->list) && !gtk_revealer_get_reveal_child (progress)
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_revealer_get_reveal_child (progress));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->list), "attachment.stop-adding", NULL));
  wait_until_stored (f);
  g_assert_false (gtk_revealer_get_reveal_child (progress));
  stored = raw_int (f, "SELECT count(*) FROM attachment WHERE file_name LIKE 'lon-%'");
  g_assert_cmpint (stored, <, 3);
  /* nothing half-stored */
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM blob WHERE length (data) = 40000000"), ==, stored);
  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
}

/* A folder and a file that is not there: each says why; the rest is added. */
static void
test_bad_files (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) pdf = ipd_test_pdf_text (1);
  GFile *files[3];
  GtkWidget *errors = ipd_test_get_named (GTK_WIDGET (f->list), "adding-errors");
  g_autofree char *folder = g_build_filename (f->directory, "thu-muc", NULL);

  g_mkdir (folder, 0700);
  files[0] = g_file_new_for_path (folder);
  files[1] = g_file_new_for_path ("/nonexistent/khong-co.pdf");
  files[2] = write_file (f, "tot.pdf", pdf);
  ipd_attachment_list_add_files (f->list, files, 3);
  wait_until_stored (f);
  g_assert_true (gtk_widget_get_visible (errors));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (errors)), "thu-muc"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (errors)), "khong-co.pdf"));
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM attachment WHERE file_name = 'tot.pdf'"), ==, 1);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM attachment WHERE file_name IN ('thu-muc', 'khong-co.pdf')"), ==, 0);
  for (guint i = 0; i < 3; i++)
    g_object_unref (files[i]);
}

/* A register open read-only lists and opens documents, and changes none. */
static void
test_read_only (Fixture *f, gconstpointer data)
{
  GFile *files[4];
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) ro = NULL;
  gint64 text;
  guint n;

  add_four (f, files);
  text = raw_id_named (f, "bien-ban.txt");
  ro = ipd_store_open (f->path, IPD_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  ipd_attachment_list_show (f->list, ro, f->dossier_id);
  n = count_rows (f);
  g_assert_cmpuint (n, >=, 4);
  g_assert_false (gtk_widget_is_sensitive (ipd_test_get_named (GTK_WIDGET (f->list), "add-documents")));
  /* disabled: nothing happens */
  gtk_widget_activate_action (GTK_WIDGET (f->list), "attachment.trash", "x", text);
  gtk_widget_activate_action (GTK_WIDGET (f->list), "attachment.edit", "x", text);
  ipd_test_iterate (10);
  g_assert_null (ipd_test_find_toplevel (IPD_TYPE_ATTACHMENT_DIALOG));
  g_assert_cmpuint (count_rows (f), ==, n);
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM attachment WHERE deleted_at IS NOT NULL"), ==, 0);
  ipd_attachment_list_add_files (f->list, files, 1);
  g_assert_false (ipd_attachment_list_is_busy (f->list));
  free_four (files);
}

static void
test_screenshot (Fixture *f, gconstpointer data)
{
  GFile *files[4];
  gint64 pdf;
  IpdAttachmentDialog *dialog;
  GtkWidget *scrolled;

  add_four (f, files);
  pdf = raw_id_named (f, "Đơn đăng ký.pdf");
  dialog = open_dialog (f, pdf);
  ipd_attachment_dialog_set_field (dialog, "type", "application");
  ipd_attachment_dialog_set_field (dialog, "number", "4-2025-20619");
  /* the dialog with a refused date, as the officer sees it */
  ipd_attachment_dialog_set_field (dialog, "date", "12/13/2025");
  g_assert_false (ipd_attachment_dialog_save (dialog, NULL));
  ipd_test_wait_ms (300);
  ipd_test_save_screenshot (GTK_WIDGET (dialog), translated ? "attachment-dialog-vi.png" : "attachment-dialog-C.png");
  ipd_attachment_dialog_set_field (dialog, "date", "12/03/2025");
  g_assert_true (ipd_attachment_dialog_save (dialog, NULL));
  gtk_window_close (GTK_WINDOW (dialog));
  wait_for_problem (f, raw_id_named (f, "hong.pdf"));
  /* the documents in view */
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (f->list), GTK_TYPE_SCROLLED_WINDOW);
  ipd_test_wait_ms (200);
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    graphene_point_t point;
    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (f->list), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (adjustment, point.y - 40);
  }
  ipd_test_wait_ms (300);
  ipd_test_save_screenshot (GTK_WIDGET (f->window), translated ? "attachments-vi.png" : "attachments-C.png");
  free_four (files);
}

int
main (int argc, char **argv)
{
  translated = ipd_test_init_gui (&argc, &argv);

  if (!translated)
    {
      g_test_add_func ("/attachments-view/sizes", test_sizes);
      g_test_add ("/attachments-view/add-files", Fixture, NULL, fixture_set_up, test_add_files, fixture_tear_down);
      g_test_add ("/attachments-view/encrypted", Fixture, NULL, fixture_set_up, test_encrypted, fixture_tear_down);
      g_test_add ("/attachments-view/rename-and-retype", Fixture, NULL, fixture_set_up, test_rename_and_retype, fixture_tear_down);
      g_test_add ("/attachments-view/trash-and-undo", Fixture, NULL, fixture_set_up, test_trash_and_undo, fixture_tear_down);
      g_test_add ("/attachments-view/save-copy", Fixture, NULL, fixture_set_up, test_save_copy, fixture_tear_down);
      g_test_add ("/attachments-view/open-in-page", Fixture, NULL, fixture_set_up, test_open_in_page, fixture_tear_down);
      g_test_add ("/attachments-view/last-asked-shown", Fixture, NULL, fixture_set_up, test_last_asked_shown, fixture_tear_down);
      g_test_add ("/attachments-view/broken-picture", Fixture, NULL, fixture_set_up, test_broken_picture, fixture_tear_down);
      g_test_add ("/attachments-view/write-for-opening", Fixture, NULL, fixture_set_up, test_write_for_opening, fixture_tear_down);
      g_test_add ("/attachments-view/drop", Fixture, NULL, fixture_set_up, test_drop, fixture_tear_down);
      g_test_add ("/attachments-view/stop", Fixture, NULL, fixture_set_up, test_stop, fixture_tear_down);
      g_test_add ("/attachments-view/read-only", Fixture, NULL, fixture_set_up, test_read_only, fixture_tear_down);
      g_test_add ("/attachments-view/bad-files", Fixture, NULL, fixture_set_up, test_bad_files, fixture_tear_down);
    }
  g_test_add ("/attachments-view/screenshot", Fixture, NULL, fixture_set_up, test_screenshot, fixture_tear_down);
  return g_test_run ();
}
