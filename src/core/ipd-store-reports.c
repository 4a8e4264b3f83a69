/* ipd-store-reports.c — the rows of the official registers
 *
 * A register of 100 000 dossiers must not sit in memory: the rows are
 * handed to a callback one at a time, straight from the statement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ipd-store-private.h"

#include "ipd-error.h"
#include "ipd-vocabulary.h"

/* The filters of @query (?3 … ?6), on live dossiers d. */
#define FILTERS_WHERE                                                               \
  " WHERE d.deleted_at IS NULL"                                                     \
  "  AND (?3 IS NULL OR d.kind = ?3)"                                               \
  "  AND (?4 IS NULL OR d.status = ?4)"                                             \
  "  AND (?5 IS NULL OR d.officer = ?5)"                                            \
  "  AND (?6 IS NULL OR d.id IN (SELECT dp.dossier_id FROM party p"                 \
  "        JOIN dossier_party dp ON dp.party_id = p.id"                             \
  "        WHERE p.province = ?6 AND dp.role IN ('applicant', 'owner', 'managing_org')" \
  "        UNION ALL SELECT a.dossier_id FROM area_unit a WHERE a.province = ?6))"

/* The dossiers of the register of applications: filed in the period or
 * with an event in it. */
#define APPLICATIONS_IN_PERIOD                                                      \
  "  AND (d.filing_date BETWEEN ?1 AND ?2"                                          \
  "       OR EXISTS (SELECT 1 FROM event e WHERE e.dossier_id = d.id"               \
  "                  AND e.date BETWEEN ?1 AND ?2))"
#define APPLICATIONS_WHERE " FROM dossier d" FILTERS_WHERE APPLICATIONS_IN_PERIOD

static const char count_sql[] = "SELECT count(*)" APPLICATIONS_WHERE;

#define ROWS_SELECT                                                                 \
  /* the address and products as kept in the row (format 9) */                    \
  "SELECT d.id, d.reference, d.kind, d.name, d.applicant_name,"                     \
  "  d.applicant_address, d.products_text,"                                         \
  "  d.app_number, d.filing_date, d.status,"                                        \
  "  le.type, le.date, nt.title, nt.due_date,"                                      \
  "  d.officer, d.public_note"                                                      \
  " FROM dossier d NOT INDEXED"                                                     \
  /* the latest event up to the cut-off, and the next open deadline: each */       \
  /* found once, by its id, rather than once for each of its two columns */        \
  " LEFT JOIN event le ON le.id ="                                                  \
  "   (SELECT e.id FROM event e WHERE e.dossier_id = d.id AND e.date <= ?2"         \
  "      ORDER BY e.date DESC, e.id DESC LIMIT 1)"                                  \
  " LEFT JOIN task nt ON nt.id ="                                                   \
  "   (SELECT t.id FROM task t WHERE t.dossier_id = d.id AND t.done_date IS NULL"   \
  "      ORDER BY t.due_date, t.id LIMIT 1)"                                        \
  FILTERS_WHERE APPLICATIONS_IN_PERIOD

/* The register is in filing date order, the dossiers without one last,
 * then by reference; the dossiers' ids are in no such order (a register
 * typed in from old files, a generated one). Visiting the dossiers in
 * that order, each row's subqueries (latest event, next deadline; the
 * address and products before format 9) read pages all over the file: about 13 page reads a row
 * from a page cache of 2 MiB, 2.5 s in the kernel at 100 000 rows. So
 * the dossiers in the order of the file (NOT INDEXED: a scan by rowid),
 * where a dossier's parties, classes, events and tasks mostly follow one
 * another, and the finished rows sorted after: foreach_row() makes that
 * sort spill to a temporary file rather than hold them all in memory. */
static const char rows_sql[] =
  ROWS_SELECT " ORDER BY d.filing_date IS NULL, d.filing_date, d.reference";

const char *
ipd_store_application_rows_sql (void)
{
  return rows_sql;
}

/* The day a title was granted: as typed on the dossier, else the date of
 * its "Certificate granted" event, which the statistics count by. A
 * dossier recorded as granted without the date typed in is still a title
 * in force: leaving it out made the two reports disagree. */
#define GRANTED_ON                                                                  \
  "coalesce (d.grant_date, (SELECT max (g.date) FROM event g"                      \
  "                         WHERE g.dossier_id = d.id AND g.type = 'granted'))"

