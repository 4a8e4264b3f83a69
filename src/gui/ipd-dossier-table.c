/* ipd-dossier-table.c — the register as a table
 *
 * A GtkColumnView over an IpdDossierList. Sorting happens in SQL: the
 * columns' sorters only tell which header the officer clicked. GTK 4.8 has
 * no getter for the column view's primary sort column, so each column's
 * sorter records that it was asked, and comparing two rows through the
 * view's sorter reveals the primary column and its direction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-dossier-table"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-gui.h"
#include "ipd-date.h"
#include "ipd-dossier-row.h"
#include "ipd-dossier-table.h"
#include "ipd-vocabulary.h"

typedef char *(*CellText) (IpdDossierSummary *row);

typedef struct {
  const char   *id;            /* for the saved widths */
  const char   *title;         /* English msgid */
  CellText      text;
  int           sort;          /* an IpdSortColumn, or -1: not sortable */
  int           width_chars;
  gboolean      expand;
} ColumnInfo;

struct _IpdDossierTable
{
  GtkWidget            parent_instance;

  GtkScrolledWindow   *scroller;
  GtkColumnView       *view;
  GtkSingleSelection  *selection;

  IpdDossierRow       *probe_a;      /* two rows to compare through the view's sorter */
  IpdDossierRow       *probe_b;
  int                  asked_sort;   /* set by a column's sorter while the view compares */
  IpdSortColumn        sort;
  gboolean             descending;
};

enum {
  SIGNAL_SORT_CHANGED,
  SIGNAL_ACTIVATED,
  SIGNAL_SELECTED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IpdDossierTable, ipd_dossier_table, GTK_TYPE_WIDGET)

static char *text_reference (IpdDossierSummary *r)  { return g_strdup (r->reference); }
static char *text_name (IpdDossierSummary *r)       { return g_strdup (r->name); }
static char *text_applicant (IpdDossierSummary *r)  { return g_strdup (r->applicant); }
static char *text_app_number (IpdDossierSummary *r) { return g_strdup (r->app_number); }
static char *text_certificate (IpdDossierSummary *r){ return g_strdup (r->certificate_number); }
static char *text_filing_date (IpdDossierSummary *r){ return ipd_date_format (r->filing_date); }
static char *text_deadline (IpdDossierSummary *r)   { return ipd_date_format (r->next_deadline); }
static char *text_kind (IpdDossierSummary *r)       { return g_strdup (r->kind ? ipd_vocabulary_label (IPD_VOCAB_KIND, r->kind) : NULL); }
static char *text_status (IpdDossierSummary *r)     { return g_strdup (r->status ? ipd_vocabulary_label (IPD_VOCAB_STATUS, r->status) : NULL); }

static const ColumnInfo columns[] = {
  { "reference",     N_("Reference"),             text_reference,   IPD_SORT_REFERENCE,    13, FALSE },
  { "kind",          N_("Kind"),                  text_kind,        -1,                    14, FALSE },
  { "name",          N_("Name"),                  text_name,        IPD_SORT_NAME,         22, TRUE  },
  { "applicant",     N_("Applicant"),             text_applicant,   -1,                    20, TRUE  },
  { "app-number",    N_("Application number"),    text_app_number,  IPD_SORT_APP_NUMBER,   12, FALSE },
  { "filing-date",   N_("Filing date"),           text_filing_date, IPD_SORT_FILING_DATE,  10, FALSE },
  { "status",        N_("Status"),                text_status,      IPD_SORT_STATUS,       16, FALSE },
  { "certificate",   N_("Certificate"),           text_certificate, -1,                     9, FALSE },
  { "next-deadline", N_("Next deadline"),         text_deadline,    -1,                    10, FALSE },
};

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 4);
  gtk_list_item_set_child (item, cell);
}

static void
show_cell_text (GtkListItem *item)
{
  const ColumnInfo *info = g_object_get_data (G_OBJECT (item), "column");
  IpdDossierRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = info->text (ipd_dossier_row_get_summary (row));

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
}

/* A row takes another dossier when the list's query changes: the cell
 * follows it (see ipd-dossier-list.c). */
