/* ipd-dossier-view.c — one dossier, as officers read it
 *
 * The header names the dossier, its kind and status; groups below hold the
 * common fields, the kind's own lists, the parties, the events and the
 * documents. Empty fields are left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-dossier-view"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>
#include <glib/gstdio.h>

#include "ipd-gui.h"
#include "ipd-stored-texture.h"
#include "ipd-agenda-text.h"
#include "ipd-amount.h"
#include "ipd-attachment-list.h"
#include "ipd-date.h"
#include "ipd-dossier-view-private.h"
#include "ipd-audit-text.h"
#include "ipd-event-dialog.h"
#include "ipd-pdf-view.h"
#include "ipd-task.h"
#include "ipd-vocabulary.h"

struct _IpdDossierView
{
  GtkWidget  parent_instance;

  GtkStack  *stack;
  GtkLabel  *title;
  GtkLabel  *subtitle;
  GtkLabel  *next_deadline;
  GtkBox    *groups;
  GtkBox    *late_groups;
  IpdAttachmentList *attachments;
  gint64     id;
  gboolean   in_trash;
  IpdStore  *store;
  GCancellable *pictures;   /* the mark sample being read, until another dossier */

  /* a document opened in the page, in place of the dossier */
  GtkLabel  *document_title;
  GtkStack  *document_stack;
  IpdPdfView *pdf_view;
  GtkPicture *picture;
  GtkWidget *document_window_button;
  GBytes    *document_bytes;
  char      *document_name;
};

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IpdDossierView, ipd_dossier_view, GTK_TYPE_WIDGET)

static void reshow (IpdDossierView *self);

/* Values longer than this may wrap; shorter ones stay on one line. */
#define ONE_LINE_CHARS 48

/* A field and its value, one under the other. A bare AdwPreferencesRow
 * (the group lists only those), not an AdwActionRow: its labels wrap (GTK
 * measures a wrapping label several times, shaping its text each time,
 * and a page has dozens) and read markup ("&" in a name would hide it). */
