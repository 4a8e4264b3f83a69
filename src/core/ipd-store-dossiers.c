/* ipd-store-dossiers.c — validating, saving and loading dossiers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ipd-date.h"
#include "ipd-error.h"
#include "ipd-store-private.h"
#include "ipd-text.h"
#include "ipd-vocabulary.h"

/* The dossier's own columns, bound as ?2 … ?25 in this order (?1 is the id). */
static const char *dossier_columns[] = {
  "kind", "name", "aliases", "app_number", "app_number_override", "filing_date",
  "priority_country", "priority_number", "priority_date", "decision_number",
  "decision_date", "certificate_number", "grant_date", "expiry_date", "officer",
  "programme", "support_amount", "internal_note", "public_note", "vienna_codes",
  "colour_claim", "mark_image_sha256", "regulation_ref", "foreign_protection",
};
#define FIRST_COLUMN_PARAMETER 2
#define REFERENCE_PARAMETER (FIRST_COLUMN_PARAMETER + (int) G_N_ELEMENTS (dossier_columns))
#define NOW_PARAMETER (REFERENCE_PARAMETER + 1)

/* Problems ------------------------------------------------------------------ */

static void
add_problem (GPtrArray *problems, const char *field, const char *label, const char *message)
{
  IpdProblem *problem = g_new0 (IpdProblem, 1);

  problem->field = g_strdup (field);
  /* Translators: a field's name, then what is wrong with it */
  problem->message = g_strdup_printf (_("%s: %s"), label, message);
  g_ptr_array_add (problems, problem);
}

static void
check_date (GPtrArray *problems, const char *field, const char *label,
            const char *value, const char *today)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  if (value == NULL || *value == '\0')
    return;
  iso = ipd_date_parse (value, &error);
  if (iso == NULL)
    add_problem (problems, field, label, error->message);
  else if (strcmp (iso, today) > 0)
    {
      g_autofree char *shown = ipd_date_format (iso);
      g_autofree char *message = g_strdup_printf (_("%s is in the future"), shown);
      add_problem (problems, field, label, message);
    }
}

static gboolean
kind_exists (IpdStore *self, const char *kind)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, "SELECT 1 FROM kind WHERE code = ?1", NULL);

  if (stmt == NULL)
    return FALSE;
  ipd_bind_text (stmt, 1, kind);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static void
check_number_format (IpdStore *self, IpdDossier *d, GPtrArray *problems)
{
  g_autoptr(IpdStmt) stmt = NULL;
  const char *pattern, *example;

  if (ipd_text_is_blank (d->app_number) || d->app_number_override)
    return;
  stmt = ipd_store_prepare (self, "SELECT pattern, example FROM number_format WHERE kind = ?1", NULL);
  if (stmt == NULL)
    return;
  ipd_bind_text (stmt, 1, d->kind);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return;
  pattern = (const char *) sqlite3_column_text (stmt, 0);
  example = (const char *) sqlite3_column_text (stmt, 1);
  if (!g_regex_match_simple (pattern, d->app_number, 0, 0))
    {
      /* Translators: what the user typed, then an example of a right number */
      g_autofree char *message = g_strdup_printf (_("“%s” is not in the expected form (for example %s)"),
                                                  d->app_number, example);
      add_problem (problems, "app_number", _("Application number"), message);
    }
}

static void
check_number_unique (IpdStore *self, IpdDossier *d, GPtrArray *problems)
{
  g_autoptr(IpdStmt) stmt = NULL;

  if (ipd_text_is_blank (d->app_number))
    return;
  stmt = ipd_store_prepare (self,
                            "SELECT reference, name FROM dossier WHERE app_number = ?1 AND id IS NOT ?2",
                            NULL);
  if (stmt == NULL)
    return;
  ipd_bind_text (stmt, 1, d->app_number);
  sqlite3_bind_int64 (stmt, 2, d->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      /* Translators: the number, then the other dossier's reference and name */
      g_autofree char *message = g_strdup_printf (_("%s is already in the register (%s “%s”)"),
                                                  d->app_number,
                                                  (const char *) sqlite3_column_text (stmt, 0),
                                                  (const char *) sqlite3_column_text (stmt, 1));
      add_problem (problems, "app_number", _("Application number"), message);
    }
}

static void
check_classes (IpdDossier *d, GPtrArray *problems)
{
  gboolean seen[46] = { FALSE };

  if (d->classes->len > 0 && g_strcmp0 (d->kind, IPD_KIND_GI) == 0)
    add_problem (problems, "classes", _("Nice classes"),
                 _("a geographical indication has no Nice classes"));

  for (guint i = 0; i < d->classes->len; i++)
    {
      IpdNiceClass *item = g_ptr_array_index (d->classes, i);
      g_autofree char *message = NULL;

      if (item->number < 1 || item->number > 45)
        /* Translators: %d is the class number the user gave */
        message = g_strdup_printf (_("class %d does not exist; classes run from 1 to 45"), item->number);
      else if (seen[item->number])
        /* Translators: %d is a class number */
        message = g_strdup_printf (_("class %d is listed twice"), item->number);
      else
        seen[item->number] = TRUE;
      if (message)
        add_problem (problems, "classes", _("Nice classes"), message);
    }
}

/* Whether two of the dossier's parties are the same party: the same id, or
 * the same details to be created. */
