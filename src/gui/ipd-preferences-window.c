/* ipd-preferences-window.c — the officer's and the register's settings
 *
 * Four pages: "General" is this officer's own (GSettings: the name put on
 * new dossiers, the language, whether the last register reopens, deadline
 * reminders);
 * "Register", "Application Numbers" and "Holidays" are kept in the register
 * itself and so are shared by every officer who opens it. Register rows are
 * saved when applied, and a register open read-only shows them without
 * letting them change.
 *
 * A change of the holidays makes the store work out every deadline again,
 * which takes seconds on a large register: it is done on a worker thread,
 * through a connection of its own, while a spinner turns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-preferences"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ipd-admin-units-group.h"
#include "ipd-front-desk-pin-group.h"
#include "ipd-calendar.h"
#include "ipd-date.h"
#include "ipd-gui.h"
#include "ipd-number-format-group.h"
#include "ipd-preferences-window.h"
#include "ipd-settings.h"

struct _IpdPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  IpdStore            *store;      /* NULL when no register could be opened */
  GSettings           *settings;   /* NULL when the schema is not installed */

  AdwPreferencesGroup *officer_group;
  AdwEntryRow         *officer_row;
  AdwComboRow         *language_row;
  AdwPreferencesGroup *startup_group;
  GtkSwitch           *reopen_switch;
  AdwPreferencesGroup *reminders_group;
  GtkSwitch           *reminders_switch;
  AdwPreferencesPage  *register_page;
  GtkWidget           *register_notice_group;
  GtkLabel            *register_notice;
  GtkWidget           *agency_group;
  GtkWidget           *new_dossiers_group;
  AdwEntryRow         *parent_agency_row;
  AdwEntryRow         *agency_row;
  AdwEntryRow         *place_row;
  AdwEntryRow         *province_row;
  IpdAdminUnitsGroup  *units_group;
  IpdFrontDeskPinGroup *pin_group;
  AdwPreferencesPage  *numbers_page;
  GtkWidget           *numbers_notice_group;
  GtkLabel            *numbers_notice;
  AdwPreferencesPage  *holidays_page;
  GtkWidget           *holidays_notice_group;
  GtkLabel            *holidays_notice;
  AdwComboRow         *year_row;
  AdwPreferencesGroup *holidays_group;
  GtkSpinner          *holidays_spinner;
  GtkWidget           *add_holiday_group;
  AdwEntryRow         *holiday_date_row;
  AdwEntryRow         *holiday_name_row;
  GtkSwitch           *holiday_working_switch;
  GPtrArray           *holiday_rows;   /* GtkWidget: the rows of the year shown */
  GCancellable        *editing;        /* a change of the holidays under way */
};

enum { SIGNAL_HOLIDAYS_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The years the holiday table covers. */
#define FIRST_YEAR 2020
#define LAST_YEAR  2035

G_DEFINE_FINAL_TYPE (IpdPreferencesWindow, ipd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Which register setting each row of the Register page edits. */
static const struct {
  const char *key;
  gsize       row_offset;
} register_rows[] = {
  { IPD_SETTING_AGENCY_PARENT,   G_STRUCT_OFFSET (IpdPreferencesWindow, parent_agency_row) },
  { IPD_SETTING_AGENCY_NAME,     G_STRUCT_OFFSET (IpdPreferencesWindow, agency_row) },
  { IPD_SETTING_AGENCY_PLACE,    G_STRUCT_OFFSET (IpdPreferencesWindow, place_row) },
  { IPD_SETTING_AGENCY_PROVINCE, G_STRUCT_OFFSET (IpdPreferencesWindow, province_row) },
};

static AdwEntryRow *
register_row (IpdPreferencesWindow *self, guint i)
{
  return G_STRUCT_MEMBER (AdwEntryRow *, self, register_rows[i].row_offset);
}

/* General ---------------------------------------------------------------------- */

/* The choices of the "language" key, in the order of the language row. */
static const char * const languages[] = { "system", "vi", "en" };

static guint
language_position (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (languages[i], language) == 0)
      return i;
  return 0;
}

/* The messages are translated once, at start-up (ipd_gui_init_i18n()):
 * the choice is kept for the next start, and the officer told so. */
static void
on_language_selected (IpdPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);
  g_autofree char *before = g_settings_get_string (self->settings, "language");

  if (selected >= G_N_ELEMENTS (languages) || g_str_equal (before, languages[selected]))
    return;
  g_settings_set_string (self->settings, "language", languages[selected]);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("The language changes when IP Dossiers starts again")));
}

static void
setup_language (IpdPreferencesWindow *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "language");

  adw_combo_row_set_selected (self->language_row, language_position (language));
  g_signal_connect_object (self->language_row, "notify::selected", G_CALLBACK (on_language_selected), self,
                           G_CONNECT_SWAPPED);
}

