/* ipd-store-schema.c — the register's format and its migrations
 *
 * Each step brings the register from format N-1 to N in one transaction and
 * records N in PRAGMA user_version. A step is an SQL file from the resources
 * and, where data must be computed in C, a function run after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ipd-core-resources.h"
#include "ipd-error.h"
#include "ipd-store-private.h"
#include "ipd-text.h"
#include "ipd-vocabulary.h"

typedef gboolean (*MigrationHook) (IpdStore *self, GError **error);

typedef struct {
  MigrationHook before_sql;
  const char   *sql_resource;
  MigrationHook after_sql;
} MigrationStep;

static gboolean seed_reference_data (IpdStore *self, GError **error);
static gboolean index_search_and_audit (IpdStore *self, GError **error);
static gboolean seed_holidays (IpdStore *self, GError **error);
static gboolean fill_tasks (IpdStore *self, GError **error);
static gboolean audit_imports (IpdStore *self, GError **error);
static gboolean audit_attachments (IpdStore *self, GError **error);
static gboolean audit_lookup_codes (IpdStore *self, GError **error);

/* A later step that changes an audited table's columns must drop and
 * recreate its audit triggers (ipd_store_create_audit_triggers). */
static const MigrationStep steps[] = {
  { NULL,                      "schema/001-register.sql",          seed_reference_data },
  { ipd_store_rebuild_derived, "schema/002-search-and-audit.sql",  index_search_and_audit },
  { NULL,                      "schema/003-deadlines.sql",         seed_holidays },
  { NULL,                      "schema/004-agenda-index.sql",      fill_tasks },
  { NULL,                      "schema/005-admin-units.sql",       audit_imports },
  { NULL,                      "schema/006-attachment-trash.sql",  audit_attachments },
  { NULL,                      "schema/007-front-desk.sql",        audit_lookup_codes },
  { NULL,                      "schema/008-next-deadline-index.sql", NULL },
  { NULL,                      "schema/009-register-columns.sql",  ipd_store_fill_register_columns },
};

G_STATIC_ASSERT (G_N_ELEMENTS (steps) == IPD_STORE_SCHEMA_VERSION);

