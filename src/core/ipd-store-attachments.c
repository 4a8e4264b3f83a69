/* ipd-store-attachments.c — a dossier's documents: edits and the trash
 *
 * A document's bytes live in blob, keyed by their SHA-256 (ipd_store_put_blob);
 * its row says what it is. Moving a document to the trash only marks the
 * row: the bytes stay, so that "Undo" and a later restore find them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ipd-date.h"
#include "ipd-error.h"
#include "ipd-store-private.h"
#include "ipd-text.h"
#include "ipd-vocabulary.h"

#define ATTACHMENT_COLUMNS \
  "a.id, a.dossier_id, a.file_name, a.sha256, b.size, a.mime_type, a.document_type," \
  " a.number, a.date, a.note, a.page_count, a.created_at, a.deleted_at"

static gboolean
invalid (GError **error, const char *label, const char *message)
{
  /* Translators: a field's name, then what is wrong with it */
  g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID, _("%s: %s"), label, message);
  return FALSE;
}

/* Tidies the fields an officer types (trimmed, NFC, blank → NULL), checks
 * them and writes the date as YYYY-MM-DD. On an error @a may be tidied
 * but nothing else is changed. */
gboolean
ipd_store_validate_attachment (IpdAttachment *a, GError **error)
{
  ipd_text_tidy (&a->file_name);
  ipd_text_tidy (&a->number);
  ipd_text_tidy (&a->note);
  ipd_text_tidy (&a->date);
  ipd_text_tidy (&a->document_type);
  if (a->file_name == NULL)
    return invalid (error, _("File name"), _("a document needs a file name"));
  if (strchr (a->file_name, '/') != NULL || strchr (a->file_name, '\\') != NULL)
    return invalid (error, _("File name"), _("a file name cannot contain “/” or “\\”"));
  if (a->document_type == NULL)
    a->document_type = g_strdup ("other");
  if (ipd_vocabulary_find (IPD_VOCAB_DOCUMENT_TYPE, a->document_type) == NULL)
    {
      g_autofree char *types = ipd_vocabulary_codes (IPD_VOCAB_DOCUMENT_TYPE);
      g_autofree char *message = g_strdup_printf (_("choose one of %s"), types);
      return invalid (error, _("Document type"), message);
    }
  if (a->date != NULL)
    {
      g_autoptr(GError) date_error = NULL;
      char *iso = ipd_date_parse (a->date, &date_error);

      if (iso == NULL)
        return invalid (error, _("Document date"), date_error->message);
      g_free (a->date);
      a->date = iso;
    }
  return TRUE;
}

IpdAttachment *
ipd_store_read_attachment_row (IpdStmt *stmt)
{
  IpdAttachment *a = ipd_attachment_new (sqlite3_column_int64 (stmt, 1),
                                         (const char *) sqlite3_column_text (stmt, 2));

  a->id = sqlite3_column_int64 (stmt, 0);
  a->sha256 = ipd_column_dup_text (stmt, 3);
  a->size = sqlite3_column_int64 (stmt, 4);
  a->mime_type = ipd_column_dup_text (stmt, 5);
  a->document_type = ipd_column_dup_text (stmt, 6);
  a->number = ipd_column_dup_text (stmt, 7);
  a->date = ipd_column_dup_text (stmt, 8);
  a->note = ipd_column_dup_text (stmt, 9);
  a->page_count = sqlite3_column_int (stmt, 10);
  a->created_at = ipd_column_dup_text (stmt, 11);
  a->deleted_at = ipd_column_dup_text (stmt, 12);
  return a;
}

/* The dossier's documents that are not in the trash, by their date (undated
 * ones first) and then in the order they were added. */
GPtrArray *
ipd_store_list_attachments (IpdStore *self, gint64 dossier_id, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_attachment_unref);

  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  stmt = ipd_store_prepare (self,
                            "SELECT " ATTACHMENT_COLUMNS
                            " FROM attachment a JOIN blob b ON b.sha256 = a.sha256"
                            " WHERE a.dossier_id = ?1 AND a.deleted_at IS NULL ORDER BY a.date, a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, dossier_id);
  if (!ipd_store_append_rows (self, stmt, (IpdRowFunc) ipd_store_read_attachment_row, attachments, "attachment", error))
    return NULL;
  return g_steal_pointer (&attachments);
}

/* A document by its id, in the trash or not. */
IpdAttachment *
ipd_store_load_attachment (IpdStore *self, gint64 id, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  stmt = ipd_store_prepare (self,
                            "SELECT " ATTACHMENT_COLUMNS
                            " FROM attachment a JOIN blob b ON b.sha256 = a.sha256 WHERE a.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return ipd_store_read_attachment_row (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      /* Translators: %s is a document's number in the register */
      g_set_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND,
                   _("There is no document number %s in the register"), number);
    }
  else
    ipd_store_set_error (self, error, rc, "attachment");
  return NULL;
}