static void
setup_general (IpdPreferencesWindow *self)
{
  const char *real_name = g_get_real_name ();
  g_autofree char *description = NULL;

  if (self->settings == NULL)
    {
      adw_preferences_group_set_description (self->officer_group,
                                             _("These settings cannot be kept: the application’s settings schema is not installed."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->officer_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->startup_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->reminders_group), FALSE);
      return;
    }
  g_settings_bind (self->settings, "officer-name", self->officer_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "reopen-last-register", self->reopen_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "deadline-reminders", self->reminders_switch, "active", G_SETTINGS_BIND_DEFAULT);
  setup_language (self);

  if (real_name != NULL && *real_name != '\0' && !g_str_equal (real_name, "Unknown"))
    /* Translators: %s is the real name of the user's account */
    description = g_strdup_printf (_("Filled in as the officer of new dossiers. Leave it empty to use your account’s name, “%s”."),
                                   real_name);
  else
    description = g_strdup (_("Filled in as the officer of new dossiers."));
  adw_preferences_group_set_description (self->officer_group, description);
}

/* Register --------------------------------------------------------------------- */

static void
on_register_row_apply (AdwEntryRow *row, IpdPreferencesWindow *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autofree char *value = g_utf8_normalize (g_strstrip (text), -1, G_NORMALIZE_NFC);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (register_rows); i++)
    {
      if (register_row (self, i) != row)
        continue;
      if (ipd_store_set_setting (self->store, register_rows[i].key, value, &error))
        {
          gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
          return;
        }
      /* the text stays in the row, to be applied again */
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  g_assert_not_reached ();
}

static void
show_notice (GtkWidget *group, GtkLabel *notice, const char *text)
{
  gtk_label_set_label (notice, text);
  gtk_widget_set_visible (group, TRUE);
}

static void
setup_register (IpdPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (register_rows); i++)
    {
      g_autofree char *value = ipd_store_dup_setting (self->store, register_rows[i].key);
      gtk_editable_set_text (GTK_EDITABLE (register_row (self, i)), value ? value : "");
    }
  ipd_admin_units_group_set_store (self->units_group, self->store);
  ipd_front_desk_pin_group_set_store (self->pin_group, self->store);
  if (!ipd_store_is_read_only (self->store))
    return;
  show_notice (self->register_notice_group, self->register_notice,
               _("The register is open read-only: these lines can be changed only where it is open for writing."));
  gtk_widget_set_sensitive (self->agency_group, FALSE);
  gtk_widget_set_sensitive (self->new_dossiers_group, FALSE);
}

/* Application numbers ---------------------------------------------------------- */

static void
setup_numbers (IpdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) formats = ipd_store_list_number_formats (self->store, &error);
  gboolean read_only = ipd_store_is_read_only (self->store);

  if (formats == NULL)
    {
      show_notice (self->numbers_notice_group, self->numbers_notice, error->message);
      return;
    }
  for (guint i = 0; i < formats->len; i++)
    {
      GtkWidget *group = ipd_number_format_group_new (self->store, g_ptr_array_index (formats, i));

      gtk_widget_set_sensitive (group, !read_only);
      adw_preferences_page_add (self->numbers_page, ADW_PREFERENCES_GROUP (group));
    }
  if (read_only)
    show_notice (self->numbers_notice_group, self->numbers_notice,
                 _("The register is open read-only: the number formats can be changed only where it is open for writing."));
}

/* Holidays --------------------------------------------------------------------- */

static int
chosen_year (IpdPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->year_row);

  return selected == GTK_INVALID_LIST_POSITION ? 0 : FIRST_YEAR + (int) selected;
}

static const char *weekdays[] = {
  NULL, N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday"),
};

/* "Thursday 30/04/2026", and "· working day instead" for a make-up day. */
static char *
holiday_subtitle (const IpdHoliday *holiday)
{
  g_autoptr(GDate) date = ipd_date_to_gdate (holiday->date);
  g_autofree char *shown = ipd_date_format (holiday->date);
  const char *weekday = date ? _(weekdays[g_date_get_weekday (date)]) : "";

  if (holiday->off)
    return g_strdup_printf ("%s %s", weekday, shown);
  return g_strdup_printf ("%s %s · %s", weekday, shown, _("working day instead"));
}

static void edit_holiday (IpdPreferencesWindow *self, const char *date, const char *name, gboolean off, gboolean remove);

static void
remove_holiday_clicked (GtkButton *button, IpdPreferencesWindow *self)
{
  edit_holiday (self, g_object_get_data (G_OBJECT (button), "date"), NULL, FALSE, TRUE);
}