static gboolean
same_party (IpdDossierParty *a, IpdDossierParty *b)
{
  gint64 id_a = a->party ? a->party->id : a->party_id;
  gint64 id_b = b->party ? b->party->id : b->party_id;

  if (id_a != 0 || id_b != 0)
    return id_a == id_b;
  return a->party == b->party;
}

static void
check_parties (IpdDossier *d, GPtrArray *problems)
{
  for (guint i = 0; i < d->parties->len; i++)
    {
      IpdDossierParty *item = g_ptr_array_index (d->parties, i);
      const char *name = item->party ? item->party->name : item->party_name;
      g_autofree char *details = item->party ? ipd_party_check (item->party) : NULL;

      if (item->party == NULL && item->party_id == 0)
        add_problem (problems, "parties", _("Parties"), _("a party needs a name"));
      else if (details != NULL && ipd_text_is_blank (name))
        add_problem (problems, "parties", _("Parties"), _("a party needs a name"));
      else if (details != NULL)
        {
          /* Translators: a party's name, then what is wrong with its details */
          g_autofree char *message = g_strdup_printf (_("“%s”: %s"), name, details);
          add_problem (problems, "parties", _("Parties"), message);
        }
      if (ipd_vocabulary_find (IPD_VOCAB_ROLE, item->role) == NULL)
        {
          /* Translators: %s is a role the program does not know */
          g_autofree char *message = g_strdup_printf (_("“%s” is not a role"), item->role);
          add_problem (problems, "parties", _("Parties"), message);
          continue;
        }
      for (guint k = 0; k < i; k++)
        {
          IpdDossierParty *earlier = g_ptr_array_index (d->parties, k);
          if (g_strcmp0 (earlier->role, item->role) == 0 && same_party (earlier, item))
            {
              /* Translators: a party's name, then a role (Applicant, Owner…) */
              g_autofree char *message = g_strdup_printf (_("“%s” is listed twice as %s"), name ? name : "",
                                                          ipd_vocabulary_label (IPD_VOCAB_ROLE, item->role));
              add_problem (problems, "parties", _("Parties"), message);
              break;
            }
        }
    }
}

static void
check_lists (IpdDossier *d, GPtrArray *problems)
{
  for (guint i = 0; i < d->characteristics->len; i++)
    {
      IpdCharacteristic *item = g_ptr_array_index (d->characteristics, i);
      if (ipd_text_is_blank (item->indicator))
        add_problem (problems, "characteristics", _("Characteristics"),
                     _("every row needs an indicator"));
    }
  for (guint i = 0; i < d->area->len; i++)
    {
      IpdAreaUnit *item = g_ptr_array_index (d->area, i);
      if (ipd_text_is_blank (item->as_written))
        add_problem (problems, "area", _("Area"), _("every unit needs a name"));
    }
  check_parties (d, problems);
}

/**
 * ipd_store_validate_dossier:
 *
 * Returns: (transfer full): the problems (#IpdProblem) that keep @dossier
 *   from being saved; empty when there are none.
 */
GPtrArray *
ipd_store_validate_dossier (IpdStore *self, IpdDossier *d)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_problem_free);
  g_autofree char *today = ipd_date_today ();

  g_return_val_if_fail (IPD_IS_STORE (self) && d != NULL, problems);

  if (d->kind == NULL || !kind_exists (self, d->kind))
    {
      g_autofree char *kinds = ipd_vocabulary_codes (IPD_VOCAB_KIND);
      /* Translators: %s lists the kinds */
      g_autofree char *message = g_strdup_printf (_("choose one of %s"), kinds);
      add_problem (problems, "kind", _("Kind"), message);
    }
  if (ipd_text_is_blank (d->name))
    add_problem (problems, "name", _("Name"), _("a dossier needs a name"));

  check_number_format (self, d, problems);
  check_number_unique (self, d, problems);
  check_date (problems, "filing_date", _("Filing date"), d->filing_date, today);
  check_date (problems, "priority_date", _("Priority date"), d->priority_date, today);
  check_date (problems, "decision_date", _("Decision date"), d->decision_date, today);
  check_date (problems, "grant_date", _("Grant date"), d->grant_date, today);
  check_classes (d, problems);
  check_lists (d, problems);
  if (d->support_amount < 0)
    add_problem (problems, "support_amount", _("Support amount"), _("cannot be negative"));
  return problems;
}

/* Normalising --------------------------------------------------------------- */

static void
tidy_date (char **date)
{
  char *iso;

  ipd_text_tidy (date);
  if (*date == NULL)
    return;
  iso = ipd_date_parse (*date, NULL);   /* already validated */
  g_free (*date);
  *date = iso;
}

