/* ipd-export.c — the register of applications (sổ theo dõi đơn) as .xlsx,
 * and the workbook every register shares
 *
 * The workbook is written next to the destination under a temporary name
 * and renamed at the end (ipd_file_replace()), so a cancelled or failed
 * export leaves nothing behind and never half-overwrites an earlier
 * register.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ipd-export-private.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <locale.h>

#include "ipd-date.h"
#include "ipd-error.h"

enum {
  COL_NUMBER, COL_REFERENCE, COL_KIND, COL_NAME, COL_APPLICANT, COL_ADDRESS, COL_PRODUCTS,
  COL_APP_NUMBER, COL_FILING_DATE, COL_STATUS, COL_EVENT, COL_EVENT_DATE,
  COL_DEADLINE, COL_DUE_DATE, COL_OFFICER, COL_NOTE,
  N_COLUMNS
};

#define PROGRESS_EVERY 512

static const IpdXlsxColumn columns[N_COLUMNS] = {
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

static const IpdXlsxGroup groups[] = {
  { COL_APP_NUMBER, COL_FILING_DATE, N_("Application") },
  { COL_EVENT, COL_EVENT_DATE, N_("Latest event") },
  { COL_DEADLINE, COL_DUE_DATE, N_("Next deadline") },
};

const char *
ipd_export_label (IpdVocabulary vocabulary, const char *code)
{
  return code ? ipd_vocabulary_label (vocabulary, code) : NULL;
}

/* FALSE (with the error) once the export is cancelled. */
gboolean
ipd_export_writer_begin_row (IpdExportWriter *w, GError **error)
{
  if (g_cancellable_set_error_if_cancelled (w->cancellable, error))
    return FALSE;
  worksheet_write_number (w->layout->sheet, w->row, 0, (double) (w->done + 1),
                          w->layout->cell_centre);
  return TRUE;
}

void
ipd_export_writer_end_row (IpdExportWriter *w)
{
  w->row++;
  w->done++;
  if (w->progress && w->done % PROGRESS_EVERY == 0 && w->total > 0)
    w->progress ((double) w->done / (double) w->total, w->user_data);
}

static gboolean
write_row (const IpdApplicationRow *r, gpointer data, GError **error)
{
  IpdExportWriter *w = data;
  IpdXlsxLayout *layout = w->layout;

  if (!ipd_export_writer_begin_row (w, error))
    return FALSE;
  ipd_xlsx_layout_text (layout, w->row, COL_REFERENCE, r->reference);
  ipd_xlsx_layout_text (layout, w->row, COL_KIND, ipd_export_label (IPD_VOCAB_KIND, r->kind));
  ipd_xlsx_layout_text (layout, w->row, COL_NAME, r->name);
  ipd_xlsx_layout_text (layout, w->row, COL_APPLICANT, r->applicant);
  ipd_xlsx_layout_text (layout, w->row, COL_ADDRESS, r->address);
  ipd_xlsx_layout_text (layout, w->row, COL_PRODUCTS, r->products);
  ipd_xlsx_layout_text (layout, w->row, COL_APP_NUMBER, r->app_number);
  ipd_xlsx_layout_date (layout, w->row, COL_FILING_DATE, r->filing_date);
  ipd_xlsx_layout_text (layout, w->row, COL_STATUS, ipd_export_label (IPD_VOCAB_STATUS, r->status));
  ipd_xlsx_layout_text (layout, w->row, COL_EVENT, ipd_export_label (IPD_VOCAB_EVENT_TYPE, r->event_type));
  ipd_xlsx_layout_date (layout, w->row, COL_EVENT_DATE, r->event_date);
  ipd_xlsx_layout_text (layout, w->row, COL_DEADLINE,
                        r->task_title ? g_dgettext (GETTEXT_PACKAGE, r->task_title) : NULL);
  ipd_xlsx_layout_date (layout, w->row, COL_DUE_DATE, r->task_due);
  ipd_xlsx_layout_text (layout, w->row, COL_OFFICER, r->officer);
  ipd_xlsx_layout_text (layout, w->row, COL_NOTE, r->note);
  ipd_export_writer_end_row (w);
  return TRUE;
}

static gboolean
write_rows (IpdStore *store, const IpdReportPeriod *period, const IpdQuery *filters,
            IpdExportWriter *w, GError **error)
{
  return ipd_store_foreach_application_row (store, period, filters, write_row, w, error);
}

