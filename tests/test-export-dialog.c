/* test-export-dialog.c — the export dialog on a real register, under Xvfb
 *
 * Opens the dialog through the window's action, sets its widgets as an
 * officer would and exports through ipd_export_dialog_export_to() (the
 * native file chooser cannot be driven), then checks the file written (or
 * that none was: stopped, closed, failed) and the window's toast. A hook
 * holds the exporting thread at its first progress report, so that the
 * export is stopped or closed while it runs. Saves export-dialog-C.png,
 * -dates.png, -progress.png and -error.png in the build directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ipd-date.h"
#include "ipd-demo.h"
#include "ipd-export-dialog.h"
#include "ipd-test-gui.h"
#include "ipd-test-util.h"
#include "ipd-window-private.h"

#define WAIT_SECONDS 20

typedef struct {
  char            *directory;
  char            *out;         /* where the workbooks go: empty at first */
  IpdStore        *store;
  IpdWindow       *window;
  IpdExportDialog *dialog;      /* weak */
} Fixture;

/* Holds the exporting thread at its first progress report until released. */
typedef struct {
  GMutex   lock;
  GCond    cond;
  gboolean reached;
  gboolean released;
} Gate;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->directory = ipd_test_make_dir ("ipd-export-dialog-XXXXXX");
  f->out = g_build_filename (f->directory, "out", NULL);
  g_assert_cmpint (g_mkdir (f->out, 0700), ==, 0);
  path = g_build_filename (f->directory, "register.sqlite", NULL);
  f->store = ipd_store_open (path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipd_demo_load (f->store, &error), ==, 11);
  g_assert_no_error (error);
  f->window = ipd_window_new (NULL, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 760);
  ipd_test_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  gtk_window_destroy (GTK_WINDOW (f->window));
  ipd_test_iterate (20);
  g_clear_object (&f->store);
  ipd_test_remove_dir (f->directory);
  g_free (f->directory);
  g_free (f->out);
}

/* Waiting ---------------------------------------------------------------------- */

typedef gboolean (*Condition) (gpointer data);

static void
wait_for (Condition condition, gpointer data, const char *what)
{
  gint64 end = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("still waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
dialog_gone (gpointer data)
{
  return ((Fixture *) data)->dialog == NULL;
}

static gboolean
export_over (gpointer data)
{
  Fixture *f = data;
  return f->dialog == NULL || !ipd_export_dialog_is_exporting (f->dialog);
}

static gboolean
gate_reached (gpointer data)
{
  Gate *gate = data;
  gboolean reached;

  g_mutex_lock (&gate->lock);
  reached = gate->reached;
  g_mutex_unlock (&gate->lock);
  return reached;
}

static void
gate_hook (double fraction, gpointer data)
{
  Gate *gate = data;

  g_mutex_lock (&gate->lock);
  if (!gate->reached)
    {
      gate->reached = TRUE;
      g_cond_broadcast (&gate->cond);
      while (!gate->released)
        g_cond_wait (&gate->cond, &gate->lock);
    }
  g_mutex_unlock (&gate->lock);
}

static void
gate_release (Gate *gate)
{
  g_mutex_lock (&gate->lock);
  gate->released = TRUE;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->lock);
}

/* The dialog ------------------------------------------------------------------- */

static GtkWidget *
part (Fixture *f, const char *name)
{
  return ipd_test_get_named (GTK_WIDGET (f->dialog), name);
}

static gboolean
names_listed (gpointer data)
{
  Fixture *f = data;
  return g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (part (f, "export-officer")))) > 1;
}

/* Opens the dialog as the menu and Ctrl+Shift+E do, and waits for the
 * officers and provinces of the register. */
static void
open_dialog (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL));
  ipd_test_iterate (20);
  f->dialog = IPD_EXPORT_DIALOG (ipd_test_find_toplevel (IPD_TYPE_EXPORT_DIALOG));
  g_assert_nonnull (f->dialog);
  g_object_add_weak_pointer (G_OBJECT (f->dialog), (gpointer *) &f->dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (f->dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (f->dialog)) == GTK_WINDOW (f->window));
  wait_for (names_listed, f, "the officers");
  ipd_test_wait_ms (100);
}

static void
choose (Fixture *f, const char *name, guint position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (part (f, name)), position);
  ipd_test_iterate (5);
}

static const char *
chosen_label (Fixture *f, const char *name)
{
  AdwComboRow *row = ADW_COMBO_ROW (part (f, name));
  GListModel *model = adw_combo_row_get_model (row);
  return gtk_string_list_get_string (GTK_STRING_LIST (model), adw_combo_row_get_selected (row));
}

