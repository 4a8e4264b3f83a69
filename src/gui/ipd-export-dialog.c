/* ipd-export-dialog.c — exports a register or the statistics to .xlsx
 *
 * The officer picks the report, the period (a quarter, a year or two
 * dates; the last finished quarter by default, since registers are sent
 * after the quarter ends) and the dossiers it covers, then a file. The
 * choices of officer and province are those of the register, counted on
 * a worker so that the dialog opens at once on a large register.
 *
 * The export runs on a worker thread through a read-only connection of
 * its own (a store serves one thread); its progress reaches the bar
 * through the main loop, at most a few times a second. Stopping the export
 * or closing the dialog cancels it, and the core then leaves no file. On
 * success the dialog closes and the window's toast offers to open the
 * workbook; on failure the reason shows in the dialog and the choices stay.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-date.h"
#include "ipd-export-dialog.h"
#include "ipd-gui.h"
#include "ipd-text.h"
#include "ipd-vocabulary.h"

#define PROGRESS_INTERVAL_US (100 * 1000)   /* the bar moves at most ten times a second */

enum { PERIOD_QUARTER, PERIOD_YEAR, PERIOD_RANGE };
enum { FILTER_KIND, FILTER_STATUS, FILTER_OFFICER, FILTER_PROVINCE, N_FILTERS };

struct _IpdExportDialog
{
  AdwWindow          parent_instance;

  GtkLabel          *error_label;
  AdwPreferencesPage *form;
  AdwComboRow       *report_row;
  AdwComboRow       *period_row;
  AdwComboRow       *quarter_row;
  GtkWidget         *year_row;
  GtkSpinButton     *year_spin;
  AdwEntryRow       *from_row;
  AdwEntryRow       *to_row;
  GtkLabel          *period_error_label;
  AdwComboRow       *filter_rows[N_FILTERS];
  GtkRevealer       *progress_revealer;
  GtkProgressBar    *progress_bar;

  IpdStore          *store;
  AdwToastOverlay   *toasts;
  GPtrArray         *values[N_FILTERS];   /* char *: each choice's value, NULL for “all” first */
  char              *wanted[N_FILTERS];   /* asked for before the officers and provinces came */
  GCancellable      *loading;
  GCancellable      *exporting;           /* NULL but while exporting */
  IpdExportProgress  hook;
  gpointer           hook_data;
  gboolean           ready;               /* the template is built and filled */
  gboolean           disposed;
};

G_DEFINE_FINAL_TYPE (IpdExportDialog, ipd_export_dialog, ADW_TYPE_WINDOW)

static const char *all_labels[N_FILTERS] = {
  N_("All kinds"), N_("All statuses"), N_("All officers"), N_("All provinces"),
};

/* The workbooks are Vietnamese official documents, so their names are
 * Vietnamese, without diacritics: safe on every disk and in e-mail. */
static const char *file_prefixes[] = {
  [IPD_EXPORT_REPORT_APPLICATIONS] = "so-theo-doi-don",
  [IPD_EXPORT_REPORT_TITLES]       = "so-theo-doi-van-bang",
  [IPD_EXPORT_REPORT_STATISTICS]   = "thong-ke",
};

typedef gboolean (*ExportFunc) (IpdStore *store, const IpdReportPeriod *period,
                                const IpdQuery *filters, const char *path,
                                IpdExportProgress progress, gpointer user_data,
                                GCancellable *cancellable, GError **error);

static const ExportFunc export_funcs[] = {
  [IPD_EXPORT_REPORT_APPLICATIONS] = ipd_export_applications,
  [IPD_EXPORT_REPORT_TITLES]       = ipd_export_titles,
  [IPD_EXPORT_REPORT_STATISTICS]   = ipd_export_statistics,
};

/* Choices ------------------------------------------------------------------------------ */

