/* ipd-attachment-list.c — the documents of a dossier, on its page
 *
 * One row per document: its type and number, then its date, pages, size
 * and file name. A row opens its document (a PDF or a picture in the page,
 * through the "open-document" signal; anything else in the system's
 * application); its menu saves a copy, edits the details, and moves it to
 * the trash with an "Undo". Files are added from a chooser or dropped on
 * the page and stored on a worker (ipd-attachment-import.c).
 *
 * A PDF whose pages could not be counted when it was added is read again
 * on a worker when shown, so that its row says why it cannot be opened
 * (damaged, or protected by a password).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-attachment-list"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "ipd-attachment-dialog.h"
#include "ipd-attachment-import.h"
#include "ipd-attachment-list.h"
#include "ipd-attachment-row.h"
#include "ipd-dossier-view.h"
#include "ipd-file.h"
#include "ipd-gui.h"
#include "ipd-pdf-view.h"
#include "ipd-stored-texture.h"

struct _IpdAttachmentList
{
  GtkWidget          parent_instance;

  AdwPreferencesGroup *group;
  GtkButton          *add_button;
  GtkRevealer        *progress_revealer;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkLabel           *error_label;
  GtkListBox         *list;

  IpdStore           *store;
  gint64              dossier_id;
  GCancellable       *cancellable;    /* the rows' workers, until the list is read again */
  GCancellable       *open_cancellable;   /* the documents being opened, until another dossier */
  guint               page_serial;    /* of the last document asked for in the page */

  /* the files being added */
  GCancellable       *import_cancellable;
  IpdImportProgress  *progress;
  GPtrArray          *import_names;
  gint64              import_dossier_id;
  guint               progress_id;
  gint64              import_started;   /* monotonic time */

  AdwToast           *toast;          /* the last shown, weak */
};

enum { SIGNAL_CHANGED, SIGNAL_OPEN_DOCUMENT, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IpdAttachmentList, ipd_attachment_list, GTK_TYPE_WIDGET)

/* Toasts ----------------------------------------------------------------------------- */

static void
add_toast (IpdAttachmentList *self, AdwToast *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (g_object_ref_sink (toast));
      return;
    }
  /* a new message replaces ours at once (libadwaita 1.2 aborts when a
   * high-priority toast goes before one that is still leaving) */
  if (self->toast != NULL)
    {
      adw_toast_dismiss (self->toast);
      g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
    }
  self->toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->toast);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* A message that may hold "&" or "<" (a file name): toasts read markup. */
static void
add_text_toast (IpdAttachmentList *self, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  add_toast (self, adw_toast_new (escaped));
}

/* Rows ------------------------------------------------------------------------------- */

static IpdAttachment *
row_attachment (GtkWidget *row)
{
  return IPD_IS_ATTACHMENT_ROW (row) ? ipd_attachment_row_get_attachment (IPD_ATTACHMENT_ROW (row)) : NULL;
}

static GtkWidget *
find_row (IpdAttachmentList *self, gint64 id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row; row = gtk_widget_get_next_sibling (row))
    {
      IpdAttachment *a = row_attachment (row);
      if (a != NULL && a->id == id)
        return row;
    }
  return NULL;
}

/* Pictures: a thumbnail in place of the row's icon, decoded on a worker. */
#define MAX_THUMBNAIL_SOURCE (20 * 1000 * 1000)

static void
on_decoded (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GtkWidget) row = data;
  g_autoptr(GdkTexture) texture = ipd_stored_texture_load_finish (result, NULL);

  if (texture == NULL || gtk_widget_get_parent (row) == NULL)
    return;   /* a picture that does not decode keeps its icon; opening it says why */
  ipd_attachment_row_show_thumbnail (IPD_ATTACHMENT_ROW (row), texture);
}

static void
load_thumbnail (IpdAttachmentList *self, GtkWidget *row)
{
  IpdAttachment *a = row_attachment (row);

  if (a->size <= MAX_THUMBNAIL_SOURCE)
    ipd_stored_texture_load_async (self->store, a->sha256, self->cancellable, on_decoded, g_object_ref (row));
}

static void
count_pages_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  int pages = ipd_attachment_count_pages (data, cancellable, &error);

  if (pages > 0)
    g_task_return_int (task, pages);
  else
    g_task_return_error (task, error);
}

