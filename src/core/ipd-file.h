/* ipd-file.h — files written whole or not at all
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes the file's contents at @tmp_path, an empty file made for it. Its
 * errors say why only: the file is named by ipd_file_replace(). */
typedef gboolean (*IpdFileWriteFunc) (const char *tmp_path, gpointer data, GError **error);

gboolean ipd_file_replace            (const char *path, IpdFileWriteFunc write, gpointer data,
                                      GCancellable *cancellable, GError **error);
gboolean ipd_file_replace_bytes      (const char *path, GBytes *bytes, GCancellable *cancellable,
                                      GError **error);
gboolean ipd_file_save_bytes         (GFile *file, GBytes *bytes, GCancellable *cancellable,
                                      GError **error);
void     ipd_file_save_bytes_async   (GFile *file, GBytes *bytes, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data);
gboolean ipd_file_save_bytes_finish  (GFile *file, GAsyncResult *result, GError **error);

G_END_DECLS
