/* ipd-export-dialog.h — exports a register or the statistics to .xlsx
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-export.h"
#include "ipd-store.h"

G_BEGIN_DECLS

#define IPD_TYPE_EXPORT_DIALOG (ipd_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IpdExportDialog, ipd_export_dialog, IPD, EXPORT_DIALOG, AdwWindow)

typedef enum {
  IPD_EXPORT_REPORT_APPLICATIONS,
  IPD_EXPORT_REPORT_TITLES,
  IPD_EXPORT_REPORT_STATISTICS,
} IpdExportReport;

IpdExportDialog *ipd_export_dialog_new          (GtkWindow       *parent,
                                                 IpdStore        *store,
                                                 AdwToastOverlay *toasts);
void             ipd_export_dialog_set_filters  (IpdExportDialog *self,
                                                 const IpdQuery  *filters);
gboolean         ipd_export_dialog_get_period   (IpdExportDialog *self,
                                                 IpdReportPeriod *period,
                                                 GError         **error);
char            *ipd_export_dialog_suggest_name (IpdExportDialog *self);
void             ipd_export_dialog_export_to    (IpdExportDialog *self,
                                                 GFile           *file);
gboolean         ipd_export_dialog_is_exporting (IpdExportDialog *self);
gboolean         ipd_export_dialog_is_ready     (IpdExportDialog *self);

/* For tests: called on the exporting thread with every progress report. */
void             ipd_export_dialog_set_progress_hook (IpdExportDialog  *self,
                                                      IpdExportProgress hook,
                                                      gpointer          user_data);

G_END_DECLS