static void
on_pages_counted (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GtkWidget) row = data;
  g_autoptr(GError) error = NULL;
  gssize pages = g_task_propagate_int (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || gtk_widget_get_parent (row) == NULL)
    return;
  if (error != NULL)
    ipd_attachment_row_show_problem (IPD_ATTACHMENT_ROW (row), error);
  else
    ipd_attachment_row_set_page_count (IPD_ATTACHMENT_ROW (row), (int) pages);
}

/* Reads a PDF that has no page count on a worker, to tell why. */
static void
check_pdf (IpdAttachmentList *self, GtkWidget *row)
{
  GTask *task = g_task_new (NULL, self->cancellable, on_pages_counted, g_object_ref (row));

  g_task_set_source_tag (task, check_pdf);
  ipd_store_run_on_blob (self->store, row_attachment (row)->sha256, task, count_pages_thread);
}

static void
remove_rows (IpdAttachmentList *self)
{
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    {
      if (!GTK_IS_LIST_BOX_ROW (child))
        break;
      gtk_list_box_remove (self->list, child);
    }
}

/* Reads the dossier's documents again (after a change). */
gboolean
ipd_attachment_list_reload (IpdAttachmentList *self, GError **error)
{
  g_autoptr(GPtrArray) attachments = NULL;

  g_return_val_if_fail (IPD_IS_ATTACHMENT_LIST (self), FALSE);
  if (self->store == NULL)
    return TRUE;
  attachments = ipd_store_list_attachments (self->store, self->dossier_id, error);
  if (attachments == NULL)
    return FALSE;
  remove_rows (self);
  for (guint i = 0; i < attachments->len; i++)
    {
      IpdAttachment *a = g_ptr_array_index (attachments, i);
      GtkWidget *row = ipd_attachment_row_new (a);

      gtk_list_box_append (self->list, row);
      if (ipd_attachment_is_pdf (a) && a->page_count == 0)
        check_pdf (self, row);
      else if (ipd_attachment_is_picture (a))
        load_thumbnail (self, row);
    }
  return TRUE;
}

static void
reload (IpdAttachmentList *self)
{
  g_autoptr(GError) error = NULL;

  if (!ipd_attachment_list_reload (self, &error))
    add_text_toast (self, error->message);
}

/* A register open read-only (the front desk) shows and opens documents only. */
static void
update_writable (IpdAttachmentList *self)
{
  const char *writing[] = { "attachment.add", "attachment.edit", "attachment.trash", "attachment.trash-current" };
  gboolean writable = self->store != NULL && !ipd_store_is_read_only (self->store);

  for (guint i = 0; i < G_N_ELEMENTS (writing); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), writing[i], writable);
}

/* The documents asked for stay asked for when the list is read again
 * (a document added, an event recorded), not when another dossier is
 * shown. */
static void
drop_openings (IpdAttachmentList *self)
{
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();
}

void
ipd_attachment_list_show (IpdAttachmentList *self, IpdStore *store, gint64 dossier_id)
{
  g_return_if_fail (IPD_IS_ATTACHMENT_LIST (self) && IPD_IS_STORE (store));
  if (self->dossier_id != dossier_id)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      drop_openings (self);
    }
  g_set_object (&self->store, store);
  self->dossier_id = dossier_id;
  update_writable (self);
  reload (self);
}

void
ipd_attachment_list_clear (IpdAttachmentList *self)
{
  g_return_if_fail (IPD_IS_ATTACHMENT_LIST (self));
  remove_rows (self);
  drop_openings (self);
  g_clear_object (&self->store);
  self->dossier_id = 0;
}

/* Opening ---------------------------------------------------------------------------- */

static IpdAttachment *
lookup (IpdAttachmentList *self, gint64 id)
{
  GtkWidget *row = find_row (self, id);
  return row ? row_attachment (row) : NULL;
}

/* A document's bytes are read on a worker (a scanned map runs to hundreds
 * of megabytes), then handed to what was asked for. */
typedef struct _Opening Opening;
typedef void (*OpeningFunc) (Opening *opening, GBytes *bytes);

struct _Opening {
  IpdAttachmentList *self;
  IpdAttachment     *attachment;
  OpeningFunc        func;
  guint              serial;    /* of the documents asked for in the page */
};

