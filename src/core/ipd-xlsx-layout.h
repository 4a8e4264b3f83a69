/* ipd-xlsx-layout.h — a worksheet laid out as a Vietnamese official document
 *
 * Shared by the registers and the statistics: agency lines and national
 * motto, title, cut-off line, table formats, signature block, print setup
 * and document properties. The workbook is always in constant_memory
 * mode: rows must be written top to bottom.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <xlsxwriter.h>

#include "ipd-store.h"

G_BEGIN_DECLS

#define IPD_XLSX_MAX_COLUMNS 32

typedef struct {
  lxw_workbook  *workbook;
  lxw_worksheet *sheet;
  lxw_col_t      n_columns;
  lxw_format    *left;        /* agency lines */
  lxw_format    *left_bold;
  lxw_format    *centre;      /* motto, cut-off, signature */
  lxw_format    *centre_bold;
  lxw_format    *motto_bold;  /* underlined motto */
  lxw_format    *title;
  lxw_format    *place;       /* italic place-and-date line */
  lxw_format    *header;      /* table header: bold, borders, wrapped, centred */
  lxw_format    *cell;        /* table body: borders, wrapped, top-aligned */
  lxw_format    *cell_centre;
  lxw_format    *cell_date;   /* real date, dd/mm/yyyy */
  lxw_format    *cell_number; /* a whole number with thousands separators (amounts) */
  lxw_format    *total;       /* a bold, bordered total */
  /* Row heights for wrapped text (ipd_xlsx_layout_text): */
  double         widths[IPD_XLSX_MAX_COLUMNS];   /* of the table's columns, 0: not set */
  lxw_row_t      tall_row;    /* the row whose height is being fitted */
  guint          tall_lines;  /* the most lines of its cells so far */
} IpdXlsxLayout;

/* A table column: its English title (msgid) and width in characters. */
typedef struct {
  const char *title;
  double      width;
} IpdXlsxColumn;

/* A title over the sub-titles of columns @first to @last. */
typedef struct {
  lxw_col_t   first, last;
  const char *title;
} IpdXlsxGroup;

IpdXlsxLayout *ipd_xlsx_layout_new     (const char *path, const char *sheet_name,
                                        lxw_col_t n_columns, GError **error);
lxw_worksheet *ipd_xlsx_layout_add_sheet (IpdXlsxLayout *layout, const char *sheet_name,
                                          lxw_col_t n_columns, GError **error);
void      ipd_xlsx_layout_heading      (IpdXlsxLayout *layout, IpdStore *store,
                                        const char *title, const char *cutoff);
void      ipd_xlsx_layout_header_cell  (IpdXlsxLayout *layout, lxw_row_t row, lxw_col_t col,
                                        const char *text);
void      ipd_xlsx_layout_table_header (IpdXlsxLayout *layout, lxw_row_t row,
                                        const IpdXlsxColumn *columns,
                                        const IpdXlsxGroup *groups, guint n_groups);
void      ipd_xlsx_layout_date         (IpdXlsxLayout *layout, lxw_row_t row, lxw_col_t col,
                                        const char *iso);
void      ipd_xlsx_layout_text         (IpdXlsxLayout *layout, lxw_row_t row, lxw_col_t col,
                                        const char *text);
void      ipd_xlsx_layout_signature    (IpdXlsxLayout *layout, IpdStore *store, lxw_row_t row,
                                        const char *today);
void      ipd_xlsx_layout_print_setup  (IpdXlsxLayout *layout, lxw_row_t header_first,
                                        lxw_row_t header_last);
void      ipd_xlsx_layout_properties   (IpdXlsxLayout *layout, IpdStore *store,
                                        const char *title);
gboolean  ipd_xlsx_layout_close        (IpdXlsxLayout *layout, GError **error);
void      ipd_xlsx_layout_free         (IpdXlsxLayout *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdXlsxLayout, ipd_xlsx_layout_free)

/* Rows of the heading that ipd_xlsx_layout_heading() fills: the table starts below. */
#define IPD_XLSX_HEADING_ROWS 6

G_END_DECLS
