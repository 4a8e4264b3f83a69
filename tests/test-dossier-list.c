/* test-dossier-list.c — the lazy list model over the register
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ipd-dossier-list.h"
#include "ipd-dossier-row.h"
#include "ipd-generator.h"
#include "ipd-test-util.h"

typedef struct {
  char     *directory;
  char     *path;
  IpdStore *store;
  GArray   *changes;   /* guint quadruples: position, removed, added, items after */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->directory = ipd_test_make_dir ("ipd-list-XXXXXX");
  f->path = g_build_filename (f->directory, "register.sqlite", NULL);
  f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (ipd_generator_run (f->store, 1000, 3, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  f->changes = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  ipd_test_remove_dir (f->directory);
  g_free (f->directory);
  g_free (f->path);
  g_array_unref (f->changes);
}

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Fixture *f)
{
  /* What the model holds when it announces the change: it must already agree. */
  guint change[4] = { position, removed, added, g_list_model_get_n_items (model) };

  g_array_append_vals (f->changes, change, 4);
}

static void
test_list_pages_on_demand (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossierList) list = ipd_dossier_list_new (f->store);
  g_autoptr(GError) error = NULL;
  IpdQuery everything = { NULL };
  gint64 count = ipd_store_count_dossiers (f->store, &everything, NULL);
  guint n;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), f);
  g_assert_true (ipd_dossier_list_set_query (list, &everything, &error));
  g_assert_no_error (error);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpint (n, ==, count);
  g_assert_cmpuint (ipd_dossier_list_get_n_loaded_pages (list), ==, 0);

  /* One row loads its page, and only that. */
  {
    g_autoptr(IpdDossierRow) row = g_list_model_get_item (G_LIST_MODEL (list), 500);
    g_assert_nonnull (row);
    g_assert_cmpint (ipd_dossier_row_get_id (row), ==, ipd_dossier_list_get_id (list, 500));
    g_assert_nonnull (ipd_dossier_row_get_summary (row)->name);
    g_assert_cmpuint (ipd_dossier_list_get_n_loaded_pages (list), ==, 1);
  }

  /* Walking the whole list keeps a bounded number of pages. */
  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  g_assert_cmpuint (ipd_dossier_list_get_n_loaded_pages (list), <=, 64);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));

  /* A refresh of the same rows announces nothing: the rows are up to date. */
  g_array_set_size (f->changes, 0);
  g_assert_true (ipd_dossier_list_refresh (list, &error));
  g_assert_cmpuint (f->changes->len, ==, 0);

  /* A shorter list announces only the removed tail, and a row a view
   * holds now shows the dossier at its position. */
  {
    g_autoptr(IpdDossierRow) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    IpdQuery gi = { .kind = "gi" };
    guint n_gi;

    g_assert_true (ipd_dossier_list_set_query (list, &gi, &error));
    n_gi = g_list_model_get_n_items (G_LIST_MODEL (list));
    g_assert_cmpuint (n_gi, <, n);
    g_assert_cmpuint (f->changes->len, ==, 4);
    g_assert_cmpuint (g_array_index (f->changes, guint, 0), ==, n_gi);
    g_assert_cmpuint (g_array_index (f->changes, guint, 1), ==, n - n_gi);
    g_assert_cmpuint (g_array_index (f->changes, guint, 2), ==, 0);
    g_assert_cmpuint (g_array_index (f->changes, guint, 3), ==, n_gi);   /* true when announced */
    g_assert_cmpint (ipd_dossier_row_get_id (first), ==, ipd_dossier_list_get_id (list, 0));
    g_assert_cmpstr (ipd_dossier_row_get_summary (first)->kind, ==, "gi");

    /* and back: the tail is announced as added */
    g_array_set_size (f->changes, 0);
    g_assert_true (ipd_dossier_list_set_query (list, &everything, &error));
    g_assert_cmpuint (f->changes->len, ==, 4);
    g_assert_cmpuint (g_array_index (f->changes, guint, 0), ==, n_gi);
    g_assert_cmpuint (g_array_index (f->changes, guint, 2), ==, n - n_gi);
    g_assert_cmpuint (g_array_index (f->changes, guint, 3), ==, n);
    g_assert_cmpint (ipd_dossier_row_get_id (first), ==, ipd_dossier_list_get_id (list, 0));
  }
}

static void
test_list_follows_query_and_changes (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossierList) list = ipd_dossier_list_new (f->store);
  g_autoptr(GError) error = NULL;
  IpdQuery gi = { .kind = "gi" };
  IpdQuery everything = { NULL };
  gint64 first_id;
  guint position, n_before;

  g_assert_true (ipd_dossier_list_set_query (list, &gi, &error));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(IpdDossierRow) row = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpstr (ipd_dossier_row_get_summary (row)->kind, ==, "gi");
    }

  g_assert_true (ipd_dossier_list_set_query (list, &everything, &error));
  n_before = g_list_model_get_n_items (G_LIST_MODEL (list));
  first_id = ipd_dossier_list_get_id (list, 10);
  g_assert_true (ipd_dossier_list_find (list, first_id, &position));
  g_assert_cmpuint (position, ==, 10);

  /* Deleted by "another program": the row stays readable until the refresh. */
  {
    g_autoptr(IpdStore) other = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
    g_autoptr(IpdDossierRow) row = NULL;

    g_assert_true (ipd_store_trash_dossier (other, first_id, &error));
    g_assert_true (ipd_store_purge_dossier (other, first_id, &error));
    g_assert_no_error (error);
    row = g_list_model_get_item (G_LIST_MODEL (list), 10);
    g_assert_cmpint (ipd_dossier_row_get_id (row), ==, first_id);
  }
  g_assert_true (ipd_dossier_list_refresh (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_before - 1);
  g_assert_false (ipd_dossier_list_find (list, first_id, NULL));
}