static const char *
chosen_value (IpdExportDialog *self, int filter)
{
  guint selected = adw_combo_row_get_selected (self->filter_rows[filter]);
  return selected < self->values[filter]->len ? g_ptr_array_index (self->values[filter], selected) : NULL;
}

/* Lists @values (labelled @labels, or by themselves) after “all”. */
static void
set_choices (IpdExportDialog *self, int filter, const char *const *values, const char *const *labels, guint n)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->values[filter], 0);
  g_ptr_array_add (self->values[filter], NULL);
  gtk_string_list_append (model, _(all_labels[filter]));
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (self->values[filter], g_strdup (values[i]));
      gtk_string_list_append (model, labels ? labels[i] : values[i]);
    }
  adw_combo_row_set_model (self->filter_rows[filter], G_LIST_MODEL (model));
}

static void
set_vocabulary_choices (IpdExportDialog *self, int filter, IpdVocabulary vocabulary)
{
  guint n;
  const IpdTerm *terms = ipd_vocabulary_terms (vocabulary, &n);
  g_autofree const char **codes = g_new0 (const char *, n);
  g_autofree const char **labels = g_new0 (const char *, n);

  for (guint i = 0; i < n; i++)
    {
      codes[i] = terms[i].code;
      labels[i] = _(terms[i].label);
    }
  set_choices (self, filter, codes, labels, n);
}

/* Chooses @value; one the register does not list (any more) is added, so
 * that what was asked for is what is shown. */
static void
select_value (IpdExportDialog *self, int filter, const char *value)
{
  GPtrArray *values = self->values[filter];
  GListModel *model = adw_combo_row_get_model (self->filter_rows[filter]);

  for (guint i = 0; i < values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (values, i), value) == 0)
      {
        adw_combo_row_set_selected (self->filter_rows[filter], i);
        return;
      }
  g_ptr_array_add (values, g_strdup (value));
  gtk_string_list_append (GTK_STRING_LIST (model),
                          filter == FILTER_KIND ? ipd_vocabulary_label (IPD_VOCAB_KIND, value)
                          : filter == FILTER_STATUS ? ipd_vocabulary_label (IPD_VOCAB_STATUS, value)
                          : value);
  adw_combo_row_set_selected (self->filter_rows[filter], values->len - 1);
}

/* The officers and provinces of the register, on a worker ---------------------------- */

typedef struct {
  GPtrArray *facets[2];   /* IpdFacetCount: officers, provinces */
} Names;

static void
names_free (Names *names)
{
  g_clear_pointer (&names->facets[0], g_ptr_array_unref);
  g_clear_pointer (&names->facets[1], g_ptr_array_unref);
  g_free (names);
}

static int
by_sort_key (gconstpointer a, gconstpointer b, gpointer keys)
{
  return g_bytes_compare (g_hash_table_lookup (keys, *(IpdFacetCount **) a),
                          g_hash_table_lookup (keys, *(IpdFacetCount **) b));
}

/* In Vietnamese order: Đ after D, not after Z. */
static void
sort_names (GPtrArray *counts)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_bytes_unref);

  for (guint i = 0; i < counts->len; i++)
    {
      IpdFacetCount *count = g_ptr_array_index (counts, i);
      g_hash_table_insert (keys, count, ipd_text_sort_key (count->value));
    }
  g_ptr_array_sort_with_data (counts, by_sort_key, keys);
}

static void
load_names_thread (GTask *task, gpointer source, gpointer path, GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = ipd_store_open (path, IPD_STORE_READ_ONLY, &error);
  static const IpdFacet facets[2] = { IPD_FACET_OFFICER, IPD_FACET_PROVINCE };
  Names *names;

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  names = g_new0 (Names, 1);
  for (int i = 0; i < 2; i++)
    {
      names->facets[i] = ipd_store_count_facet (store, facets[i], NULL);
      if (names->facets[i] != NULL)
        sort_names (names->facets[i]);
    }
  g_task_return_pointer (task, names, (GDestroyNotify) names_free);
}

