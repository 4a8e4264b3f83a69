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
#include "ipd-party-dialog.h"
#include "ipd-settings.h"
#include "ipd-store-private.h"
#include "ipd-test-gui.h"
#include "ipd-test-util.h"
#include "ipd-window-private.h"

typedef IpdTestWindow Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer with_demo)
{
  ipd_test_window_open (f, GPOINTER_TO_INT (with_demo), 1280, 760);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  ipd_test_window_close (f);
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
  ipd_test_iterate (50);
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
  ipd_test_iterate (20);
  g_assert_cmpstr (listed (f, 0)->filing_date, ==, "2025-08-15");
  for (guint i = 0; i < ipd_window_get_n_listed (f->window); i++)
    {
      const char *date = listed (f, i)->filing_date;
      if (previous && date)
        g_assert_cmpstr (previous, >=, date);
      previous = date ? date : previous;
    }

  gtk_column_view_sort_by_column (view, column_titled (view, "Name"), GTK_SORT_DESCENDING);
  ipd_test_iterate (20);
  g_assert_cmpstr (listed (f, 0)->name, ==, "Thịt lợn Trà xanh Thái Nguyên");
}

static void
test_selection_survives_refresh (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossier) lai_chau = ipd_store_find_dossier (f->store, "IPD-2026-0001", NULL);
  gint64 id = listed (f, 4)->id;

  g_assert_true (ipd_dossier_table_select_id (f->window->table, id));
  ipd_test_iterate (20);
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

  ipd_test_present (GTK_WINDOW (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "error");
  g_assert_cmpstr (adw_status_page_get_description (window->error_page), ==, "written by a newer version");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_signal (guint *count)
{
  (*count)++;
}

/* Waits (at most 20 s) for the register the window is opening. */
static void
wait_opened (IpdWindow *window)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < until
         && g_strcmp0 (gtk_stack_get_visible_child_name (window->list_stack), "opening") == 0)
    g_main_context_iteration (NULL, FALSE);
  ipd_test_iterate (10);
}

/* The window shows at once and the register opens on a worker: the window
 * says it is opening, then lists the register (here with the samples
 * loaded into it on the way). A file that is not a register gives the
 * reason in the window; asked while another is shown, a dialog, and the
 * register shown stays. */
static void
test_opens_on_a_worker (void)
{
  g_autofree char *dir = ipd_test_make_dir ("ipd-window-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "tay-bac.sqlite", NULL);
  g_autofree char *letter = g_build_filename (dir, "letter.sqlite", NULL);
  IpdWindow *window = ipd_window_new (NULL, NULL, NULL);
  IpdStore *shown_store;
  guint shown = 0;
  IpdQuery everything = { NULL };
  GtkWindow *dialog;

  g_signal_connect_swapped (window, "register-shown", G_CALLBACK (count_signal), &shown);
  ipd_test_present (GTK_WINDOW (window));
  ipd_window_open_register (window, path, TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "opening");
  g_assert_cmpstr (adw_status_page_get_description (window->opening_page), ==, "tay-bac.sqlite");
  g_assert_null (ipd_window_get_store (window));
  wait_opened (window);
  g_assert_cmpuint (shown, ==, 1);
  shown_store = ipd_window_get_store (window);
  g_assert_nonnull (shown_store);
  g_assert_cmpstr (ipd_store_get_path (shown_store), ==, path);
  g_assert_cmpint (ipd_store_count_dossiers (shown_store, &everything, NULL), >, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "list");

  /* typed while another opens: the spinner stays, and the search is
   * listed from the register shown at the end */
  ipd_window_open_register (window, path, FALSE);
  ipd_window_search (window, "Tân Cương");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "opening");
  wait_opened (window);
  g_assert_cmpuint (shown, ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "list");
  g_assert_cmpuint (ipd_window_get_n_listed (window), >, 0);
  g_assert_cmpuint (ipd_window_get_n_listed (window), <, ipd_store_count_dossiers (ipd_window_get_store (window), &everything, NULL));
  shown_store = ipd_window_get_store (window);
  ipd_window_search (window, "");

  g_assert_true (g_file_set_contents (letter, "Kính gửi Cục Sở hữu trí tuệ", -1, NULL));
  ipd_window_open_register (window, letter, FALSE);
  wait_opened (window);
  g_assert_cmpuint (shown, ==, 2);
  g_assert_true (ipd_window_get_store (window) == shown_store);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "list");
  dialog = ipd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));

  window = ipd_window_new (NULL, NULL, NULL);
  ipd_test_present (GTK_WINDOW (window));
  ipd_window_open_register (window, letter, FALSE);
  wait_opened (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->list_stack), ==, "error");
  g_assert_nonnull (adw_status_page_get_description (window->error_page));

  /* asked twice: only the second shows; closed while opening: nothing */
  ipd_window_open_register (window, letter, FALSE);
  ipd_window_open_register (window, path, FALSE);
  wait_opened (window);
  g_assert_true (ipd_window_get_store (window) != NULL);
  g_assert_cmpstr (ipd_store_get_path (ipd_window_get_store (window)), ==, path);
  g_assert_null (ipd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  ipd_window_open_register (window, path, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  ipd_test_wait_ms (1000);
  ipd_test_remove_dir (dir);
}

static gboolean
activate (Fixture *f, const char *action)
{
  gboolean done = gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL);
  ipd_test_iterate (20);
  return done;
}

static gint64
count_all (Fixture *f)
{
  IpdQuery everything = { NULL };
  return ipd_store_count_dossiers (f->store, &everything, NULL);
}

static void add_party_from_register (Fixture *f, const char *search, const char *name);

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
      add_party_from_register (f, "huan loan", "HTX Nông nghiệp Huấn Loan");
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
  ipd_test_iterate (20);
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
  ipd_test_iterate (20);
  g_assert_true (activate (f, "win.trash"));
  g_assert_true (activate (f, "win.show-trash"));
  g_assert_cmpuint (ipd_window_get_n_listed (f->window), ==, 1);
  g_assert_true (ipd_dossier_table_select_id (f->window->table, id));
  ipd_test_iterate (20);
  g_assert_true (activate (f, "win.restore"));
  g_assert_cmpint (ipd_store_count_dossiers (f->store, &trash, NULL), ==, 0);
}

static IpdEventDialog *
open_event_dialog (Fixture *f)
{
  GtkWidget *add = ipd_test_find_named (GTK_WIDGET (f->window->dossier_view), "add-event");
  GListModel *toplevels = gtk_window_get_toplevels ();
  IpdEventDialog *dialog = NULL;

  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  ipd_test_iterate (20);
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
  ipd_test_iterate (20);
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
  ipd_test_iterate (20);

  after = ipd_store_load_dossier (f->store, id, NULL);
  g_assert_cmpstr (after->status, ==, "accepted");
  events = ipd_store_list_events (f->store, id, NULL);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (((IpdEvent *) g_ptr_array_index (events, 1))->reference, ==, "53397/SHTT-NH.IP");
  /* the list shows the new status */
  g_assert_true (ipd_dossier_list_find (f->window->list, id, NULL));
}

