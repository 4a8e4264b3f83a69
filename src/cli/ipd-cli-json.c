/* ipd-cli-json.c — dossiers as JSON and as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-amount.h"
#include "ipd-cli.h"
#include "ipd-date.h"
#include "ipd-vocabulary.h"

static void
add_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder, const char *name, gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_string_array (JsonBuilder *builder, const char *name, GPtrArray *strings)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

static void
add_classes (JsonBuilder *builder, IpdDossier *d)
{
  json_builder_set_member_name (builder, "classes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < d->classes->len; i++)
    {
      IpdNiceClass *item = g_ptr_array_index (d->classes, i);
      json_builder_begin_object (builder);
      add_int (builder, "number", item->number);
      add_string (builder, "goods", item->goods);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_characteristics (JsonBuilder *builder, IpdDossier *d)
{
  json_builder_set_member_name (builder, "characteristics");
  json_builder_begin_array (builder);
  for (guint i = 0; i < d->characteristics->len; i++)
    {
      IpdCharacteristic *item = g_ptr_array_index (d->characteristics, i);
      json_builder_begin_object (builder);
      add_string (builder, "product", item->product);
      add_string (builder, "indicator", item->indicator);
      add_string (builder, "value", item->value);
      add_string (builder, "unit", item->unit);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_area (JsonBuilder *builder, IpdDossier *d)
{
  json_builder_set_member_name (builder, "area");
  json_builder_begin_array (builder);
  for (guint i = 0; i < d->area->len; i++)
    {
      IpdAreaUnit *item = g_ptr_array_index (d->area, i);
      json_builder_begin_object (builder);
      add_string (builder, "as_written", item->as_written);
      add_string (builder, "commune", item->commune);
      add_string (builder, "province", item->province);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_parties (JsonBuilder *builder, IpdDossier *d)
{
  json_builder_set_member_name (builder, "parties");
  json_builder_begin_array (builder);
  for (guint i = 0; i < d->parties->len; i++)
    {
      IpdDossierParty *item = g_ptr_array_index (d->parties, i);
      json_builder_begin_object (builder);
      add_int (builder, "party_id", item->party_id);
      add_string (builder, "role", item->role);
      add_string (builder, "name", item->party_name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_events (JsonBuilder *builder, GPtrArray *events)
{
  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < events->len; i++)
    {
      IpdEvent *e = g_ptr_array_index (events, i);
      json_builder_begin_object (builder);
      add_int (builder, "id", e->id);
      add_string (builder, "date", e->date);
      add_string (builder, "type", e->type);
      add_string (builder, "reference", e->reference);
      add_string (builder, "note", e->note);
      add_int (builder, "period_months", e->period_months);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_attachments (JsonBuilder *builder, GPtrArray *attachments)
{
  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < attachments->len; i++)
    {
      IpdAttachment *a = g_ptr_array_index (attachments, i);
      json_builder_begin_object (builder);
      add_int (builder, "id", a->id);
      add_string (builder, "file_name", a->file_name);
      add_string (builder, "mime_type", a->mime_type);
      add_string (builder, "document_type", a->document_type);
      add_string (builder, "number", a->number);
      add_string (builder, "date", a->date);
      add_string (builder, "sha256", a->sha256);
      add_int (builder, "size", a->size);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Dates in JSON are ISO 8601 (YYYY-MM-DD), codes are the register's codes:
 * what a script wants, not what a person reads. */
JsonNode *
ipd_cli_dossier_to_json (IpdStore *store, IpdDossier *d, GPtrArray *events, GPtrArray *attachments)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "id", d->id);
  add_string (builder, "reference", d->reference);
  add_string (builder, "kind", d->kind);
  add_string (builder, "name", d->name);
  add_string_array (builder, "aliases", d->aliases);
  add_string (builder, "status", d->status);
  add_string (builder, "app_number", d->app_number);
  add_string (builder, "filing_date", d->filing_date);
  add_string (builder, "priority_country", d->priority_country);
  add_string (builder, "priority_number", d->priority_number);
  add_string (builder, "priority_date", d->priority_date);
  add_string (builder, "decision_number", d->decision_number);
  add_string (builder, "decision_date", d->decision_date);
  add_string (builder, "certificate_number", d->certificate_number);
  add_string (builder, "grant_date", d->grant_date);
  add_string (builder, "expiry_date", d->expiry_date);
  add_string (builder, "officer", d->officer);
  add_string (builder, "programme", d->programme);
  add_int (builder, "support_amount", d->support_amount);
  add_string (builder, "internal_note", d->internal_note);
  add_string (builder, "public_note", d->public_note);
  add_string (builder, "vienna_codes", d->vienna_codes);
  add_string (builder, "colour_claim", d->colour_claim);
  add_string (builder, "mark_image_sha256", d->mark_image_sha256);
  add_string (builder, "regulation_ref", d->regulation_ref);
  add_string (builder, "foreign_protection", d->foreign_protection);
  add_classes (builder, d);
  add_string_array (builder, "products", d->products);
  add_characteristics (builder, d);
  add_area (builder, d);
  add_parties (builder, d);
  if (events)
    add_events (builder, events);
  if (attachments)
    add_attachments (builder, attachments);
  add_string (builder, "created_at", d->created_at);
  add_string (builder, "updated_at", d->updated_at);
  add_string (builder, "deleted_at", d->deleted_at);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
