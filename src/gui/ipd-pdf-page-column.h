/* ipd-pdf-page-column.h — the viewer's pages, one under the other
 *
 * Only the pages near the viewport have a widget: a 1 000-page file
 * would otherwise cost the main loop a millisecond per hundred pages in
 * every frame (styling, measuring, allocating, snapshotting each one).
 * The column takes the whole document's size and puts each page widget
 * at the top its caller computed for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IPD_TYPE_PDF_PAGE_COLUMN (ipd_pdf_page_column_get_type ())
G_DECLARE_FINAL_TYPE (IpdPdfPageColumn, ipd_pdf_page_column, IPD, PDF_PAGE_COLUMN, GtkWidget)

/* @tops: pixels, the top of page i at index i (a reference is kept: the
 * caller changes it in place, then calls set_size). */
GtkWidget *ipd_pdf_page_column_new      (GArray *tops);
/* The whole document's size, margins included, in pixels. */
void       ipd_pdf_page_column_set_size (IpdPdfPageColumn *self, int width, int height);
/* @page: an IpdPdfPage, placed by its index. */
void       ipd_pdf_page_column_add      (IpdPdfPageColumn *self, GtkWidget *page);
void       ipd_pdf_page_column_remove   (IpdPdfPageColumn *self, GtkWidget *page);
void       ipd_pdf_page_column_clear    (IpdPdfPageColumn *self);

G_END_DECLS
