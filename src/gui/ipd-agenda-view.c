/* ipd-agenda-view.c — what is due, across the register
 *
 * The open deadlines of the next 90 days and the overdue ones, as the store
 * computed them from the events, grouped into overdue, this week, this
 * month and later. Each row names the dossier, the task, its date, the
 * days left and the rule's citation; activating it opens the dossier, and
 * "Mark Done" records the event that completes the task, on the date the
 * officer gives. The rows listed can be saved as an iCalendar file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-agenda"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-agenda-text.h"
#include "ipd-agenda-view.h"
#include "ipd-date.h"
#include "ipd-filter-choices.h"
#include "ipd-gui.h"
#include "ipd-ics.h"
#include "ipd-task.h"
#include "ipd-vocabulary.h"

/* A section shows this many rows, and as many more each time the officer
 * asks: a register of 100 000 dossiers can have thousands of deadlines, so
 * the store is asked for each section's count and first rows only. */
#define MAX_ROWS_PER_SECTION 150

struct _IpdAgendaView
{
  GtkWidget      parent_instance;

  GtkDropDown   *officer_filter;
  GtkDropDown   *kind_filter;
  GtkStack      *stack;
  GtkBox        *sections;
  AdwStatusPage *empty_page;
  AdwStatusPage *error_page;
  GtkLabel      *count_label;

  IpdStore      *store;
  GPtrArray     *tasks;         /* IpdTask: those listed, by due date */
  guint          n_tasks;       /* in every section, listed or not */
  gboolean       filling;       /* the filters' lists are being replaced */
  guint          limits[IPD_AGENDA_N_SECTIONS];   /* rows each section lists */
  GtkNativeDialog *chooser;
};

enum { SIGNAL_DOSSIER_ACTIVATED, SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IpdAgendaView, ipd_agenda_view, GTK_TYPE_WIDGET)

static void
add_toast (IpdAgendaView *self, AdwToast *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (g_object_ref_sink (toast));
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
reset_limits (IpdAgendaView *self)
{
  for (guint i = 0; i < IPD_AGENDA_N_SECTIONS; i++)
    self->limits[i] = MAX_ROWS_PER_SECTION;
}

/* Filters --------------------------------------------------------------------- */

static const char *
chosen_officer (IpdAgendaView *self)
{
  return ipd_filter_choices_get_officer (self->officer_filter);
}

static const char *
chosen_kind (IpdAgendaView *self)
{
  return ipd_filter_choices_get_kind (self->kind_filter);
}

static void
setup_label (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer unused)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static GtkListItemFactory *
label_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), NULL);
  return factory;
}

/* A long officer's name shortens on the button, so that the agenda fits a
 * narrow window; the list that drops down shows it whole. */
static void
setup_filter (GtkDropDown *filter)
{
  g_autoptr(GtkListItemFactory) button = label_factory (TRUE);
  g_autoptr(GtkListItemFactory) list = label_factory (FALSE);

  gtk_drop_down_set_factory (filter, button);
  gtk_drop_down_set_list_factory (filter, list);
}

static void
fill_kinds (IpdAgendaView *self)
{
  self->filling = TRUE;
  ipd_filter_choices_set_kinds (self->kind_filter);
  self->filling = FALSE;
}

/* The officers of the register's dossiers (ipd-filter-choices.c). */
static void
fill_officers (IpdAgendaView *self)
{
  self->filling = TRUE;
  ipd_filter_choices_set_officers (self->officer_filter, self->store);
  self->filling = FALSE;
}

static void show_agenda (IpdAgendaView *self);

static void
on_filter_changed (IpdAgendaView *self)
{
  if (self->filling)
    return;
  reset_limits (self);
  show_agenda (self);
}

/* Marking a task done --------------------------------------------------------- */

