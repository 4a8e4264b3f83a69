/* ipd-statistics-view.c — the statistics report's numbers, in the window
 *
 * The tables of the statistics report (ipd-export-statistics.c) for the
 * period and filters chosen here, asked of the store with the same calls
 * so that the page and the workbook never disagree: dossiers by kind and
 * status, filings and grants against the period before and the same
 * period a year earlier, dossiers by current commune (the ten with most,
 * then the others), by province and by year, and the support programmes. Bars (IpdBarChart) show the same numbers again.
 * An empty register shows an empty state instead of empty charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-statistics"

#include "config.h"

#include <glib/gi18n.h>

#include "ipd-amount.h"
#include "ipd-bar-chart.h"
#include "ipd-date.h"
#include "ipd-filter-choices.h"
#include "ipd-gui.h"
#include "ipd-statistics-view.h"
#include "ipd-vocabulary.h"

/* The summary's figures, each a label named "summary-…" */
enum {
  FIGURE_DOSSIERS,
  FIGURE_FILED,
  FIGURE_FILED_PREVIOUS,
  FIGURE_FILED_YEAR_EARLIER,
  FIGURE_GRANTED,
  FIGURE_GRANTED_PREVIOUS,
  FIGURE_GRANTED_YEAR_EARLIER,
  N_FIGURES
};

struct _IpdStatisticsView
{
  GtkWidget      parent_instance;

  GtkDropDown   *period_type;
  GtkDropDown   *quarter_choice;
  GtkSpinButton *year_choice;
  GtkDropDown   *kind_filter;
  GtkDropDown   *officer_filter;
  GtkLabel      *period_label;
  GtkStack      *stack;
  AdwStatusPage *error_page;
  GtkFlowBox    *summary_box;
  GtkGrid       *kind_status_table;
  GtkGrid       *period_table;
  GtkGrid       *programme_table;
  IpdBarChart   *kind_status_chart;
  IpdBarChart   *commune_chart;
  IpdBarChart   *province_chart;
  IpdBarChart   *year_chart;
  GtkWidget     *commune_none;
  GtkWidget     *province_none;
  GtkWidget     *year_none;
  GtkWidget     *programme_none;
  GtkWidget     *commune_note;
  GtkLabel      *figures[N_FIGURES];

  IpdStore      *store;
  gboolean       filling;    /* the choices are being set from code */
  GCancellable  *loading;    /* the figures being gathered, else NULL */
  GtkSpinner    *spinner;
};

G_DEFINE_FINAL_TYPE (IpdStatisticsView, ipd_statistics_view, GTK_TYPE_WIDGET)

/* Filters and period ------------------------------------------------------------ */

static const char *
chosen_kind (IpdStatisticsView *self)
{
  return ipd_filter_choices_get_kind (self->kind_filter);
}

static const char *
chosen_officer (IpdStatisticsView *self)
{
  return ipd_filter_choices_get_officer (self->officer_filter);
}

static void
fill_kinds (IpdStatisticsView *self)
{
  self->filling = TRUE;
  ipd_filter_choices_set_kinds (self->kind_filter);
  self->filling = FALSE;
}

/* The officers of the register's dossiers (ipd-filter-choices.c). */
static void
fill_officers (IpdStatisticsView *self)
{
  self->filling = TRUE;
  ipd_filter_choices_set_officers (self->officer_filter, self->store);
  self->filling = FALSE;
}

/* The statistics report's filters: those chosen here. */
void
ipd_statistics_view_get_filters (IpdStatisticsView *self, IpdQuery *filters)
{
  g_return_if_fail (IPD_IS_STATISTICS_VIEW (self));
  g_return_if_fail (filters != NULL);

  *filters = (IpdQuery) { NULL };
  filters->kind = chosen_kind (self);
  filters->officer = chosen_officer (self);
}

