/* ipd-event-dialog.h — records an event of a dossier, or corrects one
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-store.h"

G_BEGIN_DECLS

#define IPD_TYPE_EVENT_DIALOG (ipd_event_dialog_get_type ())
G_DECLARE_FINAL_TYPE (IpdEventDialog, ipd_event_dialog, IPD, EVENT_DIALOG, AdwWindow)

IpdEventDialog *ipd_event_dialog_new       (GtkWindow *parent, IpdStore *store, gint64 dossier_id);
IpdEventDialog *ipd_event_dialog_new_edit  (GtkWindow *parent, IpdStore *store, const IpdEvent *event);
gboolean        ipd_event_dialog_is_edit   (IpdEventDialog *self);
gboolean        ipd_event_dialog_set_field (IpdEventDialog *self, const char *field, const char *text);
const char     *ipd_event_dialog_get_field (IpdEventDialog *self, const char *field);
const char     *ipd_event_dialog_get_error (IpdEventDialog *self);
gboolean        ipd_event_dialog_save      (IpdEventDialog *self, GError **error);

G_END_DECLS