static void
tidy_dossier (IpdDossier *d)
{
  char **texts[] = {
    &d->kind, &d->name, &d->app_number, &d->priority_country, &d->priority_number,
    &d->decision_number, &d->certificate_number, &d->officer, &d->programme,
    &d->internal_note, &d->public_note, &d->vienna_codes, &d->colour_claim,
    &d->regulation_ref, &d->foreign_protection,
  };
  char **dates[] = { &d->filing_date, &d->priority_date, &d->decision_date, &d->grant_date };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    ipd_text_tidy (texts[i]);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    tidy_date (dates[i]);
  for (guint i = 0; i < d->aliases->len; i++)
    ipd_text_tidy ((char **) &d->aliases->pdata[i]);
  while (g_ptr_array_remove (d->aliases, NULL));
  for (guint i = 0; i < d->products->len; i++)
    ipd_text_tidy ((char **) &d->products->pdata[i]);
  while (g_ptr_array_remove (d->products, NULL));
  for (guint i = 0; i < d->classes->len; i++)
    ipd_text_tidy (&((IpdNiceClass *) g_ptr_array_index (d->classes, i))->goods);
  for (guint i = 0; i < d->characteristics->len; i++)
    {
      IpdCharacteristic *item = g_ptr_array_index (d->characteristics, i);
      ipd_text_tidy (&item->product), ipd_text_tidy (&item->indicator), ipd_text_tidy (&item->value), ipd_text_tidy (&item->unit);
    }
  for (guint i = 0; i < d->area->len; i++)
    {
      IpdAreaUnit *item = g_ptr_array_index (d->area, i);
      ipd_text_tidy (&item->as_written), ipd_text_tidy (&item->commune), ipd_text_tidy (&item->province);
    }
}

static gboolean
fail_with_problems (GPtrArray *problems, GError **error)
{
  g_autoptr(GString) message = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      IpdProblem *problem = g_ptr_array_index (problems, i);
      g_string_append_printf (message, "%s%s", i ? "\n" : "", problem->message);
    }
  g_set_error_literal (error, IPD_ERROR, IPD_ERROR_INVALID, message->str);
  return FALSE;
}

/* Saving -------------------------------------------------------------------- */

static char *
join_lines (GPtrArray *lines)
{
  g_autoptr(GString) text = NULL;

  if (lines->len == 0)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s%s", i ? "\n" : "", (const char *) g_ptr_array_index (lines, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
bind_dossier_columns (IpdStmt *stmt, IpdDossier *d)
{
  g_autofree char *aliases = join_lines (d->aliases);
  const char *texts[] = {
    d->kind, d->name, aliases, d->app_number, NULL, d->filing_date,
    d->priority_country, d->priority_number, d->priority_date, d->decision_number,
    d->decision_date, d->certificate_number, d->grant_date, d->expiry_date, d->officer,
    d->programme, NULL, d->internal_note, d->public_note, d->vienna_codes,
    d->colour_claim, d->mark_image_sha256, d->regulation_ref, d->foreign_protection,
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (texts) == G_N_ELEMENTS (dossier_columns));

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    ipd_bind_text (stmt, FIRST_COLUMN_PARAMETER + i, texts[i]);
  sqlite3_bind_int (stmt, FIRST_COLUMN_PARAMETER + 4, d->app_number_override ? 1 : 0);
  sqlite3_bind_int64 (stmt, FIRST_COLUMN_PARAMETER + 16, d->support_amount);
}

static const char *
insert_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      GString *s = g_string_new ("INSERT INTO dossier (reference, created_at, updated_at");
      for (guint i = 0; i < G_N_ELEMENTS (dossier_columns); i++)
        g_string_append_printf (s, ", %s", dossier_columns[i]);
      g_string_append_printf (s, ") VALUES (?%d, ?%d, ?%d", REFERENCE_PARAMETER, NOW_PARAMETER, NOW_PARAMETER);
      for (guint i = 0; i < G_N_ELEMENTS (dossier_columns); i++)
        g_string_append_printf (s, ", ?%u", FIRST_COLUMN_PARAMETER + i);
      g_string_append (s, ")");
      g_once_init_leave (&sql, g_string_free (s, FALSE));
    }
  return sql;
}

static const char *
update_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      GString *s = g_string_new ("UPDATE dossier SET ");
      for (guint i = 0; i < G_N_ELEMENTS (dossier_columns); i++)
        g_string_append_printf (s, "%s = ?%u, ", dossier_columns[i], FIRST_COLUMN_PARAMETER + i);
      g_string_append_printf (s, "updated_at = ?%d WHERE id = ?1", NOW_PARAMETER);
      g_once_init_leave (&sql, g_string_free (s, FALSE));
    }
  return sql;
}

/* PREFIX-YYYY-NNNN; numbers are never reused, even after a dossier is deleted. */
static char *
next_reference (IpdStore *self, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *prefix = ipd_store_dup_setting (self, "reference_prefix");
  int year = g_date_time_get_year (now);
  int rc;

  stmt = ipd_store_prepare (self,
                            "INSERT INTO reference_counter (year, last) VALUES (?1, 1) "
                            "ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ipd_store_set_error (self, error, rc, "reference");
      return NULL;
    }
  return g_strdup_printf ("%s-%d-%04d", prefix ? prefix : "IPD", year, sqlite3_column_int (stmt, 0));
}

static gboolean
write_dossier_row (IpdStore *self, IpdDossier *d, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autofree char *now = ipd_timestamp_now ();
  g_autofree char *reference = NULL;
  gboolean inserting = d->id == 0;

  if (inserting && (reference = next_reference (self, error)) == NULL)
    return FALSE;

  stmt = ipd_store_prepare (self, inserting ? insert_sql () : update_sql (), error);
  if (stmt == NULL)
    return FALSE;
  bind_dossier_columns (stmt, d);
  sqlite3_bind_int64 (stmt, 1, d->id);
  ipd_bind_text (stmt, NOW_PARAMETER, now);
  if (inserting)
    ipd_bind_text (stmt, REFERENCE_PARAMETER, reference);
  if (!ipd_store_step_done (self, stmt, error))
    return FALSE;

  if (inserting)
    d->id = sqlite3_last_insert_rowid (self->db);
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND, _("The dossier no longer exists."));
      return FALSE;
    }
  return TRUE;
}