static void
add_row (AdwPreferencesGroup *group, const char *title, const char *value)
{
  GtkWidget *row, *box, *title_label, *value_label;

  if (value == NULL || *value == '\0')
    return;
  row = adw_preferences_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  title_label = gtk_label_new (title);
  value_label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "property");
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_widget_add_css_class (title_label, "caption");
  gtk_widget_add_css_class (title_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  if (g_utf8_strlen (value, -1) > ONE_LINE_CHARS || strchr (value, '\n') != NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (value_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* read as "Filing date: 12/03/2026" */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title_label, NULL, -1);
  adw_preferences_group_add (group, row);
}

static void
add_date_row (AdwPreferencesGroup *group, const char *title, const char *iso)
{
  g_autofree char *shown = iso ? ipd_date_format (iso) : NULL;
  add_row (group, title, shown);
}

static AdwPreferencesGroup *
new_group_in (GtkBox *box, const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (box, group);
  return ADW_PREFERENCES_GROUP (group);
}

/* A group above the documents. */
static AdwPreferencesGroup *
new_group (IpdDossierView *self, const char *title)
{
  return new_group_in (self->groups, title);
}

static void
add_general (IpdDossierView *self, IpdDossier *d)
{
  AdwPreferencesGroup *group = new_group (self, _("Application"));
  g_autofree char *amount = d->support_amount ? ipd_amount_format (d->support_amount) : NULL;
  g_autofree char *amount_text = amount ? g_strdup_printf (_("%s đồng"), amount) : NULL;

  add_row (group, _("Reference"), d->reference);
  add_row (group, _("Application number"), d->app_number);
  add_date_row (group, _("Filing date"), d->filing_date);
  add_row (group, _("Priority"), d->priority_number);
  add_date_row (group, _("Priority date"), d->priority_date);
  add_row (group, _("Decision"), d->decision_number);
  add_date_row (group, _("Decision date"), d->decision_date);
  add_row (group, _("Certificate"), d->certificate_number);
  add_date_row (group, _("Grant date"), d->grant_date);
  add_date_row (group, _("Expiry date"), d->expiry_date);
  add_row (group, _("Officer"), d->officer);
  add_row (group, _("Support programme"), d->programme);
  add_row (group, _("Support amount"), amount_text);
  add_row (group, _("Public note"), d->public_note);
  add_row (group, _("Internal note"), d->internal_note);
}

static void
add_kind_lists (IpdDossierView *self, IpdDossier *d)
{
  AdwPreferencesGroup *group;

  if (d->classes->len > 0 || d->regulation_ref || d->vienna_codes || d->colour_claim)
    {
      group = new_group (self, _("Mark"));
      for (guint i = 0; i < d->classes->len; i++)
        {
          IpdNiceClass *item = g_ptr_array_index (d->classes, i);
          /* Translators: %d is a Nice class number */
          g_autofree char *title = g_strdup_printf (_("Class %d"), item->number);
          add_row (group, title, item->goods ? item->goods : "—");
        }
      add_row (group, _("Vienna codes"), d->vienna_codes);
      add_row (group, _("Colour claim"), d->colour_claim);
      add_row (group, _("Regulation on use"), d->regulation_ref);
    }
  if (d->products->len > 0 || d->characteristics->len > 0 || d->area->len > 0 || d->foreign_protection)
    {
      group = new_group (self, _("Geographical indication"));
      for (guint i = 0; i < d->products->len; i++)
        add_row (group, _("Product"), g_ptr_array_index (d->products, i));
      for (guint i = 0; i < d->characteristics->len; i++)
        {
          IpdCharacteristic *item = g_ptr_array_index (d->characteristics, i);
          g_autofree char *value = g_strdup_printf ("%s %s%s%s", item->value ? item->value : "",
                                                    item->unit ? item->unit : "",
                                                    item->product ? " — " : "", item->product ? item->product : "");
          add_row (group, item->indicator, value);
        }
      for (guint i = 0; i < d->area->len; i++)
        {
          IpdAreaUnit *item = g_ptr_array_index (d->area, i);
          add_row (group, _("Area"), item->as_written);
        }
      add_row (group, _("Foreign protection"), d->foreign_protection);
    }
}

static void
on_mark_sample_loaded (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GtkWidget) picture = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = ipd_stored_texture_load_finish (result, &error);
  GtkWidget *group;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || gtk_widget_get_root (picture) == NULL)
    return;   /* another dossier is shown */
  if (texture != NULL)
    {
      gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
      return;
    }
  g_debug ("The mark sample cannot be shown: %s", error->message);
  group = gtk_widget_get_ancestor (picture, ADW_TYPE_PREFERENCES_GROUP);
  gtk_widget_set_visible (picture, FALSE);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("The stored sample cannot be shown."));
}

/* The mark as filed: the sample image stored with the dossier, read and
 * decoded on workers; its place is kept meanwhile. */
static void
add_mark_sample (IpdDossierView *self, IpdDossier *d)
{
  AdwPreferencesGroup *group;
  GtkWidget *picture;

  if (d->mark_image_sha256 == NULL)
    return;
  group = new_group (self, _("Mark Sample"));
  picture = gtk_picture_new ();
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_size_request (picture, -1, 160);
  gtk_widget_set_name (picture, "mark-sample");
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mark Sample"), -1);
  adw_preferences_group_add (group, picture);
  ipd_stored_texture_load_async (self->store, d->mark_image_sha256, self->pictures, on_mark_sample_loaded,
                                 g_object_ref (picture));
}

