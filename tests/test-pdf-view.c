/* test-pdf-view.c — the built-in PDF viewer on PDFs the test makes itself
 *
 * Display tests (suite gui): the viewer in its own window, rendering on
 * its worker while the main loop stays free, zoom, page entry, search
 * with Vietnamese folding, rotation, selection and copy, passwords,
 * broken files, a 1 000-page file, printing; screenshots to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ipd-pdf-document.h"
#include "ipd-pdf-page.h"
#include "ipd-pdf-page-column.h"
#include "ipd-pdf-surface-pool.h"
#include "ipd-pdf-texture-cache.h"
#include "ipd-pdf-view.h"
#include "ipd-test-gui.h"
#include "ipd-test-pdf.h"

/* ---- the main loop's longest gap ---- */

typedef struct {
  gint64 last;
  gint64 max_gap;
  guint  ticks;
  guint  id;
} GapProbe;

static gboolean
probe_tick (gpointer data)
{
  GapProbe *probe = data;
  gint64 now = g_get_monotonic_time ();

  if (probe->last != 0)
    probe->max_gap = MAX (probe->max_gap, now - probe->last);
  probe->last = now;
  probe->ticks++;
  return G_SOURCE_CONTINUE;
}

/* A timeout every 2 ms records how late the main loop comes back to it. */
static void
probe_start (GapProbe *probe)
{
  *probe = (GapProbe) { 0 };
  /* counted from now: the caller's own blocking work is a gap too */
  probe->last = g_get_monotonic_time ();
  probe->id = g_timeout_add_full (G_PRIORITY_DEFAULT, 2, probe_tick, probe, NULL);
}

static double
probe_stop (GapProbe *probe)
{
  g_clear_handle_id (&probe->id, g_source_remove);
  g_test_message ("(%u ticks)", probe->ticks);
  return probe->max_gap / 1000.0;
}

/* ---- helpers ---- */

typedef gboolean (*Condition) (IpdPdfView *view, gpointer data);

/* Runs the main loop until @condition holds; fails after @ms. */
static void
wait_for (IpdPdfView *view, Condition condition, gpointer data, guint ms, const char *what)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (!condition (view, data))
    {
      if (g_get_monotonic_time () > end)
        g_error ("timed out waiting for %s (state %s)", what, ipd_pdf_view_get_state (view));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
}

static gboolean
page_rendered (IpdPdfView *view, gpointer data)
{
  return ipd_pdf_view_is_page_rendered (view, GPOINTER_TO_INT (data));
}

static gboolean
in_state (IpdPdfView *view, gpointer data)
{
  return g_strcmp0 (ipd_pdf_view_get_state (view), data) == 0;
}

static gboolean
search_finished (IpdPdfView *view, gpointer data)
{
  return ipd_pdf_view_get_search_finished (view);
}

typedef struct {
  GtkWindow  *window;
  IpdPdfView *view;
} Viewer;

static void
viewer_open (Viewer *v, GBytes *bytes, const char *name)
{
  v->window = ipd_pdf_view_window_new (NULL, bytes, name);
  gtk_window_set_default_size (v->window, 900, 900);
  v->view = IPD_PDF_VIEW (ipd_test_get_named (GTK_WIDGET (v->window), "pdf-view"));
  ipd_test_present (v->window);
}

static void
viewer_close (Viewer *v)
{
  gtk_window_destroy (v->window);
  ipd_test_iterate (50);
}

/* ---- the pages with a widget ---- */

static void
collect_made_pages (GtkWidget *widget, GHashTable *made)
{
  if (IPD_IS_PDF_PAGE (widget) && IPD_IS_PDF_PAGE_COLUMN (gtk_widget_get_parent (widget)))
    g_hash_table_insert (made, GINT_TO_POINTER (ipd_pdf_page_get_index (IPD_PDF_PAGE (widget))), widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_made_pages (child, made);
}

/* Page index → its widget, for the pages (not thumbnails) that have one,
 * once the view has settled: found in the widget tree, not asked of the
 * view (which makes them). */
static GHashTable *
made_pages (IpdPdfView *view)
{
  GHashTable *made = g_hash_table_new (NULL, NULL);

  ipd_test_wait_ms (100);   /* the widgets made last laid out */
  collect_made_pages (GTK_WIDGET (view), made);
  return made;
}

static gboolean
is_made (GHashTable *made, int page)
{
  return g_hash_table_contains (made, GINT_TO_POINTER (page));
}

/* Each page with a widget is centred across its column, and one page
 * under the next, 12 pixels apart. */
static void
assert_pages_placed (GHashTable *made)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (made), >, 0);
  g_hash_table_iter_init (&iter, made);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *page = value, *column = gtk_widget_get_parent (page);
      GtkWidget *next = g_hash_table_lookup (made, GINT_TO_POINTER (GPOINTER_TO_INT (key) + 1));
      graphene_rect_t bounds, next_bounds;

      g_assert_true (gtk_widget_compute_bounds (page, column, &bounds));
      g_assert_cmpfloat (fabs (bounds.origin.x - (gtk_widget_get_width (column) - bounds.size.width) / 2), <=, 1);
      if (GPOINTER_TO_INT (key) == 0)
        g_assert_cmpfloat (bounds.origin.y, ==, 12);
      if (next == NULL)
        continue;
      g_assert_true (gtk_widget_compute_bounds (next, column, &next_bounds));
      g_assert_cmpfloat (next_bounds.origin.y, ==, bounds.origin.y + bounds.size.height + 12);
    }
}

static void
page_widget_size (IpdPdfView *view, int page, int *width, int *height)
{
  ipd_pdf_page_get_pixel_size (IPD_PDF_PAGE (ipd_pdf_view_get_page_widget (view, page)), width, height);
}

/* The box of the dark pixels of @data (ARGB32, premultiplied), or an
 * empty box. */
static cairo_rectangle_int_t
dark_box (const guint8 *data, int width, int height, int stride)
{
  int x1 = width, y1 = height, x2 = -1, y2 = -1;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = ((const guint32 *) (data + (gsize) y * stride))[x];
        int grey = (((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff)) / 3;

        if (grey < 128)
          x1 = MIN (x1, x), y1 = MIN (y1, y), x2 = MAX (x2, x), y2 = MAX (y2, y);
      }
  return x2 < 0 ? (cairo_rectangle_int_t) { 0 } : (cairo_rectangle_int_t) { x1, y1, x2 - x1 + 1, y2 - y1 + 1 };
}

/* What page @page shows on screen is where the document's own render of
 * it has ink, to a few pixels: a page drawn from part of its rendering
 * (ipd-pdf-renderer.c) is put back in its place. */
