/* ipd-attachment.h — a document of a dossier; its bytes live in the register
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct {
  gint64 id;            /* 0 until saved */
  gint64 dossier_id;
  char  *sha256;        /* of the bytes; identical files are stored once */
  gint64 size;
  char  *file_name;
  char  *mime_type;
  char  *document_type; /* application, office_letter, decision, certificate, map, ... */
  char  *number;        /* the document's own number */
  char  *date;          /* the document's date, YYYY-MM-DD */
  char  *note;
  int    page_count;    /* pages of a PDF as read when attached; 0: not a PDF, or unreadable */
  char  *created_at;
  char  *deleted_at;    /* in the trash since; NULL: in the dossier */
} IpdAttachment;

#define IPD_TYPE_ATTACHMENT (ipd_attachment_get_type ())

GType          ipd_attachment_get_type (void) G_GNUC_CONST;
IpdAttachment *ipd_attachment_new      (gint64 dossier_id, const char *file_name);
IpdAttachment *ipd_attachment_ref      (IpdAttachment *attachment);
IpdAttachment *ipd_attachment_copy     (const IpdAttachment *attachment);
void           ipd_attachment_unref    (IpdAttachment *attachment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdAttachment, ipd_attachment_unref)

G_END_DECLS
