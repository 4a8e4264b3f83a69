/* ipd-export-statistics.c — the statistics report (báo cáo thống kê) as .xlsx
 *
 * One workbook of five tables under the official heading — dossiers by
 * kind and status, filings and grants of the period against the one
 * before and the same period a year earlier, dossiers by province and by
 * commune (current units, former ones mapped), and support programmes —
 * and a chart sheet of the first table's totals.
 * Written like the registers: constant_memory, a temporary file renamed
 * at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ipd-export-private.h"

#include <glib/gi18n-lib.h>

#include "ipd-date.h"
#include "ipd-error.h"

/* The heading's agency and motto blocks need this many columns not to overlap. */
#define HEADING_COLUMNS 7
#define N_STEPS 6.0

typedef struct {
  IpdStore              *store;
  const IpdReportPeriod *period;
  const IpdQuery        *filters;
  IpdXlsxLayout         *layout;
  char                  *title;
  char                  *today;
  IpdExportProgress      progress;
  gpointer               user_data;
  GCancellable          *cancellable;
  char                  *kinds_sheet;   /* the first sheet's name, for the chart */
  lxw_row_t              kinds_last;    /* its last row of kinds */
  lxw_col_t              kinds_total;   /* its column of totals */
  guint                  sheets;
} Report;

static void
report_clear (Report *r)
{
  g_free (r->title);
  g_free (r->today);
  g_free (r->kinds_sheet);
}

/* A new sheet with the official heading over a table of @n_columns. */
static gboolean
begin_sheet (Report *r, const char *name, lxw_col_t n_columns, const char *cutoff,
             GError **error)
{
  if (r->sheets++ > 0
      && !ipd_xlsx_layout_add_sheet (r->layout, name, MAX (HEADING_COLUMNS, n_columns), error))
    return FALSE;
  r->layout->n_columns = MAX (HEADING_COLUMNS, n_columns);
  ipd_xlsx_layout_heading (r->layout, r->store, r->title, cutoff);
  r->layout->n_columns = n_columns;
  return TRUE;
}

/* Signature and print setup under the table's last row @last. */
static void
end_sheet (Report *r, lxw_row_t last)
{
  lxw_col_t n_columns = r->layout->n_columns;

  worksheet_freeze_panes (r->layout->sheet, IPD_EXPORT_FIRST_ROW, 0);
  ipd_xlsx_layout_print_setup (r->layout, IPD_EXPORT_HEADER_FIRST, IPD_EXPORT_HEADER_LAST);
  r->layout->n_columns = MAX (HEADING_COLUMNS, n_columns);
  ipd_xlsx_layout_signature (r->layout, r->store, last + 2, r->today);
}

static void
write_count (IpdXlsxLayout *layout, lxw_row_t row, lxw_col_t col, gint64 value, gboolean total)
{
  worksheet_write_number (layout->sheet, row, col, (double) value,
                          total ? layout->total : layout->cell_number);
}

static void
write_total_label (IpdXlsxLayout *layout, lxw_row_t row, lxw_col_t col)
{
  /* Translators: the totals row or column of a statistics table; Vietnamese: "Tổng cộng" */
  worksheet_write_string (layout->sheet, row, col, _("Total"), layout->header);
}

static gboolean
check_cancelled (Report *r, double step, GError **error)
{
  if (g_cancellable_set_error_if_cancelled (r->cancellable, error))
    return FALSE;
  if (r->progress)
    r->progress (step / N_STEPS, r->user_data);
  return TRUE;
}