/* Column widths are kept when the window closes and restored in the next. */
static void
test_column_widths_kept (Fixture *f, gconstpointer data)
{
  GtkColumnView *view = ipd_dossier_table_get_view (f->window->table);
  IpdWindow *next;

  gtk_column_view_column_set_fixed_width (column_titled (view, "Name"), 333);
  gtk_window_close (GTK_WINDOW (f->window));   /* saves, as a close by the officer does */
  ipd_test_iterate (20);

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

/* The mark sample is read and decoded on workers. */
static void
wait_for_paintable (GtkPicture *picture)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gtk_picture_get_paintable (picture) == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (gtk_picture_get_paintable (picture));
}

static void
test_mark_sample (Fixture *f, gconstpointer data)
{
  GtkPicture *picture;
  g_autoptr(GBytes) png = small_png ();
  g_autoptr(GBytes) not_an_image = g_bytes_new_static ("%PDF-1.4 not an image", 21);
  g_autoptr(IpdDossier) saved = NULL;
  gint64 id = listed (f, 0)->id;   /* a certification mark */

  g_assert_true (ipd_dossier_table_select_id (f->window->table, id));
  ipd_test_iterate (20);
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
  picture = GTK_PICTURE (ipd_test_get_named (GTK_WIDGET (f->window->dossier_view), "mark-sample"));
  wait_for_paintable (picture);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (gtk_picture_get_paintable (picture)), ==, 4);

  /* stored bytes that no longer decode: said in the group, no picture */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE blob SET data = x'89504e470000' WHERE sha256 = '%s'",
                                            saved->mark_image_sha256);
    g_autoptr(GError) error = NULL;
    GtkWidget *group;
    gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    g_assert_true (ipd_store_exec (f->store, sql, &error));
    g_assert_true (ipd_dossier_view_show (f->window->dossier_view, f->store, id, &error));
    g_assert_no_error (error);
    picture = GTK_PICTURE (ipd_test_get_named (GTK_WIDGET (f->window->dossier_view), "mark-sample"));
    group = gtk_widget_get_ancestor (GTK_WIDGET (picture), ADW_TYPE_PREFERENCES_GROUP);
    while (g_strcmp0 (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), "") <= 0
           && g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                     "The stored sample cannot be shown.");
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (picture)));
  }
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
  ipd_test_iterate (20);
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
    ipd_test_iterate (20);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
        dialogs += ADW_IS_MESSAGE_DIALOG (window);
      }
    g_assert_cmpuint (dialogs, ==, 1);
  }
  adw_message_dialog_response (dialog, "keep");
  ipd_test_iterate (20);
  g_assert_true (ipd_window_is_editing (f->window));
  gtk_window_destroy (GTK_WINDOW (dialog));
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
  ipd_test_wait_ms (300);
  g_assert_cmpint (ipd_dossier_view_get_id (f->window->dossier_view), ==, id);
  ipd_test_save_screenshot (GTK_WIDGET (f->window), name);
}

/* Events: edit, refuse bad input, delete ----------------------------------------------- */

static gint64
listed_id_named (Fixture *f, const char *name)
{
  for (guint i = 0; i < ipd_window_get_n_listed (f->window); i++)
    if (g_str_equal (listed (f, i)->name, name))
      return listed (f, i)->id;
  g_assert_not_reached ();
}

/* Opens @name's dossier beside the list; returns its id. */
static gint64
open_dossier_named (Fixture *f, const char *name)
{
  gint64 id = listed_id_named (f, name);

  g_assert_true (ipd_dossier_table_select_id (f->window->table, id));
  ipd_test_iterate (20);
  g_assert_cmpint (ipd_dossier_view_get_id (f->window->dossier_view), ==, id);
  return id;
}

/* The dossier page: values as written, history in words ------------------------------- */

static void
test_page_history_in_words (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdDossier) dossier = NULL;
  g_autoptr(GString) page = g_string_new (NULL);
  g_autoptr(GString) history = g_string_new (NULL);
  GtkWidget *expander;
  gint64 id = listed_id_named (f, "Lai Châu");

  dossier = ipd_store_load_dossier (f->store, id, &error);
  g_assert_no_error (error);
  g_free (dossier->name);
  dossier->name = g_strdup ("Trà & Cà phê <Lai Châu>");
  g_free (dossier->officer);
  dossier->officer = g_strdup ("Nguyễn Thị Thu & Lò Văn Minh");
  g_assert_true (ipd_store_save_dossier (f->store, dossier, &error));
  g_assert_no_error (error);
  ipd_window_reload (f->window);
  ipd_test_iterate (20);
  open_dossier_named (f, "Trà & Cà phê <Lai Châu>");

  /* values with "&" and "<" are shown as written */
  ipd_test_collect_labels (GTK_WIDGET (f->window->dossier_view), page);
  g_assert_nonnull (strstr (page->str, "\nNguyễn Thị Thu & Lò Văn Minh\n"));
  g_assert_nonnull (strstr (page->str, "\n559/QĐ-SHTT\n"));
  g_assert_nonnull (strstr (page->str, "\n19/08/2025\n"));

  /* the history's rows are made when it opens, in the page's words */
  expander = ipd_test_find_named (GTK_WIDGET (f->window->dossier_view), "history");
  g_assert_nonnull (expander);
  {
    g_autoptr(GPtrArray) entries = ipd_store_list_audit (f->store, "dossier", id, &error);
    g_autofree char *count = g_strdup_printf ("%u changes", entries->len);

    g_assert_cmpuint (entries->len, >=, 2);
    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==, count);
  }
  ipd_test_collect_labels (expander, history);
  g_assert_null (strstr (history->str, "Created by"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  ipd_test_iterate (5);
  g_string_truncate (history, 0);
  ipd_test_collect_labels (expander, history);
  g_assert_nonnull (strstr (history->str, "Name: Lai Châu → Trà & Cà phê <Lai Châu>"));
  g_assert_nonnull (strstr (history->str, "Officer: Lò Văn Minh → Nguyễn Thị Thu & Lò Văn Minh"));
  g_assert_nonnull (strstr (history->str, "Created by"));
  g_assert_null (strstr (history->str, "officer:"));
  g_assert_null (strstr (history->str, "\"Lai Châu\""));
}

static guint
count_named_prefix (GtkWidget *widget, const char *prefix)
{
  guint n = g_str_has_prefix (gtk_widget_get_name (widget), prefix) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_named_prefix (child, prefix);
  return n;
}

/* A long timeline shows its newest entries; the rest are made when the
 * officer opens "Earlier". */
static void
test_page_earlier_events (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = listed_id_named (f, "Lai Châu");
  GtkWidget *earlier;
  guint shown, all;

  for (int i = 0; i < 12; i++)
    {
      g_autofree char *date = g_strdup_printf ("2024-%02d-15", i + 1);
      g_autoptr(IpdEvent) note = ipd_event_new (id, date, "note");

      note->note = g_strdup_printf ("Trao đổi lần %d", i + 1);
      g_assert_true (ipd_store_save_event (f->store, note, &error));
      g_assert_no_error (error);
    }
  ipd_window_reload (f->window);
  ipd_test_iterate (20);
  open_dossier_named (f, "Lai Châu");

  shown = count_named_prefix (GTK_WIDGET (f->window->dossier_view), "edit-event-");
  earlier = ipd_test_find_named (GTK_WIDGET (f->window->dossier_view), "earlier-events");
  g_assert_nonnull (earlier);
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown, <=, 8);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (earlier), TRUE);
  ipd_test_iterate (5);
  all = count_named_prefix (GTK_WIDGET (f->window->dossier_view), "edit-event-");
  {
    g_autoptr(GPtrArray) events = ipd_store_list_events (f->store, id, &error);
    g_assert_cmpuint (all, ==, events->len);
  }
}

