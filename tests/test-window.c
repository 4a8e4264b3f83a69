/* test-window.c — the main window on a real register, under Xvfb
 *
 * Drives the window through its widgets and actions as an officer would
 * and checks what it lists against the store. Also saves screenshots
 * (window-C.png, window-vi.png in the build directory) to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "ipd-demo.h"
#include "ipd-dossier-row.h"
#include "ipd-error.h"
#include "ipd-event-dialog.h"
#include "ipd-test-util.h"
#include "ipd-window-private.h"

typedef struct {
  char      *directory;
  IpdStore  *store;
  IpdWindow *window;
} Fixture;

static void
iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
time_is_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds: layout and frames happen. */
static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, time_is_up, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
present (IpdWindow *window)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_window_present (GTK_WINDOW (window));
  while ((!gtk_widget_get_mapped (GTK_WIDGET (window)) || gtk_widget_get_width (GTK_WIDGET (window)) == 0)
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  wait_ms (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
}

static void
fixture_set_up (Fixture *f, gconstpointer with_demo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->directory = ipd_test_make_dir ("ipd-window-XXXXXX");
  path = g_build_filename (f->directory, "register.sqlite", NULL);
  f->store = ipd_store_open (path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  if (with_demo)
    {
      g_assert_cmpint (ipd_demo_load (f->store, &error), ==, 11);
      g_assert_no_error (error);
    }
  f->window = ipd_window_new (NULL, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 760);
  present (f->window);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate (20);
  g_clear_object (&f->store);
  ipd_test_remove_dir (f->directory);
  g_free (f->directory);
}

static const char *
visible_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (f->window->list_stack);
}

static IpdDossierSummary *
listed (Fixture *f, guint position)
{
  g_autoptr(IpdDossierRow) row = g_list_model_get_item (G_LIST_MODEL (f->window->list), position);
  g_assert_nonnull (row);
  return ipd_dossier_row_get_summary (row);   /* the list keeps the row alive */
}

static void
test_lists_register (Fixture *f, gconstpointer data)
{
  IpdQuery everything = { NULL };

  g_assert_cmpuint (ipd_window_get_n_listed (f->window), ==,
                    ipd_store_count_dossiers (f->store, &everything, NULL));
  g_assert_cmpstr (visible_page (f), ==, "list");
  g_assert_cmpstr (gtk_label_get_label (f->window->count_label), ==, "11 dossiers");
  /* the register's own order is Vietnamese alphabetical order */
  g_assert_cmpstr (listed (f, 0)->name, ==, "Chanh leo Lai Châu");
  g_assert_cmpstr (listed (f, 1)->name, ==, "Chè Lai Châu");
}

static void
test_search_as_you_type (Fixture *f, gconstpointer data)
{
  ipd_window_search (f->window, "lai chau");
  g_assert_cmpuint (ipd_window_get_n_listed (f->window), >=, 3);
  for (guint i = 0; i < ipd_window_get_n_listed (f->window); i++)
    g_assert_nonnull (listed (f, i)->reference);
  g_assert_cmpstr (gtk_label_get_label (f->window->count_label), !=, "11 dossiers");

  ipd_window_search (f->window, "nep tan po");   /* typing "Nếp Tan Pỏm" without accents */
  g_assert_cmpuint (ipd_window_get_n_listed (f->window), ==, 1);
  g_assert_cmpstr (listed (f, 0)->name, ==, "Nếp Tan Pỏm");

  ipd_window_search (f->window, "khong co ho so nay");
  g_assert_cmpuint (ipd_window_get_n_listed (f->window), ==, 0);
  g_assert_cmpstr (visible_page (f), ==, "no-results");
  g_assert_cmpstr (gtk_label_get_label (f->window->count_label), ==, "0 of 11 dossiers");

  /* Escape clears the search */
  g_signal_emit_by_name (f->window->search_entry, "stop-search");
  iterate (50);
  g_assert_cmpuint (ipd_window_get_n_listed (f->window), ==, 11);
}

static void
test_filters_combine (Fixture *f, gconstpointer data)
{
  ipd_filter_sidebar_select (f->window->sidebar, IPD_FACET_KIND, "gi");
  g_assert_cmpuint (ipd_window_get_n_listed (f->window), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (listed (f, i)->kind, ==, "gi");

  ipd_filter_sidebar_select (f->window->sidebar, IPD_FACET_STATUS, "granted");
  g_assert_cmpuint (ipd_window_get_n_listed (f->window), ==, 2);

  ipd_window_search (f->window, "tan cuong");
  g_assert_cmpuint (ipd_window_get_n_listed (f->window), ==, 1);
  g_assert_cmpstr (listed (f, 0)->name, ==, "Tân Cương");

  ipd_window_search (f->window, "");
  ipd_filter_sidebar_clear (f->window->sidebar);
  g_assert_cmpuint (ipd_window_get_n_listed (f->window), ==, 11);
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view, const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      if (g_str_equal (gtk_column_view_column_get_title (column), title))
        return column;
    }
  g_assert_not_reached ();
}

static void
test_sort_by_header (Fixture *f, gconstpointer data)
{
  GtkColumnView *view = ipd_dossier_table_get_view (f->window->table);
  const char *previous = NULL;

  gtk_column_view_sort_by_column (view, column_titled (view, "Filing date"), GTK_SORT_DESCENDING);
  iterate (20);
  g_assert_cmpstr (listed (f, 0)->filing_date, ==, "2025-08-15");
  for (guint i = 0; i < ipd_window_get_n_listed (f->window); i++)
    {
      const char *date = listed (f, i)->filing_date;
      if (previous && date)
        g_assert_cmpstr (previous, >=, date);
      previous = date ? date : previous;
    }

  gtk_column_view_sort_by_column (view, column_titled (view, "Name"), GTK_SORT_DESCENDING);
  iterate (20);
  g_assert_cmpstr (listed (f, 0)->name, ==, "Thịt lợn Trà xanh Thái Nguyên");
}

static void
test_selection_survives_refresh (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) lai_chau = ipd_store_find_dossier (f->store, "IPD-2026-0001", NULL);
  gint64 id = listed (f, 4)->id;

  g_assert_true (ipd_dossier_table_select_id (f->window->table, id));
  iterate (20);
  /* Selecting opens the dossier beside the list. */
  g_assert_cmpint (ipd_dossier_view_get_id (f->window->dossier_view), ==, id);

  ipd_window_search (f->window, listed (f, 4)->name);
  g_assert_cmpint (ipd_dossier_table_get_selected_id (f->window->table), ==, id);
  g_assert_nonnull (lai_chau);
}

