/* ipd-gui.c — what every widget of the application needs
 *
 * The templates live in a GResource compiled into the static library. Its
 * constructor would be dropped by the linker when nothing refers to it, so
 * it is registered by hand, once, from each widget's class_init.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ipd-gui-resources.h"
#include "ipd-gui.h"
#include "ipd-i18n.h"
#include "ipd-settings.h"

void
ipd_gui_ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      ipd_gui_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/**
 * ipd_gui_init_i18n:
 *
 * The locale and the catalogue, in the language chosen in Preferences
 * (the system's by default). Called first thing in main(), before any
 * message is translated; GTK then keeps the locale set here.
 */
void
ipd_gui_init_i18n (void)
{
  g_autofree char *language = ipd_settings_dup_language ();

  ipd_i18n_init_with_language (language);
  gtk_disable_setlocale ();
}

/**
 * ipd_gui_icon_button:
 *
 * A flat button with an icon, its tooltip and its accessible name: the
 * buttons of rows (edit, delete, open).
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
ipd_gui_icon_button (const char *icon_name, const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  /* A visible widget given a tooltip asks the display where the pointer
   * is, a round trip to the X server (1 ms and more) per button; a page
   * of events has dozens. A hidden one does not ask. */
  gtk_widget_set_visible (button, FALSE);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_visible (button, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

/* An entry for a PIN in a dialog: hidden digits, and Enter answers the
 * dialog. Not a GtkPasswordEntry: in GTK 4.8 one inside an
 * AdwMessageDialog gets a notification after it is finalized when the
 * dialog's parent is destroyed (a fatal warning in the tests). */
GtkWidget *
ipd_pin_entry_new (void)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PIN);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  return entry;
}

/**
 * ipd_gui_question_new:
 * @answer: the id of the answer that goes ahead; "cancel" is the other
 * @answer_label: its button's label, with a mnemonic
 *
 * A question with "Cancel" and one suggested answer, which Enter gives
 * and Escape cancels. Connect to "response" and present it.
 *
 * Returns: (transfer floating): the dialog
 */
AdwMessageDialog *
ipd_gui_question_new (GtkWindow *parent, const char *heading, const char *body,
                      const char *answer, const char *answer_label)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), answer, answer_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, answer, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, answer);
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

/* The field called @name among @fields, or NULL. */
GtkEditable *
ipd_gui_named_field (const IpdNamedField *fields, gsize n_fields, const char *name)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].name, name) == 0)
      return GTK_EDITABLE (fields[i].editable);
  return NULL;
}

/* Shows why a dialog refused to save under its fields; NULL hides it. */
void
ipd_gui_show_error (GtkLabel *label, const char *message)
{
  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* The message ipd_gui_show_error () shows, or NULL. */
const char *
ipd_gui_shown_error (GtkLabel *label)
{
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}

static gboolean
close_window (GtkWidget *widget, GVariant *args, gpointer data)
{
  gtk_window_close (GTK_WINDOW (widget));
  return TRUE;
}

/* Escape closes the dialogs of this class, as it does AdwMessageDialog. */
void
ipd_gui_close_on_escape (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_window, NULL);
}

void
ipd_gui_fill_vocabulary (AdwComboRow *row, IpdVocabulary vocabulary)
{
  guint n;
  const IpdTerm *terms = ipd_vocabulary_terms (vocabulary, &n);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, _(terms[i].label));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}
