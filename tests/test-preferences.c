/* test-preferences.c — the Preferences window on a real register, under Xvfb
 *
 * Opens the window from the main window's action, fills its rows as an
 * officer would (text, then the row's apply) and checks what reached the
 * register (read back with the sqlite3 C API too) and GSettings. Also saves
 * a screenshot of each page (preferences-*.png in the build directory).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#include <sqlite3.h>

#include "ipd-admin-units-group.h"
#include "ipd-application.h"
#include "ipd-number-format-group.h"
#include "ipd-preferences-window.h"
#include "ipd-settings.h"
#include "ipd-test-gui.h"
#include "ipd-test-util.h"
#include "ipd-vocabulary.h"
#include "ipd-window.h"

typedef struct {
  char                 *directory;
  char                 *path;
  IpdStore             *store;
  IpdWindow            *window;
  IpdPreferencesWindow *preferences;
} Fixture;

/* Whether a visible label under @widget says @text. */
static gboolean
shows_text (GtkWidget *widget, const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

/* A page by its name (AdwPreferencesPage:name, not the widget's name). */
static GtkWidget *
find_page (GtkWidget *widget, const char *name)
{
  if (ADW_IS_PREFERENCES_PAGE (widget))
    return g_strcmp0 (adw_preferences_page_get_name (ADW_PREFERENCES_PAGE (widget)), name) == 0 ? widget : NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_page (child, name);
      if (found)
        return found;
    }
  return NULL;
}

