/* ipd-cli-commands.c — the commands of ipdossiers-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "ipd-amount.h"
#include "ipd-cli.h"
#include "ipd-date.h"
#include "ipd-demo.h"
#include "ipd-error.h"
#include "ipd-generator.h"
#include "ipd-ics.h"
#include "ipd-vocabulary.h"

#define OPEN_STORE_OR_RETURN(cli, store)                         \
  IpdCliStatus open_status = IPD_CLI_OK;                         \
  IpdStore *store = ipd_cli_open_store ((cli), &open_status);    \
  if (store == NULL)                                             \
    return open_status

/* init ------------------------------------------------------------------------ */

static IpdCliStatus
run_init (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  g_autofree char *prefix = NULL;
  GOptionEntry entries[] = {
    { "prefix", 0, 0, G_OPTION_ARG_STRING, &prefix, N_("Letters that begin every reference, e.g. LCU"), N_("LETTERS") },
    { NULL }
  };
  IpdCliStatus status;
  GError *error = NULL;

  if (!ipd_cli_parse (cli, command, entries, &argc, &argv, 0, 0, &status))
    return status;
  {
    OPEN_STORE_OR_RETURN (cli, store);
    if (prefix != NULL)
      {
        if (!g_regex_match_simple ("^[A-Z0-9]{1,8}$", prefix, 0, 0))
          return ipd_cli_usage_error (_("The prefix must be 1 to 8 capital letters or digits, like LCU"));
        if (!ipd_store_set_setting (store, "reference_prefix", prefix, &error))
          return ipd_cli_fail (cli, error);
      }
    /* Translators: %s is a file path */
    g_print (_("The register is ready: %s\n"), ipd_store_get_path (store));
  }
  return IPD_CLI_OK;
}

/* demo and generate ------------------------------------------------------------- */

static IpdCliStatus
run_demo (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  IpdCliStatus status;
  GError *error = NULL;
  int n;

  if (!ipd_cli_parse (cli, command, NULL, &argc, &argv, 0, 0, &status))
    return status;
  {
    OPEN_STORE_OR_RETURN (cli, store);
    n = ipd_demo_load (store, &error);
    if (n < 0)
      return ipd_cli_fail (cli, error);
    g_print (g_dngettext (GETTEXT_PACKAGE, "Added %d sample dossier.\n", "Added %d sample dossiers.\n", n), n);
  }
  return IPD_CLI_OK;
}

static void
print_progress (guint done, guint total, gpointer user_data)
{
  if (isatty (fileno (stderr)))
    g_printerr ("\r%u / %u", done, total);
}

static IpdCliStatus
run_generate (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  int n_dossiers = 0, seed = 1;
  GOptionEntry entries[] = {
    { "dossiers", 0, 0, G_OPTION_ARG_INT, &n_dossiers, N_("How many dossiers to add"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("The same seed gives the same data (default 1)"), "S" },
    { NULL }
  };
  IpdCliStatus status;
  GError *error = NULL;
  gint64 start;

  if (!ipd_cli_parse (cli, command, entries, &argc, &argv, 0, 0, &status))
    return status;
  if (n_dossiers <= 0 || n_dossiers > 10000000)
    return ipd_cli_usage_error (_("Give the number of dossiers with --dossiers N (1 to 10 000 000)"));
  {
    OPEN_STORE_OR_RETURN (cli, store);
    start = g_get_monotonic_time ();
    if (!ipd_generator_run (store, n_dossiers, (guint32) seed, print_progress, NULL, NULL, &error))
      return ipd_cli_fail (cli, error);
    if (isatty (fileno (stderr)))
      g_printerr ("\n");
    /* Translators: a number of dossiers, then seconds */
    g_print (_("Added %d dossiers in %.1f s.\n"), n_dossiers, (g_get_monotonic_time () - start) / 1e6);
  }
  return IPD_CLI_OK;
}

/* add ----------------------------------------------------------------------------- */

typedef struct {
  char *kind, *name, *app_number, *filing_date, *officer, *programme, *amount;
  char *applicant, *applicant_type, *owner, *managing_org, *public_note, *internal_note;
  char *regulation, *certificate, *grant_date, *decision, *decision_date, *foreign;
  char *priority_country, *priority_number, *priority_date;
  char **classes, **products, **aliases, **area;
  gboolean override_format;
} AddOptions;

static void
add_options_clear (AddOptions *o)
{
  char **strings[] = {
    &o->kind, &o->name, &o->app_number, &o->filing_date, &o->officer, &o->programme, &o->amount,
    &o->applicant, &o->applicant_type, &o->owner, &o->managing_org, &o->public_note,
    &o->internal_note, &o->regulation, &o->certificate, &o->grant_date, &o->decision,
    &o->decision_date, &o->foreign, &o->priority_country, &o->priority_number, &o->priority_date,
  };
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
  g_clear_pointer (&o->classes, g_strfreev);
  g_clear_pointer (&o->products, g_strfreev);
  g_clear_pointer (&o->aliases, g_strfreev);
  g_clear_pointer (&o->area, g_strfreev);
}

/* "30" or "30=Chè; trà" */
static gboolean
parse_class (IpdDossier *d, const char *spec, GError **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, "=", 2);
  guint64 number = 0;

  if (!g_ascii_string_to_unsigned (g_strstrip (parts[0]), 10, 0, 999, &number, NULL))
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                   /* Translators: %s is what the user typed */
                   _("Nice classes: “%s” is not a class; write 30 or 30=goods"), spec);
      return FALSE;
    }
  ipd_dossier_add_class (d, (int) number, parts[1]);
  return TRUE;
}

