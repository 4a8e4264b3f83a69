/* ipd-pdf-renderer.c — one worker thread per document for the viewer
 *
 * A plain thread and a queue sorted by priority rather than a GTask: the
 * viewer must reorder and drop what it asked for as the user scrolls,
 * and a document must only ever be used by one thread. Long jobs (page
 * sizes of a large file, searches) run a few pages at a time and go back
 * in the queue, so that a page coming into view is never stuck behind
 * them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-pdf-renderer"

#include "config.h"

#include "ipd-pdf-renderer.h"

#include <glib/gi18n.h>
#include <time.h>

/* Pages per delivery of the jobs that run in pieces. */
#define SIZES_CHUNK 200
#define FIND_CHUNK 8

struct _IpdPdfRenderer {
  gatomicrefcount  ref;
  GMutex           mutex;      /* queue, quit, serial */
  GCond            cond;
  GQueue           queue;
  gboolean         quit;
  guint64          serial;
  GMutex           document_mutex;
  IpdPdfDocument  *document;   /* under document_mutex */
  gint             shut_down;  /* atomic: results are no longer wanted */
  GMainContext    *context;    /* the viewer's, where results go */
  IpdPdfSurfacePool *pool;     /* or NULL */
  guint            n_sparse;   /* the document's pages measured with little ink, */
  guint            n_dense;    /* and with much */
};

typedef struct {
  IpdPdfJob       *job;
  IpdPdfRenderer  *renderer;
} Delivery;

static IpdPdfRenderer *renderer_ref   (IpdPdfRenderer *self);
static void            renderer_unref (IpdPdfRenderer *self);

IpdPdfJob *
ipd_pdf_job_new (IpdPdfJobKind kind, int priority, IpdPdfJobDone done, gpointer user_data)
{
  IpdPdfJob *job = g_atomic_rc_box_new0 (IpdPdfJob);

  job->kind = kind;
  job->priority = priority;
  job->done = done;
  job->user_data = user_data;
  job->cancellable = g_cancellable_new ();
  return job;
}

IpdPdfJob *
ipd_pdf_job_ref (IpdPdfJob *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
job_clear (IpdPdfJob *job)
{
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job->password);
  g_free (job->query);
  g_clear_error (&job->error);
  g_clear_pointer (&job->sizes, g_array_unref);
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_clear_pointer (&job->matches, g_ptr_array_unref);
  g_free (job->text);
  g_clear_pointer (&job->region, cairo_region_destroy);
}

void
ipd_pdf_job_unref (IpdPdfJob *job)
{
  g_atomic_rc_box_release_full (job, (GDestroyNotify) job_clear);
}

/* A copy of a job's inputs that carries one piece of its results. */
static IpdPdfJob *
job_new_delivery (IpdPdfJob *job)
{
  IpdPdfJob *piece = ipd_pdf_job_new (job->kind, job->priority, job->done, job->user_data);

  g_set_object (&piece->cancellable, job->cancellable);
  piece->generation = job->generation;
  piece->query = g_strdup (job->query);
  piece->last_page = job->last_page;
  return piece;
}

/* ---- the worker's side ---- */

static void
run_load (IpdPdfRenderer *self, IpdPdfJob *job)
{
  g_autoptr(IpdPdfDocument) document = NULL;

  document = ipd_pdf_document_new_from_bytes (job->bytes, job->password, job->cancellable, &job->error);
  g_clear_object (&self->document);
  self->n_sparse = self->n_dense = 0;
  if (document == NULL)
    return;
  job->n_pages = ipd_pdf_document_get_n_pages (document);
  if (job->n_pages > 0 && !ipd_pdf_document_get_page_size (document, 0, &job->width, &job->height, NULL))
    job->width = 595, job->height = 842;
  self->document = g_steal_pointer (&document);
}

static IpdPdfJob *
run_sizes (IpdPdfRenderer *self, IpdPdfJob *job)
{
  IpdPdfJob *piece = job_new_delivery (job);
  int last = MIN (job->page + SIZES_CHUNK - 1, job->last_page);

  piece->chunk_first = job->page;
  piece->chunk_last = last;
  piece->sizes = g_array_new (FALSE, FALSE, sizeof (double));
  for (int i = job->page; i <= last; i++)
    {
      double w = 0, h = 0;
      if (self->document == NULL || !ipd_pdf_document_get_page_size (self->document, i, &w, &h, NULL))
        w = h = 0;   /* unknown: the viewer keeps its guess */
      g_array_append_val (piece->sizes, w);
      g_array_append_val (piece->sizes, h);
    }
  job->page = last + 1;
  piece->finished = job->page > job->last_page;
  return piece;
}

static IpdPdfJob *
run_find (IpdPdfRenderer *self, IpdPdfJob *job)
{
  IpdPdfJob *piece = job_new_delivery (job);
  int last = MIN (job->page + FIND_CHUNK - 1, job->last_page);

  piece->chunk_first = job->page;
  piece->chunk_last = last;
  if (self->document != NULL)
    piece->matches = ipd_pdf_document_find (self->document, job->query, job->page, last, job->cancellable);
  if (piece->matches == NULL)
    piece->matches = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_pdf_match_free);
  job->page = last + 1;
  piece->finished = job->page > job->last_page;
  return piece;
}

