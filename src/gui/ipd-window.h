/* ipd-window.h
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ipd-application.h"
#include "ipd-store.h"

G_BEGIN_DECLS

#define IPD_TYPE_WINDOW (ipd_window_get_type ())
G_DECLARE_FINAL_TYPE (IpdWindow, ipd_window, IPD, WINDOW, AdwApplicationWindow)

IpdWindow *ipd_window_new          (IpdApplication *application,
                                    IpdStore       *store,
                                    const GError   *open_error);
void       ipd_window_set_store    (IpdWindow *self, IpdStore *store);
void       ipd_window_open_register (IpdWindow *self, const char *path, gboolean load_demo);
IpdStore  *ipd_window_get_store    (IpdWindow *self);
void       ipd_window_search       (IpdWindow *self, const char *text);
guint      ipd_window_get_n_listed (IpdWindow *self);

G_END_DECLS
