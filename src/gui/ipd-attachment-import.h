/* ipd-attachment-import.h — files read into a dossier on a worker thread
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the worker has done so far: written by it, read by the main loop
 * (g_atomic_*) to draw a progress bar. */
typedef struct {
  gssize bytes_total;   /* of every file, once known; 0 before */
  gssize bytes_done;
  gint   files_done;
  gint   current;       /* index of the file being read */
} IpdImportProgress;

typedef struct {
  GArray    *added;      /* gint64: ids of the new attachments, in order */
  GPtrArray *problems;   /* char *: "name: why" for each file not added */
  gboolean   stopped;    /* the officer stopped it before the end */
} IpdImportResult;

void ipd_import_result_free (IpdImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdImportResult, ipd_import_result_free)

/* Reads @files and stores them as documents of dossier @dossier_id through
 * a connection of its own to the register at @store_path (a store is used
 * from one thread). The type is read from the content; a PDF's pages are
 * counted, and a PDF that cannot be read (damaged, encrypted) is still
 * added. @progress must live until the callback. */
void             ipd_attachment_import_async  (const char          *store_path,
                                               gint64               dossier_id,
                                               GFile              **files,
                                               guint                n_files,
                                               IpdImportProgress   *progress,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
IpdImportResult *ipd_attachment_import_finish (GAsyncResult        *result,
                                               GError             **error);

/* The number of pages of a PDF, or 0 with @error (IPD_PDF_ERROR) when it
 * cannot be read or is not a PDF. Blocking: call it on a worker. */
int              ipd_attachment_count_pages   (GBytes              *bytes,
                                               GCancellable        *cancellable,
                                               GError             **error);

G_END_DECLS
