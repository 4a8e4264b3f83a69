/* ipd-store-tasks.c — deadlines: computed from the events, kept in the register
 *
 * The rules are the procedure's (ipd-procedure.h) and the arithmetic is the
 * deadline engine's (ipd-deadlines.h, which knows no SQL and no "today").
 * This file reads a dossier's kind, filing date and events, hands them to
 * the engine and writes only the difference: a row of the same rule and
 * trigger is updated in place, so a task keeps its id and creation time;
 * new tasks are inserted; open tasks no longer produced are deleted, while
 * done ones stay as the dossier's history. The working days come from the
 * register's holiday table, so everyone sharing a register computes the
 * same deadlines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ipd-date.h"
#include "ipd-deadlines.h"
#include "ipd-error.h"
#include "ipd-procedure.h"
#include "ipd-store-private.h"
#include "ipd-text.h"
#include "ipd-vocabulary.h"

/* What the tasks were last computed with; a difference on opening the
 * register (a new version of the rules, a holiday edited by another
 * program) recomputes them all. */
#define SETTING_PROCEDURE_CHECKSUM "tasks.procedure_checksum"
#define SETTING_HOLIDAYS_CHECKSUM  "tasks.holidays_checksum"

/* How many dossiers between two looks at the cancellable. */
#define CANCEL_CHECK_INTERVAL 256

/* The rules and the calendar ------------------------------------------------- */

static IpdProcedure *
get_procedure (GError **error)
{
  IpdProcedure *procedure = ipd_procedure_get_default ();

  if (procedure == NULL)
    g_set_error_literal (error, IPD_ERROR, IPD_ERROR_FAILED,
                         _("The procedure’s deadline rules cannot be read."));
  return procedure;
}

/* The working days of this register, read once from its holiday table. */
static IpdCalendar *
get_calendar (IpdStore *self, GError **error)
{
  g_autoptr(GPtrArray) holidays = NULL;

  if (self->calendar != NULL)
    return self->calendar;
  holidays = ipd_store_list_holidays (self, 0, error);
  if (holidays == NULL)
    return NULL;
  self->calendar = ipd_calendar_new_from_holidays (holidays);
  return self->calendar;
}

