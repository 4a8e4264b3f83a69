/* ipd-event-dialog.c — records an event of a dossier, or corrects one
 *
 * What happened (from the procedure's event types), when, the letter's or
 * decision's number, a note, and the period a letter gives. The store
 * validates and brings the dossier's status up to date; a wrong value is
 * shown in the dialog, which stays open, and nothing is saved.
 *
 * Opened on a recorded event, the same form shows its values and Save
 * replaces them (the event keeps its id, so its place in the history).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-event-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ipd-gui.h"
#include "ipd-date.h"
#include "ipd-event-dialog.h"
#include "ipd-vocabulary.h"

struct _IpdEventDialog
{
  AdwWindow    parent_instance;

  AdwComboRow *type_row;
  AdwEntryRow *date_row;
  AdwEntryRow *reference_row;
  AdwEntryRow *note_row;
  AdwEntryRow *months_row;
  GtkLabel    *error_label;
  GtkButton   *save_button;

  IpdStore    *store;
  gint64       dossier_id;
  gint64       event_id;     /* the event corrected; 0 for a new one */
};

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IpdEventDialog, ipd_event_dialog, ADW_TYPE_WINDOW)

static const char *
type_at (guint position)
{
  return ipd_vocabulary_code_at (IPD_VOCAB_EVENT_TYPE, position);
}

static guint
type_position (const char *code)
{
  return ipd_vocabulary_index (IPD_VOCAB_EVENT_TYPE, code);
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Marks the date field when the date is what is wrong: not a date, or
 * later than today (the store says why). */
static void
mark_date (IpdEventDialog *self)
{
  g_autofree char *iso = ipd_date_parse (entry_text (self->date_row), NULL);
  g_autofree char *today = ipd_date_today ();

  if (iso == NULL || strcmp (iso, today) > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
}

/* Records the event; on a wrong value the dialog shows why and stays. */
gboolean
ipd_event_dialog_save (IpdEventDialog *self, GError **error)
{
  g_autoptr(IpdEvent) event = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *months;

  g_return_val_if_fail (IPD_IS_EVENT_DIALOG (self), FALSE);
  event = ipd_event_new (self->dossier_id, entry_text (self->date_row),
                         type_at (adw_combo_row_get_selected (self->type_row)));
  event->id = self->event_id;
  months = entry_text (self->months_row);
  event->reference = g_strdup (entry_text (self->reference_row));
  event->note = g_strdup (entry_text (self->note_row));
  if (*months != '\0')
    {
      guint64 value = 0;
      if (!g_ascii_string_to_unsigned (months, 10, 0, 120, &value, NULL))
        {
          /* Translators: %s is what the officer typed */
          g_set_error (&local_error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Period: “%s” is not a number of months from 0 to 120"), months);
        }
      event->period_months = (int) value;
    }

  if (local_error == NULL && ipd_store_save_event (self->store, event, &local_error))
    {
      ipd_gui_show_error (self->error_label, NULL);
      g_signal_emit (self, signals[SIGNAL_SAVED], 0);
      return TRUE;
    }
  ipd_gui_show_error (self->error_label, local_error->message);
  mark_date (self);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
on_save_clicked (IpdEventDialog *self)
{
  if (ipd_event_dialog_save (self, NULL))
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_cancel_clicked (IpdEventDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

/* A text field by the name set_field and get_field take, or NULL. */
static GtkEditable *
text_field (IpdEventDialog *self, const char *name)
{
  const IpdNamedField fields[] = {
    { "date", self->date_row }, { "reference", self->reference_row },
    { "note", self->note_row }, { "months", self->months_row },
  };

  return ipd_gui_named_field (fields, G_N_ELEMENTS (fields), name);
}

/* Fills a field as the officer would ("type" takes an event type's code). */
gboolean
ipd_event_dialog_set_field (IpdEventDialog *self, const char *field, const char *text)
{
  GtkEditable *editable;

  g_return_val_if_fail (IPD_IS_EVENT_DIALOG (self), FALSE);
  if (g_str_equal (field, "type"))
    {
      adw_combo_row_set_selected (self->type_row, type_position (text));
      return TRUE;
    }
  if ((editable = text_field (self, field)) == NULL)
    return FALSE;
  gtk_editable_set_text (editable, text);
  return TRUE;
}

/* What a field shows ("type": the chosen event type's code). */
const char *
ipd_event_dialog_get_field (IpdEventDialog *self, const char *field)
{
  GtkEditable *editable;

  g_return_val_if_fail (IPD_IS_EVENT_DIALOG (self), NULL);
  if (g_str_equal (field, "type"))
    return type_at (adw_combo_row_get_selected (self->type_row));
  editable = text_field (self, field);
  return editable != NULL ? gtk_editable_get_text (editable) : NULL;
}

/* The message shown for the last refused save, or NULL. */
const char *
ipd_event_dialog_get_error (IpdEventDialog *self)
{
  g_return_val_if_fail (IPD_IS_EVENT_DIALOG (self), NULL);
  return ipd_gui_shown_error (self->error_label);
}

gboolean
ipd_event_dialog_is_edit (IpdEventDialog *self)
{
  g_return_val_if_fail (IPD_IS_EVENT_DIALOG (self), FALSE);
  return self->event_id != 0;
}

static void
ipd_event_dialog_dispose (GObject *object)
{
  IpdEventDialog *self = IPD_EVENT_DIALOG (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPD_TYPE_EVENT_DIALOG);
  G_OBJECT_CLASS (ipd_event_dialog_parent_class)->dispose (object);
}

static void
ipd_event_dialog_class_init (IpdEventDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_event_dialog_dispose;
  /* Emitted when the event has been recorded. */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  ipd_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipdossiers/IpDossiers/ipd-event-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdEventDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, IpdEventDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, IpdEventDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, IpdEventDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, IpdEventDialog, months_row);
  gtk_widget_class_bind_template_child (widget_class, IpdEventDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, IpdEventDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  ipd_gui_close_on_escape (widget_class);
}

static void
ipd_event_dialog_init (IpdEventDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");

  gtk_widget_init_template (GTK_WIDGET (self));
  ipd_gui_fill_vocabulary (self->type_row, IPD_VOCAB_EVENT_TYPE);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
}

IpdEventDialog *
ipd_event_dialog_new (GtkWindow *parent, IpdStore *store, gint64 dossier_id)
{
  IpdEventDialog *self = g_object_new (IPD_TYPE_EVENT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);

  self->store = g_object_ref (store);
  self->dossier_id = dossier_id;
  return self;
}

/**
 * ipd_event_dialog_new_edit:
 * @event: a recorded event (its id is not 0)
 *
 * The form filled with @event's values; saving corrects that event.
 */
IpdEventDialog *
ipd_event_dialog_new_edit (GtkWindow *parent, IpdStore *store, const IpdEvent *event)
{
  IpdEventDialog *self;
  g_autofree char *date = NULL;
  g_autofree char *months = NULL;

  g_return_val_if_fail (event != NULL && event->id != 0, NULL);
  self = ipd_event_dialog_new (parent, store, event->dossier_id);
  self->event_id = event->id;
  date = event->date ? ipd_date_format (event->date) : NULL;
  months = event->period_months > 0 ? g_strdup_printf ("%d", event->period_months) : NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Event"));
  gtk_button_set_label (self->save_button, _("_Save"));
  adw_combo_row_set_selected (self->type_row, type_position (event->type));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date ? date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), event->reference ? event->reference : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), event->note ? event->note : "");
  gtk_editable_set_text (GTK_EDITABLE (self->months_row), months ? months : "");
  return self;
}
