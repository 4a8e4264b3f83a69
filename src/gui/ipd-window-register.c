/* ipd-window-register.c — register files: new, open, recent, back up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-demo.h"
#include "ipd-window-private.h"

#define MAX_RECENT 8

void
ipd_window_show_error (IpdWindow *self, const char *heading, const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The register opened last reopens at start; recent ones are in the menu. */
void
ipd_window_remember_register (IpdWindow *self, const char *path)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  if (self->settings == NULL)
    return;
  g_settings_set_string (self->settings, "last-register", path);
  recent = g_settings_get_strv (self->settings, "recent-registers");
  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] && n < MAX_RECENT; i++)
    if (!g_str_equal (recent[i], path))
      g_strv_builder_add (builder, recent[i]), n++;
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-registers", (const char *const *) updated);
  ipd_window_update_recent_menu (self);
}

void
ipd_window_update_recent_menu (IpdWindow *self)
{
  g_auto(GStrv) recent = NULL;

  g_menu_remove_all (self->recent_menu);
  if (self->settings == NULL)
    return;
  recent = g_settings_get_strv (self->settings, "recent-registers");
  for (guint i = 0; recent[i]; i++)
    {
      g_autofree char *name = g_path_get_basename (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
    }
}

/* Opening ------------------------------------------------------------------------------
 * A register is opened on a worker thread: bringing an old one's format up
 * to date, or working out every deadline again after a change of the
 * rules, takes seconds on a large register, and the window must not
 * freeze meanwhile. The store is handed to the main thread when it is
 * ready; from then on only the main thread uses it. */

typedef struct {
  char    *path;
  gboolean load_demo;
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_free (request->path);
  g_free (request);
}

static void
open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  OpenRequest *request = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = ipd_store_open (request->path, IPD_STORE_DEFAULT, &error);
  IpdQuery everything = { NULL };

  if (store != NULL && request->load_demo && ipd_store_count_dossiers (store, &everything, NULL) == 0
      && ipd_demo_load (store, &error) < 0)
    g_clear_object (&store);
  if (store == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

static void
on_register_opened (GObject *source, GAsyncResult *result, gpointer user_data)
{
  IpdWindow *self = IPD_WINDOW (source);
  g_autoptr(IpdStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = g_task_propagate_pointer (G_TASK (result), &error);
  /* another register was asked for since, or the window is gone: an
   * opening cannot stop half-way, its answer is dropped */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->opening);
  if (store != NULL)
    ipd_window_set_store (self, store);
  else if (self->store == NULL)
    ipd_window_show_open_error (self, error);
  else
    {
      /* the register shown stays */
      gtk_spinner_stop (self->opening_spinner);
      ipd_window_reload (self);
      ipd_window_show_error (self, _("The Register Cannot Be Opened"), error);
    }
}

/**
 * ipd_window_open_register:
 * @path: the register's file; created when missing
 * @load_demo: load the sample records when it is empty
 *
 * Opens the register on a worker thread, showing that it is opening, and
 * shows it when it is ready (or why it could not be opened).
 */
void
ipd_window_open_register (IpdWindow *self, const char *path, gboolean load_demo)
{
  g_autoptr(GTask) task = NULL;
  OpenRequest *request = g_new0 (OpenRequest, 1);
  g_autofree char *name = g_path_get_basename (path);

  g_return_if_fail (IPD_IS_WINDOW (self));
  g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  self->opening = g_cancellable_new ();
  task = g_task_new (self, self->opening, on_register_opened, NULL);
  request->path = g_strdup (path);
  request->load_demo = load_demo;
  adw_status_page_set_description (self->opening_page, name);
  gtk_spinner_start (self->opening_spinner);
  gtk_stack_set_visible_child_name (self->list_stack, "opening");
  /* a new register, a new search: what is typed while it opens is kept
   * and listed from it (reload_list waits for it) */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_label_set_label (self->count_label, "");
  g_task_set_source_tag (task, ipd_window_open_register);
  g_task_set_task_data (task, request, (GDestroyNotify) open_request_free);
  g_task_run_in_thread (task, open_thread);
}

static void
open_path (IpdWindow *self, const char *path)
{
  ipd_window_open_register (self, path, FALSE);
}

static void
on_register_chosen (GtkNativeDialog *dialog, int response, IpdWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        open_path (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_register (IpdWindow *self, gboolean create)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (create ? _("New Register") : _("Open Register"),
                                         GTK_WINDOW (self),
                                         create ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         create ? _("_Create") : _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Registers"));
  gtk_file_filter_add_suffix (filter, "sqlite");
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("register.sqlite"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_register_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_register_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  choose_register (IPD_WINDOW (widget), FALSE);
}

static void
new_register_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  choose_register (IPD_WINDOW (widget), TRUE);
}

static void
open_recent_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  open_path (IPD_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Backing up ------------------------------------------------------------------------
 * The copy is made on a worker thread through a connection of its own (a
 * store serves one thread), so the window stays usable meanwhile. */

static void
backup_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  const char *const *paths = task_data;   /* register, destination */
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = ipd_store_open (paths[0], IPD_STORE_READ_ONLY, &error);

  if (store == NULL || !ipd_store_backup (store, paths[1], cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_backup_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  IpdWindow *self = IPD_WINDOW (source);
  g_autoptr(GError) error = NULL;
  const char *const *paths = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    ipd_window_show_error (self, _("The Backup Failed"), error);
  else
    {
      g_autofree char *name = g_path_get_basename (paths[1]);
      /* Translators: %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Backed up to “%s”"), name);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
    }
}

static void
on_backup_chosen (GtkNativeDialog *dialog, int response, IpdWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GTask) task = g_task_new (self, NULL, on_backup_done, NULL);
      char **paths = g_new0 (char *, 3);

      paths[0] = g_strdup (ipd_store_get_path (self->store));
      paths[1] = g_file_get_path (file);
      g_task_set_source_tag (task, on_backup_chosen);
      g_task_set_task_data (task, paths, (GDestroyNotify) g_strfreev);
      g_task_run_in_thread (task, backup_thread);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Backing up the register…")));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
backup_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdWindow *self = IPD_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the default name of a backup file; %s is today's date */
  g_autofree char *name = g_strdup_printf (_("register-backup-%s.sqlite"), date);
  GtkFileChooserNative *chooser;

  if (self->store == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Back Up Register"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_backup_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
ipd_window_register_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-register", NULL, open_register_activated);
  gtk_widget_class_install_action (widget_class, "win.new-register", NULL, new_register_activated);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_activated);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-register", NULL);
}
