/* ipd-attachment-dialog.c — renames and re-types a document of a dossier
 *
 * The file name, the document type (application, office letter, decision,
 * ...), the document's own number and date, and a note. The store
 * validates; a wrong value is shown in the dialog, which stays open, and
 * nothing is saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-attachment-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "ipd-attachment-dialog.h"
#include "ipd-date.h"
#include "ipd-gui.h"
#include "ipd-vocabulary.h"

struct _IpdAttachmentDialog
{
  AdwWindow      parent_instance;

  AdwEntryRow   *name_row;
  AdwComboRow   *type_row;
  AdwEntryRow   *number_row;
  AdwEntryRow   *date_row;
  AdwEntryRow   *note_row;
  GtkLabel      *error_label;
  GtkButton     *save_button;

  IpdStore      *store;
  IpdAttachment *attachment;   /* as loaded; the edit is a copy */
};

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IpdAttachmentDialog, ipd_attachment_dialog, ADW_TYPE_WINDOW)

static const char *
type_at (guint position)
{
  return ipd_vocabulary_code_at (IPD_VOCAB_DOCUMENT_TYPE, position);
}

static guint
type_position (const char *code)
{
  return ipd_vocabulary_index (IPD_VOCAB_DOCUMENT_TYPE, code);
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Marks the fields the store refuses: a blank name, a date that is not one. */
static void
mark_fields (IpdAttachmentDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (entry_text (self->name_row)));
  g_autofree char *date = g_strstrip (g_strdup (entry_text (self->date_row)));
  g_autofree char *iso = *date ? ipd_date_parse (date, NULL) : NULL;

  if (*name == '\0' || strpbrk (name, "/\\") != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  if (*date != '\0' && iso == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
}

/* Saves the details; on a wrong value the dialog shows why and stays. */
gboolean
ipd_attachment_dialog_save (IpdAttachmentDialog *self, GError **error)
{
  g_autoptr(IpdAttachment) edit = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (IPD_IS_ATTACHMENT_DIALOG (self), FALSE);
  edit = ipd_attachment_copy (self->attachment);
  g_free (edit->file_name), edit->file_name = g_strdup (entry_text (self->name_row));
  g_free (edit->document_type), edit->document_type = g_strdup (type_at (adw_combo_row_get_selected (self->type_row)));
  g_free (edit->number), edit->number = g_strdup (entry_text (self->number_row));
  g_free (edit->date), edit->date = g_strdup (entry_text (self->date_row));
  g_free (edit->note), edit->note = g_strdup (entry_text (self->note_row));
  if (ipd_store_update_attachment (self->store, edit, &local_error))
    {
      ipd_gui_show_error (self->error_label, NULL);
      g_signal_emit (self, signals[SIGNAL_SAVED], 0);
      return TRUE;
    }
  ipd_gui_show_error (self->error_label, local_error->message);
  mark_fields (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
on_save_clicked (IpdAttachmentDialog *self)
{
  if (ipd_attachment_dialog_save (self, NULL))
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_cancel_clicked (IpdAttachmentDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* Fills a field as the officer would ("type" takes a document type's code). */
gboolean
ipd_attachment_dialog_set_field (IpdAttachmentDialog *self, const char *field, const char *text)
{
  const IpdNamedField fields[] = {
    { "name", self->name_row }, { "number", self->number_row },
    { "date", self->date_row }, { "note", self->note_row },
  };
  GtkEditable *editable;

  g_return_val_if_fail (IPD_IS_ATTACHMENT_DIALOG (self), FALSE);
  if (g_str_equal (field, "type"))
    {
      adw_combo_row_set_selected (self->type_row, type_position (text));
      return TRUE;
    }
  if ((editable = ipd_gui_named_field (fields, G_N_ELEMENTS (fields), field)) == NULL)
    return FALSE;
  gtk_editable_set_text (editable, text);
  return TRUE;
}

/* The message shown for the last refused save, or NULL. */
const char *
ipd_attachment_dialog_get_error (IpdAttachmentDialog *self)
{
  g_return_val_if_fail (IPD_IS_ATTACHMENT_DIALOG (self), NULL);
  return ipd_gui_shown_error (self->error_label);
}

static void
ipd_attachment_dialog_dispose (GObject *object)
{
  IpdAttachmentDialog *self = IPD_ATTACHMENT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->attachment, ipd_attachment_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPD_TYPE_ATTACHMENT_DIALOG);
  G_OBJECT_CLASS (ipd_attachment_dialog_parent_class)->dispose (object);
}

static void
ipd_attachment_dialog_class_init (IpdAttachmentDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_attachment_dialog_dispose;
  /* Emitted when the details have been saved. */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  ipd_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipdossiers/IpDossiers/ipd-attachment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdAttachmentDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, IpdAttachmentDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, IpdAttachmentDialog, number_row);
  gtk_widget_class_bind_template_child (widget_class, IpdAttachmentDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, IpdAttachmentDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, IpdAttachmentDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, IpdAttachmentDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  ipd_gui_close_on_escape (widget_class);
}

static void
ipd_attachment_dialog_init (IpdAttachmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ipd_gui_fill_vocabulary (self->type_row, IPD_VOCAB_DOCUMENT_TYPE);
}

/* The form filled with @attachment's details; saving changes them. */
IpdAttachmentDialog *
ipd_attachment_dialog_new (GtkWindow *parent, IpdStore *store, const IpdAttachment *attachment)
{
  IpdAttachmentDialog *self;
  g_autofree char *date = NULL;

  g_return_val_if_fail (IPD_IS_STORE (store) && attachment != NULL && attachment->id > 0, NULL);
  self = g_object_new (IPD_TYPE_ATTACHMENT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  self->attachment = ipd_attachment_copy (attachment);
  date = attachment->date ? ipd_date_format (attachment->date) : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), attachment->file_name);
  adw_combo_row_set_selected (self->type_row, type_position (attachment->document_type));
  gtk_editable_set_text (GTK_EDITABLE (self->number_row), attachment->number ? attachment->number : "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date ? date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), attachment->note ? attachment->note : "");
  return self;
}
