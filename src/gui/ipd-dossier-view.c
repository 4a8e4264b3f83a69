/* ipd-dossier-view.c — one dossier, as officers read it
 *
 * The header names the dossier, its kind and status; groups below hold the
 * common fields, the kind's own lists, the parties, the events and the
 * documents. Empty fields are left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-dossier-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-amount.h"
#include "ipd-date.h"
#include "ipd-dossier-view.h"
#include "ipd-vocabulary.h"

struct _IpdDossierView
{
  GtkWidget  parent_instance;

  GtkStack  *stack;
  GtkLabel  *title;
  GtkLabel  *subtitle;
  GtkBox    *groups;
  gint64     id;
};

G_DEFINE_FINAL_TYPE (IpdDossierView, ipd_dossier_view, GTK_TYPE_WIDGET)

static void
add_row (AdwPreferencesGroup *group, const char *title, const char *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
}

static void
add_date_row (AdwPreferencesGroup *group, const char *title, const char *iso)
{
  g_autofree char *shown = iso ? ipd_date_format (iso) : NULL;
  add_row (group, title, shown);
}

static AdwPreferencesGroup *
new_group (IpdDossierView *self, const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->groups, group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
add_general (IpdDossierView *self, IpdDossier *d)
{
  AdwPreferencesGroup *group = new_group (self, _("Application"));
  g_autofree char *amount = d->support_amount ? ipd_amount_format (d->support_amount) : NULL;
  g_autofree char *amount_text = amount ? g_strdup_printf (_("%s đồng"), amount) : NULL;

  add_row (group, _("Reference"), d->reference);
  add_row (group, _("Application number"), d->app_number);
  add_date_row (group, _("Filing date"), d->filing_date);
  add_row (group, _("Priority"), d->priority_number);
  add_date_row (group, _("Priority date"), d->priority_date);
  add_row (group, _("Decision"), d->decision_number);
  add_date_row (group, _("Decision date"), d->decision_date);
  add_row (group, _("Certificate"), d->certificate_number);
  add_date_row (group, _("Grant date"), d->grant_date);
  add_date_row (group, _("Expiry date"), d->expiry_date);
  add_row (group, _("Officer"), d->officer);
  add_row (group, _("Support programme"), d->programme);
  add_row (group, _("Support amount"), amount_text);
  add_row (group, _("Public note"), d->public_note);
  add_row (group, _("Internal note"), d->internal_note);
}

static void
add_kind_lists (IpdDossierView *self, IpdDossier *d)
{
  AdwPreferencesGroup *group;

  if (d->classes->len > 0 || d->regulation_ref || d->vienna_codes || d->colour_claim)
    {
      group = new_group (self, _("Mark"));
      for (guint i = 0; i < d->classes->len; i++)
        {
          IpdNiceClass *item = g_ptr_array_index (d->classes, i);
          /* Translators: %d is a Nice class number */
          g_autofree char *title = g_strdup_printf (_("Class %d"), item->number);
          add_row (group, title, item->goods ? item->goods : "—");
        }
      add_row (group, _("Vienna codes"), d->vienna_codes);
      add_row (group, _("Colour claim"), d->colour_claim);
      add_row (group, _("Regulation on use"), d->regulation_ref);
    }
  if (d->products->len > 0 || d->characteristics->len > 0 || d->area->len > 0 || d->foreign_protection)
    {
      group = new_group (self, _("Geographical indication"));
      for (guint i = 0; i < d->products->len; i++)
        add_row (group, _("Product"), g_ptr_array_index (d->products, i));
      for (guint i = 0; i < d->characteristics->len; i++)
        {
          IpdCharacteristic *item = g_ptr_array_index (d->characteristics, i);
          g_autofree char *value = g_strdup_printf ("%s %s%s%s", item->value ? item->value : "",
                                                    item->unit ? item->unit : "",
                                                    item->product ? " — " : "", item->product ? item->product : "");
          add_row (group, item->indicator, value);
        }
      for (guint i = 0; i < d->area->len; i++)
        {
          IpdAreaUnit *item = g_ptr_array_index (d->area, i);
          add_row (group, _("Area"), item->as_written);
        }
      add_row (group, _("Foreign protection"), d->foreign_protection);
    }
}