static void
test_empty_register_offers_samples (Fixture *f, gconstpointer data)
{
  g_assert_cmpstr (visible_page (f), ==, "empty-register");
  g_assert_cmpstr (gtk_label_get_label (f->window->count_label), ==, "0 dossiers");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-demo", NULL));
  g_assert_cmpuint (ipd_window_get_n_listed (f->window), ==, 11);
  g_assert_cmpstr (visible_page (f), ==, "list");
}

static void
test_open_error_is_shown (void)
{
  g_autoptr(GError) error = g_error_new_literal (IPD_ERROR, IPD_ERROR_NEWER_VERSION, "written by a newer version");
  IpdWindow *window = ipd_window_new (NULL, NULL, error);

  present (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "error");
  g_assert_cmpstr (adw_status_page_get_description (window->error_page), ==, "written by a newer version");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
activate (Fixture *f, const char *action)
{
  gboolean done = gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL);
  iterate (20);
  return done;
}

static gint64
count_all (Fixture *f)
{
  IpdQuery everything = { NULL };
  return ipd_store_count_dossiers (f->store, &everything, NULL);
}

static void
test_create_each_kind (Fixture *f, gconstpointer data)
{
  static const struct { const char *kind, *name, *field, *value; } cases[] = {
    { "trademark",     "Cà phê Cầu Đất",       "classes",  "30: Cà phê\n43: Dịch vụ quán cà phê" },
    { "collective",    "Mật ong Mèo Vạc",      "regulation_ref", "Quy chế sử dụng NHTT Mật ong Mèo Vạc" },
    { "certification", "Bưởi Đoan Hùng",       "classes",  "31: Quả bưởi tươi" },
    { "gi",            "Phú Quốc",             "products", "Nước mắm" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IpdDossier) saved = NULL;
      gint64 before = count_all (f);
      gint64 id;

      g_assert_true (activate (f, "win.new-dossier"));
      g_assert_true (ipd_window_is_editing (f->window));
      g_assert_true (ipd_dossier_editor_set_field (f->window->editor, "kind", cases[i].kind));
      g_assert_true (ipd_dossier_editor_set_field (f->window->editor, "name", cases[i].name));
      g_assert_true (ipd_dossier_editor_set_field (f->window->editor, cases[i].field, cases[i].value));
      g_assert_true (ipd_dossier_editor_set_field (f->window->editor, "applicant", "HTX Nông nghiệp Huấn Loan"));
      g_assert_true (ipd_dossier_editor_set_field (f->window->editor, "filing_date", "12/03/2024"));
      g_assert_true (activate (f, "win.save"));
      g_assert_false (ipd_window_is_editing (f->window));

      g_assert_cmpint (count_all (f), ==, before + 1);
      id = ipd_dossier_view_get_id (f->window->dossier_view);
      saved = ipd_store_load_dossier (f->store, id, NULL);
      g_assert_cmpstr (saved->kind, ==, cases[i].kind);
      g_assert_cmpstr (saved->name, ==, cases[i].name);
      g_assert_cmpstr (saved->filing_date, ==, "2024-03-12");
      g_assert_cmpstr (ipd_dossier_first_party_name (saved, g_str_equal (cases[i].kind, "gi") ? "managing_org" : "applicant"),
                       ==, "HTX Nông nghiệp Huấn Loan");
      if (g_str_equal (cases[i].kind, "trademark"))
        {
          g_assert_cmpuint (saved->classes->len, ==, 2);
          g_assert_cmpint (((IpdNiceClass *) g_ptr_array_index (saved->classes, 1))->number, ==, 43);
        }
      if (g_str_equal (cases[i].kind, "gi"))
        g_assert_cmpstr (g_ptr_array_index (saved->products, 0), ==, "Nước mắm");
    }
  /* One party, reused by every dossier: no duplicate by accident. */
  {
    g_autoptr(GPtrArray) parties = ipd_store_find_parties (f->store, "HTX Nông nghiệp Huấn Loan", NULL, NULL);
    g_assert_cmpuint (parties->len, ==, 1);
  }
}

