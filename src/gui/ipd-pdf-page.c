/* ipd-pdf-page.c — one page of the viewer (or one thumbnail)
 *
 * Coordinates: the document layer speaks points with the origin top-left
 * on the unrotated page; the rotation turns the page clockwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-pdf-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-pdf-page.h"

struct _IpdPdfPage {
  GtkWidget          parent_instance;
  int                index;
  gboolean           thumbnail;
  double             width, height;     /* points, unrotated */
  double             zoom;              /* pixels per point */
  int                rotation;
  GdkTexture        *texture;
  double             texture_zoom;
  int                texture_rotation;
  gboolean           failed;
  double             failed_zoom;
  int                failed_rotation;
  GPtrArray         *matches;
  const IpdPdfMatch *current;
  gboolean           has_selection;
  cairo_rectangle_t  selection;
  cairo_region_t    *selection_region;
  double             drag_x, drag_y;
};

G_DEFINE_FINAL_TYPE (IpdPdfPage, ipd_pdf_page, GTK_TYPE_WIDGET)

enum { SELECTION_CHANGED, CLICKED, N_SIGNALS };
static guint signals[N_SIGNALS];

GtkWidget *
ipd_pdf_page_new (int index, gboolean thumbnail)
{
  IpdPdfPage *self = g_object_new (IPD_TYPE_PDF_PAGE, NULL);
  /* Translators: what a screen reader says of a page of the PDF viewer */
  g_autofree char *label = g_strdup_printf (_("Page %d"), index + 1);

  self->index = index;
  self->thumbnail = thumbnail;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (thumbnail)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  else
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "text");
  return GTK_WIDGET (self);
}

int
ipd_pdf_page_get_index (IpdPdfPage *self)
{
  return self->index;
}

static gboolean
is_sideways (int rotation)
{
  return rotation == 90 || rotation == 270;
}

void
ipd_pdf_page_compute_pixel_size (double width, double height, double zoom, int rotation,
                                 int *pixel_width, int *pixel_height)
{
  double w = is_sideways (rotation) ? height : width;
  double h = is_sideways (rotation) ? width : height;

  *pixel_width = MAX (1, (int) round (w * zoom));
  *pixel_height = MAX (1, (int) round (h * zoom));
}

void
ipd_pdf_page_get_pixel_size (IpdPdfPage *self, int *width, int *height)
{
  ipd_pdf_page_compute_pixel_size (self->width, self->height, self->zoom, self->rotation, width, height);
}

