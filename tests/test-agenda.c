/* test-agenda.c — the agenda, the deadlines on the dossier page, the holidays
 * and the reminders, on a real register under Xvfb
 *
 * The sample records plus dossiers whose events set deadlines relative to
 * today: a filing 20 days ago (formality result due in about 10 days), one
 * 40 days ago (overdue), an office action with 2 months to answer, and a
 * granted mark whose term ended two months ago (renewal in grace). The
 * agenda's rows are checked against the store's own agenda and against
 * dates worked out here. Also saves screenshots (agenda-C.png,
 * agenda-vi.png, agenda-dossier.png, preferences-holidays.png).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "ipd-agenda-text.h"
#include "ipd-date.h"
#include "ipd-demo.h"
#include "ipd-preferences-window.h"
#include "ipd-settings.h"
#include "ipd-task.h"
#include "ipd-test-gui.h"
#include "ipd-test-util.h"
#include "ipd-window-private.h"

#define OFFICER_A "Cán bộ Thử nghiệm A"
#define OFFICER_B "Cán bộ Thử nghiệm B"

typedef struct {
  char      *directory;
  char      *path;
  IpdStore  *store;
  IpdWindow *window;
  char      *today;
  gint64     soon;      /* trademark filed 20 days ago, officer A */
  gint64     late;      /* GI filed 40 days ago, officer B */
  gint64     action;    /* collective mark accepted, with an office action 3 days ago, officer A */
  gint64     renewal;   /* trademark granted, its term ended 2 months and 5 days ago, officer B */
} Fixture;

/* Dates ------------------------------------------------------------------------ */

static char *
days_from_today (int days)
{
  g_autofree char *today = ipd_date_today ();
  g_autoptr(GDate) date = ipd_date_to_gdate (today);

  if (days >= 0)
    g_date_add_days (date, days);
  else
    g_date_subtract_days (date, -days);
  return ipd_date_from_gdate (date);
}

static char *
shown_date (const char *iso)
{
  return ipd_date_format (iso);
}

/* The register ------------------------------------------------------------------ */

static gint64
add_dossier (Fixture *f, const char *kind, const char *name, const char *officer, const char *filing_date)
{
  g_autoptr(IpdDossier) d = ipd_dossier_new (kind, name);
  g_autoptr(GError) error = NULL;

  d->officer = g_strdup (officer);
  d->filing_date = g_strdup (filing_date);
  if (!g_str_equal (kind, "gi"))
    ipd_dossier_add_class (d, 31, "Quả tươi");
  g_assert_true (ipd_store_save_dossier (f->store, d, &error));
  g_assert_no_error (error);
  return d->id;
}

static gint64
add_event (Fixture *f, gint64 dossier_id, const char *date, const char *type, int period_months)
{
  g_autoptr(IpdEvent) event = ipd_event_new (dossier_id, date, type);
  g_autoptr(GError) error = NULL;

  event->period_months = period_months;
  g_assert_true (ipd_store_save_event (f->store, event, &error));
  g_assert_no_error (error);
  return event->id;
}

static void
add_deadlines (Fixture *f)
{
  g_autofree char *day_20 = days_from_today (-20);
  g_autofree char *day_40 = days_from_today (-40);
  g_autofree char *day_50 = days_from_today (-50);
  g_autofree char *day_45 = days_from_today (-45);
  g_autofree char *day_3 = days_from_today (-3);
  g_autoptr(GDate) filed = ipd_date_to_gdate (f->today);
  g_autofree char *renewal_filed = NULL;
  g_autofree char *renewal_granted = NULL;

  f->soon = add_dossier (f, "trademark", "Mận Tam Hoa Bắc Hà", OFFICER_A, day_20);
  add_event (f, f->soon, day_20, "filed", 0);

  f->late = add_dossier (f, "gi", "Chè Shan tuyết Tà Xùa", OFFICER_B, day_40);
  add_event (f, f->late, day_40, "filed", 0);

  f->action = add_dossier (f, "collective", "Gạo Séng Cù Mường Khương", OFFICER_A, day_50);
  add_event (f, f->action, day_50, "filed", 0);
  add_event (f, f->action, day_45, "formality_accepted", 0);
  add_event (f, f->action, day_3, "office_action", 2);

  /* filed 10 years, 2 months and 5 days ago: the term ended 2 months and 5 days ago */
  g_date_subtract_years (filed, 10);
  g_date_subtract_months (filed, 2);
  g_date_subtract_days (filed, 5);
  renewal_filed = ipd_date_from_gdate (filed);
  g_date_add_years (filed, 1);
  renewal_granted = ipd_date_from_gdate (filed);
  f->renewal = add_dossier (f, "trademark", "Cam sành Hàm Yên", OFFICER_B, renewal_filed);
  add_event (f, f->renewal, renewal_granted, "granted", 0);
}

static void
fixture_set_up (Fixture *f, gconstpointer with_data)
{
  g_autoptr(GError) error = NULL;

  f->directory = ipd_test_make_dir ("ipd-agenda-XXXXXX");
  f->path = g_build_filename (f->directory, "register.sqlite", NULL);
  f->store = ipd_store_open (f->path, IPD_STORE_DEFAULT, &error);
  g_assert_no_error (error);
  f->today = ipd_date_today ();
  if (with_data)
    {
      g_assert_cmpint (ipd_demo_load (f->store, &error), ==, 11);
      g_assert_no_error (error);
      add_deadlines (f);
    }
  f->window = ipd_window_new (NULL, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  ipd_test_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* dialogs left open by a test */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);
      if (window != GTK_WINDOW (f->window))
        gtk_window_destroy (window);
    }
  gtk_window_destroy (GTK_WINDOW (f->window));
  ipd_test_iterate (20);
  g_clear_object (&f->store);
  ipd_test_remove_dir (f->directory);
  g_free (f->directory);
  g_free (f->path);
  g_free (f->today);
}

