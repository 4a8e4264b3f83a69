/* ipd-dossier-editor.c — the form that creates and edits a dossier
 *
 * Rows are made from a table of fields, so the form, the copy into the
 * dossier and the inline messages stay in step. Nothing is written until
 * Save; the store then validates everything and saves all of it or none,
 * and each problem is shown on its own field.
 *
 * Parties are a list of their own: each is picked from the register or
 * described anew in an IpdPartyDialog, and created (or its edited details
 * saved) with the dossier, in the same transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-dossier-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stddef.h>

#include "ipd-gui.h"
#include "ipd-amount.h"
#include "ipd-date.h"
#include "ipd-dossier-editor.h"
#include "ipd-error.h"
#include "ipd-party-dialog.h"
#include "ipd-text.h"
#include "ipd-vocabulary.h"

typedef enum {
  FOR_ALL   = 0,
  FOR_MARKS = 1,   /* trademarks, collective and certification marks */
  FOR_GI    = 2,
} FieldScope;

typedef enum {
  TEXT,            /* a char* member of IpdDossier */
  DATE,            /* the same, shown dd/mm/yyyy */
  AMOUNT,
  LINES,           /* a list, one item per line */
} FieldType;

typedef struct {
  const char *id;        /* the IpdProblem field it answers to */
  const char *title;     /* English msgid */
  FieldType   type;
  FieldScope  scope;
  gssize      offset;    /* of the char* member, or -1 */
} Field;

#define MEMBER(m) offsetof (IpdDossier, m)

/* The fields before it go above the parties, the rest below. */
#define FIRST_FIELD_BELOW_PARTIES "app_number"

static const Field fields[] = {
  { "name",               N_("Name"),                          TEXT,   FOR_ALL,   MEMBER (name) },
  { "aliases",            N_("Other spellings (one per line)"),LINES,  FOR_ALL,   -1 },
  { "app_number",         N_("Application number"),            TEXT,   FOR_ALL,   MEMBER (app_number) },
  { "filing_date",        N_("Filing date"),                   DATE,   FOR_ALL,   MEMBER (filing_date) },
  { "priority_country",   N_("Priority country"),              TEXT,   FOR_MARKS, MEMBER (priority_country) },
  { "priority_number",    N_("Priority number"),               TEXT,   FOR_MARKS, MEMBER (priority_number) },
  { "priority_date",      N_("Priority date"),                 DATE,   FOR_MARKS, MEMBER (priority_date) },
  { "decision_number",    N_("Decision"),                      TEXT,   FOR_ALL,   MEMBER (decision_number) },
  { "decision_date",      N_("Decision date"),                 DATE,   FOR_ALL,   MEMBER (decision_date) },
  { "certificate_number", N_("Certificate"),                   TEXT,   FOR_ALL,   MEMBER (certificate_number) },
  { "grant_date",         N_("Grant date"),                    DATE,   FOR_ALL,   MEMBER (grant_date) },
  { "officer",            N_("Officer"),                       TEXT,   FOR_ALL,   MEMBER (officer) },
  { "programme",          N_("Support programme"),             TEXT,   FOR_ALL,   MEMBER (programme) },
  { "support_amount",     N_("Support amount (đồng)"),         AMOUNT, FOR_ALL,   -1 },
  { "classes",            N_("Nice classes (one per line: 30: goods)"), LINES, FOR_MARKS, -1 },
  { "vienna_codes",       N_("Vienna codes"),                  TEXT,   FOR_MARKS, MEMBER (vienna_codes) },
  { "colour_claim",       N_("Colour claim"),                  TEXT,   FOR_MARKS, MEMBER (colour_claim) },
  { "regulation_ref",     N_("Regulation on use"),             TEXT,   FOR_MARKS, MEMBER (regulation_ref) },
  { "products",           N_("Products (one per line)"),       LINES,  FOR_GI,    -1 },
  { "characteristics",    N_("Characteristics (product; indicator; value; unit)"), LINES, FOR_GI, -1 },
  { "area",               N_("Area (one unit per line, as written)"), LINES, FOR_GI, -1 },
  { "foreign_protection", N_("Foreign protection"),            TEXT,   FOR_GI,    MEMBER (foreign_protection) },
  { "public_note",        N_("Public note (a cooperative may be told)"), TEXT, FOR_ALL, MEMBER (public_note) },
  { "internal_note",      N_("Internal note"),                 TEXT,   FOR_ALL,   MEMBER (internal_note) },
};

