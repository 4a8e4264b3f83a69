/* ipd-party-dialog.c — picks an existing party or describes a new one, with its role
 *
 * The officer finds a party of the register as they type, or fills in a
 * new one. Nothing is written here: the dialog hands its party to the
 * dossier editor, and the party is created or updated when the dossier is
 * saved, in the same transaction.
 *
 * Duplicates by accident are what this dialog is for avoiding: a new party
 * with the name and tax code of one in the register needs a confirmation,
 * and one with the same name only (or the same tax code only) is pointed
 * out beside the form, to be picked instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-party-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ipd-gui.h"
#include "ipd-party-dialog.h"
#include "ipd-text.h"
#include "ipd-vocabulary.h"

#define MAX_RESULTS 8

struct _IpdPartyDialog
{
  AdwWindow            parent_instance;

  GtkLabel            *error_label;
  AdwComboRow         *role_row;
  AdwPreferencesGroup *search_group;
  GtkSearchEntry      *search_entry;
  GtkListBox          *results_list;
  GtkLabel            *results_label;
  AdwPreferencesGroup *details_group;
  GtkWidget           *new_instead_button;
  AdwEntryRow         *name_row;
  AdwComboRow         *type_row;
  AdwEntryRow         *tax_code_row;
  AdwPreferencesGroup *similar_group;
  GtkListBox          *similar_list;
  AdwEntryRow         *address_row;
  AdwEntryRow         *commune_row;
  AdwEntryRow         *province_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *email_row;
  GtkButton           *add_button;

  IpdStore            *store;
  GPtrArray           *pending;   /* IpdParty: the dossier's new parties, not in the register yet */
  IpdParty            *chosen;    /* the party picked, or NULL while describing a new one */
  IpdParty            *result;
  char                *result_role;
  gboolean             filling;   /* the form is being filled: not the officer's typing */
};

enum { SIGNAL_CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IpdPartyDialog, ipd_party_dialog, ADW_TYPE_WINDOW)

/* Vocabulary in the combo rows --------------------------------------------------------- */

/* The first choice for a code that is not one of the list. */
static guint
code_position (IpdVocabulary vocabulary, const char *code)
{
  guint index = ipd_vocabulary_index (vocabulary, code);

  return index != G_MAXUINT ? index : 0;
}


/**
 * ipd_party_describe:
 *
 * Returns: what tells a party from another of the same name: its type,
 *   tax code and place, as "Cooperative · 6200123456 · xã Tả Lèng, Lai Châu".
 */
char *
ipd_party_describe (const IpdParty *party)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *place = NULL;

  g_return_val_if_fail (party != NULL, NULL);
  if (party->type != NULL)
    g_string_append (text, ipd_vocabulary_label (IPD_VOCAB_PARTY_TYPE, party->type));
  if (!ipd_text_is_blank (party->tax_code))
    g_string_append_printf (text, "%s%s", text->len ? " · " : "", party->tax_code);
  if (!ipd_text_is_blank (party->commune) && !ipd_text_is_blank (party->province))
    place = g_strdup_printf ("%s, %s", party->commune, party->province);
  else if (!ipd_text_is_blank (party->commune) || !ipd_text_is_blank (party->province))
    place = g_strdup (!ipd_text_is_blank (party->commune) ? party->commune : party->province);
  else if (!ipd_text_is_blank (party->address))
    place = g_strdup (party->address);
  if (place != NULL)
    g_string_append_printf (text, "%s%s", text->len ? " · " : "", place);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The form ----------------------------------------------------------------------------- */

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_entry (AdwEntryRow *row, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
fill_form (IpdPartyDialog *self, const IpdParty *party)
{
  /* a new party is most often from the department's own province */
  g_autofree char *home_province = party == NULL && self->store != NULL
                                   ? ipd_store_dup_setting (self->store, IPD_SETTING_AGENCY_PROVINCE) : NULL;

  self->filling = TRUE;
  set_entry (self->name_row, party ? party->name : NULL);
  adw_combo_row_set_selected (self->type_row, code_position (IPD_VOCAB_PARTY_TYPE, party ? party->type : "cooperative"));
  set_entry (self->tax_code_row, party ? party->tax_code : NULL);
  set_entry (self->address_row, party ? party->address : NULL);
  set_entry (self->commune_row, party ? party->commune : NULL);
  set_entry (self->province_row, party ? party->province : home_province);
  set_entry (self->phone_row, party ? party->phone : NULL);
  set_entry (self->email_row, party ? party->email : NULL);
  self->filling = FALSE;
}

static char *
dup_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (entry_text (row));
  ipd_text_tidy (&text);
  return g_steal_pointer (&text);
}

