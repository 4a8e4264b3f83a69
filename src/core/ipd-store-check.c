/* ipd-store-check.c — is the register whole?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ipd-error.h"
#include "ipd-store-private.h"

static void
add_problem (GPtrArray *problems, const char *field, char *message)
{
  IpdProblem *problem = g_new0 (IpdProblem, 1);

  problem->field = g_strdup (field);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

static gboolean
check_integrity (IpdStore *self, GPtrArray *problems, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, "PRAGMA integrity_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        /* Translators: %s is SQLite's own (English) description */
        add_problem (problems, "database", g_strdup_printf (_("The database file is damaged: %s"), line));
    }
  if (rc != SQLITE_DONE)
    return ipd_store_set_error (self, error, rc, "integrity_check");
  return TRUE;
}

static gboolean
check_foreign_keys (IpdStore *self, GPtrArray *problems, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, "PRAGMA foreign_key_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_problem (problems, "database",
                 /* Translators: a table name, a row number, and the table it refers to */
                 g_strdup_printf (_("Row %lld of “%s” refers to a missing row of “%s”."),
                                  (long long) sqlite3_column_int64 (stmt, 1),
                                  (const char *) sqlite3_column_text (stmt, 0),
                                  (const char *) sqlite3_column_text (stmt, 2)));
  if (rc != SQLITE_DONE)
    return ipd_store_set_error (self, error, rc, "foreign_key_check");
  return TRUE;
}

/* FTS5's own check that the index matches the dossiers' search text. It is
 * a write statement in form, so it is left out on a read-only connection. */
static gboolean
check_search_index (IpdStore *self, GPtrArray *problems)
{
  if (ipd_store_is_read_only (self))
    return TRUE;
  if (sqlite3_exec (self->db, "INSERT INTO dossier_fts (dossier_fts, rank) VALUES ('integrity-check', 1)",
                    NULL, NULL, NULL) != SQLITE_OK)
    add_problem (problems, "search",
                 g_strdup (_("The search index does not match the dossiers; it will be rebuilt on the next upgrade.")));
  return TRUE;
}

/**
 * ipd_store_check:
 * @problems: (out) (transfer full): what is wrong, as #IpdProblem
 *
 * Checks the database file, its references, the search index and the audit
 * log's chain of hashes.
 *
 * Returns: %TRUE when nothing is wrong. %FALSE with @error unset when
 *   problems were found; with @error set when the check itself failed.
 */
gboolean
ipd_store_check (IpdStore *self, GPtrArray **problems_out, GError **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_problem_free);
  g_autoptr(GError) audit_error = NULL;
  gboolean ok;

  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);

  if (!check_integrity (self, problems, error)
      || !check_foreign_keys (self, problems, error)
      || !check_search_index (self, problems))
    return FALSE;

  if (!ipd_store_verify_audit (self, NULL, &audit_error))
    {
      if (!g_error_matches (audit_error, IPD_ERROR, IPD_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&audit_error));
          return FALSE;
        }
      add_problem (problems, "audit", g_strdup (audit_error->message));
    }

  ok = problems->len == 0;
  if (problems_out)
    *problems_out = g_steal_pointer (&problems);
  return ok;
}