IpdAttachment *
ipd_store_get_attachment (IpdStore *self, gint64 attachment_id, GError **error)
{
  return ipd_store_load_attachment (self, attachment_id, error);
}

/* The dossier of a changed document was changed: its time moves on. */
static gboolean
touch_dossier_of (IpdStore *self, gint64 attachment_id, const char *now, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "UPDATE dossier SET updated_at = ?2 WHERE id = (SELECT dossier_id FROM attachment WHERE id = ?1)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attachment_id);
  ipd_bind_text (stmt, 2, now);
  return ipd_store_step_done (self, stmt, error);
}

static gboolean
write_attachment_fields (IpdStore *self, const IpdAttachment *a, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "UPDATE attachment SET file_name = ?2, document_type = ?3, number = ?4, date = ?5, note = ?6"
    " WHERE id = ?1 AND deleted_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a->id);
  ipd_bind_text (stmt, 2, a->file_name);
  ipd_bind_text (stmt, 3, a->document_type);
  ipd_bind_text (stmt, 4, a->number);
  ipd_bind_text (stmt, 5, a->date);
  ipd_bind_text (stmt, 6, a->note);
  if (!ipd_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_NOT_FOUND,
                           _("The document is no longer in the dossier (it may be in the trash)."));
      return FALSE;
    }
  return TRUE;
}

/**
 * ipd_store_update_attachment:
 * @attachment: the document, by its id, with the new file name, document
 *   type, number, date (dd/mm/yyyy or YYYY-MM-DD) and note
 *
 * Renames and re-types a document; its bytes do not change. A blank name or
 * a bad date is refused with an IPD_ERROR_INVALID that names the field, and
 * then neither the register nor @attachment changes. On success @attachment
 * holds the values as stored (tidied, the date as YYYY-MM-DD).
 */
gboolean
ipd_store_update_attachment (IpdStore *self, IpdAttachment *attachment, GError **error)
{
  g_autoptr(IpdAttachment) edit = NULL;
  g_autofree char *now = ipd_timestamp_now ();
  gboolean ok;

  g_return_val_if_fail (IPD_IS_STORE (self) && attachment != NULL && attachment->id > 0, FALSE);
  if (!ipd_store_check_writable (self, error))
    return FALSE;
  edit = ipd_attachment_copy (attachment);
  if (!ipd_store_validate_attachment (edit, error))
    return FALSE;
  if (!ipd_store_write_begin (self, error))
    return FALSE;
  ok = write_attachment_fields (self, edit, error)
       && touch_dossier_of (self, edit->id, now, error);
  if (!ipd_store_write_end (self, ok, ok ? error : NULL))
    return FALSE;
  g_free (attachment->file_name), attachment->file_name = g_steal_pointer (&edit->file_name);
  g_free (attachment->document_type), attachment->document_type = g_steal_pointer (&edit->document_type);
  g_free (attachment->number), attachment->number = g_steal_pointer (&edit->number);
  g_free (attachment->date), attachment->date = g_steal_pointer (&edit->date);
  g_free (attachment->note), attachment->note = g_steal_pointer (&edit->note);
  return TRUE;
}

static gboolean
set_trashed (IpdStore *self, gint64 id, gboolean trashed, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autofree char *now = ipd_timestamp_now ();
  gboolean ok;

  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  if (!ipd_store_check_writable (self, error) || !ipd_store_write_begin (self, error))
    return FALSE;
  stmt = ipd_store_prepare (self, trashed
                            ? "UPDATE attachment SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL"
                            : "UPDATE attachment SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                            error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ipd_bind_text (stmt, 2, now);
      ok = ipd_store_step_done (self, stmt, error);
    }
  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_NOT_FOUND,
                           trashed ? _("The document is not in the dossier (it may already be in the trash).")
                                   : _("The document is not in the trash."));
      ok = FALSE;
    }
  ok = ok && touch_dossier_of (self, id, now, error);
  return ipd_store_write_end (self, ok, ok ? error : NULL) && ok;
}

/* Moves a document to the trash; its bytes stay in the register. */
gboolean
ipd_store_trash_attachment (IpdStore *self, gint64 id, GError **error)
{
  return set_trashed (self, id, TRUE, error);
}

/* Brings a document back from the trash ("Undo"). */
gboolean
ipd_store_restore_attachment (IpdStore *self, gint64 id, GError **error)
{
  return set_trashed (self, id, FALSE, error);
}