static void
assert_page_shows_render (IpdPdfView *view, GtkWindow *window, GBytes *pdf, int page, int rotation)
{
  GtkWidget *widget = ipd_pdf_view_get_page_widget (view, page);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(IpdPdfDocument) doc = ipd_pdf_document_new_from_bytes (pdf, NULL, NULL, NULL);
  g_autofree guint8 *shown = g_malloc ((gsize) w * h * 4);
  cairo_surface_t *render;
  cairo_rectangle_int_t on_screen, rendered;
  double width_points = rotation % 180 ? IPD_TEST_PDF_HEIGHT : IPD_TEST_PDF_WIDTH;

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  gdk_texture_download (texture, shown, (gsize) w * 4);
  on_screen = dark_box (shown, w, h, w * 4);
  render = ipd_pdf_document_render_page (doc, page, w / width_points, rotation, NULL, NULL);
  g_assert_nonnull (render);
  rendered = dark_box (cairo_image_surface_get_data (render), cairo_image_surface_get_width (render),
                       cairo_image_surface_get_height (render), cairo_image_surface_get_stride (render));
  cairo_surface_destroy (render);
  g_test_message ("page %d: ink on screen at %d,%d %d×%d, in the render at %d,%d %d×%d", page + 1,
                  on_screen.x, on_screen.y, on_screen.width, on_screen.height,
                  rendered.x, rendered.y, rendered.width, rendered.height);
  g_assert_cmpint (rendered.width, >, 0);
  g_assert_cmpint (abs (on_screen.x - rendered.x), <=, 3);
  g_assert_cmpint (abs (on_screen.y - rendered.y), <=, 3);
  g_assert_cmpint (abs (on_screen.width - rendered.width), <=, 4);
  g_assert_cmpint (abs (on_screen.height - rendered.height), <=, 4);
}

/* ipd_test_save_screenshot, waiting for a frame when the window has
 * nothing to show yet (a layout pending right after a change). */
static void
save_screenshot (GtkWindow *window, const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  int width = gtk_widget_get_width (GTK_WIDGET (window)), height = gtk_widget_get_height (GTK_WIDGET (window));

  for (int attempt = 0; attempt < 40; attempt++)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        {
          ipd_test_wait_ms (50);
          continue;
        }
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                             &GRAPHENE_RECT_INIT (0, 0, width, height));
      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_test_message ("screenshot: %s", path);
      return;
    }
  g_error ("nothing to take a screenshot of in %s", name);
}

/* ---- the cases ---- */

static void
test_open_text (void)
{
  g_autoptr(GBytes) pdf = ipd_test_pdf_text (3);
  g_autofree char *title = NULL;
  Viewer v;
  GapProbe probe;
  int w, h;

  probe_start (&probe);
  viewer_open (&v, pdf, "đơn-đăng-ký.pdf");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1");
  g_test_message ("page 1 shown %.1f ms after the load; max main-loop gap %.1f ms",
                  ipd_pdf_view_get_first_page_time (v.view) / 1000.0, probe_stop (&probe));
  g_assert_cmpstr (ipd_pdf_view_get_state (v.view), ==, "document");
  g_assert_cmpint (ipd_pdf_view_get_n_pages (v.view), ==, 3);
  g_assert_cmpstr (gtk_window_get_title (v.window), ==, "đơn-đăng-ký.pdf");
  /* fit width by default: the page fills the viewport's width but the margins */
  page_widget_size (v.view, 0, &w, &h);
  g_assert_cmpint (w, >, 600);
  g_assert_cmpfloat (fabs ((double) h / w - IPD_TEST_PDF_HEIGHT / IPD_TEST_PDF_WIDTH), <, 0.01);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (ipd_test_get_named (GTK_WIDGET (v.view), "pdf-n-pages"))), ==, "/ 3");
  /* narrow enough for the dossier page beside the register */
  {
    int minimum, natural;
    gtk_widget_measure (GTK_WIDGET (v.view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
    g_test_message ("the view's minimum width: %d px", minimum);
    g_assert_cmpint (minimum, <=, 480);
  }
  ipd_test_wait_ms (200);
  assert_page_shows_render (v.view, v.window, pdf, 0, 0);
  save_screenshot (v.window, "pdf-view-open.png");
  viewer_close (&v);
}


static gboolean
page_is (IpdPdfView *view, gpointer data)
{
  return ipd_pdf_view_get_current_page (view) == GPOINTER_TO_INT (data);
}

/* Zoom in, out, fit: the page widgets follow in proportion. */
static void
test_zoom (void)
{
  g_autoptr(GBytes) pdf = ipd_test_pdf_text (3);
  Viewer v;
  int w0, h0, w1, h1, w2, h2;
  double z0;

  viewer_open (&v, pdf, "zoom.pdf");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1");
  ipd_test_wait_ms (50);
  z0 = ipd_pdf_view_get_zoom (v.view);
  page_widget_size (v.view, 0, &w0, &h0);

  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.zoom-in", NULL);
  page_widget_size (v.view, 0, &w1, &h1);
  g_assert_cmpfloat (fabs (ipd_pdf_view_get_zoom (v.view) / z0 - 1.2), <, 0.001);
  g_assert_cmpfloat (fabs ((double) w1 / w0 - 1.2), <, 0.01);
  g_assert_cmpfloat (fabs ((double) h1 / h0 - 1.2), <, 0.01);
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1 zoomed in");
  ipd_test_wait_ms (100);
  /* wider than the viewport: the middle of the page stays in the middle */
  {
    GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (
      GTK_SCROLLED_WINDOW (ipd_test_get_named (GTK_WIDGET (v.view), "pdf-scroller")));
    double middle = gtk_adjustment_get_value (h) + gtk_adjustment_get_page_size (h) / 2;
    g_assert_cmpfloat (gtk_adjustment_get_upper (h), >, gtk_adjustment_get_page_size (h));
    g_assert_cmpfloat (fabs (middle - gtk_adjustment_get_upper (h) / 2), <, 3);
  }
  save_screenshot (v.window, "pdf-view-zoom-in.png");

  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.zoom-out", NULL);
  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.zoom-out", NULL);
  page_widget_size (v.view, 0, &w2, &h2);
  g_assert_cmpfloat (fabs ((double) w2 / w0 - 1 / 1.2), <, 0.01);
  g_assert_cmpfloat (fabs ((double) h2 / h0 - 1 / 1.2), <, 0.01);

  /* 100 %: a point is 96/72 pixels */
  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.zoom-reset", NULL);
  page_widget_size (v.view, 0, &w1, &h1);
  g_assert_cmpint (w1, ==, (int) round (IPD_TEST_PDF_WIDTH * 96 / 72));
  g_assert_cmpint (h1, ==, (int) round (IPD_TEST_PDF_HEIGHT * 96 / 72));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (ipd_test_get_named (GTK_WIDGET (v.view), "pdf-zoom"))),
                   ==, "100 %");

  /* a whole page in the viewport */
  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.fit-page", NULL);
  page_widget_size (v.view, 0, &w1, &h1);
  g_assert_cmpint (h1, <=, gtk_widget_get_height (ipd_test_get_named (GTK_WIDGET (v.view), "pdf-scroller")));
  g_assert_cmpint (h1, >, 300);

  /* back to the width */
  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.fit-width", NULL);
  page_widget_size (v.view, 0, &w1, &h1);
  g_assert_cmpint (w1, ==, w0);

  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1 again");
  viewer_close (&v);
}

