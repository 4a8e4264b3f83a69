/* ipd-filter-sidebar.h — the register's filters, with counts
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-store.h"

G_BEGIN_DECLS

#define IPD_TYPE_FILTER_SIDEBAR (ipd_filter_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (IpdFilterSidebar, ipd_filter_sidebar, IPD, FILTER_SIDEBAR, GtkWidget)

void ipd_filter_sidebar_set_store   (IpdFilterSidebar *self, IpdStore *store);
void ipd_filter_sidebar_refresh     (IpdFilterSidebar *self);
void ipd_filter_sidebar_apply       (IpdFilterSidebar *self, IpdQuery *query);
void ipd_filter_sidebar_select      (IpdFilterSidebar *self, IpdFacet facet, const char *value);
void ipd_filter_sidebar_show_trash  (IpdFilterSidebar *self, gboolean trash);
void ipd_filter_sidebar_clear       (IpdFilterSidebar *self);
GtkListBoxRow *ipd_filter_sidebar_find_row (IpdFilterSidebar *self, IpdFacet facet, const char *value);
GVariant      *ipd_filter_sidebar_get_state (IpdFilterSidebar *self);
void           ipd_filter_sidebar_set_state (IpdFilterSidebar *self, GVariant *state);

G_END_DECLS