static void
set_name_choices (IpdExportDialog *self, int filter, GPtrArray *counts)
{
  guint n = counts ? counts->len : 0;
  g_autofree const char **values = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    values[i] = ((IpdFacetCount *) g_ptr_array_index (counts, i))->value;
  set_choices (self, filter, values, NULL, n);
  if (self->wanted[filter] != NULL)
    select_value (self, filter, self->wanted[filter]);
  g_clear_pointer (&self->wanted[filter], g_free);
}

static void
on_names_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  IpdExportDialog *self = IPD_EXPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  Names *names = g_task_propagate_pointer (G_TASK (result), &error);

  if (names == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot list the officers and provinces: %s", error->message);
      return;
    }
  if (!self->disposed)
    {
      g_clear_object (&self->loading);
      set_name_choices (self, FILTER_OFFICER, names->facets[0]);
      set_name_choices (self, FILTER_PROVINCE, names->facets[1]);
    }
  names_free (names);
}

static void
load_names (IpdExportDialog *self)
{
  g_autoptr(GTask) task = NULL;

  self->loading = g_cancellable_new ();
  task = g_task_new (self, self->loading, on_names_loaded, NULL);
  g_task_set_source_tag (task, load_names);
  g_task_set_task_data (task, g_strdup (ipd_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, load_names_thread);
}

/* The period ----------------------------------------------------------------------------- */

/* The last quarter that has ended: registers are sent after it. */
static void
set_default_period (IpdExportDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  int quarter = (g_date_time_get_month (now) - 1) / 3;   /* the current one, from 0 */
  IpdReportPeriod period;
  g_autofree char *text = NULL, *from = NULL, *to = NULL;

  if (quarter == 0)
    year--, quarter = 4;
  text = g_strdup_printf ("%d-Q%d", year, quarter);
  if (!ipd_report_period_quarter (&period, text, NULL))
    return;
  from = ipd_date_format (period.from);
  to = ipd_date_format (period.to);
  gtk_spin_button_set_value (self->year_spin, year);
  adw_combo_row_set_selected (self->quarter_row, quarter - 1);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/**
 * ipd_export_dialog_get_period:
 *
 * Returns: whether the period chosen is one; if not, @error says why.
 */
gboolean
ipd_export_dialog_get_period (IpdExportDialog *self, IpdReportPeriod *period, GError **error)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  g_autofree char *quarter = NULL;

  g_return_val_if_fail (IPD_IS_EXPORT_DIALOG (self), FALSE);
  switch (adw_combo_row_get_selected (self->period_row))
    {
    case PERIOD_QUARTER:
      quarter = g_strdup_printf ("%d-Q%u", year, adw_combo_row_get_selected (self->quarter_row) + 1);
      return ipd_report_period_quarter (period, quarter, error);
    case PERIOD_YEAR:
      return ipd_report_period_year (period, year, error);
    default:
      return ipd_report_period_range (period, entry_text (self->from_row), entry_text (self->to_row), error);
    }
}

static void
show_period_error (IpdExportDialog *self, const char *message)
{
  gtk_label_set_label (self->period_error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->period_error_label), message != NULL);
  if (message)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->from_row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->to_row), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->from_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->to_row), "error");
    }
}

/**
 * ipd_export_dialog_is_ready:
 *
 * Returns: whether the choices make a report (and no export is running).
 */
gboolean
ipd_export_dialog_is_ready (IpdExportDialog *self)
{
  IpdReportPeriod period;

  g_return_val_if_fail (IPD_IS_EXPORT_DIALOG (self), FALSE);
  return self->exporting == NULL && ipd_export_dialog_get_period (self, &period, NULL);
}