/* A party of the dossier as the form holds it until Save. Roles of one
 * party share its IpdParty. */
typedef struct {
  char     *role;
  IpdParty *party;    /* the details shown; id 0 for a party created on saving */
  IpdParty *stored;   /* (nullable): the register's details, to tell an edit */
} EditorParty;

static void
editor_party_free (gpointer data)
{
  EditorParty *entry = data;

  g_free (entry->role);
  g_clear_pointer (&entry->party, ipd_party_unref);
  g_clear_pointer (&entry->stored, ipd_party_unref);
  g_free (entry);
}

static EditorParty *
editor_party_new (const char *role, IpdParty *party, IpdParty *stored)
{
  EditorParty *entry = g_new0 (EditorParty, 1);

  entry->role = g_strdup (role);
  entry->party = ipd_party_ref (party);
  entry->stored = stored ? ipd_party_ref (stored) : NULL;
  return entry;
}

static gboolean
editor_party_edited (EditorParty *entry)
{
  return entry->party->id != 0 && entry->stored != NULL && !ipd_party_equal (entry->stored, entry->party);
}

struct _IpdDossierEditor
{
  GtkWidget    parent_instance;

  GtkBox      *form;
  AdwComboRow *kind_row;
  GtkLabel    *problems_label;
  AdwActionRow *image_row;
  AdwPreferencesGroup *parties_group;
  GtkListBox  *parties_list;
  GtkLabel    *parties_problem;

  IpdStore    *store;
  IpdDossier  *dossier;          /* the copy being edited */
  GtkWidget   *rows[G_N_ELEMENTS (fields)];   /* AdwEntryRow, or GtkTextView for LINES */
  GHashTable  *problems;         /* field id → message */
  GBytes      *new_image;        /* a mark sample chosen in this edit, not saved yet */
  GPtrArray   *parties;          /* EditorParty, in the dossier's order */
  gboolean     dirty;
  gboolean     filling;          /* the form is being filled: not the officer's changes */
};

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IpdDossierEditor, ipd_dossier_editor, GTK_TYPE_WIDGET)

/* The kinds, in the vocabulary's order, for the combo row. */
static const char *
kind_at (guint position)
{
  guint n_kinds;
  const IpdTerm *kinds = ipd_vocabulary_terms (IPD_VOCAB_KIND, &n_kinds);
  return position < n_kinds ? kinds[position].code : IPD_KIND_TRADEMARK;
}

static guint
kind_position (const char *code)
{
  guint n_kinds;
  const IpdTerm *kinds = ipd_vocabulary_terms (IPD_VOCAB_KIND, &n_kinds);

  for (guint i = 0; i < n_kinds; i++)
    if (g_strcmp0 (kinds[i].code, code) == 0)
      return i;
  return 0;
}

static gboolean
field_applies (const Field *field, const char *kind)
{
  gboolean gi = g_strcmp0 (kind, IPD_KIND_GI) == 0;

  return field->scope == FOR_ALL || (field->scope == FOR_GI) == gi;
}

static char **
member (IpdDossier *d, const Field *field)
{
  return (char **) ((guint8 *) d + field->offset);
}

/* Reading and writing the rows -------------------------------------------------------- */

static char *
row_text (IpdDossierEditor *self, guint i)
{
  if (fields[i].type == LINES)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->rows[i]));
      GtkTextIter start, end;
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[i])));
}

static void
set_row_text (IpdDossierEditor *self, guint i, const char *text)
{
  if (fields[i].type == LINES)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->rows[i])), text ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), text ? text : "");
}

