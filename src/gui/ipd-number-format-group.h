/* ipd-number-format-group.h — the form of one kind's application numbers
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-store.h"

G_BEGIN_DECLS

#define IPD_TYPE_NUMBER_FORMAT_GROUP (ipd_number_format_group_get_type ())
G_DECLARE_FINAL_TYPE (IpdNumberFormatGroup, ipd_number_format_group, IPD, NUMBER_FORMAT_GROUP,
                      AdwPreferencesGroup)

GtkWidget  *ipd_number_format_group_new       (IpdStore              *store,
                                               const IpdNumberFormat *format);
const char *ipd_number_format_group_get_kind  (IpdNumberFormatGroup *self);
const char *ipd_number_format_group_get_error (IpdNumberFormatGroup *self);

G_END_DECLS