void
ipd_statistics_view_get_period (IpdStatisticsView *self, IpdReportPeriod *period)
{
  int year = gtk_spin_button_get_value_as_int (self->year_choice);
  guint quarter = gtk_drop_down_get_selected (self->quarter_choice);
  g_autofree char *text = NULL;

  g_return_if_fail (IPD_IS_STATISTICS_VIEW (self));
  if (gtk_drop_down_get_selected (self->period_type) == 1)
    {
      if (ipd_report_period_year (period, year, NULL))
        return;
    }
  else
    {
      text = g_strdup_printf ("%04d-Q%u", year, MIN (quarter, 3) + 1);
      if (ipd_report_period_quarter (period, text, NULL))
        return;
    }
  /* the spin button keeps the year within the register's years */
  ipd_report_period_last_quarter (period, NULL);
}

static char *
describe_dates (const IpdReportPeriod *period)
{
  g_autofree char *from = ipd_date_format (period->from);
  g_autofree char *to = ipd_date_format (period->to);

  return g_strdup_printf ("%s – %s", from, to);
}

/* The dates of the period and of those it is compared with. */
static void
show_period (IpdStatisticsView *self)
{
  IpdReportPeriod period, previous, year_earlier;
  g_autofree char *dates = NULL, *previous_dates = NULL, *year_earlier_dates = NULL, *text = NULL;

  ipd_statistics_view_get_period (self, &period);
  gtk_widget_set_visible (GTK_WIDGET (self->quarter_choice), period.type == IPD_PERIOD_QUARTER);
  ipd_report_period_previous (&period, &previous);
  ipd_report_period_year_earlier (&period, &year_earlier);
  dates = describe_dates (&period);
  previous_dates = describe_dates (&previous);
  year_earlier_dates = describe_dates (&year_earlier);
  /* Translators: three periods, each "01/04/2025 – 30/06/2025" */
  text = g_strdup_printf (_("From %s, compared with the period before (%s) and the same period a year earlier (%s)"),
                          dates, previous_dates, year_earlier_dates);
  gtk_label_set_label (self->period_label, text);
}

/* Shows a quarter or a year; other periods are not offered here. */
void
ipd_statistics_view_set_period (IpdStatisticsView *self, const IpdReportPeriod *period)
{
  g_return_if_fail (IPD_IS_STATISTICS_VIEW (self));
  g_return_if_fail (period != NULL && period->type != IPD_PERIOD_RANGE);

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->period_type, period->type == IPD_PERIOD_YEAR ? 1 : 0);
  gtk_spin_button_set_value (self->year_choice, period->year);
  if (period->type == IPD_PERIOD_QUARTER)
    gtk_drop_down_set_selected (self->quarter_choice, (guint) period->quarter - 1);
  self->filling = FALSE;
  ipd_statistics_view_refresh (self);
}

static void
on_period_changed (IpdStatisticsView *self)
{
  if (self->filling)
    return;
  ipd_statistics_view_refresh (self);
}

static void
on_filter_changed (IpdStatisticsView *self)
{
  if (self->filling)
    return;
  ipd_statistics_view_refresh (self);
}

/* Tables ------------------------------------------------------------------------ */

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* A label that wraps at @chars: as wide and as high in a narrow window,
 * where the table scrolls sideways and its height is asked for at its
 * narrowest, as in a wide one (only the names' column grows). */
static void
set_fixed_wrap (GtkWidget *label, int chars)
{
  float xalign = gtk_label_get_xalign (GTK_LABEL (label));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), chars);
  gtk_label_set_max_width_chars (GTK_LABEL (label), chars);
  gtk_widget_set_halign (label, xalign > 0.5 ? GTK_ALIGN_END : GTK_ALIGN_START);
}

