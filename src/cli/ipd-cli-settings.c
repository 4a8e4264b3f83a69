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
