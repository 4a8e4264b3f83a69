/* ipd-pdf-view.c — the built-in PDF viewer
 *
 * The pages are IpdPdfPage widgets in an IpdPdfPageColumn, sized from the
 * page sizes at the zoom: their positions are computed here (margin,
 * heights, spacing) rather than read from allocations, so that "go to
 * page N" and keeping the place across a zoom work before GTK has laid
 * anything out. Only the pages near the viewport have a widget.
 * Everything that touches the document happens on the view's
 * IpdPdfRenderer; the pages near the viewport are asked for after every
 * scroll and the requests for pages scrolled away are cancelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-pdf-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ipd-gui.h"
#include "ipd-pdf-document.h"
#include "ipd-pdf-page.h"
#include "ipd-pdf-page-column.h"
#include "ipd-pdf-renderer.h"
#include "ipd-pdf-texture-cache.h"
#include "ipd-pdf-view-private.h"

G_DEFINE_FINAL_TYPE (IpdPdfView, ipd_pdf_view, GTK_TYPE_WIDGET)

static void schedule_update (IpdPdfView *self);

/* ---- geometry ---- */

static double
pixels_per_point (IpdPdfView *self)
{
  return self->zoom * POINTS_TO_PIXELS;
}

void
ipd_pdf_view_page_size (IpdPdfView *self, int page, double *width, double *height)
{
  *width = g_array_index (self->sizes, double, 2 * page);
  *height = g_array_index (self->sizes, double, 2 * page + 1);
}

/* The page's size as shown (rotated), in points. */
static void
shown_size (IpdPdfView *self, int page, double *width, double *height)
{
  double w, h;

  ipd_pdf_view_page_size (self, page, &w, &h);
  *width = self->rotation % 180 ? h : w;
  *height = self->rotation % 180 ? w : h;
}

double
ipd_pdf_view_page_top (IpdPdfView *self, int page)
{
  return g_array_index (self->offsets, double, page);
}

static double
page_height_px (IpdPdfView *self, int page)
{
  return ipd_pdf_view_page_top (self, page + 1) - ipd_pdf_view_page_top (self, page) - SPACING;
}

static double
total_height (IpdPdfView *self)
{
  return self->n_pages == 0 ? 0 : ipd_pdf_view_page_top (self, self->n_pages) - SPACING + MARGIN;
}

/* The page under the pixel row @y of the page column. */
static int
page_at (IpdPdfView *self, double y)
{
  int lo = 0, hi = self->n_pages - 1;

  while (lo < hi)
    {
      int mid = (lo + hi + 1) / 2;
      if (ipd_pdf_view_page_top (self, mid) <= y)
        lo = mid;
      else
        hi = mid - 1;
    }
  return lo;
}

GtkAdjustment *
ipd_pdf_view_get_vadjustment (IpdPdfView *self)
{
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
}

/* ---- page widgets ---- */

/* Pages this far from the visible ones keep their widget: a little
 * further than those that keep their texture, so that scrolling back and
 * forth over a page does not make its widget again each time. */
#define LIVE (NEIGHBOURS + KEEP + 4)

static void on_page_selection_changed (IpdPdfPage *page, IpdPdfView *self);

static void
set_page_geometry (IpdPdfView *self, IpdPdfPage *page, int index)
{
  double w, h;

  ipd_pdf_view_page_size (self, index, &w, &h);
  ipd_pdf_page_set_geometry (page, w, h, pixels_per_point (self), self->rotation);
}

/* Page @page's widget, made now if it has none. */
IpdPdfPage *
ipd_pdf_view_page (IpdPdfView *self, int page)
{
  GtkWidget *widget;

  g_assert (page >= 0 && page < (int) self->pages->len);
  widget = g_ptr_array_index (self->pages, page);
  if (widget != NULL)
    return IPD_PDF_PAGE (widget);
  widget = ipd_pdf_page_new (page, FALSE);
  set_page_geometry (self, IPD_PDF_PAGE (widget), page);
  g_signal_connect_object (widget, "selection-changed", G_CALLBACK (on_page_selection_changed), self, 0);
  ipd_pdf_page_column_add (IPD_PDF_PAGE_COLUMN (self->page_column), widget);
  g_ptr_array_index (self->pages, page) = widget;
  ipd_pdf_view_show_matches_on_page (self, page);
  return IPD_PDF_PAGE (widget);
}

/* Page @page's widget if it has one, else NULL. */
static IpdPdfPage *
page_if_made (IpdPdfView *self, int page)
{
  return page >= 0 && page < (int) self->pages->len ? g_ptr_array_index (self->pages, page) : NULL;
}

/* Drops the widgets of the pages outside @first..@last, but the one with
 * the selection; their renderings stay in the texture cache. */
static void
drop_pages_outside (IpdPdfView *self, int first, int last)
{
  GtkWidget *child = gtk_widget_get_first_child (self->page_column);

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      int index = ipd_pdf_page_get_index (IPD_PDF_PAGE (child));

      if ((index < first || index > last) && index != self->selection_page)
        {
          g_hash_table_remove (self->textured, GINT_TO_POINTER (index));
          g_ptr_array_index (self->pages, index) = NULL;
          ipd_pdf_page_column_remove (IPD_PDF_PAGE_COLUMN (self->page_column), child);
        }
      child = next;
    }
}

/* Recomputes the offsets and sets the geometry of the pages with a widget. */
static void
relayout (IpdPdfView *self)
{
  double ppp = pixels_per_point (self), y = MARGIN;

  self->content_width = 0;
  g_array_set_size (self->offsets, 0);
  for (int i = 0; i < self->n_pages; i++)
    {
      IpdPdfPage *page = page_if_made (self, i);
      double w, h;
      int pw, ph;

      ipd_pdf_view_page_size (self, i, &w, &h);
      if (page != NULL)
        set_page_geometry (self, page, i);
      ipd_pdf_page_compute_pixel_size (w, h, ppp, self->rotation, &pw, &ph);
      self->content_width = MAX (self->content_width, pw + 2 * MARGIN);
      g_array_append_val (self->offsets, y);
      y += ph + SPACING;
    }
  g_array_append_val (self->offsets, y);
  ipd_pdf_page_column_set_size (IPD_PDF_PAGE_COLUMN (self->page_column), (int) self->content_width,
                                (int) ceil (total_height (self)));
}

/* Across a zoom, the same part of the pages stays in the middle. */
static void
try_pending_hscroll (IpdPdfView *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  double upper = gtk_adjustment_get_upper (adj), size = gtk_adjustment_get_page_size (adj);

  if (self->pending_hcenter < 0 || upper + 1 < self->content_width)
    return;
  gtk_adjustment_set_value (adj, CLAMP (self->pending_hcenter * upper - size / 2, 0, MAX (0, upper - size)));
  self->pending_hcenter = -1;
}

static void
try_pending_scroll (IpdPdfView *self)
{
  GtkAdjustment *adj = ipd_pdf_view_get_vadjustment (self);
  double upper = gtk_adjustment_get_upper (adj), size = gtk_adjustment_get_page_size (adj);

  if (self->pending_scroll < 0)
    return;
  /* wait until the box has its new height */
  if (upper + 1 < MAX (total_height (self), size))
    return;
  gtk_adjustment_set_value (adj, MIN (self->pending_scroll, MAX (0, upper - size)));
  self->pending_scroll = -1;
}