/* A column's or a row's heading. */
static GtkWidget *
add_heading (GtkGrid *grid, int column, int row, int width, const char *text, float xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (width == 1)
    set_fixed_wrap (label, 10);
  gtk_label_set_justify (GTK_LABEL (label), xalign > 0.5 ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (grid, label, column, row, width, 1);
  return label;
}

/* A row's name, on one line: its column takes the room left, shortened
 * in a narrow window (the whole name in its tooltip). */
static void
add_name (GtkGrid *grid, int row, int column, const char *text, gboolean total)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, text);
  if (total)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

/* A number, named @name for the tests; zero is dimmed so that the others stand out. */
static void
add_number (GtkGrid *grid, int column, int row, gint64 value, const char *name, gboolean total)
{
  g_autofree char *text = ipd_amount_format (value);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_name (label, name);
  /* bold figures are as wide as each other already */
  if (total)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_add_css_class (label, "numeric");
  if (!total && value == 0)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

/* Bars by status (those with dossiers), each split by kind. */
static void
chart_kinds_by_status (IpdStatisticsView *self, const gint64 *counts)
{
  guint n_kinds, n_statuses;
  const IpdTerm *kinds = ipd_vocabulary_terms (IPD_VOCAB_KIND, &n_kinds);
  const IpdTerm *statuses = ipd_vocabulary_terms (IPD_VOCAB_STATUS, &n_statuses);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree gint64 *values = g_new0 (gint64, n_kinds);

  for (guint k = 0; k < n_kinds; k++)
    g_ptr_array_add (names, (gpointer) ipd_vocabulary_label (IPD_VOCAB_KIND, kinds[k].code));
  g_ptr_array_add (names, NULL);
  ipd_bar_chart_set_series (self->kind_status_chart, (const char *const *) names->pdata);
  for (guint st = 0; st < n_statuses; st++)
    {
      if (counts[n_kinds * (n_statuses + 1) + st] == 0)
        continue;
      for (guint k = 0; k < n_kinds; k++)
        values[k] = counts[k * (n_statuses + 1) + st];
      ipd_bar_chart_add_bar (self->kind_status_chart,
                             ipd_vocabulary_label (IPD_VOCAB_STATUS, statuses[st].code), values);
    }
}

/* The first table: a row per status, a column per kind (the report's
 * table turned a quarter, to fit the page), with totals. */
static void
show_kinds_by_status (IpdStatisticsView *self, GPtrArray *rows)
{
  guint n_kinds, n_statuses;
  const IpdTerm *kinds = ipd_vocabulary_terms (IPD_VOCAB_KIND, &n_kinds);
  const IpdTerm *statuses = ipd_vocabulary_terms (IPD_VOCAB_STATUS, &n_statuses);
  g_autofree gint64 *counts = ipd_stat_kind_status_grid (rows);
  g_autofree char *dossiers = NULL;


  clear_grid (self->kind_status_table);
  /* Translators: a table's column of dossier statuses */
  add_heading (self->kind_status_table, 0, 0, 1, _("Status"), 0);
  for (guint k = 0; k <= n_kinds; k++)
    add_heading (self->kind_status_table, k + 1, 0, 1,
                 k < n_kinds ? ipd_vocabulary_label (IPD_VOCAB_KIND, kinds[k].code) : _("Total"), 1);
  for (guint st = 0; st <= n_statuses; st++)
    {
      gboolean total = st == n_statuses;

      add_name (self->kind_status_table, st + 1, 0,
                total ? _("Total") : ipd_vocabulary_label (IPD_VOCAB_STATUS, statuses[st].code), total);
      for (guint k = 0; k <= n_kinds; k++)
        {
          g_autofree char *name = g_strdup_printf ("count-%s-%s", k < n_kinds ? kinds[k].code : "total",
                                                   total ? "total" : statuses[st].code);

          add_number (self->kind_status_table, k + 1, st + 1, counts[k * (n_statuses + 1) + st], name,
                      total || k == n_kinds);
        }
    }
  chart_kinds_by_status (self, counts);
  dossiers = ipd_amount_format (counts[(n_kinds + 1) * (n_statuses + 1) - 1]);
  gtk_label_set_label (self->figures[FIGURE_DOSSIERS], dossiers);
}

/* "This period\n01/07/2026 – 30/09/2026" */
static void
add_period_heading (GtkGrid *grid, int column, const char *name, const IpdReportPeriod *p)
{
  g_autofree char *from = ipd_date_format (p->from);
  g_autofree char *to = ipd_date_format (p->to);
  g_autofree char *text = g_strdup_printf ("%s\n%s –\n%s", name, from, to);
  GtkWidget *label = add_heading (grid, column, 1, 1, text, 1);

  gtk_widget_remove_css_class (label, "heading");
  gtk_widget_add_css_class (label, "caption");
  /* "01/04/2025 –" on one line */
  set_fixed_wrap (label, 12);
}

static void
set_figure (IpdStatisticsView *self, int figure, gint64 value)
{
  g_autofree char *text = ipd_amount_format (value);

  gtk_label_set_label (self->figures[figure], text);
}

/* The second table: filed and granted by kind in the three periods. */
static void
fill_period_table (IpdStatisticsView *self, const IpdReportPeriod *periods, GPtrArray **stats)
{
  /* Translators: the report's period a year earlier; Vietnamese: "Cùng kỳ năm trước" */
  const char *names[3] = { _("This period"), _("Previous period"), _("Same period a year earlier") };
  static const char *const which[3] = { "this", "previous", "year-earlier" };
  gint64 totals[6] = { 0 };
  guint n_kinds, k;
  const IpdTerm *kinds = ipd_vocabulary_terms (IPD_VOCAB_KIND, &n_kinds);

  clear_grid (self->period_table);
  add_heading (self->period_table, 0, 1, 1, _("Kind"), 0);
  add_heading (self->period_table, 1, 0, 3, _("Applications filed"), 0.5);
  add_heading (self->period_table, 4, 0, 3, _("Titles granted"), 0.5);
  for (int i = 0; i < 6; i++)
    add_period_heading (self->period_table, 1 + i, names[i % 3], &periods[i % 3]);
  for (k = 0; k < n_kinds; k++)
    {
      add_name (self->period_table, k + 2, 0, ipd_vocabulary_label (IPD_VOCAB_KIND, kinds[k].code), FALSE);
      for (int i = 0; i < 3; i++)
        {
          const IpdStatRow *p = ipd_stat_rows_find (stats[i], kinds[k].code);
          gint64 filed = p ? p->count : 0, granted = p ? p->value : 0;
          g_autofree char *filed_name = g_strdup_printf ("filed-%s-%s", kinds[k].code, which[i]);
          g_autofree char *granted_name = g_strdup_printf ("granted-%s-%s", kinds[k].code, which[i]);

          add_number (self->period_table, 1 + i, k + 2, filed, filed_name, FALSE);
          add_number (self->period_table, 4 + i, k + 2, granted, granted_name, FALSE);
          totals[i] += filed;
          totals[3 + i] += granted;
        }
    }
  add_name (self->period_table, k + 2, 0, _("Total"), TRUE);
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-total-%s", i < 3 ? "filed" : "granted", which[i % 3]);

      add_number (self->period_table, 1 + i, k + 2, totals[i], name, TRUE);
      set_figure (self, i < 3 ? FIGURE_FILED + i : FIGURE_GRANTED + i - 3, totals[i]);
    }
}


