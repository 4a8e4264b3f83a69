/* ipd-admin-units-group.c — the register's list of administrative units, in Preferences
 *
 * Shows which list the statistics map former units through, and replaces
 * it with a file the officer chooses. The import runs on a worker with a
 * connection of its own (a store is used from one thread), so the window
 * stays responsive while ten thousand rows are written; a file that is not
 * a list is refused with the reason and the old list is kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-admin-units-group.h"
#include "ipd-amount.h"
#include "ipd-date.h"
#include "ipd-gui.h"

struct _IpdAdminUnitsGroup
{
  AdwPreferencesGroup parent_instance;

  IpdStore     *store;
  GCancellable *importing;   /* an import under way, else NULL */

  AdwActionRow *list_row;
  GtkSpinner   *spinner;
  GtkWidget    *import_button;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (IpdAdminUnitsGroup, ipd_admin_units_group, ADW_TYPE_PREFERENCES_GROUP)

static void
show_error (IpdAdminUnitsGroup *self, const char *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* "3.315 communes, from “list.tsv” on 23/11/2026", or what is missing. */
static void
show_list (IpdAdminUnitsGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdUnitsImport) import = ipd_store_last_units_import (self->store, &error);
  g_autofree char *subtitle = NULL;

  if (import == NULL)
    subtitle = g_strdup (error ? error->message
                         : _("None loaded: statistics show communes as the addresses write them."));
  else
    {
      g_autofree char *day = g_strndup (import->imported_at, 10);
      g_autofree char *date = ipd_date_format (day);
      g_autofree char *count = ipd_amount_format (import->communes);
      g_autofree char *communes = g_strdup_printf (g_dngettext (NULL, "%s commune", "%s communes",
                                                                import->communes), count);

      /* Translators: a number of communes, the file's name, the date it was loaded */
      subtitle = g_strdup_printf (_("%s, from “%s” on %s"), communes, import->source, date);
    }
  adw_action_row_set_subtitle (self->list_row, subtitle);
}

static void
set_busy (IpdAdminUnitsGroup *self, gboolean busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (self->import_button,
                            !busy && self->store != NULL && !ipd_store_is_read_only (self->store));
}

static void
import_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GFile *file = data;
  const char *path = g_object_get_data (G_OBJECT (task), "register");
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(IpdStore) store = NULL;
  g_autofree char *name = g_file_get_basename (file);
  GError *error = NULL;

  if ((contents = g_file_load_bytes (file, cancellable, NULL, &error)) == NULL
      || (store = ipd_store_open (path, IPD_STORE_DEFAULT, &error)) == NULL
      || !ipd_store_import_admin_units (store, name, contents, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_imported (GObject *source, GAsyncResult *result, gpointer user_data)
{
  IpdAdminUnitsGroup *self = IPD_ADMIN_UNITS_GROUP (source);
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;   /* the window is gone: the import went through or not, nobody to tell */
  g_task_propagate_boolean (G_TASK (result), &error);
  g_clear_object (&self->importing);
  set_busy (self, FALSE);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The list was not loaded: %s"), error->message);
      show_error (self, message);
      return;
    }
  show_error (self, NULL);
  show_list (self);
}

/**
 * ipd_admin_units_group_import_file:
 *
 * Replaces the register's list with @file's (what the file chooser does).
 */
void
ipd_admin_units_group_import_file (IpdAdminUnitsGroup *self, GFile *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (IPD_IS_ADMIN_UNITS_GROUP (self));
  g_return_if_fail (self->store != NULL && self->importing == NULL);
  self->importing = g_cancellable_new ();
  task = g_task_new (self, self->importing, on_imported, NULL);
  g_task_set_source_tag (task, ipd_admin_units_group_import_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "register", g_strdup (ipd_store_get_path (self->store)),
                          g_free);
  show_error (self, NULL);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, import_thread);
}

gboolean
ipd_admin_units_group_is_busy (IpdAdminUnitsGroup *self)
{
  g_return_val_if_fail (IPD_IS_ADMIN_UNITS_GROUP (self), FALSE);
  return self->importing != NULL;
}

static void
on_chooser_response (GtkNativeDialog *chooser, int response, IpdAdminUnitsGroup *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL && self->importing == NULL)
        ipd_admin_units_group_import_file (self, file);
    }
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
on_import_clicked (IpdAdminUnitsGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) lists = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Administrative Units"), GTK_WINDOW (root),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  gtk_file_filter_set_name (lists, _("Tab-separated lists"));
  gtk_file_filter_add_mime_type (lists, "text/tab-separated-values");
  gtk_file_filter_add_suffix (lists, "tsv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), lists);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * ipd_admin_units_group_set_store:
 * @store: (nullable): the register, or %NULL when none is open
 */
void
ipd_admin_units_group_set_store (IpdAdminUnitsGroup *self, IpdStore *store)
{
  g_return_if_fail (IPD_IS_ADMIN_UNITS_GROUP (self));
  g_set_object (&self->store, store);
  gtk_widget_set_visible (GTK_WIDGET (self), store != NULL);
  if (store == NULL)
    return;
  show_list (self);
  set_busy (self, self->importing != NULL);
}

static void
ipd_admin_units_group_dispose (GObject *object)
{
  IpdAdminUnitsGroup *self = IPD_ADMIN_UNITS_GROUP (object);

  if (self->importing != NULL)
    g_cancellable_cancel (self->importing);
  g_clear_object (&self->importing);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (ipd_admin_units_group_parent_class)->dispose (object);
}

static void
ipd_admin_units_group_class_init (IpdAdminUnitsGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_admin_units_group_dispose;
  ipd_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ipdossiers/IpDossiers/ipd-admin-units-group.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdAdminUnitsGroup, list_row);
  gtk_widget_class_bind_template_child (widget_class, IpdAdminUnitsGroup, spinner);
  gtk_widget_class_bind_template_child (widget_class, IpdAdminUnitsGroup, import_button);
  gtk_widget_class_bind_template_child (widget_class, IpdAdminUnitsGroup, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
}

static void
ipd_admin_units_group_init (IpdAdminUnitsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