/* The page number entry: type a number, Enter, the page comes. */
static void
test_page_entry (void)
{
  g_autoptr(GBytes) pdf = ipd_test_pdf_text (50);
  GtkWidget *entry;
  Viewer v;

  viewer_open (&v, pdf, "fifty.pdf");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1");
  entry = ipd_test_get_named (GTK_WIDGET (v.view), "pdf-page-entry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "1");
  gtk_editable_set_text (GTK_EDITABLE (entry), "30");
  g_signal_emit_by_name (entry, "activate");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (29), 10000, "page 30");
  ipd_test_wait_ms (100);
  g_assert_cmpint (ipd_pdf_view_get_current_page (v.view), ==, 29);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "30");
  g_assert_false (ipd_pdf_view_is_page_rendered (v.view, 0));

  /* nonsense changes nothing */
  gtk_editable_set_text (GTK_EDITABLE (entry), "abc");
  g_signal_emit_by_name (entry, "activate");
  ipd_test_wait_ms (50);
  g_assert_cmpint (ipd_pdf_view_get_current_page (v.view), ==, 29);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "30");

  /* keyboard: End, Home, Page Down */
  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.last-page", NULL);
  wait_for (v.view, page_rendered, GINT_TO_POINTER (49), 10000, "the last page");
  wait_for (v.view, page_is, GINT_TO_POINTER (49), 2000, "current page 50");
  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.first-page", NULL);
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1 again");
  wait_for (v.view, page_is, GINT_TO_POINTER (0), 2000, "current page 1");
  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.scroll-page", "i", 1);
  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.scroll-page", "i", 1);
  wait_for (v.view, page_is, GINT_TO_POINTER (1), 2000, "current page 2 after Page Down");
  viewer_close (&v);
}

/* "quoc" finds "Quốc" (page 2 twice, page 3 once); Enter steps through. */
static void
test_search (void)
{
  g_autoptr(GBytes) pdf = ipd_test_pdf_text (3);
  GtkWidget *label;
  int page = -1;
  Viewer v;

  viewer_open (&v, pdf, "search.pdf");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1");
  ipd_pdf_view_search (v.view, "quoc");
  wait_for (v.view, search_finished, NULL, 10000, "the search");
  label = ipd_test_get_named (GTK_WIDGET (v.view), "pdf-match-label");
  g_assert_cmpint (ipd_pdf_view_get_n_matches (v.view), ==, 3);
  g_assert_cmpint (ipd_pdf_view_get_current_match (v.view, &page), ==, 0);
  g_assert_cmpint (page, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "1 of 3");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (1), 10000, "page 2");
  ipd_test_wait_ms (100);
  save_screenshot (v.window, "pdf-view-search.png");

  /* Enter: the next; Shift+Enter: back */
  g_signal_emit_by_name (ipd_test_get_named (GTK_WIDGET (v.view), "pdf-search-entry"), "activate");
  g_signal_emit_by_name (ipd_test_get_named (GTK_WIDGET (v.view), "pdf-search-entry"), "activate");
  g_assert_cmpint (ipd_pdf_view_get_current_match (v.view, &page), ==, 2);
  g_assert_cmpint (page, ==, 2);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "3 of 3");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (2), 10000, "page 3");
  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.find-next", NULL);
  g_assert_cmpint (ipd_pdf_view_get_current_match (v.view, &page), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.find-previous", NULL);
  g_assert_cmpint (ipd_pdf_view_get_current_match (v.view, &page), ==, 2);

  /* "dang ky" finds "ĐĂNG KÝ" and the "đăng" / "ký" split over two lines */
  ipd_pdf_view_search (v.view, "dang ky");
  wait_for (v.view, search_finished, NULL, 10000, "the second search");
  g_assert_cmpint (ipd_pdf_view_get_n_matches (v.view), ==, 2);

  ipd_pdf_view_search (v.view, "không có đâu");
  wait_for (v.view, search_finished, NULL, 10000, "a search for nothing");
  g_assert_cmpint (ipd_pdf_view_get_n_matches (v.view), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "No matches");
  viewer_close (&v);
}

static void
test_rotate (void)
{
  g_autoptr(GBytes) pdf = ipd_test_pdf_text (3);
  Viewer v;
  int w0, h0, w1, h1;

  viewer_open (&v, pdf, "rotate.pdf");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1");
  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.zoom-reset", NULL);
  page_widget_size (v.view, 0, &w0, &h0);
  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.rotate", "i", 90);
  g_assert_cmpint (ipd_pdf_view_get_rotation (v.view), ==, 90);
  page_widget_size (v.view, 0, &w1, &h1);
  g_assert_cmpint (w1, ==, h0);
  g_assert_cmpint (h1, ==, w0);
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1 turned");
  ipd_test_wait_ms (100);
  assert_page_shows_render (v.view, v.window, pdf, 0, 90);
  save_screenshot (v.window, "pdf-view-rotated.png");
  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.rotate", "i", -90);
  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.rotate", "i", -90);
  g_assert_cmpint (ipd_pdf_view_get_rotation (v.view), ==, 270);
  viewer_close (&v);
}

static void
on_clipboard_text (GObject *source, GAsyncResult *result, gpointer data)
{
  *(char **) data = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*(char **) data == NULL)
    *(char **) data = g_strdup ("");
}

static char *
read_clipboard (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_clipboard_text, &text);
  while (text == NULL)
    g_main_context_iteration (NULL, TRUE);
  return text;
}

static gboolean
has_selection_region (IpdPdfView *view, gpointer data)
{
  cairo_region_t *region = ipd_pdf_page_get_selection_region (IPD_PDF_PAGE (ipd_pdf_view_get_page_widget (view, GPOINTER_TO_INT (data))));

  return region != NULL && !cairo_region_is_empty (region);
}

/* A rectangle over a line of page 2, copied. */
static void
test_copy (void)
{
  g_autoptr(GBytes) pdf = ipd_test_pdf_text (3);
  cairo_rectangle_t area = {
    IPD_TEST_PDF_LEFT - 4, IPD_TEST_PDF_TOP - IPD_TEST_PDF_FONT - 4, 460, IPD_TEST_PDF_FONT + 12
  };
  g_autofree char *text = NULL;
  Viewer v;

  viewer_open (&v, pdf, "copy.pdf");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1");
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (v.view)), "before");
  ipd_pdf_view_select_area (v.view, 1, &area);
  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.copy", NULL);
  ipd_test_wait_ms (300);
  text = read_clipboard (GTK_WIDGET (v.view));
  g_test_message ("copied: %s", text);
  g_assert_nonnull (strstr (text, "Phú Quốc"));
  g_assert_null (strstr (text, "Nước mắm"));

  /* the selection is drawn over the page: where its text lies, inside
   * the rectangle dragged */
  ipd_pdf_view_set_current_page (v.view, 1);
  wait_for (v.view, page_rendered, GINT_TO_POINTER (1), 10000, "page 2");
  wait_for (v.view, has_selection_region, GINT_TO_POINTER (1), 10000, "the selected text's place");
  {
    cairo_region_t *region = ipd_pdf_page_get_selection_region (IPD_PDF_PAGE (ipd_pdf_view_get_page_widget (v.view, 1)));
    cairo_rectangle_int_t extents;
    cairo_region_get_extents (region, &extents);
    g_assert_cmpint (extents.x, >=, area.x - 1);
    g_assert_cmpint (extents.y, >=, area.y - 1);
    g_assert_cmpint (extents.x + extents.width, <=, area.x + area.width + 1);
    g_assert_cmpint (extents.y + extents.height, <=, area.y + area.height + 1);
    g_assert_cmpint (extents.width, >, 100);
  }
  ipd_test_wait_ms (100);
  save_screenshot (v.window, "pdf-view-selection.png");

  /* a click elsewhere (an empty selection) copies nothing */
  ipd_pdf_view_select_area (v.view, 1, NULL);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (v.view)), "unchanged");
  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.copy", NULL);
  ipd_test_wait_ms (200);
  g_free (text);
  text = read_clipboard (GTK_WIDGET (v.view));
  g_assert_cmpstr (text, ==, "unchanged");
  viewer_close (&v);
}

