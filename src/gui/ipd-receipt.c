/* ipd-receipt.c — the receipt an officer hands over with a dossier
 *
 * One page, laid out for A4 portrait in points and scaled to the paper:
 * the agency and the national motto as on the department's documents,
 * the title, what identifies the dossier, the next steps with the dates
 * the deadline engine gives, the lookup code as text and as a QR code,
 * and room for two signatures. Text goes through Pango, so that the
 * Vietnamese names keep their diacritics whatever the font.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-receipt"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include "ipd-date.h"
#include "ipd-error.h"
#include "ipd-lookup-code.h"
#include "ipd-receipt.h"
#include "ipd-settings.h"
#include "ipd-vocabulary.h"

/* The steps a page has room for; a dossier seldom has more open at once. */
#define MAX_STEPS 6

/* The white border a QR code needs around it to be read, in modules. */
#define QUIET_ZONE 4

/* The layout's page: A4 portrait, in points. */
#define A4_WIDTH  595.276
#define A4_HEIGHT 841.890
#define MM        (72.0 / 25.4)
#define TOP_MARGIN    (18 * MM)
#define BOTTOM_MARGIN (15 * MM)

/* Official documents are set in Times New Roman; the others are the
 * same design under other names, then whatever serif is installed. */
#define SERIF "Times New Roman, Liberation Serif, Tinos, Nimbus Roman, DejaVu Serif, serif"
#define MONO  "DejaVu Sans Mono, Liberation Mono, Nimbus Mono PS, monospace"

/* Gathering -------------------------------------------------------------------------- */

static void
step_free (IpdReceiptStep *step)
{
  g_free (step->due_date);
  g_free (step->title);
  g_free (step);
}

void
ipd_receipt_free (IpdReceipt *receipt)
{
  if (receipt == NULL)
    return;
  g_free (receipt->agency_parent);
  g_free (receipt->agency_name);
  g_free (receipt->place);
  g_free (receipt->printed_on);
  g_free (receipt->reference);
  g_free (receipt->name);
  g_free (receipt->kind);
  g_free (receipt->applicant);
  g_free (receipt->app_number);
  g_free (receipt->received);
  g_free (receipt->officer);
  g_clear_pointer (&receipt->steps, g_ptr_array_unref);
  g_free (receipt->code);
  g_free (receipt);
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* The day the dossier was recorded in the register, in the office's time
 * zone: the day the agency received it from the applicant. The filing
 * date is another day (the IP Office's, often weeks later, often unknown
 * when the receipt is printed). */
static char *
received_date (const IpdDossier *dossier)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  g_autoptr(GDate) date = NULL;

  if (dossier->created_at == NULL)
    return NULL;
  utc = g_date_time_new_from_iso8601 (dossier->created_at, NULL);
  if (utc != NULL && (local = g_date_time_to_local (utc)) != NULL)
    return g_date_time_format (local, "%d/%m/%Y");
  /* a timestamp without its zone: its day as written */
  day = g_strndup (dossier->created_at, 10);
  date = ipd_date_to_gdate (day);
  return date != NULL ? ipd_date_format (day) : NULL;
}

/* The open deadlines, by due date, but not the opportunities (the
 * applicant's own choice, such as filing abroad): what happens next. */
static GPtrArray *
next_steps (GPtrArray *tasks, guint *more)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);

  *more = 0;
  for (guint i = 0; i < tasks->len; i++)
    {
      IpdTask *task = g_ptr_array_index (tasks, i);
      IpdReceiptStep *step;

      if (task->state != IPD_TASK_OPEN || g_strcmp0 (task->role, "opportunity") == 0)
        continue;
      if (steps->len == MAX_STEPS)
        {
          (*more)++;
          continue;
        }
      step = g_new0 (IpdReceiptStep, 1);
      step->due_date = ipd_date_format (task->due_date);
      step->title = g_strdup (g_dgettext (GETTEXT_PACKAGE, task->title));
      g_ptr_array_add (steps, step);
    }
  return steps;
}