/* Shows the rows the period type needs and says what is wrong with the dates. */
static void
on_form_changed (IpdExportDialog *self)
{
  guint type = adw_combo_row_get_selected (self->period_row);
  g_autoptr(GError) error = NULL;
  IpdReportPeriod period;
  gboolean blank;

  if (!self->ready)
    return;
  blank = ipd_text_is_blank (entry_text (self->from_row)) || ipd_text_is_blank (entry_text (self->to_row));
  gtk_widget_set_visible (GTK_WIDGET (self->quarter_row), type == PERIOD_QUARTER);
  gtk_widget_set_visible (self->year_row, type != PERIOD_RANGE);
  gtk_widget_set_visible (GTK_WIDGET (self->from_row), type == PERIOD_RANGE);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), type == PERIOD_RANGE);
  /* a date being typed from scratch is not wrong yet, only incomplete */
  if (ipd_export_dialog_get_period (self, &period, &error) || (type == PERIOD_RANGE && blank))
    show_period_error (self, NULL);
  else
    show_period_error (self, error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", ipd_export_dialog_is_ready (self));
}

/**
 * ipd_export_dialog_suggest_name:
 *
 * Returns: the file name the chooser suggests, as so-theo-doi-don-2026-Q3.xlsx.
 */
char *
ipd_export_dialog_suggest_name (IpdExportDialog *self)
{
  guint report = adw_combo_row_get_selected (self->report_row);
  const char *prefix = file_prefixes[MIN (report, G_N_ELEMENTS (file_prefixes) - 1)];
  IpdReportPeriod period;

  g_return_val_if_fail (IPD_IS_EXPORT_DIALOG (self), NULL);
  if (!ipd_export_dialog_get_period (self, &period, NULL))
    return g_strdup_printf ("%s.xlsx", prefix);
  switch (period.type)
    {
    case IPD_PERIOD_QUARTER:
      return g_strdup_printf ("%s-%d-Q%d.xlsx", prefix, period.year, period.quarter);
    case IPD_PERIOD_YEAR:
      return g_strdup_printf ("%s-%d.xlsx", prefix, period.year);
    case IPD_PERIOD_RANGE:
    default:
      return g_strdup_printf ("%s-%s-%s.xlsx", prefix, period.from, period.to);
    }
}

/* Progress, from the exporting thread to the bar --------------------------------------- */

typedef struct {
  GMutex        lock;
  GWeakRef      dialog;
  GMainContext *context;
  double        fraction;
  gboolean      pending;    /* a report is on its way to the main loop */
  gint64        last_sent;
} Progress;

static void
progress_clear (Progress *progress)
{
  g_mutex_clear (&progress->lock);
  g_weak_ref_clear (&progress->dialog);
  g_main_context_unref (progress->context);
}

static void
progress_release (gpointer progress)
{
  g_atomic_rc_box_release_full (progress, (GDestroyNotify) progress_clear);
}

static Progress *
progress_new (IpdExportDialog *self)
{
  Progress *progress = g_atomic_rc_box_new0 (Progress);

  g_mutex_init (&progress->lock);
  g_weak_ref_init (&progress->dialog, self);
  progress->context = g_main_context_ref_thread_default ();
  return progress;
}