/* Only the days count, not their names. */
static char *
holidays_checksum (IpdStore *self, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, "SELECT date, off FROM holiday ORDER BY date", error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *line = g_strdup_printf ("%s %d\n", sqlite3_column_text (stmt, 0),
                                               sqlite3_column_int (stmt, 1));
      g_checksum_update (checksum, (const guchar *) line, -1);
    }
  if (rc != SQLITE_DONE)
    {
      ipd_store_set_error (self, error, rc, "holiday");
      return NULL;
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
record_checksums (IpdStore *self, IpdProcedure *procedure, GError **error)
{
  g_autofree char *holidays = holidays_checksum (self, error);

  return holidays != NULL
      && ipd_store_set_setting (self, SETTING_PROCEDURE_CHECKSUM, ipd_procedure_get_checksum (procedure), error)
      && ipd_store_set_setting (self, SETTING_HOLIDAYS_CHECKSUM, holidays, error);
}

static gboolean
tasks_outdated (IpdStore *self, IpdProcedure *procedure, gboolean *outdated, GError **error)
{
  g_autofree char *procedure_recorded = ipd_store_dup_setting (self, SETTING_PROCEDURE_CHECKSUM);
  g_autofree char *holidays_recorded = ipd_store_dup_setting (self, SETTING_HOLIDAYS_CHECKSUM);
  g_autofree char *holidays = holidays_checksum (self, error);

  if (holidays == NULL)
    return FALSE;
  *outdated = g_strcmp0 (procedure_recorded, ipd_procedure_get_checksum (procedure)) != 0
              || g_strcmp0 (holidays_recorded, holidays) != 0;
  return TRUE;
}

/* Rows and what the engine computed, side by side ------------------------------ */

/* The task columns that the engine decides, in the order of the SQL below. */
enum {
  COL_ROLE, COL_TITLE, COL_CITATION, COL_STATE, COL_TRIGGER_DATE, COL_DUE_DATE,
  COL_WINDOW_FROM, COL_GRACE_UNTIL, COL_COMPLETED_BY, COL_DONE_DATE,
  N_TEXT_COLUMNS
};

typedef struct {
  const char *texts[N_TEXT_COLUMNS];
  gint64      trigger_event_id;   /* 0: none */
  gint64      event_id;           /* the completing or cancelling event; 0: none */
  int         surcharge;
} TaskValues;

typedef struct {
  gint64     id;
  char      *rule_id;
  char      *trigger_key;
  char      *texts[N_TEXT_COLUMNS];
  gint64     trigger_event_id;
  gint64     event_id;
  int        surcharge;
  gboolean   produced;            /* the engine still makes it */
} StoredTask;

static void
stored_task_free (StoredTask *row)
{
  g_free (row->rule_id);
  g_free (row->trigger_key);
  for (guint i = 0; i < N_TEXT_COLUMNS; i++)
    g_free (row->texts[i]);
  g_free (row);
}

#define VALUE_COLUMNS \
  "role, title, citation, state, trigger_date, due_date, window_from, grace_until," \
  " completed_by, done_date, trigger_event_id, event_id, surcharge"

static const char select_stored_sql[] =
  "SELECT id, rule_id, trigger_key, " VALUE_COLUMNS " FROM task WHERE dossier_id = ?1";

/* ?1 dossier, ?2 rule, ?3 trigger key, ?4 now, then the values from ?5.
 * The copies of the dossier's columns that the agenda reads come along
 * (a trigger of the dossier keeps them right afterwards: schema 004). */
static const char insert_sql[] =
  "INSERT INTO task (dossier_id, rule_id, trigger_key, created_at, " VALUE_COLUMNS ","
  "                  dossier_officer, dossier_kind, dossier_live, dossier_sort_key)"
  " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
  "        d.officer, d.kind, d.deleted_at IS NULL, d.sort_key FROM dossier d WHERE d.id = ?1";

/* ?1 id, then the values from ?5 like the insert */
static const char update_sql[] =
  "UPDATE task SET role = ?5, title = ?6, citation = ?7, state = ?8, trigger_date = ?9,"
  " due_date = ?10, window_from = ?11, grace_until = ?12, completed_by = ?13, done_date = ?14,"
  " trigger_event_id = ?15, event_id = ?16, surcharge = ?17 WHERE id = ?1";

#define FIRST_VALUE_PARAMETER 5

static void
values_from_spec (TaskValues *v, const IpdTaskSpec *spec, const char *role)
{
  gboolean open = spec->state == IPD_TASK_OPEN;

  v->texts[COL_ROLE] = role;
  v->texts[COL_TITLE] = spec->title;
  v->texts[COL_CITATION] = spec->citation;
  v->texts[COL_STATE] = ipd_task_state_to_string (spec->state);
  v->texts[COL_TRIGGER_DATE] = spec->trigger_date;
  v->texts[COL_DUE_DATE] = spec->due_date;
  v->texts[COL_WINDOW_FROM] = spec->window_from;
  v->texts[COL_GRACE_UNTIL] = spec->grace_until;
  v->texts[COL_COMPLETED_BY] = spec->completed_by;
  /* "done_date IS NULL" is what every reader takes for "open" (the list's
   * next deadline, the sidebar's filter, the index task_agenda). */
  v->texts[COL_DONE_DATE] = open ? NULL : (spec->done_date ? spec->done_date : spec->due_date);
  v->trigger_event_id = spec->trigger_event_id;
  v->event_id = open ? 0 : spec->done_event_id;
  v->surcharge = spec->surcharge_percent_per_month;
}

static gboolean
values_equal (const TaskValues *v, const StoredTask *row)
{
  for (guint i = 0; i < N_TEXT_COLUMNS; i++)
    if (g_strcmp0 (v->texts[i], row->texts[i]) != 0)
      return FALSE;
  return v->trigger_event_id == row->trigger_event_id
      && v->event_id == row->event_id
      && v->surcharge == row->surcharge;
}

static void
bind_id_or_null (IpdStmt *stmt, int index, gint64 id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

static void
bind_values (IpdStmt *stmt, const TaskValues *v)
{
  for (guint i = 0; i < N_TEXT_COLUMNS; i++)
    ipd_bind_text (stmt, FIRST_VALUE_PARAMETER + i, v->texts[i]);
  bind_id_or_null (stmt, FIRST_VALUE_PARAMETER + N_TEXT_COLUMNS, v->trigger_event_id);
  bind_id_or_null (stmt, FIRST_VALUE_PARAMETER + N_TEXT_COLUMNS + 1, v->event_id);
  sqlite3_bind_int (stmt, FIRST_VALUE_PARAMETER + N_TEXT_COLUMNS + 2, v->surcharge);
}

static GPtrArray *
load_stored (IpdStore *self, gint64 dossier_id, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, select_stored_sql, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) stored_task_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, dossier_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StoredTask *row = g_new0 (StoredTask, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->rule_id = ipd_column_dup_text (stmt, 1);
      row->trigger_key = ipd_column_dup_text (stmt, 2);
      for (guint i = 0; i < N_TEXT_COLUMNS; i++)
        row->texts[i] = ipd_column_dup_text (stmt, 3 + i);
      row->trigger_event_id = sqlite3_column_int64 (stmt, 3 + N_TEXT_COLUMNS);
      row->event_id = sqlite3_column_int64 (stmt, 4 + N_TEXT_COLUMNS);
      row->surcharge = sqlite3_column_int (stmt, 5 + N_TEXT_COLUMNS);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      ipd_store_set_error (self, error, rc, "task");
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/* A dossier has a handful of tasks: a scan beats a hash table. */
static StoredTask *
find_stored (GPtrArray *rows, const IpdTaskSpec *spec)
{
  for (guint i = 0; i < rows->len; i++)
    {
      StoredTask *row = g_ptr_array_index (rows, i);
      if (!row->produced && g_str_equal (row->rule_id, spec->rule_id)
          && g_str_equal (row->trigger_key, spec->trigger_key))
        return row;
    }
  return NULL;
}

static gboolean
has_event (GPtrArray *events, gint64 id)
{
  for (guint i = 0; i < events->len; i++)
    if (((IpdEvent *) g_ptr_array_index (events, i))->id == id)
      return TRUE;
  return FALSE;
}

/* A done task the rules no longer make stays as history while its trigger
 * is still an event of the dossier (deleting the event deletes the task:
 * ON DELETE CASCADE). Anything else not made any more goes. */
static gboolean
keeps_history (const StoredTask *row, GPtrArray *events)
{
  return g_strcmp0 (row->texts[COL_STATE], "done") == 0
      && (row->trigger_event_id == 0 || has_event (events, row->trigger_event_id));
}

/* One dossier ---------------------------------------------------------------------- */

typedef struct {
  IpdProcedure *procedure;
  IpdCalendar  *calendar;     /* owned */
  char         *now;          /* creation time of new rows */
  gboolean      no_rows;      /* the task table is empty: nothing to compare with */
  guint         n_written;
} Recompute;

static gboolean
recompute_init (IpdStore *self, Recompute *r, GError **error)
{
  memset (r, 0, sizeof *r);
  r->procedure = get_procedure (error);
  if (r->procedure == NULL)
    return FALSE;
  r->calendar = get_calendar (self, error);
  if (r->calendar == NULL)
    return FALSE;
  ipd_calendar_ref (r->calendar);   /* a rollback drops the store's */
  r->now = ipd_timestamp_now ();
  return TRUE;
}

static void
recompute_clear (Recompute *r)
{
  g_clear_pointer (&r->calendar, ipd_calendar_unref);
  g_clear_pointer (&r->now, g_free);
}

static const char *
rule_role (Recompute *r, const IpdTaskSpec *spec)
{
  const IpdRule *rule = NULL;

  if (spec->trigger_date != NULL)
    rule = ipd_procedure_find_rule (r->procedure, spec->rule_id, spec->trigger_date);
  return rule ? rule->role : NULL;
}

static gboolean
insert_task (IpdStore *self, Recompute *r, gint64 dossier_id, const IpdTaskSpec *spec,
             const TaskValues *v, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, insert_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dossier_id);
  ipd_bind_text (stmt, 2, spec->rule_id);
  ipd_bind_text (stmt, 3, spec->trigger_key);
  ipd_bind_text (stmt, 4, r->now);
  bind_values (stmt, v);
  r->n_written++;
  return ipd_store_step_done (self, stmt, error);
}

static gboolean
update_task (IpdStore *self, Recompute *r, gint64 id, const TaskValues *v, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, update_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_values (stmt, v);
  r->n_written++;
  return ipd_store_step_done (self, stmt, error);
}

static gboolean
delete_task (IpdStore *self, Recompute *r, gint64 id, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, "DELETE FROM task WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  r->n_written++;
  return ipd_store_step_done (self, stmt, error);
}

static gboolean
update_expiry (IpdStore *self, gint64 dossier_id, const char *expiry, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "UPDATE dossier SET expiry_date = ?2 WHERE id = ?1 AND expiry_date IS NOT ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dossier_id);
  ipd_bind_text (stmt, 2, expiry);
  return ipd_store_step_done (self, stmt, error);
}

/* Brings one dossier's task rows and expiry date to what its events call for. */
static gboolean
sync_dossier (IpdStore *self, Recompute *r, gint64 dossier_id, const char *kind,
              const char *filing_date, const char *stored_expiry, GPtrArray *events,
              GError **error)
{
  g_autofree char *expiry = NULL;
  g_autoptr(GPtrArray) specs = ipd_deadlines_compute (r->procedure, r->calendar, kind, filing_date,
                                                      events, &expiry);
  g_autoptr(GPtrArray) stored = NULL;

  stored = r->no_rows ? g_ptr_array_new () : load_stored (self, dossier_id, error);
  if (stored == NULL)
    return FALSE;

  for (guint i = 0; specs != NULL && i < specs->len; i++)
    {
      const IpdTaskSpec *spec = g_ptr_array_index (specs, i);
      StoredTask *row = find_stored (stored, spec);
      TaskValues values;

      values_from_spec (&values, spec, rule_role (r, spec));
      if (row == NULL)
        {
          if (!insert_task (self, r, dossier_id, spec, &values, error))
            return FALSE;
          continue;
        }
      row->produced = TRUE;
      if (!values_equal (&values, row) && !update_task (self, r, row->id, &values, error))
        return FALSE;
    }

  for (guint i = 0; i < stored->len; i++)
    {
      StoredTask *row = g_ptr_array_index (stored, i);
      if (!row->produced && !keeps_history (row, events) && !delete_task (self, r, row->id, error))
        return FALSE;
    }

  return g_strcmp0 (expiry, stored_expiry) == 0 || update_expiry (self, dossier_id, expiry, error);
}

/**
 * ipd_store_recompute_tasks: (skip)
 *
 * Brings one dossier's tasks and expiry date up to date with its events,
 * inside the caller's transaction.
 */
gboolean
ipd_store_recompute_tasks (IpdStore *self, gint64 dossier_id, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "SELECT kind, filing_date, expiry_date FROM dossier WHERE id = ?1", error);
  g_autofree char *kind = NULL, *filing_date = NULL, *expiry = NULL;
  g_autoptr(GPtrArray) events = NULL;
  Recompute r;
  gboolean ok;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dossier_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;   /* gone: its tasks went with it */
  if (rc != SQLITE_ROW)
    return ipd_store_set_error (self, error, rc, "dossier");
  kind = ipd_column_dup_text (stmt, 0);
  filing_date = ipd_column_dup_text (stmt, 1);
  expiry = ipd_column_dup_text (stmt, 2);
  ipd_stmt_release (stmt);

  events = ipd_store_list_events (self, dossier_id, error);
  if (events == NULL || !recompute_init (self, &r, error))
    return FALSE;
  ok = sync_dossier (self, &r, dossier_id, kind, filing_date, expiry, events, error);
  recompute_clear (&r);
  return ok;
}

/**
 * ipd_store_compute_expiry: (skip)
 * @dossier_id: 0 for a dossier not saved yet (it has no events)
 * @expiry: (out): the current expiry date, or %NULL (no filing date, a GI)
 *
 * What the rules make of the dossier's expiry with @kind and @filing_date,
 * before they are saved: the row is then written with the right date once.
 */
gboolean
ipd_store_compute_expiry (IpdStore *self, gint64 dossier_id, const char *kind,
                          const char *filing_date, char **expiry, GError **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) specs = NULL;
  IpdProcedure *procedure = get_procedure (error);
  IpdCalendar *calendar = procedure ? get_calendar (self, error) : NULL;

  *expiry = NULL;
  if (calendar == NULL)
    return FALSE;
  events = dossier_id != 0 ? ipd_store_list_events (self, dossier_id, error)
                           : g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_event_unref);
  if (events == NULL)
    return FALSE;
  specs = ipd_deadlines_compute (procedure, calendar, kind, filing_date, events, expiry);
  return TRUE;
}

