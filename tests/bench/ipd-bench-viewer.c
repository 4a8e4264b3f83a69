/* ipd-bench-viewer.c — the PDF viewer: how fast?
 *
 * For generated text PDFs of 50 and 1 000 pages (tests/ipd-test-pdf.c):
 * the time from ipd_pdf_view_load_bytes to the first frame painted with
 * page 1 rendered (p50 and worst of several loads, target ≤ 150 ms), and
 * from asking the register for the document, as the dossier page does; the
 * longest the main loop waits while the file loads and while the reader
 * scrolls (target ≤ 20 ms); the worker's time per page against poppler's
 * own render of the same pages at the same scale in the same run, both
 * with the main loop idle, page by page by turns (target ≤ 1.15×), and
 * the worker's while scrolling. Needs a display: tests/bench/run-viewer runs it under Xvfb.
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
#include "ipd-store.h"
#include "ipd-test-util.h"
#include "ipd-vocabulary.h"

static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* ---- the main loop's longest wait ---- */

typedef struct {
  gint64 last, last_cpu;
  gint64 max_gap;
  gint64 max_gap_cpu;   /* the main thread's processor time in that gap: */
  guint  id;            /* its own work, against waiting for a core */
} GapProbe;

static gboolean
probe_tick (gpointer data)
{
  GapProbe *probe = data;
  gint64 now = g_get_monotonic_time (), cpu = thread_cpu_usec ();

  if (now - probe->last > probe->max_gap)
    {
      probe->max_gap = now - probe->last;
      probe->max_gap_cpu = cpu - probe->last_cpu;
    }
  probe->last = now;
  probe->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
probe_start (GapProbe *probe)
{
  *probe = (GapProbe) { g_get_monotonic_time (), thread_cpu_usec (), 0, 0, 0 };
  probe->id = g_timeout_add (1, probe_tick, probe);
}

/* The longest gap between two turns of the main loop, in ms, less the
 * probe's own period; @busy_ms: how much of it the main thread ran. */
static double
probe_stop (GapProbe *probe, double *busy_ms)
{
  g_clear_handle_id (&probe->id, g_source_remove);
  if (busy_ms != NULL)
    *busy_ms = probe->max_gap_cpu / 1000.0;
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


/* poppler alone: its own document, the fonts loaded by a first page that
 * is not counted, as in the viewer's figure. */
typedef struct {
  PopplerDocument *document;
  double           scale;
  gboolean         white;
  GThread         *thread;    /* when the pages are drawn on a thread of their own */
  GAsyncQueue     *pages;     /* to draw: index + 1; -1 to end (a queue takes no NULL) */
  GAsyncQueue     *times;     /* thread CPU of each, in microseconds */
} RawRun;

static void
raw_load (RawRun *run, GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;

  run->document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (run->document, 0);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 10, 10);
  cr = cairo_create (surface);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_object_unref (page);
}

/* Page @index into a fresh surface, as poppler's own demo does; @white:
 * on white paper, as any viewer must show it (a fresh surface is
 * transparent, and poppler leaves what it does not draw untouched).
 * Thread CPU, in microseconds. */
static gint64
raw_draw (RawRun *run, int index)
{
  gint64 start = thread_cpu_usec ();
  PopplerPage *page = poppler_document_get_page (run->document, index);
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;

  poppler_page_get_size (page, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w * run->scale),
                                        (int) ceil (h * run->scale));
  cr = cairo_create (surface);
  if (run->white)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }
  cairo_scale (cr, run->scale, run->scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_object_unref (page);
  return thread_cpu_usec () - start;
}

typedef struct {
  RawRun *run;
  GBytes *pdf;
} RawStart;

static gpointer
raw_thread (gpointer data)
{
  RawStart *start = data;
  RawRun *run = start->run;
  int index;

  raw_load (run, start->pdf);
  g_async_queue_push (run->times, GINT_TO_POINTER (1));
  while ((index = GPOINTER_TO_INT (g_async_queue_pop (run->pages))) > 0)
    g_async_queue_push (run->times, g_memdup2 ((gint64[]) { raw_draw (run, index - 1) }, sizeof (gint64)));
  g_clear_object (&run->document);   /* no autoptr for poppler's types in 22.12 */
  return NULL;
}

