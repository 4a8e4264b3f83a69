/* ipd-store-front-desk.c — what the front desk asks of the register:
 * receipts' lookup codes, public lookups and the officer PIN
 *
 * A lookup by the receipt's code finds its dossier at any stage; a lookup by
 * application number or name finds only dossiers already published in the
 * Gazette, since an application is confidential until then. Either way the
 * caller gets IpdPublicDossier copies, never the dossier itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ipd-date.h"
#include "ipd-error.h"
#include "ipd-lookup-code.h"
#include "ipd-pin.h"
#include "ipd-public-dossier.h"
#include "ipd-store-private.h"
#include "ipd-text.h"

/* Enough for a visitor to pick a name from, few enough to load each. */
#define MAX_RESULTS 20
#define MAX_NAME_CANDIDATES 200

/* The condition that a dossier d has been published: keep in step with
 * ipd_event_type_is_publication (). */
#define PUBLISHED_CONDITION \
  " EXISTS (SELECT 1 FROM event e WHERE e.dossier_id = d.id AND e.type IN" \
  "   ('published', 'opposition_received', 'opposition_answered', 'intended_grant'," \
  "    'grant_fee_paid', 'granted', 'renewal_requested', 'renewed', 'expired', 'invalidated'))"

static gboolean
insert_code (IpdStore *self, gint64 dossier_id, const char *code, const char *now, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "INSERT INTO lookup_code (code, dossier_id, issued_at) VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return FALSE;
  ipd_bind_text (stmt, 1, code);
  sqlite3_bind_int64 (stmt, 2, dossier_id);
  ipd_bind_text (stmt, 3, now);
  return ipd_store_step_done (self, stmt, error);
}

static gboolean
revoke_codes (IpdStore *self, gint64 dossier_id, const char *now, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "UPDATE lookup_code SET revoked_at = ?2 WHERE dossier_id = ?1 AND revoked_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dossier_id);
  ipd_bind_text (stmt, 2, now);
  return ipd_store_step_done (self, stmt, error);
}

static gboolean
dossier_exists (IpdStore *self, gint64 dossier_id, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "SELECT 1 FROM dossier WHERE id = ?1 AND deleted_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dossier_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;
  g_set_error_literal (error, IPD_ERROR, IPD_ERROR_NOT_FOUND,
                       _("The dossier is not in the register (it may be in the trash)."));
  return FALSE;
}

/* A new code that no dossier has ever had: the chance of drawing a used
 * one is tiny, but an old receipt must never open another dossier. */
static char *
draw_unused_code (IpdStore *self, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, "SELECT 1 FROM lookup_code WHERE code = ?1", error);

  if (stmt == NULL)
    return NULL;
  for (;;)
    {
      g_autofree char *code = ipd_lookup_code_generate ();

      sqlite3_reset (stmt);
      ipd_bind_text (stmt, 1, code);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return g_steal_pointer (&code);
    }
}

/**
 * ipd_store_issue_lookup_code:
 * @dossier_id: a dossier of the register (not in the trash)
 *
 * Gives the dossier a new lookup code; the one it had stops working.
 *
 * Returns: (transfer full): the new code, without the dash
 */
char *
ipd_store_issue_lookup_code (IpdStore *self, gint64 dossier_id, GError **error)
{
  g_autofree char *now = ipd_timestamp_now ();
  g_autofree char *code = NULL;
  gboolean ok;

  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  if (!ipd_store_check_writable (self, error) || !ipd_store_write_begin (self, error))
    return NULL;
  ok = dossier_exists (self, dossier_id, error)
       && (code = draw_unused_code (self, error)) != NULL
       && revoke_codes (self, dossier_id, now, error)
       && insert_code (self, dossier_id, code, now, error);
  if (!ipd_store_write_end (self, ok, ok ? error : NULL))
    return NULL;
  return g_steal_pointer (&code);
}

/**
 * ipd_store_dup_lookup_code:
 *
 * Returns: (transfer full) (nullable): the dossier's code in force, or
 *   %NULL (without an error) when it has none
 */
