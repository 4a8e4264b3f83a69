/* ipd-window.c — the main window: filters, the list, the open dossier
 *
 * An AdwLeaflet holds the filters, the table and the dossier side by side;
 * a narrow window folds them into pages. The table shows whatever the
 * search text, the filters and the clicked column ask for, all answered by
 * the store in SQL; the selection survives every refresh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-gui.h"
#include "ipd-demo.h"
#include "ipd-export-dialog.h"
#include "ipd-front-desk-window.h"
#include "ipd-preferences-window.h"
#include "ipd-settings.h"
#include "ipd-window-private.h"

G_DEFINE_FINAL_TYPE (IpdWindow, ipd_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_AGENDA_SHOWN, PROP_STATISTICS_SHOWN, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SIGNAL_REGISTER_SHOWN, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
update_count (IpdWindow *self, guint listed, gint64 total)
{
  g_autofree char *text = NULL;

  if ((gint64) listed == total)
    /* Translators: the number of dossiers listed */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dossier", "%u dossiers", listed), listed);
  else
    /* Translators: dossiers listed, then in the register */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %lld dossier", "%u of %lld dossiers", total),
                            listed, (long long) total);
  gtk_label_set_label (self->count_label, text);
}

/* Lists what the search, the filters and the sort ask for, keeping the
 * selected dossier selected when it is still listed. */
