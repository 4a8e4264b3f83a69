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

/**
 * ipd_settings_save_filters:
 * @filters: an `a{ss}` dictionary (see ipd_filter_sidebar_get_state())
 *
 * Keeps the sidebar's choices together with the register they were made
 * on: a province or an officer of one register means nothing in another.
 */
void
ipd_settings_save_filters (GSettings *settings, const char *register_path, GVariant *filters)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (register_path != NULL);

  g_settings_set_string (settings, "sidebar-register", register_path);
  g_settings_set_value (settings, "sidebar-filters", filters);
}

/**
 * ipd_settings_dup_filters:
 *
 * Returns: (transfer full) (nullable): the filters kept for @register_path,
 *   or %NULL when those kept belong to another register
 */
GVariant *
ipd_settings_dup_filters (GSettings *settings, const char *register_path)
{
  g_autofree char *kept_for = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (register_path != NULL, NULL);

  kept_for = g_settings_get_string (settings, "sidebar-register");
  if (!g_str_equal (kept_for, register_path))
    return NULL;
  return g_settings_get_value (settings, "sidebar-filters");
}

/**
 * ipd_settings_dup_officer_name:
 *
 * The officer filled in on new dossiers: the name given in Preferences,
 * else the account's real name.
 *
 * Returns: (transfer full) (nullable): the name, or %NULL when neither is known
 */
char *
ipd_settings_dup_officer_name (void)
{
  g_autoptr(GSettings) settings = ipd_settings_new ();
  g_autofree char *name = settings ? g_settings_get_string (settings, "officer-name") : NULL;
  const char *real_name = g_get_real_name ();

  if (name != NULL && *g_strstrip (name) != '\0')
    return g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  /* GLib says "Unknown" when the account has no real name */
  if (real_name == NULL || *real_name == '\0' || g_str_equal (real_name, "Unknown"))
    return NULL;
  return g_utf8_normalize (real_name, -1, G_NORMALIZE_NFC);
}

/**
 * ipd_settings_dup_language:
 *
 * The language chosen in Preferences: "vi", "en", or "system" to follow
 * the system's.
 *
 * Returns: (transfer full) (nullable): the choice, or %NULL when the
 *   schema is not installed
 */
char *
ipd_settings_dup_language (void)
{
  g_autoptr(GSettings) settings = ipd_settings_new ();

  return settings ? g_settings_get_string (settings, "language") : NULL;
}