static void
test_invalid_input_saves_nothing (Fixture *f, gconstpointer data)
{
  gint64 before = count_all (f);

  g_assert_true (activate (f, "win.new-dossier"));
  ipd_dossier_editor_set_field (f->window->editor, "name", "Gạo Điện Biên");
  ipd_dossier_editor_set_field (f->window->editor, "app_number", "4-25-1");
  ipd_dossier_editor_set_field (f->window->editor, "filing_date", "31/02/2026");
  ipd_dossier_editor_set_field (f->window->editor, "classes", "46: Gạo");
  ipd_dossier_editor_set_field (f->window->editor, "support_amount", "60,5 triệu");
  g_assert_true (activate (f, "win.save"));

  g_assert_true (ipd_window_is_editing (f->window));
  g_assert_nonnull (strstr (ipd_dossier_editor_get_problem (f->window->editor, "app_number"), "4-25-1"));
  g_assert_nonnull (strstr (ipd_dossier_editor_get_problem (f->window->editor, "filing_date"), "31/02/2026"));
  g_assert_nonnull (strstr (ipd_dossier_editor_get_problem (f->window->editor, "classes"), "46"));
  g_assert_nonnull (ipd_dossier_editor_get_problem (f->window->editor, "support_amount"));
  g_assert_cmpint (count_all (f), ==, before);

  /* corrected, it saves */
  ipd_dossier_editor_set_field (f->window->editor, "app_number", "4-2025-00042");
  ipd_dossier_editor_set_field (f->window->editor, "filing_date", "28/02/2025");
  ipd_dossier_editor_set_field (f->window->editor, "classes", "30: Gạo");
  ipd_dossier_editor_set_field (f->window->editor, "support_amount", "60.000.000");
  g_assert_true (activate (f, "win.save"));
  g_assert_false (ipd_window_is_editing (f->window));
  g_assert_cmpint (count_all (f), ==, before + 1);
}