/* Widgets ------------------------------------------------------------------------ */

static char *
task_name (const char *prefix, gint64 id)
{
  return g_strdup_printf ("%s-%" G_GINT64_FORMAT, prefix, id);
}

static char *
texts_of (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  ipd_test_collect_labels (widget, text);
  return g_string_free (text, FALSE);
}

static const char *
agenda_page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (ipd_test_get_named (GTK_WIDGET (f->window->agenda), "agenda-stack")));
}

static void
show_agenda (Fixture *f)
{
  g_object_set (f->window, "agenda-shown", TRUE, NULL);
  ipd_test_iterate (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->content_stack), ==, "agenda");
}

/* The open task of @rule_id in the dossier, from the store. */
static IpdTask *
find_task (Fixture *f, gint64 dossier_id, const char *rule_id, IpdTaskState state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = ipd_store_list_tasks (f->store, dossier_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    {
      IpdTask *task = g_ptr_array_index (tasks, i);
      if (g_str_equal (task->rule_id, rule_id) && task->state == state)
        return ipd_task_ref (task);
    }
  g_error ("dossier %" G_GINT64_FORMAT " has no task %s in state %d", dossier_id, rule_id, state);
}

/* The row of @task in the agenda, or NULL. */
static GtkWidget *
agenda_row (Fixture *f, gint64 task_id)
{
  g_autofree char *name = task_name ("task", task_id);
  return ipd_test_find_named (GTK_WIDGET (f->window->agenda), name);
}

static GPtrArray *
store_agenda (Fixture *f, int days, const char *officer, const char *kind)
{
  IpdAgendaQuery query = { .today = f->today, .days = days, .officer = officer, .kind = kind };
  g_autoptr(GError) error = NULL;
  GPtrArray *tasks = ipd_store_agenda (f->store, &query, &error);

  g_assert_no_error (error);
  return tasks;
}

/* Which section a due date belongs to, worked out here from the calendar:
 * overdue, until Sunday, until the end of the month, later. */
static const char *
expected_section (Fixture *f, const char *due)
{
  g_autoptr(GDate) today = ipd_date_to_gdate (f->today);
  g_autoptr(GDate) date = ipd_date_to_gdate (due);
  int days = g_date_days_between (today, date);
  int to_sunday = 7 - (int) g_date_get_weekday (today);
  int to_month_end = (int) g_date_get_days_in_month (g_date_get_month (today), g_date_get_year (today))
                     - (int) g_date_get_day (today);

  if (days < 0)
    return "overdue";
  if (days <= to_sunday)
    return "this-week";
  if (days <= to_month_end)
    return "this-month";
  return "later";
}

/* Sections ----------------------------------------------------------------------- */

static void
test_sections (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) expected = store_agenda (f, IPD_AGENDA_DAYS, NULL, NULL);
  g_autoptr(IpdTask) soon = find_task (f, f->soon, "formality_result", IPD_TASK_OPEN);
  g_autoptr(IpdTask) late = find_task (f, f->late, "formality_result", IPD_TASK_OPEN);
  g_autoptr(IpdTask) answer = find_task (f, f->action, "office_action_response", IPD_TASK_OPEN);
  g_autoptr(IpdTask) renew = find_task (f, f->renewal, "renewal", IPD_TASK_OPEN);
  GPtrArray *listed;
  guint rows = 0;

  show_agenda (f);
  listed = ipd_agenda_view_get_tasks (f->window->agenda);
  g_assert_nonnull (listed);
  g_assert_cmpuint (listed->len, ==, expected->len);
  g_assert_cmpuint (expected->len, >=, 4);

  /* every task of the store's agenda has its row, in the section of its date */
  for (guint i = 0; i < expected->len; i++)
    {
      IpdTask *task = g_ptr_array_index (expected, i);
      GtkWidget *section = ipd_test_get_named (GTK_WIDGET (f->window->agenda), expected_section (f, task->due_date));
      g_autofree char *name = task_name ("task", task->id);

      g_assert_nonnull (ipd_test_find_named (section, name));
      g_assert_cmpint (((IpdTask *) g_ptr_array_index (listed, i))->id, ==, task->id);
      rows++;
    }
  g_assert_cmpuint (rows, ==, expected->len);

  /* the filing 20 days ago: its formality result is due a month after it */
  {
    g_autofree char *text = texts_of (agenda_row (f, soon->id));
    g_autoptr(GDate) due = ipd_date_to_gdate (f->today);
    g_autofree char *due_iso = NULL;
    g_autofree char *due_shown = NULL;
    g_autofree char *left = NULL;

    g_date_subtract_days (due, 20);
    g_date_add_months (due, 1);
    due_iso = ipd_date_from_gdate (due);
    due_shown = shown_date (due_iso);
    g_assert_cmpstr (soon->due_date, ==, due_iso);
    left = g_strdup_printf ("in %d days", ipd_agenda_days_between (f->today, due_iso));
    g_assert_nonnull (strstr (text, "Formality examination result due"));
    g_assert_nonnull (strstr (text, soon->reference));
    g_assert_nonnull (strstr (text, "Mận Tam Hoa Bắc Hà"));
    g_assert_nonnull (strstr (text, OFFICER_A));
    g_assert_nonnull (strstr (text, due_shown));
    g_assert_nonnull (strstr (text, left));
    g_assert_nonnull (strstr (text, "Law on IP, Art. 119(1)"));
    g_assert_nonnull (ipd_test_get_named (agenda_row (f, soon->id), task_name ("done-task", soon->id)));
  }

  /* the filing 40 days ago is overdue */
  {
    g_autofree char *text = texts_of (agenda_row (f, late->id));
    int overdue = -ipd_agenda_days_between (f->today, late->due_date);
    g_autofree char *days = g_strdup_printf ("%d days overdue", overdue);

    g_assert_cmpint (overdue, >=, 8);
    g_assert_nonnull (ipd_test_find_named (ipd_test_get_named (GTK_WIDGET (f->window->agenda), "overdue"),
                                           task_name ("task", late->id)));
    g_assert_nonnull (strstr (text, days));
    g_assert_nonnull (strstr (text, "Chè Shan tuyết Tà Xùa"));
  }

  /* the office action gave 2 months, on a working day */
  {
    g_autofree char *text = texts_of (agenda_row (f, answer->id));
    int days = ipd_agenda_days_between (f->today, answer->due_date);

    g_assert_cmpint (days, >=, 50);
    g_assert_cmpint (days, <=, 62);
    g_assert_nonnull (strstr (text, "Respond to the office action"));
    g_assert_nonnull (strstr (text, "Art. 117"));
  }

  /* the term ended 2 months and 5 days ago: in grace, three months begun, 10 % each */
  {
    g_autofree char *text = texts_of (agenda_row (f, renew->id));

    g_assert_cmpint (ipd_agenda_days_between (f->today, renew->due_date), <, -60);
    g_assert_cmpstr (renew->grace_until, >, f->today);
    g_assert_nonnull (strstr (text, "Request renewal of the certificate"));
    g_assert_nonnull (strstr (text, "in grace: +30 %"));
  }

  {
    g_autofree char *count = g_strdup_printf ("%u deadlines", expected->len);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (ipd_test_get_named (GTK_WIDGET (f->window->agenda), "agenda-count"))), ==, count);
  }
}

