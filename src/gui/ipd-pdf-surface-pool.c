/* ipd-pdf-surface-pool.c — rendered pages' memory, reused
 *
 * A texture's bytes own the surface; the cairo surface handed to the
 * cairo renderer is a second view of the same pixels that holds a
 * reference to those bytes, so a render node that outlives the texture
 * still keeps the pixels from being drawn over. The bytes' free function
 * gives the surface back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-pdf-pool"

#include "config.h"

#include "ipd-pdf-surface-pool.h"
#include "ipd-pdf-page.h"

#include <sys/mman.h>

/* Below this, cairo's own allocation (from the heap, no faults to speak of). */
#define MAPPED_MIN (1024 * 1024)

struct _IpdPdfSurfacePool {
  gatomicrefcount ref;
  GMutex          mutex;    /* everything below */
  GCond           mapped_ahead;
  GQueue          kept;     /* of cairo_surface_t, most recently given back first */
  gsize           size;
  gsize           budget;
  guint           reused;
  guint           made;
  gboolean        mapping_ahead;
  int             last_width;     /* of the last surface taken */
  int             last_height;
};

typedef struct {
  IpdPdfSurfacePool *pool;
  cairo_surface_t   *surface;
} Loan;

static const cairo_user_data_key_t bytes_key;

typedef struct {
  void  *memory;
  gsize  size;
} Mapping;

static const cairo_user_data_key_t mapping_key;

static void
mapping_free (gpointer data)
{
  Mapping *mapping = data;

  munmap (mapping->memory, mapping->size);
  g_free (mapping);
}

/* New memory for a page: the kernel maps it in one call (MAP_POPULATE)
 * rather than on a fault for every 4 KiB the first render touches, which
 * cost more than the render itself. cairo's own when it cannot be had. */
static cairo_surface_t *
new_surface (int width, int height)
{
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);
  Mapping *mapping;
  cairo_surface_t *surface;
  void *memory;

  if (stride <= 0 || (gsize) stride * height < MAPPED_MIN)
    return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
#ifdef MAP_POPULATE
  memory = mmap (NULL, (gsize) stride * height, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
#else
  memory = MAP_FAILED;
#endif
  if (memory == MAP_FAILED)
    return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  mapping = g_new (Mapping, 1);
  mapping->memory = memory;
  mapping->size = (gsize) stride * height;
  surface = cairo_image_surface_create_for_data (memory, CAIRO_FORMAT_ARGB32, width, height, stride);
  if (cairo_surface_set_user_data (surface, &mapping_key, mapping, mapping_free) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      mapping_free (mapping);
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    }
  return surface;
}

static gsize
surface_size (cairo_surface_t *surface)
{
  return (gsize) cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface);
}

static void
destroy_surface (gpointer surface, gpointer data)
{
  cairo_surface_destroy (surface);
}

typedef struct {
  GFunc    func;
  gpointer data;
} Errand;

static void
run_errand (gpointer data, gpointer unused)
{
  Errand *errand = data;

  errand->func (errand->data, NULL);
  g_free (errand);
}

/* Runs @func on the one thread every pool shares, or here when it could
 * not be started. */
static void
run_elsewhere (GFunc func, gpointer data)
{
  static GThreadPool *helper;
  static gsize helper_made;
  Errand *errand = g_new (Errand, 1);

  if (g_once_init_enter (&helper_made))
    {
      /* exclusive: its thread is started now, or the pool is not made */
      helper = g_thread_pool_new (run_errand, NULL, 1, TRUE, NULL);
      g_once_init_leave (&helper_made, 1);
    }
  *errand = (Errand) { func, data };
  if (helper == NULL)
    run_errand (errand, NULL);
  else
    g_thread_pool_push (helper, errand, NULL);   /* to a thread already there: cannot fail */
}

/* Surfaces the pool has no room for are unmapped on that thread: the
 * textures of a document come back on the main thread, and
 * unmapping the dozen a new document's view drops took 2.5–6 ms of the
 * main loop (4.3 MB each, at 105 dpi). */
static void
destroy_later (cairo_surface_t *surface)
{
  run_elsewhere (destroy_surface, surface);
}