void
ipd_pdf_view_scroll_to (IpdPdfView *self, double y)
{
  self->pending_scroll = MAX (0, y);
  try_pending_scroll (self);
  schedule_update (self);
}

/* Where the viewport is, as a page and a fraction of it, to come back to
 * after the pages change size. */
static void
get_anchor (IpdPdfView *self, int *page, double *fraction)
{
  double y = self->pending_scroll >= 0 ? self->pending_scroll : gtk_adjustment_get_value (ipd_pdf_view_get_vadjustment (self));

  *page = page_at (self, y);
  *fraction = (y - ipd_pdf_view_page_top (self, *page)) / MAX (1, page_height_px (self, *page));
}

static void
relayout_keeping_place (IpdPdfView *self)
{
  int page;
  double fraction;

  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller));

  if (self->n_pages == 0)
    return;
  get_anchor (self, &page, &fraction);
  if (self->pending_hcenter < 0 && gtk_adjustment_get_upper (hadj) > 0)
    self->pending_hcenter = (gtk_adjustment_get_value (hadj) + gtk_adjustment_get_page_size (hadj) / 2)
                            / gtk_adjustment_get_upper (hadj);
  relayout (self);
  try_pending_hscroll (self);
  ipd_pdf_view_scroll_to (self, ipd_pdf_view_page_top (self, page) + fraction * page_height_px (self, page));
}

/* ---- zoom ---- */

static void
update_zoom_label (IpdPdfView *self)
{
  /* Translators: the zoom level in the PDF viewer's toolbar */
  g_autofree char *text = g_strdup_printf (_("%d %%"), (int) round (self->zoom * 100));

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->zoom_button), text);
}

static void
set_zoom (IpdPdfView *self, double zoom, ZoomMode mode)
{
  zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  self->zoom_mode = mode;
  if (fabs (zoom - self->zoom) < 1e-6)
    return;
  self->zoom = zoom;
  update_zoom_label (self);
  relayout_keeping_place (self);
}

/* The zoom that fits the widest page (and, for a whole page, the
 * tallest) in the viewport; 0 before the viewport has a size. */
static double
fit_zoom (IpdPdfView *self, ZoomMode mode)
{
  int width = gtk_widget_get_width (self->scroller), height = gtk_widget_get_height (self->scroller);
  double max_w = 0, max_h = 0, zoom;

  if (width <= 2 * MARGIN || height <= 2 * MARGIN || self->n_pages == 0)
    return 0;
  /* the widest page near the current one: a fit for a whole 1 000-page
   * file would have to wait for all the sizes */
  for (int i = MAX (0, self->current_page - 2); i < MIN (self->n_pages, self->current_page + 3); i++)
    {
      double w, h;
      shown_size (self, i, &w, &h);
      max_w = MAX (max_w, w);
      max_h = MAX (max_h, h);
    }
  zoom = (width - 2 * MARGIN) / (max_w * POINTS_TO_PIXELS);
  if (mode == ZOOM_FIT_PAGE)
    zoom = MIN (zoom, (height - 2 * MARGIN) / (max_h * POINTS_TO_PIXELS));
  return zoom;
}

static void
apply_fit (IpdPdfView *self)
{
  double zoom;

  if (self->zoom_mode == ZOOM_FREE)
    return;
  zoom = fit_zoom (self, self->zoom_mode);
  if (zoom > 0)
    {
      self->fit_width = gtk_widget_get_width (self->scroller);
      self->fit_height = gtk_widget_get_height (self->scroller);
      set_zoom (self, zoom, self->zoom_mode);
    }
}

static gboolean
fit_idle (gpointer data)
{
  IpdPdfView *self = data;

  self->fit_id = 0;
  apply_fit (self);
  return G_SOURCE_REMOVE;
}

/* The viewport changed size: a fitted zoom follows (after the layout,
 * never during it). */
static void
on_viewport_resized (IpdPdfView *self)
{
  /* the renderer goes first in dispose: nothing more to schedule */
  if (self->renderer == NULL || self->zoom_mode == ZOOM_FREE || self->fit_id != 0)
    return;
  if (gtk_widget_get_width (self->scroller) == self->fit_width
      && (self->zoom_mode == ZOOM_FIT_WIDTH || gtk_widget_get_height (self->scroller) == self->fit_height))
    return;
  self->fit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_idle, self, NULL);
}

/* ---- rendering ---- */

static guint
request_key (int page, gboolean thumbnail)
{
  return (guint) page * 2 + (thumbnail ? 1 : 0) + 1;
}

static double
thumbnail_zoom (IpdPdfView *self, int page)
{
  double w, h;

  shown_size (self, page, &w, &h);
  return THUMBNAIL_WIDTH / MAX (1, w);
}

static void
on_rendered (IpdPdfJob *job, gpointer user_data)
{
  IpdPdfView *self = user_data;
  IpdPdfPage *page;
  g_autoptr(GdkTexture) texture = NULL;
  gsize size;

  if (g_hash_table_lookup (self->pending, GUINT_TO_POINTER (request_key (job->page, job->thumbnail))) == job)
    g_hash_table_remove (self->pending, GUINT_TO_POINTER (request_key (job->page, job->thumbnail)));
  if (job->generation != self->generation)
    return;
  if (job->surface == NULL)
    {
      /* a damaged page in a readable file: the page says so */
      g_debug ("page %d: %s", job->page + 1, job->error ? job->error->message : "?");
      page = job->thumbnail ? ((guint) job->page < self->thumbnails->len ? g_ptr_array_index (self->thumbnails, job->page) : NULL)
                            : page_if_made (self, job->page);
      if (page != NULL)
        {
          if (job->zoom == (job->thumbnail ? thumbnail_zoom (self, job->page) : pixels_per_point (self))
              && job->rotation == self->rotation)
            ipd_pdf_page_set_failed (page);
        }
      return;
    }
  /* the surface's pixels, without a copy; back to the pool when the
   * texture is gone */
  size = (gsize) cairo_image_surface_get_stride (job->surface) * cairo_image_surface_get_height (job->surface);
  texture = ipd_pdf_surface_pool_make_texture (self->pool, g_steal_pointer (&job->surface));
  if (job->drawn.width != job->page_width || job->drawn.height != job->page_height)
    ipd_pdf_page_texture_set_part (texture, &job->drawn, job->page_width, job->page_height);
  ipd_pdf_texture_cache_insert (self->cache, job->page, job->zoom, job->rotation, job->thumbnail, texture, size);
  if (job->thumbnail)
    {
      if (self->thumbnails->len > (guint) job->page)
        {
          ipd_pdf_page_set_texture (g_ptr_array_index (self->thumbnails, job->page), texture,
                                    job->zoom, job->rotation);
          g_hash_table_add (self->thumbs_textured, GINT_TO_POINTER (job->page));
        }
      return;
    }
  self->n_renders++;
  self->render_usec += job->run_usec;
  self->render_cpu_usec += job->cpu_usec;
  if (job->origin == IPD_PDF_SURFACE_REUSED)
    {
      self->n_reused_renders++;
      self->reused_cpu_usec += job->cpu_usec;
    }
  page = page_if_made (self, job->page);
  if (page != NULL)
    {
      ipd_pdf_page_set_texture (page, texture, job->zoom, job->rotation);
      g_hash_table_add (self->textured, GINT_TO_POINTER (job->page));
    }
  if (job->page == 0 && self->first_shown == 0)
    {
      self->first_shown = g_get_monotonic_time () - self->load_started;
      g_debug ("page 1 rendered in %.1f ms, shown %.1f ms after the load", job->run_usec / 1000.0,
               self->first_shown / 1000.0);
    }
}