static guint
choose (GtkDropDown *filter, const char *label)
{
  GListModel *model = gtk_drop_down_get_model (filter);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      {
        gtk_drop_down_set_selected (filter, i);
        ipd_test_iterate (10);
        return i;
      }
  g_error ("no “%s” to choose", label);
}

static void
assert_listed (Fixture *f, GPtrArray *expected)
{
  GPtrArray *listed = ipd_agenda_view_get_tasks (f->window->agenda);

  g_assert_cmpuint (listed->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      IpdTask *task = g_ptr_array_index (expected, i);
      g_assert_cmpint (((IpdTask *) g_ptr_array_index (listed, i))->id, ==, task->id);
      g_assert_nonnull (agenda_row (f, task->id));
    }
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  GtkDropDown *officer = GTK_DROP_DOWN (ipd_test_get_named (GTK_WIDGET (f->window->agenda), "agenda-officer"));
  GtkDropDown *kind = GTK_DROP_DOWN (ipd_test_get_named (GTK_WIDGET (f->window->agenda), "agenda-kind"));
  g_autoptr(GPtrArray) all = store_agenda (f, IPD_AGENDA_DAYS, NULL, NULL);
  g_autoptr(GPtrArray) of_a = store_agenda (f, IPD_AGENDA_DAYS, OFFICER_A, NULL);
  g_autoptr(GPtrArray) gis = store_agenda (f, IPD_AGENDA_DAYS, NULL, "gi");
  g_autoptr(GPtrArray) none = store_agenda (f, IPD_AGENDA_DAYS, OFFICER_A, "gi");
  g_autoptr(IpdTask) late = find_task (f, f->late, "formality_result", IPD_TASK_OPEN);

  show_agenda (f);
  g_assert_cmpuint (of_a->len, >=, 2);
  g_assert_cmpuint (of_a->len, <, all->len);
  for (guint i = 0; i < of_a->len; i++)
    g_assert_cmpstr (((IpdTask *) g_ptr_array_index (of_a, i))->officer, ==, OFFICER_A);

  choose (officer, OFFICER_A);
  assert_listed (f, of_a);
  g_assert_null (agenda_row (f, late->id));

  choose (officer, "All officers");
  choose (kind, "Geographical indication");
  assert_listed (f, gis);
  g_assert_nonnull (agenda_row (f, late->id));
  for (guint i = 0; i < gis->len; i++)
    g_assert_cmpstr (((IpdTask *) g_ptr_array_index (gis, i))->kind, ==, "gi");

  /* nothing of officer A is a GI: the empty page says why */
  g_assert_cmpuint (none->len, ==, 0);
  choose (officer, OFFICER_A);
  g_assert_cmpstr (agenda_page (f), ==, "empty");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (ipd_test_get_named (GTK_WIDGET (f->window->agenda), "agenda-empty"))), "officer or kind"));

  choose (officer, "All officers");
  choose (kind, "All kinds");
  assert_listed (f, all);
  g_assert_cmpstr (agenda_page (f), ==, "agenda");
}

/* Mark done ---------------------------------------------------------------------- */