static void
reload_list (IpdWindow *self)
{
  IpdQuery query = { NULL };
  g_autoptr(GError) error = NULL;
  gint64 selected = ipd_dossier_table_get_selected_id (self->table);
  gint64 total = self->total;
  guint listed;

  /* while another register opens, its spinner stays: what is typed
   * meanwhile is listed from it, once it is shown */
  if (self->store == NULL || self->opening != NULL)
    return;
  query.text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  ipd_filter_sidebar_apply (self->sidebar, &query);
  ipd_dossier_table_get_sort (self->table, &query.sort, &query.descending);

  if (!ipd_dossier_list_set_query (self->list, &query, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  g_free (self->listed_text);
  self->listed_text = g_strdup (query.text);
  ipd_dossier_table_select_id (self->table, selected);

  listed = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  update_count (self, listed, total);
  if (listed > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (total == 0 && !query.trash)
    gtk_stack_set_visible_child_name (self->list_stack, "empty-register");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
}

static void
count_register (IpdWindow *self)
{
  IpdQuery everything = { NULL };

  self->total = MAX (0, ipd_store_count_dossiers (self->store, &everything, NULL));
}

static void
reload_counts_and_list (IpdWindow *self)
{
  count_register (self);
  ipd_filter_sidebar_refresh (self->sidebar);
  reload_list (self);
}

/* After the register changed: counts, list and agenda. */
void
ipd_window_reload (IpdWindow *self)
{
  reload_counts_and_list (self);
  if (self->agenda_shown)
    ipd_agenda_view_refresh (self->agenda);
  if (self->statistics_shown)
    ipd_statistics_view_refresh (self->statistics);
}

/* The agenda or the statistics (at most one) in place of the list. */
static void
show_content (IpdWindow *self)
{
  gboolean other = self->agenda_shown || self->statistics_shown;

  gtk_stack_set_visible_child_name (self->content_stack, self->agenda_shown ? "agenda"
                                    : self->statistics_shown ? "statistics" : "dossiers");
  /* the statistics take the dossier's room too */
  gtk_widget_set_visible (self->dossier_pane, !self->statistics_shown);
  if (other && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void set_statistics_shown (IpdWindow *self, gboolean shown);

/* The agenda in place of the list, or the list again. */
static void
set_agenda_shown (IpdWindow *self, gboolean shown)
{
  if (self->agenda_shown == !!shown)
    return;
  if (shown)
    set_statistics_shown (self, FALSE);
  self->agenda_shown = !!shown;
  if (shown)
    ipd_agenda_view_refresh (self->agenda);
  show_content (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGENDA_SHOWN]);
}

/* The statistics in place of the list, or the list again. */
static void
set_statistics_shown (IpdWindow *self, gboolean shown)
{
  if (self->statistics_shown == !!shown)
    return;
  if (shown)
    set_agenda_shown (self, FALSE);
  self->statistics_shown = !!shown;
  if (shown)
    ipd_statistics_view_refresh (self->statistics);
  show_content (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATISTICS_SHOWN]);
}

static void
reshow_dossier (IpdWindow *self)
{
  gint64 shown = ipd_dossier_view_get_id (self->dossier_view);

  if (shown != 0 && !ipd_window_is_editing (self))
    ipd_window_open_dossier (self, shown);
}

/* The holidays changed, and with them the deadlines: everything again. */
static void
on_holidays_changed (IpdWindow *self)
{
  ipd_window_reload (self);
  reshow_dossier (self);
}

/* A task marked done (or undone) from the agenda, which shows itself again. */
static void
on_agenda_changed (IpdWindow *self)
{
  reload_counts_and_list (self);
  reshow_dossier (self);
}

/* Shows the dossier @id (0: none) read-only beside the list. */
void
ipd_window_open_dossier (IpdWindow *self, gint64 id)
{
  g_autoptr(GError) error = NULL;

  gtk_stack_set_visible_child_name (self->dossier_stack, "view");
  if (id == 0)
    ipd_dossier_view_clear (self->dossier_view);
  else if (!ipd_dossier_view_show (self->dossier_view, self->store, id, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  ipd_window_update_dossier_actions (self);
}

/* The entry reports a change after a short delay, also for text that
 * ipd_window_search() has listed already. */
static void
on_search_changed (IpdWindow *self)
{
  /* typing searches the dossiers, wherever it is typed */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    {
      set_agenda_shown (self, FALSE);
      set_statistics_shown (self, FALSE);
    }
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), self->listed_text) == 0)
    return;
  reload_list (self);
}

static void
on_stop_search (IpdWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Opens the dossier, and shows its pane when the window is folded. */
static void
on_dossier_activated (IpdWindow *self, gint64 id)
{
  ipd_window_open_dossier (self, id);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->dossier_pane);
}

/* A row of the agenda: its dossier, unless another one is being edited. */
static void
on_agenda_dossier_activated (IpdWindow *self, gint64 id)
{
  if (ipd_window_is_editing (self))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Save or cancel the dossier being edited first.")));
      return;
    }
  on_dossier_activated (self, id);
}

/* Enter in the search opens the first match. */
static void
on_search_activate (IpdWindow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    return;
  ipd_dossier_table_select_id (self->table, ipd_dossier_list_get_id (self->list, 0));
  on_dossier_activated (self, ipd_dossier_list_get_id (self->list, 0));
}

static void
on_sort_changed (IpdWindow *self)
{
  reload_list (self);
}

static void
on_dossier_selected (IpdWindow *self, gint64 id)
{
  /* While a dossier is being edited the form stays; Save or Cancel ends it. */
  if (ipd_window_is_editing (self))
    return;
  if (!adw_leaflet_get_folded (self->leaflet) && id != 0)
    ipd_window_open_dossier (self, id);
}

static void
on_editor_changed (IpdWindow *self)
{
  ipd_window_update_dossier_actions (self);
}

static void
on_filters_changed (IpdWindow *self)
{
  if (self->settings != NULL && self->store != NULL)
    ipd_settings_save_filters (self->settings, ipd_store_get_path (self->store),
                               ipd_filter_sidebar_get_state (self->sidebar));
  set_agenda_shown (self, FALSE);
  set_statistics_shown (self, FALSE);
  reload_list (self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

/* Actions ------------------------------------------------------------------------ */

static void
search_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdWindow *self = IPD_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
load_demo_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdWindow *self = IPD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  int n;

  if (self->store == NULL)
    return;
  n = ipd_demo_load (self->store, &error);
  if (n < 0)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  ipd_window_reload (self);
}

static void
show_trash_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ipd_filter_sidebar_show_trash (IPD_WINDOW (widget)->sidebar, TRUE);
}

/* A wide window shows or hides the filters beside the list (kept in
 * "show-sidebar"); a folded one goes to the filters' page and back. */
static void
show_filters_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdWindow *self = IPD_WINDOW (widget);
  gboolean shown = gtk_widget_get_visible (self->sidebar_pane);

  if (!adw_leaflet_get_folded (self->leaflet))
    gtk_widget_set_visible (self->sidebar_pane, !shown);
  else if (shown && adw_leaflet_get_visible_child (self->leaflet) == self->sidebar_pane)
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  else
    {
      gtk_widget_set_visible (self->sidebar_pane, TRUE);
      adw_leaflet_set_visible_child (self->leaflet, self->sidebar_pane);
    }
}

static void
show_list_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdWindow *self = IPD_WINDOW (widget);
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
preferences_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdWindow *self = IPD_WINDOW (widget);
  IpdPreferencesWindow *preferences = ipd_preferences_window_new (GTK_WINDOW (self), self->store);

  /* a holiday moves deadlines */
  g_signal_connect_object (preferences, "holidays-changed", G_CALLBACK (on_holidays_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (preferences));
}

