/* ipd-store-places.c — the register's list of administrative units
 *
 * An import replaces the list and the lookups derived from it
 * (ipd-admin-units.c) in one transaction, and records itself in the
 * audited admin_unit_import table. The SQL function ipd_place_key lets the
 * statistics match names as written against the lookups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ipd-admin-units.h"
#include "ipd-error.h"
#include "ipd-store-private.h"

/* ipd_place_key (name, level): see ipd_place_key (); level is an IpdPlaceLevel. */
static void
sql_place_key (sqlite3_context *context, int argc, sqlite3_value **argv)
{
  const char *name = (const char *) sqlite3_value_text (argv[0]);
  int level = sqlite3_value_int (argv[1]);

  if (level < IPD_PLACE_PROVINCE || level > IPD_PLACE_TEXT)
    {
      sqlite3_result_error (context, "ipd_place_key: no such level", -1);
      return;
    }
  sqlite3_result_text (context, ipd_place_key (name, level), -1, g_free);
}

gboolean
ipd_store_register_place_functions (IpdStore *self, GError **error)
{
  int rc = sqlite3_create_function_v2 (self->db, "ipd_place_key", 2,
                                       SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                       NULL, sql_place_key, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return ipd_store_set_error (self, error, rc, "create_function");
  return TRUE;
}

static gboolean
write_units (IpdStore *self, GPtrArray *units, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "INSERT INTO admin_unit (province, commune, former_commune, former_district, former_province)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < units->len; i++)
    {
      IpdAdminUnit *unit = units->pdata[i];

      sqlite3_reset (stmt);
      ipd_bind_text (stmt, 1, unit->province);
      ipd_bind_text (stmt, 2, unit->commune);
      ipd_bind_text (stmt, 3, unit->former_commune);
      ipd_bind_text (stmt, 4, unit->former_district);
      ipd_bind_text (stmt, 5, unit->former_province);
      if (!ipd_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_mappings (IpdStore *self, GPtrArray *mappings, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "INSERT INTO place_map (province_key, commune_key, district_key, province, commune)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < mappings->len; i++)
    {
      IpdPlaceMapping *mapping = mappings->pdata[i];

      sqlite3_reset (stmt);
      ipd_bind_text (stmt, 1, mapping->province_key);
      ipd_bind_text (stmt, 2, mapping->commune_key);
      ipd_bind_text (stmt, 3, mapping->district_key);
      ipd_bind_text (stmt, 4, mapping->province);
      ipd_bind_text (stmt, 5, mapping->commune);
      if (!ipd_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
record_import (IpdStore *self, const char *source, GBytes *contents, GError **error)
{
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, contents);
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "INSERT INTO admin_unit_import (imported_at, source, sha256, units, communes)"
    " SELECT strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2,"
    "  (SELECT count(*) FROM admin_unit),"
    "  (SELECT count(*) FROM (SELECT DISTINCT province, commune FROM admin_unit))", error);

  if (stmt == NULL)
    return FALSE;
  ipd_bind_text (stmt, 1, source);
  ipd_bind_text (stmt, 2, sha256);
  return ipd_store_step_done (self, stmt, error);
}

/**
 * ipd_store_import_admin_units:
 * @source: the file's name, for the record of imports
 * @contents: the list (see ipd_admin_units_parse ())
 *
 * Replaces the register's list of administrative units. A list that does
 * not parse changes nothing.
 */
gboolean
ipd_store_import_admin_units (IpdStore *self, const char *source, GBytes *contents,
                              GError **error)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(GPtrArray) mappings = NULL;
  gsize length;
  const char *data;
  gboolean ok;

  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  g_return_val_if_fail (source != NULL && contents != NULL, FALSE);
  if (!ipd_store_check_writable (self, error))
    return FALSE;
  data = g_bytes_get_data (contents, &length);
  if ((units = ipd_admin_units_parse (data ? data : "", length, error)) == NULL)
    return FALSE;
  mappings = ipd_admin_units_mappings (units);

  if (!ipd_store_write_begin (self, error))
    return FALSE;
  ok = ipd_store_exec (self, "DELETE FROM admin_unit; DELETE FROM place_map", error)
       && write_units (self, units, error)
       && write_mappings (self, mappings, error)
       && record_import (self, source, contents, error);
  return ipd_store_write_end (self, ok, ok ? error : NULL);
}

/**
 * ipd_store_count_listed_communes:
 *
 * Returns: the current communes of the imported list (0 before any
 * import), or -1 with @error set.
 */
gint64
ipd_store_count_listed_communes (IpdStore *self, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "SELECT count(*) FROM (SELECT DISTINCT province, commune FROM admin_unit)", error);
  int rc;

  if (stmt == NULL)
    return -1;
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      ipd_store_set_error (self, error, rc, "admin_unit");
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

void
ipd_units_import_free (IpdUnitsImport *import)
{
  if (import == NULL)
    return;
  g_free (import->imported_at);
  g_free (import->source);
  g_free (import);
}

/**
 * ipd_store_last_units_import:
 *
 * Returns: (nullable): the last import of administrative units; %NULL
 * with @error unset when there was none.
 */
IpdUnitsImport *
ipd_store_last_units_import (IpdStore *self, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "SELECT imported_at, source, communes FROM admin_unit_import ORDER BY id DESC LIMIT 1", error);
  IpdUnitsImport *import;
  int rc;

  if (stmt == NULL)
    return NULL;
  if ((rc = sqlite3_step (stmt)) == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      ipd_store_set_error (self, error, rc, "admin_unit_import");
      return NULL;
    }
  import = g_new0 (IpdUnitsImport, 1);
  import->imported_at = ipd_column_dup_text (stmt, 0);
  import->source = ipd_column_dup_text (stmt, 1);
  import->communes = sqlite3_column_int64 (stmt, 2);
  return import;
}