/**
 * ipd_receipt_load:
 * @issued: (out) (optional): set to whether a lookup code was issued
 *
 * Gathers the receipt of a dossier. A dossier without a lookup code gets
 * one (after everything else was read, so that a failure issues none).
 *
 * Returns: (transfer full): the receipt, or %NULL with @error set
 */
IpdReceipt *
ipd_receipt_load (IpdStore *store, gint64 dossier_id, gboolean *issued, GError **error)
{
  g_autoptr(IpdDossier) dossier = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(IpdReceipt) receipt = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (IPD_IS_STORE (store), NULL);

  if (issued != NULL)
    *issued = FALSE;
  if ((dossier = ipd_store_load_dossier (store, dossier_id, error)) == NULL)
    return NULL;
  if (dossier->deleted_at != NULL)
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_INVALID,
                           _("The dossier is in the trash: restore it before printing its receipt."));
      return NULL;
    }
  if ((tasks = ipd_store_list_tasks (store, dossier_id, error)) == NULL)
    return NULL;

  receipt = g_new0 (IpdReceipt, 1);
  receipt->code = ipd_store_dup_lookup_code (store, dossier_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  receipt->agency_parent = ipd_store_dup_setting (store, IPD_SETTING_AGENCY_PARENT);
  receipt->agency_name = ipd_store_dup_setting (store, IPD_SETTING_AGENCY_NAME);
  receipt->place = ipd_store_dup_setting (store, IPD_SETTING_AGENCY_PLACE);
  receipt->printed_on = ipd_date_today ();
  receipt->reference = g_strdup (dossier->reference);
  receipt->name = g_strdup (dossier->name);
  receipt->kind = g_strdup (ipd_vocabulary_label (IPD_VOCAB_KIND, dossier->kind));
  receipt->applicant = dup_nonempty (ipd_dossier_first_party_name (dossier, IPD_ROLE_APPLICANT));
  receipt->app_number = dup_nonempty (dossier->app_number);
  receipt->received = received_date (dossier);
  /* the officer following the dossier, else the one printing */
  receipt->officer = dossier->officer && *dossier->officer ? g_strdup (dossier->officer)
                                                           : ipd_settings_dup_officer_name ();
  receipt->steps = next_steps (tasks, &receipt->more_steps);

  if (receipt->code == NULL)
    {
      if ((receipt->code = ipd_store_issue_lookup_code (store, dossier_id, error)) == NULL)
        return NULL;
      if (issued != NULL)
        *issued = TRUE;
    }
  return g_steal_pointer (&receipt);
}

/* A file name to offer when saving the receipt. */
char *
ipd_receipt_file_name (const char *reference)
{
  g_return_val_if_fail (reference != NULL, NULL);
  /* Translators: the file name offered for a saved receipt; %s is the
   * dossier's reference. Vietnamese: "bien-nhan-%s.pdf" */
  return g_strdup_printf (_("receipt-%s.pdf"), reference);
}

/* Drawing ---------------------------------------------------------------------------- */

typedef struct {
  cairo_t      *cr;
  PangoContext *context;
  double        unit;    /* a point of the A4 layout, on this paper */
  double        left;    /* the text column */
  double        width;
  double        y;       /* where the next block starts */
} Page;

typedef struct {
  const char  *family;
  double       size;     /* points of the A4 layout */
  PangoWeight  weight;
  PangoStyle   style;
} Font;

static const Font body = { SERIF, 13, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL };
static const Font body_bold = { SERIF, 13, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL };
static const Font header = { SERIF, 12, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL };
static const Font header_bold = { SERIF, 12, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL };
static const Font motto = { SERIF, 13, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL };
static const Font place_date = { SERIF, 13, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC };
static const Font title = { SERIF, 16, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL };
static const Font note = { SERIF, 11.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC };
static const Font small = { SERIF, 11.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL };
static const Font code_font = { MONO, 28, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL };

/* @text in @font, wrapped at @width (A4 points; 0: not wrapped), at most
 * @max_lines lines (0: any). */
static PangoLayout *
text (Page *page, const char *string, const Font *font, double width, PangoAlignment alignment, int max_lines)
{
  PangoLayout *layout = pango_layout_new (page->context);
  PangoFontDescription *description = pango_font_description_new ();

  pango_font_description_set_family (description, font->family);
  pango_font_description_set_absolute_size (description, font->size * page->unit * PANGO_SCALE);
  pango_font_description_set_weight (description, font->weight);
  pango_font_description_set_style (description, font->style);
  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * page->unit * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, string ? string : "", -1);
  return layout;
}

