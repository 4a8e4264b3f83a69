/* ipd-attachment-dialog.h — a document's name, type, number, date and note
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-store.h"

G_BEGIN_DECLS

#define IPD_TYPE_ATTACHMENT_DIALOG (ipd_attachment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IpdAttachmentDialog, ipd_attachment_dialog, IPD, ATTACHMENT_DIALOG, AdwWindow)

IpdAttachmentDialog *ipd_attachment_dialog_new (GtkWindow *parent, IpdStore *store,
                                                const IpdAttachment *attachment);
gboolean    ipd_attachment_dialog_save      (IpdAttachmentDialog *self, GError **error);
gboolean    ipd_attachment_dialog_set_field (IpdAttachmentDialog *self, const char *field,
                                             const char *text);
const char *ipd_attachment_dialog_get_error (IpdAttachmentDialog *self);

G_END_DECLS
