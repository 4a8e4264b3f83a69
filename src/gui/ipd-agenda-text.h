/* ipd-agenda-text.h — deadlines in words: sections, days left, surcharges, reminders
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipd-store.h"
#include "ipd-task.h"

G_BEGIN_DECLS

/* The agenda's sections, in the order shown. */
typedef enum {
  IPD_AGENDA_OVERDUE,
  IPD_AGENDA_THIS_WEEK,
  IPD_AGENDA_THIS_MONTH,
  IPD_AGENDA_LATER,       /* within the agenda's horizon */
  IPD_AGENDA_N_SECTIONS,
} IpdAgendaSection;

/* How far ahead the agenda looks, and the reminders. */
#define IPD_AGENDA_DAYS      90
#define IPD_REMINDER_DAYS    7

int              ipd_agenda_days_between   (const char *from, const char *to);
IpdAgendaSection ipd_agenda_section_of     (const char *due, const char *today);
const char      *ipd_agenda_section_title  (IpdAgendaSection section);
char            *ipd_agenda_days_left_text (const char *due, const char *today);
int              ipd_agenda_surcharge_percent (const IpdTask *task, const char *today);
char            *ipd_agenda_status_text    (const IpdTask *task, const char *today);
char            *ipd_agenda_reminder_text  (guint overdue, guint due_soon);
gboolean         ipd_agenda_count_reminders (IpdStore   *store,
                                             const char *today,
                                             guint      *overdue,
                                             guint      *due_soon,
                                             GError    **error);

G_END_DECLS