static void
opening_free (Opening *opening)
{
  g_object_unref (opening->self);
  ipd_attachment_unref (opening->attachment);
  g_free (opening);
}

static void
on_opening_read (GObject *source, GAsyncResult *result, gpointer data)
{
  Opening *opening = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = ipd_store_load_blob_finish (result, &error);

  if (bytes != NULL)
    opening->func (opening, bytes);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    add_text_toast (opening->self, error->message);
  opening_free (opening);
}

static void
open_with (IpdAttachmentList *self, IpdAttachment *a, OpeningFunc func, guint serial)
{
  Opening *opening = g_new0 (Opening, 1);

  opening->self = g_object_ref (self);
  opening->attachment = ipd_attachment_ref (a);
  opening->func = func;
  opening->serial = serial;
  ipd_store_load_blob_async (self->store, a->sha256, self->open_cancellable, on_opening_read, opening);
}

static void
on_launched (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(IpdAttachmentList) self = data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s is the system's reason */
      g_autofree char *text = g_strdup_printf (_("The document cannot be opened: %s"), error->message);
      add_text_toast (self, text);
    }
}

static void
on_written_for_opening (GObject *source, GAsyncResult *result, gpointer data)
{
  IpdAttachmentList *self = IPD_ATTACHMENT_LIST (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = ipd_attachment_list_write_for_opening_finish (self, result, &error);
  g_autofree char *uri = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (path == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        add_text_toast (self, error->message);
      return;
    }
  uri = g_filename_to_uri (path, NULL, NULL);
  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME,
                     NULL, on_launched, g_object_ref (self));
}

/* In the application the system gives its type (a word processor for
 * DOCX), chosen above our window: through the OpenURI portal when
 * sandboxed, which is handed the file itself, so the copy in our cache
 * folder needs no file-system permission. */
static void
open_external (IpdAttachmentList *self, IpdAttachment *a)
{
  ipd_attachment_list_write_for_opening_async (self, a->id, self->open_cancellable, on_written_for_opening, NULL);
}

static void
show_in_window (Opening *opening, GBytes *bytes)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (opening->self));
  GtkWindow *window;

  window = ipd_pdf_view_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, bytes,
                                    opening->attachment->file_name);
  gtk_window_present (window);
}

/* Only the last document asked for: a large one read after a small one
 * asked later must not take its place. */
static void
show_in_page (Opening *opening, GBytes *bytes)
{
  if (opening->serial == opening->self->page_serial)
    g_signal_emit (opening->self, signals[SIGNAL_OPEN_DOCUMENT], 0, opening->attachment, bytes);
}

/* A PDF or a picture in the dossier page; anything else outside. */
static void
open_attachment (IpdAttachmentList *self, IpdAttachment *a)
{
  if (!ipd_attachment_is_pdf (a) && !ipd_attachment_is_picture (a))
    open_external (self, a);
  else
    open_with (self, a, show_in_page, ++self->page_serial);
}

static void
on_row_activated (IpdAttachmentList *self, GtkListBoxRow *row)
{
  IpdAttachment *a = row_attachment (GTK_WIDGET (row));

  if (a != NULL)
    open_attachment (self, a);
}

/* Saving a copy ---------------------------------------------------------------------- */

/* Writing a document out: a copy where the officer says, or for another
 * program in our cache folder. The bytes are read on a worker, then
 * written whole or not at all (ipd-file.c). */

static void
on_written_out (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;

  if (ipd_file_save_bytes_finish (G_FILE (source), result, &error))
    g_task_return_pointer (task, g_object_ref (source), g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
on_read_for_writing (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = ipd_store_load_blob_finish (result, &error);

  GFile *file = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    ipd_file_save_bytes_async (file, bytes, cancellable, on_written_out, g_steal_pointer (&task));
}

/* The document's own folder in the cache, named by its hash: two
 * documents of the same name do not meet. */
static GFile *
file_in_cache (IpdAttachment *a, GError **error)
{
  g_autofree char *directory = g_build_filename (g_get_user_cache_dir (), "ipdossiers", "documents",
                                                 a->sha256, NULL);
  g_autofree char *name = g_path_get_basename (a->file_name);

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: a folder, then the system's reason */
                   _("The folder “%s” cannot be created: %s"), directory, g_strerror (saved_errno));
      return NULL;
    }
  return g_file_new_build_filename (directory, name, NULL);
}