static void
set_dates (Fixture *f, const char *from, const char *to)
{
  choose (f, "export-period", 2);
  gtk_editable_set_text (GTK_EDITABLE (part (f, "export-from")), from);
  gtk_editable_set_text (GTK_EDITABLE (part (f, "export-to")), to);
  ipd_test_iterate (5);
}

static gboolean
export_enabled (Fixture *f)
{
  return gtk_widget_get_sensitive (part (f, "export-start"));
}

static gboolean
shows (GtkWidget *widget)
{
  return gtk_widget_get_visible (widget) && gtk_widget_get_child_visible (widget);
}

static char *
texts_of (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  ipd_test_collect_labels (widget, text);
  return g_string_free (text, FALSE);
}

/* The button labelled @label under @within, or NULL. */
static GtkWidget *
find_button (GtkWidget *within, const char *label)
{
  if (GTK_IS_BUTTON (within) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (within)), label) == 0)
    return within;
  for (GtkWidget *child = gtk_widget_get_first_child (within); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found)
        return found;
    }
  return NULL;
}

static guint
count_files (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Starts an export to @name in the output folder, held at its first progress report. */
static void
start_held_export (Fixture *f, Gate *gate, const char *name)
{
  g_autofree char *path = g_build_filename (f->out, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *bar;

  set_dates (f, "01/01/2015", "31/12/2025");
  ipd_export_dialog_set_progress_hook (f->dialog, gate_hook, gate);
  ipd_export_dialog_export_to (f->dialog, file);
  g_assert_true (ipd_export_dialog_is_exporting (f->dialog));
  wait_for (gate_reached, gate, "the first progress report");
  ipd_test_iterate (5);
  bar = part (f, "export-progress");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (bar, GTK_TYPE_REVEALER))));
  g_assert_false (export_enabled (f));
  g_assert_false (gtk_widget_is_sensitive (part (f, "export-report")));
}

/* Tests ------------------------------------------------------------------------- */

static void
test_defaults (Fixture *f, gconstpointer data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  int quarter = (g_date_time_get_month (now) - 1) / 3;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) officers = ipd_store_count_facet (f->store, IPD_FACET_OFFICER, &error);
  g_autoptr(GPtrArray) provinces = ipd_store_count_facet (f->store, IPD_FACET_PROVINCE, &error);
  g_autofree char *expected_name = NULL, *name = NULL;
  IpdFacetCount *province;
  IpdReportPeriod period;

  g_assert_no_error (error);
  g_assert_cmpuint (provinces->len, >, 0);
  province = g_ptr_array_index (provinces, 0);
  /* the window's filters are where the dialog starts */
  ipd_filter_sidebar_select (f->window->sidebar, IPD_FACET_KIND, "gi");
  ipd_filter_sidebar_select (f->window->sidebar, IPD_FACET_PROVINCE, province->value);
  open_dialog (f);

  if (quarter == 0)
    year--, quarter = 4;
  g_assert_true (ipd_export_dialog_get_period (f->dialog, &period, &error));
  g_assert_no_error (error);
  g_assert_cmpint (period.type, ==, IPD_PERIOD_QUARTER);
  g_assert_cmpint (period.year, ==, year);
  g_assert_cmpint (period.quarter, ==, quarter);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (part (f, "export-year"))), ==, year);
  g_assert_true (shows (part (f, "export-quarter")));
  g_assert_false (shows (part (f, "export-from")));
  g_assert_true (export_enabled (f));

  expected_name = g_strdup_printf ("so-theo-doi-don-%d-Q%d.xlsx", year, quarter);
  name = ipd_export_dialog_suggest_name (f->dialog);
  g_assert_cmpstr (name, ==, expected_name);
  g_free (name);
  choose (f, "export-report", IPD_EXPORT_REPORT_STATISTICS);
  choose (f, "export-period", 1);
  name = ipd_export_dialog_suggest_name (f->dialog);
  g_free (expected_name);
  expected_name = g_strdup_printf ("thong-ke-%d.xlsx", year);
  g_assert_cmpstr (name, ==, expected_name);
  g_assert_false (shows (part (f, "export-quarter")));
  g_assert_true (shows (part (f, "export-year")));

  /* every officer of the register, after “All officers” */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (part (f, "export-officer")))),
                    ==, officers->len + 1);
  g_assert_cmpstr (chosen_label (f, "export-officer"), ==, "All officers");
  g_assert_cmpstr (chosen_label (f, "export-kind"), ==, "Geographical indication");
  g_assert_cmpstr (chosen_label (f, "export-province"), ==, province->value);
  g_assert_cmpstr (chosen_label (f, "export-status"), ==, "All statuses");
}

