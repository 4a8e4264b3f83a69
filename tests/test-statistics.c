/* test-statistics.c — the Statistics page on a real register under Xvfb
 *
 * The sample records plus dossiers with fixed dates: filings and grants in
 * the second quarter of 2025, the first quarter of 2025 and the second of
 * 2024, a dossier in a support programme, one in the trash. The page's
 * numbers are checked against counts made here with SQL of our own on the
 * register file (opened read-only with sqlite3), and against the store's
 * ipd_store_statistics(), which the statistics report also calls. Saves
 * screenshots: statistics-C.png and -1, -2, -3 further down, -dark,
 * statistics-narrow-C.png, and the same with vi.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "ipd-bar-chart.h"
#include "ipd-date.h"
#include "ipd-demo.h"
#include "ipd-test-gui.h"
#include "ipd-test-util.h"
#include "ipd-vocabulary.h"
#include "ipd-window-private.h"

#define OFFICER_A "Cán bộ Thống kê A"
#define OFFICER_B "Cán bộ Thống kê B"

typedef struct {
  char      *directory;
  char      *path;
  IpdStore  *store;
  IpdWindow *window;
  sqlite3   *db;        /* the same file, read-only, for counts of our own */
} Fixture;

/* The register ------------------------------------------------------------------ */

static gint64
add_dossier (Fixture *f, const char *kind, const char *name, const char *officer, const char *filed)
{
  g_autoptr(IpdDossier) d = ipd_dossier_new (kind, name);
  g_autoptr(GError) error = NULL;

  d->officer = g_strdup (officer);
  d->filing_date = g_strdup (filed);
  if (!g_str_equal (kind, "gi"))
    ipd_dossier_add_class (d, 31, "Quả tươi");
  g_assert_true (ipd_store_save_dossier (f->store, d, &error));
  g_assert_no_error (error);
  return d->id;
}

static void
add_event (Fixture *f, gint64 dossier_id, const char *date, const char *type)
{
  g_autoptr(IpdEvent) event = ipd_event_new (dossier_id, date, type);
  g_autoptr(GError) error = NULL;

  g_assert_true (ipd_store_save_event (f->store, event, &error));
  g_assert_no_error (error);
}

static gint64
add_filed (Fixture *f, const char *kind, const char *name, const char *officer, const char *filed)
{
  gint64 id = add_dossier (f, kind, name, officer, filed);

  add_event (f, id, filed, "filed");
  return id;
}

/* 2025-Q2: three filed (two trademarks, a GI), one granted; 2025-Q1: one
 * filed, two granted; 2024-Q2: one filed. One more in the trash. */
static void
add_dated_dossiers (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 granted_q2, granted_q1a, granted_q1b, trashed;

  granted_q2 = add_filed (f, "trademark", "Táo mèo Y Tý", OFFICER_A, "2025-04-10");
  add_event (f, granted_q2, "2025-06-20", "granted");
  add_filed (f, "trademark", "Lê Tai Nung", OFFICER_B, "2025-05-02");
  add_filed (f, "gi", "Mật ong bạc hà Bát Xát", OFFICER_A, "2025-06-30");

  granted_q1a = add_filed (f, "collective", "Hồng không hạt Bảo Lạc", OFFICER_A, "2025-02-14");
  add_event (f, granted_q1a, "2025-03-03", "granted");
  granted_q1b = add_filed (f, "certification", "Gạo Séng Cù chứng nhận", OFFICER_B, "2023-09-01");
  add_event (f, granted_q1b, "2025-01-20", "granted");

  add_filed (f, "trademark", "Cam Bắc Quang", OFFICER_B, "2024-05-15");

  {
    g_autoptr(IpdDossier) d = ipd_dossier_new ("trademark", "Chè Tà Xùa hỗ trợ");

    d->officer = g_strdup (OFFICER_A);
    d->filing_date = g_strdup ("2025-04-22");
    d->programme = g_strdup ("Chương trình phát triển tài sản trí tuệ tỉnh");
    d->support_amount = 60000000;
    ipd_dossier_add_class (d, 30, "Chè");
    g_assert_true (ipd_store_save_dossier (f->store, d, &error));
    g_assert_no_error (error);
  }

  /* in the trash: counted nowhere */
  trashed = add_filed (f, "trademark", "Đã bỏ vào thùng rác", OFFICER_A, "2025-05-05");
  g_assert_true (ipd_store_trash_dossier (f->store, trashed, &error));
  g_assert_no_error (error);
}

