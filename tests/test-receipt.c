/* test-receipt.c — the dossier's receipt, printed to PDF, under Xvfb
 *
 * A register with a geographical indication in Vietnamese, events that
 * open deadlines and the agency's lines. Its receipt is saved as PDF
 * through the page's own code path and read back by independent tools:
 * poppler's pdftoppm renders it, zbarimg (zbar-tools) decodes the QR
 * code, pdftotext gives its text. Then the code is re-issued through the
 * window's action and its confirmation, and the old code must open
 * nothing. Saves receipt-C.png / receipt-vi.png and the page
 * (receipt-page-C.png / -vi) to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ipd-date.h"
#include "ipd-error.h"
#include "ipd-lookup-code.h"
#include "ipd-receipt.h"
#include "ipd-test-gui.h"
#include "ipd-test-util.h"
#include "ipd-vocabulary.h"
#include "ipd-window-private.h"

#define GI_NAME   "Chè Shan tuyết Tà Xùa"
#define APPLICANT "Hợp tác xã Chè Shan tuyết Tà Xùa"
#define OFFICER   "Lò Thị Hương"
#define PARENT    "UBND TỈNH SƠN LA"
#define AGENCY    "SỞ KHOA HỌC VÀ CÔNG NGHỆ"

typedef struct {
  char           *directory;
  char           *path;
  IpdStore       *store;
  IpdWindow      *window;
  IpdDossierView *view;
  gint64          id;
  char           *reference;
} Fixture;

static gboolean translated;

/* Today less @days, as YYYY-MM-DD: deadlines still to come. */
static char *
days_ago (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
add_event (Fixture *f, const char *date, const char *type)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdEvent) event = ipd_event_new (f->id, date, type);

  g_assert_true (ipd_store_save_event (f->store, event, &error));
  g_assert_no_error (error);
}

