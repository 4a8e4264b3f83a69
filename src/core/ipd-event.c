/* ipd-event.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-event"

#include "config.h"

#include "ipd-event.h"

G_DEFINE_BOXED_TYPE (IpdEvent, ipd_event, ipd_event_ref, ipd_event_unref)

IpdEvent *
ipd_event_new (gint64 dossier_id, const char *date, const char *type)
{
  IpdEvent *event = g_atomic_rc_box_new0 (IpdEvent);

  event->dossier_id = dossier_id;
  event->date = g_strdup (date);
  event->type = g_strdup (type);
  return event;
}

IpdEvent *
ipd_event_ref (IpdEvent *event)
{
  g_return_val_if_fail (event != NULL, NULL);
  return g_atomic_rc_box_acquire (event);
}

static void
event_clear (gpointer data)
{
  IpdEvent *e = data;

  g_free (e->date);
  g_free (e->type);
  g_free (e->reference);
  g_free (e->note);
  g_free (e->created_at);
}

void
ipd_event_unref (IpdEvent *event)
{
  g_return_if_fail (event != NULL);
  g_atomic_rc_box_release_full (event, event_clear);
}
