/* ipd-i18n.h — the programs' translations
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     ipd_i18n_init               (void);
void     ipd_i18n_init_with_language (const char *language);
gboolean ipd_i18n_is_language        (const char *language);

G_END_DECLS