/* GIs in ten communes of a province that is not the sample's, five in one. */
static void
add_communes (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 14; i++)
    {
      g_autofree char *name = g_strdup_printf ("Sản phẩm thử %d", i);
      g_autofree char *commune = i < 5 ? g_strdup ("Xã Bản Thí") : g_strdup_printf ("Xã Thử Nghiệm %d", i);
      g_autoptr(IpdDossier) d = ipd_dossier_new ("gi", name);

      ipd_dossier_add_product (d, "Chè");
      ipd_dossier_add_area_unit (d, commune, commune, "Tỉnh Cao Bằng");
      g_assert_true (ipd_store_save_dossier (f->store, d, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture *f, gconstpointer with_data)
{
  g_autoptr(GError) error = NULL;

  f->directory = ipd_test_make_dir ("ipd-statistics-XXXXXX");
  f->path = g_build_filename (f->directory, "register.sqlite", NULL);
  f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  if (with_data)
    {
      g_assert_cmpint (ipd_demo_load (f->store, &error), ==, 11);
      g_assert_no_error (error);
      add_dated_dossiers (f);
    }
  g_assert_cmpint (sqlite3_open_v2 (f->path, &f->db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  f->window = ipd_window_new (NULL, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 1000);
  ipd_test_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ipd_test_iterate (20);
  sqlite3_close (f->db);
  g_clear_object (&f->store);
  ipd_test_remove_dir (f->directory);
  g_free (f->directory);
  g_free (f->path);
}

/* Counts of our own ------------------------------------------------------------- */

/* The one number @sql (with up to three text parameters) gives. */
static gint64
sql_count (Fixture *f, const char *sql, const char *a, const char *b, const char *c)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  if (sqlite3_prepare_v2 (f->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (f->db));
  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, b, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, c, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Live dossiers of @kind (NULL: any) and @status (NULL: any). */
static gint64
sql_dossiers (Fixture *f, const char *kind, const char *status)
{
  return sql_count (f, "SELECT count(*) FROM dossier WHERE deleted_at IS NULL"
                       " AND (?1 IS NULL OR kind = ?1) AND (?2 IS NULL OR status = ?2)",
                    kind, status, NULL);
}

static gint64
sql_filed (Fixture *f, const char *kind, const IpdReportPeriod *p)
{
  return sql_count (f, "SELECT count(*) FROM dossier WHERE deleted_at IS NULL"
                       " AND (?3 IS NULL OR kind = ?3) AND filing_date >= ?1 AND filing_date <= ?2",
                    p->from, p->to, kind);
}

static gint64
sql_granted (Fixture *f, const char *kind, const IpdReportPeriod *p)
{
  return sql_count (f, "SELECT count(DISTINCT d.id) FROM dossier d JOIN event e ON e.dossier_id = d.id"
                       " WHERE d.deleted_at IS NULL AND (?3 IS NULL OR d.kind = ?3)"
                       " AND e.type = 'granted' AND e.date >= ?1 AND e.date <= ?2",
                    p->from, p->to, kind);
}

/* The page ---------------------------------------------------------------------- */

static GtkWidget *
page (Fixture *f)
{
  return GTK_WIDGET (f->window->statistics);
}

/* The number a label named @name shows ("1.234" is 1234). */
static gint64
shown_number (Fixture *f, const char *name)
{
  GtkWidget *label = ipd_test_get_named (page (f), name);
  const char *text = gtk_label_get_text (GTK_LABEL (label));
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
    else
      g_assert_true (*p == '.');
  g_assert_cmpuint (digits->len, >, 0);
  return g_ascii_strtoll (digits->str, NULL, 10);
}

static IpdBarChart *
chart (Fixture *f, const char *name)
{
  return IPD_BAR_CHART (ipd_test_get_named (page (f), name));
}

static const char *
statistics_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (ipd_test_get_named (page (f), "statistics-stack")));
}

/* Lets the page gather its figures (on a worker) and show them. */
static void
settle (Fixture *f)
{
  ipd_test_iterate (10);
  for (int i = 0; i < 1000 && ipd_statistics_view_is_loading (f->window->statistics); i++)
    ipd_test_wait_ms (10);
  g_assert_false (ipd_statistics_view_is_loading (f->window->statistics));
  /* and the frame clock lay out what came in */
  ipd_test_wait_ms (100);
}

static void
show_statistics (Fixture *f)
{
  g_object_set (f->window, "statistics-shown", TRUE, NULL);
  settle (f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->content_stack), ==, "statistics");
}

static void
set_quarter (Fixture *f, IpdReportPeriod *period, const char *text)
{
  g_assert_true (ipd_report_period_quarter (period, text, NULL));
  ipd_statistics_view_set_period (f->window->statistics, period);
  settle (f);
}

static GPtrArray *
store_statistics (Fixture *f, IpdStatistic statistic, const IpdReportPeriod *period, const IpdQuery *filters)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = ipd_store_statistics (f->store, statistic, period, filters, &error);

  g_assert_no_error (error);
  return rows;
}

/* Tests --------------------------------------------------------------------------- */

/* The table by kind and status: every cell, the totals, and the store's rows. */
static void
test_kinds_by_status (Fixture *f, gconstpointer data)
{
  guint n_kinds, n_statuses;
  const IpdTerm *kinds = ipd_vocabulary_terms (IPD_VOCAB_KIND, &n_kinds);
  const IpdTerm *statuses = ipd_vocabulary_terms (IPD_VOCAB_STATUS, &n_statuses);
  g_autoptr(GPtrArray) rows = NULL;
  IpdQuery everything = { NULL };
  gint64 total = 0;

  show_statistics (f);
  g_assert_cmpstr (statistics_page (f), ==, "statistics");
  for (guint k = 0; k < n_kinds; k++)
    for (guint s = 0; s < n_statuses; s++)
      {
        g_autofree char *name = g_strdup_printf ("count-%s-%s", kinds[k].code, statuses[s].code);

        g_assert_cmpint (shown_number (f, name), ==, sql_dossiers (f, kinds[k].code, statuses[s].code));
      }
  for (guint k = 0; k < n_kinds; k++)
    {
      g_autofree char *name = g_strdup_printf ("count-%s-total", kinds[k].code);

      g_assert_cmpint (shown_number (f, name), ==, sql_dossiers (f, kinds[k].code, NULL));
    }
  for (guint s = 0; s < n_statuses; s++)
    {
      g_autofree char *name = g_strdup_printf ("count-total-%s", statuses[s].code);

      g_assert_cmpint (shown_number (f, name), ==, sql_dossiers (f, NULL, statuses[s].code));
    }
  /* the sample records, our 7 live dossiers; not the one in the trash */
  g_assert_cmpint (sql_dossiers (f, NULL, NULL), ==, 11 + 7);
  g_assert_cmpint (shown_number (f, "count-total-total"), ==, 11 + 7);
  g_assert_cmpint (shown_number (f, "summary-dossiers"), ==, 11 + 7);

  /* and the store's own rows, as the report reads them */
  rows = store_statistics (f, IPD_STAT_KIND_STATUS, NULL, &everything);
  for (guint i = 0; i < rows->len; i++)
    {
      IpdStatRow *row = g_ptr_array_index (rows, i);
      g_autofree char *name = g_strdup_printf ("count-%s-%s", row->key, row->key2);

      g_assert_cmpint (shown_number (f, name), ==, row->count);
      total += row->count;
    }
  g_assert_cmpint (total, ==, 11 + 7);
}

/* The bars by status: one per status with dossiers, a value per kind. */
static void
test_charts (Fixture *f, gconstpointer data)
{
  guint n_kinds, n_statuses, bars = 0;
  const IpdTerm *kinds = ipd_vocabulary_terms (IPD_VOCAB_KIND, &n_kinds);
  const IpdTerm *statuses = ipd_vocabulary_terms (IPD_VOCAB_STATUS, &n_statuses);
  IpdBarChart *by_status;
  IpdQuery everything = { NULL };
  g_autoptr(GPtrArray) provinces = NULL;

  add_communes (f);
  show_statistics (f);
  by_status = chart (f, "chart-kind-status");
  g_assert_cmpuint (ipd_bar_chart_get_n_series (by_status), ==, n_kinds);
  for (guint s = 0; s < n_statuses; s++)
    {
      if (sql_dossiers (f, NULL, statuses[s].code) == 0)
        continue;
      g_assert_cmpstr (ipd_bar_chart_get_label (by_status, bars), ==,
                       ipd_vocabulary_label (IPD_VOCAB_STATUS, statuses[s].code));
      for (guint k = 0; k < n_kinds; k++)
        g_assert_cmpint (ipd_bar_chart_get_value (by_status, bars, k), ==,
                         sql_dossiers (f, kinds[k].code, statuses[s].code));
      bars++;
    }
  g_assert_cmpuint (bars, >=, 3);
  g_assert_cmpuint (ipd_bar_chart_get_n_bars (by_status), ==, bars);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (by_status)), >, 0);

  /* a bar's tooltip and the accessible text say the numbers */
  {
    g_autofree char *text = ipd_bar_chart_describe_bar (by_status, 0);
    gint64 total = 0;
    g_autofree char *count = NULL;

    for (guint k = 0; k < n_kinds; k++)
      total += ipd_bar_chart_get_value (by_status, 0, k);
    count = g_strdup_printf ("%s: %" G_GINT64_FORMAT, ipd_bar_chart_get_label (by_status, 0), total);
    g_assert_true (g_str_has_prefix (text, count));
  }

  /* the communes: the ten with most dossiers, then the others together */
  {
    g_autoptr(GPtrArray) communes = store_statistics (f, IPD_STAT_COMMUNE, NULL, &everything);
    IpdBarChart *by_commune = chart (f, "chart-commune");
    gint64 stored = 0, drawn = 0;

    g_assert_cmpuint (communes->len, >, 10);
    g_assert_cmpuint (ipd_bar_chart_get_n_bars (by_commune), ==, 11);
    for (guint i = 0; i < communes->len; i++)
      stored += ((IpdStatRow *) g_ptr_array_index (communes, i))->count;
    for (guint b = 0; b < 11; b++)
      drawn += ipd_bar_chart_get_value (by_commune, b, 0);
    g_assert_cmpint (drawn, ==, stored);
    /* most first: the commune of five dossiers */
    g_assert_cmpint (ipd_bar_chart_get_value (by_commune, 0, 0), ==, 5);
    g_assert_nonnull (strstr (ipd_bar_chart_get_label (by_commune, 0), "Xã Bản Thí"));
  }

  /* the years: filed and granted, as counted here */
  {
    g_autoptr(GPtrArray) years = store_statistics (f, IPD_STAT_YEAR, NULL, &everything);
    IpdBarChart *by_year = chart (f, "chart-year");

    g_assert_cmpuint (years->len, >=, 3);
    g_assert_cmpuint (years->len, <=, 12);
    g_assert_cmpuint (ipd_bar_chart_get_n_series (by_year), ==, 2);
    g_assert_cmpuint (ipd_bar_chart_get_n_bars (by_year), ==, years->len);
    for (guint i = 0; i < years->len; i++)
      {
        IpdStatRow *row = g_ptr_array_index (years, i);

        g_assert_cmpstr (ipd_bar_chart_get_label (by_year, i), ==, row->key);
        g_assert_cmpint (ipd_bar_chart_get_value (by_year, i, 0), ==, row->count);
        g_assert_cmpint (ipd_bar_chart_get_value (by_year, i, 1), ==, row->value);
        g_assert_cmpint (row->count, ==,
                         sql_count (f, "SELECT count(*) FROM dossier WHERE deleted_at IS NULL"
                                       " AND substr (filing_date, 1, 4) = ?1", row->key, NULL, NULL));
        g_assert_cmpint (row->value, ==,
                         sql_count (f, "SELECT count(DISTINCT d.id) FROM dossier d JOIN event e ON e.dossier_id = d.id"
                                       " WHERE d.deleted_at IS NULL AND e.type = 'granted'"
                                       " AND substr (e.date, 1, 4) = ?1", row->key, NULL, NULL));
      }
    g_assert_cmpstr (ipd_bar_chart_get_label (by_year, years->len - 1), ==, "2025");
  }

  /* the provinces: as the store counts them, most first */
  provinces = store_statistics (f, IPD_STAT_PROVINCE, NULL, &everything);
  g_assert_cmpuint (provinces->len, >, 0);
  g_assert_cmpuint (ipd_bar_chart_get_n_bars (chart (f, "chart-province")), ==, provinces->len);
  for (guint i = 0; i < provinces->len; i++)
    {
      IpdStatRow *row = g_ptr_array_index (provinces, i);
      gboolean found = FALSE;

      for (guint b = 0; b < provinces->len; b++)
        if (g_str_equal (ipd_bar_chart_get_label (chart (f, "chart-province"), b), row->key))
          {
            g_assert_cmpint (ipd_bar_chart_get_value (chart (f, "chart-province"), b, 0), ==, row->count);
            g_assert_true (b == 0 || ipd_bar_chart_get_value (chart (f, "chart-province"), b - 1, 0) >= row->count);
            found = TRUE;
          }
      g_assert_true (found);
    }
}

