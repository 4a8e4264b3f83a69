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

#include "ipd-pdf-page.h"
#include "ipd-pdf-view.h"
#include "ipd-test-gui.h"
#include "ipd-test-pdf.h"

/* ---- the main loop's longest gap ---- */

typedef struct {
  gint64 last;
  gint64 max_gap;
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
  return G_SOURCE_CONTINUE;
}

/* A timeout every 2 ms records how late the main loop comes back to it. */
static void
probe_start (GapProbe *probe)
{
  *probe = (GapProbe) { 0 };
  probe->id = g_timeout_add_full (G_PRIORITY_DEFAULT, 2, probe_tick, probe, NULL);
}

static double
probe_stop (GapProbe *probe)
{
  g_clear_handle_id (&probe->id, g_source_remove);
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

static void
page_widget_size (IpdPdfView *view, int page, int *width, int *height)
{
  ipd_pdf_page_get_pixel_size (IPD_PDF_PAGE (ipd_pdf_view_get_page_widget (view, page)), width, height);
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
  ipd_test_wait_ms (200);
  ipd_test_save_screenshot (GTK_WIDGET (v.window), "pdf-view-open.png");
  viewer_close (&v);
}

int
main (int argc, char **argv)
{
  ipd_test_init_gui (&argc, &argv);
  g_test_add_func ("/pdf-view/open-text", test_open_text);
  return g_test_run ();
}
