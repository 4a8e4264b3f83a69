/* ipd-pdf-view-output.c — the PDF viewer's "Save a Copy…" and printing
 *
 * The copy is the original bytes, whatever they are (a file that cannot
 * be shown can still be saved). Printing goes through GtkPrintOperation;
 * each page is drawn by the document layer on the print context's cairo,
 * under the renderer's lock so that the worker waits meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-pdf-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-pdf-view-private.h"

#include "ipd-file.h"

/* ---- save a copy ---- */

static void
on_saved (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GtkWidget) self = data;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (self);
  GtkWidget *dialog;

  if (ipd_file_save_bytes_finish (G_FILE (source), result, &error))
    return;
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("The Copy Could Not Be Saved"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_response (GtkNativeDialog *chooser, int response, gpointer data)
{
  IpdPdfView *self = IPD_PDF_VIEW (data);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->bytes != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      /* replaced whole or left as it was, even on a full disk (ipd-file.c) */
      ipd_file_save_bytes_async (file, self->bytes, NULL, on_saved, g_object_ref (self));
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

void
ipd_pdf_view_save_copy_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IpdPdfView *self = IPD_PDF_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  if (self->bytes == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save a Copy"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                     self->file_name ? self->file_name : _("document.pdf"));
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- printing ---- */

static void
on_begin_print (GtkPrintOperation *operation, GtkPrintContext *context, IpdPdfView *self)
{
  gtk_print_operation_set_n_pages (operation, MAX (1, self->n_pages));
}

static void
on_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page, IpdPdfView *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double pw = gtk_print_context_get_width (context), ph = gtk_print_context_get_height (context);
  double w, h, scale;
  IpdPdfDocument *document;

  if (page >= self->n_pages)
    return;
  ipd_pdf_view_page_size (self, page, &w, &h);
  scale = MIN (pw / w, ph / h);
  cairo_save (cr);
  cairo_translate (cr, (pw - w * scale) / 2, (ph - h * scale) / 2);
  cairo_scale (cr, scale, scale);
  /* the worker waits for the length of one page */
  document = ipd_pdf_renderer_lock (self->renderer);
  if (document != NULL)
    ipd_pdf_document_print_page (document, page, cr);
  ipd_pdf_renderer_unlock (self->renderer);
  cairo_restore (cr);
}

static GtkPrintOperation *
new_print_operation (IpdPdfView *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();

  gtk_print_operation_set_job_name (operation, self->file_name ? self->file_name : _("Document"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page), self, 0);
  return operation;
}

void
ipd_pdf_view_print_action (GtkWidget *widget, const char *name, GVariant *param)
{
  IpdPdfView *self = IPD_PDF_VIEW (widget);
  g_autoptr(GtkPrintOperation) operation = new_print_operation (self);
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("printing: %s", error->message);
}

gboolean
ipd_pdf_view_print_to_file (IpdPdfView *self, const char *path, GError **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (IPD_IS_PDF_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = new_print_operation (self);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}