/* Every dossier ---------------------------------------------------------------- */

typedef struct {
  gint64      id;
  const char *kind;          /* interned */
  char       *filing_date;
  char       *expiry_date;
} DossierInput;

static void
dossier_input_clear (gpointer data)
{
  DossierInput *input = data;

  g_free (input->filing_date);
  g_free (input->expiry_date);
}

/* Read first and whole: the loop below updates the dossier table. */
static GArray *
load_dossier_inputs (IpdStore *self, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "SELECT id, kind, filing_date, expiry_date FROM dossier ORDER BY id", error);
  g_autoptr(GArray) inputs = g_array_new (FALSE, FALSE, sizeof (DossierInput));
  int rc;

  if (stmt == NULL)
    return NULL;
  g_array_set_clear_func (inputs, dossier_input_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DossierInput input = {
        .id = sqlite3_column_int64 (stmt, 0),
        .kind = g_intern_string ((const char *) sqlite3_column_text (stmt, 1)),
        .filing_date = ipd_column_dup_text (stmt, 2),
        .expiry_date = ipd_column_dup_text (stmt, 3),
      };
      g_array_append_val (inputs, input);
    }
  if (rc != SQLITE_DONE)
    {
      ipd_store_set_error (self, error, rc, "dossier");
      return NULL;
    }
  return g_steal_pointer (&inputs);
}