/* Child rows ------------------------------------------------------------------
 * Each list is rewritten only when it changed, so that saving a dossier
 * does not fill the audit log with deletions and identical insertions. */

typedef void (*AppendCanonical) (GString *text, gpointer item);
typedef void (*BindChild) (IpdStmt *stmt, gpointer item);

typedef struct {
  const char     *table;
  const char     *canonical_sql;   /* the stored rows as one string, in order */
  const char     *insert_sql;      /* ?1 dossier, ?2 position, ?3… the item */
  AppendCanonical append;
  BindChild       bind;
} ChildList;

static void
append_field (GString *text, const char *field)
{
  g_string_append (text, field ? field : "");
  g_string_append_c (text, '\x1f');
}

static void
append_string (GString *text, gpointer item)
{
  append_field (text, item);
}

static void
bind_string (IpdStmt *stmt, gpointer item)
{
  ipd_bind_text (stmt, 3, item);
}

static void
append_class (GString *text, gpointer data)
{
  IpdNiceClass *item = data;
  g_string_append_printf (text, "%d\x1f", item->number);
  append_field (text, item->goods);
}

static void
bind_class (IpdStmt *stmt, gpointer data)
{
  IpdNiceClass *item = data;
  sqlite3_bind_int (stmt, 3, item->number);
  ipd_bind_text (stmt, 4, item->goods);
}

static void
append_characteristic (GString *text, gpointer data)
{
  IpdCharacteristic *item = data;
  append_field (text, item->product);
  append_field (text, item->indicator);
  append_field (text, item->value);
  append_field (text, item->unit);
}

static void
bind_characteristic (IpdStmt *stmt, gpointer data)
{
  IpdCharacteristic *item = data;
  ipd_bind_text (stmt, 3, item->product);
  ipd_bind_text (stmt, 4, item->indicator);
  ipd_bind_text (stmt, 5, item->value);
  ipd_bind_text (stmt, 6, item->unit);
}

static void
append_area_unit (GString *text, gpointer data)
{
  IpdAreaUnit *item = data;
  append_field (text, item->as_written);
  append_field (text, item->commune);
  append_field (text, item->province);
}

static void
bind_area_unit (IpdStmt *stmt, gpointer data)
{
  IpdAreaUnit *item = data;
  ipd_bind_text (stmt, 3, item->as_written);
  ipd_bind_text (stmt, 4, item->commune);
  ipd_bind_text (stmt, 5, item->province);
}

static void
append_party (GString *text, gpointer data)
{
  IpdDossierParty *item = data;
  g_string_append_printf (text, "%" G_GINT64_FORMAT "\x1f", item->party_id);
  append_field (text, item->role);
}

static void
bind_party (IpdStmt *stmt, gpointer data)
{
  IpdDossierParty *item = data;
  sqlite3_bind_int64 (stmt, 3, item->party_id);
  ipd_bind_text (stmt, 4, item->role);
}

#define FIELD(c) "ifnull(" c ", '') || char(31)"
static const ChildList class_list = {
  "nice_class",
  "SELECT number || char(31) || " FIELD ("goods") " FROM nice_class WHERE dossier_id = ?1 ORDER BY position",
  "INSERT INTO nice_class (dossier_id, position, number, goods) VALUES (?1, ?2, ?3, ?4)",
  append_class, bind_class,
};
static const ChildList product_list = {
  "gi_product",
  "SELECT " FIELD ("name") " FROM gi_product WHERE dossier_id = ?1 ORDER BY position",
  "INSERT INTO gi_product (dossier_id, position, name) VALUES (?1, ?2, ?3)",
  append_string, bind_string,
};
static const ChildList characteristic_list = {
  "gi_characteristic",
  "SELECT " FIELD ("product") " || " FIELD ("indicator") " || " FIELD ("value") " || " FIELD ("unit")
  " FROM gi_characteristic WHERE dossier_id = ?1 ORDER BY position",
  "INSERT INTO gi_characteristic (dossier_id, position, product, indicator, value, unit)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  append_characteristic, bind_characteristic,
};
static const ChildList area_list = {
  "area_unit",
  "SELECT " FIELD ("as_written") " || " FIELD ("commune") " || " FIELD ("province")
  " FROM area_unit WHERE dossier_id = ?1 ORDER BY position",
  "INSERT INTO area_unit (dossier_id, position, as_written, commune, province) VALUES (?1, ?2, ?3, ?4, ?5)",
  append_area_unit, bind_area_unit,
};
static const ChildList party_list = {
  "dossier_party",
  "SELECT party_id || char(31) || " FIELD ("role") " FROM dossier_party WHERE dossier_id = ?1 ORDER BY position",
  "INSERT INTO dossier_party (dossier_id, position, party_id, role) VALUES (?1, ?2, ?3, ?4)",
  append_party, bind_party,
};
#undef FIELD