/* Opens Preferences with the main window's action, as the menu and Ctrl+, do. */
static IpdPreferencesWindow *
open_preferences (Fixture *f)
{
  IpdPreferencesWindow *preferences;

  g_assert_null (IPD_PREFERENCES_WINDOW (ipd_test_find_toplevel (IPD_TYPE_PREFERENCES_WINDOW)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL));
  preferences = IPD_PREFERENCES_WINDOW (ipd_test_find_toplevel (IPD_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (f->window));
  ipd_test_present (GTK_WINDOW (preferences));
  return preferences;
}

static void
close_preferences (Fixture *f)
{
  if (f->preferences == NULL)
    return;
  gtk_window_destroy (GTK_WINDOW (f->preferences));
  f->preferences = NULL;
  ipd_test_iterate (20);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->directory = ipd_test_make_dir ("ipd-preferences-XXXXXX");
  f->path = g_build_filename (f->directory, "register.sqlite", NULL);
  f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  f->window = ipd_window_new (NULL, f->store, NULL);
  ipd_test_present (GTK_WINDOW (f->window));
  f->preferences = open_preferences (f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  close_preferences (f);
  gtk_window_destroy (GTK_WINDOW (f->window));
  ipd_test_iterate (20);
  g_clear_object (&f->store);
  ipd_test_remove_dir (f->directory);
  g_free (f->directory);
  g_free (f->path);
}

/* Types @text into the row called @name and applies it. */
static void
apply_row (Fixture *f, const char *name, const char *text)
{
  GtkWidget *row = ipd_test_get_named (GTK_WIDGET (f->preferences), name);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  ipd_test_iterate (5);
}

static const char *
row_text (Fixture *f, const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (ipd_test_get_named (GTK_WIDGET (f->preferences), name)));
}

static void
assert_setting (IpdStore *store, const char *key, const char *expected)
{
  g_autofree char *value = ipd_store_dup_setting (store, key);
  g_assert_cmpstr (value, ==, expected);
}

/* Register ------------------------------------------------------------------------ */

static void
test_register_lines (Fixture *f, gconstpointer data)
{
  /* "Lai Châu" typed decomposed (â = a + U+0302), with stray spaces */
  const char *nfd_place = "  Lai Cha\xcc\x82u ";

  apply_row (f, "agency-parent", "UBND TỈNH LAI CHÂU");
  apply_row (f, "agency-name", "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  apply_row (f, "agency-province", "Lai Châu");
  apply_row (f, "agency-place", nfd_place);

  assert_setting (f->store, IPD_SETTING_AGENCY_PARENT, "UBND TỈNH LAI CHÂU");
  assert_setting (f->store, IPD_SETTING_AGENCY_NAME, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  assert_setting (f->store, IPD_SETTING_AGENCY_PROVINCE, "Lai Châu");
  assert_setting (f->store, IPD_SETTING_AGENCY_PLACE, "Lai Châu");   /* stored composed, trimmed */

  /* the lines are in the register for another program to read */
  {
    g_autoptr(IpdStore) other = ipd_store_open (f->path, IPD_STORE_READ_ONLY, NULL);
    g_assert_nonnull (other);
    assert_setting (other, IPD_SETTING_AGENCY_NAME, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  }

  /* opened again, the window shows what is stored */
  close_preferences (f);
  f->preferences = open_preferences (f);
  g_assert_cmpstr (row_text (f, "agency-parent"), ==, "UBND TỈNH LAI CHÂU");
  g_assert_cmpstr (row_text (f, "agency-place"), ==, "Lai Châu");

  /* a line can be emptied */
  apply_row (f, "agency-parent", "");
  assert_setting (f->store, IPD_SETTING_AGENCY_PARENT, "");
}

/* A register that refuses writes: the rows cannot be edited and say why. */
static void
test_register_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) read_only = NULL;
  IpdPreferencesWindow *preferences;
  GtkWidget *row, *gi;

  g_assert_true (ipd_store_set_setting (f->store, IPD_SETTING_AGENCY_NAME, "SỞ KHOA HỌC VÀ CÔNG NGHỆ", &error));
  g_assert_no_error (error);
  read_only = ipd_store_open (f->path, IPD_STORE_READ_ONLY, &error);
  g_assert_no_error (error);

  preferences = ipd_preferences_window_new (GTK_WINDOW (f->window), read_only);
  ipd_test_present (GTK_WINDOW (preferences));
  row = ipd_test_get_named (GTK_WIDGET (preferences), "agency-name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  g_assert_false (gtk_widget_is_sensitive (row));
  gi = ipd_test_get_named (GTK_WIDGET (preferences), "number-format-gi");
  g_assert_false (gtk_widget_is_sensitive (gi));
  g_assert_false (gtk_widget_is_sensitive (ipd_test_get_named (GTK_WIDGET (preferences), "units-import")));
  /* the officer's own settings stay editable */
  g_assert_true (gtk_widget_is_sensitive (ipd_test_get_named (GTK_WIDGET (preferences), "officer-name")));

  /* the pages say why */
  g_assert_true (shows_text (find_page (GTK_WIDGET (preferences), "register"), "read-only"));
  g_assert_true (shows_text (find_page (GTK_WIDGET (preferences), "numbers"), "read-only"));
  g_assert_false (shows_text (find_page (GTK_WIDGET (f->preferences), "register"), "read-only"));

  /* and a write is refused without harm, should the row be applied anyway */
  gtk_editable_set_text (GTK_EDITABLE (row), "Khác");
  g_signal_emit_by_name (row, "apply");
  ipd_test_iterate (5);
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  assert_setting (f->store, IPD_SETTING_AGENCY_NAME, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "register");
  ipd_test_wait_ms (400);
  ipd_test_save_screenshot (GTK_WIDGET (preferences), "preferences-read-only.png");

  gtk_window_destroy (GTK_WINDOW (preferences));
  ipd_test_iterate (20);
}

static void
wait_for_import (IpdAdminUnitsGroup *group)
{
  for (int i = 0; i < 500 && ipd_admin_units_group_is_busy (group); i++)
    ipd_test_wait_ms (20);
  g_assert_false (ipd_admin_units_group_is_busy (group));
}

static char *
write_list (Fixture *f, const char *name, const char *contents)
{
  char *path = g_build_filename (f->directory, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* The list of administrative units: loaded from a file on a worker, shown
 * with its size and origin; a file that is not a list keeps the old one. */
static void
test_admin_units (Fixture *f, gconstpointer data)
{
  g_autofree char *good = write_list (f, "don-vi.tsv",
    "province\tcommune\tformer_commune\tformer_district\tformer_province\n"
    "Tỉnh Lai Châu\tXã Phong Thổ\tThị trấn Phong Thổ\tHuyện Phong Thổ\tTỉnh Lai Châu\n"
    "Tỉnh Lai Châu\tPhường Tân Phong\tPhường Tân Phong\tThành phố Lai Châu\tTỉnh Lai Châu\n");
  g_autofree char *bad = write_list (f, "bang.xlsx", "PK\3\4 not a list");
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GError) error = NULL;
  GtkWidget *page = find_page (GTK_WIDGET (f->preferences), "register");
  IpdAdminUnitsGroup *group = IPD_ADMIN_UNITS_GROUP (gtk_widget_get_ancestor (
    ipd_test_get_named (page, "units-list"), IPD_TYPE_ADMIN_UNITS_GROUP));
  GtkWidget *error_label = ipd_test_get_named (GTK_WIDGET (group), "units-error");

  g_assert_true (shows_text (GTK_WIDGET (group), "None loaded"));
  ipd_admin_units_group_import_file (group, good_file);
  g_assert_false (gtk_widget_is_sensitive (ipd_test_get_named (GTK_WIDGET (group), "units-import")));
  wait_for_import (group);
  g_assert_cmpint (ipd_store_count_listed_communes (f->store, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_true (shows_text (GTK_WIDGET (group), "2 communes, from “don-vi.tsv”"));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_is_sensitive (ipd_test_get_named (GTK_WIDGET (group), "units-import")));

  ipd_admin_units_group_import_file (group, bad_file);
  wait_for_import (group);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "not a list of administrative units"));
  g_assert_cmpint (ipd_store_count_listed_communes (f->store, &error), ==, 2);
  g_assert_true (shows_text (GTK_WIDGET (group), "“don-vi.tsv”"));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->preferences), "register");
  gtk_window_set_default_size (GTK_WINDOW (f->preferences), 640, 820);
  ipd_test_wait_ms (400);
  ipd_test_save_screenshot (GTK_WIDGET (f->preferences), "preferences-units.png");
}

/* No register could be opened: only the officer's own settings are offered. */
static void
test_without_register (void)
{
  IpdPreferencesWindow *preferences = ipd_preferences_window_new (NULL, NULL);

  ipd_test_present (GTK_WINDOW (preferences));
  g_assert_true (gtk_widget_get_visible (find_page (GTK_WIDGET (preferences), "general")));
  g_assert_false (gtk_widget_get_visible (find_page (GTK_WIDGET (preferences), "register")));
  g_assert_false (gtk_widget_get_visible (find_page (GTK_WIDGET (preferences), "numbers")));
  g_assert_null (ipd_test_find_named (GTK_WIDGET (preferences), "number-format-gi"));
  gtk_window_destroy (GTK_WINDOW (preferences));
  ipd_test_iterate (20);
}

/* Application numbers --------------------------------------------------------------- */

/* The pattern stored for @kind, read with SQLite directly. */
static char *
stored_pattern (Fixture *f, const char *kind)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *pattern = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pattern FROM number_format WHERE kind = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    pattern = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return pattern;
}

