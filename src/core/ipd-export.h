/* ipd-export.h — official registers and reports as .xlsx workbooks
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ipd-report-period.h"
#include "ipd-store.h"

G_BEGIN_DECLS

/* From 0 to 1; called from the exporting thread. */
typedef void (*IpdExportProgress) (double fraction, gpointer user_data);

gboolean ipd_export_applications (IpdStore            *store,
                                  const IpdReportPeriod *period,
                                  const IpdQuery      *filters,
                                  const char          *path,
                                  IpdExportProgress    progress,
                                  gpointer             user_data,
                                  GCancellable        *cancellable,
                                  GError             **error);

/* The titles in force at @period's end (the cut-off). */
gboolean ipd_export_titles       (IpdStore            *store,
                                  const IpdReportPeriod *period,
                                  const IpdQuery      *filters,
                                  const char          *path,
                                  IpdExportProgress    progress,
                                  gpointer             user_data,
                                  GCancellable        *cancellable,
                                  GError             **error);

/* The statistics report: dossiers by kind and status, by province and
 * by support programme (now), filings and grants of @period against the
 * period before and the same period a year earlier, and a chart. */
gboolean ipd_export_statistics   (IpdStore            *store,
                                  const IpdReportPeriod *period,
                                  const IpdQuery      *filters,
                                  const char          *path,
                                  IpdExportProgress    progress,
                                  gpointer             user_data,
                                  GCancellable        *cancellable,
                                  GError             **error);

G_END_DECLS