/* Titles in force at the cut-off ?2: granted by then, not ended by an
 * event dated by then (expired, withdrawn, invalidated …), and for a kind
 * with a term, expiring after it. */
#define TITLES_WHERE                                                                \
  " FROM dossier d JOIN kind k ON k.code = d.kind" FILTERS_WHERE                    \
  "  AND " GRANTED_ON " <= ?2"                                                      \
  "  AND NOT EXISTS (SELECT 1 FROM event e JOIN event_type t ON t.code = e.type"    \
  "                  WHERE e.dossier_id = d.id AND t.ends_dossier AND e.date <= ?2)" \
  "  AND (k.term_years = 0 OR d.expiry_date > ?2)"

static const char titles_count_sql[] = "SELECT count(*)" TITLES_WHERE;

static const char titles_sql[] =
  "SELECT d.id, d.reference, d.certificate_number, " GRANTED_ON " AS granted_on, d.expiry_date,"
  "  k.term_years = 0,"
  "  coalesce ((SELECT p.name FROM dossier_party dp JOIN party p ON p.id = dp.party_id"
  "             WHERE dp.dossier_id = d.id AND dp.role IN ('owner', 'applicant', 'managing_org')"
  "             ORDER BY dp.role <> 'owner', dp.role <> 'applicant', dp.position LIMIT 1),"
  "            d.applicant_name),"
  "  d.kind, d.name, d.products_text,"
  "  (SELECT count(*) FROM event e WHERE e.dossier_id = d.id AND e.type = 'renewed'"
  "     AND e.date <= ?2),"
  "  d.public_note"
  TITLES_WHERE
  " ORDER BY granted_on, d.certificate_number, d.reference";

static void
bind_report (IpdStmt *stmt, const IpdReportPeriod *period, const IpdQuery *filters)
{
  ipd_bind_text (stmt, 1, period->from);
  ipd_bind_text (stmt, 2, period->to);
  ipd_bind_text (stmt, 3, filters ? filters->kind : NULL);
  ipd_bind_text (stmt, 4, filters ? filters->status : NULL);
  ipd_bind_text (stmt, 5, filters ? filters->officer : NULL);
  ipd_bind_text (stmt, 6, filters ? filters->province : NULL);
}

static gint64
count_rows (IpdStore *self, const char *sql, const IpdReportPeriod *period,
            const IpdQuery *filters, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IPD_IS_STORE (self), -1);
  g_return_val_if_fail (period != NULL, -1);
  if ((stmt = ipd_store_prepare (self, sql, error)) == NULL)
    return -1;
  bind_report (stmt, period, filters);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ipd_store_set_error (self, error, rc, "report");
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

gint64
ipd_store_count_application_rows (IpdStore *self, const IpdReportPeriod *period,
                                  const IpdQuery *filters, GError **error)
{
  return count_rows (self, count_sql, period, filters, error);
}

gint64
ipd_store_count_title_rows (IpdStore *self, const IpdReportPeriod *period,
                            const IpdQuery *filters, GError **error)
{
  return count_rows (self, titles_count_sql, period, filters, error);
}