/* The officer's window hides while the front desk shows: a visitor must
 * not reach it with Alt+Tab. It comes back when an officer leaves. */
static void
on_front_desk_destroyed (IpdWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_window_present (GTK_WINDOW (self));
}

static void
on_no_pin_response (IpdWindow *self, const char *response)
{
  if (g_strcmp0 (response, "preferences") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.preferences", NULL);
}

static void
ask_for_pin_first (IpdWindow *self)
{
  AdwMessageDialog *dialog =
    ipd_gui_question_new (GTK_WINDOW (self), _("Set an Officer PIN First"),
                          _("Only an officer's PIN closes the front desk. Set one in Preferences, on the Register page."),
                          "preferences", _("Open _Preferences"));

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_no_pin_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
front_desk_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdWindow *self = IPD_WINDOW (widget);
  g_autoptr(IpdStore) read_only = NULL;
  g_autoptr(GError) error = NULL;
  IpdFrontDeskWindow *front_desk;

  if (self->store == NULL)
    return;
  if (!ipd_store_has_front_desk_pin (self->store))
    {
      ask_for_pin_first (self);
      return;
    }
  read_only = ipd_store_open (ipd_store_get_path (self->store), IPD_STORE_READ_ONLY, &error);
  if (read_only == NULL)
    {
      ipd_window_show_error (self, _("The front desk cannot open the register"), error);
      return;
    }
  front_desk = ipd_front_desk_window_new (gtk_window_get_application (GTK_WINDOW (self)), read_only);
  g_signal_connect_object (front_desk, "destroy", G_CALLBACK (on_front_desk_destroyed), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_window_present (GTK_WINDOW (front_desk));
}

/* The registers and statistics, starting from the filters shown. */
static void
export_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdWindow *self = IPD_WINDOW (widget);
  IpdQuery filters = { NULL };
  IpdExportDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = ipd_export_dialog_new (GTK_WINDOW (self), self->store, self->toasts);
  ipd_filter_sidebar_apply (self->sidebar, &filters);
  ipd_export_dialog_set_filters (dialog, &filters);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Window state ------------------------------------------------------------------------ */

static gboolean
ipd_window_close_request (GtkWindow *window)
{
  IpdWindow *self = IPD_WINDOW (window);
  int width, height;

  if (ipd_window_keep_open_for_changes (self))
    return TRUE;
  if (self->settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_set_value (self->settings, "column-widths", ipd_dossier_table_get_widths (self->table));
    }
  return GTK_WINDOW_CLASS (ipd_window_parent_class)->close_request (window);
}

static void
restore_window_state (IpdWindow *self)
{
  if (self->settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  {
    g_autoptr(GVariant) widths = g_settings_get_value (self->settings, "column-widths");
    ipd_dossier_table_set_widths (self->table, widths);
  }
  g_settings_bind (self->settings, "show-sidebar", self->sidebar_pane, "visible", G_SETTINGS_BIND_DEFAULT);
}

/* Setup ------------------------------------------------------------------------------ */

static void
ipd_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  IpdWindow *self = IPD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_AGENDA_SHOWN:
      g_value_set_boolean (value, self->agenda_shown);
      break;
    case PROP_STATISTICS_SHOWN:
      g_value_set_boolean (value, self->statistics_shown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipd_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  IpdWindow *self = IPD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_AGENDA_SHOWN:
      set_agenda_shown (self, g_value_get_boolean (value));
      break;
    case PROP_STATISTICS_SHOWN:
      set_statistics_shown (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipd_window_dispose (GObject *object)
{
  IpdWindow *self = IPD_WINDOW (object);

  g_cancellable_cancel (self->opening);
  g_clear_object (&self->opening);
  g_clear_object (&self->list);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->listed_text, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPD_TYPE_WINDOW);
  G_OBJECT_CLASS (ipd_window_parent_class)->dispose (object);
}

static void
ipd_window_class_init (IpdWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_window_dispose;
  G_OBJECT_CLASS (klass)->get_property = ipd_window_get_property;
  G_OBJECT_CLASS (klass)->set_property = ipd_window_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = ipd_window_close_request;

  /* A register is shown: at start, once it is open (the application then
   * counts its deadlines for the day's reminder), or another one. */
  signals[SIGNAL_REGISTER_SHOWN] = g_signal_new ("register-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* The agenda is shown in place of the list of dossiers. */
  properties[PROP_AGENDA_SHOWN] = g_param_spec_boolean ("agenda-shown", NULL, NULL, FALSE,
                                                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The statistics are shown in place of the list (never with the agenda). */
  properties[PROP_STATISTICS_SHOWN] = g_param_spec_boolean ("statistics-shown", NULL, NULL, FALSE,
                                                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);

  g_type_ensure (IPD_TYPE_FILTER_SIDEBAR);
  g_type_ensure (IPD_TYPE_DOSSIER_TABLE);
  g_type_ensure (IPD_TYPE_DOSSIER_VIEW);
  g_type_ensure (IPD_TYPE_DOSSIER_EDITOR);
  g_type_ensure (IPD_TYPE_AGENDA_VIEW);
  g_type_ensure (IPD_TYPE_STATISTICS_VIEW);

  ipd_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipdossiers/IpDossiers/ipd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, list_pane);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, agenda);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, statistics);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, dossier_pane);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, table);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, opening_page);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, opening_spinner);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, dossier_view);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, dossier_stack);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, dossier_menu_button);
  gtk_widget_class_bind_template_child (widget_class, IpdWindow, dossier_title);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_dossier_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_agenda_dossier_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_changed);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_activated);
  gtk_widget_class_install_action (widget_class, "win.show-trash", NULL, show_trash_activated);
  gtk_widget_class_install_action (widget_class, "win.show-filters", NULL, show_filters_activated);
  gtk_widget_class_install_action (widget_class, "win.show-list", NULL, show_list_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-filters", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.show-agenda", "agenda-shown");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.show-agenda", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.show-statistics", "statistics-shown");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.show-statistics", NULL);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "win.show-trash", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.front-desk", NULL, front_desk_activated);
  /* Ctrl+E edits the dossier */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export", NULL);
  ipd_window_register_install_actions (widget_class);
  ipd_window_editing_install_actions (widget_class);
}