/* Asks for page @index (a thumbnail, or a page at the present zoom) unless
 * it is shown, cached or already asked for at this priority or better. */
static void
request (IpdPdfView *self, int index, gboolean thumbnail, int priority)
{
  IpdPdfPage *page = thumbnail ? g_ptr_array_index (self->thumbnails, index) : ipd_pdf_view_page (self, index);
  double zoom = thumbnail ? thumbnail_zoom (self, index) : pixels_per_point (self);
  guint key = request_key (index, thumbnail);
  IpdPdfJob *pending = g_hash_table_lookup (self->pending, GUINT_TO_POINTER (key));
  g_autoptr(GdkTexture) cached = NULL;
  g_autoptr(IpdPdfJob) job = NULL;
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double w, h;

  if (ipd_pdf_page_is_rendered (page) || ipd_pdf_page_is_failed (page))
    return;
  cached = ipd_pdf_texture_cache_lookup (self->cache, index, zoom, self->rotation, thumbnail);
  if (cached != NULL)
    {
      ipd_pdf_page_set_texture (page, cached, zoom, self->rotation);
      g_hash_table_add (thumbnail ? self->thumbs_textured : self->textured, GINT_TO_POINTER (index));
      return;
    }
  if (pending != NULL && pending->zoom == zoom && pending->rotation == self->rotation
      && pending->priority <= priority)
    return;
  if (pending != NULL)
    g_cancellable_cancel (pending->cancellable);

  job = ipd_pdf_job_new (IPD_PDF_JOB_RENDER, priority, on_rendered, self);
  job->generation = self->generation;
  job->page = index;
  job->thumbnail = thumbnail;
  job->zoom = zoom;
  job->rotation = self->rotation;
  job->scale = zoom * scale_factor;
  /* a huge zoom renders smaller and stretches rather than run out of memory */
  shown_size (self, index, &w, &h);
  if (w * h * job->scale * job->scale > MAX_RENDER_PIXELS)
    job->scale = sqrt (MAX_RENDER_PIXELS / (w * h));
  g_hash_table_insert (self->pending, GUINT_TO_POINTER (key), ipd_pdf_job_ref (job));
  ipd_pdf_renderer_push (self->renderer, job);
}

/* Cancels the requests for pages (or thumbnails) outside @first..@last. */
static void
cancel_outside (IpdPdfView *self, gboolean thumbnail, int first, int last)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      IpdPdfJob *job = value;
      if (job->thumbnail == thumbnail && (job->page < first || job->page > last))
        {
          g_cancellable_cancel (job->cancellable);
          g_hash_table_iter_remove (&iter);
        }
    }
}

static void
frame_current_thumbnail (IpdPdfView *self)
{
  if (self->thumb_current == self->current_page)
    return;
  if (self->thumb_current >= 0 && self->thumb_current < (int) self->thumbnails->len)
    gtk_widget_remove_css_class (g_ptr_array_index (self->thumbnails, self->thumb_current), "current-thumbnail");
  self->thumb_current = -1;
  if (self->current_page < (int) self->thumbnails->len)
    {
      gtk_widget_add_css_class (g_ptr_array_index (self->thumbnails, self->current_page), "current-thumbnail");
      self->thumb_current = self->current_page;
      self->thumb_follow = TRUE;
      schedule_update (self);
    }
}

/* The sidebar follows the reader, once the thumbnail has its place. */
static void
follow_current_thumbnail (IpdPdfView *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->thumbnail_scroller));
  graphene_rect_t bounds;
  GtkWidget *item;

  if (!self->thumb_follow || self->thumb_current < 0 || !adw_flap_get_reveal_flap (ADW_FLAP (self->flap)))
    return;
  item = gtk_widget_get_parent (g_ptr_array_index (self->thumbnails, self->thumb_current));
  if (!gtk_widget_compute_bounds (item, self->thumbnail_box, &bounds) || bounds.size.height <= 0
      || gtk_adjustment_get_upper (adj) < bounds.origin.y + bounds.size.height)
    return;   /* not laid out yet: the adjustment's "changed" brings us back */
  self->thumb_follow = FALSE;
  if (bounds.origin.y < gtk_adjustment_get_value (adj)
      || bounds.origin.y + bounds.size.height > gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj))
    gtk_adjustment_set_value (adj, bounds.origin.y - 8);
}

/* The page entry and the thumbnail follow the current page. */
static void
update_page_entry (IpdPdfView *self)
{
  g_autofree char *text = g_strdup_printf ("%d", self->current_page + 1);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  frame_current_thumbnail (self);
  /* never under the reader's typing */
  if (focus != NULL && (focus == self->page_entry || gtk_widget_is_ancestor (focus, self->page_entry)))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), text);
}

/* Pages far away give their texture back to the cache's budget. */
static void
release_textures (IpdPdfView *self, gboolean thumbnail, int first, int last)
{
  GHashTable *textured = thumbnail ? self->thumbs_textured : self->textured;
  GPtrArray *widgets = thumbnail ? self->thumbnails : self->pages;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, textured);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int page = GPOINTER_TO_INT (key);
      if (page >= first && page <= last)
        continue;
      if (page < (int) widgets->len && g_ptr_array_index (widgets, page) != NULL)
        ipd_pdf_page_set_texture (g_ptr_array_index (widgets, page), NULL, 0, 0);
      g_hash_table_iter_remove (&iter);
    }
}

static void
update_visible_pages (IpdPdfView *self)
{
  GtkAdjustment *adj = ipd_pdf_view_get_vadjustment (self);
  double top = gtk_adjustment_get_value (adj), size = gtk_adjustment_get_page_size (adj);
  int first, last, current;

  if (self->n_pages == 0)
    return;
  if (self->pending_scroll >= 0)
    top = self->pending_scroll;
  if (size <= 0)
    size = 800;
  first = page_at (self, top);
  last = page_at (self, top + size);
  for (int i = first; i <= last; i++)
    request (self, i, FALSE, IPD_PDF_PRIORITY_VISIBLE);
  for (int d = 1; d <= NEIGHBOURS; d++)
    {
      if (last + d < self->n_pages)
        request (self, last + d, FALSE, IPD_PDF_PRIORITY_NEIGHBOUR);
      if (first - d >= 0)
        request (self, first - d, FALSE, IPD_PDF_PRIORITY_NEIGHBOUR);
    }
  cancel_outside (self, FALSE, first - NEIGHBOURS, last + NEIGHBOURS);
  release_textures (self, FALSE, first - NEIGHBOURS - KEEP, last + NEIGHBOURS + KEEP);
  drop_pages_outside (self, first - LIVE, last + LIVE);

  current = page_at (self, top + size / 3);
  if (current != self->current_page)
    {
      self->current_page = current;
      update_page_entry (self);
    }
}