/* Charts of one statistic ------------------------------------------------------------ */

static int
by_count_descending (gconstpointer a, gconstpointer b)
{
  const IpdStatRow *x = *(IpdStatRow **) a, *y = *(IpdStatRow **) b;

  return x->count < y->count ? 1 : x->count > y->count ? -1 : 0;
}

/* The provinces, most dossiers first. */
static void
show_provinces (IpdStatisticsView *self, GPtrArray *rows)
{
  g_ptr_array_sort (rows, by_count_descending);
  ipd_bar_chart_clear (self->province_chart);
  for (guint i = 0; i < rows->len; i++)
    {
      IpdStatRow *s = g_ptr_array_index (rows, i);

      ipd_bar_chart_add_bar (self->province_chart, s->key, &s->count);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->province_chart), rows->len > 0);
  gtk_widget_set_visible (self->province_none, rows->len == 0);
}

/* The communes with most dossiers, then the others together. */
#define TOP_COMMUNES 10
/* Years shown one by one; the earlier ones together. */
#define RECENT_YEARS 12

/* "Commune", with its province when several are listed; a name the list
 * of administrative units does not know is marked. */
static char *
commune_label (const IpdStatRow *s, gboolean with_province)
{
  /* Translators: in the statistics by commune, for dossiers whose address names no commune */
  const char *commune = s->key2 ? s->key2 : _("(commune not given)");
  g_autofree char *name = with_province ? g_strdup_printf ("%s, %s", commune, s->key) : g_strdup (commune);

  return s->value ? g_strdup_printf ("%s *", name) : g_steal_pointer (&name);
}