/* To @file, else to the cache folder; the task returns the file written. */
static void
write_out_async (IpdAttachmentList *self, gint64 attachment_id, GFile *file, gpointer source_tag,
                 GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(IpdAttachment) a = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);
  if ((a = ipd_store_load_attachment (self->store, attachment_id, &error)) == NULL
      || (file = file ? g_object_ref (file) : file_in_cache (a, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, file, g_object_unref);
  ipd_store_load_blob_async (self->store, a->sha256, cancellable, on_read_for_writing, g_steal_pointer (&task));
}

void
ipd_attachment_list_save_copy_async (IpdAttachmentList *self, gint64 attachment_id, GFile *file,
                                     GCancellable *cancellable, GAsyncReadyCallback callback,
                                     gpointer user_data)
{
  g_return_if_fail (IPD_IS_ATTACHMENT_LIST (self) && self->store != NULL && G_IS_FILE (file));
  write_out_async (self, attachment_id, file, ipd_attachment_list_save_copy_async, cancellable,
                   callback, user_data);
}

gboolean
ipd_attachment_list_save_copy_finish (IpdAttachmentList *self, GAsyncResult *result, GError **error)
{
  g_autoptr(GFile) written = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  written = g_task_propagate_pointer (G_TASK (result), error);
  return written != NULL;
}

/**
 * ipd_attachment_list_write_for_opening_async:
 *
 * Writes a copy of the document to the user's cache folder, named as it
 * was attached, for another program to open.
 */
void
ipd_attachment_list_write_for_opening_async (IpdAttachmentList *self, gint64 attachment_id,
                                             GCancellable *cancellable, GAsyncReadyCallback callback,
                                             gpointer user_data)
{
  g_return_if_fail (IPD_IS_ATTACHMENT_LIST (self) && self->store != NULL);
  write_out_async (self, attachment_id, NULL, ipd_attachment_list_write_for_opening_async, cancellable,
                   callback, user_data);
}

/* Returns: (transfer full): the copy's path, or %NULL with @error set */
char *
ipd_attachment_list_write_for_opening_finish (IpdAttachmentList *self, GAsyncResult *result, GError **error)
{
  g_autoptr(GFile) written = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  written = g_task_propagate_pointer (G_TASK (result), error);
  return written ? g_file_get_path (written) : NULL;
}

static void
on_copy_saved (GObject *source, GAsyncResult *result, gpointer data)
{
  IpdAttachmentList *self = IPD_ATTACHMENT_LIST (source);
  g_autoptr(GFile) file = data;
  g_autoptr(GError) error = NULL;

  if (ipd_attachment_list_save_copy_finish (self, result, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Saved a copy as “%s”"), name);
      add_text_toast (self, text);
    }
  else
    add_text_toast (self, error->message);
}

static void
on_save_response (GtkNativeDialog *chooser, int response, IpdAttachmentList *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "attachment-id"));
  GFile *file;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    ipd_attachment_list_save_copy_async (self, id, file, NULL, on_copy_saved, file);
  g_object_unref (chooser);
}

static void
save_copy (IpdAttachmentList *self, IpdAttachment *a)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save a Copy"),
                                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), a->file_name);
  g_object_set_data (G_OBJECT (chooser), "attachment-id", GSIZE_TO_POINTER (a->id));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Details and trash ------------------------------------------------------------------ */

static void
on_details_saved (IpdAttachmentList *self)
{
  reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
edit_details (IpdAttachmentList *self, IpdAttachment *a)
{
  IpdAttachmentDialog *dialog = ipd_attachment_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                            self->store, a);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_details_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_undo_trash (AdwToast *toast, IpdAttachmentList *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (toast), "attachment-id");
  IpdStore *store = g_object_get_data (G_OBJECT (toast), "store");
  g_autoptr(GError) error = NULL;

  if (!ipd_store_restore_attachment (store, id, &error))
    {
      add_text_toast (self, error->message);
      return;
    }
  if (store == self->store)
    reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
trash (IpdAttachmentList *self, IpdAttachment *a)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdAttachment) keep = ipd_attachment_ref (a);   /* its row goes */
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (!ipd_store_trash_attachment (self->store, a->id, &error))
    {
      add_text_toast (self, error->message);
      return;
    }
  reload (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  escaped = g_markup_escape_text (keep->file_name, -1);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("“%s” moved to the trash"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "attachment-id", g_memdup2 (&keep->id, sizeof keep->id), g_free);
  g_object_set_data_full (G_OBJECT (toast), "store", g_object_ref (self->store), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_trash), self, 0);
  add_toast (self, toast);
}

