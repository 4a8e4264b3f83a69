/* ipd-export-private.h — what the registers' exports share
 *
 * A register is a two-row table header and one row per record, under the
 * official-document heading of ipd-xlsx-layout.h; ipd_export_register()
 * writes it to a temporary file renamed at the end, and each register
 * only says how to count and write its rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipd-export.h"
#include "ipd-file.h"
#include "ipd-vocabulary.h"
#include "ipd-xlsx-layout.h"

G_BEGIN_DECLS

#define IPD_EXPORT_HEADER_FIRST IPD_XLSX_HEADING_ROWS
#define IPD_EXPORT_HEADER_LAST  (IPD_EXPORT_HEADER_FIRST + 1)
#define IPD_EXPORT_FIRST_ROW    (IPD_EXPORT_HEADER_LAST + 1)

typedef struct {
  IpdXlsxLayout    *layout;
  lxw_row_t         row;       /* the row being written */
  gint64            done, total;
  IpdExportProgress progress;
  gpointer          user_data;
  GCancellable     *cancellable;
} IpdExportWriter;

typedef struct {
  const char          *sheet_name;   /* msgid; translated at most 31 characters */
  char              *(*title) (const IpdReportPeriod *period);
  const IpdXlsxColumn *columns;
  lxw_col_t            n_columns;
  const IpdXlsxGroup  *groups;
  guint                n_groups;
  gint64   (*count) (IpdStore *store, const IpdReportPeriod *period,
                     const IpdQuery *filters, GError **error);
  /* writes every row, each between ipd_export_writer_begin_row() and _end_row() */
  gboolean (*rows)  (IpdStore *store, const IpdReportPeriod *period,
                     const IpdQuery *filters, IpdExportWriter *writer, GError **error);
} IpdExportRegister;

gboolean ipd_export_register (const IpdExportRegister *reg, IpdStore *store,
                              const IpdReportPeriod *period, const IpdQuery *filters,
                              const char *path, IpdExportProgress progress, gpointer user_data,
                              GCancellable *cancellable, GError **error);
/* ipd_file_replace() with @write run in the "C" numeric locale. */
gboolean ipd_export_write_file (const char *path, IpdFileWriteFunc write, gpointer data,
                                GCancellable *cancellable, GError **error);
gboolean ipd_export_writer_begin_row (IpdExportWriter *writer, GError **error);
void     ipd_export_writer_end_row   (IpdExportWriter *writer);
const char *ipd_export_label         (IpdVocabulary vocabulary, const char *code);

G_END_DECLS
