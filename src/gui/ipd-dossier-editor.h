/* ipd-dossier-editor.h — the form that creates and edits a dossier
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-store.h"

G_BEGIN_DECLS

#define IPD_TYPE_DOSSIER_EDITOR (ipd_dossier_editor_get_type ())
G_DECLARE_FINAL_TYPE (IpdDossierEditor, ipd_dossier_editor, IPD, DOSSIER_EDITOR, GtkWidget)

void        ipd_dossier_editor_edit      (IpdDossierEditor *self, IpdStore *store, IpdDossier *dossier);
gboolean    ipd_dossier_editor_is_dirty  (IpdDossierEditor *self);
gboolean    ipd_dossier_editor_save      (IpdDossierEditor *self, GError **error);
IpdDossier *ipd_dossier_editor_get_dossier (IpdDossierEditor *self);
gboolean    ipd_dossier_editor_set_field (IpdDossierEditor *self, const char *field, const char *text);
const char *ipd_dossier_editor_get_problem (IpdDossierEditor *self, const char *field);
void        ipd_dossier_editor_set_mark_image (IpdDossierEditor *self, GBytes *image);

G_END_DECLS