static gboolean
several_provinces (GPtrArray *rows)
{
  for (guint i = 1; i < rows->len; i++)
    if (g_strcmp0 (((IpdStatRow *) g_ptr_array_index (rows, i))->key,
                   ((IpdStatRow *) g_ptr_array_index (rows, 0))->key) != 0)
      return TRUE;
  return FALSE;
}

static void
show_communes (IpdStatisticsView *self, GPtrArray *rows)
{
  gboolean with_province, unmapped = FALSE;
  gint64 others = 0;
  guint i;

  with_province = several_provinces (rows);
  g_ptr_array_sort (rows, by_count_descending);
  ipd_bar_chart_clear (self->commune_chart);
  for (i = 0; i < rows->len; i++)
    {
      IpdStatRow *s = g_ptr_array_index (rows, i);
      g_autofree char *label = NULL;

      if (i >= TOP_COMMUNES)
        {
          others += s->count;
          continue;
        }
      label = commune_label (s, with_province);
      unmapped |= s->value != 0;
      ipd_bar_chart_add_bar (self->commune_chart, label, &s->count);
    }
  if (rows->len > TOP_COMMUNES)
    {
      guint n = rows->len - TOP_COMMUNES;
      /* Translators: the last bar of the chart by commune: the communes not shown one by one */
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other commune", "%u other communes", n), n);

      ipd_bar_chart_add_bar (self->commune_chart, label, &others);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->commune_chart), rows->len > 0);
  gtk_widget_set_visible (self->commune_none, rows->len == 0);
  gtk_widget_set_visible (self->commune_note, unmapped);
}

/* Filed and granted by year: the recent years, and the earlier ones together. */
static void
show_years (IpdStatisticsView *self, GPtrArray *rows)
{
  guint first = 0;

  ipd_bar_chart_clear (self->year_chart);
  if (rows->len > RECENT_YEARS)
    {
      gint64 earlier[2] = { 0, 0 };
      g_autofree char *label = NULL;

      first = rows->len - RECENT_YEARS;
      for (guint i = 0; i < first; i++)
        {
          IpdStatRow *s = g_ptr_array_index (rows, i);

          earlier[0] += s->count;
          earlier[1] += s->value;
        }
      /* Translators: the first bar of the chart by year; %s is a year */
      label = g_strdup_printf (_("Before %s"), ((IpdStatRow *) g_ptr_array_index (rows, first))->key);
      ipd_bar_chart_add_bar (self->year_chart, label, earlier);
    }
  for (guint i = first; i < rows->len; i++)
    {
      IpdStatRow *s = g_ptr_array_index (rows, i);
      gint64 values[2] = { s->count, s->value };

      ipd_bar_chart_add_bar (self->year_chart, s->key, values);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->year_chart), rows->len > 0);
  gtk_widget_set_visible (self->year_none, rows->len == 0);
}