static char *
stored_canonical (IpdStore *self, const ChildList *list, gint64 dossier_id, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, list->canonical_sql, error);
  GString *text;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, dossier_id);
  text = g_string_new (NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (text, (const char *) sqlite3_column_text (stmt, 0));
      g_string_append_c (text, '\x1e');
    }
  if (rc != SQLITE_DONE)
    {
      g_string_free (text, TRUE);
      ipd_store_set_error (self, error, rc, list->table);
      return NULL;
    }
  return g_string_free (text, FALSE);
}

static gboolean
save_child_list (IpdStore *self, const ChildList *list, gint64 dossier_id,
                 GPtrArray *items, GError **error)
{
  g_autoptr(GString) wanted = g_string_new (NULL);
  g_autofree char *stored = NULL;
  g_autofree char *delete_sql = NULL;
  g_autoptr(IpdStmt) delete = NULL;
  g_autoptr(IpdStmt) insert = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      list->append (wanted, g_ptr_array_index (items, i));
      g_string_append_c (wanted, '\x1e');
    }
  stored = stored_canonical (self, list, dossier_id, error);
  if (stored == NULL)
    return FALSE;
  if (g_str_equal (stored, wanted->str))
    return TRUE;

  delete_sql = g_strdup_printf ("DELETE FROM %s WHERE dossier_id = ?1", list->table);
  delete = ipd_store_prepare (self, delete_sql, error);
  if (delete == NULL)
    return FALSE;
  sqlite3_bind_int64 (delete, 1, dossier_id);
  if (!ipd_store_step_done (self, delete, error))
    return FALSE;

  insert = ipd_store_prepare (self, list->insert_sql, error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      sqlite3_reset (insert);
      sqlite3_clear_bindings (insert);
      sqlite3_bind_int64 (insert, 1, dossier_id);
      sqlite3_bind_int (insert, 2, (int) i);
      list->bind (insert, g_ptr_array_index (items, i));
      if (!ipd_store_step_done (self, insert, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_children (IpdStore *self, IpdDossier *d, GError **error)
{
  return save_child_list (self, &class_list, d->id, d->classes, error)
      && save_child_list (self, &product_list, d->id, d->products, error)
      && save_child_list (self, &characteristic_list, d->id, d->characteristics, error)
      && save_child_list (self, &area_list, d->id, d->area, error)
      && save_child_list (self, &party_list, d->id, d->parties, error);
}

/* Creates or updates the parties whose details come with the dossier, each
 * once however many roles it has; @created collects the new ones, whose ids
 * are taken back if the save fails. */
static gboolean
save_party_details (IpdStore *self, IpdDossier *d, GPtrArray *created, GError **error)
{
  g_autoptr(GHashTable) written = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < d->parties->len; i++)
    {
      IpdDossierParty *item = g_ptr_array_index (d->parties, i);

      if (item->party == NULL)
        continue;
      if (!g_hash_table_contains (written, item->party))
        {
          gboolean inserting = item->party->id == 0;

          if (!ipd_store_write_party (self, item->party, error))
            return FALSE;
          if (inserting)
            g_ptr_array_add (created, ipd_party_ref (item->party));
          g_hash_table_add (written, item->party);
        }
      item->party_id = item->party->id;
      g_free (item->party_name);
      item->party_name = g_strdup (item->party->name);
    }
  return TRUE;
}

/* After a failed save: the parties created in it do not exist. */
static void
forget_created_parties (IpdDossier *d, GPtrArray *created)
{
  for (guint i = 0; i < created->len; i++)
    ((IpdParty *) g_ptr_array_index (created, i))->id = 0;
  for (guint i = 0; i < d->parties->len; i++)
    {
      IpdDossierParty *item = g_ptr_array_index (d->parties, i);
      if (item->party != NULL && item->party->id == 0)
        item->party_id = 0;
    }
}

static gboolean
store_mark_image (IpdStore *self, IpdDossier *d, GError **error)
{
  g_autofree char *sha256 = NULL;

  if (d->mark_image == NULL)
    return TRUE;
  sha256 = ipd_store_put_blob (self, d->mark_image, error);
  if (sha256 == NULL)
    return FALSE;
  g_free (d->mark_image_sha256);
  d->mark_image_sha256 = g_steal_pointer (&sha256);
  return TRUE;
}

/* Copies what the store derived (reference, status, times) back into @d. */
static gboolean
reload_derived (IpdStore *self, IpdDossier *d, GError **error)
{
  g_autoptr(IpdDossier) saved = ipd_store_load_dossier (self, d->id, error);

  if (saved == NULL)
    return FALSE;
  g_clear_pointer (&d->mark_image, g_bytes_unref);
  g_free (d->reference), d->reference = g_strdup (saved->reference);
  g_free (d->status), d->status = g_strdup (saved->status);
  g_free (d->expiry_date), d->expiry_date = g_strdup (saved->expiry_date);
  g_free (d->created_at), d->created_at = g_strdup (saved->created_at);
  g_free (d->updated_at), d->updated_at = g_strdup (saved->updated_at);
  g_free (d->deleted_at), d->deleted_at = g_strdup (saved->deleted_at);
  return TRUE;
}

/**
 * ipd_store_save_dossier:
 *
 * Validates @dossier and saves it with its lists, all or nothing. A new
 * dossier (id 0) gets its id and reference. Parties given with their
 * details (#IpdDossierParty.party) are created or updated in the same
 * transaction. On a validation failure the
 * error (%IPD_ERROR_INVALID) names every field that is wrong.
 */
gboolean
ipd_store_save_dossier (IpdStore *self, IpdDossier *d, GError **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) created = NULL;
  gint64 original_id;
  gboolean ok;

  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  g_return_val_if_fail (d != NULL, FALSE);

  if (!ipd_store_check_writable (self, error))
    return FALSE;

  ipd_text_tidy (&d->kind), ipd_text_tidy (&d->name), ipd_text_tidy (&d->app_number);
  problems = ipd_store_validate_dossier (self, d);
  if (problems->len > 0)
    return fail_with_problems (problems, error);
  tidy_dossier (d);

  original_id = d->id;
  /* The expiry follows the filing date and the renewals (the procedure's
   * terms); computed here, the row is written once with the right date. */
  g_clear_pointer (&d->expiry_date, g_free);
  if (!ipd_store_compute_expiry (self, d->id, d->kind, d->filing_date, &d->expiry_date, error))
    return FALSE;

  if (!ipd_store_write_begin (self, error))
    return FALSE;
  created = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_party_unref);
  ok = store_mark_image (self, d, error)
       && save_party_details (self, d, created, error)
       && write_dossier_row (self, d, error)
       && save_children (self, d, error)
       && ipd_store_refresh_search (self, d->id, error)
       && ipd_store_recompute_tasks (self, d->id, error);
  if (!ipd_store_write_end (self, ok, ok ? error : NULL))
    {
      d->id = original_id;   /* nothing was saved */
      forget_created_parties (d, created);
      return FALSE;
    }
  return reload_derived (self, d, error);
}

