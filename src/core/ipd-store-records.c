/* ipd-store-records.c — parties, events and attachments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ipd-content-type.h"
#include "ipd-date.h"
#include "ipd-error.h"
#include "ipd-store-private.h"
#include "ipd-text.h"
#include "ipd-vocabulary.h"

static gboolean
invalid (GError **error, const char *label, const char *message)
{
  /* Translators: a field's name, then what is wrong with it */
  g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID, _("%s: %s"), label, message);
  return FALSE;
}

static gboolean
touch_dossier (IpdStore *self, gint64 dossier_id, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, "UPDATE dossier SET updated_at = ?2 WHERE id = ?1", error);
  g_autofree char *now = ipd_timestamp_now ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dossier_id);
  ipd_bind_text (stmt, 2, now);
  return ipd_store_step_done (self, stmt, error);
}

/* Parties ----------------------------------------------------------------------- */

gboolean
ipd_store_refresh_party_search (IpdStore *self, gint64 party_id, GError **error)
{
  g_autoptr(IpdStmt) select = ipd_store_prepare (self,
    "SELECT name, ifnull(tax_code, '') || ' ' || ifnull(commune, '') || ' ' || ifnull(province, '')"
    " FROM party WHERE id = ?1", error);
  g_autoptr(IpdStmt) update = NULL;
  g_autofree char *text = NULL, *folded = NULL;
  g_autoptr(GBytes) key = NULL;
  int rc;

  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, party_id);
  rc = sqlite3_step (select);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return ipd_store_set_error (self, error, rc, "party");
  text = g_strdup_printf ("%s %s", sqlite3_column_text (select, 0), sqlite3_column_text (select, 1));
  folded = ipd_text_fold (text);
  key = ipd_text_sort_key ((const char *) sqlite3_column_text (select, 0));

  update = ipd_store_prepare (self, "UPDATE party SET search_text = ?2, sort_key = ?3 WHERE id = ?1", error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, party_id);
  ipd_bind_text (update, 2, folded);
  ipd_bind_blob (update, 3, key);
  return ipd_store_step_done (self, update, error);
}

