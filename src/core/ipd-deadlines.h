/* ipd-deadlines.h — what is due in a dossier, from its kind, filing date and
 * events. Pure: no SQL and no "today", so the same events give the same tasks.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ipd-calendar.h"
#include "ipd-procedure.h"

G_BEGIN_DECLS

typedef enum {
  IPD_TASK_OPEN,
  IPD_TASK_DONE,
  IPD_TASK_CANCELLED,
} IpdTaskState;

typedef struct {
  char         *rule_id;
  char         *title;                 /* English msgid */
  char         *citation;              /* English msgid */
  char         *trigger_key;           /* stable per dossier: "event:<event id>" or "expiry:<n>" */
  gint64        trigger_event_id;      /* 0 for expiry-based tasks */
  char         *trigger_date;
  char         *due_date;
  char         *window_from;           /* renewal: the window opens (NULL otherwise) */
  char         *grace_until;           /* renewal: the grace ends (NULL otherwise) */
  int           surcharge_percent_per_month; /* renewal: surcharge in the grace, else 0 */
  char         *completed_by;          /* the first event type that completes it (NULL: none) */
  IpdTaskState  state;
  char         *done_date;             /* date of the completing or cancelling event */
  gint64        done_event_id;
} IpdTaskSpec;

void       ipd_task_spec_free    (IpdTaskSpec *spec);
GPtrArray *ipd_deadlines_compute (IpdProcedure *procedure,
                                  IpdCalendar  *calendar,
                                  const char   *kind,
                                  const char   *filing_date,
                                  GPtrArray    *events,
                                  char        **expiry_date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdTaskSpec, ipd_task_spec_free)

G_END_DECLS