static char *
join_strings (GPtrArray *strings)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < strings->len; i++)
    g_string_append_printf (text, "%s%s", i ? "\n" : "", (const char *) g_ptr_array_index (strings, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* How a list field reads in its text box. */
static char *
list_text (IpdDossier *d, const char *id)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (g_str_equal (id, "aliases"))
    return join_strings (d->aliases);
  if (g_str_equal (id, "products"))
    return join_strings (d->products);
  if (g_str_equal (id, "classes"))
    for (guint i = 0; i < d->classes->len; i++)
      {
        IpdNiceClass *c = g_ptr_array_index (d->classes, i);
        g_string_append_printf (text, "%s%d: %s", i ? "\n" : "", c->number, c->goods ? c->goods : "");
      }
  if (g_str_equal (id, "characteristics"))
    for (guint i = 0; i < d->characteristics->len; i++)
      {
        IpdCharacteristic *c = g_ptr_array_index (d->characteristics, i);
        g_string_append_printf (text, "%s%s; %s; %s; %s", i ? "\n" : "", c->product ? c->product : "",
                                c->indicator, c->value ? c->value : "", c->unit ? c->unit : "");
      }
  if (g_str_equal (id, "area"))
    for (guint i = 0; i < d->area->len; i++)
      g_string_append_printf (text, "%s%s", i ? "\n" : "", ((IpdAreaUnit *) g_ptr_array_index (d->area, i))->as_written);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
field_text (IpdDossierEditor *self, const Field *field)
{
  IpdDossier *d = self->dossier;

  switch (field->type)
    {
    case TEXT:
      return g_strdup (*member (d, field));
    case DATE:
      return *member (d, field) ? ipd_date_format (*member (d, field)) : NULL;
    case AMOUNT:
      return d->support_amount ? ipd_amount_format (d->support_amount) : NULL;
    case LINES:
    default:
      return list_text (d, field->id);
    }
}

static void
fill_form (IpdDossierEditor *self)
{
  self->filling = TRUE;
  adw_combo_row_set_selected (self->kind_row, kind_position (self->dossier->kind));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = field_text (self, &fields[i]);
      set_row_text (self, i, text);
    }
  self->filling = FALSE;
}

/* Copying the form into the dossier --------------------------------------------------- */

static void
add_problem (IpdDossierEditor *self, const char *field, const char *message)
{
  if (!g_hash_table_contains (self->problems, field))
    g_hash_table_insert (self->problems, g_strdup (field), g_strdup (message));
}

static void
read_list (IpdDossierEditor *self, IpdDossier *d, const char *id, const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        continue;
      if (g_str_equal (id, "aliases"))
        ipd_dossier_add_alias (d, line);
      else if (g_str_equal (id, "products"))
        ipd_dossier_add_product (d, line);
      else if (g_str_equal (id, "area"))
        ipd_dossier_add_area_unit (d, line, NULL, NULL);
      else if (g_str_equal (id, "characteristics"))
        {
          g_auto(GStrv) parts = g_strsplit (line, ";", 4);
          guint n = g_strv_length (parts);
          for (guint k = 0; k < n; k++)
            g_strstrip (parts[k]);
          if (n == 1)
            ipd_dossier_add_characteristic (d, NULL, parts[0], NULL, NULL);
          else
            ipd_dossier_add_characteristic (d, parts[0], parts[1], n > 2 ? parts[2] : NULL, n > 3 ? parts[3] : NULL);
        }
      else if (g_str_equal (id, "classes"))
        {
          char *end = NULL;
          gint64 number = g_ascii_strtoll (line, &end, 10);

          if (end == line)
            {
              /* Translators: %s is the line the officer wrote */
              g_autofree char *message = g_strdup_printf (_("Nice classes: “%s” does not start with a class number"), line);
              add_problem (self, "classes", message);
              continue;
            }
          while (*end == ':' || *end == '=' || *end == ' ' || *end == '.')
            end++;
          ipd_dossier_add_class (d, (int) CLAMP (number, -1, 1000), *end ? end : NULL);
        }
    }
}

/* The form's parties, as the dossier to save holds them: new parties and
 * edited details go with their IpdParty, to be written with the dossier. */