/* A party's name and places are in its dossiers' search text. */
static gboolean
refresh_dossiers_of_party (IpdStore *self, gint64 party_id, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "SELECT DISTINCT dossier_id FROM dossier_party WHERE party_id = ?1", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, party_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return ipd_store_set_error (self, error, rc, "party");
  ipd_stmt_release (stmt);
  for (guint i = 0; i < ids->len; i++)
    if (!ipd_store_refresh_search (self, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
validate_party (IpdParty *p, GError **error)
{
  char **texts[] = { &p->name, &p->type, &p->address, &p->commune, &p->province,
                     &p->tax_code, &p->phone, &p->email };
  g_autofree char *problem = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    ipd_text_tidy (texts[i]);
  problem = ipd_party_check (p);
  if (problem != NULL)
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_INVALID, problem);
      return FALSE;
    }
  return TRUE;
}

/* Validates and writes @p inside the caller's transaction; a new party gets
 * its id, which the caller resets if the transaction is rolled back. */
gboolean
ipd_store_write_party (IpdStore *self, IpdParty *p, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autofree char *now = ipd_timestamp_now ();
  gboolean inserting = p->id == 0;

  if (!validate_party (p, error))
    return FALSE;
  stmt = ipd_store_prepare (self, inserting
    ? "INSERT INTO party (name, type, address, commune, province, tax_code, phone, email,"
      " created_at, updated_at) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)"
    : "UPDATE party SET name = ?2, type = ?3, address = ?4, commune = ?5, province = ?6,"
      " tax_code = ?7, phone = ?8, email = ?9, updated_at = ?10 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->id);
  ipd_bind_text (stmt, 2, p->name);
  ipd_bind_text (stmt, 3, p->type);
  ipd_bind_text (stmt, 4, p->address);
  ipd_bind_text (stmt, 5, p->commune);
  ipd_bind_text (stmt, 6, p->province);
  ipd_bind_text (stmt, 7, p->tax_code);
  ipd_bind_text (stmt, 8, p->phone);
  ipd_bind_text (stmt, 9, p->email);
  ipd_bind_text (stmt, 10, now);
  if (!ipd_store_step_done (self, stmt, error))
    return FALSE;
  if (!inserting && sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_NOT_FOUND, _("The party no longer exists."));
      return FALSE;
    }
  if (inserting)
    p->id = sqlite3_last_insert_rowid (self->db);
  return ipd_store_refresh_party_search (self, p->id, error)
         && (inserting || refresh_dossiers_of_party (self, p->id, error));
}

gboolean
ipd_store_save_party (IpdStore *self, IpdParty *p, GError **error)
{
  gboolean inserting;
  gboolean ok;

  g_return_val_if_fail (IPD_IS_STORE (self) && p != NULL, FALSE);
  if (!ipd_store_check_writable (self, error) || !validate_party (p, error))
    return FALSE;
  if (!ipd_store_write_begin (self, error))
    return FALSE;

  inserting = p->id == 0;
  ok = ipd_store_write_party (self, p, error);
  if (!ipd_store_write_end (self, ok, ok ? error : NULL))
    {
      if (inserting)
        p->id = 0;
      return FALSE;
    }
  return TRUE;
}

static IpdParty *
party_from_row (IpdStmt *stmt)
{
  IpdParty *p = ipd_party_new (NULL, NULL);

  p->id = sqlite3_column_int64 (stmt, 0);
  p->name = ipd_column_dup_text (stmt, 1);
  p->type = ipd_column_dup_text (stmt, 2);
  p->address = ipd_column_dup_text (stmt, 3);
  p->commune = ipd_column_dup_text (stmt, 4);
  p->province = ipd_column_dup_text (stmt, 5);
  p->tax_code = ipd_column_dup_text (stmt, 6);
  p->phone = ipd_column_dup_text (stmt, 7);
  p->email = ipd_column_dup_text (stmt, 8);
  return p;
}

#define PARTY_COLUMNS "id, name, type, address, commune, province, tax_code, phone, email"

IpdParty *
ipd_store_load_party (IpdStore *self, gint64 id, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  stmt = ipd_store_prepare (self, "SELECT " PARTY_COLUMNS " FROM party WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_NOT_FOUND, _("The party no longer exists."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      ipd_store_set_error (self, error, rc, "party");
      return NULL;
    }
  return party_from_row (stmt);
}

/* @text with LIKE's % and _ taken literally. */
static char *
like_escape (const char *text)
{
  GString *pattern = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  return g_string_free (pattern, FALSE);
}

/* "name %" for LIKE, the name's own % and _ taken literally. */
static char *
like_prefix (const char *text)
{
  g_autofree char *escaped = like_escape (text);

  return g_strconcat (escaped, " %", NULL);
}

/* The folded words of @text, one space between them: "HTX  Huấn Loan" is "htx huan loan". */
static char *
fold_words (const char *text)
{
  g_autofree char *folded = ipd_text_fold (text);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n", -1);
  GString *joined = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    if (*words[i] != '\0')
      g_string_append_printf (joined, "%s%s", joined->len ? " " : "", words[i]);
  return g_string_free (joined, FALSE);
}

/* "0101 234-567" is "0101234567". */
static char *
bare_tax_code (const char *tax_code)
{
  GString *code = g_string_new (NULL);

  for (const char *c = tax_code; *c; c++)
    if (*c != ' ' && *c != '.' && *c != '-')
      g_string_append_c (code, g_ascii_toupper (*c));
  return g_string_free (code, FALSE);
}

/**
 * ipd_store_find_parties:
 * @name: (nullable): a name, compared folded (accents and case ignored)
 * @tax_code: (nullable): a tax code or ID number; spaces, dots and dashes
 *   in it do not count
 *
 * Finds parties with the same name or the same tax code: to offer an
 * existing party instead of creating a duplicate by accident.
 */
GPtrArray *
ipd_store_find_parties (IpdStore *self, const char *name, const char *tax_code, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autoptr(GPtrArray) parties = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_party_unref);
  g_autofree char *folded = ipd_text_is_blank (name) ? NULL : fold_words (name);
  g_autofree char *pattern = folded ? like_prefix (folded) : NULL;
  g_autofree char *code = ipd_text_is_blank (tax_code) ? NULL : bare_tax_code (tax_code);

  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  stmt = ipd_store_prepare (self,
                            "SELECT " PARTY_COLUMNS " FROM party"
                            " WHERE (?1 IS NOT NULL AND search_text LIKE ?1 ESCAPE '\\')"
                            "    OR (?2 IS NOT NULL AND (tax_code = ?2 OR"
                            "        upper(replace(replace(replace(tax_code, ' ', ''), '.', ''), '-', '')) = ?2))"
                            " ORDER BY sort_key", error);
  if (stmt == NULL)
    return NULL;
  ipd_bind_text (stmt, 1, pattern);
  ipd_bind_text (stmt, 2, code && *code ? code : NULL);
  if (!ipd_store_append_rows (self, stmt, (IpdRowFunc) party_from_row, parties, "party", error))
    return NULL;
  return g_steal_pointer (&parties);
}

