/* ipd-date.c — calendar dates as the register keeps them
 *
 * Dates are stored as ISO 8601 text (YYYY-MM-DD): it sorts, SQLite's date
 * functions read it, and a reader of the file understands it. Users type
 * Vietnamese dates (dd/mm/yyyy); both are accepted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "ipd-date.h"
#include "ipd-error.h"

static gboolean
split_numbers (const char *text, guint *a, guint *b, guint *c, char *separator)
{
  char sep1 = 0, sep2 = 0, extra = 0;
  int n = sscanf (text, "%u%c%u%c%u%c", a, &sep1, b, &sep2, c, &extra);

  if (n != 5 || sep1 != sep2)
    return FALSE;
  if (sep1 != '/' && sep1 != '-' && sep1 != '.')
    return FALSE;
  *separator = sep1;
  return TRUE;
}

static gboolean
only_date_characters (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p) && *p != '/' && *p != '-' && *p != '.')
      return FALSE;
  return TRUE;
}

/* Returns the date as YYYY-MM-DD, or NULL with IPD_ERROR_INVALID. */
char *
ipd_date_parse (const char *text, GError **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  guint a = 0, b = 0, c = 0, day, month, year;
  char separator = 0;

  if (!only_date_characters (stripped) || !split_numbers (stripped, &a, &b, &c, &separator))
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a date; write it as dd/mm/yyyy"), stripped);
      return NULL;
    }

  if (separator == '-' && a > 31)   /* ISO: 2026-02-19 */
    year = a, month = b, day = c;
  else
    day = a, month = b, year = c;

  if (year < 1900 || year > 2200)
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                   /* Translators: %s is what the user typed */
                   _("“%s” has no plausible year; write the date as dd/mm/yyyy"), stripped);
      return NULL;
    }
  if (month < 1 || month > 12)
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a date: there is no month %u"), stripped, month);
      return NULL;
    }
  if (day < 1 || day > g_date_get_days_in_month (month, year))
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                   /* Translators: %s is what the user typed; then month, year and its number of days */
                   _("“%s” is not a date: month %u of %u has %u days"), stripped,
                   month, year, (guint) g_date_get_days_in_month (month, year));
      return NULL;
    }

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

GDate *
ipd_date_to_gdate (const char *iso)
{
  guint year, month, day;
  char extra;

  if (iso == NULL || sscanf (iso, "%u-%u-%u%c", &year, &month, &day, &extra) != 3)
    return NULL;
  if (!g_date_valid_dmy (day, month, year))
    return NULL;
  return g_date_new_dmy (day, month, year);
}

char *
ipd_date_from_gdate (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/* Today in the local time zone (the office's), as YYYY-MM-DD. */
char *
ipd_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* The Vietnamese way: dd/mm/yyyy. */
char *
ipd_date_format (const char *iso)
{
  g_autoptr(GDate) date = ipd_date_to_gdate (iso);

  if (date == NULL)
    return g_strdup ("");
  return g_strdup_printf ("%02u/%02u/%04u", g_date_get_day (date),
                          g_date_get_month (date), g_date_get_year (date));
}

/* Adds whole years; 29/02 becomes 28/02 in a common year. */
char *
ipd_date_add_years (const char *iso, guint years)
{
  g_autoptr(GDate) date = ipd_date_to_gdate (iso);

  if (date == NULL)
    return NULL;
  g_date_add_years (date, years);
  return ipd_date_from_gdate (date);
}

/* A UTC timestamp for created/updated columns. */
char *
ipd_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format_iso8601 (now);
}