static gboolean
task_table_empty (IpdStore *self, gboolean *empty, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, "SELECT NOT EXISTS (SELECT 1 FROM task)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ipd_store_set_error (self, error, rc, "task");
  *empty = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* Moves @events_stmt past @dossier_id's events, collecting them in @events.
 * The events come in dossier order, so one scan of the table serves all. */
static int
collect_events (IpdStmt *events_stmt, int rc, gint64 dossier_id, GPtrArray *events)
{
  g_ptr_array_set_size (events, 0);
  while (rc == SQLITE_ROW && sqlite3_column_int64 (events_stmt, 1) <= dossier_id)
    {
      if (sqlite3_column_int64 (events_stmt, 1) == dossier_id)
        {
          IpdEvent *e = ipd_event_new (dossier_id, (const char *) sqlite3_column_text (events_stmt, 2),
                                       (const char *) sqlite3_column_text (events_stmt, 3));
          e->id = sqlite3_column_int64 (events_stmt, 0);
          e->period_months = sqlite3_column_int (events_stmt, 4);
          g_ptr_array_add (events, e);
        }
      rc = sqlite3_step (events_stmt);
    }
  return rc;
}

static gboolean
recompute_all (IpdStore *self, Recompute *r, GCancellable *cancellable, GError **error)
{
  g_autoptr(GArray) dossiers = load_dossier_inputs (self, error);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_event_unref);
  g_autoptr(IpdStmt) events_stmt = NULL;
  int rc;

  if (dossiers == NULL || !task_table_empty (self, &r->no_rows, error))
    return FALSE;
  events_stmt = ipd_store_prepare (self,
    "SELECT id, dossier_id, date, type, period_months FROM event ORDER BY dossier_id, date, id", error);
  if (events_stmt == NULL)
    return FALSE;

  rc = sqlite3_step (events_stmt);
  for (guint i = 0; i < dossiers->len; i++)
    {
      DossierInput *d = &g_array_index (dossiers, DossierInput, i);

      if (i % CANCEL_CHECK_INTERVAL == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      rc = collect_events (events_stmt, rc, d->id, events);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return ipd_store_set_error (self, error, rc, "event");
      if (!sync_dossier (self, r, d->id, d->kind, d->filing_date, d->expiry_date, events, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * ipd_store_recompute_all_tasks:
 * @cancellable: (nullable): checked between dossiers; a cancelled
 *   recompute changes nothing
 *
 * Recomputes every dossier's tasks and expiry date in one transaction: after
 * a change of the rules or of the holidays. Only rows that change are
 * written.
 */
gboolean
ipd_store_recompute_all_tasks (IpdStore *self, GCancellable *cancellable, GError **error)
{
  Recompute r;
  gboolean ok;
  gint64 start = g_get_monotonic_time ();

  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);

  if (!ipd_store_write_begin (self, error))
    return FALSE;
  /* Another program may have edited the holidays since they were read. */
  g_clear_pointer (&self->calendar, ipd_calendar_unref);
  ok = recompute_init (self, &r, error)
       && recompute_all (self, &r, cancellable, error)
       && record_checksums (self, r.procedure, error);
  g_debug ("Recomputed every task of %s: %u rows written in %.1f s", self->path, r.n_written,
           (g_get_monotonic_time () - start) / 1e6);
  recompute_clear (&r);
  return ipd_store_write_end (self, ok, ok ? error : NULL);
}

/* On opening: the rules or the holidays changed since the tasks were made. */
gboolean
ipd_store_ensure_tasks_current (IpdStore *self, GError **error)
{
  IpdProcedure *procedure;
  gboolean outdated = FALSE;
  gboolean ok;

  if (self->flags & IPD_STORE_READ_ONLY)
    return TRUE;
  procedure = get_procedure (error);
  if (procedure == NULL || !tasks_outdated (self, procedure, &outdated, error))
    return FALSE;
  if (!outdated)
    return TRUE;

  /* Another program opening the register may be doing the same: look
   * again once the write lock is held. */
  if (!ipd_store_write_begin (self, error))
    return FALSE;
  ok = tasks_outdated (self, procedure, &outdated, error)
       && (!outdated || ipd_store_recompute_all_tasks (self, NULL, error));
  return ipd_store_write_end (self, ok, ok ? error : NULL);
}

/* Reading tasks ------------------------------------------------------------------ */

#define TASK_COLUMNS \
  "t.id, t.dossier_id, t.rule_id, t.trigger_key, t.role, t.title, t.citation, t.state," \
  " t.trigger_date, t.due_date, t.window_from, t.grace_until, t.surcharge, t.completed_by," \
  " t.done_date, d.reference, d.name, d.kind, d.officer"

static IpdTask *
task_from_row (IpdStmt *stmt)
{
  IpdTask *t = ipd_task_new ();
  g_autofree char *state = NULL;

  t->id = sqlite3_column_int64 (stmt, 0);
  t->dossier_id = sqlite3_column_int64 (stmt, 1);
  t->rule_id = ipd_column_dup_text (stmt, 2);
  t->trigger_key = ipd_column_dup_text (stmt, 3);
  t->role = ipd_column_dup_text (stmt, 4);
  t->title = ipd_column_dup_text (stmt, 5);
  t->citation = ipd_column_dup_text (stmt, 6);
  state = ipd_column_dup_text (stmt, 7);
  if (!ipd_task_state_from_string (state, &t->state))
    t->state = IPD_TASK_OPEN;
  t->trigger_date = ipd_column_dup_text (stmt, 8);
  t->due_date = ipd_column_dup_text (stmt, 9);
  t->window_from = ipd_column_dup_text (stmt, 10);
  t->grace_until = ipd_column_dup_text (stmt, 11);
  t->surcharge_percent_per_month = sqlite3_column_int (stmt, 12);
  t->completed_by = ipd_column_dup_text (stmt, 13);
  t->done_date = ipd_column_dup_text (stmt, 14);
  t->reference = ipd_column_dup_text (stmt, 15);
  t->name = ipd_column_dup_text (stmt, 16);
  t->kind = ipd_column_dup_text (stmt, 17);
  t->officer = ipd_column_dup_text (stmt, 18);
  return t;
}

static GPtrArray *
collect_tasks (IpdStore *self, IpdStmt *stmt, GError **error)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_task_unref);

  if (!ipd_store_append_rows (self, stmt, (IpdRowFunc) task_from_row, tasks, "task", error))
    return NULL;
  return g_steal_pointer (&tasks);
}

/**
 * ipd_store_list_tasks:
 *
 * Returns: (transfer container) (element-type IpdTask): every task of the
 *   dossier, open, done and cancelled, by due date.
 */
GPtrArray *
ipd_store_list_tasks (IpdStore *self, gint64 dossier_id, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;

  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  stmt = ipd_store_prepare (self,
                            "SELECT " TASK_COLUMNS " FROM task t JOIN dossier d ON d.id = t.dossier_id"
                            " WHERE t.dossier_id = ?1 ORDER BY t.due_date, t.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, dossier_id);
  return collect_tasks (self, stmt, error);
}

/* The agenda reads the open tasks in two runs, overdue then the others,
 * each through its partial index, which holds every column the agenda
 * filters on (the dossier's officer, kind and trash state are copied onto
 * the task): a count reads the index alone, a page the index in order and
 * then only its own rows and dossiers. A passed milestone or opportunity is
 * not overdue (nobody has anything to do), so the overdue run has its own
 * index without them. ?1 first day, ?2 last day, ?3 officer, ?4 kind. */
#define AGENDA_OVERDUE_WHERE \
  " WHERE t.done_date IS NULL AND ifnull (t.role, '') NOT IN ('milestone', 'opportunity')" \
  "   AND t.due_date BETWEEN ?1 AND ?2 AND t.dossier_live = 1" \
  "   AND (?3 IS NULL OR t.dossier_officer = ?3) AND (?4 IS NULL OR t.dossier_kind = ?4)"
#define AGENDA_CURRENT_WHERE \
  " WHERE t.done_date IS NULL AND t.due_date BETWEEN ?1 AND ?2 AND t.dossier_live = 1" \
  "   AND (?3 IS NULL OR t.dossier_officer = ?3) AND (?4 IS NULL OR t.dossier_kind = ?4)"

/* CROSS JOIN keeps task the outer table; ?5 the limit, -1 for none. */
#define AGENDA_SELECT(index, where) \
  "SELECT " TASK_COLUMNS " FROM task t INDEXED BY " index " CROSS JOIN dossier d ON d.id = t.dossier_id" \
  where " ORDER BY t.due_date, t.dossier_sort_key, t.id LIMIT ?5"
#define AGENDA_COUNT(index, where) \
  "SELECT count(*) FROM task t INDEXED BY " index where

static const char *agenda_sql[] = {
  AGENDA_SELECT ("task_agenda", AGENDA_CURRENT_WHERE),
  AGENDA_SELECT ("task_agenda_overdue", AGENDA_OVERDUE_WHERE),
};
static const char *count_agenda_sql[] = {
  AGENDA_COUNT ("task_agenda", AGENDA_CURRENT_WHERE),
  AGENDA_COUNT ("task_agenda_overdue", AGENDA_OVERDUE_WHERE),
};

const char *
ipd_store_agenda_sql (gboolean overdue)
{
  return agenda_sql[overdue ? 1 : 0];
}

const char *
ipd_store_count_agenda_sql (gboolean overdue)
{
  return count_agenda_sql[overdue ? 1 : 0];
}

/* The longest agenda asked for: a century. */
#define MAX_AGENDA_DAYS 36525

/* The days each run covers, from the query; a run with first > last is empty. */
typedef struct {
  char *first[2];   /* [0] from today on, [1] overdue */
  char *last[2];
} AgendaRuns;

static void
agenda_runs_clear (AgendaRuns *runs)
{
  for (guint i = 0; i < 2; i++)
    {
      g_free (runs->first[i]);
      g_free (runs->last[i]);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AgendaRuns, agenda_runs_clear)

static char *
add_days (const char *iso, int days)
{
  g_autoptr(GDate) date = ipd_date_to_gdate (iso);

  if (days >= 0)
    g_date_add_days (date, days);
  else
    g_date_subtract_days (date, -days);
  return ipd_date_from_gdate (date);
}

static gboolean
agenda_runs (const IpdAgendaQuery *query, AgendaRuns *runs, GError **error)
{
  g_autofree char *today = NULL, *from = NULL;

  if (query->days < 0 || query->days > MAX_AGENDA_DAYS)
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                   /* Translators: %d is the largest number of days allowed */
                   _("Agenda: give a number of days from 0 to %d"), MAX_AGENDA_DAYS);
      return FALSE;
    }
  today = query->today ? ipd_date_parse (query->today, error) : ipd_date_today ();
  if (today == NULL)
    return FALSE;
  from = query->from ? ipd_date_parse (query->from, error) : g_strdup ("");
  if (from == NULL)
    return FALSE;

  runs->first[0] = g_strdup (strcmp (from, today) > 0 ? from : today);
  runs->last[0] = add_days (today, query->days);
  runs->first[1] = g_strdup (from);
  runs->last[1] = add_days (today, -1);
  return TRUE;
}

static IpdStmt *
prepare_run (IpdStore *self, const char *sql, const IpdAgendaQuery *query, const AgendaRuns *runs,
             guint run, gint64 limit, GError **error)
{
  IpdStmt *stmt = ipd_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  ipd_bind_text (stmt, 1, runs->first[run]);
  ipd_bind_text (stmt, 2, runs->last[run]);
  ipd_bind_text (stmt, 3, query->officer);
  ipd_bind_text (stmt, 4, query->kind);
  if (sqlite3_bind_parameter_count (stmt) >= 5)
    sqlite3_bind_int64 (stmt, 5, limit);
  return stmt;
}

static gboolean
collect_run (IpdStore *self, const IpdAgendaQuery *query, const AgendaRuns *runs, guint run,
             GPtrArray *tasks, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  gint64 limit = query->limit == 0 ? -1 : (gint64) query->limit - tasks->len;

  if (limit == 0 || strcmp (runs->first[run], runs->last[run]) > 0)
    return TRUE;
  stmt = prepare_run (self, agenda_sql[run], query, runs, run, limit, error);
  if (stmt == NULL)
    return FALSE;
  return ipd_store_append_rows (self, stmt, (IpdRowFunc) task_from_row, tasks, "task", error);
}

/**
 * ipd_store_agenda:
 *
 * Returns: (transfer container) (element-type IpdTask): the open tasks of
 *   the register (trash left out) due from @query's from (overdue ones
 *   included when it is %NULL) up to today + days, by due date then
 *   dossier name; the first @query's limit of them when it is not 0.
 */
GPtrArray *
ipd_store_agenda (IpdStore *self, const IpdAgendaQuery *query, GError **error)
{
  g_auto(AgendaRuns) runs = { { NULL } };
  g_autoptr(GPtrArray) tasks = NULL;

  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!agenda_runs (query, &runs, error))
    return NULL;
  tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_task_unref);
  if (!collect_run (self, query, &runs, 1, tasks, error)
      || !collect_run (self, query, &runs, 0, tasks, error))
    return NULL;
  return g_steal_pointer (&tasks);
}

