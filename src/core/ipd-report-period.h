/* ipd-report-period.h — the period a register or statistics report covers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  IPD_PERIOD_QUARTER,
  IPD_PERIOD_YEAR,
  IPD_PERIOD_RANGE,
} IpdPeriodType;

/* Both ends included; dates are ISO 8601 (YYYY-MM-DD). */
typedef struct {
  IpdPeriodType type;
  int           year;      /* quarter and year */
  int           quarter;   /* 1–4 for a quarter */
  char          from[11];
  char          to[11];
} IpdReportPeriod;

gboolean ipd_report_period_quarter (IpdReportPeriod *period, const char *text, GError **error);
gboolean ipd_report_period_year    (IpdReportPeriod *period, int year, GError **error);
gboolean ipd_report_period_range   (IpdReportPeriod *period, const char *from,
                                    const char *to, GError **error);
char    *ipd_report_period_describe (const IpdReportPeriod *period);

/* What the statistics compare a period with (both IPD_PERIOD_RANGE). */
void     ipd_report_period_previous     (const IpdReportPeriod *period, IpdReportPeriod *out);
void     ipd_report_period_year_earlier (const IpdReportPeriod *period, IpdReportPeriod *out);
void     ipd_report_period_last_quarter (IpdReportPeriod *period, const char *today);

G_END_DECLS
