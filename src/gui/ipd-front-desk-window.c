/* ipd-front-desk-window.c — the reception's screen
 *
 * A full-screen window on a read-only connection to the register. A
 * visitor types or scans the code of their receipt (a USB scanner types
 * the code and Enter), or an application number or name for a published
 * application, and sees what ipd_store_front_desk_lookup () gives: public
 * copies of the dossier's fields, never the dossier.
 *
 * The screen goes back to the start after a minute without input, allows
 * ten lookups a minute, and only an officer's PIN closes it: the window
 * refuses to close otherwise and "Quit" is disabled while it is open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-front-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-date.h"
#include "ipd-front-desk-window.h"
#include "ipd-gui.h"
#include "ipd-pin.h"
#include "ipd-rate-limiter.h"
#include "ipd-text.h"
#include "ipd-vocabulary.h"

struct _IpdFrontDeskWindow
{
  AdwApplicationWindow parent_instance;

  IpdStore       *store;
  IpdRateLimiter *lookups;
  IpdRateLimiter *pin_attempts;
  GPtrArray      *results;          /* IpdPublicDossier: the last list shown */
  guint           idle_seconds;
  gint64          last_input;       /* monotonic µs */
  guint           idle_timer;
  gboolean        unlocked;         /* the officer's PIN was given */
  GCancellable   *checking_pin;     /* a PIN being checked, else NULL */
  GSimpleAction  *quit;             /* the application's, disabled meanwhile */

  AdwWindowTitle *window_title;
  GtkStack       *pages;
  GtkEntry       *lookup_entry;
  GtkLabel       *message_label;
  GtkListBox     *results_list;
  GtkLabel       *kind_label;
  GtkLabel       *name_label;
  GtkLabel       *applicant_label;
  GtkLabel       *status_label;
  GtkListBox     *milestone_list;
  GtkLabel       *note_heading;
  GtkLabel       *note_label;
};

G_DEFINE_FINAL_TYPE (IpdFrontDeskWindow, ipd_front_desk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_IDLE_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Large type for a screen read standing, from a step back. */
static const char front_desk_css[] =
  ".front-desk-lead { font-size: 1.3em; }"
  ".front-desk entry { font-size: 1.6em; min-height: 56px; }"
  ".front-desk .boxed-list row { font-size: 1.25em; }"
  ".front-desk button.pill { font-size: 1.2em; }";

static void
ensure_css (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (provider, front_desk_css, -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&loaded, 1);
    }
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Whatever the page, the keyboard stays in the entry above it: a scanner
 * types the next visitor's code there, and Enter looks it up. */
static void
show_page (IpdFrontDeskWindow *self, const char *page)
{
  gtk_stack_set_visible_child_name (self->pages, page);
  gtk_widget_grab_focus (GTK_WIDGET (self->lookup_entry));
}

static void
show_message (IpdFrontDeskWindow *self, const char *message)
{
  gtk_label_set_text (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  show_page (self, "start");
}

/* Back to the start screen with nothing of the last visitor left on it. */
static void
restart (IpdFrontDeskWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->lookup_entry), "");
  show_message (self, NULL);
  clear_list (self->results_list);
  clear_list (self->milestone_list);
  g_ptr_array_set_size (self->results, 0);
  gtk_label_set_text (self->name_label, "");
  gtk_label_set_text (self->applicant_label, "");
  gtk_label_set_text (self->status_label, "");
  gtk_label_set_text (self->note_label, "");
}

static gboolean
is_pristine (IpdFrontDeskWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "start") == 0
      && *gtk_editable_get_text (GTK_EDITABLE (self->lookup_entry)) == '\0'
      && !gtk_widget_get_visible (GTK_WIDGET (self->message_label));
}

static gboolean
on_idle_check (gpointer user_data)
{
  IpdFrontDeskWindow *self = user_data;
  gint64 idle = g_get_monotonic_time () - self->last_input;

  if (idle >= (gint64) self->idle_seconds * G_USEC_PER_SEC && !is_pristine (self))
    restart (self);
  return G_SOURCE_CONTINUE;
}

static void
note_input (IpdFrontDeskWindow *self)
{
  self->last_input = g_get_monotonic_time ();
}

static GtkWidget *
milestone_row (const IpdPublicMilestone *milestone)
{
  g_autofree char *date = ipd_date_format (milestone->date);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *date_label = gtk_label_new (date);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ipd_vocabulary_label (IPD_VOCAB_EVENT_TYPE, milestone->event_type));
  gtk_widget_add_css_class (date_label, "numeric");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), date_label);
  return row;
}