/* The row with the keyboard focus, else the selected one. */
static IpdAttachment *
current_attachment (IpdAttachmentList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->list))
    row = GTK_WIDGET (gtk_list_box_get_selected_row (self->list));
  return row ? row_attachment (row) : NULL;
}

/* Actions ---------------------------------------------------------------------------- */

static void
row_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdAttachmentList *self = IPD_ATTACHMENT_LIST (widget);
  IpdAttachment *a = lookup (self, g_variant_get_int64 (parameter));

  if (a == NULL || self->store == NULL)
    return;
  if (g_str_equal (action_name, "attachment.open"))
    open_attachment (self, a);
  else if (g_str_equal (action_name, "attachment.open-window"))
    open_with (self, a, show_in_window, 0);
  else if (g_str_equal (action_name, "attachment.open-external"))
    open_external (self, a);
  else if (g_str_equal (action_name, "attachment.save-copy"))
    save_copy (self, a);
  else if (g_str_equal (action_name, "attachment.edit"))
    edit_details (self, a);
  else if (g_str_equal (action_name, "attachment.trash"))
    trash (self, a);
}

static void
trash_current_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdAttachmentList *self = IPD_ATTACHMENT_LIST (widget);
  IpdAttachment *a = current_attachment (self);

  if (a != NULL && self->store != NULL && !ipd_store_is_read_only (self->store))
    trash (self, a);
}

/* Adding ----------------------------------------------------------------------------- */

static gboolean
update_progress (gpointer data)
{
  IpdAttachmentList *self = data;
  gssize total = (gssize) g_atomic_pointer_get (&self->progress->bytes_total);
  gssize done = (gssize) g_atomic_pointer_get (&self->progress->bytes_done);
  guint current = MIN ((guint) g_atomic_int_get (&self->progress->current), self->import_names->len - 1);
  g_autofree char *text = NULL;

  /* a quick import passes without a bar flashing */
  if (g_get_monotonic_time () - self->import_started >= 250 * G_TIME_SPAN_MILLISECOND)
    gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  /* Translators: a file's name, its place in the list and how many there are */
  text = g_strdup_printf (_("Adding “%s” (%u of %u)…"), (char *) g_ptr_array_index (self->import_names, current),
                          current + 1, self->import_names->len);
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? MIN (1.0, (double) done / (double) total) : 0.0);
  return G_SOURCE_CONTINUE;
}

static void
end_import (IpdAttachmentList *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->progress, g_free);
  g_clear_pointer (&self->import_names, g_ptr_array_unref);
  if (self->progress_revealer != NULL)
    gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attachment.stop-adding", FALSE);
}

static void
report_import (IpdAttachmentList *self, IpdImportResult *result)
{
  g_autofree char *problems = NULL;
  g_autofree char *text = NULL;
  guint added = result->added->len;

  if (result->problems->len > 0)
    {
      g_ptr_array_add (result->problems, NULL);
      problems = g_strjoinv ("\n", (char **) result->problems->pdata);
      g_ptr_array_remove_index (result->problems, result->problems->len - 1);
      gtk_label_set_label (self->error_label, problems);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  if (result->stopped)
    /* Translators: after "Stop"; %u is how many documents were added before */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stopped: %u document added", "Stopped: %u documents added",
                                         added), added);
  else if (result->problems->len > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file could not be added", "%u files could not be added",
                                         result->problems->len), result->problems->len);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document added", "%u documents added", added), added);
  add_text_toast (self, text);
}

static void
on_imported (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(IpdAttachmentList) self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdImportResult) imported = ipd_attachment_import_finish (result, &error);
  gint64 dossier_id = self->import_dossier_id;

  end_import (self);
  if (self->list == NULL || self->store == NULL)   /* disposed meanwhile */
    return;
  if (imported == NULL)
    {
      add_text_toast (self, error->message);
      return;
    }
  if (dossier_id == self->dossier_id)
    reload (self);
  if (imported->added->len > 0)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  report_import (self, imported);
}