/* Filed and granted in the period, before it and a year earlier. */
static void
check_period (Fixture *f, const IpdReportPeriod *period)
{
  IpdReportPeriod periods[3];
  static const char *const which[3] = { "this", "previous", "year-earlier" };
  guint n_kinds;
  const IpdTerm *kinds = ipd_vocabulary_terms (IPD_VOCAB_KIND, &n_kinds);
  IpdQuery everything = { NULL };

  periods[0] = *period;
  ipd_report_period_previous (period, &periods[1]);
  ipd_report_period_year_earlier (period, &periods[2]);
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GPtrArray) rows = store_statistics (f, IPD_STAT_PERIOD, &periods[i], &everything);
      g_autofree char *filed_total = g_strdup_printf ("filed-total-%s", which[i]);
      g_autofree char *granted_total = g_strdup_printf ("granted-total-%s", which[i]);

      for (guint k = 0; k < n_kinds; k++)
        {
          g_autofree char *filed = g_strdup_printf ("filed-%s-%s", kinds[k].code, which[i]);
          g_autofree char *granted = g_strdup_printf ("granted-%s-%s", kinds[k].code, which[i]);

          g_assert_cmpint (shown_number (f, filed), ==, sql_filed (f, kinds[k].code, &periods[i]));
          g_assert_cmpint (shown_number (f, granted), ==, sql_granted (f, kinds[k].code, &periods[i]));
        }
      for (guint r = 0; r < rows->len; r++)
        {
          IpdStatRow *row = g_ptr_array_index (rows, r);
          g_autofree char *filed = g_strdup_printf ("filed-%s-%s", row->key, which[i]);
          g_autofree char *granted = g_strdup_printf ("granted-%s-%s", row->key, which[i]);

          g_assert_cmpint (shown_number (f, filed), ==, row->count);
          g_assert_cmpint (shown_number (f, granted), ==, row->value);
        }
      g_assert_cmpint (shown_number (f, filed_total), ==, sql_filed (f, NULL, &periods[i]));
      g_assert_cmpint (shown_number (f, granted_total), ==, sql_granted (f, NULL, &periods[i]));
    }
  g_assert_cmpint (shown_number (f, "summary-filed"), ==, sql_filed (f, NULL, &periods[0]));
  g_assert_cmpint (shown_number (f, "summary-filed-previous"), ==, sql_filed (f, NULL, &periods[1]));
  g_assert_cmpint (shown_number (f, "summary-filed-year-earlier"), ==, sql_filed (f, NULL, &periods[2]));
  g_assert_cmpint (shown_number (f, "summary-granted"), ==, sql_granted (f, NULL, &periods[0]));
  g_assert_cmpint (shown_number (f, "summary-granted-previous"), ==, sql_granted (f, NULL, &periods[1]));
  g_assert_cmpint (shown_number (f, "summary-granted-year-earlier"), ==, sql_granted (f, NULL, &periods[2]));
}

