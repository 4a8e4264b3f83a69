/* ipd-stored-texture.c — a picture of the register, read and decoded on workers
 *
 * A mark sample or an attached photo is read from the register on one
 * worker (ipd_store_run_on_blob) and decoded on another: a large JPEG
 * takes a tenth of a second to decode, too long for the window to wait.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ipd-stored-texture.h"

static void
decode_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  GdkTexture *texture = gdk_texture_new_from_bytes (data, &error);

  if (texture != NULL)
    g_task_return_pointer (task, texture, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * ipd_texture_decode_async:
 *
 * Decodes a PNG or JPEG already read, on a worker.
 */
void
ipd_texture_decode_async (GBytes *bytes, GCancellable *cancellable, GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (bytes != NULL);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ipd_texture_decode_async);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, decode_thread);
}

/**
 * ipd_texture_decode_finish:
 *
 * Returns: (transfer full): the picture, or %NULL with the decoder's error
 */
GdkTexture *
ipd_texture_decode_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ipd_stored_texture_load_async:
 * @sha256: the picture's hash in the register
 *
 * Reads and decodes a PNG or JPEG of the register.
 */
void
ipd_stored_texture_load_async (IpdStore *store, const char *sha256, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task;

  g_return_if_fail (IPD_IS_STORE (store) && sha256 != NULL);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ipd_stored_texture_load_async);
  ipd_store_run_on_blob (store, sha256, task, decode_thread);
}

/**
 * ipd_stored_texture_load_finish:
 *
 * Returns: (transfer full): the picture, or %NULL with @error set (the
 * register's error, or the decoder's for bytes that are no picture)
 */
GdkTexture *
ipd_stored_texture_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