static void
read_parties (IpdDossierEditor *self, IpdDossier *d)
{
  g_ptr_array_set_size (d->parties, 0);
  for (guint i = 0; i < self->parties->len; i++)
    {
      EditorParty *entry = g_ptr_array_index (self->parties, i);

      if (entry->party->id == 0 || editor_party_edited (entry))
        ipd_dossier_add_party_details (d, entry->party, entry->role);
      else
        ipd_dossier_add_party (d, entry->party->id, entry->role, entry->party->name);
    }
}

static IpdDossier *
read_form (IpdDossierEditor *self)
{
  IpdDossier *d = ipd_dossier_copy (self->dossier);

  g_free (d->kind);
  d->kind = g_strdup (kind_at (adw_combo_row_get_selected (self->kind_row)));
  if (self->new_image != NULL && !g_str_equal (d->kind, IPD_KIND_GI))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (self->new_image, &error);

      if (texture == NULL)
        /* Translators: a field's name, then what is wrong with it */
        add_problem (self, "mark_image", _("Mark sample: the file is not a PNG or JPEG image"));
      else
        d->mark_image = g_bytes_ref (self->new_image);
    }
  g_ptr_array_set_size (d->aliases, 0);
  g_ptr_array_set_size (d->classes, 0);
  g_ptr_array_set_size (d->products, 0);
  g_ptr_array_set_size (d->characteristics, 0);
  g_ptr_array_set_size (d->area, 0);
  read_parties (self, d);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = row_text (self, i);

      if (!field_applies (&fields[i], d->kind))
        continue;
      if (fields[i].type == LINES)
        read_list (self, d, fields[i].id, text);
      else if (fields[i].type == AMOUNT)
        {
          g_autoptr(GError) error = NULL;
          d->support_amount = 0;
          if (*g_strstrip (text) != '\0' && !ipd_amount_parse (text, &d->support_amount, &error))
            add_problem (self, fields[i].id, error->message);
        }
      else
        {
          g_free (*member (d, &fields[i]));
          *member (d, &fields[i]) = g_steal_pointer (&text);
        }
    }
  return d;
}

/* Showing problems ------------------------------------------------------------------ */

static void show_problems (IpdDossierEditor *self);

static char *
problems_text (IpdDossierEditor *self)
{
  GString *all = g_string_new (NULL);
  GHashTableIter iter;
  gpointer message;

  g_hash_table_iter_init (&iter, self->problems);
  while (g_hash_table_iter_next (&iter, NULL, &message))
    g_string_append_printf (all, "%s%s", all->len ? "\n" : "", (const char *) message);
  return g_string_free (all, FALSE);
}

static gboolean
fail_with_problems (IpdDossierEditor *self, GError **error)
{
  g_autofree char *text = problems_text (self);

  show_problems (self);
  if (error && *error == NULL)
    g_set_error_literal (error, IPD_ERROR, IPD_ERROR_INVALID, text);
  return FALSE;
}

/* A problem with the parties shows under their list. */
static void
show_party_problems (IpdDossierEditor *self)
{
  const char *message = g_hash_table_lookup (self->problems, "parties");

  gtk_label_set_label (self->parties_problem, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->parties_problem), message != NULL);
  if (message)
    gtk_widget_add_css_class (GTK_WIDGET (self->parties_list), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->parties_list), "error");
}

static void
show_problems (IpdDossierEditor *self)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = fields[i].type == LINES ? gtk_widget_get_parent (self->rows[i]) : self->rows[i];
      const char *message = g_hash_table_lookup (self->problems, fields[i].id);

      if (message)
        {
          gtk_widget_add_css_class (row, "error");
          gtk_widget_set_tooltip_text (row, message);
          g_string_append_printf (all, "%s%s", all->len ? "\n" : "", message);
        }
      else
        {
          gtk_widget_remove_css_class (row, "error");
          gtk_widget_set_tooltip_text (row, NULL);
        }
    }
  for (guint i = 0; i < 3; i++)
    {
      const char *extra = g_hash_table_lookup (self->problems, i == 0 ? "kind" : i == 1 ? "mark_image" : "parties");
      if (extra)
        g_string_append_printf (all, "%s%s", all->len ? "\n" : "", extra);
    }
  show_party_problems (self);
  gtk_label_set_label (self->problems_label, all->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), all->len > 0);
}

