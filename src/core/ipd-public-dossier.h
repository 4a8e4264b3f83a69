/* ipd-public-dossier.h — what the front desk may show of a dossier
 *
 * Built from a dossier, its events and its tasks by copying the public
 * fields only: the front desk never holds an IpdDossier, so an internal
 * note, a phone number or an officer's name cannot reach its screen by
 * mistake. The status is told as a sentence with its date and the next
 * step with its date ("Đơn đã được chấp nhận hợp lệ ngày …; dự kiến công bố
 * trước ngày …"); the milestones are the events a visitor may know of.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ipd-dossier.h"

G_BEGIN_DECLS

typedef struct {
  char *date;          /* YYYY-MM-DD */
  char *event_type;    /* a public event type: show ipd_vocabulary_label (IPD_VOCAB_EVENT_TYPE, …) */
} IpdPublicMilestone;

typedef struct {
  char      *reference;
  char      *kind;
  char      *name;
  char      *applicant;     /* the applicant's name (NULL: none recorded) */
  char      *app_number;
  char      *filing_date;
  char      *status;
  char      *status_date;   /* the day the status was reached (NULL: in preparation) */
  GPtrArray *milestones;    /* IpdPublicMilestone, oldest first */
  char      *next_rule;     /* the rule of the next step (NULL: none open) */
  char      *next_title;    /* its English title */
  char      *next_date;     /* its date */
  char      *public_note;
  gboolean   published;     /* published in the Gazette: findable by name and number */
} IpdPublicDossier;

#define IPD_TYPE_PUBLIC_DOSSIER (ipd_public_dossier_get_type ())

GType             ipd_public_dossier_get_type (void) G_GNUC_CONST;
IpdPublicDossier *ipd_public_dossier_new      (const IpdDossier *dossier,
                                               GPtrArray        *events,
                                               GPtrArray        *tasks);
IpdPublicDossier *ipd_public_dossier_ref      (IpdPublicDossier *self);
void              ipd_public_dossier_unref    (IpdPublicDossier *self);

char    *ipd_public_dossier_status_sentence (const IpdPublicDossier *self);
char    *ipd_public_dossier_next_step       (const IpdPublicDossier *self);

gboolean ipd_event_type_is_public      (const char *event_type);
gboolean ipd_event_type_is_publication (const char *event_type);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdPublicDossier, ipd_public_dossier_unref)

G_END_DECLS
