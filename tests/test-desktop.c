/* test-desktop.c — the application as the desktop shows it, under Xvfb
 *
 * The About window (name, version, licence, credits, icon) and the
 * keyboard-shortcuts window. Every key the application binds — the
 * application's accelerators, the key bindings of its widget classes and
 * the shortcut controllers of its windows and dialogs, read from the live
 * widgets — must be listed in gtk/help-overlay.ui, once for each thing it
 * does (Ctrl+F searches the register and, in a document, the document);
 * and every key listed there must be bound. Saves shortcuts-C.png,
 * shortcuts-viewer-C.png and the same with vi, to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ipd-application.h"
#include "ipd-attachment-dialog.h"
#include "ipd-demo.h"
#include "ipd-event-dialog.h"
#include "ipd-export-dialog.h"
#include "ipd-party-dialog.h"
#include "ipd-pdf-view.h"
#include "ipd-preferences-window.h"
#include "ipd-test-gui.h"
#include "ipd-test-pdf.h"
#include "ipd-test-util.h"
#include "ipd-window.h"

#define RESOURCE_PATH "/io/github/ipdossiers/IpDossiers/"

/* Keys in help-overlay.ui that GTK's own widgets handle, not a binding of
 * ours: Return activates the selected row of a list and the search entry. */
static const char *const handled_by_gtk[] = { "Return", NULL };

/* Library widgets that add shortcut controllers of their own: a menu
 * item shows (and repeats) the key of its action, a flap folds on
 * Escape. Any other controller found in our windows is taken as ours. */
static const char *const library_controllers[] = { "GtkModelButton", "AdwFlap", NULL };

typedef struct {
  char           *directory;
  IpdStore       *store;
  IpdApplication *app;
  IpdWindow      *window;
} Fixture;

/* One application for the process: registering runs its startup (its
 * actions, its accelerators, the help overlay of its windows), and a
 * second registration would find the first one's actions on the bus. */
static IpdApplication *application;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->directory = ipd_test_make_dir ("ipd-desktop-XXXXXX");
  path = g_build_filename (f->directory, "register.sqlite", NULL);
  f->store = ipd_store_open (path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ipd_demo_load (f->store, &error), >, 0);
  g_assert_no_error (error);

  f->app = application;
  f->window = ipd_window_new (f->app, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  ipd_test_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* the dialogs the test opened, then the main window */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  ipd_test_iterate (20);
  g_clear_object (&f->store);
  ipd_test_remove_dir (f->directory);
  g_free (f->directory);
}

/* Keys -------------------------------------------------------------------------------- */

/* One name for the keys that do the same: the keypad's and the main
 * keyboard's, upper and lower case. */
static char *
key_name (guint keyval, GdkModifierType mods)
{
  static const guint keypad[][2] = {
    { GDK_KEY_KP_Add, GDK_KEY_plus }, { GDK_KEY_KP_Subtract, GDK_KEY_minus },
    { GDK_KEY_KP_Delete, GDK_KEY_Delete }, { GDK_KEY_KP_Enter, GDK_KEY_Return },
    { GDK_KEY_KP_Home, GDK_KEY_Home }, { GDK_KEY_KP_End, GDK_KEY_End },
    { GDK_KEY_KP_Page_Up, GDK_KEY_Page_Up }, { GDK_KEY_KP_Page_Down, GDK_KEY_Page_Down },
    { GDK_KEY_KP_Left, GDK_KEY_Left }, { GDK_KEY_KP_Right, GDK_KEY_Right },
    { GDK_KEY_KP_Up, GDK_KEY_Up }, { GDK_KEY_KP_Down, GDK_KEY_Down },
  };

  keyval = gdk_keyval_to_lower (keyval);
  for (guint i = 0; i < G_N_ELEMENTS (keypad); i++)
    if (keyval == keypad[i][0])
      keyval = keypad[i][1];
  return gtk_accelerator_name (keyval, mods & gtk_accelerator_get_default_mod_mask ());
}

