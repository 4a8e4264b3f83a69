/* ipd-bar-chart.h — horizontal bars drawn with cairo, one or more series
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  IPD_BAR_CHART_GROUPED,   /* a bar per series, one under the other */
  IPD_BAR_CHART_STACKED,   /* one bar per category, its series end to end */
} IpdBarChartMode;

#define IPD_TYPE_BAR_CHART (ipd_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (IpdBarChart, ipd_bar_chart, IPD, BAR_CHART, GtkWidget)

GtkWidget  *ipd_bar_chart_new          (void);
void        ipd_bar_chart_set_mode     (IpdBarChart *self, IpdBarChartMode mode);
void        ipd_bar_chart_set_series   (IpdBarChart *self, const char *const *names);
void        ipd_bar_chart_clear        (IpdBarChart *self);
void        ipd_bar_chart_add_bar      (IpdBarChart *self, const char *label, const gint64 *values);
guint       ipd_bar_chart_get_n_bars   (IpdBarChart *self);
guint       ipd_bar_chart_get_n_series (IpdBarChart *self);
const char *ipd_bar_chart_get_label    (IpdBarChart *self, guint bar);
gint64      ipd_bar_chart_get_value    (IpdBarChart *self, guint bar, guint series);
char       *ipd_bar_chart_describe_bar (IpdBarChart *self, guint bar);

G_END_DECLS