static void
ipd_window_init (IpdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = ipd_settings_new ();
  restore_window_state (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  g_signal_connect_object (self->sidebar, "changed", G_CALLBACK (on_filters_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->table, "selected", G_CALLBACK (on_dossier_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dossier_view, "changed", G_CALLBACK (ipd_window_reload), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agenda, "changed", G_CALLBACK (on_agenda_changed), self, G_CONNECT_SWAPPED);
  ipd_window_update_recent_menu (self);
  ipd_window_update_dossier_actions (self);
}

void
ipd_window_show_open_error (IpdWindow *self, const GError *open_error)
{
  gtk_spinner_stop (self->opening_spinner);
  adw_status_page_set_description (self->error_page, open_error ? open_error->message : NULL);
  gtk_stack_set_visible_child_name (self->list_stack, "error");
  gtk_label_set_label (self->count_label, "");
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
    ipd_window_set_store (self, store);
  else
    ipd_window_show_open_error (self, open_error);
  return self;
}

/* Shows another register in the window. */
void
ipd_window_set_store (IpdWindow *self, IpdStore *store)
{
  g_return_if_fail (IPD_IS_WINDOW (self));
  g_return_if_fail (IPD_IS_STORE (store));

  gtk_spinner_stop (self->opening_spinner);
  g_set_object (&self->store, store);
  g_clear_object (&self->list);
  self->list = ipd_dossier_list_new (store);
  ipd_dossier_table_set_model (self->table, self->list);
  ipd_window_open_dossier (self, 0);
  ipd_filter_sidebar_set_store (self->sidebar, store);
  ipd_agenda_view_set_store (self->agenda, store);
  if (self->agenda_shown)
    ipd_agenda_view_refresh (self->agenda);
  ipd_statistics_view_set_store (self->statistics, store);
  if (self->statistics_shown)
    ipd_statistics_view_refresh (self->statistics);
  {
    /* the filters chosen when this register was last open */
    g_autoptr(GVariant) filters = self->settings ? ipd_settings_dup_filters (self->settings, ipd_store_get_path (store)) : NULL;
    if (filters != NULL)
      ipd_filter_sidebar_set_state (self->sidebar, filters);
  }
  ipd_window_remember_register (self, ipd_store_get_path (store));
  count_register (self);
  reload_list (self);
  g_signal_emit (self, signals[SIGNAL_REGISTER_SHOWN], 0);
}

IpdStore *
ipd_window_get_store (IpdWindow *self)
{
  g_return_val_if_fail (IPD_IS_WINDOW (self), NULL);
  return self->store;
}

/* Types @text into the search, as the officer would (for tests and --search). */
void
ipd_window_search (IpdWindow *self, const char *text)
{
  g_return_if_fail (IPD_IS_WINDOW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  reload_list (self);
}

guint
ipd_window_get_n_listed (IpdWindow *self)
{
  g_return_val_if_fail (IPD_IS_WINDOW (self), 0);
  return self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
}
