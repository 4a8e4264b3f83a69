/* ipd-task.h — a deadline of a dossier, as the register keeps it
 *
 * The store computes tasks from the dossier's events by the procedure's
 * rules (ipd-deadlines.h); an IpdTask is one stored row with what a list
 * of deadlines shows of its dossier.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ipd-deadlines.h"

G_BEGIN_DECLS

typedef struct {
  gint64        id;
  gint64        dossier_id;
  char         *rule_id;
  char         *title;          /* English msgid: show it through g_dgettext (GETTEXT_PACKAGE, title) */
  char         *citation;       /* English msgid, or NULL */
  char         *trigger_date;   /* YYYY-MM-DD */
  char         *due_date;
  char         *window_from;    /* renewal: the window opens (NULL otherwise) */
  char         *grace_until;    /* renewal: the grace ends (NULL otherwise) */
  int           surcharge_percent_per_month;
  char         *completed_by;   /* the event type that completes it (NULL: none) */
  IpdTaskState  state;
  char         *done_date;      /* NULL while open */

  /* of the dossier */
  char         *reference;
  char         *name;
  char         *kind;
  char         *officer;

  /* Additions to the agreed API: */
  char         *trigger_key;    /* "event:<id>" or "expiry:<n>": unique per dossier and rule */
  char         *role;           /* the rule's role ("office", "applicant", "milestone", …), or NULL */
} IpdTask;

#define IPD_TYPE_TASK (ipd_task_get_type ())

GType       ipd_task_get_type    (void) G_GNUC_CONST;
IpdTask    *ipd_task_new         (void);
IpdTask    *ipd_task_ref         (IpdTask *task);
void        ipd_task_unref       (IpdTask *task);

const char *ipd_task_state_to_string   (IpdTaskState state);
gboolean    ipd_task_state_from_string (const char *text, IpdTaskState *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdTask, ipd_task_unref)

G_END_DECLS