/* The layout's size, in A4 points. */
static double
layout_height (Page *page, PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE / page->unit;
}

static double
layout_width (Page *page, PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE / page->unit;
}

/* Draws @layout with its top left at (@x, @y) of the text column, in A4
 * points; returns its height. */
static double
show (Page *page, PangoLayout *layout, double x, double y)
{
  cairo_move_to (page->cr, (page->left + x) * page->unit, y * page->unit);
  pango_cairo_show_layout (page->cr, layout);
  return layout_height (page, layout);
}

/* Draws @string on its own at the page's pen, which moves below it. */
static void
show_line (Page *page, const char *string, const Font *font, PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = text (page, string, font, page->width, alignment, 0);

  page->y += show (page, layout, 0, page->y);
}

static void
rule (Page *page, double x, double y, double width)
{
  cairo_set_line_width (page->cr, 0.7 * page->unit);
  cairo_move_to (page->cr, (page->left + x) * page->unit, y * page->unit);
  cairo_line_to (page->cr, (page->left + x + width) * page->unit, y * page->unit);
  cairo_stroke (page->cr);
}

/* @string centred in @width, its font made smaller (by a quarter at
 * most) when that keeps it on one line: the motto and the agency's name
 * stay whole lines in a wide font too. */
static PangoLayout *
fitted_text (Page *page, const char *string, const Font *font, double width)
{
  g_autoptr(PangoLayout) one_line = text (page, string, font, 0, PANGO_ALIGN_CENTER, 0);
  double natural = layout_width (page, one_line);
  Font smaller = *font;

  if (natural > width && natural * 0.75 <= width)
    smaller.size = font->size * width / natural * 0.99;
  return text (page, string, &smaller, width, PANGO_ALIGN_CENTER, 0);
}

/* The width of @layout's last line, in A4 points. */
static double
last_line_width (Page *page, PangoLayout *layout)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, pango_layout_get_line_count (layout) - 1);
  PangoRectangle logical;

  pango_layout_line_get_extents (line, NULL, &logical);
  return (double) logical.width / PANGO_SCALE / page->unit;
}

/* Lines centred in a column from the pen down, a rule under the last,
 * @underline wide (0: as wide as its text); returns their height. */
static double
centred_lines (Page *page, const char *const *lines, const Font *const *fonts, guint n,
               double x, double width, double underline)
{
  double y = page->y;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double line_width;

      if (lines[i] == NULL || *lines[i] == '\0')
        continue;
      layout = fitted_text (page, lines[i], fonts[i], width);
      y += show (page, layout, x, y);
      if (i < n - 1)
        continue;
      line_width = underline > 0 ? underline : MIN (last_line_width (page, layout), width);
      rule (page, x + (width - line_width) / 2, y + 3, line_width);
      y += 5;
    }
  return y - page->y;
}

/* The place-and-date line, with the same messages (and so the same
 * translations) as the registers' (ipd-xlsx-layout.c). */
static char *
place_and_date (const char *place, const char *iso)
{
  g_autoptr(GDate) date = ipd_date_to_gdate (iso);
  int day = g_date_get_day (date), month = g_date_get_month (date), year = g_date_get_year (date);

  if (place == NULL || *place == '\0')
    place = "……";
  if (month <= 2)
    /* Translators: place and date of an official document in January or
     * February: place, day, month, year; Vietnamese: "%s, ngày %02d tháng %02d năm %d" */
    return g_strdup_printf (C_("months 1-2", "%s, %02d/%02d/%d"), place, day, month, year);
  /* Translators: place and date of an official document in March to December:
   * place, day, month, year; Vietnamese (no zero before the month):
   * "%s, ngày %02d tháng %d năm %d" */
  return g_strdup_printf (C_("months 3-12", "%s, %02d/%02d/%d"), place, day, month, year);
}