static void
add_parties (IpdDossierView *self, IpdDossier *d)
{
  AdwPreferencesGroup *group;

  if (d->parties->len == 0)
    return;
  group = new_group (self, _("Parties"));
  for (guint i = 0; i < d->parties->len; i++)
    {
      IpdDossierParty *item = g_ptr_array_index (d->parties, i);
      g_autoptr(IpdParty) party = ipd_store_load_party (self->store, item->party_id, NULL);
      g_autoptr(GString) text = g_string_new (item->party_name);
      const char *details[] = { party ? party->tax_code : NULL, party ? party->address : NULL };
      GtkWidget *row = adw_action_row_new ();

      /* the name, then what identifies the party on the documents */
      for (guint k = 0, n = 0; k < G_N_ELEMENTS (details); k++)
        if (details[k] != NULL && *details[k] != '\0')
          g_string_append_printf (text, "%s%s", n++ ? " · " : "\n", details[k]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ipd_vocabulary_label (IPD_VOCAB_ROLE, item->role));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text->str);
      gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (group, row);
    }
}

static void
on_event_saved (IpdDossierView *self)
{
  reshow (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
present_event_dialog (IpdDossierView *self, IpdEventDialog *dialog)
{
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_event_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_event_clicked (IpdDossierView *self)
{
  present_event_dialog (self, ipd_event_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                    self->store, self->id));
}

/* The same form as for a new event, filled in; the row activates it too. */
static void
edit_event_clicked (GtkButton *button, IpdDossierView *self)
{
  IpdEvent *event = g_object_get_data (G_OBJECT (button), "event");

  present_event_dialog (self, ipd_event_dialog_new_edit (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                         self->store, event));
}

static void
on_delete_event_response (AdwMessageDialog *dialog, const char *response, IpdDossierView *self)
{
  IpdEvent *event = g_object_get_data (G_OBJECT (dialog), "event");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  if (!ipd_store_delete_event (self->store, event->id, &error))
    g_warning ("Cannot delete the event: %s", error->message);
  on_event_saved (self);
}

/* "19/08/2025 — Certificate granted": how the timeline and the question name an event. */
static char *
event_title (const IpdEvent *e)
{
  g_autofree char *date = ipd_date_format (e->date);
  return g_strdup_printf ("%s — %s", date, ipd_vocabulary_label (IPD_VOCAB_EVENT_TYPE, e->type));
}

/* Deleting an event changes the dossier's status: ask first. */
static void
delete_event_clicked (GtkButton *button, IpdDossierView *self)
{
  IpdEvent *event = g_object_get_data (G_OBJECT (button), "event");
  g_autofree char *title = event_title (event);
  /* Translators: %s is an event, e.g. "19/08/2025 — Certificate granted" */
  g_autofree char *body = g_strdup_printf (_("“%s” will be removed and the dossier’s status worked out again."), title);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("Delete This Event?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "event", ipd_event_ref (event), (GDestroyNotify) ipd_event_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_event_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "53397/SHTT-NH.IP · answer within 2 months · note": what is known besides date and type. */
static char *
event_detail (const IpdEvent *e)
{
  GString *detail = g_string_new (NULL);

  if (e->reference)
    g_string_append (detail, e->reference);
  if (e->period_months > 0)
    {
      /* Translators: the period a letter gives for an answer */
      g_autofree char *period = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "period of %d month", "period of %d months",
                                                              e->period_months), e->period_months);
      g_string_append_printf (detail, "%s%s", detail->len ? " · " : "", period);
    }
  if (e->note)
    g_string_append_printf (detail, "%s%s", detail->len ? " · " : "", e->note);
  return g_string_free (detail, detail->len == 0);
}

/* A button on an event row, named after the event so that it can be found. */
static GtkWidget *
event_button (IpdDossierView *self, IpdEvent *e, const char *kind, const char *icon, const char *tooltip,
              GCallback clicked)
{
  GtkWidget *button = ipd_gui_icon_button (icon, tooltip);
  g_autofree char *name = g_strdup_printf ("%s-event-%" G_GINT64_FORMAT, kind, e->id);

  gtk_widget_set_name (button, name);
  g_object_set_data_full (G_OBJECT (button), "event", ipd_event_ref (e), (GDestroyNotify) ipd_event_unref);
  g_signal_connect_object (button, "clicked", clicked, self, 0);
  return button;
}

static GtkWidget *
event_row (IpdDossierView *self, IpdEvent *e)
{
  g_autofree char *title = event_title (e);
  g_autofree char *detail = event_detail (e);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit = event_button (self, e, "edit", "document-edit-symbolic", _("Edit Event"),
                                  G_CALLBACK (edit_event_clicked));
  GtkWidget *remove = event_button (self, e, "delete", "user-trash-symbolic", _("Delete Event"),
                                    G_CALLBACK (delete_event_clicked));

  /* a reference or note may hold "&" or "<": shown as written */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (detail)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);
  return row;
}

/* A deadline the rules worked out: open with the days left, or done (dimmed)
 * with the date it was done. */
static GtkWidget *
task_row (IpdTask *task, const char *today)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *name = g_strdup_printf ("deadline-%" G_GINT64_FORMAT, task->id);
  g_autofree char *date = ipd_date_format (task->due_date);
  g_autofree char *title = g_strdup_printf ("%s — %s", date, g_dgettext (GETTEXT_PACKAGE, task->title));
  gboolean done = task->state == IPD_TASK_DONE;
  g_autofree char *done_date = done && task->done_date ? ipd_date_format (task->done_date) : NULL;
  /* Translators: %s is the date a deadline was met */
  g_autofree char *state = done ? g_strdup_printf (_("done on %s"), done_date ? done_date : "—")
                                : ipd_agenda_status_text (task, today);
  GtkWidget *icon = gtk_image_new_from_icon_name (done ? "object-select-symbolic" : "alarm-symbolic");
  GtkWidget *state_label = gtk_label_new (state);
  int days = ipd_agenda_days_between (today, task->due_date);

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* The citation is long and wraps: a tooltip, set while the row is hidden
   * (see ipd_gui_icon_button), keeps the page quick to lay out. */
  if (task->citation != NULL && *task->citation != '\0')
    {
      gtk_widget_set_visible (row, FALSE);
      gtk_widget_set_tooltip_text (row, g_dgettext (GETTEXT_PACKAGE, task->citation));
      gtk_widget_set_visible (row, TRUE);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (state_label, "caption");
  if (done)
    gtk_widget_add_css_class (row, "dim-label");
  else
    gtk_widget_add_css_class (state_label, days < 0 ? "error" : days <= IPD_REMINDER_DAYS ? "warning" : "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state_label);
  gtk_widget_add_css_class (row, "property");
  return row;
}

/* The timeline shows this many entries at once; older ones are made when
 * the officer opens "Earlier" (a register keeps decades of letters). */
#define TIMELINE_ROWS 8

/* What is left of the timeline, oldest first, for the "Earlier" row. */
typedef struct {
  IpdDossierView *view;
  GPtrArray      *events;   /* IpdEvent */
  GPtrArray      *tasks;    /* IpdTask */
  guint           n_events; /* how many of each are still to show */
  guint           n_tasks;
} Timeline;

static void
timeline_free (Timeline *timeline)
{
  g_ptr_array_unref (timeline->events);
  g_ptr_array_unref (timeline->tasks);
  g_free (timeline);
}

/* Adds up to @max entries, newest first, to @group or @expander; the
 * deadlines stand among the events at their due dates, those cancelled
 * (an event made them moot) left out. */
static void
add_timeline_rows (Timeline *timeline, AdwPreferencesGroup *group, AdwExpanderRow *expander, guint max)
{
  g_autofree char *today = ipd_date_today ();
  guint added = 0;

  /* both lists run from the oldest; merge them from the newest */
  while ((timeline->n_events > 0 || timeline->n_tasks > 0) && added < max)
    {
      IpdEvent *event = timeline->n_events > 0 ? g_ptr_array_index (timeline->events, timeline->n_events - 1) : NULL;
      IpdTask *task = timeline->n_tasks > 0 ? g_ptr_array_index (timeline->tasks, timeline->n_tasks - 1) : NULL;
      GtkWidget *row = NULL;

      if (task != NULL && (event == NULL || g_strcmp0 (task->due_date, event->date) > 0))
        {
          if (task->state != IPD_TASK_CANCELLED)
            row = task_row (task, today);
          timeline->n_tasks--;
        }
      else
        {
          row = event_row (timeline->view, event);
          timeline->n_events--;
        }
      if (row == NULL)
        continue;
      if (expander)
        adw_expander_row_add_row (expander, row);
      else
        adw_preferences_group_add (group, row);
      added++;
    }
}

static void
on_earlier_expanded (AdwExpanderRow *expander, GParamSpec *pspec, gpointer unused)
{
  Timeline *timeline = g_object_get_data (G_OBJECT (expander), "timeline");

  if (adw_expander_row_get_expanded (expander))
    add_timeline_rows (timeline, NULL, expander, G_MAXUINT);
}

/* The timeline, newest first like the history below it: the latest event
 * that sets a status is the one the dossier's status comes from. */
static void
add_events (IpdDossierView *self, GPtrArray *events, GPtrArray *tasks)
{
  AdwPreferencesGroup *group = new_group (self, _("Events"));
  GtkWidget *add = ipd_gui_icon_button ("list-add-symbolic", _("Record an Event"));
  Timeline *timeline = g_new0 (Timeline, 1);
  GtkWidget *earlier;
  g_autofree char *subtitle = NULL;
  guint left;

  gtk_widget_set_name (add, "add-event");
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_event_clicked), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (group, add);
  if (events->len == 0)
    adw_preferences_group_set_description (group, _("No event recorded yet."));

  timeline->view = self;
  timeline->events = g_ptr_array_ref (events);
  timeline->tasks = g_ptr_array_ref (tasks);
  timeline->n_events = events->len;
  timeline->n_tasks = tasks->len;
  add_timeline_rows (timeline, group, NULL, TIMELINE_ROWS);
  left = timeline->n_events + timeline->n_tasks;
  if (left == 0)
    {
      timeline_free (timeline);
      return;
    }
  earlier = adw_expander_row_new ();
  gtk_widget_set_name (earlier, "earlier-events");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (earlier), _("Earlier"));
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more event or deadline", "%u more events and deadlines", left), left);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (earlier), subtitle);
  g_object_set_data_full (G_OBJECT (earlier), "timeline", timeline, (GDestroyNotify) timeline_free);
  g_signal_connect (earlier, "notify::expanded", G_CALLBACK (on_earlier_expanded), NULL);
  adw_preferences_group_add (group, earlier);
}

