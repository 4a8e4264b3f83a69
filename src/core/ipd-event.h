/* ipd-event.h — something that happened to a dossier: a filing, a letter, a decision
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct {
  gint64 id;            /* 0 until saved */
  gint64 dossier_id;
  char  *date;          /* YYYY-MM-DD */
  char  *type;          /* an event type of the vocabulary */
  char  *reference;     /* letter or decision number: 559/QĐ-SHTT */
  char  *note;
  int    period_months; /* for letters that set their own period (office actions); 0: none */
  char  *created_at;
} IpdEvent;

#define IPD_TYPE_EVENT (ipd_event_get_type ())

GType     ipd_event_get_type (void) G_GNUC_CONST;
IpdEvent *ipd_event_new      (gint64 dossier_id, const char *date, const char *type);
IpdEvent *ipd_event_ref      (IpdEvent *event);
void      ipd_event_unref    (IpdEvent *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdEvent, ipd_event_unref)

G_END_DECLS