static gboolean
has_problem (GPtrArray *problems, const char *field)
{
  for (guint i = 0; problems && i < problems->len; i++)
    if (g_str_equal (((IpdProblem *) g_ptr_array_index (problems, i))->field, field))
      return TRUE;
  return FALSE;
}

static gboolean
number_accepted (IpdStore *store, const char *kind, const char *number)
{
  g_autoptr(IpdDossier) dossier = ipd_dossier_new (kind, "Thử");
  g_autoptr(GPtrArray) problems = NULL;

  dossier->app_number = g_strdup (number);
  problems = ipd_store_validate_dossier (store, dossier);
  return !has_problem (problems, "app_number");
}

static void
test_number_formats (Fixture *f, gconstpointer data)
{
  GtkWidget *group = ipd_test_get_named (GTK_WIDGET (f->preferences), "number-format-gi");
  GtkWidget *pattern = ipd_test_get_named (group, "pattern");
  GtkWidget *example = ipd_test_get_named (group, "example");
  GtkWidget *trademark = ipd_test_get_named (GTK_WIDGET (f->preferences), "number-format-trademark");
  g_autofree char *before = stored_pattern (f, "gi");
  IpdNumberFormatGroup *gi = IPD_NUMBER_FORMAT_GROUP (group);

  /* every kind has its group, filled from the register */
  g_assert_nonnull (ipd_test_get_named (GTK_WIDGET (f->preferences), "number-format-collective"));
  g_assert_nonnull (ipd_test_get_named (GTK_WIDGET (f->preferences), "number-format-certification"));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "Geographical indication");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pattern)), ==, "^6-[0-9]{4}-[0-9]{5}$");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (example)), ==, "6-2023-00012");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ipd_test_get_named (trademark, "example"))), ==, "4-2025-20619");
  g_assert_null (ipd_number_format_group_get_error (gi));

  /* a pattern that does not compile: the pattern row shows it, nothing is saved */
  gtk_editable_set_text (GTK_EDITABLE (pattern), "^6-[0-9");
  g_signal_emit_by_name (pattern, "apply");
  ipd_test_iterate (5);
  g_assert_nonnull (ipd_number_format_group_get_error (gi));
  g_assert_nonnull (strstr (ipd_number_format_group_get_error (gi), "^6-[0-9"));
  g_assert_true (gtk_widget_is_visible (ipd_test_get_named (group, "error")));
  g_assert_true (gtk_widget_has_css_class (pattern, "error"));
  g_assert_false (gtk_widget_has_css_class (example, "error"));
  {
    g_autofree char *after = stored_pattern (f, "gi");
    g_assert_cmpstr (after, ==, before);
  }
  g_assert_true (number_accepted (f->store, IPD_KIND_GI, "6-2024-00001"));

  /* an example that does not match: the example row shows it, nothing is saved */
  gtk_editable_set_text (GTK_EDITABLE (pattern), "^CDĐL-[0-9]{3}$");
  gtk_editable_set_text (GTK_EDITABLE (example), "6-2023-00012");
  g_signal_emit_by_name (example, "apply");
  ipd_test_iterate (5);
  g_assert_nonnull (strstr (ipd_number_format_group_get_error (gi), "6-2023-00012"));
  g_assert_true (gtk_widget_has_css_class (example, "error"));
  g_assert_false (gtk_widget_has_css_class (pattern, "error"));
  {
    g_autofree char *after = stored_pattern (f, "gi");
    g_assert_cmpstr (after, ==, before);
  }

  /* an empty example is refused too */
  gtk_editable_set_text (GTK_EDITABLE (example), "  ");
  g_signal_emit_by_name (example, "apply");
  ipd_test_iterate (5);
  g_assert_nonnull (ipd_number_format_group_get_error (gi));
  g_assert_true (gtk_widget_has_css_class (example, "error"));

  /* a right pair is saved, the marks go, and validation uses it at once */
  gtk_editable_set_text (GTK_EDITABLE (example), " CDĐL-012 ");
  g_signal_emit_by_name (example, "apply");
  ipd_test_iterate (5);
  g_assert_null (ipd_number_format_group_get_error (gi));
  g_assert_false (gtk_widget_is_visible (ipd_test_get_named (group, "error")));
  g_assert_false (gtk_widget_has_css_class (example, "error"));
  {
    g_autofree char *after = stored_pattern (f, "gi");
    g_autoptr(GPtrArray) formats = ipd_store_list_number_formats (f->store, NULL);

    g_assert_cmpstr (after, ==, "^CDĐL-[0-9]{3}$");
    for (guint i = 0; i < formats->len; i++)
      {
        IpdNumberFormat *format = g_ptr_array_index (formats, i);
        if (g_str_equal (format->kind, IPD_KIND_GI))
          g_assert_cmpstr (format->example, ==, "CDĐL-012");
      }
  }
  g_assert_true (number_accepted (f->store, IPD_KIND_GI, "CDĐL-345"));
  g_assert_false (number_accepted (f->store, IPD_KIND_GI, "6-2024-00001"));
  /* the other kinds keep theirs */
  g_assert_true (number_accepted (f->store, IPD_KIND_TRADEMARK, "4-2025-20619"));
  g_assert_false (number_accepted (f->store, IPD_KIND_TRADEMARK, "CDĐL-345"));
}

