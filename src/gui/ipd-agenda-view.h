/* ipd-agenda-view.h — what is due, across the register
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-store.h"

G_BEGIN_DECLS

#define IPD_TYPE_AGENDA_VIEW (ipd_agenda_view_get_type ())
G_DECLARE_FINAL_TYPE (IpdAgendaView, ipd_agenda_view, IPD, AGENDA_VIEW, GtkWidget)

void       ipd_agenda_view_set_store (IpdAgendaView *self, IpdStore *store);
void       ipd_agenda_view_refresh   (IpdAgendaView *self);
GPtrArray *ipd_agenda_view_get_tasks (IpdAgendaView *self);
gboolean   ipd_agenda_view_export    (IpdAgendaView *self, const char *path, GError **error);

G_END_DECLS
