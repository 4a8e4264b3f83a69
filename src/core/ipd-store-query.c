/* ipd-store-query.c — lists, search and the rows a table shows
 *
 * A list is an array of dossier ids, filtered and ordered in SQL on indexed
 * columns; the rows themselves are loaded a page at a time, for the ids a
 * view shows. Search goes through the FTS5 index over the folded text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ipd-error.h"
#include "ipd-store-private.h"
#include "ipd-text.h"
#include "ipd-vocabulary.h"

/* The places a dossier belongs to: the address of its applicant, owner or
 * managing organisation (not of a licensee or an agent), and a GI's area.
 * The filter and the sidebar's counts both use these, so that a count
 * says how many dossiers choosing it lists. */
#define PLACE_ROLES "('" IPD_ROLE_APPLICANT "', '" IPD_ROLE_OWNER "', '" IPD_ROLE_MANAGING_ORG "')"

static const char *
order_column (IpdSortColumn sort)
{
  switch (sort)
    {
    case IPD_SORT_REFERENCE:   return "d.reference";
    case IPD_SORT_FILING_DATE: return "d.filing_date";
    case IPD_SORT_APP_NUMBER:  return "d.app_number";
    case IPD_SORT_STATUS:      return "d.status";
    case IPD_SORT_UPDATED:     return "d.updated_at";
    case IPD_SORT_NAME:
    default:                   return "d.sort_key";
    }
}

/* Folded words as FTS5 prefix phrases: "da"* "lat"*. Quoting keeps the
 * user's punctuation (4-2025-20619, "NH*") from being read as syntax. */
static char *
fts_query (const char *text)
{
  g_autofree char *folded = ipd_text_fold (text);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n\r", -1);
  GString *query = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      gboolean has_word_character = FALSE;

      for (const char *p = words[i]; *p; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          has_word_character = TRUE;
      if (!has_word_character)
        continue;

      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }
  return g_string_free (query, FALSE);
}

/* " AND p.province = ?6 AND p.commune = ?8" for the parts of the place asked for. */
static void
append_place_conditions (GString *sql, const IpdQuery *query, const char *table)
{
  if (query->province)
    g_string_append_printf (sql, " AND %s.province = ?6", table);
  if (query->commune)
    g_string_append_printf (sql, " AND %s.commune = ?8", table);
}

/* A commune and its province must be those of one address or area unit:
 * "Phường 1" exists in many provinces. The matching ids come from the
 * province index (measured on 100 000 dossiers: 3–20 ms, where testing
 * each dossier with EXISTS took 200–370 ms). */
static void
append_place_filter (GString *sql, const IpdQuery *query)
{
  if (query->province == NULL && query->commune == NULL)
    return;
  g_string_append (sql, " AND d.id IN (SELECT dp.dossier_id FROM party p JOIN dossier_party dp ON dp.party_id = p.id"
                        "              WHERE dp.role IN " PLACE_ROLES);
  append_place_conditions (sql, query, "p");
  g_string_append (sql, " UNION ALL SELECT a.dossier_id FROM area_unit a WHERE 1");
  append_place_conditions (sql, query, "a");
  g_string_append (sql, ")");
}

/* The SQL for a query; its parameters are always ?1 … ?8, so one statement
 * per shape of query is prepared once and reused. */
