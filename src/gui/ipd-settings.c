/* ipd-settings.c — the application's GSettings, when its schema is installed
 *
 * Running from the build tree without the compiled schema (GSETTINGS_SCHEMA_DIR)
 * must not abort: window size and recent registers are then simply not kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-settings"

#include "config.h"

#include "ipd-settings.h"

GSettings *
ipd_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed: settings are not kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}