static void
test_periods (Fixture *f, gconstpointer data)
{
  IpdReportPeriod period, shown;

  show_statistics (f);
  /* by default the last quarter that has ended */
  {
    IpdReportPeriod last;

    ipd_report_period_last_quarter (&last, NULL);
    ipd_statistics_view_get_period (f->window->statistics, &shown);
    g_assert_cmpint (shown.type, ==, IPD_PERIOD_QUARTER);
    g_assert_cmpstr (shown.from, ==, last.from);
    g_assert_cmpstr (shown.to, ==, last.to);
  }

  set_quarter (f, &period, "2025-Q2");
  check_period (f, &period);
  /* our own dossiers: at least 4 filed in 2025-Q2 (with the programme's), 1 granted */
  g_assert_cmpint (shown_number (f, "summary-filed"), >=, 4);
  g_assert_cmpint (shown_number (f, "summary-granted"), >=, 1);
  {
    gint64 filed_q2 = shown_number (f, "summary-filed");
    gint64 granted_q2 = shown_number (f, "summary-granted");
    gint64 granted_q1 = shown_number (f, "summary-granted-previous");

    set_quarter (f, &period, "2025-Q1");
    check_period (f, &period);
    g_assert_cmpint (shown_number (f, "summary-granted"), ==, granted_q1);
    g_assert_cmpint (shown_number (f, "summary-granted-previous"), !=, granted_q2);
    g_assert_cmpint (shown_number (f, "summary-filed"), !=, filed_q2);
  }

  /* a year, chosen with the widgets */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ipd_test_get_named (page (f), "statistics-period-type")), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ipd_test_get_named (page (f), "statistics-year")), 2025);
  /* counted on a worker: the window goes on meanwhile, with a spinner */
  g_assert_true (ipd_statistics_view_is_loading (f->window->statistics));
  g_assert_true (gtk_widget_get_visible (ipd_test_get_named (page (f), "statistics-spinner")));
  settle (f);
  g_assert_false (gtk_widget_get_visible (ipd_test_get_named (page (f), "statistics-spinner")));
  ipd_statistics_view_get_period (f->window->statistics, &shown);
  g_assert_cmpint (shown.type, ==, IPD_PERIOD_YEAR);
  g_assert_cmpstr (shown.from, ==, "2025-01-01");
  g_assert_cmpstr (shown.to, ==, "2025-12-31");
  g_assert_false (gtk_widget_is_visible (ipd_test_get_named (page (f), "statistics-quarter")));
  check_period (f, &shown);
}