static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  IpdDossierRow *row = gtk_list_item_get_item (item);
  gulong handler;

  g_object_set_data (G_OBJECT (item), "column", data);
  show_cell_text (item);
  handler = g_signal_connect_object (row, "notify::summary", G_CALLBACK (show_cell_text), item, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (item), "handler", GSIZE_TO_POINTER (handler));
}

static void
unbind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "handler"));

  if (handler != 0)
    g_signal_handler_disconnect (gtk_list_item_get_item (item), handler);
  g_object_set_data (G_OBJECT (item), "handler", NULL);
}

/* A column's sorter: it says which column it is, and orders A before B. */
static int
column_compare (gconstpointer a, gconstpointer b, gpointer data)
{
  GtkWidget *widget = g_object_get_data (G_OBJECT (data), "table");
  IpdDossierTable *self = IPD_DOSSIER_TABLE (widget);

  if (self->asked_sort < 0)
    self->asked_sort = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (data), "sort"));
  return a == b ? GTK_ORDERING_EQUAL : GTK_ORDERING_SMALLER;
}

static void
on_sorter_changed (GtkSorter *sorter, GtkSorterChange change, IpdDossierTable *self)
{
  int result;

  if (self->probe_a == NULL)   /* the columns are going away with the table */
    return;
  self->asked_sort = -1;
  result = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  if (self->asked_sort < 0)   /* no column sorts: the register's own order */
    self->sort = IPD_SORT_NAME, self->descending = FALSE;
  else
    self->sort = self->asked_sort, self->descending = result == GTK_ORDERING_LARGER;
  g_signal_emit (self, signals[SIGNAL_SORT_CHANGED], 0);
}

static void
add_columns (IpdDossierTable *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) &columns[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) &columns[i]);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), (gpointer) &columns[i]);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_fixed_width (column, columns[i].width_chars * 9);
      if (columns[i].sort >= 0)
        {
          GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (column_compare, NULL, NULL));
          g_object_set_data (G_OBJECT (sorter), "table", self);
          g_object_set_data (G_OBJECT (sorter), "sort", GINT_TO_POINTER (columns[i].sort));
          gtk_custom_sorter_set_sort_func (GTK_CUSTOM_SORTER (sorter), column_compare, sorter, NULL);
          gtk_column_view_column_set_sorter (column, sorter);
          g_object_unref (sorter);
        }
      gtk_column_view_append_column (self->view, column);
    }
}

static void
on_activate (GtkColumnView *view, guint position, IpdDossierTable *self)
{
  IpdDossierList *model = IPD_DOSSIER_LIST (gtk_single_selection_get_model (self->selection));

  g_signal_emit (self, signals[SIGNAL_ACTIVATED], 0, ipd_dossier_list_get_id (model, position));
}

static void
on_selected_changed (GtkSingleSelection *selection, GParamSpec *pspec, IpdDossierTable *self)
{
  g_signal_emit (self, signals[SIGNAL_SELECTED], 0, ipd_dossier_table_get_selected_id (self));
}

/* Tells the list which rows show, from the scroll position: rows are all
 * as high, so the adjustment's range divided by their number is a row. */
static void
update_shown_rows (GtkAdjustment *adjustment, IpdDossierTable *self)
{
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint n = model ? g_list_model_get_n_items (model) : 0;
  double upper = gtk_adjustment_get_upper (adjustment);
  double row_height;
  guint first;

  if (n == 0 || upper <= 0)
    return;
  row_height = MAX (1.0, upper / n);
  first = (guint) (gtk_adjustment_get_value (adjustment) / row_height);
  ipd_dossier_list_set_shown (IPD_DOSSIER_LIST (model), first > 2 ? first - 2 : 0,
                              (guint) (gtk_adjustment_get_page_size (adjustment) / row_height) + 6);
}