/* General --------------------------------------------------------------------------- */

static void
test_officer_name (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = ipd_settings_new ();
  GtkWidget *name = ipd_test_get_named (GTK_WIDGET (f->preferences), "officer-name");
  GtkWidget *reopen = ipd_test_get_named (GTK_WIDGET (f->preferences), "reopen-last-register");
  const char *real_name = g_get_real_name ();

  g_assert_nonnull (settings);   /* the tests run with the compiled schema */
  g_settings_reset (settings, "officer-name");
  g_settings_reset (settings, "reopen-last-register");

  gtk_editable_set_text (GTK_EDITABLE (name), " Nguyễn Văn An ");
  ipd_test_iterate (5);
  {
    g_autofree char *stored = g_settings_get_string (settings, "officer-name");
    g_autofree char *officer = ipd_settings_dup_officer_name ();

    g_assert_cmpstr (stored, ==, " Nguyễn Văn An ");
    g_assert_cmpstr (officer, ==, "Nguyễn Văn An");   /* what new dossiers get */
  }

  /* empty: the account's real name, when it has one */
  gtk_editable_set_text (GTK_EDITABLE (name), "");
  ipd_test_iterate (5);
  {
    g_autofree char *officer = ipd_settings_dup_officer_name ();

    if (real_name == NULL || *real_name == '\0' || g_str_equal (real_name, "Unknown"))
      g_assert_null (officer);
    else
      g_assert_cmpstr (officer, ==, real_name);
  }

  g_assert_true (gtk_switch_get_active (GTK_SWITCH (reopen)));
  gtk_switch_set_active (GTK_SWITCH (reopen), FALSE);
  ipd_test_iterate (5);
  g_assert_false (g_settings_get_boolean (settings, "reopen-last-register"));
  g_settings_reset (settings, "reopen-last-register");
  g_settings_reset (settings, "officer-name");
}