static void
show_dossier (IpdFrontDeskWindow *self, const IpdPublicDossier *dossier)
{
  g_autofree char *sentence = ipd_public_dossier_status_sentence (dossier);
  g_autofree char *applicant = NULL;
  gboolean has_note = dossier->public_note != NULL && *dossier->public_note != '\0';

  gtk_label_set_text (self->kind_label, ipd_vocabulary_label (IPD_VOCAB_KIND, dossier->kind));
  gtk_label_set_text (self->name_label, dossier->name);
  if (dossier->applicant != NULL)
    /* Translators: the applicant's name on the front desk */
    applicant = g_strdup_printf (_("Applicant: %s"), dossier->applicant);
  gtk_label_set_text (self->applicant_label, applicant);
  gtk_widget_set_visible (GTK_WIDGET (self->applicant_label), applicant != NULL);
  gtk_label_set_text (self->status_label, sentence);

  clear_list (self->milestone_list);
  for (guint i = 0; i < dossier->milestones->len; i++)
    gtk_list_box_append (self->milestone_list, milestone_row (g_ptr_array_index (dossier->milestones, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->milestone_list), dossier->milestones->len > 0);

  gtk_label_set_text (self->note_label, has_note ? dossier->public_note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_heading), has_note);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), has_note);
  show_page (self, "dossier");
}

static GtkWidget *
result_row (const IpdPublicDossier *dossier)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  const char *kind = ipd_vocabulary_label (IPD_VOCAB_KIND, dossier->kind);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dossier->name);
  /* Translators: a dossier's kind, then its application number */
  subtitle = dossier->app_number != NULL ? g_strdup_printf (_("%s · %s"), kind, dossier->app_number)
                                         : g_strdup (kind);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
show_results (IpdFrontDeskWindow *self, GPtrArray *found)
{
  clear_list (self->results_list);
  g_ptr_array_set_size (self->results, 0);
  for (guint i = 0; i < found->len; i++)
    {
      g_ptr_array_add (self->results, ipd_public_dossier_ref (g_ptr_array_index (found, i)));
      gtk_list_box_append (self->results_list, result_row (g_ptr_array_index (found, i)));
    }
  show_page (self, "results");
}

static void
on_result_activated (IpdFrontDeskWindow *self, GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->results->len)
    show_dossier (self, g_ptr_array_index (self->results, index));
}

static void
refuse_for_now (IpdFrontDeskWindow *self, gint64 wait_usec)
{
  int seconds = (int) ((wait_usec + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  g_autofree char *message =
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                  "Many searches were made in the last minute. Please wait %d second and try again.",
                                  "Many searches were made in the last minute. Please wait %d seconds and try again.",
                                  seconds),
                     seconds);

  show_message (self, message);
}

/**
 * ipd_front_desk_window_look_up:
 * @text: a receipt's code, an application number or a name
 *
 * What the "Look Up" button and Enter do.
 */
void
ipd_front_desk_window_look_up (IpdFrontDeskWindow *self, const char *text)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 wait_usec = 0;

  g_return_if_fail (IPD_IS_FRONT_DESK_WINDOW (self));
  note_input (self);
  if (text == NULL || ipd_text_is_blank (text))
    return;
  if (!ipd_rate_limiter_try (self->lookups, g_get_monotonic_time (), &wait_usec))
    {
      refuse_for_now (self, wait_usec);
      return;
    }
  found = ipd_store_front_desk_lookup (self->store, text, &error);
  if (found == NULL)
    {
      /* the details are for the officer, not the visitor */
      g_warning ("Front desk lookup failed: %s", error->message);
      show_message (self, _("The register cannot be read at the moment. Please ask an officer."));
      return;
    }
  if (found->len == 0)
    show_message (self, _("No dossier was found. Check the code on your receipt: an application "
                          "not yet published can only be found by that code."));
  else if (found->len == 1)
    show_dossier (self, g_ptr_array_index (found, 0));
  else
    show_results (self, found);
}

static void
on_lookup (IpdFrontDeskWindow *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->lookup_entry)));

  ipd_front_desk_window_look_up (self, text);
  /* the code stays on screen only as long as its dossier does */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "start") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->lookup_entry), "");
}

static void
restart_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  restart (IPD_FRONT_DESK_WINDOW (widget));
}

