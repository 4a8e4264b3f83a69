/* ipd-dossier-row.h — one row of a list of dossiers, as a GObject for list models
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ipd-dossier.h"

G_BEGIN_DECLS

#define IPD_TYPE_DOSSIER_ROW (ipd_dossier_row_get_type ())
G_DECLARE_FINAL_TYPE (IpdDossierRow, ipd_dossier_row, IPD, DOSSIER_ROW, GObject)

IpdDossierRow     *ipd_dossier_row_new         (IpdDossierSummary *summary);
IpdDossierSummary *ipd_dossier_row_get_summary (IpdDossierRow *self);
void               ipd_dossier_row_set_summary (IpdDossierRow *self, IpdDossierSummary *summary);
gint64             ipd_dossier_row_get_id      (IpdDossierRow *self);

G_END_DECLS
