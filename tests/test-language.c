/* test-language.c — the language chosen in Preferences over the system's
 *
 * tests/meson.build runs this program once per case, each with its own
 * locale (LANG and LC_ALL, LANGUAGE), the choice to make in Preferences
 * (IPD_TEST_LANGUAGE: system, vi or en) and the language the windows must
 * then speak (IPD_TEST_EXPECT: vi or en). The choice is stored in GSettings
 * first, as Preferences stores it; the program then starts as ipdossiers
 * does (ipd_gui_init_i18n() before any message is translated) and reads
 * known labels of the main window and of Preferences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "ipd-gui.h"
#include "ipd-preferences-window.h"
#include "ipd-settings.h"
#include "ipd-test-gui.h"
#include "ipd-test-util.h"
#include "ipd-window.h"

static const char *expected;   /* "vi" or "en" */

/* @english, or @vietnamese when the windows must speak Vietnamese. */
static const char *
in_expected (const char *english, const char *vietnamese)
{
  return g_str_equal (expected, "vi") ? vietnamese : english;
}

/* The labels under @widget, one a line, with a line break before the first. */
static char *
labels_of (GtkWidget *widget)
{
  GString *labels = g_string_new ("\n");

  ipd_test_collect_labels (widget, labels);
  return g_string_free (labels, FALSE);
}

/* Whether a label under @widget says exactly @text. */
static gboolean
shows_label (GtkWidget *widget, const char *text)
{
  g_autofree char *labels = labels_of (widget);
  g_autofree char *line = g_strdup_printf ("\n%s\n", text);

  return strstr (labels, line) != NULL;
}

static void
assert_shows (GtkWidget *widget, const char *text)
{
  if (!shows_label (widget, text))
    {
      g_autofree char *labels = labels_of (widget);
      g_error ("“%s” is not among the labels:%s", text, labels);
    }
}

typedef IpdTestWindow Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  ipd_test_window_open (f, FALSE, 1000, 700);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  ipd_test_window_close (f);
}

/* The main window of an empty register speaks the expected language. */
static void
test_main_window (Fixture *f, gconstpointer data)
{
  assert_shows (GTK_WIDGET (f->window), in_expected ("The Register Is Empty", "Sổ đăng ký đang trống"));
  assert_shows (GTK_WIDGET (f->window), in_expected ("0 dossiers", "0 hồ sơ"));
  assert_shows (GTK_WIDGET (f->window), in_expected ("Load Sample Records", "Nạp hồ sơ mẫu"));
}

/* Preferences shows the choice made, and a new one is kept for the next
 * start with a notice that says so. */
static void
test_preferences (Fixture *f, gconstpointer data)
{
  const char *choice = g_getenv ("IPD_TEST_LANGUAGE");
  const char *choices[] = { "system", "vi", "en" };
  g_autoptr(GSettings) settings = ipd_settings_new ();
  IpdPreferencesWindow *preferences = ipd_preferences_window_new (GTK_WINDOW (f->window), f->store);
  AdwComboRow *row = ADW_COMBO_ROW (ipd_test_get_named (GTK_WIDGET (preferences), "language"));
  guint other;
  g_autofree char *stored = NULL;

  ipd_test_present (GTK_WINDOW (preferences));
  assert_shows (GTK_WIDGET (preferences), in_expected ("Your name", "Họ và tên của bạn"));
  g_assert_cmpstr (choices[adw_combo_row_get_selected (row)], ==, choice);
  g_assert_false (shows_label (GTK_WIDGET (preferences), _("The language changes when IP Dossiers starts again")));

  other = g_str_equal (choice, "en") ? 1 : 2;
  adw_combo_row_set_selected (row, other);
  ipd_test_wait_ms (200);
  stored = g_settings_get_string (settings, "language");
  g_assert_cmpstr (stored, ==, choices[other]);
  assert_shows (GTK_WIDGET (preferences), _("The language changes when IP Dossiers starts again"));
  /* the language of this run does not change */
  assert_shows (GTK_WIDGET (preferences), in_expected ("Your name", "Họ và tên của bạn"));

  g_settings_set_string (settings, "language", choice);
  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int argc, char **argv)
{
  const char *choice = g_getenv ("IPD_TEST_LANGUAGE");
  g_autoptr(GSettings) settings = ipd_settings_new ();
  g_autofree char *locale = NULL;

  expected = g_getenv ("IPD_TEST_EXPECT");
  if (choice == NULL || expected == NULL || settings == NULL)
    g_error ("run by tests/meson.build: IPD_TEST_LANGUAGE, IPD_TEST_EXPECT and the compiled schema are needed");
  if (setlocale (LC_ALL, "") == NULL)
    {
      g_print ("1..0 # SKIP the system locale (LANG=%s) is not installed\n", g_getenv ("LANG"));
      return 77;
    }
  setlocale (LC_ALL, "C");

  /* as Preferences stores it, then as ipdossiers starts */
  g_settings_set_string (settings, "language", choice);
  ipd_gui_init_i18n ();

  /* gtk_test_init() sets en_US.UTF-8 where it exists: the locale set at
   * start-up stays */
  locale = g_strdup (setlocale (LC_ALL, NULL));
  gtk_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, locale);
  adw_init ();

  g_test_add ("/language/main-window", Fixture, NULL, fixture_set_up, test_main_window, fixture_tear_down);
  g_test_add ("/language/preferences", Fixture, NULL, fixture_set_up, test_preferences, fixture_tear_down);
  return g_test_run ();
}