ipd_cli_summaries_to_json (GPtrArray *summaries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < summaries->len; i++)
    {
      IpdDossierSummary *s = g_ptr_array_index (summaries, i);
      json_builder_begin_object (builder);
      add_int (builder, "id", s->id);
      add_string (builder, "reference", s->reference);
      add_string (builder, "kind", s->kind);
      add_string (builder, "name", s->name);
      add_string (builder, "applicant", s->applicant);
      add_string (builder, "app_number", s->app_number);
      add_string (builder, "filing_date", s->filing_date);
      add_string (builder, "status", s->status);
      add_string (builder, "certificate_number", s->certificate_number);
      add_string (builder, "next_deadline", s->next_deadline);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* Days from @today to @iso (negative: past). */
static int
days_from (const char *today, const char *iso)
{
  g_autoptr(GDate) from = ipd_date_to_gdate (today);
  g_autoptr(GDate) to = ipd_date_to_gdate (iso);

  if (from == NULL || to == NULL)
    return 0;
  return g_date_days_between (from, to);
}

/* An agenda: one object per task, with its dossier. Titles and citations
 * are the procedure's (English) texts, as stored: stable for scripts. */
JsonNode *
ipd_cli_tasks_to_json (GPtrArray *tasks, const char *today)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < tasks->len; i++)
    {
      IpdTask *t = g_ptr_array_index (tasks, i);
      json_builder_begin_object (builder);
      add_int (builder, "id", t->id);
      add_int (builder, "dossier_id", t->dossier_id);
      add_string (builder, "reference", t->reference);
      add_string (builder, "name", t->name);
      add_string (builder, "kind", t->kind);
      add_string (builder, "officer", t->officer);
      add_string (builder, "rule_id", t->rule_id);
      add_string (builder, "trigger_key", t->trigger_key);
      add_string (builder, "role", t->role);
      add_string (builder, "title", t->title);
      add_string (builder, "citation", t->citation);
      add_string (builder, "state", ipd_task_state_to_string (t->state));
      add_string (builder, "trigger_date", t->trigger_date);
      add_string (builder, "due_date", t->due_date);
      add_int (builder, "days_left", days_from (today, t->due_date));
      add_string (builder, "window_from", t->window_from);
      add_string (builder, "grace_until", t->grace_until);
      add_int (builder, "surcharge_percent_per_month", t->surcharge_percent_per_month);
      add_string (builder, "completed_by", t->completed_by);
      add_string (builder, "done_date", t->done_date);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* Text ------------------------------------------------------------------------- */

/* printf's widths count bytes; Vietnamese letters take two or three. */
static void
append_padded (GString *line, const char *text, glong width)
{
  glong length = g_utf8_strlen (text ? text : "", -1);

  g_string_append (line, text ? text : "");
  for (glong i = length; i < width + 1; i++)
    g_string_append_c (line, ' ');
}


static void
print_field (const char *label, const char *value)
{
  g_autoptr(GString) line = NULL;

  if (value == NULL || *value == '\0')
    return;
  line = g_string_new ("  ");
  append_padded (line, label, 28);
  g_print ("%s%s\n", line->str, value);
}

static void
print_date (const char *label, const char *iso)
{
  g_autofree char *shown = iso ? ipd_date_format (iso) : NULL;
  print_field (label, shown);
}

static void
print_lists (IpdDossier *d)
{
  for (guint i = 0; i < d->classes->len; i++)
    {
      IpdNiceClass *item = g_ptr_array_index (d->classes, i);
      /* Translators: a Nice class number, then its goods or services */
      g_autofree char *text = g_strdup_printf (_("class %d: %s"), item->number, item->goods ? item->goods : "");
      print_field (i == 0 ? _("Nice classes") : "", text);
    }
  for (guint i = 0; i < d->products->len; i++)
    print_field (i == 0 ? _("Products") : "", g_ptr_array_index (d->products, i));
  for (guint i = 0; i < d->characteristics->len; i++)
    {
      IpdCharacteristic *item = g_ptr_array_index (d->characteristics, i);
      g_autofree char *text = g_strdup_printf ("%s — %s %s %s", item->product ? item->product : "",
                                               item->indicator, item->value ? item->value : "",
                                               item->unit ? item->unit : "");
      print_field (i == 0 ? _("Characteristics") : "", text);
    }
  for (guint i = 0; i < d->area->len; i++)
    {
      IpdAreaUnit *item = g_ptr_array_index (d->area, i);
      print_field (i == 0 ? _("Area") : "", item->as_written);
    }
  for (guint i = 0; i < d->parties->len; i++)
    {
      IpdDossierParty *item = g_ptr_array_index (d->parties, i);
      g_autofree char *text = g_strdup_printf ("%s (%s)", item->party_name,
                                               ipd_vocabulary_label (IPD_VOCAB_ROLE, item->role));
      print_field (i == 0 ? _("Parties") : "", text);
    }
}

void
ipd_cli_print_dossier (IpdDossier *d, GPtrArray *events, GPtrArray *attachments)
{
  if (d != NULL)
    {
      g_autofree char *amount = d->support_amount ? ipd_amount_format (d->support_amount) : NULL;
      g_autofree char *aliases = NULL;

      g_ptr_array_add (d->aliases, NULL);
      aliases = g_strjoinv ("; ", (char **) d->aliases->pdata);
      g_ptr_array_set_size (d->aliases, d->aliases->len - 1);

      g_print ("%s  %s\n", d->reference, d->name);
      print_field (_("Kind"), ipd_vocabulary_label (IPD_VOCAB_KIND, d->kind));
      print_field (_("Status"), ipd_vocabulary_label (IPD_VOCAB_STATUS, d->status));
      print_field (_("Other spellings"), aliases);
      print_field (_("Application number"), d->app_number);
      print_date (_("Filing date"), d->filing_date);
      print_field (_("Priority"), d->priority_number);
      print_date (_("Priority date"), d->priority_date);
      print_field (_("Decision"), d->decision_number);
      print_date (_("Decision date"), d->decision_date);
      print_field (_("Certificate"), d->certificate_number);
      print_date (_("Grant date"), d->grant_date);
      print_date (_("Expiry date"), d->expiry_date);
      print_field (_("Officer"), d->officer);
      print_field (_("Support programme"), d->programme);
      print_field (_("Support amount (VND)"), amount);
      print_field (_("Regulation on use"), d->regulation_ref);
      print_field (_("Foreign protection"), d->foreign_protection);
      print_lists (d);
      print_field (_("Public note"), d->public_note);
      print_field (_("Internal note"), d->internal_note);
      if (d->deleted_at)
        print_field (_("In the trash since"), d->deleted_at);
    }
  if (events && events->len > 0)
    {
      g_print ("%s\n", _("Events:"));
      for (guint i = 0; i < events->len; i++)
        {
          IpdEvent *e = g_ptr_array_index (events, i);
          g_autofree char *date = ipd_date_format (e->date);
          g_print ("  %s  %s%s%s%s%s\n", date, ipd_vocabulary_label (IPD_VOCAB_EVENT_TYPE, e->type),
                   e->reference ? " — " : "", e->reference ? e->reference : "",
                   e->note ? " — " : "", e->note ? e->note : "");
        }
    }
  if (attachments && attachments->len > 0)
    {
      g_print ("%s\n", _("Documents:"));
      for (guint i = 0; i < attachments->len; i++)
        {
          IpdAttachment *a = g_ptr_array_index (attachments, i);
          g_autofree char *size = g_format_size (a->size);
          g_print ("  %s  %s  %s  %s\n", a->file_name, ipd_vocabulary_label (IPD_VOCAB_DOCUMENT_TYPE, a->document_type),
                   a->mime_type, size);
        }
    }
}

void
ipd_cli_print_summaries (GPtrArray *summaries)
{
  for (guint i = 0; i < summaries->len; i++)
    {
      IpdDossierSummary *s = g_ptr_array_index (summaries, i);
      g_autofree char *date = s->filing_date ? ipd_date_format (s->filing_date) : NULL;
      g_autoptr(GString) line = g_string_new (NULL);

      append_padded (line, s->reference, 14);
      append_padded (line, ipd_vocabulary_label (IPD_VOCAB_KIND, s->kind), 24);
      append_padded (line, s->name, 36);
      append_padded (line, s->app_number, 13);
      append_padded (line, date, 10);
      g_string_append (line, ipd_vocabulary_label (IPD_VOCAB_STATUS, s->status));
      g_print ("%s\n", line->str);
    }
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u dossier\n", "%u dossiers\n", summaries->len), summaries->len);
}

static char *
days_left_text (int days)
{
  if (days == 0)
    return g_strdup (_("today"));
  if (days < 0)
    /* Translators: how late a task is */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day late", "%d days late", -days), -days);
  /* Translators: how long until a task is due */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day", "in %d days", days), days);
}

/* One line per task: due date, days left, dossier, task, citation. */
void
ipd_cli_print_tasks (GPtrArray *tasks, const char *today)
{
  for (guint i = 0; i < tasks->len; i++)
    {
      IpdTask *t = g_ptr_array_index (tasks, i);
      g_autofree char *date = ipd_date_format (t->due_date);
      g_autofree char *left = days_left_text (days_from (today, t->due_date));
      g_autoptr(GString) line = g_string_new (NULL);

      append_padded (line, date, 10);
      append_padded (line, left, 14);
      append_padded (line, t->reference, 14);
      g_string_append_printf (line, "%s — %s", t->name, g_dgettext (GETTEXT_PACKAGE, t->title));
      if (t->citation)
        g_string_append_printf (line, " (%s)", g_dgettext (GETTEXT_PACKAGE, t->citation));
      g_print ("%s\n", line->str);
    }
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u task\n", "%u tasks\n", tasks->len), tasks->len);
}
