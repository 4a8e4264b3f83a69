/* ipd-window-editing.c — creating, editing, duplicating and trashing dossiers
 *
 * Editing is explicit: Edit (Ctrl+E) or New (Ctrl+N) opens the form, Save
 * (Ctrl+S) validates and saves all of it or nothing, Cancel asks before
 * throwing changes away. Moving to the trash can be undone from the toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-settings.h"
#include "ipd-vocabulary.h"
#include "ipd-window-private.h"

gboolean
ipd_window_is_editing (IpdWindow *self)
{
  return g_str_equal (gtk_stack_get_visible_child_name (self->dossier_stack), "edit");
}

static gint64
open_dossier_id (IpdWindow *self)
{
  return ipd_dossier_view_get_id (self->dossier_view);
}

/* The receipt's actions, the dossier page's own, in the dossier menu. */
static const struct {
  const char *window;
  const char *page;
} receipt_actions[] = {
  { "win.print-receipt", "dossier.print-receipt" },
  { "win.save-receipt", "dossier.save-receipt" },
  { "win.new-lookup-code", "dossier.new-lookup-code" },
};

static void
receipt_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdWindow *self = IPD_WINDOW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (receipt_actions); i++)
    if (g_str_equal (action_name, receipt_actions[i].window))
      gtk_widget_activate_action (GTK_WIDGET (self->dossier_view), receipt_actions[i].page, NULL);
}

/* Which actions make sense now, and which header buttons show. */
void
ipd_window_update_dossier_actions (IpdWindow *self)
{
  gboolean editing = ipd_window_is_editing (self);
  gboolean open = open_dossier_id (self) != 0;
  gboolean trashed = open && ipd_dossier_view_is_in_trash (self->dossier_view);
  gboolean have_store = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-dossier", have_store && !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit", open && !editing && !trashed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-edit", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate", open && !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.trash", open && !editing && !trashed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore", open && !editing && trashed);
  for (guint i = 0; i < G_N_ELEMENTS (receipt_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), receipt_actions[i].window,
                                   have_store && open && !editing && !trashed && !ipd_store_is_read_only (self->store));

  gtk_widget_set_visible (self->edit_button, !editing && open);
  gtk_widget_set_visible (self->dossier_menu_button, !editing && open);
  gtk_widget_set_visible (self->save_button, editing);
  gtk_widget_set_visible (self->cancel_button, editing);
  adw_window_title_set_title (self->dossier_title, editing ? _("Editing") : _("Dossier"));
}

static void
start_editing (IpdWindow *self, IpdDossier *dossier)
{
  ipd_dossier_editor_edit (self->editor, self->store, dossier);
  gtk_stack_set_visible_child_name (self->dossier_stack, "edit");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->dossier_pane);
  ipd_window_update_dossier_actions (self);
}

static void
stop_editing (IpdWindow *self)
{
  gtk_stack_set_visible_child_name (self->dossier_stack, "view");
  ipd_window_update_dossier_actions (self);
}

static void
new_dossier_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdWindow *self = IPD_WINDOW (widget);
  g_autoptr(IpdDossier) dossier = ipd_dossier_new (IPD_KIND_TRADEMARK, NULL);

  /* The officer who creates a dossier usually follows it. */
  dossier->officer = ipd_settings_dup_officer_name ();
  start_editing (self, dossier);
}

static void
edit_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdWindow *self = IPD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdDossier) dossier = ipd_store_load_dossier (self->store, open_dossier_id (self), &error);

  if (dossier == NULL)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  else
    start_editing (self, dossier);
}

