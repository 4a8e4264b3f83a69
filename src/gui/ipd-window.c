/* ipd-window.c — the main window
 *
 * For now it opens the register and tells what is in it; the list of
 * dossiers comes next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-demo.h"
#include "ipd-gui-resources.h"
#include "ipd-window.h"

struct _IpdWindow
{
  AdwApplicationWindow parent_instance;

  IpdStore      *store;

  AdwStatusPage *status_page;
  GtkButton     *demo_button;
  AdwToastOverlay *toasts;
};

G_DEFINE_FINAL_TYPE (IpdWindow, ipd_window, ADW_TYPE_APPLICATION_WINDOW)

static void
show_register (IpdWindow *self)
{
  IpdQuery everything = { NULL };
  g_autoptr(GError) error = NULL;
  gint64 count = ipd_store_count_dossiers (self->store, &everything, &error);
  g_autofree char *title = NULL;

  if (count < 0)
    {
      adw_status_page_set_title (self->status_page, _("The register cannot be read"));
      adw_status_page_set_description (self->status_page, error->message);
      return;
    }

  /* Translators: the number of dossiers in the register */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld dossier", "%lld dossiers", count),
                           (long long) count);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, ipd_store_get_path (self->store));
  adw_status_page_set_icon_name (self->status_page, "folder-documents-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->demo_button), count == 0);
}

static void
load_demo_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdWindow *self = IPD_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (ipd_demo_load (self->store, &error) < 0)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  show_register (self);
}

static void
ipd_window_dispose (GObject *object)
{
  IpdWindow *self = IPD_WINDOW (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPD_TYPE_WINDOW);
  G_OBJECT_CLASS (ipd_window_parent_class)->dispose (object);
}

static void
ipd_window_class_init (IpdWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_window_dispose;

  ipd_gui_register_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipdossiers/IpDossiers/ipd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, demo_button);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, toasts);
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_activated);
}

static void
ipd_window_init (IpdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ipd_window_new:
 * @store: (nullable): the open register, or %NULL when it could not be opened
 * @open_error: (nullable): why it could not be opened
 */
IpdWindow *
ipd_window_new (IpdApplication *application, IpdStore *store, const GError *open_error)
{
  IpdWindow *self = g_object_new (IPD_TYPE_WINDOW, "application", application, NULL);

  if (store != NULL)
    {
      self->store = g_object_ref (store);
      show_register (self);
    }
  else
    {
      adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->status_page, _("The register cannot be opened"));
      adw_status_page_set_description (self->status_page, open_error ? open_error->message : NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->demo_button), FALSE);
    }
  return self;
}

IpdStore *
ipd_window_get_store (IpdWindow *self)
{
  g_return_val_if_fail (IPD_IS_WINDOW (self), NULL);
  return self->store;
}
