/* ipd-pdf-view.h — the built-in PDF viewer
 *
 * Continuous pages with zoom (fit width, fit page, +/−, Ctrl+scroll),
 * page number entry, thumbnails, rotation, keyboard navigation, text
 * selection and copy, search with Vietnamese folding, a password prompt
 * for encrypted files, a clear message for files that cannot be shown
 * (with "Save a Copy…" still possible) and printing. Pages are rendered
 * on one worker per document, visible pages first.
 *
 * Keys (when the view has the focus): Page Up/Down and Space a screen,
 * arrows a step, Home/End the first/last page, Ctrl+plus/minus/0 zoom,
 * Ctrl+scroll zoom, Ctrl+F find (Enter / Shift+Enter, Ctrl+G / Ctrl+Shift+G
 * the next / previous match), Ctrl+C copy the selected text, Ctrl+P print.
 * Its actions are in the "pdf." group (pdf.zoom-in, pdf.fit-width,
 * pdf.rotate(i), pdf.find, pdf.copy, pdf.print, pdf.save-copy, …); in a
 * window with application accelerators on the same keys (the main window's
 * Ctrl+F, Ctrl+G) those win, and the toolbar's buttons remain.
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

/* Prints through GtkPrintOperation's export to a PDF file at @path, with
 * no dialog (for tests and scripts). */
gboolean   ipd_pdf_view_print_to_file (IpdPdfView *self, const char *path, GError **error);

/* The state: "empty", "loading", "password", "error" or "document". */
const char *ipd_pdf_view_get_state    (IpdPdfView *self);
int         ipd_pdf_view_get_n_pages  (IpdPdfView *self);
/* Pages are 0-based. */
int         ipd_pdf_view_get_current_page (IpdPdfView *self);
void        ipd_pdf_view_set_current_page (IpdPdfView *self, int page);
/* 1.0 = 100 % (a point is 1/72 inch at 96 pixels per inch). */
double      ipd_pdf_view_get_zoom     (IpdPdfView *self);
void        ipd_pdf_view_set_zoom     (IpdPdfView *self, double zoom);
int         ipd_pdf_view_get_rotation (IpdPdfView *self);
/* Whether @page shows its rendering at the present zoom and rotation. */
gboolean    ipd_pdf_view_is_page_rendered (IpdPdfView *self, int page);
int         ipd_pdf_view_get_n_rendered   (IpdPdfView *self);
/* Whether @page could not be drawn (a damaged page): it says so. */
gboolean    ipd_pdf_view_is_page_failed   (IpdPdfView *self, int page);
GtkWidget  *ipd_pdf_view_get_page_widget  (IpdPdfView *self, int page);
/* NULL until the thumbnails sidebar has been shown. */
GtkWidget  *ipd_pdf_view_get_thumbnail_widget (IpdPdfView *self, int page);
/* Microseconds from the load to page 1 rendered; 0 until then. */
gint64      ipd_pdf_view_get_first_page_time  (IpdPdfView *self);
/* Pages rendered (thumbnails aside) and the worker's time for them: on
 * the clock, and on the processor. */
void        ipd_pdf_view_get_render_stats     (IpdPdfView *self, guint *n_pages, gint64 *usec, gint64 *cpu_usec);
/* Renders into reused memory and into new memory, and the bytes kept for
 * reuse (figures, tests). */
void        ipd_pdf_view_get_pool_stats       (IpdPdfView *self, guint *reused, guint *made, gsize *kept);
/* The pages of get_render_stats rendered into reused memory (the steady state). */
void        ipd_pdf_view_get_reused_render_stats (IpdPdfView *self, guint *n_pages, gint64 *cpu_usec);

/* Searching: opens the search bar with @query. */
void        ipd_pdf_view_search               (IpdPdfView *self, const char *query);
gboolean    ipd_pdf_view_get_search_finished  (IpdPdfView *self);
int         ipd_pdf_view_get_n_matches        (IpdPdfView *self);
/* The current match's index (-1 for none) and its page. */
int         ipd_pdf_view_get_current_match    (IpdPdfView *self, int *page);

/* Selects the rectangle @area (points, origin top-left, unrotated) of
 * @page, as a mouse drag does; "pdf.copy" copies its text. */
void        ipd_pdf_view_select_area  (IpdPdfView *self, int page, const cairo_rectangle_t *area);

/* The same viewer in a window of its own. */
GtkWindow *ipd_pdf_view_window_new (GtkWindow *parent, GBytes *bytes, const char *file_name);

G_END_DECLS
