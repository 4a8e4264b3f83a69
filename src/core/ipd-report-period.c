/* ipd-report-period.c — the period a register or statistics report covers
 *
 * Quarters are written as on the command line (2026-Q3) and described as
 * in official titles (QUÝ III NĂM 2026).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ipd-report-period.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ipd-date.h"
#include "ipd-error.h"

#define MIN_YEAR 1900
#define MAX_YEAR 2200

static void
set_day (char out[11], int year, int month, int day)
{
  g_snprintf (out, 11, "%04d-%02d-%02d", year, month, day);
}

static gboolean
check_year (int year, const char *text, GError **error)
{
  if (year >= MIN_YEAR && year <= MAX_YEAR)
    return TRUE;
  g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
               /* Translators: %s is what the user typed */
               _("“%s” is not a year of the register"), text);
  return FALSE;
}

static gboolean
is_quarter_text (const char *text)
{
  if (text == NULL || strlen (text) != 7 || text[4] != '-'
      || (text[5] != 'Q' && text[5] != 'q') || text[6] < '1' || text[6] > '4')
    return FALSE;
  for (int i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* "2026-Q3" (or "2026-q3"). */
gboolean
ipd_report_period_quarter (IpdReportPeriod *period, const char *text, GError **error)
{
  int year;

  g_return_val_if_fail (period != NULL, FALSE);
  if (!is_quarter_text (text))
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                   /* Translators: %s is what the user typed; keep 2026-Q3 as it is */
                   _("“%s” is not a quarter; write it as 2026-Q3"), text ? text : "");
      return FALSE;
    }
  year = atoi (text);
  if (!check_year (year, text, error))
    return FALSE;
  memset (period, 0, sizeof *period);
  period->type = IPD_PERIOD_QUARTER;
  period->year = year;
  period->quarter = text[6] - '0';
  set_day (period->from, year, 3 * period->quarter - 2, 1);
  set_day (period->to, year, 3 * period->quarter,
           g_date_get_days_in_month ((GDateMonth) (3 * period->quarter), (GDateYear) year));
  return TRUE;
}

gboolean
ipd_report_period_year (IpdReportPeriod *period, int year, GError **error)
{
  g_autofree char *text = g_strdup_printf ("%d", year);

  g_return_val_if_fail (period != NULL, FALSE);
  if (!check_year (year, text, error))
    return FALSE;
  memset (period, 0, sizeof *period);
  period->type = IPD_PERIOD_YEAR;
  period->year = year;
  set_day (period->from, year, 1, 1);
  set_day (period->to, year, 12, 31);
  return TRUE;
}

/* @from and @to as the user wrote them (dd/mm/yyyy or ISO). */
gboolean
ipd_report_period_range (IpdReportPeriod *period, const char *from, const char *to,
                         GError **error)
{
  g_autofree char *iso_from = NULL, *iso_to = NULL;

  g_return_val_if_fail (period != NULL, FALSE);
  if ((iso_from = ipd_date_parse (from, error)) == NULL
      || (iso_to = ipd_date_parse (to, error)) == NULL)
    return FALSE;
  if (strcmp (iso_from, iso_to) > 0)
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                   /* Translators: the two dates as the user typed them */
                   _("The period ends (%s) before it begins (%s)"), to, from);
      return FALSE;
    }
  memset (period, 0, sizeof *period);
  period->type = IPD_PERIOD_RANGE;
  g_strlcpy (period->from, iso_from, sizeof period->from);
  g_strlcpy (period->to, iso_to, sizeof period->to);
  return TRUE;
}

/* How a title names the period: "QUÝ III NĂM 2026", "NĂM 2026",
 * "TỪ NGÀY 01/07/2026 ĐẾN NGÀY 15/08/2026". */
char *
ipd_report_period_describe (const IpdReportPeriod *period)
{
  static const char *roman[] = { "I", "II", "III", "IV" };
  g_autofree char *from = NULL, *to = NULL;

  switch (period->type)
    {
    case IPD_PERIOD_QUARTER:
      /* Translators: in a report's title, upper case; %s is a Roman numeral, %d the year */
      return g_strdup_printf (_("QUARTER %s OF %d"), roman[period->quarter - 1], period->year);
    case IPD_PERIOD_YEAR:
      /* Translators: in a report's title, upper case */
      return g_strdup_printf (_("YEAR %d"), period->year);
    case IPD_PERIOD_RANGE:
    default:
      from = ipd_date_format (period->from);
      to = ipd_date_format (period->to);
      /* Translators: in a report's title, upper case; two dates dd/mm/yyyy */
      return g_strdup_printf (_("FROM %s TO %s"), from, to);
    }
}

static void
set_range (IpdReportPeriod *out, GDate *from, GDate *to)
{
  g_autofree char *first = ipd_date_from_gdate (from);
  g_autofree char *last = ipd_date_from_gdate (to);

  memset (out, 0, sizeof *out);
  out->type = IPD_PERIOD_RANGE;
  g_strlcpy (out->from, first, sizeof out->from);
  g_strlcpy (out->to, last, sizeof out->to);
}

/* The same number of days just before @period: for a quarter or a year,
 * the one before. The statistics report and page compare with it. */
void
ipd_report_period_previous (const IpdReportPeriod *period, IpdReportPeriod *out)
{
  g_autoptr(GDate) from = ipd_date_to_gdate (period->from);
  g_autoptr(GDate) to = ipd_date_to_gdate (period->to);
  int days = g_date_days_between (from, to) + 1;

  if (period->type == IPD_PERIOD_QUARTER)
    {
      g_date_subtract_months (from, 3);
      g_date_set_dmy (to, 1, g_date_get_month (from), g_date_get_year (from));
      g_date_add_months (to, 3);
      g_date_subtract_days (to, 1);
    }
  else if (period->type == IPD_PERIOD_YEAR)
    {
      g_date_subtract_years (from, 1);
      g_date_subtract_years (to, 1);
    }
  else
    {
      g_date_subtract_days (from, days);
      g_date_subtract_days (to, days);
    }
  set_range (out, from, to);
}

/* The same dates a year earlier (29 February becomes the 28th). */
void
ipd_report_period_year_earlier (const IpdReportPeriod *period, IpdReportPeriod *out)
{
  g_autoptr(GDate) from = ipd_date_to_gdate (period->from);
  g_autoptr(GDate) to = ipd_date_to_gdate (period->to);

  g_date_subtract_years (from, 1);
  g_date_subtract_years (to, 1);
  set_range (out, from, to);
}

/* The last quarter that ended before @today (YYYY-MM-DD; NULL: today). */
void
ipd_report_period_last_quarter (IpdReportPeriod *period, const char *today)
{
  g_autofree char *now = today ? g_strdup (today) : ipd_date_today ();
  g_autofree char *text = NULL;
  int year = atoi (now), quarter = (atoi (now + 5) - 1) / 3 + 1;

  if (--quarter == 0)
    {
      quarter = 4;
      year--;
    }
  text = g_strdup_printf ("%04d-Q%d", year, quarter);
  if (!ipd_report_period_quarter (period, text, NULL))
    g_assert_not_reached ();
}