/* Reopening the last register ---------------------------------------------------------- */

typedef struct {
  GtkWindow *window;
  char      *opened;     /* the register the application's window shows */
  gint64     deadline;   /* monotonic time */
} Started;

/* Once the window has opened its register (on a worker: a new one is
 * created first), or after 10 s: note its register and close it (the
 * application then quits). */
static gboolean
note_and_close (gpointer data)
{
  Started *started = data;
  IpdStore *store = ipd_window_get_store (IPD_WINDOW (started->window));

  if (store == NULL && g_get_monotonic_time () < started->deadline)
    return G_SOURCE_CONTINUE;
  started->opened = store ? g_strdup (ipd_store_get_path (store)) : NULL;
  gtk_window_destroy (started->window);
  return G_SOURCE_REMOVE;
}

static void
on_window_added (GtkApplication *app, GtkWindow *window, Started *started)
{
  started->window = window;
  started->deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  g_timeout_add (20, note_and_close, started);
}

/* Starts the application without --db and tells which register it opened. */
static char *
start_application (void)
{
  g_autoptr(IpdApplication) app = ipd_application_new ();
  Started started = { NULL };
  char *argv[] = { (char *) "ipdossiers", NULL };

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &started);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);
  return started.opened;
}

static void
test_reopen_last_register (void)
{
  g_autofree char *directory = ipd_test_make_dir ("ipd-reopen-XXXXXX");
  g_autofree char *last = g_build_filename (directory, "last.sqlite", NULL);
  g_autofree char *fallback = g_build_filename (directory, "default.sqlite", NULL);
  g_autoptr(GSettings) settings = ipd_settings_new ();
  g_autoptr(IpdStore) store = ipd_store_open (last, IPD_STORE_DEFAULT, NULL);

  g_assert_nonnull (store);
  g_clear_object (&store);
  g_setenv ("IPDOSSIERS_DB", fallback, TRUE);   /* the default register */

  g_settings_set_string (settings, "last-register", last);
  g_settings_set_boolean (settings, "reopen-last-register", TRUE);
  {
    g_autofree char *opened = start_application ();
    g_assert_cmpstr (opened, ==, last);
  }

  g_settings_set_string (settings, "last-register", last);
  g_settings_set_boolean (settings, "reopen-last-register", FALSE);
  {
    g_autofree char *opened = start_application ();
    g_assert_cmpstr (opened, ==, fallback);
  }

  g_settings_reset (settings, "reopen-last-register");
  g_settings_reset (settings, "last-register");
  g_settings_reset (settings, "recent-registers");
  g_unsetenv ("IPDOSSIERS_DB");
  ipd_test_remove_dir (directory);
}

