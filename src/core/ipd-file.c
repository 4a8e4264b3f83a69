/* ipd-file.c — files written whole or not at all
 *
 * A file is written under a temporary name next to its destination, made
 * to reach the disk, and renamed over the destination only then: a full
 * disk, a cancel or a crash leaves the earlier file as it was and no half
 * file behind. Not g_file_replace_contents(): in GLib 2.74 it renames its
 * temporary file over the destination even after a write failed (seen on
 * a full tmpfs), losing the earlier file for a cut-short one. Not
 * g_file_set_contents_full() either: its messages name its temporary file.
 *
 * Errors are IPD_ERROR, coded from errno (IPD_ERROR_NO_SPACE for a full
 * disk), their message "Could not write “destination”: the system's reason".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ipd-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ipd-error.h"

/* The permissions of the file @path replaces (a copy the officer made
 * readable to the office only stays so; not setuid and the like); -1 for
 * a new file. */
static int
earlier_mode (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && S_ISREG (st.st_mode) ? (int) (st.st_mode & 0777) : -1;
}

/* Given once the file is written and on the disk: a read-only earlier
 * file would otherwise refuse the writing. */
static void
keep_mode (const char *tmp, int mode)
{
  if (mode >= 0 && g_chmod (tmp, (mode_t) mode) != 0)
    g_debug ("%s keeps the usual permissions: %s", tmp, g_strerror (errno));
}

/* A new empty file next to @path, with the usual permissions (not
 * g_mkstemp()'s 0600); NULL with the reason. */
static char *
create_temporary (const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  for (;;)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());
      g_autofree char *tmp = g_build_filename (dir, name, NULL);
      int fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);

      if (fd >= 0)
        {
          close (fd);
          return g_steal_pointer (&tmp);
        }
      if (errno != EEXIST)
        {
          ipd_set_error_from_errno (error, errno);
          return NULL;
        }
    }
}

/* The written file's bytes on the disk before it takes the destination's
 * name: after a crash, the old file or the new one, never an empty one. */
static gboolean
sync_file (const char *path, GError **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved;

  if (fd < 0)
    return ipd_set_error_from_errno (error, errno);
  if (fsync (fd) == 0)
    return close (fd) == 0 || ipd_set_error_from_errno (error, errno);
  saved = errno;
  close (fd);
  return ipd_set_error_from_errno (error, saved);
}

static gboolean
rename_over (const char *tmp, const char *path, GError **error)
{
  return g_rename (tmp, path) == 0 || ipd_set_error_from_errno (error, errno);
}

static void
name_destination (GError **error, const char *path)
{
  g_autofree char *reason = NULL;

  if (error == NULL || *error == NULL || g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  reason = g_steal_pointer (&(*error)->message);
  (*error)->message = g_strdup_printf (_("Could not write “%s”: %s"), path, reason);
}

/**
 * ipd_file_replace:
 * @write: writes the contents into the temporary file it is given
 *
 * Makes @path with @write's contents, or leaves it as it was: the
 * temporary file is deleted if @write fails or @cancellable is cancelled
 * meanwhile. A missing folder or a refused permission is told before
 * @write runs.
 */
gboolean
ipd_file_replace (const char *path, IpdFileWriteFunc write, gpointer data,
                  GCancellable *cancellable, GError **error)
{
  g_autofree char *tmp = NULL;
  gboolean ok;
  int mode;

  g_return_val_if_fail (path != NULL && write != NULL, FALSE);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  mode = earlier_mode (path);
  if ((tmp = create_temporary (path, error)) == NULL)
    {
      name_destination (error, path);
      return FALSE;
    }
  ok = write (tmp, data, error) && !g_cancellable_set_error_if_cancelled (cancellable, error)
       && sync_file (tmp, error);
  if (ok)
    keep_mode (tmp, mode);
  if (!ok || !rename_over (tmp, path, error))
    {
      g_unlink (tmp);
      name_destination (error, path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_bytes (const char *tmp_path, gpointer data, GError **error)
{
  gsize left = 0;
  const guint8 *p = g_bytes_get_data (data, &left);
  int fd = g_open (tmp_path, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
  int saved;

  if (fd < 0)
    return ipd_set_error_from_errno (error, errno);
  while (left > 0)
    {
      gssize n = write (fd, p, MIN (left, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved = errno;
          close (fd);
          return ipd_set_error_from_errno (error, saved);
        }
      p += n;
      left -= (gsize) n;
    }
  return close (fd) == 0 || ipd_set_error_from_errno (error, errno);
}

/* Makes @path with @bytes, or leaves it as it was (ipd_file_replace()). */
gboolean
ipd_file_replace_bytes (const char *path, GBytes *bytes, GCancellable *cancellable, GError **error)
{
  g_return_val_if_fail (bytes != NULL, FALSE);
  return ipd_file_replace (path, write_bytes, bytes, cancellable, error);
}

/**
 * ipd_file_save_bytes:
 *
 * Saves @bytes to @file as ipd_file_replace_bytes() does. A file with no
 * local path (a remote location without a FUSE mount) is written by GIO,
 * as its backend replaces files; its error is a #GIOError then, with the
 * same kind of message.
 */
gboolean
ipd_file_save_bytes (GFile *file, GBytes *bytes, GCancellable *cancellable, GError **error)
{
  g_autofree char *path = NULL, *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file) && bytes != NULL, FALSE);
  if ((path = g_file_get_path (file)) != NULL)
    return ipd_file_replace_bytes (path, bytes, cancellable, error);
  if (g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                               cancellable, error))
    return TRUE;
  name = g_file_get_parse_name (file);
  name_destination (error, name);
  return FALSE;
}

static void
save_bytes_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;

  if (ipd_file_save_bytes (G_FILE (source), data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* ipd_file_save_bytes() on a worker thread. */
void
ipd_file_save_bytes_async (GFile *file, GBytes *bytes, GCancellable *cancellable,
                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (file, cancellable, callback, user_data);

  g_return_if_fail (G_IS_FILE (file) && bytes != NULL);
  g_task_set_source_tag (task, ipd_file_save_bytes_async);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, save_bytes_in_thread);
}

gboolean
ipd_file_save_bytes_finish (GFile *file, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, file), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