/* The kind and officer filters are the report's filters. */
static void
test_filters (Fixture *f, gconstpointer data)
{
  IpdReportPeriod period;
  IpdQuery filters;
  GtkDropDown *kind, *officer;
  GListModel *officers;
  guint a = GTK_INVALID_LIST_POSITION;

  show_statistics (f);
  set_quarter (f, &period, "2025-Q2");
  kind = GTK_DROP_DOWN (ipd_test_get_named (page (f), "statistics-kind"));
  gtk_drop_down_set_selected (kind, 1);   /* the first kind */
  settle (f);
  ipd_statistics_view_get_filters (f->window->statistics, &filters);
  g_assert_nonnull (filters.kind);
  g_assert_cmpint (shown_number (f, "summary-dossiers"), ==, sql_dossiers (f, filters.kind, NULL));
  g_assert_cmpint (shown_number (f, "summary-filed"), ==, sql_filed (f, filters.kind, &period));
  gtk_drop_down_set_selected (kind, 0);

  officer = GTK_DROP_DOWN (ipd_test_get_named (page (f), "statistics-officer"));
  officers = gtk_drop_down_get_model (officer);
  for (guint i = 0; i < g_list_model_get_n_items (officers); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (officers, i);

      if (g_str_equal (gtk_string_object_get_string (item), OFFICER_A))
        a = i;
    }
  g_assert_cmpuint (a, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (officer, a);
  settle (f);
  ipd_statistics_view_get_filters (f->window->statistics, &filters);
  g_assert_cmpstr (filters.officer, ==, OFFICER_A);
  g_assert_cmpint (shown_number (f, "summary-dossiers"), ==,
                   sql_count (f, "SELECT count(*) FROM dossier WHERE deleted_at IS NULL AND officer = ?1",
                              OFFICER_A, NULL, NULL));
  /* officer A filed 3 of ours in 2025-Q2 (the trashed one does not count) */
  g_assert_cmpint (shown_number (f, "summary-filed"), ==,
                   sql_count (f, "SELECT count(*) FROM dossier WHERE deleted_at IS NULL AND officer = ?1"
                                 " AND filing_date BETWEEN ?2 AND ?3", OFFICER_A, period.from, period.to));
  g_assert_cmpint (shown_number (f, "summary-filed"), ==, 3);
}

/* The support programmes, with amounts in VND. */
static void
test_programmes (Fixture *f, gconstpointer data)
{
  IpdQuery everything = { NULL };
  g_autoptr(GPtrArray) rows = store_statistics (f, IPD_STAT_PROGRAMME, NULL, &everything);
  gint64 count = 0, amount = 0;

  show_statistics (f);
  g_assert_cmpuint (rows->len, >=, 1);
  for (guint i = 0; i < rows->len; i++)
    {
      IpdStatRow *row = g_ptr_array_index (rows, i);
      g_autofree char *count_name = g_strdup_printf ("programme-count-%u", i);
      g_autofree char *amount_name = g_strdup_printf ("programme-amount-%u", i);

      g_assert_cmpint (shown_number (f, count_name), ==, row->count);
      g_assert_cmpint (shown_number (f, amount_name), ==, row->value);
      count += row->count;
      amount += row->value;
    }
  g_assert_cmpint (shown_number (f, "programme-count-total"), ==, count);
  g_assert_cmpint (shown_number (f, "programme-amount-total"), ==, amount);
  g_assert_cmpint (amount, ==,
                   sql_count (f, "SELECT CAST (total (support_amount) AS INTEGER) FROM dossier"
                                 " WHERE deleted_at IS NULL AND programme IS NOT NULL AND trim (programme) <> ''",
                              NULL, NULL, NULL));
  /* "60.000.000" for ours, written the Vietnamese way */
  {
    g_autoptr(GString) text = g_string_new (NULL);

    ipd_test_collect_labels (ipd_test_get_named (page (f), "programme-table"), text);
    g_assert_nonnull (strstr (text->str, "60.000.000"));
  }
}

/* A change to the register shows at once; the agenda and the statistics
 * take turns. */
static void
test_refresh_and_agenda (Fixture *f, gconstpointer data)
{
  gint64 before;
  gboolean agenda, statistics;

  show_statistics (f);
  before = shown_number (f, "summary-dossiers");
  add_filed (f, "gi", "Quế Văn Yên", OFFICER_B, "2025-04-01");
  ipd_window_reload (f->window);
  settle (f);
  g_assert_cmpint (shown_number (f, "summary-dossiers"), ==, before + 1);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-agenda", NULL);
  settle (f);
  g_object_get (f->window, "agenda-shown", &agenda, "statistics-shown", &statistics, NULL);
  g_assert_true (agenda);
  g_assert_false (statistics);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->content_stack), ==, "agenda");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-statistics", NULL);
  settle (f);
  g_object_get (f->window, "agenda-shown", &agenda, "statistics-shown", &statistics, NULL);
  g_assert_false (agenda);
  g_assert_true (statistics);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->content_stack), ==, "statistics");

  /* again: back to the list */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-statistics", NULL);
  settle (f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->content_stack), ==, "dossiers");

  /* typing a search goes back to the list too */
  show_statistics (f);
  ipd_window_search (f->window, "Quế");
  ipd_test_wait_ms (200);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->content_stack), ==, "dossiers");
}

