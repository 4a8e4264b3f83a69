/* ipd-xlsx-layout.c — a worksheet laid out as a Vietnamese official document
 *
 * The conventions (domain.md): governing body over agency top left, the
 * national motto top right, a centred upper-case title, "Tính đến ngày …",
 * Times New Roman, dates dd/mm/yyyy, "NGƯỜI LẬP BIỂU" and "KT. GIÁM ĐỐC /
 * PHÓ GIÁM ĐỐC" under the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ipd-xlsx-layout.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ipd-date.h"
#include "ipd-error.h"

#define FONT "Times New Roman"
#define FONT_SIZE 12

static lxw_format *
new_format (lxw_workbook *workbook, gboolean bold, uint8_t align)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_font_name (format, FONT);
  format_set_font_size (format, FONT_SIZE);
  format_set_text_wrap (format);
  format_set_align (format, align);
  if (bold)
    format_set_bold (format);
  return format;
}

static lxw_format *
new_table_format (lxw_workbook *workbook, gboolean bold, uint8_t align, uint8_t valign)
{
  lxw_format *format = new_format (workbook, bold, align);

  format_set_align (format, valign);
  format_set_border (format, LXW_BORDER_THIN);
  return format;
}

static void
add_formats (IpdXlsxLayout *layout)
{
  lxw_workbook *wb = layout->workbook;

  layout->left = new_format (wb, FALSE, LXW_ALIGN_CENTER);
  layout->left_bold = new_format (wb, TRUE, LXW_ALIGN_CENTER);
  layout->centre = new_format (wb, FALSE, LXW_ALIGN_CENTER);
  layout->centre_bold = new_format (wb, TRUE, LXW_ALIGN_CENTER);
  layout->motto_bold = new_format (wb, TRUE, LXW_ALIGN_CENTER);
  format_set_underline (layout->motto_bold, LXW_UNDERLINE_SINGLE);
  layout->title = new_format (wb, TRUE, LXW_ALIGN_CENTER);
  format_set_font_size (layout->title, 14);
  layout->place = new_format (wb, FALSE, LXW_ALIGN_CENTER);
  format_set_italic (layout->place);
  layout->header = new_table_format (wb, TRUE, LXW_ALIGN_CENTER, LXW_ALIGN_VERTICAL_CENTER);
  layout->cell = new_table_format (wb, FALSE, LXW_ALIGN_LEFT, LXW_ALIGN_VERTICAL_TOP);
  layout->cell_centre = new_table_format (wb, FALSE, LXW_ALIGN_CENTER, LXW_ALIGN_VERTICAL_TOP);
  layout->cell_date = new_table_format (wb, FALSE, LXW_ALIGN_CENTER, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (layout->cell_date, "dd/mm/yyyy");
  /* the reader's locale shows the separators: "." in Vietnamese */
  layout->cell_number = new_table_format (wb, FALSE, LXW_ALIGN_RIGHT, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (layout->cell_number, "#,##0");
  layout->total = new_table_format (wb, TRUE, LXW_ALIGN_RIGHT, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (layout->total, "#,##0");
}

/* @err_no: errno just after the failure. libxlsxwriter's own texts are in
 * English only and, for a failed write, say no more than "ZIP_ERRNO";
 * the system's reason (a full disk…) is in errno then. */
static gboolean
set_lxw_error (GError **error, lxw_error rc, int err_no)
{
  if (err_no != 0 && (rc == LXW_ERROR_ZIP_FILE_OPERATION || rc == LXW_ERROR_CREATING_XLSX_FILE
                      || rc == LXW_ERROR_CREATING_TMPFILE || rc == LXW_ERROR_READING_TMPFILE))
    return ipd_set_error_from_errno (error, err_no);
  g_set_error_literal (error, IPD_ERROR, IPD_ERROR_IO, lxw_strerror (rc));
  return FALSE;
}

IpdXlsxLayout *
ipd_xlsx_layout_new (const char *path, const char *sheet_name, lxw_col_t n_columns,
                     GError **error)
{
  g_autoptr(IpdXlsxLayout) layout = g_new0 (IpdXlsxLayout, 1);
  /* the temporary files in the folder the user chose with $TMPDIR, which
   * the C library's tmpfile() would not look at */
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .use_zip64 = LXW_TRUE,
                                   .tmpdir = (char *) g_get_tmp_dir () };

  g_return_val_if_fail (n_columns >= 4, NULL);
  layout->n_columns = n_columns;
  layout->workbook = workbook_new_opt (path, &options);
  if (layout->workbook == NULL)
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_FAILED,
                           _("The spreadsheet library could not start a workbook"));
      return NULL;
    }
  layout->sheet = workbook_add_worksheet (layout->workbook, sheet_name);
  if (layout->sheet == NULL)
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_FAILED, "bad sheet name “%s”", sheet_name);
      return NULL;
    }
  add_formats (layout);
  return g_steal_pointer (&layout);
}