static IpdEvent *
event_of_type (GPtrArray *events, const char *type)
{
  for (guint i = 0; i < events->len; i++)
    if (g_str_equal (((IpdEvent *) g_ptr_array_index (events, i))->type, type))
      return g_ptr_array_index (events, i);
  g_assert_not_reached ();
}

static GPtrArray *
events_of (Fixture *f, gint64 dossier_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = ipd_store_list_events (f->store, dossier_id, &error);

  g_assert_no_error (error);
  return events;
}

static char *
dossier_status (Fixture *f, gint64 id)
{
  g_autoptr(IpdDossier) d = ipd_store_load_dossier (f->store, id, NULL);
  return g_strdup (d->status);
}

static GtkWidget *
event_button (Fixture *f, const char *kind, gint64 event_id)
{
  g_autofree char *name = g_strdup_printf ("%s-event-%" G_GINT64_FORMAT, kind, event_id);
  GtkWidget *button = ipd_test_find_named (GTK_WIDGET (f->window->dossier_view), name);

  g_assert_nonnull (button);
  return button;
}

/* Clicks the event's edit button: the dialog opens filled in. */
static IpdEventDialog *
edit_event (Fixture *f, gint64 event_id)
{
  GtkWindow *dialog;

  g_signal_emit_by_name (event_button (f, "edit", event_id), "clicked");
  ipd_test_iterate (20);
  dialog = ipd_test_find_toplevel (IPD_TYPE_EVENT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (ipd_event_dialog_is_edit (IPD_EVENT_DIALOG (dialog)));
  return IPD_EVENT_DIALOG (dialog);
}

static void
close_dialog (IpdEventDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  ipd_test_iterate (20);
}

/* The event's date and type changed through the dialog; the status follows
 * the event that is now the latest. */
static void
test_events_edit (Fixture *f, gconstpointer data)
{
  gint64 id = open_dossier_named (f, "Mường Ảng");
  g_autoptr(GPtrArray) before = events_of (f, id);
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *status_before = dossier_status (f, id);
  g_autofree char *status_after = NULL;
  IpdEvent *published = event_of_type (before, "published");
  gint64 event_id = published->id;
  IpdEventDialog *dialog;

  g_assert_cmpuint (before->len, ==, 3);
  g_assert_cmpstr (status_before, ==, "published");

  dialog = edit_event (f, event_id);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Edit Event");
  g_assert_cmpstr (ipd_event_dialog_get_field (dialog, "date"), ==, "20/06/2023");
  g_assert_cmpstr (ipd_event_dialog_get_field (dialog, "type"), ==, "published");
  g_assert_cmpstr (ipd_event_dialog_get_field (dialog, "reference"), ==, "");
  ipd_test_wait_ms (200);
  ipd_test_save_screenshot (GTK_WIDGET (dialog), "event-dialog.png");

  /* an office action, dated before the formality decision */
  g_assert_true (ipd_event_dialog_set_field (dialog, "type", "office_action"));
  g_assert_true (ipd_event_dialog_set_field (dialog, "date", "01/04/2023"));
  g_assert_true (ipd_event_dialog_set_field (dialog, "reference", "1234/SHTT-CDDL & TĐ"));
  g_assert_true (ipd_event_dialog_set_field (dialog, "months", "2"));
  g_assert_true (ipd_event_dialog_save (dialog, NULL));
  g_assert_null (ipd_event_dialog_get_error (dialog));
  close_dialog (dialog);

  after = events_of (f, id);
  g_assert_cmpuint (after->len, ==, 3);   /* corrected, not added */
  g_assert_cmpstr (((IpdEvent *) g_ptr_array_index (after, 0))->type, ==, "filed");
  g_assert_cmpstr (((IpdEvent *) g_ptr_array_index (after, 1))->type, ==, "office_action");
  g_assert_cmpint (((IpdEvent *) g_ptr_array_index (after, 1))->id, ==, event_id);
  g_assert_cmpstr (((IpdEvent *) g_ptr_array_index (after, 1))->date, ==, "2023-04-01");
  g_assert_cmpstr (((IpdEvent *) g_ptr_array_index (after, 1))->reference, ==, "1234/SHTT-CDDL & TĐ");
  g_assert_cmpint (((IpdEvent *) g_ptr_array_index (after, 1))->period_months, ==, 2);
  g_assert_cmpstr (((IpdEvent *) g_ptr_array_index (after, 2))->type, ==, "formality_accepted");
  status_after = dossier_status (f, id);
  g_assert_cmpstr (status_after, ==, "accepted");

  /* the view shows it again (newest first), and the list the new status */
  {
    GtkWidget *edited = event_button (f, "edit", event_id);
    GtkWidget *row = gtk_widget_get_ancestor (edited, ADW_TYPE_ACTION_ROW);
    GtkWidget *newest = gtk_widget_get_ancestor (event_button (f, "edit", ((IpdEvent *) g_ptr_array_index (after, 2))->id),
                                                 ADW_TYPE_ACTION_ROW);
    GtkWidget *next;

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     "01/04/2023 — Office action or intended refusal");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "1234/SHTT-CDDL & TĐ · period of 2 months");
    /* the next event down; the dossier's deadlines stand between the events */
    next = gtk_widget_get_next_sibling (newest);
    while (next != NULL && g_str_has_prefix (gtk_widget_get_name (next), "deadline-"))
      next = gtk_widget_get_next_sibling (next);
    g_assert_true (next == row);
  }
  for (guint i = 0; i < ipd_window_get_n_listed (f->window); i++)
    if (listed (f, i)->id == id)
      g_assert_cmpstr (listed (f, i)->status, ==, "accepted");
  /* the timeline in view, to look at */
  {
    GtkWidget *group = gtk_widget_get_ancestor (event_button (f, "edit", event_id), ADW_TYPE_PREFERENCES_GROUP);
    GtkWidget *scrolled = gtk_widget_get_ancestor (group, GTK_TYPE_SCROLLED_WINDOW);
    graphene_point_t at;

    ipd_test_wait_ms (100);
    g_assert_true (gtk_widget_compute_point (group, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                             &GRAPHENE_POINT_INIT (0, 0), &at));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), at.y - 60);
  }
  ipd_test_wait_ms (300);
  ipd_test_save_screenshot (GTK_WIDGET (f->window), "window-events.png");
}

