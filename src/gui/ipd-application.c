/* ipd-application.c — the IP Dossiers application
 *
 * Besides the windows, the application reminds the officer of deadlines:
 * at start and then once a day while it runs (checked hourly, sent when
 * the day has changed), a notification counts what is overdue and what is
 * due within a week; clicking it opens the agenda. The officer can turn
 * the reminders off in Preferences ("deadline-reminders").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-agenda-text.h"
#include "ipd-application.h"
#include "ipd-date.h"
#include "ipd-demo.h"
#include "ipd-error.h"
#include "ipd-front-desk-window.h"
#include "ipd-gui.h"
#include "ipd-settings.h"
#include "ipd-store.h"
#include "ipd-window.h"

struct _IpdApplication
{
  AdwApplication parent_instance;

  char    *db_path;
  gboolean load_demo;
  gboolean front_desk;    /* --front-desk: only the front desk, read-only */
  guint    reminder_timer;
  char    *reminded_on;   /* the day of the last reminder (ISO) */
};

#define REMINDER_CHECK_SECONDS 3600
#define REMINDER_ID            "deadlines"

G_DEFINE_FINAL_TYPE (IpdApplication, ipd_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this register file"), N_("PATH") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Load the sample records into an empty register"), NULL },
  { "front-desk", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the front desk, where visitors look up their dossier"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the program’s version and exit"), NULL },
  { NULL }
};

static char *register_path (IpdApplication *self);
static IpdStore *open_front_desk_register (IpdApplication *self, GError **error);

