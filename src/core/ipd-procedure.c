/* ipd-procedure.c — the procedure as data
 *
 * The deadline rules and the terms of protection come from a key file
 * (procedure/ipd-procedure.ini, whose top documents every key), not from
 * code: the law changes by decree and circular, and an office must be able
 * to follow it without a new program. A rule keeps the date it took effect,
 * so a dossier is judged by the rule in force on the day of its event.
 *
 * A file is checked whole before it is used: each error names the group and
 * the key, and an invalid user copy leaves the built-in rules in force.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-procedure"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ipd-core-resources.h"
#include "ipd-date.h"
#include "ipd-error.h"
#include "ipd-procedure.h"
#include "ipd-vocabulary.h"

#define PROCEDURE_RESOURCE "/io/github/ipdossiers/IpDossiers/core/procedure/ipd-procedure.ini"
#define PROCEDURE_GROUP    "Procedure"
#define RULE_PREFIX        "Rule "
#define TERM_PREFIX        "Term "
#define FORMAT_VERSION     1

struct _IpdProcedure {
  GObject     parent_instance;
  GPtrArray  *rules;          /* IpdRule*, by id then effective_from */
  GPtrArray  *terms;          /* IpdProtectionTerm* */
  GStrv       event_types;
  char       *checksum;
};

G_DEFINE_FINAL_TYPE (IpdProcedure, ipd_procedure, G_TYPE_OBJECT)

static void
rule_free (IpdRule *rule)
{
  g_free (rule->id);
  g_free (rule->effective_from);
  g_free (rule->title);
  g_free (rule->citation);
  g_strfreev (rule->kinds);
  g_free (rule->trigger);
  g_strfreev (rule->only_if);
  g_strfreev (rule->not_if);
  g_strfreev (rule->completed_by);
  g_free (rule->role);
  g_free (rule);
}

static void
term_free (IpdProtectionTerm *term)
{
  g_free (term->id);
  g_strfreev (term->kinds);
  g_free (term->renewed_by);
  g_free (term->citation);
  g_free (term);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdRule, rule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IpdProtectionTerm, term_free)

static void
ipd_procedure_finalize (GObject *object)
{
  IpdProcedure *self = IPD_PROCEDURE (object);

  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->event_types, g_strfreev);
  g_clear_pointer (&self->checksum, g_free);
  G_OBJECT_CLASS (ipd_procedure_parent_class)->finalize (object);
}

static void
ipd_procedure_class_init (IpdProcedureClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ipd_procedure_finalize;
}

static void
ipd_procedure_init (IpdProcedure *self)
{
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  self->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  self->event_types = g_new0 (char *, 1);
}

/* ------------------------------------------------------------------ */
/* Errors that say where                                                */

static gboolean G_GNUC_PRINTF (4, 5)
fail (GError **error, const char *group, const char *key, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (key != NULL)
    g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                 /* Translators: an error in the procedure file: the group, the key, what is wrong */
                 _("Procedure file, group [%s], key %s: %s"), group, key, message);
  else
    g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                 /* Translators: an error in the procedure file: the group, what is wrong */
                 _("Procedure file, group [%s]: %s"), group, message);
  return FALSE;
}