/**
 * ipd_store_search_parties:
 * @text: what the officer typed: the start of a name or of one of its
 *   words, a tax code, a commune; compared folded
 * @limit: the most parties to return
 *
 * Finds parties as the officer types, to pick an existing one.
 */
GPtrArray *
ipd_store_search_parties (IpdStore *self, const char *text, guint limit, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autoptr(GPtrArray) parties = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_party_unref);
  g_autofree char *folded = NULL, *escaped = NULL, *start = NULL, *word = NULL;

  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  if (ipd_text_is_blank (text))
    return g_steal_pointer (&parties);
  folded = ipd_text_fold (text);
  escaped = like_escape (g_strstrip (folded));
  start = g_strconcat (escaped, "%", NULL);
  word = g_strconcat ("% ", escaped, "%", NULL);
  stmt = ipd_store_prepare (self,
                            "SELECT " PARTY_COLUMNS " FROM party"
                            " WHERE search_text LIKE ?1 ESCAPE '\\' OR search_text LIKE ?2 ESCAPE '\\'"
                            " ORDER BY search_text NOT LIKE ?1 ESCAPE '\\', sort_key LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  ipd_bind_text (stmt, 1, start);
  ipd_bind_text (stmt, 2, word);
  sqlite3_bind_int64 (stmt, 3, limit);
  if (!ipd_store_append_rows (self, stmt, (IpdRowFunc) party_from_row, parties, "party", error))
    return NULL;
  return g_steal_pointer (&parties);
}

/* Events ------------------------------------------------------------------------- */

/* The status follows the latest event that sets one; with none, the dossier
 * is in preparation. */
static gboolean
recompute_status (IpdStore *self, gint64 dossier_id, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "UPDATE dossier SET status = ifnull ("
    "  (SELECT t.sets_status FROM event e JOIN event_type t ON t.code = e.type"
    "    WHERE e.dossier_id = ?1 AND t.sets_status IS NOT NULL"
    "    ORDER BY e.date DESC, e.id DESC LIMIT 1), '" IPD_STATUS_PREPARING "')"
    " WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dossier_id);
  return ipd_store_step_done (self, stmt, error);
}

static gboolean
validate_event (IpdEvent *e, GError **error)
{
  g_autofree char *today = ipd_date_today ();
  g_autoptr(GError) date_error = NULL;
  g_autofree char *iso = NULL;

  ipd_text_tidy (&e->type), ipd_text_tidy (&e->reference), ipd_text_tidy (&e->note), ipd_text_tidy (&e->date);
  if (ipd_vocabulary_find (IPD_VOCAB_EVENT_TYPE, e->type) == NULL)
    {
      g_autofree char *types = ipd_vocabulary_codes (IPD_VOCAB_EVENT_TYPE);
      g_autofree char *message = g_strdup_printf (_("choose one of %s"), types);
      return invalid (error, _("Event type"), message);
    }
  if (e->date == NULL)
    return invalid (error, _("Date"), _("an event needs a date"));
  iso = ipd_date_parse (e->date, &date_error);
  if (iso == NULL)
    return invalid (error, _("Date"), date_error->message);
  if (strcmp (iso, today) > 0)
    {
      g_autofree char *shown = ipd_date_format (iso);
      g_autofree char *message = g_strdup_printf (_("%s is in the future"), shown);
      return invalid (error, _("Date"), message);
    }
  if (e->period_months < 0 || e->period_months > 120)
    return invalid (error, _("Period"), _("give the months the letter allows, from 0 to 120"));
  g_free (e->date);
  e->date = g_steal_pointer (&iso);
  return TRUE;
}