static int
ipd_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  IpdApplication *self = IPD_APPLICATION (app);
  g_autofree char *db_path = NULL;

  /* before any window or display: works in a terminal without one */
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("ipdossiers %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "db", "^ay", &db_path))
    {
      g_free (self->db_path);
      self->db_path = g_canonicalize_filename (db_path, NULL);
    }
  self->load_demo = g_variant_dict_contains (options, "demo");
  self->front_desk = g_variant_dict_contains (options, "front-desk");
  if (self->front_desk)
    {
      /* Said on the terminal before any window: a front desk that could
       * not be closed, or shows nothing, is no use at a reception. */
      g_autoptr(GError) error = NULL;
      g_autoptr(IpdStore) store = open_front_desk_register (self, &error);

      if (store == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
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

/* The front desk's register: read-only, and with an officer PIN. */
static IpdStore *
open_front_desk_register (IpdApplication *self, GError **error)
{
  g_autofree char *path = register_path (self);
  g_autoptr(IpdStore) store = ipd_store_open (path, IPD_STORE_READ_ONLY, error);

  if (store == NULL)
    return NULL;
  if (!ipd_store_has_front_desk_pin (store))
    {
      g_set_error (error, IPD_ERROR, IPD_ERROR_INVALID,
                   _("The register %s has no officer PIN, so the front desk could not be closed. "
                     "Set one in Preferences, on the Register page."), path);
      return NULL;
    }
  return g_steal_pointer (&store);
}

static IpdWindow *
main_window (IpdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (IPD_IS_WINDOW (window))
    return IPD_WINDOW (window);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (IPD_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* Sends the day's reminder, once a day, when the officer wants them. */
static void
remind_of_deadlines (IpdApplication *self)
{
  g_autoptr(GSettings) settings = ipd_settings_new ();
  g_autofree char *today = ipd_date_today ();
  g_autofree char *body = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GError) error = NULL;
  IpdWindow *window = main_window (self);
  IpdStore *store = window ? ipd_window_get_store (window) : NULL;
  guint overdue, due_soon;

  if ((settings != NULL && !g_settings_get_boolean (settings, "deadline-reminders"))
      || g_strcmp0 (self->reminded_on, today) == 0 || store == NULL)
    return;
  if (!ipd_agenda_count_reminders (store, today, &overdue, &due_soon, &error))
    {
      g_warning ("Cannot count the deadlines for the reminder: %s", error->message);
      return;
    }
  g_free (self->reminded_on);
  self->reminded_on = g_steal_pointer (&today);
  body = ipd_agenda_reminder_text (overdue, due_soon);
  if (body == NULL)
    {
      g_application_withdraw_notification (G_APPLICATION (self), REMINDER_ID);
      return;
    }
  notification = g_notification_new (_("Deadlines"));
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, overdue > 0 ? G_NOTIFICATION_PRIORITY_HIGH : G_NOTIFICATION_PRIORITY_NORMAL);
  g_notification_set_default_action (notification, "app.show-agenda");
  g_application_send_notification (G_APPLICATION (self), REMINDER_ID, notification);
}

static gboolean
on_reminder_timer (gpointer user_data)
{
  remind_of_deadlines (IPD_APPLICATION (user_data));
  return G_SOURCE_CONTINUE;
}

static void
ipd_application_activate (GApplication *app)
{
  IpdApplication *self = IPD_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(IpdStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (window == NULL && self->front_desk)
    {
      store = open_front_desk_register (self, &error);
      if (store == NULL)
        {
          /* the register changed since the options were read */
          g_printerr ("%s\n", error->message);
          return;
        }
      gtk_window_present (GTK_WINDOW (ipd_front_desk_window_new (GTK_APPLICATION (app), store)));
      return;
    }
  if (window == NULL)
    {
      /* shown at once; the register opens on a worker (an error is shown
       * in the window, never a crash) and the reminder follows it */
      g_autofree char *path = register_path (self);
      IpdWindow *opening = ipd_window_new (self, NULL, NULL);

      g_signal_connect_object (opening, "register-shown", G_CALLBACK (remind_of_deadlines), self,
                               G_CONNECT_SWAPPED);
      ipd_window_open_register (opening, path, self->load_demo);
      window = GTK_WINDOW (opening);
    }
  gtk_window_present (window);
  remind_of_deadlines (self);
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* The translators' names, or "" (none shown) while the catalogue has
 * none: the About window must not show the message id itself. */
static const char *
translator_credits (void)
{
  /* Translators: your names, one a line, shown in the About window */
  const char *credits = _("translator-credits");

  return g_str_equal (credits, "translator-credits") ? "" : credits;
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
                         "developer-name", _("The IP Dossiers team"),
                         "developers", developers,
                         "translator-credits", translator_credits (),
                         "copyright", _("© 2026 The IP Dossiers authors"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", PACKAGE_URL,
                         "issue-url", PACKAGE_URL "/issues",
                         "comments", _("The register of trademark, collective mark, certification mark and geographical indication dossiers"),
                         NULL);
}

/* The reminder's click: the agenda in the main window. */
static void
show_agenda_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  IpdWindow *window = main_window (IPD_APPLICATION (user_data));

  if (window == NULL)
    return;
  g_object_set (window, "agenda-shown", TRUE, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "show-agenda", show_agenda_activated },
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
  IPD_APPLICATION (app)->reminder_timer = g_timeout_add_seconds (REMINDER_CHECK_SECONDS, on_reminder_timer, app);
}

static void
ipd_application_shutdown (GApplication *app)
{
  g_clear_handle_id (&IPD_APPLICATION (app)->reminder_timer, g_source_remove);
  G_APPLICATION_CLASS (ipd_application_parent_class)->shutdown (app);
}

static void
ipd_application_finalize (GObject *object)
{
  IpdApplication *self = IPD_APPLICATION (object);

  g_free (self->db_path);
  g_free (self->reminded_on);
  g_clear_handle_id (&self->reminder_timer, g_source_remove);
  G_OBJECT_CLASS (ipd_application_parent_class)->finalize (object);
}

static void
ipd_application_class_init (IpdApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ipd_application_finalize;
  app_class->handle_local_options = ipd_application_handle_local_options;
  app_class->startup = ipd_application_startup;
  app_class->shutdown = ipd_application_shutdown;
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
