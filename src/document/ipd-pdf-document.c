/* ipd-pdf-document.c — a PDF loaded, rendered and searched (poppler-glib)
 *
 * Every load goes through a memory stream: poppler 22.12's
 * poppler_document_new_from_bytes crashes when given a wrong password.
 * Files that are not PDFs at all are told apart before poppler sees them,
 * so that "not a PDF" and "a damaged PDF" get different messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <poppler.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "ipd-pdf-document.h"
#include "ipd-pdf-private.h"

/* Readers accept the header anywhere in the first kilobyte (some files
 * carry a few bytes of junk in front of it). */
#define HEADER_WINDOW 1024

/* A page bigger than this (in pixels; 256 MiB of ARGB32, a poster at
 * 300 dpi) is refused rather than risk the memory of the whole machine:
 * a damaged MediaBox can claim any size. */
#define MAX_PIXELS (64.0 * 1024 * 1024)

typedef enum {
  INK_UNKNOWN,
  INK_BOX,       /* in @box */
  INK_NONE,      /* a blank page */
  INK_ANYWHERE,  /* not known: the page could not be recorded */
} InkKind;

typedef struct {
  InkKind           kind;
  cairo_rectangle_t box;   /* points, origin top-left, unrotated */
} InkBox;

/* A page drawn into a recording surface to find its ink: the render
 * that follows is a replay of it, not a second reading of the page. */
typedef struct {
  cairo_surface_t *surface;   /* NULL: none */
  int              page;
  double           scale;
  int              rotation;
} Recording;

struct _IpdPdfDocument
{
  GObject parent_instance;

  PopplerDocument *document;
  GBytes          *bytes;
  int              n_pages;
  /* The pages' folded text (NULL: not read yet), kept from the first
   * search: the text extraction is most of a search's time. Only the
   * folded string: pages with a match are read again for their boxes. */
  char           **folded;
  /* Where each page has ink (NULL: none asked yet): it depends on the
   * page alone, and finding it costs drawing the page (page_ink ()). */
  InkBox          *ink;
  Recording        recording;
  /* The page asked for last, kept: a render asks for its page three
   * times (its size, its ink, the drawing), and poppler makes a new page
   * object each time. */
  PopplerPage     *last_page;
  int              last_page_index;
};

G_DEFINE_TYPE (IpdPdfDocument, ipd_pdf_document, G_TYPE_OBJECT)

G_DEFINE_QUARK (ipd-pdf-error-quark, ipd_pdf_error)

static void
ipd_pdf_document_finalize (GObject *object)
{
  IpdPdfDocument *self = IPD_PDF_DOCUMENT (object);

  if (self->folded != NULL)
    for (int i = 0; i < self->n_pages; i++)
      g_free (self->folded[i]);
  g_free (self->folded);
  g_free (self->ink);
  g_clear_pointer (&self->recording.surface, cairo_surface_destroy);
  g_clear_object (&self->last_page);
  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  G_OBJECT_CLASS (ipd_pdf_document_parent_class)->finalize (object);
}

static void
ipd_pdf_document_class_init (IpdPdfDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ipd_pdf_document_finalize;
}

static void
ipd_pdf_document_init (IpdPdfDocument *self)
{
}

static gboolean
has_pdf_header (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize window = MIN (size, HEADER_WINDOW);

  if (data == NULL || window < 4)
    return FALSE;
  return memmem (data, window, "%PDF", 4) != NULL;
}

/* poppler's errors in our terms: the password cases depend on whether the
 * caller tried one. */
static void
set_load_error (GError **error, const GError *poppler_error, const char *password)
{
  if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (password == NULL)
        g_set_error_literal (error, IPD_PDF_ERROR, IPD_PDF_ERROR_NEEDS_PASSWORD,
                             _("This PDF is protected by a password"));
      else
        g_set_error_literal (error, IPD_PDF_ERROR, IPD_PDF_ERROR_WRONG_PASSWORD,
                             _("The password is not correct"));
      return;
    }
  if (poppler_error != NULL && poppler_error->domain == G_IO_ERROR
      && poppler_error->code == G_IO_ERROR_CANCELLED)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, poppler_error->message);
      return;
    }
  g_set_error_literal (error, IPD_PDF_ERROR, IPD_PDF_ERROR_DAMAGED,
                       _("The PDF is damaged and cannot be read"));
}

