/* ipd-dossier-list.c — the dossiers a query selects, as a GListModel
 *
 * The model holds only the ids, filtered and ordered by the store in SQL;
 * rows are loaded a page at a time when a view asks for them, and only a
 * bounded number of pages is kept. 100 000 rows cost 800 KB of ids, not
 * 100 000 objects.
 *
 * GTK 4.8 reads every item when one items-changed replaces all of them, so
 * a new query is announced in two steps: everything removed (while the
 * model is empty), then everything added.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-dossier-list"

#include "config.h"

#include "ipd-dossier-list.h"
#include "ipd-dossier-row.h"

#define PAGE_SIZE 128
#define MAX_PAGES 64

struct _IpdDossierList
{
  GObject     parent_instance;

  IpdStore   *store;
  IpdQuery    query;        /* strings owned by the fields below */
  char       *text;
  char       *kind;
  char       *status;
  char       *officer;

  GArray     *ids;          /* gint64 */
  GHashTable *positions;    /* id → position + 1, built on demand */
  GHashTable *pages;        /* page number → GPtrArray of IpdDossierRow */
  GQueue      page_order;   /* page numbers, most recently used first */
};

static void ipd_dossier_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IpdDossierList, ipd_dossier_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ipd_dossier_list_model_init))

static GType
ipd_dossier_list_get_item_type (GListModel *model)
{
  return IPD_TYPE_DOSSIER_ROW;
}

static guint
ipd_dossier_list_get_n_items (GListModel *model)
{
  return IPD_DOSSIER_LIST (model)->ids->len;
}

static void
forget_pages (IpdDossierList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
  g_clear_pointer (&self->positions, g_hash_table_unref);
}

static void
remember_page (IpdDossierList *self, guint page, GPtrArray *rows)
{
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->page_order) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->page_order));
}

/* A row for an id that vanished since the list was made (another program
 * deleted it): shown empty until the next refresh, never a hole. */
static IpdDossierRow *
vanished_row (gint64 id)
{
  g_autoptr(IpdDossierSummary) summary = ipd_dossier_summary_new ();

  summary->id = id;
  summary->name = g_strdup ("—");
  return ipd_dossier_row_new (summary);
}

static GPtrArray *
load_page (IpdDossierList *self, guint page)
{
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - first);
  const gint64 *ids = &g_array_index (self->ids, gint64, first);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) summaries = ipd_store_load_summaries (self->store, ids, n, &error);
  GPtrArray *rows = g_ptr_array_new_full (n, g_object_unref);
  guint next = 0;

  if (summaries == NULL)
    g_warning ("Cannot load rows %u–%u: %s", first, first + n, error->message);
  for (guint i = 0; i < n; i++)
    {
      IpdDossierSummary *summary = summaries && next < summaries->len ? g_ptr_array_index (summaries, next) : NULL;

      if (summary != NULL && summary->id == ids[i])
        {
          g_ptr_array_add (rows, ipd_dossier_row_new (summary));
          next++;
        }
      else
        g_ptr_array_add (rows, vanished_row (ids[i]));
    }
  return rows;
}

static gpointer
ipd_dossier_list_get_item (GListModel *model, guint position)
{
  IpdDossierList *self = IPD_DOSSIER_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->ids->len)
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    {
      rows = load_page (self, page);
      remember_page (self, page, rows);
    }
  else if (g_queue_peek_head (&self->page_order) != GUINT_TO_POINTER (page))
    {
      g_queue_remove (&self->page_order, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));
    }
  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
ipd_dossier_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ipd_dossier_list_get_item_type;
  iface->get_n_items = ipd_dossier_list_get_n_items;
  iface->get_item = ipd_dossier_list_get_item;
}

static void
ipd_dossier_list_finalize (GObject *object)
{
  IpdDossierList *self = IPD_DOSSIER_LIST (object);

  forget_pages (self);
  g_hash_table_unref (self->pages);
  g_array_unref (self->ids);
  g_clear_object (&self->store);
  g_free (self->text);
  g_free (self->kind);
  g_free (self->status);
  g_free (self->officer);
  G_OBJECT_CLASS (ipd_dossier_list_parent_class)->finalize (object);
}

static void
ipd_dossier_list_class_init (IpdDossierListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ipd_dossier_list_finalize;
}

static void
ipd_dossier_list_init (IpdDossierList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->page_order);
}

IpdDossierList *
ipd_dossier_list_new (IpdStore *store)
{
  IpdDossierList *self;

  g_return_val_if_fail (IPD_IS_STORE (store), NULL);
  self = g_object_new (IPD_TYPE_DOSSIER_LIST, NULL);
  self->store = g_object_ref (store);
  return self;
}

static void
replace_string (char **field, const char *value)
{
  char *copy = g_strdup (value);   /* before freeing: @value may be *@field */

  g_free (*field);
  *field = copy;
}

static void
keep_query (IpdDossierList *self, const IpdQuery *query)
{
  replace_string (&self->text, query->text);
  replace_string (&self->kind, query->kind);
  replace_string (&self->status, query->status);
  replace_string (&self->officer, query->officer);
  self->query = *query;
  self->query.text = self->text;
  self->query.kind = self->kind;
  self->query.status = self->status;
  self->query.officer = self->officer;
}

/* Replaces the contents in two announcements (see the top of this file). */
static void
replace_ids (IpdDossierList *self, GArray *ids)
{
  guint removed = self->ids->len;

  forget_pages (self);
  g_array_set_size (self->ids, 0);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  if (ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, ids->len);
}

/**
 * ipd_dossier_list_set_query:
 *
 * Lists the dossiers @query selects, in its order. On an error the list
 * keeps what it showed.
 */
gboolean
ipd_dossier_list_set_query (IpdDossierList *self, const IpdQuery *query, GError **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (IPD_IS_DOSSIER_LIST (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  ids = ipd_store_list_ids (self->store, query, error);
  if (ids == NULL)
    return FALSE;
  keep_query (self, query);
  replace_ids (self, ids);
  return TRUE;
}

/* Runs the same query again, after the register changed. */
gboolean
ipd_dossier_list_refresh (IpdDossierList *self, GError **error)
{
  IpdQuery query;

  g_return_val_if_fail (IPD_IS_DOSSIER_LIST (self), FALSE);
  query = self->query;
  return ipd_dossier_list_set_query (self, &query, error);
}

gint64
ipd_dossier_list_get_id (IpdDossierList *self, guint position)
{
  g_return_val_if_fail (IPD_IS_DOSSIER_LIST (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);
  return g_array_index (self->ids, gint64, position);
}

/* Where the dossier @id is in the list: to keep a selection across refreshes. */
gboolean
ipd_dossier_list_find (IpdDossierList *self, gint64 id, guint *position)
{
  gpointer found;

  g_return_val_if_fail (IPD_IS_DOSSIER_LIST (self), FALSE);
  if (self->positions == NULL)
    {
      self->positions = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, NULL);
      for (guint i = 0; i < self->ids->len; i++)
        g_hash_table_insert (self->positions, &g_array_index (self->ids, gint64, i), GUINT_TO_POINTER (i + 1));
    }
  found = g_hash_table_lookup (self->positions, &id);
  if (found == NULL)
    return FALSE;
  if (position)
    *position = GPOINTER_TO_UINT (found) - 1;
  return TRUE;
}

guint
ipd_dossier_list_get_n_loaded_pages (IpdDossierList *self)
{
  g_return_val_if_fail (IPD_IS_DOSSIER_LIST (self), 0);
  return g_hash_table_size (self->pages);
}