void
ipd_pdf_page_set_geometry (IpdPdfPage *self, double width, double height, double zoom, int rotation)
{
  if (self->width == width && self->height == height && self->zoom == zoom && self->rotation == rotation)
    return;
  self->width = width;
  self->height = height;
  self->zoom = zoom;
  self->rotation = rotation;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ipd_pdf_page_get_size (IpdPdfPage *self, double *width, double *height)
{
  *width = self->width;
  *height = self->height;
}

void
ipd_pdf_page_set_texture (IpdPdfPage *self, GdkTexture *texture, double zoom, int rotation)
{
  if (self->texture == texture && self->texture_zoom == zoom && self->texture_rotation == rotation)
    return;
  g_set_object (&self->texture, texture);
  if (texture != NULL)
    self->failed = FALSE;
  self->texture_zoom = zoom;
  self->texture_rotation = rotation;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GdkTexture *
ipd_pdf_page_get_texture (IpdPdfPage *self)
{
  return self->texture;
}

void
ipd_pdf_page_set_failed (IpdPdfPage *self)
{
  self->failed = TRUE;
  self->failed_zoom = self->zoom;
  self->failed_rotation = self->rotation;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
ipd_pdf_page_is_failed (IpdPdfPage *self)
{
  return self->failed && self->failed_zoom == self->zoom && self->failed_rotation == self->rotation;
}

gboolean
ipd_pdf_page_is_rendered (IpdPdfPage *self)
{
  return self->texture != NULL && self->texture_zoom == self->zoom && self->texture_rotation == self->rotation;
}

void
ipd_pdf_page_set_matches (IpdPdfPage *self, GPtrArray *matches, const IpdPdfMatch *current)
{
  if (self->matches == matches && self->current == current)
    return;
  if (matches != NULL)
    g_ptr_array_ref (matches);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  self->matches = matches;
  self->current = current;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ipd_pdf_page_get_n_matches (IpdPdfPage *self)
{
  return self->matches != NULL ? self->matches->len : 0;
}

void
ipd_pdf_page_set_selection (IpdPdfPage *self, const cairo_rectangle_t *area)
{
  if (area == NULL && !self->has_selection)
    return;
  self->has_selection = area != NULL;
  if (area != NULL)
    self->selection = *area;
  else
    g_clear_pointer (&self->selection_region, cairo_region_destroy);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ipd_pdf_page_set_selection_region (IpdPdfPage *self, cairo_region_t *region)
{
  if (region != NULL)
    cairo_region_reference (region);
  g_clear_pointer (&self->selection_region, cairo_region_destroy);
  self->selection_region = region;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

cairo_region_t *
ipd_pdf_page_get_selection_region (IpdPdfPage *self)
{
  return self->selection_region;
}

gboolean
ipd_pdf_page_get_selection (IpdPdfPage *self, cairo_rectangle_t *area)
{
  if (self->has_selection && area != NULL)
    *area = self->selection;
  return self->has_selection;
}

/* A point of the unrotated page (points) to the widget (pixels). */
static void
point_to_widget (IpdPdfPage *self, double x, double y, double *u, double *v)
{
  switch (self->rotation)
    {
    case 90:  *u = self->height - y; *v = x; break;
    case 180: *u = self->width - x;  *v = self->height - y; break;
    case 270: *u = y;                *v = self->width - x; break;
    default:  *u = x;                *v = y; break;
    }
  *u *= self->zoom;
  *v *= self->zoom;
}

static void
point_from_widget (IpdPdfPage *self, double u, double v, double *x, double *y)
{
  u /= self->zoom;
  v /= self->zoom;
  switch (self->rotation)
    {
    case 90:  *x = v;                *y = self->height - u; break;
    case 180: *x = self->width - u;  *y = self->height - v; break;
    case 270: *x = self->width - v;  *y = u; break;
    default:  *x = u;                *y = v; break;
    }
  *x = CLAMP (*x, 0, self->width);
  *y = CLAMP (*y, 0, self->height);
}

void
ipd_pdf_page_to_widget (IpdPdfPage *self, const cairo_rectangle_t *area, graphene_rect_t *out)
{
  double u1, v1, u2, v2;

  point_to_widget (self, area->x, area->y, &u1, &v1);
  point_to_widget (self, area->x + area->width, area->y + area->height, &u2, &v2);
  graphene_rect_init (out, MIN (u1, u2), MIN (v1, v2), fabs (u2 - u1), fabs (v2 - v1));
}

static void
append_area (IpdPdfPage *self, GtkSnapshot *snapshot, const cairo_rectangle_t *area, const GdkRGBA *color)
{
  graphene_rect_t r;

  ipd_pdf_page_to_widget (self, area, &r);
  gtk_snapshot_append_color (snapshot, color, &r);
}

static void
append_matches (IpdPdfPage *self, GtkSnapshot *snapshot)
{
  /* semi-transparent, so that the text stays readable under them */
  static const GdkRGBA match = { 1.0, 0.84, 0.0, 0.35 };
  static const GdkRGBA current = { 1.0, 0.45, 0.0, 0.55 };

  for (guint i = 0; self->matches != NULL && i < self->matches->len; i++)
    {
      const IpdPdfMatch *m = g_ptr_array_index (self->matches, i);
      for (guint j = 0; m->boxes != NULL && j < m->boxes->len; j++)
        append_area (self, snapshot, &g_array_index (m->boxes, cairo_rectangle_t, j),
                     m == self->current ? &current : &match);
    }
}

static void
append_selection (IpdPdfPage *self, GtkSnapshot *snapshot)
{
  static const GdkRGBA fill = { 0.21, 0.52, 0.89, 0.25 };
  static const GdkRGBA text_fill = { 0.21, 0.52, 0.89, 0.4 };
  static const GdkRGBA edge = { 0.21, 0.52, 0.89, 0.9 };
  graphene_rect_t r;
  GskRoundedRect outline;
  const float widths[4] = { 1, 1, 1, 1 };
  const GdkRGBA colors[4] = { edge, edge, edge, edge };

  if (!self->has_selection)
    return;
  /* the text selected, once the worker has found it; the rectangle's
   * inside until then */
  if (self->selection_region != NULL && !cairo_region_is_empty (self->selection_region))
    for (int i = 0; i < cairo_region_num_rectangles (self->selection_region); i++)
      {
        cairo_rectangle_int_t box;
        cairo_region_get_rectangle (self->selection_region, i, &box);
        append_area (self, snapshot, &(cairo_rectangle_t) { box.x, box.y, box.width, box.height }, &text_fill);
      }
  ipd_pdf_page_to_widget (self, &self->selection, &r);
  if (self->selection_region == NULL || cairo_region_is_empty (self->selection_region))
    gtk_snapshot_append_color (snapshot, &fill, &r);
  gsk_rounded_rect_init_from_rect (&outline, &r, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

typedef struct {
  cairo_rectangle_int_t part;
  int                   page_width, page_height;
} TexturePart;

#define TEXTURE_PART_KEY "ipd-pdf-texture-part"

void
ipd_pdf_page_texture_set_part (GdkTexture *texture, const cairo_rectangle_int_t *part,
                               int page_width, int page_height)
{
  TexturePart *placed;

  g_return_if_fail (GDK_IS_TEXTURE (texture) && part != NULL && page_width > 0 && page_height > 0);
  placed = g_new (TexturePart, 1);
  *placed = (TexturePart) { *part, page_width, page_height };
  g_object_set_data_full (G_OBJECT (texture), TEXTURE_PART_KEY, placed, g_free);
}

/* Where the texture goes within the page's @page_bounds. */
static void
texture_bounds (GdkTexture *texture, const graphene_rect_t *page_bounds, graphene_rect_t *bounds)
{
  const TexturePart *placed = g_object_get_data (G_OBJECT (texture), TEXTURE_PART_KEY);
  double sx, sy;

  if (placed == NULL)
    {
      *bounds = *page_bounds;
      return;
    }
  sx = page_bounds->size.width / placed->page_width;
  sy = page_bounds->size.height / placed->page_height;
  graphene_rect_init (bounds, page_bounds->origin.x + placed->part.x * sx,
                      page_bounds->origin.y + placed->part.y * sy,
                      placed->part.width * sx, placed->part.height * sy);
}

/* A page's pixels as a cairo raster source, which holds a reference to
 * their surface for as long as any copy of the pattern (a recording's)
 * lives. */
static cairo_surface_t *
acquire_page (cairo_pattern_t *pattern, void *data, cairo_surface_t *target, const cairo_rectangle_int_t *extents)
{
  return cairo_surface_reference (data);
}

static void
release_page (cairo_pattern_t *pattern, void *data, cairo_surface_t *surface)
{
  cairo_surface_destroy (surface);
}

static cairo_status_t
copy_page (cairo_pattern_t *pattern, void *data, const cairo_pattern_t *other)
{
  cairo_surface_reference (data);
  return CAIRO_STATUS_SUCCESS;
}

static void
finish_page (cairo_pattern_t *pattern, void *data)
{
  cairo_surface_destroy (data);
}

/* The cairo renderer (no GL: virtual machines, old office computers)
 * converts a memory texture pixel by pixel on every frame; the surface
 * behind it (IPD_PDF_PAGE_SURFACE_KEY) is painted there instead, without
 * a copy. Through a raster source, not cairo_set_source_surface(): a
 * recording keeps a copy-on-write snapshot of a surface painted into it,
 * and a surface destroyed while such a recording lives is first copied
 * whole. A document's textures go when another one opens, a frame before
 * GTK lets go of the last frame's render nodes: that copied the pages on
 * screen, 2.5–6 ms of the main loop for full pages. The raster source
 * holds the surface instead, until the last render node drawing it goes.
 * The GL renderer uploads the texture once and keeps it. */
static void
append_texture (IpdPdfPage *self, GtkSnapshot *snapshot, const graphene_rect_t *page_bounds)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
  cairo_surface_t *surface = g_object_get_data (G_OBJECT (self->texture), IPD_PDF_PAGE_SURFACE_KEY);
  graphene_rect_t bounds;
  cairo_pattern_t *pattern;
  cairo_t *cr;
  double sx, sy;

  texture_bounds (self->texture, page_bounds, &bounds);
  if (surface == NULL || renderer == NULL || !GSK_IS_CAIRO_RENDERER (renderer))
    {
      gtk_snapshot_append_texture (snapshot, self->texture, &bounds);
      return;
    }
  /* the node's context is in the snapshot's coordinates: @bounds only clips */
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_translate (cr, bounds.origin.x, bounds.origin.y);
  sx = bounds.size.width / cairo_image_surface_get_width (surface);
  sy = bounds.size.height / cairo_image_surface_get_height (surface);
  if (fabs (sx - 1) > 1e-3 || fabs (sy - 1) > 1e-3)
    cairo_scale (cr, sx, sy);
  pattern = cairo_pattern_create_raster_source (cairo_surface_reference (surface), CAIRO_CONTENT_COLOR_ALPHA,
                                                 cairo_image_surface_get_width (surface),
                                                 cairo_image_surface_get_height (surface));
  cairo_raster_source_pattern_set_acquire (pattern, acquire_page, release_page);
  cairo_raster_source_pattern_set_copy (pattern, copy_page);
  cairo_raster_source_pattern_set_finish (pattern, finish_page);
  cairo_set_source (cr, pattern);
  cairo_paint (cr);
  cairo_pattern_destroy (pattern);
  cairo_destroy (cr);
}

/* Says that the page could not be drawn, near its top. */
static void
append_failure (IpdPdfPage *self, GtkSnapshot *snapshot, int width)
{
  static const GdkRGBA grey = { 0.4, 0.4, 0.4, 1 };
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                  _("This page cannot be shown"));
  int lw, lh;

  pango_layout_get_pixel_size (layout, &lw, &lh);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (MAX (0, (width - lw) / 2), 2 * lh));
  gtk_snapshot_append_layout (snapshot, layout, &grey);
  gtk_snapshot_restore (snapshot);
}

static void
ipd_pdf_page_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  IpdPdfPage *self = IPD_PDF_PAGE (widget);
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA edge = { 0, 0, 0, 0.25 };
  const float widths[4] = { 1, 1, 1, 1 };
  const GdkRGBA edges[4] = { edge, edge, edge, edge };
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, w, h);
  GskRoundedRect outline;

  gtk_snapshot_append_color (snapshot, &white, &bounds);
  /* a rendering at another zoom, stretched, until the new one comes */
  if (self->texture != NULL && self->texture_rotation == self->rotation)
    append_texture (self, snapshot, &bounds);
  if (ipd_pdf_page_is_failed (self) && !self->thumbnail)
    append_failure (self, snapshot, w);
  append_matches (self, snapshot);
  append_selection (self, snapshot);
  /* a plain edge: a blurred shadow costs the cairo renderer a mask per page */
  gsk_rounded_rect_init_from_rect (&outline, &bounds, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, edges);
}

static void
ipd_pdf_page_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                      int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  int w, h;

  ipd_pdf_page_get_pixel_size (IPD_PDF_PAGE (widget), &w, &h);
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? w : h;
}

static void
on_drag_begin (GtkGestureDrag *gesture, double x, double y, IpdPdfPage *self)
{
  if (self->thumbnail)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
  self->drag_x = x;
  self->drag_y = y;
}

static void
on_drag_update (GtkGestureDrag *gesture, double dx, double dy, IpdPdfPage *self)
{
  double x1, y1, x2, y2;
  cairo_rectangle_t area;

  if (self->thumbnail || (fabs (dx) < 3 && fabs (dy) < 3))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  point_from_widget (self, self->drag_x, self->drag_y, &x1, &y1);
  point_from_widget (self, self->drag_x + dx, self->drag_y + dy, &x2, &y2);
  area = (cairo_rectangle_t) { MIN (x1, x2), MIN (y1, y2), fabs (x2 - x1), fabs (y2 - y1) };
  ipd_pdf_page_set_selection (self, &area);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
on_drag_end (GtkGestureDrag *gesture, double dx, double dy, IpdPdfPage *self)
{
  /* a click without a drag clears the selection */
  if (!self->thumbnail && fabs (dx) < 3 && fabs (dy) < 3 && self->has_selection)
    {
      ipd_pdf_page_set_selection (self, NULL);
      g_signal_emit (self, signals[SELECTION_CHANGED], 0);
    }
}

static void
on_click_released (GtkGestureClick *gesture, int n_press, double x, double y, IpdPdfPage *self)
{
  if (self->thumbnail)
    g_signal_emit (self, signals[CLICKED], 0);
}

static void
ipd_pdf_page_dispose (GObject *object)
{
  IpdPdfPage *self = IPD_PDF_PAGE (object);

  g_clear_object (&self->texture);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->selection_region, cairo_region_destroy);
  G_OBJECT_CLASS (ipd_pdf_page_parent_class)->dispose (object);
}

static void
ipd_pdf_page_class_init (IpdPdfPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_pdf_page_dispose;
  widget_class->snapshot = ipd_pdf_page_snapshot;
  widget_class->measure = ipd_pdf_page_measure;
  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CLICKED] = g_signal_new ("clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_css_name (widget_class, "ipd-pdf-page");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ipd_pdf_page_init (IpdPdfPage *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->zoom = 1;
  self->width = 595;
  self->height = 842;
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  /* which one acts depends on the kind, known after construction */
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}
