/* ipd-application.c — the IP Dossiers application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-application.h"
#include "ipd-demo.h"
#include "ipd-gui.h"
#include "ipd-settings.h"
#include "ipd-store.h"
#include "ipd-window.h"

struct _IpdApplication
{
  AdwApplication parent_instance;

  char    *db_path;
  gboolean load_demo;
};

G_DEFINE_FINAL_TYPE (IpdApplication, ipd_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this register file"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Load the sample records into an empty register"), NULL },
  { NULL }
};

static int
ipd_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  IpdApplication *self = IPD_APPLICATION (app);
  g_autofree char *db_path = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &db_path))
    {
      g_free (self->db_path);
      self->db_path = g_canonicalize_filename (db_path, NULL);
    }
  self->load_demo = g_variant_dict_contains (options, "demo");
  return -1;   /* go on */
}

/* --db, else the register opened last (if it is still there and the
 * officer wants it back), else the default one in the user's data folder. */
static char *
register_path (IpdApplication *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *last = NULL;

  if (self->db_path != NULL)
    return g_strdup (self->db_path);
  settings = ipd_settings_new ();
  if (settings != NULL && g_settings_get_boolean (settings, "reopen-last-register"))
    last = g_settings_get_string (settings, "last-register");
  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&last);
  return ipd_store_default_path ();
}

/* Opens the register; an error is shown in the window, never a crash. */
static IpdStore *
open_register (IpdApplication *self, GError **error)
{
  g_autofree char *path = register_path (self);
  g_autoptr(IpdStore) store = ipd_store_open (path, IPD_STORE_DEFAULT, error);
  IpdQuery everything = { NULL };

  if (store == NULL)
    return NULL;
  if (self->load_demo && ipd_store_count_dossiers (store, &everything, NULL) == 0
      && ipd_demo_load (store, error) < 0)
    return NULL;
  return g_steal_pointer (&store);
}

static void
ipd_application_activate (GApplication *app)
{
  IpdApplication *self = IPD_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(IpdStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (window == NULL)
    {
      store = open_register (self, &error);
      window = GTK_WINDOW (ipd_window_new (self, store, error));
    }
  gtk_window_present (window);
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The IP Dossiers team"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("IP Dossiers"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("The register of trademark, collective mark, certification mark and geographical indication dossiers"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
ipd_application_startup (GApplication *app)
{
  const char *quit_accels[] = { "<Control>q", NULL };

  /* before any window: GtkApplication looks for gtk/help-overlay.ui in them */
  ipd_gui_ensure_resources ();
  G_APPLICATION_CLASS (ipd_application_parent_class)->startup (app);
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
ipd_application_finalize (GObject *object)
{
  IpdApplication *self = IPD_APPLICATION (object);

  g_free (self->db_path);
  G_OBJECT_CLASS (ipd_application_parent_class)->finalize (object);
}

static void
ipd_application_class_init (IpdApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ipd_application_finalize;
  app_class->handle_local_options = ipd_application_handle_local_options;
  app_class->startup = ipd_application_startup;
  app_class->activate = ipd_application_activate;
}

static void
ipd_application_init (IpdApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

IpdApplication *
ipd_application_new (void)
{
  /* Each process opens its own register: no single-instance hand-over of
   * --db to a running instance. */
  return g_object_new (IPD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/ipdossiers/IpDossiers",
                       NULL);
}