static void
update_visible_thumbnails (IpdPdfView *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->thumbnail_scroller));
  double top = gtk_adjustment_get_value (adj), bottom = top + gtk_adjustment_get_page_size (adj);
  int first = -1, last = -1;

  if (!adw_flap_get_reveal_flap (ADW_FLAP (self->flap)) || self->thumbnails->len == 0)
    return;
  follow_current_thumbnail (self);
  top = gtk_adjustment_get_value (adj);
  bottom = top + gtk_adjustment_get_page_size (adj);
  for (guint i = 0; i < self->thumbnails->len; i++)
    {
      graphene_rect_t bounds;
      GtkWidget *thumb = g_ptr_array_index (self->thumbnails, i);
      if (!gtk_widget_compute_bounds (thumb, self->thumbnail_box, &bounds))
        continue;
      if (bounds.origin.y + bounds.size.height < top)
        continue;
      if (bounds.origin.y > bottom)
        break;
      if (first < 0)
        first = i;
      last = i;
    }
  if (first < 0)
    return;
  for (int i = first; i <= last; i++)
    request (self, i, TRUE, IPD_PDF_PRIORITY_THUMBNAIL);
  cancel_outside (self, TRUE, first, last);
  release_textures (self, TRUE, first - 30, last + 30);
}

static gboolean
update_idle (gpointer data)
{
  IpdPdfView *self = data;

  self->update_id = 0;
  try_pending_scroll (self);
  try_pending_hscroll (self);
  update_visible_pages (self);
  update_visible_thumbnails (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_update (IpdPdfView *self)
{
  if (self->update_id == 0 && self->n_pages > 0 && self->renderer != NULL)
    self->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, update_idle, self, NULL);
}

/* ---- thumbnails ---- */

/* Right away rather than in an idle: while the reader scrolls, frames
 * would keep an idle waiting. */
static void
on_scrolled (IpdPdfView *self)
{
  if (self->renderer == NULL || self->n_pages == 0)
    return;
  g_clear_handle_id (&self->update_id, g_source_remove);
  update_idle (self);
}

static void
go_to_page (IpdPdfView *self, int page)
{
  if (self->n_pages == 0)
    return;
  page = CLAMP (page, 0, self->n_pages - 1);
  self->current_page = page;
  update_page_entry (self);
  ipd_pdf_view_scroll_to (self, ipd_pdf_view_page_top (self, page) - MARGIN / 2.0);
}

static void
on_thumbnail_clicked (IpdPdfPage *thumb, IpdPdfView *self)
{
  go_to_page (self, ipd_pdf_page_get_index (thumb));
}

static void
relayout_thumbnails (IpdPdfView *self)
{
  for (guint i = 0; i < self->thumbnails->len; i++)
    {
      double w, h;
      ipd_pdf_view_page_size (self, i, &w, &h);
      ipd_pdf_page_set_geometry (g_ptr_array_index (self->thumbnails, i), w, h, thumbnail_zoom (self, i),
                                 self->rotation);
    }
}

static gboolean
add_thumbnails (gpointer data)
{
  IpdPdfView *self = data;
  int start = self->thumbnails->len, end = MIN (self->n_pages, start + 100);

  for (int i = start; i < end; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *thumb = ipd_pdf_page_new (i, TRUE);
      g_autofree char *number = g_strdup_printf ("%d", i + 1);
      GtkWidget *label = gtk_label_new (number);
      double w, h;

      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      g_signal_connect_object (thumb, "clicked", G_CALLBACK (on_thumbnail_clicked), self, 0);
      ipd_pdf_view_page_size (self, i, &w, &h);
      ipd_pdf_page_set_geometry (IPD_PDF_PAGE (thumb), w, h, thumbnail_zoom (self, i), self->rotation);
      gtk_box_append (GTK_BOX (box), thumb);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (self->thumbnail_box), box);
      g_ptr_array_add (self->thumbnails, thumb);
    }
  frame_current_thumbnail (self);
  schedule_update (self);
  if (end < self->n_pages)
    return G_SOURCE_CONTINUE;
  self->thumbnails_id = 0;
  return G_SOURCE_REMOVE;
}

/* Thumbnails are made the first time the sidebar opens, the first
 * hundred at once and the others a hundred per idle moment. */
static void
ensure_thumbnails (IpdPdfView *self)
{
  if (self->thumbnails->len > 0 || self->n_pages == 0)
    return;
  if (add_thumbnails (self))
    self->thumbnails_id = g_idle_add (add_thumbnails, self);
}

static void
on_sidebar_toggled (IpdPdfView *self)
{
  gboolean show = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->sidebar_button));

  if (show)
    ensure_thumbnails (self);
  self->thumb_follow = show;
  adw_flap_set_reveal_flap (ADW_FLAP (self->flap), show);
  schedule_update (self);
}

/* ---- loading ---- */

/* What works on a document shown, and only then. */
static void
set_document_actions (IpdPdfView *self, gboolean document)
{
  static const char *const document_actions[] = {
    "pdf.zoom-in", "pdf.zoom-out", "pdf.zoom-reset", "pdf.zoom-to", "pdf.fit-width", "pdf.fit-page",
    "pdf.rotate", "pdf.find", "pdf.find-next", "pdf.find-previous", "pdf.copy", "pdf.print",
    "pdf.scroll", "pdf.scroll-page", "pdf.first-page", "pdf.last-page",
  };

  for (guint i = 0; i < G_N_ELEMENTS (document_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), document_actions[i], document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.save-copy", self->bytes != NULL);
  gtk_widget_set_sensitive (self->page_entry, document);
  gtk_widget_set_sensitive (self->sidebar_button, document);
  gtk_widget_set_sensitive (self->search_button, document);
  gtk_widget_set_sensitive (self->zoom_button, document);
}

static void
set_state (IpdPdfView *self, const char *state)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), state);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), g_str_equal (state, "loading"));
  set_document_actions (self, g_str_equal (state, "document"));
}