static AdwMessageDialog *
click_done (Fixture *f, gint64 task_id)
{
  g_autofree char *name = task_name ("done-task", task_id);
  AdwMessageDialog *dialog;

  g_assert_null (ADW_MESSAGE_DIALOG (ipd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  g_signal_emit_by_name (ipd_test_get_named (GTK_WIDGET (f->window->agenda), name), "clicked");
  ipd_test_iterate (20);
  dialog = ADW_MESSAGE_DIALOG (ipd_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  return dialog;
}

static void
answer (AdwMessageDialog *dialog, const char *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ipd_test_iterate (20);
}

static GtkWidget *
button_labelled (GtkWidget *within, const char *label)
{
  GtkWidget *found = ipd_test_find_button (within, label);

  if (found == NULL)
    g_error ("no button “%s”", label);
  return found;
}

static guint
count_events (Fixture *f, gint64 dossier_id)
{
  g_autoptr(GPtrArray) events = ipd_store_list_events (f->store, dossier_id, NULL);
  return events->len;
}

static void
test_mark_done (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdTask) soon = find_task (f, f->soon, "formality_result", IPD_TASK_OPEN);
  g_autoptr(IpdTask) done = NULL;
  g_autoptr(IpdDossier) dossier = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *yesterday = days_from_today (-1);
  g_autofree char *yesterday_shown = shown_date (yesterday);
  g_autofree char *today_shown = shown_date (f->today);
  g_autofree char *tomorrow = days_from_today (1);
  g_autofree char *tomorrow_shown = shown_date (tomorrow);
  g_autofree char *before_filing = days_from_today (-30);
  g_autofree char *before_filing_shown = shown_date (before_filing);
  guint n_events = count_events (f, f->soon);
  AdwMessageDialog *dialog;
  GtkEditable *entry;

  show_agenda (f);
  g_assert_nonnull (agenda_row (f, soon->id));

  /* the date asked for is today's, and a wrong one cannot be confirmed */
  dialog = click_done (f, soon->id);
  entry = GTK_EDITABLE (ipd_test_get_named (GTK_WIDGET (dialog), "done-date"));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, today_shown);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "done"));
  gtk_editable_set_text (entry, "31/02/2026");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "done"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  gtk_editable_set_text (entry, "hôm qua");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "done"));
  answer (dialog, "cancel");
  g_assert_cmpuint (count_events (f, f->soon), ==, n_events);

  /* a date in the future, or before the filing, is refused by the register: nothing recorded */
  dialog = click_done (f, soon->id);
  gtk_editable_set_text (GTK_EDITABLE (ipd_test_get_named (GTK_WIDGET (dialog), "done-date")), tomorrow_shown);
  answer (dialog, "done");
  g_assert_cmpuint (count_events (f, f->soon), ==, n_events);
  g_assert_nonnull (agenda_row (f, soon->id));
  dialog = click_done (f, soon->id);
  gtk_editable_set_text (GTK_EDITABLE (ipd_test_get_named (GTK_WIDGET (dialog), "done-date")), before_filing_shown);
  answer (dialog, "done");
  g_assert_cmpuint (count_events (f, f->soon), ==, n_events);
  g_assert_nonnull (agenda_row (f, soon->id));

  /* done yesterday: the event that completes it is recorded */
  dialog = click_done (f, soon->id);
  gtk_editable_set_text (GTK_EDITABLE (ipd_test_get_named (GTK_WIDGET (dialog), "done-date")), yesterday_shown);
  answer (dialog, "done");
  events = ipd_store_list_events (f->store, f->soon, NULL);
  g_assert_cmpuint (events->len, ==, n_events + 1);
  {
    IpdEvent *last = g_ptr_array_index (events, events->len - 1);
    g_assert_cmpstr (last->type, ==, soon->completed_by);
    g_assert_cmpstr (last->date, ==, yesterday);
  }
  done = find_task (f, f->soon, "formality_result", IPD_TASK_DONE);
  g_assert_cmpint (done->id, ==, soon->id);
  g_assert_cmpstr (done->done_date, ==, yesterday);
  /* the row is gone, the dossier's status follows the event */
  g_assert_null (agenda_row (f, soon->id));
  for (guint i = 0; i < ipd_agenda_view_get_tasks (f->window->agenda)->len; i++)
    g_assert_cmpint (((IpdTask *) g_ptr_array_index (ipd_agenda_view_get_tasks (f->window->agenda), i))->id, !=, soon->id);
  dossier = ipd_store_load_dossier (f->store, f->soon, NULL);
  g_assert_cmpstr (dossier->status, ==, "accepted");

  /* the toast's Undo takes the event back, and the task is open again */
  ipd_test_wait_ms (200);
  g_signal_emit_by_name (button_labelled (GTK_WIDGET (f->window->toasts), "_Undo"), "clicked");
  ipd_test_iterate (20);
  g_assert_cmpuint (count_events (f, f->soon), ==, n_events);
  g_clear_pointer (&done, ipd_task_unref);
  done = find_task (f, f->soon, "formality_result", IPD_TASK_OPEN);
  g_assert_nonnull (agenda_row (f, done->id));
}

static void
test_open_dossier (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdTask) late = find_task (f, f->late, "formality_result", IPD_TASK_OPEN);

  show_agenda (f);
  g_signal_emit_by_name (agenda_row (f, late->id), "activated");
  ipd_test_iterate (20);
  g_assert_cmpint (ipd_dossier_view_get_id (f->window->dossier_view), ==, f->late);
  /* the agenda stays, beside the dossier */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->content_stack), ==, "agenda");
}

