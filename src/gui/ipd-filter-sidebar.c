/* ipd-filter-sidebar.c — the register's filters, with counts
 *
 * One choice per group (kind, status, filing year, officer, province),
 * and the groups combine with each other and with the search. Activating a
 * chosen row again clears that group. A chosen province shows its
 * communes beneath it, counted within the province; clearing or changing
 * the province clears the commune.
 *
 * Counting a large register takes a moment, so the counts are made on a
 * worker thread through a read-only connection of its own, and the rows
 * are rebuilt when they arrive; the window does not wait for them. The
 * communes of a province are counted apart, when the province is chosen.
 *
 * The choices can be read and given back as a dictionary (facet → value),
 * which the window keeps in GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-filter-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ipd-gui.h"
#include "ipd-filter-sidebar.h"
#include "ipd-text.h"
#include "ipd-vocabulary.h"

#define N_FACETS    6   /* every IpdFacet: the communes last */
#define N_COUNTED   5   /* the facets counted for the whole register */
#define FACET_ALL   (-1)
#define FACET_TRASH (-2)
#define FACET_DUE   (-3)
#define DUE_DAYS    30
#define MAX_VALUES  40   /* per group: the most frequent ones */
#define DUE_KEY     "due"

G_STATIC_ASSERT (IPD_FACET_COMMUNE == N_FACETS - 1);

struct _IpdFilterSidebar
{
  GtkWidget   parent_instance;

  GtkListBox *list;
  IpdStore   *store;
  GCancellable *counting;
  struct Counts *counts;          /* the last counts, NULL until the first arrive */
  GCancellable *counting_communes;
  char       *communes_province;  /* the province the communes below are of */
  GPtrArray  *communes;           /* IpdFacetCount, NULL until counted */
  char       *chosen[N_FACETS];   /* the chosen value of each facet, or NULL */
  gboolean    trash;
  gboolean    due;                /* only dossiers with a deadline within DUE_DAYS */
};

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IpdFilterSidebar, ipd_filter_sidebar, GTK_TYPE_WIDGET)

static const char *facet_titles[N_COUNTED] = {
  N_("Kind"), N_("Status"), N_("Filing year"), N_("Officer"), N_("Province"),
};

/* The names of the facets in the state dictionary (kept in GSettings). */
static const char *facet_keys[N_FACETS] = {
  "kind", "status", "filing-year", "officer", "province", "commune",
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
  if (facet == FACET_DUE)
    return self->due;
  if (facet == FACET_ALL)
    {
      for (int i = 0; i < N_FACETS; i++)
        if (self->chosen[i])
          return FALSE;
      return !self->trash && !self->due;
    }
  return g_strcmp0 (self->chosen[facet], value) == 0;
}

static GtkWidget *
filter_row (IpdFilterSidebar *self, int facet, const char *value, const char *label, gint64 count)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (label);
  /* a chosen value that was not counted (restored, or not among the most frequent) */
  g_autofree char *count_text = count >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, count) : NULL;
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

/* What the worker counts. */
typedef struct Counts {
  gint64     all;
  gint64     due;
  gint64     trash;
  GPtrArray *facets[N_COUNTED];   /* IpdFacetCount */
} Counts;

static void
counts_free (Counts *counts)
{
  for (int i = 0; i < N_COUNTED; i++)
    g_clear_pointer (&counts->facets[i], g_ptr_array_unref);
  g_free (counts);
}

static int
by_count_descending (gconstpointer a, gconstpointer b)
{
  const IpdFacetCount *x = *(IpdFacetCount **) a, *y = *(IpdFacetCount **) b;
  return (y->count > x->count) - (y->count < x->count);
}

static int
by_value (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 ((*(IpdFacetCount **) a)->value, (*(IpdFacetCount **) b)->value);
}

static int
by_sort_key (gconstpointer a, gconstpointer b, gpointer keys)
{
  GBytes *x = g_hash_table_lookup (keys, *(IpdFacetCount **) a);
  GBytes *y = g_hash_table_lookup (keys, *(IpdFacetCount **) b);
  return g_bytes_compare (x, y);
}

/* Names (officers, provinces, communes) in Vietnamese order: Đ after D, not after Z. */
static void
sort_by_name (GPtrArray *counts)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_bytes_unref);

  for (guint i = 0; i < counts->len; i++)
    {
      IpdFacetCount *count = g_ptr_array_index (counts, i);
      g_hash_table_insert (keys, count, ipd_text_sort_key (count->value));
    }
  g_ptr_array_sort_with_data (counts, by_sort_key, keys);
}

/* A group of hundreds of officers or places is no filter: keep the most
 * frequent, in the facet's order. */
