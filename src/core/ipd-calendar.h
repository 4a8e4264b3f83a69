/* ipd-calendar.h — working days: weekends, public holidays and make-up Saturdays
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One entry of the holiday table. @off FALSE marks a make-up working
 * Saturday (a weekend day that is worked to bridge a holiday). */
typedef struct {
  char     *date;   /* YYYY-MM-DD */
  char     *name;   /* English msgid; show it through g_dgettext (GETTEXT_PACKAGE, name) */
  gboolean  off;
} IpdHoliday;

IpdHoliday *ipd_holiday_new  (const char *date, const char *name, gboolean off);
void        ipd_holiday_free (IpdHoliday *holiday);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdHoliday, ipd_holiday_free)

typedef struct _IpdCalendar IpdCalendar;

#define IPD_TYPE_CALENDAR (ipd_calendar_get_type ())

GType        ipd_calendar_get_type          (void) G_GNUC_CONST;
IpdCalendar *ipd_calendar_new               (void);
IpdCalendar *ipd_calendar_ref               (IpdCalendar *self);
void         ipd_calendar_unref             (IpdCalendar *self);
void         ipd_calendar_set_day_off       (IpdCalendar *self, const char *iso_date, gboolean off);
gboolean     ipd_calendar_is_working_day    (IpdCalendar *self, const char *iso_date);
char        *ipd_calendar_roll_forward      (IpdCalendar *self, const char *iso_date);
GPtrArray   *ipd_calendar_builtin_holidays  (GError **error);

/* Not in the agreed API, additions for convenience: */
IpdCalendar *ipd_calendar_new_from_holidays (GPtrArray *holidays);   /* IpdHoliday* */
IpdCalendar *ipd_calendar_new_builtin       (GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdCalendar, ipd_calendar_unref)

G_END_DECLS