static gboolean
seed_vocabulary (IpdStore *self, IpdVocabulary vocabulary, const char *sql, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, sql, error);
  guint n_terms;
  const IpdTerm *terms = ipd_vocabulary_terms (vocabulary, &n_terms);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_terms; i++)
    {
      sqlite3_reset (stmt);
      ipd_bind_text (stmt, 1, terms[i].code);
      ipd_bind_text (stmt, 2, terms[i].label);
      ipd_bind_text (stmt, 3, terms[i].extra);
      sqlite3_bind_int (stmt, 4, terms[i].number);
      if (!ipd_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
seed_reference_data (IpdStore *self, GError **error)
{
  /* Trademark numbers are 4-YYYY-NNNNN; the others are not confirmed in a
   * public source, so they are rows an office can correct, not constants. */
  static const char *number_formats =
    "INSERT INTO number_format (kind, pattern, example) VALUES"
    " ('trademark',     '^4-[0-9]{4}-[0-9]{5}$', '4-2025-20619'),"
    " ('collective',    '^4-[0-9]{4}-[0-9]{5}$', '4-2021-12345'),"
    " ('certification', '^4-[0-9]{4}-[0-9]{5}$', '4-2021-12345'),"
    " ('gi',            '^6-[0-9]{4}-[0-9]{5}$', '6-2023-00012');"
    "INSERT INTO setting (key, value) VALUES ('reference_prefix', 'IPD');";

  return seed_vocabulary (self, IPD_VOCAB_KIND,
                          "INSERT INTO kind (code, label, letters, term_years) VALUES (?1, ?2, ?3, ?4)", error)
      && seed_vocabulary (self, IPD_VOCAB_STATUS,
                          "INSERT INTO status (code, label) VALUES (?1, ?2)", error)
      && seed_vocabulary (self, IPD_VOCAB_EVENT_TYPE,
                          "INSERT INTO event_type (code, label, sets_status, ends_dossier) VALUES (?1, ?2, ?3, ?4)", error)
      && seed_vocabulary (self, IPD_VOCAB_ROLE,
                          "INSERT INTO role (code, label) VALUES (?1, ?2)", error)
      && seed_vocabulary (self, IPD_VOCAB_PARTY_TYPE,
                          "INSERT INTO party_type (code, label) VALUES (?1, ?2)", error)
      && seed_vocabulary (self, IPD_VOCAB_DOCUMENT_TYPE,
                          "INSERT INTO document_type (code, label) VALUES (?1, ?2)", error)
      && ipd_store_exec (self, number_formats, error);
}

/* The search text was computed before the index and its triggers existed
 * (an index cannot forget rows it never held): index it all now. */
static gboolean
index_search_and_audit (IpdStore *self, GError **error)
{
  g_autofree char *collator = ipd_text_collator_version ();

  return ipd_store_exec (self, "INSERT INTO dossier_fts (dossier_fts) VALUES ('rebuild')", error)
      && ipd_store_create_audit_triggers (self, error)
      && ipd_store_set_setting (self, "collator_version", collator, error);
}

/* The holidays are seeded before their audit triggers exist: the built-in
 * table is not news, an officer's later edit is. */
static gboolean
seed_holidays (IpdStore *self, GError **error)
{
  return ipd_store_seed_holidays (self, error)
      && ipd_store_create_audit_triggers_for (self, "holiday", error);
}

/* Every dossier gets its tasks once the table has all its columns (which
 * records the procedure's and the holidays' checksums). A register that
 * had them already keeps its rows: only a difference is written. */
static gboolean
fill_tasks (IpdStore *self, GError **error)
{
  return ipd_store_recompute_all_tasks (self, NULL, error);
}

/* Each import of administrative units is recorded in the audit log; the
 * units themselves are reference data replaced whole, not audited row by row. */
static gboolean
audit_imports (IpdStore *self, GError **error)
{
  return ipd_store_create_audit_triggers_for (self, "admin_unit_import", error);
}

/* The attachment table has two more columns: its triggers, dropped by the
 * step's SQL, are made again so that the log records them too. */
static gboolean
audit_attachments (IpdStore *self, GError **error)
{
  return ipd_store_create_audit_triggers_for (self, "attachment", error);
}

/* Issuing and revoking a receipt's code is the register's business: the
 * log says who gave a visitor access to a dossier, and when. */
static gboolean
audit_lookup_codes (IpdStore *self, GError **error)
{
  return ipd_store_create_audit_triggers_for (self, "lookup_code", error);
}

static gboolean
set_user_version (IpdStore *self, int version, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);
  return ipd_store_exec (self, sql, error);
}

static gint64
read_user_version (IpdStore *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
run_step (IpdStore *self, const MigrationStep *step, int version, GError **error)
{
  g_autoptr(GBytes) sql = NULL;
  g_autofree char *path = g_strconcat ("/io/github/ipdossiers/IpDossiers/core/", step->sql_resource, NULL);

  sql = g_resource_lookup_data (ipd_core_get_resource (), path, 0, NULL);
  g_assert (sql != NULL);

  return (step->before_sql == NULL || step->before_sql (self, error))
      && ipd_store_exec (self, g_bytes_get_data (sql, NULL), error)
      && (step->after_sql == NULL || step->after_sql (self, error))
      && set_user_version (self, version, error);
}

/* Brings the register to @target_version. Another program may be migrating
 * the same file: the version is read again once the write lock is held. */
gboolean
ipd_store_migrate_to (IpdStore *self, int target_version, GError **error)
{
  g_return_val_if_fail (target_version <= IPD_STORE_SCHEMA_VERSION, FALSE);

  for (;;)
    {
      gint64 version;
      gboolean ok;

      if (read_user_version (self) >= target_version)
        return TRUE;
      if (!ipd_store_write_begin (self, error))
        return FALSE;
      version = read_user_version (self);
      if (version >= target_version)
        return ipd_store_write_end (self, TRUE, error);

      g_debug ("Migrating %s from format %" G_GINT64_FORMAT, self->path, version);
      ok = run_step (self, &steps[version], (int) version + 1, error);
      if (!ipd_store_write_end (self, ok, ok ? error : NULL))
        return FALSE;
    }
}
