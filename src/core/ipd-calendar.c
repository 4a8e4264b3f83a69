/* ipd-calendar.c — working days
 *
 * A day is worked unless it is a Saturday or a Sunday, or the holiday table
 * says otherwise: a public holiday (off) or a make-up Saturday (worked to
 * bridge a holiday). The table is data, never a formula: Tết moves with the
 * lunar calendar and the government places the days off each year.
 *
 * The built-in table (procedure/ipd-holidays.ini, 2020–2035) seeds the
 * register's table; officers correct it there when a year's notice comes.
 * Beyond the table only weekends count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ipd-calendar.h"
#include "ipd-calendar-private.h"
#include "ipd-core-resources.h"
#include "ipd-date.h"
#include "ipd-error.h"

#define HOLIDAYS_RESOURCE "/io/github/ipdossiers/IpDossiers/core/procedure/ipd-holidays.ini"
#define CALENDAR_GROUP    "Calendar"
#define WORKING_GROUP     "Working days"

/* A deadline never rolls further than this: a table that marks a whole year
 * off is a mistake, and the date is better left where it is than lost. */
#define MAX_ROLL_DAYS 366

struct _IpdCalendar {
  GHashTable *days;   /* julian day → GINT_TO_POINTER (1 off, 2 worked) */
};

G_DEFINE_BOXED_TYPE (IpdCalendar, ipd_calendar, ipd_calendar_ref, ipd_calendar_unref)

IpdHoliday *
ipd_holiday_new (const char *date, const char *name, gboolean off)
{
  IpdHoliday *holiday = g_new0 (IpdHoliday, 1);

  holiday->date = g_strdup (date);
  holiday->name = g_strdup (name);
  holiday->off = off;
  return holiday;
}

void
ipd_holiday_free (IpdHoliday *holiday)
{
  if (holiday == NULL)
    return;
  g_free (holiday->date);
  g_free (holiday->name);
  g_free (holiday);
}

/* Weekends only. */
IpdCalendar *
ipd_calendar_new (void)
{
  IpdCalendar *self = g_atomic_rc_box_new0 (IpdCalendar);

  self->days = g_hash_table_new (NULL, NULL);
  return self;
}

IpdCalendar *
ipd_calendar_ref (IpdCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

static void
calendar_clear (gpointer data)
{
  IpdCalendar *self = data;

  g_hash_table_unref (self->days);
}

void
ipd_calendar_unref (IpdCalendar *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, calendar_clear);
}

static guint32
julian_of (const char *iso_date)
{
  g_autoptr(GDate) date = ipd_date_to_gdate (iso_date);

  return date ? g_date_get_julian (date) : 0;
}

static void
set_julian (IpdCalendar *self, guint32 julian, gboolean off)
{
  g_hash_table_insert (self->days, GUINT_TO_POINTER (julian), GINT_TO_POINTER (off ? 1 : 2));
}

/* @off FALSE marks a day worked even on a weekend (a make-up Saturday). */
void
ipd_calendar_set_day_off (IpdCalendar *self, const char *iso_date, gboolean off)
{
  guint32 julian;

  g_return_if_fail (self != NULL);
  julian = julian_of (iso_date);
  g_return_if_fail (julian != 0);
  set_julian (self, julian, off);
}

gboolean
ipd_calendar_is_working_julian (IpdCalendar *self, guint32 julian)
{
  gpointer mark = g_hash_table_lookup (self->days, GUINT_TO_POINTER (julian));
  GDate date;

  if (mark != NULL)
    return GPOINTER_TO_INT (mark) == 2;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_get_weekday (&date) < G_DATE_SATURDAY;
}

guint32
ipd_calendar_roll_julian (IpdCalendar *self, guint32 julian)
{
  for (guint i = 0; i < MAX_ROLL_DAYS; i++)
    if (ipd_calendar_is_working_julian (self, julian + i))
      return julian + i;
  g_warning ("no working day within %d days of julian day %u: check the holiday table",
             MAX_ROLL_DAYS, julian);
  return julian;
}

