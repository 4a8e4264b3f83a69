/* ipd-ics.c — deadlines as an iCalendar file (RFC 5545)
 *
 * One all-day VEVENT per open task. Calendar apps match events by UID, so
 * the UID is made of what identifies the task in the register (dossier
 * reference, rule, trigger): exporting again updates the events instead of
 * adding copies. The format's own rules: lines end in CRLF, are folded at
 * 75 octets (never inside a UTF-8 character: Vietnamese is multi-byte),
 * and text escapes backslash, semicolon, comma and newline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-ics"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ipd-date.h"
#include "ipd-error.h"
#include "ipd-ics.h"
#include "ipd-task.h"

#define MAX_LINE_OCTETS 75

/* Appends one content line, folded: a longer line goes on in lines that
 * start with a space (which counts in their 75 octets). */
static void
append_line (GString *out, const char *line)
{
  gsize length = strlen (line);
  gsize start = 0;
  gsize limit = MAX_LINE_OCTETS;

  while (length - start > limit)
    {
      gsize cut = start + limit;

      /* back off to the first byte of a UTF-8 character */
      while (cut > start && ((guchar) line[cut] & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, line + start, cut - start);
      g_string_append (out, "\r\n ");
      start = cut;
      limit = MAX_LINE_OCTETS - 1;
    }
  g_string_append (out, line + start);
  g_string_append (out, "\r\n");
}

/* TEXT values (RFC 5545 3.3.11). */
static char *
escape_text (const char *text)
{
  GString *escaped = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p++)
    switch (*p)
      {
      case '\\': g_string_append (escaped, "\\\\"); break;
      case ';':  g_string_append (escaped, "\\;"); break;
      case ',':  g_string_append (escaped, "\\,"); break;
      case '\n': g_string_append (escaped, "\\n"); break;
      case '\r': break;
      default:   g_string_append_c (escaped, *p); break;
      }
  return g_string_free (escaped, FALSE);
}

static void
append_property (GString *out, const char *name, const char *text)
{
  g_autofree char *escaped = escape_text (text);
  g_autofree char *line = g_strconcat (name, ":", escaped, NULL);

  append_line (out, line);
}

/* YYYY-MM-DD → YYYYMMDD, and the day after (DTEND is exclusive). */
static char *
ics_date (const char *iso, int days_later)
{
  g_autoptr(GDate) date = ipd_date_to_gdate (iso);
  char buffer[16];

  if (date == NULL)
    return NULL;
  g_date_add_days (date, days_later);
  g_snprintf (buffer, sizeof buffer, "%04u%02u%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
  return g_strdup (buffer);
}

static char *
describe (IpdTask *task)
{
  GString *text = g_string_new (task->name);

  if (task->citation)
    g_string_append_printf (text, "\n%s", g_dgettext (GETTEXT_PACKAGE, task->citation));
  if (task->window_from)
    {
      g_autofree char *shown = ipd_date_format (task->window_from);
      g_string_append_c (text, '\n');
      /* Translators: a date: when a renewal may be requested from */
      g_string_append_printf (text, _("Window opens on %s"), shown);
    }
  if (task->grace_until)
    {
      g_autofree char *shown = ipd_date_format (task->grace_until);
      g_string_append_c (text, '\n');
      if (task->surcharge_percent_per_month > 0)
        /* Translators: a date, then a percentage; %% is the percent sign */
        g_string_append_printf (text, _("Grace until %s, with a surcharge of %d %% a month"),
                                shown, task->surcharge_percent_per_month);
      else
        /* Translators: a date */
        g_string_append_printf (text, _("Grace until %s"), shown);
    }
  if (task->officer)
    {
      g_string_append_c (text, '\n');
      /* Translators: a person's name */
      g_string_append_printf (text, _("Officer: %s"), task->officer);
    }
  return g_string_free (text, FALSE);
}

static void
append_event (GString *out, IpdTask *task, const char *stamp)
{
  g_autofree char *uid = NULL, *start = NULL, *end = NULL, *summary = NULL, *description = NULL;
  g_autofree char *trigger = NULL, *dtstart = NULL, *dtend = NULL;

  start = ics_date (task->due_date, 0);
  end = ics_date (task->due_date, 1);
  if (start == NULL || end == NULL)
    return;
  trigger = task->trigger_key ? g_strdup (task->trigger_key)
                              : g_strdup_printf ("%" G_GINT64_FORMAT, task->id);
  uid = g_strdup_printf ("task-%s-%s-%s@ipdossiers", task->reference, task->rule_id, trigger);
  summary = g_strdup_printf ("%s – %s", task->reference, g_dgettext (GETTEXT_PACKAGE, task->title));
  description = describe (task);

  append_line (out, "BEGIN:VEVENT");
  append_property (out, "UID", uid);
  append_line (out, stamp);
  dtstart = g_strconcat ("DTSTART;VALUE=DATE:", start, NULL);
  dtend = g_strconcat ("DTEND;VALUE=DATE:", end, NULL);
  append_line (out, dtstart);
  append_line (out, dtend);
  append_property (out, "SUMMARY", summary);
  append_property (out, "DESCRIPTION", description);
  append_line (out, "TRANSP:TRANSPARENT");
  append_line (out, "END:VEVENT");
}

/**
 * ipd_ics_build:
 * @tasks: (element-type IpdTask): the tasks; only the open ones are written
 * @now: (nullable): the time of the export (DTSTAMP); %NULL: now
 *
 * Returns: (transfer full): an iCalendar object, CRLF line ends.
 */
char *
ipd_ics_build (GPtrArray *tasks, GDateTime *now)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GDateTime) utc = now ? g_date_time_to_utc (now) : g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (utc, "DTSTAMP:%Y%m%dT%H%M%SZ");

  g_return_val_if_fail (tasks != NULL, NULL);

  append_line (out, "BEGIN:VCALENDAR");
  append_line (out, "VERSION:2.0");
  append_line (out, "PRODID:-//IP Dossiers//ipdossiers " PACKAGE_VERSION "//EN");
  append_line (out, "CALSCALE:GREGORIAN");
  append_line (out, "METHOD:PUBLISH");
  append_property (out, "X-WR-CALNAME", _("IP dossier deadlines"));
  for (guint i = 0; i < tasks->len; i++)
    {
      IpdTask *task = g_ptr_array_index (tasks, i);
      if (task->state == IPD_TASK_OPEN)
        append_event (out, task, stamp);
    }
  append_line (out, "END:VCALENDAR");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * ipd_ics_write_file:
 *
 * Writes the open @tasks to @path as an iCalendar file. The file is
 * replaced in one step: on an error the previous file, if any, is intact
 * and no partial file is left.
 */
gboolean
ipd_ics_write_file (GPtrArray *tasks, const char *path, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (tasks != NULL && path != NULL, FALSE);
  text = ipd_ics_build (tasks, NULL);
  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_IO,
                   /* Translators: a file path, then the system's reason */
                   _("The calendar file “%s” cannot be written: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