/* An existing party of that name is reused: no duplicates by accident. */
static gint64
party_for_name (IpdStore *store, const char *name, const char *type, GError **error)
{
  g_autoptr(GPtrArray) found = ipd_store_find_parties (store, name, NULL, error);
  g_autoptr(IpdParty) party = NULL;

  if (found == NULL)
    return 0;
  for (guint i = 0; i < found->len; i++)
    {
      IpdParty *candidate = g_ptr_array_index (found, i);
      if (g_utf8_collate (candidate->name, name) == 0)
        return candidate->id;
    }
  party = ipd_party_new (name, type);
  if (!ipd_store_save_party (store, party, error))
    return 0;
  return party->id;
}

static gboolean
add_party_role (IpdStore *store, IpdDossier *d, const char *name, const char *type,
                const char *role, GError **error)
{
  gint64 id;

  if (name == NULL)
    return TRUE;
  id = party_for_name (store, name, type, error);
  if (id == 0)
    return FALSE;
  ipd_dossier_add_party (d, id, role, name);
  return TRUE;
}

static IpdDossier *
dossier_from_options (IpdStore *store, AddOptions *o, GError **error)
{
  g_autoptr(IpdDossier) d = ipd_dossier_new (o->kind, o->name);

  d->app_number = g_strdup (o->app_number);
  d->app_number_override = o->override_format;
  d->filing_date = g_strdup (o->filing_date);
  d->officer = g_strdup (o->officer);
  d->programme = g_strdup (o->programme);
  d->public_note = g_strdup (o->public_note);
  d->internal_note = g_strdup (o->internal_note);
  d->regulation_ref = g_strdup (o->regulation);
  d->certificate_number = g_strdup (o->certificate);
  d->grant_date = g_strdup (o->grant_date);
  d->decision_number = g_strdup (o->decision);
  d->decision_date = g_strdup (o->decision_date);
  d->foreign_protection = g_strdup (o->foreign);
  d->priority_country = g_strdup (o->priority_country);
  d->priority_number = g_strdup (o->priority_number);
  d->priority_date = g_strdup (o->priority_date);

  if (o->amount != NULL)
    {
      g_autoptr(GError) amount_error = NULL;
      if (!ipd_amount_parse (o->amount, &d->support_amount, &amount_error))
        {
          /* Translators: a field's name, then what is wrong with it */
          g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID, _("%s: %s"), _("Support amount"),
                       amount_error->message);
          return NULL;
        }
    }
  for (guint i = 0; o->classes && o->classes[i]; i++)
    if (!parse_class (d, o->classes[i], error))
      return NULL;
  for (guint i = 0; o->products && o->products[i]; i++)
    ipd_dossier_add_product (d, o->products[i]);
  for (guint i = 0; o->aliases && o->aliases[i]; i++)
    ipd_dossier_add_alias (d, o->aliases[i]);
  for (guint i = 0; o->area && o->area[i]; i++)
    {
      /* "as written;commune;province", the last two optional */
      g_auto(GStrv) parts = g_strsplit (o->area[i], ";", 3);
      guint n = g_strv_length (parts);

      ipd_dossier_add_area_unit (d, parts[0], n > 1 && *parts[1] ? parts[1] : NULL,
                                 n > 2 && *parts[2] ? parts[2] : NULL);
    }
  return g_steal_pointer (&d);
}