/* The party the form describes; with the chosen party's id, if any. */
static IpdParty *
read_form (IpdPartyDialog *self)
{
  IpdParty *party = ipd_party_new (NULL, ipd_vocabulary_code_at (IPD_VOCAB_PARTY_TYPE, adw_combo_row_get_selected (self->type_row)));

  party->id = self->chosen ? self->chosen->id : 0;
  party->name = dup_text (self->name_row);
  party->tax_code = dup_text (self->tax_code_row);
  party->address = dup_text (self->address_row);
  party->commune = dup_text (self->commune_row);
  party->province = dup_text (self->province_row);
  party->phone = dup_text (self->phone_row);
  party->email = dup_text (self->email_row);
  return party;
}

static void
show_error (IpdPartyDialog *self, const char *message)
{
  ipd_gui_show_error (self->error_label, message);
}

static void
remove_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static gboolean
is_pending (IpdPartyDialog *self, IpdParty *party)
{
  return self->pending != NULL && party->id == 0 && g_ptr_array_find (self->pending, party, NULL);
}

/* A row for @party: its name, and what tells it from others. */
static GtkWidget *
party_row (IpdPartyDialog *self, IpdParty *party)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *description = ipd_party_describe (party);
  g_autofree char *subtitle = NULL;

  if (is_pending (self, party))
    /* Translators: said of a party added to this dossier and not saved yet, then its details */
    subtitle = g_strdup_printf (_("New in this dossier · %s"), description);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), party->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : description);
  g_object_set_data_full (G_OBJECT (row), "party", ipd_party_ref (party), (GDestroyNotify) ipd_party_unref);
  return row;
}

/* Choosing a party ------------------------------------------------------------------- */

static void update_similar (IpdPartyDialog *self);

static void
show_state (IpdPartyDialog *self)
{
  gboolean existing = self->chosen != NULL && self->chosen->id != 0;

  if (self->chosen == NULL)
    {
      adw_preferences_group_set_title (self->details_group, _("New Party"));
      adw_preferences_group_set_description (self->details_group, NULL);
    }
  else
    {
      adw_preferences_group_set_title (self->details_group, _("Party"));
      adw_preferences_group_set_description (self->details_group,
                                             existing ? _("From the register. Changes to these details apply to this party in every dossier.")
                                                      : _("Added to this dossier; saved with it."));
    }
  gtk_widget_set_visible (self->new_instead_button,
                          self->chosen != NULL && gtk_widget_get_visible (GTK_WIDGET (self->search_group)));
  update_similar (self);
}

static void
choose (IpdPartyDialog *self, IpdParty *party)
{
  g_clear_pointer (&self->chosen, ipd_party_unref);
  self->chosen = party ? ipd_party_ref (party) : NULL;
  fill_form (self, party);
  show_error (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->results_label), FALSE);
  show_state (self);
}

static void
on_result_activated (IpdPartyDialog *self, GtkListBoxRow *row)
{
  choose (self, g_object_get_data (G_OBJECT (row), "party"));
  gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
}

static void
on_use_clicked (GtkButton *button, IpdPartyDialog *self)
{
  choose (self, g_object_get_data (G_OBJECT (gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW)), "party"));
  gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
}

/* Whether @text starts @party's name or one of its words, folded. */
static gboolean
pending_matches (IpdParty *party, const char *folded_text)
{
  g_autofree char *name = ipd_text_fold (party->name);
  g_autofree char *word = g_strconcat (" ", folded_text, NULL);

  return g_str_has_prefix (name, folded_text) || strstr (name, word) != NULL;
}