/* "Next deadline: 12/05/2026 — Answer the office action (in 10 days)" under
 * the status; hidden when nothing is open. */
static void
show_next_deadline (IpdDossierView *self, GPtrArray *tasks)
{
  g_autofree char *today = ipd_date_today ();

  gtk_widget_set_visible (GTK_WIDGET (self->next_deadline), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->next_deadline), "error");
  for (guint i = 0; i < tasks->len; i++)
    {
      IpdTask *task = g_ptr_array_index (tasks, i);
      g_autofree char *date = NULL;
      g_autofree char *left = NULL;
      g_autofree char *text = NULL;

      if (task->state != IPD_TASK_OPEN)
        continue;
      date = ipd_date_format (task->due_date);
      left = ipd_agenda_status_text (task, today);
      /* Translators: the date, the task and the days left, e.g. "Next deadline: 12/05/2026 — Answer the office action (in 10 days)" */
      text = g_strdup_printf (_("Next deadline: %s — %s (%s)"), date, g_dgettext (GETTEXT_PACKAGE, task->title), left);
      gtk_label_set_label (self->next_deadline, text);
      if (g_strcmp0 (task->due_date, today) < 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->next_deadline), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->next_deadline), TRUE);
      return;
    }
}

/* The dossier's deadlines by due date; none (and a warning) when they
 * cannot be read, so that the rest of the page still shows. */
