/* test-export.c — periods of the registers, that an export that does
 * not finish leaves no file, and that an export on a worker thread under
 * a Vietnamese locale writes its numbers with a decimal point. The
 * workbook's contents are checked by an independent reader in
 * check-export.py.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "ipd-demo.h"
#include "ipd-error.h"
#include "ipd-export.h"
#include "ipd-store.h"
#include "ipd-test-records.h"
#include "ipd-test-util.h"
#include "ipd-vocabulary.h"

static void
test_quarters (void)
{
  static const struct { const char *text, *from, *to; } cases[] = {
    { "2026-Q1", "2026-01-01", "2026-03-31" },
    { "2024-Q1", "2024-01-01", "2024-03-31" },
    { "2026-Q2", "2026-04-01", "2026-06-30" },
    { "2026-q3", "2026-07-01", "2026-09-30" },
    { "2026-Q4", "2026-10-01", "2026-12-31" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      IpdReportPeriod period;
      g_autoptr(GError) error = NULL;

      g_assert_true (ipd_report_period_quarter (&period, cases[i].text, &error));
      g_assert_no_error (error);
      g_assert_cmpint (period.type, ==, IPD_PERIOD_QUARTER);
      g_assert_cmpstr (period.from, ==, cases[i].from);
      g_assert_cmpstr (period.to, ==, cases[i].to);
    }
}

static void
test_bad_periods (void)
{
  static const char * const quarters[] = { "", "2026", "2026-Q5", "2026-Q0", "2026Q3", "Q3-2026",
                                           "26-Q3", "2026-Q3x", "1800-Q1", "abcd-Q1" };
  IpdReportPeriod period;

  for (guint i = 0; i < G_N_ELEMENTS (quarters); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_false (ipd_report_period_quarter (&period, quarters[i], &error));
      g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
    }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (ipd_report_period_year (&period, 99, &error));
    g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (ipd_report_period_range (&period, "15/08/2026", "01/07/2026", &error));
    g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  }
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (ipd_report_period_range (&period, "31/02/2026", "01/07/2026", &error));
    g_assert_error (error, IPD_ERROR, IPD_ERROR_INVALID);
  }
}

static void
test_year_and_range (void)
{
  IpdReportPeriod period;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (ipd_report_period_year (&period, 2026, &error));
  g_assert_cmpstr (period.from, ==, "2026-01-01");
  g_assert_cmpstr (period.to, ==, "2026-12-31");
  g_assert_true (ipd_report_period_range (&period, "01/07/2026", "2026-08-15", &error));
  g_assert_no_error (error);
  g_assert_cmpint (period.type, ==, IPD_PERIOD_RANGE);
  g_assert_cmpstr (period.from, ==, "2026-07-01");
  g_assert_cmpstr (period.to, ==, "2026-08-15");
  text = ipd_report_period_describe (&period);
  g_assert_nonnull (strstr (text, "01/07/2026"));
  g_assert_nonnull (strstr (text, "15/08/2026"));
}

/* The demo register in a fresh folder. */
static IpdStore *
demo_store (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "register.ipd", NULL);
  g_autoptr(GError) error = NULL;
  IpdStore *store = ipd_store_open (path, IPD_STORE_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_cmpint (ipd_demo_load (store, &error), >, 0);
  g_assert_no_error (error);
  return store;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d))
    n++;
  return n;
}

static void
cancel_at_start (double fraction, gpointer user_data)
{
  (void) fraction;
  g_cancellable_cancel (user_data);
}