static IpdCliStatus
run_add (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  AddOptions o = { NULL };
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &o.kind, N_("trademark, collective, certification or gi"), N_("KIND") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &o.name, N_("The mark's text or the GI's name"), N_("NAME") },
    { "alias", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.aliases, N_("Another spelling (repeatable)"), N_("NAME") },
    { "app-number", 0, 0, G_OPTION_ARG_STRING, &o.app_number, N_("Application number, e.g. 4-2025-20619"), N_("NUMBER") },
    { "override-format", 0, 0, G_OPTION_ARG_NONE, &o.override_format, N_("Accept an application number in another form"), NULL },
    { "filing-date", 0, 0, G_OPTION_ARG_STRING, &o.filing_date, N_("Filing date, dd/mm/yyyy"), N_("DATE") },
    { "priority-country", 0, 0, G_OPTION_ARG_STRING, &o.priority_country, N_("Priority: country"), N_("CODE") },
    { "priority-number", 0, 0, G_OPTION_ARG_STRING, &o.priority_number, N_("Priority: application number"), N_("NUMBER") },
    { "priority-date", 0, 0, G_OPTION_ARG_STRING, &o.priority_date, N_("Priority: date, dd/mm/yyyy"), N_("DATE") },
    { "decision", 0, 0, G_OPTION_ARG_STRING, &o.decision, N_("Decision number, e.g. 559/QĐ-SHTT"), N_("NUMBER") },
    { "decision-date", 0, 0, G_OPTION_ARG_STRING, &o.decision_date, N_("Decision date, dd/mm/yyyy"), N_("DATE") },
    { "certificate", 0, 0, G_OPTION_ARG_STRING, &o.certificate, N_("Certificate number"), N_("NUMBER") },
    { "grant-date", 0, 0, G_OPTION_ARG_STRING, &o.grant_date, N_("Grant date, dd/mm/yyyy"), N_("DATE") },
    { "applicant", 0, 0, G_OPTION_ARG_STRING, &o.applicant, N_("Applicant's name (an existing party is reused)"), N_("NAME") },
    { "applicant-type", 0, 0, G_OPTION_ARG_STRING, &o.applicant_type, N_("cooperative, enterprise, household, individual or agency"), N_("TYPE") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &o.owner, N_("Owner's name"), N_("NAME") },
    { "managing-org", 0, 0, G_OPTION_ARG_STRING, &o.managing_org, N_("Managing organisation (GIs)"), N_("NAME") },
    { "officer", 0, 0, G_OPTION_ARG_STRING, &o.officer, N_("Officer in charge"), N_("NAME") },
    { "class", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.classes, N_("Nice class with goods, e.g. \"30=Chè; trà\" (repeatable)"), N_("CLASS") },
    { "product", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.products, N_("A GI's product (repeatable)"), N_("PRODUCT") },
    { "area", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.area, N_("A unit of a GI's area, as written, optionally ;commune;province (repeatable)"), N_("UNIT") },
    { "regulation", 0, 0, G_OPTION_ARG_STRING, &o.regulation, N_("Regulation on use"), N_("REFERENCE") },
    { "foreign-protection", 0, 0, G_OPTION_ARG_STRING, &o.foreign, N_("Where it is protected abroad"), N_("TEXT") },
    { "programme", 0, 0, G_OPTION_ARG_STRING, &o.programme, N_("Support programme"), N_("NAME") },
    { "amount", 0, 0, G_OPTION_ARG_STRING, &o.amount, N_("Support amount in đồng, e.g. 60.000.000"), N_("AMOUNT") },
    { "public-note", 0, 0, G_OPTION_ARG_STRING, &o.public_note, N_("What the applicant may be told"), N_("TEXT") },
    { "internal-note", 0, 0, G_OPTION_ARG_STRING, &o.internal_note, N_("For officers only"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(IpdDossier) d = NULL;
  IpdCliStatus status;
  GError *error = NULL;
  gboolean ok;

  ok = ipd_cli_parse (cli, command, entries, &argc, &argv, 0, 0, &status);
  if (ok && (o.kind == NULL || o.name == NULL))
    {
      status = ipd_cli_usage_error (_("A new dossier needs --kind and --name"));
      ok = FALSE;
    }
  if (!ok)
    {
      add_options_clear (&o);
      return status;
    }
  {
    OPEN_STORE_OR_RETURN (cli, store);

    /* Parties and dossier together, or nothing. */
    ok = ipd_store_begin_batch (store, &error)
         && (d = dossier_from_options (store, &o, &error)) != NULL
         && add_party_role (store, d, o.applicant, o.applicant_type ? o.applicant_type : "cooperative",
                            IPD_ROLE_APPLICANT, &error)
         && add_party_role (store, d, o.owner, o.applicant_type ? o.applicant_type : "cooperative",
                            IPD_ROLE_OWNER, &error)
         && add_party_role (store, d, o.managing_org, "agency", IPD_ROLE_MANAGING_ORG, &error)
         && ipd_store_save_dossier (store, d, &error);
    add_options_clear (&o);
    if (!ok)
      {
        ipd_store_rollback_batch (store);
        return ipd_cli_fail (cli, error);
      }
    if (!ipd_store_commit_batch (store, &error))
      return ipd_cli_fail (cli, error);

    if (cli->json)
      {
        g_autoptr(JsonNode) node = ipd_cli_dossier_to_json (store, d, NULL, NULL);
        ipd_cli_print_json (node);
      }
    else
      g_print ("%s\n", d->reference);
  }
  return IPD_CLI_OK;
}

/* show, list, search ------------------------------------------------------------- */

static IpdCliStatus
run_show (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  g_autoptr(IpdDossier) d = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  IpdCliStatus status;
  GError *error = NULL;

  if (!ipd_cli_parse (cli, command, NULL, &argc, &argv, 1, 1, &status))
    return status;
  {
    OPEN_STORE_OR_RETURN (cli, store);
    if ((d = ipd_store_find_dossier (store, argv[1], &error)) == NULL
        || (events = ipd_store_list_events (store, d->id, &error)) == NULL
        || (attachments = ipd_store_list_attachments (store, d->id, &error)) == NULL)
      return ipd_cli_fail (cli, error);

    if (cli->json)
      {
        g_autoptr(JsonNode) node = ipd_cli_dossier_to_json (store, d, events, attachments);
        ipd_cli_print_json (node);
      }
    else
      ipd_cli_print_dossier (d, events, attachments);
  }
  return IPD_CLI_OK;
}

static const char *sort_names[] = { "name", "reference", "filing-date", "app-number", "status", "updated" };

static IpdCliStatus
list_dossiers (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv, gboolean searching)
{
  g_autofree char *kind = NULL, *status_code = NULL, *sort = NULL;
  int year = 0, limit = 0;
  gboolean trash = FALSE, descending = FALSE;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("Only this kind"), N_("KIND") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_code, N_("Only this status"), N_("STATUS") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("Only dossiers filed this year"), N_("YEAR") },
    { "trash", 0, 0, G_OPTION_ARG_NONE, &trash, N_("List the trash"), NULL },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort, N_("name, reference, filing-date, app-number, status or updated"), N_("COLUMN") },
    { "descending", 0, 0, G_OPTION_ARG_NONE, &descending, N_("Reverse the order"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many"), "N" },
    { NULL }
  };
  IpdQuery query = { NULL };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  IpdCliStatus status;
  GError *error = NULL;

  if (!ipd_cli_parse (cli, command, entries, &argc, &argv, searching ? 1 : 0, searching ? -1 : 0, &status))
    return status;
  if (kind && !ipd_vocabulary_find (IPD_VOCAB_KIND, kind))
    {
      g_autofree char *kinds = ipd_vocabulary_codes (IPD_VOCAB_KIND);
      /* Translators: what the user typed, then the list of kinds */
      return ipd_cli_usage_error (_("“%s” is not a kind; choose one of %s"), kind, kinds);
    }
  if (status_code && !ipd_vocabulary_find (IPD_VOCAB_STATUS, status_code))
    {
      g_autofree char *statuses = ipd_vocabulary_codes (IPD_VOCAB_STATUS);
      /* Translators: what the user typed, then the list of statuses */
      return ipd_cli_usage_error (_("“%s” is not a status; choose one of %s"), status_code, statuses);
    }
  if (limit < 0 || year < 0)
    return ipd_cli_usage_error (_("--limit and --year take positive numbers"));

  query.kind = kind;
  query.status = status_code;
  query.filing_year = year;
  query.trash = trash;
  query.descending = descending;
  query.limit = limit;
  if (sort)
    {
      guint i;
      for (i = 0; i < G_N_ELEMENTS (sort_names) && !g_str_equal (sort, sort_names[i]); i++)
        ;
      if (i == G_N_ELEMENTS (sort_names))
        return ipd_cli_usage_error (_("“%s” is not a column to sort by"), sort);
      query.sort = (IpdSortColumn) i;
    }
  if (searching)
    {
      g_autofree char *text = g_strjoinv (" ", argv + 1);
      query.text = g_intern_string (text);
    }
  {
    OPEN_STORE_OR_RETURN (cli, store);
    if ((ids = ipd_store_list_ids (store, &query, &error)) == NULL
        || (rows = ipd_store_load_summaries (store, (gint64 *) ids->data, ids->len, &error)) == NULL)
      return ipd_cli_fail (cli, error);
  }

  if (cli->json)
    {
      g_autoptr(JsonNode) node = ipd_cli_summaries_to_json (rows);
      ipd_cli_print_json (node);
    }
  else
    ipd_cli_print_summaries (rows);
  return IPD_CLI_OK;
}