static gboolean
password_refused (IpdPdfView *view, gpointer data)
{
  GtkWidget *error = ipd_test_get_named (GTK_WIDGET (view), "pdf-password-error");

  return in_state (view, (gpointer) "password") && gtk_widget_get_visible (error);
}

/* An encrypted file asks; a wrong password says so and asks again. */
static void
test_password (void)
{
  g_autoptr(GBytes) plain = ipd_test_pdf_text (3);
  g_autoptr(GBytes) pdf = NULL;
  GtkWidget *entry, *error;
  Viewer v;

  if (!ipd_test_pdf_have_qpdf ())
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  pdf = ipd_test_pdf_encrypt (plain, "secret", "owner");
  g_assert_nonnull (pdf);
  viewer_open (&v, pdf, "locked.pdf");
  wait_for (v.view, in_state, (gpointer) "password", 10000, "the password prompt");
  entry = ipd_test_get_named (GTK_WIDGET (v.view), "pdf-password-entry");
  error = ipd_test_get_named (GTK_WIDGET (v.view), "pdf-password-error");
  g_assert_false (gtk_widget_get_visible (error));
  ipd_test_wait_ms (100);
  save_screenshot (v.window, "pdf-view-password.png");

  gtk_editable_set_text (GTK_EDITABLE (entry), "wrong");
  g_signal_emit_by_name (ipd_test_get_named (GTK_WIDGET (v.view), "pdf-unlock-button"), "clicked");
  wait_for (v.view, password_refused, NULL, 10000, "the wrong password refused");
  g_test_message ("wrong password: %s", gtk_label_get_text (GTK_LABEL (error)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), !=, "");
  ipd_test_wait_ms (100);
  save_screenshot (v.window, "pdf-view-wrong-password.png");

  gtk_editable_set_text (GTK_EDITABLE (entry), "secret");
  g_signal_emit_by_name (entry, "activate");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1 unlocked");
  g_assert_cmpint (ipd_pdf_view_get_n_pages (v.view), ==, 3);
  viewer_close (&v);
}

/* Empty, truncated, random and not-PDF files: a message, and the copy
 * can still be saved. */
static void
test_broken (void)
{
  g_autoptr(GBytes) good = ipd_test_pdf_text (3);
  struct { const char *name; GBytes *bytes; } files[] = {
    { "empty.pdf", g_bytes_new (NULL, 0) },
    { "truncated.pdf", ipd_test_pdf_truncated (good) },
    { "random.pdf", ipd_test_pdf_random (4096, 7) },
    { "picture.pdf", ipd_test_pdf_png () },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      Viewer v;
      GtkWidget *page, *button;
      GapProbe probe;

      probe_start (&probe);
      viewer_open (&v, files[i].bytes, files[i].name);
      wait_for (v.view, in_state, (gpointer) "error", 10000, files[i].name);
      page = ipd_test_get_named (GTK_WIDGET (v.view), "pdf-error-page");
      button = ipd_test_get_named (GTK_WIDGET (v.view), "pdf-save-copy-button");
      g_test_message ("%s: %s (max main-loop gap %.1f ms)", files[i].name,
                      adw_status_page_get_description (ADW_STATUS_PAGE (page)), probe_stop (&probe));
      g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), !=, "");
      g_assert_true (gtk_widget_is_sensitive (button));
      g_assert_true (gtk_widget_get_mapped (button));
      if (i == 0)
        ipd_test_wait_ms (100);
      if (i == 0)
        save_screenshot (v.window, "pdf-view-broken.png");
      viewer_close (&v);
      g_bytes_unref (files[i].bytes);
    }
}

static gboolean
thumbnail_rendered (IpdPdfView *view, gpointer data)
{
  GtkWidget *thumb = ipd_pdf_view_get_thumbnail_widget (view, GPOINTER_TO_INT (data));

  return thumb != NULL && ipd_pdf_page_is_rendered (IPD_PDF_PAGE (thumb));
}

static gboolean
settled (IpdPdfView *view, gpointer data)
{
  const char *state = ipd_pdf_view_get_state (view);

  return g_str_equal (state, "error") || g_str_equal (state, "password")
         || (g_str_equal (state, "document")
             && (ipd_pdf_view_get_n_pages (view) == 0 || ipd_pdf_view_is_page_rendered (view, 0)
                 || ipd_pdf_view_is_page_failed (view, 0)));
}

/* Cut and bent files one after the other in the same viewer: each ends
 * shown, with a failed page saying so, or as a message; never a crash,
 * never a wait. */
static void
test_mutations (void)
{
  g_autoptr(GBytes) pdf = ipd_test_pdf_text (3);
  gsize size = g_bytes_get_size (pdf);
  GRand *rand = g_rand_new_with_seed (2026);
  int shown = 0, failed_pages = 0, refused = 0;
  GapProbe probe;
  double gap;
  Viewer v;

  viewer_open (&v, pdf, "mutations.pdf");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1");
  probe_start (&probe);
  for (int round = 0; round < 60; round++)
    {
      g_autoptr(GBytes) bytes = NULL;

      if (round < 20)
        bytes = g_bytes_new_from_bytes (pdf, 0, size * (round + 1) / 21);
      else
        {
          guint8 *copy = g_memdup2 (g_bytes_get_data (pdf, NULL), size);
          for (int k = 0; k < 1 + round % 8; k++)
            copy[g_rand_int_range (rand, 0, (gint32) size)] = (guint8) g_rand_int_range (rand, 0, 256);
          bytes = g_bytes_new_take (copy, size);
        }
      ipd_pdf_view_load_bytes (v.view, bytes, "mutation.pdf");
      wait_for (v.view, settled, NULL, 10000, "a mutation shown");
      if (g_str_equal (ipd_pdf_view_get_state (v.view), "document"))
        {
          shown++;
          failed_pages += ipd_pdf_view_is_page_failed (v.view, 0);
          /* the rest of the file too: search it, turn it */
          ipd_pdf_view_search (v.view, "quoc");
          wait_for (v.view, search_finished, NULL, 10000, "a search in a mutation");
          gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.last-page", NULL);
          ipd_test_iterate (20);
        }
      else
        refused++;
    }
  gap = probe_stop (&probe);
  g_test_message ("60 cut and bent files: %d shown (%d with page 1 failed), %d refused; max main-loop gap %.1f ms",
                  shown, failed_pages, refused, gap);
  g_assert_cmpint (refused, >, 0);
  g_assert_cmpint (shown, >, 0);
  g_assert_cmpfloat (gap, <, 500);
  g_rand_free (rand);

  /* a page that cannot be drawn says so, and is not asked for again */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ipd_test_get_named (GTK_WIDGET (v.view), "pdf-search-button")),
                                FALSE);
  ipd_pdf_view_load_bytes (v.view, pdf, "mutations.pdf");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1 of the good file");
  ipd_pdf_page_set_texture (IPD_PDF_PAGE (ipd_pdf_view_get_page_widget (v.view, 0)), NULL, 0, 0);
  ipd_pdf_page_set_failed (IPD_PDF_PAGE (ipd_pdf_view_get_page_widget (v.view, 0)));
  g_assert_true (ipd_pdf_view_is_page_failed (v.view, 0));
  ipd_test_wait_ms (300);
  g_assert_false (ipd_pdf_view_is_page_rendered (v.view, 0));
  save_screenshot (v.window, "pdf-view-failed-page.png");
  /* at another zoom it is tried again */
  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.zoom-in", NULL);
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1 at another zoom");
  g_assert_false (ipd_pdf_view_is_page_failed (v.view, 0));
  viewer_close (&v);
}

