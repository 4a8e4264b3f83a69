/* ipd-text.h — Vietnamese text: normalisation, search folding, collation
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char   *ipd_text_normalize        (const char *text);
char   *ipd_text_fold             (const char *text);
GBytes *ipd_text_sort_key         (const char *text);
char   *ipd_text_collator_version (void);
gboolean ipd_text_is_blank        (const char *text);
void    ipd_text_tidy             (char **text);

G_END_DECLS
