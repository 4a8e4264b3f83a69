/* ipd-pdf-surface-pool.h — rendered pages' memory, reused
 *
 * Fresh memory for every page costs more than drawing a simple page (the
 * kernel zeroes and maps it page by page): the viewer's worker draws into
 * surfaces given back when their texture is gone. A surface comes back
 * only once nothing can draw from it: the last reference to the bytes
 * behind its texture (the texture and the cairo surface the page paints
 * with the cairo renderer both hold one) is dropped. New memory for a
 * page is mapped in one call, not a fault at a time, and while the pool
 * has none to give back (a view filling its texture cache) the next one
 * is mapped ahead, on a thread all pools share, while the worker draws.
 * Bounded in bytes; the most recently given back are kept. Thread safe:
 * the worker takes, any thread gives back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _IpdPdfSurfacePool IpdPdfSurfacePool;

IpdPdfSurfacePool *ipd_pdf_surface_pool_new   (gsize budget);
IpdPdfSurfacePool *ipd_pdf_surface_pool_ref   (IpdPdfSurfacePool *self);
void               ipd_pdf_surface_pool_unref (IpdPdfSurfacePool *self);
/* Frees what is kept (a surface being mapped ahead still comes in). */
void               ipd_pdf_surface_pool_clear (IpdPdfSurfacePool *self);

/* Where a surface the pool hands out comes from. */
typedef enum {
  IPD_PDF_SURFACE_NEW,      /* mapped now, on the calling thread */
  IPD_PDF_SURFACE_AHEAD,    /* mapped ahead, on the pools' thread */
  IPD_PDF_SURFACE_REUSED,   /* given back: as a rule written long ago */
} IpdPdfSurfaceOrigin;

/* An ARGB32 image surface of that size, reused when one was given back,
 * else new (check its status); @origin (may be NULL) says which. Its
 * contents are undefined. */
cairo_surface_t   *ipd_pdf_surface_pool_take  (IpdPdfSurfacePool *self, int width, int height,
                                               IpdPdfSurfaceOrigin *origin);
/* Takes @surface back (consumes the reference), or frees it when the
 * pool is full. Only for a surface nothing else draws from or into. */
void               ipd_pdf_surface_pool_give  (IpdPdfSurfacePool *self, cairo_surface_t *surface);

/* A texture of @surface's pixels without a copy (consumes the reference);
 * the surface comes back to the pool when the texture and everything
 * drawing from it are gone. The texture's IPD_PDF_PAGE_SURFACE_KEY data
 * is a cairo surface of the same pixels (for the cairo renderer). */
GdkTexture        *ipd_pdf_surface_pool_make_texture (IpdPdfSurfacePool *self, cairo_surface_t *surface);

/* Bytes kept; surfaces reused, and made (now or ahead), since the pool
 * was made (figures, tests). */
gsize              ipd_pdf_surface_pool_get_size (IpdPdfSurfacePool *self);
void               ipd_pdf_surface_pool_get_stats (IpdPdfSurfacePool *self, guint *reused, guint *made);
/* Waits until no surface is being mapped ahead (tests). */
void               ipd_pdf_surface_pool_wait_ahead (IpdPdfSurfacePool *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdPdfSurfacePool, ipd_pdf_surface_pool_unref)

G_END_DECLS
