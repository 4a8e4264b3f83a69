/* ipd-dossier-view-receipt.c — the dossier's receipt and its lookup code
 *
 * The page shows the code in force; "Print Receipt…" (Ctrl+P from the
 * window) opens the print dialog, "Save Receipt as PDF…" writes the same
 * page to a file, and "Issue New Lookup Code…" replaces the code after
 * asking, since the code on receipts already handed over stops working.
 * A dossier without a code gets one when its receipt is first printed or
 * saved. None of it for a dossier in the trash or on a read-only register.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-dossier-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-dossier-view-private.h"
#include "ipd-gui.h"
#include "ipd-lookup-code.h"
#include "ipd-receipt-print.h"

static const char *const receipt_actions[] = {
  "dossier.print-receipt", "dossier.save-receipt", "dossier.new-lookup-code",
};

static GtkWindow *
parent_window (IpdDossierView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A toast in the window's overlay; @text is plain text. */
static AdwToast *
add_toast (IpdDossierView *self, const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_message ("%s", text);
      g_clear_object (&toast);
    }
  return toast;
}

static void
show_error (IpdDossierView *self, const char *heading, const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The receipt of the dossier shown, with a new code when it had none
 * (and then the page shows it). */
static IpdReceipt *
load_receipt (IpdDossierView *self, GError **error)
{
  gboolean issued = FALSE;
  IpdReceipt *receipt = ipd_receipt_load (ipd_dossier_view_get_store (self), ipd_dossier_view_get_id (self),
                                          &issued, error);

  if (issued)
    ipd_dossier_view_reshow (self);
  return receipt;
}

/* Print ------------------------------------------------------------------------------ */

static void
print_receipt_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdDossierView *self = IPD_DOSSIER_VIEW (widget);
  g_autoptr(GError) error = NULL;
  IpdReceipt *receipt = load_receipt (self, &error);

  if (receipt == NULL)
    {
      show_error (self, _("The Receipt Could Not Be Printed"), error);
      return;
    }
  ipd_receipt_print (receipt, parent_window (self));
}

/* Save as PDF ------------------------------------------------------------------------ */

/**
 * ipd_dossier_view_save_receipt:
 * @file: where to save the PDF
 *
 * Saves the receipt of the dossier shown as a PDF, as "Save Receipt as
 * PDF…" does once the officer chose @file (issuing a lookup code when
 * the dossier has none).
 *
 * Returns: whether the file was saved; when not, @file is as it was
 */
gboolean
ipd_dossier_view_save_receipt (IpdDossierView *self, GFile *file, GError **error)
{
  g_autoptr(IpdReceipt) receipt = NULL;

  g_return_val_if_fail (IPD_IS_DOSSIER_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (ipd_dossier_view_get_id (self) != 0, FALSE);

  if ((receipt = load_receipt (self, error)) == NULL)
    return FALSE;
  return ipd_receipt_export_pdf (receipt, file, error);
}

static void
on_save_response (GtkNativeDialog *chooser, int response, IpdDossierView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      if (ipd_dossier_view_save_receipt (self, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: a toast; %s is the file's name */
          g_autofree char *text = g_strdup_printf (_("Receipt saved as “%s”"), name);

          add_toast (self, text);
        }
      else
        show_error (self, _("The Receipt Could Not Be Saved"), error);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_receipt_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdDossierView *self = IPD_DOSSIER_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdDossier) dossier = ipd_store_load_dossier (ipd_dossier_view_get_store (self),
                                                          ipd_dossier_view_get_id (self), &error);
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (dossier == NULL)
    {
      show_error (self, _("The Receipt Could Not Be Saved"), error);
      return;
    }
  name = ipd_receipt_file_name (dossier->reference);
  chooser = gtk_file_chooser_native_new (_("Save Receipt as PDF"), parent_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* New lookup code -------------------------------------------------------------------- */

static void
on_print_new_receipt (IpdDossierView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dossier.print-receipt", NULL);
}

static void
issue_new_code (IpdDossierView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = ipd_store_issue_lookup_code (ipd_dossier_view_get_store (self),
                                                       ipd_dossier_view_get_id (self), &error);
  g_autofree char *formatted = NULL;
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (code == NULL)
    {
      show_error (self, _("No New Lookup Code Was Issued"), error);
      return;
    }
  ipd_dossier_view_reshow (self);
  formatted = ipd_lookup_code_format (code);
  /* Translators: a toast; %s is the code, as K7QXM-2PD9R */
  text = g_strdup_printf (_("New lookup code: %s"), formatted);
  toast = add_toast (self, text);
  if (toast != NULL)
    {
      adw_toast_set_button_label (toast, _("_Print Receipt"));
      adw_toast_set_timeout (toast, 10);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_print_new_receipt), self, G_CONNECT_SWAPPED);
    }
}

static void
on_new_code_response (AdwMessageDialog *dialog, const char *response, IpdDossierView *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "dossier-id"));

  /* the page may show another dossier by now */
  if (g_str_equal (response, "issue") && id == ipd_dossier_view_get_id (self))
    issue_new_code (self);
}

