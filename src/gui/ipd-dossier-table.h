/* ipd-dossier-table.h — the register as a table: one row per dossier
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-dossier-list.h"

G_BEGIN_DECLS

#define IPD_TYPE_DOSSIER_TABLE (ipd_dossier_table_get_type ())
G_DECLARE_FINAL_TYPE (IpdDossierTable, ipd_dossier_table, IPD, DOSSIER_TABLE, GtkWidget)

void     ipd_dossier_table_set_model       (IpdDossierTable *self, IpdDossierList *model);
void     ipd_dossier_table_get_sort        (IpdDossierTable *self, IpdSortColumn *column,
                                            gboolean *descending);
gint64   ipd_dossier_table_get_selected_id (IpdDossierTable *self);
gboolean ipd_dossier_table_select_id       (IpdDossierTable *self, gint64 id);
GtkColumnView *ipd_dossier_table_get_view  (IpdDossierTable *self);
GVariant      *ipd_dossier_table_get_widths (IpdDossierTable *self);
void           ipd_dossier_table_set_widths (IpdDossierTable *self, GVariant *widths);

G_END_DECLS