/**
 * ipd_store_count_agenda:
 *
 * Returns: how many tasks ipd_store_agenda() would list for @query without
 *   its limit, or -1 on error.
 */
gint64
ipd_store_count_agenda (IpdStore *self, const IpdAgendaQuery *query, GError **error)
{
  g_auto(AgendaRuns) runs = { { NULL } };
  gint64 n = 0;

  g_return_val_if_fail (IPD_IS_STORE (self), -1);
  g_return_val_if_fail (query != NULL, -1);

  if (!agenda_runs (query, &runs, error))
    return -1;
  for (guint run = 0; run < 2; run++)
    {
      g_autoptr(IpdStmt) stmt = NULL;
      int rc;

      if (strcmp (runs.first[run], runs.last[run]) > 0)
        continue;
      stmt = prepare_run (self, count_agenda_sql[run], query, &runs, run, 0, error);
      if (stmt == NULL)
        return -1;
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          ipd_store_set_error (self, error, rc, "task");
          return -1;
        }
      n += sqlite3_column_int64 (stmt, 0);
    }
  return n;
}

static IpdTask *
load_task (IpdStore *self, gint64 task_id, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "SELECT " TASK_COLUMNS " FROM task t JOIN dossier d ON d.id = t.dossier_id WHERE t.id = ?1", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, task_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return task_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, IPD_ERROR, IPD_ERROR_NOT_FOUND, _("The task no longer exists."));
  else
    ipd_store_set_error (self, error, rc, "task");
  return NULL;
}

