/* ipd-export-titles.c — the register of protection titles (sổ theo dõi
 * văn bằng bảo hộ) as .xlsx: the titles in force at the period's end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ipd-export-private.h"

#include <glib/gi18n-lib.h>

enum {
  COL_NUMBER, COL_CERTIFICATE, COL_GRANT_DATE, COL_EXPIRY, COL_OWNER, COL_KIND, COL_NAME,
  COL_PRODUCTS, COL_RENEWALS, COL_NOTE,
  N_COLUMNS
};

static const IpdXlsxColumn columns[N_COLUMNS] = {
  { N_("No."), 5 },
  { N_("Number"), 14 },
  { N_("Grant date"), 11 },
  { N_("Expiry date"), 13 },
  { N_("Owner"), 30 },
  { N_("Kind"), 16 },
  { N_("Name"), 24 },
  { N_("Products / Nice classes"), 34 },
  /* Translators: the number of times a title was renewed; Vietnamese: "Số lần gia hạn" */
  { N_("Renewals"), 10 },
  { N_("Note"), 24 },
};

static const IpdXlsxGroup groups[] = {
  { COL_CERTIFICATE, COL_EXPIRY, N_("Certificate") },
};

/* The expiry of a title without a term, e.g. a geographical indication. */
static void
write_expiry (IpdXlsxLayout *layout, lxw_row_t row, const IpdTitleRow *r)
{
  if (r->indefinite)
    /* Translators: a title that never expires; Vietnamese (Law on IP, Art. 93(7)): "Vô thời hạn" */
    worksheet_write_string (layout->sheet, row, COL_EXPIRY, _("Indefinite"), layout->cell_centre);
  else
    ipd_xlsx_layout_date (layout, row, COL_EXPIRY, r->expiry_date);
}

static gboolean
write_row (const IpdTitleRow *r, gpointer data, GError **error)
{
  IpdExportWriter *w = data;
  IpdXlsxLayout *layout = w->layout;

  if (!ipd_export_writer_begin_row (w, error))
    return FALSE;
  ipd_xlsx_layout_text (layout, w->row, COL_CERTIFICATE, r->certificate_number);
  ipd_xlsx_layout_date (layout, w->row, COL_GRANT_DATE, r->grant_date);
  write_expiry (layout, w->row, r);
  ipd_xlsx_layout_text (layout, w->row, COL_OWNER, r->owner);
  ipd_xlsx_layout_text (layout, w->row, COL_KIND, ipd_export_label (IPD_VOCAB_KIND, r->kind));
  ipd_xlsx_layout_text (layout, w->row, COL_NAME, r->name);
  ipd_xlsx_layout_text (layout, w->row, COL_PRODUCTS, r->products);
  worksheet_write_number (layout->sheet, w->row, COL_RENEWALS, (double) r->renewals,
                          layout->cell_centre);
  ipd_xlsx_layout_text (layout, w->row, COL_NOTE, r->note);
  ipd_export_writer_end_row (w);
  return TRUE;
}

static gboolean
write_rows (IpdStore *store, const IpdReportPeriod *period, const IpdQuery *filters,
            IpdExportWriter *w, GError **error)
{
  return ipd_store_foreach_title_row (store, period, filters, write_row, w, error);
}

static char *
register_title (const IpdReportPeriod *period)
{
  g_autofree char *when = ipd_report_period_describe (period);

  /* Translators: a register's title, upper case; %s is the period,
   * e.g. "QUARTER III OF 2026"; Vietnamese:
   * "SỔ THEO DÕI VĂN BẰNG BẢO HỘ SỞ HỮU CÔNG NGHIỆP %s" */
  return g_strdup_printf (_("REGISTER OF INDUSTRIAL PROPERTY TITLES, %s"), when);
}

static const IpdExportRegister titles = {
  /* Translators: a worksheet's name, at most 31 characters; Vietnamese: "Sổ văn bằng" */
  N_("Titles"), register_title, columns, N_COLUMNS, groups, G_N_ELEMENTS (groups),
  ipd_store_count_title_rows, write_rows
};

gboolean
ipd_export_titles (IpdStore *store, const IpdReportPeriod *period, const IpdQuery *filters,
                   const char *path, IpdExportProgress progress, gpointer user_data,
                   GCancellable *cancellable, GError **error)
{
  return ipd_export_register (&titles, store, period, filters, path, progress, user_data,
                              cancellable, error);
}