static gboolean
check_keys (GKeyFile *file, const char *group, const char * const *allowed, GError **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (file, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (!g_strv_contains (allowed, keys[i]))
      return fail (error, group, keys[i], _("unknown key (check its spelling)"));
  return TRUE;
}

static char *
get_string (GKeyFile *file, const char *group, const char *key, gboolean required, GError **error)
{
  g_autofree char *value = NULL;

  if (!g_key_file_has_key (file, group, key, NULL))
    {
      if (required)
        fail (error, group, key, _("missing"));
      return NULL;
    }
  value = g_strstrip (g_key_file_get_string (file, group, key, NULL));
  if (*value == '\0')
    {
      if (required)
        fail (error, group, key, _("empty"));
      return NULL;
    }
  return g_steal_pointer (&value);
}

static gboolean
get_boolean (GKeyFile *file, const char *group, const char *key, gboolean fallback,
             gboolean *out, GError **error)
{
  g_autoptr(GError) local = NULL;

  *out = fallback;
  if (!g_key_file_has_key (file, group, key, NULL))
    return TRUE;
  *out = g_key_file_get_boolean (file, group, key, &local);
  if (local != NULL)
    return fail (error, group, key, _("write true or false"));
  return TRUE;
}

static gboolean
get_int (GKeyFile *file, const char *group, const char *key, gboolean required,
         int min, int max, int *out, GError **error)
{
  g_autoptr(GError) local = NULL;

  *out = 0;
  if (!g_key_file_has_key (file, group, key, NULL))
    return required ? fail (error, group, key, _("missing")) : TRUE;
  *out = g_key_file_get_integer (file, group, key, &local);
  if (local != NULL)
    return fail (error, group, key, _("not a whole number"));
  if (*out < min || *out > max)
    return fail (error, group, key,
                 /* Translators: the value, then the smallest and the largest allowed */
                 _("%d is not between %d and %d"), *out, min, max);
  return TRUE;
}

/* A list without empty items; NULL when absent or empty. */
static GStrv
get_list (GKeyFile *file, const char *group, const char *key)
{
  g_auto(GStrv) items = g_key_file_get_string_list (file, group, key, NULL, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (*g_strstrip (items[i]) != '\0')
      {
        g_strv_builder_add (builder, items[i]);
        n++;
      }
  return n ? g_strv_builder_end (builder) : NULL;
}

/* ------------------------------------------------------------------ */
/* Checks against the register's vocabulary                             */

static gboolean
check_event_type (IpdProcedure *self, const char *group, const char *key, const char *code,
                  GError **error)
{
  if (ipd_vocabulary_find (IPD_VOCAB_EVENT_TYPE, code) == NULL)
    {
      g_autofree char *known = ipd_vocabulary_codes (IPD_VOCAB_EVENT_TYPE);
      return fail (error, group, key,
                   /* Translators: a code, then the list of the codes allowed */
                   _("“%s” is not an event type of the register (known: %s)"), code, known);
    }
  if (self != NULL && !g_strv_contains ((const char * const *) self->event_types, code))
    return fail (error, group, key,
                 /* Translators: an event type code; EventTypes and [Procedure] are names in the file */
                 _("“%s” is not listed in EventTypes of [Procedure]"), code);
  return TRUE;
}

static gboolean
check_event_types (IpdProcedure *self, const char *group, const char *key, char **codes,
                   GError **error)
{
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    if (!check_event_type (self, group, key, codes[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
check_kinds (const char *group, char **kinds, GError **error)
{
  for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
    if (ipd_vocabulary_find (IPD_VOCAB_KIND, kinds[i]) == NULL)
      {
        g_autofree char *known = ipd_vocabulary_codes (IPD_VOCAB_KIND);
        return fail (error, group, "Kinds",
                     /* Translators: a code, then the list of the codes allowed */
                     _("“%s” is not a kind of dossier of the register (known: %s)"),
                     kinds[i], known);
      }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Groups                                                               */

static gboolean
read_header (IpdProcedure *self, GKeyFile *file, GError **error)
{
  static const char * const allowed[] = { "Format", "Id", "Title", "EventTypes", NULL };
  int format;

  if (!g_key_file_has_group (file, PROCEDURE_GROUP))
    return fail (error, PROCEDURE_GROUP, NULL, _("missing"));
  if (!check_keys (file, PROCEDURE_GROUP, allowed, error)
      || !get_int (file, PROCEDURE_GROUP, "Format", TRUE, 0, G_MAXINT, &format, error))
    return FALSE;
  if (format != FORMAT_VERSION)
    return fail (error, PROCEDURE_GROUP, "Format",
                 /* Translators: the version found, then the one this program reads */
                 _("version %d is not known to this program (it reads version %d)"),
                 format, FORMAT_VERSION);

  g_strfreev (self->event_types);
  self->event_types = get_list (file, PROCEDURE_GROUP, "EventTypes");
  if (self->event_types == NULL)
    {
      self->event_types = g_new0 (char *, 1);
      return fail (error, PROCEDURE_GROUP, "EventTypes", _("missing"));
    }
  return check_event_types (NULL, PROCEDURE_GROUP, "EventTypes", self->event_types, error);
}

static gboolean
is_identifier (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

static IpdProtectionTerm *
read_term (IpdProcedure *self, GKeyFile *file, const char *group, GError **error)
{
  static const char * const allowed[] = { "Kinds", "Years", "RenewedBy", "Citation", NULL };
  g_autoptr(IpdProtectionTerm) term = g_new0 (IpdProtectionTerm, 1);

  term->id = g_strdup (group + strlen (TERM_PREFIX));
  if (!is_identifier (term->id))
    {
      fail (error, group, NULL, _("the name after “Term” must be lower-case letters, digits or _"));
      return NULL;
    }
  if (!check_keys (file, group, allowed, error)
      || !get_int (file, group, "Years", TRUE, 0, 100, &term->years, error))
    return NULL;
  term->kinds = get_list (file, group, "Kinds");
  if (term->kinds == NULL)
    {
      fail (error, group, "Kinds", _("missing"));
      return NULL;
    }
  term->renewed_by = get_string (file, group, "RenewedBy", FALSE, NULL);
  term->citation = get_string (file, group, "Citation", TRUE, error);
  if (term->citation == NULL || !check_kinds (group, term->kinds, error))
    return NULL;
  if (term->renewed_by != NULL
      && !check_event_type (self, group, "RenewedBy", term->renewed_by, error))
    return NULL;
  return g_steal_pointer (&term);
}

/* "Rule <id> <YYYY-MM-DD>" */
static gboolean
read_rule_name (IpdRule *rule, const char *group, GError **error)
{
  g_auto(GStrv) parts = g_strsplit (group + strlen (RULE_PREFIX), " ", -1);
  g_autoptr(GDate) date = NULL;

  if (g_strv_length (parts) != 2 || !is_identifier (parts[0])
      || (date = ipd_date_to_gdate (parts[1])) == NULL)
    return fail (error, group, NULL,
                 _("write the group as [Rule id YYYY-MM-DD]: an id of lower-case letters, digits or _, "
                   "then the date the rule took effect"));
  rule->id = g_strdup (parts[0]);
  rule->effective_from = ipd_date_from_gdate (date);
  return TRUE;
}

static gboolean
read_unit (GKeyFile *file, const char *group, IpdPeriodUnit *unit, GError **error)
{
  g_autofree char *text = get_string (file, group, "Unit", TRUE, error);

  if (text == NULL)
    return FALSE;
  if (g_str_equal (text, "days"))
    *unit = IPD_PERIOD_DAYS;
  else if (g_str_equal (text, "months"))
    *unit = IPD_PERIOD_MONTHS;
  else if (g_str_equal (text, "years"))
    *unit = IPD_PERIOD_YEARS;
  else
    return fail (error, group, "Unit",
                 /* Translators: %s is the value found; days, months, years are words of the file */
                 _("“%s” is not days, months or years"), text);
  return TRUE;
}

static gboolean
read_role (GKeyFile *file, const char *group, IpdRule *rule, GError **error)
{
  static const char * const roles[] = { "office", "applicant", "milestone", "opportunity", NULL };

  rule->role = get_string (file, group, "Role", TRUE, error);
  if (rule->role == NULL)
    return FALSE;
  if (!g_strv_contains (roles, rule->role))
    return fail (error, group, "Role",
                 /* Translators: %s is the value found; the others are words of the file */
                 _("“%s” is not office, applicant, milestone or opportunity"), rule->role);
  return TRUE;
}

/* Title, citation, kinds, trigger and the conditions. */
static gboolean
read_rule_texts (IpdProcedure *self, GKeyFile *file, const char *group, IpdRule *rule,
                 GError **error)
{
  rule->title = get_string (file, group, "Title", TRUE, error);
  if (rule->title == NULL)
    return FALSE;
  rule->citation = get_string (file, group, "Citation", TRUE, error);
  if (rule->citation == NULL)
    return FALSE;
  rule->trigger = get_string (file, group, "Trigger", TRUE, error);
  if (rule->trigger == NULL)
    return FALSE;
  if (!g_str_equal (rule->trigger, IPD_RULE_TRIGGER_EXPIRY)
      && !check_event_type (self, group, "Trigger", rule->trigger, error))
    return FALSE;

  rule->kinds = get_list (file, group, "Kinds");
  if (rule->kinds != NULL && g_strv_contains ((const char * const *) rule->kinds, "*"))
    g_clear_pointer (&rule->kinds, g_strfreev);
  rule->only_if = get_list (file, group, "OnlyIf");
  rule->not_if = get_list (file, group, "NotIf");
  rule->completed_by = get_list (file, group, "CompletedBy");
  return check_kinds (group, rule->kinds, error)
      && check_event_types (self, group, "OnlyIf", rule->only_if, error)
      && check_event_types (self, group, "NotIf", rule->not_if, error)
      && check_event_types (self, group, "CompletedBy", rule->completed_by, error);
}

static gboolean
read_rule_period (GKeyFile *file, const char *group, IpdRule *rule, GError **error)
{
  if (!get_int (file, group, "Period", TRUE, 0, 1200, &rule->period, error)
      || !read_unit (file, group, &rule->unit, error)
      || !get_boolean (file, group, "PeriodFromEvent", FALSE, &rule->period_from_event, error)
      || !get_boolean (file, group, "ClampEndOfMonth", TRUE, &rule->clamp_end_of_month, error)
      || !get_boolean (file, group, "RollToWorkingDay", FALSE, &rule->roll_to_working_day, error))
    return FALSE;
  if (rule->period_from_event && rule->unit != IPD_PERIOD_MONTHS)
    return fail (error, group, "Unit",
                 _("a period taken from the event (PeriodFromEvent) is counted in months"));
  if (rule->period_from_event && g_str_equal (rule->trigger, IPD_RULE_TRIGGER_EXPIRY))
    return fail (error, group, "PeriodFromEvent",
                 _("a rule triggered by the expiry has no event to take a period from"));
  return TRUE;
}

/* The renewal window and grace, only for rules triggered by the expiry. */
static gboolean
read_rule_expiry (GKeyFile *file, const char *group, IpdRule *rule, GError **error)
{
  static const char * const keys[] = { "WindowMonths", "GraceMonths",
                                       "SurchargePercentPerMonth", "GraceRollsToWorkingDay", NULL };

  if (!g_str_equal (rule->trigger, IPD_RULE_TRIGGER_EXPIRY))
    {
      for (guint i = 0; keys[i] != NULL; i++)
        if (g_key_file_has_key (file, group, keys[i], NULL))
          return fail (error, group, keys[i],
                       _("only a rule triggered by the expiry (Trigger=expiry) has a renewal window or grace"));
      return TRUE;
    }
  return get_int (file, group, "WindowMonths", FALSE, 0, 120, &rule->window_months, error)
      && get_int (file, group, "GraceMonths", FALSE, 0, 120, &rule->grace_months, error)
      && get_int (file, group, "SurchargePercentPerMonth", FALSE, 0, 1000,
                  &rule->surcharge_percent_per_month, error)
      && get_boolean (file, group, "GraceRollsToWorkingDay", FALSE,
                      &rule->grace_roll_to_working_day, error);
}

static IpdRule *
read_rule (IpdProcedure *self, GKeyFile *file, const char *group, GError **error)
{
  static const char * const allowed[] = {
    "Title", "Citation", "Verify", "Kinds", "Trigger", "Period", "Unit", "PeriodFromEvent",
    "ClampEndOfMonth", "RollToWorkingDay", "OnlyIf", "NotIf", "CompletedBy", "Role", "Enabled",
    "WindowMonths", "GraceMonths", "SurchargePercentPerMonth", "GraceRollsToWorkingDay", NULL
  };
  g_autoptr(IpdRule) rule = g_new0 (IpdRule, 1);

  if (!read_rule_name (rule, group, error)
      || !check_keys (file, group, allowed, error)
      || !read_rule_texts (self, file, group, rule, error)
      || !read_rule_period (file, group, rule, error)
      || !read_rule_expiry (file, group, rule, error)
      || !read_role (file, group, rule, error)
      || !get_boolean (file, group, "Verify", FALSE, &rule->verify, error)
      || !get_boolean (file, group, "Enabled", TRUE, &rule->enabled, error))
    return NULL;
  return g_steal_pointer (&rule);
}

/* ------------------------------------------------------------------ */
/* The whole file                                                       */

/* GKeyFile merges two groups of the same name without a word: two
 * versions of a rule given the same date would silently become one. */
static gboolean
check_unique_groups (const char *data, gsize length, GError **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *text = g_strndup (data, length);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *end = strrchr (line, ']');

      if (line[0] != '[' || end == NULL)
        continue;
      *end = '\0';
      if (!g_hash_table_add (seen, g_strdup (line + 1)))
        return fail (error, line + 1, NULL, _("appears twice"));
    }
  return TRUE;
}

static int
compare_rules (gconstpointer a, gconstpointer b)
{
  const IpdRule *x = *(IpdRule * const *) a;
  const IpdRule *y = *(IpdRule * const *) b;
  int by_id = strcmp (x->id, y->id);

  return by_id ? by_id : strcmp (x->effective_from, y->effective_from);
}

/* The versions of one rule are all counted from an event or all from the
 * expiry: a rule cannot change what it is about, only its terms. */
static gboolean
check_versions (IpdProcedure *self, GError **error)
{
  for (guint i = 1; i < self->rules->len; i++)
    {
      const IpdRule *before = g_ptr_array_index (self->rules, i - 1);
      const IpdRule *rule = g_ptr_array_index (self->rules, i);
      g_autofree char *group = NULL;

      if (!g_str_equal (before->id, rule->id)
          || g_str_equal (before->trigger, IPD_RULE_TRIGGER_EXPIRY)
             == g_str_equal (rule->trigger, IPD_RULE_TRIGGER_EXPIRY))
        continue;
      group = g_strdup_printf (RULE_PREFIX "%s %s", rule->id, rule->effective_from);
      return fail (error, group, "Trigger",
                   /* Translators: %s is a date; "expiry" is a word of the file */
                   _("the version in force before (from %s) and this one must both be triggered "
                     "by the expiry, or both by an event"), before->effective_from);
    }
  return TRUE;
}

/* Each kind has at most one term. */
static gboolean
check_terms (IpdProcedure *self, GError **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->terms->len; i++)
    {
      IpdProtectionTerm *term = g_ptr_array_index (self->terms, i);
      g_autofree char *group = g_strconcat (TERM_PREFIX, term->id, NULL);

      for (guint k = 0; term->kinds[k] != NULL; k++)
        if (!g_hash_table_add (seen, term->kinds[k]))
          return fail (error, group, "Kinds",
                       /* Translators: %s is a kind code */
                       _("the kind “%s” already has a term"), term->kinds[k]);
    }
  return TRUE;
}

static gboolean
read_groups (IpdProcedure *self, GKeyFile *file, GError **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (file, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];

      if (g_str_equal (group, PROCEDURE_GROUP))
        continue;
      if (g_str_has_prefix (group, RULE_PREFIX))
        {
          IpdRule *rule = read_rule (self, file, group, error);
          if (rule == NULL)
            return FALSE;
          g_ptr_array_add (self->rules, rule);
        }
      else if (g_str_has_prefix (group, TERM_PREFIX))
        {
          IpdProtectionTerm *term = read_term (self, file, group, error);
          if (term == NULL)
            return FALSE;
          g_ptr_array_add (self->terms, term);
        }
      else
        return fail (error, group, NULL,
                     _("unknown group (groups are [Procedure], [Term …] and [Rule …])"));
    }
  if (self->rules->len == 0)
    return fail (error, PROCEDURE_GROUP, NULL, _("the file has no [Rule …] group"));
  g_ptr_array_sort (self->rules, compare_rules);
  return check_versions (self, error) && check_terms (self, error);
}

/* Parses and checks a whole procedure file held in memory. */
IpdProcedure *
ipd_procedure_new_from_data (const char *data, gsize length, GError **error)
{
  g_autoptr(IpdProcedure) self = g_object_new (IPD_TYPE_PROCEDURE, NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                   _("Procedure file: the text is not UTF-8"));
      return NULL;
    }
  if (!g_key_file_load_from_data (file, data, length, G_KEY_FILE_NONE, &local))
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                   /* Translators: %s is the parser's message, naming the line */
                   _("Procedure file: %s"), local->message);
      return NULL;
    }
  if (!check_unique_groups (data, length, error)
      || !read_header (self, file, error)
      || !read_groups (self, file, error))
    return NULL;

  self->checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  return g_steal_pointer (&self);
}

IpdProcedure *
ipd_procedure_new_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (ipd_core_get_resource (), PROCEDURE_RESOURCE,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  gsize length;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return ipd_procedure_new_from_data (data, length, error);
}

IpdProcedure *
ipd_procedure_new_from_file (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  IpdProcedure *self;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_IO, "%s", local->message);
      return NULL;
    }
  self = ipd_procedure_new_from_data (data, length, error);
  if (self == NULL)
    g_prefix_error (error, "%s: ", path);
  return self;
}

