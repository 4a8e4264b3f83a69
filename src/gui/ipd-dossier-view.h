/* ipd-dossier-view.h — one dossier, as officers read it
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-attachment-list.h"
#include "ipd-store.h"

G_BEGIN_DECLS

#define IPD_TYPE_DOSSIER_VIEW (ipd_dossier_view_get_type ())
G_DECLARE_FINAL_TYPE (IpdDossierView, ipd_dossier_view, IPD, DOSSIER_VIEW, GtkWidget)

gboolean ipd_dossier_view_show  (IpdDossierView *self, IpdStore *store, gint64 id, GError **error);
void     ipd_dossier_view_clear (IpdDossierView *self);
gint64   ipd_dossier_view_get_id (IpdDossierView *self);
gboolean ipd_dossier_view_is_in_trash (IpdDossierView *self);
IpdAttachmentList *ipd_dossier_view_get_attachment_list (IpdDossierView *self);
gboolean ipd_dossier_view_is_showing_document (IpdDossierView *self);
gboolean ipd_dossier_view_save_receipt (IpdDossierView *self, GFile *file, GError **error);

G_END_DECLS