static GPtrArray *
list_tasks (IpdStore *store, gint64 id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *tasks = ipd_store_list_tasks (store, id, &error);

  if (tasks != NULL)
    return tasks;
  g_warning ("Cannot list the deadlines of dossier %" G_GINT64_FORMAT ": %s", id, error->message);
  return g_ptr_array_new ();
}

static void
on_history_expanded (AdwExpanderRow *expander, GParamSpec *pspec, gpointer unused)
{
  GPtrArray *entries = g_object_get_data (G_OBJECT (expander), "entries");

  if (!adw_expander_row_get_expanded (expander) || g_object_get_data (G_OBJECT (expander), "filled"))
    return;
  g_object_set_data (G_OBJECT (expander), "filled", GINT_TO_POINTER (TRUE));
  for (guint i = entries->len; i > 0; i--)
    {
      IpdAuditEntry *entry = g_ptr_array_index (entries, i - 1);
      g_autofree char *title = ipd_audit_text_title (entry);
      g_autofree char *detail = ipd_audit_text_describe (entry);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
      gtk_widget_add_css_class (row, "property");
      adw_expander_row_add_row (expander, row);
    }
}

/* The audit log of the dossier. Its rows are many and seldom read: they
 * are made when the officer opens the list, not with every dossier. */
static void
add_history (IpdDossierView *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = ipd_store_list_audit (self->store, "dossier", self->id, &error);
  AdwPreferencesGroup *group;
  GtkWidget *expander;
  g_autofree char *count = NULL;

  if (entries == NULL || entries->len == 0)
    {
      g_clear_pointer (&entries, g_ptr_array_unref);
      return;
    }
  group = new_group_in (self->late_groups, _("History"));
  expander = adw_expander_row_new ();
  gtk_widget_set_name (expander, "history");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 _("Every change to this dossier, from the register’s audit log"));
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", entries->len), entries->len);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), count);
  g_object_set_data_full (G_OBJECT (expander), "entries", entries, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (on_history_expanded), NULL);
  adw_preferences_group_add (group, expander);
}