IpdPdfDocument *
ipd_pdf_document_new_from_bytes (GBytes *bytes, const char *password, GCancellable *cancellable,
                                 GError **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) poppler_error = NULL;
  PopplerDocument *document;
  IpdPdfDocument *self;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_bytes_get_size (bytes) == 0)
    {
      g_set_error_literal (error, IPD_PDF_ERROR, IPD_PDF_ERROR_NOT_PDF, _("The file is empty"));
      return NULL;
    }
  if (!has_pdf_header (bytes))
    {
      g_set_error_literal (error, IPD_PDF_ERROR, IPD_PDF_ERROR_NOT_PDF,
                           _("The file is not a PDF document"));
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  stream = g_memory_input_stream_new_from_bytes (bytes);
  document = poppler_document_new_from_stream (stream, (goffset) g_bytes_get_size (bytes),
                                               password, cancellable, &poppler_error);
  if (document == NULL)
    {
      set_load_error (error, poppler_error, password);
      return NULL;
    }

  self = g_object_new (IPD_TYPE_PDF_DOCUMENT, NULL);
  self->document = document;
  self->bytes = g_bytes_ref (bytes);
  self->n_pages = MAX (poppler_document_get_n_pages (document), 0);
  return self;
}

IpdPdfDocument *
ipd_pdf_document_new_from_file (GFile *file, const char *password, GCancellable *cancellable,
                                GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;
  return ipd_pdf_document_new_from_bytes (bytes, password, cancellable, error);
}

int
ipd_pdf_document_get_n_pages (IpdPdfDocument *self)
{
  g_return_val_if_fail (IPD_IS_PDF_DOCUMENT (self), 0);
  return self->n_pages;
}

GBytes *
ipd_pdf_document_get_bytes (IpdPdfDocument *self)
{
  g_return_val_if_fail (IPD_IS_PDF_DOCUMENT (self), NULL);
  return self->bytes;
}

/* The page, or NULL with NO_SUCH_PAGE. */
PopplerPage *
ipd_pdf_document_get_poppler_page (IpdPdfDocument *self, int page, GError **error)
{
  PopplerPage *p = NULL;

  if (self->last_page != NULL && self->last_page_index == page)
    return g_object_ref (self->last_page);
  if (page >= 0 && page < self->n_pages)
    p = poppler_document_get_page (self->document, page);
  if (p == NULL)
    {
      g_set_error (error, IPD_PDF_ERROR, IPD_PDF_ERROR_NO_SUCH_PAGE,
                   _("There is no page %d: the document has %d pages"), page + 1, self->n_pages);
      return NULL;
    }
  g_set_object (&self->last_page, p);
  self->last_page_index = page;
  return p;
}