/* @threaded: drawn on a thread of their own, whose heap the main loop's
 * own allocations do not touch: between two of its pages the main thread
 * takes the worker's pages in, and the surface glibc would otherwise hand
 * poppler again, already mapped in, would be gone. */
static void
raw_open (RawRun *run, GBytes *pdf, double scale, gboolean white, gboolean threaded)
{
  RawStart start = { run, pdf };

  *run = (RawRun) { NULL, scale, white, NULL, NULL, NULL };
  if (!threaded)
    {
      raw_load (run, pdf);
      return;
    }
  run->pages = g_async_queue_new ();
  run->times = g_async_queue_new ();
  run->thread = g_thread_new ("bench-raw", raw_thread, &start);
  g_async_queue_pop (run->times);   /* loaded: @start is no longer used */
}

static gint64
raw_render_page (RawRun *run, int index)
{
  g_autofree gint64 *usec = NULL;

  if (run->thread == NULL)
    return raw_draw (run, index);
  g_async_queue_push (run->pages, GINT_TO_POINTER (index + 1));
  usec = g_async_queue_pop (run->times);
  return *usec;
}

static void
raw_close (RawRun *run)
{
  if (run->thread != NULL)
    {
      g_async_queue_push (run->pages, GINT_TO_POINTER (-1));
      g_thread_join (run->thread);
      g_async_queue_unref (run->pages);
      g_async_queue_unref (run->times);
    }
  g_clear_object (&run->document);
}

static double
raw_render_ms (GBytes *pdf, int first, int n, double scale, gboolean white)
{
  RawRun run;
  gint64 usec = 0;

  raw_open (&run, pdf, scale, white, FALSE);
  for (int i = first; i < first + n; i++)
    usec += raw_render_page (&run, i);
  raw_close (&run);
  return usec / 1000.0 / n;
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
  gint64              cpu_usec;    /* of the last render, */
  IpdPdfSurfaceOrigin origin;      /* and where its memory came from */
  double              scale;
  IpdPdfSurfacePool  *pool;
  IpdPdfTextureCache *cache;   /* the rendered pages, as the viewer keeps them */
  IpdPdfRenderer     *renderer;
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

      run->cpu_usec = job->cpu_usec;
      run->origin = job->origin;
      ipd_pdf_texture_cache_insert (run->cache, job->page, job->zoom, 0, FALSE, texture, size);
    }
  run->waiting--;
}

