/* ipd-bench-viewer.c — the PDF viewer: how fast?
 *
 * For generated text PDFs of 50 and 1 000 pages (tests/ipd-test-pdf.c):
 * the time from ipd_pdf_view_load_bytes to the first frame painted with
 * page 1 rendered (p50 and worst of several loads, target ≤ 150 ms); the
 * longest the main loop waits while the file loads and while the reader
 * scrolls (target ≤ 20 ms); the worker's time per page against poppler's
 * own render of the same pages at the same scale in the same run, both
 * with the main loop idle (target ≤ 1.15×), and the worker's while
 * scrolling. Needs a display: tests/bench/run-viewer runs it under Xvfb.
 *
 * Usage: ipd-bench-viewer [--loads N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <poppler.h>
#include <stdio.h>
#include <time.h>

#include "ipd-bench.h"
#include "ipd-pdf-document.h"
#include "ipd-pdf-surface-pool.h"
#include "ipd-pdf-view-private.h"
#include "ipd-pdf-view.h"
#include "ipd-test-pdf.h"

/* ---- the main loop's longest wait ---- */

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

  probe->max_gap = MAX (probe->max_gap, now - probe->last);
  probe->last = now;
  return G_SOURCE_CONTINUE;
}

static void
probe_start (GapProbe *probe)
{
  *probe = (GapProbe) { g_get_monotonic_time (), 0, 0 };
  probe->id = g_timeout_add (1, probe_tick, probe);
}

/* The longest gap between two turns of the main loop, in ms, less the
 * probe's own period. */
static double
probe_stop (GapProbe *probe)
{
  g_clear_handle_id (&probe->id, g_source_remove);
  return MAX (0, probe->max_gap / 1000.0 - 1);
}

/* ---- waiting for a painted frame ---- */

typedef struct {
  IpdPdfView *view;
  int         page;
  gint64      shown;   /* µs: the first frame painted with the page rendered */
} FrameWatch;

static void
on_after_paint (GdkFrameClock *clock, FrameWatch *watch)
{
  if (watch->shown == 0 && ipd_pdf_view_is_page_rendered (watch->view, watch->page))
    watch->shown = g_get_monotonic_time ();
}

/* Runs the main loop until a frame shows @page rendered; the time then. */
static gint64
wait_shown (GtkWidget *window, IpdPdfView *view, int page)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  FrameWatch watch = { view, page, 0 };
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &watch);
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (watch.shown == 0 && g_get_monotonic_time () < end)
    {
      /* a frame is wanted whenever a texture arrives; ask anyway */
      gtk_widget_queue_draw (window);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, id);
  if (watch.shown == 0)
    g_error ("page %d never shown", page + 1);
  return watch.shown;
}

static void
run_for_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* ---- poppler's own render, for comparison ---- */

static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* @white: on white paper, as any viewer must show it (a fresh surface is
 * transparent, and poppler leaves what it does not draw untouched). */
static double
raw_render_ms (GBytes *pdf, int first, int n, double scale, gboolean white)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &error);
  gint64 start;

  g_assert_no_error (error);
  /* the first page loads the fonts: not counted, as in the viewer's figure */
  {
    PopplerPage *page = poppler_document_get_page (document, 0);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
    cairo_t *cr = cairo_create (surface);
    poppler_page_render (page, cr);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
    g_object_unref (page);
  }
  start = thread_cpu_usec ();
  for (int i = first; i < first + n; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      double w, h;
      cairo_surface_t *surface;
      cairo_t *cr;

      poppler_page_get_size (page, &w, &h);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w * scale), (int) ceil (h * scale));
      cr = cairo_create (surface);
      if (white)
        {
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
        }
      cairo_scale (cr, scale, scale);
      poppler_page_render (page, cr);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_object_unref (page);
    }
  g_object_unref (document);   /* no autoptr for poppler's types in 22.12 */
  return (thread_cpu_usec () - start) / 1000.0 / n;
}