static GtkWidget *
holiday_row (IpdPreferencesWindow *self, const IpdHoliday *holiday)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = holiday_subtitle (holiday);
  g_autofree char *name = g_strdup_printf ("remove-holiday-%s", holiday->date);
  GtkWidget *remove = ipd_gui_icon_button ("user-trash-symbolic", _("Remove"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_dgettext (GETTEXT_PACKAGE, holiday->name));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (remove, name);
  gtk_widget_set_sensitive (remove, !ipd_store_is_read_only (self->store));
  g_object_set_data_full (G_OBJECT (remove), "date", g_strdup (holiday->date), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_holiday_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

/* Lists the days of the year chosen. */
static void
show_holidays (IpdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) holidays = NULL;

  for (guint i = 0; i < self->holiday_rows->len; i++)
    adw_preferences_group_remove (self->holidays_group, g_ptr_array_index (self->holiday_rows, i));
  g_ptr_array_set_size (self->holiday_rows, 0);
  adw_preferences_group_set_description (self->holidays_group, NULL);

  holidays = ipd_store_list_holidays (self->store, chosen_year (self), &error);
  if (holidays == NULL)
    {
      adw_preferences_group_set_description (self->holidays_group, error->message);
      return;
    }
  if (holidays->len == 0)
    adw_preferences_group_set_description (self->holidays_group, _("No holiday this year: only weekends are days off."));
  for (guint i = 0; i < holidays->len; i++)
    {
      GtkWidget *row = holiday_row (self, g_ptr_array_index (holidays, i));

      g_ptr_array_add (self->holiday_rows, row);
      adw_preferences_group_add (self->holidays_group, row);
    }
}

static void
on_year_changed (IpdPreferencesWindow *self)
{
  if (self->store != NULL)
    show_holidays (self);
}

static void
on_holiday_entry_changed (AdwEntryRow *row, IpdPreferencesWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
set_busy (IpdPreferencesWindow *self, gboolean busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->holidays_spinner), busy);
  gtk_spinner_set_spinning (self->holidays_spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->holidays_group), !busy);
  gtk_widget_set_sensitive (self->add_holiday_group, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->year_row), !busy);
}

typedef struct {
  char    *path;
  char    *date;
  char    *name;     /* NULL to remove the day */
  gboolean off;
} HolidayEdit;

static void
holiday_edit_free (HolidayEdit *edit)
{
  g_free (edit->path);
  g_free (edit->date);
  g_free (edit->name);
  g_free (edit);
}

static void
edit_holiday_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  HolidayEdit *edit = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = ipd_store_open (edit->path, IPD_STORE_DEFAULT, &error);
  gboolean ok = store != NULL
                && (edit->name == NULL ? ipd_store_remove_holiday (store, edit->date, &error)
                                       : ipd_store_set_holiday (store, edit->date, edit->name, edit->off, &error));

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_holiday_edited (GObject *source, GAsyncResult *result, gpointer user_data)
{
  IpdPreferencesWindow *self = IPD_PREFERENCES_WINDOW (source);
  HolidayEdit *edit = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* the window is gone */
  g_clear_object (&self->editing);
  set_busy (self, FALSE);
  if (error != NULL)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
  shown = ipd_date_format (edit->date);
  if (edit->name != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->holiday_date_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->holiday_name_row), "");
      gtk_switch_set_active (self->holiday_working_switch, FALSE);
      /* Translators: %s is a date */
      text = g_strdup_printf (_("%s added; deadlines worked out again"), shown);
    }
  else
    /* Translators: %s is a date */
    text = g_strdup_printf (_("%s removed; deadlines worked out again"), shown);
  show_holidays (self);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
  g_signal_emit (self, signals[SIGNAL_HOLIDAYS_CHANGED], 0);
}

/* Sets (or with @remove, removes) a day on a worker: the store works out
 * every deadline again. */
static void
edit_holiday (IpdPreferencesWindow *self, const char *date, const char *name, gboolean off, gboolean remove)
{
  HolidayEdit *edit;
  g_autoptr(GTask) task = NULL;

  if (self->editing != NULL)
    return;
  edit = g_new0 (HolidayEdit, 1);
  edit->path = g_strdup (ipd_store_get_path (self->store));
  edit->date = g_strdup (date);
  edit->name = remove ? NULL : g_strdup (name);
  edit->off = off;
  self->editing = g_cancellable_new ();
  set_busy (self, TRUE);
  task = g_task_new (self, self->editing, on_holiday_edited, NULL);
  g_task_set_source_tag (task, edit_holiday);
  g_task_set_task_data (task, edit, (GDestroyNotify) holiday_edit_free);
  g_task_run_in_thread (task, edit_holiday_thread);
}