static void
test_edit_trash_undo_restore (Fixture *f, gconstpointer data)
{
  gint64 id = listed (f, 0)->id;
  g_autoptr(IpdDossier) edited = NULL;
  IpdQuery trash = { .trash = TRUE };

  g_assert_true (ipd_dossier_table_select_id (f->window->table, id));
  iterate (20);
  g_assert_true (activate (f, "win.edit"));
  ipd_dossier_editor_set_field (f->window->editor, "officer", "Nguyễn Thị Hoa");
  g_assert_true (ipd_dossier_editor_is_dirty (f->window->editor));
  g_assert_true (activate (f, "win.save"));
  edited = ipd_store_load_dossier (f->store, id, NULL);
  g_assert_cmpstr (edited->officer, ==, "Nguyễn Thị Hoa");

  g_assert_true (activate (f, "win.trash"));
  g_assert_cmpint (ipd_store_count_dossiers (f->store, &trash, NULL), ==, 1);
  g_assert_false (ipd_dossier_list_find (f->window->list, id, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo-trash", "x", id));
  g_assert_cmpint (ipd_store_count_dossiers (f->store, &trash, NULL), ==, 0);
  g_assert_true (ipd_dossier_list_find (f->window->list, id, NULL));

  /* trash, then restore from the trash view */
  g_assert_true (ipd_dossier_table_select_id (f->window->table, id));
  iterate (20);
  g_assert_true (activate (f, "win.trash"));
  g_assert_true (activate (f, "win.show-trash"));
  g_assert_cmpuint (ipd_window_get_n_listed (f->window), ==, 1);
  g_assert_true (ipd_dossier_table_select_id (f->window->table, id));
  iterate (20);
  g_assert_true (activate (f, "win.restore"));
  g_assert_cmpint (ipd_store_count_dossiers (f->store, &trash, NULL), ==, 0);
}

static GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found)
        return found;
    }
  return NULL;
}

