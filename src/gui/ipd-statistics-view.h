/* ipd-statistics-view.h — the statistics report's numbers, in the window
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-report-period.h"
#include "ipd-store.h"

G_BEGIN_DECLS

#define IPD_TYPE_STATISTICS_VIEW (ipd_statistics_view_get_type ())
G_DECLARE_FINAL_TYPE (IpdStatisticsView, ipd_statistics_view, IPD, STATISTICS_VIEW, GtkWidget)

void ipd_statistics_view_set_store   (IpdStatisticsView *self, IpdStore *store);
void ipd_statistics_view_refresh     (IpdStatisticsView *self);
void ipd_statistics_view_set_period  (IpdStatisticsView *self, const IpdReportPeriod *period);
void ipd_statistics_view_get_period  (IpdStatisticsView *self, IpdReportPeriod *period);
void ipd_statistics_view_get_filters (IpdStatisticsView *self, IpdQuery *filters);
gboolean ipd_statistics_view_is_loading (IpdStatisticsView *self);

G_END_DECLS
