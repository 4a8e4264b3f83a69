/* ipd-attachment-row.h — one document in the dossier's list
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-attachment.h"

G_BEGIN_DECLS

#define IPD_TYPE_ATTACHMENT_ROW (ipd_attachment_row_get_type ())
G_DECLARE_FINAL_TYPE (IpdAttachmentRow, ipd_attachment_row, IPD, ATTACHMENT_ROW, AdwActionRow)

/* The thumbnail's size, and the width of the type icon in its place. */
#define IPD_ATTACHMENT_THUMBNAIL_SIZE 40

GtkWidget     *ipd_attachment_row_new             (IpdAttachment *attachment);
IpdAttachment *ipd_attachment_row_get_attachment  (IpdAttachmentRow *self);
void           ipd_attachment_row_set_page_count  (IpdAttachmentRow *self, int page_count);
void           ipd_attachment_row_show_problem    (IpdAttachmentRow *self, const GError *error);
void           ipd_attachment_row_show_thumbnail  (IpdAttachmentRow *self, GdkTexture *texture);

gboolean       ipd_attachment_is_pdf              (const IpdAttachment *attachment);
gboolean       ipd_attachment_is_picture          (const IpdAttachment *attachment);

/* "1,2 MB": a size with the register's decimal comma. */
char          *ipd_attachment_format_size         (gint64 size);

G_END_DECLS