static gboolean
write_event (IpdStore *self, IpdEvent *e, GError **error)
{
  g_autofree char *now = ipd_timestamp_now ();
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, e->id == 0
    ? "INSERT INTO event (dossier_id, date, type, reference, note, period_months, created_at)"
      " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    : "UPDATE event SET dossier_id = ?2, date = ?3, type = ?4, reference = ?5, note = ?6,"
      " period_months = ?7 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, e->id);
  sqlite3_bind_int64 (stmt, 2, e->dossier_id);
  ipd_bind_text (stmt, 3, e->date);
  ipd_bind_text (stmt, 4, e->type);
  ipd_bind_text (stmt, 5, e->reference);
  ipd_bind_text (stmt, 6, e->note);
  sqlite3_bind_int (stmt, 7, e->period_months);
  ipd_bind_text (stmt, 8, now);
  if (!ipd_store_step_done (self, stmt, error))
    return FALSE;
  if (e->id == 0)
    {
      e->id = sqlite3_last_insert_rowid (self->db);
      g_free (e->created_at);
      e->created_at = g_steal_pointer (&now);
    }
  return TRUE;
}

static gboolean
dossier_exists (IpdStore *self, gint64 dossier_id, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, "SELECT 1 FROM dossier WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dossier_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_NOT_FOUND, _("The dossier no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return ipd_store_set_error (self, error, rc, "dossier");
  return TRUE;
}

/* The dossier a saved event belongs to before it is written; 0 for a new one. */
static gboolean
previous_dossier (IpdStore *self, gint64 event_id, gint64 *dossier_id, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  int rc;

  *dossier_id = 0;
  if (event_id == 0)
    return TRUE;
  stmt = ipd_store_prepare (self, "SELECT dossier_id FROM event WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *dossier_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return ipd_store_set_error (self, error, rc, "event");
  return TRUE;
}

/**
 * ipd_store_save_event:
 *
 * Records @event (or its changes) and brings the dossier's status, tasks
 * and expiry date up to date in the same transaction.
 */
gboolean
ipd_store_save_event (IpdStore *self, IpdEvent *e, GError **error)
{
  gint64 original_id, previous_dossier_id = 0;
  gboolean ok;

  g_return_val_if_fail (IPD_IS_STORE (self) && e != NULL, FALSE);
  if (!ipd_store_check_writable (self, error) || !validate_event (e, error))
    return FALSE;
  if (!ipd_store_write_begin (self, error))
    return FALSE;
  original_id = e->id;
  ok = dossier_exists (self, e->dossier_id, error)
       && previous_dossier (self, e->id, &previous_dossier_id, error)
       && write_event (self, e, error)
       && recompute_status (self, e->dossier_id, error)
       && ipd_store_recompute_tasks (self, e->dossier_id, error)
       && touch_dossier (self, e->dossier_id, error);
  /* an event moved to another dossier leaves the first one's tasks behind */
  if (ok && previous_dossier_id != 0 && previous_dossier_id != e->dossier_id)
    ok = recompute_status (self, previous_dossier_id, error)
         && ipd_store_recompute_tasks (self, previous_dossier_id, error);
  if (!ipd_store_write_end (self, ok, ok ? error : NULL))
    {
      e->id = original_id;
      return FALSE;
    }
  return TRUE;
}

gboolean
ipd_store_delete_event (IpdStore *self, gint64 id, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  gint64 dossier_id = 0;
  gboolean ok;

  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  if (!ipd_store_write_begin (self, error))
    return FALSE;
  stmt = ipd_store_prepare (self, "DELETE FROM event WHERE id = ?1 RETURNING dossier_id", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        dossier_id = sqlite3_column_int64 (stmt, 0);
      ok = sqlite3_reset (stmt) == SQLITE_OK;
      if (!ok)
        ipd_store_set_error (self, error, sqlite3_errcode (self->db), "event");
    }
  if (ok && dossier_id == 0)
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_NOT_FOUND, _("The event no longer exists."));
      ok = FALSE;
    }
  ok = ok && recompute_status (self, dossier_id, error)
       && ipd_store_recompute_tasks (self, dossier_id, error)
       && touch_dossier (self, dossier_id, error);
  return ipd_store_write_end (self, ok, ok ? error : NULL);
}