static void
on_undo_clicked (AdwToast *toast, IpdAgendaView *self)
{
  gint64 event_id = *(gint64 *) g_object_get_data (G_OBJECT (toast), "event-id");
  g_autoptr(GError) error = NULL;

  /* the event is of the register the task was done in */
  if (self->store == NULL || self->store != g_object_get_data (G_OBJECT (toast), "store"))
    return;
  if (!ipd_store_delete_event (self->store, event_id, &error))
    add_toast (self, adw_toast_new (error->message));
  ipd_agenda_view_refresh (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* The event just recorded for @task: the newest of its type on @date. */
static gint64
find_recorded_event (IpdAgendaView *self, IpdTask *task, const char *date)
{
  g_autoptr(GPtrArray) events = ipd_store_list_events (self->store, task->dossier_id, NULL);
  gint64 found = 0;

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      IpdEvent *event = g_ptr_array_index (events, i);

      if (g_strcmp0 (event->type, task->completed_by) == 0 && g_strcmp0 (event->date, date) == 0)
        found = MAX (found, event->id);
    }
  return found;
}

static void
complete_task (IpdAgendaView *self, IpdTask *task, const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  gint64 event_id;

  if (!ipd_store_complete_task (self->store, task->id, date, &error))
    {
      add_toast (self, adw_toast_new (error->message));
      return;
    }
  event_id = find_recorded_event (self, task, date);
  /* Translators: %s is a task, e.g. "Answer the office action" */
  title = g_strdup_printf (_("“%s” marked done"), g_dgettext (GETTEXT_PACKAGE, task->title));
  toast = adw_toast_new (title);
  /* shown at once, before earlier messages: its Undo is for what was just done */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (event_id > 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data_full (G_OBJECT (toast), "event-id", g_memdup2 (&event_id, sizeof event_id), g_free);
      g_object_set_data_full (G_OBJECT (toast), "store", g_object_ref (self->store), g_object_unref);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, 0);
    }
  add_toast (self, toast);
  ipd_agenda_view_refresh (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* The date typed in the question, checked as it is typed: "Mark Done"
 * stays off, and the reason shows, while it is not a date. */
static void
on_done_date_changed (GtkEditable *entry, AdwMessageDialog *dialog)
{
  GtkLabel *problem = g_object_get_data (G_OBJECT (dialog), "problem");
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = ipd_date_parse (gtk_editable_get_text (entry), &error);

  adw_message_dialog_set_response_enabled (dialog, "done", iso != NULL);
  gtk_label_set_label (problem, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (problem), error != NULL);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
on_done_response (AdwMessageDialog *dialog, const char *response, IpdAgendaView *self)
{
  IpdTask *task = g_object_get_data (G_OBJECT (dialog), "task");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  if (!g_str_equal (response, "done") || self->store == NULL)
    return;
  iso = ipd_date_parse (gtk_editable_get_text (entry), &error);
  if (iso == NULL)
    add_toast (self, adw_toast_new (error->message));
  else
    complete_task (self, task, iso);
}

static GtkWidget *
done_date_box (AdwMessageDialog *dialog)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *problem = gtk_label_new (NULL);
  g_autofree char *today = ipd_date_today ();
  g_autofree char *shown = ipd_date_format (today);

  gtk_widget_set_name (entry, "done-date");
  gtk_editable_set_text (GTK_EDITABLE (entry), shown);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("dd/mm/yyyy"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date done"), -1);
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_set_visible (problem, FALSE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), problem);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "problem", problem);
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_done_date_changed), dialog, 0);
  return box;
}

/* Asks for the date the task was done (today unless told otherwise). */
static void
done_clicked (GtkButton *button, IpdAgendaView *self)
{
  IpdTask *task = g_object_get_data (G_OBJECT (button), "task");
  /* Translators: %s is an event type, e.g. "Response filed", then a dossier reference */
  g_autofree char *body = g_strdup_printf (_("“%s” is recorded in %s on this date:"),
                                           ipd_vocabulary_label (IPD_VOCAB_EVENT_TYPE, task->completed_by),
                                           task->reference);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              g_dgettext (GETTEXT_PACKAGE, task->title), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "done", _("_Mark Done"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "done", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "done");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), done_date_box (ADW_MESSAGE_DIALOG (dialog)));
  g_object_set_data_full (G_OBJECT (dialog), "task", ipd_task_ref (task), (GDestroyNotify) ipd_task_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_done_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Rows ------------------------------------------------------------------------- */

static void
on_row_activated (AdwActionRow *row, IpdAgendaView *self)
{
  IpdTask *task = g_object_get_data (G_OBJECT (row), "task");
  g_signal_emit (self, signals[SIGNAL_DOSSIER_ACTIVATED], 0, task->dossier_id);
}

static GtkWidget *
caption (const char *text, const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, style);
  return label;
}