static void
on_search_changed (IpdPartyDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folded = NULL;
  guint shown = 0;

  remove_rows (self->results_list);
  if (ipd_text_is_blank (text))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->results_list), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->results_label), FALSE);
      return;
    }
  folded = g_strstrip (ipd_text_fold (text));
  for (guint i = 0; self->pending && i < self->pending->len; i++)
    if (pending_matches (g_ptr_array_index (self->pending, i), folded))
      {
        gtk_list_box_append (self->results_list, party_row (self, g_ptr_array_index (self->pending, i)));
        shown++;
      }

  found = ipd_store_search_parties (self->store, text, MAX_RESULTS, &error);
  if (found == NULL)
    show_error (self, error->message);
  for (guint i = 0; found && i < found->len; i++)
    {
      gtk_list_box_append (self->results_list, party_row (self, g_ptr_array_index (found, i)));
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->results_list), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->results_label), shown == 0);
}

/* Enter in the search: the first party found; with none, the text becomes
 * the new party's name. */
static void
on_search_activate (IpdPartyDialog *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (first != NULL && gtk_widget_get_visible (GTK_WIDGET (self->results_list)))
    {
      on_result_activated (self, first);
      return;
    }
  if (self->chosen == NULL && ipd_text_is_blank (entry_text (self->name_row)))
    set_entry (self->name_row, text);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* Same name or tax code ------------------------------------------------------------- */

/* Parties of the register and of the dossier with @name or @tax_code. */
static GPtrArray *
similar_parties (IpdPartyDialog *self, const char *name, const char *tax_code)
{
  GPtrArray *similar = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_party_unref);
  g_autoptr(GPtrArray) found = NULL;
  gboolean by_name = !ipd_text_is_blank (name), by_tax_code = !ipd_text_is_blank (tax_code);

  if (!by_name && !by_tax_code)
    return similar;
  for (guint i = 0; self->pending && i < self->pending->len; i++)
    {
      IpdParty *p = g_ptr_array_index (self->pending, i);
      if (p != self->chosen && (ipd_party_same_name (p, name) || ipd_party_same_tax_code (p, tax_code)))
        g_ptr_array_add (similar, ipd_party_ref (p));
    }
  found = ipd_store_find_parties (self->store, by_name ? name : NULL, by_tax_code ? tax_code : NULL, NULL);
  for (guint i = 0; found && i < found->len; i++)
    {
      IpdParty *p = g_ptr_array_index (found, i);
      if ((self->chosen == NULL || p->id != self->chosen->id)
          && (ipd_party_same_name (p, name) || ipd_party_same_tax_code (p, tax_code)))
        g_ptr_array_add (similar, ipd_party_ref (p));
    }
  return similar;
}

static IpdParty *
find_exact (GPtrArray *similar, const char *name, const char *tax_code)
{
  for (guint i = 0; i < similar->len; i++)
    {
      IpdParty *p = g_ptr_array_index (similar, i);
      if (ipd_party_same_name (p, name) && ipd_party_same_tax_code (p, tax_code))
        return p;
    }
  return NULL;
}

/* A gentle hint while a new party is described: the register may have it. */
static void
update_similar (IpdPartyDialog *self)
{
  g_autoptr(GPtrArray) similar = NULL;

  remove_rows (self->similar_list);
  if (self->chosen != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->similar_group), FALSE);
      return;
    }
  similar = similar_parties (self, entry_text (self->name_row), entry_text (self->tax_code_row));
  for (guint i = 0; i < similar->len; i++)
    {
      GtkWidget *row = party_row (self, g_ptr_array_index (similar, i));
      GtkWidget *use = gtk_button_new_with_mnemonic (_("_Use This Party"));

      gtk_widget_set_valign (use, GTK_ALIGN_CENTER);
      g_signal_connect_object (use, "clicked", G_CALLBACK (on_use_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), use);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), use);
      gtk_list_box_append (self->similar_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->similar_group), similar->len > 0);
}