/* A malformed, impossible or future date is shown in the dialog; the event stays as it was. */
static void
test_events_invalid_date_keeps_event (Fixture *f, gconstpointer data)
{
  static const char *bad_dates[] = { "31/02/2026", "20/13/2023", "hôm qua", "31/12/2199", "" };
  gint64 id = open_dossier_named (f, "Mường Ảng");
  g_autoptr(GPtrArray) before = events_of (f, id);
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *status = NULL;
  IpdEvent *published = event_of_type (before, "published");
  GtkWidget *row = gtk_widget_get_ancestor (event_button (f, "edit", published->id), ADW_TYPE_ACTION_ROW);
  IpdEventDialog *dialog;

  /* activating the row opens the same dialog as its edit button */
  g_assert_nonnull (row);
  gtk_widget_activate (row);
  ipd_test_wait_ms (400);   /* a button activated from the keyboard shows itself pressed first */
  dialog = IPD_EVENT_DIALOG (ipd_test_find_toplevel (IPD_TYPE_EVENT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (ipd_event_dialog_get_field (dialog, "date"), ==, "20/06/2023");

  ipd_event_dialog_set_field (dialog, "type", "granted");
  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_autoptr(GError) error = NULL;

      ipd_event_dialog_set_field (dialog, "date", bad_dates[i]);
      g_assert_false (ipd_event_dialog_save (dialog, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (ipd_event_dialog_get_error (dialog), ==, error->message);
      if (*bad_dates[i] != '\0')
        g_assert_nonnull (strstr (error->message, bad_dates[i]));
    }
  /* the dialog stays open with what was typed */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  ipd_event_dialog_set_field (dialog, "date", "31/02/2026");
  g_assert_false (ipd_event_dialog_save (dialog, NULL));
  ipd_test_wait_ms (200);
  ipd_test_save_screenshot (GTK_WIDGET (dialog), "event-dialog-error.png");
  g_assert_cmpstr (ipd_event_dialog_get_field (dialog, "type"), ==, "granted");
  close_dialog (dialog);

  after = events_of (f, id);
  g_assert_cmpuint (after->len, ==, before->len);
  published = event_of_type (after, "published");
  g_assert_cmpstr (published->date, ==, "2023-06-20");
  status = dossier_status (f, id);
  g_assert_cmpstr (status, ==, "published");
}

/* Deleting asks first; Cancel keeps the event, Delete removes it. */
static void
test_events_delete_asks (Fixture *f, gconstpointer data)
{
  gint64 id = open_dossier_named (f, "Mường Ảng");
  g_autoptr(GPtrArray) before = events_of (f, id);
  g_autoptr(GPtrArray) kept = NULL, after = NULL;
  g_autofree char *status = NULL;
  gint64 event_id = event_of_type (before, "published")->id;
  AdwMessageDialog *question;

  g_signal_emit_by_name (event_button (f, "delete", event_id), "clicked");
  ipd_test_iterate (20);
  question = ADW_MESSAGE_DIALOG (ipd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "20/06/2023 — Published in the Gazette"));
  adw_message_dialog_response (question, "cancel");
  ipd_test_iterate (20);
  kept = events_of (f, id);
  g_assert_cmpuint (kept->len, ==, 3);

  g_signal_emit_by_name (event_button (f, "delete", event_id), "clicked");
  ipd_test_iterate (20);
  question = ADW_MESSAGE_DIALOG (ipd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "delete");
  ipd_test_iterate (20);
  after = events_of (f, id);
  g_assert_cmpuint (after->len, ==, 2);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpint (((IpdEvent *) g_ptr_array_index (after, i))->id, !=, event_id);
  status = dossier_status (f, id);
  g_assert_cmpstr (status, ==, "accepted");
  {
    g_autofree char *name = g_strdup_printf ("delete-event-%" G_GINT64_FORMAT, event_id);
    g_assert_null (ipd_test_find_named (GTK_WIDGET (f->window->dossier_view), name));
  }
}

/* Filters: province and commune, kept in GSettings --------------------------------------- */

/* The counts arrive from a worker: waits for the row to be shown. */
static GtkListBoxRow *
wait_for_row (Fixture *f, IpdFacet facet, const char *value)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GtkListBoxRow *row;

  while ((row = ipd_filter_sidebar_find_row (f->window->sidebar, facet, value)) == NULL
         && g_get_monotonic_time () < end)
    ipd_test_wait_ms (10);
  g_assert_nonnull (row);
  return row;
}

static const char *
row_count (GtkListBoxRow *row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_list_box_row_get_child (row)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "numeric"))
      return gtk_label_get_label (GTK_LABEL (child));
  g_assert_not_reached ();
}

/* What the table shows: the rows of its model. */
static guint
table_rows (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (ipd_dossier_table_get_view (f->window->table))));
}

static void
choose_row (Fixture *f, IpdFacet facet, const char *value)
{
  gtk_widget_activate (GTK_WIDGET (wait_for_row (f, facet, value)));
  ipd_test_iterate (20);
}

#define LAI_CHAU  "Tỉnh Lai Châu"
#define TAN_PHONG "Phường Tân Phong"

static void
test_filters_commune (Fixture *f, gconstpointer data)
{
  IpdQuery in_tan_phong = { .province = LAI_CHAU, .commune = TAN_PHONG };
  GtkListBoxRow *commune;

  g_assert_cmpuint (table_rows (f), ==, 11);
  g_assert_null (ipd_filter_sidebar_find_row (f->window->sidebar, IPD_FACET_COMMUNE, TAN_PHONG));
  g_assert_cmpstr (row_count (wait_for_row (f, IPD_FACET_PROVINCE, LAI_CHAU)), ==, "7");
  choose_row (f, IPD_FACET_PROVINCE, LAI_CHAU);
  g_assert_cmpuint (table_rows (f), ==, 7);

  /* the province's communes appear under it, counted within it */
  commune = wait_for_row (f, IPD_FACET_COMMUNE, TAN_PHONG);
  g_assert_cmpstr (row_count (commune), ==, "4");
  choose_row (f, IPD_FACET_COMMUNE, TAN_PHONG);
  g_assert_cmpuint (table_rows (f), ==, 4);
  g_assert_cmpint (ipd_store_count_dossiers (f->store, &in_tan_phong, NULL), ==, 4);
  for (guint i = 0; i < table_rows (f); i++)
    {
      IpdDossierSummary *row = listed (f, i);
      g_assert_true (g_str_equal (row->name, "Lai Châu") || g_str_equal (row->name, "Chè Lai Châu")
                     || g_str_equal (row->name, "Hà thủ ô đỏ Sìn Hồ") || g_str_equal (row->name, "Chanh leo Lai Châu"));
    }
  g_assert_cmpstr (gtk_label_get_label (f->window->count_label), ==, "4 of 11 dossiers");

  /* with a kind too */
  ipd_filter_sidebar_select (f->window->sidebar, IPD_FACET_KIND, "gi");
  g_assert_cmpuint (table_rows (f), ==, 1);
  g_assert_cmpstr (listed (f, 0)->name, ==, "Lai Châu");
  ipd_filter_sidebar_select (f->window->sidebar, IPD_FACET_KIND, NULL);
  /* the sidebar scrolled to the province, a dossier open */
  {
    GtkWidget *province = GTK_WIDGET (wait_for_row (f, IPD_FACET_PROVINCE, LAI_CHAU));
    GtkWidget *scrolled = gtk_widget_get_ancestor (province, GTK_TYPE_SCROLLED_WINDOW);
    graphene_point_t at;

    ipd_test_wait_ms (100);   /* laid out */
    g_assert_true (gtk_widget_compute_point (province, gtk_widget_get_parent (province), &GRAPHENE_POINT_INIT (0, 0), &at));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), at.y - 120);
  }
  open_dossier_named (f, "Lai Châu");
  ipd_test_wait_ms (300);
  ipd_test_save_screenshot (GTK_WIDGET (f->window), "window-commune.png");

  /* clearing the province (activating it again) clears the commune */
  choose_row (f, IPD_FACET_PROVINCE, LAI_CHAU);
  g_assert_cmpuint (table_rows (f), ==, 11);
  g_assert_null (ipd_filter_sidebar_find_row (f->window->sidebar, IPD_FACET_COMMUNE, TAN_PHONG));
  {
    g_autoptr(GVariant) state = g_variant_ref_sink (ipd_filter_sidebar_get_state (f->window->sidebar));
    g_assert_cmpuint (g_variant_n_children (state), ==, 0);
  }

  /* another province clears it too */
  choose_row (f, IPD_FACET_PROVINCE, LAI_CHAU);
  choose_row (f, IPD_FACET_COMMUNE, TAN_PHONG);
  g_assert_cmpuint (table_rows (f), ==, 4);
  choose_row (f, IPD_FACET_PROVINCE, "Tỉnh Điện Biên");
  g_assert_cmpuint (table_rows (f), ==, 1);
  g_assert_cmpstr (listed (f, 0)->name, ==, "Mường Ảng");
}