/* The date, under it the days left, coloured as they grow short, and for a
 * renewal in grace the surcharge. */
static GtkWidget *
due_box (IpdTask *task, const char *today)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *date = ipd_date_format (task->due_date);
  g_autofree char *left = ipd_agenda_days_left_text (task->due_date, today);
  int surcharge = ipd_agenda_surcharge_percent (task, today);
  GtkWidget *date_label = gtk_label_new (date);
  int days = ipd_agenda_days_between (today, task->due_date);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (date_label), 1);
  gtk_widget_add_css_class (date_label, "numeric");
  gtk_widget_add_css_class (date_label, "heading");
  gtk_box_append (GTK_BOX (box), date_label);
  gtk_box_append (GTK_BOX (box), caption (left, days < 0 ? "error" : days <= IPD_REMINDER_DAYS ? "warning" : "dim-label"));
  if (surcharge > 0)
    {
      /* Translators: a renewal late but inside the grace period, and its surcharge on the fee */
      g_autofree char *grace = g_strdup_printf (_("in grace: +%d %%"), surcharge);
      gtk_box_append (GTK_BOX (box), caption (grace, "warning"));
    }
  return box;
}

static GtkWidget *
done_button (IpdAgendaView *self, IpdTask *task)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Mark _Done"));
  g_autofree char *name = g_strdup_printf ("done-task-%" G_GINT64_FORMAT, task->id);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (ipd_store_is_read_only (self->store))
    gtk_widget_set_sensitive (button, FALSE);
  else
    {
      /* Translators: %s is an event type, e.g. "Response filed" */
      g_autofree char *tooltip = g_strdup_printf (_("Record “%s”"),
                                                  ipd_vocabulary_label (IPD_VOCAB_EVENT_TYPE, task->completed_by));
      /* set while hidden: a visible widget given a tooltip asks the display where the pointer is */
      gtk_widget_set_visible (button, FALSE);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_set_visible (button, TRUE);
    }
  g_object_set_data_full (G_OBJECT (button), "task", ipd_task_ref (task), (GDestroyNotify) ipd_task_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (done_clicked), self, 0);
  return button;
}

/* "IPD-2026-0001 · Chè Lai Châu · officer", and the rule's citation under it. */
static char *
task_subtitle (IpdTask *task)
{
  GString *text = g_string_new (task->reference);

  g_string_append_printf (text, " · %s", task->name);
  if (task->officer != NULL && *task->officer != '\0')
    g_string_append_printf (text, " · %s", task->officer);
  if (task->citation != NULL && *task->citation != '\0')
    g_string_append_printf (text, "\n%s", g_dgettext (GETTEXT_PACKAGE, task->citation));
  return g_string_free (text, FALSE);
}

static GtkWidget *
task_row (IpdAgendaView *self, IpdTask *task, const char *today)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = g_strdup_printf ("task-%" G_GINT64_FORMAT, task->id);
  g_autofree char *subtitle = task_subtitle (task);

  gtk_widget_set_name (row, name);
  /* names and references may hold "&" or "<": shown as written */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_dgettext (GETTEXT_PACKAGE, task->title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), due_box (task, today));
  /* a date to know (a milestone) is not done by anyone */
  if (task->completed_by != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), done_button (self, task));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "task", ipd_task_ref (task), (GDestroyNotify) ipd_task_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), self, 0);
  return row;
}