static IpdCliStatus
run_list (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  return list_dossiers (cli, command, argc, argv, FALSE);
}

static IpdCliStatus
run_search (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  return list_dossiers (cli, command, argc, argv, TRUE);
}

/* event ---------------------------------------------------------------------------- */

static IpdCliStatus
run_event (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  g_autofree char *type = NULL, *date = NULL, *reference = NULL, *note = NULL;
  int months = 0;
  GOptionEntry entries[] = {
    { "type", 0, 0, G_OPTION_ARG_STRING, &type, N_("What happened: filed, formality_accepted, published, granted, …"), N_("TYPE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("When, dd/mm/yyyy"), N_("DATE") },
    { "reference", 0, 0, G_OPTION_ARG_STRING, &reference, N_("Letter or decision number"), N_("NUMBER") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note"), N_("TEXT") },
    { "months", 0, 0, G_OPTION_ARG_INT, &months, N_("The period the letter gives, in months"), "N" },
    { NULL }
  };
  g_autoptr(IpdDossier) d = NULL;
  IpdCliStatus status;
  GError *error = NULL;
  gboolean adding;

  if (!ipd_cli_parse (cli, command, entries, &argc, &argv, 2, 2, &status))
    return status;
  adding = g_str_equal (argv[1], "add");
  if (!adding && !g_str_equal (argv[1], "list"))
    return ipd_cli_usage_error (_("“%s” expects: %s"), command->name, command->parameters);
  if (adding && (type == NULL || date == NULL))
    return ipd_cli_usage_error (_("A new event needs --type and --date"));
  {
    OPEN_STORE_OR_RETURN (cli, store);
    if ((d = ipd_store_find_dossier (store, argv[2], &error)) == NULL)
      return ipd_cli_fail (cli, error);

    if (adding)
      {
        g_autoptr(IpdEvent) event = ipd_event_new (d->id, date, type);
        g_autoptr(IpdDossier) updated = NULL;

        event->reference = g_strdup (reference);
        event->note = g_strdup (note);
        event->period_months = months;
        if (!ipd_store_save_event (store, event, &error)
            || (updated = ipd_store_load_dossier (store, d->id, &error)) == NULL)
          return ipd_cli_fail (cli, error);
        /* Translators: a reference, then a status */
        g_print (_("%s: %s\n"), updated->reference, ipd_vocabulary_label (IPD_VOCAB_STATUS, updated->status));
      }
    else
      {
        g_autoptr(GPtrArray) events = ipd_store_list_events (store, d->id, &error);
        if (events == NULL)
          return ipd_cli_fail (cli, error);
        if (cli->json)
          {
            g_autoptr(JsonNode) node = ipd_cli_dossier_to_json (store, d, events, NULL);
            ipd_cli_print_json (json_object_get_member (json_node_get_object (node), "events"));
          }
        else
          ipd_cli_print_dossier (NULL, events, NULL);
      }
  }
  return IPD_CLI_OK;
}

/* attach, backup, check, trash, restore ------------------------------------------------ */

static IpdCliStatus
run_backup (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  IpdCliStatus status;
  GError *error = NULL;

  if (!ipd_cli_parse (cli, command, NULL, &argc, &argv, 1, 1, &status))
    return status;
  {
    OPEN_STORE_OR_RETURN (cli, store);
    if (!ipd_store_backup (store, argv[1], NULL, &error))
      return ipd_cli_fail (cli, error);
    /* Translators: %s is a file path */
    g_print (_("Backed up to %s.\n"), argv[1]);
  }
  return IPD_CLI_OK;
}

static IpdCliStatus
run_check (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  g_autoptr(GPtrArray) problems = NULL;
  IpdCliStatus status;
  GError *error = NULL;

  if (!ipd_cli_parse (cli, command, NULL, &argc, &argv, 0, 0, &status))
    return status;
  {
    OPEN_STORE_OR_RETURN (cli, store);
    if (!ipd_store_check (store, &problems, &error) && error != NULL)
      return ipd_cli_fail (cli, error);
  }
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ok");
      json_builder_add_boolean_value (builder, problems->len == 0);
      json_builder_set_member_name (builder, "problems");
      json_builder_begin_array (builder);
      for (guint i = 0; i < problems->len; i++)
        json_builder_add_string_value (builder, ((IpdProblem *) g_ptr_array_index (problems, i))->message);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      ipd_cli_print_json (node);
    }
  else if (problems->len == 0)
    g_print ("%s\n", _("The register is whole: database, references, search index and audit log are in order."));
  else
    for (guint i = 0; i < problems->len; i++)
      g_printerr ("%s\n", ((IpdProblem *) g_ptr_array_index (problems, i))->message);
  return problems->len == 0 ? IPD_CLI_OK : IPD_CLI_USER_ERROR;
}

static IpdCliStatus
move_to_trash (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv, gboolean trash)
{
  g_autoptr(IpdDossier) d = NULL;
  IpdCliStatus status;
  GError *error = NULL;

  if (!ipd_cli_parse (cli, command, NULL, &argc, &argv, 1, 1, &status))
    return status;
  {
    OPEN_STORE_OR_RETURN (cli, store);
    if ((d = ipd_store_find_dossier (store, argv[1], &error)) == NULL
        || !(trash ? ipd_store_trash_dossier : ipd_store_restore_dossier) (store, d->id, &error))
      return ipd_cli_fail (cli, error);
    g_print (trash ? _("%s is in the trash.\n") : _("%s is back in the register.\n"), d->reference);
  }
  return IPD_CLI_OK;
}

static IpdCliStatus
run_number_format (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  IpdCliStatus status;
  GError *error = NULL;

  if (!ipd_cli_parse (cli, command, NULL, &argc, &argv, 3, 3, &status))
    return status;
  {
    OPEN_STORE_OR_RETURN (cli, store);
    if (!ipd_store_set_number_format (store, argv[1], argv[2], argv[3], &error))
      return ipd_cli_fail (cli, error);
    /* Translators: a kind, then a pattern */
    g_print (_("Application numbers of “%s” now follow %s.\n"), argv[1], argv[2]);
  }
  return IPD_CLI_OK;
}

static IpdCliStatus
run_trash (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  return move_to_trash (cli, command, argc, argv, TRUE);
}

static IpdCliStatus
run_restore (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  return move_to_trash (cli, command, argc, argv, FALSE);
}

/* agenda ------------------------------------------------------------------------- */

static IpdCliStatus
write_agenda (IpdCli *cli, GPtrArray *tasks, const char *today, const char *ics_path)
{
  GError *error = NULL;

  if (ics_path != NULL)
    {
      if (!ipd_ics_write_file (tasks, ics_path, &error))
        return ipd_cli_fail (cli, error);
      /* Translators: a number of deadlines, then a file path */
      g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u deadline to %s.\n", "Wrote %u deadlines to %s.\n",
                            tasks->len), tasks->len, ics_path);
    }
  else if (cli->json)
    {
      g_autoptr(JsonNode) node = ipd_cli_tasks_to_json (tasks, today);
      ipd_cli_print_json (node);
    }
  else
    ipd_cli_print_tasks (tasks, today);
  return IPD_CLI_OK;
}