/* A 1 000-page file shows page 1 at once, and scrolling never blocks the
 * main loop. */
static void
assert_few_pages_made (IpdPdfView *view)
{
  GHashTable *made = made_pages (view);

  g_test_message ("%u pages with a widget", g_hash_table_size (made));
  g_assert_cmpuint (g_hash_table_size (made), <, 40);
  g_assert_true (is_made (made, ipd_pdf_view_get_current_page (view)));
  assert_pages_placed (made);
  g_hash_table_unref (made);
}

static void
test_large (void)
{
  g_autoptr(GBytes) pdf = ipd_test_pdf_text (1000);
  GtkAdjustment *adj;
  Viewer v;
  GapProbe probe;
  double load_gap, scroll_gap;
  gint64 start;

  viewer_open (&v, pdf, "thousand.pdf");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 20000, "page 1");
  /* again in a window already on screen, for the figures */
  probe_start (&probe);
  start = g_get_monotonic_time ();
  ipd_pdf_view_load_bytes (v.view, pdf, "thousand.pdf");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 20000, "page 1");
  load_gap = probe_stop (&probe);
  g_test_message ("1 000 pages: page 1 shown after %.1f ms (worker's count %.1f ms); max main-loop gap %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0,
                  ipd_pdf_view_get_first_page_time (v.view) / 1000.0, load_gap);
  g_assert_cmpint (ipd_pdf_view_get_n_pages (v.view), ==, 1000);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  assert_few_pages_made (v.view);

  /* scroll through a hundred pages, a bit at a time */
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (ipd_test_get_named (GTK_WIDGET (v.view), "pdf-scroller")));
  probe_start (&probe);
  for (int i = 0; i < 100; i++)
    {
      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + 400);
      ipd_test_wait_ms (10);
    }
  g_test_message ("scrolled to %.0f of %.0f", gtk_adjustment_get_value (adj), gtk_adjustment_get_upper (adj));
  wait_for (v.view, page_rendered, GINT_TO_POINTER (ipd_pdf_view_get_current_page (v.view)), 10000, "the page scrolled to");
  scroll_gap = probe_stop (&probe);
  g_test_message ("scrolling to page %d: max main-loop gap %.1f ms", ipd_pdf_view_get_current_page (v.view) + 1,
                  scroll_gap);
  g_assert_cmpfloat (scroll_gap, <, 200);
  g_assert_cmpfloat (load_gap, <, 200);
  /* only the pages near the viewport keep a rendering, or a widget */
  g_assert_cmpint (ipd_pdf_view_get_n_rendered (v.view), <, 30);
  assert_few_pages_made (v.view);

  /* a fling over 300 pages: those only passed by are dropped, not rendered */
  {
    guint n0, n1;
    gint64 usec, cpu;
    int from = ipd_pdf_view_get_current_page (v.view), to;

    ipd_pdf_view_get_render_stats (v.view, &n0, &usec, &cpu);
    for (int i = 0; i < 100; i++)
      {
        gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + 3 * 1200);
        ipd_test_iterate (5);
      }
    to = ipd_pdf_view_get_current_page (v.view);
    wait_for (v.view, page_rendered, GINT_TO_POINTER (to), 10000, "the page flung to");
    ipd_test_wait_ms (200);
    ipd_pdf_view_get_render_stats (v.view, &n1, &usec, &cpu);
    g_test_message ("fling from page %d to %d: %u pages rendered", from + 1, to + 1, n1 - n0);
    g_assert_cmpint (to - from, >, 250);
    g_assert_cmpint (n1 - n0, <, (to - from) / 2);
  }

  /* a thousand thumbnails come in pieces, the main loop free meanwhile */
  probe_start (&probe);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ipd_test_get_named (GTK_WIDGET (v.view), "pdf-thumbnails-button")),
                                TRUE);
  wait_for (v.view, thumbnail_rendered, GINT_TO_POINTER (ipd_pdf_view_get_current_page (v.view)), 10000,
            "the current page's thumbnail");
  ipd_test_wait_ms (500);
  g_assert_nonnull (ipd_pdf_view_get_thumbnail_widget (v.view, 999));
  scroll_gap = probe_stop (&probe);
  g_test_message ("1 000 thumbnails: max main-loop gap %.1f ms", scroll_gap);
  g_assert_cmpfloat (scroll_gap, <, 200);

  gtk_widget_activate_action (GTK_WIDGET (v.view), "pdf.last-page", NULL);
  wait_for (v.view, page_rendered, GINT_TO_POINTER (999), 10000, "page 1 000");
  wait_for (v.view, thumbnail_rendered, GINT_TO_POINTER (999), 10000, "thumbnail 1 000");
  ipd_test_wait_ms (100);
  save_screenshot (v.window, "pdf-view-last-page.png");
  viewer_close (&v);
}

/* Only the pages near the viewport have a widget, in their place: a page
 * whose widget is made later shows its search match, and the page with
 * the selection keeps its widget. */
static void
test_page_widgets (void)
{
  g_autoptr(GBytes) pdf = ipd_test_pdf_text (50);
  GHashTable *made;
  Viewer v;

  viewer_open (&v, pdf, "widgets.pdf");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1");
  made = made_pages (v.view);
  g_test_message ("%u of 50 pages with a widget at the top", g_hash_table_size (made));
  g_assert_cmpuint (g_hash_table_size (made), <, 20);
  g_assert_true (is_made (made, 0));
  g_assert_false (is_made (made, 39));
  assert_pages_placed (made);
  g_hash_table_unref (made);

  ipd_pdf_view_select_area (v.view, 1, &(cairo_rectangle_t) { 40, 60, 300, 120 });
  ipd_pdf_view_search (v.view, "trang 40");
  wait_for (v.view, search_finished, NULL, 10000, "the search");
  g_assert_cmpint (ipd_pdf_view_get_n_matches (v.view), ==, 1);
  wait_for (v.view, page_rendered, GINT_TO_POINTER (39), 10000, "page 40, where the match is");
  made = made_pages (v.view);
  g_assert_true (is_made (made, 39));
  g_assert_cmpuint (ipd_pdf_page_get_n_matches (g_hash_table_lookup (made, GINT_TO_POINTER (39))), ==, 1);
  g_assert_false (is_made (made, 0));
  g_assert_true (is_made (made, 1));   /* the selection's */
  g_assert_true (ipd_pdf_page_get_selection (g_hash_table_lookup (made, GINT_TO_POINTER (1)), NULL));
  assert_pages_placed (made);
  g_hash_table_unref (made);

  ipd_pdf_view_set_current_page (v.view, 0);
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1 again");
  made = made_pages (v.view);
  g_assert_false (is_made (made, 39));
  assert_pages_placed (made);
  g_hash_table_unref (made);
  viewer_close (&v);
}

