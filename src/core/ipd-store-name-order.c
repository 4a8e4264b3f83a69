/* ipd-store-name-order.c — the register in name order, kept in memory
 *
 * Search while typing matches thousands of dossiers for the first letters
 * ("duc", "dong"), and each must come back in Vietnamese name order. Joining
 * every match to its row and sorting costs microseconds per match. Instead
 * the store keeps the live dossiers' ids in name order (read from the
 * partial index in one pass) and each id's rank in that order; a search then
 * only reads the matching ids from the FTS index, marks their ranks in a
 * bitmap and reads the bitmap in order — no row is touched, nothing sorted.
 *
 * The copy is rebuilt when the register changed: by this connection (the
 * total of changes moved) or by another one (PRAGMA data_version moved).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-store"

#include "config.h"

#include "ipd-store-private.h"

struct _IpdNameOrder
{
  GArray        *ids;            /* gint64: live dossiers in name order */
  guint32       *rank_by_id;     /* 1 + position in ids, 0 for none */
  gint64         max_id;
  gint64         data_version;
  sqlite3_int64  total_changes;
};

void
ipd_name_order_free (IpdNameOrder *order)
{
  if (order == NULL)
    return;
  g_array_unref (order->ids);
  g_free (order->rank_by_id);
  g_free (order);
}

static gboolean
read_data_version (IpdStore *self, gint64 *version, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self, "PRAGMA data_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return ipd_store_set_error (self, error, rc, "data_version");
  *version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static IpdNameOrder *
build_name_order (IpdStore *self, gint64 data_version, GError **error)
{
  g_autoptr(IpdStmt) stmt = ipd_store_prepare (self,
    "SELECT id FROM dossier WHERE deleted_at IS NULL ORDER BY sort_key, id", error);
  IpdNameOrder *order;
  int rc;

  if (stmt == NULL)
    return NULL;
  order = g_new0 (IpdNameOrder, 1);
  order->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  order->data_version = data_version;
  order->total_changes = sqlite3_total_changes64 (self->db);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (order->ids, id);
      order->max_id = MAX (order->max_id, id);
    }
  if (rc != SQLITE_DONE)
    {
      ipd_name_order_free (order);
      ipd_store_set_error (self, error, rc, "name order");
      return NULL;
    }

  order->rank_by_id = g_new0 (guint32, order->max_id + 1);
  for (guint i = 0; i < order->ids->len; i++)
    order->rank_by_id[g_array_index (order->ids, gint64, i)] = i + 1;
  return order;
}

/* The current name order, rebuilt if the register changed since. */
static IpdNameOrder *
current_name_order (IpdStore *self, GError **error)
{
  gint64 data_version = 0;

  if (!read_data_version (self, &data_version, error))
    return NULL;
  if (self->name_order != NULL
      && self->name_order->data_version == data_version
      && self->name_order->total_changes == sqlite3_total_changes64 (self->db))
    return self->name_order;

  g_clear_pointer (&self->name_order, ipd_name_order_free);
  self->name_order = build_name_order (self, data_version, error);
  return self->name_order;
}

/* Whether a query can be answered from the name order: the live register,
 * sorted by name, filtered by nothing but text. */
gboolean
ipd_store_name_order_applies (const IpdQuery *query)
{
  return !query->trash && query->sort == IPD_SORT_NAME && query->kind == NULL
      && query->status == NULL && query->filing_year == 0 && query->officer == NULL
      && query->province == NULL && query->commune == NULL && query->due_within_days == 0;
}

static void
append_limited (GArray *ids, gint64 id, guint limit, gboolean *full)
{
  g_array_append_val (ids, id);
  *full = limit > 0 && ids->len >= limit;
}

/**
 * ipd_store_name_order_list:
 * @match: (nullable): an FTS5 query, or %NULL for the whole register
 *
 * Returns: (transfer full): the matching live dossiers' ids in name order.
 */
GArray *
ipd_store_name_order_list (IpdStore *self, const IpdQuery *query, const char *match, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree guint64 *marked = NULL;
  g_autoptr(IpdStmt) stmt = NULL;
  IpdNameOrder *order;
  gboolean full = FALSE;
  guint n_ranks, n_words;
  int rc;

  g_return_val_if_fail (ipd_store_name_order_applies (query), NULL);
  if ((order = current_name_order (self, error)) == NULL)
    return NULL;
  n_ranks = order->ids->len;

  if (match == NULL)
    {
      for (guint i = 0; i < n_ranks && !full; i++)
        append_limited (ids, g_array_index (order->ids, gint64, query->descending ? n_ranks - 1 - i : i),
                        query->limit, &full);
      return g_steal_pointer (&ids);
    }

  stmt = ipd_store_prepare (self, "SELECT rowid FROM dossier_fts WHERE dossier_fts MATCH ?1", error);
  if (stmt == NULL)
    return NULL;
  ipd_bind_text (stmt, 1, match);
  n_words = (n_ranks + 63) / 64;
  marked = g_new0 (guint64, MAX (n_words, 1));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint32 rank = (id > 0 && id <= order->max_id) ? order->rank_by_id[id] : 0;

      if (rank > 0)   /* 0: in the trash, or added since (then the order is stale: not here) */
        marked[(rank - 1) / 64] |= G_GUINT64_CONSTANT (1) << ((rank - 1) % 64);
    }
  if (rc != SQLITE_DONE)
    {
      ipd_store_set_error (self, error, rc, "search");
      return NULL;
    }

  for (guint w = 0; w < n_words && !full; w++)
    {
      guint word = query->descending ? n_words - 1 - w : w;
      guint64 bits = marked[word];

      while (bits != 0 && !full)
        {
          int bit = query->descending ? 63 - __builtin_clzll (bits) : __builtin_ctzll (bits);
          append_limited (ids, g_array_index (order->ids, gint64, word * 64 + bit), query->limit, &full);
          bits &= ~(G_GUINT64_CONSTANT (1) << bit);
        }
    }
  return g_steal_pointer (&ids);
}