char *
ipd_store_dup_lookup_code (IpdStore *self, gint64 dossier_id, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;

  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  stmt = ipd_store_prepare (self,
    "SELECT code FROM lookup_code WHERE dossier_id = ?1 AND revoked_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, dossier_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return ipd_column_dup_text (stmt, 0);
}

static IpdPublicDossier *
load_public (IpdStore *self, gint64 dossier_id, GError **error)
{
  g_autoptr(IpdDossier) dossier = ipd_store_load_dossier (self, dossier_id, error);
  g_autoptr(GPtrArray) events = NULL, tasks = NULL;

  if (dossier == NULL
      || (events = ipd_store_list_events (self, dossier_id, error)) == NULL
      || (tasks = ipd_store_list_tasks (self, dossier_id, error)) == NULL)
    return NULL;
  return ipd_public_dossier_new (dossier, events, tasks);
}

static gboolean
append_public (IpdStore *self, GPtrArray *found, gint64 dossier_id, GError **error)
{
  IpdPublicDossier *dossier = load_public (self, dossier_id, error);

  if (dossier == NULL)
    return FALSE;
  g_ptr_array_add (found, dossier);
  return TRUE;
}

static gboolean
find_by_code (IpdStore *self, const char *code, GPtrArray *found, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "SELECT d.id FROM lookup_code c JOIN dossier d ON d.id = c.dossier_id"
    " WHERE c.code = ?1 AND c.revoked_at IS NULL AND d.deleted_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  ipd_bind_text (stmt, 1, code);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  return append_public (self, found, sqlite3_column_int64 (stmt, 0), error);
}

/* "4-2024-12345", "4 2024 12345" and "4202412345" are one number: the
 * IP Office writes D-YYYY-NNNNN, which the register keeps. Looked up by
 * the unique index on the number, as typed and in that form. */
static char *
number_as_written (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
    else if (!strchr (" -./", *p))
      {
        g_string_free (digits, TRUE);
        return NULL;
      }
  if (digits->len != 10)
    {
      g_string_free (digits, TRUE);
      return NULL;
    }
  g_string_insert_c (digits, 5, '-');
  g_string_insert_c (digits, 1, '-');
  return g_string_free (digits, FALSE);
}

static gboolean
find_by_app_number (IpdStore *self, const char *text, GPtrArray *found, GError **error)
{
  g_autofree char *typed = g_strstrip (g_strdup (text));
  g_autofree char *written = number_as_written (typed);
  g_autoptr(IpdStmt) stmt = NULL;
  int rc;

  stmt = ipd_store_prepare (self,
    "SELECT d.id FROM dossier d WHERE d.app_number IN (?1, ?2) AND d.deleted_at IS NULL AND"
    PUBLISHED_CONDITION, error);
  if (stmt == NULL)
    return FALSE;
  ipd_bind_text (stmt, 1, typed);
  ipd_bind_text (stmt, 2, written);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!append_public (self, found, sqlite3_column_int64 (stmt, 0), error))
      return FALSE;
  return rc == SQLITE_DONE || ipd_store_set_error (self, error, rc, "step");
}

/* The name or one of its other spellings contains the folded text: the
 * search index also holds applicants, places and notes, which a visitor
 * must not be able to probe. */
static gboolean
name_matches (const char *folded, const char *name, const char *aliases)
{
  g_autofree char *folded_name = ipd_text_fold (name);
  g_auto(GStrv) lines = g_strsplit (aliases != NULL ? aliases : "", "\n", -1);

  if (strstr (folded_name, folded) != NULL)
    return TRUE;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *folded_alias = ipd_text_fold (lines[i]);

      if (*lines[i] != '\0' && strstr (folded_alias, folded) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The folded words as one FTS5 phrase, the last one a prefix: "an an"*
 * finds "An An" without every text that has two words starting "an",
 * which on a large register are tens of thousands. */
static char *
fts_phrase (const char *folded)
{
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n\r", -1);
  GString *phrase = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean has_word_character = FALSE;

      for (const char *p = words[i]; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          has_word_character = TRUE;
      if (!has_word_character)
        continue;
      g_string_append (phrase, phrase->len == 0 ? "\"" : " ");
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (phrase, '"');
          g_string_append_c (phrase, *p);
        }
    }
  if (phrase->len > 0)
    g_string_append (phrase, "\"*");
  return g_string_free (phrase, FALSE);
}

/* In Vietnamese alphabetical order, as the register's lists. */
static int
compare_names (gconstpointer a, gconstpointer b)
{
  const IpdPublicDossier *x = *(IpdPublicDossier * const *) a;
  const IpdPublicDossier *y = *(IpdPublicDossier * const *) b;
  g_autoptr(GBytes) kx = ipd_text_sort_key (x->name);
  g_autoptr(GBytes) ky = ipd_text_sort_key (y->name);

  return g_bytes_compare (kx, ky);
}

/* Candidates are read in the index's order, not sorted first: a short
 * word matches thousands of dossiers, and the front desk answers on its
 * main thread. The first 20 names that match are shown, by name. */
static gboolean
find_by_name (IpdStore *self, const char *text, GPtrArray *found, GError **error)
{
  g_autofree char *folded = g_strstrip (ipd_text_fold (text));
  g_autofree char *match = fts_phrase (folded);
  g_autoptr(IpdStmt) stmt = NULL;
  int rc;

  if (*match == '\0' || g_utf8_strlen (folded, -1) < 3)
    return TRUE;
  stmt = ipd_store_prepare (self,
    "SELECT d.id, d.name, d.aliases FROM dossier_fts f JOIN dossier d ON d.id = f.rowid"
    " WHERE dossier_fts MATCH ?1 AND d.deleted_at IS NULL AND" PUBLISHED_CONDITION
    " LIMIT " G_STRINGIFY (MAX_NAME_CANDIDATES), error);
  if (stmt == NULL)
    return FALSE;
  ipd_bind_text (stmt, 1, match);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && found->len < MAX_RESULTS)
    if (name_matches (folded, (const char *) sqlite3_column_text (stmt, 1),
                      (const char *) sqlite3_column_text (stmt, 2))
        && !append_public (self, found, sqlite3_column_int64 (stmt, 0), error))
      return FALSE;
  g_ptr_array_sort (found, compare_names);
  return rc == SQLITE_DONE || rc == SQLITE_ROW || ipd_store_set_error (self, error, rc, "step");
}