/* Leaving ----------------------------------------------------------------------------- */

static void ask_pin (IpdFrontDeskWindow *self, const char *problem);

static void
on_pin_checked (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean right = ipd_pin_verify_finish (result, &error);
  IpdFrontDeskWindow *self;

  /* cancelled: the window is gone */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = IPD_FRONT_DESK_WINDOW (user_data);
  g_clear_object (&self->checking_pin);
  if (!right)
    {
      ask_pin (self, _("That PIN is not right."));
      return;
    }
  self->unlocked = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_pin_response (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  IpdFrontDeskWindow *self = IPD_FRONT_DESK_WINDOW (user_data);
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *pin = g_strdup (gtk_editable_get_text (entry));
  gint64 wait_usec = 0;

  gtk_editable_set_text (entry, "");
  if (g_strcmp0 (response, "leave") != 0)
    return;
  if (!ipd_rate_limiter_try (self->pin_attempts, g_get_monotonic_time (), &wait_usec))
    {
      int minutes = (int) (wait_usec / (60 * G_USEC_PER_SEC)) + 1;
      g_autofree char *problem =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Too many wrong PINs. Try again in %d minute.",
                                      "Too many wrong PINs. Try again in %d minutes.", minutes),
                         minutes);
      ask_pin (self, problem);
      return;
    }
  /* the hash takes a tenth of a second: not on this thread */
  self->checking_pin = g_cancellable_new ();
  ipd_store_check_front_desk_pin_async (self->store, pin, self->checking_pin, on_pin_checked, self);
}

static void
ask_pin (IpdFrontDeskWindow *self, const char *problem)
{
  GtkWidget *entry = ipd_pin_entry_new ();
  AdwMessageDialog *dialog =
    ipd_gui_question_new (GTK_WINDOW (self), _("Leave the Front Desk?"),
                          problem != NULL ? problem : _("Officers only: enter the PIN set in Preferences."),
                          "leave", _("_Leave"));

  gtk_widget_set_name (GTK_WIDGET (dialog), "front-desk-pin-dialog");
  gtk_widget_set_name (entry, "front-desk-pin");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("PIN"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_pin_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
leave_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdFrontDeskWindow *self = IPD_FRONT_DESK_WINDOW (widget);

  if (self->checking_pin == NULL)
    ask_pin (self, NULL);
}

static gboolean
ipd_front_desk_window_close_request (GtkWindow *window)
{
  IpdFrontDeskWindow *self = IPD_FRONT_DESK_WINDOW (window);

  if (self->unlocked)
    return GTK_WINDOW_CLASS (ipd_front_desk_window_parent_class)->close_request (window);
  if (self->checking_pin == NULL)
    ask_pin (self, NULL);
  return TRUE;
}

/* While a visitor has the keyboard, Ctrl+Q must not end the application:
 * "quit" is disabled while the front desk is shown. */
static void
on_application_changed (IpdFrontDeskWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GAction *quit = application != NULL ? g_action_map_lookup_action (G_ACTION_MAP (application), "quit") : NULL;

  if (self->quit != NULL)
    g_simple_action_set_enabled (self->quit, TRUE);
  g_clear_object (&self->quit);
  if (!G_IS_SIMPLE_ACTION (quit))
    return;
  self->quit = g_object_ref (G_SIMPLE_ACTION (quit));
  g_simple_action_set_enabled (self->quit, FALSE);
}

/* Object ------------------------------------------------------------------------------ */

static void
ipd_front_desk_window_constructed (GObject *object)
{
  IpdFrontDeskWindow *self = IPD_FRONT_DESK_WINDOW (object);
  g_autofree char *agency = NULL;

  G_OBJECT_CLASS (ipd_front_desk_window_parent_class)->constructed (object);
  g_return_if_fail (self->store != NULL && ipd_store_is_read_only (self->store));
  agency = ipd_store_dup_setting (self->store, IPD_SETTING_AGENCY_NAME);
  adw_window_title_set_subtitle (self->window_title, agency);
  on_application_changed (self);
  self->idle_timer = g_timeout_add_seconds (1, on_idle_check, self);
  gtk_window_fullscreen (GTK_WINDOW (self));
}

static void
ipd_front_desk_window_dispose (GObject *object)
{
  IpdFrontDeskWindow *self = IPD_FRONT_DESK_WINDOW (object);

  g_clear_handle_id (&self->idle_timer, g_source_remove);
  g_cancellable_cancel (self->checking_pin);
  g_clear_object (&self->checking_pin);
  if (self->quit != NULL)
    g_simple_action_set_enabled (self->quit, TRUE);
  g_clear_object (&self->quit);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPD_TYPE_FRONT_DESK_WINDOW);
  G_OBJECT_CLASS (ipd_front_desk_window_parent_class)->dispose (object);
}

