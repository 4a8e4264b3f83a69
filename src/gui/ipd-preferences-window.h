/* ipd-preferences-window.h — the officer's and the register's settings
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-store.h"

G_BEGIN_DECLS

#define IPD_TYPE_PREFERENCES_WINDOW (ipd_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (IpdPreferencesWindow, ipd_preferences_window, IPD, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

IpdPreferencesWindow *ipd_preferences_window_new (GtkWindow *parent, IpdStore *store);

G_END_DECLS
