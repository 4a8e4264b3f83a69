/* ipd-dossier-list.c — the dossiers a query selects, as a GListModel
 *
 * The model holds only the ids, filtered and ordered by the store in SQL;
 * rows are loaded a page at a time when a view asks for them, and only a
 * bounded number of pages is kept. 100 000 rows cost 800 KB of ids, not
 * 100 000 objects.
 *
 * A row object stands for a position. When the query changes (each
 * keystroke of a search), the rows a view still holds take their new
 * dossier in place and only the positions past the shorter list are
 * announced as removed or added. GTK 4.8 builds a new widget for every
 * row it is told changed, about 200 rows of cells for each change, which
 * costs 80 ms; updating the rows' contents costs a few. (One change that
 * both removes and adds all rows would even make it read every item.)
 *
 * GTK keeps about 200 rows alive where 30 show. The view tells which
 * positions it shows (ipd_dossier_list_set_shown): those rows change at
 * once, the others when the main loop is idle, after the frame is drawn,
 * or as soon as anyone asks for them. A keystroke rebinds 30 rows, not 200.
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
  char       *province;
  char       *commune;

  GArray     *ids;          /* gint64 */
  GHashTable *pages;        /* page number → GPtrArray of IpdDossierRow (kept) */
  GQueue      page_order;   /* page numbers, most recently used first */
  GHashTable *live;         /* position → IpdDossierRow alive anywhere (weak) */
  GHashTable *stale;        /* positions of live rows still showing a former dossier */
  guint       stale_source; /* brings them up to date when idle */
  guint       shown_first;  /* the positions the view shows */
  guint       shown_n;
  guint       n_page_loads; /* ever: tells whether a view reads only what it shows */
};

static void ipd_dossier_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IpdDossierList, ipd_dossier_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ipd_dossier_list_model_init))

static GQuark position_quark;

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

/* The registry of live rows: every row object handed out, until it dies. */

static void
on_row_disposed (gpointer data, GObject *row)
{
  IpdDossierList *self = data;
  gpointer position = g_object_get_qdata (row, position_quark);

  if (g_hash_table_lookup (self->live, position) == (gpointer) row)
    {
      g_hash_table_remove (self->live, position);
      g_hash_table_remove (self->stale, position);
    }
}

static IpdDossierRow *
track_row (IpdDossierList *self, guint position, IpdDossierRow *row)
{
  g_object_set_qdata (G_OBJECT (row), position_quark, GUINT_TO_POINTER (position + 1));
  g_object_weak_ref (G_OBJECT (row), on_row_disposed, self);
  g_hash_table_insert (self->live, GUINT_TO_POINTER (position + 1), row);
  return row;
}

static IpdDossierRow *
live_row (IpdDossierList *self, guint position)
{
  return g_hash_table_lookup (self->live, GUINT_TO_POINTER (position + 1));
}

static void
forget_pages (IpdDossierList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
}

static void
remember_page (IpdDossierList *self, guint page, GPtrArray *rows)
{
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->page_order) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->page_order));
}

/* A summary for an id that vanished since the list was made (another
 * program deleted it): shown empty until the next refresh, never a hole. */
static IpdDossierSummary *
vanished_summary (gint64 id)
{
  IpdDossierSummary *summary = ipd_dossier_summary_new ();

  summary->id = id;
  summary->name = g_strdup ("—");
  return summary;
}

/* The summaries of @n ids, in their order, vanished ones included; NULL
 * when the register could not be read (then nothing is remembered). */
static GPtrArray *
load_summaries (IpdDossierList *self, const gint64 *ids, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = ipd_store_load_summaries (self->store, ids, n, &error);
  GPtrArray *summaries;
  guint next = 0;

  if (found == NULL)
    {
      g_warning ("Cannot load %u rows: %s", n, error->message);
      return NULL;
    }
  summaries = g_ptr_array_new_full (n, (GDestroyNotify) ipd_dossier_summary_unref);
  for (guint i = 0; i < n; i++)
    {
      IpdDossierSummary *summary = next < found->len ? g_ptr_array_index (found, next) : NULL;

      if (summary != NULL && summary->id == ids[i])
        g_ptr_array_add (summaries, ipd_dossier_summary_ref (summary)), next++;
      else
        g_ptr_array_add (summaries, vanished_summary (ids[i]));
    }
  return summaries;
}

/* Gives the live rows at @positions the dossiers now there. */
static void
update_rows (IpdDossierList *self, const guint *positions, guint n)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_full (n, g_object_unref);
  g_autoptr(GPtrArray) summaries = NULL;

  for (guint i = 0; i < n; i++)
    {
      IpdDossierRow *row = live_row (self, positions[i]);

      g_hash_table_remove (self->stale, GUINT_TO_POINTER (positions[i] + 1));
      if (row == NULL || positions[i] >= self->ids->len)
        continue;
      g_ptr_array_add (rows, g_object_ref (row));
      g_array_append_val (ids, g_array_index (self->ids, gint64, positions[i]));
    }
  summaries = load_summaries (self, (const gint64 *) ids->data, ids->len);
  for (guint i = 0; summaries != NULL && i < rows->len; i++)
    ipd_dossier_row_set_summary (g_ptr_array_index (rows, i), g_ptr_array_index (summaries, i));
}

static gboolean
update_stale_rows (gpointer data)
{
  IpdDossierList *self = data;
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key;

  self->stale_source = 0;
  g_hash_table_iter_init (&iter, self->stale);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint position = GPOINTER_TO_UINT (key) - 1;
      g_array_append_val (positions, position);
    }
  update_rows (self, (const guint *) positions->data, positions->len);
  return G_SOURCE_REMOVE;
}

