/* ipd-cli-main.c — ipdossiers-cli: the register from a terminal or a script
 *
 *   ipdossiers-cli [--db PATH] [--json] COMMAND [OPTIONS] [ARGUMENTS]
 *
 * Exit status: 0 done, 1 the user's error (the message says what), 2 an
 * internal error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ipd-i18n.h"
#include "ipd-cli.h"
#include "ipd-error.h"
#include "ipd-pdf-document.h"

static gboolean
is_user_error (const GError *error)
{
  if (error->domain == IPD_ERROR)
    return error->code != IPD_ERROR_FAILED;
  return error->domain == G_OPTION_ERROR || error->domain == G_IO_ERROR || error->domain == IPD_PDF_ERROR
      || error->domain == G_FILE_ERROR;
}

/* Prints @error (taking it) and returns the exit status it calls for. */
IpdCliStatus
ipd_cli_fail (IpdCli *cli, GError *error)
{
  IpdCliStatus status = is_user_error (error) ? IPD_CLI_USER_ERROR : IPD_CLI_INTERNAL_ERROR;

  /* Translators: the program's name, then the message of an error */
  g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
  g_error_free (error);
  return status;
}

IpdCliStatus
ipd_cli_usage_error (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr (_("%s: %s\n"), g_get_prgname (), message);
  g_printerr (_("Run “%s --help” for the commands.\n"), g_get_prgname ());
  return IPD_CLI_USER_ERROR;
}

/* Parses a command's options and checks its number of arguments; on return
 * (*argv)[1…] are the arguments. */
gboolean
ipd_cli_parse (IpdCli *cli, const IpdCliCommand *command, GOptionEntry *entries,
               int *argc, char ***argv, int min_args, int max_args, IpdCliStatus *status)
{
  GOptionEntry common[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &cli->db_path, N_("The register file"), N_("PATH") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli->json, N_("Print data as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (command->parameters);
  g_autoptr(GError) error = NULL;
  int n_args;

  g_option_context_set_summary (context, _(command->summary));
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (entries)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = ipd_cli_usage_error ("%s", error->message);
      return FALSE;
    }
  n_args = *argc - 1;
  if (n_args < min_args || (max_args >= 0 && n_args > max_args))
    {
      /* Translators: a command's name, then what it expects */
      *status = ipd_cli_usage_error (_("“%s” expects: %s"), command->name,
                                     command->parameters ? command->parameters : _("no arguments"));
      return FALSE;
    }
  return TRUE;
}

IpdStore *
ipd_cli_open_store (IpdCli *cli, IpdCliStatus *status)
{
  g_autofree char *default_path = NULL;
  GError *error = NULL;

  if (cli->store != NULL)
    return cli->store;
  if (cli->db_path == NULL)
    cli->db_path = ipd_store_default_path ();
  cli->store = ipd_store_open (cli->db_path, IPD_STORE_DEFAULT, &error);
  if (cli->store == NULL)
    *status = ipd_cli_fail (cli, error);
  return cli->store;
}

/* For commands that only read (reports): a read-only connection, without
 * the read-write one's 32 MiB page cache, so a 100 000-row export stays
 * small. A register that must first be created or migrated is opened as
 * ipd_cli_open_store () does. */
IpdStore *
ipd_cli_open_store_for_reading (IpdCli *cli, IpdCliStatus *status)
{
  g_autoptr(GError) error = NULL;

  if (cli->store != NULL)
    return cli->store;
  if (cli->db_path == NULL)
    cli->db_path = ipd_store_default_path ();
  cli->store = ipd_store_open (cli->db_path, IPD_STORE_READ_ONLY, &error);
  if (cli->store == NULL)
    g_debug ("Opening %s for writing: %s", cli->db_path, error->message);
  return cli->store ? cli->store : ipd_cli_open_store (cli, status);
}

void
ipd_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

#define HELP_COLUMN 28

/* "  usage   description", the descriptions lined up in one column; a
 * usage too wide for it gets a line of its own. Widths in characters:
 * "TEXT…" is not ASCII. */
static void
print_entry (const char *usage, const char *description)
{
  glong width = g_utf8_strlen (usage, -1);

  if (width > HELP_COLUMN)
    g_print ("  %s\n  %*s %s\n", usage, HELP_COLUMN, "", description);
  else
    g_print ("  %s%*s %s\n", usage, (int) (HELP_COLUMN - width), "", description);
}

static void
print_option (const char *option, const char *argument, const char *description)
{
  g_autofree char *usage = g_strdup_printf ("%s%s%s", option, argument ? " " : "", argument ? argument : "");

  print_entry (usage, description);
}

static void
print_help (void)
{
  guint n_commands;
  const IpdCliCommand *commands = ipd_cli_commands (&n_commands);

  g_print (_("Usage: %s [--db PATH] [--json] COMMAND [OPTIONS] [ARGUMENTS]\n\n"), g_get_prgname ());
  g_print ("%s\n\n", _("Keeps the register of trademark, collective mark, certification mark and geographical indication dossiers."));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < n_commands; i++)
    {
      g_autofree char *usage = g_strdup_printf ("%s%s%s", commands[i].name, commands[i].parameters ? " " : "",
                                                commands[i].parameters ? commands[i].parameters : "");

      print_entry (usage, _(commands[i].summary));
    }
  g_print ("\n%s\n", _("Options for every command:"));
  print_option ("--db", _("PATH"), _("The register file (default: $IPDOSSIERS_DB, or the register in your data folder)"));
  print_option ("--json", NULL, _("Print data as JSON"));
  g_print ("\n%s\n", _("“COMMAND --help” describes a command. Exit status: 0 done, 1 an error in what was asked, 2 an internal error."));
}

