/* ipd-calendar-private.h — julian-day forms for ipd-deadlines.c, which
 * counts in julian days (a recompute of every dossier must be quick)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipd-calendar.h"

G_BEGIN_DECLS

gboolean ipd_calendar_is_working_julian (IpdCalendar *self, guint32 julian);
guint32  ipd_calendar_roll_julian       (IpdCalendar *self, guint32 julian);

G_END_DECLS
