/* ipd-cli-settings.c — `ipdossiers-cli setting`: the register's shared
 * settings (the agency lines printed on reports)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-cli.h"

static const char * const keys[] = {
  IPD_SETTING_AGENCY_PARENT, IPD_SETTING_AGENCY_NAME,
  IPD_SETTING_AGENCY_PROVINCE, IPD_SETTING_AGENCY_PLACE,
};

static gboolean
is_known_key (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (key, keys[i]))
      return TRUE;
  return FALSE;
}

/* "setting KEY" prints the value, "setting KEY VALUE" sets it. */
IpdCliStatus
ipd_cli_run_setting (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  IpdCliStatus status;
  IpdStore *store;
  GError *error = NULL;

  if (!ipd_cli_parse (cli, command, NULL, &argc, &argv, 1, 2, &status))
    return status;
  if (!is_known_key (argv[1]))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) keys);
      /* Translators: what the user typed, then the list of settings */
      return ipd_cli_usage_error (_("“%s” is not a setting; choose one of %s"), argv[1], known);
    }
  if ((store = ipd_cli_open_store (cli, &status)) == NULL)
    return status;
  if (argc == 2)
    {
      g_autofree char *value = ipd_store_dup_setting (store, argv[1]);
      g_print ("%s\n", value ? value : "");
      return IPD_CLI_OK;
    }
  if (!ipd_store_set_setting (store, argv[1], argv[2], &error))
    return ipd_cli_fail (cli, error);
  return IPD_CLI_OK;
}

/* "import-units FILE": the list of administrative units (TSV) that the
 * statistics map former communes, districts and provinces through. */
IpdCliStatus
ipd_cli_run_import_units (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *name = NULL;
  IpdCliStatus status;
  IpdStore *store;
  GError *error = NULL;
  gint64 communes;

  if (!ipd_cli_parse (cli, command, NULL, &argc, &argv, 1, 1, &status))
    return status;
  file = g_file_new_for_commandline_arg (argv[1]);
  if ((contents = g_file_load_bytes (file, NULL, NULL, &error)) == NULL)
    return ipd_cli_fail (cli, error);
  if ((store = ipd_cli_open_store (cli, &status)) == NULL)
    return status;
  name = g_file_get_basename (file);
  if (!ipd_store_import_admin_units (store, name, contents, &error)
      || (communes = ipd_store_count_listed_communes (store, &error)) < 0)
    return ipd_cli_fail (cli, error);
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "communes");
      json_builder_add_int_value (builder, communes);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      ipd_cli_print_json (node);
    }
  else
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, communes);

      /* Translators: %s is a number of communes and wards */
      g_print (ngettext ("Imported %s commune.\n", "Imported %s communes.\n", communes), number);
    }
  return IPD_CLI_OK;
}