static void
remove_groups (IpdDossierView *self)
{
  GtkWidget *child;

  g_cancellable_cancel (self->pictures);
  g_clear_object (&self->pictures);
  self->pictures = g_cancellable_new ();
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups))) != NULL)
    gtk_box_remove (self->groups, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->late_groups))) != NULL)
    gtk_box_remove (self->late_groups, child);
}

/* Documents in the page -------------------------------------------------------------- */

static void
close_document (IpdDossierView *self)
{
  ipd_pdf_view_clear (self->pdf_view);
  gtk_picture_set_paintable (self->picture, NULL);
  g_clear_pointer (&self->document_bytes, g_bytes_unref);
  g_clear_pointer (&self->document_name, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossier.close-document", FALSE);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "document") == 0)
    gtk_stack_set_visible_child_name (self->stack, "dossier");
}

static void
show_document (IpdDossierView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossier.close-document", TRUE);
  gtk_stack_set_visible_child_name (self->stack, "document");
}

typedef struct {
  IpdDossierView *self;
  GBytes         *bytes;   /* the picture's, to tell whether it is still the one asked for */
} PictureOpening;

static void
on_picture_decoded (GObject *source, GAsyncResult *result, gpointer data)
{
  PictureOpening *opening = data;
  g_autoptr(IpdDossierView) self = opening->self;
  g_autoptr(GBytes) bytes = opening->bytes;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = ipd_texture_decode_finish (result, &error);

  g_free (opening);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || bytes != self->document_bytes)
    return;   /* another dossier, or another document asked for since */
  if (texture == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The picture cannot be shown: %s"), error->message);
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
      g_autofree char *escaped = g_markup_escape_text (text, -1);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
      else
        g_message ("%s", text);
      return;
    }
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->document_name, -1);
  gtk_stack_set_visible_child_name (self->document_stack, "picture");
  show_document (self);
}

/* A PDF in the viewer, a picture as it is, decoded on a worker (a large
 * JPEG takes a tenth of a second); the dossier comes back with the back
 * button (Alt+Left). */