/* 1. Live dossiers now: a row per kind, a column per status, with totals. */
static gboolean
write_kinds_by_status (Report *r, GError **error)
{
  guint n_kinds, n_statuses;
  const IpdTerm *kinds = ipd_vocabulary_terms (IPD_VOCAB_KIND, &n_kinds);
  const IpdTerm *statuses = ipd_vocabulary_terms (IPD_VOCAB_STATUS, &n_statuses);
  lxw_col_t n_columns = n_statuses + 2;
  g_autofree IpdXlsxColumn *columns = g_new0 (IpdXlsxColumn, n_columns);
  g_autofree gint64 *counts = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  IpdXlsxLayout *layout = r->layout;
  lxw_row_t row = IPD_EXPORT_FIRST_ROW;

  rows = ipd_store_statistics (r->store, IPD_STAT_KIND_STATUS, NULL, r->filters, error);
  if (rows == NULL)
    return FALSE;
  counts = ipd_stat_kind_status_grid (rows);

  if (!begin_sheet (r, r->kinds_sheet, n_columns, r->today, error))
    return FALSE;
  columns[0] = (IpdXlsxColumn) { N_("Kind"), 24 };
  for (guint i = 0; i < n_statuses; i++)
    columns[i + 1] = (IpdXlsxColumn) { statuses[i].label, 13 };
  columns[n_columns - 1] = (IpdXlsxColumn) { N_("Total"), 10 };
  ipd_xlsx_layout_table_header (layout, IPD_EXPORT_HEADER_FIRST, columns, NULL, 0);
  for (guint k = 0; k <= n_kinds; k++, row++)
    {
      gboolean total = k == n_kinds;

      if (total)
        write_total_label (layout, row, 0);
      else
        ipd_xlsx_layout_text (layout, row, 0, ipd_vocabulary_label (IPD_VOCAB_KIND, kinds[k].code));
      for (guint st = 0; st <= n_statuses; st++)
        write_count (layout, row, st + 1, counts[k * (n_statuses + 1) + st], total || st == n_statuses);
    }
  r->kinds_last = IPD_EXPORT_FIRST_ROW + n_kinds - 1;
  r->kinds_total = n_columns - 1;
  end_sheet (r, row - 1);
  return TRUE;
}

/* "name\n01/07/2026 – 30/09/2026" */
static char *
period_header (const char *name, const IpdReportPeriod *p)
{
  g_autofree char *from = ipd_date_format (p->from);
  g_autofree char *to = ipd_date_format (p->to);

  return g_strdup_printf ("%s\n%s – %s", name, from, to);
}

/* The table of write_periods(), which owns @stats and @headers. */
static gboolean
write_periods_table (Report *r, IpdReportPeriod *periods, GPtrArray **stats, char **headers,
                     GError **error)
{
  IpdXlsxColumn columns[7];
  static const IpdXlsxGroup groups[] = {
    /* Translators: dossiers filed in a period; Vietnamese: "Số đơn nộp" */
    { 1, 3, N_("Applications filed") },
    /* Translators: certificates granted in a period; Vietnamese: "Số văn bằng được cấp" */
    { 4, 6, N_("Titles granted") },
  };
  IpdXlsxLayout *layout = r->layout;
  gint64 totals[6] = { 0 };
  lxw_row_t row = IPD_EXPORT_FIRST_ROW;
  const IpdTerm *kinds;
  guint n_kinds;

  periods[0] = *r->period;
  ipd_report_period_previous (r->period, &periods[1]);
  ipd_report_period_year_earlier (r->period, &periods[2]);
  for (int i = 0; i < 3; i++)
    if ((stats[i] = ipd_store_statistics (r->store, IPD_STAT_PERIOD, &periods[i], r->filters,
                                          error)) == NULL)
      return FALSE;
  /* Translators: a column of the statistics: the report's period; Vietnamese: "Kỳ báo cáo" */
  headers[0] = period_header (_("This period"), &periods[0]);
  /* Translators: the period just before the report's; Vietnamese: "Kỳ trước" */
  headers[1] = period_header (_("Previous period"), &periods[1]);
  /* Translators: the report's period a year earlier; Vietnamese: "Cùng kỳ năm trước" */
  headers[2] = period_header (_("Same period a year earlier"), &periods[2]);
  columns[0] = (IpdXlsxColumn) { N_("Kind"), 24 };
  for (int i = 0; i < 6; i++)
    columns[i + 1] = (IpdXlsxColumn) { headers[i % 3], 16 };

  /* Translators: a worksheet's name, at most 31 characters; Vietnamese: "So sánh theo kỳ" */
  if (!begin_sheet (r, _("Period comparison"), 7, r->period->to, error))
    return FALSE;
  ipd_xlsx_layout_table_header (layout, IPD_EXPORT_HEADER_FIRST, columns, groups,
                                G_N_ELEMENTS (groups));
  /* the sub-titles' second line, the dates (set once the row is written:
   * constant_memory would flush the row above) */
  worksheet_set_row (layout->sheet, IPD_EXPORT_HEADER_LAST, 32, NULL);
  kinds = ipd_vocabulary_terms (IPD_VOCAB_KIND, &n_kinds);
  for (guint k = 0; k < n_kinds; k++, row++)
    {
      ipd_xlsx_layout_text (layout, row, 0, ipd_vocabulary_label (IPD_VOCAB_KIND, kinds[k].code));
      for (int i = 0; i < 3; i++)
        {
          const IpdStatRow *p = ipd_stat_rows_find (stats[i], kinds[k].code);
          gint64 filed = p ? p->count : 0, granted = p ? p->value : 0;

          write_count (layout, row, 1 + i, filed, FALSE);
          write_count (layout, row, 4 + i, granted, FALSE);
          totals[i] += filed;
          totals[3 + i] += granted;
        }
    }
  write_total_label (layout, row, 0);
  for (int i = 0; i < 6; i++)
    write_count (layout, row, 1 + i, totals[i], TRUE);
  end_sheet (r, row);
  return TRUE;
}

