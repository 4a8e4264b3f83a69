/* ipd-attachment-import.c — files read into a dossier on a worker thread
 *
 * A scan of a decision can weigh tens of megabytes and an officer drops a
 * dozen at once: reading, hashing, counting pages and writing them to the
 * register happens off the main loop, with a store connection of the
 * worker's own. Each file is stored in its own transaction, so that
 * stopping keeps what was added and a bad file does not lose the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-attachment-import"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-attachment-import.h"
#include "ipd-error.h"
#include "ipd-pdf-document.h"
#include "ipd-store.h"

/* SQLite keeps a blob under 1 GB; a register is copied and backed up whole. */
#define MAX_FILE_SIZE (512 * 1024 * 1024)
#define CHUNK_SIZE    (256 * 1024)

typedef struct {
  char              *store_path;
  gint64             dossier_id;
  GPtrArray         *files;      /* GFile */
  IpdImportProgress *progress;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->store_path);
  g_ptr_array_unref (job->files);
  g_free (job);
}

void
ipd_import_result_free (IpdImportResult *result)
{
  g_array_unref (result->added);
  g_ptr_array_unref (result->problems);
  g_free (result);
}

int
ipd_attachment_count_pages (GBytes *bytes, GCancellable *cancellable, GError **error)
{
  g_autoptr(IpdPdfDocument) document = ipd_pdf_document_new_from_bytes (bytes, NULL, cancellable, error);

  return document ? ipd_pdf_document_get_n_pages (document) : 0;
}

static char *
display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  return path ? g_filename_display_basename (path) : g_file_get_parse_name (file);
}

static gint64
file_size (GFile *file, GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  return info ? g_file_info_get_size (info) : 0;
}

/* Reads @file whole, a chunk at a time so that the progress moves and
 * "Stop" is heard in the middle of a big file. */
static GBytes *
read_file (GFile *file, IpdImportProgress *progress, GCancellable *cancellable, GError **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 *chunk;
  gssize n;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_INVALID, _("a folder cannot be attached; choose the files in it"));
      return NULL;
    }
  if (g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size (MAX_FILE_SIZE);
      /* Translators: %s is a size, e.g. "536.9 MB" */
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID, _("the file is larger than %s"), limit);
      return NULL;
    }
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  chunk = g_malloc (CHUNK_SIZE);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, CHUNK_SIZE, cancellable, error)) > 0)
    {
      g_byte_array_append (data, chunk, (guint) n);
      g_atomic_pointer_add (&progress->bytes_done, n);
      if (data->len > MAX_FILE_SIZE)
        {
          g_autofree char *limit = g_format_size (MAX_FILE_SIZE);
          g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID, _("the file is larger than %s"), limit);
          n = -1;
          break;
        }
    }
  g_free (chunk);
  if (n < 0)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* One file: read, pages counted, stored. FALSE with @error when it was not added. */
static gboolean
import_one (IpdStore *store, ImportJob *job, GFile *file, gint64 *id,
            GCancellable *cancellable, GError **error)
{
  g_autoptr(GBytes) bytes = read_file (file, job->progress, cancellable, error);
  g_autofree char *name = NULL;
  g_autoptr(IpdAttachment) attachment = NULL;

  if (bytes == NULL)
    return FALSE;
  name = display_name (file);
  attachment = ipd_attachment_new (job->dossier_id, name);
  /* a damaged or encrypted PDF is still a document of the dossier: its
   * row says why it cannot be read */
  attachment->page_count = ipd_attachment_count_pages (bytes, cancellable, NULL);
  if (g_cancellable_set_error_if_cancelled (cancellable, error)
      || !ipd_store_add_attachment (store, attachment, bytes, error))
    return FALSE;
  *id = attachment->id;
  return TRUE;
}

static void
import_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ImportJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = ipd_store_open (job->store_path, IPD_STORE_DEFAULT, &error);
  IpdImportResult *result;
  gssize total = 0;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < job->files->len; i++)
    total += (gssize) file_size (g_ptr_array_index (job->files, i), cancellable);
  g_atomic_pointer_set (&job->progress->bytes_total, total);

  result = g_new0 (IpdImportResult, 1);
  result->added = g_array_new (FALSE, FALSE, sizeof (gint64));
  result->problems = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < job->files->len && !result->stopped; i++)
    {
      GFile *file = g_ptr_array_index (job->files, i);
      g_autoptr(GError) file_error = NULL;
      gint64 id = 0;

      g_atomic_int_set (&job->progress->current, (gint) i);
      if (import_one (store, job, file, &id, cancellable, &file_error))
        g_array_append_val (result->added, id);
      else if (g_error_matches (file_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        result->stopped = TRUE;
      else
        {
          g_autofree char *name = display_name (file);
          /* Translators: a file's name, then why it was not added */
          g_ptr_array_add (result->problems, g_strdup_printf (_("%s: %s"), name, file_error->message));
        }
      g_atomic_int_inc (&job->progress->files_done);
    }
  g_task_return_pointer (task, result, (GDestroyNotify) ipd_import_result_free);
}

void
ipd_attachment_import_async (const char *store_path, gint64 dossier_id, GFile **files, guint n_files,
                             IpdImportProgress *progress, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ImportJob *job = g_new0 (ImportJob, 1);

  g_return_if_fail (store_path != NULL && progress != NULL);
  job->store_path = g_strdup (store_path);
  job->dossier_id = dossier_id;
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (job->files, g_object_ref (files[i]));
  job->progress = progress;
  g_task_set_source_tag (task, ipd_attachment_import_async);
  /* a stopped import still reports what it added */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

IpdImportResult *
ipd_attachment_import_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