static void
refuse (IpdPreferencesWindow *self, AdwEntryRow *row, const char *message)
{
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
on_add_holiday (IpdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = ipd_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->holiday_date_row)), &error);
  g_autofree char *typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->holiday_name_row)));
  g_autofree char *name = g_utf8_normalize (g_strstrip (typed), -1, G_NORMALIZE_NFC);
  int year;

  if (date == NULL)
    {
      refuse (self, self->holiday_date_row, error->message);
      return;
    }
  year = atoi (date);
  if (year < FIRST_YEAR || year > LAST_YEAR)
    {
      /* Translators: the first and the last year of the holiday table */
      g_autofree char *message = g_strdup_printf (_("Holidays are kept for the years %d to %d."), FIRST_YEAR, LAST_YEAR);
      refuse (self, self->holiday_date_row, message);
      return;
    }
  if (name == NULL || *name == '\0')
    {
      refuse (self, self->holiday_name_row, _("Give the day a name, e.g. “Hùng Kings’ Commemoration”."));
      return;
    }
  /* show the year of the day added */
  adw_combo_row_set_selected (self->year_row, (guint) (year - FIRST_YEAR));
  edit_holiday (self, date, name, !gtk_switch_get_active (self->holiday_working_switch), FALSE);
}

static void
setup_holidays (IpdPreferencesWindow *self)
{
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int this_year = CLAMP (g_date_time_get_year (now), FIRST_YEAR, LAST_YEAR);

  for (int year = FIRST_YEAR; year <= LAST_YEAR; year++)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);
      gtk_string_list_append (years, text);
    }
  adw_combo_row_set_model (self->year_row, G_LIST_MODEL (years));
  adw_combo_row_set_selected (self->year_row, (guint) (this_year - FIRST_YEAR));
  show_holidays (self);
  g_signal_connect_object (self->year_row, "notify::selected", G_CALLBACK (on_year_changed), self, G_CONNECT_SWAPPED);
  if (!ipd_store_is_read_only (self->store))
    return;
  show_notice (self->holidays_notice_group, self->holidays_notice,
               _("The register is open read-only: the holidays can be changed only where it is open for writing."));
  gtk_widget_set_sensitive (self->add_holiday_group, FALSE);
}

/* Setup ------------------------------------------------------------------------ */

static void
ipd_preferences_window_dispose (GObject *object)
{
  IpdPreferencesWindow *self = IPD_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->editing);
  g_clear_object (&self->editing);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->holiday_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), IPD_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (ipd_preferences_window_parent_class)->dispose (object);
}

static void
ipd_preferences_window_class_init (IpdPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_preferences_window_dispose;
  /* The holidays changed, and with them the register's deadlines. */
  signals[SIGNAL_HOLIDAYS_CHANGED] = g_signal_new ("holidays-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (IPD_TYPE_ADMIN_UNITS_GROUP);
  g_type_ensure (IPD_TYPE_FRONT_DESK_PIN_GROUP);
  g_type_ensure (IPD_TYPE_NUMBER_FORMAT_GROUP);
  ipd_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ipdossiers/IpDossiers/ipd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, officer_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, officer_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, startup_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, reopen_switch);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, reminders_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, reminders_switch);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, register_page);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, register_notice_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, register_notice);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, agency_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, new_dossiers_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, parent_agency_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, agency_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, place_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, province_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, units_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, pin_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, numbers_page);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, numbers_notice_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, numbers_notice);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, holidays_page);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, holidays_notice_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, holidays_notice);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, year_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, holidays_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, holidays_spinner);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, add_holiday_group);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, holiday_date_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, holiday_name_row);
  gtk_widget_class_bind_template_child (widget_class, IpdPreferencesWindow, holiday_working_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_holiday_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_holiday);
  gtk_widget_class_bind_template_callback (widget_class, on_register_row_apply);
}

static void
ipd_preferences_window_init (IpdPreferencesWindow *self)
{
  self->holiday_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ipd_preferences_window_new:
 * @parent: (nullable): the main window
 * @store: (nullable): the open register; without one only the officer's own
 *   settings are shown
 */
IpdPreferencesWindow *
ipd_preferences_window_new (GtkWindow *parent, IpdStore *store)
{
  IpdPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || IPD_IS_STORE (store), NULL);

  self = g_object_new (IPD_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = ipd_settings_new ();
  setup_general (self);
  if (store == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->register_page), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->numbers_page), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->holidays_page), FALSE);
      return self;
    }
  self->store = g_object_ref (store);
  setup_register (self);
  setup_numbers (self);
  setup_holidays (self);
  return self;
}