/* Forgets the document: its pages, requests, search and selection. */
static void
clear_document (IpdPdfView *self)
{
  GtkWidget *child;
  gint64 t0 = g_get_monotonic_time ();

  self->generation++;
  ipd_pdf_renderer_cancel_all (self->renderer);
  g_hash_table_remove_all (self->pending);
  g_hash_table_remove_all (self->textured);
  g_hash_table_remove_all (self->thumbs_textured);
  g_clear_handle_id (&self->thumbnails_id, g_source_remove);
  self->thumb_current = -1;
  if (self->sizes_job != NULL)
    g_cancellable_cancel (self->sizes_job->cancellable);
  g_clear_pointer (&self->sizes_job, ipd_pdf_job_unref);
  ipd_pdf_view_clear_search (self);
  if (self->region_job != NULL)
    g_cancellable_cancel (self->region_job->cancellable);
  g_clear_pointer (&self->region_job, ipd_pdf_job_unref);
  ipd_pdf_texture_cache_clear (self->cache);
  ipd_pdf_page_column_clear (IPD_PDF_PAGE_COLUMN (self->page_column));
  ipd_pdf_page_column_set_size (IPD_PDF_PAGE_COLUMN (self->page_column), 0, 0);
  while ((child = gtk_widget_get_last_child (self->thumbnail_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->thumbnail_box), child);
  g_ptr_array_set_size (self->pages, 0);
  g_ptr_array_set_size (self->thumbnails, 0);
  g_array_set_size (self->sizes, 0);
  g_array_set_size (self->offsets, 0);
  self->n_pages = 0;
  self->current_page = 0;
  self->selection_page = -1;
  self->pending_scroll = -1;
  self->pending_hcenter = -1;
  self->first_shown = 0;
  g_clear_handle_id (&self->update_id, g_source_remove);
  g_debug ("cleared in %.1f ms", (g_get_monotonic_time () - t0) / 1000.0);
}

static void
on_selected_region (IpdPdfJob *job, gpointer user_data)
{
  IpdPdfView *self = user_data;
  cairo_rectangle_t area;
  IpdPdfPage *page;

  if (job->generation != self->generation || job->page != self->selection_page)
    return;
  page = ipd_pdf_view_page (self, job->page);
  /* only for the rectangle still selected */
  if (ipd_pdf_page_get_selection (page, &area) && memcmp (&area, &job->area, sizeof area) == 0)
    ipd_pdf_page_set_selection_region (page, job->region);
}

/* The worker finds where the selected text lies, to highlight it; a
 * newer rectangle (the drag goes on) replaces the request. */
static void
find_selected_region (IpdPdfView *self, IpdPdfPage *page)
{
  if (self->region_job != NULL)
    g_cancellable_cancel (self->region_job->cancellable);
  g_clear_pointer (&self->region_job, ipd_pdf_job_unref);
  if (self->selection_page < 0)
    return;
  self->region_job = ipd_pdf_job_new (IPD_PDF_JOB_REGION, IPD_PDF_PRIORITY_TEXT, on_selected_region, self);
  self->region_job->generation = self->generation;
  self->region_job->page = self->selection_page;
  ipd_pdf_page_get_selection (page, &self->region_job->area);
  ipd_pdf_renderer_push (self->renderer, self->region_job);
}

static void
on_page_selection_changed (IpdPdfPage *page, IpdPdfView *self)
{
  int index = ipd_pdf_page_get_index (page);

  if (self->selection_page >= 0 && self->selection_page != index && self->selection_page < self->n_pages)
    ipd_pdf_page_set_selection (ipd_pdf_view_page (self, self->selection_page), NULL);
  self->selection_page = ipd_pdf_page_get_selection (page, NULL) ? index : -1;
  find_selected_region (self, page);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_sizes (IpdPdfJob *job, gpointer user_data)
{
  IpdPdfView *self = user_data;
  gboolean changed = FALSE;

  if (job->generation != self->generation)
    return;
  for (int i = job->chunk_first; i <= job->chunk_last && i < self->n_pages; i++)
    {
      double w = g_array_index (job->sizes, double, 2 * (i - job->chunk_first));
      double h = g_array_index (job->sizes, double, 2 * (i - job->chunk_first) + 1);
      double ow, oh;

      ipd_pdf_view_page_size (self, i, &ow, &oh);
      if (w <= 0 || h <= 0 || (w == ow && h == oh))
        continue;
      g_array_index (self->sizes, double, 2 * i) = w;
      g_array_index (self->sizes, double, 2 * i + 1) = h;
      changed = TRUE;
    }
  if (changed)
    {
      relayout_keeping_place (self);
      relayout_thumbnails (self);
    }
  if (job->finished)
    g_clear_pointer (&self->sizes_job, ipd_pdf_job_unref);
}

static void
show_document (IpdPdfView *self, IpdPdfJob *job)
{
  gint64 t0 = g_get_monotonic_time ();
  double w = job->width > 0 ? job->width : 595, h = job->height > 0 ? job->height : 842;
  g_autofree char *of = NULL;

  self->n_pages = job->n_pages;
  /* page 1's size stands for the others until the worker has read them */
  for (int i = 0; i < self->n_pages; i++)
    {
      g_array_append_val (self->sizes, w);
      g_array_append_val (self->sizes, h);
    }
  g_ptr_array_set_size (self->pages, self->n_pages);   /* no widgets yet */
  /* Translators: after the page number entry of the PDF viewer: "of 12 pages" */
  of = g_strdup_printf (_("/ %d"), self->n_pages);
  gtk_label_set_text (GTK_LABEL (self->n_pages_label), of);
  set_state (self, "document");
  if (self->zoom_mode != ZOOM_FREE)
    {
      double zoom = fit_zoom (self, self->zoom_mode);
      if (zoom > 0)
        self->zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
      self->fit_width = self->fit_height = 0;
    }
  update_zoom_label (self);
  relayout (self);
  gtk_adjustment_set_value (ipd_pdf_view_get_vadjustment (self), 0);
  update_page_entry (self);
  update_visible_pages (self);
  if (self->n_pages > 1)
    {
      self->sizes_job = ipd_pdf_job_new (IPD_PDF_JOB_SIZES, IPD_PDF_PRIORITY_SIZES, on_sizes, self);
      self->sizes_job->generation = self->generation;
      self->sizes_job->page = 1;
      self->sizes_job->last_page = self->n_pages - 1;
      ipd_pdf_renderer_push (self->renderer, self->sizes_job);
    }
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->sidebar_button)))
    on_sidebar_toggled (self);
  on_viewport_resized (self);
  /* the search bar still open: the same search in the new document */
  if (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (self->search_bar)))
    ipd_pdf_view_on_search_changed (self);
  g_debug ("%d pages shown in %.1f ms", self->n_pages, (g_get_monotonic_time () - t0) / 1000.0);
}

static void
on_loaded (IpdPdfJob *job, gpointer user_data)
{
  IpdPdfView *self = user_data;

  if (job->generation != self->generation)
    return;
  g_debug ("loaded in %.1f ms on the worker, delivered after %.1f ms", job->run_usec / 1000.0,
           (g_get_monotonic_time () - self->load_started) / 1000.0);
  g_clear_handle_id (&self->loading_id, g_source_remove);
  self->loading = FALSE;
  if (job->error == NULL)
    {
      show_document (self, job);
      return;
    }
  if (g_error_matches (job->error, IPD_PDF_ERROR, IPD_PDF_ERROR_NEEDS_PASSWORD)
      || g_error_matches (job->error, IPD_PDF_ERROR, IPD_PDF_ERROR_WRONG_PASSWORD))
    {
      gboolean wrong = g_error_matches (job->error, IPD_PDF_ERROR, IPD_PDF_ERROR_WRONG_PASSWORD);
      gtk_label_set_text (GTK_LABEL (self->password_error), job->error->message);
      gtk_widget_set_visible (self->password_error, wrong);
      set_state (self, "password");
      gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
      gtk_widget_grab_focus (self->password_entry);
      return;
    }
  adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), job->error->message);
  set_state (self, "error");
}

static gboolean
show_spinner (gpointer data)
{
  IpdPdfView *self = data;

  self->loading_id = 0;
  set_state (self, "loading");
  return G_SOURCE_REMOVE;
}