/* Screenshots ------------------------------------------------------------------------- */

static void
screenshot_page (Fixture *f, const char *page)
{
  const char *language = g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "C";
  g_autofree char *name = g_strdup_printf ("preferences-%s-%s.png", page, language);

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->preferences), page);
  ipd_test_wait_ms (400);   /* the page transition */
  ipd_test_save_screenshot (GTK_WIDGET (f->preferences), name);
}

static void
test_screenshots (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = ipd_settings_new ();

  /* the values an office in Lai Châu would have */
  close_preferences (f);
  g_assert_true (ipd_store_set_setting (f->store, IPD_SETTING_AGENCY_PARENT, "UBND TỈNH LAI CHÂU", NULL));
  g_assert_true (ipd_store_set_setting (f->store, IPD_SETTING_AGENCY_NAME, "SỞ KHOA HỌC VÀ CÔNG NGHỆ", NULL));
  g_assert_true (ipd_store_set_setting (f->store, IPD_SETTING_AGENCY_PROVINCE, "Lai Châu", NULL));
  g_assert_true (ipd_store_set_setting (f->store, IPD_SETTING_AGENCY_PLACE, "Lai Châu", NULL));
  g_settings_set_string (settings, "officer-name", "Nguyễn Văn An");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL));
  f->preferences = IPD_PREFERENCES_WINDOW (ipd_test_find_toplevel (IPD_TYPE_PREFERENCES_WINDOW));
  gtk_window_set_default_size (GTK_WINDOW (f->preferences), 640, 980);   /* every kind on the numbers page */
  ipd_test_present (GTK_WINDOW (f->preferences));

  screenshot_page (f, "general");
  screenshot_page (f, "register");

  /* the numbers page with one refused pattern, to show how an error looks */
  {
    GtkWidget *group = ipd_test_get_named (GTK_WIDGET (f->preferences), "number-format-gi");
    GtkWidget *pattern = ipd_test_get_named (group, "pattern");

    gtk_editable_set_text (GTK_EDITABLE (pattern), "^6-[0-9");
    g_signal_emit_by_name (pattern, "apply");
  }
  screenshot_page (f, "numbers");
  g_settings_reset (settings, "officer-name");
}

int
main (int argc, char **argv)
{
  gboolean translated = ipd_test_init_gui (&argc, &argv);

  if (!translated)
    {
      g_test_add ("/preferences/register-lines", Fixture, NULL, fixture_set_up, test_register_lines, fixture_tear_down);
      g_test_add ("/preferences/register-read-only", Fixture, NULL, fixture_set_up, test_register_read_only, fixture_tear_down);
      g_test_add ("/preferences/number-formats", Fixture, NULL, fixture_set_up, test_number_formats, fixture_tear_down);
      g_test_add ("/preferences/admin-units", Fixture, NULL, fixture_set_up, test_admin_units, fixture_tear_down);
      g_test_add ("/preferences/officer-name", Fixture, NULL, fixture_set_up, test_officer_name, fixture_tear_down);
      g_test_add_func ("/preferences/without-register", test_without_register);
      g_test_add_func ("/preferences/reopen-last-register", test_reopen_last_register);
    }
  g_test_add ("/preferences/screenshots", Fixture, NULL, fixture_set_up, test_screenshots, fixture_tear_down);
  return g_test_run ();
}
