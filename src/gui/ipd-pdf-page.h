/* ipd-pdf-page.h — one page of the viewer (or one thumbnail)
 *
 * Sized from the page's size in points, the zoom and the rotation; white
 * until its rendering arrives (a rendering at another zoom is shown
 * stretched meanwhile); draws the search matches and the selection over
 * it. A mouse drag selects a rectangle ("selection-changed"); a click on
 * a thumbnail emits "clicked".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipd-pdf-document.h"

G_BEGIN_DECLS

/* A texture's data key for the cairo surface it wraps, if any. */
#define IPD_PDF_PAGE_SURFACE_KEY "ipd-pdf-surface"

#define IPD_TYPE_PDF_PAGE (ipd_pdf_page_get_type ())
G_DECLARE_FINAL_TYPE (IpdPdfPage, ipd_pdf_page, IPD, PDF_PAGE, GtkWidget)

/* @texture is only @part of a page rendered @page_width × @page_height
 * pixels (the rest is white): where it goes on the page. */
void        ipd_pdf_page_texture_set_part (GdkTexture *texture, const cairo_rectangle_int_t *part,
                                           int page_width, int page_height);

GtkWidget  *ipd_pdf_page_new            (int index, gboolean thumbnail);
int         ipd_pdf_page_get_index      (IpdPdfPage *self);
/* @width, @height: points, unrotated; @zoom: pixels per point. */
void        ipd_pdf_page_set_geometry   (IpdPdfPage *self, double width, double height, double zoom, int rotation);
void        ipd_pdf_page_get_size       (IpdPdfPage *self, double *width, double *height);
/* The size on screen, in pixels, rotation included. */
void        ipd_pdf_page_get_pixel_size (IpdPdfPage *self, int *width, int *height);
/* The same for a page of @width × @height points not made yet. */
void        ipd_pdf_page_compute_pixel_size (double width, double height, double zoom, int rotation,
                                             int *pixel_width, int *pixel_height);
/* @texture: a rendering at @zoom and @rotation (NULL drops it). */
void        ipd_pdf_page_set_texture    (IpdPdfPage *self, GdkTexture *texture, double zoom, int rotation);
GdkTexture *ipd_pdf_page_get_texture    (IpdPdfPage *self);
/* Whether the texture shown is the one for the present zoom and rotation. */
gboolean    ipd_pdf_page_is_rendered    (IpdPdfPage *self);
/* The page could not be drawn at the present zoom and rotation: it says
 * so instead of staying blank, and is not asked for again. */
void        ipd_pdf_page_set_failed     (IpdPdfPage *self);
gboolean    ipd_pdf_page_is_failed      (IpdPdfPage *self);
/* @matches: this page's IpdPdfMatch (NULL for none); @current: the one
 * to show stronger, or NULL. */
void        ipd_pdf_page_set_matches    (IpdPdfPage *self, GPtrArray *matches, const IpdPdfMatch *current);
guint       ipd_pdf_page_get_n_matches  (IpdPdfPage *self);
/* @area: points, unrotated, origin top-left; NULL clears. */
void        ipd_pdf_page_set_selection  (IpdPdfPage *self, const cairo_rectangle_t *area);
gboolean    ipd_pdf_page_get_selection  (IpdPdfPage *self, cairo_rectangle_t *area);
/* Where the selected text lies (points, unrotated), drawn instead of the
 * rectangle's inside; NULL until known. Kept while the selection lasts. */
void        ipd_pdf_page_set_selection_region (IpdPdfPage *self, cairo_region_t *region);
cairo_region_t *ipd_pdf_page_get_selection_region (IpdPdfPage *self);
/* A rectangle in points (unrotated) to one in this widget's pixels. */
void        ipd_pdf_page_to_widget      (IpdPdfPage *self, const cairo_rectangle_t *area, graphene_rect_t *out);

G_END_DECLS