static void
test_bad_dates (Fixture *f, gconstpointer data)
{
  GtkWidget *error_label;
  g_autofree char *name = NULL;

  open_dialog (f);
  error_label = part (f, "export-period-error");
  set_dates (f, "01/07/2026", "15/08/2026");
  g_assert_true (shows (part (f, "export-from")));
  g_assert_false (shows (part (f, "export-quarter")));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (export_enabled (f));
  name = ipd_export_dialog_suggest_name (f->dialog);
  g_assert_cmpstr (name, ==, "so-theo-doi-don-2026-07-01-2026-08-15.xlsx");

  set_dates (f, "31/02/2026", "15/08/2026");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "31/02/2026"));
  g_assert_true (gtk_widget_has_css_class (part (f, "export-from"), "error"));
  g_assert_false (export_enabled (f));
  g_assert_false (ipd_export_dialog_is_ready (f->dialog));

  set_dates (f, "15/08/2026", "01/07/2026");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "before it begins"));
  g_assert_false (export_enabled (f));
  ipd_test_wait_ms (200);
  ipd_test_save_screenshot (GTK_WIDGET (f->dialog), "export-dialog-dates.png");

  /* a date being typed is incomplete, not wrong */
  set_dates (f, "", "01/07/2026");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (export_enabled (f));

  set_dates (f, "01/07/2026", "30/09/2026");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (gtk_widget_has_css_class (part (f, "export-from"), "error"));
  g_assert_true (export_enabled (f));
}

static void
test_exports (Fixture *f, gconstpointer data)
{
  g_autofree char *chosen = g_build_filename (f->out, "so theo doi", NULL);   /* no .xlsx */
  g_autofree char *written = g_build_filename (f->out, "so theo doi.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (chosen);
  g_autofree char *contents = NULL;
  g_autofree char *toast_text = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  open_dialog (f);
  choose (f, "export-report", IPD_EXPORT_REPORT_APPLICATIONS);
  set_dates (f, "01/01/2015", "31/12/2025");
  ipd_export_dialog_export_to (f->dialog, file);
  g_assert_true (ipd_export_dialog_is_exporting (f->dialog));
  wait_for (dialog_gone, f, "the dialog to close");

  g_assert_true (g_file_get_contents (written, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 2, "PK", 2);
  g_assert_cmpuint (count_files (f->out), ==, 1);   /* no temporary file left */

  ipd_test_iterate (20);
  toast_text = texts_of (GTK_WIDGET (f->window->toasts));
  g_assert_nonnull (strstr (toast_text, "Exported “so theo doi.xlsx”"));
  g_assert_nonnull (find_button (GTK_WIDGET (f->window->toasts), "_Open"));
}

static void
test_statistics (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "thong-ke.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  open_dialog (f);
  choose (f, "export-report", IPD_EXPORT_REPORT_STATISTICS);
  choose (f, "export-period", 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (part (f, "export-year")), 2023);
  choose (f, "export-kind", 1);
  ipd_export_dialog_export_to (f->dialog, file);
  wait_for (dialog_gone, f, "the dialog to close");
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (contents, 2, "PK", 2);
}

static void
test_stop (Fixture *f, gconstpointer data)
{
  Gate gate = { 0 };

  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  open_dialog (f);
  start_held_export (f, &gate, "stopped.xlsx");
  ipd_test_wait_ms (300);
  ipd_test_save_screenshot (GTK_WIDGET (f->dialog), "export-dialog-progress.png");
  g_signal_emit_by_name (part (f, "export-stop"), "clicked");
  gate_release (&gate);
  wait_for (export_over, f, "the export to stop");
  ipd_test_iterate (10);

  /* nothing written, the dialog still open with its choices, and no error */
  g_assert_cmpuint (count_files (f->out), ==, 0);
  g_assert_nonnull (f->dialog);
  g_assert_false (gtk_widget_get_visible (part (f, "export-error")));
  g_assert_true (gtk_widget_is_sensitive (part (f, "export-report")));
  g_assert_true (export_enabled (f));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (f, "export-from"))), ==, "01/01/2015");
  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
}

static void
test_close_cancels (Fixture *f, gconstpointer data)
{
  Gate gate = { 0 };

  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  open_dialog (f);
  start_held_export (f, &gate, "closed.xlsx");
  gtk_window_close (GTK_WINDOW (f->dialog));
  gate_release (&gate);
  wait_for (dialog_gone, f, "the dialog to go");
  ipd_test_iterate (10);
  g_assert_cmpuint (count_files (f->out), ==, 0);
  /* no toast: nothing was exported */
  {
    g_autofree char *toast_text = texts_of (GTK_WIDGET (f->window->toasts));
    g_assert_null (strstr (toast_text, "Exported"));
  }
  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
}