/* Search text and sort key ----------------------------------------------------- */

static const char *search_sources_sql =
  "SELECT name || ' ' || ifnull(aliases, '') || ' ' || ifnull(app_number, '') || ' '"
  "       || ifnull(certificate_number, '') || ' ' || reference || ' ' || ifnull(decision_number, '')"
  "  FROM dossier WHERE id = ?1 "
  "UNION ALL SELECT p.name || ' ' || ifnull(p.commune, '') || ' ' || ifnull(p.province, '')"
  "  FROM dossier_party dp JOIN party p ON p.id = dp.party_id WHERE dp.dossier_id = ?1 "
  "UNION ALL SELECT name FROM gi_product WHERE dossier_id = ?1 "
  "UNION ALL SELECT ifnull(goods, '') FROM nice_class WHERE dossier_id = ?1 "
  "UNION ALL SELECT as_written || ' ' || ifnull(commune, '') || ' ' || ifnull(province, '')"
  "  FROM area_unit WHERE dossier_id = ?1";

/* What the registers print of a dossier's parties and products, kept in
 * its row (format 9): the applicant's address, else the owner's or the
 * managing organisation's, as "commune, province"; the Nice classes with
 * their goods, else a GI's products, one a line. */
#define REGISTER_COLUMNS_SET                                                        \
  " applicant_address ="                                                            \
  "  (SELECT CASE WHEN p.commune IS NOT NULL AND p.province IS NOT NULL"            \
  "               THEN p.commune || ', ' || p.province"                             \
  "               ELSE coalesce (p.commune, p.province) END"                        \
  "     FROM dossier_party dp JOIN party p ON p.id = dp.party_id"                   \
  "     WHERE dp.dossier_id = dossier.id AND dp.role IN ('applicant', 'owner', 'managing_org')" \
  "     ORDER BY dp.role <> 'applicant', dp.position LIMIT 1),"                     \
  "  products_text ="                                                               \
  "  coalesce ((SELECT group_concat (line, char (10)) FROM"                         \
  "              (SELECT n.number || coalesce (': ' || n.goods, '') AS line FROM nice_class n" \
  "               WHERE n.dossier_id = dossier.id ORDER BY n.position)),"           \
  "            (SELECT group_concat (name, char (10)) FROM"                         \
  "              (SELECT g.name FROM gi_product g WHERE g.dossier_id = dossier.id ORDER BY g.position)))"

/* The row's derived columns: format 9's too, but not while an older
 * register is brought to format 8 or below, whose search texts are
 * rebuilt before those columns exist (format 9's step fills them). */
#define DERIVED_UPDATE "UPDATE dossier SET search_text = ?2, sort_key = ?3, applicant_name = ?4"

static const char *
derived_update_sql (IpdStore *self)
{
  return ipd_store_get_schema_version (self) >= 9 ? DERIVED_UPDATE "," REGISTER_COLUMNS_SET " WHERE id = ?1"
                                                  : DERIVED_UPDATE " WHERE id = ?1";
}

/* Format 9's step: the columns of every dossier already there. */
gboolean
ipd_store_fill_register_columns (IpdStore *self, GError **error)
{
  return ipd_store_exec (self, "UPDATE dossier SET" REGISTER_COLUMNS_SET, error);
}

/* Folds the dossier's searchable text — name, aliases, numbers, parties,
 * products, places — into search_text, the name into sort_key, and keeps
 * the applicant's name in the row (a list then reads one row per dossier),
 * with the address and products the registers print. */