static void
set_setting (Fixture *f, const char *key, const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ipd_store_set_setting (f->store, key, value, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdDossier) d = ipd_dossier_new (IPD_KIND_GI, GI_NAME);
  g_autoptr(IpdParty) applicant = ipd_party_new (APPLICANT, "cooperative");
  g_autofree char *filed = days_ago (20);
  g_autofree char *accepted = days_ago (5);

  f->directory = ipd_test_make_dir ("ipd-test-receipt-XXXXXX");
  f->path = g_build_filename (f->directory, "register.sqlite", NULL);
  f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  set_setting (f, IPD_SETTING_AGENCY_PARENT, PARENT);
  set_setting (f, IPD_SETTING_AGENCY_NAME, AGENCY);
  set_setting (f, IPD_SETTING_AGENCY_PLACE, "Sơn La");

  applicant->address = g_strdup ("Xã Tà Xùa, tỉnh Sơn La");
  d->app_number = g_strdup ("6-2026-00031");
  d->filing_date = g_strdup (filed);
  d->officer = g_strdup (OFFICER);
  d->internal_note = g_strdup ("Ghi chú nội bộ");
  ipd_dossier_add_party_details (d, applicant, IPD_ROLE_APPLICANT);
  ipd_dossier_add_product (d, "Chè xanh");
  ipd_dossier_add_area_unit (d, "Huyện Bắc Yên (cũ)", "Xã Tà Xùa", "Sơn La");
  g_assert_true (ipd_store_save_dossier (f->store, d, &error));
  g_assert_no_error (error);
  f->id = d->id;
  f->reference = g_strdup (d->reference);
  add_event (f, filed, "filed");
  add_event (f, accepted, "formality_accepted");

  f->window = ipd_window_new (NULL, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 900);
  ipd_test_present (GTK_WINDOW (f->window));
  ipd_window_open_dossier (f->window, f->id);
  ipd_test_iterate (20);
  f->view = f->window->dossier_view;
  g_assert_cmpint (ipd_dossier_view_get_id (f->view), ==, f->id);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GtkWindow *dialog;

  while ((dialog = ipd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (f->window));
  ipd_test_iterate (20);
  g_clear_object (&f->store);
  ipd_test_remove_dir (f->directory);
  g_free (f->directory);
  g_free (f->path);
  g_free (f->reference);
}

/* The independent readers ----------------------------------------------------------------- */

/* The program's path; the test fails without it (build-aux/test installs
 * poppler-utils and zbar-tools). */
static char *
find_program (const char *name)
{
  char *path = g_find_program_in_path (name);

  if (path == NULL)
    g_error ("%s is not installed: the receipt cannot be checked (build-aux/test installs it)", name);
  return path;
}

/* What @argv writes on its standard output; it must succeed. */
static char *
run (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return out;
}

/* The PDF rendered at 150 dpi, kept as @keep in the build directory to
 * look at; returns the PNG's path. */
static char *
render (Fixture *f, const char *pdf, const char *keep)
{
  g_autofree char *pdftoppm = find_program ("pdftoppm");
  g_autofree char *prefix = g_build_filename (f->directory, "page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *argv[] = { pdftoppm, "-png", "-r", "150", "-singlefile", pdf, prefix, NULL };
  g_autofree char *out = run (argv);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  if (keep != NULL)
    {
      g_autofree char *kept = g_test_build_filename (G_TEST_BUILT, keep, NULL);
      g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (kept, contents, length, NULL));
      g_test_message ("receipt: %s", kept);
    }
  return g_steal_pointer (&png);
}

/* What zbarimg reads in the QR code of the PDF's page. */
static char *
decode (Fixture *f, const char *pdf, const char *keep)
{
  g_autofree char *zbarimg = find_program ("zbarimg");
  g_autofree char *png = render (f, pdf, keep);
  const char *argv[] = { zbarimg, "--raw", "-q", png, NULL };
  char *out = run (argv);

  return g_strstrip (out);
}

/* The PDF's text, composed (NFC) and with every run of white space one space. */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *pdftotext = find_program ("pdftotext");
  const char *argv[] = { pdftotext, "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = run (argv);
  g_autofree char *composed = g_utf8_normalize (out, -1, G_NORMALIZE_NFC);
  g_auto(GStrv) words = g_strsplit_set (composed, " \t\n\r\f", -1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (text, "%s%s", text->len ? " " : "", words[i]);
  return g_string_free (text, FALSE);
}

static void
assert_contains (const char *text, const char *expected)
{
  g_autofree char *composed = g_utf8_normalize (expected, -1, G_NORMALIZE_NFC);

  if (strstr (text, composed) == NULL)
    g_error ("“%s” is not on the receipt:\n%s", composed, text);
}

/* The page, as the officer uses it ------------------------------------------------------------ */

static char *
current_code (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *code = ipd_store_dup_lookup_code (f->store, f->id, &error);

  g_assert_no_error (error);
  return code;
}

static char *
save_receipt (Fixture *f, const char *name)
{
  g_autoptr(GError) error = NULL;
  char *pdf = g_build_filename (f->directory, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);

  g_assert_true (ipd_dossier_view_save_receipt (f->view, file, &error));
  g_assert_no_error (error);
  ipd_test_iterate (10);
  return pdf;
}

static const char *
shown_code (Fixture *f)
{
  GtkWidget *row = ipd_test_get_named (GTK_WIDGET (f->view), "lookup-code");

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* Scrolls the dossier page to @name, for a screenshot. */
static void
scroll_to (Fixture *f, const char *name)
{
  GtkWidget *widget = ipd_test_get_named (GTK_WIDGET (f->view), name);
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, scrolled, &bounds));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y - 400);
  ipd_test_wait_ms (200);
}

static gboolean
found_by (Fixture *f, const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = ipd_store_front_desk_lookup (f->store, text, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    if (g_str_equal (((IpdPublicDossier *) g_ptr_array_index (found, i))->reference, f->reference))
      return TRUE;
  return FALSE;
}

static gboolean
tmp_has_receipts (void)
{
  g_autoptr(GDir) dir = g_dir_open (g_get_tmp_dir (), 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "ipd-receipt-") && g_str_has_suffix (name, ".pdf"))
      return TRUE;
  return FALSE;
}

/* The cases ------------------------------------------------------------------------------- */

/* Saved as PDF: the QR code decodes to the code issued on the way, the
 * text has what identifies the dossier and the dates to come. */