static void
on_identity_changed (IpdPartyDialog *self)
{
  if (!self->filling)
    update_similar (self);
}

/* Finishing ---------------------------------------------------------------------------- */

static void
finish (IpdPartyDialog *self, IpdParty *result)
{
  g_clear_pointer (&self->result, ipd_party_unref);
  self->result = ipd_party_ref (result);
  g_free (self->result_role);
  self->result_role = g_strdup (ipd_vocabulary_code_at (IPD_VOCAB_ROLE, adw_combo_row_get_selected (self->role_row)));
  g_signal_emit (self, signals[SIGNAL_CHOSEN], 0);
  gtk_window_close (GTK_WINDOW (self));
}

/* The form's details as the result: into the chosen party of the dossier
 * itself, or as a party of the register's (changed or not), or a new one. */
static void
finish_with_form (IpdPartyDialog *self)
{
  g_autoptr(IpdParty) details = read_form (self);

  if (self->chosen != NULL && is_pending (self, self->chosen))
    {
      ipd_party_set_details (self->chosen, details);
      finish (self, self->chosen);
    }
  else
    finish (self, details);
}

static gboolean
finish_later (gpointer data)
{
  IpdPartyDialog *self = data;

  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    finish_with_form (self);
  return G_SOURCE_REMOVE;
}

/* The question is answered; the dialog closes once the question is gone
 * (closing it from inside the answer would pull its parent from under it). */
static void
on_duplicate_response (AdwMessageDialog *dialog, const char *response, IpdPartyDialog *self)
{
  IpdParty *existing = g_object_get_data (G_OBJECT (dialog), "party");

  if (g_str_equal (response, "use"))
    choose (self, existing);
  if (g_str_equal (response, "use") || g_str_equal (response, "create"))
    g_idle_add_full (G_PRIORITY_DEFAULT, finish_later, g_object_ref (self), g_object_unref);
}

static void
ask_duplicate (IpdPartyDialog *self, IpdParty *existing)
{
  AdwMessageDialog *dialog;
  g_autofree char *description = ipd_party_describe (existing);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("A party with this name and tax code already exists"), NULL));
  /* Translators: a party's name, then its type, tax code and place */
  adw_message_dialog_format_body (dialog, _("“%s” (%s) is already in the register. Use it for this dossier, or create another party with the same name and tax code?"),
                                  existing->name, description);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "create", _("Create _Another"),
                                    "use", _("_Use the Existing Party"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "use", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "use");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "party", ipd_party_ref (existing), (GDestroyNotify) ipd_party_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_duplicate_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdPartyDialog *self = IPD_PARTY_DIALOG (widget);
  g_autoptr(IpdParty) details = read_form (self);
  g_autofree char *problem = ipd_party_check (details);

  if (problem != NULL)
    {
      show_error (self, problem);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }
  if (self->chosen == NULL)
    {
      g_autoptr(GPtrArray) similar = similar_parties (self, details->name, details->tax_code);
      IpdParty *existing = find_exact (similar, details->name, details->tax_code);

      if (existing != NULL)
        {
          ask_duplicate (self, existing);
          return;
        }
    }
  finish_with_form (self);
}

static void
cancel_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Back from a party of the register to a new one. */
static void
new_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdPartyDialog *self = IPD_PARTY_DIALOG (widget);

  choose (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
on_entry_activated (IpdPartyDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "party.add", NULL);
}

/* Public ----------------------------------------------------------------------------- */

void
ipd_party_dialog_set_role (IpdPartyDialog *self, const char *role)
{
  g_return_if_fail (IPD_IS_PARTY_DIALOG (self));
  adw_combo_row_set_selected (self->role_row, code_position (IPD_VOCAB_ROLE, role));
}

/**
 * ipd_party_dialog_set_pending:
 * @parties: (element-type IpdParty): the dossier's parties that are not in
 *   the register yet
 *
 * They are found and checked for duplicates like the register's.
 */