static void
keep_most_frequent (IpdFacet facet, GPtrArray *counts)
{
  gboolean names = facet == IPD_FACET_OFFICER || facet == IPD_FACET_PROVINCE || facet == IPD_FACET_COMMUNE;

  if (counts->len > MAX_VALUES)
    {
      g_ptr_array_sort (counts, by_count_descending);
      g_ptr_array_set_size (counts, MAX_VALUES);
      if (!names)
        g_ptr_array_sort (counts, by_value);
    }
  if (names)
    sort_by_name (counts);
}

static void
count_thread (GTask *task, gpointer source, gpointer path, GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = ipd_store_open (path, IPD_STORE_READ_ONLY, &error);
  IpdQuery everything = { NULL }, due = { .due_within_days = DUE_DAYS };
  Counts *counts;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  counts = g_new0 (Counts, 1);
  counts->all = ipd_store_count_dossiers (store, &everything, NULL);
  counts->due = ipd_store_count_dossiers (store, &due, NULL);
  counts->trash = ipd_store_count_trash (store, NULL);
  for (int facet = 0; facet < N_COUNTED && !g_cancellable_is_cancelled (cancellable); facet++)
    {
      counts->facets[facet] = ipd_store_count_facet (store, facet, NULL);
      if (counts->facets[facet])
        keep_most_frequent (facet, counts->facets[facet]);
    }
  g_task_return_pointer (task, counts, (GDestroyNotify) counts_free);
}

typedef struct {
  char *path;
  char *province;
} CommuneRequest;

static void
commune_request_free (CommuneRequest *request)
{
  g_free (request->path);
  g_free (request->province);
  g_free (request);
}

static void
count_communes_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  CommuneRequest *request = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = ipd_store_open (request->path, IPD_STORE_READ_ONLY, &error);
  GPtrArray *communes = store ? ipd_store_count_communes (store, request->province, &error) : NULL;

  if (communes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  keep_most_frequent (IPD_FACET_COMMUNE, communes);
  g_task_return_pointer (task, communes, (GDestroyNotify) g_ptr_array_unref);
}

static void
append_row (IpdFilterSidebar *self, IpdFacet facet, const char *value, gint64 count)
{
  g_autofree char *label = facet_label (facet, value);
  GtkWidget *row = filter_row (self, facet, value, label, count);

  /* the communes stand under their province */
  if (facet == IPD_FACET_COMMUNE)
    gtk_widget_set_margin_start (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)), 18);
  gtk_list_box_append (self->list, row);
}

static void
add_communes (IpdFilterSidebar *self)
{
  const char *chosen = self->chosen[IPD_FACET_COMMUNE];
  gboolean chosen_listed = chosen == NULL;

  if (self->communes != NULL && g_strcmp0 (self->communes_province, self->chosen[IPD_FACET_PROVINCE]) == 0)
    for (guint i = 0; i < self->communes->len; i++)
      {
        IpdFacetCount *count = g_ptr_array_index (self->communes, i);
        append_row (self, IPD_FACET_COMMUNE, count->value, count->count);
        chosen_listed |= g_strcmp0 (count->value, chosen) == 0;
      }
  if (!chosen_listed)
    append_row (self, IPD_FACET_COMMUNE, chosen, -1);
}

/* A chosen value is always listed, so that it can be seen and cleared. */
static void
add_facet (IpdFilterSidebar *self, IpdFacet facet, GPtrArray *counts)
{
  const char *chosen = self->chosen[facet];
  gboolean chosen_listed = chosen == NULL;

  if ((counts == NULL || counts->len == 0) && chosen == NULL)
    return;
  gtk_list_box_append (self->list, heading_row (_(facet_titles[facet])));
  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      IpdFacetCount *count = g_ptr_array_index (counts, i);
      gboolean is_chosen = chosen != NULL && g_strcmp0 (count->value, chosen) == 0;

      append_row (self, facet, count->value, count->count);
      if (is_chosen && facet == IPD_FACET_PROVINCE)
        add_communes (self);
      chosen_listed |= is_chosen;
    }
  if (!chosen_listed)
    {
      append_row (self, facet, chosen, -1);
      if (facet == IPD_FACET_PROVINCE)
        add_communes (self);
    }
}

/* Rebuilds the rows from the last counts, marking the current choices.
 * The row that had the keyboard focus (the one just activated) keeps it,
 * and with it the place the list is scrolled to. */
