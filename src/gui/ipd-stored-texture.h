/* ipd-stored-texture.h — a picture of the register, read and decoded on workers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipd-store.h"

G_BEGIN_DECLS

void        ipd_stored_texture_load_async  (IpdStore *store, const char *sha256, GCancellable *cancellable,
                                            GAsyncReadyCallback callback, gpointer user_data);
GdkTexture *ipd_stored_texture_load_finish (GAsyncResult *result, GError **error);
void        ipd_texture_decode_async       (GBytes *bytes, GCancellable *cancellable,
                                            GAsyncReadyCallback callback, gpointer user_data);
GdkTexture *ipd_texture_decode_finish      (GAsyncResult *result, GError **error);

G_END_DECLS
