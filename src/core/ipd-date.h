/* ipd-date.h — calendar dates as the register keeps them (ISO 8601, YYYY-MM-DD)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char    *ipd_date_parse        (const char *text, GError **error);
GDate   *ipd_date_to_gdate     (const char *iso);
char    *ipd_date_from_gdate   (const GDate *date);
char    *ipd_date_today        (void);
char    *ipd_date_format       (const char *iso);
char    *ipd_date_add_years    (const char *iso, guint years);
char    *ipd_timestamp_now     (void);

G_END_DECLS