static GPtrArray *
load_page (IpdDossierList *self, guint page)
{
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - first);
  g_autoptr(GPtrArray) summaries = load_summaries (self, &g_array_index (self->ids, gint64, first), n);
  GPtrArray *rows;

  if (summaries == NULL)
    return NULL;
  rows = g_ptr_array_new_full (n, g_object_unref);
  self->n_page_loads++;
  for (guint i = 0; i < n; i++)
    {
      IpdDossierRow *row = live_row (self, first + i);

      if (row != NULL)
        g_ptr_array_add (rows, g_object_ref (row));
      else
        g_ptr_array_add (rows, track_row (self, first + i, ipd_dossier_row_new (g_ptr_array_index (summaries, i))));
    }
  return rows;
}

static gpointer
ipd_dossier_list_get_item (GListModel *model, guint position)
{
  IpdDossierList *self = IPD_DOSSIER_LIST (model);
  guint page = position / PAGE_SIZE;
  IpdDossierRow *row;
  GPtrArray *rows;

  if (position >= self->ids->len)
    return NULL;
  if ((row = live_row (self, position)) != NULL)
    {
      if (g_hash_table_contains (self->stale, GUINT_TO_POINTER (position + 1)))
        update_rows (self, &position, 1);
      return g_object_ref (row);
    }

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows == NULL)
    {
      rows = load_page (self, page);
      if (rows == NULL)   /* unreadable for now: an empty row, asked for again later */
        {
          g_autoptr(IpdDossierSummary) summary = vanished_summary (g_array_index (self->ids, gint64, position));
          return ipd_dossier_row_new (summary);
        }
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
  GHashTableIter iter;
  gpointer row;

  g_clear_handle_id (&self->stale_source, g_source_remove);
  forget_pages (self);
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    g_object_weak_unref (row, on_row_disposed, self);
  g_hash_table_unref (self->live);
  g_hash_table_unref (self->stale);
  g_hash_table_unref (self->pages);
  g_array_unref (self->ids);
  g_clear_object (&self->store);
  g_free (self->text);
  g_free (self->kind);
  g_free (self->status);
  g_free (self->officer);
  g_free (self->province);
  g_free (self->commune);
  G_OBJECT_CLASS (ipd_dossier_list_parent_class)->finalize (object);
}

static void
ipd_dossier_list_class_init (IpdDossierListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ipd_dossier_list_finalize;
  position_quark = g_quark_from_static_string ("ipd-dossier-list-position");
}

static void
ipd_dossier_list_init (IpdDossierList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->live = g_hash_table_new (NULL, NULL);
  self->stale = g_hash_table_new (NULL, NULL);
  self->shown_n = G_MAXUINT;   /* until a view says: everything */
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
  replace_string (&self->province, query->province);
  replace_string (&self->commune, query->commune);
  self->query = *query;
  self->query.text = self->text;
  self->query.kind = self->kind;
  self->query.status = self->status;
  self->query.officer = self->officer;
  self->query.province = self->province;
  self->query.commune = self->commune;
}

static gboolean
is_shown (IpdDossierList *self, guint position)
{
  return position >= self->shown_first && position - self->shown_first < self->shown_n;
}

/* Gives the rows that stay the dossiers now at their positions (the shown
 * ones at once, the others when idle), drops the rows past the new end,
 * and announces only the change of length. */
static void
replace_ids (IpdDossierList *self, GArray *ids)
{
  guint old_n = self->ids->len, new_n = ids->len;
  g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key, row;

  forget_pages (self);
  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, &row))
    {
      guint position = GPOINTER_TO_UINT (key) - 1;

      if (position >= new_n)
        {
          g_object_weak_unref (row, on_row_disposed, self);
          g_hash_table_remove (self->stale, key);
          g_hash_table_iter_remove (&iter);
        }
      else if (is_shown (self, position))
        g_array_append_val (shown, position);
      else
        g_hash_table_add (self->stale, key);
    }
  update_rows (self, (const guint *) shown->data, shown->len);
  if (g_hash_table_size (self->stale) > 0 && self->stale_source == 0)
    self->stale_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_stale_rows, self, NULL);

  if (old_n > new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  else if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
}

/**
 * ipd_dossier_list_set_shown:
 * @first: the first position the view shows
 * @n: how many it shows
 *
 * Tells which rows the view shows: after a new query those change at
 * once and the others the view keeps change when the main loop is idle.
 */
void
ipd_dossier_list_set_shown (IpdDossierList *self, guint first, guint n)
{
  g_return_if_fail (IPD_IS_DOSSIER_LIST (self));
  self->shown_first = first;
  self->shown_n = n;
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

/* Where the dossier @id is in the list: to keep a selection across
 * refreshes. A scan of the ids (0,1 ms at 100 000) costs less than keeping
 * an index of them that every keystroke would rebuild. */
gboolean
ipd_dossier_list_find (IpdDossierList *self, gint64 id, guint *position)
{
  const gint64 *ids;

  g_return_val_if_fail (IPD_IS_DOSSIER_LIST (self), FALSE);
  ids = (const gint64 *) self->ids->data;
  for (guint i = 0; i < self->ids->len; i++)
    if (ids[i] == id)
      {
        if (position)
          *position = i;
        return TRUE;
      }
  return FALSE;
}

guint
ipd_dossier_list_get_n_loaded_pages (IpdDossierList *self)
{
  g_return_val_if_fail (IPD_IS_DOSSIER_LIST (self), 0);
  return g_hash_table_size (self->pages);
}

/* How many pages were read from the store since the list was made. */
guint
ipd_dossier_list_get_n_page_loads (IpdDossierList *self)
{
  g_return_val_if_fail (IPD_IS_DOSSIER_LIST (self), 0);
  return self->n_page_loads;
}
