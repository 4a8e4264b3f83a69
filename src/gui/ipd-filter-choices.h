/* ipd-filter-choices.h — the kind and officer drop-downs of the agenda and statistics pages
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ipd-store.h"

G_BEGIN_DECLS

void        ipd_filter_choices_set_kinds    (GtkDropDown *drop_down);
const char *ipd_filter_choices_get_kind     (GtkDropDown *drop_down);
void        ipd_filter_choices_set_officers (GtkDropDown *drop_down, IpdStore *store);
const char *ipd_filter_choices_get_officer  (GtkDropDown *drop_down);

G_END_DECLS