/* 2. Filed and granted, by kind, in three periods. */
static gboolean
write_periods (Report *r, GError **error)
{
  IpdReportPeriod periods[3];
  GPtrArray *stats[3] = { NULL };
  char *headers[3] = { NULL };
  gboolean ok = write_periods_table (r, periods, stats, headers, error);

  for (int i = 0; i < 3; i++)
    {
      g_clear_pointer (&stats[i], g_ptr_array_unref);
      g_free (headers[i]);
    }
  return ok;
}

/* A numbered table of @rows: name, dossiers (and amounts, with a totals row). */
static gboolean
write_list (Report *r, const char *sheet, const IpdXlsxColumn *columns, lxw_col_t n_columns,
            GPtrArray *rows, GError **error)
{
  IpdXlsxLayout *layout = r->layout;
  lxw_row_t row = IPD_EXPORT_FIRST_ROW;
  gint64 count = 0, value = 0;

  if (!begin_sheet (r, sheet, n_columns, r->today, error))
    return FALSE;
  ipd_xlsx_layout_table_header (layout, IPD_EXPORT_HEADER_FIRST, columns, NULL, 0);
  for (guint i = 0; i < rows->len; i++, row++)
    {
      IpdStatRow *s = g_ptr_array_index (rows, i);

      worksheet_write_number (layout->sheet, row, 0, i + 1, layout->cell_centre);
      ipd_xlsx_layout_text (layout, row, 1, s->key);
      write_count (layout, row, 2, s->count, FALSE);
      if (n_columns > 3)
        write_count (layout, row, 3, s->value, FALSE);
      count += s->count;
      value += s->value;
    }
  if (rows->len == 0)
    {
      worksheet_merge_range (layout->sheet, row, 0, row, n_columns - 1, _("No data"),
                             layout->cell_centre);
      row++;
    }
  else if (n_columns > 3)
    {
      /* a dossier counts in each of its provinces: a total only for programmes */
      worksheet_merge_range (layout->sheet, row, 0, row, 1, _("Total"), layout->header);
      write_count (layout, row, 2, count, TRUE);
      write_count (layout, row, 3, value, TRUE);
      row++;
    }
  end_sheet (r, row - 1);
  return TRUE;
}