void
ipd_attachment_list_add_files (IpdAttachmentList *self, GFile **files, guint n_files)
{
  g_return_if_fail (IPD_IS_ATTACHMENT_LIST (self));
  if (n_files == 0 || self->store == NULL)
    return;
  if (self->progress != NULL)
    {
      add_toast (self, adw_toast_new (_("Documents are being added; wait until they are stored.")));
      return;
    }
  if (ipd_store_is_read_only (self->store))
    {
      add_toast (self, adw_toast_new (_("The register is open read-only: documents cannot be added.")));
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  self->progress = g_new0 (IpdImportProgress, 1);
  self->import_cancellable = g_cancellable_new ();
  self->import_names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (self->import_names, g_file_get_basename (files[i]));
  self->import_started = g_get_monotonic_time ();
  self->import_dossier_id = self->dossier_id;
  self->progress_id = g_timeout_add (100, update_progress, self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attachment.stop-adding", TRUE);
  ipd_attachment_import_async (ipd_store_get_path (self->store), self->dossier_id, files, n_files,
                               self->progress, self->import_cancellable, on_imported, g_object_ref (self));
}

gboolean
ipd_attachment_list_is_busy (IpdAttachmentList *self)
{
  g_return_val_if_fail (IPD_IS_ATTACHMENT_LIST (self), FALSE);
  return self->progress != NULL;
}

static void
on_add_response (GtkNativeDialog *chooser, int response, IpdAttachmentList *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) model = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (files, g_list_model_get_item (model, i));
      ipd_attachment_list_add_files (self, (GFile **) files->pdata, files->len);
    }
  g_object_unref (chooser);
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdAttachmentList *self = IPD_ATTACHMENT_LIST (widget);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Add Documents"),
                                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_add_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
stop_adding_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdAttachmentList *self = IPD_ATTACHMENT_LIST (widget);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

/* GObject ---------------------------------------------------------------------------- */

static void
ipd_attachment_list_dispose (GObject *object)
{
  IpdAttachmentList *self = IPD_ATTACHMENT_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->store);
  if (self->toast != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast), (gpointer *) &self->toast);
  self->toast = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (object), IPD_TYPE_ATTACHMENT_LIST);
  G_OBJECT_CLASS (ipd_attachment_list_parent_class)->dispose (object);
}

static void
ipd_attachment_list_class_init (IpdAttachmentListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *row_actions[] = { "attachment.open", "attachment.open-window", "attachment.open-external",
                                "attachment.save-copy", "attachment.edit", "attachment.trash" };

  G_OBJECT_CLASS (klass)->dispose = ipd_attachment_list_dispose;
  /* Emitted when the officer changed the dossier's documents. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A PDF or a picture to show in the page: the document and its bytes. */
  signals[SIGNAL_OPEN_DOCUMENT] = g_signal_new ("open-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                                IPD_TYPE_ATTACHMENT, G_TYPE_BYTES);
  ipd_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipdossiers/IpDossiers/ipd-attachment-list.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdAttachmentList, group);
  gtk_widget_class_bind_template_child (widget_class, IpdAttachmentList, add_button);
  gtk_widget_class_bind_template_child (widget_class, IpdAttachmentList, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, IpdAttachmentList, progress_label);
  gtk_widget_class_bind_template_child (widget_class, IpdAttachmentList, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, IpdAttachmentList, error_label);
  gtk_widget_class_bind_template_child (widget_class, IpdAttachmentList, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  for (guint i = 0; i < G_N_ELEMENTS (row_actions); i++)
    gtk_widget_class_install_action (widget_class, row_actions[i], "x", row_action);
  gtk_widget_class_install_action (widget_class, "attachment.trash-current", NULL, trash_current_action);
  gtk_widget_class_install_action (widget_class, "attachment.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "attachment.stop-adding", NULL, stop_adding_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "attachment.trash-current", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "attachment.trash-current", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ipd_attachment_list_init (IpdAttachmentList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->open_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attachment.stop-adding", FALSE);
}
