/* ipd-pdf-view.h — the built-in PDF viewer
 *
 * Continuous pages with zoom (fit width, fit page, +/−, Ctrl+scroll),
 * page number entry, thumbnails, rotation, keyboard navigation, text
 * selection and copy, search with Vietnamese folding, a password prompt
 * for encrypted files, a clear message for files that cannot be shown
 * (with "Save a Copy…" still possible) and printing. Pages are rendered
 * on one worker per document, visible pages first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IPD_TYPE_PDF_VIEW (ipd_pdf_view_get_type ())
G_DECLARE_FINAL_TYPE (IpdPdfView, ipd_pdf_view, IPD, PDF_VIEW, GtkWidget)

GtkWidget *ipd_pdf_view_new        (void);
/* Shows @bytes (a PDF, or a file that turns out not to be one), named
 * @file_name for titles, "Save a Copy…" and printing. Returns at once;
 * loading happens on the view's worker. */
void       ipd_pdf_view_load_bytes (IpdPdfView *self, GBytes *bytes, const char *file_name);
void       ipd_pdf_view_clear      (IpdPdfView *self);

/* The same viewer in a window of its own. */
GtkWindow *ipd_pdf_view_window_new (GtkWindow *parent, GBytes *bytes, const char *file_name);

G_END_DECLS