/* Ctrl+G shows and hides the agenda; typing a search goes back to the list. */
static void
test_show_and_hide (Fixture *f, gconstpointer data)
{
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->content_stack), ==, "dossiers");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-agenda", NULL));
  ipd_test_iterate (10);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->content_stack), ==, "agenda");
  g_assert_nonnull (ipd_agenda_view_get_tasks (f->window->agenda));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-agenda", NULL));
  ipd_test_iterate (10);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->content_stack), ==, "dossiers");

  /* the search entry reports the text after its delay */
  show_agenda (f);
  ipd_window_search (f->window, "mận");
  ipd_test_wait_ms (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (f->window->content_stack), ==, "dossiers");
  g_assert_cmpuint (ipd_window_get_n_listed (f->window), ==, 1);
}

/* The agenda fits where the list does, in a window folded to a phone's width. */
static void
test_fits_narrow (Fixture *f, gconstpointer data)
{
  int minimum, natural;

  show_agenda (f);
  gtk_widget_measure (GTK_WIDGET (f->window->agenda), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("agenda: minimum width %d, natural %d", minimum, natural);
  g_assert_cmpint (minimum, <=, 360);

  /* folded: the agenda takes the window */
  g_object_set (f->window, "agenda-shown", FALSE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  ipd_test_wait_ms (300);
  g_assert_true (adw_leaflet_get_folded (f->window->leaflet));
  show_agenda (f);
  ipd_test_wait_ms (300);
  g_assert_true (adw_leaflet_get_visible_child (f->window->leaflet) == f->window->list_pane);
  ipd_test_save_screenshot (GTK_WIDGET (f->window), "agenda-narrow.png");
}

static void
test_empty (Fixture *f, gconstpointer data)
{
  show_agenda (f);
  g_assert_cmpstr (agenda_page (f), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (ipd_test_get_named (GTK_WIDGET (f->window->agenda), "agenda-empty"))), ==, "Nothing Due in the Next 90 Days");
  /* nothing to export */
  g_assert_false (gtk_widget_is_sensitive (ipd_test_get_named (GTK_WIDGET (f->window->agenda), "agenda-export")));
  g_assert_cmpuint (ipd_agenda_view_get_tasks (f->window->agenda)->len, ==, 0);
}

/* The dossier page ----------------------------------------------------------------- */

static void
test_dossier_page (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdTask) publication = find_task (f, f->action, "publication", IPD_TASK_OPEN);
  g_autoptr(IpdTask) answer_task = find_task (f, f->action, "office_action_response", IPD_TASK_OPEN);
  g_autoptr(IpdTask) formality = find_task (f, f->action, "formality_result", IPD_TASK_DONE);
  g_autoptr(GPtrArray) events = ipd_store_list_events (f->store, f->action, NULL);
  g_autofree char *due = shown_date (publication->due_date);
  g_autofree char *done_on = shown_date (formality->done_date);
  g_autofree char *expected = g_strdup_printf ("Next deadline: %s — Publication in the Industrial Property Gazette due (in %d days)",
                                               due, ipd_agenda_days_between (f->today, publication->due_date));
  GtkWidget *view = GTK_WIDGET (f->window->dossier_view);
  GtkWidget *next, *done_row, *first_event, *answer_row;
  g_autofree char *done_text = NULL;
  g_autofree char *answer_text = NULL;

  /* the publication (2 months after acceptance, 45 days ago) comes before the answer */
  g_assert_cmpstr (publication->due_date, <, answer_task->due_date);
  ipd_window_open_dossier (f->window, f->action);
  ipd_test_iterate (20);

  next = ipd_test_get_named (view, "next-deadline");
  g_assert_true (gtk_widget_get_visible (next));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (next)), ==, expected);

  /* open and done deadlines stand among the events, which keep their buttons */
  answer_row = ipd_test_get_named (view, task_name ("deadline", answer_task->id));
  answer_text = texts_of (answer_row);
  g_assert_nonnull (strstr (answer_text, "Respond to the office action"));
  g_assert_false (gtk_widget_has_css_class (answer_row, "dim-label"));
  done_row = ipd_test_get_named (view, task_name ("deadline", formality->id));
  done_text = texts_of (done_row);
  g_assert_true (gtk_widget_has_css_class (done_row, "dim-label"));
  g_assert_nonnull (strstr (done_text, done_on));
  g_assert_nonnull (strstr (done_text, "done on"));
  for (guint i = 0; i < events->len; i++)
    {
      IpdEvent *event = g_ptr_array_index (events, i);
      g_assert_nonnull (ipd_test_get_named (view, task_name ("edit-event", event->id)));
      g_assert_nonnull (ipd_test_get_named (view, task_name ("delete-event", event->id)));
    }

  /* newest first: the answer's deadline above the office action, above the acceptance */
  first_event = ipd_test_get_named (view, task_name ("edit-event", ((IpdEvent *) g_ptr_array_index (events, 0))->id));
  {
    graphene_point_t a, b;
    GtkWidget *office_action = ipd_test_get_named (view, task_name ("edit-event", ((IpdEvent *) g_ptr_array_index (events, 2))->id));

    g_assert_true (gtk_widget_compute_point (answer_row, view, &GRAPHENE_POINT_INIT (0, 0), &a));
    g_assert_true (gtk_widget_compute_point (office_action, view, &GRAPHENE_POINT_INIT (0, 0), &b));
    g_assert_cmpfloat (a.y, <, b.y);
    g_assert_true (gtk_widget_compute_point (first_event, view, &GRAPHENE_POINT_INIT (0, 0), &a));
    g_assert_cmpfloat (b.y, <, a.y);
  }
  ipd_test_wait_ms (300);
  ipd_test_save_screenshot (GTK_WIDGET (f->window), "agenda-dossier.png");

  /* no open deadline: no line in the header */
  ipd_window_open_dossier (f->window, f->renewal);
  ipd_test_iterate (10);
  g_assert_true (gtk_widget_get_visible (ipd_test_get_named (view, "next-deadline")));
  {
    g_autoptr(IpdDossier) lai_chau = ipd_store_find_dossier (f->store, "IPD-2026-0001", NULL);
    g_autoptr(GPtrArray) tasks = lai_chau ? ipd_store_list_tasks (f->store, lai_chau->id, NULL) : NULL;
    gboolean open = FALSE;

    for (guint i = 0; tasks != NULL && i < tasks->len; i++)
      open |= ((IpdTask *) g_ptr_array_index (tasks, i))->state == IPD_TASK_OPEN;
    if (lai_chau != NULL && !open)
      {
        ipd_window_open_dossier (f->window, lai_chau->id);
        ipd_test_iterate (10);
        g_assert_false (gtk_widget_get_visible (ipd_test_get_named (view, "next-deadline")));
      }
  }
}