static IpdEvent *
event_from_row (IpdStmt *stmt)
{
  IpdEvent *e = ipd_event_new (sqlite3_column_int64 (stmt, 1),
                               (const char *) sqlite3_column_text (stmt, 2),
                               (const char *) sqlite3_column_text (stmt, 3));

  e->id = sqlite3_column_int64 (stmt, 0);
  e->reference = ipd_column_dup_text (stmt, 4);
  e->note = ipd_column_dup_text (stmt, 5);
  e->period_months = sqlite3_column_int (stmt, 6);
  e->created_at = ipd_column_dup_text (stmt, 7);
  return e;
}

GPtrArray *
ipd_store_list_events (IpdStore *self, gint64 dossier_id, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_event_unref);

  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  stmt = ipd_store_prepare (self,
                            "SELECT id, dossier_id, date, type, reference, note, period_months, created_at"
                            " FROM event WHERE dossier_id = ?1 ORDER BY date, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, dossier_id);
  if (!ipd_store_append_rows (self, stmt, (IpdRowFunc) event_from_row, events, "event", error))
    return NULL;
  return g_steal_pointer (&events);
}

/* Blobs and attachments ------------------------------------------------------------ */

/* Stores @bytes once, whatever the number of dossiers that use them. */
char *
ipd_store_put_blob (IpdStore *self, GBytes *bytes, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "INSERT INTO blob (sha256, size, data) VALUES (?1, ?2, ?3) ON CONFLICT (sha256) DO NOTHING", error);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  if (stmt == NULL)
    return NULL;
  ipd_bind_text (stmt, 1, sha256);
  sqlite3_bind_int64 (stmt, 2, g_bytes_get_size (bytes));
  ipd_bind_blob (stmt, 3, bytes);
  if (!ipd_store_step_done (self, stmt, error))
    return NULL;
  return g_steal_pointer (&sha256);
}

gboolean
ipd_store_delete_orphan_blobs (IpdStore *self, GError **error)
{
  return ipd_store_exec (self,
                         "DELETE FROM blob WHERE sha256 NOT IN (SELECT sha256 FROM attachment)"
                         " AND sha256 NOT IN (SELECT mark_image_sha256 FROM dossier"
                         "                    WHERE mark_image_sha256 IS NOT NULL)", error);
}

gboolean
ipd_store_add_attachment (IpdStore *self, IpdAttachment *a, GBytes *bytes, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autofree char *now = ipd_timestamp_now ();
  g_autofree char *sha256 = NULL;
  gboolean ok;

  g_return_val_if_fail (IPD_IS_STORE (self) && a != NULL && bytes != NULL, FALSE);
  if (!ipd_store_check_writable (self, error))
    return FALSE;
  if (!ipd_store_validate_attachment (a, error))
    return FALSE;
  g_free (a->mime_type);
  a->mime_type = ipd_content_type_detect (bytes);   /* never from the name: it may lie */

  if (!ipd_store_write_begin (self, error))
    return FALSE;
  ok = dossier_exists (self, a->dossier_id, error)
       && (sha256 = ipd_store_put_blob (self, bytes, error)) != NULL
       && (stmt = ipd_store_prepare (self,
             "INSERT INTO attachment (dossier_id, sha256, file_name, mime_type, document_type,"
             " number, date, note, created_at, page_count) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
             error)) != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, a->dossier_id);
      ipd_bind_text (stmt, 2, sha256);
      ipd_bind_text (stmt, 3, a->file_name);
      ipd_bind_text (stmt, 4, a->mime_type);
      ipd_bind_text (stmt, 5, a->document_type);
      ipd_bind_text (stmt, 6, a->number);
      ipd_bind_text (stmt, 7, a->date);
      ipd_bind_text (stmt, 8, a->note);
      ipd_bind_text (stmt, 9, now);
      if (a->page_count > 0)
        sqlite3_bind_int (stmt, 10, a->page_count);
      else
        sqlite3_bind_null (stmt, 10);
      ok = ipd_store_step_done (self, stmt, error);
    }
  if (ok)
    a->id = sqlite3_last_insert_rowid (self->db);
  ok = ok && touch_dossier (self, a->dossier_id, error);
  if (!ipd_store_write_end (self, ok, ok ? error : NULL))
    {
      a->id = 0;
      return FALSE;
    }
  g_free (a->sha256), a->sha256 = g_steal_pointer (&sha256);
  g_free (a->created_at), a->created_at = g_steal_pointer (&now);
  a->size = g_bytes_get_size (bytes);
  return TRUE;
}