/* The support programmes: dossiers and amounts, with totals. */
static void
show_programmes (IpdStatisticsView *self, GPtrArray *rows)
{
  GtkGrid *grid = self->programme_table;
  gint64 count = 0, value = 0;
  guint i;

  clear_grid (grid);
  add_heading (grid, 0, 0, 1, _("Support programme"), 0);
  add_heading (grid, 1, 0, 1, _("Dossiers"), 1);
  add_heading (grid, 2, 0, 1, _("Total support (VND)"), 1);
  for (i = 0; i < rows->len; i++)
    {
      IpdStatRow *s = g_ptr_array_index (rows, i);
      g_autofree char *count_name = g_strdup_printf ("programme-count-%u", i);
      g_autofree char *amount_name = g_strdup_printf ("programme-amount-%u", i);

      add_name (grid, i + 1, 0, s->key, FALSE);
      add_number (grid, 1, i + 1, s->count, count_name, FALSE);
      add_number (grid, 2, i + 1, s->value, amount_name, FALSE);
      count += s->count;
      value += s->value;
    }
  add_name (grid, i + 1, 0, _("Total"), TRUE);
  add_number (grid, 1, i + 1, count, "programme-count-total", TRUE);
  add_number (grid, 2, i + 1, value, "programme-amount-total", TRUE);
  /* the table with its scrolled window, which scrolls it in a narrow window */
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (grid), GTK_TYPE_SCROLLED_WINDOW), rows->len > 0);
  gtk_widget_set_visible (self->programme_none, rows->len == 0);
}

/* The page ------------------------------------------------------------------------ */

/* What the page shows, asked of the store on a worker: at 100 000
 * dossiers the places alone take seconds, too long for the main loop. */
typedef struct {
  gint64          total;             /* every live dossier, whatever the filters */
  IpdReportPeriod periods[3];        /* the period, the one before, a year earlier */
  GPtrArray      *kind_status;
  GPtrArray      *period_stats[3];
  GPtrArray      *communes;
  GPtrArray      *provinces;
  GPtrArray      *years;
  GPtrArray      *programmes;
} Figures;

static void
figures_free (Figures *figures)
{
  GPtrArray **arrays[] = { &figures->kind_status, &figures->period_stats[0], &figures->period_stats[1],
                           &figures->period_stats[2], &figures->communes, &figures->provinces,
                           &figures->years, &figures->programmes };

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    g_clear_pointer (arrays[i], g_ptr_array_unref);
  g_free (figures);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Figures, figures_free)

/* The same calls as the statistics report (ipd-export-statistics.c). */
static Figures *
gather_figures (IpdStore *store, const IpdReportPeriod *period, const IpdQuery *filters,
                GCancellable *cancellable, GError **error)
{
  g_autoptr(Figures) f = g_new0 (Figures, 1);
  IpdQuery everything = { NULL };
  struct { GPtrArray **rows; IpdStatistic statistic; } lists[] = {
    { &f->kind_status, IPD_STAT_KIND_STATUS }, { &f->communes, IPD_STAT_COMMUNE },
    { &f->provinces, IPD_STAT_PROVINCE }, { &f->years, IPD_STAT_YEAR },
    { &f->programmes, IPD_STAT_PROGRAMME },
  };

  if ((f->total = ipd_store_count_dossiers (store, &everything, error)) < 0)
    return NULL;
  if (f->total == 0)
    return g_steal_pointer (&f);
  f->periods[0] = *period;
  ipd_report_period_previous (period, &f->periods[1]);
  ipd_report_period_year_earlier (period, &f->periods[2]);
  for (int i = 0; i < 3; i++)
    if ((f->period_stats[i] = ipd_store_statistics (store, IPD_STAT_PERIOD, &f->periods[i], filters,
                                                    error)) == NULL)
      return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (g_cancellable_set_error_if_cancelled (cancellable, error)
        || (*lists[i].rows = ipd_store_statistics (store, lists[i].statistic, NULL, filters,
                                                   error)) == NULL)
      return NULL;
  return g_steal_pointer (&f);
}

