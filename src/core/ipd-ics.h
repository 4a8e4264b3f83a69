/* ipd-ics.h — deadlines as an iCalendar file (RFC 5545) for calendar apps
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *ipd_ics_build      (GPtrArray *tasks, GDateTime *now);
gboolean  ipd_ics_write_file (GPtrArray *tasks, const char *path, GError **error);

G_END_DECLS