static void
on_open_document (IpdDossierView *self, IpdAttachment *attachment, GBytes *bytes)
{
  gboolean pdf = g_strcmp0 (attachment->mime_type, "application/pdf") == 0;
  PictureOpening *opening;

  g_clear_pointer (&self->document_bytes, g_bytes_unref);
  g_free (self->document_name);
  self->document_bytes = g_bytes_ref (bytes);
  self->document_name = g_strdup (attachment->file_name);
  gtk_label_set_label (self->document_title, attachment->file_name);
  gtk_widget_set_visible (self->document_window_button, pdf);
  if (pdf)
    {
      ipd_pdf_view_load_bytes (self->pdf_view, bytes, attachment->file_name);
      gtk_stack_set_visible_child_name (self->document_stack, "pdf");
      show_document (self);
      return;
    }
  opening = g_new0 (PictureOpening, 1);
  opening->self = g_object_ref (self);
  opening->bytes = g_bytes_ref (bytes);
  ipd_texture_decode_async (bytes, self->pictures, on_picture_decoded, opening);
}

static void
close_document_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  close_document (IPD_DOSSIER_VIEW (widget));
}

static void
document_window_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdDossierView *self = IPD_DOSSIER_VIEW (widget);

  if (self->document_bytes == NULL)
    return;
  gtk_window_present (ipd_pdf_view_window_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                               self->document_bytes, self->document_name));
  close_document (self);
}

static void
on_attachments_changed (IpdDossierView *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Files dropped anywhere on the dossier's page are added to it. */
static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, IpdDossierView *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr(GSList) files = list ? gdk_file_list_get_files (list) : NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new ();

  if (self->id == 0 || files == NULL)
    return FALSE;
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (array, l->data);
  ipd_attachment_list_add_files (self->attachments, (GFile **) array->pdata, array->len);
  return TRUE;
}

/* Only a dossier shown takes files. */
static GdkDragAction
on_drop_enter (GtkDropTarget *target, double x, double y, IpdDossierView *self)
{
  return self->id != 0 && self->store != NULL && !ipd_store_is_read_only (self->store) ? GDK_ACTION_COPY : 0;
}

/* The documents of the dossier shown: where dropped files go. */
IpdAttachmentList *
ipd_dossier_view_get_attachment_list (IpdDossierView *self)
{
  g_return_val_if_fail (IPD_IS_DOSSIER_VIEW (self), NULL);
  return self->attachments;
}

/* Whether a document is open in the page in place of the dossier. */
gboolean
ipd_dossier_view_is_showing_document (IpdDossierView *self)
{
  g_return_val_if_fail (IPD_IS_DOSSIER_VIEW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "document") == 0;
}

/* The register the dossier shown is in (NULL: none shown yet). */
IpdStore *
ipd_dossier_view_get_store (IpdDossierView *self)
{
  g_return_val_if_fail (IPD_IS_DOSSIER_VIEW (self), NULL);
  return self->store;
}

/* The dossier again, as the register has it now. */
void
ipd_dossier_view_reshow (IpdDossierView *self)
{
  g_return_if_fail (IPD_IS_DOSSIER_VIEW (self));
  reshow (self);
}

static void
reshow (IpdDossierView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = g_object_ref (self->store);

  if (!ipd_dossier_view_show (self, store, self->id, &error))
    g_warning ("Cannot show the dossier again: %s", error->message);
}