static double
layer_render_ms (GBytes *pdf, int first, int n, double scale)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdPdfDocument) document = ipd_pdf_document_new_from_bytes (pdf, NULL, NULL, &error);
  gint64 start;

  g_assert_no_error (error);
  cairo_surface_destroy (ipd_pdf_document_render_page (document, 0, 0.1, 0, NULL, NULL));
  start = thread_cpu_usec ();
  for (int i = first; i < first + n; i++)
    {
      cairo_surface_t *surface = ipd_pdf_document_render_page (document, i, scale, 0, NULL, &error);
      g_assert_no_error (error);
      cairo_surface_destroy (surface);
    }
  return (thread_cpu_usec () - start) / 1000.0 / n;
}

typedef struct {
  GBytes *pdf;
  int     first, n;
  double  scale;
} LayerRun;

static gpointer
layer_thread (gpointer data)
{
  LayerRun *run = data;
  double *ms = g_new (double, 1);

  *ms = layer_render_ms (run->pdf, run->first, run->n, run->scale);
  return ms;
}

/* The same on a thread of its own while the main loop idles: what the
 * worker's thread alone costs, apart from the main thread's painting. */
static double
layer_render_thread_ms (GBytes *pdf, int first, int n, double scale)
{
  LayerRun run = { pdf, first, n, scale };
  double *ms = g_thread_join (g_thread_new ("bench-layer", layer_thread, &run));
  double result = *ms;

  g_free (ms);
  return result;
}

/* ---- the viewer's worker with the main loop idle ---- */

typedef struct {
  guint               waiting;
  gint64              cpu_usec;
  IpdPdfSurfacePool  *pool;
  IpdPdfTextureCache *cache;   /* the rendered pages, as the viewer keeps them */
} WorkerRun;

static void
on_worker_done (IpdPdfJob *job, gpointer data)
{
  WorkerRun *run = data;

  g_assert_no_error (job->error);
  if (job->kind == IPD_PDF_JOB_RENDER)
    {
      gsize size = (gsize) cairo_image_surface_get_stride (job->surface)
                   * cairo_image_surface_get_height (job->surface);
      g_autoptr(GdkTexture) texture = ipd_pdf_surface_pool_make_texture (run->pool, g_steal_pointer (&job->surface));

      run->cpu_usec += job->cpu_usec;
      ipd_pdf_texture_cache_insert (run->cache, job->page, job->zoom, 0, FALSE, texture, size);
    }
  run->waiting--;
}

static void
worker_run_job (IpdPdfRenderer *renderer, WorkerRun *run, IpdPdfJob *job)
{
  run->waiting++;
  ipd_pdf_renderer_push (renderer, job);
  ipd_pdf_job_unref (job);
  while (run->waiting > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* The viewer's own rendering (IpdPdfRenderer: its worker, its surface
 * pool, its texture cache) of the same pages as raw_render_ms, one page at a time, with the
 * main loop otherwise idle: the same conditions as poppler's figure.
 * While scrolling, the main thread and the X server compete with the
 * worker for the two cores and their caches. */
static double
worker_render_ms (GBytes *pdf, int first, int n, double scale)
{
  IpdPdfSurfacePool *pool = ipd_pdf_surface_pool_new (POOL_BUDGET);
  IpdPdfRenderer *renderer = ipd_pdf_renderer_new (pool);
  WorkerRun run = { 0, 0, pool, ipd_pdf_texture_cache_new (CACHE_BUDGET) };
  IpdPdfJob *job = ipd_pdf_job_new (IPD_PDF_JOB_LOAD, IPD_PDF_PRIORITY_LOAD, on_worker_done, &run);
  double ms;

  job->bytes = g_bytes_ref (pdf);
  worker_run_job (renderer, &run, job);
  /* the first page loads the fonts: not counted, as in the other figures */
  for (int i = first - 1; i < first + n; i++)
    {
      job = ipd_pdf_job_new (IPD_PDF_JOB_RENDER, IPD_PDF_PRIORITY_VISIBLE, on_worker_done, &run);
      job->page = i;
      job->scale = job->zoom = scale;
      if (i == first - 1)
        {
          worker_run_job (renderer, &run, job);
          run.cpu_usec = 0;
          continue;
        }
      worker_run_job (renderer, &run, job);
    }
  ms = run.cpu_usec / 1000.0 / n;
  ipd_pdf_texture_cache_free (run.cache);
  ipd_pdf_renderer_shutdown (renderer);
  ipd_pdf_surface_pool_unref (pool);
  return ms;
}

/* The worker and poppler raw, by turns, ROUNDS times each: the medians.
 * A page of a few lines takes a quarter of a millisecond, and a single
 * round of either moves by a third from one run to the next; 9 rounds of
 * 30 pages still gave medians 0.9-1.25x apart from run to run. */
#define ROUNDS 15
#define SAMPLE_PAGES 99

static void
compare_worker_raw (GBytes *pdf, int first, int n, double scale, double *worker, double *raw)
{
  g_autoptr(GArray) workers = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raws = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 0; i < ROUNDS; i++)
    {
      double w = worker_render_ms (pdf, first, n, scale), r = raw_render_ms (pdf, first, n, scale, FALSE);

      g_array_append_val (workers, w);
      g_array_append_val (raws, r);
    }
  *worker = ipd_bench_percentile (workers, 0.5);
  *raw = ipd_bench_percentile (raws, 0.5);
}