/* Options may stand before the command as well as after it. */
static int
take_leading_options (IpdCli *cli, int argc, char **argv)
{
  int i = 1;

  while (i < argc && argv[i][0] == '-')
    {
      if (g_str_equal (argv[i], "--json"))
        cli->json = TRUE;
      else if (g_str_equal (argv[i], "--db") && i + 1 < argc)
        g_free (cli->db_path), cli->db_path = g_strdup (argv[++i]);
      else if (g_str_has_prefix (argv[i], "--db="))
        g_free (cli->db_path), cli->db_path = g_strdup (argv[i] + strlen ("--db="));
      else
        break;
      i++;
    }
  return i;
}

static IpdCliStatus
run_command (IpdCli *cli, int argc, char **argv)
{
  guint n_commands;
  const IpdCliCommand *commands = ipd_cli_commands (&n_commands);

  for (guint i = 0; i < n_commands; i++)
    if (g_str_equal (argv[0], commands[i].name))
      return commands[i].run (cli, &commands[i], argc, argv);
  /* Translators: %s is what the user typed as a command */
  return ipd_cli_usage_error (_("“%s” is not a command"), argv[0]);
}

int
main (int argc, char **argv)
{
  IpdCli cli = { NULL };
  int first;
  IpdCliStatus status;

  ipd_i18n_init ();
  g_set_prgname ("ipdossiers-cli");

  first = take_leading_options (&cli, argc, argv);
  if (first >= argc || g_str_equal (argv[first], "--help") || g_str_equal (argv[first], "-h")
      || g_str_equal (argv[first], "help"))
    {
      print_help ();
      status = first >= argc ? IPD_CLI_USER_ERROR : IPD_CLI_OK;
    }
  else if (g_str_equal (argv[first], "--version"))
    {
      g_print ("ipdossiers-cli %s\n", PACKAGE_VERSION);
      status = IPD_CLI_OK;
    }
  else
    status = run_command (&cli, argc - first, argv + first);

  g_clear_object (&cli.store);
  g_free (cli.db_path);
  return status;
}
