/* test-calendar.c — working days: weekends, the built-in holiday table,
 * make-up Saturdays and rolling a date to the next working day
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <string.h>

#include "ipd-calendar.h"
#include "ipd-procedure-private.h"

static IpdCalendar *
builtin_calendar (void)
{
  g_autoptr(GError) error = NULL;
  IpdCalendar *calendar = ipd_calendar_new_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (calendar);
  return calendar;
}

static void
test_weekends_only (void)
{
  g_autoptr(IpdCalendar) calendar = ipd_calendar_new ();

  g_assert_false (ipd_calendar_is_working_day (calendar, "2024-05-04"));   /* Saturday */
  g_assert_false (ipd_calendar_is_working_day (calendar, "2024-05-05"));   /* Sunday */
  g_assert_true (ipd_calendar_is_working_day (calendar, "2024-05-06"));    /* Monday */
  /* without a table, a holiday is a working day */
  g_assert_true (ipd_calendar_is_working_day (calendar, "2025-01-29"));
}

static void
test_set_day_off (void)
{
  g_autoptr(IpdCalendar) calendar = ipd_calendar_new ();
  g_autofree char *rolled = NULL;

  ipd_calendar_set_day_off (calendar, "2024-05-06", TRUE);    /* a Monday off */
  ipd_calendar_set_day_off (calendar, "2024-05-04", FALSE);   /* a Saturday worked */
  g_assert_false (ipd_calendar_is_working_day (calendar, "2024-05-06"));
  g_assert_true (ipd_calendar_is_working_day (calendar, "2024-05-04"));

  rolled = ipd_calendar_roll_forward (calendar, "2024-05-05");
  g_assert_cmpstr (rolled, ==, "2024-05-07");

  /* set back */
  ipd_calendar_set_day_off (calendar, "2024-05-06", FALSE);
  g_assert_true (ipd_calendar_is_working_day (calendar, "2024-05-06"));
}

typedef struct {
  const char *date;
  const char *rolled;
  const char *why;
} RollCase;

static const RollCase roll_cases[] = {
  { "2024-06-03", "2024-06-03", "a Monday stays" },
  { "2024-06-01", "2024-06-03", "a Saturday moves to Monday" },
  { "2024-06-02", "2024-06-03", "a Sunday moves to Monday" },
  { "2025-01-28", "2025-02-03", "Tết 2025 (27–31/01) and the weekend after it" },
  { "2025-01-25", "2025-02-03", "the weekend before Tết, Tết, the weekend after" },
  { "2024-02-10", "2024-02-15", "Tết 2024 (08–14/02)" },
  { "2024-04-29", "2024-05-02", "the swapped day, 30/04 and 01/05" },
  { "2024-05-04", "2024-05-04", "a make-up Saturday is worked" },
  { "2025-04-26", "2025-04-26", "a make-up Saturday is worked" },
  { "2025-09-01", "2025-09-03", "National Day and its adjacent day" },
  { "2021-05-01", "2021-05-04", "Labour Day on a Saturday: Sunday, then the compensatory Monday" },
  { "2035-12-29", "2035-12-31", "the last days of the table" },
  { "2036-01-05", "2036-01-07", "beyond the table only weekends count (05/01/2036 is a Saturday)" },
  { "2036-01-01", "2036-01-01", "beyond the table, New Year's Day is not known" },
};

static void
test_roll_forward (void)
{
  g_autoptr(IpdCalendar) calendar = builtin_calendar ();

  for (guint i = 0; i < G_N_ELEMENTS (roll_cases); i++)
    {
      g_autofree char *rolled = ipd_calendar_roll_forward (calendar, roll_cases[i].date);

      g_test_message ("%s: %s", roll_cases[i].date, roll_cases[i].why);
      g_assert_cmpstr (rolled, ==, roll_cases[i].rolled);
    }
}

static void
test_roll_invalid (void)
{
  g_autoptr(IpdCalendar) calendar = ipd_calendar_new ();
  g_autofree char *rolled = ipd_calendar_roll_forward (calendar, "2024-02-30");

  g_assert_null (rolled);
}