/* 3. Dossiers by province now. */
static gboolean
write_provinces (Report *r, GError **error)
{
  static const IpdXlsxColumn columns[] = {
    { N_("No."), 6 },
    { N_("Province"), 30 },
    /* Translators: a number of dossiers; Vietnamese: "Số hồ sơ" */
    { N_("Dossiers"), 12 },
  };
  g_autoptr(GPtrArray) rows = ipd_store_statistics (r->store, IPD_STAT_PROVINCE, NULL,
                                                    r->filters, error);

  return rows != NULL
    /* Translators: a worksheet's name, at most 31 characters; Vietnamese: "Theo tỉnh" */
    && write_list (r, _("By province"), columns, G_N_ELEMENTS (columns), rows, error);
}

/* 4. Dossiers by current commune, former units mapped through the list of
 * administrative units; a name the list lacks is kept and marked. */
static void
write_commune_row (IpdXlsxLayout *layout, lxw_row_t row, guint number, const IpdStatRow *s)
{
  worksheet_write_number (layout->sheet, row, 0, number, layout->cell_centre);
  ipd_xlsx_layout_text (layout, row, 1, s->key);
  /* Translators: in the statistics by commune, for dossiers whose address names no commune */
  ipd_xlsx_layout_text (layout, row, 2, s->key2 ? s->key2 : _("(commune not given)"));
  write_count (layout, row, 3, s->count, FALSE);
  /* Translators: a note in the statistics by commune; Vietnamese:
   * "Không có trong danh mục đơn vị hành chính" */
  ipd_xlsx_layout_text (layout, row, 4, s->value ? _("Not in the list of administrative units") : NULL);
}

static gboolean
write_communes (Report *r, GError **error)
{
  static const IpdXlsxColumn columns[] = {
    { N_("No."), 6 },
    { N_("Province"), 24 },
    /* Translators: a current commune or ward; Vietnamese: "Xã, phường" */
    { N_("Commune"), 28 },
    { N_("Dossiers"), 12 },
    { N_("Note"), 34 },
  };
  g_autoptr(GPtrArray) rows = ipd_store_statistics (r->store, IPD_STAT_COMMUNE, NULL,
                                                    r->filters, error);
  lxw_row_t row = IPD_EXPORT_FIRST_ROW;

  if (rows == NULL
      /* Translators: a worksheet's name, at most 31 characters; Vietnamese: "Theo xã, phường" */
      || !begin_sheet (r, _("By commune"), G_N_ELEMENTS (columns), r->today, error))
    return FALSE;
  ipd_xlsx_layout_table_header (r->layout, IPD_EXPORT_HEADER_FIRST, columns, NULL, 0);
  for (guint i = 0; i < rows->len; i++, row++)
    write_commune_row (r->layout, row, i + 1, g_ptr_array_index (rows, i));
  if (rows->len == 0)
    {
      worksheet_merge_range (r->layout->sheet, row, 0, row, G_N_ELEMENTS (columns) - 1,
                             _("No data"), r->layout->cell_centre);
      row++;
    }
  end_sheet (r, row - 1);
  return TRUE;
}

/* 5. Support programmes: dossiers and total amount. */
static gboolean
write_programmes (Report *r, GError **error)
{
  static const IpdXlsxColumn columns[] = {
    { N_("No."), 6 },
    /* Translators: a support programme for intellectual property; Vietnamese: "Chương trình hỗ trợ" */
    { N_("Support programme"), 36 },
    { N_("Dossiers"), 12 },
    /* Translators: the total support of a programme; Vietnamese: "Tổng kinh phí hỗ trợ (đồng)" */
    { N_("Total support (VND)"), 20 },
  };
  g_autoptr(GPtrArray) rows = ipd_store_statistics (r->store, IPD_STAT_PROGRAMME, NULL,
                                                    r->filters, error);

  return rows != NULL
    /* Translators: a worksheet's name, at most 31 characters; Vietnamese: "Chương trình hỗ trợ" */
    && write_list (r, _("Support programmes"), columns, G_N_ELEMENTS (columns), rows, error);
}