static void
count_notify (GObject *row, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* A row that shows the same dossier after a new query is not redrawn; a
 * row whose dossier changed is. */
static void
test_list_notifies_only_changed_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossierList) list = ipd_dossier_list_new (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdDossierRow) first = NULL;
  g_autoptr(IpdDossierRow) second = NULL;
  g_autoptr(IpdDossier) dossier = NULL;
  IpdQuery everything = { NULL };
  IpdQuery trademarks = { .kind = "trademark" };
  IpdQuery gi = { .kind = "gi" };
  guint first_notified = 0, second_notified = 0;

  g_assert_true (ipd_dossier_list_set_query (list, &trademarks, &error));
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  second = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_signal_connect (first, "notify::summary", G_CALLBACK (count_notify), &first_notified);
  g_signal_connect (second, "notify::summary", G_CALLBACK (count_notify), &second_notified);

  /* the same query again: the same dossiers at the same places */
  g_assert_true (ipd_dossier_list_set_query (list, &trademarks, &error));
  g_assert_cmpuint (first_notified, ==, 0);
  g_assert_cmpuint (second_notified, ==, 0);

  /* the first dossier renamed: only its row changes */
  dossier = ipd_store_load_dossier (f->store, ipd_dossier_row_get_id (first), &error);
  g_assert_no_error (error);
  g_free (dossier->name);
  dossier->name = g_strdup ("Renamed for the test");
  g_assert_true (ipd_store_save_dossier (f->store, dossier, &error));
  g_assert_no_error (error);
  g_assert_true (ipd_dossier_list_refresh (list, &error));
  /* whether the renamed dossier stayed first or moved, the first row changed */
  g_assert_cmpuint (first_notified, ==, 1);
  g_assert_cmpint (ipd_dossier_row_get_id (first), ==, ipd_dossier_list_get_id (list, 0));

  /* another query: other dossiers at those places */
  g_assert_true (ipd_dossier_list_set_query (list, &gi, &error));
  g_assert_cmpstr (ipd_dossier_row_get_summary (second)->kind, ==, "gi");
  g_assert_cmpuint (second_notified, >=, 1);
  g_assert_true (ipd_dossier_list_set_query (list, &everything, &error));
}

/* The rows a view shows take their new dossier at once; the others it
 * keeps follow when the main loop is idle, or when they are asked for. */
static void
test_list_updates_hidden_rows_later (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdDossierList) list = ipd_dossier_list_new (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdDossierRow) shown = NULL;
  g_autoptr(IpdDossierRow) hidden = NULL;
  g_autoptr(IpdDossierRow) asked = NULL;
  IpdQuery trademarks = { .kind = "trademark" };
  IpdQuery gi = { .kind = "gi" };
  guint n_gi;

  g_assert_true (ipd_dossier_list_set_query (list, &trademarks, &error));
  ipd_dossier_list_set_shown (list, 0, 10);
  shown = g_list_model_get_item (G_LIST_MODEL (list), 3);
  hidden = g_list_model_get_item (G_LIST_MODEL (list), 40);
  asked = g_list_model_get_item (G_LIST_MODEL (list), 41);
  g_assert_cmpstr (ipd_dossier_row_get_summary (hidden)->kind, ==, "trademark");

  g_assert_true (ipd_dossier_list_set_query (list, &gi, &error));
  n_gi = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n_gi, >, 41);
  g_assert_cmpstr (ipd_dossier_row_get_summary (shown)->kind, ==, "gi");
  g_assert_cmpint (ipd_dossier_row_get_id (shown), ==, ipd_dossier_list_get_id (list, 3));
  /* not shown: still the former dossier until idle... */
  g_assert_cmpstr (ipd_dossier_row_get_summary (hidden)->kind, ==, "trademark");
  /* ...unless someone asks for it */
  {
    g_autoptr(IpdDossierRow) again = g_list_model_get_item (G_LIST_MODEL (list), 41);

    g_assert_true (again == asked);
    g_assert_cmpstr (ipd_dossier_row_get_summary (asked)->kind, ==, "gi");
    g_assert_cmpint (ipd_dossier_row_get_id (asked), ==, ipd_dossier_list_get_id (list, 41));
  }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpstr (ipd_dossier_row_get_summary (hidden)->kind, ==, "gi");
  g_assert_cmpint (ipd_dossier_row_get_id (hidden), ==, ipd_dossier_list_get_id (list, 40));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/dossier-list/pages-on-demand", Fixture, NULL, fixture_set_up, test_list_pages_on_demand, fixture_tear_down);
  g_test_add ("/dossier-list/follows-query-and-changes", Fixture, NULL, fixture_set_up, test_list_follows_query_and_changes, fixture_tear_down);
  g_test_add ("/dossier-list/notifies-only-changed-rows", Fixture, NULL, fixture_set_up, test_list_notifies_only_changed_rows, fixture_tear_down);
  g_test_add ("/dossier-list/updates-hidden-rows-later", Fixture, NULL, fixture_set_up, test_list_updates_hidden_rows_later, fixture_tear_down);
  return g_test_run ();
}