/* The first widget under @root named @name or of @type. */
static GtkWidget *
find_widget (GtkWidget *root, const char *name, GType type)
{
  if ((name != NULL && g_strcmp0 (gtk_widget_get_name (root), name) == 0)
      || (type != G_TYPE_INVALID && G_TYPE_CHECK_INSTANCE_TYPE (root, type)))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, name, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ---- one file ---- */

/* @owned_pdf (taken): @n_pages of text (a few lines, which costs poppler
 * little) or of full letters (a page's worth of text, as the Office's letters) */
static void
bench_file (GtkWindow *window, IpdPdfView *view, GBytes *owned_pdf, int n_pages, int loads)
{
  g_autoptr(GBytes) pdf = owned_pdf;
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *name = g_strdup_printf ("bench-%d.pdf", n_pages);
  GtkAdjustment *adj;
  double load_gap = 0, scroll_gap, scale, raw, white, layer, layer_thread_ms, viewer, worker;
  /* the pages after the first, up to a hundred: a 50-page file whole */
  int sample = MIN (SAMPLE_PAGES, n_pages - 1);
  GapProbe probe;
  guint n_renders, n0, reused, reused0, made, made0, n_steady, n_steady0;
  gint64 steady_cpu, steady_cpu0;
  gsize kept;
  gint64 render_usec, render_cpu_usec, usec0, cpu0;

  for (int i = 0; i < loads; i++)
    {
      gint64 start;
      double gap;

      probe_start (&probe);
      start = g_get_monotonic_time ();
      ipd_pdf_view_load_bytes (view, pdf, name);
      g_array_append_vals (open_ms, (double[]) { (wait_shown (GTK_WIDGET (window), view, 0) - start) / 1000.0 }, 1);
      run_for_ms (100);   /* the neighbours and the page sizes, still under the probe */
      gap = probe_stop (&probe);
      load_gap = MAX (load_gap, gap);
    }
  printf ("%5d pages: open to page 1 painted  p50 %6.1f ms  worst %6.1f ms   (target ≤ 150 ms)\n", n_pages,
          ipd_bench_percentile (open_ms, 0.5), ipd_bench_percentile (open_ms, 1.0));
  printf ("%5d pages: main loop's longest wait while loading %6.1f ms   (target ≤ 20 ms)\n", n_pages, load_gap);
  fflush (stdout);

  /* scrolling: 120 pixels every 8 ms, a fast wheel */
  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (find_widget (GTK_WIDGET (view), "pdf-scroller",
                                                                                 G_TYPE_INVALID)));
  ipd_pdf_view_get_render_stats (view, &n0, &usec0, &cpu0);
  ipd_pdf_view_get_pool_stats (view, &reused0, &made0, NULL);
  ipd_pdf_view_get_reused_render_stats (view, &n_steady0, &steady_cpu0);
  probe_start (&probe);
  for (int i = 0; i < 300; i++)
    {
      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + 120);
      run_for_ms (8);
    }
  wait_shown (GTK_WIDGET (window), view, ipd_pdf_view_get_current_page (view));
  scroll_gap = probe_stop (&probe);
  printf ("%5d pages: main loop's longest wait while scrolling to page %d: %6.1f ms   (target ≤ 20 ms)\n",
          n_pages, ipd_pdf_view_get_current_page (view) + 1, scroll_gap);

  /* per page: the viewer's worker, the layer alone and poppler alone */
  /* the pages rendered while scrolling: the fonts were loaded before */
  ipd_pdf_view_get_render_stats (view, &n_renders, &render_usec, &render_cpu_usec);
  ipd_pdf_view_get_pool_stats (view, &reused, &made, &kept);
  ipd_pdf_view_get_reused_render_stats (view, &n_steady, &steady_cpu);
  n_steady -= n_steady0;
  steady_cpu -= steady_cpu0;
  n_renders -= n0;
  render_usec -= usec0;
  render_cpu_usec -= cpu0;
  viewer = render_cpu_usec / 1000.0 / MAX (1, n_renders);
  scale = ipd_pdf_view_get_zoom (view) * 96.0 / 72.0;
  white = raw_render_ms (pdf, 1, sample, scale, TRUE);
  layer = layer_render_ms (pdf, 1, sample, scale);
  layer_thread_ms = layer_render_thread_ms (pdf, 1, sample, scale);
  compare_worker_raw (pdf, 1, sample, scale, &worker, &raw);
  /* processor time of the rendering thread, each: the machine's load
   * stays out of the comparison */
  printf ("%5d pages: render per page at %.0f dpi (thread CPU): viewer's worker %5.2f ms (%u pages, %u into "
          "reused memory, %u new, %.1f MiB kept; %5.2f ms on the clock), layer alone (fresh memory) %5.2f ms, "
          "on a thread of its own %5.2f ms\n",
          n_pages, scale * 72, viewer, n_renders, reused - reused0, made - made0, kept / 1048576.0,
          render_usec / 1000.0 / MAX (1, n_renders), layer, layer_thread_ms);
  printf ("%5d pages:   of which into reused memory (steady state): %5.2f ms a page (%u pages), "
          "into new memory %5.2f ms (%u pages)\n", n_pages, steady_cpu / 1000.0 / MAX (1, n_steady), n_steady,
          (render_cpu_usec - steady_cpu) / 1000.0 / MAX (1, n_renders - n_steady), n_renders - n_steady);
  printf ("%5d pages:   poppler raw (fresh surface) %5.2f ms, poppler on white %5.2f ms\n", n_pages, raw, white);
  printf ("%5d pages:   viewer's worker with the main loop idle %5.2f ms a page (median of %d rounds, "
          "poppler raw's by turns)\n", n_pages, worker, ROUNDS);
  /* the target: the same pages, the same conditions */
  printf ("%5d pages:   worker/raw, main loop idle, %.2f× (target ≤ 1.15×: %s); while scrolling %.2f×, "
          "viewer/white %.2f×; layer/raw %.2f×, layer/white %.2f×\n",
          n_pages, worker / raw, worker / raw <= 1.15 ? "ok" : "OVER", viewer / raw, viewer / white,
          layer / raw, layer / white);
  fflush (stdout);
}