typedef struct {
  char           *path;
  IpdReportPeriod period;
  char           *kind;
  char           *officer;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->kind);
  g_free (job->officer);
  g_free (job);
}

static void
gather_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  IpdQuery filters = { .kind = job->kind, .officer = job->officer };
  g_autoptr(IpdStore) store = NULL;
  GError *error = NULL;
  Figures *figures;

  /* a store is used from one thread: this worker opens its own */
  if ((store = ipd_store_open (job->path, IPD_STORE_READ_ONLY, &error)) == NULL
      || (figures = gather_figures (store, &job->period, &filters, cancellable, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, figures, (GDestroyNotify) figures_free);
}

static void
show_figures (IpdStatisticsView *self, Figures *f)
{
  if (f->total == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  show_kinds_by_status (self, f->kind_status);
  fill_period_table (self, f->periods, f->period_stats);
  show_communes (self, f->communes);
  show_provinces (self, f->provinces);
  show_years (self, f->years);
  show_programmes (self, f->programmes);
  gtk_stack_set_visible_child_name (self->stack, "statistics");
}

static void
on_gathered (GObject *source, GAsyncResult *result, gpointer user_data)
{
  IpdStatisticsView *self = IPD_STATISTICS_VIEW (source);
  g_autoptr(Figures) figures = NULL;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;   /* another period, filter or register was asked for since */
  g_clear_object (&self->loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  if ((figures = g_task_propagate_pointer (G_TASK (result), &error)) == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  show_figures (self, figures);
}

/* Asks the store again: after the register, the period or a filter
 * changed. The figures shown stay until the new ones are in. */
void
ipd_statistics_view_refresh (IpdStatisticsView *self)
{
  g_autoptr(GTask) task = NULL;
  Job *job;
  IpdQuery filters;

  g_return_if_fail (IPD_IS_STATISTICS_VIEW (self));
  show_period (self);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  fill_officers (self);
  ipd_statistics_view_get_filters (self, &filters);
  job = g_new0 (Job, 1);
  job->path = g_strdup (ipd_store_get_path (self->store));
  ipd_statistics_view_get_period (self, &job->period);
  job->kind = g_strdup (filters.kind);
  job->officer = g_strdup (filters.officer);

  self->loading = g_cancellable_new ();
  task = g_task_new (self, self->loading, on_gathered, NULL);
  g_task_set_source_tag (task, ipd_statistics_view_refresh);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  g_task_run_in_thread (task, gather_thread);
}

/* Whether figures are being gathered (for the tests). */
gboolean
ipd_statistics_view_is_loading (IpdStatisticsView *self)
{
  g_return_val_if_fail (IPD_IS_STATISTICS_VIEW (self), FALSE);
  return self->loading != NULL;
}

void
ipd_statistics_view_set_store (IpdStatisticsView *self, IpdStore *store)
{
  g_return_if_fail (IPD_IS_STATISTICS_VIEW (self));
  g_return_if_fail (store == NULL || IPD_IS_STORE (store));

  g_set_object (&self->store, store);
  fill_officers (self);
}

/* Setup --------------------------------------------------------------------------- */

static GtkLabel *
add_figure_label (GtkWidget *box, const char *name, const char *style)
{
  GtkWidget *label = gtk_label_new ("0");

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), style ? 0 : 1);
  gtk_widget_add_css_class (label, "numeric");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  if (GTK_IS_BOX (box))
    gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

/* A card: what it counts, the number in the period, then the number in
 * the period before and a year earlier when @first_comparison is given. */
static void
add_card (IpdStatisticsView *self, const char *title, int figure, const char *name, gboolean compare)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *caption = gtk_label_new (title);
  GtkWidget *grid = gtk_grid_new ();
  const char *rows[2] = { _("Previous period"), _("Same period a year earlier") };

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_start (caption, 18);
  gtk_widget_set_margin_top (caption, 18);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (caption), 16);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (card), caption);
  self->figures[figure] = add_figure_label (card, name, "title-1");
  gtk_widget_set_margin_start (GTK_WIDGET (self->figures[figure]), 18);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  gtk_widget_set_margin_bottom (grid, 18);
  for (int i = 0; compare && i < 2; i++)
    {
      g_autofree char *row_name = g_strdup_printf ("%s-%s", name, i == 0 ? "previous" : "year-earlier");
      GtkWidget *label = gtk_label_new (rows[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_grid_attach (GTK_GRID (grid), label, 0, i, 1, 1);
      self->figures[figure + 1 + i] = add_figure_label (grid, row_name, NULL);
      gtk_widget_add_css_class (GTK_WIDGET (self->figures[figure + 1 + i]), "caption");
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->figures[figure + 1 + i]), 1, i, 1, 1);
    }
  if (!compare)
    {
      /* Translators: under the number of dossiers on the statistics page */
      GtkWidget *label = gtk_label_new (_("in the register now, with the filters chosen"));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_widget_add_css_class (label, "caption");
      gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
    }
  gtk_box_append (GTK_BOX (card), grid);
  gtk_flow_box_append (self->summary_box, card);
}

