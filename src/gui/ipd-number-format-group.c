/* ipd-number-format-group.c — the form of one kind's application numbers
 *
 * A pattern and an example that must match it, saved together when either
 * row is applied. What is wrong is shown under the rows, on the row at
 * fault, and nothing is saved until both are right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-gui.h"
#include "ipd-number-format-group.h"
#include "ipd-text.h"
#include "ipd-vocabulary.h"

struct _IpdNumberFormatGroup
{
  AdwPreferencesGroup parent_instance;

  IpdStore    *store;
  char        *kind;

  AdwEntryRow *pattern_row;
  AdwEntryRow *example_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (IpdNumberFormatGroup, ipd_number_format_group, ADW_TYPE_PREFERENCES_GROUP)

/* Surrounding spaces in a pattern or an example are never meant. */
static char *
dup_row_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  return g_utf8_normalize (g_strstrip (text), -1, G_NORMALIZE_NFC);
}

/* Which row the store refused, to mark it: NULL when neither (the register failed). */
static AdwEntryRow *
row_at_fault (IpdNumberFormatGroup *self, const char *pattern, const char *example)
{
  g_autoptr(GRegex) regex = NULL;

  if (ipd_text_is_blank (pattern))
    return self->pattern_row;
  regex = g_regex_new (pattern, 0, 0, NULL);
  if (regex == NULL)
    return self->pattern_row;
  if (ipd_text_is_blank (example) || !g_regex_match (regex, example, 0, NULL))
    return self->example_row;
  return NULL;
}

/* Shows @message (NULL: all is well) under the rows, and marks @row. */
static void
show_problem (IpdNumberFormatGroup *self, AdwEntryRow *row, const char *message)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->pattern_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->example_row), "error");
  if (row != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
on_apply (IpdNumberFormatGroup *self)
{
  g_autofree char *pattern = dup_row_text (self->pattern_row);
  g_autofree char *example = dup_row_text (self->example_row);
  g_autoptr(GError) error = NULL;

  if (pattern == NULL || example == NULL)   /* not UTF-8: cannot come from an entry */
    return;
  if (ipd_store_set_number_format (self->store, self->kind, pattern, example, &error))
    {
      show_problem (self, NULL, NULL);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);
      return;
    }
  show_problem (self, row_at_fault (self, pattern, example), error->message);
}

static void
ipd_number_format_group_dispose (GObject *object)
{
  IpdNumberFormatGroup *self = IPD_NUMBER_FORMAT_GROUP (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPD_TYPE_NUMBER_FORMAT_GROUP);
  G_OBJECT_CLASS (ipd_number_format_group_parent_class)->dispose (object);
}

static void
ipd_number_format_group_finalize (GObject *object)
{
  g_free (IPD_NUMBER_FORMAT_GROUP (object)->kind);
  G_OBJECT_CLASS (ipd_number_format_group_parent_class)->finalize (object);
}

static void
ipd_number_format_group_class_init (IpdNumberFormatGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_number_format_group_dispose;
  G_OBJECT_CLASS (klass)->finalize = ipd_number_format_group_finalize;

  ipd_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ipdossiers/IpDossiers/ipd-number-format-group.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdNumberFormatGroup, pattern_row);
  gtk_widget_class_bind_template_child (widget_class, IpdNumberFormatGroup, example_row);
  gtk_widget_class_bind_template_child (widget_class, IpdNumberFormatGroup, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_apply);
}

static void
ipd_number_format_group_init (IpdNumberFormatGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ipd_number_format_group_new:
 * @format: the kind and its current format (pattern and example may be %NULL)
 */
GtkWidget *
ipd_number_format_group_new (IpdStore *store, const IpdNumberFormat *format)
{
  IpdNumberFormatGroup *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (IPD_IS_STORE (store), NULL);
  g_return_val_if_fail (format != NULL && format->kind != NULL, NULL);

  self = g_object_new (IPD_TYPE_NUMBER_FORMAT_GROUP, NULL);
  self->store = g_object_ref (store);
  self->kind = g_strdup (format->kind);
  name = g_strdup_printf ("number-format-%s", format->kind);
  gtk_widget_set_name (GTK_WIDGET (self), name);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   ipd_vocabulary_label (IPD_VOCAB_KIND, format->kind));
  if (format->pattern == NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                           _("Not checked: this kind has no number format yet."));
  gtk_editable_set_text (GTK_EDITABLE (self->pattern_row), format->pattern ? format->pattern : "");
  gtk_editable_set_text (GTK_EDITABLE (self->example_row), format->example ? format->example : "");
  return GTK_WIDGET (self);
}

const char *
ipd_number_format_group_get_kind (IpdNumberFormatGroup *self)
{
  g_return_val_if_fail (IPD_IS_NUMBER_FORMAT_GROUP (self), NULL);
  return self->kind;
}

/* The problem shown under the rows, or NULL. */
const char *
ipd_number_format_group_get_error (IpdNumberFormatGroup *self)
{
  g_return_val_if_fail (IPD_IS_NUMBER_FORMAT_GROUP (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
         ? gtk_label_get_label (self->error_label) : NULL;
}