/* On the main thread. */
static gboolean
show_progress (gpointer data)
{
  Progress *progress = data;
  g_autoptr(IpdExportDialog) self = g_weak_ref_get (&progress->dialog);
  double fraction;

  g_mutex_lock (&progress->lock);
  fraction = progress->fraction;
  progress->pending = FALSE;
  g_mutex_unlock (&progress->lock);
  if (self != NULL && !self->disposed && self->exporting != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
  return G_SOURCE_REMOVE;
}

typedef struct {
  char             *register_path;
  char             *path;
  IpdExportReport   report;
  IpdReportPeriod   period;
  char             *filters[N_FILTERS];
  Progress         *progress;
  IpdExportProgress hook;
  gpointer          hook_data;
} Job;

static void
job_free (Job *job)
{
  g_free (job->register_path);
  g_free (job->path);
  for (int i = 0; i < N_FILTERS; i++)
    g_free (job->filters[i]);
  progress_release (job->progress);
  g_free (job);
}

/* On the exporting thread: keeps the last fraction, and sends it on
 * unless one was sent a moment ago (the main loop reads the latest). */
static void
on_worker_progress (double fraction, gpointer data)
{
  Job *job = data;
  Progress *progress = job->progress;
  gint64 now = g_get_monotonic_time ();
  gboolean send = FALSE;

  if (job->hook)
    job->hook (fraction, job->hook_data);
  g_mutex_lock (&progress->lock);
  progress->fraction = fraction;
  if (!progress->pending && (now - progress->last_sent >= PROGRESS_INTERVAL_US || fraction >= 1.0))
    {
      progress->pending = send = TRUE;
      progress->last_sent = now;
    }
  g_mutex_unlock (&progress->lock);
  if (send)
    {
      /* An idle source, not g_main_context_invoke (): that runs the
       * callback right here, on the worker, whenever this thread can
       * acquire the context — GTK touched from the worker. */
      GSource *source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, show_progress, g_atomic_rc_box_acquire (progress),
                             progress_release);
      g_source_attach (source, progress->context);
      g_source_unref (source);
    }
}

/* Exporting ---------------------------------------------------------------------------- */

static void
export_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IpdStore) store = ipd_store_open (job->register_path, IPD_STORE_READ_ONLY, &error);
  IpdQuery filters = {
    .kind = job->filters[FILTER_KIND],
    .status = job->filters[FILTER_STATUS],
    .officer = job->filters[FILTER_OFFICER],
    .province = job->filters[FILTER_PROVINCE],
  };

  if (store == NULL
      || !export_funcs[job->report] (store, &job->period, &filters, job->path,
                                     on_worker_progress, job, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
show_error (IpdExportDialog *self, const char *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_exporting (IpdExportDialog *self, gboolean exporting)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), !exporting);
  gtk_revealer_set_reveal_child (self->progress_revealer, exporting);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.stop", exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", ipd_export_dialog_is_ready (self));
}

static void
on_open_shown (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(AdwToastOverlay) toasts = data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      adw_toast_overlay_add_toast (toasts, adw_toast_new (escaped));
    }
}

static void
on_open_clicked (AdwToast *toast, AdwToastOverlay *toasts)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (toasts));

  /* through the OpenURI portal when sandboxed */
  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME,
                     NULL, on_open_shown, g_object_ref (toasts));
}

static void
show_exported (AdwToastOverlay *toasts, const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  /* Translators: %s is the name of the file written */
  g_autofree char *text = g_strdup_printf (_("Exported “%s”"), escaped);
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_timeout (toast, 10);
  g_object_set_data_full (G_OBJECT (toast), "uri", g_filename_to_uri (path, NULL, NULL), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_clicked), toasts, 0);
  adw_toast_overlay_add_toast (toasts, toast);
}

static void
on_exported (GObject *source, GAsyncResult *result, gpointer user_data)
{
  IpdExportDialog *self = IPD_EXPORT_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  g_clear_object (&self->exporting);
  if (self->disposed)   /* closed meanwhile: the export was cancelled */
    return;
  set_exporting (self, FALSE);
  if (!ok)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: %s says why */
          g_autofree char *message = g_strdup_printf (_("The report was not exported: %s"), error->message);
          show_error (self, message);
        }
      return;
    }
  if (self->toasts != NULL)
    show_exported (self->toasts, job->path);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The path to write: @file's, with .xlsx added when it has another ending. */
static char *
export_path (IpdExportDialog *self, GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *folded = NULL;
  g_autofree char *with_suffix = NULL;

  if (path == NULL)
    {
      show_error (self, _("The report can only be written to a folder of this computer."));
      return NULL;
    }
  folded = g_utf8_casefold (path, -1);
  if (g_str_has_suffix (folded, ".xlsx"))
    return g_steal_pointer (&path);
  with_suffix = g_strconcat (path, ".xlsx", NULL);
  /* the file chooser asked about replacing the name chosen, not this one */
  if (g_file_test (with_suffix, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_basename (with_suffix);
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("“%s” already exists. Choose it by its full name to replace it."), name);
      show_error (self, message);
      return NULL;
    }
  return g_steal_pointer (&with_suffix);
}