/* The agency on the left, the national motto and the date on the right. */
static void
draw_heading (Page *page, const IpdReceipt *receipt)
{
  /* the two columns as the department's documents have them, a gutter between */
  double left_width = page->width * 0.40, right_x = page->width * 0.43, right_width = page->width - right_x;
  const char *agency[] = { receipt->agency_parent, receipt->agency_name };
  const Font *agency_fonts[] = { &header, &header_bold };
  /* Translators: the national motto's first line on official documents */
  const char *motto_lines[] = { _("SOCIALIST REPUBLIC OF VIETNAM"),
                                /* Translators: the national motto's second line */
                                _("Independence - Freedom - Happiness") };
  const Font *motto_fonts[] = { &header_bold, &motto };
  g_autofree char *dated = place_and_date (receipt->place, receipt->printed_on);
  g_autoptr(PangoLayout) date_layout = text (page, dated, &place_date, right_width, PANGO_ALIGN_CENTER, 0);
  double left_height = 0, right_height;

  if ((agency[0] && *agency[0]) || (agency[1] && *agency[1]))
    left_height = centred_lines (page, agency, agency_fonts, 2, 0, left_width, left_width * 0.35);
  right_height = centred_lines (page, motto_lines, motto_fonts, 2, right_x, right_width, 0);
  right_height += 8 + show (page, date_layout, right_x, page->y + right_height + 8);
  page->y += MAX (left_height, right_height) + 30;
}

static void
draw_title (Page *page)
{
  /* Translators: the title of the receipt given for a dossier; Vietnamese "GIẤY BIÊN NHẬN HỒ SƠ" */
  show_line (page, _("DOSSIER RECEIPT"), &title, PANGO_ALIGN_CENTER);
  page->y += 20;
}

/* What identifies the dossier: labels and values side by side, the
 * values in one column. */
static void
draw_fields (Page *page, const IpdReceipt *receipt)
{
  struct {
    const char *label;
    const char *value;
    gboolean    strong;
  } fields[] = {
    { _("Reference"), receipt->reference, TRUE },
    { _("Name"), receipt->name, TRUE },
    { _("Kind"), receipt->kind, FALSE },
    { _("Applicant"), receipt->applicant ? receipt->applicant : "—", FALSE },
    { _("Application number"), receipt->app_number, FALSE },
    /* Translators: on the receipt, the day the agency received the dossier */
    { _("Date received"), receipt->received, FALSE },
    { _("Officer"), receipt->officer, FALSE },
  };
  double label_width = 0, value_x;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *label = g_strdup_printf ("%s:", fields[i].label);
      g_autoptr(PangoLayout) layout = text (page, label, &body, 0, PANGO_ALIGN_LEFT, 0);

      label_width = MAX (label_width, layout_width (page, layout));
    }
  value_x = MIN (label_width + 12, page->width * 0.4);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(PangoLayout) label_layout = NULL;
      g_autoptr(PangoLayout) value_layout = NULL;
      double height;

      if (fields[i].value == NULL || *fields[i].value == '\0')
        continue;
      label = g_strdup_printf ("%s:", fields[i].label);
      label_layout = text (page, label, &body, value_x - 8, PANGO_ALIGN_LEFT, 2);
      value_layout = text (page, fields[i].value, fields[i].strong ? &body_bold : &body,
                           page->width - value_x, PANGO_ALIGN_LEFT, 3);
      height = show (page, label_layout, 0, page->y);
      height = MAX (height, show (page, value_layout, value_x, page->y));
      page->y += height + 5;
    }
}