static void
start_load (IpdPdfView *self)
{
  g_autoptr(IpdPdfJob) job = ipd_pdf_job_new (IPD_PDF_JOB_LOAD, IPD_PDF_PRIORITY_LOAD, on_loaded, self);

  job->generation = self->generation;
  job->bytes = g_bytes_ref (self->bytes);
  job->password = g_strdup (self->password);
  self->load_started = g_get_monotonic_time ();
  self->loading = TRUE;
  /* most files load in a few milliseconds: no spinner flashing for them */
  g_clear_handle_id (&self->loading_id, g_source_remove);
  self->loading_id = g_timeout_add (200, show_spinner, self);
  /* what was shown stays (a blank ground for a document) until the
   * result or the spinner; nothing acts on it meanwhile */
  set_document_actions (self, FALSE);
  ipd_pdf_renderer_push (self->renderer, job);
}

static void
on_unlock (IpdPdfView *self)
{
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));

  if (self->bytes == NULL)
    return;
  g_free (self->password);
  self->password = g_strdup (password);
  clear_document (self);
  start_load (self);
}

void
ipd_pdf_view_load_bytes (IpdPdfView *self, GBytes *bytes, const char *file_name)
{
  g_return_if_fail (IPD_IS_PDF_VIEW (self));
  g_return_if_fail (bytes != NULL);

  clear_document (self);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->bytes = g_bytes_ref (bytes);
  g_free (self->file_name);
  self->file_name = g_strdup (file_name);
  g_clear_pointer (&self->password, g_free);
  start_load (self);
}

void
ipd_pdf_view_clear (IpdPdfView *self)
{
  g_return_if_fail (IPD_IS_PDF_VIEW (self));

  clear_document (self);
  g_clear_handle_id (&self->loading_id, g_source_remove);
  self->loading = FALSE;
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->password, g_free);
  set_state (self, "empty");
}

/* ---- actions ---- */

static void
on_page_entry_activate (IpdPdfView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->page_entry))));
  guint64 n = 0;

  if (g_ascii_string_to_unsigned (text, 10, 1, MAX (1, self->n_pages), &n, NULL))
    go_to_page (self, (int) n - 1);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  update_page_entry (self);
}

static void
zoom_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IpdPdfView *self = IPD_PDF_VIEW (widget);

  if (g_str_equal (name, "pdf.zoom-in"))
    set_zoom (self, self->zoom * ZOOM_STEP, ZOOM_FREE);
  else if (g_str_equal (name, "pdf.zoom-out"))
    set_zoom (self, self->zoom / ZOOM_STEP, ZOOM_FREE);
  else if (g_str_equal (name, "pdf.zoom-reset"))
    set_zoom (self, 1.0, ZOOM_FREE);
  else if (g_str_equal (name, "pdf.zoom-to"))
    set_zoom (self, g_variant_get_double (param), ZOOM_FREE);
  else
    {
      self->zoom_mode = g_str_equal (name, "pdf.fit-page") ? ZOOM_FIT_PAGE : ZOOM_FIT_WIDTH;
      apply_fit (self);
    }
}

static void
rotate_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IpdPdfView *self = IPD_PDF_VIEW (widget);
  int page = self->current_page;

  self->rotation = ((self->rotation + g_variant_get_int32 (param)) % 360 + 360) % 360;
  relayout (self);
  relayout_thumbnails (self);
  if (self->zoom_mode != ZOOM_FREE)
    apply_fit (self);
  go_to_page (self, page);
}

static void
scroll_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IpdPdfView *self = IPD_PDF_VIEW (widget);
  GtkAdjustment *adj = ipd_pdf_view_get_vadjustment (self);
  double step = g_str_equal (name, "pdf.scroll-page") ? gtk_adjustment_get_page_size (adj) * 0.9 : SCROLL_STEP;

  if (g_str_equal (name, "pdf.first-page"))
    go_to_page (self, 0);
  else if (g_str_equal (name, "pdf.last-page"))
    go_to_page (self, self->n_pages - 1);
  else
    gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + g_variant_get_int32 (param) * step);
}

static void
hscroll_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IpdPdfView *self = IPD_PDF_VIEW (widget);
  GtkAdjustment *adj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller));

  gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + g_variant_get_int32 (param) * SCROLL_STEP);
}

static void
on_selected_text (IpdPdfJob *job, gpointer user_data)
{
  IpdPdfView *self = user_data;

  if (job->generation != self->generation || job->text == NULL || *job->text == '\0')
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), job->text);
}

static void
copy_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IpdPdfView *self = IPD_PDF_VIEW (widget);
  g_autoptr(IpdPdfJob) job = NULL;

  if (self->selection_page < 0)
    return;
  job = ipd_pdf_job_new (IPD_PDF_JOB_TEXT, IPD_PDF_PRIORITY_TEXT, on_selected_text, self);
  job->generation = self->generation;
  job->page = self->selection_page;
  ipd_pdf_page_get_selection (ipd_pdf_view_page (self, self->selection_page), &job->area);
  ipd_pdf_renderer_push (self->renderer, job);
}

/* ---- events ---- */

static gboolean
on_scroll (GtkEventControllerScroll *controller, double dx, double dy, IpdPdfView *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || self->n_pages == 0)
    return FALSE;
  set_zoom (self, self->zoom * pow (1.1, -dy), ZOOM_FREE);
  return TRUE;
}

static void
on_scroller_pressed (IpdPdfView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Capture phase: see ipd_pdf_view_on_find_key. */
static void
add_find_keys (IpdPdfView *self)
{
  static const char *const keys[][2] = {
    { "<Control>f", "pdf.find" },
    { "<Control>g", "pdf.find-next" },
    { "<Shift><Control>g", "pdf.find-previous" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_name (controller, "ipd-pdf-view-find-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_LOCAL);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i][0]),
                                                gtk_callback_action_new (ipd_pdf_view_on_find_key, self, NULL));
      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (keys[i][1]));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
setup_controllers (IpdPdfView *self)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkGesture *press = gtk_gesture_click_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkAdjustment *thumbs = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->thumbnail_scroller));

  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (self->scroller, scroll);

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (press, "pressed", G_CALLBACK (on_scroller_pressed), self);
  gtk_widget_add_controller (self->scroller, GTK_EVENT_CONTROLLER (press));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Shift>Return"),
                      gtk_callback_action_new (ipd_pdf_view_on_search_shift_enter, self, NULL)));
  gtk_widget_add_controller (self->search_entry, shortcuts);

  add_find_keys (self);

  g_signal_connect_swapped (ipd_pdf_view_get_vadjustment (self), "value-changed", G_CALLBACK (on_scrolled), self);
  /* "changed" comes during the viewport's allocation, when a new value
   * would not be drawn: the pending scrolls wait for the idle */
  g_signal_connect_swapped (ipd_pdf_view_get_vadjustment (self), "changed", G_CALLBACK (schedule_update), self);
  g_signal_connect_swapped (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller)), "changed",
                            G_CALLBACK (schedule_update), self);
  g_signal_connect_swapped (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->scroller)), "changed",
                            G_CALLBACK (on_viewport_resized), self);
  g_signal_connect_swapped (thumbs, "value-changed", G_CALLBACK (schedule_update), self);
  g_signal_connect_swapped (thumbs, "changed", G_CALLBACK (schedule_update), self);
}