static void
update_scopes (IpdDossierEditor *self)
{
  const char *kind = kind_at (adw_combo_row_get_selected (self->kind_row));

  gtk_widget_set_visible (GTK_WIDGET (self->image_row), !g_str_equal (kind, IPD_KIND_GI));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = fields[i].type == LINES ? gtk_widget_get_parent (gtk_widget_get_parent (self->rows[i]))
                                               : self->rows[i];
      gtk_widget_set_visible (row, field_applies (&fields[i], kind));
    }
}

static void
mark_dirty (IpdDossierEditor *self)
{
  if (self->filling)
    return;
  self->dirty = TRUE;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_kind_changed (IpdDossierEditor *self)
{
  if (self->rows[0] == NULL)   /* the kinds are being put in the combo row */
    return;
  update_scopes (self);
  mark_dirty (self);
}

/* Parties ---------------------------------------------------------------------------- */

static GtkWidget *
party_button (const char *icon, const char *label, const char *action, guint index)
{
  GtkWidget *button = ipd_gui_icon_button (icon, label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  return button;
}

/* "Applicant · Cooperative · 6200123456 · xã Tả Lèng, Lai Châu", and
 * whether saving will create the party or change its details. */
static char *
party_subtitle (EditorParty *entry)
{
  g_autofree char *description = ipd_party_describe (entry->party);
  const char *role = ipd_vocabulary_label (IPD_VOCAB_ROLE, entry->role);
  const char *state = entry->party->id == 0 ? _("new party")
                    : editor_party_edited (entry) ? _("details changed")
                    : NULL;
  GString *text = g_string_new (role);

  if (*description)
    g_string_append_printf (text, " · %s", description);
  if (state)
    g_string_append_printf (text, " · %s", state);
  return g_string_free (text, FALSE);
}

static void
show_parties (IpdDossierEditor *self)
{
  GtkListBoxRow *old;

  while ((old = gtk_list_box_get_row_at_index (self->parties_list, 0)) != NULL)
    gtk_list_box_remove (self->parties_list, GTK_WIDGET (old));
  for (guint i = 0; i < self->parties->len; i++)
    {
      EditorParty *entry = g_ptr_array_index (self->parties, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = party_subtitle (entry);
      GtkWidget *edit = party_button ("document-edit-symbolic", _("Edit Party"), "editor.edit-party", i);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->party->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 party_button ("user-trash-symbolic", _("Remove Party"), "editor.remove-party", i));
      /* Enter on the row edits the party */
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);
      gtk_list_box_append (self->parties_list, row);
    }
}

/* The form's parties from the dossier, with the register's details. */
static void
load_parties (IpdDossierEditor *self)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, editor_party_free);

  g_ptr_array_set_size (self->parties, 0);
  for (guint i = 0; i < self->dossier->parties->len; i++)
    {
      IpdDossierParty *item = g_ptr_array_index (self->dossier->parties, i);
      EditorParty *same = item->party_id ? g_hash_table_lookup (by_id, &item->party_id) : NULL;
      g_autoptr(IpdParty) stored = NULL, party = NULL;

      if (same == NULL && item->party_id != 0)
        {
          g_autoptr(GError) error = NULL;

          stored = ipd_store_load_party (self->store, item->party_id, &error);
          if (stored == NULL)
            g_warning ("Party %" G_GINT64_FORMAT ": %s", item->party_id, error->message);
          party = item->party ? ipd_party_copy (item->party)
                : stored ? ipd_party_copy (stored) : ipd_party_new (item->party_name, NULL);
          party->id = item->party_id;
          same = editor_party_new (NULL, party, stored);
          g_hash_table_insert (by_id, &same->party->id, same);
        }
      if (same != NULL)
        g_ptr_array_add (self->parties, editor_party_new (item->role, same->party, same->stored));
      else if (item->party != NULL)
        g_ptr_array_add (self->parties, editor_party_new (item->role, item->party, NULL));
    }
  show_parties (self);
}