/* A surface mapped ahead, until it is taken. */
static const cairo_user_data_key_t ahead_key;

typedef struct {
  IpdPdfSurfacePool *pool;
  int                width, height;
} Ahead;

/* With the lock held: keeps @surface, and returns the oldest kept over
 * the budget, to be freed outside the lock (munmap can take a while). */
static GSList *
keep_locked (IpdPdfSurfacePool *self, cairo_surface_t *surface)
{
  GSList *dropped = NULL;

  g_queue_push_head (&self->kept, surface);
  self->size += surface_size (surface);
  while (self->size > self->budget)
    {
      cairo_surface_t *old = g_queue_pop_tail (&self->kept);

      self->size -= surface_size (old);
      dropped = g_slist_prepend (dropped, old);
    }
  return dropped;
}

static void
map_ahead (gpointer data, gpointer unused)
{
  Ahead *ahead = data;
  IpdPdfSurfacePool *self = ahead->pool;
  cairo_surface_t *surface = new_surface (ahead->width, ahead->height);
  GSList *dropped = NULL;
  gboolean kept = FALSE;

  g_mutex_lock (&self->mutex);
  if (cairo_surface_set_user_data (surface, &ahead_key, GINT_TO_POINTER (TRUE), NULL) == CAIRO_STATUS_SUCCESS)
    {
      self->made++;
      dropped = keep_locked (self, surface);
      kept = TRUE;
    }
  self->mapping_ahead = FALSE;
  g_cond_broadcast (&self->mapped_ahead);
  g_mutex_unlock (&self->mutex);
  if (!kept)
    cairo_surface_destroy (surface);
  g_slist_free_full (dropped, (GDestroyNotify) cairo_surface_destroy);
  ipd_pdf_surface_pool_unref (self);
  g_free (ahead);
}

/* With the lock held, after a take that found none given back, of the
 * size the take before it asked for too (pages drawn whole; a page with
 * little ink is drawn as its ink's box, of a size of its own): the next
 * will likely be of that size too, and find none either. Its memory is
 * mapped now, elsewhere — mapping 4.3 MB (105 dpi) costs a third of
 * drawing a full page of text — when the pool has room. The worker's
 * render no longer waits for it; the processor time is the same. */
static Ahead *
plan_ahead (IpdPdfSurfacePool *self, int width, int height)
{
  gsize size = (gsize) cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width) * height;
  Ahead *ahead;

  if (self->mapping_ahead || size < MAPPED_MIN || self->size + size > self->budget)
    return NULL;
  self->mapping_ahead = TRUE;
  g_debug ("Mapping a %d × %d surface ahead", width, height);
  ahead = g_new (Ahead, 1);
  *ahead = (Ahead) { ipd_pdf_surface_pool_ref (self), width, height };
  return ahead;
}

IpdPdfSurfacePool *
ipd_pdf_surface_pool_new (gsize budget)
{
  IpdPdfSurfacePool *self = g_new0 (IpdPdfSurfacePool, 1);

  g_atomic_ref_count_init (&self->ref);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->mapped_ahead);
  g_queue_init (&self->kept);
  self->budget = budget;
  return self;
}