static void
new_lookup_code_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdDossierView *self = IPD_DOSSIER_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = ipd_store_dup_lookup_code (ipd_dossier_view_get_store (self),
                                                     ipd_dossier_view_get_id (self), &error);
  g_autofree char *formatted = code ? ipd_lookup_code_format (code) : NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (error != NULL)
    {
      show_error (self, _("No New Lookup Code Was Issued"), error);
      return;
    }
  if (formatted != NULL)
    /* Translators: %s is the code in force, as K7QXM-2PD9R */
    body = g_strdup_printf (_("The code %s on the receipts handed over so far will stop working at the front desk. "
                              "Print a new receipt for the applicant."), formatted);
  else
    body = g_strdup (_("The dossier has no lookup code yet. Print a receipt for the applicant once it is issued."));
  dialog = adw_message_dialog_new (parent_window (self), _("Issue a New Lookup Code?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "issue", _("_Issue New Code"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "issue",
                                              formatted ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "dossier-id", GSIZE_TO_POINTER (ipd_dossier_view_get_id (self)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_code_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The page's group ------------------------------------------------------------------- */

static GtkWidget *
action_button (const char *name, const char *icon, const char *tooltip, const char *action)
{
  GtkWidget *button = ipd_gui_icon_button (icon, tooltip);

  gtk_widget_set_name (button, name);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

/**
 * ipd_dossier_view_receipt_group:
 *
 * Returns: (transfer floating): the group that shows the lookup code in
 *   force and the receipt's buttons
 */
GtkWidget *
ipd_dossier_view_receipt_group (IpdDossierView *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *code = ipd_store_dup_lookup_code (ipd_dossier_view_get_store (self),
                                                     ipd_dossier_view_get_id (self), &error);
  g_autofree char *formatted = code ? ipd_lookup_code_format (code) : NULL;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Receipt"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The applicant checks the dossier’s status at the front desk "
                                           "with the lookup code printed on the receipt."));
  gtk_widget_set_name (row, "lookup-code");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Lookup code"));
  if (error != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), formatted ? formatted
                                 : _("None yet: printing or saving the receipt issues one"));
  gtk_widget_add_css_class (row, "property");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             action_button ("print-receipt", "printer-symbolic", _("Print Receipt (Ctrl+P)"),
                                            "dossier.print-receipt"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             action_button ("save-receipt", "document-save-as-symbolic", _("Save Receipt as PDF"),
                                            "dossier.save-receipt"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             action_button ("new-lookup-code", "view-refresh-symbolic", _("Issue New Lookup Code"),
                                            "dossier.new-lookup-code"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}

/* Only for a dossier of the register (not in the trash) that can be written to. */
void
ipd_dossier_view_update_receipt_actions (IpdDossierView *self)
{
  IpdStore *store = ipd_dossier_view_get_store (self);
  gboolean allowed = ipd_dossier_view_get_id (self) != 0 && !ipd_dossier_view_is_in_trash (self)
                     && store != NULL && !ipd_store_is_read_only (store);

  for (guint i = 0; i < G_N_ELEMENTS (receipt_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), receipt_actions[i], allowed);
}

void
ipd_dossier_view_receipt_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "dossier.print-receipt", NULL, print_receipt_action);
  gtk_widget_class_install_action (widget_class, "dossier.save-receipt", NULL, save_receipt_action);
  gtk_widget_class_install_action (widget_class, "dossier.new-lookup-code", NULL, new_lookup_code_action);
}