/* Export ------------------------------------------------------------------------- */

static guint
count_occurrences (const char *text, const char *what)
{
  guint n = 0;

  for (const char *p = strstr (text, what); p != NULL; p = strstr (p + 1, what))
    n++;
  return n;
}

static void
test_export_ics (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->directory, "deadlines.ics", NULL);
  g_autofree char *missing = g_build_filename (f->directory, "no-such-folder", "deadlines.ics", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *listed;

  show_agenda (f);
  listed = ipd_agenda_view_get_tasks (f->window->agenda);
  g_assert_true (ipd_agenda_view_export (f->window->agenda, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR"));
  g_assert_cmpuint (count_occurrences (contents, "BEGIN:VEVENT"), ==, listed->len);
  for (guint i = 0; i < listed->len; i++)
    g_assert_nonnull (strstr (contents, ((IpdTask *) g_ptr_array_index (listed, i))->reference));
  g_clear_pointer (&contents, g_free);

  /* only what the filters show */
  choose (GTK_DROP_DOWN (ipd_test_get_named (GTK_WIDGET (f->window->agenda), "agenda-kind")), "Geographical indication");
  listed = ipd_agenda_view_get_tasks (f->window->agenda);
  g_assert_true (ipd_agenda_view_export (f->window->agenda, path, &error));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpuint (count_occurrences (contents, "BEGIN:VEVENT"), ==, listed->len);
  g_assert_null (strstr (contents, "Mận Tam Hoa"));

  /* a folder that is not there: an error, and no file */
  g_assert_false (ipd_agenda_view_export (f->window->agenda, missing, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* Holidays ------------------------------------------------------------------------- */

static IpdPreferencesWindow *
open_holidays (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  IpdPreferencesWindow *preferences = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (IPD_IS_PREFERENCES_WINDOW (window))
        preferences = IPD_PREFERENCES_WINDOW (window);
    }
  g_assert_nonnull (preferences);
  ipd_test_present (GTK_WINDOW (preferences));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "holidays");
  ipd_test_iterate (10);
  return preferences;
}

static gboolean
holiday_listed (Fixture *f, const char *date, const char *name, gboolean off)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) holidays = ipd_store_list_holidays (f->store, atoi (date), &error);

  g_assert_no_error (error);
  for (guint i = 0; i < holidays->len; i++)
    {
      IpdHoliday *holiday = g_ptr_array_index (holidays, i);
      if (g_str_equal (holiday->date, date))
        return (name == NULL || g_str_equal (holiday->name, name)) && holiday->off == off;
    }
  return FALSE;
}

/* Waits for the worker that changes the holidays. */
static void
wait_until_idle (IpdPreferencesWindow *preferences)
{
  GtkWidget *add = ipd_test_get_named (GTK_WIDGET (preferences), "add-holiday");
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  ipd_test_iterate (5);
  while (!gtk_widget_is_sensitive (add) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_is_sensitive (add));
  ipd_test_iterate (10);
}

static void
type_holiday (IpdPreferencesWindow *preferences, const char *date, const char *name, gboolean working)
{
  gtk_editable_set_text (GTK_EDITABLE (ipd_test_get_named (GTK_WIDGET (preferences), "holiday-date")), date);
  gtk_editable_set_text (GTK_EDITABLE (ipd_test_get_named (GTK_WIDGET (preferences), "holiday-name")), name);
  gtk_switch_set_active (GTK_SWITCH (ipd_test_get_named (GTK_WIDGET (preferences), "holiday-working")), working);
  g_signal_emit_by_name (ipd_test_get_named (GTK_WIDGET (preferences), "add-holiday"), "clicked");
  wait_until_idle (preferences);
}

static void
test_holidays (Fixture *f, gconstpointer data)
{
  g_autoptr(IpdTask) answer_task = find_task (f, f->action, "office_action_response", IPD_TASK_OPEN);
  g_autoptr(IpdTask) moved = NULL;
  g_autofree char *due_shown = shown_date (answer_task->due_date);
  g_autofree char *remove_name = g_strdup_printf ("remove-holiday-%s", answer_task->due_date);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = ipd_store_list_holidays (f->store, 0, &error);
  g_autoptr(GPtrArray) after = NULL;
  IpdPreferencesWindow *preferences;
  GtkWidget *date_row;
  int year = atoi (answer_task->due_date);

  g_assert_no_error (error);
  g_assert_cmpuint (before->len, >, 100);   /* 2020–2035, seeded from the built-in table */
  if (year > 2035)
    {
      g_test_skip ("the office action's deadline is after the holiday table");
      return;
    }
  show_agenda (f);
  preferences = open_holidays (f);

  /* wrong input: said, and nothing saved */
  date_row = ipd_test_get_named (GTK_WIDGET (preferences), "holiday-date");
  type_holiday (preferences, "31/13/2026", "Ngày lỗi", FALSE);
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  type_holiday (preferences, "01/01/2040", "Ngày lỗi", FALSE);
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  gtk_widget_remove_css_class (date_row, "error");
  type_holiday (preferences, due_shown, "   ", FALSE);
  g_assert_true (gtk_widget_has_css_class (ipd_test_get_named (GTK_WIDGET (preferences), "holiday-name"), "error"));
  after = ipd_store_list_holidays (f->store, 0, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* a day off on the office action's deadline moves it to the next working day */
  type_holiday (preferences, due_shown, "Ngày nghỉ thử nghiệm", FALSE);
  g_assert_true (holiday_listed (f, answer_task->due_date, "Ngày nghỉ thử nghiệm", TRUE));
  g_assert_nonnull (ipd_test_find_named (GTK_WIDGET (preferences), remove_name));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "");
  moved = find_task (f, f->action, "office_action_response", IPD_TASK_OPEN);
  g_assert_cmpstr (moved->due_date, >, answer_task->due_date);
  /* the agenda beside shows the new date */
  {
    g_autofree char *text = texts_of (agenda_row (f, moved->id));
    g_autofree char *moved_shown = shown_date (moved->due_date);
    g_assert_nonnull (strstr (text, moved_shown));
  }
  ipd_test_wait_ms (300);
  ipd_test_save_screenshot (GTK_WIDGET (preferences), "preferences-holidays.png");

  /* removed again: the deadline comes back */
  g_signal_emit_by_name (ipd_test_get_named (GTK_WIDGET (preferences), remove_name), "clicked");
  wait_until_idle (preferences);
  g_assert_false (holiday_listed (f, answer_task->due_date, NULL, TRUE));
  g_assert_null (ipd_test_find_named (GTK_WIDGET (preferences), remove_name));
  g_clear_pointer (&moved, ipd_task_unref);
  moved = find_task (f, f->action, "office_action_response", IPD_TASK_OPEN);
  g_assert_cmpstr (moved->due_date, ==, answer_task->due_date);
  after = ipd_store_list_holidays (f->store, 0, NULL);
  g_assert_cmpuint (after->len, ==, before->len);

  /* a make-up working Saturday is kept as one */
  type_holiday (preferences, "07/11/2026", "Ngày làm bù thử nghiệm", TRUE);
  g_assert_true (holiday_listed (f, "2026-11-07", "Ngày làm bù thử nghiệm", FALSE));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (ipd_test_get_named (GTK_WIDGET (preferences), "holiday-year"))),
                    ==, 2026 - 2020);
  g_assert_nonnull (ipd_test_find_named (GTK_WIDGET (preferences), "remove-holiday-2026-11-07"));

  gtk_window_destroy (GTK_WINDOW (preferences));
  ipd_test_iterate (10);
}

