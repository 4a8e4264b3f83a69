/* ipd-procedure.h — the Vietnamese procedure as data: deadline rules and
 * terms of protection, loaded from a key file (procedure/ipd-procedure.ini)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  IPD_PERIOD_DAYS,
  IPD_PERIOD_MONTHS,
  IPD_PERIOD_YEARS,
} IpdPeriodUnit;

/* The trigger of the rules counted from the current expiry of a mark
 * (renewal) rather than from an event. */
#define IPD_RULE_TRIGGER_EXPIRY "expiry"

/* One version of a rule. Several versions share an id; the one whose
 * effective_from is the latest not after the trigger date applies. */
typedef struct {
  char          *id;
  char          *effective_from;       /* YYYY-MM-DD */
  char          *title;                /* English msgid */
  char          *citation;             /* English msgid */
  char         **kinds;                /* NULL: every kind */
  char          *trigger;              /* an event type code, or IPD_RULE_TRIGGER_EXPIRY */
  int            period;
  IpdPeriodUnit  unit;
  gboolean       period_from_event;    /* the event's period_months; @period is the default (0: none) */
  gboolean       clamp_end_of_month;   /* 31/01 + 1 month = 28/02 (29/02); else 03/03 (02/03) */
  gboolean       roll_to_working_day;
  char         **only_if;              /* event types that must exist (NULL: no condition) */
  char         **not_if;               /* event types that must not exist */
  char         **completed_by;         /* event types that complete the task (NULL: none) */

  /* Additions to the agreed API (read them, never required): */
  char          *role;                 /* "office", "applicant", "milestone" or "opportunity" */
  gboolean       enabled;              /* FALSE: kept in the file, produces no task */
  gboolean       verify;               /* the citation or period is not confirmed */
  int            window_months;        /* expiry rules: the window opens this many months before */
  int            grace_months;         /* expiry rules: grace after the due date */
  int            surcharge_percent_per_month; /* expiry rules: surcharge during the grace */
  gboolean       grace_roll_to_working_day;   /* expiry rules: the end of the grace rolls */
} IpdRule;

/* How long a kind is protected. @years 0: indefinitely (GIs). */
typedef struct {
  char  *id;
  char **kinds;
  int    years;                        /* counted from the filing date */
  char  *renewed_by;                   /* event type that starts the next term (NULL: none) */
  char  *citation;                     /* English msgid */
} IpdProtectionTerm;

#define IPD_TYPE_PROCEDURE (ipd_procedure_get_type ())

G_DECLARE_FINAL_TYPE (IpdProcedure, ipd_procedure, IPD, PROCEDURE, GObject)

IpdProcedure *ipd_procedure_new_builtin   (GError **error);
IpdProcedure *ipd_procedure_new_from_file (const char *path, GError **error);
IpdProcedure *ipd_procedure_get_default   (void);
GPtrArray    *ipd_procedure_get_rules     (IpdProcedure *self);
const char   *ipd_procedure_get_checksum  (IpdProcedure *self);

/* Additions to the agreed API: */
IpdProcedure            *ipd_procedure_new_from_data (const char *data, gsize length, GError **error);
IpdProcedure            *ipd_procedure_new_with_override (const char *override_path, GError **override_error);
char                    *ipd_procedure_get_override_path (void);
const GError            *ipd_procedure_get_default_error (void);
GPtrArray               *ipd_procedure_get_terms (IpdProcedure *self);   /* IpdProtectionTerm*, owned */
const IpdProtectionTerm *ipd_procedure_find_term (IpdProcedure *self, const char *kind);
const IpdRule           *ipd_procedure_find_rule (IpdProcedure *self, const char *id, const char *date);
const char * const      *ipd_procedure_get_event_types (IpdProcedure *self);

G_END_DECLS
