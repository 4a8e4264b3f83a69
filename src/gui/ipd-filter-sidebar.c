/* ipd-filter-sidebar.c — the register's filters, with counts
 *
 * One choice per group (kind, status, filing year, officer), and the
 * groups combine with each other and with the search. Activating a chosen
 * row again clears that group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-filter-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-filter-sidebar.h"
#include "ipd-vocabulary.h"

#define N_FACETS 4
#define FACET_ALL   (-1)
#define FACET_TRASH (-2)

struct _IpdFilterSidebar
{
  GtkWidget   parent_instance;

  GtkListBox *list;
  IpdStore   *store;
  char       *chosen[N_FACETS];   /* the chosen value of each facet, or NULL */
  gboolean    trash;
};

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IpdFilterSidebar, ipd_filter_sidebar, GTK_TYPE_WIDGET)

static const char *facet_titles[N_FACETS] = {
  N_("Kind"), N_("Status"), N_("Filing year"), N_("Officer"),
};

static char *
facet_label (IpdFacet facet, const char *value)
{
  switch (facet)
    {
    case IPD_FACET_KIND:   return g_strdup (ipd_vocabulary_label (IPD_VOCAB_KIND, value));
    case IPD_FACET_STATUS: return g_strdup (ipd_vocabulary_label (IPD_VOCAB_STATUS, value));
    default:               return g_strdup (value);
    }
}

static gboolean
row_is_chosen (IpdFilterSidebar *self, int facet, const char *value)
{
  if (facet == FACET_TRASH)
    return self->trash;
  if (facet == FACET_ALL)
    {
      for (int i = 0; i < N_FACETS; i++)
        if (self->chosen[i])
          return FALSE;
      return !self->trash;
    }
  return g_strcmp0 (self->chosen[facet], value) == 0;
}

static GtkWidget *
filter_row (IpdFilterSidebar *self, int facet, const char *value, const char *label, gint64 count)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (label);
  g_autofree char *count_text = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  GtkWidget *number = gtk_label_new (count_text);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_set_visible (check, row_is_chosen (self, facet, value));
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (row_is_chosen (self, facet, value))
    gtk_widget_add_css_class (row, "chosen");

  g_object_set_data (G_OBJECT (row), "facet", GINT_TO_POINTER (facet));
  g_object_set_data_full (G_OBJECT (row), "value", g_strdup (value), g_free);
  return row;
}

static GtkWidget *
heading_row (const char *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
add_facet (IpdFilterSidebar *self, IpdFacet facet)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = ipd_store_count_facet (self->store, facet, &error);

  if (counts == NULL)
    {
      g_warning ("Cannot count dossiers: %s", error->message);
      return;
    }
  if (counts->len == 0)
    return;
  gtk_list_box_append (self->list, heading_row (_(facet_titles[facet])));
  for (guint i = 0; i < counts->len; i++)
    {
      IpdFacetCount *count = g_ptr_array_index (counts, i);
      g_autofree char *label = facet_label (facet, count->value);
      gtk_list_box_append (self->list, filter_row (self, facet, count->value, label, count->count));
    }
}

/* Rebuilds the rows with fresh counts. */
void
ipd_filter_sidebar_refresh (IpdFilterSidebar *self)
{
  GtkWidget *child;
  IpdQuery everything = { NULL };

  g_return_if_fail (IPD_IS_FILTER_SIDEBAR (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->store == NULL)
    return;

  gtk_list_box_append (self->list, filter_row (self, FACET_ALL, NULL, _("All dossiers"),
                                               ipd_store_count_dossiers (self->store, &everything, NULL)));
  for (int facet = 0; facet < N_FACETS; facet++)
    add_facet (self, facet);
  gtk_list_box_append (self->list, heading_row (""));
  gtk_list_box_append (self->list, filter_row (self, FACET_TRASH, NULL, _("Trash"),
                                               ipd_store_count_trash (self->store, NULL)));
}

static void
clear_choices (IpdFilterSidebar *self)
{
  for (int i = 0; i < N_FACETS; i++)
    g_clear_pointer (&self->chosen[i], g_free);
  self->trash = FALSE;
}

static void
on_row_activated (GtkListBox *list, GtkListBoxRow *row, IpdFilterSidebar *self)
{
  int facet = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "facet"));
  const char *value = g_object_get_data (G_OBJECT (row), "value");

  if (facet == FACET_ALL)
    clear_choices (self);
  else if (facet == FACET_TRASH)
    self->trash = !self->trash;
  else if (g_strcmp0 (self->chosen[facet], value) == 0)
    g_clear_pointer (&self->chosen[facet], g_free);
  else
    {
      g_free (self->chosen[facet]);
      self->chosen[facet] = g_strdup (value);
    }
  ipd_filter_sidebar_refresh (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Fills @query's filters with the sidebar's choices. */
void
ipd_filter_sidebar_apply (IpdFilterSidebar *self, IpdQuery *query)
{
  g_return_if_fail (IPD_IS_FILTER_SIDEBAR (self));
  query->kind = self->chosen[IPD_FACET_KIND];
  query->status = self->chosen[IPD_FACET_STATUS];
  query->filing_year = self->chosen[IPD_FACET_FILING_YEAR] ? atoi (self->chosen[IPD_FACET_FILING_YEAR]) : 0;
  query->officer = self->chosen[IPD_FACET_OFFICER];
  query->trash = self->trash;
}

/* Chooses @value for @facet (NULL clears it), as if the officer had. */
void
ipd_filter_sidebar_select (IpdFilterSidebar *self, IpdFacet facet, const char *value)
{
  g_return_if_fail (IPD_IS_FILTER_SIDEBAR (self));
  g_return_if_fail (facet < N_FACETS);
  g_free (self->chosen[facet]);
  self->chosen[facet] = g_strdup (value);
  ipd_filter_sidebar_refresh (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
ipd_filter_sidebar_show_trash (IpdFilterSidebar *self, gboolean trash)
{
  g_return_if_fail (IPD_IS_FILTER_SIDEBAR (self));
  self->trash = trash;
  ipd_filter_sidebar_refresh (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
ipd_filter_sidebar_clear (IpdFilterSidebar *self)
{
  g_return_if_fail (IPD_IS_FILTER_SIDEBAR (self));
  clear_choices (self);
  ipd_filter_sidebar_refresh (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
ipd_filter_sidebar_set_store (IpdFilterSidebar *self, IpdStore *store)
{
  g_return_if_fail (IPD_IS_FILTER_SIDEBAR (self));
  g_set_object (&self->store, store);
  clear_choices (self);
  ipd_filter_sidebar_refresh (self);
}

static void
ipd_filter_sidebar_dispose (GObject *object)
{
  IpdFilterSidebar *self = IPD_FILTER_SIDEBAR (object);
  GtkWidget *child;

  clear_choices (self);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPD_TYPE_FILTER_SIDEBAR);
  /* the template's root child is not bound: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (ipd_filter_sidebar_parent_class)->dispose (object);
}

static void
ipd_filter_sidebar_class_init (IpdFilterSidebarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_filter_sidebar_dispose;
  /* Emitted when the officer changes a filter. */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipdossiers/IpDossiers/ipd-filter-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdFilterSidebar, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ipd_filter_sidebar_init (IpdFilterSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
