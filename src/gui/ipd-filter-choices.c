/* ipd-filter-choices.c — the kind and officer drop-downs of the agenda and statistics pages
 *
 * Each offers "All …" first, then the kinds or the register's officers.
 * The officers' names are kept on the drop-down itself, in the order of
 * its items. Setting a drop-down's model selects its first item and emits
 * notify::selected: callers that react to the selection ignore the
 * changes made here (their "filling" flag).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ipd-filter-choices.h"
#include "ipd-vocabulary.h"

#define OFFICERS_KEY "ipd-officers"

void
ipd_filter_choices_set_kinds (GtkDropDown *drop_down)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n_kinds;
  const IpdTerm *kinds = ipd_vocabulary_terms (IPD_VOCAB_KIND, &n_kinds);

  gtk_string_list_append (labels, _("All kinds"));
  for (guint i = 0; i < n_kinds; i++)
    gtk_string_list_append (labels, ipd_vocabulary_label (IPD_VOCAB_KIND, kinds[i].code));
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (labels));
}

/* The kind's code, or NULL for all kinds. */
const char *
ipd_filter_choices_get_kind (GtkDropDown *drop_down)
{
  guint selected = gtk_drop_down_get_selected (drop_down);
  guint n_kinds;
  const IpdTerm *kinds = ipd_vocabulary_terms (IPD_VOCAB_KIND, &n_kinds);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > n_kinds)
    return NULL;
  return kinds[selected - 1].code;
}

/* The officer's name, or NULL for all officers. */
const char *
ipd_filter_choices_get_officer (GtkDropDown *drop_down)
{
  GPtrArray *officers = g_object_get_data (G_OBJECT (drop_down), OFFICERS_KEY);
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (officers == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION
      || selected > officers->len)
    return NULL;
  return g_ptr_array_index (officers, selected - 1);
}

static gboolean
same_names (GPtrArray *names, GPtrArray *counts)
{
  if (names == NULL || names->len != counts->len)
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), ((IpdFacetCount *) g_ptr_array_index (counts, i))->value) != 0)
      return FALSE;
  return TRUE;
}

/* The officers of @store's dossiers (none for a NULL store); the one
 * chosen stays chosen. The model is replaced only when the names changed:
 * a drop-down given a new model reports a new selection. */
void
ipd_filter_choices_set_officers (GtkDropDown *drop_down, IpdStore *store)
{
  g_autoptr(GtkStringList) labels = NULL;
  g_autoptr(GPtrArray) counts = NULL;
  g_autofree char *chosen = g_strdup (ipd_filter_choices_get_officer (drop_down));
  GPtrArray *officers;
  guint select = 0;

  if (store != NULL)
    counts = ipd_store_count_facet (store, IPD_FACET_OFFICER, NULL);
  if (counts == NULL)
    counts = g_ptr_array_new ();
  if (same_names (g_object_get_data (G_OBJECT (drop_down), OFFICERS_KEY), counts))
    return;

  officers = g_ptr_array_new_with_free_func (g_free);
  labels = gtk_string_list_new (NULL);
  gtk_string_list_append (labels, _("All officers"));
  for (guint i = 0; i < counts->len; i++)
    {
      IpdFacetCount *count = g_ptr_array_index (counts, i);

      g_ptr_array_add (officers, g_strdup (count->value));
      gtk_string_list_append (labels, count->value);
      if (g_strcmp0 (count->value, chosen) == 0)
        select = officers->len;
    }
  g_object_set_data_full (G_OBJECT (drop_down), OFFICERS_KEY, officers,
                          (GDestroyNotify) g_ptr_array_unref);
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (drop_down, select);
}
