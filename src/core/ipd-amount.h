/* ipd-amount.h — sums of money in VND, written the Vietnamese way (60.000.000)
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean ipd_amount_parse  (const char *text, gint64 *amount, GError **error);
char    *ipd_amount_format (gint64 amount);

G_END_DECLS