/* After the event is recorded the recompute must have closed the task; an
 * event the rules do not count (dated before the task began) is undone. */
static gboolean
check_task_closed (IpdStore *self, IpdTask *task, IpdEvent *event, GError **error)
{
  g_autoptr(IpdTask) after = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *event_date = NULL, *trigger_date = NULL;

  after = load_task (self, task->id, &local_error);
  if (after == NULL && g_error_matches (local_error, IPD_ERROR, IPD_ERROR_NOT_FOUND))
    return TRUE;
  if (after == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (after->state != IPD_TASK_OPEN)
    return TRUE;

  event_date = ipd_date_format (event->date);
  trigger_date = ipd_date_format (task->trigger_date ? task->trigger_date : task->due_date);
  g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
               /* Translators: an event type, its date, then the date the task began */
               _("“%s” on %s does not complete this task, which began on %s. Nothing was recorded."),
               ipd_vocabulary_label (IPD_VOCAB_EVENT_TYPE, event->type), event_date, trigger_date);
  return FALSE;
}

/**
 * ipd_store_complete_task:
 * @date: (nullable): when it was done, dd/mm/yyyy or YYYY-MM-DD; %NULL: today
 *
 * Marks a task done the only way the register knows: by recording the
 * event that completes it (#IpdTask.completed_by) on its dossier, which
 * recomputes the dossier's tasks and status like any other event.
 */