static void
test_cancelled_leaves_no_file (void)
{
  g_autofree char *dir = ipd_test_make_dir ("export-XXXXXX");
  g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
  g_autofree char *out = g_build_filename (out_dir, "register.xlsx", NULL);
  g_autoptr(IpdStore) store = demo_store (dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  IpdReportPeriod period;

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_true (ipd_report_period_year (&period, 2025, NULL));
  /* cancelled before it starts */
  g_cancellable_cancel (cancellable);
  g_assert_false (ipd_export_applications (store, &period, NULL, out, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (out_dir), ==, 0);
  g_clear_error (&error);

  /* cancelled while it runs: the first progress report (before the first
   * row) cancels; an earlier file of the same name is left as it was */
  g_cancellable_reset (cancellable);
  g_assert_true (g_file_set_contents (out, "earlier", -1, NULL));
  g_assert_false (ipd_export_applications (store, &period, NULL, out, cancel_at_start,
                                           cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (out_dir), ==, 1);
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "earlier");
  }
  g_clear_error (&error);

  /* not cancelled: the file is replaced, nothing else is left */
  g_cancellable_reset (cancellable);
  g_assert_true (ipd_export_applications (store, &period, NULL, out, NULL, NULL,
                                          cancellable, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (out_dir), ==, 1);
  {
    g_autofree char *contents = NULL;
    gsize length = 0;
    g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 1000);
    g_assert_true (memcmp (contents, "PK", 2) == 0);
  }
  ipd_test_remove_dir (dir);
}

/* The register of titles shares the temporary file: cancelled while it
 * writes the rows (the demo has titles in force at the end of 2025), it
 * leaves nothing; not cancelled, it writes the register alone. */
static void
test_titles_cancelled_leaves_no_file (void)
{
  g_autofree char *dir = ipd_test_make_dir ("export-XXXXXX");
  g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
  g_autofree char *out = g_build_filename (out_dir, "titles.xlsx", NULL);
  g_autoptr(IpdStore) store = demo_store (dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  IpdReportPeriod period;

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_true (ipd_report_period_year (&period, 2025, NULL));
  g_assert_cmpint (ipd_store_count_title_rows (store, &period, NULL, NULL), >, 0);
  g_assert_false (ipd_export_titles (store, &period, NULL, out, cancel_at_start,
                                     cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (out_dir), ==, 0);
  g_clear_error (&error);

  g_cancellable_reset (cancellable);
  g_assert_true (ipd_export_titles (store, &period, NULL, out, NULL, NULL, cancellable, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (out_dir), ==, 1);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&store);
  ipd_test_remove_dir (dir);
}

static void
test_failure_leaves_no_file (void)
{
  g_autofree char *dir = ipd_test_make_dir ("export-XXXXXX");
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "register.xlsx", NULL);
  g_autofree char *out = g_build_filename (dir, "register.xlsx", NULL);
  g_autoptr(IpdStore) store = demo_store (dir);
  g_autoptr(GError) error = NULL;
  IpdReportPeriod period;
  guint before;

  g_assert_true (ipd_report_period_quarter (&period, "2025-Q3", NULL));
  before = count_files (dir);
  g_assert_false (ipd_export_applications (store, &period, NULL, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_files (dir), ==, before);
  g_clear_error (&error);

  /* the destination is a folder: the rename fails, the temporary file goes */
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  before = count_files (dir);
  g_assert_false (ipd_export_applications (store, &period, NULL, out, NULL, NULL, NULL, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_IO);
  g_assert_cmpuint (count_files (dir), ==, before);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_DIR));
  ipd_test_remove_dir (dir);
}

typedef struct {
  GCancellable *cancellable;
  double        last;
  guint         reports;
  double        cancel_at;   /* > 1: never */
} Progress;

static void
follow_progress (double fraction, gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpfloat (fraction, >=, p->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  p->last = fraction;
  p->reports++;
  if (fraction >= p->cancel_at)
    g_cancellable_cancel (p->cancellable);
}

/* The statistics: progress in steps up to 1; cancelled half-way (after
 * the sheets by kind and by period), no file; a missing folder, an error. */
static void
test_statistics_progress_and_cancel (void)
{
  g_autofree char *dir = ipd_test_make_dir ("export-XXXXXX");
  g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
  g_autofree char *out = g_build_filename (out_dir, "statistics.xlsx", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "statistics.xlsx", NULL);
  g_autoptr(IpdStore) store = demo_store (dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { cancellable, 0, 0, 2.0 };
  IpdReportPeriod period;

  g_assert_cmpint (g_mkdir (out_dir, 0700), ==, 0);
  g_assert_true (ipd_report_period_quarter (&period, "2025-Q3", NULL));
  g_assert_true (ipd_export_statistics (store, &period, NULL, out, follow_progress, &progress,
                                        cancellable, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_cmpuint (progress.reports, >=, 6);
  g_assert_cmpuint (count_files (out_dir), ==, 1);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (g_unlink (out), ==, 0);

  progress = (Progress) { cancellable, 0, 0, 0.4 };
  g_assert_false (ipd_export_statistics (store, &period, NULL, out, follow_progress, &progress,
                                         cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (out_dir), ==, 0);
  g_clear_error (&error);

  g_assert_false (ipd_export_statistics (store, &period, NULL, missing, NULL, NULL, NULL, &error));
  g_assert_error (error, IPD_ERROR, IPD_ERROR_NOT_FOUND);
  g_clear_object (&store);
  ipd_test_remove_dir (dir);
}

/* vi_VN.UTF-8 compiled into @dir by localedef (Debian package locales),
 * which needs no root; LOCPATH then names @dir. Its decimal comma is what
 * the test needs: without it the test fails, it does not skip. */
static void
make_vi_locale (const char *dir)
{
  g_autofree char *target = g_build_filename (dir, "vi_VN.UTF-8", NULL);
  const char *argv[] = { "localedef", "-i", "vi_VN", "-f", "UTF-8", target, NULL };
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &errors, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_printerr ("localedef could not make vi_VN.UTF-8: %s\n", errors);
  g_assert_no_error (error);
}

/* The XML parts of the workbook at @path, one after the other, read by
 * Python's zipfile (python3 comes with python3-openpyxl, which the export
 * checks need). */
static char *
workbook_xml (const char *path)
{
  const char *argv[] = {
    "python3", "-c",
    "import sys, zipfile\n"
    "z = zipfile.ZipFile(sys.argv[1])\n"
    "for n in z.namelist():\n"
    "    if n.endswith('.xml'): sys.stdout.buffer.write(n.encode() + b'\\n' + z.read(n) + b'\\n')\n",
    path, NULL
  };
  g_autoptr(GError) error = NULL;
  char *xml = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &xml, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return xml;
}

/* No number with a decimal comma in @path's XML: not in an attribute
 * (width="24,7", ht="17,75", left="0,7"), not in a cell (<v>1,5</v>). */
static void
assert_decimal_points (const char *path, const char *expected)
{
  g_autofree char *xml = workbook_xml (path);
  g_autoptr(GRegex) comma = g_regex_new ("=\"[-+]?[0-9]+,[0-9]+\"|<(c:)?v>[-+]?[0-9]+,[0-9]+</",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (comma, xml, 0, &match))
    g_error ("%s: a decimal comma: %s", path, g_match_info_fetch (match, 0));
  g_assert_nonnull (strstr (xml, expected));
}

typedef struct {
  const char *dir;
  char       *applications, *statistics, *cancelled;
  gint        done;            /* atomic */
  gboolean    global_again;    /* the worker is back on the process's locale */
  gboolean    own_again;       /* and back on its own one */
  char       *shown;           /* 8.7 by printf on the worker, after the exports */
} Worker;

/* The exports as the window runs them: a store of the worker's own. */
static gpointer
export_on_worker (gpointer data)
{
  Worker *w = data;
  g_autoptr(IpdStore) store = demo_store (w->dir);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { cancellable, 0, 0, 0.4 };
  locale_t own = newlocale (LC_ALL_MASK, "vi_VN.UTF-8", (locale_t) 0);
  IpdReportPeriod period;

  g_assert_true (own != (locale_t) 0);
  g_assert_true (ipd_report_period_year (&period, 2025, NULL));
  g_assert_true (ipd_export_applications (store, &period, NULL, w->applications, NULL, NULL,
                                          NULL, &error));
  g_assert_no_error (error);
  w->global_again = uselocale ((locale_t) 0) == LC_GLOBAL_LOCALE;

  /* a thread with a locale of its own gets it back, finished or cancelled */
  uselocale (own);
  g_assert_true (ipd_export_statistics (store, &period, NULL, w->statistics, NULL, NULL,
                                        NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ipd_export_statistics (store, &period, NULL, w->cancelled, follow_progress,
                                         &progress, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  w->own_again = uselocale ((locale_t) 0) == own;
  w->shown = g_strdup_printf ("%g", 8.7);
  uselocale (LC_GLOBAL_LOCALE);
  freelocale (own);
  g_atomic_int_set (&w->done, TRUE);
  return NULL;
}

/* The programs run in the user's locale (setlocale (LC_ALL, "")), where
 * printf writes 8.7 as "8,7". The exports run on a worker thread while
 * the main thread goes on showing "8,7 kB"; libxlsxwriter formats its
 * numbers with printf, and must write "24.7109375" all the same. */
static void
test_vietnamese_locale_on_worker (void)
{
  g_autofree char *dir = ipd_test_make_dir ("export-XXXXXX");
  g_autofree char *locales = ipd_test_make_dir ("locale-XXXXXX");
  Worker w = { .dir = dir };
  g_autofree char *shown = NULL;
  GThread *thread;
  guint checks = 0;

  make_vi_locale (locales);
  g_setenv ("LOCPATH", locales, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "vi_VN.UTF-8"));
  shown = g_strdup_printf ("%g", 8.7);
  g_assert_cmpstr (shown, ==, "8,7");
  w.applications = g_build_filename (dir, "applications.xlsx", NULL);
  w.statistics = g_build_filename (dir, "statistics.xlsx", NULL);
  w.cancelled = g_build_filename (dir, "cancelled.xlsx", NULL);

  thread = g_thread_new ("export", export_on_worker, &w);
  /* the main thread's numbers keep their comma while the worker exports */
  while (!g_atomic_int_get (&w.done))
    {
      g_autofree char *now = g_strdup_printf ("%g", 8.7);

      g_assert_cmpstr (now, ==, "8,7");
      checks++;
      g_usleep (1000);
    }
  g_thread_join (thread);
  g_assert_cmpuint (checks, >, 0);
  g_assert_cmpstr (setlocale (LC_NUMERIC, NULL), ==, "vi_VN.UTF-8");
  g_assert_true (w.global_again);
  g_assert_true (w.own_again);
  g_assert_cmpstr (w.shown, ==, "8,7");

  assert_decimal_points (w.applications, "width=\"26.7109375\"");
  assert_decimal_points (w.statistics, "left=\"0.7\"");
  g_assert_false (g_file_test (w.cancelled, G_FILE_TEST_EXISTS));

  setlocale (LC_ALL, "C");
  g_unsetenv ("LOCPATH");
  g_free (w.applications);
  g_free (w.statistics);
  g_free (w.cancelled);
  g_free (w.shown);
  ipd_test_remove_dir (locales);
  ipd_test_remove_dir (dir);
}

/* The store's statistics: every kind in a period's rows, and the counts
 * by kind and status add up to the live dossiers. */
static void
test_statistics_store (void)
{
  g_autofree char *dir = ipd_test_make_dir ("export-XXXXXX");
  g_autoptr(IpdStore) store = demo_store (dir);
  g_autoptr(GPtrArray) by_status = NULL, period_rows = NULL, empty = NULL;
  IpdQuery all = { NULL };
  IpdQuery gi = { .kind = "gi" };
  IpdReportPeriod period;
  gint64 total = 0;
  guint n_kinds;

  ipd_vocabulary_terms (IPD_VOCAB_KIND, &n_kinds);
  by_status = ipd_store_statistics (store, IPD_STAT_KIND_STATUS, NULL, NULL, NULL);
  g_assert_nonnull (by_status);
  for (guint i = 0; i < by_status->len; i++)
    total += ((IpdStatRow *) g_ptr_array_index (by_status, i))->count;
  g_assert_cmpint (total, >, 0);
  g_assert_cmpint (total, ==, ipd_store_count_dossiers (store, &all, NULL));

  g_assert_true (ipd_report_period_year (&period, 2000, NULL));
  period_rows = ipd_store_statistics (store, IPD_STAT_PERIOD, &period, NULL, NULL);
  g_assert_nonnull (period_rows);
  g_assert_cmpuint (period_rows->len, ==, n_kinds);
  for (guint i = 0; i < period_rows->len; i++)
    {
      IpdStatRow *s = g_ptr_array_index (period_rows, i);
      g_assert_cmpint (s->count, ==, 0);
      g_assert_cmpint (s->value, ==, 0);
    }
  empty = ipd_store_statistics (store, IPD_STAT_PROGRAMME, NULL, &gi, NULL);
  g_assert_nonnull (empty);
  for (guint i = 0; i < empty->len; i++)
    g_assert_cmpint (((IpdStatRow *) g_ptr_array_index (empty, i))->count, >, 0);
  g_clear_object (&store);
  ipd_test_remove_dir (dir);
}

static gint64
add_dossier (IpdStore *store, const char *name, const char *filing_date)
{
  g_autoptr(IpdDossier) d = ipd_dossier_new ("trademark", name);
  g_autoptr(GError) error = NULL;

  d->filing_date = g_strdup (filing_date);
  g_assert_true (ipd_store_save_dossier (store, d, &error));
  g_assert_no_error (error);
  return d->id;
}

static gboolean
collect_title (const IpdTitleRow *row, gpointer user_data, GError **error)
{
  g_ptr_array_add (user_data, g_strdup_printf ("%s %s", row->name, row->grant_date));
  return TRUE;
}

/* A title recorded by its "Certificate granted" event, the grant date not
 * typed on the dossier, is in the register of titles at that date: the
 * statistics count it granted, the register must list it. */
static void
test_titles_granted_by_event (void)
{
  g_autofree char *dir = ipd_test_make_dir ("export-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "register.sqlite", NULL);
  g_autoptr(IpdStore) store = ipd_store_open (path, IPD_STORE_DEFAULT, NULL);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) stats = NULL;
  g_autoptr(GError) error = NULL;
  gint64 typed = add_dossier (store, "Mận Tam Hoa Bắc Hà", "2024-02-01");
  gint64 by_event = add_dossier (store, "Gạo Séng Cù", "2024-03-01");
  gint64 refused = add_dossier (store, "Chè Tà Xùa", "2024-04-01");
  g_autoptr(IpdDossier) d = ipd_store_load_dossier (store, typed, &error);
  const IpdStatRow *marks;
  IpdReportPeriod period;

  d->grant_date = g_strdup ("2025-05-20");
  g_assert_true (ipd_store_save_dossier (store, d, &error));
  ipd_test_add_event (store, typed, "2025-05-20", "granted", NULL, NULL);
  ipd_test_add_event (store, by_event, "2025-06-10", "granted", NULL, NULL);
  ipd_test_add_event (store, refused, "2025-06-11", "refusal", NULL, NULL);

  g_assert_true (ipd_report_period_year (&period, 2025, NULL));
  g_assert_cmpint (ipd_store_count_title_rows (store, &period, NULL, &error), ==, 2);
  g_assert_true (ipd_store_foreach_title_row (store, &period, NULL, collect_title, titles, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (titles->len, ==, 2);
  g_assert_cmpstr (titles->pdata[0], ==, "Mận Tam Hoa Bắc Hà 2025-05-20");
  g_assert_cmpstr (titles->pdata[1], ==, "Gạo Séng Cù 2025-06-10");

  /* not yet granted at an earlier cut-off */
  g_assert_true (ipd_report_period_range (&period, "2025-01-01", "2025-05-31", NULL));
  g_assert_cmpint (ipd_store_count_title_rows (store, &period, NULL, &error), ==, 1);

  g_assert_true (ipd_report_period_year (&period, 2025, NULL));
  stats = ipd_store_statistics (store, IPD_STAT_PERIOD, &period, NULL, &error);
  g_assert_no_error (error);
  marks = ipd_stat_rows_find (stats, "trademark");
  g_assert_nonnull (marks);
  g_assert_cmpint (marks->value, ==, 2);
  g_clear_object (&store);
  ipd_test_remove_dir (dir);
}

static gboolean
collect_id (const IpdApplicationRow *row, gpointer user_data, GError **error)
{
  g_array_append_val ((GArray *) user_data, row->id);
  return TRUE;
}

/* By filing date, a same day's dossiers by reference, then the dossiers
 * without a filing date that have an event in the period; the rows are
 * written in two statements (ipd-store-reports.c), this is their order. */
static void
test_applications_order (void)
{
  g_autofree char *dir = ipd_test_make_dir ("export-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "register.ipd", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = ipd_store_open (path, IPD_STORE_DEFAULT, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(IpdEvent) event = NULL;
  IpdReportPeriod period;
  gint64 late, first, second, unfiled, expected[4];

  g_assert_no_error (error);
  late = add_dossier (store, "Chè Shan tuyết", "2026-08-10");
  first = add_dossier (store, "Gạo Séng Cù", "2026-08-05");
  second = add_dossier (store, "Mật ong bạc hà", "2026-08-05");
  unfiled = add_dossier (store, "Cam Hàm Yên", NULL);
  add_dossier (store, "Thảo quả", NULL);   /* neither filed nor any event: not in it */
  event = ipd_event_new (unfiled, "2026-08-20", "office_action");
  g_assert_true (ipd_store_save_event (store, event, &error));
  g_assert_no_error (error);

  g_assert_true (ipd_report_period_quarter (&period, "2026-Q3", NULL));
  g_assert_true (ipd_store_foreach_application_row (store, &period, NULL, collect_id, ids, &error));
  g_assert_no_error (error);
  expected[0] = first, expected[1] = second, expected[2] = late, expected[3] = unfiled;
  g_assert_cmpmem (ids->data, ids->len * sizeof (gint64), expected, sizeof expected);
  g_assert_cmpint (ipd_store_count_application_rows (store, &period, NULL, NULL), ==, 4);
  g_clear_object (&store);
  ipd_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/period/quarters", test_quarters);
  g_test_add_func ("/export/period/bad", test_bad_periods);
  g_test_add_func ("/export/period/year-and-range", test_year_and_range);
  g_test_add_func ("/export/applications/order", test_applications_order);
  g_test_add_func ("/export/cancelled-leaves-no-file", test_cancelled_leaves_no_file);
  g_test_add_func ("/export/titles-cancelled-leaves-no-file", test_titles_cancelled_leaves_no_file);
  g_test_add_func ("/export/failure-leaves-no-file", test_failure_leaves_no_file);
  g_test_add_func ("/export/statistics/progress-and-cancel", test_statistics_progress_and_cancel);
  g_test_add_func ("/export/statistics/store", test_statistics_store);
  g_test_add_func ("/export/titles/granted-by-event", test_titles_granted_by_event);
  g_test_add_func ("/export/vietnamese-locale-on-worker", test_vietnamese_locale_on_worker);
  return g_test_run ();
}