static IpdEventDialog *
open_event_dialog (Fixture *f)
{
  GtkWidget *add = find_named (GTK_WIDGET (f->window->dossier_view), "add-event");
  GListModel *toplevels = gtk_window_get_toplevels ();
  IpdEventDialog *dialog = NULL;

  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  iterate (20);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (IPD_IS_EVENT_DIALOG (window))
        dialog = IPD_EVENT_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_record_event (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) before = NULL, after = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  IpdEventDialog *dialog;
  gint64 id = 0;

  for (guint i = 0; i < ipd_window_get_n_listed (f->window); i++)
    if (g_str_equal (listed (f, i)->name, "Thịt lợn Trà xanh Thái Nguyên"))
      id = listed (f, i)->id;
  g_assert_true (ipd_dossier_table_select_id (f->window->table, id));
  iterate (20);
  before = ipd_store_load_dossier (f->store, id, NULL);
  g_assert_cmpstr (before->status, ==, "filed");

  /* a wrong date keeps the dialog open and records nothing */
  dialog = open_event_dialog (f);
  ipd_event_dialog_set_field (dialog, "type", "formality_accepted");
  ipd_event_dialog_set_field (dialog, "date", "31/02/2026");
  g_assert_false (ipd_event_dialog_save (dialog, &error));
  g_assert_nonnull (strstr (error->message, "31/02/2026"));
  events = ipd_store_list_events (f->store, id, NULL);
  g_assert_cmpuint (events->len, ==, 1);
  g_clear_pointer (&events, g_ptr_array_unref);

  ipd_event_dialog_set_field (dialog, "date", "15/10/2025");
  ipd_event_dialog_set_field (dialog, "reference", "53397/SHTT-NH.IP");
  g_assert_true (ipd_event_dialog_save (dialog, NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate (20);

  after = ipd_store_load_dossier (f->store, id, NULL);
  g_assert_cmpstr (after->status, ==, "accepted");
  events = ipd_store_list_events (f->store, id, NULL);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (((IpdEvent *) g_ptr_array_index (events, 1))->reference, ==, "53397/SHTT-NH.IP");
  /* the list shows the new status */
  g_assert_true (ipd_dossier_list_find (f->window->list, id, NULL));
}

/* A document is written out, byte for byte, for another program to open. */
static void
test_export_attachment (Fixture *f, gconstpointer data)
{
  static const char pdf[] = "%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (pdf, sizeof pdf - 1);
  g_autoptr(IpdAttachment) attachment = ipd_attachment_new (listed (f, 0)->id, "Quyết định 559.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL, *contents = NULL;
  gsize length = 0;

  g_assert_true (ipd_store_add_attachment (f->store, attachment, bytes, &error));
  path = ipd_dossier_view_export_attachment (f->store, attachment, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (path, "/Quyết định 559.pdf"));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, pdf, sizeof pdf - 1);
  g_unlink (path);
}

/* Column widths are kept when the window closes and restored in the next. */
static void
test_column_widths_kept (Fixture *f, gconstpointer data)
{
  GtkColumnView *view = ipd_dossier_table_get_view (f->window->table);
  IpdWindow *next;

  gtk_column_view_column_set_fixed_width (column_titled (view, "Name"), 333);
  gtk_window_close (GTK_WINDOW (f->window));   /* saves, as a close by the officer does */
  iterate (20);

  next = ipd_window_new (NULL, f->store, NULL);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_titled (ipd_dossier_table_get_view (next->table), "Name")),
                   ==, 333);
  f->window = next;
}

static GBytes *
small_png (void)
{
  static const guint8 pixels[4 * 4 * 4] = { 0xff, 0x00, 0x00, 0xff };
  g_autoptr(GBytes) data = g_bytes_new_static (pixels, sizeof pixels);
  g_autoptr(GdkTexture) texture = gdk_memory_texture_new (4, 4, GDK_MEMORY_R8G8B8A8, data, 16);

  return gdk_texture_save_to_png_bytes (texture);
}

static void
test_mark_sample (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) png = small_png ();
  g_autoptr(GBytes) not_an_image = g_bytes_new_static ("%PDF-1.4 not an image", 21);
  g_autoptr(IpdDossier) saved = NULL;
  gint64 id = listed (f, 0)->id;   /* a certification mark */

  g_assert_true (ipd_dossier_table_select_id (f->window->table, id));
  iterate (20);
  g_assert_true (activate (f, "win.edit"));
  ipd_dossier_editor_set_mark_image (f->window->editor, not_an_image);
  g_assert_true (activate (f, "win.save"));
  g_assert_true (ipd_window_is_editing (f->window));
  g_assert_nonnull (ipd_dossier_editor_get_problem (f->window->editor, "mark_image"));

  ipd_dossier_editor_set_mark_image (f->window->editor, png);
  g_assert_true (activate (f, "win.save"));
  g_assert_false (ipd_window_is_editing (f->window));
  saved = ipd_store_load_dossier (f->store, id, NULL);
  g_assert_nonnull (saved->mark_image_sha256);
  {
    g_autoptr(GBytes) stored = ipd_store_load_blob (f->store, saved->mark_image_sha256, NULL);
    g_assert_true (g_bytes_equal (stored, png));
  }
  g_assert_nonnull (find_named (GTK_WIDGET (f->window->dossier_view), "mark-sample"));
}