/**
 * ipd_export_dialog_export_to:
 * @file: the workbook to write; .xlsx is added to a name without it
 *
 * Starts the export the dialog's choices describe, as the file chooser
 * does when the officer has picked @file.
 */
void
ipd_export_dialog_export_to (IpdExportDialog *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  IpdReportPeriod period;
  Job *job;

  g_return_if_fail (IPD_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  if (self->exporting != NULL)
    return;
  show_error (self, NULL);
  if (!ipd_export_dialog_get_period (self, &period, &error))
    {
      show_error (self, error->message);
      return;
    }
  if ((path = export_path (self, file)) == NULL)
    return;

  job = g_new0 (Job, 1);
  job->register_path = g_strdup (ipd_store_get_path (self->store));
  job->path = g_steal_pointer (&path);
  job->report = MIN (adw_combo_row_get_selected (self->report_row), G_N_ELEMENTS (export_funcs) - 1);
  job->period = period;
  for (int i = 0; i < N_FILTERS; i++)
    job->filters[i] = g_strdup (chosen_value (self, i));
  job->progress = progress_new (self);
  job->hook = self->hook;
  job->hook_data = self->hook_data;

  self->exporting = g_cancellable_new ();
  task = g_task_new (self, self->exporting, on_exported, NULL);
  g_task_set_source_tag (task, ipd_export_dialog_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, export_thread);
  set_exporting (self, TRUE);
}

gboolean
ipd_export_dialog_is_exporting (IpdExportDialog *self)
{
  g_return_val_if_fail (IPD_IS_EXPORT_DIALOG (self), FALSE);
  return self->exporting != NULL;
}

void
ipd_export_dialog_set_progress_hook (IpdExportDialog *self, IpdExportProgress hook, gpointer user_data)
{
  g_return_if_fail (IPD_IS_EXPORT_DIALOG (self));
  self->hook = hook;
  self->hook_data = user_data;
}

/* Actions ------------------------------------------------------------------------------ */

static void
on_file_chosen (GtkNativeDialog *chooser, int response, IpdExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL)
        ipd_export_dialog_export_to (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdExportDialog *self = IPD_EXPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = ipd_export_dialog_suggest_name (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
stop_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  IpdExportDialog *self = IPD_EXPORT_DIALOG (widget);

  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
}

/* Setup ------------------------------------------------------------------------------- */

static gboolean
ipd_export_dialog_close_request (GtkWindow *window)
{
  IpdExportDialog *self = IPD_EXPORT_DIALOG (window);

  /* the core deletes what it had written */
  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
  return GTK_WINDOW_CLASS (ipd_export_dialog_parent_class)->close_request (window);
}

static void
ipd_export_dialog_dispose (GObject *object)
{
  IpdExportDialog *self = IPD_EXPORT_DIALOG (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->loading);
  g_cancellable_cancel (self->exporting);
  g_clear_object (&self->loading);
  g_clear_object (&self->store);
  g_clear_object (&self->toasts);
  for (int i = 0; i < N_FILTERS; i++)
    {
      g_clear_pointer (&self->values[i], g_ptr_array_unref);
      g_clear_pointer (&self->wanted[i], g_free);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), IPD_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (ipd_export_dialog_parent_class)->dispose (object);
}

static void
ipd_export_dialog_finalize (GObject *object)
{
  IpdExportDialog *self = IPD_EXPORT_DIALOG (object);

  g_clear_object (&self->exporting);
  G_OBJECT_CLASS (ipd_export_dialog_parent_class)->finalize (object);
}

static void
ipd_export_dialog_class_init (IpdExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_export_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = ipd_export_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = ipd_export_dialog_close_request;

  ipd_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipdossiers/IpDossiers/ipd-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, IpdExportDialog, form);
  gtk_widget_class_bind_template_child (widget_class, IpdExportDialog, report_row);
  gtk_widget_class_bind_template_child (widget_class, IpdExportDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, IpdExportDialog, quarter_row);
  gtk_widget_class_bind_template_child (widget_class, IpdExportDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, IpdExportDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, IpdExportDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, IpdExportDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, IpdExportDialog, period_error_label);
  gtk_widget_class_bind_template_child_full (widget_class, "kind_row", FALSE,
                                             G_STRUCT_OFFSET (IpdExportDialog, filter_rows[FILTER_KIND]));
  gtk_widget_class_bind_template_child_full (widget_class, "status_row", FALSE,
                                             G_STRUCT_OFFSET (IpdExportDialog, filter_rows[FILTER_STATUS]));
  gtk_widget_class_bind_template_child_full (widget_class, "officer_row", FALSE,
                                             G_STRUCT_OFFSET (IpdExportDialog, filter_rows[FILTER_OFFICER]));
  gtk_widget_class_bind_template_child_full (widget_class, "province_row", FALSE,
                                             G_STRUCT_OFFSET (IpdExportDialog, filter_rows[FILTER_PROVINCE]));
  gtk_widget_class_bind_template_child (widget_class, IpdExportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, IpdExportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_activated);
  gtk_widget_class_install_action (widget_class, "export.stop", NULL, stop_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ipd_export_dialog_init (IpdExportDialog *self)
{
  for (int i = 0; i < N_FILTERS; i++)
    self->values[i] = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  set_vocabulary_choices (self, FILTER_KIND, IPD_VOCAB_KIND);
  set_vocabulary_choices (self, FILTER_STATUS, IPD_VOCAB_STATUS);
  set_choices (self, FILTER_OFFICER, NULL, NULL, 0);
  set_choices (self, FILTER_PROVINCE, NULL, NULL, 0);
  set_default_period (self);
  self->ready = TRUE;
  set_exporting (self, FALSE);
  on_form_changed (self);
}

/**
 * ipd_export_dialog_new:
 * @toasts: where to say that the workbook is written
 */
IpdExportDialog *
ipd_export_dialog_new (GtkWindow *parent, IpdStore *store, AdwToastOverlay *toasts)
{
  IpdExportDialog *self = g_object_new (IPD_TYPE_EXPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);

  g_return_val_if_fail (IPD_IS_STORE (store), self);
  self->store = g_object_ref (store);
  self->toasts = toasts ? g_object_ref (toasts) : NULL;
  load_names (self);
  return self;
}

/**
 * ipd_export_dialog_set_filters:
 *
 * Starts from @filters' kind, status, officer and province (the window's
 * filters, most often what the officer wants exported).
 */
void
ipd_export_dialog_set_filters (IpdExportDialog *self, const IpdQuery *filters)
{
  const char *values[N_FILTERS];

  g_return_if_fail (IPD_IS_EXPORT_DIALOG (self));
  g_return_if_fail (filters != NULL);
  values[FILTER_KIND] = filters->kind;
  values[FILTER_STATUS] = filters->status;
  values[FILTER_OFFICER] = filters->officer;
  values[FILTER_PROVINCE] = filters->province;
  for (int i = 0; i < N_FILTERS; i++)
    {
      /* the officers and provinces are still being listed */
      if (self->loading != NULL && (i == FILTER_OFFICER || i == FILTER_PROVINCE))
        {
          g_free (self->wanted[i]);
          self->wanted[i] = g_strdup (values[i]);
        }
      else if (values[i] != NULL)
        select_value (self, i, values[i]);
      else
        adw_combo_row_set_selected (self->filter_rows[i], 0);
    }
}