/* The user's copy that replaces the built-in rules when it is valid. */
char *
ipd_procedure_get_override_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "ipdossiers", "procedure.ini", NULL);
}

/* The rules in force: @override_path (when it exists and is valid), else the
 * built-in ones. @override_error tells why an existing override was not used. */
IpdProcedure *
ipd_procedure_new_with_override (const char *override_path, GError **override_error)
{
  g_autoptr(GError) local = NULL;
  IpdProcedure *self = NULL;

  if (override_path != NULL && g_file_test (override_path, G_FILE_TEST_EXISTS))
    {
      self = ipd_procedure_new_from_file (override_path, override_error);
      if (self != NULL)
        return self;
    }
  self = ipd_procedure_new_builtin (&local);
  if (self == NULL)
    {
      /* The built-in file is checked by the tests: this is a broken build. */
      g_critical ("the built-in procedure does not load: %s", local->message);
      self = g_object_new (IPD_TYPE_PROCEDURE, NULL);
      self->checksum = g_strdup ("");
    }
  return self;
}

static GMutex default_lock;
static IpdProcedure *default_procedure;
static GError *default_error;

/* The user's override when valid, else the built-in rules; loaded once. */
IpdProcedure *
ipd_procedure_get_default (void)
{
  IpdProcedure *procedure;

  g_mutex_lock (&default_lock);
  if (default_procedure == NULL)
    {
      g_autofree char *path = ipd_procedure_get_override_path ();

      default_procedure = ipd_procedure_new_with_override (path, &default_error);
      if (default_error != NULL)
        g_warning ("%s; the built-in rules are used", default_error->message);
    }
  procedure = default_procedure;
  g_mutex_unlock (&default_lock);
  return procedure;
}