static void
setup_charts (IpdStatisticsView *self)
{
  const char *periods[] = { _("Applications filed"), _("Titles granted"), NULL };

  ipd_bar_chart_set_mode (self->kind_status_chart, IPD_BAR_CHART_STACKED);
  ipd_bar_chart_set_series (self->year_chart, periods);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_status_chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Dossiers by status and kind"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->province_chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Dossiers by province"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->commune_chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Dossiers by commune"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year_chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Applications filed and titles granted by year"), -1);
}

static void
ipd_statistics_view_dispose (GObject *object)
{
  IpdStatisticsView *self = IPD_STATISTICS_VIEW (object);
  GtkWidget *child;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (object), IPD_TYPE_STATISTICS_VIEW);
  /* the template's root child is not bound: unparent it too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (ipd_statistics_view_parent_class)->dispose (object);
}

static void
ipd_statistics_view_class_init (IpdStatisticsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ipd_statistics_view_dispose;
  g_type_ensure (IPD_TYPE_BAR_CHART);

  ipd_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ipdossiers/IpDossiers/ipd-statistics-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, period_type);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, quarter_choice);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, year_choice);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, officer_filter);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, period_label);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, stack);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, summary_box);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, kind_status_table);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, period_table);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, programme_table);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, kind_status_chart);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, commune_chart);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, province_chart);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, year_chart);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, commune_none);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, province_none);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, year_none);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, programme_none);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, commune_note);
  gtk_widget_class_bind_template_child (widget_class, IpdStatisticsView, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ipd_statistics_view_init (IpdStatisticsView *self)
{
  IpdReportPeriod last;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Translators: on the statistics page, the number of dossiers now */
  add_card (self, _("Dossiers"), FIGURE_DOSSIERS, "summary-dossiers", FALSE);
  /* Translators: on the statistics page: applications filed in the period chosen */
  add_card (self, _("Filed in the period"), FIGURE_FILED, "summary-filed", TRUE);
  /* Translators: on the statistics page: titles granted in the period chosen */
  add_card (self, _("Granted in the period"), FIGURE_GRANTED, "summary-granted", TRUE);
  setup_charts (self);
  fill_kinds (self);
  fill_officers (self);
  ipd_report_period_last_quarter (&last, NULL);
  self->filling = TRUE;
  gtk_spin_button_set_value (self->year_choice, last.year);
  gtk_drop_down_set_selected (self->quarter_choice, (guint) last.quarter - 1);
  self->filling = FALSE;
  show_period (self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}
