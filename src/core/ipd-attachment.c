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
}

void
ipd_attachment_unref (IpdAttachment *attachment)
{
  g_return_if_fail (attachment != NULL);
  g_atomic_rc_box_release_full (attachment, attachment_clear);
}