/* The chosen filters and whether the sidebar is shown are kept in
 * GSettings and come back in the next window on the same register, not
 * on another. */
static void
test_filters_state_kept (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = ipd_settings_new ();
  g_autoptr(GVariant) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *other_path = g_build_filename (f->directory, "other.sqlite", NULL);
  g_autoptr(IpdStore) other = NULL;
  const char *value = NULL;
  IpdWindow *next, *elsewhere;

  g_assert_nonnull (settings);   /* the tests run with the compiled schema */
  choose_row (f, IPD_FACET_KIND, "gi");
  choose_row (f, IPD_FACET_PROVINCE, LAI_CHAU);
  choose_row (f, IPD_FACET_COMMUNE, TAN_PHONG);
  g_assert_cmpuint (table_rows (f), ==, 1);

  kept = g_settings_get_value (settings, "sidebar-filters");
  g_assert_true (g_variant_lookup (kept, "kind", "&s", &value));
  g_assert_cmpstr (value, ==, "gi");
  g_assert_true (g_variant_lookup (kept, "commune", "&s", &value));
  g_assert_cmpstr (value, ==, TAN_PHONG);
  g_assert_false (g_variant_lookup (kept, "status", "&s", &value));

  /* F9's action hides the filters of a wide window */
  g_assert_false (adw_leaflet_get_folded (f->window->leaflet));
  g_assert_true (gtk_widget_get_visible (f->window->sidebar_pane));
  g_assert_true (activate (f, "win.show-filters"));
  g_assert_false (gtk_widget_get_visible (f->window->sidebar_pane));
  g_assert_false (g_settings_get_boolean (settings, "show-sidebar"));

  gtk_window_close (GTK_WINDOW (f->window));
  ipd_test_iterate (20);
  next = ipd_window_new (NULL, f->store, NULL);
  f->window = next;
  ipd_test_present (GTK_WINDOW (next));
  g_assert_cmpuint (table_rows (f), ==, 1);
  g_assert_cmpstr (listed (f, 0)->name, ==, "Lai Châu");
  g_assert_false (gtk_widget_get_visible (next->sidebar_pane));
  g_assert_cmpstr (row_count (wait_for_row (f, IPD_FACET_COMMUNE, TAN_PHONG)), ==, "4");
  {
    g_autoptr(GVariant) state = g_variant_ref_sink (ipd_filter_sidebar_get_state (next->sidebar));
    g_assert_true (g_variant_equal (state, kept));
  }
  g_assert_true (activate (f, "win.show-filters"));
  g_assert_true (gtk_widget_get_visible (next->sidebar_pane));
  g_assert_true (g_settings_get_boolean (settings, "show-sidebar"));

  /* another register starts with no filter */
  other = ipd_store_open (other_path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipd_demo_load (other, &error), ==, 11);
  elsewhere = ipd_window_new (NULL, other, NULL);
  ipd_test_present (GTK_WINDOW (elsewhere));
  g_assert_cmpuint (ipd_window_get_n_listed (elsewhere), ==, 11);
  gtk_window_destroy (GTK_WINDOW (elsewhere));
  ipd_test_iterate (20);
  g_settings_reset (settings, "sidebar-filters");
  g_settings_reset (settings, "sidebar-register");
}

/* Parties: picked from the register or created with the dossier ------------------------- */

static IpdPartyDialog *
parties_open_dialog_or_null (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (IPD_IS_PARTY_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return IPD_PARTY_DIALOG (window);
    }
  return NULL;
}

static AdwMessageDialog *
parties_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Clicks the editor's "Add Party…" button. */
static IpdPartyDialog *
parties_click_add (Fixture *f)
{
  GtkWidget *add = ipd_test_find_named (GTK_WIDGET (f->window->editor), "add-party");
  IpdPartyDialog *dialog;

  g_assert_nonnull (add);
  g_assert_true (gtk_widget_is_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
  ipd_test_iterate (20);
  dialog = parties_open_dialog_or_null ();
  g_assert_nonnull (dialog);
  return dialog;
}

static guint
parties_rows (GtkWidget *root, const char *list_name)
{
  GtkWidget *list = ipd_test_find_named (root, list_name);
  guint n = 0;

  g_assert_nonnull (list);
  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), (int) n) != NULL)
    n++;
  return n;
}

static guint
parties_editor_rows (Fixture *f)
{
  return parties_rows (GTK_WIDGET (f->window->editor), "parties-list");
}

/* Types @text in the dialog's search and activates the result named @name. */
static void
parties_search_and_choose (IpdPartyDialog *dialog, const char *text, const char *name)
{
  GtkWidget *results = ipd_test_find_named (GTK_WIDGET (dialog), "party-results");
  GtkListBoxRow *row = NULL;

  g_assert_true (ipd_party_dialog_set_field (dialog, "search", text));
  ipd_test_wait_ms (400);   /* the search entry's delay */
  g_assert_true (gtk_widget_is_visible (results));
  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (results), i)) != NULL; i++)
    if (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name))
      break;
  if (row == NULL)
    g_error ("“%s” is not among the results for “%s”", name, text);
  g_signal_emit_by_name (results, "row-activated", row);
  ipd_test_iterate (10);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ipd_test_find_named (GTK_WIDGET (dialog), "party-name"))), ==, name);
}

static void
parties_press_add (IpdPartyDialog *dialog)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "party.add", NULL));
  ipd_test_iterate (20);
}

/* Adds the register's party @name, found by typing @search. */
static void
add_party_from_register (Fixture *f, const char *search, const char *name)
{
  IpdPartyDialog *dialog = parties_click_add (f);

  parties_search_and_choose (dialog, search, name);
  parties_press_add (dialog);
  g_assert_null (parties_open_dialog_or_null ());
}