static const char *
text_at (IpdStmt *stmt, int column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* One statement row handed on as a register's row. */
typedef gboolean (*StepFunc) (IpdStmt *stmt, gpointer func, gpointer user_data, GError **error);

static gboolean
application_step (IpdStmt *stmt, gpointer func, gpointer user_data, GError **error)
{
  IpdApplicationRow row;

  row.id = sqlite3_column_int64 (stmt, 0);
  row.reference = text_at (stmt, 1);
  row.kind = text_at (stmt, 2);
  row.name = text_at (stmt, 3);
  row.applicant = text_at (stmt, 4);
  row.address = text_at (stmt, 5);
  row.products = text_at (stmt, 6);
  row.app_number = text_at (stmt, 7);
  row.filing_date = text_at (stmt, 8);
  row.status = text_at (stmt, 9);
  row.event_type = text_at (stmt, 10);
  row.event_date = text_at (stmt, 11);
  row.task_title = text_at (stmt, 12);
  row.task_due = text_at (stmt, 13);
  row.officer = text_at (stmt, 14);
  row.note = text_at (stmt, 15);
  return ((IpdApplicationRowFunc) func) (&row, user_data, error);
}

static gboolean
title_step (IpdStmt *stmt, gpointer func, gpointer user_data, GError **error)
{
  IpdTitleRow row;

  row.id = sqlite3_column_int64 (stmt, 0);
  row.reference = text_at (stmt, 1);
  row.certificate_number = text_at (stmt, 2);
  row.grant_date = text_at (stmt, 3);
  row.expiry_date = text_at (stmt, 4);
  row.indefinite = sqlite3_column_int (stmt, 5) != 0;
  row.owner = text_at (stmt, 6);
  row.kind = text_at (stmt, 7);
  row.name = text_at (stmt, 8);
  row.products = text_at (stmt, 9);
  row.renewals = sqlite3_column_int64 (stmt, 10);
  row.note = text_at (stmt, 11);
  return ((IpdTitleRowFunc) func) (&row, user_data, error);
}

static gboolean
pragma_int (IpdStore *self, const char *sql, gint64 *value)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, sql, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* How the connection sorts: where its temporary data goes, and its page
 * cache, whose size is also how much of a sort SQLite keeps in memory
 * before writing the rest to a temporary file. */
typedef struct {
  gint64 temp_store;
  gint64 cache_size;
} SortSettings;

/* A register's rows are sorted whole, every column of every row (about
 * 25 MB at 100 000 rows): with temp_store = MEMORY all of it would stay
 * in memory. For the statement, a temporary file beyond 2 MiB instead
 * (SQLite's own file, deleted when closed). FALSE when the settings were
 * left alone: within a transaction they cannot change, and changing
 * temp_store would drop the connection's temporary tables and triggers;
 * the sort then stays in memory. */
static gboolean
sort_on_disk_begin (IpdStore *self, SortSettings *saved)
{
  gint64 n_temp = -1;

  if (!pragma_int (self, "PRAGMA temp_store", &saved->temp_store)
      || !pragma_int (self, "PRAGMA cache_size", &saved->cache_size)
      || !pragma_int (self, "SELECT count(*) FROM temp.sqlite_master", &n_temp)
      || n_temp != 0)
    return FALSE;
  if (sqlite3_exec (self->db, "PRAGMA temp_store = FILE; PRAGMA cache_size = -2048",
                    NULL, NULL, NULL) != SQLITE_OK)
    {
      g_debug ("A register's rows are sorted in memory: %s", sqlite3_errmsg (self->db));
      return FALSE;
    }
  return TRUE;
}

static void
sort_on_disk_end (IpdStore *self, const SortSettings *saved)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA temp_store = %d; PRAGMA cache_size = %" G_GINT64_FORMAT,
                                          (int) saved->temp_store, saved->cache_size);

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("%s: %s", sql, sqlite3_errmsg (self->db));
}

