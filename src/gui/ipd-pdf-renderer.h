/* ipd-pdf-renderer.h — one worker thread per document for the viewer
 *
 * Loads, measures, renders, searches and reads text on a thread of its
 * own, one job at a time (poppler is not thread safe per document), in
 * priority order: visible pages first, then neighbours, then searches and
 * page sizes, thumbnails last. A job whose cancellable is cancelled
 * before it starts is dropped. Results come back on the context that was
 * the thread's default when the renderer was made (the main context).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ipd-pdf-document.h"
#include "ipd-pdf-surface-pool.h"

G_BEGIN_DECLS

/* Lower runs first. */
typedef enum {
  IPD_PDF_PRIORITY_LOAD = 0,
  IPD_PDF_PRIORITY_VISIBLE = 1,
  IPD_PDF_PRIORITY_TEXT = 2,
  IPD_PDF_PRIORITY_NEIGHBOUR = 3,
  IPD_PDF_PRIORITY_SIZES = 4,
  IPD_PDF_PRIORITY_FIND = 5,
  IPD_PDF_PRIORITY_THUMBNAIL = 6,
} IpdPdfPriority;

typedef enum {
  IPD_PDF_JOB_LOAD,
  IPD_PDF_JOB_SIZES,
  IPD_PDF_JOB_RENDER,
  IPD_PDF_JOB_FIND,
  IPD_PDF_JOB_TEXT,
  IPD_PDF_JOB_REGION,
} IpdPdfJobKind;

typedef struct _IpdPdfJob IpdPdfJob;
typedef void (*IpdPdfJobDone) (IpdPdfJob *job, gpointer user_data);

struct _IpdPdfJob {
  IpdPdfJobKind  kind;
  int            priority;
  guint64        serial;         /* order among equal priorities */
  guint          generation;     /* the viewer's document when asked */
  GCancellable  *cancellable;
  IpdPdfJobDone  done;           /* on the main context, unless cancelled */
  gpointer       user_data;

  /* in */
  GBytes        *bytes;          /* LOAD */
  char          *password;       /* LOAD */
  int            page;           /* RENDER, TEXT; SIZES and FIND: first page */
  int            last_page;      /* SIZES, FIND: the last page of the whole job */
  double         scale;          /* RENDER: pixels per point, device scale included */
  double         zoom;           /* RENDER: the viewer's zoom it was asked for */
  int            rotation;       /* RENDER */
  gboolean       thumbnail;      /* RENDER */
  char          *query;          /* FIND */
  cairo_rectangle_t area;        /* TEXT, REGION */

  /* out */
  GError        *error;
  int            n_pages;        /* LOAD */
  double         width, height;  /* LOAD: page 0 */
  int            chunk_first;    /* SIZES, FIND: pages done by this delivery */
  int            chunk_last;
  GArray        *sizes;          /* SIZES: pairs of doubles for chunk_first..chunk_last */
  gboolean       finished;       /* SIZES, FIND: no more deliveries */
  cairo_surface_t *surface;      /* RENDER: @drawn of the page's rendering */
  cairo_rectangle_int_t drawn;   /* RENDER: in the pixels of the whole page */
  int            page_width;     /* RENDER: the whole page's pixels */
  int            page_height;
  IpdPdfSurfaceOrigin origin;   /* RENDER: of its memory, with a pool */
  GPtrArray     *matches;        /* FIND: of IpdPdfMatch, this chunk's */
  char          *text;           /* TEXT */
  cairo_region_t *region;        /* REGION: where the text of the area lies, points */
  gint64         run_usec;       /* how long the worker took */
  gint64         cpu_usec;       /* of which the worker thread ran (the rest: other threads) */
};

IpdPdfJob *ipd_pdf_job_new   (IpdPdfJobKind kind, int priority, IpdPdfJobDone done, gpointer user_data);
IpdPdfJob *ipd_pdf_job_ref   (IpdPdfJob *job);
void       ipd_pdf_job_unref (IpdPdfJob *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdPdfJob, ipd_pdf_job_unref)

typedef struct _IpdPdfRenderer IpdPdfRenderer;

/* @pool: where renders take their memory (a reference is taken), or
 * NULL for fresh memory every time. */
IpdPdfRenderer *ipd_pdf_renderer_new      (IpdPdfSurfacePool *pool);
/* Queues @job (a reference is taken). */
void            ipd_pdf_renderer_push     (IpdPdfRenderer *self, IpdPdfJob *job);
/* Cancels every queued job (the one running finishes, undelivered when
 * its cancellable is cancelled). */
void            ipd_pdf_renderer_cancel_all (IpdPdfRenderer *self);
/* Stops delivering results and lets the thread end on its own; drops the
 * caller's reference. Never waits for the job that is running. */
void            ipd_pdf_renderer_shutdown (IpdPdfRenderer *self);
/* The document for a use on the calling thread (printing), with the
 * worker held off until ipd_pdf_renderer_unlock; NULL when none is loaded. */
IpdPdfDocument *ipd_pdf_renderer_lock     (IpdPdfRenderer *self);
void            ipd_pdf_renderer_unlock   (IpdPdfRenderer *self);

G_END_DECLS
