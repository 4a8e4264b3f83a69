/* ipd-audit-text.c — the audit log's entries in the officer's words
 *
 * The log keeps column names and raw values as JSON; the history on the
 * dossier page shows the field's label and the value as the rest of the
 * page writes it ("Status: Filed → Published", dates dd/mm/yyyy).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-audit-text"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ipd-amount.h"
#include "ipd-audit-text.h"
#include "ipd-date.h"
#include "ipd-vocabulary.h"

typedef enum { PLAIN, DATE, AMOUNT, KIND, STATUS, YES_NO, HIDDEN } ValueStyle;

typedef struct {
  const char *column;
  const char *label;
  ValueStyle  style;
} Column;

/* The dossier's columns as the page labels them; a column missing here is
 * shown by its name. */
static const Column columns[] = {
  { "reference",           N_("Reference"),            PLAIN },
  { "kind",                N_("Kind"),                 KIND },
  { "name",                N_("Name"),                 PLAIN },
  { "aliases",             N_("Other spellings"),      PLAIN },
  { "status",              N_("Status"),               STATUS },
  { "app_number",          N_("Application number"),   PLAIN },
  { "app_number_override", N_("Number accepted as written"), YES_NO },
  { "filing_date",         N_("Filing date"),          DATE },
  { "priority_country",    N_("Priority country"),     PLAIN },
  { "priority_number",     N_("Priority number"),      PLAIN },
  { "priority_date",       N_("Priority date"),        DATE },
  { "decision_number",     N_("Decision"),             PLAIN },
  { "decision_date",       N_("Decision date"),        DATE },
  { "certificate_number",  N_("Certificate"),          PLAIN },
  { "grant_date",          N_("Grant date"),           DATE },
  { "expiry_date",         N_("Expiry date"),          DATE },
  { "officer",             N_("Officer"),              PLAIN },
  { "programme",           N_("Support programme"),    PLAIN },
  { "support_amount",      N_("Support amount"),       AMOUNT },
  { "internal_note",       N_("Internal note"),        PLAIN },
  { "public_note",         N_("Public note"),          PLAIN },
  { "vienna_codes",        N_("Vienna codes"),         PLAIN },
  { "colour_claim",        N_("Colour claim"),      PLAIN },
  { "mark_image_sha256",   N_("Mark sample"),          HIDDEN },
  { "regulation_ref",      N_("Regulation on use"),    PLAIN },
  { "foreign_protection",  N_("Foreign protection"),    PLAIN },
  { "deleted_at",          N_("Moved to the trash"),   HIDDEN },
  { "created_at",          NULL,                       HIDDEN },
  { "updated_at",          NULL,                       HIDDEN },
};

static const Column *
find_column (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_str_equal (columns[i].column, name))
      return &columns[i];
  return NULL;
}

static char *
value_text (const Column *column, JsonNode *node)
{
  if (node == NULL || json_node_is_null (node))
    return g_strdup ("—");
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 number = json_node_get_int (node);

      if (column && column->style == AMOUNT)
        return ipd_amount_format (number);
      if (column && column->style == YES_NO)
        return g_strdup (number ? _("yes") : _("no"));
      return g_strdup_printf ("%" G_GINT64_FORMAT, number);
    }
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return json_to_string (node, FALSE);

  switch (column ? column->style : PLAIN)
    {
    case DATE:   return ipd_date_format (json_node_get_string (node));
    case KIND:   return g_strdup (ipd_vocabulary_label (IPD_VOCAB_KIND, json_node_get_string (node)));
    case STATUS: return g_strdup (ipd_vocabulary_label (IPD_VOCAB_STATUS, json_node_get_string (node)));
    default:     return g_strdup (json_node_get_string (node));
    }
}

static JsonObject *
parse_object (JsonParser *parser, const char *json)
{
  JsonNode *root;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

static void
describe_field (GString *text, const char *name, JsonNode *before, JsonNode *after)
{
  const Column *column = find_column (name);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (column && column->style == HIDDEN && column->label == NULL)
    return;
  if (text->len > 0)
    g_string_append (text, "\n");
  if (column && column->style == HIDDEN)
    {
      g_string_append (text, _(column->label));
      return;
    }
  a = value_text (column, before);
  b = value_text (column, after);
  /* Translators: a field, its value before and after a change */
  g_string_append_printf (text, _("%s: %s → %s"), column ? _(column->label) : name, a, b);
}

/**
 * ipd_audit_text_describe:
 *
 * What an update changed, one field a line ("Status: Filed → Published");
 * an empty string for other entries.
 *
 * Returns: (transfer full): the text
 */
char *
ipd_audit_text_describe (const IpdAuditEntry *entry)
{
  g_autoptr(JsonParser) old_parser = json_parser_new ();
  g_autoptr(JsonParser) new_parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GList) names = NULL;
  JsonObject *old_values, *new_values;

  if (g_strcmp0 (entry->action, "update") != 0)
    return g_strdup ("");
  old_values = parse_object (old_parser, entry->old_values);
  new_values = parse_object (new_parser, entry->new_values);
  if (new_values == NULL)
    return g_strdup ("");
  names = json_object_get_members (new_values);
  for (GList *l = names; l; l = l->next)
    describe_field (text, l->data,
                    old_values ? json_object_get_member (old_values, l->data) : NULL,
                    json_object_get_member (new_values, l->data));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * ipd_audit_text_title:
 *
 * When, what and who: "12/03/2026 09:41 — Changed by thao".
 *
 * Returns: (transfer full): the text
 */
char *
ipd_audit_text_title (const IpdAuditEntry *entry)
{
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (entry->at, NULL);
  g_autoptr(GDateTime) local = at ? g_date_time_to_local (at) : NULL;
  g_autofree char *when = local ? g_date_time_format (local, "%d/%m/%Y %H:%M") : g_strdup (entry->at);
  const char *what = g_str_equal (entry->action, "insert") ? _("Created")
                   : g_str_equal (entry->action, "delete") ? _("Deleted") : _("Changed");

  /* Translators: a date and time, what happened, and the user who did it */
  return g_strdup_printf (_("%s — %s by %s"), when, what, entry->os_user);
}