static IpdCliStatus
run_agenda (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv)
{
  g_autofree char *officer = NULL, *kind = NULL, *ics_path = NULL, *today = ipd_date_today ();
  int days = 30;
  GOptionEntry entries[] = {
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("Tasks due within this many days, with the overdue ones (default 30)"), "N" },
    { "officer", 0, 0, G_OPTION_ARG_STRING, &officer, N_("Only the dossiers of this officer"), N_("NAME") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("Only this kind"), N_("KIND") },
    { "ics", 0, 0, G_OPTION_ARG_FILENAME, &ics_path, N_("Write the tasks to an iCalendar file for calendar apps"), N_("FILE") },
    { NULL }
  };
  IpdAgendaQuery query = { NULL };
  g_autoptr(GPtrArray) tasks = NULL;
  IpdCliStatus status;
  GError *error = NULL;

  if (!ipd_cli_parse (cli, command, entries, &argc, &argv, 0, 0, &status))
    return status;
  if (days < 0)
    return ipd_cli_usage_error (_("--days takes a number of days from 0 on"));
  if (kind && !ipd_vocabulary_find (IPD_VOCAB_KIND, kind))
    {
      g_autofree char *kinds = ipd_vocabulary_codes (IPD_VOCAB_KIND);
      return ipd_cli_usage_error (_("“%s” is not a kind; choose one of %s"), kind, kinds);
    }
  if (cli->json && ics_path)
    return ipd_cli_usage_error (_("Choose --json or --ics, not both"));

  query.today = today;
  query.days = days;
  query.officer = officer;
  query.kind = kind;
  {
    OPEN_STORE_OR_RETURN (cli, store);
    if ((tasks = ipd_store_agenda (store, &query, &error)) == NULL)
      return ipd_cli_fail (cli, error);
  }
  return write_agenda (cli, tasks, today, ics_path);
}

