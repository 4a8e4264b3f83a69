/* ipd-pdf-texture-cache.h — rendered pages, bounded in bytes
 *
 * Keyed by page, zoom, rotation and kind (page or thumbnail); the least
 * recently used go first when the budget is exceeded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _IpdPdfTextureCache IpdPdfTextureCache;

IpdPdfTextureCache *ipd_pdf_texture_cache_new      (gsize budget);
void                ipd_pdf_texture_cache_free     (IpdPdfTextureCache *self);
void                ipd_pdf_texture_cache_clear    (IpdPdfTextureCache *self);
/* A new reference, or NULL; a hit counts as a use. */
GdkTexture         *ipd_pdf_texture_cache_lookup   (IpdPdfTextureCache *self, int page, double zoom,
                                                    int rotation, gboolean thumbnail);
void                ipd_pdf_texture_cache_insert   (IpdPdfTextureCache *self, int page, double zoom,
                                                    int rotation, gboolean thumbnail,
                                                    GdkTexture *texture, gsize size);
gsize               ipd_pdf_texture_cache_get_size (IpdPdfTextureCache *self);
guint               ipd_pdf_texture_cache_get_n    (IpdPdfTextureCache *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdPdfTextureCache, ipd_pdf_texture_cache_free)

G_END_DECLS