/* 6. A column chart of the first sheet's totals by kind, on a sheet of its own. */
static gboolean
write_chart (Report *r, GError **error)
{
  lxw_workbook *workbook = r->layout->workbook;
  lxw_chartsheet *chartsheet;
  lxw_chart *chart;
  lxw_chart_series *series;
  lxw_error rc;

  /* Translators: a chart sheet's name, at most 31 characters; Vietnamese: "Biểu đồ" */
  chartsheet = workbook_add_chartsheet (workbook, _("Chart"));
  chart = workbook_add_chart (workbook, LXW_CHART_COLUMN);
  series = chart ? chart_add_series (chart, NULL, NULL) : NULL;
  if (chartsheet == NULL || series == NULL)
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_FAILED, "could not add the chart");
      return FALSE;
    }
  chart_series_set_categories (series, r->kinds_sheet, IPD_EXPORT_FIRST_ROW, 0,
                               r->kinds_last, 0);
  chart_series_set_values (series, r->kinds_sheet, IPD_EXPORT_FIRST_ROW, r->kinds_total,
                           r->kinds_last, r->kinds_total);
  chart_series_set_name (series, _("Dossiers"));
  /* Translators: the chart's title; Vietnamese: "Số hồ sơ theo loại" */
  chart_title_set_name (chart, _("Dossiers by kind"));
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  if ((rc = chartsheet_set_chart (chartsheet, chart)) != LXW_NO_ERROR)
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_FAILED, "could not add the chart: %s",
                   lxw_strerror (rc));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_workbook (const char *tmp_path, gpointer data, GError **error)
{
  Report *r = data;
  g_autoptr(IpdXlsxLayout) layout = NULL;

  layout = ipd_xlsx_layout_new (tmp_path, r->kinds_sheet, HEADING_COLUMNS, error);
  if (layout == NULL)
    return FALSE;
  r->layout = layout;
  ipd_xlsx_layout_properties (layout, r->store, r->title);
  return check_cancelled (r, 0, error)
    && write_kinds_by_status (r, error) && check_cancelled (r, 1, error)
    && write_periods (r, error) && check_cancelled (r, 2, error)
    && write_provinces (r, error) && check_cancelled (r, 3, error)
    && write_communes (r, error) && check_cancelled (r, 4, error)
    && write_programmes (r, error) && check_cancelled (r, 5, error)
    && write_chart (r, error)
    && ipd_xlsx_layout_close (layout, error);
}

static char *
statistics_title (const IpdReportPeriod *period)
{
  g_autofree char *when = ipd_report_period_describe (period);

  /* Translators: the statistics report's title, upper case; %s is the
   * period, e.g. "QUARTER III OF 2026"; Vietnamese:
   * "BÁO CÁO THỐNG KÊ SỞ HỮU CÔNG NGHIỆP %s" */
  return g_strdup_printf (_("INDUSTRIAL PROPERTY STATISTICS, %s"), when);
}

gboolean
ipd_export_statistics (IpdStore *store, const IpdReportPeriod *period, const IpdQuery *filters,
                       const char *path, IpdExportProgress progress, gpointer user_data,
                       GCancellable *cancellable, GError **error)
{
  Report r = { .store = store, .period = period, .filters = filters, .progress = progress,
               .user_data = user_data, .cancellable = cancellable };
  gboolean ok;

  g_return_val_if_fail (IPD_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL && path != NULL, FALSE);
  r.title = statistics_title (period);
  r.today = ipd_date_today ();
  /* Translators: a worksheet's name, at most 31 characters; Vietnamese: "Theo loại và tình trạng" */
  r.kinds_sheet = g_strdup (_("By kind and status"));
  ok = ipd_export_write_file (path, write_workbook, &r, cancellable, error);
  report_clear (&r);
  if (ok && progress)
    progress (1.0, user_data);
  return ok;
}