gboolean
ipd_store_refresh_search (IpdStore *self, gint64 dossier_id, GError **error)
{
  g_autoptr(IpdStmt) sources = ipd_store_prepare (self, search_sources_sql, error);
  g_autoptr(IpdStmt) name = NULL;
  g_autoptr(IpdStmt) update = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *folded = NULL;
  g_autofree char *applicant = NULL;
  g_autoptr(GBytes) key = NULL;
  int rc;

  if (sources == NULL)
    return FALSE;
  sqlite3_bind_int64 (sources, 1, dossier_id);
  while ((rc = sqlite3_step (sources)) == SQLITE_ROW)
    g_string_append_printf (text, "%s\n", (const char *) sqlite3_column_text (sources, 0));
  if (rc != SQLITE_DONE)
    return ipd_store_set_error (self, error, rc, "search");
  folded = ipd_text_fold (text->str);

  name = ipd_store_prepare (self,
    "SELECT d.name,"
    /* the applicant first, else the owner or managing organisation; min()
     * picks the row without sorting (SQLite's bare column of min()) */
    "  (SELECT pname FROM (SELECT p.name AS pname, min ((dp.role <> 'applicant') * 100000 + dp.position)"
    "    FROM dossier_party dp JOIN party p ON p.id = dp.party_id"
    "    WHERE dp.dossier_id = d.id AND dp.role IN ('applicant', 'owner', 'managing_org')))"
    " FROM dossier d WHERE d.id = ?1", error);
  if (name == NULL)
    return FALSE;
  sqlite3_bind_int64 (name, 1, dossier_id);
  rc = sqlite3_step (name);
  if (rc == SQLITE_DONE)   /* no such dossier: nothing to index */
    return TRUE;
  if (rc != SQLITE_ROW)
    return ipd_store_set_error (self, error, rc, "search");
  key = ipd_text_sort_key ((const char *) sqlite3_column_text (name, 0));
  applicant = ipd_column_dup_text (name, 1);

  update = ipd_store_prepare (self, derived_update_sql (self), error);
  if (update == NULL)
    return FALSE;
  sqlite3_bind_int64 (update, 1, dossier_id);
  ipd_bind_text (update, 2, folded);
  ipd_bind_blob (update, 3, key);
  ipd_bind_text (update, 4, applicant);
  return ipd_store_step_done (self, update, error);
}