gboolean
ipd_store_complete_task (IpdStore *self, gint64 task_id, const char *date, GError **error)
{
  g_autoptr(IpdTask) task = NULL;
  g_autoptr(IpdEvent) event = NULL;
  g_autofree char *today = NULL;
  gboolean ok;

  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  if (!ipd_store_check_writable (self, error))
    return FALSE;
  task = load_task (self, task_id, error);
  if (task == NULL)
    return FALSE;
  if (task->state != IPD_TASK_OPEN)
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_INVALID, _("This task is already done."));
      return FALSE;
    }
  if (task->completed_by == NULL)
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_INVALID,
                           _("No event completes this task: it is a date to know, not something to do."));
      return FALSE;
    }

  if (date == NULL)
    date = today = ipd_date_today ();
  event = ipd_event_new (task->dossier_id, date, task->completed_by);
  if (!ipd_store_write_begin (self, error))
    return FALSE;
  ok = ipd_store_save_event (self, event, error)
       && check_task_closed (self, task, event, error);
  return ipd_store_write_end (self, ok, ok ? error : NULL);
}

/* Holidays ------------------------------------------------------------------------ */

gboolean
ipd_store_seed_holidays (IpdStore *self, GError **error)
{
  g_autoptr(GPtrArray) holidays = ipd_calendar_builtin_holidays (error);
  g_autoptr(IpdStmt) stmt = NULL;

  if (holidays == NULL)
    return FALSE;
  stmt = ipd_store_prepare (self,
                            "INSERT INTO holiday (date, name, off) VALUES (?1, ?2, ?3)"
                            " ON CONFLICT (date) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < holidays->len; i++)
    {
      IpdHoliday *holiday = g_ptr_array_index (holidays, i);

      sqlite3_reset (stmt);
      ipd_bind_text (stmt, 1, holiday->date);
      ipd_bind_text (stmt, 2, holiday->name);
      sqlite3_bind_int (stmt, 3, holiday->off ? 1 : 0);
      if (!ipd_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static IpdHoliday *
holiday_from_row (IpdStmt *stmt)
{
  return ipd_holiday_new ((const char *) sqlite3_column_text (stmt, 0),
                          (const char *) sqlite3_column_text (stmt, 1),
                          sqlite3_column_int (stmt, 2) != 0);
}

/**
 * ipd_store_list_holidays:
 * @year: only this year's; 0: every year
 *
 * Returns: (transfer container) (element-type IpdHoliday): the register's
 *   days off (and make-up working days, @off %FALSE), by date.
 */
GPtrArray *
ipd_store_list_holidays (IpdStore *self, int year, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autoptr(GPtrArray) holidays = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_holiday_free);

  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  stmt = ipd_store_prepare (self,
                            "SELECT date, name, off FROM holiday"
                            " WHERE ?1 = 0 OR (date >= printf ('%04d-01-01', ?1) AND date < printf ('%04d-01-01', ?1 + 1))"
                            " ORDER BY date", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  if (!ipd_store_append_rows (self, stmt, (IpdRowFunc) holiday_from_row, holidays, "holiday", error))
    return NULL;
  return g_steal_pointer (&holidays);
}

static char *
parse_holiday_date (const char *date, GError **error)
{
  g_autoptr(GError) date_error = NULL;
  char *iso = ipd_date_parse (date, &date_error);

  if (iso == NULL)
    /* Translators: a field's name, then what is wrong with it */
    g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID, _("%s: %s"), _("Holiday date"), date_error->message);
  return iso;
}

/* -1: no holiday that day; else its off flag. */
static gboolean
holiday_off (IpdStore *self, const char *iso, int *off, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, "SELECT off FROM holiday WHERE date = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  ipd_bind_text (stmt, 1, iso);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return ipd_store_set_error (self, error, rc, "holiday");
  *off = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 0) : -1;
  return TRUE;
}

static gboolean
write_holiday (IpdStore *self, const char *iso, const char *name, gboolean off, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "INSERT INTO holiday (date, name, off) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (date) DO UPDATE SET name = excluded.name, off = excluded.off", error);

  if (stmt == NULL)
    return FALSE;
  ipd_bind_text (stmt, 1, iso);
  ipd_bind_text (stmt, 2, name);
  sqlite3_bind_int (stmt, 3, off ? 1 : 0);
  return ipd_store_step_done (self, stmt, error);
}

/**
 * ipd_store_set_holiday:
 * @date: dd/mm/yyyy or YYYY-MM-DD
 * @off: %TRUE for a day off, %FALSE for a make-up working day (a Saturday
 *   worked in exchange for a bridge day)
 *
 * Adds or changes a day of the register's calendar. A change of the days
 * (not only of a name) recomputes every task in the same transaction.
 */
gboolean
ipd_store_set_holiday (IpdStore *self, const char *date, const char *name, gboolean off,
                       GError **error)
{
  g_autofree char *iso = NULL, *tidy_name = g_strdup (name);
  int was_off = -1;
  gboolean ok;

  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  if (!ipd_store_check_writable (self, error))
    return FALSE;
  iso = parse_holiday_date (date, error);
  if (iso == NULL)
    return FALSE;
  ipd_text_tidy (&tidy_name);
  if (tidy_name == NULL)
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID, _("%s: %s"), _("Holiday name"),
                   _("give the day’s name, e.g. National Day"));
      return FALSE;
    }

  if (!ipd_store_write_begin (self, error))
    return FALSE;
  ok = holiday_off (self, iso, &was_off, error)
       && write_holiday (self, iso, tidy_name, off, error)
       && (was_off == (off ? 1 : 0) || ipd_store_recompute_all_tasks (self, NULL, error));
  return ipd_store_write_end (self, ok, ok ? error : NULL);
}

/**
 * ipd_store_remove_holiday:
 *
 * Makes @date an ordinary day again (a working day unless it is a weekend)
 * and recomputes every task in the same transaction.
 */
gboolean
ipd_store_remove_holiday (IpdStore *self, const char *date, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autofree char *iso = NULL;
  gboolean ok;

  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  if (!ipd_store_check_writable (self, error))
    return FALSE;
  iso = parse_holiday_date (date, error);
  if (iso == NULL || !ipd_store_write_begin (self, error))
    return FALSE;
  stmt = ipd_store_prepare (self, "DELETE FROM holiday WHERE date = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      ipd_bind_text (stmt, 1, iso);
      ok = ipd_store_step_done (self, stmt, error);
    }
  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_autofree char *shown = ipd_date_format (iso);
      /* Translators: %s is a date */
      g_set_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND, _("%s is not in the holiday table."), shown);
      ok = FALSE;
    }
  if (stmt != NULL)
    ipd_stmt_release (stmt);
  ok = ok && ipd_store_recompute_all_tasks (self, NULL, error);
  return ipd_store_write_end (self, ok, ok ? error : NULL);
}