static char *
query_sql (const IpdQuery *query, const char *select, gboolean ordered, gboolean searching)
{
  GString *sql = g_string_new (select);

  if (searching)
    g_string_append (sql, " FROM dossier_fts f JOIN dossier d ON d.id = f.rowid WHERE dossier_fts MATCH ?1");
  else
    g_string_append (sql, " FROM dossier d WHERE 1");

  g_string_append (sql, query->trash ? " AND d.deleted_at IS NOT NULL" : " AND d.deleted_at IS NULL");
  if (query->kind)
    g_string_append (sql, " AND d.kind = ?2");
  if (query->status)
    g_string_append (sql, " AND d.status = ?3");
  if (query->filing_year > 0)
    g_string_append (sql, " AND d.filing_date >= printf ('%04d-01-01', ?4)"
                          " AND d.filing_date < printf ('%04d-01-01', ?4 + 1)");
  if (query->officer)
    g_string_append (sql, " AND d.officer = ?5");
  append_place_filter (sql, query);
  if (query->due_within_days > 0)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM task t WHERE t.dossier_id = d.id AND t.done_date IS NULL"
                          "             AND t.due_date <= date ('now', 'localtime', printf ('+%d days', ?7)))");
  if (ordered)
    g_string_append_printf (sql, " ORDER BY %s %s, d.id %s", order_column (query->sort),
                            query->descending ? "DESC" : "ASC", query->descending ? "DESC" : "ASC");
  if (ordered && query->limit > 0)
    g_string_append_printf (sql, " LIMIT %u", query->limit);
  return g_string_free (sql, FALSE);
}

static gboolean
has_search_text (const IpdQuery *query, char **match)
{
  *match = NULL;
  if (query->text == NULL || ipd_text_is_blank (query->text))
    return FALSE;
  *match = fts_query (query->text);
  return TRUE;
}

static IpdStmt *
prepare_query (IpdStore *self, const IpdQuery *query, const char *select, gboolean ordered,
               gboolean *empty_result, GError **error)
{
  g_autofree char *match = NULL;
  gboolean searching = has_search_text (query, &match);
  g_autofree char *sql = query_sql (query, select, ordered, searching);
  IpdStmt *stmt;

  /* Text with no letters or digits matches nothing. */
  *empty_result = searching && *match == '\0';
  stmt = ipd_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  ipd_bind_text (stmt, 1, match);
  ipd_bind_text (stmt, 2, query->kind);
  ipd_bind_text (stmt, 3, query->status);
  sqlite3_bind_int (stmt, 4, query->filing_year);
  ipd_bind_text (stmt, 5, query->officer);
  ipd_bind_text (stmt, 6, query->province);
  sqlite3_bind_int (stmt, 7, query->due_within_days);
  ipd_bind_text (stmt, 8, query->commune);
  return stmt;
}

/**
 * ipd_store_list_ids:
 *
 * Returns: (transfer full): the ids (gint64) of the dossiers that match
 *   @query, in its order.
 */