static void
show_more_clicked (GtkButton *button, IpdAgendaView *self)
{
  guint section = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "section"));

  g_return_if_fail (section < IPD_AGENDA_N_SECTIONS);
  self->limits[section] += MAX_ROWS_PER_SECTION;
  ipd_agenda_view_refresh (self);
}

static AdwPreferencesGroup *
section_group (IpdAgendaView *self, IpdAgendaSection section, guint n_tasks)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *count = g_strdup_printf ("%u", n_tasks);
  GtkWidget *count_label = gtk_label_new (count);
  static const char *names[] = { "overdue", "this-week", "this-month", "later" };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == IPD_AGENDA_N_SECTIONS);
  gtk_widget_set_name (group, names[section]);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), ipd_agenda_section_title (section));
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), count_label);
  gtk_box_append (self->sections, group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
add_more_row (IpdAgendaView *self, AdwPreferencesGroup *group, IpdAgendaSection section, guint hidden)
{
  /* Translators: rows of the agenda not shown yet */
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u More Deadline",
                                                         "Show %u More Deadlines", hidden), hidden);
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_add_css_class (button, "pill");
  g_object_set_data (G_OBJECT (button), "section", GUINT_TO_POINTER (section));
  g_signal_connect_object (button, "clicked", G_CALLBACK (show_more_clicked), self, 0);
  adw_preferences_group_add (group, button);
}

static void
remove_sections (IpdAgendaView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections))) != NULL)
    gtk_box_remove (self->sections, child);
}

/* The days of @section as of @today (those of ipd_agenda_section_of()):
 * from @from (NULL: no lower bound) to today + @days. Returns FALSE when it
 * has none (this month ends within this week). The overdue section ends
 * today: its caller leaves today's tasks out. */
static gboolean
section_days (IpdAgendaSection section, const char *today, char **from, int *days)
{
  g_autoptr(GDate) now = ipd_date_to_gdate (today);
  g_autoptr(GDate) week_end = g_date_copy (now);
  g_autoptr(GDate) month_end = g_date_new_dmy (g_date_get_days_in_month (g_date_get_month (now),
                                                                         g_date_get_year (now)),
                                               g_date_get_month (now), g_date_get_year (now));
  GDate *later;

  g_date_add_days (week_end, G_DATE_SUNDAY - g_date_get_weekday (now));
  *from = NULL;
  switch (section)
    {
    case IPD_AGENDA_OVERDUE:
      *days = 0;
      return TRUE;
    case IPD_AGENDA_THIS_WEEK:
      *from = g_strdup (today);
      *days = g_date_days_between (now, week_end);
      return TRUE;
    case IPD_AGENDA_THIS_MONTH:
      if (g_date_compare (month_end, week_end) <= 0)
        return FALSE;
      g_date_add_days (week_end, 1);
      *from = ipd_date_from_gdate (week_end);
      *days = g_date_days_between (now, month_end);
      return TRUE;
    case IPD_AGENDA_LATER:
    default:
      later = g_date_compare (month_end, week_end) > 0 ? month_end : week_end;
      g_date_add_days (later, 1);
      *from = ipd_date_from_gdate (later);
      *days = IPD_AGENDA_DAYS;
      return g_date_days_between (now, later) <= IPD_AGENDA_DAYS;
    }
}

/* Asks the store for @section's count and first rows; appends them to
 * self->tasks. */
static gboolean
load_section (IpdAgendaView *self, IpdAgendaSection section, const IpdAgendaQuery *filters,
              guint *n_tasks, GError **error)
{
  g_autofree char *from = NULL;
  g_autoptr(GPtrArray) page = NULL;
  IpdAgendaQuery query = *filters;
  gint64 n;

  *n_tasks = 0;
  if (!section_days (section, filters->today, &from, &query.days))
    return TRUE;
  query.from = from;
  query.limit = self->limits[section];
  n = ipd_store_count_agenda (self->store, &query, error);
  if (n >= 0 && section == IPD_AGENDA_OVERDUE)
    {
      IpdAgendaQuery due_today = query;
      gint64 n_today;

      due_today.from = filters->today;
      n_today = ipd_store_count_agenda (self->store, &due_today, error);
      n = n_today < 0 ? -1 : n - n_today;
    }
  if (n < 0)
    return FALSE;
  page = ipd_store_agenda (self->store, &query, error);
  if (page == NULL)
    return FALSE;
  for (guint i = 0; i < page->len; i++)
    {
      IpdTask *task = g_ptr_array_index (page, i);
      if (section != IPD_AGENDA_OVERDUE || strcmp (task->due_date, filters->today) < 0)
        g_ptr_array_add (self->tasks, ipd_task_ref (task));
    }
  *n_tasks = (guint) n;
  return TRUE;
}