/* ---- for tests and the rest of the application ---- */

int
ipd_pdf_view_get_n_pages (IpdPdfView *self)
{
  g_return_val_if_fail (IPD_IS_PDF_VIEW (self), 0);
  return self->n_pages;
}

const char *
ipd_pdf_view_get_state (IpdPdfView *self)
{
  g_return_val_if_fail (IPD_IS_PDF_VIEW (self), NULL);
  /* the stack keeps the old page for the first moments of a load */
  if (self->loading)
    return "loading";
  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}

gboolean
ipd_pdf_view_is_page_failed (IpdPdfView *self, int page)
{
  g_return_val_if_fail (IPD_IS_PDF_VIEW (self), FALSE);
  return page_if_made (self, page) != NULL && ipd_pdf_page_is_failed (page_if_made (self, page));
}

gboolean
ipd_pdf_view_is_page_rendered (IpdPdfView *self, int page)
{
  g_return_val_if_fail (IPD_IS_PDF_VIEW (self), FALSE);
  return page_if_made (self, page) != NULL && ipd_pdf_page_is_rendered (page_if_made (self, page));
}

int
ipd_pdf_view_get_n_rendered (IpdPdfView *self)
{
  int n = 0;

  g_return_val_if_fail (IPD_IS_PDF_VIEW (self), 0);
  for (guint i = 0; i < self->pages->len; i++)
    n += page_if_made (self, i) != NULL && ipd_pdf_page_is_rendered (page_if_made (self, i));
  return n;
}

GtkWidget *
ipd_pdf_view_get_page_widget (IpdPdfView *self, int page)
{
  g_return_val_if_fail (IPD_IS_PDF_VIEW (self), NULL);
  g_return_val_if_fail (page >= 0 && page < self->n_pages, NULL);
  return GTK_WIDGET (ipd_pdf_view_page (self, page));
}

GtkWidget *
ipd_pdf_view_get_thumbnail_widget (IpdPdfView *self, int page)
{
  g_return_val_if_fail (IPD_IS_PDF_VIEW (self), NULL);
  if (page < 0 || (guint) page >= self->thumbnails->len)
    return NULL;
  return g_ptr_array_index (self->thumbnails, page);
}

double
ipd_pdf_view_get_zoom (IpdPdfView *self)
{
  g_return_val_if_fail (IPD_IS_PDF_VIEW (self), 1);
  return self->zoom;
}

void
ipd_pdf_view_set_zoom (IpdPdfView *self, double zoom)
{
  g_return_if_fail (IPD_IS_PDF_VIEW (self));
  set_zoom (self, zoom, ZOOM_FREE);
}

int
ipd_pdf_view_get_rotation (IpdPdfView *self)
{
  g_return_val_if_fail (IPD_IS_PDF_VIEW (self), 0);
  return self->rotation;
}

int
ipd_pdf_view_get_current_page (IpdPdfView *self)
{
  g_return_val_if_fail (IPD_IS_PDF_VIEW (self), 0);
  return self->current_page;
}

void
ipd_pdf_view_set_current_page (IpdPdfView *self, int page)
{
  g_return_if_fail (IPD_IS_PDF_VIEW (self));
  go_to_page (self, page);
}

void
ipd_pdf_view_search (IpdPdfView *self, const char *query)
{
  g_return_if_fail (IPD_IS_PDF_VIEW (self));
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
  ipd_pdf_view_start_search (self, query);
}

gboolean
ipd_pdf_view_get_search_finished (IpdPdfView *self)
{
  g_return_val_if_fail (IPD_IS_PDF_VIEW (self), FALSE);
  return self->find_finished;
}

int
ipd_pdf_view_get_n_matches (IpdPdfView *self)
{
  g_return_val_if_fail (IPD_IS_PDF_VIEW (self), 0);
  return self->matches->len;
}

int
ipd_pdf_view_get_current_match (IpdPdfView *self, int *page)
{
  g_return_val_if_fail (IPD_IS_PDF_VIEW (self), -1);
  if (page != NULL)
    *page = self->current_match < 0 ? -1
            : ((IpdPdfMatch *) g_ptr_array_index (self->matches, self->current_match))->page;
  return self->current_match;
}

void
ipd_pdf_view_select_area (IpdPdfView *self, int page, const cairo_rectangle_t *area)
{
  g_return_if_fail (IPD_IS_PDF_VIEW (self));
  g_return_if_fail (page >= 0 && page < self->n_pages);

  /* NULL clears, as a click without a drag */
  ipd_pdf_page_set_selection (ipd_pdf_view_page (self, page), area);
  on_page_selection_changed (ipd_pdf_view_page (self, page), self);
}

void
ipd_pdf_view_get_render_stats (IpdPdfView *self, guint *n_pages, gint64 *usec, gint64 *cpu_usec)
{
  g_return_if_fail (IPD_IS_PDF_VIEW (self));
  *n_pages = self->n_renders;
  *usec = self->render_usec;
  *cpu_usec = self->render_cpu_usec;
}

void
ipd_pdf_view_get_reused_render_stats (IpdPdfView *self, guint *n_pages, gint64 *cpu_usec)
{
  g_return_if_fail (IPD_IS_PDF_VIEW (self));
  *n_pages = self->n_reused_renders;
  *cpu_usec = self->reused_cpu_usec;
}

void
ipd_pdf_view_get_pool_stats (IpdPdfView *self, guint *reused, guint *made, gsize *kept)
{
  g_return_if_fail (IPD_IS_PDF_VIEW (self));
  ipd_pdf_surface_pool_get_stats (self->pool, reused, made);
  if (kept != NULL)
    *kept = ipd_pdf_surface_pool_get_size (self->pool);
}

gint64
ipd_pdf_view_get_first_page_time (IpdPdfView *self)
{
  g_return_val_if_fail (IPD_IS_PDF_VIEW (self), 0);
  return self->first_shown;
}

/* ---- the object ---- */

/* The pages on a grey ground, as in document viewers; the current page's
 * thumbnail framed in the accent colour. */
static const char css[] =
  "scrolledwindow.ipd-pdf-pages { background-color: mix(@window_bg_color, @window_fg_color, 0.1); }\n"
  "ipd-pdf-page.current-thumbnail { outline: 3px solid @accent_bg_color; outline-offset: 1px; }\n";

static void
ensure_css (void)
{
  static GdkDisplay *done_for = NULL;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || display == done_for)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  done_for = display;
}

GtkWidget *
ipd_pdf_view_new (void)
{
  return g_object_new (IPD_TYPE_PDF_VIEW, NULL);
}

static void
ipd_pdf_view_dispose (GObject *object)
{
  IpdPdfView *self = IPD_PDF_VIEW (object);
  GtkWidget *child;

  if (self->renderer != NULL)
    {
      clear_document (self);
      ipd_pdf_renderer_shutdown (g_steal_pointer (&self->renderer));
    }
  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_handle_id (&self->fit_id, g_source_remove);
  g_clear_handle_id (&self->thumbnails_id, g_source_remove);
  g_clear_handle_id (&self->loading_id, g_source_remove);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), IPD_TYPE_PDF_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (ipd_pdf_view_parent_class)->dispose (object);
}