gboolean
ipd_pdf_document_get_page_size (IpdPdfDocument *self, int page, double *width, double *height,
                                GError **error)
{
  g_autoptr(IpdPopplerPage) p = NULL;
  double w = 0, h = 0;

  g_return_val_if_fail (IPD_IS_PDF_DOCUMENT (self), FALSE);
  p = ipd_pdf_document_get_poppler_page (self, page, error);
  if (p != NULL)
    poppler_page_get_size (p, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
  return p != NULL;
}

char *
ipd_pdf_document_dup_title (IpdPdfDocument *self)
{
  char *title;

  g_return_val_if_fail (IPD_IS_PDF_DOCUMENT (self), NULL);
  title = poppler_document_get_title (self->document);
  if (title != NULL && *g_strstrip (title) == '\0')
    g_clear_pointer (&title, g_free);
  return title;
}

/* The device pixels of a page side: never zero, never absurd (a damaged
 * MediaBox must not ask for gigabytes). */
static int
pixels (double points, double scale)
{
  double px = ceil (points * scale - 0.01);

  if (!isfinite (px) || px < 1)
    return 1;
  return (int) MIN (px, 32767.0);
}

/* From the page's points (origin top-left) to the pixels of a
 * @surface_width × @surface_height rendering at @scale turned by @rotation. */
static void
page_matrix (cairo_matrix_t *matrix, double scale, int rotation, int surface_width, int surface_height)
{
  switch (rotation)
    {
    case 90:
      cairo_matrix_init_translate (matrix, surface_width, 0);
      break;
    case 180:
      cairo_matrix_init_translate (matrix, surface_width, surface_height);
      break;
    case 270:
      cairo_matrix_init_translate (matrix, 0, surface_height);
      break;
    default:
      cairo_matrix_init_identity (matrix);
      break;
    }
  cairo_matrix_rotate (matrix, rotation * G_PI / 180.0);
  cairo_matrix_scale (matrix, scale, scale);
}

/* The page and its size in pixels at @scale turned by @rotation, or NULL
 * with @error set. */
static PopplerPage *
measure (IpdPdfDocument *self, int page, double scale, int *rotation, int *width, int *height,
         GError **error)
{
  PopplerPage *p;
  double w = 0, h = 0;

  *rotation = ((*rotation % 360) + 360) % 360;
  if (*rotation % 90 != 0)
    {
      g_set_error (error, IPD_PDF_ERROR, IPD_PDF_ERROR_RENDER,
                   _("A page can only be turned by a quarter turn, not by %d degrees"), *rotation);
      return NULL;
    }
  p = ipd_pdf_document_get_poppler_page (self, page, error);
  if (p == NULL)
    return NULL;
  poppler_page_get_size (p, &w, &h);
  *width = pixels (*rotation % 180 ? h : w, scale);
  *height = pixels (*rotation % 180 ? w : h, scale);
  if ((double) *width * *height > MAX_PIXELS)
    {
      g_set_error (error, IPD_PDF_ERROR, IPD_PDF_ERROR_RENDER,
                   _("Page %d is too large to draw at this size (%d × %d pixels)"), page + 1, *width, *height);
      g_object_unref (p);
      return NULL;
    }
  return p;
}

gboolean
ipd_pdf_document_get_render_size (IpdPdfDocument *self, int page, double scale, int rotation,
                                  int *width, int *height, GError **error)
{
  g_autoptr(IpdPopplerPage) p = NULL;
  int w = 0, h = 0;

  g_return_val_if_fail (IPD_IS_PDF_DOCUMENT (self), FALSE);
  g_return_val_if_fail (scale > 0, FALSE);

  p = measure (self, page, scale, &rotation, &w, &h, error);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
  return p != NULL;
}

/* The recording of @page at @scale and @rotation, taken out of @self;
 * NULL if the last one recorded was another. */
static cairo_surface_t *
take_recording (IpdPdfDocument *self, int page, double scale, int rotation)
{
  Recording *r = &self->recording;

  if (r->surface == NULL || r->page != page || r->scale != scale || r->rotation != rotation)
    return NULL;
  return g_steal_pointer (&r->surface);
}

/* Below this, memory said to be cold may well be in the processor's
 * second-level cache still (1-2 MiB). */
#define COLD_FILL_MIN (1024 * 1024)

/* Sets @size bytes at @data to 0xff. Cold memory is written with
 * streaming stores: a plain store first reads each line of the page in
 * from memory, and a page that comes back from the viewer's texture
 * cache (64 MiB of pages) is in no cache any more. Measured at 105 dpi,
 * full pages of text: 1.17x poppler's own render with memset, 1.09x with
 * streaming stores. Memory just written is in the caches, and streaming
 * stores would push it out: 1.32x instead of 0.99x. */
static void
fill_white (guchar *data, gsize size, IpdPdfMemory memory)
{
#ifdef __SSE2__
  if (memory == IPD_PDF_MEMORY_COLD && size >= COLD_FILL_MIN)
    {
      gsize head = MIN (size, (16 - (guintptr) data % 16) % 16);
      gsize n = (size - head) / 16;
      const __m128i ones = _mm_set1_epi32 (-1);
      __m128i *line = (__m128i *) (data + head);

      memset (data, 0xff, head);
      for (gsize i = 0; i < n; i++)
        _mm_stream_si128 (line + i, ones);
      /* streaming stores are weakly ordered: fenced, so that they are
       * seen before whatever hands the page to another thread */
      _mm_sfence ();
      memset (data + head + n * 16, 0xff, size - head - n * 16);
      return;
    }
#endif
  memset (data, 0xff, size);
}

/* Draws @area (pixels of the whole @width × @height rendering) of page
 * @page on @target, white first (opaque white is all ones in ARGB32: a
 * fill of bytes, faster than cairo_paint): from its recording if the page
 * was just measured, else from the page. */
static cairo_status_t
draw (IpdPdfDocument *self, PopplerPage *p, int page, double scale, int rotation, int width,
      int height, const cairo_rectangle_int_t *area, cairo_surface_t *target, IpdPdfMemory memory)
{
  cairo_surface_t *recording = take_recording (self, page, scale, rotation);
  cairo_matrix_t matrix;
  cairo_status_t status;
  cairo_t *cr;

  cairo_surface_flush (target);
  fill_white (cairo_image_surface_get_data (target),
              (gsize) cairo_image_surface_get_stride (target) * area->height, memory);
  cairo_surface_mark_dirty (target);
  cr = cairo_create (target);
  if (recording != NULL)
    {
      cairo_set_source_surface (cr, recording, -area->x, -area->y);
      cairo_paint (cr);
      cairo_surface_destroy (recording);
    }
  else
    {
      cairo_translate (cr, -area->x, -area->y);
      page_matrix (&matrix, scale, rotation, width, height);
      cairo_transform (cr, &matrix);
      poppler_page_render (p, cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (target);
  return status != CAIRO_STATUS_SUCCESS ? status : cairo_surface_status (target);
}

/* The smallest box holding @box's corners transformed by @matrix. */
static void
transform_box (const cairo_matrix_t *matrix, const cairo_rectangle_t *box, cairo_rectangle_t *out)
{
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

  for (int i = 0; i < 4; i++)
    {
      double x = i % 2 ? box->x + box->width : box->x, y = i / 2 ? box->y + box->height : box->y;

      cairo_matrix_transform_point (matrix, &x, &y);
      x1 = MIN (x1, x), y1 = MIN (y1, y), x2 = MAX (x2, x), y2 = MAX (y2, y);
    }
  *out = (cairo_rectangle_t) { x1, y1, x2 - x1, y2 - y1 };
}

/* Where page @page has ink, measured once: the page is drawn into a
 * recording surface, which tells the extent of what was drawn —
 * annotations included — and is kept for the render that follows. A
 * second pass over the content (poppler's own bounding box) cost as much
 * as drawing a page of a few lines. */
static const InkBox *
page_ink (IpdPdfDocument *self, PopplerPage *p, int page, double scale, int rotation, int width,
          int height)
{
  InkBox *ink;
  cairo_surface_t *recording;
  cairo_matrix_t matrix;
  cairo_t *cr;
  double x, y, w, h;

  if (self->ink == NULL)
    self->ink = g_new0 (InkBox, self->n_pages);
  ink = &self->ink[page];
  if (ink->kind != INK_UNKNOWN)
    return ink;
  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (recording);
  page_matrix (&matrix, scale, rotation, width, height);
  cairo_transform (cr, &matrix);
  poppler_page_render (p, cr);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS || cairo_surface_status (recording) != CAIRO_STATUS_SUCCESS)
    {
      ink->kind = INK_ANYWHERE;
      cairo_destroy (cr);
      cairo_surface_destroy (recording);
      return ink;
    }
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);
  if (w <= 0 || h <= 0)
    ink->kind = INK_NONE;
  else
    {
      /* kept in points, for any scale and rotation */
      ink->kind = INK_BOX;
      cairo_matrix_invert (&matrix);
      transform_box (&matrix, &(cairo_rectangle_t) { x, y, w, h }, &ink->box);
    }
  g_clear_pointer (&self->recording.surface, cairo_surface_destroy);
  self->recording = (Recording) { recording, page, scale, rotation };
  return ink;
}

/* @box (points) in the pixels of a @width × @height rendering, two
 * pixels wider on each side for antialiasing, within the rendering. */
static void
box_to_area (const cairo_rectangle_t *box, double scale, int rotation, int width, int height,
             cairo_rectangle_int_t *area)
{
  cairo_matrix_t matrix;
  cairo_rectangle_t pixels;
  int left, top, right, bottom;

  page_matrix (&matrix, scale, rotation, width, height);
  transform_box (&matrix, box, &pixels);
  left = CLAMP ((int) floor (pixels.x) - 2, 0, width - 1);
  top = CLAMP ((int) floor (pixels.y) - 2, 0, height - 1);
  right = CLAMP ((int) ceil (pixels.x + pixels.width) + 2, left + 1, width);
  bottom = CLAMP ((int) ceil (pixels.y + pixels.height) + 2, top + 1, height);
  *area = (cairo_rectangle_int_t) { left, top, right - left, bottom - top };
}

gboolean
ipd_pdf_document_get_ink_area (IpdPdfDocument *self, int page, double scale, int rotation,
                               cairo_rectangle_int_t *area, GError **error)
{
  g_autoptr(IpdPopplerPage) p = NULL;
  const InkBox *ink;
  int w, h;

  g_return_val_if_fail (IPD_IS_PDF_DOCUMENT (self), FALSE);
  g_return_val_if_fail (scale > 0 && area != NULL, FALSE);

  p = measure (self, page, scale, &rotation, &w, &h, error);
  if (p == NULL)
    return FALSE;
  ink = page_ink (self, p, page, scale, rotation, w, h);
  if (ink->kind == INK_BOX)
    box_to_area (&ink->box, scale, rotation, w, h, area);
  else if (ink->kind == INK_NONE)
    *area = (cairo_rectangle_int_t) { 0, 0, 1, 1 };
  else
    *area = (cairo_rectangle_int_t) { 0, 0, w, h };
  return TRUE;
}

gboolean
ipd_pdf_document_render_page_into (IpdPdfDocument *self, int page, double scale, int rotation,
                                   const cairo_rectangle_int_t *area, cairo_surface_t *target,
                                   IpdPdfMemory memory, GCancellable *cancellable, GError **error)
{
  g_autoptr(IpdPopplerPage) p = NULL;
  cairo_rectangle_int_t whole;
  cairo_status_t status;
  int w, h;

  g_return_val_if_fail (IPD_IS_PDF_DOCUMENT (self), FALSE);
  g_return_val_if_fail (scale > 0, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  p = measure (self, page, scale, &rotation, &w, &h, error);
  if (p == NULL)
    return FALSE;
  whole = (cairo_rectangle_int_t) { 0, 0, w, h };
  if (area == NULL)
    area = &whole;
  if (area->x < 0 || area->y < 0 || area->width < 1 || area->height < 1
      || area->x + area->width > w || area->y + area->height > h)
    {
      g_set_error (error, IPD_PDF_ERROR, IPD_PDF_ERROR_RENDER,
                   _("Page %d could not be drawn: the part asked for is outside the page"), page + 1);
      return FALSE;
    }
  if (cairo_surface_status (target) != CAIRO_STATUS_SUCCESS
      || cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE
      || cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32
      || cairo_image_surface_get_width (target) != area->width
      || cairo_image_surface_get_height (target) != area->height)
    {
      g_set_error (error, IPD_PDF_ERROR, IPD_PDF_ERROR_RENDER,
                   _("Page %d could not be drawn: the image to draw it on is not %d × %d pixels"),
                   page + 1, area->width, area->height);
      return FALSE;
    }
  status = draw (self, p, page, scale, rotation, w, h, area, target, memory);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IPD_PDF_ERROR, IPD_PDF_ERROR_RENDER,
                   _("Page %d could not be drawn: %s"), page + 1, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

cairo_surface_t *
ipd_pdf_document_render_page (IpdPdfDocument *self, int page, double scale, int rotation,
                              GCancellable *cancellable, GError **error)
{
  g_autoptr(IpdPopplerPage) p = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  int w, h;

  g_return_val_if_fail (IPD_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (scale > 0, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  /* the page looked up once: not through render_page_into */
  p = measure (self, page, scale, &rotation, &w, &h, error);
  if (p == NULL)
    return NULL;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = draw (self, p, page, scale, rotation, w, h, &(cairo_rectangle_int_t) { 0, 0, w, h },
                   surface, IPD_PDF_MEMORY_RECENT);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IPD_PDF_ERROR, IPD_PDF_ERROR_RENDER,
                   _("Page %d could not be drawn: %s"), page + 1, cairo_status_to_string (status));
      g_clear_pointer (&surface, cairo_surface_destroy);
    }
  return surface;
}

char *
ipd_pdf_document_get_page_text (IpdPdfDocument *self, int page)
{
  g_autoptr(IpdPopplerPage) p = NULL;

  g_return_val_if_fail (IPD_IS_PDF_DOCUMENT (self), NULL);
  p = ipd_pdf_document_get_poppler_page (self, page, NULL);
  return p ? poppler_page_get_text (p) : NULL;
}

/* Page @page and @area as poppler takes a selection: in the page's
 * top-left coordinates, as the text layout's boxes (tests/test-pdf.c
 * checks both). NULL when there is no such page. */
static PopplerPage *
page_and_selection (IpdPdfDocument *self, int page, const cairo_rectangle_t *area,
                    PopplerRectangle *selection)
{
  *selection = (PopplerRectangle) { area->x, area->y, area->x + area->width, area->y + area->height };
  return ipd_pdf_document_get_poppler_page (self, page, NULL);
}

char *
ipd_pdf_document_get_selected_text (IpdPdfDocument *self, int page, const cairo_rectangle_t *area)
{
  g_autoptr(IpdPopplerPage) p = NULL;
  PopplerRectangle selection;

  g_return_val_if_fail (IPD_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (area != NULL, NULL);
  p = page_and_selection (self, page, area, &selection);
  return p ? poppler_page_get_selected_text (p, POPPLER_SELECTION_GLYPH, &selection) : NULL;
}

cairo_region_t *
ipd_pdf_document_get_selected_region (IpdPdfDocument *self, int page, const cairo_rectangle_t *area)
{
  g_autoptr(IpdPopplerPage) p = NULL;
  PopplerRectangle selection;

  g_return_val_if_fail (IPD_IS_PDF_DOCUMENT (self), NULL);
  g_return_val_if_fail (area != NULL, NULL);
  p = page_and_selection (self, page, area, &selection);
  return p ? poppler_page_get_selected_region (p, 1.0, POPPLER_SELECTION_GLYPH, &selection) : NULL;
}

void
ipd_pdf_match_free (IpdPdfMatch *match)
{
  if (match == NULL)
    return;
  g_clear_pointer (&match->boxes, g_array_unref);
  g_free (match);
}

/* The folded text of page @index, read once. */
static const char *
page_folded (IpdPdfDocument *self, int index)
{
  if (self->folded == NULL)
    self->folded = g_new0 (char *, self->n_pages);
  if (self->folded[index] == NULL)
    {
      g_autoptr(IpdPopplerPage) p = poppler_document_get_page (self->document, index);
      g_autofree char *text = p ? poppler_page_get_text (p) : NULL;
      IpdPdfFolded *folded = ipd_pdf_folded_new (text ? text : "", FALSE);

      self->folded[index] = g_string_free (g_steal_pointer (&folded->text), FALSE);
      ipd_pdf_folded_free (folded);
    }
  return self->folded[index];
}

GPtrArray *
ipd_pdf_document_find (IpdPdfDocument *self, const char *query, int first_page, int last_page,
                       GCancellable *cancellable)
{
  g_autoptr(IpdPdfFolded) needle = NULL;
  GPtrArray *matches = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_pdf_match_free);

  g_return_val_if_fail (IPD_IS_PDF_DOCUMENT (self), matches);
  needle = ipd_pdf_folded_new (query ? query : "", TRUE);
  if (needle->text->len == 0)
    return matches;
  first_page = MAX (first_page, 0);
  last_page = MIN (last_page, self->n_pages - 1);
  for (int i = first_page; i <= last_page; i++)
    {
      g_autoptr(IpdPopplerPage) p = NULL;
      g_autofree char *text = NULL;
      g_autoptr(IpdPdfFolded) hay = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      if (strstr (page_folded (self, i), needle->text->str) == NULL)
        continue;
      /* a match: the text again, with the map back to its characters */
      p = poppler_document_get_page (self->document, i);
      text = p ? poppler_page_get_text (p) : NULL;
      if (text == NULL)
        continue;
      hay = ipd_pdf_folded_new (text, FALSE);
      ipd_pdf_search_page (p, i, hay, needle, matches);
    }
  return matches;
}

void
ipd_pdf_document_print_page (IpdPdfDocument *self, int page, cairo_t *cr)
{
  g_autoptr(IpdPopplerPage) p = NULL;

  g_return_if_fail (IPD_IS_PDF_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  p = ipd_pdf_document_get_poppler_page (self, page, NULL);
  if (p != NULL)
    poppler_page_render_for_printing (p, cr);
}
