/* ipd-test-gui.c — what the display tests share: the main loop, windows, widgets
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ipd-i18n.h"
#include "ipd-test-gui.h"

/* Runs @n iterations of the main loop without waiting. */
void
ipd_test_iterate (guint n)
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
void
ipd_test_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, time_is_up, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Shows @window and waits until it is mapped and has a size. */
void
ipd_test_present (GtkWindow *window)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_window_present (window);
  while ((!gtk_widget_get_mapped (GTK_WIDGET (window)) || gtk_widget_get_width (GTK_WIDGET (window)) == 0)
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  ipd_test_wait_ms (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
}

/* The first widget under @widget (itself included) named @name, or NULL. */
GtkWidget *
ipd_test_find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ipd_test_find_named (child, name);
      if (found)
        return found;
    }
  return NULL;
}

/* The widget under @widget named @name; the test stops when there is none. */
GtkWidget *
ipd_test_get_named (GtkWidget *widget, const char *name)
{
  GtkWidget *found = ipd_test_find_named (widget, name);

  if (found == NULL)
    g_error ("no widget named “%s”", name);
  return found;
}

/* Appends the text of every label under @widget to @text, one per line. */
void
ipd_test_collect_labels (GtkWidget *widget, GString *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    ipd_test_collect_labels (child, text);
}

/* Renders @window to @name (a PNG) in the build directory, to look at. */
void
ipd_test_save_screenshot (GtkWidget *window, const char *name)
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

/* The first visible toplevel window of @type, or NULL: a dialog the code
 * under test opened. */
GtkWindow *
ipd_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

/**
 * ipd_test_init_gui:
 *
 * Sets up a display test: the locale and the catalogue of the build tree
 * (IPD_LOCALEDIR), GTK and libadwaita.
 *
 * Returns: whether the test runs translated (LANGUAGE other than C): the
 *   checks of English labels then stay out.
 */
gboolean
ipd_test_init_gui (int *argc, char ***argv)
{
  const char *language = g_getenv ("LANGUAGE");

  ipd_i18n_init ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return language != NULL && !g_str_equal (language, "C");
}