/* The page fits the list's pane: it must not fold the window. */
static void
test_narrow (Fixture *f, gconstpointer data)
{
  int minimum, natural;

  show_statistics (f);
  gtk_widget_measure (page (f), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("statistics page: minimum width %d", minimum);
  g_assert_cmpint (minimum, <=, 360);
  gtk_widget_measure (GTK_WIDGET (f->window->agenda), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("agenda: minimum width %d", minimum);

  /* a narrow window shows the page alone */
  g_object_set (f->window, "statistics-shown", FALSE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 520, 800);
  ipd_test_wait_ms (300);
  g_assert_true (adw_leaflet_get_folded (f->window->leaflet));
  show_statistics (f);
  ipd_test_wait_ms (300);
  g_assert_true (adw_leaflet_get_visible_child (f->window->leaflet) == f->window->list_pane);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart (f, "chart-kind-status"))));
  {
    const char *language = g_getenv ("LANGUAGE");
    g_autofree char *name = g_strdup_printf ("statistics-narrow-%s.png", language ? language : "C");

    ipd_test_save_screenshot (GTK_WIDGET (f->window), name);
  }
}

static void
test_empty (Fixture *f, gconstpointer data)
{
  show_statistics (f);
  g_assert_cmpstr (statistics_page (f), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (ipd_test_get_named (page (f), "statistics-empty")));
}