/* Everything but the file's name: the workbook at @tmp_path. */
static gboolean
write_workbook (const IpdExportRegister *reg, IpdStore *store,
                const IpdReportPeriod *period, const IpdQuery *filters,
                const char *tmp_path, IpdExportWriter *w, GError **error)
{
  g_autofree char *title = reg->title (period);
  g_autofree char *today = ipd_date_today ();
  g_autoptr(IpdXlsxLayout) layout = NULL;
  lxw_col_t last = reg->n_columns - 1;

  if ((w->total = reg->count (store, period, filters, error)) < 0)
    return FALSE;
  layout = ipd_xlsx_layout_new (tmp_path, _(reg->sheet_name), reg->n_columns, error);
  if (layout == NULL)
    return FALSE;
  w->layout = layout;
  w->row = IPD_EXPORT_FIRST_ROW;
  ipd_xlsx_layout_properties (layout, store, title);
  ipd_xlsx_layout_heading (layout, store, title, period->to);
  ipd_xlsx_layout_table_header (layout, IPD_EXPORT_HEADER_FIRST, reg->columns,
                                reg->groups, reg->n_groups);
  if (w->progress)
    w->progress (0.0, w->user_data);
  if (!reg->rows (store, period, filters, w, error))
    return FALSE;
  if (w->done == 0)
    /* Translators: the only row of an empty register; Vietnamese: "Không có số liệu" */
    {
      worksheet_merge_range (layout->sheet, IPD_EXPORT_FIRST_ROW, 0, IPD_EXPORT_FIRST_ROW, last,
                             _("No data"), layout->cell_centre);
      w->row = IPD_EXPORT_FIRST_ROW + 1;
    }
  worksheet_freeze_panes (layout->sheet, IPD_EXPORT_FIRST_ROW, 0);
  worksheet_autofilter (layout->sheet, IPD_EXPORT_HEADER_LAST, 0, w->row - 1, last);
  ipd_xlsx_layout_print_setup (layout, IPD_EXPORT_HEADER_FIRST, IPD_EXPORT_HEADER_LAST);
  ipd_xlsx_layout_signature (layout, store, w->row + 1, today);
  return ipd_xlsx_layout_close (layout, error);
}

typedef struct {
  IpdFileWriteFunc write;
  gpointer         data;
} Writing;

/* Calls @writing's function with the "C" numeric locale on this thread
 * only, and puts the thread's locale back whatever it returns. Debian's
 * libxlsxwriter is built without its own number formatting
 * (USE_DTOA_LIBRARY) and writes doubles (column widths, row heights,
 * margins, numbers) with printf's "%g", which follows LC_NUMERIC: under
 * vi_VN it writes width="24,7", a file Excel and openpyxl refuse. The
 * programs keep the user's locale (ipd-i18n.c), and the window shows
 * "8,7 kB" on its main thread while a worker exports: so uselocale(),
 * never setlocale(). The other categories are copied from the thread's
 * locale — a "C" LC_MESSAGES would turn off the translations (gettext
 * ignores LANGUAGE under it), in English sheet names and headings. */
static gboolean
write_with_c_numbers (const char *tmp_path, gpointer data, GError **error)
{
  Writing *writing = data;
  locale_t current = duplocale (uselocale ((locale_t) 0));
  locale_t c_numbers = current ? newlocale (LC_NUMERIC_MASK, "C", current) : (locale_t) 0;
  locale_t previous;
  gboolean ok;

  if (c_numbers == (locale_t) 0)
    {
      int saved = errno;

      if (current)
        freelocale (current);
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_FAILED, g_strerror (saved));
      return FALSE;
    }
  previous = uselocale (c_numbers);
  ok = writing->write (tmp_path, writing->data, error);
  uselocale (previous);
  freelocale (c_numbers);
  return ok;
}

gboolean
ipd_export_write_file (const char *path, IpdFileWriteFunc write, gpointer data,
                       GCancellable *cancellable, GError **error)
{
  Writing writing = { write, data };

  return ipd_file_replace (path, write_with_c_numbers, &writing, cancellable, error);
}

typedef struct {
  const IpdExportRegister *reg;
  IpdStore                *store;
  const IpdReportPeriod   *period;
  const IpdQuery          *filters;
  IpdExportWriter         *writer;
} RegisterJob;

static gboolean
write_register (const char *tmp_path, gpointer data, GError **error)
{
  RegisterJob *job = data;

  return write_workbook (job->reg, job->store, job->period, job->filters, tmp_path,
                         job->writer, error);
}

gboolean
ipd_export_register (const IpdExportRegister *reg, IpdStore *store,
                     const IpdReportPeriod *period, const IpdQuery *filters, const char *path,
                     IpdExportProgress progress, gpointer user_data,
                     GCancellable *cancellable, GError **error)
{
  IpdExportWriter w = { .progress = progress, .user_data = user_data, .cancellable = cancellable };
  RegisterJob job = { reg, store, period, filters, &w };

  g_return_val_if_fail (IPD_IS_STORE (store), FALSE);
  g_return_val_if_fail (period != NULL && path != NULL, FALSE);
  if (!ipd_export_write_file (path, write_register, &job, cancellable, error))
    return FALSE;
  if (progress)
    progress (1.0, user_data);
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

static const IpdExportRegister applications = {
  /* Translators: a worksheet's name, at most 31 characters; Vietnamese: "Sổ theo dõi đơn" */
  N_("Applications"), register_title, columns, N_COLUMNS, groups, G_N_ELEMENTS (groups),
  ipd_store_count_application_rows, write_rows
};

gboolean
ipd_export_applications (IpdStore *store, const IpdReportPeriod *period,
                         const IpdQuery *filters, const char *path,
                         IpdExportProgress progress, gpointer user_data,
                         GCancellable *cancellable, GError **error)
{
  return ipd_export_register (&applications, store, period, filters, path, progress, user_data,
                              cancellable, error);
}
