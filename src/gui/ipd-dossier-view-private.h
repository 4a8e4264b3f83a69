/* ipd-dossier-view-private.h — what the dossier view's files share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ipd-dossier-view.h"

G_BEGIN_DECLS

/* ipd-dossier-view.c */
IpdStore *ipd_dossier_view_get_store (IpdDossierView *self);
void      ipd_dossier_view_reshow    (IpdDossierView *self);

/* ipd-dossier-view-receipt.c */
void       ipd_dossier_view_receipt_install_actions (GtkWidgetClass *widget_class);
void       ipd_dossier_view_update_receipt_actions  (IpdDossierView *self);
GtkWidget *ipd_dossier_view_receipt_group           (IpdDossierView *self);

G_END_DECLS