/* key name → (what it does → where it is bound) */
static void
add_binding (GHashTable *bindings, const char *key, const char *does, const char *where)
{
  GHashTable *actions = g_hash_table_lookup (bindings, key);

  if (actions == NULL)
    {
      actions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (bindings, g_strdup (key), actions);
    }
  if (!g_hash_table_contains (actions, does))
    g_hash_table_insert (actions, g_strdup (does), g_strdup (where));
}

static GHashTable *
new_bindings (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
}

/* What a shortcut does, to tell apart two uses of one key: the action's
 * name, the signal's, or the string a callback is given; "" for a
 * callback without one; NULL for GTK's activation and mnemonics. */
static char *
shortcut_does (GtkShortcut *shortcut)
{
  GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
  GVariant *arguments = gtk_shortcut_get_arguments (shortcut);

  if (GTK_IS_NAMED_ACTION (action))
    return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
  if (GTK_IS_SIGNAL_ACTION (action))
    return g_strdup_printf ("signal %s", gtk_signal_action_get_signal_name (GTK_SIGNAL_ACTION (action)));
  if (GTK_IS_CALLBACK_ACTION (action))
    return g_strdup (arguments && g_variant_is_of_type (arguments, G_VARIANT_TYPE_STRING)
                     ? g_variant_get_string (arguments, NULL) : "");
  return NULL;
}

/* The keys of @trigger (an alternative has several; mnemonics none). */
static void
trigger_keys (GtkShortcutTrigger *trigger, GPtrArray *keys)
{
  if (GTK_IS_KEYVAL_TRIGGER (trigger))
    g_ptr_array_add (keys, key_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                     gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))));
  else if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      trigger_keys (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), keys);
      trigger_keys (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), keys);
    }
}

/* Shortcuts --------------------------------------------------------------------------- */

static gboolean
is_ours (GType type)
{
  return g_str_has_prefix (g_type_name (type), "Ipd");
}

static GtkEventController *
class_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      if (g_strcmp0 (gtk_event_controller_get_name (controller), "gtk-widget-class-shortcuts") == 0)
        return controller;   /* the widget holds it */
    }
  return NULL;
}

/* Whether a shortcut equal to @shortcut is in @model. */
static gboolean
model_has (GListModel *model, GtkShortcut *shortcut)
{
  g_autofree char *does = shortcut_does (shortcut);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkShortcut) other = g_list_model_get_item (model, i);
      g_autofree char *other_does = shortcut_does (other);
      if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), gtk_shortcut_get_trigger (other))
          && g_strcmp0 (does, other_does) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The class shortcuts that an Ipd widget inherits from the GTK or
 * libadwaita class it derives from (AdwPreferencesWindow's Ctrl+F is
 * not ours to list); NULL for an abstract one, which has none here. */
static GListModel *
inherited_shortcuts (GType type, GHashTable *cache)
{
  GtkWidget *instance;

  while (is_ours (type))
    type = g_type_parent (type);
  if (G_TYPE_IS_ABSTRACT (type))
    return NULL;
  instance = g_hash_table_lookup (cache, GSIZE_TO_POINTER (type));
  if (instance == NULL)
    {
      instance = g_object_ref_sink (g_object_new (type, NULL));
      g_hash_table_insert (cache, GSIZE_TO_POINTER (type), instance);
    }
  return G_LIST_MODEL (class_controller (instance));
}

static void
add_controller (GHashTable *bindings, GtkShortcutController *controller, GListModel *except, const char *where)
{
  GListModel *shortcuts = G_LIST_MODEL (controller);

  for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);
      g_autofree char *does = shortcut_does (shortcut);
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

      if (does == NULL || (except != NULL && model_has (except, shortcut)))
        continue;
      trigger_keys (gtk_shortcut_get_trigger (shortcut), keys);
      for (guint k = 0; k < keys->len; k++)
        add_binding (bindings, keys->pdata[k], does, where);
    }
}

/* The key bindings under @widget: the class bindings of our widgets, less
 * what they inherit, and the shortcut controllers we added anywhere
 * (GTK's own controllers have names beginning with "gtk-"). */