/* A page with ink on less than this part of it is drawn as that part
 * alone: the page widget paints the paper white. */
#define SPARSE_INK 0.5
/* The part of the page to draw: where it has ink, if little. Measuring
 * records the page and the render replays the recording, which only
 * pays on pages with little on them (the rest of the page need not be
 * filled white, in memory that comes back cold from the texture cache);
 * a full page costs about twice its render. So the pages are measured
 * while most of those measured had little ink, which in a document of
 * full pages stops after the first. */
static void
choose_area (IpdPdfRenderer *self, IpdPdfJob *job)
{
  cairo_rectangle_int_t ink;

  job->drawn = (cairo_rectangle_int_t) { 0, 0, job->page_width, job->page_height };
  if (self->n_dense > self->n_sparse
      || !ipd_pdf_document_get_ink_area (self->document, job->page, job->scale, job->rotation, &ink, NULL))
    return;
  if ((double) ink.width * ink.height < SPARSE_INK * job->page_width * job->page_height)
    {
      self->n_sparse++;
      job->drawn = ink;
    }
  else
    self->n_dense++;
}

/* Into a surface from the pool when there is one: reused memory, no page
 * faults. Unless mapped just now, on this thread, it is in none of this
 * processor's caches: given back after many other pages, or mapped ahead
 * on another (measured: 1.09-1.10x poppler's own render filled as cold,
 * 1.12-1.14x as recent, for memory mapped ahead). */
static void
run_render (IpdPdfRenderer *self, IpdPdfJob *job)
{
  cairo_surface_t *surface;

  if (!ipd_pdf_document_get_render_size (self->document, job->page, job->scale, job->rotation,
                                         &job->page_width, &job->page_height, &job->error))
    return;
  if (self->pool == NULL)
    {
      job->drawn = (cairo_rectangle_int_t) { 0, 0, job->page_width, job->page_height };
      job->surface = ipd_pdf_document_render_page (self->document, job->page, job->scale, job->rotation,
                                                   job->cancellable, &job->error);
      return;
    }
  choose_area (self, job);
  surface = ipd_pdf_surface_pool_take (self->pool, job->drawn.width, job->drawn.height, &job->origin);
  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS
      && ipd_pdf_document_render_page_into (self->document, job->page, job->scale, job->rotation, &job->drawn,
                                            surface,
                                            job->origin == IPD_PDF_SURFACE_NEW ? IPD_PDF_MEMORY_RECENT
                                                                               : IPD_PDF_MEMORY_COLD,
                                            job->cancellable, &job->error))
    {
      job->surface = surface;
      return;
    }
  if (job->error == NULL)
    g_set_error (&job->error, IPD_PDF_ERROR, IPD_PDF_ERROR_RENDER, _("Page %d could not be drawn: %s"),
                 job->page + 1, cairo_status_to_string (cairo_surface_status (surface)));
  ipd_pdf_surface_pool_give (self->pool, surface);
}

/* Runs @job; returns what to deliver (a new reference), or NULL. Jobs in
 * pieces go back into the queue until they are finished. */