static void
add_parties (IpdDossierView *self, IpdDossier *d)
{
  AdwPreferencesGroup *group;

  if (d->parties->len == 0)
    return;
  group = new_group (self, _("Parties"));
  for (guint i = 0; i < d->parties->len; i++)
    {
      IpdDossierParty *item = g_ptr_array_index (d->parties, i);
      add_row (group, ipd_vocabulary_label (IPD_VOCAB_ROLE, item->role), item->party_name);
    }
}

static void
add_events (IpdDossierView *self, GPtrArray *events)
{
  AdwPreferencesGroup *group;

  if (events->len == 0)
    return;
  group = new_group (self, _("Events"));
  for (guint i = 0; i < events->len; i++)
    {
      IpdEvent *e = g_ptr_array_index (events, i);
      g_autofree char *date = ipd_date_format (e->date);
      g_autofree char *title = g_strdup_printf ("%s — %s", date, ipd_vocabulary_label (IPD_VOCAB_EVENT_TYPE, e->type));
      g_autofree char *detail = g_strjoin (" — ", e->reference ? e->reference : "", e->note ? e->note : "", NULL);

      add_row (group, title, (e->reference || e->note) ? detail : " ");
    }
}

static void
add_attachments (IpdDossierView *self, GPtrArray *attachments)
{
  AdwPreferencesGroup *group;

  if (attachments->len == 0)
    return;
  group = new_group (self, _("Documents"));
  for (guint i = 0; i < attachments->len; i++)
    {
      IpdAttachment *a = g_ptr_array_index (attachments, i);
      g_autofree char *size = g_format_size (a->size);
      g_autofree char *detail = g_strdup_printf ("%s · %s", ipd_vocabulary_label (IPD_VOCAB_DOCUMENT_TYPE, a->document_type), size);
      add_row (group, a->file_name, detail);
    }
}

static void
remove_groups (IpdDossierView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups))) != NULL)
    gtk_box_remove (self->groups, child);
}

gboolean
ipd_dossier_view_show (IpdDossierView *self, IpdStore *store, gint64 id, GError **error)
{
  g_autoptr(IpdDossier) d = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (IPD_IS_DOSSIER_VIEW (self), FALSE);
  if ((d = ipd_store_load_dossier (store, id, error)) == NULL
      || (events = ipd_store_list_events (store, id, error)) == NULL
      || (attachments = ipd_store_list_attachments (store, id, error)) == NULL)
    return FALSE;

  remove_groups (self);
  gtk_label_set_label (self->title, d->name);
  subtitle = g_strdup_printf ("%s · %s", ipd_vocabulary_label (IPD_VOCAB_KIND, d->kind),
                              ipd_vocabulary_label (IPD_VOCAB_STATUS, d->status));
  gtk_label_set_label (self->subtitle, subtitle);
  add_general (self, d);
  add_kind_lists (self, d);
  add_parties (self, d);
  add_events (self, events);
  add_attachments (self, attachments);
  gtk_stack_set_visible_child_name (self->stack, "dossier");
  self->id = id;
  return TRUE;
}

void
ipd_dossier_view_clear (IpdDossierView *self)
{
  g_return_if_fail (IPD_IS_DOSSIER_VIEW (self));
  remove_groups (self);
  self->id = 0;
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

gint64
ipd_dossier_view_get_id (IpdDossierView *self)
{
  g_return_val_if_fail (IPD_IS_DOSSIER_VIEW (self), 0);
  return self->id;
}

static void
ipd_dossier_view_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), IPD_TYPE_DOSSIER_VIEW);
  /* the template's root child is not bound: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (ipd_dossier_view_parent_class)->dispose (object);
}

static void
ipd_dossier_view_class_init (IpdDossierViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_dossier_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipdossiers/IpDossiers/ipd-dossier-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdDossierView, stack);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierView, title);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierView, subtitle);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierView, groups);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ipd_dossier_view_init (IpdDossierView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
