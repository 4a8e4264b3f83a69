/* ipd-store-audit.c — the audit log: who changed what, and a chain of hashes
 *
 * Triggers record every insert, update and delete with the old and new
 * values as JSON. The triggers are generated from the tables' own columns so
 * that a column added later is audited without anybody remembering to.
 * Each entry's SHA-256 covers its fields and the previous entry's hash:
 * editing or removing an entry breaks the chain from there on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ipd-error.h"
#include "ipd-store-private.h"

/* Derived or bulky columns stay out of the log: they are recomputed from the
 * rest, or (file bytes) identified by their hash. */
static const char *unaudited_columns[] = { "search_text", "sort_key", "applicant_name", "applicant_address",
                                           "products_text", "data" };

/* Tables whose rows are not the register's data. Tasks are derived from
 * the events (which are audited) by the procedure's rules: a change of
 * rules rewrites thousands of them, which would drown the log. */
/* Derived or bulk reference data: tasks come from events, the place lookups
 * and units from an import that admin_unit_import records. */
static const char *unaudited_tables[] = { "admin_unit", "audit", "place_map", "reference_counter",
                                          "sqlite_sequence", "task" };

static void
add_field (GChecksum *checksum, const char *text)
{
  /* Length-prefixed so that ("ab","c") and ("a","bc") hash differently;
   * NULL differs from "". */
  g_autofree char *prefix = text ? g_strdup_printf ("%zu:", strlen (text)) : g_strdup ("-:");

  g_checksum_update (checksum, (const guchar *) prefix, -1);
  if (text != NULL)
    g_checksum_update (checksum, (const guchar *) text, -1);
}

static char *
audit_hash (const char *const fields[8])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < 8; i++)
    add_field (checksum, fields[i]);
  return g_strdup (g_checksum_get_string (checksum));
}

/* ipd_audit_hash(prev_hash, at, os_user, table_name, row_id, action, old, new) */
static void
sql_audit_hash (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  const char *fields[8];
  g_autofree char *hash = NULL;

  g_assert (argc == 8);
  for (int i = 0; i < 8; i++)
    fields[i] = (const char *) sqlite3_value_text (argv[i]);
  hash = audit_hash (fields);
  sqlite3_result_text (context, hash, -1, SQLITE_TRANSIENT);
}

static void
sql_os_user (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  sqlite3_result_text (context, g_get_user_name (), -1, SQLITE_STATIC);
}

gboolean
ipd_store_register_functions (IpdStore *self, GError **error)
{
  int rc = sqlite3_create_function_v2 (self->db, "ipd_audit_hash", 8,
                                       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                       NULL, sql_audit_hash, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (self->db, "ipd_os_user", 0,
                                     SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                     NULL, sql_os_user, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return ipd_store_set_error (self, error, rc, "create_function");
  return TRUE;
}

static gboolean
str_in (const char *name, const char *const *list, guint n)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (name, list[i]))
      return TRUE;
  return FALSE;
}

static GPtrArray *
audited_columns (IpdStore *self, const char *table, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s') ORDER BY cid", table);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      if (!str_in (name, unaudited_columns, G_N_ELEMENTS (unaudited_columns)))
        g_ptr_array_add (columns, g_strdup (name));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      ipd_store_set_error (self, error, rc, table);
      return NULL;
    }
  return g_steal_pointer (&columns);
}

/* json_object('a', NEW.a, 'b', NEW.b, ...) */
static char *
json_of_row (GPtrArray *columns, const char *row)
{
  GString *json = g_string_new ("json_object(");

  for (guint i = 0; i < columns->len; i++)
    {
      const char *column = g_ptr_array_index (columns, i);
      g_string_append_printf (json, "%s'%s', %s.\"%s\"", i ? ", " : "", column, row, column);
    }
  g_string_append (json, ")");
  return g_string_free (json, FALSE);
}

/* OLD.a IS NOT NEW.a OR ...: an update that changes only derived columns,
 * or only the time of the last change (an event was added: that event is in
 * the log already), is not news. */
static char *
any_column_changed (GPtrArray *columns)
{
  GString *condition = g_string_new ("0");

  for (guint i = 0; i < columns->len; i++)
    {
      const char *column = g_ptr_array_index (columns, i);
      if (!g_str_equal (column, "updated_at"))
        g_string_append_printf (condition, " OR OLD.\"%s\" IS NOT NEW.\"%s\"", column, column);
    }
  return g_string_free (condition, FALSE);
}

/* The values worth keeping: an insert or a delete keeps the columns that
 * are not NULL; an update keeps, on each side, only the columns that changed. */
static char *
non_null_values (const char *row_json)
{
  return g_strdup_printf ("(SELECT json_group_object (key, value) FROM json_each (%s) WHERE type != 'null')",
                          row_json);
}

static char *
changed_values (const char *side_json, const char *other_json)
{
  return g_strdup_printf ("(SELECT json_group_object (a.key, a.value) FROM json_each (%s) a"
                          " JOIN json_each (%s) b ON b.key = a.key WHERE a.value IS NOT b.value)",
                          side_json, other_json);
}

static char *
trigger_sql (const char *table, const char *action, const char *when,
             const char *row, const char *old_values, const char *new_values)
{
  return g_strdup_printf (
    "CREATE TRIGGER audit_%s_%s AFTER %s ON \"%s\" %s BEGIN\n"
    "  INSERT INTO audit (at, os_user, table_name, row_id, action, old_values, new_values, prev_hash, hash)\n"
    "  SELECT at, who, tbl, rid, act, o, n, prev, ipd_audit_hash (prev, at, who, tbl, rid, act, o, n)\n"
    "  FROM (SELECT strftime ('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now') AS at, ipd_os_user () AS who,\n"
    "               '%s' AS tbl, %s.rowid AS rid, '%s' AS act, %s AS o, %s AS n,\n"
    "               (SELECT hash FROM audit ORDER BY id DESC LIMIT 1) AS prev);\n"
    "END;\n",
    table, action, action, table, when, table, row, action, old_values, new_values);
}