void
ipd_party_dialog_set_pending (IpdPartyDialog *self, GPtrArray *parties)
{
  g_return_if_fail (IPD_IS_PARTY_DIALOG (self));
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->pending = parties ? g_ptr_array_ref (parties) : NULL;
}

/* Edits @party of the dossier in @role: no search, the details and the role. */
void
ipd_party_dialog_edit (IpdPartyDialog *self, IpdParty *party, const char *role)
{
  g_return_if_fail (IPD_IS_PARTY_DIALOG (self));
  g_return_if_fail (party != NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Party"));
  gtk_button_set_label (self->add_button, _("_Done"));
  gtk_widget_set_visible (GTK_WIDGET (self->search_group), FALSE);
  ipd_party_dialog_set_role (self, role);
  choose (self, party);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

/* Fills a field as the officer would: "role" and "type" take codes,
 * "search" types into the search entry. For tests. */
gboolean
ipd_party_dialog_set_field (IpdPartyDialog *self, const char *field, const char *text)
{
  struct { const char *name; AdwEntryRow *row; } entries[] = {
    { "name", self->name_row }, { "tax_code", self->tax_code_row }, { "address", self->address_row },
    { "commune", self->commune_row }, { "province", self->province_row }, { "phone", self->phone_row },
    { "email", self->email_row },
  };

  g_return_val_if_fail (IPD_IS_PARTY_DIALOG (self), FALSE);
  if (g_str_equal (field, "role"))
    ipd_party_dialog_set_role (self, text);
  else if (g_str_equal (field, "type"))
    adw_combo_row_set_selected (self->type_row, code_position (IPD_VOCAB_PARTY_TYPE, text));
  else if (g_str_equal (field, "search"))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
        if (g_str_equal (field, entries[i].name))
          {
            set_entry (entries[i].row, text);
            return TRUE;
          }
      return FALSE;
    }
  return TRUE;
}

/* The party chosen or described, once "chosen" was emitted: id 0 for a new one. */
IpdParty *
ipd_party_dialog_get_party (IpdPartyDialog *self)
{
  g_return_val_if_fail (IPD_IS_PARTY_DIALOG (self), NULL);
  return self->result;
}

const char *
ipd_party_dialog_get_role (IpdPartyDialog *self)
{
  g_return_val_if_fail (IPD_IS_PARTY_DIALOG (self), NULL);
  return self->result_role;
}

static void
ipd_party_dialog_dispose (GObject *object)
{
  IpdPartyDialog *self = IPD_PARTY_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->chosen, ipd_party_unref);
  g_clear_pointer (&self->result, ipd_party_unref);
  g_clear_pointer (&self->result_role, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPD_TYPE_PARTY_DIALOG);
  G_OBJECT_CLASS (ipd_party_dialog_parent_class)->dispose (object);
}

static void
ipd_party_dialog_class_init (IpdPartyDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_party_dialog_dispose;
  /* Emitted when the officer has chosen or described a party: read it
   * with ipd_party_dialog_get_party() and _get_role(). */
  signals[SIGNAL_CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  ipd_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipdossiers/IpDossiers/ipd-party-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, search_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, results_list);
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, results_label);
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, details_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, new_instead_button);
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, tax_code_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, similar_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, similar_list);
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, commune_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, province_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPartyDialog, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_identity_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "party.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "party.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "party.new", NULL, new_activated);
  ipd_gui_close_on_escape (widget_class);
}

static void
ipd_party_dialog_init (IpdPartyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ipd_gui_fill_vocabulary (self->role_row, IPD_VOCAB_ROLE);
  ipd_gui_fill_vocabulary (self->type_row, IPD_VOCAB_PARTY_TYPE);
  fill_form (self, NULL);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));
}

IpdPartyDialog *
ipd_party_dialog_new (GtkWindow *parent, IpdStore *store)
{
  IpdPartyDialog *self = g_object_new (IPD_TYPE_PARTY_DIALOG, "transient-for", parent, "modal", TRUE, NULL);

  g_return_val_if_fail (IPD_IS_STORE (store), self);
  self->store = g_object_ref (store);
  fill_form (self, NULL);
  return self;
}