static void
parties_fill_new (IpdPartyDialog *dialog, const char *name, const char *type, const char *tax_code,
                  const char *role)
{
  g_assert_true (ipd_party_dialog_set_field (dialog, "name", name));
  g_assert_true (ipd_party_dialog_set_field (dialog, "type", type));
  g_assert_true (ipd_party_dialog_set_field (dialog, "tax_code", tax_code));
  if (role)
    g_assert_true (ipd_party_dialog_set_field (dialog, "role", role));
}

static IpdParty *
parties_only (Fixture *f, const char *name)
{
  g_autoptr(GPtrArray) found = ipd_store_find_parties (f->store, name, NULL, NULL);

  g_assert_nonnull (found);
  g_assert_cmpuint (found->len, ==, 1);
  return ipd_party_ref (g_ptr_array_index (found, 0));
}

static guint
parties_named (Fixture *f, const char *name)
{
  g_autoptr(GPtrArray) found = ipd_store_find_parties (f->store, name, NULL, NULL);
  guint n = 0;

  for (guint i = 0; found && i < found->len; i++)
    n += ipd_party_same_name (g_ptr_array_index (found, i), name);
  return n;
}

static IpdDossierParty *
party_link (IpdDossier *d, guint i)
{
  g_assert_cmpuint (i, <, d->parties->len);
  return g_ptr_array_index (d->parties, i);
}

/* A new dossier with a new party and one of the register's; nothing is in
 * the register before Save, both are after. Screenshots of the editor and
 * of the dialog. */
/* A new dossier's officer and a new party's province come from Preferences. */
static void
test_parties_home_province (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdParty) created = NULL;
  IpdPartyDialog *dialog;

  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(IpdDossier) saved = NULL;

  g_assert_true (ipd_store_set_setting (f->store, IPD_SETTING_AGENCY_PROVINCE, "Tỉnh Lai Châu", &error));
  g_assert_no_error (error);
  g_settings_set_string (settings, "officer-name", "Lò Thị Hoa");
  g_assert_true (activate (f, "win.new-dossier"));
  ipd_dossier_editor_set_field (f->window->editor, "name", "Miến dong Bình Lư");
  dialog = parties_click_add (f);
  parties_fill_new (dialog, "HTX Miến dong Bình Lư", "cooperative", "6200999888", NULL);
  parties_press_add (dialog);
  g_assert_true (activate (f, "win.save"));
  created = parties_only (f, "HTX Miến dong Bình Lư");
  g_assert_cmpstr (created->province, ==, "Tỉnh Lai Châu");
  saved = ipd_store_load_dossier (f->store, ipd_dossier_view_get_id (f->window->dossier_view), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->name, ==, "Miến dong Bình Lư");
  g_assert_cmpstr (saved->officer, ==, "Lò Thị Hoa");
  g_settings_reset (settings, "officer-name");
}

static void
test_parties_new_and_existing (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdParty) huan_loan = parties_only (f, "HTX Nông nghiệp Huấn Loan");
  g_autoptr(IpdParty) created = NULL;
  g_autoptr(IpdDossier) saved = NULL;
  IpdPartyDialog *dialog;
  gint64 before = count_all (f);

  g_assert_true (activate (f, "win.new-dossier"));
  g_assert_cmpuint (parties_editor_rows (f), ==, 0);   /* a new dossier pre-fills nothing */
  g_assert_false (ipd_dossier_editor_is_dirty (f->window->editor));
  ipd_dossier_editor_set_field (f->window->editor, "name", "Gạo Séng Cù Mường Thanh");

  dialog = parties_click_add (f);
  parties_fill_new (dialog, "HTX Gạo Séng Cù Thanh An", "cooperative", "5600123456", NULL);   /* applicant by default */
  ipd_party_dialog_set_field (dialog, "commune", "Xã Thanh An");
  ipd_party_dialog_set_field (dialog, "province", "Tỉnh Điện Biên");
  ipd_party_dialog_set_field (dialog, "phone", "0215 3 888 999");
  g_assert_false (gtk_widget_is_visible (ipd_test_find_named (GTK_WIDGET (dialog), "party-similar")));
  parties_press_add (dialog);
  g_assert_null (parties_open_dialog_or_null ());
  g_assert_cmpuint (parties_editor_rows (f), ==, 1);
  g_assert_true (ipd_dossier_editor_is_dirty (f->window->editor));

  dialog = parties_click_add (f);
  parties_search_and_choose (dialog, "huan loan", "HTX Nông nghiệp Huấn Loan");
  ipd_party_dialog_set_field (dialog, "role", "owner");
  parties_press_add (dialog);
  g_assert_cmpuint (parties_editor_rows (f), ==, 2);

  /* nothing is written before Save */
  g_assert_cmpuint (parties_named (f, "HTX Gạo Séng Cù Thanh An"), ==, 0);

  /* how it looks: the editor with two parties, and the dialog over it */
  ipd_test_wait_ms (200);
  ipd_test_save_screenshot (GTK_WIDGET (f->window), "parties-editor.png");
  dialog = parties_click_add (f);
  ipd_party_dialog_set_field (dialog, "search", "htx nong");
  parties_fill_new (dialog, "HTX Nông nghiệp Liên Sơn", "cooperative", "4600777888", "representative");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 900);
  ipd_test_wait_ms (500);
  ipd_test_save_screenshot (GTK_WIDGET (dialog), "parties-dialog.png");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "party.cancel", NULL));
  ipd_test_iterate (20);
  g_assert_null (parties_open_dialog_or_null ());
  g_assert_cmpuint (parties_editor_rows (f), ==, 2);   /* cancelled: nothing added */

  g_assert_true (activate (f, "win.save"));
  g_assert_false (ipd_window_is_editing (f->window));
  g_assert_cmpint (count_all (f), ==, before + 1);

  created = parties_only (f, "HTX Gạo Séng Cù Thanh An");
  g_assert_cmpstr (created->tax_code, ==, "5600123456");
  g_assert_cmpstr (created->commune, ==, "Xã Thanh An");
  g_assert_cmpstr (created->province, ==, "Tỉnh Điện Biên");
  g_assert_cmpstr (created->phone, ==, "0215 3 888 999");
  g_assert_cmpstr (created->type, ==, "cooperative");
  saved = ipd_store_load_dossier (f->store, ipd_dossier_view_get_id (f->window->dossier_view), NULL);
  g_assert_cmpstr (saved->name, ==, "Gạo Séng Cù Mường Thanh");
  g_assert_cmpuint (saved->parties->len, ==, 2);
  g_assert_cmpint (party_link (saved, 0)->party_id, ==, created->id);
  g_assert_cmpstr (party_link (saved, 0)->role, ==, "applicant");
  g_assert_cmpint (party_link (saved, 1)->party_id, ==, huan_loan->id);
  g_assert_cmpstr (party_link (saved, 1)->role, ==, "owner");
  g_assert_cmpuint (parties_named (f, "HTX Nông nghiệp Huấn Loan"), ==, 1);
  ipd_test_wait_ms (200);
  ipd_test_save_screenshot (GTK_WIDGET (f->window), "parties-view.png");
}