static void
test_error (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->out, "no-such-folder", "report.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *error_label;

  open_dialog (f);
  choose (f, "export-report", IPD_EXPORT_REPORT_TITLES);
  set_dates (f, "01/01/2015", "31/12/2025");
  ipd_export_dialog_export_to (f->dialog, file);
  wait_for (export_over, f, "the export to fail");
  ipd_test_iterate (10);

  g_assert_nonnull (f->dialog);
  error_label = part (f, "export-error");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (error_label)), "The report was not exported: "));
  g_assert_cmpuint (count_files (f->out), ==, 0);
  /* the choices stay, ready to try again */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (part (f, "export-report"))), ==, IPD_EXPORT_REPORT_TITLES);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (f, "export-to"))), ==, "31/12/2025");
  g_assert_true (export_enabled (f));
  ipd_test_wait_ms (200);
  ipd_test_save_screenshot (GTK_WIDGET (f->dialog), "export-dialog-error.png");
}

/* The chooser asked about replacing the name chosen, not the one with .xlsx added. */
static void
test_keeps_existing (Fixture *f, gconstpointer data)
{
  g_autofree char *chosen = g_build_filename (f->out, "report", NULL);
  g_autofree char *existing = g_build_filename (f->out, "report.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (chosen);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *error_label;

  g_assert_true (g_file_set_contents (existing, "kept", -1, &error));
  g_assert_no_error (error);
  open_dialog (f);
  ipd_export_dialog_export_to (f->dialog, file);
  g_assert_false (ipd_export_dialog_is_exporting (f->dialog));
  error_label = part (f, "export-error");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "“report.xlsx” already exists"));
  g_assert_true (g_file_get_contents (existing, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "kept");
  g_assert_cmpuint (count_files (f->out), ==, 1);
}

static void
test_screenshot (Fixture *f, gconstpointer data)
{
  open_dialog (f);
  ipd_test_wait_ms (300);
  ipd_test_save_screenshot (GTK_WIDGET (f->dialog), "export-dialog-C.png");
}

/* LANGUAGE=vi: the dialog and its toast in Vietnamese (the workbook's
 * Vietnamese texts are checked by check-export.py). */
static void
test_vietnamese (Fixture *f, gconstpointer data)
{
  g_autofree char *written = g_build_filename (f->out, "so-theo-doi.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (written);
  g_autofree char *dialog_text = NULL;
  g_autofree char *toast_text = NULL;

  open_dialog (f);
  ipd_test_wait_ms (300);
  ipd_test_save_screenshot (GTK_WIDGET (f->dialog), "export-dialog-vi.png");
  dialog_text = texts_of (GTK_WIDGET (f->dialog));
  g_assert_nonnull (strstr (dialog_text, "Sổ theo dõi đơn"));
  g_assert_nonnull (strstr (dialog_text, "Báo cáo theo"));
  g_assert_null (strstr (dialog_text, "Register of applications"));

  ipd_export_dialog_export_to (f->dialog, file);
  wait_for (dialog_gone, f, "the dialog to close");
  g_assert_true (g_file_test (written, G_FILE_TEST_IS_REGULAR));
  ipd_test_iterate (20);
  toast_text = texts_of (GTK_WIDGET (f->window->toasts));
  g_assert_nonnull (strstr (toast_text, "Đã xuất “so-theo-doi.xlsx”"));
}

int
main (int argc, char **argv)
{
  if (ipd_test_init_gui (&argc, &argv))
    {
      g_test_add ("/export-dialog/vietnamese", Fixture, NULL, fixture_set_up, test_vietnamese, fixture_tear_down);
      return g_test_run ();
    }
  g_test_add ("/export-dialog/defaults", Fixture, NULL, fixture_set_up, test_defaults, fixture_tear_down);
  g_test_add ("/export-dialog/bad-dates", Fixture, NULL, fixture_set_up, test_bad_dates, fixture_tear_down);
  g_test_add ("/export-dialog/exports", Fixture, NULL, fixture_set_up, test_exports, fixture_tear_down);
  g_test_add ("/export-dialog/statistics", Fixture, NULL, fixture_set_up, test_statistics, fixture_tear_down);
  g_test_add ("/export-dialog/stop", Fixture, NULL, fixture_set_up, test_stop, fixture_tear_down);
  g_test_add ("/export-dialog/close-cancels", Fixture, NULL, fixture_set_up, test_close_cancels, fixture_tear_down);
  g_test_add ("/export-dialog/error", Fixture, NULL, fixture_set_up, test_error, fixture_tear_down);
  g_test_add ("/export-dialog/keeps-existing", Fixture, NULL, fixture_set_up, test_keeps_existing, fixture_tear_down);
  g_test_add ("/export-dialog/screenshot", Fixture, NULL, fixture_set_up, test_screenshot, fixture_tear_down);
  return g_test_run ();
}
