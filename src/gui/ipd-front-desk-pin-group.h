/* ipd-front-desk-pin-group.h — the officer PIN that closes the front desk, in Preferences
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-store.h"

G_BEGIN_DECLS

#define IPD_TYPE_FRONT_DESK_PIN_GROUP (ipd_front_desk_pin_group_get_type ())
G_DECLARE_FINAL_TYPE (IpdFrontDeskPinGroup, ipd_front_desk_pin_group, IPD, FRONT_DESK_PIN_GROUP,
                      AdwPreferencesGroup)

void ipd_front_desk_pin_group_set_store (IpdFrontDeskPinGroup *self, IpdStore *store);

G_END_DECLS