static void
worker_run_job (WorkerRun *run, IpdPdfJob *job)
{
  run->waiting++;
  ipd_pdf_renderer_push (run->renderer, job);
  ipd_pdf_job_unref (job);
  while (run->waiting > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* Page @index by the worker; its thread's CPU time for the render, in
 * microseconds. */
static gint64
worker_render_page (WorkerRun *run, int index)
{
  IpdPdfJob *job = ipd_pdf_job_new (IPD_PDF_JOB_RENDER, IPD_PDF_PRIORITY_VISIBLE, on_worker_done, run);

  job->page = index;
  job->scale = job->zoom = run->scale;
  worker_run_job (run, job);
  return run->cpu_usec;
}

/* The viewer's own rendering (IpdPdfRenderer: its worker, its surface
 * pool, its texture cache), new as for a newly opened view, one page at a
 * time, with the main loop otherwise idle: the same conditions as
 * poppler's figure. The fonts are loaded by page @warm_up, not counted. */
static void
worker_open (WorkerRun *run, GBytes *pdf, double scale, int warm_up)
{
  IpdPdfJob *job;

  *run = (WorkerRun) { 0, 0, IPD_PDF_SURFACE_NEW, scale, ipd_pdf_surface_pool_new (POOL_BUDGET),
                       ipd_pdf_texture_cache_new (CACHE_BUDGET), NULL };
  run->renderer = ipd_pdf_renderer_new (run->pool);
  job = ipd_pdf_job_new (IPD_PDF_JOB_LOAD, IPD_PDF_PRIORITY_LOAD, on_worker_done, run);
  job->bytes = g_bytes_ref (pdf);
  worker_run_job (run, job);
  worker_render_page (run, warm_up);
}

static void
worker_close (WorkerRun *run)
{
  ipd_pdf_texture_cache_free (run->cache);
  ipd_pdf_renderer_shutdown (run->renderer);
  ipd_pdf_surface_pool_unref (run->pool);
}

/* The worker and poppler raw, ROUNDS rounds: in each, the two render
 * the same pages by turns, page by page (which goes first alternating),
 * so that both see the machine as it is at that moment. The figure is
 * the median of the rounds' ratios. A page of a few lines takes a
 * quarter of a millisecond, and the machine's speed drifts: taken as
 * whole rounds of one and then of the other, 15 rounds' medians moved
 * 0.8-1.5x from one run to the next for the same code. */
#define ROUNDS 15
#define SAMPLE_PAGES 99

/* The two's thread CPU over some pages, in microseconds. */
typedef struct {
  gint64 worker, raw;
  guint  n;
} Pair;

/* What compare_worker_raw found: medians of the rounds. */
typedef struct {
  double worker_ms, raw_ms;    /* a page */
  double ratio;                /* worker / raw, the target's figure */
  /* the same for the pages by their memory's origin: */
  double ratios[IPD_PDF_SURFACE_REUSED + 1];   /* new, mapped ahead, given back */
  guint  n_pages[IPD_PDF_SURFACE_REUSED + 1];  /* of all the rounds' pages */
} Comparison;

static void
pair_render (Pair *pair, WorkerRun *worker_run, RawRun *raw_run, int index)
{
  if (index % 2 == 0)
    {
      pair->raw += raw_render_page (raw_run, index);
      pair->worker += worker_render_page (worker_run, index);
    }
  else
    {
      pair->worker += worker_render_page (worker_run, index);
      pair->raw += raw_render_page (raw_run, index);
    }
  pair->n++;
}

static void
pair_add (Pair *sum, const Pair *more)
{
  sum->worker += more->worker;
  sum->raw += more->raw;
  sum->n += more->n;
}

static void
append_ratio (GArray *ratios, const Pair *pair)
{
  if (pair->n > 0 && pair->raw > 0)
    g_array_append_vals (ratios, (double[]) { (double) pair->worker / pair->raw }, 1);
}

static double
median_or_zero (GArray *samples)
{
  return samples->len > 0 ? ipd_bench_percentile (samples, 0.5) : 0;
}

static void
compare_worker_raw (GBytes *pdf, int first, int n, double scale, Comparison *result)
{
  g_autoptr(GArray) workers = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raws = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *by_origin[IPD_PDF_SURFACE_REUSED + 1];

  for (int o = 0; o <= IPD_PDF_SURFACE_REUSED; o++)
    by_origin[o] = g_array_new (FALSE, FALSE, sizeof (double));
  for (int round = 0; round < ROUNDS; round++)
    {
      WorkerRun worker_run;
      RawRun raw_run;
      Pair of_origin[IPD_PDF_SURFACE_REUSED + 1] = { { 0 } }, all = { 0 };

      worker_open (&worker_run, pdf, scale, first - 1);
      raw_open (&raw_run, pdf, scale, FALSE, TRUE);
      for (int i = first; i < first + n; i++)
        {
          Pair page = { 0 };

          pair_render (&page, &worker_run, &raw_run, i);
          pair_add (&of_origin[worker_run.origin], &page);
        }
      raw_close (&raw_run);
      worker_close (&worker_run);
      for (int o = 0; o <= IPD_PDF_SURFACE_REUSED; o++)
        {
          pair_add (&all, &of_origin[o]);
          append_ratio (by_origin[o], &of_origin[o]);
          result->n_pages[o] += of_origin[o].n;
        }
      g_array_append_vals (workers, (double[]) { all.worker / 1000.0 / n }, 1);
      g_array_append_vals (raws, (double[]) { all.raw / 1000.0 / n }, 1);
      append_ratio (ratios, &all);
    }
  result->worker_ms = median_or_zero (workers);
  result->raw_ms = median_or_zero (raws);
  result->ratio = median_or_zero (ratios);
  for (int o = 0; o <= IPD_PDF_SURFACE_REUSED; o++)
    {
      result->ratios[o] = median_or_zero (by_origin[o]);
      g_array_unref (by_origin[o]);
    }
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

/* ---- opening ---- */

/* The register the documents are read from, as the dossier page does. */
typedef struct {
  char     *directory;
  IpdStore *store;
  gint64    dossier_id;
} BenchRegister;

static BenchRegister *bench_register;

static BenchRegister *
bench_register_new (void)
{
  BenchRegister *reg = g_new0 (BenchRegister, 1);
  g_autofree char *path = NULL;
  g_autoptr(IpdDossier) dossier = ipd_dossier_new (IPD_KIND_GI, "Chè Shan tuyết Mộc Châu");
  g_autoptr(GError) error = NULL;

  reg->directory = ipd_test_make_dir ("ipd-bench-viewer-XXXXXX");
  path = g_build_filename (reg->directory, "register.sqlite", NULL);
  if ((reg->store = ipd_store_open (path, IPD_STORE_DEFAULT, &error)) == NULL
      || !ipd_store_save_dossier (reg->store, dossier, &error))
    g_error ("the bench's register: %s", error->message);
  reg->dossier_id = dossier->id;
  return reg;
}

static void
bench_register_free (BenchRegister *reg)
{
  g_clear_object (&reg->store);
  ipd_test_remove_dir (reg->directory);
  g_free (reg->directory);
  g_free (reg);
}

/* @pdf stored as a document of the register; its hash. */
static char *
bench_register_add (BenchRegister *reg, GBytes *pdf, const char *name)
{
  g_autoptr(IpdAttachment) attachment = ipd_attachment_new (reg->dossier_id, name);
  g_autoptr(GError) error = NULL;

  if (!ipd_store_add_attachment (reg->store, attachment, pdf, &error))
    g_error ("storing %s: %s", name, error->message);
  return g_strdup (attachment->sha256);
}

static void
on_result (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* Reads @sha256 from the register on its worker, the main loop running. */
static GBytes *
read_from_register (BenchRegister *reg, const char *sha256)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  ipd_store_load_blob_async (reg->store, sha256, NULL, on_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if ((bytes = ipd_store_load_blob_finish (result, &error)) == NULL)
    g_error ("reading the document back: %s", error->message);
  return bytes;
}

/* @loads times: from asking for @pdf (read from @reg when given) to page
 * 1 painted, into @open_ms; the main loop's longest wait meanwhile. */
static void
measure_opens (GtkWindow *window, IpdPdfView *view, GBytes *pdf, const char *name, BenchRegister *reg,
               int loads, GArray *open_ms, double *load_gap, double *load_busy)
{
  g_autofree char *sha256 = reg ? bench_register_add (reg, pdf, name) : NULL;
  GapProbe probe;

  *load_gap = *load_busy = 0;
  for (int i = 0; i < loads; i++)
    {
      gint64 start;
      double gap, busy;

      probe_start (&probe);
      start = g_get_monotonic_time ();
      if (reg != NULL)
        {
          g_autoptr(GBytes) stored = read_from_register (reg, sha256);
          ipd_pdf_view_load_bytes (view, stored, name);
        }
      else
        ipd_pdf_view_load_bytes (view, pdf, name);
      g_array_append_vals (open_ms, (double[]) { (wait_shown (GTK_WIDGET (window), view, 0) - start) / 1000.0 }, 1);
      run_for_ms (100);   /* the neighbours and the page sizes, still under the probe */
      gap = probe_stop (&probe, &busy);
      if (gap > *load_gap)
        *load_gap = gap, *load_busy = busy;
    }
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
  double load_gap, load_busy, scroll_gap, scroll_busy, scale, raw, white, layer, layer_thread_ms, viewer;
  Comparison idle = { 0 };
  /* the pages after the first, up to a hundred: a 50-page file whole */
  int sample = MIN (SAMPLE_PAGES, n_pages - 1);
  GapProbe probe;
  guint n_renders, n0, reused, reused0, made, made0, n_steady, n_steady0;
  gint64 steady_cpu, steady_cpu0;
  gsize kept;
  gint64 render_usec, render_cpu_usec, usec0, cpu0;

  measure_opens (window, view, pdf, name, NULL, loads, open_ms, &load_gap, &load_busy);
  printf ("%5d pages: open to page 1 painted  p50 %6.1f ms  worst %6.1f ms   (target ≤ 150 ms)\n", n_pages,
          ipd_bench_percentile (open_ms, 0.5), ipd_bench_percentile (open_ms, 1.0));
  printf ("%5d pages: main loop's longest wait while loading %6.1f ms   (target ≤ 20 ms; the main thread "
          "ran %.1f ms of it)\n", n_pages, load_gap, load_busy);
  /* as the officer opens it: the document read from the register first */
  g_array_set_size (open_ms, 0);
  measure_opens (window, view, pdf, name, bench_register, loads, open_ms, &load_gap, &load_busy);
  printf ("%5d pages: from the register (%.1f MB) to page 1 painted  p50 %6.1f ms  worst %6.1f ms; "
          "the main loop's longest wait %6.1f ms (the main thread ran %.1f ms of it)\n", n_pages,
          g_bytes_get_size (pdf) / 1e6, ipd_bench_percentile (open_ms, 0.5), ipd_bench_percentile (open_ms, 1.0),
          load_gap, load_busy);
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
  scroll_gap = probe_stop (&probe, &scroll_busy);
  printf ("%5d pages: main loop's longest wait while scrolling to page %d: %6.1f ms   (target ≤ 20 ms; "
          "the main thread ran %.1f ms of it)\n",
          n_pages, ipd_pdf_view_get_current_page (view) + 1, scroll_gap, scroll_busy);

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
  compare_worker_raw (pdf, 1, sample, scale, &idle);
  raw = idle.raw_ms;
  /* processor time of the rendering thread, each: the machine's load
   * stays out of the comparison */
  printf ("%5d pages: render per page at %.0f dpi (thread CPU): viewer's worker %5.2f ms (%u pages, %u into "
          "reused memory, %u mapped, %.1f MiB kept; %5.2f ms on the clock), layer alone (fresh memory) %5.2f ms, "
          "on a thread of its own %5.2f ms\n",
          n_pages, scale * 72, viewer, n_renders, reused - reused0, made - made0, kept / 1048576.0,
          render_usec / 1000.0 / MAX (1, n_renders), layer, layer_thread_ms);
  printf ("%5d pages:   of which into reused memory (steady state): %5.2f ms a page (%u pages), "
          "into new memory %5.2f ms (%u pages)\n", n_pages, steady_cpu / 1000.0 / MAX (1, n_steady), n_steady,
          (render_cpu_usec - steady_cpu) / 1000.0 / MAX (1, n_renders - n_steady), n_renders - n_steady);
  printf ("%5d pages:   poppler raw (fresh surface) %5.2f ms, poppler on white %5.2f ms\n", n_pages, raw, white);
  printf ("%5d pages:   viewer's worker with the main loop idle %5.2f ms a page (median of %d rounds, "
          "poppler raw's by turns page by page)\n", n_pages, idle.worker_ms, ROUNDS);
  /* the target: the same pages, the same conditions, the same moments */
  printf ("%5d pages:   worker/raw, main loop idle, %.2f× (median of the rounds' ratios; target ≤ 1.15×: %s); "
          "while scrolling %.2f×, viewer/white %.2f×; layer/raw %.2f×, layer/white %.2f×\n",
          n_pages, idle.ratio, idle.ratio <= 1.15 ? "ok" : "OVER", viewer / raw, viewer / white,
          layer / raw, layer / white);
  /* new memory: the texture cache filling up, or pages small enough for
   * cairo's own allocation */
  if (idle.n_pages[IPD_PDF_SURFACE_NEW] < (guint) sample * ROUNDS)
    printf ("%5d pages:   of which into memory given back %.2f× (%u pages of the rounds'), mapped ahead %.2f× "
            "(%u), new %.2f× (%u)\n", n_pages,
            idle.ratios[IPD_PDF_SURFACE_REUSED], idle.n_pages[IPD_PDF_SURFACE_REUSED],
            idle.ratios[IPD_PDF_SURFACE_AHEAD], idle.n_pages[IPD_PDF_SURFACE_AHEAD],
            idle.ratios[IPD_PDF_SURFACE_NEW], idle.n_pages[IPD_PDF_SURFACE_NEW]);
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

  bench_register = bench_register_new ();
  printf ("PDF viewer (%s renderer)\n", G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  printf ("Pages of a few lines:\n");
  bench_file (window, view, ipd_test_pdf_text (50), 50, loads);
  bench_file (window, view, ipd_test_pdf_text (1000), 1000, loads);
  printf ("Full pages of text (letters):\n");
  bench_file (window, view, ipd_test_pdf_letter (50), 50, loads);
  gtk_window_destroy (window);
  bench_register_free (bench_register);
  /* the worker ends on its own: give it the time before exit's clean-up */
  run_for_ms (200);
  return 0;
}