/* The dossier's parties that the register does not have yet. */
static GPtrArray *
pending_parties (IpdDossierEditor *self)
{
  GPtrArray *pending = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_party_unref);

  for (guint i = 0; i < self->parties->len; i++)
    {
      EditorParty *entry = g_ptr_array_index (self->parties, i);
      if (entry->party->id == 0 && !g_ptr_array_find (pending, entry->party, NULL))
        g_ptr_array_add (pending, ipd_party_ref (entry->party));
    }
  return pending;
}

static gboolean
has_role (IpdDossierEditor *self, const char *role)
{
  for (guint i = 0; i < self->parties->len; i++)
    if (g_str_equal (((EditorParty *) g_ptr_array_index (self->parties, i))->role, role))
      return TRUE;
  return FALSE;
}

/* The first party of a mark applies for it; a GI's is the organisation
 * that manages it. Others are most often representatives. */
static const char *
default_role (IpdDossierEditor *self)
{
  const char *kind = kind_at (adw_combo_row_get_selected (self->kind_row));
  const char *main_role = g_str_equal (kind, IPD_KIND_GI) ? IPD_ROLE_MANAGING_ORG : IPD_ROLE_APPLICANT;

  return has_role (self, main_role) ? "representative" : main_role;
}

/* One IpdParty per party of the register, however many roles it has:
 * @party's details (from the dialog) go into the one the form holds. */
static EditorParty *
same_party_entry (IpdDossierEditor *self, IpdParty *party)
{
  for (guint i = 0; i < self->parties->len; i++)
    {
      EditorParty *entry = g_ptr_array_index (self->parties, i);
      if (entry->party == party || (party->id != 0 && entry->party->id == party->id))
        return entry;
    }
  return NULL;
}

static void
on_party_chosen (IpdPartyDialog *dialog, IpdDossierEditor *self)
{
  IpdParty *party = ipd_party_dialog_get_party (dialog);
  const char *role = ipd_party_dialog_get_role (dialog);
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "index"));
  EditorParty *same = same_party_entry (self, party);
  g_autoptr(IpdParty) stored = NULL;
  IpdParty *kept;

  if (same != NULL)
    {
      ipd_party_set_details (same->party, party);
      kept = same->party;
      stored = same->stored ? ipd_party_ref (same->stored) : NULL;
    }
  else
    {
      kept = party;
      if (party->id != 0)
        stored = ipd_store_load_party (self->store, party->id, NULL);
    }

  if (index >= 0 && (guint) index < self->parties->len)
    {
      EditorParty *entry = g_ptr_array_index (self->parties, index);
      EditorParty *replacement = editor_party_new (role, kept, stored);
      g_ptr_array_index (self->parties, index) = replacement;
      editor_party_free (entry);
    }
  else
    g_ptr_array_add (self->parties, editor_party_new (role, kept, stored));

  g_hash_table_remove (self->problems, "parties");
  show_parties (self);
  show_party_problems (self);
  mark_dirty (self);
}

static void
open_party_dialog (IpdDossierEditor *self, int index)
{
  IpdPartyDialog *dialog = ipd_party_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store);
  g_autoptr(GPtrArray) pending = pending_parties (self);

  ipd_party_dialog_set_pending (dialog, pending);
  if (index >= 0)
    {
      EditorParty *entry = g_ptr_array_index (self->parties, index);
      ipd_party_dialog_edit (dialog, entry->party, entry->role);
    }
  else
    ipd_party_dialog_set_role (dialog, default_role (self));
  g_object_set_data (G_OBJECT (dialog), "index", GINT_TO_POINTER (index));
  g_signal_connect_object (dialog, "chosen", G_CALLBACK (on_party_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_party_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_party_dialog (IPD_DOSSIER_EDITOR (widget), -1);
}

static void
edit_party_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdDossierEditor *self = IPD_DOSSIER_EDITOR (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (index < self->parties->len)
    open_party_dialog (self, (int) index);
}

static void
remove_party_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdDossierEditor *self = IPD_DOSSIER_EDITOR (widget);
  guint index = g_variant_get_uint32 (parameter);
  GtkListBoxRow *next;

  if (index >= self->parties->len)
    return;
  g_ptr_array_remove_index (self->parties, index);
  g_hash_table_remove (self->problems, "parties");
  show_parties (self);
  show_party_problems (self);
  mark_dirty (self);
  /* the focus stays in the list, not lost with the removed row */
  next = gtk_list_box_get_row_at_index (self->parties_list, MIN (index, self->parties->len ? self->parties->len - 1 : 0));
  gtk_widget_grab_focus (next ? GTK_WIDGET (next) : GTK_WIDGET (self->parties_list));
}