static void
add_widget (GHashTable *bindings, GtkWidget *widget, GHashTable *cache)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GType type = G_OBJECT_TYPE (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      const char *name = gtk_event_controller_get_name (controller);
      g_autofree char *where = g_strdup_printf ("%s (%s)", g_type_name (type), name ? name : "controller");

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      if (g_strcmp0 (name, "gtk-widget-class-shortcuts") == 0)
        {
          if (is_ours (type))
            add_controller (bindings, GTK_SHORTCUT_CONTROLLER (controller), inherited_shortcuts (type, cache), where);
        }
      else if ((name == NULL || !g_str_has_prefix (name, "gtk-"))
               && !g_strv_contains (library_controllers, g_type_name (type)))
        add_controller (bindings, GTK_SHORTCUT_CONTROLLER (controller), NULL, where);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    add_widget (bindings, child, cache);
}

static void
add_application (GHashTable *bindings, GtkApplication *app)
{
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (app);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);
      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint keyval;
          GdkModifierType mods;
          g_autofree char *key = NULL;

          g_assert_true (gtk_accelerator_parse (accels[j], &keyval, &mods));
          key = key_name (keyval, mods);
          add_binding (bindings, key, actions[i], "the application");
        }
    }
}

/* Every window and dialog of the application, open: the main window, a
 * PDF in a window of its own, and each dialog. */
static GPtrArray *
open_every_window (Fixture *f)
{
  GPtrArray *windows = g_ptr_array_new ();
  GtkWindow *parent = GTK_WINDOW (f->window);
  g_autoptr(GBytes) pdf = ipd_test_pdf_text (2);
  g_autoptr(IpdAttachment) attachment = ipd_attachment_new (1, "don.pdf");
  IpdQuery everything = { NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = ipd_store_list_ids (f->store, &everything, &error);

  g_assert_no_error (error);
  attachment->id = 1;   /* the dialog describes a saved document */
  g_ptr_array_add (windows, parent);
  g_ptr_array_add (windows, ipd_pdf_view_window_new (parent, pdf, "don.pdf"));
  g_ptr_array_add (windows, ipd_event_dialog_new (parent, f->store, g_array_index (ids, gint64, 0)));
  g_ptr_array_add (windows, ipd_party_dialog_new (parent, f->store));
  g_ptr_array_add (windows, ipd_attachment_dialog_new (parent, f->store, attachment));
  g_ptr_array_add (windows, ipd_export_dialog_new (parent, f->store, NULL));
  g_ptr_array_add (windows, ipd_preferences_window_new (parent, f->store));
  return windows;
}

static GHashTable *
application_bindings (Fixture *f)
{
  GHashTable *bindings = new_bindings ();
  g_autoptr(GHashTable) cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_autoptr(GPtrArray) windows = open_every_window (f);

  add_application (bindings, GTK_APPLICATION (f->app));
  for (guint i = 0; i < windows->len; i++)
    add_widget (bindings, windows->pdata[i], cache);
  return bindings;
}

/* The shortcuts window ------------------------------------------------------------------ */

/* key name → how many times help-overlay.ui lists it */
static GHashTable *
listed_keys (GtkApplication *app)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "gtk/help-overlay.ui");
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  GHashTable *listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action_name = NULL;
      g_auto(GStrv) accels = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, "action-name", &action_name, NULL);
      /* an entry may name the action and let the application tell its keys */
      accels = accelerator && *accelerator ? g_strsplit_set (accelerator, " ", -1)
               : gtk_application_get_accels_for_action (app, action_name);
      g_assert_true (accels[0] != NULL);
      for (guint i = 0; accels[i] != NULL; i++)
        {
          guint keyval;
          GdkModifierType mods;
          char *key;

          if (*accels[i] == '\0')
            continue;
          if (!gtk_accelerator_parse (accels[i], &keyval, &mods))
            g_error ("help-overlay.ui: “%s” is not an accelerator", accels[i]);
          key = key_name (keyval, mods);
          g_hash_table_insert (listed, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (listed, key)) + 1));
        }
    }
  return listed;
}