static GArray *
all_ids (IpdStore *self, const char *sql, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      ipd_store_set_error (self, error, rc, sql);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Recomputes every search text and sort key: after a format change, or when
 * ICU's collation changed. */
gboolean
ipd_store_rebuild_derived (IpdStore *self, GError **error)
{
  g_autoptr(GArray) dossiers = all_ids (self, "SELECT id FROM dossier", error);
  g_autoptr(GArray) parties = NULL;

  if (dossiers == NULL)
    return FALSE;
  for (guint i = 0; i < dossiers->len; i++)
    if (!ipd_store_refresh_search (self, g_array_index (dossiers, gint64, i), error))
      return FALSE;

  parties = all_ids (self, "SELECT id FROM party", error);
  if (parties == NULL)
    return FALSE;
  for (guint i = 0; i < parties->len; i++)
    if (!ipd_store_refresh_party_search (self, g_array_index (parties, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* Loading --------------------------------------------------------------------- */

static gboolean
load_child_rows (IpdStore *self, const char *sql, gint64 dossier_id, IpdDossier *d,
                 void (*add_row) (IpdDossier *d, IpdStmt *stmt), GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dossier_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_row (d, stmt);
  if (rc != SQLITE_DONE)
    return ipd_store_set_error (self, error, rc, sql);
  return TRUE;
}

#define TEXT(i) ((const char *) sqlite3_column_text (stmt, (i)))

static void
add_class_row (IpdDossier *d, IpdStmt *stmt)
{
  ipd_dossier_add_class (d, sqlite3_column_int (stmt, 0), TEXT (1));
}

static void
add_product_row (IpdDossier *d, IpdStmt *stmt)
{
  ipd_dossier_add_product (d, TEXT (0));
}

static void
add_characteristic_row (IpdDossier *d, IpdStmt *stmt)
{
  ipd_dossier_add_characteristic (d, TEXT (0), TEXT (1), TEXT (2), TEXT (3));
}

static void
add_area_row (IpdDossier *d, IpdStmt *stmt)
{
  ipd_dossier_add_area_unit (d, TEXT (0), TEXT (1), TEXT (2));
}

static void
add_party_row (IpdDossier *d, IpdStmt *stmt)
{
  ipd_dossier_add_party (d, sqlite3_column_int64 (stmt, 0), TEXT (1), TEXT (2));
}

static IpdDossier *
dossier_from_row (IpdStmt *stmt)
{
  IpdDossier *d = ipd_dossier_new (NULL, NULL);
  char **texts[] = {
    &d->reference, &d->kind, &d->name, NULL, &d->status, &d->app_number, NULL,
    &d->filing_date, &d->priority_country, &d->priority_number, &d->priority_date,
    &d->decision_number, &d->decision_date, &d->certificate_number, &d->grant_date,
    &d->expiry_date, &d->officer, &d->programme, NULL, &d->internal_note,
    &d->public_note, &d->vienna_codes, &d->colour_claim, &d->mark_image_sha256,
    &d->regulation_ref, &d->foreign_protection, &d->created_at, &d->updated_at,
    &d->deleted_at,
  };
  g_auto(GStrv) aliases = NULL;

  d->id = sqlite3_column_int64 (stmt, 0);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      *texts[i] = ipd_column_dup_text (stmt, i + 1);
  d->app_number_override = sqlite3_column_int (stmt, 7) != 0;
  d->support_amount = sqlite3_column_int64 (stmt, 19);

  if (TEXT (4) != NULL)
    {
      aliases = g_strsplit (TEXT (4), "\n", -1);
      for (guint i = 0; aliases[i]; i++)
        ipd_dossier_add_alias (d, aliases[i]);
    }
  return d;
}

#undef TEXT

IpdDossier *
ipd_store_load_dossier (IpdStore *self, gint64 id, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autoptr(IpdDossier) d = NULL;
  int rc;

  g_return_val_if_fail (IPD_IS_STORE (self), NULL);

  stmt = ipd_store_prepare (self,
                            "SELECT id, reference, kind, name, aliases, status, app_number,"
                            " app_number_override, filing_date, priority_country, priority_number,"
                            " priority_date, decision_number, decision_date, certificate_number,"
                            " grant_date, expiry_date, officer, programme, support_amount,"
                            " internal_note, public_note, vienna_codes, colour_claim,"
                            " mark_image_sha256, regulation_ref, foreign_protection, created_at,"
                            " updated_at, deleted_at FROM dossier WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND, _("The dossier no longer exists."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      ipd_store_set_error (self, error, rc, "dossier");
      return NULL;
    }
  d = dossier_from_row (stmt);

  if (!load_child_rows (self, "SELECT number, goods FROM nice_class WHERE dossier_id = ?1 ORDER BY position",
                        id, d, add_class_row, error)
      || !load_child_rows (self, "SELECT name FROM gi_product WHERE dossier_id = ?1 ORDER BY position",
                           id, d, add_product_row, error)
      || !load_child_rows (self, "SELECT product, indicator, value, unit FROM gi_characteristic"
                                 " WHERE dossier_id = ?1 ORDER BY position",
                           id, d, add_characteristic_row, error)
      || !load_child_rows (self, "SELECT as_written, commune, province FROM area_unit"
                                 " WHERE dossier_id = ?1 ORDER BY position",
                           id, d, add_area_row, error)
      || !load_child_rows (self, "SELECT dp.party_id, dp.role, p.name FROM dossier_party dp"
                                 " JOIN party p ON p.id = dp.party_id"
                                 " WHERE dp.dossier_id = ?1 ORDER BY dp.position",
                           id, d, add_party_row, error))
    return NULL;
  return g_steal_pointer (&d);
}

IpdDossier *
ipd_store_find_dossier (IpdStore *self, const char *reference, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  gint64 id;
  int rc;

  g_return_val_if_fail (IPD_IS_STORE (self) && reference != NULL, NULL);
  stmt = ipd_store_prepare (self, "SELECT id FROM dossier WHERE reference = ?1 OR app_number = ?1", error);
  if (stmt == NULL)
    return NULL;
  ipd_bind_text (stmt, 1, reference);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      ipd_store_set_error (self, error, rc, "dossier");
      return NULL;
    }
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND,
                   /* Translators: %s is a dossier reference or application number */
                   _("There is no dossier “%s” in the register."), reference);
      return NULL;
    }
  id = sqlite3_column_int64 (stmt, 0);
  ipd_stmt_release (stmt);
  return ipd_store_load_dossier (self, id, error);
}

/* Trash ------------------------------------------------------------------------ */

static gboolean
set_trashed (IpdStore *self, gint64 id, gboolean trashed, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  g_autofree char *now = ipd_timestamp_now ();

  if (!ipd_store_check_writable (self, error))
    return FALSE;
  stmt = ipd_store_prepare (self, trashed
                            ? "UPDATE dossier SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NULL"
                            : "UPDATE dossier SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1 AND deleted_at IS NOT NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  ipd_bind_text (stmt, 2, now);
  if (!ipd_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_NOT_FOUND,
                           trashed ? _("The dossier is not in the register (it may already be in the trash).")
                                   : _("The dossier is not in the trash."));
      return FALSE;
    }
  return TRUE;
}

gboolean
ipd_store_trash_dossier (IpdStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  return set_trashed (self, id, TRUE, error);
}

gboolean
ipd_store_restore_dossier (IpdStore *self, gint64 id, GError **error)
{
  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  return set_trashed (self, id, FALSE, error);
}

/* Deletes for good a dossier that is in the trash, with its events and
 * documents; file contents no other dossier uses go too. */
gboolean
ipd_store_purge_dossier (IpdStore *self, gint64 id, GError **error)
{
  g_autoptr(IpdStmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (IPD_IS_STORE (self), FALSE);
  if (!ipd_store_write_begin (self, error))
    return FALSE;
  stmt = ipd_store_prepare (self, "DELETE FROM dossier WHERE id = ?1 AND deleted_at IS NOT NULL", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = ipd_store_step_done (self, stmt, error);
    }
  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, IPD_ERROR, IPD_ERROR_NOT_FOUND,
                           _("Only a dossier in the trash can be deleted for good."));
      ok = FALSE;
    }
  ok = ok && ipd_store_delete_orphan_blobs (self, error);
  return ipd_store_write_end (self, ok, ok ? error : NULL);
}