static gboolean
create_triggers_for (IpdStore *self, const char *table, GError **error)
{
  g_autoptr(GPtrArray) columns = audited_columns (self, table, error);
  g_autofree char *old_json = NULL, *new_json = NULL, *changed = NULL, *when = NULL;
  g_autofree char *inserted = NULL, *deleted = NULL, *old_changed = NULL, *new_changed = NULL;
  g_autofree char *insert = NULL, *update = NULL, *delete = NULL;

  if (columns == NULL)
    return FALSE;

  old_json = json_of_row (columns, "OLD");
  new_json = json_of_row (columns, "NEW");
  changed = any_column_changed (columns);
  when = g_strdup_printf ("WHEN %s", changed);
  inserted = non_null_values (new_json);
  deleted = non_null_values (old_json);
  old_changed = changed_values (old_json, new_json);
  new_changed = changed_values (new_json, old_json);

  insert = trigger_sql (table, "insert", "", "NEW", "NULL", inserted);
  update = trigger_sql (table, "update", when, "NEW", old_changed, new_changed);
  delete = trigger_sql (table, "delete", "", "OLD", deleted, "NULL");

  return ipd_store_exec (self, insert, error)
      && ipd_store_exec (self, update, error)
      && ipd_store_exec (self, delete, error);
}

/* For a table that a later format adds. */
gboolean
ipd_store_create_audit_triggers_for (IpdStore *self, const char *table, GError **error)
{
  g_return_val_if_fail (!str_in (table, unaudited_tables, G_N_ELEMENTS (unaudited_tables)), FALSE);
  return create_triggers_for (self, table, error);
}

gboolean
ipd_store_create_audit_triggers (IpdStore *self, GError **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db,
                               "SELECT name FROM sqlite_master WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'dossier_fts%' "
                               "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
                               -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      if (!str_in (name, unaudited_tables, G_N_ELEMENTS (unaudited_tables)))
        g_ptr_array_add (tables, g_strdup (name));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return ipd_store_set_error (self, error, rc, "sqlite_master");

  for (guint i = 0; i < tables->len; i++)
    if (!create_triggers_for (self, g_ptr_array_index (tables, i), error))
      return FALSE;
  return TRUE;
}

/**
 * ipd_store_verify_audit:
 * @first_bad_id: (out) (optional): the first entry that does not fit the chain
 *
 * Returns: %TRUE when every entry's hash is right and follows the one before.
 */
gboolean
ipd_store_verify_audit (IpdStore *self, gint64 *first_bad_id, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autofree char *previous_hash = NULL;
  gint64 previous_id = 0;
  int rc;

  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  if (first_bad_id)
    *first_bad_id = 0;

  stmt = ipd_store_prepare (self,
                            "SELECT id, prev_hash, at, os_user, table_name, row_id, action,"
                            " old_values, new_values, hash FROM audit ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *fields[8];
      const char *stored_hash = (const char *) sqlite3_column_text (stmt, 9);
      g_autofree char *expected = NULL;

      for (int i = 0; i < 8; i++)
        fields[i] = (const char *) sqlite3_column_text (stmt, i + 1);
      expected = audit_hash (fields);

      /* Ids are never reused (AUTOINCREMENT): a gap is a removed entry. */
      if ((previous_id != 0 && id != previous_id + 1)
          || g_strcmp0 (fields[0], previous_hash) != 0
          || g_strcmp0 (expected, stored_hash) != 0)
        {
          if (first_bad_id)
            *first_bad_id = id;
          g_set_error (error, IPD_ERROR, IPD_ERROR_CORRUPT,
                       /* Translators: %lld is the number of an audit log entry */
                       _("The audit log has been altered at entry %lld."), (long long) id);
          return FALSE;
        }
      g_free (previous_hash);
      previous_hash = g_strdup (stored_hash);
      previous_id = id;
    }
  if (rc != SQLITE_DONE)
    return ipd_store_set_error (self, error, rc, "audit");
  return TRUE;
}

GPtrArray *
ipd_store_list_audit (IpdStore *self, const char *table_name, gint64 row_id, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_audit_entry_free);
  int rc;

  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  stmt = ipd_store_prepare (self,
                            "SELECT id, at, os_user, table_name, row_id, action, old_values, new_values"
                            " FROM audit WHERE table_name = ?1 AND row_id = ?2 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  ipd_bind_text (stmt, 1, table_name);
  sqlite3_bind_int64 (stmt, 2, row_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IpdAuditEntry *entry = g_new0 (IpdAuditEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->at = ipd_column_dup_text (stmt, 1);
      entry->os_user = ipd_column_dup_text (stmt, 2);
      entry->table_name = ipd_column_dup_text (stmt, 3);
      entry->row_id = sqlite3_column_int64 (stmt, 4);
      entry->action = ipd_column_dup_text (stmt, 5);
      entry->old_values = ipd_column_dup_text (stmt, 6);
      entry->new_values = ipd_column_dup_text (stmt, 7);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      ipd_store_set_error (self, error, rc, "audit");
      return NULL;
    }
  return g_steal_pointer (&entries);
}

void
ipd_audit_entry_free (IpdAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->os_user);
  g_free (entry->table_name);
  g_free (entry->action);
  g_free (entry->old_values);
  g_free (entry->new_values);
  g_free (entry);
}