static void
test_shortcuts_listed (Fixture *f, gconstpointer data)
{
  g_autoptr(GHashTable) bindings = application_bindings (f);
  g_autoptr(GHashTable) listed = listed_keys (GTK_APPLICATION (f->app));
  g_autoptr(GString) problems = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  /* what the test reads must be there at all: the window's and the viewer's keys */
  g_assert_true (g_hash_table_contains (bindings, "<Control>n"));
  g_assert_true (g_hash_table_contains (bindings, "<Control>q"));
  g_assert_true (g_hash_table_contains (bindings, "<Control>question"));
  g_assert_true (g_hash_table_contains (bindings, "<Control>p"));

  g_hash_table_iter_init (&iter, bindings);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GHashTable *actions = value;
      guint wanted = g_hash_table_size (actions) - (g_hash_table_contains (actions, "") && g_hash_table_size (actions) > 1);
      guint times = GPOINTER_TO_UINT (g_hash_table_lookup (listed, key));

      if (times < wanted)
        {
          g_autoptr(GList) does = g_hash_table_get_keys (actions);
          g_string_append_printf (problems, "%s is listed %u times in help-overlay.ui, bound %u times:",
                                  (char *) key, times, wanted);
          for (GList *l = does; l != NULL; l = l->next)
            g_string_append_printf (problems, " %s in %s;", (char *) l->data,
                                    (char *) g_hash_table_lookup (actions, l->data));
          g_string_append_c (problems, '\n');
        }
    }
  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (bindings, key) && !g_strv_contains (handled_by_gtk, key))
      g_string_append_printf (problems, "%s is listed in help-overlay.ui but nothing binds it\n", (char *) key);
  g_assert_cmpstr (problems->str, ==, "");
}

/* The window's help overlay is ours, and Ctrl+? shows it. */
static void
test_shortcuts_window (Fixture *f, gconstpointer data)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window));
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app), "win.show-help-overlay");
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *name = g_strdup_printf ("shortcuts-%s.png", language ? language : "C");
  g_autofree char *viewer = g_strdup_printf ("shortcuts-viewer-%s.png", language ? language : "C");

  g_assert_nonnull (overlay);
  g_assert_true (g_strv_contains ((const char *const *) accels, "<Control>question"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  ipd_test_iterate (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  ipd_test_wait_ms (300);
  ipd_test_save_screenshot (GTK_WIDGET (overlay), name);
  g_object_set (overlay, "section-name", "viewer", NULL);
  ipd_test_wait_ms (300);
  ipd_test_save_screenshot (GTK_WIDGET (overlay), viewer);
}

/* The About window --------------------------------------------------------------------- */

static void
test_about (Fixture *f, gconstpointer data)
{
  const char *credits = _("translator-credits");
  g_autofree char *icons = g_test_build_filename (G_TEST_DIST, "..", "data", "icons", NULL);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autofree char *symbolic = g_strconcat (APP_ID, "-symbolic", NULL);
  AdwAboutWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "about", NULL);
  ipd_test_iterate (20);
  about = ADW_ABOUT_WINDOW (ipd_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (f->window));
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, _("IP Dossiers"));
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (adw_about_window_get_developers (about));
  g_assert_nonnull (adw_about_window_get_developers (about)[0]);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, PACKAGE_URL);
  g_assert_nonnull (strstr (adw_about_window_get_copyright (about), "2026"));
  /* the translators' names when the catalogue has them, never the message id */
  if (g_str_equal (credits, "translator-credits"))
    g_assert_true (adw_about_window_get_translator_credits (about) == NULL
                   || *adw_about_window_get_translator_credits (about) == '\0');
  else
    g_assert_cmpstr (adw_about_window_get_translator_credits (about), ==, credits);

  /* its icon is the one data/ installs, under the application's id */
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  gtk_icon_theme_add_search_path (theme, icons);
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, symbolic));
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  ipd_test_init_gui (&argc, &argv);
  application = ipd_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  g_test_add ("/desktop/shortcuts/listed", Fixture, NULL, fixture_set_up, test_shortcuts_listed, fixture_tear_down);
  g_test_add ("/desktop/shortcuts/window", Fixture, NULL, fixture_set_up, test_shortcuts_window, fixture_tear_down);
  g_test_add ("/desktop/about", Fixture, NULL, fixture_set_up, test_about, fixture_tear_down);
  status = g_test_run ();
  g_object_unref (application);
  return status;
}