IpdPdfSurfacePool *
ipd_pdf_surface_pool_ref (IpdPdfSurfacePool *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
ipd_pdf_surface_pool_unref (IpdPdfSurfacePool *self)
{
  if (!g_atomic_ref_count_dec (&self->ref))
    return;
  ipd_pdf_surface_pool_clear (self);
  g_cond_clear (&self->mapped_ahead);
  g_mutex_clear (&self->mutex);
  g_free (self);
}

void
ipd_pdf_surface_pool_clear (IpdPdfSurfacePool *self)
{
  GQueue kept;

  g_mutex_lock (&self->mutex);
  kept = self->kept;
  g_queue_init (&self->kept);
  self->size = 0;
  g_mutex_unlock (&self->mutex);
  g_queue_clear_full (&kept, (GDestroyNotify) destroy_later);
}

/* With the lock held: a kept surface of that size, no longer kept, or NULL. */
static cairo_surface_t *
take_kept (IpdPdfSurfacePool *self, int width, int height)
{
  for (GList *l = self->kept.head; l != NULL; l = l->next)
    {
      cairo_surface_t *surface = l->data;

      if (cairo_image_surface_get_width (surface) == width && cairo_image_surface_get_height (surface) == height)
        {
          self->size -= surface_size (surface);
          g_queue_delete_link (&self->kept, l);
          return surface;
        }
    }
  return NULL;
}

cairo_surface_t *
ipd_pdf_surface_pool_take (IpdPdfSurfacePool *self, int width, int height,
                           IpdPdfSurfaceOrigin *origin)
{
  IpdPdfSurfaceOrigin from = IPD_PDF_SURFACE_NEW;
  cairo_surface_t *found;
  Ahead *ahead = NULL;

  g_mutex_lock (&self->mutex);
  found = take_kept (self, width, height);
  if (found != NULL && cairo_surface_get_user_data (found, &ahead_key) != NULL)
    {
      from = IPD_PDF_SURFACE_AHEAD;
      cairo_surface_set_user_data (found, &ahead_key, NULL, NULL);
    }
  else if (found != NULL)
    {
      from = IPD_PDF_SURFACE_REUSED;
      self->reused++;
    }
  else
    self->made++;
  if (from != IPD_PDF_SURFACE_REUSED && width == self->last_width && height == self->last_height)
    ahead = plan_ahead (self, width, height);
  self->last_width = width;
  self->last_height = height;
  g_mutex_unlock (&self->mutex);
  if (ahead != NULL)
    run_elsewhere (map_ahead, ahead);
  if (origin != NULL)
    *origin = from;
  return found != NULL ? found : new_surface (width, height);
}

void
ipd_pdf_surface_pool_give (IpdPdfSurfacePool *self, cairo_surface_t *surface)
{
  GSList *dropped = NULL;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS || surface_size (surface) > self->budget)
    {
      destroy_later (surface);
      return;
    }
  g_mutex_lock (&self->mutex);
  dropped = keep_locked (self, surface);
  g_mutex_unlock (&self->mutex);
  g_slist_free_full (dropped, (GDestroyNotify) destroy_later);
}

static void
loan_return (gpointer data)
{
  Loan *loan = data;

  ipd_pdf_surface_pool_give (loan->pool, loan->surface);
  ipd_pdf_surface_pool_unref (loan->pool);
  g_free (loan);
}

GdkTexture *
ipd_pdf_surface_pool_make_texture (IpdPdfSurfacePool *self, cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface), height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  unsigned char *data = cairo_image_surface_get_data (surface);
  Loan *loan = g_new0 (Loan, 1);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  cairo_surface_t *view;

  cairo_surface_flush (surface);
  loan->pool = ipd_pdf_surface_pool_ref (self);
  loan->surface = surface;
  bytes = g_bytes_new_with_free_func (data, (gsize) stride * height, loan_return, loan);
  /* cairo's ARGB32 is premultiplied, in native byte order: GDK_MEMORY_DEFAULT */
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
  view = cairo_image_surface_create_for_data (data, CAIRO_FORMAT_ARGB32, width, height, stride);
  cairo_surface_set_user_data (view, &bytes_key, g_bytes_ref (bytes), (cairo_destroy_func_t) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (texture), IPD_PDF_PAGE_SURFACE_KEY, view,
                          (GDestroyNotify) cairo_surface_destroy);
  return texture;
}

gsize
ipd_pdf_surface_pool_get_size (IpdPdfSurfacePool *self)
{
  gsize size;

  g_mutex_lock (&self->mutex);
  size = self->size;
  g_mutex_unlock (&self->mutex);
  return size;
}

void
ipd_pdf_surface_pool_get_stats (IpdPdfSurfacePool *self, guint *reused, guint *made)
{
  g_mutex_lock (&self->mutex);
  if (reused != NULL)
    *reused = self->reused;
  if (made != NULL)
    *made = self->made;
  g_mutex_unlock (&self->mutex);
}

void
ipd_pdf_surface_pool_wait_ahead (IpdPdfSurfacePool *self)
{
  g_mutex_lock (&self->mutex);
  while (self->mapping_ahead)
    g_cond_wait (&self->mapped_ahead, &self->mutex);
  g_mutex_unlock (&self->mutex);
}