/* Building the form --------------------------------------------------------------- */

static GtkWidget *
text_box (IpdDossierEditor *self, AdwPreferencesGroup *group, const Field *field)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_(field->title));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_widget_set_size_request (view, -1, 64);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _(field->title), -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_widget_set_margin_top (box, 6);
  adw_preferences_group_add (group, box);
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                           G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
  return view;
}

static void
build_form (IpdDossierEditor *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  /* name and other spellings first, then the parties, then the rest */
  gtk_box_insert_child_after (self->form, GTK_WIDGET (group),
                              gtk_widget_get_prev_sibling (GTK_WIDGET (self->parties_group)));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_str_equal (fields[i].id, FIRST_FIELD_BELOW_PARTIES))
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          gtk_box_append (self->form, GTK_WIDGET (group));
        }
      if (fields[i].type == LINES)
        self->rows[i] = text_box (self, group, &fields[i]);
      else
        {
          self->rows[i] = adw_entry_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[i]), _(fields[i].title));
          if (fields[i].type == DATE)
            gtk_widget_set_tooltip_text (self->rows[i], _("dd/mm/yyyy"));
          adw_preferences_group_add (group, self->rows[i]);
          g_signal_connect_object (self->rows[i], "changed", G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
        }
    }
}

static void
build_kind_model (IpdDossierEditor *self)
{
  guint n_kinds;
  const IpdTerm *kinds = ipd_vocabulary_terms (IPD_VOCAB_KIND, &n_kinds);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_kinds; i++)
    gtk_string_list_append (labels, _(kinds[i].label));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));
}

/* Public ------------------------------------------------------------------------------ */

/* Edits a copy of @dossier; a dossier with id 0 is created on saving. */
static void
show_image_state (IpdDossierEditor *self)
{
  const char *state = self->new_image ? _("A new sample will be stored on saving")
                    : self->dossier && self->dossier->mark_image_sha256 ? _("Stored")
                    : _("None");
  adw_action_row_set_subtitle (self->image_row, state);
}

/* Takes @image (PNG or JPEG bytes) as the mark sample to store on saving. */
void
ipd_dossier_editor_set_mark_image (IpdDossierEditor *self, GBytes *image)
{
  g_return_if_fail (IPD_IS_DOSSIER_EDITOR (self));
  g_clear_pointer (&self->new_image, g_bytes_unref);
  self->new_image = image ? g_bytes_ref (image) : NULL;
  show_image_state (self);
  mark_dirty (self);
}

static void
on_image_chosen (GtkNativeDialog *dialog, int response, IpdDossierEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);

      if (bytes == NULL)
        add_problem (self, "mark_image", error->message), show_problems (self);
      else
        ipd_dossier_editor_set_mark_image (self, bytes);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_image_clicked (IpdDossierEditor *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Choose the Mark Sample"),
                                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_image_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
ipd_dossier_editor_edit (IpdDossierEditor *self, IpdStore *store, IpdDossier *dossier)
{
  g_return_if_fail (IPD_IS_DOSSIER_EDITOR (self));
  g_clear_pointer (&self->new_image, g_bytes_unref);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->dossier, ipd_dossier_unref);
  self->dossier = ipd_dossier_copy (dossier);
  g_hash_table_remove_all (self->problems);
  fill_form (self);
  load_parties (self);
  update_scopes (self);
  show_problems (self);
  show_image_state (self);
  self->dirty = FALSE;
}

