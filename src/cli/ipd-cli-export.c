/* ipd-cli-export.c — `ipdossiers-cli export`: official registers as .xlsx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-cli.h"
#include "ipd-export.h"
#include "ipd-vocabulary.h"

typedef struct {
  char *report, *quarter, *from, *to, *kind, *status, *officer, *province, *output;
  int   year;
} ExportOptions;

static void
export_options_clear (ExportOptions *o)
{
  g_free (o->report);
  g_free (o->quarter);
  g_free (o->from);
  g_free (o->to);
  g_free (o->kind);
  g_free (o->status);
  g_free (o->officer);
  g_free (o->province);
  g_free (o->output);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportOptions, export_options_clear)

/* One of --quarter, --year, --from with --to. */
static IpdCliStatus
parse_period (const ExportOptions *o, IpdReportPeriod *period)
{
  g_autoptr(GError) error = NULL;
  int given = (o->quarter != NULL) + (o->year != 0) + (o->from != NULL || o->to != NULL);
  gboolean ok;

  if (given != 1)
    return ipd_cli_usage_error (_("Give one period: --quarter 2026-Q3, --year 2026, or --from DATE --to DATE"));
  if (o->quarter)
    ok = ipd_report_period_quarter (period, o->quarter, &error);
  else if (o->year)
    ok = ipd_report_period_year (period, o->year, &error);
  else if (o->from == NULL || o->to == NULL)
    return ipd_cli_usage_error (_("--from and --to go together"));
  else
    ok = ipd_report_period_range (period, o->from, o->to, &error);
  if (!ok)
    return ipd_cli_usage_error ("%s", error->message);
  return IPD_CLI_OK;
}

static IpdCliStatus
check_filters (const ExportOptions *o)
{
  if (o->kind && !ipd_vocabulary_find (IPD_VOCAB_KIND, o->kind))
    {
      g_autofree char *kinds = ipd_vocabulary_codes (IPD_VOCAB_KIND);
      return ipd_cli_usage_error (_("“%s” is not a kind; choose one of %s"), o->kind, kinds);
    }
  if (o->status && !ipd_vocabulary_find (IPD_VOCAB_STATUS, o->status))
    {
      g_autofree char *statuses = ipd_vocabulary_codes (IPD_VOCAB_STATUS);
      return ipd_cli_usage_error (_("“%s” is not a status; choose one of %s"), o->status, statuses);
    }
  return IPD_CLI_OK;
}

typedef gboolean (*ExportFunc) (IpdStore *store, const IpdReportPeriod *period,
                               const IpdQuery *filters, const char *path,
                               IpdExportProgress progress, gpointer user_data,
                               GCancellable *cancellable, GError **error);

static ExportFunc
find_report (const char *name)
{
  static const struct { const char *name; ExportFunc export; } reports[] = {
    { "applications", ipd_export_applications },
    { "titles", ipd_export_titles },
    { "statistics", ipd_export_statistics },
  };

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    if (g_str_equal (name, reports[i].name))
      return reports[i].export;
  return NULL;
}

IpdCliStatus
ipd_cli_run_export (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  g_auto(ExportOptions) o = { NULL };
  GOptionEntry entries[] = {
    { "report", 0, 0, G_OPTION_ARG_STRING, &o.report, N_("applications, titles or statistics"), N_("REPORT") },
    { "quarter", 0, 0, G_OPTION_ARG_STRING, &o.quarter, N_("The quarter, e.g. 2026-Q3"), N_("QUARTER") },
    { "year", 0, 0, G_OPTION_ARG_INT, &o.year, N_("The whole year"), N_("YEAR") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &o.from, N_("First day of the period, dd/mm/yyyy"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &o.to, N_("Last day of the period, dd/mm/yyyy"), N_("DATE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &o.kind, N_("Only this kind"), N_("KIND") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &o.status, N_("Only this status"), N_("STATUS") },
    { "officer", 0, 0, G_OPTION_ARG_STRING, &o.officer, N_("Only the dossiers of this officer"), N_("NAME") },
    { "province", 0, 0, G_OPTION_ARG_STRING, &o.province, N_("Only dossiers tied to this province"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output, N_("The .xlsx file to write"), N_("FILE") },
    { NULL }
  };
  IpdReportPeriod period;
  IpdQuery filters = { NULL };
  IpdCliStatus status;
  ExportFunc export;
  IpdStore *store;
  GError *error = NULL;

  if (!ipd_cli_parse (cli, command, entries, &argc, &argv, 0, 0, &status))
    return status;
  if (o.report == NULL)
    return ipd_cli_usage_error (_("Choose a report with --report applications"));
  if ((export = find_report (o.report)) == NULL)
    return ipd_cli_usage_error (_("“%s” is not a report; choose applications, titles or statistics"), o.report);
  if (o.output == NULL)
    return ipd_cli_usage_error (_("Name the file to write with -o FILE.xlsx"));
  if ((status = parse_period (&o, &period)) != IPD_CLI_OK
      || (status = check_filters (&o)) != IPD_CLI_OK)
    return status;

  filters.kind = o.kind;
  filters.status = o.status;
  filters.officer = o.officer;
  filters.province = o.province;
  if ((store = ipd_cli_open_store_for_reading (cli, &status)) == NULL)
    return status;
  if (!export (store, &period, &filters, o.output, NULL, NULL, NULL, &error))
    return ipd_cli_fail (cli, error);
  return IPD_CLI_OK;
}