/* Why the user's override was not used by ipd_procedure_get_default(), or NULL. */
const GError *
ipd_procedure_get_default_error (void)
{
  ipd_procedure_get_default ();
  return default_error;
}

GPtrArray *
ipd_procedure_get_rules (IpdProcedure *self)
{
  g_return_val_if_fail (IPD_IS_PROCEDURE (self), NULL);
  return self->rules;
}

const char *
ipd_procedure_get_checksum (IpdProcedure *self)
{
  g_return_val_if_fail (IPD_IS_PROCEDURE (self), NULL);
  return self->checksum;
}

GPtrArray *
ipd_procedure_get_terms (IpdProcedure *self)
{
  g_return_val_if_fail (IPD_IS_PROCEDURE (self), NULL);
  return self->terms;
}

const char * const *
ipd_procedure_get_event_types (IpdProcedure *self)
{
  g_return_val_if_fail (IPD_IS_PROCEDURE (self), NULL);
  return (const char * const *) self->event_types;
}

const IpdProtectionTerm *
ipd_procedure_find_term (IpdProcedure *self, const char *kind)
{
  g_return_val_if_fail (IPD_IS_PROCEDURE (self), NULL);

  for (guint i = 0; kind != NULL && i < self->terms->len; i++)
    {
      const IpdProtectionTerm *term = g_ptr_array_index (self->terms, i);
      if (g_strv_contains ((const char * const *) term->kinds, kind))
        return term;
    }
  return NULL;
}

/* The version of rule @id in force on @date (YYYY-MM-DD): the latest
 * effective_from not after it. NULL before the first version. */
const IpdRule *
ipd_procedure_find_rule (IpdProcedure *self, const char *id, const char *date)
{
  const IpdRule *found = NULL;

  g_return_val_if_fail (IPD_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (id != NULL && date != NULL, NULL);

  for (guint i = 0; i < self->rules->len; i++)
    {
      const IpdRule *rule = g_ptr_array_index (self->rules, i);
      if (g_str_equal (rule->id, id) && strcmp (rule->effective_from, date) <= 0)
        found = rule;   /* sorted by date: the last one wins */
    }
  return found;
}