/* A further worksheet, which the layout's functions then write to. */
lxw_worksheet *
ipd_xlsx_layout_add_sheet (IpdXlsxLayout *layout, const char *sheet_name, lxw_col_t n_columns,
                           GError **error)
{
  lxw_worksheet *sheet;

  g_return_val_if_fail (n_columns >= 4, NULL);
  sheet = workbook_add_worksheet (layout->workbook, sheet_name);
  if (sheet == NULL)
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_FAILED, "bad sheet name “%s”", sheet_name);
      return NULL;
    }
  layout->sheet = sheet;
  layout->n_columns = n_columns;
  memset (layout->widths, 0, sizeof layout->widths);
  layout->tall_row = 0;
  layout->tall_lines = 1;
  return sheet;
}

/* Row heights. Excel and LibreOffice fit a row to its wrapped text only
 * when they compute the row themselves, which LibreOffice does not do on
 * opening a file: its rows stay one line high and the lines overlap (seen
 * in a PDF made with `soffice --convert-to pdf`). So each row gets the
 * height of its tallest cell, estimated from the characters and the
 * column's width (Times New Roman 12 fits about 0.85 characters per unit
 * of width, a unit being a digit of the default font). */
#define LINE_HEIGHT 15.75   /* points, Times New Roman 12 */
#define WRAP_SLACK 1.12     /* words do not fill a line to its end */

static guint
paragraph_lines (gsize chars, double per_line)
{
  return MAX (1, (guint) ceil (chars * WRAP_SLACK / per_line));
}

/* In one pass over the bytes, counting the characters of each paragraph
 * (the bytes that do not continue a UTF-8 sequence): a register of
 * 100 000 rows measures 1.6 million cells, and splitting each into copies
 * took a twentieth of its export. */
static guint
estimate_lines (const char *text, double width, gboolean bold)
{
  double per_line = MAX (1.0, (width - 0.8) * (bold ? 0.78 : 0.85));
  guint lines = 0;
  gsize chars = 0;

  if (width <= 0 || text == NULL)
    return 1;
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p == '\n')
        {
          lines += paragraph_lines (chars, per_line);
          chars = 0;
        }
      else if ((*p & 0xc0) != 0x80)
        chars++;
    }
  return lines + paragraph_lines (chars, per_line);
}

/* Makes @row at least @lines high. In constant_memory mode the row is
 * still open while its cells are written, so its height can grow. */
static void
fit_row (IpdXlsxLayout *layout, lxw_row_t row, guint lines)
{
  if (row != layout->tall_row)
    {
      layout->tall_row = row;
      layout->tall_lines = 1;
    }
  if (lines <= layout->tall_lines)
    return;
  layout->tall_lines = lines;
  worksheet_set_row (layout->sheet, row, lines * LINE_HEIGHT + 2, NULL);
}

static void
merge_row (IpdXlsxLayout *layout, lxw_row_t row, lxw_col_t first, lxw_col_t last,
           const char *text, lxw_format *format)
{
  worksheet_merge_range (layout->sheet, row, first, row, last, text ? text : "", format);
}

