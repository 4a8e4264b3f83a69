/* ipd-store-blobs.c — reading a document's bytes back
 *
 * A register's documents reach hundreds of megabytes (a scanned map of a
 * geographical indication): reading one takes about 200 ms at 150 MB,
 * 25 ms at 20 MB. So the window reads them on a worker, through a
 * connection of its own (an IpdStore serves one thread), and the bytes
 * come in pieces straight into the buffer handed back, with a look at
 * the cancellable between two pieces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ipd-error.h"
#include "ipd-store-private.h"

/* How much is read between two looks at the cancellable. */
#define PIECE_SIZE (4 * 1024 * 1024)

static gboolean
missing (GError **error)
{
  g_set_error_literal (error, IPD_ERROR, IPD_ERROR_NOT_FOUND, _("The document’s contents are missing."));
  return FALSE;
}

static gboolean
find_blob (IpdStore *self, const char *sha256, sqlite3_int64 *rowid, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, "SELECT rowid FROM blob WHERE sha256 = ?1", error);

  if (stmt == NULL)
    return FALSE;
  ipd_bind_text (stmt, 1, sha256);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return missing (error);
  *rowid = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
read_pieces (IpdStore *self, sqlite3_blob *blob, guint8 *buffer, gsize size,
             GCancellable *cancellable, GError **error)
{
  for (gsize offset = 0; offset < size; offset += PIECE_SIZE)
    {
      int rc;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      rc = sqlite3_blob_read (blob, buffer + offset, (int) MIN (PIECE_SIZE, size - offset), (int) offset);
      if (rc != SQLITE_OK)
        return ipd_store_set_error (self, error, rc, "blob");
    }
  return TRUE;
}

/* The handle's read transaction holds the bytes still until it is
 * closed: its size, not one read before, is the one to take. */
static GBytes *
read_open_blob (IpdStore *self, sqlite3_blob *blob, GCancellable *cancellable, GError **error)
{
  gsize size = (gsize) sqlite3_blob_bytes (blob);
  guint8 *buffer;

  if (size == 0)
    return g_bytes_new (NULL, 0);
  if ((buffer = g_try_malloc (size)) == NULL)
    {
      g_autofree char *amount = g_format_size (size);
      g_set_error (error, IPD_ERROR, IPD_ERROR_FAILED,
                   /* Translators: a size, such as "150.0 MB" */
                   _("There is not enough memory to read the document (%s)."), amount);
      return NULL;
    }
  if (!read_pieces (self, blob, buffer, size, cancellable, error))
    {
      g_free (buffer);
      return NULL;
    }
  return g_bytes_new_take (buffer, size);
}

static GBytes *
read_blob (IpdStore *self, const char *sha256, GCancellable *cancellable, GError **error)
{
  sqlite3_int64 rowid;
  sqlite3_blob *blob = NULL;
  GBytes *bytes;
  int rc;

  if (!find_blob (self, sha256, &rowid, error))
    return NULL;
  rc = sqlite3_blob_open (self->db, "main", "blob", "data", rowid, 0, &blob);
  if (rc != SQLITE_OK)
    {
      /* gone since it was found (the dossier purged meanwhile) */
      if (rc == SQLITE_ERROR && g_str_has_prefix (sqlite3_errmsg (self->db), "no such rowid"))
        missing (error);
      else
        ipd_store_set_error (self, error, rc, "blob");
      sqlite3_blob_close (blob);
      return NULL;
    }
  bytes = read_open_blob (self, blob, cancellable, error);
  sqlite3_blob_close (blob);
  return bytes;
}

/**
 * ipd_store_load_blob:
 * @sha256: the document's hash (#IpdAttachment.sha256)
 *
 * Reads a document's bytes on this thread; a window uses
 * ipd_store_load_blob_async().
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set
 */
GBytes *
ipd_store_load_blob (IpdStore *self, const char *sha256, GError **error)
{
  g_return_val_if_fail (IPD_IS_STORE (self) && sha256 != NULL, NULL);
  return read_blob (self, sha256, NULL, error);
}

typedef struct {
  char *path;
  char *sha256;
} BlobRequest;

static void
blob_request_free (BlobRequest *request)
{
  g_free (request->path);
  g_free (request->sha256);
  g_free (request);
}

static void
load_blob_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  BlobRequest *request = data;
  g_autoptr(IpdStore) store = NULL;
  GError *error = NULL;
  GBytes *bytes = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if ((store = ipd_store_open (request->path, IPD_STORE_READ_ONLY, &error)) != NULL)
    bytes = read_blob (store, request->sha256, cancellable, &error);
  if (bytes != NULL)
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, error);
}

/**
 * ipd_store_load_blob_async:
 * @sha256: the document's hash (#IpdAttachment.sha256)
 *
 * Reads a document's bytes on a worker, from what the register holds
 * once committed. Only @self's path is used: the task holds no reference
 * to it, which the worker could otherwise drop last, closing the window's
 * connection on the wrong thread; the callback's source object is %NULL.
 */
void
ipd_store_load_blob_async (IpdStore *self, const char *sha256, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  BlobRequest *request;

  g_return_if_fail (IPD_IS_STORE (self) && sha256 != NULL);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ipd_store_load_blob_async);
  g_task_set_name (task, "load-blob");
  request = g_new0 (BlobRequest, 1);
  request->path = g_strdup (ipd_store_get_path (self));
  request->sha256 = g_strdup (sha256);
  g_task_set_task_data (task, request, (GDestroyNotify) blob_request_free);
  g_task_run_in_thread (task, load_blob_thread);
}

/**
 * ipd_store_load_blob_finish:
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set
 * (%G_IO_ERROR_CANCELLED when cancelled)
 */
GBytes *
ipd_store_load_blob_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ipd_store_load_blob_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  GTask          *task;
  GTaskThreadFunc thread_func;
} BlobWork;

static void
on_blob_for_work (GObject *source, GAsyncResult *result, gpointer data)
{
  BlobWork *work = data;
  g_autoptr(GTask) task = work->task;
  GTaskThreadFunc thread_func = work->thread_func;
  GError *error = NULL;
  GBytes *bytes = ipd_store_load_blob_finish (result, &error);

  g_free (work);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      g_bytes_unref (bytes);
      return;
    }
  g_task_set_task_data (task, bytes, (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, thread_func);
}

/**
 * ipd_store_run_on_blob:
 * @task: (transfer full): the task that returns the work's result
 * @thread_func: the work, handed the bytes as its task data
 *
 * Reads a document's bytes on a worker, then runs @thread_func on them in
 * another (decoding a picture, counting a PDF's pages); an error reading
 * them, or @task's cancellable, ends @task.
 */
void
ipd_store_run_on_blob (IpdStore *self, const char *sha256, GTask *task, GTaskThreadFunc thread_func)
{
  BlobWork *work;

  g_return_if_fail (IPD_IS_STORE (self) && sha256 != NULL && G_IS_TASK (task) && thread_func != NULL);
  work = g_new0 (BlobWork, 1);
  work->task = task;
  work->thread_func = thread_func;
  ipd_store_load_blob_async (self, sha256, g_task_get_cancellable (task), on_blob_for_work, work);
}
