/* ipd-front-desk-window.h — the reception's screen: visitors look up
 * their dossier's status, and see nothing else
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-store.h"

G_BEGIN_DECLS

#define IPD_TYPE_FRONT_DESK_WINDOW (ipd_front_desk_window_get_type ())

G_DECLARE_FINAL_TYPE (IpdFrontDeskWindow, ipd_front_desk_window, IPD, FRONT_DESK_WINDOW, AdwApplicationWindow)

/* The front desk's limits: ten lookups a minute, back to the start after a
 * minute without input, five PIN attempts in five minutes. */
#define IPD_FRONT_DESK_LOOKUPS_PER_MINUTE 10
#define IPD_FRONT_DESK_IDLE_SECONDS       60
#define IPD_FRONT_DESK_PIN_ATTEMPTS       5

IpdFrontDeskWindow *ipd_front_desk_window_new  (GtkApplication *application,
                                                IpdStore       *store);
void                ipd_front_desk_window_look_up (IpdFrontDeskWindow *self,
                                                   const char         *text);

G_END_DECLS
