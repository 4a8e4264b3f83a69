/* ipd-agenda-text.c — deadlines in words: sections, days left, surcharges, reminders
 *
 * What the agenda, the dossier page and the reminders say about a deadline,
 * worked out from its due date and "today" given by the caller, so that the
 * same words can be checked without a display or a notification daemon.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-agenda"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-agenda-text.h"
#include "ipd-date.h"

/* Days from @from to @to (negative when @to is earlier); both ISO dates. */
int
ipd_agenda_days_between (const char *from, const char *to)
{
  g_autoptr(GDate) a = ipd_date_to_gdate (from);
  g_autoptr(GDate) b = ipd_date_to_gdate (to);

  g_return_val_if_fail (a != NULL && b != NULL, 0);
  return g_date_days_between (a, b);
}

/* Weeks run Monday to Sunday, as in Vietnamese calendars; "this month" is
 * the calendar month. A deadline in the next days of a week that runs into
 * the next month is "this week". */
IpdAgendaSection
ipd_agenda_section_of (const char *due, const char *today)
{
  g_autoptr(GDate) now = ipd_date_to_gdate (today);
  g_autoptr(GDate) end_of_week = NULL;
  g_autoptr(GDate) end_of_month = NULL;
  g_autoptr(GDate) date = ipd_date_to_gdate (due);

  g_return_val_if_fail (now != NULL && date != NULL, IPD_AGENDA_LATER);
  if (g_date_compare (date, now) < 0)
    return IPD_AGENDA_OVERDUE;

  end_of_week = g_date_copy (now);
  g_date_add_days (end_of_week, G_DATE_SUNDAY - g_date_get_weekday (now));
  if (g_date_compare (date, end_of_week) <= 0)
    return IPD_AGENDA_THIS_WEEK;

  end_of_month = g_date_new_dmy (g_date_get_days_in_month (g_date_get_month (now), g_date_get_year (now)),
                                 g_date_get_month (now), g_date_get_year (now));
  if (g_date_compare (date, end_of_month) <= 0)
    return IPD_AGENDA_THIS_MONTH;
  return IPD_AGENDA_LATER;
}

const char *
ipd_agenda_section_title (IpdAgendaSection section)
{
  switch (section)
    {
    case IPD_AGENDA_OVERDUE:    return _("Overdue");
    case IPD_AGENDA_THIS_WEEK:  return _("Due This Week");
    case IPD_AGENDA_THIS_MONTH: return _("This Month");
    case IPD_AGENDA_LATER:      return _("Next 90 Days");
    case IPD_AGENDA_N_SECTIONS:
    default:                    g_assert_not_reached ();
    }
}

/* "in 3 days", "due today", "5 days overdue" */
char *
ipd_agenda_days_left_text (const char *due, const char *today)
{
  int days = ipd_agenda_days_between (today, due);

  if (days == 0)
    return g_strdup (_("due today"));
  if (days > 0)
    /* Translators: the time left until a deadline */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", days), days);
  /* Translators: the time since a deadline passed */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", -days), -days);
}

/* Months late, a month begun counting as a whole one: due 31/01, paid on
 * 28/02 is one month late, on 01/03 two. */
static int
months_begun (const GDate *due, const GDate *date)
{
  int months = (g_date_get_year (date) - g_date_get_year (due)) * 12
               + (int) g_date_get_month (date) - (int) g_date_get_month (due);

  if (g_date_get_day (date) > g_date_get_day (due))
    months++;
  return months;
}

/**
 * ipd_agenda_surcharge_percent:
 *
 * The surcharge on a renewal requested on @today, inside the grace after
 * the expiry: the percent of the rule for each month begun.
 *
 * Returns: the percent, 0 outside the grace or for other tasks
 */
int
ipd_agenda_surcharge_percent (const IpdTask *task, const char *today)
{
  g_autoptr(GDate) due = NULL;
  g_autoptr(GDate) now = NULL;

  g_return_val_if_fail (task != NULL && today != NULL, 0);
  if (task->surcharge_percent_per_month <= 0 || task->grace_until == NULL || task->due_date == NULL
      || g_strcmp0 (today, task->due_date) <= 0 || g_strcmp0 (today, task->grace_until) > 0)
    return 0;
  due = ipd_date_to_gdate (task->due_date);
  now = ipd_date_to_gdate (today);
  if (due == NULL || now == NULL)
    return 0;
  return months_begun (due, now) * task->surcharge_percent_per_month;
}

/* What an open task's row says besides its date: "in 3 days", or
 * "12 days overdue · in grace: +10 %". */
char *
ipd_agenda_status_text (const IpdTask *task, const char *today)
{
  g_autofree char *days = ipd_agenda_days_left_text (task->due_date, today);
  int surcharge = ipd_agenda_surcharge_percent (task, today);
  g_autofree char *grace = NULL;

  if (surcharge == 0)
    return g_steal_pointer (&days);
  /* Translators: a renewal late but inside the grace period, and its surcharge on the fee */
  grace = g_strdup_printf (_("in grace: +%d %%"), surcharge);
  return g_strdup_printf ("%s · %s", days, grace);
}

/**
 * ipd_agenda_reminder_text:
 *
 * The body of the daily reminder.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when nothing is
 *   overdue or due soon
 */
char *
ipd_agenda_reminder_text (guint overdue, guint due_soon)
{
  g_autofree char *late = NULL;
  g_autofree char *soon = NULL;

  if (overdue == 0 && due_soon == 0)
    return NULL;
  if (due_soon == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deadline is overdue.", "%u deadlines are overdue.",
                                         overdue), overdue);
  if (overdue == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deadline is due within 7 days.",
                                         "%u deadlines are due within 7 days.", due_soon), due_soon);
  late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deadline overdue", "%u deadlines overdue", overdue),
                          overdue);
  /* Translators: follows "N deadlines overdue" in the reminder */
  soon = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u due within 7 days", "%u due within 7 days", due_soon),
                          due_soon);
  /* Translators: the two counts of the reminder: "2 deadlines overdue, 3 due within 7 days." */
  return g_strdup_printf (_("%s, %s."), late, soon);
}

/* Counts the open tasks overdue on @today (NULL: today) and those due
 * within IPD_REMINDER_DAYS after it. */
gboolean
ipd_agenda_count_reminders (IpdStore *store, const char *today, guint *overdue, guint *due_soon, GError **error)
{
  g_autofree char *now = today ? g_strdup (today) : ipd_date_today ();
  IpdAgendaQuery query = { .today = now, .days = IPD_REMINDER_DAYS };
  g_autoptr(GPtrArray) tasks = NULL;

  g_return_val_if_fail (IPD_IS_STORE (store), FALSE);
  *overdue = *due_soon = 0;
  tasks = ipd_store_agenda (store, &query, error);
  if (tasks == NULL)
    return FALSE;
  for (guint i = 0; i < tasks->len; i++)
    {
      IpdTask *task = g_ptr_array_index (tasks, i);

      if (g_strcmp0 (task->due_date, now) < 0)
        (*overdue)++;
      else
        (*due_soon)++;
    }
  return TRUE;
}