static void
ipd_dossier_table_dispose (GObject *object)
{
  IpdDossierTable *self = IPD_DOSSIER_TABLE (object);
  GtkWidget *child;

  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  gtk_widget_dispose_template (GTK_WIDGET (object), IPD_TYPE_DOSSIER_TABLE);
  /* the template's root child is not bound: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (ipd_dossier_table_parent_class)->dispose (object);
}

static void
ipd_dossier_table_class_init (IpdDossierTableClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_dossier_table_dispose;

  /* Emitted when the officer clicks a column header. */
  signals[SIGNAL_SORT_CHANGED] = g_signal_new ("sort-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Emitted with the dossier's id when a row is activated (Enter, double click). */
  signals[SIGNAL_ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* Emitted with the selected dossier's id (0: none) when the selection changes. */
  signals[SIGNAL_SELECTED] = g_signal_new ("selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  ipd_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipdossiers/IpDossiers/ipd-dossier-table.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdDossierTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierTable, view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ipd_dossier_table_init (IpdDossierTable *self)
{
  g_autoptr(IpdDossierSummary) probe = ipd_dossier_summary_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->probe_a = ipd_dossier_row_new (probe);
  self->probe_b = ipd_dossier_row_new (probe);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (self->selection);
  add_columns (self);
  g_signal_connect_object (gtk_column_view_get_sorter (self->view), "changed",
                           G_CALLBACK (on_sorter_changed), self, 0);
  g_signal_connect_object (self->view, "activate", G_CALLBACK (on_activate), self, 0);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selected_changed), self, 0);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (update_shown_rows), self, 0);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (update_shown_rows), self, 0);
}

void
ipd_dossier_table_set_model (IpdDossierTable *self, IpdDossierList *model)
{
  g_return_if_fail (IPD_IS_DOSSIER_TABLE (self));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (model));
}

void
ipd_dossier_table_get_sort (IpdDossierTable *self, IpdSortColumn *column, gboolean *descending)
{
  g_return_if_fail (IPD_IS_DOSSIER_TABLE (self));
  *column = self->sort;
  *descending = self->descending;
}

gint64
ipd_dossier_table_get_selected_id (IpdDossierTable *self)
{
  IpdDossierRow *row;

  g_return_val_if_fail (IPD_IS_DOSSIER_TABLE (self), 0);
  row = gtk_single_selection_get_selected_item (self->selection);
  return row ? ipd_dossier_row_get_id (row) : 0;
}

/* GTK 4.8 has no gtk_column_view_scroll_to (4.12): the column view's own
 * list view scrolls through its "list.scroll-to-item" action. */
static void
scroll_to (IpdDossierTable *self, guint position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        return;
      }
}

/* Selects the dossier @id if it is listed, and brings its row into view. */
gboolean
ipd_dossier_table_select_id (IpdDossierTable *self, gint64 id)
{
  GListModel *model;
  guint position;

  g_return_val_if_fail (IPD_IS_DOSSIER_TABLE (self), FALSE);
  model = gtk_single_selection_get_model (self->selection);
  if (model == NULL || id == 0 || !ipd_dossier_list_find (IPD_DOSSIER_LIST (model), id, &position))
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return FALSE;
    }
  gtk_single_selection_set_selected (self->selection, position);
  scroll_to (self, position);
  return TRUE;
}

GtkColumnView *
ipd_dossier_table_get_view (IpdDossierTable *self)
{
  g_return_val_if_fail (IPD_IS_DOSSIER_TABLE (self), NULL);
  return self->view;
}

/* The columns' widths by id, as a{si}, for the settings. */
GVariant *
ipd_dossier_table_get_widths (IpdDossierTable *self)
{
  GListModel *list = gtk_column_view_get_columns (self->view);
  GVariantBuilder builder;

  g_return_val_if_fail (IPD_IS_DOSSIER_TABLE (self), NULL);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{si}"));
  for (guint i = 0; i < g_list_model_get_n_items (list) && i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);
      g_variant_builder_add (&builder, "{si}", columns[i].id, gtk_column_view_column_get_fixed_width (column));
    }
  return g_variant_builder_end (&builder);
}

void
ipd_dossier_table_set_widths (IpdDossierTable *self, GVariant *widths)
{
  GListModel *list = gtk_column_view_get_columns (self->view);

  g_return_if_fail (IPD_IS_DOSSIER_TABLE (self));
  for (guint i = 0; i < g_list_model_get_n_items (list) && i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (list, i);
      int width;

      if (g_variant_lookup (widths, columns[i].id, "i", &width) && width >= 40 && width <= 2000)
        gtk_column_view_column_set_fixed_width (column, width);
    }
}