static void
ipd_pdf_view_finalize (GObject *object)
{
  IpdPdfView *self = IPD_PDF_VIEW (object);

  g_clear_pointer (&self->cache, ipd_pdf_texture_cache_free);
  /* the textures still alive keep it until they go */
  g_clear_pointer (&self->pool, ipd_pdf_surface_pool_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->textured, g_hash_table_unref);
  g_clear_pointer (&self->thumbs_textured, g_hash_table_unref);
  g_clear_pointer (&self->page_matches, g_hash_table_unref);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->thumbnails, g_ptr_array_unref);
  g_clear_pointer (&self->sizes, g_array_unref);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_free (self->file_name);
  g_free (self->password);
  g_free (self->search_query);
  G_OBJECT_CLASS (ipd_pdf_view_parent_class)->finalize (object);
}

static void
add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "pdf.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-to", "d", zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf.fit-width", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf.fit-page", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "pdf.rotate", "i", rotate_action);
  gtk_widget_class_install_action (widget_class, "pdf.scroll", "i", scroll_action);
  gtk_widget_class_install_action (widget_class, "pdf.scroll-page", "i", scroll_action);
  gtk_widget_class_install_action (widget_class, "pdf.hscroll", "i", hscroll_action);
  gtk_widget_class_install_action (widget_class, "pdf.first-page", NULL, scroll_action);
  gtk_widget_class_install_action (widget_class, "pdf.last-page", NULL, scroll_action);
  gtk_widget_class_install_action (widget_class, "pdf.find", NULL, ipd_pdf_view_find_action);
  gtk_widget_class_install_action (widget_class, "pdf.find-next", NULL, ipd_pdf_view_find_action);
  gtk_widget_class_install_action (widget_class, "pdf.find-previous", NULL, ipd_pdf_view_find_action);
  gtk_widget_class_install_action (widget_class, "pdf.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "pdf.save-copy", NULL, ipd_pdf_view_save_copy_action);
  gtk_widget_class_install_action (widget_class, "pdf.print", NULL, ipd_pdf_view_print_action);
}

static void
add_shortcuts (GtkWidgetClass *widget_class)
{
  static const struct { guint key; GdkModifierType mods; const char *action; int arg; } keys[] = {
    { GDK_KEY_plus, GDK_CONTROL_MASK, "pdf.zoom-in", 0 },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "pdf.zoom-in", 0 },
    { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "pdf.zoom-in", 0 },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "pdf.zoom-out", 0 },
    { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "pdf.zoom-out", 0 },
    { GDK_KEY_0, GDK_CONTROL_MASK, "pdf.zoom-reset", 0 },
    { GDK_KEY_c, GDK_CONTROL_MASK, "pdf.copy", 0 },
    { GDK_KEY_p, GDK_CONTROL_MASK, "pdf.print", 0 },
    { GDK_KEY_Home, 0, "pdf.first-page", 0 },
    { GDK_KEY_End, 0, "pdf.last-page", 0 },
    { GDK_KEY_Home, GDK_CONTROL_MASK, "pdf.first-page", 0 },
    { GDK_KEY_End, GDK_CONTROL_MASK, "pdf.last-page", 0 },
  };
  static const struct { guint key; const char *action; int arg; } moves[] = {
    { GDK_KEY_Page_Down, "pdf.scroll-page", 1 },
    { GDK_KEY_Page_Up, "pdf.scroll-page", -1 },
    { GDK_KEY_space, "pdf.scroll-page", 1 },
    { GDK_KEY_Down, "pdf.scroll", 1 },
    { GDK_KEY_Up, "pdf.scroll", -1 },
    { GDK_KEY_Right, "pdf.hscroll", 1 },
    { GDK_KEY_Left, "pdf.hscroll", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_widget_class_add_binding_action (widget_class, keys[i].key, keys[i].mods, keys[i].action, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_add_binding_action (widget_class, moves[i].key, 0, moves[i].action, "i", moves[i].arg);
}

static void
ipd_pdf_view_class_init (IpdPdfViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_pdf_view_dispose;
  G_OBJECT_CLASS (klass)->finalize = ipd_pdf_view_finalize;

  ipd_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipdossiers/IpDossiers/ipd-pdf-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, page_entry);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, n_pages_label);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, search_button);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, match_label);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, stack);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, spinner);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, password_page);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, password_entry);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, password_error);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, error_page);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, flap);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, thumbnail_scroller);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, thumbnail_box);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, scroller);
  gtk_widget_class_bind_template_child (widget_class, IpdPdfView, viewport);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_page_entry_activate);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_search_changed", G_CALLBACK (ipd_pdf_view_on_search_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_search_next", G_CALLBACK (ipd_pdf_view_on_search_next));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_search_previous", G_CALLBACK (ipd_pdf_view_on_search_previous));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_search_stop", G_CALLBACK (ipd_pdf_view_on_search_stop));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_search_mode_changed", G_CALLBACK (ipd_pdf_view_on_search_mode_changed));
  gtk_widget_class_bind_template_callback (widget_class, on_unlock);
  add_actions (widget_class);
  add_shortcuts (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ipd-pdf-view");
}

static void
ipd_pdf_view_init (IpdPdfView *self)
{
  ensure_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  self->pool = ipd_pdf_surface_pool_new (POOL_BUDGET);
  self->renderer = ipd_pdf_renderer_new (self->pool);
  self->cache = ipd_pdf_texture_cache_new (CACHE_BUDGET);
  self->sizes = g_array_new (FALSE, FALSE, sizeof (double));
  self->offsets = g_array_new (FALSE, FALSE, sizeof (double));
  self->page_column = ipd_pdf_page_column_new (self->offsets);
  gtk_viewport_set_child (GTK_VIEWPORT (self->viewport), self->page_column);
  self->pages = g_ptr_array_new ();
  self->thumbnails = g_ptr_array_new ();
  self->pending = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) ipd_pdf_job_unref);
  self->textured = g_hash_table_new (NULL, NULL);
  self->thumbs_textured = g_hash_table_new (NULL, NULL);
  self->thumb_current = -1;
  self->matches = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_pdf_match_free);
  self->page_matches = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->current_match = -1;
  self->selection_page = -1;
  self->pending_scroll = -1;
  self->pending_hcenter = -1;
  self->zoom = 1.0;
  self->zoom_mode = ZOOM_FIT_WIDTH;
  update_zoom_label (self);
  setup_controllers (self);
  set_state (self, "empty");
}

/* ---- its own window ---- */

GtkWindow *
ipd_pdf_view_window_new (GtkWindow *parent, GBytes *bytes, const char *file_name)
{
  GtkWidget *window, *box, *header, *title, *view;
  GtkEventController *shortcuts;

  g_return_val_if_fail (bytes != NULL, NULL);

  window = adw_window_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = adw_window_title_new (file_name ? file_name : _("Document"), NULL);
  view = ipd_pdf_view_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), file_name ? file_name : _("Document"));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1000);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_widget_set_name (view, "pdf-view");
  /* Ctrl+W closes it, as other document windows */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>w"),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  ipd_pdf_view_load_bytes (IPD_PDF_VIEW (view), bytes, file_name);
  gtk_widget_grab_focus (view);
  return GTK_WINDOW (window);
}