gboolean
ipd_calendar_is_working_day (IpdCalendar *self, const char *iso_date)
{
  guint32 julian;

  g_return_val_if_fail (self != NULL, FALSE);
  julian = julian_of (iso_date);
  g_return_val_if_fail (julian != 0, FALSE);
  return ipd_calendar_is_working_julian (self, julian);
}

/* The date itself when it is worked, else the next working day
 * (Civil Code 2015, Art. 148(5)). NULL for a text that is not a date. */
char *
ipd_calendar_roll_forward (IpdCalendar *self, const char *iso_date)
{
  guint32 julian;
  GDate date;

  g_return_val_if_fail (self != NULL, NULL);
  julian = julian_of (iso_date);
  if (julian == 0)
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, ipd_calendar_roll_julian (self, julian));
  return ipd_date_from_gdate (&date);
}

IpdCalendar *
ipd_calendar_new_from_holidays (GPtrArray *holidays)
{
  IpdCalendar *self = ipd_calendar_new ();

  for (guint i = 0; holidays != NULL && i < holidays->len; i++)
    {
      IpdHoliday *holiday = g_ptr_array_index (holidays, i);
      guint32 julian = julian_of (holiday->date);

      if (julian != 0)
        set_julian (self, julian, holiday->off);
    }
  return self;
}

/* The dates of a year group: each key a date of that year, each value the
 * English name of the day off. */
static gboolean
read_group (GKeyFile *file, const char *group, gboolean off, GPtrArray *out, GError **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (file, group, NULL, error);

  if (keys == NULL)
    return FALSE;
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *name = g_key_file_get_string (file, group, keys[i], error);
      g_autoptr(GDate) date = ipd_date_to_gdate (keys[i]);

      if (name == NULL)
        return FALSE;
      if (date == NULL || (off && !g_str_has_prefix (keys[i], group)))
        {
          g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                       /* Translators: a line of the holiday table; the group and the key */
                       _("Holiday table, group [%s]: “%s” is not a date of that year (write YYYY-MM-DD)"),
                       group, keys[i]);
          return FALSE;
        }
      g_ptr_array_add (out, ipd_holiday_new (keys[i], g_strstrip (name), off));
    }
  return TRUE;
}

static int
compare_holidays (gconstpointer a, gconstpointer b)
{
  const IpdHoliday *x = *(IpdHoliday * const *) a;
  const IpdHoliday *y = *(IpdHoliday * const *) b;

  return strcmp (x->date, y->date);
}

static gboolean
is_year_group (const char *group)
{
  return strlen (group) == 4 && g_ascii_isdigit (group[0]) && g_ascii_isdigit (group[1])
      && g_ascii_isdigit (group[2]) && g_ascii_isdigit (group[3]);
}

/* Parses the key-file form of the table (see the top of ipd-holidays.ini). */
static GPtrArray *
parse_holidays (GBytes *bytes, GError **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_holiday_free);
  g_auto(GStrv) groups = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!g_key_file_load_from_data (file, data, size, G_KEY_FILE_NONE, error))
    return NULL;
  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      if (g_str_equal (groups[i], CALENDAR_GROUP))
        continue;
      if (!is_year_group (groups[i]) && !g_str_equal (groups[i], WORKING_GROUP))
        {
          g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                       /* Translators: a group of the holiday table */
                       _("Holiday table: unknown group [%s]"), groups[i]);
          return NULL;
        }
      if (!read_group (file, groups[i], is_year_group (groups[i]), holidays, error))
        return NULL;
    }
  g_ptr_array_sort (holidays, compare_holidays);
  return g_steal_pointer (&holidays);
}

/* IpdHoliday*, by date: the built-in table of public holidays and make-up
 * Saturdays, 2020–2035. */
GPtrArray *
ipd_calendar_builtin_holidays (GError **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (ipd_core_get_resource (), HOLIDAYS_RESOURCE,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;
  return parse_holidays (bytes, error);
}

IpdCalendar *
ipd_calendar_new_builtin (GError **error)
{
  g_autoptr(GPtrArray) holidays = ipd_calendar_builtin_holidays (error);

  return holidays ? ipd_calendar_new_from_holidays (holidays) : NULL;
}