int
main (int argc, char **argv)
{
  int loads = 7;
  GtkWindow *window;
  IpdPdfView *view;
  g_autoptr(GBytes) empty = NULL;

  for (int i = 1; i + 1 < argc; i++)
    if (g_str_equal (argv[i], "--loads"))
      loads = MAX (1, atoi (argv[i + 1]));
  gtk_init ();
  adw_init ();

  /* a window on screen first: the figures are the viewer's, not the window's */
  empty = ipd_test_pdf_text (1);
  window = ipd_pdf_view_window_new (NULL, empty, "bench.pdf");
  gtk_window_set_default_size (window, 900, 1000);
  gtk_window_present (window);
  view = IPD_PDF_VIEW (find_widget (GTK_WIDGET (window), NULL, IPD_TYPE_PDF_VIEW));
  wait_shown (GTK_WIDGET (window), view, 0);
  run_for_ms (300);

  printf ("PDF viewer (%s renderer)\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  printf ("Pages of a few lines:\n");
  bench_file (window, view, ipd_test_pdf_text (50), 50, loads);
  bench_file (window, view, ipd_test_pdf_text (1000), 1000, loads);
  printf ("Full pages of text (letters):\n");
  bench_file (window, view, ipd_test_pdf_letter (50), 50, loads);
  gtk_window_destroy (window);
  /* the worker ends on its own: give it the time before exit's clean-up */
  run_for_ms (200);
  return 0;
}