/* Reminders ------------------------------------------------------------------------ */

static void
test_reminder_text (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) week = store_agenda (f, IPD_REMINDER_DAYS, NULL, NULL);
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  guint overdue = 0, soon = 0, late = 0, coming = 0;
  g_autoptr(GError) error = NULL;

  g_assert_null (ipd_agenda_reminder_text (0, 0));
  text = ipd_agenda_reminder_text (1, 0);
  g_assert_cmpstr (text, ==, "1 deadline is overdue.");
  g_free (text);
  text = ipd_agenda_reminder_text (2, 0);
  g_assert_cmpstr (text, ==, "2 deadlines are overdue.");
  g_free (text);
  text = ipd_agenda_reminder_text (0, 1);
  g_assert_cmpstr (text, ==, "1 deadline is due within 7 days.");
  g_free (text);
  text = ipd_agenda_reminder_text (2, 3);
  g_assert_cmpstr (text, ==, "2 deadlines overdue, 3 due within 7 days.");
  g_free (text);
  text = ipd_agenda_reminder_text (1, 1);
  g_assert_cmpstr (text, ==, "1 deadline overdue, 1 due within 7 days.");
  g_clear_pointer (&text, g_free);

  /* the counts of the register: the fixture's overdue filing and renewal at least */
  g_assert_true (ipd_agenda_count_reminders (f->store, f->today, &overdue, &soon, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < week->len; i++)
    {
      IpdTask *task = g_ptr_array_index (week, i);
      if (strcmp (task->due_date, f->today) < 0)
        late++;
      else
        {
          g_assert_cmpint (ipd_agenda_days_between (f->today, task->due_date), <=, 7);
          coming++;
        }
    }
  g_assert_cmpuint (overdue, ==, late);
  g_assert_cmpuint (soon, ==, coming);
  g_assert_cmpuint (overdue, >=, 2);
  expected = ipd_agenda_reminder_text (overdue, soon);
  g_assert_nonnull (expected);

  /* the words of the days left */
  {
    g_autofree char *in_3 = days_from_today (3);
    g_autofree char *ago_1 = days_from_today (-1);
    g_autofree char *a = ipd_agenda_days_left_text (in_3, f->today);
    g_autofree char *b = ipd_agenda_days_left_text (ago_1, f->today);
    g_autofree char *c = ipd_agenda_days_left_text (f->today, f->today);
    g_assert_cmpstr (a, ==, "in 3 days");
    g_assert_cmpstr (b, ==, "1 day overdue");
    g_assert_cmpstr (c, ==, "due today");
  }
  /* sections on fixed dates: Wednesday 15/04/2026 */
  g_assert_cmpint (ipd_agenda_section_of ("2026-04-14", "2026-04-15"), ==, IPD_AGENDA_OVERDUE);
  g_assert_cmpint (ipd_agenda_section_of ("2026-04-19", "2026-04-15"), ==, IPD_AGENDA_THIS_WEEK);
  g_assert_cmpint (ipd_agenda_section_of ("2026-04-20", "2026-04-15"), ==, IPD_AGENDA_THIS_MONTH);
  g_assert_cmpint (ipd_agenda_section_of ("2026-04-30", "2026-04-15"), ==, IPD_AGENDA_THIS_MONTH);
  g_assert_cmpint (ipd_agenda_section_of ("2026-05-01", "2026-04-15"), ==, IPD_AGENDA_LATER);
  /* a week that runs into the next month is still this week */
  g_assert_cmpint (ipd_agenda_section_of ("2026-05-03", "2026-04-29"), ==, IPD_AGENDA_THIS_WEEK);
}