static IpdPdfJob *
run_job (IpdPdfRenderer *self, IpdPdfJob *job, gboolean *again)
{
  IpdPdfJob *result = NULL;

  *again = FALSE;
  switch (job->kind)
    {
    case IPD_PDF_JOB_LOAD:
      run_load (self, job);
      return ipd_pdf_job_ref (job);
    case IPD_PDF_JOB_SIZES:
      result = run_sizes (self, job);
      *again = !result->finished;
      return result;
    case IPD_PDF_JOB_FIND:
      result = run_find (self, job);
      *again = !result->finished;
      return result;
    case IPD_PDF_JOB_RENDER:
      if (self->document != NULL)
        run_render (self, job);
      return ipd_pdf_job_ref (job);
    case IPD_PDF_JOB_TEXT:
      if (self->document != NULL)
        job->text = ipd_pdf_document_get_selected_text (self->document, job->page, &job->area);
      return ipd_pdf_job_ref (job);
    case IPD_PDF_JOB_REGION:
      if (self->document != NULL)
        job->region = ipd_pdf_document_get_selected_region (self->document, job->page, &job->area);
      return ipd_pdf_job_ref (job);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
deliver_cb (gpointer data)
{
  Delivery *delivery = data;

  if (!g_atomic_int_get (&delivery->renderer->shut_down)
      && !g_cancellable_is_cancelled (delivery->job->cancellable))
    delivery->job->done (delivery->job, delivery->job->user_data);
  return G_SOURCE_REMOVE;
}

static void
delivery_free (gpointer data)
{
  Delivery *delivery = data;

  ipd_pdf_job_unref (delivery->job);
  renderer_unref (delivery->renderer);
  g_free (delivery);
}

/* An idle source on the viewer's context, never g_main_context_invoke:
 * that one runs the callback on the calling thread whenever it can
 * acquire the context (a test iterating the loop by hand releases it
 * between iterations), which would touch GTK from the worker. */
static void
deliver (IpdPdfRenderer *self, IpdPdfJob *result)
{
  Delivery *delivery = g_new0 (Delivery, 1);
  GSource *source = g_idle_source_new ();

  delivery->job = result;
  delivery->renderer = renderer_ref (self);
  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (source, deliver_cb, delivery, delivery_free);
  g_source_set_static_name (source, "[ipd-pdf-renderer] delivery");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

static gint
compare_jobs (gconstpointer a, gconstpointer b, gpointer data)
{
  const IpdPdfJob *x = a, *y = b;

  if (x->priority != y->priority)
    return x->priority < y->priority ? -1 : 1;
  return x->serial < y->serial ? -1 : x->serial > y->serial;
}

static IpdPdfJob *
next_job (IpdPdfRenderer *self)
{
  IpdPdfJob *job;

  g_mutex_lock (&self->mutex);
  while (!self->quit && g_queue_is_empty (&self->queue))
    g_cond_wait (&self->cond, &self->mutex);
  job = self->quit ? NULL : g_queue_pop_head (&self->queue);
  g_mutex_unlock (&self->mutex);
  return job;
}

/* The calling thread's processor time: the figures of a loaded machine
 * count the worker's own work, not its waiting for a core. */
static gint64
thread_cpu_usec (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gpointer
worker (gpointer data)
{
  IpdPdfRenderer *self = data;
  IpdPdfJob *job;

  while ((job = next_job (self)) != NULL)
    {
      IpdPdfJob *result = NULL;
      gboolean again = FALSE;

      if (!g_cancellable_is_cancelled (job->cancellable))
        {
          gint64 start = g_get_monotonic_time (), cpu = thread_cpu_usec ();
          g_mutex_lock (&self->document_mutex);
          result = run_job (self, job, &again);
          g_mutex_unlock (&self->document_mutex);
          result->run_usec = g_get_monotonic_time () - start;
          result->cpu_usec = thread_cpu_usec () - cpu;
        }
      if (result != NULL)
        deliver (self, result);
      if (again && !g_cancellable_is_cancelled (job->cancellable))
        ipd_pdf_renderer_push (self, job);
      ipd_pdf_job_unref (job);
    }
  renderer_unref (self);
  return NULL;
}

/* ---- the main thread's side ---- */

static IpdPdfRenderer *
renderer_ref (IpdPdfRenderer *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

static void
renderer_unref (IpdPdfRenderer *self)
{
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  g_queue_clear_full (&self->queue, (GDestroyNotify) ipd_pdf_job_unref);
  g_clear_object (&self->document);
  g_mutex_clear (&self->mutex);
  g_mutex_clear (&self->document_mutex);
  g_cond_clear (&self->cond);
  g_main_context_unref (self->context);
  g_clear_pointer (&self->pool, ipd_pdf_surface_pool_unref);
  g_free (self);
}

IpdPdfRenderer *
ipd_pdf_renderer_new (IpdPdfSurfacePool *pool)
{
  IpdPdfRenderer *self = g_new0 (IpdPdfRenderer, 1);

  if (pool != NULL)
    self->pool = ipd_pdf_surface_pool_ref (pool);
  g_atomic_ref_count_init (&self->ref);
  g_mutex_init (&self->mutex);
  g_mutex_init (&self->document_mutex);
  g_cond_init (&self->cond);
  g_queue_init (&self->queue);
  self->context = g_main_context_ref_thread_default ();
  /* the thread's own reference, dropped when it ends */
  g_thread_unref (g_thread_new ("ipd-pdf-renderer", worker, renderer_ref (self)));
  return self;
}

void
ipd_pdf_renderer_push (IpdPdfRenderer *self, IpdPdfJob *job)
{
  g_mutex_lock (&self->mutex);
  if (!self->quit)
    {
      job->serial = self->serial++;
      g_queue_insert_sorted (&self->queue, ipd_pdf_job_ref (job), compare_jobs, NULL);
      g_cond_signal (&self->cond);
    }
  g_mutex_unlock (&self->mutex);
}

void
ipd_pdf_renderer_cancel_all (IpdPdfRenderer *self)
{
  IpdPdfJob *job;

  g_mutex_lock (&self->mutex);
  while ((job = g_queue_pop_head (&self->queue)) != NULL)
    {
      g_cancellable_cancel (job->cancellable);
      ipd_pdf_job_unref (job);
    }
  g_mutex_unlock (&self->mutex);
}

void
ipd_pdf_renderer_shutdown (IpdPdfRenderer *self)
{
  g_atomic_int_set (&self->shut_down, TRUE);
  ipd_pdf_renderer_cancel_all (self);
  g_mutex_lock (&self->mutex);
  self->quit = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
  renderer_unref (self);
}

IpdPdfDocument *
ipd_pdf_renderer_lock (IpdPdfRenderer *self)
{
  g_mutex_lock (&self->document_mutex);
  return self->document;
}

void
ipd_pdf_renderer_unlock (IpdPdfRenderer *self)
{
  g_mutex_unlock (&self->document_mutex);
}