static void
test_make_up_saturday (void)
{
  g_autoptr(IpdCalendar) calendar = builtin_calendar ();

  g_assert_true (ipd_calendar_is_working_day (calendar, "2024-05-04"));
  g_assert_true (ipd_calendar_is_working_day (calendar, "2025-04-26"));
  /* the days off they pay for */
  g_assert_false (ipd_calendar_is_working_day (calendar, "2024-04-29"));
  g_assert_false (ipd_calendar_is_working_day (calendar, "2025-05-02"));
  /* an ordinary Saturday is not */
  g_assert_false (ipd_calendar_is_working_day (calendar, "2024-05-11"));
}

/* The first day of the lunar year, as domain.md lists it: never a working day. */
static void
test_builtin_covers_tet (void)
{
  static const char *tet[] = {
    "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10", "2025-01-29",
    "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13", "2030-02-03", "2031-01-23",
    "2032-02-11", "2033-01-31", "2034-02-19", "2035-02-08",
  };
  g_autoptr(IpdCalendar) calendar = builtin_calendar ();

  for (guint i = 0; i < G_N_ELEMENTS (tet); i++)
    {
      g_test_message ("Tết %s", tet[i]);
      g_assert_false (ipd_calendar_is_working_day (calendar, tet[i]));
    }
}

static gboolean
has_holiday (GPtrArray *holidays, const char *date, gboolean off)
{
  for (guint i = 0; i < holidays->len; i++)
    {
      IpdHoliday *holiday = g_ptr_array_index (holidays, i);
      if (g_str_equal (holiday->date, date))
        return holiday->off == off;
    }
  return FALSE;
}

/* Every year 2020–2035 has its fixed public holidays; the table is sorted,
 * without duplicates, and every name is a translatable message. */
static void
test_builtin_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) holidays = ipd_calendar_builtin_holidays (&error);
  guint n_strings = 0;
  const char * const *strings = ipd_procedure_builtin_strings (&n_strings);
  guint worked = 0;

  g_assert_no_error (error);
  g_assert_nonnull (holidays);
  g_assert_cmpuint (holidays->len, >, 16 * 9);

  for (int year = 2020; year <= 2035; year++)
    {
      static const char *fixed[] = { "01-01", "04-30", "05-01", "09-02" };
      for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
        {
          g_autofree char *date = g_strdup_printf ("%d-%s", year, fixed[i]);
          g_test_message ("%s", date);
          g_assert_true (has_holiday (holidays, date, TRUE));
        }
    }

  for (guint i = 0; i < holidays->len; i++)
    {
      IpdHoliday *holiday = g_ptr_array_index (holidays, i);

      if (i > 0)
        g_assert_cmpstr (((IpdHoliday *) g_ptr_array_index (holidays, i - 1))->date, <, holiday->date);
      g_assert_cmpuint (strlen (holiday->name), >, 0);
      g_assert_true (g_strv_contains (strings, holiday->name));
      if (!holiday->off)
        worked++;
    }
  g_assert_cmpuint (worked, ==, 2);
  g_assert_cmpuint (n_strings, >, 0);
}

static void
test_from_holidays (void)
{
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_holiday_free);
  g_autoptr(IpdCalendar) calendar = NULL;

  g_ptr_array_add (holidays, ipd_holiday_new ("2026-03-02", "A day off", TRUE));
  g_ptr_array_add (holidays, ipd_holiday_new ("2026-03-07", "A Saturday worked", FALSE));
  calendar = ipd_calendar_new_from_holidays (holidays);
  g_assert_false (ipd_calendar_is_working_day (calendar, "2026-03-02"));
  g_assert_true (ipd_calendar_is_working_day (calendar, "2026-03-07"));
  g_assert_false (ipd_calendar_is_working_day (calendar, "2026-03-08"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/weekends-only", test_weekends_only);
  g_test_add_func ("/calendar/set-day-off", test_set_day_off);
  g_test_add_func ("/calendar/roll-forward", test_roll_forward);
  g_test_add_func ("/calendar/roll-invalid", test_roll_invalid);
  g_test_add_func ("/calendar/make-up-saturday", test_make_up_saturday);
  g_test_add_func ("/calendar/builtin/tet", test_builtin_covers_tet);
  g_test_add_func ("/calendar/builtin/table", test_builtin_table);
  g_test_add_func ("/calendar/from-holidays", test_from_holidays);

  return g_test_run ();
}
