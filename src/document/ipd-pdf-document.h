/* ipd-pdf-document.h — a PDF loaded, rendered and searched (poppler-glib)
 *
 * The one place that talks to poppler: the viewer, the attachment list
 * and ipdossiers-cli use these calls, never poppler's own. Depends on
 * GLib/GIO, cairo and poppler-glib only (no GTK), so the command-line tool
 * links it without GTK.
 *
 * Threads: a document is used from one thread at a time (poppler is not
 * thread safe per document); the viewer gives each document one worker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define IPD_PDF_ERROR (ipd_pdf_error_quark ())
GQuark ipd_pdf_error_quark (void);

typedef enum {
  IPD_PDF_ERROR_NOT_PDF,          /* empty, or not a PDF at all (another type of file) */
  IPD_PDF_ERROR_DAMAGED,          /* a PDF that cannot be read: truncated, corrupted */
  IPD_PDF_ERROR_NEEDS_PASSWORD,   /* encrypted, and no password was given */
  IPD_PDF_ERROR_WRONG_PASSWORD,   /* encrypted, and the password given is not it */
  IPD_PDF_ERROR_NO_SUCH_PAGE,
  IPD_PDF_ERROR_RENDER,           /* the page could not be drawn */
} IpdPdfError;

#define IPD_TYPE_PDF_DOCUMENT (ipd_pdf_document_get_type ())
G_DECLARE_FINAL_TYPE (IpdPdfDocument, ipd_pdf_document, IPD, PDF_DOCUMENT, GObject)

/* Loading. @password: NULL when none is known. Never crashes on bad input
 * (poppler 22.12 crashes in new_from_bytes with a wrong password: loads go
 * through a memory stream). Errors are IPD_PDF_ERROR, messages translated. */
IpdPdfDocument *ipd_pdf_document_new_from_bytes (GBytes       *bytes,
                                                 const char   *password,
                                                 GCancellable *cancellable,
                                                 GError      **error);
IpdPdfDocument *ipd_pdf_document_new_from_file  (GFile        *file,
                                                 const char   *password,
                                                 GCancellable *cancellable,
                                                 GError      **error);

int      ipd_pdf_document_get_n_pages   (IpdPdfDocument *self);
/* In points (1/72 inch), unrotated. */
gboolean ipd_pdf_document_get_page_size (IpdPdfDocument *self, int page,
                                         double *width, double *height, GError **error);
char    *ipd_pdf_document_dup_title     (IpdPdfDocument *self);
/* The bytes the document was loaded from (for "save a copy"). */
GBytes  *ipd_pdf_document_get_bytes     (IpdPdfDocument *self);

/* Renders page @page (0-based) at @scale (1.0 = 72 dpi) turned by
 * @rotation degrees (0, 90, 180, 270) on white, as an ARGB32 image
 * surface. Cancellable between pages only. */
cairo_surface_t *ipd_pdf_document_render_page (IpdPdfDocument *self, int page, double scale,
                                               int rotation, GCancellable *cancellable,
                                               GError **error);
/* What a render target's memory last held, for filling it white. */
typedef enum {
  IPD_PDF_MEMORY_RECENT,   /* just mapped or written: in the processor's caches */
  IPD_PDF_MEMORY_COLD,     /* written long ago, as a page back from a cache of many: */
                           /* filled with streaming stores, which do not read it in first */
                           /* (from 1 MiB: smaller, it may be in the caches still) */
} IpdPdfMemory;

/* The same into @target, filled white first: lets a caller reuse its
 * memory from page to page. Only @area of the rendering (pixels; NULL:
 * all of it, see ipd_pdf_document_get_render_size) is drawn; @target is
 * an ARGB32 image surface of @area's size, its memory as @memory says. */
gboolean ipd_pdf_document_render_page_into (IpdPdfDocument *self, int page, double scale,
                                            int rotation, const cairo_rectangle_int_t *area,
                                            cairo_surface_t *target, IpdPdfMemory memory,
                                            GCancellable *cancellable, GError **error);
/* The part of that rendering with ink on it — text, drawings, pictures,
 * annotations — in its pixels: outside it the page is white. At least a
 * pixel, for a blank page. The first call for a page draws it into a
 * recording, which ipd_pdf_document_render_page_into() of the same page,
 * scale and rotation then replays; later calls, at any scale or
 * rotation, are free. Recording and replaying a full page cost about
 * twice drawing it. */
gboolean ipd_pdf_document_get_ink_area      (IpdPdfDocument *self, int page, double scale,
                                            int rotation, cairo_rectangle_int_t *area,
                                            GError **error);
/* The size in pixels of page @page rendered at @scale turned by @rotation. */
gboolean ipd_pdf_document_get_render_size  (IpdPdfDocument *self, int page, double scale,
                                            int rotation, int *width, int *height,
                                            GError **error);

/* A page's text, as poppler reads it. */
char    *ipd_pdf_document_get_page_text (IpdPdfDocument *self, int page);

/* The text of the rectangle @area (points, origin top-left): copy. */
char    *ipd_pdf_document_get_selected_text (IpdPdfDocument *self, int page,
                                             const cairo_rectangle_t *area);

/* Where the text of @area lies (to highlight a selection): boxes in
 * points, origin top-left, unrotated; NULL for no page. Free with
 * cairo_region_destroy. */
cairo_region_t *ipd_pdf_document_get_selected_region (IpdPdfDocument *self, int page,
                                                      const cairo_rectangle_t *area);

/* One match of a search: its page and the boxes (points, origin
 * top-left) of its characters, merged by line. */
typedef struct {
  int     page;
  GArray *boxes;   /* cairo_rectangle_t */
} IpdPdfMatch;

void ipd_pdf_match_free (IpdPdfMatch *match);

/* Finds @query on pages @first_page to @last_page (inclusive) with
 * Vietnamese folding (ipd_text_fold: "quoc" finds "Quốc", "dang ky" finds
 * "đăng ký"): a #GPtrArray of #IpdPdfMatch in reading order. */
GPtrArray *ipd_pdf_document_find (IpdPdfDocument *self, const char *query, int first_page,
                                  int last_page, GCancellable *cancellable);

/* Printing: draws page @page on @cr, scaled by the caller. */
void     ipd_pdf_document_print_page (IpdPdfDocument *self, int page, cairo_t *cr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdPdfMatch, ipd_pdf_match_free)

G_END_DECLS
