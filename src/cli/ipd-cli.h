/* ipd-cli.h — what the command-line tool's files share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "ipd-store.h"

G_BEGIN_DECLS

typedef enum {
  IPD_CLI_OK = 0,
  IPD_CLI_USER_ERROR = 1,      /* bad input, a missing dossier, a refused file, problems found */
  IPD_CLI_INTERNAL_ERROR = 2,  /* a bug or an unexpected failure */
} IpdCliStatus;

typedef struct {
  char     *db_path;
  gboolean  json;
  IpdStore *store;
} IpdCli;

typedef struct _IpdCliCommand IpdCliCommand;

struct _IpdCliCommand {
  const char *name;
  const char *parameters;    /* shown in --help: "REF FILE" */
  const char *summary;       /* English msgid */
  IpdCliStatus (*run) (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv);
};

const IpdCliCommand *ipd_cli_commands (guint *n_commands);

/* ipd-cli-main.c */
IpdCliStatus ipd_cli_fail           (IpdCli *cli, GError *error);
IpdCliStatus ipd_cli_usage_error    (const char *format, ...) G_GNUC_PRINTF (1, 2);
gboolean     ipd_cli_parse          (IpdCli *cli, const IpdCliCommand *command,
                                     GOptionEntry *entries, int *argc, char ***argv,
                                     int min_args, int max_args, IpdCliStatus *status);
IpdStore    *ipd_cli_open_store     (IpdCli *cli, IpdCliStatus *status);
IpdStore    *ipd_cli_open_store_for_reading (IpdCli *cli, IpdCliStatus *status);
void         ipd_cli_print_json     (JsonNode *node);

/* ipd-cli-documents.c */
IpdCliStatus ipd_cli_run_attach (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv);
IpdCliStatus ipd_cli_run_render (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv);

/* ipd-cli-export.c */
IpdCliStatus ipd_cli_run_export (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv);

/* ipd-cli-settings.c */
IpdCliStatus ipd_cli_run_setting (IpdCli *cli, const IpdCliCommand *command, int argc, char **argv);
IpdCliStatus ipd_cli_run_import_units (IpdCli *cli, const IpdCliCommand *command, int argc,
                                       char **argv);

/* ipd-cli-json.c */
JsonNode *ipd_cli_dossier_to_json   (IpdStore *store, IpdDossier *dossier,
                                     GPtrArray *events, GPtrArray *attachments);
JsonNode *ipd_cli_summaries_to_json (GPtrArray *summaries);
void      ipd_cli_print_dossier     (IpdDossier *dossier, GPtrArray *events,
                                     GPtrArray *attachments);
void      ipd_cli_print_summaries   (GPtrArray *summaries);
JsonNode *ipd_cli_tasks_to_json     (GPtrArray *tasks, const char *today);
void      ipd_cli_print_tasks       (GPtrArray *tasks, const char *today);

G_END_DECLS