static const IpdCliCommand commands[] = {
  { "init",     NULL,            N_("Create the register, or check that it opens"), run_init },
  { "demo",     NULL,            N_("Add the sample records from the provinces’ publications"), run_demo },
  { "generate", NULL,            N_("Add realistic synthetic dossiers (--dossiers N --seed S)"), run_generate },
  { "add",      NULL,            N_("Add a dossier (--kind --name …)"), run_add },
  { "show",     "REF",           N_("Show a dossier with its events and documents"), run_show },
  { "list",     NULL,            N_("List dossiers (--kind --status --year …)"), run_list },
  { "search",   "TEXT…",         N_("Find dossiers; accents and đ may be left out"), run_search },
  { "event",    "add|list REF",  N_("Record an event of a dossier, or list them"), run_event },
  { "attach",   "REF FILE",      N_("Store a document with a dossier; prints its type and a PDF's pages (a damaged or protected PDF is stored all the same, with a warning)"), ipd_cli_run_attach },
  { "render",   "FILE|DOCUMENT-ID", N_("Draw a PDF page to PNG (--page N --dpi D --password-file F -o PAGE.png); a number is a document of the register"), ipd_cli_run_render },
  { "backup",   "FILE",          N_("Copy the whole register to a file"), run_backup },
  { "check",    NULL,            N_("Check the database and the audit log; exit 1 on problems"), run_check },
  { "trash",    "REF",           N_("Move a dossier to the trash"), run_trash },
  { "restore",  "REF",           N_("Bring a dossier back from the trash"), run_restore },
  { "number-format", "KIND PATTERN EXAMPLE", N_("Set the form of a kind's application numbers"), run_number_format },
  { "agenda",   NULL,            N_("List what is due (--days 30 --officer --kind), or write it to --ics FILE"), run_agenda },
  { "export",   NULL,            N_("Write a register to .xlsx (--report applications --quarter 2026-Q3 -o FILE)"), ipd_cli_run_export },
  { "setting",  "KEY [VALUE]",   N_("Show or set a register setting (agency.parent, agency.name, agency.place, …)"), ipd_cli_run_setting },
  { "import-units", "FILE.tsv",  N_("Load the list of administrative units that statistics map former units through"), ipd_cli_run_import_units },
};

const IpdCliCommand *
ipd_cli_commands (guint *n_commands)
{
  if (n_commands)
    *n_commands = G_N_ELEMENTS (commands);
  return commands;
}