static gboolean
step_rows (IpdStore *self, const char *sql, const IpdReportPeriod *period,
           const IpdQuery *filters, StepFunc step, gpointer func,
           gpointer user_data, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  int rc;

  if ((stmt = ipd_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  bind_report (stmt, period, filters);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!step (stmt, func, user_data, error))
      return FALSE;
  if (rc != SQLITE_DONE)
    return ipd_store_set_error (self, error, rc, "report");
  return TRUE;
}

/* Calls @step for each row in the register's order; stops at the first
 * FALSE it returns (with its error). */
static gboolean
foreach_row (IpdStore *self, const char *sql, const IpdReportPeriod *period,
             const IpdQuery *filters, StepFunc step, gpointer func,
             gpointer user_data, GError **error)
{
  SortSettings saved;
  gboolean on_disk, ok;

  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  g_return_val_if_fail (period != NULL && func != NULL, FALSE);
  on_disk = sort_on_disk_begin (self, &saved);
  ok = step_rows (self, sql, period, filters, step, func, user_data, error);
  if (on_disk)
    sort_on_disk_end (self, &saved);
  return ok;
}

gboolean
ipd_store_foreach_application_row (IpdStore *self, const IpdReportPeriod *period,
                                   const IpdQuery *filters, IpdApplicationRowFunc func,
                                   gpointer user_data, GError **error)
{
  return foreach_row (self, rows_sql, period, filters, application_step, (gpointer) func,
                      user_data, error);
}

gboolean
ipd_store_foreach_title_row (IpdStore *self, const IpdReportPeriod *period,
                             const IpdQuery *filters, IpdTitleRowFunc func,
                             gpointer user_data, GError **error)
{
  return foreach_row (self, titles_sql, period, filters, title_step, (gpointer) func,
                      user_data, error);
}

/* Statistics: small grouped counts, returned whole as #IpdStatRow. */

static const char stat_status_sql[] =
  "SELECT d.kind, d.status, count(*), 0 FROM dossier d" FILTERS_WHERE
  " GROUP BY d.kind, d.status";

/* Per kind: filed in ?1–?2, and granted then (a `granted` event dated in it). */
static const char stat_period_sql[] =
  "SELECT k.code, NULL,"
  "  (SELECT count(*) FROM dossier d" FILTERS_WHERE
  "     AND d.kind = k.code AND d.filing_date BETWEEN ?1 AND ?2),"
  "  (SELECT count(*) FROM dossier d" FILTERS_WHERE
  "     AND d.kind = k.code AND EXISTS (SELECT 1 FROM event e WHERE e.dossier_id = d.id"
  "       AND e.type = 'granted' AND e.date BETWEEN ?1 AND ?2))"
  " FROM kind k ORDER BY k.code";

/* Where each live dossier is, by current unit: a dossier is in each place
 * its applicant, owner or managing organisation (or a GI's area) is in.
 * Names as written go through place_map (ipd-store-places.c): the commune
 * with its province, else the province alone; a commune that is not in
 * the list keeps its name and is marked unmapped.
 *
 * The keys are computed once per distinct (province, commune) — a few
 * thousand — not per place: at 100 000 dossiers that is 0.1 s instead of
 * 3 s. Only a pair whose commune needs the former district to decide reads
 * the address of each place. */
#define MAPPED_PLACES                                                                \
  " (WITH places AS"                                                                \
  "   (SELECT dp.dossier_id, coalesce (p.province, '') AS province,"                \
  "           coalesce (p.commune, '') AS commune, p.address AS written"            \
  "      FROM dossier_party dp JOIN party p ON p.id = dp.party_id"                  \
  "      WHERE dp.role IN ('applicant', 'owner', 'managing_org')"                  \
  "    UNION ALL SELECT dossier_id, coalesce (province, ''), coalesce (commune, ''), as_written" \
  "      FROM area_unit),"                                                          \
  "  pair_keys AS MATERIALIZED"                                                      \
  "   (SELECT province, commune, ipd_place_key (province, 0) AS pk,"               \
  "           ipd_place_key (commune, 1) AS ck"                                    \
  "      FROM (SELECT DISTINCT province, commune FROM places)),"                   \
  "  pairs AS MATERIALIZED"                                                          \
  "   (SELECT province, commune, pk, ck,"                                          \
  "      (SELECT id FROM place_map WHERE province_key = pk AND commune_key = '') AS province_id," \
  "      (SELECT id FROM place_map WHERE province_key = pk AND commune_key = ck"   \
  "         AND ck <> '' AND district_key = '') AS commune_id,"                     \
  "      EXISTS (SELECT 1 FROM place_map WHERE province_key = pk AND commune_key = ck" \
  "         AND ck <> '' AND district_key <> '') AS by_district"                   \
  "      FROM pair_keys)"                                                           \
  "  SELECT DISTINCT x.dossier_id,"                                                 \
  "    coalesce (c.province, p.province, nullif (x.province, '')) AS province,"    \
  "    coalesce (c.commune, nullif (x.commune, '')) AS commune,"                   \
  "    x.commune <> '' AND c.id IS NULL AS unmapped"                               \
  "  FROM places x JOIN pairs m ON m.province = x.province AND m.commune = x.commune" \
  "  LEFT JOIN place_map p ON p.id = m.province_id"                                 \
  "  LEFT JOIN place_map c ON c.id = coalesce (m.commune_id, CASE WHEN m.by_district THEN" \
  "    (SELECT id FROM place_map WHERE province_key = m.pk AND commune_key = m.ck"  \
  "       AND district_key <> '' AND instr (ipd_place_key (x.written, 2), district_key) > 0" \
  "     LIMIT 1) END)) x"                                                           \
  " JOIN dossier d ON d.id = x.dossier_id" FILTERS_WHERE

static const char stat_province_sql[] =
  "SELECT x.province, NULL, count(DISTINCT x.dossier_id), 0 FROM" MAPPED_PLACES
  "  AND x.province IS NOT NULL GROUP BY x.province ORDER BY x.province";

static const char stat_commune_sql[] =
  "SELECT x.province, x.commune, count(DISTINCT x.dossier_id), max (x.unmapped) FROM" MAPPED_PLACES
  "  AND x.province IS NOT NULL GROUP BY x.province, x.commune"
  " ORDER BY x.province, x.commune IS NULL, x.commune";

/* Filed and granted by year, over every year either happened in: one
 * pass over the dossiers and one over the grants, not one per year. */
static const char stat_year_sql[] =
  "SELECT year, NULL, sum (filed), sum (granted) FROM"
  " (SELECT substr (d.filing_date, 1, 4) AS year, 1 AS filed, 0 AS granted"
  "    FROM dossier d" FILTERS_WHERE " AND d.filing_date IS NOT NULL"
  "  UNION ALL"
  "  SELECT year, 0, 1 FROM (SELECT DISTINCT substr (e.date, 1, 4) AS year, d.id FROM dossier d"
  "    JOIN event e ON e.dossier_id = d.id AND e.type = 'granted'" FILTERS_WHERE "))"
  " GROUP BY year ORDER BY year";

static const char stat_programme_sql[] =
  "SELECT d.programme, NULL, count(*), total (d.support_amount) FROM dossier d" FILTERS_WHERE
  "  AND d.programme IS NOT NULL AND trim (d.programme) <> ''"
  " GROUP BY d.programme ORDER BY d.programme";

void
ipd_stat_row_free (IpdStatRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row->key2);
  g_free (row);
}

