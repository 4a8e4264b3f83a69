/* ipd-store-reports.c — the rows of the official registers
 *
 * A register of 100 000 dossiers must not sit in memory: the rows are
 * handed to a callback one at a time, straight from the statement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ipd-store-private.h"

#include "ipd-error.h"

/* The dossiers of the register of applications: filed in the period or
 * with an event in it, live, with the filters of @query (?3 … ?6). */
#define APPLICATIONS_WHERE                                                          \
  " FROM dossier d WHERE d.deleted_at IS NULL"                                      \
  "  AND (d.filing_date BETWEEN ?1 AND ?2"                                          \
  "       OR EXISTS (SELECT 1 FROM event e WHERE e.dossier_id = d.id"               \
  "                  AND e.date BETWEEN ?1 AND ?2))"                                \
  "  AND (?3 IS NULL OR d.kind = ?3)"                                               \
  "  AND (?4 IS NULL OR d.status = ?4)"                                             \
  "  AND (?5 IS NULL OR d.officer = ?5)"                                            \
  "  AND (?6 IS NULL OR d.id IN (SELECT dp.dossier_id FROM party p"                 \
  "        JOIN dossier_party dp ON dp.party_id = p.id"                             \
  "        WHERE p.province = ?6 AND dp.role IN ('applicant', 'owner', 'managing_org')" \
  "        UNION ALL SELECT a.dossier_id FROM area_unit a WHERE a.province = ?6))"

static const char count_sql[] = "SELECT count(*)" APPLICATIONS_WHERE;

static const char rows_sql[] =
  "SELECT d.id, d.reference, d.kind, d.name, d.applicant_name,"
  /* the applicant's address (else the owner's, the managing organisation's) */
  "  (SELECT CASE WHEN p.commune IS NOT NULL AND p.province IS NOT NULL"
  "               THEN p.commune || ', ' || p.province"
  "               ELSE coalesce (p.commune, p.province) END"
  "     FROM dossier_party dp JOIN party p ON p.id = dp.party_id"
  "     WHERE dp.dossier_id = d.id AND dp.role IN ('applicant', 'owner', 'managing_org')"
  "     ORDER BY dp.role <> 'applicant', dp.position LIMIT 1),"
  /* Nice classes with their goods, else a GI's products, one a line */
  "  coalesce ((SELECT group_concat (line, char (10)) FROM"
  "              (SELECT n.number || coalesce (': ' || n.goods, '') AS line FROM nice_class n"
  "               WHERE n.dossier_id = d.id ORDER BY n.position)),"
  "            (SELECT group_concat (name, char (10)) FROM"
  "              (SELECT g.name FROM gi_product g WHERE g.dossier_id = d.id ORDER BY g.position))),"
  "  d.app_number, d.filing_date, d.status,"
  /* the latest event up to the cut-off */
  "  (SELECT e.type FROM event e WHERE e.dossier_id = d.id AND e.date <= ?2"
  "     ORDER BY e.date DESC, e.id DESC LIMIT 1),"
  "  (SELECT e.date FROM event e WHERE e.dossier_id = d.id AND e.date <= ?2"
  "     ORDER BY e.date DESC, e.id DESC LIMIT 1),"
  /* the next open deadline */
  "  (SELECT t.title FROM task t WHERE t.dossier_id = d.id AND t.state = 'open'"
  "     ORDER BY t.due_date, t.id LIMIT 1),"
  "  (SELECT t.due_date FROM task t WHERE t.dossier_id = d.id AND t.state = 'open'"
  "     ORDER BY t.due_date, t.id LIMIT 1),"
  "  d.officer, d.public_note"
  APPLICATIONS_WHERE
  " ORDER BY d.filing_date IS NULL, d.filing_date, d.reference";

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

gint64
ipd_store_count_application_rows (IpdStore *self, const IpdReportPeriod *period,
                                  const IpdQuery *filters, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IPD_IS_STORE (self), -1);
  g_return_val_if_fail (period != NULL, -1);
  if ((stmt = ipd_store_prepare (self, count_sql, error)) == NULL)
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

static const char *
text_at (IpdStmt *stmt, int column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static void
read_row (IpdStmt *stmt, IpdApplicationRow *row)
{
  row->id = sqlite3_column_int64 (stmt, 0);
  row->reference = text_at (stmt, 1);
  row->kind = text_at (stmt, 2);
  row->name = text_at (stmt, 3);
  row->applicant = text_at (stmt, 4);
  row->address = text_at (stmt, 5);
  row->products = text_at (stmt, 6);
  row->app_number = text_at (stmt, 7);
  row->filing_date = text_at (stmt, 8);
  row->status = text_at (stmt, 9);
  row->event_type = text_at (stmt, 10);
  row->event_date = text_at (stmt, 11);
  row->task_title = text_at (stmt, 12);
  row->task_due = text_at (stmt, 13);
  row->officer = text_at (stmt, 14);
  row->note = text_at (stmt, 15);
}

/* Calls @func for each row in the register's order; stops at the first
 * FALSE it returns (with its error). */
gboolean
ipd_store_foreach_application_row (IpdStore *self, const IpdReportPeriod *period,
                                   const IpdQuery *filters, IpdApplicationRowFunc func,
                                   gpointer user_data, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  g_return_val_if_fail (period != NULL && func != NULL, FALSE);
  if ((stmt = ipd_store_prepare (self, rows_sql, error)) == NULL)
    return FALSE;
  bind_report (stmt, period, filters);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      IpdApplicationRow row;

      read_row (stmt, &row);
      if (!func (&row, user_data, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return ipd_store_set_error (self, error, rc, "report");
  return TRUE;
}
