/* ipd-admin-units-group.h — the register's list of administrative units, in Preferences
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-store.h"

G_BEGIN_DECLS

#define IPD_TYPE_ADMIN_UNITS_GROUP (ipd_admin_units_group_get_type ())
G_DECLARE_FINAL_TYPE (IpdAdminUnitsGroup, ipd_admin_units_group, IPD, ADMIN_UNITS_GROUP,
                      AdwPreferencesGroup)

void     ipd_admin_units_group_set_store   (IpdAdminUnitsGroup *self, IpdStore *store);
void     ipd_admin_units_group_import_file (IpdAdminUnitsGroup *self, GFile *file);
gboolean ipd_admin_units_group_is_busy     (IpdAdminUnitsGroup *self);

G_END_DECLS