/* The thumbnails come when the sidebar opens; a click goes to the page. */
static void
test_thumbnails (void)
{
  g_autoptr(GBytes) pdf = ipd_test_pdf_text (50);
  Viewer v;

  viewer_open (&v, pdf, "thumbnails.pdf");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1");
  g_assert_null (ipd_pdf_view_get_thumbnail_widget (v.view, 0));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ipd_test_get_named (GTK_WIDGET (v.view), "pdf-thumbnails-button")),
                                TRUE);
  wait_for (v.view, thumbnail_rendered, GINT_TO_POINTER (0), 10000, "thumbnail 1");
  wait_for (v.view, thumbnail_rendered, GINT_TO_POINTER (2), 10000, "thumbnail 3");
  /* lazily: the thumbnails far down are not rendered */
  g_assert_false (thumbnail_rendered (v.view, GINT_TO_POINTER (45)));
  ipd_test_wait_ms (100);
  save_screenshot (v.window, "pdf-view-thumbnails.png");
  g_signal_emit_by_name (ipd_pdf_view_get_thumbnail_widget (v.view, 2), "clicked");
  wait_for (v.view, page_is, GINT_TO_POINTER (2), 5000, "page 3 from its thumbnail");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (2), 10000, "page 3");
  g_assert_true (gtk_widget_has_css_class (ipd_pdf_view_get_thumbnail_widget (v.view, 2), "current-thumbnail"));
  g_assert_false (gtk_widget_has_css_class (ipd_pdf_view_get_thumbnail_widget (v.view, 0), "current-thumbnail"));
  viewer_close (&v);
}

/* Printing through GtkPrintOperation, exported to a PDF file. */
static void
test_print (void)
{
  g_autoptr(GBytes) pdf = ipd_test_pdf_text (3);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, "pdf-view-printed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdPdfDocument) printed = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  Viewer v;

  viewer_open (&v, pdf, "print.pdf");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1");
  g_unlink (path);
  g_assert_true (ipd_pdf_view_print_to_file (v.view, path, &error));
  g_assert_no_error (error);
  printed = ipd_pdf_document_new_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipd_pdf_document_get_n_pages (printed), ==, 3);
  text = ipd_pdf_document_get_page_text (printed, 1);
  g_assert_nonnull (strstr (text, "Phú Quốc"));
  viewer_close (&v);
}

/* The cache of rendered pages keeps to its budget, least recently used
 * out. */
static void
test_texture_cache (void)
{
  g_autoptr(IpdPdfTextureCache) cache = ipd_pdf_texture_cache_new (3 * 1000);
  g_autoptr(GBytes) pixels = g_bytes_new_take (g_malloc0 (4 * 4 * 4), 4 * 4 * 4);
  g_autoptr(GdkTexture) texture = gdk_memory_texture_new (4, 4, GDK_MEMORY_DEFAULT, pixels, 16);
  g_autoptr(GdkTexture) hit = NULL;

  for (int page = 0; page < 3; page++)
    ipd_pdf_texture_cache_insert (cache, page, 1.5, 0, FALSE, texture, 1000);
  g_assert_cmpuint (ipd_pdf_texture_cache_get_n (cache), ==, 3);
  /* page 0 used again: page 1 is now the oldest, and goes */
  hit = ipd_pdf_texture_cache_lookup (cache, 0, 1.5, 0, FALSE);
  g_assert_true (hit == texture);
  ipd_pdf_texture_cache_insert (cache, 3, 1.5, 0, FALSE, texture, 1000);
  g_assert_cmpuint (ipd_pdf_texture_cache_get_size (cache), ==, 3000);
  g_assert_null (ipd_pdf_texture_cache_lookup (cache, 1, 1.5, 0, FALSE));
  g_clear_object (&hit);
  hit = ipd_pdf_texture_cache_lookup (cache, 0, 1.5, 0, FALSE);
  g_assert_nonnull (hit);
  /* another zoom, rotation or kind is another entry */
  g_assert_null (ipd_pdf_texture_cache_lookup (cache, 0, 2.0, 0, FALSE));
  g_assert_null (ipd_pdf_texture_cache_lookup (cache, 0, 1.5, 90, FALSE));
  g_assert_null (ipd_pdf_texture_cache_lookup (cache, 0, 1.5, 0, TRUE));
  /* one bigger than the budget stays alone */
  ipd_pdf_texture_cache_insert (cache, 9, 1.5, 0, FALSE, texture, 5000);
  g_assert_cmpuint (ipd_pdf_texture_cache_get_n (cache), ==, 1);
  g_assert_cmpuint (ipd_pdf_texture_cache_get_size (cache), ==, 5000);
}

/* Presses @trigger (e.g. "<Control>f") through the viewer's own key
 * routing, as a key event inside the viewer would reach it (real key
 * events cannot be made in GTK 4.8's tests): whether it was handled, or
 * went on to the window. */
static gboolean
press_find_key (IpdPdfView *view, const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "ipd-pdf-view-find-keys") != 0)
        continue;
      /* before any handler of the window, which sees keys bubbling up */
      g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==, GTK_PHASE_CAPTURE);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *name = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (name, trigger))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (view),
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_error ("no find key %s in the viewer", trigger);
}

/* Ctrl+F and Ctrl+G find in the document while the focus is in the
 * viewer (the main window's Ctrl+F and Ctrl+G come after); with no
 * document they go on to the window. */
static void
test_find_keys (void)
{
  g_autoptr(GBytes) pdf = ipd_test_pdf_text (3);
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a PDF at all", 16);
  GtkWidget *entry, *bar;
  int page = -1;
  Viewer v;

  viewer_open (&v, pdf, "keys.pdf");
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1");
  entry = ipd_test_get_named (GTK_WIDGET (v.view), "pdf-search-entry");
  bar = gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_BAR);
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  g_assert_true (press_find_key (v.view, "<Control>f"));
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)));
  gtk_editable_set_text (GTK_EDITABLE (entry), "quoc");
  wait_for (v.view, search_finished, NULL, 10000, "the search");
  g_assert_cmpint (ipd_pdf_view_get_n_matches (v.view), ==, 3);
  g_assert_cmpint (ipd_pdf_view_get_current_match (v.view, &page), ==, 0);
  g_assert_true (press_find_key (v.view, "<Control>g"));
  g_assert_cmpint (ipd_pdf_view_get_current_match (v.view, &page), ==, 1);
  g_assert_true (press_find_key (v.view, "<Control>g"));
  g_assert_cmpint (ipd_pdf_view_get_current_match (v.view, &page), ==, 2);
  g_assert_true (press_find_key (v.view, "<Shift><Control>g"));
  g_assert_cmpint (ipd_pdf_view_get_current_match (v.view, &page), ==, 1);

  /* nothing to find in: the window's own keys get them */
  ipd_pdf_view_load_bytes (v.view, junk, "junk.pdf");
  wait_for (v.view, in_state, (gpointer) "error", 10000, "the error");
  g_assert_false (press_find_key (v.view, "<Control>f"));
  g_assert_false (press_find_key (v.view, "<Control>g"));
  viewer_close (&v);
}

