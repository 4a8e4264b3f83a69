/* ipd-dossier-list.h — a GListModel of the dossiers a query selects, loaded page by page
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ipd-store.h"

G_BEGIN_DECLS

#define IPD_TYPE_DOSSIER_LIST (ipd_dossier_list_get_type ())
G_DECLARE_FINAL_TYPE (IpdDossierList, ipd_dossier_list, IPD, DOSSIER_LIST, GObject)

IpdDossierList *ipd_dossier_list_new          (IpdStore *store);
gboolean        ipd_dossier_list_set_query    (IpdDossierList *self,
                                               const IpdQuery *query,
                                               GError        **error);
gboolean        ipd_dossier_list_refresh      (IpdDossierList *self,
                                               GError        **error);
gint64          ipd_dossier_list_get_id       (IpdDossierList *self,
                                               guint           position);
gboolean        ipd_dossier_list_find         (IpdDossierList *self,
                                               gint64          id,
                                               guint          *position);
void            ipd_dossier_list_set_shown    (IpdDossierList *self,
                                               guint           first,
                                               guint           n);
guint           ipd_dossier_list_get_n_loaded_pages (IpdDossierList *self);
guint           ipd_dossier_list_get_n_page_loads   (IpdDossierList *self);

G_END_DECLS