/* Closing with unsaved changes asks, and the window stays until answered. */
static void
test_close_asks_for_changes (Fixture *f, gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;

  g_assert_true (activate (f, "win.new-dossier"));
  ipd_dossier_editor_set_field (f->window->editor, "name", "Gạo Séng Cù");
  gtk_window_close (GTK_WINDOW (f->window));
  iterate (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window))
        dialog = ADW_MESSAGE_DIALOG (window);
    }
  g_assert_nonnull (dialog);

  /* closing again asks the same question, not a second one */
  {
    guint dialogs = 0;

    gtk_window_close (GTK_WINDOW (f->window));
    iterate (20);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
        dialogs += ADW_IS_MESSAGE_DIALOG (window);
      }
    g_assert_cmpuint (dialogs, ==, 1);
  }
  adw_message_dialog_response (dialog, "keep");
  iterate (20);
  g_assert_true (ipd_window_is_editing (f->window));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
save_screenshot (GtkWidget *window, const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* The sample register with the GI "Lai Châu" open beside the list. */
static void
test_screenshot (Fixture *f, gconstpointer data)
{
  g_autofree char *name = g_strdup_printf ("window-%s.png", g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "C");
  guint position;
  gint64 id = 0;

  for (position = 0; position < ipd_window_get_n_listed (f->window); position++)
    if (g_str_equal (listed (f, position)->name, "Lai Châu"))
      id = listed (f, position)->id;
  g_assert_cmpint (id, !=, 0);
  g_assert_true (ipd_dossier_table_select_id (f->window->table, id));
  wait_ms (300);
  g_assert_cmpint (ipd_dossier_view_get_id (f->window->dossier_view), ==, id);
  save_screenshot (GTK_WIDGET (f->window), name);
}

int
main (int argc, char **argv)
{
  /* LANGUAGE=vi gives the Vietnamese screenshot; the checks of English
   * labels run in the untranslated (C) run only. */
  gboolean translated = g_getenv ("LANGUAGE") != NULL && !g_str_equal (g_getenv ("LANGUAGE"), "C");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("IPD_LOCALEDIR") ? g_getenv ("IPD_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  if (!translated)
    {
      g_test_add ("/window/lists-register", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_lists_register, fixture_tear_down);
      g_test_add ("/window/search-as-you-type", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_search_as_you_type, fixture_tear_down);
      g_test_add ("/window/filters-combine", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_filters_combine, fixture_tear_down);
      g_test_add ("/window/sort-by-header", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_sort_by_header, fixture_tear_down);
      g_test_add ("/window/selection-survives-refresh", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_selection_survives_refresh, fixture_tear_down);
      g_test_add ("/window/empty-register-offers-samples", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_empty_register_offers_samples, fixture_tear_down);
      g_test_add_func ("/window/open-error-is-shown", test_open_error_is_shown);
      g_test_add ("/window/create-each-kind", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_create_each_kind, fixture_tear_down);
      g_test_add ("/window/invalid-input-saves-nothing", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_invalid_input_saves_nothing, fixture_tear_down);
      g_test_add ("/window/column-widths-kept", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_column_widths_kept, fixture_tear_down);
      g_test_add ("/window/close-asks-for-changes", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_close_asks_for_changes, fixture_tear_down);
      g_test_add ("/window/mark-sample", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_mark_sample, fixture_tear_down);
      g_test_add ("/window/export-attachment", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_export_attachment, fixture_tear_down);
      g_test_add ("/window/record-event", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_record_event, fixture_tear_down);
      g_test_add ("/window/edit-trash-undo-restore", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_edit_trash_undo_restore, fixture_tear_down);
    }
  g_test_add ("/window/screenshot", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_screenshot, fixture_tear_down);
  return g_test_run ();
}