/* A surface comes back to the pool only when its texture and the cairo
 * surface the cairo renderer paints are both gone; the pool keeps to its
 * budget. */
static void
test_surface_pool (void)
{
  g_autoptr(IpdPdfSurfacePool) pool = ipd_pdf_surface_pool_new (3 * 100 * 100 * 4);
  cairo_surface_t *surface, *painted, *again, *other;
  GdkTexture *texture;
  guint reused = 0, made = 0;

  surface = ipd_pdf_surface_pool_take (pool, 100, 100, NULL);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  texture = ipd_pdf_surface_pool_make_texture (pool, surface);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 100);
  painted = cairo_surface_reference (g_object_get_data (G_OBJECT (texture), IPD_PDF_PAGE_SURFACE_KEY));
  g_assert_true (cairo_image_surface_get_data (painted) == cairo_image_surface_get_data (surface));
  /* the texture gone, a render node may still hold the painted surface */
  g_object_unref (texture);
  g_assert_cmpuint (ipd_pdf_surface_pool_get_size (pool), ==, 0);
  cairo_surface_destroy (painted);
  g_assert_cmpuint (ipd_pdf_surface_pool_get_size (pool), ==, 100 * 100 * 4);

  /* the same memory for the same size; another size is new */
  again = ipd_pdf_surface_pool_take (pool, 100, 100, NULL);
  g_assert_true (again == surface);
  g_assert_cmpuint (ipd_pdf_surface_pool_get_size (pool), ==, 0);
  other = ipd_pdf_surface_pool_take (pool, 50, 100, NULL);
  g_assert_true (other != surface);
  ipd_pdf_surface_pool_get_stats (pool, &reused, &made);
  g_assert_cmpuint (reused, ==, 1);
  g_assert_cmpuint (made, ==, 2);

  /* over the budget, the oldest given back go */
  ipd_pdf_surface_pool_give (pool, other);
  ipd_pdf_surface_pool_give (pool, again);
  for (int i = 0; i < 3; i++)
    ipd_pdf_surface_pool_give (pool, cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100));
  g_assert_cmpuint (ipd_pdf_surface_pool_get_size (pool), <=, 3 * 100 * 100 * 4);
  other = ipd_pdf_surface_pool_take (pool, 50, 100, NULL);
  ipd_pdf_surface_pool_get_stats (pool, &reused, NULL);
  g_assert_cmpuint (reused, ==, 1);   /* the 50 × 100 one was the oldest: gone */
  cairo_surface_destroy (other);
  ipd_pdf_surface_pool_clear (pool);
  g_assert_cmpuint (ipd_pdf_surface_pool_get_size (pool), ==, 0);

  /* a page's size: memory mapped at once, drawn on, freed */
  {
    g_autoptr(IpdPdfSurfacePool) big = ipd_pdf_surface_pool_new (8 * 1024 * 1024);
    IpdPdfSurfaceOrigin origin = IPD_PDF_SURFACE_REUSED;
    cairo_surface_t *page = ipd_pdf_surface_pool_take (big, 800, 1100, &origin);
    cairo_t *cr = cairo_create (page);

    g_assert_cmpint (origin, ==, IPD_PDF_SURFACE_NEW);
    g_assert_cmpint (cairo_surface_status (page), ==, CAIRO_STATUS_SUCCESS);
    cairo_set_source_rgb (cr, 1, 0, 0);
    cairo_paint (cr);
    cairo_destroy (cr);
    cairo_surface_flush (page);
    g_assert_cmphex (((guint32 *) cairo_image_surface_get_data (page))[800 * 1100 - 1], ==, 0xffff0000);
    ipd_pdf_surface_pool_give (big, page);
    g_assert_true (ipd_pdf_surface_pool_take (big, 800, 1100, &origin) == page);
    g_assert_cmpint (origin, ==, IPD_PDF_SURFACE_REUSED);
    ipd_pdf_surface_pool_give (big, page);
  }
}

#define PAGE_BYTES (800 * 1100 * 4)

/* While nothing comes back (a view filling its texture cache) and pages
 * are of one size, the next page's memory is mapped on another thread,
 * within the budget. */
static void
test_surface_pool_ahead (void)
{
  g_autoptr(IpdPdfSurfacePool) pool = ipd_pdf_surface_pool_new (3 * PAGE_BYTES + PAGE_BYTES / 2);
  IpdPdfSurfaceOrigin origin = IPD_PDF_SURFACE_REUSED;
  cairo_surface_t *first, *second, *third, *other, *ink;
  guint reused = 0, made = 0;

  /* the first of its size: none yet */
  first = ipd_pdf_surface_pool_take (pool, 800, 1100, &origin);
  g_assert_cmpint (origin, ==, IPD_PDF_SURFACE_NEW);
  ipd_pdf_surface_pool_wait_ahead (pool);
  g_assert_cmpuint (ipd_pdf_surface_pool_get_size (pool), ==, 0);
  /* a page with little ink, drawn as a box of its own size: none either */
  ink = ipd_pdf_surface_pool_take (pool, 700, 1000, &origin);
  ipd_pdf_surface_pool_wait_ahead (pool);
  g_assert_cmpuint (ipd_pdf_surface_pool_get_size (pool), ==, 0);
  cairo_surface_destroy (ink);

  /* the same size twice in a row: the next one is mapped ahead */
  ink = ipd_pdf_surface_pool_take (pool, 700, 1000, &origin);
  g_assert_cmpint (origin, ==, IPD_PDF_SURFACE_NEW);
  ipd_pdf_surface_pool_wait_ahead (pool);
  g_assert_cmpuint (ipd_pdf_surface_pool_get_size (pool), ==, 700 * 1000 * 4);
  ipd_pdf_surface_pool_clear (pool);
  cairo_surface_destroy (ink);
  cairo_surface_destroy (first);
  first = ipd_pdf_surface_pool_take (pool, 800, 1100, &origin);
  second = ipd_pdf_surface_pool_take (pool, 800, 1100, &origin);
  ipd_pdf_surface_pool_wait_ahead (pool);
  g_assert_cmpuint (ipd_pdf_surface_pool_get_size (pool), ==, PAGE_BYTES);
  cairo_surface_destroy (second);
  second = ipd_pdf_surface_pool_take (pool, 800, 1100, &origin);
  g_assert_cmpint (origin, ==, IPD_PDF_SURFACE_AHEAD);
  g_assert_true (second != first);
  g_assert_cmpint (cairo_surface_status (second), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (second), ==, 800);
  /* and the one after it */
  ipd_pdf_surface_pool_wait_ahead (pool);
  g_assert_cmpuint (ipd_pdf_surface_pool_get_size (pool), ==, PAGE_BYTES);
  ipd_pdf_surface_pool_get_stats (pool, &reused, &made);
  g_assert_cmpuint (reused, ==, 0);
  g_assert_cmpuint (made, ==, 8);

  /* one mapped ahead and given back is given back like any other */
  ipd_pdf_surface_pool_give (pool, second);
  g_assert_true (ipd_pdf_surface_pool_take (pool, 800, 1100, &origin) == second);
  g_assert_cmpint (origin, ==, IPD_PDF_SURFACE_REUSED);

  /* pages come back: none is mapped after a reuse */
  ipd_pdf_surface_pool_give (pool, first);
  third = ipd_pdf_surface_pool_take (pool, 800, 1100, &origin);
  g_assert_true (third == first);
  g_assert_cmpint (origin, ==, IPD_PDF_SURFACE_REUSED);
  ipd_pdf_surface_pool_wait_ahead (pool);
  ipd_pdf_surface_pool_get_stats (pool, &reused, &made);
  g_assert_cmpuint (reused, ==, 2);
  g_assert_cmpuint (made, ==, 8);

  /* no room in the budget for another: none */
  ipd_pdf_surface_pool_give (pool, second);
  ipd_pdf_surface_pool_give (pool, cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 1100));
  g_assert_cmpuint (ipd_pdf_surface_pool_get_size (pool), ==, 3 * PAGE_BYTES);
  for (int i = 0; i < 2; i++)
    {
      other = ipd_pdf_surface_pool_take (pool, 700, 1100, &origin);
      g_assert_cmpint (origin, ==, IPD_PDF_SURFACE_NEW);
      ipd_pdf_surface_pool_wait_ahead (pool);
      cairo_surface_destroy (other);
    }
  ipd_pdf_surface_pool_get_stats (pool, NULL, &made);
  g_assert_cmpuint (made, ==, 10);
  g_assert_cmpuint (ipd_pdf_surface_pool_get_size (pool), ==, 3 * PAGE_BYTES);

  ipd_pdf_surface_pool_clear (pool);
  g_assert_cmpuint (ipd_pdf_surface_pool_get_size (pool), ==, 0);
  cairo_surface_destroy (third);
}

