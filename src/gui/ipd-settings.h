/* ipd-settings.h
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *ipd_settings_new (void);
void       ipd_settings_save_filters (GSettings *settings, const char *register_path, GVariant *filters);
GVariant  *ipd_settings_dup_filters  (GSettings *settings, const char *register_path);
char      *ipd_settings_dup_officer_name (void);
char      *ipd_settings_dup_language (void);

G_END_DECLS
