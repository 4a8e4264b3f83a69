/* ipd-attachment-list.h — the documents of a dossier, on its page
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-store.h"

G_BEGIN_DECLS

#define IPD_TYPE_ATTACHMENT_LIST (ipd_attachment_list_get_type ())
G_DECLARE_FINAL_TYPE (IpdAttachmentList, ipd_attachment_list, IPD, ATTACHMENT_LIST, GtkWidget)

void     ipd_attachment_list_show      (IpdAttachmentList *self, IpdStore *store, gint64 dossier_id);
void     ipd_attachment_list_clear     (IpdAttachmentList *self);
gboolean ipd_attachment_list_reload    (IpdAttachmentList *self, GError **error);

/* What the file chooser and a drop on the dossier page call: the files are
 * read and stored on a worker, with a progress bar and "Stop". */
void     ipd_attachment_list_add_files (IpdAttachmentList *self, GFile **files, guint n_files);
gboolean ipd_attachment_list_is_busy   (IpdAttachmentList *self);

/* Writes the document's bytes to @file on a worker ("Save a Copy…" once a
 * name is chosen): the file is replaced whole, or left as it was. */
void     ipd_attachment_list_save_copy_async  (IpdAttachmentList *self, gint64 attachment_id,
                                               GFile *file, GCancellable *cancellable,
                                               GAsyncReadyCallback callback, gpointer user_data);
gboolean ipd_attachment_list_save_copy_finish (IpdAttachmentList *self, GAsyncResult *result,
                                               GError **error);
/* The same into the user's cache folder, named as attached, for another
 * program to open; finished with the copy's path. */
void     ipd_attachment_list_write_for_opening_async  (IpdAttachmentList *self, gint64 attachment_id,
                                                       GCancellable *cancellable,
                                                       GAsyncReadyCallback callback, gpointer user_data);
char    *ipd_attachment_list_write_for_opening_finish (IpdAttachmentList *self, GAsyncResult *result,
                                                       GError **error);

G_END_DECLS
