/* ipd-attachment.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-attachment"

#include "config.h"

#include "ipd-attachment.h"

G_DEFINE_BOXED_TYPE (IpdAttachment, ipd_attachment, ipd_attachment_ref, ipd_attachment_unref)

IpdAttachment *
ipd_attachment_new (gint64 dossier_id, const char *file_name)
{
  IpdAttachment *attachment = g_atomic_rc_box_new0 (IpdAttachment);

  attachment->dossier_id = dossier_id;
  attachment->file_name = g_strdup (file_name);
  return attachment;
}

IpdAttachment *
ipd_attachment_ref (IpdAttachment *attachment)
{
  g_return_val_if_fail (attachment != NULL, NULL);
  return g_atomic_rc_box_acquire (attachment);
}

/* A new record with the same values: for an edit that may be refused. */
IpdAttachment *
ipd_attachment_copy (const IpdAttachment *a)
{
  IpdAttachment *copy;

  g_return_val_if_fail (a != NULL, NULL);
  copy = ipd_attachment_new (a->dossier_id, a->file_name);
  copy->id = a->id;
  copy->sha256 = g_strdup (a->sha256);
  copy->size = a->size;
  copy->mime_type = g_strdup (a->mime_type);
  copy->document_type = g_strdup (a->document_type);
  copy->number = g_strdup (a->number);
  copy->date = g_strdup (a->date);
  copy->note = g_strdup (a->note);
  copy->page_count = a->page_count;
  copy->created_at = g_strdup (a->created_at);
  copy->deleted_at = g_strdup (a->deleted_at);
  return copy;
}

static void
attachment_clear (gpointer data)
{
  IpdAttachment *a = data;

  g_free (a->sha256);
  g_free (a->file_name);
  g_free (a->mime_type);
  g_free (a->document_type);
  g_free (a->number);
  g_free (a->date);
  g_free (a->note);
  g_free (a->created_at);
  g_free (a->deleted_at);
}

void
ipd_attachment_unref (IpdAttachment *attachment)
{
  g_return_if_fail (attachment != NULL);
  g_atomic_rc_box_release_full (attachment, attachment_clear);
}