/* The same name and tax code as a party of the register: a warning, and
 * "use the existing party" creates none. */
static void
test_parties_duplicate_warning (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdParty) existing = ipd_party_new ("HTX Chè Shan Tuyết Tả Xùa", "cooperative");
  g_autoptr(IpdDossier) saved = NULL;
  g_autoptr(GError) error = NULL;
  IpdPartyDialog *dialog;
  AdwMessageDialog *warning;

  existing->tax_code = g_strdup ("5400111222");
  g_assert_true (ipd_store_save_party (f->store, existing, &error));

  g_assert_true (activate (f, "win.new-dossier"));
  ipd_dossier_editor_set_field (f->window->editor, "name", "Chè Tả Xùa");
  dialog = parties_click_add (f);
  /* written another way: no accents, other case and spacing */
  parties_fill_new (dialog, "htx che  shan tuyet ta xua", "cooperative", "5400 111 222", NULL);
  ipd_test_iterate (10);
  g_assert_true (gtk_widget_is_visible (ipd_test_find_named (GTK_WIDGET (dialog), "party-similar")));
  g_assert_cmpuint (parties_rows (GTK_WIDGET (dialog), "party-similar"), ==, 1);

  parties_press_add (dialog);
  warning = parties_message_dialog ();
  g_assert_nonnull (warning);
  g_assert_cmpstr (adw_message_dialog_get_heading (warning), ==, "A party with this name and tax code already exists");
  g_assert_cmpstr (adw_message_dialog_get_default_response (warning), ==, "use");
  g_assert_true (adw_message_dialog_has_response (warning, "create"));
  g_assert_nonnull (parties_open_dialog_or_null ());   /* still open behind the question */
  g_assert_cmpuint (parties_editor_rows (f), ==, 0);
  adw_message_dialog_response (warning, "use");
  ipd_test_iterate (20);
  g_assert_null (parties_open_dialog_or_null ());
  g_assert_cmpuint (parties_editor_rows (f), ==, 1);

  g_assert_true (activate (f, "win.save"));
  g_assert_false (ipd_window_is_editing (f->window));
  g_assert_cmpuint (parties_named (f, "HTX Chè Shan Tuyết Tả Xùa"), ==, 1);
  saved = ipd_store_load_dossier (f->store, ipd_dossier_view_get_id (f->window->dossier_view), NULL);
  g_assert_cmpuint (saved->parties->len, ==, 1);
  g_assert_cmpint (party_link (saved, 0)->party_id, ==, existing->id);
}

/* The same name with another tax code: only a hint, which can be followed
 * or not; "Create Another" on the warning creates a second party. */
static void
test_parties_same_name_hint (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdParty) existing = ipd_party_new ("HTX Mận Bắc Hà", "cooperative");
  g_autoptr(IpdDossier) saved = NULL;
  g_autoptr(GError) error = NULL;
  IpdPartyDialog *dialog;
  AdwMessageDialog *warning;

  existing->tax_code = g_strdup ("5300222333");
  g_assert_true (ipd_store_save_party (f->store, existing, &error));

  g_assert_true (activate (f, "win.new-dossier"));
  ipd_dossier_editor_set_field (f->window->editor, "name", "Mận Bắc Hà");

  /* a different tax code: the existing party is pointed out, nothing asked */
  dialog = parties_click_add (f);
  parties_fill_new (dialog, "HTX Mận Bắc Hà", "cooperative", "5300999999", NULL);
  ipd_test_iterate (10);
  g_assert_cmpuint (parties_rows (GTK_WIDGET (dialog), "party-similar"), ==, 1);
  parties_press_add (dialog);
  g_assert_null (parties_message_dialog ());
  g_assert_null (parties_open_dialog_or_null ());

  /* the same name and tax code, and the officer means another party */
  dialog = parties_click_add (f);
  parties_fill_new (dialog, "HTX Mận Bắc Hà", "cooperative", "5300222333", "owner");
  parties_press_add (dialog);
  warning = parties_message_dialog ();
  g_assert_nonnull (warning);
  adw_message_dialog_response (warning, "create");
  ipd_test_iterate (20);
  g_assert_null (parties_open_dialog_or_null ());
  g_assert_cmpuint (parties_editor_rows (f), ==, 2);

  g_assert_true (activate (f, "win.save"));
  g_assert_false (ipd_window_is_editing (f->window));
  g_assert_cmpuint (parties_named (f, "HTX Mận Bắc Hà"), ==, 3);
  saved = ipd_store_load_dossier (f->store, ipd_dossier_view_get_id (f->window->dossier_view), NULL);
  g_assert_cmpuint (saved->parties->len, ==, 2);
  g_assert_cmpint (party_link (saved, 0)->party_id, !=, existing->id);
  g_assert_cmpint (party_link (saved, 1)->party_id, !=, existing->id);
  g_assert_cmpint (party_link (saved, 0)->party_id, !=, party_link (saved, 1)->party_id);
}

/* Cancelling the form throws the new parties away with the rest. */
static void
test_parties_cancel_saves_nothing (Fixture *f, gconstpointer data)
{
  gint64 before = count_all (f);
  IpdPartyDialog *dialog;
  AdwMessageDialog *discard;

  g_assert_true (activate (f, "win.new-dossier"));
  dialog = parties_click_add (f);
  parties_fill_new (dialog, "HTX Mận Tả Van", "cooperative", "5300444555", NULL);
  parties_press_add (dialog);
  g_assert_cmpuint (parties_editor_rows (f), ==, 1);
  g_assert_true (ipd_dossier_editor_is_dirty (f->window->editor));

  g_assert_true (activate (f, "win.cancel-edit"));
  discard = parties_message_dialog ();
  g_assert_nonnull (discard);   /* the new party counts as a change */
  adw_message_dialog_response (discard, "discard");
  ipd_test_iterate (20);
  g_assert_false (ipd_window_is_editing (f->window));
  g_assert_cmpuint (parties_named (f, "HTX Mận Tả Van"), ==, 0);
  {
    g_autoptr(GPtrArray) found = ipd_store_search_parties (f->store, "ta van", 10, NULL);
    g_assert_cmpuint (found->len, ==, 0);
  }
  g_assert_cmpint (count_all (f), ==, before);
}

static gint64
parties_dossier_with (Fixture *f, guint n_parties)
{
  for (guint i = 0; i < ipd_window_get_n_listed (f->window); i++)
    {
      g_autoptr(IpdDossier) d = ipd_store_load_dossier (f->store, listed (f, i)->id, NULL);
      if (d->parties->len == n_parties)
        return d->id;
    }
  g_assert_not_reached ();
}