/* Each section with deadlines: its title, count and first rows. */
static gboolean
load_sections (IpdAgendaView *self, const IpdAgendaQuery *filters, GError **error)
{
  const char *today = filters->today;

  remove_sections (self);
  self->n_tasks = 0;
  for (guint section = 0; section < IPD_AGENDA_N_SECTIONS; section++)
    {
      guint first = self->tasks->len;
      guint n_tasks;
      AdwPreferencesGroup *group;

      if (!load_section (self, section, filters, &n_tasks, error))
        return FALSE;
      if (n_tasks == 0)
        continue;
      self->n_tasks += n_tasks;
      group = section_group (self, section, n_tasks);
      for (guint i = first; i < self->tasks->len; i++)
        adw_preferences_group_add (group, task_row (self, g_ptr_array_index (self->tasks, i), today));
      if (self->tasks->len - first < n_tasks)
        add_more_row (self, group, section, MIN (n_tasks - (self->tasks->len - first), MAX_ROWS_PER_SECTION));
    }
  return TRUE;
}

static void
show_empty (IpdAgendaView *self)
{
  gboolean filtered = chosen_officer (self) != NULL || chosen_kind (self) != NULL;

  adw_status_page_set_description (self->empty_page,
                                   filtered ? _("Nothing for this officer or kind. Choose “All officers” and “All kinds” to see every deadline.")
                                            : _("Deadlines appear here when the events that set them are recorded on the dossiers."));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
update_count (IpdAgendaView *self)
{
  guint n = self->tasks ? self->n_tasks : 0;
  /* Translators: the number of deadlines in the agenda */
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deadline", "%u deadlines", n), n);

  gtk_label_set_label (self->count_label, self->tasks ? text : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.export", n > 0);
}

/* Asks the store for what is due, as of today, with the filters chosen. */
static void
show_agenda (IpdAgendaView *self)
{
  g_autofree char *today = ipd_date_today ();
  g_autoptr(GError) error = NULL;
  IpdAgendaQuery query = { .today = today, .days = IPD_AGENDA_DAYS };

  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  if (self->store == NULL)
    {
      remove_sections (self);
      update_count (self);
      show_empty (self);
      return;
    }
  query.officer = chosen_officer (self);
  query.kind = chosen_kind (self);
  self->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) ipd_task_unref);
  if (!load_sections (self, &query, &error))
    {
      g_clear_pointer (&self->tasks, g_ptr_array_unref);
      remove_sections (self);
      update_count (self);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  update_count (self);
  if (self->n_tasks == 0)
    show_empty (self);
  else
    gtk_stack_set_visible_child_name (self->stack, "agenda");
}

/**
 * ipd_agenda_view_refresh:
 *
 * Shows what is due again, as of today: after the register changed, or
 * when the view is shown.
 */
void
ipd_agenda_view_refresh (IpdAgendaView *self)
{
  g_return_if_fail (IPD_IS_AGENDA_VIEW (self));
  fill_officers (self);
  show_agenda (self);
}

/* Shows @store's agenda after the next ipd_agenda_view_refresh(). */
void
ipd_agenda_view_set_store (IpdAgendaView *self, IpdStore *store)
{
  g_return_if_fail (IPD_IS_AGENDA_VIEW (self));
  g_return_if_fail (store == NULL || IPD_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  /* an officer of one register means nothing in another */
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->officer_filter, 0);
  gtk_drop_down_set_selected (self->kind_filter, 0);
  self->filling = FALSE;
  reset_limits (self);
  /* asked again when shown: the agenda of a hidden view is not worked out */
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  remove_sections (self);
  update_count (self);
  show_empty (self);
}

/**
 * ipd_agenda_view_get_tasks:
 *
 * Returns: (transfer none) (nullable): the tasks listed (IpdTask), in their
 *   order: the first rows of each section
 */
GPtrArray *
ipd_agenda_view_get_tasks (IpdAgendaView *self)
{
  g_return_val_if_fail (IPD_IS_AGENDA_VIEW (self), NULL);
  return self->tasks;
}

/* Export ----------------------------------------------------------------------- */

/* Writes every task the filters show (also those of a section not
 * unfolded) to @path as an iCalendar file; @n_tasks: how many. */
static gboolean
export_agenda (IpdAgendaView *self, const char *path, guint *n_tasks, GError **error)
{
  g_autofree char *today = ipd_date_today ();
  IpdAgendaQuery query = { .today = today, .days = IPD_AGENDA_DAYS };
  g_autoptr(GPtrArray) tasks = NULL;

  *n_tasks = 0;
  if (self->store != NULL && self->tasks != NULL)
    {
      query.officer = chosen_officer (self);
      query.kind = chosen_kind (self);
      tasks = ipd_store_agenda (self->store, &query, error);
      if (tasks == NULL)
        return FALSE;
    }
  else
    tasks = g_ptr_array_new ();
  *n_tasks = tasks->len;
  return ipd_ics_write_file (tasks, path, error);
}

gboolean
ipd_agenda_view_export (IpdAgendaView *self, const char *path, GError **error)
{
  guint n_tasks;

  g_return_val_if_fail (IPD_IS_AGENDA_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return export_agenda (self, path, &n_tasks, error);
}

static void
on_export_response (GtkNativeDialog *chooser, int response, IpdAgendaView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      add_toast (self, adw_toast_new (_("The calendar can be saved only to a local folder.")));
      return;
    }
  if (!export_agenda (self, path, &n, &error))
    {
      add_toast (self, adw_toast_new (error->message));
      return;
    }
  name = g_file_get_basename (file);
  /* Translators: a number of deadlines, then a file name */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deadline saved to “%s”", "%u deadlines saved to “%s”", n),
                          n, name);
  add_toast (self, adw_toast_new (text));
}