/* "ngày 30 tháng 9 năm 2026" wording, from an ISO date. Decree
 * 30/2020/NĐ-CP puts a zero before days under 10 and before months 1 and
 * 2 only ("ngày 05 tháng 02", "ngày 30 tháng 9"), so the translations of
 * the two contexts differ. */
static char *
cutoff_text (const char *iso)
{
  g_autoptr(GDate) date = ipd_date_to_gdate (iso);
  int day, month, year;

  if (date == NULL)
    return g_strdup ("");
  day = g_date_get_day (date), month = g_date_get_month (date), year = g_date_get_year (date);
  if (month <= 2)
    /* Translators: the cut-off date of a report in January or February: day,
     * month, year; Vietnamese: "Tính đến ngày %02d tháng %02d năm %d" */
    return g_strdup_printf (C_("months 1-2", "As of %02d/%02d/%d"), day, month, year);
  /* Translators: the cut-off date of a report in March to December: day,
   * month, year; Vietnamese (no zero before the month): "Tính đến ngày %02d tháng %d năm %d" */
  return g_strdup_printf (C_("months 3-12", "As of %02d/%02d/%d"), day, month, year);
}

/* The place-and-date line, with the zeros of cutoff_text (). */
static char *
place_and_date (const char *place, GDate *date)
{
  int day = g_date_get_day (date), month = g_date_get_month (date), year = g_date_get_year (date);

  if (month <= 2)
    /* Translators: place and date of an official document in January or
     * February: place, day, month, year; Vietnamese: "%s, ngày %02d tháng %02d năm %d" */
    return g_strdup_printf (C_("months 1-2", "%s, %02d/%02d/%d"), place, day, month, year);
  /* Translators: place and date of an official document in March to December:
   * place, day, month, year; Vietnamese (no zero before the month):
   * "%s, ngày %02d tháng %d năm %d" */
  return g_strdup_printf (C_("months 3-12", "%s, %02d/%02d/%d"), place, day, month, year);
}

/* Rows 0–5: agency and motto, a blank row, the title, the cut-off, a blank row. */
void
ipd_xlsx_layout_heading (IpdXlsxLayout *layout, IpdStore *store, const char *title,
                         const char *cutoff)
{
  g_autofree char *parent = ipd_store_dup_setting (store, IPD_SETTING_AGENCY_PARENT);
  g_autofree char *agency = ipd_store_dup_setting (store, IPD_SETTING_AGENCY_NAME);
  g_autofree char *cutoff_line = cutoff_text (cutoff);
  lxw_col_t last = layout->n_columns - 1;
  lxw_col_t left_end = MAX (2, last / 3);
  lxw_col_t right_start = last - MAX (3, last / 2 - 1);

  merge_row (layout, 0, 0, left_end, parent, layout->left);
  /* Translators: the national motto's first line on official documents */
  merge_row (layout, 0, right_start, last, _("SOCIALIST REPUBLIC OF VIETNAM"), layout->centre_bold);
  merge_row (layout, 1, 0, left_end, agency, layout->left_bold);
  /* Translators: the national motto's second line */
  merge_row (layout, 1, right_start, last, _("Independence - Freedom - Happiness"), layout->motto_bold);
  merge_row (layout, 3, 0, last, title, layout->title);
  merge_row (layout, 4, 0, last, cutoff_line, layout->place);
}

void
ipd_xlsx_layout_header_cell (IpdXlsxLayout *layout, lxw_row_t row, lxw_col_t col,
                             const char *text)
{
  worksheet_write_string (layout->sheet, row, col, text, layout->header);
}

static gboolean
in_group (lxw_col_t col, const IpdXlsxGroup *groups, guint n_groups)
{
  for (guint i = 0; i < n_groups; i++)
    if (col >= groups[i].first && col <= groups[i].last)
      return TRUE;
  return FALSE;
}