/* Editing a party's details and removing another, saved with the dossier. */
static void
test_parties_edit_and_remove (Fixture *f, gconstpointer data)
{
  gint64 id = parties_dossier_with (f, 4);
  g_autoptr(IpdDossier) before = ipd_store_load_dossier (f->store, id, NULL);
  g_autoptr(IpdDossier) after = NULL;
  g_autoptr(IpdParty) first = NULL;
  gint64 first_id = party_link (before, 0)->party_id;
  gint64 last_id = party_link (before, 3)->party_id;
  IpdPartyDialog *dialog;

  g_assert_true (ipd_dossier_table_select_id (f->window->table, id));
  ipd_test_iterate (20);
  g_assert_true (activate (f, "win.edit"));
  g_assert_cmpuint (parties_editor_rows (f), ==, 4);
  g_assert_false (ipd_dossier_editor_is_dirty (f->window->editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->editor), "editor.edit-party", "u", 0));
  ipd_test_iterate (20);
  dialog = parties_open_dialog_or_null ();
  g_assert_nonnull (dialog);
  g_assert_false (gtk_widget_is_visible (ipd_test_find_named (GTK_WIDGET (dialog), "party-search")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ipd_test_find_named (GTK_WIDGET (dialog), "party-name"))),
                   ==, party_link (before, 0)->party_name);
  ipd_party_dialog_set_field (dialog, "phone", "0213 3 876 543");
  parties_press_add (dialog);
  g_assert_null (parties_open_dialog_or_null ());
  g_assert_true (ipd_dossier_editor_is_dirty (f->window->editor));
  /* not in the register before Save */
  first = ipd_store_load_party (f->store, first_id, NULL);
  g_assert_null (first->phone);
  g_clear_pointer (&first, ipd_party_unref);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->editor), "editor.remove-party", "u", 3));
  ipd_test_iterate (10);
  g_assert_cmpuint (parties_editor_rows (f), ==, 3);

  g_assert_true (activate (f, "win.save"));
  g_assert_false (ipd_window_is_editing (f->window));
  after = ipd_store_load_dossier (f->store, id, NULL);
  g_assert_cmpuint (after->parties->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (party_link (after, i)->party_id, ==, party_link (before, i)->party_id);
      g_assert_cmpstr (party_link (after, i)->role, ==, party_link (before, i)->role);
      g_assert_cmpint (party_link (after, i)->party_id, !=, last_id);
    }
  first = ipd_store_load_party (f->store, first_id, NULL);
  g_assert_cmpstr (first->phone, ==, "0213 3 876 543");
  g_assert_cmpstr (first->name, ==, party_link (before, 0)->party_name);
  /* the removed party is only unlinked, not deleted */
  g_clear_pointer (&first, ipd_party_unref);
  first = ipd_store_load_party (f->store, last_id, NULL);
  g_assert_nonnull (first);
}

/* A problem with the parties is shown on their group, and nothing is saved. */
static void
test_parties_problem_shown (Fixture *f, gconstpointer data)
{
  gint64 before = count_all (f);
  GtkWidget *problem = ipd_test_find_named (GTK_WIDGET (f->window->editor), "parties-problem");

  g_assert_true (activate (f, "win.new-dossier"));
  ipd_dossier_editor_set_field (f->window->editor, "name", "Chè Lan Hưng");
  add_party_from_register (f, "lan hung", "HTX Lan Hưng");
  add_party_from_register (f, "lan hung", "HTX Lan Hưng");
  g_assert_cmpuint (parties_editor_rows (f), ==, 2);
  /* both as applicant: the second defaults to representative, make it applicant */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->editor), "editor.edit-party", "u", 1));
  ipd_test_iterate (20);
  ipd_party_dialog_set_field (parties_open_dialog_or_null (), "role", "applicant");
  parties_press_add (parties_open_dialog_or_null ());

  g_assert_true (activate (f, "win.save"));
  g_assert_true (ipd_window_is_editing (f->window));
  g_assert_nonnull (strstr (ipd_dossier_editor_get_problem (f->window->editor, "parties"), "twice"));
  g_assert_true (gtk_widget_is_visible (problem));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (problem)), "HTX Lan Hưng"));
  g_assert_cmpint (count_all (f), ==, before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window->editor), "editor.remove-party", "u", 1));
  ipd_test_iterate (10);
  g_assert_false (gtk_widget_is_visible (problem));
  g_assert_true (activate (f, "win.save"));
  g_assert_false (ipd_window_is_editing (f->window));
  g_assert_cmpint (count_all (f), ==, before + 1);
}

int
main (int argc, char **argv)
{
  /* LANGUAGE=vi gives the Vietnamese screenshot; the checks of English
   * labels run in the untranslated (C) run only. */
  gboolean translated = ipd_test_init_gui (&argc, &argv);

  if (!translated)
    {
      g_test_add ("/window/lists-register", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_lists_register, fixture_tear_down);
      g_test_add ("/window/search-as-you-type", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_search_as_you_type, fixture_tear_down);
      g_test_add ("/window/filters-combine", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_filters_combine, fixture_tear_down);
      g_test_add ("/window/sort-by-header", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_sort_by_header, fixture_tear_down);
      g_test_add ("/window/selection-survives-refresh", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_selection_survives_refresh, fixture_tear_down);
      g_test_add ("/window/empty-register-offers-samples", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_empty_register_offers_samples, fixture_tear_down);
      g_test_add_func ("/window/open-error-is-shown", test_open_error_is_shown);
      g_test_add_func ("/window/opens-on-a-worker", test_opens_on_a_worker);
      g_test_add ("/window/create-each-kind", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_create_each_kind, fixture_tear_down);
      g_test_add ("/window/invalid-input-saves-nothing", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_invalid_input_saves_nothing, fixture_tear_down);
      g_test_add ("/window/column-widths-kept", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_column_widths_kept, fixture_tear_down);
      g_test_add ("/window/close-asks-for-changes", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_close_asks_for_changes, fixture_tear_down);
      g_test_add ("/window/mark-sample", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_mark_sample, fixture_tear_down);
      g_test_add ("/window/record-event", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_record_event, fixture_tear_down);
      g_test_add ("/window/edit-trash-undo-restore", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_edit_trash_undo_restore, fixture_tear_down);
      g_test_add ("/window/parties/home-province", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_parties_home_province, fixture_tear_down);
      g_test_add ("/window/parties/new-and-existing", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_parties_new_and_existing, fixture_tear_down);
      g_test_add ("/window/parties/duplicate-warning", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_parties_duplicate_warning, fixture_tear_down);
      g_test_add ("/window/parties/same-name-hint", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_parties_same_name_hint, fixture_tear_down);
      g_test_add ("/window/parties/cancel-saves-nothing", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_parties_cancel_saves_nothing, fixture_tear_down);
      g_test_add ("/window/parties/edit-and-remove", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_parties_edit_and_remove, fixture_tear_down);
      g_test_add ("/window/parties/problem-shown", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_parties_problem_shown, fixture_tear_down);
      g_test_add ("/window/page/history-in-words", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_page_history_in_words, fixture_tear_down);
      g_test_add ("/window/page/earlier-events", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_page_earlier_events, fixture_tear_down);
      g_test_add ("/window/events/edit", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_events_edit, fixture_tear_down);
      g_test_add ("/window/events/invalid-date-keeps-event", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_events_invalid_date_keeps_event, fixture_tear_down);
      g_test_add ("/window/events/delete-asks", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_events_delete_asks, fixture_tear_down);
      g_test_add ("/window/filters/commune", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_filters_commune, fixture_tear_down);
      g_test_add ("/window/filters/state-kept", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_filters_state_kept, fixture_tear_down);
    }
  g_test_add ("/window/screenshot", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_screenshot, fixture_tear_down);
  return g_test_run ();
}