GArray *
ipd_store_list_ids (IpdStore *self, const IpdQuery *query, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean empty = FALSE;
  int rc;

  g_return_val_if_fail (IPD_IS_STORE (self) && query != NULL, NULL);

  if (ipd_store_name_order_applies (query))
    {
      g_autofree char *match = NULL;

      if (has_search_text (query, &match) && *match == '\0')
        return g_steal_pointer (&ids);   /* no letters or digits: nothing matches */
      return ipd_store_name_order_list (self, query, match, error);
    }

  stmt = prepare_query (self, query, "SELECT d.id", TRUE, &empty, error);
  if (stmt == NULL)
    return NULL;
  if (empty)
    return g_steal_pointer (&ids);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      ipd_store_set_error (self, error, rc, "list");
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gint64
ipd_store_count_dossiers (IpdStore *self, const IpdQuery *query, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  gboolean empty = FALSE;
  int rc;

  g_return_val_if_fail (IPD_IS_STORE (self) && query != NULL, -1);
  stmt = prepare_query (self, query, "SELECT count(*)", FALSE, &empty, error);
  if (stmt == NULL)
    return -1;
  if (empty)
    return 0;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ipd_store_set_error (self, error, rc, "count");
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* "[12,7,40]": the page's ids as one parameter, so that one statement
 * reads the whole page (in the table's order, which is also the file's). */
static char *
ids_as_json (const gint64 *ids, guint n_ids)
{
  GString *json = g_string_sized_new (n_ids * 8 + 2);

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static IpdDossierSummary *
summary_from_row (IpdStmt *stmt)
{
  IpdDossierSummary *row = ipd_dossier_summary_new ();

  row->id = sqlite3_column_int64 (stmt, 0);
  row->reference = ipd_column_dup_text (stmt, 1);
  row->kind = ipd_column_dup_text (stmt, 2);
  row->name = ipd_column_dup_text (stmt, 3);
  row->applicant = ipd_column_dup_text (stmt, 4);
  row->app_number = ipd_column_dup_text (stmt, 5);
  row->filing_date = ipd_column_dup_text (stmt, 6);
  row->status = ipd_column_dup_text (stmt, 7);
  row->certificate_number = ipd_column_dup_text (stmt, 8);
  row->next_deadline = ipd_column_dup_text (stmt, 9);
  return row;
}

/* The rows of the list, by id; the next open deadline from the index of
 * open tasks (schema/008-next-deadline-index.sql). */
static const char summaries_sql[] =
  "SELECT d.id, d.reference, d.kind, d.name, d.applicant_name, d.app_number, d.filing_date, d.status, d.certificate_number,"
  "  (SELECT min(due_date) FROM task t WHERE t.dossier_id = d.id AND t.done_date IS NULL)"
  " FROM dossier d WHERE d.id IN (SELECT value FROM json_each (?1))";

const char *
ipd_store_summaries_sql (void)
{
  return summaries_sql;
}

static GPtrArray *
load_summary_rows (IpdStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n_ids, (GDestroyNotify) ipd_dossier_summary_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                       (GDestroyNotify) ipd_dossier_summary_unref);
  g_autofree char *json = ids_as_json (ids, n_ids);
  int rc;

  stmt = ipd_store_prepare (self, summaries_sql, error);
  if (stmt == NULL)
    return NULL;
  ipd_bind_text (stmt, 1, json);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IpdDossierSummary *row = summary_from_row (stmt);
      g_hash_table_insert (by_id, &row->id, row);
    }
  if (rc != SQLITE_DONE)
    {
      ipd_store_set_error (self, error, rc, "summary");
      return NULL;
    }

  /* back in the order asked for; ids that no longer exist are left out */
  for (guint i = 0; i < n_ids; i++)
    {
      IpdDossierSummary *row = g_hash_table_lookup (by_id, &ids[i]);
      if (row != NULL)
        g_ptr_array_add (rows, ipd_dossier_summary_ref (row));
    }
  return g_steal_pointer (&rows);
}

/**
 * ipd_store_load_summaries:
 *
 * Returns: (transfer full): an #IpdDossierSummary for each id that still
 *   exists, in the order of @ids.
 */
GPtrArray *
ipd_store_load_summaries (IpdStore *self, const gint64 *ids, guint n_ids, GError **error)
{
  g_return_val_if_fail (IPD_IS_STORE (self), NULL);

  return load_summary_rows (self, ids, n_ids, error);
}

void
ipd_facet_count_free (IpdFacetCount *count)
{
  if (count == NULL)
    return;
  g_free (count->value);
  g_free (count);
}

static const char *
facet_sql (IpdFacet facet)
{
  switch (facet)
    {
    case IPD_FACET_KIND:
      return "SELECT kind, count(*) FROM dossier WHERE deleted_at IS NULL GROUP BY kind ORDER BY kind";
    case IPD_FACET_STATUS:
      return "SELECT status, count(*) FROM dossier WHERE deleted_at IS NULL GROUP BY status ORDER BY status";
    case IPD_FACET_FILING_YEAR:
      return "SELECT substr (filing_date, 1, 4) AS year, count(*) FROM dossier"
             " WHERE deleted_at IS NULL AND filing_date IS NOT NULL GROUP BY year ORDER BY year DESC";
    case IPD_FACET_OFFICER:
      return "SELECT officer, count(*) FROM dossier WHERE deleted_at IS NULL AND officer IS NOT NULL"
             " GROUP BY officer ORDER BY officer";
    case IPD_FACET_PROVINCE:
      /* a dossier counts once in each province it is tied to */
      return "SELECT province, count(*) FROM"
             " (SELECT dp.dossier_id, p.province FROM dossier_party dp JOIN party p ON p.id = dp.party_id"
             "   WHERE dp.role IN " PLACE_ROLES
             "  UNION SELECT dossier_id, province FROM area_unit) x"
             " JOIN dossier d ON d.id = x.dossier_id"
             " WHERE d.deleted_at IS NULL AND province IS NOT NULL GROUP BY province ORDER BY province";
    case IPD_FACET_COMMUNE:
      return "SELECT commune, count(*) FROM"
             " (SELECT dp.dossier_id, p.commune FROM dossier_party dp JOIN party p ON p.id = dp.party_id"
             "   WHERE dp.role IN " PLACE_ROLES
             "  UNION SELECT dossier_id, commune FROM area_unit) x"
             " JOIN dossier d ON d.id = x.dossier_id"
             " WHERE d.deleted_at IS NULL AND commune IS NOT NULL GROUP BY commune ORDER BY commune";
    default:
      g_assert_not_reached ();
    }
}

/* One province's communes: the province is matched on the same address or
 * area unit as the commune (through the province indexes). */
static const char communes_of_province_sql[] =
  "SELECT commune, count(*) FROM"
  " (SELECT dp.dossier_id, p.commune FROM party p JOIN dossier_party dp ON dp.party_id = p.id"
  "   WHERE p.province = ?1 AND dp.role IN " PLACE_ROLES
  "  UNION SELECT dossier_id, commune FROM area_unit WHERE province = ?1) x"
  " JOIN dossier d ON d.id = x.dossier_id"
  " WHERE d.deleted_at IS NULL AND commune IS NOT NULL GROUP BY commune ORDER BY commune";

/* @province: only for IPD_FACET_COMMUNE, NULL for every province */
static GPtrArray *
count_facet (IpdStore *self, IpdFacet facet, const char *province, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_facet_count_free);
  int rc;

  stmt = ipd_store_prepare (self, province ? communes_of_province_sql : facet_sql (facet), error);
  if (stmt == NULL)
    return NULL;
  ipd_bind_text (stmt, 1, province);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IpdFacetCount *count = g_new0 (IpdFacetCount, 1);
      count->value = ipd_column_dup_text (stmt, 0);
      count->count = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (counts, count);
    }
  if (rc != SQLITE_DONE)
    {
      ipd_store_set_error (self, error, rc, "facet");
      return NULL;
    }
  return g_steal_pointer (&counts);
}

/**
 * ipd_store_count_facet:
 *
 * Returns: (transfer full): the live register's dossiers counted by kind,
 *   status, filing year, officer, province or commune, as #IpdFacetCount.
 */
GPtrArray *
ipd_store_count_facet (IpdStore *self, IpdFacet facet, GError **error)
{
  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  g_return_val_if_fail (facet <= IPD_FACET_COMMUNE, NULL);
  return count_facet (self, facet, NULL, error);
}

/**
 * ipd_store_count_communes:
 * @province: (nullable): the province whose communes to count; %NULL for all
 *
 * Returns: (transfer full): the live register's dossiers counted by the
 *   communes of @province (as #IpdFacetCount), the way a query with
 *   `province` and `commune` set lists them.
 */
GPtrArray *
ipd_store_count_communes (IpdStore *self, const char *province, GError **error)
{
  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  return count_facet (self, IPD_FACET_COMMUNE, province, error);
}

gint64
ipd_store_count_trash (IpdStore *self, GError **error)
{
  IpdQuery trash = { .trash = TRUE };

  g_return_val_if_fail (IPD_IS_STORE (self), -1);
  return ipd_store_count_dossiers (self, &trash, error);
}