/* Two header rows from @row, with the column widths: a column outside
 * every group spans both rows; a group's title is on the first row, over
 * the sub-titles of its columns. constant_memory flushes a row as soon as
 * a later one is written, and a vertical merge writes into the second row
 * (platform.md): so first every first-row value and horizontal merge,
 * then the vertical merges, then the second row. */
/* The two header rows' heights in lines: a title over two rows shares them. */
static void
header_lines (IpdXlsxLayout *layout, const IpdXlsxColumn *columns, const IpdXlsxGroup *groups,
              guint n_groups, guint *first_out, guint *second_out)
{
  guint first = 1, second = 1;

  for (lxw_col_t col = 0; col < layout->n_columns; col++)
    {
      guint lines = estimate_lines (_(columns[col].title), columns[col].width, TRUE);

      if (in_group (col, groups, n_groups))
        second = MAX (second, lines);
      else
        first = MAX (first, (lines + 1) / 2), second = MAX (second, lines / 2);
    }
  for (guint i = 0; i < n_groups; i++)
    {
      double width = 0;

      for (lxw_col_t col = groups[i].first; col <= groups[i].last; col++)
        width += columns[col].width;
      first = MAX (first, estimate_lines (_(groups[i].title), width, TRUE));
    }
  *first_out = first;
  *second_out = second;
}

void
ipd_xlsx_layout_table_header (IpdXlsxLayout *layout, lxw_row_t row,
                              const IpdXlsxColumn *columns,
                              const IpdXlsxGroup *groups, guint n_groups)
{
  lxw_col_t n = layout->n_columns;
  guint first, second;

  g_return_if_fail (n <= IPD_XLSX_MAX_COLUMNS);
  /* constant_memory: a row's height is set while it is the row being
   * written; setting the next row's would close this one */
  header_lines (layout, columns, groups, n_groups, &first, &second);
  worksheet_set_row (layout->sheet, row, first * LINE_HEIGHT + 2, NULL);
  for (lxw_col_t col = 0; col < n; col++)
    {
      worksheet_set_column (layout->sheet, col, col, columns[col].width, NULL);
      layout->widths[col] = columns[col].width;
      if (!in_group (col, groups, n_groups))
        ipd_xlsx_layout_header_cell (layout, row, col, _(columns[col].title));
    }
  for (guint i = 0; i < n_groups; i++)
    worksheet_merge_range (layout->sheet, row, groups[i].first, row, groups[i].last,
                           _(groups[i].title), layout->header);
  for (lxw_col_t col = 0; col < n; col++)
    if (!in_group (col, groups, n_groups))
      worksheet_merge_range (layout->sheet, row, col, row + 1, col,
                             _(columns[col].title), layout->header);
  worksheet_set_row (layout->sheet, row + 1, second * LINE_HEIGHT + 2, NULL);
  for (lxw_col_t col = 0; col < n; col++)
    if (in_group (col, groups, n_groups))
      ipd_xlsx_layout_header_cell (layout, row + 1, col, _(columns[col].title));
}

void
ipd_xlsx_layout_text (IpdXlsxLayout *layout, lxw_row_t row, lxw_col_t col, const char *text)
{
  if (text && *text)
    {
      worksheet_write_string (layout->sheet, row, col, text, layout->cell);
      fit_row (layout, row, col < IPD_XLSX_MAX_COLUMNS ? estimate_lines (text, layout->widths[col], FALSE) : 1);
    }
  else
    worksheet_write_blank (layout->sheet, row, col, layout->cell);
}