/* ---- the pixels' lifetime ---- */

typedef struct {
  gboolean       destroyed;
  GThread       *thread;     /* where */
  GdkFrameClock *clock;      /* and in which frame: */
  gint64         frame;
} Watched;

static const cairo_user_data_key_t watched_key;

static void
on_surface_destroyed (gpointer data)
{
  Watched *watched = data;

  watched->thread = g_thread_self ();
  if (watched->clock != NULL)
    watched->frame = gdk_frame_clock_get_frame_counter (watched->clock);
  g_atomic_int_set (&watched->destroyed, TRUE);
}

static gboolean
surface_destroyed (IpdPdfView *view, gpointer data)
{
  return g_atomic_int_get (&((Watched *) data)->destroyed);
}

/* With the cairo renderer, the surface behind page 1's texture outlives
 * the texture while the last frame's render nodes draw from it, and goes
 * once a frame without them is painted: cairo neither copies it whole
 * for a recording (which took 2.5–6 ms of the main loop when another
 * document opened) nor sees it destroyed under a recording. */
static void
test_surface_outlives_texture (void)
{
  g_autoptr(GBytes) first = ipd_test_pdf_text (3);
  g_autoptr(GBytes) second = ipd_test_pdf_text (2);
  Watched watched = { FALSE, NULL, NULL, 0 };
  cairo_surface_t *surface;
  gint64 loaded_in;
  Viewer v;

  viewer_open (&v, first, "first.pdf");
  if (!GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (GTK_NATIVE (v.window))))
    {
      viewer_close (&v);
      g_test_skip ("the surfaces are painted as such by the cairo renderer only");
      return;
    }
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "page 1");
  ipd_test_wait_ms (100);   /* painted */
  surface = g_object_get_data (G_OBJECT (ipd_pdf_page_get_texture (IPD_PDF_PAGE (ipd_pdf_view_get_page_widget (v.view, 0)))),
                               IPD_PDF_PAGE_SURFACE_KEY);
  g_assert_nonnull (surface);
  g_assert_cmpint (cairo_surface_set_user_data (surface, &watched_key, &watched, on_surface_destroyed), ==,
                   CAIRO_STATUS_SUCCESS);
  watched.clock = gtk_widget_get_frame_clock (GTK_WIDGET (v.view));

  /* the texture goes with the first document; the last frame still draws it */
  loaded_in = gdk_frame_clock_get_frame_counter (watched.clock);
  ipd_pdf_view_load_bytes (v.view, second, "second.pdf");
  g_assert_false (watched.destroyed);
  wait_for (v.view, surface_destroyed, &watched, 5000, "page 1's surface to go");
  g_test_message ("page 1's surface went in frame %" G_GINT64_FORMAT ", the load in %" G_GINT64_FORMAT,
                  watched.frame, loaded_in);
  g_assert_true (watched.thread == g_thread_self ());
  g_assert_cmpint (watched.frame, >, loaded_in);
  wait_for (v.view, page_rendered, GINT_TO_POINTER (0), 10000, "the second document's page 1");
  viewer_close (&v);
}

/* Surfaces the pool has no room for are unmapped on another thread. */
static void
test_pool_frees_elsewhere (void)
{
  g_autoptr(IpdPdfSurfacePool) pool = ipd_pdf_surface_pool_new (100 * 100 * 4);
  cairo_surface_t *kept = ipd_pdf_surface_pool_take (pool, 100, 100, NULL);
  cairo_surface_t *extra = ipd_pdf_surface_pool_take (pool, 100, 100, NULL);
  Watched watched = { FALSE, NULL, NULL, 0 };
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_assert_cmpint (cairo_surface_set_user_data (kept, &watched_key, &watched, on_surface_destroyed), ==,
                   CAIRO_STATUS_SUCCESS);
  ipd_pdf_surface_pool_give (pool, kept);
  ipd_pdf_surface_pool_give (pool, extra);   /* over the budget: the oldest, @kept, goes */
  while (!g_atomic_int_get (&watched.destroyed) && g_get_monotonic_time () < end)
    g_usleep (1000);
  g_assert_true (g_atomic_int_get (&watched.destroyed));
  g_assert_true (watched.thread != g_thread_self ());
  g_assert_cmpuint (ipd_pdf_surface_pool_get_size (pool), ==, 100 * 100 * 4);
}

int
main (int argc, char **argv)
{
  ipd_test_init_gui (&argc, &argv);
  g_test_add_func ("/pdf-view/texture-cache", test_texture_cache);
  g_test_add_func ("/pdf-view/surface-pool", test_surface_pool);
  g_test_add_func ("/pdf-view/surface-pool-ahead", test_surface_pool_ahead);
  g_test_add_func ("/pdf-view/open-text", test_open_text);
  g_test_add_func ("/pdf-view/zoom", test_zoom);
  g_test_add_func ("/pdf-view/page-entry", test_page_entry);
  g_test_add_func ("/pdf-view/search", test_search);
  g_test_add_func ("/pdf-view/find-keys", test_find_keys);
  g_test_add_func ("/pdf-view/rotate", test_rotate);
  g_test_add_func ("/pdf-view/copy", test_copy);
  g_test_add_func ("/pdf-view/password", test_password);
  g_test_add_func ("/pdf-view/broken", test_broken);
  g_test_add_func ("/pdf-view/mutations", test_mutations);
  g_test_add_func ("/pdf-view/large", test_large);
  g_test_add_func ("/pdf-view/page-widgets", test_page_widgets);
  g_test_add_func ("/pdf-view/surface-outlives-texture", test_surface_outlives_texture);
  g_test_add_func ("/pdf-view/pool-frees-elsewhere", test_pool_frees_elsewhere);
  g_test_add_func ("/pdf-view/thumbnails", test_thumbnails);
  g_test_add_func ("/pdf-view/print", test_print);
  return g_test_run ();
}