static void
ipd_front_desk_window_finalize (GObject *object)
{
  IpdFrontDeskWindow *self = IPD_FRONT_DESK_WINDOW (object);

  g_clear_pointer (&self->lookups, ipd_rate_limiter_free);
  g_clear_pointer (&self->pin_attempts, ipd_rate_limiter_free);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  G_OBJECT_CLASS (ipd_front_desk_window_parent_class)->finalize (object);
}

static void
ipd_front_desk_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  IpdFrontDeskWindow *self = IPD_FRONT_DESK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_IDLE_SECONDS:
      g_value_set_uint (value, self->idle_seconds);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipd_front_desk_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  IpdFrontDeskWindow *self = IPD_FRONT_DESK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_IDLE_SECONDS:
      self->idle_seconds = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ipd_front_desk_window_class_init (IpdFrontDeskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ipd_front_desk_window_constructed;
  object_class->dispose = ipd_front_desk_window_dispose;
  object_class->finalize = ipd_front_desk_window_finalize;
  object_class->get_property = ipd_front_desk_window_get_property;
  object_class->set_property = ipd_front_desk_window_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = ipd_front_desk_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IPD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IDLE_SECONDS] =
    g_param_spec_uint ("idle-seconds", NULL, NULL, 1, 3600, IPD_FRONT_DESK_IDLE_SECONDS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  ipd_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipdossiers/IpDossiers/ipd-front-desk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdFrontDeskWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, IpdFrontDeskWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, IpdFrontDeskWindow, lookup_entry);
  gtk_widget_class_bind_template_child (widget_class, IpdFrontDeskWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, IpdFrontDeskWindow, results_list);
  gtk_widget_class_bind_template_child (widget_class, IpdFrontDeskWindow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, IpdFrontDeskWindow, name_label);
  gtk_widget_class_bind_template_child (widget_class, IpdFrontDeskWindow, applicant_label);
  gtk_widget_class_bind_template_child (widget_class, IpdFrontDeskWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, IpdFrontDeskWindow, milestone_list);
  gtk_widget_class_bind_template_child (widget_class, IpdFrontDeskWindow, note_heading);
  gtk_widget_class_bind_template_child (widget_class, IpdFrontDeskWindow, note_label);
  gtk_widget_class_bind_template_callback (widget_class, on_lookup);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated);
  gtk_widget_class_install_action (widget_class, "front-desk.restart", NULL, restart_activated);
  gtk_widget_class_install_action (widget_class, "front-desk.leave", NULL, leave_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "front-desk.restart", NULL);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, gpointer user_data)
{
  note_input (user_data);
  return GDK_EVENT_PROPAGATE;
}

static void
on_pointer_input (gpointer user_data)
{
  note_input (user_data);
}

/* Any key, click or movement counts as someone being there. */
static void
watch_input (IpdFrontDeskWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *clicks = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (clicks), GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  g_signal_connect_swapped (clicks, "pressed", G_CALLBACK (on_pointer_input), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (on_pointer_input), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (clicks));
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

static void
ipd_front_desk_window_init (IpdFrontDeskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_css ();
  gtk_widget_add_css_class (GTK_WIDGET (self), "front-desk");
  self->lookups = ipd_rate_limiter_new (IPD_FRONT_DESK_LOOKUPS_PER_MINUTE, 60 * G_USEC_PER_SEC);
  self->pin_attempts = ipd_rate_limiter_new (IPD_FRONT_DESK_PIN_ATTEMPTS, 5 * 60 * G_USEC_PER_SEC);
  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_public_dossier_unref);
  self->last_input = g_get_monotonic_time ();
  watch_input (self);
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed), NULL);
}

/**
 * ipd_front_desk_window_new:
 * @store: a register opened with %IPD_STORE_READ_ONLY
 */
IpdFrontDeskWindow *
ipd_front_desk_window_new (GtkApplication *application, IpdStore *store)
{
  g_return_val_if_fail (IPD_IS_STORE (store) && ipd_store_is_read_only (store), NULL);
  return g_object_new (IPD_TYPE_FRONT_DESK_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}