/* @n digits of @text as a number; -1 if they are not all digits. */
static int
parse_digits (const char *text, int n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

/* A real date cell shown dd/mm/yyyy; a bordered blank without a date.
 * Called three times a row of a register: parsed in place, with no
 * GDate (a sscanf() and an allocation each) to make and free. */
void
ipd_xlsx_layout_date (IpdXlsxLayout *layout, lxw_row_t row, lxw_col_t col, const char *iso)
{
  lxw_datetime value = { 0 };

  if (iso != NULL && strlen (iso) == 10 && iso[4] == '-' && iso[7] == '-')
    {
      value.year = parse_digits (iso, 4);
      value.month = parse_digits (iso + 5, 2);
      value.day = parse_digits (iso + 8, 2);
    }
  if (value.year < 1 || value.month < 1 || value.day < 1
      || !g_date_valid_dmy (value.day, value.month, value.year))
    {
      worksheet_write_blank (layout->sheet, row, col, layout->cell_date);
      return;
    }
  worksheet_write_datetime (layout->sheet, row, col, &value, layout->cell_date);
}

/* From @row: the place-and-date line, then who drew up the register and
 * who signs for the director, right-hand side under the table. */
void
ipd_xlsx_layout_signature (IpdXlsxLayout *layout, IpdStore *store, lxw_row_t row,
                           const char *today)
{
  g_autofree char *place = ipd_store_dup_setting (store, IPD_SETTING_AGENCY_PLACE);
  g_autoptr(GDate) date = ipd_date_to_gdate (today);
  g_autofree char *line = NULL;
  lxw_col_t last = layout->n_columns - 1;
  lxw_col_t left_end = MAX (2, last / 3);
  lxw_col_t right_start = last - MAX (3, last / 2 - 1);

  line = place_and_date (place && *place ? place : "……", date);
  merge_row (layout, row, right_start, last, line, layout->place);
  /* Translators: the person who drew up a register, above their signature */
  merge_row (layout, row + 1, 0, left_end, _("PREPARED BY"), layout->centre_bold);
  /* Translators: signing on behalf of the director */
  merge_row (layout, row + 1, right_start, last, _("P.P. DIRECTOR"), layout->centre_bold);
  /* Translators: the deputy director who signs */
  merge_row (layout, row + 2, right_start, last, _("DEPUTY DIRECTOR"), layout->centre_bold);
}

/* A4 landscape, one page wide, the header rows on every page, "Trang X/Y". */
void
ipd_xlsx_layout_print_setup (IpdXlsxLayout *layout, lxw_row_t header_first,
                             lxw_row_t header_last)
{
  g_autofree char *footer = NULL;

  worksheet_set_landscape (layout->sheet);
  worksheet_set_paper (layout->sheet, 9);   /* A4 */
  worksheet_set_margins (layout->sheet, 0.4, 0.4, 0.6, 0.6);
  worksheet_center_horizontally (layout->sheet);
  worksheet_fit_to_pages (layout->sheet, 1, 0);
  worksheet_repeat_rows (layout->sheet, header_first, header_last);
  /* Translators: the page footer; &P is the page, &N the number of pages */
  footer = g_strdup_printf ("&C%s", _("Page &P/&N"));
  worksheet_set_footer (layout->sheet, footer);
}

void
ipd_xlsx_layout_properties (IpdXlsxLayout *layout, IpdStore *store, const char *title)
{
  g_autofree char *agency = ipd_store_dup_setting (store, IPD_SETTING_AGENCY_NAME);
  lxw_doc_properties properties = { 0 };

  properties.title = (char *) title;
  properties.author = (char *) g_get_real_name ();
  properties.company = agency ? agency : (char *) "";
  /* Translators: the program, named in the document properties */
  properties.comments = (char *) _("Written by IP Dossiers");
  workbook_set_properties (layout->workbook, &properties);
}

/* Room the temporary folder keeps beyond the copy of a sheet's rows: the
 * last row, which libxlsxwriter writes when closing, the XML around the
 * rows and the workbook's other parts. */
#define TEMPORARY_MARGIN (1024 * 1024)

static gboolean
temporary_free_space (guint64 *free_bytes)
{
  g_autoptr(GFile) folder = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = g_file_query_filesystem_info (folder, G_FILE_ATTRIBUTE_FILESYSTEM_FREE,
                                                             NULL, &error);

  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE))
    {
      g_debug ("The free space of %s is not known: %s", g_get_tmp_dir (),
               error ? error->message : "no such attribute");
      return FALSE;
    }
  *free_bytes = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE);
  return TRUE;
}