gboolean
ipd_dossier_editor_is_dirty (IpdDossierEditor *self)
{
  g_return_val_if_fail (IPD_IS_DOSSIER_EDITOR (self), FALSE);
  return self->dirty;
}

/**
 * ipd_dossier_editor_save:
 *
 * Validates the form and saves it. On %IPD_ERROR_INVALID every wrong field
 * shows its message and nothing is saved.
 */
gboolean
ipd_dossier_editor_save (IpdDossierEditor *self, GError **error)
{
  g_autoptr(IpdDossier) d = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  g_return_val_if_fail (IPD_IS_DOSSIER_EDITOR (self), FALSE);
  g_hash_table_remove_all (self->problems);
  d = read_form (self);
  problems = ipd_store_validate_dossier (self->store, d);
  for (guint i = 0; i < problems->len; i++)
    {
      IpdProblem *problem = g_ptr_array_index (problems, i);
      add_problem (self, problem->field, problem->message);
    }
  if (g_hash_table_size (self->problems) > 0)
    return fail_with_problems (self, error);

  /* New parties and edited details are written with the dossier, or nothing is. */
  if (!ipd_store_save_dossier (self->store, d, error))
    {
      show_parties (self);
      return fail_with_problems (self, error);
    }

  g_clear_pointer (&self->dossier, ipd_dossier_unref);
  self->dossier = g_steal_pointer (&d);
  g_clear_pointer (&self->new_image, g_bytes_unref);
  load_parties (self);
  show_problems (self);
  show_image_state (self);
  self->dirty = FALSE;
  return TRUE;
}

IpdDossier *
ipd_dossier_editor_get_dossier (IpdDossierEditor *self)
{
  g_return_val_if_fail (IPD_IS_DOSSIER_EDITOR (self), NULL);
  return self->dossier;
}

/* Types @text into the field @field ("kind" takes a kind code): for tests. */
gboolean
ipd_dossier_editor_set_field (IpdDossierEditor *self, const char *field, const char *text)
{
  g_return_val_if_fail (IPD_IS_DOSSIER_EDITOR (self), FALSE);
  if (g_str_equal (field, "kind"))
    {
      adw_combo_row_set_selected (self->kind_row, kind_position (text));
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].id, field))
      {
        set_row_text (self, i, text);
        return TRUE;
      }
  return FALSE;
}

const char *
ipd_dossier_editor_get_problem (IpdDossierEditor *self, const char *field)
{
  g_return_val_if_fail (IPD_IS_DOSSIER_EDITOR (self), NULL);
  return g_hash_table_lookup (self->problems, field);
}

static void
ipd_dossier_editor_dispose (GObject *object)
{
  IpdDossierEditor *self = IPD_DOSSIER_EDITOR (object);
  GtkWidget *child;

  g_clear_object (&self->store);
  g_clear_pointer (&self->dossier, ipd_dossier_unref);
  g_clear_pointer (&self->problems, g_hash_table_unref);
  g_clear_pointer (&self->new_image, g_bytes_unref);
  g_clear_pointer (&self->parties, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPD_TYPE_DOSSIER_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (ipd_dossier_editor_parent_class)->dispose (object);
}

static void
ipd_dossier_editor_class_init (IpdDossierEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_dossier_editor_dispose;
  /* Emitted when the officer changes something in the form. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  ipd_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipdossiers/IpDossiers/ipd-dossier-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdDossierEditor, form);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierEditor, problems_label);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierEditor, image_row);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierEditor, parties_group);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierEditor, parties_list);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierEditor, parties_problem);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, choose_image_clicked);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "editor.add-party", NULL, add_party_activated);
  gtk_widget_class_install_action (widget_class, "editor.edit-party", "u", edit_party_activated);
  gtk_widget_class_install_action (widget_class, "editor.remove-party", "u", remove_party_activated);
}

static void
ipd_dossier_editor_init (IpdDossierEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->parties = g_ptr_array_new_with_free_func (editor_party_free);
  build_kind_model (self);
  build_form (self);
}
