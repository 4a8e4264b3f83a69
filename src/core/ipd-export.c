/* ipd-export.c — the register of applications (sổ theo dõi đơn) as .xlsx
 *
 * The workbook is written next to the destination under a temporary name
 * and renamed at the end, so a cancelled or failed export leaves nothing
 * behind and never half-overwrites an earlier register.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ipd-export.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "ipd-date.h"
#include "ipd-error.h"
#include "ipd-vocabulary.h"
#include "ipd-xlsx-layout.h"

enum {
  COL_NUMBER, COL_REFERENCE, COL_KIND, COL_NAME, COL_APPLICANT, COL_ADDRESS, COL_PRODUCTS,
  COL_APP_NUMBER, COL_FILING_DATE, COL_STATUS, COL_EVENT, COL_EVENT_DATE,
  COL_DEADLINE, COL_DUE_DATE, COL_OFFICER, COL_NOTE,
  N_COLUMNS
};

#define HEADER_FIRST IPD_XLSX_HEADING_ROWS
#define HEADER_LAST  (HEADER_FIRST + 1)
#define FIRST_ROW    (HEADER_LAST + 1)
#define PROGRESS_EVERY 512

typedef struct {
  const char *title;        /* English msgid */
  double      width;        /* in characters */
} Column;

/* Columns spanning both header rows have a NULL group; a group's title
 * is on the first row, over the sub-titles of its columns. */
static const Column columns[N_COLUMNS] = {
  /* Translators: "số thứ tự", the running number column of a register */
  { N_("No."), 5 },
  { N_("Reference"), 14 },
  { N_("Kind"), 14 },
  { N_("Name"), 22 },
  { N_("Applicant"), 26 },
  { N_("Address (commune, province)"), 22 },
  { N_("Products / Nice classes"), 30 },
  { N_("Number"), 15 },
  { N_("Filing date"), 11 },
  { N_("Current status"), 16 },
  { N_("Event"), 22 },
  { N_("Date"), 11 },
  { N_("Deadline"), 24 },
  { N_("Due date"), 11 },
  { N_("Officer"), 14 },
  { N_("Note"), 24 },
};

typedef struct {
  lxw_col_t   first, last;
  const char *title;
} Group;

static const Group groups[] = {
  { COL_APP_NUMBER, COL_FILING_DATE, N_("Application") },
  { COL_EVENT, COL_EVENT_DATE, N_("Latest event") },
  { COL_DEADLINE, COL_DUE_DATE, N_("Next deadline") },
};

static gboolean
in_group (lxw_col_t col)
{
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    if (col >= groups[i].first && col <= groups[i].last)
      return TRUE;
  return FALSE;
}

/* constant_memory flushes a row as soon as a later one is written, and a
 * vertical merge writes into the second row (platform.md): so first every
 * first-row value and horizontal merge, then the vertical merges, then
 * the second row. */
static void
write_header (IpdXlsxLayout *layout)
{
  for (lxw_col_t col = 0; col < N_COLUMNS; col++)
    {
      worksheet_set_column (layout->sheet, col, col, columns[col].width, NULL);
      if (!in_group (col))
        ipd_xlsx_layout_header_cell (layout, HEADER_FIRST, col, _(columns[col].title));
    }
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    worksheet_merge_range (layout->sheet, HEADER_FIRST, groups[i].first, HEADER_FIRST,
                           groups[i].last, _(groups[i].title), layout->header);
  for (lxw_col_t col = 0; col < N_COLUMNS; col++)
    if (!in_group (col))
      worksheet_merge_range (layout->sheet, HEADER_FIRST, col, HEADER_LAST, col,
                             _(columns[col].title), layout->header);
  for (lxw_col_t col = 0; col < N_COLUMNS; col++)
    if (in_group (col))
      ipd_xlsx_layout_header_cell (layout, HEADER_LAST, col, _(columns[col].title));
}

typedef struct {
  IpdXlsxLayout    *layout;
  lxw_row_t         row;
  gint64            done, total;
  IpdExportProgress progress;
  gpointer          user_data;
  GCancellable     *cancellable;
} Writer;

static const char *
label_or_empty (IpdVocabulary vocabulary, const char *code)
{
  return code ? ipd_vocabulary_label (vocabulary, code) : NULL;
}