const IpdStatRow *
ipd_stat_rows_find (GPtrArray *rows, const char *key)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const IpdStatRow *s = g_ptr_array_index (rows, i);

      if (g_strcmp0 (s->key, key) == 0)
        return s;
    }
  return NULL;
}

static int
term_index (const IpdTerm *terms, guint n_terms, const char *code)
{
  for (guint i = 0; code && i < n_terms; i++)
    if (g_str_equal (terms[i].code, code))
      return (int) i;
  return -1;
}

gint64 *
ipd_stat_kind_status_grid (GPtrArray *rows)
{
  guint n_kinds, n_statuses;
  const IpdTerm *kinds = ipd_vocabulary_terms (IPD_VOCAB_KIND, &n_kinds);
  const IpdTerm *statuses = ipd_vocabulary_terms (IPD_VOCAB_STATUS, &n_statuses);
  guint stride = n_statuses + 1;
  gint64 *counts = g_new0 (gint64, (gsize) (n_kinds + 1) * stride);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const IpdStatRow *s = g_ptr_array_index (rows, i);
      int k = term_index (kinds, n_kinds, s->key), st = term_index (statuses, n_statuses, s->key2);

      if (k < 0 || st < 0)
        continue;
      counts[k * stride + st] += s->count;
      counts[k * stride + n_statuses] += s->count;
      counts[n_kinds * stride + st] += s->count;
      counts[n_kinds * stride + n_statuses] += s->count;
    }
  return counts;
}

static GPtrArray *
stat_rows (IpdStore *self, const char *sql, const IpdReportPeriod *period,
           const IpdQuery *filters, GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_stat_row_free);
  g_autoptr(IpdStmt) stmt = NULL;
  IpdReportPeriod none = { 0 };
  int rc;

  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  if ((stmt = ipd_store_prepare (self, sql, error)) == NULL)
    return NULL;
  bind_report (stmt, period ? period : &none, filters);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IpdStatRow *row = g_new0 (IpdStatRow, 1);

      row->key = g_strdup (text_at (stmt, 0));
      row->key2 = g_strdup (text_at (stmt, 1));
      row->count = sqlite3_column_int64 (stmt, 2);
      row->value = sqlite3_column_int64 (stmt, 3);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      ipd_store_set_error (self, error, rc, "statistics");
      return NULL;
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
ipd_store_statistics (IpdStore *self, IpdStatistic statistic, const IpdReportPeriod *period,
                      const IpdQuery *filters, GError **error)
{
  static const char *const sql[] = {
    [IPD_STAT_KIND_STATUS] = stat_status_sql,
    [IPD_STAT_PERIOD] = stat_period_sql,
    [IPD_STAT_PROVINCE] = stat_province_sql,
    [IPD_STAT_PROGRAMME] = stat_programme_sql,
    [IPD_STAT_COMMUNE] = stat_commune_sql,
    [IPD_STAT_YEAR] = stat_year_sql,
  };

  g_return_val_if_fail (statistic < G_N_ELEMENTS (sql), NULL);
  g_return_val_if_fail (statistic != IPD_STAT_PERIOD || period != NULL, NULL);
  return stat_rows (self, sql[statistic], period, filters, error);
}