/**
 * ipd_store_front_desk_lookup:
 * @text: what the visitor typed or scanned: a receipt's code, an
 *   application number or (part of) a name
 *
 * Returns: (transfer container) (element-type IpdPublicDossier): the
 *   dossier of the code; otherwise the published dossiers of that number
 *   or name (at most 20); empty when none
 */
GPtrArray *
ipd_store_front_desk_lookup (IpdStore *self, const char *text, GError **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_public_dossier_unref);
  g_autofree char *code = ipd_lookup_code_normalize (text);

  g_return_val_if_fail (IPD_IS_STORE (self), NULL);
  if (text == NULL || ipd_text_is_blank (text))
    return g_steal_pointer (&found);
  if (code != NULL && !find_by_code (self, code, found, error))
    return NULL;
  if (found->len == 0 && !find_by_app_number (self, text, found, error))
    return NULL;
  if (found->len == 0 && !find_by_name (self, text, found, error))
    return NULL;
  return g_steal_pointer (&found);
}

/**
 * ipd_store_set_front_desk_pin:
 * @pin: (nullable): 4 to 12 digits; %NULL removes the PIN
 *
 * Keeps the PIN that closes the front desk, as a salted hash.
 */
gboolean
ipd_store_set_front_desk_pin (IpdStore *self, const char *pin, GError **error)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  if (pin != NULL && !ipd_pin_check_acceptable (pin, error))
    return FALSE;
  if (pin != NULL)
    hash = ipd_pin_hash (pin);
  return ipd_store_set_setting (self, IPD_SETTING_FRONT_DESK_PIN, hash != NULL ? hash : "", error);
}

static void
on_pin_hashed (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = ipd_pin_hash_finish (result, &error);

  /* the register is written on the caller's thread, as it was opened */
  if (hash == NULL || !ipd_store_set_setting (g_task_get_source_object (task), IPD_SETTING_FRONT_DESK_PIN, hash,
                                              &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * ipd_store_set_front_desk_pin_async:
 * @pin: 4 to 12 digits
 *
 * The same as ipd_store_set_front_desk_pin(), with the hash worked out on
 * a worker thread; ipd_store_set_front_desk_pin_finish() gives the result.
 * A PIN that is not acceptable fails at once (IPD_ERROR_INVALID).
 */
void
ipd_store_set_front_desk_pin_async (IpdStore *self, const char *pin, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (IPD_IS_STORE (self));
  g_return_if_fail (pin != NULL);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ipd_store_set_front_desk_pin_async);
  if (!ipd_pin_check_acceptable (pin, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ipd_pin_hash_async (pin, cancellable, on_pin_hashed, g_steal_pointer (&task));
}

gboolean
ipd_store_set_front_desk_pin_finish (IpdStore *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
ipd_store_has_front_desk_pin (IpdStore *self)
{
  g_autofree char *hash = ipd_store_dup_setting (self, IPD_SETTING_FRONT_DESK_PIN);

  return hash != NULL && *hash != '\0';
}

gboolean
ipd_store_check_front_desk_pin (IpdStore *self, const char *pin)
{
  g_autofree char *hash = ipd_store_dup_setting (self, IPD_SETTING_FRONT_DESK_PIN);

  return ipd_pin_verify (pin, hash);
}

/* The same with the hash worked out on a worker thread (the register is
 * read here, on the caller's); ipd_pin_verify_finish() gives the answer. */
void
ipd_store_check_front_desk_pin_async (IpdStore *self, const char *pin, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_autofree char *hash = ipd_store_dup_setting (self, IPD_SETTING_FRONT_DESK_PIN);

  ipd_pin_verify_async (pin, hash, cancellable, callback, user_data);
}