static gboolean
write_row (const IpdApplicationRow *r, gpointer data, GError **error)
{
  Writer *w = data;
  IpdXlsxLayout *layout = w->layout;

  if (g_cancellable_set_error_if_cancelled (w->cancellable, error))
    return FALSE;
  worksheet_write_number (layout->sheet, w->row, COL_NUMBER, (double) (w->done + 1),
                          layout->cell_centre);
  ipd_xlsx_layout_text (layout, w->row, COL_REFERENCE, r->reference);
  ipd_xlsx_layout_text (layout, w->row, COL_KIND, label_or_empty (IPD_VOCAB_KIND, r->kind));
  ipd_xlsx_layout_text (layout, w->row, COL_NAME, r->name);
  ipd_xlsx_layout_text (layout, w->row, COL_APPLICANT, r->applicant);
  ipd_xlsx_layout_text (layout, w->row, COL_ADDRESS, r->address);
  ipd_xlsx_layout_text (layout, w->row, COL_PRODUCTS, r->products);
  ipd_xlsx_layout_text (layout, w->row, COL_APP_NUMBER, r->app_number);
  ipd_xlsx_layout_date (layout, w->row, COL_FILING_DATE, r->filing_date);
  ipd_xlsx_layout_text (layout, w->row, COL_STATUS, label_or_empty (IPD_VOCAB_STATUS, r->status));
  ipd_xlsx_layout_text (layout, w->row, COL_EVENT, label_or_empty (IPD_VOCAB_EVENT_TYPE, r->event_type));
  ipd_xlsx_layout_date (layout, w->row, COL_EVENT_DATE, r->event_date);
  ipd_xlsx_layout_text (layout, w->row, COL_DEADLINE,
                        r->task_title ? g_dgettext (GETTEXT_PACKAGE, r->task_title) : NULL);
  ipd_xlsx_layout_date (layout, w->row, COL_DUE_DATE, r->task_due);
  ipd_xlsx_layout_text (layout, w->row, COL_OFFICER, r->officer);
  ipd_xlsx_layout_text (layout, w->row, COL_NOTE, r->note);
  w->row++;
  w->done++;
  if (w->progress && w->done % PROGRESS_EVERY == 0 && w->total > 0)
    w->progress ((double) w->done / (double) w->total, w->user_data);
  return TRUE;
}

static char *
register_title (const IpdReportPeriod *period)
{
  g_autofree char *when = ipd_report_period_describe (period);

  /* Translators: a register's title, upper case; %s is the period,
   * e.g. "QUARTER III OF 2026"; Vietnamese:
   * "SỔ THEO DÕI ĐƠN ĐĂNG KÝ SỞ HỮU CÔNG NGHIỆP %s" */
  return g_strdup_printf (_("REGISTER OF INDUSTRIAL PROPERTY APPLICATIONS, %s"), when);
}

/* Everything but the file's name: the workbook at @tmp_path. */
static gboolean
write_workbook (IpdStore *store, const IpdReportPeriod *period, const IpdQuery *filters,
                const char *tmp_path, Writer *w, GError **error)
{
  g_autofree char *title = register_title (period);
  g_autofree char *today = ipd_date_today ();
  g_autoptr(IpdXlsxLayout) layout = NULL;

  if ((w->total = ipd_store_count_application_rows (store, period, filters, error)) < 0)
    return FALSE;
  /* Translators: a worksheet's name, at most 31 characters; Vietnamese: "Sổ theo dõi đơn" */
  layout = ipd_xlsx_layout_new (tmp_path, _("Applications"), N_COLUMNS, error);
  if (layout == NULL)
    return FALSE;
  w->layout = layout;
  w->row = FIRST_ROW;
  ipd_xlsx_layout_properties (layout, store, title);
  ipd_xlsx_layout_heading (layout, store, title, period->to);
  write_header (layout);
  if (w->progress)
    w->progress (0.0, w->user_data);
  if (!ipd_store_foreach_application_row (store, period, filters, write_row, w, error))
    return FALSE;
  if (w->done == 0)
    /* Translators: the only row of an empty register; Vietnamese: "Không có số liệu" */
    {
      worksheet_merge_range (layout->sheet, FIRST_ROW, 0, FIRST_ROW, N_COLUMNS - 1,
                             _("No data"), layout->cell_centre);
      w->row = FIRST_ROW + 1;
    }
  worksheet_freeze_panes (layout->sheet, FIRST_ROW, 0);
  worksheet_autofilter (layout->sheet, HEADER_LAST, 0, w->row - 1, N_COLUMNS - 1);
  ipd_xlsx_layout_print_setup (layout, HEADER_FIRST, HEADER_LAST);
  ipd_xlsx_layout_signature (layout, store, w->row + 1, today);
  return ipd_xlsx_layout_close (layout, error);
}

/* A new name next to @path. Not g_mkstemp(): its file would keep mode
 * 0600, where the register should get the usual permissions. */
static char *
temporary_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);

  for (;;)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());
      char *tmp = g_build_filename (dir, name, NULL);

      if (!g_file_test (tmp, G_FILE_TEST_EXISTS))
        return tmp;
      g_free (tmp);
    }
}

gboolean
ipd_export_applications (IpdStore *store, const IpdReportPeriod *period,
                         const IpdQuery *filters, const char *path,
                         IpdExportProgress progress, gpointer user_data,
                         GCancellable *cancellable, GError **error)
{
  Writer w = { .progress = progress, .user_data = user_data, .cancellable = cancellable };
  g_autofree char *tmp = NULL;

  g_return_val_if_fail (IPD_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL && path != NULL, FALSE);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  tmp = temporary_path (path);
  if (!write_workbook (store, period, filters, tmp, &w, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, IPD_ERROR, IPD_ERROR_IO, _("Could not write “%s”: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  if (progress)
    progress (1.0, user_data);
  return TRUE;
}
