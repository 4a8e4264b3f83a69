/* test-window.c — the main window on a real register, under Xvfb
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ipd-demo.h"
#include "ipd-error.h"
#include "ipd-window.h"

typedef struct {
  char     *directory;
  IpdStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->directory = g_dir_make_tmp ("ipd-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->directory, "register.sqlite", NULL);
  f->store = ipd_store_open (path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autoptr(GFile) directory = g_file_new_for_path (f->directory);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  GFileInfo *info;

  g_clear_object (&f->store);
  while (children && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (directory, g_file_info_get_name (info));
      g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_rmdir (f->directory);
  g_free (f->directory);
}

static void
wait_until_drawn (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  /* Let layout and a frame happen. */
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_mapped (widget));
}

static GtkWidget *
find_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_status_page (child);
      if (found)
        return found;
    }
  return NULL;
}

static void
save_screenshot (GtkWidget *window, const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
test_window_shows_count (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  AdwStatusPage *page;

  g_assert_cmpint (ipd_demo_load (f->store, &error), ==, 11);
  g_assert_no_error (error);

  window = GTK_WIDGET (ipd_window_new (NULL, f->store, NULL));
  gtk_window_present (GTK_WINDOW (window));
  wait_until_drawn (window);

  page = ADW_STATUS_PAGE (find_status_page (window));
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "11 dossiers");
  g_assert_cmpstr (adw_status_page_get_description (page), ==, ipd_store_get_path (f->store));
  save_screenshot (window, "window-sample.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_loads_demo (Fixture *f, gconstpointer data)
{
  IpdQuery everything = { NULL };
  GtkWidget *window = GTK_WIDGET (ipd_window_new (NULL, f->store, NULL));
  AdwStatusPage *page;

  gtk_window_present (GTK_WINDOW (window));
  wait_until_drawn (window);
  page = ADW_STATUS_PAGE (find_status_page (window));
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "0 dossiers");

  g_assert_true (gtk_widget_activate_action (window, "win.load-demo", NULL));
  g_assert_cmpint (ipd_store_count_dossiers (f->store, &everything, NULL), ==, 11);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "11 dossiers");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_shows_open_error (void)
{
  g_autoptr(GError) error = g_error_new_literal (IPD_ERROR, IPD_ERROR_NEWER_VERSION, "written by a newer version");
  GtkWidget *window = GTK_WIDGET (ipd_window_new (NULL, NULL, error));
  AdwStatusPage *page;

  gtk_window_present (GTK_WINDOW (window));
  wait_until_drawn (window);
  page = ADW_STATUS_PAGE (find_status_page (window));
  g_assert_cmpstr (adw_status_page_get_description (page), ==, "written by a newer version");
  save_screenshot (window, "window-error.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/window/shows-count", Fixture, NULL, fixture_set_up, test_window_shows_count, fixture_tear_down);
  g_test_add ("/window/loads-demo", Fixture, NULL, fixture_set_up, test_window_loads_demo, fixture_tear_down);
  g_test_add_func ("/window/shows-open-error", test_window_shows_open_error);
  return g_test_run ();
}