static gboolean
set_temporary_full_error (GError **error, guint64 free_bytes, guint64 needed)
{
  g_autofree char *free_text = g_format_size (free_bytes);
  g_autofree char *needed_text = g_format_size (needed);

  g_set_error (error, IPD_ERROR, IPD_ERROR_NO_SPACE,
               /* Translators: a folder, its free space, then the space the export needs there */
               _("The temporary folder “%s” has %s free, and the spreadsheet needs %s there"),
               g_get_tmp_dir (), free_text, needed_text);
  return FALSE;
}

/* A write into a sheet's rows failed: @err_no is its errno, or 0 when
 * it failed earlier, unseen. */
static gboolean
set_temporary_write_error (GError **error, int err_no)
{
  guint64 free_bytes;

  if (ipd_error_from_errno (err_no) == IPD_ERROR_NO_SPACE
      || (err_no == 0 && temporary_free_space (&free_bytes) && free_bytes < TEMPORARY_MARGIN))
    g_set_error (error, IPD_ERROR, IPD_ERROR_NO_SPACE,
                 /* Translators: a folder */
                 _("The temporary folder “%s” is full"), g_get_tmp_dir ());
  else if (err_no != 0)
    g_set_error (error, IPD_ERROR, ipd_error_from_errno (err_no),
                 /* Translators: a folder, then the system's reason */
                 _("A temporary file in “%s” could not be written: %s"), g_get_tmp_dir (),
                 g_strerror (err_no));
  else
    g_set_error (error, IPD_ERROR, IPD_ERROR_IO,
                 /* Translators: a folder */
                 _("A temporary file in “%s” could not be written"), g_get_tmp_dir ());
  return FALSE;
}

/* libxlsxwriter ignores the errors of its temporary files: a
 * constant_memory sheet's rows go to one as they are written, and when
 * closing they are copied into a second, the sheet's XML, which is then
 * compressed into the workbook. A temporary folder that fills up gave a
 * workbook cut short, reported as written (seen with a small tmpfs). So
 * before closing: every sheet's rows must have been written whole, and
 * the folder must have room for the largest sheet's copy. */
static gboolean
check_temporary_files (IpdXlsxLayout *layout, GError **error)
{
  lxw_worksheet *sheet;
  guint64 largest = 0, free_bytes;

  STAILQ_FOREACH (sheet, layout->workbook->worksheets, list_pointers)
    {
      FILE *rows = sheet->optimize_tmpfile;
      off_t size;

      if (rows == NULL)
        continue;
      if (fflush (rows) != 0)
        return set_temporary_write_error (error, errno);
      if (ferror (rows) || (size = ftello (rows)) < 0)
        return set_temporary_write_error (error, 0);
      largest = MAX (largest, (guint64) size);
    }
  if (temporary_free_space (&free_bytes) && free_bytes < largest + TEMPORARY_MARGIN)
    return set_temporary_full_error (error, free_bytes, largest + TEMPORARY_MARGIN);
  return TRUE;
}

/* Writes the file. FALSE with the error: the workbook is then closed by
 * ipd_xlsx_layout_free() if the check of its temporary files failed, and
 * the caller deletes the file either way. */
gboolean
ipd_xlsx_layout_close (IpdXlsxLayout *layout, GError **error)
{
  lxw_error rc;

  if (!check_temporary_files (layout, error))
    return FALSE;
  errno = 0;
  rc = workbook_close (g_steal_pointer (&layout->workbook));
  if (rc != LXW_NO_ERROR)
    return set_lxw_error (error, rc, errno);
  return TRUE;
}

void
ipd_xlsx_layout_free (IpdXlsxLayout *layout)
{
  if (layout == NULL)
    return;
  if (layout->workbook)
    {
      /* an abandoned export: the caller deletes the file written here */
      workbook_close (layout->workbook);
    }
  g_free (layout);
}