static void
show_counts (IpdFilterSidebar *self)
{
  Counts *counts = self->counts;
  GtkWidget *child;
  GtkWidget *focused;
  GtkListBoxRow *refocus;
  gboolean had_focus = FALSE;
  int focused_facet = 0;
  g_autofree char *focused_value = NULL;

  if (self->list == NULL)   /* disposed while counting */
    return;
  focused = gtk_widget_get_focus_child (GTK_WIDGET (self->list));
  if (focused != NULL && gtk_widget_has_focus (focused))
    {
      had_focus = TRUE;
      focused_facet = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (focused), "facet"));
      focused_value = g_strdup (g_object_get_data (G_OBJECT (focused), "value"));
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (counts == NULL)
    return;
  gtk_list_box_append (self->list, filter_row (self, FACET_ALL, NULL, _("All dossiers"), counts->all));
  gtk_list_box_append (self->list, filter_row (self, FACET_DUE, NULL, _("Deadline within 30 days"), counts->due));
  for (int facet = 0; facet < N_COUNTED; facet++)
    add_facet (self, facet, counts->facets[facet]);
  gtk_list_box_append (self->list, heading_row (""));
  gtk_list_box_append (self->list, filter_row (self, FACET_TRASH, NULL, _("Trash"), counts->trash));
  if (had_focus && (refocus = ipd_filter_sidebar_find_row (self, focused_facet, focused_value)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (refocus));
}

static void
on_counted (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  IpdFilterSidebar *self = IPD_FILTER_SIDEBAR (source);
  Counts *counts = g_task_propagate_pointer (G_TASK (result), &error);

  if (counts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot count dossiers: %s", error->message);
      return;
    }
  if (self->store == NULL)   /* disposed meanwhile */
    {
      counts_free (counts);
      return;
    }
  g_clear_pointer (&self->counts, counts_free);
  self->counts = counts;
  show_counts (self);
}

static void
on_communes_counted (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  IpdFilterSidebar *self = IPD_FILTER_SIDEBAR (source);
  CommuneRequest *request = g_task_get_task_data (G_TASK (result));
  GPtrArray *communes = g_task_propagate_pointer (G_TASK (result), &error);

  if (communes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot count communes: %s", error->message);
      return;
    }
  /* disposed, or another province chosen meanwhile */
  if (self->store == NULL || g_strcmp0 (request->province, self->chosen[IPD_FACET_PROVINCE]) != 0)
    {
      g_ptr_array_unref (communes);
      return;
    }
  g_clear_pointer (&self->communes, g_ptr_array_unref);
  self->communes = communes;
  g_free (self->communes_province);
  self->communes_province = g_strdup (request->province);
  show_counts (self);
}

/* Counts the chosen province's communes (on a worker); none without a province. */
static void
count_communes (IpdFilterSidebar *self)
{
  g_autoptr(GTask) task = NULL;
  CommuneRequest *request;

  g_cancellable_cancel (self->counting_communes);
  g_clear_object (&self->counting_communes);
  if (g_strcmp0 (self->communes_province, self->chosen[IPD_FACET_PROVINCE]) != 0)
    {
      g_clear_pointer (&self->communes, g_ptr_array_unref);
      g_clear_pointer (&self->communes_province, g_free);
    }
  if (self->store == NULL || self->chosen[IPD_FACET_PROVINCE] == NULL)
    return;

  request = g_new0 (CommuneRequest, 1);
  request->path = g_strdup (ipd_store_get_path (self->store));
  request->province = g_strdup (self->chosen[IPD_FACET_PROVINCE]);
  self->counting_communes = g_cancellable_new ();
  task = g_task_new (self, self->counting_communes, on_communes_counted, NULL);
  g_task_set_source_tag (task, count_communes);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, request, (GDestroyNotify) commune_request_free);
  g_task_run_in_thread (task, count_communes_thread);
}

/* Counts again (on a worker) and rebuilds the rows when the counts arrive. */
void
ipd_filter_sidebar_refresh (IpdFilterSidebar *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (IPD_IS_FILTER_SIDEBAR (self));
  count_communes (self);
  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  if (self->store == NULL)
    return;

  self->counting = g_cancellable_new ();
  task = g_task_new (self, self->counting, on_counted, NULL);
  g_task_set_source_tag (task, ipd_filter_sidebar_refresh);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_strdup (ipd_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, count_thread);
}

static void
clear_choices (IpdFilterSidebar *self)
{
  for (int i = 0; i < N_FACETS; i++)
    g_clear_pointer (&self->chosen[i], g_free);
  self->trash = FALSE;
  self->due = FALSE;
}

/* Sets one facet's choice (NULL clears it). A commune belongs to the
 * province chosen: another province, or none, clears it. */
static void
set_choice (IpdFilterSidebar *self, IpdFacet facet, const char *value)
{
  gboolean same = g_strcmp0 (self->chosen[facet], value) == 0;
  char *copy = g_strdup (value);   /* before freeing: @value may be the choice itself */

  g_free (self->chosen[facet]);
  self->chosen[facet] = copy;
  if (facet == IPD_FACET_PROVINCE && !same)
    {
      g_clear_pointer (&self->chosen[IPD_FACET_COMMUNE], g_free);
      count_communes (self);
    }
}