static void
test_screenshot (Fixture *f, gconstpointer data)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *name = g_strdup_printf ("statistics-%s.png", language ? language : "C");
  IpdReportPeriod period;

  show_statistics (f);
  set_quarter (f, &period, "2025-Q2");
  ipd_test_wait_ms (300);
  ipd_test_save_screenshot (GTK_WIDGET (f->window), name);
  /* the rest of the page, a screen further down each time */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (ipd_test_get_named (page (f), "summary-dossiers"),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    for (int i = 1; i <= 3; i++)
      {
        g_autofree char *more = g_strdup_printf ("statistics-%s-%d.png", language ? language : "C", i);

        gtk_adjustment_set_value (adjustment, i * gtk_adjustment_get_page_size (adjustment) * 0.9);
        ipd_test_wait_ms (200);
        ipd_test_save_screenshot (GTK_WIDGET (f->window), more);
      }
    /* the charts' colours on the dark background */
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_page_size (adjustment) * 0.9);
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
    ipd_test_wait_ms (300);
    {
      g_autofree char *dark = g_strdup_printf ("statistics-%s-dark.png", language ? language : "C");

      ipd_test_save_screenshot (GTK_WIDGET (f->window), dark);
    }
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  }
}

int
main (int argc, char **argv)
{
  /* LANGUAGE=vi gives the Vietnamese screenshot and checks the numbers
   * (names of widgets, not labels, are looked up) */
  ipd_test_init_gui (&argc, &argv);
  g_test_add ("/statistics/kinds-by-status", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_kinds_by_status, fixture_tear_down);
  g_test_add ("/statistics/charts", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_charts, fixture_tear_down);
  g_test_add ("/statistics/periods", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_periods, fixture_tear_down);
  g_test_add ("/statistics/filters", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/statistics/programmes", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_programmes, fixture_tear_down);
  g_test_add ("/statistics/refresh-and-agenda", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_refresh_and_agenda, fixture_tear_down);
  g_test_add ("/statistics/narrow", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_narrow, fixture_tear_down);
  g_test_add ("/statistics/empty", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/statistics/screenshot", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_screenshot, fixture_tear_down);
  return g_test_run ();
}