static void
test_export (Fixture *f, gconstpointer data)
{
  g_autofree char *before = current_code (f);
  g_autofree char *pdf = NULL, *code = NULL, *formatted = NULL, *decoded = NULL, *text = NULL;
  g_autofree char *received = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint steps = 0;

  g_assert_null (before);
  g_assert_false (tmp_has_receipts ());
  pdf = save_receipt (f, "receipt.pdf");
  g_assert_false (tmp_has_receipts ());
  code = current_code (f);
  g_assert_nonnull (code);
  g_assert_true (ipd_lookup_code_is_valid (code));
  formatted = ipd_lookup_code_format (code);
  g_assert_cmpstr (shown_code (f), ==, formatted);

  decoded = decode (f, pdf, translated ? "receipt-vi.png" : "receipt-C.png");
  g_assert_cmpstr (decoded, ==, code);

  text = pdf_text (pdf);
  assert_contains (text, _("DOSSIER RECEIPT"));
  assert_contains (text, PARENT);
  assert_contains (text, AGENCY);
  assert_contains (text, f->reference);
  assert_contains (text, GI_NAME);
  assert_contains (text, APPLICANT);
  assert_contains (text, OFFICER);
  assert_contains (text, ipd_vocabulary_label (IPD_VOCAB_KIND, IPD_KIND_GI));
  assert_contains (text, formatted);
  /* recorded today: the day it was received */
  received = g_date_time_format (now, "%d/%m/%Y");
  assert_contains (text, received);
  g_assert_null (strstr (text, "Ghi chú nội bộ"));

  /* every open deadline but the opportunities, with its date */
  tasks = ipd_store_list_tasks (f->store, f->id, NULL);
  g_assert_nonnull (tasks);
  for (guint i = 0; i < tasks->len; i++)
    {
      IpdTask *task = g_ptr_array_index (tasks, i);
      g_autofree char *due = ipd_date_format (task->due_date);
      g_autofree char *line = g_strdup_printf ("%s %s", due, g_dgettext (GETTEXT_PACKAGE, task->title));

      if (task->state != IPD_TASK_OPEN)
        continue;
      if (g_strcmp0 (task->role, "opportunity") == 0)
        g_assert_null (strstr (text, g_dgettext (GETTEXT_PACKAGE, task->title)));
      else
        {
          assert_contains (text, line);
          steps++;
        }
    }
  g_assert_cmpuint (steps, >, 0);

  scroll_to (f, "lookup-code");
  ipd_test_save_screenshot (GTK_WIDGET (f->window), translated ? "receipt-page-vi.png" : "receipt-page-C.png");

  /* printed again: the same code, none issued */
  g_free (decoded);
  g_free (pdf);
  pdf = save_receipt (f, "receipt-again.pdf");
  decoded = decode (f, pdf, NULL);
  g_assert_cmpstr (decoded, ==, code);
  {
    g_autofree char *still = current_code (f);
    g_assert_cmpstr (still, ==, code);
  }
}

static AdwMessageDialog *
wait_for_question (void)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GtkWindow *dialog;

  while ((dialog = ipd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (dialog);
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Issue New Lookup Code… from the dossier menu: asked first; the old
 * code then finds nothing, a new receipt carries the new one. */
static void
test_reissue (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = save_receipt (f, "first.pdf");
  g_autofree char *old_code = current_code (f);
  g_autofree char *old_formatted = ipd_lookup_code_format (old_code);
  g_autofree char *new_code = NULL, *new_formatted = NULL, *decoded = NULL, *text = NULL, *lower = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (found_by (f, old_code));
  g_assert_true (found_by (f, old_formatted));

  /* asked, and cancelled: nothing changes */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-lookup-code", NULL));
  dialog = wait_for_question ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), old_formatted));
  adw_message_dialog_response (dialog, "cancel");
  ipd_test_iterate (20);
  {
    g_autofree char *same = current_code (f);
    g_assert_cmpstr (same, ==, old_code);
  }

  /* asked, and confirmed */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-lookup-code", NULL));
  dialog = wait_for_question ();
  adw_message_dialog_response (dialog, "issue");
  ipd_test_iterate (20);
  new_code = current_code (f);
  g_assert_nonnull (new_code);
  g_assert_cmpstr (new_code, !=, old_code);
  new_formatted = ipd_lookup_code_format (new_code);
  g_assert_cmpstr (shown_code (f), ==, new_formatted);

  lower = g_ascii_strdown (old_formatted, -1);
  g_assert_false (found_by (f, old_code));
  g_assert_false (found_by (f, old_formatted));
  g_assert_false (found_by (f, lower));
  g_assert_true (found_by (f, new_code));
  g_assert_true (found_by (f, new_formatted));

  g_free (pdf);
  pdf = save_receipt (f, "second.pdf");
  decoded = decode (f, pdf, NULL);
  g_assert_cmpstr (decoded, ==, new_code);
  text = pdf_text (pdf);
  assert_contains (text, new_formatted);
  g_assert_null (strstr (text, old_formatted));
}