static void
on_row_activated (GtkListBox *list, GtkListBoxRow *row, IpdFilterSidebar *self)
{
  int facet = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "facet"));
  const char *value = g_object_get_data (G_OBJECT (row), "value");

  if (facet == FACET_ALL)
    {
      clear_choices (self);
      count_communes (self);
    }
  else if (facet == FACET_TRASH)
    self->trash = !self->trash;
  else if (facet == FACET_DUE)
    self->due = !self->due;
  else
    set_choice (self, facet, g_strcmp0 (self->chosen[facet], value) == 0 ? NULL : value);
  show_counts (self);
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
  query->province = self->chosen[IPD_FACET_PROVINCE];
  query->commune = self->chosen[IPD_FACET_COMMUNE];
  query->due_within_days = self->due ? DUE_DAYS : 0;
  query->trash = self->trash;
}

/* Chooses @value for @facet (NULL clears it), as if the officer had; a
 * commune is chosen within the chosen province. */
void
ipd_filter_sidebar_select (IpdFilterSidebar *self, IpdFacet facet, const char *value)
{
  g_return_if_fail (IPD_IS_FILTER_SIDEBAR (self));
  g_return_if_fail (facet < N_FACETS);
  g_return_if_fail (facet != IPD_FACET_COMMUNE || value == NULL || self->chosen[IPD_FACET_PROVINCE] != NULL);
  set_choice (self, facet, value);
  show_counts (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/**
 * ipd_filter_sidebar_find_row:
 * @facet: an #IpdFacet
 *
 * Returns: (transfer none) (nullable): the row that chooses @value for
 *   @facet, if it is shown (the counts have arrived, a commune's province
 *   is chosen)
 */
GtkListBoxRow *
ipd_filter_sidebar_find_row (IpdFilterSidebar *self, IpdFacet facet, const char *value)
{
  g_return_val_if_fail (IPD_IS_FILTER_SIDEBAR (self), NULL);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row))
        && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "facet")) == (int) facet
        && g_strcmp0 (g_object_get_data (G_OBJECT (row), "value"), value) == 0)
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

/**
 * ipd_filter_sidebar_get_state:
 *
 * The choices as a dictionary of facet ("kind", "status", "filing-year",
 * "officer", "province", "commune", and "due" for the deadline filter) to
 * value. The trash is left out: the register, not its trash, is what an
 * officer expects to find on coming back.
 *
 * Returns: (transfer floating): an `a{ss}` variant
 */
GVariant *
ipd_filter_sidebar_get_state (IpdFilterSidebar *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (IPD_IS_FILTER_SIDEBAR (self), NULL);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  for (int i = 0; i < N_FACETS; i++)
    if (self->chosen[i] != NULL)
      g_variant_builder_add (&builder, "{ss}", facet_keys[i], self->chosen[i]);
  if (self->due)
    g_variant_builder_add (&builder, "{ss}", DUE_KEY, G_STRINGIFY (DUE_DAYS));
  return g_variant_builder_end (&builder);
}

/**
 * ipd_filter_sidebar_set_state:
 * @state: an `a{ss}` dictionary from ipd_filter_sidebar_get_state()
 *
 * Makes the choices of @state (names it does not know are left out, and a
 * commune without its province). Does not emit ::changed: the caller lists
 * again.
 */
void
ipd_filter_sidebar_set_state (IpdFilterSidebar *self, GVariant *state)
{
  g_return_if_fail (IPD_IS_FILTER_SIDEBAR (self));
  g_return_if_fail (g_variant_is_of_type (state, G_VARIANT_TYPE ("a{ss}")));

  clear_choices (self);
  for (int i = 0; i < N_FACETS; i++)
    {
      const char *value = NULL;

      if (g_variant_lookup (state, facet_keys[i], "&s", &value) && *value != '\0')
        self->chosen[i] = g_strdup (value);
    }
  if (self->chosen[IPD_FACET_PROVINCE] == NULL)
    g_clear_pointer (&self->chosen[IPD_FACET_COMMUNE], g_free);
  self->due = g_variant_lookup (state, DUE_KEY, "&s", NULL);
  count_communes (self);
  show_counts (self);
}

void
ipd_filter_sidebar_show_trash (IpdFilterSidebar *self, gboolean trash)
{
  g_return_if_fail (IPD_IS_FILTER_SIDEBAR (self));
  self->trash = trash;
  show_counts (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
ipd_filter_sidebar_clear (IpdFilterSidebar *self)
{
  g_return_if_fail (IPD_IS_FILTER_SIDEBAR (self));
  clear_choices (self);
  count_communes (self);
  show_counts (self);
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
  g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  g_cancellable_cancel (self->counting_communes);
  g_clear_object (&self->counting_communes);
  g_clear_pointer (&self->communes, g_ptr_array_unref);
  g_clear_pointer (&self->communes_province, g_free);
  g_clear_pointer (&self->counts, counts_free);
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
  ipd_gui_ensure_resources ();
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