/* The surcharge in grace: 10 % per month begun after the expiry. */
static void
test_surcharge (void)
{
  g_autoptr(IpdTask) task = ipd_task_new ();

  task->due_date = g_strdup ("2026-01-31");
  task->grace_until = g_strdup ("2026-07-31");
  task->surcharge_percent_per_month = 10;
  g_assert_cmpint (ipd_agenda_surcharge_percent (task, "2026-01-31"), ==, 0);
  g_assert_cmpint (ipd_agenda_surcharge_percent (task, "2026-02-01"), ==, 10);
  g_assert_cmpint (ipd_agenda_surcharge_percent (task, "2026-02-28"), ==, 10);
  g_assert_cmpint (ipd_agenda_surcharge_percent (task, "2026-03-01"), ==, 20);
  g_assert_cmpint (ipd_agenda_surcharge_percent (task, "2026-07-31"), ==, 60);
  g_assert_cmpint (ipd_agenda_surcharge_percent (task, "2026-08-01"), ==, 0);   /* after the grace */
  task->surcharge_percent_per_month = 0;
  g_assert_cmpint (ipd_agenda_surcharge_percent (task, "2026-03-01"), ==, 0);
}

/* The reminders can be turned off in Preferences. */
static void
test_reminders_setting (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = ipd_settings_new ();
  IpdPreferencesWindow *preferences = ipd_preferences_window_new (GTK_WINDOW (f->window), f->store);
  GtkSwitch *on;

  if (settings == NULL)
    {
      g_test_skip ("the settings schema is not installed");
      gtk_window_destroy (GTK_WINDOW (preferences));
      return;
    }
  g_assert_true (g_settings_get_boolean (settings, "deadline-reminders"));
  on = GTK_SWITCH (ipd_test_get_named (GTK_WIDGET (preferences), "deadline-reminders"));
  g_assert_true (gtk_switch_get_active (on));
  gtk_switch_set_active (on, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "deadline-reminders"));
  gtk_switch_set_active (on, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "deadline-reminders"));
  gtk_window_destroy (GTK_WINDOW (preferences));
  ipd_test_iterate (10);
}

/* Screenshot ------------------------------------------------------------------------ */

static void
test_screenshot (Fixture *f, gconstpointer data)
{
  g_autofree char *name = g_strdup_printf ("agenda-%s.png", g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "C");

  show_agenda (f);
  ipd_window_open_dossier (f->window, f->action);
  ipd_test_wait_ms (400);
  g_assert_cmpuint (ipd_agenda_view_get_tasks (f->window->agenda)->len, >=, 4);
  ipd_test_save_screenshot (GTK_WIDGET (f->window), name);
}

int
main (int argc, char **argv)
{
  /* LANGUAGE=vi gives the Vietnamese screenshot; the checks of English
   * labels run in the untranslated (C) run only. */
  gboolean translated = ipd_test_init_gui (&argc, &argv);

  if (!translated)
    {
      g_test_add ("/agenda/sections", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_sections, fixture_tear_down);
      g_test_add ("/agenda/filters", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_filters, fixture_tear_down);
      g_test_add ("/agenda/mark-done", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_mark_done, fixture_tear_down);
      g_test_add ("/agenda/open-dossier", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_open_dossier, fixture_tear_down);
      g_test_add ("/agenda/show-and-hide", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_show_and_hide, fixture_tear_down);
      g_test_add ("/agenda/fits-narrow", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_fits_narrow, fixture_tear_down);
      g_test_add ("/agenda/empty", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_empty, fixture_tear_down);
      g_test_add ("/agenda/dossier-page", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_dossier_page, fixture_tear_down);
      g_test_add ("/agenda/export-ics", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_export_ics, fixture_tear_down);
      g_test_add ("/agenda/holidays", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_holidays, fixture_tear_down);
      g_test_add ("/agenda/reminder-text", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_reminder_text, fixture_tear_down);
      g_test_add_func ("/agenda/surcharge", test_surcharge);
      g_test_add ("/agenda/reminders-setting", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up, test_reminders_setting, fixture_tear_down);
    }
  g_test_add ("/agenda/screenshot", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up, test_screenshot, fixture_tear_down);
  return g_test_run ();
}