/* A copy to start from: everything but what identifies the original. */
static void
duplicate_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdWindow *self = IPD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdDossier) original = ipd_store_load_dossier (self->store, open_dossier_id (self), &error);
  g_autoptr(IpdDossier) copy = NULL;

  if (original == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  copy = ipd_dossier_copy (original);
  copy->id = 0;
  g_clear_pointer (&copy->reference, g_free);
  g_clear_pointer (&copy->app_number, g_free);
  g_clear_pointer (&copy->certificate_number, g_free);
  g_clear_pointer (&copy->deleted_at, g_free);
  start_editing (self, copy);
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdWindow *self = IPD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!ipd_dossier_editor_save (self->editor, &error))
    {
      g_debug ("Not saved: %s", error->message);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  id = ipd_dossier_editor_get_dossier (self->editor)->id;
  stop_editing (self);
  ipd_window_reload (self);
  ipd_dossier_table_select_id (self->table, id);
  ipd_window_open_dossier (self, id);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Saved")));
}

static void
on_discard_response (AdwMessageDialog *dialog, const char *response, IpdWindow *self)
{
  gboolean closing = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "closing"));

  if (!g_str_equal (response, "discard"))
    return;
  stop_editing (self);
  if (closing)
    gtk_window_close (GTK_WINDOW (self));
}

static void
forget_discard_dialog (IpdWindow *self)
{
  g_object_set_data (G_OBJECT (self), "discard-dialog", NULL);
}

/* Asks before unsaved changes are thrown away; then stops editing, and
 * closes the window when @closing. */
static void
ask_discard (IpdWindow *self, gboolean closing)
{
  GtkWidget *dialog = g_object_get_data (G_OBJECT (self), "discard-dialog");

  /* asked already (a second close, Cancel twice): the same question */
  if (dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                   _("The changes to this dossier have not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data (G_OBJECT (dialog), "closing", GINT_TO_POINTER (closing));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  g_object_set_data (G_OBJECT (self), "discard-dialog", dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (forget_discard_dialog), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_edit_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdWindow *self = IPD_WINDOW (widget);

  if (!ipd_dossier_editor_is_dirty (self->editor))
    stop_editing (self);
  else
    ask_discard (self, FALSE);
}

/* Closing the window while a form holds unsaved changes asks first;
 * returns TRUE when the window must stay open for now. */
gboolean
ipd_window_keep_open_for_changes (IpdWindow *self)
{
  if (!ipd_window_is_editing (self) || !ipd_dossier_editor_is_dirty (self->editor))
    return FALSE;
  ask_discard (self, TRUE);
  return TRUE;
}

static void
set_trashed (IpdWindow *self, gint64 id, gboolean trash)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = trash ? ipd_store_trash_dossier (self->store, id, &error)
                      : ipd_store_restore_dossier (self->store, id, &error);

  if (!ok)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  ipd_window_reload (self);
  if (!ipd_dossier_table_select_id (self->table, id))
    ipd_window_open_dossier (self, 0);
  else
    ipd_window_open_dossier (self, id);
}

static void
trash_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdWindow *self = IPD_WINDOW (widget);
  gint64 id = open_dossier_id (self);
  AdwToast *toast;

  set_trashed (self, id, TRUE);
  toast = adw_toast_new (_("Moved to the trash"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-trash");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
undo_trash_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  set_trashed (IPD_WINDOW (widget), g_variant_get_int64 (parameter), FALSE);
}

static void
restore_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdWindow *self = IPD_WINDOW (widget);

  set_trashed (self, open_dossier_id (self), FALSE);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Restored from the trash")));
}

void
ipd_window_editing_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-dossier", NULL, new_dossier_activated);
  gtk_widget_class_install_action (widget_class, "win.edit", NULL, edit_activated);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "win.cancel-edit", NULL, cancel_edit_activated);
  gtk_widget_class_install_action (widget_class, "win.duplicate", NULL, duplicate_activated);
  gtk_widget_class_install_action (widget_class, "win.trash", NULL, trash_activated);
  gtk_widget_class_install_action (widget_class, "win.undo-trash", "x", undo_trash_activated);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-dossier", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.duplicate", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (receipt_actions); i++)
    gtk_widget_class_install_action (widget_class, receipt_actions[i].window, NULL, receipt_activated);
  /* a PDF open in the page prints itself with Ctrl+P when it has the focus */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-receipt", NULL);
}