static void
draw_steps (Page *page, const IpdReceipt *receipt)
{
  g_autoptr(PangoLayout) sample = text (page, "00/00/0000", &body, 0, PANGO_ALIGN_LEFT, 0);
  double title_x = layout_width (page, sample) + 16;

  page->y += 14;
  /* Translators: a heading of the receipt, over the deadlines to come */
  show_line (page, _("Expected next steps"), &body_bold, PANGO_ALIGN_LEFT);
  page->y += 4;
  if (receipt->steps->len == 0)
    /* Translators: on the receipt, when the dossier has no deadline open */
    show_line (page, _("No step is scheduled at present."), &note, PANGO_ALIGN_LEFT);
  for (guint i = 0; i < receipt->steps->len; i++)
    {
      IpdReceiptStep *step = g_ptr_array_index (receipt->steps, i);
      g_autoptr(PangoLayout) date = text (page, step->due_date, &body, 0, PANGO_ALIGN_LEFT, 0);
      g_autoptr(PangoLayout) what = text (page, step->title, &body, page->width - title_x, PANGO_ALIGN_LEFT, 2);
      double height;

      height = show (page, date, 0, page->y);
      height = MAX (height, show (page, what, title_x, page->y));
      page->y += height + 3;
    }
  if (receipt->more_steps > 0)
    {
      /* Translators: on the receipt, after the next steps it lists */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more step",
                                                            "and %u more steps", receipt->more_steps),
                                               receipt->more_steps);
      show_line (page, more, &note, PANGO_ALIGN_LEFT);
    }
  page->y += 4;
  /* Translators: on the receipt, under the next steps and their dates */
  show_line (page, _("The dates are the time limits set by law; they change as the procedure goes on."),
             &note, PANGO_ALIGN_LEFT);
}

/* @code as a QR code of @size A4 points with its top left at (@x, @y),
 * quiet zone included: the dark modules of a row are drawn as runs, so
 * that a rasteriser leaves no seams between them. */
static void
draw_qr_code (Page *page, const char *code, double x, double y, double size)
{
  QRcode *qr = QRcode_encodeString (code, 0, QR_ECLEVEL_M, QR_MODE_8, TRUE);
  double module;
  int n;

  if (qr == NULL)
    {
      /* only for a code far longer than ours, or out of memory */
      g_warning ("The lookup code cannot be drawn as a QR code: %s", g_strerror (errno));
      return;
    }
  n = qr->width + 2 * QUIET_ZONE;
  module = size / n;
  cairo_save (page->cr);
  cairo_set_source_rgb (page->cr, 1, 1, 1);
  cairo_rectangle (page->cr, (page->left + x) * page->unit, y * page->unit, size * page->unit, size * page->unit);
  cairo_fill (page->cr);
  cairo_set_source_rgb (page->cr, 0, 0, 0);
  for (int row = 0; row < qr->width; row++)
    for (int col = 0; col < qr->width;)
      {
        int start = col;

        while (col < qr->width && (qr->data[row * qr->width + col] & 1))
          col++;
        if (col > start)
          cairo_rectangle (page->cr, (page->left + x + (QUIET_ZONE + start) * module) * page->unit,
                           (y + (QUIET_ZONE + row) * module) * page->unit,
                           (col - start) * module * page->unit, module * page->unit);
        else
          col++;
      }
  cairo_fill (page->cr);
  cairo_restore (page->cr);
  QRcode_free (qr);
}

/* The code in a frame: the QR code on the left, the code as text and
 * what to do with it on the right. */
static void
draw_code (Page *page, const IpdReceipt *receipt)
{
  const double pad = 12, qr_size = 45 * MM, gap = 16;
  double text_x = pad + qr_size + gap;
  double text_width = page->width - text_x - pad;
  g_autofree char *formatted = ipd_lookup_code_format (receipt->code);
  /* Translators: on the receipt, over the lookup code */
  g_autoptr(PangoLayout) label = text (page, _("Lookup code"), &small, text_width, PANGO_ALIGN_LEFT, 0);
  g_autoptr(PangoLayout) code = text (page, formatted, &code_font, text_width, PANGO_ALIGN_LEFT, 0);
  /* Translators: on the receipt, beside the lookup code and its QR code */
  g_autoptr(PangoLayout) how = text (page, _("Type this code or scan the QR code at the front desk to check the status of your dossier."),
                                     &body, text_width, PANGO_ALIGN_LEFT, 3);
  /* Translators: on the receipt, under the lookup code */
  g_autoptr(PangoLayout) keep = text (page, _("Keep this receipt: whoever has the code can see the dossier’s status."),
                                      &note, text_width, PANGO_ALIGN_LEFT, 2);
  double text_height = layout_height (page, label) + 2 + layout_height (page, code) + 8
                       + layout_height (page, how) + 4 + layout_height (page, keep);
  double height = MAX (qr_size, text_height) + 2 * pad;
  double top = page->y + 20, y;

  cairo_set_line_width (page->cr, 0.8 * page->unit);
  cairo_rectangle (page->cr, page->left * page->unit, top * page->unit, page->width * page->unit, height * page->unit);
  cairo_stroke (page->cr);
  draw_qr_code (page, receipt->code, pad, top + (height - qr_size) / 2, qr_size);
  y = top + (height - text_height) / 2;
  y += show (page, label, text_x, y) + 2;
  y += show (page, code, text_x, y) + 8;
  y += show (page, how, text_x, y) + 4;
  show (page, keep, text_x, y);
  page->y = top + height;
}

