/* ipd-receipt-print.c — a receipt through GtkPrintOperation: printed, or saved as PDF
 *
 * Printing opens the print dialog (whose "Print to File" also writes a PDF)
 * and reports a failure in a dialog of its own. Saving as PDF runs the
 * same operation in export mode into a temporary file, then puts it in
 * place: the export alone would report a folder it cannot write to with
 * cairo's untranslated "error while writing to output stream", and would
 * cut an existing file short before failing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-receipt"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ipd-receipt-print.h"

#include "ipd-error.h"
#include "ipd-file.h"

static void
on_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page, gpointer data)
{
  const IpdReceipt *receipt = data;

  ipd_receipt_draw (receipt, gtk_print_context_get_cairo_context (context),
                    gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

/* One page of A4 portrait, the receipt's own margins on the whole paper;
 * @receipt must outlive the operation. */
static GtkPrintOperation *
new_operation (const IpdReceipt *receipt)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  /* Translators: the name of a print job; %s is the dossier's reference */
  g_autofree char *job = g_strdup_printf (_("Receipt %s"), receipt->reference);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_paper_size_free (a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), (gpointer) receipt);
  return operation;
}

static void
show_print_error (GtkPrintOperation *operation, GtkWindow *parent, const GError *error)
{
  GtkWidget *dialog;

  /* the run and the "done" signal may both report the same failure */
  if (g_object_get_data (G_OBJECT (operation), "error-shown") != NULL)
    return;
  g_object_set_data (G_OBJECT (operation), "error-shown", GINT_TO_POINTER (TRUE));
  dialog = adw_message_dialog_new (parent, _("The Receipt Could Not Be Printed"),
                                   error ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_done (GtkPrintOperation *operation, GtkPrintOperationResult result, GtkWindow *parent)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  show_print_error (operation, parent, error);
}

/**
 * ipd_receipt_print:
 * @receipt: (transfer full): what to print
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Opens the print dialog and prints the receipt; a failure is shown in
 * a dialog.
 */
void
ipd_receipt_print (IpdReceipt *receipt, GtkWindow *parent)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (receipt != NULL);

  operation = new_operation (receipt);
  g_object_set_data_full (G_OBJECT (operation), "receipt", receipt, (GDestroyNotify) ipd_receipt_free);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (parent != NULL)
    g_signal_connect_object (operation, "done", G_CALLBACK (on_done), parent, 0);
  else
    g_signal_connect (operation, "done", G_CALLBACK (on_done), NULL);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_print_error (operation, parent, error);
}

/* The PDF of @receipt, written by the print operation into a temporary file. */
static GBytes *
export_bytes (const IpdReceipt *receipt, GError **error)
{
  g_autoptr(GtkPrintOperation) operation = new_operation (receipt);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize length = 0;
  int fd;

  fd = g_file_open_tmp ("ipd-receipt-XXXXXX.pdf", &path, &local_error);
  if (fd < 0)
    {
      /* Translators: the system's reason follows */
      g_set_error (error, local_error->domain, local_error->code,
                   _("The receipt cannot be prepared: %s"), local_error->message);
      return NULL;
    }
  g_close (fd, NULL);
  gtk_print_operation_set_export_filename (operation, path);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &local_error)
      != GTK_PRINT_OPERATION_RESULT_APPLY
      || !g_file_get_contents (path, &contents, &length, &local_error) || length == 0)
    {
      g_set_error (error, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL, _("The receipt cannot be prepared: %s"),
                   local_error ? local_error->message : _("the printing system wrote nothing"));
      g_free (contents);
      g_unlink (path);
      return NULL;
    }
  g_unlink (path);
  return g_bytes_new_take (contents, length);
}

/**
 * ipd_receipt_export_pdf:
 * @file: where to save the PDF; a file already there is replaced only
 *   once the new one is written in full
 *
 * Returns: whether the PDF was saved; when not, @error says why in words
 *   for the officer, and @file is as it was
 */
gboolean
ipd_receipt_export_pdf (const IpdReceipt *receipt, GFile *file, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (receipt != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if ((bytes = export_bytes (receipt, error)) == NULL)
    return FALSE;
  if (ipd_file_save_bytes (file, bytes, NULL, &local_error))
    return TRUE;
  if (g_error_matches (local_error, IPD_ERROR, IPD_ERROR_NOT_FOUND)
      || g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent ? g_file_get_parse_name (parent) : g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The receipt cannot be saved: the folder “%s” does not exist."), folder);
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
