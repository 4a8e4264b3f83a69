/* ipd-bench.h — what the benchmarks share: percentiles of timings
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

static inline int
ipd_bench_compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* The @p-th quantile (0 … 1) of @samples (milliseconds); sorts them. */
static inline double
ipd_bench_percentile (GArray *samples, double p)
{
  g_array_sort (samples, ipd_bench_compare_doubles);
  return g_array_index (samples, double, MIN (samples->len - 1, (guint) (p * samples->len)));
}

static inline double
ipd_bench_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}