gboolean
ipd_dossier_view_show (IpdDossierView *self, IpdStore *store, gint64 id, GError **error)
{
  g_autoptr(IpdDossier) d = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  gboolean same = self->id == id && self->store == store;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (IPD_IS_DOSSIER_VIEW (self), FALSE);
  if ((d = ipd_store_load_dossier (store, id, error)) == NULL
      || (events = ipd_store_list_events (store, id, error)) == NULL)
    return FALSE;
  tasks = list_tasks (store, id);

  remove_groups (self);
  g_set_object (&self->store, store);
  self->id = id;
  self->in_trash = d->deleted_at != NULL;
  gtk_label_set_label (self->title, d->name);
  subtitle = g_strdup_printf ("%s · %s", ipd_vocabulary_label (IPD_VOCAB_KIND, d->kind),
                              ipd_vocabulary_label (IPD_VOCAB_STATUS, d->status));
  gtk_label_set_label (self->subtitle, subtitle);
  show_next_deadline (self, tasks);
  add_general (self, d);
  add_mark_sample (self, d);
  add_kind_lists (self, d);
  add_parties (self, d);
  add_events (self, events, tasks);
  gtk_box_append (self->groups, ipd_dossier_view_receipt_group (self));
  ipd_attachment_list_show (self->attachments, store, id);
  add_history (self);
  /* the same dossier shown again (it changed) keeps its document open */
  if (!same || !ipd_dossier_view_is_showing_document (self))
    {
      close_document (self);
      gtk_stack_set_visible_child_name (self->stack, "dossier");
    }
  self->id = id;
  ipd_dossier_view_update_receipt_actions (self);
  return TRUE;
}

void
ipd_dossier_view_clear (IpdDossierView *self)
{
  g_return_if_fail (IPD_IS_DOSSIER_VIEW (self));
  remove_groups (self);
  close_document (self);
  ipd_attachment_list_clear (self->attachments);
  self->id = 0;
  self->in_trash = FALSE;
  ipd_dossier_view_update_receipt_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* Whether the dossier shown is in the trash (as of showing it). */
gboolean
ipd_dossier_view_is_in_trash (IpdDossierView *self)
{
  g_return_val_if_fail (IPD_IS_DOSSIER_VIEW (self), FALSE);
  return self->in_trash;
}

gint64
ipd_dossier_view_get_id (IpdDossierView *self)
{
  g_return_val_if_fail (IPD_IS_DOSSIER_VIEW (self), 0);
  return self->id;
}

static void
ipd_dossier_view_dispose (GObject *object)
{
  GtkWidget *child;

  IpdDossierView *self = IPD_DOSSIER_VIEW (object);

  g_cancellable_cancel (self->pictures);
  g_clear_object (&self->pictures);
  g_clear_object (&self->store);
  g_clear_pointer (&self->document_bytes, g_bytes_unref);
  g_clear_pointer (&self->document_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (object), IPD_TYPE_DOSSIER_VIEW);
  /* the template's root child is not bound: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (ipd_dossier_view_parent_class)->dispose (object);
}

static void
ipd_dossier_view_class_init (IpdDossierViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_dossier_view_dispose;
  /* Emitted when the officer changed the dossier from the view (an event). */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  g_type_ensure (IPD_TYPE_ATTACHMENT_LIST);
  g_type_ensure (IPD_TYPE_PDF_VIEW);
  ipd_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipdossiers/IpDossiers/ipd-dossier-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdDossierView, stack);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierView, title);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierView, subtitle);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierView, next_deadline);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierView, groups);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierView, late_groups);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierView, attachments);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierView, document_title);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierView, document_stack);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierView, pdf_view);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierView, picture);
  gtk_widget_class_bind_template_child (widget_class, IpdDossierView, document_window_button);
  gtk_widget_class_bind_template_callback (widget_class, on_open_document);
  gtk_widget_class_bind_template_callback (widget_class, on_attachments_changed);
  gtk_widget_class_install_action (widget_class, "dossier.close-document", NULL, close_document_action);
  gtk_widget_class_install_action (widget_class, "dossier.document-window", NULL, document_window_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "dossier.close-document", NULL);
  ipd_dossier_view_receipt_install_actions (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ipd_dossier_view_init (IpdDossierView *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->pictures = g_cancellable_new ();
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  g_signal_connect_object (drop, "enter", G_CALLBACK (on_drop_enter), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dossier.close-document", FALSE);
  ipd_dossier_view_update_receipt_actions (self);
}
