/* ipd-front-desk-pin-group.c — "Front Desk" in the Register page of Preferences
 *
 * The PIN is the register's, so that any officer can close the front desk
 * whichever computer shows it; the store keeps only its salted hash. It is
 * typed twice, in a dialog that stays open until both agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-front-desk-pin-group.h"
#include "ipd-gui.h"
#include "ipd-pin.h"

struct _IpdFrontDeskPinGroup
{
  AdwPreferencesGroup parent_instance;

  IpdStore     *store;
  AdwActionRow *pin_row;
  GtkButton    *set_button;
  gboolean      setting;   /* the new PIN is being hashed */
};

G_DEFINE_FINAL_TYPE (IpdFrontDeskPinGroup, ipd_front_desk_pin_group, ADW_TYPE_PREFERENCES_GROUP)

static void
update_row (IpdFrontDeskPinGroup *self)
{
  gboolean has_pin = self->store != NULL && ipd_store_has_front_desk_pin (self->store);

  adw_action_row_set_subtitle (self->pin_row,
                               has_pin ? _("Set: officers type it to leave the front desk")
                                       : _("Not set: the front desk cannot be opened until it is"));
  gtk_button_set_label (self->set_button, has_pin ? _("_Change PIN…") : _("_Set PIN…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self),
                            self->store != NULL && !ipd_store_is_read_only (self->store) && !self->setting);
}

static void ask_new_pin (IpdFrontDeskPinGroup *self, const char *problem);

static const char *
entry_text (GtkWidget *box, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
      return gtk_editable_get_text (GTK_EDITABLE (child));
  g_return_val_if_reached ("");
}

/* The group is kept alive until the PIN is in the register, even if
 * Preferences closes meanwhile: what the officer typed twice is kept. */
static void
on_pin_set (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(IpdFrontDeskPinGroup) self = user_data;
  g_autoptr(GError) error = NULL;

  self->setting = FALSE;
  if (!ipd_store_set_front_desk_pin_finish (IPD_STORE (source), result, &error)
      && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    ask_new_pin (self, error->message);
  update_row (self);
}

static void
on_pin_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  IpdFrontDeskPinGroup *self = IPD_FRONT_DESK_PIN_GROUP (user_data);
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *pin = g_strdup (entry_text (box, "new-pin"));
  g_autofree char *again = g_strdup (entry_text (box, "new-pin-again"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "set") != 0)
    return;
  if (!ipd_pin_check_acceptable (pin, &error))
    ask_new_pin (self, error->message);
  else if (g_strcmp0 (pin, again) != 0)
    ask_new_pin (self, _("The two PINs are not the same."));
  else
    {
      /* PBKDF2's 100 000 rounds: a tenth of a second, on a worker */
      self->setting = TRUE;
      adw_action_row_set_subtitle (self->pin_row, _("Setting the PIN…"));
      ipd_store_set_front_desk_pin_async (self->store, pin, NULL, on_pin_set, g_object_ref (self));
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return;
    }
  update_row (self);
}

static GtkWidget *
pin_entry (const char *name, const char *label)
{
  GtkWidget *entry = ipd_pin_entry_new ();

  gtk_widget_set_name (entry, name);
  g_object_set (entry, "placeholder-text", label, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return entry;
}

static void
ask_new_pin (IpdFrontDeskPinGroup *self, const char *problem)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  AdwMessageDialog *dialog =
    ipd_gui_question_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Officer PIN"),
                          problem != NULL ? problem : _("4 to 12 digits. Officers type it to leave the front desk."),
                          "set", _("_Set PIN"));

  gtk_widget_set_name (GTK_WIDGET (dialog), "front-desk-pin-setup");
  gtk_box_append (GTK_BOX (box), pin_entry ("new-pin", _("New PIN")));
  gtk_box_append (GTK_BOX (box), pin_entry ("new-pin-again", _("New PIN again")));
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_pin_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_set_clicked (IpdFrontDeskPinGroup *self)
{
  ask_new_pin (self, NULL);
}

void
ipd_front_desk_pin_group_set_store (IpdFrontDeskPinGroup *self, IpdStore *store)
{
  g_return_if_fail (IPD_IS_FRONT_DESK_PIN_GROUP (self));
  g_set_object (&self->store, store);
  update_row (self);
}

static void
ipd_front_desk_pin_group_dispose (GObject *object)
{
  g_clear_object (&IPD_FRONT_DESK_PIN_GROUP (object)->store);
  G_OBJECT_CLASS (ipd_front_desk_pin_group_parent_class)->dispose (object);
}

static void
ipd_front_desk_pin_group_class_init (IpdFrontDeskPinGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ipd_front_desk_pin_group_dispose;
}

static void
ipd_front_desk_pin_group_init (IpdFrontDeskPinGroup *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);

  adw_preferences_group_set_title (group, _("Front Desk"));
  adw_preferences_group_set_description (group,
    _("The screen at the reception where visitors look up their dossier. The register keeps only a salted hash of the PIN."));
  self->pin_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->pin_row), _("Officer PIN"));
  self->set_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Set PIN…")));
  gtk_widget_set_name (GTK_WIDGET (self->set_button), "front-desk-set-pin");
  gtk_widget_set_valign (GTK_WIDGET (self->set_button), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->set_button, "clicked", G_CALLBACK (on_set_clicked), self);
  adw_action_row_add_suffix (self->pin_row, GTK_WIDGET (self->set_button));
  adw_preferences_group_add (group, GTK_WIDGET (self->pin_row));
  update_row (self);
}