static void
export_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdAgendaView *self = IPD_AGENDA_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export to Calendar"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the file name offered for the exported deadlines; keep .ics */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("deadlines.ics"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (self->chooser);
}

/* Setup ------------------------------------------------------------------------ */

static void
ipd_agenda_view_dispose (GObject *object)
{
  IpdAgendaView *self = IPD_AGENDA_VIEW (object);
  GtkWidget *child;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), IPD_TYPE_AGENDA_VIEW);
  /* the template's root child is not bound: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (ipd_agenda_view_parent_class)->dispose (object);
}

static void
ipd_agenda_view_class_init (IpdAgendaViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_agenda_view_dispose;
  /* The officer activated a row: open its dossier. */
  signals[SIGNAL_DOSSIER_ACTIVATED] = g_signal_new ("dossier-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The register changed from the agenda (a task marked done, or undone). */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  ipd_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipdossiers/IpDossiers/ipd-agenda-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdAgendaView, officer_filter);
  gtk_widget_class_bind_template_child (widget_class, IpdAgendaView, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, IpdAgendaView, stack);
  gtk_widget_class_bind_template_child (widget_class, IpdAgendaView, sections);
  gtk_widget_class_bind_template_child (widget_class, IpdAgendaView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, IpdAgendaView, error_page);
  gtk_widget_class_bind_template_child (widget_class, IpdAgendaView, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_install_action (widget_class, "agenda.export", NULL, export_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ipd_agenda_view_init (IpdAgendaView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  reset_limits (self);
  setup_filter (self->officer_filter);
  setup_filter (self->kind_filter);
  fill_kinds (self);
  fill_officers (self);
  update_count (self);
  show_empty (self);
}