/* A destination that cannot be written: a clear error, no file, and an
 * existing file replaced only by a whole new one. */
static void
test_unwritable (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (f->directory, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (folder, "receipt.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *existing = g_build_filename (f->directory, "existing.pdf", NULL);
  g_autoptr(GFile) existing_file = g_file_new_for_path (existing);
  g_autoptr(GFile) directory = g_file_new_for_path (f->directory);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_false (ipd_dossier_view_save_receipt (f->view, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, folder));
  g_test_message ("%s", error->message);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_assert_false (tmp_has_receipts ());
  g_clear_error (&error);

  /* a folder where the file should be: refused, the folder kept */
  g_assert_false (ipd_dossier_view_save_receipt (f->view, directory, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_clear_error (&error);

  /* a file already there: replaced by the receipt */
  g_assert_true (g_file_set_contents (existing, "an older receipt", -1, NULL));
  g_assert_true (ipd_dossier_view_save_receipt (f->view, existing_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (existing, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
}

static gboolean
action_button_sensitive (Fixture *f, const char *name)
{
  ipd_test_iterate (10);
  return gtk_widget_get_sensitive (ipd_test_get_named (GTK_WIDGET (f->view), name));
}

/* In the trash, or on a read-only register: no receipt and no new code. */
static void
test_disabled (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) read_only = NULL;
  g_autofree char *path = g_build_filename (f->directory, "receipt.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *buttons[] = { "print-receipt", "save-receipt", "new-lookup-code" };

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    g_assert_true (action_button_sensitive (f, buttons[i]));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.trash", NULL));
  ipd_window_open_dossier (f->window, f->id);
  ipd_test_iterate (10);
  g_assert_true (ipd_dossier_view_is_in_trash (f->view));
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    g_assert_false (action_button_sensitive (f, buttons[i]));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print-receipt", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-lookup-code", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "dossier.print-receipt", NULL);
  ipd_test_iterate (10);
  g_assert_null (ipd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (ipd_test_find_toplevel (GTK_TYPE_DIALOG));
  g_assert_false (ipd_dossier_view_save_receipt (f->view, file, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *code = current_code (f);
    g_assert_null (code);
  }

  g_assert_true (ipd_store_restore_dossier (f->store, f->id, &error));
  g_assert_no_error (error);
  read_only = ipd_store_open (f->path, IPD_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  ipd_window_set_store (f->window, read_only);
  ipd_window_open_dossier (f->window, f->id);
  ipd_test_iterate (10);
  g_assert_cmpint (ipd_dossier_view_get_id (f->view), ==, f->id);
  g_assert_false (ipd_dossier_view_is_in_trash (f->view));
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    g_assert_false (action_button_sensitive (f, buttons[i]));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print-receipt", NULL);
  ipd_test_iterate (10);
  g_assert_null (ipd_test_find_toplevel (GTK_TYPE_DIALOG));
  g_assert_false (ipd_dossier_view_save_receipt (f->view, file, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_READ_ONLY);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *code = current_code (f);
    g_assert_null (code);
  }
}

/* Ctrl+P prints the receipt: the window binds it, the shortcuts window
 * lists it; the action issues the code and opens the print dialog. */
static void
test_print_dialog (Fixture *f, gconstpointer data)
{
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
  g_autoptr(GBytes) overlay = NULL;
  gboolean bound = FALSE;
  GtkWindow *dialog = NULL;
  gint64 end;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !bound; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (GTK_IS_NAMED_ACTION (action)
              && g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "win.print-receipt")
              && g_str_equal (trigger, "<Control>p"))
            bound = TRUE;
        }
    }
  g_object_unref (controllers);
  g_assert_true (bound);
  overlay = g_resources_lookup_data ("/io/github/ipdossiers/IpDossiers/gtk/help-overlay.ui", 0, NULL);
  g_assert_nonnull (overlay);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (overlay, NULL), g_bytes_get_size (overlay), "&lt;Control&gt;p<"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.print-receipt", NULL));
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((dialog = ipd_test_find_toplevel (GTK_TYPE_DIALOG)) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (dialog), ==, "GtkPrintUnixDialog");
  {
    g_autofree char *code = current_code (f);
    g_autofree char *formatted = ipd_lookup_code_format (code);

    g_assert_nonnull (code);
    g_assert_cmpstr (shown_code (f), ==, formatted);
  }
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  ipd_test_iterate (50);
  g_assert_null (ipd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* A receipt written straight to a PDF page of @width × @height points;
 * returns where the drawing ends. */
static double
draw_pdf (const IpdReceipt *receipt, const char *path, double width, double height)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);
  double bottom = ipd_receipt_draw (receipt, cr, width, height);

  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return bottom;
}

/* Long names and many steps, on A4 and A5: the page holds all of it,
 * smaller when it must, and the QR code still reads. */
static void
test_long (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdReceipt) receipt = g_new0 (IpdReceipt, 1);
  const struct { const char *name; double width, height; } papers[] = {
    { "long-a4.pdf", 595.276, 841.89 },
    { "long-a5.pdf", 419.528, 595.276 },
  };

  receipt->agency_parent = g_strdup ("ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN");
  receipt->agency_name = g_strdup ("SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH ĐIỆN BIÊN VÀ TRUNG TÂM ỨNG DỤNG TIẾN BỘ KHOA HỌC");
  receipt->printed_on = g_strdup ("2026-02-03");
  receipt->reference = g_strdup ("IPD-2026-0042");
  receipt->name = g_strdup ("Gạo Séng Cù Mường Khương, Bát Xát, Bảo Thắng và các xã vùng cao của tỉnh "
                            "Lào Cai cùng các huyện giáp ranh thuộc tỉnh Lai Châu và tỉnh Hà Giang");
  receipt->kind = g_strdup (ipd_vocabulary_label (IPD_VOCAB_KIND, IPD_KIND_CERTIFICATION));
  receipt->applicant = g_strdup ("Hiệp hội Sản xuất và Kinh doanh Gạo Séng Cù Mường Khương, Bát Xát "
                                 "và Bảo Thắng tỉnh Lào Cai");
  receipt->app_number = g_strdup ("4-2026-01234");
  receipt->received = g_strdup ("03/02/2026");
  receipt->officer = g_strdup ("Nguyễn Thị Phương Thảo");
  receipt->steps = g_ptr_array_new ();
  for (guint i = 0; i < 6; i++)
    {
      IpdReceiptStep *step = g_new0 (IpdReceiptStep, 1);

      step->due_date = g_strdup_printf ("%02u/0%u/2027", 10 + i, 1 + i);
      step->title = g_strdup ("Hạn trả lời thông báo kết quả thẩm định nội dung đơn đăng ký nhãn hiệu "
                              "chứng nhận và nộp phí cấp văn bằng bảo hộ");
      g_ptr_array_add (receipt->steps, step);
    }
  receipt->more_steps = 3;
  receipt->code = ipd_lookup_code_generate ();

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autofree char *pdf = g_build_filename (f->directory, papers[i].name, NULL);
      g_autofree char *keep = g_strdup_printf ("receipt-%s-%s.png", i == 0 ? "long" : "a5", translated ? "vi" : "C");
      double bottom = draw_pdf (receipt, pdf, papers[i].width, papers[i].height);
      g_autofree char *decoded = NULL, *text = NULL, *formatted = ipd_lookup_code_format (receipt->code);

      g_assert_cmpfloat (bottom, >, papers[i].height / 2);
      g_assert_cmpfloat (bottom, <=, papers[i].height - 10 * 72 / 25.4);
      decoded = decode (f, pdf, keep);
      g_assert_cmpstr (decoded, ==, receipt->code);
      text = pdf_text (pdf);
      assert_contains (text, formatted);
      assert_contains (text, "Nguyễn Thị Phương Thảo");
      assert_contains (text, "15/06/2027");
    }
}

int
main (int argc, char **argv)
{
  translated = ipd_test_init_gui (&argc, &argv);

  g_test_add ("/receipt/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/receipt/reissue", Fixture, NULL, fixture_set_up, test_reissue, fixture_tear_down);
  g_test_add ("/receipt/unwritable", Fixture, NULL, fixture_set_up, test_unwritable, fixture_tear_down);
  g_test_add ("/receipt/disabled", Fixture, NULL, fixture_set_up, test_disabled, fixture_tear_down);
  g_test_add ("/receipt/long", Fixture, NULL, fixture_set_up, test_long, fixture_tear_down);
  g_test_add ("/receipt/print-dialog", Fixture, NULL, fixture_set_up, test_print_dialog, fixture_tear_down);
  return g_test_run ();
}