/* Who handed the dossier in and who received it, with room to sign. */
static void
draw_signatures (Page *page, const IpdReceipt *receipt)
{
  double column = page->width / 2;
  /* Translators: on the receipt, over the signature of who handed the dossier in */
  const char *submitted = _("SUBMITTED BY");
  /* Translators: on the receipt, over the signature of the officer */
  const char *received = _("RECEIVED BY");
  /* Translators: on the receipt, under a signature's heading */
  const char *sign_here = _("(signature and full name)");
  double top = page->y + 30;
  double bottom = top;

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PangoLayout) heading = text (page, i == 0 ? submitted : received, &body_bold, column, PANGO_ALIGN_CENTER, 0);
      g_autoptr(PangoLayout) hint = text (page, sign_here, &note, column, PANGO_ALIGN_CENTER, 0);
      double y = top;

      y += show (page, heading, i * column, y);
      y += show (page, hint, i * column, y);
      if (i == 1 && receipt->officer != NULL)
        {
          g_autoptr(PangoLayout) name = text (page, receipt->officer, &body_bold, column, PANGO_ALIGN_CENTER, 2);
          y += 60;
          y += show (page, name, i * column, y);
        }
      bottom = MAX (bottom, y);
    }
  page->y = bottom;
}

/* Lays the receipt out at @unit points of paper to a point of the A4
 * layout, drawing on @cr; returns where it ends, in points of paper. */
static double
lay_out (const IpdReceipt *receipt, cairo_t *cr, double width, double unit)
{
  Page page = { cr };
  cairo_font_options_t *options;

  page.unit = unit;
  page.left = 25 * MM;
  page.width = width / page.unit - page.left - 18 * MM;
  page.y = TOP_MARGIN;

  /* laid out for paper, not for a screen: no hinting, no rounding */
  page.context = pango_cairo_create_context (cr);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (page.context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (page.context, FALSE);
  /* the names are Vietnamese whatever the language of the labels */
  pango_context_set_language (page.context, pango_language_from_string ("vi"));

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_heading (&page, receipt);
  draw_title (&page);
  draw_fields (&page, receipt);
  draw_steps (&page, receipt);
  draw_code (&page, receipt);
  draw_signatures (&page, receipt);
  cairo_restore (cr);
  g_object_unref (page.context);
  return page.y * page.unit;
}

/**
 * ipd_receipt_draw:
 * @cr: where to draw, its unit a point (a print context in points, a PDF
 *   surface)
 * @width: the paper's width, in points
 * @height: its height
 *
 * Draws the receipt on one page, scaled to the paper from its A4 layout;
 * a receipt too long for it (long names, many steps) is drawn smaller.
 *
 * Returns: where the receipt ends, in points from the top: within @height
 *   less the bottom margin
 */
double
ipd_receipt_draw (const IpdReceipt *receipt, cairo_t *cr, double width, double height)
{
  double unit = MIN (width / A4_WIDTH, height / A4_HEIGHT);
  cairo_surface_t *scratch;
  cairo_t *measure;
  double bottom, room;

  g_return_val_if_fail (receipt != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  scratch = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  measure = cairo_create (scratch);
  bottom = lay_out (receipt, measure, width, unit);
  cairo_destroy (measure);
  cairo_surface_destroy (scratch);
  room = height - BOTTOM_MARGIN * unit;
  if (bottom > room)
    unit *= room / bottom;
  return lay_out (receipt, cr, width, unit);
}
